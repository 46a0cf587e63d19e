"""Run every benchmark and print one table: ``python -m bench``.

Each figure comes with its goal. Timings on a shared machine vary a lot: after a warm-up
round that is not kept (cold caches, for every side alike), ratios are taken between runs
done back to back in alternating order (median of the rounds, best beside it), and the
load average is printed with them.

Options: ``--scale-files N`` (or ``VERSO_BENCH_FILES``) for a smaller tree than 1,000,000
files; ``--skip core,scale,ui`` to leave parts out; ``--rounds N`` for the core timings.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--scale-files", type=int, default=None, help="files of the scale tree")
    ap.add_argument("--skip", default="", help="comma-separated: core, scale, ui, csv")
    ap.add_argument("--rounds", type=int, default=3, help="alternated runs of the core timings")
    args = ap.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}

    from bench.core_bench import Row, load_average, print_table

    rows: list[Row] = []
    started = time.perf_counter()
    load_before = load_average()

    def part(name: str, label: str, collect: object) -> None:
        if name in skip:
            return
        print(f"\n=== {label} ===", flush=True)
        try:
            rows.extend(collect())  # type: ignore[operator]
        except ImportError as exc:  # e.g. no PySide6 for the window figures
            rows.append((label, f"skipped: {exc}", "", ""))
        # a part's garbage is freed now, not by a collection in the next part's timings:
        # the 1,000,000-unit tree (parent <-> children cycles) once freed itself in the
        # window's search, a 411 ms stall (55-64 ms in runs of their own)
        gc.collect()

    part("core", "scan and export", lambda: _core(args.rounds))
    part("scale", "1,000,000 files", lambda: _scale(args.scale_files))
    part("ui", "window", lambda: importlib.import_module("bench.ui_bench").collect_rows([]))
    part("csv", "ReSIP CSV", lambda: importlib.import_module("bench.csv_bench").collect_rows())

    print_table(
        rows,
        f"load average before {load_before}, after {load_average()} (1/5/15 min); "
        f"{os.cpu_count()} cores; {time.perf_counter() - started:,.0f} s",
    )
    return 1 if any(r[3] == "MISSED" for r in rows) else 0


def _core(rounds: int) -> list[tuple[str, str, str, str]]:
    from bench import core_bench

    return core_bench.collect(["--rounds", str(rounds)])


def _scale(files: int | None) -> list[tuple[str, str, str, str]]:
    from bench import scale_bench

    n = files if files is not None else scale_bench.default_files()
    return scale_bench.rows(scale_bench.run(n))


if __name__ == "__main__":
    sys.exit(main())
