"""A name's qualifier: a river, region, land or town after it, in brackets or without them.

Accepts the text of a query and a reading of it (:class:`~polchan_cli.query.Reading`)
with the places its head names: :func:`river_bracketed` writes a closing river or land
in brackets ("Munster Örtze" -> "Munster (Örtze)"), :func:`only_a_river` says whether a
bracketed word only qualifies the name before it ("Stade (Elbe)"); of an answer,
:func:`nearest_those_so_qualified` puts first the namesakes that lie where the qualifier
says ("Lichtenau (Baden)"), :func:`unknown_qualifier`, :func:`land_none_lies_in` and
:func:`far_town_in_brackets` name a qualifier no place found bears out, and
:func:`a_covered_town_in_brackets` reads a covered town in brackets as where a place the
data lacks lies ("Lindenhof (Adendorf)"). No Typer or Rich here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from . import gazetteer
from .names import matches_named
from .normalize import geographic_qualifier_key, leading_type_word, name_key
from .query import Reading, address_fields
from .ranking import is_a_municipality_or_city
from .registry import Registry
from .resolution import Match, Resolution, place_match
from .whereabouts import far_apart, is_place, lies_in_land, lies_in_part, names_a_land, states

__all__ = [
    "a_covered_town_in_brackets",
    "far_town_in_brackets",
    "land_none_lies_in",
    "names_a_place_or_qualifies",
    "nearest_those_so_qualified",
    "only_a_river",
    "river_bracketed",
    "unknown_qualifier",
]


def river_bracketed(text: str, registry: Registry) -> str | None:
    """The text with its last word in brackets, where that word is a river,
    region or state names are qualified by, or a land (see ``names_a_land``), the
    words before it name a place and it names no place lying there: "Munster
    Örtze" -> "Munster (Örtze)", "Lichtenau Baden" -> "Lichtenau (Baden)", not
    "Achim Baden" (Baden is a village of Achim); a land after a comma too, as an
    address writes it: "Wedel, Holstein" -> "Wedel (Holstein)"; else None."""
    head, _, last = text.rpartition(" ")
    fields = address_fields(text)
    if len(fields) == 2 and names_a_land(name_key(fields[1])):
        head, last = fields
    elif len(fields) > 1:
        return None
    if not head[-1:].isalnum() or any(c in text for c in "()/"):
        return None
    land = names_a_land(name_key(last))
    if not (land or name_key(last) in gazetteer.qualifier_keys()) or not is_place(name_key(head)):
        return None
    if land and not any(lies_in_land(m, name_key(last)) for m in matches_named(head, registry)):
        return None  # "Dalheim Baden": no Dalheim lies in Baden
    if name_key(last) in states() or (
        not land and any(m.channels for m in matches_named(last, registry))
    ):
        return None  # "Celle Bayern" says where; "Bleckede Göhrde" names a second town
    reading = Reading(f"({last})", frozenset({name_key(head)}), "words")
    return f"{head} ({last})" if only_a_river(reading, registry) else None


def only_a_river(reading: Reading, registry: Registry) -> bool:
    """Whether the reading's head is a bracketed river, region or state that names
    are qualified by and no place lying where the rest says: "(Elbe)" after Stade,
    not "(Baden)" after Achim, whose village it is."""
    head = reading.head
    if not (head.startswith("(") and name_key(head) in gazetteer.qualifier_keys()):
        return False
    return not any(lies_in_part(matches_named(head, registry), key) for key in reading.context)


def nearest_those_so_qualified(
    matches: tuple[Match, ...], reading: Reading, registry: Registry
) -> tuple[Match, ...]:
    """Namesakes, none with the qualifier typed, with those that lie where it says
    first, where the first does not: in the land it names ("Lichtenau (Baden)" is
    the one in Baden-Württemberg, "Freudenberg (Oberpfalz)" the one in the
    Oberpfalz, not those in Kreis Paderborn and Siegen-Wittgenstein), or near the
    places whose names have it, where the river or region runs ("Münster am Lech"
    is the Münster by Rain (Lech) and Landsberg am Lech, not the city in
    Westfalen; "Burbach (Eifel)" the one near Kerpen (Eifel)); else as ranked."""
    if len(matches) < 2 or len(reading.context) != 1:
        return matches
    (qualifier,) = reading.context
    if names_a_land(qualifier):
        # In the land, and not named for another land in it ("Biberach
        # (Württemberg)" is no Biberach (Baden)).
        there = [
            m
            for m in matches
            if lies_in_land(m, qualifier) and not _named_for_another_land(m, qualifier)
        ]
        return (*there, *(m for m in matches if m not in there))
    bearers = [
        place_match(p, "exact", registry)
        for head in gazetteer.heads_qualified_by(qualifier)
        for p in gazetteer.places_by_key(f"{head} {qualifier}")
    ]
    if not bearers or not far_apart(matches[:1], bearers):
        return matches
    # A river's few names in the data need not lie where the namesake meant does
    # ("Hagen (Weser)": only names near Nienburg have "(Weser)"): never a channel
    # on such evidence, only a namesake none covers before the one first.
    near = [m for m in matches if not far_apart([m], bearers) and not m.channels]
    return (*near, *(m for m in matches if m not in near))


def _named_for_another_land(m: Match, land: str) -> bool:
    """Whether the match's name has a land's qualifier other than ``land``."""
    own = geographic_qualifier_key(m.name)
    return own is not None and own != land and names_a_land(own)


def land_none_lies_in(text: str, reading: Reading, found: list[Match]) -> tuple[str, ...]:
    """The land in brackets after the name, where none of the places found lies in
    it: "Bergen (Vorpommern)" finds no Bergen there, so Celle's is no answer the
    qualifier bears out; else nothing."""
    bracketed = _in_brackets_after(reading.head, text)
    key = name_key(bracketed or "")
    if not bracketed or not names_a_land(key) or any(lies_in_land(m, key) for m in found):
        return ()
    return (bracketed,)


def a_covered_town_in_brackets(
    text: str, reading: Reading, found: list[Match], read_quietly: Callable[[str], Resolution]
) -> Resolution | None:
    """The text read as an address's fields, "Lindenhof, Adendorf", where the
    places the head names are villages or quarters with no channel that do not lie
    in the covered place the brackets name: "Lindenhof (Adendorf)" is a part of
    Adendorf the data lacks, not Bremen's Lindenhof, as "Osterjork (Jork)" is a
    street in Jork. ``found`` is what the reading's head names; ``read_quietly``
    reads the fields as resolve() reads a query of its own, with no answer where
    they are none."""
    bracketed = _in_brackets_after(reading.head, text, ending=True)
    # a town typed first stays: "Bremen (Celle)" is Bremen
    if not bracketed or any(m.channels or m.kind != "locality" for m in found):
        return None
    if lies_in_part(found, name_key(bracketed)):
        return None
    fields = read_quietly(f"{reading.head}, {bracketed}")
    if not any(m.channels for m in fields.matches):
        return None
    return replace(fields, query=text)


def unknown_qualifier(text: str, reading: Reading) -> tuple[str, ...]:
    """The qualifier after the name, where no name in the data has it and it names
    no place or state ("Brake (Unterweser)": the Brake found may be another), to
    be said to be left out; else nothing ("Munster (Örtze)": Müden (Örtze) has it)."""
    bracketed = _in_brackets_after(reading.head, text)
    if bracketed is None:
        return ()  # "Breese in der Marsch" misspelt is no qualifier of another place
    key = name_key(bracketed)
    if not key or names_a_place_or_qualifies(key):
        return ()
    return (bracketed,)


def names_a_place_or_qualifies(key: str) -> bool:
    """Whether the key is a qualifier the data's names have ("Örtze"), or names a
    place, a state or a land in one ("Mittelfranken")."""
    return (
        key in gazetteer.qualifier_keys() or is_place(key) or key in states() or names_a_land(key)
    )


def _in_brackets_after(head: str, text: str, *, ending: bool = False) -> str | None:
    """The words in brackets right after ``head`` at the start of the text, stripped
    ("Brake (Unterweser)": "Unterweser"); with ``ending``, only where they end it."""
    if not text.startswith(head):
        return None
    found = re.match(r"\s*\(([^()]+)\)" + (r"\s*$" if ending else ""), text[len(head) :])
    return found[1].strip() if found else None


def far_town_in_brackets(
    text: str, reading: Reading, found: list[Match], registry: Registry
) -> tuple[str, ...]:
    """The town named in brackets after the reading's place, to be said not to
    fit, where it lies far (more than ``NEAR_KM``) from every covered place found
    and no channel reaches it: "Haaren (Aachen)" may be a quarter of Aachen the
    data lacks rather than the Haaren in Kreis Paderborn, 250 km away, whose
    channel is shown. The place found stays the answer: a far town's name in
    brackets is as often a river or region named like it ("Hermannsburg (Heide)",
    "Köpenick (Dahme)"). A near town ("Meckelfeld (Hamburg)"), a district, a town
    a channel covers a namesake of, or a river or region the data qualifies names
    by ("Hoopte (Elbe)") is not remarked. Else empty."""
    bracketed = _in_brackets_after(reading.head, text, ending=True)
    covered = [m for m in found if m.channels]
    if not bracketed or not covered:
        return ()
    key = name_key(bracketed)
    if leading_type_word(bracketed) or key in gazetteer.qualifier_keys():
        return ()
    named = [place_match(p, p.match, registry) for p in gazetteer.places_by_key(key)]
    towns = [m for m in named if m.match == "exact" and is_a_municipality_or_city(m)]
    if (
        not towns
        or any(m.channels for m in named)
        or lies_in_part(found, key)
        or not far_apart(covered, towns)
    ):
        return ()
    return (bracketed,)
