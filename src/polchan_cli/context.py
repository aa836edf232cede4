"""A place named with where it lies, as the rest of the text says it.

Accepts the text of a query and its readings (:class:`~polchan_cli.query.Reading`: a
head and the keys of the words around it), each with the places its head names:
:func:`named_in_context` gives the place that lies where most of the rest says
("Westercelle, Celle", "Hagen, Landkreis Stade"), :func:`guessed_in_context` a begun or
misspelt one the rest confirms ("Hamburg Altona", "Celle Westercele"),
:func:`lying_where_misspelt` one beside a misspelling of where it lies
("Kirchlintln-Otersen"), :func:`said_with_its_state` the place the words beside a state
name ("Stade Hagen Nds"), and :func:`nearest_what_it_lies_by` namesakes nearest the town
after "bei" first ("Winsen bei Hamburg"). Whether a place lies where a word says is
:mod:`polchan_cli.whereabouts`' job. No Typer or Rich here.
"""

from __future__ import annotations

from collections.abc import Callable

from . import gazetteer
from .addresses import (
    AREA_KINDS,
    address_roles,
    lies_in_one_spelled_like,
    of_those_lying_in,
    only_districts_beside,
    reads_as_a_street,
)
from .guesses import PREFIX_MIN, guessed_name
from .names import matches_named
from .normalize import TYPE_WORDS, name_key, typed_key
from .query import Reading, around_bei, names_a_part_of_town, report_after_dateline
from .ranking import ranked
from .registry import Registry
from .resolution import WHOLE_LAND_KINDS, Match, Resolution, place_match
from .spelling import FUZZY_CONFIRMED, accepted, close_keys
from .whereabouts import (
    BY_KM,
    WHEREABOUTS_VIA,
    far_apart,
    is_place,
    keys_of_whereabouts,
    lying_where_said,
    nearest_to_each_other,
    only_says_where,
    states,
)

__all__ = [
    "CONTEXT_PREFIX_LIMIT",
    "guessed_in_context",
    "lying_where_misspelt",
    "named_in_context",
    "nearest_what_it_lies_by",
    "said_with_its_state",
]

CONTEXT_PREFIX_LIMIT = 500  # a begun name with where it lies: places searched for one there


def lying_where_misspelt(text: str, named: list[tuple[Reading, list[Match]]]) -> Resolution | None:
    """A place named beside a misspelling of where it lies, as addresses join a
    village to its municipality: "Kirchlintln-Otersen" is Otersen in Kirchlinteln,
    "Berin-Adlershof" Adlershof in Berlin, "Metzingen, Göhdre" the Metzingen in
    Göhrde. Only the places that lie in a municipality, Samtgemeinde or district
    spelled so, never a piece of an unknown name that happens to exist, nor for a
    word that is a place, a state, a type word or a part of town itself. ``named``
    is each reading of the text with the places its head names as typed."""
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
        there = [m for m in found if m.kind != "channel" and lies_in_one_spelled_like(m, where)]
        if there:
            return Resolution(query=text, matches=ranked(there, reading.head))
    return None


def said_with_its_state(
    cuts: list[Reading], read_quietly: Callable[[str], Resolution]
) -> Resolution | None:
    """The answer for the words before or after a state or the country, of the
    places that lie there: "Stade Hagen Nds", "Deutschland Celle Westercelle".
    ``cuts`` are the text's readings; ``read_quietly`` reads a reading's head as
    resolve() reads a query of its own, with no answer where it is none."""
    for reading in cuts:
        if reading.how != "words" or not all(only_says_where(k) for k in reading.context):
            continue
        answer = read_quietly(reading.head)
        if located := of_those_lying_in(answer, reading.context):
            return located
    return None


