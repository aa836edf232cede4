"""Build polchan's message catalogues: extract the English message ids, compile the .po files.

Usage::

    python tools/build_catalogs.py           # write locale/polchan.pot and every .mo
    python tools/build_catalogs.py --check   # exit 1 if a catalogue is stale or incomplete

Message ids are read from the package's source with :mod:`ast`: the first
argument of ``N_()`` and ``gettext()``, the first two of
``ngettext()``, and the docstrings of Typer commands (``@app.command``), which
Typer shows as help. Translations live in
``src/polchan_cli/locale/<lang>/LC_MESSAGES/polchan.po`` (edited by hand);
this tool compiles each to a GNU ``.mo`` file next to it, byte for byte
reproducible (entries sorted, no hash table, no timestamps), which is what
the wheel bundles and :mod:`gettext` reads at run time.
"""

from __future__ import annotations

import argparse
import ast
import re
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "polchan_cli"
LOCALE = PACKAGE / "locale"
DOMAIN = "polchan"

_MARKERS = {"N_": 1, "gettext": 1, "ngettext": 2}
_FIELD = re.compile(r"\{([a-z_]*)[^{}]*\}")


@dataclass(frozen=True)
class Entry:
    """One catalogue entry: a message id (and plural id) with its translations."""

    msgid: str
    msgid_plural: str | None
    msgstr: tuple[str, ...]
    fuzzy: bool = False
    where: str = ""


def _docstring_of_command(node: ast.AST) -> str | None:
    if not isinstance(node, ast.FunctionDef):
        return None
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and target.attr in ("command", "callback"):
            return ast.get_docstring(node, clean=True)
    return None


def extract(package: Path = PACKAGE) -> dict[str, tuple[str | None, list[str]]]:
    """Every message id in the package: msgid -> (plural id, places it occurs)."""
    found: dict[str, tuple[str | None, list[str]]] = {}

    def add(msgid: str, plural: str | None, where: str) -> None:
        previous = found.get(msgid)
        found[msgid] = (plural or (previous[0] if previous else None), [])
        if previous:
            found[msgid][1].extend(previous[1])
        found[msgid][1].append(where)

    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            where = path.relative_to(package.parent.parent).as_posix()
            doc = _docstring_of_command(node)
            if doc:
                add(doc, None, where)
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            count = _MARKERS.get(name or "")
            if not count or len(node.args) < count:
                continue
            texts = [a.value for a in node.args[:count] if isinstance(a, ast.Constant)]
            if len(texts) != count or not all(isinstance(t, str) for t in texts):
                continue
            add(texts[0], texts[1] if count == 2 else None, where)
    return found


# --- .po reading --------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"expected a quoted string, got {text!r}")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file (header entry included, obsolete ``#~`` ones skipped)."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    current: str | None = None
    fuzzy = False
    lineno = 0

    def flush() -> None:
        nonlocal fields, fuzzy, current
        if "msgid" in fields:
            plural = fields.get("msgid_plural")
            if plural is None:
                strings: tuple[str, ...] = (fields.get("msgstr", ""),)
            else:
                strings = tuple(
                    fields[k] for k in sorted(f for f in fields if f.startswith("msgstr["))
                )
            entries.append(Entry(fields["msgid"], plural, strings, fuzzy, f"{path}:{lineno}"))
        fields, fuzzy, current = {}, False, None

    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if current is None:
                raise ValueError(f"{path}:{lineno}: string without a keyword")
            fields[current] += _unquote(line)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword == "msgid" and "msgid" in fields:
                flush()
            current = keyword
            fields[keyword] = _unquote(rest)
    flush()
    return entries


# --- .mo writing --------------------------------------------------------------------


def compile_mo(entries: list[Entry]) -> bytes:
    """A GNU .mo file for ``entries`` (untranslated and fuzzy ones left out)."""
    pairs: dict[bytes, bytes] = {}
    for e in entries:
        if e.fuzzy and e.msgid:
            continue
        if not all(e.msgstr) and e.msgid:
            continue
        key = e.msgid if e.msgid_plural is None else f"{e.msgid}\0{e.msgid_plural}"
        pairs[key.encode("utf-8")] = "\0".join(e.msgstr).encode("utf-8")
    keys = sorted(pairs)
    header_size = 7 * 4
    table_size = len(keys) * 8
    ids_start = header_size + 2 * table_size
    ids = b""
    id_table = []
    for k in keys:
        id_table.append((len(k), ids_start + len(ids)))
        ids += k + b"\0"
    strs_start = ids_start + len(ids)
    strs = b""
    str_table = []
    for k in keys:
        v = pairs[k]
        str_table.append((len(v), strs_start + len(strs)))
        strs += v + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, len(keys), header_size, header_size + table_size, 0, 0)
    out += b"".join(struct.pack("<2I", *t) for t in id_table)
    out += b"".join(struct.pack("<2I", *t) for t in str_table)
    return out + ids + strs


# --- checks -------------------------------------------------------------------------


def problems(entries: list[Entry], msgids: dict[str, tuple[str | None, list[str]]]) -> list[str]:
    """What is wrong with a translation: missing, fuzzy, stale or with broken fields."""
    found: list[str] = []
    by_id = {e.msgid: e for e in entries if e.msgid}
    for msgid, (plural, places) in msgids.items():
        entry = by_id.get(msgid)
        if entry is None or not all(entry.msgstr):
            found.append(f"{places[0]}: not translated: {msgid!r}")
            continue
        if entry.fuzzy:
            found.append(f"{entry.where}: fuzzy: {msgid!r}")
        if (entry.msgid_plural is None) != (plural is None):
            found.append(f"{entry.where}: plural form differs from the source: {msgid!r}")
        wanted = set(_FIELD.findall(msgid))
        for text in entry.msgstr:
            if set(_FIELD.findall(text)) != wanted:
                found.append(f"{entry.where}: fields differ from {sorted(wanted)}: {text!r}")
    for msgid, entry in by_id.items():
        if msgid not in msgids:
            found.append(f"{entry.where}: no longer in the source: {msgid!r}")
    return found


def _po_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def render_pot(msgids: dict[str, tuple[str | None, list[str]]]) -> str:
    """The template every translation starts from."""
    lines = [
        "# Message template of polchan; generated by tools/build_catalogs.py, do not edit.",
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        "",
    ]
    for msgid in sorted(msgids):
        plural, places = msgids[msgid]
        lines.append("#: " + " ".join(sorted(set(places))))
        lines.append(f"msgid {_po_string(msgid)}")
        if plural is None:
            lines.append('msgstr ""')
        else:
            lines += [f"msgid_plural {_po_string(plural)}", 'msgstr[0] ""', 'msgstr[1] ""']
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; write nothing")
    args = parser.parse_args(argv)
    msgids = extract()
    failures: list[str] = []
    pot = LOCALE / f"{DOMAIN}.pot"
    pot_text = render_pot(msgids)
    if args.check:
        if not pot.exists() or pot.read_text(encoding="utf-8") != pot_text:
            failures.append(f"{pot}: stale; run python tools/build_catalogs.py")
    else:
        pot.write_text(pot_text, encoding="utf-8")
    for po in sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        entries = read_po(po)
        failures += problems(entries, msgids)
        mo = po.with_suffix(".mo")
        data = compile_mo(entries)
        if args.check:
            if not mo.exists() or mo.read_bytes() != data:
                failures.append(f"{mo}: stale; run python tools/build_catalogs.py")
        else:
            mo.write_bytes(data)
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
