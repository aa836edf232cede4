"""The ``polchan`` console script: signals, pipes and encodings, then the answer.

Most runs of a lookup tool are ``polchan find QUERY... [--json]``, often many in a
row from a script, and the shell completing a place name after ``find`` or
``open``. Those (and ``--version``) are answered here without importing Typer,
whose import alone costs more than the lookup. The answers come from
:mod:`polchan_cli.lookup`, the same functions the Typer commands call, and
completion is printed in Typer's own bash/zsh format, so output and exit code
are the same either way (tests run both). Anything else (other commands,
options, ``--help``, ``--lang``, fish or PowerShell completion, quoting, a
query starting with ``-``) goes to the Typer app.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import signal
import sys
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

from . import __version__
from .i18n import choose_language, gettext, language_in_args, language_of, os_reason, speaking
from .lookup import (
    ExitCode,
    ReaderGone,
    closed_stream_error,
    complete_place,
    find,
    list_channels,
    query_from_args,
    say,
)

__all__ = ["fast_answer", "interrupted_before_the_run", "main"]


def _find_arguments(argv: Sequence[str]) -> tuple[str, bool] | None:
    """(query, json) when ``argv`` is ``find WORD...`` with at most ``--json``, else None.

    The words are one query, as the Typer command joins them: ``find Hagen Stade``.
    """
    if len(argv) < 2 or argv[0] != "find":
        return None
    rest = list(argv[1:])
    json_output = "--json" in rest
    if json_output:
        rest.remove("--json")
    if not rest or any(word.startswith("-") for word in rest):
        return None
    return query_from_args(rest), json_output


def _plain(line: str) -> bool:
    """Whether ``str.split`` splits ``line`` as the shell-like splitter would (no quoting)."""
    return not any(c in "\"'\\" or (c.isspace() and c not in " \t\r\n") for c in line)


def _completion_words(environ: Mapping[str, str]) -> tuple[str, list[str], str] | None:
    """(shell, words after the program, incomplete word) of a simple bash/zsh request."""
    instruction = environ.get("_POLCHAN_COMPLETE", "")
    if instruction == "complete_zsh":
        line = environ.get("_TYPER_COMPLETE_ARGS", "")
        if not _plain(line):
            return None
        words = line.split()[1:]
        if words and not line.endswith(" "):
            return "zsh", words[:-1], words[-1]
        return "zsh", words, ""
    if instruction == "complete_bash":
        line = environ.get("COMP_WORDS", "")
        if not _plain(line):
            return None
        words = line.split()
        try:
            cword = int(environ.get("COMP_CWORD", ""))
        except ValueError:
            return None
        if cword < 1:
            return None
        return "bash", words[1:cword], words[cword] if cword < len(words) else ""
    return None


def _complete(environ: Mapping[str, str]) -> int | None:
    request = _completion_words(environ)
    if request is None:
        return None
    shell, words, incomplete = request
    if words not in (["find"], ["open"]) or incomplete.startswith("-"):
        return None
    names = complete_place(incomplete)
    if shell == "bash":
        say("\n".join(names))
    elif names:
        items = "\n".join(f'"{_zsh_escape(name)}"' for name in names)
        say(f"_arguments '*: :(({items}))'")
    else:
        say("_files")
    return ExitCode.OK


def _zsh_escape(text: str) -> str:
    # As Typer's ZshComplete.format_completion escapes a value.
    return (
        text.replace('"', '""')
        .replace("'", "''")
        .replace("$", "\\$")
        .replace("`", "\\`")
        .replace(":", r"\\:")
    )


def _completing(environ: Mapping[str, str]) -> bool:
    """Whether the shell asks for completions (Typer's ``_POLCHAN_COMPLETE…``)."""
    return any(name.startswith("_POLCHAN_COMPLETE") for name in environ)


def fast_answer(argv: Sequence[str], environ: Mapping[str, str]) -> int | None:
    """Answer ``argv`` without Typer if it has one of the simple shapes; else None."""
    if _completing(environ):
        return _complete(environ)
    if list(argv) == ["--version"]:
        say(f"polchan {__version__}")
        return ExitCode.OK
    if list(argv) in (["list"], ["list", "--json"]):
        with speaking(choose_language(None, environ)):
            return list_channels(argv[-1] == "--json", None)
    found = _find_arguments(argv)
    if found is None:
        return None
    query, json_output = found
    with speaking(choose_language(None, environ)):
        # No --registry here; POLCHAN_REGISTRY is found by the store, as for Typer.
        return find(query, json_output, None)


def _asked_language() -> str | None:
    """The language ``--lang`` asks for, for messages written before Typer reads it
    (a closed stdout, a full disk); None if none or not one polchan speaks."""
    return language_of(language_in_args(sys.argv[1:]))


def _interrupted(signum: int, frame: object) -> NoReturn:
    _say_interrupted()
    raise SystemExit(ExitCode.INTERRUPTED)


def interrupted_before_the_run() -> NoReturn:
    """Ctrl-C while :func:`main` was still being imported (:mod:`polchan_cli.launch`):
    the same line and exit code as during the run."""
    if sys.stderr is not None:  # else started with 2>&-: the exit code says it
        language = choose_language(_asked_language(), os.environ)
        with speaking(language), contextlib.suppress(OSError, ValueError):
            _say_interrupted()
            sys.stderr.flush()
    raise SystemExit(ExitCode.INTERRUPTED)


def _say_interrupted() -> None:
    # The line break steps past the "^C" a terminal echoes; a log file or a pipe
    # has none, and would get an empty line.
    at_terminal = False
    with contextlib.suppress(AttributeError, OSError, ValueError):
        at_terminal = sys.stderr.isatty()
    sys.stderr.write(("\n" if at_terminal else "") + "polchan: " + gettext("interrupted") + "\n")


_PLAINER = "polchan-plainer"
# What a letter or mark is written as where the output's encoding lacks it, best
# first: German quotes as guillemets (»…«, also German) in Latin-1, umlauts as
# the ae/oe/ue polchan itself reads. Anything else loses its accents, else is "?".
_STAND_INS = {
    "„": ("»", '"'),
    "“": ("«", '"'),
    "”": ('"',),
    "‚": ("›", "'"),
    "‘": ("‹", "'"),
    "’": ("'",),
    "–": ("-",),
    "—": ("-",),
    "…": ("...",),
    "·": ("-",),
    "−": ("-",),
    "ä": ("ae",),
    "ö": ("oe",),
    "ü": ("ue",),
    "Ä": ("Ae",),
    "Ö": ("Oe",),
    "Ü": ("Ue",),
    "ß": ("ss",),
    "ẞ": ("SS",),
    "\u0308": ("e",),  # the two dots of an umlaut typed apart (macOS): "Lu\u0308neburg"
    "ł": ("l",),
    "Ł": ("L",),
    "œ": ("oe",),
    "Œ": ("OE",),
    "€": ("EUR",),
    "©": ("(c)",),  # "© OpenStreetMap contributors", as sources credits them
}


def _written_plainer(error: UnicodeError) -> tuple[str, int]:
    """The stand-ins for what an output encoding cannot write (a codecs error handler).

    Under ``LANG=de_DE.ISO-8859-1`` or ``PYTHONIOENCODING=ascii``, "?" for every
    „ and ü made German messages and place names hard to read.
    """
    if not isinstance(error, UnicodeEncodeError):
        raise error
    import unicodedata

    written = []
    for char in error.object[error.start : error.end]:
        unaccented = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        for stand_in in (*_STAND_INS.get(char, ()), unaccented, "?"):
            try:
                stand_in.encode(error.encoding)
            except (UnicodeError, LookupError):
                continue
            if stand_in:
                written.append(stand_in)
                break
    return "".join(written), error.end


def _write_nowhere(stream: Any) -> None:
    """Point the stream's file at /dev/null: what is still buffered, and the flush
    at exit, go nowhere instead of failing again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stream.fileno())


def _reader_gone() -> NoReturn:
    _write_nowhere(sys.stdout)
    raise ReaderGone(ExitCode.OK)


def _cannot_write(error: OSError) -> NoReturn:
    """The output cannot be written (a full disk, a lost network drive): one line, 74.

    Not a bug in polchan, so not exit 70 with "run again with --debug".
    """
    _write_nowhere(sys.stdout)
    # Also where it fails before Typer has read --lang (--version's one line).
    with speaking(choose_language(_asked_language(), os.environ)):
        message = gettext("cannot write output: {reason}").format(reason=os_reason(error))
    sys.stderr.write(f"polchan: {message}\n")
    raise SystemExit(ExitCode.CANNOT_WRITE)


class _NoStdout(io.RawIOBase):
    """The file behind stdout where polchan was started without one: its first
    write fails as a write to a closed descriptor does, and what follows goes
    nowhere, as after any failure to write (:func:`_write_nowhere`)."""

    def __init__(self, placeholder: int) -> None:
        self._placeholder = placeholder
        self._failed = False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if not self._failed:
            self._failed = True
            raise closed_stream_error()
        return len(data)

    def fileno(self) -> int:
        return self._placeholder


def _without_stdout() -> io.TextIOWrapper:
    """A stdout for a run started with descriptor 1 closed (``>&-``).

    /dev/null holds descriptor 1 meanwhile: a file polchan opens (``--batch``'s,
    the registry) would otherwise be given it, and a program it starts (the
    browser) would write into that file.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    if devnull != 1:
        os.dup2(devnull, 1)
        os.close(devnull)
    return io.TextIOWrapper(io.BufferedWriter(_NoStdout(1)), encoding="utf-8")


class _GuardedStream:
    """A standard stream whose failures to write go to ``_failed``, before Rich,
    Typer or the handler of bugs see them."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as error:
            self._failed(error)
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as error:
            self._failed(error)

    def _failed(self, error: OSError) -> None:
        raise error

    def __getattr__(self, name: str) -> Any:
        if name == "buffer":
            # Typer writes the bytes of UTF-8 to the buffer of a stream whose
            # encoding is ASCII (PYTHONIOENCODING=ascii), past the stand-ins for what
            # it cannot write; without a buffer it writes the text here.
            raise AttributeError(name)
        return getattr(self._stream, name)


class _ClosedPipeEndsQuietly(_GuardedStream):
    """stdout, except that a reader going away (``| head -1``) ends polchan quietly
    (:class:`~polchan_cli.lookup.ReaderGone`: exit 0, or the exit code of the answer
    ``find`` was writing), and any other failure to write ends it with one line and
    exit 74.

    Rich and Typer each turn a broken pipe into exit 1, which a script would read as
    "nothing matched", and any other write error would reach the handler of bugs;
    raising SystemExit here, before either sees the error, ends every command the
    same way.
    """

    def _failed(self, error: OSError) -> None:
        if isinstance(error, BrokenPipeError):
            _reader_gone()
        _cannot_write(error)


class _MessagesMayBeLost(_GuardedStream):
    """stderr, except that a failure to write it (``2>/dev/full``) loses the message
    quietly: the exit code still says what happened, where the failure had become
    an "internal error" and then Python's own exit 1 ("nothing matched")."""

    def _failed(self, error: OSError) -> None:
        with contextlib.suppress(OSError, ValueError):
            _write_nowhere(self._stream)


def main() -> None:
    """Console-script entry point: signals, pipes and encodings handled once, here."""
    signal.signal(signal.SIGINT, _interrupted)
    if sys.stderr is None:
        # Started with stderr closed (2>&-): messages go nowhere, exit codes still say.
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - open until exit
    if sys.stdout is None:
        # Started with stdout closed (>&-): output fails as on a full disk, but only
        # once there is some; a refusal said on stderr keeps its own exit code.
        sys.stdout = _without_stdout()
    codecs.register_error(_PLAINER, _written_plainer)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors=_PLAINER)  # type: ignore[union-attr]
    if _completing(os.environ):
        # The shell keeps the names that begin with the word as typed, byte for
        # byte: in the encoding the words came in (the locale's, as for file names),
        # whatever PYTHONIOENCODING says ("Lue…" were dropped).
        with contextlib.suppress(AttributeError, ValueError, LookupError):
            sys.stdout.reconfigure(  # type: ignore[union-attr]
                encoding=sys.getfilesystemencoding(), errors="surrogateescape"
            )
    sys.stdout = _ClosedPipeEndsQuietly(sys.stdout)  # type: ignore[assignment]
    sys.stderr = _MessagesMayBeLost(sys.stderr)  # type: ignore[assignment]
    # On any command, before or after it, like --lang; after "--" it is a query.
    args = sys.argv[1:]
    options = args[: args.index("--")] if "--" in args else args
    debug = "--debug" in options
    if debug:
        sys.argv[1:] = [arg for arg in options if arg != "--debug"] + args[len(options) :]
    try:
        try:
            code = fast_answer(sys.argv[1:], os.environ)
            if code is not None:
                sys.exit(code)
            from .cli import app

            app()
        finally:
            # Output still buffered is written now, while a failure can be reported
            # (the flush at interpreter exit would only print "Exception ignored").
            ending = sys.exc_info()[1]
            with speaking(choose_language(_asked_language(), os.environ)):
                try:
                    sys.stdout.flush()
                except ReaderGone:
                    # The reader went away before the last of the output: the
                    # command's exit code stands, as it would had it gone sooner, and
                    # so does a bug under way (exit 70, not a quiet 0).
                    if ending is None:
                        raise
    except BrokenPipeError:
        # Written past the wrapper (a direct write to the buffer): end the same way.
        _reader_gone()
    except Exception as error:
        if debug:
            raise
        _internal_error(error)


def _internal_error(error: Exception) -> NoReturn:
    """A bug: one line on stderr and exit 70, not a traceback (``--debug`` shows it)."""
    with speaking(choose_language(_asked_language(), os.environ)):
        message = gettext("internal error: {error}; run again with --debug to see where").format(
            error=f"{type(error).__name__}: {error}"
        )
    sys.stderr.write(f"polchan: {message}\n")
    raise SystemExit(ExitCode.INTERNAL)
