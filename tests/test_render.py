"""render: what the tables and status lines show, and that data never turns into markup."""

from __future__ import annotations

import io
from dataclasses import replace

from rich.console import Console

from polchan_cli import render
from polchan_cli.gazetteer import District
from polchan_cli.i18n import speaking
from polchan_cli.registry import Channel, Registry, Source
from polchan_cli.render import print_channels, print_qr, print_resolution, qr_rows, safe
from polchan_cli.resolution import Match, Resolution

CELLE = District("03351", "Landkreis Celle", "Landkreis", "Niedersachsen")
HOSTILE = "[bold red]Polizei[/] \x1b[31mX"


def channel(name: str = "Polizei Celle", url: str = "https://whatsapp.com/channel/abc") -> Channel:
    return Channel(
        id="celle",
        name=name,
        url=url,
        agency="Polizeiinspektion Celle",
        parent="Polizeidirektion Lüneburg",
        state="Niedersachsen",
        districts=("03351",),
        source=Source("https://example.org/press", "Press release", "2024-01-02"),
    )


def match(kind: str, name: str, **extra) -> Match:
    fields = {
        "municipality": "Celle",
        "district": CELLE,
        "postcodes": ("29221",),
        "channels": (channel(),),
        "match": "exact",
    }
    fields.update(extra)
    return Match(name=name, kind=kind, **fields)


def rendered(draw, *args, terminal: bool = False) -> str:
    out = io.StringIO()
    console = Console(
        file=out, width=100, force_terminal=terminal, color_system="standard" if terminal else None
    )
    draw(console, *args)
    return out.getvalue()


def test_each_kind_of_place_is_described_with_what_it_belongs_to():
    res = Resolution(
        query="x",
        matches=(
            match("locality", "Westercelle"),
            match("samtgemeinde", "Lachendorf", members=("Ahnsbeck", "Beedenbostel")),
            match("former_name", "Hermannsburg", municipality="Südheide"),
            match("postcode", "29221", municipality="Celle"),
        ),
    )
    text = " ".join(rendered(print_resolution, res).split())
    assert "Ortsteil of Celle" in text
    assert "Samtgemeinde: Ahnsbeck, Beedenbostel" in text
    assert "former name, now Südheide" in text
    assert "postcode: Celle" in text
    assert "Polizei Celle: https://whatsapp.com/channel/abc" in text


def test_a_kreisfreie_stadt_is_called_so_and_a_city_state_too():
    muenster = District("05515", "Münster", "kreisfreie Stadt", "Nordrhein-Westfalen")
    berlin = District("11000", "Berlin", "kreisfreie Stadt", "Berlin")
    bremen = District("04011", "Bremen", "kreisfreie Stadt", "Bremen")  # a state of two cities
    matches = [
        match("district", d.name, district=d, municipality=None)
        for d in (muenster, berlin, bremen, CELLE)
    ]
    english = [
        "urban district (kreisfreie Stadt)",
        "city-state",
        "urban district (kreisfreie Stadt)",
        "district",
    ]
    assert [render._describe(m) for m in matches] == english
    with speaking("de"):
        german = [render._describe(m) for m in matches]
    assert german == ["kreisfreie Stadt", "Stadtstaat", "kreisfreie Stadt", "Kreis"]
    # The place itself is in the table; a municipality named like its city is one.
    text = " ".join(
        rendered(print_resolution, Resolution(query="x", matches=(matches[0],))).split()
    )
    assert "│ Münster │ urban district (kreisfreie Stadt) │" in text
    assert render._describe(match("municipality", "Münster", district=muenster)) == "municipality"
    # Labels only: the JSON kind stays "district".
    assert {m.to_dict()["kind"] for m in matches} == {"district"}


