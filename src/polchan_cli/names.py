"""The channels and places a name is, as typed, and which of them its type word means.

Accepts the text of a name as typed (``Celle``, ``Landkreis Harburg``, ``Bayern``):
:func:`matches_named` gives the channels and places whose name, or name without its
qualifier, it is; for a state that is no city (:func:`a_city_state`: Berlin, Hamburg
and Bremen are cities too), that state's channels, and for the country, every channel.
:func:`full_name_first` and :func:`where_the_type_word_asks` keep of those the ones a
leading type word means ("Landkreis Harburg" is no Harburg (Schwaben), "Kreis Lippe" no
village Lippe), :func:`only_a_state_or_country` says whether a name only says where
the places beside it lie, and :func:`named_in_roman` gives the places a closing number
names in Roman numerals ("Hanstedt 2": Hanstedt II). No guesses here: a name begun or
misspelt is :mod:`polchan_cli.guesses`' job. No Typer or Rich.
"""

from __future__ import annotations

from . import gazetteer
from .normalize import leading_type_word, name_key, spelling, without_type_word
from .query import numbered_in_roman
from .ranking import KIND_OF_TYPE_WORD, asked_for, spellings
from .registry import Registry
from .resolution import (
    Match,
    channel_match,
    channel_matches,
    country_match,
    place_match,
    state_match,
)
from .whereabouts import COUNTRY_KEYS, states

__all__ = [
    "a_city_state",
    "full_name_first",
    "matches_named",
    "named_in_roman",
    "only_a_state_or_country",
    "where_the_type_word_asks",
]

# Places named like their state that are meant before it: the city-states.
_CITY_KINDS = ("district", "municipality")


def only_a_state_or_country(key: str) -> bool:
    """Whether the key names a state that is no city (Niedersachsen, Brandenburg)
    or the country, which beside places says where they lie."""
    return key in COUNTRY_KEYS or (key in states() and not a_city_state(key))


def a_city_state(key: str) -> bool:
    """Whether the key names a state that is a city of its name too (Berlin,
    Hamburg, Bremen), not one a town is only named after (Brandenburg)."""
    return key in states() and any(
        p.match == "exact" and p.kind in _CITY_KINDS for p in gazetteer.places_by_key(key)
    )


def matches_named(text: str, registry: Registry) -> list[Match]:
    """Channels and places whose name (or name without qualifier) is the text."""
    key = name_key(text)
    matches = channel_matches(key, registry, by_name=True)
    places = gazetteer.places_by_key(key)
    if not places and not matches:
        matches = channel_matches(key, registry, by_name=False)
    state = states().get(key)
    # A state, unless a city of its name is meant (Berlin, Hamburg, Bremen): its
    # channels, or the state itself to say that none covers it ("Bayern",
    # "Hessen" before the village Hessen in Sachsen-Anhalt).
    if state and not a_city_state(key):
        in_state = [c for c in registry.channels if c.state == state]
        matches += [channel_match(c, "exact") for c in in_state] or [state_match(state)]
    if key in COUNTRY_KEYS and not places:
        # "Deutschland": every channel, as a state gives its own, or the country
        # itself where the user's registry disables them all, to say so.
        matches += [channel_match(c, "exact") for c in registry.channels] or [country_match()]
    return matches + [place_match(p, p.match, registry) for p in places]


def full_name_first(matches: list[Match], typed: str) -> list[Match]:
    """Without names elsewhere that lost a qualifier, when one is typed in full.

    "Landkreis Harburg" and "Amt Neuhaus" are those places' whole names, type word
    and all, so Harburg (Schwaben) and Neuhaus am Inn, found only once the type
    word and their own qualifier are dropped, are no answer. Places of the bare
    name stay, and so do those in the same district (Verden (Aller) beside
    Landkreis Verden). A type word counts by the kind it names: "Lk. Harburg" and
    "Kreis Harburg" are Landkreis Harburg too.
    """
    type_word = leading_type_word(typed)
    if type_word is None:
        return matches
    kind = KIND_OF_TYPE_WORD.get(type_word, type_word)  # "amt" names no kind: itself
    named = {
        m.district.key
        for m in matches
        if m.match == "exact"
        and (own := leading_type_word(m.name)) is not None
        and KIND_OF_TYPE_WORD.get(own, own) == kind
    }
    if named:
        return [m for m in matches if m.match != "variant" or m.district.key in named]
    return matches


def where_the_type_word_asks(matches: list[Match], typed: str) -> list[Match]:
    """Only the places in the districts of those a leading type word for a district
    or a town asks for (:func:`~polchan_cli.ranking.asked_for`), where it asks for
    any: "Kreis Lippe" is Kreis Lippe, which no channel covers, not also the village
    Lippe in Siegen-Wittgenstein, whose channel would answer for it; "Stadt Hagen"
    the city and the municipalities named Hagen, not the villages. "Landkreis
    Celle" keeps the town Celle, which lies in it."""
    if KIND_OF_TYPE_WORD.get(leading_type_word(typed) or "") not in ("district", "municipality"):
        return matches
    # Only one spelled as typed, with or without its qualifier ("Stadt Buchholz":
    # Buchholz in der Nordheide): "Neuenkirchen, Landkreis", which keys as
    # "neunkirchen", asks for no Landkreis Neunkirchen.
    name = spelling(without_type_word(typed))
    districts = {m.district.key for m in asked_for(matches, typed) if name in spellings(m.name)}
    return [m for m in matches if m.district.key in districts] if districts else matches


def named_in_roman(text: str, registry: Registry) -> list[Match]:
    """Places named as the text with its closing number in Roman numerals:
    Hanstedt II for "Hanstedt 2". Only those whose name ends in the numeral, as
    "I" alone is a filler word in keys ("Hanstedt I" keys as Hanstedt)."""
    numbered = numbered_in_roman(text)
    if numbered is None:
        return []
    numeral = numbered.rsplit(None, 1)[1]
    return [m for m in matches_named(numbered, registry) if m.name.rsplit(None, 1)[-1] == numeral]
