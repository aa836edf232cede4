"""The channel registry: load, validate and merge ``channels.yaml`` files.

Accepts the bundled ``data/channels.yaml`` and a user's own file of the same
shape (``schema: 1`` and a ``channels:`` list). Returns a :class:`Registry` of
frozen :class:`Channel` records, or raises :class:`RegistryError` listing every
problem as ``file:line: channel 'id': message``.

YAML is read with the safe loader only, composed node by node so that every
problem carries its line, duplicate keys are caught (PyYAML would silently keep
the last one), no tag can construct an object, and alias bombs stay harmless.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypedDict
from urllib.parse import urlsplit

from .i18n import N_, format_number, gettext, os_reason
from .normalize import name_key, name_keys
from .patterns import compiled_when_used

__all__ = [
    "SCHEMA_VERSION",
    "Channel",
    "MunicipalityRef",
    "MunicipalitySpelling",
    "Problem",
    "Registry",
    "RegistryChecks",
    "RegistryError",
    "Source",
    "broken_link",
    "folder_trouble",
    "is_channel_url",
    "load_registry",
    "parse_registry",
    "shown_path",
    "unreadable_kind",
]

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_DEPTH = 50  # a registry nests 5 deep; far deeper only risks RecursionError

_ID = compiled_when_used(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DISTRICT_KEY = compiled_when_used(r"\d{5}")
_CHANNEL_PATH = compiled_when_used(r"/channel/[A-Za-z0-9]{10,40}")
_CHANNEL_HOSTS = frozenset({"whatsapp.com", "www.whatsapp.com"})
# A tab among the spaces that indent a line, or before a list's dash.
_TAB_INDENT = compiled_when_used(r"^[ ]*\t|^[ ]*-[ ]*\t", re.MULTILINE)
# A no-break space (U+00A0, or the figure or narrow one) among the spaces that
# indent a line, or after a list's dash, matched up to it: text copied from a web
# page. YAML takes it for text, not indentation.
_NBSP_INDENT = compiled_when_used("^[ ]*-?[ ]*[\u00a0\u2007\u202f]", re.MULTILINE)
# A byte-order mark (U+FEFF, invisible) beginning a line after the first: two files
# joined, each saved with one. libyaml reads past it, PyYAML's own parser does not.
_BOM_AT_LINE_START = compiled_when_used("(?<=[\r\n])[ ]*\ufeff")
# A source's date, as precise as the source gives it: 2024, 2024-11 or 2024-11-01.
_PUBLISHED = compiled_when_used(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

REQUIRED_FIELDS = ("id", "name", "url", "agency", "parent", "state", "districts", "source")
OPTIONAL_FIELDS = ("municipalities", "note", "disabled")
SOURCE_FIELDS = ("url", "title", "published")

# How the gazetteer writes a district's municipality of a name, or None if it has
# none (see parse_registry).
MunicipalitySpelling = Callable[[str, str], str | None]


class RegistryChecks(TypedDict):
    """What a registry file is checked against: keyword arguments of
    :func:`parse_registry` and :func:`load_registry`."""

    known_districts: Mapping[str, str]
    spelling: MunicipalitySpelling


@dataclass(frozen=True)
class Source:
    """The published source that announced a channel."""

    url: str
    title: str
    published: str | None


@dataclass(frozen=True)
class MunicipalityRef:
    """A single municipality a channel covers, when it covers less than a district."""

    district: str
    name: str


@dataclass(frozen=True)
class Channel:
    """One police WhatsApp channel and the area it covers."""

    id: str
    name: str
    url: str
    agency: str
    parent: str | None
    state: str
    districts: tuple[str, ...]
    source: Source
    municipalities: tuple[MunicipalityRef, ...] = ()
    note: str | None = None
    origin: str = "bundled"

    @property
    def district_keys(self) -> tuple[str, ...]:
        """Every district the channel covers, in full or in part, those in full
        first, each once."""
        return tuple(dict.fromkeys([*self.districts, *(m.district for m in self.municipalities)]))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "url": self.url,
            "agency": self.agency,
            "parent": self.parent,
            "state": self.state,
            "districts": list(self.districts),
            "municipalities": [
                {"district": m.district, "name": m.name} for m in self.municipalities
            ],
            "source": {
                "url": self.source.url,
                "title": self.source.title,
                "published": self.source.published,
            },
            "note": self.note,
            "origin": self.origin,
        }


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a registry file, located by file and line.

    ``template`` is an English message id with ``{name}`` fields filled from
    ``params``; ``str(problem)`` is English, :meth:`localized` the user's language.
    """

    file: str
    line: int | None
    template: str
    channel: str | None = None
    params: tuple[tuple[str, object], ...] = ()

    @property
    def message(self) -> str:
        """The message in English."""
        return _one_line(self.template.format(**self._shown_params()))

    @property
    def _where(self) -> str:
        return f"{shown_path(self.file)}:{self.line}" if self.line else shown_path(self.file)

    def localized(self) -> str:
        """``file:line: message`` in the current language (see :mod:`polchan_cli.i18n`)."""
        message = _one_line(gettext(self.template).format(**self._shown_params()))
        if self.channel:
            message = gettext("channel '{channel}': {message}").format(
                channel=_shown(self.channel), message=message
            )
        return f"{self._where}: {message}"

    def _shown_params(self) -> dict[str, object]:
        return {k: _shown(v) if isinstance(v, str) else v for k, v in self.params}

    def __str__(self) -> str:
        who = f" channel '{_shown(self.channel)}':" if self.channel else ""
        return f"{self._where}:{who} {self.message}"


