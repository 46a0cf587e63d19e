"""Every edit of the package as a ``QUndoCommand`` on the window's single ``QUndoStack``.

Commands only call the model's primitive mutations, so views stay in sync on redo and undo.
Structural commands apply a sequence of single moves/removals and record, just before each
step, where the unit was; undo replays the steps backwards, which restores the exact order.

The model is described by the ``UnitTreeModel`` protocol (what ``ui.tree_model`` offers), so
this module does not import ``ui.tree_model``: the model imports the commands it pushes (inline
rename, drag-and-drop move), never the other way round.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from seda.model import ArchiveUnit, DescriptionLevel, MoreDescription, Package, TransferHeader


class UnitTreeModel(Protocol):
    """The primitive mutations commands call (``ui.tree_model.PackageTreeModel``)."""

    @property
    def package(self) -> Package: ...
    def siblings(self, parent: ArchiveUnit | None) -> list[ArchiveUnit]: ...
    def row_of(self, unit: ArchiveUnit) -> int: ...
    def contains(self, unit: ArchiveUnit) -> bool: ...
    def insert_units(
        self, parent: ArchiveUnit | None, row: int, units: Sequence[ArchiveUnit]
    ) -> None: ...
    def remove_unit(self, unit: ArchiveUnit) -> tuple[ArchiveUnit | None, int]: ...
    def move_unit(self, unit: ArchiveUnit, new_parent: ArchiveUnit | None, row: int) -> int: ...
    def set_fields(self, unit: ArchiveUnit, values: dict[str, Any]) -> dict[str, Any]: ...
    def set_fields_many(
        self, edits: Sequence[tuple[ArchiveUnit, dict[str, Any]]]
    ) -> list[dict[str, Any]]: ...
    def reorder_children(self, parent: ArchiveUnit | None, order: list[ArchiveUnit]) -> None: ...
    def refresh_units(
        self, units: Iterable[ArchiveUnit], first: int = 0, last: int = -1
    ) -> None: ...


def top_level_only(units: Sequence[ArchiveUnit]) -> list[ArchiveUnit]:
    """Drop units whose ancestor is also in the list (moving the ancestor moves them)."""
    chosen = {u.uid for u in units}
    return [u for u in units if not any(a.uid in chosen for a in u.ancestors())]


EDITABLE_FIELDS = (
    "title",
    "level",
    "description",
    "start_date",
    "end_date",
    "keywords",
    "originating_ids",
    "archival_ids",
    "file_plan_position",
    "more",  # MoreDescription (writers, languages, custodial history...): replaced whole
)

_MERGE_EDIT = 1001


def _snapshot(value: Any) -> Any:
    return copy.deepcopy(value) if isinstance(value, list | MoreDescription) else value


def changed_fields(unit: ArchiveUnit, values: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``values`` whose value ``unit`` does not already have."""
    return {k: v for k, v in values.items() if getattr(unit, k) != v}


def push_field_edits(
    stack: QUndoStack, model: UnitTreeModel, unit: ArchiveUnit | None, values: dict[str, Any]
) -> None:
    """One undoable edit of ``unit``'s changed fields (nothing when none changes): what the
    unit form and its "more description" group commit."""
    if unit is None:
        return
    changed = changed_fields(unit, values)
    if changed:
        stack.push(EditFieldsCommand(model, unit, changed))


class EditFieldsCommand(QUndoCommand):
    """Set some description fields of one unit. Consecutive edits of the same fields of
    the same unit merge, so typing in a form is one undo step per field."""

    def __init__(
        self, model: UnitTreeModel, unit: ArchiveUnit, values: dict[str, Any], text: str = ""
    ) -> None:
        super().__init__(
            text or QCoreApplication.translate("Commands", "Edit “%1”").replace("%1", unit.title)
        )
        unknown = set(values) - set(EDITABLE_FIELDS)
        if unknown:
            raise ValueError(f"not editable: {sorted(unknown)}")
        self.model = model
        self.unit = unit
        self.new = {k: _snapshot(v) for k, v in values.items()}
        self.old = {k: _snapshot(getattr(unit, k)) for k in values}

    def redo(self) -> None:
        self.model.set_fields(self.unit, {k: _snapshot(v) for k, v in self.new.items()})

    def undo(self) -> None:
        self.model.set_fields(self.unit, {k: _snapshot(v) for k, v in self.old.items()})

    def id(self) -> int:
        return _MERGE_EDIT

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditFieldsCommand) or isinstance(other, RenameCommand):
            return False
        if other.unit is not self.unit or set(other.new) != set(self.new):
            return False
        if set(self.new) & {"title"}:
            return False  # a rename stays its own step
        self.new = other.new
        return True


