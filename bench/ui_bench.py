"""Window responsiveness and memory: ``python -m bench.ui_bench``.

1. Longest event-loop stall while the real window scans a generated folder of 20,000
   files: a 10 ms ``QTimer`` records how late each tick fires (target < 100 ms).
2. Memory of a 100,000-unit tree loaded in the tree model and shown in the view:
   RSS growth and Python allocations (tracemalloc), target < 500 MB.

Runs headless (``QT_QPA_PLATFORM=offscreen`` unless set). Prints numbers, returns 0 when
both targets are met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

STALL_TARGET_MS = 100.0
MEMORY_TARGET_MB = 500.0


def rss_mb() -> float:
    """Resident memory of this process (Linux /proc; falls back to ru_maxrss)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_corpus(root: Path, files: int) -> Path:
    """``files`` small files in 200 folders (text, XML, CSV, a few PNG/PDF headers)."""
    top = root / "Versement"
    per_folder = max(1, files // 200)
    made = 0
    folder_index = 0
    while made < files:
        folder = top / f"Dossier {folder_index:03}"
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(min(per_folder, files - made)):
            kind = (made + i) % 5
            if kind == 0:
                (folder / f"note-{i:04}.txt").write_text(f"Note {made + i}\n" * 3)
            elif kind == 1:
                (folder / f"registre-{i:04}.xml").write_text(f"<r n='{made + i}'/>\n")
            elif kind == 2:
                (folder / f"table-{i:04}.csv").write_text(f"a;b\n{made + i};x\n")
            elif kind == 3:
                (folder / f"image-{i:04}.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
            else:
                (folder / f"acte-{i:04}.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n" + bytes(60))
        made += min(per_folder, files - made)
        folder_index += 1
    return top


class StallMeter:
    """A 10 ms timer; ``worst`` is the largest lateness seen (ms) = the longest stall."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.interval = interval_ms / 1000
        self.late: list[float] = []
        self.worst_late = 0.0
        self.worst_at = 0.0
        self.last = time.perf_counter()
        # CPU time this process (all threads) used between two ticks: a loaded machine
        # stretches ``late`` with other processes' turns, this much less
        self.worst_cpu = 0.0
        self.last_cpu = time.process_time()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.last = time.perf_counter()
        self.last_cpu = time.process_time()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> None:
        now = time.perf_counter()
        late = max(0.0, (now - self.last - self.interval) * 1000)
        self.late.append(late)
        if late >= self.worst_late:
            self.worst_late, self.worst_at = late, now
        self.last = now
        cpu = time.process_time()
        self.worst_cpu = max(self.worst_cpu, (cpu - self.last_cpu) * 1000)
        self.last_cpu = cpu

    @property
    def worst(self) -> float:
        return max(self.late, default=0.0)

    def percentile(self, p: float) -> float:
        if not self.late:
            return 0.0
        data = sorted(self.late)
        return data[min(len(data) - 1, int(len(data) * p))]


def bench_scan(files: int, workers: int | None, keep: bool) -> tuple[float, dict[str, float]]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.settings import Settings
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="verso-ui-bench-"))
    try:
        t0 = time.perf_counter()
        corpus = make_corpus(tmp, files)
        print(f"corpus: {files} files generated in {time.perf_counter() - t0:.1f} s")
        settings = Settings(QSettings(str(tmp / "bench.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, workers=workers, lang="fr")
        window.resize(1200, 800)
        window.show()
        app.processEvents()
        # Expand the first unit as soon as it appears, as a user watching the scan would.
        window.model.rowsInserted.connect(
            lambda parent, first, last: (
                window.tree.expand(window.proxy.mapFromSource(window.model.index(first, 0, parent)))
                if not parent.isValid()
                else None
            )
        )
        meter = StallMeter()
        phases: dict[str, float] = {}
        started = time.perf_counter()

        def on_progress(phase: str, *_args: object) -> None:
            if phase not in phases:
                phases[phase] = time.perf_counter() - started

        window.scan.progressed.connect(on_progress)
        meter.start()
        window.add_paths([str(corpus)])
        while window.scan.running:
            app.processEvents()
            time.sleep(0.001)
        # let the last batches and the status refresh through
        end = time.perf_counter() + 0.6
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)
        meter.stop()
        total = window.scan.last_duration
        stats = window.model.package.stats()
        analysed = sum(1 for _u, o in window.model.package.objects() if o.digest)
        print(
            f"scan: {stats.files} files, {stats.units} units in {total:.1f} s "
            f"({stats.files / max(total, 1e-9):.0f} files/s), analysed {analysed}, "
            f"walk phase began at {phases.get('walk', 0):.2f} s, "
            f"analysis at {phases.get('analyse', 0):.2f} s"
        )
        print(
            f"event loop during the scan: {len(meter.late)} ticks of 10 ms, "
            f"longest stall {meter.worst:.1f} ms, p99 {meter.percentile(0.99):.1f} ms, "
            f"median {statistics.median(meter.late or [0]):.1f} ms, "
            f"longest at {meter.worst_at - started:.2f} s"
        )
        window.close()
        window.deleteLater()
        app.processEvents()
        return meter.worst, {"files": stats.files, "seconds": total}
    finally:
        if not keep:
            shutil.rmtree(tmp, ignore_errors=True)


def build_tree(units: int) -> object:
    """A package of ``units`` units: 1 root, folders of 99 items, each with a file."""
    from seda.model import ArchiveUnit, BinaryObject, DescriptionLevel, FormatInfo, Package

    pdf = FormatInfo(
        "fmt/18", "Acrobat PDF 1.4 - Portable Document Format", "1.4", "application/pdf"
    )
    package = Package()
    root = ArchiveUnit(title="Fonds de la commune", level=DescriptionLevel.FONDS)
    package.roots.append(root)
    made = 1
    folder_no = 0
    while made < units:
        folder = ArchiveUnit(title=f"Dossier {folder_no}", level=DescriptionLevel.RECORD_GRP)
        folder.source = f"/archives/Dossier {folder_no}"
        root.add(folder)
        made += 1
        folder_no += 1
        for i in range(min(99, units - made)):
            item = ArchiveUnit(title=f"pièce {folder_no}-{i}.pdf", level=DescriptionLevel.ITEM)
            item.source = f"/archives/Dossier {folder_no}/pièce {folder_no}-{i}.pdf"
            item.objects.append(
                BinaryObject(
                    source=item.source,
                    filename=f"pièce {folder_no}-{i}.pdf",
                    size=100_000 + i,
                    digest=f"{i:0128x}",
                    format=pdf,
                )
            )
            folder.add(item)
            made += 1
    return package


def bench_memory(units: int) -> float:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.settings import Settings
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="verso-ui-mem-"))
    try:
        settings = Settings(QSettings(str(tmp / "bench.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, lang="fr")
        window.resize(1200, 800)
        window.show()
        app.processEvents()
        gc.collect()
        before = rss_mb()
        tracemalloc.start()
        t0 = time.perf_counter()
        package = build_tree(units)
        t_build = time.perf_counter() - t0
        t0 = time.perf_counter()
        window.model.set_package(package)
        window.tree.expandAll()
        window.update_status()
        app.processEvents()
        t_show = time.perf_counter() - t0
        t0 = time.perf_counter()
        root = window.model.package.roots[0]
        last = root.children[-1].children[-1] if root.children[-1].children else root.children[-1]
        window.select_units([last])  # row lookup among 1,000 siblings, scroll to the end
        app.processEvents()
        t_select = time.perf_counter() - t0
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()  # before timing the search: tracing slows Python code severalfold
        after = rss_mb()

        # the first search folds every unit's text (cached after): as the typing pause
        # runs it, in slices; its worst stall and its total time
        def first_search() -> None:
            window.search.setText("pièce 999-98")
            window.searcher.timer.stop()  # as when the user's typing pause fires it
            window.searcher.apply_sliced()

        def clear_search() -> None:
            window.search.clear()
            window.searcher.timer.stop()
            window.searcher.apply_sliced()

        def searching() -> bool:
            return window.searcher._steps is not None

        search_stall, search_total, _cpu = measure_stall(app, first_search, busy=searching)
        clear_stall, _total, _cpu = measure_stall(app, clear_search, busy=searching)
        count = sum(1 for _ in window.model.package.walk())
        print(
            f"tree of {count} units: built in {t_build:.2f} s, loaded + expanded + counted in "
            f"{t_show:.2f} s, select last unit {t_select * 1000:.0f} ms, "
            f"first search in slices: worst stall {search_stall:.0f} ms, done in "
            f"{search_total:.0f} ms; clear it: worst stall {clear_stall:.0f} ms"
        )
        print(
            f"memory: RSS {before:.0f} -> {after:.0f} MB (+{after - before:.0f} MB); "
            f"Python allocations {current / 2**20:.0f} MB (peak {peak / 2**20:.0f} MB)"
        )
        window.close()
        return after - before
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ui_bench", description=__doc__)
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="analysis processes (default: the window's, CPUs - 1)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the generated folder")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("VERSO_CACHE_DIR", tempfile.mkdtemp(prefix="verso-cache-"))
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app import i18n

    i18n.install(app, "fr")
    print(f"cpus: {os.cpu_count()}, python {sys.version.split()[0]}")
    worst, _info = bench_scan(args.files, args.workers, args.keep)
    growth = bench_memory(args.units)
    ok_stall = worst < STALL_TARGET_MS
    ok_mem = growth < MEMORY_TARGET_MB
    print(
        f"targets: longest stall {worst:.0f} ms < {STALL_TARGET_MS:.0f} ms: "
        f"{'OK' if ok_stall else 'MISSED'}; tree memory +{growth:.0f} MB < "
        f"{MEMORY_TARGET_MB:.0f} MB: {'OK' if ok_mem else 'MISSED'}"
    )
    return 0 if ok_stall and ok_mem else 1


if __name__ == "__main__":
    sys.exit(main())


# ---------------------------------------------------------------------------------------
# Window operations at 100,000 units: the worst event-loop stall of each (issue 16).
# ---------------------------------------------------------------------------------------

OPERATIONS_UNITS = 100_000


class Stall(NamedTuple):
    worst: float  # ms: the longest time the event loop did not run
    total: float  # ms: from the action to the end of its work
    cpu: float  # ms: the most CPU time this process (all its threads) used between two
    # ticks: a loaded machine stretches ``worst`` with other processes' turns, ``cpu``
    # much less (it can exceed ``worst`` when Qt's own threads work meanwhile)


def measure_stall(
    app: object,
    action: object,
    *,
    settle: float = 0.3,
    timeout: float = 120.0,
    busy: object = None,
) -> Stall:
    """Worst event-loop stall and total time, in ms, while ``action`` runs from the event
    loop, as a click or a key press would run it, and until the loop has stayed free for
    ``settle`` s (work the action hands to a thread, or queues, is measured too) and
    ``busy()`` (when given: e.g. a sliced edit still running) is false. The total runs
    from the click to the last late tick (or to the end of ``busy``)."""
    from PySide6.QtCore import QTimer

    meter = StallMeter()
    done: list[float] = []
    started = time.perf_counter()
    last_work = started

    def run() -> None:
        action()  # type: ignore[operator]
        done.append(time.perf_counter())

    meter.start()
    QTimer.singleShot(0, run)
    deadline = time.perf_counter() + timeout
    quiet_since = None
    while time.perf_counter() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.001)
        if done:
            recent = meter.late[-1] if meter.late else 0.0
            if busy is not None and busy():  # type: ignore[operator]
                quiet_since = None
                last_work = time.perf_counter()
            elif recent > 20.0:
                quiet_since = None
                last_work = time.perf_counter()
            elif quiet_since is None:
                quiet_since = time.perf_counter()
                last_work = max(last_work, done[0])
            elif time.perf_counter() - quiet_since >= settle:
                break
    meter.stop()
    return Stall(meter.worst, (last_work - started) * 1000, meter.worst_cpu)


def none_references_lost() -> int:
    """References to ``None`` lost per 100 calls of a void Qt method (``setColumnWidth``).

    PySide6 6.12 under Python < 3.12 returns ``None`` from void methods without taking a
    reference: ``None``'s count (~4,500 at start) runs out after a few thousand such calls
    and the interpreter aborts (``none_dealloc``). The rules panel's ``fit_columns`` makes
    several per edited unit: a bulk edit of thousands of units aborts the window.
    """
    from PySide6.QtWidgets import QApplication, QTreeView

    QApplication.instance() or QApplication([])
    view = QTreeView()
    before = sys.getrefcount(None)
    for _ in range(100):
        view.setColumnWidth(0, 50)
    lost = before - sys.getrefcount(None)
    view.deleteLater()
    return max(0, lost)


def _keep_none_alive() -> None:
    """Bench only: give ``None`` a reference reserve so the measurements can finish
    despite the PySide6 leak above (the app itself still needs a fix)."""
    import ctypes

    if sys.version_info < (3, 12):
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


class _Skip(Exception):
    """``bench_operations(only="heavy")``: the first window's operations are skipped."""


HEAVY_UNITS = OPERATIONS_UNITS  # select-all / bulk edit / undo (a smaller figure is
# extrapolated linearly to OPERATIONS_UNITS: they cost ~10 ms per unit before issue 16)


def _operations_window(
    units: int, build: Callable[[int], object] | None = None
) -> tuple[object, object, Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.settings import Settings
    from app.tasks import fix_signal_emit
    from ui.main_window import MainWindow

    fix_signal_emit()  # as app.main does (PySide6 6.12 loses a reference on emit)
    app = QApplication.instance() or QApplication([])
    if none_references_lost():
        _keep_none_alive()
    tmp = Path(tempfile.mkdtemp(prefix="verso-ui-ops-"))
    settings = Settings(QSettings(str(tmp / "bench.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, lang="fr")
    window.resize(1200, 800)
    window.show()
    window.model.set_package((build or build_tree)(units))  # type: ignore[arg-type]
    window.tree.expandToDepth(0)
    app.processEvents()
    return app, window, tmp


def _close_window(app: object, window: object, tmp: Path) -> None:
    window.close()  # type: ignore[attr-defined]
    window.deleteLater()  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[attr-defined]
    shutil.rmtree(tmp, ignore_errors=True)
    # the closed window's tree (parent <-> children cycles) is freed here, not by a
    # collection inside the next window's timings (a 434 ms "bulk edit" stall once)
    gc.collect()


def bench_operations(
    units: int = OPERATIONS_UNITS, heavy_units: int = HEAVY_UNITS, only: str = ""
) -> list[tuple[str, float, int, float]]:
    """(operation, worst stall ms, units it ran on, total ms).

    Search, filter, expand-all and sort run on a ``units``-unit window; select-all, the
    bulk edit of every selected unit and its undo on a ``heavy_units`` window (the same
    size by default; the caller extrapolates a smaller one linearly). Work the window
    does in slices between events (search, expand-all, the reopening after a sort) is
    measured until it ends: the figure is the worst stall, not the duration.
    """
    from typing import Any

    from PySide6.QtCore import Qt

    out: list[tuple[str, float, int, float]] = []

    def step(app: object, name: str, action: object, n: int, busy: object = None) -> None:
        worst, total, cpu = measure_stall(app, action, busy=busy)
        out.append((name, worst, n, total))
        print(
            f"  {name} ({n:,} units): worst stall {worst:,.0f} ms (CPU {cpu:,.0f} ms), "
            f"total {total:,.0f} ms",
            flush=True,
        )

    app, window, tmp = _operations_window(units)
    try:
        if only == "heavy":
            raise _Skip
        w: Any = window

        def search(text: str) -> Callable[[], None]:
            def run() -> None:
                w.search.setText(text)
                w.searcher.timer.stop()  # as when the user's typing pause fires it
                w.searcher.apply_sliced()

            return run

        n = sum(1 for _ in w.model.package.walk())
        step(app, "search (a few matches)", search("pièce 999-98"), n)
        step(app, "clear the search", search(""), n)
        step(app, "filter (search matching ~all units)", search("pièce"), n)
        step(app, "clear the filter", search(""), n)
        step(app, "expand all", w.act_expand.trigger, n)
        while getattr(w.tree, "expanding", False):
            app.processEvents()  # type: ignore[attr-defined]
        step(
            app,
            "sort by title (column header, expanded)",
            lambda: w.tree.sortByColumn(0, Qt.SortOrder.DescendingOrder),
            n,
        )
        while getattr(w.tree, "expanding", False):  # open folders reopen (sorted) in slices
            app.processEvents()  # type: ignore[attr-defined]
    except _Skip:
        pass
    finally:
        _close_window(app, window, tmp)

    app, window, tmp = _operations_window(heavy_units)
    try:
        w = window
        n = sum(1 for _ in w.model.package.walk())
        w.act_expand.trigger()
        app.processEvents()  # type: ignore[attr-defined]
        while getattr(w.tree, "expanding", False):  # "Expand all" opens a big tree in slices
            app.processEvents()  # type: ignore[attr-defined]
        # a big select-all reads the open units in slices, then selects: until it has
        step(app, "select all (expanded)", w.tree.selectAll, n, lambda: w.tree.selecting_all)
        bulk = w.details.bulk

        def bulk_edit() -> None:
            bulk.set_units(w.selected_units())  # what the selection shows
            bulk.start_box.setChecked(True)
            bulk.apply()

        # a large edit applies (and undoes) in slices: measured until it has ended
        slicer = getattr(w.model, "slicer", None)

        def running() -> bool:
            return bool(slicer is not None and slicer.running)

        step(app, "bulk edit of every unit (start date)", bulk_edit, n, running)
        changed = sum(1 for u in w.model.package.walk() if u.start_date == bulk.start.value())
        print(f"  (units with the new start date: {changed:,})")
        step(app, "undo of that bulk edit", w.undo, n, running)
    finally:
        _close_window(app, window, tmp)
    return out


BIG_FOLDER = 10_000  # files in one folder: a commune's scanned photos, a mail export


def build_flat(files: int) -> object:
    """One root holding ``files`` files directly, titles and sizes in no order."""
    from seda.model import ArchiveUnit, BinaryObject, DescriptionLevel, FormatInfo, Package

    jpeg = FormatInfo("fmt/43", "JPEG File Interchange Format", "1.01", "image/jpeg")
    package = Package()
    root = ArchiveUnit(title="Photothèque", level=DescriptionLevel.RECORD_GRP)
    package.roots.append(root)
    for i in range(files):
        n = (i * 7919) % files
        item = ArchiveUnit(title=f"Photo {n} été.jpg", level=DescriptionLevel.ITEM)
        item.objects.append(
            BinaryObject(source=f"/photos/{n}.jpg", filename=f"{n}.jpg", size=(i * 31) % 997)
        )
        item.objects[0].format = jpeg
        root.add(item)
    return package


def bench_big_folder(files: int = BIG_FOLDER) -> list[tuple[str, float, int, float]]:
    """(operation, worst stall ms, files, total ms) for one open folder of ``files``."""
    from typing import Any

    from PySide6.QtCore import Qt

    out: list[tuple[str, float, int, float]] = []
    app, window, tmp = _operations_window(files, build_flat)
    try:
        w: Any = window
        w.tree.collapseAll()
        app.processEvents()  # type: ignore[attr-defined]
        top = w.tree.view_index(w.model.package.roots[0])
        steps: list[tuple[str, Callable[[], None]]] = [
            ("open it", lambda: w.tree.expand(top)),
            ("sort it by size", lambda: w.tree.sortByColumn(4, Qt.SortOrder.DescendingOrder)),
            ("sort it by title", lambda: w.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)),
        ]
        for name, action in steps:
            worst, total, cpu = measure_stall(app, action)
            while getattr(w.tree, "expanding", False):
                app.processEvents()  # type: ignore[attr-defined]
            out.append((name, worst, files, total))
            print(
                f"  folder of {files:,} files, {name}: worst stall {worst:,.0f} ms "
                f"(CPU {cpu:,.0f} ms)",
                flush=True,
            )
    finally:
        _close_window(app, window, tmp)
    return out


def collect_rows(argv: list[str] | None = None) -> list[tuple[str, str, str, str]]:
    """(figure, value, goal, verdict) rows for ``python -m bench``'s one table: the scan
    stall and tree memory of ``main``, then every 100k-unit operation's worst stall."""
    parser = argparse.ArgumentParser(prog="python -m bench.ui_bench")
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--units", type=int, default=OPERATIONS_UNITS)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv or [])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("VERSO_CACHE_DIR", tempfile.mkdtemp(prefix="verso-cache-"))
    from PySide6.QtWidgets import QApplication

    from app.tasks import fix_signal_emit

    fix_signal_emit()
    app = QApplication.instance() or QApplication([])
    from app import i18n

    i18n.install(app, "fr")

    def ok(value: float, goal: float) -> str:
        return "OK" if value < goal else "MISSED"

    rows: list[tuple[str, str, str, str]] = []
    worst, info = bench_scan(args.files, args.workers, False)
    rows.append(
        (
            f"window: scan of {int(info['files']):,} files, worst stall",
            f"{worst:,.0f} ms",
            f"< {STALL_TARGET_MS:.0f} ms",
            ok(worst, STALL_TARGET_MS),
        )
    )
    growth = bench_memory(args.units)
    rows.append(
        (
            f"window: {args.units:,}-unit tree, memory",
            f"+{growth:,.0f} MB",
            f"< {MEMORY_TARGET_MB:.0f} MB",
            ok(growth, MEMORY_TARGET_MB),
        )
    )
    lost = none_references_lost()
    rows.append(
        (
            "window: references to None lost per 100 void Qt calls",
            f"{lost}" + (" (bulk edits of thousands of units abort the app)" if lost else ""),
            "0",
            "OK" if lost == 0 else "MISSED",
        )
    )
    for name, stall, n, total in bench_operations(args.units):
        value = f"{stall:,.0f} ms stall"
        if total > 2 * STALL_TARGET_MS:  # a long operation in slices: how long it took
            value += f" (done in {total / 1000:,.1f} s)"
        if n < args.units:  # measured smaller: linear estimate at the goal's size
            value += f" at {n:,} units, ~{stall * args.units / n / 1000:,.0f} s at {args.units:,}"
            stall = stall * args.units / n
        rows.append(
            (
                f"window {args.units // 1000}k: {name}",
                value,
                f"< {STALL_TARGET_MS:.0f} ms (or off-thread)",
                ok(stall, STALL_TARGET_MS),
            )
        )
    for name, stall, n, _total in bench_big_folder():
        rows.append(
            (
                f"window: one folder of {n:,} files, {name}",
                f"{stall:,.0f} ms stall",
                f"< {STALL_TARGET_MS:.0f} ms",
                ok(stall, STALL_TARGET_MS),
            )
        )
    return rows