def named_in_context(
    text: str, named: list[tuple[Reading, list[Match]]], registry: Registry
) -> Resolution | None:
    """A place named with where it lies: "Westercelle, Celle", "Hagen Stade".

    Of places that lie where the rest says, those that lie where most of it says:
    "Hagen, Landkreis Stade, Niedersachsen" is the Hagen in Stade, not every Hagen
    in Niedersachsen; in a row, the part that most of the others fit ("Winkel;
    Lindenweg 2; Jork; Landkreis Stade": Jork, not Winkel in Landkreis Verden).

    ``named`` is each reading of the text with the places its head names as typed.
    """
    best: tuple[tuple[int, bool, bool], Reading, list[Match]] | None = None
    is_addressee, is_street = address_roles(text)
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
            if via == "former_name" and _lies_by_not_in(text, reading):
                # "Altenhagen bei Nienhagen" is Altenhagen by Nienhagen, not the
                # Nienhagen of the district a former village Altenhagen lies in.
                continue
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


def guessed_in_context(
    text: str, named: list[tuple[Reading, list[Match]]], registry: Registry
) -> Resolution | None:
    """A begun or misspelt place with where it lies: "Hamburg Altona", "Celle Westercele".

    Where it lies confirms the guess, so a guess may be spelled further off than
    one standing alone (``FUZZY_CONFIRMED``: "Bomlitz Arhsen" is Ahrsen); a guess
    that lies elsewhere is no answer.

    ``named`` is each reading of the text with the places its head names as typed
    (a head that names some is guessed at too: "Boeke, Stoetze").
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
        if found and only_districts_beside(text, reading):
            # A name found elsewhere is taken for a typo only beside a town: a
            # whole district holds too many names one letter off ("Gledeberg,
            # Landkreis Lüneburg" is Gledeberg, not Kreideberg there).
            continue
        if names_a_part_of_town(reading.head) or not wheres:
            continue
        if any(m.kind in AREA_KINDS and m.channels for m in found):
            # A town a channel covers, named rightly beside the wrong district, is
            # no typo ("Celle, Landkreis Harburg" is no Welle); a namesake far off
            # is ("Bosel, Soltau" is Bostel there, not Bösel in Cloppenburg).
            continue
        if reading.how == "fields" and reads_as_a_street(reading.head):
            continue  # a street ("Am Sande, Stade" is no Sunde)
        if _lies_by_not_in(text, reading):
            continue
        lies_by = _town_it_lies_by(text, reading)
        if lies_by and _one_lies_by_it(found, text, registry):
            # The name as typed lies by the town "bei" names: "Borg bei Rätzlingen"
            # is Borg by the Rätzlingen in Uelzen, not Born in the one in Börde.
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


def _one_lies_by_it(found: list[Match], text: str, registry: Registry) -> bool:
    """Whether a place found lies by one the words after "bei" name (within
    ``BY_KM``)."""
    return bool(found) and not far_apart(found, _what_it_lies_by(text, registry), km=BY_KM)


def _what_it_lies_by(text: str, registry: Registry) -> list[Match]:
    """The places the words after "bei" name (no channel, state or the country)."""
    around = around_bei(text)
    if around is None:
        return []
    return [
        m
        for m in matches_named(around[1], registry)
        if m.kind != "channel" and m.kind not in WHOLE_LAND_KINDS
    ]


def _an_abbreviation(word: str) -> bool:
    """Whether a word of three letters or fewer opens in small letters, as an
    abbreviation does ("idN", in der Nordheide), not a misspelt name ("Bül" for
    Bühl)."""
    return sum(c.isalpha() for c in word) < 4 and not word[:1].isupper()


def nearest_what_it_lies_by(
    text: str, matches: tuple[Match, ...], registry: Registry
) -> tuple[Match, ...]:
    """Namesakes with those nearest the place after "bei" first: "Winsen bei
    Hamburg" is Winsen (Luhe), then Winsen (Aller); else as ranked."""
    if len(matches) < 2:
        return matches
    what = _what_it_lies_by(text, registry)
    if not what:
        return matches
    near, _ = nearest_to_each_other(matches, what)
    return (*near, *(m for m in matches if m not in near))


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
