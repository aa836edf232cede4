"""The ``polchan`` command line: a thin Typer layer over the core modules.

Only Typer is imported at module level; the gazetteer, the registry (PyYAML)
and Rich are imported inside the commands that use them. The console script
(:mod:`polchan_cli.entry`) answers the commonest runs before this module is
imported at all.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import __version__
from .i18n import N_, format_number, gettext, ngettext, os_reason
from .lookup import (
    ExitCode,
    ReaderGone,
    closed_stream_error,
    command_to_validate,
    complete_place,
    dump_json,
    find,
    list_channels,
    load_registry_or_report,
    query_from_args,
    stdin_is_terminal,
)
from .typer_i18n import LocalizedCommand, LocalizedGroup

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import BinaryIO

    from .registry import Registry
    from .resolution import Resolution

__all__ = ["ExitCode", "app", "main"]


APP_HELP = N_(
    "Find the police WhatsApp channel for a German town, Ortsteil, district or postcode.\n\n"
    "Example: polchan find Celle\n\n"
    "Exit codes: 0 a channel was found; 1 nothing matched; 2 usage or input error "
    "(including an invalid registry file); 3 places matched but no channel covers them "
    "(open: also several channels and no terminal to choose); "
    "70 internal error (--debug shows where); 74 the output could not be written "
    "(a full disk); 130 interrupted.\n\n"
    "Language: --lang de|en, else POLCHAN_LANG, else LC_ALL, LC_MESSAGES or LANG.\n\n"
    "Your own channels: --registry PATH, else POLCHAN_REGISTRY, else the file polchan "
    "paths shows, merged over the bundled ones; polchan validate PATH checks it."
)

app = typer.Typer(
    name="polchan",
    cls=LocalizedGroup,
    help=APP_HELP,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        # The value is read before parsing (typer_i18n.LocalizedGroup.main); here for --help.
        help=N_("Language of the output: de or en (default: POLCHAN_LANG, else your locale)."),
        metavar="de|en",
        show_default=False,
    ),
]

DebugOption = Annotated[
    bool,
    typer.Option(
        "--debug",
        # Read before parsing (entry.main), on any command; here for --help.
        help=N_("On an internal error, show the traceback instead of one line."),
    ),
]

# Where the user registry's path came from (store.user_registry_path).
REGISTRY_ORIGINS = {
    "option": N_("the --registry option"),
    "env": N_("the POLCHAN_REGISTRY environment variable"),
    "config": N_("the config directory"),
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"polchan {__version__}")
        raise typer.Exit()


def _registry_file(text: str) -> Path:
    """A registry path as typed. An empty one names no file: Path("") would be the
    current directory, and a script's unset variable (--registry "$FILE") would be
    reported as "a directory"; nor does one of spaces alone, a slip of quoting."""
    if not text.strip():
        raise typer.BadParameter(gettext("an empty path names no file"))
    return Path(text)


RegistryOption = Annotated[
    Path | None,
    typer.Option(
        "--registry",
        # POLCHAN_REGISTRY is read by store.user_registry_path, not here as envvar=:
        # so `polchan paths` can tell the option from the variable.
        help=N_(
            "Your own channels.yaml, merged over the bundled one "
            "(default: $POLCHAN_REGISTRY, else the one in your config directory)."
        ),
        metavar=N_("PATH"),
        show_default=False,
        # Not checked by Click: polchan reports an unreadable file itself, in one
        # translated line.
        parser=_registry_file,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help=N_("Print JSON instead of a table."))]


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help=N_("Show the version and exit.")
        ),
    ] = False,
    lang: LangOption = None,
    debug: DebugOption = False,
    registry_path: RegistryOption = None,
) -> None:
    """Find the police WhatsApp channel for a German place or postcode."""


def _given(ctx: typer.Context, path: Path | None) -> Path | None:
    """The --registry given after the command, else the one given before it
    (``polchan --registry mine.yaml find Celle``, as --lang may be)."""
    return path if path is not None else ctx.find_root().params.get("registry_path")


QUERY_HELP = N_(
    "A town, Ortsteil, district, postcode or channel name; "
    "also an address with its postcode, a place with where it lies (Hagen, Stade), "
    "the office code of a press release (POL-WL) or its heading "
    "(Westercelle: Unfall; Buxtehude/Neu Wulmstorf). "
    "Quotes are optional: several words are one query."
)


def _warn(message: str) -> None:
    """One line on stderr, as every message of polchan is written (a line break
    in what the user typed is shown as an escape)."""
    from .render import visible

    typer.echo(f"polchan: {visible(message)}", err=True)


def _fail(message: str, code: ExitCode = ExitCode.USAGE) -> NoReturn:
    _warn(message)
    raise typer.Exit(code)


def _registry(path: Path | None) -> Registry:
    registry = load_registry_or_report(path)
    if registry is None:
        raise typer.Exit(ExitCode.USAGE)
    return registry


def _resolve_or_fail(query: str, registry: Registry) -> Resolution:
    from .resolve import QueryError, resolve

    try:
        return resolve(query, registry)
    except QueryError as exc:
        _fail(exc.localized())


@app.command("find", cls=LocalizedCommand)
def find_command(
    ctx: typer.Context,
    query: Annotated[
        list[str] | None,
        typer.Argument(
            help=QUERY_HELP,
            autocompletion=complete_place,
            metavar=N_("PLACE"),
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
    batch: Annotated[
        str | None,
        typer.Option(
            "--batch",
            help=N_(
                "Read one query per line from FILE ('-' for standard input); "
                "print one JSON line for each, blank lines too."
            ),
            metavar=N_("FILE"),
            show_default=False,
        ),
    ] = None,
    registry_path: RegistryOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Find the channel for a place or postcode.

    Example: polchan find "Winsen (Luhe)"

    Exit codes: 0 a channel was found; 1 nothing matched; 2 usage or input error;
    3 places matched but no channel covers them; 70 internal error (--debug shows
    where); 74 the output could not be written; 130 interrupted.
    In --batch mode: 0 when every line was processed.
    """
    if batch is not None:
        if query:
            _fail(gettext("give either a PLACE or --batch FILE, not both"))
        _find_batch(batch, _registry(_given(ctx, registry_path)))
        return
    if not query:
        _fail(gettext("missing PLACE: try 'polchan find Celle' or 'polchan find 21423'"))
    raise typer.Exit(find(query_from_args(query), json_output, _given(ctx, registry_path)))


