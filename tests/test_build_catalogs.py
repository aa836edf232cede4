"""tools/build_catalogs.py: message ids found, catalogues complete and reproducible."""

from __future__ import annotations

import gettext
import io
from pathlib import Path

import pytest

from _tools import load_tool

ROOT = Path(__file__).resolve().parent.parent


build_catalogs = load_tool("build_catalogs")
GERMAN_PO = ROOT / "src" / "polchan_cli" / "locale" / "de" / "LC_MESSAGES" / "polchan.po"


def test_committed_catalogues_are_complete_and_up_to_date(capsys):
    # Fails when a new English message has no German translation, when a
    # translation lost a {field}, or when the .mo/.pot were not rebuilt.
    assert build_catalogs.main(["--check"]) == 0, capsys.readouterr().err


def test_every_message_id_has_a_german_translation():
    entries = {e.msgid: e for e in build_catalogs.read_po(GERMAN_PO)}
    msgids = build_catalogs.extract()
    assert len(msgids) > 100
    untranslated = [
        m for m in msgids if not all(entries.get(m, build_catalogs.Entry(m, None, ("",))).msgstr)
    ]
    assert untranslated == []


def test_extract_finds_markers_plurals_and_command_docstrings(tmp_path):
    (tmp_path / "mod.py").write_text(
        "from x import N_, gettext, ngettext\n"
        "A = N_('marked')\n"
        "def f(n):\n"
        "    gettext('now')\n"
        "    gettext(A)\n"  # a variable: not a message id
        "    ngettext('{n} thing', '{n} things', n)\n"
        "@app.command('go')\n"
        "def go():\n"
        "    '''Go somewhere.\n\n    Example: polchan go\n    '''\n"
        "def helper():\n"
        "    '''Not shown to users.'''\n",
        encoding="utf-8",
    )
    found = build_catalogs.extract(tmp_path)
    assert set(found) == {"marked", "now", "{n} thing", "Go somewhere.\n\nExample: polchan go"}
    assert found["{n} thing"][0] == "{n} things"


def test_compiled_catalogue_is_what_gettext_reads_and_is_reproducible(tmp_path):
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Place"\nmsgstr "Ort"\n\n'
        'msgid "two\\n"\n"lines"\nmsgstr "zwei\\n"\n"Zeilen „ß“"\n\n'
        'msgid "{n} channel"\nmsgid_plural "{n} channels"\nmsgstr[0] "{n} Kanal"\nmsgstr[1] "{n} Kanäle"\n\n'
        '#, fuzzy\nmsgid "Kind"\nmsgstr "Sorte"\n\n'
        'msgid "untranslated"\nmsgstr ""\n',
        encoding="utf-8",
    )
    entries = build_catalogs.read_po(po)
    data = build_catalogs.compile_mo(entries)
    assert data == build_catalogs.compile_mo(build_catalogs.read_po(po))
    catalogue = gettext.GNUTranslations(io.BytesIO(data))
    assert catalogue.gettext("Place") == "Ort"
    assert catalogue.gettext("two\nlines") == "zwei\nZeilen „ß“"
    assert catalogue.ngettext("{n} channel", "{n} channels", 2) == "{n} Kanäle"
    assert catalogue.gettext("Kind") == "Kind"  # fuzzy entries are not used
    assert catalogue.gettext("untranslated") == "untranslated"


def test_problems_names_missing_stale_and_broken_translations():
    entries = [
        build_catalogs.Entry("Place", None, ("Ort",)),
        build_catalogs.Entry("Nothing found for {query}.", None, ("Nichts gefunden.",)),
        build_catalogs.Entry("gone", None, ("weg",)),
    ]
    msgids = {
        "Place": (None, ["a.py:1"]),
        "Nothing found for {query}.": (None, ["a.py:2"]),
        "new": (None, ["a.py:3"]),
    }
    found = "\n".join(build_catalogs.problems(entries, msgids))
    assert "not translated: 'new'" in found
    assert "fields differ" in found
    assert "no longer in the source: 'gone'" in found
    assert "'Place'" not in found


@pytest.mark.parametrize("bad", ['msgid "a\nmsgstr "b"\n', '"orphan"\n'])
def test_a_broken_po_file_is_reported(tmp_path, bad):
    po = tmp_path / "bad.po"
    po.write_text(bad, encoding="utf-8")
    with pytest.raises(ValueError):
        build_catalogs.read_po(po)
