"""The user's language: which one to speak, its gettext catalogue, German formats.

polchan speaks English (the message ids) and German (``locale/de/LC_MESSAGES/
polchan.mo``, compiled from ``polchan.po`` by ``tools/build_catalogs.py``).
The language is chosen once per invocation, in this order:

1. ``--lang de|en`` on the command line;
2. ``POLCHAN_LANG`` (``de``, ``en``, or a locale name such as ``de_AT``);
3. the first non-empty of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, read like
   POSIX does (``de_DE.UTF-8``, ``de_AT``, ``de`` give German; ``C`` or any
   other language gives English);
4. English.

The chosen language lives in a context variable for the length of one
command, so a test (or an embedding program) can run both languages in one
process. Strings are marked with :func:`gettext` (translated now) or
:func:`N_` (translated later, e.g. constants and help texts).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import NullTranslations

__all__ = [
    "LANGUAGES",
    "N_",
    "choose_language",
    "current_language",
    "format_date",
    "format_number",
    "gettext",
    "language_in_args",
    "language_of",
    "ngettext",
    "os_reason",
    "speaking",
    "translations",
]

LANGUAGES = ("en", "de")
DOMAIN = "polchan"
LOCALE_DIR = Path(__file__).parent / "locale"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_language: contextvars.ContextVar[str] = contextvars.ContextVar("polchan_language", default="en")


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet."""
    return message


def language_of(value: str | None) -> str | None:
    """The supported language a locale name asks for, or None if it names none.

    Accepts ``de``, ``DE``, ``de_DE.UTF-8``, ``de-AT``, ``de_CH@euro``, ``en_GB``;
    ``C``, ``POSIX``, empty and unsupported languages (``fr_FR``) give None.
    """
    if not value:
        return None
    code = value.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def language_in_args(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang X`` / ``--lang=X`` before ``--``, if any."""
    value = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
    return value


def choose_language(option: str | None, environ: Mapping[str, str]) -> str:
    """The language for this run: ``--lang``, else ``POLCHAN_LANG``, else the locale.

    ``option`` must already be ``de`` or ``en`` (the CLI checks it). A set
    ``POLCHAN_LANG`` or locale variable that names another language means
    English: like POSIX, the first variable that is set decides.
    """
    if option:
        return option
    own = environ.get("POLCHAN_LANG", "").strip()
    if own:
        return language_of(own) or "en"
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable, "").strip()
        if value:
            return language_of(value) or "en"
    return "en"


class _MessageIds:
    """English: each message is its own id, as gettext's NullTranslations gives it."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural


@functools.cache
def translations(language: str) -> NullTranslations | _MessageIds:
    """The bundled catalogue for ``language`` (English is the identity)."""
    if language == "en":
        # No catalogue to look for: a run in English imports neither gettext nor
        # the locale module gettext's search needs (2 ms of "find Celle").
        return _MessageIds()
    import gettext

    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def current_language() -> str:
    """The language of the running command (``en`` outside one)."""
    return _language.get()


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Speak ``language`` inside the ``with`` block."""
    token = _language.set(language if language in LANGUAGES else "en")
    try:
        yield
    finally:
        _language.reset(token)


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return translations(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, in the current language."""
    return translations(_language.get()).ngettext(singular, plural, n)


def format_number(n: int) -> str:
    """``n`` with thousands separators: ``10,000`` in English, ``10.000`` in German."""
    text = f"{n:,}"
    return text.replace(",", ".") if _language.get() == "de" else text


def format_date(iso: str) -> str:
    """An ISO date (``2026-03-05``, ``2026-03`` or ``2026``) as readers expect it.

    German: ``05.03.2026``, ``03/2026``; English keeps ISO. Anything that is
    not an ISO date is returned unchanged.
    """
    if _language.get() != "de":
        return iso
    parts = iso.split("-")
    if not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return iso
    if len(parts) == 3:
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}"
    return iso


# What the system says when a file cannot be read or written, for the errors a user
# meets (a mistyped path, a folder, a full disk); anything else as the system says it.
_OS_REASONS = {
    "ENOENT": N_("no such file or directory"),
    "EISDIR": N_("is a directory"),
    "ENOTDIR": N_("a part of the path is not a directory"),
    "EACCES": N_("permission denied"),
    "EPERM": N_("permission denied"),
    "ENOSPC": N_("no space left on device"),
    "EROFS": N_("read-only file system"),
    "EDQUOT": N_("disk quota exceeded"),
    "EIO": N_("input/output error"),
    "EBADF": N_("bad file descriptor"),  # stdout closed: polchan … >&-
    "ENAMETOOLONG": N_("file name too long"),
    "EEXIST": N_("a file of that name is in the way"),
    "ELOOP": N_("too many symbolic links"),
}


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in the current language where it is a common case."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    return gettext(_OS_REASONS[name]) if name in _OS_REASONS else str(error.strerror or error)
