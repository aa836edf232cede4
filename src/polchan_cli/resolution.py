"""What a query's answer is made of: :class:`Match` and :class:`Resolution`.

A :class:`Match` is one place, postcode, channel or state that answers a query,
with the district it lies in and the channels that cover it; a
:class:`Resolution` is the whole answer, with what the query was read as and the
parts of it left out. The ``*_match`` functions make a Match of a gazetteer
place, a district, a postcode, a channel or a state, with the channels of the
registry in force. Which matches answer a query is :mod:`polchan_cli.resolve`'s
job; no Typer or Rich here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from . import gazetteer
from .normalize import name_key, spelling, without_qualifier, without_type_word
from .query import with_agency_spelled_out
from .ranking import asked_for
from .registry import Channel, Registry

__all__ = [
    "MOST_OFFERED",
    "WHOLE_LAND_KINDS",
    "Match",
    "Resolution",
    "channel_match",
    "channel_matches",
    "country_match",
    "disabled_covering",
    "district_match",
    "named_as_typed",
    "offered",
    "place_match",
    "postcode_matches",
    "state_match",
]

# Kinds of match that lie in no one district: a state, or the country.
WHOLE_LAND_KINDS = frozenset({"state", "country"})


@dataclass(frozen=True)
class Match:
    """One place (or postcode, or channel) that answers a query."""

    name: str
    kind: str
    match: str
    municipality: str | None
    district: gazetteer.District
    postcodes: tuple[str, ...]
    channels: tuple[Channel, ...]
    members: tuple[str, ...] = ()
    samtgemeinde: str | None = None  # the Samtgemeinde its municipality belongs to
    organisation: bool = False  # a postcode of one organisation (Großkundenpostleitzahl)

    @property
    def state(self) -> str:
        """The state the match lies in (a state's own name, for a state)."""
        return self.district.state

    @property
    def districts(self) -> tuple[gazetteer.District, ...]:
        """The districts the match lies in: all that a channel covers, in full or
        in part ("Polizei Verden/Osterholz": Landkreis Verden and Landkreis
        Osterholz), else its one."""
        if self.kind != "channel" or not self.channels:
            return (self.district,)
        return tuple(_district(k) for k in self.channels[0].district_keys) or (self.district,)

    @property
    def towns(self) -> tuple[str, ...]:
        """The municipalities the match lies in: each of a postcode's (its
        ``municipality`` lists them, "Drage, Winsen (Luhe)"), else its one, if any."""
        if not self.municipality:
            return ()
        if self.kind == "postcode":
            return tuple(self.municipality.split(", "))
        return (self.municipality,)

    def to_dict(self) -> dict[str, Any]:
        """The match as ``find --json`` writes it (see docs/json.md)."""
        data: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "match": self.match,
            "municipality": self.municipality,
            "district": None
            if self.kind in WHOLE_LAND_KINDS
            else {"key": self.district.key, "name": self.district.name},
            "state": None if self.kind == "country" else self.state,
            "postcodes": list(self.postcodes),
            "channels": [
                {"id": c.id, "name": c.name, "url": c.url, "agency": c.agency}
                for c in self.channels
            ],
        }
        if self.kind == "samtgemeinde":
            data["members"] = list(self.members)
        else:
            data["samtgemeinde"] = self.samtgemeinde
        if self.kind == "region":
            data["parts"] = list(self.members)
        if self.kind == "postcode":
            data["organisation"] = self.organisation
        if self.kind == "channel":
            data["districts"] = [{"key": d.key, "name": d.name} for d in self.districts]
        return data


# Umlauts written out, as keys fold them: "Muenster"; in a name, as often no
# umlaut at all ("Neuenkirchen", "Soest").
_UMLAUTS_SPELLED_OUT = ("ae", "oe", "ue")


