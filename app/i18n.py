"""Translations: French by default, English available.

The ``.ts`` sources live in ``resources/i18n``; the binary ``.qm`` files are not committed.
They are compiled with ``lrelease`` (shipped in PySide6-Essentials) into a user cache folder
the first time the app starts or whenever a ``.ts`` is newer, so ``pip install`` is enough.
Source strings in the code are English; ``verso_fr.ts`` holds the French.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QStandardPaths, QTranslator

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
DEFAULT_LANGUAGE = "fr"

# Translators stay referenced here, else Python would collect them while installed.
_installed: list[QTranslator] = []
_language = DEFAULT_LANGUAGE


def current_language() -> str:
    """The language last installed ("fr" before any): for texts from ``app.labels``."""
    return _language


def ts_path(lang: str) -> Path:
    return I18N_DIR / f"verso_{lang}.ts"


def cache_dir() -> Path:
    """Where compiled ``.qm`` files go (``VERSO_CACHE_DIR`` overrides, e.g. in tests)."""
    override = os.environ.get("VERSO_CACHE_DIR")
    if override:
        return Path(override) / "i18n"
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    if not base:
        base = str(Path.home() / ".cache")
    return Path(base) / "verso" / "i18n"


def lrelease_command() -> list[str] | None:
    """The ``lrelease`` program: PySide6's bundled binary, else ``pyside6-lrelease``."""
    import PySide6

    exe = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    bundled = Path(PySide6.__file__).resolve().parent / exe
    if bundled.is_file():
        return [str(bundled)]
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
        if found:
            return [found]
    return None


def ensure_qm(lang: str, *, target_dir: Path | None = None) -> Path | None:
    """Return an up-to-date ``verso_<lang>.qm``, compiling it when missing or stale.

    Returns None when there is no source or no compiler (the app then shows the source
    strings, which is better than not starting).
    """
    source = ts_path(lang)
    if not source.is_file():
        return None
    out_dir = target_dir or cache_dir()
    qm = out_dir / f"verso_{lang}.qm"
    if qm.is_file() and qm.stat().st_mtime >= source.stat().st_mtime:
        return qm
    command = lrelease_command()
    if command is None:
        return None
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        tmp = qm.with_suffix(f".{os.getpid()}.tmp.qm")
        subprocess.run(
            [*command, "-silent", str(source), "-qm", str(tmp)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        os.replace(tmp, qm)
    except (OSError, subprocess.SubprocessError):
        return qm if qm.is_file() else None
    return qm


def install(app: QCoreApplication, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Install Verso's and Qt's own translators for ``lang``; True if Verso's loaded."""
    global _language
    _language = lang
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English)
    )
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir) or qt.load(f"qt_{lang}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    qm = ensure_qm(lang)
    if qm is None:
        return False
    ours = QTranslator(app)
    if not ours.load(str(qm)):
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    return True
