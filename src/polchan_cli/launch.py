"""The ``polchan`` console script's first code: Ctrl-C ends a run in one line from the start.

The run itself is :func:`polchan_cli.entry.main`, which sets the Ctrl-C handler as
it begins; importing it (and what it imports) is most of a run's start-up, and a
Ctrl-C then printed Python's KeyboardInterrupt traceback. This module imports
nothing of polchan's before it can catch that.
"""

from __future__ import annotations

import signal

__all__ = ["main"]


def main() -> None:
    """Console-script entry point: :func:`polchan_cli.entry.main`, once imported."""
    try:
        from .entry import main as run
    except KeyboardInterrupt:
        # What is said (and in which language) is the entry's to say; a second
        # Ctrl-C while it is imported again for that is not left to show a traceback.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        from .entry import interrupted_before_the_run

        interrupted_before_the_run()
    run()
