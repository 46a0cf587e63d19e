"""The package tree as a ``QAbstractItemModel`` over ``seda.model`` (no copy of the data).

An index's internal pointer is its ``ArchiveUnit``; the units themselves are kept alive by
the package (or by the undo commands holding removed ones). Rows are found through a cache
checked by identity, so ``parent()`` stays O(1) even with 20,000 siblings.

Thread affinity: main thread only. The primitive mutations (``insert_units``,
``remove_unit``, ``move_unit``, ``set_fields``, ``reorder_children``,
``apply_file_results``) are called by ``ui.commands`` and by the scan controller; they
emit the begin/end notifications views need. Nothing else edits the tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QUndoStack

from seda.findings import Finding
from seda.model import ArchiveUnit, BinaryObject, Package
from ui.commands import MoveUnitsCommand, RenameCommand, top_level_only
from ui.formatting import DISPLAY_MAX, date_range, human_size, level_label, short_text
from ui.icons import unit_icon
from ui.sliced_edit import SliceRunner

COL_TITLE, COL_LEVEL, COL_DATES, COL_FORMAT, COL_SIZE, COL_COTE = range(6)
COLUMN_COUNT = 6  # the cote comes last in the model (saved header layouts stay right);
# the view shows it after the title (ui.package_view)

UnitRole = Qt.ItemDataRole.UserRole + 1  # the ArchiveUnit itself
SortRole = Qt.ItemDataRole.UserRole + 2  # comparable value for sorting
SearchRole = Qt.ItemDataRole.UserRole + 3  # text the search box matches

MIME_UNITS = "application/x-verso-units"
MIME_URLS = "text/uri-list"

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_SORT_ROLE = int(SortRole)
_FLAGS_OTHER = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)
_FLAGS_TITLE = _FLAGS_OTHER | Qt.ItemFlag.ItemIsEditable


class PackageTreeModel(QAbstractItemModel):
    """Units as rows; columns title, level, dates, format, size, cote."""

    structure_changed = Signal()  # rows inserted/removed/moved (e.g. to refresh counts)
    units_edited = Signal(object)  # list of units whose fields changed
    urls_dropped = Signal(list, object, int)  # local paths, parent unit (None = top), row

    def __init__(self, package: Package | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._package = package if package is not None else Package()
        self.undo_stack: QUndoStack | None = None
        self._rows: dict[int, int] = {}  # unit uid -> cached row among its siblings
        self._by_uid: dict[int, ArchiveUnit] = {}
        self._drag: dict[int, ArchiveUnit] = {}
        self._main_thread = QThread.currentThread()
        # long edits (a bulk edit of many units, its undo) run a slice per event-loop turn;
        # any other change of the tree or of unit fields first finishes them (_settle)
        self.slicer = SliceRunner(self)

    # -- package ------------------------------------------------------------------------
    @property
    def package(self) -> Package:
        return self._package

    def set_package(self, package: Package) -> None:
        self._settle()
        self.beginResetModel()
        self._package = package
        self._rows.clear()
        self._by_uid.clear()
        self.endResetModel()
        self.structure_changed.emit()

    def _check_thread(self) -> None:
        if QThread.currentThread() is not self._main_thread:
            raise RuntimeError("PackageTreeModel used outside the main thread")

    def _settle(self) -> None:
        """Before a change of the tree or of fields: a sliced edit still running is done
        to its end first, so every change lands on the state the undo stack describes
        (the edit made meanwhile is queued behind it, never interleaved)."""
        self._check_thread()
        self.slicer.finish()

    # -- navigation ---------------------------------------------------------------------
    def siblings(self, parent: ArchiveUnit | None) -> list[ArchiveUnit]:
        """For reading: a leaf's is the shared empty list (grow it with ``parent.own``)."""
        return self._package.roots if parent is None else parent.children

    def row_of(self, unit: ArchiveUnit) -> int:
        sibs = self.siblings(unit.parent)
        r = self._rows.get(unit.uid)
        if r is not None and r < len(sibs) and sibs[r] is unit:
            return r
        # Refresh the whole sibling list at once: one O(n) pass serves all n siblings.
        rows = self._rows
        for i, u in enumerate(sibs):
            rows[u.uid] = i
        r = rows.get(unit.uid)
        if r is None or r >= len(sibs) or sibs[r] is not unit:
            raise ValueError(f"unit {unit.uid} is not in the package")
        return r

    def unit(self, index: AnyIndex) -> ArchiveUnit | None:
        if not index.isValid():
            return None
        return index.internalPointer()  # type: ignore[no-any-return]

    def index_for(self, unit: ArchiveUnit | None, column: int = 0) -> QModelIndex:
        if unit is None:
            return QModelIndex()
        return self.createIndex(self.row_of(unit), column, unit)

    def contains(self, unit: ArchiveUnit) -> bool:
        """True if ``unit`` is attached to this package (not removed)."""
        top = unit
        while top.parent is not None:
            top = top.parent
        try:
            self.row_of(top)
        except ValueError:
            return False
        return True

    def unit_by_uid(self, uid: int) -> ArchiveUnit | None:
        """The attached unit with this uid (index rebuilt lazily on a miss)."""
        unit = self._by_uid.get(uid)
        if unit is None or not self.contains(unit):
            self._by_uid = {u.uid: u for u in self._package.walk()}
            unit = self._by_uid.get(uid)
        return unit

    # -- QAbstractItemModel -------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        # Hot path: Qt asks for every row it lays out, sorts or expands (300,000 calls to
        # open a 100k tree), hence no helper calls here.
        if column < 0 or column >= COLUMN_COUNT or row < 0:
            return QModelIndex()
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            sibs = parent.internalPointer().children
        else:
            sibs = self._package.roots
        if row >= len(sibs):
            return QModelIndex()
        unit = sibs[row]
        self._rows[unit.uid] = row
        return self.createIndex(row, column, unit)

    def parent(self, index: AnyIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        # Hot path (a painted cell of a large selection asks it once per selected range):
        # the cached row of the parent, checked by identity, without further calls.
        up = index.internalPointer().parent
        if up is None:
            return QModelIndex()
        above = up.parent
        sibs = self._package.roots if above is None else above.children
        r = self._rows.get(up.uid)
        if r is None or r >= len(sibs) or sibs[r] is not up:
            r = self.row_of(up)
        return self.createIndex(r, 0, up)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._package.roots)
        if parent.column() != 0:
            return 0
        return len(parent.internalPointer().children)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (
            QCoreApplication.translate("PackageTreeModel", "Title"),
            QCoreApplication.translate("PackageTreeModel", "Level"),
            QCoreApplication.translate("PackageTreeModel", "Dates"),
            QCoreApplication.translate("PackageTreeModel", "Format"),
            QCoreApplication.translate("PackageTreeModel", "Size"),
            QCoreApplication.translate("PackageTreeModel", "Cote"),
        )
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        # Qt asks for every row a view or a selection touches (200,000 calls in a bulk
        # edit of 100k units): constants, no enum arithmetic per call.
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return _FLAGS_TITLE if index.column() == COL_TITLE else _FLAGS_OTHER

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit: ArchiveUnit = index.internalPointer()
        col = index.column()
        if role == _SORT_ROLE:  # first: a column sort asks it twice per comparison
            return self.sort_key(unit, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(unit, col)
        if role == Qt.ItemDataRole.EditRole:
            return short_text(unit.title, 32767) if col == COL_TITLE else self._display(unit, col)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_TITLE:
            icon = unit_icon(unit)
            if unit.parent is None and unit.attachment.is_set:
                return attached_icon(icon)
            return icon
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = short_text(unit.source or unit.title)
            if unit.parent is None and unit.attachment.is_set:
                tip += "\n" + attachment_tooltip(unit)
            if unit.management.rules:
                ids = [r.rule_id for b in unit.management.rules.values() for r in b.rules]
                if ids:
                    tip += "\n" + QCoreApplication.translate(
                        "PackageTreeModel", "Own management rules: %1"
                    ).replace("%1", ", ".join(ids))
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == UnitRole:
            return unit
        if role == SortRole:
            return self.sort_key(unit, col)
        if role == SearchRole:
            obj = unit.objects[0] if unit.objects else None
            extra = f" {obj.filename} {obj.format.name} {obj.format.puid}" if obj else ""
            cap = 10 * DISPLAY_MAX  # a 50 MB title must not be scanned at every keystroke
            return f"{unit.title[:cap]} {unit.description[:cap]}{extra}"
        return None

    @staticmethod
    def _object(unit: ArchiveUnit) -> BinaryObject | None:
        return unit.objects[0] if unit.objects else None

    def _display(self, unit: ArchiveUnit, col: int) -> str:
        if col == COL_TITLE:
            return short_text(unit.title)
        if col == COL_LEVEL:
            return level_label(unit.level)
        if col == COL_DATES:
            return date_range(unit.start_date, unit.end_date)
        if col == COL_COTE:  # what the bordereau prints: the archives', then the producer's
            cotes = unit.archival_ids + unit.originating_ids
            return short_text(" ; ".join(cotes)) if cotes else ""
        obj = self._object(unit)
        if obj is None:
            return ""
        if col == COL_FORMAT:
            fmt = obj.format
            if fmt.known:
                return fmt.name or fmt.puid
            if not obj.digest and not fmt.puid:
                return QCoreApplication.translate("PackageTreeModel", "…")
            return QCoreApplication.translate("PackageTreeModel", "Unknown")
        if col == COL_SIZE:
            return human_size(sum(o.size for o in unit.objects))
        return ""

    def sort_key(self, unit: ArchiveUnit, col: int) -> Any:
        if col == COL_TITLE:
            return unit.title.casefold()
        if col == COL_LEVEL:
            return level_label(unit.level)
        if col == COL_DATES:
            return (unit.start_date or date.min).toordinal()
        if col == COL_SIZE:
            return sum(o.size for o in unit.objects)
        if col == COL_FORMAT:
            obj = self._object(unit)
            return (obj.format.name or obj.format.puid) if obj else ""
        if col == COL_COTE:  # « 3 W 2 » before « 3 W 10 »
            cotes = unit.archival_ids or unit.originating_ids
            return _cote_key(cotes[0]) if cotes else ""
        return ""

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Inline rename from the view: goes through the undo stack like every edit."""
        if not index.isValid() or index.column() != COL_TITLE or role != Qt.ItemDataRole.EditRole:
            return False
        title = str(value).strip()
        unit: ArchiveUnit = index.internalPointer()
        if not title or title == unit.title:
            return False
        if self.undo_stack is not None:
            self.undo_stack.push(RenameCommand(self, unit, title))
        else:
            self.set_fields(unit, {"title": title})
        return True

    # -- drag and drop --------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_UNITS, MIME_URLS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        units: list[ArchiveUnit] = []
        seen: set[int] = set()
        for idx in indexes:
            unit = self.unit(idx)
            if unit is not None and unit.uid not in seen:
                seen.add(unit.uid)
                units.append(unit)
        self._drag = {u.uid: u for u in units}
        data = QMimeData()
        data.setData(MIME_UNITS, QByteArray(",".join(str(u.uid) for u in units).encode()))
        return data

    def decode_units(self, data: QMimeData) -> list[ArchiveUnit]:
        if not data.hasFormat(MIME_UNITS):
            return []
        raw = bytes(data.data(MIME_UNITS).data()).decode()
        out = []
        for token in raw.split(","):
            if not token.strip().isdigit():
                continue
            uid = int(token)
            unit = self._drag.get(uid) or self.unit_by_uid(uid)
            if unit is not None and self.contains(unit):
                out.append(unit)
        return top_level_only(out)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if data.hasUrls():
            return any(u.isLocalFile() for u in data.urls())
        units = self.decode_units(data)
        if not units:
            return False
        target = self.unit(parent)
        return not any(target is u or (target and is_ancestor(u, target)) for u in units)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = self.unit(parent)
        if data.hasUrls() and not data.hasFormat(MIME_UNITS):
            paths = [u.toLocalFile() for u in data.urls() if u.isLocalFile()]
            if paths:
                self.urls_dropped.emit(paths, target, row)
            return bool(paths)
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        units = self.decode_units(data)
        if self.undo_stack is not None:
            self.undo_stack.push(MoveUnitsCommand(self, units, target, row))
        else:
            for i, u in enumerate(units):
                self.move_unit(u, target, -1 if row < 0 else row + i)
        # False: the move is done; the view must not remove the source rows itself.
        return False

    # -- primitive mutations (used by ui.commands) -------------------------------------------
    def _parent_index(self, parent: ArchiveUnit | None) -> QModelIndex:
        return self.index_for(parent) if parent is not None else QModelIndex()

    def insert_units(
        self, parent: ArchiveUnit | None, row: int, units: Sequence[ArchiveUnit]
    ) -> None:
        """Insert detached ``units`` under ``parent`` (None = top level) at ``row``."""
        self._settle()
        if not units:
            return
        sibs = self.siblings(parent)
        if row < 0 or row > len(sibs):
            row = len(sibs)
        self.beginInsertRows(self._parent_index(parent), row, row + len(units) - 1)
        for i, unit in enumerate(units):
            if unit.parent is not None:
                raise ValueError("insert_units expects detached units")
            if parent is None:
                self._package.roots.insert(row + i, unit)
            else:
                unit.parent = parent
                parent.own("children").insert(row + i, unit)
        self.endInsertRows()
        self.structure_changed.emit()

    def remove_unit(self, unit: ArchiveUnit) -> tuple[ArchiveUnit | None, int]:
        """Detach ``unit`` from the package (the files on disk are never touched)."""
        self._settle()
        parent = unit.parent
        row = self.row_of(unit)
        self.beginRemoveRows(self._parent_index(parent), row, row)
        if parent is None:
            del self._package.roots[row]
        else:
            del parent.children[row]
            unit.parent = None
        self.endRemoveRows()
        self.structure_changed.emit()
        return parent, row

    def move_unit(self, unit: ArchiveUnit, new_parent: ArchiveUnit | None, row: int) -> int:
        """Move ``unit`` under ``new_parent`` so that it ends at ``row`` (-1 = last).

        Returns the final row. Refuses to move a unit into itself or its descendants.
        """
        self._settle()
        if new_parent is unit or (new_parent is not None and is_ancestor(unit, new_parent)):
            raise ValueError("cannot move a unit into itself")
        old_parent = unit.parent
        old_row = self.row_of(unit)
        # a leaf's children are the shared empty list until it gets one
        dest = self._package.roots if new_parent is None else new_parent.own("children")
        same = old_parent is new_parent
        count = len(dest) - 1 if same else len(dest)
        final = count if row < 0 or row > count else row
        if same and final == old_row:
            return final
        # Qt wants the destination row counted before the removal.
        qt_row = final + 1 if same and final > old_row else final
        ok = self.beginMoveRows(
            self._parent_index(old_parent),
            old_row,
            old_row,
            self._parent_index(new_parent),
            qt_row,
        )
        if not ok:
            raise ValueError("invalid move")
        self.siblings(old_parent).pop(old_row)
        unit.parent = new_parent
        dest.insert(final, unit)
        self.endMoveRows()
        self.structure_changed.emit()
        return final

    def set_fields(self, unit: ArchiveUnit, values: dict[str, Any]) -> dict[str, Any]:
        """Set description fields; return their previous values (for undo)."""
        self._settle()
        old = {}
        for name, value in values.items():
            old[name] = getattr(unit, name)
            setattr(unit, name, list(value) if isinstance(value, list) else value)
        if self.contains(unit):
            row = self.row_of(unit)
            parent = self._parent_index(unit.parent)
            self.dataChanged.emit(
                self.index(row, 0, parent), self.index(row, COLUMN_COUNT - 1, parent)
            )
        self.units_edited.emit([unit])
        return old

    def set_fields_many(
        self, edits: Sequence[tuple[ArchiveUnit, dict[str, Any]]], *, notify: bool = True
    ) -> list[dict[str, Any]]:
        """``set_fields`` for many units at once (a bulk edit, its undo): the fields are set
        first, then one ``dataChanged`` per run of adjacent rows and ONE ``units_edited``
        for all of them, so views and the details panel refresh once, not once per unit
        (100,000 single refreshes took minutes). Returns each unit's previous values.

        ``notify=False``: a slice of a sliced edit (rows repainted, ``units_edited`` left
        to ``edited`` at its end); a slice never waits for the running job (it is one)."""
        if notify:
            self._settle()
        else:
            self._check_thread()
        olds: list[dict[str, Any]] = []
        units: list[ArchiveUnit] = []
        for unit, values in edits:
            old = {}
            for name, value in values.items():
                old[name] = getattr(unit, name)
                setattr(unit, name, list(value) if isinstance(value, list) else value)
            olds.append(old)
            units.append(unit)
        if units:
            self.refresh_units(units)
            if notify:
                self.units_edited.emit(units)
        return olds

    def edited(self, units: list[ArchiveUnit]) -> None:
        """``units_edited`` for a sliced edit's units, once, when it reaches its end."""
        self.units_edited.emit(units)

    def reorder_children(self, parent: ArchiveUnit | None, order: list[ArchiveUnit]) -> None:
        """Replace the children order of ``parent`` (same units), keeping selections."""
        self._settle()
        sibs = self.siblings(parent)
        if len(order) != len(sibs) or {u.uid for u in order} != {u.uid for u in sibs}:
            raise ValueError("reorder_children needs the same units")
        # No-argument overloads: PySide6 mis-handles the (parents, hint) ones.
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        moved = []
        for idx in old_persistent:
            u = self.unit(idx)
            if u is not None and u.parent is parent:
                moved.append((idx, u))
        sibs[:] = order
        for i, u in enumerate(sibs):
            self._rows[u.uid] = i
        for idx, u in moved:
            self.changePersistentIndex(idx, self.createIndex(self._rows[u.uid], idx.column(), u))
        self.layoutChanged.emit()
        self.structure_changed.emit()

    def refresh_units(self, units: Iterable[ArchiveUnit], first: int = 0, last: int = -1) -> None:
        """Emit ``dataChanged`` for ``units``: one signal per run of adjacent rows.

        Runs, not one min..max span per parent: a view's cost grows with the rows a signal
        covers, and analysis results arrive in bursts of neighbours.
        """
        self._check_thread()
        last = COLUMN_COUNT - 1 if last < 0 else last
        rows_by_parent: dict[int, tuple[ArchiveUnit | None, list[int]] | None] = {}
        row_of = self.row_of
        for unit in units:
            parent = unit.parent
            key = parent.uid if parent is not None else 0
            if key in rows_by_parent:
                entry = rows_by_parent[key]
            else:  # first unit of this parent: is the parent in the package?
                attached = parent is None or self.contains(parent)
                entry = rows_by_parent[key] = (parent, []) if attached else None
            if entry is None:
                continue  # removed meanwhile
            try:
                entry[1].append(row_of(unit))
            except ValueError:
                continue  # removed meanwhile
        for value in rows_by_parent.values():
            if value is None or not value[1]:
                continue
            parent, rows = value
            p = self._parent_index(parent)
            rows.sort()
            lo = prev = rows[0]
            for row in rows[1:]:
                if row <= prev + 1:
                    prev = row
                    continue
                self.dataChanged.emit(self.index(lo, first, p), self.index(prev, last, p))
                lo = prev = row
            self.dataChanged.emit(self.index(lo, first, p), self.index(prev, last, p))

    def apply_file_results(
        self,
        results: Sequence[Any],
        objects_by_uid: dict[int, BinaryObject],
        owners: dict[int, ArchiveUnit],
        unit_of: dict[int, int] | None = None,
    ) -> list[Finding]:
        """Apply a batch of ``seda.identify.FileResult`` to the objects, then refresh rows.

        ``owners`` maps an object's uid to its unit, ``unit_of`` to its unit's uid. Main thread only: this is where the
        analysis (done in workers) meets the model.
        """
        self._check_thread()
        from seda.scan import apply_results

        findings = apply_results(objects_by_uid, list(results), unit_of=unit_of)
        units = [owners[r.uid] for r in results if r.uid in owners]
        self.refresh_units(units, COL_FORMAT, COL_SIZE)
        return findings


def _cote_key(cote: str) -> str:
    """A cote as a string Qt compares in natural order (numbers padded: 2 before 10)."""
    return re.sub(r"\d+", lambda m: m.group().rjust(12, "0"), cote.casefold())


_BADGED: dict[int, QIcon] = {}


def attached_icon(base: QIcon) -> QIcon:
    """``base`` with a green chain-link badge: this root is filed under a node of the SAE's
    tree (cached per base icon; unit icons are themselves cached)."""
    key = base.cacheKey()
    icon = _BADGED.get(key)
    if icon is not None:
        return icon
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pm = base.pixmap(size, size)
        if pm.isNull():
            pm = QPixmap(size, size)
            pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = size / 16.0
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#2e7d32"))
        p.drawEllipse(QRectF(7.5 * s, 7.5 * s, 8.5 * s, 8.5 * s))
        pen = QPen(QColor("#ffffff"), max(1.0, 1.2 * s))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        # two interlocking links
        p.drawRoundedRect(QRectF(9.2 * s, 10.6 * s, 3.6 * s, 2.2 * s), 1.1 * s, 1.1 * s)
        p.drawRoundedRect(QRectF(11.0 * s, 11.6 * s, 3.6 * s, 2.2 * s), 1.1 * s, 1.1 * s)
        p.drawPoint(QPointF(11.7 * s, 11.7 * s))
        p.end()
        icon.addPixmap(pm)
    _BADGED[key] = icon
    return icon


def attachment_tooltip(unit: ArchiveUnit) -> str:
    """Where a root goes in the SAE's tree, in the user's words."""
    from ui.tree_picker import attachment_text

    att = unit.attachment
    return (
        QCoreApplication.translate(
            "PackageTreeModel", "Attached under “%1” in the archives' tree (%2)"
        )
        .replace("%1", att.title or att.metadata_value or att.system_id)
        .replace("%2", attachment_text(att))
    )


def is_ancestor(candidate: ArchiveUnit, unit: ArchiveUnit) -> bool:
    """True if ``candidate`` is a (strict) ancestor of ``unit``."""
    return any(a is candidate for a in unit.ancestors())
