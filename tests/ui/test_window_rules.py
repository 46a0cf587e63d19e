"""Rules, positioning tree, profiles and verification, driven through the REAL main window.

Dialogs are run for real (``exec``): a zero-delay timer finds the modal dialog once it is
shown and fills it in like a user would, then clicks OK.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel

from app.messages import describe
from seda.findings import Code, Severity
from seda.model import (
    ArchiveUnit,
    Attachment,
    BinaryObject,
    DescriptionLevel,
    FormatInfo,
    Package,
    Rule,
    TransferHeader,
)
from seda.referentials import load_rules, load_tree
from seda.rules import end_date
from tests.ui.conftest import SHARED
from ui.main_window import MainWindow
from ui.rules_editor import COL_END, COL_ORIGIN, RulePickerDialog, format_date
from ui.tree_model import COL_TITLE
from ui.tree_picker import TreePickerDialog

RULES_CSV = SHARED / "referentials" / "rules" / "R16_regles_OK-complete.csv"
TREE_ZIP = SHARED / "referentials" / "holding_trees" / "R16_AN_arbre_positionnement.zip"
EXPORT_TIMEOUT = 60_000


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Referential stores go to a throwaway folder, never to the user's."""
    monkeypatch.setenv("VERSO_DATA_DIR", str(tmp_path / "data"))


_SCHEMAS: dict[str, Any] = {}


def vitam_schema(version: str) -> Any:
    """Vitam's ingest XSD for ``version``, built once per session (it takes a while)."""
    import xmlschema

    if version not in _SCHEMAS:
        path = SHARED / "seda-xsd" / version / "vitam" / "seda-vitam-main.xsd"
        _SCHEMAS[version] = xmlschema.XMLSchema(str(path), validation="lax")
    return _SCHEMAS[version]


def finite_appraisal_rule() -> tuple[str, int, str]:
    """An AppraisalRule with a finite duration, read from the referential (not hard-coded)."""
    for rule in load_rules(RULES_CSV):
        if rule.rule_type == "AppraisalRule" and rule.duration and rule.measurement == "YEAR":
            return rule.rule_id, rule.duration, rule.measurement
    raise AssertionError("no finite AppraisalRule in the referential")


def real_package(tmp_path: Path, header: TransferHeader | None = None) -> Package:
    """Two folders of real files (the export reads them), a nested folder, end dates."""
    package = Package(header=header or TransferHeader())
    files = tmp_path / "files"
    files.mkdir()
    ends = (date(2020, 6, 30), date(2021, 12, 31))
    for g, end in enumerate(ends, start=1):
        folder = ArchiveUnit(title=f"Dossier {g}", level=DescriptionLevel.RECORD_GRP)
        folder.start_date, folder.end_date = date(end.year - 1, 1, 1), end
        for i in range(2):
            path = files / f"piece-{g}-{i}.txt"
            data = f"Délibération {g}.{i}\n".encode()
            path.write_bytes(data)
            item = ArchiveUnit(title=f"pièce {g}.{i}", level=DescriptionLevel.ITEM)
            item.objects.append(
                BinaryObject(
                    source=str(path),
                    filename=path.name,
                    size=len(data),
                    digest=hashlib.sha512(data).hexdigest(),
                    format=FormatInfo("x-fmt/111", "Plain Text File", "", "text/plain"),
                )
            )
            folder.add(item)
        package.roots.append(folder)
    sub = ArchiveUnit(title="Sous-dossier", level=DescriptionLevel.SUBGRP)
    package.roots[0].add(sub)
    path = files / "note.txt"
    path.write_bytes(b"note\n")
    note = ArchiveUnit(title="note", level=DescriptionLevel.ITEM)
    note.objects.append(
        BinaryObject(
            source=str(path),
            filename="note.txt",
            size=5,
            digest=hashlib.sha512(b"note\n").hexdigest(),
            format=FormatInfo("x-fmt/111", "Plain Text File", "", "text/plain"),
        )
    )
    sub.add(note)
    return package


