"""Core benchmark: scan (SHA-512 + identification) and export speed against their baselines.

Run: ``python -m bench.core_bench`` (or ``python -m bench`` for every benchmark).

Builds a corpus once (cached under ``bench/corpus/``, git-ignored) from real files already on
the machine (documentation, images, Python sources, shared libraries, compressed man pages…)
plus a few large files, then prints, in the same run:

- Verso's scan files/s and MB/s on the mixed corpus,
- siegfried alone (pygfried, one process) files/s on the same files,
- fido alone files/s on a subset,
- raw hashlib SHA-512 MB/s on the large files, and Verso's scan MB/s on them,
- Verso's export MB/s against a raw copy of the same bytes,
- how often Verso's MIME types agree with libmagic's on the mixed corpus.

Every timed pair (or group) runs one warm-up round that is not kept, then ``--rounds``
rounds back to back, in an order reversed every round; a ratio is the median of the
per-round ratios, shown with the best-time-against-best-time ratio, and speeds are
given as median and best.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE / "corpus"
# Folders with real, varied files on a Debian machine with Python installed.
SOURCES = [
    "/usr/share/doc",
    "/usr/share/icons",
    "/usr/share/pixmaps",
    "/usr/share/man",
    "/usr/share/mime",
    "/usr/share/perl5",
    "/usr/share/fonts",
    "/usr/share/zoneinfo",
    "/usr/lib/python3",
    "/usr/lib/x86_64-linux-gnu",
    sys.prefix,
    str(Path(__file__).resolve().parents[1].parent / "shared"),  # ../shared
]
LARGE_FILES = 3
LARGE_SIZE = 256 * 1024 * 1024


def _candidates() -> list[Path]:
    found: list[Path] = []
    for src in SOURCES:
        for dirpath, _dirs, files in os.walk(src):
            for name in files:
                p = Path(dirpath, name)
                try:
                    if p.is_symlink() or not p.is_file():
                        continue
                    if 0 < p.stat().st_size < 20 * 1024 * 1024:
                        found.append(p)
                except OSError:
                    continue
    return found


def build_corpus(root: Path, n_files: int) -> tuple[Path, Path]:
    """Mixed real files under root/mixed, large files under root/large (built once)."""
    mixed, large = root / "mixed", root / "large"
    stamp = root / f".done-{n_files}"
    if not stamp.exists():
        shutil.rmtree(root, ignore_errors=True)
        mixed.mkdir(parents=True)
        large.mkdir(parents=True)
        cands = _candidates()
        rng = random.Random(42)
        # Favour variety: at most 300 files per extension.
        by_ext: dict[str, list[Path]] = {}
        for p in cands:
            by_ext.setdefault(p.suffix.lower(), []).append(p)
        pool: list[Path] = []
        for files in by_ext.values():
            rng.shuffle(files)
            pool.extend(files[:300])
        rng.shuffle(pool)
        for i, src in enumerate(pool[:n_files]):
            dest = mixed / f"d{i // 200:03d}" / f"{i:05d}_{src.name}"
            dest.parent.mkdir(exist_ok=True)
            shutil.copyfile(src, dest)
        for i in range(LARGE_FILES):
            with open(large / f"big{i}.bin", "wb") as fh:
                block = os.urandom(16 * 1024 * 1024)
                for _ in range(LARGE_SIZE // len(block)):
                    fh.write(block)
        stamp.touch()
    return mixed, large


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def _warm(paths: list[Path]) -> int:
    """Read everything once so every measurement sees the page cache alike."""
    total = 0
    buf = bytearray(1 << 20)
    for p in paths:
        with open(p, "rb", buffering=0) as fh:
            while n := fh.readinto(buf):
                total += n
    return total


def _rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def bench_sha512(paths: list[Path]) -> tuple[float, int]:
    buf = bytearray(1 << 20)
    view = memoryview(buf)
    total = 0
    t0 = time.perf_counter()
    for p in paths:
        h = hashlib.sha512()
        with open(p, "rb", buffering=0) as fh:
            while n := fh.readinto(buf):
                h.update(view[:n])
                total += n
    return time.perf_counter() - t0, total


def bench_siegfried(paths: list[Path]) -> float:
    import pygfried

    t0 = time.perf_counter()
    for p in paths:
        pygfried.identify(str(p), detailed=True)
    return time.perf_counter() - t0


def bench_fido(paths: list[Path]) -> float:
    from seda.identify import make_identifier

    ident = make_identifier("fido")
    t0 = time.perf_counter()
    for p in paths:
        ident.identify(str(p))
    return time.perf_counter() - t0


def bench_verso_scan(root: Path) -> tuple[float, object]:
    from seda.scan import scan

    t0 = time.perf_counter()
    result = scan([root])
    return time.perf_counter() - t0, result


def bench_export(result: object, dest: Path) -> float:
    from seda.model import Package
    from seda.package import export_sip

    package = Package(roots=list(result.roots))  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    export_sip(package, dest)
    return time.perf_counter() - t0


def _settle() -> None:
    """Flush the dirty pages of what came before (outside the timing), so each writer is
    not billed for the previous one's write-back: this virtual disk's speed varies a lot."""
    if hasattr(os, "sync"):
        os.sync()
    time.sleep(0.5)


def bench_raw_copy(paths: list[Path], dest: Path) -> float:
    """Copy the same bytes into one file with the same 1 MiB buffer (what a zip store does)."""
    buf = bytearray(1 << 20)
    view = memoryview(buf)
    t0 = time.perf_counter()
    with open(dest, "wb") as out:
        for p in paths:
            with open(p, "rb", buffering=0) as fh:
                while n := fh.readinto(buf):
                    out.write(view[:n])
        out.flush()
        os.fsync(out.fileno())
    return time.perf_counter() - t0


# siegfried alone, as a user would run it: a fresh process that loads the engine and
# identifies every file of the folder (start-up included, like ``verso scan``).
SF_ALONE = """
import os, sys
import pygfried
for d, _dirs, files in os.walk(sys.argv[1]):
    for f in files:
        pygfried.identify(os.path.join(d, f), detailed=True)
