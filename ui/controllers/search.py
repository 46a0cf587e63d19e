"""The search box: filter the tree (``UnitFilterProxy``) after a typing pause."""

from __future__ import annotations

from collections.abc import Iterator
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
        self.timer.timeout.connect(self.apply_sliced)
        # the typing pause's search runs a slice per event-loop turn (see apply_sliced)
        self._steps: Iterator[None] | None = None
        self._slice = QTimer(self)
        self._slice.setInterval(0)
        self._slice.timeout.connect(self._next_slice)

    def build_actions(self) -> None:
        self.act_find = self.action(self.tr("&Find"), self.focus, QKeySequence.StandardKey.Find)

    def focus(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def apply(self) -> None:
        """Search now (the whole match at once)."""
        self._slice.stop()
        self._steps = None
        for _ in self.proxy.search_steps(self.box.text().strip()):
            pass
        self._show()

    def apply_sliced(self) -> None:
        """Search without stalling the window: the match runs in slices of ~30 ms between
        other events (100,000 units take several), then the result shows at once. Typing
        again starts over (the unfinished match is dropped)."""
        self._steps = self.proxy.search_steps(self.box.text().strip(), budget=self.SLICE)
        self._slice.start()

    SLICE = 0.03  # seconds of matching per event-loop turn
    EXPAND_MAX = 2000  # shown units up to which a search opens the tree (depth 2)

    def _next_slice(self) -> None:
        steps = self._steps
        if steps is None:
            self._slice.stop()
            return
        try:
            next(steps)
        except StopIteration:
            self._slice.stop()
            self._steps = None
            self._show()

    def _show(self) -> None:
        tree = self.window.tree
        # Collapsed first: Qt then remaps only the top rows instead of every expanded one
        # (2.5 s -> 0.1 s for 100,000 expanded units).
        tree.collapseAll()
        self.proxy.apply_result()
        text = self.proxy.text
        shown = self.proxy.visible
        # opening every match of a search that shows most of the package would lay out
        # all of it (3 s for 100,000 units): then only the top level opens
        few = shown is not None and len(shown) <= self.EXPAND_MAX
        tree.expandToDepth(2 if text and few else 0)
        if text:
            self.notify(self.tr("%n matching unit(s).", "", self.proxy.last_matches), 4000)

    def clear(self) -> None:
        """Show every unit again at once (e.g. to reveal one the search hides)."""
        self.box.clear()
        self.apply()

    def structure_changed(self) -> None:
        if self._steps is not None:  # a match over the old tree: start over
            self._slice.stop()
            self._steps = None
            self.timer.start()
        elif self.proxy.visible is not None:
            self.timer.start()  # new/moved units: match again
