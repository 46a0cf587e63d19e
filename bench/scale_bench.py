"""Scale benchmark: a generated tree of 1,000,000 tiny files, start to finish.

Run: ``python -m bench.scale_bench [--files N]`` (or ``VERSO_BENCH_FILES=N``; default
1,000,000; try ``--files 20000`` first). The tree is built by the bench in a temporary
folder (never committed, removed at the end unless ``--keep``), 1,000 files per folder,
each a few bytes of text/XML/CSV. Then, each step timed with the peak resident memory
seen during it (this process plus its worker processes, sampled every 50 ms):

1. scan (walk + SHA-512 + siegfried in worker processes, ``seda.scan.scan``),
2. save the work (``.verso``, ``app.workfile.save_work``),
3. reopen it (``load_work`` without the source check) and check the sources (1M ``stat``),
4. write the manifest (``seda.manifest.write_manifest``, streamed to a file).

Goals: peak RSS < 2 GB for the whole run, save and reopen < 30 s each.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

RSS_GOAL_MB = 2048.0
SAVE_GOAL_S = 30.0
REOPEN_GOAL_S = 30.0
DEFAULT_FILES = 1_000_000
PER_FOLDER = 1000
DISTINCT = 10  # real files per folder, the others are hard links to them


def _rss_kb(pid: int | str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _descendants(root: int) -> list[int]:
    """This process's children, grandchildren… (the fork server and its workers)."""
    parents: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        parents.setdefault(ppid, []).append(int(entry))
    out: list[int] = []
    todo = [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


class RssSampler:
    """Peak RSS of this process and of its descendants (MB), sampled in a thread."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak_self = 0.0
        self.peak_total = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._tick = 0

    def sample(self) -> None:
        me = _rss_kb("self") / 1024
        total = me
        if self._tick % 4 == 0 or self.peak_total == 0:  # the /proc walk costs more
            self._children = _descendants(os.getpid())
        self._tick += 1
        total += sum(_rss_kb(pid) for pid in self._children) / 1024
        self.peak_self = max(self.peak_self, me)
        self.peak_total = max(self.peak_total, total)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> RssSampler:
        self._children: list[int] = []
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


@dataclass
class Step:
    name: str
    seconds: float = 0.0
    peak_self_mb: float = 0.0
    peak_total_mb: float = 0.0
    note: str = ""


@dataclass
class ScaleResult:
    files: int
    steps: list[Step] = field(default_factory=list)

    def step(self, name: str) -> Step:
        return next(s for s in self.steps if s.name == name)

    @property
    def peak_total_mb(self) -> float:
        return max((s.peak_total_mb for s in self.steps), default=0.0)


def make_tree(root: Path, files: int) -> Path:
    """``files`` tiny files, ``PER_FOLDER`` per folder, 100 folders per lot.

    Each folder holds ``DISTINCT`` real files (text, XML, CSV); its other names are hard
    links to them: writing a million files' data costs ~0.6 ms each on a busy disk, a link
    ~0.1 ms, and the scan still opens, hashes and identifies every name on its own.
    """
    top = root / "Versement"
    kinds = (
        (".txt", b"Note %d\n"),
        (".xml", b"<r n='%d'/>\n"),
        (".csv", b"a;b\n%d;x\n"),
        (".txt", b"Registre %d\n"),
        (".html", b"<html><body>%d</body></html>\n"),
    )
    made = 0
    folder_no = 0
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    while made < files:
        folder = top / f"Lot {folder_no // 100:03}" / f"Dossier {folder_no:05}"
        folder.mkdir(parents=True, exist_ok=True)
        dirfd = os.open(folder, os.O_RDONLY)
        try:
            names: list[str] = []
            for i in range(min(PER_FOLDER, files - made)):
                ext, body = kinds[(made + i) % len(kinds)]
                name = f"piece-{i:04}{ext}"
                if i < DISTINCT:
                    fd = os.open(name, flags, 0o644, dir_fd=dirfd)
                    try:
                        os.write(fd, body % (made + i))
                    finally:
                        os.close(fd)
                    names.append(name)
                else:  # same extension as its target
                    target = names[i % len(kinds)]
                    os.link(target, name, src_dir_fd=dirfd, dst_dir_fd=dirfd)
        finally:
            os.close(dirfd)
        made += min(PER_FOLDER, files - made)
        folder_no += 1
    return top


def _timed(result: ScaleResult, name: str, action: object, note: str = "") -> object:
    gc.collect()
    with RssSampler() as rss:
        t0 = time.perf_counter()
        value = action()  # type: ignore[operator]
        seconds = time.perf_counter() - t0
    result.steps.append(Step(name, seconds, rss.peak_self, rss.peak_total, note))
    print(
        f"  {name}: {seconds:,.1f} s, peak RSS {rss.peak_self:,.0f} MB "
        f"(with workers {rss.peak_total:,.0f} MB) {note}",
        flush=True,
    )
    return value


def _save(result: ScaleResult, path: Path, work: object) -> None:
    from app.workfile import save_work

    _timed(result, "save .verso", lambda: save_work(path, work))  # type: ignore[arg-type]
    result.steps[-1].note = f"({path.stat().st_size / 1e6:,.0f} MB)"


def run(files: int, workers: int | None = None, keep: bool = False) -> ScaleResult:
    from app.workfile import Work, check_sources, load_work
    from seda.manifest import write_manifest
    from seda.model import Package
    from seda.package import CONTENT_DIR, entry_extension
    from seda.scan import scan

    result = ScaleResult(files)
    tmp = Path(tempfile.mkdtemp(prefix="verso-scale-"))
    try:
        t0 = time.perf_counter()
        tree = make_tree(tmp, files)
        print(
            f"  tree of {files:,} files generated in {time.perf_counter() - t0:,.1f} s", flush=True
        )

        scanned = _timed(result, "scan", lambda: scan([tree], workers=workers))
        package = Package(roots=list(scanned.roots))  # type: ignore[attr-defined]
        work_path = tmp / "travail.verso"
        _save(result, work_path, Work(package, list(scanned.findings)))  # type: ignore[attr-defined]
        analysed = sum(1 for _u, o in package.objects() if o.digest)
        scan_step = result.step("scan")
        scan_step.note = f"({analysed:,} analysed, {files / scan_step.seconds:,.0f} files/s)"
        del scanned, package  # the reopened copy stands alone, as after a restart
        gc.collect()

        work = _timed(result, "reopen .verso", lambda: load_work(work_path, check_files=False))
        reopened = work.package  # type: ignore[attr-defined]
        found = _timed(result, "check sources", lambda: check_sources(reopened))
        result.steps[-1].note = f"({len(found)} source findings)"  # type: ignore[arg-type]

        largest = [0]

        def manifest() -> int:
            uris = {}
            for n, (_unit, obj) in enumerate(reopened.objects(), start=1):
                ext = entry_extension(obj.filename)
                uris[obj.uid] = f"{CONTENT_DIR}/ID{n}" + (f".{ext}" if ext else "")
            path = tmp / "manifest.xml"
            with open(path, "wb") as raw:

                class Counting:  # what write_manifest hands over at once: streamed or not
                    def write(self, data: bytes) -> int:
                        largest[0] = max(largest[0], len(data))
                        return raw.write(data)

                write_manifest(reopened, Counting(), uris=uris)  # type: ignore[arg-type]
            return path.stat().st_size

        size = _timed(result, "write manifest", manifest)
        result.steps[
            -1
        ].note = f"({size / 1e6:,.0f} MB, largest single write {largest[0] / 1024:,.0f} KiB)"  # type: ignore[operator]
    finally:
        if keep:
            print(f"  kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return result


def rows(result: ScaleResult) -> list[tuple[str, str, str, str]]:
    """(figure, value, goal, verdict) lines for the summary table of ``python -m bench``."""
    n = f"{result.files:,}"
    goals = {"save .verso": SAVE_GOAL_S, "reopen .verso": REOPEN_GOAL_S}
    out: list[tuple[str, str, str, str]] = []
    for step in result.steps:
        goal, verdict = "", ""
        if step.name in goals:
            goal = f"< {goals[step.name]:.0f} s"
            verdict = "OK" if step.seconds < goals[step.name] else "MISSED"
        elif step.name == "write manifest":
            goal = "streamed (writes << file)"
        value = f"{step.seconds:,.1f} s, peak {step.peak_total_mb:,.0f} MB {step.note}".rstrip()
        out.append((f"{n} files: {step.name}", value, goal, verdict))
    peak = result.peak_total_mb
    out.append(
        (
            f"{n} files: peak RSS of the run (+ workers)",
            f"{peak:,.0f} MB",
            f"< {RSS_GOAL_MB:,.0f} MB",
            "OK" if peak < RSS_GOAL_MB else "MISSED",
        )
    )
    return out


def default_files() -> int:
    try:
        return int(os.environ.get("VERSO_BENCH_FILES", DEFAULT_FILES))
    except ValueError:
        return DEFAULT_FILES


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.scale_bench", description=__doc__.splitlines()[0]
    )
    ap.add_argument("--files", type=int, default=default_files())
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--keep", action="store_true", help="keep the generated tree")
    args = ap.parse_args(argv)
    print(f"scale: {args.files:,} files, {os.cpu_count()} cores", flush=True)
    result = run(args.files, args.workers, args.keep)
    ok = (
        result.peak_total_mb < RSS_GOAL_MB
        and result.step("save .verso").seconds < SAVE_GOAL_S
        and result.step("reopen .verso").seconds < REOPEN_GOAL_S
    )
    print()
    for name, value, goal, verdict in rows(result):
        print(f"{name:<45} {value:<70} {goal:<26} {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
