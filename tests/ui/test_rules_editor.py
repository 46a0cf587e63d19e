"""The rules panel: one undoable command for a multi-selection, inheritance, end dates."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QDialog, QDialogButtonBox  # noqa: E402

from seda.model import ArchiveUnit, Management, Package, Rule, RuleCategory  # noqa: E402
from seda.referentials import RulesReferential, load_rules  # noqa: E402
from seda.rules import end_date  # noqa: E402
from ui.rules_editor import (  # noqa: E402
    COL_END,
    COL_ORIGIN,
    COL_START,
    START_FIXED,
    START_NONE,
    START_UNIT_END,
    PackageRulesEditor,
    RowRole,
    RuleChoice,
    RulePickerDialog,
    RulesEditor,
    apply_choice,
    duration_label,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
RULES_CSV = SHARED / "referentials" / "rules" / "R16_regles_OK-complete.csv"


@pytest.fixture(scope="module")
def referential() -> RulesReferential:
    return load_rules(RULES_CSV)


def finite_appraisal(referential: RulesReferential) -> str:
    """An AppraisalRule with a finite duration in years, read from the file (not hard-coded)."""
    return next(
        r.rule_id
        for r in referential
        if r.rule_type == "AppraisalRule" and r.duration and r.measurement == "YEAR"
    )


@pytest.fixture
def package() -> Package:
    pkg = Package()
    a = ArchiveUnit("Délibérations", end_date=date(2020, 2, 29))
    b = ArchiveUnit("Arrêtés", end_date=date(2021, 6, 30))
    a.add(ArchiveUnit("Séance du 3 mars", end_date=date(2020, 3, 3)))
    b.add(ArchiveUnit("Arrêté 12"))
    pkg.roots = [a, b]
    return pkg


def test_modeltester(qtmodeltester, qapp, package: Package, referential: RulesReferential) -> None:
    editor = RulesEditor()
    rid = finite_appraisal(referential)
    package.roots[0].management.category("AppraisalRule").rules.append(Rule(rid, date(2020, 1, 1)))
    editor.set_context(package, [package.roots[0].children[0]], referential, QUndoStack())
    qtmodeltester.check(editor.model, force_py=True)


def test_two_units_one_command_inheritance_undo_redo(
    qtbot, package: Package, referential: RulesReferential
) -> None:
    stack = QUndoStack()
    editor = RulesEditor()
    qtbot.addWidget(editor)
    a, b = package.roots
    child = a.children[0]
    rid = finite_appraisal(referential)
    ref = referential.get(rid)
    assert ref is not None

    editor.set_context(package, [a, b], referential, stack)
    choice = RuleChoice(rid, start_mode=START_UNIT_END, final_action="Destroy")
    with qtbot.waitSignal(editor.units_changed) as blocker:
        assert editor.apply_choice("AppraisalRule", choice)
    assert set(map(id, blocker.args[0])) == {id(a), id(b)}
    assert stack.count() == 1  # ONE command for both units
    for unit in (a, b):
        block = unit.management.rules["AppraisalRule"]
        assert [r.rule_id for r in block.rules] == [rid]
        assert block.rules[0].start_date == unit.end_date  # each unit's own EndDate
        assert block.final_action == "Destroy"

    # the child of one of them inherits it, with the end date computed from a's start date
    editor.set_context(package, [child], referential, stack)
    index = editor.model.find(rid, "AppraisalRule")
    assert index.isValid()
    row = index.data(RowRole)
    assert row.inherited and row.origin_unit is a
    expected_end = end_date(a.end_date, ref.duration, ref.measurement)
    assert row.end_date == expected_end
    end_text = editor.model.index(index.row(), COL_END, index.parent()).data()
    assert end_text == expected_end.strftime("%d/%m/%Y")
    assert "Délibérations" in editor.model.index(index.row(), COL_ORIGIN, index.parent()).data()
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert child.management.is_empty()  # nothing copied onto the child

    with qtbot.waitSignal(editor.units_changed):
        stack.undo()
    assert a.management.is_empty() and b.management.is_empty()
    assert not editor.model.find(rid).isValid()  # the panel refreshed
    stack.redo()
    assert [r.rule_id for r in a.management.rules["AppraisalRule"].rules] == [rid]
    assert [r.rule_id for r in b.management.rules["AppraisalRule"].rules] == [rid]
    assert editor.model.find(rid).data(RowRole).end_date == expected_end


def test_undo_history_is_a_deep_copy(qapp, package: Package, referential: RulesReferential) -> None:
    stack = QUndoStack()
    editor = RulesEditor()
    a = package.roots[0]
    rid = finite_appraisal(referential)
    editor.set_context(package, [a], referential, stack)
    editor.apply_choice(
        "AppraisalRule", RuleChoice(rid, START_FIXED, date(2001, 1, 1), final_action="Keep")
    )
    a.management.rules["AppraisalRule"].rules[0].start_date = date(1999, 1, 1)  # edited elsewhere
    stack.undo()
    stack.redo()
    assert a.management.rules["AppraisalRule"].rules[0].start_date == date(2001, 1, 1)


def test_prevent_inheritance_hides_inherited(
    qtbot, package: Package, referential: RulesReferential
) -> None:
    stack = QUndoStack()
    editor = RulesEditor()
    qtbot.addWidget(editor)
    a = package.roots[0]
    child = a.children[0]
    access = [r.rule_id for r in referential if r.rule_type == "AccessRule"][:2]
    editor.set_context(package, [a], referential, stack)
    editor.apply_choice("AccessRule", RuleChoice(access[0], START_UNIT_END))
    editor.set_context(package, [child], referential, stack)
    assert editor.model.find(access[0], "AccessRule").data(RowRole).inherited

    editor.apply_choice("AccessRule", RuleChoice(None, prevent_inheritance=True))
    assert child.management.rules["AccessRule"].prevent_inheritance
    assert editor.model.rows("AccessRule") == []
    # own rule on the child still shows, not greyed
    editor.apply_choice("AccessRule", RuleChoice(access[1], START_NONE))
    rows = editor.model.rows("AccessRule")
    assert [(r.rule_id, r.inherited) for r in rows] == [(access[1], False)]
    assert editor.model.find(access[1]).siblingAtColumn(COL_START).data() == "sans date"
    stack.undo()
    stack.undo()
    assert editor.model.find(access[0], "AccessRule").data(RowRole).inherited


def test_block_one_inherited_rule_and_remove(
    qapp, package: Package, referential: RulesReferential
) -> None:
    stack = QUndoStack()
    editor = RulesEditor()
    a = package.roots[0]
    child = a.children[0]
    access = [r.rule_id for r in referential if r.rule_type == "AccessRule"][:2]
    editor.set_context(package, [a], referential, stack)
    for rid in access:
        editor.apply_choice("AccessRule", RuleChoice(rid))
    editor.set_context(package, [child], referential, stack)
    assert editor.block_inherited("AccessRule", access[0])
    assert [r.rule_id for r in editor.model.rows("AccessRule")] == [access[1]]
    editor.set_context(package, [a], referential, stack)
    assert editor.remove_rule("AccessRule", access[0])
    assert editor.remove_rule("AccessRule", access[1])
    assert "AccessRule" not in a.management.rules  # empty block dropped
    assert not editor.remove_rule("AccessRule", access[1])  # nothing to do: nothing pushed
    assert stack.count() == 5


def test_package_level_rules_are_inherited_by_units(
    qtbot, package: Package, referential: RulesReferential
) -> None:
    stack = QUndoStack()
    pkg_editor = PackageRulesEditor()
    qtbot.addWidget(pkg_editor)
    pkg_editor.set_package(package, referential, stack)
    rid = finite_appraisal(referential)
    with qtbot.waitSignal(pkg_editor.header_changed):
        pkg_editor.apply_choice(
            "AppraisalRule", RuleChoice(rid, START_FIXED, date(2024, 1, 1), final_action="Keep")
        )
    assert package.header.management.rules["AppraisalRule"].rules[0].start_date == date(2024, 1, 1)
    row = pkg_editor.model.find(rid).data(RowRole)
    assert not row.inherited and row.origin_text == "niveau du versement"

    editor = RulesEditor()
    editor.set_context(package, [package.roots[1].children[0]], referential, stack)
    row = editor.model.find(rid).data(RowRole)
    assert row.inherited and row.origin_unit is None
    assert "niveau du versement" in row.origin_text
    stack.undo()
    assert package.header.management.is_empty()


def test_duration_labels(referential: RulesReferential) -> None:
    from seda.referentials import RuleDef

    assert (
        duration_label(RuleDef("X", "AppraisalRule", "x", duration=10, measurement="YEAR"))
        == "10 ans"
    )
    assert (
        duration_label(RuleDef("X", "AppraisalRule", "x", duration=1, measurement="YEAR")) == "1 an"
    )
    assert (
        duration_label(RuleDef("X", "AppraisalRule", "x", duration=6, measurement="MONTH"))
        == "6 mois"
    )
    assert (
        duration_label(RuleDef("X", "AppraisalRule", "x", duration=None, measurement="YEAR"))
        == "illimitée"
    )
    assert duration_label(None) == ""


def test_picker_search_is_accent_insensitive(qtbot, referential: RulesReferential) -> None:
    dialog = RulePickerDialog("AccessRule", referential, unit_end=date(2020, 1, 1))
    qtbot.addWidget(dialog)
    all_ids = dialog.visible_rule_ids()
    assert all_ids == [r.rule_id for r in referential if r.rule_type == "AccessRule"]
    # a label word with an accent, typed without it and in capitals
    access = [r for r in referential if r.rule_type == "AccessRule"]
    target, word = next(
        (r, w)
        for r in access
        for w in r.value.split()
        if "é" in w and any(w.lower() not in x.value.lower() for x in access)
    )
    dialog.set_search(word.replace("é", "e").upper())
    assert target.rule_id in dialog.visible_rule_ids()
    assert len(dialog.visible_rule_ids()) < len(all_ids)
    dialog.set_search(target.rule_id.lower())
    assert dialog.visible_rule_ids()[0] == target.rule_id
    assert all(referential.get(i).rule_type == "AccessRule" for i in dialog.visible_rule_ids())


def test_picker_choice_and_ok_state(qtbot, referential: RulesReferential) -> None:
    rid = finite_appraisal(referential)
    dialog = RulePickerDialog(
        "AppraisalRule", referential, unit_end=date(2020, 2, 29), inherited_ids=["APP-X"]
    )
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no rule chosen
    assert dialog.select_rule(rid)
    assert not ok.isEnabled()  # final action still to choose
    dialog.set_final_action("Keep")
    assert ok.isEnabled()
    assert referential.get(rid).value in dialog.description.text()
    dialog.ref_non.item(0).setCheckState(Qt.CheckState.Checked)
    choice = dialog.choice()
    assert choice.rule_id == rid and choice.start_mode == START_UNIT_END
    assert choice.final_action == "Keep" and choice.ref_non_rule_ids == ["APP-X"]
    dialog.set_start(START_FIXED, date(2010, 5, 6))
    assert dialog.choice().start_date == date(2010, 5, 6)


def test_picker_without_referential_allows_free_id(qtbot) -> None:
    dialog = RulePickerDialog("HoldRule", None, unit_end=None)
    qtbot.addWidget(dialog)
    assert not dialog.free_warning.isHidden()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.free_id.setText("HOL-00001")
    assert ok.isEnabled()
    dialog.hold_owner.setText("Mairie")
    dialog.hold_end.set_value(date(2030, 1, 1))
    choice = dialog.choice()
    assert choice.rule_id == "HOL-00001"
    assert choice.hold is not None and choice.hold["hold_owner"] == "Mairie"
    assert choice.hold["hold_end_date"] == date(2030, 1, 1)
    assert choice.hold["prevent_rearrangement"] is None


def test_hold_rules_keep_their_own_extras(
    qtbot, monkeypatch, package: Package, referential: RulesReferential
) -> None:
    """HoldRule extras belong to each rule: two holds added through the picker keep their
    own end date and reason; editing one is prefilled from it and leaves the other alone."""
    stack = QUndoStack()
    editor = RulesEditor()
    qtbot.addWidget(editor)
    a = package.roots[0]
    editor.set_context(package, [a], referential, stack)
    holds = [r.rule_id for r in referential if r.rule_type == "HoldRule"]
    first, second = holds[0], holds[-1]

    def add_first(dialog: RulePickerDialog) -> int:
        assert dialog.select_rule(first)
        dialog.set_start(START_FIXED, date(2020, 1, 1))
        dialog.hold_end.set_value(date(2021, 1, 1))
        dialog.hold_owner.setText("Tribunal")
        dialog.hold_reason.setText("Contentieux A")
        return QDialog.DialogCode.Accepted

    def add_second(dialog: RulePickerDialog) -> int:
        # a new rule starts blank: nothing copied from the first hold
        assert dialog.hold_end.value() is None and dialog.hold_reason.text() == ""
        assert dialog.select_rule(second)
        dialog.set_start(START_NONE)
        dialog.hold_end.set_value(date(2019, 6, 30))  # no start: nothing to compare with
        dialog.hold_reason.setText("Contentieux B")
        assert dialog.problem() == ""
        return QDialog.DialogCode.Accepted

    for fake in (add_first, add_second):
        monkeypatch.setattr(RulePickerDialog, "exec", fake)
        assert editor.open_add_dialog("HoldRule")
    block = a.management.rules["HoldRule"]
    got = [(r.rule_id, r.start_date, r.hold_end_date, r.hold_reason) for r in block.rules]
    assert got == [
        (first, date(2020, 1, 1), date(2021, 1, 1), "Contentieux A"),
        (second, None, date(2019, 6, 30), "Contentieux B"),
    ]
    assert block.rules[0].hold_owner == "Tribunal" and block.rules[1].hold_owner == ""
    assert editor.model.find(first).data(RowRole).end_date == date(2021, 1, 1)
    assert editor.model.find(second).data(RowRole).end_date == date(2019, 6, 30)

    def edit_first(dialog: RulePickerDialog) -> int:
        assert dialog.hold_end.value() == date(2021, 1, 1)
        assert dialog.hold_reason.text() == "Contentieux A"
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.set_start(START_FIXED, date(2021, 6, 1))  # after its own end
        assert dialog.problem() and not ok.isEnabled()
        dialog.set_start(START_FIXED, date(2020, 6, 1))
        assert dialog.problem() == "" and ok.isEnabled()
        dialog.hold_reason.setText("Contentieux A bis")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RulePickerDialog, "exec", edit_first)
    editor.view.setCurrentIndex(editor.model.find(first))
    editor.edit_button.click()
    block = a.management.rules["HoldRule"]
    edited = {r.rule_id: (r.start_date, r.hold_end_date, r.hold_reason) for r in block.rules}
    assert edited == {  # (an edited rule moves to the end of its block)
        first: (date(2020, 6, 1), date(2021, 1, 1), "Contentieux A bis"),
        second: (None, date(2019, 6, 30), "Contentieux B"),
    }

    # the category options dialog has no rule, so no hold extras: the rules keep theirs
    def options(dialog: RulePickerDialog) -> int:
        assert dialog.choice().hold is None
        dialog.prevent.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RulePickerDialog, "exec", options)
    editor.view.setCurrentIndex(editor.model.category_index("HoldRule"))
    editor.options_button.click()
    block = a.management.rules["HoldRule"]
    assert block.prevent_inheritance
    assert {r.rule_id: r.hold_reason for r in block.rules} == {
        first: "Contentieux A bis",
        second: "Contentieux B",
    }
    assert stack.count() == 4
    stack.undo()
    stack.undo()
    assert [r.hold_reason for r in a.management.rules["HoldRule"].rules] == [
        "Contentieux A",
        "Contentieux B",
    ]


def test_apply_choice_hold_extras_follow_the_rule() -> None:
    """Replacing a hold without new extras (e.g. another start mode) keeps the old rule's;
    an unknown key is a programming error."""
    management = Management()
    management.category("HoldRule").rules = [
        Rule("HOL-1", date(2020, 1, 1), hold_end_date=date(2030, 1, 1), hold_reason="R1"),
        Rule("HOL-2", hold_reason="R2"),
    ]
    out = apply_choice(
        management,
        "HoldRule",
        RuleChoice("HOL-3", START_NONE, replace_rule_id="HOL-1"),
        unit_end=None,
    )
    rules = out.rules["HoldRule"].rules
    assert [(r.rule_id, r.hold_end_date, r.hold_reason) for r in rules] == [
        ("HOL-2", None, "R2"),
        ("HOL-3", date(2030, 1, 1), "R1"),
    ]
    assert management.rules["HoldRule"].rules[0].rule_id == "HOL-1"  # input untouched
    with pytest.raises(AttributeError):
        apply_choice(
            management, "HoldRule", RuleChoice("HOL-1", hold={"hold_color": "x"}), unit_end=None
        )


def test_classification_requires_level_and_owner(qtbot) -> None:
    dialog = RulePickerDialog("ClassificationRule", None)
    qtbot.addWidget(dialog)
    dialog.free_id.setText("CLASS-1")
    assert dialog.problem()
    dialog.class_level.setText("Secret")
    dialog.class_owner.setText("Préfecture")
    assert dialog.problem() == ""
    choice = dialog.choice()
    assert choice.classification["classification_level"] == "Secret"


def test_add_through_dialog(
    qtbot, monkeypatch, package: Package, referential: RulesReferential
) -> None:
    """The button path: the dialog opens prefilled, its choice becomes one command."""
    stack = QUndoStack()
    editor = RulesEditor()
    qtbot.addWidget(editor)
    a, b = package.roots
    editor.set_context(package, [a, b], referential, stack)
    rid = finite_appraisal(referential)

    def fake_exec(dialog: RulePickerDialog) -> int:
        assert "celle de chaque unité" in dialog.start_mode.currentText()
        dialog.select_rule(rid)
        dialog.set_final_action("Destroy")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RulePickerDialog, "exec", fake_exec)
    assert editor.open_add_dialog("AppraisalRule")
    assert stack.count() == 1
    assert a.management.rules["AppraisalRule"].rules[0] == Rule(rid, a.end_date)
    assert b.management.rules["AppraisalRule"].rules[0] == Rule(rid, b.end_date)

    # editing the rule keeps one rule and changes its start date
    editor.set_context(package, [a], referential, stack)
    editor.view.setCurrentIndex(editor.model.find(rid))
    assert editor.edit_button.isEnabled() and not editor.block_button.isEnabled()

    def fake_edit(dialog: RulePickerDialog) -> int:
        assert dialog.selected_rule_id() == rid
        dialog.set_start(START_FIXED, date(2000, 1, 1))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RulePickerDialog, "exec", fake_edit)
    editor.edit_button.click()
    assert a.management.rules["AppraisalRule"].rules == [Rule(rid, date(2000, 1, 1))]
    assert isinstance(a.management.rules["AppraisalRule"], RuleCategory)
    assert stack.count() == 2
