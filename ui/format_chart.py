"""Formats of the package by count and by size, drawn with QPainter (no Qt Charts needed)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from seda.model import Package, PackageStats
from ui.formatting import human_size, number

PALETTE = (
    "#1565c0", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a",
    "#00838f", "#ad1457", "#5d4037", "#9e9d24", "#455a64",
)  # fmt: skip
MAX_BARS = 10


class FormatChart(QWidget):
    """Two horizontal bar charts side by side: files per format, bytes per format."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, int, int]] = []  # label, count, bytes
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    def sizeHint(self) -> QSize:
        return QSize(600, 220)

    def set_package(self, package: Package) -> None:
        """Recompute from the package (walks every unit)."""
        from ui.stats import compute_stats

        result = compute_stats(package)
        self.set_stats(result.stats, result.names)

    def set_stats(self, stats: PackageStats, names: dict[str, str]) -> None:
        """Show ``stats.formats`` (puid -> (count, bytes)); ``names`` labels the puids."""
        rows = []
        for key, (count, size) in stats.formats.items():
            label = names.get(key) or key or self.tr("Unknown or not yet analysed")
            rows.append((label, count, size))
        rows.sort(key=lambda r: (-r[1], r[0]))
        if len(rows) > MAX_BARS:
            rest = rows[MAX_BARS - 1 :]
            rows = rows[: MAX_BARS - 1] + [
                (self.tr("Other formats"), sum(r[1] for r in rest), sum(r[2] for r in rest))
            ]
        self.rows = rows
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        text_colour = pal.text().color()
        if not self.rows:
            p.setPen(pal.placeholderText().color())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No files yet."))
            p.end()
            return
        fm = QFontMetrics(self.font())
        line = fm.height() + 6
        margin = 10
        half = (self.width() - 3 * margin) / 2
        for column, (title, pick) in enumerate(
            ((self.tr("Files per format"), 1), (self.tr("Size per format"), 2))
        ):
            x0 = margin + column * (half + margin)
            p.setPen(text_colour)
            bold = self.font()
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(QRectF(x0, margin, half, line), Qt.AlignmentFlag.AlignLeft, title)
            p.setFont(self.font())
            top = margin + line
            total = sum(r[pick] for r in self.rows) or 1
            peak = max(r[pick] for r in self.rows) or 1
            label_w = min(half * 0.45, max(fm.horizontalAdvance(r[0]) for r in self.rows) + 8)
            value_w = fm.horizontalAdvance("00 000 (100 %)") + 8
            bar_w = max(10.0, half - label_w - value_w)
            avail = max(1, int((self.height() - top - margin) // line))
            for i, row in enumerate(self.rows[:avail]):
                y = top + i * line
                label = fm.elidedText(row[0], Qt.TextElideMode.ElideRight, int(label_w - 6))
                p.setPen(text_colour)
                p.drawText(
                    QRectF(x0, y, label_w - 6, line),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                    label,
                )
                w = bar_w * row[pick] / peak
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(PALETTE[i % len(PALETTE)]))
                p.drawRoundedRect(QRectF(x0 + label_w, y + 3, max(2.0, w), line - 6), 2, 2)
                share = 100.0 * row[pick] / total
                value = number(row[1]) if pick == 1 else human_size(row[2])
                p.setPen(text_colour)
                p.drawText(
                    QRectF(x0 + label_w + w + 4, y, value_w + bar_w - w, line),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    f"{value} ({share:.0f} %)",
                )
        p.end()
