"""The scan/export findings as a table, in the user's language; double-click jumps to the unit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from seda.findings import Finding, Severity
from ui.formatting import describe_finding
from ui.icons import severity_icon

_ROOT = QModelIndex()
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class FindingsModel(QAbstractTableModel):
    """Rows are ``Finding``s; columns: message, path. Text is computed once per finding."""

    COL_MESSAGE, COL_PATH = range(2)

    def __init__(self, lang: str = "fr", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.findings: list[Finding] = []
        self._text: dict[int, str] = {}  # row -> sentence, filled lazily (visible rows only)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Finding"), self.tr("Where"))[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        f = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row()) if index.column() == self.COL_MESSAGE else f.path
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.text(index.row())}\n{f.path}" if f.path else self.text(index.row())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.COL_MESSAGE:
            return severity_icon(str(f.severity))
        if role == Qt.ItemDataRole.UserRole:
            return f
        return None

    def add(self, findings: Sequence[Finding]) -> None:
        if not findings:
            return
        first = len(self.findings)
        self.beginInsertRows(_ROOT, first, first + len(findings) - 1)
        self.findings.extend(findings)
        self.endInsertRows()

    def text(self, row: int) -> str:
        """The finding as a sentence; made on first display (a scan may yield 10,000+)."""
        text = self._text.get(row)
        if text is None:
            text = self._text[row] = describe_finding(self.findings[row], self.lang)
        return text

    def clear(self) -> None:
        self.beginResetModel()
        self.findings.clear()
        self._text.clear()
        self.endResetModel()

    def counts(self) -> dict[str, int]:
        out = {str(s): 0 for s in Severity}
        for f in self.findings:
            out[str(f.severity)] = out.get(str(f.severity), 0) + 1
        return out


class FindingsView(QTableView):
    """Emits ``unit_requested(uid)`` on double-click of a finding tied to a unit."""

    unit_requested = Signal(int)

    def __init__(self, model: FindingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 520)
        header.setStretchLastSection(True)
        self.doubleClicked.connect(self._activated)
        self.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        finding = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        if finding is not None and finding.unit_uid is not None:
            self.unit_requested.emit(finding.unit_uid)
