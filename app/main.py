"""Entry point of the desktop app (``verso-gui``, and ``verso`` with no argument).

Only this module builds the window: ``seda`` <- ``app`` services <- ``ui`` <- ``app.main``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

EXIT_NO_WINDOW = 2  # like a usage error: the person's setup, not Verso, must change


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window; folders/files given as arguments are scanned at once.

    When Qt could not open a window here (no display, a system library missing), say in
    French what is missing and return 2, rather than letting Qt abort the process.
    """
    from app.display import window_problem

    if not _has_app():
        problem = window_problem()
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_NO_WINDOW
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.settings import APPLICATION, ORGANIZATION, Settings
    from app.tasks import fix_signal_emit

    fix_signal_emit()  # PySide6 6.12: see app.tasks
    args = list(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *args])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    from ui.icons import app_icon

    app.setWindowIcon(app_icon())
    settings = Settings()
    i18n.install(app, settings.get("ui/language"))

    from seda.scan import keep_workers, shutdown_workers
    from ui.main_window import MainWindow

    keep_workers(True)  # the next scan finds the engines loaded (started at the first scan)
    window = MainWindow(settings)
    window.show()
    _remove_temps_on_termination(app)
    app.aboutToQuit.connect(shutdown_workers)
    paths = [os.path.abspath(a) for a in args if not a.startswith("-") and os.path.exists(a)]
    if paths:
        QTimer.singleShot(0, lambda: window.open_dropped(paths))  # .verso, SIP or folders
    return int(app.exec())


def _has_app() -> bool:
    """A QApplication already runs (tests): the platform plugin evidently loaded."""
    qtcore = sys.modules.get("PySide6.QtCore")
    return qtcore is not None and qtcore.QCoreApplication.instance() is not None


def _remove_temps_on_termination(app: object) -> None:
    """SIGTERM / SIGHUP (session logout, task manager): remove every temporary file being
    written (saved work, recovery copy, export, slip: ``seda.atomic``'s registry), then
    quit. Python runs signal handlers only between bytecodes, hence the idle timer that
    lets it look while Qt's event loop waits."""
    import signal

    from PySide6.QtCore import QTimer

    from seda.atomic import remove_live_temps

    def handler(signum: int, frame: object) -> None:
        remove_live_temps()
        app.quit()  # type: ignore[attr-defined]

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                if signal.getsignal(sig) != signal.SIG_IGN:  # nohup: keep ignoring it
                    signal.signal(sig, handler)
            except (OSError, ValueError):
                return
    timer = QTimer(app)  # type: ignore[call-overload]
    timer.timeout.connect(lambda: None)
    timer.start(500)


if __name__ == "__main__":
    sys.exit(main())
