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
from pathlib import Path

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
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.last = time.perf_counter()
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
        t0 = time.perf_counter()
        window.search.setText("pièce 999-98")
        window.searcher.timer.stop()  # as when the user's typing pause fires it
        window.searcher.apply()
        app.processEvents()
        t_search = time.perf_counter() - t0
        t0 = time.perf_counter()
        window.search.clear()
        window.searcher.timer.stop()
        window.searcher.apply()
        app.processEvents()
        t_clear = time.perf_counter() - t0
        count = sum(1 for _ in window.model.package.walk())
        print(
            f"tree of {count} units: built in {t_build:.2f} s, loaded + expanded + counted in "
            f"{t_show:.2f} s, select last unit {t_select * 1000:.0f} ms, "
            f"search {t_search * 1000:.0f} ms (GUI thread), clear it {t_clear * 1000:.0f} ms"
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
