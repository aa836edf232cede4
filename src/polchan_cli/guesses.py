"""Places a name may mean that it does not spell exactly, and names to offer for it.

Accepts the text of a name as typed and its key (:func:`~polchan_cli.normalize.name_key`):
:func:`places_begun` gives the places whose names it begins ("Wal": Walsrode),
:func:`places_spelled_closest` those it misspells ("Cele": Celle), or names to offer
where none is close enough; :func:`with_a_prefix_word` those it names after a Groß or
Alt ("Hehlen": Groß Hehlen); :func:`offered_beside_far_places` and
:func:`spaced_otherwise_elsewhere` the places a channel covers to offer beside an answer
that may not be the one meant (said alike, "Rothenburg": Rotenburg (Wümme); spaced
otherwise, "Großmoor": Groß Moor). Which of these a query is read as is
:mod:`polchan_cli.resolve`'s job; how close a spelling is, :mod:`polchan_cli.spelling`'s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from . import gazetteer
from .normalize import (
    leading_type_word,
    name_key,
    sound_key,
    spelling,
    typed_key,
    without_type_word,
)
from .ranking import KIND_OF_TYPE_WORD, ranked, unique
from .registry import Registry
from .resolution import MOST_OFFERED, Match, Resolution, offered, place_match
from .spelling import accepted, close_keys, spelling_score

__all__ = [
    "PREFIX_MIN",
    "close_names",
    "guessed_name",
    "offered_beside_far_places",
    "places_begun",
    "places_spelled_closest",
    "spaced_otherwise_elsewhere",
    "with_a_prefix_word",
]

PREFIX_MIN = 3
PREFIX_LIMIT = 25
# Letters from which a query is more likely a name typed out, one letter wrong,
# than a beginning typed on purpose ("Holse", not "Hol").
TYPED_OUT = 5
PREFIX_SCAN = 400  # names a beginning is looked up in before the best PREFIX_LIMIT are kept
SHORT_KEY_SCAN = 2000  # names of a two-letter key ("ul" of "Uel") its beginning is sought in


def places_begun(text: str, key: str, registry: Registry) -> Resolution | None:
    """Places whose name starts with the key, the best ``PREFIX_LIMIT`` of them, or
    None when there are none. Ranked before they are cut, so that a beginning many
    names share keeps the covered towns ("Wal": Walsrode, not only the first 25
    names in alphabetical order)."""
    if len(key) >= PREFIX_MIN:
        prefixed = gazetteer.places_by_prefix(key, PREFIX_SCAN)
    elif len(typed_key(text)) >= PREFIX_MIN and key:
        # "Uel" keys as "ul" (ue read as ü), yet its three letters begin Uelzen
        # (and Lüneburg begins "Lue"), not Ulm: the names that begin so as typed.
        begun = spelling(text)
        prefixed = [
            p
            for p in gazetteer.places_by_prefix(key, SHORT_KEY_SCAN)
            if spelling(p.name).startswith(begun)
        ]
    else:
        prefixed = []
    # A Kiez is found by its whole name or misspelt, never begun: "Crelle" is Celle
    # misspelt, "Rheingau" the Rheingau-Taunus-Kreis, "Oranienburger" Oranienburg's.
    prefixed = [p for p in prefixed if not p.is_a_kiez]
    if not prefixed:
        return None
    matches = ranked([place_match(p, "prefix", registry) for p in prefixed], text)[:PREFIX_LIMIT]
    others: tuple[str, ...] = ()
    if not any(m.channels for m in matches):
        # "Zelle" starts only "Zellertal", far from any channel, and is spelled
        # more like Celle: offer the closer names that have a channel.
        # As close counts in letters to change as well as in score: "Platte" is one
        # letter from Platten and from Plate, which scores less only for being short.
        # One letter at most: the letters a beginning has yet to reach count too.
        nearest, fewest = max(spelling_score(key, p.key) for p in prefixed)
        closer = [c for c in close_keys(key) if c[1] > nearest or c[2] <= min(-fewest, 1)]
        others = close_names(closer, covered_by=registry)
    elif len(key) >= TYPED_OUT:
        others = _one_letter_off_elsewhere(key, matches, registry)
    return Resolution(query=text, matches=matches, suggestions=others)


def _one_letter_off_elsewhere(
    key: str, begun: tuple[Match, ...], registry: Registry
) -> tuple[str, ...]:
    """Names one letter from the key whose channel none of the names it begins has:
    "Holse" begins Holsen (Kreis Paderborn) and misspells Holste (Landkreis
    Osterholz). Offered, so that neither is taken for the other."""
    channels = {c.id for m in begun for c in m.channels}
    names: list[str] = []
    for candidate in close_keys(key):
        if candidate[2] != 1 or not accepted(candidate):
            continue
        for p in gazetteer.places_by_key(candidate[0]):
            covering = {c.id for c in registry.covering(p.district, p.municipality)}
            if p.match == "exact" and covering and not covering & channels:
                names.append(p.name)
    return offered(names)


def guessed_name(matches: Iterable[Match]) -> str | None:
    """The name a guess is shown as: the first place that is not a district, or
    is a city (a kreisfreie Stadt is listed as its district)."""
    matches = list(matches)
    named = [m.name for m in matches if m.kind != "district" or m.district.is_city] or [
        m.name for m in matches
    ]
    return named[0] if named else None


def places_spelled_closest(
    text: str,
    key: str,
    registry: Registry,
    candidates: list[tuple[str, float, int]] | None = None,
) -> Resolution:
    """The places spelled closest to the key, or suggestions when none is close enough."""
    from rapidfuzz import fuzz

    if candidates is None:
        candidates = close_keys(key, typed_key(text))
    if not candidates:
        return Resolution(query=text)
    best = candidates[0][1]
    if accepted(candidates[0]):
        kept = {
            k: (score, gazetteer.places_by_key(k))
            for k, score, edits in candidates
            if score >= best - 3 and accepted((k, score, edits))
        }
        # Keys tie often ("muchen" is one letter from "munchen" and "mucheln"); the
        # spelling before folding breaks the tie: "Müchen" was meant as "München".
        # Then a district's name, before a place's, before only a former name:
        # "Uelen" is Uelzen before the village Uelsen, "Belrin" Berlin before
        # Bellin, a former name near Rostock. A type word is no letter of a name:
        # "Landkreis Hanndorf" is Handorf as "Hanndorf" is, not Danndorf, and
        # "Landkreis Veöden" Landkreis Verden, not Velden.
        typed = without_type_word(text).casefold()
        # A district, where a type word names one, comes first: "Landkreis Weesl" is
        # Kreis Wesel. ("Stadt" or "Gemeinde" before a misspelt village sways nothing.)
        type_word = leading_type_word(text)
        district_named = KIND_OF_TYPE_WORD.get(type_word or "") == "district"

        def closeness(k: str) -> tuple[float, bool, float, bool, int]:
            score, places = kept[k]
            kinds = {p.kind for p in places}
            return (
                score,
                district_named and "district" in kinds,
                max(fuzz.ratio(typed, without_type_word(p.name).casefold()) for p in places),
                # then a name with the type word typed: "Landkreis Haaburg" is
                # Landkreis Harburg before Hamburg
                type_word is not None
                and any(leading_type_word(p.name) == type_word for p in places),
                ("district" in kinds) - (kinds == {"former_name"}),
            )

        # Closest name first; within one name the usual order (kind named, channel).
        groups = [
            ranked([place_match(p, "fuzzy", registry) for p in kept[k][1]], text)
            for k in sorted(kept, key=closeness, reverse=True)
        ]
        matches = unique(m for group in groups for m in group)
        guess = Resolution(query=text, matches=matches, fuzzy_for=guessed_name(matches))
        if guess.status == "no_channel":
            # The query reads as a place no channel covers; a further guess that one
            # does is asked about by name, not answered: "Seigen" is Seifen
            # (Westerwald), or did you mean Siegen?
            named = guess.named()
            covered = (m.name for m in matches if m.channels and m not in named)
            guess = replace(guess, suggestions=offered(covered))
        return guess
    return Resolution(query=text, suggestions=close_names(candidates[:MOST_OFFERED]))


def with_a_prefix_word(key: str, registry: Registry) -> list[Match]:
    """Places named the key after a word like Groß or Alt ("Groß Hehlen" for
    "hehlen"), as ``variant`` matches."""
    return [
        place_match(p, "variant", registry)
        for k in gazetteer.keys_after(gazetteer.PREFIX_WORDS).get(key, ())
        for p in gazetteer.places_by_key(k)
        if p.match == "exact"
    ]


def _keys_spaced_otherwise(key: str) -> list[str]:
    """The key with its Groß, Klein, Alt, Neu … written apart, or joined: people
    write "Großmoor" for Groß Moor and "Groß Heide" for Großheide."""
    words = key.split()
    if len(words) >= 2 and words[0] in gazetteer.PREFIX_WORDS:
        return [words[0] + " ".join(words[1:])]
    if len(words) == 1:
        return [
            f"{word} {key[len(word) :]}"
            for word in gazetteer.PREFIX_WORDS
            if key.startswith(word) and len(key) - len(word) >= 3
        ]
    return []


def _spaced_otherwise(text: str, matches: list[Match], registry: Registry) -> list[Match]:
    """Places named as the text with its Groß, Klein … written apart or joined, as
    ``variant`` matches, beside those already found."""
    found = {(m.name, m.district.key) for m in matches}
    return [
        m
        for k in _keys_spaced_otherwise(name_key(text))
        for p in gazetteer.places_by_key(k)
        if p.match == "exact"
        and ((m := place_match(p, "variant", registry)).name, m.district.key) not in found
    ]


def spaced_otherwise_elsewhere(
    text: str, matches: list[Match], registry: Registry
) -> tuple[str, ...]:
    """Places with another channel named as the text with its Groß, Klein … written
    apart or joined, to offer: "Großmoor" is Großmoor (Celle), and how Groß Moor
    (Landkreis Harburg) is typed. Offered, not listed, so that ``open`` opens the
    place named as typed."""
    channels = {c.id for m in matches for c in m.channels}
    return tuple(
        dict.fromkeys(
            m.name
            for m in _spaced_otherwise(text, matches, registry)
            if {c.id for c in m.channels} - channels
        )
    )


def offered_beside_far_places(
    text: str, matches: list[Match], registry: Registry
) -> tuple[str, ...]:
    """What to offer beside matches no channel covers: places with a channel
    said alike (see _said_alike) or named so after Groß, Klein, Alt, Neu …
    ("Hehlen", a town near Holzminden: Groß Hehlen and Klein Hehlen, Celle)."""
    if any(m.channels for m in matches):
        return ()
    alike = () if _a_town_of_the_name(matches) else _said_alike(text, registry)
    prefixed = [m.name for m in with_a_prefix_word(name_key(text), registry) if m.channels]
    spaced = [m.name for m in _spaced_otherwise(text, matches, registry) if m.channels]
    return offered([*alike, *prefixed, *spaced])


def _a_town_of_the_name(matches: list[Match]) -> bool:
    """Whether a town or district has the name as typed: "Bocholt", a town of its
    own, is meant so; "Rothenburg" (a village near Halle; the towns add a
    qualifier) may be a misspelt Rotenburg."""
    return any(m.match == "exact" and m.kind in ("municipality", "district") for m in matches)


def _said_alike(text: str, registry: Registry) -> tuple[str, ...]:
    """Places with a channel whose names sound like the text but are spelled
    otherwise: "Rothenburg", three towns far from any channel, is also how people
    misspell Rotenburg (Wümme)."""
    key = name_key(text)
    alike = [
        place_match(p, "fuzzy", registry)
        for candidate in gazetteer.keys_said(sound_key(key))
        if candidate != key
        for p in gazetteer.places_by_key(candidate)
    ]
    names = (m.name for m in ranked([m for m in alike if m.channels], text))
    return tuple(dict.fromkeys(names))[:3]


def close_names(
    candidates: list[tuple[str, float, int]], covered_by: Registry | None = None
) -> tuple[str, ...]:
    """Up to five names for the keys; with ``covered_by``, only places it has a channel for."""
    names: list[str] = []
    for k, _, _ in candidates:
        for p in gazetteer.places_by_key(k):
            if p.match != "exact" or p.name in names:
                continue
            if covered_by is None or covered_by.covering(p.district, p.municipality):
                names.append(p.name)
    return tuple(names[:MOST_OFFERED])
