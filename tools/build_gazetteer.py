#!/usr/bin/env python3
"""Build polchan's bundled gazetteer from the upstream sources.

Reads (by path, never copied into the repository):
  geonames-postal-de.csv     GeoNames postcodes (CC BY 4.0)
  osm-plz-ort-landkreis.csv  OpenStreetMap postcode/municipality/district table (ODbL 1.0)
  destatis-kreise.csv        Destatis district table (CC BY 4.0 / dl-de/by-2-0)
plus the curated build inputs committed in this repository:
  data/localities/*.csv      researched Ortsteile, Samtgemeinden, former names
  data/regions.csv           researched regions ("Wendland") and the districts they reach into
  tools/former_names.csv     hand-kept former district and municipality names

Writes, deterministically (same inputs, same bytes; no timestamps):
  data/districts.tsv         every district: key, name, type, state
  data/places.tsv            every name a person may type, sorted by its matching key
  data/keys.tsv              every distinct key of places.tsv, shortest first
  data/sounds.tsv            keys spelled differently but said alike, by sound key
  data/qualifiers.tsv        the rivers, regions and states names are qualified by
  data/postcodes.tsv         every postcode with every district and municipality it touches
  data/gazetteer-report.txt  the quality report of the last build

Usage: python tools/build_gazetteer.py [--sources ../shared/sources] [--out data]
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from polchan_cli.normalize import (  # noqa: E402
    QUALIFIER_WORDS,
    base_key,
    geographic_qualifier_key,
    name_key,
    name_keys,
    sound_key,
)

TOOL = "tools/build_gazetteer.py"

STATES = {
    "01": "Schleswig-Holstein",
    "02": "Hamburg",
    "03": "Niedersachsen",
    "04": "Bremen",
    "05": "Nordrhein-Westfalen",
    "06": "Hessen",
    "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg",
    "09": "Bayern",
    "10": "Saarland",
    "11": "Berlin",
    "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen",
    "15": "Sachsen-Anhalt",
    "16": "Thüringen",
}

SOURCE_FILES = {
    "geonames": "geonames-postal-de.csv",
    "osm": "osm-plz-ort-landkreis.csv",
    "destatis": "destatis-kreise.csv",
}

HEADER_SOURCES = (
    "# Sources: GeoNames postal codes DE (geonames.org, 2026-03, CC BY 4.0);",
    "#   OpenStreetMap contributors via suche-postleitzahl.org zuordnung_plz_ort_landkreis"
    " (2019, ODbL 1.0: this file is a derived database under the ODbL);",
    "#   Destatis Gemeindeverzeichnis 04-kreise (2018-12-31, CC BY 4.0 / dl-de/by-2-0);",
    "#   curated data/localities/*.csv, data/regions.csv and tools/former_names.csv"
    " (source URL per row).",
)

# Qualifier suffixes of kreisfreie Städte in the Destatis table ("Münster, Stadt").
_CITY_SUFFIX = re.compile(r",\s.*$")
_GEMFR = re.compile(r",?\s*gemfr\.\s*Bezirk$")
# " I", " II", ...: GeoNames' mark of one of several villages of that name.
_ROMAN_SUFFIX = re.compile(r"\s+[IVX]+")
# What follows a municipality's name as its qualifier, lower case as GeoNames
# writes it ("Rade bei Rendsburg", "Dissen am Teutoburger Wald"), or in brackets
# alone ("Bernterode (bei Heilbad Heiligenstadt)"); a village after the name is
# capitalised ("Clenze Bussau").
_QUALIFIER_TAIL = re.compile(rf"(?:{QUALIFIER_WORDS})\s|\([^()]*\)$")

PLACE_COLUMNS = (
    "key",
    "match",
    "name",
    "kind",
    "municipality",
    "district",
    "postcodes",
    "lat",
    "lon",
    "members",
    "note",
    "source",
    "samtgemeinde",
)


@dataclass
class District:
    key: str
    name: str
    type: str
    state: str
    short: str


@dataclass
class Place:
    name: str
    kind: str
    district: str
    municipality: str = ""
    postcodes: set[str] = field(default_factory=set)
    coords: list[tuple[float, float]] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    notes: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    osm_name: str = ""
    samtgemeinde: str = ""
    # The same name written otherwise, keyed as variants: a region's name run
    # together ("Westberlin" for West-Berlin).
    other_spellings: set[str] = field(default_factory=set)


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def drop(self, reason: str, example: str) -> None:
        self.dropped[reason] += 1
        if len(self.examples[reason]) < 8:
            self.examples[reason].append(example)


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = (line for line in fh if not line.startswith("#"))
        return list(csv.DictReader(rows, delimiter=delimiter))


# --- districts ---------------------------------------------------------------


def load_districts(path: Path) -> dict[str, District]:
    districts = {}
    for row in read_csv(path, delimiter=";"):
        key, kind, raw = row["AGS"], row["type"], row["name"]
        short = _CITY_SUFFIX.sub("", raw) if kind == "Kreisfreie Stadt" else raw
        if kind in ("Kreisfreie Stadt", "Stadtkreis"):
            dtype, name = "kreisfreie Stadt", short
        elif raw.startswith(("Region ", "Städteregion ")):
            dtype, name = "Region", raw
        elif kind == "Regionalverband":
            dtype, name = "Regionalverband", raw
        else:
            dtype = "Kreis" if kind == "Kreis" else "Landkreis"
            name = raw if "kreis" in raw.lower() else f"{dtype} {raw}"
        districts[key] = District(key, name, dtype, STATES[key[:2]], short)
    return districts


def _join_keys(name: str) -> list[str]:
    """Ever looser keys for joining district names across sources."""
    full = name_key(name.split(" - ")[0])  # "Cottbus - Chóśebuz"
    return [full, base_key(name), full.split(" ")[0]]


def district_index(districts: dict[str, District]) -> dict[str, list[District]]:
    index: dict[str, list[District]] = defaultdict(list)
    for d in districts.values():
        for key in {*_join_keys(d.short), *_join_keys(d.name)}:
            index[key].append(d)
    return index


def join_osm_district(row: dict[str, str], index: dict[str, list[District]]) -> str | None:
    """The district key of an OSM row, joined by name within its state.

    An empty ``landkreis`` or one without a type word ("Stuttgart") names a
    kreisfreie Stadt; "Landkreis …", "Kreis …", "…kreis", "Region …" a district.
    """
    label = row["landkreis"] or row["ort"]
    lowered = label.lower()
    wants_city = not row["landkreis"] or not any(
        w in lowered for w in ("kreis", "region", "verband")
    )
    for key in _join_keys(label):
        found = [d for d in index.get(key, []) if d.state == row["bundesland"]]
        preferred = [d for d in found if (d.type == "kreisfreie Stadt") == wants_city]
        for group in (preferred, found):
            if len({d.key for d in group}) == 1:
                return group[0].key
    return None


# --- organisations -----------------------------------------------------------


def organisation_markers(
    geonames: list[dict[str, str]], area_postcodes: set[str], place_words: set[str]
) -> set[str]:
    """Words that mark a GeoNames name as an organisation, learned from the data.

    A postcode that OpenStreetMap does not know as a delivery area is a
    Großkundenpostleitzahl: nearly every name there is an addressee. A word that
    at least three such names use, that is at least twice as common there as at
    delivery-area postcodes (where places are named: "Hamburg Barmbek-Nord"), and
    that no municipality or district name in Germany contains (GmbH, Agentur,
    Finanzamt, Sparkasse, ...) marks an organisation wherever it appears.
    """
    at_org: Counter[str] = Counter()
    at_area: Counter[str] = Counter()
    for row in geonames:
        words = set(name_key(row["place"]).split())
        (at_area if row["zipcode"] in area_postcodes else at_org).update(words)
    return {
        w
        for w, n in at_org.items()
        if n >= 3 and n >= 2 * at_area[w] and w not in place_words and len(w) > 1
    }


def is_organisation(name: str, markers: set[str]) -> bool:
    return any(w in markers for w in name_key(name).split())


# --- the build ---------------------------------------------------------------


@dataclass
class OsmMunicipalities:
    """The municipalities the OpenStreetMap table names, with their postcodes."""

    places: dict[tuple[str, str], Place]  # by (district key, name key)
    postcodes: dict[tuple[str, str], set[str]]  # (postcode, district): municipality keys
    area_postcodes: set[str]  # postcodes of an area (the rest are one addressee's)
    unjoined: Counter[str]  # OSM district names Destatis does not have, with their rows


def read_osm(
    osm: list[dict[str, str]], dindex: dict[str, list[District]], report: Report
) -> OsmMunicipalities:
    """Municipalities from OpenStreetMap (2019): name per (district, key)."""
    municipalities: dict[tuple[str, str], Place] = {}
    postcodes: dict[tuple[str, str], set[str]] = defaultdict(set)
    area_postcodes: set[str] = set()
    unjoined: Counter[str] = Counter()
    for row in osm:
        dkey = join_osm_district(row, dindex)
        if dkey is None:
            unjoined[f"{row['landkreis'] or row['ort']} ({row['bundesland']})"] += 1
            report.drop("OSM row whose district did not join", f"{row['plz']} {row['ort']}")
            continue
        name = _GEMFR.sub("", row["ort"])
        mkey = name_key(name)
        place = municipalities.setdefault(
            (dkey, mkey), Place(name, "municipality", dkey, name, osm_name=name)
        )
        if _GEMFR.search(row["ort"]):
            place.notes.add("gemeindefreier Bezirk")
        place.postcodes.add(row["plz"])
        place.sources.add("osm")
        postcodes[(row["plz"], dkey)].add(mkey)
        area_postcodes.add(row["plz"])
    return OsmMunicipalities(municipalities, postcodes, area_postcodes, unjoined)


class MunicipalityIndex:
    """The municipalities of each district, to find the one a GeoNames row names:
    by key, by key without qualifier, and by every spelling GeoNames gives it."""

    def __init__(self, municipalities: dict[tuple[str, str], Place]) -> None:
        self.by_key: dict[str, dict[str, Place]] = defaultdict(dict)
        self.by_base: dict[str, dict[str, list[Place]]] = defaultdict(lambda: defaultdict(list))
        self.spellings: dict[int, set[str]] = defaultdict(set)
        # The municipalities holding each postcode, as OpenStreetMap gives them.
        self.holders: dict[str, list[Place]] = defaultdict(list)
        for (dkey, mkey), place in municipalities.items():
            self.by_key[dkey][mkey] = place
            self.by_base[dkey][base_key(place.name)].append(place)
            self.spellings[id(place)].add(place.name)
            for pc in place.postcodes:
                self.holders[pc].append(place)

    def find(self, dkey: str, name: str) -> Place | None:
        """The municipality of the district that the name names, if exactly one."""
        hit = self.by_key[dkey].get(name_key(name))
        if hit:
            return hit
        # Same name but for a qualifier ("Dannenberg" / "Dannenberg (Elbe)"); a
        # longer tail is a locality ("Dannenberg (Elbe) Breese in der Marsch").
        base = base_key(name)
        candidates = [
            p
            for p in self.by_base[dkey].get(base, [])
            if len(name_key(name).split()) <= len(base.split()) + 1
            and len(name_key(p.name).split()) <= len(base.split()) + 1
        ]
        if len(candidates) == 1:
            return candidates[0]
        # The official name where OpenStreetMap has the bare one ("Rade bei
        # Rendsburg" for Rade, beside Rade b. Hohenwestedt; "Dissen am Teutoburger
        # Wald"): its tail is a qualifier, not a village "bei Rendsburg".
        split = self.split_locality(dkey, name.strip())
        return split[0] if split and _QUALIFIER_TAIL.match(split[1]) else None

    def split_locality(self, dkey: str, raw: str) -> tuple[Place, str] | None:
        """ "Clenze Bussau" -> (Clenze, "Bussau"): the longest municipality prefix."""
        best: tuple[Place, str, int] | None = None  # the length picks the longest prefix
        for place in self.by_key[dkey].values():
            for spelling in (place.name, *self.spellings.get(id(place), ())):
                if raw.startswith(spelling + " ") and (best is None or len(spelling) > best[2]):
                    best = (place, raw[len(spelling) :].strip(), len(spelling))
        return (best[0], best[1]) if best else None

    def learn_spellings_and_words(
        self,
        geonames: list[dict[str, str]],
        districts: dict[str, District],
        area_postcodes: set[str],
    ) -> set[str]:
        """Take in GeoNames' spellings of the municipalities, and return the words
        of every place name (which organisation_markers must not take for markers).

        GeoNames (2026) spells some municipalities differently from OSM (2019):
        "Dannenberg (Elbe)" for "Dannenberg". Both spellings prefix localities.
        """
        place_words = {w for d in self.by_key.values() for k in d for w in k.split()}
        place_words |= {w for d in districts.values() for w in name_key(d.name).split()}
        for row in geonames:
            dkey = row["community_code"]
            if dkey not in districts or row["zipcode"] not in area_postcodes:
                continue
            muni = self.find(dkey, row["place"])
            if muni is not None:
                self.spellings[id(muni)].add(row["place"].strip())
                place_words.update(name_key(row["place"]).split())
        for row in geonames:
            dkey = row["community_code"]
            at_area = dkey in districts and row["zipcode"] in area_postcodes
            if at_area and self.split_locality(dkey, row["place"].strip()):
                place_words.update(name_key(row["place"]).split())
        return place_words

    def home_district(self, zipcode: str, raw: str, dkey: str) -> str:
        """The district a GeoNames row belongs to.

        GeoNames files each postcode under one district. A row there that names a
        municipality of another district holding the same postcode, or a place of
        it, belongs to that district ("Hamburg" and "Hamburg Billstedt" at 22113,
        filed under Kreis Stormarn), not to a former name in the first.
        """
        if self.find(dkey, raw) or self.split_locality(dkey, raw):
            return dkey
        for other in self.holders.get(zipcode, ()):
            if other.district != dkey and (raw == other.name or raw.startswith(other.name + " ")):
                return other.district
        return dkey


@dataclass
class GeonamesPlaces:
    """What the GeoNames rows add beside the municipalities they name."""

    localities: dict[tuple[str, str, str], Place] = field(default_factory=dict)
    former: dict[tuple[str, str], Place] = field(default_factory=dict)
    wohnplatz_rows: list[str] = field(default_factory=list)
    # GeoNames rows per (postcode, district): the district a shared postcode
    # names most places of is listed first ("29640": Schneverdingen, not Undeloh).
    named_at: Counter[tuple[str, str]] = field(default_factory=Counter)
    unknown_keys: Counter[str] = field(default_factory=Counter)
    postcode_area: dict[str, bool] = field(default_factory=dict)


def read_geonames(
    geonames: list[dict[str, str]],
    districts: dict[str, District],
    index: MunicipalityIndex,
    osm: OsmMunicipalities,
    markers: set[str],
    report: Report,
) -> GeonamesPlaces:
    """Each GeoNames row as a spelling and postcode of a municipality, a locality
    of one ("Clenze Bussau"), or a former municipality's name."""
    geo = GeonamesPlaces()
    postcodes, area_postcodes = osm.postcodes, osm.area_postcodes
    for row in geonames:
        zipcode, raw, dkey = row["zipcode"], row["place"].strip(), row["community_code"]
        if not dkey:
            report.drop("GeoNames row without a district key", f"{zipcode} {raw}")
            continue
        if dkey not in districts:
            geo.unknown_keys[dkey] += 1
            report.drop("GeoNames district key not in Destatis (2018)", f"{zipcode} {raw} {dkey}")
            continue
        home = index.home_district(zipcode, raw, dkey)
        if home != dkey:
            report.drop(
                "filed under the other district of a shared postcode (moved there)",
                f"{zipcode} {raw}: {dkey} -> {home}",
            )
            dkey = home
        geo.named_at[(zipcode, dkey)] += 1
        postcodes.setdefault((zipcode, dkey), set())
        geo.postcode_area[zipcode] = zipcode in area_postcodes
        coords = (float(row["latitude"]), float(row["longitude"])) if row["latitude"] else None
        if is_organisation(raw, markers):
            report.drop("organisation (Großkundenpostleitzahl addressee)", f"{zipcode} {raw}")
            continue

        muni = index.find(dkey, raw)
        if muni is not None:
            if zipcode not in area_postcodes:
                # A city's own addressee postcode ("Stadt Lüneburg", 21332):
                # the postcode stays with its district, not in the city's list.
                report.drop("addressee at an organisation-only postcode", f"{zipcode} {raw}")
                postcodes[(zipcode, dkey)].add(name_key(muni.osm_name))
                continue
            if raw != muni.name:
                # Two spellings of one name ("Dannenberg" and "Dannenberg (Elbe)",
                # "Amt Neuhaus" and "Neuhaus"): the fuller one is shown. A roman
                # numeral GeoNames adds names a village, not the municipality
                # ("Hanstedt I" is a village of Hanstedt, Landkreis Uelzen).
                if _ROMAN_SUFFIX.fullmatch(raw.removeprefix(muni.name)):
                    shorter = raw
                else:
                    shorter, muni.name = sorted((raw, muni.name), key=lambda n: (len(n), n))
                muni.notes.add(f"also spelt {shorter}")
            muni.postcodes.add(zipcode)
            if coords:
                muni.coords.append(coords)
            muni.sources.add("geonames")
            postcodes[(zipcode, dkey)].add(name_key(muni.osm_name))
            continue

        split = index.split_locality(dkey, raw)
        if split is not None:
            muni, lname = split
            if lname == "Bad":
                # "Salzgitter Bad" is the quarter Salzgitter-Bad; "Bad" alone is no name.
                lname = raw
            parent, _, own = lname.rpartition(", ")
            names = [lname]
            if parent and own:
                # "Municipality Ortsteil, Wohnplatz" ("Waddeweitz Wittfeitzen, Groß
                # Wittfeitzen", "Oberbarnim Grunow, Ernsthof"): both are places.
                geo.wohnplatz_rows.append(raw)
                names = list(dict.fromkeys((own, parent)))
            for name in names:
                lkey = (dkey, name_key(muni.name), name_key(name))
                loc = geo.localities.setdefault(lkey, Place(name, "locality", dkey, muni.name))
                if name != parent and parent:
                    loc.notes.add(f"listed by GeoNames under {parent}")
                loc.postcodes.add(zipcode)
                loc.sources.add("geonames")
                if coords:
                    loc.coords.append(coords)
            postcodes[(zipcode, dkey)].add(name_key(muni.osm_name))
            continue

        if zipcode not in area_postcodes:
            report.drop("unknown name at an organisation-only postcode", f"{zipcode} {raw}")
            continue

        # A plain name GeoNames lists as a municipality but the municipality
        # table does not: a former municipality (Hermannsburg -> Südheide).
        owners = sorted(p.name for p in index.by_key[dkey].values() if zipcode in p.postcodes)
        owner = owners[0] if len(owners) == 1 else ""
        fkey = (dkey, name_key(raw))
        place = geo.former.setdefault(fkey, Place(raw, "former_name", dkey, owner))
        if owner and place.municipality != owner:
            place.municipality = place.municipality or owner
        place.postcodes.add(zipcode)
        place.sources.add("geonames")
        if coords:
            place.coords.append(coords)
        if not owner:
            report.drop(
                "former name whose current municipality is ambiguous (kept, district only)",
                f"{zipcode} {raw}: {', '.join(owners)}",
            )
    return geo


