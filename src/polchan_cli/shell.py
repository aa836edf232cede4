"""How polchan writes a word for the user to type again in a shell.

Accepts any text (a place, a file's path) and returns it as one shell word, quoted
only where the shell needs it: every command polchan suggests (``polchan find
'Bad Bevensen'``, ``polchan validate Jürgen.yaml``) is quoted alike. No Typer
or Rich here; a character a message escapes is escaped as the registry's messages
escape it (:func:`~polchan_cli.registry.shown_path`).
"""

from __future__ import annotations

import re

__all__ = ["shell_word"]

# What a shell reads otherwise than as a word's own letters.
_SHELL_SPECIAL = re.compile(r"""[\s()<>|&;$`"'\\*?!#~{}\[\]^]""")


def shell_word(text: str) -> str:
    """``text`` as a shell is to be given it, on one line: as it is where nothing
    in it means something to the shell (``Lüneburg``: ``shlex.quote`` quotes every
    letter outside ASCII), else quoted (``"O'Brien"``, not ``'O'"'"'Brien'``);
    where it holds a character a message shows escaped (a line break, an escape;
    see :func:`~polchan_cli.registry.shown_path`), as bash and zsh read
    ``$'nl\\x0aname.yaml'``."""
    from .registry import shown_path

    if shown_path(text) != text:
        return "$'" + shown_path(text.replace("\\", "\\\\").replace("'", "\\'")) + "'"
    if text and not _SHELL_SPECIAL.search(text):
        return text
    if "'" not in text:
        return f"'{text}'"
    if not re.search(r'[$`"\\!]', text):
        return f'"{text}"'
    return "'" + text.replace("'", "'\"'\"'") + "'"
