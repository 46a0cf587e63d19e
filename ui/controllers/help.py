"""The Help menu."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ui.controllers.base import Controller


class HelpController(Controller):
    def build_actions(self) -> None:
        self.act_about = self.action(self.tr("&About Verso"), self.about)

    def about(self) -> None:
        QMessageBox.about(
            self.window,
            self.tr("About Verso"),
            self.tr(
                "Verso prepares SEDA 2.1, 2.2 and 2.3 transfer packages (SIP) for a Vitam "
                "archiving system.\nYour files are only read, never changed."
            ),
        )
