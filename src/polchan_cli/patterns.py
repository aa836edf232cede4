"""Regular expressions compiled when first used, not when their module is imported.

Accepts what :func:`re.compile` does (a pattern string and flags) and returns an
object used as the compiled pattern is (``.search``, ``.sub``, ``.finditer`` …;
``.pattern`` without compiling). The query modules hold 53 patterns, which took 12
to 20 ms to compile at every start, most of them for headlines a postcode or a
plain name never reaches: each one is compiled once, the first time a query needs
it. No Typer, Rich or data here.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["compiled_when_used"]


class _PatternWhenUsed:
    """A pattern and its flags, compiled on first use and kept."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        # Only for what the instance lacks: each method of the compiled pattern is
        # kept on it once looked up, so that later calls cost what the compiled
        # pattern's do (a batch calls them some fifty times a query).
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self.flags)
        found = getattr(compiled, name)
        setattr(self, name, found)
        return found

    def __repr__(self) -> str:
        return f"compiled_when_used({self.pattern!r}, {self.flags!r})"


def compiled_when_used(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done the first time the result is used."""
    return cast("re.Pattern[str]", _PatternWhenUsed(pattern, int(flags)))
