"""Invariants over the committed gazetteer, read through the package's loader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polchan_cli import gazetteer
from polchan_cli.normalize import geographic_qualifier_key
from polchan_cli.store import load_channels

ROOT = Path(__file__).resolve().parents[1]
PD_LUENEBURG = ("03351", "03353", "03354", "03355", "03357", "03358", "03359", "03360")
# An independent check, not the build's rule: words no place name carries.
ORGANISATION_WORDS = re.compile(
    r"\b(GmbH|AG|KG|e\.\s?V\.|Finanzamt|Agentur für Arbeit|Deutsche Post|Sparkasse|"
    r"Amtsgericht|Landgericht|Versicherung|Krankenkasse)\b"
)


def _rows() -> list[list[str]]:
    return [line.split("\t") for line in gazetteer._lines("places.tsv")]


def test_every_district_of_germany_is_there():
    districts = gazetteer.districts()
    assert len(districts) == 401
    assert gazetteer.district("03358").name == "Heidekreis"
    assert gazetteer.district("03351").type == "Landkreis"
    assert gazetteer.district("05515").type == "kreisfreie Stadt"
    assert gazetteer.district("03241").type == "Region"


def test_every_channel_district_exists_and_has_municipalities():
    municipalities = {r[5] for r in _rows() if r[3] == "municipality"}
    for channel in load_channels(None).channels:
        for key in channel.districts:
            assert gazetteer.district(key) is not None, key
            assert key in municipalities, key


def test_every_postcode_is_five_digits():
    for line in gazetteer._lines("postcodes.tsv"):
        assert re.fullmatch(r"\d{5}", line.split("\t")[0]), line
    for row in _rows():
        assert all(re.fullmatch(r"\d{5}", pc) for pc in row[6].split()), row


def test_no_place_name_looks_like_an_organisation():
    offenders = [r[2] for r in _rows() if ORGANISATION_WORDS.search(r[2])]
    assert offenders == []


def test_every_municipality_of_pd_lueneburg_has_a_postcode():
    missing = [
        r[2] for r in _rows() if r[3] == "municipality" and r[5] in PD_LUENEBURG and not r[6]
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("name", "district"),
    [
        ("Winsen (Luhe)", "03353"),
        ("Bussau", "03354"),
        ("Hermannsburg", "03351"),
        ("Elbmarsch", "03353"),
    ],
)
def test_which_district_is_a_place_in(name, district):
    from polchan_cli.normalize import name_key

    assert district in {p.district for p in gazetteer.places_by_key(name_key(name))}


def test_postcode_lookup_keeps_every_district_and_leading_zeros():
    assert {a.district for a in gazetteer.postcode_areas("19273")} == {"03355", "13076"}
    assert gazetteer.postcode_areas("01067")[0].postcode == "01067"
    assert gazetteer.postcode_areas("21423")[0].municipalities == ("Drage", "Winsen (Luhe)")
    assert gazetteer.postcode_areas("21332")[0].type == "organisation"
    assert gazetteer.postcode_areas("00000") == []


def test_prefix_lookup_is_in_key_order():
    places = gazetteer.places_by_prefix("lune", limit=10)
    assert places and all(p.key.startswith("lune") for p in places)
    assert [p.key for p in places] == sorted(p.key for p in places)


_ALL_PLACE_LINES = gazetteer._lines("places.tsv")
_SOME_KEYS = sorted({line.split("\t", 1)[0] for line in _ALL_PLACE_LINES[::97]})


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(_SOME_KEYS).flatmap(
        lambda k: st.sampled_from([k, k[:1], k[:3], k[: len(k) // 2], k + "\t", k + "z"])
    )
    | st.text(alphabet="aäbeilmnorsuüß \t-", max_size=6)
)
def test_bisection_finds_exactly_the_lines_a_scan_finds(prefix):
    expected = [line for line in _ALL_PLACE_LINES if line.startswith(prefix)]
    assert gazetteer._lines_with_prefix("places.tsv", prefix) == expected
    assert gazetteer._lines_with_prefix("places.tsv", prefix, limit=3) == expected[:3]


def test_first_and_last_lines_are_found():
    first, last = _ALL_PLACE_LINES[0], _ALL_PLACE_LINES[-1]
    assert gazetteer._lines_with_prefix("places.tsv", first) == [first]
    assert gazetteer._lines_with_prefix("places.tsv", last) == [last]


def test_preloaded_lookups_give_the_same_lines(monkeypatch):
    prefixes = [*_SOME_KEYS[:40], "lune", "celle\t", "zzzz", "a"]
    before = {p: gazetteer._lines_with_prefix("places.tsv", p, limit=7) for p in prefixes}
    monkeypatch.setattr(gazetteer, "_SPLIT", {})
    gazetteer.preload()
    assert set(gazetteer._SPLIT) == {"places.tsv", "postcodes.tsv", "sounds.tsv"}
    for p in prefixes:
        assert gazetteer._lines_with_prefix("places.tsv", p, limit=7) == before[p]
    assert gazetteer.postcode_areas("21423")
    assert "rothenburg" in gazetteer.keys_said("rotenburg")


def test_the_key_list_holds_every_key_of_the_place_file_once():
    # keys.tsv is the spelling search's candidates: a key missing there is a place
    # no typo can find.
    data, start = gazetteer._data("places.tsv")
    in_places = {line.split("\t", 1)[0] for line in data[start:].decode("utf-8").splitlines()}
    keys = gazetteer.all_keys()
    assert len(keys) == len(set(keys)) and set(keys) == in_places


def test_keys_by_length_hold_every_key_once_under_its_length():
    by_length = gazetteer.keys_by_length()
    assert sorted(k for keys in by_length.values() for k in keys) == sorted(gazetteer.all_keys())
    assert all(len(k) == length for length, keys in by_length.items() for k in keys)


def test_keys_said_alike_are_found_by_their_sound_key():
    assert {"rotenburg", "rothenburg"} <= set(gazetteer.keys_said("rotenburg"))
    # A name with one spelling only has no entry.
    assert gazetteer.keys_said("zele") == ()


def test_keys_after_a_first_word_are_indexed_by_the_rest():
    index = gazetteer.keys_after(frozenset({"gross", "klein", "ober", "nieder"}))
    assert {"gross hehlen", "klein hehlen"} <= set(index["hehlen"])
    # written together too, where the rest is a name's length
    assert {"niederschoneweide", "oberschoneweide"} <= set(index["schoneweide"])
    words = {"gross", "klein", "ober", "nieder"}
    for rest, keys in index.items():
        for key in keys:
            first, _, after = key.partition(" ")
            apart = first in words and after == rest
            together = any(key in (w + rest, w + "en" + rest) for w in words)
            glued_rest = rest.split(" ", 1)[0]
            assert apart or (together and len(glued_rest) >= gazetteer.GLUED_REST_MIN), key
    # "Altendorf" is Alt(en) + "dorf", too short a rest: no entry "endorf".
    assert "endorf" not in gazetteer.keys_after(frozenset({"alt"}))


def test_every_file_bundled_into_the_wheel_counts_in_the_data_version():
    # A change to any bundled file (a press code, a sound key) must change the
    # version `polchan sources` and `--version` report.
    tomllib = pytest.importorskip("tomllib", reason="tomllib is in Python 3.11 and later")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    bundled = {Path(target).name for target in include.values()}
    assert bundled == set(gazetteer.BUNDLED_FILES)


def test_the_qualifier_list_holds_the_qualifier_of_every_name_of_the_place_file():
    # A qualifier missing there would read "Lauenburg/Elbe"-like text as two towns.
    data, start = gazetteer._data("places.tsv")
    names = {line.split("\t")[2] for line in data[start:].decode("utf-8").splitlines()}
    in_names = {geographic_qualifier_key(n) for n in names} - {None}
    assert gazetteer.qualifier_keys() == in_names
    assert {"elbe", "luhe", "aller", "wumme"} <= in_names


def test_a_word_like_gross_before_a_name_is_no_head_the_name_qualifies():
    # Groß Woltersdorf is a place set apart from Woltersdorf, not a "Groß" by it:
    # a query "… bei Woltersdorf" is not steered toward Prignitz by it.
    assert "gross" not in gazetteer.heads_qualified_by("woltersdorf")
    assert gazetteer.heads_qualified_by("nordheide") == ("buchholz",)
