"""« Number the cotes… »: the dialog that gives a tree of units its cotes in one go.

The numbering itself is ``seda.cotes`` (a plan over the model, tested without Qt); this
dialog gathers the choices (which units, which field, prefix, separator, start, per level
or continuous, digits, files, existing cotes) and shows the first cotes it would give as
they are typed. ``edits()`` is the plan the window pushes as one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seda.cotes import (
    Numbering,
    Order,
    cote_edits,
    current_cote,
    in_tree_order,
    number_cotes,
    prefix_under,
    reserved_cotes,
)
from seda.model import ArchiveUnit
from ui.formatting import short_text

PREVIEW_ROWS = 6


def displayed_order(view: Any) -> Order | None:
    """Siblings in the order ``view`` (the package tree) shows them when a column sorts
    it; None when it shows the package's own order."""
    proxy = view.model()
    source = proxy.sourceModel() if isinstance(proxy, QSortFilterProxyModel) else None
    if source is None or not hasattr(source, "sorting") or source.sorting[0] < 0:
        return None

    def order(units: Sequence[ArchiveUnit]) -> list[ArchiveUnit]:
        return sorted(units, key=source.view_row)  # the rows shown, ties as shown

    return order


class CoteNumberingDialog(QDialog):
    """Choices of a numbering; ``edits()`` the cotes it gives (unit, new field value)."""

    SCOPE_SELECTION, SCOPE_CONTENTS, SCOPE_PACKAGE = range(3)
    FIELDS = ("archival_ids", "originating_ids")

    def __init__(
        self,
        roots: Sequence[ArchiveUnit],
        selected: Sequence[ArchiveUnit],
        order: Order | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Number the cotes"))
        self.roots = list(roots)
        self.order = order
        self.selected = in_tree_order(self.roots, selected, order)
        self._auto_prefix = ""

        self.scope_selection = QRadioButton(self.tr("The selected units and their contents"))
        self.scope_contents = QRadioButton(self.tr("Only their contents (under their cote)"))
        self.scope_package = QRadioButton(self.tr("The whole package"))
        self.scope = QButtonGroup(self)
        for i, button in enumerate((self.scope_selection, self.scope_contents, self.scope_package)):
            self.scope.addButton(button, i)
        has_selection = bool(self.selected)
        self.scope_selection.setEnabled(has_selection)
        self.scope_contents.setEnabled(any(u.children for u in self.selected))
        (self.scope_selection if has_selection else self.scope_package).setChecked(True)
        scope_box = QVBoxLayout()
        scope_box.setSpacing(2)
        for button in (self.scope_selection, self.scope_contents, self.scope_package):
            scope_box.addWidget(button)

        self.field = QComboBox(self)
        self.field.addItem(self.tr("Archives service's cote"), "archival_ids")
        self.field.addItem(self.tr("Producer's cote"), "originating_ids")
        self.field.setToolTip(
            self.tr(
                "Archives service: ArchivalAgencyArchiveUnitIdentifier (the usual cote). "
                "Producer: OriginatingAgencyArchiveUnitIdentifier."
            )
        )
        self.prefix = QLineEdit(self)
        self.prefix.setPlaceholderText(self.tr("e.g. 3 W"))
        self.prefix.setToolTip(
            self.tr("Put before every number; after a letter or a digit a space is added.")
        )
        self.separator = QComboBox(self)
        self.separator.setEditable(True)
        self.separator.addItems(["/", "-", "."])
        self.separator.setToolTip(self.tr("Between the levels: 3 W 1/2"))
        self.start = QSpinBox(self)
        self.start.setRange(0, 999_999)
        self.start.setValue(1)
        self.per_level = QCheckBox(self.tr("Number each level (1, 1/1, 1/2, 2…)"), self)
        self.per_level.setChecked(True)
        self.per_level.setToolTip(
            self.tr("Unticked: one continuous sequence in the tree's order (1, 2, 3…).")
        )
        self.digits = QSpinBox(self)
        self.digits.setRange(1, 8)
        self.digits.setValue(1)
        self.digits.setSpecialValueText(self.tr("1 (no zeros in front)"))
        self.digits.setToolTip(self.tr("3 digits: 001, 002… (zeros in front)"))
        self.files = QCheckBox(self.tr("Also number the units that are only a file"), self)
        self.files.setToolTip(
            self.tr(
                "Unticked, only dossiers and articles get a cote: a file alone is "
                "described by the dossier that holds it."
            )
        )
        self.overwrite = QCheckBox(self.tr("Replace the cotes already given"), self)
        self.overwrite.setToolTip(
            self.tr(
                "Unticked, a unit that has a cote keeps it, and its contents are numbered under it."
            )
        )
        self.preview = QLabel(self)
        self.preview.setObjectName("cotePreview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setStyleSheet("font-family: monospace;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Number"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Units:"), scope_box)
        form.addRow(self.tr("Field:"), self.field)
        form.addRow(self.tr("Prefix:"), self.prefix)
        form.addRow(self.tr("Separator:"), self.separator)
        form.addRow(self.tr("First number:"), self.start)
        form.addRow("", self.per_level)
        form.addRow(self.tr("Digits at least:"), self.digits)
        form.addRow("", self.files)
        form.addRow("", self.overwrite)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Preview:"), self))
        layout.addWidget(self.preview)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        # counting a 100,000-unit plan takes a moment: once typing pauses
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.update_preview)
        self.scope.idToggled.connect(self._scope_changed)
        self.separator.currentTextChanged.connect(self._separator_changed)
        for signal in (
            self.field.currentIndexChanged,
            self.prefix.textChanged,
            self.start.valueChanged,
            self.per_level.toggled,
            self.digits.valueChanged,
            self.files.toggled,
            self.overwrite.toggled,
        ):
            signal.connect(self._timer.start)
        self._scope_changed(self.scope.checkedId(), True)
        self.update_preview()

    # -- choices -----------------------------------------------------------------------
    def numbering(self) -> Numbering:
        digits = self.digits.value()
        return Numbering(
            prefix=self.prefix.text().strip(),
            separator=self.separator.currentText(),
            start=self.start.value(),
            per_level=self.per_level.isChecked(),
            padding=digits if digits > 1 else 0,
            files=self.files.isChecked(),
            overwrite=self.overwrite.isChecked(),
            field=self.field.currentData(),
        )

    def tops(self) -> list[ArchiveUnit]:
        """The units numbered first (in tree order); what they hold comes with them."""
        scope = self.scope.checkedId()
        if scope == self.SCOPE_PACKAGE:
            return list(self.order(self.roots) if self.order else self.roots)
        if scope == self.SCOPE_CONTENTS:
            arrange = self.order or list
            return [child for unit in self.selected for child in arrange(unit.children)]
        return list(self.selected)

    def _plan_args(self) -> tuple[list[ArchiveUnit], Numbering, set[str]]:
        tops, numbering = self.tops(), self.numbering()
        return tops, numbering, reserved_cotes(self.roots, tops, numbering.field)

    def edits(self) -> list[tuple[ArchiveUnit, list[str]]]:
        """(unit, new value of the field) for every unit whose cote changes."""
        tops, numbering, reserved = self._plan_args()
        return cote_edits(tops, numbering, order=self.order, reserved=reserved)

    def field_name(self) -> str:
        return str(self.field.currentData())

    # -- reactions ---------------------------------------------------------------------
    def _contents_prefix(self) -> str:
        """Numbering one unit's contents: its cote starts their prefix (« 3 W 12/ »)."""
        if len(self.selected) != 1:
            return ""
        cote = current_cote(self.selected[0], self.field_name())
        return prefix_under(cote, self.separator.currentText())

    def _scope_changed(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        auto = self._contents_prefix() if button_id == self.SCOPE_CONTENTS else ""
        if self.prefix.text() in ("", self._auto_prefix):
            self.prefix.setText(auto)
        self._auto_prefix = auto
        self._timer.start()

    def _separator_changed(self, _text: str) -> None:
        if self._auto_prefix and self.prefix.text() == self._auto_prefix:
            self._scope_changed(self.scope.checkedId(), True)
        self._timer.start()

    def update_preview(self) -> None:
        self._timer.stop()
        tops, numbering, reserved = self._plan_args()
        lines: list[str] = []
        changed = kept = 0
        for c in number_cotes(tops, numbering, order=self.order, reserved=reserved):
            values = getattr(c.unit, numbering.field)
            same = c.kept or (bool(values) and values[0] == c.cote)
            kept += same
            changed += not same
            if len(lines) < PREVIEW_ROWS:
                note = "  " + self.tr("(kept)") if same else ""
                lines.append(f"{c.cote}  {short_text(c.unit.title, 60)}{note}")
        if changed + kept > PREVIEW_ROWS:
            lines.append("…")
        self.preview.setText("\n".join(lines) or self.tr("No unit to number."))
        text = self.tr("%n unit(s) will get a cote.", "", changed)
        if kept:
            text += " " + self.tr("%n unit(s) keep theirs.", "", kept)
        self.summary.setText(text)
        self.ok_button.setEnabled(changed > 0)


__all__ = ["CoteNumberingDialog", "displayed_order"]
