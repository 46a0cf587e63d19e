"""app.settings, app.i18n and app.tasks: the services the window stands on."""

from __future__ import annotations

import os
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QThread

from app import i18n
from app.settings import OPTIONS, SETTINGS_VERSION, Settings
from app.tasks import BatchQueue, TaskRunner
from seda.progress import Cancelled, check
from ui.formatting import level_label
from ui.rules_editor import category_label

ROOT = Path(__file__).resolve().parents[2]


# -- settings ---------------------------------------------------------------------------
def test_settings_defaults_types_and_roundtrip(settings_store: QSettings) -> None:
    s = Settings(settings_store)
    assert s.get("ui/language") == "fr"
    assert s.get("scan/engine") == "siegfried"
    assert s.get("export/verify") is True
    assert isinstance(s.get("window/geometry"), QByteArray)
    s.set("export/verify", False)
    s.set("scan/engine", "fido")
    s.add_recent("/a")
    s.add_recent("/b")
    s.add_recent("/a")
    s.sync()
    again = Settings(QSettings(settings_store.fileName(), QSettings.Format.IniFormat))
    assert again.get("export/verify") is False  # read back from an INI string
    assert again.get("scan/engine") == "fido"
    assert again.get("folders/recent") == ["/a", "/b"]
    with pytest.raises(ValueError):
        s.set("ui/language", "de")
    with pytest.raises(KeyError):
        s.get("no/such/option")
    assert all(o.key == k for k, o in OPTIONS.items())


def test_settings_bad_stored_value_falls_back_and_migration_runs(tmp_path: Path) -> None:
    path = tmp_path / "old.ini"
    store = QSettings(str(path), QSettings.Format.IniFormat)
    store.setValue("language", "en")  # version-0 key
    store.setValue("scan/engine", "nonsense")
    store.sync()
    s = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert s.version == SETTINGS_VERSION
    assert s.get("ui/language") == "en"  # migrated
    assert s.get("scan/engine") == "siegfried"  # invalid value -> default
    assert s.store.value("language") is None


# -- i18n ---------------------------------------------------------------------------------
def test_qm_is_built_from_ts_and_rebuilt_when_stale(tmp_path: Path, qapp) -> None:
    qm = i18n.ensure_qm("fr", target_dir=tmp_path)
    assert qm is not None and qm.stat().st_size > 1000
    first = qm.stat().st_mtime
    assert i18n.ensure_qm("fr", target_dir=tmp_path) == qm
    assert qm.stat().st_mtime == first  # up to date: not rebuilt
    stale = i18n.ts_path("fr").stat().st_mtime - 3600  # older than its source
    os.utime(qm, (stale, stale))
    i18n.ensure_qm("fr", target_dir=tmp_path)
    assert qm.stat().st_mtime > stale  # stale: rebuilt
    assert i18n.ensure_qm("xx", target_dir=tmp_path) is None


def test_french_is_installed_and_english_available(qapp) -> None:
    try:
        assert i18n.install(qapp, "fr")
        assert (
            QCoreApplication.translate("ExportController", "&Export the SIP…")
            == "E&xporter le SIP…"
        )
        assert level_label("Item") == "Pièce"  # app.labels, in the installed language
        assert QCoreApplication.translate("MainWindow", "%n unit(s) changed.", None, 3) == (
            "3 unités modifiées."
        )
        assert i18n.install(qapp, "en")
        assert level_label("Item") == "Item" and category_label("AccessRule") == "Access"
    finally:
        i18n.install(qapp, "fr")


