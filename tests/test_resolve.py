"""resolve(): real queries to the right places, districts and channels."""

from __future__ import annotations

import csv
import functools
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polchan_cli import gazetteer
from polchan_cli.normalize import name_key
from polchan_cli.registry import Registry
from polchan_cli.resolve import QueryError, resolve
from polchan_cli.store import load_channels

ROOT = Path(__file__).resolve().parent.parent
PD_LUENEBURG = {
    "03351": "celle",
    "03353": "landkreis-harburg",
    "03354": "luechow-dannenberg",
    "03355": "lueneburg",
    "03357": "rotenburg-wuemme",
    "03358": "heidekreis",
    "03359": "stade",
    "03360": "uelzen",
}
COVERED = {**PD_LUENEBURG, "03356": "verden-osterholz", "03361": "verden-osterholz"}


@functools.cache
def registry():
    return load_channels(None)


def without_type(query: str) -> str:
    return query.split(None, 1)[1]


def channel_ids(res, index: int | None = None) -> set[str]:
    matches = res.matches if index is None else res.matches[index : index + 1]
    return {c.id for m in matches for c in m.channels}


@pytest.mark.parametrize(
    ("query", "kind", "district", "channel"),
    [
        ("Celle", "municipality", "03351", "celle"),
        ("celle", "municipality", "03351", "celle"),
        ("Polizei Stade", "channel", "03359", "stade"),
        ("rotenburg-wuemme", "municipality", "03357", "rotenburg-wuemme"),
        ("verden-osterholz", "channel", "03361", "verden-osterholz"),
        ("Landkreis Harburg", "district", "03353", "landkreis-harburg"),
        ("LK Harburg", "district", "03353", "landkreis-harburg"),
        ("Heidekreis", "district", "03358", "heidekreis"),
        ("Winsen (Luhe)", "municipality", "03353", "landkreis-harburg"),
        ("Winsen an der Luhe", "municipality", "03353", "landkreis-harburg"),
        ("Winsen/Luhe", "municipality", "03353", "landkreis-harburg"),
        ("Winsen Luhe", "municipality", "03353", "landkreis-harburg"),
        ("Rotenburg (Wümme)", "municipality", "03357", "rotenburg-wuemme"),
        ("Rotenburg Wümme", "municipality", "03357", "rotenburg-wuemme"),
        ("Buchholz i. d. Nordheide", "municipality", "03353", "landkreis-harburg"),
        ("Buchholz in der Nordheide", "municipality", "03353", "landkreis-harburg"),
        ("Lüneburg", "municipality", "03355", "lueneburg"),
        ("Lueneburg", "municipality", "03355", "lueneburg"),
        ("Luneburg", "municipality", "03355", "lueneburg"),
        ("Hansestadt Lüneburg", "municipality", "03355", "lueneburg"),
        ("Bevensen", "former_name", "03360", "uelzen"),
        ("Bad Bevensen", "municipality", "03360", "uelzen"),
        ("Hermannsburg", "locality", "03351", "celle"),
        ("Unterlüß", "locality", "03351", "celle"),
        ("Bomlitz", "former_name", "03358", "heidekreis"),
        ("Fallingbostel", "former_name", "03358", "heidekreis"),
        ("Soltau-Fallingbostel", "former_name", "03358", "heidekreis"),
        ("Bussau", "locality", "03354", "luechow-dannenberg"),
        ("Westercelle", "locality", "03351", "celle"),
        ("Elbmarsch", "samtgemeinde", "03353", "landkreis-harburg"),
        ("Samtgemeinde Elbmarsch", "samtgemeinde", "03353", "landkreis-harburg"),
        ("Verden (Aller)", "municipality", "03361", "verden-osterholz"),
        ("Osterholz-Scharmbeck", "municipality", "03356", "verden-osterholz"),
        ("Münster", "district", "05515", "muenster"),
        ("muenster", "district", "05515", "muenster"),
        ("Paderborn", "municipality", "05774", "paderborn"),
        # Westfalen as the qualifier people write: the state it lies in
        ("Münster (Westf.)", "district", "05515", "muenster"),
        ("Paderborn Westfalen", "municipality", "05774", "paderborn"),
        ("Siegen", "municipality", "05970", "siegen-wittgenstein"),
        ("Berlin", "district", "11000", "berlin"),
        ("Amt Neuhaus", "municipality", "03355", "lueneburg"),
    ],
)
def test_query_resolves_to_its_channel(query, kind, district, channel):
    res = resolve(query, registry())
    assert res.status == "found"
    best = res.matches[0]
    assert (best.kind, best.district.key) == (kind, district), res.matches[:3]
    assert channel in channel_ids(res, 0)


def test_bad_prefix_is_optional_where_unambiguous():
    res = resolve("Bevensen", registry())
    assert any(m.name == "Bad Bevensen" and m.match == "variant" for m in res.matches)


def test_a_postcode_spaced_as_forms_space_it_before_its_town_is_read():
    res = resolve("29\u202f221 Celle", registry())
    assert (res.matches[0].name, res.matches[0].district.key) == ("29221", "03351")


@pytest.mark.parametrize(
    ("pasted", "name"),
    [
        ("L&uuml;neburg", "Lüneburg"),
        ("Fa&szlig;berg", "Faßberg"),
        ("Bux\u00adte\u00adhu\u00adde", "Buxtehude"),
    ],
)
def test_a_name_pasted_from_html_or_a_word_processor_is_found_as_typed(pasted, name):
    # Found in review: "L&uuml;neburg" was guessed as Neuburg (Mecklenburg), no channel.
    res = resolve(pasted, registry())
    assert (res.matches[0].name, res.fuzzy_for) == (name, None)


def test_misread_text_that_reads_as_no_letters_stays_as_typed():
    # "Â…" is U+0085 misread, which would leave an empty query (review).
    assert resolve("Â…", registry()).status == "not_found"


@pytest.mark.parametrize(
    ("misread", "as_written", "channel"),
    [
        ("LÃ¼neburg", "Lüneburg", "lueneburg"),
        ("Rotenburg (WÃ¼mme)", "Rotenburg (Wümme)", "rotenburg-wuemme"),
        ("GroÃŸ Meckelsen", "Groß Meckelsen", "rotenburg-wuemme"),
    ],
)
def test_utf8_misread_as_windows_1252_is_answered_as_written(misread, as_written, channel):
    res = resolve(misread, registry())
    assert res.query == misread
    assert res.matches == resolve(as_written, registry()).matches
    assert channel in {c.id for c in res.matches[0].channels}


def test_former_name_points_at_current_municipality():
    best = resolve("Bomlitz", registry()).matches[0]
    assert best.municipality == "Walsrode"
    (fallingbostel,) = [
        m for m in resolve("Fallingbostel", registry()).matches if m.kind == "former_name"
    ]
    assert fallingbostel.municipality == "Bad Fallingbostel"


@pytest.mark.parametrize(
    ("query", "first", "second"),
    [
        ("Stadt Celle", "municipality", "district"),
        ("Landkreis Celle", "district", "municipality"),
        ("Stadt Paderborn", "municipality", "district"),
        ("Samtgemeinde Tostedt", "samtgemeinde", "municipality"),
        ("Gemeinde Tostedt", "municipality", "samtgemeinde"),
        ("Stadt Cele", "municipality", "district"),
        # No type word: the place named exactly so before the one whose type word was dropped.
        ("Celle", "municipality", "district"),
        ("Hannover", "municipality", "district"),
        ("Region Hannover", "district", "municipality"),
        # abbreviated, as in addresses
        ("Kr. Celle", "district", "municipality"),
        ("Landkr. Stade", "district", "municipality"),
        ("SG Tostedt", "samtgemeinde", "municipality"),
        ("Ortsteil Gartow", "locality", "municipality"),
        # after the name, as statistics tables write it
        ("Celle (Stadt)", "municipality", "district"),
        ("Stade, Landkreis", "district", "municipality"),
        ("Tostedt (Samtgemeinde)", "samtgemeinde", "municipality"),
        # a town's title, as its official name has it
        ("Universitätsstadt Paderborn", "municipality", "district"),
        ("Kreisstadt Celle", "municipality", "district"),
        ("Einheitsgemeinde Tostedt", "municipality", "samtgemeinde"),
    ],
)
def test_type_word_in_the_query_puts_that_kind_first(query, first, second):
    kinds = [m.kind for m in resolve(query, registry()).matches]
    assert kinds[:2] == [first, second]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Landkries Celle", ("Landkreis Celle", "district")),
        ("Lankreis Harburg", ("Landkreis Harburg", "district")),
        ("Samtgemiende Elbmarsch", ("Elbmarsch", "samtgemeinde")),
        ("Gemiende Jork", ("Jork", "municipality")),
    ],
)
def test_a_misspelt_type_word_still_names_its_kind(query, first):
    res = resolve(query, registry())
    assert (res.matches[0].name, res.matches[0].kind) == first


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        ("Universitätsstadt Siegen", "Siegen", "05970"),
        ("Mitgliedsgemeinde Jelmstorf", "Jelmstorf", "03360"),
        ("Einheitsgemeinde Seevetal", "Seevetal", "03353"),
        ("Bezirksamt Neukölln", "Neukölln", "11000"),
        ("Gemarkung Westercelle", "Westercelle", "03351"),
        ("kreisfreie Stadt Münster", "Münster", "05515"),
        # as statistics tables write it, two words after the name
        ("Münster, kreisfreie Stadt", "Münster", "05515"),
        # misspelt, the name is guessed as it would be with the title before it
        ("Uelzn, Hansestadt", "Uelzen", "03360"),
        ("Paderbrn, Stadt", "Paderborn", "05774"),
        ("Stadde, Landkreis", "Landkreis Stade", "03359"),
    ],
)
def test_a_towns_title_is_read_as_a_type_word(query, name, district):
    res = resolve(query, registry())
    assert (res.matches[0].name, res.matches[0].district.key) == (name, district)
    assert res.unknown_parts == ()


def test_a_town_named_like_a_misspelt_title_is_no_title():
    # "Remsstädt" is two letters from "Kreisstadt", one from Remstädt (Gotha).
    res = resolve("Remsstädt, Gotha", registry())
    assert (res.matches[0].name, res.fuzzy_for) == ("Remstädt", "Remstädt")


def test_a_misspelt_place_is_not_taken_for_a_misspelt_type_word():
    # "Hanstadt" is two letters from "Hansestadt" and one from Hanstedt.
    assert resolve("Hanstadt I", registry()).fuzzy_for in {"Hanstedt", "Hanstedt I"}


def test_a_village_spelled_like_a_type_word_is_not_respelled():
    # Klecken (Rosengarten) is one letter from "Flecken".
    res = resolve("Klecken Rosengarten", registry())
    assert [(m.name, m.municipality) for m in res.matches] == [("Klecken", "Rosengarten")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Winsen", {"Winsen (Luhe)", "Winsen (Aller)", "Winsen"}),
        ("Bergen", {"03351"}),
        ("Barum", {"03355", "03360"}),
        ("Neuenkirchen", {"03358", "03359"}),
    ],
)
def test_ambiguous_names_list_every_candidate(query, expected):
    res = resolve(query, registry())
    assert res.ambiguous
    seen = {m.name for m in res.matches} | {m.district.key for m in res.matches}
    assert expected <= seen
    # the names spelled as typed, with or without a qualifier, come first, and
    # among them the towns, then the villages ("Neunkirchen" only folds like
    # "Neuenkirchen"), each the covered ones first
    as_typed = [m.name.startswith(query) for m in res.matches]
    assert as_typed == sorted(as_typed, reverse=True)
    spelled = [m for m in res.matches if m.name.startswith(query)]
    villages = [m.kind == "locality" for m in spelled]
    assert villages == sorted(villages)
    for village in (False, True):
        covered = [bool(m.channels) for m in spelled if (m.kind == "locality") is village]
        assert covered == sorted(covered, reverse=True)


def test_a_town_comes_before_a_namesake_of_a_samtgemeinde():
    names = [m.name for m in resolve("Buchholz", registry()).matches]
    assert names[:2] == ["Buchholz in der Nordheide", "Buchholz (Aller)"]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # Found in review: the namesake near the city a town is said to lie by
        # comes first, as people in Winsen (Luhe) say where they live.
        ("Winsen bei Hamburg", "Winsen (Luhe)"),
        ("Winsen b. Hamburg", "Winsen (Luhe)"),
        ("Hagen bei Bremen", "Hagen im Bremischen"),
        # and a city named after "bei" is no misspelt village where the town lies
        # (it was Griemen, in Landkreis Rotenburg)
        ("Rotenburg bei Bremen", "Rotenburg (Wümme)"),
    ],
)
def test_a_town_said_to_lie_by_a_city_is_its_namesake_nearest_that_city(query, first):
    assert resolve(query, registry()).matches[0].name == first


def test_a_name_said_without_its_qualifier_is_as_good_as_exact():
    # People in Lower Saxony say "Winsen" for Winsen (Luhe) and Winsen (Aller); the
    # Winsen in Kreis Segeberg, named exactly so but without a channel, comes after.
    names = [m.name for m in resolve("Winsen", registry()).matches]
    assert names.index("Winsen (Luhe)") < names.index("Winsen")
    assert names.index("Winsen (Aller)") < names.index("Winsen")


@pytest.mark.parametrize("query", ["Nindorf", "Borstel", "Hagen", "Buchholz"])
def test_village_names_shared_across_districts_list_every_one(query):
    res = resolve(query, registry())
    districts = {m.district.key for m in res.matches}
    assert len(districts & set(COVERED)) >= 2, districts


@pytest.mark.parametrize(
    ("query", "first", "offered"),
    [
        # Found by QA: written together or apart, only the one spelled so was shown.
        # Offered, not listed (the review): `open "Groß Moor"` had become a choice.
        ("Großmoor", "03351", "Groß Moor"),  # Großmoor (Celle), Groß Moor (Harburg)
        ("Groß-Moor", "03353", "Großmoor"),
        ("kleinmoor", "03356", "Klein Moor"),  # Kleinmoor (Osterholz), Klein Moor (Harburg)
    ],
)
def test_a_name_with_gross_or_klein_apart_or_joined_offers_the_other(query, first, offered):
    res = resolve(query, registry())
    assert {m.district.key for m in res.matches} == {first}
    assert res.suggestions == (offered,)


def test_a_joined_name_no_channel_covers_offers_the_one_written_apart():
    # "Grossheide" is Großheide (Aurich, no channel) and how Groß Heide is typed.
    res = resolve("Grossheide", registry())
    assert res.status == "no_channel" and "Groß Heide" in res.suggestions


@pytest.mark.parametrize(
    ("query", "meant", "channel"),
    [
        ("Cele", "Celle", "celle"),
        ("Lüneberg", "Lüneburg", "lueneburg"),
        ("Rothenburg Wümme", "Rotenburg (Wümme)", "rotenburg-wuemme"),
        ("Westercele", "Westercelle", "celle"),
        # one changed letter, or two swapped, is one typo, even in a short name
        ("Celxe", "Celle", "celle"),
        ("Celel", "Celle", "celle"),
        # a slip that makes an "ae" or "ue" by accident is still one slip
        ("Paerborn", "Paderborn", "paderborn"),
        ("Dierkshasuen", "Dierkshausen", "landkreis-harburg"),
    ],
)
def test_typos_give_a_fuzzy_result_marked_as_such(query, meant, channel):
    res = resolve(query, registry())
    assert res.fuzzy_for is not None
    assert all(m.match == "fuzzy" for m in res.matches)
    assert meant in {m.name for m in res.matches}
    assert channel in channel_ids(res)


