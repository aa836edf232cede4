"""Shared test set-up: every test starts from a neutral environment.

The suite asserts English output unless a test asks for German, so the
machine's own ``LANG`` (which may well be ``de_DE.UTF-8``) must not leak in.
Nor may the developer's own registry (``$POLCHAN_REGISTRY`` or the one in
their config directory) change the answers, nor may a test write into their
real cache. Subprocesses inherit the cleaned environment too.
"""

from __future__ import annotations

import signal
import site
from collections.abc import Iterator

import pytest

from polchan_cli.registry import Registry, load_registry, parse_registry
from polchan_cli.store import bundled_registry_path, district_states

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


@pytest.fixture(scope="session")
def bundled_registry() -> Registry:
    """The channels polchan ships (data/channels.yaml), to compare output against.

    Read from the bundled file itself, never through the user's registry or the
    cache, so that a test asserting "every channel" keeps passing when a channel
    is added.
    """
    return load_registry(bundled_registry_path(), known_districts=district_states())


# A user's registry with channels for single towns: Wolfsburg, a kreisfreie Stadt,
# and the town of Celle beside the bundled Polizei Celle (Landkreis Celle).
TOWN_CHANNELS = """schema: 1
channels:
  - id: wolfsburg
    name: Polizei Wolfsburg
    url: https://whatsapp.com/channel/0029VaWolfsburgAAAAAAAAAA
    agency: PI Wolfsburg-Helmstedt
    parent: Polizeidirektion Braunschweig
    state: Niedersachsen
    districts: []
    municipalities: [{district: "03103", name: Wolfsburg}]
    source: {url: "https://example.org/wob", title: "Test", published: 2025}
  - id: celle-stadt
    name: Polizei Stadt Celle
    url: https://whatsapp.com/channel/0029VaCelleStadtAAAAAAAAA
    agency: PK Celle
    parent: Polizeidirektion Lüneburg
    state: Niedersachsen
    districts: []
    municipalities: [{district: "03351", name: Celle}]
    source: {url: "https://example.org/ce", title: "Test", published: 2025}
"""


@pytest.fixture(scope="session")
def town_channels(bundled_registry: Registry) -> Registry:
    """The bundled channels with TOWN_CHANNELS merged over them, as a user's file is."""
    return parse_registry(TOWN_CHANNELS, base=bundled_registry)


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Turn a hang (an alias bomb that expands, a file read without end) into a
    failure instead of a stuck run."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def _hung(signum: int, frame: object) -> None:
        raise AssertionError("still running after 20 s: it hangs")

    previous = signal.signal(signal.SIGALRM, _hung)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
