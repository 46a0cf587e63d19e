"""The status bar's counts and identification engine, and the Formats chart.

Counting 100,000 units takes a while: edits schedule one count after a 400 ms pause, and the
end of a scan counts in slices (``ui.stats.StatsJob``) so the window never stalls.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from ui.controllers.base import Controller
from ui.formatting import count, human_size
from ui.stats import StatsJob, StatsResult, compute_stats

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class StatusController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(400)
        self.job = StatsJob(lambda: self.model.package, self._ready, parent=self)
        self.timer.timeout.connect(self.job.start)
        self.last_stats = None
        self.model.units_edited.connect(lambda _u: self.schedule())
        self.model.dataChanged.connect(lambda *_a: self.schedule())

    def schedule(self) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def refresh_sliced(self) -> None:
        """Count now, in slices (after a big scan)."""
        self.timer.stop()
        self.job.start()

    def update_status(self) -> None:
        """Recompute counts, chart and title now (the scan uses the sliced ``job``)."""
        self._ready(compute_stats(self.model.package))

    def _ready(self, result: StatsResult) -> None:
        window = self.window
        package = self.model.package
        stats = result.stats
        self.last_stats = stats
        window.counts_label.setText(
            " · ".join(
                (
                    count(stats.units, "unit"),
                    count(stats.files, "file"),
                    human_size(stats.total_size),
                    count(stats.unknown_formats, "unknown_format"),
                )
            )
        )
        engine = self.settings.get("scan/engine")
        signatures = package.signature_version
        text = self.tr("Identification: %1").replace("%1", engine)
        short = short_signature(signatures)
        if short:
            text += f" ({short})"  # the whole name in the tooltip: the status bar is narrow
        window.engine_label.setText(text)
        window.engine_label.setToolTip(signatures)
        window.chart.set_stats(stats, result.names)
        window.session.update_title()
        exporter = getattr(window, "exporter", None)
        if exporter is not None:
            exporter.stats_changed()  # Export's state depends on the count of files


def short_signature(signatures: str) -> str:
    """ "DROID_SignatureFile_V125.xml; container-signature-20260119.xml" -> "V125"."""
    found = re.search(r"(?i)signaturefile_(v\d+)", signatures)
    if found:
        return found.group(1).upper()
    return signatures if len(signatures) <= 24 else signatures[:23] + "…"
