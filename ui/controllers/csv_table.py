"""ReSIP tables: import a metadata or filing-plan CSV into the transfer, export it as one.

The import runs off the GUI thread (``ui.csv_import.CsvImportController``): the whole table
is read and checked, its files hashed and identified, then its units are added as one undo
step; a table with problems adds nothing and lists every problem with its row. A single
``.csv`` dropped on the window is imported the same way (``ImportController.open_dropped``).
The export writes ReSIP's metadata CSV (UTF-8 with BOM, what Excel reads) through the same
destination guard as the SIP export (``seda.safepath.check_destination``), from a snapshot in
the background (20,000 rows take seconds: the window must not freeze).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from seda.findings import Finding
from ui.commands import AddUnitsCommand
from ui.controllers.base import Controller, WindowState
from ui.csv_import import CsvImportController, show_refusal
from ui.snapshot import snapshot_package

if TYPE_CHECKING:
    from seda.resip_csv import CsvExport, CsvImport
    from ui.main_window import MainWindow


class CsvTableController(Controller):
    table_ended = Signal()  # the background table export is over (written or not)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.importer = CsvImportController(
            self.runner, self, engine=self.settings.get("scan/engine"), workers=window.workers
        )
        self.importer.progressed.connect(lambda d, t, m: window.job.show_progress("load", d, t, m))
        self.importer.imported.connect(self._imported)
        self.importer.refused.connect(self._refused)
        self.importer.failed.connect(self._failed)
        self.importer.ended.connect(self.job_ended)
        self.last_refusal: QMessageBox | None = None

    def build_actions(self) -> None:
        self.act_import_table = self.action(
            self.tr("Import a spreads&heet…"),
            lambda: self.import_table(),
            None,
            self.tr("Add the units described in a ReSIP table (metadata or filing plan, CSV)"),
        )
        self.act_export_table = self.action(
            self.tr("Export as a spreadsheet (&CSV)…"),
            lambda: self.export_table(),
            None,
            self.tr("Write the transfer as a ReSIP metadata table, to complete in a spreadsheet"),
        )

    def update_actions(self, state: WindowState) -> None:
        free = state.idle and not state.working and not self.busy()
        self.act_import_table.setEnabled(free)
        self.act_export_table.setEnabled(free and state.has_package)

    # -- import --------------------------------------------------------------------------
    def import_table(self, path: str | None = None) -> bool:
        """Import the table at ``path`` (asked when None), in the background. False when
        nothing was started (cancelled, or another job is running)."""
        if self.scanning() or self.exporting() or self.working() or self.importer.busy():
            self.wait_for_job()
            return False
        if path is None:
            path = self.ask_open_file(
                self.tr("Import a spreadsheet"),
                "folders/last_open",
                self.tr("Tables (*.csv *.tsv *.txt)"),
            )
        if not path:
            return False
        self.settings.set("folders/last_open", str(Path(path).parent))
        self.importer.engine = self.settings.get("scan/engine")  # the profile may change it
        self.window.job.begin("load")
        self.task = self.importer.start(
            path,
            version=self.model.package.seda_version,
            rules=self.window.profile.referentials["rules"],
        )
        self.window.update_actions()
        return True

    def _imported(self, result: CsvImport) -> None:
        roots = list(result.package.roots)
        if roots:
            name = os.path.basename(self.importer.path)
            self.stack.push(
                AddUnitsCommand(
                    self.model,
                    None,
                    roots,
                    text=self.tr("Import the table “%1”").replace("%1", name),
                )
            )
            self.window.attachment.attach_new_roots(roots)  # the profile's default attachment
            if len(self.model.package.roots) == len(roots):
                self.window.tree.expand_unit(roots[0])
        self.window.verifier.add_findings(result.findings)
        self.window.status.refresh_sliced()
        self.window.session.update_title()
        units = sum(1 for root in roots for _ in root.walk())
        self.notify(
            self.tr("Table imported: %n unit(s) added.", "", units)
            if units
            else self.tr("The table describes no unit: nothing was added."),
            8000,
        )

    def _refused(self, path: str, findings: list[Finding]) -> None:
        self.last_refusal = show_refusal(self.window, path, findings)

    def _failed(self, path: str, error: str) -> None:
        self.message(
            QMessageBox.Icon.Critical,
            self.tr("Table not imported"),
            self.tr("The table “%1” could not be imported:").replace("%1", path) + f"\n\n{error}",
        )

    # -- export --------------------------------------------------------------------------
    def export_table(self, path: str | None = None) -> str:
        """Write the package as a ReSIP metadata CSV in the background (a snapshot: editing
        may go on; progress and Cancel in the status bar). The path accepted, or "" when
        nothing is written; ``table_ended`` once the job is over, the outcome told in a box."""
        if self.scanning() or self.exporting() or self.working() or self.busy():
            self.wait_for_job()
            return ""
        if path is None:
            folder = self.settings.get("folders/last_export") or str(Path.home())
            name = (self.window.session.work_name() or "versement") + ".csv"
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Export as a spreadsheet"),
                str(Path(folder) / name),
                self.tr("Tables (*.csv)"),
            )
            if not path:
                return ""
            if not path.lower().endswith(".csv"):
                path += ".csv"
        from seda.resip_csv import export_csv
        from seda.safepath import check_destination
        from ui.tree_picker import describe_findings

        title = self.tr("Export as a spreadsheet")
        sources = [u.source for u in self.model.package.roots if u.source]
        finding = check_destination(path, inputs=sources)
        if finding is not None:
            self.message(QMessageBox.Icon.Warning, title, describe_findings([finding]))
            return ""
        snapshot = snapshot_package(self.model.package)
        self.settings.set("folders/last_export", str(Path(path).parent))

        def job(progress: Any) -> Any:  # worker thread: works on the snapshot only
            return export_csv(snapshot, path, encoding="utf-8-sig", progress=progress)

        self.task = self.start_job(job, "table")
        self.task.finished.connect(lambda report: self._exported(path, report))
        self.task.failed.connect(lambda error: self._not_exported(path, error))
        self.task.cancelled.connect(
            lambda: self.notify(self.tr("Table export cancelled: nothing was written."), 8000)
        )
        self.task.ended.connect(self.job_ended)
        self.task.ended.connect(self.table_ended.emit)
        self.window.update_actions()
        return path

    def _exported(self, path: str, report: CsvExport) -> None:
        text = self.tr("Table written: %n row(s).", "", report.rows) + "\n" + path
        if report.files_not_on_disk:
            text += "\n\n" + self.tr(
                "%n file(s) read from a SIP have no path on disk: their rows name no file.",
                "",
                report.files_not_on_disk,
            )
        self.message(QMessageBox.Icon.Information, self.tr("Export as a spreadsheet"), text)

    def _not_exported(self, path: str, error: BaseException) -> None:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        self.message(
            QMessageBox.Icon.Critical,
            self.tr("Export as a spreadsheet"),
            self.tr("The table could not be written:") + f"\n{path}\n\n{reason}",
        )

    def busy(self) -> bool:
        """A table is being imported or exported."""
        return self.importer.busy() or self.task is not None

    def cancel(self) -> None:
        self.importer.cancel()
        super().cancel()
