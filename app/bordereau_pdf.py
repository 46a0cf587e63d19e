"""The *bordereau de versement* as a PDF, made with Qt itself (no other dependency).

The same document as the HTML slip (``app.bordereau.render`` in its Qt flavour) is laid out
by ``QTextDocument`` on A4 portrait pages and painted page by page on a ``QPdfWriter``, with
a header repeated on every page (title, message identifier, agencies) and a footer
"page n / N": what a browser's print dialog cannot be trusted to add. The table's header
row repeats on each page too (``<thead>``: Qt's header rows).

Needs a ``QGuiApplication`` (fonts): one is created, offscreen when no display platform is
set, if none exists (the CLI). Thread-affinity: any thread once the application exists —
Qt documents ``QTextDocument`` and its layout as reentrant and ``QPainter`` usable in a
worker thread on a printer-like device (``QPdfWriter`` is one: the same PDF engine as
``QPrinter``); every Qt object here is made, used and dropped in the calling thread, with
no image resource; the application itself is never created from a worker. The window
has it made in a child process all the same (``app.slip_process``): PySide6 holds the GIL
through ``setHtml`` and the layout, seconds each for a 10,000-file annex.
Written to a temporary file beside the destination, renamed into place at the end: an
error or a cancel leaves nothing behind and keeps a previous file.
"""

from __future__ import annotations

import bisect
import io
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.bordereau import (
    Verdict,
    date_text,
    render,
    sip_facts,
    slip_destination,
    slip_error,
    write_failure,
)
from seda.atomic import atomic_file
from seda.bordereau import Bordereau, collect
from seda.findings import Code
from seda.model import Package
from seda.progress import Cancelled, Progress, check
from seda.referentials.agencies_csv import AgenciesReferential
from seda.referentials.rules_csv import RulesReferential

SUFFIX = "-bordereau.pdf"
RESOLUTION = 300  # dots per inch of the PDF's coordinate space (text stays vector)
MARGIN_MM = 14.0
HEADER_MM = 11.0  # band above the body holding the repeated header
FOOTER_MM = 8.0  # band below the body holding "page n / N"

_TEXT = {
    "fr": {
        "title": "Bordereau de versement",
        "page": "page {n} / {total}",
        "made": "établi le {date}",
    },
    "en": {"title": "Transfer slip", "page": "page {n} / {total}", "made": "produced on {date}"},
}

_app_ref: object | None = None  # keeps an application this module created alive