@pytest.mark.parametrize(
    ("query", "read_as", "offered"),
    [
        # München has no channel; Buchen (Siegen-Wittgenstein), a further guess, has.
        ("Müchen", "München", "Buchen"),
        # Seifen (Westerwald) and Siegen are both one slip off, and both towns.
        ("Seigen", "Seifen", "Siegen"),
    ],
)
def test_a_guess_no_channel_covers_is_no_channel_even_beside_one_that_has(query, read_as, offered):
    res = resolve(query, registry())
    assert (res.fuzzy_for, res.status, res.unique_channels()) == (read_as, "no_channel", ())
    # The further guess is listed with its channel, and asked about by name.
    assert any(m.name == offered and m.channels for m in res.matches)
    assert offered in res.suggestions


@pytest.mark.parametrize(
    ("query", "read_as"),
    [
        # Found by QA: a tie in spelling went to the name first in the alphabet:
        # Bellin (a former name near Rostock), the village Uelsen (Grafschaft Bentheim).
        ("Belrin", "Berlin"),
        ("Betlin", "Berlin"),
        ("Uelen", "Uelzen"),
    ],
)
def test_of_names_as_close_to_a_typo_a_districts_comes_first_a_former_one_last(query, read_as):
    res = resolve(query, registry())
    assert (res.fuzzy_for, res.status) == (read_as, "found")


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        # Handorf (Lüneburg) and Danndorf (Helmstedt) are each one letter off; the
        # letters of "Landkreis" made Danndorf look closer.
        ("Hanndorf", "Handorf", "03355"),
        ("Landkreis Hanndorf", "Handorf", "03355"),
        ("Hanndorf, Landkreis", "Handorf", "03355"),
        # and those of a district's own name no less: Velden (Landshut) is one letter off too
        ("Landkreis Veöden", "Landkreis Verden", "03361"),
        ("Veöden, Landkreis", "Landkreis Verden", "03361"),
        # a name with the type word typed before one without: not Hamburg
        ("Landkreis Haaburg", "Landkreis Harburg", "03353"),
    ],
)
def test_a_type_word_does_not_sway_which_spelling_is_closest(query, name, district):
    res = resolve(query, registry())
    assert (res.matches[0].name, res.matches[0].district.key) == (name, district)


@pytest.mark.parametrize(
    "query",
    [
        "Bahnhofstraße 5, 29221 Celle",
        "Am Markt 1 29221 Celle",
        "Celle 29221",
        "D-29221",
        "29 221",  # typed with a space, as some write long numbers
    ],
)
def test_a_pasted_address_is_read_by_its_postcode(query):
    res = resolve(query, registry())
    assert [(m.kind, m.name) for m in res.matches] == [("postcode", "29221")]
    assert channel_ids(res) == {"celle"}


@pytest.mark.parametrize(("key", "channel"), [("03351", "celle"), ("11000", "berlin")])
def test_a_district_key_that_is_no_postcode_gives_its_district(key, channel):
    # The keys channels.yaml lists districts by; no postcode is 03351 or 11000.
    res = resolve(key, registry())
    assert [(m.kind, m.district.key) for m in res.matches] == [("district", key)]
    assert channel_ids(res) == {channel}


def test_a_real_postcode_is_never_read_as_a_district_key():
    assert {m.kind for m in resolve("01067", registry()).matches} == {"postcode"}


def test_an_unknown_postcode_leaves_the_town_beside_it_to_answer():
    res = resolve("Am Markt 1, 21399 Lüneburg", registry())
    assert res.unknown_postcodes == ("21399",)
    assert res.matches[0].name == "Lüneburg" and channel_ids(res) == {"lueneburg"}


def test_a_town_in_another_district_than_its_postcode_is_shown_beside_it():
    # 21423 is Winsen (Luhe)'s, in Landkreis Harburg; Celle is not: one is mistyped.
    res = resolve("21423 Celle", registry())
    assert res.matches[0].kind == "postcode"
    assert channel_ids(res) == {"landkreis-harburg", "celle"}
    # A name that fits the postcode adds nothing, and neither does one shared so
    # widely that it cannot contradict it.
    for query in ("21423 Winsen", "Hagen 21423", "Bahnhofstraße 5, 29221 Celle"):
        assert {m.kind for m in resolve(query, registry()).matches} == {"postcode"}, query


def test_several_postcodes_are_each_read_in_the_order_typed():
    res = resolve("29221, 21423 und 29221", registry())
    assert [m.name for m in res.matches] == ["29221", "21423"]
    assert channel_ids(res) == {"celle", "landkreis-harburg"}


@pytest.mark.parametrize(
    ("query", "district"),
    [
        ("Hagen, Landkreis Stade", "03359"),
        ("Hagen Stade", "03359"),
        ("Nindorf, Lüneburg", "03355"),
        ("Westercelle, Celle", "03351"),
        # where it lies first, as on signs and in addresses
        ("Celle Westercelle", "03351"),
        ("Stade-Hagen", "03359"),
        ("Berlin-Kreuzberg", "11000"),
        ("Neu Wulmstorf-Elstorf", "03353"),
        # "OT" (Ortsteil) as German addresses write it
        ("Celle OT Westercelle", "03351"),
        ("Tostedt OT Todtglüsingen", "03353"),
        # a former municipality still says where its villages lie
        ("Bomlitz OT Ahrsen", "03358"),
        # and so does a Samtgemeinde (Drage is also in two Schleswig-Holstein districts)
        ("Elbmarsch Drage", "03353"),
        ("Hagen, SG Bevensen-Ebstorf", "03360"),
    ],
)
def test_a_place_named_with_where_it_lies_keeps_only_that_one(query, district):
    res = resolve(query, registry())
    assert res.matches and {m.district.key for m in res.matches} == {district}
    assert all(m.match == "exact" for m in res.matches)


@pytest.mark.parametrize("query", ["Neuhaus, Amt Neuhaus", "Amt Neuhaus, Neuhaus"])
def test_a_municipality_is_not_where_it_lies_itself(query):
    # Neuhaus am Inn keys as "neuhaus" without its qualifier, like Amt Neuhaus
    # without its type word; only the village in Amt Neuhaus lies there.
    res = resolve(query, registry())
    assert [(m.name, m.kind, m.municipality) for m in res.matches] == [
        ("Neuhaus", "locality", "Amt Neuhaus")
    ]


@pytest.mark.parametrize(
    ("query", "full", "elsewhere"),
    [
        ("Landkreis Harburg", "Landkreis Harburg", "Harburg (Schwaben)"),
        ("Amt Neuhaus", "Amt Neuhaus", "Neuhaus am Inn"),
    ],
)
def test_a_full_name_typed_drops_places_elsewhere_that_lost_a_qualifier(query, full, elsewhere):
    names = [m.name for m in resolve(query, registry()).matches]
    assert names[0] == full
    assert elsewhere not in names
    # Without the type word the name is shared, and the other place is listed.
    assert elsewhere in {m.name for m in resolve(without_type(query), registry()).matches}


def test_a_full_name_typed_keeps_its_namesakes_in_the_same_district():
    names = [m.name for m in resolve("Landkreis Verden", registry()).matches]
    assert names == ["Landkreis Verden", "Verden (Aller)"]


def test_the_village_a_municipality_is_named_after_is_not_listed_twice():
    res = resolve("Gartow", registry())
    assert [(m.name, m.kind) for m in res.matches] == [
        ("Gartow", "municipality"),
        ("Gartow", "samtgemeinde"),
    ]
    # Asked for as an Ortsteil, it is the answer.
    assert resolve("Ortsteil Gartow", registry()).matches[0].kind == "locality"


def test_two_villages_of_one_municipality_give_its_channel():
    # Hermannsburg and Baven are both villages of Südheide since 2015.
    both = resolve("Hermannsburg Baven", registry())
    assert {(m.name, m.municipality) for m in both.matches} == {
        ("Hermannsburg", "Südheide"),
        ("Baven", "Südheide"),
    }
    assert channel_ids(both) == {"celle"}
    # After a comma the first is the place, as in an address.
    assert [m.name for m in resolve("Baven, Hermannsburg", registry()).matches] == ["Baven"]


def test_context_that_fits_nothing_keeps_every_candidate():
    # "Bahnhofstraße 5" names no place; Celle is still found, and "Nindorf, Bayern"
    # lists every Nindorf rather than none.
    assert "Celle" in {m.name for m in resolve("Bahnhofstraße 5, Celle", registry()).matches}
    # A spreadsheet row pasted whole: semicolons or tabs between the cells.
    for row in ("Müller;Bahnhofstraße 5;Celle", "Müller\tBahnhofstraße 5\tCelle"):
        assert resolve(row, registry()).matches[0].name == "Celle"
    everywhere = {m.district.key for m in resolve("Nindorf", registry()).matches}
    assert {m.district.key for m in resolve("Nindorf, Bayern", registry()).matches} == everywhere


@pytest.mark.parametrize(
    ("query", "unknown", "unfitting"),
    [
        # A village the data lacks beside its town: the answer rests on the town.
        ("Bruchtorf, Uelzen", ("Bruchtorf",), ()),
        # So with a hyphen or brackets, where nothing else is found (found by QA in
        # real releases: the data lacks Osterjork and Paderborn's Mönkeloh).
        ("Osterjork (Jork)", ("Osterjork",), ()),
        ("Paderborn-Mönkeloh", ("Mönkeloh",), ()),
        # A place found, beside one it does not lie in: one of the two is wrong.
        ("Westercelle, Harburg", (), ("Harburg",)),
        ("Nindorf, Bayern", (), ("Bayern",)),
        ("Bahnhofstraße 5, Westercele, Nirgendwo", ("Nirgendwo",), ()),
        ("Hauptstraße 5, Berlin-Kreuzberg", (), ()),
        # Streets, house numbers and words for a part of a town go unremarked.
        ("Bahnhofstraße 5, Celle", (), ()),
        ("Am Markt, Celle", (), ()),
        ("Innenstadt, Celle", (), ()),
        ("Zum Deich, Stade", (), ()),
        # Where the rest fits, nothing is left out: the municipality, the state,
        # the country, a place in the answer's, or the place in another form.
        ("Westercelle, Celle", (), ()),
        ("Hagen Stade, Niedersachsen", (), ()),
        ("Hauptstraße 5, Berlin-Kreuzberg, Deutschland", (), ()),
        ("Dorfstraße 3, Delbrück-Boke, NRW", (), ()),
        ("Celle OT Westercelle, Celle", (), ()),
        ("Bomlitz OT Ahrsen, Heidekreis", (), ()),
        ("Boeke, Stoetze", (), ()),
        ("Dorfstraße 3, Waddeweitz-Wittfeitzen, Klein Wittfeitzen", (), ()),
        ("Hermannsburg, Baven 12", (), ()),
        # A third part that fits does not hide one that does not.
        ("Bruchtorf, Uelzen, Niedersachsen", ("Bruchtorf",), ()),
        ("Westercelle;Harburg;Niedersachsen", (), ("Harburg",)),
        ("Bruchtorf, Uelzen, Bruchtorf", ("Bruchtorf",), ()),
        # A name the data lacks with a house number is taken for a street
        # ("Rosenkamp 3"); a town named like a street (Burweg, Landkreis Stade) is
        # still a town.
        ("Bruchtorf 5, Uelzen", (), ()),
        ("Rosenkamp 3, 29221 Celle", (), ()),
        ("Hauptstraße 1; 21255; Tostedt", (), ()),
        # A village in the postcode's area: Bockum (Amelinghausen) at 21385.
        ("Hauptstraße 1; 21385; Bockum", (), ()),
        ("Westercelle, Burweg", (), ("Burweg",)),
    ],
)
def test_parts_an_answer_leaves_out_are_named(query, unknown, unfitting):
    res = resolve(query, registry())
    assert res.status == "found"
    assert (res.unknown_parts, res.unfitting_parts) == (unknown, unfitting)


def test_four_digits_before_a_town_are_its_postcode_with_the_0_a_spreadsheet_dropped():
    # Found by QA: "1067 Dresden" (01067, its leading 0 lost) found nothing.
    res = resolve("1067 Dresden", registry())
    assert [m.name for m in res.matches] == ["01067"]


@pytest.mark.parametrize(
    ("query", "offered"),
    [
        # Found by the review: Austrian and Swiss postcodes have four digits, and
        # their towns had been given a German namesake's channel.
        ("5400 Baden", "Baden"),  # not Baden in Achim, Polizei Verden/Osterholz
        ("1010 Wien", "Wienhausen"),  # not Wienhausen, Polizei Celle
        ("2133 Lüneburg", "Lüneburg"),  # a digit missing: the town is only offered
        ("1067 Celle", "Celle"),  # 01067 is Dresden's
    ],
)
def test_four_digits_that_are_no_postcode_of_the_town_find_nothing_and_offer_it(query, offered):
    res = resolve(query, registry())
    assert res.status == "not_found"
    assert offered in res.suggestions


@pytest.mark.parametrize(
    ("query", "left_out"),
    [
        # Found by QA: a qualifier no place has was dropped without a word, and the
        # Brake with a channel (Rotenburg) came first for the town on the Weser.
        ("Brake (Unterweser)", ("Unterweser",)),
        ("Munster (Örtze)", ()),  # a river the data qualifies names by (Müden (Örtze))
        ("Horst (Holstein) Süd", ()),
    ],
)
def test_a_bracketed_qualifier_no_name_has_is_said_to_be_left_out(query, left_out):
    assert resolve(query, registry()).unknown_parts == left_out


@pytest.mark.parametrize(
    ("query", "district"),
    [
        # Found in review: a qualifier no namesake has was dropped, and the namesake
        # with another region's channel came first (exit 0; `open` opened it).
        # A land: a part of a state's name, or a Regierungsbezirk.
        ("Lichtenau (Baden)", "08216"),  # not Kreis Paderborn's
        ("Lichtenau Baden", "08216"),
        ("Wedel (Holstein)", "01056"),  # not the Wedel in Landkreis Stade
        ("Wedel, Holstein", "01056"),  # as an address writes it (h9: Holstein "not found")
        ("Lichtenau, Baden", "08216"),  # not Paderborn's, nor Baden (Achim) unfitting
        ("Freudenberg (Oberpfalz)", "09371"),  # not Siegen-Wittgenstein's
        ("Freudenberg Oberpfalz", "09371"),
        ("Lichtenau, Mittelfranken", "09571"),
        # and as addresses abbreviate them (found in the code review)
        ("Haar, OBB", "09184"),
        ("Freudenberg (Opf.)", "09371"),
        ("Lichtenberg (Oberfranken)", "09475"),  # not Berlin's
        # A river or landscape: the namesake near the places whose names have it.
        ("Münster am Lech", "09779"),  # by Rain (Lech), not the city in Westfalen
        ("Burbach (Eifel)", "07232"),  # not Siegen-Wittgenstein's
        # but never a channel on a river's few names: only names near Nienburg have
        # "(Weser)", and Hagen im Bremischen lies far from them
        ("Hagen (Weser)", "05914"),
    ],
)
def test_a_qualifier_no_namesake_has_puts_the_one_lying_where_it_says_first(query, district):
    res = resolve(query, registry())
    assert res.matches[0].district.key == district
    assert res.unknown_parts == ()


