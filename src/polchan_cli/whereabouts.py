"""Where a place lies, as the other words of a query say it.

Accepts :class:`~polchan_cli.resolution.Match` objects and name keys (see
:mod:`polchan_cli.normalize`). Says whether a match lies in the place a key
names (its municipality, Samtgemeinde, district, state or the country, a
former name or a region: :func:`lies_in_part`, :func:`lying_where_said`), which
keys say where it lies (:func:`keys_of_whereabouts`), whether places lie far
apart (:func:`far_apart`, by their points in the data), and what the states and
the country are called (:func:`states`, :data:`COUNTRY_KEYS`), so that ``Hagen,
Landkreis Stade`` and ``Celle Nds`` find the place meant, and which land a
qualifier names (:func:`lies_in_land`: ``Lichtenau (Baden)``, ``Freudenberg
(Oberpfalz)``). Lookups in the bundled gazetteer and the curated
``regierungsbezirke.csv``; no registry, Typer or Rich.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterable, Sequence

from . import gazetteer
from .normalize import base_key, leading_type_word, name_key, name_keys
from .query import Reading
from .resolution import WHOLE_LAND_KINDS, Match

__all__ = [
    "BY_KM",
    "COUNTRY_KEYS",
    "FAR_FROM_WHERE_SAID_KM",
    "NEAR_KM",
    "WHEREABOUTS_VIA",
    "far_apart",
    "in_one_municipality",
    "is_a_town",
    "is_place",
    "keys_of_whereabouts",
    "lies_in_land",
    "lies_in_part",
    "lying_where_said",
    "names_a_land",
    "nearest_to_each_other",
    "nearest_together",
    "only_says_where",
    "position",
    "same_place",
    "states",
]

# What a context word may name for a place to lie in, tried in this order: where
# the place lies itself, a former name (of a municipality, Samtgemeinde or
# district), a region. See lying_where_said.
WHEREABOUTS_VIA = (None, "former_name", "region")
# The whole country, as people name it.
COUNTRY_KEYS = frozenset({"deutschland", "germany", "bundesrepublik deutschland", "brd", "de"})
# What forms write beside a place for the country and a state ("Wedel, GER",
# "Linden, RP"), by the state (None: the country); only so, and bare. Alone,
# "Ger" is rather a name begun (Gera, Gerdau); with a type word, "Kreis RP" is
# Rhein-Pfalz-Kreis by its plate code.
_SAID_ONLY_BESIDE_A_PLACE = {"ger": None, "rp": "Rheinland-Pfalz"}
# Other names of the states, by the state's name in the data: the short forms
# German writes ("NRW", "Nds."), and the English names.
_STATE_ALIASES = {
    "Baden-Württemberg": ("bw", "bawu"),
    "Bayern": ("bavaria",),
    "Hessen": ("hesse",),
    "Mecklenburg-Vorpommern": ("mv", "m v", "mecklenburg western pomerania"),
    # The ISO 3166-2 codes of the states with channels, as address columns write them.
    "Berlin": ("be", "de be"),
    "Niedersachsen": ("nds", "lower saxony", "ni", "de ni"),
    # Westfalen is only part of the state, but as a qualifier ("Münster (Westf.)")
    # it says the state as well as that part of it.
    "Nordrhein-Westfalen": ("nrw", "north rhine westphalia", "westfalen", "westf", "nw", "de nw"),
    "Rheinland-Pfalz": ("rlp", "rhineland palatinate"),
    "Sachsen": ("saxony",),
    "Sachsen-Anhalt": ("lsa", "saxony anhalt"),
    "Schleswig-Holstein": ("sh",),
    "Thüringen": ("thuringia",),
}


# The lands a state's name joins, each of which, as a qualifier, says the state:
# "Lichtenau (Baden)", "Wedel (Holstein)", "Penzlin (Mecklenburg)". Only as a
# qualifier no namesake has: "Kirrweiler (Pfalz)" is the one so named.
_LANDS_OF_STATES = {
    "baden": "Baden-Württemberg",
    "wurttemberg": "Baden-Württemberg",
    "holstein": "Schleswig-Holstein",
    "mecklenburg": "Mecklenburg-Vorpommern",
    "vorpommern": "Mecklenburg-Vorpommern",
    "pfalz": "Rheinland-Pfalz",
}


# Bavaria's Regierungsbezirke as addresses and district names abbreviate them:
# "Haar, Obb.", "Neumarkt i.d.OPf.".
_LAND_ABBREVIATIONS = {
    "obb": "oberbayern",
    "ndb": "niederbayern",
    "opf": "oberpfalz",
    "ofr": "oberfranken",
    "mfr": "mittelfranken",
    "ufr": "unterfranken",
}


def names_a_land(key: str) -> bool:
    """Whether the key names a part of a state's name (``baden``) or a
    Regierungsbezirk no place is named after (``oberpfalz``, ``obb``; not
    ``kassel``)."""
    key = _LAND_ABBREVIATIONS.get(key, key)
    return key in _LANDS_OF_STATES or key in _regierungsbezirke()


def lies_in_land(m: Match, key: str) -> bool | None:
    """Whether the match lies in the land the key names (see :func:`names_a_land`);
    None where the key names no such land."""
    if not names_a_land(key):
        return None
    key = _LAND_ABBREVIATIONS.get(key, key)
    if state := _LANDS_OF_STATES.get(key):
        return m.state == state
    return m.district.key.startswith(_regierungsbezirke()[key])


def _regierungsbezirk_of(district_key: str) -> str | None:
    """The key of the Regierungsbezirk no place is named after that holds the
    district ("oberpfalz" for 09371), else None."""
    return next(
        (
            key
            for key, prefixes in _regierungsbezirke().items()
            if district_key.startswith(prefixes)
        ),
        None,
    )


@functools.cache
def _regierungsbezirke() -> dict[str, tuple[str, ...]]:
    """Each Regierungsbezirk no place is named after (``oberpfalz``, not ``kassel``),
    by key, to the prefixes of its districts' keys."""
    found: dict[str, tuple[str, ...]] = {}
    for row in gazetteer.curated_rows("regierungsbezirke.csv"):
        key = name_key(row["name"])
        if not is_place(key):
            found[key] = (*found.get(key, ()), row["prefix"])
    return found


