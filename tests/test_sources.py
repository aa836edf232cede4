"""What `polchan sources` credits: every source the bundled data was built from."""

from __future__ import annotations

import re

import pytest

from polchan_cli import gazetteer
from polchan_cli.sources import DATA_SOURCES, describe_sources
from polchan_cli.store import load_channels

GENERATED = ("places.tsv", "districts.tsv", "postcodes.tsv", "keys.tsv", "sounds.tsv")
# "GeoNames postal codes DE (geonames.org, 2026-03, CC BY 4.0);" in a file's header
_UPSTREAM = re.compile(
    r"^#\s+(?:Sources:\s+)?(\w+)[^(]*\((?:[^,()]+,\s*)?(\d{4}[\d-]*),\s*([^:/;)]+)"
)


def _upstream_sources(name: str) -> list[tuple[str, str, str]]:
    header = []
    for line in (gazetteer.data_dir() / name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    return [m.groups() for line in header if (m := _UPSTREAM.match(line))]


@pytest.mark.parametrize("name", GENERATED)
def test_every_upstream_source_of_a_data_file_is_credited_with_its_date_and_licence(name):
    named = _upstream_sources(name)
    assert [first for first, _, _ in named] == ["GeoNames", "OpenStreetMap", "Destatis"]
    for first, date, licence in named:
        [source] = [s for s in DATA_SOURCES if first in f"{s['name']} {s['attribution']}"]
        assert (source["date"], source["licence"].split(" (")[0]) == (date, licence.strip())


def test_the_curated_inputs_are_credited_too():
    names = " ".join(s["name"] or "" for s in DATA_SOURCES)
    for curated in ("data/localities", "data/regions.csv", "tools/former_names.csv"):
        assert curated in names
    assert "data/press_codes.csv" in names


def test_every_channel_is_listed_with_the_announcement_it_came_from():
    registry = load_channels()
    described = describe_sources(registry)
    assert [c["id"] for c in described["channels"]] == [c.id for c in registry.channels]
    assert all(c["source"]["url"].startswith("https://") for c in described["channels"])
    assert described["data_version"] == gazetteer.data_version()
