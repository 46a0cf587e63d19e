"""An installed Verso, not a source folder: the wheel carries its data and works alone.

``test_wheel_installed_outside_the_source_tree`` builds the wheel from a copy of the source
(then deleted, as a clone would be), installs it non-editable in a fresh virtualenv (no
system site-packages) and, from another folder, exports a SIP with the packaged example
preset and checks the compiled French translations are there. It needs the package
registry (or pip's cache) for the dependencies: about a minute.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app import qm
from tests.conftest import XML_BYTES, pdf_bytes

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "i18n"


def _lrelease() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    exe = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    return exe if exe.is_file() else None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_qm_writer_matches_lrelease(tmp_path: Path, lang: str) -> None:
    """app.qm writes byte for byte what Qt's lrelease writes (plural forms included)."""
    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("lrelease (PySide6) not available")
    ts = TS_DIR / f"verso_{lang}.ts"
    ours = qm.compile_ts(ts, tmp_path / "ours.qm")
    theirs = tmp_path / "theirs.qm"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(theirs)], check=True, timeout=120)
    assert ours.read_bytes() == theirs.read_bytes()


def test_qm_writer_output_is_read_by_qt(tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QTranslator

    source = tmp_path / "t.ts"
    source.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="fr_FR">
<context><name>Ctx</name>
<message><source>Open</source><translation>Ouvrir « ça » 📁</translation></message>
<message><source>Open</source><comment>verb, menu</comment><translation>Ouvrez</translation></message>
<message><source>Gone</source><translation type="obsolete">Parti</translation></message>
<message><source>Todo</source><translation type="unfinished"></translation></message>
<message numerus="yes"><source>%n file(s)</source><translation>
<numerusform>%n fichier</numerusform><numerusform>%n fichiers</numerusform></translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    out = qm.compile_ts(source, tmp_path / "t.qm")
    tr = QTranslator()
    assert tr.load(str(out))
    assert tr.language() == "fr_FR"
    assert tr.translate("Ctx", "Open") == "Ouvrir « ça » 📁"
    assert tr.translate("Ctx", "Open", "verb, menu") == "Ouvrez"
    assert tr.translate("Ctx", "Gone") == "" and tr.translate("Ctx", "Todo") == ""
    assert tr.translate("Ctx", "%n file(s)", None, 1) == "%n fichier"
    assert tr.translate("Ctx", "%n file(s)", None, 0) == "%n fichier"  # French: 0 is singular
    assert tr.translate("Ctx", "%n file(s)", None, 2) == "%n fichiers"


def _copy_source(dest: Path) -> Path:
    """The files a clone has (no venv, caches, builds)."""
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "*.qm"
    )
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


# the test's own PYTHONPATH (the source tree) must not leak into the installed program
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    kw.setdefault("env", CLEAN_ENV)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def test_wheel_installed_outside_the_source_tree(tmp_path: Path) -> None:
    clone = _copy_source(tmp_path / "clone")
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(clone)])
    (wheel,) = wheels.glob("verso-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for member in (
        "resources/__init__.py",
        "resources/presets/example.yaml",
        "resources/referentials/exemple-regles.csv",
        "resources/i18n/verso_fr.qm",
        "resources/i18n/verso_en.qm",
        "resources/help/guide_fr.html",
    ):
        assert member in names, member
    shutil.rmtree(clone)  # nothing may be read from the source tree any more

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    _run([str(python), "-m", "pip", "install", "-q", str(wheel)])

    work = tmp_path / "work"
    docs = work / "Conseil municipal"
    docs.mkdir(parents=True)
    (docs / "deliberation.pdf").write_bytes(pdf_bytes())
    (docs / "registre.xml").write_bytes(XML_BYTES)
    env = CLEAN_ENV
    where = _run(
        [
            str(python),
            "-c",
            "import app, resources; print(app.__file__); print(resources.example_preset())",
        ],
        cwd=work,
        env=env,
    ).stdout.split("\n")
    site = Path(where[0]).parents[1]
    assert Path(where[0]).is_relative_to(venv) and not Path(where[0]).is_relative_to(ROOT)
    preset = Path(where[1])
    assert preset.is_relative_to(venv) and preset.is_file()

    verso = bindir / ("verso.exe" if os.name == "nt" else "verso")
    version = _run([str(verso), "--version"], cwd=work, env=env).stdout
    from seda import __version__

    assert version.strip() == f"verso {__version__}"
    out = work / "versement.zip"
    done = _run(
        [str(verso), "export", "Conseil municipal", "-o", str(out), "--preset", str(preset)],
        cwd=work,
        env=env,
    )
    assert "Versement écrit" in done.stdout
    with zipfile.ZipFile(out) as sip:
        manifest = sip.read("manifest.xml").decode("utf-8")
    assert "FRAN_NP_009913" in manifest  # the packaged preset's archival agency
    assert "APP-00001" in manifest  # its default rule, checked against its packaged referential
    assert "fmt/" in manifest
    # the person never sees site-packages: the shipped preset answers to its name
    done = _run(
        [str(verso), "export", "Conseil municipal", "-o", "v2.zip", "--preset", "example"],
        cwd=work,
        env=env,
    )
    with zipfile.ZipFile(work / "v2.zip") as sip:
        assert "FRAN_NP_009913" in sip.read("manifest.xml").decode("utf-8")

    # the French UI strings are compiled in, and Qt reads them
    fr = site / "resources" / "i18n" / "verso_fr.qm"
    assert fr.is_file()
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QTranslator

    tr = QTranslator()
    assert tr.load(str(fr))
    assert tr.translate("ExportController", "&Export the SIP…") == "E&xporter le SIP…"
