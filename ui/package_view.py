"""The package tree's widgets: the search filter proxy, the tree view, the empty-package hint.

``PackageView`` also answers "which units are selected" and selects units, in units of the
package (``ArchiveUnit``), so controllers never handle proxy indexes.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QItemSelectionRange,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QRegion, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from seda.model import ArchiveUnit
from seda.referentials.csvcheck import fold
from ui.tree_model import (
    COL_COTE,
    COL_DATES,
    COL_FORMAT,
    COL_LEVEL,
    COL_SIZE,
    COL_TITLE,
    PackageTreeModel,
    UnitRole,
)

_ARCHIVAL_IDS, _ORIGINATING_IDS = attrgetter("archival_ids"), attrgetter("originating_ids")


def any_cote(units: Iterable[ArchiveUnit]) -> bool:
    """Some unit has a cote the Cote column shows (the archives' or the producer's). Read
    through ``map``: a bulk edit of 100,000 units checked them one call each for 110 ms
    of stalled window at its end, 13 ms this way."""
    units = list(units)
    return any(map(_ARCHIVAL_IDS, units)) or any(map(_ORIGINATING_IDS, units))


def at_most(source: PackageTreeModel, limit: int) -> bool:
    """True when the package holds at most ``limit`` units (stops counting there)."""
    for n, _unit in enumerate(source.package.walk()):
        if n >= limit:
            return False
    return True


class UnitFilterProxy(QSortFilterProxyModel):
    """Search box filter and column sorting over the tree model.

    Matching is done in one Python pass over the package (``set_search``): the visible set
    holds the matching units, their ancestors (to reach them) and their descendants.
    ``filterAcceptsRow`` is then a set lookup, which keeps 100,000 rows filterable in a
    fraction of a second (Qt's recursive filtering would call back into Python several
    times per row).
    """

    sort_starting = Signal()  # a big tree's column sort: the view closes its open units
    sort_done = Signal()  # ... and reopens them (in slices)
    SORT_AT_ONCE = 5000  # units up to which the view stays open through a column sort

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column: the package model sorts (``PackageTreeModel.sort``), this
        proxy only filters. On a big tree the view closes its open units first and reopens
        them a few per event-loop turn: laying out 100,000 open rows again at once would
        stall the window."""
        source = self.sourceModel()
        if not isinstance(source, PackageTreeModel):
            super().sort(column, order)
            return
        big = not at_most(source, self.SORT_AT_ONCE)
        if big:
            self.sort_starting.emit()
        source.sort(column, order)
        if big:
            self.sort_done.emit()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.visible: set[int] | None = None
        self.text = ""
        self.last_matches = 0
        self.matches: list[int] = []  # uids of the matching units, in tree order (F3)
        self._result: tuple[str, set[int] | None, list[int], int] = ("", None, [], 0)
        self._total = 0  # units walked by the search whose result is shown
        self._folded: dict[int, tuple[str, str]] = {}  # uid -> (raw text, folded)

    def setSourceModel(self, model: Any) -> None:  # noqa: N802 (Qt's name)
        super().setSourceModel(model)
        self._folded.clear()
        if model is not None:
            model.modelReset.connect(self.forget_folded)

    def set_search(self, text: str) -> int:
        """Filter on ``text`` (empty: show all); returns the number of matching units."""
        for _ in self.search_steps(text):
            pass
        self.apply_result()
        return self.last_matches

    def search_steps(self, text: str, budget: float = 0.0) -> Iterator[None]:
        """Match ``text`` over the package, yielding every ``budget`` seconds of work (0:
        never); ``apply_result`` then shows the result in one filter change. The search
        controller runs it a slice per event-loop turn, so typing in a 100,000-unit package
        never stalls the window; dropping the iterator cancels the search."""
        source = self.sourceModel()
        words = fold(text).split()
        if not words or not isinstance(source, PackageTreeModel):
            self._result = (text, None, [], 0)
            return
        visible: set[int] = set()
        matches: list[int] = []
        hay_of = self._hay
        clock = time.perf_counter
        deadline = clock() + budget
        n = -1
        for n, unit in enumerate(source.package.walk()):
            if budget and not n % 256 and clock() > deadline:
                yield
                deadline = clock() + budget
            hay = hay_of(unit)
            if all(w in hay for w in words):
                matches.append(unit.uid)  # every match counts, below another one too
                if unit.uid in visible:
                    continue  # already shown (with its ancestors) below an earlier match
                for below in unit.walk():
                    visible.add(below.uid)
                for above in unit.ancestors():
                    if above.uid in visible:
                        break
                    visible.add(above.uid)
        self._result = (text, visible, matches, n + 1)

    def apply_result(self) -> None:
        """Filter on the last finished ``search_steps`` (one filter change, none when the
        rows shown stay the same: e.g. a search every unit matches, or its clearing)."""
        text, visible, matches, total = self._result
        self.text = text
        self.matches = matches
        self.last_matches = len(matches)
        before = self.visible if self.visible is None or len(self.visible) < self._total else None
        after = visible if visible is None or len(visible) < total else None
        self._total = total
        if before == after:
            self.visible = visible  # a re-filter of every mapped row would change nothing
            return
        self._begin_filter_change()
        self.visible = visible
        self._end_filter_change()

    def _hay(self, unit: ArchiveUnit) -> str:
        """The folded text ``unit`` is searched in, cached while its fields stay the same
        (the cache checks the raw text, so an edit, a format found later or an undo can
        never leave a stale entry): folding is most of a search's cost."""
        obj = unit.objects[0] if unit.objects else None
        raw = f"{unit.title} {unit.description}"
        if unit.archival_ids or unit.originating_ids:  # « 3 W 12 » finds its unit
            raw += " " + " ".join(unit.archival_ids + unit.originating_ids)
        if obj is not None:
            raw += f" {obj.filename} {obj.format.name} {obj.format.puid}"
        cached = self._folded.get(unit.uid)
        if cached is not None and cached[0] == raw:
            return cached[1]
        folded = fold(raw)
        self._folded[unit.uid] = (raw, folded if folded != raw else raw)
        return folded

    def forget_folded(self) -> None:
        """Drop the folded texts (a new package)."""
        self._folded.clear()

    def _begin_filter_change(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()

    def _end_filter_change(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateRowsFilter()

    def refresh_search(self) -> None:
        if self.visible is not None:
            self.set_search(self.text)

    def hasChildren(self, parent: Any = None) -> bool:  # noqa: N802 (Qt's name)
        """Answered from the package: Qt's own answer builds (filters and sorts) the
        parent's whole row mapping, so laying out 1,000 closed folders of a sorted tree
        sorted all 100,000 rows below them."""
        parent = QModelIndex() if parent is None else parent
        source = self.sourceModel()
        if not parent.isValid() or not isinstance(source, PackageTreeModel):
            return super().hasChildren(parent)
        if parent.column() != 0:
            return False
        unit = source.unit(self.mapToSource(parent))
        if unit is None:
            return False
        visible = self.visible
        if visible is None:
            return bool(unit.children)
        return any(child.uid in visible for child in unit.children)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        visible = self.visible
        if visible is None:
            return True
        parent = source_parent.internalPointer() if source_parent.isValid() else None
        siblings = self.sourceModel().shown(parent)
        return source_row < len(siblings) and siblings[source_row].uid in visible


class PackageView(QTreeView):
    """The tree: extended selection, internal moves by drag and drop, F2 renames."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformRowHeights(True)  # needed for 100,000 rows
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self._selected: list[ArchiveUnit] | None = None
        self._next_selected: list[ArchiveUnit] | None = None  # set by selectAll
        self._selecting = False  # selectAll's own select is running
        self._select_steps: tuple[Iterator[None], int] | None = None  # a big select-all
        self._select_timer = QTimer(self)
        self._select_timer.setInterval(0)
        self._select_timer.timeout.connect(self._select_slice)
        self._selected_key: tuple[Any, ...] = ()
        self._layout_version = 0
        # units to open (None: the top level), with the row of their children to look at
        # next (-1: its rows are mapped, it opens next turn)
        self._expanding: deque[tuple[QPersistentModelIndex | None, int]] = deque()
        self._reopen: set[int] | None = None  # uids to reopen after a sort (None: all)
        self._expand_timer = QTimer(self)
        self._expand_timer.setInterval(0)
        self._expand_timer.timeout.connect(self._expand_slice)
        self._user_sized = False  # a column's width set by hand: fit_columns leaves them
        self._fitting = False
        header = self.header()
        header.sectionResized.connect(self._section_resized)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)

    def setModel(self, model: Any) -> None:
        """Resize modes apply to existing sections only: set them once the model is in."""
        super().setModel(model)
        if model is not None:
            # rows moving under the selection change which units it holds
            for signal in (
                model.layoutChanged,
                model.modelReset,
                model.rowsInserted,
                model.rowsRemoved,
                model.rowsMoved,
            ):
                signal.connect(self._rows_changed)
            if isinstance(model, UnitFilterProxy):
                model.sort_starting.connect(self._before_sort)
                model.sort_done.connect(self._after_sort)
            source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else None
            if isinstance(source, PackageTreeModel):
                source.modelReset.connect(self.show_cote_column)
                source.units_edited.connect(self._units_edited)
                source.rowsInserted.connect(self._units_inserted)
                self.show_cote_column()
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for col in self.NATURAL_WIDTHS:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        if header.visualIndex(COL_COTE) == COL_COTE:  # inventories read cote, then title
            header.moveSection(header.visualIndex(COL_COTE), 1)
        self.fit_columns()

    # -- column widths: the title keeps its room -------------------------------------------
    NATURAL_WIDTHS = {COL_COTE: 90, COL_LEVEL: 145, COL_DATES: 170, COL_FORMAT: 165, COL_SIZE: 70}
    TITLE_SHARE = 0.4  # of the tree's width, at least, while the user has not resized

    def fit_columns(self) -> None:
        """Give the other columns their natural widths, scaled down together (60 px at
        least) when they would leave the title less than ``TITLE_SHARE`` of the width: on a
        1366×768 laptop the fixed columns took all but ~100 px and the titles read
        « Conseil munic… ». Once the user drags a column's edge, their widths are theirs
        (kept with the window's layout)."""
        if self._user_sized:
            return
        header = self.header()
        shown = {c: w for c, w in self.NATURAL_WIDTHS.items() if not self.isColumnHidden(c)}
        room = self.viewport().width() * (1 - self.TITLE_SHARE)
        scale = min(1.0, room / max(1, sum(shown.values())))
        self._fitting = True
        try:
            for col, width in shown.items():
                header.resizeSection(col, max(header.minimumSectionSize(), int(width * scale)))
        finally:
            self._fitting = False

    def _section_resized(self, col: int, _old: int, _new: int) -> None:
        """A column edge dragged with the mouse (not our fitting, not a restored layout)."""
        if not self._fitting and col != COL_TITLE and QApplication.mouseButtons():
            self._user_sized = True

    def user_sized(self) -> bool:
        return self._user_sized

    def set_user_sized(self, by_hand: bool) -> None:
        """Restored with the window's layout: widths dragged by hand stay; else refit."""
        self._user_sized = by_hand
        self.fit_columns()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    # -- the Cote column: shown once some unit has a cote -------------------------------------
    def show_cote_column(self) -> None:
        """Hide the Cote column while no unit has one (a scanned folder): the title keeps
        the room; a package read or numbered with cotes shows it."""
        source = self._source()
        has = source is not None and any_cote(source.package.walk())
        self._show_cote(has)

    def _show_cote(self, shown: bool) -> None:
        if self.isColumnHidden(COL_COTE) == shown:
            self.setColumnHidden(COL_COTE, not shown)
            self.fit_columns()

    def _source(self) -> PackageTreeModel | None:
        proxy = self.model()
        source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else None
        return source if isinstance(source, PackageTreeModel) else None

    def _units_edited(self, units: list[ArchiveUnit]) -> None:
        if self.isColumnHidden(COL_COTE) and any_cote(units):
            self._show_cote(True)

    def _units_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        source = self._source()
        if source is None or not self.isColumnHidden(COL_COTE):
            return
        up = source.unit(parent)
        added = source.shown(up)[first : last + 1]
        # looked at a turn later: a scan's 20,000 new units are many to walk in the turn
        # that inserts them (that turn already lays them out)
        QTimer.singleShot(0, self, lambda: self._check_cotes(added))

    def _check_cotes(self, tops: list[ArchiveUnit]) -> None:
        if self.isColumnHidden(COL_COTE) and any_cote(u for top in tops for u in top.walk()):
            self._show_cote(True)

    # -- expand all, in slices -------------------------------------------------------------
    EXPAND_SLICE = 0.025  # seconds of expanding per event-loop turn
    EXPAND_AT_ONCE = 5000  # units up to which "Expand all" is one call
    OPEN_ALONE = 2000  # rows: a folder this big opens in a turn of its own (10,000: ~80 ms)

    def expand_all(self) -> None:
        """Open every unit. A large tree opens a few folders per event-loop turn (each
        laid out alone, ~1 ms per hundred rows) instead of one layout of everything
        (1-2 s for 100,000 units in ``expandAll``); ``collapseAll`` stops it."""
        self._expanding.clear()
        proxy = self.model()
        source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else None
        if not isinstance(source, PackageTreeModel):
            super().expandAll()
            return
        if at_most(source, self.EXPAND_AT_ONCE):
            super().expandAll()
            return
        self._reopen = None
        self._expanding = deque([(None, 0)])  # None: the top level
        self._expand_timer.start()

    @property
    def expanding(self) -> bool:
        return bool(self._expanding)

    def _expand_slice(self) -> None:
        """Open units until the slice's time is up. A unit's children are looked at a few
        at a time; a parent's rows are first sorted (its keys a turn at a time) and mapped,
        and a big parent then opens in a turn of its own."""
        proxy = self.model()
        source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else None
        pending = self._expanding
        if not isinstance(source, PackageTreeModel):
            pending.clear()
        clock = time.perf_counter
        deadline = clock() + self.EXPAND_SLICE
        one_done = False
        while pending:  # at least one per turn, then until the slice's time is up
            if clock() > deadline and one_done:
                break
            one_done = True
            assert isinstance(source, PackageTreeModel)
            persistent, start = pending[0]
            if persistent is None:
                parent = QModelIndex()
            elif persistent.isValid():
                parent = QModelIndex(persistent)
            else:
                pending.popleft()
                continue  # removed (or filtered out) meanwhile
            unit = source.unit(proxy.mapToSource(parent)) if parent.isValid() else None
            if parent.isValid():
                if start == 0:  # first its rows are sorted and mapped, then it opens
                    if not source.prepare_sort(unit, deadline):
                        break  # its sort keys, a turn at a time (10,000 titles: 74 ms)
                    rows = len(source.shown(unit))
                    proxy.rowCount(parent)
                    if clock() > deadline or rows > self.OPEN_ALONE:
                        pending[0] = (persistent, -1)
                        break
                if start <= 0:
                    self.expand(parent)
                    start = 0
            only = self._reopen
            children = source.shown(unit)
            row = start
            while row < len(children):
                child = children[row]
                row += 1
                if child.children and (only is None or child.uid in only):
                    index = proxy.mapFromSource(source.index_for(child))
                    if index.isValid():
                        pending.append((QPersistentModelIndex(index), 0))
                    if clock() > deadline:
                        break
            if row < len(children):
                pending[0] = (persistent, row)  # the rest of its children next turn
                break
            pending.popleft()
        if not pending:
            self._expand_timer.stop()
            self._reopen = None

    # -- column sort: what is shown is sorted, then the open units reopen in slices ----------
    def _before_sort(self) -> None:
        """Remember the open units and close them: the proxy then sorts only the rows the
        view shows (sorting every open folder's rows at once took 3-5 s for 100k units)."""
        proxy = self.model()
        source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else None
        if not isinstance(source, PackageTreeModel):
            return
        # still reopening after a previous sort (Qt sorts twice on a header click)
        opened: set[int] = set(self._reopen or ()) if self._expanding else set()
        pending: list[ArchiveUnit | None] = [None]
        while pending:
            unit = pending.pop()
            for child in source.siblings(unit):
                if child.children:
                    index = proxy.mapFromSource(source.index_for(child))
                    if index.isValid() and self.isExpanded(index):
                        opened.add(child.uid)
                        pending.append(child)
        self.collapseAll()
        self._reopen = opened

    def _after_sort(self) -> None:
        if self._reopen:
            self._expanding = deque([(None, 0)])
            self._expand_timer.start()
        else:
            self._reopen = None

    def collapseAll(self) -> None:  # noqa: N802 (Qt's name)
        self._expanding.clear()
        self._reopen = None
        self._expand_timer.stop()
        super().collapseAll()

    BIG_CHANGE = 64  # rows: above, a change repaints without asking about every row

    def dataChanged(  # noqa: N802 (Qt's name)
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Any = ()
    ) -> None:
        """A change of many rows (a bulk edit, its undo) repaints the view once.

        ``QTreeView.dataChanged`` re-reads each open row of the range (its flags, children
        and index, from Python: 3 s for 100,000 rows); field edits change neither row
        heights (uniform) nor children, so the item view's repaint is all that is needed.
        Rows the viewport does not show need nothing: a sliced bulk edit changes rows far
        from it in most of its slices, each slice repainted the whole viewport."""
        if (
            top_left.isValid()
            and bottom_right.isValid()
            and self._not_shown(top_left, bottom_right)
        ):
            return
        if (
            top_left.isValid()
            and bottom_right.isValid()
            and bottom_right.row() - top_left.row() >= self.BIG_CHANGE
        ):
            QAbstractItemView.dataChanged(self, top_left, bottom_right, list(roles or ()))
            return
        super().dataChanged(top_left, bottom_right, list(roles or ()))

    def _not_shown(self, top_left: QModelIndex, bottom_right: QModelIndex) -> bool:
        """True when rows ``top_left``..``bottom_right`` (one parent) are all out of the
        viewport: above or below it, or under a closed unit."""
        top = self.visualRect(top_left.siblingAtColumn(0))
        bottom = self.visualRect(bottom_right.siblingAtColumn(0))
        if not top.isValid() and not bottom.isValid():
            return top_left.parent().isValid() and not self.isExpanded(top_left.parent())
        if not top.isValid() or not bottom.isValid():
            return False
        return bottom.bottom() < 0 or top.top() > self.viewport().height()

    # -- selection, in units of the package (the view shows them through the proxy) ------
    def unit_at(self, index: QModelIndex) -> ArchiveUnit | None:
        model = self.model()
        if not index.isValid() or not isinstance(model, QSortFilterProxyModel):
            return None
        unit = model.mapToSource(index).data(UnitRole)
        return unit if isinstance(unit, ArchiveUnit) else None

    def setSelectionModel(self, selection_model: QItemSelectionModel) -> None:
        super().setSelectionModel(selection_model)
        selection_model.selectionChanged.connect(self._forget_selection)

    def _forget_selection(self, *_args: Any) -> None:
        if not self._selecting:
            self._select_steps = None  # the user chose another selection meanwhile
        self._selected = self._next_selected
        if self._selected is not None:
            self._selected_key = self._selection_key()

    def _rows_changed(self, *_args: Any) -> None:
        self._layout_version += 1
        self._selected = None

    def selected_units(self) -> list[ArchiveUnit]:
        """The selected units, in the selection's order (read once per selection change:
        the window asks at every change of the undo stack).

        Read from the selection's ranges, not ``selectedRows``: that one asks the model
        for parents and flags of every row (seconds for a select-all of 100,000 units);
        a range of rows under one parent is a slice of the parent's children as shown
        (``PackageTreeModel.shown``: the column sort is the model's) when the proxy does
        not filter."""
        cached = self._selected
        if cached is not None and self._selected_key == self._selection_key():
            return list(cached)
        units = self._read_selection()
        self._selected = units
        self._selected_key = self._selection_key()
        return list(units)

    def _selection_key(self) -> tuple[Any, ...]:
        """What the cached selection depends on besides the selection itself: the rows
        under it may have moved (sort, filter, edits of the tree)."""
        proxy = self.model()
        return (
            self.selectionModel(),
            proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else None,
            self._layout_version,
        )

    def _read_selection(self) -> list[ArchiveUnit]:
        proxy = self.model()
        if not isinstance(proxy, QSortFilterProxyModel):
            return []
        source = proxy.sourceModel()
        if not isinstance(source, PackageTreeModel):
            return []
        identity = getattr(proxy, "visible", None) is None  # the proxy never sorts
        out: list[ArchiveUnit] = []
        seen: set[int] = set()
        for rng in self.selectionModel().selection():
            if rng.left() > 0:
                continue  # rows are selected whole: column 0 stands for the row
            parent = rng.parent()
            top, bottom = rng.top(), rng.bottom()
            if identity:
                parent_unit = source.unit(proxy.mapToSource(parent)) if parent.isValid() else None
                units = source.shown(parent_unit)[top : bottom + 1]
            else:
                units = []
                for row in range(top, bottom + 1):
                    unit = source.unit(proxy.mapToSource(proxy.index(row, 0, parent)))
                    if unit is not None:
                        units.append(unit)
            for unit in units:
                if unit.uid not in seen:
                    seen.add(unit.uid)
                    out.append(unit)
        return out

    SELECT_SLICE = 0.015  # seconds of a big select-all's reading per event-loop turn
    SELECT_AT_ONCE = 5000  # units up to which select-all is done at once

    @property
    def selecting_all(self) -> bool:
        """A big select-all is reading the open units (it selects when done)."""
        return self._select_steps is not None

    def selectAll(self) -> None:  # noqa: N802 (Qt's name)
        """Select every shown row: one range per open parent, given to the selection at once.

        ``QTreeView.selectAll`` walks every shown row asking the model for its parent
        (millions of calls into Python: 5-9 s for 100,000 expanded units). When the proxy
        does not filter, the selected units are known here (each range is a slice of its
        parent's children as shown): they are kept for ``selected_units``, which then
        needs no read of the selection's ranges. A big tree's open units are read a slice
        per event-loop turn, then selected at once (a change of the rows meanwhile starts
        over; a click elsewhere drops it)."""
        proxy = self.model()
        sel = self.selectionModel()
        single = (
            QAbstractItemView.SelectionMode.SingleSelection,
            QAbstractItemView.SelectionMode.NoSelection,
        )
        if proxy is None or sel is None or self.selectionMode() in single:
            return
        source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else None
        if not isinstance(source, PackageTreeModel):
            super().selectAll()
            return
        if at_most(source, self.SELECT_AT_ONCE):
            for _ in self._select_all_steps(proxy, source, sel, 0.0):
                pass
            return
        self._select_steps = (
            self._select_all_steps(proxy, source, sel, self.SELECT_SLICE),
            self._layout_version,
        )
        self._select_timer.start()

    def _select_slice(self) -> None:
        entry = self._select_steps
        if entry is None:
            self._select_timer.stop()
            return
        steps, version = entry
        if version != self._layout_version:  # rows changed under it: start over
            self._select_steps = None
            self._select_timer.stop()
            self.selectAll()
            return
        try:
            next(steps)
        except StopIteration:
            self._select_steps = None
            self._select_timer.stop()

    def _select_all_steps(
        self,
        proxy: QSortFilterProxyModel,
        source: PackageTreeModel,
        sel: QItemSelectionModel,
        budget: float,
    ) -> Iterator[None]:
        """Read the open units (yielding every ``budget`` s; 0: never), then select."""
        clock = time.perf_counter
        deadline = clock() + budget
        identity = getattr(proxy, "visible", None) is None  # the proxy never sorts
        last_col = proxy.columnCount() - 1
        selection = QItemSelection()
        units: list[ArchiveUnit] = []
        pending: list[tuple[QModelIndex, ArchiveUnit | None]] = [(QModelIndex(), None)]
        is_expanded = self.isExpanded
        while pending:
            if budget and clock() > deadline:
                yield
                deadline = clock() + budget
            parent, parent_unit = pending.pop()
            rows = proxy.rowCount(parent)
            if rows == 0:
                continue
            # a range as such: ``QItemSelection.select`` compares both ends' parents first
            # (the proxy asks the model for them: a third of a select-all's time)
            selection.append(
                QItemSelectionRange(
                    proxy.index(0, 0, parent), proxy.index(rows - 1, last_col, parent)
                )
            )
            children = source.shown(parent_unit)
            if identity:
                units.extend(children)
            opened = []
            for row, child in enumerate(children):
                if not child.children:  # only units with children can be open
                    continue
                if identity:  # proxy rows are the model's rows
                    index = proxy.index(row, 0, parent)
                else:
                    index = proxy.mapFromSource(source.index_for(child))
                if index.isValid() and is_expanded(index):
                    opened.append((index, child))
            # ranges in the tree's order: painting a row asks the selection range by range
            # until one holds it, so the rows at the top are answered first
            opened.sort(key=lambda entry: entry[0].row(), reverse=True)
            pending.extend(opened)
        if selection.isEmpty():
            return
        # Not with ``Rows``: the ranges already span every column, and Qt "expands" them
        # by merging each into the others (quadratic, parents asked from Python).
        # what _read_selection would read, in the same order: known before the selection
        # tells its listeners (the window reads it at once)
        self._next_selected = units if identity else None
        self._selecting = True
        try:
            sel.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._next_selected = None
            self._selecting = False

    BIG_SELECTION = 64  # ranges: above, a selection change repaints the whole viewport

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:  # noqa: N802
        """The viewport, for a selection of many ranges (a select-all of an expanded tree):
        Qt unites a rectangle per range, visible or not (45 ms for 1,000 open folders),
        to repaint the few rows the viewport shows."""
        if selection.size() > self.BIG_SELECTION:
            return QRegion(self.viewport().rect())
        return super().visualRegionForSelection(selection)

    def current_unit(self) -> ArchiveUnit | None:
        return self.unit_at(self.currentIndex())

    def view_index(self, unit: ArchiveUnit) -> QModelIndex:
        """The view's index of ``unit`` (invalid when filtered out by the search)."""
        proxy = self.model()
        assert isinstance(proxy, QSortFilterProxyModel)
        source = proxy.sourceModel()
        assert isinstance(source, PackageTreeModel)
        return proxy.mapFromSource(source.index_for(unit))

    def select_units(self, units: Sequence[ArchiveUnit]) -> None:
        """Select ``units`` (the first one current and scrolled to), opening their parents."""
        sel = self.selectionModel()
        sel.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for i, unit in enumerate(units):
            idx = self.view_index(unit)
            if not idx.isValid():
                continue
            parent = idx.parent()
            while parent.isValid():
                self.expand(parent)
                parent = parent.parent()
            if i == 0:
                sel.setCurrentIndex(idx, flags)
                self.scrollTo(idx)
            else:
                sel.select(idx, flags)

    def expand_unit(self, unit: ArchiveUnit) -> None:
        self.expand(self.view_index(unit))


class DropHint(QWidget):
    """Shown while the package is empty: says what to do, in the user's words."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Drop your folders here"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Drag one or more folders (or files) from the file manager onto this "
                "window. Verso reads them, identifies every file and prepares the "
                "description; nothing is changed on your disk."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(self.tr("Open a folder…"), self)
        button.clicked.connect(self.open_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        layout.setContentsMargins(40, 20, 40, 20)
