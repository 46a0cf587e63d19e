"""Bringing files in: folders and files (scanned), a dropped ``.zip`` (scanned like its
folder), an existing SIP (reopened to fix), a dropped ``.verso`` (the saved work opens).

The scan itself runs in ``ui.scan_controller.ScanController`` (``window.scan``); this
controller starts it with the profile's engine and exclusions and reports its end.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app import workfile
from seda.findings import Finding
from seda.model import ArchiveUnit, Package
from ui.controllers.base import Controller, WindowState
from ui.formatting import count

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ImportController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.scan = window.scan
        self.model.urls_dropped.connect(self.open_dropped)
        self.scan.scan_finished.connect(self._scan_finished)
        self.scan.scan_failed.connect(self._scan_failed)
        self.scan.scan_cancelled.connect(
            lambda: self.notify(self.tr("Scan cancelled: nothing was added."), 8000)
        )

    def build_actions(self) -> None:
        self.act_open = self.action(
            self.tr("&Open a folder…"), self.open_folder, QKeySequence.StandardKey.Open
        )
        self.act_add_files = self.action(
            self.tr("Add &files…"), self.open_files, QKeySequence("Ctrl+Shift+O")
        )
        self.act_open_sip = self.action(
            self.tr("Open an existing S&IP…"),
            lambda: self.open_sip(),
            None,
            self.tr("Reopen a transfer package (made by Verso, ReSIP…) to fix and export it again"),
        )

    def update_actions(self, state: WindowState) -> None:
        self.act_open.setEnabled(state.idle)
        self.act_add_files.setEnabled(state.idle)
        self.act_open_sip.setEnabled(state.idle and not state.working)

    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Open a folder"), self.settings.get("folders/last_open")
        )
        if folder:
            self.add_paths([folder])

    def open_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Add files"), self.settings.get("folders/last_open")
        )
        if files:
            self.add_paths(files)

    def add_paths(
        self, paths: Sequence[str], parent: ArchiveUnit | None = None, row: int = -1
    ) -> bool:
        """Scan ``paths`` into the package (in the background). False if a job is running."""
        paths = [p for p in paths if p]
        if not paths:
            return False
        if self.scanning() or self.exporting():
            self.wait_for_job()
            return False
        first = Path(paths[0])
        folder = str(first if first.is_dir() else first.parent)
        self.settings.set("folders/last_open", folder)
        self.settings.add_recent(folder)
        self.window.job.begin("walk")
        preset = self.window.profile.preset
        return self.scan.start(
            paths,
            parent=parent,
            row=row,
            engine=self.settings.get("scan/engine"),
            workers=self.window.workers,
            exclusions=preset.exclusions if preset is not None else None,
        )

    def open_dropped(
        self, paths: Sequence[str], parent: ArchiveUnit | None = None, row: int = -1
    ) -> None:
        """A drop: a saved work opens, a single existing SIP opens, a single ReSIP table
        is imported (``window.csv``), the rest is scanned."""
        from seda.package import looks_like_sip
        from ui.csv_import import csv_in_drop

        works = [p for p in paths if p.lower().endswith(workfile.SUFFIX) and os.path.isfile(p)]
        if works:
            if len(paths) > 1:
                self.notify(
                    self.tr("Only the saved work was opened; drop folders once it is open."), 8000
                )
            self.window.session.open_work(works[0])
        elif len(paths) == 1 and os.path.isfile(paths[0]) and looks_like_sip(paths[0]):
            self.open_sip(paths[0])
        elif (table := csv_in_drop(paths)) is not None:
            self.window.csv.import_table(table)
        else:
            self.add_paths(paths, parent, row)

    def _scan_finished(self, roots: list[ArchiveUnit]) -> None:
        self.window.attachment.attach_new_roots(roots)  # the profile's default attachment
        self.window.status.refresh_sliced()  # in slices: no stall at the end of a big scan
        self.window.session.update_title()
        if len(self.model.package.roots) == len(roots) and roots:
            self.window.tree.expand_unit(roots[0])
        self.notify(
            self.tr("Scan finished in %1 s: %2.")
            .replace("%1", f"{self.scan.last_duration:.1f}")
            .replace("%2", count(len(self.scan.objects_by_uid), "file")),
            8000,
        )

    def _scan_failed(self, error: str) -> None:
        self.message(QMessageBox.Icon.Critical, self.tr("Scan failed"), error)

    def open_sip(self, path: str | None = None) -> str:
        """Open an existing SIP (Verso, ReSIP or other) to fix and export it again; read in
        the background. "started" or "" (not opened)."""
        session = self.window.session
        title = self.tr("Open an existing SIP")
        filters = self.tr("Transfer packages (*.zip)")
        chosen = session.path_to_open(path, title, "folders/last_export", filters, self.open_sip)
        if not chosen:
            return ""
        from seda.package import read_sip

        def job(progress: Any) -> Any:  # worker thread
            from seda.progress import check

            check(progress)
            return read_sip(chosen)

        return session.run_job(
            job,
            False,
            "load",
            lambda result, _bg: self._sip_loaded(*result),
            lambda error: session.open_failed(chosen, error),
        )

    def _sip_loaded(self, package: Package, findings: list[Finding]) -> None:
        # Exported again, it is a new transfer: a new message identifier and date then.
        package.header.message_identifier = ""
        package.header.date = None
        session = self.window.session
        session.replace_package(package, findings)
        session.work_path = ""
        self.window.recovery.forget()
        session.update_title()
        self.window.status.update_status()
        self.window.update_actions()
        stats = self.model.package.stats()
        self.notify(
            self.tr("SIP opened: %1, %2. Fix what is needed, then export it again.")
            .replace("%1", count(stats.units, "unit"))
            .replace("%2", count(stats.files, "file")),
            10000,
        )


def gui_workers(setting: int) -> int:
    """Analysis processes for the window: the setting, else CPUs minus one (at least one).

    Measured on 2 cores, 20,000 files (bench/ui_bench.py): 2 processes ~3,900 files/s,
    longest stall 65-80 ms, p99 ~45 ms; 1 process ~2,300 files/s, longest 40-70 ms, p99
    ~20 ms. The window's responsiveness comes first; ``scan/workers`` overrides.
    """
    if setting > 0:
        return setting
    return max(1, (os.cpu_count() or 1) - 1)
