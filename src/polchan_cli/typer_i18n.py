"""Typer in the user's language: translated help screens and one-line usage errors.

Typer (and the Click it vendors) writes its help and usage errors in English.
This module plugs into Typer's documented extension points instead of patching
it: a command and a group class (``cls=``) whose context formats help through a
formatter that looks every text up in polchan's catalogue, and a ``main`` that

* picks the language before Click parses anything (so ``--help`` placed before
  ``--lang de`` is German too), and
* turns Click's usage errors into one translated line on stderr, exit code 2:
  ``polchan: no such option: --jsn (did you mean --json?); see 'polchan find --help'``.

English message ids for Typer's own texts are listed in :data:`TYPER_TEXTS`, so
the catalogue check sees them.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from .i18n import LANGUAGES, N_, choose_language, gettext, language_in_args, speaking
from .shell import shell_word

__all__ = ["TYPER_TEXTS", "LocalizedCommand", "LocalizedGroup", "language_in_args"]

# Texts Typer/Click print that polchan translates (headings, usage tokens,
# built-in option help, the bracketed extras after an option's help).
TYPER_TEXTS = (
    N_("Usage: "),
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("OPTIONS"),
    N_("COMMAND"),
    N_("ARGS"),
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("required"),
    N_("env var: {var}"),
    N_("default: {default}"),
)

_PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]+\b")
_REQUIRED_ARGUMENT = re.compile(r"\{([A-Z][A-Z_.]*)\}")
_EXTRAS = re.compile(r"^(?P<text>.*?)\s*\[(?P<extras>[^\[\]]*)\]$", re.DOTALL)
_EXTRA_WITH_VALUE = re.compile(r"^(?P<label>env var|default): (?P<value>.*)$")
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra arguments?(?:\(s\))? \((?P<args>.*)\)")
# Click writes the name as Python's repr: in double quotes where it holds a "'".
_NO_SUCH_COMMAND = re.compile(
    r"No such command (?P<quote>['\"])(?P<name>.*?)(?P=quote)\.(?: Did you mean (?P<maybe>.*)\?)?"
)


def _words(text: str) -> str:
    """Upper-case placeholders (OPTIONS, PLACE, FILE...) translated one by one."""
    return _PLACEHOLDER.sub(lambda m: gettext(m.group()), text)


def _extras(extras: str) -> str:
    parts = []
    for part in extras.split("; "):
        match = _EXTRA_WITH_VALUE.match(part)
        if match:
            label = match["label"].replace(" ", "_")
            template = {"env_var": "env var: {var}", "default": "default: {default}"}[label]
            value = match["value"]
            parts.append(gettext(template).format(var=value, default=value))
        else:
            parts.append(gettext(part))
    return "; ".join(parts)


class _Formatter(typer.Context.formatter_class):  # type: ignore[misc,name-defined]
    """Click's help formatter, looking each text up in the catalogue first."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        # Typer writes a required argument as {PLACE}; in usage lines braces read as
        # a choice among alternatives, and everywhere else polchan writes PLACE.
        args = _REQUIRED_ARGUMENT.sub(r"\1", args)
        super().write_usage(prog, _words(args), gettext(prefix or "Usage: "))

    def write_heading(self, heading: str) -> None:
        super().write_heading(gettext(heading))

    def write_text(self, text: str) -> None:
        super().write_text(gettext(text))

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        translated = []
        for term, help_text in rows:
            match = _EXTRAS.match(help_text)
            if match:
                text = gettext(match["text"]) if match["text"] else ""
                help_text = f"{text}  [{_extras(match['extras'])}]".strip()
            else:
                help_text = gettext(help_text)
            translated.append((_words(term), help_text))
        super().write_dl(translated, *args, **kwargs)


class _Context(typer.Context):
    formatter_class = _Formatter


class LocalizedCommand(TyperCommand):
    """A Typer command whose help screen speaks the current language."""

    context_class = _Context


_COMPLETION_ASKED = "polchan.completion_asked"


