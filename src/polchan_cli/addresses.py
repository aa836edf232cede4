"""The parts of an address: which is the street or the addressee, and which the answer leaves out.

Accepts the text of a query cut into fields (:func:`~polchan_cli.query.address_fields`)
and an answer to it: :func:`reads_as_a_street`, :func:`address_roles` and
:func:`only_districts_beside` say what a part is ("Bahnhofstraße 5"; the addressee
before the street in a pasted row; a district by its type word);
:func:`with_parts_left_out` names the parts an answer does not rest on, unknown or
unfitting ("Bruchtorf, Uelzen", "Westercelle, Harburg"); :func:`read_without_where` reads
an address without its state and country columns; :func:`of_those_lying_in` and
:func:`lies_in_one_spelled_like` keep the places that lie where a part says, spelled
right or not; :func:`town_and_part_apart` and :func:`inside_the_city_first` read a
town and a part of it the data lacks ("Paderborn-Mönkeloh", "Berlin-Pankow-Buch"). A
part is read as a query of its own through a reader :mod:`polchan_cli.resolve` hands
in. No Typer or Rich here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from . import gazetteer
from .guesses import guessed_name
from .headline import a_place_as_typed
from .lexicon import EVENT_KEYS, misspelt_search_word, says_what_happened
from .names import matches_named
from .normalize import TYPE_WORDS, is_a_small_word, leading_type_word, name_key, name_keys
from .patterns import compiled_when_used
from .query import (
    Reading,
    address_fields,
    is_a_press_mark,
    is_a_road,
    names_a_part_of_town,
    respelled_search_words,
    says_where_in_a_place,
    search_word_spans,
    without_house_number,
)
from .ranking import KIND_OF_TYPE_WORD
from .registry import Registry
from .resolution import Match, Resolution, named_as_typed
from .spelling import accepted, close_keys, spelling_score
from .whereabouts import (
    in_one_municipality,
    is_place,
    keys_of_whereabouts,
    lies_in_part,
    only_says_where,
    same_place,
    states,
)

__all__ = [
    "AREA_KINDS",
    "address_roles",
    "has_a_place_word",
    "inside_the_city_first",
    "lies_in_one_spelled_like",
    "names_no_place",
    "not_found_and_no_place",
    "of_those_lying_in",
    "only_districts_beside",
    "read_without_where",
    "reads_as_a_street",
    "town_and_part_apart",
    "with_parts_left_out",
]


def names_no_place(part: str, text: str = "") -> bool:
    """Whether a part an answer leaves out is only words it left out as naming no
    place, rather than a name it looked for and did not find ("Merlin"): those a
    search adds ("heute", "Blaulicht", "gestern Abend"), here or as the whole
    ``text`` it is part of reads them ("Welcher" in "Welcher Kanal ist für Tostedt
    zuständig?"), those for what happened ("Unfall", "Brand" read so) and
    compounds ending in one ("Großbrand"; not set apart as a name is, by a comma
    or a hyphen: "Schömberg-Langenbrand", "Steinbruch, Celle"), either misspelt
    where no place is spelled within a letter of it ("aktuel", "Unfal", "gestren
    Abend"; not "Stad", a letter from Stade), roads' numbers ("A7"), a heading's
    dates ("12.03.2025:") and words for a kind of place ("Ortsteil")."""
    if not name_key(part):
        return False
    respelled = respelled_search_words(part, _may_be_a_place)
    if respelled is not None and names_no_place(respelled[0]):
        # As the words meant read: "letze Woche" as "letzte Woche", "letze nacht"
        # (though Acht is a place a letter off "nacht").
        return True
    spans = search_word_spans(part)
    found_in_text = re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text)
    if found_in_text:
        at = found_in_text.start()
        spans += [(start - at, end - at) for start, end in search_word_spans(text)]
    set_apart = bool(found_in_text) and _set_apart_as_a_name(text, *found_in_text.span())
    # A time of day says when only after a day: "gestren Abend", "gestern abned".
    after_one = False
    for found in _A_WORD.finditer(part):
        word = found[0]
        key = name_key(word)
        if any(start <= found.start() and found.end() <= end for start, end in spans):
            after_one = True
            continue
        if (
            not key
            or is_a_small_word(word.rstrip(":,;"))
            or is_a_road(word)
            or is_a_press_mark(word)
            or key in TYPE_WORDS
        ):
            continue
        if key not in EVENT_KEYS and (
            set_apart
            or _may_be_a_place(key)
            or not (says_what_happened(word) or misspelt_search_word(word, after_one=after_one))
        ):
            return False
        after_one = True
    return True


def _may_be_a_place(key: str) -> bool:
    """Whether a word's key names a place, or is a letter from one's ("Stad")."""
    return is_place(key) or any(edits <= 1 for _, _, edits in close_keys(key))


def _set_apart_as_a_name(text: str, start: int, end: int) -> bool:
    """Whether the text sets its span apart as an address's field or a name's
    part: by a comma beside it, or a hyphen joining it to a word."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    return before.endswith(",") or after.startswith(",") or text[:start].endswith("-")


_A_WORD = compiled_when_used(r"\S+")


def not_found_and_no_place(parts: Iterable[str], text: str = "") -> tuple[list[str], list[str]]:
    """The parts an answer to ``text`` leaves out, in their order, as (names not
    found, parts that name no place: see :func:`names_no_place`)."""
    not_found: list[str] = []
    no_place: list[str] = []
    for part in parts:
        (no_place if names_no_place(part, text) else not_found).append(part)
    return not_found, no_place


def lies_in_one_spelled_like(m: Match, key: str) -> bool:
    """Whether the match lies in a municipality, Samtgemeinde or district (not
    itself) spelled close enough to the key to be read as it: "kirchlintln" is
    Kirchlinteln. A short word is no such misspelling ("Este" is no Weste), nor
    one that starts with another letter."""
    if len(key) < 5:
        return False
    names = [n for n in (*m.towns, m.samtgemeinde, m.district.name) if n and n != m.name]
    keys = {k for main, variants in map(name_keys, names) for k in (main, *variants)}
    return any(
        k[:1] == key[:1] and accepted((k, score, -minus_edits))
        for k in keys
        for score, minus_edits in [spelling_score(key, k)]
    )


def read_without_where(text: str, read_quietly: Callable[[str], Resolution]) -> Resolution | None:
    """An address read without its state and country columns, of the places that
    lie there: "Westercele, Celle, Niedersachsen" is read as "Westercele, Celle"
    (Westercelle), as the columns only say where the rest lies. None where no
    such column stands beside others, or nothing read lies there. ``read_quietly``
    reads the other columns as resolve() reads a query of its own, with no answer
    where they are none."""
    fields = address_fields(text)
    # A city that is a state is its own state column the second time: "Rudow,
    # Berlin, Berlin, DE".
    is_where = [
        only_says_where(part) or (name_key(part) in states() and part in fields[:i])
        for i, part in enumerate(fields)
    ]
    where = [part for part, w in zip(fields, is_where, strict=True) if w]
    rest = [part for part, w in zip(fields, is_where, strict=True) if not w]
    if not where or not rest:
        return None
    answer = read_quietly("; ".join(rest))
    located = of_those_lying_in(answer, [name_key(part) for part in where])
    return with_parts_left_out(replace(located, query=text), read_quietly) if located else None


def of_those_lying_in(answer: Resolution, keys: Iterable[str]) -> Resolution | None:
    """The answer with only its matches that lie in every place the keys name (a
    guess read as the first of them), or None if none does."""
    keys = list(keys)
    there = tuple(m for m in answer.matches if all(lies_in_part([m], k) for k in keys))
    if not there:
        return None
    fuzzy_for = guessed_name(there) if answer.fuzzy_for is not None else None
    # Of a list, the names still answered.
    names = {name_key(m.name) for m in there}
    kept = [p for p in answer.places_named if any(n.startswith(name_key(p)) for n in names)]
    return replace(
        answer,
        matches=there,
        fuzzy_for=fuzzy_for,
        places_named=tuple(kept) if len(kept) > 1 else (),
        respelled=tuple((typed, read) for typed, read in answer.respelled if read in kept),
    )


def with_parts_left_out(
    answer: Resolution, read_quietly: Callable[[str], Resolution]
) -> Resolution:
    """The answer to an address, with the parts of it the answer does not rest on.

    A part is used where it names (or begins) a place of the answer, a place in it
    or beside it in its municipality, or where it lies ("Niedersachsen",
    "Deutschland"). Of the rest, a part that names a place as typed is
    ``unfitting`` ("Westercelle, Harburg"); one that names none is ``unknown``
    ("Bruchtorf, Uelzen"). A street, a house number or a word for a part of a town
    is neither ("Bahnhofstraße 5, Celle", "Schützenplatz, Celle"), unless it names
    a town as typed (Burweg): an address has those beside its place.

    ``read_quietly`` reads a part as resolve() reads a query of its own, with no
    answer where the part is none.
    """
    parts = list(dict.fromkeys(address_fields(answer.query)))
    if len(parts) < 2 or not answer.matches:
        return answer
    if answer.fuzzy_for is not None:
        # The part read as the guess is used: "Boeke, Stoetze" is Boecke there.
        guessed = name_key(answer.fuzzy_for)
        parts.remove(max(parts, key=lambda part: spelling_score(name_key(part), guessed)))
    answer_names = {name_key(m.name) for m in answer.matches}
    # A list's names read as others ("Cele" of "Cele/Uelzen") are used too.
    respelled = {name_key(typed) for typed, _ in answer.respelled}
    parts = [part for part in parts if name_key(part) not in respelled]
    unknown: list[str] = []
    unfitting: list[str] = []
    where: list[str] = []
    for part in parts:
        key = name_key(part)
        if any(name.startswith(key) for name in answer_names):
            continue  # the place, as typed or begun ("Horn, Celle": Hornbostel)
        if lies_in_part(answer.matches, said := key.removeprefix("von ")):
            where.append(said)
            continue  # "Ortsteil von Jork" keys as "von jork"
        if not is_place(key) and all(lies_in_one_spelled_like(m, key) for m in answer.matches):
            continue  # where it lies, misspelt, which narrowed it: "Metzingen, Göhdre"
        # A numbered part is an address's street line even where its name is a
        # place elsewhere ("Horst 5, Hohenbünstorf").
        street = reads_as_a_street(part) or without_house_number(part) is not None
        if street and not is_place(key):
            continue  # the common case, checked before a whole reading of the part
        read = read_quietly(part)
        if (named_as_typed(read) or read.respelled) and any(
            same_place(m, n) or in_one_municipality(m, n) or answer_names & keys_of_whereabouts(m)
            for m in read.matches
            for n in answer.matches
        ):
            # The place itself, a place within it ("Berlin-Kreuzberg, Berlin") or
            # beside it in its municipality ("Wittfeitzen, Klein Wittfeitzen 2").
            continue
        if not street:
            (unfitting if a_place_as_typed(part, read) else unknown).append(part)
    # Of several places, those that lie where a part says: "Unfall in Hagen, Stade"
    # is the Hagen in Landkreis Stade, as "Hagen, Stade" is. Not a postcode's
    # districts: a part that contradicts the postcode may be the one mistyped.
    if where and not answer.postcodes:
        answer = of_those_lying_in(answer, where) or answer
    # What the answer itself left out stays said ("Horst" of "Buer, Horst und
    # Gelsenkirchen", a name of its list taken for a word); a small word alone
    # ("zwischen") goes unremarked, as streets do.
    kept = [part for part in answer.unknown_parts if not all(map(is_a_small_word, part.split()))]
    if kept:
        unknown = sorted(dict.fromkeys((*kept, *unknown)), key=answer.query.find)
    return replace(answer, unknown_parts=tuple(unknown), unfitting_parts=tuple(unfitting))


# Kinds of place that are whole areas: a part of an address naming one says which
# place, never where in a place (a street can be named like a village, not like these).
AREA_KINDS = frozenset({"municipality", "samtgemeinde", "district", "state"})


def address_roles(text: str) -> tuple[Callable[[Reading], bool], Callable[[Reading], bool]]:
    """Of the parts of an address, which are the addressee's name (before the
    street, in a pasted row: "Busch; Lindenweg 2; Jork-Borstel") and which the
    street: two tests on a reading, each false for a reading of no such part."""
    parts = address_fields(text)
    keys = [name_key(part) for part in parts]
    streets = [
        i
        for i, part in enumerate(parts)
        if reads_as_a_street(part) and not names_a_part_of_town(part)
    ]
    last_street = max(streets, default=-1)

    def index(reading: Reading) -> int:
        key = name_key(reading.head)
        return keys.index(key) if reading.how == "fields" and key in keys else len(keys)

    def is_addressee(reading: Reading) -> bool:
        return index(reading) < last_street

    def is_street(reading: Reading) -> bool:
        return reading.how == "fields" and reads_as_a_street(reading.head)

    return is_addressee, is_street


def only_districts_beside(text: str, reading: Reading) -> bool:
    """Whether the parts beside a reading's head that name places all name a
    district by its type word ("Gledeberg; Bahnhofstraße 48; Landkreis Lüneburg")."""
    if reading.how != "fields":
        return False
    head = name_key(reading.head)
    places = [
        part for part in address_fields(text) if name_key(part) != head and is_place(name_key(part))
    ]
    return bool(places) and all(
        KIND_OF_TYPE_WORD.get(leading_type_word(part) or "") == "district" for part in places
    )


def has_a_place_word(text: str) -> bool:
    """Whether a word of the text names a place: "Rotenburg-Neuendamm" does
    (a village named like a street), "Hauptstraße 5" does not."""
    return any(is_place(word) for word in name_key(text).split())


def reads_as_a_street(part: str) -> bool:
    """Whether a part of an address reads as a street, a house number or a word for
    a part of a town, and is no town's name as typed: Burweg and Germering are
    towns; "Am Sande" is no Sande, "Bergstraße 3" no Landkreis Bergstraße."""
    rest = without_house_number(part)
    if rest is not None and not says_where_in_a_place(rest):
        # A village with its house number ("Westercelle 7") is no street; an
        # unknown name with one is taken for one ("Rosenkamp 3").
        return not is_place(name_key(rest))
    return says_where_in_a_place(part) and not any(
        p.kind in AREA_KINDS and p.name.casefold() == part.strip().casefold()
        for p in gazetteer.places_by_key(name_key(part))
    )


# A town and a part of it in brackets after the part: "Osterjork (Jork)".
_IN_BRACKETS = compiled_when_used(r"\s*([^(),]+?)\s*\(([^(),]+)\)\s*")


def town_and_part_apart(text: str, read_quietly: Callable[[str], Resolution]) -> Resolution | None:
    """A town with a part of it the data lacks, where nothing else is found: before
    a hyphen ("Paderborn-Mönkeloh") or in brackets after it ("Osterjork (Jork)"), read
    as "Paderborn, Mönkeloh" and "Osterjork, Jork" are; never a guess, and never the
    other way round ("Zwiebelmarkt-Celle" may name a place the data lacks).

    ``read_quietly`` reads the fields as resolve() reads a query of its own."""
    if bracketed := _IN_BRACKETS.fullmatch(text):
        fields = bracketed.groups()
        unknown = fields[0]
    else:
        fields = tuple(half.strip() for half in text.split("-"))
        if len(fields) != 2 or "," in text:
            return None
        unknown = fields[1]
    # One word each, and the town a town: "Wustedt Rotenburg (Wümme)" is no Wümme.
    if any(len(name_key(f).split()) != 1 for f in fields):
        return None
    answer = read_quietly(", ".join(fields))
    if (
        not answer.matches
        or answer.fuzzy_for is not None
        or answer.unknown_parts != (unknown,)
        or answer.matches[0].kind not in ("municipality", "district")
        # and no town of the name no channel covers: "Bergen-Enkheim" is Frankfurt's
        or not all(m.channels for m in answer.matches)
    ):
        return None
    return replace(answer, query=text)


# A city's name first, then the words of a place in it.
_CITY_FIRST = compiled_when_used(r"\s*([^\W\d][\w.]*)(?:\s*-\s*|\s+)(\S.*)")


def inside_the_city_first(
    text: str, registry: Registry, read_quietly: Callable[[str], Resolution]
) -> Resolution | None:
    """The place in a city that the words after the city's name name, as Berlin
    addresses go from borough to quarter ("Berlin-Pankow-Buch", "Berlin Neukölln
    Britz"): only places that lie in it. ``read_quietly`` reads those words as
    resolve() reads a query of its own."""
    split = _CITY_FIRST.fullmatch(text)
    if not split:
        return None
    cities = {
        m.district.key
        for m in matches_named(split[1], registry)
        if m.kind == "district" and m.district.is_city
    }
    if not cities:
        return None
    inside = read_quietly(split[2])
    there = tuple(m for m in inside.matches if m.district.key in cities)
    return replace(inside, query=text, matches=there) if there else None
