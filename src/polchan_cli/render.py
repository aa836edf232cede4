"""Human output: Rich tables and status lines for ``find``, ``list`` and ``sources``.

Accepts the core's results (:class:`~polchan_cli.resolution.Resolution`,
:class:`~polchan_cli.registry.Registry`) and a Rich console. Every piece of data
is escaped before it reaches Rich, so names with ``[bold]`` markup or ANSI
escape sequences print literally. Rich is imported here only, on first use.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from .i18n import N_, format_date, format_number, gettext, ngettext

if TYPE_CHECKING:
    from rich.console import Console

    from .registry import Channel, Registry
    from .resolution import Match, Resolution

__all__ = [
    "KIND_LABELS",
    "make_console",
    "print_channels",
    "print_qr",
    "print_resolution",
    "qr_rows",
    "safe",
    "visible",
]

# Message ids; shown through gettext().
KIND_LABELS = {
    "postcode": N_("postcode"),
    "channel": N_("channel"),
    "district": N_("district"),
    "municipality": N_("municipality"),
    "samtgemeinde": N_("Samtgemeinde"),
    "locality": N_("Ortsteil"),
    "former_name": N_("former name"),
    "state": N_("state"),
    "country": N_("country"),
    "region": N_("region"),
}
# A district that is a city (District.type "kreisfreie Stadt"), shown as such
# rather than as a "district": Münster, Hagen. A state with no districts has one
# key ending in 000 for the whole state: Berlin and Hamburg, the city-states.
# (Bremen is a state of two cities, each a kreisfreie Stadt.) Labels only:
# --json keeps kind "district".
URBAN_DISTRICT = N_("urban district (kreisfreie Stadt)")
CITY_STATE = N_("city-state")

FOOTER = N_(
    "These are one-way information channels of the police: they cannot receive "
    "messages. In an emergency call 110."
)
# Curated data cannot name every farm and Wohnplatz; the postcode always answers.
MISSING_PLACE_HINT = N_(
    "Place not listed? Its 5-digit postcode or its municipality finds the channel."
)

UNKNOWN_POSTCODE_HINT = N_("Check the digits, or give the name of the town or village.")

# C0/C1 control characters (ESC starts ANSI sequences), line breaks too, which
# would split a one-line message: shown as visible escapes. Tabs are left.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def visible(text: object) -> str:
    """Text with its control characters and line breaks written as escapes
    (``\\x0a``), so that what it says stays on its line and cannot drive a terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def safe(text: object) -> str:
    """Text made inert for Rich: markup escaped, control characters made visible."""
    from rich.markup import escape

    return escape(visible(text))


def _print_hint(console: Console, text: str) -> None:
    """A line of advice, dimmed."""
    console.print(f"[dim]{safe(text)}[/dim]")


def make_console(stderr: bool = False) -> Console:
    """A console per invocation, so width and colour follow the environment now."""
    import os

    width = None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) == 0:
        # Rich takes COLUMNS=0 as a width of none and prints nothing at all; the
        # shell's and Python's own reading is "not set": the width of the terminal
        # Rich would ask (stdin's, stdout's or stderr's, as in `polchan … | less`),
        # else 80.
        width = next((w for fd in (0, 1, 2) if (w := _terminal_width(fd))), 80)
    # No emoji codes: a query or a user's channel name is shown as typed, ":fire:"
    # too (and Rich's table of codes is not loaded).
    return _tidy_console_class()(
        stderr=stderr, highlight=False, emoji=False, soft_wrap=False, width=width
    )


@functools.cache
def _tidy_console_class() -> type[Console]:
    from rich.console import Console

    class TidyConsole(Console):
        """A console that wraps a line of text between words as Rich does, without
        the space Rich leaves at the end of each line it wraps (a copied answer
        should not carry them)."""

        def print(self, *objects: Any, **kwargs: Any) -> None:
            if len(objects) != 1 or not isinstance(objects[0], str) or kwargs:
                super().print(*objects, **kwargs)
                return
            for line in self.render_str(objects[0]).wrap(self, self.width):
                line.rstrip()
                super().print(line, soft_wrap=True)

    return TidyConsole


