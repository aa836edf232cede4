"""The spelling search: the names spelled closest to a misspelt one, and how close.

Accepts a name key (see :mod:`polchan_cli.normalize`) and, optionally, the same
name keyed with ``ae``/``oe``/``ue`` left as typed and ``ß`` as one letter of its
own (:func:`~polchan_cli.normalize.typed_key`). Returns candidate keys of the
bundled gazetteer with a score: 100 × (1 − edits / length of the longer), an
edit being a letter left out, added or changed, or two letters swapped, as
people mistype. :func:`accepted` says whether a candidate is close enough to be
read as the place; the ``FUZZY_*`` thresholds say the rest. No Typer, Rich or
registry here: which place a key names is :mod:`polchan_cli.resolve`'s job.
"""

from __future__ import annotations

import functools
import math

from . import gazetteer
from .normalize import sharp_s_as_s, sharp_s_as_ss, typed_key

__all__ = [
    "FUZZY_ACCEPT",
    "FUZZY_ACCEPT_FAR",
    "FUZZY_CONFIRMED",
    "FUZZY_SUGGEST",
    "accepted",
    "close_keys",
    "spelling_score",
]

FUZZY_ACCEPT = 80.0  # one edit, at or above: a result ("showing results for …")
FUZZY_ACCEPT_FAR = 85.0  # more edits, at or above: a result
FUZZY_SUGGEST = 60.0  # at or above: offered as "did you mean …?" only
FUZZY_CONFIRMED = 70.0  # at or above, and lying where the query says: a result
_ROUGH_CUTOFF = 55.0  # the cheaper first pass (InDel ratio) that finds the candidates
_ROUGH_LIMIT = 40
_SPELLED_LIMIT = 10  # candidates whose names are spelled out when a query has ae/oe/ue


def close_keys(key: str, typed: str = "") -> list[tuple[str, float, int]]:
    """(key, score, edits) of name keys spelled like ``key``, closest first.

    Down to FUZZY_SUGGEST, at most eight. A swapped pair or a changed letter is one
    edit, so "Lunesn" is as close to Lunsen as to Lünen, and "Cele" one edit from
    Celle. ``typed`` (:func:`~polchan_cli.normalize.typed_key`) is scored too, so
    a typo that made an ``ae`` by accident ("Paerborn") stays one edit away.
    rapidfuzz's InDel ratio, cheaper, picks the candidates first.
    """
    # A copy: the answer is memoised, and a caller may change its list.
    return list(_close_keys(key, typed))


# A batch asks for the same misspelt words again and again (a street, "Einbruch",
# "Unfal" beside many places): the answer depends only on the two keys and the
# bundled gazetteer, and its search is most of a misspelt query's time.
@functools.lru_cache(maxsize=4096)
def _close_keys(key: str, typed: str) -> tuple[tuple[str, float, int], ...]:
    from rapidfuzz import fuzz, process

    # As typed, a "ß" is one letter (a moved one is one slip) and no "s"; a name
    # spelled "ss" is compared with it written so.
    forms = tuple(dict.fromkeys([key] + [f for f in (typed, sharp_s_as_ss(typed)) if f]))
    # A score of FUZZY_SUGGEST allows that share of the longer name's letters to
    # differ, and no more: names much shorter or longer need not be compared.
    share = FUZZY_SUGGEST / 100
    shortest = min(math.ceil(len(form) * share) for form in forms)
    longest = max(math.floor(len(form) / share) for form in forms)
    choices = gazetteer.keys_of_lengths(shortest, longest)
    rough = process.extract(
        key, choices, scorer=fuzz.ratio, limit=_ROUGH_LIMIT, score_cutoff=_ROUGH_CUTOFF
    )
    candidates = [candidate for candidate, _, _ in rough]
    # One call per form, not one per candidate: the same OSA distances, in C.
    edits_by_form = [_edits(form, candidates) for form in forms]
    scored = []
    looked_up = 0
    # Best InDel ratio first: ties keep that order.
    for candidate, *edits in zip(candidates, *edits_by_form, strict=True):
        score, minus_edits = max(
            _score(form, candidate, e) for form, e in zip(forms, edits, strict=True)
        )
        if typed and typed != key and score < FUZZY_ACCEPT_FAR and looked_up < _SPELLED_LIMIT:
            # Keys fold "ue" to "u" in names too: "Neuenhäusen" keys as "neunhausen",
            # so "Neuenhasuen" (two letters swapped) is one edit from the name as
            # spelled, not from its key.
            looked_up += 1
            # A name's ß may be typed as ß, ss or s ("Haaesl" is one slip from Haaßel).
            names = {typed_key(p.name) for p in gazetteer.places_by_key(candidate)}
            spelled = {form(n) for n in names for form in (str, sharp_s_as_ss, sharp_s_as_s)}
            score, minus_edits = max(
                [(score, minus_edits)] + [spelling_score(typed, n) for n in spelled]
            )
        if score >= FUZZY_SUGGEST:
            scored.append((candidate, score, -minus_edits))
    scored.sort(key=lambda c: -c[1])
    return tuple(scored[:8])


def spelling_score(typed: str, name: str) -> tuple[float, int]:
    """(score, −edits): 100 × (1 − edits / length of the longer), as FUZZY_* measure."""
    from rapidfuzz.distance import OSA

    return _score(typed, name, OSA.distance(typed, name))


def _score(typed: str, name: str, edits: int) -> tuple[float, int]:
    return 100.0 * (1 - edits / max(len(typed), len(name))), -edits


def _edits(typed: str, names: list[str]) -> list[int]:
    """OSA distances from ``typed`` to each of ``names``, in their order."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    edits = [0] * len(names)
    for _, distance, i in process.extract(typed, names, scorer=OSA.distance, limit=None):
        edits[i] = int(distance)
    return edits


def accepted(candidate: tuple[str, float, int]) -> bool:
    """Whether a spelling is close enough to be read as the place, not only offered."""
    _, score, edits = candidate
    return score >= FUZZY_ACCEPT_FAR or (edits <= 1 and score >= FUZZY_ACCEPT)
