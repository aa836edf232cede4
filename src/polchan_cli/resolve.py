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
:mod:`polchan_cli.headline`'s; this module looks the pieces up.
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
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from . import gazetteer, plates, press_codes
from .guesses import (
    PREFIX_MIN,
    close_names,
    guessed_name,
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
    a_place_as_typed,
    abbreviated,
    dateline_place,
    named_beside_an_event,
    named_in_passing,
    named_last,
    offered_beside_an_event,
    told_where,
)
from .lexicon import bears_what_happened, says_what_happened
from .normalize import (
    TYPE_WORDS,
    geographic_qualifier_key,
    is_a_small_word,
    leading_type_word,
    name_key,
    name_keys,
    spelling,
    type_word_first,
    type_words_set_apart,
    typed_key,
    without_qualifier,
    without_type_word,
)
from .query import (
    MAX_QUERY_LENGTH,
    MOST_WORDS_OF_A_PLACE,
    QueryError,
    Reading,
    address_fields,
    after_a_linking_preposition,
    after_police_word,
    around_bei,
    as_belonging_to,
    asks_for_a_station,
    beside_an_event_word,
    check_query,
    first_word_before_a_preposition,
    is_a_linking_word,
    is_a_road,
    looks_like_a_verb,
    name_asked,
    names_a_part_of_town,
    numbered_in_roman,
    plate_codes_in,
    postcodes_in,
    press_code_in,
    readings,
    report_after_dateline,
    respelled_search_words,
    says_in,
    says_where_in_a_place,
    short_postcode_first,
    street_and_number,
    town_adjectives,
    town_after_a_street,
    type_word_respelled,
    unglued,
    utf8_misread,
    with_spoken_digits,
    with_spoken_punctuation,
    with_type_word_apart,
    without_house_number,
    without_postcodes,
    without_press_marks,
    without_search_words,
)
from .ranking import (
    KIND_OF_TYPE_WORD,
    asked_for,
    is_a_municipality_or_city,
    is_a_village,
    ranked,
    spellings,
    towns_before_districts,
    towns_first,
    unique,
)
from .registry import Registry
from .resolution import (
    MOST_OFFERED,
    WHOLE_LAND_KINDS,
    Match,
    Resolution,
    channel_match,
    channel_matches,
    country_match,
    district_match,
    named_as_typed,
    offered,
    place_match,
    postcode_matches,
    state_match,
)
from .spelling import FUZZY_CONFIRMED, accepted, close_keys, spelling_score
from .whereabouts import (
    COUNTRY_KEYS,
    NEAR_KM,
    WHEREABOUTS_VIA,
    far_apart,
    in_one_municipality,
    is_a_town,
    is_place,
    keys_of_whereabouts,
    lies_in_land,
    lies_in_part,
    lying_where_said,
    names_a_land,
    nearest_to_each_other,
    nearest_together,
    only_says_where,
    same_place,
    states,
)

__all__ = ["QueryError", "resolve"]

CONTEXT_PREFIX_LIMIT = 500  # a begun name with where it lies: places searched for one there

# Places named like their state that are meant before it: the city-states.
_CITY_KINDS = ("district", "municipality")


def _only_a_state_or_country(key: str) -> bool:
    """Whether the key names a state that is no city (Niedersachsen, Brandenburg)
    or the country, which beside places says where they lie."""
    return key in COUNTRY_KEYS or (key in states() and not _a_city_state(key))


def _a_city_state(key: str) -> bool:
    """Whether the key names a state that is a city of its name too (Berlin,
    Hamburg, Bremen), not one a town is only named after (Brandenburg)."""
    return key in states() and any(
        p.match == "exact" and p.kind in _CITY_KINDS for p in gazetteer.places_by_key(key)
    )


def resolve(query: str, registry: Registry) -> Resolution:
    """Resolve a query (see the module docstring). Raises only QueryError; see
    :func:`_resolve` for the order things are tried in; of the name asked, alone or
    with words read around it ("Polizei Wedel", "Bahnhof Wedel"), or guessed, its
    towns come before its villages (:func:`~polchan_cli.ranking.towns_first`)."""
    answer = _resolve(query, registry, respell=True)
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
    (:func:`_read_otherwise`: dictated, glued, hyphened, after a street).
    """
    text = check_query(query, is_place, longest=MAX_QUERY_LENGTH)
    # A place's own name has no words a search adds (a test reads the gazetteer), and
    # skipping them spares "find Celle" compiling their pattern, 4 ms of its start.
    searched = None if is_place(name_key(text)) else _without_search_words(text, registry)
    answer: Resolution | None = None
    if searched is not None and named_as_typed(searched.rest):
        # "Celle aktuell", "Lüneburg bitte", "Celle/Stade heute": the words a search
        # adds are no begun "Bitter", nor do they leave a slash's last place out. A
        # heading that leaves words out anyway, and names the same places as typed,
        # keeps its reading ("Warnung vor Schockanrufen für Celle").
        answer = searched.answer
        if searched.rest.unknown_parts:
            whole = _read_whole(query, registry, longest=MAX_QUERY_LENGTH)
            answer = whole if whole.matches == answer.matches else answer
    if answer is None:
        answer = _read_whole(query, registry, longest=MAX_QUERY_LENGTH)
        if respell and not answer.matches and (meant := _respelled(text, registry)):
            answer = meant  # "Celle aktuel", "Unfal Celle": as if spelled right
        elif searched is not None and (not answer.matches or answer.fuzzy_for is not None):
            # A long town a channel covers, misspelt, or a name abbreviated, is read
            # as it would be alone ("Lunebrug heute" is Lüneburg, not Lüneburger
            # Heide; "Buchholz i.d.N. Blaulicht"); other guesses and begun names are
            # offered ("Stdae heute": Stade?; "Bremer Nachrichten" is no Bremervörde).
            rest = searched.rest
            if a_long_covered_town_misspelt(rest) or abbreviated(rest):
                answer = searched.answer
            elif not answer.matches:
                # The rest's places before the whole's spellings: "Stdae heute"
                # offers Stade before Stadtheide ("heute" read as "Heide").
                names = [m.name for m in rest.matches]
                names += [*rest.suggestions, *answer.suggestions]
                answer = replace(answer, suggestions=offered(names))
    if answer.unfitting_parts and (listed := _towns_listed_with_commas_alone(text, registry)):
        # "Celle, Uelzen, Lüneburg": towns none of which lies in another, each
        # answered, not the first with the others said not to fit.
        answer = listed
    elif not named_as_typed(answer) and (
        side_by_side := _towns_side_by_side(text, registry, near_only=bool(answer.matches))
    ):
        # Before a guess too, where the towns lie near each other: "Münster Warendorf"
        # is no Mariendorf misspelt, but "Hersdorf Berlin" is Hermsdorf, not Hersdorf
        # in the Eifel.
        answer = side_by_side
    if not answer.matches:
        answer = _read_otherwise(text, registry, respell=respell) or answer
    # The query is echoed as typed, though read with plain dashes and digits.
    typed = query.strip()
    return answer if answer.query == typed else replace(answer, query=typed)


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
        return _by_press_code(text, *coded, registry)
    if (undated := without_press_marks(text)) is not None and name_key(undated):
        # "Lüneburg 03.08.15", "Winsen/L. (ots)": a heading's date, or the mark of
        # the press service, says nothing of the place.
        return replace(_resolved(undated, registry), query=text)
    postcodes = postcodes_in(text)
    if postcodes:
        matches = tuple(m for pc in postcodes for m in postcode_matches(pc, registry))
        if not matches and text == postcodes[0] and (district := gazetteer.district(text)):
            # No postcode, but a district key, as channels.yaml names districts.
            return Resolution(query=text, matches=(district_match(district, registry),))
        matches = _with_place_beside_postcodes(text, matches, registry)
        return _with_parts_left_out(
            Resolution(query=text, matches=matches, postcodes=postcodes), registry
        )

    if short := short_postcode_first(text):
        return _with_short_postcode(text, *short, registry)
    if (
        any(c.isdigit() for c in text)
        and (fields := address_fields(text))[1:]
        and (short := short_postcode_first(fields[-1]))
    ):
        # "Am Markt 1, 1067 Dresden": an address's last line read as it would alone.
        return replace(_with_short_postcode(fields[-1], *short, registry), query=text)
    if plated := _with_plate_code_read(text, registry):
        return plated
    reading = text
    matches = _named(text, registry)
    if not matches and (reordered := type_word_first(text)):
        reading, matches = reordered, _named(reordered, registry)
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
        typed_in_full = _full_name_first(matches, reading)
        asked = _where_the_type_word_asks(typed_in_full, reading)
        # Where the type word left places out, it said which it meant: no offers of
        # others ("Stadt Hagen" is the city; no "Neu Hagen?").
        offers = asked == typed_in_full and (
            offered_beside_far_places(text, asked, registry)
            or spaced_otherwise_elsewhere(reading, asked, registry)
        )
        return Resolution(
            query=text,
            matches=_nearest_what_it_lies_by(text, ranked(asked, reading), registry),
            suggestions=offers or (),
        )
    if place := after_police_word(text):
        # "Polizei Buxtehude", "Polizeistation Hitzacker": the channel for that place
        # ("Polizei Lippe" is Kreis Lippe's, as "Lippe" is: see ranking).
        answer = _resolved(place, registry)
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
        if not answer.matches and (side_by_side := _towns_side_by_side(place, registry)):
            answer = side_by_side  # "Polizei Celle Uelzen"
        if not answer.matches and (told := told_where(text, _lookups(registry), police=True)):
            return told  # "Polizei Celle sucht Zeugen": a headline
        return replace(answer, query=text)
    if (respelled := type_word_respelled(text, is_place)) and (
        answer := _resolved_quietly(respelled, registry)
    ).matches:
        # "Landkries Celle": the type word only says which kind comes first. A
        # respelling that finds nothing was no type word ("Hanstadt I").
        return replace(answer, query=text)

    in_roman = _numbered_in_roman(text, registry)
    if (rest := without_house_number(text)) and (
        (named_as_typed(answer := _resolved(rest, registry)) and not answer.unknown_parts)
        or (not in_roman and " " not in rest and answer.fuzzy_for is not None)
    ):
        # "Stade Hagen 3", "Celle 5": the place before the house number, read whole.
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
    if joined := _places_joined(text, registry):
        return joined
    if dateline := dateline_place(text, _lookups(registry)):
        # "Westercelle: Unbefugte Nutzung …", "Uelzen. Sonntagnacht …": read as the
        # dateline "Westercelle - Unbefugte Nutzung …", the report left out.
        return replace(_resolved(dateline, registry), query=text)
    bracketed = _river_bracketed(text, registry)
    if bracketed and (answer := _resolved(bracketed, registry)).matches:
        # "Munster Örtze", "Bleckede Elbe": a qualifier typed without its brackets.
        return replace(answer, query=text)
    if located := _read_without_where(text, registry):
        return located
    # A river in brackets only qualifies the name before it: "Stade (Elbe)" is no
    # place beginning "Elbe" in Stade; "Salzhausen (Gödenstorf)" is Gödenstorf.
    cuts = [r for r in readings(text) if not _only_a_river(r, registry)]
    key = name_key(text)
    named = [
        (
            reading,
            []
            if only_says_where(reading.head)
            else _named(reading.head, registry) or _numbered_in_roman(reading.head, registry),
        )
        for reading in cuts
    ]
    # A village with its house number counts where the rest says it lies
    # ("Westercelle 7, Celle"), never alone ("Felde 3, Celle" is no Felde elsewhere).
    numbered = [(r, found or _named_before_house_number(r, registry)) for r, found in named]
    found = _named_in_context(text, numbered, registry) or places_begun(text, key, registry)
    if found:
        return _with_parts_left_out(found, registry)
    if said := _said_with_its_state(cuts, registry):
        # "Stade Hagen Nds": the state only says where "Stade Hagen" lies.
        return replace(said, query=text)
    # The whole text misspelt comes before its parts: "Neustadt am Rübenbege".
    guess = places_spelled_closest(text, key, registry)
    lookups = _lookups(registry)
    if guess.matches:
        if (
            "," in text
            and (in_context := _guessed_in_context(text, named, registry))
            and _spelled_closer_in_fields(text, in_context, guess)
        ):
            # Fields say which word is the place and which where it lies: "Tolendorf,
            # Göhrde" is Tollendorf in Göhrde, not Oldendorf an der Göhrde.
            return _with_parts_left_out(in_context, registry)
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
        _lying_where_misspelt(text, named)
        or _guessed_in_context(text, named, registry)
        or _loosely_read(text, named, registry, guess.suggestions)
    )
    if (
        not (loose and loose.matches)
        and not guess.matches
        and (inside := _inside_the_city_first(text, registry))
    ):
        return inside
    answer = _with_parts_left_out(loose, registry) if loose else guess
    if not answer.matches and (apart := _as_fields(text, registry)):
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


@dataclass(frozen=True)
class _Search:
    """A search's words read without those it adds: the answer to the rest (its
    query the rest), and that answer with those words left out too."""

    rest: Resolution
    answer: Resolution


def _without_search_words(text: str, registry: Registry) -> _Search | None:
    """A search's few words read without those that say nothing of where, which
    are left out: "Celle aktuell", "Blaulicht Lüneburg heute", "Unfall Uelzen
    gestern Abend"; None where the rest finds and offers nothing, or is longer than
    a search is: a headline's sentence is read whole ("Polizei sucht seit gestern
    …"), and so is a press release's heading ("POL-LG: Presseportal …")."""
    searched = without_search_words(text)
    if searched is None or press_code_in(text):
        return None
    rest, words = searched
    if not name_key(rest) or len(rest.split()) > _MOST_WORDS_OF_A_SEARCH:
        return None
    try:
        read = _read_whole(rest, registry)
    except QueryError:
        return None  # "Stau/heute": no place in the rest
    if not (read.matches or read.suggestions):
        return None
    left_out = sorted((*read.unknown_parts, *words), key=lambda part: text.find(part.split()[0]))
    return _Search(read, replace(read, unknown_parts=tuple(left_out)))


