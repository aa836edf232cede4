"""Helpers of several test modules: the repository's build tools (``tools/*.py``),
loaded for the tests that check them, and the installed ``polchan`` run as a user
runs it.

The tools are scripts, not modules of the package: each is loaded from its file
once and registered under its name, as dataclasses look their module up.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def load_tool(name: str) -> ModuleType:
    """``tools/<name>.py`` as a module, loaded once per test session."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def installed_find_json(query: str) -> dict[str, Any]:
    """``polchan find QUERY --json`` from the installed console script, which a
    regular install (as CI makes) runs with the data bundled in the wheel."""
    exe = shutil.which("polchan", path=str(Path(sys.executable).parent)) or shutil.which("polchan")
    assert exe, "the polchan console script is not installed"
    out = subprocess.run(
        [exe, "find", query, "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)
