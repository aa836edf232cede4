"""tools/build_gazetteer.py: fixture sources in, the expected gazetteer out."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest

from _tools import load_tool
from polchan_cli.sources import DATA_SOURCES

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_SOURCES = ROOT.parent / "shared" / "sources"
OUTPUTS = (
    "districts.tsv",
    "places.tsv",
    "keys.tsv",
    "sounds.tsv",
    "qualifiers.tsv",
    "postcodes.tsv",
    "gazetteer-report.txt",
)


build_gazetteer = load_tool("build_gazetteer")


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("gazetteer")
    build_gazetteer.build(
        FIXTURES / "sources",
        out,
        FIXTURES / "localities",
        FIXTURES / "former_names.csv",
        FIXTURES / "regions.csv",
    )
    return out


def _places(out: Path) -> dict[str, list[list[str]]]:
    by_name: dict[str, list[list[str]]] = {}
    for row in _rows(out / "places.tsv"):
        if row[1] == "exact":
            by_name.setdefault(row[2], []).append(row)
    return by_name


def test_locality_row_is_split_at_the_longest_municipality_prefix(fixture_build):
    places = _places(fixture_build)
    (bussau,) = places["Bussau"]
    assert bussau[3:6] == ["locality", "Clenze", "03354"]
    (breese,) = places["Breese in der Marsch"]
    assert breese[3:5] == ["locality", "Dannenberg (Elbe)"]


def test_an_ortsteil_and_its_wohnplatz_in_one_geonames_row_are_two_places(fixture_build):
    # "Waddeweitz Wittfeitzen, Groß Wittfeitzen": Groß Wittfeitzen, in Wittfeitzen.
    places = _places(fixture_build)
    notes = build_gazetteer.PLACE_COLUMNS.index("note")
    for name in ("Groß Wittfeitzen", "Klein Wittfeitzen", "Wittfeitzen"):
        (place,) = places[name]
        assert place[3:7] == ["locality", "Waddeweitz", "03354", "29496"], place
    assert places["Groß Wittfeitzen"][0][notes] == "listed by GeoNames under Wittfeitzen"
    # "Reepsholt, Reepsholt" and "Reepsholt, Dose": Reepsholt once, with no note.
    (reepsholt,) = places["Reepsholt"]
    (dose,) = places["Dose"]
    assert reepsholt[3:5] == dose[3:5] == ["locality", "Friedeburg"]
    assert (reepsholt[notes], dose[notes]) == ("", "listed by GeoNames under Reepsholt")
    # The fixture has no row of Habichhorst-Blyinghausen alone: it is a place too.
    for name in ("Habichhorst-Blyinghausen", "Habichhorst", "Blyinghausen"):
        (place,) = places[name]
        assert place[3:5] == ["locality", "Stadthagen"], place
    assert not [name for name in places if "," in name]
    report = (fixture_build / "gazetteer-report.txt").read_text(encoding="utf-8")
    assert "Ortsteil and its Wohnplatz, read as both: 6" in report


def test_member_municipalities_and_their_places_name_their_samtgemeinde(fixture_build):
    places = _places(fixture_build)
    sg_column = build_gazetteer.PLACE_COLUMNS.index("samtgemeinde")
    (clenze,) = places["Clenze"]
    (bussau,) = places["Bussau"]  # a locality of Clenze
    (samtgemeinde,) = places["Lüchow (Wendland)"]
    assert clenze[sg_column] == bussau[sg_column] == "Lüchow (Wendland)"
    assert samtgemeinde[3] == "samtgemeinde" and samtgemeinde[sg_column] == ""
    assert places["Dannenberg (Elbe)"][0][sg_column] == ""


def test_fuller_spelling_of_a_municipality_wins(fixture_build):
    places = _places(fixture_build)
    assert "Dannenberg (Elbe)" in places
    assert "Dannenberg" not in places


def test_a_qualifier_after_a_municipality_s_name_is_its_name_not_a_village(fixture_build):
    # GeoNames "Rade bei Rendsburg", "Dissen am Teutoburger Wald" and "Bernterode
    # (bei Heilbad Heiligenstadt)", OpenStreetMap "Rade" (beside Rade b.
    # Hohenwestedt), "Dissen" and "Bernterode": each is one municipality under its
    # full name, with no village "bei Rendsburg" or "am Teutoburger Wald".
    places = _places(fixture_build)
    (bernterode,) = places["Bernterode (bei Heilbad Heiligenstadt)"]
    assert bernterode[3:5] == ["municipality", "Bernterode (bei Heilbad Heiligenstadt)"]
    (rade,) = places["Rade bei Rendsburg"]
    assert rade[3:7] == ["municipality", "Rade bei Rendsburg", "01058", "24790"]
    (dissen,) = places["Dissen am Teutoburger Wald"]
    assert dissen[3:7] == ["municipality", "Dissen am Teutoburger Wald", "03459", "49201"]
    assert places["Rade bei Hohenwestedt"][0][3:5] == ["municipality", "Rade bei Hohenwestedt"]
    assert not [name for name in places if name[0].islower() or name[0] == "("]


def test_a_town_s_spa_quarter_keeps_the_town_s_name(fixture_build):
    # GeoNames "Salzgitter Bad": the quarter Salzgitter-Bad, not a place named "Bad".
    places = _places(fixture_build)
    (quarter,) = places["Salzgitter Bad"]
    assert quarter[3:5] == ["locality", "Salzgitter"]
    assert "Bad" not in places


def test_a_roman_numeral_geonames_adds_names_a_village_not_the_municipality(fixture_build):
    # GeoNames "Hanstedt I", OpenStreetMap "Hanstedt": the municipality is Hanstedt.
    places = _places(fixture_build)
    (hanstedt,) = places["Hanstedt"]
    assert hanstedt[3:6] == ["municipality", "Hanstedt", "03360"]
    assert "Hanstedt I" not in places


def test_merged_municipality_becomes_a_former_name_of_its_successor(fixture_build):
    places = _places(fixture_build)
    (bomlitz,) = places["Bomlitz"]
    assert bomlitz[3:5] == ["former_name", "Walsrode"]
    postcodes = {(r[0], r[1]): r[2] for r in _rows(fixture_build / "postcodes.tsv")}
    assert postcodes[("29699", "03358")] == "Walsrode"
    # A curated locality listed under the old municipality moves with it.
    assert places["Benefeld"][0][4] == "Walsrode"


def test_plain_geonames_name_of_a_merged_municipality_points_at_the_current_one(tmp_path):
    build_gazetteer.build(
        FIXTURES / "sources", tmp_path, tmp_path / "none", FIXTURES / "former_names.csv"
    )
    (hermannsburg,) = _places(tmp_path)["Hermannsburg"]
    assert hermannsburg[3:6] == ["former_name", "Südheide", "03351"]


def test_a_town_filed_under_the_other_district_of_a_shared_postcode_is_no_former_name(
    fixture_build,
):
    # GeoNames also files Schneverdingen under Landkreis Harburg at 29640, which
    # it shares with Undeloh: "Hamburg" at 22113 in Kreis Stormarn is the real case.
    # The row is Schneverdingen's, in its own district, not a former name.
    (schneverdingen,) = _places(fixture_build)["Schneverdingen"]
    assert schneverdingen[3:6] == ["municipality", "Schneverdingen", "03358"]


def test_organisations_are_never_places_but_their_postcodes_keep_their_district(fixture_build):
    names = {r[2] for r in _rows(fixture_build / "places.tsv")}
    assert not any("Agentur" in n for n in names)
    assert "Stadt Celle" not in names
    postcodes = {(r[0], r[1]) for r in _rows(fixture_build / "postcodes.tsv")}
    assert ("29201", "03351") in postcodes
    assert ("29204", "03351") in postcodes


def test_postcode_spanning_two_districts_keeps_both_the_one_it_names_first(fixture_build):
    rows = [r for r in _rows(fixture_build / "postcodes.tsv") if r[0] == "29640"]
    # GeoNames names Schneverdingen at 29640, never Undeloh: its district first.
    assert [(r[1], r[2]) for r in rows] == [("03358", "Schneverdingen"), ("03353", "Undeloh")]


def test_row_without_district_is_reported_not_fatal(fixture_build):
    report = (fixture_build / "gazetteer-report.txt").read_text(encoding="utf-8")
    assert "GeoNames row without a district key: 1" in report
    assert "87491 Jungholz" in report
    assert "Jungholz" not in {r[2] for r in _rows(fixture_build / "places.tsv")}


def test_kreisfreie_stadt_without_district_name_joins_by_city_name(fixture_build):
    munster = [r for r in _rows(fixture_build / "places.tsv") if r[2] == "Münster"]
    assert {(r[3], r[5]) for r in munster} == {("district", "05515"), ("municipality", "05515")}


def test_a_region_is_one_place_per_district_it_reaches_into(fixture_build):
    places = _places(fixture_build)
    assert sorted((row[3], row[5]) for row in places["Heidmark"]) == [
        ("region", "03351"),
        ("region", "03358"),
    ]
    (drawehn,) = places["Drawehn"]
    # members: the parts of that district the source names
    assert drawehn[9] == "Clenze|Samtgemeinde Lüchow (Wendland)"
    assert drawehn[11] == "https://example.org/drawehn"
    report = (fixture_build / "gazetteer-report.txt").read_text(encoding="utf-8")
    assert "Heidmark: 03351, 03358" in report
    assert "region row for an unknown district: 1" in report
    assert "Nowhere" not in places


def test_a_region_s_name_run_together_is_the_same_region(fixture_build):
    # West-Berlin and Westberlin: one place, found by either name, offered once.
    places = _places(fixture_build)
    assert len(places["Ost-Drawehn"]) == 1 and "Ostdrawehn" not in places
    rows = [r for r in _rows(fixture_build / "places.tsv") if r[0] == "ostdrawehn"]
    assert [(r[1], r[2]) for r in rows] == [("variant", "Ost-Drawehn")]


def test_former_district_name_from_the_hand_kept_table(fixture_build):
    (old,) = _places(fixture_build)["Landkreis Soltau-Fallingbostel"]
    assert old[3] == "former_name" and old[5] == "03358"


def test_former_samtgemeinde_names_the_one_it_merged_into(fixture_build):
    (old,) = _places(fixture_build)["Altes Amt Ebstorf"]
    # kind, municipality (none), district, ..., the Samtgemeinde it is now part of
    assert (old[3], old[4], old[5], old[12]) == (
        "former_name",
        "",
        "03360",
        "Bevensen-Ebstorf",
    )


def test_output_is_deterministic_and_headed(fixture_build, tmp_path):
    build_gazetteer.build(
        FIXTURES / "sources",
        tmp_path,
        FIXTURES / "localities",
        FIXTURES / "former_names.csv",
        FIXTURES / "regions.csv",
    )
    for name in OUTPUTS:
        assert filecmp.cmp(fixture_build / name, tmp_path / name, shallow=False), name
        head = (tmp_path / name).read_text(encoding="utf-8").splitlines()[:4]
        assert any("tools/build_gazetteer.py" in line for line in head)
        assert any("ODbL" in line for line in (tmp_path / name).read_text().splitlines()[:8])


def test_missing_sources_is_a_clear_error(tmp_path, capsys):
    assert build_gazetteer.main(["--sources", str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    assert "missing in" in capsys.readouterr().err


@pytest.mark.skipif(
    not (SHARED_SOURCES / "geonames-postal-de.csv").is_file(),
    reason="../shared/sources is not present: cannot rebuild the gazetteer from upstream",
)
def test_rebuild_from_upstream_reproduces_committed_data_byte_for_byte(tmp_path):
    assert (
        build_gazetteer.main(["--sources", str(SHARED_SOURCES), "--out", str(tmp_path), "--quiet"])
        == 0
    )
    for name in OUTPUTS:
        assert filecmp.cmp(ROOT / "data" / name, tmp_path / name, shallow=False), (
            f"data/{name} differs from a rebuild: run python tools/build_gazetteer.py"
        )


# --- the sources named twice: in the generated files' header and by `polchan sources` ---

# The header names a licence by its short identifier, `polchan sources` by its name.
LICENCE_NAMES = {"dl-de/by-2-0": "Datenlizenz Deutschland – Namensnennung 2.0"}
_DATE = re.compile(r"\d{4}(?:-\d{2}){0,2}")


def _header_sources(path: Path) -> tuple[list[str], list[str]]:
    """The header lines naming the sources, and each source they name as one string."""
    block: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.startswith("#"):
                break
            if line.startswith("# Sources:") or (block and line.startswith("#   ")):
                block.append(line)
    text = " ".join(line.lstrip("#").strip() for line in block).removeprefix("Sources:")
    return block, [item.strip().rstrip(".") for item in text.split(";")]


def _licences(text: str) -> set[str]:
    """ "CC BY 4.0 / dl-de/by-2-0" or "CC BY 4.0 (Datenlizenz …)": each licence it names."""
    parts = (part.strip() for part in re.split(r"[()]|\s/\s", text))
    return {LICENCE_NAMES.get(part, part) for part in parts if part}


def _data_source(item: str) -> dict[str, str]:
    """The entry of DATA_SOURCES a header source is, by the first word of its name."""
    word = item.split()[0].casefold()
    found = [s for s in DATA_SOURCES if word in re.findall(r"\w+", s["name"].casefold())]
    assert len(found) == 1, f"{item!r} is not exactly one of polchan sources' entries"
    return found[0]


@pytest.mark.parametrize("name", [n for n in OUTPUTS if n.endswith(".tsv")])
def test_committed_header_names_the_sources_the_tool_writes(name):
    block, _ = _header_sources(ROOT / "data" / name)
    assert tuple(block) == build_gazetteer.HEADER_SOURCES, (
        f"data/{name} is older than tools/build_gazetteer.py: rerun the tool"
    )


def test_each_source_has_the_same_date_and_licence_in_the_data_as_in_polchan_sources():
    _, items = _header_sources(ROOT / "data" / "places.tsv")
    assert items and all(items), "no sources found in the header of data/places.tsv"
    for item in items:
        entry = _data_source(item)
        # "(geonames.org, 2026-03, CC BY 4.0)": where, when, then the licence and
        # after a colon what it means for the file.
        details = re.search(r"\(([^()]*)\)$", item)
        parts = details.group(1).split(", ") if details else []
        dated = [i for i, part in enumerate(parts) if _DATE.fullmatch(part)]
        if not dated:
            # Only sources cited row by row may leave out their date and licence.
            assert "per row" in item and "per row" in entry["licence"], item
            continue
        licence = ", ".join(parts[dated[0] + 1 :]).split(":")[0]
        assert parts[dated[0]] == entry["date"], item
        assert _licences(licence) == _licences(entry["licence"]), item
