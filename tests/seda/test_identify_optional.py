"""Identification without libmagic (every Windows PC) or without fido: siegfried alone.

libmagic only adds a MIME type; its absence is said once, as information, never as a
finding on every file. An engine that cannot run gives way to siegfried, said once too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import messages
from seda import identify
from seda.findings import Code, Severity
from seda.scan import scan
from tests.conftest import XML_BYTES, odt_bytes, pdf_bytes, png_bytes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "lettre.pdf").write_bytes(pdf_bytes())
    (docs / "plan.png").write_bytes(png_bytes())
    (docs / "donnees.xml").write_bytes(XML_BYTES)
    (docs / "compte-rendu.odt").write_bytes(odt_bytes())
    (docs / "page.html").write_text(
        "<!DOCTYPE html><html><head><title>Mairie</title></head><body>ok</body></html>\n"
    )
    return docs


@pytest.fixture
def no_magic(monkeypatch: pytest.MonkeyPatch) -> None:
    """``import magic`` fails as it does where python-magic finds no libmagic."""
    monkeypatch.setitem(sys.modules, "magic", None)


@pytest.fixture
def no_fido(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fido", None)


def _puids(result) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        Path(o.source).name: o.format.puid
        for root in result.roots
        for unit in root.walk()
        for o in unit.objects
    }


def test_siegfried_identifies_without_libmagic(no_magic: None, folder: Path) -> None:
    assert "Error" in identify.magic_problem()
    engine = identify.make_identifier("siegfried")  # used to raise: no magic, no engine
    info = engine.identify(str(folder / "lettre.pdf"))
    assert info.puid.startswith("fmt/") and info.mime == "application/pdf"


def test_scan_without_libmagic_gives_pronom_ids_and_one_information(
    no_magic: None, folder: Path
) -> None:
    result = scan([folder], workers=0)
    puids = _puids(result)
    assert all(p.startswith(("fmt/", "x-fmt/")) for p in puids.values()), puids
    assert puids["lettre.pdf"].startswith("fmt/") and puids["donnees.xml"] == "fmt/101"
    codes = [f.code for f in result.findings]
    assert Code.IDENTIFY_ERROR not in codes and Code.UNKNOWN_FORMAT not in codes
    notes = [f for f in result.findings if f.code == Code.MAGIC_UNAVAILABLE]
    assert len(notes) == 1 and notes[0].severity is Severity.INFO and notes[0].path == ""
    text = messages.describe(notes[0], "fr")
    assert "libmagic" in text and "siegfried" in text and "PRONOM" in text
    assert result.engine == "siegfried"


def test_libmagic_present_gives_no_note(folder: Path) -> None:
    if identify.magic_problem():
        pytest.skip("libmagic is not usable on this machine")
    result = scan([folder], workers=0)
    assert not [f for f in result.findings if f.severity is Severity.INFO and not f.path]


def test_fido_missing_gives_way_to_siegfried(no_fido: None, folder: Path) -> None:
    assert identify.fido_problem()
    used, notes = identify.resolve_engine("fido")
    assert used == "siegfried"
    assert [n.code for n in notes][0] == Code.ENGINE_UNAVAILABLE
    result = scan([folder], engine="fido", workers=0)
    assert result.engine == "siegfried"
    assert _puids(result)["lettre.pdf"].startswith("fmt/")
    (note,) = [f for f in result.findings if f.code == Code.ENGINE_UNAVAILABLE]
    assert "fido" in messages.describe(note, "fr") and note.severity is Severity.INFO


def test_magic_engine_without_libmagic_gives_way_to_siegfried(no_magic: None) -> None:
    used, notes = identify.resolve_engine("magic")
    assert used == "siegfried" and [n.code for n in notes] == [Code.ENGINE_UNAVAILABLE]


def test_cli_scan_in_worker_processes_without_libmagic(folder: Path, tmp_path: Path) -> None:
    """As on a Windows PC: ``import magic`` fails in every process, workers included."""
    stub = tmp_path / "stub"
    stub.mkdir()
    (stub / "magic.py").write_text(
        'raise ImportError("failed to find libmagic.  Check your installation")\n'
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(stub), str(ROOT)])}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "scan",
            str(folder),
            "--format",
            "json",
            "--workers",
            "2",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    files = report["files"] if isinstance(report, dict) else report
    puids = {Path(f["path"]).name: f["puid"] for f in files}
    assert puids["lettre.pdf"].startswith("fmt/") and puids["page.html"].startswith("fmt/")
    assert "identify_error" not in done.stdout


def test_spawn_start_method_is_honoured(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """VERSO_MP_START=spawn: the worker processes start as on Windows, and still identify."""
    from seda.scan import mp_context

    monkeypatch.setenv("VERSO_MP_START", "spawn")
    assert mp_context().get_start_method() == "spawn"
    result = scan([folder], workers=2)
    assert _puids(result)["donnees.xml"] == "fmt/101"
    monkeypatch.setenv("VERSO_MP_START", "")
    expected = "forkserver" if sys.platform.startswith("linux") else "spawn"
    assert mp_context().get_start_method() == expected
