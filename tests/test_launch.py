"""The console script's first code: a Ctrl-C during start-up ends in one line, exit 130."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from _tools import installed_script

# Imported by Python's site module before the script runs: the first import of
# polchan's lookup module (in the middle of start-up, as a Ctrl-C lands there)
# raises KeyboardInterrupt, once.
_CTRL_C_WHILE_STARTING = """
import sys

class CtrlC:
    pressed = False

    def find_spec(self, name, path=None, target=None):
        if name == "polchan_cli.lookup" and not CtrlC.pressed:
            CtrlC.pressed = True
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, CtrlC())
"""


def _started_and_interrupted(tmp_path: Path, *args: str, env: dict[str, str] | None = None):
    (tmp_path / "sitecustomize.py").write_text(_CTRL_C_WHILE_STARTING, encoding="utf-8")
    return subprocess.run(
        [installed_script(), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path), **(env or {})},
    )


@pytest.mark.parametrize(
    ("args", "env", "said"),
    [
        (["find", "Celle"], {"POLCHAN_LANG": "en"}, "polchan: interrupted\n"),
        (["find", "Celle", "--lang", "de"], {"POLCHAN_LANG": "en"}, "polchan: abgebrochen\n"),
        (["list"], {"POLCHAN_LANG": "de"}, "polchan: abgebrochen\n"),
    ],
)
def test_ctrl_c_while_polchan_starts_is_one_line_in_the_users_language(tmp_path, args, env, said):
    # Found in review: a Ctrl-C before the run's own handler was set printed
    # Python's KeyboardInterrupt traceback.
    out = _started_and_interrupted(tmp_path, *args, env=env)
    assert out.returncode == 130
    assert out.stderr == said
    assert out.stdout == ""
