"""The curated localities (data/localities/*.csv): well-formed, sourced, covering every municipality."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from polchan_cli import gazetteer
from polchan_cli.normalize import base_key

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "data" / "localities").glob("*.csv"))
KINDS = {"ortsteil", "samtgemeinde", "former_name", "kiez", "none"}
LOWER_SAXONY = [
    "03351",
    "03353",
    "03354",
    "03355",
    "03356",
    "03357",
    "03358",
    "03359",
    "03360",
    "03361",
]
# Municipalities whose Ortsteile no readable source gave yet (see the issue notes).
# The test fails when one is filled, so the list only shrinks.
KNOWN_GAPS = {("03360", "Jelmstorf")}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


ROWS = {path.stem: _rows(path) for path in FILES}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_row_is_well_formed_and_sourced(path):
    rows = ROWS[path.stem]
    assert rows
    seen = set()
    for row in rows:
        assert row["kind"] in KINDS, row
        assert re.match(r"https?://\S+$", row["source_url"]), row
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["retrieved"]), row
        assert (row["name"] == "") == (row["kind"] == "none"), row
        # a Kiez is known by its note, which places it in its Ortsteil
        assert (row["kind"] != "kiez") or row["note"].startswith("Kiez in Ortsteil "), row
        ident = (row["municipality"], row["name"], row["kind"])
        assert ident not in seen, f"duplicate row {ident}"
        seen.add(ident)


def _places(district: str, kinds: set[str]) -> list[gazetteer.Place]:
    return [
        p
        for line in gazetteer._lines("places.tsv")
        if (p := gazetteer._place(line)).kind in kinds
        and p.district == district
        and p.match == "exact"
    ]


def _municipalities(district: str) -> list[gazetteer.Place]:
    return _places(district, {"municipality"})


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_municipality_named_exists_in_its_district(path):
    # Curated files spell municipalities as OpenStreetMap does ("Dannenberg" for
    # "Dannenberg (Elbe)"); the build joins them by key, and so does this test.
    known = {base_key(p.name) for p in _places(path.stem, {"municipality", "former_name"})}
    unknown = {row["municipality"] for row in ROWS[path.stem]}
    assert not {m for m in unknown if base_key(m) not in known}


@pytest.mark.parametrize("district", LOWER_SAXONY)
def test_every_lower_saxony_municipality_has_its_localities_or_a_note(district):
    recorded = defaultdict(set)
    for row in ROWS[district]:
        recorded[base_key(row["municipality"])].add(row["kind"])
        if row["kind"] == "former_name":
            recorded[base_key(row["name"])].add("merged")  # lives on in another municipality
    missing = {
        m.name
        for m in _municipalities(district)
        if not recorded[base_key(m.name)] & {"ortsteil", "none", "merged"}
        and (district, m.name) not in KNOWN_GAPS
    }
    assert not missing, f"no Ortsteile and no 'none' note for {sorted(missing)}"
    for gap_district, name in KNOWN_GAPS:
        if gap_district == district:
            filled = recorded[base_key(name)] & {"ortsteil", "none"}
            assert not filled, f"{name} is filled: drop it from KNOWN_GAPS"


# Names of city quarters that say where in a town, not which town: "Mitte" or "Hafen"
# would answer a query for a word, not a place (docs/data.md, "What is left out on purpose").
GENERIC_NAMES = {
    "altstadt",
    "bahnhof",
    "dom",
    "hafen",
    "innenstadt",
    "kernstadt",
    "mitte",
    "neustadt",
    "nord",
    "ost",
    "schloss",
    "stadtmitte",
    "sud",
    "west",
    "zentrum",
}
# Berlin's Bezirk Mitte is a name people type ("Berlin-Mitte").
GENERIC_ALLOWED = {("11000", "Mitte")}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_no_generic_quarter_names(path):
    generic = {
        row["name"]
        for row in ROWS[path.stem]
        if base_key(row["name"]) in GENERIC_NAMES
        and (path.stem, row["name"]) not in GENERIC_ALLOWED
    }
    assert not generic


@pytest.mark.parametrize("district", LOWER_SAXONY)
def test_every_curated_locality_lists_its_districts_channel(district):
    # The promise: a new user's own village, wherever they live in these
    # districts, finds its channel. Every researched name, as the data writes it,
    # lists the channel of its district (a shared name lists the others too).
    from polchan_cli.resolve import resolve
    from polchan_cli.store import load_channels

    registry = load_channels(None)
    expected = {c.id for c in registry.covering(district)}
    missed = [
        row["name"]
        for row in ROWS[district]
        if row["name"]
        and not expected
        & {c.id for m in resolve(row["name"], registry).matches for c in m.channels}
    ]
    assert expected and not missed, missed
