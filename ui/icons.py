"""Small icons drawn with QPainter: no image files to ship, crisp at any scale.

Units get a folder (levels that group) or a document whose colour band and label say the
format family (PDF, image, text, office, archive, audio/video, unknown). Icons are cached.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from seda.model import ArchiveUnit, BinaryObject

FAMILIES: dict[str, tuple[str, str]] = {
    # family: (colour, label)
    "pdf": ("#c62828", "PDF"),
    "image": ("#2e7d32", "IMG"),
    "text": ("#1565c0", "TXT"),
    "office": ("#0277bd", "DOC"),
    "sheet": ("#1b5e20", "XLS"),
    "archive": ("#6d4c41", "ZIP"),
    "av": ("#6a1b9a", "A/V"),
    "xml": ("#ef6c00", "XML"),
    "other": ("#546e7a", ""),
    "unknown": ("#f9a825", "?"),
    "pending": ("#b0bec5", ""),
}


def format_family(obj: BinaryObject) -> str:
    """Group a file's format into a family for its icon and the chart's colours."""
    fmt = obj.format
    mime = (fmt.mime or "").lower()
    name = (fmt.name or "").lower()
    if not fmt.puid and not obj.digest:
        return "pending"
    if not fmt.known:
        return "unknown"
    if "pdf" in mime or "pdf" in name:
        return "pdf"
    if mime.startswith("image/"):
        return "image"
    if mime.startswith(("audio/", "video/")):
        return "av"
    if "xml" in mime:
        return "xml"
    if "spreadsheet" in mime or "excel" in mime or "spreadsheet" in name:
        return "sheet"
    if "opendocument" in mime or "word" in mime or "officedocument" in mime or "rtf" in mime:
        return "office"
    if mime.startswith("text/"):
        return "text"
    if "zip" in mime or "tar" in mime or "compressed" in mime or "7z" in mime:
        return "archive"
    return "other"


def family_colour(family: str) -> QColor:
    return QColor(FAMILIES.get(family, FAMILIES["other"])[0])


@cache
def folder_icon(accent: str = "#f0b429") -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 16.0
        body = QColor(accent)
        p.setPen(QPen(body.darker(140), max(1.0, s * 0.8)))
        tab = QPainterPath()
        tab.moveTo(1.5 * s, 3.5 * s)
        tab.lineTo(6 * s, 3.5 * s)
        tab.lineTo(7.5 * s, 5 * s)
        tab.lineTo(14.5 * s, 5 * s)
        tab.lineTo(14.5 * s, 13 * s)
        tab.lineTo(1.5 * s, 13 * s)
        tab.closeSubpath()
        p.setBrush(body)
        p.drawPath(tab)
        p.setBrush(body.lighter(125))
        p.drawRect(QRectF(1.5 * s, 6.5 * s, 13 * s, 6.5 * s))
        p.end()
        icon.addPixmap(pm)
    return icon


@cache
def document_icon(family: str) -> QIcon:
    colour, label = FAMILIES.get(family, FAMILIES["other"])
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 16.0
        page = QPainterPath()
        page.moveTo(3 * s, 1 * s)
        page.lineTo(10 * s, 1 * s)
        page.lineTo(13 * s, 4 * s)
        page.lineTo(13 * s, 15 * s)
        page.lineTo(3 * s, 15 * s)
        page.closeSubpath()
        p.setPen(QPen(QColor("#78909c"), max(1.0, s * 0.7)))
        p.setBrush(QColor("#ffffff"))
        p.drawPath(page)
        p.drawLine(QPointF(10 * s, 1 * s), QPointF(10 * s, 4 * s))
        p.drawLine(QPointF(10 * s, 4 * s), QPointF(13 * s, 4 * s))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        band = QRectF(1 * s, 8 * s, 14 * s, 5.5 * s)
        p.drawRoundedRect(band, s, s)
        if label and size >= 16:
            font = QFont()
            font.setBold(True)
            font.setPixelSize(max(5, int(4.6 * s)))
            p.setFont(font)
            p.setPen(QColor("#ffffff"))
            p.drawText(band, Qt.AlignmentFlag.AlignCenter, label)
        p.end()
        icon.addPixmap(pm)
    return icon


def unit_icon(unit: ArchiveUnit) -> QIcon:
    """Folder for grouping units, a format-coloured document for units holding a file."""
    if unit.objects and not unit.children:
        return document_icon(format_family(unit.objects[0]))
    return folder_icon()


@cache
def severity_icon(severity: str) -> QIcon:
    colours = {"error": "#c62828", "warning": "#f9a825", "info": "#1565c0"}
    marks = {"error": "!", "warning": "!", "info": "i"}
    icon = QIcon()
    for size in (16, 24, 32):
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colours.get(severity, "#546e7a")))
        p.drawEllipse(QRectF(1, 1, size - 2, size - 2))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.7))
        p.setFont(font)
        p.setPen(QColor("#ffffff"))
        p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, marks.get(severity, "?"))
        p.end()
        icon.addPixmap(pm)
    return icon


@cache
def app_icon() -> QIcon:
    """Verso's own icon (windows, task bar), shipped in ``resources/icons``."""
    import resources

    icon = QIcon(str(resources.path("icons", "verso.png")))
    return icon if not icon.isNull() else folder_icon()
