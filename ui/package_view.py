"""The package tree's widgets: the search filter proxy, the tree view, the empty-package hint.

``PackageView`` also answers "which units are selected" and selects units, in units of the
package (``ArchiveUnit``), so controllers never handle proxy indexes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    COL_DATES,
    COL_FORMAT,
    COL_LEVEL,
    COL_SIZE,
    COL_TITLE,
    PackageTreeModel,
    SortRole,
    UnitRole,
)


class UnitFilterProxy(QSortFilterProxyModel):
    """Search box filter and column sorting over the tree model.

    Matching is done in one Python pass over the package (``set_search``): the visible set
    holds the matching units, their ancestors (to reach them) and their descendants.
    ``filterAcceptsRow`` is then a set lookup, which keeps 100,000 rows filterable in a
    fraction of a second (Qt's recursive filtering would call back into Python several
    times per row).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.visible: set[int] | None = None
        self.matches: list[int] = []  # uids of the matching units, in tree order (F3)
        self.text = ""

    def set_search(self, text: str) -> int:
        """Filter on ``text`` (empty: show all); returns the number of matching units."""
        self.text = text
        source = self.sourceModel()
        words = fold(text).split()
        if not words or not isinstance(source, PackageTreeModel):
            self._begin_filter_change()
            self.visible = None
            self.matches = []
            self._end_filter_change()
            return 0
        visible: set[int] = set()
        matches: list[int] = []
        for unit in source.package.walk():
            obj = unit.objects[0] if unit.objects else None
            hay = f"{unit.title} {unit.description}"
            if obj is not None:
                hay += f" {obj.filename} {obj.format.name} {obj.format.puid}"
            hay = fold(hay)
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
        self._begin_filter_change()
        self.visible = visible
        self.matches = matches
        self._end_filter_change()
        return len(matches)

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

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        visible = self.visible
        if visible is None:
            return True
        parent = source_parent.internalPointer() if source_parent.isValid() else None
        siblings = parent.children if parent is not None else self.sourceModel().package.roots
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
        header = self.header()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)

    def setModel(self, model: Any) -> None:
        """Resize modes apply to existing sections only: set them once the model is in."""
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        widths = ((COL_LEVEL, 145), (COL_DATES, 170), (COL_FORMAT, 165), (COL_SIZE, 70))
        for col, width in widths:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)

    # -- selection, in units of the package (the view shows them through the proxy) ------
    def unit_at(self, index: QModelIndex) -> ArchiveUnit | None:
        model = self.model()
        if not index.isValid() or not isinstance(model, QSortFilterProxyModel):
            return None
        unit = model.mapToSource(index).data(UnitRole)
        return unit if isinstance(unit, ArchiveUnit) else None

    def selected_units(self) -> list[ArchiveUnit]:
        units = [self.unit_at(i) for i in self.selectionModel().selectedRows(0)]
        return [u for u in units if u is not None]

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
