"""Transfer › Transfer slip…: where the *bordereau de versement* goes, PDF or HTML, and what
it lists (the CLI's ``verso bordereau -o x.pdf|x.html --annexe --depth``)."""

from __future__ import annotations

import os
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
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seda.model import Package

FORMATS = ("pdf", "html")
_SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def slip_format(path: str) -> str:
    """ "pdf" or "html" after ``path``'s extension; "" when it names neither."""
    return _SUFFIXES.get(Path(path).suffix.lower(), "")


def default_slip_name(package: Package, fmt: str = "pdf") -> str:
    """``<first root title>-bordereau.pdf`` with characters file managers dislike removed."""
    base = package.roots[0].title[:120] if package.roots else "versement"
    safe = "".join(c if c.isalnum() or c in "-_ " else "_" for c in base).strip() or "versement"
    return f"{safe.replace(' ', '_')}-bordereau.{fmt}"


class BordereauDialog(QDialog):
    """``destination()``, ``fmt()``, ``annex()``, ``list_depth()`` (None: every level);
    ``confirmed`` is the path the save dialog already asked to replace ("" if none)."""

    def __init__(
        self,
        package: Package,
        *,
        folder: str = "",
        fmt: str = "pdf",
        annex: bool = False,
        depth: int | None = None,
        inputs: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer slip"))
        self.package = package
        self.inputs = list(inputs or [])
        self.confirmed = ""
        intro = QLabel(
            self.tr(
                "The transfer slip (bordereau de versement) lists what is transferred, "
                "to print and sign by both services. It states the verification's verdict "
                "(the Verification tab's)."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.format = QComboBox(self)
        self.format.addItem(self.tr("PDF, to print and sign"), "pdf")
        self.format.addItem(self.tr("HTML, to open in a browser"), "html")
        self.format.setCurrentIndex(max(0, self.format.findData(fmt if fmt in FORMATS else "pdf")))
        self.path = QLineEdit(self)
        folder = folder or str(Path.home())
        self.path.setText(os.path.join(folder, default_slip_name(package, self.fmt())))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.annex_box = QCheckBox(self.tr("Add the list of every file (annex)"), self)
        self.annex_box.setChecked(annex)
        self.depth_box = QSpinBox(self)
        self.depth_box.setRange(-1, 99)
        self.depth_box.setSpecialValueText(self.tr("every level"))
        self.depth_box.setValue(-1 if depth is None else depth)
        self.depth_box.setToolTip(
            self.tr(
                "0: the top units only; deeper units are summed up on the row of the unit "
                "above them"
            )
        )
        form = QFormLayout()
        form.addRow(intro)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Save as"), row)
        form.addRow(self.tr("Units listed down to level"), self.depth_box)
        form.addRow("", self.annex_box)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make the slip"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._path_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.setMinimumWidth(600)
        self.adjustSize()  # the wrapped introduction's height for that width
        self._update()

    def _format_changed(self) -> None:
        """The format chosen: the name's extension follows."""
        text = self.destination()
        if text and slip_format(text) != self.fmt():
            stem = os.path.splitext(text)[0] if slip_format(text) else text
            self.path.setText(f"{stem}.{self.fmt()}")

    def _path_changed(self) -> None:
        """A name typed with .pdf/.html: the format follows its extension."""
        fmt = slip_format(self.destination())
        if fmt and fmt != self.fmt():
            self.format.blockSignals(True)
            self.format.setCurrentIndex(self.format.findData(fmt))
            self.format.blockSignals(False)
        self._update()

    def _update(self) -> None:
        from seda.safepath import check_destination
        from ui.tree_picker import describe_findings

        text = self.destination()
        problem = ""
        if text:
            finding = check_destination(text, inputs=self.inputs)
            if finding is not None:
                problem = describe_findings([finding])
            elif not slip_format(text):
                problem = self.tr(
                    "The slip's format is chosen by the name's extension: .pdf (to print and "
                    "sign) or .html (to open in a browser)."
                )
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text) and not problem)

    def browse(self) -> None:
        """The system's save dialog: a filter per format; it asks before replacing a file."""
        pdf, html = self.tr("PDF (*.pdf)"), self.tr("HTML (*.html *.htm)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the transfer slip as"),
            self.destination(),
            f"{pdf};;{html}",
            html if self.fmt() == "html" else pdf,
        )
        if not path:
            return
        if not slip_format(path):
            path += ".html" if chosen == html else ".pdf"
        else:
            self.confirmed = path  # the save dialog asked before replacing it
        self.path.setText(path)

    def destination(self) -> str:
        return self.path.text().strip()

    def fmt(self) -> str:
        return str(self.format.currentData())

    def annex(self) -> bool:
        return self.annex_box.isChecked()

    def list_depth(self) -> int | None:
        value = self.depth_box.value()
        return None if value < 0 else value
