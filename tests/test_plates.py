"""Licence-plate codes: "Bostel (HK)" is the Bostel in the Heidekreis."""

from __future__ import annotations

import pytest

from _tools import installed_find_json
from polchan_cli import gazetteer, plates
from polchan_cli.query import plate_codes_in
from polchan_cli.resolve import resolve
from polchan_cli.store import load_channels


def rows() -> list[dict[str, str]]:
    return gazetteer.curated_rows("plates.csv")


def first(query: str) -> tuple[str, str, set[str]]:
    m = resolve(query, load_channels(None)).matches[0]
    return m.name, m.district.key, {c.id for c in m.channels}


def test_every_code_is_sourced_and_names_a_district_by_its_key_and_name():
    districts = gazetteer.districts()
    for row in rows():
        assert row["code"].isupper() and 1 <= len(row["code"]) <= 3, row
        assert row["source_url"].startswith(("https://", "http://")), row
        assert row["retrieved"] and row["current"] in ("yes", "no", "unknown"), row
        assert districts[row["district_key"]].name == row["district_name"], row
    assert len({(r["code"], r["district_key"]) for r in rows()}) == len(rows())


def test_every_district_a_channel_covers_has_its_code():
    # The codes people in the covered districts write; each read in its source.
    covered = {k for c in load_channels(None).channels for k in c.district_keys}
    coded = {r["district_key"] for r in rows()}
    assert covered <= coded, sorted(covered - coded)


def test_every_district_of_germany_has_a_code():
    # "Berg (STA)" and "Kirchberg (SHA)" say which of Bavaria's and Baden-Württemberg's
    # namesakes is meant, as "Bostel (HK)" does in Niedersachsen.
    coded = {r["district_key"] for r in rows()}
    assert set(gazetteer.districts()) <= coded, sorted(set(gazetteer.districts()) - coded)


@pytest.mark.parametrize(
    ("code", "districts"),
    [("HK", ("03358",)), ("BRV", ("03357",)), ("BÜR", ("05774",)), ("hk", ()), ("XQ", ())],
)
def test_a_code_names_its_districts_as_plates_write_it(code, districts):
    assert plates.districts_of(code) == districts


@pytest.mark.parametrize(
    ("query", "name", "district", "channel"),
    [
        # Found in review: each had shown a namesake elsewhere, with another channel.
        ("Bostel (HK)", "Bostel", "03358", "heidekreis"),
        ("Hagen (STD)", "Hagen", "03359", "stade"),
        ("Borstel (VER)", "Borstel", "03361", "verden-osterholz"),
        ("Neuenkirchen (STD)", "Neuenkirchen", "03359", "stade"),
        ("Hagen, STD", "Hagen", "03359", "stade"),
        ("Steinbeck, Kreis STD", "Steinbeck", "03359", "stade"),
        ("Bostel HK", "Bostel", "03358", "heidekreis"),
        # a district's own code, with a type word or alone, and an old one
        ("Kreis ROW", "Landkreis Rotenburg (Wümme)", "03357", "rotenburg-wuemme"),
        ("LK CE", "Landkreis Celle", "03351", "celle"),
        ("Kreis HI", "Landkreis Hildesheim", "03254", None),  # HI, a greeting alone
        ("STD", "Landkreis Stade", "03359", "stade"),
        ("Hassel (BRV)", "Hassel", "03357", "rotenburg-wuemme"),
        ("Bostel (Lkr. HK)", "Bostel", "03358", "heidekreis"),
        # Bavaria's and Baden-Württemberg's, with no channel, and a code shared
        ("Berg (STA)", "Berg", "09188", None),
        ("Kirchberg (SHA)", "Kirchberg an der Jagst", "08127", None),
        ("Gaildorf (BK)", "Gaildorf", "08127", None),
        ("Wanzleben (BK)", "Wanzleben", "15083", None),
        # a district's own code the first list pages lacked (found in review)
        ("Bad Aibling (RO)", "Bad Aibling", "09187", None),
        ("Roding (ROD)", "Roding", "09372", None),
    ],
)
def test_a_plate_code_says_which_district_the_place_lies_in(query, name, district, channel):
    assert first(query) == (name, district, {channel} if channel else set())


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        ("Celle (HK)", "Celle", "03351"),  # no Celle in the Heidekreis: as before
        ("Halle (S)", "Halle (Saale)", "15002"),  # S is Stuttgart's; "(S)" is the Saale
        ("DE", "Polizei Berlin", "11000"),  # the country, not Dessau-Roßlau
    ],
)
def test_a_code_whose_district_holds_no_place_named_reads_as_before(query, name, district):
    assert first(query)[:2] == (name, district)