def _after_parsing(callback: Any) -> Any:
    """``callback``, put off until the group has parsed all its arguments."""

    def asked(ctx: typer.Context, param: Any, value: Any) -> Any:
        if value and not ctx.resilient_parsing:
            ctx.meta[_COMPLETION_ASKED] = (callback, param, value)
        return value

    return asked


def _first_sentence(text: str) -> str:
    first = text.strip().split("\n\n")[0].replace("\n", " ")
    return first.split(". ")[0].rstrip(".")


class LocalizedGroup(TyperGroup):
    """The ``polchan`` group: chooses the language, translates help and errors."""

    context_class = _Context

    def get_params(self, ctx: typer.Context) -> list[Any]:
        params = super().get_params(ctx)
        from . import completion

        # Typer adds its completion options after the group is made; its installer
        # rewrites ~/.bashrc whole, polchan's only appends to it.
        callbacks = {
            "install_completion": completion.install_callback,
            "show_completion": completion.show_callback,
        }
        for param in params:
            if param.name in callbacks:
                param.callback = _after_parsing(callbacks[param.name])
        return params

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        asked = ctx.meta.pop(_COMPLETION_ASKED, None)
        if asked is not None:
            # Click runs an eager option's callback before it has seen what else was
            # typed: `--install-completion extra` installed and said nothing of it.
            extra = [*ctx._protected_args, *ctx.args]
            if extra:
                from .render import visible

                ctx.fail(f"Got unexpected extra argument(s) ({visible(' '.join(extra))})")
            callback, param, value = asked
            callback(ctx, param, value)
        return rest

    def format_commands(self, ctx: typer.Context, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, _first_sentence(gettext(command.help or ""))))
        if rows:
            with formatter.section("Commands"):
                # Already translated; the formatter's second lookup finds nothing.
                formatter.write_dl(rows)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        asked = language_in_args(args)
        if asked is not None and asked.lower() not in LANGUAGES:
            with speaking(choose_language(None, os.environ)):
                return _usage_error(
                    gettext("unknown language '{value}' for --lang: use 'de' or 'en'").format(
                        value=asked
                    ),
                    standalone_mode,
                )
        with speaking(choose_language(asked.lower() if asked else None, os.environ)):
            if not standalone_mode:
                return super().main(args, prog_name, standalone_mode=False, **extra)
            try:
                result = super().main(args, prog_name, standalone_mode=False, **extra)
            except typer.Abort:
                # Click's word for Ctrl-C or Ctrl-D at a prompt: exit 1 would say
                # "nothing matched".
                from .lookup import ExitCode

                typer.echo(gettext("polchan: aborted"), err=True)
                sys.exit(ExitCode.INTERRUPTED)
            except Exception as exc:
                if isinstance(exc, _no_args_error()):
                    # Bare `polchan`, as a newcomer types it first: the help is what
                    # was asked for, so on stdout (pageable) with success.
                    typer.echo(exc.format_message())  # type: ignore[attr-defined]
                    sys.exit(0)
                ctx = getattr(exc, "ctx", None)
                if ctx is not None and _usage_message(exc) == gettext("missing command"):
                    # Only options, no command (`polchan --lang de`): the same help,
                    # in the language asked for.
                    typer.echo(ctx.get_help())
                    sys.exit(0)
                message = _usage_message(exc, args)
                if message is None:
                    raise
                _usage_error(message, True, getattr(exc, "ctx", None))
            sys.exit(result if isinstance(result, int) else 0)


def _no_args_error() -> type:
    from typer._click.exceptions import NoArgsIsHelpError

    return NoArgsIsHelpError


def _usage_error(message: str, standalone_mode: bool, ctx: Any = None) -> int:
    see = ""
    if ctx is not None:
        see = gettext("; see '{command} --help'").format(command=ctx.command_path)
    typer.echo(f"polchan: {message}{see}", err=True)
    if standalone_mode:
        sys.exit(2)
    return 2


def _hint(param: Any) -> str:
    if param is None:
        return ""
    if param.param_type_name == "argument":
        return gettext(param.metavar or (param.name or "").upper())
    return " / ".join(param.opts)


