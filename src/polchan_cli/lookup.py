"""The ``find`` command's work, without Typer: a query in, the answer printed, an exit code out.

Also the shell completion of place names (``polchan find Lün<TAB>``), and
``find --batch``'s answering (:func:`batch_answers`; reading its input is
:mod:`polchan_cli.batch_input`'s job).

Shared by the Typer command (:mod:`polchan_cli.cli`) and the console script's
fast path (:mod:`polchan_cli.entry`), so both give the same bytes and the same
exit code. Also holds what every command needs: the exit codes, the registry
in force (problems reported on stderr) and JSON output.
"""

from __future__ import annotations

import contextlib
import enum
import itertools
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .shell import shell_word

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from concurrent.futures import Future, ProcessPoolExecutor
    from typing import BinaryIO

    from .registry import Registry
    from .resolution import Resolution
    from .resolve import QueryError

__all__ = [
    "BatchProcessLost",
    "ExitCode",
    "batch_answers",
    "batch_workers",
    "closed_stream_error",
    "command_to_validate",
    "complete_place",
    "dump_json",
    "exit_code_for",
    "find",
    "load_registry_or_report",
    "query_from_args",
    "say",
    "stdin_bytes",
    "stdin_is_terminal",
    "switched_off",
]


class ExitCode(enum.IntEnum):
    """polchan's exit codes (documented in ``--help`` and the README)."""

    OK = 0  # at least one channel found / command succeeded
    NOT_FOUND = 1  # nothing matched the query
    USAGE = 2  # usage or input error, invalid registry file
    NO_CHANNEL = 3  # places matched, but no channel covers them (or a choice is needed)
    INTERNAL = 70  # a bug in polchan (EX_SOFTWARE); --debug shows the traceback
    CANNOT_WRITE = 74  # the output could not be written, e.g. a full disk (EX_IOERR)
    INTERRUPTED = 130  # Ctrl-C


class ReaderGone(SystemExit):
    """The reader of the output went away (``| head -1``): the command ends
    quietly, with the exit code its answer has (0 unless a command says otherwise),
    not with the 1 Rich and Typer would give, which a script reads as "nothing
    matched". Raised by the console script's stdout (:mod:`polchan_cli.entry`),
    defined here so that :func:`find`, which entry imports, can catch it."""


def say(message: str, err: bool = False) -> None:
    """One line to stdout (or stderr)."""
    stream = sys.stderr if err else sys.stdout
    stream.write(message + "\n")
    stream.flush()


def dump_json(data: Any) -> str:
    """``data`` as one line of JSON; plain ASCII when stdout cannot take UTF-8."""
    import json

    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
    return json.dumps(data, ensure_ascii=encoding not in ("utf8", "utf_8"))


def query_from_args(words: Iterable[str]) -> str:
    """The query the command-line words make: one, as the words are one query.

    Where the locale is not UTF-8 but the terminal is (``LC_ALL=C`` with UTF-8 mode
    off), Python reads an umlaut in ``argv`` as two undecodable bytes and keeps
    them as stand-ins; each run of them is read as UTF-8 again, else as
    Windows-1252, so that "Göhrde" is not looked up as "G" and two unknowns, and
    one Latin-1 byte leaves the UTF-8 letters beside it alone.
    """
    return _UNDECODED.sub(_decoded, " ".join(words))


_UNDECODED = re.compile("[\udc80-\udcff]+")


def _decoded(run: re.Match[str]) -> str:
    as_utf8 = _raw(run.group()).decode("utf-8", errors="surrogateescape")
    return _UNDECODED.sub(lambda left: _raw(left.group()).decode("cp1252", "replace"), as_utf8)


def _raw(stand_ins: str) -> bytes:
    """The bytes Python kept as stand-ins (U+DC80 to U+DCFF) where it could not decode."""
    return bytes(ord(c) - 0xDC00 for c in stand_ins)


def exit_code_for(res: Resolution) -> ExitCode:
    """The exit code a resolution ends with."""
    return {
        "found": ExitCode.OK,
        "no_channel": ExitCode.NO_CHANNEL,
        "not_found": ExitCode.NOT_FOUND,
    }[res.status]


def load_registry_or_report(path: Path | None) -> Registry | None:
    """The registry in force, or None after one line on stderr: the first problem.

    One line, because the user asked for something else (a channel); how many more
    problems there are and where to see them (``polchan validate``) close the line.
    """
    import dataclasses

    from .i18n import format_number, ngettext
    from .registry import RegistryError
    from .store import load_channels

    try:
        return load_channels(path)
    except RegistryError as exc:
        first = exc.problems[0]
        message = dataclasses.replace(first, file=_home_as_tilde(first.file)).localized()
        more = len(exc.problems) - 1
        if more:
            command = command_to_validate(path)
            message = ngettext(
                "{problem} (and {n} more problem; run {command} to see all)",
                "{problem} (and {n} more problems; run {command} to see all)",
                more,
            ).format(problem=message, n=format_number(more), command=command)
        say(f"polchan: {message}", err=True)
        return None


