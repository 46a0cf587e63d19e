"""Dropping a zip on the window gives the same tree as dropping the unzipped folder."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from seda.findings import Code
from seda.model import DescriptionLevel
from tests.ui.test_main_window import drop_paths, make_folder, unit_by_title, wait_scan
from ui.main_window import MainWindow


def zip_of(folder: Path, dest: Path) -> Path:
    """Zip ``folder`` as Windows' "Send to > Compressed folder" does (top folder inside)."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder.parent).as_posix())
    return dest


def test_dropped_zip_becomes_a_folder_tree(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    archive = zip_of(folder, tmp_path / "Mairie.zip")
    with zipfile.ZipFile(archive, "a") as zf:
        zf.writestr("Mairie/Thumbs.db", b"cache")
    drop_paths(window, [archive])
    wait_scan(qtbot, window)
    package = window.model.package
    assert [(r.title, r.level) for r in package.roots] == [("Mairie", DescriptionLevel.RECORD_GRP)]
    titles = sorted(u.title for u in package.walk())
    assert titles == sorted(
        ["Mairie", "Budget", "Courrier", "lettre.pdf", "plan.png", "notes.txt", "inconnu.bin"]
    )
    pdf = unit_by_title(window, "lettre.pdf").objects[0]
    assert pdf.source.startswith("zip:") and pdf.source.endswith("!Mairie/Courrier/lettre.pdf")
    data = (folder / "Courrier" / "lettre.pdf").read_bytes()
    assert pdf.digest == hashlib.sha512(data).hexdigest() and pdf.size == len(data)
    assert pdf.format.puid == "fmt/18"
    # the tree model shows the zip's folders under the root
    root_index = window.model.index(0, 0)
    assert window.model.rowCount(root_index) == 2
    assert str(Code.EXCLUDED) in [str(f.code) for f in window.findings.findings]


def test_dropped_corrupt_zip_is_a_finding(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    archive = zip_of(folder, tmp_path / "Mairie.zip")
    broken = tmp_path / "coupé.zip"
    broken.write_bytes(archive.read_bytes()[:200])
    drop_paths(window, [broken, folder])
    wait_scan(qtbot, window)
    assert [r.title for r in window.model.package.roots] == ["Mairie"]
    assert str(Code.ZIP_CORRUPT) in [str(f.code) for f in window.findings.findings]
