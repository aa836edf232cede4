"""spelling: the closest spellings of a misspelt name, counted in the edits people make."""

from __future__ import annotations

import pytest

from polchan_cli.normalize import name_key, typed_key
from polchan_cli.spelling import FUZZY_ACCEPT, accepted, close_keys, spelling_score


def closest(text: str) -> tuple[str, float, int]:
    return close_keys(name_key(text), typed_key(text))[0]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Cele", "celle"),  # a letter left out
        ("Celxe", "celle"),  # a letter changed
        ("Celel", "celle"),  # two letters swapped
        ("Paerborn", "paderborn"),  # a slip that makes an "ae" by accident
        ("Neuenhasuen", "neunhausen"),  # a swap in a name whose key folds its "ue"
        ("Kaareßn", "kaarssen"),  # a moved "ß", one letter as typed
        ("Saßenhauen", "sassenhausen"),  # a letter left out, "ß" for "ss" no slip
        ("Haaesl", "haassel"),  # two letters swapped in Haaßel, its "ß" typed as "s"
        ("Unterlßü", "unterluss"),
    ],
)
def test_one_slip_is_one_edit_and_read_as_the_name(typed, meant):
    key, score, edits = closest(typed)
    assert (key, edits) == (meant, 1)
    assert accepted((key, score, edits))


def test_the_score_is_the_share_of_letters_left_as_they_are():
    assert spelling_score("cele", "celle") == (80.0, -1)
    assert spelling_score("celle", "celle") == (100.0, 0)


def test_two_edits_in_a_short_name_are_only_offered():
    # Bruchtorf, missing from the data, is two letters from Uchtorf: a suggestion.
    key, score, edits = closest("Bruchtorf")
    assert key == "uchtorf" and edits == 2
    assert score < FUZZY_ACCEPT and not accepted((key, score, edits))


def test_nonsense_has_no_close_spelling():
    assert close_keys(name_key("qqqqqqqqqqxj")) == []
    # A text whose key is empty ("-", a type word alone) has none either.
    assert close_keys("", "") == []
