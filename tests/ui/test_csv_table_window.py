"""ReSIP tables from the window: File › Import a spreadsheet…, a dropped .csv, File › Export
as a spreadsheet (CSV)… (the real window and its ``csv`` controller)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from seda.resip_csv import import_csv
from tests.ui.test_csv_import import BAD, GOOD, table
from tests.ui.test_main_window import drop_paths
from ui.main_window import MainWindow


def _titles(window: MainWindow) -> list[str]:
    return [u.title for u in window.model.package.walk()]


def test_import_menu_adds_the_table_as_one_undo_step(
    qtbot, french, window: MainWindow, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    actions = [a for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert window.csv.act_import_table in actions and window.csv.act_export_table in actions
    assert window.csv.act_import_table.text() == "Importer un ta&bleau…"
    assert window.csv.act_export_table.text() == "Exporter en tableau (&CSV)…"
    assert window.csv.act_import_table.isEnabled()
    assert not window.csv.act_export_table.isEnabled()  # nothing to export yet
    path = table(tmp_path, GOOD)
    with qtbot.waitSignal(window.csv.importer.ended, timeout=30_000):
        assert window.csv.import_table(path)
        assert not window.csv.act_import_table.isEnabled()  # one import at a time
        assert window.job.isVisible()  # progress and Cancel in the status bar
    assert _titles(window) == ["Dossier", "Note"]
    assert window.model.package.roots[0].children[0].objects[0].digest
    assert not window.job.isVisible()
    assert window.csv.act_export_table.isEnabled()
    assert window.stack.count() == 1  # one undo step: Ctrl+Z takes the whole table back
    assert "description.csv" in window.stack.undoText()
    window.undo()
    assert window.model.package.roots == []
    window.redo()
    assert _titles(window) == ["Dossier", "Note"]


def test_refused_table_adds_nothing_and_lists_its_problems(
    qtbot, window: MainWindow, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = table(tmp_path, BAD)
    with qtbot.waitSignal(window.csv.importer.refused, timeout=30_000):
        window.csv.import_table(path)
    assert window.model.package.roots == [] and window.stack.count() == 0
    box = window.csv.last_refusal
    assert box is not None and box.icon() == QMessageBox.Icon.Warning
    assert "n'a pas été importé" in box.text() and "Rien n'a été ajouté" in box.text()
    assert box.detailedText()
    box.close()


def test_dropped_csv_is_imported_not_scanned(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = Path(table(tmp_path, GOOD))
    with qtbot.waitSignal(window.csv.importer.imported, timeout=30_000):
        drop_paths(window, [path])
    qtbot.waitUntil(lambda: bool(window.model.package.roots), timeout=5_000)
    # the table's units, not a unit for the file description.csv
    assert _titles(window) == ["Dossier", "Note"]
    assert not window.scan.running


def test_export_table_round_trips_and_refuses_unsafe_destinations(
    qtbot, french, window: MainWindow, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = table(tmp_path, GOOD)
    with qtbot.waitSignal(window.csv.importer.ended, timeout=30_000):
        window.csv.import_table(path)
    out = tmp_path / "sortie" / "tableau.csv"
    out.parent.mkdir()
    with qtbot.waitSignal(window.csv.table_ended, timeout=30_000):
        assert window.csv.export_table(str(out)) == str(out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    box = window.last_message
    assert box is not None and box.icon() == QMessageBox.Icon.Information
    assert "2 lignes" in box.text()
    again = import_csv(str(out), version=window.model.package.seda_version)
    assert [u.title for u in again.package.walk()] == ["Dossier", "Note"]
    # a folder is not a file to write: refused with its reason, nothing written
    assert window.csv.export_table(str(tmp_path / "sortie")) == ""
    assert window.last_message.icon() == QMessageBox.Icon.Warning
    assert sorted(p.name for p in out.parent.iterdir()) == ["tableau.csv"]


def test_export_table_runs_in_the_background_and_cancel_writes_nothing(
    qtbot, french, window: MainWindow, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """The table is written from a snapshot off the GUI thread: the window keeps its
    event loop, the status bar shows the job, Cancel leaves no file."""
    from seda.model import ArchiveUnit

    root = ArchiveUnit(title="Gros dossier")
    for n in range(5_000):
        root.add(ArchiveUnit(title=f"Pièce {n}"))
    package = window.model.package
    package.roots.append(root)
    window.model.set_package(package)
    window.update_actions()
    out = tmp_path / "sortie" / "annule.csv"
    out.parent.mkdir()
    with qtbot.waitSignal(window.csv.table_ended, timeout=60_000):
        assert window.csv.export_table(str(out)) == str(out)
        assert window.csv.busy() and not window.csv.act_export_table.isEnabled()
        window.csv.cancel()
    assert list(out.parent.iterdir()) == []  # no table, no temporary file
    assert "rien n'a été écrit" in window.statusBar().currentMessage()
    # written for real the second time, while the title of the root changes meanwhile:
    # the table holds the package as it was when the export started
    done = tmp_path / "fait.csv"
    with qtbot.waitSignal(window.csv.table_ended, timeout=60_000):
        window.csv.export_table(str(done))
        root.title = "Changé pendant l'export"
    text = done.read_text(encoding="utf-8-sig")
    assert "Gros dossier" in text and "Changé pendant" not in text
    assert text.count("Pièce ") == 5_000
