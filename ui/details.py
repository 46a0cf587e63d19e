"""Right-hand panel: the selected unit's description form, its file, the bulk editor.

Every change is pushed as a command on the window's undo stack; the form re-reads the unit
when the model says it changed (undo, redo, bulk edit), with its signals blocked so that
refreshing never creates a new command.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from seda.model import (
    Agent,
    ArchiveUnit,
    BinaryObject,
    DescriptionLevel,
    Keyword,
    MoreDescription,
)
from seda.referentials import RulesReferential
from ui.commands import (
    BulkEditCommand,
    RenameCommand,
    changed_fields,
    push_field_edits,
    title_from_pattern,
)
from ui.fields import DateField, StringListEditor, guard_wheel
from ui.formatting import human_size, level_label, short_text
from ui.rules_editor import (
    COL_DURATION,
    COL_LABEL,
    COL_ORIGIN,
    COL_RULE,
    COL_START,
    COLUMN_COUNT,
    PackageRulesEditor,
    RulesEditor,
)
from ui.tree_model import PackageTreeModel


def join_cotes(values: Sequence[str]) -> str:
    """A unit's cotes as the form's one line shows them (almost always one)."""
    return " ; ".join(values)


def split_cotes(text: str) -> list[str]:
    """The cotes typed in the form's line: « ; » separates several, blanks dropped."""
    return [v.strip() for v in text.split(";") if v.strip()]


def fill_levels(combo: QComboBox) -> None:
    for level in DescriptionLevel:
        combo.addItem(f"{level_label(level)} ({level.value})", level.value)


