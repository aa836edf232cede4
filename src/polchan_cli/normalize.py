"""Text normalisation shared by the gazetteer build and by queries.

Accepts any string (place names, postcodes, channel names, user input with
umlauts, ß, brackets, qualifiers such as ``(Luhe)`` or ``an der Luhe``) and
returns a *key*: lower-case ASCII words separated by single spaces. Two spellings
a German reader would call "the same place" get the same key:

>>> name_key("Winsen (Luhe)") == name_key("Winsen an der Luhe") == name_key("winsen/luhe")
True
>>> name_key("Lüneburg") == name_key("Lueneburg") == name_key("Luneburg")
True

The build tool stores these keys in the bundled data, so this module must stay
byte-for-byte deterministic: changing it means rebuilding the gazetteer.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .patterns import compiled_when_used

__all__ = [
    "QUALIFIER_WORDS",
    "TITLE_WORDS",
    "TYPE_WORDS",
    "base_key",
    "geographic_qualifier_key",
    "is_a_small_word",
    "leading_type_word",
    "name_key",
    "name_keys",
    "plainly_typed",
    "sharp_s_as_s",
    "sharp_s_as_ss",
    "sound_key",
    "spelling",
    "type_word_first",
    "type_words_set_apart",
    "typed_key",
    "without_bad",
    "without_qualifier",
    "without_type_word",
]

# Leading words that name the kind of a place, not the place: "Landkreis Celle"
# and "Celle" are typed for the same thing, and so are the abbreviations in
# addresses and tables ("Lk.", "Lkr.", "Landkr.", "Kr.", "SG", and "OT" as in
# "Celle OT Westercelle"). "amt" makes GeoNames' "Neuhaus" meet the municipality
# "Amt Neuhaus"; "region" makes "Hannover" find the Region Hannover. Words are
# compared after folding (Städteregion -> stadteregion).
_KIND_WORDS = frozenset(
    {
        "landkreis",
        "lk",
        "lkr",
        "landkr",
        "kreis",
        "kr",
        "stadt",
        "hansestadt",
        "gemeinde",
        "gem",  # "Gem.", "Gde.", "Gmd.": Gemeinde, as addresses abbreviate it
        "gde",
        "gmd",
        "samtgemeinde",
        "samtgem",  # "Samtgem.", as the municipality register abbreviates it
        "sg",
        "flecken",
        "ortsteil",
        "ot",
        "ortschaft",
        "stadtteil",
        "bezirk",
        "stadtbezirk",
        "amt",
        "region",
        "stadteregion",
        "regionalverband",
    }
)
# A town's title in its official name, and the like ("Landeshauptstadt Hannover",
# "Universitätsstadt Siegen", "Münster, kreisfreie Stadt", "Einheitsgemeinde
# Seevetal", "Bezirksamt Neukölln", a village's land: "Gemarkung Hützel", an
# administration: "Kreisverwaltung Harburg"): type words too, as no name in the
# data begins with one, but only as typed (query.py): misspelt, "Kreisstadt" is two
# letters from Remstädt.
TITLE_WORDS = frozenset(
    {
        "landeshauptstadt",
        "kreisstadt",
        "kreisfreie",
        "bundesstadt",
        "universitatsstadt",
        "einheitsgemeinde",
        "mitgliedsgemeinde",
        "stadtgemeinde",
        "klosterflecken",
        "bezirksamt",
        "kreisverwaltung",
        "stadtverwaltung",
        "gemeindeverwaltung",
        "samtgemeindeverwaltung",
        "gemarkung",
    }
)
TYPE_WORDS = _KIND_WORDS | TITLE_WORDS

# Small words of qualifiers ("an der Luhe", "i. d. Nordheide", "am Main"): dropping
# them makes "Winsen an der Luhe" and "Winsen (Luhe)" one key.
_FILLER_WORDS = frozenset(
    {"a", "am", "an", "b", "bei", "d", "dem", "den", "der", "i", "im", "in", "ob"}
    # "über": the old postal form of "bei" ("Otersen über Verden"); "near", as an
    # English newsroom writes it ("Bostel near Soltau").
    | {"uber", "near"}
    # and the words press releases head an area with, which no name has: "Raum
    # Celle", "Bereich Achim", "Stadtgebiet Celle", "Stadt und Landkreis Lüneburg".
    | {"raum", "bereich", "stadtgebiet", "gemeindegebiet", "kreisgebiet", "und"}
)

# Abbreviations of name words, as signs and addresses write them: "St. Peter",
# "Gr. Hehlen", "Kl. Süstedt"; and Berlin's, as Berliners write it ("Bln-Neukölln").
_ABBREVIATIONS = {"st": "sankt", "gr": "gross", "kl": "klein", "bln": "berlin"}

# The small words a qualifier starts with: those naming a river, region or state
# ("an der Luhe", "am Main", "in der Nordheide"), then those naming a town it lies
# near ("bei Lüneburg", "in Holstein").
_GEOGRAPHIC_QUALIFIER_WORDS = r"an der|an|am|im|in der|i\.\s*d\.|a\.\s*d\.|ob der"
# (a regex alternation; tools/build_gazetteer.py reads GeoNames' qualifiers by it)
QUALIFIER_WORDS = _GEOGRAPHIC_QUALIFIER_WORDS + r"|in|bei|b\.|über|ueber|near"
# Word boundaries where a qualifier starts; everything after it is optional.
_QUALIFIER_START = compiled_when_used(rf"\s*(?:\(|/|,|\s(?:{QUALIFIER_WORDS})\s)", re.IGNORECASE)

_UMLAUT_PAIRS = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "ø": "o", "ł": "l"})
_DIGRAPHS = compiled_when_used(r"(ae|oe|ue)")
_NON_WORD = compiled_when_used(r"[^a-z0-9]+")
# How typed_key writes ß: one letter, as typed, and one no key holds, so that
# "Meßendorf" is a letter off Mesendorf, as it is off Meißendorf.
_SHARP_S = "ʃ"
_NON_WORD_AS_TYPED = compiled_when_used(rf"[^a-z0-9{_SHARP_S}]+")
# "Celle (Stadt)", "Stade, Landkreis", "Harburg Lkr.": a name, then one word.
_TRAILING_TYPE_WORD = compiled_when_used(r"(?P<name>.*\w.*?)[\s,(]+(?P<word>\w+)\.?\)?")
_TYPE_WORDS_SET_APART = compiled_when_used(
    r"(?P<name>.*\w.*?)\s*[,(]\s*(?P<words>[^,()]*\w[^,()]*?)\s*\)?"
)
_SPELLED_UMLAUTS = {"ae": "ä", "oe": "ö", "ue": "ü"}
_WORD = compiled_when_used(r"\w+")


def _fold(text: str, as_typed: bool = False) -> str:
    """Lower-case ASCII with umlauts folded: ä, ae and a all become a; ``as_typed``,
    ``ae`` stays two letters and ß one."""
    if as_typed:
        text = text.replace("ß", _SHARP_S).replace("ẞ", _SHARP_S)
    text = text.casefold().translate(_UMLAUT_PAIRS)
    if not text.isascii():  # most names are: they have no accents to take off
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # "ue" and "ü" must meet: fold the digraphs after the accents are gone,
    # until none is left ("aee" -> "ae" -> "a"), so that a key folds to itself.
    while not as_typed and _DIGRAPHS.search(text):
        text = _DIGRAPHS.sub(_first_letter, text)
    return text


def _first_letter(digraph: re.Match[str]) -> str:
    return digraph.group(1)[0]


def _folded_words(text: str, as_typed: bool = False) -> list[str]:
    non_word = _NON_WORD_AS_TYPED if as_typed else _NON_WORD
    return [w for w in non_word.split(_fold(text, as_typed)) if w]


def _words(text: str, as_typed: bool = False) -> list[str]:
    words = _folded_words(text, as_typed)
    words = [_ABBREVIATIONS.get(w, w) for w in words]
    # Until nothing changes: a type word behind a small word ("A: OT 0") leads once
    # the small word is gone, and a key must key to itself.
    while True:
        kept = list(words)
        while len(kept) > 1 and kept[0] in TYPE_WORDS:
            kept.pop(0)
        kept = [w for w in kept if w not in _FILLER_WORDS] or kept
        if kept == words:
            return words
        words = kept


# Dashes and minus signs that word processors and web pages put where a hyphen was
# typed between two words: "Celle–Westercelle". A spaced one stays as typed.
_GLUED_DASH = compiled_when_used(
    "(?<=\\w)[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d](?=\\w)"
)


def plainly_typed(text: str) -> str:
    """The text as a German keyboard types it: a dash between two words as a
    hyphen, a space of another kind (a no-break or thin space, "21\u00a0423") as a
    space, digits of other scripts (full-width "２９２２１") as 0-9, an umlaut typed
    as its vowel and a combining mark, as macOS may write it ("u\u0308"), as one
    letter ("ü"). Invisible marks a word processor or web page leaves in a word (a
    soft hyphen, a zero-width space) are dropped, and text copied from a page's
    HTML source is read as the page shows it ("L&uuml;neburg", "Celle<br>").
    Letters, and a tab, which sets fields apart, stay as they are.

    >>> plainly_typed("Celle\u2013Westercelle 2\uff19221")
    'Celle-Westercelle 29221'
    """
    if "&" in text or "<" in text:
        text = _as_html_shows(text)
    if text.isascii():
        return text
    composed = unicodedata.normalize("NFC", text)
    return "".join(map(_key_typed, _GLUED_DASH.sub("-", composed)))


# The tags of a page's text that a copy of its source keeps: line breaks, blocks
# and cells, which set its lines apart as commas do ("Celle<br>",
# "<p>Celle</p><p>Stade</p>"), and inline markup ("<b>Stade</b>"). A tag's
# attributes each have a value ("<span class=x>"): "<B 3 Richtung Celle>" is a
# road's sign in angle brackets, not a tag. No "\s*" beside an optional "/", which
# would try every split of a long run of spaces.
_TAG_ATTRIBUTES = r"(?:\s+[A-Za-z][\w:-]*\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>]+))*\s*/?>"
_HTML_BREAK = compiled_when_used(
    rf"<(?:\s*/)?\s*(?:br|p|div|li|td|th|tr){_TAG_ATTRIBUTES}", re.IGNORECASE
)
_HTML_MARKUP = compiled_when_used(
    rf"<(?:\s*/)?\s*(?:a|b|em|font|i|span|strong|u){_TAG_ATTRIBUTES}", re.IGNORECASE
)
# A character reference: "&uuml;", "&szlig;", "&nbsp;", "&#8203;", "&#xfc;".
_HTML_REFERENCE = compiled_when_used(
    r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
)


def _as_html_shows(text: str) -> str:
    """The text with HTML tags as commas or spaces and character references as the
    characters they stand for; other text, an "&" between towns too, as it is.
    Read twice, it reads the same: "&lt;" and "&gt;" stay, and "&amp;" where a
    reference would follow it, so that a reading of a part of the text does not
    decode what its whole did not ("L&amp;uuml;neburg" is no Lüneburg); "Celle
    &amp; Uelzen" is "Celle & Uelzen"."""
    text = _HTML_MARKUP.sub(" ", _HTML_BREAK.sub(", ", text))
    if "&" not in text:
        return text
    import html  # only for text copied from a page's source

    def shown(reference: re.Match[str]) -> str:
        character = html.unescape(reference[0])
        if character in ("<", ">") or (
            character == "&" and _HTML_REFERENCE.match("&" + text[reference.end() :])
        ):
            return reference[0]  # it would make a tag or a reference of what follows
        return character

    return _HTML_REFERENCE.sub(shown, text)


