"""resolution: what an answer says about itself (status, where it lies, its JSON)."""

from __future__ import annotations

from polchan_cli import gazetteer
from polchan_cli.registry import Channel, MunicipalityRef, Registry, Source
from polchan_cli.resolution import (
    Match,
    Resolution,
    channel_matches,
    district_match,
    place_match,
    postcode_matches,
    state_match,
)


def places(name: str, registry: Registry, match: str = "exact") -> tuple[Match, ...]:
    return tuple(place_match(p, match, registry) for p in gazetteer.places_by_key(name))


def test_a_guess_is_found_only_if_a_channel_covers_the_name_it_was_read_as(bundled_registry):
    # "Müchen" read as München, which no channel covers; a further guess that one
    # covers does not make it found.
    munchen, celle = places("munchen", bundled_registry), places("celle", bundled_registry)
    guess = Resolution(query="Müchen", matches=munchen + celle, fuzzy_for="München")
    assert (guess.status, guess.unique_channels()) == ("no_channel", ())
    assert Resolution(query="Cele", matches=celle, fuzzy_for="Celle").status == "found"
    assert Resolution(query="Xyz").status == "not_found"


def test_areas_name_each_district_once_best_first_and_cut_short(bundled_registry):
    hagen = Resolution(query="Hagen", matches=places("hagen", bundled_registry))
    areas = hagen.areas(most=2).split(", ")
    assert len(areas) == 3 and areas[-1] == "…"
    first = hagen.matches[0]
    assert areas[0] == f"{first.district.name} ({first.state})"
    assert hagen.areas(most=100).count("Landkreis Stade (Niedersachsen)") == 1


def test_a_districts_state_joins_the_brackets_its_name_has(bundled_registry):
    # Found in review: "Landkreis Altenkirchen (Westerwald) (Rheinland-Pfalz)".
    district = district_match(gazetteer.district("07132"), bundled_registry)
    answer = Resolution(query="x", matches=(district,))
    assert answer.areas() == "Landkreis Altenkirchen (Westerwald, Rheinland-Pfalz)"


def test_areas_of_a_city_state_and_a_state_name_it_once(bundled_registry):
    berlin = district_match(gazetteer.district("11000"), bundled_registry)
    answer = Resolution(query="x", matches=(berlin, state_match("Bayern")))
    assert answer.areas() == "Berlin, Bayern"
    assert answer.areas(uncovered=True) == "Bayern"


def test_a_postcode_beside_a_place_of_another_district_is_a_mismatch(bundled_registry):
    by_postcode = postcode_matches("21423", bundled_registry)  # Landkreis Harburg
    celle = places("celle", bundled_registry)[:1]
    assert Resolution(query="21423 Celle", matches=by_postcode + celle).postcode_mismatch
    assert not Resolution(query="21423", matches=by_postcode).postcode_mismatch


def test_a_postcode_no_place_has_is_reported_as_unknown(bundled_registry):
    answer = Resolution(query="21399 Lüneburg", postcodes=("21399",))
    assert answer.unknown_postcodes == ("21399",)


def test_json_says_members_of_a_samtgemeinde_and_the_samtgemeinde_of_a_member(bundled_registry):
    elbmarsch = next(m for m in places("elbmarsch", bundled_registry) if m.kind == "samtgemeinde")
    assert "Tespe" in elbmarsch.to_dict()["members"]
    tespe = next(m for m in places("tespe", bundled_registry) if m.kind == "municipality")
    assert tespe.to_dict()["samtgemeinde"] == "Elbmarsch"
    assert state_match("Bayern").to_dict()["district"] is None


def test_a_directorate_names_its_channels(bundled_registry):
    matches = channel_matches("polizeidirektion luneburg", bundled_registry, by_name=True)
    under_it = {c.id for c in bundled_registry.channels if c.parent == "Polizeidirektion Lüneburg"}
    assert {c.id for m in matches for c in m.channels} == under_it
    assert {m.kind for m in matches} == {"channel"}


