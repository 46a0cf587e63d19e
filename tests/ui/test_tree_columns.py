"""The tree's columns leave the title its room on a laptop screen; widths dragged by hand
are the user's, kept across restarts."""

from __future__ import annotations

from PySide6.QtCore import QRect

from tests.ui.conftest import build_package
from ui.tree_model import COL_COTE, COL_TITLE


def _title_share(window) -> float:  # type: ignore[no-untyped-def]
    tree = window.tree
    return tree.columnWidth(COL_TITLE) / tree.viewport().width()


def test_title_keeps_its_room_on_a_laptop(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.model.set_package(build_package())
    window.fit_to_screen(QRect(0, 0, 1366, 728))  # 768 less a task bar
    qtbot.wait(50)
    # before: the fixed columns (550 px) left the title ~100-170 px of ~700
    assert _title_share(window) >= 0.38
    window.tree._show_cote(True)  # a numbered package: one more column, the title keeps it
    assert _title_share(window) >= 0.38
    assert window.tree.columnWidth(COL_COTE) >= window.tree.header().minimumSectionSize()
    # on a wide screen the columns get their natural widths
    window.resize(1900, 900)
    qtbot.wait(50)
    assert window.tree.columnWidth(COL_COTE) == window.tree.NATURAL_WIDTHS[COL_COTE]


def test_widths_set_by_hand_stay_and_are_remembered(qtbot, window, settings_store) -> None:  # type: ignore[no-untyped-def]
    from app.settings import Settings
    from ui.main_window import MainWindow
    from ui.tree_model import COL_LEVEL

    window.model.set_package(build_package())
    window.tree.set_user_sized(True)
    window.tree.header().resizeSection(COL_LEVEL, 300)
    window.resize(900, 600)
    qtbot.wait(50)
    assert window.tree.columnWidth(COL_LEVEL) == 300  # not refitted
    window.save_settings()
    again = MainWindow(Settings(settings_store), workers=1, lang="fr")
    qtbot.addWidget(again)
    assert again.tree.user_sized()