def full_header() -> TransferHeader:
    return TransferHeader(
        archival_agreement="IC-000001",
        archival_agency="AD01",
        archival_agency_name="Archives départementales",
        transferring_agency="COMMUNE01",
        transferring_agency_name="Mairie",
        originating_agency="COMMUNE01",
    )


def run_modal(qtbot, trigger: Callable[[], Any], fill: Callable[[QDialog], None]) -> Any:
    """Call ``trigger`` (which opens a modal dialog) and let ``fill`` drive that dialog."""
    seen: list[QDialog] = []
    errors: list[BaseException] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, handle)
            return
        seen.append(dialog)
        try:
            fill(dialog)
        except BaseException as exc:  # noqa: BLE001 - re-raised after exec returns
            errors.append(exc)
            dialog.reject()

    QTimer.singleShot(0, handle)
    result = trigger()
    if errors:
        raise errors[0]
    assert seen, "no modal dialog was shown"
    return result


def row_for(window: MainWindow, rule_id: str):
    panel = window.details.rules_panel
    index = panel.model.find(rule_id, "AppraisalRule")
    assert index.isValid(), f"{rule_id} not shown in the rules panel"
    return panel.model.row_at(index), index


# -- 1. rules on two units, inheritance, one undo step -------------------------------------
def test_rule_on_two_units_inherited_by_child_and_undone(qtbot, window: MainWindow, tmp_path):
    package = real_package(tmp_path)
    window.model.set_package(package)
    assert window.profile.import_referential("rules", RULES_CSV) == []
    panel = window.details.rules_panel
    assert panel.referential is not None and panel.objectName() == "rulesPanel"
    rule_id, duration, measurement = finite_appraisal_rule()
    d1, d2 = package.roots
    child = d1.children[0]  # "pièce 1.0"

    # an edit before, to show Ctrl+Z goes through the same stack across kinds of edits
    window.select_units([d2])
    window.details.form.title.setText("Dossier 2 (arrêtés)")
    window.details.form.title.editingFinished.emit()
    assert d2.title == "Dossier 2 (arrêtés)"

    window.select_units([d1, d2])
    window.edits.show_rules()
    assert window.details.tabs.currentWidget() is panel
    assert panel.units == [d1, d2]
    refreshed: set[int] = set()  # uids of the tree rows repainted

    def spy(top_left, bottom_right, *_args) -> None:
        for row in range(top_left.row(), bottom_right.row() + 1):
            refreshed.add(window.model.unit(top_left.siblingAtRow(row)).uid)

    window.model.dataChanged.connect(spy)
    count = window.stack.count()

    def pick(dialog: QDialog) -> None:
        assert isinstance(dialog, RulePickerDialog)
        assert dialog.select_rule(rule_id)
        dialog.set_final_action("Destroy")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled(), dialog.problem()
        ok.click()

    menu = panel.add_button.menu()
    action = next(a for a in menu.actions() if a.data() == "AppraisalRule")
    run_modal(qtbot, action.trigger, pick)

    assert window.stack.count() == count + 1  # ONE undo step for both units
    for unit in (d1, d2):
        block = unit.management.rules["AppraisalRule"]
        assert [r.rule_id for r in block.rules] == [rule_id]
        assert block.rules[0].start_date == unit.end_date  # each unit's own end date
        assert block.final_action == "Destroy"
    assert {d1.uid, d2.uid} <= refreshed  # the tree rows were refreshed

    # the child of one of them shows the rule as inherited, with its computed end date
    window.select_units([child])
    assert window.details.tabs.currentWidget() is panel  # the rules tab stays in front
    row, index = row_for(window, rule_id)
    expected_end = end_date(d1.end_date, duration, measurement)
    assert expected_end is not None and expected_end.year == d1.end_date.year + duration
    assert row.inherited and row.origin_unit is d1
    assert row.start_date == d1.end_date and row.end_date == expected_end
    assert index.siblingAtColumn(COL_END).data() == format_date(expected_end)
    assert d1.title in index.siblingAtColumn(COL_ORIGIN).data()
    assert not child.management.rules  # inherited, not copied

    # Ctrl+Z: both units back to no rule; the panel follows
    window.activateWindow()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not d1.management.rules and not d2.management.rules
    assert not panel.model.find(rule_id, "AppraisalRule").isValid()
    window.undo()  # the same stack also undoes the earlier rename
    assert d2.title == "Dossier 2"
    window.redo()
    window.redo()
    assert d1.management.rules["AppraisalRule"].rules[0].rule_id == rule_id
    row, _index = row_for(window, rule_id)
    assert row.inherited and row.end_date == expected_end