@dataclass(frozen=True)
class Resolution:
    """The answer to one query."""

    query: str
    matches: tuple[Match, ...] = ()
    suggestions: tuple[str, ...] = ()
    fuzzy_for: str | None = None  # the name the query was read as, when fuzzy
    postcodes: tuple[str, ...] = ()  # the postcodes the query was read as, if any
    # Of a press code's headline naming a place outside the office's area: the code
    # and the office ("POL-LG (Polizeiinspektion Lüneburg/…)"); its channels come
    # first, the places after them.
    outside_area_of: str | None = None
    # Parts of an address the answer leaves out, as they fit none of its places:
    # names of no place in the data ("Bruchtorf, Uelzen"), and names of places
    # the matches do not lie in ("Westercelle, Harburg"). Streets go unremarked.
    unknown_parts: tuple[str, ...] = ()
    unfitting_parts: tuple[str, ...] = ()
    # The places a query names side by side ("Buxtehude/Neu Wulmstorf"), each
    # answered: the matches are those of the first, then those of the second.
    places_named: tuple[str, ...] = ()
    # The names of such a list read as the places they misspell, each as typed and
    # as read ("Cele und Uelzen": ("Cele", "Celle")); the others named as typed.
    respelled: tuple[tuple[str, str], ...] = ()

    @property
    def status(self) -> str:
        """found, no_channel or not_found: whether a channel covers what the query
        names (of a guess, the name it was read as; see :meth:`named`)."""
        if any(m.channels for m in self.named()):
            return "found"
        return "no_channel" if self.matches else "not_found"

    def named(self) -> tuple[Match, ...]:
        """The matches the query names: of a guess, only those of the name it was
        read as, else all. "Müchen" is München, which no channel covers; Buchen in
        Kreis Siegen-Wittgenstein, a further guess in the list, is no answer for it."""
        if self.fuzzy_for is None:
            return self.matches
        key = name_key(self.fuzzy_for)
        return tuple(m for m in self.matches if name_key(m.name) == key) or self.matches

    @property
    def unknown_postcodes(self) -> tuple[str, ...]:
        """The postcodes the query was read as that no place has."""
        found = {m.name for m in self.matches if m.kind == "postcode"}
        return tuple(pc for pc in self.postcodes if pc not in found)

    @property
    def postcode_mismatch(self) -> bool:
        """Whether a place named beside a postcode lies in another district than the
        postcode ("21423 Celle"): one of the two is mistyped, and both are shown."""
        return {m.kind == "postcode" for m in self.matches} == {True, False}

    @property
    def ambiguous(self) -> bool:
        """True when the matches lie in more than one district."""
        return len({m.district.key for m in self.matches}) > 1

    def asked_for(self) -> Resolution:
        """Only the matches a leading type word asks for, where there are any (see
        :func:`~polchan_cli.ranking.asked_for`): of "Samtgemeinde Aue" the
        Samtgemeinde, not also the villages named Aue. For a caller that must pick."""
        picked = asked_for(self.matches, self.query)
        return replace(self, matches=picked) if picked else self

    def spelled_as_typed(self) -> Resolution:
        """Without the matches only umlauts fold into the query, where a match is
        spelled as typed: where it has an umlaut (or "ue" for ü), "Münster" is no
        Munster (Heidekreis), though keys fold them together, while "Munster" may be
        Münster typed without its dots and keeps both; where it has none, a name
        with "ae", "oe" or "ue" is no other spelling of it ("Neunkirchen" is no
        Neuenkirchen, whose "ue" is no ü). For a caller that must pick."""
        typed = without_type_word(self.query)
        spelled, key = spelling(typed), name_key(typed)
        umlauts = any(c in spelled for c in "äöü")

        def folded_only(base: str) -> bool:
            return umlauts or any(pair in base.casefold() for pair in _UMLAUTS_SPELLED_OUT)

        bases = {m: without_qualifier(m.name) for m in self.matches}
        as_typed = {m: spelling(base) == spelled for m, base in bases.items()}
        kept = tuple(
            m
            for m in self.matches
            if as_typed[m] or name_key(bases[m]) != key or not folded_only(bases[m])
        )
        if len(kept) == len(self.matches) or not any(as_typed[m] for m in kept):
            return self
        return replace(self, matches=kept)

    def unique_channels(self) -> tuple[Channel, ...]:
        """The channels of the matches the query names (see :meth:`named`), best
        match first, each once."""
        seen: dict[str, Channel] = {}
        for m in self.named():
            for c in m.channels:
                seen.setdefault(c.id, c)
        return tuple(seen.values())

    def areas(self, most: int = 5, *, uncovered: bool = False) -> str:
        """Where the matches the query names lie (see :meth:`named`), best match
        first, each once, at most ``most`` of them.

        A district with its state ("Landkreis Celle (Niedersachsen)", "Landkreis
        Altenkirchen (Westerwald, Rheinland-Pfalz)"), or a state
        alone for a state ("Bayern"); "…" ends a list cut short. With ``uncovered``,
        only where the matches no channel covers lie ("" if there are none).
        """
        names = (
            # A city-state once: "Hamburg", not "Hamburg (Hamburg)".
            m.state
            if m.kind in WHOLE_LAND_KINDS or m.district.name == m.state
            else _with_its_state(m.district.name, m.state)
            for m in self.named()
            if not (uncovered and m.channels)
        )
        areas = list(dict.fromkeys(names))
        return ", ".join(areas[:most]) + ("" if len(areas) <= most else ", …")

    def to_dict(self) -> dict[str, Any]:
        """The answer as ``find --json`` writes it (see docs/json.md)."""
        return {
            "query": self.query,
            "status": self.status,
            "matches": [m.to_dict() for m in self.matches],
            "suggestions": list(self.suggestions),
            # A pasted address's postcode no place has: the town beside it answered.
            "unknown_postcodes": list(self.unknown_postcodes),
            "postcode_mismatch": self.postcode_mismatch,
            "unknown_parts": list(self.unknown_parts),
            "unfitting_parts": list(self.unfitting_parts),
            "places_named": list(self.places_named),
        }