class RenameCommand(EditFieldsCommand):
    def __init__(self, model: UnitTreeModel, unit: ArchiveUnit, title: str) -> None:
        super().__init__(
            model,
            unit,
            {"title": title},
            QCoreApplication.translate("Commands", "Rename “%1” to “%2”")
            .replace("%1", unit.title)
            .replace("%2", title),
        )


class BulkEditCommand(QUndoCommand):
    """One undo step for the same kind of change on many units."""

    def __init__(
        self, model: UnitTreeModel, edits: Sequence[tuple[ArchiveUnit, dict[str, Any]]]
    ) -> None:
        super().__init__(
            QCoreApplication.translate("Commands", "Edit %n unit(s)", None, len(edits))
        )
        self.model = model
        self.edits = [
            (
                u,
                {k: _snapshot(v) for k, v in vals.items()},
                {k: _snapshot(getattr(u, k)) for k in vals},
            )
            for u, vals in edits
        ]
        # dates, levels, titles are immutable: handed over as they are (100,000 units)
        self._copy = any(
            isinstance(v, list | MoreDescription)
            for _u, new, old in self.edits
            for v in (*new.values(), *old.values())
        )

    # One model call for all the units: one repaint per run of rows and one
    # ``units_edited``, so the details panel refreshes once per command, not per unit.
    def redo(self) -> None:
        if not self._copy:
            self.model.set_fields_many([(unit, new) for unit, new, _old in self.edits])
            return
        self.model.set_fields_many(
            [(unit, {k: _snapshot(v) for k, v in new.items()}) for unit, new, _old in self.edits]
        )

    def undo(self) -> None:
        if not self._copy:
            self.model.set_fields_many([(unit, old) for unit, _new, old in reversed(self.edits)])
            return
        self.model.set_fields_many(
            [
                (unit, {k: _snapshot(v) for k, v in old.items()})
                for unit, _new, old in reversed(self.edits)
            ]
        )


def title_from_pattern(pattern: str, unit: ArchiveUnit, number: int) -> str:
    """Expand a bulk title pattern.

    ``{title}`` the current title, ``{n}`` / ``{n:03}`` the position in the selection,
    ``{parent}`` the parent's title, ``{start}`` / ``{end}`` the dates (ISO), ``{year}`` the
    start year. Unknown placeholders are left as typed.
    """

    def repl(m: re.Match[str]) -> str:
        name, spec = m.group(1), m.group(2) or ""
        values: dict[str, Any] = {
            "title": unit.title,
            "titre": unit.title,
            "n": number,
            "parent": unit.parent.title if unit.parent else "",
            "start": unit.start_date.isoformat() if unit.start_date else "",
            "end": unit.end_date.isoformat() if unit.end_date else "",
            "year": str(unit.start_date.year) if unit.start_date else "",
            "annee": str(unit.start_date.year) if unit.start_date else "",
        }
        if name not in values:
            return m.group(0)
        try:
            return format(values[name], spec[1:]) if spec else str(values[name])
        except ValueError:
            return str(values[name])

    return re.sub(r"\{(\w+)(:[^}]*)?\}", repl, pattern).strip()


