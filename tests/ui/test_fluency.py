"""The window at scale (issue 16): a bulk edit notifies once, select-all reads ranges.

Correctness only; the speed itself is measured by ``bench/ui_bench.py``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack

from seda.model import ArchiveUnit, DescriptionLevel, Package
from ui.commands import BulkEditCommand, RenameCommand
from ui.details import DetailsPanel
from ui.tree_model import PackageTreeModel


def _package(folders: int, items: int) -> Package:
    package = Package()
    root = ArchiveUnit(title="Fonds", level=DescriptionLevel.FONDS)
    package.roots.append(root)
    for f in range(folders):
        folder = ArchiveUnit(title=f"Dossier {f}", level=DescriptionLevel.RECORD_GRP)
        root.add(folder)
        for i in range(items):
            folder.add(ArchiveUnit(title=f"pièce {f}-{i}", level=DescriptionLevel.ITEM))
    return package


def _count(obj: Any, name: str, calls: list[str]) -> None:
    original = getattr(obj, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(name)
        return original(*args, **kwargs)

    setattr(obj, name, counted)


def _wait_for_slices(qtbot: Any, model: PackageTreeModel) -> None:
    qtbot.waitUntil(lambda: not model.slicer.running, timeout=60_000)


def test_bulk_edit_of_5000_units_refreshes_the_details_once_and_undo_restores(qtbot) -> None:  # type: ignore[no-untyped-def]
    package = _package(50, 100)
    model = PackageTreeModel(package)
    stack = QUndoStack()
    model.undo_stack = stack
    panel = DetailsPanel(model, stack)
    qtbot.addWidget(panel)
    units = [u for u in package.walk() if u.level == DescriptionLevel.ITEM]
    assert len(units) == 5000
    for n, unit in enumerate(units):
        unit.start_date = date(1900 + n % 100, 1, 1)
    before = {u.uid: u.start_date for u in units}
    shown = units[1234]
    panel.show_units([shown])
    assert panel.form.unit is shown
    calls: list[str] = []
    _count(panel.form, "refresh", calls)
    _count(panel.rules_panel, "refresh", calls)
    edited: list[int] = []
    model.units_edited.connect(lambda us: edited.append(len(us)))
    changed: list[tuple[int, int, int]] = []
    model.dataChanged.connect(
        lambda tl, br, _r=None: changed.append((id(tl.internalPointer()), tl.row(), br.row()))
    )

    stack.push(BulkEditCommand(model, [(u, {"start_date": date(2024, 5, 1)}) for u in units]))
    _wait_for_slices(qtbot, model)  # above BulkEditCommand.AT_ONCE: applied in slices

    assert all(u.start_date == date(2024, 5, 1) for u in units)
    assert edited == [5000]  # one notification for the whole command
    assert calls.count("refresh") == 2  # the form once, the rules panel once
    # every row repainted, by runs of adjacent rows (a slice may end inside a folder)
    assert sum(br - tl + 1 for _p, tl, br in changed) == 5000
    assert len(changed) < 5000 // 20
    assert panel.form.start.value() == date(2024, 5, 1)

    calls.clear()
    edited.clear()
    stack.undo()
    _wait_for_slices(qtbot, model)
    assert {u.uid: u.start_date for u in units} == before
    assert edited == [5000]
    assert calls.count("refresh") == 2
    assert panel.form.start.value() == before[shown.uid]

    stack.redo()
    _wait_for_slices(qtbot, model)
    assert all(u.start_date == date(2024, 5, 1) for u in units)


@pytest.fixture
def sliced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small packages edited in many slices: every command is sliced, a slice is a
    chunk of 7 units (the clock is looked at after each chunk)."""
    from ui import commands
    from ui.sliced_edit import SliceRunner

    monkeypatch.setattr(commands.BulkEditCommand, "AT_ONCE", 0)
    monkeypatch.setattr(commands._BulkJob, "CHUNK", 7)
    monkeypatch.setattr(SliceRunner, "BUDGET", 0.0)


def _sliced_setup(qtbot: Any) -> tuple[Package, PackageTreeModel, QUndoStack, list[ArchiveUnit]]:
    package = _package(6, 20)
    model = PackageTreeModel(package)
    stack = QUndoStack()
    model.undo_stack = stack
    units = list(package.walk())
    for n, unit in enumerate(units):
        unit.start_date = date(1900 + n, 1, 1)
    return package, model, stack, units