@pytest.mark.parametrize(
    ("query", "name", "channel"),
    [
        # where a namesake has the qualifier, or a village is named like the land
        ("Kirrweiler (Pfalz)", "Kirrweiler (Pfalz)", None),
        ("Achim Baden", "Baden", "verden-osterholz"),
        ("Munster (Örtze)", "Munster", "heidekreis"),
    ],
)
def test_a_qualifier_a_name_has_or_a_village_named_so_is_read_as_before(query, name, channel):
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.channels[0].id if first.channels else None) == (name, channel)


def test_a_land_no_namesake_lies_in_is_said_not_to_fit_and_another_lands_namesake_comes_last():
    # Found in review: "Bergen (Vorpommern)" gave Celle's Bergen with no word that
    # none lies in Vorpommern; "Biberach (Württemberg)" gave Biberach (Baden) first.
    assert resolve("Bergen (Vorpommern)", registry()).unfitting_parts == ("Vorpommern",)
    names = [m.name for m in resolve("Biberach (Württemberg)", registry()).matches]
    assert names.index("Biberach an der Riß") < names.index("Biberach (Baden)")


@pytest.mark.parametrize(
    "row",
    [
        # Found by QA: the city column and the state column, both "Berlin", made
        # the answer Berlin and dropped the Ortsteil without a word.
        "Baumschulenweg, Berlin, Berlin, DE",
        "Berlin; Berlin; Pankow; Hauptstraße 39",
    ],
)
def test_a_city_state_named_twice_is_its_state_column_the_second_time(row):
    first = resolve(row, registry()).matches[0]
    assert (first.kind, first.district.key) == ("locality", "11000")
    assert first.name in row


@pytest.mark.parametrize(
    ("row", "place", "left_out"),
    [
        # Found by QA: a quoted cell's semicolon had cut it ('"Schmidt', 'Hans"').
        ('"Müller; Hans";"Am Markt 1";Celle', "Celle", "Müller; Hans"),
        ('"Busch, Anna";"Lindenweg 2";"Jork-Borstel"', "Borstel", "Busch, Anna"),
    ],
)
def test_a_quoted_cell_of_an_exported_row_is_one_part(row, place, left_out):
    res = resolve(row, registry())
    assert res.matches[0].name == place
    assert res.unknown_parts == (left_out,)


@pytest.mark.parametrize(
    ("query", "district", "town"),
    [
        # Found by QA: a quarter of a town no channel reaches, named after a village
        # of Kreis Paderborn or Landkreis Celle, had that village's channel without
        # a word. The village stays the answer (a far town's name in brackets is as
        # often a river or region, the reviews found), but the town is remarked.
        ("Haaren (Aachen)", "05774", "Aachen"),
        ("Hermannsburg (Heide)", "03351", "Heide"),  # the Lüneburger Heide, not Heide
    ],
)
def test_a_far_town_in_brackets_that_a_village_does_not_lie_in_is_remarked(query, district, town):
    res = resolve(query, registry())
    assert (res.matches[0].district.key, res.status) == (district, "found")
    assert res.unfitting_parts == (town,)


@pytest.mark.parametrize(
    ("query", "district"),
    [
        ("Westercelle, Harburg", "03351"),  # Landkreis Harburg has a channel
        ("Celle, Gifhorn", "03351"),  # a town of its own, named first
        ("Hahn; Kirchweg 48; Niebeck", "03360"),  # the addressee's name before the village
        ("Busch; Bockhorst; Wiesenweg 7", "05774"),  # a Bockhorst has a channel (Elsdorf)
        ("Groß Heide Bergstraße 25", "03354"),  # a street, not Landkreis Bergstraße
        # Found by the review: a village by the city it names is no quarter of it.
        ("Meckelfeld (Hamburg)", "03353"),
        ("Hollern (Hamburg)", "03359"),
        ("Uphusen bei Bremen", "03361"),
        ("Ihlpohl (Bremen)", "03356"),
        ("Westercelle (Hannover)", "03351"),
        ("Boke (Lippstadt)", "05774"),
        ("Schwinde (Winsen)", "03353"),  # Winsen (Luhe) has a channel
        ("Haaren (Städteregion Aachen)", "05774"),  # a district: where, not which town
        # Found by the second review: a river the data qualifies names by, and a
        # word after a comma (a row's report), are no far town's name.
        ("Hoopte (Elbe)", "03353"),  # Elbe is a village in Wolfenbüttel too
        ("Hermannsburg;Brand", "03351"),
        ("Westercelle, Berg", "03351"),
        ("Haaren, Aachen", "05774"),  # after a comma the village stays, Aachen remarked
    ],
)
def test_a_covered_village_stays_whatever_town_is_named_with_it(query, district):
    res = resolve(query, registry())
    assert (res.matches[0].district.key, bool(res.matches[0].channels)) == (district, True)
    if "(" in query:
        # A town by the village, a district, a river the data qualifies names by, a
        # town a channel covers a namesake of: nothing to remark.
        assert res.unfitting_parts == ()


@pytest.mark.parametrize(
    ("query", "town"),
    [
        # Lüneburg has a Schützenplatz and Berlin a Mitte; beside Celle they are
        # its street and its centre.
        ("Schützenplatz, Celle", "Celle"),
        ("Mitte, Celle", "Celle"),
        ("Altstadt, Celle", "Celle"),
    ],
)
def test_a_street_named_like_a_place_elsewhere_is_the_street_of_the_town_beside(query, town):
    res = resolve(query, registry())
    assert res.matches[0].name == town
    assert (res.unknown_parts, res.unfitting_parts) == ((), ())


@pytest.mark.parametrize(
    "query", ["Bruchtorf, Nds.", "Bruchtorf, Bayern", "Bruchtorf, Deutschland"]
)
def test_a_state_or_the_country_confirms_no_guess(query):
    # Before, these were read as Uchtorf (Schaumburg) and Buchdorf (Bayern), and
    # "Bruchtorf, Bayern" once as the village Baiern: the closest are only offered.
    res = resolve(query, registry())
    assert (res.status, res.fuzzy_for) == ("not_found", None)
    assert "Uchtorf" in res.suggestions


@pytest.mark.parametrize(
    ("query", "town"),
    [
        ("Bahnhofstraße 5 Celle", "Celle"),
        ("Am Markt 12a Lüneburg", "Lüneburg"),
        # the town first, the street and number after it
        ("Celle Bahnhofstraße 5", "Celle"),
        ("Celle 5", "Celle"),
        ("Bad Bevensen Am Markt 3", "Bad Bevensen"),
        ("Winsen Luhe Bahnhofstraße 5", "Winsen (Luhe)"),
    ],
)
def test_an_address_without_commas_is_parted_at_its_house_number(query, town):
    assert resolve(query, registry()).matches[0].name == town


@pytest.mark.parametrize(
    ("query", "town", "district"),
    [
        # After a comma the number marks the street: the town before it is as typed.
        ("Munster, Ringstraße 1", "Munster", "03358"),
        ("Adendorf, Am Bahnhof 5", "Adendorf", "03355"),
        ("Dannenberg, Am Markt 5", "Dannenberg (Elbe)", "03354"),
    ],
)
def test_a_street_after_a_comma_is_not_read_into_the_town(query, town, district):
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key) == (town, district)


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        # a part of town by where it lies in it: the town, never a guess at the word
        ("Lichterfelde Süd", "Lichterfelde", "11000"),  # "West" was Wust, Landkreis Stendal
        ("Paderborn Süd", "Paderborn", "05774"),  # was Sudhagen
        ("Verden West", "Verden (Aller)", "03361"),  # was Westen (Dörverden)
        ("Siegen Ost", "Siegen", "05970"),
        ("Celle Mitte", "Celle", "03351"),
        # unless a place has the whole name
        ("Münster-West", "Münster-West", "05515"),
        ("Niedersachsen Oyten-Nord", "Oyten-Nord", "03361"),
    ],
)
def test_a_word_for_a_part_of_town_beside_it_finds_the_town(query, name, district):
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key) == (name, district)
    assert first.match in ("exact", "variant")  # named, not guessed


def test_mitte_after_a_comma_is_the_place_as_typed():
    # An address's place field: Berlin's Mitte, as it was before Mitte was a word
    # for a part of a town.
    first = resolve("Hauptstraße 5, Mitte", registry()).matches[0]
    assert (first.name, first.district.key) == ("Mitte", "11000")


@pytest.mark.parametrize("query", ["München Mitte", "Hamburg-Mitte", "Köln Mitte"])
def test_mitte_beside_a_town_no_channel_covers_is_no_berlin_mitte(query):
    # Mitte is also Berlin's borough, which has a channel: not the answer here.
    res = resolve(query, registry())
    assert res.status == "no_channel"
    assert "berlin" not in channel_ids(res)


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        ("Bezirk Neukölln", "Neukölln", "11000"),
        ("Bezirk Friedrichshain-Kreuzberg", "Friedrichshain-Kreuzberg", "11000"),
        ("Stadtbezirk Hiltrup", "Hiltrup", "05515"),
    ],
)
def test_bezirk_is_a_type_word_as_stadtteil_is(query, name, district):
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key) == (name, district)


def test_a_street_without_a_town_is_no_guess():
    res = resolve("Am Markt 1", registry())
    assert (res.status, res.matches) == ("not_found", ())


def test_the_town_beside_a_shared_postcode_says_which_district():
    # 29640 is mostly Schneverdingen's (Heidekreis); a user in Undeloh types that too.
    for query, district in (
        ("29640 Undeloh", "03353"),
        ("29640 Schneverdingen", "03358"),
        ("Bergstraße 5, 29640 Schneverdingen", "03358"),
    ):
        assert {m.district.key for m in resolve(query, registry()).matches} == {district}
    assert [m.district.key for m in resolve("29640", registry()).matches] == ["03358", "03353"]
    # The town, not a district its name also reads as: "Rostock" is the city and
    # Landkreis Rostock, which also has a part of 18059.
    rostock = [m.district.key for m in resolve("18059 Rostock", registry()).matches]
    assert rostock == ["13003"]


def test_an_address_whose_parts_contradict_keeps_every_district_of_its_postcode():
    # Landkreis Harburg, yet Schneverdingen (Heidekreis): one of the two is wrong,
    # so neither district of 29640 is dropped.
    res = resolve("Landkreis Harburg, 29640 Schneverdingen", registry())
    assert {m.district.key for m in res.matches if m.kind == "postcode"} == {"03353", "03358"}


def test_the_words_before_a_house_number_are_read_whole_first():
    # "Stade Hagen 3": the Hagen in Stade, as "Stade Hagen" is, not the town of Stade.
    res = resolve("Stade Hagen 3", registry())
    assert [(m.name, m.district.key, m.match) for m in res.matches] == [("Hagen", "03359", "exact")]


_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}
# Every place named with a Roman numeral (Hanstedt II, Oldendorf I): many addresses
# write the numeral as a digit.
NUMBERED_PLACES = sorted(
    {
        (line.split("\t")[2], line.split("\t")[5])
        for line in gazetteer._lines("places.tsv")
        if line.split("\t")[2].rsplit(None, 1)[-1] in _ROMAN
    }
)


@pytest.mark.parametrize(("name", "district"), NUMBERED_PLACES, ids=[n for n, _ in NUMBERED_PLACES])
def test_a_roman_numeral_written_as_a_digit_finds_its_place_first(name, district):
    # First, unless it lies where no channel reaches and the digit may as well be
    # the house number in a place one does ("Altenhagen 2": Altenhagen in Celle).
    base, numeral = name.rsplit(None, 1)
    matches = resolve(f"{base} {_ROMAN[numeral]}", registry()).matches
    places = [(m.name, m.district.key) for m in matches]
    at = places.index((name, district))
    # Only places a channel covers may come before it, and only if it has none.
    before = matches[:at]
    assert not before or (not matches[at].channels and all(m.channels for m in before))


@pytest.mark.parametrize("query", ["Hanstedt I 2", "hanstedt i 2"])
def test_a_written_numeral_before_a_house_number_is_kept(query):
    # The village's numeral is written; 2 is the house.
    assert resolve(query, registry()).matches[0].name == "Hanstedt I"


def test_a_digit_that_is_a_house_number_still_finds_the_town():
    # "Hanstedt 2" may be a house in Hanstedt (Nordheide): listed after Hanstedt II.
    res = resolve("Hanstedt 2", registry())
    names = [(m.name, m.district.key) for m in res.matches]
    assert names[0] == ("Hanstedt II", "03360")
    assert ("Hanstedt", "03353") in names
    # The other numeral's village is not the one meant.
    assert resolve("Holthusen 1", registry()).matches[0].name == "Holthusen I"
    assert "Holthusen II" not in {m.name for m in resolve("Holthusen 1", registry()).matches}


@pytest.mark.parametrize(
    ("query", "name"),
    [
        # before the fix, the closest spelling of "Hanstedt 1" was Hanstedt II
        ("Hanstedt 1, Uelzen", "Hanstedt I"),
        ("Niendorf 1, Römstedt", "Niendorf I"),
        ("Uelzen, Oldendorf 2", "Oldendorf II"),
    ],
)
def test_a_numbered_village_with_where_it_lies_is_that_one(query, name):
    assert [m.name for m in resolve(query, registry()).matches] == [name]


def test_a_misspelt_name_before_a_house_number_is_no_error():
    # "Hanstadt" is one letter from "Hansestadt": that respelling alone names no
    # place, which must not end the search with an error.
    res = resolve("Hanstadt 2", registry())
    assert res.matches and res.matches[0].name == "Hanstedt"


def test_a_place_named_by_unknown_words_is_offered_not_taken():
    # "Zwiebelmarkt Celle" may mean Celle; it may also be a place the data lacks.
    res = resolve("Zwiebelmarkt Celle", registry())
    assert (res.status, res.suggestions[0]) == ("not_found", "Celle")
    # A name shared by many places is offered once.
    offered = resolve("Neuhof Landkreis Harburg", registry()).suggestions
    assert offered.count("Neuhof") == 1
    # Places the words name come before spellings of the whole too far off to take.
    offered = resolve("Nendorf Landkreis Verden", registry()).suggestions
    assert offered[:2] == ("Nendorf", "Landkreis Verden")


def test_unknown_words_after_a_name_do_not_cut_it_short():
    # Without a comma, trailing words must name the municipality, district or state.
    for query in ("Celle Zwiebelmarkt", "Zwiebelmarkt Celle", "Zwiebelmarkt-Celle"):
        res = resolve(query, registry())
        assert "exact" not in {m.match for m in res.matches}, query


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        ("Munster (Örtze)", "Munster", "03358"),
        ("Munster/Örtze", "Munster", "03358"),
        ("Uelzen (Ilmenau)", "Uelzen", "03360"),
        ("Stade/Elbe", "Stade", "03359"),
    ],
)
def test_a_qualifier_the_name_does_not_have_is_left_out(query, name, district):
    # A river or region added the way "Winsen (Luhe)" carries one: still the town,
    # marked as found without its qualifier.
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key, first.match) == (name, district, "variant")


