"""A column sort is the package model's own: rows in the column's order, the package's
order untouched, kept sorted through edits, moves, inserts and removals, undo included."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack

from seda.model import ArchiveUnit, BinaryObject, DescriptionLevel, Package
from tests.ui.conftest import build_package
from ui.commands import MoveUnitsCommand, RemoveUnitsCommand
from ui.package_view import UnitFilterProxy
from ui.tree_model import COL_DATES, COL_SIZE, COL_TITLE, MIME_UNITS, PackageTreeModel

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture
def model(qapp, qtmodeltester) -> PackageTreeModel:  # type: ignore[no-untyped-def]
    m = PackageTreeModel(build_package())
    m.undo_stack = QUndoStack()
    qtmodeltester.check(m, force_py=True)  # and it keeps checking every change below
    return m


def shown(model: PackageTreeModel, parent: ArchiveUnit | None = None) -> list[str]:
    """Titles in the rows Qt sees."""
    p = model.index_for(parent) if parent is not None else QModelIndex()
    return [model.index(r, 0, p).data() for r in range(model.rowCount(p))]


def package_order(model: PackageTreeModel, parent: ArchiveUnit | None = None) -> list[str]:
    return [u.title for u in model.siblings(parent)]


def _titled(titles: list[str]) -> Package:
    package = Package()
    root = ArchiveUnit(title="Fonds", level=DescriptionLevel.FONDS)
    package.roots.append(root)
    for title in titles:
        root.add(ArchiveUnit(title=title, level=DescriptionLevel.ITEM))
    return package


def test_titles_sort_as_a_reader_expects(qapp) -> None:  # type: ignore[no-untyped-def]
    titles = ["pièce 10", "Zèbre", "école", "pièce 2", "Dossier", "École normale", "pièce 1"]
    model = PackageTreeModel(_titled(titles))
    root = model.package.roots[0]
    model.sort(COL_TITLE, ASC)
    # accents and case aside, numbers by value (as the file manager lists them)
    assert shown(model, root) == [
        "Dossier",
        "école",
        "École normale",
        "pièce 1",
        "pièce 2",
        "pièce 10",
        "Zèbre",
    ]
    model.sort(COL_TITLE, DESC)
    assert shown(model, root)[:3] == ["Zèbre", "pièce 10", "pièce 2"]
    assert package_order(model, root) == titles  # the package is untouched
    model.sort(-1, ASC)
    assert shown(model, root) == titles


def test_sort_keeps_persistent_indexes_on_their_units(model: PackageTreeModel) -> None:
    roots = model.package.roots
    kept = QPersistentModelIndex(model.index_for(roots[0].children[0]))
    top = QPersistentModelIndex(model.index_for(roots[2]))
    model.sort(COL_TITLE, DESC)
    assert shown(model) == ["Dossier 3", "Dossier 2", "Dossier 1"]
    assert model.unit(QModelIndex(top)) is roots[2] and top.row() == 0
    assert model.unit(QModelIndex(kept)) is roots[0].children[0]
    # the folder's rows: the sub-folder among the pieces, by its title
    assert shown(model, roots[0]) == [
        "Sous-dossier",
        "pièce 1.4",
        "pièce 1.3",
        "pièce 1.2",
        "pièce 1.1",
    ]
    assert kept.row() == 4
    assert model.row_of(roots[2]) == 2 and model.view_row(roots[2]) == 0


def test_sorting_reads_each_key_once_not_per_comparison(qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt's proxy sort called into Python at each of n log n comparisons (a second for
    10,000 siblings); the model computes n keys and lets Python's sort compare them."""
    n = 2000
    model = PackageTreeModel(_titled([f"pièce {(i * 7919) % n}" for i in range(n)]))
    calls = {"index": 0}
    index = model.index

    def counted(*args):  # type: ignore[no-untyped-def]
        calls["index"] += 1
        return index(*args)

    model.index = counted  # type: ignore[method-assign]
    proxy = UnitFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_TITLE, ASC)
    top = proxy.index(0, 0)
    calls["index"] = 0
    assert proxy.rowCount(top) == n  # maps (and sorts) the root's rows
    rows = [proxy.index(r, 0, top).data() for r in range(n)]
    assert rows == [f"pièce {i}" for i in range(n)]
    assert calls["index"] <= 3 * n  # a few per row shown, not per comparison (n log n)
    assert proxy.sortColumn() == -1  # the proxy only filters


