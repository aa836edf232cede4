"""store: the registry in force, its cache, and polchan's hands-off user files."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from _tools import installed_script
from polchan_cli.cli import app


def _exe() -> str:
    return installed_script()


def polchan(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([_exe(), *args], capture_output=True, text=True, env=env, timeout=60)


@pytest.fixture
def home(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "POLCHAN_REGISTRY"}
    env.update(
        HOME=str(tmp_path),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    return env


def test_cache_is_written_then_reused_with_identical_output(home, tmp_path):
    first = polchan("find", "Celle", "--json", env=home)
    assert first.returncode == 0
    cached = list((tmp_path / "cache" / "polchan").glob("registry-*.json"))
    assert len(cached) == 1
    assert polchan("find", "Celle", "--json", env=home).stdout == first.stdout


def test_a_disabled_channel_is_remembered_through_the_cache(home, tmp_path):
    own = tmp_path / "config" / "polchan" / "channels.yaml"
    own.parent.mkdir(parents=True)
    own.write_text("schema: 1\nchannels:\n  - id: landkreis-harburg\n    disabled: true\n")
    # The second run reads the cache: POL-WL's area is still Landkreis Harburg's.
    for _ in range(2):
        out = polchan("find", "POL-WL", "--json", env=home)
        assert out.returncode == 3, out.stderr
        assert [m["name"] for m in json.loads(out.stdout)["matches"]] == ["Landkreis Harburg"]
    assert list((tmp_path / "cache" / "polchan").glob("registry-*.json"))


def test_a_registry_path_with_a_tilde_is_the_one_in_the_home_directory(home, tmp_path):
    # Found by QA: quoted, "~/my.yaml" reached polchan as is, and "no such file"
    # named a path that polchan's own messages write the same way for the real one.
    (tmp_path / "my.yaml").write_text("schema: 1\nchannels:\n  - id: stade\n    disabled: true\n")
    env = {**home, "POLCHAN_REGISTRY": "~/my.yaml"}
    assert polchan("find", "Stade", env=env).returncode == 3
    assert polchan("find", "Stade", "--registry=~/my.yaml", env=home).returncode == 3
    assert polchan("validate", "~/my.yaml", env=home).returncode == 0


def test_cache_files_left_by_old_versions_are_pruned(home, tmp_path):
    cache_dir = tmp_path / "cache" / "polchan"
    cache_dir.mkdir(parents=True)
    stale, recent, other = (
        cache_dir / "registry-00000001.json",
        cache_dir / "registry-00000002.json",
        cache_dir / "notes.txt",
    )
    for f in (stale, recent, other):
        f.write_text("{}", encoding="utf-8")
    old = 40 * 24 * 3600
    os.utime(stale, (stale.stat().st_atime - old, stale.stat().st_mtime - old))
    os.utime(other, (other.stat().st_atime - old, other.stat().st_mtime - old))
    assert polchan("find", "Celle", "--json", env=home).returncode == 0
    left = {p.name for p in cache_dir.iterdir()}
    assert stale.name not in left
    assert {recent.name, other.name} <= left  # recent caches and foreign files stay
    assert len([n for n in left if n.startswith("registry-")]) == 2


@pytest.mark.parametrize("garbage", ["", "{", "[1, 2]", '{"key": 1}', "\x00\xff"])
def test_corrupt_cache_is_rebuilt(home, tmp_path, garbage):
    expected = polchan("find", "Stade", "--json", env=home).stdout
    (cache,) = (tmp_path / "cache" / "polchan").glob("registry-*.json")
    cache.write_text(garbage, encoding="utf-8", errors="surrogateescape")
    again = polchan("find", "Stade", "--json", env=home)
    assert (again.returncode, again.stdout, again.stderr) == (0, expected, "")
    assert json.loads(cache.read_text(encoding="utf-8"))["channels"]


def test_unwritable_cache_and_missing_home_still_work(home, tmp_path):
    (tmp_path / "cache").write_text("not a directory", encoding="utf-8")
    assert polchan("find", "Celle", "--json", env=home).returncode == 0
    no_home = {
        k: v for k, v in home.items() if k not in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")
    }
    result = polchan("find", "Celle", "--json", env=no_home)
    assert result.returncode == 0 and "Traceback" not in result.stderr


def test_a_home_that_does_not_exist_is_not_made_for_the_cache(home, tmp_path):
    # Found in review (session 33): HOME=/nonexistent, as services run, was made
    # (run as root, at the top of the file system) to hold ~/.cache/polchan.
    gone = {k: v for k, v in home.items() if k not in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME")}
    gone["HOME"] = str(tmp_path / "nonexistent")
    result = polchan("find", "Celle", "--json", env=gone)
    assert result.returncode == 0 and result.stderr == ""
    assert not (tmp_path / "nonexistent").exists()
    # A cache folder named outside the home is still made, parents and all.
    elsewhere = {**gone, "XDG_CACHE_HOME": str(tmp_path / "a" / "b")}
    assert polchan("find", "Celle", "--json", env=elsewhere).returncode == 0
    assert list((tmp_path / "a" / "b" / "polchan").glob("registry-*.json"))


def test_parallel_cold_runs_agree(home):
    exe = _exe()
    procs = [
        subprocess.Popen(
            [exe, "find", "21423", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=home,
        )
        for _ in range(16)
    ]
    outputs = {p.communicate(timeout=60)[0] for p in procs}
    assert all(p.returncode == 0 for p in procs)
    assert len(outputs) == 1


def test_listing_piped_into_head_ends_quietly(home):
    exe = _exe()
    result = subprocess.run(
        f"'{exe}' list | head -1", shell=True, capture_output=True, text=True, env=home
    )
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["find", "Celle"], 0),  # answered without Typer
        (["find", "Celle", "--lang", "de"], 0),  # through Typer, a Rich table
        (["list"], 0),
        (["list", "--json"], 0),
        # Found in review: the answer's own code, not 0, whenever the reader goes
        (["find", "Hannover"], 3),
        (["find", "Hannover", "--lang", "de"], 3),
        (["find", "Xyzzyqq", "--json"], 1),
        # Found in review (session 33): validate's problems, on stdout, ended with 0.
        (["validate", os.devnull], 2),
        (["validate", os.devnull, "--lang", "de"], 2),
    ],
)
def test_a_reader_gone_before_the_output_ends_quietly_with_the_answers_code(home, args, code):
    # Rich and Typer would exit 1 here, which a script reads as "nothing matched".
    proc = subprocess.Popen(
        [_exe(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=home
    )
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (code, b"")


def test_no_network_access(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("polchan opened a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr("typer.launch", lambda url, *a, **k: 0)
    runner = CliRunner()
    for args in (
        ["find", "Celle"],
        ["find", "29640", "--json"],
        ["list"],
        ["open", "Stade", "--print"],
        ["validate"],
    ):
        result = runner.invoke(app, args, env={"NO_COLOR": "1"})
        assert result.exit_code in (0, 3), (args, result.stdout, result.exception)


def test_ctrl_c_exits_130_without_traceback(home):
    import signal
    import time

    exe = _exe()
    proc = subprocess.Popen(
        [exe, "find", "--batch", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=home,
    )
    proc.stdin.write(b"Celle\n")
    proc.stdin.flush()
    time.sleep(1.0)  # waiting for more input, as a user at the terminal would be
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert b"Traceback" not in err and b"interrupted" in err


def test_batch_piped_into_head_ends_quietly(home, tmp_path):
    exe = _exe()
    big = tmp_path / "big.txt"
    big.write_text("Celle\nStade\n21423\n" * 3000, encoding="utf-8")
    result = subprocess.run(
        f"'{exe}' find --batch '{big}' | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=home,
    )
    assert json.loads(result.stdout)["query"] == "Celle"
    assert result.stderr == ""


@pytest.mark.parametrize(
    "env_change", [{"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0"}]
)
def test_non_utf8_stdout_does_not_crash(home, env_change):
    for args in (["find", "Lüneburg"], ["find", "Lüneburg", "--json"], ["list"]):
        result = polchan(*args, env={**home, **env_change})
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    data = json.loads(polchan("find", "Lüneburg", "--json", env={**home, **env_change}).stdout)
    assert data["matches"][0]["name"] == "Lüneburg"


# --- the user's registry at the default path --------------------------------------

READING_COMMANDS = [
    ["find", "Celle"],
    ["find", "Celle", "--json"],
    ["list"],
    ["sources"],
    ["open", "Celle", "--print"],
]


def _misplaced_registry(tmp_path: Path, kind: str) -> tuple[Path, str]:
    """Something that is not a registry file where the user's registry belongs."""
    path = tmp_path / "config" / "polchan" / "channels.yaml"
    path.parent.mkdir(parents=True)
    if kind == "directory":
        path.mkdir()
        return path, "is a directory, not a registry file"
    if kind == "link loop":
        # Found by QA: `paths` said "a link to loop.yaml, which does not exist",
        # the commands reading it "too many symbolic links".
        path.symlink_to("loop.yaml")
        (path.parent / "loop.yaml").symlink_to("loop.yaml")
        return path, "is a link that leads into a loop and reaches no file"
    if kind == "chain of links":
        # Found by QA: the link in the middle, which exists, was named as missing.
        path.symlink_to("middle.yaml")
        (path.parent / "middle.yaml").symlink_to(tmp_path / "gone.yaml")
        gone = os.path.realpath(tmp_path / "gone.yaml")
        return path, f"leads through links to {gone}, which does not exist"
    path.symlink_to(tmp_path / "gone.yaml")
    return path, f"is a link to {tmp_path / 'gone.yaml'}, which does not exist"