def command_to_validate(path: Path | None) -> str:
    """The command that shows every problem of the registry file given with
    ``--registry PATH``, or of the one in force without it (None): ``polchan
    validate`` finds POLCHAN_REGISTRY and the default file itself."""
    # "-x.yaml" would be read as an option: "./-x.yaml" is the same file.
    given = str(path) if path else ""
    given = os.path.join(os.curdir, given) if given.startswith("-") else given
    return "polchan validate" + (f" {shell_word(given)}" if given else "")


def _home_as_tilde(file: str) -> str:
    """``file`` with the home directory written ``~``, as a shell user would type it."""
    home = os.path.expanduser("~")
    if home not in ("", "~", os.sep) and file.startswith(home + os.sep):
        return "~" + file[len(home) :]
    return file


def find(query: str, json_output: bool, registry_path: Path | None) -> ExitCode:
    """``polchan find QUERY [--json]``: print the answer, return the exit code."""
    from .resolve import QueryError, resolve

    registry = load_registry_or_report(registry_path)
    if registry is None:
        return ExitCode.USAGE
    try:
        res = resolve(query, registry)
    except QueryError as exc:
        if json_output:
            # A script reading the JSON gets it too, as --batch gives it for a line.
            with contextlib.suppress(ReaderGone):
                say(dump_json(invalid_answer(query, exc)))
        say(f"polchan: {exc.localized()}", err=True)
        return ExitCode.USAGE
    code = exit_code_for(res)
    # "find Hannover | head -1" is still 3, however soon the reader went away.
    with contextlib.suppress(ReaderGone):
        if json_output:
            say(dump_json(res.to_dict()))
        else:
            from .render import make_console, print_resolution

            print_resolution(make_console(), res, switched_off(res, registry, registry_path))
    return code


def switched_off(
    res: Resolution, registry: Registry, registry_path: Path | None, *, sentence: bool = True
) -> str | None:
    """The line saying that the user's registry (named by its path) disables the
    channels that would cover places the answer names and none covers, else None:
    without it, "No channel in the registry covers Landkreis Harburg" reads as a
    gap in polchan's data. A sentence for find's answer, else a line as open's
    messages are."""
    if not registry.disabled:  # as nearly always: no work on find's path
        return None
    from .i18n import ngettext
    from .registry import shown_path
    from .resolution import disabled_covering
    from .store import user_registry_path

    channels, areas = disabled_covering(res, registry)
    path = user_registry_path(registry_path)[0] if channels else None
    if path is None:
        return None
    template = (
        ngettext(
            "Your registry ({path}) disables the channel {channels}, which would cover {areas}.",
            "Your registry ({path}) disables the channels {channels}, which would cover {areas}.",
            len(channels),
        )
        if sentence
        else ngettext(
            "your registry ({path}) disables the channel {channels}, which would cover {areas}",
            "your registry ({path}) disables the channels {channels}, which would cover {areas}",
            len(channels),
        )
    )
    return template.format(
        path=shown_path(_home_as_tilde(str(path))),
        channels=", ".join(f"{c.name} ({c.id})" for c in channels),
        areas=areas,
    )


def list_channels(json_output: bool, registry_path: Path | None) -> ExitCode:
    """``polchan list [--json]``: print every channel in force, return the exit code."""
    registry = load_registry_or_report(registry_path)
    if registry is None:
        return ExitCode.USAGE
    if json_output:
        say(dump_json([c.to_dict() for c in registry.channels]))
        return ExitCode.OK
    from . import gazetteer
    from .render import make_console, print_channels

    names = {k: d.name for k, d in gazetteer.districts().items()}
    print_channels(make_console(), registry, names)
    return ExitCode.OK


# A batch file at least this big is answered by several processes: below it, their
# start (a fork each, a few ms) is not won back.
PARALLEL_BATCH_BYTES = 16_000
# Lines per task of a parallel batch: passing them costs little beside answering
# them, and the processes still share the work evenly.
_BATCH_CHUNK = 250