def test_an_edit_moves_the_row_where_the_sort_puts_it_and_undo_back(
    model: PackageTreeModel,
) -> None:
    folder = model.package.roots[1]
    model.sort(COL_TITLE, ASC)
    piece = folder.children[0]
    kept = QPersistentModelIndex(model.index_for(piece))
    assert model.setData(model.index_for(piece), "zz dernière")  # inline rename, undoable
    assert shown(model, folder)[-1] == "zz dernière"
    assert kept.row() == 3 and model.unit(QModelIndex(kept)) is piece
    assert package_order(model, folder)[0] == "zz dernière"  # the package's row is kept
    model.undo_stack.undo()
    assert shown(model, folder) == ["pièce 2.1", "pièce 2.2", "pièce 2.3", "pièce 2.4"]
    # many units at once: one re-sort of their parents
    units = list(folder.children)
    model.set_fields_many([(u, {"title": f"{9 - i}"}) for i, u in enumerate(units)])
    assert shown(model, folder) == ["6", "7", "8", "9"]
    assert model.unit(QModelIndex(kept)) is piece


def test_insert_remove_and_move_while_sorted(model: PackageTreeModel) -> None:
    roots = model.package.roots
    model.sort(COL_SIZE, DESC)
    folder = roots[2]
    assert [u.objects[0].size for u in model.shown(folder)] == [4000, 3000, 2000, 1000]
    new = ArchiveUnit(title="nouvelle")
    new.objects.append(BinaryObject(source="/x", filename="x", size=2500))
    model.insert_units(folder, 0, [new])  # at the package's top, shown by its size
    assert model.view_row(new) == 2 and model.row_of(new) == 0
    # moved to another folder: shown there by size, appended to the package's order
    moved = model.shown(folder)[0]  # the largest
    model.undo_stack.push(MoveUnitsCommand(model, [moved], roots[1], -1))
    # after its equal (pièce 2.4, 4000 too), as a stable sort puts the last one added
    assert model.view_row(moved) == 1 and model.row_of(moved) == 4
    model.undo_stack.push(RemoveUnitsCommand(model, [new]))
    assert [u.objects[0].size for u in model.shown(folder)] == [3000, 2000, 1000]
    model.undo_stack.undo()
    model.undo_stack.undo()
    assert package_order(model, folder) == [
        "nouvelle",
        "pièce 3.1",
        "pièce 3.2",
        "pièce 3.3",
        "pièce 3.4",
    ]
    assert [u.objects[0].size for u in model.shown(folder)] == [4000, 3000, 2500, 2000, 1000]


def test_many_units_inserted_while_sorted_show_sorted(model: PackageTreeModel) -> None:
    model.sort(COL_TITLE, ASC)
    n = model.INSERT_ONE_BY_ONE + 6
    units = [ArchiveUnit(title=f"lot {n - i}") for i in range(n)]
    model.insert_units(None, -1, units)
    assert shown(model)[:3] == ["Dossier 1", "Dossier 2", "Dossier 3"]
    assert shown(model)[3:] == [f"lot {i}" for i in range(1, n + 1)]
    assert package_order(model)[3:] == [f"lot {n - i}" for i in range(n)]


def test_a_drop_in_a_sorted_view_goes_at_the_end_of_the_package(
    model: PackageTreeModel,
) -> None:
    roots = model.package.roots
    model.sort(COL_DATES, ASC)
    dragged = roots[1].children[0]
    data = model.mimeData([model.index_for(dragged)])
    assert data.hasFormat(MIME_UNITS)
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index_for(roots[2]))
    assert roots[2].children[-1] is dragged  # row 0 of a sorted view is not a place


def test_dates_sort_puts_undated_first_and_edits_follow(model: PackageTreeModel) -> None:
    folder = model.package.roots[0]
    model.sort(COL_DATES, ASC)
    late, early = folder.children[0], folder.children[1]
    model.set_fields(late, {"start_date": date(2001, 1, 1)})
    model.set_fields(early, {"start_date": date(1990, 1, 1)})
    assert model.shown(folder)[-2:] == [early, late]


