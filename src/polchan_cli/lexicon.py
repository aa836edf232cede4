"""The closed word lists a query is read with, and what each single word is.

Accepts one word (or, for :data:`SEARCH_WORDS`, a text to search): the words for
what happened that a heading or a search sets beside its place (:data:`EVENT_WORDS`,
:func:`says_what_happened`: ``Unfall``, ``Wildunfall``; :func:`bears_what_happened`:
``Brand``, which a place is named too), the words a search adds that say nothing
of where (:data:`SEARCH_WORDS`: ``heute``, ``Blaulicht``, ``Polizei-News``, ``was ist
los``), and which of these a word misspells (:func:`misspelt_search_word`:
``aktuel``, ``Unfal``). Closed lists, checked against the gazetteer by the tests;
cutting a text by them is :mod:`polchan_cli.query`'s job.
"""

from __future__ import annotations

import re

from .normalize import name_key
from .patterns import compiled_when_used

__all__ = [
    "EVENT_ALONE_KEYS",
    "EVENT_KEYS",
    "EVENT_WORDS",
    "EVENT_WORDS_PLACES_BEAR",
    "SEARCH_WORDS",
    "bears_what_happened",
    "misspelt_search_word",
    "says_what_happened",
]

# Words for what happened that a heading sets before or after its place, with no
# "in" ("Unfall Celle", "Stade Einbruch"), a closed list: no place is named so
# ("Brand" is, in Bavaria; "Zwiebelmarkt Celle" may be a place the data lacks).
# A compound that ends in one of the first ten, or in "Kontrolle", "Brand",
# "Einsatz" or "Sperrung", counts too: "Verkehrsunfall", "Wildunfall",
# "Verkehrskontrolle", "Scheunenbrand", "Polizeieinsatz", "Vollsperrung"
# (a place may be named so, as Engelsbrand is: the resolver checks).
EVENT_WORDS = (
    "Unfall",
    "Unfälle",
    "Einbruch",
    "Einbrüche",
    "Diebstahl",
    "Diebstähle",
    "Betrug",
    "Raub",
    "Überfall",
    "Fahndung",
    "Unfallflucht",
    "Flucht",
    "Verkehrsunfallflucht",
    "Enkeltrick",
    "Schockanruf",
    "Schockanrufe",
    "Sachbeschädigung",
    "Körperverletzung",
    "Brandstiftung",
    "Trunkenheitsfahrt",
    "Trunkenheit",
    "Verkehrsgefährdung",
    "Hausfriedensbruch",
    "Urkundenfälschung",
    "Bedrohung",
    "Nötigung",
    "Schlägerei",
    "Messerangriff",
    "Tötungsdelikt",
    "Leichenfund",
    "Drogenfund",
    "Zeugenaufruf",
    "Zeugensuche",
    "Festnahme",
    "Vermisstensuche",
    "Polizeibericht",
    "Polizeimeldung",
    "Pressemitteilung",
    "Blaulichtmeldung",
    "Vermisst",
    "Vermisste",
    "Vermisstenfall",
    "Feuer",
    "Großfeuer",
    "Stau",
    "Blitzer",
    "Einsatz",
    "Sperrung",
    "Razzia",
    "Mord",
    "Explosion",
    "Schüsse",
    "Bombendrohung",
    "Bombenfund",
    "Unwetter",
    "Hochwasser",
    "Stromausfall",
    "Geisterfahrer",
    "Baustelle",
    "Feuerwehr",
    "Hubschrauber",
    "Glätte",
    "Umleitung",
    "Sirene",
    "Sirenen",
    "Sirenenalarm",
    "Demo",
)
# Words for what happened, alone or with words a search adds, and those words alone
# (the empty key): no query.
EVENT_ALONE_KEYS = frozenset({"", *(name_key(word) for word in EVENT_WORDS)})
# Words for what happened that a place's name is, or begins with as keyed ("Brände"
# keys as the "Brande" of Brande-Hörnerkirchen): alone they stay a query, and beside
# a place they say what happened only far from any place of the name ("Brand
# Seevetal" is a fire; Brand lies in Bavaria), which the resolver checks.
EVENT_WORDS_PLACES_BEAR = ("Brand", "Brände")
EVENT_KEYS = frozenset(name_key(word) for word in (*EVENT_WORDS, *EVENT_WORDS_PLACES_BEAR))
_EVENT_ENDINGS = tuple(
    name_key(word) for word in (*EVENT_WORDS[:10], "Kontrolle", "Brand", "Einsatz", "Sperrung")
)


