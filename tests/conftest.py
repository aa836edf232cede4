"""Shared test set-up: every test starts from a neutral environment.

The suite asserts English output unless a test asks for German, so the
machine's own ``LANG`` (which may well be ``de_DE.UTF-8``) must not leak in.
Nor may the developer's own registry (``$POLCHAN_REGISTRY`` or the one in
their config directory) change the answers, nor may a test write into their
real cache. Subprocesses inherit the cleaned environment too.
"""

from __future__ import annotations

import site

import pytest

LANGUAGE_VARIABLES = ("POLCHAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.fixture(autouse=True)
def _neutral_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory) -> None:
    for variable in LANGUAGE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.delenv("POLCHAN_REGISTRY", raising=False)
    # A home of its own, outside tmp_path, so that a test listing tmp_path finds
    # only what it made there.
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    # A `pip install --user` puts polchan under the real home: a subprocess
    # looking for it under the new HOME would not find it.
    monkeypatch.setenv("PYTHONUSERBASE", site.getuserbase())
