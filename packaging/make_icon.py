"""Draw Verso's program icon (resources/icons/verso.png and verso.ico) with Qt.

Run once when the design changes: ``QT_QPA_PLATFORM=offscreen python packaging/make_icon.py``.
The ``.ico`` holds PNG images (16 to 256 px), which Windows Vista and later read.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 32.0
    # a box of archives (the SIP) ...
    p.setPen(QPen(QColor("#5d4037"), max(1.0, 1.2 * s)))
    p.setBrush(QColor("#c58b5a"))
    p.drawRoundedRect(QRectF(2.5 * s, 12 * s, 27 * s, 17.5 * s), 1.5 * s, 1.5 * s)
    p.setBrush(QColor("#a8703f"))
    p.drawRect(QRectF(1.5 * s, 9 * s, 29 * s, 5 * s))
    # ... with a document going in
    page = QPainterPath()
    page.moveTo(9 * s, 1.5 * s)
    page.lineTo(19.5 * s, 1.5 * s)
    page.lineTo(23 * s, 5 * s)
    page.lineTo(23 * s, 17 * s)
    page.lineTo(9 * s, 17 * s)
    page.closeSubpath()
    p.setPen(QPen(QColor("#455a64"), max(1.0, 1.0 * s)))
    p.setBrush(QColor("#ffffff"))
    p.drawPath(page)
    p.drawLine(QPointF(19.5 * s, 1.5 * s), QPointF(19.5 * s, 5 * s))
    p.drawLine(QPointF(19.5 * s, 5 * s), QPointF(23 * s, 5 * s))
    # the V of Verso on the box's label
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1565c0"))
    label = QRectF(9 * s, 17.5 * s, 14 * s, 9 * s)
    p.drawRoundedRect(label, 1.5 * s, 1.5 * s)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, int(8 * s)))
    p.setFont(font)
    p.setPen(QColor("#ffffff"))
    p.drawText(label, Qt.AlignmentFlag.AlignCenter, "V")
    p.end()
    return img


def png(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images.items():
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return head + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    images = {size: png(draw(size)) for size in SIZES}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "verso.png").write_bytes(images[256])
    (OUT / "verso.ico").write_bytes(ico(images))
    print(f"wrote {OUT / 'verso.png'} and {OUT / 'verso.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