# Words a search sets beside a place that say nothing of where: when ("heute",
# "gestern Abend", "am Sonntag", "aktuell") and what kind of news ("Nachrichten",
# "Blaulicht", "Polizeimeldungen"), as in "Celle aktuell" or "Blaulicht Lüneburg
# heute", and a chat's courtesies ("Celle bitte"). A closed list: no place in the
# data is named with one of these words (a test reads the gazetteer). A time of
# day only counts after its day ("gestern Abend"): alone it may be a street's.
_TIMES_OF_DAY = r"(?:früh|frueh|morgen|vormittag|mittag|nachmittag|abend|nacht)"
_WEEKDAYS = r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)"
# What a news page or a police account calls its news, as one word or with a hyphen
# ("Polizeinachrichten", "Blaulicht-Ticker", "Polizei-News"), and the words for when
# that are spelled out long enough to read misspelt ("aktuel", "gestren").
_NEWS_KINDS = (
    *("polizei", "blaulicht", "lokal", "presse", "verkehrs", "news", "live"),
    *("unfall", "stau", "feuerwehr", "eil"),
)
_NEWS_NOUNS = (
    *("news", "nachrichten", "meldung", "meldungen", "ticker", "info", "infos", "berichte"),
    "report",
)
_OTHER_NEWS_WORDS = (
    *("neuigkeiten", "presseportal", "polizeipresse", "pressemitteilungen", "blaulicht"),
    *("informationen", "warnung", "warnungen", "warnmeldung", "warnmeldungen"),
)
# Each kind with each noun, those that say what happened apart ("Polizeimeldung vom
# 14.06.2025" offers no Rom).
_NEWS_COMPOUNDS = tuple(f"{kind}{noun}" for kind in _NEWS_KINDS for noun in _NEWS_NOUNS)
_EVENT_NEWS_WORDS = tuple(word for word in _NEWS_COMPOUNDS if name_key(word) in EVENT_KEYS)
_NEWS_WORDS = (
    *(word for word in _NEWS_COMPOUNDS if word not in _EVENT_NEWS_WORDS),
    *_NEWS_NOUNS,
    *_OTHER_NEWS_WORDS,
)
# The same as a pattern: a kind and a noun as two alternations rather than their
# hundred compounds (with which SEARCH_WORDS took two thirds longer to compile), those
# that say what happened left out by a lookahead.
_NEWS_WORD_PATTERN = (
    rf"(?!(?:{'|'.join(_EVENT_NEWS_WORDS)})(?![\w-]))"
    rf"(?:{'|'.join(_NEWS_KINDS)})?(?:{'|'.join(_NEWS_NOUNS)})"
    rf"|{'|'.join(_OTHER_NEWS_WORDS)}"
)
# What "zum" or "zur" may stand before in a search's "Infos zum …": a type word, or a
# region a channel covers that is named with its article.
_TYPE_OR_REGION = (
    r"(?:land)?kreis|samtgemeinde|stadt|gemeinde|region|amt|flecken"
    r"|heidekreis|wendland|alten\s+land"
)
# What a place belongs to, as a question names it: "Zu welcher Polizei gehört Hützel?"
_BELONGING_TO = (
    r"polizei(?:inspektion|dienststelle|wache|station|revier)?|inspektion|dienststelle|wache"
    r"|revier|kanal"
    r"|(?:land)?kreis|samtgemeinde|gemeinde|stadt"
)
_NOW_WORDS = ("aktuell", "aktuelle", "aktuelles", "aktuellen", "derzeit", "momentan", "silvester")
SEARCH_WORDS = compiled_when_used(
    # where one lives, or where it happened, as a form says it, its value after the
    # colon with or without a space: "Wohnort: Celle", "Ort:Uelzen", "Tatort: Stade",
    # "Standort: Stade", "Sitz: Celle", "Kommune: Seevetal" ("Ort" only so: Ort is a
    # village in Bavaria); and the labels of a forwarded mail: "AW: WG: Stade",
    # "Betreff: Landkreis Harburg"
    r"(?<![\w-])(?:mein\s+)?(?:"
    r"(?:wohn|heimat|geburts|tat|unfall|einsatz|fund|stand|dienst|ereignis|veranstaltungs)?ort"
    r"(?:\s*/\s*ortsteil)?|plz\s*/\s*ort|ort\s+der\s+veranstaltung|(?:wohn|dienst)?sitz|kommune"
    r"|(?:zust(?:ä|ae)ndige\s+)?dienststelle|betreff|aw|wg|fwd?|re)\s*:"
    # who signs a press release: "Pressestelle der PI Celle", "PI Celle Pressestelle"
    r"|(?<![\w-])pressestelle(?:\s+der)?(?![\w-])"
    # as a hashtag too: "#Stade #Polizei #News"
    rf"|(?<![\w-])#?(?:(?:heute?|gestern|vorgestern|morgen)(?:\s+{_TIMES_OF_DAY})?"
    rf"|(?:am\s+)?{_WEEKDAYS}s?(?:\s*{_TIMES_OF_DAY})?"
    rf"|(?:in\s+der\s+|am\s+)?(?:letzten?|vergangenen?)\s+(?:nacht|woche|wochenende|{_WEEKDAYS})"
    rf"|(?:am\s+)?wochenende|jetzt|gerade|{'|'.join(_NOW_WORDS)}"
    # news, and news about or for a place: "Infos zu Lüchow", "Nachrichten für
    # Westercelle"; "zum" and "zur" only before a type word or a region named with
    # its article ("Infos zum Landkreis Harburg", "Neuigkeiten zum Heidekreis"):
    # "Infos zum Wetter" is no Wetter (Ruhr)
    rf"|(?:(?:{'|'.join(_NEWS_KINDS)})-)?(?:{_NEWS_WORD_PATTERN})"
    rf"(?:\s+(?:zu|für|fuer|zu[mr](?=\s+(?:{_TYPE_OR_REGION})(?![\w-]))))?"
    # the emergency, whose number every answer gives, and joining the channel: "Notruf
    # Celle", "Kanal abonnieren Uelzen", "Celle WhatsApp Kanal Link"
    r"|notruf(?:nummer)?|notfall|link(?:\s+(?:zum|zur|f(?:ü|ue)r))?|einladungslink|abonnieren"
    r"|beitreten|folgen|qr[\s-]*code(?:\s+scannen)?|scannen|wo\s+kann\s+ich"
    # a dictated hesitation: "äh Celle"
    r"|(?:ä|ae)hm?|(?:ö|oe)hm"
    r"|vorhin|grad|live|bitte|danke(?:\s*sch(?:ö|oe)n)?|vielen\s+dank|hallo|hallöchen|hello|hi|hey"
    r"|huhu|servus|moin(?:\s*moin|sen)?|guten\s+(?:morgen|tag|abend)|zusammen|pls|thx"
    # the area around a place, which its channel's district holds: "Celle und
    # Umgebung", "Celle u. Umgebung", "Gegend um Zeven", "rund um Buxtehude",
    # "Großraum Stade", "Nähe Lachendorf", "nahe Celle" (in small letters, before a
    # capital: Nahe is a village, "nahe segeberg" the Nahe in Kreis Segeberg), "Zeven
    # und umzu", as Northern Germans say it
    r"|(?:(?:und|u\.|&)\s*)?(?:umgebung|umland|umkreis|umzu|drumherum)"
    r"|(?:in\s+der\s+)?umgebung\s+von|(?:im\s+)?umkreis\s+(?:von|um)|in\s+und\s+um"
    r"|(?:in\s+der\s+)?(?:gegend|n(?:ä|ae)he)(?:\s+(?:um|von))?|rund\s+um|gro(?:ß|ss)raum"
    r"|(?-i:nahe)(?:\s+(?:bei|von))?(?=\s+(?-i:[A-ZÄÖÜ]))"
    # where one lives, as a chat says it: "Mein Wohnort ist Uelzen"
    r"|(?:mein\s+)?(?:wohnort|heimatort)(?:\s+ist)?"
    # a chat's question: "hat jemand Infos zu Lüchow", "weiß einer was zu Wietze", "wo
    # ist Celle", "was ist mit Stade (los?)", "Celle was ist los?", "was war gestern
    # in Zeven passiert"
    r"|(?:hat|wei(?:ß|ss)|kennt)\s+(?:hier\s+)?(?:jemand|wer|einer|ihr)"
    r"(?:\s+(?:was|etwas)(?:\s+(?:zu|über|ueber))?)?"
    r"|wo\s+(?:ist|liegt)|was\s+ist\s+mit|(?:los|passiert)\s*\?+(?=\s*$)"
    # which police or channel is the place's: "Welcher Kanal ist für Tostedt
    # zuständig?", "Wer ist für Westercelle zuständig", "Gibt es (auch) einen Kanal
    # für Zeven?", "Hat Uelzen einen WhatsApp Kanal?", "Kann mir jemand sagen …"
    r"|(?:welche[rsnm]?|wer)(?=\s+\S+\s+(?:ist|f(?:ü|ue)r)\s|\s+ist\s)|ist\s+f(?:ü|ue)r"
    r"|(?:f(?:ü|ue)r\s+)?meinen\s+ort|(?:ist\s+)?zust(?:ä|ae)ndig\s*\??(?=\s*$)"
    r"|ist\s*\??(?=\s*$)|gibt\s+es(?:\s+(?:auch|hier))?(?:\s+eine?n?)?"
    r"|(?<=^)hat(?=\s)|eine?n?(?=\s+(?:whatsapp[\s-]*)?(?:polizei[\s-]*)?kanal)"
    r"|kann\s+mir\s+(?:jemand|einer|wer)\s+sagen"
    # where a place belongs: "Zu welcher Polizei gehört Hützel?", "Hützel gehört zu
    # welchem Kreis", "Wo gehört Hützel hin?"
    rf"|(?:zu\s+)?welche[rmn]?\s+(?:{_BELONGING_TO})(?:\s+geh(?:ö|oe)rt)?"
    r"|wo\s+geh(?:ö|oe)rt|geh(?:ö|oe)rt(?:\s+(?:eigentlich|denn))?\s+zu(?=\s+welche)"
    r"|(?<=\S\s)hin\s*\?*(?=\s*$)"
    r"|was\s+(?:ist|war)(?:\s+(?:da|dort|hier|denn|so|heute|gerade|gestern))*"
    r"\s+(?:los|passiert)\??)(?![\w-])"
    # a town's news as a site names them: "Celle-News", "Uelzen-aktuell"
    rf"|(?<=[^\W\d_])-(?:news|nachrichten|blaulicht|ticker|infos?|{'|'.join(_NOW_WORDS)})(?![\w-])"
    r"|(?<![\w-])(?:news|nachrichten|blaulicht)-(?=[^\W\d_])",
    re.IGNORECASE,
)