@pytest.mark.parametrize(
    ("query", "districts", "channels"),
    [
        ("Wendland", {"03354"}, {"luechow-dannenberg"}),
        ("Kehdinger Land", {"03359"}, {"stade"}),
        ("Wendlnad", {"03354"}, {"luechow-dannenberg"}),  # misspelt, like any name
        # a region across districts: each, Hamburg's part without a channel
        ("Altes Land", {"03359", "03353", "02000"}, {"stade", "landkreis-harburg"}),
        ("Teufelsmoor", {"03356", "03357"}, {"verden-osterholz", "rotenburg-wuemme"}),
    ],
)
def test_a_region_gives_every_district_it_reaches_into(query, districts, channels):
    res = resolve(query, registry())
    regions = [m for m in res.matches if m.kind == "region"]
    assert {m.district.key for m in regions} == districts
    assert channel_ids(res) == channels


def test_a_region_names_the_parts_of_each_district_it_covers():
    matches = resolve("Altes Land", registry()).matches
    parts = {m.district.key: m.members for m in matches}
    assert parts["03359"] == ("Jork", "Samtgemeinde Lühe")
    assert parts["03353"] == ("Rübke",)
    # Where the source names more of it first; Hamburg's part has no channel.
    assert [m.district.key for m in matches] == ["03359", "03353", "02000"]
    # Districts it covers whole come before those it reaches into with parts.
    heide = [m.members for m in resolve("Lüneburger Heide", registry()).matches if m.channels]
    assert heide[0] == () and heide[-1] != ()


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        ("Jork, Altes Land", "Jork", "03359"),
        # Lühe is a Samtgemeinde of the Altes Land; Steinkirchen is one of its members
        ("Steinkirchen, Altes Land", "Steinkirchen", "03359"),
        ("Hagen, Kehdingen", "Hagen", "03359"),  # of the six Hagen covered by a channel
        ("Gnarrenburg Teufelsmoor", "Gnarrenburg", "03357"),
        ("Tostedt (Nordheide)", "Tostedt", "03353"),
        ("Hitzaker, Wendland", "Hitzacker", "03354"),  # misspelt, confirmed by the region
    ],
)
def test_a_region_says_where_a_place_lies(query, name, district):
    res = resolve(query, registry())
    assert {(m.name, m.district.key) for m in res.matches} == {(name, district)}


def test_only_the_parts_a_region_covers_count_as_lying_in_it():
    # The Altes Land reaches into Landkreis Stade only with Jork and Lühe; the
    # Hagen there lies elsewhere, so every Hagen is still listed.
    everywhere = {m.district.key for m in resolve("Hagen", registry()).matches}
    assert {m.district.key for m in resolve("Hagen, Altes Land", registry()).matches} == everywhere
    # In Landkreis Harburg only Neu Wulmstorf's village Rübke is Altes Land.
    named = resolve("Rübke, Altes Land", registry()).matches
    assert [(m.name, m.municipality) for m in named] == [("Rübke", "Neu Wulmstorf")]


def test_a_former_samtgemeinde_gives_the_channel_of_the_one_it_merged_into():
    (m,) = resolve("Samtgemeinde Altes Amt Ebstorf", registry()).matches
    assert (m.kind, m.samtgemeinde, m.district.key) == ("former_name", "Bevensen-Ebstorf", "03360")
    assert channel_ids(resolve("Altes Amt Ebstorf", registry())) == {"uelzen"}


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        # a former Samtgemeinde stands for the one it merged into
        ("Wriedel Altes Amt Ebstorf", "Wriedel", "03360"),
        # a former district's name for the district
        ("Soltau-Fallingbostel Walsrode", "Walsrode", "03358"),
    ],
)
def test_a_former_samtgemeinde_or_district_says_where_a_place_lies(query, name, district):
    res = resolve(query, registry())
    assert {(m.name, m.district.key) for m in res.matches} == {(name, district)}


def test_a_qualifier_naming_where_it_lies_narrows_like_a_comma():
    res = resolve("Hagen/Stade", registry())
    assert {(m.name, m.district.key) for m in res.matches} == {("Hagen", "03359")}


@pytest.mark.parametrize(
    ("query", "meant"),
    [("Frankfurt (Odr)", "Frankfurt (Oder)"), ("Neustadt am Rübenbege", "Neustadt am Rübenberge")],
)
def test_a_typo_in_a_qualifier_reads_as_the_full_name_it_is_closest_to(query, meant):
    res = resolve(query, registry())
    assert (res.matches[0].name, res.fuzzy_for) == (meant, meant)


@pytest.mark.parametrize(
    ("query", "meant", "district"),
    [
        ("Celle Westercele", "Westercelle", "03351"),
        ("Westercele, Celle", "Westercelle", "03351"),
        ("Wiepenkaten Stade", "Wiepenkathen", "03359"),
        # spelled further off than a guess alone may be, but confirmed by where it lies
        ("Bomlitz Arhsen", "Ahrsen", "03358"),
        ("Stade Hagn", "Hagen", "03359"),
        # a pasted address whose only place is misspelt
        ("Hans Müller, Bahnhofstr. 5, Westercele", "Westercelle", "03351"),
        # misspelt into a real name elsewhere: where it lies says which is meant
        ("Boeke, Stoetze", "Boecke", "03360"),  # not Boke, Kreis Paderborn
        ("Bosel, Soltau", "Bostel", "03358"),  # not Bösel, Lüchow-Dannenberg
        ("Lüben, Küsten", "Lübeln", "03354"),  # not Lüben, Landkreis Lüneburg
    ],
)
def test_a_misspelt_village_with_where_it_lies_is_read_as_the_one_there(query, meant, district):
    res = resolve(query, registry())
    assert res.fuzzy_for == meant
    assert {(m.name, m.district.key, m.match) for m in res.matches} == {(meant, district, "fuzzy")}


def test_a_begun_name_is_found_where_it_lies_however_many_places_elsewhere_begin_so():
    # Nearly a hundred places begin with "Wes"; Westercelle is the one in Celle.
    res = resolve("Celle Wes", registry())
    assert [(m.name, m.match) for m in res.matches] == [("Westercelle", "prefix")]


def test_a_begun_name_with_where_it_lies_lists_the_places_there_it_begins():
    # GeoNames has Hamburg's Altona-Altstadt and Altona-Nord, no plain Altona.
    for query in ("Hamburg-Altona", "Hamburg Altona", "Altona, Hamburg"):
        res = resolve(query, registry())
        assert {m.name for m in res.matches} == {"Altona-Altstadt", "Altona-Nord"}, query
        assert {m.match for m in res.matches} == {"prefix"}


def test_a_guess_that_lies_elsewhere_gives_way_to_the_place_named():
    # "Bruchtorf" is spelled most like Uchtorf (Landkreis Schaumburg), which does not
    # lie in Uelzen; the Uelzen named is the answer, not the guess.
    res = resolve("Bruchtorf, Uelzen", registry())
    assert {m.district.key for m in res.matches} == {"03360"}
    assert res.fuzzy_for is None


def test_an_address_with_no_place_spelled_close_enough_suggests_each_parts_spelling():
    res = resolve("Bahnhofstraße 5, Xyzzy, Cellxx", registry())
    assert res.status == "not_found"
    assert "Celle" in res.suggestions


@pytest.mark.parametrize(
    ("query", "channels"),
    [
        ("Polizeiinspektion Celle", {"celle"}),
        ("PI Celle", {"celle"}),
        ("PP Münster", {"muenster"}),
        ("Kreispolizeibehörde Paderborn", {"paderborn"}),
        # one inspection, three channels; its name said short, without the slash
        (
            "Polizeiinspektion Lüneburg/Lüchow-Dannenberg/Uelzen",
            {"lueneburg", "uelzen", "luechow-dannenberg"},
        ),
        ("PI Lüneburg", {"lueneburg", "uelzen", "luechow-dannenberg"}),
        ("Polizeidirektion Lüneburg", set(PD_LUENEBURG.values())),
        ("PD Lüneburg", set(PD_LUENEBURG.values())),
        ("Polizei Verden", {"verden-osterholz"}),
        # a state: the channels in it
        ("Niedersachsen", set(COVERED.values())),
        ("Nordrhein-Westfalen", {"muenster", "paderborn", "siegen-wittgenstein"}),
    ],
)
def test_an_agency_or_directorate_gives_the_channels_it_runs(query, channels):
    res = resolve(query, registry())
    assert {m.kind for m in res.matches} == {"channel"}
    assert channel_ids(res) == channels


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("PI Lüneburg", "Polizei Lüneburg"),
        ("Polizeiinspektion Lüneburg/Lüchow-Dannenberg/Uelzen", "Polizei Lüneburg"),
    ],
)
def test_an_inspection_of_several_channels_lists_the_one_it_names_first(query, first):
    # Alphabetically Lüchow-Dannenberg would come first of the three.
    assert resolve(query, registry()).matches[0].name == first


@pytest.mark.parametrize(("query", "first"), [("Bayern", "Bayern"), ("Hessen", "Hessen")])
def test_a_state_without_a_channel_says_so_before_any_village_of_its_name(query, first):
    # Hessen is also a village of Osterwieck (Sachsen-Anhalt); the state comes first.
    res = resolve(query, registry())
    assert (res.matches[0].name, res.matches[0].kind, res.status) == (first, "state", "no_channel")
    assert res.matches[0].to_dict()["district"] is None


@pytest.mark.parametrize("query", ["Deutschland", "Germany"])
def test_the_whole_country_gives_every_channel(query):
    res = resolve(query, registry())
    assert {m.kind for m in res.matches} == {"channel"}
    assert channel_ids(res) == {c.id for c in registry().channels}


@pytest.mark.parametrize("query", ["Deutschland", "Germany"])
def test_the_whole_country_with_every_channel_disabled_says_none_covers_it(query):
    # Review: it had said nothing was found, and offered Teichland.
    every = registry()
    res = resolve(query, Registry((), disabled=every.channels))
    assert [(m.name, m.kind) for m in res.matches] == [("Deutschland", "country")]
    assert (res.status, res.suggestions) == ("no_channel", ())
    assert res.matches[0].to_dict()["district"] is None
    # Beside a place, the country still only says where it lies.
    beside = resolve(f"Celle, {query}", Registry((), disabled=every.channels))
    assert beside.matches[0].name == "Celle"


@pytest.mark.parametrize(
    ("query", "name", "kind"),
    [
        ("Celle, Deutschland", "Celle", "municipality"),
        ("Deutschland Celle", "Celle", "municipality"),
        ("Stade, Germany", "Stade", "municipality"),
        ("Westercele, Deutschland", "Westercelle", "locality"),
    ],
)
def test_the_country_beside_a_place_only_says_where_it_lies(query, name, kind):
    # Before, the country's channels were the place and the town only narrowed
    # them: "Celle, Deutschland" gave the channel, not the town.
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.kind) == (
        name,
        "municipality" if name != "Westercelle" else "locality",
    )


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Celle Innenstadt", "Celle"),
        ("Lüneburg - Altstadt", "Lüneburg"),
        ("Zentrum Stade", "Stade"),
        ("Altstadt, Celle", "Celle"),
        ("Celle, Altstadt", "Celle"),
        ("Hamburg Altstadt", "Hamburg-Altstadt"),
        # A village with a channel stays first beside its postal town elsewhere.
        ("Heimbuch, Schneverdingen", "Heimbuch"),
    ],
)
def test_a_town_centre_is_the_town_unless_a_place_has_the_whole_name(query, name):
    # Hamburg has a quarter named Altstadt; "Altstadt, Celle" read it and gave
    # Hamburg (no channel) for a place in Celle.
    assert resolve(query, registry()).matches[0].name == name


def test_a_press_dateline_gives_the_town_before_the_dash():
    # Read as "Winsen" with the qualifier "Luhe - Stelle", it listed Winsen (Aller) first.
    res = resolve("Winsen/Luhe - Stelle", registry())
    assert res.matches[0].name == "Winsen (Luhe)"
    assert channel_ids(res) == {"landkreis-harburg"}


def test_a_former_name_is_not_listed_beside_the_town_it_names_now():
    # "Rotenburg in Hannover" (until 1969) matched "Rotenburg" once its qualifier
    # was left out, and stood between the town and the district.
    names = [m.name for m in resolve("Rotenburg", registry()).matches]
    assert "Rotenburg in Hannover" not in names
    assert names[:2] == ["Rotenburg (Wümme)", "Landkreis Rotenburg (Wümme)"]
    typed = resolve("Rotenburg in Hannover", registry()).matches
    assert [(m.name, m.municipality) for m in typed] == [
        ("Rotenburg in Hannover", "Rotenburg (Wümme)")
    ]


@pytest.mark.parametrize(
    ("query", "channels"),
    [
        ("NRW", {"muenster", "paderborn", "siegen-wittgenstein"}),
        ("North Rhine-Westphalia", {"muenster", "paderborn", "siegen-wittgenstein"}),
        ("Nds.", set(COVERED.values())),
        ("Lower Saxony", set(COVERED.values())),
    ],
)
def test_a_states_short_or_english_name_gives_its_channels(query, channels):
    assert channel_ids(resolve(query, registry())) == channels


@pytest.mark.parametrize(
    ("query", "name"),
    [("Celle Nds", "Celle"), ("Nds Celle", "Celle"), ("NRW Paderborn", "Paderborn")],
)
def test_a_states_short_name_beside_a_place_only_says_where_it_lies(query, name):
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.kind) == (name, "municipality")


def test_a_states_short_name_narrows_a_shared_name_to_that_state():
    states = {m.state for m in resolve("Ottendorf, Nds.", registry()).matches}
    assert states == {"Niedersachsen"}


def test_a_city_state_is_the_city_not_its_state():
    assert "state" not in {m.kind for m in resolve("Hamburg", registry()).matches}
    # The city once, as its district (Kind: city-state), not also as a municipality.
    assert [(m.kind, m.name) for m in resolve("Berlin", registry()).matches] == [
        ("district", "Berlin")
    ]


CITIES = sorted(d.name for d in gazetteer.districts().values() if d.is_city)


@pytest.mark.parametrize("city", CITIES)
def test_a_kreisfreie_stadt_is_listed_once(city):
    # Its one municipality may be spelled otherwise ("Oldenburg (Oldenburg)").
    res = resolve(city, registry())
    (listed,) = [m for m in res.matches if m.kind == "district" and m.name == city]
    assert [m for m in res.matches if m.district.key == listed.district.key] == [listed]


def test_stadt_asks_for_the_city_as_it_is_listed():
    res = resolve("Stadt Münster", registry())
    assert [(m.kind, m.district.key) for m in res.asked_for().matches][:1] == [
        ("district", "05515")
    ]