@functools.cache
def states() -> dict[str, str]:
    """Each state's name by its key, and by the keys of its other names."""
    by_key = {name_key(d.state): d.state for d in gazetteer.districts().values()}
    aliases = {alias: state for state, keys in _STATE_ALIASES.items() for alias in keys}
    return by_key | {key: state for key, state in aliases.items() if state in by_key.values()}


def is_place(key: str) -> bool:
    """Whether the key names a place in the gazetteer (of any kind, anywhere)."""
    return bool(gazetteer.places_by_key(key))


def only_says_where(text: str) -> bool:
    """Whether the text, beside other words, only says where they lie.

    The country or a state that is no place itself: "Deutschland Celle" and "Nds
    Celle" are the town, not the channels of the country or state that cover it.
    """
    key = name_key(text)
    if key in _SAID_ONLY_BESIDE_A_PLACE:
        return leading_type_word(text) is None
    return key in COUNTRY_KEYS or (key in states() and not is_place(key))


def keys_of_whereabouts(m: Match) -> set[str]:
    """The keys of where a match lies: municipality, Samtgemeinde, district, state.

    A municipality does not lie in itself: "Neuhaus, Amt Neuhaus" is the village
    in Amt Neuhaus, not Neuhaus am Inn, whose name also keys as "neuhaus". Every
    place lies in the country: "Celle, Deutschland" is Celle.
    """
    keys: set[str] = set(COUNTRY_KEYS)
    towns = () if m.kind == "municipality" else m.towns
    for name in (*towns, m.samtgemeinde, m.district.name, m.state):
        if name:
            key, variants = name_keys(name)
            keys.update([key, *variants])
    keys.update(_STATE_ALIASES.get(m.state, ()))  # "Celle Nds"
    keys.update(k for k, state in _SAID_ONLY_BESIDE_A_PLACE.items() if state in (None, m.state))
    if land := _regierungsbezirk_of(m.district.key):
        keys.add(land)  # "Lichtenau, Mittelfranken"
        keys.update(a for a, named in _LAND_ABBREVIATIONS.items() if named == land)
    return keys


