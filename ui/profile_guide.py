"""The transfer profile as a guide beside the tree, and its locks on the forms.

``ProfileGuidePanel`` shows the unit structure the SAE's transfer profile expects (which
units, at which levels, in which order, how many), how many required fields are still empty
("3 champs obligatoires à remplir"), and the deviations of the package as the user works
(``seda.profile_guide.compare``, recomputed a moment after each edit): a missing unit is
red, a pattern whose units deviate is orange, and each deviation is a line that jumps to its
unit (``unit_activated``).

``apply_to_form(form, expected)`` puts the profile's constraints on the unit form: a fixed
title or description is filled in and read-only, the level drop-down offers only the levels
the profile allows there, required fields are marked with « * ».
``apply_to_header_dialog(dialog, guide)`` does the same on the transfer header dialog:
fixed identifiers locked, allowed values offered as a drop-down.

The panel is self-contained: the window creates it, calls ``set_profile`` when a preset
names a profile, ``set_package`` when the package is replaced, and connects the tree
model's ``units_edited`` / ``structure_changed`` to ``refresh_later``.
"""

from __future__ import annotations

import time
import weakref
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from seda.archive_profile import UNBOUNDED, TransferProfile
from seda.findings import Code, Severity
from seda.model import ArchiveUnit, Package
from seda.profile_guide import Comparison, ExpectedUnit, ProfileGuide, compare, guide
from ui.formatting import describe_finding, level_label

MISSING_COLOR = QColor("#c62828")
DEVIATION_COLOR = QColor("#ef6c00")
UID_ROLE = Qt.ItemDataRole.UserRole + 1


def _occurrences(unit: ExpectedUnit) -> str:
    if unit.max == UNBOUNDED:
        return "1..n" if unit.min else "0..n"
    return f"{unit.min}..{unit.max}" if unit.min != unit.max else str(unit.min)


