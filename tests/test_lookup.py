"""lookup: the find work without Typer; here, the query the command-line words make."""

from __future__ import annotations

import pytest

from polchan_cli.lookup import query_from_args


@pytest.mark.parametrize(
    ("words", "query"),
    [
        (["Winsen", "(Luhe)"], "Winsen (Luhe)"),
        # argv under LC_ALL=C with UTF-8 mode off: each undecodable byte a stand-in.
        (["G\udcc3\udcb6hrde"], "Göhrde"),
        # Found in review: one Latin-1 byte turned the UTF-8 letters beside it into
        # mojibake ("GroÃŸ Möhrde"), as the whole query was decoded at once.
        (["Gro\udcc3\udc9f", "M\udcf6hrde"], "Groß Möhrde"),
        (["\udcc3\udcb6\udcf6"], "öö"),
        (["Ｃelle"], "Ｃelle"),  # a full-width letter is no stand-in
    ],
)
def test_the_words_are_one_query_read_as_typed(words, query):
    assert query_from_args(words) == query