def apply_former_table(
    path: Path,
    districts: dict[str, District],
    index: MunicipalityIndex,
    osm: OsmMunicipalities,
    former: dict[tuple[str, str], Place],
) -> list[Place]:
    """The hand-kept former names (tools/former_names.csv): a merged municipality
    becomes a former name of the one it merged into (its postcodes with it); a
    former Samtgemeinde or district name is returned as a place of its own."""
    former_areas: list[Place] = []
    for row in read_csv(path):
        if row["kind"] in ("samtgemeinde", "district"):
            # A Samtgemeinde merged into another names that one; a district's old
            # name, the district.
            merged = row["kind"] == "samtgemeinde"
            now = districts[row["district_key"]].name
            former_areas.append(
                Place(
                    row["former_name"],
                    "former_name",
                    row["district_key"],
                    "",
                    notes={
                        f"merged into Samtgemeinde {row['current']} {row['since']}"
                        if merged
                        else f"renamed {row['since']}: now {now}"
                    },
                    sources={row["source_url"]},
                    samtgemeinde=row["current"] if merged else "",
                )
            )
            continue
        dkey = row["district_key"]
        old = index.by_key[dkey].pop(name_key(row["former_name"]), None)
        current = index.by_key[dkey][name_key(row["current"])]
        place = former.setdefault(
            (dkey, name_key(row["former_name"])),
            Place(row["former_name"], "former_name", dkey, current.name),
        )
        place.municipality = current.name
        place.notes.add(f"merged into {current.name} {row['since']}")
        place.sources.add(row["source_url"])
        if old is not None:
            osm.places.pop((dkey, name_key(old.name)), None)
            place.postcodes |= old.postcodes
            place.coords += old.coords
            current.postcodes |= old.postcodes
            for (_pc, dk), mkeys in osm.postcodes.items():
                if dk == dkey and name_key(old.osm_name) in mkeys:
                    mkeys.discard(name_key(old.osm_name))
                    mkeys.add(name_key(current.osm_name))
    return former_areas


