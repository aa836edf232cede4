"""Order the places that answer a query, best first, each once.

Accepts :class:`~polchan_cli.resolution.Match` objects (duck-typed: kind, name,
match, district, municipality, samtgemeinde, members, channels) and the text they answer.
:func:`unique` keeps each place once, at its best tier; :func:`towns_first` puts a
bare name's towns before its villages elsewhere, channel or not; :func:`ranked`
orders them:

- a name as typed or without its qualifier or "Bad" (one tier: ``Winsen`` is what
  people call Winsen (Luhe)), then names the text begins, then guesses;
- within a tier: the kind the text names (``Stadt Celle`` puts the town before the
  Landkreis, ``Landkreis Celle`` the other way round); names spelled as typed
  (``Munster`` before ``Münster``); a city of the bare name (``Hagen``: the city before
  the villages); places covered by a channel (``Harburg``: the Landkreis before
  Hamburg's Harburg); the place named as typed (bare ``Celle``: the town, not
  ``Landkreis Celle``); the larger kind (``Dannenberg``: the town Dannenberg (Elbe)
  before villages named just so), a municipality on its own before one of a
  Samtgemeinde (``Buchholz``: Buchholz in der Nordheide before Buchholz (Aller)),
  and a city's quarter before a village (``Lichtenberg``: Berlin's first), a
  city-state's before another city's; exact names before variants; a region's
  districts by how much of it they hold; channels in the order the text names their
  areas (``PI Lüneburg``: Polizei Lüneburg first of its three);
- and, unless the text asks for an Ortsteil, without the village a municipality
  beside it is named after (the Ortsteil Gartow beside the municipality Gartow);
  nor with a former name found without its qualifier beside the municipality it
  is now (``Rotenburg``: not "Rotenburg in Hannover" beside Rotenburg (Wümme)).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .normalize import (
    leading_type_word,
    name_key,
    spelling,
    without_qualifier,
    without_type_word,
)

if TYPE_CHECKING:
    from .resolution import Match

__all__ = [
    "KIND_OF_TYPE_WORD",
    "asked_for",
    "is_a_village",
    "ranked",
    "spellings",
    "towns_first",
    "unique",
]

_TIERS = {"exact": 0, "variant": 1, "prefix": 2, "fuzzy": 3}
_KIND_ORDER = {
    "postcode": 0,
    "channel": 0,
    "state": 0,
    "country": 0,
    "district": 1,
    "municipality": 2,
    "samtgemeinde": 3,
    "locality": 4,
    "former_name": 5,
    "region": 6,
}
# What a leading type word says the user means. "Amt" is left out: it is part of
# the municipality name "Amt Neuhaus", not a kind.
KIND_OF_TYPE_WORD = {
    "landkreis": "district",
    "lk": "district",
    "lkr": "district",
    "landkr": "district",
    "kreis": "district",
    "kr": "district",
    "region": "district",
    "stadteregion": "district",
    "regionalverband": "district",
    "stadt": "municipality",
    "hansestadt": "municipality",
    "landeshauptstadt": "municipality",
    "kreisstadt": "municipality",
    "kreisfreie": "municipality",
    "bundesstadt": "municipality",
    "universitatsstadt": "municipality",
    "gemeinde": "municipality",
    "gem": "municipality",
    "gde": "municipality",
    "gmd": "municipality",
    "einheitsgemeinde": "municipality",
    "mitgliedsgemeinde": "municipality",
    "stadtgemeinde": "municipality",
    "flecken": "municipality",
    "klosterflecken": "municipality",
    "kreisverwaltung": "district",
    "stadtverwaltung": "municipality",
    "gemeindeverwaltung": "municipality",
    "samtgemeindeverwaltung": "samtgemeinde",
    "samtgemeinde": "samtgemeinde",
    "samtgem": "samtgemeinde",
    "sg": "samtgemeinde",
    "ortsteil": "locality",
    "ot": "locality",
    "ortschaft": "locality",
    "stadtteil": "locality",
    # Berlin's boroughs and Münster's Stadtbezirke are kept as localities.
    "bezirk": "locality",
    "bezirksamt": "locality",
    "gemarkung": "locality",
    "stadtbezirk": "locality",
}


def unique(matches: Iterable[Match]) -> tuple[Match, ...]:
    """Each place once, where it first appears, as its best-tier match."""
    unique: dict[tuple[str, str, str, str | None], Match] = {}
    for m in matches:
        ident = (m.kind, m.name, m.district.key, m.municipality)
        if ident not in unique or _TIERS[m.match] < _TIERS[unique[ident].match]:
            unique[ident] = m
    return tuple(unique.values())


def _without_other_names_of_listed_towns(
    matches: tuple[Match, ...], villages_asked_for: bool
) -> tuple[Match, ...]:
    """Without what only names again a municipality listed beside it.

    - The village it is named after, unless the query asks for an Ortsteil: the
      Ortsteil Gartow adds nothing beside the municipality Gartow.
    - A former name found only without its qualifier: ``Rotenburg`` finds
      Rotenburg (Wümme), and "Rotenburg in Hannover", its name until 1969, adds
      nothing beside it. Typed in full, the former name stays.
    - A city's municipality beside the kreisfreie Stadt it is: ``Münster`` is one
      row, the urban district, not also its one municipality (``Oldenburg``: not
      also "Oldenburg (Oldenburg)").
    """
    towns = {(m.district.key, m.name) for m in matches if m.kind == "municipality"}
    cities = {m.district.key for m in matches if m.kind == "district" and m.district.is_city}

    def repeats_a_town(m: Match) -> bool:
        if m.kind in ("municipality", "former_name") and m.district.key in cities:
            # The city again: its one municipality, however spelled, or its former
            # name ("Cottbus", now "Cottbus - Chóśebuz").
            return True
        if (m.district.key, m.municipality) not in towns:
            return False
        if m.kind == "locality":
            return not villages_asked_for and spelling(m.name) == spelling(m.municipality or "")
        return m.kind == "former_name" and m.match != "exact"

    return tuple(m for m in matches if not repeats_a_town(m))


def ranked(matches: list[Match], typed: str = "") -> tuple[Match, ...]:
    """Best first, for the query ``typed`` (see the module docstring)."""
    type_word = leading_type_word(typed)
    named_kind = KIND_OF_TYPE_WORD.get(type_word or "")
    # "Ortsteil Gartow" asks for the village.
    once = _without_other_names_of_listed_towns(unique(matches), named_kind == "locality")
    if len(once) < 2:
        return once
    as_typed = spelling(without_type_word(typed))
    typed_words = name_key(typed).split() if any(m.kind == "channel" for m in once) else []
    # Asked only of a bare name among whose places is a district.
    towns_as_typed = (
        type_word is None
        and any(m.kind == "district" for m in once)
        and any(
            m.kind == "municipality"
            and as_typed in (spelling(m.name), spelling(without_qualifier(m.name)))
            for m in once
        )
    )
    return tuple(
        sorted(
            once,
            key=lambda m: (
                # A name with or without its qualifier is one tier: "Winsen" is what
                # people call Winsen (Luhe) and Winsen (Aller), not only Winsen in
                # Kreis Segeberg, whose name it is exactly.
                max(_TIERS[m.match], _TIERS["variant"]),
                named_kind is not None and not _is_of_kind(m, named_kind),
                # Keys fold umlauts, so "Munster" finds Münster too; the town
                # spelled so (in the Heidekreis) is the one meant.
                as_typed not in spellings(m.name),
                # A city of the bare name before villages of it, channel or not:
                # "Hagen" is first the city (no channel), then the Hagens in Celle,
                # Stade, Uelzen and Delbrück, lest its people take theirs; so is
                # Freiburg im Breisgau before Freiburg (Elbe). So is a district
                # named after no town: "Lippe" is first Kreis Lippe, then the
                # village Lippe in Burbach.
                not (
                    type_word is None
                    and m.kind == "district"
                    and m.match in ("exact", "variant")
                    and (
                        m.district.is_city
                        or (not towns_as_typed and spelling(without_type_word(m.name)) == as_typed)
                    )
                ),
                not m.channels,
                # Between places alike so far, a bare "Celle" names the town;
                # "Landkreis Celle" matched only once its type word was dropped.
                leading_type_word(m.name) != type_word,
                # A town before villages of its bare name: "Buchholz" is Buchholz
                # in der Nordheide or (Aller) before hamlets named just Buchholz.
                _KIND_ORDER.get(m.kind, 9),
                # A municipality on its own before one of a Samtgemeinde, which
                # joins small ones: "Buchholz" is first the town Buchholz in der
                # Nordheide, then Buchholz (Aller) of Samtgemeinde Schwarmstedt.
                m.kind == "municipality" and m.samtgemeinde is not None,
                # A city's quarter before a village of the same name: Berlin's
                # Lichtenberg (a borough) before the one in Lüchow-Dannenberg; and
                # a city-state's before another city's (Mariendorf: Berlin's,
                # then the Wohnplatz in Münster).
                _quarter_order(m) if m.kind == "locality" else 0,
                _TIERS[m.match],
                _first_named_at(m, typed_words) if m.kind == "channel" else 0,
                m.name,
                # A region's districts: those it covers whole, then those where
                # its source names more parts ("Altes Land": Stade before Harburg).
                (bool(m.members), -len(m.members)) if m.kind == "region" else (False, 0),
                m.district.key,
                m.municipality or "",
            ),
        )
    )


def towns_first(matches: tuple[Match, ...], typed: str) -> tuple[Match, ...]:
    """Where ``typed`` is a name of the matches (the name a query asks for, as
    ``resolve`` reads it without the words around it, or the name a guess read),
    the towns of it before its villages, channel or not: "Wedel" is first the town
    in Kreis Pinneberg, then the village in Landkreis Stade, lest the town's people
    take Stade's channel; so is a quarter of a city-state ("Bergedorf": Hamburg's,
    then Worpswede's), though not before another town ("Lichtenberg": Berlin's,
    then the towns in Oberfranken and Saxony, then the village in
    Lüchow-Dannenberg). Each kind as ranked. Not where ``typed`` says more than a
    name ("Brand in Eschenbach": a heading names a village a channel covers as
    well), nor asks for a village with its type word ("Ortsteil Gartow")."""
    key = name_key(typed)
    if leading_type_word(typed) or not any(
        key in (name_key(m.name), name_key(without_qualifier(m.name))) for m in matches
    ):
        return matches  # "Ortsteil Gartow" asks for the village
    as_typed = spelling(typed)
    return tuple(
        sorted(
            matches,
            key=lambda m: (
                max(_TIERS[m.match], _TIERS["variant"]),
                # the villages after the towns spelled so, not after the towns
                # whose names only fold alike ("Neuenkirchen": not Neunkirchen)
                as_typed not in spellings(m.name),
                is_a_village(m),
            ),
        )
    )


def towns_before_districts(matches: tuple[Match, ...]) -> tuple[Match, ...]:
    """The matches with the towns (municipalities, cities) before the rest, each
    kind as ranked, as a station lies in a town: "Bahnhof Harburg" is first
    Harburg (Schwaben), then Landkreis Harburg, which no station is named after;
    a village does not come before it ("Bahnhof Osterholz" is still first
    Landkreis Osterholz, not Bremen's Osterholz, which has no station)."""
    if not any(map(is_a_municipality_or_city, matches)):
        return matches
    return tuple(sorted(matches, key=lambda m: not is_a_municipality_or_city(m)))


def is_a_municipality_or_city(m: Match) -> bool:
    """A municipality or a city (not a village, a Landkreis or a state)."""
    return m.kind == "municipality" or (m.kind == "district" and m.district.is_city)


def is_a_village(m: Match) -> bool:
    """A locality or a former municipality merged into another, of the name as asked
    or guessed (not a name begun), not of a city-state, whose quarters are towns in
    size (Berlin's Lichtenberg before the town Lichtenberg in Oberfranken). A town's
    former name is the town (Fallingbostel, now Bad Fallingbostel)."""
    renamed = m.kind == "former_name" and name_key(m.name) == name_key(m.municipality or "")
    return (
        m.kind in ("locality", "former_name")
        and not renamed
        and m.match in ("exact", "variant", "fuzzy")
        and m.district.key not in _CITY_STATE_DISTRICTS
    )


def _is_of_kind(m: Match, kind: str) -> bool:
    """Whether the match is of the kind; a kreisfreie Stadt is a municipality too
    ("Stadt Münster"), as it is listed once, as its district."""
    if kind == "municipality" and m.kind == "district":
        return m.district.is_city
    return m.kind == kind


def _quarter_order(m: Match) -> int:
    """0 for a quarter of a city-state (Berlin, Hamburg, Bremen: keys 02000, 04011,
    11000), 1 for one of another kreisfreie Stadt, 2 for a village elsewhere."""
    if not m.district.is_city:
        return 2
    return 0 if m.district.key in _CITY_STATE_DISTRICTS else 1


# The districts that are city-states or a city-state's city: Hamburg, Bremen, Berlin.
_CITY_STATE_DISTRICTS = frozenset({"02000", "04011", "11000"})


def asked_for(matches: Iterable[Match], typed: str) -> tuple[Match, ...]:
    """The matches a leading type word asks for, or none if it asks for none.

    Those whose own name the text is, type word and all ("Amt Neuhaus", "Landkreis
    Harburg"), else those of the kind it names ("Samtgemeinde Aue": the
    Samtgemeinde, not the villages named Aue). ``ranked`` only puts them first;
    this is for a caller that must pick one, as ``open`` must.
    """
    type_word = leading_type_word(typed)
    if type_word is None:
        return ()
    matches = tuple(matches)
    whole = tuple(m for m in matches if m.match == "exact" and spelling(m.name) == spelling(typed))
    kind = KIND_OF_TYPE_WORD.get(type_word)
    return whole or tuple(m for m in matches if kind is not None and _is_of_kind(m, kind))


def _first_named_at(channel: Match, typed_words: list[str]) -> int:
    """Where the text first names the channel's area: ``PI Lüneburg`` (the agency
    of three channels) puts Polizei Lüneburg before Polizei Lüchow-Dannenberg."""
    own = set(name_key(channel.name).split()) - {"polizei"}
    return next((i for i, word in enumerate(typed_words) if word in own), len(typed_words))


def spellings(name: str) -> tuple[str, str]:
    """How a name is spelled, with and without its qualifier, type word left out."""
    bare = without_type_word(name)
    return spelling(bare), spelling(without_qualifier(bare))