def _tick_until(model: PackageTreeModel, done: Any) -> None:
    """Run the slices by hand (no event loop in between) until ``done()``."""
    for _ in range(10_000):
        if done():
            return
        model.slicer._tick()
    raise AssertionError("the sliced edit never got there")


def _dates(units: list[ArchiveUnit]) -> list[date | None]:
    return [u.start_date for u in units]


def test_sliced_bulk_edit_applies_every_unit_over_several_turns(qtbot, sliced) -> None:  # type: ignore[no-untyped-def]
    _package_, model, stack, units = _sliced_setup(qtbot)
    before = _dates(units)
    progress: list[tuple[str, int, int]] = []
    model.slicer.progressed.connect(lambda ph, d, t, _m: progress.append((ph, d, t)))
    model.slicer.PROGRESS_INTERVAL = 0.0
    edited: list[int] = []
    model.units_edited.connect(lambda us: edited.append(len(us)))
    new = date(2024, 5, 1)
    stack.push(BulkEditCommand(model, [(u, {"start_date": new}) for u in units]))
    assert model.slicer.running  # not done in the click's turn
    assert _dates(units) != [new] * len(units)
    _wait_for_slices(qtbot, model)
    assert _dates(units) == [new] * len(units)
    assert edited == [len(units)]
    phases = [ph for ph, _d, _t in progress]
    assert "edit" in phases and "edit-read" in phases
    assert any(0 < d < t for ph, d, t in progress if ph == "edit")  # went on in steps

    stack.undo()
    assert model.slicer.running
    _wait_for_slices(qtbot, model)
    assert _dates(units) == before
    assert stack.canRedo() and stack.redoText() == f"Edit {len(units)} unit(s)"


def test_cancel_of_a_sliced_bulk_edit_rolls_back_and_drops_the_step(qtbot, sliced) -> None:  # type: ignore[no-untyped-def]
    _package_, model, stack, units = _sliced_setup(qtbot)
    before = _dates(units)
    stack.push(BulkEditCommand(model, [(u, {"start_date": date(2024, 5, 1)}) for u in units]))
    command_job = model.slicer.job
    assert command_job is not None
    _tick_until(model, lambda: command_job.done > 0)  # partly applied
    assert command_job.done < len(units)
    model.slicer.cancel()
    assert model.slicer.running  # the roll-back runs in slices too
    _wait_for_slices(qtbot, model)
    assert _dates(units) == before  # every applied unit rolled back, the others untouched
    assert stack.count() == 0  # cancelled: no undo step left behind
    assert not stack.canUndo() and not stack.canRedo()


def test_cancel_of_a_sliced_undo_applies_the_edit_again(qtbot, sliced) -> None:  # type: ignore[no-untyped-def]
    _package_, model, stack, units = _sliced_setup(qtbot)
    new = date(2024, 5, 1)
    stack.push(BulkEditCommand(model, [(u, {"start_date": new}) for u in units]))
    _wait_for_slices(qtbot, model)
    stack.undo()
    job = model.slicer.job
    assert job is not None
    _tick_until(model, lambda: job.done < len(units))  # partly undone
    assert job.done > 0
    model.slicer.cancel()
    _wait_for_slices(qtbot, model)
    assert _dates(units) == [new] * len(units)
    assert stack.index() == 1 and stack.canUndo()  # the edit is done, as before the undo


def test_undo_during_a_sliced_apply_turns_it_round(qtbot, sliced) -> None:  # type: ignore[no-untyped-def]
    _package_, model, stack, units = _sliced_setup(qtbot)
    before = _dates(units)
    stack.push(BulkEditCommand(model, [(u, {"start_date": date(2024, 5, 1)}) for u in units]))
    job = model.slicer.job
    assert job is not None
    _tick_until(model, lambda: job.done > 0)
    stack.undo()
    _wait_for_slices(qtbot, model)
    assert _dates(units) == before
    stack.redo()
    _wait_for_slices(qtbot, model)
    assert _dates(units) == [date(2024, 5, 1)] * len(units)


def test_an_edit_during_a_sliced_apply_waits_for_its_end(qtbot, sliced) -> None:  # type: ignore[no-untyped-def]
    _package_, model, stack, units = _sliced_setup(qtbot)
    before = _dates(units)
    title = units[-1].title
    stack.push(BulkEditCommand(model, [(u, {"start_date": date(2024, 5, 1)}) for u in units]))
    assert model.slicer.running
    stack.push(RenameCommand(model, units[-1], "renamed while it applies"))
    assert not model.slicer.running  # finished first, then the rename
    assert _dates(units) == [date(2024, 5, 1)] * len(units)
    assert units[-1].title == "renamed while it applies"
    stack.undo()  # the rename
    assert units[-1].title == title
    stack.undo()  # the bulk edit
    _wait_for_slices(qtbot, model)
    assert _dates(units) == before