def lying_where_said(
    matches: list[Match], reading: Reading, *, via: str | None = None
) -> list[Match]:
    """The matches that lie where the reading's context says.

    With ``via`` (a place kind), a place of that kind the context names counts as
    where its municipality lies: ``former_name`` makes "Bomlitz Ahrsen" Ahrsen,
    part of Walsrode since Bomlitz merged into it; ``locality`` makes "Hermannsburg
    Baven" a village of Südheide, the municipality Hermannsburg is part of too.
    ``region`` makes "Hitzacker, Wendland" the Hitzacker in Landkreis
    Lüchow-Dannenberg and "Jork, Altes Land" the Jork in its part of Landkreis
    Stade.
    """
    if via is None:
        return [m for m in matches if reading.context & keys_of_whereabouts(m)]
    named = [p for key in reading.context for p in gazetteer.places_by_key(key) if p.kind == via]
    if via == "region":
        return [m for m in matches if m.kind != via and any(_lies_in_region(m, r) for r in named)]
    municipalities = {(p.district, p.municipality) for p in named if p.municipality}
    # A former Samtgemeinde ("Altes Amt Ebstorf") stands for the one it merged
    # into; a former district's name ("Soltau-Fallingbostel") for the district.
    samtgemeinden = {(p.district, p.samtgemeinde) for p in named if not p.municipality}
    districts = {p.district for p in named if not p.municipality and not p.samtgemeinde}
    return [
        m
        for m in matches
        if (m.district.key, m.municipality) in municipalities
        or (m.samtgemeinde and (m.district.key, m.samtgemeinde) in samtgemeinden)
        or m.district.key in districts
    ]


def _lies_in_region(m: Match, region: gazetteer.Place) -> bool:
    """Whether a match lies in a region's part of its district (all of it, if no parts)."""
    if m.district.key != region.district:
        return False
    if not region.members:
        return True
    parts = {base_key(part) for part in region.members}
    return any(base_key(n) in parts for n in (m.name, m.municipality, m.samtgemeinde) if n)


def lies_in_part(matches: Iterable[Match], key: str) -> bool:
    """Whether a match lies in the place the key names: its municipality,
    Samtgemeinde, district, state or the country, a former name or a region."""
    reading = Reading("", frozenset({key}), "fields")
    listed = list(matches)  # read once per way of lying there
    return any(lying_where_said(listed, reading, via=via) for via in (*WHEREABOUTS_VIA, "locality"))


def in_one_municipality(a: Match, b: Match) -> bool:
    """Whether a lies in b's municipality, or in the area of b, a postcode
    ("Hauptstraße 1; 21385; Bockum": Bockum, Amelinghausen, has that postcode)."""
    if b.kind == "postcode":
        return b.name in a.postcodes or (
            a.district.key == b.district.key and (a.municipality or a.name) in b.towns
        )
    return bool(a.municipality) and (a.district.key, a.municipality) == (
        b.district.key,
        b.municipality,
    )


def same_place(a: Match, b: Match) -> bool:
    """Whether two matches are one place (by name, kind, district and municipality)."""
    return (a.name, a.kind, a.district.key, a.municipality) == (
        b.name,
        b.kind,
        b.district.key,
        b.municipality,
    )


