"""The polchan command line, as a user runs it."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from _tools import installed_script, read_to_the_end
from polchan_cli import __version__, gazetteer
from polchan_cli.cli import ExitCode, app
from polchan_cli.registry import registry_from_dicts

runner = CliRunner()
ENV = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb"}
MATCH_KEYS = {"name", "kind", "match", "municipality", "district", "state", "postcodes", "channels"}


def run(*args: str, input: str | None = None, env: dict | None = None):
    return runner.invoke(app, list(args), input=input, env={**ENV, **(env or {})})


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"polchan {__version__}"


def test_help_shows_an_example_and_exit_codes():
    result = run("--help")
    assert result.exit_code == 0
    assert "polchan find Celle" in result.stdout
    assert "Exit codes" in result.stdout
    for command in ("find", "list", "open", "sources", "validate", "paths"):
        sub = run(command, "--help")
        assert sub.exit_code == 0
        assert f"polchan {command}" in sub.stdout, command


@pytest.mark.parametrize("command", ["find", "list", "open", "sources", "validate", "paths"])
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "--debug On an internal error, show the traceback"),
        ("de", "--debug Zeigt bei einem internen Fehler die Aufrufliste"),
    ],
)
def test_each_commands_help_shows_debug_as_it_shows_lang(command, lang, said):
    # Found by QA: --debug works on every command, but only `polchan --help` said so.
    flat = " ".join(run(command, "--help", "--lang", lang).stdout.split())
    assert "--lang de|en" in flat
    assert said in flat


def test_help_lists_every_exit_code_of_the_readme():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes", 1)[1].split("\n\n", 2)[1]
    codes = [line.split("|")[1].strip() for line in table.splitlines()[2:]]
    assert codes == ["0", "1", "2", "3", "70", "74", "130"]
    for args in (["--help"], ["find", "--help"]):
        flat = " ".join(run(*args).stdout.split())
        assert all(f" {code} " in flat for code in codes), args


def test_a_headline_place_outside_the_offices_area_is_said_to_be_so():
    # "POL-LG: Celle": three channels, then Celle's own; the reader is told why.
    flat = " ".join(run("find", "POL-LG: Celle - Unfall").stdout.split())
    assert "Outside the area of POL-LG (Polizeiinspektion" in flat
    assert "listed after its channels: Celle" in flat
    assert "Outside the area" not in run("find", "POL-LG: Uelzen - Unfall").stdout


def test_a_postcode_of_one_organisation_is_called_so_in_the_table():
    flat = " ".join(run("find", "29216").stdout.split())
    assert "postcode of an organisation (Großkundenpostleitzahl)" in flat


def test_the_110_reminder_about_the_channels_is_left_out_when_none_is_shown():
    result = run("find", "Hannover")
    assert result.exit_code == ExitCode.NO_CHANNEL
    assert "No channel in the registry covers Region Hannover" in " ".join(result.stdout.split())
    assert "110" not in result.stdout


def test_find_table_shows_channel_link_and_110_reminder():
    result = run("find", "Celle")
    assert result.exit_code == ExitCode.OK
    out = result.stdout
    assert "Polizei Celle" in out
    assert "https://whatsapp.com/channel/0029VafwOFv60eBnlCgiPB1L" in out
    assert "110" in out
    assert "\x1b[" not in out  # no colour codes when not a terminal


def test_find_ambiguous_says_so_and_lists_districts():
    result = run("find", "Winsen")
    assert result.exit_code == ExitCode.OK
    assert "matches 3 places in 3 districts" in result.stdout
    assert "Landkreis Harburg" in result.stdout and "Landkreis Celle" in result.stdout


def test_find_says_when_the_place_listed_first_has_no_channel():
    # Found in review: "Hagen" printed four other areas' links, and no word that
    # Hagen itself has no channel.
    for query, first in (
        ("Hagen", "Hagen (Nordrhein-Westfalen)"),
        ("Wedel", "Wedel (Schleswig-Holstein)"),
    ):
        out = " ".join(run("find", query).stdout.split())
        assert f"{first}, listed first, has no channel; the links are for the other places" in out
    assert "listed first, has no channel" not in run("find", "Celle").stdout
    german = " ".join(run("--lang", "de", "find", "Wedel").stdout.split())
    assert "Wedel (Schleswig-Holstein), zuerst genannt, hat keinen Kanal" in german


def test_find_fuzzy_says_how_the_query_was_read():
    result = run("find", "Cele")
    assert result.exit_code == ExitCode.OK
    assert "showing results for 'Celle'" in result.stdout


def test_find_suggestion_only_exits_not_found():
    result = run("find", "Cellxx")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert "Did you mean" in result.stdout and "Celle" in result.stdout


@pytest.mark.parametrize("query", ["Cele", "Cellxx", "Qqqqqqqqqqxj"])
def test_unsure_answers_point_to_the_postcode(query):
    flat = " ".join(run("find", query).stdout.split())
    assert "Place not listed? Its 5-digit postcode or its municipality finds the channel." in flat


def test_an_unknown_postcode_says_so_instead_of_asking_for_a_postcode():
    result = run("find", "99999")
    assert result.exit_code == ExitCode.NOT_FOUND
    flat = " ".join(result.stdout.split())
    assert "no place has the postcode 99999" in flat
    assert "Place not listed?" not in flat


def test_json_names_the_postcode_no_place_has_beside_the_town_that_answered():
    # A script running addresses through --batch must see the mistyped postcode too.
    data = json.loads(run("find", "Am Markt 1, 21399 Lüneburg", "--json").stdout)
    assert (data["matches"][0]["name"], data["unknown_postcodes"]) == ("Lüneburg", ["21399"])
    assert json.loads(run("find", "21335 Lüneburg", "--json").stdout)["unknown_postcodes"] == []


def test_of_several_postcodes_the_unknown_one_is_named():
    result = run("find", "29221, 99999")
    assert result.exit_code == ExitCode.OK
    assert "Polizei Celle" in result.stdout
    assert "No place has the postcode 99999." in " ".join(result.stdout.split())


@pytest.mark.parametrize("query", ["Celle", "Westercelle", "21423", "Winsen"])
def test_sure_answers_have_no_postcode_hint(query):
    assert "Place not listed?" not in run("find", query).stdout


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ("Celle", "found", ExitCode.OK),
        ("21423", "found", ExitCode.OK),
        ("Hannover", "no_channel", ExitCode.NO_CHANNEL),
        ("Altes Land", "found", ExitCode.OK),
        ("qqqqqqqqqqxj", "not_found", ExitCode.NOT_FOUND),
    ],
)
def test_find_json_shape_and_exit_code(query, status, code):
    result = run("find", query, "--json")
    assert result.exit_code == code
    data = json.loads(result.stdout)
    assert set(data) == {
        "query",
        "status",
        "matches",
        "suggestions",
        "unknown_postcodes",
        "postcode_mismatch",
        "unknown_parts",
        "unfitting_parts",
        "places_named",
    }
    assert (data["query"], data["status"]) == (query, status)
    for m in data["matches"]:
        assert set(m) >= MATCH_KEYS
        assert m["kind"] in {
            "postcode",
            "channel",
            "district",
            "municipality",
            "locality",
            "former_name",
            "samtgemeinde",
            "region",
        }
        assert m["match"] in {"exact", "variant", "prefix", "fuzzy"}
        assert set(m["district"]) == {"key", "name"}
        assert all(set(c) == {"id", "name", "url", "agency"} for c in m["channels"])


def test_find_json_region_lists_the_parts_of_each_district():
    data = json.loads(run("find", "Altes Land", "--json").stdout)
    parts = {m["district"]["key"]: m["parts"] for m in data["matches"]}
    assert parts == {
        "03353": ["Rübke"],
        "03359": ["Jork", "Samtgemeinde Lühe"],
        "02000": ["Neuenfelde", "Cranz", "Francop"],
    }
    assert all(m["kind"] == "region" and m["municipality"] is None for m in data["matches"])
    assert all(m["samtgemeinde"] is None for m in data["matches"])


def test_find_json_postcode_spanning_districts_gives_one_match_per_district():
    data = json.loads(run("find", "29640", "--json").stdout)
    # Schneverdingen's postcode: its district first, then Undeloh's small share.
    assert [m["district"]["key"] for m in data["matches"]] == ["03358", "03353"]
    assert data["matches"][0]["municipality"] == "Schneverdingen"
    assert {c["id"] for m in data["matches"] for c in m["channels"]} == {
        "landkreis-harburg",
        "heidekreis",
    }


@pytest.mark.parametrize("query", ["", "!!!", "1234", "123456", "x" * 201, "Polizei"])
def test_bad_query_is_one_line_on_stderr_exit_2(query):
    result = run("find", query)
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("polchan: ")


def test_find_without_query_is_a_usage_error():
    result = run("find")
    assert result.exit_code == ExitCode.USAGE
    assert "missing PLACE" in result.stderr


def test_batch_answers_each_input_line_on_the_same_output_line(tmp_path):
    # Pasted back beside the spreadsheet column, row n must answer row n: a blank
    # line is an invalid row, and the newline ending the last line adds none.
    queries = tmp_path / "q.txt"
    queries.write_text("Celle\n\n21423\n   \n1234\nHannover\n", encoding="utf-8")
    result = run("find", "--batch", str(queries))
    assert result.exit_code == ExitCode.OK
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["query"] for d in lines] == ["Celle", "", "21423", "   ", "1234", "Hannover"]
    assert [d["status"] for d in lines] == [
        "found",
        "invalid",
        "found",
        "invalid",
        "invalid",
        "no_channel",
    ]
    assert lines[1]["error"].startswith("empty query")
    assert run("find", "--batch", "-", input="Celle\n\n").stdout.count("\n") == 2
    assert run("find", "--batch", "-", input="").stdout == ""


def test_a_big_batch_file_at_a_terminal_writes_every_answer_to_the_file(tmp_path):
    # Found in session 33: the progress bar drawn on stderr, at a terminal, took
    # stdout's place while it ran, and the answers of `> answers.jsonl` were printed
    # on the terminal, with an empty file left behind.
    answers = tmp_path / "answers.jsonl"
    with answers.open("wb") as out:
        code, shown = _big_batch_at_a_terminal(tmp_path, stdout=out)
    assert code == ExitCode.OK
    lines = answers.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["query"] for line in lines] == ["Celle", "21423"] * 3000
    assert b"Resolving" in shown
    assert b'"query"' not in shown


def test_a_big_batch_answered_to_the_terminal_draws_no_bar_over_its_answers(tmp_path):
    # Found in review (session 33): with stdout and stderr both the terminal, answers
    # were written onto the bar's line ("Resolving ━━━ {"query": …").
    code, shown = _big_batch_at_a_terminal(tmp_path, stdout=None)
    assert code == ExitCode.OK
    assert shown.count(b'"query"') == 6000
    assert b"Resolving" not in shown


def _big_batch_at_a_terminal(tmp_path, stdout) -> tuple[int, bytes]:
    """The exit code and what the terminal shows of a batch past 32 kB (a progress
    bar's size) answered with stderr a terminal, and stdout too where ``stdout`` is
    None."""
    import pty

    queries = tmp_path / "q.txt"
    queries.write_text("Celle\n21423\n" * 3000, encoding="utf-8")
    terminal, child = pty.openpty()
    proc = subprocess.Popen(
        [installed_script(), "find", "--batch", str(queries)],
        stdout=child if stdout is None else stdout,
        stderr=child,
        env={**os.environ, "POLCHAN_LANG": "en"},
    )
    os.close(child)
    shown = read_to_the_end(terminal)
    os.close(terminal)
    return proc.wait(timeout=60), shown


def test_a_batch_file_is_closed_when_answered(tmp_path):
    # Found in session 33 (h6): Python's warnings, where shown, named the file left open.
    queries = tmp_path / "q.txt"
    queries.write_text("Celle\n21423\n", encoding="utf-8")
    out = subprocess.run(
        [installed_script(), "find", "--batch", str(queries)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "default"},
    )
    assert out.returncode == 0 and out.stdout.count("\n") == 2
    assert out.stderr == ""


def test_batch_from_stdin():
    result = run("find", "--batch", "-", input="Stade\nUelzen\n")
    assert [
        json.loads(x)["matches"][0]["channels"][0]["id"] for x in result.stdout.splitlines()
    ] == [
        "stade",
        "uelzen",
    ]


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffLüneburg\r\nCelle\r\n".encode(),  # Excel's "CSV UTF-8": a BOM, CRLF
        "Lüneburg\r\nCelle\r\n".encode("cp1252"),  # Excel's plain CSV in German Windows
        "Lüneburg\r\nCelle\r\n".encode("utf-16"),  # Excel's "Unicode Text": a BOM
        "\ufeffLüneburg\r\nCelle\r\n".encode("utf-16-be"),
    ],
)
def test_batch_reads_files_as_spreadsheets_save_them(tmp_path, data):
    queries = tmp_path / "q.csv"
    queries.write_bytes(data)
    result = run("find", "--batch", str(queries))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["query"], d["status"]) for d in lines] == [
        ("Lüneburg", "found"),
        ("Celle", "found"),
    ]
    assert lines[0]["matches"][0]["match"] == "exact"


def test_batch_reads_each_line_in_its_own_encoding(tmp_path):
    # A file pasted together from a UTF-8 and a Windows-1252 export: no line lost.
    queries = tmp_path / "q.csv"
    queries.write_bytes("Lüneburg\n".encode() + "Lüneburg\rCelle".encode("cp1252"))
    lines = [json.loads(line) for line in run("find", "--batch", str(queries)).stdout.splitlines()]
    assert [(d["query"], d["status"]) for d in lines] == [
        ("Lüneburg", "found"),
        ("Lüneburg", "found"),
        ("Celle", "found"),
    ]


def test_batch_says_a_line_of_bytes_neither_encoding_defines_is_no_text(tmp_path):
    # Found by QA: such a line was "query has no letters or digits", as if typed so.
    # A stray byte beside a name still leaves the name to be read.
    queries = tmp_path / "q.csv"
    queries.write_bytes(b"\x81\x8d\x8f\x90\x9d\nCelle\x81\n!!!\n")
    lines = [json.loads(line) for line in run("find", "--batch", str(queries)).stdout.splitlines()]
    assert [(d["status"], d.get("error")) for d in lines] == [
        ("invalid", "line is not text in UTF-8 or Windows-1252 (in Excel, save as 'CSV UTF-8')"),
        ("found", None),
        ("invalid", "query has no letters or digits: give a town, district or postcode"),
    ]
    assert list(lines[0]) == list(lines[2])  # the keys of every invalid line


def test_batch_cuts_a_line_without_end_instead_of_filling_the_memory(tmp_path):
    queries = tmp_path / "q.txt"
    queries.write_bytes(b"x" * 100_000 + b"\nCelle\n")
    lines = [json.loads(line) for line in run("find", "--batch", str(queries)).stdout.splitlines()]
    assert [d["status"] for d in lines] == ["invalid", "found"]
    assert len(lines[0]["query"]) <= 65_536
    # Found in review: the error gave the length as cut, not the line's.
    assert lines[0]["error"] == "line of over 65536 bytes; a query is at most 200 characters"


def test_batch_says_a_long_line_that_was_not_cut_is_too_long_as_it_is(tmp_path):
    # Found in review: a Windows-1252 line of 40,000 bytes, longer in UTF-8, was
    # said to be cut.
    queries = tmp_path / "q.txt"
    queries.write_bytes(b"\xe4" * 40_000 + b"\n")
    (line,) = [
        json.loads(line) for line in run("find", "--batch", str(queries)).stdout.splitlines()
    ]
    assert line["error"] == "query is 40000 characters long; at most 200"


def test_open_lists_the_choices_on_stderr_when_it_cannot_ask(launched, monkeypatch):
    # At a terminal but with stdout captured (url=$(polchan open …)): no prompt, so
    # the numbered list must not end up in the captured link.
    monkeypatch.setattr("polchan_cli.cli.stdin_is_terminal", lambda: True)
    result = run("open", "Winsen", "--print")
    assert (result.exit_code, result.stdout) == (ExitCode.NO_CHANNEL, "")
    assert "1. " in result.stderr


@pytest.mark.parametrize(
    "data",
    [
        "Celle\n".encode("utf-16-le"),  # UTF-16 without its BOM
        b"PK\x03\x04\x14\x00\x06\x00",  # an .xlsx (a zip), not text
        b"\xff\xfeC",  # a BOM, then half a character
    ],
)
def test_batch_of_a_file_that_is_no_text_is_one_clear_error(tmp_path, data):
    queries = tmp_path / "q.xlsx"
    queries.write_bytes(data)
    result = run("find", "--batch", str(queries))
    assert result.exit_code == ExitCode.USAGE and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"polchan: cannot read {queries}: not text in UTF-8, UTF-16 or Windows-1252 "
        "(in Excel, save as 'CSV UTF-8')"
    ]


def test_batch_answers_a_line_of_binary_data_past_the_start_as_invalid(tmp_path):
    # Past the first chunk read, a NUL line is that line's error, as on the command
    # line, never "not found"; the lines around it are answered.
    queries = tmp_path / "q.txt"
    queries.write_bytes(b"Celle\n" * 12_000 + b"x\x00y\nStade\n")
    result = run("find", "--batch", str(queries))
    *_, bad, last = [json.loads(line) for line in result.stdout.splitlines()]
    assert (bad["status"], bad["error"]) == (
        "invalid",
        "query has control characters: is it binary data?",
    )
    assert last["matches"][0]["name"] == "Stade"


def test_batch_missing_file_is_a_clear_error(tmp_path):
    result = run("find", "--batch", str(tmp_path / "nope.txt"))
    assert result.exit_code == ExitCode.USAGE
    assert "cannot read" in result.stderr


@pytest.mark.parametrize(
    "workers",
    [
        1,
        pytest.param(
            2,
            marks=pytest.mark.skipif(
                sys.platform in ("win32", "darwin"), reason="a batch is forked on Linux only"
            ),
        ),
    ],
)
def test_a_batch_file_failing_midway_keeps_every_answer_read_before(tmp_path, monkeypatch, workers):
    # Found in review (session 34): an EIO or a network drive gone midway lost the
    # answers not yet written: up to 499 held back for a block in one process, up
    # to 1,000 lines' more read ahead by the processes. The user got some of the
    # lines read, and no way to tell how many, to start the rest from.
    queries = tmp_path / "q.txt"
    queries.write_bytes(b"Celle\n21423\n" * 2000)  # 24,000 bytes, 4,000 lines of 6
    good = 1400 * 6 + 3  # then "Cel" of line 1,401, cut short: no query
    monkeypatch.setattr("polchan_cli.lookup.batch_workers", lambda size: workers)
    monkeypatch.setattr(
        "polchan_cli.cli.open", lambda path, mode: _FailingMidway(path, good), raising=False
    )
    result = run("find", "--batch", str(queries))
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == f"polchan: cannot read {queries}: input/output error\n"
    monkeypatch.undo()
    read = tmp_path / "read.txt"
    read.write_bytes(b"Celle\n21423\n" * 700)
    assert result.stdout == run("find", "--batch", str(read)).stdout  # 1,400 lines, in order


class _FailingMidway(io.BufferedReader):
    """A file read at most 4 KiB at a time, as from a network drive, whose reads
    fail with EIO past its first ``good`` bytes."""

    def __init__(self, path: str, good: int) -> None:
        super().__init__(io.FileIO(path))
        self._left = good

    def read1(self, size: int = -1) -> bytes:
        if self._left <= 0:
            import errno

            raise OSError(errno.EIO, os.strerror(errno.EIO))
        data = super().read1(min(size, 4096, self._left))
        self._left -= len(data)
        return data


def test_find_names_the_samtgemeinde_of_a_member_municipality():
    table = run("find", "Wistedt", env={"COLUMNS": "200"})
    assert "municipality in Samtgemeinde Tostedt" in table.stdout
    assert "Ortsteil of Zeven, Samtgemeinde Zeven" in table.stdout
    data = json.loads(run("find", "Wistedt", "--json").stdout)
    assert {m["samtgemeinde"] for m in data["matches"]} == {"Tostedt", "Zeven"}


def test_list_shows_every_channel_under_its_directorate(bundled_registry):
    result = run("list", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    for name in (
        "Polizei Lüneburg",
        "Polizei Heidekreis",
        "Polizei Verden/Osterholz",
        "Polizei Berlin",
    ):
        assert name in result.stdout
    assert "Landkreis Osterholz" in result.stdout  # districts as names
    assert "Niedersachsen · Polizeidirektion Lüneburg" in result.stdout
    assert f"{len(bundled_registry.channels)} channels." in result.stdout


def test_a_line_break_in_the_query_keeps_every_message_on_one_line():
    # Found by QA: "nothing found for 'Celle" and "Stade'; …" on two lines.
    for args in (("find", "Zzelle\nXq"), ("open", "Zzelle\nXq", "--print")):
        result = run(*args)
        assert result.exit_code == 1
        assert "Zzelle\\x0aXq" in result.output
        assert "Zzelle\n" not in result.output


def test_list_and_sources_say_which_channels_a_users_registry_disabled(tmp_path, bundled_registry):
    own = tmp_path / "channels.yaml"
    own.write_text("schema: 1\nchannels:\n  - id: stade\n    disabled: true\n")
    listed = run("list", "--registry", str(own), env={"COLUMNS": "200"})
    assert listed.stdout.count("Polizei Stade") == 1  # only as disabled
    assert "Disabled in your registry: Polizei Stade (stade)." in listed.stdout
    everything = tmp_path / "none.yaml"
    ids = [c.id for c in bundled_registry.channels]
    everything.write_text(
        "schema: 1\nchannels:\n" + "".join(f"  - id: {cid}\n    disabled: true\n" for cid in ids)
    )
    sources = run("sources", "--registry", str(everything))
    assert sources.exit_code == 0
    assert "Channel sources" not in sources.stdout  # no heading over nothing
    country = run("find", "Deutschland", "--registry", str(everything))
    assert country.exit_code == 3
    assert "No channel in the registry covers Deutschland." in country.stdout


def test_find_and_open_say_that_the_users_registry_disabled_the_channel_there(tmp_path, launched):
    # Found by a tester: with landkreis-harburg disabled, "find POL-WL" and "open
    # 21423" said only "No channel in the registry covers Landkreis Harburg", as if
    # polchan lacked the channel.
    own = tmp_path / "mine.yaml"
    own.write_text("schema: 1\nchannels:\n  - id: landkreis-harburg\n    disabled: true\n")
    said = (
        f"Your registry ({own}) disables the channel Polizei Landkreis Harburg (landkreis-harburg), "
        "which would cover Landkreis Harburg (Niedersachsen)."
    )
    for query in ("POL-WL", "21423", "Winsen (Luhe)"):
        found = run("find", query, "--registry", str(own))
        assert found.exit_code == ExitCode.NO_CHANNEL, query
        flat = " ".join(found.stdout.split())
        assert (
            "No channel in the registry covers Landkreis Harburg (Niedersachsen). " + said in flat
        )
    opened = run("open", "21423", "--registry", str(own))
    assert opened.exit_code == ExitCode.NO_CHANNEL
    assert opened.stderr.splitlines() == [
        "polchan: no channel in the registry covers Landkreis Harburg (Niedersachsen)",
        "polchan: y" + said[1:-1],
    ]
    assert launched == []
    assert "Ihre Kanalliste" in run("open", "21423", "--registry", str(own), "--lang", "de").stderr
    # the JSON is the answer as it was; a place the channel would not cover says nothing
    answer = json.loads(run("find", "POL-WL", "--json", "--registry", str(own)).stdout)
    assert answer == json.loads(run("find", "POL-WL", "--json").stdout) | {
        "status": "no_channel",
        "matches": answer["matches"],
    }
    assert [m["channels"] for m in answer["matches"]] == [[]]
    assert "Your registry" not in run("find", "Hannover", "--registry", str(own)).stdout
    assert "your registry" not in run("open", "Hannover", "--registry", str(own)).stderr


@pytest.mark.parametrize(
    ("name", "shown", "typed"),
    [
        ("nl\nname.yaml", "nl\\x0aname.yaml", "$'nl\\x0aname.yaml'"),
        ("esc\x1b[31mred.yaml", "esc\\x1b[31mred.yaml", "$'esc\\x1b[31mred.yaml'"),
        ("rtl\u202eyaml.lmy", "rtl\\u202eyaml.lmy", "$'rtl\\u202eyaml.lmy'"),
    ],
)
def test_a_registry_path_with_a_line_break_or_an_escape_is_shown_escaped(
    tmp_path, monkeypatch, name, shown, typed
):
    # Found by a tester: a file named with a newline broke the one-line message, and
    # one named with "\e[31m" turned the terminal red; they are shown as values
    # quoted from the file are, and the command to see all can be typed back.
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text("schema: 1\nchannels:\n  - id: x\n  - id: y\n")
    refused = run("find", "Celle", "--registry", name)
    assert refused.exit_code == ExitCode.USAGE
    assert refused.stderr == (
        f"polchan: {shown}:3: channel 'x': no channel has this id to change ('polchan list "
        "--json' shows the ids); a new channel needs id, name, url, agency, parent, state, "
        f"districts and source (and 1 more problem; run polchan validate {typed} to see all)\n"
    )
    checked = run("validate", name)
    assert [line.split(": ")[0] for line in checked.stdout.splitlines()] == [
        f"{shown}:3",
        f"{shown}:4",
        shown,
    ]
    gone = run("validate", name + "\n")
    assert gone.stdout.splitlines() == [f"{shown}\\x0a: no such file", f"{shown}\\x0a: 1 problem"]
    both = run("validate", name, "--registry", "other.yaml")
    assert both.stderr.startswith(f"polchan: two files to check: {shown} and --registry other.yaml")
    paths = run("paths", "--registry", name).stdout
    assert (
        f"user registry:    {shown}  (exists, with 2 problems: polchan validate {typed} shows "
        "them; from the --registry option)\n"
    ) in paths
    for said in (refused.stderr, checked.stdout, gone.stdout, both.stderr, paths):
        assert "\x1b" not in said
        assert "\u202e" not in said
    # a link to a name so written says where it leads, escaped too
    (tmp_path / "link.yaml").symlink_to(name + ".gone")
    assert run("validate", "link.yaml").stdout.startswith(
        f"link.yaml: is a link to {shown}.gone, which does not exist\n"
    )


def test_the_police_and_notruf_alone_give_the_emergency_numbers():
    result = run("find", "Polizei", "Notruf")
    assert result.exit_code == 2
    assert "In an emergency call 110 (police) or 112" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("find", "Celle", "--registry", ""),
        ("validate", ""),
        ("find", "Celle", "--registry", "  "),  # review: "polchan:   : no such file"
    ],
)
def test_an_empty_registry_path_is_a_usage_error_not_the_current_directory(args):
    # Review: --registry '' (a script's unset variable) was reported as ".: is a
    # directory", as Path("") is the current directory.
    result = run(*args)
    assert result.exit_code == 2
    assert "an empty path names no file" in result.stderr
    assert ".:" not in result.output


def test_list_keeps_every_link_whole_on_its_own_line_in_a_narrow_terminal(bundled_registry):
    # Links are what people copy; a link folded over lines or cells cannot be.
    result = run("list", env={"COLUMNS": "60"})
    lines = {line.strip() for line in result.stdout.splitlines()}
    assert {c.url for c in bundled_registry.channels} <= lines


@pytest.mark.parametrize("command", [["find", "Celle"], ["list"], ["find", "Hannover"]])
def test_columns_set_to_zero_is_taken_as_not_set(command, monkeypatch):
    # Found by QA: Rich took COLUMNS=0 as no width, and polchan printed nothing,
    # exit 0. The shell and Python read 0 as "not set": 80 outside a terminal
    # (pytest -s at a terminal would give it one).
    def no_terminal(fd: int) -> os.terminal_size:
        raise OSError("not a terminal")

    monkeypatch.setattr("os.get_terminal_size", no_terminal)
    result = run(*command, env={"COLUMNS": "0", "TERM": "xterm"})
    assert result.stdout == run(*command, env={"COLUMNS": "80", "TERM": "xterm"}).stdout
    assert "Polizei" in result.stdout or "Hannover" in result.stdout


def test_list_json_round_trips_every_field(bundled_registry):
    data = json.loads(run("list", "--json").stdout)
    rebuilt = registry_from_dicts(data)
    # Every field of every channel survives, in file order, and nothing is added.
    assert rebuilt.channels == bundled_registry.channels
    assert [c.to_dict() for c in rebuilt.channels] == data


def test_sources_names_licences_and_channel_sources(bundled_registry):
    result = run("sources")
    assert result.exit_code == 0
    for text in ("GeoNames", "ODbL", "CC BY 4.0", "Destatis", "presseportal.de"):
        assert text in result.stdout
    data = json.loads(run("sources", "--json").stdout)
    assert [c["id"] for c in data["channels"]] == [c.id for c in bundled_registry.channels]
    assert data["data_version"] == gazetteer.data_version()


@pytest.mark.parametrize(
    ("columns", "lang", "credit"),
    [
        ("120", "en", "© OpenStreetMap contributors; the gazetteer is a derived database"),
        (
            "60",
            "de",
            "© OpenStreetMap-Mitwirkende; die Ortsdaten von polchan sind eine abgeleitete",
        ),
    ],
)
def test_sources_credit_the_data_as_its_licences_ask_with_each_link(columns, lang, credit):
    # Review (session 33): the attribution ODbL asks for, and the sources' links,
    # were only in --json; the narrow blocks had two empty lines before a heading.
    out = run("sources", "--lang", lang, env={"COLUMNS": columns}).stdout
    lines = out.splitlines()
    joined = " ".join(out.split())
    assert credit in joined
    for url in ("https://www.geonames.org/", "https://www.suche-postleitzahl.org/downloads"):
        assert f"    {url}" in lines
    assert "\n\n\n" not in out


def test_every_source_address_in_json_is_an_address_or_null():
    # A script follows these links: no prose in a url field.
    data = json.loads(run("sources", "--json").stdout)
    urls = [s["url"] for s in data["sources"]] + [c["source"]["url"] for c in data["channels"]]
    assert all(u is None or re.fullmatch(r"https?://\S+", u) for u in urls), urls


def test_sources_give_each_announcement_once_with_its_link_whole():
    # Seven channels share one press release: it is listed once, naming all seven,
    # and every source link stays on one line (to cite), even at 60 columns.
    result = run("sources", env={"COLUMNS": "60"})
    data = json.loads(run("sources", "--json").stdout)
    urls = {c["source"]["url"] for c in data["channels"]}
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert all(lines.count(url) == 1 for url in urls)
    shared = next(line for line in lines if "Polizei Uelzen" in line)
    assert "Polizei Celle" in shared and "Polizei Stade" in shared


@pytest.mark.parametrize("lang", ["en", "de"])
def test_find_json_with_no_query_prints_json_too(lang):
    # Found in review: a script reading --json got nothing on stdout; --batch gives
    # a line with status "invalid". The error in the JSON is English, as there.
    result = run("--lang", lang, "find", "", "--json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert (data["status"], data["matches"]) == ("invalid", [])
    assert data["error"].startswith("empty query")
    assert result.stderr.startswith("polchan: ")


def test_sources_mark_a_channel_your_registry_changed(tmp_path):
    # Found in review: with Celle's link changed in a user's file, sources credited
    # the police's press release for it without a word, where list marks it.
    own = tmp_path / "channels.yaml"
    own.write_text(
        "schema: 1\nchannels:\n  - id: celle\n"
        "    url: https://whatsapp.com/channel/0029VaTestOverrideCelle01\n"
    )
    lines = run("sources", "--registry", str(own), env={"COLUMNS": "300"}).stdout.splitlines()
    shared = next(line for line in lines if "Polizei Uelzen" in line)
    assert "Polizei Celle (your registry)" in shared
    assert "Polizei Uelzen (your registry)" not in shared


@pytest.mark.parametrize(
    ("query", "offer"),
    [
        ("Winsen", r"name the place exactly \((.*)\) or use --all"),
        # The city Hagen has no channel: it is not opened for a village's.
        ("Hagen", r"is first Hagen \(Nordrhein-Westfalen\), .* name it exactly \((.*)\)"),
        ("Freiburg", r"is first Freiburg im Breisgau .* name it exactly \((.*)\)"),
        # A house number changes nothing: Freiburg (Elbe) was opened for this.
        ("Freiburg 3", r"is first Freiburg im Breisgau .* name it exactly \((.*)\)"),
        # A postcode of two districts: a town of each, not the postcode again.
        ("29640", r"name the place exactly \((.*)\) or use --all"),
    ],
)
def test_open_of_a_name_channels_share_offers_names_that_each_open_one(launched, query, offer):
    result = run("open", query, "--print")
    assert (result.exit_code, result.stdout, launched) == (ExitCode.NO_CHANNEL, "", [])
    offered = re.search(offer, " ".join(result.stderr.split()))
    assert offered, result.stderr
    for name in offered[1].split("; ")[:3]:
        if name != "…":
            one = run("open", name, "--print")
            assert (one.exit_code, len(one.stdout.splitlines())) == (0, 1), name


@pytest.mark.parametrize(
    ("query", "offers"),
    [
        # Found in review (session 33): four offers for two channels, the towns'
        # districts beside the towns.
        ("Celle, Uelzen und Merlin", ["Celle, Landkreis Celle", "Uelzen, Landkreis Uelzen"]),
        ("21423 Celle", ["21423 Drage", "Celle, Landkreis Celle"]),
    ],
)
def test_open_of_several_channels_offers_one_exact_query_for_each(launched, query, offers):
    result = run("open", query, "--print")
    offered = re.search(
        r"matches 2 channels; name the place exactly \((.*)\) or use --all",
        " ".join(result.stderr.split()),
    )
    assert offered, result.stderr
    assert offered[1].split("; ") == offers


def test_open_says_what_it_read_a_typo_as_and_a_postcode_beside_a_place_elsewhere(launched):
    # Found in review (session 33): open named Altenkirchen for "Seigen" without
    # saying that it read Seifen, and took "21423 Celle" without find's warning.
    seigen = run("open", "Seigen")
    assert seigen.exit_code == ExitCode.NO_CHANNEL
    assert "no exact match for 'Seigen'; read as 'Seifen'" in seigen.stderr
    mismatch = run("open", "21423", "Celle", "--print")
    assert "'21423 Celle': the postcode and the place lie in different districts" in " ".join(
        mismatch.stderr.split()
    )
    assert "different districts" not in run("open", "21423", "Drage", "--print").stderr


@pytest.mark.parametrize(
    ("query", "offer"),
    [
        ("Hannover, Celle", "Celle, Landkreis Celle"),
        # Not Freiburg (Elbe)'s channel unasked, the town of the name being another.
        ("Dresden, Freiburg", "Freiburg (Elbe), Landkreis Stade"),
    ],
)
def test_open_of_a_list_first_naming_an_uncovered_town_offers_the_others_alone(
    launched, query, offer
):
    # Review (session 33): "Hannover, Celle" offered Celle as "another place of the
    # name"; opening Celle's channel instead also opened Freiburg (Elbe)'s for
    # "Dresden, Freiburg", unsaid.
    result = run("open", query, "--print")
    assert (result.exit_code, launched) == (ExitCode.NO_CHANNEL, [])
    assert (
        f"which no channel covers; to open the channel of another place, name it alone ({offer})"
        in " ".join(result.stderr.split())
    )


def test_open_of_a_beginning_opens_nothing_unless_it_begins_only_covered_places(launched):
    # "Pol" begins Polau (Landkreis Uelzen) and many names no channel covers,
    # "Hanno" Hannover as well as the Hannoversches Wendland: no place was named,
    # so nothing is opened; the exact names are offered.
    for begun, offer in (
        ("Pol", "Polau, Landkreis Uelzen"),
        ("Hanno", "Hannoversches Wendland, Landkreis Lüchow-Dannenberg"),
    ):
        result = run("open", begun, "--print")
        assert (result.exit_code, result.stdout, launched) == (ExitCode.NO_CHANNEL, "", [])
        offered = re.search(
            r"only the beginning of a name; name the place exactly \((.*)\)", result.stderr
        )
        assert offered and offered[1] == offer, result.stderr
        assert run("open", offered[1], "--print").exit_code == 0
    # Nor is a choice of channels offered, nor all opened: "Wal" begins Walsrode and
    # five other covered places, "Ste" ten, Berlin's Steglitz among them.
    for begun in ("Wal", "Ste", "Wes"):
        result = run("open", begun, "--all", "--print")
        assert (result.exit_code, result.stdout, launched) == (ExitCode.NO_CHANNEL, "", [])
        assert "only the beginning of a name" in result.stderr
    # A beginning of covered places only opens their one channel, as the name does.
    for begun in ("Cel", "Buxteh"):
        assert run("open", begun, "--print").exit_code == 0, begun
    # Unless it is one letter off a name another channel covers: "Holse" is Holste
    # (Landkreis Osterholz) misspelt as much as it begins Holsen (Kreis Paderborn).
    result = run("open", "Holse", "--print")
    assert (result.exit_code, result.stdout) == (ExitCode.NO_CHANNEL, "")
    assert result.stderr.rstrip().endswith("; or did you mean Holste?")
    assert "Or did you mean: Holste?" in " ".join(run("find", "Holse").stdout.split())


@pytest.mark.parametrize("query", ["Münster", "Stadt Münster", "Muenster"])
def test_open_muenster_with_its_umlaut_opens_muensters_channel_not_munsters(launched, query):
    # Found by QA: "Münster", typed exactly, asked between Münster and Munster
    # (Heidekreis), which keys fold together. Before that, "Stadt Münster" opened
    # Munster's channel alone.
    result = run("open", query, "--print")
    assert result.exit_code == 0
    assert result.stdout.strip() == "https://whatsapp.com/channel/0029VaYQsDEJf05mFjNhgJ1i"


def test_open_munster_without_umlaut_still_asks_as_it_may_be_muenster(launched):
    result = run("open", "Munster", "--print")
    assert (result.exit_code, result.stdout, launched) == (ExitCode.NO_CHANNEL, "", [])
    assert "Münster, Münster" in result.stderr and "Munster, Heidekreis" in result.stderr


def test_open_never_opens_a_further_guess_for_a_place_no_channel_covers(launched):
    # "Müchen" reads as München; Buchen's channel (Siegen-Wittgenstein) is not München's.
    result = run("open", "Müchen", "--print")
    assert (result.exit_code, result.stdout, launched) == (ExitCode.NO_CHANNEL, "", [])
    assert "did you mean Buchen" in " ".join(result.stderr.split())


@pytest.fixture
def launched(monkeypatch):
    calls: list[str] = []

    def fake_open(url: str) -> bool:
        calls.append(url)
        return True

    monkeypatch.setattr("polchan_cli.cli.open_in_browser", fake_open)
    return calls


def test_open_one_channel_launches_and_prints_it(launched):
    result = run("open", "Stade")
    assert result.exit_code == 0
    assert launched == ["https://whatsapp.com/channel/0029VabZHAv4o7qU4GUNEa35"]
    assert launched[0] in result.stdout


def test_open_print_only_prints(launched):
    result = run("open", "Stade", "--print")
    assert result.stdout.strip() == "https://whatsapp.com/channel/0029VabZHAv4o7qU4GUNEa35"
    assert launched == []


def test_open_a_typo_says_on_stderr_which_place_the_channel_is_for(launched):
    result = run("open", "Cele", "--print")
    assert result.stdout.strip() == "https://whatsapp.com/channel/0029VafwOFv60eBnlCgiPB1L"
    assert "no exact match for 'Cele'; this is the channel for 'Celle'" in result.stderr
    assert run("open", "Celle", "--print").stderr == ""
    # With several channels to choose from, no line says "this is the channel".
    several = run("open", "Oldendrof", "--print")
    assert several.exit_code == ExitCode.NO_CHANNEL
    assert "this is the channel" not in several.stderr


@pytest.mark.parametrize(
    ("query", "url"),
    [
        # The whole name, type word and all; not also the village Neuhaus (Celle).
        ("Amt Neuhaus", "https://whatsapp.com/channel/0029VafZbKNKrWR1dTURbB1Z"),
        # The Samtgemeinde (Uelzen); not also the village Aue near Bad Berleburg.
        ("Samtgemeinde Aue", "https://whatsapp.com/channel/0029Vag9L2F6xCSM8Q8EQf0G"),
        ("Landkreis Harburg", "https://whatsapp.com/channel/0029VabYvfr8F2p5Bt33hg2c"),
    ],
)
def test_open_takes_what_a_type_word_asks_for(query, url, launched):
    result = run("open", query, "--print")
    assert (result.exit_code, result.stdout.strip(), result.stderr) == (0, url, "")


def test_open_says_when_the_name_is_also_a_place_no_channel_covers(launched):
    # The village of Wedel (Landkreis Stade) has a channel; the town of Wedel in
    # Kreis Pinneberg has none. Someone from there must not take Stade's for theirs:
    # the name is first the town (found in review: it opened Stade's, exit 0).
    for query in ("Wedel", "Polizei Wedel"):
        result = run("open", query, "--print")
        assert (result.exit_code, result.stdout) == (3, "")
        assert result.stderr == (
            f"polchan: '{query}' is first Wedel (Schleswig-Holstein), which no channel covers; "
            "for another place of the name, name it exactly (Wedel, Landkreis Stade)\n"
        )
    stade = run("open", "Wedel, Landkreis Stade", "--print")
    assert stade.stdout.strip() == "https://whatsapp.com/channel/0029VabZHAv4o7qU4GUNEa35"
    # A postcode that reaches across the border says so, and opens.
    assert "Ludwigslust-Parchim" in run("open", "19273", "--print").stderr
    assert run("open", "Stade", "--print").stderr == ""


def test_a_part_left_out_is_named_under_the_table_and_by_open(launched):
    # The answer rests on "Uelzen" alone: the village typed is not in the data.
    table = " ".join(run("find", "Bruchtorf, Uelzen").stdout.split())
    assert "Polizei Uelzen" in table
    assert "Not found, so left out: 'Bruchtorf'." in table
    german = " ".join(run("--lang", "de", "find", "Westercelle, Harburg").stdout.split())
    assert "Nicht berücksichtigt, da keiner der gefundenen Orte dort liegt: „Harburg“." in german
    opened = run("open", "Bruchtorf, Uelzen", "--print")
    assert opened.stdout.strip() == "https://whatsapp.com/channel/0029Vag9L2F6xCSM8Q8EQf0G"
    assert opened.stderr == "polchan: not found, so left out: 'Bruchtorf'\n"
    other = run("open", "Westercelle, Harburg", "--print").stderr
    assert other == "polchan: left out, as none of the places found lies there: 'Harburg'\n"
    assert "left out" not in run("find", "Bahnhofstraße 5, Celle").stdout.lower()


def test_a_word_left_out_that_names_no_place_is_not_called_not_found(launched):
    table = " ".join(run("find", "Unfall in Celle").stdout.split())
    assert "Polizei Celle" in table
    assert "Left out: 'Unfall'." in table and "Not found" not in table
    both = " ".join(run("find", "Merlin, Celle heute").stdout.split())
    assert "Not found, so left out: 'Merlin'. Left out: 'heute'." in both
    german = " ".join(run("--lang", "de", "find", "Blaulicht Celle gestern Abend").stdout.split())
    assert "Nicht berücksichtigt: „Blaulicht“, „gestern Abend“." in german
    opened = run("open", "Unfall in Celle", "--print")
    assert opened.stderr == "polchan: left out: 'Unfall'\n"
    # Found by QA: find said the postcode was none, open opened in silence.
    unknown = run("open", "Am Markt 1, 21399 Lüneburg", "--print")
    assert unknown.stdout.strip() == "https://whatsapp.com/channel/0029VafZbKNKrWR1dTURbB1Z"
    assert unknown.stderr == "polchan: no place has the postcode 21399\n"


def test_words_without_quotes_are_one_query(launched):
    # What a shell makes of `polchan find Hagen Stade` and of an unquoted address.
    words = run("find", "Hagen", "Stade", "--json")
    assert words.exit_code == 0
    assert words.stdout == run("find", "Hagen Stade", "--json").stdout
    assert json.loads(words.stdout)["query"] == "Hagen Stade"
    result = run("open", "Buchholz", "in", "der", "Nordheide", "--print")
    assert (result.exit_code, result.stdout.strip()) == (
        0,
        "https://whatsapp.com/channel/0029VabYvfr8F2p5Bt33hg2c",
    )
    assert launched == []


def test_open_qr_prints_a_code(launched):
    result = run("open", "Stade", "--qr")
    assert result.exit_code == 0 and launched == []
    assert "█" in result.stdout or "▀" in result.stdout


def test_open_qr_in_a_terminal_too_narrow_for_it_says_so_instead(launched):
    # A code cut or wrapped at the edge cannot be scanned; the link still is printed.
    result = run("open", "Stade", "--qr", env={"COLUMNS": "30"})
    assert result.exit_code == 0 and launched == []
    assert result.stdout.strip() == "https://whatsapp.com/channel/0029VabZHAv4o7qU4GUNEa35"
    assert result.stderr.splitlines() == [
        # Not "use --print for the link" (review, session 33): it is printed above.
        "polchan: the QR code needs 41 columns, the terminal has 30: "
        "widen the window, or use the link printed above"
    ]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_open_qr_in_a_terminal_that_cannot_draw_it_says_so_instead(launched, monkeypatch, encoding):
    # Drawn there, every block was a "?": no code to scan, and no word why.
    from rich.console import Console

    drawn = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
    monkeypatch.setattr("polchan_cli.render.make_console", lambda: Console(file=drawn))
    result = run("open", "Stade", "--qr")
    assert result.exit_code == 0 and launched == []
    assert result.stdout.strip() == "https://whatsapp.com/channel/0029VabZHAv4o7qU4GUNEa35"
    assert "needs a UTF-8 terminal" in result.stderr
    assert drawn.buffer.getvalue() == b""


def test_open_several_channels_without_terminal_lists_them_and_exits_3(launched):
    result = run("open", "29640")
    assert result.exit_code == ExitCode.NO_CHANNEL
    assert launched == []
    # Each with the place it is for: which Winsen, which town of the postcode.
    assert "Polizei Landkreis Harburg (Undeloh)" in result.stderr
    assert "Polizei Heidekreis (Schneverdingen)" in result.stderr


def test_open_asks_again_until_the_answer_is_one_of_the_channels(launched, monkeypatch):
    monkeypatch.setattr("polchan_cli.cli._can_ask", lambda: True)
    result = run("open", "29640", input="5\nx\n2\n")  # 1 is Polizei Heidekreis, 2 Landkreis Harburg
    assert result.exit_code == 0
    assert result.stdout.count("Which channel? ") == 3
    assert "?:" not in result.stdout  # no colon after the question mark
    assert result.stderr.count("polchan: choose a number from 1 to 2") == 2
    assert launched == ["https://whatsapp.com/channel/0029VabYvfr8F2p5Bt33hg2c"]


def test_open_takes_the_number_as_the_list_writes_it(launched, monkeypatch):
    # Review (session 33): "2." as the list shows "2. Polizei …" was refused; "²"
    # passed isdigit() and would have been an error in int().
    monkeypatch.setattr("polchan_cli.cli._can_ask", lambda: True)
    result = run("open", "29640", input="²\n2.\n")
    assert result.exit_code == 0
    assert result.stderr.count("polchan: choose a number from 1 to 2") == 1
    assert launched == ["https://whatsapp.com/channel/0029VabYvfr8F2p5Bt33hg2c"]


def test_open_enter_alone_chooses_no_channel_and_asks_again(launched, monkeypatch):
    # With "[1]" as default, Enter opened Polizei Heidekreis for someone in Undeloh.
    monkeypatch.setattr("polchan_cli.cli._can_ask", lambda: True)
    result = run("open", "29640", input="\n2\n")
    assert result.stdout.count("Which channel? ") == 2
    assert "polchan: choose a number from 1 to 2" in result.stderr
    assert launched == ["https://whatsapp.com/channel/0029VabYvfr8F2p5Bt33hg2c"]


def test_open_print_at_a_terminal_asks_too_and_prints_the_one_chosen(launched, monkeypatch):
    monkeypatch.setattr("polchan_cli.cli._can_ask", lambda: True)
    result = run("open", "29640", "--print", input="2\n")  # 2 is Landkreis Harburg
    assert result.exit_code == 0 and launched == []
    assert result.stdout.splitlines()[-1] == "https://whatsapp.com/channel/0029VabYvfr8F2p5Bt33hg2c"


def test_open_asks_again_in_german_saying_what_is_wrong_then_what_to_do(launched, monkeypatch):
    monkeypatch.setattr("polchan_cli.cli._can_ask", lambda: True)
    result = run("open", "29640", "--lang", "de", input="5\n2\n")
    assert result.exit_code == 0
    assert result.stdout.count("Welcher Kanal? ") == 2
    wrong = "polchan: keine gültige Auswahl: Bitte geben Sie eine Zahl von 1 bis 2 ein"
    assert result.stderr.splitlines().count(wrong) == 1


def test_open_ctrl_d_at_the_prompt_is_an_interruption_not_nothing_found(launched, monkeypatch):
    monkeypatch.setattr("polchan_cli.cli._can_ask", lambda: True)
    result = run("open", "29640", input="")
    assert result.exit_code == ExitCode.INTERRUPTED and launched == []
    assert result.stderr.splitlines()[-1] == "polchan: interrupted"


def test_open_all_opens_each(launched):
    result = run("open", "29640", "--all")
    assert result.exit_code == 0
    assert len(launched) == 2


def test_open_all_names_each_channel_and_says_once_that_no_browser_started(monkeypatch):
    # Found by QA: two bare QR codes could not be told apart, and the browser line
    # came once per link.
    monkeypatch.setattr("polchan_cli.cli.open_in_browser", lambda url: False)
    opened = run("open", "Winsen", "--all")
    assert opened.exit_code == 0
    assert opened.stderr.count("could not open a browser") == 1
    assert "open the links above yourself" in opened.stderr
    printed = run("open", "Winsen", "--all", "--print")
    assert len(printed.stdout.split()) == 2  # links only, for a script
    assert "Polizei Celle (Winsen (Aller)):" in printed.stderr
    coded = run("open", "Winsen", "--all", "--qr", env={"COLUMNS": "100"})
    assert "Polizei Landkreis Harburg (Winsen (Luhe)):" in coded.stdout


def fake_xdg_open(tmp_path: Path, script: str, name: str = "xdg-open") -> str:
    path = tmp_path / name
    path.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


@pytest.mark.parametrize("script", ["exit 4", None], ids=["xdg-open fails", "no browser"])
def test_open_when_no_browser_starts_says_so_and_prints_the_link(monkeypatch, tmp_path, script):
    # A desktop whose xdg-open fails, and a server or container with no browser at
    # all: typer.launch answers 0 for both and polchan said nothing.
    xdg_open = fake_xdg_open(tmp_path, script) if script else None
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr("shutil.which", lambda name: xdg_open)
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: False)
    result = run("open", "Celle")
    assert result.exit_code == 0
    assert "whatsapp.com/channel" in result.stdout
    assert "polchan: could not open a browser" in result.stderr


def test_open_without_xdg_open_asks_gio_and_says_when_it_fails(monkeypatch, tmp_path):
    # Found by QA: over SSH with a display but no xdg-open, webbrowser started
    # `gio open` in the background and said yes; gio's error came after the prompt.
    called = tmp_path / "called"
    gio = fake_xdg_open(tmp_path, f'echo "$@" > {called}; exit 1')
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr("shutil.which", lambda name: gio if name == "gio" else None)
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: True)
    result = run("open", "Celle")
    assert result.exit_code == 0
    assert "polchan: could not open a browser" in result.stderr
    assert called.read_text().split() == ["open", result.stdout.strip()]


def test_open_gives_the_link_to_the_browser_named_in_browser(monkeypatch, tmp_path):
    # Found in review: with gio there, $BROWSER (wslview, an editor's remote
    # opener) was passed over, which webbrowser tries first.
    called = tmp_path / "called"
    browser = fake_xdg_open(tmp_path, f'echo "$@" > {called}', name="my-browser")
    monkeypatch.setenv("BROWSER", browser)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: pytest.fail("another browser"))
    result = run("open", "Celle")
    assert (result.exit_code, result.stderr) == (0, "")
    assert called.read_text().split() == [result.stdout.strip()]


def test_open_where_the_browser_in_browser_fails_tries_no_other(monkeypatch, tmp_path):
    # Found by QA: BROWSER=false handed the link on to lynx, full screen, twice.
    monkeypatch.setenv("BROWSER", fake_xdg_open(tmp_path, "exit 1", name="my-browser"))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: pytest.fail("another browser"))
    result = run("open", "Celle")
    assert result.exit_code == 0 and "whatsapp.com/channel" in result.stdout
    assert "polchan: could not open a browser" in result.stderr


@pytest.mark.parametrize(
    "script", ["exit 0", "sleep 5", None], ids=["hands on", "runs", "webbrowser"]
)
def test_open_says_nothing_more_when_the_browser_starts(monkeypatch, tmp_path, script):
    opened: list[str] = []
    xdg_open = fake_xdg_open(tmp_path, script) if script else None
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr("shutil.which", lambda name: xdg_open)
    monkeypatch.setattr("polchan_cli.cli.XDG_OPEN_PATIENCE", 0.5)
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    result = run("open", "Celle")
    assert result.exit_code == 0 and result.stderr == ""
    assert opened == ([] if script else [result.stdout.strip()])


def test_open_outside_coverage_exits_3(launched):
    result = run("open", "Hannover")
    assert result.exit_code == ExitCode.NO_CHANNEL and launched == []


def test_open_and_find_name_the_same_uncovered_areas_best_first(launched):
    # Both cities named Frankfurt, each with its state, as `find` says it.
    opened = run("open", "Frankfurt")
    found = run("find", "Frankfurt")
    where = "Frankfurt (Oder, Brandenburg), Frankfurt am Main (Hessen)"
    assert opened.exit_code == found.exit_code == ExitCode.NO_CHANNEL and launched == []
    assert f"covers {where}" in opened.stderr
    assert f"covers {where}" in " ".join(found.stdout.split())


def test_prefix_without_channel_suggests_a_covered_spelling(launched):
    found = run("find", "Zelle")
    assert found.exit_code == ExitCode.NO_CHANNEL
    assert "Zellertal" in found.stdout and "Or did you mean: Celle" in found.stdout
    opened = run("open", "Zelle")
    assert opened.exit_code == ExitCode.NO_CHANNEL and launched == []
    assert "did you mean Celle" in opened.stderr


def test_open_refuses_non_channel_link_even_if_a_registry_had_one(launched, monkeypatch):
    import dataclasses

    from polchan_cli import store

    real = store.load_channels(None)
    evil = tuple(
        dataclasses.replace(c, url="javascript:alert(1)") if c.id == "stade" else c
        for c in real.channels
    )
    monkeypatch.setattr(
        store, "load_channels", lambda path: dataclasses.replace(real, channels=evil)
    )
    result = run("open", "Stade")
    assert result.exit_code == ExitCode.USAGE and launched == []
    assert "refusing to open" in result.stderr


def test_completion_suggests_places_by_prefix():
    result = runner.invoke(
        app,
        [],
        env={"_POLCHAN_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "polchan find Lün"},
        prog_name="polchan",
    )
    assert "Lüneburg" in result.stdout
    assert all(
        "lün" in line.lower() or "lun" in line.lower()
        for line in result.stdout.splitlines()
        if line.strip() and line != "_arguments '*: :(())'"
    )


def test_importing_the_cli_loads_neither_rich_nor_yaml():
    code = "import sys, polchan_cli.cli; print(sorted(m for m in ('rich', 'yaml', 'rapidfuzz') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.skipif(not os.path.exists("/dev/stdin"), reason="needs /dev/stdin")
def test_validate_dash_checks_standard_input():
    # Review (session 33): "-" was a file named "-" that does not exist.
    bad = "schema: 1\nchannels:\n  - id: cele\n    disabled: true\n"
    out = subprocess.run(
        [installed_script(), "validate", "-"],
        input=bad,
        capture_output=True,
        text=True,
        env={**os.environ, "POLCHAN_LANG": "en"},
    )
    assert out.returncode == ExitCode.USAGE
    assert out.stdout.splitlines()[0] == (
        "/dev/stdin:3: channel 'cele': no channel has this id to disable: did you mean 'celle'?"
    )


def test_installed_console_script_runs(bundled_registry):
    exe = installed_script()
    out = subprocess.run(
        [exe, "list", "--json"], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"}
    )
    assert out.returncode == 0, out.stderr
    assert [c["id"] for c in json.loads(out.stdout)] == [c.id for c in bundled_registry.channels]
    module = subprocess.run(
        [sys.executable, "-m", "polchan_cli", "find", "Celle", "--json"],
        capture_output=True,
        text=True,
    )
    assert json.loads(module.stdout)["status"] == "found"


@settings(max_examples=60, deadline=None)
@given(
    st.text(max_size=250).filter(lambda s: "\x00" not in s)
    | st.sampled_from(["[bold red]x", "\x1b[31mCelle", "\u202eCelle", "-", "--"])
)
def test_cli_never_prints_a_traceback(query):
    result = runner.invoke(app, ["find", "--json", "--", query], env=ENV)
    assert result.exit_code in {0, 1, 2, 3}
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_markup_and_escape_sequences_in_a_query_print_literally():
    result = run("find", "[bold red]Nowhere\x1b[31m")
    assert "[bold red]Nowhere" in result.stdout
    assert "\x1b" not in result.stdout


def test_emoji_codes_in_a_query_print_as_typed():
    # Rich would draw ":fire:" as the emoji, echoing what the user did not type.
    result = run("find", "Cele :fire:")
    assert "'Cele :fire:'" in result.stdout
    assert "\N{FIRE}" not in result.stdout


@pytest.mark.parametrize("columns", ["80", "50"])
def test_sources_break_no_word_in_the_table_or_its_narrow_blocks(columns):
    out = run("sources", env={"COLUMNS": columns}).stdout
    sources = json.loads(run("sources", "--json").stdout)["sources"]
    # Each word of the table, whole or cut only after a slash or hyphen in it.
    allowed = set()
    for source in sources:
        for word in " ".join(str(v) for v in source.values()).split():
            parts = re.findall(r"[^/-]*[/-]|[^/-]+", word)
            allowed |= {
                "".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)
            }
    table = out.split("Attribution")[0].splitlines()[2:]  # past version and title
    shown = {w for line in table for w in line.replace("│", " ").split() if w.isprintable()}
    words = {w for w in shown if not set(w) <= set("┏┳┓┃┡╇┩└┴┘━─·")}
    assert (
        words - allowed - {"Source", "As", "of", "Contributes", "Licence", "Data", "sources"}
        == set()
    )


def test_a_batch_file_that_cannot_be_read_says_why_in_the_language_asked_for(tmp_path):
    missing = tmp_path / "nope.csv"
    result = run("--lang", "de", "find", "--batch", str(missing))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(
        "kann nicht gelesen werden: Datei oder Ordner nicht gefunden"
    )
    folder = run("find", "--batch", str(tmp_path))
    assert folder.stderr.strip().endswith(": is a directory")


def test_find_two_towns_a_slash_joins_says_both_are_listed_with_both_links():
    result = run("find", "Buxtehude/Neu Wulmstorf")
    assert result.exit_code == 0
    first_line = " ".join(result.stdout.splitlines()[0].split())
    assert (
        first_line
        == "'Buxtehude/Neu Wulmstorf' names 2 places, each listed: 'Buxtehude', 'Neu Wulmstorf'."
    )
    assert "Polizei Stade: https://" in result.stdout
    assert "Polizei Landkreis Harburg: https://" in result.stdout
    data = json.loads(run("find", "--json", "Buxtehude/Neu Wulmstorf").stdout)
    assert data["places_named"] == ["Buxtehude", "Neu Wulmstorf"]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Celle\u2013Westercelle", "Westercelle"),  # an en dash, as Word and web pages write
        ("Berlin\u2011Kreuzberg", "Kreuzberg"),  # a no-break hyphen
        ("21\u00a0423", "21423"),  # a no-break space inside the postcode
        ("\uff12\uff19\uff12\uff12\uff11", "29221"),  # full-width digits
    ],
)
def test_find_reads_dashes_spaces_and_digits_as_typed_plainly(query, first):
    result = run("find", query, "--json")
    assert result.exit_code == ExitCode.OK
    data = json.loads(result.stdout)
    assert data["query"] == query  # echoed as typed
    assert data["matches"][0]["name"] == first


def test_a_type_word_for_a_district_gives_no_village_of_its_name_elsewhere():
    # Kreis Lippe has no channel; the village Lippe in Burbach has one, which
    # answered with exit 0 for someone in Kreis Lippe.
    result = run("find", "Kreis Lippe", "--json")
    assert result.exit_code == ExitCode.NO_CHANNEL
    assert [m["name"] for m in json.loads(result.stdout)["matches"]] == ["Kreis Lippe"]
    # "Stadt Hagen": the city and the municipalities named Hagen, no village of a
    # covered district
    result = run("find", "Stadt Hagen", "--json")
    assert result.exit_code == ExitCode.NO_CHANNEL
    assert {m["kind"] for m in json.loads(result.stdout)["matches"]} <= {
        "district",
        "municipality",
    }
    # the district's own towns stay
    matches = json.loads(run("find", "Landkreis Celle", "--json").stdout)["matches"]
    assert [m["name"] for m in matches] == ["Landkreis Celle", "Celle"]


def test_an_address_with_a_four_digit_postcode_reads_its_last_line_alone():
    result = run("find", "Bahnhofstraße 5, 1067 Dresden", "--json")
    assert json.loads(result.stdout)["matches"][0]["name"] == "01067"  # the 0 dropped
    result = run("find", "Am Markt 1, 2922 Celle")
    assert result.exit_code == ExitCode.NOT_FOUND
    assert "Celle" in result.stdout.split("Did you mean:", 1)[1]


def test_a_channel_over_two_districts_names_both():
    result = run("find", "POL-VER", "--json")
    match = json.loads(result.stdout)["matches"][0]
    assert [d["name"] for d in match["districts"]] == ["Landkreis Verden", "Landkreis Osterholz"]
    assert match["district"]["name"] == "Landkreis Verden"
    table = run("find", "POL-VER").stdout
    assert "Landkreis Verden" in table and "Landkreis Osterholz" in table


def test_batch_with_an_empty_file_name_says_what_it_needs():
    result = run("find", "--batch", "")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip() == (
        "polchan: --batch needs a file: its path, or - for standard input"
    )


def test_wrapped_advice_ends_no_line_with_a_space():
    result = run("find", "Cele", env={"COLUMNS": "50"})
    assert "one-way" in result.stdout
    assert [line for line in result.stdout.splitlines() if line.endswith(" ")] == []


def test_a_misspelt_name_of_a_list_is_said_to_be_read_as_another(launched):
    # "Cele Uelzen" found nothing; each name read as another is said so, then the list.
    flat = " ".join(run("find", "Cele Uelzen").stdout.split())
    assert "No exact match for 'Cele'; showing results for 'Celle'." in flat
    assert "'Cele Uelzen' names 2 places, each listed: 'Celle', 'Uelzen'." in flat
    assert "Its 5-digit postcode or its municipality finds the channel" in flat
    # open says which place the guess is for, where it opens the channel
    result = run("open", "Cele und Winsen (Aller)", "--print")
    assert result.stdout.strip() == "https://whatsapp.com/channel/0029VafwOFv60eBnlCgiPB1L"
    assert "no exact match for 'Cele'; this is the channel for 'Celle'" in result.stderr
    assert launched == []


def test_registry_before_the_command_is_the_same_as_after_it(tmp_path):
    # Found in review: "polchan --registry mine.yaml find Celle" was "no such option",
    # though the top-level help names --registry.
    own = tmp_path / "channels.yaml"
    own.write_text("schema: 1\nchannels:\n  - id: celle\n    disabled: true\n")
    before = run("--registry", str(own), "find", "Celle")
    after = run("find", "Celle", "--registry", str(own))
    assert before.exit_code == after.exit_code == ExitCode.NO_CHANNEL
    assert before.stdout == after.stdout
    # validate checks it where no path is given; paths says where it came from
    checked = run("--registry", str(own), "validate")
    assert checked.exit_code == 0
    assert checked.stdout.startswith(f"{own}: valid, 12 channels in force")
    assert "from the --registry option" in run("--registry", str(own), "paths").stdout
    # after the command it still wins
    other = tmp_path / "other.yaml"
    other.write_text("schema: 1\nchannels: []\n")
    assert run("--registry", str(own), "find", "Celle", "--registry", str(other)).exit_code == 0


def test_validate_checks_the_file_given_as_registry_as_it_does_its_path(tmp_path):
    # Found by a tester: "polchan validate --registry my.yaml" was "no such option:
    # --registry" (exit 2), though the README says --registry goes before or after
    # the command.
    own = tmp_path / "my.yaml"
    own.write_text("schema: 1\nchannels:\n  - id: celle\n    disabled: true\n")
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema: 1\nchannels: {}\n")
    valid = f"{own}: valid, 12 channels in force\n"
    for args in (
        ["validate", "--registry", str(own)],
        ["--registry", str(own), "validate"],
        ["validate", str(own), "--registry", str(own)],
        ["--registry", str(broken), "validate", "--registry", str(own)],  # after it wins
    ):
        result = run(*args)
        assert (result.exit_code, result.stdout) == (0, valid), args
    assert run("validate", "--registry", str(broken)).exit_code == ExitCode.USAGE
    # two files: which one was meant is not guessed
    both = run("validate", str(own), "--registry", str(broken))
    assert both.exit_code == ExitCode.USAGE
    assert both.stdout == ""
    assert f"two files to check: {own} and --registry {broken}; give one" in both.stderr
    said = run("validate", str(own), "--registry", str(broken), "--lang", "de").stderr
    assert "Bitte geben Sie nur eine an" in said


def test_open_says_a_guess_only_for_the_channel_it_opens(launched):
    # Found in code review: "Celle und Hanover" said the channel was Hannover's (none
    # covers it), and a guess hid the line about places no channel covers.
    hanover = run("open", "Celle und Hanover", "--print")
    assert "this is the channel for" not in hanover.stderr
    assert "no channel covers: Region Hannover" in " ".join(hanover.stderr.split())
    cele = run("open", "Cele und Hannover", "--print")
    assert "no exact match for 'Cele'; this is the channel for 'Celle'" in cele.stderr
    assert "no channel covers: Region Hannover" in " ".join(cele.stderr.split())
