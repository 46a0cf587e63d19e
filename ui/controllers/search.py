"""The search box: filter the tree (``UnitFilterProxy``) after a typing pause, without
stalling the window (the match runs in slices), say how many units match (« 12 résultats »
beside the box) and step through them (F3 / Maj+F3, Enter)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence

from ui.controllers.base import Controller, WindowState
from ui.formatting import number
from ui.package_view import at_most

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class SearchController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.box = window.search
        self.count_label = window.search_count
        self.proxy = window.proxy
        self.current = -1  # index in proxy.matches of the result shown (F3), -1 none yet
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.box.textChanged.connect(lambda _t: self.timer.start())
        self.timer.timeout.connect(self.apply_sliced)
        self.box.returnPressed.connect(self.next_result)
        # the typing pause's search runs a slice per event-loop turn (see apply_sliced)
        self._steps: Iterator[None] | None = None
        self._then: Callable[[], None] | None = None  # after the sliced search (F3)
        self._slice = QTimer(self)
        self._slice.setInterval(0)
        self._slice.timeout.connect(self._next_slice)

    SLICE = 0.03  # seconds of matching per event-loop turn
    EXPAND_MAX = 2000  # shown units up to which a search opens the tree (depth 2)
    SEARCH_AT_ONCE = 5000  # units up to which F3 after typing searches at once

    def build_actions(self) -> None:
        self.act_find = self.action(self.tr("&Find"), self.focus, QKeySequence.StandardKey.Find)
        self.act_next = self.action(self.tr("Find &next"), self.next_result, QKeySequence("F3"))
        self.act_previous = self.action(
            self.tr("Find &previous"),
            self.previous_result,
            QKeySequence("Shift+F3"),
        )

    def update_actions(self, state: WindowState) -> None:
        self.act_next.setEnabled(state.has_package)
        self.act_previous.setEnabled(state.has_package)

    def focus(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def apply(self) -> None:
        """Search now (the whole match at once)."""
        self.timer.stop()
        self._slice.stop()
        self._steps = None
        self._then = None
        for _ in self.proxy.search_steps(self.box.text().strip()):
            pass
        self._show()

    def apply_sliced(self, then: Callable[[], None] | None = None) -> None:
        """Search without stalling the window: the match runs in slices of ~30 ms between
        other events (100,000 units take several), then the result shows at once (and
        ``then`` runs). Typing again starts over (the unfinished match is dropped)."""
        self._steps = self.proxy.search_steps(self.box.text().strip(), budget=self.SLICE)
        self._then = then
        self._slice.start()

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
            then, self._then = self._then, None
            if then is not None:
                then()

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
        self.current = -1
        self._show_count()
        if text:
            self.notify(self.tr("%n matching unit(s).", "", self.proxy.last_matches), 4000)

    def _show_count(self) -> None:
        """« 12 résultats », « Résultat 3 sur 12 » while stepping, nothing without a search."""
        matches = len(self.proxy.matches)
        if not self.proxy.text.strip():
            text = ""
        elif not matches:
            text = self.tr("No result")
        elif self.current < 0:
            text = self.tr("%n result(s)", "", matches)
        else:
            text = (
                self.tr("Result %1 of %2")
                .replace("%1", number(self.current + 1))
                .replace("%2", number(matches))
            )
        self.count_label.setText(text)

    def next_result(self) -> None:
        self._step(1)

    def previous_result(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        """Select the next (or previous) matching unit, round the list."""
        if (
            self.timer.isActive()
            or self._steps is not None
            or self.box.text().strip() != self.proxy.text
        ):
            self.timer.stop()
            if not at_most(self.model, self.SEARCH_AT_ONCE):
                # typed, then F3 at once in a big package: the search in slices (the
                # first one folds every title: 1.5 s for 100,000 units), then the step
                self.apply_sliced(then=lambda: self._step(delta))
                return
            self.apply()  # typed, then F3 at once: search now
        matches = self.proxy.matches
        if not matches:
            if self.box.text().strip():
                self.notify(self.tr("No unit matches the search."), 4000)
            else:
                self.focus()
            return
        if self.current < 0:
            self.current = 0 if delta > 0 else len(matches) - 1
        else:
            self.current = (self.current + delta) % len(matches)
        unit = self.model.unit_by_uid(matches[self.current])
        if unit is not None:
            self.window.tree.select_units([unit])
        self._show_count()

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
