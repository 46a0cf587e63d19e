"""``verso`` without a command (or with only folders): open the window."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from app.cli.common import EXIT_FAILED, EXIT_USAGE, _err
from app.cli.parser import build_parser


# -- window ------------------------------------------------------------------------------
def _window_paths(argv: Sequence[str]) -> bool:
    """``verso DOSSIER|ZIP|SIP|TRAVAIL.verso``: paths dropped on the program's icon."""
    commands = {
        name
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    return (
        bool(argv)
        and argv[0] not in commands
        and all(not a.startswith("-") and os.path.exists(a) for a in argv)
    )


def open_window(paths: Sequence[str] = ()) -> int:
    """``verso`` alone (or with paths to open): the window (PySide6 is optional)."""
    try:
        import PySide6  # noqa: F401
    except ImportError:
        _err(
            "La fenêtre de Verso a besoin de PySide6, qui n'est pas installé.\n"
            "Installez-le avec :  pip install 'verso[gui]'\n"
            "ou utilisez la ligne de commande :  verso --help"
        )
        return EXIT_FAILED
    from app.display import window_problem

    problem = window_problem()  # before any Qt library loads: Qt would abort the process
    if problem:
        _err(problem)
        return EXIT_USAGE
    try:
        from app.main import main as gui_main
    except ImportError as exc:
        _err(
            f"Impossible d'ouvrir la fenêtre : {exc}\nLa ligne de commande reste disponible : verso --help"
        )
        return EXIT_FAILED
    return int((gui_main(list(paths)) if paths else gui_main()) or 0)
