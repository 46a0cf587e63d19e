"""Transfer › Transfer slip…: the *bordereau de versement* of the package as it is now.

The dialog (ui/bordereau_dialog.py) chooses the file (PDF or HTML after its extension), the
annex and the depth; a background job then checks a snapshot of the package with the
Verification tab's own checks (``VerificationController.checker``: the slip states that
verdict) and writes the slip; a PDF is laid out and painted in a child process
(``app.slip_process``: PySide6 holds the GIL for seconds in QTextDocument's layout, which
would stop the window even from a worker thread; 10,000 files with the annex take tens of
seconds). Written atomically by
``app.bordereau`` / ``app.bordereau_pdf``: a failure or a cancel leaves no file and keeps a
previous one; the one output guard (``seda.safepath``) refuses to write over an input.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QMessageBox

from app.tasks import Task
from ui.bordereau_dialog import BordereauDialog
from ui.controllers.base import Controller, WindowState, add_open_buttons
from ui.formatting import describe_finding
from ui.snapshot import snapshot_package

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class BordereauController(Controller):
    written = Signal(str)  # the slip's path
    failed = Signal(object)  # list of findings, or an error text

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.last_slip = ""
        self.made_by: Any = None  # the PDF's child process id (tests)

    def build_actions(self) -> None:
        self.act_bordereau = self.action(
            self.tr("Transfer &slip…"),
            self.make_slip,
            None,
            self.tr("The transfer slip to print and sign (PDF or HTML)"),
        )

    def update_actions(self, state: WindowState) -> None:
        self.act_bordereau.setEnabled(
            state.has_package and state.idle and not state.working and self.task is None
        )

    def busy(self) -> bool:
        return self.task is not None

    def make_slip(self) -> Task | None:
        """The dialog, then the background job (None when nothing was started)."""
        if not self.model.package.roots or self.task is not None:
            return None
        if self.scanning() or self.exporting() or self.working():
            self.wait_for_job()
            return None
        package = self.model.package
        depth = self.settings.get("bordereau/depth")
        dialog = BordereauDialog(
            package,
            folder=self.settings.get("folders/last_export"),
            fmt=self.settings.get("export/bordereau_format"),
            annex=self.settings.get("bordereau/annex"),
            depth=None if depth < 0 else depth,
            inputs=[u.source for u in package.roots if u.source],
            parent=self.window,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        dest = dialog.destination()
        if os.path.exists(dest) and dest != dialog.confirmed and not self.confirm_replace(dest):
            return None
        self.settings.set("folders/last_export", str(Path(dest).parent))
        self.settings.set("export/bordereau_format", dialog.fmt())
        self.settings.set("bordereau/annex", dialog.annex())
        self.settings.set(
            "bordereau/depth", -1 if dialog.list_depth() is None else dialog.list_depth()
        )
        return self.start_slip(dest, annex=dialog.annex(), depth=dialog.list_depth())

    def confirm_replace(self, dest: str) -> bool:
        """A name typed over an existing file: ask first (it may be a signed slip)."""
        answer = QMessageBox.question(
            self.window,
            self.tr("Transfer slip"),
            self.tr("%1 already exists (perhaps already signed). Replace it?").replace("%1", dest),
        )
        return answer == QMessageBox.StandardButton.Yes

    def start_slip(self, dest: str, *, annex: bool = False, depth: int | None = None) -> Task:
        """Check a snapshot and write its slip at ``dest`` (PDF or HTML after the extension)
        in the background; the status bar shows the progress and Cancel."""
        from app.bordereau import Verdict, write_bordereau
        from app.slip_process import write_pdf_in_child

        snapshot = snapshot_package(self.model.package)  # editing may go on meanwhile
        check = self.window.verifier.checker()  # the Verification tab's checks, its profile
        referentials = self.window.profile.referentials
        rules, agencies, lang = referentials["rules"], referentials["agencies"], self.lang
        pdf = dest.lower().endswith(".pdf")
        writer: Any = write_pdf_in_child if pdf else write_bordereau

        def job(progress: Any) -> str:  # worker thread: the snapshot and plain data only
            verdict = Verdict.of(check(snapshot))
            self.made_by = writer(
                snapshot,
                dest,
                lang=lang,
                rules=rules,
                agencies=agencies,
                progress=progress,
                verdict=verdict,
                depth=depth,
                annex=annex,
            )
            return dest

        task = self.start_job(job, "slip")
        self.task = task
        task.finished.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled.connect(
            lambda: self.notify(self.tr("Transfer slip cancelled: nothing was written."), 8000)
        )
        task.ended.connect(self.job_ended)
        self.window.update_actions()
        return task

    def _done(self, path: str) -> None:
        self.last_slip = path
        self.notify(self.tr("Transfer slip written: %1").replace("%1", path), 0)
        box = self.message(
            QMessageBox.Icon.Information,
            self.tr("Transfer slip"),
            self.tr("The transfer slip was written:\n%1\n\nPrint it and have it signed.").replace(
                "%1", path
            ),
        )
        add_open_buttons(
            box,
            (self.tr("Open the slip"), path),
            (self.tr("Open the folder"), str(Path(path).parent)),
        )
        self.written.emit(path)

    def _failed(self, error: BaseException) -> None:
        findings = list(getattr(error, "findings", []) or [])
        if findings:
            self.window.verifier.add_findings(findings)
            reason = "\n".join(describe_finding(f, self.lang) for f in findings[:5])
        else:
            reason = f"{type(error).__name__}: {error}"
        self.message(
            QMessageBox.Icon.Critical,
            self.tr("Transfer slip not written"),
            self.tr("The transfer slip was not written; nothing was left behind.")
            + "\n\n"
            + reason,
        )
        self.failed.emit(findings or str(error))