# Control characters a value quoted from the file may hold (YAML's "\e", "\a"), which
# would reach the terminal as escape sequences: shown as \x1b. Not the tab and line
# breaks, which a message folds into one line.
_SHOWN_AS_ESCAPES = compiled_when_used(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _shown(value: str) -> str:
    return _invisible_escaped(_SHOWN_AS_ESCAPES.sub(lambda m: f"\\x{ord(m.group()):02x}", value))


def _invisible_escaped(text: str) -> str:
    """The text with each invisible character written as \\u202e: U+202E would turn
    the rest of the line right to left."""
    if text.isprintable():
        return text
    return "".join(f"\\u{ord(c):04x}" if _invisible(c) else c for c in text)


# What a path may hold that a message shows escaped: every control character, the
# tab and line breaks too (a file named "a\nb.yaml" would break the line, and no
# message folds a name), and the bytes of a name that are no UTF-8, which Python
# keeps as U+DC80 to U+DCFF.
_PATH_ESCAPES = compiled_when_used("[\x00-\x1f\x7f-\x9f\udc80-\udcff]")


def shown_path(path: object) -> str:
    """A path as a message shows it: one line, inert in a terminal. A control
    character is written ``\\x1b``, a newline ``\\x0a``, a byte that is no UTF-8
    ``\\xff``, an invisible character ``\\u202e``, as values quoted from a registry
    are."""
    return _invisible_escaped(
        _PATH_ESCAPES.sub(lambda m: f"\\x{ord(m.group()) & 0xFF:02x}", str(path))
    )


# What YAML does not allow in a file (as PyYAML's Reader.NON_PRINTABLE), e.g. NUL;
# compiled on first use, as its ranges cost some 3 ms.
_NON_PRINTABLE = compiled_when_used(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _one_line(text: str) -> str:
    # Each problem is one line of output: a reason quoted from PyYAML can hold a newline.
    return re.sub(r"\s*[\r\n]+\s*", " ", text).strip()


def _problem(
    file: str, line: int | None, template: str, channel: str | None = None, **params: object
) -> Problem:
    return Problem(file, line, template, channel, tuple(params.items()))


class RegistryError(Exception):
    """A registry file is unreadable or invalid; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Registry:
    """The channels in force, in file order, and those a user's file disables
    (``disabled: true``): their areas have no channel in force, which is said.
    ``unchanged``: the ids a user's file repeats from the bundled registry without
    a change (a copy of the whole file), which stay the bundled channels."""

    channels: tuple[Channel, ...]
    disabled: tuple[Channel, ...] = ()
    unchanged: tuple[str, ...] = ()

    def by_id(self, channel_id: str) -> Channel | None:
        return next((c for c in self.channels if c.id == channel_id), None)

    def named(self, key: str) -> tuple[tuple[Channel, str], ...]:
        """Channels whose name, agency or directorate has the matching ``key``.

        Keys are :func:`polchan_cli.normalize.name_key`'s. Each channel comes with
        ``"exact"``, or ``"variant"`` when only a name without its qualifier has the
        key (``Polizei Verden`` for Polizei Verden/Osterholz), in file order.
        """
        return self._channels_by_name_key.get(key, ())

    @functools.cached_property
    def _channels_by_name_key(self) -> dict[str, tuple[tuple[Channel, str], ...]]:
        index: dict[str, dict[str, tuple[Channel, str]]] = {}
        for c in self.channels:
            for name in (c.name, c.agency, c.parent):
                if not name:
                    continue
                exact, variants = name_keys(name)
                index.setdefault(exact, {})[c.id] = (c, "exact")
                for key in variants:
                    index.setdefault(key, {}).setdefault(c.id, (c, "variant"))
        order = {c.id: i for i, c in enumerate(self.channels)}
        return {
            key: tuple(sorted(found.values(), key=lambda item: order[item[0].id]))
            for key, found in index.items()
        }

    def covering_any_part_of(self, district: str) -> tuple[Channel, ...]:
        """Channels that cover the district or any municipality in it: all of a
        kreisfreie Stadt, its one municipality however it is named."""
        return tuple(c for c in self.channels if district in c.district_keys)

    def covering(self, district: str, municipality: str | None = None) -> tuple[Channel, ...]:
        """Channels that cover a district, or the given municipality in it."""
        return tuple(
            c
            for c in self.channels
            if district in c.districts
            or (
                municipality is not None
                and any(m.district == district and m.name == municipality for m in c.municipalities)
            )
        )


def is_channel_url(url: object) -> bool:
    """True for ``https://whatsapp.com/channel/<id>`` (or ``www.``) and nothing else."""
    if not isinstance(url, str) or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return False
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    return (
        parts.scheme == "https"
        and parts.netloc in _CHANNEL_HOSTS
        and parts.hostname in _CHANNEL_HOSTS
        and port is None
        and parts.username is None
        and not parts.query
        and not parts.fragment
        and _CHANNEL_PATH.fullmatch(parts.path) is not None
    )


_NOT_A_CHANNEL_LINK = N_(
    "url must look like https://whatsapp.com/channel/<id>, the id 10 to 40 letters or digits"
)


def _link_slips(url: str) -> list[tuple[str, dict[str, str]]]:
    """What to change in a rejected link, as message ids and their fields, where the
    change is clear: spaces around it, http:// or no scheme, a query (``?mode=…``,
    ``?utm_…``) or ``#…`` after the id, a ``/`` at its end, a host in capitals
    (``WhatsApp.com``); each said where all of
    them together make it a channel link, else none. A group invite
    (``chat.whatsapp.com``) is said to be one: no change makes it a channel."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return []
    if host == "chat.whatsapp.com":
        return [
            (
                N_(
                    "url is a group invite (chat.whatsapp.com), not a channel link: "
                    "a channel's link begins https://whatsapp.com/channel/"
                ),
                {},
            )
        ]
    slips: list[tuple[str, dict[str, str]]] = []
    link = url
    if link != link.strip():
        slips.append((N_("url begins or ends with a space: leave it out"), {}))
        link = link.strip()
    if link[:7].lower() == "http://":
        slips.append((N_("url must begin with https://, not http://"), {}))
        link = "https://" + link[7:]
    elif link.lower().startswith(("whatsapp.com/", "www.whatsapp.com/")):
        slips.append((N_("url must begin with https://"), {}))
        link = "https://" + link
    if (cut := min((link.find(c) for c in "?#" if c in link), default=-1)) >= 0:
        rest = link[cut:]
        slips.append((N_("url has '{rest}' after the channel's id: leave it out"), {"rest": rest}))
        link = link[:cut]
    if link.endswith("/"):
        slips.append((N_("url ends in '/' after the channel's id: leave it out"), {}))
        link = link.rstrip("/")
    try:
        host = urlsplit(link).netloc
    except ValueError:
        return []
    if host.isascii() and host != host.lower():
        # The same host, but a link is taken as the announcement wrote it, and
        # none writes it so: polchan never changes one itself.
        slips.append(
            (N_("url has its host in capitals: write it '{host}'"), {"host": host.lower()})
        )
        link = link.replace(host, host.lower(), 1)
    return slips if is_channel_url(link) else []


# --- reading YAML into plain values that remember their line --------------------


class _Located:
    """A YAML value with the line it starts on (1-based) and, for scalars, its text."""

    __slots__ = ("line", "text", "value")

    def __init__(self, value: Any, line: int, text: str | None = None) -> None:
        self.value = value
        self.line = line
        self.text = text


_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class _TooManyValues(Exception):
    """A file holds more than MAX_NODES values, its aliases (*name) counted as often
    as they stand: said by :func:`_too_many_values`, which knows the whole file."""


def _too_many_values(root: Any, file: str) -> Problem:
    """The problem of a file with more values than a registry may hold: an alias
    bomb where the file repeats values by aliases, else simply a file too large."""
    if _uses_aliases(root):
        return Problem(file, None, N_("file expands to too many values (alias bomb?)"))
    return _problem(
        file,
        None,
        N_("file holds more than {limit} values; a registry is at most 1 MB and {limit} values"),
        limit=format_number(MAX_NODES),
    )


def _uses_aliases(root: Any) -> bool:
    """Whether the composed file reaches a node twice, as only an alias (*name) of
    an anchor (&name) does. Each node is looked at once, however often it repeats."""
    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node.value, list):  # a list's items, or a mapping's (key, value)s
            for item in node.value:
                todo.extend(item if isinstance(item, tuple) else (item,))
    return False


def _to_plain(
    node: Any, file: str, problems: list[Problem], budget: list[int], depth: int = 0
) -> _Located:
    import yaml

    budget[0] -= 1
    if budget[0] < 0:
        raise _TooManyValues
    line = node.start_mark.line + 1
    if depth > MAX_DEPTH:
        raise RegistryError([Problem(file, line, N_("values nested too deeply"))])
    if node.tag == "tag:yaml.org,2002:merge":  # "<<: *base", which the file must spell out
        raise RegistryError(
            [Problem(file, line, N_("merge keys (<<) are not supported; write the fields out"))]
        )
    if node.tag not in _PLAIN_TAGS:
        raise RegistryError(
            [_problem(file, line, N_("unsupported YAML tag '{tag}'"), tag=node.tag)]
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[str, _Located] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = _to_plain(key_node, file, problems, budget, depth + 1)
            if not isinstance(key.value, str):
                if word := _read_as_word(key, or_null=True):
                    # "null:", "on:": meant as the word; YAML 1.1 reads it as a value.
                    template = N_("YAML reads the key {word} as {value}; write '{word}' in quotes")
                    problems.append(_problem(file, key.line, template, **word))
                    continue
                if key.text is not None:
                    message = N_("key {key} must be a string")
                else:
                    message = N_("a list or mapping key must be a string")
                problems.append(_problem(file, key.line, message, key=repr(key.value)))
                continue
            if key.value in result:
                # Said with the first: either may be the one to delete ("url:" given
                # twice, or a comment's "channels:" with its '#' deleted).
                problems.append(
                    _problem(
                        file,
                        key.line,
                        N_("duplicate key '{key}' (first at line {first})"),
                        key=key.value,
                        first=key_lines[key.value],
                    )
                )
            key_lines.setdefault(key.value, key.line)
            result[key.value] = _to_plain(value_node, file, problems, budget, depth + 1)
        return _Located(result, line)
    if isinstance(node, yaml.SequenceNode):
        items = [_to_plain(n, file, problems, budget, depth + 1) for n in node.value]
        return _Located(items, line)
    return _Located(_scalar(node), line, node.value)


def _read_as_word(item: _Located | None, *, or_null: bool = False) -> dict[str, str] | None:
    """Where YAML read an unquoted word as true or false (``id: on``, ``name: yes``),
    or as null (``null:``, with ``or_null``), the word and what it became, for a
    problem to say so: a field that must be text was given the word. None for
    anything else. A value ``null`` or ``~`` is more likely meant as nothing, which
    is said as that."""
    if item is None or not item.text:
        return None
    if not isinstance(item.value, bool) and not (or_null and item.value is None):
        return None
    return {"word": item.text, "value": {None: "null", True: "true", False: "false"}[item.value]}


_ID_NOT_A_SLUG = N_("id must be a lowercase ASCII slug like 'rotenburg-wuemme'")
# YAML 1.1, which PyYAML reads, takes on, off, yes and no for true and false.
_READ_AS_WORD = N_("{field}: YAML reads {word} as {value}; write '{word}' in quotes")


def _scalar(node: Any) -> Any:
    tag, text = node.tag, node.value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return text.lower() in ("true", "yes", "on")
    if tag == "tag:yaml.org,2002:int":
        digits = text.replace("_", "")
        try:
            if re.fullmatch(r"[-+]?0[0-7]+", digits):  # YAML 1.1 octal, as yaml.safe_load reads it
                return int(digits, 8)
            return int(digits, 0)
        except ValueError:
            return text
    if tag == "tag:yaml.org,2002:float":
        return text
    return text  # str and timestamp: dates stay as written ("2024-11")


def _compose(text: str, file: str) -> Any:
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader_class)
    except RecursionError:  # the pure-Python composer on deeply nested input
        raise RegistryError([Problem(file, None, N_("invalid YAML: nested too deeply"))]) from None
    except yaml.MarkedYAMLError as exc:
        raise RegistryError([_yaml_problem(exc, file, text)]) from None
    except yaml.YAMLError as exc:
        raise RegistryError(
            [_problem(file, None, N_("invalid YAML: {reason}"), reason=exc)]
        ) from None


# The YAML mistakes a hand-edited file has most, said in the user's language: by the
# start of the context and of the problem PyYAML reports (its C and Python parsers
# word some problems differently), and whether the mistake is where that context
# began. An unclosed quote or bracket is only noticed at the end of the file, or
# where what follows it cannot be inside it, so it is said where it opens; where the
# parser did not reach the end, a comma inside it may be what is missing. A message
# with {char} names the character at its place, and is said only where that is one
# a user typed (not a space or the end of a line). Mistakes the problem's words do
# not tell apart are read from the tokens before it (see _mistake_by_tokens).
_QUOTE_NOT_CLOSED = N_("invalid YAML: a quote opened here is not closed")
# A line of text with no ':' in it: a key's, or a comment's '#', deleted.
_KEY_WITHOUT_COLON = N_("invalid YAML: a key without its ':', or a comment without its '#'")
_INDENTED_UNLIKE = N_("invalid YAML: indented unlike the lines above")
_NOT_CLOSED_OR_COMMA = N_(
    "invalid YAML: a '{bracket}' opened here is not closed, or a ',' in it is missing"
)
_VALUE_BEGINS_WITH = N_("invalid YAML: a value beginning with '{char}' must be in quotes")
_BACKSLASH = N_(
    "invalid YAML: a '\\' in double quotes begins an escape; write '\\\\' or use single quotes"
)
_DIRECTIVE = N_(
    "invalid YAML: a line beginning with '%' (a YAML directive) may not stand here; delete it"
)
_TEXT_AFTER_THE_QUOTE = N_(
    "invalid YAML: text after the closing quote; quote the whole value, "
    "with the other kind of quotes if it holds one"
)
_TEXT_AFTER_THE_BRACKET = N_(
    "invalid YAML: text after the closing '{bracket}'; "
    "a value beginning with '{opening}' must be in quotes"
)
_ITEM_AFTER_A_KEY = N_(
    "invalid YAML: a '- ' item after a key on its line; put it on the line below, "
    "or the value in quotes"
)
_YAML_PROBLEMS = (
    (
        ("while scanning a quoted scalar", "found unexpected end of stream"),
        "at_end",
        _QUOTE_NOT_CLOSED,
    ),
    (
        ("while parsing a flow sequence", ""),
        "at_end",
        N_("invalid YAML: a '{bracket}' opened here is not closed"),
    ),
    (
        ("while parsing a flow mapping", ""),
        "at_end",
        N_("invalid YAML: a '{bracket}' opened here is not closed"),
    ),
    (("while parsing a flow", ""), "context", _NOT_CLOSED_OR_COMMA),
    (
        ("", "mapping values are not allowed"),
        "here",
        N_("invalid YAML: a 'key: value' where none may stand; check the indentation"),
    ),
    (("", "did not find expected key"), "here", _INDENTED_UNLIKE),
    (("", "did not find expected '-'"), "here", _INDENTED_UNLIKE),
    (("", "expected <block end>"), "here", _INDENTED_UNLIKE),
    # "name: @polizei", "name: `Polizei`": a character no value may begin with.
    (("", "found character"), "here", _VALUE_BEGINS_WITH),
    (
        ("", "found character"),
        "here",
        N_("invalid YAML: a character no value may start with (indent with spaces, not tabs)"),
    ),
    (
        ("", "found undefined alias"),
        "here",
        N_("invalid YAML: an alias (*name) with no anchor (&name)"),
    ),
    # "name: *Polizei* Celle", "agency: & Partner": not an alias or anchor.
    (("while scanning an alias", ""), "context", _VALUE_BEGINS_WITH),
    (("while scanning an anchor", ""), "context", _VALUE_BEGINS_WITH),
    # "title: ]neu", "state: ?": what begins a list's end or a key.
    (("while parsing a block node", ""), "here", _VALUE_BEGINS_WITH),
    (("", "mapping keys are not allowed"), "here", _VALUE_BEGINS_WITH),
    # "title: | Polizei …", "note: |x": a block's text begins on the line below.
    (
        ("while scanning a block scalar", ""),
        "context",
        N_(
            "invalid YAML: text after '{char}' on its line; "
            "put it on the lines below, or the value in quotes"
        ),
    ),
    # "C:\Polizei" in double quotes: libyaml's words, then PyYAML's.
    (("while parsing a quoted scalar", "found unknown escape"), "here", _BACKSLASH),
    (("while parsing a quoted scalar", "did not find expected hex"), "here", _BACKSLASH),
    (("while scanning a double-quoted scalar", ""), "here", _BACKSLASH),
    (("while scanning a directive", ""), "context", _DIRECTIVE),
    (
        ("expected a single document", "but found another document"),
        "here",
        N_("invalid YAML: a second document begins here ('---'); keep one"),
    ),
    (("", "exceeded maximum nesting depth"), "here", N_("invalid YAML: nested too deeply")),
)
# Line breaks as YAML counts them (a file saved with old Mac line ends has only \r).
_YAML_LINE_BREAK = compiled_when_used("\r\n|[\r\n\x85\u2028\u2029]")
# A line break, then a "key:" or "- key:": in a quoted value, a sign that its
# closing quote is missing, and the value ran on over the lines of other fields.
_KEY_AT_LINE_START = compiled_when_used(
    "[\r\n\x85\u2028\u2029][ ]*(?:-[ ]+)?[^\\s:#'\"]+:(?:[ \r\n]|$)"
)
# A key written "name:Polizei", its ':' without the space after it.
_COLON_WITHOUT_SPACE = compiled_when_used(r"[^\s:#'\"]+:[^\s:]")
# What may stand before a key on its line: its indentation and list dashes.
_BEFORE_A_KEY = compiled_when_used(r"[ ]*(?:-[ ]+)*")
_FLOW_PAIRS = {"[": "]", "{": "}", "]": "[", "}": "{"}
_QUOTES = ("'", '"')  # a scalar token's style in quotes; a block's is '|' or '>'


def _yaml_problem(exc: Any, file: str, text: str) -> Problem:
    """A YAML syntax error as a Problem on the line where the mistake is (never past
    the file's last line), in the user's language where it is a common one."""
    context, problem = exc.context or "", exc.problem or ""
    at_end = exc.problem_mark is None or not text[exc.problem_mark.index :].strip()
    last_line = _lines_in(text)

    def line_of(mark: Any) -> int | None:
        return min(mark.line + 1, last_line) if mark else None

    if read := _mistake_by_tokens(exc, text):
        mark, template, params = read
        return _problem(file, line_of(mark), template, **params)
    for (context_start, problem_start), where, template in _YAML_PROBLEMS:
        if not (context.startswith(context_start) and problem.startswith(problem_start)):
            continue
        if where == "at_end" and not at_end:
            continue
        mark = (exc.context_mark if where in ("at_end", "context") else None) or exc.problem_mark
        params: dict[str, str] = {}
        if "{bracket}" in template:
            params["bracket"] = "[" if "sequence" in context else "{"
        if "{char}" in template:
            char = text[mark.index : mark.index + 1] if mark else ""
            if not char or char.isspace():
                continue  # a tab, or nothing: not a character typed to begin a value
            params["char"] = char
        return _problem(file, line_of(mark), template, **params)
    reason = problem or context or "invalid YAML"
    line = line_of(exc.problem_mark or exc.context_mark)
    return _problem(file, line, N_("invalid YAML: {reason}"), reason=reason)


def _mistake_by_tokens(exc: Any, text: str) -> tuple[Any, str, dict[str, str]] | None:
    """The mistake behind a YAML error that PyYAML's words do not tell, read from the
    tokens before it: where to say it (a mark), its message id and fields; None
    where the words say enough (see _YAML_PROBLEMS)."""
    context, problem, mark = exc.context or "", exc.problem or "", exc.problem_mark
    if context.startswith("while scanning a simple key") and exc.context_mark is not None:
        return exc.context_mark, _key_without_colon(text, exc.context_mark), {}
    block = problem.startswith(
        ("did not find expected key", "did not find expected '-'", "expected <block end>")
    )
    flow = context.startswith("while parsing a flow")
    values = problem.startswith("mapping values are not allowed")
    document = "<document start>" in problem
    # libyaml's words, then PyYAML's
    item = problem.startswith(("block sequence entries are not", "sequence entries are not"))
    if mark is None or not (block or flow or values or document or item):
        return None
    tokens = _tokens_before(text, mark.index)
    if opened := _quote_left_open(tokens, text, mark):
        # It ran on to the next quote, and what follows that one is the error.
        return opened.start_mark, _QUOTE_NOT_CLOSED, {}
    char = text[mark.index : mark.index + 1]
    last = tokens[-1] if tokens else None
    if block:
        return _after_a_value(last, char, mark, text)
    if item:
        return _item_after_a_key(mark, text)
    if flow:
        return _in_brackets(tokens, char, mark) if context.endswith("node") else None
    if values:
        return _colon_where_none_may_stand(tokens, mark, text)
    return _after_the_document(tokens, mark)


def _tokens_before(text: str, index: int) -> list[Any]:
    """The tokens of the text that begin before ``index``, as far as the scanner
    reads it (its own error may stop it earlier)."""
    import yaml

    tokens = []
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if token.start_mark.index >= index:
                break
            tokens.append(token)
    except yaml.YAMLError:
        pass
    return tokens


def _quote_left_open(tokens: list[Any], text: str, mark: Any) -> Any:
    """The quoted value that ends on the problem's line after running over lines
    that begin with a key (``name: "Polizei Celle`` up to the next quote), else None."""
    import yaml

    for token in reversed(tokens):
        if token.end_mark.line != mark.line:
            return None
        if isinstance(token, yaml.ScalarToken) and token.style in _QUOTES:
            start, end = token.start_mark.index, token.end_mark.index
            return token if _KEY_AT_LINE_START.search(text, start, end) else None
    return None


def _key_without_colon(text: str, mark: Any) -> str:
    """The message of a key whose ':' is missing, or has no space after it."""
    if _COLON_WITHOUT_SPACE.match(text, mark.index):
        return N_("invalid YAML: a ':' without a space after it; write 'key: value'")
    return _KEY_WITHOUT_COLON


def _after_a_value(
    last: Any, char: str, mark: Any, text: str
) -> tuple[Any, str, dict[str, str]] | None:
    """What stands where a mapping's next key or its end was due: a ']' or '}' no
    bracket opened, or more text on the line of a value in quotes or brackets."""
    import yaml

    if char in ("]", "}"):
        return (
            mark,
            N_("invalid YAML: a '{bracket}' with no '{opening}' before it; delete it"),
            {"bracket": char, "opening": _FLOW_PAIRS[char]},
        )
    if last is None or last.end_mark.line != mark.line:
        return None
    if isinstance(last, yaml.ScalarToken) and last.style in _QUOTES:
        return _text_after_the_closing(last.style, mark)
    if isinstance(last, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)):
        return _text_after_the_closing(text[last.start_mark.index], mark)
    return None


def _text_after_the_closing(closing: str, mark: Any) -> tuple[Any, str, dict[str, str]]:
    """More text on a line after the closing quote or bracket of its value."""
    if closing in _QUOTES:
        return mark, _TEXT_AFTER_THE_QUOTE, {}
    return mark, _TEXT_AFTER_THE_BRACKET, {"bracket": closing, "opening": _FLOW_PAIRS[closing]}


def _item_after_a_key(mark: Any, text: str) -> tuple[Any, str, dict[str, str]] | None:
    """A list's '- ' on a key's line, read from the line before it: right after the
    key ("note: - Test", "channels: - id: celle", an anchor or tag between), or
    after a value in quotes or brackets, which the line then goes on past
    ('name: "Polizei" - x', '- "03351" - "03352"'). The scanner stops before the
    value's token where it stands in a list, so the line is read, not the tokens."""
    line_start = text.rfind("\n", 0, mark.index) + 1
    before = text[line_start : mark.index].rstrip()
    if before.endswith((*_QUOTES, "]", "}")):
        return _text_after_the_closing(before[-1], mark)
    if before.endswith(":") or re.search(r"\s[&!]\S*$", before):
        return mark, _ITEM_AFTER_A_KEY, {}
    return None


def _in_brackets(tokens: list[Any], char: str, mark: Any) -> tuple[Any, str, dict[str, str]] | None:
    """A value missing inside [ ] or { }: a '- ' item there (``channels: [`` above a
    list of '- ' items), or a ',' with none before it; else the bracket it is in."""
    import yaml

    opened: list[Any] = []
    for token in tokens:
        if isinstance(token, (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)):
            opened.append(token)
        elif isinstance(token, (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)) and opened:
            opened.pop()
    if char == ",":
        return mark, N_("invalid YAML: a ',' with no value before it; delete it"), {}
    if not opened:
        return None
    bracket = "[" if isinstance(opened[-1], yaml.FlowSequenceStartToken) else "{"
    if char == "-":
        return (
            opened[-1].start_mark,
            N_(
                "invalid YAML: a '- ' item inside the '{bracket}' opened here; "
                "write the items without '{bracket}' and '{closing}'"
            ),
            {"bracket": bracket, "closing": _FLOW_PAIRS[bracket]},
        )
    return opened[-1].start_mark, _NOT_CLOSED_OR_COMMA, {"bracket": bracket}


def _colon_where_none_may_stand(
    tokens: list[Any], mark: Any, text: str
) -> tuple[Any, str, dict[str, str]] | None:
    """A ': ' after a value on its line (``name: Polizei: Celle``), or on the line
    after a key without its ':' (``- id celle``), which YAML read on into it. A value
    run on into a deeper indented key is left to the indentation's message."""
    import yaml

    if len(tokens) < 2 or not isinstance(tokens[-1], yaml.ScalarToken) or not tokens[-1].plain:
        return None
    start = tokens[-1].start_mark
    if start.line == mark.line:
        if isinstance(tokens[-2], yaml.ValueToken) and tokens[-2].start_mark.line == mark.line:
            return mark, N_("invalid YAML: a ':' in a value; put the value in quotes"), {}
        return None
    if _BEFORE_A_KEY.fullmatch(text, start.index - start.column, start.index):
        return start, _key_without_colon(text, start), {}
    return None


def _after_the_document(tokens: list[Any], mark: Any) -> tuple[Any, str, dict[str, str]] | None:
    """What ended the file's content before its end: a '...' line, a line beginning
    with '%', text with no key at its top (a comment's '#' deleted), or the first
    line indented deeper than the lines after it."""
    import yaml

    for token in reversed(tokens):
        if isinstance(token, yaml.DocumentEndToken):
            return (
                token.start_mark,
                N_("invalid YAML: '...' ends the file's content here, yet more follows; delete it"),
                {},
            )
        if isinstance(token, yaml.DirectiveToken):
            return token.start_mark, _DIRECTIVE, {}
    content = [
        t for t in tokens if not isinstance(t, (yaml.StreamStartToken, yaml.DocumentStartToken))
    ]
    if not content:
        return None
    first = content[0]
    if (
        isinstance(first, yaml.ScalarToken)
        and first.plain
        and not any(isinstance(t, yaml.ValueToken) for t in content)
    ):
        return first.start_mark, _KEY_WITHOUT_COLON, {}
    if (
        isinstance(first, (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken))
        and first.start_mark.column > mark.column
    ):
        return mark, _INDENTED_UNLIKE, {}
    return None


def _indented_with_nbsp(text: str, file: str) -> Problem | None:
    """The problem of a line indented with no-break spaces, where YAML reads one as
    the start of a plain key or value (two before ``- id: celle`` make a key of
    its own) or fails at it, else None. One that begins a line of a note's block
    (``note: |``) or of a quoted value is text, and valid."""
    import yaml

    indents = {found.start() for found in _NBSP_INDENT.finditer(text)}
    if not indents:
        return None
    marks = []
    try:
        # Tokens, not the composed file: read up to a mistake, which the space may be.
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(token, yaml.ScalarToken) and token.plain:
                marks.append(token.start_mark)
    except yaml.MarkedYAMLError as exc:
        marks += [mark for mark in (exc.context_mark, exc.problem_mark) if mark is not None]
    except yaml.YAMLError:
        pass
    for mark in sorted(marks, key=lambda mark: mark.index):
        if text.rfind("\n", 0, mark.index) + 1 in indents:
            return Problem(
                file,
                mark.line + 1,
                N_("indented with non-breaking spaces (copied from a web page?); use plain spaces"),
            )
    return None


def _lines_in(text: str) -> int:
    """How many lines YAML counts in the text, a last one without its break too."""
    pieces = _YAML_LINE_BREAK.split(text)
    return max(1, len(pieces) - (pieces[-1] == ""))


def read_registry_text(path: Path) -> str:
    """The text of a registry file, or RegistryError saying why it cannot be read."""
    name = str(path)  # problems name the file as given, so the user knows which one
    try:
        status = path.stat()
        # Checked before reading: on Windows reading a directory is a PermissionError.
        if not_a_file := unreadable_kind(status.st_mode):
            raise RegistryError([Problem(name, None, not_a_file)])
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise RegistryError(
                [
                    _problem(
                        name,
                        None,
                        N_("file is {size} bytes; a registry is at most 1 MB"),
                        size=format_number(size),
                    )
                ]
            )
        if stat.S_ISFIFO(status.st_mode):
            data = _read_pipe(path, MAX_FILE_BYTES + 1)
            if not data:
                raise RegistryError(
                    [Problem(name, None, N_("is a pipe with nothing written to it"))]
                )
        else:
            with path.open("rb") as fh:
                # At most one byte past the limit: a file may grow as it is read.
                data = fh.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise RegistryError(
                [Problem(name, None, N_("more than 1 MB to read; a registry is at most 1 MB"))]
            )
    except FileNotFoundError:
        if broken := broken_link(path) or folder_trouble(path):
            raise RegistryError([_problem(name, None, broken[0], **broken[1])]) from None
        raise RegistryError([Problem(name, None, N_("no such file"))]) from None
    except PermissionError:
        raise RegistryError([Problem(name, None, N_("no permission to read it"))]) from None
    except OSError as exc:
        if broken := broken_link(path) or folder_trouble(path):
            raise RegistryError([_problem(name, None, broken[0], **broken[1])]) from None
        raise RegistryError(
            [_problem(str(path), None, N_("cannot read: {reason}"), reason=os_reason(exc))]
        ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RegistryError([Problem(name, 1, N_("file is UTF-16; save it as UTF-8"))])
    try:
        # UTF-8 with a byte-order mark, as Windows editors save it, is UTF-8 too.
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RegistryError(
            [Problem(name, line, N_("file is not UTF-8 (Latin-1?); save it as UTF-8"))]
        ) from None


def unreadable_kind(mode: int) -> str | None:
    """Why what has this ``st_mode`` is no registry file, as a message id; None for
    a file, and for a pipe (``--registry <(curl …)``, ``… | polchan --registry
    /dev/stdin``). A device never ends (/dev/zero) or waits on a terminal."""
    if stat.S_ISDIR(mode):
        return N_("is a directory, not a registry file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return N_("is a device, not a registry file")
    if stat.S_ISSOCK(mode):
        return N_("is a socket, not a registry file")
    return None


def _read_pipe(path: Path, limit: int) -> bytes:
    """Up to ``limit`` bytes from the pipe at ``path``, or none where no program
    writes to it. Opened without waiting, as opening a named pipe no program writes
    to waits for one for ever (``mkfifo channels.yaml``)."""
    no_wait = getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, os.O_RDONLY | no_wait)
    try:
        try:
            data = os.read(fd, limit)
        except BlockingIOError:  # a writer that has not written yet: wait for it
            data = b""
        else:
            if not data:  # no program holds it open to write
                return data
        if no_wait:
            os.set_blocking(fd, True)
        # Up to the limit, not to the end: a pipe may never end (<(yes)).
        while len(data) < limit and (more := os.read(fd, limit - len(data))):
            data += more
        return data
    finally:
        os.close(fd)


def folder_trouble(path: Path) -> tuple[str, dict[str, str]] | None:
    """Why the folder of ``path`` holds no file, where something else is there: a
    file, or a link to nothing, where the folder should be (``~/.config/polchan``
    saved as a file), as a message id and its fields. None where the folder is one,
    where nothing is there, or where the system cannot tell.

    Said of ``path``, as ``paths`` and the commands that read the file name it.
    """
    import errno

    folder = path.parent
    try:
        mode = os.lstat(folder).st_mode
        if stat.S_ISLNK(mode):
            mode = os.stat(folder).st_mode
    except (FileNotFoundError, NotADirectoryError):
        try:
            target = os.readlink(folder)
        except OSError:  # nothing there at all
            return None
        if os.path.lexists(os.path.join(os.path.dirname(folder), target)):
            return N_("its folder is a link that reaches no folder"), {}
        return N_("its folder is a link to {target}, which does not exist"), {
            "target": shown_path(target)
        }
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return N_("its folder is a link that reaches no folder"), {}
        return None
    if stat.S_ISDIR(mode):
        return None
    if stat.S_ISREG(mode):
        return N_("a file stands where its folder should be"), {}
    return N_("something other than a folder stands where its folder should be"), {}


def broken_link(path: Path) -> tuple[str, dict[str, str]] | None:
    """Why the link at ``path`` reaches no file, as a message id and its fields: a
    link to nothing, a chain of links whose last target is missing, or a loop.
    None where ``path`` is no link, or its trouble is none of these.

    One answer for ``paths`` and for the commands that read the file: a loop was
    "a link to loop.yaml, which does not exist" in one and "too many symbolic
    links" in the other, and a chain named the link in the middle as missing.
    """
    import errno

    try:
        if not path.is_symlink():
            return None
    except OSError:  # a name too long to look up: no link the system can tell of
        return None
    try:
        os.path.realpath(path, strict=True)
    except FileNotFoundError:
        target = os.readlink(path)
        if os.path.islink(os.path.join(os.path.dirname(path), target)):
            return N_("leads through links to {target}, which does not exist"), {
                "target": shown_path(os.path.realpath(path))
            }
        return N_("is a link to {target}, which does not exist"), {"target": shown_path(target)}
    except OSError as exc:
        # realpath raises ELOOP only where it came round to a link it had followed;
        # a chain merely longer than the system follows is not said to be a loop.
        if exc.errno == errno.ELOOP:
            return N_("is a link that leads into a loop and reaches no file"), {}
    return None


# --- validation ---------------------------------------------------------------------


def _document(text: str, file: str) -> tuple[dict[str, _Located], list[Problem]]:
    # A tab in a comment or a quoted note is text; only one that indents is wrong.
    if indented := _TAB_INDENT.search(text):
        line = text[: indented.start()].count("\n") + 1
        raise RegistryError([Problem(file, line, N_("tab character; indent YAML with spaces"))])
    if bom := _BOM_AT_LINE_START.search(text):
        line = len(_YAML_LINE_BREAK.findall(text, 0, bom.start())) + 1
        raise RegistryError(
            [
                Problem(
                    file,
                    line,
                    N_("a byte-order mark (U+FEFF, invisible) begins this line; delete it"),
                )
            ]
        )
    unprintable = _NON_PRINTABLE.search(text)
    if unprintable is not None:
        line = text[: unprintable.start()].count("\n") + 1
        raise RegistryError(
            [
                _problem(
                    file,
                    line,
                    N_("control character {char}: is this a binary file? A registry is text"),
                    char=f"U+{ord(unprintable.group()):04X}",
                )
            ]
        )
    # "\xa0\xa0- id: celle" is valid YAML, a key of its own: said as what it is, not
    # as "unknown top-level field '  - id'".
    if nbsp := _indented_with_nbsp(text, file):
        raise RegistryError([nbsp])
    node = _compose(text, file)
    problems: list[Problem] = []
    if node is None:
        raise RegistryError(
            [Problem(file, 1, N_("file is empty; expected 'schema: 1' and 'channels:'"))]
        )
    try:
        root = _to_plain(node, file, problems, [MAX_NODES])
    except _TooManyValues:
        raise RegistryError([_too_many_values(node, file)]) from None
    if not isinstance(root.value, dict):
        raise RegistryError(
            [Problem(file, root.line, N_("expected a mapping with 'schema' and 'channels'"))]
        )
    doc = root.value
    schema = doc.get("schema")
    if schema is None:
        problems.append(
            _problem(file, root.line, N_("missing 'schema: {version}'"), version=SCHEMA_VERSION)
        )
    elif schema.value == str(SCHEMA_VERSION):
        problems.append(
            _problem(
                file,
                schema.line,
                N_("schema must be the number {version}, without quotes"),
                version=SCHEMA_VERSION,
            )
        )
    elif type(schema.value) is not int or schema.value != SCHEMA_VERSION:
        # As the file writes it ("true", "yes"), not as Python does; a list, a mapping
        # or nothing has no such text.
        written = schema.text if schema.text else None
        problems.append(
            _problem(
                file,
                schema.line,
                N_("schema {schema} is not supported (expected 1)"),
                schema=written,
            )
            if written
            else _problem(
                file,
                schema.line,
                N_("schema must be the number {version}"),
                version=SCHEMA_VERSION,
            )
        )
    for key, value in doc.items():
        if key not in ("schema", "channels"):
            problems.append(
                _problem(file, value.line, N_("unknown top-level field '{field}'"), field=key)
            )
    channels = doc.get("channels")
    if channels is None:
        problems.append(Problem(file, root.line, N_("missing 'channels:' list")))
    elif not isinstance(channels.value, list):
        problems.append(Problem(file, channels.line, N_("'channels' must be a list")))
    return doc, problems


# Line breaks and other control characters: no name shown on a line may have them.
_CONTROL = compiled_when_used(r"[\x00-\x1f\x7f-\x9f]")


def _invisible(text: str) -> str | None:
    """The first invisible character in ``text`` that a name shown on one line may
    not hold either, as U+XXXX: a format character (U+202E turns the rest of the
    line right to left, U+200B hides in a word) or a line or paragraph separator
    (U+2028, U+2029), which some terminals break the line at. None if none."""
    if text.isprintable():  # as nearly every name is: no need to look at each
        return None
    found = next((c for c in text if unicodedata.category(c) in ("Cf", "Zl", "Zp")), None)
    return f"U+{ord(found):04X}" if found else None


def _not_one_line(text: str) -> str:
    """The message of a name with a control character in it: a tab (copied from a
    table) is one of its own, as the name is one line."""
    if _CONTROL.search(text.replace("\t", " ")):
        return N_("{field} must be one line of text")
    return N_("{field} holds a tab; write a space instead")


_INVISIBLE = N_("{field} must be one line of visible text, without the invisible character {char}")


def _check_str(entry: dict[str, _Located], key: str, nullable: bool = False) -> str | None:
    item = entry.get(key)
    if item is None:
        return None
    if item.value is None and nullable:
        return None
    if not isinstance(item.value, str) or not item.value.strip():
        raise ValueError(key)
    return item.value


def _validate_entry(
    item: _Located,
    file: str,
    partial: bool,
    known_districts: Iterable[str] | None,
    spelling: MunicipalitySpelling | None = None,
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Check one channel entry; return its fields (only those given when partial)."""
    problems: list[Problem] = []
    if not isinstance(item.value, dict):
        return None, [Problem(file, item.line, N_("each channel must be a mapping"))]
    entry: dict[str, _Located] = item.value
    ident = entry.get("id")
    cid = ident.value if ident is not None and isinstance(ident.value, str) else None

    def problem(line: int, template: str, **params: object) -> None:
        problems.append(_problem(file, line, template, cid, **params))

    if ident is None or ident.value is None:  # no "id", or "id:" with nothing, or null
        # Without an id it is neither a change nor a new channel: the fields a new
        # one needs are not missing yet. Said once; a wrong value is wrong either way.
        problem(
            (ident or item).line,
            N_(
                "this entry has no id: which channel does it change, "
                "or what is the new channel's id?"
            ),
        )
        partial = True
    elif (word := _read_as_word(ident)) and _ID.fullmatch(word["word"]):
        problem(ident.line, _READ_AS_WORD, field="id", **word)
    elif cid is None or not _ID.fullmatch(cid):
        problem(ident.line, _ID_NOT_A_SLUG)
    for key, value in entry.items():
        if key not in REQUIRED_FIELDS and key not in OPTIONAL_FIELDS:
            problem(value.line, N_("unknown field '{field}'"), field=key)
    if not partial:
        for key in REQUIRED_FIELDS:
            if key not in entry and key != "id":
                problem(item.line, N_("missing field '{field}'"), field=key)

    fields: dict[str, Any] = {"id": cid}
    for key in ("name", "agency", "state", "note", "parent"):
        if key in entry:
            try:
                fields[key] = _check_str(entry, key, nullable=key in ("note", "parent"))
            except ValueError as exc:
                if word := _read_as_word(entry[key]):
                    problem(entry[key].line, _READ_AS_WORD, field=key, **word)
                else:
                    problem(entry[key].line, N_("{field} must be a non-empty string"), field=exc)
            else:
                if key != "note" and _CONTROL.search(fields[key] or ""):
                    # "Polizei\nCelle" would break the lines of list, find and open.
                    problem(entry[key].line, _not_one_line(fields[key]), field=key)
                elif key != "note" and (char := _invisible(fields[key] or "")):
                    problem(entry[key].line, _INVISIBLE, field=key, char=char)
    if "url" in entry:
        url = entry["url"]
        if not is_channel_url(url.value):
            # Each slip named where the fix is clear; never mended here unseen.
            slips = _link_slips(url.value) if isinstance(url.value, str) else []
            for template, params in slips or [(_NOT_A_CHANNEL_LINK, {})]:
                problem(url.line, template, **params)
        fields["url"] = url.value
    if "districts" in entry:
        districts = entry["districts"]
        if not isinstance(districts.value, list):
            problem(districts.line, N_("districts must be a list of 5-digit district keys"))
        else:
            keys = []
            for d in districts.value:
                value = d.value if isinstance(d.value, str) else (d.text or str(d.value))
                if not isinstance(d.value, str) or not _DISTRICT_KEY.fullmatch(value):
                    problem(
                        d.line,
                        N_("district key '{key}' must be 5 digits in quotes, e.g. \"03351\""),
                        key=value,
                    )
                elif known_districts is not None and value not in known_districts:
                    problem(d.line, N_("district key '{key}' is not a German district"), key=value)
                keys.append(value)
            fields["districts"] = tuple(keys)
    if "municipalities" in entry:
        fields["municipalities"] = _municipalities(
            entry["municipalities"], problem, known_districts, spelling
        )
    if "source" in entry:
        fields["source"] = _source(entry["source"], problem)
    if "disabled" in entry:
        disabled = entry["disabled"]
        if not isinstance(disabled.value, bool):
            problem(disabled.line, N_("disabled must be true or false"))
        fields["disabled"] = disabled.value is True
    return fields, problems


def _municipalities(
    node: _Located,
    problem: Callable[..., None],
    known_districts: Iterable[str] | None,
    spelling: MunicipalitySpelling | None = None,
) -> tuple[MunicipalityRef, ...]:
    refs = []
    if not isinstance(node.value, list):
        problem(node.line, N_("municipalities must be a list of {{district, name}}"))
        return ()
    for m in node.value:
        v = m.value if isinstance(m.value, dict) else {}
        district, name = v.get("district"), v.get("name")
        if (
            district is None
            or name is None
            or not isinstance(district.value, str)
            or not _DISTRICT_KEY.fullmatch(district.value)
            or not isinstance(name.value, str)
            or set(v) - {"district", "name"}
        ):
            problem(m.line, N_("each municipality needs exactly 'district' (5 digits) and 'name'"))
            continue
        # As the gazetteer writes names: composed umlauts (an editor may save "ü" as
        # u and a combining mark), no space around.
        written = unicodedata.normalize("NFC", name.value).strip()
        # Unchecked, a mistyped key would make the channel cover nothing there
        # while `validate` calls the file valid.
        if known_districts is not None and district.value not in known_districts:
            problem(
                district.line,
                N_("district key '{key}' is not a German district"),
                key=district.value,
            )
        elif spelling is not None and (spelt := spelling(district.value, written)) != written:
            # A channel covers a municipality by its name exactly as the gazetteer
            # writes it: "Gifhorrn" or "Dannenberg" would cover nothing.
            if spelt is None:
                problem(
                    name.line,
                    N_("district {key} has no municipality '{name}'"),
                    key=district.value,
                    name=written,
                )
            else:
                problem(
                    name.line,
                    N_("municipality '{name}' is written '{spelling}'"),
                    name=written,
                    spelling=spelt,
                )
        refs.append(MunicipalityRef(district.value, written))
    return tuple(refs)


def _source(node: _Located, problem: Callable[..., None]) -> Source | None:
    if not isinstance(node.value, dict):
        problem(node.line, N_("source must be a mapping with url, title, published"))
        return None
    src = node.value
    for key, value in src.items():
        if key not in SOURCE_FIELDS:
            problem(value.line, N_("unknown field '{field}'"), field=f"source.{key}")
    url = src.get("url")
    title = src.get("title")
    published = src.get("published")
    ok = True
    if (
        url is None
        or not isinstance(url.value, str)
        or (not url.value.startswith("https://") and not url.value.startswith("http://"))
    ):
        problem(
            (url or node).line, N_("source.url must be the http(s) address of the announcement")
        )
        ok = False
    if title is not None and (word := _read_as_word(title)):
        problem(title.line, _READ_AS_WORD, field="source.title", **word)
        ok = False
    elif title is None or not isinstance(title.value, str) or not title.value.strip():
        problem((title or node).line, N_("source.title must be a non-empty string"))
        ok = False
    elif _CONTROL.search(title.value):
        problem(title.line, _not_one_line(title.value), field="source.title")
        ok = False
    elif char := _invisible(title.value):
        problem(title.line, _INVISIBLE, field="source.title", char=char)
        ok = False
    date = published.value if published is not None else None
    if type(date) is int and published is not None:
        date = published.text  # an unquoted year (published: 2024) reads as a number
    if published is None:
        problem(node.line, N_("missing field 'source.published' (null when unknown)"))
        ok = False
    elif date is not None and not isinstance(date, str):
        problem(published.line, N_("source.published must be a date like 2024-11 or null"))
        ok = False
    elif date is not None and not _is_date(date):
        problem(
            published.line,
            N_("source.published '{value}' is not a date as YYYY, YYYY-MM or YYYY-MM-DD"),
            value=date,
        )
        ok = False
    if not ok:
        return None
    return Source(url.value, title.value, date)


def _is_date(text: str) -> bool:
    """Whether ``text`` is a real date as YYYY, YYYY-MM or YYYY-MM-DD (not 2025-13)."""
    import datetime

    found = _PUBLISHED.fullmatch(text)
    if found is None:
        return False
    year, month, day = (int(part) if part else 1 for part in found.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _state_problems(
    fields: Mapping[str, Any],
    before: Channel | None,
    item: _Located,
    file: str,
    states: Mapping[str, str],
) -> list[Problem]:
    """A problem for each district of a channel that lies in another state than its own.

    ``fields`` are the entry's, laid over ``before`` when the entry overrides a channel.
    ``find Bayern`` and ``list`` go by a channel's state, so a state that contradicts
    the districts would offer the channel to the wrong state. Reported at the district's
    line when this entry lists it, else at the state's (an override changing only one).
    """
    entry: dict[str, _Located] = item.value
    fallback = entry["state"].line if "state" in entry else item.line
    lines: dict[str, int] = {}
    for key in ("districts", "municipalities"):
        node = entry.get(key)
        for d in node.value if node is not None and isinstance(node.value, list) else []:
            ref = d.value.get("district") if isinstance(d.value, dict) else d
            if ref is not None and isinstance(ref.value, str):
                lines.setdefault(ref.value, ref.line)
    state = fields.get("state", before.state if before else None)
    districts = fields.get("districts", before.districts if before else ())
    municipalities = fields.get("municipalities", before.municipalities if before else ())
    known = sorted(set(states.values()))
    if isinstance(state, str) and known and state not in known:
        # "niedersachsen", "Nds.": a spelling, not a channel for another state.
        spelled = [s for s in known if name_key(s) == name_key(state)]
        return [
            _problem(
                file,
                fallback,
                N_("state is written '{spelled}'"),
                fields["id"],
                spelled=spelled[0],
            )
            if spelled
            else _problem(
                file,
                fallback,
                N_("'{state}' is no German state; write one of {states}"),
                fields["id"],
                state=state,
                states=", ".join(known),
            )
        ]
    problems = []
    for key in dict.fromkeys([*districts, *(m.district for m in municipalities or ())]):
        actual = states.get(key)
        if state is not None and actual is not None and actual != state:
            problems.append(
                _problem(
                    file,
                    lines.get(key, fallback),
                    N_("state is {state}, but district '{key}' lies in {actual}"),
                    fields["id"],
                    state=state,
                    key=key,
                    actual=actual,
                )
            )
    return problems


def _changes_only(item: _Located) -> bool:
    """Whether a channel entry gives too few fields to be a new channel (half of
    them or more missing): it was meant to change one."""
    entry = item.value
    return isinstance(entry, dict) and len(set(REQUIRED_FIELDS) - set(entry)) >= 4


def _the_one_id_with_part(part: str, known: Iterable[str]) -> str | None:
    """The one id of which the text is a hyphened part ("rotenburg": rotenburg-wuemme,
    "harburg": landkreis-harburg), else None."""
    having = [cid for cid in known if part in cid.split("-")]
    return having[0] if len(having) == 1 else None


def _about_the_id(problem: Problem) -> bool:
    return problem.template == _ID_NOT_A_SLUG or (
        problem.template == _READ_AS_WORD and dict(problem.params).get("field") == "id"
    )


def _no_such_id(
    file: str, item: _Located, given_id: object, known: Mapping[str, Channel]
) -> Problem:
    """The problem of an entry that disables or changes a channel no id names, with
    the id meant where one is spelled alike ("Celle", "cele": celle) or has it as a
    part ("rotenburg": rotenburg-wuemme)."""
    import difflib

    ident = item.value.get("id") if isinstance(item.value, dict) else None
    if (word := _read_as_word(ident)) and _ID.fullmatch(word["word"]):
        return _problem(file, item.line, _READ_AS_WORD, field="id", **word)
    if given_id is not None and not isinstance(given_id, str):
        # "id: 42": an id is text, whatever channel it was to name.
        return _problem(file, item.line, _ID_NOT_A_SLUG)
    name = given_id if isinstance(given_id, str) else None
    close = (
        next((cid for cid in known if cid == name.lower()), None)
        or next(iter(difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)), None)
        or _the_one_id_with_part(name.lower(), known)
        if name
        else None
    )
    disables = _disables(item)
    if close:
        template = (
            N_("no channel has this id to disable: did you mean '{close}'?")
            if disables
            else N_("no channel has this id to change: did you mean '{close}'?")
        )
        return _problem(file, item.line, template, name, close=close)
    template = (
        N_("no channel has this id to disable ('polchan list --json' shows the ids)")
        if disables
        else N_(
            "no channel has this id to change ('polchan list --json' shows the ids); "
            "a new channel needs id, name, url, agency, parent, state, districts and source"
        )
    )
    return _problem(file, item.line, template, name)


def _disables(item: _Located) -> bool:
    """Whether a channel entry only disables a channel: an id and ``disabled: true``."""
    entry = item.value
    return (
        isinstance(entry, dict)
        and set(entry) == {"id", "disabled"}
        and getattr(entry["disabled"], "value", None) is True
    )


def parse_registry(
    text: str,
    file: str = "channels.yaml",
    *,
    base: Registry | None = None,
    known_districts: Mapping[str, str] | Iterable[str] | None = None,
    spelling: MunicipalitySpelling | None = None,
) -> Registry:
    """Parse and validate registry text; with ``base``, merge it over that registry.

    Merging: an entry whose id exists in ``base`` gives only the fields it
    changes; a new id adds a complete channel; ``disabled: true`` hides one.
    ``known_districts``: the district keys that exist, or a mapping of each to its
    state, and then a channel's state must be that of each district it covers.
    ``spelling(district, name)``: how the gazetteer writes the district's
    municipality of that name (None: it has none), which a channel's
    ``municipalities`` must match.
    """
    doc, problems = _document(text, file)
    origin = "bundled" if base is None else "user"
    known = set(known_districts) if known_districts is not None else None
    states = known_districts if isinstance(known_districts, Mapping) else {}
    merged: dict[str, Channel] = {c.id: c for c in base.channels} if base else {}
    hidden: list[Channel] = list(base.disabled) if base else []
    order = list(merged)
    seen: dict[str, int] = {}
    set_at: dict[str, dict[str, int]] = {}  # the line of each field an entry sets
    unchanged: list[str] = []
    channels = doc.get("channels")
    for item in channels.value if channels and isinstance(channels.value, list) else []:
        given_id = (
            getattr(item.value.get("id"), "value", None) if isinstance(item.value, dict) else None
        )
        # Only a string can name a channel to change ("id: [x]" is reported as not one).
        partial = base is not None and isinstance(given_id, str) and given_id in merged
        if (
            base is not None
            and not partial
            and (_disables(item) or (isinstance(given_id, str) and _changes_only(item)))
        ):
            # "id: cele, url: …": one line, not every field a new channel lacks; and
            # what is wrong in the fields it changes, so that fixing the id is not
            # followed by news of them.
            problems.append(_no_such_id(file, item, given_id, merged))
            problems += [
                problem
                for problem in _validate_entry(item, file, True, known, spelling)[1]
                if not _about_the_id(problem)  # said once, by _no_such_id
            ]
            continue
        fields, entry_problems = _validate_entry(item, file, partial, known, spelling)
        problems += entry_problems
        if fields is None or fields.get("id") is None:
            continue
        cid = fields["id"]
        if cid in seen:
            problems.append(
                _problem(
                    file,
                    item.line,
                    N_("duplicate id (first at line {first})"),
                    cid,
                    first=seen[cid],
                )
            )
            continue
        seen[cid] = item.line
        if isinstance(item.value, dict):
            set_at[cid] = {k: v.line for k, v in item.value.items() if isinstance(k, str)}
        wrong_state = _state_problems(fields, merged[cid] if partial else None, item, file, states)
        problems += wrong_state
        if entry_problems or wrong_state:
            continue
        disabled = fields.pop("disabled", False)
        if disabled:
            if cid in merged:
                hidden.append(merged.pop(cid))
            continue
        if partial:
            changes = {k: v for k, v in fields.items() if k != "id"}
            channel = replace(merged[cid], **changes, origin=origin)
            if replace(channel, origin=merged[cid].origin) == merged[cid]:
                unchanged.append(cid)  # no change: not "(your registry)"
                continue
        else:
            channel = Channel(**fields, origin=origin)
        if not channel.districts and not channel.municipalities:
            # No place would ever find it: an empty list is a slip, not a choice.
            problems.append(
                _problem(
                    file, item.line, N_("covers no area: give districts or municipalities"), cid
                )
            )
            continue
        if not partial:
            order.append(cid)
        merged[cid] = channel
    problems += _twins(merged, set_at, file)
    if problems:
        raise RegistryError(sorted(problems, key=lambda p: p.line or 0))
    return Registry(tuple(merged[c] for c in order if c in merged), tuple(hidden), tuple(unchanged))


def _twins(
    in_force: Mapping[str, Channel], set_at: Mapping[str, Mapping[str, int]], file: str
) -> list[Problem]:
    """A problem for each channel of this file with the link or the name of another
    channel in force: ``open`` would offer both under one name, and "Polizei Celle"
    would find only one (a second ``celle`` under another id, say). ``set_at``: the
    line of each field each entry of the file sets; the entry that set the link or
    name is the one told, at that line."""
    problems = []
    first_by: dict[tuple[str, str], str] = {}
    for cid, channel in in_force.items():
        # Names as written, umlauts kept: "Polizei Munster" (Heidekreis) is no
        # "Polizei Münster"; a link with "www." or without is one link.
        for what, value in (
            ("url", _link_key(channel.url)),
            ("name", " ".join(unicodedata.normalize("NFC", channel.name).casefold().split())),
        ):
            other = first_by.setdefault((what, value), cid)
            if other != cid and (cid in set_at or other in set_at):
                # Of two entries of the file, the one that set it ("stade" with a
                # note, "uelzen" given Stade's link: uelzen is told).
                mine = next(
                    (c for c in (cid, other) if what in set_at.get(c, {})),
                    cid if cid in set_at else other,
                )
                theirs = other if mine == cid else cid
                template = (
                    N_(
                        "has the link of channel '{other}', "
                        "and a link belongs to one channel: change '{other}' instead, or disable it"
                    )
                    if what == "url"
                    else N_("has the name of channel '{other}': give it a name of its own")
                )
                line = set_at[mine].get(what, set_at[mine].get("id", 0))
                problems.append(_problem(file, line, template, mine, other=theirs))
    return problems


def _link_key(url: str) -> str:
    """A channel link as compared with others: with "www." or without, one link."""
    return url.replace("://www.", "://", 1)


def load_registry(
    path: Path,
    *,
    base: Registry | None = None,
    known_districts: Mapping[str, str] | Iterable[str] | None = None,
    spelling: MunicipalitySpelling | None = None,
) -> Registry:
    """Read and validate a registry file (see :func:`parse_registry`)."""
    return parse_registry(
        read_registry_text(path),
        str(path),
        base=base,
        known_districts=known_districts,
        spelling=spelling,
    )


def registry_from_dicts(
    items: Iterable[Mapping[str, Any]], disabled: Iterable[Mapping[str, Any]] = ()
) -> Registry:
    """Rebuild a registry from :meth:`Channel.to_dict` output (the cache format):
    the channels in force, and those disabled."""
    return Registry(
        tuple(_channel_from_dict(d) for d in items),
        tuple(_channel_from_dict(d) for d in disabled),
    )


def _channel_from_dict(d: Mapping[str, Any]) -> Channel:
    return Channel(
        id=d["id"],
        name=d["name"],
        url=d["url"],
        agency=d["agency"],
        parent=d["parent"],
        state=d["state"],
        districts=tuple(d["districts"]),
        source=Source(**d["source"]),
        municipalities=tuple(MunicipalityRef(**m) for m in d["municipalities"]),
        note=d["note"],
        origin=d["origin"],
    )