def _respelled(text: str, registry: Registry) -> Resolution | None:
    """The text read with the words a search adds, and those for what happened, that
    it misspells spelled as meant, those words named as left out as typed ("Celle
    aktuel", "Unfal Celle", "Lunebrug aktuel"); None where that finds nothing, or
    only the state or the country the rest names: "Herte Niedersachsen" is no
    "heute" beside the state's channels, but Heerte misspelt."""
    may_be_a_place = functools.partial(_may_be_a_covered_place, registry=registry)
    respelling = respelled_search_words(text, may_be_a_place)
    if respelling is None or press_code_in(text):
        return None
    respelled, words = respelling
    try:
        answer = _resolve(respelled, registry, respell=False)
    except QueryError:
        return None  # "Unfal heute": no place
    rest = (without_search_words(respelled) or (respelled,))[0]
    rest = (beside_an_event_word(rest) or (rest,))[0]
    if not answer.matches or only_says_where(rest):
        return None
    as_typed = {meant: typed for typed, meant in words}
    left_out = (" ".join(as_typed.get(w, w) for w in part.split()) for part in answer.unknown_parts)
    return replace(answer, query=text, unknown_parts=tuple(left_out))


def _may_be_a_covered_place(key: str, registry: Registry) -> bool:
    """Whether a place has the key, or a place a channel covers has one a letter off
    it: "Staed" may be Stade, and so is no "Stau" misspelt; "Platte" may be Plate,
    no "Glätte"; but "gesten" is "gestern", though Gersten (Emsland) is one off."""
    return is_place(key) or any(
        registry.covering_any_part_of(place.district)
        for near, _, edits in close_keys(key)
        if edits <= 1
        for place in gazetteer.places_by_key(near)
    )


def _only_search_words(text: str) -> bool:
    """Whether the text is only words a search adds that say nothing of where."""
    searched = without_search_words(text)
    return searched is not None and not name_key(searched[0])


# The most words a search's rest may have to be read without its search words:
# a place's (MOST_WORDS_OF_A_PLACE) and a word for what happened.
_MOST_WORDS_OF_A_SEARCH = MOST_WORDS_OF_A_PLACE + 1


_IN_BRACKETS = re.compile(r"\s*([^(),]+?)\s*\(([^(),]+)\)\s*")


def _as_fields(text: str, registry: Registry) -> Resolution | None:
    """A town with a part of it the data lacks, where nothing else is found: before
    a hyphen ("Paderborn-Mönkeloh") or in brackets after it ("Osterjork (Jork)"), read
    as "Paderborn, Mönkeloh" and "Osterjork, Jork" are; never a guess, and never the
    other way round ("Zwiebelmarkt-Celle" may name a place the data lacks)."""
    if bracketed := _IN_BRACKETS.fullmatch(text):
        fields = bracketed.groups()
        unknown = fields[0]
    else:
        fields = tuple(half.strip() for half in text.split("-"))
        if len(fields) != 2 or "," in text:
            return None
        unknown = fields[1]
    # One word each, and the town a town: "Wustedt Rotenburg (Wümme)" is no Wümme.
    if any(len(name_key(f).split()) != 1 for f in fields):
        return None
    answer = _resolved_quietly(", ".join(fields), registry)
    if (
        not answer.matches
        or answer.fuzzy_for is not None
        or answer.unknown_parts != (unknown,)
        or answer.matches[0].kind not in ("municipality", "district")
        # and no town of the name no channel covers: "Bergen-Enkheim" is Frankfurt's
        or not all(m.channels for m in answer.matches)
    ):
        return None
    return replace(answer, query=text)


_CITY_FIRST = re.compile(r"\s*([^\W\d][\w.]*)(?:\s*-\s*|\s+)(\S.*)")


def _inside_the_city_first(text: str, registry: Registry) -> Resolution | None:
    """The place in a city that the words after the city's name name, as Berlin
    addresses go from borough to quarter ("Berlin-Pankow-Buch", "Berlin Neukölln
    Britz"): only places that lie in it."""
    split = _CITY_FIRST.fullmatch(text)
    if not split:
        return None
    cities = {
        m.district.key
        for m in _named(split[1], registry)
        if m.kind == "district" and m.district.is_city
    }
    if not cities:
        return None
    inside = _resolved_quietly(split[2], registry)
    there = tuple(m for m in inside.matches if m.district.key in cities)
    return replace(inside, query=text, matches=there) if there else None


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


def _lying_where_misspelt(text: str, named: list[tuple[Reading, list[Match]]]) -> Resolution | None:
    """A place named beside a misspelling of where it lies, as addresses join a
    village to its municipality: "Kirchlintln-Otersen" is Otersen in Kirchlinteln,
    "Berin-Adlershof" Adlershof in Berlin, "Metzingen, Göhdre" the Metzingen in
    Göhrde. Only the places that lie in a municipality, Samtgemeinde or district
    spelled so, never a piece of an unknown name that happens to exist, nor for a
    word that is a place, a state, a type word or a part of town itself."""
    for reading, found in named:
        if reading.how not in ("words", "fields") or len(reading.context) != 1 or not found:
            continue
        (where,) = reading.context
        if (
            is_place(where)
            or where in states()
            or where in TYPE_WORDS
            or names_a_part_of_town(where)
        ):
            continue  # "Hagen-Stadt", "Höver (Westf.)", "Aue West": no misspelling
        there = [m for m in found if m.kind != "channel" and _lies_in_one_spelled_like(m, where)]
        if there:
            return Resolution(query=text, matches=ranked(there, reading.head))
    return None


def _lies_in_one_spelled_like(m: Match, key: str) -> bool:
    """Whether the match lies in a municipality, Samtgemeinde or district (not
    itself) spelled close enough to the key to be read as it: "kirchlintln" is
    Kirchlinteln. A short word is no such misspelling ("Este" is no Weste), nor
    one that starts with another letter."""
    if len(key) < 5:
        return False
    names = [n for n in (*m.towns, m.samtgemeinde, m.district.name) if n and n != m.name]
    keys = {k for main, variants in map(name_keys, names) for k in (main, *variants)}
    return any(
        k[:1] == key[:1] and accepted((k, score, -minus_edits))
        for k in keys
        for score, minus_edits in [spelling_score(key, k)]
    )


def _river_bracketed(text: str, registry: Registry) -> str | None:
    """The text with its last word in brackets, where that word is a river,
    region or state names are qualified by, or a land (see ``names_a_land``), the
    words before it name a place and it names no place lying there: "Munster
    Örtze" -> "Munster (Örtze)", "Lichtenau Baden" -> "Lichtenau (Baden)", not
    "Achim Baden" (Baden is a village of Achim); a land after a comma too, as an
    address writes it: "Wedel, Holstein" -> "Wedel (Holstein)"; else None."""
    head, _, last = text.rpartition(" ")
    fields = address_fields(text)
    if len(fields) == 2 and names_a_land(name_key(fields[1])):
        head, last = fields
    elif len(fields) > 1:
        return None
    if not head[-1:].isalnum() or any(c in text for c in "()/"):
        return None
    land = names_a_land(name_key(last))
    if not (land or name_key(last) in gazetteer.qualifier_keys()) or not is_place(name_key(head)):
        return None
    if land and not any(lies_in_land(m, name_key(last)) for m in _named(head, registry)):
        return None  # "Dalheim Baden": no Dalheim lies in Baden
    if name_key(last) in states() or (not land and any(m.channels for m in _named(last, registry))):
        return None  # "Celle Bayern" says where; "Bleckede Göhrde" names a second town
    reading = Reading(f"({last})", frozenset({name_key(head)}), "words")
    return f"{head} ({last})" if _only_a_river(reading, registry) else None


