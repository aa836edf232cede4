"""Human output: Rich tables and status lines for ``find``, ``list`` and ``sources``.

Accepts the core's results (:class:`~polchan_cli.resolve.Resolution`,
:class:`~polchan_cli.registry.Registry`) and a Rich console. Every piece of data
is escaped before it reaches Rich, so names with ``[bold]`` markup or ANSI
escape sequences print literally. Rich is imported here only, on first use.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from .registry import Registry
    from .resolve import Resolution

__all__ = [
    "KIND_LABELS",
    "make_console",
    "print_channels",
    "print_resolution",
    "safe",
]

KIND_LABELS = {
    "postcode": "postcode",
    "channel": "channel",
    "district": "district",
    "municipality": "municipality",
    "samtgemeinde": "Samtgemeinde",
    "locality": "Ortsteil",
    "former_name": "former name",
}

FOOTER = (
    "These are one-way information channels of the police: they cannot receive "
    "messages. In an emergency call 110."
)

# C0/C1 control characters (ESC starts ANSI sequences): shown as visible escapes.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: object) -> str:
    """Text made inert for Rich: markup escaped, control characters made visible."""
    from rich.markup import escape

    return escape(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text)))


def make_console(stderr: bool = False) -> Console:
    """A console per invocation, so width and colour follow the environment now."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _link(url: str) -> str:
    return f"[link={url}]{safe(url)}[/link]" if url.startswith("https://") else safe(url)


def _describe(m) -> str:  # noqa: ANN001 - a resolve.Match
    kind = KIND_LABELS.get(m.kind, m.kind)
    if m.kind == "locality" and m.municipality:
        return f"{kind} of {m.municipality}"
    if m.kind == "former_name" and m.municipality:
        return f"former name, now {m.municipality}"
    if m.kind == "samtgemeinde" and m.members:
        return f"{kind}: {', '.join(m.members)}"
    if m.kind == "postcode" and m.municipality:
        return f"{kind}: {m.municipality}"
    return kind


def print_resolution(console: Console, res: Resolution) -> None:
    """The ``find`` table for one resolution, with how the query was read."""
    from rich.table import Table

    if res.fuzzy_for:
        console.print(
            f"No exact match for '{safe(res.query)}'; showing results for '{safe(res.fuzzy_for)}'."
        )
    elif res.ambiguous:
        districts = len({m.district.key for m in res.matches})
        console.print(
            f"'{safe(res.query)}' matches {len(res.matches)} places in {districts} districts;"
            " the best come first."
        )
    if not res.matches:
        if res.suggestions:
            console.print(
                f"Nothing found for '{safe(res.query)}'. Did you mean: "
                + ", ".join(safe(s) for s in res.suggestions)
                + "?"
            )
        else:
            console.print(f"Nothing found for '{safe(res.query)}'.")
        return
    table = Table()
    for column in ("Place", "Kind", "District, state", "Channel, agency"):
        table.add_column(column, overflow="fold")
    for m in res.matches:
        channels = "\n".join(
            f"[bold][link={c.url}]{safe(c.name)}[/link][/bold]\n[dim]{safe(c.agency)}[/dim]"
            for c in m.channels
        )
        table.add_row(
            safe(m.name),
            safe(_describe(m)),
            f"{safe(m.district.name)}\n[dim]{safe(m.state)}[/dim]",
            channels or "[dim]no channel[/dim]",
        )
    console.print(table)
    for c in res.unique_channels():
        console.print(f"{safe(c.name)}: {_link(c.url)}", soft_wrap=True)
    if res.status == "no_channel":
        districts = sorted({f"{m.district.name} ({m.state})" for m in res.matches})
        console.print(
            "No channel in the registry covers "
            + safe(", ".join(districts[:5]))
            + ("" if len(districts) <= 5 else ", …")
            + "."
        )
    console.print(f"[dim]{safe(FOOTER)}[/dim]")


def print_channels(console: Console, registry: Registry, district_names: dict[str, str]) -> None:
    """The ``list`` table: every channel, grouped by state and directorate."""
    from rich.table import Table

    table = Table(show_lines=True)
    table.add_column("Channel, agency, link", overflow="fold", ratio=3)
    table.add_column("Directorate, state", overflow="fold", ratio=2)
    table.add_column("Districts", overflow="fold", ratio=2)
    ordered = sorted(registry.channels, key=lambda c: (c.state, c.parent or "~", c.name))
    for c in ordered:
        areas = [district_names.get(k, k) for k in c.districts]
        areas += [
            f"{m.name} ({district_names.get(m.district, m.district)})" for m in c.municipalities
        ]
        name = safe(c.name) + (" [italic](your registry)[/italic]" if c.origin == "user" else "")
        table.add_row(
            f"[bold]{name}[/bold]\n{safe(c.agency)}\n{_link(c.url)}",
            f"{safe(c.parent or '–')}\n{safe(c.state)}",
            safe(", ".join(areas)),
        )
    console.print(table)
    console.print(f"{len(registry.channels)} channels.")


def print_sources(console: Console, info: dict) -> None:
    """The ``sources`` listing: data version, upstream sources, channel sources."""
    from rich.table import Table

    console.print(f"polchan {safe(info['version'])}, data version {safe(info['data_version'])}")
    table = Table(title="Data sources")
    for column in ("Source", "As of", "Contributes", "Licence"):
        table.add_column(column, overflow="fold")
    for s in info["sources"]:
        table.add_row(safe(s["name"]), safe(s["date"]), safe(s["contributes"]), safe(s["licence"]))
    console.print(table)
    channels = Table(title="Channel sources")
    for column in ("Channel", "Announced in", "Published"):
        channels.add_column(column, overflow="fold")
    for c in info["channels"]:
        src = c["source"]
        channels.add_row(
            safe(c["name"]),
            f"{safe(src['title'])}\n{_link(src['url'])}",
            safe(src["published"] or "not given"),
        )
    console.print(channels)