class ProfileGuidePanel(QWidget):
    """The expected structure, the required-field count and the deviations, live."""

    unit_activated = Signal(int)  # uid of the unit a deviation names

    def __init__(self, lang: str = "fr", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.profile: TransferProfile | None = None
        self.guide: ProfileGuide | None = None
        self.package: Package | None = None
        self.comparison: Comparison | None = None
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("profileSummary")
        self.summary.setWordWrap(True)
        self.structure_model = QStandardItemModel(self)
        self.structure_model.setHorizontalHeaderLabels(
            [self.tr("Expected unit"), self.tr("Occurrences"), self.tr("Here")]
        )
        self.structure = QTreeView(self)
        self.structure.setModel(self.structure_model)
        self.structure.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.structure.setUniformRowHeights(True)
        self.deviations = QListWidget(self)
        self.deviations.setWordWrap(True)
        self.deviations.itemActivated.connect(self._activated)
        self.deviations.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.structure, 2)
        layout.addWidget(QLabel(self.tr("Deviations from the profile:"), self))
        layout.addWidget(self.deviations, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        self._last_ms = 0
        self._show_empty()

    # -- inputs --------------------------------------------------------------------------
    def set_profile(self, profile: TransferProfile | None) -> None:
        self.profile = profile
        self.guide = guide(profile) if profile is not None else None
        self.refresh()

    def set_package(self, package: Package | None) -> None:
        self.package = package
        self.refresh()

    def refresh_later(self, *_args: Any) -> None:
        """Recompute a moment after the last edit (typing stays fluid): the wait grows with
        the time the last comparison took (about 1 s for 100,000 units)."""
        self._timer.setInterval(max(300, 5 * self._last_ms))
        self._timer.start()

    # -- output --------------------------------------------------------------------------
    def refresh(self) -> None:
        self._timer.stop()
        if self.guide is None or self.profile is None:
            self.comparison = None
            self._show_empty()
            return
        name = self.profile.identifier or self.profile.path
        self.title.setText(self.tr("Archival profile: %1").replace("%1", name))
        package = self.package or Package()
        started = time.perf_counter()
        self.comparison = compare(self.guide, package)
        self._last_ms = int((time.perf_counter() - started) * 1000)
        self._fill_structure()
        self._fill_deviations()
        n = self.comparison.missing_required
        errors = sum(1 for f in self.comparison.findings if f.severity == Severity.ERROR)
        if n:
            text = self.tr("%n required field(s) to fill", "", n)
        elif errors:
            text = self.tr("%n deviation(s) from the profile", "", errors)
        else:
            text = self.tr("The transfer follows the profile.")
        self.summary.setText(text)

    def _show_empty(self) -> None:
        self.title.setText(self.tr("No archival profile in the preset."))
        self.summary.clear()
        self.structure_model.removeRows(0, self.structure_model.rowCount())
        self.deviations.clear()

    def _fill_structure(self) -> None:
        assert self.guide is not None and self.comparison is not None
        counts: dict[int, int] = {}
        deviating: set[int] = set()
        missing = {id(pattern) for _parent, pattern in self.comparison.missing_units}
        flagged = {
            f.unit_uid
            for f in self.comparison.findings
            if f.unit_uid is not None and f.severity == Severity.ERROR
        }
        for uid, pattern in self.comparison.expected.items():
            counts[id(pattern)] = counts.get(id(pattern), 0) + 1
            if uid in flagged:
                deviating.add(id(pattern))
        self.structure_model.removeRows(0, self.structure_model.rowCount())
        stack: list[tuple[QStandardItem | None, ExpectedUnit]] = [
            (None, u) for u in reversed(self.guide.units)
        ]
        while stack:
            parent, unit = stack.pop()
            levels = ", ".join(level_label(v) for v in unit.levels) or self.tr("any level")
            label = f"{levels} — {unit.label}" if unit.label else levels
            here = counts.get(id(unit), 0)
            row = [
                QStandardItem(label),
                QStandardItem(_occurrences(unit)),
                QStandardItem(str(here)),
            ]
            tips = []
            if unit.documentation and unit.documentation != unit.title:
                tips.append(unit.documentation)
            if id(unit) in missing or here < unit.min:
                for item in row:
                    item.setForeground(QBrush(MISSING_COLOR))
                tips.append(self.tr("Missing: the profile requires this unit."))
            elif id(unit) in deviating:
                for item in row:
                    item.setForeground(QBrush(DEVIATION_COLOR))
                tips.append(self.tr("Some units of this kind deviate from the profile."))
            if unit.objects:
                tips.append(self.tr("Holds files."))
            row[0].setToolTip("\n".join(tips))
            row[0].setData(id(unit), UID_ROLE)
            if parent is None:
                self.structure_model.appendRow(row)
            else:
                parent.appendRow(row)
            if unit.recursive:
                row[0].setText(row[0].text() + " " + self.tr("(same structure again)"))
            else:
                stack.extend((row[0], c) for c in reversed(unit.children))
        self.structure.expandAll()
        self.structure.resizeColumnToContents(1)

    def _fill_deviations(self) -> None:
        assert self.comparison is not None
        self.deviations.clear()
        ordered = sorted(self.comparison.findings, key=lambda f: f.severity != Severity.ERROR)
        for f in ordered:  # errors first (the sort is stable: tree order kept)
            item = QListWidgetItem(describe_finding(f, self.lang))
            item.setData(UID_ROLE, f.unit_uid)
            if f.severity == Severity.ERROR:
                item.setForeground(
                    QBrush(MISSING_COLOR if f.code == Code.PROFILE_MISSING else DEVIATION_COLOR)
                )
            self.deviations.addItem(item)

    def _activated(self, item: QListWidgetItem) -> None:
        uid = item.data(UID_ROLE)
        if isinstance(uid, int):
            self.unit_activated.emit(uid)

    def expected_for(self, unit: ArchiveUnit | None) -> ExpectedUnit | None:
        """The profile's pattern for ``unit`` (None: no profile, or a unit it does not place)."""
        if unit is None or self.comparison is None:
            return None
        return self.comparison.for_unit(unit)


# -- locks on the forms ----------------------------------------------------------------


def _locked_tip() -> str:
    return QCoreApplication.translate("ProfileGuide", "Value set by the archival profile.")


_labels: weakref.WeakKeyDictionary[QWidget, dict[int, str]] = weakref.WeakKeyDictionary()


def _mark_required(
    form_layout: QFormLayout, widget: QWidget, required: bool, owner: QWidget
) -> None:
    label = form_layout.labelForField(widget)
    if not isinstance(label, QLabel):
        return
    originals = _labels.setdefault(owner, {})
    original = originals.setdefault(id(widget), label.text())
    label.setText(f"{original} *" if required else original)


def _lock_text(widget: QLineEdit | QPlainTextEdit, fixed: str | None) -> None:
    if fixed is not None:
        if isinstance(widget, QLineEdit):
            if widget.text() != fixed:
                widget.setText(fixed)
        elif widget.toPlainText() != fixed:
            widget.setPlainText(fixed)
    widget.setReadOnly(fixed is not None)
    widget.setToolTip(_locked_tip() if fixed is not None else "")


def _restrict_combo(combo: QComboBox, allowed: tuple[str, ...]) -> None:
    """Only ``allowed`` item data stay selectable (all when empty)."""
    model = combo.model()
    if not isinstance(model, QStandardItemModel):
        return
    for row in range(model.rowCount()):
        item = model.item(row)
        if item is not None:
            item.setEnabled(not allowed or str(item.data(Qt.ItemDataRole.UserRole)) in allowed)


class _ListLimit(QObject):
    """Keeps a list editor (keywords, identifiers) from growing past the profile's maximum:
    its input is disabled once the list is full, enabled again when an entry goes."""

    def __init__(self, editor: Any) -> None:
        super().__init__(editor)
        self.editor = editor
        self.maximum = UNBOUNDED
        model = editor.list.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self.update)

    def update(self, *_args: Any) -> None:
        try:
            self._update()
        except RuntimeError:  # the editor is being destroyed (its list empties last)
            pass

    def _update(self) -> None:
        full = self.maximum != UNBOUNDED and self.editor.list.count() >= self.maximum
        self.editor.input.setEnabled(not full)
        self.editor.add_button.setEnabled(not full)
        tip = QCoreApplication.translate("ProfileGuide", "The archival profile allows at most %1.")
        self.editor.input.setToolTip(tip.replace("%1", str(self.maximum)) if full else "")


