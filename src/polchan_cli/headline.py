"""Where a press heading or a report's first sentence says something happened.

Accepts the text of a query that named no place as a whole, as
:mod:`polchan_cli.resolve` hands it over, and reads the place a headline names:
after "in", "bei", "im Raum" and the like ("Großbrand in Dannenberg", "Unfall im
Raum Celle"), closing a sentence ("Pkw prallt gegen Stromkasten Verden."), before
a dateline's colon or full stop ("Westercelle: Unfall"), as the two ends of a
road's stretch ("zwischen Rettmer und Lüneburg"), by a town's adjective
("Paderborner Kindergarten"), after "durch", "Richtung" or a facility ("rast
durch Paderborn", "in Richtung Celle", "im Kreisverkehr Celle"), after "nach"
where someone was called there, in brackets ("Einbruch in Osterjork (Jork)"), and
a village misspelt before where it lies ("Unfall in Resotrf Lüchow-Dannenberg").
Returns a :class:`~polchan_cli.resolution.Resolution` with the headline's other
words as a part not found, or None where the text says no place so.

Each piece is read as resolve() reads a query of its own, through
:class:`Lookups`: the resolver calls this module and this module calls back, so
the resolver hands its readings in rather than being imported. How a text is cut
into pieces is :mod:`polchan_cli.query`'s job. No Typer, Rich or registry here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from . import gazetteer
from .lexicon import bears_what_happened
from .normalize import (
    TYPE_WORDS,
    geographic_qualifier_key,
    is_a_small_word,
    leading_type_word,
    name_key,
    spelling,
    without_qualifier,
)
from .query import (
    TownAdjective,
    address_fields,
    after_an_article,
    around_bei,
    before_a_place,
    beside_an_event_word,
    dateline_in,
    first_preposition,
    has_a_house_number,
    is_a_linking_word,
    is_a_preposition,
    looks_like_a_verb,
    names_a_part_of_town,
    places_after_a_noun,
    places_after_prepositions,
    places_between,
    places_called_to,
    places_for,
    places_in_brackets,
    places_through,
    places_toward,
    prepositions_in,
    street_and_number,
    town_adjectives,
    undeclined,
    without_measures,
    without_month_dates,
    words_before_toward,
)
from .ranking import unique
from .resolution import WHOLE_LAND_KINDS, Match, Resolution, named_as_typed, offered
from .spelling import FUZZY_CONFIRMED, spelling_score
from .whereabouts import (
    BY_KM,
    FAR_FROM_WHERE_SAID_KM,
    far_apart,
    is_a_town,
    is_place,
    keys_of_whereabouts,
    nearest_to_each_other,
)

__all__ = [
    "Lookups",
    "a_citys_by_its_adjective",
    "a_long_covered_town_misspelt",
    "a_place_as_typed",
    "abbreviated",
    "dateline_place",
    "named_beside_an_event",
    "named_in_passing",
    "named_last",
    "offered_beside_an_event",
    "told_where",
]


@dataclass(frozen=True)
class Lookups:
    """How resolve() reads a piece of a headline, handed in by it."""

    # The answer to a piece as a query of its own; no places where it is no query.
    read: Callable[[str], Resolution]
    # The channels and places whose name the piece is, as typed.
    named: Callable[[str], list[Match]]


def _what_it_lies_by(text: str, lookups: Lookups) -> list[Match]:
    """The places the town after "bei" names, up to a comma or bracket ("Soderstorf"
    of "Rolfsen bei Soderstorf, Landkreis Lüneburg"); none without "bei"."""
    around = around_bei(text)
    town = re.split(r"[,;(]", around[1], maxsplit=1)[0].strip() if around else ""
    return lookups.named(town) if town else []


def _guessed_by(text: str, by: list[Match], lookups: Lookups) -> Resolution | None:
    """The places a channel covers that the words before "bei" misspell or begin,
    lying by ``by``, the town after it: "Hermansburg bei Celle" is Hermannsburg, by
    Celle, and "Bispinge bei Soltau" Bispingen, not reports from Celle or Soltau
    with a name not found; else None. Not where a field follows ("Rofsen bei
    Soderstorf, Landkreis Lüneburg"), nor for a street ("Am See bei Buxtehude")."""
    around = around_bei(text)
    if around is None or not by:
        return None
    before, town = around[0].strip(), around[1]
    if not before or is_a_small_word(before.split()[0]) or re.search(r"[,;(]", town):
        return None
    guess = lookups.read(before)
    near = tuple(
        m
        for m in guess.matches
        if m.match in ("fuzzy", "prefix") and m.channels and not far_apart([m], by, km=BY_KM)
    )
    if not near:
        return None
    # Said of the name misspelt, not of the whole text: "No exact match for
    # 'Hermansburg'".
    read_as = guess.fuzzy_for or near[0].name
    return replace(guess, query=text, matches=near, fuzzy_for=None, respelled=((before, read_as),))


def dateline_place(text: str, lookups: Lookups) -> str | None:
    """A heading whose place a colon, full stop or glued dash sets apart, written
    with a spaced dash, as the rest of resolve() reads a dateline ("Westercelle:
    Unfall" -> "Westercelle - Unfall", "Winsen/L. Einbruch" -> "Winsen/L. -
    Einbruch"); None where the text before it names no place."""
    dateline = dateline_in(text)
    if dateline is None:
        return None
    place, report = dateline
    read = lookups.read(place)
    # A list with a name left out is a dateline too ("Achim/Buxtehude/Merlin: Unfall").
    if (named_as_typed(read) and not read.unknown_parts) or read.places_named:
        return f"{place} - {report}"
    if "/" in place and abbreviated(lookups.read(place + ".")):
        return f"{place}. - {report}"  # "Winsen/L. Einbruch", as the Harburg police write
    return None


def named_last(text: str, lookups: Lookups) -> Resolution | None:
    """The place a channel covers that closes a headline written as a sentence, as
    the Verden and Osterholz police write them ("Pkw prallt gegen Stromkasten
    Verden.", "+In Werkhalle eingebrochen+ Schwanewede."), with the rest as a part
    not found."""
    if not text.rstrip(" +").endswith(".") or _a_part_names_a_place(text, lookups):
        return None
    if _read_alone(text.rstrip(" +."), lookups):
        return None  # a name with its full stop: "Neu Wulmstorf bei Buxtehude."
    words = text.rstrip(" +.").split()
    for n in range(min(3, len(words) - 1), 0, -1):
        if is_a_small_word(words[-n]) or is_a_small_word(words[-n - 1]) or words[-n][0] == "(":
            continue  # "… in Winsen an der Luhe.", "… Winsen (Luhe).": no Lühe
        after_zu = words[-n - 1].casefold() == "zu"
        if after_zu and words[-n][0].islower():
            continue  # "… in Verbindung zu setzen.": a verb, not Setzen (Siegen)
        answer = _read_alone(" ".join(words[-n:]).strip("+"), lookups)
        if after_zu and not (answer and answer.matches[0].kind == "municipality"):
            continue  # "zu Holste.", not "Die Scheibe ging zu Bruch."
        if answer and answer.status == "found" and any(is_a_town(m) for m in answer.matches):
            return _in_a_headline(answer, " ".join(words[:-n]), text)
    return None


def named_beside_an_event(text: str, lookups: Lookups) -> Resolution | None:
    """The place a heading names before or after its word for what happened (see
    :func:`~polchan_cli.query.beside_an_event_word`), with that word as a part not
    found: a town, a city's quarter or a village with where it lies, as typed or
    misspelt ("Unfall Celle", "Stade Einbruch", "Einbruch Kreuzberg",
    "Verkehrsunfall Wieckenberh Celle"; see :func:`_names_a_town_or_where`), or a
    town a channel covers of eight letters or more, misspelt ("Unfall Lunebrug";
    "Diebstahl Cello" is no Celle, "Unfall Ampel" no Appel). A channel's or not
    ("Unfall Hamburg" is Hamburg's, whom none covers), as the rest is a query of
    its own; never words after a preposition or an article, which say how or where
    in a place ("Unfall im Wald", "Unfall an der Schule": no Wald in Swabia, no
    Schülern), nor words with a preposition that are no place's whole name
    ("Buchholz in der Nordheide" is)."""
    beside = _read_beside_an_event(text, lookups)
    if beside is None:
        return None
    place, event, read = beside
    words = place.split()
    if is_a_linking_word(words[0]) or place.startswith("("):
        return None  # words in brackets are read as such ("Einbruch (Hagen)")
    if any(is_a_preposition(word) for word in words[1:]) and not any(
        name_key(m.name) == name_key(place) for m in read.matches
    ):
        return None  # "Einbruch Otter in Cuxhaven": no Otter in Landkreis Harburg
    if not (_names_a_town_or_where(read, place) or a_long_covered_town_misspelt(read)):
        return None
    return _in_a_headline(read, event, text)


def a_long_covered_town_misspelt(read: Resolution) -> bool:
    """Whether the answer guesses a town or district a channel covers, of eight
    letters or more as typed, as a misspelt place beside a heading's or a search's
    other words is taken: "Lunebrug" is Lüneburg, but a noun may be a letter from a
    short name ("Cello", "Ampel", "Schule" are no Celle, Appel, Schülern)."""
    first = read.matches[0] if read.matches else None
    return (
        first is not None
        and read.fuzzy_for is not None
        and first.kind in ("municipality", "district")
        and bool(first.channels)
        and len(read.query) >= _LONG_WORD
    )


# The fewest letters of a misspelt town's name beside a word for what happened: a
# noun may be a letter from a short one's ("Cello", "Ampel", "Sessel").
_LONG_WORD = 8


def offered_beside_an_event(text: str, lookups: Lookups) -> tuple[str, ...]:
    """The places that the words beside a heading's word for what happened name
    or misspell, to be offered where :func:`named_beside_an_event` takes none:
    "Diebstahl Cele" and "Einbruch Kloster" offer Celle and Kloster."""
    beside = _read_beside_an_event(text, lookups)
    if beside is None:
        return ()
    return offered(m.name for m in beside[2].matches)


def _read_beside_an_event(text: str, lookups: Lookups) -> tuple[str, str, Resolution] | None:
    """The words beside a heading's word for what happened, that word, and the
    answer to the words as a query of their own, where they name or misspell a
    place with nothing left out; else None. Not where the word is a place's name
    itself ("Engelsbrand Celle"), unless it is one that says what happened too
    (see :data:`~polchan_cli.lexicon.EVENT_WORDS_PLACES_BEAR`) and those places lie
    far from the rest's ("Brand Seevetal" is a fire, "Brand Falkenberg" the
    village); nor a name begun ("Verkehrsunfall seit dem 3. Februar" is no
    Seitenroda); read without dates ("Einbruch Mitte Mai 2024" names no
    Berlin-Mitte)."""
    beside = beside_an_event_word(without_month_dates(text) or text)
    if beside is None:
        return None
    place, event = beside
    bearers = lookups.named(event)
    if bearers and not bears_what_happened(event):
        return None
    read = lookups.read(place)
    if not read.matches or read.unknown_parts:
        return None
    if not named_as_typed(read) and read.fuzzy_for is None:
        return None
    if bearers and not far_apart(bearers, read.matches):
        return None
    return place, event, read


def _names_a_town_or_where(answer: Resolution, place: str) -> bool:
    """Whether the words name, as typed, a town, Samtgemeinde, district or region
    (:func:`_names_a_town`, read in passing), or a quarter of a city that is a
    district itself ("Kreuzberg"), or name a place with where it lies, even
    misspelt ("Warpke Schnega", "Wieckenberh Celle"); not a village alone, as a
    noun or a surname may be named like one ("Kloster", "Horst"; "Wesel" is a part
    of Undeloh before the town on the Rhine, whom no channel covers)."""
    first = answer.matches[0]
    if len(place.split()) > len(first.name.split()):
        return True
    return named_as_typed(answer) and (
        _names_a_town(answer, place, in_passing=True) or _a_quarter_of_a_city(answer)
    )


def _a_part_names_a_place(text: str, lookups: Lookups) -> bool:
    """Whether a part of a dateline or address names a place as typed, or is a street
    with its number: then it answers, not the words of a headline ("Bergen -
    Polizeibericht aus Celle" is Bergen, "Bruchtorf, Nds." no headline on Nds.)."""
    parts = address_fields(text)
    return len(parts) > 1 and any(
        street_and_number(part) or a_place_as_typed(part, lookups.read(part)) for part in parts
    )


def told_where(text: str, lookups: Lookups, *, police: bool = False) -> Resolution | None:
    """The place a channel covers that a headline says a report happened in
    ("Großbrand in Dannenberg", "Einbruchserie bei Feuerwehren im Landkreis
    Stade"), with the rest of it as a part not found; of several, the first. A date
    with its month's name is read as no part of it first ("Einbruch im März 2025 in
    Bad Bevensen": the year is no house number, "März" no place), and so are
    times and amounts with their unit ("In Celle mit 120 km/h geblitzt"); then the
    text as typed ("Am 1. Mai in Buxtehude"); see :func:`_told_where`."""
    for reading in _readings_without_when_and_how_much(text):
        if told := _told_where(reading, lookups, police=police):
            return replace(told, query=text)
    return _told_where(text, lookups, police=police)


def _readings_without_when_and_how_much(text: str) -> list[str]:
    """The text without its month dates and measures, then without its month dates
    only, each where it differs from the text as typed."""
    undated = without_month_dates(text)
    plain = without_measures(undated or text)
    return list(dict.fromkeys(r for r in (plain, undated) if r and r != text))


def _told_where(text: str, lookups: Lookups, *, police: bool) -> Resolution | None:
    """:func:`told_where`, for one reading of the text: without its month dates, or
    as typed.

    After each "in", "bei" and the like, its words as a place would be read alone,
    the most first ("Unfall in Stade Hagen" is the Hagen in Stade). Never a place
    no channel covers: "Wohnhaus gerät in Brand" is no report from Brand in
    Bavaria. Not where the words before name a place a channel covers, or any
    place before "bei" ("Neu Wulmstorf bei Buxtehude", "Gifhorn bei Celle",
    "Neuruppin bei Berlin"), or one near the place after "in": an address may
    say so, but "Brand in Elsdorf" is a fire, as Brand lies in Bavaria; or where
    a part of a dateline or address names a place itself ("Bergen -
    Polizeibericht aus Celle" is Bergen), nor in an address with a house number
    ("Postmoor Im Winkel 40") or where the text ends in a word for a part of a
    town ("Buchholz in der Nordheide Ost").
    """
    groups = places_after_prepositions(text, police=police)
    if not groups or has_a_house_number(text):
        return None
    # "Unfall in Mitte" names Berlin's Mitte; only after a place ("Buchholz in der
    # Nordheide Ost") does the word say where in it, unless a place has the whole
    # name ("Brand in Bavendorf Bahnhof", a hamlet in Uelzen).
    last_words = groups[-1][0][0]
    if (
        names_a_part_of_town(text.split()[-1])
        and len(last_words.split()) > 1
        and not is_place(name_key(last_words))
    ):
        return None
    before = before_a_place(text, police=police)
    named_before = lookups.named(before) if before else []
    by = _what_it_lies_by(text, lookups)
    if before and is_a_small_word(before.split()[0]):
        # "in der Nähe von Celle": no "der Nähe", which keys as the Nahe. A name that
        # starts so is named in full, by the town "bei" names: "Am Subeck bei Farven"
        # is that village; "Am Damm bei Celle" a street, Am Damm lying in Stade.
        named_before = [
            m
            for m in named_before
            if spelling(m.name) == spelling(before) and by and not far_apart([m], by, km=BY_KM)
        ]
    # A place before "bei" far from every town of the name after it is no place of
    # that report: "Brand bei Celle" is a fire by Celle, Brand lying in Bavaria;
    # "Neuruppin bei Berlin" is Neuruppin.
    if by:
        named_before = [
            m for m in named_before if not far_apart([m], by, km=FAR_FROM_WHERE_SAID_KM)
        ]
    if any(m.channels for m in named_before):
        return None
    if not named_before and (guessed := _guessed_by(text, by, lookups)):
        return guessed
    if _a_part_names_a_place(text, lookups):
        return None
    prepositions = prepositions_in(text, police=police)
    opening = None
    for nth, group in enumerate(groups):
        # A sentence that starts with its place ("In Zeven wurde eingebrochen."): only
        # a place a channel covers, with the verb right after it; "Im Wald bei
        # Uelzen …" and "Bei Regen in Celle …" start with no place.
        opens = nth == 0 and not before and not police
        # "im Raum", "aus dem Bereich": a preposition with its word for an area
        with_area_word = " " in prepositions[nth]
        # The most words that name a place decide: "Rotenburg an der Fulda" is no
        # Rotenburg (Wümme), though only that one has a channel.
        told = next(
            (
                (answer, rest)
                for place, rest in (_opening_place(group, text, lookups) if opens else group)
                if (answer := _read_after_a_preposition(place, text, lookups))
                and any(_is_a_place(m) for m in answer.matches)
                # after a word for the police, only a place a channel covers; at
                # the start of a sentence, only one named first ("In Hagen wurde
                # eingebrochen." is the city)
                and (not police or answer.status == "found")
                and (not opens or answer.matches[0].channels)
                # a heading with no full stop names a town ("In Celle geblitzt"), not
                # a village alone ("In Kloster eingebrochen"), as a sentence may
                and (
                    not opens
                    or _A_SENTENCE_ENDS.search(text)
                    or _names_a_town_or_where(answer, place)
                )
                # after "Raum", "Bereich" and the like only a town, spelled as typed:
                # "im Bereich Insel" names a part of town, not Insel (Heidekreis)
                and (not with_area_word or _names_a_town(answer, place))
                # "Im" takes a district or region, not a town: "Im Heidekreis …",
                # "Im Landkreis Celle …", but "Im Bruch …" starts with no place ("Im
                # Raum Celle …" is no "Im")
                and (
                    not opens
                    or prepositions[0] != "im"
                    or answer.matches[0].kind in ("district", "region")
                )
                and not _said_to_lie_elsewhere(answer, place, group[0][0], text, lookups)
            ),
            None,
        )
        if not told:
            continue
        answer, rest = told
        # The words before are those before the first preposition: only a place
        # after that one can make them a headline's ("Königstein im Taunus bei
        # Siegen" is Königstein, by Siegen), or a later "in" after words that name no
        # place ("Brand in Wohnhaus in Stade").
        # "in" says where a thing happened, "bei" and the like what a town lies by.
        headline_words = first_preposition(text, police=police) in ("in", "im") and (
            nth == 0 or (opening is None and prepositions[nth] == "in")
        )
        # A place no channel covers only when named in full ("Einbruch in
        # Rotenburg an der Fulda"), not by a common word ("in Brand"); or when all
        # the words after "in" name it, after a place far from it ("Brand in
        # Nümbrecht": Brand lies in Bavaria; not "Brand in Nordheim v.d.Rhön").
        if not (
            answer.status == "found"
            or " " in answer.query.strip()
            or (
                named_before
                and headline_words
                and answer.query == group[0][0]
                and far_apart(named_before, answer.matches)
            )
        ):
            continue
        if named_before and (not headline_words or _an_address(named_before, answer.matches)):
            return None  # "Gifhorn bei Celle", "Bernau bei Berlin": a town by another
        # A town after the place that lies near the place answered first only says
        # where it lies ("Unfall in Bispingen Soltau"): no part not found. One far
        # from it stays a part not found ("Unfall in Bergen Siegsdorf": Bergen,
        # Celle, comes first, and Siegsdorf lies in Bavaria).
        where = group[0][0][len(answer.query) :].strip()
        if (
            where
            and rest.endswith(where)
            and (towns := lookups.named(where))
            and not far_apart(answer.matches[:1], towns)
        ):
            rest = rest[: -len(where)]
        if opening is not None and (prepositions[nth] != "in" or answer.status != "found"):
            # only a later "in" a channel covers: "In Celle kam es im Westen der
            # Stadt …" is Celle
            return opening
        if opens or with_area_word:
            # A later "in" says where rather: "Bei Geist kam es zu einem Unfall in
            # Lauenbrück" (Geist is a quarter of Münster), "Einbrüche im Bereich
            # Altstadt in Celle" (Hamburg's Altstadt); "aus" and "von" do not ("In
            # Breddorf wurde ein Mann aus Munster festgenommen").
            opening = _in_a_headline(answer, rest, text)
            continue
        return _in_a_headline(answer, rest, text)
    return opening


def _names_a_town(
    answer: Resolution, place: str, *, in_full: bool = True, in_passing: bool = False
) -> bool:
    """Whether the answer's first place is a municipality, Samtgemeinde, district or
    region, named as typed (umlauts too: "Luhe" is no Lühe), or any place named
    with the word for its kind ("Ortschaft Hermannsburg"). With ``in_full``, words
    of several count as typed ("Rotenburg an der Fulda"); without, only the name's
    own spelling ("Am Holm" names no Holm). ``in_passing`` (after "Richtung" or a
    facility's noun, in brackets), a Samtgemeinde named alone only where no other
    place has its name, as a river may too: "flüchteten Richtung Lühe" (a village in
    Jork), "Hochwasser (Aue)" (a town in Saxony), "Kanu gekentert (Ilmenau)" name
    none, "(Gellersen)" and "Richtung Samtgemeinde Lühe" their Samtgemeinde."""
    if leading_type_word(place):
        return True
    first = answer.matches[0]
    if in_passing and first.kind == "samtgemeinde" and _shares_its_name(first, answer.matches):
        return False
    spelled = {spelling(first.name), spelling(without_qualifier(first.name))}
    return first.kind in ("municipality", "samtgemeinde", "district", "region") and (
        spelling(place) in spelled or (in_full and " " in place.strip())
    )


def _shares_its_name(place: Match, matches: Iterable[Match]) -> bool:
    """Whether another of the matches has the place's name."""
    key = name_key(place.name)
    return any(m is not place and name_key(without_qualifier(m.name)) == key for m in matches)


# Kinds of place a headline names with an article: "in der Nordheide", "im Heidekreis";
# not towns ("in der Mitte der Fahrbahn" is no Berlin-Mitte) nor Samtgemeinden, which
# rivers name too ("Leiche in der Ilmenau" is no Samtgemeinde Ilmenau).
_NAMED_WITH_AN_ARTICLE = ("district", "region")


def _read_after_a_preposition(place: str, text: str, lookups: Lookups) -> Resolution | None:
    """What the words after "in", "bei" and the like in ``text`` name, as
    :func:`_read_alone` reads them. After an article only words that begin with a
    district or region a channel covers, spelled as typed ("in der Lüneburger
    Heide", "in der Lüneburger Heide bei Soltau": Soltau; "in der Nähe von Celle"
    names no Nahe), not the qualifier of a town the text names ("Buchhplz in der
    Nordheide"); a region whose adjective the preposition declined ("im Alten
    Land", "im Alten Land bei Jork")."""
    name = after_an_article(place) or place
    if is_a_small_word(name.split()[0]):
        return None
    answer = _read_alone(name, lookups)
    if answer is None:
        answer = next(
            (
                read
                for form in undeclined(name)
                if _begins_with_an_area(form, lookups) and (read := _read_alone(form, lookups))
            ),
            None,
        )
        return replace(answer, query=place) if answer and answer.status == "found" else None
    if name == place:
        return answer
    if _a_quarter_named_with_an_article(answer, name):
        return replace(answer, query=place)  # "aus dem Geistviertel"
    area = _begins_with_an_area(name, lookups)
    if answer.status != "found" or not area or _qualifies_a_town_named(text, area):
        return None
    return replace(answer, query=place)


def _a_quarter_named_with_an_article(answer: Resolution, name: str) -> bool:
    """Whether the words name, as typed, a quarter of a city whose name ends in
    "viertel", as one says "im Kreuzviertel", "aus dem Geistviertel"."""
    first = answer.matches[0] if answer.matches else None
    return (
        first is not None
        and answer.status == "found"
        and _a_quarter(first)
        and name_key(name).endswith("viertel")
        and spelling(first.name) == spelling(name)
    )


def _begins_with_an_area(name: str, lookups: Lookups) -> str | None:
    """The key of the district or region a channel covers that the words begin with,
    spelled as typed: ``Lüneburger Heide bei Soltau`` -> ``luneburger heide``."""
    words = name.split()
    for n in range(len(words), 0, -1):
        begun = " ".join(words[:n])
        read = _read_alone(begun, lookups)
        if (
            read
            and read.status == "found"
            and read.matches[0].kind in _NAMED_WITH_AN_ARTICLE
            and spelling(read.matches[0].name) == spelling(begun)
        ):
            return name_key(begun)
    return None


def _qualifies_a_town_named(text: str, key: str) -> bool:
    """Whether ``key`` qualifies the name of a town a word of the text names, maybe
    misspelt: "Buchhplz in der Nordheide" is Buchholz in der Nordheide."""
    heads = gazetteer.heads_qualified_by(key)
    return any(
        spelling_score(word, head)[0] >= FUZZY_CONFIRMED
        for word in name_key(text).split()
        for head in heads
    )


def named_in_passing(text: str, lookups: Lookups) -> Resolution | None:
    """What a text that names no place otherwise names in passing, the first that
    answers: a road's stretch (:func:`_named_as_a_stretch`), a town's adjective
    (:func:`_named_by_an_adjective`), a town after "durch" (:func:`_named_through`),
    the town a way leads to or someone was called to, or a facility after "in" and
    the like is in (:func:`_named_through` for each), a place in brackets
    (:func:`_named_in_brackets`), a village misspelt after "in" and the like before
    where it lies (:func:`_guessed_where_said`), a town before a quarter the data
    lacks (:func:`_named_before_a_quarter`). The last seven never where a place
    follows "in" and the like as typed, a channel's or not ("Lüneburger Frau in
    Hamburg überfallen")."""
    if stretch := _named_as_a_stretch(text, lookups):
        return stretch
    adjectives = town_adjectives(text)
    # Not in an address: "Fahrt durch Hauptstraße 5" names a street; "mit 120 km/h
    # durch Celle" names none.
    measured = without_measures(text) or text
    through = [] if has_a_house_number(measured) else places_through(text)
    toward = [] if _set_off_from_a_place(text, lookups) else places_toward(text)
    called_to = places_called_to(text)
    meant_for = places_for(text)
    after_a_noun = places_after_a_noun(text)
    brackets = places_in_brackets(text)
    after = places_after_prepositions(text)
    if not (
        adjectives
        or through
        or toward
        or called_to
        or meant_for
        or after_a_noun
        or brackets
        or after
    ) or _a_place_after_a_preposition(after, text, lookups):
        return None
    return (
        _named_by_an_adjective(adjectives, text, lookups)
        or _named_through(through, text, lookups)
        or _named_through(toward, text, lookups, in_passing=True)
        or _named_through(called_to, text, lookups, quarters=True)
        or _named_through(meant_for, text, lookups, in_passing=True, in_full=False)
        or _named_through(after_a_noun, text, lookups, in_passing=True)
        or _named_in_brackets(brackets, text, lookups)
        or _guessed_where_said(after, text, lookups)
        or _named_before_a_quarter(after, text, lookups)
    )


def _named_by_an_adjective(
    adjectives: list[TownAdjective], text: str, lookups: Lookups
) -> Resolution | None:
    """The town a channel covers whose adjective or genitive says where (see
    :func:`~polchan_cli.query.town_adjectives`), spelled as typed, with the rest as a
    part not found: "Einbruch in Paderborner Kindergarten", "Unbekannte zünden drei
    Pkw in Celles Innenstadt an", "Celler Polizei sucht Zeugen". The first such word
    that names a town decides: "Hamburger Polizei nimmt Celler Einbrecher fest" is
    Hamburg's, no channel's. Only a municipality, a district or a quarter of a city
    that is a district itself ("in Neuköllner Mehrfamilienhaus") and no town
    elsewhere, never a village: a word may end like one ("Offener Brief" names no
    Offen in Siegen)."""
    for adjective in adjectives:
        for answer, first in _towns_spelled_as_typed(adjective.towns, lookups):
            if first.kind in ("municipality", "district") or (
                not adjective.genitive  # "in Kempers Bäckerei" is no Kemper's
                and _a_quarter_of_a_city(answer)
            ):
                return _in_a_headline(answer, adjective.rest, text) if first.channels else None
    return None


def a_citys_by_its_adjective(text: str, lookups: Lookups) -> Resolution | None:
    """The city that is a district of its own whose adjective the text has before a
    word for the police, spelled as typed, channel or none: "Bremer Polizei" is
    Bremen's, "Hamburger Polizei" Hamburg's. Only a city: "Harburger Polizei" may be
    Landkreis Harburg's as well as Harburg (Schwaben)'s. Else None."""
    for adjective in town_adjectives(text):
        # A city's adjective may drop its name's last letter: "Bremer", of Bremen.
        towns = [*adjective.towns, *(t + "n" for t in adjective.towns if t.endswith("e"))]
        for answer, first in _towns_spelled_as_typed(towns, lookups):
            if first.kind == "district" and first.district.is_city:
                return replace(answer, query=text)
    return None


def _towns_spelled_as_typed(
    towns: Iterable[str], lookups: Lookups
) -> Iterator[tuple[Resolution, Match]]:
    """Of the towns a word may stand for, each that names a place as typed, spelled
    as the word spells it: its answer and its first match."""
    for town in towns:
        answer = _read_alone(town, lookups)
        first = answer.matches[0] if answer else None
        if first and spelling(without_qualifier(first.name)) == spelling(town):
            yield answer, first


def _named_through(
    groups: list[list[tuple[str, str]]],
    text: str,
    lookups: Lookups,
    *,
    quarters: bool = False,
    in_passing: bool = False,
    in_full: bool = True,
) -> Resolution | None:
    """The town, Samtgemeinde, district or region a channel covers that the words after
    "durch" (:func:`~polchan_cli.query.places_through`), "Richtung"
    (:func:`~polchan_cli.query.places_toward`), "nach" where someone was called
    there (:func:`~polchan_cli.query.places_called_to`) or a facility's noun after
    "in" and the like (:func:`~polchan_cli.query.places_after_a_noun`) name as
    typed, with the rest as a part not found: "Audi-Fahrer rast durch Paderborn",
    "Täter flüchten Richtung Celle", "Polizei wurde nach Neukölln gerufen", "Unfall
    im Kreisverkehr Celle". The most words that name a
    place decide ("Fahrt durch Rotenburg an der Fulda" is no Rotenburg (Wümme)), and
    the first place they name must be one a channel covers: never a village, which
    a surname, a firm or a direction may be named like ("Richtung Westen",
    "Verfolgungsjagd durch Westercelle"), nor a city a village shares its name with
    ("Raser jagt durch Hagen"). With ``quarters``, a quarter of a city that is a
    district itself too, as where someone was called to ("nach Neukölln"); for
    ``in_passing`` and ``in_full``, see :func:`_names_a_town` (after "Richtung" no
    Samtgemeinde Lühe, a river's name too; after "für" only the name's own
    spelling, "Hilfstransport für Berlin in Polen gestoppt" naming none)."""
    for group in groups:
        for place, rest in group:
            if answer := _read_after_a_preposition(place, text, lookups):
                if answer.matches[0].channels and (
                    _names_a_town(answer, place, in_full=in_full, in_passing=in_passing)
                    or (quarters and _a_quarter_of_a_city(answer))
                ):
                    return _in_a_headline(answer, rest, text)
                break
    return None


def _set_off_from_a_place(text: str, lookups: Lookups) -> bool:
    """Whether the word before "Richtung" names a place as typed, or may misspell
    one a channel covers: then the report is from there, not from where the way
    leads ("Gifhorn in Richtung Celle", "Unfall Uellzen Richtung Celle", "Stau Melbek
    in Richtung Stade": no report from Celle or Stade). Not a short word merely
    begun like one ("Stau", Staumühle), nor a word guessed as a place no channel
    covers ("Flucht", Feucht)."""
    return any(
        _is_a_place(m)
        and (
            m.match in ("exact", "variant")
            or (m.channels and (m.match != "prefix" or len(word) > _SHORT_WORD))
        )
        for word in words_before_toward(text)
        for m in lookups.read(word).matches
    )


# Letters of a word that may begin many names: "Stau" (Staumühle), "Rhae" (Rhade).
_SHORT_WORD = 4


def _a_quarter_of_a_city(answer: Resolution) -> bool:
    """Whether the answer's first place is a quarter of a city that is a district
    itself (Berlin's Neukölln, Münster's Kinderhaus), and no town of its name is."""
    return _a_quarter(answer.matches[0]) and not any(
        m.kind == "municipality" for m in answer.matches
    )


def _a_quarter(m: Match) -> bool:
    """Whether the place is a quarter of a city that is a district itself."""
    return m.kind == "locality" and m.municipality == m.district.name


def _named_in_brackets(
    brackets: list[tuple[str, str]], text: str, lookups: Lookups
) -> Resolution | None:
    """The town a channel covers that words in brackets name as typed, or any place
    with the word for its kind (see :func:`~polchan_cli.query.places_in_brackets`),
    with the rest as a part not found: "Einbruch in Osterjork (Jork)" (a street in
    Jork), "Brand in der John-Busch-Straße (OT Hehlentor)". Of several, the first;
    where the first place they name has no channel, none ("Unfall (Hamburg)").
    Never a village named alone, as words in brackets may be anything ("Zeuge
    (Horst) gesucht", "(Am Holm)": a street), nor the river or region that
    qualifies a town's name ("Kontrollwoche für Rotenburg (Wümme)" names no Wümme
    in Landkreis Harburg, "Einbruch in Winzen (Luhe)" no Lühe, "(Baden)" no Baden
    in Verden)."""
    for inside, rest in brackets:
        # "(Samtgemeinde Lühe)" names it, though "(Lühe)" only qualifies a name
        if not leading_type_word(inside) and name_key(inside) in gazetteer.qualifier_keys():
            continue
        answer = _read_alone(inside, lookups)
        if (
            answer
            and answer.status == "found"
            and answer.matches[0].channels
            and _is_a_place(answer.matches[0])
            and _names_a_town(answer, inside, in_full=False, in_passing=True)
        ):
            return _in_a_headline(answer, rest, text)
    return None


def _a_place_after_a_preposition(
    groups: list[list[tuple[str, str]]], text: str, lookups: Lookups
) -> bool:
    """Whether words after "in", "bei" and the like (``groups``, as
    :func:`~polchan_cli.query.places_after_prepositions` reads them) name a place, a
    channel's or not ("Lüneburger Frau in Hamburg überfallen")."""
    return any(
        _read_after_a_preposition(place, text, lookups) for group in groups for place, _ in group
    )


def _guessed_where_said(
    groups: list[list[tuple[str, str]]], text: str, lookups: Lookups
) -> Resolution | None:
    """The place a channel covers that the words after "in", "bei" and the like name
    misspelt before the municipality or district it lies in, named as typed, as
    those words would be read alone: "Unfall in Resotrf Lüchow-Dannenberg" is
    Restorf, "Einbruch in Imemnhof Uelzen" Immenhof. Only a place that lies where
    the words after it say, a town, Samtgemeinde or district, not a state or the
    country ("Unfall in Feld Niedersachsen" is no Felde): "Diebstahl bei Familie
    Otter" guesses nothing. Not where those words may name a city's quarter no
    channel covers, whose own parts the data lacks ("Marmtsorf Harburg" is in
    Hamburg-Harburg, no Harmstorf in Landkreis Harburg; see
    :func:`_a_quarter_of_unknown_parts`), nor where the words after them name
    another place ("Brand in Kleon Sittensen Eifelkreis Bitburg-Prüm")."""
    for group in groups:
        longest = group[0][0].split() if group else []
        for place, rest in group:
            words = place.split()
            after = longest[len(words) :]
            if len(words) < 2 or any(
                lookups.named(" ".join(after[:n])) for n in range(1, len(after) + 1)
            ):
                continue
            read = lookups.read(place)
            if read.status != "found" or read.unknown_parts or not read.matches[0].channels:
                continue
            where = keys_of_whereabouts(read.matches[0])
            for n in range(1, len(words)):
                said = " ".join(words[n:])
                places = [m for m in lookups.named(said) if _is_a_place(m)]
                if (
                    name_key(said) in where
                    and any(m.kind in _NAMED_WHERE for m in places)
                    and (
                        leading_type_word(said)  # "Landkreis Harburg" is no quarter
                        or not any(_a_quarter_of_unknown_parts(m) for m in places)
                    )
                ):
                    return _in_a_headline(read, rest, text)
    return None


def _a_quarter_of_unknown_parts(m: Match) -> bool:
    """Whether the match is a city's quarter no channel covers whose own parts the
    data lacks, as GeoNames names Hamburg's (Harburg); not one researched with its
    parts (Bremen's Osterholz, beside Landkreis Osterholz)."""
    if m.channels or not _a_quarter(m):
        return False
    return not any(
        p.source.startswith("http")
        for p in gazetteer.places_by_key(name_key(m.name))
        if p.district == m.district.key and p.name == m.name
    )


# Where a misspelt village is said to lie: "Resotrf Lüchow-Dannenberg".
_NAMED_WHERE = ("municipality", "samtgemeinde", "district")


def _named_before_a_quarter(
    groups: list[list[tuple[str, str]]], text: str, lookups: Lookups
) -> Resolution | None:
    """The town a channel covers that the words after "in" and the like name as
    typed before a hyphen and a quarter the data lacks, as reports join them:
    "Kurze Zeit später endet seine Fahrt bei Paderborn-Mönkeloh …" is Paderborn,
    with Mönkeloh not found, as "Paderborn-Mönkeloh" alone would be."""
    for group in groups:
        for place, rest in group:
            town, dash, quarter = place.partition("-")
            if not dash or " " in place:
                continue
            read = lookups.read(place)
            if (
                read.status == "found"
                and read.matches[0].channels
                and read.unknown_parts == (quarter,)
                and _names_a_town(read, town, in_full=False)
            ):
                told = _in_a_headline(read, rest, text)
                return replace(told, unknown_parts=(quarter, *told.unknown_parts))
    return None


def _named_as_a_stretch(text: str, lookups: Lookups) -> Resolution | None:
    """The places of a road's stretch "zwischen X und Y" in a text that names no place
    otherwise, both named as typed and one a place a channel covers: "Unfall auf der
    B 4 zwischen Rettmer und Lüneburg" is Rettmer, then Lüneburg. Of places sharing a
    name, those near the other end of the stretch ("zwischen Winsen und Stelle":
    Winsen (Luhe)); places a channel covers first, then in the text's order; the rest
    as a part not found. Not "zwischen Anfang und Mitte Mai", which names no Anfang."""
    between = places_between(text)
    if between is None:
        return None
    firsts, seconds = between
    start = next((read for first in firsts if (read := _read_alone(first, lookups))), None)
    end, rest = next(
        ((read, rest) for second, rest in seconds if (read := _read_alone(second, lookups))),
        (None, ""),
    )
    if start is None or end is None:
        return None
    near_start, near_end = nearest_to_each_other(start.matches, end.matches)
    named = [*near_start, *near_end]
    if not any(m.channels for m in named):
        return None
    matches = sorted(unique(named), key=lambda m: not m.channels)
    return _in_a_headline(Resolution(query=text, matches=tuple(matches)), rest, text)


# A sentence's end: "In Westercelle wurde eingebrochen."
_A_SENTENCE_ENDS = re.compile(r"[.!?]\s*$")


def _opening_place(
    group: list[tuple[str, str]], text: str, lookups: Lookups
) -> list[tuple[str, str]]:
    """Of the words after a sentence's first "In", "Im" or "Bei" (``group``, longest
    first), the most that name a place right before its verb, else before words
    and a verb, or nothing: "In Winsen (Aller) stahlen Unbekannte …" is Winsen
    (Aller), "In Stade E-Scooter gestohlen" Stade, and "In Bergen auf Rügen
    geblitzt" Bergen auf Rügen, no channel's, not the Bergen in Celle."""
    for right_before in (True, False):
        for place, rest in group:
            if _a_verb_follows(text, place, right_before=right_before) and (
                (answer := _read_after_a_preposition(place, text, lookups))
                and any(_is_a_place(m) for m in answer.matches)
            ):
                return [(place, rest)]
    return []


def _a_verb_follows(text: str, place: str, *, right_before: bool = True) -> bool:
    """Whether the place, itself without "bei", "in" and the like, is followed by a
    word in small letters and no small word of a name or heading: "In Zeven wurde
    …", not "In Linden bei Buxtehude eingebrochen". Not ``right_before``, by a
    word that is none, and one in small letters then or later: "In Stade E-Scooter
    gestohlen"."""
    following = text[text.find(place) + len(place) :].split()
    verbs = following[:1] if right_before else following
    # "In Celle nach Unfall geflüchtet", "In Stade von Auto erfasst"; "bei" and the
    # like say where the place lies ("In Linden bei Buxtehude")
    if not following:
        return False
    goes_on = not right_before and following[0] in _BEFORE_WHAT_HAPPENED
    if goes_on:
        verbs = verbs[1:]
    return (
        not is_a_preposition(place.split()[-1])  # "In Linden bei"
        and (goes_on or not is_a_linking_word(following[0]))
        and any(map(looks_like_a_verb, verbs))
        and first_preposition(place) is None
    )


# Prepositions after a heading's opening place that say what happened there.
_BEFORE_WHAT_HAPPENED = frozenset({"nach", "von", "vom"})


def _an_address(before: list[Match], after: tuple[Match, ...]) -> bool:
    """Whether a place named before "in" lies in one named after it, as an address
    says so: in its district and near it ("Nobitz in Altenburg", both Altenburger
    Land), or before its namesake ("Rohr i.NB in Rohr i.NB Kelheim"). "Brand in
    Lichtenberg" is a fire: Brand lies in Tirschenreuth, the Lichtenberg near it in
    Hof, and the others far off."""
    if _namesake_before(before, after):
        return not far_apart(before, after)
    return any(
        b.district.key == a.district.key and not far_apart([b], [a]) for b in before for a in after
    )


def _namesake_before(before: list[Match], after: Iterable[Match]) -> bool:
    """Whether a place named before a preposition has the first word of the name of
    one after it ("Rohr i.NB", "Rohr")."""
    first_words = {key.split()[0] for m in after if (key := name_key(m.name))}
    return any(key.split()[0] in first_words for m in before if (key := name_key(m.name)))


def _said_to_lie_elsewhere(
    answer: Resolution, place: str, words_after: str, text: str, lookups: Lookups
) -> bool:
    """Whether a headline's place is rather the end of a longer name, misspelt, that
    lies in the town or district the text ends with, far from the place: "Otersn im
    Sande Verden" is no Sande (Kreis Paderborn), but Otersen im Sande, Landkreis
    Verden. ``words_after`` are the preposition's words, the place first."""
    words = words_after[len(place) :].split()
    where = " ".join(words)
    key = name_key(where)
    # Only words that end the text and name a place themselves: a place is read
    # from at most four words, so words before more may begin a longer name
    # ("Landkreis Grafschaft Bentheim Grafschaft …"), and "bei Neukirchen" says
    # what a place lies by.
    headline = text.rstrip(" .,;:!?+-")
    ends = words and headline.endswith(where)
    if not ends or any(is_a_small_word(w) for w in words) or not is_place(key):
        return False
    named = [m for m in lookups.named(where) if m.kind in ("municipality", "district")]
    # A town nearby is how headlines say where ("Unfall in Bispingen Soltau",
    # "Brand in Celle Hannover"); only one far off says the place is another.
    if (
        not named
        or any(key in keys_of_whereabouts(m) for m in answer.matches)
        or not far_apart(answer.matches, named)
    ):
        return False
    before = headline[: -len(where)].split()
    if before and name_key(before[-1]) in TYPE_WORDS:
        before = before[:-1]  # "Otersne im Sande Landkreis Verden"
    there = lookups.read(f"{' '.join(before)}, {where}")
    # Only a longer name ending in the place's words, there: "Brand in Stade,
    # Lüneburg" read as Brandstade, or "Unfall bei Uelzen, Verden" as Verden
    # (Aller), says nothing of where Stade or Uelzen lies.
    ending = name_key(place).split()
    if ending and ending[-1] in TYPE_WORDS:
        ending = ending[:-1]  # "Sande Landkreis", read as Sande with its type word
    return bool(ending) and any(
        m.channels
        and key in keys_of_whereabouts(m)
        and len(name := name_key(m.name).split()) > len(ending)
        and name[-len(ending) :] == ending
        for m in there.matches
    )


def _is_a_place(m: Match) -> bool:
    """A place, not a channel, state or the country ("in de Pfalz" is no DE)."""
    return m.kind != "channel" and m.kind not in WHOLE_LAND_KINDS


def _in_a_headline(answer: Resolution, rest: str, text: str) -> Resolution:
    """The answer for the place a headline names, its other words left out."""
    rest = re.sub(r"\s+([,:;])", r"\1", " ".join(rest.split())).strip(" .,;:!?+-")
    return replace(answer, query=text, unknown_parts=(rest,) if name_key(rest) else ())


def a_place_as_typed(part: str, read: Resolution) -> bool:
    """Whether a part of an address, read as ``read``, names a place as typed: not a
    headline naming one ("Polizeibericht aus Celle"), nor a name with words after it
    that none of its places has and no river is ("Brand an Seniorenpflegeheim")."""
    if not named_as_typed(read) or read.unknown_parts:
        return False
    if (
        without_qualifier(part) == part
        or geographic_qualifier_key(part) in gazetteer.qualifier_keys()
    ):
        return True
    return any(name_key(m.name) == name_key(part) for m in read.matches)


def abbreviated(read: Resolution) -> bool:
    """Whether the answer is the one name its query abbreviates, word for word,
    the last with a full stop: "Winsen/L." is Winsen (Luhe), as the Harburg police
    head their reports."""
    names = {name_key(m.name) for m in read.matches}  # a town and its district, at most
    if not read.query.endswith(".") or len(names) != 1:
        return False
    if any(m.match != "prefix" for m in read.matches):
        return False
    words = len(name_key(read.query).split())
    return words > 1 and words == len(names.pop().split())


def _read_alone(text: str, lookups: Lookups) -> Resolution | None:
    """The answer to a text that names a place as typed with nothing left out
    ("Bergen", "Kirchlinteln-Otersen im Sande"; not "Objekte in Buxtehude"), else
    None."""
    read = lookups.read(text)
    return read if named_as_typed(read) and not read.unknown_parts else None
