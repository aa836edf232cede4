"""The curated regions (data/regions.csv): well-formed, sourced, and their parts real places."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from polchan_cli import gazetteer
from polchan_cli.normalize import base_key, name_key

ROWS_PATH = Path(__file__).resolve().parent.parent / "data" / "regions.csv"


def _rows() -> list[dict[str, str]]:
    with ROWS_PATH.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


ROWS = _rows()


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['name']}-{r['district_key']}" for r in ROWS])
def test_every_region_row_is_sourced_and_names_a_real_district(row):
    assert row["name"].strip() == row["name"] and row["name"]
    assert row["source_url"].startswith(("http://", "https://"))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["retrieved"])
    assert gazetteer.district(row["district_key"]) is not None


@pytest.mark.parametrize("row", [r for r in ROWS if r["parts"]], ids=lambda r: r["name"])
def test_every_part_named_is_a_place_of_that_district(row):
    # A part is matched by name to the places that lie in it, so a misspelt part
    # would silently match nothing.
    for part in row["parts"].split(";"):
        places = gazetteer.places_by_key(base_key(part))
        assert any(p.district == row["district_key"] for p in places), part


def test_each_region_and_district_is_one_row():
    pairs = [(r["name"], r["district_key"]) for r in ROWS]
    assert len(pairs) == len(set(pairs))


def test_regions_are_built_into_the_gazetteer():
    # Fails when data/regions.csv changed but the gazetteer was not rebuilt.
    for row in ROWS:
        places = gazetteer.places_by_key(name_key(row["name"]))
        assert any(p.kind == "region" and p.district == row["district_key"] for p in places), row
