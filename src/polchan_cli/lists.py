"""Several places one text names, each answered: joined, listed with commas, or side by side.

Accepts the text of a query and the registry, and where a place is to be read with the
rest of the text, a reader of a query handed in by :mod:`polchan_cli.resolve`:
:func:`places_joined` reads places a slash, "und" or "oder" joins, or a list with commas
before its "und" ("Buxtehude/Neu Wulmstorf", "Celle, Uelzen und Lüneburg - Unfälle"),
and a second name that only qualifies the first ("Hagen/Stade", "Seevetal/Hittfeld");
:func:`towns_side_by_side` towns typed with nothing between them ("Celle Uelzen",
"Unfall Celle Uelzen"); :func:`towns_listed_with_commas_alone` three or four towns with
commas only ("Celle, Uelzen, Lüneburg"). Of a name's namesakes, those that lie near the
others; a name far from them that no district has nor a channel covers is a word, not a
town of the list ("Karl, Hannover und Celle"), and is said to be left out. A name of the
list misspelt is read as alone it would be, where the name read keeps its first and last
letters and lies near the others ("Cele und Uelzen"; side by side,
:func:`towns_side_by_side_misspelt`: "Cele Uelzen"). No Typer or Rich here.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from . import gazetteer
from .addresses import with_parts_left_out
from .guesses import places_spelled_closest
from .lexicon import misspelt_search_word, says_what_happened
from .names import full_name_first, matches_named, only_a_state_or_country, where_the_type_word_asks
from .normalize import is_a_small_word, leading_type_word, name_key, spelling, typed_key
from .patterns import compiled_when_used
from .query import (
    address_fields,
    is_a_road,
    names_a_part_of_town,
    only_words_around_places,
    says_where_in_a_place,
)
from .ranking import is_a_municipality_or_city, ranked, spellings, unique
from .registry import Registry
from .resolution import Match, Resolution
from .searches import only_search_words
from .spelling import accepted, close_keys, spelling_score
from .whereabouts import far_apart, is_place, lies_in_part, names_a_land, nearest_together, states

__all__ = [
    "only_a_name",
    "places_joined",
    "towns_listed_with_commas_alone",
    "towns_side_by_side",
    "towns_side_by_side_misspelt",
]


def places_joined(
    text: str, registry: Registry, read_quietly: Callable[[str], Resolution]
) -> Resolution | None:
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
    state names are qualified by ("Bleckede/Elbe"). Of three or more, a part that
    names nothing beside two that do is left out ("Celle/Uelzen/Merlin").

    ``read_quietly`` reads a place with the rest of the text (the words after a
    spaced dash, an address's other fields), as resolve() reads a query of its own,
    with no answer where that is none.
    """
    if listed := _listed_with_commas(text):
        head, after = listed
        rest = address_fields(after)
    else:
        head, *rest = address_fields(text)

    def read_as(place: str) -> Resolution | None:
        """The text read as that one place with the rest of it, if that finds any."""
        answer = read_quietly(" - ".join([place, *rest]))
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
    # "Celle, Uelzen und Umgebung": the area around the towns, last, is none of them.
    around = towns[-1:] if len(towns) > 2 and only_search_words(towns[-1]) else []
    towns = towns[: len(towns) - len(around)]
    if len(towns) > 2:
        # "Hagen/Stade/Niedersachsen": the state only says where; a city-state is a
        # town too ("Berlin/Falkensee/Potsdam"); states alone are each asked for
        # ("Hamburg/Bremen/Niedersachsen").
        places = [part for part in towns if not only_a_state_or_country(name_key(part))]
        if any(name_key(part) not in states() for part in places):
            towns = places
    if not towns:
        return None  # "A1/A7": roads' numbers, no place
    if len(towns) == 1:
        # "Ottersberg/A1", "BAB 1/Reeßum": the town beside the road's number.
        return read_as(towns[0])
    # "Kreis Lippe" is the district, not also the village Lippe.
    named = [
        where_the_type_word_asks(_as_spelled(matches_named(part, registry), part), part)
        for part in towns
    ]
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
    # "Cele und Uelzen": a name misspelt beside those typed right is read as alone
    # it would be, where it lies near them (see near()).
    guessed: dict[int, str] = {}
    if len(towns) >= 2 and any(named):
        for i, part in enumerate(towns):
            heading, name = ("", part) if i or lead else _after_heading_words(part)
            misspelt = None if named[i] else _misspelt_town(name, registry)
            if misspelt and not _misspells_a_word_of(name, named):
                named[i], guessed[i] = misspelt
                if heading:  # "Unfall Cele/Uelzen"
                    lead, towns[0] = heading, name
    # "Celle/Uelzen/Merlin": of three or more, one part that names nothing is
    # left out where the others name places; of two, the one named reads alone.
    # Not two such ("Meyer & Söhne, Stade und Jork" names a firm).
    unnamed = {i for i, found in enumerate(named) if not found}
    if (
        len(towns) < 2
        or (unnamed and (len(towns) < 3 or len(unnamed) > 1))
        or not all(only_a_name(towns[i]) for i in unnamed)
    ):
        return None
    # "und" and "&" join two places, whatever they are.
    if len(towns) == 2 and "/" in head and _only_qualifies(towns, named):
        if guessed:
            return None  # "Hagn/Stade": a name and where it lies, read as such
        if any(_is_a_village_of(m, towns[0]) for m in named[1]):
            # "Winsen (Luhe)/OT Roydorf", "Seevetal/Hittfeld": the village, in that
            # town, as "Roydorf, Winsen (Luhe)" reads (the qualifier is kept). Not a
            # town of its district: "Celle/Winsen" is no Winsen (Aller) alone.
            return read_as(f"{towns[1]}, {towns[0]}")
        if len(towns) < len(typed):  # "Hagen/Stade/Niedersachsen" says "Hagen/Stade"
            return read_as("/".join(towns))
        return None

    def near(
        matches: list[Match], typed_as: str, misspelt: bool, drop_far_words: bool = True
    ) -> list[Match]:
        # Those in another's district, else those nearest another ("Celle, Hehlentor
        # und Neustadt": not twenty Neustadts). Measured from the names typed right,
        # where there are others: a guess moves none of them ("Illesheim/Tistedt"
        # keeps Illesheim, "Münster, Siegen und Bremer" Münster in Westfalen).
        everyone = [m for found in named if found is not matches for m in found]
        as_typed = [
            m
            for j, found in enumerate(named)
            if found is not matches and j not in guessed
            for m in found
        ]
        others = as_typed or everyone
        districts = {m.district.key for m in others}
        kept = [m for m in matches if m.district.key in districts]
        if not kept:
            # the towns of the name, not villages elsewhere ("Osterholz, Verden und
            # Rotenburg": Landkreis Osterholz, not Bremen's Osterholz); of a name
            # misspelt, no village ("Lüneburg, Heide und Hanse" is no Hansen by Uelzen)
            its_towns = [m for m in matches if m.kind in _TOWN_KINDS]
            if not its_towns and misspelt:
                return []
            its_towns = its_towns or matches
            kept = nearest_together([its_towns, others])[0]
            if far_apart(kept, others) and (
                misspelt or (drop_far_words and as_typed and _no_district_nor_channel(kept))
            ):
                # a first name or a street far from the others is no town of the
                # list ("Karl, Hannover und Celle", "Am Sande, Lüneburg und Uelzen"),
                # nor a word misspelt ("Walsrode und Sieben" is no Siegen)
                return []
        return list(ranked(full_name_first(kept, typed_as), typed_as))

    each = [
        near(matches, part, i in guessed) if matches else []
        for i, (matches, part) in enumerate(zip(named, towns, strict=True))
    ]
    if not any(each[i] for i in range(len(towns)) if i not in guessed):
        # Small places far apart, none a word beside a town: each is meant
        # ("Aufhausen/Großhabersdorf").
        each = [
            near(matches, part, i in guessed, drop_far_words=False) if matches else []
            for i, (matches, part) in enumerate(zip(named, towns, strict=True))
        ]
    if any(not each[i] for i in guessed):
        return None  # no guess at a village elsewhere, nor at a town far off
    if unnamed and not all(each[i] for i in range(len(towns)) if i not in unnamed):
        return None  # a name far off beside one the data lacks: no list of towns
    # A name left out ("Karl" of "Karl, Hannover und Celle") is none of the places
    # listed, but a part the answer leaves out.
    # As typed, without the colon a dateline ends with ("Buchholz:").
    listed = [guessed.get(i, part.rstrip(":;")) for i, part in enumerate(towns) if each[i]]
    # Words read around places are understood, not names left out ("Celle/Uelzen/
    # Landkreis", "Region/Eldingen/Hambühren").
    left_out = [
        part for i, part in enumerate(towns) if not each[i] and not only_words_around_places(part)
    ]
    answer = Resolution(
        query=text,
        matches=unique(m for matches in each for m in matches),
        places_named=tuple(listed) if len(listed) > 1 else (),
        respelled=tuple((towns[i], name) for i, name in guessed.items()),
        unknown_parts=tuple(left_out),
    )
    if rest:
        # The list is one part of the text, however its commas wrote it: "Celle,
        # Uelzen und Merlin - Unfall" leaves out Merlin and Unfall, not 'Uelzen und
        # Merlin' too.
        as_parts = replace(answer, query=" - ".join([head, *rest]))
        narrowed = replace(with_parts_left_out(as_parts, read_quietly), query=text)
        answer = _narrowed_where_it_fits(answer, narrowed, each)
    if lead or trail:
        left_out = (lead, *answer.unknown_parts, trail)
        answer = replace(answer, unknown_parts=tuple(part for part in left_out if part))
    if around:
        left_out = sorted((*answer.unknown_parts, *around), key=text.find)
        answer = replace(answer, unknown_parts=tuple(left_out))
    return answer


