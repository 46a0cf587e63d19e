"""Smaller pieces: snapshot, bulk title patterns, chart painting, object panel, stats job."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QUndoStack

from seda.model import ArchiveUnit, Keyword
from tests.ui.conftest import build_package
from ui.commands import title_from_pattern
from ui.details import ObjectPanel, UnitForm
from ui.format_chart import FormatChart
from ui.snapshot import snapshot_package
from ui.stats import StatsJob, compute_stats
from ui.tree_model import PackageTreeModel


def test_snapshot_is_independent_and_keeps_uids() -> None:
    package = build_package()
    unit = package.roots[0].children[0]
    unit.own("keywords").append(Keyword("état civil"))
    copy = snapshot_package(package)
    twin = copy.roots[0].children[0]
    assert twin is not unit and twin.uid == unit.uid and twin.parent is copy.roots[0]
    assert twin.objects[0].uid == unit.objects[0].uid
    unit.title = "changé"
    unit.keywords[0].content = "changé"
    unit.objects[0].format.name = "changé"
    package.roots[0].own("children").append(ArchiveUnit(title="nouveau"))
    assert twin.title == "pièce 1.1" and twin.keywords[0].content == "état civil"
    assert twin.objects[0].format.name == "Acrobat PDF 1.4"
    assert len(copy.roots[0].children) == len(package.roots[0].children) - 1
    assert [u.title for u in copy.walk()][1:] != [] and copy.stats().units == 17


def test_title_pattern() -> None:
    parent = ArchiveUnit(title="Conseil")
    unit = ArchiveUnit(title="scan.pdf", start_date=date(2021, 5, 3))
    parent.add(unit)
    assert title_from_pattern("{n:03} – {title}", unit, 7) == "007 – scan.pdf"
    assert title_from_pattern("{parent} {year} ({start})", unit, 1) == "Conseil 2021 (2021-05-03)"
    assert title_from_pattern("{inconnu} {title}", unit, 1) == "{inconnu} scan.pdf"


def test_chart_paints_counts_and_sizes(qapp) -> None:
    chart = FormatChart()
    chart.resize(700, 200)
    package = build_package()
    package.roots[0].children[1].objects[0].format.puid = ""  # one unknown
    chart.set_package(package)
    labels = [r[0] for r in chart.rows]
    assert labels[0].startswith("Acrobat PDF 1.4") and chart.rows[0][1] == 11
    assert sum(r[1] for r in chart.rows) == 12
    image = QImage(chart.size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    chart.render(image)
    colours = {image.pixel(x, y) for x in range(0, 700, 7) for y in range(0, 200, 5)}
    assert len(colours) > 3  # bars and text were drawn


def test_object_panel_shows_and_copies_digest(qapp) -> None:
    package = build_package()
    unit = package.roots[0].children[0]
    panel = ObjectPanel()
    panel.set_unit(unit)
    assert panel.fields["puid"].text() == "fmt/18"
    assert panel.fields["digest"].text() == unit.objects[0].digest
    panel.copy_digest()
    assert QGuiApplication.clipboard().text() == unit.objects[0].digest
    panel.set_unit(package.roots[0])  # a folder: no file
    assert panel.fields["filename"].text() == "" and not panel.open_button.isEnabled()


def test_form_edits_go_through_undo_stack(qapp) -> None:
    package = build_package()
    model = PackageTreeModel(package)
    stack = QUndoStack()
    model.undo_stack = stack
    form = UnitForm(model, stack)
    unit = package.roots[1]
    form.set_unit(unit)
    form.start.set_value(date(1999, 1, 1))
    form.start.enabled_box.setChecked(False)
    form.start.enabled_box.setChecked(True)  # user ticks the box: the shown date is set
    assert unit.start_date == date(1999, 1, 1)
    form.keywords.input.setText("voirie")
    form.keywords.input.returnPressed.emit()
    assert [k.content for k in unit.keywords] == ["voirie"]
    form.level.setCurrentIndex(form.level.findData("File"))
    form.level.activated.emit(form.level.currentIndex())
    assert unit.level == "File"
    while stack.canUndo():
        stack.undo()
    assert unit.keywords == [] and unit.level == "RecordGrp" and unit.start_date is None
    assert form.keywords.values() == []  # the form followed the undo


def test_stats_job_in_slices_matches_package_stats(qtbot) -> None:
    package = build_package(groups=30, items=50)
    got = []
    job = StatsJob(lambda: package, got.append, budget=0.0005)
    job.start()
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    expected = package.stats()
    assert got[0].stats.units == expected.units == compute_stats(package).stats.units
    assert got[0].stats.files == expected.files and got[0].stats.formats == expected.formats


def test_export_failure_is_reported_not_raised(qtbot, settings_store, tmp_path: Path) -> None:
    from app.settings import Settings
    from ui.main_window import MainWindow

    window = MainWindow(Settings(settings_store), lang="fr")
    qtbot.addWidget(window)
    window.model.set_package(build_package())  # sources do not exist on disk
    with qtbot.waitSignal(window.export_failed, timeout=20_000) as blocker:
        window.exporter.start_export(str(tmp_path / "sip.zip"), "2.1")
    assert blocker.args[0], "the findings say why"
    assert not (tmp_path / "sip.zip").exists()
    assert window.findings.rowCount() >= 1
    assert window.last_message is not None
    qtbot.waitUntil(lambda: window.exporter.task is None, timeout=5000)


def test_a_50_mb_title_is_shown_cut_and_not_edited(qapp) -> None:
    """A crafted manifest or saved work with a 50 MB title froze the window for a minute:
    the tree shows a line of it, the form shows it read-only (editing would truncate it)."""
    from ui.tree_model import COL_TITLE

    package = build_package()
    model = PackageTreeModel(package)
    stack = QUndoStack()
    model.undo_stack = stack
    unit = package.roots[1]
    huge = "Délibération " * 4_000_000  # ~52 MB
    unit.title = huge
    index = model.index_for(unit, COL_TITLE)
    shown = model.data(index, Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("Délibération") and len(shown) <= 1001
    assert len(model.data(index, Qt.ItemDataRole.ToolTipRole)) <= 1001
    form = UnitForm(model, stack)
    form.set_unit(unit)
    assert form.title.isReadOnly() and len(form.title.text()) <= 1001
    assert "trop long" in form.title.toolTip() or "too long" in form.title.toolTip()
    form.title.editingFinished.emit()
    assert unit.title == huge and not stack.canUndo()  # never silently cut
    normal = package.roots[0]
    form.set_unit(normal)
    assert not form.title.isReadOnly() and form.title.text() == normal.title


def test_export_dialog_refuses_a_destination_inside_the_transferred_folder(
    qapp, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.export_dialog import ExportDialog

    base = tmp_path / "versé"
    base.mkdir()
    (base / "a.txt").write_text("x", encoding="utf-8")
    os.mkfifo(tmp_path / "tube")
    package = build_package()
    package.roots[0].source = str(base)
    package.roots[1].title = "Titre " * 5_000_000  # the default file name stays short
    dialog = ExportDialog(package, folder=str(tmp_path))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.problem.isHidden()
    for bad in (base / "sip.zip", base / "a.txt", tmp_path / "tube", tmp_path / "absent" / "x.zip"):
        dialog.path.setText(str(bad))
        assert not ok.isEnabled(), bad
        assert "Rien n'est écrit" in dialog.problem.text()
    dialog.path.setText(str(tmp_path / "sip.zip"))
    assert ok.isEnabled() and dialog.problem.isHidden()


def test_export_dialog_says_the_verdict_it_is_given(qapp) -> None:
    """The window's export dialog judges with the window's own verification (profile,
    contract, signatures, archive profiles), not with the rules referential alone."""
    from seda.findings import Code, Finding, Severity
    from ui.export_dialog import ExportDialog

    package = build_package()
    refusal = Finding(
        Code.VAL_UNKNOWN_RULE,
        Severity.ERROR,
        "",
        {"rule_id": "APP-99", "category": "AppraisalRule"},
    )
    seen: list[object] = []

    def check(p: object) -> list[Finding]:
        seen.append(p)
        return [refusal]

    dialog = ExportDialog(package, check=check)
    assert seen == [package]
    assert not dialog.refusal_label.isHidden() and "APP-99" in dialog.refusal_label.text()
    quiet = ExportDialog(package, check=lambda _p: [])
    assert quiet.refusal_label.isHidden()


def test_the_window_export_dialog_uses_the_verification(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ui.controllers.export as export_controller

    given: dict[str, object] = {}

    class Spy:
        def __init__(self, package: object, **kwargs: object) -> None:
            given.update(kwargs)

        def exec(self) -> int:
            return 0  # Cancel

    monkeypatch.setattr(export_controller, "ExportDialog", Spy)
    window.model.set_package(build_package())
    window.exporter.export_sip()
    assert given["check"] == window.verifier.findings_for
