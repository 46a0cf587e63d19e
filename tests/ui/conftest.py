"""Qt tests run headless, with settings and compiled translations in temporary folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

import app.tasks  # noqa: E402, F401 - applies the PySide6 6.12 emit fix before any test
from seda.model import ArchiveUnit, BinaryObject, DescriptionLevel, FormatInfo, Package  # noqa: E402

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _qm_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compile translations once per session into a throwaway cache folder."""
    old = os.environ.get("VERSO_CACHE_DIR")
    os.environ["VERSO_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("VERSO_CACHE_DIR", None)
    else:
        os.environ["VERSO_CACHE_DIR"] = old


@pytest.fixture
def settings_store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "verso.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings_store):  # type: ignore[no-untyped-def]
    """The real main window, French, one analysis worker; background jobs stopped after."""
    from app.settings import Settings
    from ui.main_window import MainWindow

    w = MainWindow(Settings(settings_store), workers=1, lang="fr")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.runner.cancel_all()
    w.runner.wait(10_000)


def build_package(groups: int = 3, items: int = 4) -> Package:
    """A hand-built package: ``groups`` folders of ``items`` files, plus a nested folder."""
    package = Package()
    for g in range(groups):
        folder = ArchiveUnit(title=f"Dossier {g + 1}", level=DescriptionLevel.RECORD_GRP)
        for i in range(items):
            item = ArchiveUnit(title=f"pièce {g + 1}.{i + 1}", level=DescriptionLevel.ITEM)
            item.objects.append(
                BinaryObject(
                    source=f"/tmp/nowhere/{g}/{i}.pdf",
                    filename=f"{i}.pdf",
                    size=1000 * (i + 1),
                    digest="ab" * 64,
                    format=FormatInfo("fmt/18", "Acrobat PDF 1.4", "1.4", "application/pdf"),
                )
            )
            folder.add(item)
        package.roots.append(folder)
    sub = ArchiveUnit(title="Sous-dossier", level=DescriptionLevel.SUBGRP)
    sub.add(ArchiveUnit(title="note", level=DescriptionLevel.ITEM))
    package.roots[0].add(sub)
    return package


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window asked the desktop to open (files, folders), instead of opening it."""
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    return opened


@pytest.fixture
def scanned(qtbot, window, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The window after scanning a small « Mairie » folder (a PDF and a text file), both
    agencies named; Export does not ask about the incomplete header."""
    from tests.conftest import pdf_bytes

    top = tmp_path / "Mairie"
    (top / "Courrier").mkdir(parents=True)
    (top / "Courrier" / "lettre.pdf").write_bytes(pdf_bytes())
    (top / "notes.txt").write_text("Budget primitif 2021\n", encoding="utf-8")
    window.add_paths([top])
    qtbot.waitUntil(lambda: not window.scan.running, timeout=60_000)
    header = window.model.package.header
    header.transferring_agency_name = "Mairie de Saint-Exemple"
    header.archival_agency_name = "Archives départementales"
    window.exporter.confirm_export = lambda errors: True
    return window


@pytest.fixture
def french(qapp):  # type: ignore[no-untyped-def]
    """The window's words as a French user reads them (the app's own ``i18n.install``),
    installed before the window is built. Afterwards the translators are as they were:
    the same language again, or none when none was installed (tests that read the
    English source texts)."""
    from app import i18n

    before = i18n.current_language() if i18n._installed else None
    assert i18n.install(qapp, "fr")
    yield
    if before is not None:
        i18n.install(qapp, before)
    else:
        for translator in i18n._installed:
            qapp.removeTranslator(translator)
        i18n._installed.clear()
