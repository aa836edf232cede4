"""The bundled gazetteer: districts, places and postcodes of Germany.

Reads the TSV files that ``tools/build_gazetteer.py`` writes into ``data/``
(bundled in the wheel as ``polchan_cli/data``). Nothing is parsed at import;
each file is read once, on first use, and searched by bisection over its sorted
lines, so a lookup costs a file read, not an index build.

Accepts normalised keys (see :mod:`polchan_cli.normalize`) and 5-digit postcode
strings (``"01067"`` keeps its zero).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "District",
    "Place",
    "PostcodeArea",
    "all_keys",
    "data_dir",
    "district",
    "districts",
    "places_by_key",
    "places_by_prefix",
    "postcode_areas",
]


@dataclass(frozen=True)
class District:
    """A Landkreis, Kreis, Region or kreisfreie Stadt."""

    key: str
    name: str
    type: str
    state: str


@dataclass(frozen=True)
class Place:
    """A name a person may type: a district, municipality, locality, Samtgemeinde
    or former name, with the district it lies in."""

    key: str
    match: str  # "exact": the key is the name's own; "variant": without qualifier or "Bad"
    name: str
    kind: str
    municipality: str | None
    district: str
    postcodes: tuple[str, ...]
    lat: float | None
    lon: float | None
    members: tuple[str, ...]
    note: str
    source: str


@dataclass(frozen=True)
class PostcodeArea:
    """The part of a postcode that lies in one district."""

    postcode: str
    district: str
    municipalities: tuple[str, ...]
    type: str  # "area" (delivery area) or "organisation" (Großkundenpostleitzahl)


@functools.cache
def data_dir() -> Path:
    """Where the bundled data lives: in the installed package, else the checkout.

    A regular install keeps it beside this module, found without importing
    importlib.resources (a few ms on every run); the resources API covers other
    loaders, and an editable install of a checkout reads the repository's data/.
    """
    here = Path(__file__).parent / "data"
    if (here / "places.tsv").is_file():
        return here
    from importlib.resources import files

    packaged = Path(str(files("polchan_cli"))) / "data"
    if (packaged / "places.tsv").is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


@functools.cache
def _lines(name: str) -> list[str]:
    """The data lines of a bundled file: its ``#`` header and the final newline cut off."""
    text = (data_dir() / name).read_text(encoding="utf-8")
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    return text[start:].rstrip("\n").split("\n")


def _range(name: str, prefix: str) -> tuple[int, int, list[str]]:
    lines = _lines(name)
    lo = bisect.bisect_left(lines, prefix)
    hi = bisect.bisect_left(lines, prefix + "\U0010ffff", lo)
    return lo, hi, lines


@functools.cache
def districts() -> dict[str, District]:
    """Every district by key."""
    result = {}
    for line in _lines("districts.tsv"):
        key, name, dtype, state = line.split("\t")
        result[key] = District(key, name, dtype, state)
    return result


def district(key: str) -> District | None:
    """The district with this 5-digit key, or None."""
    return districts().get(key)


def _place(line: str) -> Place:
    key, match, name, kind, muni, dkey, pcs, lat, lon, members, note, source = line.split("\t")
    return Place(
        key=key,
        match=match,
        name=name,
        kind=kind,
        municipality=muni or None,
        district=dkey,
        postcodes=tuple(pcs.split()),
        lat=float(lat) if lat else None,
        lon=float(lon) if lon else None,
        members=tuple(members.split("|")) if members else (),
        note=note,
        source=source,
    )


def places_by_key(key: str) -> list[Place]:
    """Every place whose exact or variant key is ``key``."""
    if not key:
        return []
    lo, hi, lines = _range("places.tsv", key + "\t")
    return [_place(line) for line in lines[lo:hi]]


def places_by_prefix(prefix: str, limit: int = 50) -> list[Place]:
    """Places whose key starts with ``prefix`` (at most ``limit``, in key order)."""
    if not prefix:
        return []
    lo, hi, lines = _range("places.tsv", prefix)
    return [_place(line) for line in lines[lo : min(hi, lo + limit)]]


@functools.cache
def all_keys() -> tuple[str, ...]:
    """Every distinct key, sorted (the candidates for fuzzy matching)."""
    keys: list[str] = []
    for line in _lines("places.tsv"):
        key = line[: line.index("\t")]
        if not keys or keys[-1] != key:
            keys.append(key)
    return tuple(keys)


def postcode_areas(postcode: str) -> list[PostcodeArea]:
    """Every district (and its municipalities) that a postcode touches."""
    lo, hi, lines = _range("postcodes.tsv", postcode + "\t")
    areas = []
    for line in lines[lo:hi]:
        pc, dkey, munis, ptype = line.split("\t")
        areas.append(PostcodeArea(pc, dkey, tuple(munis.split("|")) if munis else (), ptype))
    return areas


def data_version() -> str:
    """A short fingerprint of the bundled data files."""
    import hashlib

    digest = hashlib.sha256()
    for name in ("districts.tsv", "places.tsv", "postcodes.tsv", "channels.yaml"):
        digest.update((data_dir() / name).read_bytes())
    return digest.hexdigest()[:12]
