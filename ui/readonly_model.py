"""Base for the read-only tree models of the dialogs (rules list, positioning tree)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class ReadOnlyItemModel(QAbstractItemModel):
    """Fixed header labels, selectable but not editable items.

    Subclasses set ``self._headers`` (translated labels, one per column) and implement
    ``index``, ``parent``, ``rowCount`` and ``data``.
    """

    _headers: list[str]

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
        return len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
