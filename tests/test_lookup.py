"""lookup: the find work without Typer; here, the query the command-line words make,
and a big ``find --batch`` file answered by several processes."""

from __future__ import annotations

import json
import os
import random
import signal
import string
import subprocess
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
    batch = tmp_path / "q.txt"
    batch.write_text("\n".join(_nonsense(8000)) + "\n", encoding="utf-8")
    # A session of its own: Ctrl-C at a terminal goes to every process of the group.
    proc = subprocess.Popen(
        [installed_script(), "find", "--batch", str(batch)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "POLCHAN_LANG": "en"},
        start_new_session=True,
    )
    try:
        assert json.loads(proc.stdout.readline())["status"] == "not_found"
        os.killpg(proc.pid, signal.SIGINT)
        _, stderr = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == ExitCode.INTERRUPTED
    assert stderr == b"polchan: interrupted\n"  # one line, no worker's traceback
    deadline = time.monotonic() + 10
    while _group_alive(proc.pid):
        assert time.monotonic() < deadline, "a worker process outlived the batch"
        time.sleep(0.05)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_small_batch_file_is_answered_by_one_process():
    # Forking costs more than a few hundred lines take.
    assert batch_workers(PARALLEL_BATCH_BYTES - 1) == 1
