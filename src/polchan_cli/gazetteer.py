"""The bundled gazetteer: districts, places and postcodes of Germany.

Reads the TSV files that ``tools/build_gazetteer.py`` writes into ``data/``
(bundled in the wheel as ``polchan_cli/data``). Nothing is parsed at import;
each file is read once, on first use, and searched by bisection over its sorted
lines, so a lookup costs a file read, not an index build.

Accepts normalised keys (see :mod:`polchan_cli.normalize`) and 5-digit postcode
strings (``"01067"`` keeps its zero). :func:`curated_rows` reads the curated CSV
files bundled beside them (plate codes, press codes, Regierungsbezirke).
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "BUNDLED_FILES",
    "GLUED_REST_MIN",
    "PREFIX_WORDS",
    "District",
    "Place",
    "PostcodeArea",
    "all_keys",
    "curated_rows",
    "data_dir",
    "data_version",
    "district",
    "district_centres",
    "districts",
    "keys_after",
    "keys_by_length",
    "keys_of_lengths",
    "keys_said",
    "places_by_key",
    "places_by_prefix",
    "postcode_areas",
    "preload",
    "qualifier_keys",
]


@dataclass(frozen=True)
class District:
    """A Landkreis, Kreis, Region or kreisfreie Stadt."""

    key: str
    name: str
    type: str
    state: str

    @property
    def is_city(self) -> bool:
        """Whether it is a city, a kreisfreie Stadt: one municipality, itself."""
        return self.type == "kreisfreie Stadt"


@dataclass(frozen=True)
class Place:
    """A name a person may type: a district, municipality, locality, Samtgemeinde,
    former name or region, with the district it lies in (a region: one Place per
    district it reaches into, ``members`` the parts of it its source names)."""

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
    samtgemeinde: str | None  # the one its municipality belongs to, if any

    @property
    def is_a_kiez(self) -> bool:
        """A Berlin Kiez, as its curated row notes it ("Kiez in Ortsteil Neukölln")."""
        return self.kind == "locality" and self.note.startswith("Kiez in ")


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
def _data(name: str) -> tuple[bytes, int]:
    """A bundled file's bytes and the offset of its first data line (after the ``#`` header)."""
    data = (data_dir() / name).read_bytes()
    start = 0
    while data.startswith(b"#", start):
        start = data.index(b"\n", start) + 1
    return data, start


def _lower_bound(data: bytes, lo: int, target: bytes) -> int:
    """Offset of the first line (from ``lo``) that sorts at or after ``target``.

    Lines are sorted; UTF-8 byte order is code point order, so this is the
    bisection of the decoded lines without decoding or splitting 1.7 MB.
    """
    hi = len(data)
    while lo < hi:
        mid = (lo + hi) // 2
        start = max(data.rfind(b"\n", lo, mid) + 1, lo)
        end = data.find(b"\n", start)
        if end == -1:
            end = len(data)
        if data[start:end] < target:
            lo = end + 1
        else:
            hi = start
    return min(lo, len(data))


# Files split into lines by preload(): the memoised load for many lookups in one process.
_SPLIT: dict[str, list[str]] = {}


def preload() -> None:
    """Split the place, postcode and sound files into lines once, for many lookups (``--batch``).

    A single lookup bisects the raw bytes (no split: cheaper for one query);
    after this, every lookup bisects the split lines (cheaper per query).
    """
    for name in ("places.tsv", "postcodes.tsv", "sounds.tsv"):
        if name not in _SPLIT:
            _SPLIT[name] = _lines(name)


def _lines_with_prefix(name: str, prefix: str, limit: int | None = None) -> list[str]:
    """The data lines of a bundled file starting with ``prefix``, in order (the first ``limit``)."""
    lines = _SPLIT.get(name)
    if lines is not None:
        lo = bisect.bisect_left(lines, prefix)
        hi = bisect.bisect_left(lines, prefix + "\U0010ffff", lo)
        return lines[lo : hi if limit is None else min(hi, lo + limit)]
    data, start = _data(name)
    key = prefix.encode("utf-8")
    lo = _lower_bound(data, start, key)
    hi = _lower_bound(data, lo, key + b"\xff")  # 0xff never occurs in UTF-8
    if lo >= hi:
        return []
    if limit is not None:
        end = lo
        for _ in range(limit):
            end = data.find(b"\n", end, hi) + 1
            if end == 0:
                break
        hi = end or hi
    return data[lo:hi].decode("utf-8").rstrip("\n").split("\n")


