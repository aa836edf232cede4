"""Regular expressions compiled when first used, not when their module is imported.

Accepts what :func:`re.compile` does (a pattern string and flags) and returns an
object used as the compiled pattern is (``.search``, ``.sub``, ``.finditer``,
``.flags`` …; ``.pattern`` without compiling). The query modules hold some 70 patterns,
which took 12 to 20 ms to compile at every start, most of them for headlines a
postcode or a plain name never reaches: each one is compiled once, the first time
a query needs it. It is no ``re.Pattern``, so it is not passed to ``re.sub`` or
``isinstance`` checks, only used through its methods; a copy or a pickle is a
pattern of the same text, compiled when it is used. No Typer, Rich or data here.
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["compiled_when_used"]


class _PatternWhenUsed:
    """A pattern and its flags, compiled on first use and kept."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Only for what the instance lacks. Not its own state, nor the dunders copy
        # and pickle look for: an instance they make without __init__ would look
        # itself up without end.
        if name.startswith("__") or name in ("_flags", "_compiled", "pattern"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
        # Each method of the compiled pattern is kept once looked up, so that later
        # calls cost what the compiled pattern's do (a batch calls them some fifty
        # times a query).
        found = getattr(compiled, name)
        setattr(self, name, found)
        return found

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return compiled_when_used, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"compiled_when_used({self.pattern!r}, {self._flags!r})"


def compiled_when_used(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done the first time the result is used."""
    return cast("re.Pattern[str]", _PatternWhenUsed(pattern, int(flags)))
