"""The codes reading (polchan_cli.codes): a press office's code, a postcode cut to four digits, a place beside postcodes."""

from __future__ import annotations

import pytest

from _tools import channel_ids, registry
from polchan_cli.resolve import resolve


def test_an_unknown_postcode_leaves_the_town_beside_it_to_answer():
    res = resolve("Am Markt 1, 21399 Lüneburg", registry())
    assert res.unknown_postcodes == ("21399",)
    assert res.matches[0].name == "Lüneburg" and channel_ids(res) == {"lueneburg"}


def test_a_town_in_another_district_than_its_postcode_is_shown_beside_it():
    # 21423 is Winsen (Luhe)'s, in Landkreis Harburg; Celle is not: one is mistyped.
    res = resolve("21423 Celle", registry())
    assert res.matches[0].kind == "postcode"
    assert channel_ids(res) == {"landkreis-harburg", "celle"}
    # A name that fits the postcode adds nothing, and neither does one shared so
    # widely that it cannot contradict it.
    for query in ("21423 Winsen", "Hagen 21423", "Bahnhofstraße 5, 29221 Celle"):
        assert {m.kind for m in resolve(query, registry()).matches} == {"postcode"}, query


def test_four_digits_before_a_town_are_its_postcode_with_the_0_a_spreadsheet_dropped():
    # Found by QA: "1067 Dresden" (01067, its leading 0 lost) found nothing.
    res = resolve("1067 Dresden", registry())
    assert [m.name for m in res.matches] == ["01067"]


@pytest.mark.parametrize(
    ("query", "offered"),
    [
        # Found by the review: Austrian and Swiss postcodes have four digits, and
        # their towns had been given a German namesake's channel.
        ("5400 Baden", "Baden"),  # not Baden in Achim, Polizei Verden/Osterholz
        ("1010 Wien", "Wienhausen"),  # not Wienhausen, Polizei Celle
        ("2133 Lüneburg", "Lüneburg"),  # a digit missing: the town is only offered
        ("1067 Celle", "Celle"),  # 01067 is Dresden's
    ],
)
def test_four_digits_that_are_no_postcode_of_the_town_find_nothing_and_offer_it(query, offered):
    res = resolve(query, registry())
    assert res.status == "not_found"
    assert offered in res.suggestions


def test_the_town_beside_a_shared_postcode_says_which_district():
    # 29640 is mostly Schneverdingen's (Heidekreis); a user in Undeloh types that too.
    for query, district in (
        ("29640 Undeloh", "03353"),
        ("29640 Schneverdingen", "03358"),
        ("Bergstraße 5, 29640 Schneverdingen", "03358"),
    ):
        assert {m.district.key for m in resolve(query, registry()).matches} == {district}
    assert [m.district.key for m in resolve("29640", registry()).matches] == ["03358", "03353"]
    # The town, not a district its name also reads as: "Rostock" is the city and
    # Landkreis Rostock, which also has a part of 18059.
    rostock = [m.district.key for m in resolve("18059 Rostock", registry()).matches]
    assert rostock == ["13003"]


def test_an_address_whose_parts_contradict_keeps_every_district_of_its_postcode():
    # Landkreis Harburg, yet Schneverdingen (Heidekreis): one of the two is wrong,
    # so neither district of 29640 is dropped.
    res = resolve("Landkreis Harburg, 29640 Schneverdingen", registry())
    assert {m.district.key for m in res.matches if m.kind == "postcode"} == {"03353", "03358"}


def test_postcode_with_town_name_uses_the_postcode():
    assert channel_ids(resolve("21423 Winsen", registry())) == {"landkreis-harburg"}


def test_a_place_beside_a_postcode_of_another_district_is_flagged():
    # A script sees what the table warns of: one of the two is mistyped.
    assert resolve("21423 Celle", registry()).to_dict()["postcode_mismatch"] is True
    assert resolve("21423 Winsen", registry()).to_dict()["postcode_mismatch"] is False


def test_a_press_code_with_a_place_outside_its_area_names_the_headline_left_out():
    res = resolve("POL-LG: Celle - Unfall", registry())
    assert res.outside_area_of and res.unknown_parts == ("Unfall",)


@pytest.mark.parametrize("query", ["21423 29221 Celle", "Winsen 21423 29221"])
def test_a_town_beside_several_postcodes_narrows_only_its_own(query):
    # Neither postcode is declared unknown: Celle says nothing of 21423 (Winsen).
    res = resolve(query, registry())
    assert res.unknown_postcodes == ()
    assert {m.name for m in res.matches if m.kind == "postcode"} == {"21423", "29221"}


@pytest.mark.parametrize(
    ("query", "channels"),
    [
        # Session 30: of a list after a press code, only the places in the office's
        # area were answered ("POL-LG: Uelzen und Celle" gave Uelzen, Celle unsaid).
        ("POL-LG: Uelzen und Celle", {"uelzen", "celle"}),
        ("POL-LG: Uelzen/Celle - Unfall", {"uelzen", "celle"}),
        ("POL-MS: Münster/Warendorf - Kontrollen", {"muenster"}),
    ],
)
def test_a_list_after_a_press_code_answers_each_place_in_the_area_or_not(query, channels):
    res = resolve(query, registry())
    assert {c.id for m in res.matches for c in m.channels} == channels
    assert len(res.places_named) == 2
