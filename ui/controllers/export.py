"""Export: the dialog, the background job (SIP, then the transfer slip), the outcome.

The job works on a snapshot of the package (``ui.snapshot``), so editing may go on. Signals:
``finished(report)``, ``failed(findings)``, ``cancelled()`` (the window re-emits them as
``export_finished`` / ``export_failed`` / ``export_cancelled``).
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox

from app.messages import nothing_to_transfer, nothing_to_transfer_text
from app.tasks import Task
from seda.findings import Severity
from ui.controllers.base import Controller, WindowState, add_open_buttons
from ui.export_dialog import ExportDialog
from ui.formatting import count, describe_finding, human_size
from ui.snapshot import snapshot_package

if TYPE_CHECKING:
    from ui.main_window import MainWindow


HINT_WIDTH = 420  # pixels of the status bar the reason may take


class ExportController(Controller):
    finished = Signal(object)  # ExportReport
    failed = Signal(object)  # list of findings
    cancelled = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.last_export: Any = None
        self.outcome: dict[str, Any] = {}  # the running export's slip (see start_export)
        # why Export is greyed out, or the verification's errors, in the status bar; the
        # link opens the Verification tab
        self.hint = QLabel(window)
        self.hint.setObjectName("exportHint")
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.linkActivated.connect(lambda _link: window.verifier.show_verification_tab())
        window.statusBar().addPermanentWidget(self.hint)
        self.reason = ""
        self.state: WindowState | None = None
        window.verification.model.modelReset.connect(self.window.update_actions)

    def build_actions(self) -> None:
        self.act_export = self.action(
            self.tr("&Export the SIP…"), self.export_sip, QKeySequence("Ctrl+E")
        )

    def stats_changed(self) -> None:
        """The counts were refreshed (after a scan, an edit): Export's state again."""
        if self.state is not None:
            self.update_actions(self.state)

    def update_actions(self, state: WindowState) -> None:
        self.state = state
        self.reason = self.blocked_reason(state)
        self.act_export.setEnabled(not self.reason)
        self.explain()

    def blocked_reason(self, state: WindowState) -> str:
        """Why Export cannot be used now ("" when it can)."""
        if not state.has_package:
            return self.tr("Nothing to export yet: open a folder or drop files on the window.")
        if state.scanning:
            return self.tr("Export waits for the end of the analysis of the files.")
        if state.exporting:
            return self.tr("An export is already running.")
        if self.window.slip.busy():
            return self.tr("Export waits until the transfer slip is written.")
        if state.editing:
            return self.tr("Export waits for the end of the edit being applied.")
        stats = self.window.status.last_stats  # counted after each change (no walk here)
        if stats is not None and nothing_to_transfer(self.model.package.roots, stats.files):
            return self.empty_text()
        return ""

    def empty_text(self) -> str:
        """Folders with no file make no transfer: the CLI's rule and sentence."""
        names = [r.title or r.source for r in self.model.package.roots]
        return nothing_to_transfer_text(names, self.lang)

    def explain(self) -> None:
        """The action's tooltip and the status bar say why it is greyed out, or point to the
        Verification tab when the last verification found errors."""
        errors = len(self.window.verification.errors())
        if self.reason:
            tip = self.reason
            # the status bar is shared: the reason there is cut, whole in its tooltip
            metrics = self.hint.fontMetrics()
            text = html.escape(
                metrics.elidedText(tip, Qt.TextElideMode.ElideRight, HINT_WIDTH), quote=False
            )
        elif errors:
            tip = self.tr(
                "%n blocking error(s) found by the verification: see the Verification tab.",
                "",
                errors,
            )
            short = self.tr("%n blocking error(s): see the Verification tab", "", errors)
            text = f'<a href="#verification">{html.escape(short, quote=False)}</a>'
        else:
            tip = self.tr("Write the SIP (zip) to give to the archives service")
            text = ""
        self.act_export.setToolTip(tip)
        self.act_export.setStatusTip(tip)
        self.hint.setText(text)
        self.hint.setToolTip(tip if text else "")
        self.hint.setVisible(bool(text))

    def export_sip(self) -> None:
        """The export dialog, then the verification, then the background export."""
        package = self.model.package
        if not package.roots or self.scanning() or self.task is not None:
            return
        if nothing_to_transfer(package.roots, package.stats().files):
            self.message(QMessageBox.Icon.Warning, self.tr("Export the SIP"), self.empty_text())
            return
        window = self.window
        dialog = ExportDialog(
            package,
            folder=self.settings.get("folders/last_export"),
            seda_version=package.seda_version or self.settings.get("export/seda_version"),
            verify=self.settings.get("export/verify"),
            bordereau=self.settings.get("export/bordereau"),
            bordereau_format=self.settings.get("export/bordereau_format"),
            preset_dir=self.settings.get("folders/last_preset"),
            parent=window,
            referential=window.profile.referentials["rules"],
            check=window.verifier.findings_for,  # the same verdict as the Verification tab
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.new_header is not None:
            window.header.set_header(dialog.new_header, dialog.new_version)
            if dialog.loaded_preset:
                window.profile.adopt_from_dialog(dialog.loaded_preset)
        checked = window.verifier.verify_package()  # the Verification tab: the slip's verdict
        errors = [f for f in checked if f.severity == Severity.ERROR]
        if errors and not self.confirm_export(len(errors)):
            return
        dest = dialog.destination()
        if os.path.exists(dest):
            answer = QMessageBox.question(
                window,
                self.tr("Export the SIP"),
                self.tr("%1 already exists. Replace it?").replace("%1", dest),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        from app.bordereau import Verdict

        self.start_export(
            dest,
            dialog.seda_version(),
            dialog.verify(),
            bordereau=dialog.bordereau(),
            slip_format=dialog.bordereau_format(),
            verdict=Verdict.of(checked),
        )

    def confirm_export(self, errors: int) -> bool:
        """Ask before writing a SIP the SAE would refuse (tests replace this)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Export the SIP"),
            self.tr(
                "The archives service would refuse this transfer: %n error(s), listed in the "
                "Verification tab. Export anyway?",
                "",
                errors,
            ),
            QMessageBox.StandardButton.NoButton,
            self.window,
        )
        export = box.addButton(self.tr("Export anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Go back and fix"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is export

    def start_export(
        self,
        dest: str,
        version: str,
        verify: bool = True,
        *,
        bordereau: bool | None = None,
        slip_format: str | None = None,
        verdict: Any = None,
    ) -> Task:
        """Export a snapshot of the package in the background (editing may go on).

        ``bordereau`` (default: the ``export/bordereau`` setting): then write the transfer
        slip beside the zip, in the same task, as ``slip_format`` ("pdf" or "html", default
        the ``export/bordereau_format`` setting; a PDF is made in a child process,
        ``app.slip_process``), stating ``verdict`` (the Verification tab's,
        ``app.bordereau.Verdict``). The SIP stays when the slip fails or is cancelled;
        ``outcome`` (filled by the worker, read once the task ended) says what happened to
        the slip.
        """
        from datetime import datetime

        from app.bordereau import BordereauError, default_path, sip_digest, write_bordereau
        from app.bordereau_pdf import default_pdf_path
        from app.slip_process import write_pdf_in_child
        from seda.package import export_sip

        if bordereau is None:
            bordereau = bool(self.settings.get("export/bordereau"))
        if slip_format not in ("pdf", "html"):
            slip_format = self.settings.get("export/bordereau_format")
        self.settings.set("folders/last_export", str(Path(dest).parent))
        self.settings.set("export/seda_version", version)
        self.settings.set("export/verify", bool(verify))
        self.settings.set("export/bordereau", bool(bordereau))
        self.settings.set("export/bordereau_format", slip_format)
        snapshot = snapshot_package(self.model.package)
        snapshot.header.date = snapshot.header.date or datetime.now().astimezone()
        snapshot.seda_version = version
        referentials = self.window.profile.referentials
        rules, agencies, lang = referentials["rules"], referentials["agencies"], self.lang
        pdf = slip_format == "pdf"
        slip = str((default_pdf_path if pdf else default_path)(dest)) if bordereau else ""
        writer: Any = write_pdf_in_child if pdf else write_bordereau
        outcome: dict[str, Any] = {"slip": slip, "phase": "export", "verdict": verdict}
        self.outcome = outcome

        def job(progress: Any) -> Any:  # worker thread: works on the snapshot only
            report = export_sip(snapshot, dest, version=version, progress=progress, verify=verify)
            outcome["report"] = report
            if slip:
                outcome["phase"] = "slip"
                try:
                    writer(
                        snapshot,
                        slip,
                        lang=lang,
                        rules=rules,
                        agencies=agencies,
                        verdict=verdict,
                        sip_path=report.path,
                        sip_sha512=sip_digest(report.path, progress),
                        progress=progress,
                        message_identifier=report.message_identifier,
                    )
                    outcome["slip_written"] = True
                except BordereauError as exc:
                    outcome["slip_error"] = exc.findings
                except OSError as exc:  # the SIP could not be read back for its digest
                    outcome["slip_error"] = str(exc.strerror or exc)
            return report

        task = self.start_job(job, "export", lambda: str(outcome["phase"]))
        self.task = task
        task.finished.connect(self._done)
        task.failed.connect(self._error)
        task.cancelled.connect(self._cancelled)
        task.ended.connect(self.job_ended)
        self.window.update_actions()
        return task

    def _done(self, report: Any) -> None:
        self.last_export = report
        self.window.verifier.add_findings(list(report.findings))
        path = str(report.path)
        # never a success line over a package the SAE will refuse (the CLI says the same)
        verdict = self.outcome.get("verdict")
        refused = getattr(verdict, "errors", 0) + sum(
            1 for f in report.findings if f.severity == Severity.ERROR
        )
        if refused:
            text = self.tr(
                "The SIP was written, but the archives service will refuse it: %n blocking "
                "problem(s), listed in the Verification tab.",
                "",
                refused,
            )
            text += "\n" + path + "\n\n%2, %3, %4."
        else:
            text = self.tr("The SIP was written:\n%1\n\n%2, %3, %4.").replace("%1", path)
        text = (
            text.replace("%2", count(report.units, "unit"))
            .replace("%3", count(report.files, "file"))
            .replace("%4", human_size(report.total_bytes))
        )
        if report.findings:
            text += "\n\n" + self.tr(
                "See the findings panel: %n warning(s).", "", len(report.findings)
            )
        outcome = self.outcome
        slip = str(outcome.get("slip") or "")
        slip_written = bool(outcome.get("slip_written"))
        if slip_written:
            text += "\n\n" + self.tr("Transfer slip to print and sign:\n%1").replace("%1", slip)
        elif slip:
            error = outcome.get("slip_error")
            if isinstance(error, list):
                self.window.verifier.add_findings(error)
                error = "\n".join(describe_finding(f, self.lang) for f in error[:3])
            reason = str(error) if error else self.tr("cancelled before the end; nothing was left")
            text += "\n\n" + self.tr("The transfer slip was not written: %1").replace("%1", reason)
        icon = QMessageBox.Icon.Warning if refused else QMessageBox.Icon.Information
        box = self.message(icon, self.tr("Export finished"), text)
        folder = (self.tr("Open the folder"), str(Path(path).parent))
        if slip_written:
            add_open_buttons(box, (self.tr("Open the slip"), slip), folder)
        else:
            add_open_buttons(box, folder)
        self.finished.emit(report)

    def _error(self, error: BaseException) -> None:
        findings = list(getattr(error, "findings", []) or [])
        self.window.verifier.add_findings(findings)
        if findings:
            details = "\n".join(describe_finding(f, self.lang) for f in findings[:10])
        else:
            details = f"{type(error).__name__}: {error}"
        self.message(
            QMessageBox.Icon.Critical,
            self.tr("Export failed"),
            self.tr("The SIP was not written.") + "\n\n" + details,
        )
        self.failed.emit(findings)

    def _cancelled(self) -> None:
        outcome = self.outcome
        if outcome.get("report") is not None:  # cancelled during the slip: the SIP is there
            self._done(outcome["report"])
            return
        self.notify(self.tr("Export cancelled: nothing was written."), 8000)
        self.cancelled.emit()