def _district(key: str) -> gazetteer.District:
    """The district of the key; one the gazetteer does not know is named by its key."""
    return gazetteer.district(key) or gazetteer.District(key, key, "", "")


def place_match(place: gazetteer.Place, match: str, registry: Registry) -> Match:
    """A gazetteer place as a match of the given kind (exact, variant, prefix, fuzzy)."""
    municipality = place.municipality
    district = _district(place.district)
    if place.kind == "district" and district.is_city:
        # A city is listed as its district; a user's channel may cover it as its
        # municipality ({district: "03103", name: Wolfsburg}).
        channels = registry.covering_any_part_of(district.key)
    else:
        channels = registry.covering(place.district, municipality)
    return Match(
        name=place.name,
        kind=place.kind,
        match=match,
        municipality=municipality,
        district=district,
        postcodes=place.postcodes,
        channels=channels,
        members=place.members,
        samtgemeinde=place.samtgemeinde,
    )


def district_match(district: gazetteer.District, registry: Registry) -> Match:
    """A district as an exact match, with the channels that cover it."""
    return Match(
        name=district.name,
        kind="district",
        match="exact",
        municipality=None,
        district=district,
        postcodes=(),
        channels=registry.covering_any_part_of(district.key)
        if district.is_city
        else registry.covering(district.key),
    )