def ensure_gui_application() -> None:
    """A QGuiApplication must exist for fonts; make one (offscreen without a display).

    A ``QApplication`` (QtWidgets) when available: the process may open the window or run
    widget tests later, and Qt allows one application object per process.
    """
    global _app_ref
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    if threading.current_thread() is not threading.main_thread():
        # Qt's application belongs to the thread that makes it: never a worker
        raise RuntimeError("no Qt application: the first PDF slip is made in the main thread")
    if not os.environ.get("QT_QPA_PLATFORM") and (
        sys.platform.startswith("linux")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError:  # pragma: no cover - PySide6-Essentials ships QtWidgets
        _app_ref = QGuiApplication(sys.argv[:1] or ["verso"])
    else:
        _app_ref = QApplication(sys.argv[:1] or ["verso"])


def html_for_qt(
    doc: Bordereau,
    *,
    lang: str = "fr",
    sip: Path | None = None,
    sip_size: int | None = None,
    sha512: str = "",
    verdict: Verdict | None = None,
    depth: int | None = None,
    annex: bool = False,
    progress: Progress | None = None,
    full_rows: frozenset[str] = frozenset(),
) -> str:
    buf = io.StringIO()
    render(
        buf,
        doc,
        lang=lang,
        sip=sip,
        sip_size=sip_size,
        sha512=sha512,
        verdict=verdict,
        depth=depth,
        annex=annex,
        progress=progress,
        qt=True,
        full_rows=full_rows,
    )
    return buf.getvalue()


def _header_line(doc: Bordereau, lang: str) -> str:
    h = doc.header
    words = _TEXT.get(lang, _TEXT["fr"])
    parts = [words["title"]]
    if h.message_identifier:
        parts.append(h.message_identifier)
    who = " → ".join(
        x
        for x in (
            h.transferring_agency_name or h.transferring_agency,
            h.archival_agency_name or h.archival_agency,
        )
        if x
    )
    if who:
        parts.append(who)
    return " — ".join(parts)


_NONE_RESERVE = 1 << 32  # references None is given once, never taken back
_none_pinned = False
_pin_lock = threading.Lock()


def _pin_none() -> None:
    """PySide6 6.12 on Python 3.11 drops one reference to ``None`` at each call of a Qt
    method returning nothing (``save()``, ``translate()``...; None is immortal only from
    Python 3.12): painting a few hundred pages would take None's count to zero and abort
    the interpreter ("deallocating None"). Give None, once per process, a reserve of 2**32
    references (what Python 3.12 does by making it immortal). Counting the references lost
    before and after painting, as done before, is wrong when the slip is painted in a
    worker thread: the window's own thread takes and drops references to None meanwhile.
    The reserve is written in None's reference count (a release build's ``ob_refcnt``,
    the first field of every object), checked against ``sys.getrefcount`` first."""
    global _none_pinned
    if sys.version_info >= (3, 12) or _none_pinned:
        return
    import ctypes

    with _pin_lock:
        if _none_pinned:
            return
        field = ctypes.c_ssize_t.from_address(id(None))
        if abs(field.value - sys.getrefcount(None)) > 1_000:  # not the count: leave it
            _none_pinned = True
            return
        field.value += _NONE_RESERVE
        _none_pinned = True


def paint_pdf(
    html: str | Callable[[frozenset[str]], str],
    *,
    header: str,
    lang: str,
    title: str = "",
    progress: Progress | None = None,
) -> tuple[bytes, int]:
    """Lay ``html`` out on A4 pages and paint it with header and "page n / N": the PDF's
    bytes and its number of pages. ``html`` may be a function of the row numbers that
    start a page, to render again (a few times at most) so that those rows do not say « idem »
    of a row on the page before. ``progress``: asked for a cancel between the layout passes
    and at each page, told the pages painted (``report(page, pages)``)."""
    ensure_gui_application()
    _pin_none()
    make = html if callable(html) else (lambda _rows: html)
    first = make(frozenset())
    return _paint_pdf(make, first, header=header, lang=lang, title=title, progress=progress)


def _paint_pdf(
    make: Callable[[frozenset[str]], str],
    html: str,
    *,
    header: str,
    lang: str,
    title: str,
    progress: Progress | None = None,
) -> tuple[bytes, int]:
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
    from PySide6.QtGui import (
        QAbstractTextDocumentLayout,
        QFont,
        QFontMetricsF,
        QPageLayout,
        QPageSize,
        QPainter,
        QPalette,
        QPdfWriter,
        QPen,
        QTextDocument,
    )

    words = _TEXT.get(lang, _TEXT["fr"])
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title or header)
    writer.setCreator("Verso")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    paint_rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    width = float(paint_rect.width())
    dots_per_mm = RESOLUTION / 25.4
    head_h = HEADER_MM * dots_per_mm
    foot_h = FOOTER_MM * dots_per_mm
    body_h = float(paint_rect.height()) - head_h - foot_h

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # lay out in the PDF's dots, not the screen's
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(8.5)
    # no ligatures: "ﬁ" as one glyph would make "fichiers" unsearchable in the PDF's text
    if hasattr(QFont, "Tag"):  # Qt 6.7+
        for tag in ("liga", "clig"):
            font.setFeature(QFont.Tag(tag), 0)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setTextWidth(width)  # one long page: the slices are cut here, between rows
    check(progress)
    slices = paginate(doc, body_h)
    full: frozenset[str] = frozenset()
    # the rows starting a page, in full: that may move the cuts again, so a few passes
    # (two for a long slip: each pass lays the whole document out again)
    for _ in range(6 if len(slices) <= 40 else 2):
        tops = frozenset(s.first_row for s in slices if s.first_row.isdigit())
        if tops <= full:
            break
        full |= tops
        check(progress)
        doc.setHtml(make(full))
        doc.setTextWidth(width)
        check(progress)
        slices = paginate(doc, body_h)
    pages = len(slices)

    small = QFont(font)
    small.setPointSizeF(7.5)
    bold = QFont(font)
    bold.setPointSizeF(8.5)
    bold.setBold(True)
    made = words["made"].format(date=date_text(datetime.now().astimezone(), lang))

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("QPdfWriter refused to start")
    try:
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
        pen = QPen(Qt.GlobalColor.darkGray)
        pen.setWidthF(0.25 * dots_per_mm)
        for page in range(pages):
            check(progress)
            if progress is not None:
                progress.report(page, pages, "")
            if page:
                writer.newPage()
            # header: title — identifier — agencies, with a rule under it
            painter.setFont(bold)
            metrics = QFontMetricsF(bold, writer)
            text = metrics.elidedText(header, Qt.TextElideMode.ElideRight, width)
            painter.setPen(Qt.GlobalColor.black)
            painter.drawText(QPointF(0, metrics.ascent()), text)
            painter.setPen(pen)
            rule_y = head_h - 3 * dots_per_mm
            painter.drawLine(QPointF(0, rule_y), QPointF(width, rule_y))
            # body: this page's slice of the document, under the table's header row
            # when the slice continues a table
            top = head_h
            part = slices[page]
            for y0, y1 in ((part.header_top, part.header_bottom), (part.top, part.bottom)):
                if y1 <= y0:
                    continue
                painter.save()
                painter.translate(0, top - y0)
                clip = QRectF(0, y0, width, y1 - y0)
                painter.setClipRect(clip)
                ctx.clip = clip
                doc.documentLayout().draw(painter, ctx)
                painter.restore()
                top += y1 - y0
            # footer: when it was made, and "page n / N"
            painter.setFont(small)
            painter.setPen(Qt.GlobalColor.black)
            foot_metrics = QFontMetricsF(small, writer)
            base = float(paint_rect.height()) - foot_metrics.descent()
            painter.drawText(QPointF(0, base), made)
            number = words["page"].format(n=page + 1, total=pages)
            painter.drawText(QPointF(width - foot_metrics.horizontalAdvance(number), base), number)
    finally:
        painter.end()
    if progress is not None:
        progress.report(pages, pages, "")
    data = bytes(buffer.data().data())
    buffer.close()
    return data, pages


