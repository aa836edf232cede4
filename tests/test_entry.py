"""The console script's fast path: the same answer as the Typer app, or no answer at all."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from _tools import read_to_the_end
from polchan_cli.cli import app
from polchan_cli.entry import fast_answer

runner = CliRunner()
ENV = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}
CORPUS_VALID = os.path.join(os.path.dirname(__file__), "registry_corpus", "valid.yaml")
CORPUS_BAD = os.path.join(os.path.dirname(__file__), "registry_corpus", "tab.yaml")


def _fast(args, env):
    with runner.isolation(env={**ENV, **env}) as (out, err, *_):
        code = fast_answer(args, os.environ)
        return code, out.getvalue().decode(), err.getvalue().decode()


def _typer(args, env):
    result = runner.invoke(app, args, env={**ENV, **env}, prog_name="polchan")
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["find", "Celle"], {}),
        (["find", "Celle", "--json"], {}),
        (["find", "--json", "29221"], {}),
        (["find", "21423", "--json"], {}),
        (["find", "21", "423"], {}),  # a postcode typed with a space, unquoted
        (["find", "Winsen"], {}),
        # several words are one query, as the Typer command joins them
        (["find", "Hagen", "Stade"], {}),
        (["find", "Winsen", "--json", "Luhe"], {}),
        (["find", "Cele"], {}),
        (["find", "Cellxx"], {}),
        (["find", "Hannover", "--json"], {}),
        (["find", "Westercelle"], {"LANG": "de_DE.UTF-8"}),
        (["find", "Winsen"], {"POLCHAN_LANG": "de"}),
        (["find", "123"], {}),
        (["find", "123"], {"LANG": "de_DE.UTF-8"}),
        (["find", "!!!"], {}),
        (["find", ""], {}),
        (["find", "Celle"], {"POLCHAN_REGISTRY": CORPUS_VALID}),
        (["find", "Celle"], {"POLCHAN_REGISTRY": CORPUS_BAD}),
        (["find", "Celle"], {"POLCHAN_REGISTRY": "/nonexistent/channels.yaml"}),
        (["find", "Celle"], {"POLCHAN_REGISTRY": ""}),
        (["find", "[bold]x\x1b[31m"], {}),
        (["--version"], {}),
        (["list"], {}),
        (["list", "--json"], {}),
        (["list"], {"LANG": "de_DE.UTF-8"}),
        (["list"], {"POLCHAN_REGISTRY": CORPUS_VALID}),
        (["list", "--json"], {"POLCHAN_REGISTRY": CORPUS_BAD}),
        (["list"], {"POLCHAN_REGISTRY": "/nonexistent/channels.yaml"}),
    ],
)
def test_fast_path_answers_exactly_like_the_typer_app(args, env):
    fast = _fast(args, env)
    assert fast[0] is not None, "this shape should take the fast path"
    assert fast == _typer(args, env)


@pytest.mark.parametrize(
    ("args", "env"),
    [
        ([], {}),
        (["find"], {}),
        (["find", "--help"], {}),
        (["find", "-x"], {}),
        (["find", "Celle", "--lang", "de"], {}),
        (["find", "Celle", "--registry", CORPUS_VALID], {}),
        (["find", "Celle", "--json", "--json"], {}),
        (["find", "--batch", "-"], {}),
        (["list", "--lang", "de"], {}),
        (["list", "--json", "--registry", CORPUS_VALID], {}),
        (["open", "Stade"], {}),
        (["--version", "--help"], {}),
        (["find", "Celle"], {"_POLCHAN_COMPLETE": "complete_zsh"}),
    ],
)
def test_everything_else_goes_to_the_typer_app(args, env):
    with runner.isolation(env={**ENV, **env}) as (out, err, *_):
        assert fast_answer(args, os.environ) is None
        assert out.getvalue() == err.getvalue() == b""


@pytest.mark.parametrize("args", [["find", "29221", "--json"], ["list", "--json"]])
def test_fast_path_does_not_import_typer(args):
    code = (
        "import sys; from polchan_cli.entry import fast_answer; "
        f"fast_answer({args!r}, {{}}); "
        "print(sorted(m for m in ('typer', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def zsh(line: str) -> dict:
    return {"_POLCHAN_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}


def bash(words: str, cword: str) -> dict:
    return {"_POLCHAN_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}


@pytest.mark.parametrize(
    "env",
    [
        zsh("polchan find Lün"),
        zsh("polchan open Winsen"),
        zsh("polchan find sankt"),
        zsh("polchan find L"),
        zsh("polchan find xqzy"),
        zsh("polchan find "),
        bash("polchan find Lün", "2"),
        bash("polchan open Ham", "2"),
        bash("polchan find ", "2"),
    ],
    ids=lambda env: (
        env["_POLCHAN_COMPLETE"] + " " + env.get("_TYPER_COMPLETE_ARGS", env.get("COMP_WORDS", ""))
    ),
)
def test_completion_fast_path_prints_what_typer_prints(env):
    fast = _fast([], env)
    assert fast[0] is not None, "this request should take the fast path"
    assert fast == _typer([], env)


@pytest.mark.parametrize("env", [zsh("polchan find 'Lün"), bash("polchan find Lün", "2")])
def test_completion_writes_names_as_typed_where_the_output_is_ascii(env):
    # Review (session 33): "Lüne…" written "Luene…" no longer began with the word
    # typed, so the shell dropped every name.
    code = "import sys, polchan_cli.entry; sys.argv[0] = 'polchan'; polchan_cli.entry.main()"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        env={**os.environ, **env, "PYTHONIOENCODING": "ascii"},
    )
    assert "Lüneburg" in out.stdout.decode("utf-8")


@pytest.mark.parametrize(
    "env",
    [
        zsh("polchan fi"),
        zsh("polchan find --js"),
        zsh("polchan find 'Winsen (L"),
        zsh("polchan find Celle Ha"),
        {"_POLCHAN_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "polchan find Lün"},
        {"_POLCHAN_COMPLETE": "source_zsh"},
        bash("polchan find Lün", "x"),
    ],
)
def test_other_completion_requests_go_to_typer(env):
    with runner.isolation(env={**ENV, **env}):
        assert fast_answer([], os.environ) is None


def _run_with_a_bug(module: str, name: str, args: list[str]) -> subprocess.CompletedProcess:
    """Run the console script with ``module.name`` replaced by a function that raises."""
    code = (
        "import importlib, sys\n"
        "def broken(*args, **kwargs):\n"
        "    raise RuntimeError('simulated bug')\n"
        f"setattr(importlib.import_module({module!r}), {name!r}, broken)\n"
        "import polchan_cli.entry\n"
        "sys.argv = ['polchan', *sys.argv[1:]]\n"
        "polchan_cli.entry.main()\n"
    )
    env = {**os.environ, "LANG": "C", "POLCHAN_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env
    )


@pytest.mark.parametrize(
    ("module", "name", "args"),
    [
        ("polchan_cli.entry", "find", ["find", "Celle"]),  # the fast path
        ("polchan_cli.render", "print_channels", ["list"]),  # a Typer command
    ],
)
def test_an_internal_error_is_one_line_and_exit_70(module, name, args):
    out = _run_with_a_bug(module, name, args)
    assert out.returncode == 70
    assert out.stderr.splitlines() == [
        "polchan: internal error: RuntimeError: simulated bug; run again with --debug to see where"
    ]
    debug = _run_with_a_bug(module, name, [*args, "--debug"])
    assert debug.returncode == 1 and "Traceback" in debug.stderr


def test_debug_after_the_double_dash_is_a_query_word():
    # Review (session 33): "find -- --debug" said "missing PLACE"; "--" ends the options.
    code = "import sys, polchan_cli.entry; sys.argv[0] = 'polchan'; polchan_cli.entry.main()"
    out = subprocess.run(
        [sys.executable, "-c", code, "find", "--json", "--", "--debug"],
        capture_output=True,
        text=True,
        env={**os.environ, **ENV, "POLCHAN_LANG": "en"},
    )
    assert (out.returncode, json.loads(out.stdout)["query"]) == (1, "--debug")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("args", "stdin", "env", "message"),
    [
        (["find", "Celle", "--json"], None, {}, "cannot write output: no space left on device"),
        (["list"], None, {}, "cannot write output: no space left on device"),
        # a few lines, still buffered when the command ends
        (["find", "--batch", "-"], "Celle\n", {}, "cannot write output: no space left on device"),
        (
            ["find", "Celle"],
            None,
            {"POLCHAN_LANG": "de"},
            "Ausgabe kann nicht geschrieben werden: kein Speicherplatz mehr frei",
        ),
    ],
)
def test_a_full_disk_is_one_line_and_exit_74_not_a_bug(args, stdin, env, message):
    code = "import sys, polchan_cli.entry; sys.argv[0] = 'polchan'; polchan_cli.entry.main()"
    # Buffered, as for a user: the last output is written only when the command ends.
    base = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with open("/dev/full", "w") as full:
        out = subprocess.run(
            [sys.executable, "-c", code, *args],
            input=stdin,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**base, "LANG": "C", "POLCHAN_LANG": "en", **env},
        )
    assert (out.returncode, out.stderr.splitlines()) == (74, [f"polchan: {message}"])


def _run_with_a_stream_closed(
    args: list[str], lang: str, closed: int = 1
) -> subprocess.CompletedProcess:
    """The console script started with descriptor ``closed`` closed: stdout (1,
    ``>&-``), stdin empty, or stdin (0, ``<&-``)."""
    code = "import sys, polchan_cli.entry; sys.argv[0] = 'polchan'; polchan_cli.entry.main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "LANG": "C", "POLCHAN_LANG": lang},
        preexec_fn=lambda: os.close(closed),
    )


@pytest.mark.parametrize("args", [["--version"], ["list"], ["find", "Celle", "--json"]])
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "polchan: cannot write output: bad file descriptor"),
        # Found by QA: the reason stayed English in German output.
        ("de", "polchan: Ausgabe kann nicht geschrieben werden: ungültiger Dateideskriptor"),
    ],
)
def test_a_closed_stdout_is_output_that_cannot_be_written(args, lang, said):
    out = _run_with_a_stream_closed(args, lang)
    assert (out.returncode, out.stderr.splitlines()) == (74, [said])


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["find", "Landkreis"], 2, "polchan: 'Landkreis' alone names no place"),
        (["open", "Winsen", "--print"], 3, "polchan: 'Winsen' matches 2 channels"),
    ],
)
def test_a_closed_stdout_leaves_a_refusal_on_stderr_its_exit_code(args, code, said):
    # Found by QA: nothing was due on stdout, yet the exit code was 74 ("cannot
    # write output"), where >/dev/full gave the refusal's own.
    out = _run_with_a_stream_closed(args, "en")
    assert out.returncode == code
    assert said in out.stderr
    assert "cannot write output" not in out.stderr


@pytest.mark.parametrize("args", [["validate", "-"], ["find", "--batch", "-"]])
def test_standard_input_closed_cannot_be_read(args):
    # Last look (session 33): validate said "-: no such file", as /dev/stdin then
    # links to nothing.
    out = _run_with_a_stream_closed(args, "en", closed=0)
    said = ["polchan: cannot read standard input: bad file descriptor"]
    assert (out.returncode, out.stderr.splitlines()) == (2, said)


def test_interrupted_steps_past_the_echoed_ctrl_c_only_at_a_terminal():
    # Found by QA: a log of stderr got an empty line before "polchan: interrupted";
    # at a terminal the line break is kept, after the "^C" it echoes.
    assert _said_when_interrupted(terminal=False) == b"polchan: interrupted\n"
    assert _said_when_interrupted(terminal=True) == b"\r\npolchan: interrupted\r\n"


def _said_when_interrupted(terminal: bool) -> bytes:
    """stderr of ``find --batch -`` sent SIGINT while it waits for a line."""
    import pty
    import signal

    code = "import sys, polchan_cli.entry; sys.argv[0] = 'polchan'; polchan_cli.entry.main()"
    reader, writer = pty.openpty() if terminal else os.pipe()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "find", "--batch", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=writer,
        env={**os.environ, "POLCHAN_LANG": "en"},
    )
    os.close(writer)
    try:
        proc.stdin.write(b"Celle\n")
        proc.stdin.flush()
        # Its answer written, polchan waits for the next line, as for a user's.
        assert json.loads(proc.stdout.readline())["query"] == "Celle"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 130
        said = read_to_the_end(reader)
    finally:
        os.close(reader)
        proc.stdin.close()
        proc.stdout.close()
    return said


@pytest.mark.parametrize(
    ("start", "encoding"),
    [(b"", "utf-8"), (b"\xff\xfe", "utf-16-le")],
    ids=["UTF-8", "UTF-16 (Excel's Unicode Text)"],
)
def test_a_pipe_is_answered_line_by_line_as_its_lines_come(start, encoding):
    # A co-process (or tail -f) waits for each answer before it writes the next line.
    code = "import sys, polchan_cli.entry; sys.argv[0] = 'polchan'; polchan_cli.entry.main()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "find", "--batch", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "POLCHAN_LANG": "en"},
    )
    try:
        answers = []
        proc.stdin.write(start)
        for query in ("Celle", "Stade"):
            proc.stdin.write((query + "\n").encode(encoding))
            proc.stdin.flush()
            # Waiting for the answer with the input still open: no answer, no line.
            ready, _, _ = select.select([proc.stdout], [], [], 20)
            assert ready, f"no answer to {query!r} while the pipe stays open"
            answers.append(json.loads(proc.stdout.readline())["query"])
        assert answers == ["Celle", "Stade"]
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)


def test_a_closed_stdout_is_said_in_the_language_asked_for():
    # Written before Typer reads --lang, yet in German as asked.
    code = "import sys, polchan_cli.entry; sys.argv[0] = 'polchan'; polchan_cli.entry.main()"
    out = subprocess.run(
        [sys.executable, "-c", code, "find", "Celle", "--lang", "de"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "LANG": "C", "POLCHAN_LANG": "en"},
        preexec_fn=lambda: os.close(1),
    )
    assert out.returncode == 74
    assert out.stderr.startswith("polchan: Ausgabe kann nicht geschrieben werden: ")


@pytest.mark.parametrize(
    "args", [["find", "Göhrde", "--json"], ["find", "Göhrde", "--json", "--lang", "en"]]
)
def test_an_umlaut_typed_where_the_locale_is_ascii_is_read_as_typed(args):
    # Found by QA: with LC_ALL=C and UTF-8 mode off, Python reads the UTF-8 of "ö"
    # as two unknown bytes; "Göhrde" was looked up as Gehrde (no channel), exit 3.
    # The first form takes the fast path, the second the Typer app.
    code = "import sys, polchan_cli.entry; sys.argv[0] = 'polchan'; polchan_cli.entry.main()"
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env
    )
    assert (out.returncode, out.stderr) == (0, "")
    answer = json.loads(out.stdout)
    assert answer["query"] == "Göhrde"
    assert answer["matches"][0]["channels"][0]["name"] == "Polizei Lüchow-Dannenberg"


@pytest.mark.parametrize(
    ("encoding", "args", "stream", "said"),
    [
        # Found by QA: every „ and “ was a "?" under a Latin-1 locale.
        ("latin-1", ["find", "Polizei"], "stderr", "»Polizei« allein nennt keinen Ort"),
        ("ascii", ["find", "Polizei"], "stderr", '"Polizei" allein nennt keinen Ort'),
        ("ascii", ["find", "Cele"], "stdout", 'heisst genau "Cele"; Ergebnisse fuer "Celle"'),
        # Blocks, not a table: "ue" for "ü" would push a table's borders out of line.
        ("ascii", ["find", "Lüneburg"], "stdout", "Lueneburg - Gemeinde\n  Landkreis Lueneburg"),
        ("latin-1", ["find", "Lüneburg"], "stdout", "| Lüneburg "),  # a guard: Latin-1 has ü
        # Found in review: the dots of an umlaut typed apart were a "?" even in Latin-1.
        ("latin-1", ["find", "Lu\u0308neburgx"], "stdout", "»Lueneburgx«"),
        # Found in review (session 33): what Typer writes (open's lines, the help)
        # went to the stream's buffer as UTF-8 bytes where the encoding is ASCII.
        ("ascii", ["open", "Winsen"], "stderr", '"Winsen" bezeichnet auch Orte, fuer die'),
        ("ascii", ["--help"], "stdout", "Polizei fuer einen deutschen Ort"),
        ("ascii", ["sources"], "stdout", "(c) OpenStreetMap-Mitwirkende"),
    ],
)
def test_output_the_encoding_cannot_write_is_written_readably(encoding, args, stream, said):
    code = "import sys, polchan_cli.entry; sys.argv[0] = 'polchan'; polchan_cli.entry.main()"
    env = {**os.environ, "PYTHONIOENCODING": encoding, "POLCHAN_LANG": "de", **ENV}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, env=env)
    assert said in getattr(out, stream).decode(encoding)


@pytest.mark.parametrize(
    ("args", "env", "code"),
    [
        (["find", "Polizei"], {}, 2),
        (["find", "Polizei", "--lang", "en"], {}, 2),
        (["open", "Stade", "--print", "--qr"], {"COLUMNS": "30"}, 0),  # a warning only
    ],
)
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_messages_that_cannot_be_written_leave_the_exit_code_alone(args, env, code):
    # Found by QA: stderr on a full disk became an "internal error" and then
    # Python's exit 1, which a script reads as "nothing matched".
    run = "import sys, polchan_cli.entry; sys.argv[0] = 'polchan'; polchan_cli.entry.main()"
    with open("/dev/full", "w") as full:
        out = subprocess.run(
            [sys.executable, "-c", run, *args],
            stdout=subprocess.DEVNULL,
            stderr=full,
            env={**os.environ, **ENV, **env},
        )
    assert out.returncode == code