def _terminal_width(fd: int) -> int:
    import os

    try:
        return os.get_terminal_size(fd).columns
    except (OSError, ValueError):
        return 0


def _linkable(url: str) -> bool:
    """Whether the terminal may be given url as a link: an https address that Rich's
    markup can carry. Its ``[link=…]`` tag ends at the first "]", which no escape
    prevents, and a table cell's template is filled by str.format, so an address
    with brackets or braces is shown but not linked."""
    return url.startswith("https://") and not any(c in url for c in "[]{}")


def _link(url: str) -> str:
    return f"[link={url}]{safe(url)}[/link]" if _linkable(url) else safe(url)


def _quoted(text: str) -> str:
    return gettext("'{text}'").format(text=safe(text))


def _describe(m: Match) -> str:
    if m.kind == "locality" and m.municipality and m.samtgemeinde:
        return gettext("Ortsteil of {municipality}, Samtgemeinde {samtgemeinde}").format(
            municipality=m.municipality, samtgemeinde=m.samtgemeinde
        )
    if m.kind == "locality" and m.municipality:
        return gettext("Ortsteil of {municipality}").format(municipality=m.municipality)
    if m.kind == "municipality" and m.samtgemeinde:
        return gettext("municipality in Samtgemeinde {samtgemeinde}").format(
            samtgemeinde=m.samtgemeinde
        )
    if m.kind == "former_name" and m.municipality:
        return gettext("former name, now {municipality}").format(municipality=m.municipality)
    if m.kind == "former_name" and m.samtgemeinde:
        return gettext("former Samtgemeinde, now Samtgemeinde {samtgemeinde}").format(
            samtgemeinde=m.samtgemeinde
        )
    if m.kind == "samtgemeinde" and m.members:
        return gettext("Samtgemeinde: {members}").format(members=", ".join(m.members))
    if m.kind == "region" and m.members:
        return gettext("region; in this district: {parts}").format(parts=", ".join(m.members))
    if m.kind == "postcode" and m.organisation:
        return gettext("postcode of an organisation (Großkundenpostleitzahl)")
    if m.kind == "postcode" and m.municipality:
        return gettext("postcode: {municipality}").format(municipality=m.municipality)
    if m.kind == "district" and m.district.is_city:
        return gettext(CITY_STATE if m.district.key.endswith("000") else URBAN_DISTRICT)
    return gettext(KIND_LABELS.get(m.kind, m.kind))


def _say_read_as(console: Console, typed: str, read: str) -> None:
    console.print(
        gettext("No exact match for {query}; showing results for {match}.").format(
            query=_quoted(typed), match=_quoted(read)
        )
    )


