"""Entry point of the frozen program (PyInstaller): ``verso`` / ``verso.exe``.

One executable for the window (no argument, or paths dropped on its icon) and the command
line (``verso export …``). ``freeze_support`` must run first: the scan's worker processes
are this same executable started again by multiprocessing (spawn on Windows).
"""

from __future__ import annotations

import multiprocessing
import sys


def _hide_own_console() -> None:
    """Windows, double-clicked: hide the console window Windows opened for us alone.

    A console program started from Explorer gets a console of its own (one process in
    it); started from ``cmd`` it shares the caller's, which must stay.
    """
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    processes = (ctypes.c_uint * 4)()
    if kernel32.GetConsoleProcessList(processes, 4) == 1:
        window = kernel32.GetConsoleWindow()
        if window:
            ctypes.windll.user32.ShowWindow(window, 0)  # type: ignore[attr-defined]


def run() -> int:
    multiprocessing.freeze_support()
    from app.cli import _window_paths, main

    args = sys.argv[1:]
    if sys.platform == "win32" and (not args or _window_paths(args)):
        try:
            _hide_own_console()
        except Exception:
            pass  # a visible console is ugly, not wrong
    return main(args)


if __name__ == "__main__":
    sys.exit(run())
