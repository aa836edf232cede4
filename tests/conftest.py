"""Shared test set-up: every test starts from a neutral language environment.

The suite asserts English output unless a test asks for German, so the
machine's own ``LANG`` (which may well be ``de_DE.UTF-8``) must not leak in;
subprocesses inherit the cleaned environment too.
"""

from __future__ import annotations

import pytest

LANGUAGE_VARIABLES = ("POLCHAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def _neutral_language(monkeypatch):
    for variable in LANGUAGE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
