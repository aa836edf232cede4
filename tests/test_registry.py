"""The channel registry: the bundled file, malformed files, merging, URLs and the CLI.

``tests/registry_corpus/valid.yaml`` is a valid one-channel registry; every other
file there breaks it in one way (its first line says how), and ``CORPUS_CASES``
gives the line and message each must be rejected with. Files that must hold raw
bytes (BOM, Latin-1) or would be too big to commit are made by the test in tmp_path.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from polchan_cli.cli import app
from polchan_cli.registry import (
    Problem,
    Registry,
    RegistryError,
    is_channel_url,
    load_registry,
    parse_registry,
    read_registry_text,
)
from polchan_cli.store import bundled_registry_path, registry_checks

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "registry_corpus"
VALID = CORPUS / "valid.yaml"
SOURCES = REPO.parent / "shared" / "sources" / "police-channels.yaml"
# What the CLI checks a registry against: each district's state (a channel's state
# must match) and how the gazetteer writes each municipality.
CHECKS = registry_checks()

CHANNEL_ID = "0029VafwOFv60eBnlCgiPB1L"
CELLE_URL = f"https://whatsapp.com/channel/{CHANNEL_ID}"
NEW_URL = "https://whatsapp.com/channel/0029VaTestOverrideCelle01"

# The ids of the bundled channels, each compared with its source below.
BUNDLED_IDS = sorted(c.id for c in load_registry(bundled_registry_path()).channels)

URL_MESSAGE = (
    "channel 'celle': url must look like https://whatsapp.com/channel/<id>, "
    "the id 10 to 40 letters or digits"
)
DISTRICT_QUOTES = "must be 5 digits in quotes"
NOT_A_DATE = "is not a date as YYYY, YYYY-MM or YYYY-MM-DD"
NBSP_INDENT = "indented with non-breaking spaces (copied from a web page?); use plain spaces"

# Corpus file -> (line the problem is reported on, or None for the whole file; message).
CORPUS_CASES: dict[str, tuple[int | None, str]] = {
    # was "a 'key: value' where none may stand; check the indentation": it is not
    "syntax_colon_in_value.yaml": (5, "invalid YAML: a ':' in a value; put the value in quotes"),
    "syntax_bad_indent.yaml": (7, "invalid YAML: a 'key: value' where none may stand"),
    # found only at the end of the file, said where they open
    "unclosed_quote.yaml": (14, "invalid YAML: a quote opened here is not closed"),
    "unclosed_bracket.yaml": (10, "invalid YAML: a '[' opened here is not closed"),
    "missing_colon.yaml": (9, "invalid YAML: a key without its ':'"),
    # found in review: a '{' crashed the message; a closed [ ] missing its comma was
    # "not closed"; old Mac line ends put every mistake on line 1
    "unclosed_brace.yaml": (10, "invalid YAML: a '{' opened here is not closed"),
    "missing_comma.yaml": (10, "invalid YAML: a '[' opened here is not closed, or a ','"),
    "cr_line_ends.yaml": (6, "invalid YAML: a 'key: value' where none may stand"),
    # a terminal's escape sequence in a value is shown, never sent (review)
    "escape_in_value.yaml": (10, "district key '\\x1b[31mX' must be 5 digits in quotes"),
    "districts_string.yaml": (10, "channel 'celle': districts must be a list of 5-digit"),
    "name_list.yaml": (5, "channel 'celle': name must be a non-empty string"),
    "missing_field.yaml": (4, "channel 'celle': missing field 'agency'"),
    "duplicate_id.yaml": (15, "channel 'celle': duplicate id (first at line 4)"),
    "duplicate_key.yaml": (7, "duplicate key 'url'"),
    "tab.yaml": (9, "tab character; indent YAML with spaces"),
    "python_tag.yaml": (
        5,
        "unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    "alias_bomb.yaml": (None, "file expands to too many values (alias bomb?)"),
    "deep_nesting.yaml": (10, "values nested too deeply"),
    "url_javascript.yaml": (6, URL_MESSAGE),
    "url_file.yaml": (6, URL_MESSAGE),
    "url_http.yaml": (6, "channel 'celle': url must begin with https://, not http://"),
    "url_other_host.yaml": (6, URL_MESSAGE),
    "url_userinfo.yaml": (6, URL_MESSAGE),
    "url_port.yaml": (6, URL_MESSAGE),
    "url_query.yaml": (
        6,
        "channel 'celle': url has '?ref=evil.example' after the channel's id: leave it out",
    ),
    "district_4_digits.yaml": (10, f"channel 'celle': district key '3351' {DISTRICT_QUOTES}"),
    "district_unquoted.yaml": (10, f"channel 'celle': district key '03351' {DISTRICT_QUOTES}"),
    "district_unknown.yaml": (10, "channel 'celle': district key '99999' is not a German district"),
    "municipality_unknown.yaml": (
        13,
        "channel 'celle': district 03151 has no municipality 'Gifhorrn'",
    ),
    "municipality_misspelt.yaml": (
        13,
        "channel 'celle': municipality 'Dannenberg' is written 'Dannenberg (Elbe)'",
    ),
    "municipality_district_unknown.yaml": (
        12,
        "channel 'celle': district key '99999' is not a German district",
    ),
    "unknown_field.yaml": (10, "channel 'celle': unknown field 'website'"),
    "covers_nothing.yaml": (4, "channel 'celle': covers no area: give districts or municipalities"),
    "unknown_top_level.yaml": (3, "unknown top-level field 'version'"),
    "schema_2.yaml": (2, "schema 2 is not supported (expected 1)"),
    "schema_bool.yaml": (2, "schema true is not supported (expected 1)"),  # as YAML writes it
    "schema_yes.yaml": (2, "schema yes is not supported (expected 1)"),  # as the file does
    "schema_list.yaml": (2, "schema must be the number 1"),  # was an object's address
    "empty.yaml": (1, "file is empty; expected 'schema: 1' and 'channels:'"),
    "top_level_list.yaml": (2, "expected a mapping with 'schema' and 'channels'"),
    "id_uppercase.yaml": (4, "channel 'Celle': id must be a lowercase ASCII slug"),
    "id_spaces.yaml": (4, "channel 'polizei celle': id must be a lowercase ASCII slug"),
    "channel_not_mapping.yaml": (4, "each channel must be a mapping"),
    "list_key.yaml": (10, "a list or mapping key must be a string"),
    "disabled_not_bool.yaml": (10, "channel 'celle': disabled must be true or false"),
    "source_missing_published.yaml": (12, "channel 'celle': missing field 'source.published'"),
    "published_not_a_date.yaml": (14, f"channel 'celle': source.published 'soon' {NOT_A_DATE}"),
    "published_month_13.yaml": (14, f"channel 'celle': source.published '2025-13' {NOT_A_DATE}"),
    "state_contradicts_district.yaml": (
        10,
        "channel 'celle': state is Bayern, but district '03351' lies in Niedersachsen",
    ),
    # Made from valid.yaml by the test (raw bytes, or too big to commit):
    "utf16.yaml": (1, "file is UTF-16; save it as UTF-8"),
    "latin1.yaml": (8, "file is not UTF-8 (Latin-1?)"),
    "too_big.yaml": (None, "bytes; a registry is at most 1 MB"),
    "binary.yaml": (1, "control character U+007F: is this a binary file? A registry is text"),
    # found in review (h3): PyYAML's words, untranslated, stood in the message
    "two_documents.yaml": (15, "invalid YAML: a second document begins here ('---'); keep one"),
    # found in review (h3): "no channel has this id to disable", the id not named
    "id_number.yaml": (3, "id must be a lowercase ASCII slug like 'rotenburg-wuemme'"),
    # found by a tester: indentation copied from a web page was "'channels' must be a
    # list" and "unknown top-level field '  - id'"
    "nbsp_indent.yaml": (4, NBSP_INDENT),
    "nbsp_indent_one_line.yaml": (6, NBSP_INDENT),
    "nbsp_blank_line.yaml": (3, NBSP_INDENT),
}

GENERATED: dict[str, Callable[[bytes], bytes]] = {
    "utf16.yaml": lambda valid: valid.decode("utf-8").encode("utf-16"),
    "latin1.yaml": lambda valid: valid.decode("utf-8").encode("latin-1"),
    "too_big.yaml": lambda valid: valid + (b"#" * 99 + b"\n") * 12_000,
    "binary.yaml": lambda valid: b"\x7fELF\x02\x01\x01\x00" + bytes(8),
    "unclosed_quote.yaml": lambda valid: valid.replace(b'"2024-11"', b'"2024-11'),
    "unclosed_bracket.yaml": lambda valid: valid.replace(b'["03351"]', b'["03351"'),
    "missing_colon.yaml": lambda valid: valid.replace(b"state:", b"state"),
    "unclosed_brace.yaml": lambda valid: valid.replace(b'["03351"]', b"{a: 1"),
    "missing_comma.yaml": lambda valid: valid.replace(b'["03351"]', b'["03351" "03352"]'),
    "schema_list.yaml": lambda valid: valid.replace(b"schema: 1", b"schema: [1]"),
    "schema_yes.yaml": lambda valid: valid.replace(b"schema: 1", b"schema: yes"),
    "escape_in_value.yaml": lambda valid: valid.replace(b'["03351"]', b'["\\e[31mX"]'),
    "cr_line_ends.yaml": lambda valid: valid.replace(b"    url:", b"     url:").replace(
        b"\n", b"\r"
    ),
    "two_documents.yaml": lambda valid: valid + b"---\nschema: 1\n",
    "id_number.yaml": lambda valid: b"schema: 1\nchannels:\n  - id: 42\n    disabled: true\n",
    "nbsp_indent.yaml": lambda valid: re.sub(
        rb"(?m)^ +", lambda m: "\u00a0".encode() * len(m.group()), valid
    ),
    "nbsp_indent_one_line.yaml": lambda valid: valid.replace(
        b"    url:", "\u00a0".encode() * 4 + b"url:"
    ),
    "nbsp_blank_line.yaml": lambda valid: valid.replace(
        b"schema: 1\n", "schema: 1\n\u00a0\n".encode()
    ),
}

# The YAML slips of a hand-edited file, each made from valid.yaml: the line a user
# reads and the message, in English and German. Found in review (h1, a corpus of 710
# broken files): each was a hint that misled ("a '{' opened here" for '- ' items in
# a '[', "check the indentation" for a ': ' in a value), a line after the one to fix,
# or PyYAML's own English words, in German too.
YAML_SLIPS: dict[str, tuple[Callable[[bytes], bytes], int, str, str]] = {
    # was line 4: "a '{' opened here is not closed, or a ',' in it is missing"
    "dash_items_in_brackets.yaml": (
        lambda valid: valid.replace(b"channels:\n", b"channels: [\n"),
        3,
        "invalid YAML: a '- ' item inside the '[' opened here; write the items without '[' and ']'",
        "ungültiges YAML: ein „- “-Eintrag in der hier geöffneten Klammer „[“: "
        "Bitte schreiben Sie die Einträge ohne „[“ und „]“",
    ),
    "dash_items_in_district_brackets.yaml": (
        lambda valid: valid.replace(
            b'districts: ["03351"]', b'districts: [\n      - "03351"\n    ]'
        ),
        10,
        "invalid YAML: a '- ' item inside the '[' opened here; write the items without '[' and ']'",
        "ungültiges YAML: ein „- “-Eintrag in der hier geöffneten Klammer „[“: "
        "Bitte schreiben Sie die Einträge ohne „[“ und „]“",
    ),
    # was "a '{' opened here is not closed, or a ',' in it is missing"
    "comma_twice.yaml": (
        lambda valid: valid.replace(b'["03351"]', b'["03351",, "03352"]'),
        10,
        "invalid YAML: a ',' with no value before it; delete it",
        "ungültiges YAML: ein „,“ ohne Wert davor: Bitte löschen Sie es",
    ),
    # was PyYAML's "block sequence entries are not allowed in this context"
    # (libyaml), "sequence entries are not allowed here" (PyYAML's own parser)
    "dash_item_after_a_key.yaml": (
        lambda valid: valid.replace(b"agency: Polizeiinspektion", b"agency: - Polizeiinspektion"),
        7,
        "invalid YAML: a '- ' item after a key on its line; put it on the line below, "
        "or the value in quotes",
        "ungültiges YAML: ein „- “-Eintrag nach einem Schlüssel in derselben Zeile: "
        "Bitte schreiben Sie ihn in die Zeile darunter oder setzen Sie den Wert in "
        "Anführungszeichen",
    ),
    "dash_items_after_channels.yaml": (
        lambda valid: valid.replace(b"channels:\n  - id: celle", b"channels: - id: celle"),
        3,
        "invalid YAML: a '- ' item after a key on its line; put it on the line below, "
        "or the value in quotes",
        "ungültiges YAML: ein „- “-Eintrag nach einem Schlüssel in derselben Zeile: "
        "Bitte schreiben Sie ihn in die Zeile darunter oder setzen Sie den Wert in "
        "Anführungszeichen",
    ),
    # Review: after a value in quotes, the line goes on past the value; no item
    "dash_after_a_quoted_value.yaml": (
        lambda valid: valid.replace(b'published: "2024-11"', b'published: "2024-11" - neu'),
        14,
        "invalid YAML: text after the closing quote; quote the whole value, "
        "with the other kind of quotes if it holds one",
        "ungültiges YAML: Text nach dem schließenden Anführungszeichen: Bitte setzen Sie "
        "den ganzen Wert in Anführungszeichen, in die andere Art, wenn er selbst welche enthält",
    ),
    # Review: in a list's item, the scanner stops before the value's token; was
    # PyYAML's "block sequence entries are not allowed in this context"
    "dash_after_a_quoted_item.yaml": (
        lambda valid: valid.replace(
            b'districts: ["03351"]', b'districts:\n      - "03351" - "03352"'
        ),
        11,
        "invalid YAML: text after the closing quote; quote the whole value, "
        "with the other kind of quotes if it holds one",
        "ungültiges YAML: Text nach dem schließenden Anführungszeichen: Bitte setzen Sie "
        "den ganzen Wert in Anführungszeichen, in die andere Art, wenn er selbst welche enthält",
    ),
    # was line 10: "indented unlike the lines above", where the next quote opened
    "quote_unclosed_mid_file.yaml": (
        lambda valid: valid.replace(b"name: Polizei Celle", b'name: "Polizei Celle'),
        5,
        "invalid YAML: a quote opened here is not closed",
        "ungültiges YAML: ein hier geöffnetes Anführungszeichen wird nicht geschlossen",
    ),
    # was "indented unlike the lines above"
    "apostrophe_in_single_quotes.yaml": (
        lambda valid: valid.replace(b"name: Polizei Celle", b"name: 'Polizei's Kanal'"),
        5,
        "invalid YAML: text after the closing quote; "
        "quote the whole value, with the other kind of quotes if it holds one",
        "ungültiges YAML: Text nach dem schließenden Anführungszeichen: Bitte setzen Sie den "
        "ganzen Wert in Anführungszeichen, in die andere Art, wenn er selbst welche enthält",
    ),
    # was "indented unlike the lines above"
    "bracket_extra.yaml": (
        lambda valid: valid.replace(b'["03351"]', b'["03351"]]'),
        10,
        "invalid YAML: a ']' with no '[' before it; delete it",
        "ungültiges YAML: eine Klammer „]“ ohne „[“ davor: Bitte löschen Sie sie",
    ),
    # was "indented unlike the lines above"
    "text_after_brackets.yaml": (
        lambda valid: valid.replace(b'title: "Die', b'title: [Presse] "Die'),
        13,
        "invalid YAML: text after the closing ']'; a value beginning with '[' must be in quotes",
        "ungültiges YAML: Text nach der schließenden Klammer „]“: "
        "Ein Wert, der mit „[“ beginnt, muss in Anführungszeichen stehen",
    ),
    # was line 5: "a 'key: value' where none may stand; check the indentation"
    "key_without_colon_in_list.yaml": (
        lambda valid: valid.replace(b"- id: celle", b"- id celle"),
        4,
        "invalid YAML: a key without its ':', or a comment without its '#'",
        "ungültiges YAML: ein Schlüssel ohne „:“ oder ein Kommentar ohne „#“",
    ),
    # was "a key without its ':'", which it has
    "colon_without_space.yaml": (
        lambda valid: valid.replace(b"name: Polizei Celle", b"name:Polizei Celle"),
        5,
        "invalid YAML: a ':' without a space after it; write 'key: value'",
        "ungültiges YAML: ein „:“ ohne Leerzeichen danach: Bitte schreiben Sie „Schlüssel: Wert“",
    ),
    # was "a character no value may start with (indent with spaces, not tabs)"
    "value_at_sign.yaml": (
        lambda valid: valid.replace(b"name: Polizei Celle", b"name: @polizei_celle"),
        5,
        "invalid YAML: a value beginning with '@' must be in quotes",
        "ungültiges YAML: ein Wert, der mit „@“ beginnt, muss in Anführungszeichen stehen",
    ),
    # was PyYAML's "did not find expected alphabetic or numeric character"
    "value_star.yaml": (
        lambda valid: valid.replace(b"name: Polizei Celle", b"name: *Polizei* Celle"),
        5,
        "invalid YAML: a value beginning with '*' must be in quotes",
        "ungültiges YAML: ein Wert, der mit „*“ beginnt, muss in Anführungszeichen stehen",
    ),
    # was PyYAML's "mapping keys are not allowed in this context"
    "value_question_mark.yaml": (
        lambda valid: valid.replace(b"state: Niedersachsen", b"state: ?"),
        9,
        "invalid YAML: a value beginning with '?' must be in quotes",
        "ungültiges YAML: ein Wert, der mit „?“ beginnt, muss in Anführungszeichen stehen",
    ),
    # was PyYAML's "did not find expected comment or line break"
    "text_on_block_line.yaml": (
        lambda valid: valid.replace(
            b"state: Niedersachsen\n", b"state: Niedersachsen\n    note: | Nur der Landkreis\n"
        ),
        10,
        "invalid YAML: text after '|' on its line; "
        "put it on the lines below, or the value in quotes",
        "ungültiges YAML: Text nach „|“ in derselben Zeile: Bitte schreiben Sie ihn in die "
        "Zeilen darunter oder setzen Sie den Wert in Anführungszeichen",
    ),
    # was PyYAML's "found unknown escape character"
    "backslash_in_double_quotes.yaml": (
        lambda valid: valid.replace(b'title: "Die', b'title: "C:\\Presse\\Die'),
        13,
        "invalid YAML: a '\\' in double quotes begins an escape; write '\\\\' or use single quotes",
        "ungültiges YAML: ein „\\“ in doppelten Anführungszeichen beginnt eine Escape-Sequenz: "
        "Bitte schreiben Sie „\\\\“ oder nutzen Sie einfache Anführungszeichen",
    ),
    # was PyYAML's "found unknown directive name" (libyaml), or line 11 and
    # "expected '<document start>', but found '<scalar>'" (PyYAML's own parser)
    "percent_line.yaml": (
        lambda valid: valid.replace(b"state: Niedersachsen\n", b"state: Niedersachsen\n%Land\n"),
        10,
        "invalid YAML: a line beginning with '%' (a YAML directive) may not stand here; delete it",
        "ungültiges YAML: eine Zeile, die mit „%“ beginnt (eine YAML-Direktive), "
        "darf hier nicht stehen: Bitte löschen Sie sie",
    ),
    # was line 5: PyYAML's "did not find expected <document start>"
    "three_dots_mid_file.yaml": (
        lambda valid: valid.replace(b"channels:\n", b"channels:\n...\n"),
        4,
        "invalid YAML: '...' ends the file's content here, yet more follows; delete it",
        "ungültiges YAML: „...“ beendet hier den Inhalt der Datei, doch es folgt mehr: "
        "Bitte löschen Sie „...“",
    ),
    # was line 2: "a 'key: value' where none may stand; check the indentation"
    "comment_without_hash.yaml": (
        lambda valid: valid.replace(b"# A valid", b"A valid"),
        1,
        "invalid YAML: a key without its ':', or a comment without its '#'",
        "ungültiges YAML: ein Schlüssel ohne „:“ oder ein Kommentar ohne „#“",
    ),
    # was line 5: "indented unlike the lines above" (libyaml), "a 'key: value' where
    # none may stand" (PyYAML's own parser)
    "bom_mid_file.yaml": (
        lambda valid: valid.replace(b"  - id: celle", "\ufeff  - id: celle".encode()),
        4,
        "a byte-order mark (U+FEFF, invisible) begins this line; delete it",
        "ein Byte-Order-Mark (U+FEFF, unsichtbar) steht am Anfang dieser Zeile: "
        "Bitte löschen Sie es",
    ),
    # was valid to libyaml, "a key without its ':'" to PyYAML's own parser
    "bom_after_joining.yaml": (
        lambda valid: valid + "\ufeff# more channels\n".encode(),
        15,
        "a byte-order mark (U+FEFF, invisible) begins this line; delete it",
        "ein Byte-Order-Mark (U+FEFF, unsichtbar) steht am Anfang dieser Zeile: "
        "Bitte löschen Sie es",
    ),
    # was "name must be one line of text", which it is
    "tab_in_name.yaml": (
        lambda valid: valid.replace(b"name: Polizei Celle", b'name: "Polizei\\tCelle"'),
        5,
        "channel 'celle': name holds a tab; write a space instead",
        "Kanal „celle“: name enthält einen Tabulator: "
        "Bitte schreiben Sie stattdessen ein Leerzeichen",
    ),
}
GENERATED.update({name: make for name, (make, *_) in YAML_SLIPS.items()})
# Corpus files said otherwise than before: the file, its line, English and German.
SAID_NOW: dict[str, tuple[int, str, str]] = {
    **{name: (line, said, german) for name, (_, line, said, german) in YAML_SLIPS.items()},
    # was "a 'key: value' where none may stand; check the indentation"
    "syntax_colon_in_value.yaml": (
        5,
        "invalid YAML: a ':' in a value; put the value in quotes",
        "ungültiges YAML: ein „:“ in einem Wert: Bitte setzen Sie den Wert in Anführungszeichen",
    ),
    # was "duplicate key 'url'", the first not named
    "duplicate_key.yaml": (
        7,
        "duplicate key 'url' (first at line 6)",
        "doppelter Schlüssel „url“ (zuerst in Zeile 6)",
    ),
}

# A few corpus files the CLI must report as file:line without a traceback.
CLI_CASES = [
    "syntax_bad_indent.yaml",
    "python_tag.yaml",
    "url_userinfo.yaml",
    "district_unknown.yaml",
    "municipality_district_unknown.yaml",
    "deep_nesting.yaml",
    "state_contradicts_district.yaml",
    "published_month_13.yaml",
]

OVERRIDE = f"schema: 1\nchannels:\n  - id: celle\n    url: {NEW_URL}\n"


@pytest.fixture(scope="module")
def bundled() -> Registry:
    return load_registry(bundled_registry_path(), **CHECKS)


def corpus_file(name: str, tmp_path: Path) -> Path:
    """The corpus file, made in tmp_path from valid.yaml when it is a generated one."""
    if name not in GENERATED:
        return CORPUS / name
    path = tmp_path / name
    path.write_bytes(GENERATED[name](VALID.read_bytes()))
    return path


def write(tmp_path: Path, text: str, name: str = "channels.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def valid_text(**replacements: str) -> str:
    """valid.yaml (one channel, celle) with some lines' text replaced."""
    text = VALID.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def where(path: Path, line: int | None) -> str:
    """How a problem names its place: the file's path as given, and the line."""
    return f"{path}:{line}:" if line else f"{path}:"