def _only_a_river(reading: Reading, registry: Registry) -> bool:
    """Whether the reading's head is a bracketed river, region or state that names
    are qualified by and no place lying where the rest says: "(Elbe)" after Stade,
    not "(Baden)" after Achim, whose village it is."""
    head = reading.head
    if not (head.startswith("(") and name_key(head) in gazetteer.qualifier_keys()):
        return False
    return not any(lies_in_part(_named(head, registry), key) for key in reading.context)


def _places_joined(text: str, registry: Registry) -> Resolution | None:
    """Places a slash (or "und", "&", "oder", "bzw.", "+") joins, as a press release
    heads a report on each ("Buxtehude/Neu Wulmstorf", "Lüneburg/Lüchow-Dannenberg/
    Uelzen - Unfall", "Lüneburg und Uelzen"), or a reader unsure which is theirs
    ("Celle oder Uelzen"): each is answered, as each may have its own channel; of
    several places of a name, those in another's district where there are any
    ("Neuenkirchen/Soltau"). A road's number is left out ("Ottersberg/A1").

    Two names are one place where the second is a village of the first: that
    village ("Seevetal/Hittfeld", "Winsen (Luhe)/OT Roydorf"). Otherwise the second
    only qualifies the first, as after a comma, where it says where the first lies
    ("Hagen/Stade"), is a state ("Hamburg/Niedersachsen"), or a river, region or
    state names are qualified by ("Bleckede/Elbe").
    """
    if listed := _listed_with_commas(text):
        head, after = listed
        rest = address_fields(after)
    else:
        head, *rest = address_fields(text)

    def read_as(place: str) -> Resolution | None:
        """The text read as that one place with the rest of it, if that finds any."""
        answer = _resolved_quietly(" - ".join([place, *rest]), registry)
        return replace(answer, query=text) if answer.matches else None

    typed: list[str] = []
    for part in _JOINED.split(head):
        if typed and name_key(part) in gazetteer.qualifier_keys():
            typed[-1] += "/" + part  # "Winsen/Luhe/Stelle": Winsen (Luhe), then Stelle
        else:
            typed.append(part.strip())
    if len(typed) > 1:
        # "Celle Uelzen und Lüneburg": towns side by side before the "und".
        typed = [
            run for i, part in enumerate(typed) for run in _towns_typed_in(part, registry, i == 0)
        ]
    typed = list(dict.fromkeys(typed))
    if len(typed) < 2 or not all(typed):
        return None
    towns = [part for part in typed if not is_a_road(part)]
    if len(towns) > 2:
        # "Hagen/Stade/Niedersachsen": the state only says where; a city-state is a
        # town too ("Berlin/Falkensee/Potsdam"); states alone are each asked for
        # ("Hamburg/Bremen/Niedersachsen").
        places = [part for part in towns if not _only_a_state_or_country(name_key(part))]
        if any(name_key(part) not in states() for part in places):
            towns = places
    if len(towns) == 1:
        # "Ottersberg/A1", "BAB 1/Reeßum": the town beside the road's number.
        return read_as(towns[0])
    # "Kreis Lippe" is the district, not also the village Lippe.
    named = [_where_the_type_word_asks(_named(part, registry), part) for part in towns]
    lead = trail = ""
    if not named[0] and (tail := _named_at_the_end(towns[0], registry)):
        # "Unfall Celle/Stade": a headline's words before the first place it joins.
        lead, towns[0], named[0] = tail
    if (
        not named[-1]
        and "/" in head
        and (opening := _named_at_the_end(towns[-1], registry, first=True))
        and says_what_happened(opening[0].split()[0])
    ):
        # "Lüneburg/Uelzen Unfall": and after the last a slash joins, a word for what
        # happened; not where it lies ("Hagen/Stade Nds"), nor a name's rest
        # ("Rümmelsheim/Burg Layen" is no Burg in Celle), nor a press release's
        # dates ("PI Lüneburg/Lüchow-D./Uelzen vom 27.02." is the office's).
        trail, towns[-1], named[-1] = opening
    if len(towns) < 2 or not all(named):
        return None
    # "und" and "&" join two places, whatever they are.
    if len(towns) == 2 and "/" in head and _only_qualifies(towns, named):
        if any(_is_a_village_of(m, towns[0]) for m in named[1]):
            # "Winsen (Luhe)/OT Roydorf", "Seevetal/Hittfeld": the village, in that
            # town, as "Roydorf, Winsen (Luhe)" reads (the qualifier is kept). Not a
            # town of its district: "Celle/Winsen" is no Winsen (Aller) alone.
            return read_as(f"{towns[1]}, {towns[0]}")
        if len(towns) < len(typed):  # "Hagen/Stade/Niedersachsen" says "Hagen/Stade"
            return read_as("/".join(towns))
        return None

    def near(matches: list[Match], typed_as: str) -> list[Match]:
        # Those in another's district, else those nearest another ("Celle, Hehlentor
        # und Neustadt": not twenty Neustadts).
        others = [m for found in named if found is not matches for m in found]
        districts = {m.district.key for m in others}
        kept = [m for m in matches if m.district.key in districts]
        if not kept:
            # the towns of the name, not villages elsewhere ("Osterholz, Verden und
            # Rotenburg": Landkreis Osterholz, not Bremen's Osterholz)
            towns = [m for m in matches if m.kind in _TOWN_KINDS] or matches
            kept = nearest_together([towns, others])[0]
            if far_apart(kept, others) and _no_district_nor_channel(kept):
                # a first name or a street far from the others is no town of the
                # list ("Karl, Hannover und Celle", "Am Sande, Lüneburg und Uelzen")
                return []
        return list(ranked(_full_name_first(kept, typed_as), typed_as))

    each = [m for matches, part in zip(named, towns, strict=True) for m in near(matches, part)]
    answer = Resolution(query=text, matches=unique(each), places_named=tuple(towns))
    if rest:
        answer = _with_parts_left_out(answer, registry)
    if lead or trail:
        left_out = (lead, *answer.unknown_parts, trail)
        answer = replace(answer, unknown_parts=tuple(part for part in left_out if part))
    return answer


def _no_district_nor_channel(matches: list[Match]) -> bool:
    """Whether no place of a name is a district or city, nor covered by a channel,
    as with a name that a word or a first name has too ("Karl", "Heide"); never
    "Hamburg" or "Soltau", which a reader lists beside another town however far."""
    return not any(m.kind == "district" or m.channels for m in matches)


def _towns_typed_in(part: str, registry: Registry, first: bool) -> list[str]:
    """The names of the towns a part of a list names side by side ("Celle Uelzen"),
    the first with a heading's words before it ("Unfall Celle", read on as a
    heading), else the part itself."""
    if not part or _named(part, registry):
        return [part]
    side_by_side = _towns_side_by_side(part, registry)
    if side_by_side is None or (side_by_side.unknown_parts and not first):
        return [part]
    head, *runs = side_by_side.places_named
    return [" ".join([*side_by_side.unknown_parts, head]), *runs]


def _listed_with_commas(text: str) -> tuple[str, str] | None:
    """A list of places as German writes it, commas before the last "und" or "oder",
    with "und" for each comma, and what follows a spaced dash after it: "Celle,
    Uelzen und Lüneburg - Unfälle" -> ("Celle und Uelzen und Lüneburg", "Unfälle");
    None for other text (an address: "Hauptstraße 5, Celle und Umgebung" has a
    number; a row: a semicolon; a town's parts: "Celle, Altstadt und Neustadt")."""
    if any(c.isdigit() or c in ";\t" for c in text):
        return None
    text, _, after = text.partition(" - ")
    *listed, last = [part for part in text.split(",") if part.strip()] or [""]
    if not listed:  # ", Celle und Uelzen" lists from Celle
        return None
    joined = _JOINED.split(last.strip())
    if len(joined) != 2 or "/" in last:
        return None
    parts = [*(part.strip() for part in listed), *joined]
    if any(names_a_part_of_town(part) for part in parts):
        return None  # "Lüneburg, Altstadt und Rotes Feld": parts of a town, not towns
    return " und ".join(parts), after


def _named_at_the_end(
    text: str, registry: Registry, *, first: bool = False
) -> tuple[str, str, list[Match]] | None:
    """The other words, the last words and what they name, of the most last words
    (at most three) that name a place as typed where the other words name none:
    "Unfall Celle" -> ("Unfall", "Celle", …); not "Hamburg Altona", nor "Brand
    Celle" (Brand is a place). With ``first``, of the first words: "Stade heute" ->
    ("heute", "Stade", …)."""
    words = text.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        named_words, others = (words[:n], words[n:]) if first else (words[-n:], words[:-n])
        if is_a_small_word(named_words[0]) or is_a_small_word(named_words[-1]):
            continue  # no "in Lüneburg" of "Unfälle in Lüneburg"
        while others and is_a_small_word(others[0 if first else -1]):
            others.pop(0 if first else -1)  # "Unfälle", not "Unfälle in"
        rest, named = " ".join(others), " ".join(named_words)
        if not is_place(name_key(rest)) and (found := _named(named, registry)):
            return rest, named, found
    return None


def _is_a_village_of(m: Match, town: str) -> bool:
    """Whether the match is a village (Ortsteil or former municipality) of the town."""
    if m.kind not in ("locality", "former_name"):
        return False
    return name_key(m.municipality or "") == name_key(town)


# What joins the places a heading names: "Buxtehude/Neu Wulmstorf", "Lüneburg und
# Uelzen", "Jork & Borstel".
# Between two places a text names: a slash, "und", or one of them ("Celle oder
# Uelzen", "Celle bzw. Uelzen", "Celle + Uelzen"), as either may be the reader's.
_JOINED = re.compile(
    r"\s*/\s*|\s+\+\s+|\s+(?:und|&|oder|sowie|bzw\.|beziehungsweise)\s+", re.IGNORECASE
)


def _only_qualifies(typed: list[str], named: list[list[Match]]) -> bool:
    """Whether the second of two joined names only qualifies the first (see
    _places_joined): "Hagen/Stade", "Bleckede/Elbe"."""
    (first, second), (ones, others) = typed, named
    if lies_in_part(ones, name_key(second)):
        return True
    # A village that lies in the first ("Seevetal/Hittfeld"); a town of the first's
    # district is a place of its own ("Celle/Winsen", "Stade/Buxtehude": both).
    inside = [m for m in others if lies_in_part([m], name_key(first))]
    if inside and not any(is_a_municipality_or_city(m) for m in inside):
        return True
    # a state says where ("Hamburg/Niedersachsen"); a city-state is a place ("Hamburg/Bremen")
    key = name_key(second)
    return key in gazetteer.qualifier_keys() or _only_a_state_or_country(key)