def print_resolution(console: Console, res: Resolution, switched_off: str | None = None) -> None:
    """The ``find`` table for one resolution, with how the query was read.
    ``switched_off``: the line saying which channels the user's registry disables
    where no channel covers a place (see :func:`~polchan_cli.lookup.find`)."""

    query = _quoted(res.query)
    # "Cele und Uelzen": each name of the list read as another, then the list.
    for typed, read in res.respelled:
        _say_read_as(console, typed, read)
    if res.fuzzy_for:
        _say_read_as(console, res.query, res.fuzzy_for)
    elif len(res.matches) == 1 and res.matches[0].district.key == res.query:
        # "03351": no postcode, but the district key channels.yaml uses.
        console.print(
            gettext("{query} is no postcode but the district key of {district}.").format(
                query=query, district=safe(res.matches[0].district.name)
            )
        )
    elif res.outside_area_of:
        # "POL-LG: Celle": the office's channels, then the place, which is not theirs.
        places = ", ".join(dict.fromkeys(m.name for m in res.matches if m.kind != "channel"))
        console.print(
            gettext("Outside the area of {office}, listed after its channels: {places}.").format(
                office=safe(res.outside_area_of), places=safe(places)
            )
        )
    elif res.places_named:
        # "Buxtehude/Neu Wulmstorf": both asked for, neither a candidate for the other.
        console.print(
            ngettext(
                "{query} names {n} place, each listed: {places}.",
                "{query} names {n} places, each listed: {places}.",
                len(res.places_named),
            ).format(
                query=query,
                n=format_number(len(res.places_named)),
                places=", ".join(_quoted(p) for p in res.places_named),
            )
        )
    elif res.postcode_mismatch:
        # The place named beside a postcode lies elsewhere: one of them is mistyped.
        console.print(
            gettext(
                "{query}: the postcode and the place lie in different districts; "
                "check which is right."
            ).format(query=query)
        )
    elif len(res.matches) > 1 and all(m.kind == "channel" for m in res.matches):
        # An agency, directorate or state ("PD Lüneburg") has these; none is a guess.
        console.print(
            ngettext("{query}: {n} channel.", "{query}: {n} channels.", len(res.matches)).format(
                query=query, n=format_number(len(res.matches))
            )
        )
    elif res.ambiguous and {(m.kind, m.name) for m in res.matches} == {
        ("region", res.matches[0].name)
    }:
        # One region across districts ("Altes Land"): no candidates to choose among.
        console.print(
            gettext("{query} is a region in {districts} districts.").format(
                query=query, districts=format_number(len(res.matches))
            )
        )
    elif res.ambiguous:
        districts = len({m.district.key for m in res.matches})
        console.print(
            ngettext(
                "{query} matches {places} places in {districts} district; the best come first.",
                "{query} matches {places} places in {districts} districts; the best come first.",
                districts,
            ).format(
                query=query,
                places=format_number(len(res.matches)),
                districts=format_number(districts),
            )
        )
    if not res.matches:
        if res.postcodes:
            console.print(
                ngettext(
                    "Nothing found for {query}: no place has the postcode {postcodes}.",
                    "Nothing found for {query}: no place has the postcodes {postcodes}.",
                    len(res.postcodes),
                ).format(query=query, postcodes=", ".join(res.postcodes))
            )
            _print_hint(console, gettext(UNKNOWN_POSTCODE_HINT))
            return
        if res.suggestions:
            console.print(
                gettext("Nothing found for {query}. Did you mean: {suggestions}?").format(
                    query=query, suggestions=", ".join(safe(s) for s in res.suggestions)
                )
            )
        else:
            console.print(gettext("Nothing found for {query}.").format(query=query))
        _print_hint(console, gettext(MISSING_PLACE_HINT))
        return
    headers = (N_("Place"), N_("Kind"), N_("District, state"), N_("Channel, agency"))
    _print_table(console, headers, [_cells(m) for m in res.matches])
    first = res.matches[0]
    if res.status == "found" and not first.channels and first.kind != "channel":
        # "Hagen", "Wedel": the links are for namesakes, not for the place meant first.
        console.print(
            gettext(
                "{place} ({state}), listed first, has no channel; "
                "the links are for the other places listed."
            ).format(place=safe(first.name), state=safe(first.state))
        )
    for c in res.unique_channels():
        console.print(f"{safe(c.name)}: {_link(c.url)}", soft_wrap=True)
    unknown = res.unknown_postcodes
    if unknown:
        console.print(
            ngettext(
                "No place has the postcode {postcodes}.",
                "No place has the postcodes {postcodes}.",
                len(unknown),
            ).format(postcodes=", ".join(unknown))
        )
    from .addresses import not_found_and_no_place

    not_found, no_place = not_found_and_no_place(res.unknown_parts, res.query)
    if not_found:
        console.print(
            gettext("Not found, so left out: {parts}.").format(
                parts=", ".join(_quoted(p) for p in not_found)
            )
        )
    if no_place:
        console.print(
            gettext("Left out: {parts}.").format(parts=", ".join(_quoted(p) for p in no_place))
        )
    if res.unfitting_parts:
        console.print(
            gettext("Left out, as none of the places found lies there: {parts}.").format(
                parts=", ".join(_quoted(p) for p in res.unfitting_parts)
            )
        )
    if res.status == "no_channel":
        console.print(
            gettext("No channel in the registry covers {districts}.").format(
                districts=safe(res.areas())
            )
        )
    if switched_off:
        console.print(safe(switched_off))
    if res.suggestions:
        console.print(
            gettext("Or did you mean: {suggestions}?").format(
                suggestions=", ".join(safe(s) for s in res.suggestions)
            )
        )
    if res.fuzzy_for or res.respelled:
        # Last of what the answer says: what to do if the guess is not the place.
        _print_hint(console, gettext(MISSING_PLACE_HINT))
    if res.status == "found":
        # About the channels shown: with none ("Hannover"), it would describe nothing.
        _print_hint(console, gettext(FOOTER))


