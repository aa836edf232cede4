"""The German catalogue's style: one term per thing, one kind of quotes, one voice.

Checks over every msgstr of ``locale/de/LC_MESSAGES/polchan.po``; what each rule
is for is said where it is checked.
"""

from __future__ import annotations

import re
from pathlib import Path

from _tools import load_tool

ROOT = Path(__file__).resolve().parent.parent
GERMAN_PO = ROOT / "src" / "polchan_cli" / "locale" / "de" / "LC_MESSAGES" / "polchan.po"


ENTRIES = [e for e in load_tool("build_catalogs").read_po(GERMAN_PO) if e.msgid]


def _german(msgid_has=None):
    """(msgid, msgstr) for every translation, plural forms each on their own."""
    return [
        (e.msgid, s)
        for e in ENTRIES
        for s in e.msgstr
        if msgid_has is None or re.search(msgid_has, e.msgid)
    ]


def test_the_registry_is_the_kanalliste_never_a_verzeichnis():
    # "Verzeichnis" reads as a directory (a folder) in German software; Destatis's
    # "Gemeindeverzeichnis" is the name of a dataset.
    assert not [s for _, s in _german() if re.search(r"(?<!gemeinde)verzeichnis", s, re.I)]
    registry = _german(r"(?<!-)\bregistry\b")
    assert registry and all("Kanalliste" in s for _, s in registry), registry


def test_a_channel_is_zustaendig_and_a_query_a_suchanfrage_everywhere():
    # One word each, not "abdecken" here and "zuständig" there.
    covers = _german(r"\bcover")
    assert covers and all("zuständig" in s for _, s in covers), covers
    assert not [s for _, s in _german() if re.search(r"deck", s)]
    queries = _german(r"(?<!{)\bquer(y|ies)\b(?!})")
    assert queries and all("Suchanfrage" in s for _, s in queries), queries
    # "Suche läuft" (the spinner, "Resolving") is the searching, not the query.
    others = [s for m, s in _german() if m != "Resolving"]
    # suche-postleitzahl.org is the name of a website.
    named = [s.replace("suche-postleitzahl.org", "") for s in others]
    assert not [s for s in named if re.search(r"(?<!such)anfrage|\bsuche\b", s, re.I)]


# Quotes that are syntax the reader types, kept as they must be typed: the shell
# quoting in an example, and a YAML string.
TYPED_QUOTES = ('find "Winsen (Luhe)"', 'z. B. "03351"')


def test_german_quotes_are_low_high_never_straight():
    for msgid, text in _german():
        for typed in TYPED_QUOTES:
            text = text.replace(typed, "")
        assert not re.search("['\"‘’”]", text), (msgid, text)
        assert text.count("„") == text.count("“"), (msgid, text)


def test_what_to_do_is_a_sie_sentence_after_a_colon():
    # "leere Suchanfrage: Bitte nennen Sie …": what is wrong, then what to do, a
    # sentence with a capital; never "bitte … speichern" or "; wählen Sie".
    assert not [s for _, s in _german() if re.search(r"\bbitte\b|; [a-zäöü]+ Sie\b(?!.*\?)", s)]
    for msgid, text in _german():
        for m in re.finditer(r"Bitte", text):
            assert m.start() == 0 or text[m.start() - 2 : m.start()] in (": ", ". "), (msgid, text)


def _help_texts(kind: str) -> set[str]:
    import typer.main

    from polchan_cli.cli import app

    found, todo = set(), [typer.main.get_command(app)]
    while todo:
        command = todo.pop()
        found |= {p.help for p in command.params if p.param_type_name == kind and p.help}
        todo.extend(getattr(command, "commands", {}).values())
    return found


def test_option_help_speaks_in_the_third_person_as_command_help_does():
    # "Zeigt …", "Gibt JSON … aus", not the infinitive "JSON … ausgeben".
    from polchan_cli.i18n import gettext, speaking

    options = _help_texts("option") | {"Show this message and exit."}
    assert len(options) >= 10
    with speaking("de"):
        german = {gettext(text) for text in options}
    assert all(re.match(r"[A-ZÄÖÜ][a-zäöüß]+t ", text) for text in german), german