# The words a search adds, and the words for what happened, that are long enough to
# read misspelt ("Celle aktuel", "Uelzen gestren", "Nachichten Stade", "Newz", "Unfal
# Celle"), as keyed and as spelled plainly ("akutell" is two letters off "aktull",
# "aktuell" keyed); not "hallo" ("Schwäbisch Hall"), nor a time of day, which is one
# only after a day ("Sankt Märgen", "Nächst Neuendorf"). A word that names a place
# itself is none, which the caller says (Medingen is no "Meldungen").
def _spelled(*words: str) -> dict[str, str]:
    """Each word, as keyed (of five letters or more: "Feuer" keys as "feur") and as
    spelled plainly, to the word."""
    forms = {}
    for word in words:
        for form in (name_key(word), word.casefold()):
            if form == word.casefold() or len(form) >= _MISSPELT_LONG:
                forms.setdefault(form, word)
    return forms


_MISSPELT_LONG = 5  # letters of a word misspelt by any one edit
_MISSPELLABLE_SEARCH_WORDS = _spelled(
    *_NEWS_WORDS,
    *_NOW_WORDS,
    *("heute", "gestern", "vorgestern", "wochenende", "jetzt", "gerade", "letzte", "letzten"),
    *("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    *("bitte", "danke", "news", "stau", "umgebung"),
    *(word for word in EVENT_WORDS if len(word) >= _MISSPELT_LONG),
)
_TIMES_OF_DAY_SPELLED = _spelled(
    "früh", "morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht"
)
_MISSPELT_LETTERS = 4  # the fewest letters a word read as a misspelt search word has


def misspelt_search_word(word: str, *, after_one: bool = False) -> str | None:
    """The word a search adds, or one for what happened, that ``word`` misspells, as
    the lists spell it, else None: ``aktuel`` -> ``aktuell``, ``Unfal`` ->
    ``Unfall``, ``Newz`` -> ``news``; ``after_one`` (after such a word), also a time
    of day (``gestern abned``). Whether a place is named so is the caller's to say."""
    key = name_key(word)
    if len(key) < _MISSPELT_LETTERS or key in EVENT_KEYS:
        return None
    return _meant(word, _MISSPELLABLE_SEARCH_WORDS) or (
        _meant(word, _TIMES_OF_DAY_SPELLED) if after_one else None
    )


def _meant(word: str, words: dict[str, str]) -> str | None:
    """The one of ``words`` (as keyed or spelled plainly, each to the word as spelled)
    that ``word`` misspells by a letter wrong, left out, added, or two swapped (two
    in one of 11 letters or more), else None. Of a short word, or as a short word,
    only a letter wrong, two swapped or one doubled: "Newz", "Stauu", not "Sotau"
    (Soltau) nor "Dank"."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    for typed in dict.fromkeys((name_key(word), word.casefold())):
        closest = process.extractOne(typed, tuple(words), scorer=OSA.distance, score_cutoff=2)
        if closest is None:
            continue
        form, edits, _ = closest
        if min(len(typed), len(form)) < _MISSPELT_LONG:
            if edits <= 1 and (len(typed) == len(form) or _DOUBLED.sub(r"\1", typed) == form):
                return words[form]
        elif edits <= (2 if len(form) >= 11 else 1):
            return words[form]
    return None


_DOUBLED = compiled_when_used(r"(.)\1+")


def bears_what_happened(word: str) -> bool:
    """Whether the word is one for what happened that a place's name is, or begins
    with (see :data:`EVENT_WORDS_PLACES_BEAR`): ``Brand``, ``Brände``."""
    return name_key(word) in _PLACE_BORNE_EVENT_KEYS


_PLACE_BORNE_EVENT_KEYS = frozenset(name_key(word) for word in EVENT_WORDS_PLACES_BEAR)


def says_what_happened(word: str) -> bool:
    """Whether the word is one for what happened (see :data:`EVENT_WORDS`), or a
    compound that ends in one;
    not in brackets, where it qualifies a name ("Jeversen (Brand)")."""
    if "(" in word:
        return False
    key = name_key(word)
    return key in EVENT_KEYS or any(
        key.endswith(ending) and len(key) > len(ending) for ending in _EVENT_ENDINGS
    )
