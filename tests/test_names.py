"""The names reading (polchan_cli.names): the channels and places a name is as typed, and those its type word means."""

from __future__ import annotations

import pytest

from _tools import COVERED, channel_ids, registry
from polchan_cli.registry import Registry
from polchan_cli.resolve import resolve


def without_type(query: str) -> str:
    return query.split(None, 1)[1]


@pytest.mark.parametrize(
    ("query", "full", "elsewhere"),
    [
        ("Landkreis Harburg", "Landkreis Harburg", "Harburg (Schwaben)"),
        ("Amt Neuhaus", "Amt Neuhaus", "Neuhaus am Inn"),
    ],
)
def test_a_full_name_typed_drops_places_elsewhere_that_lost_a_qualifier(query, full, elsewhere):
    names = [m.name for m in resolve(query, registry()).matches]
    assert names[0] == full
    assert elsewhere not in names
    # Without the type word the name is shared, and the other place is listed.
    assert elsewhere in {m.name for m in resolve(without_type(query), registry()).matches}


def test_a_full_name_typed_keeps_its_namesakes_in_the_same_district():
    names = [m.name for m in resolve("Landkreis Verden", registry()).matches]
    assert names == ["Landkreis Verden", "Verden (Aller)"]


@pytest.mark.parametrize(("query", "first"), [("Bayern", "Bayern"), ("Hessen", "Hessen")])
def test_a_state_without_a_channel_says_so_before_any_village_of_its_name(query, first):
    # Hessen is also a village of Osterwieck (Sachsen-Anhalt); the state comes first.
    res = resolve(query, registry())
    assert (res.matches[0].name, res.matches[0].kind, res.status) == (first, "state", "no_channel")
    assert res.matches[0].to_dict()["district"] is None


@pytest.mark.parametrize("query", ["Deutschland", "Germany"])
def test_the_whole_country_gives_every_channel(query):
    res = resolve(query, registry())
    assert {m.kind for m in res.matches} == {"channel"}
    assert channel_ids(res) == {c.id for c in registry().channels}


@pytest.mark.parametrize("query", ["Deutschland", "Germany"])
def test_the_whole_country_with_every_channel_disabled_says_none_covers_it(query):
    # Review: it had said nothing was found, and offered Teichland.
    every = registry()
    res = resolve(query, Registry((), disabled=every.channels))
    assert [(m.name, m.kind) for m in res.matches] == [("Deutschland", "country")]
    assert (res.status, res.suggestions) == ("no_channel", ())
    assert res.matches[0].to_dict()["district"] is None
    # Beside a place, the country still only says where it lies.
    beside = resolve(f"Celle, {query}", Registry((), disabled=every.channels))
    assert beside.matches[0].name == "Celle"


@pytest.mark.parametrize(
    ("query", "channels"),
    [
        ("NRW", {"muenster", "paderborn", "siegen-wittgenstein"}),
        ("North Rhine-Westphalia", {"muenster", "paderborn", "siegen-wittgenstein"}),
        ("Nds.", set(COVERED.values())),
        ("Lower Saxony", set(COVERED.values())),
    ],
)
def test_a_states_short_or_english_name_gives_its_channels(query, channels):
    assert channel_ids(resolve(query, registry())) == channels


def test_a_city_state_is_the_city_not_its_state():
    assert "state" not in {m.kind for m in resolve("Hamburg", registry()).matches}
    # The city once, as its district (Kind: city-state), not also as a municipality.
    assert [(m.kind, m.name) for m in resolve("Berlin", registry()).matches] == [
        ("district", "Berlin")
    ]


@pytest.mark.parametrize("query", ["Lk. Harburg", "Kr. Harburg", "Kreis Harburg", "LK Harburg"])
def test_a_short_type_word_names_the_landkreis_as_its_full_word_does(query):
    # Harburg (Schwaben) in Bavaria is only found once "Landkreis" is dropped.
    res = resolve(query, registry())
    assert res.matches[0].name == "Landkreis Harburg"
    assert "Bayern" not in {m.state for m in res.matches}


def test_a_type_word_leaves_out_places_only_for_a_name_spelled_as_typed():
    # "neuenkirchen" keys as "neunkirchen": Landkreis Neunkirchen (Saarland) is no
    # district the words ask for, so the Neuenkirchens with channels stay.
    answer = resolve("Neuenkirchen, Landkreis", registry())
    assert any(m.name == "Neuenkirchen" and m.channels for m in answer.matches)
    # a town's name with its qualifier is asked for too
    assert resolve("Stadt Buchholz", registry()).matches[0].name == "Buchholz in der Nordheide"
    assert resolve("Gemeinde Luckau", registry()).matches[0].name == "Luckau (Wendland)"
    # spelled as typed, it does: "Kreis Wesel" is not also Wesel in Landkreis Harburg
    assert all(m.district.name == "Kreis Wesel" for m in resolve("Kreis Wesel", registry()).matches)
