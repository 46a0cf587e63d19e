"""Entry point of the frozen program (PyInstaller): ``verso`` / ``verso.exe``.

One executable for the window (no argument, or paths dropped on its icon) and the command
line (``verso export …``). ``freeze_support`` must run first: the scan's worker processes
are this same executable started again by multiprocessing (spawn on Windows).

On Windows the program is a console program (the command line needs one); started by a
double-click, the console Windows opens for it alone is hidden at once by PyInstaller's
bootloader (``--hide-console hide-early`` in ``build.py``); started from ``cmd`` it keeps
the caller's.
"""

from __future__ import annotations

import multiprocessing
import sys


def run() -> int:
    multiprocessing.freeze_support()
    from app.cli import main

    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(run())
