"""``seda`` stays pure Python: importing all of it loads no Qt, ``app`` or ``ui`` module."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import seda

CODE = """
import importlib, json, pkgutil, sys
import seda
names = ["seda"] + [m.name for m in pkgutil.walk_packages(seda.__path__, "seda.")]
for name in names:
    importlib.import_module(name)
bad = sorted(
    m for m in sys.modules
    if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6", "app", "ui")
)
print(json.dumps({"imported": names, "bad": bad}))
"""


def test_seda_imports_no_qt_app_or_ui() -> None:
    root = Path(seda.__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, check=True, cwd=root
    )
    report = json.loads(out.stdout.strip().splitlines()[-1])
    expected = {m.name for m in pkgutil.walk_packages(seda.__path__, "seda.")}
    assert expected <= set(report["imported"])
    assert {"seda.scan", "seda.identify", "seda.model"} <= set(report["imported"])
    assert report["bad"] == []