# --- 1. the bundled registry ---------------------------------------------------------


def test_bundled_channels_are_marked_bundled_each_once(bundled: Registry) -> None:
    assert {c.origin for c in bundled.channels} == {"bundled"}
    urls = [c.url for c in bundled.channels]
    assert len(set(urls)) == len(urls)  # no channel twice under two ids


@pytest.fixture(scope="module")
def sources() -> list[dict]:
    if not SOURCES.is_file():
        pytest.skip(f"sourced channel list not found at {SOURCES}")
    return yaml.safe_load(SOURCES.read_text(encoding="utf-8"))


def test_bundled_registry_has_every_sourced_channel(bundled: Registry, sources: list) -> None:
    assert sorted(c.name for c in bundled.channels) == sorted(s["name"] for s in sources)


@pytest.mark.parametrize("channel_id", BUNDLED_IDS)
def test_bundled_channel_matches_its_source(
    channel_id: str, bundled: Registry, sources: list
) -> None:
    channel = bundled.by_id(channel_id)
    assert channel is not None
    (src,) = [s for s in sources if s["name"] == channel.name]
    published = src["source"]["published"]
    assert {
        "name": channel.name,
        "url": channel.url,
        "agency": channel.agency,
        "parent": channel.parent,
        "state": channel.state,
        "districts": list(channel.districts),
        "source": (channel.source.url, channel.source.title, channel.source.published),
    } == {
        "name": src["name"],
        "url": src["url"],
        "agency": src["agency"],
        "parent": src["parent"],
        "state": src["state"],
        "districts": src["districts"],
        "source": (
            src["source"]["url"],
            src["source"]["title"],
            None if published is None else str(published),
        ),
    }