def test_a_code_whose_district_has_no_place_of_the_name_is_said_not_to_fit():
    # Understood, not unknown (review): "none of the places found lies there".
    res = resolve("Celle (HK)", load_channels(None))
    assert (res.matches[0].name, res.unknown_parts, res.unfitting_parts) == ("Celle", (), ("HK",))


@pytest.mark.parametrize(
    "text",
    [
        *("B", "Celle, PI", "Tostedt, SG", "Tostedt (SG)", "Hanstedt I", "Celle (Aller)"),
        # in small letters, and a letter alone ("(H)" is Hessen or Holstein too)
        *("Bostel (hk)", "Neustadt (H)"),
        # Found in review: a last word in capitals is as often a word (LOS is Landkreis
        # Oder-Spree's code, DA Darmstadt's, PM Potsdam-Mittelmark's).
        *("WAS IST IN BUCHHOLZ LOS", "HEUTE IN CELLE WAS LOS", "Celle aktuell PM"),
        *("heute Celle HK", "WO BIST DU", "BOSTEL HK"),
        *("Buchholz LOS", "Lichtenau AN"),  # German words, not Oder-Spree's or Ansbach's
        # an address's floor and a firm's form, not Ebersberg's nor Bad Kissingen's
        *("Bahnhofstraße 5, EG, Celle", "Müller KG, Celle", "Celle IN", "Stade, WO"),
        *("Wedel, GER", "Linden, RP", "Haar, OBB"),  # a country, state, Regierungsbezirk
    ],
)
def test_no_code_is_read_in_a_letter_alone_a_type_word_or_a_word_in_capitals(text):
    assert plate_codes_in(text) == []


@pytest.mark.parametrize(
    ("query", "first_names"),
    [
        # Found in review: the code's district alone, or a guess, answered.
        ("Hagen (MS)", {"Hagen"}),  # Münster has no Hagen: no Häger there
        ("WAS IST IN BUCHHOLZ LOS", {"Buchholz in der Nordheide", "Buchholz"}),
    ],
)
def test_a_code_whose_district_has_no_such_place_leaves_the_answer_as_it_was(query, first_names):
    assert resolve(query, load_channels(None)).matches[0].name in first_names


def test_a_code_answers_only_the_places_of_its_district():
    # Found in review: "Kreis MS" listed Munster (Heidekreis) and its channel too.
    assert [m.name for m in resolve("Kreis MS", load_channels(None)).matches] == ["Münster"]


def test_a_code_for_the_police_in_brackets_is_a_district_there():
    # PI is Pinneberg's code: "Wedel (PI)" is the town in Kreis Pinneberg, not the
    # Wedel in Landkreis Stade, whose channel would be given.
    assert first("Wedel (PI)")[:2] == ("Wedel", "01056")


def test_the_installed_polchan_carries_the_codes():
    # A regular install (as CI makes) must bundle plates.csv in the wheel.
    found = installed_find_json("Bostel (HK)")["matches"]
    assert found[0]["district"]["key"] == "03358"


def test_each_code_of_a_text_is_read_once():
    # Found in review: each code read every other again, in time growing with their
    # factorial (seven codes: 18 s). The first decides; the next is read with it.
    res = resolve("Bostel (HK) (CE) (UE) (LG) (STD) (ROW) (WL) (OHZ)", load_channels(None))
    assert res.matches[0].name == "Bostel"


def test_a_code_after_a_comma_reads_as_its_district_written_out():
    # "Helpsen, CE" is what "Helpsen, Landkreis Celle" is, no more: never the
    # district's places the rest does not name (the review's Helpsen gave Celle).
    registry = load_channels(None)
    coded = resolve("Helpsen, CE", registry)
    written = resolve("Helpsen, Landkreis Celle", registry)
    assert [m.name for m in coded.matches] == [m.name for m in written.matches]
    assert coded.unfitting_parts == ("Helpsen",)


def test_a_code_a_place_found_bears_out_is_said_nothing_of():
    # Found in review: "Staffelstein (STE)" said that none of the places found lies
    # in STE's district, though Bad Staffelstein does.
    res = resolve("Staffelstein (STE)", load_channels(None))
    assert (res.unfitting_parts, res.unknown_parts) == ((), ())
    assert res.matches[0].district.key == "09478"
    # A letter alone is no code read, so it is said to be left out ("Haar (M)").
    assert resolve("Haar (M)", load_channels(None)).unknown_parts == ("M",)