# -- 2. attachment + export in 2.1, 2.2, 2.3, valid against Vitam's XSD -----------------------
def test_attach_root_then_export_all_versions_valid(qtbot, window: MainWindow, tmp_path):
    package = real_package(tmp_path, full_header())
    window.model.set_package(package)
    assert window.profile.import_referential("rules", RULES_CSV) == []
    assert window.profile.import_referential("tree", TREE_ZIP) == []
    tree = window.profile.referentials["tree"]
    assert tree is not None and len(tree) == len(load_tree(TREE_ZIP))
    rule_id, _duration, _measurement = finite_appraisal_rule()
    d1, d2 = package.roots

    # a rule through the panel's API (the dialog path is covered above)
    from ui.rules_editor import START_UNIT_END, RuleChoice

    window.select_units([d1])
    assert window.details.rules_panel.apply_choice(
        "AppraisalRule", RuleChoice(rule_id, START_UNIT_END, final_action="Keep")
    )

    # a node with an identifier (not a GUID), deep in the tree
    node = max(
        (n for n in tree.nodes() if tree.attachment_for(n).metadata_value),
        key=lambda n: len(n.path()),
    )
    expected = tree.attachment_for(node)
    # the user selected a unit INSIDE the first root: the root is attached, and the dialog says so
    window.select_units([d1.children[0]])

    def pick(dialog: QDialog) -> None:
        assert isinstance(dialog, TreePickerDialog)
        note = dialog.findChild(QLabel, "attachNote")
        assert note is not None and d1.title in note.text()
        assert dialog.tree is tree
        dialog.set_search(node.title)
        assert dialog.select_node(node)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert run_modal(qtbot, window.attachment.attach_to_tree, pick) is True
    assert d1.attachment == expected and not d2.attachment.is_set
    # shown in the tree (badge icon + tooltip) and in the unit's details
    index = window.model.index_for(d1, COL_TITLE)
    assert expected.metadata_value in index.data(Qt.ItemDataRole.ToolTipRole)
    plain = window.model.index_for(d2, COL_TITLE).data(Qt.ItemDataRole.DecorationRole)
    badged = index.data(Qt.ItemDataRole.DecorationRole)
    assert badged.cacheKey() != plain.cacheKey()
    window.select_units([d1])
    assert expected.metadata_value in window.details.form.attachment.text()
    window.undo()
    assert not d1.attachment.is_set
    assert expected.metadata_value not in window.details.form.attachment.text()
    window.redo()
    assert d1.attachment == expected

    for version in ("2.1", "2.2", "2.3"):
        dest = tmp_path / f"sip-{version}.zip"
        with qtbot.waitSignal(window.export_finished, timeout=EXPORT_TIMEOUT):
            window.exporter.start_export(str(dest), version, verify=True)
        with zipfile.ZipFile(dest) as zf:
            manifest = zf.read("manifest.xml")
        errors = list(vitam_schema(version).iter_errors(manifest.decode("utf-8")))
        assert not errors, f"SEDA {version}: {errors[0]}"
        text = manifest.decode("utf-8")
        assert f"fr:gouv:culture:archivesdefrance:seda:v{version}" in text
        assert f"<Rule>{rule_id}</Rule>" in text and "<FinalAction>Keep</FinalAction>" in text
        assert f"<MetadataValue>{expected.metadata_value}</MetadataValue>" in text
        assert f"<MetadataName>{expected.metadata_name}</MetadataName>" in text


