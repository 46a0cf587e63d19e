"""Verso's data files: presets, sample referentials, translations, icons, the user guide.

A package so that the wheel, an editable checkout and the frozen program (PyInstaller) all
find them the same way, through ``importlib.resources``; never through a path beside the
source tree. The ``.qm`` translations are compiled from the ``.ts`` sources when the wheel or
the frozen program is built (``app.qm``), and at first start in a checkout (``app.i18n``).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def path(*parts: str) -> Path:
    """A file or folder shipped here, as a real path (the package is never zipped)."""
    return Path(str(files(__name__).joinpath(*parts)))


def example_preset() -> Path:
    """The example transfer profile (its referentials are paths relative to it)."""
    return path("presets", "example.yaml")
