"""The transfer header (services, contract, SEDA version): its dialog and undoable changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from ui.commands import SetHeaderCommand
from ui.controllers.base import Controller
from ui.header_dialog import HeaderDialog


class HeaderController(Controller):
    dialog: HeaderDialog | None = None  # the open (or last) header dialog

    def build_actions(self) -> None:
        self.act_header = self.action(
            self.tr("Transfer &header…"), lambda: self.edit_header(), QKeySequence("Ctrl+H")
        )

    def edit_header(self, field: str = "") -> None:
        """The header dialog (``field``: its field to start on, e.g. "originating_agency")."""
        dialog = HeaderDialog(
            self.model.package.header,
            self.model.package.seda_version,
            self.window,
            self.settings.get("folders/last_preset"),
            referential=self.window.profile.referentials["rules"],
            roots=self.model.package.roots,
        )
        self.window.guide.apply_to_header(dialog)  # the archive profile's fixed values
        self.dialog = dialog  # tests read it while it is open
        widget = (dialog.edits.get(field) or getattr(dialog, field, None)) if field else None
        if isinstance(widget, QWidget):
            widget.setFocus()  # given when the dialog shows
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_header(dialog.header(), dialog.seda_version())
            if dialog.loaded_preset:
                self.window.profile.adopt_from_dialog(dialog.loaded_preset)

    def set_header(self, header: Any, seda_version: str | None = None) -> None:
        self.stack.push(SetHeaderCommand(self.model, header, self.header_changed, seda_version))

    def header_changed(self) -> None:
        """Header replaced (edit, profile, undo): its default rules reach every unit."""
        self.window.session.update_title()
        self.window.details.refresh_rules()