class _StepsCommand(QUndoCommand):
    """Base for structural commands made of single moves/removals/insertions."""

    def __init__(self, model: UnitTreeModel, text: str) -> None:
        super().__init__(text)
        self.model = model
        self._undo_steps: list[Callable[[], None]] = []

    def _do_move(self, unit: ArchiveUnit, parent: ArchiveUnit | None, row: int) -> int:
        old_parent, old_row = unit.parent, self.model.row_of(unit)
        final = self.model.move_unit(unit, parent, row)
        self._undo_steps.append(lambda: self.model.move_unit(unit, old_parent, old_row))
        return final

    def _do_remove(self, unit: ArchiveUnit) -> None:
        parent, row = self.model.remove_unit(unit)
        self._undo_steps.append(lambda: self.model.insert_units(parent, row, [unit]))

    def _do_insert(self, parent: ArchiveUnit | None, row: int, units: list[ArchiveUnit]) -> None:
        self.model.insert_units(parent, row, units)

        def back() -> None:
            for u in reversed(units):
                self.model.remove_unit(u)

        self._undo_steps.append(back)

    def undo(self) -> None:
        steps, self._undo_steps = self._undo_steps, []
        for step in reversed(steps):
            step()


class MoveUnitsCommand(_StepsCommand):
    """Move units (drag and drop, or "Move to…") under ``parent`` starting at ``row``."""

    def __init__(
        self,
        model: UnitTreeModel,
        units: Sequence[ArchiveUnit],
        parent: ArchiveUnit | None,
        row: int = -1,
    ) -> None:
        units = top_level_only(units)
        super().__init__(
            model, QCoreApplication.translate("Commands", "Move %n unit(s)", None, len(units))
        )
        self.units = units
        self.parent = parent
        self.row = row

    def redo(self) -> None:
        self._undo_steps = []
        if self.row < 0:
            for unit in self.units:
                self._do_move(unit, self.parent, -1)
            return
        # Keep the dropped units together and in order at the drop position: each unit goes
        # right after the previous one.
        anchor_row = self.row
        sibs = self.model.siblings(self.parent)
        anchor = sibs[anchor_row] if anchor_row < len(sibs) else None
        position = -1
        for unit in self.units:
            if position < 0:
                if anchor is None:
                    target = -1
                elif anchor is unit:
                    target = self.model.row_of(unit)
                else:
                    target = self.model.row_of(anchor)
                    if unit.parent is self.parent and self.model.row_of(unit) < target:
                        target -= 1
                position = self._do_move(unit, self.parent, target)
            else:
                target = position + 1
                if unit.parent is self.parent and self.model.row_of(unit) < target:
                    target -= 1
                position = self._do_move(unit, self.parent, target)


class RemoveUnitsCommand(_StepsCommand):
    """Take units out of the package. Files on disk are never touched."""

    def __init__(self, model: UnitTreeModel, units: Sequence[ArchiveUnit], text: str = ""):
        units = top_level_only(units)
        super().__init__(
            model,
            text
            or QCoreApplication.translate(
                "Commands", "Remove %n unit(s) from the package", None, len(units)
            ),
        )
        self.units = units

    def redo(self) -> None:
        self._undo_steps = []
        for unit in self.units:
            self._do_remove(unit)


class AddUnitsCommand(_StepsCommand):
    """Add units (e.g. a scanned folder) under ``parent``. With ``already_done`` the
    units were inserted progressively by the scan, so the first redo does nothing."""

    def __init__(
        self,
        model: UnitTreeModel,
        parent: ArchiveUnit | None,
        units: Sequence[ArchiveUnit],
        row: int = -1,
        *,
        already_done: bool = False,
        text: str = "",
    ) -> None:
        super().__init__(
            model,
            text or QCoreApplication.translate("Commands", "Add %n unit(s)", None, len(units)),
        )
        self.parent = parent
        self.units = list(units)
        self.row = row
        self._skip = already_done
        if already_done:

            def back() -> None:
                for u in reversed(self.units):
                    if model.contains(u):
                        model.remove_unit(u)

            self._undo_steps.append(back)

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._undo_steps = []
        row = self.row
        if row < 0 or row > len(self.model.siblings(self.parent)):
            row = len(self.model.siblings(self.parent))
        self._do_insert(self.parent, row, self.units)


class GroupUnitsCommand(_StepsCommand):
    """Create a new unit where the first selected unit was, and move the selection in it."""

    def __init__(
        self,
        model: UnitTreeModel,
        units: Sequence[ArchiveUnit],
        title: str,
        level: str = DescriptionLevel.RECORD_GRP,
    ) -> None:
        units = top_level_only(units)
        if not units:
            raise ValueError("nothing to group")
        super().__init__(
            model, QCoreApplication.translate("Commands", "Group %n unit(s)", None, len(units))
        )
        self.units = sorted(units, key=lambda u: _path_key(model, u))
        self.group = ArchiveUnit(title=title, level=level)

    def redo(self) -> None:
        self._undo_steps = []
        first = self.units[0]
        parent, row = first.parent, self.model.row_of(first)
        self._do_insert(parent, row, [self.group])
        for unit in self.units:
            self._do_move(unit, self.group, -1)


