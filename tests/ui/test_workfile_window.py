"""Saved work and existing SIPs in the real window: save, reopen, close prompts, recovery."""

from __future__ import annotations

import copy
import os
import shutil
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from lxml import etree
from PySide6.QtWidgets import QMessageBox

from app import workfile
from app.settings import Settings
from seda.findings import Code
from seda.model import Rule, TransferHeader
from tests.app.test_workfile import canon_package
from tests.ui.conftest import SHARED
from tests.ui.test_main_window import drop_paths, make_folder, unit_by_title, wait_scan
from tests.ui.test_window_rules import run_modal, vitam_schema
from ui.controllers.recovery import RecoveryController
from ui.main_window import MainWindow
from ui.rules_editor import SetManagementCommand

TIMEOUT = 60_000
Button = QMessageBox.StandardButton


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recovery copies go to a throwaway data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("VERSO_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def windows(qtbot, settings_store) -> Iterator[Callable[..., MainWindow]]:
    """Make real windows sharing one settings store; each is closed and deleted at the end
    of the test (not left to the garbage collector, which may delete a window in the middle
    of a later test's event processing)."""
    made: list[MainWindow] = []

    def make(show: bool = True) -> MainWindow:
        w = MainWindow(Settings(settings_store), workers=1, lang="fr")
        made.append(w)
        if show:
            w.show()
            qtbot.waitExposed(w)
        return w

    yield make
    for w in made:
        if not shiboken6.isValid(w):
            continue
        w.runner.cancel_all()
        w.runner.wait(10_000)
        w.session.close_confirmed = True  # unsaved changes: no question at teardown
        w.close()
        shiboken6.delete(w)


@pytest.fixture
def window(windows: Callable[..., MainWindow]) -> MainWindow:
    return windows()


def scanned(qtbot, window: MainWindow, tmp_path: Path) -> Path:
    folder = make_folder(tmp_path)
    drop_paths(window, [folder])
    wait_scan(qtbot, window)
    return folder


def wait_work(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.session.task is None, timeout=TIMEOUT)


def edit_rules_and_title(window: MainWindow) -> None:
    """Through the undo stack, as the panels do: a unit rule, a header rule, a title."""
    lettre = unit_by_title(window, "lettre.pdf")
    management = copy.deepcopy(lettre.management)
    block = management.category("AppraisalRule")
    block.rules.append(Rule("APP-00001", date(2020, 1, 1)))
    block.final_action = "Keep"
    hold = management.category("HoldRule")
    hold.rules.append(Rule("HOL-1", date(2021, 1, 1), hold_reason="Contentieux"))
    window.stack.push(SetManagementCommand([lettre], [management], "rules"))
    header = copy.deepcopy(window.model.package.header)
    header.archival_agreement = "IC-000001"
    header.management.category("AccessRule").rules.append(Rule("ACC-00001", date(2019, 5, 1)))
    window.header.set_header(header)
    window.select_units([lettre])
    window.details.form.title.setText("Lettre au préfet")
    window.details.form.title.editingFinished.emit()
    assert lettre.title == "Lettre au préfet"


def test_edit_save_reopen_in_a_fresh_window(
    qtbot, window: MainWindow, tmp_path: Path, windows
) -> None:
    scanned(qtbot, window, tmp_path)
    assert window.isWindowModified()
    assert window.windowTitle() == "Verso — Mairie[*]"
    edit_rules_and_title(window)
    assert window.session.has_unsaved_changes()

    path = tmp_path / "travaux" / "mairie"
    path.parent.mkdir()
    assert window.session.save_work(str(path)) == "saved"  # small: at once
    saved = path.with_suffix(".verso")
    assert saved.is_file() and window.session.work_path == str(saved)
    assert not window.isWindowModified() and window.stack.isClean()
    assert window.windowTitle() == "Verso — mairie[*]"
    assert window.settings.get("work/recent") == [str(saved)]
    # undo goes back before the save point: modified again; redo: clean again
    window.undo()
    assert window.isWindowModified()
    window.redo()
    assert not window.isWindowModified()

    other = windows()
    try:
        assert other.session.open_work(str(saved)) == "saved"
        assert canon_package(other.model.package) == canon_package(window.model.package)
        lettre = unit_by_title(other, "Lettre au préfet")
        appraisal = lettre.management.rules["AppraisalRule"]
        assert [r.rule_id for r in appraisal.rules] == ["APP-00001"]
        assert appraisal.final_action == "Keep"
        assert lettre.management.rules["HoldRule"].rules[0].hold_reason == "Contentieux"
        header = other.model.package.header
        assert header.archival_agreement == "IC-000001"
        assert header.management.rules["AccessRule"].rules[0].rule_id == "ACC-00001"
        assert [f.code for f in other.findings.findings] == [
            f.code for f in window.findings.findings
        ]
        assert other.session.work_path == str(saved) and not other.isWindowModified()
        assert other.windowTitle() == "Verso — mairie[*]"
        assert not other.stack.canUndo()  # opening is not an undoable step
        # the rules panel shows the inherited header rule on the reopened unit
        other.select_units([lettre])
        other.details.refresh_rules()
    finally:
        other.runner.wait(10_000)


def test_background_save_and_open_with_progress(
    qtbot, window: MainWindow, tmp_path: Path, windows, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workfile, "SYNC_UNITS", 0)
    monkeypatch.setattr(workfile, "SYNC_BYTES", 0)
    scanned(qtbot, window, tmp_path)
    path = tmp_path / "travail.verso"
    assert window.session.save_work(str(path)) == "started"
    assert not window.session.act_save_work.isEnabled()  # one save at a time
    assert window.session.save_work(str(path)) == ""
    wait_work(qtbot, window)
    assert path.is_file() and not window.isWindowModified()
    assert window.session.act_save_work.isEnabled()

    other = windows()
    assert other.session.open_work(str(path)) == "started"
    wait_work(qtbot, other)
    assert canon_package(other.model.package) == canon_package(window.model.package)
    other.runner.wait(10_000)


def test_save_failure_keeps_changes_and_says_why(qtbot, window: MainWindow, tmp_path: Path) -> None:
    scanned(qtbot, window, tmp_path)
    assert window.session.save_work(str(tmp_path / "absent" / "x.verso")) == ""
    assert window.isWindowModified() and window.session.work_path == ""
    assert window.last_message is not None
    assert window.last_message.icon() == QMessageBox.Icon.Critical
    assert str(tmp_path / "absent") in window.last_message.text()


def test_close_with_unsaved_changes_asks(qtbot, window: MainWindow, tmp_path: Path) -> None:
    scanned(qtbot, window, tmp_path)
    # Cancel: the window stays, still modified
    assert window.close() is False
    box = window.session.close_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert {box.standardButton(b) for b in box.buttons()} == {
        Button.Save,
        Button.Discard,
        Button.Cancel,
    }
    box.button(Button.Cancel).click()
    assert window.isVisible() and window.isWindowModified()
    # Save: asks for a file the first time; here the work already has one
    path = tmp_path / "travail.verso"
    window.session.work_path = str(path)
    assert window.close() is False
    qtbot.waitUntil(
        lambda: window.session.close_box is not None and window.session.close_box.isVisible()
    )
    window.session.close_box.button(Button.Save).click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert path.is_file()
    assert workfile.load_work(path).package.roots[0].title == "Mairie"


def test_close_dont_save_closes_and_forgets_the_recovery_copy(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    scanned(qtbot, window, tmp_path)
    task = window.recovery.write()
    assert task is not None
    qtbot.waitUntil(lambda: window.recovery.task is None, timeout=TIMEOUT)
    recovery = Path(window.settings.get("work/recovery"))
    assert recovery.is_file()
    window.close()
    qtbot.waitUntil(
        lambda: window.session.close_box is not None and window.session.close_box.isVisible()
    )
    window.session.close_box.button(Button.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert not recovery.exists() and window.settings.get("work/recovery") == ""


def test_new_transfer_and_open_ask_before_losing_changes(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    scanned(qtbot, window, tmp_path)

    def answer(button: Button):
        def click(dialog) -> None:
            assert isinstance(dialog, QMessageBox)
            dialog.button(button).click()

        return click

    run_modal(qtbot, window.session.new_package, answer(Button.Cancel))
    assert window.model.package.roots  # kept
    other = tmp_path / "autre.verso"
    workfile.save_work(other, workfile.Work(window.model.package.__class__()))
    run_modal(qtbot, lambda: window.session.open_work(str(other)), answer(Button.Cancel))
    assert window.model.package.roots
    run_modal(qtbot, window.session.new_package, answer(Button.Discard))
    assert window.model.package.roots == [] and not window.isWindowModified()
    assert window.windowTitle() == "Verso"


def test_source_changes_are_reported_on_open(
    qtbot, window: MainWindow, tmp_path: Path, windows
) -> None:
    folder = scanned(qtbot, window, tmp_path)
    path = tmp_path / "travail.verso"
    assert window.session.save_work(str(path)) == "saved"
    (folder / "Courrier" / "lettre.pdf").unlink()
    with open(folder / "Budget" / "notes.txt", "a", encoding="utf-8") as f:
        f.write("ajout\n")
    other = windows()
    assert other.session.open_work(str(path)) == "saved"
    codes = [f.code for f in other.findings.findings]
    assert Code.WORK_SOURCE_MISSING in codes and Code.WORK_SOURCE_CHANGED in codes
    missing = next(f for f in other.findings.findings if f.code == Code.WORK_SOURCE_MISSING)
    assert other.model.unit_by_uid(missing.unit_uid).title == "lettre.pdf"
    assert other.last_message is not None
    assert other.last_message.icon() == QMessageBox.Icon.Warning
    other.runner.wait(10_000)


def test_open_refuses_bad_files_and_keeps_the_package(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    scanned(qtbot, window, tmp_path)
    window.stack.setClean()
    bad = tmp_path / "faux.verso"
    bad.write_bytes(b"%PDF-1.4 pas un travail")
    assert window.session.open_work(str(bad)) == ""
    assert window.model.package.roots[0].title == "Mairie"
    assert window.last_message is not None
    assert window.last_message.icon() == QMessageBox.Icon.Critical


def test_drop_a_verso_file_opens_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    scanned(qtbot, window, tmp_path)
    path = tmp_path / "travail.verso"
    window.session.save_work(str(path))
    window.session.new_package()
    assert window.model.package.roots == []
    drop_paths(window, [path])
    qtbot.waitUntil(lambda: bool(window.model.package.roots), timeout=TIMEOUT)
    assert window.session.work_path == str(path) and not window.scan.running


def test_recent_work_menu_drops_missing_files(qtbot, window: MainWindow, tmp_path: Path) -> None:
    present, gone = tmp_path / "a.verso", tmp_path / "b.verso"
    workfile.save_work(present, workfile.Work(window.model.package))
    window.settings.set("work/recent", [str(gone), str(present)])
    window.session.fill_recent_menu()
    paths = [a.data() for a in window.session.recent_menu.actions() if a.data()]
    assert paths == [str(present)]
    assert window.settings.get("work/recent") == [str(present)]
    present.unlink()
    assert window.session.open_recent(str(present)) == ""
    assert window.settings.get("work/recent") == []
    assert window.last_message is not None and str(present) in window.last_message.text()
    window.session.fill_recent_menu()
    assert [a.isEnabled() for a in window.session.recent_menu.actions()] == [False]


# -- existing SIPs ---------------------------------------------------------------------------


def validate_export(qtbot, window: MainWindow, dest: Path) -> bytes:
    with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT) as blocker:
        window.exporter.start_export(str(dest), "2.1", verify=True, bordereau=False)
    assert blocker.args[0].files > 0
    with zipfile.ZipFile(dest) as zf:
        manifest = zf.read("manifest.xml")
    errors = list(vitam_schema("2.1").iter_errors(etree.fromstring(manifest)))
    assert not errors, errors[:3]
    return manifest


def test_open_vitam_sip_fix_and_export_again(qtbot, window: MainWindow, tmp_path: Path) -> None:
    source = SHARED / "vitam-sips" / "OK" / "OK_AVEC_MANAGEMENT_METADATA.zip"
    sip = tmp_path / "recu.zip"
    shutil.copyfile(source, sip)
    assert window.importer.open_sip(str(sip)) == "started"
    wait_work(qtbot, window)
    package = window.model.package
    assert package.roots and window.session.work_path == ""
    assert not window.isWindowModified()
    objects = [o for _u, o in package.objects()]
    assert objects and all(o.source.startswith("zip:") for o in objects)
    # fix a title, then export again: the files are copied from the old zip
    unit = package.roots[0]
    window.select_units([unit])
    window.details.form.title.setText("Titre corrigé")
    window.details.form.title.editingFinished.emit()
    assert window.isWindowModified()
    manifest = validate_export(qtbot, window, tmp_path / "out.zip")
    assert "Titre corrigé".encode() in manifest


def test_drop_a_verso_exported_sip_opens_it(
    qtbot, window: MainWindow, tmp_path: Path, windows, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanned(qtbot, window, tmp_path)
    first = tmp_path / "premier.zip"
    validate_export(qtbot, window, first)
    other = windows()
    scans: list[list[str]] = []
    monkeypatch.setattr(other.importer, "add_paths", lambda paths, *a: scans.append(list(paths)))
    drop_paths(other, [first])
    wait_work(qtbot, other)
    assert scans == []  # opened, not scanned
    assert [r.title for r in other.model.package.roots] == ["Mairie"]
    assert len([o for _u, o in other.model.package.objects()]) == 4
    validate_export(qtbot, other, tmp_path / "second.zip")
    # a plain zip (no manifest) still goes to the scan
    plain = tmp_path / "photos.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("a.txt", "bonjour")
    drop_paths(other, [plain])
    assert scans == [[str(plain)]]
    other.runner.wait(10_000)


def test_sip_that_cannot_be_read_is_explained(qtbot, window: MainWindow, tmp_path: Path) -> None:
    broken = tmp_path / "abime.zip"
    data = (SHARED / "vitam-sips" / "OK" / "OK_AVEC_MANAGEMENT_METADATA.zip").read_bytes()
    broken.write_bytes(data[: len(data) // 2])
    assert window.importer.open_sip(str(broken)) == "started"
    wait_work(qtbot, window)
    assert window.model.package.roots == []
    assert window.last_message is not None
    assert window.last_message.icon() == QMessageBox.Icon.Critical


# -- recovery copy ---------------------------------------------------------------------------


def leave_recovery(qtbot, window: MainWindow) -> Path:
    task = window.recovery.write()
    assert task is not None
    qtbot.waitUntil(lambda: window.recovery.task is None, timeout=TIMEOUT)
    path = Path(window.settings.get("work/recovery"))
    assert path.is_file()
    assert window.recovery.write() is None  # nothing changed since: no new copy
    return path


def test_recovery_copy_is_offered_at_next_start(
    qtbot, window: MainWindow, tmp_path: Path, windows, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanned(qtbot, window, tmp_path)
    work = tmp_path / "travail.verso"
    window.session.save_work(str(work))
    window.header.set_header(TransferHeader(comment="après l'enregistrement"))
    assert window.isWindowModified()
    recovery = leave_recovery(qtbot, window)
    assert window.settings.get("work/recovery_of") == str(work)
    os.utime(recovery, (work.stat().st_mtime + 5, work.stat().st_mtime + 5))
    # Verso "crashes": the window is never closed. Next start:
    asked: list[tuple[str, str]] = []

    def ask(self, path: str, of: str) -> bool:
        asked.append((path, of))
        return True

    monkeypatch.setattr(RecoveryController, "ask_restore", ask)
    other = windows()
    qtbot.waitUntil(lambda: bool(other.model.package.roots), timeout=TIMEOUT)
    assert asked == [(str(recovery), str(work))]
    assert other.model.package.header.comment == "après l'enregistrement"
    assert other.session.work_path == str(work) and other.isWindowModified()
    assert other.windowTitle() == "Verso — travail[*]"
    # saving the restored work forgets the copy
    assert other.session.save_work() == "saved"
    assert not recovery.exists() and other.settings.get("work/recovery") == ""
    assert workfile.load_work(work).package.header.comment == "après l'enregistrement"
    other.runner.wait(10_000)


def test_recovery_declined_or_stale_is_deleted(
    qtbot, window: MainWindow, tmp_path: Path, windows, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanned(qtbot, window, tmp_path)
    recovery = leave_recovery(qtbot, window)
    # declined, through the real question box the next start shows
    holder: list[MainWindow] = []

    def start() -> None:
        holder.append(windows(show=False))
        qtbot.waitUntil(lambda: not recovery.exists(), timeout=TIMEOUT)

    def no(dialog) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.button(Button.No).click()

    run_modal(qtbot, start, no)
    other = holder[0]
    assert other.model.package.roots == []
    assert other.settings.get("work/recovery") == ""

    # stale: the work file was saved after the copy was written
    recovery = leave_recovery_again(qtbot, window)
    work = tmp_path / "plus-recent.verso"
    workfile.save_work(work, workfile.Work(window.model.package))
    os.utime(recovery, (work.stat().st_mtime - 60, work.stat().st_mtime - 60))
    window.settings.set("work/recovery_of", str(work))
    monkeypatch.setattr(
        RecoveryController, "ask_restore", lambda *a: pytest.fail("stale copy offered")
    )
    assert other.recovery.offer() is False
    assert not recovery.exists()


def leave_recovery_again(qtbot, window: MainWindow) -> Path:
    window.header.set_header(TransferHeader(comment="encore"))
    return leave_recovery(qtbot, window)


def test_unusable_recovery_copy_is_dropped(
    qtbot, windows, settings_store, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    broken = data_dir / "recovery" / "recovery-1.verso"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"\x1f\x8b tronque")
    Settings(settings_store).set("work/recovery", str(broken))
    monkeypatch.setattr(RecoveryController, "ask_restore", lambda *a: True)
    other = windows(show=False)
    qtbot.waitUntil(lambda: other.settings.get("work/recovery") == "", timeout=TIMEOUT)
    assert not broken.exists() and other.model.package.roots == []
    assert other.last_message is not None
    assert other.last_message.icon() == QMessageBox.Icon.Critical
