"""Helpers of several test modules: the repository's build tools (``tools/*.py``),
loaded for the tests that check them, the installed ``polchan`` run as a user
runs it, and the bundled registry with the channels of the districts it covers,
which the tests of resolve() and of each reading it tries ask.

The tools are scripts, not modules of the package: each is loaded from its file
once and registered under its name, as dataclasses look their module up.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from polchan_cli.store import load_channels

ROOT = Path(__file__).resolve().parent.parent
PD_LUENEBURG = {
    "03351": "celle",
    "03353": "landkreis-harburg",
    "03354": "luechow-dannenberg",
    "03355": "lueneburg",
    "03357": "rotenburg-wuemme",
    "03358": "heidekreis",
    "03359": "stade",
    "03360": "uelzen",
}
COVERED = {**PD_LUENEBURG, "03356": "verden-osterholz", "03361": "verden-osterholz"}


def load_tool(name: str) -> ModuleType:
    """``tools/<name>.py`` as a module, loaded once per test session."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def installed_script() -> str:
    """The path of the installed ``polchan`` console script (beside this Python first)."""
    exe = shutil.which("polchan", path=str(Path(sys.executable).parent)) or shutil.which("polchan")
    assert exe, "the polchan console script is not installed"
    return exe


def installed_find_json(query: str) -> dict[str, Any]:
    """``polchan find QUERY --json`` from the installed console script, which a
    regular install (as CI makes) runs with the data bundled in the wheel."""
    out = subprocess.run(
        [installed_script(), "find", query, "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def read_to_the_end(fd: int) -> bytes:
    """All a pipe or terminal gives until its writers have gone, read as it comes (a
    terminal whose buffer is full blocks the writer); a terminal's end says EIO."""
    said = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return said
        if not chunk:
            return said
        said += chunk


@functools.cache
def registry():
    return load_channels(None)


def channel_ids(res, index: int | None = None) -> set[str]:
    matches = res.matches if index is None else res.matches[index : index + 1]
    return {c.id for m in matches for c in m.channels}
