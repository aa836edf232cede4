"""Other readings of a text that names nothing as typed: dictated, glued, hyphened, asked.

Accepts the text of a query and a reader of a query handed in by
:mod:`polchan_cli.resolve`: :func:`read_otherwise` reads it as dictated ("Celle Komma
Westercelle", "zwei neun zwei zwei eins"), glued ("polizeicelle", "@PolizeiStade"), with
a type word hyphened ("Celle-Stadt"), as a town after a street ("Bahnhofstraße Celle"),
or as a question of belonging ("Gehört Westercelle zu Celle?"): the first reading that
names a place as typed. How each reading is made is :mod:`polchan_cli.query`'s job. No
Typer or Rich here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from .normalize import leading_type_word, name_key, spelling, without_type_word
from .query import (
    QueryError,
    as_belonging_to,
    names_a_part_of_town,
    town_after_a_street,
    unglued,
    with_spoken_digits,
    with_spoken_punctuation,
    with_type_word_apart,
)
from .ranking import spellings
from .resolution import Resolution, named_as_typed
from .whereabouts import is_place, names_a_land

__all__ = ["read_otherwise"]


def read_otherwise(text: str, read: Callable[[str], Resolution]) -> Resolution | None:
    """Where the text as typed names nothing: the first of its other readings that
    names a place as typed. The punctuation a voice assistant writes out as marks
    ("Celle Komma Westercelle", "Stade Fragezeichen"), and a postcode's digits as
    digits ("zwei neun zwei zwei eins"). Guessed at more boldly, and so only where
    they give a channel, as a resident looking for theirs meant: words a phone, a
    handle or a hashtag glues, spaced ("polizeicelle", "@PolizeiStade",
    "LandkreisHarburg"; "Polizeihalle" is no Halle (Saale), and "Kanalstraße" no
    Straßenhaus begun); a type word hyphened to the name ("Celle-Stadt", but
    "Ems-Kreis" is no Bad Ems); the town after a street with no house number
    ("Bahnhofstraße Celle", but "Radweg Elbe" is no village Elbe, and "Hauptstraße
    Mitte" no Berlin-Mitte). A reading that is no query ("Polizeieinsatz" as
    "Polizei einsatz") answers nothing. ``read`` reads each as resolve() reads a
    query, raising QueryError where it is none."""
    after_a_street = town_after_a_street(text, is_place)
    if after_a_street is not None and names_a_part_of_town(after_a_street):
        after_a_street = None
    spaced = unglued(text)
    readings = (
        (with_spoken_punctuation(text), _any_answer),
        (with_spoken_digits(text), _any_answer),
        # A type word glued to a name says what it is ("LandkreisGotha"); a word for
        # the police only whose channel is asked for ("polizeicelle").
        (spaced, _any_answer if spaced and leading_type_word(spaced) else _with_a_channel),
        (with_type_word_apart(text), _a_district_or_with_a_channel),  # "Hagen-Stadt"
        (after_a_street, _with_a_channel),
    )
    for other, taken in readings:
        if other is None:
            continue
        try:
            answer = read(other)
        except QueryError:
            continue
        if named_as_typed(answer) and taken(answer):
            return answer
    if asked := as_belonging_to(text):
        return _where_it_belongs(*asked, read)
    return None


def _where_it_belongs(
    place: str, whole: str, read: Callable[[str], Resolution]
) -> Resolution | None:
    """The place a question of belonging asks about, with the other named as not
    fitting where it does not lie there: "Gehört Westercelle zu Celle?" is
    Westercelle, "Gehört Bussau zu Celle?" Bussau, in Lüchow-Dannenberg, "Gehört
    Potsdam zu Berlin?" Potsdam, never Berlin for it, nor "Münster" Munster in
    Niedersachsen."""
    # A land is asked as a qualifier: "Gehört Lichtenau zu Baden?" as "Lichtenau (Baden)".
    joined = f"{place} ({whole})" if names_a_land(name_key(whole)) else f"{place}, {whole}"
    try:
        both = read(joined)
        alone = read(place)
    except QueryError:
        return None
    first = both.matches[0] if both.matches else None
    if (
        first
        and spelling(without_type_word(place)) in spellings(first.name)
        and named_as_typed(both)
        and not both.places_named  # "Potsdam, Berlin" alone is a list of two
    ):
        return both
    if not (alone.matches and named_as_typed(alone)):
        return None
    return replace(alone, unfitting_parts=(*alone.unfitting_parts, whole))


def _any_answer(answer: Resolution) -> bool:
    return True


def _with_a_channel(answer: Resolution) -> bool:
    return answer.status == "found"


def _a_district_or_with_a_channel(answer: Resolution) -> bool:
    """A city or district named with its type word ("Hagen-Stadt", "Ilm-Kreis"),
    channel or none; another place only with one ("Ems-Kreis" is no Bad Ems)."""
    return answer.status == "found" or answer.matches[0].kind == "district"
