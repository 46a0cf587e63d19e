"""The Help menu: the user guide (F1) and À propos (``ui.help_dialog``)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from ui.controllers.base import Controller


class HelpController(Controller):
    def build_actions(self) -> None:
        self.act_guide = self.action(
            self.tr("&User guide"), self.guide, QKeySequence(QKeySequence.StandardKey.HelpContents)
        )
        self.act_about = self.action(self.tr("&About Verso"), self.about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)

    def guide(self) -> None:
        from ui.help_dialog import show_help

        show_help(self.window)

    def about(self) -> None:
        """Verso's version, the SEDA versions, siegfried's signatures, Qt's version."""
        from ui.help_dialog import show_about

        show_about(self.window, self.model.package.signature_version)