# Places farther apart than this are no town and the one it lies by ("Bernau bei
# Berlin", "Meckelfeld, Hamburg" are near; Brand in Bavaria is not by Elsdorf).
NEAR_KM = 60.0
# How far a village said to lie "bei" a town may lie from it and be the one meant,
# where a name spelled like it lies elsewhere: "Borg bei Rätzlingen" is Borg, 10 km
# from the Rätzlingen in Uelzen (not Born, by the one in Börde); "Bierde bei Achim"
# is Bierden in Achim, Bierde being 39 km off.
BY_KM = 25.0
# How far a town may lie from the city it is said to lie by or toward: "Uezen bei
# Hamburg" (80 km), "Siegne b. Dortmund" (90 km), "Neuruppin bei Berlin" (65 km);
# Feucht is 280 km from Leipzig, Brand in Bavaria 450 km from Celle.
FAR_FROM_WHERE_SAID_KM = 150.0


def position(m: Match) -> tuple[float, float] | None:
    """Where a match lies, as (latitude, longitude): its own point, else that of
    its municipality (a city's is its municipality's), else the middle of its
    district. None for a state, the country or a channel."""
    if m.kind == "channel" or m.kind in WHOLE_LAND_KINDS:
        return None
    names = (m.name, m.municipality) if m.kind != "district" or m.district.is_city else ()
    for name in names:
        for p in gazetteer.places_by_key(name_key(name)) if name else ():
            if p.district == m.district.key and p.name == name and p.lat is not None:
                return p.lat, p.lon  # type: ignore[return-value]
    return gazetteer.district_centres().get(m.district.key)


def far_apart(a: Iterable[Match], b: Iterable[Match], km: float = NEAR_KM) -> bool:
    """Whether every place of ``a`` lies farther than ``km`` from every place of
    ``b``; False where a position is unknown, so that nothing is judged far
    without a point to measure from."""

    def points(matches: Iterable[Match]) -> list[tuple[float, float]] | None:
        found = [position(m) for m in matches]
        return None if not found or None in found else found  # type: ignore[return-value]

    here, there = points(a), points(b)
    if here is None or there is None:
        return False
    return all(_km(p, q) > km for p in here for q in there)


def nearest_to_each_other(
    a: Sequence[Match], b: Sequence[Match]
) -> tuple[list[Match], list[Match]]:
    """The places of ``a`` and of ``b`` that lie nearest to one of the other, within
    a few kilometres of the nearest pair: of "Winsen" and "Stelle", Winsen (Luhe) and
    Stelle (Harburg). Only towns, villages and cities are measured; a district,
    region or Samtgemeinde is kept with a place kept in it. Both whole where no town
    has a position."""

    def point(m: Match) -> tuple[float, float] | None:
        city = m.kind == "district" and m.district.is_city
        return position(m) if city or m.kind not in _KINDS_WITHOUT_A_POINT else None

    here, there = [(m, point(m)) for m in a], [(n, point(n)) for n in b]
    pairs = [(m, n, _km(p, q)) for m, p in here if p for n, q in there if q]
    if not pairs:
        return list(a), list(b)
    nearest = min(km for _, _, km in pairs) + _SAME_DISTANCE_KM
    near = [(m, n) for m, n, km in pairs if km <= nearest]

    def kept(points: list[tuple[Match, tuple[float, float] | None]], side: int) -> list[Match]:
        near_side = {id(pair[side]): pair[side] for pair in near}
        districts = {m.district.key for m in near_side.values()}
        return [
            m
            for m, p in points
            if id(m) in near_side or (p is None and m.district.key in districts)
        ]

    return kept(here, 0), kept(there, 1)