# The commands whose argument is a place, which a pasted text may begin with "-".
_PLACE_COMMANDS = ("find", "open")
# Commands and options said in words a user may type for them, English and German
# (not "quellen": Quellen is a place, whose hint is "polchan find Quellen").
_COMMAND_WORDS = {
    "suche": "find",
    "suchen": "find",
    "finde": "find",
    "finden": "find",
    "search": "find",
    "öffne": "open",
    "öffnen": "open",
    "oeffne": "open",
    "oeffnen": "open",
    "liste": "list",
    "prüfe": "validate",
    "prüfen": "validate",
    "pfade": "paths",
    "help": "--help",
    "hilfe": "--help",
    "version": "--version",
}


def _same_but_case(ctx: Any, option: str) -> str:
    """The option of the command spelled as ``option`` in other letter case
    ("--QR": --qr), else ""."""
    if ctx is None:
        return ""
    names = (name for param in ctx.command.get_params(ctx) for name in param.opts)
    return next((name for name in names if name.lower() == option.lower()), "")


def _command_names(ctx: Any) -> list[str]:
    return ctx.command.list_commands(ctx) if ctx is not None else []


# The options before a command that take a value: the word after them is none.
_OPTIONS_WITH_A_VALUE = ("--lang", "--registry")


def _from_the_command(args: Sequence[str]) -> list[str]:
    """The words from the first that is no option (the command typed) on."""
    i = 0
    while i < len(args):
        if args[i] in _OPTIONS_WITH_A_VALUE:
            i += 2  # "--lang de de": the second "de" is the command typed
        elif args[i].startswith("-") and args[i] != "-":
            i += 1
        else:
            return list(args[i:])
    return []


def _one_spaced(word: str) -> str:
    """The word with each run of white space of any kind (a no-break space, a tab,
    a line break) as one space, as a place's words are read."""
    return " ".join(word.split())


def _as_a_terminal_shows(word: str) -> str:
    """The word as a terminal shows it: a tab or a space of another kind (a
    no-break space) as a space; a line break or another control character stays,
    to be escaped, as it would not show."""
    return "".join(" " if ch == "\t" or unicodedata.category(ch) == "Zs" else ch for ch in word)


def _typed_for_the_shell(args: Sequence[str]) -> str:
    """The words from the command typed on, as a shell is to be given them again,
    else "" where one holds a character that cannot be shown as typed (a control
    character)."""
    rest = [_one_spaced(word) for word in _from_the_command(args)]
    if not rest or not all(word.isprintable() for word in rest):
        return ""
    return " ".join(shell_word(word) for word in rest)


def _command_shown(name: str, args: Sequence[str]) -> str:
    """The unknown command Click names (as a repr, escaped: "Bad\\xa0Bevensen") as
    the terminal showed it when typed ("Bad Bevensen"); escaped still where it
    holds a control character, which would not show."""
    typed = next(iter(_from_the_command(args)), "")
    shown = _as_a_terminal_shows(typed)
    if repr(typed)[1:-1] != name or not shown.strip() or not shown.isprintable():
        return _shown(name)
    # " Celle": a space before or after would not show, in quotes it does.
    return shown if shown == shown.strip() else gettext("'{text}'").format(text=shown)


def _commands_taking(ctx: Any, option: str) -> list[str]:
    """The subcommands that take an option the top level was given: ``--json``
    before ``find``; none where the option went to a subcommand."""
    if ctx is None or ctx.parent is not None or not hasattr(ctx.command, "commands"):
        return []
    return [
        name
        for name, command in sorted(ctx.command.commands.items())
        if not command.hidden and any(option in param.opts for param in command.params)
    ]


def _shown(word: str) -> str:
    """A word typed on the command line, quoted where it is empty or blank, which
    would not show otherwise (``polchan ''``)."""
    return word if word.strip() else gettext("'{text}'").format(text=word)