# --- 2. the corpus of malformed files -----------------------------------------------


def test_corpus_files_are_all_covered() -> None:
    committed = {p.name for p in CORPUS.glob("*.yaml")} - {VALID.name}
    assert committed == set(CORPUS_CASES) - set(GENERATED)
    assert len(CORPUS_CASES) >= 22


def test_corpus_base_file_is_valid() -> None:
    registry = load_registry(VALID, **CHECKS)
    assert [(c.id, c.url, c.districts) for c in registry.channels] == [
        ("celle", CELLE_URL, ("03351",))
    ]


@pytest.mark.usefixtures("no_hang")
@pytest.mark.parametrize(("name", "line", "message"), [(n, *c) for n, c in CORPUS_CASES.items()])
def test_malformed_file_is_rejected_with_file_and_line(
    name: str, line: int | None, message: str, tmp_path: Path
) -> None:
    path = corpus_file(name, tmp_path)
    with pytest.raises(RegistryError) as caught:
        load_registry(path, **CHECKS)
    first = str(caught.value.problems[0])
    assert first.startswith(where(path, line) + " "), first
    assert message in first.removeprefix(where(path, line))


def test_a_large_file_without_aliases_is_not_called_an_alias_bomb(tmp_path: Path) -> None:
    # Found by a tester: 2,600 channels, under 1 MB and with no alias in it, were
    # "file expands to too many values (alias bomb?)".
    channel = (
        '  - {{id: c{0}, name: P{0}, url: u, agency: a, parent: p, state: s, districts: ["03351"], '
        "source: {{url: u, title: t, published: null}}}}\n"
    )
    text = "schema: 1\nchannels:\n" + "".join(channel.format(i) for i in range(4_200))
    assert len(text.encode()) < 1_000_000
    with pytest.raises(RegistryError) as caught:
        parse_registry(text, "big.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "big.yaml: file holds more than 100,000 values; "
        "a registry is at most 1 MB and 100,000 values"
    ]


