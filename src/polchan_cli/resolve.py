"""Resolve what a person typed to places and the police channels that cover them.

Accepts any string: a 5-digit postcode (alone or inside a pasted address, where
a town beside an unknown or contradicting postcode is answered too), a district
key that is no postcode (``03351``), a channel id or name (``celle``, ``Polizei
Stade``), its agency, directorate or state (``PI Celle``, ``Polizeidirektion
Lüneburg``, ``Niedersachsen``), the police of a place (``Polizei Buxtehude``), the
office code a press release opens with (``POL-WL``, via :mod:`polchan_cli.press_codes`), a
district, municipality, locality (Ortsteil), Samtgemeinde, former name or region
(``Wendland``, ``Altes Land``), in any spelling :mod:`polchan_cli.normalize`
folds together, with typos, optionally followed or preceded by where it lies
(``Hagen, Landkreis Stade``, ``Berlin-Kreuzberg``), which also confirms a
misspelt or begun name (``Celle Westercele``, ``Hamburg-Altona``), or by a
qualifier the name does not have, which is left out (``Munster (Örtze)``);
several places a slash joins (``Buxtehude/Neu Wulmstorf``), each answered; and a
press release's heading (``Westercelle: Unfall``, ``Großbrand in Dannenberg``),
its place answered and the rest named as left out. How the text is checked
and cut up is :mod:`polchan_cli.query`'s job; which place a headline says,
:mod:`polchan_cli.headline`'s; this module tries the readings in turn.
Returns a :class:`~polchan_cli.resolution.Resolution`; never raises on any
input except :class:`QueryError` for input that cannot be a query at all
(empty, only punctuation, too long, a number that is no postcode, a word like
"Landkreis" or "Innenstadt" alone).

Ranking is :mod:`polchan_cli.ranking`'s job; the spelling search,
:mod:`polchan_cli.spelling`'s; the places a name begins, misspells or names
after a Groß or Alt, and what to offer beside far places,
:mod:`polchan_cli.guesses`'; what an answer is made of (:class:`Match`,
:class:`Resolution`), :mod:`polchan_cli.resolution`'s; whether a place lies
where the rest of the text says, :mod:`polchan_cli.whereabouts`'.

Each kind of reading lives in a module of its own: the channels and places a name
is as typed, :mod:`polchan_cli.names`; the words a search adds ("Celle aktuell"),
:mod:`polchan_cli.searches`; a press office's code, a plate code and a place beside
postcodes, :mod:`polchan_cli.codes`; several places in one text ("Celle/Uelzen",
"Celle, Uelzen und Lüneburg", "Celle Uelzen"), :mod:`polchan_cli.lists`; a place
with where it lies ("Westercelle, Celle", "Winsen bei Hamburg"),
:mod:`polchan_cli.context`; a name's qualifier ("Munster (Örtze)"),
:mod:`polchan_cli.qualifiers`; an address's parts and those an answer leaves out,
:mod:`polchan_cli.addresses`; the part read loosely where nothing fits as typed,
:mod:`polchan_cli.loose`; a text dictated, glued or asked as a question of
belonging, :mod:`polchan_cli.other_readings`. Those that read a piece of the text
as a query of its own are handed this module's reading, not importing it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace

from . import gazetteer
from .addresses import (
    inside_the_city_first,
    read_without_where,
    town_and_part_apart,
    with_parts_left_out,
)
from .codes import (
    by_press_code,
    with_place_beside_postcodes,
    with_plate_code_read,
    with_short_postcode,
)
from .context import (
    guessed_in_context,
    lying_where_misspelt,
    named_in_context,
    nearest_what_it_lies_by,
    said_with_its_state,
)
from .guesses import (
    offered_beside_far_places,
    places_begun,
    places_spelled_closest,
    spaced_otherwise_elsewhere,
    with_a_prefix_word,
)
from .headline import (
    Lookups,
    a_citys_by_its_adjective,
    a_long_covered_town_misspelt,
    abbreviated,
    dateline_place,
    named_beside_an_event,
    named_in_passing,
    named_last,
    offered_beside_an_event,
    told_where,
)
from .lexicon import bears_what_happened, misspelt_search_word, says_what_happened
from .lists import (
    only_a_name,
    places_joined,
    towns_listed_with_commas_alone,
    towns_side_by_side,
    towns_side_by_side_misspelt,
)
from .loose import loosely_read
from .names import full_name_first, matches_named, named_in_roman, where_the_type_word_asks
from .normalize import (
    is_a_small_word,
    leading_type_word,
    name_key,
    name_keys,
    type_word_first,
    type_words_set_apart,
    without_qualifier,
)
from .other_readings import read_otherwise
from .qualifiers import names_a_place_or_qualifies, only_a_river, river_bracketed
from .query import (
    MAX_QUERY_LENGTH,
    QueryError,
    Reading,
    address_fields,
    after_a_linking_preposition,
    after_police_word,
    as_typed_with_press_marks,
    asks_for_a_station,
    check_query,
    first_word_before_a_preposition,
    name_asked,
    names_a_part_of_town,
    only_words_around_places,
    place_of_a_landmark,
    postcodes_in,
    press_code_in,
    readings,
    says_where_in_a_place,
    short_postcode_first,
    town_adjectives,
    type_word_respelled,
    utf8_misread,
    without_house_number,
    without_press_marks,
)
from .ranking import is_a_village, ranked, towns_before_districts, towns_first
from .registry import Registry
from .resolution import Match, Resolution, district_match, named_as_typed, offered, postcode_matches
from .searches import read_respelled, read_without_search_words
from .spelling import accepted, spelling_score
from .whereabouts import is_place, only_says_where

__all__ = ["QueryError", "resolve"]


def resolve(query: str, registry: Registry) -> Resolution:
    """Resolve a query (see the module docstring). Raises only QueryError; see
    :func:`_resolve` for the order things are tried in; of the name asked, alone or
    with words read around it ("Polizei Wedel", "Bahnhof Wedel"), or guessed, its
    towns come before its villages (:func:`~polchan_cli.ranking.towns_first`)."""
    answer = _resolve(query, registry, respell=True)
    if not named_as_typed(answer) and (place := place_of_a_landmark(query)):
        # "Kloster Wienhausen", "Hafen Stade" (not Hagen, Landkreis Stade, misspelt):
        # the site's place, where it is named as typed and nothing is left out.
        try:
            beside = _resolve(place, registry, respell=False)
        except QueryError:  # "Flughafen Einbruch": no place beside it
            beside = Resolution(query=place)
        if named_as_typed(beside) and not (beside.unknown_parts or beside.unfitting_parts):
            answer = replace(beside, query=answer.query)
    if asks_for_a_station(query):
        answer = replace(answer, matches=towns_before_districts(answer.matches))
    villages = {is_a_village(m) for m in answer.matches}
    if villages != {True, False} or leading_type_word(query):
        return answer  # no village beside a town ("find Celle" reads no more), or a kind asked
    name = answer.fuzzy_for or name_asked(query)
    return replace(answer, matches=towns_first(answer.matches, name))


def _resolve(query: str, registry: Registry, *, respell: bool) -> Resolution:
    """:func:`resolve`; with ``respell``, where the text as typed names nothing, it is
    read with the words a search adds, and those for what happened, that it
    misspells spelled right ("Celle aktuel", "Unfal Celle").

    Tried in this order, the first that answers wins: the text as written, of UTF-8
    misread ("LÃ¼neburg"); a press release's office code; the text without its dates and
    "(ots)"; postcodes (and the town beside them); a licence-plate code read as its
    district ("Bostel (HK)"); the whole text as a name; the place
    after a word for the police; a misspelt type word respelled; the place before a
    closing house number, or the village its number names in Roman numerals ("Hanstedt
    2"); places a slash joins; a dateline's place before a colon or full stop; a town
    with its river ("Munster Örtze"); a state or country column left out; a place named
    with where it lies; names the text begins; the whole text with its state; the whole
    text misspelt (unless only by joining words across an "in": "Brand in Stade");
    the place after "in", "bei" and the like, or the town closing a headline
    sentence; places of the name after Groß, Alt and the like; a part misspelt but
    lying where the rest says; a part of an address or a name before its qualifier;
    a city's borough and quarter after its name; suggestions; where nothing answers,
    in the text as typed, a road's stretch between two places ("zwischen Rettmer und
    Lüneburg"), a town's adjective ("Paderborner Kindergarten") or a town after
    "durch" ("rast durch Paderborn"). Before all these, a search's few words are
    read without those it adds that say nothing of where ("Celle aktuell",
    "Blaulicht Lüneburg heute"), where the rest names a place as typed; after
    them, where they name nothing or only misspelt, where it names a place a
    channel covers misspelt. A name only far
    places have comes with offers: places a channel covers, said alike or after Groß,
    Alt. Where all of it finds nothing, the text's other readings
    (:func:`~polchan_cli.other_readings.read_otherwise`: dictated, glued, hyphened, after a street).
    """
    text = check_query(query, is_place, longest=MAX_QUERY_LENGTH)
    # A place's own name has no words a search adds (a test reads the gazetteer), and
    # skipping them spares "find Celle" compiling their pattern, 4 ms of its start.
    searched = (
        None
        if is_place(name_key(text))
        else read_without_search_words(text, _read_search_rest_by(registry))
    )
    answer: Resolution | None = None
    if searched is not None and named_as_typed(searched.rest):
        # "Celle aktuell", "Lüneburg bitte", "Celle/Stade heute": the words a search
        # adds are no begun "Bitter", nor do they leave a slash's last place out. A
        # heading that leaves words out anyway, and names the same places as typed,
        # keeps its reading ("Warnung vor Schockanrufen für Celle").
        answer = searched.answer
        if searched.rest.unknown_parts or searched.rest.unfitting_parts:
            whole = _read_whole(query, registry, longest=MAX_QUERY_LENGTH)
            # "Celle, Uelzen und Umgebung" lists two towns and the area around them,
            # not a place and where it lies ("Celle, Uelzen"): the list, where the
            # whole text is one naming each as typed.
            same = searched.rest.unknown_parts and whole.matches == answer.matches
            listed = searched.rest.unfitting_parts and whole.places_named
            # "Cele, Uelzen und Umgebung": the list reads the part the rest left out.
            grown = (
                searched.rest.unknown_parts
                and whole.places_named
                and set(answer.matches) < set(whole.matches)
            )
            if same or grown or (listed and named_as_typed(whole)):
                answer = whole
    if answer is None:
        answer = _read_whole(query, registry, longest=MAX_QUERY_LENGTH)
        if (
            respell
            and not answer.matches
            and (meant := read_respelled(text, registry, _resolve_by(registry, respell=False)))
        ):
            answer = meant  # "Celle aktuel", "Unfal Celle": as if spelled right
        elif searched is not None and (not answer.matches or answer.fuzzy_for is not None):
            # A long town a channel covers, misspelt, or a name abbreviated, is read
            # as it would be alone ("Lunebrug heute" is Lüneburg, not Lüneburger
            # Heide; "Buchholz i.d.N. Blaulicht"); other guesses and begun names are
            # offered ("Stdae heute": Stade?; "Bremer Nachrichten" is no Bremervörde).
            rest = searched.rest
            if a_long_covered_town_misspelt(rest) or abbreviated(rest) or rest.respelled:
                answer = searched.answer
            elif not answer.matches:
                # The rest's places before the whole's spellings: "Stdae heute"
                # offers Stade before Stadtheide ("heute" read as "Heide").
                names = [m.name for m in rest.matches]
                names += [*rest.suggestions, *answer.suggestions]
                answer = replace(answer, suggestions=offered(names))
    if listed := _towns_listed_rather(text, answer, registry):
        answer = listed
    elif side_by_side := _towns_side_by_side_rather(text, answer, registry):
        answer = side_by_side
    if not answer.matches:
        answer = read_otherwise(text, _resolve_by(registry, respell=respell)) or answer
    elif left_out := _name_after_a_slash_left_out(text, answer, registry):
        answer = replace(answer, unknown_parts=(left_out,))
    # The query is echoed as typed, though read with plain dashes and digits.
    typed = query.strip()
    return answer if answer.query == typed else replace(answer, query=typed)


def _name_after_a_slash_left_out(text: str, answer: Resolution, registry: Registry) -> str | None:
    """The name after the last slash of a query, where the answer is the place
    before it alone and the name is none the data has, to be said to be left out
    ("Oyten/Merlin", as "Oyten (Merlin)" says it); else None. Only of the query as
    typed: a reading of a part of it needs its answer whole ("Celle/Mai 2024")."""
    head, slash, last = text.rpartition("/")
    if (
        not slash
        or answer.unknown_parts
        or answer.unfitting_parts
        or answer.places_named
        or answer.fuzzy_for is not None  # "Seiffen/Erzgbirge": the name guessed whole
        or any("/" in m.name for m in answer.matches)  # "Dietzenrode/Vatterode"
    ):
        return None
    last = last.strip()
    words = last.split()
    if (
        not only_a_name(last)
        # "Falkenberg/Mark Unfal": a qualifier and a heading's word misspelt
        or any(
            names_a_place_or_qualifies(name_key(" ".join(words[:n])))
            for n in range(1, len(words) + 1)
        )
        or any(map(misspelt_search_word, words))
    ):
        return None
    if (
        only_words_around_places(last)
        or only_says_where(last)
        or names_a_part_of_town(last)
        or any(word.endswith(".") for word in words)
    ):
        return None  # "Lüneburg/Stadt", "Stade/DE", "Paderborn/Stadtgebiet", "Verden/L."
    # The same places, if read as a variant of the name ("Oyten" qualified).
    alone = _resolved_quietly(head, registry)
    if alone.unknown_parts or alone.fuzzy_for is not None:
        return None
    same = [(m.name, m.district.key) for m in alone.matches]
    return last if same == [(m.name, m.district.key) for m in answer.matches] else None


def _towns_listed_rather(text: str, answer: Resolution, registry: Registry) -> Resolution | None:
    """Towns a comma lists, none of which lies in another, each answered, where the
    answer is the first with the others said not to fit ("Celle, Uelzen, Lüneburg",
    "Celle, Uelzen"), also each with a word for the police ("Celle, Polizei Stade",
    "Polizei Celle, Polizei Stade"), and the list keeps its covered places; else
    None. Also where the answer is the whole text misspelt: "Freiburg, Celle" names
    two towns as typed, not Freiburg (Elbe) two letters off."""
    if answer.fuzzy_for is not None and "," in text:
        return towns_listed_with_commas_alone(text, registry)
    if not answer.unfitting_parts:
        return None
    if (listed := towns_listed_with_commas_alone(text, registry)) and _keeps_the_covered_places(
        answer, listed
    ):
        return listed
    fields = [field.strip() for field in text.split(",")]
    bare = [after_police_word(field) or field for field in fields]
    if bare == fields:
        return None  # no word for the police to read the fields without
    towns = ", ".join(bare)
    alone = _resolved_quietly(towns, registry)
    if (
        alone.unfitting_parts  # not "Westercelle, Celle", a place and where it lies
        and (listed := towns_listed_with_commas_alone(towns, registry))
        and _keeps_the_covered_places(alone, listed)
    ):
        return replace(listed, query=text)
    return None


def _keeps_the_covered_places(answer: Resolution, listed: Resolution) -> bool:
    """Whether a list reading keeps, of each name the address reading found places
    a channel covers for, such a place: "Horst, Hamburg" is a Horst a channel
    covers (Seevetal's, Jork's), not the one in Holstein that lies nearest Hamburg."""

    def covered_names(res: Resolution) -> set[str]:
        return {
            name_key(without_qualifier(m.name))
            for m in res.matches
            if m.channels and (m.kind != "district" or m.district.is_city)
        }

    return covered_names(answer) <= covered_names(listed)


def _read_whole(query: str, registry: Registry, *, longest: int | None = None) -> Resolution:
    """:func:`_resolved`, then, where that finds nothing, a town the text names in
    passing ("Kanal für Celle"). Only for a whole query, as typed or without the
    words a search adds: in a part of one, the words are read as a street's name
    first ("Stader Graben, Celle")."""
    answer = _resolved(query, registry, longest=longest)
    if not answer.matches:
        answer = named_in_passing(answer.query, _lookups(registry)) or answer
    return answer


def _resolved(query: str, registry: Registry, *, longest: int | None = None) -> Resolution:
    """resolve(), for what a reading makes of the query too: only what was typed is
    held to the length limit ("Westercelle: Unfall" is read as "Westercelle -
    Unfall", a character longer)."""
    text = check_query(query, is_place, longest=longest)
    if (as_written := utf8_misread(text)) is not None and name_key(as_written):
        return replace(_resolved(as_written, registry), query=text)
    if coded := press_code_in(text):
        return by_press_code(
            text, *coded, registry, _resolved_by(registry), _resolved_quietly_by(registry)
        )
    if (undated := without_press_marks(text)) is not None and name_key(undated):
        # "Lüneburg 03.08.15", "Winsen/L. (ots)": a heading's date, or the mark of
        # the press service, says nothing of the place; the parts left out are
        # said as typed, not as the text without its dates joins them.
        res = _resolved(undated, registry)
        return replace(
            res,
            query=text,
            unknown_parts=tuple(as_typed_with_press_marks(p, text) for p in res.unknown_parts),
            unfitting_parts=tuple(as_typed_with_press_marks(p, text) for p in res.unfitting_parts),
        )
    postcodes = postcodes_in(text)
    if postcodes:
        matches = tuple(m for pc in postcodes for m in postcode_matches(pc, registry))
        if not matches and text == postcodes[0] and (district := gazetteer.district(text)):
            # No postcode, but a district key, as channels.yaml names districts.
            return Resolution(query=text, matches=(district_match(district, registry),))
        matches = with_place_beside_postcodes(text, matches, _resolved_by(registry))
        return with_parts_left_out(
            Resolution(query=text, matches=matches, postcodes=postcodes),
            _resolved_quietly_by(registry),
        )

    if short := short_postcode_first(text):
        return with_short_postcode(text, *short, _resolved_quietly_by(registry))
    if (
        any(c.isdigit() for c in text)
        and (fields := address_fields(text))[1:]
        and (short := short_postcode_first(fields[-1]))
    ):
        # "Am Markt 1, 1067 Dresden": an address's last line read as it would alone.
        return replace(
            with_short_postcode(fields[-1], *short, _resolved_quietly_by(registry)), query=text
        )
    if plated := with_plate_code_read(text, _resolved_quietly_by(registry)):
        return plated
    reading = text
    matches = matches_named(text, registry)
    if not matches and (reordered := type_word_first(text)):
        reading, matches = reordered, matches_named(reordered, registry)
        if (
            not matches
            and (set_apart := type_words_set_apart(text))
            and (answer := _resolved_quietly(set_apart, registry)).matches
            # "Kabe, Gemeinde" is no beginning of Kabelhorst, nor "Oste, Gemeinde" of
            # Osterheide: a misspelt name, as "Kabe, Gemeinde" was read before
            and answer.matches[0].match != "prefix"
            and not answer.unknown_parts
        ):
            # "Bemen, Stadt" is guessed as "Stadt Bemen" is, not as a place "Stadt".
            return replace(answer, query=text)
    if matches:
        typed_in_full = full_name_first(matches, reading)
        asked = where_the_type_word_asks(typed_in_full, reading)
        # Where the type word left places out, it said which it meant: no offers of
        # others ("Stadt Hagen" is the city; no "Neu Hagen?").
        offers = asked == typed_in_full and (
            offered_beside_far_places(text, asked, registry)
            or spaced_otherwise_elsewhere(reading, asked, registry)
        )
        return Resolution(
            query=text,
            matches=nearest_what_it_lies_by(text, ranked(asked, reading), registry),
            suggestions=offers or (),
        )
    if place := after_police_word(text):
        # "Polizei Buxtehude", "Polizeistation Hitzacker": the channel for that place
        # ("Polizei Lippe" is Kreis Lippe's, as "Lippe" is: see ranking), each of a
        # list's ("Celle, Uelzen und Polizei").
        answer = _resolved(place, registry)
        answer = _towns_listed_rather(place, answer, registry) or answer
        if (
            not named_as_typed(answer)
            and town_adjectives(text)
            and (
                adjective := named_in_passing(text, lookups := _lookups(registry))
                or a_citys_by_its_adjective(text, lookups)
            )
        ):
            # "Lüneburger Polizei" is Lüneburg's, not a beginning of Lüneburger Heide;
            # "Bremer Polizei" Bremen's, no channel's, not Bremervörde's.
            return adjective
        if not answer.matches and (linked := after_a_linking_preposition(place)):
            # "Polizei von Celle", "Kanal zu Stade": the place after the "von", named
            # as typed; no guess at a noun ("Polizei für Kinder" is no Kinderhaus).
            # "Polizei von heute" is as bad a query as "Polizei heute".
            check_query(linked, is_place)
            linked_answer = _resolved_quietly(linked, registry)
            answer = linked_answer if named_as_typed(linked_answer) else answer
        if not answer.matches and (
            side_by_side := _towns_side_by_side_rather(place, answer, registry)
        ):
            answer = side_by_side  # "Polizei Celle Uelzen", "Polizei Cele Uelzen"
        if not answer.matches and (told := told_where(text, _lookups(registry), police=True)):
            return told  # "Polizei Celle sucht Zeugen": a headline
        return replace(answer, query=text)
    if (respelled := type_word_respelled(text, is_place)) and (
        answer := _resolved_quietly(respelled, registry)
    ).matches:
        # "Landkries Celle": the type word only says which kind comes first. A
        # respelling that finds nothing was no type word ("Hanstadt I").
        return replace(answer, query=text)

    in_roman = named_in_roman(text, registry)
    if (rest := without_house_number(text)) and (
        (
            named_as_typed(answer := _resolved(rest, registry))
            and (not answer.unknown_parts or answer.places_named)
        )
        or (not in_roman and " " not in rest and answer.fuzzy_for is not None)
    ):
        # "Stade Hagen 3", "Celle 5": the place before the house number, read whole
        # (a list with a name left out too: "Celle/Uelzen/Merlin 2024").
        # Of several words only a name as typed: "Am Markt" guessed as Marktl is no
        # answer; one word misspelt is a guess as it would be alone ("Westercele 7").
        # The village the number names in Roman numerals first ("Hanstedt 2":
        # Hanstedt II), but of both readings, places a channel covers first
        # ("Altenhagen 2": a house in Altenhagen, Celle, before Altenhagen II in
        # Schaumburg). Without such a village the place keeps its rank: "Freiburg
        # 3" is first Freiburg im Breisgau, as "Freiburg" is.
        both = [*in_roman, *(m for m in answer.matches if m not in in_roman)]
        if in_roman:
            both.sort(key=lambda m: not m.channels)
        return replace(answer, query=text, matches=tuple(both))
    if in_roman:
        return Resolution(query=text, matches=tuple(in_roman))
    if joined := places_joined(text, registry, _resolved_quietly_by(registry)):
        return joined
    if dateline := dateline_place(text, _lookups(registry)):
        # "Westercelle: Unbefugte Nutzung …", "Uelzen. Sonntagnacht …": read as the
        # dateline "Westercelle - Unbefugte Nutzung …", the report left out.
        return replace(_resolved(dateline, registry), query=text)
    bracketed = river_bracketed(text, registry)
    if bracketed and (answer := _resolved(bracketed, registry)).matches:
        # "Munster Örtze", "Bleckede Elbe": a qualifier typed without its brackets.
        return replace(answer, query=text)
    if located := read_without_where(text, _resolved_quietly_by(registry)):
        return located
    # A river in brackets only qualifies the name before it: "Stade (Elbe)" is no
    # place beginning "Elbe" in Stade; "Salzhausen (Gödenstorf)" is Gödenstorf.
    cuts = [r for r in readings(text) if not only_a_river(r, registry)]
    key = name_key(text)
    named = [
        (
            reading,
            []
            if only_says_where(reading.head)
            else matches_named(reading.head, registry) or named_in_roman(reading.head, registry),
        )
        for reading in cuts
    ]
    # A village with its house number counts where the rest says it lies
    # ("Westercelle 7, Celle"), never alone ("Felde 3, Celle" is no Felde elsewhere).
    numbered = [(r, found or _named_before_house_number(r, registry)) for r, found in named]
    found = named_in_context(text, numbered, registry) or places_begun(text, key, registry)
    if found:
        return with_parts_left_out(found, _resolved_quietly_by(registry))
    if said := said_with_its_state(cuts, _resolved_quietly_by(registry)):
        # "Stade Hagen Nds": the state only says where "Stade Hagen" lies.
        return replace(said, query=text)
    # The whole text misspelt comes before its parts: "Neustadt am Rübenbege".
    guess = places_spelled_closest(text, key, registry)
    lookups = _lookups(registry)
    if guess.matches:
        if (
            "," in text
            and (in_context := guessed_in_context(text, named, registry))
            and _spelled_closer_in_fields(text, in_context, guess)
        ):
            # Fields say which word is the place and which where it lies: "Tolendorf,
            # Göhrde" is Tollendorf in Göhrde, not Oldendorf an der Göhrde.
            return with_parts_left_out(in_context, _resolved_quietly_by(registry))
        if _joined_across_a_small_word(text, guess) and (told := told_where(text, lookups)):
            return told  # "Brand in Stade" is a fire in Stade, not Brandstade (Lüneburg)
        if _joined_to_an_event_word(text, guess) and (
            beside := named_beside_an_event(text, lookups)
        ):
            # "Brand Stade" is a fire in Stade; Brandstade (Amt Neuhaus) is offered.
            return replace(
                beside, suggestions=offered([*beside.suggestions, guess.matches[0].name])
            )
        return guess
    if told := (
        told_where(text, lookups)
        or named_last(text, lookups)
        or told_where(text, lookups, police=True)
        or named_beside_an_event(text, lookups)
    ):
        return told
    if prefixed := with_a_prefix_word(key, registry):
        # "Hohenschönhausen": Alt- and Neu-Hohenschönhausen, as Berliners say it.
        return Resolution(query=text, matches=ranked(prefixed, text))
    # A place typed rightly beside its municipality misspelt comes before a guess
    # that the rest confirms only as a district: "Seebergen, Lilinthal" is the
    # Seebergen in Lilienthal, not Luisenthal, near the Seebergen in Gotha.
    loose = (
        lying_where_misspelt(text, named)
        or guessed_in_context(text, named, registry)
        or loosely_read(text, named, registry, guess.suggestions, _resolved_quietly_by(registry))
    )
    if (
        not (loose and loose.matches)
        and not guess.matches
        and (inside := inside_the_city_first(text, registry, _resolved_quietly_by(registry)))
    ):
        return inside
    answer = with_parts_left_out(loose, _resolved_quietly_by(registry)) if loose else guess
    if not answer.matches and (apart := town_and_part_apart(text, _resolved_quietly_by(registry))):
        return apart
    if (
        answer.matches
        and not any(m.channels for m in answer.matches)
        and (event := first_word_before_a_preposition(text))
        and name_key(without_qualifier(answer.matches[0].name)) == name_key(event)
        and (passing := named_in_passing(text, lookups))
        and not _only_its_adjective(passing.matches[0], text)
    ):
        # A heading's first word that names a place no channel covers, before "in"
        # and words that name a covered town in passing, is the heading's event:
        # "Brand in Lagerhalle Stade" is no Brand in Bavaria. Not a town typed
        # first otherwise ("Bremen (Celle)", "Hannover, Richtung Celle"), nor where
        # only an adjective names the covered one ("Monheim im Berliner Viertel").
        return passing
    if not (answer.matches or answer.suggestions) and (
        offers := offered_beside_an_event(text, lookups)
    ):
        return replace(answer, suggestions=offers)  # "Diebstahl Cele": Celle?
    return answer


def _spelled_closer_in_fields(text: str, in_context: Resolution, whole: Resolution) -> bool:
    """Whether a guess at a field, where the rest says, is fewer letters off than the
    guess at the whole text and names another place: "Tolendorf, Göhrde" is one
    letter from Tollendorf, two from Oldendorf an der Göhrde; "Oldendrof, Göhrde",
    a name written with a comma, one from Oldendorf an der Göhrde."""
    if in_context.fuzzy_for is None or whole.fuzzy_for is None:
        return False
    if {(m.name, m.district.key) for m in in_context.matches} & {
        (m.name, m.district.key) for m in whole.matches
    }:
        return False

    def closest(typed: str, name: str) -> tuple[float, int]:
        main, variants = name_keys(name)
        return max(spelling_score(typed, k) for k in (main, *variants))

    # The first field is the place, as addresses are written ("Neuendorf, Dmm" is no
    # Damm where a Neuendorf lies), spelled close enough to be read alone.
    first = name_key(text.split(",")[0])
    if not first:
        return False
    score, minus_edits = closest(first, in_context.fuzzy_for)
    whole_edits = -closest(name_key(text), whole.fuzzy_for)[1]
    return accepted((first, score, -minus_edits)) and -minus_edits < whole_edits


def _joined_across_a_small_word(text: str, guess: Resolution) -> bool:
    """Whether the text has a small word between two others ("in", "bei") that no
    name guessed has: the guess read across it ("Brand in Stade" as Brandstade,
    "Brand in Nenndorf" as Bad Nenndorf)."""
    typed = {_small(w) for w in text.split()[1:-1] if is_a_small_word(w)}
    return bool(typed) and not any(typed & set(map(_small, m.name.split())) for m in guess.matches)


def _joined_to_an_event_word(text: str, guess: Resolution) -> bool:
    """Whether the guess is the text's two words joined, the first or the last a
    word for what happened: "Brand Stade" guessed as Brandstade, "Feuer Bach" as
    Feuerbach."""
    words = text.split()
    return (
        len(words) == 2
        and guess.fuzzy_for is not None
        and any(says_what_happened(word) or bears_what_happened(word) for word in words)
        and name_key(guess.matches[0].name).replace(" ", "") == name_key("".join(words))
    )


def _small(word: str) -> str:
    return word.strip(".,").casefold()


def _resolved_quietly(text: str, registry: Registry) -> Resolution:
    """What resolve() answers for a reading of the query, with no answer where the
    reading is no query: "Hanstadt 2" respelled as "Hansestadt 2" is no "Hansestadt
    alone" error, only a wrong guess."""
    try:
        return _resolved(text, registry)
    except QueryError:
        return Resolution(query=text)


# The readings handed to the modules that read a piece of the text as a query of
# its own (they cannot import this module, which imports them).


def _resolve_by(registry: Registry, *, respell: bool) -> Callable[[str], Resolution]:
    """:func:`_resolve` on the registry: a text read as a whole query, raising
    QueryError where it is none."""
    return functools.partial(_resolve, registry=registry, respell=respell)


def _read_search_rest_by(registry: Registry) -> Callable[[str], Resolution]:
    """:func:`_read_search_rest` on the registry, raising QueryError where the rest
    is no query."""
    return functools.partial(_read_search_rest, registry=registry)


def _read_search_rest(rest: str, registry: Registry) -> Resolution:
    """A search's rest read as a whole query (:func:`_read_whole`), and where that
    names no place as typed, as towns side by side, as the whole text would be:
    "Celle Uelzen heute", "Blaulicht Celle Uelzen"."""
    answer = _read_whole(rest, registry)
    return _towns_side_by_side_rather(rest, answer, registry) or answer


def _towns_side_by_side_rather(
    text: str, answer: Resolution, registry: Registry
) -> Resolution | None:
    """The text read as towns side by side, where that reading is to be taken over
    ``answer``, the text read otherwise: where the answer names no place as typed,
    before a guess too where the towns lie near each other ("Münster Warendorf" is
    no Mariendorf misspelt, but "Hersdorf Berlin" is Hermsdorf, not Hersdorf in the
    Eifel); where it names nothing, one of them misspelt ("Cele Uelzen"). Else None."""
    if not named_as_typed(answer) and (
        side_by_side := towns_side_by_side(text, registry, near_only=bool(answer.matches))
    ):
        return side_by_side
    if not answer.matches:
        return towns_side_by_side_misspelt(text, registry)
    return None


def _resolved_by(registry: Registry) -> Callable[[str], Resolution]:
    """:func:`_resolved` on the registry: a piece of the query read as a query,
    raising QueryError where it is none."""
    return functools.partial(_resolved, registry=registry)


def _resolved_quietly_by(registry: Registry) -> Callable[[str], Resolution]:
    """:func:`_resolved_quietly` on the registry: a piece of the query read as a
    query, with no answer where it is none."""
    return functools.partial(_resolved_quietly, registry=registry)


def _lookups(registry: Registry) -> Lookups:
    """The readings :mod:`polchan_cli.headline` reads a headline's pieces with."""
    return Lookups(
        read=_resolved_quietly_by(registry),
        named=functools.partial(matches_named, registry=registry),
    )


def _named_before_house_number(reading: Reading, registry: Registry) -> list[Match]:
    """Of a part of an address, the place before its house number: "Westercelle 7,
    Celle" names Westercelle as typed, no guess."""
    rest = without_house_number(reading.head) if reading.how == "fields" else None
    return matches_named(rest, registry) if rest and not says_where_in_a_place(rest) else []


def _only_its_adjective(m: Match, text: str) -> bool:
    """Whether the text names the place only by a word that begins with its name,
    as its adjective does ("Berliner" in "Monheim im Berliner Viertel")."""
    key, words = name_key(without_qualifier(m.name)), name_key(text).split()
    return key not in words and any(w.startswith(key) and w != key for w in words)
