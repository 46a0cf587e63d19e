"""A ``seda.progress.Progress`` that draws on stderr for the command line.

On a terminal the line is redrawn in place at most ~10 times a second (drawing every file
would cost more than hashing small files); when stderr is a file or a pipe (CI logs, cron),
a plain line is written every few seconds so logs stay short. stdout is never touched: it
carries the command's output (e.g. ``verso scan --format json``).
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

TTY_INTERVAL = 0.1  # seconds between redraws on a terminal
LOG_INTERVAL = 5.0  # seconds between lines when stderr is not a terminal

_UNITS = ("o", "Ko", "Mo", "Go", "To", "Po")


def human_size(n: float) -> str:
    """Size in French units, e.g. ``1,5 Mo`` (1024-based, as file managers show)."""
    value = float(n)
    for unit in _UNITS:
        if abs(value) < 1024 or unit == _UNITS[-1]:
            if unit == "o":
                return f"{int(value)} o"
            return f"{value:.1f} {unit}".replace(".", ",")
        value /= 1024
    return f"{n} o"  # pragma: no cover - loop always returns


def _shorten(text: str, width: int) -> str:
    """Keep the end of long paths (the file name matters most)."""
    if width <= 1:
        return ""
    if len(text) <= width:
        return text
    return "…" + text[-(width - 1) :]


class TerminalProgress:
    """Progress bar on ``stream`` (stderr by default); cancellable (thread-safe).

    ``unit="bytes"`` shows done/total and the rate as sizes; otherwise as counts.
    """

    def __init__(
        self,
        label: str,
        stream: TextIO | None = None,
        *,
        unit: str = "",
        tty: bool | None = None,
        interval: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.unit = unit
        if tty is None:
            try:
                tty = self.stream.isatty()
            except (AttributeError, ValueError):
                tty = False
        self.tty = tty
        self.interval = (
            interval if interval is not None else (TTY_INTERVAL if tty else LOG_INTERVAL)
        )
        self._clock = clock
        self._start = clock()
        self._last_draw: float | None = None
        self._drawn_width = 0
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self.done = 0
        self.total = 0
        self.message = ""

    # -- Progress protocol ---------------------------------------------------------------
    def report(self, done: int, total: int, message: str = "") -> None:
        with self._lock:
            self.done, self.total = done, total
            if message:
                self.message = message
            now = self._clock()
            if self._last_draw is not None and now - self._last_draw < self.interval:
                return
            if self._last_draw is None and not self.tty and now - self._start < self.interval:
                return  # logs: no line for jobs shorter than the interval
            self._last_draw = now
            self._draw(now)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    # -- drawing -------------------------------------------------------------------------
    def _amount(self, n: float) -> str:
        return human_size(n) if self.unit == "bytes" else f"{int(n)}"

    def line(self, now: float | None = None) -> str:
        """The status text (without the current file): label, done/total, %, rate."""
        now = self._clock() if now is None else now
        parts = [self.label]
        if self.total > 0:
            pct = min(100.0, 100.0 * self.done / self.total)
            parts.append(f"{self._amount(self.done)}/{self._amount(self.total)} ({pct:.0f} %)")
        elif self.done:  # total not known yet (e.g. while listing folders)
            parts.append(self._amount(self.done) + ("" if self.unit == "bytes" else " trouvés"))
        elapsed = now - self._start
        if elapsed > 0.5 and self.done:
            rate = self.done / elapsed
            per = "/s"
            parts.append(f"{human_size(rate)}{per}" if self.unit == "bytes" else f"{rate:.0f}{per}")
        return " — ".join(parts)

    def _draw(self, now: float) -> None:
        text = self.line(now)
        try:
            if self.tty:
                width = max(20, shutil.get_terminal_size((80, 20)).columns - 1)
                if self.message and len(text) + 4 < width:
                    text += " — " + _shorten(self.message, width - len(text) - 3)
                text = text[:width]
                pad = max(0, self._drawn_width - len(text))
                self.stream.write("\r" + text + " " * pad)
                self._drawn_width = len(text)
            else:
                if self.message:
                    text += " — " + self.message
                self.stream.write(text + "\n")
            self.stream.flush()
        except (OSError, ValueError):  # closed or broken stderr: progress is not worth failing for
            pass

    def finish(self, message: str = "") -> None:
        """End the bar: clear the in-place line (terminal) and optionally print ``message``."""
        with self._lock:
            try:
                if self.tty and self._drawn_width:
                    self.stream.write("\r" + " " * self._drawn_width + "\r")
                    self._drawn_width = 0
                if message:
                    self.stream.write(message + "\n")
                self.stream.flush()
            except (OSError, ValueError):
                pass


__all__ = ["LOG_INTERVAL", "TTY_INTERVAL", "TerminalProgress", "human_size"]
