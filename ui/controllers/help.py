"""The Help menu: the user guide (F1), the keyboard shortcuts, the folders where the work is
kept (saved work, automatic recovery copies), About (``ui.help_dialog``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ui.controllers.base import Controller


class HelpController(Controller):
    shortcuts_dialog: QDialog | None = None

    def build_actions(self) -> None:
        self.act_guide = self.action(
            self.tr("&User guide"), self.guide, QKeySequence(QKeySequence.StandardKey.HelpContents)
        )
        self.act_shortcuts = self.action(self.tr("&Keyboard shortcuts"), self.shortcuts)
        self.act_work_folder = self.action(
            self.tr("Open the &saved-work folder"),
            self.open_work_folder,
            tip=self.tr("The folder where you last saved your work (.verso)"),
        )
        self.act_recovery_folder = self.action(
            self.tr("Open the &recovery folder"),
            self.open_recovery_folder,
            tip=self.tr(
                "Where Verso keeps an automatic copy of unsaved work, offered again after a crash"
            ),
        )
        self.act_about = self.action(self.tr("&About Verso"), self.about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

    def guide(self) -> None:
        from ui.help_dialog import show_help

        show_help(self.window)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what, keys) for every window action that has a shortcut, in menu words."""
        rows = []
        for action in self.window.actions():
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            if keys and action.text():
                rows.append((action.text().replace("&", "").rstrip("…").strip(), ", ".join(keys)))
        rows.append((self.tr("Search box: go to the next result"), self.tr("Enter")))
        return rows

    def shortcuts(self) -> QDialog:
        """A table of the keyboard shortcuts (non-modal: it may stay open)."""
        dialog = QDialog(self.window)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = self.shortcut_rows()
        table = QTableWidget(len(rows), 2, dialog)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(what))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(480, 520)
        dialog.show()
        self.shortcuts_dialog = dialog
        return dialog

    def open_work_folder(self) -> None:
        """The folder of the last saved work (the home folder before any save)."""
        folder = self.settings.get("work/last_folder")
        if not folder or not Path(folder).is_dir():
            folder = str(Path.home())
        QDesktopServices.openUrl(QUrl.fromLocalFile(folder))

    def open_recovery_folder(self) -> None:
        from ui.controllers.recovery import recovery_file

        folder = recovery_file().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.notify(f"{folder}: {exc.strerror or exc}", 8000)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about(self) -> None:
        """Verso's version, the SEDA versions, siegfried's signatures, Qt's version."""
        from ui.help_dialog import show_about

        show_about(self.window, self.model.package.signature_version)
