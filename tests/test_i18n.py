"""Choosing the user's language, the German catalogue, German number and date formats."""

from __future__ import annotations

import pytest

from polchan_cli import i18n
from polchan_cli.i18n import choose_language, format_date, format_number, gettext, speaking


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "de_AT"}, "de"),
        ({"LANG": "de"}, "de"),
        ({"LANG": "de_CH.UTF-8@euro"}, "de"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        # The first locale variable that is set decides, as in POSIX.
        ({"LC_MESSAGES": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, "de"),
        ({"LC_ALL": "de_DE.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"}, "de"),
        ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "de_DE.UTF-8"}, "de"),
        # POLCHAN_LANG beats the locale.
        ({"POLCHAN_LANG": "en", "LANG": "de_DE.UTF-8"}, "en"),
        ({"POLCHAN_LANG": "de", "LC_ALL": "en_US.UTF-8"}, "de"),
        ({"POLCHAN_LANG": "DE"}, "de"),
        ({"POLCHAN_LANG": "de-AT"}, "de"),
        ({"POLCHAN_LANG": " ", "LANG": "de_DE"}, "de"),
    ],
)
def test_language_from_the_environment(environ, expected):
    assert choose_language(None, environ) == expected


@pytest.mark.parametrize("option", ["de", "en"])
def test_the_option_beats_every_variable(option):
    environ = {"POLCHAN_LANG": "xx", "LC_ALL": "fr_FR", "LANG": "fr_FR"}
    assert choose_language(option, environ) == option


def test_german_catalogue_is_bundled_and_used():
    with speaking("de"):
        assert gettext("Nothing found for {query}.") == "Nichts gefunden für {query}."
        assert i18n.ngettext("{n} channel.", "{n} channels.", 1) == "{n} Kanal."
        assert i18n.ngettext("{n} channel.", "{n} channels.", 13) == "{n} Kanäle."
    assert gettext("Nothing found for {query}.") == "Nothing found for {query}."


def test_language_is_scoped_to_the_block():
    assert i18n.current_language() == "en"
    with speaking("de"):
        assert i18n.current_language() == "de"
        with speaking("en"):
            assert gettext("Place") == "Place"
        assert gettext("Place") == "Ort"
    assert i18n.current_language() == "en"


def test_numbers_and_dates_in_german_formats():
    assert format_number(10000) == "10,000"
    assert format_date("2026-03-05") == "2026-03-05"
    with speaking("de"):
        assert format_number(10000) == "10.000"
        assert format_number(1234567) == "1.234.567"
        assert format_date("2026-03-05") == "05.03.2026"
        assert format_date("2026-03") == "03/2026"
        assert format_date("2026") == "2026"
        assert format_date("spring 2024") == "spring 2024"
