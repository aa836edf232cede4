"""patterns: a regular expression compiled when first used answers as re.compile's does."""

from __future__ import annotations

import copy
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from polchan_cli import addresses, lexicon, lists, normalize, query, registry
from polchan_cli.patterns import _PatternWhenUsed, compiled_when_used

MODULES_WITH_PATTERNS = (query, lexicon, normalize, registry, addresses, lists)


def patterns_of(*modules) -> dict[int, _PatternWhenUsed]:
    """Each pattern the modules hold, once ("query" imports SEARCH_WORDS from lexicon)."""
    return {
        id(value): value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, _PatternWhenUsed)
    }


def patterns_defined_in(*modules) -> int:
    """How many patterns the modules' source defines, as ``NAME = compiled_when_used(``."""
    source = "".join(Path(module.__file__).read_text(encoding="utf-8") for module in modules)
    return len(re.findall(r"(?m)^\w+ = compiled_when_used\(", source))


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


def test_every_pattern_compiled_when_used_compiles():
    # Found in review: a mistake in one no longer fails at import, so every test
    # would pass until a query reached it (an internal error, exit 70).
    found = patterns_of(*MODULES_WITH_PATTERNS)
    assert len(found) == patterns_defined_in(*MODULES_WITH_PATTERNS)
    for pattern in found.values():
        re.compile(pattern.pattern, pattern.flags)


def test_every_module_with_such_patterns_is_checked():
    package = Path(query.__file__).parent
    using = {
        path.stem
        for path in package.glob("*.py")
        if path.stem != "patterns" and "= compiled_when_used(" in path.read_text(encoding="utf-8")
    }
    assert using == {module.__name__.rpartition(".")[2] for module in MODULES_WITH_PATTERNS}


def test_importing_the_query_modules_compiles_none_of_their_patterns():
    # What keeps the start of `polchan find 29221` short: the patterns for
    # headlines and searches are compiled only when a query needs them.
    probe = (
        "import polchan_cli.query as q, polchan_cli.lexicon as l\n"
        "from polchan_cli.patterns import _PatternWhenUsed as P\n"
        "found = {id(v): v for m in (q, l) for v in vars(m).values() if isinstance(v, P)}\n"
        "print(len(found), sum('_compiled' in vars(v) for v in found.values()))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(patterns_defined_in(query, lexicon)), "0"]
