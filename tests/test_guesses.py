"""guesses: the places a name begins, misspells or names after Groß and Alt, and
the covered places offered beside far ones."""

from __future__ import annotations

import functools

import pytest

from polchan_cli import gazetteer
from polchan_cli.guesses import (
    close_names,
    guessed_name,
    offered_beside_far_places,
    places_begun,
    places_spelled_closest,
    spaced_otherwise_elsewhere,
    with_a_prefix_word,
)
from polchan_cli.normalize import name_key
from polchan_cli.registry import Registry
from polchan_cli.resolution import Match, place_match
from polchan_cli.spelling import close_keys
from polchan_cli.store import load_channels


@functools.cache
def registry() -> Registry:
    return load_channels(None)


def begun(text: str):
    return places_begun(text, name_key(text), registry())


def closest(text: str):
    return places_spelled_closest(text, name_key(text), registry())


def places_named(name: str) -> list[Match]:
    """The places of the name exactly, as resolve's lookups list them."""
    return [place_match(p, p.match, registry()) for p in gazetteer.places_by_key(name_key(name))]


def channel_ids(matches) -> set[str]:
    return {c.id for m in matches for c in m.channels}


def test_a_beginning_many_names_share_keeps_the_covered_towns() -> None:
    found = begun("Wal")
    assert found is not None
    assert "Walsrode" in [m.name for m in found.matches]
    assert all(m.match == "prefix" for m in found.matches)


def test_ue_typed_as_two_letters_begins_the_names_spelled_so() -> None:
    # "Uel" keys as "ul" (ue read as ü) but begins Uelzen, not Ulm.
    found = begun("Uel")
    assert found is not None
    names = [m.name for m in found.matches]
    assert "Uelzen" in names
    assert "Ulm" not in names


def test_a_beginning_no_name_has_is_none() -> None:
    assert begun("Qxzv") is None


def test_a_beginning_only_far_places_have_offers_a_covered_name_spelled_like_it() -> None:
    # "Zelle" begins only Zellertal, far from any channel, and is spelled like Celle.
    found = begun("Zelle")
    assert found is not None
    assert not channel_ids(found.matches)
    assert "Celle" in found.suggestions


def test_a_misspelt_name_is_read_as_the_closest() -> None:
    guess = closest("Cele")
    assert guess.fuzzy_for == "Celle"
    assert "celle" in channel_ids(guess.matches)


def test_the_spelling_before_folding_breaks_a_tie_of_keys() -> None:
    assert closest("Müchen").fuzzy_for == "München"


def test_a_name_close_to_nothing_is_no_guess() -> None:
    guess = closest("Xqzwvbn")
    assert not guess.matches
    assert guess.fuzzy_for is None


@pytest.mark.parametrize(("key", "expected"), [("hehlen", {"Groß Hehlen", "Klein Hehlen"})])
def test_a_name_after_gross_or_klein(key: str, expected: set[str]) -> None:
    found = with_a_prefix_word(key, registry())
    assert expected <= {m.name for m in found}
    assert {m.match for m in found} == {"variant"}
    assert "celle" in channel_ids(found)


def test_far_places_are_offered_covered_ones_said_alike() -> None:
    # Rothenburg: three places far from any channel; people misspell Rotenburg so.
    far = [m for m in places_named("Rothenburg") if not m.channels]
    assert far
    assert "Rotenburg (Wümme)" in offered_beside_far_places("Rothenburg", far, registry())


def test_nothing_is_offered_beside_a_covered_place() -> None:
    celle = places_named("Celle")
    assert offered_beside_far_places("Celle", celle, registry()) == ()


def test_a_name_spaced_otherwise_with_another_channel_is_offered() -> None:
    # Großmoor lies in Landkreis Celle; Groß Moor in Landkreis Harburg.
    grossmoor = [m for m in places_named("Großmoor") if m.district.key == "03351"]
    assert grossmoor
    assert "Groß Moor" in spaced_otherwise_elsewhere("Großmoor", grossmoor, registry())


def test_close_names_can_be_held_to_covered_places() -> None:
    candidates = close_keys(name_key("Stdae"))
    covered = close_names(candidates, covered_by=registry())
    assert "Stade" in covered
    assert "Sayda" in close_names(candidates)  # Saxony: no channel
    assert "Sayda" not in covered


def test_at_most_five_close_names_are_offered() -> None:
    # "Neudorf" is close to twelve names: the five spelled closest are offered.
    candidates = close_keys(name_key("Neudorf"))
    assert close_names(candidates)[:2] == ("Neudorf", "Neuendorf")
    assert len(close_names(candidates)) == 5


def test_a_guess_is_shown_as_its_town_not_its_district() -> None:
    matches = places_named("Celle")
    districts_first = sorted(matches, key=lambda m: m.kind != "district")
    assert districts_first[0].kind == "district"
    assert guessed_name(districts_first) == "Celle"
    assert guessed_name([]) is None
