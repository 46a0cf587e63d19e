"""Edits of the tree from the Edit menu: undo/redo, rename, remove, group, sort, move,
number the cotes.

Every edit is one command on the window's ``QUndoStack`` (``ui.commands``); the model's
signals then refresh the views. Undo and redo wait while a scan adds units (the scan pushes
its own step when its walk ends).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog

from seda.model import ArchiveUnit, DescriptionLevel
from ui.commands import (
    BulkEditCommand,
    GroupUnitsCommand,
    MoveUnitsCommand,
    RemoveUnitsCommand,
    SortChildrenCommand,
)
from ui.controllers.base import Controller, WindowState
from ui.tree_model import COL_TITLE


class EditController(Controller):
    def build_actions(self) -> None:
        self.act_undo = self.action(self.tr("&Undo"), self.undo, QKeySequence("Ctrl+Z"))
        self.act_redo = self.action(
            self.tr("&Redo"), self.redo, [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
        )
        self.act_rename = self.action(self.tr("&Rename"), self.rename_selected, QKeySequence("F2"))
        self.act_remove = self.action(
            self.tr("Re&move from the package"),
            self.remove_selected,
            QKeySequence.StandardKey.Delete,
            self.tr("Take the selected units out of the package (your files are not touched)"),
        )
        self.act_group = self.action(
            self.tr("&Group into a new unit…"), self.group_selected, QKeySequence("Ctrl+G")
        )
        self.act_sort = self.action(self.tr("&Sort children by title"), self.sort_children)
        self.act_move_up = self.action(
            self.tr("Move &up"), lambda: self.move_selected(-1), QKeySequence("Ctrl+Up")
        )
        self.act_move_down = self.action(
            self.tr("Move &down"), lambda: self.move_selected(1), QKeySequence("Ctrl+Down")
        )
        self.act_number_cotes = self.action(
            self.tr("Number the &cotes…"),
            self.number_cotes,
            tip=self.tr("Give the selected units and their contents a cote: 3 W 1, 3 W 1/1…"),
        )
        self.act_rules = self.action(
            self.tr("&Management rules"), self.show_rules, QKeySequence("Ctrl+R")
        )

    def update_actions(self, state: WindowState) -> None:
        # while a long edit applies in slices, the tree's own edits wait (undo and redo
        # stay: they turn the running edit round)
        units = [] if state.editing else state.units
        self.act_rename.setEnabled(len(units) == 1)
        self.act_remove.setEnabled(bool(units))
        self.act_group.setEnabled(bool(units))
        self.act_sort.setEnabled(state.has_package and not state.editing)
        self.act_number_cotes.setEnabled(
            state.has_package and not state.scanning and not state.editing
        )
        self.act_move_up.setEnabled(bool(units))
        self.act_move_down.setEnabled(bool(units))
        self.act_rules.setEnabled(bool(units))
        # The scan's own undo step is pushed when the walk ends; keep undo/redo off meanwhile.
        busy = state.scanning
        self.act_undo.setEnabled(not busy and self.stack.canUndo())
        self.act_redo.setEnabled(not busy and self.stack.canRedo())
        undo_text, redo_text = self.stack.undoText(), self.stack.redoText()
        self.act_undo.setToolTip(self.tr("Undo: %1").replace("%1", undo_text) if undo_text else "")
        self.act_redo.setToolTip(self.tr("Redo: %1").replace("%1", redo_text) if redo_text else "")

    def undo(self) -> None:
        """Undo the last edit (not while a scan adds units: its own step comes later)."""
        if not self.scanning() and self.stack.canUndo():
            self.stack.undo()

    def redo(self) -> None:
        if not self.scanning() and self.stack.canRedo():
            self.stack.redo()

    def rename_selected(self) -> None:
        tree = self.window.tree
        idx = tree.currentIndex()
        if idx.isValid():
            tree.edit(idx.siblingAtColumn(COL_TITLE))

    def remove_selected(self) -> None:
        units = self.window.tree.selected_units()
        if units:
            self.stack.push(RemoveUnitsCommand(self.model, units))

    def group_selected(self, title: str | None = None) -> ArchiveUnit | None:
        units = self.window.tree.selected_units()
        if not units:
            return None
        if not title:
            title, ok = QInputDialog.getText(
                self.window,
                self.tr("New unit"),
                self.tr("Title of the new unit:"),
                text=self.tr("New unit"),
            )
            if not ok or not title.strip():
                return None
        command = GroupUnitsCommand(self.model, units, title.strip(), DescriptionLevel.RECORD_GRP)
        self.stack.push(command)
        self.window.tree.select_units([command.group])
        return command.group

    def sort_children(self) -> None:
        unit = self.window.tree.current_unit()
        parent = unit if unit is not None and unit.children else (unit.parent if unit else None)
        self.stack.push(SortChildrenCommand(self.model, parent))

    def move_selected(self, step: int) -> None:
        units = self.window.tree.selected_units()
        if len(units) != 1:
            return
        if self.model.sorting[0] >= 0:  # the rows follow the column: a move would not show
            self.notify(
                self.tr(
                    "The tree is sorted by a column: click that column's header until the "
                    "sort is removed to move units up or down."
                ),
                8000,
            )
            return
        unit = units[0]
        row = self.model.row_of(unit)
        target = row + step
        if target < 0 or target >= len(self.model.siblings(unit.parent)):
            return
        self.stack.push(
            MoveUnitsCommand(self.model, [unit], unit.parent, target + (1 if step > 0 else 0))
        )
        self.window.tree.select_units([unit])

    def number_cotes(self) -> int:
        """The numbering dialog over the selection (else the whole package); its cotes are
        one undo step. Returns how many units got a cote."""
        from ui.cote_dialog import CoteNumberingDialog, displayed_order

        tree = self.window.tree
        dialog = CoteNumberingDialog(
            self.model.package.roots, tree.selected_units(), displayed_order(tree), self.window
        )
        if dialog.exec() != CoteNumberingDialog.DialogCode.Accepted:
            return 0
        return self.apply_numbering(dialog)

    def apply_numbering(self, dialog: Any) -> int:
        edits = dialog.edits()
        if not edits:
            return 0
        field = dialog.field_name()
        command = BulkEditCommand(self.model, [(unit, {field: v}) for unit, v in edits])
        command.setText(self.tr("Number %n cote(s)", "", len(edits)))
        self.stack.push(command)
        self.notify(self.tr("%n unit(s) got a cote.", "", len(edits)), 5000)
        return len(edits)

    def show_rules(self) -> None:
        self.window.details.show_rules()
