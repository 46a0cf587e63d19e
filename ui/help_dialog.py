"""*Aide* and *À propos*: the short user guide, and what this copy of Verso is made of.

``HelpDialog`` shows ``resources/help/guide_<lang>.html`` (French, or English), the day's
work in order. ``AboutDialog`` lists Verso's version (``seda.__version__``, the one version
source), the SEDA versions it writes, siegfried's signature file, Qt's and Python's versions
and whether the optional libmagic is there. Siegfried's signature version is only known by
loading the engine (a Go runtime that must stay out of the window's process): the dialog
takes the one the last scan reported, or asks a worker process in the background.

Wiring (main window): ``add_help_actions(help_menu, window, signature_version)`` adds
*Guide d'utilisation* (F1) and *À propos de Verso*; or call ``show_help(parent)`` and
``show_about(parent, signature_version)`` from actions of one's own.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from importlib import metadata

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import resources
from seda import __version__ as VERSO_VERSION
from seda.model import SEDA_VERSIONS


def guide_language() -> str:
    """ "fr" unless the interface runs in another language (then "en")."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def guide_html(lang: str | None = None) -> str:
    """The user guide's HTML in ``lang`` (French when there is none in that language)."""
    lang = lang or guide_language()
    path = resources.path("help", f"guide_{lang}.html")
    if not path.is_file():
        path = resources.path("help", "guide_fr.html")
    return path.read_text(encoding="utf-8")


class HelpDialog(QDialog):
    """The user guide, in a resizable window with links opened by the system."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verso help"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setHtml(guide_html(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 620)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def _signatures_in_worker(engine: str) -> tuple[str, str]:
    from seda.identify import engine_versions

    return engine_versions(engine)


class AboutDialog(QDialog):
    """Versions of Verso and of what it stands on; ``rows`` holds (label, value) pairs."""

    def __init__(
        self,
        parent: QWidget | None = None,
        signature_version: str = "",
        *,
        ask_engine: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Verso"))
        self.signature_version = signature_version
        self.engine_version = ""
        self._future: Future[tuple[str, str]] | None = None
        self._pool: ProcessPoolExecutor | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self._poll = QTimer(self)
        self._poll.setInterval(100)
        self._poll.timeout.connect(self._check_engine)
        if not signature_version and ask_engine:
            self._ask_engine()
        self._refresh()

    def rows(self) -> list[tuple[str, str]]:
        from seda.identify import magic_problem

        magic = self.tr("not installed (optional)") if magic_problem() else self.tr("installed")
        signatures = self.signature_version or (
            self.tr("loading…") if self._future is not None else self.tr("unknown")
        )
        pygfried = _version("pygfried")
        return [
            (self.tr("Verso version"), VERSO_VERSION),
            (self.tr("SEDA versions"), ", ".join(SEDA_VERSIONS)),
            (self.tr("Siegfried signatures"), signatures),
            (
                self.tr("Identification engine"),
                self.engine_version or (f"pygfried {pygfried}" if pygfried else ""),
            ),
            (self.tr("libmagic (MIME types)"), magic),
            (self.tr("Qt version"), f"{qVersion()} (PySide6 {PYSIDE_VERSION})"),
            (self.tr("Python version"), platform.python_version()),
        ]

    def _refresh(self) -> None:
        cells = "".join(
            f"<tr><td style='padding-right:12px'><b>{label}</b></td><td>{value}</td></tr>"
            for label, value in self.rows()
        )
        intro = self.tr(
            "Verso prepares SEDA transfer packages (SIP) for a Vitam archiving system. "
            "Your files are only read, never changed."
        )
        self.label.setText(f"<h3>Verso {VERSO_VERSION}</h3><p>{intro}</p><table>{cells}</table>")
        self.adjustSize()  # the signatures arrive later and take more room

    # -- siegfried's signature version, from a worker process ---------------------------------
    def _ask_engine(self) -> None:
        from seda.scan import mp_context

        try:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=mp_context())
            self._future = self._pool.submit(_signatures_in_worker, "siegfried")
        except Exception:  # no worker process here: the version stays "unknown"
            self._shutdown()
            return
        self._poll.start()

    def _check_engine(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._poll.stop()
        try:
            self.signature_version, self.engine_version = future.result()
        except Exception:
            pass
        self._future = None
        self._shutdown()
        self._refresh()

    def _shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def done(self, result: int) -> None:
        self._poll.stop()
        self._shutdown()
        super().done(result)


def show_help(parent: QWidget | None = None) -> HelpDialog:
    """Open the user guide (non-modal: it can stay open beside the work)."""
    dialog = HelpDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def show_about(parent: QWidget | None = None, signature_version: str = "") -> int:
    """The About box; ``signature_version`` is the last scan's (asked for when empty)."""
    return AboutDialog(parent, signature_version).exec()


def add_help_actions(
    menu: QMenu, window: QWidget, signature_version: Callable[[], str] = lambda: ""
) -> tuple[QAction, QAction]:
    """Add *Guide d'utilisation* (F1) and *À propos de Verso* to ``menu``; returns both.

    ``signature_version`` gives the last scan's siegfried signature file ("" if none yet).
    """
    guide = QAction(QCoreApplication.translate("HelpDialog", "&User guide"), window)
    guide.setShortcut(QKeySequence.StandardKey.HelpContents)
    guide.triggered.connect(lambda: show_help(window))
    about = QAction(QCoreApplication.translate("HelpDialog", "&About Verso"), window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show_about(window, signature_version()))
    menu.addAction(guide)
    menu.addAction(about)
    return guide, about