# -- 3. verification in French, jump to the unit, confirmation before export -------------------
def test_verify_lists_missing_agreement_in_french_and_export_asks(
    qtbot, window: MainWindow, tmp_path, monkeypatch
):
    header = full_header()
    header.archival_agreement = ""
    package = real_package(tmp_path, header)
    d2 = package.roots[1]
    d2.management.category("AppraisalRule").rules.append(Rule("NOT-IN-REF", date(2021, 1, 1)))
    d2.management.rules["AppraisalRule"].final_action = "Keep"
    window.model.set_package(package)
    assert window.profile.import_referential("rules", RULES_CSV) == []
    assert not window.verification.verified

    findings = window.verifier.verify_package()
    panel = window.verification
    assert window.bottom.currentWidget() is panel and panel.verified
    missing = [
        f
        for f in findings
        if f.code == Code.VAL_MISSING_HEADER and f.params.get("field") == "ArchivalAgreement"
    ]
    assert len(missing) == 1 and missing[0].severity == Severity.ERROR
    rows = panel.model.findings
    assert rows[0].severity == Severity.ERROR  # errors first
    row = rows.index(missing[0])
    text = panel.model.index(row, 0).data()
    assert text == describe(missing[0], "fr") and "val.missing_header" not in text
    assert "manquante" in text  # French, from app.messages
    # a problem tied to a unit: double-click selects it in the tree
    unknown = next(f for f in rows if f.code == Code.VAL_UNKNOWN_RULE)
    assert unknown.unit_uid == d2.uid
    panel.view.doubleClicked.emit(panel.model.index(rows.index(unknown), 0))
    assert window.selected_units() == [d2]

    # Export: verification runs again, and with errors the user is asked first
    from ui.export_dialog import ExportDialog

    dest = tmp_path / "refused.zip"
    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ExportDialog, "destination", lambda self: str(dest))
    asked: list[int] = []
    monkeypatch.setattr(window.exporter, "confirm_export", lambda n: asked.append(n) or False)
    panel.show_findings(None)
    window.exporter.export_sip()
    errors = [f for f in panel.model.findings if f.severity == Severity.ERROR]
    assert panel.verified and asked == [len(errors)] and len(errors) >= 2
    assert window.exporter.task is None and not dest.exists()  # the user went back

    # once fixed (header from the dialog), nothing is asked and the export runs
    window.header.set_header(full_header())
    d2.management.rules.clear()
    asked.clear()
    with qtbot.waitSignal(window.export_finished, timeout=EXPORT_TIMEOUT):
        window.exporter.export_sip()
    assert asked == [] and dest.is_file()


# -- 4. profiles: header, default rules/attachment, engine and exclusions, status bar ----------
def write_preset(tmp_path: Path, tree_node_value: str) -> Path:
    rule_id, _d, _m = finite_appraisal_rule()
    path = tmp_path / "mairie.yaml"
    path.write_text(
        f"""name: Mairie de Test
seda_version: "2.2"
engine: fido
archival_agreement: IC-000001
archival_agency: AD01
transferring_agency: COMMUNE01
originating_agency: COMMUNE01
legal_status: Public Archive
default_rules:
  - category: AppraisalRule
    rule_id: {rule_id}
    start_date: 2020-01-01
    final_action: Destroy
default_attachment:
  metadata_name: OriginatingAgencyArchiveUnitIdentifier
  metadata_value: "{tree_node_value}"
  title: Nœud du test
referentials:
  rules: {RULES_CSV}
  tree: {TREE_ZIP}
exclusions:
  - "*.tmp"
  - "brouillon*"
""",
        encoding="utf-8",
    )
    return path


