"""The press-release codes of police offices: ``POL-WL`` is Polizeiinspektion Harburg.

Police press releases on presseportal.de open with their office's code ("POL-CE:
Celler in Feierlaune"), which is what journalists and press offices see first.
Reads the curated ``press_codes.csv`` bundled beside the gazetteer, once, on first
use. Accepts codes in any case ("pol-wl").
"""

from __future__ import annotations

import functools

from . import gazetteer

__all__ = ["agency_of", "known_codes"]


@functools.cache
def _agencies() -> dict[str, str]:
    """Each code, upper case, to the agency named in the channel registry."""
    return {row["code"].upper(): row["agency"] for row in gazetteer.curated_rows("press_codes.csv")}


def agency_of(code: str) -> str | None:
    """The agency whose press releases carry the code, else None."""
    return _agencies().get(code.upper())


def known_codes() -> tuple[str, ...]:
    """Every code with an agency, sorted."""
    return tuple(sorted(_agencies()))
