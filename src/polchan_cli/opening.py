"""Which channel ``polchan open`` opens for an answer, or why it opens none.

Accepts a :class:`~polchan_cli.resolution.Resolution`, as ``asked_for()`` narrows
it (one channel is to be opened). :func:`opening` says what to do: open its one
channel, have one of several chosen, or refuse, and why; :func:`exact_queries`
says what to type instead; :func:`refusal_words` and :func:`notices_before_opening`
are what ``open`` says, in the user's language. No Typer, Rich or terminal here:
asking, printing and starting the browser are :mod:`polchan_cli.cli`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from . import ranking
from .addresses import not_found_and_no_place
from .i18n import N_, gettext, ngettext

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .registry import Channel
    from .resolution import Match, Resolution

__all__ = [
    "BEGUN_NAMES_TO_OPEN",
    "Opening",
    "Refusal",
    "exact_queries",
    "notices_before_opening",
    "opening",
    "places_for",
    "refusal_words",
]

# More names than this that a query only begins are no place for `open` to open
# ("Pol"), even if only one of them has a channel.
BEGUN_NAMES_TO_OPEN = 5

Refusal = Literal["not_found", "no_channel", "uncovered_city", "only_begun"]


@dataclass(frozen=True)
class Opening:
    """What ``open`` does: open ``channels`` (one, or one chosen of several), or
    refuse for the reason ``refused`` names."""

    channels: tuple[Channel, ...] = ()
    refused: Refusal | None = None


def opening(res: Resolution) -> Opening:
    """The channels to open for the answer, or why none is.

    Refused: nothing found; places no channel covers; a name that is first a town,
    city or district no channel covers ("Freiburg" is Freiburg im Breisgau, not to
    be sent to Freiburg (Elbe)'s channel without a word; "Polizei Lippe" is Kreis
    Lippe's, not Lippe's in Burbach; "Wedel" the town in Kreis Pinneberg, not the
    village in Landkreis Stade); the mere beginning of names, too
    many or a town no channel covers among them ("Pol", "Hanno", and "Wal", whose
    six channels are no choice to offer), though "Cel" (only Celle) opens Celle's
    channel.
    """
    channels = res.unique_channels()
    if not channels:
        return Opening(refused="no_channel" if res.matches else "not_found")
    first = res.matches[0]
    if not first.channels and _ranks_as_a_town(first):
        return Opening(channels, refused="uncovered_city")
    if _only_begun(res):
        return Opening(channels, refused="only_begun")
    return Opening(channels)


def _ranks_as_a_town(m: Match) -> bool:
    """A district, or a town or a city-state's quarter of the name as asked or
    guessed, as :func:`~polchan_cli.ranking.towns_first` puts them before the
    villages of the name."""
    if m.kind == "district":
        return True
    towns = ("municipality", "samtgemeinde", "locality")
    asked = m.match in ("exact", "variant", "fuzzy")
    return m.kind in towns and asked and not ranking.is_a_village(m)


def _only_begun(res: Resolution) -> bool:
    """Whether the query only begins names, and too many or a town no channel
    covers among them, or a name of another channel one letter off, for its one
    channel to be the place meant."""
    if not all(m.match == "prefix" for m in res.matches):
        return False
    if res.suggestions:
        return True  # "Holse": Holsen begun, Holste (another channel) one letter off
    uncovered_town = any(
        m.kind in ("municipality", "district") and not m.channels for m in res.matches
    )
    return uncovered_town or len({m.name for m in res.matches}) > BEGUN_NAMES_TO_OPEN


def exact_queries(
    res: Resolution, most: int | None = None, channels: Sequence[Channel] | None = None
) -> str:
    """What to type next to open one channel, for each match that has one: a place
    with its district ("Hagen, Landkreis Stade"), a district or a channel by its
    name, a city with itself ("Münster, Münster": "Münster" alone is Munster too),
    a postcode with a town of its district there ("29640 Undeloh"). With
    ``channels``, one for each of them, its first match: "Celle" beside
    "Uelzen" is Celle's channel, and Landkreis Celle would offer it again."""
    matches = [m for m in res.matches if m.channels]
    if channels is not None:
        firsts = (
            next((i for i, m in enumerate(matches) if c in m.channels), None) for c in channels
        )
        matches = [matches[i] for i in sorted({i for i in firsts if i is not None})]
    names = list(
        dict.fromkeys(
            # Of a place two channels cover (a user's beside the bundled one), the
            # channels by name: the place again would offer the same choice.
            name
            for m in matches
            for name in ([c.name for c in m.channels] if len(m.channels) > 1 else [_exact_query(m)])
        )
    )
    if most is not None and len(names) > most:
        names = [*names[:most], "…"]
    return "; ".join(names)


def _exact_query(m: Match) -> str:
    if m.kind == "channel" or (m.kind == "district" and not m.district.is_city):
        return m.name
    if m.kind == "postcode" and m.towns:
        return f"{m.name} {m.towns[0]}"
    return f"{m.name}, {m.district.name}"


def places_for(res: Resolution, channel: Channel, most: int = 2) -> str:
    """The places of the answer the channel covers, for choosing among channels:
    "Winsen (Aller)" for Polizei Celle when "Winsen" was asked, "Undeloh" for
    Polizei Landkreis Harburg at 29640; at most ``most``, "…" after more."""
    names = list(
        dict.fromkeys(
            name
            for m in res.named()
            if channel in m.channels and m.kind != "channel"
            # A postcode's towns, each a name: "Drage", "Winsen (Luhe)".
            for name in ((m.towns or (m.name,)) if m.kind == "postcode" else (m.name,))
        )
    )
    if len(names) > most:
        names = [*names[:most], "…"]
    return ", ".join(names)


