"""The other readings (polchan_cli.other_readings): a text glued, dictated, hyphened or asked as a question of belonging."""

from __future__ import annotations

import pytest

from _tools import registry
from polchan_cli.resolve import resolve


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # Found in review: glued as a phone, a handle or a hashtag writes them.
        ("polizeicelle", "Polizei Celle"),
        ("#PolizeiStade", "Polizei Stade"),
        ("AmtNeuhaus", "Amt Neuhaus"),
        # a street with no house number before the town (found in review)
        ("Bahnhofstraße Celle", "Celle"),
        ("Lindenallee Westercelle", "Westercelle"),
        ("LandkreisHarburg", "Landkreis Harburg"),
        ("LKHarburg", "Landkreis Harburg"),
        ("PICelle", "Polizei Celle"),
        # a phone capitalises the first letter of what is typed
        ("Polizeicelle", "Polizei Celle"),
        ("Stadepolizei", "Stade"),
        ("Polizeiwachecelle", "Celle"),
        ("Celle-Stadt", "Celle"),  # a type word hyphened after the name
        ("2\ufe0f\u20e39\ufe0f\u20e32\ufe0f\u20e32\ufe0f\u20e31\ufe0f\u20e3", "29221"),  # keycaps
    ],
)
def test_glued_words_are_read_spaced(query, first):
    res = resolve(query, registry())
    assert (res.query, res.matches[0].name) == (query, first)


@pytest.mark.parametrize(
    "query",
    [
        *("Kanalstraße", "Polizeieinsatz", "Polizeilich", "Polizeihund", "Bergpolizei"),
        # found in review: bolder readings give only a place with a channel
        *("polizeihalle", "Ems-Kreis", "Hauptstraße Mitte", "Radweg Elbe", "Radweg Insel"),
    ],
)
def test_a_glued_word_that_spaced_names_no_place_as_typed_stays_unfound(query):
    # "Kanal straße" would begin Straßenhaus; "Polizei einsatz" is a bad query
    # ("'einsatz' alone names no place"), which the word as typed is not.
    assert resolve(query, registry()).matches == ()


@pytest.mark.parametrize(
    ("query", "name", "channel", "unfitting"),
    [
        ("Gehört Westercelle zu Celle?", "Westercelle", "celle", ()),
        ("Bussau gehört zum Landkreis Lüchow-Dannenberg", "Bussau", "luechow-dannenberg", ()),
        # the answer says where it belongs, and that it is not there
        ("Gehört Bussau zu Celle?", "Bussau", "luechow-dannenberg", ("Celle",)),
        # found in review: never the other place, nor a namesake spelled otherwise
        ("Gehört Potsdam zu Berlin?", "Potsdam", None, ("Berlin",)),
        ("Gehört Lichtenau zu Baden?", "Lichtenau", None, ()),  # a land, as "(Baden)"
        ("Gehört Landkreis Celle zu Niedersachsen?", "Landkreis Celle", "celle", ()),
        ("Gehört Münster zu Niedersachsen?", "Münster", "muenster", ("Niedersachsen",)),
    ],
)
def test_a_question_whether_a_place_belongs_to_another_is_answered(query, name, channel, unfitting):
    res = resolve(query, registry())
    first = res.matches[0]
    assert (first.name, [c.id for c in first.channels]) == (name, [channel] if channel else [])
    assert res.unfitting_parts == unfitting
