"""Findings as a table, in the user's language; double-click jumps to the unit.

``FindingsView`` lists what the scan and the export found; ``VerificationPanel`` lists what
"Verify the transfer" found (``seda.validate.check_package``), errors first, with a summary
line and a button to check again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from seda.findings import Finding, Severity
from seda.scan import readable_source
from ui.formatting import describe_finding
from ui.icons import severity_icon

_ROOT = QModelIndex()
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

# SEDA name of a header field (``params["field"]``) -> the transfer-header dialog's field
HEADER_FIELDS = {
    "ArchivalAgreement": "archival_agreement",
    "ArchivalAgency": "archival_agency",
    "TransferringAgency": "transferring_agency",
    "OriginatingAgencyIdentifier": "originating_agency",
    "SubmissionAgencyIdentifier": "submission_agency",
    "AcquisitionInformation": "acquisition_information",
    "LegalStatus": "legal_status",
    "Comment": "comment",
}


def header_field_label(key: str) -> str:
    """The name the transfer-header dialog gives ``key``, in the window's language."""
    return {
        "archival_agreement": QCoreApplication.translate("FindingsModel", "Ingest contract"),
        "archival_agency": QCoreApplication.translate("FindingsModel", "Archival agency"),
        "transferring_agency": QCoreApplication.translate("FindingsModel", "Transferring agency"),
        "originating_agency": QCoreApplication.translate("FindingsModel", "Originating agency"),
        "submission_agency": QCoreApplication.translate("FindingsModel", "Submission agency"),
        "acquisition_information": QCoreApplication.translate(
            "FindingsModel", "Acquisition information"
        ),
        "legal_status": QCoreApplication.translate("FindingsModel", "Legal status"),
        "comment": QCoreApplication.translate("FindingsModel", "Comment"),
    }.get(key, key)


def header_field(finding: Finding) -> str | None:
    """The header dialog's field a finding is about (None: not a header field)."""
    if finding.unit_uid is not None:
        return None
    field = (finding.params or {}).get("field")
    return HEADER_FIELDS.get(str(field)) if field else None


