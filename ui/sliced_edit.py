"""Long edits of the tree run a slice per event-loop turn, so the window stays fluent.

A bulk edit of 100,000 units (or its undo) takes seconds of Python: done in one go it froze
the window. ``SliceRunner`` runs such a job (``SlicedJob``: ``step`` until it says it is
done) for ``BUDGET`` seconds per turn of the event loop, reports its progress for the
status bar and ends it early when the model must be whole again (see ``finish``).

Thread affinity: main thread only (the jobs call the model's mutations).
"""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal


class SlicedJob(Protocol):
    """What ``SliceRunner`` runs: ``step`` does a little work (until ``deadline``, a
    ``time.perf_counter`` value) and returns True while work remains."""

    def step(self, deadline: float) -> bool: ...
    def progress(self) -> tuple[str, int, int]: ...  # phase, done, total
    def cancel(self) -> None: ...


class SliceRunner(QObject):
    """Runs one ``SlicedJob`` at a time, ``BUDGET`` seconds per event-loop turn."""

    progressed = Signal(str, int, int, str)  # phase, done, total, message (JobProgress)
    running_changed = Signal(bool)
    BUDGET = 0.025  # seconds of work per turn: the window answers within ~30 ms
    PROGRESS_INTERVAL = 0.1  # seconds between two progress signals

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job: SlicedJob | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        self._reported = 0.0
        self._finishing = False

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, job: SlicedJob, *, at_once: bool = False) -> None:
        """Run ``job``: now to its end with ``at_once`` (a small edit), else in slices.
        Another job still running is finished first; the running job itself (an undo
        during its apply) just goes on, in the direction it now has."""
        if self.job is not None and self.job is not job:
            self.finish()
        if at_once:
            while job.step(float("inf")):
                pass
            if self.job is job:
                self._stop()
            return
        if self.job is job:
            return
        self.job = job
        self._reported = 0.0
        self._timer.start()
        self.running_changed.emit(True)
        self._report(force=True)

    def finish(self) -> None:
        """Do the rest of the running job now: something needs the whole tree as the
        undo stack says it is (another edit, a structural change)."""
        job = self.job
        if job is None or self._finishing:
            return
        self._finishing = True
        try:
            while job.step(float("inf")):
                pass
        finally:
            self._finishing = False
        self._stop()

    def cancel(self) -> None:
        """Ask the job to go back to where it started (it goes on, in slices, backwards)."""
        if self.job is not None:
            self.job.cancel()

    def _tick(self) -> None:
        job = self.job
        if job is None:
            self._timer.stop()
            return
        self._finishing = True  # a change made from a signal of this slice waits for it
        try:
            more = job.step(time.perf_counter() + self.BUDGET)
        finally:
            self._finishing = False
        if more:
            self._report()
        else:
            self._stop()

    def _report(self, force: bool = False) -> None:
        now = time.monotonic()
        if self.job is None or (not force and now - self._reported < self.PROGRESS_INTERVAL):
            return
        self._reported = now
        phase, done, total = self.job.progress()
        self.progressed.emit(phase, done, total, "")

    def _stop(self) -> None:
        self._timer.stop()
        if self.job is not None:
            self.job = None
            self.running_changed.emit(False)
