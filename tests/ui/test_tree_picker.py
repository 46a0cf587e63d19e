"""Picking an attachment node in a positioning tree, and the undoable attachment command."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QDialogButtonBox  # noqa: E402

from app.referential_store import ReferentialStore  # noqa: E402
from seda.findings import Code  # noqa: E402
from seda.model import ArchiveUnit, Attachment, Package  # noqa: E402
from seda.referentials import PositioningTree, load_tree  # noqa: E402
from ui.tree_picker import (  # noqa: E402
    COL_IDS,
    PositioningTreeModel,
    TreePickerDialog,
    set_attachment,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
TREES = SHARED / "referentials" / "holding_trees"
PLANS = SHARED / "referentials" / "filing_plans"


@pytest.fixture(scope="module")
def tree() -> PositioningTree:
    return load_tree(TREES / "R16_AN_arbre_positionnement.zip")


def test_model(qtmodeltester, qapp, tree: PositioningTree) -> None:
    model = PositioningTreeModel(tree)
    qtmodeltester.check(model, force_py=True)
    deep = max(tree.nodes(), key=lambda n: len(n.path()))
    index = model.index_for(deep)
    assert model.node_at(index) is deep
    assert model.node_at(model.parent(index)) is deep.parent


def test_search_keeps_ancestors_and_is_accent_insensitive(qtbot, tree: PositioningTree) -> None:
    dialog = TreePickerDialog(tree)
    qtbot.addWidget(dialog)
    deep = max(tree.nodes(), key=lambda n: len(n.path()))
    assert len(deep.path()) > 2
    word = max(deep.title.split(), key=len)
    dialog.set_search(word.upper())
    # the hit is reachable through its (non-matching) ancestors
    assert dialog.select_node(deep)
    assert dialog.chosen_node() is deep
    dialog.set_search("zzz-nothing-matches-zzz")
    assert dialog.proxy.rowCount() == 0
    assert not dialog.select_node(deep)


def test_pick_node_sets_root_attachment_and_undo(qtbot, tree: PositioningTree) -> None:
    dialog = TreePickerDialog(tree)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    node = tree.nodes()[3]
    ident = node.originating_ids[0]
    dialog.set_search(ident)
    assert dialog.select_node(node)
    assert ok.isEnabled()
    assert ident in dialog.proxy.index(0, COL_IDS).data() or dialog.chosen_node() is node
    att = dialog.chosen_attachment()
    assert att == tree.attachment_for(node)
    assert att.metadata_name and att.metadata_value in node.identifiers(att.metadata_name)
    assert att.metadata_value in dialog.result_label.text()

    package = Package()
    root = ArchiveUnit("Versement")
    child = ArchiveUnit("Pièce")
    root.add(child)
    other = ArchiveUnit("Autre racine", attachment=Attachment(system_id="ae" + "a" * 34))
    package.roots = [root, other]
    stack = QUndoStack()
    seen: list[list[ArchiveUnit]] = []
    cmd = set_attachment([root, child, other], att, stack, notify=seen.append)
    assert cmd is not None and stack.count() == 1
    assert root.attachment == att and other.attachment == att
    assert not child.attachment.is_set  # non-root units are left alone
    assert seen and child not in seen[-1]
    stack.undo()
    assert not root.attachment.is_set
    assert other.attachment.system_id == "ae" + "a" * 34
    stack.redo()
    assert root.attachment.metadata_value == att.metadata_value
    assert set_attachment([child], att, stack) is None  # no root: nothing pushed
    assert stack.count() == 1


def test_system_id_attachment_from_manifest_with_guid(qtbot, tmp_path: Path) -> None:
    guid = "aeaqaaaaaahgausqabbtkalp7fh2ibiaaaaq"
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.1">
 <DataObjectPackage><DescriptiveMetadata>
  <ArchiveUnit id="AU1"><Management><UpdateOperation><SystemId>{guid}</SystemId></UpdateOperation></Management>
   <Content><DescriptionLevel>Series</DescriptionLevel><Title>Série existante</Title></Content>
  </ArchiveUnit>
 </DescriptiveMetadata></DataObjectPackage>
</ArchiveTransfer>"""
    path = tmp_path / "manifest.xml"
    path.write_text(xml, encoding="utf-8")
    tree = load_tree(path)
    dialog = TreePickerDialog(tree)
    qtbot.addWidget(dialog)
    node = tree.nodes()[0]
    assert dialog.select_node(node)
    att = dialog.chosen_attachment()
    assert att is not None and att.system_id == guid
    unit = ArchiveUnit("Racine")
    stack = QUndoStack()
    set_attachment([unit], att, stack)
    assert unit.attachment.system_id == guid
    stack.undo()
    assert unit.attachment == Attachment()


def test_node_without_identifier_cannot_be_chosen(qtbot) -> None:
    tree = load_tree(PLANS / "R16_OK_plan.zip")  # nodes only have manifest ids
    dialog = TreePickerDialog(tree)
    qtbot.addWidget(dialog)
    assert dialog.select_node(tree.nodes()[0])
    assert dialog.chosen_attachment() is None
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_import_tree_through_store(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERSO_DATA_DIR", str(tmp_path / "data"))
    store = ReferentialStore("essai")
    dialog = TreePickerDialog(None, store=store)
    qtbot.addWidget(dialog)
    assert "Aucun arbre" in dialog.source_label.text()
    bad = dialog.load_file(SHARED / "referentials" / "rules" / "R16_OK_regles_CSV.csv")
    assert bad and bad[0].code in (Code.REF_BAD_TREE, Code.REF_HEADER, Code.REF_NOT_CSV)
    assert store.tree() is None and dialog.tree is None
    assert dialog.load_file(PLANS / "R16_OK_plan_attachement_filePlanPosition.zip") == []
    assert dialog.tree is not None and store.tree() is not None
    assert dialog.model.rowCount() == len(dialog.tree.roots)
    node = next(n for n in dialog.tree.nodes() if n.file_plan_position)
    assert dialog.select_node(node)
    assert dialog.chosen_attachment().metadata_name == "FilePlanPosition"
    assert ReferentialStore("essai").path("tree") is not None  # kept for next time