def test_profile_applied_undoable_and_used_by_next_scan(
    qtbot, window: MainWindow, tmp_path, monkeypatch
):
    tree = load_tree(TREE_ZIP)
    value = next(tree.attachment_for(n).metadata_value for n in tree.nodes())
    preset_path = write_preset(tmp_path, value)
    package = real_package(tmp_path)
    window.model.set_package(package)
    d1, d2 = package.roots
    d2.attachment = Attachment(system_id="aeaqaaaaaaexisting")  # already attached: kept
    assert window.profile.referentials["rules"] is None
    count = window.stack.count()

    assert window.profile.use_preset(preset_path)
    assert window.stack.count() == count + 1  # one undo step
    header = window.model.package.header
    assert (header.archival_agreement, header.archival_agency) == ("IC-000001", "AD01")
    assert window.model.package.seda_version == "2.2"
    rule_id, duration, _m = finite_appraisal_rule()
    assert header.management.rules["AppraisalRule"].rules[0].rule_id == rule_id
    assert d1.attachment.metadata_value == value and d2.attachment.system_id.endswith("existing")
    assert "Mairie de Test" in window.preset_label.text()
    assert window.settings.get("export/preset") == str(preset_path)
    assert window.settings.get("scan/engine") == "fido"
    assert (
        window.profile.referentials["rules"] is not None
        and window.profile.referentials["tree"] is not None
    )
    # the package-level rule is inherited by every unit, with its end date
    window.select_units([d1.children[0]])
    window.edits.show_rules()
    row, _index = row_for(window, rule_id)
    assert row.inherited and row.origin_unit is None
    assert row.end_date == date(2020 + duration, 1, 1)

    window.undo()
    assert not window.model.package.header.archival_agreement
    assert not d1.attachment.is_set and window.model.package.seda_version != "2.2"
    assert not window.details.rules_panel.model.find(rule_id, "AppraisalRule").isValid()
    window.redo()
    assert d1.attachment.metadata_value == value

    # the next scan uses the profile's engine and exclusions
    seen: dict[str, Any] = {}

    def fake_start(paths, **kwargs):
        seen.update(kwargs)
        return False

    monkeypatch.setattr(window.scan, "start", fake_start)
    window.add_paths([str(tmp_path / "files")])
    assert seen["engine"] == "fido" and seen["exclusions"] == ["*.tmp", "brouillon*"]

    # a new window reopens the same profile (setting) and fills a new package with it
    other = MainWindow(window.settings, workers=1, lang="fr")
    qtbot.addWidget(other)
    assert other.profile.preset is not None and other.profile.preset.name == "Mairie de Test"
    assert other.model.package.header.archival_agreement == "IC-000001"
    assert other.profile.referentials["rules"] is not None


def test_new_roots_get_the_profile_attachment(qtbot, window: MainWindow, tmp_path):
    tree = load_tree(TREE_ZIP)
    value = next(tree.attachment_for(n).metadata_value for n in tree.nodes())
    assert window.profile.use_preset(write_preset(tmp_path, value))
    new_root = ArchiveUnit(title="Ajouté par le scan")
    window.model.insert_units(None, 0, [new_root])
    window.scan.scan_finished.emit([new_root])
    assert new_root.attachment.metadata_value == value
    assert value in window.model.index_for(new_root).data(Qt.ItemDataRole.ToolTipRole)


# -- 5. transfer header dialog: default rules at the transfer level ----------------------------
def test_header_dialog_default_rules_inherited_and_one_undo_step(
    qtbot, window: MainWindow, tmp_path
):
    package = real_package(tmp_path, full_header())
    window.model.set_package(package)
    assert window.profile.import_referential("rules", RULES_CSV) == []
    rule_id, duration, _m = finite_appraisal_rule()
    from ui.rules_editor import START_FIXED, RuleChoice

    def fill(dialog: QDialog) -> None:
        editor = dialog.rules_editor
        assert editor.referential is window.profile.referentials["rules"]
        assert editor.apply_choice(
            "AppraisalRule", RuleChoice(rule_id, START_FIXED, date(2019, 3, 1), final_action="Keep")
        )
        assert editor.model.find(rule_id, "AppraisalRule").isValid()
        # not on the package before OK
        assert not window.model.package.header.management.rules
        dialog.accept()

    count = window.stack.count()
    run_modal(qtbot, window.header.edit_header, fill)
    assert window.stack.count() == count + 1
    rules = window.model.package.header.management.rules["AppraisalRule"]
    assert [r.rule_id for r in rules.rules] == [rule_id] and rules.final_action == "Keep"
    window.select_units([package.roots[1].children[0]])
    window.edits.show_rules()
    row, _index = row_for(window, rule_id)
    assert row.inherited and row.end_date == date(2019 + duration, 3, 1)
    window.undo()
    assert not window.model.package.header.management.rules
    assert not window.details.rules_panel.model.find(rule_id, "AppraisalRule").isValid()


