"""Drives a scan from the window: walk in a thread, analyse in worker processes, apply here.

Phase 1 (walk, a pool thread): ``seda.scan.walk`` per dropped path; each finished root is
queued and inserted into the model on the main thread, so folders appear one by one.
Phase 2 (analyse, a pool thread feeding worker processes): result batches are queued and
applied to the model on the main thread every 50 ms (``BatchQueue``), with one
``dataChanged`` per parent. The workers never see Qt objects.

Cancel: during the walk, nothing is added; during the analysis, the units added by this
scan are taken out again (a half-analysed folder would be a trap at export time).
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from app.tasks import BatchQueue, Task, TaskProgress, TaskRunner
from seda.findings import Finding
from seda.model import ArchiveUnit, BinaryObject
from seda.progress import check
from ui.commands import AddUnitsCommand, RemoveUnitsCommand
from ui.tree_model import PackageTreeModel


class _OffsetProgress:
    """Adds files counted in earlier paths, so a multi-folder walk counts up steadily."""

    def __init__(self, inner: TaskProgress) -> None:
        self.inner = inner
        self.offset = 0

    def report(self, done: int, total: int, message: str = "") -> None:
        self.inner.report(self.offset + done, self.offset + total if total else 0, message)

    def cancelled(self) -> bool:
        return self.inner.cancelled()


class ScanController(QObject):
    """One scan at a time. Signals (main thread):

    ``progressed(phase, done, total, message)`` with phase ``"walk"`` or ``"analyse"``;
    ``findings_added(list)``; ``scan_finished(roots)``; ``scan_cancelled()``;
    ``scan_failed(str)``; ``running_changed(bool)``.
    """

    progressed = Signal(str, int, int, str)
    findings_added = Signal(object)  # list of Finding
    scan_finished = Signal(object)  # list of root units
    scan_cancelled = Signal()
    scan_failed = Signal(str)
    running_changed = Signal(bool)

    def __init__(
        self,
        model: PackageTreeModel,
        stack: QUndoStack,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.stack = stack
        self.runner = runner
        self.task: Task | None = None
        self.phase = ""
        self.walk_inbox = BatchQueue(self, interval_ms=50, max_items=50)
        self.analyse_inbox = BatchQueue(self, interval_ms=50, max_items=400)
        self.walk_inbox.batch_ready.connect(self._insert_walked)
        self.analyse_inbox.batch_ready.connect(self._apply_analysed)
        self._reset()
        self.started_at = 0.0
        self.last_duration = 0.0
        self._frozen = False
        self._engine_notes: list[Finding] = []
        self._notes_said: set[str] = set()

    def _unfreeze(self) -> None:
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def _reset(self) -> None:
        self.roots: list[ArchiveUnit] = []
        self.objects_by_uid: dict[int, BinaryObject] = {}
        self.owners: dict[int, ArchiveUnit] = {}
        self.unit_of: dict[int, int] = {}
        self.command: AddUnitsCommand | None = None
        self.parent_unit: ArchiveUnit | None = None
        self.row = -1
        self.engine = "siegfried"
        self.workers: int | None = None

    @property
    def running(self) -> bool:
        return self.task is not None

    # -- start / cancel ---------------------------------------------------------------------
    def start(
        self,
        paths: Sequence[str],
        *,
        parent: ArchiveUnit | None = None,
        row: int = -1,
        engine: str = "siegfried",
        workers: int | None = None,
        exclusions: Sequence[str] | None = None,
    ) -> bool:
        """Scan ``paths`` into the package under ``parent`` (None = top level)."""
        if self.running or not paths:
            return False
        from seda.scan import DEFAULT_EXCLUSIONS, walk

        self._reset()
        self.parent_unit = parent
        self.row = row
        self.engine = engine
        self.workers = workers
        self.started_at = time.monotonic()
        excl = tuple(exclusions) if exclusions is not None else DEFAULT_EXCLUSIONS
        inbox = self.walk_inbox
        paths = [os.path.abspath(p) for p in paths]

        def job(progress: TaskProgress) -> int:  # worker thread: no Qt objects touched
            counting = _OffsetProgress(progress)
            for path in paths:
                check(progress)
                result = walk([path], exclusions=excl, progress=counting)
                walked = _Walked(result)  # its tables made here, not on the GUI thread
                counting.offset += walked.units
                inbox.put([walked])
            return counting.offset

        self.phase = "walk"
        self.walk_inbox.start()
        self._start_task(job, "walk")
        return True

    def _start_task(self, job: Any, name: str) -> None:
        task = self.runner.submit(job, name=name)
        self.task = task
        task.progressed.connect(lambda d, t, m: self.progressed.emit(self.phase, d, t, m))
        if name == "walk":
            task.finished.connect(self._walk_done)
        else:
            task.finished.connect(self._analyse_done)
        task.cancelled.connect(self._cancelled)
        task.failed.connect(self._failed)
        self.running_changed.emit(True)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    # -- phase 1: walk ------------------------------------------------------------------------
    def _insert_walked(self, batch: list[_Walked]) -> None:
        for walked in batch:
            result = walked.result
            roots = list(result.roots)
            if not roots:
                self.findings_added.emit(list(result.findings))
                continue
            siblings = self.model.siblings(self.parent_unit)
            row = len(siblings) if self.row < 0 else min(self.row, len(siblings))
            self.model.insert_units(self.parent_unit, row, roots)
            if self.row >= 0:
                self.row += len(roots)
            self.roots.extend(roots)
            self.objects_by_uid.update(walked.objects_by_uid)
            self.owners.update(walked.owners)
            self.unit_of.update(walked.unit_of)
            self.findings_added.emit(list(result.findings))

    def _walk_done(self, _count: int) -> None:
        self.walk_inbox.flush()
        self.walk_inbox.stop()
        self.task = None
        if self.roots:
            self.command = AddUnitsCommand(
                self.model,
                self.parent_unit,
                self.roots,
                already_done=True,
                text=QCoreApplication.translate(
                    "ScanController", "Add %n unit(s) from disk", None, len(self.roots)
                ),
            )
            self.stack.push(self.command)
        objects = list(self.objects_by_uid.values())
        if not objects:
            self._finish()
            return
        from seda.scan import analyse

        inbox = self.analyse_inbox
        engine, workers = self.engine, self.workers

        def job(progress: TaskProgress) -> str:  # worker thread: no Qt objects touched
            # ``objects`` is a private list; analyse only reads uid/source/size from it.
            analysis = analyse(objects, engine=engine, workers=workers, progress=progress)
            self._engine_notes = analysis.notes  # optional engine parts missing (info)
            try:
                for batch in analysis:
                    inbox.put(batch)
            finally:
                analysis.close()
            return analysis.signature_version

        # The tree (parent <-> children cycles) makes each full garbage collection walk every
        # unit: ~100 ms for 20,000 files, i.e. a visible stall. Freeze what exists during the
        # analysis (nothing of it becomes garbage meanwhile) and unfreeze at the end.
        gc.freeze()
        self._frozen = True
        self.phase = "analyse"
        self.analyse_inbox.start()
        self._start_task(job, "analyse")

    # -- phase 2: analyse ---------------------------------------------------------------------
    def _apply_analysed(self, results: list[Any]) -> None:
        findings: list[Finding] = self.model.apply_file_results(
            results, self.objects_by_uid, self.owners, self.unit_of
        )
        if findings:
            self.findings_added.emit(findings)

    def _analyse_done(self, signature_version: str) -> None:
        self.analyse_inbox.flush()
        self.analyse_inbox.stop()
        self.task = None
        package = self.model.package
        if signature_version:
            package.signature_version = signature_version
        notes = [n for n in self._engine_notes if n.code not in self._notes_said]
        if notes:  # said once per window, not at every drop
            self._notes_said.update(n.code for n in notes)
            self.findings_added.emit(notes)
        self._finish()

    def _finish(self) -> None:
        self._unfreeze()
        self.phase = ""
        self.last_duration = time.monotonic() - self.started_at
        roots = self.roots
        self.running_changed.emit(False)
        self.scan_finished.emit(roots)

    # -- cancel / failure ---------------------------------------------------------------------
    def _rollback(self) -> None:
        """Take this scan's units out again, leaving the undo stack consistent."""
        self._unfreeze()
        self.walk_inbox.stop()
        self.analyse_inbox.stop()
        while self.walk_inbox.pending():
            self.walk_inbox.drain()  # insert what was queued, then remove it all below
        while self.analyse_inbox.pending():
            self.analyse_inbox.drain()
        attached = [u for u in self.roots if self.model.contains(u)]
        command = self.command
        if command is not None:
            at = self.stack.index()
            top = self.stack.command(at - 1) if at > 0 and at == self.stack.count() else None
            if top is command:
                self.stack.undo()  # removes the units
                command.setObsolete(True)  # a later redo drops it instead of re-adding
            elif attached:
                self.stack.push(
                    RemoveUnitsCommand(
                        self.model,
                        attached,
                        QCoreApplication.translate("ScanController", "Cancel the addition"),
                    )
                )
        else:
            for unit in attached:
                self.model.remove_unit(unit)
        self.phase = ""
        self.task = None

    def _cancelled(self) -> None:
        self._rollback()
        self.running_changed.emit(False)
        self.scan_cancelled.emit()

    def _failed(self, error: BaseException) -> None:
        self._rollback()
        self.running_changed.emit(False)
        self.scan_failed.emit(f"{type(error).__name__}: {error}")


class _Walked:
    """A folder's walk and the tables the analysis needs (object uid -> object, -> unit,
    -> unit uid), made on the walking thread: on the GUI thread they cost ~50 ms of
    stalled window per 20,000 files, when the folder's units are added."""

    def __init__(self, result: Any) -> None:
        self.result = result
        self.objects_by_uid: dict[int, BinaryObject] = {}
        self.owners: dict[int, ArchiveUnit] = {}
        self.unit_of: dict[int, int] = {}
        self.units = 0
        for root in result.roots:
            for unit in root.walk():
                self.units += 1
                for obj in unit.objects:
                    self.objects_by_uid[obj.uid] = obj
                    self.owners[obj.uid] = unit
                    self.unit_of[obj.uid] = unit.uid
