"""lookup: the find work without Typer; here, the query the command-line words make,
and a big ``find --batch`` file answered by several processes."""

from __future__ import annotations

import json
import os
import random
import signal
import string
import subprocess
import sys
import time

import pytest

from _tools import installed_script, registry
from polchan_cli.batch_input import CutLine
from polchan_cli.lookup import (
    PARALLEL_BATCH_BYTES,
    ExitCode,
    batch_answers,
    batch_workers,
    query_from_args,
)

needs_fork = pytest.mark.skipif(
    batch_workers(10 * PARALLEL_BATCH_BYTES) < 2,
    reason="one CPU, or no fork here: a batch is answered by one process",
)


@pytest.mark.parametrize(
    ("words", "query"),
    [
        (["Winsen", "(Luhe)"], "Winsen (Luhe)"),
        # argv under LC_ALL=C with UTF-8 mode off: each undecodable byte a stand-in.
        (["G\udcc3\udcb6hrde"], "Göhrde"),
        # Found in review: one Latin-1 byte turned the UTF-8 letters beside it into
        # mojibake ("GroÃŸ Möhrde"), as the whole query was decoded at once.
        (["Gro\udcc3\udc9f", "M\udcf6hrde"], "Groß Möhrde"),
        (["\udcc3\udcb6\udcf6"], "öö"),
        (["Ｃelle"], "Ｃelle"),  # a full-width letter is no stand-in
    ],
)
def test_the_words_are_one_query_read_as_typed(words, query):
    assert query_from_args(words) == query


def _nonsense(count: int) -> list[str]:
    """Words like no place: each asks the spelling search, a misspelt query's cost."""
    rng = random.Random(7)
    return ["".join(rng.choices(string.ascii_lowercase, k=9)).title() for _ in range(count)]


@needs_fork
def test_a_batch_answered_by_several_processes_is_answered_line_for_line_as_by_one():
    # Past several tasks' worth of lines: output line n must still answer input line n.
    kinds = ["Celle", "", "1234", "Winsen (Luhe)", "Lunebrug", "21423", "Muenster", "Cele"]
    lines = [*kinds * 60, *_nonsense(300), CutLine("x" * 300), "Soltau"]
    with batch_answers(lines, registry()) as answered:
        one_by_one = list(answered)
    with batch_answers(lines, registry(), workers=2) as answered:
        by_two = list(answered)
    assert by_two == one_by_one
    assert [json.loads(line)["query"] for line in by_two] == lines
    assert json.loads(by_two[-1])["matches"][0]["name"] == "Soltau"


@needs_fork
def test_ctrl_c_stops_a_batch_answered_by_several_processes_and_all_of_them(tmp_path):
    proc = _batch_under_way(tmp_path)
    try:
        # Ctrl-C at a terminal goes to every process of the group.
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == ExitCode.INTERRUPTED
    assert stderr == b"polchan: interrupted\n"  # one line, no worker's traceback
    _assert_all_gone(proc.pid)


@needs_fork
def test_a_batch_answered_by_several_processes_ends_with_its_main_process_killed(tmp_path):
    # Found in review (session 33): killed (kill, a CI timeout, the OOM killer), the
    # main process left its workers waiting for tasks for ever.
    proc = _batch_under_way(tmp_path)
    try:
        proc.kill()
        proc.communicate(timeout=30)
    finally:
        proc.kill()
    _assert_all_gone(proc.pid)


@pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="a batch is forked on Linux and the BSDs only"
)
def test_ctrl_c_as_the_processes_of_a_batch_start_is_said_once(tmp_path):
    # Found in review (session 34): a Ctrl-C between a process's fork and its
    # ignoring Ctrl-C reached it with the main process's handler: "interrupted" two
    # or three times, "Exception in initializer" tracebacks, exit 70 or 0, or a
    # batch waiting for ever (in a stress run, 38 of 40 Ctrl-Cs sent as the first
    # process appeared). Here each process waits there until the Ctrl-C has come.
    batch = tmp_path / "q.txt"
    batch.write_text("Celle\n" * 2000, encoding="utf-8")
    ready, sent = tmp_path / "ready", tmp_path / "sent"
    proc = subprocess.Popen(
        [sys.executable, "-c", _CTRL_C_AT_FORK, str(batch), str(ready), str(sent)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "POLCHAN_LANG": "en"},
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 20
        while not ready.exists() or len(ready.read_text().split()) < 2:
            assert proc.poll() is None and time.monotonic() < deadline, "no process started"
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGINT)
        sent.touch()
        _, stderr = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert stderr.decode() == "polchan: interrupted\n"  # once, no worker's traceback
    assert proc.returncode == ExitCode.INTERRUPTED
    _assert_all_gone(proc.pid)