def _by_press_code(text: str, code: str, rest: str, registry: Registry) -> Resolution:
    """The channels of the office whose press releases carry the code.

    The place a headline names after the code narrows them, where it lies in
    their area ("POL-LG: Uelzen - Unfall" is Polizei Uelzen of the three); a
    place outside it is shown after them ("POL-LG: Celle"). An unknown code
    leaves the rest to answer, else suggests the known codes.
    """
    agency = press_codes.agency_of(code)
    if agency is None:
        if name_key(rest):
            return replace(_resolved(rest, registry), query=text)
        from difflib import get_close_matches

        closest = get_close_matches(code, press_codes.known_codes(), n=5, cutoff=0)
        return Resolution(query=text, suggestions=tuple(closest))
    channels = channel_matches(name_key(agency), registry, by_name=True)
    ids = {c.id for m in channels for c in m.channels}
    # Its channels disabled in the user's registry, the office still has an area.
    office = Registry(tuple(c for c in registry.disabled if name_key(c.agency) == name_key(agency)))
    narrowed = _resolved_quietly(rest, registry) if name_key(rest) else None
    if narrowed and narrowed.fuzzy_for is None:
        inside = tuple(
            m
            for m in narrowed.matches
            if (m.channels and {c.id for c in m.channels} <= ids)
            or (not m.channels and office.covering(m.district.key, m.municipality or m.name))
        )
        if inside:
            # The headline after the place is named as left out, as without a code.
            return Resolution(
                query=text,
                matches=inside,
                unknown_parts=narrowed.unknown_parts,
                unfitting_parts=narrowed.unfitting_parts,
            )
        # A place outside the office's area ("POL-LG: Celle"): shown after the
        # office's channels, with its own or none ("POL-MS: Greven", Kreis
        # Steinfurt), so that neither is taken for the other.
        elsewhere = tuple(m for m in narrowed.matches if m.match in ("exact", "variant"))
        # The office reports from its own state: of namesakes, those there.
        states = {c.state for m in channels for c in m.channels}
        elsewhere = tuple(m for m in elsewhere if m.state in states) or elsewhere
        return Resolution(
            query=text,
            matches=(*channels, *elsewhere),
            outside_area_of=f"{code.upper()} ({agency})" if elsewhere else None,
            unknown_parts=narrowed.unknown_parts,
            unfitting_parts=narrowed.unfitting_parts,
        )
    if not channels and office.channels:
        # The office's channels are disabled in the user's registry: its districts
        # say that no channel covers them.
        districts = dict.fromkeys(d for c in office.channels for d in c.districts)
        return Resolution(
            query=text,
            matches=tuple(
                district_match(district, registry)
                for key in districts
                if (district := gazetteer.district(key))
            ),
        )
    if not channels:
        # No channel of the office in force nor disabled (a user's registry changed
        # its agency): the office's own place, as "PI Celle" finds it.
        return replace(_resolved_quietly(agency, registry), query=text)
    return Resolution(query=text, matches=tuple(channels))


def _with_short_postcode(text: str, number: str, rest: str, registry: Registry) -> Resolution:
    """A town after four digits that are its postcode with the leading 0 a
    spreadsheet dropped ("1067 Dresden" is 01067 Dresden). Any other four digits
    are no German postcode: Austria and Switzerland write theirs so ("1010 Wien",
    "5400 Baden"), and their towns are not to be given a German namesake's
    channel. Nothing is found for them, the town only offered."""
    padded = _resolved_quietly(f"0{number} {rest}", registry)
    alone = _resolved_quietly(rest, registry)
    postcodes = [m for m in padded.matches if m.kind == "postcode"]
    if any(in_one_municipality(m, pc) for m in alone.named() for pc in postcodes):
        return replace(padded, query=text)
    names = [m.name for m in alone.named()] + list(alone.suggestions)
    return Resolution(query=text, suggestions=offered(names))


def _read_otherwise(text: str, registry: Registry, *, respell: bool) -> Resolution | None:
    """Where the text as typed names nothing: the first of its other readings that
    names a place as typed. The punctuation a voice assistant writes out as marks
    ("Celle Komma Westercelle", "Stade Fragezeichen"), and a postcode's digits as
    digits ("zwei neun zwei zwei eins"). Guessed at more boldly, and so only where
    they give a channel, as a resident looking for theirs meant: words a phone, a
    handle or a hashtag glues, spaced ("polizeicelle", "@PolizeiStade",
    "LandkreisHarburg"; "Polizeihalle" is no Halle (Saale), and "Kanalstraße" no
    Straßenhaus begun); a type word hyphened to the name ("Celle-Stadt", but
    "Ems-Kreis" is no Bad Ems); the town after a street with no house number
    ("Bahnhofstraße Celle", but "Radweg Elbe" is no village Elbe, and "Hauptstraße
    Mitte" no Berlin-Mitte). A reading that is no query ("Polizeieinsatz" as
    "Polizei einsatz") answers nothing."""
    after_a_street = town_after_a_street(text, is_place)
    if after_a_street is not None and names_a_part_of_town(after_a_street):
        after_a_street = None
    spaced = unglued(text)
    readings = (
        (with_spoken_punctuation(text), _any_answer),
        (with_spoken_digits(text), _any_answer),
        # A type word glued to a name says what it is ("LandkreisGotha"); a word for
        # the police only whose channel is asked for ("polizeicelle").
        (spaced, _any_answer if spaced and leading_type_word(spaced) else _with_a_channel),
        (with_type_word_apart(text), _a_district_or_with_a_channel),  # "Hagen-Stadt"
        (after_a_street, _with_a_channel),
    )
    for other, taken in readings:
        if other is None:
            continue
        try:
            answer = _resolve(other, registry, respell=respell)
        except QueryError:
            continue
        if named_as_typed(answer) and taken(answer):
            return answer
    if asked := as_belonging_to(text):
        return _where_it_belongs(*asked, registry, respell=respell)
    return None


def _towns_side_by_side(
    text: str, registry: Registry, *, near_only: bool = False
) -> Resolution | None:
    """Towns typed side by side with nothing between them, as a reader lists those
    they ask for: each answered, as after "und" ("Celle Uelzen", "Drage Winsen"),
    where the words fall one way only into two to four runs that each name a town
    as typed, after a heading's words for what happened ("Unfall Celle Uelzen", the
    word left out). Of a name's places, its towns, and its villages only in
    another's district ("Burg Celle" is the Burg in Celle, "Linden Celle" no Linden
    in Uelzen); of several, those that lie nearest together (``nearest_together``:
    "Winsen Lüneburg" is Winsen (Luhe), "Burg Magdeburg" the town by Magdeburg).
    With ``near_only``, only where each lies near the others. Else None."""
    words = text.split()
    lead = []
    while len(words) > 2 and (says_what_happened(words[0]) or is_a_small_word(words[0])):
        lead.append(words.pop(0))
    if not 2 <= len(words) <= _MOST_WORDS_SIDE_BY_SIDE or not all(map(_a_plain_word, words)):
        return None  # "Lüneburg, Celle", "Uelzen (Ilmenau)" are read as fields, qualifiers
    for parts in range(2, _MOST_TOWNS_SIDE_BY_SIDE + 1):
        splits = itertools.combinations(range(1, len(words)), parts - 1)
        each = ([" ".join(words[i:j]) for i, j in _runs(cuts, len(words))] for cuts in splits)
        ways = [runs for runs in each if all(_may_name_a_town(run) for run in runs)]
        read = [(runs, found) for runs in ways if all(found := _towns_of_each(runs, registry))]
        if read:
            # Read two ways, the text says neither: not guessed at.
            if len(read) > 1:
                return None
            runs, found = read[0]
            return _towns_answered(text, runs, found, near_only=near_only, lead=lead)
    return None


def _towns_answered(
    text: str,
    runs: list[str],
    found: list[list[Match]],
    *,
    near_only: bool = False,
    lead: list[str] | None = None,
) -> Resolution | None:
    """The answer listing the towns each run names (``found``, of
    :func:`_towns_of_each`), the words before them left out (``lead``). None where
    one lies far from the others and is no town of the list: a name no district
    has nor a channel covers is a first name or a word ("Karl Celle", "Heide
    Celle"), while "Soltau Hamburg" is two towns; with ``near_only`` (before a
    guess), any town far from the others."""
    if any(
        far_apart(matches, [m for other in found if other is not matches for m in other])
        and (near_only or _no_district_nor_channel(matches))
        for matches in found
    ):
        return None
    return Resolution(
        query=text,
        matches=unique(m for matches in found for m in matches),
        places_named=tuple(runs),
        unknown_parts=(" ".join(lead),) if lead else (),
    )


def _towns_listed_with_commas_alone(text: str, registry: Registry) -> Resolution | None:
    """Three or four towns listed with commas alone, each a town as typed (see
    :func:`_towns_of_each`): "Celle, Uelzen, Lüneburg"; else None. Two are an
    address's place and where it lies, if wrongly ("Lüneburg, Celle")."""
    fields = [field.strip() for field in text.split(",")]
    words = [word for field in fields for word in field.split()]
    if not 3 <= len(fields) <= _MOST_TOWNS_SIDE_BY_SIDE or not all(map(_a_plain_word, words)):
        return None
    if not all(field and _may_name_a_town(field) for field in fields):
        return None
    found = _towns_of_each(fields, registry)
    return _towns_answered(text, fields, found) if all(found) else None


# A reader lists a few towns, each of a word or a few ("Neu Wulmstorf").
_MOST_TOWNS_SIDE_BY_SIDE = 4
_MOST_WORDS_SIDE_BY_SIDE = 8


def _runs(cuts: tuple[int, ...], length: int) -> list[tuple[int, int]]:
    """The (start, end) of each run of words the cuts make of ``length`` words."""
    return list(zip((0, *cuts), (*cuts, length), strict=True))


def _a_plain_word(word: str) -> bool:
    """Whether the word is letters, hyphened or abbreviated ("Neu-Wulmstorf", "St.")."""
    return word.replace("-", "").rstrip(".").isalpha()


def _may_name_a_town(run: str) -> bool:
    """Whether the words may name a town beside others. Not a district, state or
    land, which beside a place says where it lies ("Nendorf Landkreis Verden",
    "Celle Bayern", "Dalheim Baden"), nor a river or region names are qualified by
    ("Bleckede Göhrde"), a part of a town ("Celle Mitte"), what happened, or a
    small word ("und Celle")."""
    key = name_key(run)
    words = run.split()
    return not (
        is_a_small_word(words[0])
        or is_a_small_word(words[-1])
        or says_what_happened(run)
        or names_a_part_of_town(run)
        or leading_type_word(run)
        or names_a_land(key)
        or key in gazetteer.qualifier_keys()
    )


def _towns_of_each(runs: list[str], registry: Registry) -> list[list[Match]]:
    """For each run, the places it names as typed that may be meant beside the
    others (see :func:`_towns_side_by_side`); an empty list where none is."""
    named = [_spelled_as_typed_first(run, registry) for run in runs]
    kept = []
    for i, matches in enumerate(named):
        districts = {m.district.key for j, others in enumerate(named) if j != i for m in others}
        # a region says where, too ("Hagen, Altes Land")
        towns = [
            m
            for m in matches
            if m.kind in _TOWN_KINDS or (m.kind != "region" and m.district.key in districts)
        ]
        # a district alone says where the others lie ("Windorf Salzlandkreis")
        kept.append(towns if any(m.kind != "district" or m.district.is_city for m in towns) else [])
    if not all(kept):
        return kept  # no reading: spares reading every place's position ("Unfal Celle")
    return [
        list(ranked(matches, run))
        for matches, run in zip(nearest_together(kept), runs, strict=True)
    ]