# What makes a digit an emoji: the emoji variation selector and the enclosing keycap
# ("2️⃣9️⃣2️⃣2️⃣1️⃣", as a chat writes a postcode).
_EMOJI_MARKS = frozenset({"\ufe0f", "\u20e3"})


def _key_typed(c: str) -> str:
    """The key a German keyboard types for a character that looks like it."""
    if c.isascii():
        return c
    if c.isspace():
        return " "
    if unicodedata.category(c) == "Cf" or c in _EMOJI_MARKS:
        return ""  # a soft hyphen, a zero-width space or joiner, a direction mark, "2️⃣"
    return str(unicodedata.decimal(c)) if c.isdecimal() else c


@functools.lru_cache(maxsize=4096)  # resolve() keys every channel name for every query
def name_key(text: str) -> str:
    """The full matching key of a name: every word, qualifier included."""
    return " ".join(_words(text))


@functools.lru_cache(maxsize=4096)  # a misspelt query spells each of its readings so, often twice
def typed_key(text: str) -> str:
    """The key of a name with ``ae``, ``oe`` and ``ue`` left as typed, for spelling.

    ``name_key`` folds them to one letter so that ``Lueneburg`` meets Lüneburg; a
    typo can make one by accident (``Paerborn`` for Paderborn folds to
    ``parborn``, two letters off), which this key keeps one letter off. ``ß`` is
    one letter here, not ``ss``, so that a slip moving it (``Kaareßn`` for
    Kaarßen) is one edit, as typed; and not ``s``, so that ``Meßendorf`` is no
    exact match for Mesendorf.
    """
    return " ".join(_words(text, as_typed=True))