def settle_former_names(
    former: dict[tuple[str, str], Place], index: MunicipalityIndex, report: Report
) -> None:
    """Former names GeoNames gave: "Fallingbostel" beside "Bad Fallingbostel" is
    that town's former name (the Bad rule); one that is also a municipality's own
    current name is no former name."""
    for (dkey, fkey), place in former.items():
        for muni in index.by_key[dkey].values():
            if name_key(muni.name) == f"bad {fkey}":
                place.municipality = muni.name
                place.notes.add(f"now {muni.name}")
    for (dkey, fkey), place in list(former.items()):
        if fkey in index.by_key[dkey]:
            del former[(dkey, fkey)]
            report.drop("GeoNames plain name equal to a current municipality", place.name)


def use_final_spellings(
    municipalities: dict[tuple[str, str], Place],
    index: MunicipalityIndex,
    others: list[Place],
) -> None:
    """Places were attached to a municipality under the spelling known at the
    time; each now shows its municipality's final spelling."""
    final_names = {}
    for (dkey, _), muni in municipalities.items():
        for spelling in (muni.osm_name, muni.name, *index.spellings.get(id(muni), ())):
            final_names[(dkey, name_key(spelling))] = muni.name
    for place in others:
        place.municipality = final_names.get(
            (place.district, name_key(place.municipality)), place.municipality
        )
    for muni in municipalities.values():
        muni.municipality = muni.name


