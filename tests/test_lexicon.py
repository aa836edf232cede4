"""The closed word lists: no place is named by them, and which word a misspelling means."""

from __future__ import annotations

import pytest

from polchan_cli import gazetteer
from polchan_cli.lexicon import (
    EVENT_WORDS,
    SEARCH_WORDS,
    bears_what_happened,
    misspelt_search_word,
    says_what_happened,
)
from polchan_cli.normalize import name_key


def test_no_word_for_what_happened_is_a_places_name():
    # Such words are left out beside a place; one a place bore would be lost
    # ("Brand" is one, in Bavaria, and is not on the list).
    assert [w for w in EVENT_WORDS if gazetteer.places_by_key(name_key(w))] == []


def test_no_word_for_what_happened_begins_a_places_name():
    # Alone, such a word is no query; one a name began with ("Brände" keys as the
    # "Brande" of Brande-Hörnerkirchen) would refuse a name begun: it belongs with
    # Brand in EVENT_WORDS_PLACES_BEAR.
    first_words = {key.split()[0] for key in gazetteer.all_keys() if " " in key}
    assert [w for w in EVENT_WORDS if name_key(w) in first_words] == []


@pytest.mark.parametrize(
    ("word", "happened"),
    [
        ("Unfall", True),
        ("Wildunfall", True),  # a compound that ends in one
        ("Polizeieinsatz", True),
        ("Jeversen (Brand)", False),  # in brackets it qualifies a name
        ("Scheunenbrand", True),  # Brand too, which a place bears: see below
        ("Celle", False),
    ],
)
def test_a_word_says_what_happened_or_not(word, happened):
    assert says_what_happened(word) is happened


def test_brand_is_borne_by_places_and_says_what_happened_beside_others():
    assert (bears_what_happened("Brände"), bears_what_happened("Unfall")) == (True, False)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Celle aktuell", ["aktuell"]),
        ("Polizei-News Celle", ["Polizei-News"]),
        ("Celle-News", ["-News"]),  # the news a site names after its town
        ("Zeven was ist da los?", ["was ist da los?"]),
        ("Danke schön, Lüchow", ["Danke schön"]),
        ("#Stade #Polizei #News", ["#News"]),  # a hashtag
        ("Infos zu Lüchow", ["Infos zu"]),  # news about a place
        ("Zeven und Umland", ["und Umland"]),  # the area around it
        ("Ort: Celle", ["Ort:"]),  # a form's field, with its colon
        ("Ort", []),  # a village in Bavaria
        ("Ort:Uelzen", ["Ort:"]),
        ("Infos zum Wetter", ["Infos"]),  # "zum" only before a type word or region
        ("Infos zum Landkreis Harburg", ["Infos zum"]),
        ("Nahe Celle", []),  # Nahe is a village too; "Nähe" no place
        ("Umgebungsstraße", []),
        ("Heutenbach", []),  # only whole words
        ("Morgenröthe-Rautenkranz", []),
    ],
)
def test_the_words_a_search_adds_are_whole_words_or_a_towns_news(text, found):
    assert [m[0] for m in SEARCH_WORDS.finditer(text)] == found


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("aktuel", "aktuell"),
        ("akutell", "aktuell"),  # two swapped, as spelled plainly
        ("aktüll", "aktuell"),  # as keyed
        ("Nachichten", "nachrichten"),
        ("Polizeimeldugen", "polizeimeldungen"),
        ("Unfal", "Unfall"),  # a word for what happened
        ("Newz", "news"),  # four letters: one changed
        ("Stauu", "stau"),  # or doubled
        ("Sotau", None),  # not one added: Soltau's
        ("Dank", None),  # a word of its own, not "danke"
        ("Hall", None),  # no "hallo": Schwäbisch Hall
        ("Unfall", None),  # spelled right: no misspelling
        ("Celle", None),
    ],
)
def test_a_misspelt_search_word_is_read_as_the_word_meant(word, meant):
    assert misspelt_search_word(word) == meant


def test_a_time_of_day_misspelt_counts_only_after_a_day():
    # "Celle Nacht" may name a street; "gestern abned" is the evening.
    assert misspelt_search_word("abned") is None
    assert misspelt_search_word("abned", after_one=True) == "abend"
