"""The real window exports the SIP and, with the dialog's checkbox, the transfer slip (a PDF by
default, made in the export's worker thread; HTML when chosen)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import lxml.html
from PySide6.QtWidgets import QDialog, QMessageBox

import app.bordereau
from ui.export_dialog import ExportDialog
from ui.main_window import MainWindow

TIMEOUT = 60_000


class DialogDriver:
    """Stands in for the user in the (modal) export dialog: records what it showed."""

    def __init__(self, monkeypatch, dest: Path, slip: bool | None, fmt: str = "") -> None:
        self.dest, self.slip, self.fmt = dest, slip, fmt
        self.shown: list[bool] = []
        self.formats: list[str] = []
        driver = self

        def exec_(dialog: ExportDialog) -> int:
            driver.shown.append(dialog.bordereau_box.isChecked())
            driver.formats.append(dialog.bordereau_format())
            dialog.path.setText(str(driver.dest))
            if driver.slip is not None:
                dialog.bordereau_box.setChecked(driver.slip)
            if driver.fmt:
                dialog.slip_format.setCurrentIndex(dialog.slip_format.findData(driver.fmt))
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(ExportDialog, "exec", exec_)


def button(box: QMessageBox, text: str):
    return next((b for b in box.buttons() if b.text() == text), None)


def test_export_writes_a_pdf_slip_by_default_with_the_verification_verdict(
    qtbot, scanned: MainWindow, tmp_path: Path, monkeypatch, opened_urls
) -> None:
    from tests.app.test_bordereau_pdf import pages

    window = scanned
    opened = opened_urls
    dest = tmp_path / "out" / "versement.zip"
    dest.parent.mkdir()
    driver = DialogDriver(monkeypatch, dest, slip=None)
    with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT):
        window.exporter.export_sip()
    assert driver.shown == [True] and driver.formats == ["pdf"]  # a PDF by default
    slip = tmp_path / "out" / "versement-bordereau.pdf"
    assert sorted(p.name for p in dest.parent.iterdir()) == [slip.name, dest.name]
    text = " ".join(pages(slip))
    assert "Bordereau de versement" in text and "Mairie de Saint-Exemple" in text
    assert "Courrier" in text and window.exporter.last_export.message_identifier in text
    # the Verification tab's verdict: the header is incomplete, so errors the SAE refuses
    errors = len(window.verification.errors())
    assert errors > 0
    assert f"{errors} erreur" in text and "que le service d'archives refuserait" in text
    box = window.last_message
    assert str(slip) in box.text()
    # never a success line over a package the SAE will refuse
    assert box.icon() == QMessageBox.Icon.Warning
    said = window.exporter.tr(
        "The SIP was written, but the archives service will refuse it: %n blocking "
        "problem(s), listed in the Verification tab.",
        "",
        errors,
    )
    assert box.text().startswith(said), box.text()
    button(box, window.exporter.tr("Open the slip")).click()
    assert opened == [str(slip)]
    assert window.settings.get("export/bordereau_format") == "pdf"


def test_export_writes_the_html_slip_when_chosen_and_opens_it(
    qtbot, scanned: MainWindow, tmp_path: Path, monkeypatch, opened_urls
) -> None:
    window = scanned
    opened = opened_urls
    dest = tmp_path / "out" / "versement.zip"
    dest.parent.mkdir()
    driver = DialogDriver(monkeypatch, dest, slip=None, fmt="html")
    with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT):
        window.exporter.export_sip()
    assert driver.shown == [True]  # checked by default
    slip = tmp_path / "out" / "versement-bordereau.html"
    assert dest.is_file() and slip.is_file()
    assert sorted(p.name for p in dest.parent.iterdir()) == [slip.name, dest.name]
    doc = lxml.html.fromstring(slip.read_bytes())
    text = doc.text_content()
    assert "Bordereau de versement" in text and "Mairie de Saint-Exemple" in text
    assert hashlib.sha512(dest.read_bytes()).hexdigest() in text
    # Mairie and Courrier; the two files are summarised on their folders' rows
    assert len(doc.xpath('//table[contains(@class, "units")]/tbody/tr')) == 2
    assert window.exporter.last_export.message_identifier in text

    box = window.last_message
    assert box is not None and str(slip) in box.text()
    open_slip = button(box, window.exporter.tr("Open the slip"))
    assert open_slip is not None
    open_slip.click()
    assert opened == [str(slip)]
    assert window.settings.get("export/bordereau") is True
    assert window.settings.get("export/bordereau_format") == "html"  # remembered


def test_unchecked_box_is_remembered_and_writes_no_slip(
    qtbot, scanned: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window = scanned
    dest = tmp_path / "sans.zip"
    driver = DialogDriver(monkeypatch, dest, slip=False)
    with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT):
        window.exporter.export_sip()
    assert dest.is_file() and not (tmp_path / "sans-bordereau.html").exists()
    assert window.settings.get("export/bordereau") is False
    assert button(window.last_message, window.exporter.tr("Open the slip")) is None
    qtbot.waitUntil(lambda: window.exporter.task is None, timeout=5000)

    driver.dest, driver.slip = tmp_path / "encore.zip", None
    with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT):
        window.exporter.export_sip()
    assert driver.shown == [True, False]  # the next dialog remembers the choice
    assert not (tmp_path / "encore-bordereau.html").exists()


def test_cancel_during_slip_keeps_sip_and_leaves_no_partial_slip(
    qtbot, scanned: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window = scanned
    real = app.bordereau.write_bordereau
    calls: list[str] = []

    def cancel_then_write(*args, progress, **kwargs):
        calls.append("slip")
        progress.cancel()  # the user clicks Cancel while the slip is being written
        return real(*args, progress=progress, **kwargs)

    monkeypatch.setattr(app.bordereau, "write_bordereau", cancel_then_write)
    dest = tmp_path / "v.zip"
    cancelled: list[bool] = []
    window.export_cancelled.connect(lambda: cancelled.append(True))
    with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT) as blocker:
        window.exporter.start_export(
            str(dest), "2.1", verify=False, bordereau=True, slip_format="html"
        )
    assert calls == ["slip"]
    assert blocker.args[0].path == dest and dest.is_file()  # the finished SIP stays
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["v.zip", "verso.ini"]
    assert not cancelled  # the SIP was written: not reported as "nothing was written"
    text = window.last_message.text()
    assert str(dest) in text
    assert window.exporter.tr("cancelled before the end; nothing was left") in text
    qtbot.waitUntil(lambda: window.exporter.task is None, timeout=5000)


def test_slip_error_is_reported_sip_kept(
    qtbot, scanned: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    window = scanned

    def fail(*args, **kwargs):
        from seda.findings import Code, Finding, Severity

        raise app.bordereau.BordereauError(
            [Finding(Code.BORDEREAU_WRITE_ERROR, Severity.ERROR, "x", {"error": "disque plein"})]
        )

    monkeypatch.setattr(app.bordereau, "write_bordereau", fail)
    dest = tmp_path / "v.zip"
    with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT):
        window.exporter.start_export(
            str(dest), "2.1", verify=False, bordereau=True, slip_format="html"
        )
    assert dest.is_file()
    assert "disque plein" in window.last_message.text()
    assert button(window.last_message, window.exporter.tr("Open the slip")) is None
