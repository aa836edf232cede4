"""A place read loosely where nothing fits as typed: an address's part, a name before a qualifier.

Accepts the text of a query and its readings with the places each names, the spellings
already offered, and a reader of a part handed in by :mod:`polchan_cli.resolve`:
:func:`loosely_read` gives the place an address's part names ("Bahnhofstraße 5, Celle"),
the name before a qualifier it does not have ("Munster (Örtze)"), else the part spelled
most like a place ("Bahnhofstraße 5, Westercele") where it does not lie far from where
the text says, else names to offer. How close a spelling is is
:mod:`polchan_cli.spelling`'s job. No Typer or Rich here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from . import plates
from .addresses import address_roles, has_a_place_word, reads_as_a_street
from .context import nearest_what_it_lies_by
from .guesses import close_names, places_spelled_closest
from .headline import abbreviated
from .lexicon import says_what_happened
from .names import matches_named
from .normalize import name_key, typed_key
from .qualifiers import (
    a_covered_town_in_brackets,
    far_town_in_brackets,
    land_none_lies_in,
    nearest_those_so_qualified,
    unknown_qualifier,
)
from .query import (
    MOST_WORDS_OF_A_PLACE,
    Reading,
    is_a_linking_word,
    looks_like_a_verb,
    names_a_part_of_town,
    says_in,
    street_and_number,
    without_house_number,
)
from .ranking import ranked
from .registry import Registry
from .resolution import MOST_OFFERED, Match, Resolution, named_as_typed
from .searches import only_search_words
from .spelling import accepted, close_keys
from .whereabouts import FAR_FROM_WHERE_SAID_KM, NEAR_KM, far_apart, is_a_town, only_says_where

__all__ = ["loosely_read"]


def loosely_read(
    text: str,
    named: list[tuple[Reading, list[Match]]],
    registry: Registry,
    suggestions: tuple[str, ...],
    read_quietly: Callable[[str], Resolution],
) -> Resolution | None:
    """The place in an address or before a qualifier, where the rest fits nothing.

    "Bahnhofstraße 5, Celle" is Celle; "Munster (Örtze)" is Munster, found without a
    qualifier it does not have (a ``variant``). Of the parts that name places, as
    typed or as they would alone ("Hauptstraße 5, Berlin-Kreuzberg"), the first,
    unless it is a street or has a house number, is the addressee's name before
    the street, or names no covered place beside one that does. Failing those, the
    part spelled most like a place is read as that place ("Bahnhofstraße 5,
    Westercele"), else the closest spellings of every part are suggested, and so
    are places that words of the query name ("Bahnhofstr Celle": did you mean
    Celle?).

    ``named`` is each reading of the text with the places its head names as typed;
    ``suggestions`` the names the whole text's spelling search offers;
    ``read_quietly`` reads a part as resolve() reads a query of its own, with no
    answer where it is none.
    """
    # A word for a part of a town beside it is where in it, never the place itself:
    # "München Mitte" is München, not Berlin's Mitte, which has a channel. (After a
    # comma it may be: "Hauptstraße 5, Mitte".)
    # Nor are the words a search adds a place: a field "bitte" is no Bitter begun or
    # misspelt ("Infos für Nienhagen, bitte").
    loose = [
        (reading, found)
        for reading, found in named
        if reading.ignorable
        and not (reading.how == "part" and names_a_part_of_town(reading.head))
        and not only_search_words(reading.head)
    ]
    # Each part that names places, as typed or read alone as an address writes
    # the place ("Hauptstraße 5, Berlin-Kreuzberg", "Dorfstraße 3, Delbrück-Boke").
    candidates: list[tuple[Reading, list[Match], Resolution | None]] = []
    for reading, found in loose:
        if found:
            candidates.append((reading, found, None))
        elif (
            reading.how == "fields"
            and not only_says_where(reading.head)
            and not (reads_as_a_street(reading.head) and not has_a_place_word(reading.head))
            and not street_and_number(reading.head)
            and (named_as_typed(alone := read_quietly(reading.head)) or abbreviated(alone))
        ):
            candidates.append((reading, list(alone.matches), alone))
    if candidates:
        # An address names the place first ("Nindorf, Bayern" lists every Nindorf),
        # but after the street: a row's name before it is the addressee's ("Busch;
        # Lindenweg 2; Jork-Borstel" is Borstel in Jork, not Busch in Delbrück). A
        # street named like a place elsewhere is the town's street ("Schützenplatz,
        # Celle", "Mitte, Hannover"). And the villages where channels reach are
        # researched: a part naming only places outside them, beside one inside, is
        # more likely a quarter the data lacks ("Altstadt, Celle" is Celle).
        is_addressee, is_street = address_roles(text)

        def numbered(reading: Reading) -> bool:
            return reading.how == "fields" and without_house_number(reading.head) is not None

        # The street, a numbered part and the addressee only give way to a town or
        # village named elsewhere in the row, never to a district or state alone:
        # "Auf der Hausstelle, Landkreis Uelzen" is that village (in Lüneburg).
        towns = [
            reading
            for reading, found, _ in candidates
            if is_a_town(ranked(found, reading.head)[0])
            and not (is_street(reading) or numbered(reading) or is_addressee(reading))
        ]

        def order(candidate: tuple[Reading, list[Match], Resolution | None]) -> tuple[bool, ...]:
            reading, found, _ = candidate
            rivals = any(town is not reading for town in towns)
            return (
                # A part with a house number is more likely the street than a
                # village elsewhere: "Felde 3, Celle" is Celle.
                rivals and (is_street(reading) or numbered(reading)),
                rivals and is_addressee(reading),
                not any(m.channels for m in found),
            )

        reading, found, alone = min(candidates, key=order)
        if alone is not None:
            return replace(alone, query=text)
        if reading.how != "qualifier":
            return Resolution(query=text, matches=ranked(found, reading.head))
        if elsewhere := a_covered_town_in_brackets(text, reading, found, read_quietly):
            return elsewhere
        found = [replace(m, match="variant") if m.match == "exact" else m for m in found]
        # A plate code in brackets is understood, its district only holds none of the
        # places found: "Celle (HK)" says HK does not fit, not that it is unknown; one
        # that holds one is said nothing of ("Staffelstein (STE)"). A letter alone is
        # no code read, and stays unknown ("Haar (M)").
        qualifier = tuple(
            part
            for part in unknown_qualifier(text, reading)
            if len(part) == 1 or not any(m.district.key in plates.districts_of(part) for m in found)
        )
        codes = tuple(part for part in qualifier if len(part) > 1 and plates.districts_of(part))
        matches = nearest_what_it_lies_by(text, ranked(found, reading.head), registry)
        return Resolution(
            query=text,
            matches=nearest_those_so_qualified(matches, reading, registry),
            unknown_parts=tuple(part for part in qualifier if part not in codes),
            unfitting_parts=far_town_in_brackets(text, reading, found, registry)
            + codes
            + land_none_lies_in(text, reading, found),
        )
    closest: tuple[float, Reading, list[tuple[str, float, int]]] | None = None
    names = list(suggestions)
    for reading, _ in loose:
        candidates = close_keys(name_key(reading.head), typed_key(reading.head))
        # Where a street starts is a guess itself: its head is offered, never taken.
        taken = reading.how not in ("street", "qualified") and not only_says_where(reading.head)
        # Of one head read several ways, the first reading is kept: it says where,
        # if any does ("fuhren in Richtung Celle davon" is no Fahren, in Plön).
        if (
            taken
            and candidates
            and (
                closest is None
                or candidates[0][1] > closest[0]
                or (candidates[0][1] == closest[0] and reading.head != closest[1].head)
            )
        ):
            closest = (candidates[0][1], reading, candidates)
        names += close_names(candidates[:MOST_OFFERED])
    said: list[Match] = []
    if closest and accepted(closest[2][0]):
        _, reading, candidates = closest
        guess = places_spelled_closest(reading.head, name_key(reading.head), registry, candidates)
        said = _where_said(reading, registry)
        # Words in small letters before "in", "bei" and the like, where others have
        # capitals, are a sentence's verb, not a misspelt place: "liefen in Richtung
        # Bahnhof davon" is no Kiefen, "fuhren in Richtung Celle davon" no Fahren,
        # nor Bühren, in reach of Celle ("Bahnhofstraße 5, westercele" is guessed).
        verb = (
            reading.how == "qualifier"
            and not text.islower()
            and all(looks_like_a_verb(w.lstrip("….,;:!?-")) for w in reading.head.split())
        )
        # Nor is a heading's word for what happened: "Flucht in Richtung Münster" is
        # no Feucht, in reach of the Münster in Bavaria.
        event = reading.how == "qualifier" and all(map(says_what_happened, reading.head.split()))
        if not (verb or event) and not _lies_far_from(guess, said, text):
            return replace(guess, query=text)
    # Words are offered, never taken: "Klein Hagen" not in the data is no Hagen.
    # A place a word names exactly comes before spellings too far off to take
    # ("Drage Winsen": Drage and Winsen, then Grafenwiesen), and so does the place
    # a guess lay far from ("Raser in Hamburg gestoppt": Hamburg).
    names = [m.name for _, found in named for m in found] + [m.name for m in said] + names
    names = list(dict.fromkeys(names))
    if names != list(suggestions):
        return Resolution(query=text, suggestions=tuple(names[:MOST_OFFERED]))
    return None


def _where_said(reading: Reading, registry: Registry) -> list[Match]:
    """The places that the words after a head read before a qualifier name as
    typed, or the way to them: "Flucht in Leipzig" and "Flucht in Richtung Celle
    davon" say Leipzig and Celle."""
    if reading.how != "qualifier":
        return []
    return [
        m for key in reading.context for m in _named_first(key.removeprefix("richtung "), registry)
    ]


def _lies_far_from(guess: Resolution, said: list[Match], text: str) -> bool:
    """Whether every place guessed for a head lies far from the places the text
    says it lies in, by or toward (:func:`_where_said`): "Flucht in Leipzig" and
    "Flucht in Richtung Celle" are no Feucht, in Bavaria, which is then only
    offered; "Buxethude bei Hamburg" is Buxtehude, "Uezen bei Hamburg" Uelzen. What
    lies "in" a city lies near it ("Raser in Hannover" is no Räber, 90 km off);
    "bei" and "Richtung" reach farther."""
    km = NEAR_KM if says_in(text) else FAR_FROM_WHERE_SAID_KM
    return bool(said) and far_apart(guess.matches, said, km=km)


def _named_first(key: str, registry: Registry) -> list[Match]:
    """The places that the most of the first words of ``key`` name, as typed, where
    a heading goes on after its place: "hamburg gestoppt" names Hamburg ("Raser in
    Hamburg gestoppt" is no Räber, 75 km off), "celle davon" Celle."""
    words = key.split()
    if not words or is_a_linking_word(words[0]):
        return []  # "in der Nähe von …" names no Nahe
    for n in range(min(len(words), MOST_WORDS_OF_A_PLACE), 0, -1):
        if found := matches_named(" ".join(words[:n]), registry):
            return found
    return []