def postcode_matches(postcode: str, registry: Registry) -> tuple[Match, ...]:
    """Every district the postcode touches, with the channels of the district or of
    its towns there: those with a channel first, each group in the gazetteer's
    order (the district whose places it names most first)."""
    matches = []
    for area in gazetteer.postcode_areas(postcode):
        munis = area.municipalities
        # The district's channels and those of any of its towns there: a user's
        # channel for the town of Celle beside Polizei Celle at 29221.
        channels = tuple(
            dict.fromkeys(c for m in munis or (None,) for c in registry.covering(area.district, m))
        )
        matches.append(
            Match(
                name=postcode,
                kind="postcode",
                match="exact",
                municipality=", ".join(munis) or None,
                district=_district(area.district),
                postcodes=(postcode,),
                channels=channels,
                organisation=area.type == "organisation",
            )
        )
    return tuple(sorted(matches, key=lambda m: not m.channels))


def channel_matches(key: str, registry: Registry, *, by_name: bool) -> list[Match]:
    """Channels the query names, or, failing places, whose id or state it is.

    By name: the channel's name, its agency (``Polizeiinspektion Celle``, ``PI
    Celle``) or the directorate above it (``Polizeidirektion Lüneburg`` gives its
    eight channels), each also without its qualifier (``Polizei Verden`` for
    Polizei Verden/Osterholz, as a ``variant``). Otherwise its id (``celle``).
    """
    if by_name:
        named = registry.named(with_agency_spelled_out(key))
    else:
        named = tuple((c, "exact") for c in registry.channels if key in {name_key(c.id), c.id})
    return [channel_match(c, match) for c, match in named]


def channel_match(c: Channel, match: str) -> Match:
    """A channel as a match, shown in the first district it covers."""
    primary = next(iter(c.district_keys), "")
    return Match(
        name=c.name,
        kind="channel",
        match=match,
        municipality=None,
        district=_district(primary),
        postcodes=(),
        channels=(c,),
    )


def state_match(state: str) -> Match:
    """A state as an exact match with no channel: what "Bayern" answers where none covers it."""
    return Match(
        name=state,
        kind="state",
        match="exact",
        municipality=None,
        district=gazetteer.District("", state, "Land", state),
        postcodes=(),
        channels=(),
    )


def country_match(name: str = "Deutschland") -> Match:
    """The country as an exact match with no channel: what "Deutschland" answers
    where the user's registry disables every channel."""
    return replace(state_match(name), kind="country")


def disabled_covering(res: Resolution, registry: Registry) -> tuple[tuple[Channel, ...], str]:
    """The channels a user's registry disables (``disabled: true``) that would cover
    places the answer names and no channel covers, and where those places lie (as
    :meth:`Resolution.areas` says it); ``((), "")`` where there are none. Said by
    find and open, so that a channel the user switched off is not taken for a gap
    in polchan's data."""
    off = Registry(registry.disabled)
    channels: dict[str, Channel] = {}
    covered = []
    for m in res.named() if off.channels else ():
        if m.channels or m.kind in WHOLE_LAND_KINDS:
            continue
        # As the match's own channels were found (place_match, postcode_matches).
        if m.kind == "district" and m.district.is_city:
            found = off.covering_any_part_of(m.district.key)
        else:
            found = tuple(
                c for town in m.towns or (None,) for c in off.covering(m.district.key, town)
            )
        if found:
            covered.append(m)
            channels.update((c.id, c) for c in found)
    return tuple(channels.values()), Resolution(query=res.query, matches=tuple(covered)).areas()


def named_as_typed(answer: Resolution) -> bool:
    """Whether the answer names places as typed, not begun or misspelt names."""
    return (
        answer.fuzzy_for is None
        and not answer.respelled
        and any(m.match in ("exact", "variant") for m in answer.matches)
    )


# The most names offered where nothing answers ("Did you mean …?").
MOST_OFFERED = 5


def offered(names: Iterable[str]) -> tuple[str, ...]:
    """The names to offer: each once, in the order given, at most MOST_OFFERED."""
    return tuple(dict.fromkeys(names))[:MOST_OFFERED]


def _with_its_state(district: str, state: str) -> str:
    """A district's name with its state in brackets, within those the name has."""
    if district.endswith(")"):
        return f"{district[:-1]}, {state})"
    return f"{district} ({state})"