def nearest_together(groups: Sequence[Sequence[Match]]) -> list[list[Match]]:
    """Of each group (the places of one name), those that lie nearest together with
    one of every other group: the places of the choice, one a group, that spans
    the fewest kilometres, and those within a few kilometres a pair of it. Of
    "Winsen", "Buchholz" and "Seevetal", Winsen (Luhe) and Buchholz in der
    Nordheide by Seevetal, not the two on the Aller; of two names, choices nearly
    as near too ("Winsen Buchholz": both pairs). Measured as
    :func:`nearest_to_each_other`, but a Samtgemeinde at its own point and a
    district of a name no town has as typed at its middle ("Lüneburg Harburg" is
    Landkreis Harburg, not Harburg (Schwaben); "Dresden Leipzig" the city, not
    Landkreis Leipzig). A group whose places have no point, or a choice too many to
    weigh, stays whole."""

    def points(group: Sequence[Match]) -> list[tuple[Match, tuple[float, float] | None]]:
        town_as_typed = any(
            m.match == "exact" and (m.kind != "district" or m.district.is_city) for m in group
        )

        def point(m: Match) -> tuple[float, float] | None:
            if m.kind == "region":
                return None
            if m.kind == "district" and not m.district.is_city and town_as_typed:
                return None
            return position(m)

        return [(m, point(m)) for m in group]

    measured = [points(group) for group in groups]
    placed = [[(m, p) for m, p in found if p] for found in measured]
    choices = 1
    for found in placed:
        choices *= max(len(found), 1)
    if choices > _MOST_CHOICES or sum(1 for found in placed if found) < 2:
        return [list(group) for group in groups]
    weighed = [found for found in placed if found]

    def span(choice: Sequence[tuple[Match, tuple[float, float]]]) -> float:
        return sum(_km(a[1], b[1]) for i, a in enumerate(choice) for b in choice[i + 1 :])

    spans = [(span(choice), choice) for choice in itertools.product(*weighed)]
    pairs = len(weighed) * (len(weighed) - 1) // 2
    fewest = min(km for km, _ in spans)
    # Of two names, pairs nearly as near count too: "Winsen Buchholz" is the pair on
    # the Aller (16 km) and the pair by Hamburg (23 km); not far namesakes of far
    # towns ("Berlin Münster" is the city alone).
    nearly = min(max(_SAME_DISTANCE_KM, fewest / 2), _NEARLY_AS_NEAR_KM)
    least = fewest + (nearly if pairs == 1 else _SAME_DISTANCE_KM * pairs)
    kept = {id(m) for km, choice in spans if km <= least for m, _ in choice}
    result = []
    for group, found in zip(measured, placed, strict=True):
        if not found:
            result.append([m for m, _ in group])
            continue
        # A district, region or Samtgemeinde is kept with a place kept in it, and a
        # district kept keeps the places of the name in it ("Bremen Verden": Verden
        # (Aller) with Landkreis Verden).
        districts = {m.district.key for m, _ in group if id(m) in kept}
        whole = {m.district.key for m, _ in group if id(m) in kept and m.kind == "district"}
        result.append(
            [
                m
                for m, p in group
                if id(m) in kept
                or m.district.key in whole
                or ((p is None or m.kind == "district") and m.district.key in districts)
            ]
        )
    return result


# Of two names, a pair at most this much farther apart than the nearest is as near.
_NEARLY_AS_NEAR_KM = 15.0
# At most this many choices are weighed (four names of a few places each).
_MOST_CHOICES = 1000
# Kinds of place with no point of their own to measure from (a city's district has
# the city's).
_KINDS_WITHOUT_A_POINT = frozenset({"district", "region", "samtgemeinde"})
# Pairs of places this much farther apart than the nearest pair count as near too.
_SAME_DISTANCE_KM = 5.0


def _km(p: tuple[float, float], q: tuple[float, float]) -> float:
    """The distance of two points (latitude, longitude) in kilometres: haversine, on a
    sphere of the Earth's mean radius."""
    (lat1, lon1), (lat2, lon2) = p, q
    dlat, dlon = math.radians(lat2 - lat1), math.radians(lon2 - lon1)
    h = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(dlon / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def is_a_town(m: Match) -> bool:
    """A town or village, a city (Bremen, München) too; not a district or state."""
    return m.kind in ("municipality", "locality", "former_name") or (
        m.kind == "district" and m.district.is_city
    )
