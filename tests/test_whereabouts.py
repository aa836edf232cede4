"""whereabouts: whether a place lies where the other words of a query say."""

from __future__ import annotations

import pytest

from polchan_cli import gazetteer
from polchan_cli.normalize import name_key
from polchan_cli.registry import Registry
from polchan_cli.resolution import Match, place_match
from polchan_cli.whereabouts import (
    keys_of_whereabouts,
    lies_in_land,
    lies_in_part,
    names_a_land,
    nearest_to_each_other,
    nearest_together,
    only_says_where,
    same_place,
    states,
)


def place(name: str, registry: Registry, district: str) -> Match:
    """The place of that name in that district, as resolve() would match it."""
    found = [p for p in gazetteer.places_by_key(name.casefold()) if p.district == district]
    assert found, f"{name} in {district} is not in the bundled gazetteer"
    return place_match(found[0], "exact", registry)


@pytest.mark.parametrize(
    ("said", "state"),
    [
        ("nds", "Niedersachsen"),
        ("lower saxony", "Niedersachsen"),
        ("nrw", "Nordrhein-Westfalen"),
        ("westf", "Nordrhein-Westfalen"),
        ("bavaria", "Bayern"),
        ("berlin", "Berlin"),
    ],
)
def test_states_are_known_by_their_short_and_english_names(said, state):
    assert states()[said] == state


def test_a_village_lies_in_its_municipality_district_state_and_country(bundled_registry):
    westercelle = place("Westercelle", bundled_registry, "03351")
    for where in ("Celle", "Landkreis Celle", "Niedersachsen", "Nds.", "Deutschland"):
        assert lies_in_part([westercelle], name_key(where)), where
    for elsewhere in ("Harburg", "Bayern", "Uelzen"):
        assert not lies_in_part([westercelle], name_key(elsewhere)), elsewhere


def test_a_village_lies_in_the_former_municipality_merged_into_its_own(bundled_registry):
    # Bomlitz merged into Walsrode in 2020: people still say "Ahrsen, Bomlitz".
    ahrsen = place("Ahrsen", bundled_registry, "03358")
    assert lies_in_part([ahrsen], "bomlitz")


def test_a_town_lies_in_the_region_named_for_its_part_of_the_district(bundled_registry):
    assert lies_in_part([place("Hitzacker", bundled_registry, "03354")], "wendland")
    assert not lies_in_part([place("Celle", bundled_registry, "03351")], "wendland")


def test_a_municipality_does_not_lie_in_itself(bundled_registry):
    # Else "Bergen, Bergen" (or "Neuhaus, Amt Neuhaus") would fit every place of the
    # name by its own name; its villages do lie in it.
    bergen = place("Bergen", bundled_registry, "03351")
    assert bergen.kind == "municipality"
    assert "bergen" not in keys_of_whereabouts(bergen)
    assert "bergen" in keys_of_whereabouts(place("Offen", bundled_registry, "03351"))


@pytest.mark.parametrize(
    ("text", "only_where"),
    [("Deutschland", True), ("Nds", True), ("Niedersachsen", True), ("Celle", False)],
)
def test_the_country_and_a_state_only_say_where(text, only_where):
    assert only_says_where(text) is only_where


def test_one_place_matched_twice_is_the_same_place(bundled_registry):
    exact = place("Westercelle", bundled_registry, "03351")
    assert same_place(
        exact, place_match(gazetteer.places_by_key("westercelle")[0], "fuzzy", bundled_registry)
    )
    assert not same_place(exact, place("Celle", bundled_registry, "03351"))


def test_of_two_namesakes_the_one_near_the_other_place_is_kept(bundled_registry):
    winsen = [place("winsen", bundled_registry, d) for d in ("03351", "03353")]  # Aller, Luhe
    stelle = [place("stelle", bundled_registry, "03353")]
    near_winsen, near_stelle = nearest_to_each_other(winsen, stelle)
    assert [m.district.key for m in near_winsen] == ["03353"]
    assert near_stelle == stelle


def test_of_several_names_the_places_nearest_together_are_kept(bundled_registry):
    # Winsen and Buchholz alone are both pairs, on the Aller and by Hamburg, nearly
    # as near; beside Seevetal, the pair by Hamburg alone.
    winsen = [place("winsen", bundled_registry, d) for d in ("03351", "03353")]
    buchholz = [
        place_match(p, "variant", bundled_registry)
        for p in gazetteer.places_by_key("buchholz")
        if p.name in ("Buchholz (Aller)", "Buchholz in der Nordheide")
    ]
    assert len(buchholz) == 2
    seevetal = [place("seevetal", bundled_registry, "03353")]
    two = nearest_together([winsen, buchholz])
    assert [[m.district.key for m in group] for group in two] == [
        ["03351", "03353"],
        ["03358", "03353"],
    ]
    three = nearest_together([winsen, buchholz, seevetal])
    assert [[m.district.key for m in group] for group in three] == [["03353"]] * 3


@pytest.mark.parametrize(
    ("key", "names_it"),
    [
        *(("oberpfalz", True), ("mittelfranken", True), ("baden", True), ("holstein", True)),
        # a Regierungsbezirk named after its city names that city, not a land
        *(("kassel", False), ("munster", False), ("bayern", False), ("eifel", False)),
    ],
)
def test_a_land_is_a_part_of_a_states_name_or_a_regierungsbezirk(key, names_it):
    assert names_a_land(key) is names_it


def test_a_place_lies_in_the_land_that_holds_its_district(bundled_registry):
    amberg_sulzbach = place("Freudenberg", bundled_registry, "09371")
    siegen = place("Freudenberg", bundled_registry, "05970")
    assert lies_in_land(amberg_sulzbach, "oberpfalz") is True
    assert lies_in_land(siegen, "oberpfalz") is False
    assert lies_in_land(siegen, "kassel") is None
    assert "oberpfalz" in keys_of_whereabouts(amberg_sulzbach)


def test_every_regierungsbezirk_is_sourced_and_holds_districts_of_its_state():
    rows = gazetteer.curated_rows("regierungsbezirke.csv")
    districts = gazetteer.districts()
    for row in rows:
        assert row["source_url"].startswith(("https://", "http://")) and row["retrieved"], row
        held = [d for key, d in districts.items() if key.startswith(row["prefix"])]
        assert held and {d.state for d in held} == {row["state"]}, row