# Kinds of match that lie in no one district (resolution.WHOLE_LAND_KINDS, not
# imported: listing channels needs no resolving).
_WHOLE_LAND = ("state", "country")

# A table cell: lines of plain text, each with the markup it is shown in.
_Cell = list[tuple[str, str]]


def _cells(m: Match) -> list[_Cell]:
    """The four cells of a match's row: place, kind, where, channels."""
    where = [(m.state, "{}")] if m.kind in _WHOLE_LAND else [(d.name, "{}") for d in m.districts]
    # A city-state once ("Berlin", not "Berlin / Berlin"), an agency named as its
    # channel once ("Polizei Berlin").
    if m.kind not in _WHOLE_LAND and m.state != m.district.name:
        where.append((m.state, "[dim]{}[/dim]"))
    channels: _Cell = []
    for c in m.channels:
        link = f"[link={c.url}]{{}}[/link]" if _linkable(c.url) else "{}"
        channels.append((c.name, f"[bold]{link}[/bold]"))
        if c.agency != c.name:
            channels.append((c.agency, "[dim]{}[/dim]"))
    return [
        [(m.name, "{}")],
        [(_describe(m), "{}")],
        where,
        channels or [(gettext("no channel"), "[dim]{}[/dim]")],
    ]


def _parts(word: str) -> list[str]:
    """A word cut after each slash or hyphen: where a name too long may break."""
    return re.findall(r"[^/-]*[/-]|[^/-]+", word)


def _wrapped(text: str, width: int, *, at_spaces: bool = True) -> list[str]:
    """The text in lines of at most ``width``: broken at spaces (unless Rich does
    that, ``at_spaces=False``) and a word too long after a slash or hyphen
    ("Lüneburg/Lüchow-Dannenberg/Uelzen"), as Rich breaks only at spaces."""
    lines = [""]
    for word in text.split(" "):
        # The word in segments that fit, cut after slashes and hyphens if need be.
        segments = [""]
        for part in _parts(word) if len(word) > width else [word]:
            if segments[-1] and len(segments[-1]) + len(part) > width:
                segments.append(part)
            else:
                segments[-1] += part
        first, *rest = segments
        if at_spaces and lines[-1] and len(lines[-1]) + 1 + len(first) > width:
            lines.append(first)
        else:
            lines[-1] += (" " if lines[-1] else "") + first
        lines.extend(rest)
    return lines


def _markup(cell: _Cell, width: int) -> str:
    """The cell as Rich markup, a word too wide for the column broken (see _wrapped)."""
    return "\n".join(
        style.format(safe(line))
        for text, style in cell
        for line in _wrapped(text, width, at_spaces=False)
    )


def _column_widths(headers: list[_Cell], rows: list[list[_Cell]], total: int) -> list[int] | None:
    """Column widths that fit ``total`` and split no word, or None if none do.

    Each column gets its longest word (a long name may break after a slash or
    hyphen); the room left goes first to the columns that need least more to
    hold their longest line ("Landkreis Lüneburg" on one line before a long
    agency name). Rich alone would shrink the widest column first and cut words
    anywhere ("Lüchow-Dan|nenberg").
    """
    from rich.cells import cell_len

    columns = list(zip(headers, *rows, strict=True))
    texts = [[text for cell in col for text, _ in cell] for col in columns]
    words = [
        max(cell_len(part) for text in col for word in text.split() for part in _parts(word))
        for col in texts
    ]
    wanted = [max(cell_len(text) for text in col) for col in texts]
    # Borders and padding: three terminal columns per column, and one more.
    room = total - 3 * len(columns) - 1
    if sum(words) > room:
        return None
    widths = list(words)
    spare = room - sum(words)
    for i in sorted(range(len(columns)), key=lambda i: wanted[i] - words[i]):
        more = min(wanted[i] - words[i], spare)
        widths[i] += more
        spare -= more
    return widths