@pytest.mark.usefixtures("no_hang")
@pytest.mark.parametrize("name", sorted(CORPUS_CASES))
def test_malformed_file_is_rejected_by_the_pure_python_yaml_loader(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without libyaml (PyYAML's optional C part) every file is still a RegistryError."""
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    path = corpus_file(name, tmp_path)
    with pytest.raises(RegistryError) as caught:
        load_registry(path, **CHECKS)
    assert str(caught.value).startswith(f"{path}:")


@pytest.mark.parametrize(
    "name",
    [n for n, (_, message) in CORPUS_CASES.items() if message.startswith("invalid YAML:")],
)
def test_both_yaml_parsers_say_a_syntax_mistake_alike(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # libyaml words its problems otherwise than PyYAML's own parser, which is used
    # where libyaml is not installed; a user must read the same line either way.
    path = corpus_file(name, tmp_path)
    with pytest.raises(RegistryError) as with_libyaml:
        load_registry(path, **CHECKS)
    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    with pytest.raises(RegistryError) as without:
        load_registry(path, **CHECKS)
    assert str(without.value.problems[0]) == str(with_libyaml.value.problems[0])


# --- 3. merging a user registry over the bundled one --------------------------------


def test_override_changes_only_the_given_field(bundled: Registry, tmp_path: Path) -> None:
    merged = load_registry(write(tmp_path, OVERRIDE), base=bundled)
    before, after = bundled.by_id("celle"), merged.by_id("celle")
    assert after is not None and before is not None
    assert (after.url, after.origin) == (NEW_URL, "user")
    assert after.to_dict() | {"url": before.url, "origin": "bundled"} == before.to_dict()
    assert [c.id for c in merged.channels] == [c.id for c in bundled.channels]
    assert {c.origin for c in merged.channels if c.id != "celle"} == {"bundled"}
    assert bundled.by_id("celle").url == CELLE_URL  # the base registry is left as it was


@pytest.mark.parametrize("bad_id", ["[celle]", "{a: 1}"])
def test_a_user_entry_whose_id_is_a_list_or_mapping_is_a_problem_not_a_crash(
    bad_id: str, bundled: Registry, tmp_path: Path
) -> None:
    text = f"schema: 1\nchannels:\n  - id: {bad_id}\n    url: {NEW_URL}\n"
    with pytest.raises(RegistryError) as raised:
        load_registry(write(tmp_path, text), base=bundled)
    assert "id must be a lowercase ASCII slug" in str(raised.value.problems[0])


def test_new_channel_is_added(bundled: Registry, tmp_path: Path) -> None:
    text = valid_text(
        **{"id: celle": "id: celle-test", CELLE_URL: NEW_URL, "name: Polizei Celle": "name: Test"}
    )
    merged = load_registry(write(tmp_path, text), base=bundled)
    assert len(merged.channels) == len(bundled.channels) + 1
    added = merged.channels[-1]
    assert (added.id, added.url, added.origin) == ("celle-test", NEW_URL, "user")
    assert {c.id for c in merged.covering("03351")} == {"celle", "celle-test"}


def test_channels_are_found_by_name_agency_and_directorate(bundled: Registry) -> None:
    def named(key: str) -> list[tuple[str, str]]:
        return [(c.id, match) for c, match in bundled.named(key)]

    assert named("polizei celle") == [("celle", "exact")]
    assert named("polizeiinspektion celle") == [("celle", "exact")]
    assert named("polizei verden") == [("verden-osterholz", "variant")]
    directorate = named("polizeidirektion luneburg")
    assert len(directorate) == 8 and {m for _, m in directorate} == {"exact"}
    assert named("celle") == []


def test_a_channel_added_by_the_user_is_found_by_its_agency(
    bundled: Registry, tmp_path: Path
) -> None:
    text = valid_text(
        **{
            "id: celle": "id: celle-test",
            CELLE_URL: NEW_URL,
            "name: Polizei Celle": "name: Polizei Bergen",
            "agency: Polizeiinspektion Celle": "agency: Polizeikommissariat Bergen",
        }
    )
    merged = load_registry(write(tmp_path, text), base=bundled)
    assert [c.id for c, _ in merged.named("polizeikommissariat bergen")] == ["celle-test"]


def test_disabled_hides_a_bundled_channel(bundled: Registry, tmp_path: Path) -> None:
    text = "schema: 1\nchannels:\n  - id: celle\n    disabled: true\n"
    merged = load_registry(write(tmp_path, text), base=bundled)
    assert merged.by_id("celle") is None
    assert merged.covering("03351") == ()
    assert len(merged.channels) == len(bundled.channels) - 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            f"schema: 1\nchannels:\n  - id: celle-nord\n    url: {NEW_URL}\n",
            "channels.yaml:3: channel 'celle-nord': no channel has this id to change "
            "('polchan list --json' shows the ids); a new channel needs id, name, url, "
            "agency, parent, state, districts and source",
            id="partial-entry-for-unknown-id",
        ),
        pytest.param(
            OVERRIDE.replace(NEW_URL, "https://whatsapp.com@evil.example/channel/" + CHANNEL_ID),
            f"channels.yaml:4: {URL_MESSAGE}",
            id="bad-url-in-override",
        ),
        pytest.param(
            OVERRIDE.replace(f"url: {NEW_URL}", 'districts: ["99999"]'),
            "channels.yaml:4: channel 'celle': district key '99999' is not a German district",
            id="unknown-district-in-override",
        ),
        pytest.param(
            OVERRIDE.replace(f"url: {NEW_URL}", "disabled: maybe"),
            "channels.yaml:4: channel 'celle': disabled must be true or false",
            id="disabled-not-bool",
        ),
        pytest.param(
            OVERRIDE.replace(f"url: {NEW_URL}", "state: Bayern"),
            "channels.yaml:4: channel 'celle': state is Bayern, "
            "but district '03351' lies in Niedersachsen",
            id="state-against-the-bundled-districts",
        ),
        # Found by QA: a state's spelling was called another state.
        pytest.param(
            OVERRIDE.replace(f"url: {NEW_URL}", "state: niedersachsen"),
            "channels.yaml:4: channel 'celle': state is written 'Niedersachsen'",
            id="state-misspelt",
        ),
        pytest.param(
            OVERRIDE.replace(f"url: {NEW_URL}", "state: Nds."),
            "channels.yaml:4: channel 'celle': 'Nds.' is no German state; write one of "
            "Baden-Württemberg, Bayern, Berlin, Brandenburg, Bremen, Hamburg, Hessen, "
            "Mecklenburg-Vorpommern, Niedersachsen, Nordrhein-Westfalen, Rheinland-Pfalz, "
            "Saarland, Sachsen, Sachsen-Anhalt, Schleswig-Holstein, Thüringen",
            id="state-abbreviated",
        ),
        pytest.param(
            OVERRIDE.replace(f"url: {NEW_URL}", 'districts: ["03351", "09162"]'),
            "channels.yaml:4: channel 'celle': state is Niedersachsen, "
            "but district '09162' lies in Bayern",
            id="district-against-the-bundled-state",
        ),
    ],
)
def test_merged_result_is_validated(
    text: str, expected: str, bundled: Registry, tmp_path: Path
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(RegistryError) as caught:
        load_registry(path, base=bundled, **CHECKS)
    assert f"{path.parent}/{expected}" in [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("written", "kept"),
    [('"2024"', "2024"), ("2024", "2024"), ('"2024-02-29"', "2024-02-29"), ("null", None)],
)
def test_published_keeps_a_real_date_as_written(written: str, kept: str | None, tmp_path: Path):
    text = valid_text(**{'published: "2024-11"': f"published: {written}"})
    registry = load_registry(write(tmp_path, text), **CHECKS)
    assert registry.channels[0].source.published == kept


@pytest.mark.parametrize("written", ['"2023-02-29"', '"2024-1"', '"24-11"', '"2024-11-01T10:00"'])
def test_published_rejects_what_is_no_date(written: str, tmp_path: Path) -> None:
    text = valid_text(**{'published: "2024-11"': f"published: {written}"})
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text), **CHECKS)
    assert [p.line for p in caught.value.problems] == [14]
    assert NOT_A_DATE in caught.value.problems[0].message


