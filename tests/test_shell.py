"""shell: a word written for the user to type again, quoted only where a shell needs it."""

from __future__ import annotations

import shlex

import pytest

from polchan_cli.shell import shell_word


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Lüneburg", "Lüneburg"),  # shlex.quote writes 'Lüneburg'
        ("Bad Bevensen", "'Bad Bevensen'"),
        ("Winsen (Luhe)", "'Winsen (Luhe)'"),
        ("O'Brien.yaml", '"O\'Brien.yaml"'),  # not 'O'"'"'Brien.yaml'
        ("it's $HOME", "'it'\"'\"'s $HOME'"),
        ("~/reg.yaml", "'~/reg.yaml'"),  # the file named so, not the home's
        ("", "''"),
    ],
)
def test_a_word_is_quoted_only_where_the_shell_needs_it(text: str, written: str) -> None:
    assert shell_word(text) == written
    assert shlex.split(written) == [text]  # the shell reads it back as typed


def test_a_control_character_is_written_as_bash_reads_it_escaped() -> None:
    # A line break would split the suggested command across two lines.
    assert shell_word("nl\nname.yaml") == "$'nl\\x0aname.yaml'"