@pytest.mark.parametrize(
    ("query", "name", "channel"),
    [
        ("Polizei Buxtehude", "Buxtehude", "stade"),
        ("Polizeistation Hitzacker", "Hitzacker", "luechow-dannenberg"),
        ("Polizei Westercelle", "Westercelle", "celle"),
        ("Celle Polizei", "Celle", "celle"),
        # linked by a preposition, which is understood, not left out
        ("Polizei von Uelzen", "Uelzen", "uelzen"),
        ("Polizei aus Stade", "Stade", "stade"),
        ("Kanal zu Lüneburg", "Lüneburg", "lueneburg"),
        ("Polizei für Hermannsburg", "Hermannsburg", "celle"),
    ],
)
def test_the_police_of_a_place_is_the_channel_for_that_place(query, name, channel):
    res = resolve(query, registry())
    assert (res.query, res.matches[0].name) == (query, name)
    assert channel_ids(res, 0) == {channel}
    assert res.unknown_parts == ()


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        # Found in review: as an English newsroom, or a press release heading its
        # area, writes them.
        ("Celle police", "Celle", "03351"),
        ("Celle police station", "Celle", "03351"),
        ("police department Stade", "Stade", "03359"),
        ("Wache Celle", "Celle", "03351"),
        ("Celle polis", "Celle", "03351"),  # Turkish, Polish: as residents write it
        ("policja Stade", "Stade", "03359"),
        ("Celle Komma Westercelle", "Westercelle", "03351"),  # dictated
        ("Stade Fragezeichen", "Stade", "03359"),
        ("Celle Komma", "Celle", "03351"),  # a comma dictated last
        ("Revier Stade", "Stade", "03359"),
        ("Police Stade", "Stade", "03359"),
        ("Bostel near Soltau", "Bostel", "03358"),
        ("Steinbeck near Stade", "Steinbeck", "03359"),
        ("Stadtgebiet Celle", "Celle", "03351"),
        ("Samtgem. Elbmarsch", "Elbmarsch", "03353"),  # as the register abbreviates it
        ("Klosterflecken Ebstorf", "Ebstorf", "03360"),
        ("Kreisverwaltung Harburg", "Landkreis Harburg", "03353"),
        ("Gemeindeverwaltung Seevetal", "Seevetal", "03353"),
        ("Gemeindegebiet Seevetal", "Seevetal", "03353"),
    ],
)
def test_english_police_words_and_area_words_are_read_around_the_place(query, name, district):
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key) == (name, district)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # Found in review: glued as a phone, a handle or a hashtag writes them.
        ("polizeicelle", "Polizei Celle"),
        ("#PolizeiStade", "Polizei Stade"),
        ("AmtNeuhaus", "Amt Neuhaus"),
        # a street with no house number before the town (found in review)
        ("Bahnhofstraße Celle", "Celle"),
        ("Lindenallee Westercelle", "Westercelle"),
        ("LandkreisHarburg", "Landkreis Harburg"),
        ("LKHarburg", "Landkreis Harburg"),
        ("PICelle", "Polizei Celle"),
        # a phone capitalises the first letter of what is typed
        ("Polizeicelle", "Polizei Celle"),
        ("Stadepolizei", "Stade"),
        ("Polizeiwachecelle", "Celle"),
        ("Celle-Stadt", "Celle"),  # a type word hyphened after the name
        ("2\ufe0f\u20e39\ufe0f\u20e32\ufe0f\u20e32\ufe0f\u20e31\ufe0f\u20e3", "29221"),  # keycaps
    ],
)
def test_glued_words_are_read_spaced(query, first):
    res = resolve(query, registry())
    assert (res.query, res.matches[0].name) == (query, first)


@pytest.mark.parametrize(
    "query",
    [
        *("Kanalstraße", "Polizeieinsatz", "Polizeilich", "Polizeihund", "Bergpolizei"),
        # found in review: bolder readings give only a place with a channel
        *("polizeihalle", "Ems-Kreis", "Hauptstraße Mitte", "Radweg Elbe", "Radweg Insel"),
    ],
)
def test_a_glued_word_that_spaced_names_no_place_as_typed_stays_unfound(query):
    # "Kanal straße" would begin Straßenhaus; "Polizei einsatz" is a bad query
    # ("'einsatz' alone names no place"), which the word as typed is not.
    assert resolve(query, registry()).matches == ()


@pytest.mark.parametrize(
    ("query", "name", "channel", "unfitting"),
    [
        ("Gehört Westercelle zu Celle?", "Westercelle", "celle", ()),
        ("Bussau gehört zum Landkreis Lüchow-Dannenberg", "Bussau", "luechow-dannenberg", ()),
        # the answer says where it belongs, and that it is not there
        ("Gehört Bussau zu Celle?", "Bussau", "luechow-dannenberg", ("Celle",)),
        # found in review: never the other place, nor a namesake spelled otherwise
        ("Gehört Potsdam zu Berlin?", "Potsdam", None, ("Berlin",)),
        ("Gehört Lichtenau zu Baden?", "Lichtenau", None, ()),  # a land, as "(Baden)"
        ("Gehört Landkreis Celle zu Niedersachsen?", "Landkreis Celle", "celle", ()),
        ("Gehört Münster zu Niedersachsen?", "Münster", "muenster", ("Niedersachsen",)),
    ],
)
def test_a_question_whether_a_place_belongs_to_another_is_answered(query, name, channel, unfitting):
    res = resolve(query, registry())
    first = res.matches[0]
    assert (first.name, [c.id for c in first.channels]) == (name, [channel] if channel else [])
    assert res.unfitting_parts == unfitting


def test_nahe_alone_or_capitalised_is_the_village():
    assert resolve("nahe", registry()).matches[0].name == "Nahe"
    assert resolve("Nahe (Holstein)", registry()).matches[0].name == "Nahe"


@pytest.mark.parametrize("query", ["Celle oder Uelzen", "Celle bzw. Uelzen", "Celle + Uelzen"])
def test_either_of_two_towns_gives_both(query):
    # Found in review: a reader unsure which town is theirs found nothing.
    res = resolve(query, registry())
    assert {c.id for m in res.matches for c in m.channels} == {"celle", "uelzen"}


@pytest.mark.parametrize(
    ("query", "named", "channels"),
    [
        ("Celle Uelzen", ("Celle", "Uelzen"), {"celle", "uelzen"}),
        (
            "Lüneburg Uelzen Celle",
            ("Lüneburg", "Uelzen", "Celle"),
            {"lueneburg", "uelzen", "celle"},
        ),
        ("Hamburg Celle", ("Hamburg", "Celle"), {"celle"}),
        # of several Winsens, the one beside Drage (both Landkreis Harburg)
        ("Drage Winsen", ("Drage", "Winsen"), {"landkreis-harburg"}),
        # of several Winsens, the one nearest Lüneburg (found in review: Celle's first)
        ("Winsen Lüneburg", ("Winsen", "Lüneburg"), {"landkreis-harburg", "lueneburg"}),
        # towns near each other before a guess (it was Mariendorf, in Berlin)
        ("Münster Warendorf", ("Münster", "Warendorf"), {"muenster"}),
        # a city-state is a town in a list, not a state said (Berlin was left out)
        ("Berlin Falkensee Potsdam", ("Berlin", "Falkensee", "Potsdam"), {"berlin"}),
        ("Berlin/Falkensee/Potsdam", ("Berlin", "Falkensee", "Potsdam"), {"berlin"}),
        # the places nearest together: by Seevetal, not the Winsen and Buchholz
        # on the Aller (Celle's and the Heidekreis's)
        ("Winsen Buchholz Seevetal", ("Winsen", "Buchholz", "Seevetal"), {"landkreis-harburg"}),
        # four towns; and a heading's word for what happened before them
        (
            "Lüneburg Celle Stade Uelzen",
            ("Lüneburg", "Celle", "Stade", "Uelzen"),
            {"lueneburg", "celle", "stade", "uelzen"},
        ),
        ("Unfall Celle Uelzen", ("Celle", "Uelzen"), {"celle", "uelzen"}),
        # a name typed with its umlaut is the one so spelled (review: Munster, in
        # the Heidekreis, lies nearer Berlin and Paderborn than Münster does)
        (
            "Berlin Münster Paderborn",
            ("Berlin", "Münster", "Paderborn"),
            {"berlin", "muenster", "paderborn"},
        ),
        # nor is a small word before them part of a name (review: "und Celle")
        ("und Celle Uelzen", ("Celle", "Uelzen"), {"celle", "uelzen"}),
    ],
)
def test_towns_typed_side_by_side_are_each_answered(query, named, channels):
    # Found in review: "Celle Uelzen" found nothing, only offers of both.
    res = resolve(query, registry())
    assert res.places_named == named
    assert {c.id for m in res.matches for c in m.channels} == channels
    assert "Winsen (Aller)" not in {m.name for m in res.matches}


@pytest.mark.parametrize(
    "query",
    [
        "Celle, Uelzen und Lüneburg",
        "Celle, Uelzen oder Lüneburg",
        "Unfälle in Celle, Uelzen und Lüneburg",  # a heading's list
        "Polizei Celle Uelzen Lüneburg",  # side by side after a word for the police
        "Celle, Uelzen, Lüneburg",  # three towns with commas alone, none in another
        "Celle Uelzen und Lüneburg",  # side by side before the "und" (review)
        "Unfall Celle Uelzen und Lüneburg",
        # a heading's list before the report (review: Celle alone, the rest unfitting)
        "Einbrüche in Celle, Uelzen und Lüneburg - Polizei sucht Zeugen",
    ],
)
def test_a_list_of_towns_with_commas_before_und_gives_each(query):
    # Found in review: only the first town was answered, the others left out as
    # "none of the places found lies there".
    res = resolve(query, registry())
    assert res.places_named == ("Celle", "Uelzen", "Lüneburg")
    assert {c.id for m in res.matches for c in m.channels} == {"celle", "uelzen", "lueneburg"}


@pytest.mark.parametrize(
    ("query", "channels"),
    [
        # found in the second review (h3):
        # a district of the name, by its middle, before a far town
        ("Lüneburg Harburg", {"lueneburg", "landkreis-harburg"}),
        # city-states and a state alone are each asked for, not one by the other
        (
            "Hamburg/Bremen/Niedersachsen",
            {c.id for c in registry().channels if c.state == "Niedersachsen"},
        ),
        # a type word asks for the district: no village Lippe in Siegen-Wittgenstein
        ("Kreis Paderborn, Kreis Höxter und Kreis Lippe", {"paderborn"}),
        # an empty cell pasted before the list
        (", Celle und Uelzen", {"celle", "uelzen"}),
    ],
)
def test_lists_of_places_give_the_channels_of_those_meant(query, channels):
    res = resolve(query, registry())
    assert {c.id for m in res.matches for c in m.channels} == channels


def test_a_name_in_a_list_with_none_in_another_s_district_is_the_nearest():
    # Found in the second review: "Celle, Hehlentor und Neustadt" listed 21 Neustadts.
    res = resolve("Celle, Hehlentor und Neustadt", registry())
    assert [m.name for m in res.matches if m.name.startswith("Neustadt")] == [
        "Neustadt am Rübenberge"
    ]
    assert {m.name for m in resolve("Hamburg/Bremen", registry()).matches} == {"Hamburg", "Bremen"}


@pytest.mark.parametrize(
    "query",
    [
        # a district, state or land says where the place lies (wrongly here)
        "Nendorf Landkreis Verden",
        "Celle Bayern",
        "Dalheim Baden",
        # found in review: a hamlet of a word's name is no town listed beside
        # another ("Kloster" in Lüchow-Dannenberg), nor a town far off ("Linden":
        # no hamlet in Uelzen, no town 170 km away in Dithmarschen; "Karl")
        "Kloster Medingen",
        "Linden Celle",
        "Karl Celle",
    ],
)
def test_words_beside_a_place_that_name_no_town_of_their_own_list_none(query):
    assert resolve(query, registry()).places_named == ()


@pytest.mark.parametrize(
    ("query", "name", "channels"),
    [
        # Found in review: the adjective was read as the beginning of a region or a
        # village, with another office's channel first.
        ("Lüneburger Polizei", "Lüneburg", {"lueneburg"}),  # not Lüneburger Heide
        ("Lüneburger Kanal", "Lüneburg", {"lueneburg"}),
        ("Zevener Polizei", "Zeven", {"rotenburg-wuemme"}),  # not Zevener Geest
        ("Bremer Polizei", "Bremen", set()),  # not Bremervörde
        ("Hamburger Polizei", "Hamburg", set()),  # it found nothing
    ],
)
def test_a_towns_adjective_before_the_police_is_that_towns_police(query, name, channels):
    first = resolve(query, registry()).matches[0]
    assert (first.name, {c.id for c in first.channels}) == (name, channels)


@pytest.mark.parametrize(
    "query",
    ["Polizei für Kinder", "Kanal für Hunde", "Polizei zur See", "Polizei zu Pferd"],
)
def test_a_noun_linked_to_the_police_is_no_place_begun_or_misspelt(query):
    # Found in review: "für Kinder" had begun Kinderhaus (Münster), "zur See" Seevetal.
    assert resolve(query, registry()).matches == ()


@pytest.mark.parametrize(
    ("query", "alone"),
    [
        ("Polizei von heute", "heute"),
        ("Kanal zu aktuell", "aktuell"),
        ("Polizei aus Unfall", "Unfall"),
    ],
)
def test_only_a_search_word_linked_to_the_police_is_as_bad_a_query_as_without_the_link(
    query, alone
):
    # Review: "Polizei heute" was a bad query (exit 2), "Polizei von heute" nothing
    # found (exit 1), offering Boen.
    with pytest.raises(QueryError) as linked:
        resolve(query, registry())
    with pytest.raises(QueryError) as unlinked:
        resolve(f"Polizei {alone}", registry())
    assert str(linked.value) == str(unlinked.value)


def test_a_district_named_after_no_town_comes_before_a_village_of_its_name():
    # Lippe is first Kreis Lippe (no channel), then the village in Burbach; a town
    # of the name still comes first (Verden (Aller) before Landkreis Verden).
    assert resolve("Lippe", registry()).matches[0].name == "Kreis Lippe"
    assert resolve("Verden", registry()).matches[0].name == "Verden (Aller)"


def test_the_police_of_a_district_is_the_districts_before_a_village_of_its_name():
    # Found by QA in a real release: Polizei Lippe is Kreis Lippe's (no channel),
    # not Siegen-Wittgenstein's, whose village Lippe (Burbach) has a channel.
    first = resolve("Polizei Lippe", registry()).matches[0]
    assert (first.name, first.channels) == ("Kreis Lippe", ())
    # Not a district spelled otherwise, nor one named like a town: Landkreis
    # Neunkirchen (Saarland) comes after the Neuenkirchens and Neunkirchen (Siegen).
    for query in ("Polizei Neuenkirchen", "Polizeikommissariat Neunkirchen"):
        assert resolve(query, registry()).matches[0].channels, query


@pytest.mark.parametrize("query", ["WhatsApp-Kanal Polizei Stade", "Kanal Stade"])
def test_words_for_the_channel_itself_are_read_around_the_place(query):
    assert channel_ids(resolve(query, registry()), 0) == {"stade"}


def test_the_police_without_a_place_is_a_bad_query():
    # What follows the word for the police is checked as a query of its own.
    with pytest.raises(QueryError, match="'Landkreis' alone names no place"):
        resolve("Polizei Landkreis", registry())