@dataclass(slots=True)
class PageSlice:
    """The part of the laid-out document one page shows (document coordinates), and the
    header row of the table it continues, painted first (``header_bottom == header_top``
    when none)."""

    top: float
    bottom: float
    header_top: float = 0.0
    header_bottom: float = 0.0
    first_row: str = ""  # first cell's text of the table row the slice starts with


@dataclass(slots=True)
class _Table:
    top: float
    bottom: float
    header_bottom: float  # == top when the table has no header row
    cuts: list[float]  # between two body rows
    labels: list[str]  # first cell's text of the row after each cut


def _tables(doc: object) -> list[_Table]:
    from PySide6.QtGui import QTextDocument, QTextFrame, QTextTable

    assert isinstance(doc, QTextDocument)
    layout = doc.documentLayout()
    found: list[_Table] = []
    frames: list[QTextFrame] = [doc.rootFrame()]
    while frames:
        frame = frames.pop()
        for child in frame.childFrames():
            frames.append(child)
            if not isinstance(child, QTextTable):
                continue
            rect = layout.frameBoundingRect(child)
            tops, bottoms = [], []
            for r in range(child.rows()):
                cells = [child.cellAt(r, c) for c in range(child.columns())]
                tops.append(
                    min(
                        layout.blockBoundingRect(c.firstCursorPosition().block()).top()
                        for c in cells
                    )
                )
                bottoms.append(
                    max(
                        layout.blockBoundingRect(c.lastCursorPosition().block()).bottom()
                        for c in cells
                    )
                )
            # a cut halfway between one row's text and the next one's: on the cell borders
            between = [(bottoms[r - 1] + tops[r]) / 2 for r in range(1, child.rows())]
            headers = min(child.format().headerRowCount(), len(between))
            labels = [
                child.cellAt(r, 0).firstCursorPosition().block().text().strip()
                for r in range(headers + 1, child.rows())
            ]
            found.append(
                _Table(
                    top=rect.top(),
                    bottom=rect.bottom(),
                    header_bottom=between[headers - 1] if headers else rect.top(),
                    cuts=between[headers:],
                    labels=labels,
                )
            )
    return found


def paginate(doc: object, page_height: float) -> list[PageSlice]:
    """Cut the one long laid-out page into A4 slices: only between paragraphs or between
    table rows (a row is never split unless taller than a page), never right after a
    heading, the signatures (the last table) kept whole; a slice continuing a table
    repeats its header row. Qt's own pagination splits rows line by line."""
    from PySide6.QtGui import QTextCursor, QTextDocument

    assert isinstance(doc, QTextDocument)
    layout = doc.documentLayout()
    total = layout.documentSize().height()
    tables = _tables(doc)
    cuts: set[float] = set()
    previous_heading = False
    block = doc.begin()
    while block.isValid():
        if QTextCursor(block).currentTable() is None:
            if not previous_heading:
                cuts.add(layout.blockBoundingRect(block).top())
            previous_heading = block.blockFormat().headingLevel() > 0
        else:
            previous_heading = False
        block = block.next()
    # a cut between rows -> its table and the first cell of the row below
    row_cuts = {c: (t, label) for t in tables for c, label in zip(t.cuts, t.labels, strict=True)}
    for table in tables:
        cuts.add(table.bottom)
    # nothing inside a table but between its rows (tables are few: a linear scan each)
    ordered = sorted(
        [c for c in cuts if not any(t.top < c < t.bottom for t in tables)] + list(row_cuts)
    )
    slices: list[PageSlice] = []
    y0 = 0.0
    while y0 < total - 0.5:
        owner, label = row_cuts.get(y0, (None, ""))  # continues a table: repeat its header
        header = (owner.top, owner.header_bottom) if owner is not None else (0.0, 0.0)
        limit = y0 + page_height - (header[1] - header[0])
        if limit >= total:
            y1 = total
        else:
            # the last cut that fits; none (a row taller than a page): cut anyway
            i = bisect.bisect_right(ordered, limit) - 1
            y1 = ordered[i] if i >= 0 and ordered[i] > y0 else limit
        slices.append(PageSlice(y0, y1, *header, first_row=label))
        y0 = y1
    return slices or [PageSlice(0.0, total)]