LINK_TROUBLES = ["directory", "dangling link", "link loop", "chain of links"]


@pytest.mark.parametrize("kind", LINK_TROUBLES)
@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_directory_or_dangling_link_at_the_default_path_is_an_error(
    home, tmp_path, kind, command
):
    _, reason = _misplaced_registry(tmp_path, kind)
    result = polchan(*command, env=home)
    assert (result.returncode, result.stdout) == (2, "")
    # HOME is tmp_path: the path is named as from there.
    assert result.stderr.splitlines() == [f"polchan: ~/config/polchan/channels.yaml: {reason}"]


@pytest.mark.parametrize("kind", LINK_TROUBLES)
def test_validate_and_paths_say_what_is_at_the_default_path(home, tmp_path, kind):
    path, reason = _misplaced_registry(tmp_path, kind)
    result = polchan("validate", env=home)
    assert result.returncode == 2
    assert result.stdout.splitlines()[0] == f"{path}: {reason}"
    paths = polchan("paths", env=home)
    assert f"{path}  ({reason}; from the config directory)" in paths.stdout


def test_paths_says_when_the_cache_folder_is_a_file(home, tmp_path):
    # Found in review: a file where the cache folder should be was "exists".
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "polchan").write_text("x")
    paths = polchan("paths", env=home)
    assert f"{tmp_path / 'cache' / 'polchan'}  (is a file, not a directory)" in paths.stdout