def sharp_s_as_ss(typed: str) -> str:
    """A :func:`typed_key` with its ß written ``ss``, as name keys write it:
    ``Saßenhauen`` is then one letter from Sassenhausen, as ``Sassenhauen`` is."""
    return typed.replace(_SHARP_S, "ss")


def sharp_s_as_s(typed: str) -> str:
    """A :func:`typed_key` with its ß written ``s``, as a name with one is often
    typed: ``Haasel`` for Haaßel."""
    return typed.replace(_SHARP_S, "s")


@functools.lru_cache(maxsize=4096)  # keying every channel's and place's name asks it again
def without_qualifier(text: str) -> str:
    """The name before its qualifier: ``Winsen (Luhe)`` -> ``Winsen``; else the name."""
    return _QUALIFIER_START.split(text, maxsplit=1)[0] or text


# Where a qualifier names the river, region or state of a name ("Winsen (Luhe)",
# "Lauenburg/Elbe", "Frankfurt am Main"), not a town it lies near ("bei", "in").
_GEOGRAPHIC_QUALIFIER_START = compiled_when_used(
    rf"\s*(?:\(|/|\s(?:{_GEOGRAPHIC_QUALIFIER_WORDS})\s)", re.IGNORECASE
)


def is_a_small_word(word: str) -> bool:
    """Whether the word is one of a qualifier's small words or a heading's words
    before a place, which keys leave out ("an", "der", "im", "bei", "Raum")."""
    return _fold(word.strip(".")) in _FILLER_WORDS


