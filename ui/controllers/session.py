"""The work in progress: new transfer, saved work (``.verso``), unsaved changes, closing.

``app.workfile`` writes and reads the saved work; here a snapshot is encoded on the GUI
thread and written off it (at once when small). The undo stack's clean state says whether
there are unsaved changes ("*" in the title); Verso asks before they would be lost, without
blocking when the window closes (``close_box``). Recent works are the ``work/recent`` setting.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app import workfile
from seda.findings import Finding
from seda.model import Package
from ui.controllers.base import Controller, WindowState
from ui.controllers.profile import same_file
from ui.formatting import describe_finding

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class SessionController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.work_path = ""
        self.close_box: QMessageBox | None = None  # the open "save before closing?" question
        self.close_confirmed = False
        self.changes = 0  # undo-stack moves, to tell whether a snapshot is current
        self.stack.indexChanged.connect(self._count_change)
        self.stack.cleanChanged.connect(self._clean_changed)

    def build_actions(self) -> None:
        self.act_new = self.action(
            self.tr("&New transfer"), self.new_package, QKeySequence.StandardKey.New
        )
        self.act_save_work = self.action(
            self.tr("&Save the work"),
            lambda: self.save_work(),
            QKeySequence.StandardKey.Save,
            self.tr("Keep the description on disk to resume it later (a .verso file)"),
        )
        self.act_save_work_as = self.action(
            self.tr("Save the work &as…"),
            lambda: self.save_work_as(),
            QKeySequence.StandardKey.SaveAs,
        )
        self.act_open_work = self.action(self.tr("Open a saved &work…"), lambda: self.open_work())
        self.recent_menu = QMenu(self.tr("Recent &work"), self.window)
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)

    def update_actions(self, state: WindowState) -> None:
        self.act_new.setEnabled(state.idle)
        can_save = (
            not state.scanning and not state.working and bool(state.has_package or self.work_path)
        )
        self.act_save_work.setEnabled(can_save)
        self.act_save_work_as.setEnabled(can_save)
        self.act_open_work.setEnabled(state.idle and not state.working)

    def _count_change(self, _index: int) -> None:
        self.changes += 1

    # -- the package -------------------------------------------------------------------------
    def new_package(self) -> None:
        if self.scanning() or self.exporting():
            return
        if self.task is not None or not self.maybe_save(self.tr("New transfer"), self.new_package):
            return
        header = self.model.package.header
        package = Package(header=header, seda_version=self.model.package.seda_version)
        self.stack.clear()
        self.model.set_package(package)
        self.window.verifier.clear_findings()
        self.window.verifier.clear_verification()
        self.work_path = ""
        self.window.recovery.forget()
        self.update_title()
        self.window.status.update_status()

    def replace_package(self, package: Package, findings: list[Finding]) -> None:
        """The opened work or SIP becomes the package (no undo across it)."""
        self.stack.clear()
        self.model.set_package(package)
        verifier = self.window.verifier
        verifier.clear_findings()
        verifier.add_findings(findings)
        verifier.clear_verification()
        if len(package.roots) == 1:
            self.window.tree.expand_unit(package.roots[0])

    def can_replace_package(self) -> bool:
        if self.scanning() or self.exporting() or self.task is not None:
            self.wait_for_job()
            return False
        return True

    # -- unsaved changes, title, closing -------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        """Edits since the last save, the opening or "New transfer" (the undo stack's clean
        state; an empty, never saved package has nothing to lose)."""
        try:
            clean = self.stack.isClean()
        except RuntimeError:  # the stack is being destroyed with the window
            return False
        return not clean and bool(self.model.package.roots or self.work_path)

    def _clean_changed(self, _clean: bool) -> None:
        try:
            self.update_title()
            self.window.update_actions()
        except RuntimeError:  # the stack is being destroyed with the window
            pass

    def package_name(self) -> str:
        roots = self.model.package.roots
        if not roots:
            return ""
        if len(roots) == 1:
            return roots[0].title
        return self.tr("%1 (+%n more)", "", len(roots) - 1).replace("%1", roots[0].title)

    def work_name(self) -> str:
        return Path(self.work_path).stem if self.work_path else self.package_name()

    def update_title(self) -> None:
        """The title: "Verso — <work or package name>", "*" while changes are unsaved."""
        modified = self.has_unsaved_changes()
        name = self.work_name()
        if name:
            self.window.setWindowTitle(f"Verso — {name}[*]")
        else:
            self.window.setWindowTitle("Verso[*]" if modified else "Verso")
        self.window.setWindowModified(modified)

    def ask_save_changes(self, title: str) -> QMessageBox.StandardButton:
        """Save / Don't save / Cancel before unsaved changes would be lost (modal)."""
        box = self._save_changes_box(title)
        box.exec()
        return _answer(box)

    def ask_before_close(self) -> None:
        """The close question, window-modal but not blocking (``close_box``): the close
        event is refused at once and the answer closes the window (or not) later, so a
        second close request (logout, a test's teardown) never hangs on a nested loop."""
        if self.close_box is not None and self.close_box.isVisible():
            self.close_box.raise_()
            return
        box = self._save_changes_box(self.tr("Close Verso"))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r, b=box: self._close_answered(b))
        self.close_box = box
        box.open()

    def _close_answered(self, box: QMessageBox) -> None:
        self.close_box = None
        answer = _answer(box)
        box.deleteLater()
        if answer == QMessageBox.StandardButton.Discard:
            self.close_confirmed = True
            self.window.close()
        elif answer == QMessageBox.StandardButton.Save:
            if self.save_work(then=self.window.close) == "saved":
                self.window.close()

    def _save_changes_box(self, title: str) -> QMessageBox:
        Button = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            self.tr("The transfer “%1” has changes that are not saved.").replace(
                "%1", self.work_name()
            ),
            Button.Save | Button.Discard | Button.Cancel,
            self.window,
        )
        box.setObjectName("askSaveChanges")
        box.setInformativeText(
            self.tr("Save them to resume the work later? Your files on disk are never changed.")
        )
        box.button(Button.Save).setText(self.tr("Save"))
        box.button(Button.Discard).setText(self.tr("Don't save"))
        box.button(Button.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(Button.Save)
        box.setEscapeButton(Button.Cancel)
        return box

    def maybe_save(self, title: str, then: Callable[[], Any] | None = None) -> bool:
        """Before the package is replaced or the window closed: True to go on now.

        With unsaved changes, ask: Don't save -> True; Cancel -> False; Save -> True once
        saved when the save is quick, else False and ``then`` runs after the background save
        succeeded (the caller's action, e.g. ``window.close``).
        """
        if not self.has_unsaved_changes():
            return True
        answer = self.ask_save_changes(title)
        if answer == QMessageBox.StandardButton.Discard:
            return True
        if answer != QMessageBox.StandardButton.Save:
            return False
        return self.save_work(then=then) == "saved"

    # -- saving ----------------------------------------------------------------------------
    def _ask_work_path(self) -> str:
        folder = self.settings.get("work/last_folder") or str(Path.home())
        name = self.work_name() or self.tr("transfer")
        safe = "".join(c if c.isalnum() or c in " -_.()" else "_" for c in name).strip(" .")
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save the work"),
            str(Path(folder) / f"{safe or 'verso'}{workfile.SUFFIX}"),
            self.tr("Verso saved work (*.verso)"),
        )
        return path

    def save_work(self, path: str | None = None, *, then: Callable[[], Any] | None = None) -> str:
        """Save the package to ``path`` (default: the current work file, else ask for one).

        Returns "saved" (done already), "started" (in the background; ``then`` runs once it
        succeeded) or "" (nothing saved: refused, cancelled or failed, the user was told).
        """
        target = path or self.work_path or self._ask_work_path()
        return self._save_to(workfile.with_suffix(target), then) if target else ""

    def save_work_as(self, path: str | None = None) -> str:
        target = path or self._ask_work_path()
        return self._save_to(workfile.with_suffix(target), None) if target else ""

    def snapshot(self, **extra: Any) -> workfile.Packed:
        """The package, its findings and profile, encoded (GUI thread) for a worker to write."""
        work = workfile.Work(
            self.model.package,
            list(self.window.findings.findings),
            self.window.profile.preset_path,
            **extra,
        )
        return workfile.pack_work(work)

    def _save_to(self, path: str, then: Callable[[], Any] | None) -> str:
        if self.scanning() or self.task is not None:
            self.wait_for_job()
            return ""
        doc = self.snapshot()  # editing may go on meanwhile
        saved_at = self.stack.index()
        changes = self.changes

        def job(progress: Any) -> str:  # worker thread: plain data only
            workfile.write_document(path, doc, progress)
            return path

        def done(_result: Any, background: bool) -> None:
            self._saved(path, saved_at, changes)
            if background and then is not None:
                then()

        sync = doc.units <= workfile.SYNC_UNITS
        return self.run_job(job, sync, "save", done, self._save_failed)

    def run_job(
        self,
        job: Callable[[Any], Any],
        sync: bool,
        phase: str,
        done: Callable[[Any, bool], None],
        failed: Callable[[BaseException], None],
    ) -> str:
        """Run a save/open job: at once when small (no thread hop under ~50 ms), else in the
        background with progress and Cancel. Returns "saved", "started" or ""."""
        if sync:
            from seda.progress import NullProgress

            try:
                result = job(NullProgress())
            except Exception as exc:  # noqa: BLE001 - shown to the user, never lost
                failed(exc)
                return ""
            done(result, False)
            return "saved"
        task = self.start_job(job, phase)
        self.task = task
        task.finished.connect(lambda result: done(result, True))
        task.failed.connect(failed)
        task.cancelled.connect(
            lambda: self.notify(self.tr("Cancelled: nothing was changed."), 8000)
        )
        task.ended.connect(self.job_ended)
        self.window.update_actions()
        return "started"

    def _saved(self, path: str, saved_at: int, changes: int) -> None:
        self.work_path = path
        self.settings.set("work/last_folder", str(Path(path).parent))
        self.settings.add_recent(path, "work/recent")
        if self.changes == changes and self.stack.index() == saved_at:
            self.stack.setClean()  # else edits made meanwhile stay unsaved
        if not self.has_unsaved_changes():
            self.window.recovery.forget()
        self.update_title()
        self.window.update_actions()
        self.notify(self.tr("Work saved: %1").replace("%1", path), 8000)

    def error_text(self, error: BaseException) -> str:
        findings = list(getattr(error, "findings", []) or [])
        if findings:
            return "\n".join(describe_finding(f, self.lang) for f in findings[:10])
        return f"{type(error).__name__}: {error}"

    def _save_failed(self, error: BaseException) -> None:
        self.message(
            QMessageBox.Icon.Critical,
            self.tr("The work was not saved"),
            self.tr("Nothing was changed on disk.") + "\n\n" + self.error_text(error),
        )

    # -- opening ---------------------------------------------------------------------------
    def open_work(self, path: str | None = None) -> str:
        """Open a saved work (asking to save the current one first). "saved" when opened at
        once, "started" when it is read in the background, "" when not opened."""
        title = self.tr("Open a saved work")
        filters = self.tr("Verso saved work (*.verso)")
        chosen = self.path_to_open(path, title, "work/last_folder", filters, self.open_work)
        return self.load_work(chosen) if chosen else ""

    def path_to_open(
        self,
        path: str | None,
        title: str,
        folder_setting: str,
        filters: str,
        again: Callable[[str], Any],
    ) -> str:
        """Before a file replaces the package: no job running, the file (asked for when
        ``path`` is empty), the current changes saved or dropped. "" to stop; when the
        changes are being saved in the background, ``again(path)`` runs once they are."""
        if not self.can_replace_package():
            return ""
        chosen = path or self.ask_open_file(title, folder_setting, filters)
        if not chosen or not self.maybe_save(title, lambda: again(chosen)):
            return ""
        return chosen

    def load_work(self, path: str, *, recovered: bool = False) -> str:
        try:
            small = os.path.getsize(path) <= workfile.SYNC_BYTES
        except OSError:
            small = True  # load_work says what is wrong, at once

        def job(progress: Any) -> Any:  # worker thread: builds plain model objects
            return workfile.load_work(path, progress)

        return self.run_job(
            job,
            small,
            "load",
            lambda work, _bg: self._loaded(path, work, recovered),
            lambda error: self.open_failed(path, error, recovered),
        )

    def _loaded(self, path: str, work: Any, recovered: bool) -> None:
        self.replace_package(work.package, [*work.source_findings, *work.findings])
        profile = self.window.profile
        if work.preset_path and not (
            profile.preset_path and same_file(work.preset_path, profile.preset_path)
        ):
            if not profile.use_preset(work.preset_path, apply=False, quiet=True):
                self.notify(
                    self.tr("The transfer profile “%1” could not be read again.").replace(
                        "%1", work.preset_path
                    ),
                    10000,
                )
        if recovered:
            self.work_path = work.recovery_of
            self.stack.resetClean()  # restored, not saved yet
        else:
            self.work_path = path
            self.settings.set("work/last_folder", str(Path(path).parent))
            self.settings.add_recent(path, "work/recent")
            self.window.recovery.forget()
        self.update_title()
        self.window.status.update_status()
        self.window.update_actions()
        if work.source_findings:
            self.window.verifier.show_findings_tab()
            self.message(
                QMessageBox.Icon.Warning,
                self.tr("Files moved or changed"),
                self.tr(
                    "%n file(s) moved or changed since the work was saved. They are listed in "
                    "the findings panel: check them before exporting.",
                    "",
                    len(work.source_findings),
                ),
            )
        else:
            self.notify(self.tr("Work opened: %1").replace("%1", self.work_name()), 8000)

    def open_failed(self, path: str, error: BaseException, recovered: bool = False) -> None:
        if recovered:
            self.window.recovery.forget()  # an unusable copy must not be offered at every start
        self.message(
            QMessageBox.Icon.Critical,
            self.tr("The work cannot be opened"),
            path + "\n\n" + self.error_text(error),
        )

    # -- recent works ------------------------------------------------------------------------
    def fill_recent_menu(self) -> None:
        """The "Recent work" submenu; saved works gone since are taken out of the list."""
        menu = self.recent_menu
        menu.clear()
        recent = self.settings.get("work/recent")
        present = [p for p in recent if os.path.isfile(p)]
        if len(present) != len(recent):
            self.settings.set("work/recent", present)
            self.notify(
                self.tr(
                    "%n saved work(s) no longer found were removed from the recent list.",
                    "",
                    len(recent) - len(present),
                ),
                8000,
            )
        for i, path in enumerate(present):
            action = menu.addAction(f"&{i + 1} {Path(path).stem}")
            action.setData(path)
            action.setStatusTip(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if not present:
            menu.addAction(self.tr("No recent work")).setEnabled(False)

    def open_recent(self, path: str) -> str:
        if not os.path.isfile(path):
            self.settings.set(
                "work/recent", [p for p in self.settings.get("work/recent") if p != path]
            )
            self.message(
                QMessageBox.Icon.Warning,
                self.tr("Recent work"),
                self.tr("“%1” can no longer be found; it was removed from the list.").replace(
                    "%1", path
                ),
            )
            return ""
        return self.open_work(path)


def _answer(box: QMessageBox) -> QMessageBox.StandardButton:
    """The standard button clicked in ``box`` (Cancel when closed otherwise)."""
    clicked = box.clickedButton()
    button = box.standardButton(clicked) if clicked is not None else None
    return button or QMessageBox.StandardButton.Cancel