def _lines(name: str) -> list[str]:
    """Every data line of a bundled file."""
    data, start = _data(name)
    return data[start:].decode("utf-8").rstrip("\n").split("\n")


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
    key, match, name, kind, muni, dkey, pcs, lat, lon, members, note, source, sg = line.split("\t")
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
        samtgemeinde=sg or None,
    )


@functools.cache
def district_centres() -> dict[str, tuple[float, float]]:
    """Each district's mean point, of its places that have one (each once, by
    its own name): where a place without a point of its own lies, near enough to
    tell a town nearby from one far away. Read once, on first use."""
    sums: dict[str, list[float]] = {}
    for place in map(_place, _lines("places.tsv")):
        if place.match == "exact" and place.lat is not None and place.lon is not None:
            total = sums.setdefault(place.district, [0.0, 0.0, 0.0])
            total[0] += place.lat
            total[1] += place.lon
            total[2] += 1
    return {key: (lat / n, lon / n) for key, (lat, lon, n) in sums.items()}


def places_by_key(key: str) -> list[Place]:
    """Every place whose exact or variant key is ``key``."""
    if not key:
        return []
    # A copy: the places are memoised, and a caller may change its list.
    return list(_places_by_key(key))


# A query asks for the same keys many times over (each reading of it, each guess,
# each channel name), and a batch for the same towns again and again: finding and
# parsing their lines took about 7 % of a batch. Places are frozen, so sharing is safe.
@functools.lru_cache(maxsize=8192)
def _places_by_key(key: str) -> tuple[Place, ...]:
    return tuple(_place(line) for line in _lines_with_prefix("places.tsv", key + "\t"))


def places_by_prefix(prefix: str, limit: int = 50) -> list[Place]:
    """Places whose key starts with ``prefix`` (at most ``limit``, in key order)."""
    if not prefix:
        return []
    return [_place(line) for line in _lines_with_prefix("places.tsv", prefix, limit)]


@functools.cache
def all_keys() -> tuple[str, ...]:
    """Every distinct key of the place file, shortest first (the candidates of a
    spelling search), as the build writes them to ``keys.tsv``.

    A separate file because collecting them from ``places.tsv`` (1.7 MB) cost a
    misspelt query about 10 ms; this one splits in about 1 ms.
    """
    data, start = _data("keys.tsv")
    return tuple(data[start:].decode("utf-8").splitlines())


@functools.cache
def qualifier_keys() -> frozenset[str]:
    """The keys of the rivers, regions and states the data's names are qualified
    by (``elbe`` of Lauenburg/Elbe, ``luhe`` of Winsen (Luhe)), as the build writes
    them to ``qualifiers.tsv``: after a slash, or after a town without brackets,
    such a word qualifies the name before it, where a town's name would be a
    second town."""
    data, start = _data("qualifiers.tsv")
    return frozenset(data[start:].decode("utf-8").splitlines())


@functools.lru_cache(maxsize=64)
def heads_qualified_by(qualifier: str) -> tuple[str, ...]:
    """The keys of the names before a qualifier's key in the keys of the data's
    names: ``nordheide`` -> ``("buchholz",)`` (Buchholz in der Nordheide). A word
    like Groß before a name sets a place apart, it is none qualified: Groß
    Woltersdorf is no Groß by Woltersdorf."""
    ending = " " + qualifier
    heads = (key[: -len(ending)] for key in all_keys() if key.endswith(ending))
    return tuple(head for head in heads if head not in PREFIX_WORDS)


