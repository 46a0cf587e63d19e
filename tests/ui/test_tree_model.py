"""The tree model: Qt's model tester, mutations, drag-and-drop encoding."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack

from seda.model import ArchiveUnit
from tests.ui.conftest import build_package
from ui.tree_model import COL_FORMAT, COL_TITLE, MIME_UNITS, PackageTreeModel, UnitRole


@pytest.fixture
def model(qapp) -> PackageTreeModel:
    m = PackageTreeModel(build_package())
    m.undo_stack = QUndoStack()
    return m


def titles(model: PackageTreeModel, parent: ArchiveUnit | None = None) -> list[str]:
    return [u.title for u in model.siblings(parent)]


def test_modeltester_on_hand_built_tree(qtmodeltester, model: PackageTreeModel) -> None:
    qtmodeltester.check(model, force_py=True)


def test_modeltester_survives_edits(qtmodeltester, model: PackageTreeModel) -> None:
    from ui.commands import GroupUnitsCommand, MoveUnitsCommand, RemoveUnitsCommand

    qtmodeltester.check(model, force_py=True)
    roots = model.package.roots
    model.undo_stack.push(MoveUnitsCommand(model, [roots[1].children[0]], roots[0], 1))
    model.undo_stack.push(RemoveUnitsCommand(model, [roots[2].children[1]]))
    model.undo_stack.push(GroupUnitsCommand(model, [roots[1], roots[2]], "Groupe"))
    for _ in range(3):
        model.undo_stack.undo()
    for _ in range(3):
        model.undo_stack.redo()
    assert titles(model) == ["Dossier 1", "Groupe"]


def test_index_parent_roundtrip(model: PackageTreeModel) -> None:
    first = model.index(0, 0)
    child = model.index(2, COL_FORMAT, first)
    assert child.data(UnitRole).title == "pièce 1.3"
    assert child.data() == "Acrobat PDF 1.4"
    assert model.parent(child) == first
    assert model.index_for(child.data(UnitRole)).row() == 2
    assert not model.index(99, 0).isValid()
    assert model.rowCount(model.index(0, 1)) == 0


def test_row_lookup_with_many_siblings_is_cached(model: PackageTreeModel) -> None:
    folder = model.package.roots[0]
    extra = [ArchiveUnit(title=f"x{i}") for i in range(5000)]
    model.insert_units(folder, 0, extra)
    assert model.row_of(extra[4321]) == 4321
    assert model.row_of(folder.children[-1]) == len(folder.children) - 1
    model.remove_unit(extra[0])
    assert model.row_of(extra[4321]) == 4320
    assert not model.contains(extra[0])


def test_move_keeps_persistent_indexes(model: PackageTreeModel) -> None:
    roots = model.package.roots
    moving = roots[2].children[0]
    pidx = QPersistentModelIndex(model.index_for(moving))
    model.move_unit(moving, roots[0], 0)
    assert pidx.isValid() and pidx.row() == 0 and model.unit(pidx) is moving
    assert moving.parent is roots[0]
    # moving inside the same parent, downwards and upwards
    model.move_unit(moving, roots[0], 3)
    assert roots[0].children.index(moving) == 3 and pidx.row() == 3
    model.move_unit(moving, roots[0], -1)
    assert roots[0].children[-1] is moving
    with pytest.raises(ValueError):
        model.move_unit(roots[0], moving, 0)


def test_a_file_unit_takes_its_first_children(model: PackageTreeModel) -> None:
    """A leaf's children are seda.model.SHARED_EMPTY: moves and inserts give it its own."""
    from seda.model import SHARED_EMPTY
    from ui.commands import MoveUnitsCommand

    roots = model.package.roots
    leaf, moving = roots[0].children[0], roots[1].children[0]
    assert leaf.children is SHARED_EMPTY
    model.undo_stack.push(MoveUnitsCommand(model, [moving], leaf, 0))
    assert leaf.children == [moving] and moving.parent is leaf
    assert model.rowCount(model.index_for(leaf)) == 1
    model.undo_stack.undo()
    assert leaf.children == [] and moving.parent is roots[1]
    model.undo_stack.redo()
    assert leaf.children == [moving]
    other = roots[0].children[1]
    added = ArchiveUnit(title="nouveau")
    model.insert_units(other, 0, [added])
    assert other.children == [added] and added.parent is other
    assert len(SHARED_EMPTY) == 0


def test_set_data_renames_through_undo_stack(model: PackageTreeModel) -> None:
    idx = model.index(1, COL_TITLE)
    assert model.setData(idx, "  Courrier  ")
    assert model.package.roots[1].title == "Courrier"
    assert model.undo_stack.count() == 1
    model.undo_stack.undo()
    assert model.package.roots[1].title == "Dossier 2"
    assert not model.setData(idx, "   ")


def test_drag_and_drop_moves_units(model: PackageTreeModel) -> None:
    roots = model.package.roots
    a, b = roots[1].children[0], roots[1].children[2]
    data = model.mimeData([model.index_for(a), model.index_for(b), model.index_for(a, 2)])
    assert data.hasFormat(MIME_UNITS)
    target = model.index_for(roots[2])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 1, 0, target)
    # never into itself or a descendant
    assert not model.canDropMimeData(
        model.mimeData([model.index_for(roots[1])]),
        Qt.DropAction.MoveAction,
        -1,
        0,
        model.index_for(a),
    )
    model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, target)
    assert titles(model, roots[2]) == [
        "pièce 3.1",
        "pièce 2.1",
        "pièce 2.3",
        "pièce 3.2",
        "pièce 3.3",
        "pièce 3.4",
    ]
    assert titles(model, roots[1]) == ["pièce 2.2", "pièce 2.4"]
    model.undo_stack.undo()
    assert titles(model, roots[1]) == ["pièce 2.1", "pièce 2.2", "pièce 2.3", "pièce 2.4"]
    assert len(roots[2].children) == 4


def test_drop_of_files_is_reported_not_applied(model: PackageTreeModel, qtbot, tmp_path) -> None:
    from PySide6.QtCore import QMimeData, QUrl

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path))])
    with qtbot.waitSignal(model.urls_dropped) as blocker:
        assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, 0, QModelIndex())
    assert blocker.args[0] == [str(tmp_path)]
    assert blocker.args[1] is None
