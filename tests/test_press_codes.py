"""Press-release office codes: POL-WL and friends give their office's channels."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from _tools import installed_find_json
from polchan_cli import press_codes
from polchan_cli.query import press_code_in
from polchan_cli.resolve import resolve
from polchan_cli.store import load_channels

ROOT = Path(__file__).resolve().parent.parent
LG = {"lueneburg", "uelzen", "luechow-dannenberg"}


def rows() -> list[dict[str, str]]:
    text = (ROOT / "data" / "press_codes.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


def channel_ids(query: str) -> set[str]:
    return {c.id for m in resolve(query, load_channels(None)).matches for c in m.channels}


def test_every_code_is_sourced_and_names_an_agency_with_a_channel():
    agencies = {c.agency for c in load_channels(None).channels}
    for row in rows():
        assert row["code"].startswith("POL-"), row
        assert row["source_url"].startswith("https://"), row
        assert row["retrieved"], row
        assert row["agency"] in agencies, f"{row['code']}: no channel of {row['agency']}"
    assert len({row["code"] for row in rows()}) == len(rows())


@pytest.mark.parametrize(
    ("query", "channels"),
    [
        ("POL-WL", {"landkreis-harburg"}),
        ("pol-ce", {"celle"}),
        ("POL-LG", LG),
        ("POL-CE: Celler in Feierlaune", {"celle"}),
        # The place a headline names narrows the office's channels...
        ("POL-LG: Uelzen - Unfall auf der B4", {"uelzen"}),
        ("POL-STD: Buxtehude - Einbruch", {"stade"}),
        # as an article quotes the heading, and with a space before the colon's code
        # (found in review)
        ("„POL-CE: Bostel - Unfall“", {"celle"}),
        ("POL CE: Bostel - Unfall", {"celle"}),
        ("POL\tCE: Bostel - Unfall", {"celle"}),
    ],
)
def test_a_press_code_gives_its_offices_channels(query, channels):
    assert channel_ids(query) == channels


def test_a_place_outside_the_offices_area_comes_after_its_channels_with_its_own():
    # The code says who reports; Celle has a channel of its own, which the reader
    # must not take the office's for.
    res = resolve("POL-LG: Celle - Unfall", load_channels(None))
    assert {c.id for m in res.matches[:3] for c in m.channels} == LG
    assert res.matches[3].name == "Celle" and res.matches[3].channels[0].id == "celle"


def test_a_place_outside_the_offices_area_with_no_channel_is_shown_too():
    # Greven lies in Kreis Steinfurt, no channel's area: shown so, not dropped, so
    # that a reader does not take Polizei Münster's channel for Greven's.
    res = resolve("POL-MS: Greven - Unfall", load_channels(None))
    assert [c.id for c in res.matches[0].channels] == ["muenster"]
    greven = [m for m in res.matches[1:] if m.name == "Greven"]
    assert greven and not any(m.channels for m in greven)
    # Only the Greven in the office's state, not also the one in Mecklenburg.
    assert {m.district.key for m in greven} == {"05566"}


def test_an_unknown_code_suggests_the_known_ones():
    res = resolve("POL-UE", load_channels(None))
    assert res.status == "not_found"
    assert res.suggestions and set(res.suggestions) <= set(press_codes.known_codes())


def test_an_unknown_code_leaves_the_headline_to_answer():
    assert channel_ids("POL-XY: Celle") == {"celle"}


@pytest.mark.parametrize("query", ["Pol Celle: Brand", "Pol Stade: Unfall"])
def test_a_spaced_code_is_one_only_in_capitals(query):
    # Found in review: "Pol Stade:" was read as a code STADE, then "Unfall" alone
    # was a bad query (exit 2).
    assert press_code_in(query) is None


def test_the_installed_polchan_carries_the_codes():
    # A regular install (as CI makes) must bundle press_codes.csv in the wheel.
    found = installed_find_json("POL-WL")["matches"]
    assert [c["id"] for m in found for c in m["channels"]] == ["landkreis-harburg"]


def test_a_code_whose_channels_the_user_disabled_says_no_channel_covers_its_place(
    bundled_registry,
):
    from polchan_cli.registry import parse_registry

    own = parse_registry(
        "schema: 1\nchannels:\n  - id: celle\n    disabled: true\n", base=bundled_registry
    )
    # Its district, no channel; not "nothing found" for a known code, nor Harburg
    # in Bavaria for POL-WL's Polizeiinspektion Harburg.
    res = resolve("POL-CE", own)
    assert res.status == "no_channel"
    assert [(m.name, m.kind) for m in res.matches] == [("Landkreis Celle", "district")]


@pytest.mark.parametrize(
    ("disabled", "query", "place"),
    [
        # Found by QA: Winsen (Luhe) had been "outside the area" of its own office,
        # and the first Winsen, which has Celle's channel, was opened.
        ("landkreis-harburg", "POL-WL: Winsen - Unfall", ("Winsen (Luhe)", "03353")),
        ("celle", "POL-CE: Winsen - Unfall", ("Winsen (Aller)", "03351")),
        ("landkreis-harburg", "POL-WL", ("Landkreis Harburg", "03353")),
    ],
)
def test_a_code_whose_channel_is_disabled_never_gives_another_offices_channel(
    bundled_registry, disabled, query, place
):
    from polchan_cli.registry import parse_registry

    text = f"schema: 1\nchannels:\n  - id: {disabled}\n    disabled: true\n"
    res = resolve(query, parse_registry(text, base=bundled_registry))
    assert res.status == "no_channel"
    assert [(m.name, m.district.key) for m in res.matches] == [place]