@functools.cache
def keys_by_length() -> dict[int, tuple[str, ...]]:
    """:func:`all_keys` by their length, each sorted (a spelling search skips lengths
    too far from the query's)."""
    import itertools

    return {length: tuple(keys) for length, keys in itertools.groupby(all_keys(), len)}


# Words that set places of one name apart ("Groß Hehlen", "Alt-Hohenschönhausen"):
# the name alone is what people say there.
PREFIX_WORDS = frozenset(
    {"alt", "neu", "gross", "klein", "ober", "nieder", "unter", "mittel", "hohen"}
)
# A name written together with such a word ("Oberschöneweide") counts only where
# the rest is long enough to be a name itself, not "enau" of "Altenau".
GLUED_REST_MIN = 6
# Such words that take an ending when written together: Altendorf, Neuenkirchen.
_INFLECTED = frozenset({"alt", "neu", "gross", "klein"})


@functools.cache
def keys_after(first_words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The keys that begin with one of ``first_words``, by the rest of the key
    (``{"hehlen": ("gross hehlen", "klein hehlen")}``), the word apart or written
    together (``"schoneweide": ("niederschoneweide", "oberschoneweide")``): for a
    name said without such a word. Built once, on first use."""
    index: dict[str, list[str]] = {}
    glued = tuple(sorted(first_words, key=len, reverse=True))
    for key in all_keys():
        first, _, rest = key.partition(" ")
        if rest and first in first_words:
            index.setdefault(rest, []).append(key)
            continue
        word = next((w for w in glued if key.startswith(w)), None)
        if word and key[len(word) : len(word) + 2] == "en" and word in _INFLECTED:
            word += "en"  # Alten-, Neuen-, Großen-dorf: "dorf" is the rest, not "endorf"
        if word and len(first) - len(word) >= GLUED_REST_MIN:
            index.setdefault(key[len(word) :], []).append(key)
    return {rest: tuple(keys) for rest, keys in index.items()}


@functools.lru_cache(maxsize=256)  # a batch asks for the same few length ranges again and again
def keys_of_lengths(shortest: int, longest: int) -> tuple[str, ...]:
    """Every key from ``shortest`` to ``longest`` characters long, shortest first."""
    by_length = keys_by_length()
    return tuple(k for length in range(shortest, longest + 1) for k in by_length.get(length, ()))


def keys_said(sound: str) -> tuple[str, ...]:
    """The keys said as ``sound`` (a :func:`~polchan_cli.normalize.sound_key`),
    where more than one spelling is: ``rotenburg`` gives Rotenburg's and Rothenburg's."""
    lines = _lines_with_prefix("sounds.tsv", sound + "\t")
    return tuple(lines[0].split("\t")[1].split()) if lines else ()


def postcode_areas(postcode: str) -> list[PostcodeArea]:
    """Every district (and its municipalities) that a postcode touches."""
    areas = []
    for line in _lines_with_prefix("postcodes.tsv", postcode + "\t"):
        pc, dkey, munis, ptype = line.split("\t")
        areas.append(PostcodeArea(pc, dkey, tuple(munis.split("|")) if munis else (), ptype))
    return areas


def curated_rows(name: str) -> list[dict[str, str]]:
    """The rows of a curated CSV file bundled beside the gazetteer (``plates.csv``,
    ``press_codes.csv`` …), by its header, without the comment lines that open it."""
    import csv  # only for a query that needs such a file

    text = (data_dir() / name).read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


# Every data file bundled into the wheel (pyproject.toml's force-include).
BUNDLED_FILES = (
    "channels.yaml",
    "districts.tsv",
    "keys.tsv",
    "places.tsv",
    "plates.csv",
    "postcodes.tsv",
    "press_codes.csv",
    "qualifiers.tsv",
    "regierungsbezirke.csv",
    "sounds.tsv",
)


def data_version() -> str:
    """A short fingerprint of the bundled data files: it changes with any of them."""
    import hashlib

    digest = hashlib.sha256()
    for name in BUNDLED_FILES:
        digest.update((data_dir() / name).read_bytes())
    return digest.hexdigest()[:12]
