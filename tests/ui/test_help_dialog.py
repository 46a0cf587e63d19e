"""ui.help_dialog: the French user guide (Aide) and the About box (À propos)."""

from __future__ import annotations

import re

from PySide6.QtCore import qVersion

from app import i18n
from seda import __version__
from seda.model import SEDA_VERSIONS
from ui.help_dialog import AboutDialog, HelpDialog, guide_html, show_help


def test_guide_is_french_and_follows_the_day(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Aide de Verso"
    text = dialog.browser.toPlainText()
    steps = [
        "profil de versement",
        "Déposer",
        "remarques",
        "Règles",
        "Enregistrer",
        "Vérifier",
        "Exporter",
    ]
    places = [text.find(step) for step in steps]
    assert -1 not in places, dict(zip(steps, places, strict=True))
    assert places == sorted(places), "the guide follows the order of the day's work"
    assert "%APPDATA%" in text and "~/.local/share/verso" in text  # where things are kept


def test_guide_in_english_when_the_interface_is(qapp) -> None:  # type: ignore[no-untyped-def]
    try:
        i18n.install(qapp, "en")
        assert "Drop the documents" in guide_html()
    finally:
        i18n.install(qapp, "fr")
    assert "Déposer les documents" in guide_html()


def test_show_help_opens_a_window(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    dialog = show_help()
    qtbot.addWidget(dialog)
    assert dialog.isVisible()


def test_about_lists_versions(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(signature_version="DROID_SignatureFile_V125.xml", ask_engine=False)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "À propos de Verso"
    rows = dict(dialog.rows())
    assert rows["Version de Verso"] == __version__
    assert rows["Versions du SEDA"] == ", ".join(SEDA_VERSIONS) == "2.1, 2.2, 2.3"
    assert rows["Signatures de siegfried"] == "DROID_SignatureFile_V125.xml"
    assert rows["Version de Qt"].startswith(qVersion())
    assert rows["libmagic (types MIME)"] in ("installé", "non installé (facultatif)")
    shown = dialog.label.text()
    assert __version__ in shown and "DROID_SignatureFile_V125.xml" in shown


def test_about_asks_a_worker_for_siegfried_signatures(qtbot, french) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dict(dialog.rows())["Signatures de siegfried"] == "chargement…"
    qtbot.waitUntil(lambda: bool(dialog.signature_version), timeout=60_000)
    assert re.search(r"DROID_SignatureFile_V\d+", dialog.signature_version)
    assert dialog.engine_version.startswith("siegfried")
    assert "DROID_SignatureFile" in dialog.label.text()
    dialog.reject()
    assert dialog._pool is None


def test_help_actions_for_the_main_window(qtbot, french, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QMainWindow

    import ui.help_dialog as help_dialog

    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("Aide")
    shown: list[str] = []
    monkeypatch.setattr(help_dialog, "show_about", lambda parent, sig: shown.append(sig) or 0)
    guide, about = help_dialog.add_help_actions(menu, window, lambda: "V125")
    assert [a.text() for a in menu.actions()] == ["&Guide d'utilisation", "À &propos de Verso"]
    assert guide.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    guide.trigger()
    opened = [w for w in window.findChildren(HelpDialog) if w.isVisible()]
    assert len(opened) == 1 and "Déposer les documents" in opened[0].browser.toPlainText()
    about.trigger()
    assert shown == ["V125"]