def _spelled_as_typed_first(run: str, registry: Registry) -> list[Match]:
    """The places the words name as typed, of those spelled so where there are any
    and the words have an umlaut: "Münster" is the city, not Munster in the
    Heidekreis; "munster" may be either, as phones leave umlauts out."""
    named = [m for m in _named(run, registry) if m.match in ("exact", "variant")]
    if run.isascii():
        return named
    as_typed = spelling(run)
    return [m for m in named if as_typed in spellings(m.name)] or named


# The kinds of place a name may stand for alone beside another: a town, not a
# village elsewhere ("Kloster Medingen" is no hamlet Kloster in Lüchow-Dannenberg).
_TOWN_KINDS = frozenset({"municipality", "samtgemeinde", "district"})


def _where_it_belongs(
    place: str, whole: str, registry: Registry, *, respell: bool
) -> Resolution | None:
    """The place a question of belonging asks about, with the other named as not
    fitting where it does not lie there: "Gehört Westercelle zu Celle?" is
    Westercelle, "Gehört Bussau zu Celle?" Bussau, in Lüchow-Dannenberg, "Gehört
    Potsdam zu Berlin?" Potsdam, never Berlin for it, nor "Münster" Munster in
    Niedersachsen."""
    # A land is asked as a qualifier: "Gehört Lichtenau zu Baden?" as "Lichtenau (Baden)".
    joined = f"{place} ({whole})" if names_a_land(name_key(whole)) else f"{place}, {whole}"
    try:
        both = _resolve(joined, registry, respell=respell)
        alone = _resolve(place, registry, respell=respell)
    except QueryError:
        return None
    first = both.matches[0] if both.matches else None
    if (
        first
        and spelling(without_type_word(place)) in spellings(first.name)
        and named_as_typed(both)
    ):
        return both
    if not (alone.matches and named_as_typed(alone)):
        return None
    return replace(alone, unfitting_parts=(*alone.unfitting_parts, whole))


def _any_answer(answer: Resolution) -> bool:
    return True


def _with_a_channel(answer: Resolution) -> bool:
    return answer.status == "found"


def _a_district_or_with_a_channel(answer: Resolution) -> bool:
    """A city or district named with its type word ("Hagen-Stadt", "Ilm-Kreis"),
    channel or none; another place only with one ("Ems-Kreis" is no Bad Ems)."""
    return answer.status == "found" or answer.matches[0].kind == "district"


def _with_plate_code_read(text: str, registry: Registry) -> Resolution | None:
    """The text with a licence-plate code read as its district, where that names
    a place there as typed, with nothing left over: "Bostel (HK)" is Bostel in the
    Heidekreis, as "Bostel (Heidekreis)" is, not Bostel in Celle; "Hagen, STD" is
    the Hagen in Landkreis Stade; "Kreis ROW" is Landkreis Rotenburg (Wümme). Only
    the places of the code's districts that the rest of the text names: "Helpsen,
    CE" is no Landkreis Celle, though "Helpsen, Landkreis Celle" names it. A code
    that is a place's name or a qualifier ("Halle (S)" is no Stuttgart's) reads as
    before; so does one whose district holds no place of the name ("Celle (HK)",
    "Hagen (MS)"). Only the first code: the reading of the text with its district
    reads the next ("Bostel (HK) (CE)"), as trying each at each step would take
    time growing with their factorial. Else None."""
    candidates = plate_codes_in(text)
    first_code = candidates[0][1] if candidates else None
    for before, code, after in candidates:
        if code != first_code:
            break
        key = name_key(code)
        keys = plates.districts_of(code)
        if not keys or _names_a_place_or_qualifies(key) or key in COUNTRY_KEYS:
            continue  # "DE" is Germany, not Dessau-Roßlau
        # What the rest of the text names: the places found must be of those names,
        # unless the code was all of it ("Kreis ROW").
        rest = f" {name_key(before + ' ' + after)} "
        answers = []
        for district_key in keys:
            district = gazetteer.district(district_key)
            if district is None:
                continue
            answer = _resolved_quietly(before + district.name + after, registry)
            if named_as_typed(answer) and not (answer.unknown_parts or answer.unfitting_parts):
                answers.append((district_key, answer))
        found = [
            m
            for k, answer in answers
            for m in answer.matches
            if _lies_in(m, k)
            and m.match != "fuzzy"
            and (not rest.strip() or f" {name_key(without_qualifier(m.name))} " in rest)
        ]
        if found:
            return replace(answers[0][1], query=text, matches=tuple(dict.fromkeys(found)))
    return None


def _lies_in(m: Match, district_key: str) -> bool:
    """Whether the match lies in the district, or, a channel, covers some of it."""
    return district_key in {d.key for d in m.districts}


def _resolved_quietly(text: str, registry: Registry) -> Resolution:
    """What resolve() answers for a reading of the query, with no answer where the
    reading is no query: "Hanstadt 2" respelled as "Hansestadt 2" is no "Hansestadt
    alone" error, only a wrong guess."""
    try:
        return _resolved(text, registry)
    except QueryError:
        return Resolution(query=text)


def _lookups(registry: Registry) -> Lookups:
    """The readings :mod:`polchan_cli.headline` reads a headline's pieces with."""
    return Lookups(
        read=functools.partial(_resolved_quietly, registry=registry),
        named=functools.partial(_named, registry=registry),
    )


def _read_without_where(text: str, registry: Registry) -> Resolution | None:
    """An address read without its state and country columns, of the places that
    lie there: "Westercele, Celle, Niedersachsen" is read as "Westercele, Celle"
    (Westercelle), as the columns only say where the rest lies. None where no
    such column stands beside others, or nothing read lies there."""
    fields = address_fields(text)
    # A city that is a state is its own state column the second time: "Rudow,
    # Berlin, Berlin, DE".
    is_where = [
        only_says_where(part) or (name_key(part) in states() and part in fields[:i])
        for i, part in enumerate(fields)
    ]
    where = [part for part, w in zip(fields, is_where, strict=True) if w]
    rest = [part for part, w in zip(fields, is_where, strict=True) if not w]
    if not where or not rest:
        return None
    answer = _resolved_quietly("; ".join(rest), registry)
    located = _of_those_lying_in(answer, [name_key(part) for part in where])
    return _with_parts_left_out(replace(located, query=text), registry) if located else None


def _said_with_its_state(cuts: list[Reading], registry: Registry) -> Resolution | None:
    """The answer for the words before or after a state or the country, of the
    places that lie there: "Stade Hagen Nds", "Deutschland Celle Westercelle"."""
    for reading in cuts:
        if reading.how != "words" or not all(only_says_where(k) for k in reading.context):
            continue
        answer = _resolved_quietly(reading.head, registry)
        if located := _of_those_lying_in(answer, reading.context):
            return located
    return None


def _of_those_lying_in(answer: Resolution, keys: Iterable[str]) -> Resolution | None:
    """The answer with only its matches that lie in every place the keys name (a
    guess read as the first of them), or None if none does."""
    keys = list(keys)
    there = tuple(m for m in answer.matches if all(lies_in_part([m], k) for k in keys))
    if not there:
        return None
    fuzzy_for = guessed_name(there) if answer.fuzzy_for is not None else None
    return replace(answer, matches=there, fuzzy_for=fuzzy_for)


def _named_before_house_number(reading: Reading, registry: Registry) -> list[Match]:
    """Of a part of an address, the place before its house number: "Westercelle 7,
    Celle" names Westercelle as typed, no guess."""
    rest = without_house_number(reading.head) if reading.how == "fields" else None
    return _named(rest, registry) if rest and not says_where_in_a_place(rest) else []


def _numbered_in_roman(text: str, registry: Registry) -> list[Match]:
    """Places named as the text with its closing number in Roman numerals:
    Hanstedt II for "Hanstedt 2". Only those whose name ends in the numeral, as
    "I" alone is a filler word in keys ("Hanstedt I" keys as Hanstedt)."""
    numbered = numbered_in_roman(text)
    if numbered is None:
        return []
    numeral = numbered.rsplit(None, 1)[1]
    return [m for m in _named(numbered, registry) if m.name.rsplit(None, 1)[-1] == numeral]


def _with_place_beside_postcodes(
    text: str, by_postcode: tuple[Match, ...], registry: Registry
) -> tuple[Match, ...]:
    """The postcodes' matches, with the place an address names beside them.

    An unknown postcode leaves the name to answer ("Am Markt 1, 21399 Lüneburg").
    A name that lies in one district, none of the postcode's, is shown beside it,
    so that a mistyped postcode cannot silently give another district's channel
    ("21423 Celle"). A name in some of a shared postcode's districts says which:
    "29640 Undeloh" is Landkreis Harburg, not also Schneverdingen's Heidekreis, so
    that ``open`` has one channel to open. Only names as typed count, never guesses.
    """
    rest = without_postcodes(text)
    if not name_key(rest):
        return by_postcode
    try:
        beside = _resolved(rest, registry)
    except QueryError:
        return by_postcode
    named = tuple(m for m in beside.matches if m.match in ("exact", "variant"))
    if not by_postcode:
        return named
    districts = {m.district.key for m in named}
    if len(districts) == 1 and not districts & {m.district.key for m in by_postcode}:
        return by_postcode + named
    if beside.unfitting_parts:
        # "Landkreis Harburg, 29640 Schneverdingen": the parts contradict each other;
        # every district of the postcode stays, the one named first.
        return tuple(sorted(by_postcode, key=lambda m: m.district.key not in districts))
    # Of each postcode, the part that is the town the name is or lies in ("18059
    # Rostock": the city, not also Landkreis Rostock, which the name reads as too),
    # else its part in the name's districts, else all of it, as a postcode the name
    # says nothing of may still be meant ("21423 29221 Celle": 29221 narrowed to
    # Celle, 21423 kept whole). The town's own postcodes first.
    towns = {name_key(m.municipality or m.name) for m in named if m.kind != "district"}
    towns |= {name_key(m.name) for m in named if m.kind == "district" and m.district.is_city}

    def in_town(m: Match) -> bool:
        return bool(towns & {name_key(t) for t in m.towns})

    by_code: dict[str, list[Match]] = {}
    for m in by_postcode:
        by_code.setdefault(m.name, []).append(m)
    kept = [
        m
        for areas in by_code.values()
        for m in (
            [m for m in areas if in_town(m)]
            or [m for m in areas if m.district.key in districts]
            or areas
        )
    ]
    return tuple(sorted(kept, key=lambda m: (not in_town(m), m.district.key not in districts)))


