"""The window's controllers one by one: each concern driven through its own controller.

The end-to-end flows (drop, scan, export, save, reopen) are in the other window tests; here
each controller is checked on a hand-built package, through its public methods, its actions
and the signals it answers, without going through another controller's widgets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from app import workfile
from seda.model import Attachment, TransferHeader
from tests.ui.conftest import build_package
from ui.controllers.base import Controller, WindowState
from ui.controllers.import_ import gui_workers
from ui.controllers.status import short_signature
from ui.main_window import MainWindow

TIMEOUT = 20_000


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("VERSO_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def win(data_dir: Path, window: MainWindow) -> MainWindow:
    """The window with a hand-built package (3 folders of 4 files), as if just opened."""
    window.session.replace_package(build_package(), [])
    window.update_status()
    return window


def titles(window: MainWindow) -> list[str]:
    return [u.title for u in window.model.package.roots]


# -- the shell: every action has a controller and a place -----------------------------------
def test_every_controller_action_is_in_a_menu_and_every_menu_action_has_a_home(
    win: MainWindow,
) -> None:
    in_menus: set[QAction] = set()
    pending = [a.menu() for a in win.menuBar().actions()]
    while pending:
        menu = pending.pop()
        for action in menu.actions():
            if isinstance(action.menu(), QMenu):
                pending.append(action.menu())
            elif not action.isSeparator():
                in_menus.add(action)
    owned = {
        value
        for c in win.controllers
        for name, value in vars(c).items()
        if name.startswith("act_") and isinstance(value, QAction)
    }
    assert len(owned) >= 25
    window_own = {win.act_quit, win.act_expand, win.act_collapse}
    assert owned | window_own <= in_menus, "an action no menu shows"
    groups = {
        a for g in (win.preferences.lang_group, win.preferences.engine_group) for a in g.actions()
    }
    assert in_menus - owned - window_own - groups == set(), "a menu action with no controller"
    assert {type(c).__name__ for c in win.controllers} >= {
        "SessionController",
        "ImportController",
        "ExportController",
        "ProfileController",
        "AttachmentController",
        "VerificationController",
        "SearchController",
    }


def test_actions_follow_one_window_state(win: MainWindow) -> None:
    """Each controller enables its own actions from the same WindowState."""
    idle = WindowState(has_package=True)
    for c in win.controllers:
        c.update_actions(idle)
    assert win.exporter.act_export.isEnabled() and win.importer.act_open.isEnabled()
    assert not win.edits.act_rename.isEnabled()  # nothing selected
    busy = WindowState(units=[win.model.package.roots[0]], scanning=True, has_package=True)
    for c in win.controllers:
        c.update_actions(busy)
    assert win.edits.act_rename.isEnabled()
    assert not win.exporter.act_export.isEnabled()
    assert not win.importer.act_open.isEnabled()
    assert not win.verifier.act_verify.isEnabled()
    assert not win.session.act_save_work.isEnabled()
    assert not win.edits.act_undo.isEnabled()


# -- edit -----------------------------------------------------------------------------------
def test_edit_group_move_undo_through_the_stack(win: MainWindow) -> None:
    first, second = win.model.package.roots[:2]
    win.select_units([first, second])
    group = win.edits.group_selected("Regroupés")
    assert group is not None and titles(win)[0] == "Regroupés"
    assert win.selected_units() == [group]
    win.edits.move_selected(1)
    assert titles(win) == ["Dossier 3", "Regroupés"]
    win.edits.act_undo.trigger()
    win.edits.act_undo.trigger()
    assert titles(win) == ["Dossier 1", "Dossier 2", "Dossier 3"]
    assert win.edits.act_redo.toolTip()  # "Redo: <what>"


# -- search and verification (findings <-> selection) ---------------------------------------
def test_search_filters_and_reveal_clears_it(win: MainWindow) -> None:
    win.search.setText("pièce 2.3")
    win.searcher.timer.stop()
    win.searcher.apply()
    hidden = win.model.package.roots[0].children[0]  # "pièce 1.1"
    assert not win.tree.view_index(hidden).isValid()
    assert win.verifier.reveal_uid(hidden.uid)
    assert win.search.text() == "" and win.selected_units() == [hidden]
    assert not win.verifier.reveal_uid(-1)


def test_verification_tab_counts_and_clears(win: MainWindow) -> None:
    findings = win.verifier.verify_package()
    tabs = win.bottom
    assert findings  # no agency, no contract: the SAE would refuse
    assert tabs.tabText(tabs.indexOf(win.verification)).endswith(f"({len(findings)})")
    win.verifier.add_findings(findings[:2])
    assert tabs.tabText(0).endswith("(2)")
    win.verifier.clear_findings()
    win.verifier.clear_verification()
    assert "(" not in tabs.tabText(0)
    assert "(" not in tabs.tabText(tabs.indexOf(win.verification))


# -- session and recovery -------------------------------------------------------------------
def test_session_dirty_title_save_and_reopen(win: MainWindow, tmp_path: Path) -> None:
    assert not win.session.has_unsaved_changes()
    win.header.set_header(TransferHeader(comment="modifié"))
    assert win.session.has_unsaved_changes() and win.isWindowModified()
    path = tmp_path / "travail"
    assert win.session.save_work(str(path)) == "saved"
    saved = str(path) + workfile.SUFFIX
    assert win.session.work_path == saved and not win.isWindowModified()
    assert win.windowTitle() == "Verso — travail[*]"
    assert win.settings.get("work/recent")[0] == saved
    win.session.new_package()
    assert win.model.package.roots == [] and win.session.work_path == ""
    assert win.session.open_work(saved) == "saved"
    assert titles(win) == ["Dossier 1", "Dossier 2", "Dossier 3"]
    assert win.model.package.header.comment == "modifié"


def test_recovery_copy_written_only_with_unsaved_changes(qtbot, win: MainWindow) -> None:
    assert win.recovery.write() is None  # nothing unsaved
    win.header.set_header(TransferHeader(comment="à garder"))
    task = win.recovery.write()
    assert task is not None
    qtbot.waitUntil(lambda: win.recovery.task is None, timeout=TIMEOUT)
    copy = Path(win.settings.get("work/recovery"))
    assert copy.is_file() and copy == win.recovery.path
    assert workfile.load_work(copy).package.header.comment == "à garder"
    assert win.recovery.write() is None  # nothing changed since the copy
    win.recovery.forget()
    assert not copy.exists() and win.settings.get("work/recovery") == ""


def test_no_recovery_copy_of_a_half_applied_bulk_edit(qtbot, win: MainWindow, monkeypatch) -> None:
    from ui.sliced_edit import SliceRunner

    win.header.set_header(TransferHeader(comment="à garder"))
    monkeypatch.setattr(SliceRunner, "running", property(lambda _self: True))
    assert win.recovery.write() is None  # a bulk edit applies in slices: not now
    monkeypatch.undo()
    task = win.recovery.write()
    assert task is not None
    qtbot.waitUntil(lambda: win.recovery.task is None, timeout=TIMEOUT)


# -- import -----------------------------------------------------------------------------------
def test_drops_are_routed_by_kind(win: MainWindow, tmp_path: Path, monkeypatch) -> None:
    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(win.session, "open_work", lambda p: calls.append(("work", p)))
    monkeypatch.setattr(win.importer, "open_sip", lambda p: calls.append(("sip", p)))
    monkeypatch.setattr(win.importer, "add_paths", lambda p, *a: calls.append(("scan", p)))
    work = tmp_path / "t.verso"
    workfile.save_work(work, workfile.Work(build_package()))
    folder = tmp_path / "dossier"
    folder.mkdir()
    win.importer.open_dropped([str(work), str(folder)])
    win.importer.open_dropped([str(folder)])
    assert calls == [("work", str(work)), ("scan", [str(folder)])]
    assert gui_workers(3) == 3 and gui_workers(0) >= 1


# -- profile, header, attachment ----------------------------------------------------------------
def test_profile_refused_is_said_and_engine_follows_a_profile(
    win: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "cassé.yaml"
    bad.write_text("header: [\n", encoding="utf-8")
    assert not win.profile.use_preset(bad)
    assert win.last_message is not None and win.last_message.icon() == QMessageBox.Icon.Warning
    good = tmp_path / "mairie.yaml"
    good.write_text("name: Mairie\nengine: fido\n", encoding="utf-8")
    assert win.profile.use_preset(good)
    assert win.settings.get("scan/engine") == "fido"
    checked = [a.data() for a in win.preferences.engine_group.actions() if a.isChecked()]
    assert checked == ["fido"]  # the Preferences menu follows (engine_changed signal)
    assert win.preset_label.text().endswith("Mairie")
    win.profile.forget_preset()
    assert win.profile.preset is None and not win.profile.act_forget_preset.isEnabled()


def test_header_change_is_one_undo_step(win: MainWindow) -> None:
    before = win.stack.count()
    win.header.set_header(TransferHeader(archival_agreement="IC-1"), "2.2")
    assert win.stack.count() == before + 1
    assert win.model.package.seda_version == "2.2"
    win.undo()
    assert win.model.package.header.archival_agreement == ""


def test_attachment_targets_roots_of_the_selection(win: MainWindow) -> None:
    root = win.model.package.roots[1]
    deep = root.children[0]
    win.select_units([deep])
    roots, deeper = win.attachment.target_roots()
    assert roots == [root] and deeper == [deep]
    att = Attachment(system_id="aeaqaaaaaehfcjsiabxxxaaaaaaaaaa")
    assert win.attachment.attach_roots(roots, att)
    assert root.attachment.system_id == att.system_id
    assert not win.attachment.attach_roots(roots, att)  # no change, no undo step
    win.undo()
    assert not root.attachment.is_set


# -- status --------------------------------------------------------------------------------------
def test_status_counts_and_short_signature(win: MainWindow) -> None:
    assert win.counts_label.text().startswith("17 ")  # 3 folders, 12 files, 1 sub, 1 note
    assert short_signature("DROID_SignatureFile_V125.xml; container.xml") == "V125"
    assert short_signature("x" * 30) == "x" * 23 + "…"


def test_controllers_are_qobjects_owned_by_the_window(win: MainWindow) -> None:
    assert all(isinstance(c, Controller) and c.parent() is win for c in win.controllers)
