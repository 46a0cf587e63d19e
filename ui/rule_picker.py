"""The per-category rule picker of the rules panel (search by code or label, accent-insensitive,
start date, options)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import (
    QStandardItem,
    QStandardItemModel,
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from seda.model import (
    FINAL_ACTIONS,
    Rule,
    RuleCategory,
)
from seda.referentials import RulesReferential
from ui.rules_common import (
    _MAX_DATE,
    _MIN_DATE,
    START_FIXED,
    START_NONE,
    START_UNIT_END,
    RuleChoice,
    category_label,
    duration_label,
    final_action_label,
    format_date,
    from_qdate,
    to_qdate,
    warning_label,
)


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
        self.free_warning = warning_label(
            self.tr(
                "Aucun référentiel des règles n'est chargé : saisissez l'identifiant exact "
                "donné par le service d'archives. Un identifiant inconnu fera refuser le versement."
            )
        )
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
