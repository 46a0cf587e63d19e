"""Choose the SEDA version and where the SIP goes; shows the header it will carry."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seda.findings import Finding
from seda.model import SEDA_VERSIONS, Package, TransferHeader
from seda.referentials import RulesReferential
from ui.formatting import count, human_size
from ui.header_dialog import HeaderDialog


def default_file_name(package: Package) -> str:
    """``SIP_<first root title>.zip`` with characters file managers dislike removed."""
    base = package.roots[0].title[:120] if package.roots else "versement"  # a title may be huge
    safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in base).strip() or "versement"
    return f"SIP_{safe.replace(' ', '_')}.zip"


class ExportDialog(QDialog):
    """``destination()``, ``seda_version()``, ``verify()``, ``bordereau()``, and a possibly
    edited header."""

    def __init__(
        self,
        package: Package,
        *,
        folder: str = "",
        seda_version: str = "2.1",
        verify: bool = True,
        bordereau: bool = True,
        bordereau_format: str = "pdf",
        preset_dir: str = "",
        parent: QWidget | None = None,
        referential: RulesReferential | None = None,
        check: Callable[[Package], list[Finding]] | None = None,
    ) -> None:
        """``check``: what the SAE would say of the package (the window's verification:
        the profile's referentials, contract, signatures and archive profiles); default,
        the checks with the rules referential alone."""
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(self.tr("Export the SIP"))
        self.package = package
        self.referential = referential
        self.new_header: TransferHeader | None = None
        self.new_version: str | None = None
        self.loaded_preset = ""  # a preset loaded through the header dialog
        self.preset_dir = preset_dir
        stats = package.stats()
        summary = QLabel(
            ", ".join(
                (
                    count(stats.units, "unit"),
                    count(stats.files, "file"),
                    human_size(stats.total_size),
                )
            ),
            self,
        )
        self.version = QComboBox(self)
        for v in SEDA_VERSIONS:
            self.version.addItem(f"SEDA {v}", v)
        self.version.setCurrentIndex(max(0, self.version.findData(seda_version)))
        self.path = QLineEdit(self)
        folder = folder or str(Path.home())
        self.path.setText(os.path.join(folder, default_file_name(package)))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.verify_box = QCheckBox(self.tr("Re-read the SIP after writing it"), self)
        self.verify_box.setChecked(verify)
        self.bordereau_box = QCheckBox(self.tr("Also write the transfer slip (bordereau)"), self)
        self.bordereau_box.setChecked(bordereau)
        # PDF to print and sign (as Transfer › Transfer slip… offers), or HTML for a browser
        self.slip_format = QComboBox(self)
        self.slip_format.addItem(self.tr("PDF, to print and sign"), "pdf")
        self.slip_format.addItem(self.tr("HTML, to open in a browser"), "html")
        self.slip_format.setCurrentIndex(max(0, self.slip_format.findData(bordereau_format)))
        self.bordereau_box.toggled.connect(self.slip_format.setEnabled)
        self.slip_format.setEnabled(bordereau)
        self.slip_format.currentIndexChanged.connect(self._slip_tip)
        slip_row = QHBoxLayout()
        slip_row.addWidget(self.bordereau_box)
        slip_row.addWidget(self.slip_format)
        slip_row.addStretch(1)
        self._slip_tip()
        self.header_label = QLabel(self)
        self.header_label.setWordWrap(True)
        header_button = QPushButton(self.tr("Edit the header / load a preset…"), self)
        header_button.clicked.connect(self.edit_header)
        form = QFormLayout()
        form.addRow(self.tr("Content"), summary)
        form.addRow(self.tr("SEDA version"), self.version)
        form.addRow(self.tr("Save as"), row)
        form.addRow("", self.verify_box)
        form.addRow("", slip_row)
        form.addRow(self.tr("Header"), self.header_label)
        form.addRow("", header_button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # why the destination is refused (seda.safepath: an input, inside a transferred
        # folder, a folder, a FIFO/device…), shown before the user clicks Export
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        # Never a silent refusal: say before writing that the SAE will refuse it, and why.
        self.refusal_label = QLabel(self)
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setStyleSheet("color: #b00020;")
        self.refusal_label.setText(self._refusal_text(referential))
        self.refusal_label.setVisible(bool(self.refusal_label.text()))
        layout.addWidget(self.refusal_label)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._update)
        self._show_header(package.header)
        self._update()
        self.resize(620, 0)
        self.fit_height()

    def fit_height(self) -> None:
        """Tall enough for the wrapped texts at the dialog's width (the refusal's reasons,
        the header's three lines): sized before they were set, the form squeezed the
        header into one clipped line."""
        layout = self.layout()
        wanted = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        wanted = max(wanted, layout.totalMinimumSize().height(), self.sizeHint().height())
        if self.height() < wanted:
            self.resize(self.width(), wanted)

    def _slip_tip(self) -> None:
        tip = self.tr(
            "A document listing what is transferred, to print and sign; "
            "written next to the SIP as %1"
        ).replace("%1", f"…-bordereau.{self.bordereau_format()}")
        self.bordereau_box.setToolTip(tip)
        self.slip_format.setToolTip(tip)

    def _refusal_text(self, referential: RulesReferential | None) -> str:
        """ "" when the SAE should accept the package, else the reasons it will refuse it."""
        from app.i18n import current_language
        from app.messages import reason
        from seda.findings import Severity
        from seda.validate import check_package

        try:
            if self.check is not None:
                findings = self.check(self.package)
            else:
                findings = check_package(self.package, rules=referential)
        except Exception:  # noqa: BLE001 - a check failing must not stop the export dialog
            return ""
        errors = [f for f in findings if f.severity == Severity.ERROR]
        if not errors:
            return ""
        first = " ; ".join(reason(f, current_language(), with_place=False) for f in errors[:3])
        return self.tr(
            "The archives will refuse this transfer: %n blocking problem(s), including: %1.",
            "",
            len(errors),
        ).replace("%1", first)

    def header(self) -> TransferHeader:
        return self.new_header or self.package.header

    def _show_header(self, header: TransferHeader) -> None:
        missing = self.tr("(missing)")
        lines = [
            self.tr("Transferring agency: %1").replace(
                "%1", header.transferring_agency_name or header.transferring_agency or missing
            ),
            self.tr("Archival agency: %1").replace(
                "%1", header.archival_agency_name or header.archival_agency or missing
            ),
            self.tr("Ingest contract: %1").replace("%1", header.archival_agreement or missing),
        ]
        self.header_label.setText("\n".join(lines))

    def _update(self) -> None:
        from seda.safepath import check_destination
        from ui.tree_picker import describe_findings

        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        text = self.path.text().strip()
        sources = [u.source for u in self.package.roots if u.source]
        finding = check_destination(text, inputs=sources) if text else None
        self.problem.setText(describe_findings([finding]) if finding is not None else "")
        self.problem.setVisible(finding is not None)
        if finding is not None:
            self.fit_height()
        ok.setEnabled(bool(text) and finding is None)

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the SIP as"), self.path.text(), self.tr("SIP (*.zip)")
        )
        if path:
            if not path.lower().endswith(".zip"):
                path += ".zip"
            self.path.setText(path)

    def edit_header(self) -> None:
        dialog = HeaderDialog(
            self.header(),
            self.seda_version(),
            self,
            self.preset_dir,
            referential=self.referential,
            roots=self.package.roots,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.loaded_preset = dialog.loaded_preset or self.loaded_preset
            self.new_header = dialog.header()
            self.new_version = dialog.seda_version()
            self.version.setCurrentIndex(max(0, self.version.findData(self.new_version)))
            self._show_header(self.new_header)
            self.fit_height()

    def destination(self) -> str:
        return self.path.text().strip()

    def seda_version(self) -> str:
        return str(self.version.currentData())

    def verify(self) -> bool:
        return self.verify_box.isChecked()

    def bordereau(self) -> bool:
        """Write the transfer slip (``<zip name>-bordereau.pdf|html``) after the SIP."""
        return self.bordereau_box.isChecked()

    def bordereau_format(self) -> str:
        """ "pdf" or "html": the transfer slip's format."""
        return str(self.slip_format.currentData())