def batch_workers(size: int) -> int:
    """How many processes answer a batch file of ``size`` bytes: one per CPU this
    process may use, at most 8, for a file of at least ``PARALLEL_BATCH_BYTES``
    where processes can be forked (not on Windows, nor on macOS, whose system
    libraries are not safe after a fork); else 1."""
    if size < PARALLEL_BATCH_BYTES or sys.platform in ("win32", "darwin"):
        return 1
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods() or _few_processes_allowed():
        return 1
    usable = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else ()
    return max(1, min(8, len(usable) or os.cpu_count() or 1))


def _few_processes_allowed() -> bool:
    """Whether the user may run only a few processes and threads (``ulimit -u``):
    there, a fork or a thread may be refused midway, where ``concurrent.futures``
    does not always recover; one process answers instead."""
    try:
        import resource
    except ImportError:
        return False
    soft, _ = resource.getrlimit(resource.RLIMIT_NPROC)
    return soft != resource.RLIM_INFINITY and soft < 1024


@contextlib.contextmanager
def batch_answers(
    queries: Iterable[str], registry: Registry, workers: int = 1
) -> Iterator[Iterator[str]]:
    """``find --batch``: one line of JSON per query, as ``find --json`` prints it.

    A line that is no query (blank, "1234") answers with status ``invalid`` and the
    error, so that output line n still answers input line n. With ``workers`` > 1
    the lines are answered by that many forked processes, in order, a few tasks
    ahead of the output (a file of any size is read as it is answered); they stop
    when the block ends, also on Ctrl-C or a closed pipe, and each stops by itself
    when the main process is killed. Where no process can be started (no usable
    /dev/shm for their locks), one answers them all. Each answer depends on its
    line alone, so the output is the same either way.
    """
    from . import gazetteer

    if workers < 2:
        yield _answered_one_by_one(queries, registry)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    gazetteer.preload()  # before the fork: the processes share its lines
    try:
        # Not multiprocessing.Pool: where a process dies (the kernel's OOM killer),
        # its answers would be waited for without end; here that is an error.
        pool = ProcessPoolExecutor(
            workers,
            multiprocessing.get_context("fork"),
            initializer=_worker_started,
            initargs=(registry, os.getpid()),
        )
    except (OSError, RuntimeError):  # no locks (/dev/shm), no thread (ulimit -u)
        yield _answered_one_by_one(queries, registry)
        return
    try:
        yield _answered_in(pool, iter(queries), registry, ahead=2 * workers)
    finally:
        # On Ctrl-C or a closed pipe, the lines not yet begun are dropped. Where the
        # thread that hands out the tasks could not start (ulimit -u), there is
        # none to wait for.
        with contextlib.suppress(RuntimeError):
            pool.shutdown(cancel_futures=True)


def _answered_in(
    pool: ProcessPoolExecutor, lines: Iterator[str], registry: Registry, ahead: int
) -> Iterator[str]:
    """The answers of the pool's processes, in order, with at most ``ahead`` tasks
    given out before their answers are taken: no more of the file is read, nor
    more answers held, than that."""
    from collections import deque
    from concurrent.futures.process import BrokenProcessPool

    pending: deque[Future[list[str]]] = deque()
    for chunk in iter(lambda: list(itertools.islice(lines, _BATCH_CHUNK)), []):
        try:
            # The first task forks the processes (any other is two system calls
            # more): see _ctrl_c_put_off.
            with _ctrl_c_put_off():
                pending.append(pool.submit(_answer_lines, chunk))
        except BrokenProcessPool:  # a process gone: no more tasks are taken
            raise BatchProcessLost from None
        except (OSError, RuntimeError):
            if pending:
                raise
            # The first task starts the processes (and a thread that hands them
            # out): where they cannot be (fork refused, ulimit -u), this one
            # answers every line, and those started are stopped, as no thread will
            # tell them to end (Python waits for them at exit).
            started = getattr(pool, "_processes", None) or {}  # pid: Process
            for process in list(started.values()):
                with contextlib.suppress(Exception):
                    process.kill()
            yield from _answered_one_by_one(itertools.chain(chunk, lines), registry)
            return
        if len(pending) >= ahead:
            yield from _taken(pending.popleft())
    while pending:
        yield from _taken(pending.popleft())


@contextlib.contextmanager
def _ctrl_c_put_off() -> Iterator[None]:
    """Ctrl-C (SIGINT) only noted meanwhile, and raised as this ends: not while
    the pool forks its processes, nor in the processes before they ignore it
    (:func:`_worker_started`).

    Ctrl-C reaches every process of the terminal's group. One arriving between a
    fork and the initializer reached a process with the main one's handler: it said
    "interrupted" too, with a traceback ("Exception in initializer"), and the main
    one said its process was lost (exit 70), or even went on to exit 0 or waited
    for ever for a pool left half started. Not a blocked signal mask: the threads
    running meanwhile (the progress bar's) would take Ctrl-C for the main one,
    which handles it all the same, midway.
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set a handler; it is the one that forks
        return
    noted: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _: noted.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if noted:
            signal.raise_signal(signal.SIGINT)  # handled as it would have been


class BatchProcessLost(Exception):
    """A process answering a batch's lines was killed (by the OOM killer, or by hand)."""


