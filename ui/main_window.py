"""The Verso window: a shell that lays out the widgets and menus and wires the controllers.

Layout: left the package tree (search box, ``PackageView`` over ``PackageTreeModel`` through
``UnitFilterProxy``, ui/package_view.py), right the details panel (ui/details.py), below the
findings, the verification and the formats chart; the status bar holds counts, the
identification engine, the current transfer profile and the running job's progress with its
Cancel button (ui/job_progress.py).

Every menu action belongs to a controller (ui/controllers/), which creates it
(``act_*`` in its ``build_actions``) and holds the code behind it:

    session      File: new, open/save the work, recent works, closing    controllers/session.py
    recovery     the automatic recovery copy                               controllers/recovery.py
    importer     File: open a folder, add files, open a SIP; drops         controllers/import_.py
    csv          File: import / export a ReSIP table (CSV)                 controllers/csv_table.py
    exporter     Export the SIP (dialog, job, transfer slip)               controllers/export.py
    slip         Transfer › Transfer slip (bordereau, PDF/HTML)           controllers/bordereau.py
    edits        Edit: undo/redo, rename, group, sort, move, remove; rules controllers/edit.py
    searcher     Edit › Find, the search box                               controllers/search.py
    header       Transfer › Transfer header                                controllers/header.py
    attachment   Transfer › Attach to the positioning tree                 controllers/attachment.py
    verifier     Transfer › Verify; findings <-> selection                 controllers/verification.py
    profile      Profiles: transfer profiles and referentials              controllers/profile.py
    guide        the archive profile's tab, its locks on the forms         controllers/profile_guide.py
    preferences  Preferences: language, identification engine              controllers/preferences.py
    status       status-bar counts, engine, formats chart                  controllers/status.py
    help         Help › User guide (F1), About                             controllers/help.py

A new menu action: create it in its controller's ``build_actions``, enable it in that
controller's ``update_actions``, then add it to a menu in ``MainWindow._build_menus`` (a new
controller is also created in ``MainWindow.__init__``, see docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.settings import Settings
from app.tasks import TaskRunner
from seda.model import ArchiveUnit, Package
from ui.controllers.attachment import AttachmentController
from ui.controllers.base import Controller, WindowState, make_action
from ui.controllers.bordereau import BordereauController
from ui.controllers.csv_table import CsvTableController
from ui.controllers.edit import EditController
from ui.controllers.export import ExportController
from ui.controllers.header import HeaderController
from ui.controllers.help import HelpController
from ui.controllers.import_ import ImportController, gui_workers
from ui.controllers.preferences import PreferencesController
from ui.controllers.profile import ProfileController
from ui.controllers.profile_guide import ProfileGuideController
from ui.controllers.recovery import RecoveryController
from ui.controllers.search import SearchController
from ui.controllers.session import SessionController
from ui.controllers.status import StatusController
from ui.controllers.verification import VerificationController
from ui.details import DetailsPanel
from ui.findings_panel import FindingsModel, FindingsView, VerificationPanel
from ui.format_chart import FormatChart
from ui.job_progress import EDIT_PHASES, SCAN_PHASES, JobProgress
from ui.package_view import DropHint, PackageView, UnitFilterProxy
from ui.scan_controller import ScanController
from ui.tree_model import PackageTreeModel


class MainWindow(QMainWindow):
    """The application window. Tests drive it directly (``add_paths``, ``start_export``) or
    through its controllers (``window.session.save_work``…)."""

    export_finished = Signal(object)  # ExportReport
    export_failed = Signal(object)  # list of findings
    export_cancelled = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        runner: TaskRunner | None = None,
        workers: int | None = None,
        lang: str | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.lang = lang or settings.get("ui/language")
        self.workers = workers if workers is not None else gui_workers(settings.get("scan/workers"))
        self.runner = runner or TaskRunner(self)
        self.stack = QUndoStack(self)
        self.model = PackageTreeModel(Package(), self)
        self.model.undo_stack = self.stack
        self.model.package.seda_version = settings.get("export/seda_version")
        self.proxy = UnitFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.scan = ScanController(self.model, self.stack, self.runner, self)
        self.last_message: QMessageBox | None = None
        self._build_widgets()
        # the controllers, one concern each (see the module docstring)
        self.session = SessionController(self)
        self.recovery = RecoveryController(self)
        self.profile = ProfileController(self)
        self.status = StatusController(self)
        self.verifier = VerificationController(self)
        self.searcher = SearchController(self)
        self.header = HeaderController(self)
        self.attachment = AttachmentController(self)
        self.importer = ImportController(self)
        self.csv = CsvTableController(self)
        self.exporter = ExportController(self)
        self.slip = BordereauController(self)
        self.edits = EditController(self)
        self.preferences = PreferencesController(self)
        self.help = HelpController(self)
        self.guide = ProfileGuideController(self)
        self.controllers = [c for c in self.children() if isinstance(c, Controller)]
        self._build_actions()
        self._build_menus()
        self._connect()
        self._restore()
        self.setAcceptDrops(True)
        self.profile.restore()
        self.session.update_title()
        self.status.update_status()
        self.update_actions()
        self.recovery.start()

    # -- construction ---------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search titles, descriptions, file names, formats…"))
        self.search.setClearButtonEnabled(True)
        self.tree = PackageView(self)
        self.tree.setModel(self.proxy)
        self.drop_hint = DropHint(self)
        tree_page = QWidget(self)
        tree_layout = QVBoxLayout(tree_page)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.setSpacing(4)
        self.search_count = QLabel(self)  # « 12 résultats » (controllers/search.py)
        self.search_count.setObjectName("searchCount")
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_count)
        tree_layout.addLayout(search_row)
        tree_layout.addWidget(self.tree, 1)
        self.left = QStackedWidget(self)
        self.left.addWidget(self.drop_hint)
        self.left.addWidget(tree_page)
        self.details = DetailsPanel(self.model, self.stack, self)
        self.splitter_main = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter_main.addWidget(self.left)
        self.splitter_main.addWidget(self.details)
        self.splitter_main.setStretchFactor(0, 3)
        self.splitter_main.setStretchFactor(1, 2)
        self.findings = FindingsModel(self.lang, self)
        self.findings_view = FindingsView(self.findings, self)
        self.verification = VerificationPanel(self.lang, self)
        self.chart = FormatChart(self)
        self.bottom = QTabWidget(self)
        self.bottom.addTab(self.findings_view, self.tr("Findings"))
        self.bottom.addTab(self.verification, self.tr("Verification"))
        self.bottom.addTab(self.chart, self.tr("Formats"))
        self.splitter_side = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter_side.addWidget(self.splitter_main)
        self.splitter_side.addWidget(self.bottom)
        self.splitter_side.setStretchFactor(0, 4)
        self.splitter_side.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter_side)
        self.counts_label = QLabel(self)
        self.engine_label = QLabel(self)
        self.preset_label = QLabel(self)
        self.preset_label.setObjectName("presetLabel")
        self.job = JobProgress(self)
        self.statusBar().addWidget(self.job, 1)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.engine_label)
        self.statusBar().addPermanentWidget(self.preset_label)

    def _build_actions(self) -> None:
        """Each controller creates its own actions; the window keeps the view-only ones."""
        for controller in self.controllers:
            build = getattr(controller, "build_actions", None)
            if build is not None:
                build()
        quit_keys = QKeySequence.StandardKey.Quit
        self.act_quit = make_action(self, self.tr("&Quit"), self.close, quit_keys)
        self.act_expand = make_action(self, self.tr("E&xpand all"), self.tree.expand_all)
        self.act_collapse = make_action(self, self.tr("&Collapse all"), self.tree.collapseAll)

    def _build_menus(self) -> None:
        s, imp, ed, c = self.session, self.importer, self.edits, self
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        _add(file_menu, imp.act_open, imp.act_add_files, self.csv.act_import_table, s.act_new)
        _add(file_menu, None, s.act_open_work)
        file_menu.addMenu(s.recent_menu)
        _add(file_menu, s.act_save_work, s.act_save_work_as, None, imp.act_open_sip, None)
        _add(file_menu, self.exporter.act_export, self.csv.act_export_table, None, c.act_quit)
        edit = bar.addMenu(self.tr("&Edit"))
        _add(edit, ed.act_undo, ed.act_redo, None, ed.act_rename, ed.act_group, ed.act_sort)
        _add(edit, ed.act_number_cotes)
        _add(edit, ed.act_move_up, ed.act_move_down, None, ed.act_remove, None)
        _add(edit, self.searcher.act_find, self.searcher.act_next, self.searcher.act_previous)
        view = bar.addMenu(self.tr("&View"))
        _add(view, c.act_expand, c.act_collapse)
        transfer = bar.addMenu(self.tr("&Transfer"))
        _add(transfer, self.header.act_header, ed.act_rules, self.attachment.act_attach, None)
        _add(transfer, self.verifier.act_verify, self.exporter.act_export, self.slip.act_bordereau)
        p = self.profile
        profiles = bar.addMenu(self.tr("Pro&files"))
        _add(profiles, p.act_presets, p.act_use_preset, p.act_forget_preset, None)
        _add(profiles, p.act_import_rules, p.act_import_agencies, p.act_import_tree)
        self.preferences.fill_menu(bar.addMenu(self.tr("&Preferences")))
        help_menu = bar.addMenu(self.tr("&Help"))
        _add(help_menu, self.help.act_guide, self.help.act_shortcuts, None)
        _add(help_menu, self.help.act_work_folder, self.help.act_recovery_folder, None)
        _add(help_menu, self.help.act_about)
        tools = QToolBar(self.tr("Main toolbar"), self)
        tools.setObjectName("mainToolbar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.setMovable(False)
        _add(tools, imp.act_open, self.header.act_header, self.attachment.act_attach)
        _add(tools, self.verifier.act_verify, self.exporter.act_export, None)
        _add(tools, ed.act_undo, ed.act_redo)
        self.addToolBar(tools)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _context_menu(self, pos: Any) -> None:
        ed = self.edits
        menu = QMenu(self)
        _add(menu, ed.act_rename, ed.act_group, ed.act_sort, ed.act_move_up, ed.act_move_down)
        _add(menu, ed.act_number_cotes)
        _add(menu, None, ed.act_rules, self.attachment.act_attach, None, ed.act_remove)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _connect(self) -> None:
        self.drop_hint.open_requested.connect(self.importer.open_folder)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self._details_timer = QTimer(self)
        self._details_timer.setSingleShot(True)
        self._details_timer.setInterval(0)
        self._details_timer.timeout.connect(self._show_selection)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.model.structure_changed.connect(self._structure_changed)
        self.scan.progressed.connect(self.job.show_progress)
        self.scan.findings_added.connect(self.verifier.add_findings)
        self.scan.running_changed.connect(self._scan_running)
        self.model.slicer.progressed.connect(self.job.show_progress)
        self.model.slicer.running_changed.connect(self._edit_running)
        self.job.cancel_requested.connect(self.cancel_job)
        self.stack.indexChanged.connect(lambda _i: self.update_actions())
        self.profile.engine_changed.connect(self.preferences.show_engine)
        self.exporter.finished.connect(self.export_finished)
        self.exporter.failed.connect(self.export_failed)
        self.exporter.cancelled.connect(self.export_cancelled)
        self.details.bulk.applied.connect(
            lambda n: self.statusBar().showMessage(self.tr("%n unit(s) changed.", "", n), 5000)
        )

    # -- window layout, kept in the settings (QSettings through app.settings) ---------------
    def _layout_parts(self) -> dict[str, Any]:
        """Settings key -> what has ``saveState``/``restoreState``."""
        return {
            "window/state": self,
            "window/splitter_main": self.splitter_main,
            "window/splitter_side": self.splitter_side,
            "window/tree_header": self.tree.header(),
        }

    def fit_to_screen(self, area: QRect | None = None) -> None:
        """The default size: 1200×780 at most, within the screen's free area (``area``,
        default the screen's ``availableGeometry``), centred there. A 1366×768 laptop cut
        the window; the frame's title bar and borders are kept inside too."""
        if area is None:
            screen = self.screen() or QGuiApplication.primaryScreen()
            area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1200, 780)
        frame = (40, 60)  # room for the window manager's borders and title bar
        width = max(640, min(1200, area.width() - frame[0]))
        height = max(480, min(780, area.height() - frame[1]))
        self.resize(width, height)
        self.move(
            area.x() + (area.width() - width) // 2,
            area.y() + max(0, (area.height() - height - frame[1] // 2) // 2),
        )
        self.splitter_main.setSizes([width * 3 // 5, width * 2 // 5])
        self.splitter_side.setSizes([height * 3 // 4, height // 4])

    def _restore(self) -> None:
        self.fit_to_screen()  # defaults, until a saved layout exists
        if not self.settings.get("window/geometry").isEmpty():
            self.restoreGeometry(self.settings.get("window/geometry"))  # kept on screen by Qt
        for key, part in self._layout_parts().items():
            if not self.settings.get(key).isEmpty():
                part.restoreState(self.settings.get(key))
        self.tree.set_user_sized(bool(self.settings.get("window/tree_user_sized")))

    def save_settings(self) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        for key, part in self._layout_parts().items():
            self.settings.set(key, part.saveState())
        self.settings.set("window/tree_user_sized", self.tree.user_sized())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        session = self.session
        if session.task is not None:
            self.statusBar().showMessage(
                self.tr("Please wait for the current job to finish."), 5000
            )
            event.ignore()
            return
        if not session.close_confirmed and session.has_unsaved_changes():
            event.ignore()  # asked without blocking; the answer closes (or not) later
            session.ask_before_close()
            return
        self.recovery.timer.stop()
        self.save_settings()
        self.runner.cancel_all()
        self.runner.wait(10_000)
        self.recovery.forget()  # a clean close: nothing to recover
        super().closeEvent(event)

    # -- drops on the window (drops on the tree come through model.urls_dropped) -----------
    @staticmethod
    def _local_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return []
        return [u.toLocalFile() for u in data.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.importer.open_dropped(paths)

    # -- what every controller reacts to ---------------------------------------------------
    def _scan_running(self, running: bool) -> None:
        if not running:
            self.job.end()
        self.update_actions()

    def _edit_running(self, running: bool) -> None:
        """A long edit (or its undo) runs in slices: its progress shows in the status
        bar; the details panel waits (an edit there would first finish it at once)."""
        self.details.setEnabled(not running)
        if not running:
            self.job.end()
        self.update_actions()

    def cancel_job(self) -> None:
        """The status bar's Cancel stops the job it shows: a bulk edit applying while a
        scan runs is cancelled alone, and the reverse."""
        self.job.cancel_button.setEnabled(False)
        phase = self.job.phase
        if phase in EDIT_PHASES:
            self.model.slicer.cancel()
            return
        if phase in SCAN_PHASES and self.scan.running:
            self.scan.cancel()
            return
        self.model.slicer.cancel()
        if self.scan.running:
            self.scan.cancel()
        self.exporter.cancel()
        self.slip.cancel()
        self.session.cancel()
        self.csv.cancel()

    DETAILS_LATER = 5000  # selected units above which the details follow a turn later

    def _selection_changed(self, *_args: Any) -> None:
        """The details show the selection; for a big one (a select-all of 100,000 units)
        in the next event-loop turn, so that the selection's own work and the panel's
        each keep the window answering."""
        units = self.selected_units()
        if len(units) > self.DETAILS_LATER:
            self._details_timer.start()
        else:
            self._details_timer.stop()
            self._show_selection()
        self.update_actions()

    def _show_selection(self) -> None:
        units = self.selected_units()
        self.details.show_units(units)
        self.guide.units_selected(units)

    def _structure_changed(self) -> None:
        self.left.setCurrentIndex(1 if self.model.package.roots else 0)
        self.searcher.structure_changed()
        self.status.schedule()
        self.update_actions()

    def update_actions(self) -> None:
        """Every controller enables its actions for the same snapshot of the window."""
        try:
            state = WindowState(
                units=self.selected_units(),
                scanning=self.scan.running,
                exporting=self.exporter.task is not None,
                working=(
                    self.session.task is not None
                    or self.slip.task is not None
                    or self.model.slicer.running
                ),
                editing=self.model.slicer.running,
                has_package=bool(self.model.package.roots),
            )
            for controller in self.controllers:
                controller.update_actions(state)
        except RuntimeError:  # C++ side already gone (window being destroyed)
            pass

    def message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A window-modal message that does not block (tests read ``last_message``)."""
        if self.last_message is not None:
            self.last_message.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.last_message = box
        QTimer.singleShot(0, box.open)
        return box

    # -- entry points kept on the window (app.main, bench, tests) --------------------------
    def open_dropped(self, paths: Sequence[str]) -> None:
        self.importer.open_dropped(paths)

    def add_paths(
        self, paths: Sequence[str], parent: ArchiveUnit | None = None, row: int = -1
    ) -> bool:
        return self.importer.add_paths(paths, parent, row)

    def selected_units(self) -> list[ArchiveUnit]:
        return self.tree.selected_units()

    def select_units(self, units: Sequence[ArchiveUnit]) -> None:
        self.tree.select_units(units)

    def undo(self) -> None:
        self.edits.undo()

    def redo(self) -> None:
        self.edits.redo()

    def update_status(self) -> None:
        self.status.update_status()


def _add(menu: QMenu | QToolBar, *actions: Any) -> None:
    """Add ``actions`` to ``menu`` (or a toolbar) in order; None is a separator."""
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
