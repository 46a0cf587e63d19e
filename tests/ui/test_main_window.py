"""The real window, driven like a user: drop a folder, edit, undo, move, export, validate."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree
from PySide6.QtCore import QMimeData, QPointF, Qt, QThread, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from app.settings import Settings
from seda.model import DescriptionLevel
from tests.ui.conftest import SHARED
from ui.main_window import MainWindow
from ui.tree_model import PackageTreeModel

SCAN_TIMEOUT = 60_000


def drag_enter_event(pos: QPointF, data: QMimeData) -> QDragEnterEvent:
    """A drag entering at ``pos`` (PySide6 6.12 takes a QPointF there, 6.11 a QPoint)."""
    args = (
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:
        return QDragEnterEvent(pos, *args)
    except TypeError:
        return QDragEnterEvent(pos.toPoint(), *args)


def drop_paths(window: MainWindow, paths: list[Path]) -> QDropEvent:
    """Simulate the file manager dragging ``paths`` over the window and dropping them.

    Events go to the window handle, as the platform sends them: Qt then finds the widget
    under the cursor that accepts drops (the window itself while the package is empty).
    """
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    window._test_mime = data  # keep the mime data alive as long as the events
    pos = QPointF(window.width() / 2, window.height() / 2)
    handle = window.windowHandle()
    enter = drag_enter_event(pos, data)
    QApplication.sendEvent(handle, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(handle, drop)
    assert drop.isAccepted()
    return drop


def wait_scan(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.scan.running, timeout=SCAN_TIMEOUT)


def unit_by_title(window: MainWindow, title: str):
    for unit in window.model.package.walk():
        if unit.title == title:
            return unit
    raise AssertionError(f"no unit {title!r}")


def make_folder(root: Path) -> Path:
    from tests.conftest import pdf_bytes, png_bytes

    top = root / "Mairie"
    (top / "Courrier").mkdir(parents=True)
    (top / "Budget").mkdir()
    (top / "Courrier" / "lettre.pdf").write_bytes(pdf_bytes())
    (top / "Courrier" / "plan.png").write_bytes(png_bytes())
    (top / "Budget" / "notes.txt").write_text("Budget primitif 2021\n", encoding="utf-8")
    (top / "Budget" / "inconnu.bin").write_bytes(bytes(range(256)) * 3)
    return top


def test_drop_scan_edit_undo_bulk_move_export(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    assert window.windowTitle() == "Verso"
    drop_paths(window, [folder])
    assert window.scan.running
    wait_scan(qtbot, window)
    package = window.model.package
    assert [r.title for r in package.roots] == ["Mairie"]
    assert window.windowTitle() == "Verso — Mairie[*]" and window.isWindowModified()
    objects = [o for _u, o in package.objects()]
    assert len(objects) == 4 and all(len(o.digest) == 128 for o in objects)
    pdf = unit_by_title(window, "lettre.pdf")
    assert pdf.objects[0].format.puid.startswith("fmt/")
    window.update_status()
    assert "4" in window.counts_label.text()
    qtbot.waitUntil(lambda: "siegfried" in window.engine_label.text())
    full = package.signature_version
    assert full and window.engine_label.toolTip() == full
    assert len(window.engine_label.text()) < 40  # short in the status bar, whole in the tooltip

    # edit a title in the form, then undo it
    window.select_units([pdf])
    assert window.details.form.unit is pdf
    window.details.form.title.setText("Lettre au préfet")
    window.details.form.title.editingFinished.emit()
    assert pdf.title == "Lettre au préfet"
    window.undo()
    assert pdf.title == "lettre.pdf"
    assert window.details.form.title.text() == "lettre.pdf"
    window.redo()
    assert pdf.title == "Lettre au préfet"

    # bulk-edit two units: level and start date at once
    from datetime import date

    a, b = unit_by_title(window, "notes.txt"), unit_by_title(window, "inconnu.bin")
    window.select_units([a, b])
    assert window.selected_units() == [a, b]
    bulk = window.details.bulk
    assert window.details.tabs.currentWidget() is bulk
    bulk.level_box.setChecked(True)
    bulk.level.setCurrentIndex(bulk.level.findData(DescriptionLevel.FILE.value))
    bulk.start_box.setChecked(True)
    bulk.start.set_value(date(2021, 1, 4))
    bulk.title_box.setChecked(True)
    bulk.pattern.setText("Pièce {n:02} – {title}")
    assert bulk.apply() == 2
    assert (a.level, b.level) == ("File", "File")
    assert a.start_date == b.start_date == date(2021, 1, 4)
    assert (a.title, b.title) == ("Pièce 01 – notes.txt", "Pièce 02 – inconnu.bin")
    window.undo()
    assert (a.level, a.title, b.start_date) == ("Item", "notes.txt", b.start_date)
    assert a.start_date != date(2021, 1, 4) or a.start_date is None
    window.redo()

    # move a unit by drag and drop (through the view's proxy), then undo and redo
    courrier = unit_by_title(window, "Courrier")
    budget = unit_by_title(window, "Budget")
    proxy = window.proxy
    src = proxy.mapFromSource(window.model.index_for(a))
    data = proxy.mimeData([src])
    target = proxy.mapFromSource(window.model.index_for(courrier))
    proxy.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, target)
    assert a.parent is courrier and courrier.children[0] is a
    window.undo()
    assert a.parent is budget
    window.redo()
    assert a.parent is courrier

    # export in the background and validate the SIP against the SEDA 2.1 XSD
    dest = tmp_path / "out" / "sip.zip"
    dest.parent.mkdir()
    with qtbot.waitSignal(window.export_finished, timeout=SCAN_TIMEOUT) as blocker:
        task = window.exporter.start_export(str(dest), "2.1", verify=True)
        # the user keeps editing meanwhile: the export works on a snapshot
        window.model.set_fields(budget, {"title": "Budget (après export)"})
    report = blocker.args[0]
    assert task.result is report
    assert dest.is_file() and report.files == 4
    assert window.last_message is not None and str(dest) in window.last_message.text()
    with zipfile.ZipFile(dest) as zf:
        manifest = zf.read("manifest.xml")
    schema = etree.XMLSchema(etree.parse(str(SHARED / "seda-xsd" / "2.1" / "seda-2.1-main.xsd")))
    doc = etree.fromstring(manifest)
    assert schema.validate(doc), schema.error_log
    assert b"Lettre au pr\xc3\xa9fet" in manifest
    assert "Budget (après export)".encode() not in manifest


def test_scan_results_are_applied_on_main_thread_only(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """Wrap every mutating method of the model and record the thread it runs on."""
    folder = make_folder(tmp_path)
    for i in range(40):
        (folder / "Budget" / f"f{i:03}.txt").write_text(f"ligne {i}\n")
    threads: list[tuple[str, object]] = []
    batches: list[int] = []
    for name in (
        "insert_units",
        "remove_unit",
        "move_unit",
        "set_fields",
        "reorder_children",
        "refresh_units",
        "apply_file_results",
        "set_package",
        "beginInsertRows",
        "beginRemoveRows",
    ):
        original = getattr(PackageTreeModel, name)

        def wrapper(self, *args, _original=original, _name=name, **kwargs):
            threads.append((_name, QThread.currentThread()))
            if _name == "apply_file_results":
                batches.append(len(args[0]))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(PackageTreeModel, name, wrapper)
    data_threads: list[object] = []
    window.model.dataChanged.connect(lambda *a: data_threads.append(QThread.currentThread()))
    window.add_paths([str(folder)])
    wait_scan(qtbot, window)
    main = QApplication.instance().thread()
    assert threads, "the scan did not go through the model"
    assert {n for n, _t in threads} >= {"insert_units", "apply_file_results"}
    assert all(t is main for _n, t in threads)
    assert data_threads and all(t is main for t in data_threads)
    assert sum(batches) == 44  # every file's result arrived, in batches
    assert len(batches) < 44  # ... grouped, not one call per file


def test_cancel_really_stops_and_adds_nothing(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "Gros"
    folder.mkdir()
    for i in range(3000):
        (folder / f"f{i:05}.txt").write_bytes(b"x" * 64)
    window.add_paths([str(folder)])
    qtbot.waitUntil(lambda: window.scan.phase == "analyse", timeout=SCAN_TIMEOUT)
    assert window.job.isVisible()
    with qtbot.waitSignal(window.scan.scan_cancelled, timeout=SCAN_TIMEOUT):
        window.job.cancel_button.click()
    assert not window.scan.running
    assert window.model.package.roots == []
    assert window.model.rowCount() == 0
    assert not window.job.isVisible()
    assert (
        window.stack.count() == 0 or not window.stack.canUndo() or window.model.package.roots == []
    )


def test_findings_panel_and_jump(qtbot, qtmodeltester, window: MainWindow, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    (folder / "Vide").mkdir()
    window.add_paths([str(folder)])
    wait_scan(qtbot, window)
    qtmodeltester.check(window.model, force_py=True)  # on a real scanned tree
    qtmodeltester.check(window.proxy, force_py=True)
    model = window.findings
    codes = [f.code for f in model.findings]
    assert "scan.empty_folder" in codes
    row = codes.index("scan.empty_folder")
    text = model.index(row, 0).data()
    assert text and "scan.empty_folder" not in text  # a sentence from app.messages
    window.findings_view.doubleClicked.emit(model.index(row, 0))
    assert window.selected_units() and window.selected_units()[0].title == "Vide"


def test_group_sort_remove_rename(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    window.add_paths([str(folder)])
    wait_scan(qtbot, window)
    courrier, budget = unit_by_title(window, "Courrier"), unit_by_title(window, "Budget")
    root = window.model.package.roots[0]
    window.select_units([courrier, budget])
    group = window.edits.group_selected("Correspondance et budget")
    assert group is not None and group.parent is root
    assert group.children == [budget, courrier]  # document order (the scan sorts names)
    window.select_units([courrier])
    window.edits.move_selected(-1)
    assert group.children == [courrier, budget]
    window.select_units([group])
    window.edits.sort_children()
    assert [u.title for u in group.children] == ["Budget", "Courrier"]
    window.undo()
    assert group.children == [courrier, budget]
    window.undo()
    assert group.children == [budget, courrier]
    window.undo()
    assert courrier.parent is root and group.parent is None
    assert root.children.index(budget) < root.children.index(courrier)
    pdf = unit_by_title(window, "lettre.pdf")
    source = Path(pdf.objects[0].source)
    window.select_units([pdf])
    window.edits.remove_selected()
    assert pdf not in courrier.children and source.is_file()
    window.undo()
    assert pdf in courrier.children


def test_header_from_preset_and_title(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from seda.model import TransferHeader

    header = TransferHeader(archival_agency="AD01", transferring_agency="COMMUNE")
    window.header.set_header(header, "2.2")
    assert window.model.package.header is header and window.model.package.seda_version == "2.2"
    window.undo()
    assert window.model.package.header is not header


def test_settings_persist_geometry_and_splitters(qtbot, settings_store) -> None:
    settings = Settings(settings_store)
    w = MainWindow(settings, lang="fr")
    qtbot.addWidget(w)
    w.resize(700, 520)
    w.show()
    w.splitter_main.setSizes([300, 600])
    size = w.size()
    w.close()
    assert not settings.get("window/geometry").isEmpty()
    w2 = MainWindow(Settings(settings_store), lang="fr")
    qtbot.addWidget(w2)
    w2.show()
    assert w2.size() == size
    sizes = w2.splitter_main.sizes()
    assert sizes[0] < sizes[1]
    assert settings.version >= 1


def test_drop_of_non_files_is_ignored(qtbot, window: MainWindow) -> None:
    data = QMimeData()
    data.setText("bonjour")
    enter = drag_enter_event(QPointF(50, 50), data)
    QApplication.sendEvent(window.windowHandle(), enter)
    assert not enter.isAccepted()
    assert not window.scan.running and window.model.package.roots == []


def test_search_is_accent_insensitive_and_keeps_ancestors(qtbot, window: MainWindow) -> None:
    from tests.ui.conftest import build_package

    package = build_package()
    package.roots[2].children[1].title = "Délibération du conseil"
    window.model.set_package(package)
    assert window.proxy.set_search("deliberation") == 1
    assert window.proxy.rowCount() == 1  # only the folder that leads to the match
    folder = window.proxy.index(0, 0)
    assert folder.data() == "Dossier 3"
    assert window.proxy.rowCount(folder) == 1
    assert window.proxy.index(0, 0, folder).data() == "Délibération du conseil"
    assert window.proxy.set_search("") == 0
    assert window.proxy.rowCount() == 3
    # every word, in any order, NFD accents and ligatures folded
    package.roots[0].children[0].title = "Œuvres de l'e\u0301cole, 2019"
    assert window.proxy.set_search("2019  ECOLE oeuvres") == 1
    assert window.proxy.set_search("2019 mairie") == 0
