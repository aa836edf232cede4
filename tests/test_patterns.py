"""patterns: a regular expression compiled when first used answers as re.compile's does."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from polchan_cli.patterns import compiled_when_used


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_pattern_compiled_when_used_answers_as_the_compiled_one(flags):
    text = "Unfall in Celle, Unfall in STADE"
    lazy, eager = compiled_when_used(r"in (\w+)", flags), re.compile(r"in (\w+)", flags)
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.sub("at X", text) == eager.sub("at X", text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.fullmatch("in Celle") is not None
    assert (lazy.pattern, lazy.flags & re.IGNORECASE) == (
        eager.pattern,
        eager.flags & re.IGNORECASE,
    )


def test_its_text_is_read_without_compiling_it():
    # Patterns are built from others' text ("…|{_ROAD.pattern}"): that must not
    # compile them. An invalid pattern shows when it is compiled, on first use.
    broken = compiled_when_used(r"(unclosed")
    assert broken.pattern == "(unclosed"
    with pytest.raises(re.error):
        broken.search("x")


def test_importing_the_query_modules_compiles_none_of_their_patterns():
    # What keeps the start of `polchan find 29221` short: the sixty patterns for
    # headlines are compiled only when a query needs them.
    probe = (
        "import polchan_cli.query as q, polchan_cli.lexicon as l\n"
        "from polchan_cli.patterns import _PatternWhenUsed as P\n"
        "found = [v for m in (q, l) for v in vars(m).values() if isinstance(v, P)]\n"
        "print(len(found), sum(v._compiled is not None for v in found))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    patterns, compiled = map(int, out.stdout.split())
    assert patterns >= 40
    assert compiled == 0