def test_search_and_sort_together(qapp) -> None:  # type: ignore[no-untyped-def]
    model = PackageTreeModel(build_package(3, 12))
    proxy = UnitFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_TITLE, DESC)
    assert proxy.set_search("pièce 2.1") == 4  # 2.1, 2.10, 2.11, 2.12
    top = proxy.index(0, 0)
    assert top.data() == "Dossier 2"
    rows = [proxy.index(r, 0, top).data() for r in range(proxy.rowCount(top))]
    assert rows == ["pièce 2.12", "pièce 2.11", "pièce 2.10", "pièce 2.1"]
    proxy.sort(-1, ASC)
    assert proxy.index(0, 0).data() == "Dossier 2"  # the only folder with a match


def test_sizes_a_scan_finds_place_their_rows_in_the_sort(model: PackageTreeModel, qtbot) -> None:  # type: ignore[no-untyped-def]
    from seda.identify import FileResult

    folder = model.package.roots[2]
    model.sort(COL_SIZE, ASC)
    model.PLACE_LATER_MS = 0
    model._place_timer.setInterval(0)
    first = model.shown(folder)[0]  # 1000 bytes, until the scan says otherwise
    obj = first.objects[0]
    model.apply_file_results(
        [FileResult(obj.uid, size=9000, digest="cd" * 64, format=obj.format)],
        {obj.uid: obj},
        {obj.uid: first},
    )
    assert obj.size == 9000
    qtbot.waitUntil(lambda: model.view_row(first) == 3)  # placed a turn later
    assert [u.objects[0].size for u in model.shown(folder)] == [2000, 3000, 4000, 9000]


def test_move_up_in_a_sorted_tree_says_why_not(qtbot, window, french) -> None:  # type: ignore[no-untyped-def]
    window.model.set_package(build_package())
    folder = window.model.package.roots[0]
    window.tree.select_units([folder.children[1]])
    window.tree.sortByColumn(COL_TITLE, DESC)
    window.edits.act_move_up.trigger()
    assert [u.title for u in folder.children][:2] == ["pièce 1.1", "pièce 1.2"]  # unmoved
    assert "trié par une colonne" in window.statusBar().currentMessage()
    window.tree.sortByColumn(-1, ASC)
    window.edits.act_move_up.trigger()
    assert [u.title for u in folder.children][:2] == ["pièce 1.2", "pièce 1.1"]


def test_several_edited_rows_end_sorted(qapp) -> None:  # type: ignore[no-untyped-def]
    model = PackageTreeModel(_titled([f"{n:02}" for n in range(20)]))
    root = model.package.roots[0]
    model.sort(COL_TITLE, ASC)
    units = list(root.children)
    # two rows swap their places, a third jumps: each placed among others out of place
    model.set_fields_many(
        [(units[3], {"title": "15b"}), (units[15], {"title": "03b"}), (units[7], {"title": "00"})]
    )
    titles = shown(model, root)
    assert titles == sorted(titles, key=lambda t: model.key_function()(ArchiveUnit(title=t)))
    for count in (model.MOVE_ONE_BY_ONE + 1, 3):  # many rows: one re-sort
        model.set_fields_many([(u, {"title": f"x{20 - i}"}) for i, u in enumerate(units[:count])])
        titles = shown(model, root)
        assert titles == sorted(titles, key=lambda t: model.key_function()(ArchiveUnit(title=t)))


def test_title_keys_are_prepared_a_slice_at_a_time_and_kept(qapp) -> None:  # type: ignore[no-untyped-def]
    model = PackageTreeModel(_titled([f"Pièce n° {n}" for n in range(1000, 0, -1)]))
    root = model.package.roots[0]
    model.sort(COL_TITLE, ASC)
    assert not model.prepare_sort(root, 0.0)  # out of time: some keys, not all
    while not model.prepare_sort(root, float("inf")):
        pass
    computed: list[str] = []
    import ui.tree_model as tm

    real = tm.title_key
    tm.title_key = lambda title: computed.append(title) or real(title)  # type: ignore[assignment]
    try:
        assert shown(model, root)[:2] == ["Pièce n° 1", "Pièce n° 2"]
        assert computed == ["Fonds"]  # the top level's key; the pieces' were ready
        model.set_fields(root.children[0], {"title": "Pièce n° 0"})
        assert computed == ["Fonds", "Pièce n° 0"]  # a new title, a new key
    finally:
        tm.title_key = real
    assert shown(model, root)[0] == "Pièce n° 0"
