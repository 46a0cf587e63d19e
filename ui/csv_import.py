"""Import a ReSIP table (metadata CSV or filing-plan CSV) from the window.

The window calls ``CsvImportController.start(path, ...)`` from *Fichier › Importer un
tableau…* or when a single ``.csv`` is dropped (``csv_in_drop``). The job runs off the
GUI thread (``app.tasks.TaskRunner``): ``seda.resip_csv.import_csv`` reads and checks the
whole table, then ``seda.resip_csv.identify`` hashes and identifies its files like a scan.
The window gets either ``imported(CsvImport)`` (a complete package: add its roots) or
``refused(path, findings)`` (every problem with its row: nothing was added), never half a
table. ``show_refusal`` shows the list in French.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.i18n import current_language
from app.labels import count
from app.messages import describe
from app.tasks import Task, TaskProgress, TaskRunner
from seda.findings import Finding, Severity
from seda.resip_csv import CsvError, CsvImport, identify, import_csv, sniff_kind

CSV_SUFFIXES = (".csv", ".tsv", ".txt")


def csv_in_drop(paths: Sequence[str]) -> str | None:
    """The table to import when the drop is one ReSIP table (metadata or filing plan);
    None otherwise (the window scans the drop as usual)."""
    if len(paths) != 1:
        return None
    path = paths[0]
    if not path.lower().endswith(CSV_SUFFIXES) or not os.path.isfile(path):
        return None
    return path if sniff_kind(path) in ("metadata", "tree") else None


def refusal_text(path: str, findings: Sequence[Finding], lang: str = "fr") -> tuple[str, str]:
    """(summary, details) for a refused table: the count, then one line per problem
    with its row, errors first."""
    errors = [f for f in findings if f.severity == Severity.ERROR]
    name = os.path.basename(path)
    problems = count(len(errors), "problem", lang)  # « 1 problème », « 2 problèmes »
    if lang == "fr":
        summary = (
            f"Le tableau « {name} » n'a pas été importé : {problems} à corriger. "
            "Rien n'a été ajouté au versement."
        )
    else:
        summary = (
            f"The table “{name}” was not imported: {problems} to fix. "
            "Nothing was added to the transfer."
        )
    ordered = errors + [f for f in findings if f.severity != Severity.ERROR]
    details = "\n".join(f"• {describe(dataclasses.replace(f, path=''), lang)}" for f in ordered)
    return summary, details


def show_refusal(parent: QWidget | None, path: str, findings: Sequence[Finding]) -> QMessageBox:
    """A non-blocking warning box listing every problem (shown with ``open``)."""
    summary, details = refusal_text(path, findings, current_language())
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("CsvImport", "Table not imported"))
    box.setText(summary)
    box.setDetailedText(details)
    box.setInformativeText(details.split("\n", 1)[0])
    box.open()
    return box


class CsvImportController(QObject):
    """Runs one table import at a time; signals arrive on the GUI thread."""

    started = Signal(str)  # path
    progressed = Signal(int, int, str)
    imported = Signal(object)  # CsvImport: package (objects hashed and identified), warnings
    refused = Signal(str, list)  # path, findings (nothing imported)
    failed = Signal(str, str)  # path, unexpected error text
    ended = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        engine: str = "siegfried",
        workers: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.engine = engine
        self.workers = workers
        self.task: Task | None = None
        self.path = ""

    def busy(self) -> bool:
        return self.task is not None

    def start(self, path: str, *, version: str = "2.1", rules: Any = None) -> Task:
        """Import ``path`` for a package in SEDA ``version`` (columns are checked against
        it), rule ids against ``rules`` (a rules referential) when given."""
        if self.task is not None:
            raise RuntimeError("an import is already running")
        engine, workers = self.engine, self.workers

        def job(progress: TaskProgress) -> CsvImport:  # worker thread
            result = import_csv(path, version=version, rules=rules, progress=progress)
            signature, findings = identify(
                result.package, engine=engine, workers=workers, progress=progress
            )
            result.package.signature_version = signature
            result.findings.extend(findings)
            return result

        self.path = path
        task = self.runner.submit(job, name="csv-import")
        task.progressed.connect(self.progressed)
        task.finished.connect(self._finished)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        self.task = task
        self.started.emit(path)
        return task

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _done(self) -> None:
        self.task = None
        self.ended.emit()

    def _finished(self, result: object) -> None:
        self._done()
        self.imported.emit(result)

    def _failed(self, error: object) -> None:
        self._done()
        if isinstance(error, CsvError):
            self.refused.emit(self.path, list(error.findings))
        else:
            self.failed.emit(self.path, str(error))

    def _cancelled(self) -> None:
        self._done()


__all__ = ["CsvImportController", "csv_in_drop", "refusal_text", "show_refusal"]