def test_select_all_then_bulk_edit_in_the_window_touches_every_unit(
    qtbot, window, sliced, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(window, "DETAILS_LATER", 100)  # a big selection: details a turn later
    package = _package(8, 30)
    window.model.set_package(package)
    tree = window.tree
    monkeypatch.setattr(tree, "SELECT_AT_ONCE", 10)  # read in slices, then selected
    monkeypatch.setattr(tree, "SELECT_SLICE", 0.0)
    tree.expandAll()
    tree.selectAll()
    assert tree.selecting_all and not window.selected_units()
    # the slices one by one, without the event loop between them: waiting on the loop
    # could also run the details' turn before the check below
    tree._select_timer.stop()
    while tree.selecting_all:
        tree._select_slice()
    selected = window.selected_units()
    # what select-all keeps is what the selection's ranges hold, in the same order
    assert selected == tree._read_selection()
    assert len(selected) == sum(1 for _ in package.walk())
    bulk = window.details.bulk
    assert bulk.units != selected  # not yet: the selection's turn ends first
    qtbot.waitUntil(lambda: bulk.units == selected)
    bulk.level_box.setChecked(True)
    bulk.level.setCurrentIndex(bulk.level.findData(DescriptionLevel.FILE.value))
    bulk.title_box.setChecked(True)
    bulk.pattern.setText("{n:03} {parent}")
    parents = {u.uid: (u.parent.title if u.parent else "") for u in selected}
    applied: list[int] = []
    bulk.applied.connect(applied.append)
    assert bulk.apply() == -1  # goes on in slices
    assert window.job.isVisible()  # the status bar's progress, with Cancel
    assert not window.details.isEnabled()  # the panel waits for the end
    assert not window.edits.act_remove.isEnabled()
    assert window.edits.act_undo.isEnabled()  # undo turns the edit round
    _wait_for_slices(qtbot, window.model)
    assert applied == [len(selected)]
    assert all(u.level == DescriptionLevel.FILE for u in package.walk())
    # every new title was read before any unit changed: {parent} is the old title
    assert [u.title for u in selected] == [
        f"{n:03} {parents[u.uid]}".strip() for n, u in enumerate(selected, 1)
    ]
    assert window.details.isEnabled() and not window.job.isVisible()
    assert str(len(selected)) in window.stack.undoText()
    window.undo()
    _wait_for_slices(qtbot, window.model)
    assert all(u.level != DescriptionLevel.FILE for u in package.walk())


def test_a_click_during_a_sliced_select_all_wins(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    package = _package(6, 10)
    window.model.set_package(package)
    tree = window.tree
    monkeypatch.setattr(tree, "SELECT_AT_ONCE", 10)
    monkeypatch.setattr(tree, "SELECT_SLICE", 0.0)
    tree.expandAll()
    tree.selectAll()
    assert tree.selecting_all
    one = package.roots[0].children[3]
    window.select_units([one])  # the user clicks a unit before the select-all is done
    assert not tree.selecting_all
    qtbot.wait(50)
    assert window.selected_units() == [one]


def test_cancel_button_rolls_back_a_bulk_edit_in_the_window(qtbot, window, sliced) -> None:  # type: ignore[no-untyped-def]
    package = _package(4, 30)
    window.model.set_package(package)
    tree = window.tree
    tree.expandAll()
    tree.selectAll()
    before = [u.level for u in package.walk()]
    bulk = window.details.bulk
    bulk.level_box.setChecked(True)
    bulk.level.setCurrentIndex(bulk.level.findData(DescriptionLevel.FILE.value))
    bulk.apply()
    job = window.model.slicer.job
    assert job is not None
    _tick_until(window.model, lambda: job.done > 0)
    assert job.done < 120
    window.job.cancel_button.click()
    _wait_for_slices(qtbot, window.model)
    assert [u.level for u in package.walk()] == before
    assert window.stack.count() == 0
    assert window.details.isEnabled()


def test_set_fields_many_returns_the_previous_values(qtbot) -> None:  # type: ignore[no-untyped-def]
    package = _package(2, 3)
    model = PackageTreeModel(package)
    a, b = package.roots[0].children[0].children[:2]
    old = model.set_fields_many([(a, {"title": "A", "keywords": []}), (b, {"level": "File"})])
    assert old == [{"title": "pièce 0-0", "keywords": []}, {"level": DescriptionLevel.ITEM}]
    assert (a.title, b.level) == ("A", "File")


def _all_units_in_order(package: Package) -> list[ArchiveUnit]:
    return list(package.walk())


def test_select_all_selects_every_shown_unit_once(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    package = _package(5, 7)
    window.model.set_package(package)
    tree = window.tree
    tree.expandAll()
    tree.selectAll()
    selected = window.selected_units()
    assert sorted(u.uid for u in selected) == sorted(u.uid for u in package.walk())
    assert len(selected) == len({u.uid for u in selected})
    # every column of every row is selected, as Qt's own select-all does
    assert len(tree.selectionModel().selectedRows(0)) == len(selected)
    assert len(tree.selectionModel().selectedRows(4)) == len(selected)
    # the window shows the bulk editor for all of them
    assert window.details.bulk.units == selected

    # a closed folder's units are not shown, so not selected
    root = package.roots[0]
    tree.collapse(tree.view_index(root.children[2]))
    tree.selectAll()
    hidden = {u.uid for u in root.children[2].children}
    assert {u.uid for u in window.selected_units()} == {
        u.uid for u in package.walk() if u.uid not in hidden
    }


def test_selected_units_follow_sorting_filtering_and_removal(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    package = _package(3, 4)
    window.model.set_package(package)
    tree = window.tree
    tree.expandAll()
    root = package.roots[0]
    folder = root.children[1]
    window.select_units(folder.children[:2])
    assert window.selected_units() == folder.children[:2]
    # sorted view: the same units stay selected
    tree.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert {u.uid for u in window.selected_units()} == {u.uid for u in folder.children[:2]}
    tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    # filtered view: select-all holds only what the search shows
    window.search.setText("pièce 2-")
    window.searcher.timer.stop()
    window.searcher.apply()
    tree.expandAll()
    tree.selectAll()
    shown = {u.uid for u in window.selected_units()}
    assert {u.uid for u in root.children[2].children} <= shown
    assert not {u.uid for u in root.children[0].children} & shown
    # a removed unit leaves the selection (the cached answer is dropped)
    window.search.clear()
    window.searcher.timer.stop()
    window.searcher.apply()
    tree.expandAll()
    window.select_units([folder.children[0], folder.children[1]])
    window.edits.remove_selected()
    assert all(window.model.contains(u) for u in window.selected_units())


def _shown_uids(window) -> set[int]:  # type: ignore[no-untyped-def]
    proxy = window.proxy
    out: set[int] = set()
    pending = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    while pending:
        index = pending.pop()
        out.add(window.tree.unit_at(index).uid)
        pending.extend(proxy.index(r, 0, index) for r in range(proxy.rowCount(index)))
    return out


def test_search_in_slices_shows_what_the_whole_search_shows(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    package = _package(30, 40)
    window.model.set_package(package)
    searcher = window.searcher
    window.search.setText("pièce 7-")
    searcher.timer.stop()
    searcher.apply()
    expected = _shown_uids(window)
    assert searcher.proxy.last_matches == 120  # 7-, 17-, 27-
    window.search.clear()
    searcher.timer.stop()
    searcher.apply()
    assert len(_shown_uids(window)) == 1 + 30 + 30 * 40

    monkeypatch.setattr(type(searcher), "SLICE", 1e-9)  # a slice per 256 units
    slices: list[int] = []
    original = searcher._next_slice

    def counted() -> None:
        slices.append(1)
        original()

    monkeypatch.setattr(searcher, "_next_slice", counted)
    searcher._slice.timeout.disconnect()
    searcher._slice.timeout.connect(searcher._next_slice)
    window.search.setText("pièce 7-")
    searcher.timer.stop()
    searcher.apply_sliced()
    assert len(_shown_uids(window)) == 1 + 30 + 30 * 40  # nothing applied yet
    qtbot.waitUntil(lambda: searcher._steps is None, timeout=5000)
    assert len(slices) > 2  # the match really ran in several event-loop turns
    assert _shown_uids(window) == expected
    assert searcher.proxy.last_matches == 120  # 7-, 17-, 27-


def test_typing_again_drops_the_unfinished_search(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.model.set_package(_package(10, 10))
    searcher = window.searcher
    window.search.setText("pièce 3-")
    searcher.timer.stop()
    searcher.apply_sliced()
    first = searcher._steps
    window.search.setText("pièce 4-")
    searcher.timer.stop()
    searcher.apply_sliced()
    assert searcher._steps is not first
    qtbot.waitUntil(lambda: searcher._steps is None, timeout=5000)
    assert searcher.proxy.text == "pièce 4-"
    assert searcher.proxy.last_matches == 10


def test_folded_texts_follow_edits_undo_and_formats(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    package = _package(2, 3)
    window.model.set_package(package)
    proxy = window.proxy
    unit = package.roots[0].children[0].children[0]
    assert proxy.set_search("pièce 0-0") == 1  # the folded text is now cached
    window.stack.push(RenameCommand(window.model, unit, "Délibération du conseil"))
    assert proxy.set_search("pièce 0-0") == 0
    assert proxy.set_search("deliberation") == 1
    window.stack.undo()
    assert proxy.set_search("deliberation") == 0
    assert proxy.set_search("pièce 0-0") == 1
    unit.description = "École Jules-Ferry"  # changed behind the model's back: still seen
    assert proxy.set_search("ecole jules") == 1
    window.model.set_package(_package(1, 1))
    assert proxy.set_search("ecole") == 0


def test_expand_all_of_a_big_tree_opens_every_unit_in_slices(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    package = _package(40, 5)
    root = package.roots[0]
    nested = ArchiveUnit(title="Sous-dossier", level=DescriptionLevel.SUBGRP)
    root.children[3].add(nested)
    nested.add(ArchiveUnit(title="pièce profonde", level=DescriptionLevel.ITEM))
    window.model.set_package(package)
    tree = window.tree
    monkeypatch.setattr(type(tree), "EXPAND_AT_ONCE", 10)
    monkeypatch.setattr(type(tree), "EXPAND_SLICE", 1e-9)  # one folder per turn
    window.edits  # noqa: B018 - the action lives on the window
    window.act_expand.trigger()
    assert tree.expanding
    assert not tree.isExpanded(tree.view_index(root.children[39]))  # not all at once
    qtbot.waitUntil(lambda: not tree.expanding, timeout=5000)
    folders = [u for u in package.walk() if u.children]
    assert all(tree.isExpanded(tree.view_index(u)) for u in folders)

    tree.collapseAll()
    window.act_expand.trigger()
    qtbot.wait(1)
    tree.collapseAll()  # stops it
    assert not tree.expanding
    qtbot.wait(20)
    assert not any(tree.isExpanded(tree.view_index(u)) for u in folders[5:])


def test_expand_all_of_a_small_tree_is_one_call(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    package = _package(3, 3)
    window.model.set_package(package)
    window.act_expand.trigger()
    assert not window.tree.expanding
    assert all(
        window.tree.isExpanded(window.tree.view_index(u)) for u in package.walk() if u.children
    )


def test_bulk_editor_reads_the_form_once_and_still_fits_each_unit(qtbot) -> None:  # type: ignore[no-untyped-def]
    package = _package(1, 3)
    model = PackageTreeModel(package)
    stack = QUndoStack()
    panel = DetailsPanel(model, stack)
    qtbot.addWidget(panel)
    units = package.roots[0].children[0].children
    units[1].level = DescriptionLevel.FILE
    bulk = panel.bulk
    bulk.set_units(units)
    bulk.level_box.setChecked(True)
    bulk.level.setCurrentIndex(bulk.level.findData(DescriptionLevel.FILE.value))
    bulk.title_box.setChecked(True)
    bulk.pattern.setText("{n:02} {title}")
    bulk.writer_box.setChecked(True)
    bulk.writer.setText("Jeanne Martin")
    bulk.language_box.setChecked(True)
    bulk.language.setText("fr, oc")
    edits = dict((u.uid, values) for u, values in bulk.edits())
    assert [edits[u.uid]["title"] for u in units] == [
        "01 pièce 0-0",
        "02 pièce 0-1",
        "03 pièce 0-2",
    ]
    assert "level" in edits[units[0].uid] and "level" not in edits[units[1].uid]
    more = edits[units[2].uid]["more"]
    assert more.languages == ["fr", "oc"] and more.agents[0].full_name == "Jeanne Martin"
    assert bulk.apply() == 3
    assert all(u.level == DescriptionLevel.FILE for u in units)
    stack.undo()
    assert units[0].level == DescriptionLevel.ITEM and units[0].more is None


def test_refresh_units_skips_removed_units(qtbot) -> None:  # type: ignore[no-untyped-def]
    package = _package(3, 4)
    model = PackageTreeModel(package)
    folders = package.roots[0].children
    gone_folder = folders[1]
    gone_item = folders[0].children[2]
    model.remove_unit(gone_folder)
    model.remove_unit(gone_item)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda tl, br, _r=None: changed.append((tl.row(), br.row())))
    model.refresh_units([*folders[0].children, gone_item, *gone_folder.children, folders[1]])
    # folder 0 keeps rows 0-2; the removed folder's units and the removed item are skipped
    assert changed == [(0, 2), (1, 1)]


def test_column_sort_of_a_big_tree_reopens_the_open_units_sorted(
    qtbot, window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    package = _package(12, 4)
    window.model.set_package(package)
    tree, proxy = window.tree, window.proxy
    monkeypatch.setattr(type(proxy), "SORT_AT_ONCE", 10)
    monkeypatch.setattr(type(tree), "EXPAND_SLICE", 1e-9)
    root = package.roots[0]
    opened = [root, *root.children[2:9:2]]
    for unit in opened:
        tree.expand(tree.view_index(unit))
    tree.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not tree.expanding, timeout=5000)
    assert [u for u in package.walk() if u.children and tree.isExpanded(tree.view_index(u))] == [
        root,
        *root.children[2:9:2],
    ]
    top = tree.view_index(root)
    titles = [proxy.index(r, 0, top).data() for r in range(proxy.rowCount(top))]
    assert titles == [f"Dossier {n}" for n in range(11, -1, -1)]  # numbers by value
    folder = tree.view_index(root.children[4])
    items = [proxy.index(r, 0, folder).data() for r in range(proxy.rowCount(folder))]
    assert items == ["pièce 4-3", "pièce 4-2", "pièce 4-1", "pièce 4-0"]
    # the package's own order is untouched: sorting is the view's
    assert [u.title for u in root.children[:2]] == ["Dossier 0", "Dossier 1"]
    tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not tree.expanding, timeout=5000)
    assert proxy.index(0, 0, tree.view_index(root)).data() == "Dossier 0"
    assert tree.isExpanded(tree.view_index(root.children[8]))


def test_proxy_has_children_follows_the_package_and_the_search(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    package = _package(3, 2)
    root = package.roots[0]
    root.children[2].children.clear()  # an empty folder
    window.model.set_package(package)
    proxy, tree = window.proxy, window.tree
    tree.expandAll()
    assert proxy.hasChildren(QModelIndex())
    assert proxy.hasChildren(tree.view_index(root.children[0]))
    assert not proxy.hasChildren(tree.view_index(root.children[2]))
    assert not proxy.hasChildren(tree.view_index(root.children[0].children[0]))
    assert not proxy.hasChildren(tree.view_index(root.children[0]).siblingAtColumn(1))
    proxy.set_search("Dossier 1")  # its items show as descendants of the match
    assert proxy.hasChildren(tree.view_index(root.children[1]))
    assert proxy.hasChildren(tree.view_index(root))
    proxy.set_search("pièce 1-0")
    assert proxy.hasChildren(tree.view_index(root.children[1]))
    assert not tree.view_index(root.children[0]).isValid()  # filtered out
    # what Qt's own answer gives, every time
    for unit in package.walk():
        index = tree.view_index(unit)
        if index.isValid():
            assert proxy.hasChildren(index) == (proxy.rowCount(index) > 0)


def test_status_cancel_stops_only_the_job_it_shows(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A bulk edit applying while a scan runs: Cancel under « Applying the edit » rolls
    the edit back and lets the scan go on; under « Analysing » it stops the scan only."""
    cancelled: list[str] = []
    monkeypatch.setattr(type(window.scan), "running", property(lambda _self: True))
    monkeypatch.setattr(window.scan, "cancel", lambda: cancelled.append("scan"))
    monkeypatch.setattr(window.model.slicer, "cancel", lambda: cancelled.append("edit"))
    window.job.show_progress("edit", 10, 100, "")
    window.job.cancel_button.click()
    assert cancelled == ["edit"]
    window.job.show_progress("analyse", 10, 100, "")
    window.job.cancel_button.click()
    assert cancelled == ["edit", "scan"]
