"""The package tree as a ``QAbstractItemModel`` over ``seda.model`` (no copy of the data).

An index's internal pointer is its ``ArchiveUnit``; the units themselves are kept alive by
the package (or by the undo commands holding removed ones). Rows are found through a cache
checked by identity, so ``parent()`` stays O(1) even with 20,000 siblings.

A column sort is the model's own (``sort``): the rows Qt sees under a parent are its
children in the column's order, sorted in Python when first asked (a key per unit), and
kept in order through inserts, removals, moves and edits. Qt's proxy sorting called into
Python twice per comparison: 90 ms for 1,000 siblings, a second for 10,000. The package's
own order (``siblings``, ``row_of``: what undo commands and the manifest use) never
changes with a sort; Qt's rows are ``view_row`` / ``shown``.

Thread affinity: main thread only. The primitive mutations (``insert_units``,
``remove_unit``, ``move_unit``, ``set_fields``, ``reorder_children``,
``apply_file_results``) are called by ``ui.commands`` and by the scan controller; they
emit the begin/end notifications views need. Nothing else edits the tree.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
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
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QUndoStack

from seda.findings import Finding
from seda.model import ArchiveUnit, BinaryObject, Package
from seda.referentials.csvcheck import fold
from ui.commands import MoveUnitsCommand, RenameCommand, top_level_only
from ui.formatting import DISPLAY_MAX, date_range, human_size, level_label, short_text
from ui.icons import unit_icon
from ui.sliced_edit import SliceRunner

COL_TITLE, COL_LEVEL, COL_DATES, COL_FORMAT, COL_SIZE, COL_COTE = range(6)
COLUMN_COUNT = 6  # the cote comes last in the model (saved header layouts stay right);
# the view shows it after the title (ui.package_view)

UnitRole = Qt.ItemDataRole.UserRole + 1  # the ArchiveUnit itself
SearchRole = Qt.ItemDataRole.UserRole + 3  # text the search box matches

MIME_UNITS = "application/x-verso-units"
MIME_URLS = "text/uri-list"

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_FLAGS_OTHER = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)
_FLAGS_TITLE = _FLAGS_OTHER | Qt.ItemFlag.ItemIsEditable
# a unit without children says so: a view laying out 10,000 files then asks no
# ``hasChildren`` of each (a third of opening such a folder); a unit given children later
# loses the flag, and the view, told of the new rows, shows it can open
_NEVER = Qt.ItemFlag.ItemNeverHasChildren
_FLAGS_LEAF_OTHER, _FLAGS_LEAF_TITLE = _FLAGS_OTHER | _NEVER, _FLAGS_TITLE | _NEVER


class PackageTreeModel(QAbstractItemModel):
    """Units as rows; columns title, level, dates, format, size, cote."""

    structure_changed = Signal()  # rows inserted/removed/moved (e.g. to refresh counts)
    units_edited = Signal(object)  # list of units whose fields changed
    urls_dropped = Signal(list, object, int)  # local paths, parent unit (None = top), row

    def __init__(self, package: Package | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._package = package if package is not None else Package()
        self.undo_stack: QUndoStack | None = None
        self._rows: dict[int, int] = {}  # unit uid -> cached row among its siblings, as shown
        self._package_rows: dict[int, int] = {}  # ... in the package's order, while sorted
        self._sort_column = -1  # -1: the package's order
        self._descending = False
        # parent uid (0: the top level) -> its children as shown, while sorted
        self._shown: dict[int, list[ArchiveUnit]] = {}
        # uid -> (title, its sort key): 7 µs a title with accents, 74 ms for 10,000
        self._title_keys: dict[int, tuple[str, tuple[Any, ...]]] = {}
        # units whose format or size a scan has just found, placed in the sort a little
        # later, all at once: results arrive in bursts of a few dozen, several a second
        self._to_place: dict[int, ArchiveUnit] = {}
        self._place_timer = QTimer(self)
        self._place_timer.setSingleShot(True)
        self._place_timer.setInterval(self.PLACE_LATER_MS)
        self._place_timer.timeout.connect(self._place_found)
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
        self._package_rows.clear()
        self._shown.clear()
        self._title_keys.clear()
        self._to_place.clear()
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
        """``unit``'s row among its siblings in the package's order (the order undo
        commands, moves and the manifest use; ``view_row`` is the row shown)."""
        if self._sort_column < 0:
            return _row_in(unit, self.siblings(unit.parent), self._rows)
        return _row_in(unit, self.siblings(unit.parent), self._package_rows)

    def view_row(self, unit: ArchiveUnit) -> int:
        """``unit``'s row as Qt sees it (the column sort's order, if any)."""
        return _row_in(unit, self.shown(unit.parent), self._rows)

    # -- column sort ----------------------------------------------------------------------
    @property
    def sorting(self) -> tuple[int, bool]:
        """(sorted column or -1, descending)."""
        return self._sort_column, self._descending

    def shown(self, parent: ArchiveUnit | None) -> list[ArchiveUnit]:
        """``parent``'s children (None: the roots) in the order shown: the package's
        order, or the sorted column's. Read only: the tree changes through the model."""
        sibs = self._package.roots if parent is None else parent.children
        if self._sort_column < 0:
            return sibs
        shown = self._shown.get(_key(parent))
        if shown is not None and len(shown) == len(sibs):
            return shown
        shown = sorted(sibs, key=self.key_function(), reverse=self._descending)
        self._shown[_key(parent)] = shown
        return shown

    def key_function(self, column: int | None = None) -> Callable[[ArchiveUnit], Any]:
        """The sort key of ``column`` (default: the sorted one) as a one-argument function."""
        col = self._sort_column if column is None else column
        if col == COL_TITLE:
            return self.title_key
        sort_key = self.sort_key
        return lambda unit: sort_key(unit, col)

    def title_key(self, unit: ArchiveUnit) -> tuple[Any, ...]:
        """``title_key`` of ``unit``'s title, kept while the title stays the same."""
        title = unit.title
        cached = self._title_keys.get(unit.uid)
        if cached is not None and cached[0] is title:
            return cached[1]
        key = title_key(title)
        self._title_keys[unit.uid] = (title, key)
        return key

    def prepare_sort(self, parent: ArchiveUnit | None, deadline: float) -> bool:
        """Compute the sort keys of ``parent``'s children until ``deadline``
        (``time.perf_counter``); True when they are all ready and showing them sorts
        quickly. A view opening a folder of 10,000 files calls it a turn at a time."""
        if self._sort_column != COL_TITLE or _key(parent) in self._shown:
            return True
        keys, clock = self._title_keys, time.perf_counter
        for n, unit in enumerate(self.siblings(parent)):
            cached = keys.get(unit.uid)
            if cached is None or cached[0] is not unit.title:
                self.title_key(unit)
                if not n % 256 and clock() > deadline:
                    return False
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show every parent's children sorted by ``column`` (-1: the package's order).

        The package is untouched. Parents are sorted when first shown: a sort costs the
        rows the views look at, not the whole tree."""
        self._settle()
        column = column if 0 <= column < COLUMN_COUNT else -1
        descending = column >= 0 and order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = [(idx, self.unit(idx)) for idx in self.persistentIndexList()]
        self._sort_column, self._descending = column, descending
        self._shown.clear()
        if column != COL_TITLE:
            self._title_keys.clear()
        self._to_place.clear()
        self._package_rows.clear()
        for idx, unit in persistent:
            if unit is not None:
                self.changePersistentIndex(
                    idx, self.createIndex(self.view_row(unit), idx.column(), unit)
                )
        self.layoutChanged.emit()

    def _place(self, unit: ArchiveUnit, shown: list[ArchiveUnit]) -> int:
        """Where ``unit`` goes in the sorted ``shown`` (after its equals, as a stable sort
        of the package would put a unit added last)."""
        key = self.key_function()
        if not self._descending:
            return bisect_right(shown, key(unit), key=key)
        value = _Reversed(key(unit))
        return bisect_right(shown, value, key=lambda u: _Reversed(key(u)))

    def package_row(self, parent: ArchiveUnit | None, view_row: int) -> int:
        """The package row at which something dropped on shown row ``view_row`` goes
        (-1: at the end): the drop's row while sorted means "among these", not a place."""
        if self._sort_column < 0 or view_row < 0:
            return view_row
        return -1

    def unit(self, index: AnyIndex) -> ArchiveUnit | None:
        if not index.isValid():
            return None
        return index.internalPointer()  # type: ignore[no-any-return]

    def index_for(self, unit: ArchiveUnit | None, column: int = 0) -> QModelIndex:
        if unit is None:
            return QModelIndex()
        return self.createIndex(self.view_row(unit), column, unit)

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
            up = parent.internalPointer()
            sibs = up.children
            if self._sort_column >= 0:
                sibs = self._shown.get(up.uid) or self.shown(up)
        else:
            sibs = self._package.roots
            if self._sort_column >= 0:
                sibs = self._shown.get(0) or self.shown(None)
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
        if self._sort_column >= 0:
            sibs = self.shown(above)
        else:
            sibs = self._package.roots if above is None else above.children
        r = self._rows.get(up.uid)
        if r is None or r >= len(sibs) or sibs[r] is not up:
            r = _row_in(up, sibs, self._rows)
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
        if index.internalPointer().children:
            return _FLAGS_TITLE if index.column() == COL_TITLE else _FLAGS_OTHER
        return _FLAGS_LEAF_TITLE if index.column() == COL_TITLE else _FLAGS_LEAF_OTHER

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit: ArchiveUnit = index.internalPointer()
        col = index.column()
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
            return self.title_key(unit)
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
        row = self.package_row(target, row)
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
        if any(unit.parent is not None for unit in units):
            raise ValueError("insert_units expects detached units")
        if self._sort_column >= 0:
            self._insert_sorted(parent, row, units)
            self.structure_changed.emit()
            return
        self.beginInsertRows(self._parent_index(parent), row, row + len(units) - 1)
        for i, unit in enumerate(units):
            _attach(self._package, parent, row + i, unit)
        self.endInsertRows()
        self.structure_changed.emit()

    INSERT_ONE_BY_ONE = 64  # units: above, a sorted insert is one block, then one re-sort

    def _insert_sorted(
        self, parent: ArchiveUnit | None, row: int, units: Sequence[ArchiveUnit]
    ) -> None:
        """``insert_units`` while sorted: each unit shows at its sorted place; many units
        are added as one block of rows, then sorted in one layout change."""
        shown = self.shown(parent)  # as it is before the insert
        p = self._parent_index(parent)
        if len(units) <= self.INSERT_ONE_BY_ONE:
            for i, unit in enumerate(units):
                at = self._place(unit, shown)
                self.beginInsertRows(p, at, at)
                _attach(self._package, parent, row + i, unit)
                shown.insert(at, unit)
                self.endInsertRows()
            return
        first = len(shown)
        self.beginInsertRows(p, first, first + len(units) - 1)
        for i, unit in enumerate(units):
            _attach(self._package, parent, row + i, unit)
        shown.extend(units)
        self.endInsertRows()
        self._resort({_key(parent)})

    def remove_unit(self, unit: ArchiveUnit) -> tuple[ArchiveUnit | None, int]:
        """Detach ``unit`` from the package (the files on disk are never touched)."""
        self._settle()
        parent = unit.parent
        row = self.row_of(unit)
        shown_row = self.view_row(unit)
        self.beginRemoveRows(self._parent_index(parent), shown_row, shown_row)
        if parent is None:
            del self._package.roots[row]
        else:
            del parent.children[row]
            unit.parent = None
        if self._sort_column >= 0:
            del self._shown[_key(parent)][shown_row]
            for below in unit.walk():  # sorted again when shown again
                self._shown.pop(below.uid, None)
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
        sorted_rows = self._sort_column >= 0
        if sorted_rows and same:  # only the package's order changes: the rows stay sorted
            dest.pop(old_row)
            dest.insert(final, unit)
            self.structure_changed.emit()
            return final
        if sorted_rows:  # the unit shows at its sorted place under its new parent
            old_shown, new_shown = self.shown(old_parent), self.shown(new_parent)
            qt_from = self.view_row(unit)
            qt_to = self._place(unit, new_shown)
        else:  # Qt wants the destination row counted before the removal
            qt_from, qt_to = old_row, final + 1 if same and final > old_row else final
        ok = self.beginMoveRows(
            self._parent_index(old_parent),
            qt_from,
            qt_from,
            self._parent_index(new_parent),
            qt_to,
        )
        if not ok:
            raise ValueError("invalid move")
        self.siblings(old_parent).pop(old_row)
        unit.parent = new_parent
        dest.insert(final, unit)
        if sorted_rows:
            old_shown.pop(qt_from)
            new_shown.insert(qt_to, unit)
        self.endMoveRows()
        self.structure_changed.emit()
        return final

    def _keep_sorted(self, units: Iterable[ArchiveUnit]) -> None:
        """After an edit of ``units``' fields: those the sort puts elsewhere now move
        there (one row move for one unit, else one layout change for their parents)."""
        if self._sort_column < 0:
            return
        out = self._out_of_place(units)
        if len(out) <= self.MOVE_ONE_BY_ONE:
            for unit in out:
                self._move_to_place(unit)
            # placed one by one among others still out of place, a row can land beside
            # its place: then the rows are sorted again (the list was sorted but for them)
            out = self._out_of_place(out)
        if out:
            self._resort({_key(u.parent) for u in out})

    def _out_of_place(self, units: Iterable[ArchiveUnit]) -> list[ArchiveUnit]:
        """The shown ``units`` out of order with a neighbour (only edited units can be:
        the rows were sorted before their edit)."""
        key = self.key_function()
        before = (lambda a, b: a > b) if self._descending else (lambda a, b: a < b)
        out: dict[int, ArchiveUnit] = {}
        shown_of = self._shown
        for unit in units:
            shown = shown_of.get(_key(unit.parent))
            if shown is None:
                continue  # not shown yet: sorted when it is
            try:
                i = _row_in(unit, shown, self._rows)
            except ValueError:
                continue  # removed meanwhile
            k = key(unit)
            if (i > 0 and before(k, key(shown[i - 1]))) or (
                i + 1 < len(shown) and before(key(shown[i + 1]), k)
            ):
                out[unit.uid] = unit
        return list(out.values())

    MOVE_ONE_BY_ONE = 16  # units out of place: above, one re-sort of their parents

    def _move_to_place(self, unit: ArchiveUnit) -> None:
        """Move ``unit``'s row to where the sort puts it among the rows shown (its
        equals' order kept: a moved row settles after them)."""
        shown = self._shown[_key(unit.parent)]
        i = self.view_row(unit)
        del shown[i]
        at = self._place(unit, shown)
        shown.insert(i, unit)
        if at == i:
            return
        p = self._parent_index(unit.parent)
        # Qt counts the destination before the removal
        if not self.beginMoveRows(p, i, i, p, at + 1 if at > i else at):
            return
        del shown[i]
        shown.insert(at, unit)
        self.endMoveRows()

    def _resort(self, parents: set[int]) -> None:
        """Sort the rows shown under ``parents`` (uids, 0: the top level) again, in one
        layout change that keeps every persistent index on its unit."""
        self.layoutAboutToBeChanged.emit()
        moved = []
        for idx in self.persistentIndexList():
            u = self.unit(idx)
            if u is not None and _key(u.parent) in parents:
                moved.append((idx, u))
        key = self.key_function()
        for uid in parents:
            shown = self._shown.get(uid)
            if shown is not None:
                shown.sort(key=key, reverse=self._descending)
        for idx, u in moved:
            self.changePersistentIndex(idx, self.createIndex(self.view_row(u), idx.column(), u))
        self.layoutChanged.emit()

    def set_fields(self, unit: ArchiveUnit, values: dict[str, Any]) -> dict[str, Any]:
        """Set description fields; return their previous values (for undo)."""
        self._settle()
        old = {}
        for name, value in values.items():
            old[name] = getattr(unit, name)
            setattr(unit, name, list(value) if isinstance(value, list) else value)
        if self.contains(unit):
            row = self.view_row(unit)
            parent = self._parent_index(unit.parent)
            self.dataChanged.emit(
                self.index(row, 0, parent), self.index(row, COLUMN_COUNT - 1, parent)
            )
            self._keep_sorted([unit])
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
                self._keep_sorted(units)
                self.units_edited.emit(units)
        return olds

    def edited(self, units: list[ArchiveUnit]) -> None:
        """``units_edited`` for a sliced edit's units, once, when it reaches its end (the
        rows it moved in a sorted view move then, not at each slice)."""
        self._keep_sorted(units)
        self.units_edited.emit(units)

    def reorder_children(self, parent: ArchiveUnit | None, order: list[ArchiveUnit]) -> None:
        """Replace the children order of ``parent`` (same units), keeping selections."""
        self._settle()
        sibs = self.siblings(parent)
        if len(order) != len(sibs) or {u.uid for u in order} != {u.uid for u in sibs}:
            raise ValueError("reorder_children needs the same units")
        if self._sort_column >= 0:  # the rows shown stay in the column's order
            sibs[:] = order
            self.structure_changed.emit()
            return
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
        row_of = self.view_row
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
        if self._sort_column in (COL_FORMAT, COL_SIZE):
            self._to_place.update((u.uid, u) for u in units)
            if not self._place_timer.isActive():
                self._place_timer.start()
        return findings

    PLACE_LATER_MS = 700

    def _place_found(self) -> None:
        units = list(self._to_place.values())
        self._to_place.clear()
        self._keep_sorted(units)