def _cannot_read(name: str, reason: OSError | str) -> NoReturn:
    """Fail with "cannot read FILE: REASON", for an OSError as the system says it."""
    if isinstance(reason, OSError):
        reason = os_reason(reason)
    _fail(gettext("cannot read {file}: {reason}").format(file=name, reason=reason))


def _find_batch(source: str, registry: Registry) -> None:
    from .lookup import stdin_bytes

    if not source.strip():
        _fail(gettext("--batch needs a file: its path, or - for standard input"))
    name = gettext("standard input") if source == "-" else source
    try:
        stream = stdin_bytes() if source == "-" else open(source, "rb")  # noqa: SIM115
    except OSError as exc:
        _cannot_read(name, exc)
    # Standard input stays open; a file is closed however the batch ends.
    with contextlib.nullcontext() if source == "-" else stream:
        _answer_batch(stream, name, registry)


def _answer_batch(stream: BinaryIO, name: str, registry: Registry) -> None:
    import stat

    from .batch_input import batch_lines
    from .lookup import BatchProcessLost, batch_answers, batch_workers

    try:
        lines = batch_lines(stream)
    except OSError as exc:
        _cannot_read(name, exc)
    try:
        status = os.fstat(stream.fileno())
        regular, size = stat.S_ISREG(status.st_mode), status.st_size
    except (OSError, ValueError):  # a stream with no file behind it (tests)
        regular, size = False, 0
    if lines is None:
        _cannot_read(
            name,
            gettext("not text in UTF-8, UTF-16 or Windows-1252 (in Excel, save as 'CSV UTF-8')"),
        )
    workers = batch_workers(size) if regular else 1
    # A read error midway (EIO, a network drive gone) ends the lines, not the
    # batch: the answers to every line read before it, some still being answered
    # by the processes or held back for a block, are written first, then the error.
    read_error: list[OSError] = []
    lines = _until_unreadable(lines, read_error)
    # Taken before the progress bar starts: Rich puts a stand-in for stdout in place
    # while it draws, which would print the answers on the terminal, not into the
    # file they are sent to (> answers.jsonl).
    stdout = sys.stdout
    out: list[str] = []
    try:
        with batch_answers(lines, registry, workers) as answered:
            answers: Iterable[str] = answered
            # Not where the answers come to the terminal too: they would be drawn
            # on the bar's line.
            if regular and size > 32_000 and sys.stderr.isatty() and not stdout.isatty():
                from rich.progress import track

                from .render import make_console

                # On stderr, where it neither mixes into the JSON lines nor is lost with them.
                answers = track(
                    answers,
                    description=gettext("Resolving"),
                    transient=True,
                    console=make_console(stderr=True),
                )
            for line in answers:
                out.append(line)
                # A file is answered in blocks; a pipe line by line, as its lines come
                # (tail -f, a co-process waiting for each answer).
                if len(out) >= 500 or not regular:
                    stdout.write("\n".join(out) + "\n")
                    out.clear()
                    if not regular:
                        stdout.flush()
    except BatchProcessLost:
        _fail(
            gettext(
                "a process answering the batch was stopped (out of memory?); run it "
                "again, or in one process: taskset -c 0 polchan find --batch FILE"
            ),
            ExitCode.INTERNAL,
        )
    if out:
        stdout.write("\n".join(out) + "\n")
    if read_error:
        stdout.flush()  # at a terminal, the answers come before the error
        _cannot_read(name, read_error[0])


