"""The transfer header (who sends what to whom) and the transfer-level default rules,
filled from a YAML preset (profile) or by hand.

The dialog edits copies; nothing reaches the package before OK, and then as one undo step
(the window pushes ``SetHeaderCommand``). The default rules editor has its own undo stack
while the dialog is open.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import resources
from app.i18n import current_language
from app.labels import legal_status_label
from app.presets import LEGAL_STATUSES as STATUSES
from seda.model import SEDA_VERSIONS, ArchiveUnit, Package, TransferHeader
from seda.referentials import RulesReferential
from ui.details import CompactPackageRulesEditor

PRESETS_DIR = resources.path("presets")

# (attribute, label, multi-line)
_TEXT_FIELDS = (
    ("archival_agreement", "Ingest contract (ArchivalAgreement)"),
    ("archival_agency", "Archival agency identifier"),
    ("archival_agency_name", "Archival agency name"),
    ("transferring_agency", "Transferring agency identifier"),
    ("transferring_agency_name", "Transferring agency name"),
    ("originating_agency", "Originating agency identifier"),
    ("submission_agency", "Submission agency identifier"),
    ("acquisition_information", "Acquisition information"),
)
LEGAL_STATUSES = ("", *STATUSES)


class HeaderDialog(QDialog):
    """Edits a copy of the header; ``header()`` / ``seda_version()`` give the result."""

    def __init__(
        self,
        header: TransferHeader,
        seda_version: str,
        parent: QWidget | None = None,
        preset_dir: str = "",
        *,
        referential: RulesReferential | None = None,
        roots: Sequence[ArchiveUnit] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer header"))
        self._header = copy.deepcopy(header)
        self._version = seda_version
        self.preset_dir = preset_dir or str(PRESETS_DIR)
        self.loaded_preset = ""
        self.referential = referential
        # The rules editor works on a scratch package sharing our header copy; the roots
        # are only read (their end dates suggest a start date).
        self._rules_package = Package(header=self._header, roots=list(roots))
        self._rules_stack = QUndoStack(self)
        labels = {
            "archival_agreement": self.tr("Ingest contract"),
            "archival_agency": self.tr("Archival agency (identifier)"),
            "archival_agency_name": self.tr("Archival agency (name)"),
            "transferring_agency": self.tr("Transferring agency (identifier)"),
            "transferring_agency_name": self.tr("Transferring agency (name)"),
            "originating_agency": self.tr("Originating agency (identifier)"),
            "submission_agency": self.tr("Submission agency (identifier)"),
            "acquisition_information": self.tr("Acquisition information"),
        }
        intro = QLabel(
            self.tr(
                "These fields come from your archives service. Load the preset it gave you, "
                "or type them in."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.preset_button = QPushButton(self.tr("Load a preset…"), self)
        self.preset_label = QLabel(self)
        self.preset_button.clicked.connect(self.choose_preset)
        top = QHBoxLayout()
        top.addWidget(self.preset_button)
        top.addWidget(self.preset_label, 1)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key, _english in _TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(key)
            self.edits[key] = edit
            form.addRow(labels[key], edit)
        self.legal_status = QComboBox(self)
        for value in LEGAL_STATUSES:
            text = legal_status_label(value, current_language()) if value else ""
            self.legal_status.addItem(text or self.tr("(not given)"), value)
        form.addRow(self.tr("Legal status"), self.legal_status)
        self.comment = QPlainTextEdit(self)
        self.comment.setMaximumHeight(70)
        form.addRow(self.tr("Comment"), self.comment)
        self.version = QComboBox(self)
        for v in SEDA_VERSIONS:
            self.version.addItem(f"SEDA {v}", v)
        form.addRow(self.tr("SEDA version"), self.version)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.rules_editor = CompactPackageRulesEditor()
        self.rules_editor.setObjectName("defaultRules")
        self.rules_editor.add_button.setText(self.tr("Add a default rule"))
        rules_note = QLabel(
            self.tr(
                "Every unit of the transfer inherits these rules (ManagementMetadata), unless "
                "a unit says otherwise in its own “Management rules” tab."
            ),
            self,
        )
        rules_note.setWordWrap(True)
        header_page = QWidget(self)
        header_layout = QVBoxLayout(header_page)
        header_layout.addWidget(intro)
        header_layout.addLayout(top)
        header_layout.addLayout(form)
        header_layout.addStretch(1)
        rules_page = QWidget(self)
        rules_layout = QVBoxLayout(rules_page)
        rules_layout.addWidget(rules_note)
        rules_layout.addWidget(self.rules_editor, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(header_page, self.tr("Header"))
        self.tabs.addTab(rules_page, self.tr("Default rules (transfer level)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, max(560, self.sizeHint().height()))
        self._fill()

    def _fill(self) -> None:
        h = self._header
        for key, edit in self.edits.items():
            edit.setText(getattr(h, key))
        i = self.legal_status.findData(h.legal_status)
        self.legal_status.setCurrentIndex(max(0, i))
        self.comment.setPlainText(h.comment)
        self.version.setCurrentIndex(max(0, self.version.findData(self._version)))
        self._rules_package.header = h
        self._rules_stack.clear()  # its commands point at the previous header copy
        self.rules_editor.set_package(self._rules_package, self.referential, self._rules_stack)

    def header(self) -> TransferHeader:
        h = copy.deepcopy(self._header)
        for key, edit in self.edits.items():
            setattr(h, key, edit.text().strip())
        h.legal_status = self.legal_status.currentData() or ""
        h.comment = self.comment.toPlainText().strip()
        return h

    def seda_version(self) -> str:
        return str(self.version.currentData())

    def choose_preset(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a preset"), self.preset_dir, self.tr("Presets (*.yaml *.yml)")
        )
        if path:
            self.load_preset(path)

    def load_preset(self, path: str) -> bool:
        """Apply a YAML preset on the fields (not on the package until OK)."""
        from app.presets import PresetError, apply_preset, load_preset

        try:
            preset = load_preset(path)
        except PresetError as exc:
            QMessageBox.warning(self, self.tr("Preset refused"), str(exc))
            return False
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Preset refused"), f"{path}\n{exc}")
            return False
        scratch = Package(header=self.header(), seda_version=self.seda_version())
        apply_preset(preset, scratch)
        if self.referential is None and preset.referentials.rules is not None:
            from seda.referentials import ReferentialError, load_rules

            try:
                self.referential = load_rules(preset.referentials.rules)
            except (ReferentialError, OSError):
                pass  # the rules stay editable by code; labels and end dates are missing
        self._header = scratch.header
        self._version = scratch.seda_version
        self._fill()
        self.loaded_preset = path
        self.preset_dir = str(Path(path).parent)
        self.preset_label.setText(preset.name or Path(path).name)
        return True
