"""What the rules panel's parts share: category order and labels, dates, the undo command,
the user's choice (``RuleChoice``) and how it applies to a unit's ``Management``.

Translation context of the module-level texts: ``RulesEditor``.
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
)
from PySide6.QtGui import (
    QUndoCommand,
)
from PySide6.QtWidgets import QLabel

from app import labels
from app.i18n import current_language
from seda.model import (
    RULE_CATEGORIES,
    ArchiveUnit,
    Management,
    Rule,
    RuleCategory,
    TransferHeader,
)
from seda.referentials import RuleDef

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


def warning_label(text: str) -> QLabel:
    """A wrapped, amber note: what is missing and what it costs (no referential…)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #a15c00;")
    return label


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
