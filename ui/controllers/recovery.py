"""The automatic recovery copy: every two minutes with unsaved changes, a snapshot written
off the GUI thread into the user's data folder; offered back at the next start if Verso
ended without saving (settings ``work/recovery`` and ``work/recovery_of``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QLocale, QTimer
from PySide6.QtWidgets import QMessageBox

from app import workfile
from app.tasks import Task
from ui.controllers.base import Controller

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class RecoveryController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.session = window.session
        self._written_changes = -1
        self.path = recovery_file()
        self.timer = QTimer(self)
        self.timer.setInterval(workfile.RECOVERY_INTERVAL_MS)
        self.timer.timeout.connect(self.write)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(0, self.offer)

    def write(self) -> Task | None:
        """Every few minutes with unsaved changes: a copy in the user's data folder, written
        off the GUI thread from a snapshot, offered back if Verso ends without saving."""
        session = self.session
        if (
            not session.has_unsaved_changes()
            or self.scanning()
            or self.window.model.slicer.running  # half a bulk edit: the next turn will do
            or self.task is not None
            or session.changes == self._written_changes
        ):
            return None
        path = self.path
        doc = session.snapshot(recovery_of=session.work_path)
        changes = session.changes

        def job(progress: Any) -> str:  # worker thread
            path.parent.mkdir(parents=True, exist_ok=True)
            workfile.write_document(path, doc, progress)
            return str(path)

        task = self.runner.submit(job, name="recovery")
        self.task = task
        task.finished.connect(lambda p: self._written(str(p), changes))
        task.failed.connect(
            lambda error: self.notify(
                self.tr("The automatic recovery copy could not be written: %1").replace(
                    "%1", session.error_text(error)
                ),
                10000,
            )
        )
        task.ended.connect(lambda: setattr(self, "task", None))
        return task

    def _written(self, path: str, changes: int) -> None:
        if not self.session.has_unsaved_changes():  # saved meanwhile: the copy is stale
            Path(path).unlink(missing_ok=True)
            return
        self._written_changes = changes
        self.settings.set("work/recovery", path)
        self.settings.set("work/recovery_of", self.session.work_path)
        self.settings.sync()

    def forget(self) -> None:
        """No recovery copy any more (saved, or changes knowingly dropped)."""
        for path in {self.settings.get("work/recovery"), str(self.path)}:
            if path:
                try:
                    Path(path).unlink(missing_ok=True)
                except OSError:
                    pass
        self.settings.set("work/recovery", "")
        self.settings.set("work/recovery_of", "")
        self._written_changes = -1

    def ask_restore(self, recovery: str, work_path: str) -> bool:
        """Offer a recovery copy back (modal Yes/No)."""
        when = QDateTime.fromSecsSinceEpoch(int(os.path.getmtime(recovery)))
        name = Path(work_path).stem if work_path else self.tr("not saved yet")
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore the work?"),
            self.tr(
                "Verso ended without saving the transfer “%1”. An automatic copy from %2 "
                "was kept. Restore it?"
            )
            .replace("%1", name)
            .replace("%2", QLocale().toString(when, QLocale.FormatType.ShortFormat)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer(self) -> bool:
        """At start: a recovery copy newer than the last save of its work is offered back."""
        path = self.settings.get("work/recovery")
        if not path:
            return False
        of = self.settings.get("work/recovery_of")
        try:
            stamp = os.path.getmtime(path)
        except OSError:
            self.forget()
            return False
        try:
            stale = bool(of) and os.path.getmtime(of) >= stamp
        except OSError:
            stale = False  # the work file is gone: the copy is all there is
        if stale or not self.ask_restore(path, of):
            self.forget()
            return False
        self.path = Path(path)  # keep refreshing this copy until saved
        return bool(self.session.load_work(path, recovered=True))


def recovery_file() -> Path:
    """This process's automatic recovery copy, in the user's data folder."""
    from app.referential_store import data_dir

    return data_dir() / "recovery" / f"recovery-{os.getpid()}{workfile.SUFFIX}"