def _narrowed_where_it_fits(
    answer: Resolution, narrowed: Resolution, each: list[list[Match]]
) -> Resolution:
    """The list's answer narrowed to where the rest of the text says it lies, but
    for the names of the list none of whose places lie there, kept as they were:
    where it lies says where the others are ("Celle und Ebstorf, Kreis Uelzen" is
    Celle, and Ebstorf in Kreis Uelzen), not that a name typed is none."""
    kept = set(narrowed.matches)
    if kept == set(answer.matches) or not kept:
        return narrowed
    outside = [found for found in each if found and not kept.intersection(found)]
    if not outside:
        return narrowed
    kept.update(m for found in outside for m in found)
    return replace(
        narrowed,
        matches=tuple(m for m in answer.matches if m in kept),
        places_named=answer.places_named,
        respelled=answer.respelled,
    )


def only_a_name(part: str) -> bool:
    """Whether a part of a list (or what follows a slash) reads as a name the data
    lacks, to be said to be left out: letters alone ("Merlin", "Dallgow"), none of
    its words a place, nor a street ("Uelzen vom 12.05.2024", "Berlin-Charlottenburg:
    Einbrüche", "Am Markt" are more than a name), nor a word for what happened or
    one a search adds ("Festnahme", "heute": a heading's)."""
    words = re.split(r"[\s-]+", part.strip())
    return (
        all(c.isalpha() or c in " -.'" for c in part)
        and not says_where_in_a_place(part)
        and not any(map(says_what_happened, words))
        and not only_search_words(part)
        and not any(is_place(name_key(word)) for word in words)
    )