def test_paths_calls_a_fifo_where_the_cache_folder_should_be_no_directory(home, tmp_path):
    # Review: a named pipe there was called a file.
    (tmp_path / "cache").mkdir()
    os.mkfifo(tmp_path / "cache" / "polchan")
    paths = polchan("paths", env=home)
    assert f"{tmp_path / 'cache' / 'polchan'}  (is not a directory)" in paths.stdout


def test_paths_says_when_the_registry_may_not_be_read(tmp_path, monkeypatch):
    # Found in review: a registry every command refuses ("no permission to read it")
    # was "exists". (As root every file may be read, so the refusal is stood in for.)
    from polchan_cli.store import path_state

    own = tmp_path / "channels.yaml"
    own.write_text("schema: 1\nchannels: []\n")
    assert path_state(own, registry=True) == "exists"
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert path_state(own, registry=True) == "exists, but may not be read"


def test_nothing_at_the_default_path_means_no_user_registry(home, bundled_registry):
    in_force = f"valid, {len(bundled_registry.channels)} channels in force\n"
    assert polchan("validate", env=home).stdout.endswith(in_force)
    assert "(does not exist; from the config directory)" in polchan("paths", env=home).stdout


EMPTY = "channels.yaml:1: file is empty; expected 'schema: 1' and 'channels:'"