def _until_unreadable(lines: Iterator[str], error: list[OSError]) -> Iterator[str]:
    """The lines, up to the last one read whole before a read error, which is put
    in ``error`` (a line cut short by it is no query, and is dropped)."""
    try:
        yield from lines
    except OSError as exc:
        error.append(exc)


@app.command("list", cls=LocalizedCommand)
def list_command(
    ctx: typer.Context,
    json_output: JsonOption = False,
    registry_path: RegistryOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """List every channel in the registry.

    Example: polchan list --json
    """
    code = list_channels(json_output, _given(ctx, registry_path))
    if code:
        raise typer.Exit(code)


@app.command("open", cls=LocalizedCommand)
def open_command(
    ctx: typer.Context,
    query: Annotated[
        list[str],
        typer.Argument(help=QUERY_HELP, autocompletion=complete_place, metavar=N_("PLACE")),
    ],
    print_only: Annotated[
        bool, typer.Option("--print", help=N_("Print the link instead of opening the browser."))
    ] = False,
    qr: Annotated[
        bool,
        typer.Option("--qr", help=N_("Print the link as a QR code to scan with your phone.")),
    ] = False,
    open_all: Annotated[
        bool, typer.Option("--all", help=N_("Open every matching channel."))
    ] = False,
    registry_path: RegistryOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Open the channel for a place in the browser.

    Example: polchan open Stade --print

    Exit codes: 0 opened (or printed); 1 nothing matched; 2 usage or input error;
    3 no channel covers the place, or several channels and no terminal to choose
    one; 130 interrupted.
    """
    from .opening import (
        exact_queries,
        notices_before_opening,
        opening,
        places_for,
        refusal_words,
    )
    from .registry import is_channel_url

    registry = _registry(_given(ctx, registry_path))
    # One channel is to be opened: a type word narrows to what it names, an umlaut
    # to the places so spelled.
    res = _resolve_or_fail(query_from_args(query), registry).asked_for().spelled_as_typed()
    plan = opening(res)
    channels = plan.channels
    if plan.refused is not None:
        said_first, reason = refusal_words(res, plan)
        for line in said_first:
            _warn(line)
        if plan.refused == "not_found":
            _fail(reason, ExitCode.NOT_FOUND)
        if plan.refused == "only_begun":
            _fail(reason, ExitCode.NO_CHANNEL)
        # Places no channel covers: the user's registry may have switched theirs off.
        _warn(reason)
        _fail_if_switched_off(res, registry, _given(ctx, registry_path))
        raise typer.Exit(ExitCode.NO_CHANNEL)
    for line in notices_before_opening(res, channels, open_all=open_all):
        _warn(line)
    if len(channels) > 1 and not open_all:
        for i, c in enumerate(channels, 1):
            # On stdout only to be answered at the prompt: `url=$(polchan open …)`
            # must capture a link or nothing.
            where = places_for(res, c)
            named = f"{c.name} ({where})" if where else c.name
            typer.echo(f"{i}. {named}  {c.url}", err=not _can_ask())
        if _can_ask():
            channels = (channels[_ask_number(len(channels)) - 1],)
        else:
            _fail(
                gettext(
                    "'{query}' matches {n} channels; name the place exactly ({places}) or use --all"
                ).format(
                    query=res.query,
                    n=len(channels),
                    places=exact_queries(res, most=4, channels=channels),
                ),
                ExitCode.NO_CHANNEL,
            )
    unopened = 0
    for c in channels:
        if not is_channel_url(c.url):
            _fail(
                gettext("refusing to open {url}: not a https://whatsapp.com/channel/ link").format(
                    url=repr(c.url)
                )
            )
        if len(channels) > 1:
            # --all: each link under its channel's name, so that two QR codes can be
            # told apart; beside --print's bare links, on stderr.
            where = places_for(res, c)
            typer.echo(f"{c.name} ({where}):" if where else f"{c.name}:", err=not qr)
        typer.echo(c.url)
        if qr:
            _print_qr(c.url)
        if not (print_only or qr) and not open_in_browser(c.url):
            unopened += 1
    if unopened:
        _warn(
            ngettext(
                "could not open a browser; open the link above yourself",
                "could not open a browser; open the links above yourself",
                unopened,
            )
        )


def _fail_if_switched_off(res: Resolution, registry: Registry, path: Path | None) -> None:
    """Say, after open's refusal, that the user's registry disables the channel
    that would cover the place (see :func:`~polchan_cli.lookup.switched_off`)."""
    from .lookup import switched_off

    if line := switched_off(res, registry, path, sentence=False):
        _fail(line, ExitCode.NO_CHANNEL)


def open_in_browser(url: str) -> bool:
    """Open url in the browser; whether one could be started.

    ``typer.launch`` says 0 without knowing: it leaves ``xdg-open`` running, and
    where there is neither macOS's ``open`` nor ``xdg-open`` (Windows, a bare
    server or container) it hands the link to Python's :mod:`webbrowser` and
    ignores its answer. So ``xdg-open``, or else ``gio open``, is given a moment
    to fail (each hands the link on and exits; a browser it started itself keeps
    running, which counts as opened), and elsewhere :mod:`webbrowser` is asked
    itself. Not :mod:`webbrowser` where ``gio`` is: it would start ``gio`` in the
    background and say yes, and gio's error would come after polchan's exit. But a
    browser named in ``$BROWSER`` (``wslview``, an editor's remote opener) is the
    user's choice, and the only one tried where it is set.
    """
    if sys.platform == "darwin":
        return typer.launch(url) == 0
    browser_set = os.environ.get("BROWSER", "")
    if chosen := [c for c in browser_set.split(os.pathsep) if c]:
        # Only the user's choice: webbrowser.open goes on to any browser it knows
        # when that one fails, lynx taking over the terminal too.
        return any(_opened_by(command, url) for command in chosen)
    for command in () if browser_set else HAND_OFF_COMMANDS:
        if program := shutil.which(command[0]):
            import subprocess

            quiet = subprocess.DEVNULL
            started = subprocess.Popen([program, *command[1:], url], stdout=quiet, stderr=quiet)
            try:
                return started.wait(timeout=XDG_OPEN_PATIENCE) == 0
            except subprocess.TimeoutExpired:
                return True
    import webbrowser

    return webbrowser.open(url)


def _opened_by(command: str, url: str) -> bool:
    """Whether the browser ``command`` (an entry of ``$BROWSER``) took the link."""
    import webbrowser

    try:
        browser = webbrowser.get(command)
    except webbrowser.Error:  # a path webbrowser knows no controller for
        browser = webbrowser.GenericBrowser(command)
    return browser.open(url)


# Commands that hand a link to the desktop's browser and exit, best first.
HAND_OFF_COMMANDS = (("xdg-open",), ("gio", "open"))
XDG_OPEN_PATIENCE = 3.0  # seconds xdg-open is given to say it could not open the link


def _can_ask() -> bool:
    """Whether someone is at a terminal to answer a question (stdin and stdout)."""
    return stdin_is_terminal() and sys.stdout.isatty()


def _ask_number(n: int) -> int:
    """A number from 1 to ``n`` typed at the prompt, asked again until it is one."""
    while True:
        try:
            # No default: Enter alone must not open the first of two districts' channels.
            answer = typer.prompt(
                gettext("Which channel?"), default="", show_default=False, prompt_suffix=" "
            )
        except typer.Abort:
            # Ctrl-D: the user backs out, as with Ctrl-C (130), not exit 1, which
            # says "nothing matched". The prompt left the cursor on its line.
            typer.echo(err=True)
            _fail(gettext("interrupted"), ExitCode.INTERRUPTED)
        # "1." as the list writes it; not isdigit(), which takes "²", int() not.
        answer = answer.strip().removesuffix(".")
        if answer.isdecimal() and 1 <= int(answer) <= n:
            return int(answer)
        # A slip of the finger: say what is wanted and ask again, keeping the list in view.
        _warn(gettext("choose a number from 1 to {n}").format(n=n))


def _print_qr(url: str) -> None:
    from .render import make_console, print_qr, qr_rows

    rows = qr_rows(url)
    console = make_console()
    try:
        "".join(rows).encode(console.encoding)
    except (UnicodeEncodeError, LookupError):
        # Drawn as "?" (PYTHONIOENCODING=ascii, a Latin-1 terminal), no code scans.
        _warn(
            gettext(
                "the QR code needs a UTF-8 terminal, this one writes {encoding}; "
                "the link is printed above"
            ).format(encoding=console.encoding)
        )
        return
    if console.width < len(rows[0]):
        # A code cut or wrapped at the edge cannot be scanned; the link is printed above.
        _warn(
            gettext(
                "the QR code needs {need} columns, the terminal has {width}: "
                "widen the window, or use the link printed above"
            ).format(need=len(rows[0]), width=console.width)
        )
        return
    print_qr(console, rows)


@app.command("sources", cls=LocalizedCommand)
def sources_command(
    ctx: typer.Context,
    json_output: JsonOption = False,
    registry_path: RegistryOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Show where the data comes from: sources, dates, licences.

    Example: polchan sources --json
    """
    from .sources import describe_sources

    info = describe_sources(_registry(_given(ctx, registry_path)))
    if json_output:
        typer.echo(dump_json(info))
        return
    from .render import make_console, print_sources

    print_sources(make_console(), info)


def _file_to_check(ctx: typer.Context, path: Path | None, option: Path | None) -> Path | None:
    """The file ``validate`` checks: its PATH or a --registry after it, which name one
    file (``validate mine.yaml --registry mine.yaml`` too); two files are a usage
    error, not one of them checked and the other passed over in silence."""
    if path is None or option is None or _same_file(path, option):
        return path if path is not None else option
    from typer._click.exceptions import UsageError

    from .registry import shown_path

    raise UsageError(
        gettext("two files to check: {path} and --registry {option}; give one").format(
            path=shown_path(path), option=shown_path(option)
        ),
        ctx,
    )


def _same_file(one: Path, other: Path) -> bool:
    from .store import home_expanded

    one, other = home_expanded(one), home_expanded(other)
    if os.path.abspath(one) == os.path.abspath(other):
        return True
    try:
        return os.path.samefile(one, other)
    except OSError:  # either missing: reading it says so
        return False


@app.command("validate", cls=LocalizedCommand)
def validate_command(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(
            help=N_("A registry file (default: yours, else the bundled one)."),
            metavar=N_("PATH"),
            show_default=False,
            parser=_registry_file,  # reported by polchan, as for --registry
        ),
    ] = None,
    registry_path: Annotated[
        Path | None,
        typer.Option(
            "--registry",
            # As the README says --registry goes before or after any command.
            help=N_("Check the registry file PATH (the same as the argument)."),
            metavar=N_("PATH"),
            show_default=False,
            parser=_registry_file,
        ),
    ] = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Check a registry file and print every problem with file:line.

    Example: polchan validate ~/.config/polchan/channels.yaml
    """
    from .registry import RegistryError, shown_path
    from .store import bundled_registry_path, home_expanded, user_registry_path

    path = _given(ctx, _file_to_check(ctx, path, registry_path))
    if path == Path("-") and sys.stdin is None:
        # Started without one (<&-): /dev/stdin links to nothing, which would be
        # said of /dev/stdin, a file the user never named. As find --batch - says.
        _cannot_read(gettext("standard input"), closed_stream_error())
    if path == Path("-") and os.path.exists("/dev/stdin"):
        # "cat mine.yaml | polchan validate -", as linters read standard input.
        path = Path("/dev/stdin")
    target = (path and home_expanded(path)) or user_registry_path()[0] or bundled_registry_path()
    try:
        registry = _checked_registry(target)
    except RegistryError as exc:
        # The problems are what validate was asked for: its output, on stdout, as
        # linters write theirs (`polchan validate mine.yaml > report.txt`). Still
        # exit 2 however soon the reader goes (`validate | head -1`).
        with contextlib.suppress(ReaderGone):
            for problem in exc.problems:
                typer.echo(problem.localized())
            n = len(exc.problems)
            typer.echo(
                ngettext("{file}: {n} problem", "{file}: {n} problems", n).format(
                    file=shown_path(target), n=format_number(n)
                )
            )
        raise typer.Exit(ExitCode.USAGE) from None
    n = len(registry.channels)
    typer.echo(
        ngettext(
            "{file}: valid, {n} channel in force", "{file}: valid, {n} channels in force", n
        ).format(file=shown_path(target), n=format_number(n))
    )
    if registry.unchanged:
        # A copy of the bundled file hides the fixes later releases bring.
        typer.echo(
            gettext(
                "{file}: repeats without a change: {ids}; leave them out, so that "
                "fixes in later releases reach you (give only what you change)"
            ).format(file=shown_path(target), ids=", ".join(registry.unchanged))
        )


@app.command("paths", cls=LocalizedCommand)
def paths_command(
    ctx: typer.Context,
    json_output: JsonOption = False,
    registry_path: RegistryOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Show where your registry and the cache live, and whether they exist.

    Example: polchan paths --json
    """
    from .registry import shown_path
    from .store import (
        bundled_registry_path,
        path_state,
        user_cache_dir,
        user_config_dir,
        user_registry_path,
    )

    user, origin = user_registry_path(_given(ctx, registry_path))
    try:
        default_user = user_config_dir() / "channels.yaml"
    except Exception:
        default_user = None
    shown = user or default_user
    try:
        cache: Path | None = user_cache_dir()
    except Exception:
        cache = None
    if json_output:
        # Scripts want the paths and whether they are there, not the wording;
        # os.path.exists says False where the system cannot tell (a name too long).
        # A path as absolute, as a script may run elsewhere; "usable" whether it is
        # what it should be: a file polchan may read, a folder for the cache.
        def where(path: Path, usable: bool) -> dict[str, object]:
            return {"path": os.path.abspath(path), "exists": os.path.exists(path), "usable": usable}

        user_entry = None
        if shown is not None:
            readable = os.path.exists(shown) and not os.path.isdir(shown)
            usable = readable and os.access(shown, os.R_OK) and not _problems_in(shown)
            user_entry = where(shown, usable)
            user_entry["from"] = origin
        info = {
            "user_registry": user_entry,
            "cache_directory": None if cache is None else where(cache, os.path.isdir(cache)),
            "bundled_registry": str(bundled_registry_path()),
        }
        typer.echo(dump_json(info))
        return
    no_home = gettext("none (no home directory)")
    if shown is None:
        rows = [(gettext("user registry"), no_home)]
    else:
        state = path_state(shown, registry=True)
        if problems := _problems_in(shown):
            # Every command would refuse it: say so where the user looks for it, and
            # how to see them (plain "validate" checks another file where the path
            # came from --registry).
            command = command_to_validate(shown if origin == "option" else None)
            state = ngettext(
                "exists, with {n} problem: {command} shows it",
                "exists, with {n} problems: {command} shows them",
                problems,
            ).format(n=format_number(problems), command=command)
        rows = [
            (
                gettext("user registry"),
                gettext("{path}  ({state}; from {origin})").format(
                    path=shown_path(shown), state=state, origin=gettext(REGISTRY_ORIGINS[origin])
                ),
            )
        ]
    if cache is None:
        rows.append((gettext("cache directory"), no_home))
    else:
        rows.append((gettext("cache directory"), f"{shown_path(cache)}  ({path_state(cache)})"))
    rows.append((gettext("bundled registry"), shown_path(bundled_registry_path())))
    width = max(len(label) for label, _ in rows) + 2
    for label, value in rows:
        typer.echo(f"{label + ':':<{width}}{value}")


def _checked_registry(target: Path) -> Registry:
    """The registry file ``target`` merged over the bundled one (the bundled one
    alone where it is ``target``), read and checked afresh, not from the cache;
    RegistryError with its problems."""
    from .registry import load_registry
    from .store import bundled_registry_path, registry_checks

    bundled, checks = bundled_registry_path(), registry_checks()
    base = load_registry(bundled, **checks)
    return base if target == bundled else load_registry(target, base=base, **checks)


def _problems_in(path: Path) -> int:
    """How many problems the registry file at ``path`` has, merged over the bundled
    one; 0 where it is valid, or is no regular file (a pipe is read only once, and
    the other kinds are said by :func:`~polchan_cli.store.path_state`)."""
    from .registry import RegistryError

    try:
        if not path.is_file():
            return 0
        _checked_registry(path)  # not through the cache, which paths only shows
    except RegistryError as exc:
        return len(exc.problems)
    except OSError:
        return 0
    return 0


def main() -> None:
    """Run polchan (kept for ``polchan_cli.cli:main`` callers; see :mod:`polchan_cli.entry`)."""
    from .entry import main as entry_main

    entry_main()
