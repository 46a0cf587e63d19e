"""What every controller shares: the window's services, actions, status line and messages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.tasks import Task
from seda.model import ArchiveUnit

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass
class WindowState:
    """What the actions' enabled state depends on, computed once per update."""

    units: list[ArchiveUnit] = field(default_factory=list)  # selected
    scanning: bool = False
    exporting: bool = False
    working: bool = False  # saving or opening a saved work / SIP, a transfer slip, ``editing``
    editing: bool = False  # a long edit (or its undo) applies in slices
    has_package: bool = False

    @property
    def idle(self) -> bool:
        """No scan and no export running (saving/opening is checked separately)."""
        return not self.scanning and not self.exporting


def make_action(
    window: QWidget, text: str, slot: Any, shortcut: Any = None, tip: str = ""
) -> QAction:
    """A window-wide action (its shortcut works with no menu open)."""
    action = QAction(text, window)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


class Controller(QObject):
    """One concern of the window.

    It reads the shared services from the window (``settings``, ``model``, ``stack``,
    ``runner``, ``lang``), creates its own actions with ``action`` and sets their enabled
    state in ``update_actions``. It talks to the user through ``notify`` (status bar) and
    ``message`` (window-modal box), never through another controller's widgets.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.model = window.model
        self.stack = window.stack
        self.runner = window.runner
        self.lang = window.lang
        self.task: Task | None = None  # this controller's background job, if it has one

    def action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        return make_action(self.window, text, slot, shortcut, tip)

    def ask_open_file(self, title: str, folder_setting: str, filters: str) -> str:
        """The file to open ("" when cancelled), starting in the folder a setting keeps."""
        folder = self.settings.get(folder_setting) or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, title, folder, filters)
        return path

    def start_job(
        self, job: Callable[[Any], Any], phase: str, phase_now: Callable[[], str] | None = None
    ) -> Task:
        """Run ``job(progress)`` in the pool, its progress and Cancel in the status bar
        (``phase_now()`` names the phase as the job goes on; default ``phase``). The caller
        connects the task's outcome signals and ends the progress when it ``ended``."""
        bar = self.window.job
        bar.begin(phase)
        task = self.runner.submit(job, name=phase)
        current = phase_now or (lambda: phase)
        task.progressed.connect(lambda d, t, m: bar.show_progress(current(), d, t, m))
        return task

    def cancel(self) -> None:
        """Cancel this controller's running job, if any (the status bar's Cancel)."""
        if self.task is not None:
            self.task.cancel()

    def job_ended(self) -> None:
        """The job is over (done, failed or cancelled): progress hidden, actions back."""
        self.task = None
        self.window.job.end()
        self.window.update_actions()

    def update_actions(self, state: WindowState) -> None:
        """Enable this controller's actions for ``state`` (none by default)."""

    def notify(self, text: str, msecs: int) -> None:
        self.window.statusBar().showMessage(text, msecs)

    def wait_for_job(self) -> None:
        self.notify(self.tr("Please wait for the current job to finish."), 5000)

    def message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        return self.window.message(icon, title, text)

    def scanning(self) -> bool:
        return self.window.scan.running

    def exporting(self) -> bool:
        return self.window.exporter.task is not None

    def working(self) -> bool:
        return self.window.session.task is not None


def add_open_buttons(box: QMessageBox, *targets: tuple[str, str]) -> None:
    """Buttons on ``box`` that open a written file or its folder (``(label, path)``, in
    the desktop's own program), then OK."""
    for label, path in targets:
        button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
        button.clicked.connect(
            lambda _checked=False, p=path: QDesktopServices.openUrl(QUrl.fromLocalFile(p))
        )
    box.addButton(QMessageBox.StandardButton.Ok)