"""


def _project_env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(HERE.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _run_timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        cmd,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=_project_env(),
        cwd=str(HERE.parent),
    )
    return time.perf_counter() - t0


def alternated(runs: dict[str, Callable[[], float]], rounds: int) -> dict[str, list[float]]:
    """Seconds of each run over ``rounds`` rounds, after one warm-up round that is not kept.

    The warm-up pays the cold caches (page cache of the corpus and the programs, the
    disk's first writes: the first copy once took 3.7 s against 1.5 s for the next) for
    every side alike. Within a round the runs go back to back, in turn first and last (the
    order reverses every round), so a load spike or a slow drift from elsewhere hits each
    side about equally; ratios are then taken per round (``paired_ratio``).
    """
    names = list(runs)
    for name in names:  # warm-up, not kept
        runs[name]()
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        for name in names if r % 2 == 0 else reversed(names):
            times[name].append(runs[name]())
    return times


def bench_scan_processes(folder: Path, widths: list[int], rounds: int) -> dict[str, list[float]]:
    """Wall-clock seconds of ``verso scan`` (a new process, ``--workers W``) and of siegfried
    alone (a new process), alternated ``rounds`` times: both pay their start-up."""
    runs: dict[str, Callable[[], float]] = {
        "siegfried": lambda: _run_timed([sys.executable, "-c", SF_ALONE, str(folder)])
    }
    cmd = [sys.executable, "-m", "app.cli", "scan", str(folder), "--format", "json"]
    for w in widths:
        runs[f"verso-{w}"] = lambda w=w: _run_timed([*cmd, "--workers", str(w)])  # type: ignore[misc]
    return alternated(runs, rounds)


def paired_ratio(base: list[float], other: list[float]) -> float:
    """Median over rounds of base time / other time (each round's pair ran back to back,
    so a load spike from elsewhere hits both): > 1 means ``other`` is faster."""
    return statistics.median(b / o for b, o in zip(base, other, strict=True))


def best_ratio(base: list[float], other: list[float]) -> float:
    """Best time against best time: what each side can do when nothing disturbs it."""
    return min(base) / min(other)


def against(base: list[float], other: list[float], name: str) -> tuple[float, str]:
    """``other``'s paired ratio to ``base`` and how the table says it (with the best-of)."""
    ratio = paired_ratio(base, other)
    return ratio, f"{ratio:.2f}x {name} (best {best_ratio(base, other):.2f}x)"


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "n/a"
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


# (figure, value, goal, verdict): one line of the summary table of ``python -m bench``.
Row = tuple[str, str, str, str]


def _verdict(ok: bool | None) -> str:
    return "" if ok is None else ("OK" if ok else "MISSED")


def collect(argv: list[str] | None = None) -> list[Row]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--files", type=int, default=6000, help="mixed files in the corpus")
    ap.add_argument("--fido-subset", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3, help="alternated runs of each timing")
    args = ap.parse_args(argv)

    print(f"building corpus in {args.corpus} …", flush=True)
    mixed, large = build_corpus(args.corpus, args.files)
    small = _files(mixed)
    bigs = _files(large)
    mb_small = sum(p.stat().st_size for p in small) / 1e6
    mb_large = sum(p.stat().st_size for p in bigs) / 1e6
    exts = len({p.suffix.lower() for p in small})
    cores = os.cpu_count() or 1
    print(
        f"corpus: {len(small)} mixed files ({mb_small:.0f} MB, {exts} extensions), "
        f"{len(bigs)} large files ({mb_large:.0f} MB); {cores} cores; load {load_average()}",
        flush=True,
    )
    _warm(small + bigs)

    rows: list[Row] = []

    # -- scan, start-up included: separate processes, alternated ------------------------
    widths = sorted({1, min(2, cores), cores})
    times = bench_scan_processes(mixed, widths, args.rounds)
    sf = times["siegfried"]
    rows.append(
        (
            "siegfried alone (new process, start-up incl.)",
            f"{_speeds(len(small), mb_small, sf)}",
            "",
            "",
        )
    )
    for w in widths:
        t = times[f"verso-{w}"]
        ratio, said = against(sf, t, "siegfried alone")
        label = f"{w} core" + ("s" if w > 1 else "") + (" (all)" if w == cores else "")
        goal = ">= 1.0x siegfried alone" if w == min(2, cores) else ""
        rows.append(
            (
                f"verso scan, mixed corpus, {label}",
                f"{_speeds(len(small), mb_small, t)}; {said}",
                goal,
                _verdict(ratio >= 1.0) if goal else "",
            )
        )
    print(f"  scan timings (s): {_rounded(times)}", flush=True)
    rows.append(mime_agreement(mixed))

    # -- identification engines and hashing, in this process ---------------------------
    subset = small[:: max(1, len(small) // args.fido_subset)][: args.fido_subset]
    t_fido = bench_fido(subset)
    rows.append(
        (f"fido alone ({len(subset)} files)", f"{_rate(len(subset), t_fido):,.0f} files/s", "", "")
    )

    scanned: list[object] = []

    def scan_large() -> float:
        seconds, result = bench_verso_scan(large)
        scanned[:] = [result]
        return seconds

    hashing = alternated({"sha512": lambda: bench_sha512(bigs)[0], "scan": scan_large}, args.rounds)
    ratio, said = against(hashing["sha512"], hashing["scan"], "raw SHA-512")
    rows.append(("raw hashlib SHA-512, large files", _mbs(mb_large, hashing["sha512"]), "", ""))
    rows.append(
        (
            "verso scan, large files",
            f"{_mbs(mb_large, hashing['scan'])}; {said}",
            ">= 0.9x raw SHA-512",
            _verdict(ratio >= 0.9),
        )
    )
    print(f"  SHA-512/scan timings (s): {_rounded(hashing)}", flush=True)

    # -- export against a raw copy: alternated, each round's pair back to back -----------
    with tempfile.TemporaryDirectory(dir=args.corpus) as tmp:

        def copy() -> float:
            _settle()
            seconds = bench_raw_copy(bigs, Path(tmp, "raw.bin"))
            os.unlink(Path(tmp, "raw.bin"))
            return seconds

        def export() -> float:
            _settle()
            seconds = bench_export(scanned[0], Path(tmp, "sip.zip"))
            os.unlink(Path(tmp, "sip.zip"))
            return seconds

        writes = alternated({"copy": copy, "export": export}, args.rounds)
    ratio, said = against(writes["copy"], writes["export"], "raw copy")
    rows.append(("raw copy of the large files", _mbs(mb_large, writes["copy"]), "", ""))
    rows.append(
        (
            "verso export (SIP zip) of the large files",
            f"{_mbs(mb_large, writes['export'])}; {said}",
            ">= 0.9x raw copy",
            _verdict(ratio >= 0.9),
        )
    )
    print(f"  copy/export timings (s): {_rounded(writes)}", flush=True)
    return rows


def _speeds(files: int, mb: float, seconds: list[float]) -> str:
    """files/s and MB/s, median and best of the rounds."""
    med, best = statistics.median(seconds), min(seconds)
    return (
        f"{files / med:,.0f} files/s, {mb / med:,.0f} MB/s "
        f"(best {files / best:,.0f} files/s, {mb / best:,.0f} MB/s)"
    )


def _mbs(mb: float, seconds: list[float]) -> str:
    return (
        f"{_rate(mb, statistics.median(seconds)):,.0f} MB/s (best {_rate(mb, min(seconds)):,.0f})"
    )


def _rounded(times: dict[str, list[float]]) -> dict[str, list[float]]:
    return {k: [round(x, 2) for x in v] for k, v in times.items()}


def mime_agreement(folder: Path) -> Row:
    """How often Verso's MIME type (PRONOM's, else from the format, else libmagic's) agrees
    with libmagic's own answer on the mixed corpus: the formats PRONOM gives no MIME type
    for are counted apart (there Verso no longer asks libmagic: ``PUID_MIME``)."""
    from seda.identify import PUID_MIME, magic_problem, make_identifier

    if magic_problem():
        return ("MIME type against libmagic", f"skipped: {magic_problem()}", "", "")
    import magic

    ident = make_identifier("siegfried")
    lib = magic.Magic(mime=True)
    same = differ = table = table_same = 0
    paths = [str(p) for p in _files(folder)]
    for start in range(0, len(paths), 200):
        chunk = paths[start : start + 200]
        for path, (info, _err) in zip(chunk, ident.identify_many_detailed(chunk), strict=True):  # type: ignore[attr-defined]
            theirs = lib.from_file(path)
            if info.puid in PUID_MIME and info.mime == PUID_MIME[info.puid]:
                table += 1
                table_same += theirs == info.mime
            elif theirs == info.mime:
                same += 1
            else:
                differ += 1
    return (
        "MIME type, same as libmagic's (mixed corpus)",
        f"{same + table_same:,} of {same + differ + table:,} files; {table:,} typed from "
        f"the format ({table - table_same:,} differ), {differ:,} differ where PRONOM "
        "gives the type (kept)",
        "",
        "",
    )


def print_table(rows: list[Row], title: str = "") -> None:
    if title:
        print(f"\n{title}")
    w0 = max((len(r[0]) for r in rows), default=0)
    w1 = max((len(r[1]) for r in rows), default=0)
    w2 = max((len(r[2]) for r in rows), default=0)
    print(f"{'figure':<{w0}}  {'value':<{w1}}  {'goal':<{w2}}  ")
    print(f"{'-' * w0}  {'-' * w1}  {'-' * w2}  ------")
    for name, value, goal, verdict in rows:
        print(f"{name:<{w0}}  {value:<{w1}}  {goal:<{w2}}  {verdict}")


def main(argv: list[str] | None = None) -> int:
    rows = collect(argv)
    print_table(rows, f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
