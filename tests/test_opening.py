"""opening: which channel `open` opens for an answer, or why none."""

from __future__ import annotations

import pytest

from polchan_cli.opening import (
    exact_queries,
    notices_before_opening,
    opening,
    places_for,
    refusal_words,
)
from polchan_cli.resolve import resolve


def plan_for(query: str, registry):
    return opening(resolve(query, registry).asked_for())


@pytest.mark.parametrize(
    ("query", "channel"),
    [("Stade", "stade"), ("Westercelle", "celle"), ("Cel", "celle"), ("Cele", "celle")],
)
def test_a_place_one_channel_covers_opens_it(query, channel, bundled_registry):
    plan = plan_for(query, bundled_registry)
    assert (plan.refused, [c.id for c in plan.channels]) == (None, [channel])


@pytest.mark.parametrize(
    ("query", "refused"),
    [
        ("Xqzxqz", "not_found"),
        ("München", "no_channel"),
        ("Freiburg", "uncovered_city"),  # Freiburg im Breisgau before Freiburg (Elbe)
        ("Polizei Lippe", "uncovered_city"),  # Kreis Lippe before Lippe (Burbach)
        ("Pol", "only_begun"),  # Polau (Uelzen) among many names no channel covers
        # Found by QA: Holsen (Paderborn) begun, Holste (Osterholz) one letter off.
        ("Holse", "only_begun"),
    ],
)
def test_what_open_refuses_and_why(query, refused, bundled_registry):
    assert plan_for(query, bundled_registry).refused == refused


def test_a_name_of_places_in_several_channels_areas_leaves_the_choice(bundled_registry):
    plan = plan_for("Winsen", bundled_registry)
    assert plan.refused is None
    assert {c.id for c in plan.channels} == {"celle", "landkreis-harburg"}


def test_what_to_type_instead_names_each_covered_place_with_its_district(bundled_registry):
    # Never the bare name, which is first the city of Hagen, no channel's.
    res = resolve("Hagen", bundled_registry)
    assert exact_queries(res, most=2) == "Hagen, Landkreis Celle; Hagen, Landkreis Stade; …"
    offered = exact_queries(res).split("; ")
    assert len(offered) > 2 and len(set(offered)) == len(offered)
    assert all(q.startswith("Hagen, ") and "kreis " in q.casefold() for q in offered)
    assert "Hagen, Hagen" not in offered  # the city, which no channel covers


def test_each_channel_to_choose_from_says_which_place_it_is_for(bundled_registry):
    res = resolve("Winsen", bundled_registry)
    by_id = {c.id: places_for(res, c) for c in res.unique_channels()}
    assert by_id == {"celle": "Winsen (Aller)", "landkreis-harburg": "Winsen (Luhe)"}
    shared = resolve("29640", bundled_registry)
    assert [places_for(shared, c) for c in shared.unique_channels()] == [
        "Schneverdingen",
        "Undeloh",
    ]


def test_each_town_of_a_postcode_counts_as_one_place_to_say(bundled_registry):
    # 21423 is Drage and Winsen (Luhe): two places, not one long name.
    res = resolve("21423", bundled_registry)
    (channel,) = res.unique_channels()
    assert places_for(res, channel, most=1) == "Drage, …"


def test_a_place_two_channels_cover_is_chosen_between_by_channel_name(town_channels):
    own = town_channels
    res = resolve("Westercelle", own)
    # Naming the place again would give the same two channels.
    assert exact_queries(res) == "Polizei Celle; Polizei Stadt Celle"
    assert [c.id for c in plan_for("Polizei Stadt Celle", own).channels] == ["celle-stadt"]


def answer_for(query: str, registry):
    res = resolve(query, registry).asked_for().spelled_as_typed()
    return res, opening(res)