def _path_key(model: UnitTreeModel, unit: ArchiveUnit) -> list[int]:
    """Position of a unit in document order (for stable grouping)."""
    path = [model.row_of(unit)]
    for a in unit.ancestors():
        path.append(model.row_of(a))
    return path[::-1]


def natural_key(text: str) -> list[Any]:
    """Sort "Dossier 2" before "Dossier 10", ignoring case and accents' case."""
    parts = re.split(r"(\d+)", text.casefold())
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts]


class SortChildrenCommand(QUndoCommand):
    """Sort the children of a unit (or the top level) by title, natural order."""

    def __init__(
        self,
        model: UnitTreeModel,
        parent: ArchiveUnit | None,
        key: Callable[[ArchiveUnit], Any] | None = None,
        reverse: bool = False,
    ) -> None:
        name = (
            parent.title
            if parent is not None
            else QCoreApplication.translate("Commands", "top level")
        )
        super().__init__(
            QCoreApplication.translate("Commands", "Sort the children of “%1”").replace("%1", name)
        )
        self.model = model
        self.parent = parent
        self.old = list(model.siblings(parent))
        self.new = sorted(self.old, key=key or (lambda u: natural_key(u.title)), reverse=reverse)

    def redo(self) -> None:
        self.model.reorder_children(self.parent, list(self.new))

    def undo(self) -> None:
        self.model.reorder_children(self.parent, list(self.old))


class SetHeaderCommand(QUndoCommand):
    """Replace the transfer header (dialog or preset). ``on_change`` refreshes the UI."""

    def __init__(
        self,
        model: UnitTreeModel,
        header: TransferHeader,
        on_change: Callable[[], None] | None = None,
        seda_version: str | None = None,
    ) -> None:
        super().__init__(QCoreApplication.translate("Commands", "Edit the transfer header"))
        self.model = model
        self.new = header
        self.old = model.package.header
        self.new_version = seda_version or model.package.seda_version
        self.old_version = model.package.seda_version
        self.on_change = on_change

    def redo(self) -> None:
        self.model.package.header = self.new
        self.model.package.seda_version = self.new_version
        if self.on_change:
            self.on_change()

    def undo(self) -> None:
        self.model.package.header = self.old
        self.model.package.seda_version = self.old_version
        if self.on_change:
            self.on_change()


class ApplyPresetCommand(QUndoCommand):
    """Apply a transfer profile as one step: header (with its default rules), SEDA version
    and the default attachment of root units that had none.

    ``on_change(units)`` runs after redo/undo with the roots whose attachment changed.
    """

    def __init__(
        self,
        model: UnitTreeModel,
        header: TransferHeader,
        seda_version: str,
        attachments: Sequence[tuple[ArchiveUnit, Any]],
        name: str,
        on_change: Callable[[list[ArchiveUnit]], None] | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("Commands", "Apply the profile “%1”").replace("%1", name)
        )
        self.model = model
        self.new_header = header
        self.old_header = model.package.header
        self.new_version = seda_version
        self.old_version = model.package.seda_version
        self.units = [u for u, _a in attachments]
        self.new_attachments = [copy.copy(a) for _u, a in attachments]
        self.old_attachments = [copy.copy(u.attachment) for u in self.units]
        self.on_change = on_change

    def _set(self, header: TransferHeader, version: str, attachments: list[Any]) -> None:
        self.model.package.header = header
        self.model.package.seda_version = version
        for unit, att in zip(self.units, attachments, strict=True):
            unit.attachment = copy.copy(att)
        if self.units:
            self.model.refresh_units(self.units, 0, 0)
        if self.on_change:
            self.on_change(list(self.units))

    def redo(self) -> None:
        self._set(self.new_header, self.new_version, self.new_attachments)

    def undo(self) -> None:
        self._set(self.old_header, self.old_version, self.old_attachments)