def test_the_police_of_a_place_without_a_channel_says_so():
    assert resolve("Polizei Hamburg", registry()).status == "no_channel"


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Dannenberg", "Dannenberg (Elbe)"),  # the town before villages named Dannenberg
        ("Hohnstorf", "Hohnstorf (Elbe)"),
        ("Ahlden", "Ahlden (Aller)"),  # the municipality before its Samtgemeinde
    ],
)
def test_a_municipality_comes_before_villages_of_its_bare_name(query, first):
    assert resolve(query, registry()).matches[0].name == first


def test_a_bare_name_with_a_channel_only_as_a_district_gives_the_district_first():
    # Hamburg's Harburg and Harburg (Schwaben) have no channel; Landkreis Harburg has.
    res = resolve("Harburg", registry())
    assert (res.matches[0].name, res.matches[0].kind) == ("Landkreis Harburg", "district")
    assert {"Hamburg", "Landkreis Donau-Ries"} <= {m.district.name for m in res.matches}


@pytest.mark.parametrize(
    ("query", "district"), [("Munster", "03358"), ("Münster", "05515"), ("Muenster", "05515")]
)
def test_of_names_that_fold_alike_the_one_spelled_as_typed_comes_first(query, district):
    # Munster (Heidekreis) and Münster (Westfalen) share a key; both are listed.
    res = resolve(query, registry())
    assert res.matches[0].district.key == district
    assert {"03358", "05515"} <= {m.district.key for m in res.matches}


def test_municipalities_and_their_villages_say_which_samtgemeinde_they_are_in():
    by_kind = {
        m.kind: m for m in resolve("Wistedt", registry()).matches if m.district.key == "03353"
    }
    assert by_kind["municipality"].samtgemeinde == "Tostedt"
    village = resolve("Todtglüsingen", registry()).matches[0]
    assert (village.municipality, village.samtgemeinde) == ("Tostedt", "Tostedt")
    # An Einheitsgemeinde belongs to none.
    town = next(m for m in resolve("Winsen (Luhe)", registry()).matches if m.kind == "municipality")
    assert town.samtgemeinde is None


@pytest.mark.parametrize(
    ("query", "meant", "district"),
    [
        ("Hraber", "Harber", "03358"),
        ("Berloh", "Breloh", "03358"),
        ("Lunesn", "Lunsen", "03361"),
        # keys fold the "ue" of Neuenhäusen; the swap is one edit from the name as spelled
        ("Neuenhasuen", "Neuenhäusen", "03351"),
    ],
)
def test_two_swapped_letters_read_as_the_village_they_were_swapped_in(query, meant, district):
    # Counted as two edits, each was closer to another place (Räber, Bernloch, Lünen).
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key) == (meant, district)


def test_a_name_only_far_places_have_offers_the_one_said_alike_with_a_channel():
    # Rothenburg ob der Tauber, /Oberlausitz and near Halle have no channel; people
    # from Rotenburg (Wümme) often write their town so.
    res = resolve("Rothenburg", registry())
    assert res.status == "no_channel"
    assert res.suggestions[0] == "Rotenburg (Wümme)"
    # Not for a name merely one letter from a covered one: Hamburg is not Harburg;
    # nor for a town of its own (Bocholt, Kreis Borken, is meant, not Bockholt).
    assert resolve("Hamburg", registry()).suggestions == ()
    assert resolve("Bocholt", registry()).suggestions == ()


@pytest.mark.parametrize("name", ["Lichtenberg", "Karlshorst"])
def test_a_city_quarter_comes_before_a_village_of_the_same_name(name):
    # Berlin's Lichtenberg is a borough of 300,000; the other a village of Woltersdorf.
    matches = resolve(name, registry()).matches
    assert matches[0].district.key == "11000"
    assert [m.kind for m in matches[1:]].count("locality") >= 1


@pytest.mark.parametrize(
    ("query", "first_district", "village_district"),
    [
        # Found in review: the village with a channel came first, and `open` opened
        # its channel for the town's people (exit 0).
        ("Wedel", "01056", "03359"),  # the town in Kreis Pinneberg, not Fredenbeck's
        ("Polizei Wedel", "01056", "03359"),
        # and read beside other words (found in the second review)
        *(
            ("Bahnhof Wedel", "01056", "03359"),
            ("Zu welcher Polizei gehört Wedel?", "01056", "03359"),
        ),
        *(("Polizei Wedel aktuell", "01056", "03359"), ("Wedelpolizei", "01056", "03359")),
        ("Bergedorf", "02000", "03356"),  # Hamburg's, then Worpswede's
        ("Metzingen", "08415", "03351"),
        ("Breese", "12070", "03355"),
    ],
)
def test_a_bare_names_town_comes_before_its_villages_channel_or_not(
    query, first_district, village_district
):
    matches = resolve(query, registry()).matches
    assert matches[0].district.key == first_district and not matches[0].channels
    assert village_district in [m.district.key for m in matches if m.channels]


@pytest.mark.parametrize(
    ("query", "district"),
    [
        # a heading or a name asked for as a village keeps the covered village first
        ("Unfall Wesel", None),  # no answer, as before: a part of Undeloh alone
        ("Ortsteil Wedel", "03359"),
        ("Lichtenberg", "11000"),  # a city-state's quarter is a town
        # a municipality merged into another is a village; a town renamed the town
        ("Holdenstedt", "03360"),
        ("Fallingbostel", "03358"),
        ("in Sülze", "03351"),  # "in" is no part of the name asked
        ("Wedell", "01056"),  # a guess too (found in the code review)
        ("Dalheim Baden", None),  # no Dalheim lies in Baden: no answer, as before
        ("Crelle", "03351"),  # Celle misspelt, no Kiez begun
    ],
)
def test_towns_come_first_only_for_a_bare_name(query, district):
    matches = resolve(query, registry()).matches
    assert (matches[0].district.key if matches else None) == district


def test_a_name_said_without_its_alt_or_neu_finds_the_places_so_named():
    # Berliners say "Hohenschönhausen" for Alt- and Neu-Hohenschönhausen.
    res = resolve("Hohenschönhausen", registry())
    assert {(m.name, m.district.key) for m in res.matches} == {
        ("Alt-Hohenschönhausen", "11000"),
        ("Neu-Hohenschönhausen", "11000"),
    }


def test_a_far_town_of_the_name_offers_the_covered_villages_with_gross_or_klein():
    # Hehlen (Landkreis Holzminden) has no channel; Groß and Klein Hehlen (Celle) do.
    res = resolve("Hehlen", registry())
    assert res.status == "no_channel"
    assert {"Groß Hehlen", "Klein Hehlen"} <= set(res.suggestions)


def test_a_missing_village_two_letters_from_another_is_only_offered():
    # Bruchtorf (Jelmstorf) is not in the data; Uchtorf is two edits away.
    res = resolve("Bruchtorf", registry())
    assert (res.status, res.suggestions[0]) == ("not_found", "Uchtorf")


def test_a_typo_is_read_as_the_closest_spelling_first():
    # One letter from München and from Mucheln alike; the umlaut typed says München,
    # and the guess named in the message is what the table shows first.
    res = resolve("Müchen", registry())
    assert res.fuzzy_for == "München"
    assert res.matches[0].name.endswith("München")
    assert {m.name for m in res.matches} >= {"München", "Mucheln"}


def test_prefix_far_from_any_channel_offers_closer_covered_spellings():
    # "Zelle" only starts Zellertal (Donnersbergkreis); said aloud it is Celle.
    res = resolve("Zelle", registry())
    assert [m.match for m in res.matches] == ["prefix"] and res.status == "no_channel"
    assert "Celle" in res.suggestions
    assert all(resolve(s, registry()).status == "found" for s in res.suggestions)


@pytest.mark.parametrize(
    ("query", "meant"), [("Platte", "Plate"), ("Mielle", "Miele"), ("Rünke", "Rübke")]
)
def test_prefix_far_from_any_channel_offers_a_covered_name_as_few_letters_off(query, meant):
    # Found by QA: "Platte" begins Platten (Bernkastel-Wittlich), one letter from
    # the query as Plate (Lüchow-Dannenberg) is; Plate, shorter, scored less and
    # was not even offered.
    res = resolve(query, registry())
    assert res.status == "no_channel" and meant in res.suggestions


@pytest.mark.parametrize("query", ["Colmb", "Havet"])
def test_a_beginning_offers_no_name_two_letters_off(query):
    # Found in review: the letters a beginning has yet to reach counted as edits,
    # so "Colmb" (Colmberg) offered Olm and Holm.
    assert resolve(query, registry()).suggestions == ()


@pytest.mark.parametrize("query", ["Rotenb", "Hambur", "Stad"])
def test_prefix_answers_add_no_spellings_when_they_fit(query):
    # Rotenb and Stad reach channels; Hambur is spelled most like Hamburg itself.
    assert resolve(query, registry()).suggestions == ()


def test_weak_match_is_only_a_suggestion():
    res = resolve("Cellxx", registry())
    assert res.status == "not_found"
    assert res.matches == ()
    assert "Celle" in res.suggestions


def test_nonsense_is_not_found_without_suggestions():
    res = resolve("qqqqqqqqqqxj", registry())
    assert (res.status, res.suggestions) == ("not_found", ())


@pytest.mark.parametrize(
    ("query", "district", "state"),
    [
        ("Hannover", "03241", "Niedersachsen"),
        ("München", "09162", "Bayern"),
        ("28195", "04011", "Bremen"),
    ],
)
def test_places_outside_coverage_resolve_with_no_channel(query, district, state):
    res = resolve(query, registry())
    assert res.status == "no_channel"
    assert any(m.district.key == district and m.state == state for m in res.matches)


@pytest.mark.parametrize(
    ("postcode", "districts"),
    [("19273", {"03355", "13076"}), ("29640", {"03353", "03358"}), ("21423", {"03353"})],
)
def test_postcode_gives_every_district_it_touches(postcode, districts):
    res = resolve(postcode, registry())
    assert {m.district.key for m in res.matches} == districts
    assert all(m.kind == "postcode" for m in res.matches)


def test_postcode_keeps_its_leading_zero():
    res = resolve("01067", registry())
    assert res.matches[0].name == "01067"
    assert res.matches[0].district.name == "Dresden"


def test_organisation_postcode_still_maps_to_its_district():
    res = resolve("21332", registry())
    assert res.status == "found"
    assert channel_ids(res) == {"lueneburg"}


def test_postcode_with_town_name_uses_the_postcode():
    assert channel_ids(resolve("21423 Winsen", registry())) == {"landkreis-harburg"}


@pytest.mark.parametrize(
    "query", ["", "   ", "!!!", "-- / --", "x" * 201, "1234", "123456", "2142"]
)
def test_bad_queries_raise_query_error(query):
    with pytest.raises(QueryError):
        resolve(query, registry())


def _municipalities_of(districts: set[str]) -> list[tuple[str, str]]:
    lines = (gazetteer.data_dir() / "places.tsv").read_text(encoding="utf-8").splitlines()
    found = set()
    for line in lines:
        if line.startswith("#"):
            continue
        row = line.split("\t")
        if row[1] == "exact" and row[3] == "municipality" and row[5] in districts:
            found.add((row[2], row[5]))
    return sorted(found)


PD_MUNICIPALITIES = _municipalities_of(set(PD_LUENEBURG))


def test_the_eight_districts_have_their_municipalities():
    assert len(PD_MUNICIPALITIES) > 250


@pytest.mark.parametrize(
    ("name", "district"), PD_MUNICIPALITIES, ids=[n for n, _ in PD_MUNICIPALITIES]
)
def test_every_municipality_of_pd_lueneburg_resolves_to_its_channel(name, district):
    res = resolve(name, registry())
    mine = [m for m in res.matches if m.name == name and m.district.key == district]
    assert mine, [(m.name, m.district.key) for m in res.matches]
    assert PD_LUENEBURG[district] in {c.id for c in mine[0].channels}


_CHANNELS_DISTRICTS = {d for c in load_channels(None).channels for d in c.districts}
_LOCALITY_FILES = sorted((ROOT / "data" / "localities").glob("*.csv"))
# Districts a channel covers; the others are cities beside them whose quarters are
# researched so that a village elsewhere is not taken for one (Bremen, Hannover).
CURATED_FILES = [p for p in _LOCALITY_FILES if p.stem in _CHANNELS_DISTRICTS]
NEIGHBOUR_FILES = [p for p in _LOCALITY_FILES if p.stem not in _CHANNELS_DISTRICTS]


def _curated_sample(files: list[Path], per_district: int = 12) -> list[tuple[str, str, str]]:
    """A fixed random sample of researched Ortsteile, the same share from every district."""
    sample = []
    for path in files:
        with path.open(encoding="utf-8") as fh:
            reader = csv.DictReader(line for line in fh if not line.startswith("#"))
            rows = [
                (r["name"], r["municipality"], path.stem) for r in reader if r["kind"] == "ortsteil"
            ]
        sample += random.Random(7).sample(rows, min(per_district, len(rows)))
    return sorted(sample)


CURATED = _curated_sample(CURATED_FILES)
NEIGHBOURS = _curated_sample(NEIGHBOUR_FILES)


def test_curated_sample_spans_every_researched_district():
    assert len(CURATED) >= 100
    assert {d for _, _, d in CURATED} == {p.stem for p in CURATED_FILES}
    assert set(COVERED) <= {p.stem for p in CURATED_FILES}


def _curated_memberships() -> list[tuple[str, str, str]]:
    """(member municipality, Samtgemeinde, district) as researched in data/localities."""
    rows = []
    for path in CURATED_FILES:
        with path.open(encoding="utf-8") as fh:
            reader = csv.DictReader(line for line in fh if not line.startswith("#"))
            rows += [
                (r["municipality"], r["name"], path.stem)
                for r in reader
                if r["kind"] == "samtgemeinde"
            ]
    return sorted(rows)


MEMBERSHIPS = _curated_memberships()


def test_every_samtgemeinde_member_shows_its_samtgemeinde():
    # A hand-written member name that is not exactly a municipality of the district
    # would leave that municipality's residents without their Samtgemeinde.
    assert len(MEMBERSHIPS) > 200
    for member, samtgemeinde, district in MEMBERSHIPS:
        found = [
            m.samtgemeinde
            for m in resolve(member, registry()).matches
            if m.kind == "municipality" and m.district.key == district
        ]
        assert found == [samtgemeinde], (member, samtgemeinde, district)


@pytest.mark.parametrize(
    ("name", "municipality", "district"), CURATED, ids=[f"{n}-{d}" for n, _, d in CURATED]
)
def test_researched_locality_resolves_to_its_district_channel(name, municipality, district):
    res = resolve(name, registry())
    hits = [
        m for m in res.matches if m.district.key == district and name_key(m.name) == name_key(name)
    ]
    assert hits, (name, municipality, [(m.name, m.district.key) for m in res.matches][:5])
    covering = {c.id for c in registry().channels if district in c.districts}
    assert covering, f"no channel covers the researched district {district}"
    assert covering <= {c.id for c in hits[0].channels}


