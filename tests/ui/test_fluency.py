"""The window at scale (issue 16): a bulk edit notifies once, select-all reads ranges.

Correctness only; the speed itself is measured by ``bench/ui_bench.py``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

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


def test_bulk_edit_of_5000_units_refreshes_the_details_once_and_undo_restores(qtbot) -> None:  # type: ignore[no-untyped-def]
    package = _package(50, 100)
    model = PackageTreeModel(package)
    stack = QUndoStack()
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
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda tl, br, _r=None: changed.append((tl.row(), br.row())))

    stack.push(BulkEditCommand(model, [(u, {"start_date": date(2024, 5, 1)}) for u in units]))

    assert all(u.start_date == date(2024, 5, 1) for u in units)
    assert edited == [5000]  # one notification for the whole command
    assert calls.count("refresh") == 2  # the form once, the rules panel once
    assert len(changed) == 50  # one repaint per folder (a run of 100 adjacent rows)
    assert all(br - tl == 99 for tl, br in changed)
    assert panel.form.start.value() == date(2024, 5, 1)

    calls.clear()
    edited.clear()
    stack.undo()
    assert {u.uid: u.start_date for u in units} == before
    assert edited == [5000]
    assert calls.count("refresh") == 2
    assert panel.form.start.value() == before[shown.uid]

    stack.redo()
    assert all(u.start_date == date(2024, 5, 1) for u in units)


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
    assert titles == sorted(titles, reverse=True)
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