def geographic_qualifier_key(name: str) -> str | None:
    """The key of a name's river, region or state qualifier: ``Winsen (Luhe)`` ->
    ``luhe``, ``Lauenburg/Elbe`` -> ``elbe``; None for a name without one, or with
    only a town it lies near (``Wendisch Evern bei Lüneburg``)."""
    parts = _GEOGRAPHIC_QUALIFIER_START.split(name, maxsplit=1)
    return name_key(parts[1]) or None if len(parts) == 2 and parts[0].strip() else None


def base_key(text: str) -> str:
    """The key of a name without its qualifier: ``Winsen (Luhe)`` -> ``winsen``.

    Returns the full key when the name has no qualifier.
    """
    return name_key(without_qualifier(text)) or name_key(text)


@functools.lru_cache(maxsize=4096)  # ranking spells every candidate's name, for each query
def spelling(text: str) -> str:
    """The letters as written, umlauts kept: ``Munster`` and ``Münster`` differ.

    Keys fold umlauts away so that any spelling finds a place; this tells which of
    the places found was spelled as typed. ``ue`` counts as ``ü`` (``Muenster`` is
    how Münster is typed without umlauts) and ``ß`` as ``ss``.
    """
    text = unicodedata.normalize("NFC", text.casefold().replace("ß", "ss"))
    text = _DIGRAPHS.sub(lambda m: _SPELLED_UMLAUTS[m.group(1)], text)
    return " ".join(_WORD.findall(text))


@functools.lru_cache(maxsize=4096)  # each reading and each place found ask it: 4 times a query
def leading_type_word(text: str) -> str | None:
    """The folded word naming the kind of place a name starts with, if any.

    ``Stadt Celle`` -> ``stadt``; ``Landkreis Harburg`` -> ``landkreis``;
    ``Celle`` -> None. A name that is only a type word (``Amt``) has none.
    """
    words = _folded_words(text)
    # After words a heading puts first: "Raum Landkreis Harburg", "im Landkreis Stade".
    words = words[next((i for i, w in enumerate(words) if w not in _FILLER_WORDS), 0) :]
    if len(words) > 1 and words[0] in TYPE_WORDS:
        return words[0]
    return None