def test_cli_a_channel_for_the_wrong_state_is_not_offered_for_it(tmp_path: Path) -> None:
    text = valid_text(**{"id: celle": "id: celle-test", CELLE_URL: NEW_URL}).replace(
        "state: Niedersachsen", "state: Bayern"
    )
    path = write(tmp_path, text)
    for command in (["find", "Bayern"], ["list"]):
        code, out, err = run(*command, "--registry", str(path))
        assert (code, out) == (2, "")
        assert "state is Bayern, but district '03351' lies in Niedersachsen" in err


@pytest.mark.parametrize(
    ("given", "meant"), [("cele", "celle"), ("Celle", "celle"), ("stade-nord", None)]
)
def test_a_change_to_an_id_no_channel_has_is_one_line_with_the_id_meant(
    bundled: Registry, tmp_path: Path, given: str, meant: str | None
) -> None:
    # Found by QA: six "missing field" lines and no word of the typo in the id.
    text = f"schema: 1\nchannels:\n  - id: {given}\n    url: {NEW_URL}\n"
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text), base=bundled)
    (problem,) = caught.value.problems
    assert problem.message.startswith("no channel has this id to change")
    assert (f"did you mean '{meant}'?" in problem.message) == (meant is not None)


def test_a_new_channel_lacking_a_few_fields_lists_each(bundled: Registry, tmp_path: Path) -> None:
    text = (
        "schema: 1\nchannels:\n  - id: celle-nord\n    name: Polizei Celle Nord\n"
        f"    url: {NEW_URL}\n    agency: Polizeiinspektion Celle\n    districts: ['03351']\n"
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text), base=bundled)
    missing = {p.message for p in caught.value.problems}
    assert missing == {f"missing field '{f}'" for f in ("parent", "state", "source")}


# --- 4. is_channel_url -------------------------------------------------------------


@pytest.mark.parametrize("host", ["whatsapp.com", "www.whatsapp.com"])
def test_channel_url_accepts_both_hosts(host: str) -> None:
    assert is_channel_url(f"https://{host}/channel/{CHANNEL_ID}")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "file:///etc/passwd",
        f"http://whatsapp.com/channel/{CHANNEL_ID}",
        f"https://evil.example/channel/{CHANNEL_ID}",
        f"https://whatsapp.com.evil.example/channel/{CHANNEL_ID}",
        f"https://whatsapp.com@evil.example/channel/{CHANNEL_ID}",
        f"https://user@whatsapp.com/channel/{CHANNEL_ID}",
        f"https://evil.example\\@whatsapp.com/channel/{CHANNEL_ID}",
        f"https://whatsapp.com:8443/channel/{CHANNEL_ID}",
        f"https://whatsapp.com:443/channel/{CHANNEL_ID}",
        f"https://whatsapp.com/channel/{CHANNEL_ID}?ref=evil.example",
        f"https://whatsapp.com/channel/{CHANNEL_ID}#x",
        f"https://whatsapp.com/channel/{CHANNEL_ID}\n",
        f" https://whatsapp.com/channel/{CHANNEL_ID}",
        f"https://whatsapp.com/channel/{CHANNEL_ID}/../../evil",
        f"https://whatsapp.com/invite/{CHANNEL_ID}",
        "https://whatsapp.com/channel/",
        f"//whatsapp.com/channel/{CHANNEL_ID}",
        "",
        None,
        CELLE_URL.encode(),
    ],
)
def test_channel_url_rejects_anything_else(url: object) -> None:
    assert not is_channel_url(url)


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (f"{CELLE_URL}/", ["url ends in '/' after the channel's id: leave it out"]),
        (f"{CELLE_URL}?mode=ac_t", ["url has '?mode=ac_t' after the channel's id: leave it out"]),
        (
            f"{CELLE_URL}?utm_source=x&utm_medium=y",
            ["url has '?utm_source=x&utm_medium=y' after the channel's id: leave it out"],
        ),
        (f"' {CELLE_URL} '", ["url begins or ends with a space: leave it out"]),
        (
            "https://chat.whatsapp.com/Kx3bDm9Qw2n7YtRu5pLcVa",
            [
                "url is a group invite (chat.whatsapp.com), not a channel link: "
                "a channel's link begins https://whatsapp.com/channel/"
            ],
        ),
        (
            CELLE_URL.replace("https", "http") + "/?mode=ac_t",
            [
                "url must begin with https://, not http://",
                "url has '?mode=ac_t' after the channel's id: leave it out",
                "url ends in '/' after the channel's id: leave it out",
            ],
        ),
        (CELLE_URL.removeprefix("https://"), ["url must begin with https://"]),
        # no change that is clear makes these a channel's link
        (f"https://evil.example/channel/{CHANNEL_ID}/", [URL_MESSAGE.split(": ", 1)[1]]),
        (f"https://whatsapp.com/channel/{CHANNEL_ID}/../../evil", [URL_MESSAGE.split(": ", 1)[1]]),
    ],
)
def test_a_rejected_link_says_what_to_change_where_that_is_clear(
    url: str, said: list[str], tmp_path: Path
) -> None:
    # Found by a tester: every rejected link was "url must look like
    # https://whatsapp.com/channel/<id>…", a trailing '/' or '?mode=…' not named.
    path = write(tmp_path, valid_text(**{CELLE_URL: url}))
    with pytest.raises(RegistryError) as caught:
        load_registry(path, **CHECKS)
    assert [(p.line, p.message) for p in caught.value.problems] == [(6, s) for s in said]
    assert path.read_text(encoding="utf-8") == valid_text(**{CELLE_URL: url})  # left as it is


def test_a_channel_link_with_its_host_in_capitals_is_said_to_be_written_small(
    bundled: Registry, tmp_path: Path
) -> None:
    # The same host, but polchan takes a link as written, never changing one itself:
    # the capitals are named, and the file is left as it is.
    text = OVERRIDE.replace("https://whatsapp.com", "https://WhatsApp.com")
    path = write(tmp_path, text)
    with pytest.raises(RegistryError) as caught:
        load_registry(path, base=bundled, **CHECKS)
    assert [p.message for p in caught.value.problems] == [
        "url has its host in capitals: write it 'whatsapp.com'"
    ]
    assert path.read_text(encoding="utf-8") == text


# --- 5. the command line -------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_validate_accepts_a_good_file() -> None:
    code, out, err = run("validate", str(VALID))
    assert (code, err) == (0, "")
    # It repeats the bundled celle as it is: said, as that would hide later fixes.
    assert out.splitlines() == [
        f"{VALID}: valid, {len(BUNDLED_IDS)} channels in force",
        f"{VALID}: repeats without a change: celle; leave them out, so that fixes in "
        "later releases reach you (give only what you change)",
    ]