def _shipped(lang: str) -> dict[tuple[str | None, str | None], str | None]:
    """(context, source) -> finished translation text (None when unfinished/obsolete)."""
    out: dict[tuple[str | None, str | None], str | None] = {}
    for c in etree.parse(str(i18n.ts_path(lang))).findall("context"):
        for m in c.findall("message"):
            tr = m.find("translation")
            done = tr.get("type") not in ("unfinished", "obsolete", "vanished")
            text = "".join(tr.itertext()).strip()
            out[(c.findtext("name"), m.findtext("source"))] = text if done and text else None
    return out


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_tr_string_is_translated(tmp_path: Path, lang: str) -> None:
    """lupdate over the code, then every message must be translated in verso_<lang>.ts."""
    lupdate = Path(i18n.lrelease_command()[0]).with_name(
        "lupdate.exe" if os.name == "nt" else "lupdate"
    )
    if not lupdate.is_file():
        pytest.skip("lupdate not available")
    files = sorted(str(p) for d in ("app", "ui") for p in (ROOT / d).rglob("*.py"))
    out = tmp_path / "now.ts"
    subprocess.run([str(lupdate), *files, "-ts", str(out)], check=True, capture_output=True)
    current = {
        (c.findtext("name"), m.findtext("source"))
        for c in etree.parse(str(out)).findall("context")
        for m in c.findall("message")
    }
    assert {"MainWindow", "UnitForm", "RulesEditor", "TreePickerDialog"} <= {
        k[0] for k in current
    }, "lupdate found none of our strings"
    shipped = _shipped(lang)
    missing = sorted((k for k in current if not shipped.get(k)), key=str)
    assert not missing, f"untranslated in verso_{lang}.ts: {missing[:10]}"
    if lang == "en":
        # strings written in French in the code must really be translated into English
        french = sorted(
            (k for k in current if re.search(r"[«»éèàçêùœ]", shipped[k] or "")), key=str
        )
        assert not french, f"French left in verso_en.ts: {french[:10]}"


# -- tasks --------------------------------------------------------------------------------
def test_task_result_delivered_on_main_thread(qtbot) -> None:
    runner = TaskRunner()
    seen: list[object] = []

    def job(progress):
        seen.append(QThread.currentThread())
        return 42

    task = runner.submit(job)
    got: list[object] = []
    task.finished.connect(lambda r: got.append((r, QThread.currentThread())))
    with qtbot.waitSignal(task.ended, timeout=5000):
        pass
    main = QCoreApplication.instance().thread()
    assert got == [(42, main)]
    assert seen and seen[0] is not main


def test_progress_is_throttled_and_cancel_stops_the_job(qtbot) -> None:
    runner = TaskRunner()
    started = threading.Event()
    loops = []

    def job(progress):
        started.set()
        i = 0
        deadline = time.monotonic() + 600  # only a cancel ends it in time
        while time.monotonic() < deadline:
            i += 1
            progress.report(i, 0, f"item {i}")
            check(progress)
            loops.append(i)
        return i

    task = runner.submit(job)
    signals: list[float] = []
    task.progressed.connect(lambda d, t, m: signals.append(time.monotonic()))
    qtbot.wait(600)
    with qtbot.waitSignal(task.cancelled, timeout=60_000):  # liveness, not speed
        task.cancel()
    assert started.is_set() and len(loops) > 1000  # the job reported a lot...
    assert 3 <= len(signals) <= 20  # ...but at most ~20 signals per second reached the GUI
    assert task.was_cancelled and task.result is None


def test_errors_are_delivered_with_traceback(qtbot) -> None:
    runner = TaskRunner()

    def job(progress):
        raise OSError("disque plein")

    task = runner.submit(job)
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        pass
    error = blocker.args[0]
    assert isinstance(error, OSError) and "disque plein" in error.__verso_traceback__


def test_cancelled_exception_means_cancelled(qtbot) -> None:
    runner = TaskRunner()

    def job(progress):
        raise Cancelled()

    task = runner.submit(job)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        pass


def test_batch_queue_drains_on_main_thread_in_bounded_batches(qtbot) -> None:
    inbox = BatchQueue(interval_ms=10, max_items=100)
    got: list[tuple[int, object]] = []
    inbox.batch_ready.connect(lambda items: got.append((len(items), QThread.currentThread())))
    inbox.start()

    def produce() -> None:
        for i in range(50):
            inbox.put(list(range(i * 10, i * 10 + 10)))

    worker = threading.Thread(target=produce)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: sum(n for n, _ in got) == 500, timeout=5000)
    inbox.stop()
    main = QCoreApplication.instance().thread()
    assert all(n <= 100 for n, _ in got) and all(t is main for _, t in got)


def test_signal_emit_keeps_references_to_true(qapp) -> None:
    """PySide6 6.12 drops a reference to True per emit; app.tasks must compensate."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        happened = Signal(object)

    emitter = Emitter()
    emitter.happened.connect(lambda _x: None)
    before = sys.getrefcount(True)
    for i in range(5000):
        emitter.happened.emit(i)
    assert sys.getrefcount(True) >= before