def _no_district_nor_channel(matches: list[Match]) -> bool:
    """Whether no place of a name is a district or city, nor covered by a channel,
    as with a name that a word or a first name has too ("Karl", "Heide"); never
    "Hamburg" or "Soltau", which a reader lists beside another town however far."""
    return not any(m.kind == "district" or m.channels for m in matches)


def _towns_typed_in(part: str, registry: Registry, first: bool) -> list[str]:
    """The names of the towns a part of a list names side by side ("Celle Uelzen"),
    the first with a heading's words before it ("Unfall Celle", read on as a
    heading), else the part itself."""
    if not part or matches_named(part, registry):
        return [part]
    side_by_side = towns_side_by_side(part, registry) or towns_side_by_side_misspelt(part, registry)
    if side_by_side is None or (side_by_side.unknown_parts and not first):
        return [part]
    # As typed: a misspelt one is guessed again as a name of the list ("Cele").
    as_typed = {read: typed for typed, read in side_by_side.respelled}
    head, *runs = [as_typed.get(run, run) for run in side_by_side.places_named]
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
        if not is_place(name_key(rest)) and (found := matches_named(named, registry)):
            return rest, named, found
    return None


def _is_a_village_of(m: Match, town: str) -> bool:
    """Whether the match is a village (Ortsteil or former municipality) of the town."""
    if m.kind not in ("locality", "former_name"):
        return False
    return name_key(m.municipality or "") == name_key(town)


# Between two places a text names: a slash, "und", or one of them ("Celle oder
# Uelzen", "Celle bzw. Uelzen", "Celle + Uelzen"), as either may be the reader's.
_JOINED = compiled_when_used(
    r"\s*/\s*|\s+\+\s+|\s+(?:und|&|oder|sowie|bzw\.|beziehungsweise)\s+", re.IGNORECASE
)