@pytest.mark.parametrize("name", CLI_CASES)
def test_cli_validate_reports_file_and_line(name: str) -> None:
    line, message = CORPUS_CASES[name]
    code, out, err = run("validate", str(CORPUS / name))
    assert (code, err) == (2, "")  # the report is validate's output
    assert f"{where(CORPUS / name, line)} {message}" in out
    assert "Traceback" not in out + err


def test_cli_list_with_bad_registry_prints_one_clear_line() -> None:
    path = CORPUS / "url_userinfo.yaml"
    code, out, err = run("list", "--registry", str(path))
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"polchan: {path}:6: {URL_MESSAGE}"]


INCOMPLETE = (
    "schema: 1\nchannels:\n  - id: celle-nord\n    name: Polizei Celle Nord\n"
    "    url: http://example.com\n    agency: Polizeiinspektion Celle\n    districts: ['99999']\n"
)


@pytest.mark.parametrize(
    "command", [["find", "Celle"], ["find", "Celle", "--json"], ["list"], ["sources"]], ids=" ".join
)
def test_cli_many_problems_are_one_line_naming_the_file_and_validate(
    command: list[str], tmp_path: Path
) -> None:
    path = write(tmp_path, INCOMPLETE)
    code, out, err = run(*command, "--registry", str(path))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"polchan: {path}:3: channel 'celle-nord': missing field 'parent' "
        f"(and 4 more problems; run polchan validate {path} to see all)"
    ]


def test_cli_the_validate_suggested_for_a_file_named_like_an_option_checks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a tester: "run polchan validate -x.yaml" said "no such option: -x".
    monkeypatch.chdir(tmp_path)
    write(tmp_path, INCOMPLETE, name="-x.yaml")
    code, _, err = run("find", "Celle", "--registry=-x.yaml")
    assert code == 2
    suggested = err.rsplit("run ", 1)[1].removesuffix(" to see all)\n")
    assert suggested == "polchan validate ./-x.yaml"
    code, out, err = run(*shlex.split(suggested)[1:])
    assert (code, err) == (2, "")
    assert out.splitlines()[-1] == "-x.yaml: 5 problems"  # every problem of the file


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("Jürgen.yaml", "Jürgen.yaml"),  # as typed: no quotes around an umlaut
        ("my registry.yaml", "'my registry.yaml'"),
        ("O'Brien.yaml", '"O\'Brien.yaml"'),
    ],
)
def test_cli_the_validate_suggested_is_quoted_only_where_the_shell_needs_it(
    name: str, typed: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Last look (session 33): this quoted every letter outside ASCII, as
    # shlex.quote does ('Jürgen.yaml'), where the hint to type "polchan find" did not.
    monkeypatch.chdir(tmp_path)
    write(tmp_path, INCOMPLETE, name=name)
    _, _, err = run("find", "Celle", "--registry", name)
    suggested = err.rsplit("run ", 1)[1].removesuffix(" to see all)\n")
    assert suggested == f"polchan validate {typed}"
    assert shlex.split(suggested)[2] == name


def test_cli_a_problem_in_the_default_file_names_it_from_home() -> None:
    # conftest.py puts the test's XDG_CONFIG_HOME at $HOME/config.
    folder = Path(os.environ["HOME"]) / "config" / "polchan"
    folder.mkdir(parents=True)
    write(folder, INCOMPLETE)
    code, _, err = run("find", "Celle")
    assert code == 2
    assert err.splitlines() == [
        "polchan: ~/config/polchan/channels.yaml:3: channel 'celle-nord': missing field 'parent' "
        "(and 4 more problems; run polchan validate to see all)"
    ]
    code, out, _ = run("validate")
    assert code == 2
    assert len(out.splitlines()) == 6  # every problem, then how many


@pytest.mark.parametrize(
    ("lang", "reason"), [("en", "no permission to read it"), ("de", "keine Berechtigung zum Lesen")]
)
@pytest.mark.parametrize(
    ("command", "prefix"),
    [(["find", "Celle", "--registry"], "polchan: "), (["validate"], "")],
    ids=["find", "validate"],
)
def test_cli_an_unreadable_file_is_one_translated_line(
    command: list[str], prefix: str, lang: str, reason: str, tmp_path: Path, monkeypatch
) -> None:
    path = write(tmp_path, OVERRIDE)
    # Unreadable as for a user (the tests may run as root, who reads anything).
    real_access, real_open = os.access, Path.open

    def access(p: object, mode: int, *args: object, **kwargs: object) -> bool:
        return Path(str(p)) != path and real_access(p, mode, *args, **kwargs)

    def open_(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "open", open_)
    code, out, err = run("--lang", lang, *command, str(path))
    assert code == 2
    # find's one line is an error; validate's is its report.
    said = err if prefix else out
    assert (out if prefix else err) == ""
    assert said.splitlines()[0] == f"{prefix}{path}: {reason}"


@pytest.mark.parametrize("command", [["find", "Celle", "--registry"], ["validate"]])
def test_cli_a_file_name_too_long_is_one_line_not_an_internal_error(
    command: list[str], tmp_path: Path
) -> None:
    # Found by a tester: the look for a link behind it failed as well, and every
    # command ended in "internal error: OSError: [Errno 36]" (exit 70).
    path = tmp_path / ("a" * 300 + ".yaml")
    code, out, err = run(*command, str(path))
    assert code == 2
    assert (err or out).splitlines()[0].endswith(f"{path}: cannot read: file name too long")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.usefixtures("no_hang")
@pytest.mark.parametrize("command", [["find", "Celle", "--registry"], ["validate"]])
def test_cli_a_named_pipe_nothing_writes_to_is_one_line_not_a_hang(
    command: list[str], tmp_path: Path
) -> None:
    # Found by a tester: opening it waited for a writer for ever.
    fifo = tmp_path / "channels.yaml"
    os.mkfifo(fifo)
    code, out, err = run(*command, str(fifo))
    assert code == 2
    assert (err or out).splitlines()[0].endswith(f"{fifo}: is a pipe with nothing written to it")


def test_a_reason_quoted_from_yaml_stays_on_one_line() -> None:
    reason = 'unacceptable character #x0000\n  in "<unicode string>", position 0'
    problem = Problem("a.yaml", 2, "invalid YAML: {reason}", params=(("reason", reason),))
    expected = (
        'a.yaml:2: invalid YAML: unacceptable character #x0000 in "<unicode string>", position 0'
    )
    assert (problem.localized(), str(problem)) == (expected, expected)


@pytest.mark.parametrize(
    ("name", "german"),
    [
        ("syntax_bad_indent.yaml", "ungültiges YAML: ein „Schlüssel: Wert“, wo keiner stehen"),
        ("unclosed_bracket.yaml", "ungültiges YAML: eine hier geöffnete Klammer „[“ wird"),
        # a value from the file in German quotes, not Python's '…'
        ("district_4_digits.yaml", "Kanal „celle“: Kreisschlüssel „3351“ muss"),
    ],
)
def test_a_common_mistake_is_said_in_german_too(name: str, german: str, tmp_path: Path) -> None:
    # PyYAML words its problems in English; a German user reads the common ones in German.
    line, _ = CORPUS_CASES[name]
    path = corpus_file(name, tmp_path)
    code, out, _ = run("--lang", "de", "validate", str(path))
    assert code == 2
    assert out.splitlines()[0].startswith(f"{where(path, line)} {german}")


@pytest.mark.parametrize("name", sorted(SAID_NOW))
def test_a_yaml_slip_is_said_at_the_line_to_fix_in_english_and_german(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a user reads, with libyaml and with PyYAML's own parser alike.
    line, english, german = SAID_NOW[name]
    path = corpus_file(name, tmp_path)
    for _parser in ("libyaml", "PyYAML"):
        for args, said in ((("validate",), english), (("--lang", "de", "validate"), german)):
            code, out, _ = run(*args, str(path))
            assert code == 2
            assert out.splitlines()[0] == f"{where(path, line)} {said}"
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)


def test_a_rare_yaml_mistake_is_quoted_from_pyyaml_in_english_in_a_german_frame(
    tmp_path: Path,
) -> None:
    # One polchan has no words for is PyYAML's, in English: said so in German, not
    # passed off as German ("ungültiges YAML: found undefined tag handle").
    path = write(tmp_path, "schema: 1\nchannels: !x!y a\n")
    code, out, _ = run("--lang", "de", "validate", str(path))
    assert code == 2
    first = out.splitlines()[0]
    prefix = (
        f"{where(path, 2)} ungültiges YAML (PyYAML meldet auf Englisch: „found undefined tag handle"
    )
    assert first.startswith(prefix), first
    assert first.endswith("“)"), first


def test_cli_validate_gives_each_problem_one_line_and_every_line_a_file(tmp_path: Path) -> None:
    line, message = CORPUS_CASES["binary.yaml"]
    path = corpus_file("binary.yaml", tmp_path)
    code, out, err = run("validate", str(path))
    assert (code, err) == (2, "")
    assert out.splitlines() == [f"{where(path, line)} {message}", f"{path}: 1 problem"]


def test_cli_find_uses_the_override(tmp_path: Path) -> None:
    override = write(tmp_path, OVERRIDE, "override.yaml")
    code, out, _ = run("find", "Celle", "--registry", str(override), "--json")
    assert code == 0
    urls = {c["url"] for m in json.loads(out)["matches"] for c in m["channels"]}
    assert urls == {NEW_URL}


@pytest.mark.parametrize(
    "command",
    [
        ["find", "Celle", "--registry", "{path}"],
        ["find", "Celle", "--json", "--registry", "{path}"],
        ["list", "--registry", "{path}"],
        ["validate", "{path}"],
    ],
    ids=" ".join,
)
@pytest.mark.parametrize("text", [OVERRIDE, OVERRIDE + "  - celle\n"], ids=["good", "bad"])
def test_cli_never_writes_the_users_registry(command: list[str], text: str, tmp_path: Path) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    path = write(folder, text)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(folder)))
    code, _, _ = run(*(arg.format(path=path) for arg in command))
    assert code in (0, 2)
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(folder))) == before


