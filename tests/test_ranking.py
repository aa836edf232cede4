"""ranking: which of several places that answer a query comes first, and which go."""

from __future__ import annotations

from polchan_cli.gazetteer import District
from polchan_cli.normalize import TYPE_WORDS
from polchan_cli.ranking import KIND_OF_TYPE_WORD, ranked, unique
from polchan_cli.registry import Channel, Source
from polchan_cli.resolution import Match

STADE = District("03359", "Landkreis Stade", "Landkreis", "Niedersachsen")
HARBURG = District("03353", "Landkreis Harburg", "Landkreis", "Niedersachsen")
HAMBURG = District("02000", "Hamburg", "kreisfreie Stadt", "Hamburg")
CHANNEL = Channel(
    id="stade",
    name="Polizei Stade",
    url="https://whatsapp.com/channel/abc",
    agency="Polizeiinspektion Stade",
    parent="Polizeidirektion Lüneburg",
    state="Niedersachsen",
    districts=("03359",),
    source=Source("https://example.org/press", "Press release", "2024-01-02"),
)


def place(kind: str, name: str, match: str = "exact", **extra) -> Match:
    fields = {"municipality": name, "district": STADE, "postcodes": (), "channels": (CHANNEL,)}
    fields.update(extra)
    return Match(name=name, kind=kind, match=match, **fields)


def names(matches) -> list[tuple[str, str]]:
    return [(m.name, m.kind) for m in matches]


def test_every_type_word_names_a_kind_except_amt():
    # A type word added to normalize without a kind here would be dropped from
    # the query but no longer steer the ranking ("Amt" is part of "Amt Neuhaus").
    assert set(KIND_OF_TYPE_WORD) == TYPE_WORDS - {"amt"}


def test_each_place_is_kept_once_at_its_best_tier():
    fuzzy, exact = place("municipality", "Jork", "fuzzy"), place("municipality", "Jork")
    assert [m.match for m in unique([fuzzy, exact])] == ["exact"]


def test_a_town_comes_before_villages_of_its_bare_name():
    village = place("locality", "Dannenberg", municipality="Zeven")
    town = place("municipality", "Dannenberg (Elbe)", "variant")
    assert names(ranked([village, town], "Dannenberg"))[0] == ("Dannenberg (Elbe)", "municipality")


def test_a_municipality_of_its_own_comes_before_one_of_a_samtgemeinde():
    # Sorted by name, Buchholz (Aller) came first; the town in the Nordheide is meant.
    small = place("municipality", "Buchholz (Aller)", samtgemeinde="Schwarmstedt")
    town = place("municipality", "Buchholz in der Nordheide", district=HARBURG)
    assert [m.name for m in ranked([small, town], "Buchholz")] == [town.name, small.name]


def uncovered_district(key: str, name: str, kind: str, state: str) -> Match:
    """A district as a match, with no channel."""
    district = District(key, name, kind, state)
    return place("district", name, district=district, channels=(), municipality=None)


def test_a_city_of_the_name_comes_before_villages_a_channel_covers():
    # "Hagen": the city (no channel) first, lest its people take a village's channel.
    city = uncovered_district("05914", "Hagen", "kreisfreie Stadt", "Nordrhein-Westfalen")
    village = place("locality", "Hagen", municipality="Stade")
    assert [m.kind for m in ranked([village, city], "Hagen")] == ["district", "locality"]


def test_a_type_word_still_decides_between_a_landkreis_and_the_city_of_its_name():
    # "Landkreis Karlsruhe" is the Landkreis, not the city Karlsruhe beside it.
    state = "Baden-Württemberg"
    city = uncovered_district("08212", "Karlsruhe", "kreisfreie Stadt", state)
    landkreis = uncovered_district("08215", "Landkreis Karlsruhe", "Landkreis", state)
    first = ranked([city, landkreis], "Landkreis Karlsruhe")[0]
    assert first.name == "Landkreis Karlsruhe"


def test_a_city_states_quarter_comes_before_another_citys():
    # Mariendorf: Berlin's Ortsteil before the Wohnplatz in Münster.
    berlin = District("11000", "Berlin", "kreisfreie Stadt", "Berlin")
    muenster = District("05515", "Münster", "kreisfreie Stadt", "Nordrhein-Westfalen")
    in_muenster = place("locality", "Mariendorf", district=muenster, municipality="Münster")
    in_berlin = place("locality", "Mariendorf", district=berlin, municipality="Berlin")
    assert [m.district.key for m in ranked([in_muenster, in_berlin], "Mariendorf")] == [
        "11000",
        "05515",
    ]


def test_the_kind_a_type_word_names_comes_first():
    town, district = place("municipality", "Stade"), place("district", "Landkreis Stade")
    assert names(ranked([town, district], "Landkreis Stade"))[0][1] == "district"
    assert names(ranked([district, town], "Stadt Stade"))[0][1] == "municipality"


def test_the_village_a_municipality_is_named_after_goes_unless_asked_for():
    municipality = place("municipality", "Gartow")
    village = place("locality", "Gartow", municipality="Gartow")
    assert names(ranked([village, municipality], "Gartow")) == [("Gartow", "municipality")]
    assert names(ranked([municipality, village], "Ortsteil Gartow"))[0] == ("Gartow", "locality")


def test_a_regions_districts_come_by_how_much_of_it_they_hold():
    parts = {
        "03353": place("region", "Altes Land", district=HARBURG, members=("Rübke",)),
        "03359": place("region", "Altes Land", members=("Jork", "Samtgemeinde Lühe")),
        "02000": place("region", "Altes Land", district=HAMBURG, members=(), channels=()),
    }
    order = [m.district.key for m in ranked(list(parts.values()), "Altes Land")]
    # covered by a channel first; then more parts named before fewer
    assert order == ["03359", "03353", "02000"]