def _print_table(
    console: Console, headers: tuple[str, ...], rows: list[list[_Cell]], title: str = ""
) -> bool:
    """A table whose lines break only between words (or after a slash or hyphen in a
    long name); where the terminal is too narrow for that, one block per row. Also
    where it cannot write umlauts: written as "ue", they would push the borders
    of a table out of line, but not the lines of a block. Whether it wrote blocks,
    which end with an empty line."""
    from rich.table import Table

    shown = [gettext(h) for h in headers]
    widths = _column_widths([[(h, "{}")] for h in shown], rows, console.width)
    if widths is None or not _writes_umlauts(console):
        if title:
            console.print(f"[bold]{safe(title)}[/bold]\n")
        _print_blocks(console, rows)
        return True
    table = Table(title=title or None)
    for header, width in zip(shown, widths, strict=True):
        table.add_column(safe(header), overflow="fold", width=width)
    for row in rows:
        table.add_row(*(_markup(cell, width) for cell, width in zip(row, widths, strict=True)))
    console.print(table)
    return False


def _writes_umlauts(console: Console) -> bool:
    try:
        "äöüß".encode(console.encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def _print_blocks(console: Console, rows: list[list[_Cell]]) -> None:
    """Rows as indented blocks, for a terminal too narrow for their table: a table
    there splits words ("Landkr|eis"), a block wraps between them. The first two
    cells head the block ("Celle · municipality")."""
    for first, second, *rest in rows:
        head = " ".join(text for text, _ in first)
        console.print(f"[bold]{safe(head)}[/bold] · " + " ".join(safe(t) for t, _ in second))
        for text, style in (line for cell in rest for line in cell):
            for line in _wrapped(text, console.width - 2):
                console.print("  " + style.format(safe(line)))
        console.print()


def print_channels(console: Console, registry: Registry, district_names: dict[str, str]) -> None:
    """The ``list`` listing: every channel under its state and directorate.

    Indented blocks, not a table: a link folded across table cells cannot be
    copied, and the link is the point. Lines are never wrapped by us, so each
    link stays whole.
    """
    from itertools import groupby

    def group(c: Channel) -> tuple[str, str]:
        return (c.state, c.parent or "")

    ordered = sorted(registry.channels, key=lambda c: (c.state, c.parent or "~", c.name))
    for (state, parent), channels in groupby(ordered, key=group):
        heading = f"{safe(state)} · {safe(parent)}" if parent else safe(state)
        console.print(f"[bold]{heading}[/bold]", soft_wrap=True)
        for c in channels:
            areas = [district_names.get(k, k) for k in c.districts]
            areas += [
                f"{m.name} ({district_names.get(m.district, m.district)})" for m in c.municipalities
            ]
            mine = (
                f" [italic]{safe(gettext('(your registry)'))}[/italic]"
                if c.origin == "user"
                else ""
            )
            covers = gettext("covers {areas}").format(areas=", ".join(areas))
            block = (
                f"\n  [bold]{safe(c.name)}[/bold]{mine}\n"
                f"    [dim]{safe(c.agency)}[/dim]\n"
                f"    [dim]{safe(covers)}[/dim]\n"
                f"    {_link(c.url)}"
            )
            console.print(block, soft_wrap=True)
        console.print()
    n = len(registry.channels)
    console.print(ngettext("{n} channel.", "{n} channels.", n).format(n=format_number(n)))
    if registry.disabled:
        # Said, so that a channel switched off long ago is not taken for a lost one.
        names = ", ".join(f"{c.name} ({c.id})" for c in registry.disabled)
        console.print(
            safe(gettext("Disabled in your registry: {channels}.").format(channels=names)),
            soft_wrap=True,
        )


def print_sources(console: Console, info: dict) -> None:
    """The ``sources`` listing: data version, upstream sources, channel sources."""
    from .sources import CITED_PER_ROW

    console.print(
        gettext("polchan {version}, data version {data_version}").format(
            version=safe(info["version"]), data_version=safe(info["data_version"])
        )
    )
    rows = [
        [
            [(gettext(s["name"]), "{}")],
            [(format_date(s["date"]), "{}")],
            [(gettext(s["contributes"]), "{}")],
            [(gettext(s["licence"]), "{}")],
        ]
        for s in info["sources"]
    ]
    headers = (N_("Source"), N_("As of"), N_("Contributes"), N_("Licence"))
    as_blocks = _print_table(console, headers, rows, title=gettext("Data sources"))
    gap = "" if as_blocks else "\n"  # blocks end with an empty line of their own
    # What the licences ask to be named, as the data's users must name it too
    # (ODbL: "© OpenStreetMap contributors"); not the facts cited row by row.
    credited = [s for s in info["sources"] if s["url"] and s["licence"] != CITED_PER_ROW]
    if credited:
        console.print(f"{gap}[bold]{safe(gettext('Attribution'))}[/bold]", soft_wrap=True)
        for s in credited:
            console.print(
                f"  {safe(gettext(s['attribution']))}\n    {_link(s['url'])}", soft_wrap=True
            )
        gap = "\n"
    # One block per announcement (seven channels share one press release), with
    # its link whole on a line of its own, ready to cite.
    if info["channels"]:
        console.print(f"{gap}[bold]{safe(gettext('Channel sources'))}[/bold]", soft_wrap=True)
    announcements: dict[tuple[str, str, str | None], list[str]] = {}
    for c in info["channels"]:
        src = c["source"]
        # A channel your registry changed may have a link or area the source never
        # gave: said so, as list says it.
        name = c["name"] + (" " + gettext("(your registry)") if c["origin"] == "user" else "")
        announcements.setdefault((src["url"], src["title"], src["published"]), []).append(name)
    for (url, title, published), names in announcements.items():
        when = format_date(published) if published else gettext("not given")
        announced = gettext("channels: {channels}").format(channels=", ".join(names))
        console.print(
            f"\n  {safe(title)} [dim]({safe(when)})[/dim]\n"
            f"    {_link(url)}\n"
            f"    [dim]{safe(announced)}[/dim]",
            soft_wrap=True,
        )


# Two modules a character, top and bottom, drawn as ink: a half or full block where
# a module is dark. (A character cell is about twice as high as wide, so each
# module comes out square.)
_HALF_BLOCKS = {
    (False, False): " ",
    (True, False): "\u2580",  # upper half block
    (False, True): "\u2584",  # lower half block
    (True, True): "\u2588",  # full block
}
# Fixed black on white, not the terminal's own colours: on a dark terminal, ink in
# its foreground colour would be light on dark, an inverted code that some
# scanners cannot read. Rich writes these as true colour where the terminal has
# it, else as the nearest of its palette.
QR_STYLE = "#000000 on #ffffff"
QR_QUIET_ZONE = 4  # modules of light margin on each side, as the QR standard asks


def qr_rows(url: str) -> list[str]:
    """``url`` as a QR code in half blocks, quiet zone included, dark modules as ink."""
    import segno

    matrix = [
        [bool(m) for m in row]
        for row in segno.make(url, error="m").matrix_iter(border=QR_QUIET_ZONE)
    ]
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))  # half a line more of quiet zone
    return [
        "".join(_HALF_BLOCKS[pair] for pair in zip(top, bottom, strict=True))
        for top, bottom in zip(matrix[::2], matrix[1::2], strict=True)
    ]


def print_qr(console: Console, rows: list[str]) -> None:
    """The rows of :func:`qr_rows`, black on white where the console may use colour.

    Without colour (``NO_COLOR``, not a terminal) the ink is the terminal's text
    colour: right on a light background, as on paper.
    """
    from rich.text import Text

    for row in rows:
        console.print(Text(row, style=QR_STYLE), soft_wrap=True)