class UnitForm(QWidget):
    """Description of one unit: title, description, level, dates, keywords, identifiers;
    for a root unit also where it goes in the SAE's tree (``attach_requested`` asks the
    window to open the tree picker)."""

    attach_requested = Signal()

    def __init__(
        self, model: PackageTreeModel, stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.stack = stack
        self.unit: ArchiveUnit | None = None
        self.title = QLineEdit(self)
        self.cote = QLineEdit(self)
        self.cote.setObjectName("coteEdit")
        self.cote.setPlaceholderText(self.tr("e.g. 3 W 12"))
        self.cote.setToolTip(
            self.tr(
                "The cote the archives service gives this unit (SEDA "
                "ArchivalAgencyArchiveUnitIdentifier), printed on the transfer slip. "
                "Several cotes: separate them with « ; ». Edit › Number the cotes… "
                "numbers a whole tree."
            )
        )
        self.level = QComboBox(self)
        fill_levels(self.level)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(60)
        self.description.setMaximumHeight(140)
        self.start = DateField(self)
        self.end = DateField(self)
        self.keywords = StringListEditor(self.tr("New keyword, then Enter"), self)
        self.identifiers = StringListEditor(self.tr("Identifier given by the producer"), self)
        self.source = QLabel(self)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: palette(mid);")
        self.attachment = QLabel(self)
        self.attachment.setObjectName("attachmentLabel")
        self.attachment.setWordWrap(True)
        self.attachment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.attach_button = QPushButton(self.tr("Attach to the positioning tree…"), self)
        self.attach_button.clicked.connect(self.attach_requested)
        attach_box = QWidget(self)
        attach_layout = QVBoxLayout(attach_box)
        attach_layout.setContentsMargins(0, 0, 0, 0)
        attach_layout.setSpacing(2)
        attach_layout.addWidget(self.attachment)
        attach_layout.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.attach_box = attach_box
        form = QFormLayout(self)
        self._form = form
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Cote"), self.cote)
        form.addRow(self.tr("&Level"), self.level)
        form.addRow(self.tr("Attachment"), attach_box)  # roots only (see _show_attachment)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("&Start date"), self.start)
        form.addRow(self.tr("&End date"), self.end)
        form.addRow(self.tr("&Keywords"), self.keywords)
        form.addRow(self.tr("&Originating identifiers"), self.identifiers)
        from ui.more_description import MoreDescriptionForm  # it builds on this module

        self.more = MoreDescriptionForm(model, stack, self)
        form.addRow(self.more)
        form.addRow(self.tr("Made from"), self.source)
        self._description_timer = QTimer(self)
        self._description_timer.setSingleShot(True)
        self._description_timer.setInterval(700)
        self._description_timer.timeout.connect(self._commit_description)
        self.title.editingFinished.connect(self._commit_title)
        self.cote.editingFinished.connect(self._commit_cote)
        self.level.activated.connect(self._commit_level)
        self.description.textChanged.connect(self._description_timer.start)
        self.start.changed.connect(lambda: self._commit({"start_date": self.start.value()}))
        self.end.changed.connect(lambda: self._commit({"end_date": self.end.value()}))
        self.keywords.edited.connect(
            lambda values: self._commit({"keywords": [Keyword(v) for v in values]})
        )
        self.identifiers.edited.connect(lambda values: self._commit({"originating_ids": values}))
        model.units_edited.connect(self._on_units_edited)
        self.setEnabled(False)

    def set_unit(self, unit: ArchiveUnit | None) -> None:
        if self._description_timer.isActive():
            self._description_timer.stop()
            self._commit_description()
        self.unit = unit
        self.setEnabled(unit is not None)
        self.more.set_unit(unit)
        self.refresh()

    def refresh(self) -> None:
        unit = self.unit
        widgets: list[Any] = [self.title, self.cote, self.level, self.description]
        states = [w.blockSignals(True) for w in widgets]
        try:
            if unit is None:
                self.title.clear()
                self.cote.clear()
                self.description.clear()
                self.start.set_value(None)
                self.end.set_value(None)
                self.keywords.set_values([])
                self.identifiers.set_values([])
                self.source.clear()
                self.attachment.clear()
                self._form.setRowVisible(self.attach_box, False)
                return
            # a title longer than a line edit holds (a crafted file) is shown cut and
            # read-only: editing it would silently truncate it, laying it out froze the window
            too_long = len(unit.title) > self.title.maxLength()
            self.title.setReadOnly(too_long)
            self.title.setToolTip(
                self.tr("Title too long to edit here (%1 characters).").replace(
                    "%1", str(len(unit.title))
                )
                if too_long
                else ""
            )
            shown = short_text(unit.title) if too_long else unit.title
            if self.title.text() != shown:
                self.title.setText(shown)
            cote = join_cotes(unit.archival_ids)
            if self.cote.text() != cote:
                self.cote.setText(cote)
                self.cote.setCursorPosition(0)
            i = self.level.findData(str(unit.level))
            self.level.setCurrentIndex(i)
            if self.description.toPlainText() != unit.description:
                self.description.setPlainText(unit.description)
            self.start.set_value(unit.start_date)
            self.end.set_value(unit.end_date)
            self.keywords.set_values([k.content for k in unit.keywords])
            self.identifiers.set_values(unit.originating_ids)
            self.source.setText(unit.source)
            self._show_attachment(unit)
        finally:
            for w, s in zip(widgets, states, strict=True):
                w.blockSignals(s)

    def _show_attachment(self, unit: ArchiveUnit) -> None:
        """Only root units are attached (the SAE reads the top level's attachment)."""
        is_root = unit.parent is None
        self._form.setRowVisible(self.attach_box, is_root)
        if not is_root:
            return
        att = unit.attachment
        if att.is_set:
            from ui.tree_picker import attachment_text

            self.attachment.setText(
                self.tr("Under “%1”, %2")
                .replace("%1", att.title or att.metadata_value or att.system_id)
                .replace("%2", attachment_text(att))
            )
            self.attach_button.setText(self.tr("Change…"))
        else:
            self.attachment.setText(
                self.tr("Not attached: the archives service files it where its contract says.")
            )
            self.attach_button.setText(self.tr("Attach to the positioning tree…"))

    def _on_units_edited(self, units: list[ArchiveUnit]) -> None:
        if self.unit is not None and any(u is self.unit for u in units):
            self.refresh()

    def _commit(self, values: dict[str, Any]) -> None:
        push_field_edits(self.stack, self.model, self.unit, values)

    def _commit_title(self) -> None:
        unit = self.unit
        title = self.title.text().strip()
        if unit is None or self.title.isReadOnly():
            return
        if not title:
            self.title.setText(unit.title)  # a unit always has a title
            return
        if title != unit.title:
            self.stack.push(RenameCommand(self.model, unit, title))

    def _commit_cote(self) -> None:
        if self.unit is not None and self.cote.text() != join_cotes(self.unit.archival_ids):
            self._commit({"archival_ids": split_cotes(self.cote.text())})

    def _commit_level(self) -> None:
        self._commit({"level": self.level.currentData()})

    def _commit_description(self) -> None:
        self._commit({"description": self.description.toPlainText()})


class ObjectPanel(QWidget):
    """The file behind a unit: name, path, size, format, MIME, SHA-512; open it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.obj: BinaryObject | None = None
        self.unit: ArchiveUnit | None = None
        self.chooser = QComboBox(self)
        self.chooser.setVisible(False)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {
            "filename": self.tr("File name"),
            "path": self.tr("Path on disk"),
            "size": self.tr("Size"),
            "puid": self.tr("PRONOM id"),
            "format": self.tr("Format"),
            "version": self.tr("Version"),
            "mime": self.tr("MIME type"),
            "basis": self.tr("Identified by"),
            "modified": self.tr("Last modified"),
            "digest": self.tr("SHA-512"),
        }
        for key, label in labels.items():
            edit = QLineEdit(self)
            edit.setReadOnly(True)
            edit.setFrame(False)
            edit.setObjectName(f"object_{key}")
            self.fields[key] = edit
            if key == "digest":
                self.copy_button = QToolButton(self)
                self.copy_button.setText(self.tr("Copy"))
                self.copy_button.clicked.connect(self.copy_digest)
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                row.addWidget(self.copy_button)
                form.addRow(label, row)
            else:
                form.addRow(label, edit)
        self.open_button = QPushButton(self.tr("Open the file"), self)
        self.folder_button = QPushButton(self.tr("Show in folder"), self)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.open_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.chooser.currentIndexChanged.connect(self._choose)
        self.set_unit(None)

    def set_unit(self, unit: ArchiveUnit | None) -> None:
        self.unit = unit
        objects = unit.objects if unit is not None else []
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for obj in objects:
            self.chooser.addItem(obj.filename)
        self.chooser.setVisible(len(objects) > 1)
        self.chooser.blockSignals(False)
        self.show_object(objects[0] if objects else None)

    def _choose(self, i: int) -> None:
        if self.unit is not None and 0 <= i < len(self.unit.objects):
            self.show_object(self.unit.objects[i])

    def show_object(self, obj: BinaryObject | None) -> None:
        self.obj = obj
        f = self.fields
        for edit in f.values():
            edit.clear()
        local = obj is not None and not obj.source.startswith("zip:")
        self.open_button.setEnabled(local)
        self.folder_button.setEnabled(local)
        self.copy_button.setEnabled(obj is not None and bool(obj.digest))
        if obj is None:
            return
        fmt = obj.format
        f["filename"].setText(obj.filename)
        f["path"].setText(obj.source)
        f["size"].setText(f"{human_size(obj.size)} ({QLocale().toString(obj.size)})")
        pending = not obj.digest and not fmt.puid
        f["puid"].setText(fmt.puid or (self.tr("analysing…") if pending else self.tr("unknown")))
        f["format"].setText(fmt.name)
        f["version"].setText(fmt.version)
        f["mime"].setText(fmt.mime)
        basis = fmt.basis
        if fmt.engine:
            basis = f"{fmt.engine}: {basis}" if basis else fmt.engine
        if fmt.warning:
            basis = f"{basis} — {fmt.warning}" if basis else fmt.warning
        f["basis"].setText(basis)
        if obj.last_modified is not None:
            f["modified"].setText(
                QLocale().toString(obj.last_modified, QLocale.FormatType.ShortFormat)
            )
        f["digest"].setText(obj.digest)
        for edit in f.values():
            edit.setCursorPosition(0)  # show the start of long values

    def copy_digest(self) -> None:
        if self.obj is not None and self.obj.digest:
            QGuiApplication.clipboard().setText(self.obj.digest)

    def open_file(self) -> None:
        if self.obj is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.obj.source))

    def open_folder(self) -> None:
        if self.obj is not None:
            from pathlib import Path

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.obj.source).parent)))


class BulkEditor(QWidget):
    """Set the level, dates or a title pattern on all selected units in one undo step."""

    applied = Signal(int)

    def __init__(
        self, model: PackageTreeModel, stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.stack = stack
        self.units: list[ArchiveUnit] = []
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.level_box = QCheckBox(self.tr("Level"), self)
        self.level = QComboBox(self)
        fill_levels(self.level)
        self.start_box = QCheckBox(self.tr("Start date"), self)
        self.start = DateField(self)
        self.start.enabled_box.setChecked(True)
        self.end_box = QCheckBox(self.tr("End date"), self)
        self.end = DateField(self)
        self.end.enabled_box.setChecked(True)
        self.title_box = QCheckBox(self.tr("Title"), self)
        self.pattern = QLineEdit(self)
        self.pattern.setText("{title}")
        self.pattern.setToolTip(
            self.tr(
                "{title}: current title, {n} or {n:03}: position in the selection, "
                "{parent}: parent's title, {year}: start year"
            )
        )
        self.cote_box = QCheckBox(self.tr("Cote"), self)
        self.cote_pattern = QLineEdit(self)
        self.cote_pattern.setObjectName("bulkCote")
        self.cote_pattern.setPlaceholderText(self.tr("e.g. 3 W {n}"))
        self.cote_pattern.setToolTip(
            self.tr(
                "{n} or {n:03}: position in the selection, {title}: title, {year}: start "
                "year. Empty: the cotes are removed. Edit › Number the cotes… numbers "
                "by level."
            )
        )
        self.writer_box = QCheckBox(self.tr("Add a writer"), self)
        self.writer = QLineEdit(self)
        self.writer.setPlaceholderText(self.tr("Writer's name"))
        self.language_box = QCheckBox(self.tr("Languages"), self)
        self.language = QLineEdit(self)
        self.language.setPlaceholderText(self.tr("Language codes, e.g. fr, oc"))
        self.preview = QLabel(self)
        self.preview.setStyleSheet("color: palette(mid);")
        self.apply_button = QPushButton(self.tr("Apply to the selection"), self)
        self.apply_button.setDefault(True)
        group = QGroupBox(self.tr("Change for every selected unit"), self)
        form = QFormLayout(group)
        form.addRow(self.level_box, self.level)
        form.addRow(self.start_box, self.start)
        form.addRow(self.end_box, self.end)
        form.addRow(self.title_box, self.pattern)
        form.addRow(self.cote_box, self.cote_pattern)
        form.addRow(self.writer_box, self.writer)
        form.addRow(self.language_box, self.language)
        form.addRow("", self.preview)
        # its fields scroll: a short window keeps its height (the 1366x768 laptop)
        fields = QWidget(self)
        inner = QVBoxLayout(fields)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(group)
        inner.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        inner.addStretch(1)
        scroll = _scrolled(fields)
        scroll.viewport().setAutoFillBackground(False)  # the tab's own background
        fields.setAutoFillBackground(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        for w, box in (
            (self.level, self.level_box),
            (self.start, self.start_box),
            (self.end, self.end_box),
            (self.pattern, self.title_box),
            (self.cote_pattern, self.cote_box),
            (self.writer, self.writer_box),
            (self.language, self.language_box),
        ):
            w.setEnabled(False)
            box.toggled.connect(w.setEnabled)
            box.toggled.connect(self._update)
        self.pattern.textChanged.connect(self._update)
        self.cote_pattern.textChanged.connect(self._update)
        self.writer.textChanged.connect(self._update)
        self.language.textChanged.connect(self._update)
        self.apply_button.clicked.connect(self.apply)
        self._update()

    def set_units(self, units: Sequence[ArchiveUnit]) -> None:
        self.units = list(units)
        self.heading.setText(self.tr("%n units selected", "", len(self.units)))
        self._update()

    def edits(self) -> list[tuple[ArchiveUnit, dict[str, Any]]]:
        """(unit, changed fields) for every selected unit the form changes."""
        values_for = self.values_for()
        out = []
        for n, unit in enumerate(self.units, start=1):
            changed = values_for(n, unit)
            if changed:
                out.append((unit, changed))
        return out

    def values_for(self) -> Callable[[int, ArchiveUnit], dict[str, Any]]:
        """``values_for(n, unit)``: the fields the form changes on the n-th selected unit
        (1-based). The form is read once here, not once per unit (100,000 units)."""
        same: dict[str, Any] = {}
        if self.level_box.isChecked():
            same["level"] = self.level.currentData()
        if self.start_box.isChecked():
            same["start_date"] = self.start.value()
        if self.end_box.isChecked():
            same["end_date"] = self.end.value()
        pattern = self.pattern.text() if self.title_box.isChecked() else None
        cote = self.cote_pattern.text() if self.cote_box.isChecked() else None
        writer = self.writer.text().strip() if self.writer_box.isChecked() else ""
        languages = self.languages() if self.language_box.isChecked() else None
        with_more = bool(writer) or languages is not None
        more_with = self._more_with

        def values_for(n: int, unit: ArchiveUnit) -> dict[str, Any]:
            values = dict(same)
            if pattern is not None:
                title = title_from_pattern(pattern, unit, n)
                if title:
                    values["title"] = title
            if cote is not None:
                values["archival_ids"] = split_cotes(title_from_pattern(cote, unit, n))
            more = more_with(unit, writer, languages) if with_more else None
            if more is not None:
                values["more"] = more
            return changed_fields(unit, values)

        return values_for

    def languages(self) -> list[str] | None:
        """The language codes typed (xsd:language), None when one is not a code."""
        codes = [c.strip() for c in self.language.text().replace(";", ",").split(",") if c.strip()]
        ok = all(re.fullmatch(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*", c) for c in codes)
        return codes if ok else None

    def _more_for(self, unit: ArchiveUnit) -> MoreDescription | None:
        """``unit.more`` with the writer added / languages set, None when unchanged."""
        writer = self.writer.text().strip() if self.writer_box.isChecked() else ""
        languages = self.languages() if self.language_box.isChecked() else None
        return self._more_with(unit, writer, languages)

    @staticmethod
    def _more_with(
        unit: ArchiveUnit, writer: str, languages: list[str] | None
    ) -> MoreDescription | None:
        if not writer and languages is None:
            return None
        more = copy.deepcopy(unit.more) if unit.more is not None else MoreDescription()
        if writer and not any(a.element == "Writer" and a.full_name == writer for a in more.agents):
            more.agents.append(Agent("Writer", full_name=writer))
        if languages is not None:
            more.languages = languages
        return more if more != unit.more else None

    def _update(self) -> None:
        boxes = (
            self.level_box,
            self.start_box,
            self.end_box,
            self.title_box,
            self.cote_box,
            self.writer_box,
            self.language_box,
        )
        any_checked = any(b.isChecked() for b in boxes)
        bad_language = self.language_box.isChecked() and self.languages() is None
        self.apply_button.setEnabled(any_checked and bool(self.units) and not bad_language)
        if bad_language:
            self.preview.setText(self.tr("Not a language code: write e.g. fr, en, oc, fr-FR."))
            return
        patterns = [self.pattern] if self.title_box.isChecked() else []
        patterns += [self.cote_pattern] if self.cote_box.isChecked() else []
        if patterns and self.units:
            sample = [
                " ".join(title_from_pattern(p.text(), u, n) for p in reversed(patterns))
                for n, u in enumerate(self.units[:3], 1)
            ]
            self.preview.setText(self.tr("e.g.: %1").replace("%1", " · ".join(sample)))
        else:
            self.preview.clear()

    def apply(self) -> int:
        """Apply the form to the selection as one undo step; returns the number of units
        changed, or -1 when a large selection's edit goes on in slices (``applied``
        gives the number when it ends; the status bar shows its progress)."""
        counted: list[int] = []
        command = BulkEditCommand(self.model, units=self.units, values_for=self.values_for())
        command.on_applied = counted.append
        self.stack.push(command)
        if counted:
            command.on_applied = None
            self._applied(counted[0], command)
            return counted[0]
        command.on_applied = lambda n: self._applied(n, command)
        return -1

    def _applied(self, count: int, command: BulkEditCommand) -> None:
        if count == 0 and self.stack.command(self.stack.index() - 1) is command:
            command.setObsolete(True)  # nothing changed: no empty undo step
            self.stack.undo()
        self.applied.emit(count)


class CompactRulesMixin:
    """Lays a rules editor out for a pane narrower than its seven columns.

    Buttons on two rows, category names across the whole row (the "Rule" column then only
    needs the rule codes), the origin column capped, and when the pane is narrow the start
    date and duration columns give way (the end date and the origin matter most): the
    rule's label keeps room to be read. Mixed in before a ``RulesEditor`` class.
    """

    ORIGIN_MAX = 170
    LABEL_MIN = 120

    view: QTreeView
    model: Any
    targets: list[Any]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # type: ignore[call-arg]
        editor: Any = self
        layout = editor.layout()
        for i in range(layout.count() if layout is not None else 0):
            row = layout.itemAt(i).layout()
            if isinstance(row, QHBoxLayout) and row.indexOf(editor.add_button) >= 0:
                second = QHBoxLayout()
                for button in (editor.block_button, editor.options_button):
                    row.removeWidget(button)
                    second.addWidget(button)
                second.addStretch(1)
                layout.insertLayout(i + 1, second)
                break

    def refresh(self) -> None:
        super().refresh()  # type: ignore[misc]
        view, model = self.view, self.model
        root = QModelIndex()
        first = self.targets[0] if self.targets else None
        for row in range(model.rowCount(root)):
            category = model.category_at(model.index(row, 0, root)) or ""
            block = first.management.rules.get(category) if first is not None else None
            # a category with a note the user must read (inheritance blocked...) keeps its
            # columns; otherwise its name spans the row
            noted = block is not None and bool(block.prevent_inheritance or block.ref_non_rule_ids)
            view.setFirstColumnSpanned(row, root, not noted)
        view.resizeColumnToContents(COL_RULE)
        self.fit_columns()

    def fit_columns(self) -> None:
        view = self.view
        for col in (COL_START, COL_DURATION):
            view.setColumnHidden(col, False)
        view.resizeColumnToContents(COL_ORIGIN)
        if view.columnWidth(COL_ORIGIN) > self.ORIGIN_MAX:
            view.setColumnWidth(COL_ORIGIN, self.ORIGIN_MAX)
        available = view.viewport().width()
        for col in (COL_DURATION, COL_START):
            others = sum(
                view.columnWidth(c)
                for c in range(COLUMN_COUNT)
                if c != COL_LABEL and not view.isColumnHidden(c)
            )
            if others + self.LABEL_MIN <= available:
                break
            view.setColumnHidden(col, True)
        else:  # still narrow: the origin column gives way too, down to a minimum
            others = sum(
                view.columnWidth(c)
                for c in range(COLUMN_COUNT)
                if c not in (COL_LABEL, COL_ORIGIN) and not view.isColumnHidden(c)
            )
            spare = available - others - self.LABEL_MIN
            view.setColumnWidth(COL_ORIGIN, max(140, min(view.columnWidth(COL_ORIGIN), spare)))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)  # type: ignore[misc]
        if self.targets:
            self.fit_columns()


class UnitRulesEditor(CompactRulesMixin, RulesEditor):
    """The selected units' rules, in the details pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesPanel")