def _usage_message(exc: BaseException, args: Sequence[str] = ()) -> str | None:
    """``exc`` as one translated line, or None if it is not a Click usage error.
    ``args``: the words typed after ``polchan``, for a hint that repeats them."""
    from typer._click import exceptions as click_errors

    if not isinstance(exc, click_errors.ClickException):
        return None
    if isinstance(exc, click_errors.NoSuchOption):
        message = gettext("no such option: {option}").format(option=exc.option_name)
        ctx = getattr(exc, "ctx", None)
        if commands := _commands_taking(ctx, exc.option_name):
            # "polchan --json find Celle": --registry and --lang go there, --json not.
            command = "find" if "find" in commands else commands[0]
            message += " " + gettext(
                "({option} goes after the command: polchan {command} ... {option})"
            ).format(option=exc.option_name, command=command)
        elif (
            ctx is not None
            and ctx.info_name in _PLACE_COMMANDS
            and not exc.option_name.startswith("--")
        ):
            # "polchan find -Celle" ("-C"), "- Unfall in Celle" ("- "): a pasted
            # heading that begins with a dash, not a mistyped long option.
            message += " " + gettext(
                "(a place that begins with '-' needs '--' before it: polchan {command} -- ...)"
            ).format(command=ctx.info_name)
        elif maybe := _same_but_case(ctx, exc.option_name) or ", ".join(
            sorted(exc.possibilities or ())
        ):
            # Click's close matches are case-sensitive: "--QR" had none.
            message += " " + gettext("(did you mean {options}?)").format(options=maybe)
        return message
    if isinstance(exc, click_errors.MissingParameter):
        template = (
            gettext("missing argument {name}")
            if exc.param is not None and exc.param.param_type_name == "argument"
            else gettext("missing option {name}")
        )
        return template.format(name=_hint(exc.param))
    if isinstance(exc, click_errors.BadOptionUsage) and "requires" in exc.message:
        return gettext("option {option} needs a value").format(option=exc.option_name)
    if isinstance(exc, click_errors.BadOptionUsage) and "does not take a value" in exc.message:
        return gettext("option {option} takes no value").format(option=exc.option_name)
    if isinstance(exc, click_errors.BadParameter):
        return gettext("invalid value for {param}: {detail}").format(
            param=_hint(exc.param), detail=exc.message
        )
    text = exc.format_message()
    match = _EXTRA_ARGUMENTS.search(text)
    if match:
        return gettext("unexpected extra argument: {args}").format(args=_shown(match["args"]))
    match = _NO_SUCH_COMMAND.search(text)
    if match:
        message = gettext("no such command: {name}").format(
            name=_command_shown(match["name"], args)
        )
        if meant := _COMMAND_WORDS.get(match["name"].lower()):
            # "polchan suche Celle", "polchan hilfe": a command said in words, German
            # too; Click's closest spelling of "suche" is "sources".
            said = gettext("'{text}'").format(text=meant)
            message += " " + gettext("(did you mean {options}?)").format(options=said)
        elif match["maybe"]:
            # Typer writes each name as a Python repr ('find'): quoted here as the
            # language quotes (German „find“).
            names = re.findall(r"'([^']*)'", match["maybe"]) or [match["maybe"]]
            maybe = ", ".join(gettext("'{text}'").format(text=name) for name in names)
            message += " " + gettext("(did you mean {options}?)").format(options=maybe)
        elif (name := match["name"]).lower() in _command_names(getattr(exc, "ctx", None)):
            # Click's close matches are case-sensitive: "FIND" had none.
            command = gettext("'{text}'").format(text=name.lower())
            message += " " + gettext("(did you mean {options}?)").format(options=command)
        elif name.strip() and (typed := _typed_for_the_shell(args)):
            # "polchan Celle": the command forgotten before a place ("polchan ''"
            # names none). Every word from the place on, as the shell must be given
            # them: "polchan find Buchholz" alone would find twelve Buchholz.
            message += " " + gettext("(to look up a place: polchan find {name})").format(name=typed)
        return message
    if text.startswith("Missing command"):
        return gettext("missing command")
    return text
