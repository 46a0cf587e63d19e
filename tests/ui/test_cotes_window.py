"""The cote in the window: on the unit form (one line, undoable), in the bulk editor, as a
column of the tree and in the search, and « Numéroter les cotes… » (dialog, preview, one
undo step, the order the tree shows)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from tests.ui.conftest import build_package
from ui.cote_dialog import CoteNumberingDialog, displayed_order
from ui.details import BulkEditor
from ui.main_window import MainWindow
from ui.tree_model import COL_COTE, PackageTreeModel


def test_form_cote_edit_shows_in_the_tree_and_undoes(qtbot, window: MainWindow) -> None:
    package = build_package()
    window.model.set_package(package)
    unit = package.roots[1]
    window.select_units([unit])
    form = window.details.form
    assert form.cote.isVisible() and form.cote.text() == ""
    assert window.tree.isColumnHidden(COL_COTE)  # no cote yet: the titles keep the room
    form.cote.setText("  3 W 12 ")
    form.cote.editingFinished.emit()
    assert unit.archival_ids == ["3 W 12"]
    assert not window.tree.isColumnHidden(COL_COTE)
    index = window.model.index_for(unit, COL_COTE)
    assert index.data() == "3 W 12"
    assert window.model.headerData(COL_COTE, Qt.Orientation.Horizontal) == "Cote"
    # several cotes on one line, « ; » between them; the same text again is no new step
    form.cote.setText("3 W 12 ; 1 D 4")
    form.cote.editingFinished.emit()
    assert unit.archival_ids == ["3 W 12", "1 D 4"]
    count = window.stack.count()
    form.cote.editingFinished.emit()
    assert window.stack.count() == count
    window.stack.undo()  # edits of one field of one unit merge: one step, like typing
    assert unit.archival_ids == [] and form.cote.text() == ""
    assert window.model.index_for(unit, COL_COTE).data() == ""
    window.stack.redo()
    assert form.cote.text() == "3 W 12 ; 1 D 4"


def test_search_finds_a_unit_by_its_cote(qtbot, window: MainWindow) -> None:
    package = build_package()
    package.roots[2].archival_ids = ["3 W 12"]
    window.model.set_package(package)
    assert not window.tree.isColumnHidden(COL_COTE)  # a package read with cotes
    assert window.proxy.set_search("3 w 12") == 1


def test_bulk_editor_sets_cotes_from_a_pattern_in_one_step(qapp) -> None:
    package = build_package()
    model = PackageTreeModel(package)
    stack = QUndoStack()
    model.undo_stack = stack
    editor = BulkEditor(model, stack)
    editor.set_units(package.roots)
    package.roots[0].archival_ids = ["old", "other"]
    editor.cote_box.setChecked(True)
    editor.cote_pattern.setText("3 W {n:02}")
    assert "3 W 01" in editor.preview.text()
    assert editor.apply() == 3
    assert [u.archival_ids for u in package.roots] == [["3 W 01"], ["3 W 02"], ["3 W 03"]]
    assert stack.count() == 1
    stack.undo()
    assert [u.archival_ids for u in package.roots] == [["old", "other"], [], []]


def test_numbering_dialog_applies_as_one_undo_step(qtbot, window: MainWindow) -> None:
    package = build_package()
    window.model.set_package(package)
    first, second = package.roots[0], package.roots[1]
    window.select_units([second, first])  # numbered in tree order, not selection order
    assert window.edits.act_number_cotes.isEnabled()
    tree = window.tree
    dialog = CoteNumberingDialog(
        package.roots, tree.selected_units(), displayed_order(tree), window
    )
    qtbot.addWidget(dialog)
    assert dialog.scope_selection.isChecked()
    dialog.prefix.setText("3 W")
    dialog.update_preview()
    assert dialog.preview.text().splitlines()[:3] == [
        "3 W 1  Dossier 1",
        "3 W 1/1  Sous-dossier",
        "3 W 1/1/1  note",  # no file: a unit of its own, numbered
    ]
    assert "4" in dialog.summary.text()  # Dossier 1, Sous-dossier, note, Dossier 2
    assert window.edits.apply_numbering(dialog) == 4
    assert first.archival_ids == ["3 W 1"] and second.archival_ids == ["3 W 2"]
    assert first.children[0].archival_ids == []  # pièce 1.1 is only a file
    assert package.roots[2].archival_ids == []  # not selected
    assert window.model.index_for(second, COL_COTE).data() == "3 W 2"
    window.stack.undo()
    assert all(u.archival_ids == [] for u in package.walk())
    window.stack.redo()
    assert first.children[-1].children[0].archival_ids == ["3 W 1/1/1"]


def test_contents_of_a_unit_under_its_cote_files_and_padding(qtbot, window) -> None:
    package = build_package()
    window.model.set_package(package)
    folder = package.roots[0]
    folder.archival_ids = ["3 W 12"]
    window.select_units([folder])
    dialog = CoteNumberingDialog(package.roots, [folder], None, window)
    qtbot.addWidget(dialog)
    dialog.scope_contents.setChecked(True)
    assert dialog.prefix.text() == "3 W 12/"
    dialog.separator.setCurrentText("-")
    assert dialog.prefix.text() == "3 W 12-"  # the prefix it filled follows the separator
    dialog.files.setChecked(True)
    dialog.digits.setValue(2)
    dialog.field.setCurrentIndex(1)  # the producer's cote
    dialog.update_preview()
    assert dialog.preview.text().splitlines()[0] == "3 W 12-01  pièce 1.1"
    edits = dict((u.title, v) for u, v in dialog.edits())
    assert edits["pièce 1.4"] == ["3 W 12-04"] and edits["note"] == ["3 W 12-05-01"]
    assert window.edits.apply_numbering(dialog) == 6
    assert folder.children[0].originating_ids == ["3 W 12-01"]
    assert folder.children[0].archival_ids == []
    # the column shows what the bordereau prints: the archives' cote, else the producer's
    assert window.model.index_for(folder.children[0], COL_COTE).data() == "3 W 12-01"


def test_existing_cotes_kept_unless_replaced(qtbot, window: MainWindow) -> None:
    package = build_package()
    window.model.set_package(package)
    package.roots[1].archival_ids = ["3 W 1"]
    dialog = CoteNumberingDialog(package.roots, [], None, window)
    qtbot.addWidget(dialog)
    assert dialog.scope_package.isChecked() and not dialog.scope_selection.isEnabled()
    dialog.prefix.setText("3 W")
    dialog.update_preview()
    assert f"3 W 1  Dossier 2  {dialog.tr('(kept)')}" in dialog.preview.text()
    edits = dict((u.title, v) for u, v in dialog.edits())
    assert edits["Dossier 1"] == ["3 W 2"] and "Dossier 2" not in edits
    dialog.overwrite.setChecked(True)
    edits = dict((u.title, v) for u, v in dialog.edits())
    assert edits["Dossier 1"] == ["3 W 1"] and edits["Dossier 2"] == ["3 W 2"]


def test_numbering_follows_the_sorted_view(qtbot, window: MainWindow) -> None:
    package = build_package()
    window.model.set_package(package)
    window.tree.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    order = displayed_order(window.tree)
    assert order is not None
    dialog = CoteNumberingDialog(package.roots, [], order, window)
    qtbot.addWidget(dialog)
    edits = [(u.title, v) for u, v in dialog.edits()]
    assert edits[:2] == [("Dossier 3", ["1"]), ("Dossier 2", ["2"])]
    window.tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert displayed_order(window.tree) is None


def test_a_profile_requiring_a_cote_marks_the_field(qapp) -> None:
    from seda.profile_guide import ExpectedUnit, FieldRule
    from ui.details import UnitForm
    from ui.profile_guide import apply_to_form

    package = build_package()
    model = PackageTreeModel(package)
    stack = QUndoStack()
    form = UnitForm(model, stack)
    form.set_unit(package.roots[0])
    name = "ArchivalAgencyArchiveUnitIdentifier"
    apply_to_form(form, ExpectedUnit(fields={name: FieldRule(name, required=True)}))
    assert form.layout().labelForField(form.cote).text().endswith(" *")
    apply_to_form(form, None)
    assert not form.layout().labelForField(form.cote).text().endswith(" *")