def _only_qualifies(typed: list[str], named: list[list[Match]]) -> bool:
    """Whether the second of two joined names only qualifies the first (see
    places_joined): "Hagen/Stade", "Bleckede/Elbe"."""
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
    return key in gazetteer.qualifier_keys() or only_a_state_or_country(key)


def towns_side_by_side(
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
    if (side_by_side := _side_by_side_words(text)) is None:
        return None
    words, lead = side_by_side
    as_typed = _named_as_typed_by(registry)
    for parts in range(2, _MOST_TOWNS_SIDE_BY_SIDE + 1):
        read = [
            (runs, found)
            for runs in _ways(words, parts)
            if all(found := _towns_of_each(runs, registry, [as_typed(run) for run in runs]))
        ]
        if read:
            # Read two ways, the text says neither: not guessed at.
            if len(read) > 1:
                return None
            runs, found = read[0]
            return _towns_answered(text, runs, found, near_only=near_only, lead=lead)
    return None


def _side_by_side_words(text: str) -> tuple[list[str], list[str]] | None:
    """The text's words after a heading's words for what happened and small words
    before them ("Unfall in Celle Uelzen"), and those words; None where they are
    too few or too many to name towns side by side, or not all plain words
    ("Lüneburg, Celle", "Uelzen (Ilmenau)" are read as fields, qualifiers). Towns a
    hyphen joins as a route names them are words of their own ("Celle-Uelzen",
    "Unfall Lüneburg-Uelzen"), where they name no place together ("Döhren-Wülfel")."""
    words = text.split()
    if (
        "-" in words[-1]
        and not is_place(name_key(words[-1]))
        and all(says_what_happened(word) or is_a_small_word(word) for word in words[:-1])
    ):
        words = [*words[:-1], *(word for word in words[-1].split("-") if word)]
    lead = []
    while len(words) > 2 and (says_what_happened(words[0]) or is_a_small_word(words[0])):
        lead.append(words.pop(0))
    if not 2 <= len(words) <= _MOST_WORDS_SIDE_BY_SIDE or not all(map(_a_plain_word, words)):
        return None
    return words, lead


def _ways(words: list[str], parts: int) -> list[list[str]]:
    """Each way the words fall into ``parts`` runs that may each name a town."""
    splits = itertools.combinations(range(1, len(words)), parts - 1)
    each = ([" ".join(words[i:j]) for i, j in _runs(cuts, len(words))] for cuts in splits)
    return [runs for runs in each if all(_may_name_a_town(run) for run in runs)]


def _named_as_typed_by(registry: Registry) -> Callable[[str], list[Match]]:
    """:func:`_spelled_as_typed_first` on the registry, each run looked up once: the
    ways words fall into runs share most of them (an 8-word text has 36 runs in
    434 places)."""
    return functools.cache(functools.partial(_spelled_as_typed_first, registry=registry))


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


def towns_listed_with_commas_alone(text: str, registry: Registry) -> Resolution | None:
    """Two to four towns listed with commas alone, each a town as typed (see
    :func:`_towns_of_each`), where the address reading found one not to lie in
    another: "Celle, Uelzen, Lüneburg", "Lüneburg, Celle"; else None."""
    fields = [field.strip() for field in text.split(",")]
    words = [word for field in fields for word in field.split()]
    if not 2 <= len(fields) <= _MOST_TOWNS_SIDE_BY_SIDE or not all(map(_a_plain_word, words)):
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
        or only_a_state_or_country(key)
        or key in gazetteer.qualifier_keys()
    )


def _towns_of_each(
    runs: list[str], registry: Registry, named: list[list[Match]] | None = None
) -> list[list[Match]]:
    """For each run, the places it names as typed (or ``named``, where given) that
    may be meant beside the others (see :func:`towns_side_by_side`); an empty list
    where none is."""
    if named is None:
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
    """The places the words name as typed (see :func:`_as_spelled`)."""
    named = [m for m in matches_named(run, registry) if m.match in ("exact", "variant")]
    return _as_spelled(named, run)


def _as_spelled(matches: list[Match], typed: str) -> list[Match]:
    """Of the matches, those spelled as typed where there are any and the words have
    an umlaut: "Münster" is the city, not Munster in the Heidekreis; "munster" may
    be either, as phones leave umlauts out."""
    if typed.isascii():
        return matches
    as_typed = spelling(typed)
    return [m for m in matches if as_typed in spellings(m.name)] or matches


