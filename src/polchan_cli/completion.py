"""``polchan --install-completion`` and ``--show-completion``, without losing a line.

Typer's own installer reads ``~/.bashrc`` (or ``~/.zshrc``) and writes it back
whole: a full disk or a quota in between and the file is gone, and a .zshrc
loses its blank lines. Here the completion script goes to a file of polchan's
own (where Typer puts it, so either install finds the other's), and each line
that loads it is appended to the start-up file only if it is not there yet:
what the user wrote is never rewritten. A shell polchan cannot complete in, or
a file that cannot be written, is one line and a documented exit code, not a
traceback. The scripts themselves are Typer's (bash, zsh, fish; PowerShell is
left to Typer's installer, which only appends), bash's told to quote the names it
puts on the line.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path
from typing import Any, NoReturn

from .i18n import gettext, os_reason
from .lookup import ExitCode

__all__ = ["SHELLS", "install_callback", "show_callback", "start_up_lines"]

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
PROG = "polchan"
COMPLETE_VAR = "_POLCHAN_COMPLETE"


def _script_path(shell: str, home: Path, config: Path | None = None) -> Path:
    """Where the shell's completion script goes; fish's in ``config``, the
    configuration folder fish reads ($XDG_CONFIG_HOME), else ``~/.config``."""
    return {
        "bash": home / ".bash_completions" / f"{PROG}.sh",
        "zsh": home / ".zfunc" / f"_{PROG}",
        "fish": (config or home / ".config") / "fish" / "completions" / f"{PROG}.fish",
    }[shell]


def _config_folder() -> Path | None:
    """$XDG_CONFIG_HOME, where it is set to an absolute path (as the XDG spec asks)."""
    config = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(config) if os.path.isabs(config) else None


def start_up_lines(shell: str, home: Path) -> tuple[Path, list[str]] | None:
    """The start-up file of ``shell`` and the lines that load polchan's completion
    (as Typer writes them); None for fish, which loads the script by its place."""
    if shell == "bash":
        script = str(_script_path(shell, home))
        # As Typer writes it, so that its line is found; a quote in the home
        # directory's name ("/home/o'brien") would end the quoting there.
        quoted = f"'{script}'" if "'" not in script else shlex.quote(script)
        return home / ".bashrc", [f"source {quoted}"]
    if shell == "zsh":
        # Only what loads it: not Typer's "zstyle ':completion:*' menu select" too,
        # which would change how the user's every command completes.
        return home / ".zshrc", ["fpath+=~/.zfunc; autoload -Uz compinit; compinit"]
    return None


# The largest start-up file read to see whether its line is there.
_MOST_START_UP_BYTES = 16 * 2**20


class _StartUpFileRefused(Exception):
    """A start-up file polchan will not read: the message says why, translated."""


def _what_to_append(path: Path, lines: list[str]) -> str:
    """The text that appends to the file each line not yet in it ("" if none).
    A start-up file that is no regular file (a link to /dev/zero, a pipe) or is
    too big to read whole is a _StartUpFileRefused, not read without end."""
    import stat

    try:
        status = path.stat()
    except FileNotFoundError:
        present = b""
    else:
        if not stat.S_ISREG(status.st_mode):
            raise _StartUpFileRefused(
                gettext("{file} is no file a shell starts from").format(file=path)
            )
        if status.st_size > _MOST_START_UP_BYTES:
            raise _StartUpFileRefused(
                gettext("{file} is over {size} MB").format(
                    file=path, size=_MOST_START_UP_BYTES // 2**20
                )
            )
        present = path.read_bytes()
    missing = [line for line in lines if line.encode() not in present]
    text = "".join(f"{line}\n" for line in missing)
    if text and present and not present.endswith(b"\n"):
        text = "\n" + text
    return text


def _append(path: Path, text: str) -> None:
    """Append the text; the file's own bytes are left alone."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("ab") as file:  # append: a failed write cannot cost what is there
        file.write(text.encode())


