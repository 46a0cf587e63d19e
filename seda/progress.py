"""Progress reporting and cooperative cancel for long `seda` jobs.

Long jobs are plain functions taking a ``Progress``. The CLI passes one that draws a bar on
stderr; the app passes one that forwards (throttled) to the GUI thread; tests pass a fake.
"""

from __future__ import annotations

import threading
from typing import Protocol


class Cancelled(Exception):
    """Raised inside a job when the user asked to stop it."""


class Progress(Protocol):
    def report(self, done: int, total: int, message: str = "") -> None:
        """``done`` units of work out of ``total`` (0 when not known yet)."""

    def cancelled(self) -> bool:
        """True once the user asked to stop."""


class NullProgress:
    """Reports nowhere; can still be cancelled (thread-safe)."""

    def __init__(self) -> None:
        self._cancel = threading.Event()

    def report(self, done: int, total: int, message: str = "") -> None:
        pass

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


def check(progress: Progress | None) -> None:
    """Raise ``Cancelled`` if the job was asked to stop."""
    if progress is not None and progress.cancelled():
        raise Cancelled()