def _named(text: str, registry: Registry) -> list[Match]:
    """Channels and places whose name (or name without qualifier) is the text."""
    key = name_key(text)
    matches = channel_matches(key, registry, by_name=True)
    places = gazetteer.places_by_key(key)
    if not places and not matches:
        matches = channel_matches(key, registry, by_name=False)
    state = states().get(key)
    # A state, unless a city of its name is meant (Berlin, Hamburg, Bremen): its
    # channels, or the state itself to say that none covers it ("Bayern",
    # "Hessen" before the village Hessen in Sachsen-Anhalt).
    if state and not _a_city_state(key):
        in_state = [c for c in registry.channels if c.state == state]
        matches += [channel_match(c, "exact") for c in in_state] or [state_match(state)]
    if key in COUNTRY_KEYS and not places:
        # "Deutschland": every channel, as a state gives its own, or the country
        # itself where the user's registry disables them all, to say so.
        matches += [channel_match(c, "exact") for c in registry.channels] or [country_match()]
    return matches + [place_match(p, p.match, registry) for p in places]


def _full_name_first(matches: list[Match], typed: str) -> list[Match]:
    """Without names elsewhere that lost a qualifier, when one is typed in full.

    "Landkreis Harburg" and "Amt Neuhaus" are those places' whole names, type word
    and all, so Harburg (Schwaben) and Neuhaus am Inn, found only once the type
    word and their own qualifier are dropped, are no answer. Places of the bare
    name stay, and so do those in the same district (Verden (Aller) beside
    Landkreis Verden). A type word counts by the kind it names: "Lk. Harburg" and
    "Kreis Harburg" are Landkreis Harburg too.
    """
    type_word = leading_type_word(typed)
    if type_word is None:
        return matches
    kind = KIND_OF_TYPE_WORD.get(type_word, type_word)  # "amt" names no kind: itself
    named = {
        m.district.key
        for m in matches
        if m.match == "exact"
        and (own := leading_type_word(m.name)) is not None
        and KIND_OF_TYPE_WORD.get(own, own) == kind
    }
    if named:
        return [m for m in matches if m.match != "variant" or m.district.key in named]
    return matches


def _where_the_type_word_asks(matches: list[Match], typed: str) -> list[Match]:
    """Only the places in the districts of those a leading type word for a district
    or a town asks for (:func:`~polchan_cli.ranking.asked_for`), where it asks for
    any: "Kreis Lippe" is Kreis Lippe, which no channel covers, not also the village
    Lippe in Siegen-Wittgenstein, whose channel would answer for it; "Stadt Hagen"
    the city and the municipalities named Hagen, not the villages. "Landkreis
    Celle" keeps the town Celle, which lies in it."""
    if KIND_OF_TYPE_WORD.get(leading_type_word(typed) or "") not in ("district", "municipality"):
        return matches
    # Only one spelled as typed, with or without its qualifier ("Stadt Buchholz":
    # Buchholz in der Nordheide): "Neuenkirchen, Landkreis", which keys as
    # "neunkirchen", asks for no Landkreis Neunkirchen.
    name = spelling(without_type_word(typed))
    districts = {m.district.key for m in asked_for(matches, typed) if name in spellings(m.name)}
    return [m for m in matches if m.district.key in districts] if districts else matches


def _named_in_context(
    text: str, named: list[tuple[Reading, list[Match]]], registry: Registry
) -> Resolution | None:
    """A place named with where it lies: "Westercelle, Celle", "Hagen Stade".

    Of places that lie where the rest says, those that lie where most of it says:
    "Hagen, Landkreis Stade, Niedersachsen" is the Hagen in Stade, not every Hagen
    in Niedersachsen; in a row, the part that most of the others fit ("Winkel;
    Lindenweg 2; Jork; Landkreis Stade": Jork, not Winkel in Landkreis Verden).
    """
    best: tuple[tuple[int, bool, bool], Reading, list[Match]] | None = None
    is_addressee, is_street = _address_roles(text)
    for reading, found in named:
        scored = [(len(reading.context & keys_of_whereabouts(m)), m) for m in found]
        top = max((n for n, _ in scored), default=0)
        # Of parts alike in that, the place before the addressee's name and a street.
        score = (top, not is_addressee(reading), not is_street(reading))
        if top and (best is None or score > best[0]):
            best = (score, reading, [m for n, m in scored if n == top])
    if best:
        _, reading, fitting = best
        return Resolution(query=text, matches=ranked(fitting, reading.head))
    for via in WHEREABOUTS_VIA[1:]:
        for reading, found in named:
            fitting = lying_where_said(found, reading, via=via)
            if fitting:
                return Resolution(query=text, matches=ranked(fitting, reading.head))
    for reading, found in named:
        if reading.how == "qualifier" and (villages := _its_villages(found, reading, registry)):
            # "Achim/Baden", "Paderborn/Sande": the town's village, though the
            # village is also a word that qualifies names (Baden, Sande).
            return Resolution(query=text, matches=ranked(villages, text))
    # Two villages of one municipality ("Hermannsburg Baven", both now Südheide):
    # after a comma the first is the place; without one either may be, and both
    # have the same channel.
    siblings = [
        (reading, lying_where_said(found, reading, via="locality")) for reading, found in named
    ]
    if any(reading.how in ("fields", "part") for reading, _ in siblings):
        siblings = siblings[:1]
    matches = [m for _, fitting in siblings for m in fitting]
    if matches:
        return Resolution(query=text, matches=ranked(matches, text))
    return None


def _its_villages(found: list[Match], reading: Reading, registry: Registry) -> list[Match]:
    """The localities the reading's context names exactly that lie in a municipality
    it found ("Baden" of Achim)."""
    towns = {(m.district.key, m.name) for m in found if m.kind == "municipality"}
    return [
        place_match(p, "exact", registry)
        for key in reading.context
        for p in gazetteer.places_by_key(key)
        if p.match == "exact" and p.kind == "locality" and (p.district, p.municipality) in towns
    ]


def _guessed_in_context(
    text: str, named: list[tuple[Reading, list[Match]]], registry: Registry
) -> Resolution | None:
    """A begun or misspelt place with where it lies: "Hamburg Altona", "Celle Westercele".

    Where it lies confirms the guess, so a guess may be spelled further off than
    one standing alone (``FUZZY_CONFIRMED``: "Bomlitz Arhsen" is Ahrsen); a guess
    that lies elsewhere is no answer.
    """

    def fitting(matches: list[Match], reading: Reading) -> list[Match]:
        return next(
            (
                fit
                for via in WHEREABOUTS_VIA
                if (fit := lying_where_said(matches, reading, via=via))
            ),
            [],
        )

    report = report_after_dateline(text)
    for reading, found in named:
        # A press release's report after its dateline is no begun name, and a guess
        # only one as sure as a guess standing alone: "Walsrode - Einbruch" is no
        # Maienbruch, "Celle - Westercele" is Westercelle.
        in_report = reading.how == "fields" and reading.head in report
        # A guess fits only where the rest names a place it lies in: skip the
        # spelling search when the rest names none.
        # A name found elsewhere is guessed at too: "Boeke, Stoetze" is Boecke
        # there, not Boke in Kreis Paderborn. A state or the country confirms no
        # guess, as it holds too many names one letter off ("Nindorf, Bayern" is
        # no Windorf, "Bruchtorf, Nds." no Uchtorf); a city-state is a place.
        wheres = [k for k in reading.context if is_place(k)]
        if found and _only_districts_beside(text, reading):
            # A name found elsewhere is taken for a typo only beside a town: a
            # whole district holds too many names one letter off ("Gledeberg,
            # Landkreis Lüneburg" is Gledeberg, not Kreideberg there).
            continue
        if names_a_part_of_town(reading.head) or not wheres:
            continue
        if any(m.kind in _AREA_KINDS and m.channels for m in found):
            # A town a channel covers, named rightly beside the wrong district, is
            # no typo ("Celle, Landkreis Harburg" is no Welle); a namesake far off
            # is ("Bosel, Soltau" is Bostel there, not Bösel in Cloppenburg).
            continue
        if reading.how == "fields" and _is_street(reading.head):
            continue  # a street ("Am Sande, Stade" is no Sunde)
        if _lies_by_not_in(text, reading):
            continue
        key = name_key(reading.head)
        # Every place the head begins, not only the first few: most lie elsewhere.
        prefixed = (
            gazetteer.places_by_prefix(key, CONTEXT_PREFIX_LIMIT) if len(key) >= PREFIX_MIN else []
        )
        begun = fitting([place_match(p, "prefix", registry) for p in prefixed], reading)
        if begun and not in_report:
            return Resolution(query=text, matches=ranked(begun, reading.head))
        if _an_abbreviation(reading.head):
            continue  # "Buchholz idN" is no Iden, which a Buchholz lies by in Stendal
        lies_by = _town_it_lies_by(text, reading)
        for candidate, score, edits in close_keys(key, typed_key(reading.head)):
            if score < FUZZY_CONFIRMED:
                break
            if in_report and not accepted((candidate, score, edits)):
                continue
            places = gazetteer.places_by_key(candidate)
            guessed = fitting([place_match(p, "fuzzy", registry) for p in places], reading)
            guessed = [m for m in guessed if name_key(m.municipality or "") != lies_by]
            if guessed:
                matches = ranked(guessed, reading.head)
                return Resolution(query=text, matches=matches, fuzzy_for=guessed_name(matches))
    return None


def _an_abbreviation(word: str) -> bool:
    """Whether a word of three letters or fewer opens in small letters, as an
    abbreviation does ("idN", in der Nordheide), not a misspelt name ("Bül" for
    Bühl)."""
    return sum(c.isalpha() for c in word) < 4 and not word[:1].isupper()


def _only_its_adjective(m: Match, text: str) -> bool:
    """Whether the text names the place only by a word that begins with its name,
    as its adjective does ("Berliner" in "Monheim im Berliner Viertel")."""
    key, words = name_key(without_qualifier(m.name)), name_key(text).split()
    return key not in words and any(w.startswith(key) and w != key for w in words)


def _nearest_what_it_lies_by(
    text: str, matches: tuple[Match, ...], registry: Registry
) -> tuple[Match, ...]:
    """Namesakes with those nearest the place after "bei" first: "Winsen bei
    Hamburg" is Winsen (Luhe), then Winsen (Aller); else as ranked."""
    around = around_bei(text)
    if around is None or len(matches) < 2:
        return matches
    what = [
        m
        for m in _named(around[1], registry)
        if m.kind != "channel" and m.kind not in WHOLE_LAND_KINDS
    ]
    if not what:
        return matches
    near, _ = nearest_to_each_other(matches, what)
    return (*near, *(m for m in matches if m not in near))


