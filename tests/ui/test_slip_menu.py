"""Transfer › Transfer slip…: the bordereau of the current package, PDF or HTML, written in
a worker thread, with the Verification tab's verdict; never over an input, never partial."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import lxml.html
import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

import app.bordereau
import ui.controllers.bordereau
from seda.findings import Severity
from tests.app.test_bordereau_pdf import pages
from ui.bordereau_dialog import BordereauDialog
from ui.main_window import MainWindow

TIMEOUT = 60_000


pytestmark = pytest.mark.usefixtures("french")  # the texts are asserted in French


class Driver:
    """Stands in for the user in the (modal) slip dialog."""

    def __init__(
        self, monkeypatch, dest: Path | str, *, annex: bool = False, depth: int = -1
    ) -> None:
        self.dest, self.annex, self.depth = dest, annex, depth
        self.dialogs: list[BordereauDialog] = []
        self.shown_depths: list[int] = []
        driver = self

        def exec_(dialog: BordereauDialog) -> int:
            driver.dialogs.append(dialog)
            dialog.path.setText(str(driver.dest))
            dialog.annex_box.setChecked(driver.annex)
            driver.shown_depths.append(dialog.depth_box.value())
            dialog.depth_box.setValue(driver.depth)
            ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            return QDialog.DialogCode.Accepted if ok.isEnabled() else QDialog.DialogCode.Rejected

        monkeypatch.setattr(BordereauDialog, "exec", exec_)


def make(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.slip.written, timeout=TIMEOUT):
        assert window.slip.make_slip() is not None
    qtbot.waitUntil(lambda: window.slip.task is None, timeout=5000)


def test_the_action_is_in_the_transfer_menu(window: MainWindow) -> None:
    menus = {m.title(): m for m in (a.menu() for a in window.menuBar().actions()) if m}
    transfer = menus["&Versement"]
    assert window.slip.act_bordereau in transfer.actions()
    assert window.slip.act_bordereau.text() == "&Bordereau de versement…"
    assert not window.slip.act_bordereau.isEnabled()  # nothing to describe yet


def test_menu_writes_a_pdf_in_a_child_process_with_the_verification_verdict(
    qtbot, scanned: MainWindow, tmp_path: Path, monkeypatch, opened_urls
) -> None:
    window = scanned
    assert window.slip.act_bordereau.isEnabled()
    opened = opened_urls
    dest = tmp_path / "out" / "bordereau.pdf"
    dest.parent.mkdir()
    Driver(monkeypatch, dest, annex=True)
    make(qtbot, window)
    # laid out and painted in another process: the window's thread keeps the GIL
    assert isinstance(window.slip.made_by, int) and window.slip.made_by != os.getpid()
    assert sorted(p.name for p in dest.parent.iterdir()) == ["bordereau.pdf"]
    text = " ".join(pages(dest))
    assert "Bordereau de versement" in text and "Mairie" in text and "Courrier" in text
    assert "Mairie de Saint-Exemple" in text
    assert "Nombre d'unités d'archives 4" in text and "Nombre de fichiers 2" in text
    assert "Annexe : liste des fichiers" in text and "lettre.pdf" in text
    assert str(dest) in window.statusBar().currentMessage()  # the path stays in sight
    # the verdict is the Verification tab's: same checks, same count
    errors = len([f for f in window.verifier.verify_package() if f.severity == Severity.ERROR])
    assert errors > 0  # no header: the SAE would refuse it
    assert f"{errors} erreurs que le service d'archives refuserait" in text
    box = window.last_message  # and an offer to open it
    next(b for b in box.buttons() if b.text() == window.slip.tr("Open the slip")).click()
    assert opened == [str(dest)]
    assert window.settings.get("bordereau/annex") is True


def test_menu_writes_html_chosen_by_the_extension(
    qtbot, scanned: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window = scanned
    dest = tmp_path / "bordereau.html"
    driver = Driver(monkeypatch, dest)
    make(qtbot, window)
    assert driver.dialogs[0].fmt() == "html"  # the format follows the name
    doc = lxml.html.fromstring(dest.read_bytes())
    text = doc.text_content()
    assert "Bordereau de versement" in text and "Mairie" in text
    assert window.settings.get("export/bordereau_format") == "html"
    rows = doc.xpath('//table[contains(@class, "units")]/tbody/tr')
    assert len(rows) == 2  # Mairie and Courrier (the files summed up on their rows)
    # depth 0: the root only, the rest summed up on its row (verso bordereau --depth 0)
    driver.depth = 0
    dest.unlink()
    make(qtbot, window)
    doc = lxml.html.fromstring(dest.read_bytes())
    assert len(doc.xpath('//table[contains(@class, "units")]/tbody/tr')) == 1
    assert window.settings.get("bordereau/depth") == 0
    assert driver.shown_depths == [-1, -1]  # every level by default, then the setting (-1)
    dest.unlink()
    make(qtbot, window)
    assert driver.shown_depths[-1] == 0  # the third dialog shows the depth chosen last


def test_the_dialog_wants_pdf_or_html_and_refuses_an_input(
    qtbot, scanned: MainWindow, tmp_path: Path
) -> None:
    package = scanned.model.package
    top = tmp_path / "Mairie"
    dialog = BordereauDialog(package, folder=str(tmp_path), inputs=[str(top)])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.destination().endswith("-bordereau.pdf") and ok.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert dialog.destination().endswith("-bordereau.html")
    dialog.path.setText(str(tmp_path / "slip.doc"))
    assert not ok.isEnabled() and ".pdf" in dialog.problem.text()
    dialog.path.setText(str(top / "bordereau.pdf"))  # inside a transferred folder
    assert not ok.isEnabled() and dialog.problem.text()


def test_the_writer_refuses_to_write_over_an_input(
    qtbot, scanned: MainWindow, tmp_path: Path
) -> None:
    """Past the dialog (a name typed elsewhere), the one output guard still refuses."""
    window = scanned
    target = tmp_path / "Mairie" / "Courrier" / "lettre.pdf"
    before = target.read_bytes()
    with qtbot.waitSignal(window.slip.failed, timeout=TIMEOUT):
        window.slip.start_slip(str(target))
    assert target.read_bytes() == before
    assert "Rien n'est écrit à cet endroit" in window.last_message.text()
    qtbot.waitUntil(lambda: window.slip.task is None, timeout=5000)


def test_existing_file_typed_by_hand_is_not_replaced_without_asking(
    qtbot, scanned: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window = scanned
    dest = tmp_path / "signé.pdf"
    dest.write_bytes(b"%PDF signed")
    asked: list[str] = []
    monkeypatch.setattr(
        ui.controllers.bordereau.QMessageBox,
        "question",
        lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.No,
    )
    Driver(monkeypatch, dest)
    assert window.slip.make_slip() is None
    assert asked and str(dest) in asked[0]
    assert dest.read_bytes() == b"%PDF signed" and window.slip.task is None


def test_a_full_disk_leaves_no_file_and_says_so_in_french(
    qtbot, scanned: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """The HTML slip (written in the job's thread, where the disk can be made full); the
    PDF writer's own mapping is tested in tests/app/test_slip_process.py."""
    window = scanned
    real = app.bordereau.atomic_file

    class Full:
        def __init__(self, out) -> None:
            self.out = out

        def write(self, data) -> int:
            self.out.write(data[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

    from contextlib import contextmanager

    @contextmanager
    def full_disk(dest, *args, **kwargs):
        with real(dest, *args, **kwargs) as out:
            yield Full(out)

    monkeypatch.setattr(app.bordereau, "atomic_file", full_disk)
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "bordereau.html").write_bytes(b"<p>previous</p>")
    with qtbot.waitSignal(window.slip.failed, timeout=TIMEOUT):
        window.slip.start_slip(str(folder / "bordereau.html"))
    assert sorted(p.name for p in folder.iterdir()) == ["bordereau.html"]  # no temp left
    assert (folder / "bordereau.html").read_bytes() == b"<p>previous</p>"  # the previous kept
    text = window.last_message.text()
    assert "Le disque de destination est plein" in text and "No space" not in text
    qtbot.waitUntil(lambda: window.slip.task is None, timeout=5000)


def test_cancel_leaves_no_file(qtbot, scanned: MainWindow, tmp_path: Path) -> None:
    window = scanned
    folder = tmp_path / "out"
    folder.mkdir()
    task = window.slip.start_slip(str(folder / "b.pdf"))
    assert not window.exporter.act_export.isEnabled()  # one job at a time
    window.cancel_job()  # the status bar's Cancel
    with qtbot.waitSignal(task.ended, timeout=TIMEOUT):
        pass
    assert task.was_cancelled and list(folder.iterdir()) == []
    said = window.slip.tr("Transfer slip cancelled: nothing was written.")
    assert window.statusBar().currentMessage() == said


def test_export_dialog_says_the_blocking_problems_in_agreed_french(qtbot) -> None:
    """« 1 problème bloquant », « 2 problèmes bloquants » (was « %1 problème(s) »)."""
    from seda.findings import Code, Finding
    from tests.ui.conftest import build_package
    from ui.export_dialog import ExportDialog

    def errors(n: int):
        return lambda _package: (
            [Finding(Code.VAL_MISSING_HEADER, Severity.ERROR, params={"field": "ArchivalAgency"})]
            * n
        )

    for n, said in ((1, "1 problème bloquant :"), (2, "2 problèmes bloquants, dont :")):
        dialog = ExportDialog(build_package(), check=errors(n))
        qtbot.addWidget(dialog)
        assert said in dialog.refusal_label.text(), dialog.refusal_label.text()
        assert "(s)" not in dialog.refusal_label.text()
        # the verdict is said once, not again after each reason
        assert dialog.refusal_label.text().count("refusera") == 1, dialog.refusal_label.text()