class FindingsModel(QAbstractTableModel):
    """Rows are ``Finding``s; columns: message, path. Text is computed once per finding."""

    COL_MESSAGE, COL_PATH = range(2)

    def __init__(self, lang: str = "fr", parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.findings: list[Finding] = []
        self._text: dict[int, str] = {}  # row -> sentence, filled lazily (visible rows only)
        # uid -> the unit's readable path (« Dossier › pièce »); set by the Verification tab
        self.unit_path: Callable[[int], str] | None = None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Finding"), self.tr("Where"))[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        f = self.findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.COL_MESSAGE:
                return self.text(index.row())
            return self.location(f)
        if role == Qt.ItemDataRole.ToolTipRole:
            where = self.location(f)
            return f"{self.text(index.row())}\n{where}" if where else self.text(index.row())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.COL_MESSAGE:
            return severity_icon(str(f.severity))
        if role == Qt.ItemDataRole.UserRole:
            return f
        return None

    def location(self, f: Finding) -> str:
        """Where the finding is: the unit's path in the tree, the file, the header's field
        (« En-tête du versement › Service producteur »), or the whole transfer."""
        if f.unit_uid is not None and self.unit_path is not None:
            path = self.unit_path(f.unit_uid)
            if path:
                return path
        if f.path:
            return readable_source(f.path)
        header = self.tr("Transfer header")
        key = header_field(f)
        if key is not None:
            return f"{header} › {header_field_label(key)}"
        field = (f.params or {}).get("field")
        if f.unit_uid is None and field:
            return f"{header} › {field}"
        return self.tr("The whole transfer") if f.unit_uid is None else ""

    def add(self, findings: Sequence[Finding]) -> None:
        if not findings:
            return
        first = len(self.findings)
        self.beginInsertRows(_ROOT, first, first + len(findings) - 1)
        self.findings.extend(findings)
        self.endInsertRows()

    def text(self, row: int) -> str:
        """The finding as a sentence; made on first display (a scan may yield 10,000+)."""
        text = self._text.get(row)
        if text is None:
            # the place has its own column: the sentence keeps only the line, if any
            finding = dataclasses.replace(self.findings[row], path="")
            text = self._text[row] = describe_finding(finding, self.lang)
        return text

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Replace the rows, errors first then warnings then remarks (stable otherwise)."""
        self.beginResetModel()
        self.findings = sorted(findings, key=lambda f: _SEVERITY_ORDER.get(f.severity, 3))
        self._text.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.findings.clear()
        self._text.clear()
        self.endResetModel()

    def counts(self) -> dict[str, int]:
        out = {str(s): 0 for s in Severity}
        for f in self.findings:
            out[str(f.severity)] = out.get(str(f.severity), 0) + 1
        return out


class FindingsView(QTableView):
    """Emits ``unit_requested(uid)`` on double-click of a finding tied to a unit,
    ``header_requested(field)`` on one about a field of the transfer header."""

    unit_requested = Signal(int)
    header_requested = Signal(str)

    def __init__(self, model: FindingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 520)
        header.setStretchLastSection(True)
        self.doubleClicked.connect(self._activated)
        self.activated.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        finding = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        if finding is not None and finding.unit_uid is not None:
            self.unit_requested.emit(finding.unit_uid)
        elif finding is not None and header_field(finding) is not None:
            self.header_requested.emit(header_field(finding))


class VerificationPanel(QWidget):
    """What the archives service would refuse or warn about, from "Verify the transfer".

    ``verify_requested`` asks the window to check again; ``unit_requested(uid)`` comes from
    a double-click on a finding tied to a unit.
    """

    verify_requested = Signal()
    unit_requested = Signal(int)
    header_requested = Signal(str)

    def __init__(self, lang: str = "fr", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingsModel(lang, self)
        self.view = FindingsView(self.model, self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.verify_button = QPushButton(self.tr("Verify again"), self)
        self.verify_button.clicked.connect(self.verify_requested)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.view.unit_requested.connect(self.unit_requested)
        self.view.header_requested.connect(self.header_requested)
        self.verified = False
        self.stale = False
        self.show_findings(None)

    def show_findings(self, findings: Sequence[Finding] | None) -> None:
        """The result of a check (None: not checked yet)."""
        self.verified = findings is not None
        self.stale = False
        self.model.set_findings(list(findings or []))
        self.verify_button.setText(
            self.tr("Verify again") if self.verified else self.tr("Verify the transfer")
        )
        if findings is None:
            self.summary.setText(
                self.tr(
                    "Not verified yet: “Verify the transfer” lists what the archives service "
                    "would refuse, before you export."
                )
            )
            self.summary.setStyleSheet("")
            return
        counts = self.model.counts()
        errors, warnings = counts.get("error", 0), counts.get("warning", 0)
        when = QLocale().toString(QTime.currentTime(), QLocale.FormatType.ShortFormat)
        if errors:
            text = self.tr(
                "Checked at %1: %n error(s) the archives service would refuse", "", errors
            )
            style = "color: #b00020; font-weight: bold;"
        elif warnings:
            text = self.tr(
                "Checked at %1: nothing refused, but %n warning(s) to read", "", warnings
            )
            style = "color: #8a5300;"
        else:
            text = self.tr("Checked at %1: nothing the archives service would refuse.")
            style = "color: #2e7d32;"
        if errors and warnings:
            text += self.tr(", and %n warning(s)", "", warnings)
        if errors or warnings:
            text += "."
        self.summary.setText(text.replace("%1", when))
        self.summary.setStyleSheet(style)

    def mark_stale(self) -> None:
        """The package changed since the check: say the list may be out of date."""
        if not self.verified or self.stale:
            return
        self.stale = True
        self.summary.setText(
            self.summary.text() + " " + self.tr("(The transfer changed since: verify again.)")
        )
        self.summary.setStyleSheet("color: palette(mid);")

    def errors(self) -> list[Finding]:
        return [f for f in self.model.findings if f.severity == Severity.ERROR]