def refusal_words(res: Resolution, plan: Opening) -> tuple[tuple[str, ...], str]:
    """What ``open`` says when ``plan`` refuses: the lines said first (what a typo
    was read as: "Seigen" is Seifen, in Altenkirchen, so that district comes up),
    and the reason, said before its exit code. ValueError where it does not refuse."""
    if plan.refused == "no_channel":
        read_as: tuple[str, ...] = ()
        if res.fuzzy_for:
            read_as = (
                gettext("no exact match for '{query}'; read as '{match}'").format(
                    query=res.query, match=res.fuzzy_for
                ),
            )
        if res.suggestions:
            message = gettext(
                "no channel in the registry covers {districts}; did you mean {suggestions}?"
            )
        else:
            message = gettext("no channel in the registry covers {districts}")
        suggestions = ", ".join(res.suggestions)
        return read_as, message.format(districts=res.areas(), suggestions=suggestions)
    if plan.refused == "not_found":
        if res.suggestions:
            message = gettext("nothing found for '{query}'; did you mean {suggestions}?")
        else:
            message = gettext("nothing found for '{query}'")
        return (), message.format(query=res.query, suggestions=", ".join(res.suggestions))
    if plan.refused == "uncovered_city":
        first = res.matches[0]
        # Of a list ("Hannover, Celle"), the others are no places of the name; and
        # a small namesake of a town listed ("Dresden, Freiburg": Freiburg (Elbe))
        # is not opened unasked.
        template = (
            N_(
                "'{query}' is first {city}, which no channel covers; "
                "to open the channel of another place, name it alone ({places})"
            )
            if len(res.places_named) > 1
            else N_(
                "'{query}' is first {city}, which no channel covers; "
                "for another place of the name, name it exactly ({places})"
            )
        )
        return (), gettext(template).format(
            query=res.query,
            city=f"{first.name} ({first.state})",
            places=exact_queries(res, channels=plan.channels),
        )
    if plan.refused == "only_begun":
        message = gettext(
            "'{query}' is only the beginning of a name; name the place exactly ({places})"
        ).format(query=res.query, places=exact_queries(res, most=4))
        if res.suggestions:
            message += gettext("; or did you mean {names}?").format(
                names=", ".join(res.suggestions)
            )
        return (), message
    raise ValueError(f"not a refusal: {plan.refused!r}")


def notices_before_opening(
    res: Resolution, channels: Sequence[Channel], *, open_all: bool
) -> tuple[str, ...]:
    """What ``open`` says before it opens ``channels`` (or has one chosen; all of
    them with ``open_all``), one line each: what a typo was read as, places of
    the name no channel covers, postcodes no place has, a postcode and place
    in different districts, and the parts of the query left out."""
    lines = []
    opened = {c.id for c in channels}
    # The query read as another name, or of a list the names read as others whose
    # channel is opened ("Cele und Winsen (Aller)"; not "Celle und Hanover", whose
    # Hannover has none).
    guesses = (
        [(res.query, res.fuzzy_for)]
        if res.fuzzy_for
        else [
            (typed, read)
            for typed, read in res.respelled
            if any(c.id in opened for m in res.matches if m.name == read for c in m.channels)
        ]
    )
    guesses_said = bool(guesses) and (len(channels) == 1 or open_all)
    if guesses_said:
        # A guess opens a channel: say which place it is for, away from --print's
        # link (with several to choose from, the list says which is which); of
        # several opened (--all), each link is headed by its places, so only what
        # the guess was read as.
        template = (
            N_("no exact match for '{query}'; this is the channel for '{match}'")
            if len(channels) == 1
            else N_("no exact match for '{query}'; read as '{match}'")
        )
        lines.extend(gettext(template).format(query=typed, match=read) for typed, read in guesses)
    # Once a guess for the whole query is said, its other matches are only further guesses.
    if not (res.fuzzy_for and guesses_said) and (uncovered := res.areas(3, uncovered=True)):
        # "Wedel" opens Polizei Stade's channel (a village of Fredenbeck), but the
        # town of Wedel lies in Kreis Pinneberg: say so before the browser opens.
        lines.append(
            gettext("'{query}' also names places no channel covers: {areas}").format(
                query=res.query, areas=uncovered
            )
        )
    # "21399 Lüneburg" opens Lüneburg's channel: say that the postcode is none.
    if unknown := res.unknown_postcodes:
        lines.append(
            ngettext(
                "no place has the postcode {postcodes}",
                "no place has the postcodes {postcodes}",
                len(unknown),
            ).format(postcodes=", ".join(unknown))
        )
    if res.postcode_mismatch:
        # "21423 Celle": one of the two is mistyped, as find says.
        lines.append(
            gettext(
                "{query}: the postcode and the place lie in different districts; "
                "check which is right."
            ).format(query=gettext("'{text}'").format(text=res.query))
        )
    # "Bruchtorf, Uelzen" opens Uelzen's channel: say that it rests on the rest.
    not_found, no_place = not_found_and_no_place(res.unknown_parts, res.query)
    for parts, message in (
        (not_found, gettext("not found, so left out: {parts}")),
        (no_place, gettext("left out: {parts}")),
        (res.unfitting_parts, gettext("left out, as none of the places found lies there: {parts}")),
    ):
        if parts:
            quoted = ", ".join(gettext("'{text}'").format(text=part) for part in parts)
            lines.append(message.format(parts=quoted))
    return tuple(lines)
