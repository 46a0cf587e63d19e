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
import time
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
        self, edits: Sequence[tuple[ArchiveUnit, dict[str, Any]]], *, notify: bool = True
    ) -> list[dict[str, Any]]: ...
    def edited(self, units: list[ArchiveUnit]) -> None: ...
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


ValuesFor = Callable[[int, ArchiveUnit], dict[str, Any]]


class BulkEditCommand(QUndoCommand):
    """One undo step for the same kind of change on many units.

    ``edits`` are (unit, values) pairs; or ``units`` with ``values_for(n, unit)`` giving
    the changed fields of the n-th unit (1-based; empty: unchanged), read lazily. Up to
    ``AT_ONCE`` units, redo and undo are done at once; above, the model's ``slicer`` does
    them a slice per event-loop turn (``_BulkJob``): first every unit's new values are
    read (before any change, so a ``{parent}`` title pattern sees the titles of before),
    then the units change in tree order, a run of rows repainted per slice and ONE
    ``units_edited`` at the end, so the details panel refreshes once per command.

    An undo or redo while the slices run turns the job round (it goes on, in slices,
    the other way); any other edit of the tree first finishes the job (see
    ``PackageTreeModel.slicer``), so the data always match the undo stack. ``cancel``
    (the status bar's Cancel) rolls back what was applied: the first apply's command is
    then dropped from the stack, a redo's or an undo's is undone or redone again.
    """

    AT_ONCE = 2000  # units up to which redo/undo run at once

    def __init__(
        self,
        model: UnitTreeModel,
        edits: Sequence[tuple[ArchiveUnit, dict[str, Any]]] = (),
        *,
        units: Sequence[ArchiveUnit] | None = None,
        values_for: ValuesFor | None = None,
    ) -> None:
        if units is None:
            units = [u for u, _v in edits]
            given = [vals for _u, vals in edits]
            values_for = lambda n, _u: given[n - 1]  # noqa: E731
        elif values_for is None:
            raise ValueError("units need values_for")
        super().__init__(_bulk_text(len(units)))
        self.model = model
        self.job = _BulkJob(model, list(units), values_for, self)
        self.on_applied: Callable[[int], None] | None = None  # first apply done (count)

    @property
    def edits(self) -> list[tuple[ArchiveUnit, dict[str, Any]]]:
        """The (unit, new values) pairs read so far (all of them once applied)."""
        return self.job.edits

    def redo(self) -> None:
        self.job.go(forward=True)

    def undo(self) -> None:
        self.job.go(forward=False)
        if self.job.dropping:  # a cancelled first apply: QUndoStack.undo then deletes it
            self.job.command = None
            self.setObsolete(True)


def _bulk_text(count: int) -> str:
    return QCoreApplication.translate("Commands", "Edit %n unit(s)", None, count)


class _BulkJob:
    """The state of a ``BulkEditCommand``: ``edits[:done]`` carry their new values,
    ``edits[done:]`` their old ones; ``step`` moves ``done`` toward the end of the job's
    direction (``len(edits)`` forward, once every new value is read; 0 backward).

    Plain Python (no Qt object): a cancelled first apply deletes its command from the
    stack while the roll-back still runs."""

    CHUNK = 128  # units between two looks at the clock

    def __init__(
        self,
        model: UnitTreeModel,
        units: list[ArchiveUnit],
        values_for: ValuesFor,
        command: BulkEditCommand,
    ) -> None:
        self.model = model
        self.units = units
        self.values_for: ValuesFor | None = values_for
        self.read = 0  # units whose new values are read
        self.edits: list[tuple[ArchiveUnit, dict[str, Any]]] = []
        self.olds: list[dict[str, Any]] = []
        self.done = 0
        self.forward = True
        self.applied_once = False  # the first apply has reached its end
        self.touched = False  # units changed since the job last reached an end
        self.dropping = False  # cancelled before its first end: the command goes
        self.command: BulkEditCommand | None = command
        self._copy = False  # lists / MoreDescription among the values: copied per use

    def go(self, *, forward: bool) -> None:
        self.forward = forward
        slicer = getattr(self.model, "slicer", None)
        at_once = slicer is None or len(self.units) <= BulkEditCommand.AT_ONCE
        if slicer is None:
            while self.step(float("inf")):
                pass
        else:
            slicer.start(self, at_once=at_once)

    # -- SlicedJob ------------------------------------------------------------------------
    def progress(self) -> tuple[str, int, int]:
        if self.forward and self.read < len(self.units):
            return "edit-read", self.read, len(self.units)
        total = len(self.edits)
        if self.forward:
            return "edit", self.done, total
        return "edit-undo", total - self.done, total

    def cancel(self) -> None:
        """Back to where the job started: an apply's edits rolled back (the first one's
        command leaves the stack), an undo's re-applied."""
        stack = getattr(self.model, "undo_stack", None)
        command = self.command
        if stack is None or command is None:
            self.forward = not self.forward
            return
        if self.forward:
            self.dropping = not self.applied_once  # never applied whole: no undo step
            stack.undo()
        else:
            stack.redo()

    def step(self, deadline: float) -> bool:
        """Read or apply (or roll back) a few units until ``deadline``; False when the
        job has reached its end in its direction."""
        clock = time.perf_counter
        while True:
            if self.forward and self.values_for is not None:
                self._read(self.CHUNK)
            elif self.forward and self.done < len(self.edits):
                self._apply(self.CHUNK)
            elif not self.forward and self.done > 0:
                self._roll_back(self.CHUNK)
            else:
                self._finished()
                return False
            if clock() > deadline:
                return True

    def _read(self, count: int) -> None:
        values_for = self.values_for
        assert values_for is not None
        end = min(len(self.units), self.read + count)
        for n in range(self.read, end):
            unit = self.units[n]
            values = values_for(n + 1, unit)
            if values:
                new = {k: _snapshot(v) for k, v in values.items()}
                self._copy = self._copy or any(
                    isinstance(v, list | MoreDescription)
                    for v in (*new.values(), *(getattr(unit, k) for k in new))
                )
                self.edits.append((unit, new))
        self.read = end
        if end == len(self.units):
            self.values_for = None  # read once; redo reuses the values

    def _apply(self, count: int) -> None:
        first, end = self.done, min(len(self.edits), self.done + count)
        chunk = self.edits[first:end]
        if self._copy:
            chunk = [(u, {k: _snapshot(v) for k, v in new.items()}) for u, new in chunk]
        olds = self.model.set_fields_many(chunk, notify=False)
        self.olds[first:end] = olds  # the values the units had (no longer theirs)
        self.done = end
        self.touched = True

    def _roll_back(self, count: int) -> None:
        first, end = max(0, self.done - count), self.done
        olds = self.olds
        if self._copy:
            chunk = [
                (self.edits[i][0], {k: _snapshot(v) for k, v in olds[i].items()})
                for i in range(end - 1, first - 1, -1)
            ]
        else:
            chunk = [(self.edits[i][0], olds[i]) for i in range(end - 1, first - 1, -1)]
        self.model.set_fields_many(chunk, notify=False)
        self.done = first
        self.touched = True

    def _finished(self) -> None:
        if self.touched:
            self.touched = False
            self.model.edited([u for u, _new in self.edits])
        if self.forward and not self.applied_once:
            self.applied_once = True
            command = self.command
            if command is not None:
                command.setText(_bulk_text(len(self.edits)))
                if command.on_applied is not None:
                    command.on_applied(len(self.edits))


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
