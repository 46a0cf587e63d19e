"""Preferences: the interface language (at the next start) and the identification engine."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from app.settings import ENGINES
from ui.controllers.base import Controller


class PreferencesController(Controller):
    def fill_menu(self, menu: QMenu) -> None:
        """The Preferences menu: two exclusive groups, checked from the settings."""
        lang_menu = menu.addMenu(self.tr("&Language"))
        self.lang_group = QActionGroup(self)
        for code, label in (("fr", "Français"), ("en", "English")):
            a = lang_menu.addAction(label)
            a.setCheckable(True)
            a.setChecked(code == self.settings.get("ui/language"))
            a.setData(code)
            self.lang_group.addAction(a)
        self.lang_group.triggered.connect(self._language_chosen)
        engine_menu = menu.addMenu(self.tr("&Identification engine"))
        self.engine_group = QActionGroup(self)
        labels = {
            "siegfried": self.tr("Siegfried (PRONOM, recommended)"),
            "fido": self.tr("Fido (PRONOM, slower)"),
            "magic": self.tr("libmagic (MIME types only)"),
        }
        for code in ENGINES:
            a = engine_menu.addAction(labels[code])
            a.setCheckable(True)
            a.setChecked(code == self.settings.get("scan/engine"))
            a.setData(code)
            self.engine_group.addAction(a)
        self.engine_group.triggered.connect(self._engine_chosen)

    def _language_chosen(self, action: QAction) -> None:
        code = action.data()
        if code == self.settings.get("ui/language"):
            return
        self.settings.set("ui/language", code)
        # the window's texts are made once: say plainly that the change waits for a restart
        text = self.tr("The language will change the next time Verso starts.")
        self.notify(text, 0)  # stays until another message
        self.message(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            text
            + "\n\n"
            + self.tr("Close Verso and open it again to use it; your choice is kept."),
        ).addButton(QMessageBox.StandardButton.Ok)

    def _engine_chosen(self, action: QAction) -> None:
        self.settings.set("scan/engine", action.data())
        self.window.status.update_status()

    def show_engine(self, engine: str) -> None:
        """A profile chose ``engine``: check it in the menu."""
        for action in self.engine_group.actions():
            action.setChecked(action.data() == engine)