def test_a_registry_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    # Windows editors save "UTF-8" with a BOM; that is UTF-8 all the same.
    path = tmp_path / "mine.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + OVERRIDE.encode("utf-8"))
    assert read_registry_text(path) == OVERRIDE


def test_a_channel_of_single_municipalities_covers_them_as_the_gazetteer_writes_them(
    tmp_path: Path,
) -> None:
    # Dannenberg (Elbe) and Hitzacker, without the rest of Lüchow-Dannenberg.
    text = valid_text(
        **{
            'districts: ["03351"]': "districts: []\n    municipalities:\n"
            '      - {district: "03354", name: Dannenberg (Elbe)}\n'
            '      - {district: "03354", name: Hitzacker}',
        }
    )
    registry = load_registry(write(tmp_path, text), **CHECKS)
    assert [c.id for c in registry.covering("03354", "Hitzacker")] == ["celle"]
    assert registry.covering("03354", "Lüchow (Wendland)") == ()


def test_a_municipality_saved_with_decomposed_umlauts_is_the_gazetteer_s(tmp_path: Path) -> None:
    # macOS editors may save "ü" as "u" and a combining mark: the same name.
    decomposed = unicodedata.normalize("NFD", "Lüneburg")
    text = valid_text(
        **{
            'districts: ["03351"]': "districts: []\n    municipalities:\n"
            f'      - {{district: "03355", name: "{decomposed} "}}'
        }
    )
    registry = load_registry(write(tmp_path, text), **CHECKS)
    assert [c.id for c in registry.covering("03355", "Lüneburg")] == ["celle"]


def test_disabling_an_id_no_channel_has_is_one_line(bundled: Registry) -> None:
    # Not the seven fields a new channel would lack.
    text = "schema: 1\nchannels:\n  - id: cele\n    disabled: true\n"
    with pytest.raises(RegistryError) as caught:
        parse_registry(text, "mine.yaml", base=bundled, **CHECKS)
    assert [str(p) for p in caught.value.problems] == [
        "mine.yaml:3: channel 'cele': no channel has this id to disable: did you mean 'celle'?"
    ]


def test_a_change_to_an_id_no_channel_has_says_what_else_is_wrong_at_once(
    bundled: Registry,
) -> None:
    # Review (session 33): the http:// link was said only once the id was fixed;
    # an id in capitals is said once, not also as no slug.
    text = (
        "schema: 1\nchannels:\n  - id: cele\n    url: http://whatsapp.com/channel/0029VafwOFv60eBnlCgiPB1L\n"
        "  - id: Celle\n    name: Polizei Celle\n"
    )
    with pytest.raises(RegistryError) as caught:
        parse_registry(text, "mine.yaml", base=bundled, **CHECKS)
    assert [str(p) for p in caught.value.problems] == [
        "mine.yaml:3: channel 'cele': no channel has this id to change: did you mean 'celle'?",
        "mine.yaml:4: channel 'cele': url must begin with https://, not http://",
        "mine.yaml:5: channel 'Celle': no channel has this id to change: did you mean 'celle'?",
    ]


@pytest.mark.parametrize(
    ("typed", "meant"), [("rotenburg", "rotenburg-wuemme"), ("harburg", "landkreis-harburg")]
)
def test_an_id_typed_as_a_part_of_one_names_that_one(bundled: Registry, typed, meant) -> None:
    # Found in review: "id: rotenburg" to disable Rotenburg's channel had no offer.
    text = f"schema: 1\nchannels:\n  - id: {typed}\n    disabled: true\n"
    with pytest.raises(RegistryError) as caught:
        parse_registry(text, "mine.yaml", base=bundled, **CHECKS)
    [problem] = caught.value.problems
    assert problem.message.endswith(f"did you mean '{meant}'?")


def test_a_second_channel_with_the_link_or_name_of_one_in_force_is_a_problem(
    bundled: Registry, tmp_path: Path
) -> None:
    # Found by QA: "celle2", a copy of celle, was valid; find listed the link twice
    # and open offered two "Polizei Celle".
    text = valid_text(**{"id: celle": "id: celle2"})
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text), base=bundled)
    assert sorted(p.message for p in caught.value.problems) == [
        "has the link of channel 'celle', and a link belongs to one channel: "
        "change 'celle' instead, or disable it",
        "has the name of channel 'celle': give it a name of its own",
    ]
    # An override taking another channel's link is one too; a disabled one's is free.
    stolen = f"schema: 1\nchannels:\n  - id: stade\n    url: {CELLE_URL}\n"
    with pytest.raises(RegistryError, match="has the link of channel 'celle'"):
        load_registry(write(tmp_path, stolen), base=bundled)
    moved = stolen + "  - id: celle\n    disabled: true\n"
    assert load_registry(write(tmp_path, moved), base=bundled).by_id("stade").url == CELLE_URL
    # Names are compared as written: Munster (Heidekreis) is no Münster (review).
    munster = valid_text(
        **{
            "id: celle": "id: munster",
            CELLE_URL: NEW_URL,
            "name: Polizei Celle": "name: Polizei Munster",
        }
    )
    assert load_registry(write(tmp_path, munster), base=bundled).by_id("munster")
    # But one name however its umlauts are encoded (NFD "u" + combining diaeresis).
    decomposed = valid_text(
        **{
            "id: celle": "id: lg2",
            CELLE_URL: NEW_URL,
            "name: Polizei Celle": "name: Polizei Lu\u0308neburg",
        }
    )
    with pytest.raises(RegistryError, match="has the name of channel 'lueneburg'"):
        load_registry(write(tmp_path, decomposed), base=bundled)


def test_a_tab_in_a_comment_or_quoted_text_is_no_problem(bundled: Registry, tmp_path: Path) -> None:
    # Found in review: a phone number pasted with its tab into a comment or note
    # made the whole registry invalid; only a tab that indents is wrong (tab.yaml).
    text = (
        "# Pressestelle:\tTel. 05141 277-104\nschema: 1\nchannels:\n"
        '  - id: celle\n    note: "Tel.\t05141 277-104"\n'
    )
    registry = load_registry(write(tmp_path, text), base=bundled)
    assert registry.by_id("celle").note == "Tel.\t05141 277-104"


@pytest.mark.parametrize("libyaml", [True, False])
def test_a_no_break_space_in_a_notes_block_or_quoted_text_is_no_problem(
    bundled: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, libyaml: bool
) -> None:
    # Only a no-break space that indents is wrong (nbsp_indent.yaml); one that begins
    # a line of a note's block, or of a quoted value, is text, as pasted.
    if not libyaml:
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    text = (
        "schema: 1\nchannels:\n  - id: celle\n    note: |\n      \u00a0Tel. 05141 277-104\n"
        '  - id: stade\n    note: "Pressestelle\n      \u00a0Stade"\n'
    )
    registry = load_registry(write(tmp_path, text), base=bundled)
    assert registry.by_id("celle").note == "\u00a0Tel. 05141 277-104\n"
    assert registry.by_id("stade").note == "Pressestelle \u00a0Stade"
    # a line of the file indented so is said as it is, by either of PyYAML's parsers
    indented = text.replace("  - id: stade", "\u00a0\u00a0- id: stade")
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, indented), base=bundled)
    assert [p.message for p in caught.value.problems] == [NBSP_INDENT]
    assert caught.value.problems[0].line == 6


