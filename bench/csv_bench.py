"""ReSIP table benchmark: import and export speed of a metadata CSV (no files).

Run: ``python -m bench.csv_bench [--rows N]`` (or ``python -m bench`` for every benchmark).
Builds a table of N units (100 per folder, title, description, writer, dates, keyword,
an access rule), imports it with ``seda.resip_csv.import_csv`` and writes it back with
``export_csv``, and prints rows/s for each, best of three.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HEADER = (
    "ID;ParentID;File;Content.DescriptionLevel;Content.Title;Content.Description;"
    "Content.Writer.FullName;Content.StartDate;Content.EndDate;Content.Keyword.KeywordContent;"
    "Management.AccessRule.Rule;Management.AccessRule.StartDate"
)


def make_table(path: Path, rows: int) -> None:
    lines = [HEADER]
    for i in range(rows):
        parent = "" if i % 100 == 0 else str(i - i % 100)
        lines.append(
            f"{i};{parent};;Item;Pièce {i};Description de la pièce {i};Marie Curie;"
            "2020-01-01;31/12/2020;urbanisme;ACC-00001;2020-01-01"
        )
    path.write_text("\n".join(lines) + "\n", "utf-8")


def measure(rows: int) -> tuple[float, float]:
    """Best of three (import seconds, export seconds) for a ``rows``-row table."""
    from seda.resip_csv import export_csv, import_csv

    with tempfile.TemporaryDirectory() as tmp:
        table, out = Path(tmp) / "big.csv", Path(tmp) / "out.csv"
        make_table(table, rows)
        best_in = best_out = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            result = import_csv(table)
            best_in = min(best_in, time.perf_counter() - start)
            start = time.perf_counter()
            export_csv(result.package, out)
            best_out = min(best_out, time.perf_counter() - start)
    return best_in, best_out


def collect_rows(rows: int = 20_000) -> list[tuple[str, str, str, str]]:
    """The figures for ``python -m bench``'s table (no goal set for them yet)."""
    best_in, best_out = measure(rows)
    return [
        (f"CSV import, {rows:,} rows", f"{rows / best_in:,.0f} rows/s", "", ""),
        (f"CSV export, {rows:,} rows", f"{rows / best_out:,.0f} rows/s", "", ""),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=20_000)
    args = ap.parse_args(argv)
    best_in, best_out = measure(args.rows)
    print(f"CSV import: {args.rows} rows in {best_in:.2f} s ({args.rows / best_in:,.0f} rows/s)")
    print(f"CSV export: {args.rows} rows in {best_out:.2f} s ({args.rows / best_out:,.0f} rows/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
