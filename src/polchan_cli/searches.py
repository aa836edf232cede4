"""The words a search adds around a place, which say nothing of where ("Celle aktuell").

Accepts the text of a query as :mod:`polchan_cli.resolve` reads it whole, and a reader
of a query handed in by it (the resolver calls this module and this module calls back,
so the resolver hands its reading in rather than being imported):
:func:`read_without_search_words` reads "Celle aktuell" or "Blaulicht Lüneburg heute" as
the place, those words left out; :func:`read_respelled` reads "Celle aktuel" or "Unfal
Celle" with those words, or those for what happened, spelled as meant; and
:func:`only_search_words` says whether a piece of text is only such words. Which words
they are is :mod:`polchan_cli.lexicon`'s and :mod:`polchan_cli.query`'s job. No Typer
or Rich here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import gazetteer
from .normalize import name_key
from .query import (
    MOST_WORDS_OF_A_PLACE,
    QueryError,
    beside_an_event_word,
    press_code_in,
    respelled_search_words,
    without_search_words,
)
from .registry import Registry
from .resolution import Resolution
from .spelling import close_keys
from .whereabouts import is_place, only_says_where

__all__ = ["Search", "only_search_words", "read_respelled", "read_without_search_words"]


@dataclass(frozen=True)
class Search:
    """A search's words read without those it adds: the answer to the rest (its
    query the rest), and that answer with those words left out too."""

    rest: Resolution
    answer: Resolution


def read_without_search_words(text: str, read_whole: Callable[[str], Resolution]) -> Search | None:
    """A search's few words read without those that say nothing of where, which
    are left out: "Celle aktuell", "Blaulicht Lüneburg heute", "Unfall Uelzen
    gestern Abend"; None where the rest finds and offers nothing, or is longer than
    a search is: a headline's sentence is read whole ("Polizei sucht seit gestern
    …"), and so is a press release's heading ("POL-LG: Presseportal …").
    ``read_whole`` reads the rest as resolve() reads a whole query, raising
    QueryError where it is none."""
    searched = without_search_words(text)
    if searched is None or press_code_in(text):
        return None
    rest, words = searched
    if not name_key(rest) or len(rest.split()) > _MOST_WORDS_OF_A_SEARCH:
        return None
    try:
        read = read_whole(rest)
    except QueryError:
        return None  # "Stau/heute": no place in the rest
    if not (read.matches or read.suggestions):
        return None
    left_out = sorted((*read.unknown_parts, *words), key=lambda part: text.find(part.split()[0]))
    return Search(read, replace(read, unknown_parts=tuple(left_out)))


def read_respelled(
    text: str, registry: Registry, read: Callable[[str], Resolution]
) -> Resolution | None:
    """The text read with the words a search adds, and those for what happened, that
    it misspells spelled as meant, those words named as left out as typed ("Celle
    aktuel", "Unfal Celle", "Lunebrug aktuel"); None where that finds nothing, or
    only the state or the country the rest names: "Herte Niedersachsen" is no
    "heute" beside the state's channels, but Heerte misspelt. ``read`` reads the
    text so respelled as resolve() reads a query, without respelling it again,
    raising QueryError where it is none."""
    may_be_a_place = functools.partial(_may_be_a_covered_place, registry=registry)
    respelling = respelled_search_words(text, may_be_a_place)
    if respelling is None or press_code_in(text):
        return None
    respelled, words = respelling
    try:
        answer = read(respelled)
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


def only_search_words(text: str) -> bool:
    """Whether the text is only words a search adds that say nothing of where."""
    searched = without_search_words(text)
    return searched is not None and not name_key(searched[0])


# The most words a search's rest may have to be read without its search words:
# a place's (MOST_WORDS_OF_A_PLACE) and a word for what happened.
_MOST_WORDS_OF_A_SEARCH = MOST_WORDS_OF_A_PLACE + 1