NO_ID = "this entry has no id: which channel does it change, or what is the new channel's id?"


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        (f"  - url: {NEW_URL}\n", [(3, NO_ID)]),
        ("  - disabled: true\n", [(3, NO_ID)]),
        (f"  - id:\n    url: {NEW_URL}\n", [(3, NO_ID)]),
        (f"  - id: ~\n    url: {NEW_URL}\n", [(3, NO_ID)]),
        # a whole new channel but its id
        (
            valid_text().split("  - id: celle\n", 1)[1].replace("    name:", "  - name:"),
            [(3, NO_ID)],
        ),
        # what is wrong whichever channel it was to be is said too
        (
            '  - name: Polizei X\n    districts: ["99999"]\n    website: x\n',
            [
                (3, NO_ID),
                (4, "district key '99999' is not a German district"),
                (5, "unknown field 'website'"),
            ],
        ),
    ],
)
def test_an_entry_without_an_id_is_said_once(
    entry: str, said: list[tuple[int, str]], bundled: Registry
) -> None:
    # Found by a tester: "missing field 'id' (and 6 more problems…)", validate listing
    # every field a new channel needs, though the entry may have meant to change one.
    with pytest.raises(RegistryError) as caught:
        parse_registry(f"schema: 1\nchannels:\n{entry}", base=bundled, **CHECKS)
    assert [(p.line, p.message) for p in caught.value.problems] == said


def test_a_copy_of_the_bundled_file_changes_only_what_it_changes(
    bundled: Registry, tmp_path: Path
) -> None:
    # Found in review: a copy of the whole bundled file with one link edited marked
    # all 13 channels as "your registry", and would hide later fixes without a word.
    text = bundled_registry_path().read_text(encoding="utf-8").replace(CELLE_URL, NEW_URL)
    registry = load_registry(write(tmp_path, text), base=bundled, **CHECKS)
    assert [c.id for c in registry.channels if c.origin == "user"] == ["celle"]
    assert registry.by_id("celle").url == NEW_URL
    assert sorted(registry.unchanged) == sorted(set(BUNDLED_IDS) - {"celle"})


def test_a_link_with_www_is_the_same_link(bundled: Registry, tmp_path: Path) -> None:
    # Found in review: Stade's link written with "www." passed as Celle's, and open
    # offered two "channels" that were one.
    stade = bundled.by_id("stade").url.replace("://", "://www.", 1)
    text = f"schema: 1\nchannels:\n  - id: celle\n    url: {stade}\n"
    with pytest.raises(RegistryError, match="has the link of channel 'stade'"):
        load_registry(write(tmp_path, text), base=bundled)


def test_the_entry_that_set_another_channels_link_is_told_at_its_url_line(
    bundled: Registry, tmp_path: Path
) -> None:
    # Found in review: with a note on stade and Stade's link set on uelzen, stade
    # was blamed, at its "- id:" line.
    stade = bundled.by_id("stade").url
    text = (
        "schema: 1\nchannels:\n  - id: stade\n    note: Pressestelle Stade\n"
        f"  - id: uelzen\n    url: {stade}\n"
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text), base=bundled)
    [problem] = caught.value.problems
    assert (problem.line, problem.channel) == (6, "uelzen")
    assert "has the link of channel 'stade'" in problem.message


@pytest.mark.parametrize("field", ["name", "agency"])
def test_a_name_shown_on_a_line_must_be_one_line(
    bundled: Registry, tmp_path: Path, field: str
) -> None:
    # Found by QA: "Polizei\nCelle" passed and split the lines of list, find and open.
    text = f'schema: 1\nchannels:\n  - id: celle\n    {field}: "Polizei\\nCelle"\n'
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text), base=bundled)
    assert [p.message for p in caught.value.problems] == [f"{field} must be one line of text"]


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u2028", "\u2029", "\ufeff"])
@pytest.mark.parametrize("field", ["name", "agency", "parent", "source.title"])
def test_a_name_shown_on_a_line_has_no_invisible_character(
    bundled: Registry, tmp_path: Path, field: str, char: str
) -> None:
    # Found by a tester: a right-to-left override (U+202E) turned the rest of a
    # line of list or find around; a line separator (U+2028) broke it.
    escaped = f"\\u{ord(char):04x}"
    if field == "source.title":
        text = valid_text(**{'title: "Die Polizeidirektion': f'title: "Die {escaped}Polizei'})
    else:
        text = f'schema: 1\nchannels:\n  - id: celle\n    {field}: "Polizei {escaped}Celle"\n'
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text), base=bundled)
    assert [p.message for p in caught.value.problems] == [
        f"{field} must be one line of visible text, "
        f"without the invisible character U+{ord(char):04X}"
    ]


def test_an_invisible_character_quoted_in_a_message_is_shown_escaped() -> None:
    problem = Problem("a.yaml", 2, "'{state}' is no German state", params=(("state", "B\u202ey"),))
    assert str(problem) == "a.yaml:2: 'B\\u202ey' is no German state"


def test_a_source_title_must_be_one_line(bundled: Registry, tmp_path: Path) -> None:
    text = valid_text(**{'title: "Die Polizeidirektion': 'title: "Die\\nPolizeidirektion'})
    with pytest.raises(RegistryError) as caught:
        load_registry(write(tmp_path, text), base=bundled)
    assert [p.message for p in caught.value.problems] == ["source.title must be one line of text"]


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("- id: on\n    disabled: true", "id: YAML reads on as true; write 'on' in quotes"),
        ("- id: no\n    name: Polizei No", "id: YAML reads no as false; write 'no' in quotes"),
        ("- id: celle\n    agency: yes", "agency: YAML reads yes as true; write 'yes' in quotes"),
        ("- id: celle\n    parent: Off", "parent: YAML reads Off as false; write 'Off' in quotes"),
    ],
    ids=["id to disable", "id of a new channel", "agency", "parent"],
)
def test_a_word_yaml_reads_as_true_or_false_is_said_to_need_quotes(
    bundled: Registry, entry: str, said: str
) -> None:
    # Found by a tester: "id: on" was "id must be a lowercase ASCII slug", though
    # on is one; YAML 1.1 reads on, off, yes and no as true and false.
    with pytest.raises(RegistryError) as caught:
        parse_registry(f"schema: 1\nchannels:\n  {entry}\n", base=bundled, **CHECKS)
    assert said in [p.message for p in caught.value.problems]


def test_a_source_title_yaml_reads_as_true_is_said_to_need_quotes() -> None:
    title = next(
        line for line in VALID.read_text(encoding="utf-8").splitlines() if "title:" in line
    )
    with pytest.raises(RegistryError) as caught:
        parse_registry(valid_text(**{title: "      title: yes"}))
    assert [p.message for p in caught.value.problems] == [
        "source.title: YAML reads yes as true; write 'yes' in quotes"
    ]


@pytest.mark.parametrize(("key", "value"), [("null", "null"), ("on", "true")])
def test_a_key_yaml_reads_as_null_or_true_is_said_to_need_quotes(key: str, value: str) -> None:
    # Found by a tester: "null:" was "key None must be a string".
    with pytest.raises(RegistryError) as caught:
        parse_registry(f"schema: 1\nchannels: []\n{key}: 1\n", "mine.yaml")
    assert [str(p) for p in caught.value.problems] == [
        f"mine.yaml:3: YAML reads the key {key} as {value}; write '{key}' in quotes"
    ]


def test_a_merge_key_is_said_to_be_unsupported_by_its_name() -> None:
    # Found by a tester: "unsupported YAML tag 'tag:yaml.org,2002:merge'".
    text = (
        "schema: 1\nchannels:\n  - &base {id: celle, name: Polizei Celle}\n"
        "  - <<: *base\n    id: celle-nord\n"
    )
    with pytest.raises(RegistryError) as caught:
        parse_registry(text, "mine.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "mine.yaml:4: merge keys (<<) are not supported; write the fields out"
    ]


def test_a_quoted_schema_number_says_to_drop_the_quotes() -> None:
    with pytest.raises(RegistryError) as caught:
        parse_registry('schema: "1"\nchannels: []\n', "mine.yaml")
    assert (
        str(caught.value.problems[0]) == "mine.yaml:1: schema must be the number 1, without quotes"
    )