def build(
    sources: Path, out: Path, curated: Path, former_table: Path, regions: Path | None = None
) -> Report:
    """Read the sources and curated inputs, write the data files and the report."""
    report = Report()
    districts = load_districts(sources / SOURCE_FILES["destatis"])
    osm = read_osm(read_csv(sources / SOURCE_FILES["osm"]), district_index(districts), report)
    geonames = read_csv(sources / SOURCE_FILES["geonames"])
    index = MunicipalityIndex(osm.places)
    place_words = index.learn_spellings_and_words(geonames, districts, osm.area_postcodes)
    markers = organisation_markers(geonames, osm.area_postcodes, place_words)
    geo = read_geonames(geonames, districts, index, osm, markers, report)
    former_areas = apply_former_table(former_table, districts, index, osm, geo.former)
    curated_counts = merge_curated(
        curated, districts, index.by_key, geo.localities, geo.former, report
    )
    region_places = load_regions(regions, districts, report) if regions else []
    settle_former_names(geo.former, index, report)
    use_final_spellings(osm.places, index, [*geo.localities.values(), *geo.former.values()])

    places: list[Place] = []
    for d in districts.values():
        places.append(Place(d.name, "district", d.key, sources={"destatis"}))
    places += former_areas
    places += osm.places.values()
    places += geo.localities.values()
    places += geo.former.values()
    places += region_places
    assign_samtgemeinden(places)

    rows = place_rows(places)
    pc_rows = postcode_rows(osm.postcodes, geo.postcode_area, osm.places, geo.named_at)
    write_outputs(out, districts, rows, pc_rows)
    write_report(
        out,
        report,
        districts,
        places,
        (len(rows), len(pc_rows)),
        osm,
        geo,
        markers,
        curated_counts,
        region_places,
    )
    return report