class _Part:
    """One stage's share of the slip's progress: its ``report(done, total)`` moves the
    whole bar (``whole`` steps) from ``start`` to ``end`` (fractions); cancels go through."""

    def __init__(self, progress: Progress | None, whole: int, start: float, end: float) -> None:
        self.progress, self.whole, self.start, self.end = progress, whole, start, end

    def report(self, done: int, total: int, message: str = "") -> None:
        if self.progress is None:
            return
        share = min(done, total) / total if total > 0 else 0.0
        at = self.start + (self.end - self.start) * share
        self.progress.report(int(self.whole * at), self.whole, message)

    def cancelled(self) -> bool:
        return self.progress is not None and self.progress.cancelled()


def default_pdf_path(sip_path: str | os.PathLike[str]) -> Path:
    """``versement.zip`` -> ``versement-bordereau.pdf``, in the same folder."""
    sip = Path(sip_path)
    return sip.with_name(sip.stem + SUFFIX)


def write_bordereau_pdf(
    package: Package,
    dest: str | os.PathLike[str],
    *,
    lang: str = "fr",
    rules: RulesReferential | None = None,
    agencies: AgenciesReferential | None = None,
    sip_path: str | os.PathLike[str] | None = None,
    sip_sha512: str | None = None,
    progress: Progress | None = None,
    message_identifier: str = "",
    date: datetime | None = None,
    verdict: Verdict | None = None,
    depth: int | None = None,
    annex: bool = False,
) -> Path:
    """Write the slip for ``package`` at ``dest`` as an A4 PDF and return its path.

    Same arguments and guarantees as ``app.bordereau.write_bordereau`` (atomic, raises
    ``Cancelled`` or ``BordereauError``). Progress: the rows (to 40 %), Qt's layout, then
    the pages (from 50 %); a cancel is seen between rows, layout passes and pages.
    Thread-affinity: any one thread (see module doc; the window uses ``app.slip_process``).
    """
    ensure_gui_application()
    dest = slip_destination(dest, package, sip_path)
    sip, sip_size, digest = sip_facts(sip_path, sip_sha512, progress)
    doc = collect(
        package,
        rules=rules,
        agencies=agencies,
        message_identifier=message_identifier,
        date=date,
    )

    whole = max(1, doc.totals.units)  # the CLI's bar counts units, as for the HTML slip
    rows_part = _Part(progress, whole, 0.0, 0.4)  # the rows, then Qt's layout
    pages_part = _Part(progress, whole, 0.5, 1.0)  # then the pages painted

    def html(full_rows: frozenset[str]) -> str:
        return html_for_qt(
            doc,
            lang=lang,
            sip=sip,
            sip_size=sip_size,
            sha512=digest,
            verdict=verdict,
            depth=depth,
            annex=annex,
            progress=None if full_rows else rows_part,  # a second pass: no new progress
            full_rows=full_rows,
        )

    title = _TEXT.get(lang, _TEXT["fr"])["title"]
    try:
        data, _pages = paint_pdf(
            html, header=_header_line(doc, lang), lang=lang, title=title, progress=pages_part
        )
    except Cancelled:
        raise
    except Exception as exc:  # Qt's own failure: said as a finding, never a traceback
        raise slip_error(Code.BORDEREAU_WRITE_ERROR, dest, str(exc)) from exc
    check(progress)
    try:
        if not data.startswith(b"%PDF"):
            raise OSError("Qt wrote no PDF")
        with atomic_file(dest) as out:
            out.write(data)
    except OSError as exc:
        raise write_failure(exc, dest) from exc
    return dest


__all__ = ["default_pdf_path", "ensure_gui_application", "paint_pdf", "write_bordereau_pdf"]