# polchan find --batch FILE on two processes, each held between its fork and its
# initializer, its pid written to the file READY, until the file SENT says a
# Ctrl-C has been sent (and so has come: a signal is taken before the file is).
_CTRL_C_AT_FORK = """
import os, sys, time
from polchan_cli import lookup

batch, ready, sent = sys.argv[1:]
initializer = lookup._worker_started

def started_late(*args):
    with open(ready, "a") as f:
        f.write(f"{os.getpid()}\\n")
    deadline = time.monotonic() + 10
    while not os.path.exists(sent) and time.monotonic() < deadline:
        time.sleep(0.01)
    initializer(*args)

lookup._worker_started = started_late
lookup.batch_workers = lambda size: 2
sys.argv = ["polchan", "find", "--batch", batch]
from polchan_cli.launch import main
main()
"""


def _batch_under_way(tmp_path) -> subprocess.Popen:
    """The installed polchan answering a big batch file, in a session of its own,
    once its first answer is written."""
    batch = tmp_path / "q.txt"
    batch.write_text("\n".join(_nonsense(8000)) + "\n", encoding="utf-8")
    proc = subprocess.Popen(
        [installed_script(), "find", "--batch", str(batch)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "POLCHAN_LANG": "en"},
        start_new_session=True,
    )
    assert json.loads(proc.stdout.readline())["status"] == "not_found"
    return proc


def _assert_all_gone(group: int) -> None:
    deadline = time.monotonic() + 10
    while _group_alive(group):
        assert time.monotonic() < deadline, "a worker process outlived the batch"
        time.sleep(0.05)


@needs_fork
def test_a_big_batch_file_is_read_as_it_is_answered_not_first_whole():
    # Found in review (session 33): every task was given out before the first
    # answer, so a 60 MB file took 32 s and 1 GB before its first line.
    read = 0

    def lines():
        nonlocal read
        for _ in range(100_000):
            read += 1
            yield "Celle"

    with batch_answers(lines(), registry(), workers=2) as answered:
        first = next(answered)
        assert json.loads(first)["query"] == "Celle"
        assert read <= 10_000


@needs_fork
def test_a_batch_uses_the_users_registry_in_every_process(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("schema: 1\nchannels:\n  - id: celle\n    disabled: true\n")
    from polchan_cli.store import load_channels

    without_celle = load_channels(mine)
    lines = ["Celle", "Stade", *_nonsense(600), "Wienhausen"]
    with batch_answers(lines, without_celle, workers=2) as answered:
        by_two = [json.loads(line) for line in answered]
    assert by_two[0]["status"] == "no_channel" and by_two[-1]["status"] == "no_channel"
    assert by_two[1]["status"] == "found"


def test_a_batch_is_answered_where_no_process_can_be_started(monkeypatch):
    # Found in review (session 33): with no usable /dev/shm for the processes'
    # locks, the batch said "cannot read FILE: read-only file system".
    def refused(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", refused)
    lines = ["Celle", "", *_nonsense(300), "Stade"]
    with batch_answers(lines, registry(), workers=2) as answered:
        by_two = list(answered)
    with batch_answers(lines, registry()) as answered:
        assert by_two == list(answered)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_small_batch_file_is_answered_by_one_process():
    # Forking costs more than a few hundred lines take.
    assert batch_workers(PARALLEL_BATCH_BYTES - 1) == 1


def test_a_batch_is_answered_in_one_process_where_few_processes_are_allowed(monkeypatch):
    # Found in review (session 33): under `ulimit -u 8` a fork or thread refused
    # midway left the batch waiting for ever, or ended it with a traceback.
    import resource

    monkeypatch.setattr(resource, "getrlimit", lambda kind: (8, 8))
    assert batch_workers(10 * PARALLEL_BATCH_BYTES) == 1
