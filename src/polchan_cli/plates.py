"""The licence-plate codes of German districts: ``HK`` is the Heidekreis.

People name the district a village lies in by its plate code, as local papers
and district offices abbreviate it: "Bostel (HK)", "Hagen, STD", "Kreis ROW".
Reads the curated ``plates.csv`` bundled beside the gazetteer, once, on first
use. Accepts a code as plates write it, in capitals ("BÜR"); a code some cities
share with their Landkreis ("OS") names both.
"""

from __future__ import annotations

import functools

from . import gazetteer

__all__ = ["districts_of"]


@functools.cache
def _districts() -> dict[str, tuple[str, ...]]:
    """Each code to the keys of the districts it stands for, as the file lists them."""
    found: dict[str, tuple[str, ...]] = {}
    for row in gazetteer.curated_rows("plates.csv"):
        keys = found.get(row["code"], ())
        if row["district_key"] not in keys:
            found[row["code"]] = (*keys, row["district_key"])
    return found


def districts_of(code: str) -> tuple[str, ...]:
    """The keys of the districts whose plates carry the code, else empty."""
    return _districts().get(code, ())