def _taken(task: Future[list[str]]) -> list[str]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return task.result()
    except BrokenProcessPool:
        raise BatchProcessLost from None


def _answered_one_by_one(queries: Iterable[str], registry: Registry) -> Iterator[str]:
    from . import gazetteer

    for n, query in enumerate(queries):
        if n == 20:
            gazetteer.preload()  # a few ms that a single query would not win back
        yield _answer_line(query, registry)


# The registry in force, in a process that answers a batch's lines: given once as
# the process starts (a fork copies it), not with every task, where pickling it
# again would build its index of names again, each time.
_worker_registry: Registry | None = None


def _worker_started(registry: Registry, parent: int) -> None:
    global _worker_registry
    _worker_registry = registry
    import signal
    import threading

    # Ctrl-C reaches every process of the terminal's group: the main one stops the
    # others, which must not each print a traceback. One that came since the fork
    # was only noted (_ctrl_c_put_off), in this process's copy of the note.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Killed (kill, a timeout, the OOM killer), the main process stops none: each
    # stops once it is no longer its parent's. Where no thread may start (ulimit -u),
    # the process answers all the same.
    with contextlib.suppress(RuntimeError):
        threading.Thread(target=_stop_when_orphaned, args=(parent,), daemon=True).start()


def _stop_when_orphaned(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _answer_lines(queries: list[str]) -> list[str]:
    assert _worker_registry is not None  # set as the process started
    return [_answer_line(query, _worker_registry) for query in queries]


def _answer_line(query: str, registry: Registry) -> str:
    from .batch_input import BATCH_LINE_LIMIT, CutLine, UndecodedLine
    from .i18n import N_
    from .query import MAX_QUERY_LENGTH
    from .resolve import QueryError, resolve

    try:
        if isinstance(query, CutLine):
            # Cut where it was read: no query, and its length as read is not the
            # line's, so it is said as the reader saw it, not resolved.
            raise QueryError(
                N_("line of over {size} bytes; a query is at most {limit} characters"),
                size=BATCH_LINE_LIMIT,
                limit=MAX_QUERY_LENGTH,
            )
        if isinstance(query, UndecodedLine) and not any(c.isalnum() for c in query):
            # Nothing of it could be read: not "no letters or digits", which
            # sends the user to look for a typing slip in a line of stand-ins.
            raise QueryError(
                N_("line is not text in UTF-8 or Windows-1252 (in Excel, save as 'CSV UTF-8')")
            )
        data = resolve(query, registry).to_dict()
    except QueryError as exc:
        data = invalid_answer(query, exc)
    return dump_json(data)


def invalid_answer(query: str, error: QueryError) -> dict[str, object]:
    """The JSON answer to text that is no query: status ``invalid``, the error in
    English, every other key as an answer has it, empty."""
    from .resolution import Resolution

    data: dict[str, object] = {"query": query, "status": "invalid", "error": str(error)}
    data.update((k, v) for k, v in Resolution(query=query).to_dict().items() if k not in data)
    return data


def stdin_is_terminal() -> bool:
    """Whether standard input is a terminal; False too when polchan was started
    with it closed (``<&-``), where ``sys.stdin`` is None."""
    return sys.stdin is not None and sys.stdin.isatty()


def closed_stream_error() -> OSError:
    """The error of a standard stream polchan was started without (``<&-``, ``>&-``)."""
    import errno

    return OSError(errno.EBADF, os.strerror(errno.EBADF))


def stdin_bytes() -> BinaryIO:
    """Standard input as bytes, or OSError where it was closed (``<&-``)."""
    if sys.stdin is None:
        raise closed_stream_error()
    return sys.stdin.buffer


def complete_place(incomplete: str) -> list[str]:
    """Place names starting with exactly what was typed, for shell completion (at most 30).

    Exactly, because the shell (and Typer before it) drops any other candidate.
    """
    from . import gazetteer
    from .normalize import name_key

    key = name_key(incomplete)
    if len(key) < 2:
        return []
    names: list[str] = []
    for place in gazetteer.places_by_prefix(key, limit=200):
        if place.match == "exact" and place.name.startswith(incomplete) and place.name not in names:
            names.append(place.name)
        if len(names) >= 30:
            break
    return names
