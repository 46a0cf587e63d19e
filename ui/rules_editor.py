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

The parts live beside it: ``ui.rules_common`` (labels, dates, ``SetManagementCommand``,
``RuleChoice``, ``apply_choice``), ``ui.rules_model`` (``RulesModel``), ``ui.rule_picker``
(``RulePickerDialog``); their names are re-exported here.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from seda.model import (
    ArchiveUnit,
    Management,
    Package,
    Rule,
    RuleCategory,
)
from seda.referentials import RulesReferential
from seda.rules import EffectiveRule, effective_rules
from ui.formatting import count
from ui.rule_picker import RulePickerDialog
from ui.rules_common import (
    CATEGORY_ORDER,
    COL_DURATION,
    COL_END,
    COL_FINAL,
    COL_LABEL,
    COL_ORIGIN,
    COL_RULE,
    COL_START,
    COLUMN_COUNT,
    START_FIXED,
    START_NONE,
    START_UNIT_END,
    CategoryRole,
    RowRole,
    RuleChoice,
    RuleRow,
    SetManagementCommand,
    Target,
    _prune,
    apply_choice,
    category_label,
    duration_label,
    final_action_label,
    format_date,
    from_qdate,
    to_qdate,
    warning_label,
)
from ui.rules_model import RulesModel


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
        self.no_referential = warning_label(
            self.tr(
                "Aucun référentiel des règles : les intitulés, durées et dates de fin ne "
                "peuvent pas être calculés. Importez-le depuis le profil de versement."
            )
        )
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

    def _first_unit(self) -> ArchiveUnit:
        """The first unit among the targets (no list of 100,000 built to read it)."""
        return next(t for t in self.targets if isinstance(t, ArchiveUnit))

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
        first = self._first_unit()
        if len(self.targets) == 1:
            return self.tr("Règles de gestion de « %1 »").replace("%1", first.title)
        return (
            self.tr("%1 : règles de « %2 » affichées ; les modifications s'appliquent à toutes.")
            .replace("%1", count(len(self.targets), "selected_unit"))
            .replace("%2", first.title)
        )

    def _compute_rows(self) -> tuple[dict[str, list[RuleRow]], dict[str, RuleCategory | None]]:
        assert self.package is not None
        unit = self._first_unit()
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
            return text + self.tr(" (%1)").replace("%1", count(len(self.targets), "unit"))
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


__all__ = [
    "CATEGORY_ORDER",
    "COLUMN_COUNT",
    "COL_DURATION",
    "COL_END",
    "COL_FINAL",
    "COL_LABEL",
    "COL_ORIGIN",
    "COL_RULE",
    "COL_START",
    "CategoryRole",
    "PackageRulesEditor",
    "RowRole",
    "RuleChoice",
    "RulePickerDialog",
    "RuleRow",
    "RulesEditor",
    "RulesModel",
    "START_FIXED",
    "START_NONE",
    "START_UNIT_END",
    "SetManagementCommand",
    "Target",
    "apply_choice",
    "category_label",
    "duration_label",
    "final_action_label",
    "format_date",
    "from_qdate",
    "to_qdate",
]