def _write_own(path: Path, text: str) -> None:
    """Write a file of polchan's own whole, or leave the old one: written aside, then
    renamed. Through a link (a dotfiles repository's file), to where it points."""
    path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    aside = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        aside.write_text(text, encoding="utf-8")
        os.replace(aside, path)
    finally:
        aside.unlink(missing_ok=True)


def _script(shell: str) -> str:
    from typer._completion_shared import get_completion_script

    script = get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell)
    if shell == "bash":
        # Bash puts a reply on the line as it is: "Winsen (Luhe)" became two words and
        # a syntax error. Replies taken as file names are quoted by bash itself, with
        # backslashes, or inside a quote the user opened.
        script = script.replace("complete -o default -F", "complete -o default -o filenames -F")
    return script


def _shell() -> str:
    """The shell polchan was started from, as Typer detects it, else (none detected,
    or one polchan does not complete in, as ``sh`` running a script) ``$SHELL``;
    exit 2 if polchan cannot tell or completes in neither."""
    from typer._completion_shared import _get_shell_name

    detected = _get_shell_name()
    login = Path(os.environ.get("SHELL", "")).name
    # From a script run by sh, or where detection fails, the user's own shell.
    if detected in SHELLS:
        shell = detected
    elif login in SHELLS:
        shell = login
    else:
        shell = detected or login
    if not shell:
        _fail(
            gettext(
                "cannot tell which shell polchan was started from: "
                "run this from bash, zsh, fish or PowerShell"
            ),
            ExitCode.USAGE,
        )
    if shell not in SHELLS:
        _fail(
            gettext(
                "no completion for {shell}, only for bash, zsh, fish and PowerShell: "
                "run this from one of them"
            ).format(shell=shell),
            ExitCode.USAGE,
        )
    return shell


def _fail(message: str, code: ExitCode) -> NoReturn:
    sys.stderr.write(f"polchan: {message}\n")
    raise SystemExit(code)


def install_callback(ctx: Any, param: Any, value: Any) -> Any:
    """``--install-completion``: the script in polchan's own file, loaded from the
    start-up file by appended lines."""
    if not value or ctx.resilient_parsing:
        return value
    shell = _shell()
    if shell in ("powershell", "pwsh"):
        from typer.completion import install_callback as typer_install

        return typer_install(ctx, param, value)
    try:
        home = Path.home()
        script = _script_path(shell, home, _config_folder())
        start_up = start_up_lines(shell, home)
        # The start-up file is read first: one polchan will not read leaves nothing
        # written.
        appended = _what_to_append(*start_up) if start_up is not None else ""
        _write_own(script, _script(shell) + ("\n" if shell == "fish" else ""))
        if start_up is not None and appended:
            _append(start_up[0], appended)
    except (OSError, RuntimeError, _StartUpFileRefused) as error:  # RuntimeError: no home
        reason = os_reason(error) if isinstance(error, OSError) else str(error)
        _fail(
            gettext("cannot install completion: {reason}").format(reason=reason),
            ExitCode.CANNOT_WRITE,
        )
    sys.stdout.write(
        gettext("{shell} completion installed in {path}").format(shell=shell, path=script) + "\n"
    )
    if start_up is not None:
        sys.stdout.write(
            gettext("loaded from {file}; it takes effect in a new terminal").format(
                file=start_up[0]
            )
            + "\n"
        )
    else:
        sys.stdout.write(gettext("It takes effect in a new terminal.") + "\n")
    raise SystemExit(ExitCode.OK)


def show_callback(ctx: Any, param: Any, value: Any) -> Any:
    """``--show-completion``: the script for the shell polchan was started from."""
    if not value or ctx.resilient_parsing:
        return value
    sys.stdout.write(_script(_shell()) + "\n")
    raise SystemExit(ExitCode.OK)