@pytest.mark.parametrize(
    ("name", "municipality", "district"), NEIGHBOURS, ids=[f"{n}-{d}" for n, _, d in NEIGHBOURS]
)
def test_a_quarter_of_a_city_beside_the_channels_is_listed_as_having_none(
    name, municipality, district
):
    hits = [
        m
        for m in resolve(name, registry()).matches
        if m.district.key == district and name_key(m.name) == name_key(name)
    ]
    assert hits and hits[0].channels == ()


def test_a_city_quarter_is_no_misspelt_village_with_a_channel():
    # Bremen's Hemelingen was guessed as Hemslingen (Rotenburg), Lübeck's Moisling
    # as Moislingen (Lüneburg): each took a channel that is not theirs.
    # A misspelt village before a district that a researched quarter is named
    # like too is still guessed there: Bremen's Osterholz lists its own parts.
    assert resolve("Unfall in Oldrndorf Osterholz", registry()).matches[0].name == "Oldendorf"
    # With where it lies, the quarter there: "Schwachhausen (Bremen)" was the
    # village in Celle, with Bremen remarked as not fitting.
    for query, city in (
        ("Hemelingen", "Bremen"),
        ("Moisling", "Lübeck"),
        ("Schwachhausen (Bremen)", "Bremen"),
    ):
        answer = resolve(query, registry())
        assert answer.status == "no_channel" and answer.matches[0].district.name == city


ADDRESSED = [(n, m, d) for n, m, d in CURATED if name_key(n) != name_key(m)]


@pytest.mark.parametrize(
    ("name", "municipality", "district"), ADDRESSED, ids=[f"{n}-{d}" for n, _, d in ADDRESSED]
)
def test_a_street_address_naming_town_and_ortsteil_finds_the_ortsteil(name, municipality, district):
    # As addresses write it: "Hauptstraße 5, Berlin-Kreuzberg", "Dorfstraße 3,
    # Delbrück-Boke". Before, every such address found nothing.
    for query in (f"Hauptstraße 5, {municipality}-{name}", f"{municipality} OT {name}, Am Markt 1"):
        first = resolve(query, registry()).matches[0]
        assert (name_key(first.name), first.district.key) == (name_key(name), district), query


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec=None, blacklist_categories=()),
        max_size=300,
    )
    | st.sampled_from(["\x00", "\u202eCelle", "Celle\u0301", "🚓 Celle", "\ud800", "a" * 10_000])
)
def test_resolver_never_raises_anything_but_query_error(text):
    try:
        res = resolve(text, registry())
    except QueryError as exc:
        assert "\n" not in str(exc)
    else:
        # What `find --json` prints: it must serialise, and every channel it names
        # must be one of the registry's, with the registry's link.
        data = json.loads(json.dumps(res.to_dict()))
        links = {c.id: c.url for c in registry().channels}
        named = [(c["id"], c["url"]) for m in data["matches"] for c in m["channels"]]
        assert all(links.get(cid) == url for cid, url in named), named
        # "found" only with a channel to show; of a guess, one of the name it was
        # read as ("Müchen": München's, not a further guess's).
        assert data["status"] != "found" or named
        if data["status"] == "found" and res.fuzzy_for:
            assert any(m.channels for m in res.named())


def test_a_postcode_of_one_organisation_says_so():
    # 29216 is no delivery area but the postcode of one organisation in Celle.
    (match,) = resolve("29216", registry()).matches
    assert (match.organisation, match.to_dict()["organisation"]) == (True, True)
    assert not any(m.organisation for m in resolve("29221", registry()).matches)


def test_westfalen_as_a_qualifier_keeps_only_the_place_in_nordrhein_westfalen():
    # Before, "Münster (Westfalen)" still listed the Münsters in Bayern and Hessen.
    res = resolve("Münster (Westfalen)", registry())
    assert {m.state for m in res.matches} == {"Nordrhein-Westfalen"}


def test_a_place_beside_a_postcode_of_another_district_is_flagged():
    # A script sees what the table warns of: one of the two is mistyped.
    assert resolve("21423 Celle", registry()).to_dict()["postcode_mismatch"] is True
    assert resolve("21423 Winsen", registry()).to_dict()["postcode_mismatch"] is False


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        ("Wittgenstein", "Wittgenstein", "05970"),
        ("Siegerland", "Siegerland", "05970"),
        # a region beside a name says which of its namesakes: not Freudenberg in Baden
        ("Freudenberg Siegerland", "Freudenberg", "05970"),
        ("Neunkirchen Siegerland", "Neunkirchen", "05970"),
    ],
)
def test_the_regions_of_kreis_siegen_wittgenstein_are_known(query, name, district):
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key) == (name, district)
    assert "siegen-wittgenstein" in channel_ids(resolve(query, registry()), 0)


def test_a_name_said_without_its_glued_ober_or_nieder_finds_both():
    # Oberdielfen and Niederdielfen (Wilnsdorf), as people there say "Dielfen".
    names = {m.name for m in resolve("Dielfen", registry()).matches}
    assert names == {"Niederdielfen", "Oberdielfen"}


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        # A state beside the district narrows no less: the Hagen in Stade, alone.
        ("Hagen, Landkreis Stade, Niedersachsen", "Hagen", "03359"),
        ("Hagen;Landkreis Stade;Nds.", "Hagen", "03359"),
        ("Borstel, Jork, Niedersachsen", "Borstel", "03359"),
        # A spreadsheet row: the addressee's name before the street is no place.
        ("Winkel; Lindenweg 2; ; Jork; Landkreis Stade; Niedersachsen", "Jork", "03359"),
        ("Busch; Lindenweg 2; Jork-Borstel", "Borstel", "03359"),
        # A dateline's headline word that names a village elsewhere.
        ("Stade-Hagen - Brand", "Hagen", "03359"),
        # A town named rightly beside the wrong district is no typo, nor the
        # beginning of a region there.
        ("Celle, Landkreis Harburg", "Celle", "03351"),
        ("Lüneburg, Celle", "Lüneburg", "03355"),
        # A word for a part of a town, or a street, beside a town no channel covers.
        ("Mitte, Hannover", "Hannover", "03241"),
        ("Am Sande, Bremen", "Bremen", "04011"),
        # A village with its house number is named, not guessed; a street with
        # one is not taken for a village elsewhere, nor is the town before it.
        ("Westercelle 7, Celle", "Westercelle", "03351"),
        ("Felde 3, Celle", "Celle", "03351"),
        ("Celle, Am Felde 3", "Celle", "03351"),
        ("Am Felde 3, Celle, Niedersachsen", "Celle", "03351"),
        ("Schützenplatz, Celle, Deutschland", "Celle", "03351"),
        ("Hagen; Lindenweg 2; Jork; Niedersachsen", "Jork", "03359"),
        # Beside a district alone, the name before the street is the village.
        ("Groß Thun; Birkenweg 28; Landkreis Verden", "Groß Thun", "03359"),
        ("Auf der Hausstelle, Landkreis Verden", "Auf der Hausstelle", "03355"),
        ("Im Winkel 37, Bruchweg", "Bruchweg", "03359"),
        # A name found elsewhere beside a district alone is no typo there.
        ("Gledeberg; Bahnhofstraße 48; Landkreis Lüneburg", "Gledeberg", "03354"),
        ("Heidenhof, Landkreis Harburg", "Heidenhof", "03358"),
        # State and country as address columns write them; "Ortsteil von".
        ("Staaken, Spandau, BE", "Staaken", "11000"),
        ("Schletau, Lemgow, DE", "Schletau", "03354"),
        ("Häcklingen, Ortsteil von Lüneburg", "Häcklingen", "03355"),
        # Found by QA: "Amt" after "von" was kept, so the Tripkau in Lüchow-Dannenberg
        # was listed first.
        ("Tripkau, Ortsteil von Amt Neuhaus", "Tripkau", "03355"),
    ],
)
def test_a_row_of_an_address_answers_for_the_place_it_names(query, name, district):
    res = resolve(query, registry())
    first = res.matches[0]
    assert (first.name, first.district.key, res.fuzzy_for) == (name, district, None)
    assert len({m.district.key for m in res.matches}) == 1


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        ("Stade Hagen Nds", "Hagen", "03359"),
        ("Hagen Stade Niedersachsen", "Hagen", "03359"),
        ("Celle Westercele Niedersachsen", "Westercelle", "03351"),
        # As a column it does the same: the guess the town confirms stays.
        ("Westercele, Celle, Niedersachsen", "Westercelle", "03351"),
    ],
)
def test_a_state_after_the_words_only_says_where_they_lie(query, name, district):
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key) == (name, district)


def test_a_word_for_a_part_of_a_town_after_its_town_is_not_berlin():
    res = resolve("München, Mitte", registry())
    assert res.matches[0].name == "München"
    assert "11000" not in {m.district.key for m in res.matches}


def test_a_press_release_headline_is_named_as_left_out_with_or_without_its_code():
    for query in ("POL-CE: Westercelle - Brand einer Scheune", "Westercelle - Brand einer Scheune"):
        res = resolve(query, registry())
        assert res.matches[0].name == "Westercelle"
        assert res.unknown_parts == ("Brand einer Scheune",)


def test_a_row_with_a_postcode_names_the_parts_it_leaves_out():
    res = resolve("Hauptstraße 3; 21680; Stade; Landkreis Celle", registry())
    assert res.matches[0].district.key == "03359"
    assert (res.unknown_parts, res.unfitting_parts) == ((), ("Landkreis Celle",))


def test_a_short_beginning_keeps_the_covered_towns_it_begins():
    # Ranked before the list is cut: "Wal" begins hundreds of names, Walsrode
    # (Heidekreis) among the first shown, not only the first 25 alphabetically.
    res = resolve("Wal", registry())
    assert res.matches[0].name == "Walsrode"
    assert len(res.matches) <= 25


@pytest.mark.parametrize(
    ("query", "places"),
    [
        # A dateline heading one report on two towns: each has its own channel.
        ("Buxtehude/Neu Wulmstorf", [("Buxtehude", "03359"), ("Neu Wulmstorf", "03353")]),
        ("Lüneburg / Uelzen", [("Lüneburg", "03355"), ("Uelzen", "03360")]),
        ("Celle/Hannover - Unfall", [("Celle", "03351"), ("Hannover", "03241")]),
        ("POL-LG: Lüneburg/Uelzen - Unfall", [("Lüneburg", "03355"), ("Uelzen", "03360")]),
        # Of the many Neuenkirchens, the one beside Soltau.
        ("Neuenkirchen/Soltau", [("Neuenkirchen", "03358"), ("Soltau", "03358")]),
    ],
)
def test_two_towns_joined_by_a_slash_are_both_answered(query, places):
    res = resolve(query, registry())
    towns = [(m.name, m.district.key) for m in res.matches if m.kind != "district"]
    assert [t for t in towns if t in places] == places
    assert len({m.district.key for m in res.matches}) == len({d for _, d in places})


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        ("Hagen/Stade", "Hagen", "03359"),  # where it lies
        ("Seevetal/Hittfeld", "Hittfeld", "03353"),  # a village in it: that village
        # Found by QA: a village named like a qualifier word (Baden, Sande) had
        # given the town.
        ("Achim/Baden", "Baden", "03361"),
        ("Paderborn/Sande", "Sande", "05774"),
        ("Winsen (Luhe)/OT Roydorf", "Roydorf", "03353"),  # no Winsen (Aller)
        ("Bergen an der Dumme/OT Jiggel", "Jiggel", "03354"),
        ("Bleckede/Elbe", "Bleckede", "03355"),  # a river (Elbe is a town too)
        ("Rotenburg/Wümme", "Rotenburg (Wümme)", "03357"),
    ],
)
def test_a_slash_before_where_a_place_lies_or_its_river_only_qualifies_it(query, name, district):
    res = resolve(query, registry())
    assert (res.matches[0].name, res.matches[0].district.key) == (name, district)
    assert {m.district.key for m in res.matches} == {district}
    assert res.places_named == ()


@pytest.mark.parametrize(
    ("query", "first"), [("Uel", "Uelzen"), ("Lue", "Lüneburg"), ("Oes", "Oese")]
)
def test_a_beginning_typed_with_ue_oe_begins_the_names_so_spelled(query, first):
    # "Uel" keys as "ul" (ue read as ü), two letters, yet three are typed.
    res = resolve(query, registry())
    assert res.matches[0].name == first
    assert all(m.match == "prefix" for m in res.matches)


def test_a_short_misspelling_with_oe_is_no_beginning_of_other_names():
    res = resolve("Oeel", registry())  # Oerel, one letter off; no name begins "Oeel"
    assert res.matches == () and "Oerel" in res.suggestions


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        # The river in brackets is no place of its own: not Elbe-Weser-Dreieck, not Allerhop.
        ("Stade (Elbe)", "Stade", "03359"),
        ("Celle (Aller)", "Celle", "03351"),
        # The same river without its brackets.
        ("Stade Elbe", "Stade", "03359"),
        ("Bleckede Elbe", "Bleckede", "03355"),
        ("Munster Örtze", "Munster", "03358"),
        ("Hitzacker Elbe", "Hitzacker", "03354"),
        # A member municipality in brackets is the place meant, not a river.
        ("Salzhausen (Gödenstorf)", "Gödenstorf", "03353"),
        # Baden qualifies Rheinfelden (Baden), but is a village of Achim.
        ("Achim Baden", "Baden", "03361"),
        ("Achim (Baden)", "Baden", "03361"),
    ],
)
def test_a_river_after_a_town_only_qualifies_it(query, name, district):
    res = resolve(query, registry())
    assert (res.matches[0].name, res.matches[0].district.key) == (name, district)
    assert res.query == query


@pytest.mark.parametrize(
    ("query", "name"),
    [
        # Found by QA: city, borough and quarter, as Berlin addresses go, found nothing.
        ("Berlin-Pankow-Buch", "Buch"),
        ("Berlin Neukölln Britz", "Britz"),
        ("Berlin-Wedding (Mitte)", "Wedding"),
        ("Berlin-Buch (Pankow)", "Buch"),
    ],
)
def test_a_quarter_after_its_city_and_borough_is_that_quarter(query, name):
    res = resolve(query, registry())
    assert (res.matches[0].name, res.matches[0].district.key) == (name, "11000")
    assert {m.district.key for m in res.matches} == {"11000"}


def test_words_after_a_city_that_name_no_place_in_it_are_still_not_found():
    assert resolve("Berlin Xyzabc Britz", registry()).matches == ()


def test_three_places_a_slash_joins_are_each_answered():
    res = resolve("Lüneburg/Lüchow-Dannenberg/Uelzen", registry())
    assert res.places_named == ("Lüneburg", "Lüchow-Dannenberg", "Uelzen")
    assert {m.district.key for m in res.matches} == {"03355", "03354", "03360"}


@pytest.mark.parametrize(
    ("query", "places", "districts"),
    [
        (
            "Stade/Buxtehude/Neu Wulmstorf",
            ("Stade", "Buxtehude", "Neu Wulmstorf"),
            {"03359", "03353"},
        ),
        ("A 1/Buchholz/Hollenstedt", ("Buchholz", "Hollenstedt"), {"03353"}),
        ("Unfälle in Lüneburg und Uelzen", ("Lüneburg", "Uelzen"), {"03355", "03360"}),
    ],
)
def test_places_joined_in_a_heading_are_each_answered(query, places, districts):
    res = resolve(query, registry())
    assert res.places_named == places
    assert {m.district.key for m in res.matches} == districts