def test_a_channel_covering_two_towns_of_one_postcode_is_listed_once():
    # Radeberg and Wachau (Landkreis Bautzen) share 01454.
    channel = Channel(
        id="radeberg-land",
        name="Polizei Radeberger Land",
        url="https://whatsapp.com/channel/0029VaAAAAAAAAAAAAAAAAAA",
        agency="Polizeirevier Radeberg",
        parent=None,
        state="Sachsen",
        districts=(),
        source=Source("https://example.org/x", "x", "2024"),
        municipalities=(MunicipalityRef("14625", "Radeberg"), MunicipalityRef("14625", "Wachau")),
    )
    covered = [m for m in postcode_matches("01454", Registry((channel,))) if m.channels]
    assert [[c.id for c in m.channels] for m in covered] == [["radeberg-land"]]


def test_a_postcode_lies_in_each_of_its_towns_a_place_in_its_municipality(bundled_registry):
    (winsen,) = postcode_matches("21423", bundled_registry)
    assert winsen.towns == ("Drage", "Winsen (Luhe)")
    westercelle = places("westercelle", bundled_registry)[0]
    assert westercelle.towns == ("Celle",)
    assert state_match("Bayern").towns == ()


def test_a_user_channel_for_a_town_is_found_by_its_postcode_and_a_city_by_its_name(
    town_channels,
):
    own = town_channels
    # Beside the district's channel at 29221, not instead of it.
    (celle,) = postcode_matches("29221", own)
    assert [c.id for c in celle.channels] == ["celle", "celle-stadt"]
    # Wolfsburg, a kreisfreie Stadt, is listed as its district; covered as a town.
    city = gazetteer.district("03103")
    assert [c.id for c in district_match(city, own).channels] == ["wolfsburg"]
    wolfsburg = next(m for m in places("wolfsburg", own) if m.kind == "district")
    assert [c.id for c in wolfsburg.channels] == ["wolfsburg"]


def test_a_city_is_covered_by_a_user_channel_for_its_municipality(bundled_registry):
    from polchan_cli.registry import parse_registry

    # The gazetteer calls the city "Oldenburg (Oldenburg)" and its municipality
    # "Oldenburg": a channel given either way covers it.
    text = """schema: 1
channels:
  - id: oldenburg-stadt
    name: Polizei Oldenburg-Stadt
    url: https://whatsapp.com/channel/0029VaOldenburgAAAAAAAAAA
    agency: PI Oldenburg-Stadt/Ammerland
    parent: Polizeidirektion Oldenburg
    state: Niedersachsen
    districts: []
    municipalities: [{district: "03403", name: Oldenburg}]
    source: {url: "https://example.org/ol", title: "Test", published: 2025}
"""
    own = parse_registry(text, base=bundled_registry)
    city = gazetteer.district("03403")
    assert [c.id for c in district_match(city, own).channels] == ["oldenburg-stadt"]


def test_spelled_as_typed_keeps_the_places_an_umlaut_names(bundled_registry):
    both = places("munster", bundled_registry)
    assert {m.name for m in both} >= {"Münster", "Munster"}
    names = {m.name for m in Resolution(query="Münster", matches=both).spelled_as_typed().matches}
    assert "Münster" in names and "Munster" not in names
    # Without the dots it may be either: nothing is left out.
    assert Resolution(query="Munster", matches=both).spelled_as_typed().matches == both
    neuen = places("neunkirchen", bundled_registry)
    kept = Resolution(query="Neuenkirchen", matches=neuen).spelled_as_typed().matches
    assert {m.name for m in kept} == {"Neuenkirchen"}


def test_spelled_as_typed_without_umlauts_is_no_name_whose_ue_is_none(bundled_registry):
    # Found in review: `open Neunkirchen` offered Neuenkirchen's three channels
    # beside Siegen-Wittgenstein's, as keys fold "ue" like "ü".
    both = places("neunkirchen", bundled_registry)
    kept = Resolution(query="Neunkirchen", matches=both).spelled_as_typed().matches
    assert "Neuenkirchen" not in {m.name for m in kept} and "Neunkirchen" in {m.name for m in kept}
    # a name the query does not spell is kept: "Ulzen" may be Uelzen misspelt
    uelzen = places("ulzen", bundled_registry)
    assert Resolution(query="Ulzen", matches=uelzen).spelled_as_typed().matches == uelzen