def write_report(
    out: Path,
    report: Report,
    districts: dict[str, District],
    places: list[Place],
    row_counts: tuple[int, int],
    osm: OsmMunicipalities,
    geo: GeonamesPlaces,
    markers: set[str],
    curated_counts: list[str],
    region_places: list[Place],
) -> None:
    """data/gazetteer-report.txt: what the build made, and what it left out and why."""
    kinds = Counter(p.kind for p in places)
    per_state: Counter[tuple[str, str]] = Counter()
    for p in places:
        per_state[(districts[p.district].state, p.kind)] += 1
    no_muni = sorted(d.name for d in districts.values() if d.key not in {k for k, _ in osm.places})
    r = report.lines
    r.append(f"places: {len(places)}; keys (rows of places.tsv): {row_counts[0]}")
    r.append(
        f"postcodes: {len({pc for pc, _ in osm.postcodes})}; "
        f"postcode-district pairs: {row_counts[1]}"
    )
    r.append("places per kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    r.append("")
    r.append("places per state and kind:")
    for state in sorted({s for s, _ in per_state}):
        counts = ", ".join(f"{k} {n}" for (s, k), n in sorted(per_state.items()) if s == state)
        r.append(f"  {state}: {counts}")
    r.append("")
    r.append(f"districts with no municipality ({len(no_muni)}): {', '.join(no_muni) or 'none'}")
    r.append(f"organisation marker words learned from the data: {len(markers)}")
    r.append("  e.g. " + ", ".join(sorted(markers)[:40]))
    r.append("")
    r.append("OSM district names that did not join Destatis:")
    for name, n in sorted(osm.unjoined.items()):
        r.append(f"  {name}: {n} rows")
    if not osm.unjoined:
        r.append("  none")
    r.append("GeoNames district keys unknown to Destatis (2018):")
    for key, n in sorted(geo.unknown_keys.items()):
        r.append(f"  {key}: {n} rows")
    if not geo.unknown_keys:
        r.append("  none")
    r.append("")
    r.append(
        "GeoNames rows naming an Ortsteil and its Wohnplatz, read as both: "
        f"{len(geo.wohnplatz_rows)}"
    )
    r.append("  e.g. " + "; ".join(geo.wohnplatz_rows[:8]))
    r.append("")
    r.append("rows not turned into places, and why:")
    for reason, n in sorted(report.dropped.items()):
        r.append(f"  {reason}: {n}")
        r.append("    e.g. " + "; ".join(report.examples[reason]))
    r.append("")
    r.append("curated localities per district (data/localities):")
    for line in curated_counts:
        r.append("  " + line)
    r.append("")
    r.append("regions (data/regions.csv), with the districts they reach into:")
    by_region: dict[str, list[str]] = defaultdict(list)
    for p in region_places:
        by_region[p.name].append(p.district)
    for name, keys in sorted(by_region.items()):
        r.append(f"  {name}: {', '.join(sorted(keys))}")
    if not by_region:
        r.append("  none")
    (out / "gazetteer-report.txt").write_text(
        "\n".join(
            [
                f"# Quality report of {TOOL}; regenerated by every build, do not edit.",
                *HEADER_SOURCES,
                "",
                *r,
            ]
        )
        + "\n",
        encoding="utf-8",
    )


def merge_curated(
    curated: Path,
    districts: dict[str, District],
    by_key: dict[str, dict[str, Place]],
    localities: dict[tuple[str, str, str], Place],
    former: dict[tuple[str, str], Place],
    report: Report,
) -> list[str]:
    """Merge data/localities/<district key>.csv into the GeoNames localities."""
    counts = []
    samtgemeinden: dict[tuple[str, str], Place] = {}
    for path in sorted(curated.glob("*.csv")):
        dkey = path.stem
        if dkey not in districts:
            report.drop("curated file for an unknown district", path.name)
            continue
        kinds: Counter[str] = Counter()
        for row in read_csv(path):
            muni = by_key[dkey].get(name_key(_GEMFR.sub("", row["municipality"])))
            if muni is None:
                former_hit = former.get((dkey, name_key(row["municipality"])))
                if former_hit is None or not former_hit.municipality:
                    report.drop(
                        "curated row whose municipality is unknown",
                        f"{path.name}: {row['municipality']} / {row['name']}",
                    )
                    continue
                muni = by_key[dkey][name_key(former_hit.municipality)]
            kind, name, url = row["kind"], row["name"].strip(), row["source_url"]
            kinds[kind] += 1
            if kind == "none":
                muni.notes.add("no Ortsteile listed in the source")
                continue
            if kind == "samtgemeinde":
                sg = samtgemeinden.setdefault(
                    (dkey, name_key(name)), Place(name, "samtgemeinde", dkey, "")
                )
                sg.members.append(muni.name)
                sg.postcodes |= muni.postcodes
                sg.coords += muni.coords
                sg.sources.add(url)
                continue
            if kind == "former_name":
                place = former.setdefault(
                    (dkey, name_key(name)), Place(name, "former_name", dkey, muni.name)
                )
                place.municipality = muni.name
                if row.get("note"):
                    place.notes.add(row["note"])
                place.sources.add(url)
                continue
            lkey = (dkey, name_key(muni.name), name_key(name))
            existing = former.pop((dkey, name_key(name)), None)
            loc = localities.setdefault(lkey, Place(name, "locality", dkey, muni.name))
            loc.sources.add(url)
            if existing is not None and existing.municipality in ("", muni.name):
                # GeoNames keeps it as a plain (former municipality) name: one place.
                loc.postcodes |= existing.postcodes
                loc.coords += existing.coords
                loc.notes.add("former municipality")
            elif existing is not None:
                former[(dkey, name_key(name))] = existing
            if row.get("note"):
                loc.notes.add(row["note"])
        counts.append(
            f"{dkey} {districts[dkey].name}: "
            + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
        )
    for (dkey, _), sg in samtgemeinden.items():
        sg.members.sort()
        localities[(dkey, "", name_key(sg.name) + " samtgemeinde")] = sg
    return counts


def load_regions(path: Path, districts: dict[str, District], report: Report) -> list[Place]:
    """data/regions.csv: one region place per region and district it reaches into.

    A region's ``members`` are the parts of that district its source names (empty:
    the district as a whole, or no parts named).
    """
    regions: dict[tuple[str, str], Place] = {}
    for row in read_csv(path):
        dkey, name = row["district_key"], row["name"].strip()
        if dkey not in districts:
            report.drop("region row for an unknown district", f"{name} / {dkey}")
            continue
        # One region, where its sources write its name with a hyphen or a space and
        # run together: West-Berlin and Westberlin are one place, found by either
        # name, and offered once.
        place = regions.setdefault(
            (dkey, name_key(name).replace(" ", "")), Place(name, "region", dkey)
        )
        if name != place.name:
            place.other_spellings.add(name)
        place.members += [part.strip() for part in row["parts"].split(";") if part.strip()]
        place.sources.add(row["source_url"])
        if row.get("note"):
            place.notes.add(row["note"])
    return list(regions.values())


def assign_samtgemeinden(places: list[Place]) -> None:
    """Give each municipality, and each place in one, the Samtgemeinde it belongs to."""
    member_of = {
        (p.district, member): p.name
        for p in places
        if p.kind == "samtgemeinde"
        for member in p.members
    }
    for p in places:
        if p.kind != "samtgemeinde" and not (p.samtgemeinde and not p.municipality):
            member = p.name if p.kind == "municipality" else p.municipality
            p.samtgemeinde = member_of.get((p.district, member), "")


def place_rows(places: list[Place]) -> list[tuple[str, ...]]:
    rows = set()
    for p in places:
        exact, variants = name_keys(p.name)
        if not exact:
            continue
        if p.coords:
            # fsum, exact: sum() of floats rounds otherwise from Python 3.12 on, and
            # a mean near a rounding edge came out a 4th decimal off there.
            lat = f"{math.fsum(c[0] for c in p.coords) / len(p.coords):.4f}"
            lon = f"{math.fsum(c[1] for c in p.coords) / len(p.coords):.4f}"
        else:
            lat = lon = ""
        record = (
            p.name,
            p.kind,
            p.municipality,
            p.district,
            " ".join(sorted(p.postcodes)),
            lat,
            lon,
            "|".join(p.members),
            "; ".join(sorted(p.notes)),
            " ".join(sorted(p.sources)),
            p.samtgemeinde,
        )
        rows.add((exact, "exact", *record))
        for v in {*variants, *map(name_key, p.other_spellings)} - {exact}:
            rows.add((v, "variant", *record))
    return sorted(rows)


def postcode_rows(
    postcodes: dict[tuple[str, str], set[str]],
    area: dict[str, bool],
    municipalities: dict[tuple[str, str], Place],
    named_at: Counter[tuple[str, str]],
) -> list[tuple[str, ...]]:
    """One row per postcode and district, by postcode; within a postcode, the
    district GeoNames names most places of first (the package keeps the order)."""
    rows = []
    for (pc, dkey), mkeys in postcodes.items():
        if not re.fullmatch(r"\d{5}", pc):
            continue
        names = {municipalities[(dkey, k)].name for k in mkeys}
        rows.append(
            (pc, dkey, "|".join(sorted(names)), "area" if area.get(pc, True) else "organisation")
        )
    return sorted(rows, key=lambda r: (r[0], -named_at[(r[0], r[1])], r[1]))


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")


def write_tsv(
    path: Path, title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]
) -> None:
    lines = [
        f"# polchan gazetteer: {title}",
        f"# Generated by {TOOL} from the sources below; do not edit by hand, rerun the tool.",
        *HEADER_SOURCES,
        "# " + "\t".join(columns),
    ]
    lines += ["\t".join(_clean(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_outputs(
    out: Path,
    districts: dict[str, District],
    place_rows_: list[tuple[str, ...]],
    pc_rows: list[tuple[str, ...]],
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_tsv(
        out / "districts.tsv",
        "every district of Germany",
        ("key", "name", "type", "state"),
        [(d.key, d.name, d.type, d.state) for d in sorted(districts.values(), key=lambda d: d.key)],
    )
    write_tsv(
        out / "places.tsv", "every place name, sorted by matching key", PLACE_COLUMNS, place_rows_
    )
    keys = sorted({row[0] for row in place_rows_}, key=lambda k: (len(k), k))
    write_tsv(
        out / "keys.tsv",
        "every distinct key of places.tsv, shortest first (the spelling search's candidates)",
        ("key",),
        [(k,) for k in keys],
    )
    qualifiers = {geographic_qualifier_key(row[2]) for row in place_rows_}
    write_tsv(
        out / "qualifiers.tsv",
        "the rivers, regions and states names are qualified by (Elbe of Lauenburg/Elbe), by key",
        ("key",),
        [(q,) for q in sorted(filter(None, qualifiers))],
    )
    said_alike: dict[str, list[str]] = defaultdict(list)
    for k in sorted({row[0] for row in place_rows_}):
        said_alike[sound_key(k)].append(k)
    write_tsv(
        out / "sounds.tsv",
        "keys spelled differently but said alike (Rothenburg, Rotenburg), by sound key",
        ("sound", "keys"),
        sorted((sound, " ".join(ks)) for sound, ks in said_alike.items() if len(ks) > 1),
    )
    write_tsv(
        out / "postcodes.tsv",
        "every postcode with the districts and municipalities it touches",
        ("postcode", "district", "municipalities", "type"),
        pc_rows,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "sources")
    parser.add_argument("--out", type=Path, default=ROOT / "data")
    parser.add_argument("--curated", type=Path, default=ROOT / "data" / "localities")
    parser.add_argument("--former-names", type=Path, default=ROOT / "tools" / "former_names.csv")
    parser.add_argument("--regions", type=Path, default=ROOT / "data" / "regions.csv")
    parser.add_argument("--quiet", action="store_true", help="do not print the report")
    args = parser.parse_args(argv)
    missing = [n for n in SOURCE_FILES.values() if not (args.sources / n).is_file()]
    if missing:
        print(f"build_gazetteer: missing in {args.sources}: {', '.join(missing)}", file=sys.stderr)
        return 2
    report = build(args.sources, args.out, args.curated, args.former_names, args.regions)
    if not args.quiet:
        print("\n".join(report.lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
