"""The status bar's progress of the running job (scan, save/open, export, slip) and Cancel."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from ui.formatting import count, human_size, number

EDIT_PHASES = ("edit-read", "edit", "edit-undo")  # a long edit (or its undo), in slices
SCAN_PHASES = ("walk", "analyse")


class JobProgress(QWidget):
    """Status-bar progress of the running job: what, how far, how fast, and Cancel."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        # Ignored width: a text change must not relayout the window (20/s during a scan).
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(320)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._phase = ""
        self._phase_start = 0.0
        self.rate = 0.0
        self.setVisible(False)

    @property
    def phase(self) -> str:
        """The phase shown ("" when hidden): which job Cancel stops."""
        return self._phase

    def begin(self, phase: str) -> None:
        self._phase = phase
        self._phase_start = time.monotonic()
        self.rate = 0.0
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.setVisible(True)

    def end(self) -> None:
        self._phase = ""
        self.setVisible(False)

    def _set_bar(self, done: int, total: int) -> None:
        """Per mille, and painted with the next paint of the window: ``setValue`` repaints
        at once, which paints every pending change of the window with it (the tree's
        rows after each slice of a long edit: 30-60 ms per call)."""
        if self.bar.maximum() != 1000:
            self.bar.setRange(0, 1000)
        value = 1000 * min(done, total) // total if total > 0 else 0
        if value != self.bar.value():
            self.bar.setUpdatesEnabled(False)  # no repaint now: setValue's is immediate
            self.bar.setValue(value)
            self.bar.setUpdatesEnabled(True)  # schedules the bar's repaint

    def show_progress(self, phase: str, done: int, total: int, message: str) -> None:
        if phase != self._phase:
            self.begin(phase)
        elapsed = max(1e-3, time.monotonic() - self._phase_start)
        self.rate = done / elapsed
        name = os.path.basename(message) if message else ""
        if phase == "walk":
            self.bar.setRange(0, 0)
            text = self.tr("Reading folders… %1 entries").replace("%1", number(done))
        elif phase == "analyse":
            self._set_bar(done, total)
            text = (
                self.tr("Analysing %1 / %2 — %3 files/s")
                .replace("%1", number(done))
                .replace("%2", count(total, "file"))
                .replace("%3", number(int(self.rate)))
            )
        elif phase in ("save", "load"):  # saved work, existing SIP: bytes then units
            if total > 0:
                self._set_bar(done, total)
            else:
                self.bar.setRange(0, 0)
            text = self.tr("Saving the work…") if phase == "save" else self.tr("Opening…")
            name = ""
        elif phase in EDIT_PHASES:
            self._set_bar(done, total)
            if phase == "edit-read":
                text = self.tr("Preparing the edit of %1…").replace("%1", count(total, "unit"))
            elif phase == "edit":
                text = (
                    self.tr("Applying the edit: %1 / %2")
                    .replace("%1", number(done))
                    .replace("%2", count(total, "unit"))
                )
            else:
                text = (
                    self.tr("Undoing the edit: %1 / %2")
                    .replace("%1", number(done))
                    .replace("%2", count(total, "unit"))
                )
            name = ""
        elif phase == "slip":  # transfer slip: the SIP's digest (bytes), then rows
            self._set_bar(done, total)
            percent = 100 * min(done, total) // total if total > 0 else 0
            text = self.tr("Writing the transfer slip… %1 %").replace("%1", number(percent))
            name = ""
        elif phase == "table":  # spreadsheet export: units
            self._set_bar(done, total)
            text = (
                self.tr("Writing the table… %1 / %2")
                .replace("%1", number(done))
                .replace("%2", count(total, "unit"))
            )
            name = ""
        else:  # export: bytes
            self._set_bar(done, total)
            text = (
                self.tr("Exporting %1 / %2 — %3/s")
                .replace("%1", human_size(done))
                .replace("%2", human_size(total))
                .replace("%3", human_size(int(self.rate)))
            )
        if name:
            text += f" — {name}"
        if text != self.label.text():
            self.label.setText(text)
        self.label.setToolTip(message)
