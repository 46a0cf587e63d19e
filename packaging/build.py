"""Build Verso's desktop program: ``python packaging/build.py`` -> ``dist/verso/``.

One folder (PyInstaller "onedir") holding ``verso`` (``verso.exe`` on Windows) and
everything it needs: Python, PySide6 (QtCore/QtGui/QtWidgets only), siegfried's
signatures (inside pygfried), fido's, the presets, sample referentials, Verso's compiled
translations, Qt's own French ones (``qtbase_fr``) and the icon. Copy or unzip the folder
anywhere the user can write (Documents, a USB stick) and start ``verso``: no admin rights,
nothing written beside it (settings, recovery copies go to the per-user locations).

Needs the project's dependencies plus ``pyinstaller`` (``pip install -e '.[freeze]'``).
Build on the system you target: a Windows build on Windows (see packaging/README.md).

Options: ``--zip`` also writes the archive to hand over, ``dist/verso-<version>-<system>-<cpu>``
``.zip`` (Windows) or ``.tar.gz`` (Linux); ``--clean`` starts from scratch.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NAME = "verso"

# Qt and Python modules Verso never uses: left out to keep the folder small.
EXCLUDES = [
    "tkinter",
    "unittest",
    "pydoc_data",
    "test",
    "pytest",
    "_pytest",
    "pytestqt",
    "xmlschema",
    "mypy",
    "ruff",
    "setuptools",
    "pip",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtDBus",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtMultimedia",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
]
# Qt's translations kept (the rest of its ~40 languages are dropped from the folder).
QT_LANGUAGES = ("fr", "en")


def _qm_compiler():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_verso_qm", ROOT / "app" / "qm.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _version() -> str:
    spec = importlib.util.spec_from_file_location("_verso_seda", ROOT / "seda" / "__init__.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.__version__)


def _data_args(staging: Path) -> list[str]:
    """--add-data for the resources package's data (not its .py: PyInstaller has those)."""
    sep = os.pathsep
    args = []
    for sub in ("presets", "referentials", "i18n", "icons", "help"):
        folder = ROOT / "resources" / sub
        if folder.is_dir():
            for item in sorted(folder.iterdir()):
                if item.is_file() and item.suffix not in (".py", ".pyc", ".qm", ".ts"):
                    args += ["--add-data", f"{item}{sep}resources/{sub}"]
    for qm in sorted(staging.glob("*.qm")):
        args += ["--add-data", f"{qm}{sep}resources/i18n"]
    return args


def _prune_qt_translations(bundle: Path) -> int:
    """Drop Qt's translations for languages Verso does not speak; returns bytes freed."""
    freed = 0
    for folder in bundle.rglob("translations"):
        if "PySide6" not in folder.parts:
            continue
        for qm in folder.glob("*.qm"):
            lang = qm.stem.split("_", 1)[-1]
            if lang.split("_")[0] not in QT_LANGUAGES:
                freed += qm.stat().st_size
                qm.unlink()
    return freed


def _drop_libmagic(bundle: Path) -> list[str]:
    """Remove the build machine's libmagic that PyInstaller picks up (through ctypes).

    Without its magic database beside it, it prints a warning on every file and names
    formats badly; libmagic is optional: the system's, when the PC has one (Linux
    ``libmagic1``), is used instead, else siegfried works alone and says so once.
    """
    dropped = []
    for lib in bundle.rglob("*magic*"):
        if lib.is_file() and (lib.suffix in (".so", ".dll", ".dylib") or ".so." in lib.name):
            lib.unlink()
            dropped.append(lib.name)
    return dropped


# Qt for embedded devices (framebuffer, VNC, KMS, touch screens): never on an office PC.
LINUX_UNUSED_QT = [
    "plugins/platforms/libqeglfs.so",
    "plugins/platforms/libqlinuxfb.so",
    "plugins/platforms/libqvnc.so",
    "plugins/platforms/libqminimalegl.so",
    "plugins/platforms/libqvkkhrdisplay.so",
    "plugins/egldeviceintegrations",
    "plugins/generic",
    "lib/libQt6Network.so.6",  # only libqvnc and the TUIO touch plugin (generic/) need it
    "lib/libQt6EglFSDeviceIntegration.so.6",
    "lib/libQt6EglFsKmsSupport.so.6",
]


