"""The rules panel's table: per category, a unit's own and inherited rules with end dates."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
)

from seda.model import (
    RuleCategory,
)
from ui.readonly_model import ReadOnlyItemModel
from ui.rules_common import (
    _ROOT,
    CATEGORY_ORDER,
    COL_DURATION,
    COL_END,
    COL_FINAL,
    COL_LABEL,
    COL_ORIGIN,
    COL_RULE,
    COL_START,
    COLUMN_COUNT,
    AnyIndex,
    CategoryRole,
    RowRole,
    RuleRow,
    _CategoryNode,
    category_label,
    final_action_label,
    format_date,
)


class RulesModel(ReadOnlyItemModel):
    """Categories as top-level rows, the rules that apply as their children."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._nodes = [_CategoryNode(c) for c in CATEGORY_ORDER]
        self._row_parent: dict[int, int] = {}  # id(RuleRow) -> category row
        self._headers = [
            self.tr("Règle"),
            self.tr("Intitulé"),
            self.tr("Date de départ"),
            self.tr("Durée"),
            self.tr("Date de fin"),
            self.tr("Sort final"),
            self.tr("Origine"),
        ]

    def set_rows(
        self, rows: dict[str, list[RuleRow]], blocks: dict[str, RuleCategory | None]
    ) -> None:
        self.beginResetModel()
        self._nodes = [
            _CategoryNode(c, list(rows.get(c, [])), blocks.get(c)) for c in CATEGORY_ORDER
        ]
        self._row_parent = {id(r): i for i, n in enumerate(self._nodes) for r in n.rows}
        self.endResetModel()

    # -- lookups -----------------------------------------------------------------------------
    def rows(self, category: str | None = None) -> list[RuleRow]:
        return [r for n in self._nodes if category in (None, n.category) for r in n.rows]

    def row_at(self, index: AnyIndex) -> RuleRow | None:
        ptr = index.internalPointer() if index.isValid() else None
        return ptr if isinstance(ptr, RuleRow) else None

    def category_at(self, index: AnyIndex) -> str | None:
        if not index.isValid():
            return None
        ptr = index.internalPointer()
        if isinstance(ptr, RuleRow):
            return ptr.category
        return ptr.category if isinstance(ptr, _CategoryNode) else None

    def category_index(self, category: str, column: int = 0) -> QModelIndex:
        return self.index(CATEGORY_ORDER.index(category), column)

    def find(self, rule_id: str, category: str | None = None, column: int = 0) -> QModelIndex:
        """Index of the first row with ``rule_id`` (invalid when none)."""
        for i, node in enumerate(self._nodes):
            if category not in (None, node.category):
                continue
            for j, row in enumerate(node.rows):
                if row.rule_id == rule_id:
                    return self.index(j, column, self.index(i, 0))
        return QModelIndex()

    # -- QAbstractItemModel --------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if column < 0 or column >= COLUMN_COUNT or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._nodes):
                return QModelIndex()
            return self.createIndex(row, column, self._nodes[row])
        ptr = parent.internalPointer()
        if parent.column() != 0 or not isinstance(ptr, _CategoryNode) or row >= len(ptr.rows):
            return QModelIndex()
        return self.createIndex(row, column, ptr.rows[row])

    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        ptr = index.internalPointer()
        if isinstance(ptr, RuleRow):
            i = self._row_parent.get(id(ptr))
            if i is not None:
                return self.createIndex(i, 0, self._nodes[i])
        return QModelIndex()

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._nodes)
        ptr = parent.internalPointer()
        if parent.column() == 0 and isinstance(ptr, _CategoryNode):
            return len(ptr.rows)
        return 0

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ptr = index.internalPointer()
        if isinstance(ptr, _CategoryNode):
            return self._category_data(ptr, index.column(), role)
        if isinstance(ptr, RuleRow):
            return self._row_data(ptr, index.column(), role)
        return None

    def _category_data(self, node: _CategoryNode, column: int, role: int) -> Any:
        if role == CategoryRole:
            return node.category
        if role == RowRole:
            return None
        block = node.block
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_RULE:
                return category_label(node.category)
            if column == COL_LABEL:
                notes = []
                if not node.rows:
                    notes.append(self.tr("aucune règle"))
                if block is not None and block.prevent_inheritance:
                    notes.append(self.tr("héritage bloqué"))
                if block is not None and block.ref_non_rule_ids:
                    notes.append(
                        self.tr("n'hérite pas de : %1").replace(
                            "%1", ", ".join(block.ref_non_rule_ids)
                        )
                    )
                return " ; ".join(notes)
            if column == COL_FINAL and block is not None and block.final_action:
                return final_action_label(block.final_action)
        if role == Qt.ItemDataRole.FontRole and column == COL_RULE:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _row_data(self, row: RuleRow, column: int, role: int) -> Any:
        if role == RowRole:
            return row
        if role == CategoryRole:
            return row.category
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                COL_RULE: row.rule_id,
                COL_LABEL: row.label,
                COL_START: format_date(row.start_date) or self.tr("sans date"),
                COL_DURATION: row.duration,
                COL_END: format_date(row.end_date),
                COL_FINAL: final_action_label(row.final_action) if row.final_action else "",
                COL_ORIGIN: row.origin_text,
            }
            return values.get(column)
        if role == Qt.ItemDataRole.ForegroundRole and row.inherited:
            return QBrush(QColor(128, 128, 128))
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [p for p in (row.label, row.description) if p]
            if column == COL_END and not row.end_date:
                parts.append(
                    self.tr(
                        "Pas de date de fin : règle sans date de départ, illimitée ou inconnue du référentiel."
                    )
                )
            return "\n".join(parts) or None
        return None


# -- the rule picker -------------------------------------------------------------------------
