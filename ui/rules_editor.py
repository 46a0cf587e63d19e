"""The "Règles de gestion" panel: a unit's own and inherited rules, with their end dates.

Referents set a rule once on a folder (or on the whole transfer) and must see, before the
deposit, what each document really gets and when it ends; so the panel shows per category
the unit's own rules and the ones it inherits (greyed, with where they come from), each with
its end date computed by ``seda.rules.effective_rules``.

API (for the main window / transfer dialog)::

    editor = RulesEditor(parent)
    editor.set_context(package, units, referential, undo_stack)   # on selection change
    editor.units_changed.connect(tree_model_refresh)               # after edit / undo / redo
    editor.refresh()                                               # model edited elsewhere

    pkg = PackageRulesEditor(parent)                               # package.header.management
    pkg.set_package(package, referential, undo_stack)
    pkg.header_changed.connect(...)                                # plus units_changed(roots)

Every change is ONE ``SetManagementCommand`` on the given ``QUndoStack``, whatever the
number of selected units (it keeps deep copies of each target's Management before and
after). With several units selected the panel shows the first one's rules; additions,
removals and options apply to all of them. Programmatic entry points used by the buttons
(and tests): ``apply_choice(category, RuleChoice)``, ``remove_rule(category, rule_id)``,
``block_inherited(category, rule_id)``. ``RulePickerDialog`` is the per-category rule
picker (search by code or label, accent-insensitive).

Translation contexts: ``RulesEditor`` (module-level labels too; its ``tr`` keeps that
context in ``PackageRulesEditor``), ``RulesModel``, ``RulePickerDialog``,
``PackageRulesEditor``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QStandardItem,
    QStandardItemModel,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import labels
from app.i18n import current_language
from seda.model import (
    FINAL_ACTIONS,
    RULE_CATEGORIES,
    ArchiveUnit,
    Management,
    Package,
    Rule,
    RuleCategory,
    TransferHeader,
)
from seda.referentials import RuleDef, RulesReferential
from seda.rules import EffectiveRule, effective_rules
from ui.readonly_model import ReadOnlyItemModel

# Display order: what communes use most first (DUA, communicabilité).
_FIRST = ("AppraisalRule", "AccessRule")
CATEGORY_ORDER = _FIRST + tuple(c for c in RULE_CATEGORIES if c not in _FIRST)

START_UNIT_END = "unit_end"  # each unit's EndDate
START_FIXED = "fixed"
START_NONE = "none"

COL_RULE, COL_LABEL, COL_START, COL_DURATION, COL_END, COL_FINAL, COL_ORIGIN = range(7)
COLUMN_COUNT = 7
RowRole = Qt.ItemDataRole.UserRole + 1  # the RuleRow (None on a category row)
CategoryRole = Qt.ItemDataRole.UserRole + 2  # the category name, on every row

Target = ArchiveUnit | TransferHeader  # anything with a ``management``
AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_MIN_DATE = QDate(1000, 1, 1)
_MAX_DATE = QDate(8999, 12, 31)  # the SAE refuses start dates from year 9000


def category_label(category: str) -> str:
    """A rule category as archivists say it (``app.labels``, the window's language)."""
    return labels.category_label(category, current_language())


def final_action_label(value: str) -> str:
    return labels.final_action_label(value, current_language())


def duration_label(rule: RuleDef | None) -> str:
    """ "10 ans", "6 mois", "illimitée"; "" when unknown (no referential, no duration)."""
    if rule is None:
        return ""
    n = rule.duration
    if n is None:
        return QCoreApplication.translate("RulesEditor", "illimitée") if rule.measurement else ""
    unit = rule.measurement.upper()
    if unit == "YEAR":
        text = (
            QCoreApplication.translate("RulesEditor", "%1 an")
            if n <= 1
            else QCoreApplication.translate("RulesEditor", "%1 ans")
        )
    elif unit == "MONTH":
        text = QCoreApplication.translate("RulesEditor", "%1 mois")
    elif unit == "DAY":
        text = (
            QCoreApplication.translate("RulesEditor", "%1 jour")
            if n <= 1
            else QCoreApplication.translate("RulesEditor", "%1 jours")
        )
    else:
        return f"{n} {rule.measurement}"
    return text.replace("%1", str(n))


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value is not None else ""


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


# -- editing the model: one undoable command ------------------------------------------------
class SetManagementCommand(QUndoCommand):
    """Replace the Management of several units (or of the package header) at once.

    Holds deep copies before and after, so later edits of the live objects cannot leak
    into the undo history. ``notify(targets)`` runs after each redo/undo.
    """

    def __init__(
        self,
        targets: Sequence[Target],
        afters: Sequence[Management],
        text: str,
        notify: Callable[[list[Target]], None] | None = None,
    ) -> None:
        super().__init__(text)
        if len(targets) != len(afters):
            raise ValueError("one Management per target")
        self.targets = list(targets)
        self.befores = [copy.deepcopy(t.management) for t in self.targets]
        self.afters = [copy.deepcopy(m) for m in afters]
        self.notify = notify

    def _apply(self, states: list[Management]) -> None:
        for target, state in zip(self.targets, states, strict=True):
            # in place: whoever holds the unit's Management object sees the change
            target.management.rules = copy.deepcopy(state.rules)
        if self.notify is not None:
            try:
                self.notify(list(self.targets))
            except RuntimeError:  # the panel was deleted; the command still works
                self.notify = None

    def redo(self) -> None:
        self._apply(self.afters)

    def undo(self) -> None:
        self._apply(self.befores)


@dataclass(slots=True)
class RuleChoice:
    """What the picker dialog decided; ``None`` fields leave the block's value unchanged."""

    rule_id: str | None  # None: only the category's options change
    start_mode: str = START_UNIT_END
    start_date: date | None = None  # used with START_FIXED
    replace_rule_id: str | None = None  # editing: the rule being replaced
    final_action: str | None = None
    prevent_inheritance: bool | None = None
    ref_non_rule_ids: list[str] | None = None
    classification: dict[str, Any] | None = None  # RuleCategory classification_* fields
    hold: dict[str, Any] | None = None  # the chosen Rule's hold_* / prevent_rearrangement

    def start_for(self, unit_end: date | None) -> date | None:
        if self.start_mode == START_FIXED:
            return self.start_date
        if self.start_mode == START_UNIT_END:
            return unit_end
        return None


# Rule fields a HoldRule's picker sets (SEDA HoldRuleDefGroup after Rule/StartDate).
_HOLD_FIELDS = (
    "hold_end_date",
    "hold_owner",
    "hold_reassessing_date",
    "hold_reason",
    "prevent_rearrangement",
)


def _prune(management: Management, category: str) -> None:
    """Drop a block left with nothing the SAE would read."""
    block = management.rules.get(category)
    if block is not None and not (
        block.rules or block.prevent_inheritance or block.ref_non_rule_ids
    ):
        del management.rules[category]


def apply_choice(
    management: Management, category: str, choice: RuleChoice, unit_end: date | None
) -> Management:
    """A new Management with ``choice`` applied to ``category`` (the input is not touched)."""
    out = copy.deepcopy(management)
    block = out.category(category)
    before = {r.rule_id: r for r in block.rules}
    if choice.replace_rule_id:
        block.rules = [r for r in block.rules if r.rule_id != choice.replace_rule_id]
    if choice.rule_id:
        rule = Rule(choice.rule_id, choice.start_for(unit_end))
        # HoldRule extras belong to each rule (SEDA's HoldRuleDefGroup): the choice's, or
        # else those of the rule being replaced, so editing a start date keeps them.
        previous = before.get(choice.rule_id) or before.get(choice.replace_rule_id or "")
        if choice.hold is not None:
            for key, value in choice.hold.items():
                if key not in _HOLD_FIELDS:
                    raise AttributeError(f"Rule has no hold field {key!r}")
                setattr(rule, key, value)
        elif previous is not None:
            for key in _HOLD_FIELDS:
                setattr(rule, key, getattr(previous, key))
        for i, existing in enumerate(block.rules):
            if existing.rule_id == rule.rule_id:
                block.rules[i] = rule
                break
        else:
            block.rules.append(rule)
        if rule.rule_id in block.ref_non_rule_ids:  # declaring it again un-blocks it
            block.ref_non_rule_ids.remove(rule.rule_id)
    if choice.final_action is not None:
        block.final_action = choice.final_action
    if choice.prevent_inheritance is not None:
        block.prevent_inheritance = choice.prevent_inheritance
    if choice.ref_non_rule_ids is not None:
        block.ref_non_rule_ids = list(choice.ref_non_rule_ids)
    for key, value in (choice.classification or {}).items():
        if not hasattr(block, key):
            raise AttributeError(f"RuleCategory has no field {key!r}")
        setattr(block, key, value)
    _prune(out, category)
    return out


# -- the panel's item model ----------------------------------------------------------------
@dataclass(slots=True, eq=False)
class RuleRow:
    """One line of the panel: a rule that applies (own or inherited)."""

    category: str
    rule_id: str
    label: str = ""
    description: str = ""
    start_date: date | None = None
    duration: str = ""  # French, e.g. "10 ans"
    end_date: date | None = None
    final_action: str = ""
    inherited: bool = False
    origin_unit: ArchiveUnit | None = None  # None with inherited: the package level
    origin_text: str = ""


@dataclass(slots=True, eq=False)
class _CategoryNode:
    category: str
    rows: list[RuleRow] = field(default_factory=list)
    block: RuleCategory | None = None  # the target's own block


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
class RulePickerDialog(QDialog):
    """Choose a rule of one category and the category block's options.

    ``inherited_ids``: rule ids the target inherits in this category (for RefNonRuleId).
    ``unit_end``: None in package mode (no unit EndDate to start from); in unit mode the
    date shown next to "Date de fin de l'unité" (``date.min`` when it differs per unit).
    ``options_only``: edit the block's options without adding a rule.
    """

    def __init__(
        self,
        category: str,
        referential: RulesReferential | None,
        *,
        block: RuleCategory | None = None,
        rule: Rule | None = None,
        inherited_ids: Sequence[str] = (),
        unit_mode: bool = True,
        unit_end: date | None = None,
        default_start: date | None = None,
        options_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.category = category
        self.referential = referential
        self.options_only = options_only
        self._editing = rule
        self._unit_end = unit_end if unit_mode else None
        self.setWindowTitle(
            self.tr("Règle de gestion : %1").replace("%1", category_label(category))
        )
        block = block if block is not None else RuleCategory(category)
        layout = QVBoxLayout(self)

        # rule choice
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher par code ou intitulé…"))
        self.search.setClearButtonEnabled(True)
        self.rules_model = QStandardItemModel(0, 3, self)
        self.rules_model.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Intitulé"), self.tr("Durée")]
        )
        self.rules_view = QTableView()
        self.rules_view.setModel(self.rules_model)
        self.rules_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rules_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rules_view.verticalHeader().hide()
        header = self.rules_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.free_id = QLineEdit()
        self.free_id.setPlaceholderText(self.tr("Identifiant de la règle, ex. APP-00001"))
        self.free_warning = QLabel(
            self.tr(
                "Aucun référentiel des règles n'est chargé : saisissez l'identifiant exact "
                "donné par le service d'archives. Un identifiant inconnu fera refuser le versement."
            )
        )
        self.free_warning.setWordWrap(True)
        self.free_warning.setStyleSheet("color: #a15c00;")
        rule_box = QGroupBox(self.tr("Règle"))
        rule_layout = QVBoxLayout(rule_box)
        if referential is not None:
            rule_layout.addWidget(self.search)
            rule_layout.addWidget(self.rules_view, 1)
            rule_layout.addWidget(self.description)
        else:
            rule_layout.addWidget(self.free_warning)
            rule_layout.addWidget(self.free_id)
        # start date
        self.start_mode = QComboBox()
        if unit_mode:
            text = self.tr("Date de fin de l'unité")
            if unit_end is not None and unit_end != date.min:
                text += f" ({format_date(unit_end)})"
            elif unit_end == date.min:
                text += self.tr(" (celle de chaque unité)")
            else:
                text += self.tr(" (non renseignée)")
            self.start_mode.addItem(text, START_UNIT_END)
        self.start_mode.addItem(self.tr("Date choisie"), START_FIXED)
        self.start_mode.addItem(self.tr("Sans date de départ"), START_NONE)
        self.start_date = QDateEdit()
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat("dd/MM/yyyy")
        self.start_date.setDateRange(_MIN_DATE, _MAX_DATE)
        self.start_date.setDate(to_qdate(default_start or date.today()))
        start_row = QHBoxLayout()
        start_row.addWidget(self.start_mode)
        start_row.addWidget(self.start_date)
        rule_form = QFormLayout()
        rule_form.addRow(self.tr("Date de départ du calcul :"), start_row)
        # HoldRule extras are per rule in SEDA: they go with the rule, not the category.
        held = rule if rule is not None else Rule("")
        self.hold_end = _OptionalDate(held.hold_end_date)
        self.hold_owner = QLineEdit(held.hold_owner)
        self.hold_reason = QLineEdit(held.hold_reason)
        self.hold_reassess = _OptionalDate(held.hold_reassessing_date)
        self.hold_no_rearrange = _tristate(
            self.tr("Interdire le réarrangement"), held.prevent_rearrangement
        )
        if category == "HoldRule":
            rule_form.addRow(self.tr("Fin du gel :"), self.hold_end)
            rule_form.addRow(self.tr("Responsable du gel :"), self.hold_owner)
            rule_form.addRow(self.tr("Motif du gel :"), self.hold_reason)
            rule_form.addRow(self.tr("Date de réévaluation :"), self.hold_reassess)
            rule_form.addRow(self.hold_no_rearrange)
        rule_layout.addLayout(rule_form)
        if options_only:
            rule_box.hide()
        layout.addWidget(rule_box, 1)

        # category block options
        options = QGroupBox(self.tr("Options de la catégorie"))
        form = QFormLayout(options)
        self.final_action = QComboBox()
        allowed = FINAL_ACTIONS.get(category, ())
        if allowed:
            self.final_action.addItem(self.tr("— à choisir —"), "")
            for value in allowed:
                self.final_action.addItem(final_action_label(value), value)
            i = self.final_action.findData(block.final_action)
            self.final_action.setCurrentIndex(max(i, 0))
            form.addRow(self.tr("Sort final :"), self.final_action)
        self.prevent = QCheckBox(self.tr("Ne pas hériter des règles des niveaux supérieurs"))
        self.prevent.setChecked(block.prevent_inheritance)
        form.addRow(self.prevent)
        self.ref_non = QListWidget()
        ids = list(dict.fromkeys([*inherited_ids, *block.ref_non_rule_ids]))
        for rule_id in ids:
            item = QListWidgetItem(rule_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = rule_id in block.ref_non_rule_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.ref_non.addItem(item)
        self.ref_non.setMaximumHeight(90)
        if ids:
            form.addRow(self.tr("Ne pas hériter de :"), self.ref_non)
        else:
            self.ref_non.hide()

        self.class_level = QLineEdit(block.classification_level)
        self.class_owner = QLineEdit(block.classification_owner)
        self.class_audience = QLineEdit(block.classification_audience)
        self.class_reassess = _OptionalDate(block.classification_reassessing_date)
        self.class_need_auth = _tristate(
            self.tr("Réévaluation soumise à autorisation"), block.need_reassessing_authorization
        )
        if category == "ClassificationRule":
            form.addRow(self.tr("Niveau de classification :"), self.class_level)
            form.addRow(self.tr("Émetteur de la classification :"), self.class_owner)
            form.addRow(self.tr("Diffusion restreinte à :"), self.class_audience)
            form.addRow(self.tr("Date de réévaluation :"), self.class_reassess)
            form.addRow(self.class_need_auth)
        layout.addWidget(options)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #a15c00;")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        # initial state
        if rule is not None:
            self.free_id.setText(rule.rule_id)
            if rule.start_date is None:
                self._set_mode(START_NONE)
            elif unit_mode and unit_end == rule.start_date:
                self._set_mode(START_UNIT_END)
            else:
                self._set_mode(START_FIXED)
                self.start_date.setDate(to_qdate(rule.start_date))
        elif not unit_mode:
            self._set_mode(START_FIXED if default_start is not None else START_NONE)
        elif unit_end is None:  # the unit has no EndDate: say plainly there is no start
            self._set_mode(START_NONE)
        self.search.textChanged.connect(self._fill)
        self.rules_view.selectionModel().selectionChanged.connect(self._update)
        self.free_id.textChanged.connect(self._update)
        self.start_mode.currentIndexChanged.connect(self._update)
        self.final_action.currentIndexChanged.connect(self._update)
        self.class_level.textChanged.connect(self._update)
        self.class_owner.textChanged.connect(self._update)
        if category == "HoldRule":
            self.start_date.dateChanged.connect(self._update)
            self.hold_end.enabled.toggled.connect(self._update)
            self.hold_end.edit.dateChanged.connect(self._update)
        self._fill()
        if rule is not None:
            self.select_rule(rule.rule_id)
        self._update()
        self.resize(760, 560)

    # -- helpers for callers and tests --------------------------------------------------------
    def set_search(self, text: str) -> None:
        self.search.setText(text)

    def visible_rule_ids(self) -> list[str]:
        return [self.rules_model.item(r, 0).text() for r in range(self.rules_model.rowCount())]

    def select_rule(self, rule_id: str) -> bool:
        """Select ``rule_id`` in the list (clearing the search if needed); free text without
        a referential."""
        if self.referential is None:
            self.free_id.setText(rule_id)
            return True
        if rule_id not in self.visible_rule_ids():
            self.search.setText("")
        ids = self.visible_rule_ids()
        if rule_id not in ids:
            return False
        self.rules_view.selectRow(ids.index(rule_id))
        return True

    def set_start(self, mode: str, value: date | None = None) -> None:
        self._set_mode(mode)
        if value is not None:
            self.start_date.setDate(to_qdate(value))

    def set_final_action(self, value: str) -> None:
        i = self.final_action.findData(value)
        if i < 0:
            raise ValueError(f"{value!r} is not a final action of {self.category}")
        self.final_action.setCurrentIndex(i)

    def selected_rule_id(self) -> str:
        if self.referential is None:
            return self.free_id.text().strip()
        rows = self.rules_view.selectionModel().selectedRows()
        return self.rules_model.item(rows[0].row(), 0).text() if rows else ""

    def problem(self) -> str:
        """Why OK is disabled ("" when the choice is complete)."""
        if not self.options_only and not self.selected_rule_id():
            return self.tr("Choisissez une règle.")
        if FINAL_ACTIONS.get(self.category) and not self.final_action.currentData():
            return self.tr("Choisissez le sort final.")
        if self.category == "ClassificationRule" and not (
            self.class_level.text().strip() and self.class_owner.text().strip()
        ):
            return self.tr("Le niveau et l'émetteur de la classification sont obligatoires.")
        if self.category == "HoldRule" and not self.options_only:
            start, end = self._known_start(), self.hold_end.value()
            if start is not None and end is not None and end < start:
                return self.tr("La fin du gel précède sa date de départ.")
        return ""

    def _known_start(self) -> date | None:
        """The start date the chosen rule will get, when the dialog knows it."""
        mode = self.start_mode.currentData()
        if mode == START_FIXED:
            return from_qdate(self.start_date.date())
        if mode == START_UNIT_END and self._unit_end not in (None, date.min):
            return self._unit_end
        return None

    def choice(self) -> RuleChoice:
        mode = self.start_mode.currentData()
        out = RuleChoice(
            rule_id=None if self.options_only else (self.selected_rule_id() or None),
            start_mode=mode,
            start_date=from_qdate(self.start_date.date()) if mode == START_FIXED else None,
            replace_rule_id=self._editing.rule_id if self._editing is not None else None,
            prevent_inheritance=self.prevent.isChecked(),
            ref_non_rule_ids=[
                self.ref_non.item(i).text()
                for i in range(self.ref_non.count())
                if self.ref_non.item(i).checkState() == Qt.CheckState.Checked
            ],
        )
        if FINAL_ACTIONS.get(self.category):
            out.final_action = self.final_action.currentData() or ""
        if self.category == "ClassificationRule":
            out.classification = {
                "classification_level": self.class_level.text().strip(),
                "classification_owner": self.class_owner.text().strip(),
                "classification_audience": self.class_audience.text().strip(),
                "classification_reassessing_date": self.class_reassess.value(),
                "need_reassessing_authorization": _tristate_value(self.class_need_auth),
            }
        elif self.category == "HoldRule" and not self.options_only:
            out.hold = {  # for the chosen rule (options_only chooses none)
                "hold_end_date": self.hold_end.value(),
                "hold_owner": self.hold_owner.text().strip(),
                "hold_reason": self.hold_reason.text().strip(),
                "hold_reassessing_date": self.hold_reassess.value(),
                "prevent_rearrangement": _tristate_value(self.hold_no_rearrange),
            }
        return out

    # -- internals -----------------------------------------------------------------------------
    def _set_mode(self, mode: str) -> None:
        i = self.start_mode.findData(mode)
        if i >= 0:
            self.start_mode.setCurrentIndex(i)

    def _fill(self) -> None:
        if self.referential is None:
            return
        current = self.selected_rule_id()
        text = self.search.text()
        if text.strip():
            rules = self.referential.search(text, self.category)
        else:
            rules = self.referential.by_type().get(self.category, [])
        self.rules_model.removeRows(0, self.rules_model.rowCount())
        for rule in rules:
            items = [
                QStandardItem(rule.rule_id),
                QStandardItem(rule.value),
                QStandardItem(duration_label(rule)),
            ]
            for item in items:
                item.setToolTip(rule.description or rule.value)
            self.rules_model.appendRow(items)
        self.rules_view.resizeColumnToContents(0)
        ids = [r.rule_id for r in rules]
        if current in ids:
            self.rules_view.selectRow(ids.index(current))
        elif len(ids) == 1:
            self.rules_view.selectRow(0)
        self._update()

    def _update(self) -> None:
        self.start_date.setEnabled(self.start_mode.currentData() == START_FIXED)
        rule_id = self.selected_rule_id()
        ref = self.referential.get(rule_id) if self.referential is not None else None
        if ref is not None:
            parts = [f"<b>{_html(ref.value)}</b>"]
            duration = duration_label(ref)
            if duration:
                parts.append(self.tr("Durée : %1").replace("%1", _html(duration)))
            if ref.description:
                parts.append(_html(ref.description).replace("\n", "<br>"))
            self.description.setText("<br>".join(parts))
        else:
            self.description.setText("")
        problem = self.problem()
        self.hint.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _OptionalDate(QWidget):
    """A date that may be absent: a check box enabling a QDateEdit."""

    def __init__(self, value: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox()
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setDateRange(_MIN_DATE, _MAX_DATE)
        self.edit.setDate(to_qdate(value or date.today()))
        self.enabled.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.enabled.toggled.connect(self.edit.setEnabled)
        row.addWidget(self.enabled)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.enabled.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))


def _tristate(text: str, value: bool | None) -> QCheckBox:
    box = QCheckBox(text)
    box.setTristate(True)
    box.setCheckState(
        Qt.CheckState.PartiallyChecked
        if value is None
        else Qt.CheckState.Checked
        if value
        else Qt.CheckState.Unchecked
    )
    box.setToolTip(QCoreApplication.translate("RulesEditor", "État intermédiaire : non précisé"))
    return box


def _tristate_value(box: QCheckBox) -> bool | None:
    state = box.checkState()
    if state == Qt.CheckState.PartiallyChecked:
        return None
    return state == Qt.CheckState.Checked


# -- the panel ---------------------------------------------------------------------------------
class RulesEditor(QWidget):
    """Rules of the selected unit(s): own and inherited, end dates; add/edit/remove."""

    units_changed = Signal(list)  # ArchiveUnits whose management changed (edit, undo, redo)

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        """Keep the "RulesEditor" context in subclasses (Qt would use the runtime class name,
        which lupdate does not know for inherited strings)."""
        return QCoreApplication.translate("RulesEditor", text, disambiguation, n)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.package: Package | None = None
        self.targets: list[Target] = []
        self.referential: RulesReferential | None = None
        self.undo_stack: QUndoStack | None = None
        self.model = RulesModel(self)

        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.no_referential = QLabel(
            self.tr(
                "Aucun référentiel des règles : les intitulés, durées et dates de fin ne "
                "peuvent pas être calculés. Importez-le depuis le profil de versement."
            )
        )
        self.no_referential.setWordWrap(True)
        self.no_referential.setStyleSheet("color: #a15c00;")
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.view.doubleClicked.connect(lambda _index: self._edit_current())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.legend = QLabel(self.tr("En gris : règles héritées d'un niveau supérieur."))

        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Ajouter une règle"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.add_button)
        for category in CATEGORY_ORDER:
            action = menu.addAction(category_label(category))
            action.setData(category)
            action.triggered.connect(lambda _=False, c=category: self.open_add_dialog(c))
        self.add_button.setMenu(menu)
        self.edit_button = QPushButton(self.tr("Modifier…"))
        self.edit_button.clicked.connect(self._edit_current)
        self.remove_button = QPushButton(self.tr("Retirer"))
        self.remove_button.clicked.connect(self._remove_current)
        self.block_button = QPushButton(self.tr("Ne pas hériter"))
        self.block_button.setToolTip(
            self.tr("Empêche l'unité d'hériter de la règle sélectionnée (RefNonRuleId).")
        )
        self.block_button.clicked.connect(self._block_current)
        self.options_button = QPushButton(self.tr("Options de la catégorie…"))
        self.options_button.clicked.connect(self._options_current)
        buttons = QHBoxLayout()
        for w in (
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.block_button,
            self.options_button,
        ):
            buttons.addWidget(w)
        buttons.addStretch(1)

        layout.addWidget(self.title)
        layout.addWidget(self.no_referential)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addLayout(buttons)
        self.set_context(None, [], None, None)

    # -- context -------------------------------------------------------------------------------
    def set_context(
        self,
        package: Package | None,
        units: Sequence[ArchiveUnit],
        referential: RulesReferential | None,
        undo_stack: QUndoStack | None,
    ) -> None:
        """Show ``units`` (the current selection) of ``package``; edits go to ``undo_stack``."""
        self.package = package
        self.targets = list(units)
        self.referential = referential
        self.undo_stack = undo_stack
        self.refresh()

    @property
    def units(self) -> list[ArchiveUnit]:
        return [t for t in self.targets if isinstance(t, ArchiveUnit)]

    def refresh(self) -> None:
        """Recompute the rows (after any change of the package made elsewhere)."""
        enabled = self.package is not None and bool(self.targets)
        self.no_referential.setVisible(enabled and self.referential is None)
        if not enabled:
            self.title.setText(self.tr("Sélectionnez une unité pour voir ses règles de gestion."))
            self.model.set_rows({}, {})
        else:
            self.title.setText(self._title_text())
            rows, blocks = self._compute_rows()
            self.model.set_rows(rows, blocks)
            self.view.expandAll()
            for col in range(COLUMN_COUNT):
                if col != COL_LABEL:
                    self.view.resizeColumnToContents(col)
        for w in (self.view, self.add_button):
            w.setEnabled(enabled)
        self._update_buttons()

    def _title_text(self) -> str:
        first = self.units[0]
        if len(self.targets) == 1:
            return self.tr("Règles de gestion de « %1 »").replace("%1", first.title)
        return (
            self.tr(
                "%1 unités sélectionnées : règles de « %2 » affichées ; "
                "les modifications s'appliquent à toutes."
            )
            .replace("%1", str(len(self.targets)))
            .replace("%2", first.title)
        )

    def _compute_rows(self) -> tuple[dict[str, list[RuleRow]], dict[str, RuleCategory | None]]:
        assert self.package is not None
        unit = self.units[0]
        effective = effective_rules(unit, self.package, self.referential)
        rows = {c: [self._row(e, own=unit) for e in lst] for c, lst in effective.items()}
        return rows, dict(unit.management.rules)

    def _row(self, rule: EffectiveRule, own: ArchiveUnit | None) -> RuleRow:
        ref = self.referential.get(rule.rule_id) if self.referential is not None else None
        if not rule.inherited:
            origin = self.tr("cette unité") if own is not None else self.tr("niveau du versement")
        elif rule.origin_unit is None:
            origin = self.tr("hérité du niveau du versement")
        else:
            origin = self.tr("hérité de « %1 »").replace("%1", rule.origin_unit.title)
        return RuleRow(
            category=rule.category,
            rule_id=rule.rule_id,
            label=rule.label,
            description=ref.description if ref is not None else "",
            start_date=rule.start_date,
            duration=duration_label(ref),
            end_date=rule.end_date,
            final_action=rule.final_action,
            inherited=rule.inherited,
            origin_unit=rule.origin_unit,
            origin_text=origin,
        )

    # -- edits -----------------------------------------------------------------------------------
    def _unit_end(self, target: Target) -> date | None:
        return target.end_date if isinstance(target, ArchiveUnit) else None

    def _push(self, afters: list[Management], text: str) -> bool:
        if self.undo_stack is None:
            raise RuntimeError("set_context() needs an undo stack before editing")
        changed = [(t, a) for t, a in zip(self.targets, afters, strict=True) if a != t.management]
        if not changed:
            return False
        command = SetManagementCommand(
            [t for t, _ in changed], [a for _, a in changed], text, self._applied
        )
        self.undo_stack.push(command)
        return True

    def _applied(self, targets: list[Target]) -> None:
        self.refresh()
        self.units_changed.emit([t for t in targets if isinstance(t, ArchiveUnit)])

    def apply_choice(self, category: str, choice: RuleChoice) -> bool:
        """Apply a picker's choice to every target as one undo step; False if nothing changed."""
        if not self.targets:
            return False
        afters = [
            apply_choice(t.management, category, choice, self._unit_end(t)) for t in self.targets
        ]
        if choice.rule_id and choice.replace_rule_id and choice.replace_rule_id != choice.rule_id:
            text = self.tr("Remplacer la règle %1 par %2").replace("%1", choice.replace_rule_id)
            text = text.replace("%2", choice.rule_id)
        elif choice.rule_id and choice.replace_rule_id:
            text = self.tr("Modifier la règle %1").replace("%1", choice.rule_id)
        elif choice.rule_id:
            text = self.tr("Ajouter la règle %1").replace("%1", choice.rule_id)
        else:
            text = self.tr("Options : %1").replace("%1", category_label(category))
        return self._push(afters, self._suffix(text))

    def remove_rule(self, category: str, rule_id: str) -> bool:
        """Remove an own rule from every target holding it (one undo step)."""
        afters = []
        for t in self.targets:
            m = copy.deepcopy(t.management)
            block = m.rules.get(category)
            if block is not None:
                block.rules = [r for r in block.rules if r.rule_id != rule_id]
                _prune(m, category)
            afters.append(m)
        return self._push(
            afters, self._suffix(self.tr("Retirer la règle %1").replace("%1", rule_id))
        )

    def block_inherited(self, category: str, rule_id: str) -> bool:
        """Stop the targets inheriting ``rule_id`` (RefNonRuleId), one undo step."""
        afters = []
        for t in self.targets:
            m = copy.deepcopy(t.management)
            block = m.category(category)
            if rule_id not in block.ref_non_rule_ids:
                block.ref_non_rule_ids.append(rule_id)
            afters.append(m)
        text = self.tr("Ne plus hériter de la règle %1").replace("%1", rule_id)
        return self._push(afters, self._suffix(text))

    def _suffix(self, text: str) -> str:
        if len(self.targets) > 1:
            return text + self.tr(" (%1 unités)").replace("%1", str(len(self.targets)))
        return text

    # -- dialogs ---------------------------------------------------------------------------------
    def _inherited_ids(self, category: str) -> list[str]:
        ids: dict[str, None] = {}
        if self.package is None:
            return []
        for unit in self.units:
            probe = ArchiveUnit(title="", parent=unit.parent)  # what the unit would inherit
            for rule in effective_rules(probe, self.package, None).get(category, []):
                ids[rule.rule_id] = None
        return list(ids)

    def make_dialog(
        self, category: str, rule: Rule | None = None, options_only: bool = False
    ) -> RulePickerDialog:
        """The picker for ``category``, prefilled from the first target's block."""
        first = self.targets[0]
        block = first.management.rules.get(category)
        ends = {self._unit_end(t) for t in self.targets}
        unit_end = next(iter(ends)) if len(ends) == 1 else date.min
        return RulePickerDialog(
            category,
            self.referential,
            block=block,
            rule=rule,
            inherited_ids=self._inherited_ids(category),
            unit_mode=True,
            unit_end=unit_end,
            default_start=unit_end if unit_end not in (None, date.min) else None,
            options_only=options_only,
            parent=self,
        )

    def _run(self, dialog: RulePickerDialog, category: str) -> bool:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.apply_choice(category, dialog.choice())

    def open_add_dialog(self, category: str) -> bool:
        if not self.targets or self.package is None:
            return False
        return self._run(self.make_dialog(category), category)

    def _current(self) -> tuple[str | None, RuleRow | None]:
        index = self.view.currentIndex()
        return self.model.category_at(index), self.model.row_at(index)

    def _update_buttons(self) -> None:
        category, row = self._current()
        has = bool(self.targets) and self.package is not None
        own = row is not None and not row.inherited
        self.edit_button.setEnabled(has and own)
        self.remove_button.setEnabled(has and own)
        self.block_button.setEnabled(has and row is not None and row.inherited)
        self.options_button.setEnabled(has and category is not None)

    def _edit_current(self) -> None:
        category, row = self._current()
        if category is None or row is None or row.inherited:
            return
        block = self.targets[0].management.rules.get(category)
        rule = next((r for r in block.rules if r.rule_id == row.rule_id), None) if block else None
        self._run(self.make_dialog(category, rule=rule), category)

    def _remove_current(self) -> None:
        _category, row = self._current()
        if row is not None and not row.inherited:
            self.remove_rule(row.category, row.rule_id)

    def _block_current(self) -> None:
        _category, row = self._current()
        if row is not None and row.inherited:
            self.block_inherited(row.category, row.rule_id)

    def _options_current(self) -> None:
        category, _row = self._current()
        if category is not None:
            self._run(self.make_dialog(category, options_only=True), category)


class PackageRulesEditor(RulesEditor):
    """The same panel over the package-level rules (``package.header.management``).

    Every unit of the package inherits them; ``units_changed`` carries the roots, and
    ``header_changed`` tells the transfer dialog.
    """

    header_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.block_button.hide()
        self.legend.setText(
            QCoreApplication.translate(
                "PackageRulesEditor", "Ces règles s'appliquent à toutes les unités du versement."
            )
        )

    def set_package(
        self,
        package: Package | None,
        referential: RulesReferential | None,
        undo_stack: QUndoStack | None,
    ) -> None:
        self.package = package
        self.targets = [package.header] if package is not None else []
        self.referential = referential
        self.undo_stack = undo_stack
        self.refresh()

    def _title_text(self) -> str:
        return QCoreApplication.translate(
            "PackageRulesEditor", "Règles de gestion de tout le versement (ManagementMetadata)"
        )

    def _compute_rows(self) -> tuple[dict[str, list[RuleRow]], dict[str, RuleCategory | None]]:
        assert self.package is not None
        probe = ArchiveUnit(title="")  # a root with no rules: sees exactly the package's
        effective = effective_rules(probe, self.package, self.referential)
        rows: dict[str, list[RuleRow]] = {}
        for category, lst in effective.items():
            rows[category] = []
            for e in lst:
                e.inherited = False
                rows[category].append(self._row(e, own=None))
        return rows, dict(self.package.header.management.rules)

    def _inherited_ids(self, category: str) -> list[str]:
        return []

    def _default_start(self) -> date | None:
        ends = [r.end_date for r in self.package.roots if r.end_date] if self.package else []
        return max(ends) if ends else None

    def make_dialog(
        self, category: str, rule: Rule | None = None, options_only: bool = False
    ) -> RulePickerDialog:
        block = self.targets[0].management.rules.get(category)
        return RulePickerDialog(
            category,
            self.referential,
            block=block,
            rule=rule,
            unit_mode=False,
            default_start=self._default_start(),
            options_only=options_only,
            parent=self,
        )

    def _applied(self, targets: list[Target]) -> None:
        self.refresh()
        self.header_changed.emit()
        self.units_changed.emit(list(self.package.roots) if self.package is not None else [])
