"""opening: which channel `open` opens for an answer, or why none."""

from __future__ import annotations

import pytest

from polchan_cli.opening import (
    exact_queries,
    notices_before_opening,
    opening,
    places_for,
    refusal_lines,
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


def test_a_refusal_says_what_a_typo_was_read_as_before_its_reason(bundled_registry):
    # "Seigen" is Seifen, in Altenkirchen: without the first line, that district
    # would come up unexplained.
    res, plan = answer_for("Seigen", bundled_registry)
    *first, reason = refusal_lines(res, plan)
    assert first == ["no exact match for 'Seigen'; read as 'Seifen'"]
    assert reason.startswith("no channel in the registry covers ")
    assert "Altenkirchen" in reason


def test_a_town_no_channel_covers_is_refused_with_its_namesakes_to_type(bundled_registry):
    res, plan = answer_for("Freiburg", bundled_registry)
    (reason,) = refusal_lines(res, plan)
    assert reason.startswith("'Freiburg' is first Freiburg im Breisgau (Baden-Württemberg)")
    assert reason.endswith("(Freiburg (Elbe), Landkreis Stade)")


def test_before_opening_open_says_what_else_the_name_is(bundled_registry):
    # Wedel opens Polizei Stade's channel (a village of Fredenbeck), but the town
    # of Wedel is in Kreis Pinneberg.
    res, plan = answer_for("Wedel", bundled_registry)
    assert [c.id for c in plan.channels] == ["stade"]
    (line,) = notices_before_opening(res, plan.channels, open_all=False)
    assert line.startswith("'Wedel' also names places no channel covers: ")
    assert "Kreis Pinneberg" in line


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("Cele", "no exact match for 'Cele'; this is the channel for 'Celle'"),
        ("21399 Lüneburg", "no place has the postcode 21399"),
        ("21423 Celle", "'21423 Celle': the postcode and the place lie in different districts"),
        ("Bruchtorf, Uelzen", "not found, so left out: 'Bruchtorf'"),
    ],
)
def test_before_opening_open_says_what_its_choice_rests_on(query, said, bundled_registry):
    res, plan = answer_for(query, bundled_registry)
    lines = notices_before_opening(res, plan.channels, open_all=False)
    assert any(line.startswith(said) for line in lines), lines


def test_a_place_opened_as_asked_needs_no_word_before(bundled_registry):
    res, plan = answer_for("Westercelle", bundled_registry)
    assert notices_before_opening(res, plan.channels, open_all=False) == ()