def test_details_tabs_follow_the_selection(qtbot, window: MainWindow, tmp_path) -> None:
    package = real_package(tmp_path)
    window.model.set_package(package)
    d1, d2 = package.roots
    details = window.details
    window.select_units([d1])
    assert details.tabs.currentIndex() == details.TAB_DESCRIPTION
    assert not details.tabs.isTabVisible(details.TAB_BULK)
    assert details.form.attach_box.isVisibleTo(details.form)  # a root: attachment row shown
    window.select_units([d1.children[0]])
    assert not details.form.attach_box.isVisibleTo(details.form)
    window.select_units([d1, d2])
    assert details.tabs.currentWidget() is details.bulk
    assert not details.tabs.isTabVisible(details.TAB_DESCRIPTION)
    window.edits.show_rules()
    window.select_units([d2])
    assert details.tabs.currentWidget() is details.rules_panel
    window.select_units([])
    assert details.currentIndex() == details.PAGE_EMPTY
    assert details.rules_panel.package is None


# -- 6. the profile editor from the window, forgetting the profile, stale verification ----------
def test_profile_without_legal_status_round_trips(tmp_path) -> None:
    from app.presets import Preset, load_preset, save_preset

    save_preset(Preset(name="Sans statut"), tmp_path / "p.yaml")
    assert load_preset(tmp_path / "p.yaml").name == "Sans statut"


def test_profile_editor_saves_and_the_window_uses_it(qtbot, window: MainWindow, tmp_path):
    tree = load_tree(TREE_ZIP)
    value = next(tree.attachment_for(n).metadata_value for n in tree.nodes())
    path = write_preset(tmp_path, value)
    package = real_package(tmp_path)
    window.model.set_package(package)
    assert window.profile.use_preset(path)
    assert window.model.package.header.archival_agency == "AD01"
    count = window.stack.count()

    def edit(dialog: QDialog) -> None:
        from ui.preset_editor import PresetEditorDialog

        assert isinstance(dialog, PresetEditorDialog) and dialog.path == path
        dialog.fields["archival_agency"].setText("AD99")
        assert dialog.save(), dialog.error_label.text()
        dialog.accept()

    run_modal(qtbot, window.profile.edit_presets, edit)
    assert window.model.package.header.archival_agency == "AD99"  # saved changes applied
    assert window.stack.count() == count + 1
    window.undo()
    assert window.model.package.header.archival_agency == "AD01"

    # forgetting the profile keeps the package as it is, and the setting is cleared
    window.profile.forget_preset()
    assert window.profile.preset is None and window.settings.get("export/preset") == ""
    assert "Mairie de Test" not in window.preset_label.text()
    assert window.model.package.header.archival_agency == "AD01"
    assert not window.profile.act_forget_preset.isEnabled()


def test_verification_goes_stale_and_tree_tooltip_lists_own_rules(
    qtbot, window: MainWindow, tmp_path
):
    package = real_package(tmp_path, full_header())
    window.model.set_package(package)
    window.verifier.verify_package()
    panel = window.verification
    fresh = panel.summary.text()
    assert panel.verified and not panel.stale
    d1 = package.roots[0]
    window.select_units([d1])
    from ui.rules_editor import START_NONE, RuleChoice

    assert window.details.rules_panel.apply_choice(
        "AccessRule", RuleChoice("ACC-00001", START_NONE)
    )
    assert panel.stale and panel.summary.text().startswith(fresh)
    assert panel.summary.text() != fresh
    tip = window.model.index_for(d1).data(Qt.ItemDataRole.ToolTipRole)
    assert "ACC-00001" in tip
    window.undo()
    assert "ACC-00001" not in window.model.index_for(d1).data(Qt.ItemDataRole.ToolTipRole)