def _row_in(unit: ArchiveUnit, sibs: list[ArchiveUnit], rows: dict[int, int]) -> int:
    """``unit``'s index in ``sibs``, through the ``rows`` cache (checked by identity; a
    miss refreshes the whole list at once: one O(n) pass serves all n siblings)."""
    r = rows.get(unit.uid)
    if r is not None and r < len(sibs) and sibs[r] is unit:
        return r
    for i, u in enumerate(sibs):
        rows[u.uid] = i
    r = rows.get(unit.uid)
    if r is None or r >= len(sibs) or sibs[r] is not unit:
        raise ValueError(f"unit {unit.uid} is not in the package")
    return r


def _key(parent: ArchiveUnit | None) -> int:
    """Key of a parent's rows in the sorted-rows cache (0: the top level)."""
    return 0 if parent is None else parent.uid


def _attach(package: Package, parent: ArchiveUnit | None, row: int, unit: ArchiveUnit) -> None:
    if parent is None:
        package.roots.insert(row, unit)
    else:
        unit.parent = parent
        parent.own("children").insert(row, unit)


_DIGITS = re.compile(r"(\d+)")


def title_key(title: str) -> tuple[Any, ...]:
    """A title's sort key as a reader expects it, like the file manager: accents and case
    aside (« École » with the E's), numbers by value (« pièce 2 » before « pièce 10 »)."""
    text = fold(title)
    if _DIGITS.search(text) is None:
        return (text,)
    parts: list[Any] = _DIGITS.split(text)  # text, digits, text...: a type per position
    parts[1::2] = map(int, parts[1::2])
    return tuple(parts)


class _Reversed:
    """A key compared the other way round (bisecting a descending list)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return bool(other.value < self.value)


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