def test_a_city_state_and_an_agency_named_as_its_channel_are_shown_once():
    # Found in review: "Berlin / Berlin" and "Polizei Berlin / Polizei Berlin".
    berlin = District("11000", "Berlin", "kreisfreie Stadt", "Berlin")
    police = replace(channel("Polizei Berlin"), agency="Polizei Berlin", state="Berlin")
    kreuzberg = match("locality", "Kreuzberg", district=berlin, channels=(police,))
    table = rendered(print_resolution, Resolution(query="x", matches=(kreuzberg,)))
    row = next(line for line in table.splitlines() if "Kreuzberg" in line)
    assert "│ Berlin " in row and "│ Polizei Berlin " in row
    assert table.count("Berlin") == row.count("Berlin") + table.count("Polizei Berlin:")
    # Celle's row still names the state and the inspection under its channel.
    celle = " ".join(
        rendered(print_resolution, Resolution("x", (match("municipality", "Celle"),))).split()
    )
    assert "Niedersachsen" in celle and "Polizeiinspektion Celle" in celle


def test_names_from_a_registry_print_literally_not_as_markup_or_escape_codes():
    res = Resolution(
        query="Celle", matches=(match("municipality", "Celle", channels=(channel(HOSTILE),)),)
    )
    text = rendered(print_resolution, res)
    assert "[bold red]Polizei[/]" in text
    assert "\x1b" not in text and "\\x1b[31mX" in text
    listing = rendered(print_channels, Registry((channel(HOSTILE),)), {"03351": "Landkreis Celle"})
    assert "[bold red]Polizei[/]" in listing and "\x1b[31m" not in listing


def test_channel_links_are_clickable_in_a_terminal():
    res = Resolution(query="Celle", matches=(match("municipality", "Celle"),))
    text = rendered(print_resolution, res, terminal=True)
    # OSC 8 hyperlinks: the channel name in the table and the link line below it
    assert text.count("\x1b]8;id=") >= 2
    assert rendered(print_resolution, res).count("\x1b") == 0  # none when piped


def test_a_place_without_channel_says_which_district_lacks_one():
    res = Resolution(query="Celle", matches=(match("municipality", "Celle", channels=()),))
    text = " ".join(rendered(print_resolution, res).split())
    assert "no channel" in text
    assert "No channel in the registry covers Landkreis Celle (Niedersachsen)." in text


def test_list_counts_the_channels_and_names_the_districts():
    text = " ".join(
        rendered(print_channels, Registry((channel(),)), {"03351": "Landkreis Celle"}).split()
    )
    assert "Landkreis Celle" in text and "1 channel." in text


def test_safe_shows_control_characters_visibly():
    assert safe("a\x07b") == "a\\x07b"
    assert safe("[x]") == "\\[x]"


def test_several_channels_named_by_an_agency_are_not_called_places_or_ranked():
    res = Resolution(
        query="PD Lüneburg",
        matches=(match("channel", "Polizei Celle"), match("channel", "Polizei Stade")),
    )
    first_line = rendered(print_resolution, res).splitlines()[0]
    assert first_line == "'PD Lüneburg': 2 channels."


def test_a_postcode_and_a_place_in_different_districts_are_flagged():
    harburg = District("03353", "Landkreis Harburg", "Landkreis", "Niedersachsen")
    postcode = match("postcode", "21423", municipality="Drage", district=harburg, channels=())
    res = Resolution(query="21423 Celle", matches=(postcode, match("municipality", "Celle")))
    first_line = rendered(print_resolution, res).splitlines()[0]
    assert "the postcode and the place lie in different districts" in first_line


def test_a_district_key_read_for_a_postcode_says_so():
    res = Resolution(query="03351", matches=(match("district", "Landkreis Celle"),))
    first_line = rendered(print_resolution, res).splitlines()[0]
    assert first_line == "'03351' is no postcode but the district key of Landkreis Celle."


def test_a_state_without_a_channel_is_named_once():
    bayern = District("", "Bayern", "Land", "Bayern")
    state = match("state", "Bayern", municipality=None, district=bayern, channels=())
    out = rendered(print_resolution, Resolution(query="Bayern", matches=(state,)))
    assert "No channel in the registry covers Bayern." in out
    assert "Bayern (Bayern)" not in out


def test_a_region_across_districts_says_so_and_names_each_part():
    stade = District("03359", "Landkreis Stade", "Landkreis", "Niedersachsen")
    parts = (
        match("region", "Altes Land", municipality=None, district=stade, members=("Jork",)),
        match("region", "Altes Land", municipality=None, members=()),
    )
    out = rendered(print_resolution, Resolution(query="Altes Land", matches=parts))
    assert out.splitlines()[0] == "'Altes Land' is a region in 2 districts."
    text = " ".join(out.split())
    assert "region; in this district: Jork" in text


