"""What the bundled data is made of: each source, its date, its part and its licence.

Accepts the registry in force; returns plain data for ``polchan sources``
(a table, or ``--json``). The list mirrors the header of the generated files.
"""

from __future__ import annotations

from typing import Any

from . import __version__, gazetteer
from .i18n import N_
from .registry import Registry

__all__ = ["CITED_PER_ROW", "DATA_SOURCES", "describe_sources"]

CITED_PER_ROW = N_("facts, cited per row")  # a licence: each row names its source

DATA_SOURCES: tuple[dict[str, str | None], ...] = (
    {
        "name": N_("GeoNames postal codes (DE)"),
        "url": "https://www.geonames.org/",
        "date": "2026-03",
        "licence": "CC BY 4.0",
        "attribution": "GeoNames (geonames.org)",
        "contributes": N_("postcodes, localities (Ortsteile), former names, coordinates"),
    },
    {
        "name": N_("OpenStreetMap postcode-municipality-district table (suche-postleitzahl.org)"),
        "url": "https://www.suche-postleitzahl.org/downloads",
        "date": "2019",
        "licence": "ODbL 1.0",
        "attribution": N_(
            "© OpenStreetMap contributors; the gazetteer is a derived database under the ODbL"
        ),
        "contributes": N_("municipalities and the postcodes and districts they belong to"),
    },
    {
        "name": N_("Destatis Gemeindeverzeichnis, table 04-kreise"),
        "url": "https://www.destatis.de/",
        "date": "2018-12-31",
        "licence": "CC BY 4.0 (Datenlizenz Deutschland – Namensnennung 2.0)",
        "attribution": "Statistisches Bundesamt (Destatis)",
        "contributes": N_("every district: key, official name, type, state"),
    },
    {
        "name": N_(
            "Curated localities (data/localities/*.csv), regions (data/regions.csv), "
            "former names (tools/former_names.csv)"
        ),
        "url": None,  # one source per row, named in the row: there is no one address
        "date": "2026-11-27",
        "licence": CITED_PER_ROW,
        "attribution": "the public pages named on each row",
        "contributes": N_(
            "Ortsteile, Samtgemeinden and former names of the covered districts, "
            "Berlin's Kieze; regions"
        ),
    },
    {
        "name": N_("Press codes (data/press_codes.csv)"),
        "url": "https://www.presseportal.de/",  # each row names its own press release
        "date": "2026-11-25",
        "licence": CITED_PER_ROW,
        "attribution": "the press releases named on each row",
        "contributes": N_("the office code that opens the press releases (POL-WL)"),
    },
    {
        "name": N_("Licence-plate codes (data/plates.csv)"),
        "url": None,  # one source per row, named in the row
        "date": "2026-11-27",
        "licence": CITED_PER_ROW,
        "attribution": "the public pages named on each row",
        "contributes": N_("the district a plate code names (Bostel (HK), Kreis ROW)"),
    },
    {
        "name": N_("Regierungsbezirke (data/regierungsbezirke.csv)"),
        "url": None,  # one source per row, named in the row
        "date": "2026-11-27",
        "licence": CITED_PER_ROW,
        "attribution": "the public pages named on each row",
        "contributes": N_("the land a qualifier names (Freudenberg (Oberpfalz))"),
    },
)


def describe_sources(registry: Registry) -> dict[str, Any]:
    """The data version, every data source and the source of every channel."""
    return {
        "version": __version__,
        "data_version": gazetteer.data_version(),
        "sources": [dict(s) for s in DATA_SOURCES],  # English: JSON stays stable
        "channels": [
            {
                "id": c.id,
                "name": c.name,
                "source": {
                    "url": c.source.url,
                    "title": c.source.title,
                    "published": c.source.published,
                },
                "origin": c.origin,
            }
            for c in registry.channels
        ],
    }
