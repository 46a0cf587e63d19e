"""The export dialog says, before writing, that the SAE will refuse the transfer."""

from __future__ import annotations

from pathlib import Path

from seda.model import Package
from tests.seda.test_validate import good_package
from ui.export_dialog import ExportDialog


def test_dialog_warns_before_writing_a_refused_transfer(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = good_package(tmp_path)
    dialog = ExportDialog(good, folder=str(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.refusal_label.isHidden()
    bad = good_package(tmp_path)
    bad.header.originating_agency = ""
    dialog = ExportDialog(bad, folder=str(tmp_path))
    qtbot.addWidget(dialog)
    assert not dialog.refusal_label.isHidden()
    assert "OriginatingAgencyIdentifier" in dialog.refusal_label.text()
    assert isinstance(bad, Package)