def _limit(editor: Any, maximum: int) -> None:
    limit = editor.findChild(_ListLimit)
    if limit is None:
        limit = _ListLimit(editor)
    limit.maximum = maximum
    limit.update()


def apply_to_form(form: Any, expected: ExpectedUnit | None) -> None:
    """The profile's constraints on ``ui.details.UnitForm`` for its current unit.

    A fixed title or description is written into the unit through the form's usual path
    (its undo stack: one Ctrl+Z gives the old value back) and the field is read-only; the
    level drop-down offers only the allowed levels; required fields are marked; keyword and
    identifier lists stop at the profile's maximum. Call it after ``form.set_unit`` (and
    after each refresh of the guide)."""
    layout = form.layout()
    fields = expected.fields if expected is not None else {}
    title = fields.get("Title")
    description = fields.get("Description")
    fixed_title = title.fixed if title is not None else None
    fixed_description = description.fixed if description is not None else None
    # the fixed values reach the unit through the form's own path (one undo step each)
    unit = getattr(form, "unit", None)
    if unit is not None:
        if fixed_title is not None and unit.title != fixed_title:
            from ui.commands import RenameCommand

            # not through editingFinished: a read-only title is never committed by the form
            form.stack.push(RenameCommand(form.model, unit, fixed_title))
        if fixed_description is not None and unit.description != fixed_description:
            form._description_timer.stop()
            form._commit({"description": fixed_description})
    # locked after the edits: pushing them refreshes the form from the unit
    _lock_text(form.title, fixed_title)
    _lock_text(form.description, fixed_description)
    _restrict_combo(form.level, expected.levels if expected is not None else ())
    for name, editor in (
        ("Keyword", form.keywords),
        ("OriginatingAgencyArchiveUnitIdentifier", form.identifiers),
    ):
        rule = fields.get(name)
        _limit(editor, rule.max if rule is not None else UNBOUNDED)
    if isinstance(layout, QFormLayout):
        for name, widget in (
            ("Title", form.title),
            ("ArchivalAgencyArchiveUnitIdentifier", form.cote),
            ("Description", form.description),
            ("StartDate", form.start),
            ("EndDate", form.end),
            ("Keyword", form.keywords),
            ("OriginatingAgencyArchiveUnitIdentifier", form.identifiers),
        ):
            rule = fields.get(name)
            _mark_required(layout, widget, bool(rule and rule.required), form)
        _mark_required(layout, form.level, bool(expected and expected.levels), form)


def apply_to_header_dialog(dialog: Any, g: ProfileGuide | None) -> None:
    """The profile's constraints on ``ui.header_dialog.HeaderDialog``: fixed identifiers
    filled in and read-only, allowed values as a drop-down list, the comment locked."""
    from seda.profile_guide import HEADER_FIELDS

    rules = g.header if g is not None else {}
    by_attr = {HEADER_FIELDS[name]: rule for name, rule in rules.items() if name in HEADER_FIELDS}
    for attr, edit in dialog.edits.items():
        rule = by_attr.get(attr)
        _lock_text(edit, rule.fixed if rule is not None else None)
        if rule is not None and rule.allowed:
            completer = QCompleter(list(rule.allowed), edit)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            edit.setCompleter(completer)
            edit.setPlaceholderText(", ".join(rule.allowed))
        elif edit.completer() is not None and isinstance(
            edit.completer().model(), QStringListModel
        ):
            edit.setCompleter(None)  # type: ignore[arg-type]
    comment = by_attr.get("comment")
    _lock_text(dialog.comment, comment.fixed if comment is not None else None)
    legal = by_attr.get("legal_status")
    allowed = legal.allowed or ((legal.fixed,) if legal and legal.fixed else ()) if legal else ()
    _restrict_combo(dialog.legal_status, tuple(allowed))


# -- the preset's profiles (a tab for the preset editor) ------------------------------------


