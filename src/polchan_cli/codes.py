"""Codes typed for a place or beside it: a press office's code, a plate code, a postcode.

Accepts the text of a query with the code found in it, and readers of the rest handed
in by :mod:`polchan_cli.resolve`: :func:`by_press_code` gives the channels of the office
whose press releases carry the code ("POL-LG: Uelzen - Unfall"),
:func:`with_plate_code_read` a place with its district's licence-plate code ("Bostel
(HK)"), :func:`with_short_postcode` a town after a postcode a spreadsheet cut to four
digits ("1067 Dresden"), and :func:`with_place_beside_postcodes` the place an address
names beside its postcodes ("21423 Celle"). Which codes there are is
:mod:`polchan_cli.press_codes`' and :mod:`polchan_cli.plates`' job; where they stand in
a text, :mod:`polchan_cli.query`'s. No Typer or Rich here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from . import gazetteer, plates, press_codes
from .normalize import name_key, without_qualifier
from .qualifiers import names_a_place_or_qualifies
from .query import QueryError, plate_codes_in, without_postcodes
from .registry import Registry
from .resolution import Match, Resolution, channel_matches, district_match, named_as_typed, offered
from .whereabouts import COUNTRY_KEYS, in_one_municipality

__all__ = [
    "by_press_code",
    "with_place_beside_postcodes",
    "with_plate_code_read",
    "with_short_postcode",
]


def by_press_code(
    text: str,
    code: str,
    rest: str,
    registry: Registry,
    read: Callable[[str], Resolution],
    read_quietly: Callable[[str], Resolution],
) -> Resolution:
    """The channels of the office whose press releases carry the code.

    The place a headline names after the code narrows them, where it lies in
    their area ("POL-LG: Uelzen - Unfall" is Polizei Uelzen of the three); a
    place outside it is shown after them ("POL-LG: Celle"). An unknown code
    leaves the rest to answer, else suggests the known codes.

    ``rest`` is the text after the code; ``read`` reads it as resolve() reads a
    query, raising QueryError where it is none, ``read_quietly`` with no answer
    instead.
    """
    agency = press_codes.agency_of(code)
    if agency is None:
        if name_key(rest):
            return replace(read(rest), query=text)
        from difflib import get_close_matches

        closest = get_close_matches(code, press_codes.known_codes(), n=5, cutoff=0)
        return Resolution(query=text, suggestions=tuple(closest))
    channels = channel_matches(name_key(agency), registry, by_name=True)
    ids = {c.id for m in channels for c in m.channels}
    # Its channels disabled in the user's registry, the office still has an area.
    office = Registry(tuple(c for c in registry.disabled if name_key(c.agency) == name_key(agency)))
    narrowed = read_quietly(rest) if name_key(rest) else None
    if narrowed and narrowed.fuzzy_for is None:
        inside = tuple(
            m
            for m in narrowed.matches
            if (m.channels and {c.id for c in m.channels} <= ids)
            or (not m.channels and office.covering(m.district.key, m.municipality or m.name))
        )
        if inside and narrowed.places_named:
            # A list of places, one in the area at least: each is answered, as
            # without the code ("POL-LG: Uelzen und Celle" gave Uelzen alone).
            return replace(narrowed, query=text)
        if inside:
            # The headline after the place is named as left out, as without a code.
            return Resolution(
                query=text,
                matches=inside,
                unknown_parts=narrowed.unknown_parts,
                unfitting_parts=narrowed.unfitting_parts,
            )
        # A place outside the office's area ("POL-LG: Celle"): shown after the
        # office's channels, with its own or none ("POL-MS: Greven", Kreis
        # Steinfurt), so that neither is taken for the other.
        elsewhere = tuple(m for m in narrowed.matches if m.match in ("exact", "variant"))
        # The office reports from its own state: of namesakes, those there.
        states = {c.state for m in channels for c in m.channels}
        elsewhere = tuple(m for m in elsewhere if m.state in states) or elsewhere
        return Resolution(
            query=text,
            matches=(*channels, *elsewhere),
            outside_area_of=f"{code.upper()} ({agency})" if elsewhere else None,
            unknown_parts=narrowed.unknown_parts,
            unfitting_parts=narrowed.unfitting_parts,
        )
    if not channels and office.channels:
        # The office's channels are disabled in the user's registry: its districts
        # say that no channel covers them.
        districts = dict.fromkeys(d for c in office.channels for d in c.districts)
        return Resolution(
            query=text,
            matches=tuple(
                district_match(district, registry)
                for key in districts
                if (district := gazetteer.district(key))
            ),
        )
    if not channels:
        # No channel of the office in force nor disabled (a user's registry changed
        # its agency): the office's own place, as "PI Celle" finds it.
        return replace(read_quietly(agency), query=text)
    return Resolution(query=text, matches=tuple(channels))


def with_short_postcode(
    text: str, number: str, rest: str, read_quietly: Callable[[str], Resolution]
) -> Resolution:
    """A town after four digits that are its postcode with the leading 0 a
    spreadsheet dropped ("1067 Dresden" is 01067 Dresden). Any other four digits
    are no German postcode: Austria and Switzerland write theirs so ("1010 Wien",
    "5400 Baden"), and their towns are not to be given a German namesake's
    channel. Nothing is found for them, the town only offered. ``number`` is the
    four digits, ``rest`` the text after them; ``read_quietly`` reads a text as
    resolve() reads a query of its own, with no answer where it is none."""
    padded = read_quietly(f"0{number} {rest}")
    alone = read_quietly(rest)
    postcodes = [m for m in padded.matches if m.kind == "postcode"]
    if any(in_one_municipality(m, pc) for m in alone.named() for pc in postcodes):
        return replace(padded, query=text)
    names = [m.name for m in alone.named()] + list(alone.suggestions)
    return Resolution(query=text, suggestions=offered(names))


def with_plate_code_read(text: str, read_quietly: Callable[[str], Resolution]) -> Resolution | None:
    """The text with a licence-plate code read as its district, where that names
    a place there as typed, with nothing left over: "Bostel (HK)" is Bostel in the
    Heidekreis, as "Bostel (Heidekreis)" is, not Bostel in Celle; "Hagen, STD" is
    the Hagen in Landkreis Stade; "Kreis ROW" is Landkreis Rotenburg (Wümme). Only
    the places of the code's districts that the rest of the text names: "Helpsen,
    CE" is no Landkreis Celle, though "Helpsen, Landkreis Celle" names it. A code
    that is a place's name or a qualifier ("Halle (S)" is no Stuttgart's) reads as
    before; so does one whose district holds no place of the name ("Celle (HK)",
    "Hagen (MS)"). Only the first code: the reading of the text with its district
    reads the next ("Bostel (HK) (CE)"), as trying each at each step would take
    time growing with their factorial. Else None. ``read_quietly`` reads the text
    with the district's name as resolve() reads a query of its own, with no answer
    where it is none."""
    candidates = plate_codes_in(text)
    first_code = candidates[0][1] if candidates else None
    for before, code, after in candidates:
        if code != first_code:
            break
        key = name_key(code)
        keys = plates.districts_of(code)
        if not keys or names_a_place_or_qualifies(key) or key in COUNTRY_KEYS:
            continue  # "DE" is Germany, not Dessau-Roßlau
        # What the rest of the text names: the places found must be of those names,
        # unless the code was all of it ("Kreis ROW").
        rest = f" {name_key(before + ' ' + after)} "
        answers = []
        for district_key in keys:
            district = gazetteer.district(district_key)
            if district is None:
                continue
            answer = read_quietly(before + district.name + after)
            if named_as_typed(answer) and not (answer.unknown_parts or answer.unfitting_parts):
                answers.append((district_key, answer))
        found = [
            m
            for k, answer in answers
            for m in answer.matches
            if _lies_in(m, k)
            and m.match != "fuzzy"
            and (not rest.strip() or f" {name_key(without_qualifier(m.name))} " in rest)
        ]
        if found:
            return replace(answers[0][1], query=text, matches=tuple(dict.fromkeys(found)))
    return None


def _lies_in(m: Match, district_key: str) -> bool:
    """Whether the match lies in the district, or, a channel, covers some of it."""
    return district_key in {d.key for d in m.districts}


def with_place_beside_postcodes(
    text: str, by_postcode: tuple[Match, ...], read: Callable[[str], Resolution]
) -> tuple[Match, ...]:
    """The postcodes' matches, with the place an address names beside them.

    An unknown postcode leaves the name to answer ("Am Markt 1, 21399 Lüneburg").
    A name that lies in one district, none of the postcode's, is shown beside it,
    so that a mistyped postcode cannot silently give another district's channel
    ("21423 Celle"). A name in some of a shared postcode's districts says which:
    "29640 Undeloh" is Landkreis Harburg, not also Schneverdingen's Heidekreis, so
    that ``open`` has one channel to open. Only names as typed count, never guesses.

    ``by_postcode`` is what the text's postcodes found; ``read`` reads the text
    without them as resolve() reads a query, raising QueryError where it is none.
    """
    rest = without_postcodes(text)
    if not name_key(rest):
        return by_postcode
    try:
        beside = read(rest)
    except QueryError:
        return by_postcode
    named = tuple(m for m in beside.matches if m.match in ("exact", "variant"))
    if not by_postcode:
        return named
    districts = {m.district.key for m in named}
    if len(districts) == 1 and not districts & {m.district.key for m in by_postcode}:
        return by_postcode + named
    if beside.unfitting_parts:
        # "Landkreis Harburg, 29640 Schneverdingen": the parts contradict each other;
        # every district of the postcode stays, the one named first.
        return tuple(sorted(by_postcode, key=lambda m: m.district.key not in districts))
    # Of each postcode, the part that is the town the name is or lies in ("18059
    # Rostock": the city, not also Landkreis Rostock, which the name reads as too),
    # else its part in the name's districts, else all of it, as a postcode the name
    # says nothing of may still be meant ("21423 29221 Celle": 29221 narrowed to
    # Celle, 21423 kept whole). The town's own postcodes first.
    towns = {name_key(m.municipality or m.name) for m in named if m.kind != "district"}
    towns |= {name_key(m.name) for m in named if m.kind == "district" and m.district.is_city}

    def in_town(m: Match) -> bool:
        return bool(towns & {name_key(t) for t in m.towns})

    by_code: dict[str, list[Match]] = {}
    for m in by_postcode:
        by_code.setdefault(m.name, []).append(m)
    kept = [
        m
        for areas in by_code.values()
        for m in (
            [m for m in areas if in_town(m)]
            or [m for m in areas if m.district.key in districts]
            or areas
        )
    ]
    return tuple(sorted(kept, key=lambda m: (not in_town(m), m.district.key not in districts)))
