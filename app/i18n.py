"""Translations: French by default, English available.

The ``.ts`` sources live in the ``resources`` package (``resources/i18n``); the binary ``.qm``
files are not committed. The wheel and the frozen program carry ``.qm`` files compiled when
they are built (``setup.py``, ``packaging/build.py``); in a source checkout they are compiled
(``app.qm``, pure Python) into a user cache folder the first time the app starts or whenever
a ``.ts`` is newer. Source strings in the code are English; ``verso_fr.ts`` holds the French.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QStandardPaths, QTranslator

import resources
from app import qm as qm_compiler

I18N_DIR = resources.path("i18n")
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
    """Qt's ``lrelease`` (PySide6's bundled binary, else ``pyside6-lrelease``); only the tests
    use it now (to find ``lupdate`` beside it, and to check ``app.qm`` writes the same)."""
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


def packaged_qm(lang: str) -> Path | None:
    """The ``.qm`` compiled into the wheel or the frozen program, if it is current."""
    qm = I18N_DIR / f"verso_{lang}.qm"
    if not qm.is_file():
        return None
    source = ts_path(lang)
    # Installers write files in any order (a .ts may be a few ms newer than its .qm); only a
    # .ts edited well after the build makes the packaged .qm stale (a checkout, say).
    if source.is_file() and source.stat().st_mtime > qm.stat().st_mtime + 60:
        return None
    return qm


def ensure_qm(lang: str, *, target_dir: Path | None = None) -> Path | None:
    """Return an up-to-date ``verso_<lang>.qm``: the packaged one, else one compiled from
    the ``.ts`` into the cache folder when missing or stale.

    Returns None when there is neither (the app then shows the source strings, which is
    better than not starting).
    """
    if target_dir is None:
        shipped = packaged_qm(lang)
        if shipped is not None:
            return shipped
    source = ts_path(lang)
    if not source.is_file():
        return None
    out_dir = target_dir or cache_dir()
    qm = out_dir / f"verso_{lang}.qm"
    if qm.is_file() and qm.stat().st_mtime >= source.stat().st_mtime:
        return qm
    try:
        qm_compiler.compile_ts(source, qm)
    except (OSError, ValueError, SyntaxError):  # unwritable cache, broken .ts
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