class ArchiveProfilesTab(QWidget):
    """Picks the preset's transfer profile (RNG, its identifier) and archive-unit profiles
    (the SAE's JSON exports, with the levels whose units name them). A file is checked when
    picked: a profile that is not RelaxNG, not SEDA, or not a usable JSON is refused with
    its French reason. The identifier is read from the profile when it fixes
    ``ArchivalProfile``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QHBoxLayout, QPushButton

        super().__init__(parent)
        self.profile_path: Path | None = None
        self.unit_refs: list[Any] = []  # app.presets.UnitProfileRef
        self.profile_label = QLabel(self)
        self.profile_label.setWordWrap(True)
        self.pick_button = QPushButton(self.tr("Choose…"), self)
        self.clear_button = QPushButton(self.tr("Remove"), self)
        self.identifier = QLineEdit(self)
        self.identifier.setPlaceholderText("PR-000001")
        self.units = QListWidget(self)
        self.add_unit_button = QPushButton(self.tr("Add…"), self)
        self.remove_unit_button = QPushButton(self.tr("Remove"), self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        form = QFormLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.profile_label, 1)
        row.addWidget(self.pick_button)
        row.addWidget(self.clear_button)
        form.addRow(self.tr("Transfer profile (RNG):"), row)
        form.addRow(self.tr("Its identifier in the archives' referential:"), self.identifier)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_unit_button)
        buttons.addWidget(self.remove_unit_button)
        buttons.addStretch(1)
        form.addRow(self.tr("Archive-unit profiles (JSON):"), self.units)
        form.addRow("", buttons)
        form.addRow(self.error)
        self.pick_button.clicked.connect(self._pick_profile)
        self.clear_button.clicked.connect(lambda: self.set_profile_file(None))
        self.add_unit_button.clicked.connect(self._pick_units)
        self.remove_unit_button.clicked.connect(self._remove_unit)
        self.identifier.textEdited.connect(lambda _t: self.changed.emit())
        self._show()

    # preset <-> form
    def set_preset(self, preset: Any) -> None:
        self.profile_path = preset.archive_profile
        self.identifier.setText(preset.archive_profile_id)
        self.unit_refs = list(preset.unit_profiles)
        self.error.hide()
        self._show()

    def apply_to(self, preset: Any) -> None:
        preset.archive_profile = self.profile_path
        preset.archive_profile_id = self.identifier.text().strip()
        preset.unit_profiles = list(self.unit_refs)

    # actions
    def set_profile_file(self, path: Path | str | None) -> bool:
        """Use the RNG at ``path`` (None: no profile); False with the reason shown if refused."""
        from seda.archive_profile import ProfileError, load_transfer_profile

        if path is None:
            self.profile_path = None
            self.error.hide()
            self._show()
            self.changed.emit()
            return True
        try:
            profile = load_transfer_profile(path)
        except ProfileError as exc:
            self._refuse(exc.findings)
            return False
        self.profile_path = Path(path)
        fixed = guide(profile).header.get("ArchivalProfile")
        if fixed is not None and fixed.fixed and not self.identifier.text().strip():
            self.identifier.setText(fixed.fixed)
        self.error.hide()
        self._show()
        self.changed.emit()
        return True

    def add_unit_profile(self, path: Path | str, levels: list[str] | None = None) -> bool:
        from app.presets import UnitProfileRef
        from seda.archive_profile import ProfileError, load_unit_profiles

        try:
            load_unit_profiles(path)
        except ProfileError as exc:
            self._refuse(exc.findings)
            return False
        self.unit_refs.append(UnitProfileRef(Path(path), list(levels or [])))
        self.error.hide()
        self._show()
        self.changed.emit()
        return True

    def _refuse(self, findings: list[Any]) -> None:
        self.error.setText("\n".join(describe_finding(f, "fr") for f in findings))
        self.error.show()

    def _pick_profile(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the transfer profile"), "", self.tr("RelaxNG (*.rng)")
        )
        if path:
            self.set_profile_file(path)

    def _pick_units(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose archive-unit profiles"), "", self.tr("JSON (*.json)")
        )
        for path in paths:
            self.add_unit_profile(path)

    def _remove_unit(self) -> None:
        row = self.units.currentRow()
        if 0 <= row < len(self.unit_refs):
            del self.unit_refs[row]
            self._show()
            self.changed.emit()

    def _show(self) -> None:
        self.profile_label.setText(
            str(self.profile_path) if self.profile_path else self.tr("(none)")
        )
        self.clear_button.setEnabled(self.profile_path is not None)
        self.units.clear()
        for ref in self.unit_refs:
            levels = ", ".join(level_label(v) for v in ref.levels)
            self.units.addItem(f"{ref.file.name} — {levels}" if levels else ref.file.name)


__all__ = [
    "ArchiveProfilesTab",
    "ProfileGuidePanel",
    "apply_to_form",
    "apply_to_header_dialog",
]
