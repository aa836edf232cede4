"""patterns: a regular expression compiled when first used answers as re.compile's does."""

from __future__ import annotations

import copy
import pickle
import re
import subprocess
import sys

import pytest

from polchan_cli import lexicon, query
from polchan_cli.patterns import _PatternWhenUsed, compiled_when_used

# Each pattern of the query modules once ("query" imports SEARCH_WORDS from lexicon).
QUERY_PATTERNS = {
    id(value): value
    for module in (query, lexicon)
    for value in vars(module).values()
    if isinstance(value, _PatternWhenUsed)
}


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_pattern_compiled_when_used_answers_as_the_compiled_one(flags):
    text = "Unfall in Celle, Unfall in STADE"
    lazy, eager = compiled_when_used(r"in (\w+)", flags), re.compile(r"in (\w+)", flags)
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.sub("at X", text) == eager.sub("at X", text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.fullmatch("in Celle") is not None
    assert (lazy.pattern, lazy.flags) == (eager.pattern, eager.flags)


def test_its_text_is_read_without_compiling_it():
    # Patterns are built from others' text ("…|{_ROAD.pattern}"): that must not
    # compile them. An invalid pattern shows when it is compiled, on first use.
    broken = compiled_when_used(r"(unclosed")
    assert broken.pattern == "(unclosed"
    with pytest.raises(re.error):
        broken.search("x")


@pytest.mark.parametrize("used", [False, True])
def test_a_copy_or_a_pickle_is_the_same_pattern(used):
    # Found in review: a copy or an unpickled pattern looked itself up without end.
    pattern = compiled_when_used(r"cel+e", re.IGNORECASE)
    if used:
        pattern.search("")
    for other in (copy.copy(pattern), copy.deepcopy(pattern), pickle.loads(pickle.dumps(pattern))):
        assert other.findall("Celle, CELE") == ["Celle", "CELE"]


def test_every_pattern_of_the_query_modules_compiles():
    # Found in review: a mistake in one no longer fails at import, so every test
    # would pass until a query reached it (an internal error, exit 70).
    assert len(QUERY_PATTERNS) == 65
    for pattern in QUERY_PATTERNS.values():
        re.compile(pattern.pattern, pattern.flags)


def test_importing_the_query_modules_compiles_none_of_their_patterns():
    # What keeps the start of `polchan find 29221` short: the 65 patterns for
    # headlines and searches are compiled only when a query needs them.
    probe = (
        "import polchan_cli.query as q, polchan_cli.lexicon as l\n"
        "from polchan_cli.patterns import _PatternWhenUsed as P\n"
        "found = {id(v): v for m in (q, l) for v in vars(m).values() if isinstance(v, P)}\n"
        "print(len(found), sum('_compiled' in vars(v) for v in found.values()))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["65", "0"]