@pytest.mark.parametrize("text", ["", "# to do: my channels\n"], ids=["empty", "comment only"])
def test_an_empty_user_registry_is_an_error_for_find_as_for_validate(home, tmp_path, text):
    assert polchan("find", "Celle", env=home).returncode == 0  # caches the bundled registry
    user = tmp_path / "config" / "polchan" / "channels.yaml"
    user.parent.mkdir(parents=True)
    user.write_text(text, encoding="utf-8")
    for command in (["find", "Celle"], ["find", "Celle", "--json"], ["list"]):
        result = polchan(*command, env=home)
        assert (result.returncode, result.stdout) == (2, "")
        assert EMPTY in result.stderr
    assert polchan("validate", env=home).returncode == 2


def test_a_registry_read_from_a_pipe_is_read_once(home, tmp_path):
    override = (
        "schema: 1\nchannels:\n  - id: celle\n"
        "    url: https://whatsapp.com/channel/0029VaNEWLINKNEWLINK1234\n"
    )
    result = subprocess.run(
        [_exe(), "find", "Celle", "--json", "--registry", "/dev/stdin"],
        input=override,
        capture_output=True,
        text=True,
        env=home,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    channels = json.loads(result.stdout)["matches"][0]["channels"]
    assert channels[0]["url"].endswith("NEWLINKNEWLINK1234")


@pytest.mark.parametrize(
    ("args", "env", "origin"),
    [
        (["--registry", "{file}"], {}, "the --registry option"),
        ([], {"POLCHAN_REGISTRY": "{file}"}, "the POLCHAN_REGISTRY environment variable"),
    ],
    ids=["option", "variable"],
)
def test_paths_names_where_the_registry_path_came_from(home, tmp_path, args, env, origin):
    file = str(tmp_path / "mine.yaml")
    result = polchan(
        "paths",
        *(a.format(file=file) for a in args),
        env={**home, **{k: v.format(file=file) for k, v in env.items()}},
    )
    assert f"{file}  (does not exist; from {origin})" in result.stdout


def test_polchan_registry_set_to_spaces_is_not_set(home):
    # Found in review: it named a file "  ", said as "polchan:   : no such file".
    result = polchan("find", "Celle", env={**home, "POLCHAN_REGISTRY": "  "})
    assert (result.returncode, result.stderr) == (0, "")
    paths = polchan("paths", env={**home, "POLCHAN_REGISTRY": "  "})
    assert "from the config directory)" in paths.stdout


def test_paths_json_gives_each_path_whether_it_exists_and_where_it_came_from(home, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("schema: 1\nchannels: []\n", encoding="utf-8")
    result = polchan("paths", "--json", env={**home, "POLCHAN_REGISTRY": str(mine)})
    assert (result.returncode, result.stderr) == (0, "")
    info = json.loads(result.stdout)
    assert info["user_registry"] == {
        "path": str(mine),
        "exists": True,
        "usable": True,
        "from": "env",
    }
    assert info["cache_directory"] == {
        "path": str(tmp_path / "cache" / "polchan"),
        "exists": False,
        "usable": False,
    }
    assert Path(info["bundled_registry"]).name == "channels.yaml"


def test_paths_json_says_a_directory_is_no_usable_registry_and_gives_paths_whole(
    home, tmp_path, monkeypatch
):
    # Found in review: a directory at the registry path was "exists": true, though
    # every command refuses it; a relative --registry came back relative.
    (tmp_path / "folder").mkdir()
    monkeypatch.chdir(tmp_path)
    result = polchan("paths", "--json", "--registry", "folder", env=home)
    entry = json.loads(result.stdout)["user_registry"]
    assert entry == {
        "path": str(tmp_path / "folder"),
        "exists": True,
        "usable": False,
        "from": "option",
    }


def test_paths_says_a_registry_every_command_would_refuse_is_not_usable(home, tmp_path):
    # Review (session 33): an invalid registry was only "exists", though every
    # command refuses it with exit 2.
    bad = tmp_path / "mine.yaml"
    bad.write_text("schema: 1\nchannels:\n  - id: x\n", encoding="utf-8")
    env = {**home, "POLCHAN_REGISTRY": str(bad)}
    said = polchan("paths", env=env).stdout.splitlines()[0]
    assert said.endswith(
        "(exists, with 1 problem: polchan validate shows it; "
        "from the POLCHAN_REGISTRY environment variable)"
    )
    assert (
        json.loads(polchan("paths", "--json", env=env).stdout)["user_registry"]["usable"] is False
    )
    german = polchan("paths", "--lang", "de", env=env).stdout.splitlines()[0]
    assert "(existiert, mit 1 Fehler: polchan validate zeigt ihn;" in german


def test_a_problem_in_the_file_of_polchan_registry_points_to_plain_validate(home, tmp_path):
    bad = tmp_path / "mine.yaml"
    bad.write_text(
        "schema: 1\nchannels:\n  - id: neu\n    name: Neu\n    agency: Neu\n"
        "    url: http://example.com\n    districts: ['99999']\n",
        encoding="utf-8",
    )
    env = {**home, "POLCHAN_REGISTRY": str(bad)}
    for command in (["find", "Celle"], ["find", "Celle", "--lang", "en"]):  # fast path, Typer
        result = polchan(*command, env=env)
        assert result.returncode == 2
        assert result.stderr.endswith("(and 4 more problems; run polchan validate to see all)\n")
    assert polchan("validate", env=env).stdout.count("missing field") == 3


# --- input and files polchan cannot read -------------------------------------------


def test_a_source_address_with_brackets_is_shown_not_broken(home, tmp_path):
    # `validate` accepts it; `sources` used to end in an internal error (exit 70).
    valid = Path(__file__).parent / "registry_corpus" / "valid.yaml"
    mine = tmp_path / "mine.yaml"
    url = "https://example.org/a[1]/b"
    mine.write_text(
        valid.read_text(encoding="utf-8").replace(
            "https://www.presseportal.de/blaulicht/pm/56836/5919540", url
        ),
        encoding="utf-8",
    )
    assert polchan("validate", str(mine), env=home).returncode == 0
    result = polchan("sources", "--registry", str(mine), env=home)
    assert (result.returncode, result.stderr) == (0, "")
    assert url in result.stdout


def test_a_registry_path_in_the_home_of_no_user_is_taken_as_written(home):
    # Found in review: "~nosuchuser/x.yaml" could not be expanded and every command,
    # paths too, ended with an internal error (exit 70).
    env = {**home, "POLCHAN_REGISTRY": "~nosuchuser_polchan/x.yaml"}
    found = polchan("find", "Celle", env=env)
    assert (found.returncode, found.stderr) == (
        2,
        "polchan: ~nosuchuser_polchan/x.yaml: no such file\n",
    )
    paths = polchan("paths", env=env)
    assert paths.returncode == 0 and "~nosuchuser_polchan/x.yaml  (does not exist" in paths.stdout


def test_paths_says_why_it_cannot_tell_what_is_at_a_path(home):
    too_long = "/tmp/" + "a" * 300
    result = polchan("paths", env={**home, "POLCHAN_REGISTRY": too_long})
    assert (result.returncode, result.stderr) == (0, "")
    assert f"{too_long}  (file name too long; from" in result.stdout


@pytest.mark.parametrize(
    ("command", "code"),
    [(["find", "--batch", "-"], 2), (["open", "PD Lüneburg", "--print"], 3)],
    ids=["batch", "open"],
)
def test_a_closed_standard_input_is_no_internal_error(home, command, code):
    result = subprocess.run(
        [_exe(), *command],
        stdin=None,
        capture_output=True,
        text=True,
        env=home,
        timeout=60,
        preexec_fn=lambda: os.close(0),
    )
    assert result.returncode == code
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_a_default_registry_polchan_may_not_look_at_is_still_the_users(monkeypatch, tmp_path):
    # A folder polchan may not search (chmod 000): skipping it would answer from the
    # bundled data alone, with no word of the user's own file.
    from polchan_cli import store

    monkeypatch.delenv("POLCHAN_REGISTRY", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    default = tmp_path / "polchan" / "channels.yaml"
    real_lstat = os.lstat

    def denied(path, *args, **kwargs):
        if str(path) == str(default):
            raise PermissionError(13, "Permission denied", str(path))
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", denied)
    assert store.user_registry_path() == (default, "config")
    assert store.path_state(default, registry=True) == "permission denied"


def test_a_registry_piped_without_end_is_refused_after_1_mb(home):
    endless = "import sys\nwhile True: sys.stdout.write('#' * 4096)\n"
    with subprocess.Popen(
        [sys.executable, "-c", endless], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    ) as writer:
        result = subprocess.run(
            [_exe(), "find", "Celle", "--registry", "/dev/stdin"],
            stdin=writer.stdout,
            capture_output=True,
            text=True,
            env=home,
            timeout=60,
        )
        writer.kill()
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "polchan: /dev/stdin: more than 1 MB to read; a registry is at most 1 MB"
    ]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("where", ["option", "default path"])
def test_a_device_as_the_registry_is_refused_unread(home, tmp_path, where):
    # Found by a tester: /dev/zero was read up to the 1 MB limit, a terminal
    # (/dev/tty) waited for input; neither is a file a registry is saved as.
    if where == "option":
        args, shown = ["--registry", "/dev/zero"], "/dev/zero"
    else:
        default = tmp_path / "config" / "polchan" / "channels.yaml"
        default.parent.mkdir(parents=True)
        default.symlink_to("/dev/zero")
        args, shown = [], str(default)
    result = polchan("find", "Celle", *args, env=home)
    assert (result.returncode, result.stdout) == (2, "")
    said = shown.replace(str(tmp_path), "~")  # the home directory, as find writes it
    assert result.stderr.splitlines() == [f"polchan: {said}: is a device, not a registry file"]
    paths = polchan("paths", *args, env=home).stdout
    assert f"{shown}  (is a device, not a registry file; from the " in paths


def test_a_default_registry_path_too_long_is_one_line_not_an_internal_error(tmp_path, monkeypatch):
    # Found by a tester: exit 70, "internal error: OSError: [Errno 36]".
    config = tmp_path / ("c" * 300)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    result = CliRunner().invoke(app, ["find", "Celle"])
    assert (result.exit_code, result.stdout) == (2, "")
    expected = f"polchan: {config / 'polchan' / 'channels.yaml'}: cannot read: file name too long"
    assert result.stderr.splitlines() == [expected]
    assert "(file name too long; from the config directory)" in (
        CliRunner().invoke(app, ["paths"]).stdout
    )


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda folder: folder.write_text("x"), "a file stands where its folder should be"),
        (
            lambda folder: folder.symlink_to("gone"),
            "its folder is a link to gone, which does not exist",
        ),
    ],
    ids=["file", "link to nothing"],
)
def test_a_file_where_the_config_folder_should_be_is_an_error_not_ignored(make, said):
    # Found by a tester: the bundled channels answered alone, though the docs say
    # anything but nothing at the default path is an error.
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "polchan"
    folder.parent.mkdir(parents=True)
    make(folder)
    result = CliRunner().invoke(app, ["find", "Celle"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [f"polchan: ~/config/polchan/channels.yaml: {said}"]
    paths = CliRunner().invoke(app, ["paths"]).stdout
    assert f"{folder / 'channels.yaml'}  ({said}; from the config directory)" in paths


def test_paths_without_a_home_directory_says_so(monkeypatch):
    from polchan_cli import store

    def no_home() -> Path:
        raise KeyError("HOME")  # as platformdirs fails for a user with no home

    monkeypatch.delenv("POLCHAN_REGISTRY", raising=False)
    monkeypatch.setattr(store, "user_config_dir", no_home)
    monkeypatch.setattr(store, "user_cache_dir", no_home)
    result = CliRunner().invoke(app, ["--lang", "en", "paths"])
    assert result.exit_code == 0
    assert "user registry:    none (no home directory)" in result.stdout
    assert "None" not in result.stdout
    as_json = CliRunner().invoke(app, ["paths", "--json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout)["user_registry"] is None


def test_paths_calls_a_cache_link_to_nothing_missing(home, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "polchan").symlink_to(tmp_path / "gone")
    assert "polchan  (does not exist)" in polchan("paths", env=home).stdout
