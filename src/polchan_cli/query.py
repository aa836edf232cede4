"""Read what a person typed: whether it is a query, and how it may be cut up.

Accepts any string. :func:`check_query` returns it stripped, or raises
:class:`QueryError` for input that cannot be a query (empty, only punctuation,
too long, a number that is no postcode, only a word like "Landkreis" or
"Polizei"; for "Notruf" or "110", the emergency numbers first). The rest is
string work on a checked query, with no lookups in the bundled data:

- :func:`utf8_misread`: ``LÃ¼neburg`` as ``Lüneburg``, UTF-8 read as Windows-1252;
- :func:`postcodes_in`, :func:`without_postcodes`: the postcodes in a pasted
  address (``D-29221 Celle``), and the rest of it; :func:`short_postcode_first`:
  one a digit short (``1067 Dresden``);
- :func:`after_police_word`: the place in ``Polizei Buxtehude`` or ``Celle Polizei``;
  :func:`name_asked`: the name without any words read around it (``Bahnhof
  Wedel``, ``Zu welcher Polizei gehört Wedel?``);
  :func:`after_a_linking_preposition`: in ``Polizei von Uelzen``;
- :func:`plate_codes_in`: a licence-plate code that says the district (``Bostel
  (HK)``, ``Kreis ROW``);
- other readings of a text that names nothing as typed: :func:`unglued`
  (``polizeicelle``, ``LandkreisHarburg``), :func:`with_type_word_apart`
  (``Celle-Stadt``), :func:`town_after_a_street` (``Bahnhofstraße Celle``),
  :func:`as_belonging_to` (``Gehört Westercelle zu Celle?``),
  :func:`with_spoken_punctuation` and :func:`with_spoken_digits` (``Celle Komma
  Westercelle``, ``zwei neun zwei zwei eins``);
- :func:`with_agency_spelled_out`: ``pi celle`` as ``polizeiinspektion celle``;
- :func:`type_word_respelled`: ``Landkries Celle`` as ``Landkreis Celle``;
- :func:`without_house_number`, :func:`numbered_in_roman`: ``Celle 5`` as Celle
  at a house number, ``Hanstedt 2`` as the village Hanstedt II;
- :func:`address_fields`, :func:`says_where_in_a_place`: the parts of an
  address, and whether one is a street rather than a place;
- :func:`readings`: a place and where it lies (``Hagen, Stade``, ``Stade-Hagen``,
  ``Munster (Örtze)``), each cut :mod:`polchan_cli.resolve` may try;
  :func:`around_bei` (``Winsen bei Hamburg``) and :func:`says_in` (``Raser in
  Hannover``): what a place is said to lie by, or in;
- a press release's heading: :func:`press_code_in` (``POL-WL: …``),
  :func:`without_press_marks` (its dates and ``(ots)``), :func:`dateline_in` and
  :func:`report_after_dateline` (``Westercelle: Unfall``),
  :func:`places_after_prepositions`, :func:`before_a_place` and
  :func:`first_preposition` (``Großbrand in Dannenberg``), :func:`after_an_article`
  and :func:`undeclined` (``in der Nordheide``, ``im Alten Land``), :func:`is_a_road`
  (``Ottersberg/A1``), :func:`has_a_house_number`, :func:`street_and_number`,
  :func:`without_month_dates` (``im März 2025``), :func:`without_measures` (``mit 120
  km/h``), :func:`without_search_words` (``Celle aktuell``) and
  :func:`respelled_search_words` (``Celle aktuel``), :func:`places_between`
  (``zwischen Rettmer und Lüneburg``),
  :func:`town_adjectives` (``Paderborner Kindergarten``), :func:`places_through`
  (``rast durch Paderborn``), :func:`places_toward` and :func:`words_before_toward`
  (``in Richtung Celle``), :func:`places_called_to` (``nach Neukölln gerufen``),
  :func:`places_for` (``Mehr Sicherheit für Bad Fallingbostel``),
  :func:`places_after_a_noun` (``im Kreisverkehr Celle``) and
  :func:`places_in_brackets` (``Einbruch in Osterjork (Jork)``).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .i18n import N_, format_number, gettext
from .lexicon import (
    EVENT_ALONE_KEYS,
    SEARCH_WORDS,
    misspelt_search_word,
    says_what_happened,
)
from .normalize import (
    TITLE_WORDS,
    TYPE_WORDS,
    is_a_small_word,
    name_key,
    plainly_typed,
    without_qualifier,
)
from .patterns import compiled_when_used

__all__ = [
    "MAX_QUERY_LENGTH",
    "MOST_WORDS_OF_A_PLACE",
    "QueryError",
    "Reading",
    "TownAdjective",
    "address_fields",
    "after_a_linking_preposition",
    "after_an_article",
    "after_police_word",
    "around_bei",
    "as_belonging_to",
    "as_typed_with_press_marks",
    "before_a_place",
    "beside_an_event_word",
    "check_query",
    "dateline_in",
    "first_preposition",
    "first_word_before_a_preposition",
    "has_a_house_number",
    "is_a_linking_word",
    "is_a_preposition",
    "is_a_press_mark",
    "is_a_road",
    "looks_like_a_verb",
    "name_asked",
    "names_a_part_of_town",
    "numbered_in_roman",
    "place_of_a_landmark",
    "places_after_a_noun",
    "places_after_prepositions",
    "places_between",
    "places_called_to",
    "places_for",
    "places_in_brackets",
    "places_through",
    "places_toward",
    "plate_codes_in",
    "postcodes_in",
    "prepositions_in",
    "press_code_in",
    "readings",
    "report_after_dateline",
    "respelled_search_words",
    "says_in",
    "says_where_in_a_place",
    "search_word_spans",
    "short_postcode_first",
    "street_and_number",
    "town_adjectives",
    "town_after_a_street",
    "type_word_respelled",
    "undeclined",
    "unglued",
    "utf8_misread",
    "with_agency_spelled_out",
    "with_spoken_digits",
    "with_spoken_punctuation",
    "with_type_word_apart",
    "without_house_number",
    "without_measures",
    "without_month_dates",
    "without_postcodes",
    "without_press_marks",
    "without_search_words",
    "words_before_toward",
]

MAX_QUERY_LENGTH = 200

# How agencies are abbreviated in press releases and addresses ("PI Celle").
_AGENCY_ABBREVIATIONS = {
    "pi": "polizeiinspektion",
    "pd": "polizeidirektion",
    "pp": "polizeiprasidium",
    "kpb": "kreispolizeibehorde",
}
# Words for the police before or after a place ("Polizei Buxtehude").
_POLICE_WORDS = frozenset(
    {
        "polizei",
        "polizeiinspektion",
        "polizeidirektion",
        "polizeiprasidium",
        "polizeikommissariat",
        "polizeistation",
        "polizeirevier",
        "polizeiwache",
        "wache",  # "Wache Celle", "Revier Stade", as one says the station
        "revier",
        "kreispolizeibehorde",
        "police",  # as an English newsroom writes it: "Celle police"
        *("station", "department"),  # "Celle police station", "police department Stade"
        # and as residents write it in their first language: Turkish, Polish,
        # Italian, Spanish, Dutch ("Celle polis", "policja Stade")
        *("polis", "polisi", "policja", "policji", "polizia", "policia", "politie"),
        *_AGENCY_ABBREVIATIONS,
        "pk",
    }
)
# Words for the channel itself, which say nothing about the place ("WhatsApp
# Polizei Celle", "Kanal Stade").
_CHANNEL_WORDS = frozenset({"whatsapp", "kanal", "channel", "whatsappkanal", "polizeikanal"})
# Words that are read around a place and never as one.
_NOT_PLACE_WORDS = _POLICE_WORDS | _CHANNEL_WORDS
# A word for what happened that a colon ends: "Unfall: Celle".
_EVENT_BEFORE_A_COLON = compiled_when_used(r"\s*([^\s:]+):\s+([^:]+)")
_FIRST_WORD = compiled_when_used(r"\s*(\S+?)[\s-]+(\S.*)")
_LAST_WORD = compiled_when_used(r"(.*\S)[\s,-]+(\S+?)\s*")
# Type words long enough to recognise misspelt ("Landkries"), longest first.
_LONG_TYPE_WORDS = tuple(
    sorted((w for w in TYPE_WORDS - TITLE_WORDS if len(w) >= 7), key=lambda w: (-len(w), w))
)
_ROAD = compiled_when_used(r"(?:BAB|A|B|K|L)\s?\d{1,4}", re.IGNORECASE)
_SPACED_DASH = compiled_when_used(r"\s+[-–—]\s+")
# Between the parts of an address: commas, the semicolons and tabs of a row
# copied from a spreadsheet ("Müller;Bahnhofstraße 5;Celle"), the line breaks of
# cells copied from a column, and the spaced dash of a press release's dateline
# ("Winsen/Luhe - Stelle").
_FIELD_BREAK = compiled_when_used(rf"[,;\t\r\n]|{_SPACED_DASH.pattern}")
# A cell of a row in double quotes, as it is exported when it holds a semicolon,
# is passed over whole while the row is cut at its breaks: quotes that open and
# close a whole field, as CSV writes them, not a quote inside a name.
_CELL_OR_BREAK = compiled_when_used(
    rf'(?P<cell>(?:\A|(?<=[,;\t\r\n]))\s*"[^"]*"\s*(?=[,;\t\r\n]|\Z))|{_FIELD_BREAK.pattern}'
)
# "Bahnhofstraße 5 Celle", "Am Markt 12a Lüneburg": an address without its comma.
_HOUSE_NUMBER_THEN_TOWN = compiled_when_used(
    r"(?P<street>.*[^\W\d].*?\s\d{1,4}(?:\s?[a-zA-Z])?)\s+(?P<town>[^\W\d].*)"
)
# "Celle Bahnhofstraße 5", "Celle 5": the town first, then the street and number.
_TOWN_THEN_HOUSE_NUMBER = compiled_when_used(
    r"(?P<rest>.*[^\W\d].*?)\s+(?P<number>\d{1,4}(?:\s?[a-zA-Z])?)"
)
# Words for the centre of a town, as press releases head them ("Celle
# Innenstadt", "Lüneburg - Altstadt"): split off like the street of an address,
# unless a place has the whole name ("Hamburg-Altstadt").
_CENTRE_WORDS = frozenset(
    {
        "altstadt",
        "innenstadt",
        "stadtmitte",
        "stadtzentrum",
        "stadtkern",
        "zentrum",
        "kernstadt",
        "ortskern",
        "ortsmitte",
        "ortszentrum",
    }
)
# Words for a town's station, as timetables and signs name it ("Münster Hbf",
# "Hauptbahnhof Berlin", "Celle Bahnhof"), split off the same way; alone they begin
# the names of hamlets by a station ("Bahnhof Brockhöfe"), and are no bad query.
_STATION_WORDS = frozenset({"bahnhof", "hauptbahnhof", "hbf", "bhf", "busbahnhof", "zob"})
# Words for a building or site a town is known by ("Kloster Wienhausen", "Schloss
# Celle", "Klinikum Lüneburg"): read only where the whole text names no place as typed
# ("Schloss Neuhaus" is a quarter of Paderborn, "Kloster Lehnin" a municipality, and
# "Kloster" a village in Lüchow-Dannenberg).
_LANDMARK_WORDS = frozenset(
    {
        "kloster",
        "schloss",
        "krankenhaus",
        "klinikum",
        "flughafen",
        "kirche",
        "rathaus",
        "dom",
        "hafen",
    }
)
# Words for a part of a town by where it lies in it ("Siegen Ost", "Lichterfelde
# West", "Celle Mitte"): split off the same way, unless a place has the whole name
# ("Münster-West"). Alone they may name a place (Berlin's Mitte), so they are no
# bad query as the centre words are.
_PART_WORDS = frozenset(
    {"mitte", "nord", "sud", "ost", "west", "nordost", "nordwest", "sudost", "sudwest"}
)
# How street names end and begin ("Bahnhofstraße", "Am Markt", "Zum Deich"): a
# part of an address that is a street is set aside without remark.
_STREET_ENDINGS = (
    "strasse",
    "str",
    "weg",
    "platz",
    "allee",
    "gasse",
    "ring",
    "damm",
    "chaussee",
    "ufer",
    "pfad",
    "stieg",
    "steig",
    "twiete",
    "markt",
    "wall",
)
_STREET_STARTS = frozenset(
    {"am", "an", "auf", "im", "in", "zum", "zur", "beim", "hinter", "vor", "unter", "uber"}
)
# Villages of one name told apart by number (Hanstedt I and II) as addresses write it.
_ROMAN_NUMERALS = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V"}
# Between a place and where it lies: spaces, or the hyphen of "Berlin-Kreuzberg".
_WORD_BREAK = compiled_when_used(r"\s+|\s*-\s*")
_WORD_OR_SLASH_BREAK = compiled_when_used(r"\s+|\s*[-/]\s*")
_POSTCODE = compiled_when_used(r"\d{5}")
# Control characters no one types: not the tab and line breaks of pasted cells, nor
# the escape of a colour code pasted from a terminal (rendering shows it escaped), nor
# the ones str.split() reads as spaces. (registry._CONTROL refuses all of them in a
# channel's fields, and render._CONTROL escapes them in what is printed.)
_CONTROL_CHARACTERS = compiled_when_used(r"[\x00-\x08\x0e-\x1a\x7f]")
_NUMBER = compiled_when_used(r"\d+")
_SHORT_POSTCODE_FIRST = compiled_when_used(r"\s*(?P<number>\d{4})\s+(?P<rest>[^\W\d].*)")
# A postcode in an address: "21423", "D-21423", "DE-21423", no longer run of
# digits, nor a part of "05141-12345" (a telephone number) or "21423-21425".
# Letters may touch it: a paste that lost its space ("29221Celle", "29221-Celle").
_POSTCODE_IN_TEXT = compiled_when_used(
    r"(?<!\d)(?<!\d-)(?:DE?-)?(\d{5})(?!\d)(?!-\d)", re.IGNORECASE
)
# A press release's office code in front, as presseportal.de heads releases:
# "POL-WL", "POL-CE: Celler in Feierlaune".
# An office code opening a release, also in the quotes of an article that cites its
# heading ("„POL-CE: …“"), and with a space for the hyphen where the code, in
# capitals, has its colon ("POL CE: …"; "Pol Celle: Brand" is no code "CELLE").
_PRESS_CODE = compiled_when_used(
    r"\s*[\"'„“”‚‘’«»]?\s*(POL(?:-|\s+(?=(?-i:[A-ZÄÖÜ]{2,3})\s*:))[^\W\d_]{1,5})(?![\w-])\s*:?(.*?)"
    r"[\"'“”‘’«»]?\s*",
    re.IGNORECASE | re.DOTALL,
)
# Five digits with spaces among them, and nothing else: "21 423".
_SPACED_POSTCODE = compiled_when_used(r"\s*[0-9](?: ?[0-9]){4}\s*")
# A postcode a form or a letter spaces as "29 221", before its town: "29 221 Celle".
_SPACED_POSTCODE_BEFORE_A_TOWN = compiled_when_used(r"\s*([0-9]{2}) ([0-9]{3})(?=\s+[^\W\d_])")


class QueryError(ValueError):
    """The input cannot be a query; the message says why, in one line.

    ``str(error)`` is English (as in ``--batch`` JSON); :meth:`localized` is the
    same message in the user's language.
    """

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params

    def localized(self) -> str:
        """The message in the current language (see :mod:`polchan_cli.i18n`), its
        numbers grouped as there (12.000 in German)."""
        params = {k: format_number(v) if isinstance(v, int) else v for k, v in self.params.items()}
        return gettext(self.template).format(**params)


# Type words that also begin names: "Gem" (Gemeinde abbreviated) begins Gemünden.
_ALSO_A_BEGINNING = frozenset({"gem"})


# resolve() checks the query, then reads it whole and checks it again; readings of
# parts check theirs too. The answer depends on the text, is_place (a pure look-up
# in the gazetteer) and the limit alone; a QueryError is raised anew each time, as
# lru_cache keeps no exceptions.
@functools.lru_cache(maxsize=1024)
def check_query(
    query: str,
    is_place: Callable[[str], bool] = lambda key: False,
    *,
    longest: int | None = MAX_QUERY_LENGTH,
) -> str:
    """The query stripped of surrounding space, its dashes, spaces and digits as
    typed plainly (:func:`~polchan_cli.normalize.plainly_typed`), or QueryError
    saying why it is none.

    ``is_place(key)`` says whether a place has the key: a word for the town centre
    alone is a bad query unless one does ("Innenstadt"; but Hamburg has an Altstadt).
    ``longest`` is the most characters it may have (None: no limit).
    """
    if longest is not None and len(query.strip()) > _MOST_MARKS_A_CHARACTER_TAKES * longest:
        # Held to the limit as typed too, not only as read: 65,000 soft hyphens and
        # "Celle" read as "Celle", but no one typed them as a place. The length and
        # limit said are those the text breaks: as typed where it reads short enough.
        # A huge text is read only so far (reading megabytes costs), its length as typed.
        typed = len(query.strip())
        whole = typed <= _MOST_READ_FOR_A_MESSAGE * longest
        as_read = len(
            plainly_typed(query if whole else query[: _MOST_READ_FOR_A_MESSAGE * longest]).strip()
        )
        length, limit = (
            ((as_read if whole else typed), longest)
            if as_read > longest
            else (typed, _MOST_MARKS_A_CHARACTER_TAKES * longest)
        )
        raise QueryError(
            N_("query is {length} characters long; at most {limit}"), length=length, limit=limit
        )
    text = plainly_typed(query).strip()
    if not text:
        raise QueryError(N_("empty query: give a town, Ortsteil, district or postcode"))
    if _CONTROL_CHARACTERS.search(text):
        # A NUL or the like is binary data, not typed: a line of a batch answered as
        # "not found" would hide it (the message does not echo it).
        raise QueryError(N_("query has control characters: is it binary data?"))
    if longest is not None and len(text) > longest:
        raise QueryError(
            N_("query is {length} characters long; at most {limit}"),
            length=len(text),
            limit=longest,
        )
    if text in ("110", "112"):
        # An emergency number: whoever types it may need it, not a channel.
        raise QueryError(
            N_(
                "'{query}' is an emergency number: call 110 (police) or 112 (fire "
                "brigade, ambulance). For the channel, add a town, district or postcode"
            ),
            query=text,
        )
    if _NUMBER.fullmatch(text) and not _POSTCODE.fullmatch(text):
        raise QueryError(
            N_("'{query}' is not a postcode: German postcodes have 5 digits"), query=text
        )
    key = name_key(text)
    if not key and any(c.isalpha() for c in text):
        # Letters, but none that fold to the Latin alphabet: "Целле", "ツェレ".
        raise QueryError(
            N_(
                "'{query}' is not in Latin letters: "
                "write the place as German spells it (Celle, Lüneburg)"
            ),
            query=" ".join(text.split()),  # the message stays one line
        )
    if not key:
        raise QueryError(N_("query has no letters or digits: give a town, district or postcode"))
    type_word_alone = key in TYPE_WORDS and key not in _ALSO_A_BEGINNING
    if (
        type_word_alone
        or key in _NOT_PLACE_WORDS
        or (key in _CENTRE_WORDS and not is_place(key))
        or (
            not key.isdigit()
            and not is_place(key)  # a place's own name is none of these words
            and name_key(SEARCH_WORDS.sub("", text)) in EVENT_ALONE_KEYS
        )
    ):
        # "Landkreis", "Polizei", "OT", "WhatsApp", "Innenstadt", "heute", "Stau": no
        # place has such a name (though "Stau" begins Staumühle's).
        if _AN_EMERGENCY.search(text):
            # Who types "Notruf" may be in one: the number first, then the hint.
            raise QueryError(
                N_(
                    "'{query}' names no place. In an emergency call 110 (police) or 112 "
                    "(fire brigade, ambulance). For the channel, add a town, district or "
                    "postcode"
                ),
                query=text,
            )
        raise QueryError(
            N_(
                "'{query}' alone names no place: add a town, district or postcode "
                "('polchan list' shows every channel)"
            ),
            query=text,
        )
    return text


# Words of someone who may be in an emergency: "Notruf", "Notfall", "Notrufnummer".
_AN_EMERGENCY = compiled_when_used(r"(?<![\w-])not(?:ruf|fall)", re.IGNORECASE)
# How many characters as typed one read may take, at most: "&uuml;" is six for "ü".
_MOST_MARKS_A_CHARACTER_TAKES = 4
_MOST_READ_FOR_A_MESSAGE = 16

# A press release's dateline: a place of at most four words, then a colon, a full
# stop or a dash glued to it, then the report ("Westercelle: Unbefugte Nutzung …",
# "Uelzen. Sonntagnacht stahlen …", "Winsen- Unbekannte graben …").
_DATELINE = compiled_when_used(
    r"(?P<place>[^\W\d](?:[^:.,;\s]*\s){0,3}?[^:.,;\s]*?(?:[^\W\d_]|\)))(?:\s*[:.]|-)\s+"
    r"(?P<report>[^\s\-–—].*)",
    re.S,
)
# A date in a heading ("Lüneburg 03.08.15", "Dannenberg, 12.10.2018 - …", also as
# ISO writes it: "Celle, 2025-03-12: …"), the mark of the press service that sent
# it ("Winsen/L. (ots)"), and a newspaper writer's initials before the dateline, in
# small letters ("bc. Stade. Diese Einbrecher …"; "St. Peter" is a name).
_PRESS_MARK = compiled_when_used(
    r"(?<!\w)\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?!\w)|(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])"
    r"|\(ots\)|^(?-i:[a-zäöü]{2,3}\.\s+(?=[A-ZÄÖÜ]))",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:januar|februar|m(?:ä|ae)rz|april|mai|juni|juli|august|september|oktober"
    r"|november|dezember)"
)
# A date with its month's name, and the words that say when: "am 21. März 2025", "im
# Mai 2024", "vom 12. bis 14. September", "seit Mitte Mai 2024" (no Berlin-Mitte);
# not a street named after one ("Straße des 17. Juni", "Am 1. Mai 33").
_MONTH_DATE = compiled_when_used(
    r"(?<!\w)(?<!des )(?:(?:am|im|vom|seit|bis|zum|ab|zwischen\s+dem)\s+)?"
    rf"(?:\d{{1,2}}\.\s*(?:(?:bis|und|-|–)\s*(?:zum\s+)?\d{{1,2}}\.\s*)?{_MONTHS}(?:\s+\d{{4}})?"
    rf"|(?:(?:anfang|mitte|ende)\s+)?{_MONTHS}\s+\d{{4}})(?!\w)(?!\s*\d)",
    re.IGNORECASE,
)
_LETTERS_ONLY = compiled_when_used(r"(?<![\w-])[^\W\d_]+(?![\w-])")


# A time, an amount with its unit, or a bus line's or model's number, and the words
# that say about when or how much: "gegen 08:10 h", "mit 120 km/h", "um 5 Uhr",
# "Schaden von 5.000 Euro", "der Linie 5", "Tesla Model 3". No house number follows
# its street so: "Hauptstraße 5" keeps its number, "Am Markt 3 Uhr" is no address.
_MEASURE_UNITS = (
    r"uhr|h|std\.?|stunden|minuten|min\.?|km/h|kmh|stundenkilometern?|km|kilometern?"
    r"|m|metern?|cm|zentimetern?|litern?|euro|eur|€|prozent|%|kg|kilogramm|kilo|tonnen"
    r"|t|ps|promille|‰|grad|°c?|jahren?|monaten?|wochen|tagen?|personen|verletzten?"
    r"|toten?|fahrzeugen?|pkw|autos|kindern?|jugendlichen?|tätern?|taetern?|mal"
)
_MEASURE = compiled_when_used(
    r"(?<![\w/-])(?:(?:um|gegen|ca\.|circa|etwa|ab|bis|mit|von|rund|knapp|fast|zu"
    r"|mindestens|über|ueber)\s+)*"
    rf"(?:\d{{1,6}}(?:[.,:]\d{{1,3}})*(?:\s*[-–]\s*\d{{1,6}}(?:[.,:]\d{{1,3}})*)?\s*"
    rf"(?:{_MEASURE_UNITS})(?![\w/])"
    r"|\d{1,2}:\d{2}(?!\d)"
    r"|(?:(?:in|im|aus|mit)\s+)?(?:(?:der|die|dem|den|des)\s+)?"
    r"(?:linie|buslinie|gleis|bahnsteig|model|modell)"
    r"\s+\d{1,4}(?!\S))",
    re.IGNORECASE,
)
# Words before the place a report happened in, as headlines put it ("Großbrand in
# Dannenberg", "Einbruchserie bei Feuerwehren im Landkreis Stade").
# ("nach", "durch" and "für" are left out: "Polizei ermittelt nach Brand in Celle",
# "Fahrt nach Celle endet in Hannover"; "durch" is read last, see places_through.)
# With a word press releases head an area with: "im Raum Celle", "aus dem Bereich Achim",
# "im Stadtgebiet Celle".
_BEFORE_A_PLACE = compiled_when_used(
    r"(?<!\w)(?:in|im|bei|über|ueber|aus|nahe|von)"
    r"(?:\s+(?:dem\s+)?(?:(?:gro(?:ß|ss))?raume?|bereich|stadtgebiet|gemeindegebiet|kreisgebiet)\b)?"
    r"\s+(?=[^\W\d])",
    re.IGNORECASE,
)
# An area's word before a place, without "in": "Raum Celle", "Bereich Achim"; and a
# question's words before "in": "Was ist in Wedel los?".
_AREA_BEFORE_A_PLACE = compiled_when_used(
    r"(?:(?:gro(?:ß|ss))?raum|bereich|stadtgebiet|gemeindegebiet|kreisgebiet|near)\s+(?=[^\W\d])"
    r"|was\s+(?:ist|war)(?:\s+(?:denn|heute|gerade|gestern))*\s+(?=i[nm]\s)",
    re.IGNORECASE,
)
# "bei Rot über die Ampel", "bei Rot an der Kreuzung": the light, not Rot an der Rot.
# Not before a name's next word: "bei Gruen Heidekreis" may be a misspelt village.
_AT_A_TRAFFIC_LIGHT = compiled_when_used(
    r"bei\s+(?:rot|grün|gruen|gelb)(?:licht)?(?!\w)(?!\s+(?-i:[A-ZÄÖÜ]))", re.IGNORECASE
)
_OTHER_PREPOSITIONS = compiled_when_used(r"(?:nach|durch|für|fuer)\s", re.IGNORECASE)
# What a report went through ("rast durch Paderborn"); not "für", which names whom
# it was for ("Freispruch für Böhme", "Ticket für Lüneburg"), nor "nach", which
# says where someone went or what came first.
_THROUGH = compiled_when_used(r"(?<!\w)durch\s+(?=[^\W\d])", re.IGNORECASE)
# Where a road leads or someone fled: "flüchteten in Richtung Celle"; not on a
# motorway, whose signs name far cities ("Unfall auf der A2 Richtung Berlin").
_TOWARD = compiled_when_used(r"(?<!\w)(?:in\s+)?richtung\s+(?=[^\W\d])", re.IGNORECASE)
# Where the police or the fire brigade were called to: "Einsatzkräfte wurden zu einer
# Auseinandersetzung nach Neukölln gerufen" ("nach" alone says where someone went).
_CALLED_TO = compiled_when_used(r"(?<!\w)nach\s+(?=[^\W\d])", re.IGNORECASE)
# What a heading says is for a town: "Mehr Sicherheit für Bad Fallingbostel".
_FOR = compiled_when_used(r"(?<!\w)(?:für|fuer)\s+(?=[^\W\d])", re.IGNORECASE)
_CALLED = compiled_when_used(r"(?<!\w)(?:gerufen|alarmiert|beordert|entsandt)(?!\w)", re.IGNORECASE)
# The first "bei" of a text, and an "in" that says where a thing is: "Rotenburg bei
# Bremen", "Winsen b. Hamburg", "Raser in Hannover".
_BY = compiled_when_used(r"(?<!\w)(?:bei|b\.|nahe|near)\s+", re.IGNORECASE)
_IN_A_PLACE = compiled_when_used(r"(?<!\w)i[nm]\s+(?!richtung)", re.IGNORECASE)
# A clause: up to the next punctuation that ends one ("… wurde alarmiert und
# brachte den Verletzten nach Celle ins Krankenhaus." says where he was taken).
_A_CLAUSE = compiled_when_used(r"[^.;:!?]*")
_ON_A_MOTORWAY = compiled_when_used(r"(?<!\w)(?:BAB|A)\s?\d{1,3}(?!\d)|autobahn", re.IGNORECASE)
# Facilities a report names with the town they are in, which follows: "im
# Kreisverkehr Celle", "Einbruch in Grundschule Zeven"; not a firm, inn or shop,
# named after their owners or anything ("Bäckerei Hansen", "Gasthaus Heidehof").
_FACILITY = compiled_when_used(
    r"(?:(?:grund|ober|gesamt|real|haupt|förder|foerder|berufs)?schule|gymnasium|kita"
    r"|kindergarten|kindertagesstätte|kindertagesstaette|(?:frei|hallen|bürger|buerger"
    r"|wald)bad|kreisverkehr|(?:gewerbe|industrie|bau|wohn|neubau)gebiet|ortskern"
    r"|ortsmitte|innenstadt|stadtzentrum|(?:stadt|kur)park|bahnhof|busbahnhof|rathaus"
    r"|feuerwehrhaus|(?:sport|turn|stadt|lager)halle|friedhof|krankenhaus|klinikum"
    r"|wohnung|(?:ein|mehr|zwei)?familienhaus|wohnhaus|reihenhaus|garage|gartenlaube"
    r"|keller|scheune|kiosk|supermarkt|discounter|tankstelle|baustelle)",
    re.IGNORECASE,
)
# Words before a facility that say where, besides "in", "bei" and the like:
# "Diebstahl am Bahnhof Tostedt", "Unfall auf dem Parkplatz …".
_AT_A_FACILITY = compiled_when_used(
    r"(?<!\w)(?:am|an\s+der|an\s+dem|auf\s+dem|auf\s+der)\s+(?=[^\W\d])", re.IGNORECASE
)
# The police of a place, as a release's closing line names them ("Hinweise nimmt die
# Polizei Sottrum entgegen", "an das Polizeikommissariat Buxtehude"): read only where
# no place of the report is, as they may sit elsewhere ("Die Polizei Winsen
# ermittelt nach Unfall in Hanstedt").
_POLICE_BEFORE_A_PLACE = compiled_when_used(
    r"(?<!\w)(?:polizei|polizeistation|polizeikommissariat|polizeiinspektion|polizeirevier)"
    r"\s+(?=[^\W\d])",
    re.IGNORECASE,
)
# "St." abbreviates a name's "Sankt", and ends no place: "Unfall in St. Mauritz".
_END_OF_A_PLACE = compiled_when_used(r"\s*(?:(?<!\b[Ss]t)[.]|[,;:!?+]|\s[-–—]\s|$)")
MOST_WORDS_OF_A_PLACE = 4
_A_WORD = compiled_when_used(r"(\S+)\s+")
# A text that starts with "In" and goes on as a sentence: "In Zeven wurde
# eingebrochen." ("Aus Hagen kommend …" and "Von Hagen nach Stade." say where from,
# not where.)
_WHERE_A_TEXT_MAY_START = compiled_when_used(r"(?:in|im|bei)\s", re.IGNORECASE)
_A_SENTENCE = compiled_when_used(r"^\S+\s+\S+.*\s\S+.*[.!]\s*$")
# A word after "in" that says where by a place: "in Höhe Garlstorf" (not "in
# Richtung Lüneburg", which is where a road leads). As typed, umlaut and all: "in
# Hohe Börde" names the municipality.
_POSITION_WORDS = frozenset({"höhe", "hoehe"})
# What a pair of brackets holds: "(Jork)", "(OT Hehlentor)".
_BRACKETED = compiled_when_used(r"\(([^()]*)\)")
# A road's stretch between two places: "auf der B 4 zwischen Rettmer und Lüneburg".
_BETWEEN = compiled_when_used(
    r"(?<!\w)zwischen\s+(?:\S+\s+)*?(?P<first>[^\W\d][^\s,;:!?]*(?:\s[^\W\d][^\s,;:!?]*)?)"
    r"\s+und\s+(?P<second>[^\W\d][^,;:!?()]*)",
    re.IGNORECASE,
)
# The dative articles before a place named with one: "in der Nordheide", "im Bereich
# der Lüneburger Heide".
_ARTICLES = frozenset({"der", "den", "dem"})
_LONE_HOUSE_NUMBER = compiled_when_used(r"(?<!\S)\d{1,4}[a-zA-Z]?(?!\S)")
# How the names of roads end, as a regular expression's alternatives.
_ROAD_WORDS = (
    r"str\.?|stra(?:ß|ss)e|weg|allee|chaussee|ring|damm|ufer|pfad|stieg|gasse|twiete|wall"
    r"|graben|kamp|winkel|brink"
)
# How street names end: "Hauptstraße", "Bahnhofstr.", "Am Markt", "Im kleinen Felde".
_STREET_ENDING = compiled_when_used(
    rf"(?:{_ROAD_WORDS}|platz|markt|hof|berg|felde?|tor)$", re.IGNORECASE
)
# How the names of roads end that a town's adjective may begin and that lie anywhere but
# in that town: "Celler Straße", "Hamburger Chaussee", "Stader Graben" (a "Tostedter
# Bahnhof" or "Celler Marktplatz" lies in the town; "Stader Tor" is a whole word).
_ROAD_ENDING = compiled_when_used(
    rf"(?:{_ROAD_WORDS}|redder|deich|brook|brücke|bruecke)$", re.IGNORECASE
)
# Nouns that after a town's adjective name a road, a landscape or a place of their own
# ("Stader Tor", "Lüneburger Heide", "Harburger Berge", "Bleckeder Moor").
_LANDSCAPE_NOUNS = frozenset(
    {"berg", "berge", "bergen", "hof", "feld", "felde", "höhe", "hoehe", "heide", "moor"}
    | {"marsch", "geest", "land", "platz", "tor", "markt", "kreuz", "tal", "see", "wald"}
    | {"forst", "bruch", "horst", "busch", "wiese", "weide", "mühle", "muehle", "fähre"}
    | {"faehre", "siedlung", "vorstadt"}
)
# The words before a town's adjective that say where (not "bei", as "Einbruch bei
# Böhmer Landtechnik" names a firm), and words before it with a capital that are no
# part of a town's name ("Die Celler Polizei").
_WHERE_PREPOSITIONS = frozenset({"in", "im", "am", "an", "auf"})
_NOT_A_NAME = _ARTICLES | {"die", "das", "ein", "eine", "einer", "eines", "einem"}
# How a town's adjective and genitive end, by the last letter: Münsteraner, Paderborner
# (Paderborn), Celler (Celle), Celles.
_ADJECTIVE_ENDINGS = {"r": ("aner", "er", "r"), "s": ("s",)}
# A road's number, in capitals as signs write it: "auf der A 7 in Höhe Garlstorf".
_ROAD_IN_TEXT = compiled_when_used(r"(?<!\w)(?:BAB|A|B|K|L)\s\d{1,4}(?!\S)")


def utf8_misread(text: str) -> str | None:
    """The text as written, where it is UTF-8 that was read as Windows-1252 or
    Latin-1 ("LÃ¼neburg", "MÃ¼nster", "GroÃŸ Hesepe"), else None.

    A list exported by one program and opened by another often comes so. Only text
    with "Ã" or "Â" is tried, the first bytes of every umlaut and of ß misread, and
    only text that decodes as UTF-8 whole is taken: "SÃO" stays as typed.
    """
    if "Ã" not in text and "Â" not in text:
        return None
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return None


def short_postcode_first(text: str) -> tuple[str, str] | None:
    """The four digits and the rest of a text that opens with a postcode short of a
    digit ("2133 Lüneburg", "1067 Dresden": a spreadsheet drops the leading 0 of
    01067), else None."""
    found = _SHORT_POSTCODE_FIRST.fullmatch(text)
    return (found["number"], found["rest"]) if found else None


def is_a_road(text: str) -> bool:
    """Whether the text is a road's number, as reports name the Autobahn, Bundes-,
    Landes- or Kreisstraße beside a town: "A7", "BAB 1", "B 4", "K38"."""
    return _ROAD.fullmatch(text.strip()) is not None


def report_after_dateline(text: str) -> list[str]:
    """The parts of a text after its first spaced dash: a press release's report,
    which names no place by a misspelling ("Walsrode - Einbruch" is no Maienbruch),
    else []."""
    parts = _SPACED_DASH.split(text, maxsplit=1)
    return address_fields(parts[1]) if len(parts) == 2 else []


def dateline_in(text: str) -> tuple[str, str] | None:
    """The place and the report of a press release's dateline that sets the place
    apart by a colon, a full stop or a glued dash, else None: ``Westercelle:
    Unbefugte Nutzung eines Baggers`` -> ``("Westercelle", "Unbefugte Nutzung
    eines Baggers")``. (A spaced dash parts a text like a comma: see
    :func:`address_fields`.)"""
    dateline = _DATELINE.fullmatch(text.strip(" +"))
    last = dateline["place"].split()[-1] if dateline else ""
    if (len(last) < 3 and last not in _ROMAN_NUMERALS.values()) or name_key(last) in TYPE_WORDS:
        # "St. Peter", "Weißenburg i. Bay.", "Hagen Lkr. Stade": abbreviations; not
        # the numeral of "Hambühren II: Unfall".
        return None
    if dateline["place"].count("(") != dateline["place"].count(")"):
        return None  # "Hagen (Kr. Stade)": an abbreviation inside brackets
    return dateline["place"], dateline["report"].strip()


def without_press_marks(text: str) -> str | None:
    """The text without the dates, press-service marks and a writer's initials in
    it, else None if it has none: ``Lüneburg 03.08.15`` -> ``Lüneburg``, ``Celle
    (ots)`` -> ``Celle``, ``bc. Stade. Diese Einbrecher …`` -> ``Stade. Diese
    Einbrecher …``."""
    return _taken_out(_PRESS_MARK, text)


def as_typed_with_press_marks(part: str, text: str) -> str:
    """The span of ``text`` that a part of it read without its press marks
    (:func:`without_press_marks`) stands for, from its first word to its last:
    ``: Einbruch`` of ``Zeven, 12.03.2025: Einbruch`` is ``Einbruch``, and
    ``Meldung vom: Einbruch`` is ``Meldung vom 12.03.2025: Einbruch``; the part
    itself where it stands so in the text (``Einbrecher …``) or no such span is found."""
    words = _WORD_CHARACTERS.findall(part)
    if not words or (part[:1].isalnum() and part in text):
        return part
    between = rf"(?:\W|{_PRESS_MARK.pattern})*?"
    span = re.search(
        r"(?<!\w)" + between.join(map(re.escape, words)) + r"(?!\w)", text, re.IGNORECASE
    )
    return span[0] if span else part


_WORD_CHARACTERS = compiled_when_used(r"\w+")


def is_a_press_mark(word: str) -> bool:
    """Whether a word (with a colon or comma after it) is a heading's date or a
    press service's mark, as :func:`without_press_marks` takes out: ``12.03.2025:``."""
    return _PRESS_MARK.fullmatch(word.rstrip(":,;")) is not None


