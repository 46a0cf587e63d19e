"""The window's side of ReSIP tables: the import controller (off the GUI thread, all or
nothing), the refusal box, the drop test, and the form's "More description" group."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from app.tasks import TaskRunner
from seda.findings import Code
from seda.model import Agent, MoreDescription
from tests.conftest import pdf_bytes
from tests.ui.conftest import build_package
from ui.csv_import import CsvImportController, csv_in_drop, refusal_text, show_refusal
from ui.details import UnitForm
from ui.more_description import agents_with_names
from ui.tree_model import PackageTreeModel

GOOD = "ID;ParentID;File;Title;Writer.FullName\n1;;;Dossier;Marie\n2;1;note.pdf;Note;\n"
BAD = "ID;ParentID;File;Title;StartDate\n1;;;Dossier;31/02/2021\n2;1;note.pdf;Note;\n"


def table(tmp_path: Path, text: str, name: str = "description.csv") -> str:
    (tmp_path / "note.pdf").write_bytes(pdf_bytes())
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return str(path)


def test_controller_imports_a_whole_table_off_the_gui_thread(qtbot, tmp_path: Path) -> None:
    runner = TaskRunner()
    controller = CsvImportController(runner, workers=0)
    with qtbot.waitSignal(controller.imported, timeout=30_000) as blocker:
        controller.start(table(tmp_path, GOOD), version="2.2")
        assert controller.busy()
    result = blocker.args[0]
    (root,) = result.package.roots
    assert root.title == "Dossier" and root.more is not None
    assert [a.full_name for a in root.more.agents] == ["Marie"]
    (note,) = root.children
    obj = note.objects[0]
    assert obj.digest and len(obj.digest) == 128 and obj.size == len(pdf_bytes())
    assert not controller.busy()


def test_controller_refuses_with_every_problem(qtbot, tmp_path: Path) -> None:
    runner = TaskRunner()
    controller = CsvImportController(runner, workers=0)
    imported: list[object] = []
    controller.imported.connect(imported.append)
    path = table(tmp_path, BAD)
    with qtbot.waitSignal(controller.refused, timeout=30_000) as blocker:
        controller.start(path)
    got_path, findings = blocker.args
    assert got_path == path and imported == []
    assert [(f.code, f.params["record"]) for f in findings] == [(Code.CSV_BAD_VALUE, 2)]
    summary, details = refusal_text(path, findings)
    assert "n'a pas été importé" in summary and "1 problème" in summary
    assert "ligne 2" in details and "31/02/2021" in details
    box = show_refusal(None, path, findings)
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Warning and "ligne 2" in box.detailedText()


def test_csv_in_drop(tmp_path: Path) -> None:
    good = table(tmp_path, GOOD)
    tree = tmp_path / "plan.csv"
    tree.write_text("Id;nom;observations;cote;serie\n1;A;;1.;\n", "utf-8")
    rules = tmp_path / "regles.csv"
    rules.write_text("RuleId,RuleType,RuleValue\n", "utf-8")
    assert csv_in_drop([good]) == good
    assert csv_in_drop([str(tree)]) == str(tree)
    assert csv_in_drop([str(rules)]) is None  # a referential is not a description
    assert csv_in_drop([good, str(tree)]) is None  # several paths: a scan
    assert csv_in_drop([str(tmp_path)]) is None


def test_more_description_form_edits_through_the_undo_stack(qapp) -> None:
    package = build_package()
    model = PackageTreeModel(package)
    stack = QUndoStack()
    model.undo_stack = stack
    form = UnitForm(model, stack)
    unit = package.roots[0]
    form.set_unit(unit)
    more = form.more
    more.agents["Writer"].input.setText("Marie Curie")
    more.agents["Writer"].input.returnPressed.emit()
    more.languages.input.setText("fr")
    more.languages.input.returnPressed.emit()
    form.cote.setText("3 W 12")  # the cote is on the form itself, no longer in this group
    form.cote.editingFinished.emit()
    more.transacted.set_value(date(2020, 5, 1))
    more.transacted.enabled_box.setChecked(False)
    more.transacted.enabled_box.setChecked(True)
    assert unit.more is not None
    assert [(a.element, a.full_name) for a in unit.more.agents] == [("Writer", "Marie Curie")]
    assert unit.more.languages == ["fr"] and unit.archival_ids == ["3 W 12"]
    assert unit.more.transacted_date == date(2020, 5, 1)
    while stack.canUndo():
        stack.undo()
    assert unit.more is None and unit.archival_ids == []
    assert more.agents["Writer"].values() == []  # the form followed the undo


def test_agents_keep_their_details_when_their_name_stays() -> None:
    agents = [
        Agent("Writer", full_name="A", identifiers=["ID-A"]),
        Agent("Addressee", full_name="B"),
    ]
    out = agents_with_names(agents, "Writer", ["A", "C"])
    assert [(a.element, a.full_name, a.identifiers) for a in out] == [
        ("Addressee", "B", []),
        ("Writer", "A", ["ID-A"]),
        ("Writer", "C", []),
    ]
    assert MoreDescription(agents=out).agents[1] is not agents[0]  # a copy, not shared


def test_bulk_editor_adds_a_writer_and_sets_languages(qapp) -> None:
    from ui.details import BulkEditor

    package = build_package()
    model = PackageTreeModel(package)
    stack = QUndoStack()
    model.undo_stack = stack
    editor = BulkEditor(model, stack)
    units = package.roots[:2]
    units[0].more = MoreDescription(agents=[Agent("Writer", full_name="Déjà là")])
    editor.set_units(units)
    editor.writer_box.setChecked(True)
    editor.writer.setText("Marie Curie")
    editor.language_box.setChecked(True)
    editor.language.setText("fr, français")
    assert not editor.apply_button.isEnabled()  # "français" is not a language code
    editor.language.setText("fr, oc")
    assert editor.apply_button.isEnabled()
    assert editor.apply() == 2
    assert [a.full_name for a in units[0].more.agents] == ["Déjà là", "Marie Curie"]
    assert units[1].more is not None and units[1].more.languages == ["fr", "oc"]
    stack.undo()  # one step for the whole selection
    assert units[1].more is None and [a.full_name for a in units[0].more.agents] == ["Déjà là"]
