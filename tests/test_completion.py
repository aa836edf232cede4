"""completion: --install-completion appends to the user's start-up file, never rewrites it."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _tools import installed_script
from polchan_cli.cli import app

runner = CliRunner()


@pytest.fixture
def shell(monkeypatch):
    """Set the shell polchan is taken to be started from."""

    def use(name: str | None) -> None:
        monkeypatch.setattr("typer._completion_shared._get_shell_name", lambda: name)
        monkeypatch.delenv("SHELL", raising=False)

    return use


def install(home: Path, *args: str):
    return runner.invoke(app, ["--install-completion", *args], env={"HOME": str(home)})


def test_bash_install_appends_one_line_and_leaves_the_rest_of_bashrc_alone(tmp_path, shell):
    shell("bash")
    mine = b"alias ll='ls -l'\n\n\n# no newline at the end\nexport X=\xe4"  # Latin-1 byte too
    (tmp_path / ".bashrc").write_bytes(mine)
    for _ in range(2):  # installing again adds nothing
        result = install(tmp_path)
        assert result.exit_code == 0, result.output
    script = tmp_path / ".bash_completions" / "polchan.sh"
    assert (tmp_path / ".bashrc").read_bytes() == mine + f"\nsource '{script}'\n".encode()
    assert "_POLCHAN_COMPLETE=complete_bash" in script.read_text()
    assert f"bash completion installed in {script}" in result.stdout


def test_zsh_install_keeps_the_zshrc_as_written_blank_lines_and_all(tmp_path, shell):
    # Typer's installer stripped a .zshrc's leading and trailing blank lines.
    shell("zsh")
    mine = "\n\nzstyle ':completion:*' menu no\n\n\n"
    (tmp_path / ".zshrc").write_text(mine)
    assert install(tmp_path).exit_code == 0
    assert (tmp_path / ".zshrc").read_text() == (
        mine + "fpath+=~/.zfunc; autoload -Uz compinit; compinit\n"
    )
    assert (tmp_path / ".zfunc" / "_polchan").is_file()


def test_zsh_install_appends_only_the_line_that_loads_it(tmp_path, shell):
    # Found in review: Typer's menu setting came too, changing how every command
    # completes.
    shell("zsh")
    (tmp_path / ".zshrc").write_text("export EDITOR=vi\n")
    assert install(tmp_path).exit_code == 0
    assert (tmp_path / ".zshrc").read_text() == (
        "export EDITOR=vi\nfpath+=~/.zfunc; autoload -Uz compinit; compinit\n"
    )


def test_fish_completion_goes_where_fish_reads_it(tmp_path, shell, monkeypatch):
    # Found in review: with $XDG_CONFIG_HOME set, fish reads its completions there.
    shell("fish")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert install(tmp_path).exit_code == 0
    assert (tmp_path / "xdg" / "fish" / "completions" / "polchan.fish").is_file()


def test_a_start_up_file_that_is_no_file_is_not_read_without_end(tmp_path):
    # Found in review: a .bashrc linked to /dev/zero was read until memory ran out
    # (in a process of its own, with a time limit, so that this fails, not hangs).
    (tmp_path / ".bashrc").symlink_to("/dev/zero")
    polchan = installed_script()
    env = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    result = subprocess.run(
        [polchan, "--install-completion"], capture_output=True, text=True, env=env, timeout=30
    )
    assert result.returncode == 74
    assert "is no file a shell starts from" in result.stderr
    assert not (tmp_path / ".bash_completions").exists()  # nothing written


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash to start polchan from")
def test_a_bashrc_that_cannot_grow_is_left_whole(tmp_path):
    # A full disk, as a limit on file size: Typer's installer truncated ~/.bashrc to
    # write it anew, and lost what did not fit.
    resource = pytest.importorskip("resource")  # POSIX
    mine = "".join(f"export LINE{i}=x  # what the user wrote\n" for i in range(200)).encode()
    (tmp_path / ".bashrc").write_bytes(mine)
    limit = len(mine)

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    code = "import sys, polchan_cli.entry; sys.argv[0] = 'polchan'; polchan_cli.entry.main()"
    out = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" -c "{code}" --install-completion; exit $?'],
        capture_output=True,
        text=True,
        env={
            "HOME": str(tmp_path),
            "SHELL": "/bin/bash",  # where the process tree does not tell
            "PATH": "/usr/bin:/bin",
            "POLCHAN_LANG": "en",
            "PYTHONDONTWRITEBYTECODE": "1",  # no cache file cut short by the limit
        },
        preexec_fn=small_files,
    )
    assert (tmp_path / ".bashrc").read_bytes() == mine
    assert out.returncode == 74, out.stderr
    assert out.stderr.startswith("polchan: cannot install completion: ")
    assert len(out.stderr.splitlines()) == 1


def test_a_home_polchan_cannot_write_in_is_one_line_and_exit_74(tmp_path, shell):
    shell("bash")
    home = tmp_path / "file"
    home.write_text("not a directory")
    result = install(home)
    assert result.exit_code == 74
    assert result.stderr == (
        "polchan: cannot install completion: a part of the path is not a directory\n"
    )


@pytest.mark.parametrize("option", ["--install-completion", "--show-completion"])
@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("dash", "no completion for dash, only for bash, zsh, fish and PowerShell"),
        (None, "cannot tell which shell polchan was started from"),
    ],
)
def test_a_shell_polchan_cannot_complete_in_is_a_usage_error(tmp_path, shell, option, name, said):
    # Exit 1 with Typer's "Shell dash not supported." read as "nothing matched".
    shell(name)
    result = runner.invoke(app, [option], env={"HOME": str(tmp_path)})
    assert result.exit_code == 2
    assert result.stderr.startswith(f"polchan: {said}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("option", ["--install-completion", "--show-completion"])
@pytest.mark.parametrize("extra", [["extra"], ["find", "Celle"]])
def test_an_extra_argument_is_refused_before_anything_is_installed(tmp_path, shell, option, extra):
    # Found by QA: `--install-completion extra` installed, exit 0, the word ignored.
    shell("bash")
    result = runner.invoke(app, [option, *extra], env={"HOME": str(tmp_path)})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"polchan: unexpected extra argument: {' '.join(extra)}; see 'polchan --help'\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_show_completion_prints_the_script_for_the_shell(shell):
    shell("zsh")
    result = runner.invoke(app, ["--show-completion"])
    assert result.exit_code == 0
    assert "#compdef polchan" in result.stdout


def test_install_speaks_the_language_asked_for(tmp_path, shell, monkeypatch):
    shell("fish")
    monkeypatch.delenv("XDG_CONFIG_HOME")
    result = install(tmp_path, "--lang", "de")
    assert result.exit_code == 0
    path = tmp_path / ".config" / "fish" / "completions" / "polchan.fish"
    assert f"Vervollständigung für fish eingerichtet in {path}" in result.stdout
    assert path.read_text().endswith("\n")


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash to read the file")
def test_a_quote_in_the_home_directory_leaves_bashrc_readable(tmp_path, shell):
    # Found in review: "source '/home/o'brien/…'" left a quote open, and every new
    # bash failed on the file.
    shell("bash")
    home = tmp_path / "o'brien home"
    home.mkdir()
    assert install(home).exit_code == 0
    check = subprocess.run(["bash", "-n", str(home / ".bashrc")], capture_output=True)
    assert check.returncode == 0, check.stderr
    bashrc = shlex.quote(str(home / ".bashrc"))
    sourced = subprocess.run(
        ["bash", "-c", f"source {bashrc}; type -t _polchan_completion"],
        capture_output=True,
        text=True,
    )
    assert sourced.stdout.strip() == "function", sourced.stderr


def test_a_completion_script_that_is_a_link_stays_one(tmp_path, shell):
    # Found in review: a link into a dotfiles repository was replaced by a file.
    shell("bash")
    kept = tmp_path / "dotfiles" / "polchan.sh"
    kept.parent.mkdir()
    kept.write_text("# old\n")
    link = tmp_path / ".bash_completions" / "polchan.sh"
    link.parent.mkdir()
    link.symlink_to(kept)
    assert install(tmp_path).exit_code == 0
    assert link.is_symlink() and "_polchan_completion" in kept.read_text()


def test_from_a_script_run_by_sh_the_users_own_shell_is_completed(tmp_path, monkeypatch):
    monkeypatch.setattr("typer._completion_shared._get_shell_name", lambda: "sh")
    result = runner.invoke(
        app, ["--install-completion"], env={"HOME": str(tmp_path), "SHELL": "/usr/bin/zsh"}
    )
    assert result.exit_code == 0
    assert (tmp_path / ".zfunc" / "_polchan").is_file()


def _completed_in_bash(script: Path, typed: str, shown: bytes) -> list[str]:
    """The words bash runs after ``typed`` and a Tab in an interactive bash that
    loaded ``script``, once ``shown`` (part of the completion) is on the line: the
    line is run as printf's arguments, one per line."""
    import os
    import pty
    import select
    import time

    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PS1": "$ ", "TERM": "dumb", "INPUTRC": "/dev/null"}
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child becomes bash
        os.execvpe("bash", ["bash", "--norc", "--noprofile", "-i"], env)
    seen = b""

    def read_until(marker: bytes, seconds: float) -> None:
        nonlocal seen
        deadline = time.monotonic() + seconds
        while marker not in seen and time.monotonic() < deadline:
            if select.select([fd], [], [], 0.1)[0]:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    return

    try:
        os.write(fd, f"source {shlex.quote(str(script))}; echo loaded-$((6*7))\n".encode())
        read_until(b"loaded-42", 10)
        os.write(fd, typed.encode() + b"\t")
        read_until(shown, 20)  # the completion runs polchan, then bash echoes its reply
        # Ctrl-A, then printf before the line: each word bash would run, on a line.
        os.write(fd, b"\x01printf '<%s>\\n' \necho done-$((6*7))\n")
        read_until(b"done-42", 20)
    finally:
        os.write(fd, b"exit\n")
        os.waitpid(pid, 0)
        os.close(fd)
    text = seen.decode(errors="replace").replace("\r", "")
    return [line[1:-1] for line in text.split("\n") if line.startswith("<") and line.endswith(">")]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash to complete in")
@pytest.mark.parametrize(
    "typed",
    [r"polchan find Winsen\ \(L", 'polchan find "Winsen (L', r"polchan open Winsen\ \(L"],
)
def test_bash_completes_a_name_with_brackets_to_one_word(tmp_path, shell, typed):
    shell("bash")
    script = tmp_path / "polchan.sh"
    script.write_text(runner.invoke(app, ["--show-completion"]).stdout)
    command = typed.split()[1]
    words = _completed_in_bash(script, typed, shown=b"uhe")
    assert words == ["polchan", command, "Winsen (Luhe)"]