def _nearest_those_so_qualified(
    matches: tuple[Match, ...], reading: Reading, registry: Registry
) -> tuple[Match, ...]:
    """Namesakes, none with the qualifier typed, with those that lie where it says
    first, where the first does not: in the land it names ("Lichtenau (Baden)" is
    the one in Baden-Württemberg, "Freudenberg (Oberpfalz)" the one in the
    Oberpfalz, not those in Kreis Paderborn and Siegen-Wittgenstein), or near the
    places whose names have it, where the river or region runs ("Münster am Lech"
    is the Münster by Rain (Lech) and Landsberg am Lech, not the city in
    Westfalen; "Burbach (Eifel)" the one near Kerpen (Eifel)); else as ranked."""
    if len(matches) < 2 or len(reading.context) != 1:
        return matches
    (qualifier,) = reading.context
    if names_a_land(qualifier):
        # In the land, and not named for another land in it ("Biberach
        # (Württemberg)" is no Biberach (Baden)).
        there = [
            m
            for m in matches
            if lies_in_land(m, qualifier) and not _named_for_another_land(m, qualifier)
        ]
        return (*there, *(m for m in matches if m not in there))
    bearers = [
        place_match(p, "exact", registry)
        for head in gazetteer.heads_qualified_by(qualifier)
        for p in gazetteer.places_by_key(f"{head} {qualifier}")
    ]
    if not bearers or not far_apart(matches[:1], bearers):
        return matches
    # A river's few names in the data need not lie where the namesake meant does
    # ("Hagen (Weser)": only names near Nienburg have "(Weser)"): never a channel
    # on such evidence, only a namesake none covers before the one first.
    near = [m for m in matches if not far_apart([m], bearers) and not m.channels]
    return (*near, *(m for m in matches if m not in near))


def _named_for_another_land(m: Match, land: str) -> bool:
    """Whether the match's name has a land's qualifier other than ``land``."""
    own = geographic_qualifier_key(m.name)
    return own is not None and own != land and names_a_land(own)


def _land_none_lies_in(text: str, reading: Reading, found: list[Match]) -> tuple[str, ...]:
    """The land in brackets after the name, where none of the places found lies in
    it: "Bergen (Vorpommern)" finds no Bergen there, so Celle's is no answer the
    qualifier bears out; else nothing."""
    bracketed = _in_brackets_after(reading.head, text)
    key = name_key(bracketed or "")
    if not bracketed or not names_a_land(key) or any(lies_in_land(m, key) for m in found):
        return ()
    return (bracketed,)


def _town_it_lies_by(text: str, reading: Reading) -> str | None:
    """The key of the town named after "bei" where the reading's head comes before
    it, else None: a place guessed for the head does not lie in that town, which
    "bei" says it only lies by ("Winhausen bei Hannover" is no Leinhausen, a quarter
    of Hannover; Wienhausen, by it, is)."""
    around = around_bei(text)
    if around is None or name_key(reading.head) not in name_key(around[0]):
        return None
    return name_key(around[1]) or None


def _lies_by_not_in(text: str, reading: Reading) -> bool:
    """Whether the reading's head follows "bei" and where it would lie comes before:
    "Rotenburg bei Bremen" says that Rotenburg lies by Bremen, not that a place
    spelled like Bremen lies in Rotenburg (Griemen)."""
    around = around_bei(text)
    if around is None or not (key := name_key(reading.head)):
        return False
    before, after = (name_key(words) for words in around)
    return key in after and all(k in before for k in reading.context)


def _loosely_read(
    text: str,
    named: list[tuple[Reading, list[Match]]],
    registry: Registry,
    suggestions: tuple[str, ...],
) -> Resolution | None:
    """The place in an address or before a qualifier, where the rest fits nothing.

    "Bahnhofstraße 5, Celle" is Celle; "Munster (Örtze)" is Munster, found without a
    qualifier it does not have (a ``variant``). Of the parts that name places, as
    typed or as they would alone ("Hauptstraße 5, Berlin-Kreuzberg"), the first,
    unless it is a street or has a house number, is the addressee's name before
    the street, or names no covered place beside one that does. Failing those, the
    part spelled most like a place is read as that place ("Bahnhofstraße 5,
    Westercele"), else the closest spellings of every part are suggested, and so
    are places that words of the query name ("Bahnhofstr Celle": did you mean
    Celle?).
    """
    # A word for a part of a town beside it is where in it, never the place itself:
    # "München Mitte" is München, not Berlin's Mitte, which has a channel. (After a
    # comma it may be: "Hauptstraße 5, Mitte".)
    # Nor are the words a search adds a place: a field "bitte" is no Bitter begun or
    # misspelt ("Infos für Nienhagen, bitte").
    loose = [
        (reading, found)
        for reading, found in named
        if reading.ignorable
        and not (reading.how == "part" and names_a_part_of_town(reading.head))
        and not _only_search_words(reading.head)
    ]
    # Each part that names places, as typed or read alone as an address writes
    # the place ("Hauptstraße 5, Berlin-Kreuzberg", "Dorfstraße 3, Delbrück-Boke").
    candidates: list[tuple[Reading, list[Match], Resolution | None]] = []
    for reading, found in loose:
        if found:
            candidates.append((reading, found, None))
        elif (
            reading.how == "fields"
            and not only_says_where(reading.head)
            and not (_is_street(reading.head) and not _has_a_place_word(reading.head))
            and not street_and_number(reading.head)
            and (
                named_as_typed(alone := _resolved_quietly(reading.head, registry))
                or abbreviated(alone)
            )
        ):
            candidates.append((reading, list(alone.matches), alone))
    if candidates:
        # An address names the place first ("Nindorf, Bayern" lists every Nindorf),
        # but after the street: a row's name before it is the addressee's ("Busch;
        # Lindenweg 2; Jork-Borstel" is Borstel in Jork, not Busch in Delbrück). A
        # street named like a place elsewhere is the town's street ("Schützenplatz,
        # Celle", "Mitte, Hannover"). And the villages where channels reach are
        # researched: a part naming only places outside them, beside one inside, is
        # more likely a quarter the data lacks ("Altstadt, Celle" is Celle).
        is_addressee, is_street = _address_roles(text)

        def numbered(reading: Reading) -> bool:
            return reading.how == "fields" and without_house_number(reading.head) is not None

        # The street, a numbered part and the addressee only give way to a town or
        # village named elsewhere in the row, never to a district or state alone:
        # "Auf der Hausstelle, Landkreis Uelzen" is that village (in Lüneburg).
        towns = [
            reading
            for reading, found, _ in candidates
            if is_a_town(ranked(found, reading.head)[0])
            and not (is_street(reading) or numbered(reading) or is_addressee(reading))
        ]

        def order(candidate: tuple[Reading, list[Match], Resolution | None]) -> tuple[bool, ...]:
            reading, found, _ = candidate
            rivals = any(town is not reading for town in towns)
            return (
                # A part with a house number is more likely the street than a
                # village elsewhere: "Felde 3, Celle" is Celle.
                rivals and (is_street(reading) or numbered(reading)),
                rivals and is_addressee(reading),
                not any(m.channels for m in found),
            )

        reading, found, alone = min(candidates, key=order)
        if alone is not None:
            return replace(alone, query=text)
        if reading.how != "qualifier":
            return Resolution(query=text, matches=ranked(found, reading.head))
        if elsewhere := _a_covered_town_in_brackets(text, reading, found, registry):
            return elsewhere
        found = [replace(m, match="variant") if m.match == "exact" else m for m in found]
        # A plate code in brackets is understood, its district only holds none of the
        # places found: "Celle (HK)" says HK does not fit, not that it is unknown; one
        # that holds one is said nothing of ("Staffelstein (STE)"). A letter alone is
        # no code read, and stays unknown ("Haar (M)").
        qualifier = tuple(
            part
            for part in _unknown_qualifier(text, reading)
            if len(part) == 1 or not any(m.district.key in plates.districts_of(part) for m in found)
        )
        codes = tuple(part for part in qualifier if len(part) > 1 and plates.districts_of(part))
        matches = _nearest_what_it_lies_by(text, ranked(found, reading.head), registry)
        return Resolution(
            query=text,
            matches=_nearest_those_so_qualified(matches, reading, registry),
            unknown_parts=tuple(part for part in qualifier if part not in codes),
            unfitting_parts=_far_town_in_brackets(text, reading, found, registry)
            + codes
            + _land_none_lies_in(text, reading, found),
        )
    closest: tuple[float, Reading, list[tuple[str, float, int]]] | None = None
    names = list(suggestions)
    for reading, _ in loose:
        candidates = close_keys(name_key(reading.head), typed_key(reading.head))
        # Where a street starts is a guess itself: its head is offered, never taken.
        taken = reading.how not in ("street", "qualified") and not only_says_where(reading.head)
        # Of one head read several ways, the first reading is kept: it says where,
        # if any does ("fuhren in Richtung Celle davon" is no Fahren, in Plön).
        if (
            taken
            and candidates
            and (
                closest is None
                or candidates[0][1] > closest[0]
                or (candidates[0][1] == closest[0] and reading.head != closest[1].head)
            )
        ):
            closest = (candidates[0][1], reading, candidates)
        names += close_names(candidates[:MOST_OFFERED])
    said: list[Match] = []
    if closest and accepted(closest[2][0]):
        _, reading, candidates = closest
        guess = places_spelled_closest(reading.head, name_key(reading.head), registry, candidates)
        said = _where_said(reading, registry)
        # Words in small letters before "in", "bei" and the like, where others have
        # capitals, are a sentence's verb, not a misspelt place: "liefen in Richtung
        # Bahnhof davon" is no Kiefen, "fuhren in Richtung Celle davon" no Fahren,
        # nor Bühren, in reach of Celle ("Bahnhofstraße 5, westercele" is guessed).
        verb = (
            reading.how == "qualifier"
            and not text.islower()
            and all(looks_like_a_verb(w.lstrip("….,;:!?-")) for w in reading.head.split())
        )
        # Nor is a heading's word for what happened: "Flucht in Richtung Münster" is
        # no Feucht, in reach of the Münster in Bavaria.
        event = reading.how == "qualifier" and all(map(says_what_happened, reading.head.split()))
        if not (verb or event) and not _lies_far_from(guess, said, text):
            return replace(guess, query=text)
    # Words are offered, never taken: "Klein Hagen" not in the data is no Hagen.
    # A place a word names exactly comes before spellings too far off to take
    # ("Drage Winsen": Drage and Winsen, then Grafenwiesen), and so does the place
    # a guess lay far from ("Raser in Hamburg gestoppt": Hamburg).
    names = [m.name for _, found in named for m in found] + [m.name for m in said] + names
    names = list(dict.fromkeys(names))
    if names != list(suggestions):
        return Resolution(query=text, suggestions=tuple(names[:MOST_OFFERED]))
    return None