def _misspelt_town(run: str, registry: Registry) -> tuple[list[Match], str] | None:
    """The places a name that names none as typed misspells, of the one name the
    spelling search reads it as alone ("Cele": Celle), and that name; None where
    it is read as none, is shorter than a guess is made for, or misspells a word
    for what happened or one a search adds ("Unfal", "aktuel"). Beside other
    names a word is as likely as a typo, and a typo seldom hits a name's first or
    last letter: none where the name read begins or ends with another letter
    ("Darum" is no Barum, "Merlin" no Berlin, "Bernd" no Berne, "Gerda" no
    Gerdau)."""
    key = name_key(run)
    if (
        len(key) < _LEAST_LETTERS_GUESSED
        or misspelt_search_word(run)
        or matches_named(run, registry)
    ):
        return None
    guess = places_spelled_closest(run, key, registry)
    if guess.fuzzy_for is None:
        return None
    # The name as its key was read: "Bucholz" read as "buchholz", the key of
    # Buchholz in der Nordheide without its qualifier.
    read = next(
        (
            k
            for k, *_ in close_keys(key, typed_key(run))
            if any(p.name == guess.fuzzy_for for p in gazetteer.places_by_key(k))
        ),
        name_key(guess.fuzzy_for),
    )
    if read[:1] != key[:1] or read[-1:] != key[-1:]:
        return None
    return list(guess.named()), guess.fuzzy_for


def _after_heading_words(part: str) -> tuple[str, str]:
    """A part's words for what happened and small words before the rest, and the
    rest: "Unfall in Cele" -> ("Unfall in", "Cele")."""
    words = part.split()
    heading = []
    while len(words) > 1 and (says_what_happened(words[0]) or is_a_small_word(words[0])):
        heading.append(words.pop(0))
    return " ".join(heading), " ".join(words)


def _misspells_a_word_of(part: str, named: list[list[Match]]) -> bool:
    """Whether the part misspells a word of a name of those named: "Ester" of
    "Wünschendorf/Ester" is the rest of Wünschendorf/Elster's name, not Bad Elster."""
    key = name_key(part)
    words = {name_key(word) for found in named for m in found for word in _WORDS.findall(m.name)}
    return any(
        accepted((word, score, -minus_edits))
        for word in words
        for score, minus_edits in [spelling_score(key, word)]
    )


_WORDS = compiled_when_used(r"[^\W\d_]+")


# A name of fewer letters is guessed at in a list no more than alone: one letter off
# four is no close spelling ("Cele" is Celle's five less one).
_LEAST_LETTERS_GUESSED = 4


def towns_side_by_side_misspelt(text: str, registry: Registry) -> Resolution | None:
    """Towns typed side by side (see :func:`towns_side_by_side`) of which one is
    misspelt, read as alone it would be ("Cele Uelzen", "Jork Buxtehde"), where
    the words fall one way only into runs that each name a town, that one misspelt
    and covered by a channel, and it lies near the others; else None."""
    if (side_by_side := _side_by_side_words(text)) is None:
        return None
    words, lead = side_by_side
    as_typed = _named_as_typed_by(registry)
    for parts in range(2, _MOST_TOWNS_SIDE_BY_SIDE + 1):
        read = []
        for runs in _ways(words, parts):
            named = [as_typed(run) for run in runs]
            if sum(not matches for matches in named) != 1:
                continue
            i = next(i for i, matches in enumerate(named) if not matches)
            if (misspelt := _misspelt_town(runs[i], registry)) is None:
                continue
            named[i], name = misspelt
            # With nothing between them, a word beside a town is as likely as a
            # misspelt name: only a town with a channel is guessed ("Hafen Barum" is
            # no Hagen, a village by Barum; "Schule Dahlem" no Schuld in the Eifel).
            named[i] = [m for m in named[i] if m.kind in _TOWN_KINDS and m.channels]
            if all(found := _towns_of_each(runs, registry, named)):
                read.append((runs, found, i, name))
        if read:
            if len(read) > 1:
                return None  # read two ways, the text says neither
            runs, found, i, name = read[0]
            answer = _towns_answered(text, runs, found, near_only=True, lead=lead)
            if answer is None:
                return None
            return replace(
                answer,
                places_named=(*runs[:i], name, *runs[i + 1 :]),
                respelled=((runs[i], name),),
            )
    return None


# The kinds of place a name may stand for alone beside another: a town, not a
# village elsewhere ("Kloster Medingen" is no hamlet Kloster in Lüchow-Dannenberg).
_TOWN_KINDS = frozenset({"municipality", "samtgemeinde", "district"})