def without_month_dates(text: str) -> str | None:
    """The text without its dates written with the month's name, and the word that
    says when, else None if it has none: ``Einbruch im März 2025 in Bad Bevensen`` ->
    ``Einbruch in Bad Bevensen``; not a street named after one (``Am 1. Mai 33``,
    ``Straße des 17. Juni``)."""
    return _taken_out(_MONTH_DATE, text)


def without_search_words(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The text without the words a search sets beside a place that say nothing of
    where (when, and what kind of news), and with them the roads' numbers, which say
    where along a road, not which place, with those words as typed, else None if it
    has none: ``Blaulicht Celle heute`` -> ``("Celle", ("Blaulicht", "heute"))``,
    ``Unfall Lüneburg gestern Abend`` -> ``("Unfall Lüneburg", ("gestern Abend",))``,
    ``Stau A7 Soltau aktuell`` -> ``("Stau Soltau", ("A7", "aktuell"))``; the
    numbers only in a search, beside such a word or one for what happened
    (``Unfall B4 Uelzen``)."""
    if not any(c.isalpha() for c in text):
        return None  # "29221": every search word has letters, and a postcode query compiles none
    found = _search_words_in(text)
    if not found:
        return None
    rest = _spaced_once(_replaced(text, [(word, " ") for word in found]))
    return rest, tuple(" ".join(word[0].strip("-#").split()) for word in found)


def search_word_spans(text: str) -> list[tuple[int, int]]:
    """Where the words a search adds, and the roads' numbers in a search, stand in
    the text, as :func:`without_search_words` leaves them out."""
    if not any(c.isalpha() for c in text):
        return []
    return [word.span() for word in _search_words_in(text)]


def respelled_search_words(
    text: str, may_be_a_place: Callable[[str], bool]
) -> tuple[str, tuple[tuple[str, str], ...]] | None:
    """The text with the words a search adds, and the words for what happened, that
    it misspells spelled as meant, and each such word as typed and as meant, else
    None if it misspells none: ``Celle aktuel`` -> ``("Celle aktuell", (("aktuel",
    "aktuell"),))``, ``Unfal Celle gestern abned`` -> ``("Unfall Celle gestern
    abend", (("Unfal", "Unfall"), ("abned", "abend")))``. Not a word
    ``may_be_a_place(key)`` says a place may be named (Medingen is no "Meldungen")."""
    misspelt = _misspelt_search_words(text, _search_words_in(text), may_be_a_place)
    if not misspelt:
        return None
    return _replaced(text, misspelt), tuple((word[0], meant) for word, meant in misspelt)


def _search_words_in(text: str) -> list[re.Match[str]]:
    """The words a search adds, spelled right, with the roads' numbers in a search."""
    if not (SEARCH_WORDS.search(text) or (_ROAD.search(text) and beside_an_event_word(text))):
        return []  # "Ottersberg/A1" is no search, "Unfall B4 Uelzen" is
    # A road's number before "Richtung" stays: its signs name far cities ("Stau auf
    # der A2 Richtung Berlin").
    return list((SEARCH_WORDS if _TOWARD.search(text) else _SEARCH_WORDS_OR_ROADS).finditer(text))


_SEARCH_WORDS_OR_ROADS = compiled_when_used(
    rf"{SEARCH_WORDS.pattern}|(?<![\w-]){_ROAD.pattern}(?![\w-])", re.IGNORECASE
)


def _misspelt_search_words(
    text: str, spelled_right: list[re.Match[str]], may_be_a_place: Callable[[str], bool]
) -> list[tuple[re.Match[str], str]]:
    """The words of the text, besides those ``spelled_right``, that misspell a word a
    search adds or one for what happened, and a time of day after one of those,
    each with the word meant."""
    taken = [word.span() for word in spelled_right]
    misspelt: list[tuple[re.Match[str], str]] = []
    after_one = False  # "gestern abned", "gestren nacht"
    for word in _LETTERS_ONLY.finditer(text):
        if any(start <= word.start() < end for start, end in taken):
            after_one = True
            continue
        meant = misspelt_search_word(word[0], after_one=after_one)
        # The lookup last: the caller may look the word up at some cost.
        if meant and not is_a_small_word(word[0]) and not may_be_a_place(name_key(word[0])):
            misspelt.append((word, meant))
            after_one = True
        else:
            after_one = False
    return misspelt


def _replaced(text: str, words: list[tuple[re.Match[str], str]]) -> str:
    """The text with each of ``words`` (found in it, in order) replaced by its string."""
    pieces = []
    start = 0
    for word, by in words:
        pieces += [text[start : word.start()], by]
        start = word.end()
    return "".join([*pieces, text[start:]])


def without_measures(text: str) -> str | None:
    """The text without its times, amounts with their unit and bus lines' or
    models' numbers, and the words before them that say about when or how much,
    else None if it has none: ``In Celle mit 120 km/h geblitzt`` -> ``In Celle
    geblitzt``, ``Einbruch in Jork um 06:30 Uhr`` -> ``Einbruch in Jork``; not a
    house number (``Hauptstraße 5 in Celle``)."""
    return _taken_out(_MEASURE, text)


def _taken_out(words: re.Pattern[str], text: str) -> str | None:
    """The text without what ``words`` matches, spaced once, else None if nothing.
    A comma left before a colon goes too: ``Celle, 12.03.2025: Einbruch`` is
    ``Celle: Einbruch``, not ``Celle, : Einbruch``."""
    rest = words.sub(" ", text)
    if rest == text:
        return None
    return _spaced_once(_COMMA_BEFORE_COLON.sub("", rest))


_COMMA_BEFORE_COLON = compiled_when_used(r",\s+(?=:)")


def _spaced_once(text: str) -> str:
    """The text with its runs of space as one, and no space, comma, semicolon or dash
    at either end."""
    return " ".join(text.split()).strip(" ,;-")


def places_after_prepositions(text: str, *, police: bool = False) -> list[list[tuple[str, str]]]:
    """Where a headline may say a report happened: after each "in", "im", "bei",
    "über", "aus", "nahe" or "von" (with ``police``, after each word for the police
    of a place instead), up to the next punctuation, its first one to four words
    (and a type word before them), longest first, each with the rest of the text:
    ``Großbrand in Dannenberg`` -> ``[[("Dannenberg", "Großbrand")]]``."""
    return _places_after(text, _prepositions_after_words(text, police=police))


def places_through(text: str) -> list[list[tuple[str, str]]]:
    """As :func:`places_after_prepositions`, after each "durch" that follows words:
    ``Audi-Fahrer rast durch Paderborn`` -> ``[[("Paderborn", "Audi-Fahrer
    rast")]]``."""
    found = (m for m in _THROUGH.finditer(text) if name_key(text[: m.start()]))
    return _places_after(text, found)


def places_toward(text: str) -> list[list[tuple[str, str]]]:
    """As :func:`places_after_prepositions`, after each "Richtung" or "in Richtung"
    that follows words: ``Täter flüchteten in Richtung Celle`` -> ``[[("Celle",
    "Täter flüchteten")]]``. Not on a motorway (``Stau auf der A2 Richtung
    Berlin``), nor where the text says otherwise where it was, by a dateline or
    after "in", "bei" and the like, even a place no data has: ``Großburgwedel:
    Fahrer flüchtet Richtung Celle``, ``Raub in Borgfeld: Täter flüchten in Richtung
    Lilienthal``, ``Großburgwedel, Richtung Celle``. (A Bundesstraße's way is read:
    ``Unfall auf der B 4 in Richtung Uelzen`` is mostly near there.)"""
    if _ON_A_MOTORWAY.search(text) or _SPACED_DASH.search(text):
        return []
    dateline = dateline_in(text)
    if dateline and not _TOWARD.search(f"{dateline[0]} x"):
        return []
    if any(not _TOWARD.match(text, m.start()) for m in _prepositions_after_words(text)):
        return []
    found = (
        m
        for m in _TOWARD.finditer(text)
        # "Großburgwedel, Richtung Celle": a field before says where it was
        if name_key(text[: m.start()]) and not _FIELD_BREAK.search(text, 0, m.start())
    )
    return _places_after(text, found)


def places_after_a_noun(text: str) -> list[list[tuple[str, str]]]:
    """After each "in", "im", "bei" and the like, the words that follow a
    facility's noun among its first four (a school, a pool, a roundabout, an
    industrial estate …) up to the last of them, with the rest of the text, where
    they close the text: ``Unfall im Kreisverkehr Celle`` ->
    ``[[("Celle", "Unfall im Kreisverkehr")]]``; ``Einbruch in Bäckerei Hansen`` ->
    ``[]``: a firm's name may be anyone's; ``Einbruch in Garage Vorwerk
    (Wolfsburg)`` -> ``[]``: the text goes on to say where."""
    found = []
    at = (m for m in _AT_A_FACILITY.finditer(text) if name_key(text[: m.start()]))
    for before in (*_prepositions_after_words(text), *at):
        end = _END_OF_A_PLACE.search(text, before.end()).start()
        words = list(re.finditer(r"\S+", text[:end]))
        words = [w for w in words if w.start() >= before.end()][:MOST_WORDS_OF_A_PLACE]
        if not words or text[words[-1].end() :].strip(" .!?+") or "(" in text[before.end() :]:
            continue
        after = []
        for first in range(1, len(words)):
            noun, word = words[first - 1][0], words[first][0]
            if not (_FACILITY.fullmatch(noun) and word[0].isupper()):
                continue
            place = text[words[first].start() : words[-1].end()]
            rest = f"{text[: words[first].start()]} {text[words[-1].end() :]}"
            after.append((place, " ".join(rest.split()).strip(" .,;:!?+-")))
        if after:
            found.append(after)
    return found


def words_before_toward(text: str) -> list[str]:
    """The word before each "Richtung" or "in Richtung" that begins with a capital,
    where a report may say it started: ``Unfall Uellzen Richtung Celle`` ->
    ``["Uellzen"]``; ``Täter flüchteten in Richtung Celle`` -> ``[]``."""
    found = []
    for toward in _TOWARD.finditer(text):
        words = text[: toward.start()].split()
        if words and words[-1][:1].isupper():
            found.append(words[-1].strip(",;:"))
    return found


def around_bei(text: str) -> tuple[str, str] | None:
    """The words before and after a text's first "bei", "b." or "nahe", else None:
    ``Winsen bei Hamburg`` -> ``("Winsen", "Hamburg")``."""
    by = _BY.search(text)
    return (text[: by.start()], text[by.end() :]) if by else None


def says_in(text: str) -> bool:
    """Whether the text says a thing is in a place, with "in" or "im" ("Raser in
    Hannover"); not "in Richtung", which says where a way leads."""
    return _IN_A_PLACE.search(text) is not None


def first_word_before_a_preposition(text: str) -> str | None:
    """The first word of a text that goes on with "in", "im", "bei" and the like, as
    a heading's event does: ``Brand in Lagerhalle Stade`` -> ``Brand``; None
    otherwise (``Bremen (Celle)``, ``Hannover, Richtung Celle``)."""
    first = _A_WORD.match(text)
    if first is None or not first[1][:1].isalpha():
        return None
    return first[1] if _BEFORE_A_PLACE.match(text, first.end()) else None


def places_called_to(text: str) -> list[list[tuple[str, str]]]:
    """As :func:`places_after_prepositions`, after each "nach" that the clause goes
    on to say someone was called to: ``Einsatzkräfte wurden nach Neukölln gerufen``
    -> ``[[("Neukölln gerufen", "Einsatzkräfte wurden"), ("Neukölln",
    "Einsatzkräfte wurden gerufen")]]``; ``Täter flüchtet nach Stade`` -> ``[]``,
    ``Der Rettungsdienst wurde alarmiert und brachte ihn nach Celle`` -> ``[]``."""
    found = (
        m
        for m in _CALLED_TO.finditer(text)
        if name_key(text[: m.start()]) and _CALLED.search(_A_CLAUSE.match(text, m.end())[0])
    )
    return _places_after(text, found)


def places_for(text: str) -> list[list[tuple[str, str]]]:
    """As :func:`places_after_prepositions`, after a "für" that follows words, the
    words that close the text: ``Mehr Sicherheit für Bad Fallingbostel`` ->
    ``[[("Bad Fallingbostel", "Mehr Sicherheit")]]``; ``Spenden für Celle
    gesammelt`` -> ``[[("Celle gesammelt", "Spenden")]]``, which names no place.
    Not after what a person is given or sentenced to: ``Freispruch für Böhme`` ->
    ``[]``."""

    def meant_for_a_place(m: re.Match[str]) -> bool:
        before = name_key(text[: m.start()]).split()
        return (
            bool(before)
            and len(name_key(text[m.end() :]).split()) <= MOST_WORDS_OF_A_PLACE
            and not any(map(_given_to_a_person, before))
        )

    found = (m for m in _FOR.finditer(text) if meant_for_a_place(m))
    return [after[:1] for after in _places_after(text, found)]


def _given_to_a_person(key: str) -> bool:
    """Whether a word (a key) is what a person is given, awarded or sentenced to,
    or a compound ending in such a word of five letters or more ("haftstrafe";
    not "haus", though it ends in "aus")."""
    return any(key == word or (len(word) >= 5 and key.endswith(word)) for word in _FOR_A_PERSON)


# What a person is given, awarded or sentenced to: "Freispruch für Böhme", "Lob für
# Holste" name a surname, not the municipality.
_FOR_A_PERSON = tuple(
    name_key(word)
    for word in (
        # sentenced, charged, banned
        "Freispruch",
        "Freisprüche",
        "Schuldspruch",
        "Urteil",
        "Urteile",
        "Haft",
        "Untersuchungshaft",
        "Strafe",
        "Strafen",
        "Bewährung",
        "Befehl",
        "Anklage",
        "Arrest",
        "Verwahrung",
        "Verweis",
        "Bußgeld",
        "Entzug",
        "Sperre",
        "Rüge",
        "Abmahnung",
        "Kündigung",
        # praised, awarded, thanked
        "Lob",
        "Dank",
        "Danke",
        "Dankeschön",
        "Applaus",
        "Ehrung",
        "Ehrungen",
        "Auszeichnung",
        "Auszeichnungen",
        "Medaille",
        "Nadel",
        "Verdienstkreuz",
        "Orden",
        "Preis",
        "Bürgerschaft",
        "Ständchen",
        "Blumen",
        "Glückwunsch",
        "Glückwünsche",
        "Rückendeckung",
        # a career
        "Beförderung",
        "Abschied",
        "Ruhestand",
        "Job",
        "Niederlage",
        "Karte",
        "Aus",
    )
)


def places_in_brackets(text: str) -> list[tuple[str, str]]:
    """The words in each pair of brackets that may name a place, with the rest of
    the text: ``Einbruch in Osterjork (Jork)`` -> ``[("Jork", "Einbruch in
    Osterjork")]``, ``Brand eines Wohnwagens (OT Hehlentor)`` -> ``[("OT
    Hehlentor", "Brand eines Wohnwagens")]``; not an age, a phone number or a
    press mark ("(45)", "(04141/102215)", "(wS/ots)")."""
    found = []
    for bracket in _BRACKETED.finditer(text):
        inside = " ".join(bracket[1].split())
        if not inside or not inside[0].isalpha() or any(c.isdigit() or c == "/" for c in inside):
            continue
        rest = f"{text[: bracket.start()]} {text[bracket.end() :]}"
        found.append((inside, " ".join(rest.split())))
    return found


def _places_after(text: str, prepositions: Iterable[re.Match[str]]) -> list[list[tuple[str, str]]]:
    found = []
    for before in prepositions:
        start = before.end()
        # "in der Hansestadt Lüneburg", "im Bereich der Samtgemeinde Elbmarsch": the
        # small words go with the type word, not the place.
        after_small_words = start
        while (word := _A_WORD.match(text, after_small_words)) and is_a_small_word(word[1]):
            after_small_words = word.end()
        if _starts_with_a_type_word(text[after_small_words:]):
            start = after_small_words
        elif (word := _A_WORD.match(text, start)) and word[1].casefold() in _POSITION_WORDS:
            start = word.end()
        end = _END_OF_A_PLACE.search(text, start).start()
        words = text[start:end].split()
        # A type word or an article before the name is no word of it: "in der Gemeinde
        # Bergen an der Dumme", "in der Lüneburger Heide bei Soltau".
        titled = next(
            (
                i
                for i, w in enumerate(words)
                if name_key(w) not in TYPE_WORDS and w.casefold() not in _ARTICLES
            ),
            0,
        )
        words = words[: MOST_WORDS_OF_A_PLACE + titled]
        after = []
        for n in range(len(words), 0, -1):
            place = " ".join(words[:n])
            rest = (text[: before.start()] + " " + text[start + len(place) :]).strip(" .,;:!?+-")
            after.append((place, " ".join(rest.split())))
        found.append(after)
    return found


def after_an_article(place: str) -> str | None:
    """The words of a place a preposition names after their article, else None:
    ``der Nordheide`` -> ``Nordheide``; ``Celle`` -> None."""
    article, _, name = place.partition(" ")
    return name.strip() or None if article.casefold() in _ARTICLES else None


def undeclined(name: str) -> list[str]:
    """The forms a name's adjective has without an article, where a preposition
    declined it: ``Alten Land`` (``im Alten Land``) -> ``Altes Land``, ``Alte
    Land``, ``Alter Land``; ``Hannoverschen Wendland`` -> ``Hannoversches
    Wendland`` …; [] for a name whose first word is no such adjective before a noun."""
    first, _, rest = name.partition(" ")
    if not (first.endswith("en") and first[:1].isupper() and rest[:1].isupper()):
        return []
    stem = first[:-1]
    return [f"{stem}{ending} {rest}" for ending in ("s", "", "r")]


def _starts_with_a_type_word(text: str) -> bool:
    first = text.split(maxsplit=1)[:1]
    return bool(first) and name_key(first[0]) in TYPE_WORDS


def before_a_place(text: str, *, police: bool = False) -> str:
    """The words of a headline before the first "in", "bei" and the like (see
    :func:`places_after_prepositions`) that follows some: ``Großbrand in
    Dannenberg`` -> ``Großbrand``; else ""."""
    first = next(_prepositions_after_words(text, police=police), None)
    return text[: first.start()].strip(" .,;:!?+-") if first else ""


def first_preposition(text: str, *, police: bool = False) -> str | None:
    """The first "in", "bei" and the like that follows words, lower case, which
    :func:`before_a_place` cuts at: ``Brand in Elsdorf`` -> ``in``; else None."""
    first = next(_prepositions_after_words(text, police=police), None)
    return first.group().split()[0].casefold() if first else None


def _prepositions_after_words(text: str, *, police: bool = False) -> Iterator[re.Match[str]]:
    """Each "in", "bei" and the like with words before it: "bei Neustadt an der
    Orla" starts with a name, not a report; at the start only "In", "Im" or "Bei"
    opening a sentence, and a word for the police ("Polizei Celle sucht Zeugen")."""
    if police:
        return _POLICE_BEFORE_A_PLACE.finditer(text)
    return (
        m
        for m in _BEFORE_A_PLACE.finditer(text)
        if (name_key(text[: m.start()]) or (m.start() == 0 and _opens_a_sentence(text, m)))
        and not _AT_A_TRAFFIC_LIGHT.match(text, m.start())
    )


def _opens_a_sentence(text: str, preposition: re.Match[str]) -> bool:
    """Whether a text that starts with "In", "Im" or "Bei" goes on as a sentence,
    or as a heading does, with a word in small letters after its first two ("In
    Celle mit 120 km/h geblitzt"; not "bei Neustadt an der Orla"). (What "Im" may
    open on, a district or region, is the resolver's to say.)"""
    if not _WHERE_A_TEXT_MAY_START.match(preposition[0]):
        return False
    return bool(_A_SENTENCE.search(text)) or any(map(looks_like_a_verb, text.split()[2:]))


def looks_like_a_verb(word: str) -> bool:
    """Whether a word of a heading is in small letters and no small word of a name,
    as its verb is ("In Celle geblitzt"; not "an" or "der")."""
    return word[:1].islower() and not is_a_small_word(word)


def prepositions_in(text: str, *, police: bool = False) -> list[str]:
    """The words, lower case, that :func:`places_after_prepositions` reads a place
    after, in its order: ``Bei Geist kam es zu einem Unfall in Lauenbrück`` ->
    ``["bei", "in"]``; with their word for an area, ``Im Raum Celle …`` -> ``["im
    raum"]``."""
    found = _prepositions_after_words(text, police=police)
    return [" ".join(m[0].split()).casefold() for m in found]


def is_a_linking_word(word: str) -> bool:
    """Whether the word is an article, a small word of a name or a preposition,
    which begins no place's name on its own ("der Nähe von …", "im Wald")."""
    return is_a_small_word(word) or is_a_preposition(word)


def is_a_preposition(word: str) -> bool:
    """Whether the word is one of the "in", "bei", "nach" … a place follows (or may
    follow) in a headline."""
    found = _BEFORE_A_PLACE.match(f"{word} x") or _OTHER_PREPOSITIONS.match(f"{word} x")
    return found is not None and found.end() == len(word) + 1


def has_a_house_number(text: str) -> bool:
    """Whether a house number stands alone in the text ("Hauptstraße 5 Otersen im
    Sande"), not a list's "1." nor the "A1" or "A 7" of a road; nor a number after a
    colon, or, in a text written with capitals, after a word in small letters past
    the first two that names no street ("Unfall in Zeven mit 14 Fahrzeugen",
    "Unfall in Zeven: 14 Verletzte"), as a house number follows its street's name."""
    text = _ROAD_IN_TEXT.sub(" ", text)
    capitalised = not text.islower()
    for number in _LONE_HOUSE_NUMBER.finditer(text):
        before = text[: number.start()].split()
        if not before or before[-1][-1] in ":;,!?":
            continue
        # An address starts with its street, in capitals or not: "hauptstraße 5
        # Otersen im Sande", "am markt 3 Wietzetze bei Hitzacker".
        if (
            capitalised
            and before[-1][0].islower()
            and len(before) > 2
            and not _STREET_ENDING.search(before[-1])
        ):
            continue
        return True
    return False


def plate_codes_in(text: str) -> list[tuple[str, str, str]]:
    """Where a text may name a district by its licence-plate code, in capitals as
    plates write it: each as the text before, the code, and the text after, such
    that before + the district's name + after names the district instead. In
    brackets after a place, with or without a type word (``Bostel (HK)``, ``Bostel
    (Lkr. HK)``), as a field of its own (``Hagen, STD``, ``Kreis ROW``, ``LK ROW``
    alone), or after a one-word place, its one other word (``Bostel HK``:
    ``("Bostel, ", "HK", "")``): not the last word of a longer text, which in
    capitals is as often a word ("WAS IST IN BUCHHOLZ LOS"). Not a type word
    (``Tostedt (SG)`` is the Samtgemeinde), nor, but in brackets, a word for the
    police (``Celle, PI``; ``Wedel (PI)`` is Pinneberg's) or a German word
    (``Buchholz LOS``). Which codes are a
    district's is for the caller to look up."""
    if not any(a.isupper() and b.isupper() for a, b in itertools.pairwise(text)):
        return []  # no two capitals together: "Celle" compiles none of the patterns
    found = []
    for pattern, joint in ((_PLATE_IN_BRACKETS, ""), (_PLATE_AS_A_FIELD, ""), (_PLATE_LAST, ", ")):
        for m in pattern.finditer(text):
            key = name_key(m["code"])
            if key in TYPE_WORDS or (
                pattern is not _PLATE_IN_BRACKETS
                and (
                    key in _NOT_PLACE_WORDS
                    or (m["code"] in _WORDS_LIKE_PLATE_CODES and m["name"] == m["code"])
                )
            ):
                continue
            before = text[: m.start("name")].rstrip() + joint if joint else text[: m.start("name")]
            found.append((before, m["code"], text[m.end("name") :]))
    return found


# A plate code: two or three capitals ("HK", "STD", "BÜR"; a letter may be anything:
# "Neustadt (H)" is Hessen's or Holstein's, "Hanstedt I" a village's numeral), where
# it is all of a bracket or of a field (after a type word for a district, or none),
# or the second of two words, the first no word in capitals ("Bostel HK").
# German words in capitals that are plate codes too: outside brackets, and without a
# type word, they are words ("Was ist in Buchholz LOS", "Polizei Lichtenau AN"); in
# them, or after one, codes ("Werder (LOS)", "Kreis HI").
_WORDS_LIKE_PLATE_CODES = frozenset(
    {"AB", "AM", "AN", "DA", "DU", "EIN", "ER", "ES", "EU", "HER", "HI", "IN", "LOS", "MAI"}
    | {"MAL", "NE", "OB", "OH", "SO", "UM", "WO"}
    # and what forms abbreviate countries, states and Regierungsbezirke so:
    # "Wedel, GER", "Linden, RP", "Haar, OBB"
    | {"GER", "RP", "OBB"}
    # and the floors and firms of an address: "Bahnhofstraße 5, EG", "Müller KG"
    | {"EG", "OG", "KG", "WG"}
)
_TYPE_WORD_OF_A_DISTRICT = r"(?i:landkreis|kreis|lkr?|kr)\.?\s+"
_PLATE_IN_BRACKETS = compiled_when_used(
    rf"\(\s*(?P<name>(?:{_TYPE_WORD_OF_A_DISTRICT})?(?P<code>[A-ZÄÖÜ]{{2,3}}))\s*\)"
)
_PLATE_AS_A_FIELD = compiled_when_used(
    rf"(?:(?<=^)|(?<=,))\s*(?P<name>(?:{_TYPE_WORD_OF_A_DISTRICT})?(?P<code>[A-ZÄÖÜ]{{2,3}}))"
    r"\s*(?=,|$)"
)
_PLATE_LAST = compiled_when_used(
    r"(?<=^)\s*(?=\S*[^\W\d_])(?!\S*(?-i:[A-ZÄÖÜ]{2})\S*\s)\S+(?<!,)"
    r"(?P<gap>\s+)(?P<name>(?P<code>[A-ZÄÖÜ]{2,3}))\s*$"
)


def press_code_in(text: str) -> tuple[str, str] | None:
    """The office code a text starts with, upper case, and the rest, else None.

    ``POL-LG: Uelzen - Unfall`` -> ``("POL-LG", "Uelzen - Unfall")``.
    """
    coded = _PRESS_CODE.fullmatch(text)
    if not coded:
        return None
    return "POL-" + "".join(coded[1][3:].split()).lstrip("-").upper(), coded[2].strip()


def postcodes_in(text: str) -> tuple[str, ...]:
    """The postcodes in the text, each once ("21423", "21423 Winsen", an address).

    A query of five digits and spaces alone is one postcode typed with a space
    ("21 423"), and so are two digits, a space and three at its start before a
    town ("29 221 Celle").
    """
    if spaced := _SPACED_POSTCODE.fullmatch(text):
        return (spaced[0].replace(" ", "").strip(),)
    if spaced := _SPACED_POSTCODE_BEFORE_A_TOWN.match(text):
        return (spaced[1] + spaced[2],)
    return tuple(dict.fromkeys(m.group(1) for m in _POSTCODE_IN_TEXT.finditer(text)))


def without_postcodes(text: str) -> str:
    """The text with its postcodes taken out: ``Am Markt 1, 21335 Lüneburg`` ->
    ``Am Markt 1,  Lüneburg``."""
    if _SPACED_POSTCODE.fullmatch(text):
        return ""
    if spaced := _SPACED_POSTCODE_BEFORE_A_TOWN.match(text):
        return " " + text[spaced.end() :]
    return _POSTCODE_IN_TEXT.sub(" ", text)


def beside_an_event_word(text: str) -> tuple[str, str] | None:
    """The rest of a text that starts or ends with a word for what happened (see
    :data:`~polchan_cli.lexicon.EVENT_WORDS`, and compounds that end in one of the
    commonest, as "Wildunfall" does), with that word, else None: ``Unfall Celle``, ``Unfall:
    Celle`` and ``Celle Unfall`` -> ``("Celle", "Unfall")``; failing those, the
    words after its last such word, with all before them (see
    :func:`_after_the_last_event_word`). Not in an address's
    fields or after a dateline, which are read as such (``Tarmstedt:
    Verkehrsunfallflucht``, ``Diebstahl Novemberstraße 32, Hilchenbach``)."""
    if _FIELD_BREAK.search(text):
        return None
    if ":" in text:
        before = _EVENT_BEFORE_A_COLON.fullmatch(text)
        if before and says_what_happened(before[1]) and name_key(before[2]):
            return before[2].strip(), before[1]
        return None
    found = _beside_a_word(text, says_what_happened)
    if found and not any(map(says_what_happened, found[0].split())):
        return found
    # "Verkehrsunfall und Verkehrsgefährdung aufgrund Trunkenheit Verden": the words
    # after the last such word, where the first opened a list of them.
    return _after_the_last_event_word(text) or found


def _after_the_last_event_word(text: str) -> tuple[str, str] | None:
    """The words after a text's last word for what happened, where they are few
    enough to be a place's and close the text, with all before them: ``Jugendliche
    begehen Hausfriedensbruch Ritterhude`` -> ``("Ritterhude", "Jugendliche begehen
    Hausfriedensbruch")``."""
    words = text.split()
    for i in range(len(words) - 2, 0, -1):
        if says_what_happened(words[i]):
            place = " ".join(words[i + 1 :])
            if len(name_key(place).split()) > MOST_WORDS_OF_A_PLACE:
                return None
            return (place, " ".join(words[: i + 1])) if name_key(place) else None
    return None


def after_police_word(text: str) -> str | None:
    """The rest of a text that starts or ends with a word for the police or for a
    channel, else None.

    ``Polizei Buxtehude`` and ``Buxtehude Polizei`` -> ``Buxtehude``;
    ``WhatsApp Polizei Celle`` -> ``Polizei Celle``.
    """
    beside = _beside_a_word(text, lambda word: name_key(word) in _NOT_PLACE_WORDS)
    if not beside:
        return None
    rest = beside[0]
    if "," in rest:
        # "Celle, Uelzen und Polizei": the police listed last, the list before them
        # (not "oder": "Polizei Frankfurt Oder" is the town on the river).
        rest = _JOINER_LAST.sub("", rest) or rest
    return rest


_JOINER_LAST = compiled_when_used(r"\s+(?:und|sowie|&)$", re.IGNORECASE)


def with_spoken_punctuation(text: str) -> str | None:
    """The text with the punctuation a voice assistant writes out as words set as
    marks, else None: ``Celle Komma Westercelle`` -> ``Celle, Westercelle``, ``Stade
    Fragezeichen`` -> ``Stade``, ``Celle Doppelpunkt`` -> ``Celle``."""
    marked = _SPOKEN_COMMA.sub(", ", text)
    marked = _SPOKEN_COLON.sub(": ", marked)
    marked = _SPOKEN_END.sub("", marked)
    return marked if marked != text else None


# Punctuation as dictation writes it out: a comma or colon between words, a full
# stop, question or exclamation mark, a colon, or a comma dictated last, at the end.
_SPOKEN_COMMA = compiled_when_used(r"\s+komma\s+(?=\S)", re.IGNORECASE)
_SPOKEN_COLON = compiled_when_used(r"\s+doppelpunkt\s+(?=\S)", re.IGNORECASE)
_SPOKEN_END = compiled_when_used(
    r"\s+(?:punkt|fragezeichen|ausrufezeichen|doppelpunkt|komma)\s*$", re.IGNORECASE
)


def town_after_a_street(
    text: str, is_place: Callable[[str], bool] = lambda key: False
) -> str | None:
    """The town after a street of one word that opens the text with no house
    number or comma, as a resident may write where they live: ``Bahnhofstraße
    Celle`` -> ``Celle``; else None. ``is_place(key)`` says whether a place has the
    key: a word that names one is no street (Weidedamm is a quarter of Bremen).
    Whether the rest names a place is for the caller."""
    words = text.split()
    if len(words) < 2 or _FIELD_BREAK.search(text) or any(c.isdigit() for c in text):
        return None
    first = name_key(words[0])
    ending = next((e for e in _NOTHING_BUT_STREET_ENDINGS if first.endswith(e)), None)
    if ending is None or len(first) < len(ending) + 3 or is_place(first):
        return None  # "Weg Celle": no street's name
    rest = " ".join(words[1:])
    if words[1:] == [words[1]] and words[1].casefold() in _NOUNS_AFTER_A_WAY:
        return None  # "Radweg Insel", "Uferweg Elbe": where the way runs, not a town
    return rest


# Nouns a way is named with, or runs along, which villages are named too: "Radweg
# Insel" is no Insel in the Heidekreis, "Deichweg Elbe" no village Elbe.
_NOUNS_AFTER_A_WAY = _LANDSCAPE_NOUNS | {"insel", "elbe", "weser", "aller", "deich", "ufer"}


# Endings only streets and squares have: not "markt" or "ring", which events and
# places end in too ("Zwiebelmarkt Celle" may be a market, or a place the data
# lacks), nor "str", "ufer" or "wall", which end other words; a square is in its town
# ("Alexanderplatz Berlin").
_NOTHING_BUT_STREET_ENDINGS = tuple(
    e for e in _STREET_ENDINGS if e not in ("str", "ring", "ufer", "markt", "wall")
)


def with_spoken_digits(text: str) -> str | None:
    """The text with five digits a voice assistant writes out as words set as a
    postcode, else None: ``zwei neun zwei zwei eins`` -> ``29221``, ``PLZ zwei
    eins vier zwei drei`` -> ``PLZ 21423``. Only five in a row, a postcode's
    count: "eins" alone may be a word."""
    spoken = _SPOKEN_POSTCODE.sub(
        lambda m: "".join(_DIGIT_WORDS[w.casefold()] for w in m[0].split()), text
    )
    return spoken if spoken != text else None


_DIGIT_WORDS = {
    **{w: str(i) for i, w in enumerate(("null", "eins", "zwei", "drei", "vier", "fünf"))},
    **{w: str(i) for i, w in enumerate(("sechs", "sieben", "acht", "neun"), start=6)},
    "zwo": "2",
    "fuenf": "5",
}
_SPOKEN_POSTCODE = compiled_when_used(
    rf"(?<![\w-])(?:{'|'.join(_DIGIT_WORDS)})(?:\s+(?:{'|'.join(_DIGIT_WORDS)})){{4}}(?![\w-])",
    re.IGNORECASE,
)


def as_belonging_to(text: str) -> tuple[str, str] | None:
    """A question whether a place belongs to another, as the place and the other,
    else None: ``Gehört Westercelle zu Celle?`` -> ``("Westercelle", "Celle")``,
    ``Bussau gehört zum Landkreis Lüchow-Dannenberg`` -> ``("Bussau", "Landkreis
    Lüchow-Dannenberg")``. Whether the other fits is the caller's to say."""
    asked = _BELONGING.fullmatch(text)
    if not asked:
        return None
    return asked["place"] or asked["placed"], asked["whole"]


# "Gehört X (eigentlich) zu Y?", "X gehört (das) zu Y", "Gehört X zum Landkreis Y?"
_BELONGING = compiled_when_used(
    r"\s*(?:geh(?:ö|oe)rt\s+(?P<place>[^\W\d].*?)|(?P<placed>[^\W\d].*?)\s+geh(?:ö|oe)rt)"
    r"(?:\s+(?:eigentlich|denn|das))*\s+zu[mr]?\s+(?P<whole>[^\W\d][^?]*?)\s*\?*\s*",
    re.IGNORECASE,
)


def with_type_word_apart(text: str) -> str | None:
    """The text with a hyphen that joins a type word to a name set as a space, else
    None: ``Celle-Stadt`` -> ``Celle Stadt``, ``Stade-Landkreis`` -> ``Stade
    Landkreis``."""
    apart = _HYPHENED_TYPE_WORD.sub(" ", text)
    return apart if apart != text else None


# A hyphen before a type word that ends the text: "Celle-Stadt".
_HYPHENED_TYPE_WORD = compiled_when_used(
    r"(?<=[^\W\d_])-(?=(?:stadt|landkreis|kreis|gemeinde|samtgemeinde|lkr?)\.?\s*$)",
    re.IGNORECASE,
)


def unglued(text: str) -> str | None:
    """One word that glues a word for the police or a channel to a place, or a
    place's words to each other, as a phone's keyboard, a handle or a hashtag writes
    them, spaced: ``polizeicelle`` -> ``polizei celle``, ``@PolizeiStade`` ->
    ``Polizei Stade``, ``Cellepolizei`` -> ``Celle polizei``, ``LandkreisHarburg``
    -> ``Landkreis Harburg``; of a word that may be a German compound, only the
    police (``Küstenkanal`` -> None); else None (words with spaces, or nothing
    glued). Whether the result names a place is for the caller to read."""
    word = text.strip().lstrip("@#")
    if not word or any(c.isspace() for c in word) or not word.isalpha():
        return None
    # A word with a capital and then small letters only may be a compound as German
    # makes them ("Küstenkanal", "Küstenwache", "Polizeilich"), or the glued words of
    # a phone that capitalises what is typed first ("Polizeicelle", "Cellepolizei"):
    # of such a word only the police are split off, before or after it.
    compound = word[0].isupper() and word[1:].islower()
    glued_words = _GLUED_POLICE_WORDS if compound else _GLUED_WORDS
    parts: list[str] = []
    rest = word
    while True:  # "WhatsAppKanalCelle": each glued word in turn
        folded = rest.casefold()
        glued = next(
            (g for g in glued_words if folded.startswith(g) and len(rest) - len(g) >= 3), None
        )
        if glued is None:
            break
        parts.append(rest[: len(glued)])
        rest = rest[len(glued) :]
    if compound and rest.casefold() in _NOUNS_AFTER_THE_POLICE:
        return None  # "Polizeistelle" is no Polizei Stelle
    tail = next(
        (g for g in glued_words if rest.casefold().endswith(g) and len(rest) - len(g) >= 3),
        None,
    )
    after = [rest[-len(tail) :]] if tail else []
    core = rest[: -len(tail)] if tail else rest
    spaced = _CAMEL_BOUNDARY.sub(" ", core)  # "LandkreisHarburg", "AmtNeuhaus"
    if not parts and not after and spaced == core:
        return None
    return " ".join([*parts, spaced, *after])


# Nouns the police compound with that are places too: "Polizeistelle" (Stelle in
# Landkreis Harburg), "Polizeiposten".
_NOUNS_AFTER_THE_POLICE = frozenset({"stelle", "posten", "dienststelle", "station"})
# Words for the police that a handle, a hashtag or a phone glues to a place, and
# with them those for a channel, longest first, as folded.
_GLUED_POLICE_WORDS = (
    "polizeiinspektion",
    "polizeistation",
    "polizeirevier",
    "polizeiwache",
    "polizei",
)
_GLUED_WORDS = tuple(
    sorted(
        (*_GLUED_POLICE_WORDS, "whatsappkanal", "polizeikanal", "whatsapp", "kanal"),
        key=len,
        reverse=True,
    )
)
# Between a small letter and a capital inside one word, or a run of capitals and a
# word that starts with one: "AmtNeuhaus", "LKHarburg", "PICelle".
_CAMEL_BOUNDARY = compiled_when_used(
    r"(?<=[a-zäöüß])(?=[A-ZÄÖÜ])|(?<=[A-ZÄÖÜ])(?=[A-ZÄÖÜ][a-zäöüß])"
)


def name_asked(text: str) -> str:
    """The name a text asks for, without what is read around a name: words for the
    police or a channel, glued or not, the words a search adds, a question of
    belonging, a word for the town's centre or station, a street or square before
    it: ``Polizei Wedel``, ``Wedelpolizei``, ``Zu welcher Polizei gehört Wedel?``,
    ``nahe Wedel``, ``Bahnhof Wedel``, ``Marktplatz Wedel`` -> ``Wedel``. Text that
    is no such reading stays as it is (``Unfall Wesel``)."""
    name = text
    # Each pass takes words off, or glued words apart once, so it ends; a bound all
    # the same, as a query is only so long.
    for _ in range(_MOST_PASSES):
        before = name
        name = with_spoken_punctuation(name) or name  # "Wedel Fragezeichen"
        searched = without_search_words(name)
        if searched and searched[0].strip():
            name = searched[0]
        name = unglued(name) or name
        name = after_police_word(name) or name
        name = after_a_linking_preposition(name) or name  # "Kanal für Wedel"
        name = (as_belonging_to(name) or (name,))[0]
        name = town_after_a_street(name) or name
        if centred := _without_centre_word(name):
            name = centred[0]
        where = _BEFORE_A_PLACE.match(name) or _AREA_BEFORE_A_PLACE.match(name)
        if where and name[where.end() :].strip():
            name = name[where.end() :]  # "in Sülze", "Raum Buchen"
        name = name.strip(" ?!.")
        if name == before:
            break
    return name


_MOST_PASSES = 8


def after_a_linking_preposition(text: str) -> str | None:
    """The rest of a text that starts with a preposition or article linking it to
    a word for the police or a channel beside it, else None: ``von Celle`` ->
    ``Celle`` (of "Polizei von Celle", "Kanal zu Stade")."""
    linked = _LINKING_PREPOSITION.match(text)
    return text[linked.end() :] if linked else None


# What links a place to the police or a channel named before it: "Polizei von
# Celle", "Polizei aus Stade", "Kanal zu Uelzen", "Kanal für Tostedt".
_LINKING_PREPOSITION = compiled_when_used(
    r"\s*(?:von|vom|aus|zu|zum|zur|für|fuer|for|in|im|der|des|bei)\s+(?=[^\W\d])", re.IGNORECASE
)


def _beside_a_word(text: str, is_one: Callable[[str], bool]) -> tuple[str, str] | None:
    """The rest of a text whose first word, else its last, ``is_one``, and that
    word, where the rest has letters; else None."""
    first = _FIRST_WORD.fullmatch(text)
    if first and is_one(first[1]) and name_key(first[2]):
        return first[2], first[1]
    last = _LAST_WORD.fullmatch(text)
    if last and is_one(last[2]) and name_key(last[1]):
        return last[1], last[2]
    return None


@dataclass(frozen=True)
class TownAdjective:
    """A word of a text that may be a town's adjective or genitive: the names it may
    stand for, most likely first, whether it is a genitive ("Celles"), and the text
    without it (empty where only a word for the police is left: "Paderborner
    Polizei")."""

    towns: tuple[str, ...]
    genitive: bool
    rest: str


def town_adjectives(text: str) -> list[TownAdjective]:
    """The words of a text that may be the adjective or genitive of a town where
    something happened, as headlines name a town within a sentence: after "in",
    "im", "am", "an" or "auf" (and "der", "dem" or "den"), ``Einbruch in Paderborner
    Kindergarten`` -> Paderborn (or Paderborne), ``in Celles Innenstadt`` -> Celle,
    ``in der Bad Berleburger Innenstadt`` -> Bad Berleburg; or before a word for the
    police or the news, ``Münsteraner Polizei`` -> Münster, ``Stader Nachrichten``
    -> Stade. Not where it says where someone or
    something comes from (``Ein Celler Autofahrer``, ``mit Stader Kennzeichen``), nor
    before a road's or a landscape's name (``in der Celler Straße``, ``am Stader
    Graben``, ``in der Lüneburger Heide`` lie elsewhere or are named so)."""
    words = text.split()
    found = []
    for i, word in enumerate(words):
        word = word.strip("\"'„“(")
        # "in Buxtehuder und Stader Einfamilienhaus": the noun after both
        noun_at = i + 3 if i + 3 < len(words) and words[i + 1] in ("und", "oder") else i + 1
        noun = words[noun_at].rstrip(".,;:!?") if noun_at < len(words) else ""
        if not (
            len(word) >= 5
            and word[0].isupper()
            and noun[:1].isupper()
            and not _ROAD_ENDING.search(noun)
            and noun.casefold() not in _LANDSCAPE_NOUNS
        ):
            continue
        endings = [e for e in _ADJECTIVE_ENDINGS.get(word[-1], ()) if word.endswith(e)]
        if not endings:
            continue
        stems = [word[: -len(e)] for e in endings]
        start = i
        before = words[i - 1] if i else ""
        if before[:1].isupper() and before[-1].isalnum() and before.casefold() not in _NOT_A_NAME:
            start = i - 1  # "Bad Berleburger Innenstadt", not "Bedrohung: Paderborner …"
            stems = [f"{before} {stem}" for stem in stems]
        news = SEARCH_WORDS.fullmatch(noun) is not None  # "Stader Nachrichten"
        if not (
            name_key(noun) in _NOT_PLACE_WORDS  # "Celler Polizei", "Lüneburger Kanal"
            or news
            or _says_where(words[max(0, start - 2) : start])
        ):
            continue
        rest = words[:start] + words[i + 1 :]
        only_police = all(name_key(w) in _NOT_PLACE_WORDS for w in rest)
        found.append(
            TownAdjective(tuple(stems), endings == ["s"], "" if only_police else " ".join(rest))
        )
    return found


def _says_where(before: list[str]) -> bool:
    """Whether the words before an adjective say where: "in", "im", "am", "an" or
    "auf", maybe with "der", "dem" or "den"."""
    words = [w.casefold() for w in before]
    if words and words[-1] in _ARTICLES:
        words = words[:-1]
    return bool(words) and words[-1] in _WHERE_PREPOSITIONS


def places_between(text: str) -> tuple[list[str], list[tuple[str, str]]] | None:
    """The two places of a road's stretch "zwischen X und Y", as accident reports name
    it: the readings of the first (the one or two words before "und", most first),
    and each reading of the second (its first one to four words up to the next
    punctuation, longest first) with the rest of the text: ``Unfall auf der B 4
    zwischen Rettmer und Lüneburg`` -> ``(["Rettmer"], [("Lüneburg", "Unfall auf
    der B 4")])``, ``zwischen den Anschlussstellen Soltau-Ost und Bispingen`` ->
    ``(["Anschlussstellen Soltau-Ost", "Soltau-Ost"], …)``; None where the text has
    no such words ("zwischen 8 und 16 Uhr")."""
    found = _BETWEEN.search(text)
    if not found:
        return None
    first = found["first"].split()
    firsts = [" ".join(first[n:]) for n in range(len(first))]
    before = text[: found.start()]
    words = found["second"].split()[:MOST_WORDS_OF_A_PLACE]
    seconds = []
    for n in range(len(words), 0, -1):
        second = " ".join(words[:n])
        after = text[found.start("second") + len(second) :]
        rest = " ".join(f"{before} {after}".split()).strip(" .,;:!?")
        seconds.append((second.rstrip("."), rest))
    return firsts, seconds


def with_agency_spelled_out(key: str) -> str:
    """A name key with a leading agency abbreviation spelled out: ``pi celle`` ->
    ``polizeiinspektion celle``; any other key as it is."""
    first, _, rest = key.partition(" ")
    if rest and first in _AGENCY_ABBREVIATIONS:
        return f"{_AGENCY_ABBREVIATIONS[first]} {rest}"
    return key


def type_word_respelled(text: str, is_place: Callable[[str], bool]) -> str | None:
    """The text with a misspelt long type word in front spelled right, else None.

    ``Landkries Celle`` -> ``Landkreis Celle``, ``Gemiende Jork`` -> ``Gemeinde
    Jork``. Only words of seven letters or more, one letter off or two swapped
    (two edits from nine letters on), so that no short name is read as ``Stadt``
    or ``Kreis``; and never a word ``is_place`` knows (``Klecken``, a village one
    letter from ``Flecken``), given its name key.
    """
    found = _FIRST_WORD.fullmatch(text)
    if not found:
        return None
    word = name_key(found[1])
    if len(word) < 7 or word in TYPE_WORDS or " " in word or is_place(word):
        return None
    from rapidfuzz.distance import OSA

    for type_word in _LONG_TYPE_WORDS:
        allowed = 2 if len(type_word) >= 9 else 1
        if OSA.distance(word, type_word, score_cutoff=allowed) <= allowed:
            return f"{type_word} {found[2]}"
    return None


@dataclass(frozen=True)
class Reading:
    """One way to read a query as a place (``head``) and where it lies (``context``).

    ``context`` holds name keys. ``how`` says how the query was cut: ``fields`` at
    commas, ``part`` before or after a word for a part of a town ("Celle Mitte"),
    ``street`` before a street and house number ("Celle Bahnhofstraße 5"),
    ``qualifier`` before a qualifier, ``qualified`` after a name's qualifier
    ("Winsen (Luhe) Hauptstraße"), ``words`` between words. Where fields, a part of
    town, a street or a qualifier, or the words after one, fit nothing, they may be
    ignored; words may not. A street's head is only ever read as named, never
    guessed ("Am Markt 1").
    """

    head: str
    context: frozenset[str]
    how: str

    @property
    def ignorable(self) -> bool:
        return self.how != "words"


def readings(text: str) -> list[Reading]:
    """The ways to read a text as a place and where it lies, in the order to try.

    With commas (or semicolons, tabs), each part in turn is the place and the
    others narrow it down where they can ("Bahnhofstraße 5, Celle" still finds
    Celle); a house number parts an address the same way ("Bahnhofstraße 5
    Celle", and "Celle Bahnhofstraße 5", the town read from the start). A
    qualifier narrows the name before it the same way ("Hagen/Stade", "Munster
    (Örtze)"). Otherwise the words before or after the place must name
    where it lies, its municipality, Samtgemeinde, district or state
    ("Berlin-Kreuzberg", "Celle Westercelle"), so a plain unknown name is never cut
    into pieces that happen to exist.
    """
    parts = address_fields(text)
    if len(parts) == 1 and (address := _HOUSE_NUMBER_THEN_TOWN.fullmatch(text)):
        parts = [address["street"], address["town"]]
    if len(parts) == 1 and (address := _TOWN_THEN_HOUSE_NUMBER.fullmatch(text)):
        # Where the town ends and the street begins is not marked: each split, the
        # longest town first ("Bad Bevensen Am Markt 3": Bad Bevensen).
        words = _WORD_BREAK.split(address["rest"].strip())
        return [
            Reading(
                " ".join(words[:cut]), _keys(" ".join(words[cut:]), address["number"]), "street"
            )
            for cut in range(len(words), 0, -1)
        ]
    found = []
    if len(parts) == 1 and (town_and_part := _without_centre_word(text)):
        # "Celle Mitte" is Celle, the word set apart like a field; but its words
        # are still read as words: "Niedersachsen Oyten-Nord" is a village.
        found = [
            Reading(part, _keys(*town_and_part[:i], *town_and_part[i + 1 :]), "part")
            for i, part in enumerate(town_and_part)
        ]
    elif len(parts) > 1:
        return [
            Reading(part, _keys(*parts[:i], *parts[i + 1 :]), "fields")
            for i, part in enumerate(parts)
        ]
    base = without_qualifier(text)
    words = _WORD_BREAK.split(text.strip())
    if base != text and name_key(base) and name_key(text[len(base) :]):
        # The name with its qualifier, a street after it ("Winsen (Luhe) Hauptstraße",
        # "Bergen an der Dumme Hauptstraße"), the longest first; then without it.
        named_words = len(_WORD_BREAK.split(base.strip()))
        for cut in range(len(words) - 1, named_words, -1):
            if not is_a_small_word(words[cut - 1]):  # no "Bergen an der"
                head, rest = " ".join(words[:cut]), " ".join(words[cut:])
                found.append(Reading(head, _keys(rest), "qualified"))
        found.append(Reading(base, _keys(text[len(base) :]), "qualifier"))
    # The place first, then where it lies, after a slash too: "Breese in der
    # Marsch/Dannenberg" (a slash ends a word only here: "Celle/Winsen" is Celle,
    # not Winsen in Landkreis Celle).
    slashed = _WORD_OR_SLASH_BREAK.split(text.strip())
    for cut in range(len(slashed) - 1, 0, -1):
        found.append(Reading(" ".join(slashed[:cut]), _keys(" ".join(slashed[cut:])), "words"))
    for cut in range(len(words) - 1, 0, -1):
        found.append(Reading(" ".join(words[-cut:]), _keys(" ".join(words[:-cut])), "words"))
    return found


def address_fields(text: str) -> list[str]:
    """The parts of a text that commas, semicolons, tabs or a spaced dash set apart,
    stripped, without empty ones: "Bahnhofstraße 5, Celle" -> ["Bahnhofstraße 5",
    "Celle"]; a text without them is one part.

    A part in double quotes, as a spreadsheet exports a cell with a semicolon in
    it, is one part, without its quotes: '"Schmidt; Hans";"Celle"' -> ["Schmidt;
    Hans", "Celle"].
    """
    parts: list[str] = []
    start = 0
    for found in _CELL_OR_BREAK.finditer(text):
        if found["cell"] is None:  # a break outside quotes
            parts.append(text[start : found.start()])
            start = found.end()
    parts.append(text[start:])
    return [cell for part in parts if name_key(cell := _unquoted(part.strip()))]


def _unquoted(part: str) -> str:
    """A part without the double quotes around all of it."""
    if len(part) > 1 and part[0] == part[-1] == '"' and '"' not in part[1:-1]:
        return part[1:-1].strip()
    return part


def only_words_around_places(text: str) -> bool:
    """Whether each word of the text is one read around places and never as one: a
    type word ("Landkreis", "Region", "OT"), a word for the police or the channel
    ("Polizei", "Kripo", "WhatsApp")."""
    keys = [name_key(word) for word in text.split()]
    return all(key in TYPE_WORDS or key in _NOT_PLACE_WORDS for key in keys)


def says_where_in_a_place(text: str) -> bool:
    """Whether a part of an address reads as a street, a house number or a word for
    a part of a town ("Bahnhofstraße 5", "Am Markt", "12a", "Innenstadt"), by its
    words alone: a place may be named so too (Burweg, Westercelle 7), which the
    caller checks."""
    words = [key for word in _WORD_BREAK.split(text.strip()) if (key := name_key(word))]
    return (
        not words
        or any(ch.isdigit() for ch in text)
        or names_a_part_of_town(text)
        or words[-1].endswith(_STREET_ENDINGS)
        or words[0] in _STREET_STARTS
    )


def without_house_number(text: str) -> str | None:
    """The text before a house number that ends it ("Stade Hagen 3" -> "Stade
    Hagen"), or None if no number ends it or commas part the text: there the number
    marks its part as the street ("Munster, Ringstraße 1"), which dropping it would
    hide. A 5-digit postcode is no house number."""
    if _FIELD_BREAK.search(text):
        return None
    address = _TOWN_THEN_HOUSE_NUMBER.fullmatch(text)
    return address["rest"].strip() if address else None


def street_and_number(text: str) -> bool:
    """Whether the text is a street by its words with a house number: "Im Winkel
    37" is no Winkel, "Westercelle 7" no street."""
    rest = without_house_number(text)
    return rest is not None and says_where_in_a_place(rest)


def numbered_in_roman(text: str) -> str | None:
    """The text with the small number that ends it in Roman numerals ("Hanstedt 2"
    -> "Hanstedt II"), as villages of one name are told apart in Landkreis Uelzen
    (Hanstedt I and II, Oldendorf I and II), else None. Only where the number
    could be a house number: a name before it, no commas."""
    if not without_house_number(text):
        return None
    name, number = text.rstrip().rsplit(None, 1)
    numeral = _ROMAN_NUMERALS.get(number)
    if numeral is None or name.rsplit(None, 1)[-1].upper() in _ROMAN_NUMERALS.values():
        return None  # "Hanstedt I 2": the village's numeral is written, 2 is the house
    return f"{name} {numeral}"


def names_a_part_of_town(text: str) -> bool:
    """Whether the text is a word for a part of a town ("Innenstadt", "West") or its
    station ("Hbf"),
    which beside a town says where in it, not which place: never to be guessed as
    one beside a town ("Verden West" is no Westen)."""
    return name_key(text) in _CENTRE_WORDS | _STATION_WORDS | _PART_WORDS


def asks_for_a_station(text: str) -> bool:
    """Whether the text is a town with a word for its station before or after it:
    ``Bahnhof Harburg``, ``Münster Hbf``, ``ZOB Uelzen``."""
    words = text.split()
    # Its first or last word first, as most queries have none ("find Celle" then
    # compiles no pattern).
    if len(words) < 2 or not {name_key(words[0]), name_key(words[-1])} & _STATION_WORDS:
        return False
    town_and_word = _without_centre_word(text)
    return town_and_word is not None and name_key(town_and_word[1]) in _STATION_WORDS


def place_of_a_landmark(text: str) -> str | None:
    """The place a building or site is named with, before or after it, else None:
    ``Kloster Wienhausen`` -> ``Wienhausen``, ``Hafen Stade`` -> ``Stade``, ``Celle
    Schloss`` -> ``Celle``; ``Kloster`` alone is None."""
    words = text.split()
    if len(words) < 2:
        return None
    # The word as written, not in brackets: "Hain (Kloster)" is Haina (Kloster).
    if words[0].isalpha() and name_key(words[0]) in _LANDMARK_WORDS:
        return " ".join(words[1:])
    if words[-1].isalpha() and name_key(words[-1]) in _LANDMARK_WORDS:
        return " ".join(words[:-1])
    return None


def _without_centre_word(text: str) -> list[str] | None:
    """The town and the word for its centre as two parts, else None.

    The word starts or ends the text: "Celle Innenstadt" -> ["Celle", "Innenstadt"].
    """
    for pattern, town, word in ((_LAST_WORD, 1, 2), (_FIRST_WORD, 2, 1)):
        split = pattern.fullmatch(text)
        if split and names_a_part_of_town(split[word]) and name_key(split[town]):
            return [split[town].strip(" -"), split[word]]
    return None


def _keys(*texts: str) -> frozenset[str]:
    """The keys of where a place lies, as written beside it; "Ortsteil von Jork"
    (keyed "von jork", the type word dropped) says Jork, and "Ortsteil von Amt
    Neuhaus" Neuhaus, its type word dropped after "von" too."""
    keys = {name_key(t) for t in texts}
    return frozenset(keys | {name_key(key.removeprefix("von ")) for key in keys})