def _a_covered_town_in_brackets(
    text: str, reading: Reading, found: list[Match], registry: Registry
) -> Resolution | None:
    """The text read as an address's fields, "Lindenhof, Adendorf", where the
    places the head names are villages or quarters with no channel that do not lie
    in the covered place the brackets name: "Lindenhof (Adendorf)" is a part of
    Adendorf the data lacks, not Bremen's Lindenhof, as "Osterjork (Jork)" is a
    street in Jork."""
    bracketed = _in_brackets_after(reading.head, text, ending=True)
    # a town typed first stays: "Bremen (Celle)" is Bremen
    if not bracketed or any(m.channels or m.kind != "locality" for m in found):
        return None
    if lies_in_part(found, name_key(bracketed)):
        return None
    fields = _resolved_quietly(f"{reading.head}, {bracketed}", registry)
    if not any(m.channels for m in fields.matches):
        return None
    return replace(fields, query=text)


def _where_said(reading: Reading, registry: Registry) -> list[Match]:
    """The places that the words after a head read before a qualifier name as
    typed, or the way to them: "Flucht in Leipzig" and "Flucht in Richtung Celle
    davon" say Leipzig and Celle."""
    if reading.how != "qualifier":
        return []
    return [
        m for key in reading.context for m in _named_first(key.removeprefix("richtung "), registry)
    ]


def _lies_far_from(guess: Resolution, said: list[Match], text: str) -> bool:
    """Whether every place guessed for a head lies far from the places the text
    says it lies in, by or toward (:func:`_where_said`): "Flucht in Leipzig" and
    "Flucht in Richtung Celle" are no Feucht, in Bavaria, which is then only
    offered; "Buxethude bei Hamburg" is Buxtehude, "Uezen bei Hamburg" Uelzen. What
    lies "in" a city lies near it ("Raser in Hannover" is no Räber, 90 km off);
    "bei" and "Richtung" reach farther."""
    km = NEAR_KM if says_in(text) else _FAR_FROM_WHERE_SAID_KM
    return bool(said) and far_apart(guess.matches, said, km=km)


def _named_first(key: str, registry: Registry) -> list[Match]:
    """The places that the most of the first words of ``key`` name, as typed, where
    a heading goes on after its place: "hamburg gestoppt" names Hamburg ("Raser in
    Hamburg gestoppt" is no Räber, 75 km off), "celle davon" Celle."""
    words = key.split()
    if not words or is_a_linking_word(words[0]):
        return []  # "in der Nähe von …" names no Nahe
    for n in range(min(len(words), MOST_WORDS_OF_A_PLACE), 0, -1):
        if found := _named(" ".join(words[:n]), registry):
            return found
    return []


# How far a misspelt town may lie from the city it is said to lie by or toward:
# "Uezen bei Hamburg" (80 km), "Siegne b. Dortmund" (90 km); Feucht is 280 km from
# Leipzig.
_FAR_FROM_WHERE_SAID_KM = 150.0


def _unknown_qualifier(text: str, reading: Reading) -> tuple[str, ...]:
    """The qualifier after the name, where no name in the data has it and it names
    no place or state ("Brake (Unterweser)": the Brake found may be another), to
    be said to be left out; else nothing ("Munster (Örtze)": Müden (Örtze) has it)."""
    bracketed = _in_brackets_after(reading.head, text)
    if bracketed is None:
        return ()  # "Breese in der Marsch" misspelt is no qualifier of another place
    key = name_key(bracketed)
    if not key or _names_a_place_or_qualifies(key):
        return ()
    return (bracketed,)


def _names_a_place_or_qualifies(key: str) -> bool:
    """Whether the key is a qualifier the data's names have ("Örtze"), or names a
    place, a state or a land in one ("Mittelfranken")."""
    return (
        key in gazetteer.qualifier_keys() or is_place(key) or key in states() or names_a_land(key)
    )


def _in_brackets_after(head: str, text: str, *, ending: bool = False) -> str | None:
    """The words in brackets right after ``head`` at the start of the text, stripped
    ("Brake (Unterweser)": "Unterweser"); with ``ending``, only where they end it."""
    if not text.startswith(head):
        return None
    found = re.match(r"\s*\(([^()]+)\)" + (r"\s*$" if ending else ""), text[len(head) :])
    return found[1].strip() if found else None


def _far_town_in_brackets(
    text: str, reading: Reading, found: list[Match], registry: Registry
) -> tuple[str, ...]:
    """The town named in brackets after the reading's place, to be said not to
    fit, where it lies far (more than ``NEAR_KM``) from every covered place found
    and no channel reaches it: "Haaren (Aachen)" may be a quarter of Aachen the
    data lacks rather than the Haaren in Kreis Paderborn, 250 km away, whose
    channel is shown. The place found stays the answer: a far town's name in
    brackets is as often a river or region named like it ("Hermannsburg (Heide)",
    "Köpenick (Dahme)"). A near town ("Meckelfeld (Hamburg)"), a district, a town
    a channel covers a namesake of, or a river or region the data qualifies names
    by ("Hoopte (Elbe)") is not remarked. Else empty."""
    bracketed = _in_brackets_after(reading.head, text, ending=True)
    covered = [m for m in found if m.channels]
    if not bracketed or not covered:
        return ()
    key = name_key(bracketed)
    if leading_type_word(bracketed) or key in gazetteer.qualifier_keys():
        return ()
    named = [place_match(p, p.match, registry) for p in gazetteer.places_by_key(key)]
    towns = [m for m in named if m.match == "exact" and is_a_municipality_or_city(m)]
    if (
        not towns
        or any(m.channels for m in named)
        or lies_in_part(found, key)
        or not far_apart(covered, towns)
    ):
        return ()
    return (bracketed,)


def _with_parts_left_out(answer: Resolution, registry: Registry) -> Resolution:
    """The answer to an address, with the parts of it the answer does not rest on.

    A part is used where it names (or begins) a place of the answer, a place in it
    or beside it in its municipality, or where it lies ("Niedersachsen",
    "Deutschland"). Of the rest, a part that names a place as typed is
    ``unfitting`` ("Westercelle, Harburg"); one that names none is ``unknown``
    ("Bruchtorf, Uelzen"). A street, a house number or a word for a part of a town
    is neither ("Bahnhofstraße 5, Celle", "Schützenplatz, Celle"), unless it names
    a town as typed (Burweg): an address has those beside its place.
    """
    parts = list(dict.fromkeys(address_fields(answer.query)))
    if len(parts) < 2 or not answer.matches:
        return answer
    if answer.fuzzy_for is not None:
        # The part read as the guess is used: "Boeke, Stoetze" is Boecke there.
        guessed = name_key(answer.fuzzy_for)
        parts.remove(max(parts, key=lambda part: spelling_score(name_key(part), guessed)))
    answer_names = {name_key(m.name) for m in answer.matches}
    unknown: list[str] = []
    unfitting: list[str] = []
    where: list[str] = []
    for part in parts:
        key = name_key(part)
        if any(name.startswith(key) for name in answer_names):
            continue  # the place, as typed or begun ("Horn, Celle": Hornbostel)
        if lies_in_part(answer.matches, said := key.removeprefix("von ")):
            where.append(said)
            continue  # "Ortsteil von Jork" keys as "von jork"
        if not is_place(key) and all(_lies_in_one_spelled_like(m, key) for m in answer.matches):
            continue  # where it lies, misspelt, which narrowed it: "Metzingen, Göhdre"
        # A numbered part is an address's street line even where its name is a
        # place elsewhere ("Horst 5, Hohenbünstorf").
        street = _is_street(part) or without_house_number(part) is not None
        if street and not is_place(key):
            continue  # the common case, checked before a whole reading of the part
        read = _resolved_quietly(part, registry)
        if named_as_typed(read) and any(
            same_place(m, n) or in_one_municipality(m, n) or answer_names & keys_of_whereabouts(m)
            for m in read.matches
            for n in answer.matches
        ):
            # The place itself, a place within it ("Berlin-Kreuzberg, Berlin") or
            # beside it in its municipality ("Wittfeitzen, Klein Wittfeitzen 2").
            continue
        if not street:
            (unfitting if a_place_as_typed(part, read) else unknown).append(part)
    # Of several places, those that lie where a part says: "Unfall in Hagen, Stade"
    # is the Hagen in Landkreis Stade, as "Hagen, Stade" is. Not a postcode's
    # districts: a part that contradicts the postcode may be the one mistyped.
    if where and not answer.postcodes:
        answer = _of_those_lying_in(answer, where) or answer
    return replace(answer, unknown_parts=tuple(unknown), unfitting_parts=tuple(unfitting))


# Kinds of place that are whole areas: a part of an address naming one says which
# place, never where in a place (a street can be named like a village, not like these).
_AREA_KINDS = frozenset({"municipality", "samtgemeinde", "district", "state"})


def _address_roles(text: str) -> tuple[Callable[[Reading], bool], Callable[[Reading], bool]]:
    """Of the parts of an address, which are the addressee's name (before the
    street, in a pasted row: "Busch; Lindenweg 2; Jork-Borstel") and which the
    street: two tests on a reading, each false for a reading of no such part."""
    parts = address_fields(text)
    keys = [name_key(part) for part in parts]
    streets = [
        i for i, part in enumerate(parts) if _is_street(part) and not names_a_part_of_town(part)
    ]
    last_street = max(streets, default=-1)

    def index(reading: Reading) -> int:
        key = name_key(reading.head)
        return keys.index(key) if reading.how == "fields" and key in keys else len(keys)

    def is_addressee(reading: Reading) -> bool:
        return index(reading) < last_street

    def is_street(reading: Reading) -> bool:
        return reading.how == "fields" and _is_street(reading.head)

    return is_addressee, is_street


def _only_districts_beside(text: str, reading: Reading) -> bool:
    """Whether the parts beside a reading's head that name places all name a
    district by its type word ("Gledeberg; Bahnhofstraße 48; Landkreis Lüneburg")."""
    if reading.how != "fields":
        return False
    head = name_key(reading.head)
    places = [
        part for part in address_fields(text) if name_key(part) != head and is_place(name_key(part))
    ]
    return bool(places) and all(
        KIND_OF_TYPE_WORD.get(leading_type_word(part) or "") == "district" for part in places
    )


def _has_a_place_word(text: str) -> bool:
    """Whether a word of the text names a place: "Rotenburg-Neuendamm" does
    (a village named like a street), "Hauptstraße 5" does not."""
    return any(is_place(word) for word in name_key(text).split())


def _is_street(part: str) -> bool:
    """Whether a part of an address reads as a street, a house number or a word for
    a part of a town, and is no town's name as typed: Burweg and Germering are
    towns; "Am Sande" is no Sande, "Bergstraße 3" no Landkreis Bergstraße."""
    rest = without_house_number(part)
    if rest is not None and not says_where_in_a_place(rest):
        # A village with its house number ("Westercelle 7") is no street; an
        # unknown name with one is taken for one ("Rosenkamp 3").
        return not is_place(name_key(rest))
    return says_where_in_a_place(part) and not any(
        p.kind in _AREA_KINDS and p.name.casefold() == part.strip().casefold()
        for p in gazetteer.places_by_key(name_key(part))
    )
