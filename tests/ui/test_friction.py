"""First-hour friction (issue 11): wheel over fields, window size, export's reason, finding
locations, search results and F3, French plurals, help's shortcuts and saved-work folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QTableWidget

from tests.ui.conftest import build_package

pytestmark = pytest.mark.usefixtures("french")  # the texts are asserted in French


def wheel(widget, dy: int = -120) -> QWheelEvent:  # type: ignore[no-untyped-def]
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        pos,
        QPointF(widget.mapToGlobal(pos.toPoint())),
        QPoint(0, 0),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event


def test_wheel_over_unfocused_fields_scrolls_the_form_not_the_value(window, qtbot):  # type: ignore[no-untyped-def]
    window.resize(900, 500)
    window.session.replace_package(build_package(), [])
    unit = window.model.package.roots[0].children[0]
    window.select_units([unit])
    form = window.details.form
    form.start.set_value(None)
    form.start.enabled_box.setChecked(True)
    date_before = form.start.edit.date()
    level_before = form.level.currentIndex()
    window.search.setFocus()
    scroll = form.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    for field in (form.level, form.start.edit):
        assert not field.hasFocus()
        wheel(field)
    assert form.level.currentIndex() == level_before
    assert form.start.edit.date() == date_before
    # focused, the field takes the wheel again
    form.level.setFocus()
    qtbot.waitUntil(form.level.hasFocus)
    wheel(form.level)
    assert form.level.currentIndex() != level_before


def test_bulk_editor_and_rules_combos_are_guarded(window):  # type: ignore[no-untyped-def]
    combos = window.details.findChildren(QComboBox)
    assert combos
    assert all(c.property("verso_wheel_guard") for c in combos)


def test_default_window_fits_a_1366x768_laptop(window):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect

    area = QRect(0, 0, 1366, 728)  # 768 less a 40-pixel task bar
    window.fit_to_screen(area)
    assert window.width() <= 1366 - 40 and window.height() <= 728 - 60
    assert window.minimumSizeHint().width() <= window.width()
    assert window.minimumSizeHint().height() <= window.height()
    assert area.contains(window.geometry())
    window.fit_to_screen(QRect(0, 0, 1920, 1040))  # a large screen keeps 1200×780
    assert (window.width(), window.height()) == (1200, 780)


def test_search_counts_every_match_and_f3_steps_through_them(window, qtbot):  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    window.session.replace_package(build_package(), [])
    qtbot.waitUntil(lambda: window.left.currentIndex() == 1)
    # "pièce" matches 12 files, all below folders that do not match; "dossier" matches the
    # three folders and the sub-folder *inside* the first: four results, not three
    window.search.setText("dossier")
    window.searcher.apply()
    assert len(window.proxy.matches) == 4
    assert window.search_count.text() == "4 résultats"
    window.search.setText("pièce 2.3")
    window.searcher.apply()
    assert window.search_count.text() == "1 résultat"
    window.search.setText("2.pdf")  # the third file of each folder
    window.searcher.apply()
    assert window.search_count.text() == "3 résultats"
    titles = []
    for _ in range(4):
        QTest.keyClick(window.tree, Qt.Key.Key_F3)
        titles.append(window.selected_units()[0].title)
    assert titles == ["pièce 1.3", "pièce 2.3", "pièce 3.3", "pièce 1.3"]
    assert window.search_count.text() == "Résultat 1 sur 3"
    QTest.keyClick(window.tree, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.selected_units()[0].title == "pièce 3.3"
    window.search.setText("introuvable")
    window.searcher.apply()
    assert window.search_count.text() == "Aucun résultat"


def test_status_bar_counts_agree_with_their_number(window, qtbot):  # type: ignore[no-untyped-def]
    from seda.model import ArchiveUnit, BinaryObject, DescriptionLevel, Package

    package = Package()
    folder = ArchiveUnit(title="Seul", level=DescriptionLevel.RECORD_GRP)
    item = ArchiveUnit(title="note", level=DescriptionLevel.ITEM)
    item.objects.append(BinaryObject(source="/tmp/nowhere/note.txt", filename="note.txt", size=5))
    folder.add(item)
    package.roots.append(folder)
    window.session.replace_package(package, [])
    window.status.update_status()
    text = window.counts_label.text()
    assert text.startswith("2 unités · 1 fichier · ")
    assert text.endswith(" · 1 format inconnu")


def test_greyed_export_says_why_and_points_to_the_verification(window):  # type: ignore[no-untyped-def]
    from ui.controllers.base import WindowState

    act, hint = window.exporter.act_export, window.exporter.hint
    assert not act.isEnabled()
    assert "Rien à exporter" in act.toolTip() and "Rien à exporter" in hint.text()
    assert hint.toolTip() == act.toolTip()
    window.session.replace_package(build_package(), [])
    window.update_actions()
    assert act.isEnabled() and not hint.isVisibleTo(window)
    window.exporter.update_actions(WindowState(has_package=True, scanning=True))
    assert not act.isEnabled() and "fin de l'analyse" in act.toolTip()
    assert "fin de l'analyse" in hint.text() and hint.isVisibleTo(window)
    window.update_actions()
    errors = [f for f in window.verifier.verify_package() if f.severity == "error"]
    assert errors  # no producer nor archives service in the header
    assert act.isEnabled()
    assert "onglet Vérification" in act.toolTip() and "onglet Vérification" in hint.text()
    window.bottom.setCurrentIndex(0)
    hint.linkActivated.emit("#verification")
    assert window.bottom.currentWidget() is window.verification


def test_every_verification_finding_has_a_place_and_opens_it(window, qtbot):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    window.session.replace_package(build_package(), [])
    findings = window.verifier.verify_package()
    model = window.verification.model
    places = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert all(places), places
    assert "En-tête du versement › Service producteur" in places
    unit_rows = [r for r, f in enumerate(model.findings) if f.unit_uid is not None]
    assert unit_rows and places[unit_rows[0]].startswith("Dossier ")
    assert " › pièce " in places[unit_rows[0]]
    # double-click on the producer's finding: the header dialog, at that field
    row = next(
        r
        for r, f in enumerate(model.findings)
        if f.params.get("field") == "OriginatingAgencyIdentifier"
    )
    seen = {}

    def look() -> None:
        dialog = window.header.dialog
        seen["focus"] = dialog.focusWidget().objectName() if dialog.focusWidget() else ""
        dialog.reject()

    QTimer.singleShot(200, look)
    view = window.verification.view
    view.doubleClicked.emit(model.index(row, 0))
    assert seen["focus"] == "originating_agency"
    # double-click on a unit's finding selects it
    uid = model.findings[unit_rows[0]].unit_uid
    view.doubleClicked.emit(model.index(unit_rows[0], 0))
    assert [u.uid for u in window.selected_units()] == [uid]
    assert findings


def test_an_empty_folder_is_refused_as_the_cli_does(window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from app.cli import main

    empty = tmp_path / "vide"
    (empty / "sous-dossier").mkdir(parents=True)
    assert main(["export", str(empty), "-o", str(tmp_path / "v.zip")]) == 1
    assert window.add_paths([str(empty)])
    qtbot.waitUntil(lambda: not window.scan.running, timeout=60_000)
    window.status.update_status()
    window.update_actions()
    act = window.exporter.act_export
    assert not act.isEnabled()
    assert "Rien à verser : « vide » ne contient aucun fichier" in act.toolTip()
    window.exporter.export_sip()  # reached anyway (shortcut before the count): refused
    assert "Rien à verser" in window.last_message.text()
    assert not (tmp_path / "v.zip").exists()


def test_changing_the_language_says_plainly_it_waits_for_a_restart(window):  # type: ignore[no-untyped-def]
    english = next(a for a in window.preferences.lang_group.actions() if a.data() == "en")
    english.trigger()
    assert window.settings.get("ui/language") == "en"
    box = window.last_message
    assert box is not None and "prochain démarrage" in box.text()
    assert "rouvrez" in box.text()
    assert "prochain démarrage" in window.statusBar().currentMessage()


def test_help_lists_the_shortcuts_and_opens_the_work_folders(window, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices

    dialog = window.help.shortcuts()
    table = dialog.findChild(QTableWidget)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Exporter le SIP"] == "Ctrl+E"
    assert rows["Résultat suivant"] == "F3"
    assert rows["Renommer"] == "F2"
    assert "Vérifier le versement" in rows
    dialog.close()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    monkeypatch.setenv("VERSO_DATA_DIR", str(tmp_path / "data"))
    window.help.act_recovery_folder.trigger()
    assert opened[-1] == str(tmp_path / "data" / "recovery")
    window.settings.set("work/last_folder", str(tmp_path))
    window.help.act_work_folder.trigger()
    assert opened[-1] == str(tmp_path)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Aide")
    assert window.help.act_shortcuts in help_menu.actions()
    assert window.help.act_recovery_folder in help_menu.actions()


def test_export_comes_back_once_the_scan_counted_the_files(window, qtbot, tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "Conseil"
    (folder / "Délibérations").mkdir(parents=True)
    (folder / "Délibérations" / "d1.txt").write_text("délibération", encoding="utf-8")
    assert window.add_paths([str(folder)])
    qtbot.waitUntil(lambda: not window.scan.running, timeout=60_000)
    # the counts come in slices after the scan: Export follows them, no stale reason
    qtbot.waitUntil(lambda: window.exporter.act_export.isEnabled(), timeout=10_000)
    assert "Rien à verser" not in window.exporter.hint.text()


def test_export_dialog_shows_the_whole_header_and_refusal(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Sized before its texts were set, the dialog squeezed the header's three lines into
    one clipped line under a long refusal (seen at 1366×768)."""
    from seda.findings import Code, Finding, Severity
    from tests.ui.conftest import build_package
    from ui.export_dialog import ExportDialog

    fields = ("ArchivalAgency", "TransferringAgency", "ArchivalAgreement")
    errors = [Finding(Code.VAL_MISSING_HEADER, Severity.ERROR, params={"field": f}) for f in fields]
    dialog = ExportDialog(build_package(), check=lambda _package: errors)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for label in (dialog.header_label, dialog.refusal_label):
        assert label.height() >= label.heightForWidth(label.width()), label.text()
