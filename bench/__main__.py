"""Run every benchmark: ``python -m bench``."""

from __future__ import annotations

import importlib
import sys

BENCHES = ["bench.core_bench", "bench.ui_bench", "bench.csv_bench"]


def main() -> int:
    status = 0
    for name in BENCHES:
        print(f"\n=== {name} ===", flush=True)
        try:
            mod = importlib.import_module(name)
        except ImportError as exc:
            print(f"skipped: {exc}")
            continue
        status |= mod.main([]) or 0
    return status


if __name__ == "__main__":
    sys.exit(main())
