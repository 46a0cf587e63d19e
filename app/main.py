"""Entry point of the desktop app (``verso-gui``, and ``verso`` with no argument).

Only this module builds the window: ``seda`` <- ``app`` services <- ``ui`` <- ``app.main``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from app import i18n
from app.settings import APPLICATION, ORGANIZATION, Settings


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window; folders/files given as arguments are scanned at once."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.tasks import fix_signal_emit

    fix_signal_emit()  # PySide6 6.12: see app.tasks
    args = list(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    settings = Settings()
    i18n.install(app, settings.get("ui/language"))

    from seda.scan import keep_workers, shutdown_workers
    from ui.main_window import MainWindow

    keep_workers(True)  # the next scan finds the engines loaded (started at the first scan)
    window = MainWindow(settings)
    window.show()
    app.aboutToQuit.connect(shutdown_workers)
    paths = [os.path.abspath(a) for a in args if not a.startswith("-") and os.path.exists(a)]
    if paths:
        QTimer.singleShot(0, lambda: window.open_dropped(paths))  # .verso, SIP or folders
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
