"""The house style, checked where CI runs: ruff (lint and format) on the code, mypy --strict
on ``seda``. Skipped only when the tool is not installed (``pip install -e '.[test]'`` has
them), so a checkout without them still runs the rest of the suite."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODE = ["seda", "app", "ui", "resources", "tests", "bench", "packaging"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff not installed")
def test_ruff_lint_and_format() -> None:
    lint = _run("ruff", "check", *CODE)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = _run("ruff", "format", "--check", *CODE)
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy not installed")
def test_seda_is_strictly_typed() -> None:
    result = _run("mypy", "--no-incremental", "--strict", "seda")
    assert result.returncode == 0, result.stdout + result.stderr
