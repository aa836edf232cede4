"""Normalisation: the spellings a German reader calls the same place get one key."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from polchan_cli.normalize import (
    base_key,
    geographic_qualifier_key,
    leading_type_word,
    name_key,
    name_keys,
    plainly_typed,
    sound_key,
    spelling,
    type_word_first,
    typed_key,
    without_bad,
    without_qualifier,
    without_type_word,
)

SAME = [
    ("Lüneburg", "Lueneburg", "Luneburg", "LÜNEBURG", "lüneburg "),
    ("Gießen", "Giessen", "GIESSEN"),
    ("Winsen (Luhe)", "Winsen/Luhe", "Winsen an der Luhe", "Winsen Luhe", "winsen  (luhe)"),
    ("Rotenburg (Wümme)", "Rotenburg Wümme", "Rotenburg/Wuemme", "rotenburg-wumme"),
    ("Buchholz i. d. Nordheide", "Buchholz in der Nordheide", "Buchholz (Nordheide)"),
    ("St. Andreasberg", "Sankt Andreasberg", "St Andreasberg"),
    ("Groß Hehlen", "Gr. Hehlen", "Gross Hehlen", "Gr.Hehlen"),
    ("Klein Süstedt", "Kl. Süstedt", "Kl Süstedt"),
    ("Landkreis Celle", "LK Celle", "Kreis Celle", "Celle", "Stadt Celle"),
    ("Hansestadt Lüneburg", "Lüneburg"),
    ("Samtgemeinde Elbmarsch", "Gemeinde Elbmarsch", "Elbmarsch"),
    ("Flecken Bardowick", "Bardowick"),
    ("Lüchow-Dannenberg", "Lüchow Dannenberg", "Luechow/Dannenberg"),
]


@pytest.mark.parametrize("spellings", SAME, ids=lambda s: s[0])
def test_spellings_share_one_key(spellings):
    assert len({name_key(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Winsen (Luhe)", "Winsen (Aller)"),
        ("Celle", "Zelle"),
        ("Stade", "Stadt"),
        ("Hagen", "Hage"),
    ],
)
def test_different_places_keep_different_keys(a, b):
    assert name_key(a) != name_key(b)


def test_qualifier_is_optional_through_the_base_key():
    assert base_key("Winsen (Luhe)") == base_key("Winsen (Aller)") == name_key("Winsen")
    assert base_key("Frankfurt am Main") == "frankfurt"
    assert base_key("Celle") == "celle"


def test_leading_bad_is_a_variant():
    exact, variants = name_keys("Bad Bevensen")
    assert exact == "bad bevensen"
    assert "bevensen" in variants
    assert without_bad("bad") is None


def test_type_word_alone_is_kept():
    assert name_key("Stadt") == "stadt"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Stadt Celle", "stadt"),
        ("LANDKREIS Harburg", "landkreis"),
        ("Städteregion Aachen", "stadteregion"),
        ("Samtgemeinde Elbmarsch", "samtgemeinde"),
        ("Kr. Celle", "kr"),
        ("Lkr. Harburg", "lkr"),
        ("Celle", None),
        ("Stadt", None),
        ("Neustadt", None),
    ],
)
def test_leading_type_word_is_read_off_the_name(text, word):
    assert leading_type_word(text) == word


@given(st.text(max_size=300))
@example("A:OT:0")  # a type word behind a small word: once keyed "ot 0", then "0"
def test_any_text_gives_ascii_words(text):
    key = name_key(text)
    assert key == key.strip()
    assert all(part.isascii() and part.isalnum() for part in key.split(" ") if part)
    assert name_key(key) == key


def test_spelling_keeps_umlauts_that_keys_fold_away():
    assert name_key("Munster") == name_key("Münster")
    assert spelling("Münster") == spelling("Muenster") == spelling("MÜNSTER")
    assert spelling("Munster") != spelling("Münster")
    assert spelling("Weißenfels") == spelling("Weissenfels")
    assert spelling("Winsen (Luhe)") == "winsen luhe"


def test_without_type_word_keeps_the_name_after_it():
    assert without_type_word("Landkreis Celle") == "Celle"
    assert without_type_word("Lk. Harburg") == "Harburg"
    assert without_type_word("Neustadt") == "Neustadt"
    assert without_type_word("Stadt") == "Stadt"


def test_without_qualifier_keeps_the_name_before_it():
    assert without_qualifier("Winsen (Luhe)") == "Winsen"
    assert without_qualifier("Winsen an der Luhe") == "Winsen"
    assert without_qualifier("Celle") == "Celle"


@pytest.mark.parametrize(
    ("text", "moved"),
    [
        ("Celle (Stadt)", "Stadt Celle"),
        ("Stade, Landkreis", "Landkreis Stade"),
        ("Harburg Lkr.", "Lkr Harburg"),
        ("Rotenburg (Wümme), Landkreis", "Landkreis Rotenburg (Wümme)"),
        ("Münster, kreisfreie Stadt", "kreisfreie Stadt Münster"),
        ("Celle", None),
        ("Winsen (Luhe)", None),
        ("Stadt", None),
    ],
)
def test_a_trailing_type_word_is_moved_to_the_front(text, moved):
    assert type_word_first(text) == moved


def test_the_typed_key_keeps_digraphs_the_name_key_folds():
    # "Paerborn" (Paderborn, one letter lost) is not "Parborn".
    assert name_key("Paerborn") == "parborn"
    assert typed_key("Paerborn") == "paerborn"
    # Everything else folds alike: umlauts, case, type words, qualifiers' small words.
    assert typed_key("Landkreis Lüneburg") == name_key("Landkreis Lüneburg") == "luneburg"
    # "ß" is one letter as typed, so a slip that moves it is one edit; and no "s",
    # so a name spelled with one is no exact match.
    assert name_key("Kaarßen") == "kaarssen"
    assert OSA.distance(typed_key("Kaareßn"), typed_key("Kaarßen")) == 1
    assert typed_key("Meßendorf") != typed_key("Mesendorf")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Rothenburg", "Rotenburg"),
        ("Tostet", "Tostedt"),
        ("Zelle", "Celle"),
        ("Bokhorst", "Bockhorst"),
        ("Weyhe", "Weihe"),
    ],
)
def test_spellings_said_alike_share_a_sound_key(one, other):
    assert sound_key(name_key(one)) == sound_key(name_key(other))


def test_names_said_differently_keep_apart_in_the_sound_key():
    # One letter apart, but not one sound: "Hamburg" is no misspelt Harburg.
    assert sound_key(name_key("Hamburg")) != sound_key(name_key("Harburg"))
    assert sound_key(name_key("Celle")) != sound_key(name_key("Kelle"))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Winsen (Luhe)", "luhe"),
        ("Lauenburg/Elbe", "elbe"),
        ("Frankfurt am Main", "main"),
        ("Buchholz in der Nordheide", "nordheide"),
        ("Wendisch Evern bei Lüneburg", None),  # a town it lies near, no qualifier
        ("Celle", None),
        ("(bei Heilbad Heiligenstadt)", None),
    ],
)
def test_geographic_qualifier_key_names_the_river_region_or_state(name, key):
    assert geographic_qualifier_key(name) == key


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Landkreis Celle", "Celle"),
        ("Landkreis-Celle", "Celle"),  # was an IndexError (exit 70)
        ("Lk.Harburg", "Harburg"),
        ("Raum Landkreis Harburg", "Harburg"),
        ("Celle", "Celle"),
    ],
)
def test_without_type_word_takes_the_type_word_however_it_is_joined(text, name):
    assert without_type_word(text) == name


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("Celle\u2013Westercelle", "Celle-Westercelle"),
        ("Jork\u2014Borstel", "Jork-Borstel"),
        ("21\u202f423", "21 423"),
        ("\uff12\uff19\uff12\uff12\uff11", "29221"),
        ("\u0662\u0669\u0662\u0662\u0661", "29221"),  # Arabic-Indic digits
        ("Lüneburg", "Lüneburg"),  # letters stay
        ("Lu\u0308neburg", "Lüneburg"),  # an umlaut as macOS may write it (review)
    ],
)
def test_plainly_typed_writes_dashes_spaces_and_digits_as_a_keyboard_does(typed, plain):
    assert plainly_typed(typed) == plain


@pytest.mark.parametrize(
    ("pasted", "shown"),
    [
        # Found in review: text copied from a page's HTML source.
        ("L&uuml;neburg", "Lüneburg"),
        ("Fa&szlig;berg", "Faßberg"),
        ("Winsen&nbsp;(Luhe)", "Winsen (Luhe)"),
        ("Celle<br>", "Celle, "),
        ("<b>Stade</b>", " Stade "),
        ("Celle&#8203;", "Celle"),
        # Soft hyphens and zero-width characters from a word processor.
        ("Bux\u00adte\u00adhu\u00adde", "Buxtehude"),
        ("Cel\u200ble", "Celle"),
        # An ampersand between towns, or a "<" that starts no tag, stays.
        ("Lüneburg & Uelzen", "Lüneburg & Uelzen"),
        ("Celle <3", "Celle <3"),
        ("Stau <B 3 Richtung Celle>", "Stau <B 3 Richtung Celle>"),  # a road, not a tag
        ('<span class="x">Celle</span>', " Celle "),
        ("<p>Celle</p><p>Stade</p>", ", Celle, , Stade, "),  # blocks set lines apart
        # read twice, the same: a part's reading decodes no more than the whole's
        ("L&amp;uuml;neburg", "L&amp;uuml;neburg"),
        ("Celle &amp; Uelzen", "Celle & Uelzen"),  # no reference after it: decoded
        ("&notruf Celle", "&notruf Celle"),  # no reference without its semicolon
    ],
)
def test_plainly_typed_reads_html_and_invisible_marks_as_the_page_shows_them(pasted, shown):
    assert plainly_typed(pasted) == shown


def test_plainly_typed_keeps_a_tab_which_sets_fields_apart():
    assert plainly_typed("Hagen\tLüneburg") == "Hagen\tLüneburg"
