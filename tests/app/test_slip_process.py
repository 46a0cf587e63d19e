"""The PDF slip made in a child process (``app.slip_process``: PySide6 holds the GIL during
Qt's text layout, so the window's thread would stop even with the slip in a worker), and
the PDF writer's failures said as findings."""

from __future__ import annotations

import errno
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from app import bordereau_pdf
from app.bordereau import BordereauError, Verdict
from app.slip_process import write_pdf_in_child
from seda.findings import Code
from seda.progress import Cancelled
from tests.app.test_bordereau import leftovers, package
from tests.app.test_bordereau_pdf import pages


class Recorder:
    def __init__(self, cancel: bool = False) -> None:
        self.reports: list[tuple[int, int]] = []
        self.cancel = cancel

    def report(self, done: int, total: int, message: str = "") -> None:
        self.reports.append((done, total))

    def cancelled(self) -> bool:
        return self.cancel


def test_the_pdf_is_made_in_a_child_process_with_progress(tmp_path: Path) -> None:
    pkg = package(units=30, per_folder=10)
    pkg.header.archival_agency_name = "Archives départementales"
    progress = Recorder()
    pid = write_pdf_in_child(
        pkg, tmp_path / "b.pdf", progress=progress, verdict=Verdict(errors=2), annex=True
    )
    assert pid != os.getpid()
    text = " ".join(pages(tmp_path / "b.pdf"))
    assert "Bordereau de versement" in text and "Archives départementales" in text
    assert "2 erreurs que le service d'archives refuserait" in text
    assert "Annexe : liste des fichiers" in text
    dones = [d for d, _t in progress.reports]
    assert dones == sorted(dones) and dones[-1] == progress.reports[-1][1]  # to the end
    assert leftovers(tmp_path) == []


def test_a_refused_destination_starts_no_process(tmp_path: Path) -> None:
    with pytest.raises(BordereauError) as caught:
        write_pdf_in_child(package(), tmp_path / "absent" / "b.pdf")
    assert caught.value.findings[0].code == Code.UNSAFE_DESTINATION


def test_a_cancel_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        write_pdf_in_child(package(), tmp_path / "b.pdf", progress=Recorder(cancel=True))
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_said_as_such_and_leaves_the_previous_pdf(
    tmp_path: Path, monkeypatch
) -> None:
    real = bordereau_pdf.atomic_file

    class Full:
        def __init__(self, out) -> None:  # type: ignore[no-untyped-def]
            self.out = out

        def write(self, data: bytes) -> int:
            self.out.write(data[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

    @contextmanager
    def full_disk(dest, *args, **kwargs):  # type: ignore[no-untyped-def]
        with real(dest, *args, **kwargs) as out:
            yield Full(out)

    monkeypatch.setattr(bordereau_pdf, "atomic_file", full_disk)
    dest = tmp_path / "b.pdf"
    dest.write_bytes(b"%PDF signed")
    with pytest.raises(BordereauError) as caught:
        bordereau_pdf.write_bordereau_pdf(package(), dest)
    assert [f.code for f in caught.value.findings] == [Code.DISK_FULL]
    assert dest.read_bytes() == b"%PDF signed" and sorted(p.name for p in tmp_path.iterdir()) == [
        "b.pdf"
    ]


def test_a_refused_write_is_said_in_french(tmp_path: Path) -> None:
    from app.bordereau import write_failure
    from app.messages import text

    error = write_failure(PermissionError(errno.EACCES, "Permission denied"), tmp_path / "b")
    said = text(error.findings[0])
    assert "accès refusé" in said and "Permission denied" not in said
