"""The search box: filter the tree (``UnitFilterProxy``) after a typing pause."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence

from ui.controllers.base import Controller

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class SearchController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.box = window.search
        self.proxy = window.proxy
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.box.textChanged.connect(lambda _t: self.timer.start())
        self.timer.timeout.connect(self.apply)

    def build_actions(self) -> None:
        self.act_find = self.action(self.tr("&Find"), self.focus, QKeySequence.StandardKey.Find)

    def focus(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def apply(self) -> None:
        tree = self.window.tree
        text = self.box.text().strip()
        # Collapsed first: Qt then remaps only the top rows instead of every expanded one
        # (2.5 s -> 0.1 s for 100,000 expanded units).
        tree.collapseAll()
        matches = self.proxy.set_search(text)
        tree.expandToDepth(2 if text else 0)
        if text:
            self.notify(self.tr("%n matching unit(s).", "", matches), 4000)

    def clear(self) -> None:
        """Show every unit again at once (e.g. to reveal one the search hides)."""
        self.box.clear()
        self.apply()

    def structure_changed(self) -> None:
        if self.proxy.visible is not None:
            self.timer.start()  # new/moved units: match again