@pytest.mark.parametrize(
    ("query", "name"), [("Hamburg/Niedersachsen", "Hamburg"), ("Celle/Celle", "Celle")]
)
def test_a_state_or_the_same_name_after_a_slash_is_no_second_place(query, name):
    res = resolve(query, registry())
    assert res.places_named == ()
    assert res.matches[0].name == name and not any(m.kind == "channel" for m in res.matches)


def test_an_abbreviation_in_an_address_is_no_dateline_and_de_no_headline_place():
    first = resolve("Dorfstraße 3, Suhlendorf-St. Omer", registry()).matches[0]
    assert (first.name, first.district.key) == ("St. Omer", "03360")
    res = resolve("Landau in de Pfalz", registry())  # a typo, not a report from "DE"
    assert res.matches[0].name == "Landau in der Pfalz"
    assert not any(m.kind == "channel" for m in res.matches)


@pytest.mark.parametrize(
    ("query", "places"),
    [
        ("Winsen/Luhe/Stelle", ("Winsen/Luhe", "Stelle")),  # the river stays with its town
        ("Jork & Borstel", ("Jork", "Borstel")),  # "&" and "und" join, never qualify
        ("Achim und Bremen", ("Achim", "Bremen")),
    ],
)
def test_joined_places_keep_a_river_with_its_town_and_und_always_joins(query, places):
    assert resolve(query, registry()).places_named == places


@pytest.mark.parametrize("query", ["Lk. Harburg", "Kr. Harburg", "Kreis Harburg", "LK Harburg"])
def test_a_short_type_word_names_the_landkreis_as_its_full_word_does(query):
    # Harburg (Schwaben) in Bavaria is only found once "Landkreis" is dropped.
    res = resolve(query, registry())
    assert res.matches[0].name == "Landkreis Harburg"
    assert "Bayern" not in {m.state for m in res.matches}


def test_a_state_after_two_slashed_names_leaves_the_first_where_the_second_says():
    res = resolve("Hagen/Stade/Niedersachsen", registry())
    assert (res.matches[0].name, res.matches[0].district.key) == ("Hagen", "03359")


def test_a_press_code_with_a_place_outside_its_area_names_the_headline_left_out():
    res = resolve("POL-LG: Celle - Unfall", registry())
    assert res.outside_area_of and res.unknown_parts == ("Unfall",)


@pytest.mark.parametrize(("query", "first"), [("Hagen 12", "05914"), ("Freiburg 3", "08311")])
def test_a_house_number_keeps_the_city_of_the_name_first(query, first):
    # Only a village its number names in Roman numerals ("Hanstedt 2") is put
    # before the rest, and of those readings the covered places first.
    res = resolve(query, registry())
    assert res.matches[0].district.key == first


@pytest.mark.parametrize(
    ("query", "places", "left_out"),
    [
        ("Unfall Celle/Stade", ("Celle", "Stade"), ("Unfall",)),
        ("Einbruch Lüneburg/Uelzen", ("Lüneburg", "Uelzen"), ("Einbruch",)),
        (
            "Verkehrsunfall Neu Wulmstorf/Buxtehude",
            ("Neu Wulmstorf", "Buxtehude"),
            ("Verkehrsunfall",),
        ),
        # and after them
        ("Lüneburg/Uelzen Unfall", ("Lüneburg", "Uelzen"), ("Unfall",)),
        ("Celle/Stade Einbruch", ("Celle", "Stade"), ("Einbruch",)),
    ],
)
def test_a_headline_word_before_slashed_places_is_left_out(query, places, left_out):
    res = resolve(query, registry())
    assert (res.status, res.places_named, res.unknown_parts) == ("found", places, left_out)


def test_a_name_with_a_slash_is_not_cut_before_its_last_words():
    # Found in the corpus: "Burg" of "Rümmelsheim/Burg Layen" is no Burg in Celle.
    res = resolve("Rümmelsheim/Burg Layen in Bad Kreuznach", registry())
    assert [m.name for m in res.matches] == ["Rümmelsheim/Burg Layen"]


def test_a_place_before_slashed_places_is_not_taken_for_a_headline_word():
    # "Hamburg Altona" names one place; Hamburg is not left out as a headline word.
    res = resolve("Hamburg Altona/Stade", registry())
    assert "Hamburg" not in res.unknown_parts and res.places_named[:1] != ("Altona",)


def test_a_headline_after_places_whose_last_only_says_where_is_left_out():
    res = resolve("Hagen/Stade/A1 - Unfall", registry())
    assert (res.matches[0].district.key, res.unknown_parts) == ("03359", ("Unfall",))


@pytest.mark.parametrize("query", ["21423 29221 Celle", "Winsen 21423 29221"])
def test_a_town_beside_several_postcodes_narrows_only_its_own(query):
    # Neither postcode is declared unknown: Celle says nothing of 21423 (Winsen).
    res = resolve(query, registry())
    assert res.unknown_postcodes == ()
    assert {m.name for m in res.matches if m.kind == "postcode"} == {"21423", "29221"}


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        ("Winsen (Luhe) Hauptstraße 1", "Winsen (Luhe)", "03353"),
        ("Bergen an der Dumme Hauptstraße 1", "Bergen an der Dumme", "03354"),
        ("Freiburg (Elbe) Hauptstraße 1", "Freiburg (Elbe)", "03359"),
        ("Winsen (Luhe) Westfalen", "Winsen (Luhe)", "03353"),
    ],
)
def test_a_name_with_its_qualifier_keeps_it_before_a_street(query, name, district):
    # Cut at the bracket, "Winsen" alone had put Winsen (Aller) first.
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key) == (name, district)


@pytest.mark.parametrize("query", ["Otersen über Verden", "Otersen ueber Verden"])
def test_the_old_postal_ueber_says_where_as_bei_does(query):
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key) == ("Otersen", "03361")


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        ("Kirchlintln-Otersen", "Otersen", "03361"),
        ("Berin-Adlershof", "Adlershof", "11000"),
        ("Deblrück-Boke", "Boke", "05774"),
    ],
)
def test_a_village_with_its_municipality_misspelt_before_a_hyphen_is_found(query, name, district):
    # As "Otersen, Kirchlintln" is; it had found nothing.
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key) == (name, district)


def test_a_word_for_a_part_of_town_or_a_state_is_no_misspelt_municipality():
    # "West" is one letter from "Westf." (Nordrhein-Westfalen): Aue in Uelzen stays
    # first. "Westf." is one letter from Weste, Höver's municipality: still only a
    # qualifier Höver does not have.
    assert resolve("Aue West", registry()).matches[0].district.key == "03360"
    assert resolve("Höver (Westf.)", registry()).matches[0].match == "variant"


@pytest.mark.parametrize(
    ("query", "district"),
    [("Dreihausen, Gem. Stemmen", "03357"), ("Vorwerk, Gde. Celle", "03351")],
)
def test_gemeinde_abbreviated_after_a_comma_says_where(query, district):
    res = resolve(query, registry())
    assert (res.matches[0].district.key, res.unknown_parts) == (district, ())


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        ("Metzingen, Göhdre", "Metzingen", "03354"),
        ("Bevepsen-Ebstorf, Hanstedt", "Hanstedt", "03360"),
        # Found by QA: a namesake far off (Seebergen in Gotha, Kakerbeck in the
        # Altmark) let a worse spelling near it win (Luisenthal, Kahrstedt: no channel).
        ("Seebergen, Lilinthal", "Seebergen", "03356"),
        ("Kakerbeck, Aherstedt", "Kakerbeck", "03359"),
        ("Hantsedt I, Hanstedt", "Hanstedt I", "03360"),
    ],
)
def test_a_misspelt_municipality_after_a_comma_still_says_where(query, name, district):
    # Used to narrow, so not remarked as a part not found.
    res = resolve(query, registry())
    assert (res.matches[0].name, res.matches[0].district.key) == (name, district)
    assert res.unknown_parts == ()


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        # Found by QA: a slash without spaces after a name of several words was
        # no word break, and "in der Marsch/Dannenberg" read as a qualifier of
        # Breese (Landkreis Lüneburg first).
        ("Breese in der Marsch/Dannenberg", "Breese in der Marsch", "03354"),
        ("Handorf bei Tostedt/Handeloh", "Handorf bei Tostedt", "03353"),
        ("Marxen am Berge/Oldendorf", "Marxen am Berge", "03355"),
    ],
)
def test_a_name_of_several_words_slashed_to_its_municipality_is_that_place(query, name, district):
    res = resolve(query, registry())
    assert [(m.name, m.district.key) for m in res.matches] == [(name, district)]


@pytest.mark.parametrize(
    ("query", "name", "district"),
    [
        # Found by QA: the whole text was read as one misspelt name, Oldendorf an
        # der Göhrde (Landkreis Lüneburg), though the comma says Göhrde is where.
        ("Tolendorf, Göhrde", "Tollendorf", "03354"),
        ("Wlstorf, Hamburg", "Wilstorf", "02000"),  # was Wentorf bei Hamburg
        # Found in review: a name written with a comma for its "an der", misspelt,
        # is still that name, which the whole text is spelled closer to.
        ("Oldendrof, Göhrde", "Oldendorf an der Göhrde", "03355"),
        ("Marxeen, Berge", "Marxen am Berge", "03355"),
    ],
)
def test_a_misspelt_village_before_its_municipality_lies_there(query, name, district):
    first = resolve(query, registry()).matches[0]
    assert (first.name, first.district.key) == (name, district)


@pytest.mark.parametrize(
    ("query", "not_first_district"),
    [
        ("Hagen-Stadt", "03359"),  # "Stadt" is a type word, no misspelt Stade
        ("Münster, Bayer", "09779"),  # a surname, no misspelt Bayern
        ("Hagen, Este", "03360"),  # Este is a river: no Weste, four letters
    ],
)
def test_no_word_close_to_a_place_s_whereabouts_by_chance_narrows_it(query, not_first_district):
    res = resolve(query, registry())
    assert not res.matches or res.matches[0].district.key != not_first_district


def test_a_part_that_narrowed_nothing_is_still_remarked():
    # "Celler" is close to Celle, where one of the nine Hagens lies, not all.
    res = resolve("Hagen 5, Celler", registry())
    assert res.unknown_parts == ("Celler",) and len({m.district.key for m in res.matches}) > 1


@pytest.mark.parametrize("query", ["Celle/Winsen", "Stade/Buxtehude"])
def test_a_slash_between_two_towns_of_a_district_keeps_the_first(query):
    # A town of its district is no village of the first: only an Ortsteil is.
    answer = resolve(query, registry())
    assert answer.matches[0].name == query.split("/")[0]
    # and it is a place of its own, not dropped unsaid
    first, second = query.split("/")
    assert answer.places_named == (first, second)
    assert any(m.name.startswith(second) for m in answer.matches)


def test_gem_alone_is_a_beginning_of_names_not_a_type_word_alone():
    assert resolve("Gem", registry()).matches[0].name.startswith("Gem")


def test_a_word_of_three_letters_beside_a_place_is_no_misspelt_place_there():
    # "idN" (in der Nordheide) was read as Iden, which a Buchholz lies by in Stendal
    assert all(m.name != "Iden" for m in resolve("Buchholz idN", registry()).matches)
    # five letters typed are guessed ("Oeerl" keys as three: Oerel)
    assert resolve("Oeerl Rotenburg (Wümme)", registry()).matches[0].name == "Oerel"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        # Found in review: only a word in small letters before "in", "bei" and
        # the like is a sentence's verb; an address's or a street's misspelt town
        # is still guessed
        ("Bahnhofstraße 5, westercele", "Westercelle"),
        ("uelzn Innenstadt", "Uelzen"),
        ("walsorde Zentrum", "Walsrode"),
    ],
)
def test_a_misspelt_town_in_small_letters_beside_capitals_is_still_guessed(query, name):
    assert resolve(query, registry()).matches[0].name == name


@pytest.mark.parametrize(
    ("query", "name"),
    [
        # Found in review once Bremen's and Hannover's quarters were added: a part of
        # a covered town the data lacks stays that town, not a far quarter of its
        # name, and "bei" a city is by it, not in it.
        ("Brand in Lindenhof (Adendorf)", "Adendorf"),
        ("Brand in Lindenhof (Dörverden)", "Dörverden"),  # 35 km from Bremen's
        ("Winhausen bei Hannover", "Wienhausen"),
    ],
)
def test_a_city_quarter_of_the_name_does_not_displace_the_place_meant(query, name):
    assert resolve(query, registry()).matches[0].name == name


def test_a_type_word_leaves_out_places_only_for_a_name_spelled_as_typed():
    # "neuenkirchen" keys as "neunkirchen": Landkreis Neunkirchen (Saarland) is no
    # district the words ask for, so the Neuenkirchens with channels stay.
    answer = resolve("Neuenkirchen, Landkreis", registry())
    assert any(m.name == "Neuenkirchen" and m.channels for m in answer.matches)
    # a town's name with its qualifier is asked for too
    assert resolve("Stadt Buchholz", registry()).matches[0].name == "Buchholz in der Nordheide"
    assert resolve("Gemeinde Luckau", registry()).matches[0].name == "Luckau (Wendland)"
    # spelled as typed, it does: "Kreis Wesel" is not also Wesel in Landkreis Harburg
    assert all(m.district.name == "Kreis Wesel" for m in resolve("Kreis Wesel", registry()).matches)


@pytest.mark.parametrize(
    ("query", "name", "channel"),
    [
        # Found in review (users in Berlin and Münster): a station, Berlin's short
        # form and a square before its town found nothing.
        ("Münster Hbf", "Münster", "muenster"),
        ("Hauptbahnhof Berlin", "Berlin", "berlin"),
        ("Bahnhof Celle", "Celle", "celle"),
        ("Bln", "Berlin", "berlin"),
        ("Bln-Neukölln", "Neukölln", "berlin"),
        ("Alexanderplatz Berlin", "Berlin", "berlin"),
        # and a Kiez, as Berliners say where they live
        ("Schillerkiez", "Schillerkiez", "berlin"),
        ("Wrangelkiez Berlin", "Wrangelkiez", "berlin"),
    ],
)
def test_a_station_berlins_short_form_and_a_square_name_the_town(query, name, channel):
    first = resolve(query, registry()).matches[0]
    assert (first.name, [c.id for c in first.channels]) == (name, [channel])


@pytest.mark.parametrize("query", ["Bahnhof Harburg", "Harburg Hbf"])
def test_a_station_is_a_towns_before_a_districts_of_its_name(query):
    # Found in review: Landkreis Harburg, which no station is named after, came
    # first with its channel, as if the town Harburg had none.
    names = [m.name for m in resolve(query, registry()).matches]
    assert names.index("Harburg (Schwaben)") < names.index("Landkreis Harburg")


def test_a_station_puts_no_village_before_a_district():
    # Found in the second review: Bremen's Osterholz, a quarter without a station,
    # came before Landkreis Osterholz (Osterholz-Scharmbeck's station).
    assert resolve("Bahnhof Osterholz", registry()).matches[0].name == "Landkreis Osterholz"
