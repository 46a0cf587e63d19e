"""The one-folder desktop program (``packaging/build.py``), built and run as a person would.

Skipped where PyInstaller is not installed (``pip install -e '.[freeze]'``; the ``test``
extra has it so CI runs it). Marked ``frozen``: ``pytest -m frozen`` runs it alone. Builds in
a temporary folder (~20-60 s), then runs the program from another folder with a clean
environment: ``--version``, ``scan`` (PRONOM ids, worker processes of the frozen program,
forkserver and spawn), an export with the bundled preset, and the French message and exit
2 when there is no display. Nothing may be written inside the program's folder.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from seda import __version__
from tests.conftest import XML_BYTES, pdf_bytes

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 250_000_000

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller not installed"
    ),
    pytest.mark.skipif(
        os.name != "nt" and not sysconfig.get_config_var("Py_ENABLE_SHARED"),
        reason="PyInstaller needs a Python built with its shared library",
    ),
]


def _listing(folder: Path) -> dict[str, float]:
    return {str(p.relative_to(folder)): p.stat().st_mtime for p in folder.rglob("*")}


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("frozen")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--distpath",
            str(base / "dist"),
            "--workpath",
            str(base / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return base / "dist" / "verso"


def _env(home: Path, **extra: str) -> dict[str, str]:
    """A person's environment: no PYTHONPATH, no virtualenv, a home of their own."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV") and not k.startswith("VERSO_")
    }
    env["PATH"] = "/usr/bin:/bin"
    env["HOME"] = str(home)
    env.update(extra)
    return env


def test_frozen_program(bundle: Path, tmp_path: Path) -> None:
    exe = bundle / ("verso.exe" if os.name == "nt" else "verso")
    assert exe.is_file()
    # counted as an archive would hold it (links followed: build.py leaves none on Linux)
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    assert size < LIMIT, f"{size / 1e6:.0f} MB"
    inside = {p.name for p in bundle.rglob("*")}
    for name in ("verso_fr.qm", "qtbase_fr.qm", "example.yaml", "exemple-regles.csv"):
        assert name in inside, name
    # the build machine's libmagic (without its database) is left out: the PC's is used
    assert not [n for n in inside if n.startswith("libmagic")]
    before = _listing(bundle)

    elsewhere = tmp_path / "Documents"
    docs = elsewhere / "Arrêtés 2024"
    docs.mkdir(parents=True)
    (docs / "arrete-001.pdf").write_bytes(pdf_bytes())
    (docs / "registre.xml").write_bytes(XML_BYTES)
    home = tmp_path / "home"
    home.mkdir()

    def run(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(exe), *args],
            cwd=elsewhere,
            env=_env(home, **extra),
            capture_output=True,
            text=True,
            timeout=300,
        )

    done = run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"verso {__version__}"

    for method in ("", "spawn"):
        done = run("scan", "Arrêtés 2024", "--format", "json", VERSO_MP_START=method)
        assert done.returncode == 0, done.stderr
        puids = {Path(f["path"]).name: f["puid"] for f in json.loads(done.stdout)["files"]}
        assert puids == {"arrete-001.pdf": puids["arrete-001.pdf"], "registre.xml": "fmt/101"}
        assert puids["arrete-001.pdf"].startswith("fmt/")

    done = run("export", "Arrêtés 2024", "-o", "versement.zip", "--preset", "example")
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(elsewhere / "versement.zip") as sip:
        assert "FRAN_NP_009913" in sip.read("manifest.xml").decode("utf-8")

    if sys.platform.startswith("linux"):  # no display: a French sentence and 2, not an abort
        done = run(DISPLAY="", WAYLAND_DISPLAY="", QT_QPA_PLATFORM="")
        assert done.returncode == 2, done.stderr
        assert "ne peut pas ouvrir sa fenêtre" in done.stderr

    assert _listing(bundle) == before, "the program wrote inside its own folder"
