"""The ``polchan`` console script: signals, pipes and encodings, then the answer.

Most runs of a lookup tool are ``polchan find QUERY [--json]``, often many in a
row from a script. Those two argument shapes (and ``--version``) are answered
here without importing Typer, whose import alone costs more than the lookup;
the answer comes from :func:`polchan_cli.lookup.find`, the same function the
Typer command calls, so output and exit code are the same either way (a test
runs both). Anything else (other commands, options, ``--help``, ``--lang``,
completion, a query starting with ``-``) goes to the Typer app.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from .i18n import choose_language, gettext, speaking
from .lookup import ExitCode, find, say

__all__ = ["fast_answer", "main"]


def _find_arguments(argv: Sequence[str]) -> tuple[str, bool] | None:
    """(query, json) when ``argv`` is ``find QUERY`` with at most ``--json``, else None."""
    if len(argv) not in (2, 3) or argv[0] != "find":
        return None
    rest = list(argv[1:])
    json_output = "--json" in rest
    if json_output:
        rest.remove("--json")
    if len(rest) != 1 or rest[0].startswith("-"):
        return None
    return rest[0], json_output


def fast_answer(argv: Sequence[str], environ: Mapping[str, str]) -> int | None:
    """Answer ``argv`` without Typer if it has one of the simple shapes; else None."""
    if any(name.startswith("_POLCHAN_COMPLETE") for name in environ):
        return None
    if list(argv) == ["--version"]:
        say(f"polchan {__version__}")
        return ExitCode.OK
    found = _find_arguments(argv)
    registry_env = environ.get("POLCHAN_REGISTRY")
    if found is None or registry_env == "":
        return None
    query, json_output = found
    with speaking(choose_language(None, environ)):
        return find(query, json_output, Path(registry_env) if registry_env else None)


def _interrupted(signum: int, frame: object) -> NoReturn:
    sys.stderr.write("\npolchan: " + gettext("interrupted") + "\n")
    raise SystemExit(ExitCode.INTERRUPTED)


def main() -> None:
    """Console-script entry point: signals, pipes and encodings handled once, here."""
    signal.signal(signal.SIGINT, _interrupted)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    try:
        code = fast_answer(sys.argv[1:], os.environ)
        if code is not None:
            sys.exit(code)
        from .cli import app

        app()
    except BrokenPipeError:
        # The reader went away (`polchan list | head -1`): end quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(ExitCode.OK)
