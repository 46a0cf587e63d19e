"""The window says once that libmagic is missing (information), and still shows PRONOM ids."""

from __future__ import annotations

import sys
from pathlib import Path

from seda.findings import Code, Severity
from tests.conftest import XML_BYTES, pdf_bytes


def test_missing_libmagic_is_said_once_per_window(
    window, qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(sys.modules, "magic", None)  # as on a Windows PC
    said: list = []
    window.scan.findings_added.connect(said.extend)
    for n in (1, 2):
        folder = tmp_path / f"lot{n}"
        folder.mkdir()
        (folder / "lettre.pdf").write_bytes(pdf_bytes())
        (folder / "registre.xml").write_bytes(XML_BYTES)
        with qtbot.waitSignal(window.scan.scan_finished, timeout=60_000):
            assert window.scan.start([str(folder)], workers=0)
    notes = [f for f in said if f.code == Code.MAGIC_UNAVAILABLE]
    assert len(notes) == 1 and notes[0].severity is Severity.INFO
    assert not [f for f in said if f.code in (Code.IDENTIFY_ERROR, Code.UNKNOWN_FORMAT)]
    puids = {
        o.filename: o.format.puid
        for root in window.model.package.roots
        for unit in root.walk()
        for o in unit.objects
    }
    assert puids["registre.xml"] == "fmt/101" and puids["lettre.pdf"].startswith("fmt/")