@pytest.mark.parametrize(
    ("query", "said_first", "reason"),
    [
        # "Seigen" is Seifen, in Altenkirchen: without the first line, that district
        # would come up unexplained.
        (
            "Seigen",
            ("no exact match for 'Seigen'; read as 'Seifen'",),
            "no channel in the registry covers Landkreis Altenkirchen (Westerwald, "
            "Rheinland-Pfalz); did you mean Siegen?",
        ),
        ("München", (), "no channel in the registry covers München (Bayern)"),
        ("Xqzxqz", (), "nothing found for 'Xqzxqz'"),
        (
            "Bruchtorf",
            (),
            "nothing found for 'Bruchtorf'; did you mean Uchtorf, Buchdorf, Brochdorf, Brunstorf?",
        ),
        (
            "Freiburg",
            (),
            "'Freiburg' is first Freiburg im Breisgau (Baden-Württemberg), which no "
            "channel covers; for another place of the name, name it exactly "
            "(Freiburg (Elbe), Landkreis Stade)",
        ),
        # Of a list, the other place is to be named alone, not "exactly".
        (
            "Hannover, Celle",
            (),
            "'Hannover, Celle' is first Hannover (Niedersachsen), which no channel "
            "covers; to open the channel of another place, name it alone "
            "(Celle, Landkreis Celle)",
        ),
        (
            "Holse",
            (),
            "'Holse' is only the beginning of a name; name the place exactly (Holsen, "
            "Kreis Paderborn; Holser Heide, Kreis Paderborn); or did you mean Holste?",
        ),
    ],
)
def test_a_refusal_says_why_after_what_a_typo_was_read_as(
    query, said_first, reason, bundled_registry
):
    res, plan = answer_for(query, bundled_registry)
    assert refusal_words(res, plan) == (said_first, reason)


def test_an_answer_open_opens_has_no_refusal_to_say(bundled_registry):
    res, plan = answer_for("Westercelle", bundled_registry)
    with pytest.raises(ValueError):
        refusal_words(res, plan)


def test_a_guess_is_said_where_its_channel_alone_is_opened_or_all_are(bundled_registry):
    # "Mnster" is Münster and Munster (Heidekreis), and places no channel covers.
    res, plan = answer_for("Mnster", bundled_registry)
    assert [c.id for c in plan.channels] == ["muenster", "heidekreis"]
    # Both opened (--all), each link headed by its places: what the guess was read
    # as; one to choose at the prompt: the list says which is which, so only the
    # places no channel covers.
    assert notices_before_opening(res, plan.channels, open_all=True) == (
        "no exact match for 'Mnster'; read as 'Münster'",
    )
    assert notices_before_opening(res, plan.channels, open_all=False) == (
        "'Mnster' also names places no channel covers: Landkreis Donau-Ries (Bayern), "
        "Stuttgart (Baden-Württemberg)",
    )


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("Westercelle", ()),
        ("Cele", ("no exact match for 'Cele'; this is the channel for 'Celle'",)),
        # Of a list, the name read otherwise whose channel is opened; not Hanover,
        # whose Hannover has none.
        (
            "Celle und Hanover",
            (
                "'Celle und Hanover' also names places no channel covers: Region Hannover "
                "(Niedersachsen)",
            ),
        ),
        (
            "21423 Celle",
            (
                "'21423 Celle': the postcode and the place lie in different districts; "
                "check which is right.",
            ),
        ),
        # In order: the guess, then what the answer rests on.
        (
            "Cele, Foo",
            (
                "no exact match for 'Cele, Foo'; this is the channel for 'Celle'",
                "not found, so left out: 'Foo'",
            ),
        ),
        ("21399 Lüneburg", ("no place has the postcode 21399",)),
        ("Bruchtorf, Uelzen", ("not found, so left out: 'Bruchtorf'",)),
        ("Celle, Bayern", ("left out, as none of the places found lies there: 'Bayern'",)),
    ],
)
def test_before_opening_open_says_what_its_choice_rests_on(query, said, bundled_registry):
    res, plan = answer_for(query, bundled_registry)
    assert plan.refused is None
    assert notices_before_opening(res, plan.channels, open_all=False) == said