class CompactPackageRulesEditor(CompactRulesMixin, PackageRulesEditor):
    """The transfer-level default rules, in the transfer header dialog."""


def _scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that scrolls only vertically."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(widget)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


class DetailsPanel(QStackedWidget):
    """Empty hint, or tabs over the selection.

    One unit: Description, File, Management rules. Several units: Selection (the bulk
    editor) and Management rules, whose changes apply to all of them in one undo step.
    The rules editor is the same widget in both cases; ``set_referential`` gives it the
    current profile's rules referential (labels, durations, end dates).
    """

    PAGE_EMPTY, PAGE_UNIT = range(2)
    TAB_BULK, TAB_DESCRIPTION, TAB_FILE, TAB_RULES = range(4)

    def __init__(
        self, model: PackageTreeModel, stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.stack = stack
        self.referential: RulesReferential | None = None
        self.units: list[ArchiveUnit] = []
        hint = QLabel(self.tr("Select a unit to describe it."), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.form = UnitForm(model, stack)
        self.object_panel = ObjectPanel()
        self.rules_panel = UnitRulesEditor()
        self.rules_panel.setObjectName("rulesPanel")
        self.bulk = BulkEditor(model, stack)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.bulk, self.tr("Selection"))
        self.tabs.addTab(_scrolled(self.form), self.tr("Description"))
        self.tabs.addTab(self.object_panel, self.tr("File"))
        self.tabs.addTab(self.rules_panel, self.tr("Management rules"))
        self.addWidget(hint)
        self.addWidget(self.tabs)
        self.rules_panel.units_changed.connect(self._rules_changed)
        model.dataChanged.connect(self._on_data_changed)
        model.structure_changed.connect(self.refresh_rules)  # moved units inherit elsewhere
        model.units_edited.connect(self._on_units_edited)
        model.modelReset.connect(self._package_replaced)
        guard_wheel(self)  # scrolling the form never changes a field under the pointer
        self.show_units([])

    def set_referential(self, referential: RulesReferential | None) -> None:
        self.referential = referential
        self._set_rules_context()

    def _set_rules_context(self) -> None:
        self.rules_panel.set_context(
            self.model.package if self.units else None, self.units, self.referential, self.stack
        )

    def refresh_rules(self) -> None:
        """Recompute the rules shown (package-level rules, moves, dates changed elsewhere)."""
        if self.units and self.rules_panel.package is not self.model.package:
            self._set_rules_context()
        elif self.units:
            self.rules_panel.refresh()

    def _package_replaced(self) -> None:
        self.show_units([])

    def show_units(self, units: Sequence[ArchiveUnit]) -> None:
        """Show the selection; the tab the user was on stays when it still applies."""
        self.units = list(units)
        tabs = self.tabs
        if not units:
            self.form.set_unit(None)
            self.object_panel.set_unit(None)
            self.bulk.set_units([])
            self._set_rules_context()
            self.setCurrentIndex(self.PAGE_EMPTY)
            return
        previous = tabs.currentIndex()
        single = len(units) == 1
        unit = units[0]
        if single:
            self.form.set_unit(unit)
            self.object_panel.set_unit(unit)
            if previous == self.TAB_RULES or (previous == self.TAB_FILE and unit.objects):
                wanted = previous
            else:
                wanted = self.TAB_DESCRIPTION
        else:
            self.form.set_unit(None)
            self.object_panel.set_unit(None)
            self.bulk.set_units(units)
            wanted = self.TAB_RULES if previous == self.TAB_RULES else self.TAB_BULK
        tabs.setTabVisible(self.TAB_BULK, not single)
        tabs.setTabVisible(self.TAB_DESCRIPTION, single)
        tabs.setTabVisible(self.TAB_FILE, single)
        tabs.setTabEnabled(self.TAB_FILE, single and bool(unit.objects))
        tabs.setCurrentIndex(wanted)
        self._set_rules_context()
        self.setCurrentIndex(self.PAGE_UNIT)

    def show_rules(self) -> None:
        """Bring the management rules tab forward (for the selection shown)."""
        if self.units:
            self.tabs.setCurrentIndex(self.TAB_RULES)

    def _rules_changed(self, units: list[ArchiveUnit]) -> None:
        """A rules edit (or its undo/redo): repaint those rows of the tree."""
        self.model.refresh_units(units)

    def _on_units_edited(self, units: list[ArchiveUnit]) -> None:
        # a title shows as an inherited rule's origin; cheap: one unit's ancestors
        if self.units:
            self.rules_panel.refresh()

    def _on_data_changed(self, top_left: Any, bottom_right: Any, roles: Any = None) -> None:
        unit = self.object_panel.unit
        if unit is None or not top_left.isValid():
            return
        if unit.parent is not self.model.unit(top_left.parent()):
            return
        try:
            row = self.model.view_row(unit)
        except ValueError:
            return
        if top_left.row() <= row <= bottom_right.row():
            self.object_panel.set_unit(unit)