def test_a_former_samtgemeinde_names_the_one_it_is_part_of_now():
    old = match("former_name", "Altes Amt Ebstorf", municipality=None, samtgemeinde="Bevensen")
    out = io.StringIO()
    print_resolution(Console(file=out, width=200), Resolution(query="x", matches=(old,)))
    assert "former Samtgemeinde, now Samtgemeinde Bevensen" in out.getvalue()


STADE_URL = "https://whatsapp.com/channel/0029VabZHAv4o7qU4GUNEa35"
# What a scanner reads from each half-block character: (top dark, bottom dark).
INK = {" ": (False, False), "▀": (True, False), "▄": (False, True), "█": (True, True)}


def test_qr_rows_draw_the_code_as_ink_inside_a_four_module_quiet_zone():
    import segno

    code = segno.make(STADE_URL, error="m")
    seen = [[], []]
    for row in qr_rows(STADE_URL):
        for i in (0, 1):
            seen[i].append([INK[c][i] for c in row])
    modules = [row for pair in zip(*seen, strict=True) for row in pair]
    # Four light modules all round, the code's own modules inside, dark as ink;
    # an odd number of rows ends with half a line more of light.
    expected = [[bool(m) for m in row] for row in code.matrix_iter(border=4)]
    assert expected[0] == [False] * len(expected[0])
    assert modules[: len(expected)] == expected
    assert not any(any(row) for row in modules[len(expected) :])


def test_qr_is_black_on_white_on_a_colour_terminal_whatever_its_own_colours():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system="truecolor", width=100)
    rows = qr_rows(STADE_URL)
    print_qr(console, rows)
    black_on_white = "\x1b[38;2;0;0;0;48;2;255;255;255m"
    lines = out.getvalue().splitlines()
    assert len(lines) == len(rows)
    assert all(
        line == f"{black_on_white}{row}\x1b[0m" for line, row in zip(lines, rows, strict=True)
    )


def test_qr_without_colour_is_plain_ink_in_the_text_colour():
    out = io.StringIO()
    print_qr(Console(file=out, force_terminal=True, no_color=True, width=100), qr_rows(STADE_URL))
    assert "\x1b[" not in out.getvalue()
    assert out.getvalue().splitlines() == qr_rows(STADE_URL)


def _at_width(width: int, res: Resolution) -> list[str]:
    out = io.StringIO()
    print_resolution(Console(file=out, width=width), res)
    return out.getvalue().splitlines()


def test_a_long_agency_name_breaks_after_a_slash_or_hyphen_never_inside_a_word():
    agency = "Polizeiinspektion Lüneburg/Lüchow-Dannenberg/Uelzen"
    lueneburg = replace(channel("Polizei Lüneburg"), agency=agency)
    res = Resolution(query="x", matches=(match("municipality", "Lüneburg", channels=(lueneburg,)),))
    text = "\n".join(_at_width(80, res))
    assert "┃ Place" in text  # still the table at 80 columns
    cells = [line.split("│")[4].strip() for line in text.splitlines() if "│" in line]
    # The name, broken only after a slash or hyphen: each line ends a word or a part.
    assert "".join(cells).endswith("Polizeiinspektion" + agency.split()[1])
    whole = {"Polizei", "Lüneburg", "Polizeiinspektion", "Lüneburg/", "Lüchow-", "Uelzen"}
    assert all(c.endswith(("/", "-")) or c.split()[-1] in whole for c in cells if c)
    assert len(cells) > 3 and all(len(line) <= 80 for line in text.splitlines())


def test_a_terminal_too_narrow_for_the_table_gets_blocks_that_split_no_word():
    res = Resolution(query="x", matches=(match("municipality", "Celle"),))
    lines = _at_width(30, res)
    assert "┃" not in "\n".join(lines)
    assert lines[:5] == [
        "Celle · municipality",
        "  Landkreis Celle",
        "  Niedersachsen",
        "  Polizei Celle",
        "  Polizeiinspektion Celle",
    ]