def _slim_linux(bundle: Path) -> int:
    """Linux: drop the links PyInstaller adds beside the Qt libraries, and embedded Qt.

    PyInstaller links each Qt library from ``_internal/`` to ``_internal/PySide6/Qt/lib``;
    every PySide6 library finds its neighbours through its own RPATH, so the links only
    make archives (and size counts that follow links) hold them twice. Returns bytes freed.
    """
    if not sys.platform.startswith("linux"):
        return 0
    internal = bundle / "_internal"
    freed = 0
    for link in internal.iterdir():
        if link.is_symlink() and link.resolve().is_relative_to(internal.resolve()):
            freed += link.stat().st_size
            link.unlink()
    qt = internal / "PySide6" / "Qt"
    for rel in LINUX_UNUSED_QT:
        target = qt / rel
        if target.is_dir():
            freed += folder_size(target)
            shutil.rmtree(target)
        elif target.is_file():
            freed += target.stat().st_size
            target.unlink()
    return freed


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def biggest_parts(bundle: Path, count: int = 12) -> list[tuple[int, str]]:
    """Largest files and top folders of the bundle (for the size report)."""
    sizes: dict[str, int] = {}
    internal = bundle / "_internal"
    base = internal if internal.is_dir() else bundle
    for f in base.rglob("*"):
        if f.is_file() and not f.is_symlink():
            rel = f.relative_to(base).parts
            key = "/".join(rel[:3]) if rel[0] == "PySide6" and len(rel) > 3 else rel[0]
            sizes[key] = sizes.get(key, 0) + f.stat().st_size
    return sorted(((n, k) for k, n in sizes.items()), reverse=True)[:count]


def build(
    *,
    clean: bool = False,
    make_zip: bool = False,
    dist: Path = DIST,
    work: Path = WORK,
) -> Path:
    try:
        import PyInstaller.__main__
    except ImportError:
        sys.exit("PyInstaller manque : pip install -e '.[freeze]' (ou pip install pyinstaller)")

    started = time.monotonic()
    staging = work / "qm"
    if clean:
        shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(dist / NAME, ignore_errors=True)
    _qm_compiler().compile_dir(ROOT / "resources" / "i18n", staging)

    # the executable's icon (Windows, macOS); the window sets its own from resources/icons
    icon = ROOT / "resources" / "icons" / "verso.ico"
    args = [
        str(ROOT / "packaging" / "verso_launcher.py"),
        "--name",
        NAME,
        "--onedir",
        "--console",  # the command line needs it (hidden when double-clicked, below)
        # UTF-8 for redirected output too (`verso scan > inventaire.csv` on a cp1252 Windows)
        "--python-option",
        "X utf8",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--paths",
        str(ROOT),
        *(["--icon", str(icon)] if sys.platform in ("win32", "darwin") else []),
        # Windows: hide the console a double-click opens for us alone (not cmd's)
        *(["--hide-console", "hide-early"] if sys.platform == "win32" else []),
        "--hidden-import",
        "pygfried",
        "--hidden-import",
        "fido.fido",
        "--hidden-import",
        "fido.versions",
        "--collect-data",
        "fido",
        *[a for m in EXCLUDES for a in ("--exclude-module", m)],
        *_data_args(staging),
    ]
    if clean:
        args.append("--clean")
    PyInstaller.__main__.run(args)

    bundle = dist / NAME
    _prune_qt_translations(bundle)
    _drop_libmagic(bundle)
    _slim_linux(bundle)
    size = folder_size(bundle)
    print(f"\n{bundle} : {size / 1e6:.0f} Mo en {time.monotonic() - started:.0f} s")
    for n, part in biggest_parts(bundle):
        print(f"  {n / 1e6:7.1f} Mo  {part}")
    if make_zip:
        system = {"Windows": "windows", "Linux": "linux", "Darwin": "macos"}.get(
            platform.system(), platform.system().lower()
        )
        archive = dist / f"{NAME}-{_version()}-{system}-{platform.machine().lower()}"
        # a zip for Windows (Explorer opens it); a .tar.gz elsewhere (keeps the exec bits)
        kind = "zip" if os.name == "nt" else "gztar"
        made = shutil.make_archive(str(archive), kind, dist, NAME)
        print(f"{made} : {Path(made).stat().st_size / 1e6:.0f} Mo")
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/verso/ with PyInstaller.")
    parser.add_argument("--clean", action="store_true", help="rebuild from scratch")
    parser.add_argument("--zip", action="store_true", help="also write a zip to hand over")
    parser.add_argument("--distpath", type=Path, default=DIST, help="where verso/ goes (dist)")
    parser.add_argument("--workpath", type=Path, default=WORK, help="build files")
    args = parser.parse_args(argv)
    build(clean=args.clean, make_zip=args.zip, dist=args.distpath, work=args.workpath)
    return 0


if __name__ == "__main__":
    sys.exit(main())