_FIRST_WORD = compiled_when_used(r"\W*\w+\W*")


def without_type_word(text: str) -> str:
    """The name after its leading type words: ``Landkreis Celle``, ``Landkreis-Celle``,
    ``Lk.Celle`` -> ``Celle``; ``kreisfreie Stadt Münster`` -> ``Münster``."""
    type_word = leading_type_word(text)
    if not type_word:
        return text
    # Up to the type word go words a heading puts first ("Raum Landkreis Harburg")
    # and words in other scripts, which fold to nothing ("Иван, Landkreis Celle").
    while (first := _FIRST_WORD.match(text)) and _folded_words(first[0])[:1] != [type_word]:
        text = text[first.end() :]
    return without_type_word(text[first.end() :]) if first else text


def type_word_first(text: str) -> str | None:
    """Trailing type words moved to the front, as tables write names; else None.

    ``Celle (Stadt)`` -> ``Stadt Celle``; ``Stade, Landkreis`` -> ``Landkreis Stade``;
    ``Münster, kreisfreie Stadt`` -> ``kreisfreie Stadt Münster``; ``Celle`` -> None.
    """
    name, words = text.strip(), []
    while (found := _TRAILING_TYPE_WORD.fullmatch(name)) and _fold(found["word"]) in TYPE_WORDS:
        name = found["name"]
        words.insert(0, found["word"])
    return " ".join([*words, name]) if words else None


def type_words_set_apart(text: str) -> str | None:
    """:func:`type_word_first`, only for type words after a comma or in brackets, as
    tables set them apart: ``Stade, Landkreis``, ``Celle (Stadt)``, ``Münster,
    kreisfreie Stadt``; None for ``Ober Stadt`` or ``Altena, Märkischer Kreis``."""
    found = _TYPE_WORDS_SET_APART.fullmatch(text.strip())
    words = _folded_words(found["words"]) if found else []
    if not words or any(w not in TYPE_WORDS for w in words):
        return None
    return f"{found['words']} {found['name']}"


def without_bad(key: str) -> str | None:
    """``bad bevensen`` -> ``bevensen``; None when the key has no leading "bad"."""
    if key.startswith("bad ") and len(key) > 4:
        return key[4:]
    return None


# One German sound, several spellings: "Rothenburg" and "Rotenburg" are said alike.
_SOUND_SPELLINGS = (
    ("th", "t"),
    ("dt", "t"),
    ("ph", "f"),
    ("ck", "k"),
    ("tz", "z"),
    ("y", "i"),
)
_SOFT_C = compiled_when_used(r"c(?=[ei])")
_DOUBLED = compiled_when_used(r"(.)\1+")


def sound_key(key: str) -> str:
    """A name key as it sounds: ``rothenburg`` and ``rotenburg`` share one.

    Accepts a name key (:func:`name_key`). Folds the spellings German has for one
    sound (th/t, dt/t, ph/f, ck/k, tz/z, y/i, c before e or i as z, else as k) and
    a doubled letter to one.
    """
    for written, said in _SOUND_SPELLINGS:
        key = key.replace(written, said)
    key = _SOFT_C.sub("z", key).replace("c", "k")
    return _DOUBLED.sub(r"\1", key)


def name_keys(text: str) -> tuple[str, list[str]]:
    """The exact key of a name and its variant keys (no qualifier, no "Bad")."""
    exact, variants = _name_keys(text)
    return exact, list(variants)  # a copy: the keys are memoised, and a caller may change it


# Where a match lies is keyed for every reading of a query: its town, district and
# state names again and again (59,292 calls for 2,817 names in 10,000 queries).
@functools.lru_cache(maxsize=4096)
def _name_keys(text: str) -> tuple[str, tuple[str, ...]]:
    exact = name_key(text)
    variants: list[str] = []
    for candidate in (base_key(text), without_bad(exact), without_bad(base_key(text))):
        if candidate and candidate != exact and candidate not in variants:
            variants.append(candidate)
    return exact, tuple(variants)
