"""The Verso window: drop folders, watch the scan, describe units, export the SIP.

Layout: left the package tree (search box, ``QTreeView`` over ``PackageTreeModel`` through a
recursive ``QSortFilterProxyModel``), right the details panel (description form, file,
management rules), below the findings, the verification and the formats chart; the status
bar holds counts, the identification engine, the current transfer profile and the progress
of the running job with its Cancel button.

Transfer profiles (``app.presets``, YAML) give the header, the default rules and
attachment, the scan's engine and exclusions; their referential files (rules, agencies,
positioning tree) are kept per profile by ``app.referential_store``. The current profile's
path is the ``export/preset`` setting.
"""

from __future__ import annotations

import copy
import os
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import workfile
from app.presets import Preset, PresetError, apply_preset, load_preset
from app.referential_store import ReferentialStore
from app.settings import ENGINES, Settings
from app.tasks import Task, TaskRunner
from seda.findings import Finding, Severity
from seda.model import ArchiveUnit, Attachment, DescriptionLevel, Package
from seda.referentials import ReferentialError, load_agencies, load_rules, load_tree
from seda.referentials.csvcheck import fold
from ui.commands import (
    ApplyPresetCommand,
    GroupUnitsCommand,
    MoveUnitsCommand,
    RemoveUnitsCommand,
    SetHeaderCommand,
    SortChildrenCommand,
)
from ui.details import DetailsPanel
from ui.export_dialog import ExportDialog
from ui.findings_panel import FindingsModel, FindingsView, VerificationPanel
from ui.format_chart import FormatChart
from ui.formatting import human_size, number
from ui.header_dialog import HeaderDialog
from ui.scan_controller import ScanController
from ui.snapshot import snapshot_package
from ui.stats import StatsJob, StatsResult, compute_stats
from ui.tree_model import (
    COL_DATES,
    COL_FORMAT,
    COL_LEVEL,
    COL_SIZE,
    COL_TITLE,
    PackageTreeModel,
    SortRole,
    UnitRole,
)
from ui.tree_picker import TreePickerDialog, set_attachment


def _short_signature(signatures: str) -> str:
    """ "DROID_SignatureFile_V125.xml; container-signature-20260119.xml" -> "V125"."""
    found = re.search(r"(?i)signaturefile_(v\d+)", signatures)
    if found:
        return found.group(1).upper()
    return signatures if len(signatures) <= 24 else signatures[:23] + "…"


def gui_workers(setting: int) -> int:
    """Analysis processes for the window: the setting, else CPUs minus one (at least one).

    Measured on 2 cores, 20,000 files (bench/ui_bench.py): 2 processes ~3,900 files/s,
    longest stall 65-80 ms, p99 ~45 ms; 1 process ~2,300 files/s, longest 40-70 ms, p99
    ~20 ms. The window's responsiveness comes first; ``scan/workers`` overrides.
    """
    if setting > 0:
        return setting
    return max(1, (os.cpu_count() or 1) - 1)


class UnitFilterProxy(QSortFilterProxyModel):
    """Search box filter and column sorting over the tree model.

    Matching is done in one Python pass over the package (``set_search``): the visible set
    holds the matching units, their ancestors (to reach them) and their descendants.
    ``filterAcceptsRow`` is then a set lookup, which keeps 100,000 rows filterable in a
    fraction of a second (Qt's recursive filtering would call back into Python several
    times per row).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.visible: set[int] | None = None
        self.text = ""

    def set_search(self, text: str) -> int:
        """Filter on ``text`` (empty: show all); returns the number of matching units."""
        self.text = text
        source = self.sourceModel()
        words = fold(text).split()
        if not words or not isinstance(source, PackageTreeModel):
            self._begin_filter_change()
            self.visible = None
            self._end_filter_change()
            return 0
        visible: set[int] = set()
        matches = 0
        for unit in source.package.walk():
            if unit.uid in visible:
                continue  # already shown as a descendant of a match
            obj = unit.objects[0] if unit.objects else None
            hay = f"{unit.title} {unit.description}"
            if obj is not None:
                hay += f" {obj.filename} {obj.format.name} {obj.format.puid}"
            hay = fold(hay)
            if all(w in hay for w in words):
                matches += 1
                for below in unit.walk():
                    visible.add(below.uid)
                for above in unit.ancestors():
                    if above.uid in visible:
                        break
                    visible.add(above.uid)
        self._begin_filter_change()
        self.visible = visible
        self._end_filter_change()
        return matches

    def _begin_filter_change(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()

    def _end_filter_change(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateRowsFilter()

    def refresh_search(self) -> None:
        if self.visible is not None:
            self.set_search(self.text)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        visible = self.visible
        if visible is None:
            return True
        parent = source_parent.internalPointer() if source_parent.isValid() else None
        siblings = parent.children if parent is not None else self.sourceModel().package.roots
        return source_row < len(siblings) and siblings[source_row].uid in visible


class PackageView(QTreeView):
    """The tree: extended selection, internal moves by drag and drop, F2 renames."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformRowHeights(True)  # needed for 100,000 rows
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.header()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)

    def setModel(self, model: Any) -> None:
        """Resize modes apply to existing sections only: set them once the model is in."""
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        widths = ((COL_LEVEL, 145), (COL_DATES, 170), (COL_FORMAT, 165), (COL_SIZE, 70))
        for col, width in widths:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)


class DropHint(QWidget):
    """Shown while the package is empty: says what to do, in the user's words."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Drop your folders here"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "Drag one or more folders (or files) from the file manager onto this "
                "window. Verso reads them, identifies every file and prepares the "
                "description; nothing is changed on your disk."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(self.tr("Open a folder…"), self)
        button.clicked.connect(self.open_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        layout.setContentsMargins(40, 20, 40, 20)


class JobProgress(QWidget):
    """Status-bar progress of the running job: what, how far, how fast, and Cancel."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        # Ignored width: a text change must not relayout the window (20/s during a scan).
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(320)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._phase = ""
        self._phase_start = 0.0
        self.rate = 0.0
        self.setVisible(False)

    def begin(self, phase: str) -> None:
        self._phase = phase
        self._phase_start = time.monotonic()
        self.rate = 0.0
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.setVisible(True)

    def end(self) -> None:
        self._phase = ""
        self.setVisible(False)

    def _set_bar(self, done: int, total: int) -> None:
        """Per mille: the bar repaints at once on each change, so change it rarely."""
        if self.bar.maximum() != 1000:
            self.bar.setRange(0, 1000)
        value = 1000 * min(done, total) // total if total > 0 else 0
        if value != self.bar.value():
            self.bar.setValue(value)

    def show_progress(self, phase: str, done: int, total: int, message: str) -> None:
        if phase != self._phase:
            self.begin(phase)
        elapsed = max(1e-3, time.monotonic() - self._phase_start)
        self.rate = done / elapsed
        name = os.path.basename(message) if message else ""
        if phase == "walk":
            self.bar.setRange(0, 0)
            text = self.tr("Reading folders… %1 entries").replace("%1", number(done))
        elif phase == "analyse":
            self._set_bar(done, total)
            text = (
                self.tr("Analysing %1 / %2 files — %3 files/s")
                .replace("%1", number(done))
                .replace("%2", number(total))
                .replace("%3", number(int(self.rate)))
            )
        elif phase in ("save", "load"):  # saved work, existing SIP: bytes then units
            if total > 0:
                self._set_bar(done, total)
            else:
                self.bar.setRange(0, 0)
            text = self.tr("Saving the work…") if phase == "save" else self.tr("Opening…")
            name = ""
        elif phase == "slip":  # transfer slip: the SIP's digest (bytes), then rows
            self._set_bar(done, total)
            percent = 100 * min(done, total) // total if total > 0 else 0
            text = self.tr("Writing the transfer slip… %1 %").replace("%1", number(percent))
            name = ""
        else:  # export: bytes
            self._set_bar(done, total)
            text = (
                self.tr("Exporting %1 / %2 — %3/s")
                .replace("%1", human_size(done))
                .replace("%2", human_size(total))
                .replace("%3", human_size(int(self.rate)))
            )
        if name:
            text += f" — {name}"
        if text != self.label.text():
            self.label.setText(text)
        self.label.setToolTip(message)


class MainWindow(QMainWindow):
    """The application window. Tests drive it directly (``add_paths``, ``start_export``)."""

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
        self.export_task: Task | None = None
        self.last_message: QMessageBox | None = None
        self.last_export: Any = None
        # saved work (.verso) and its automatic recovery copy (see "saved work" below)
        self.work_path = ""
        self.work_task: Task | None = None
        self.close_box: QMessageBox | None = None  # the open "save before closing?" question
        self._close_confirmed = False
        self._work_changes = 0  # undo-stack moves, to tell whether a snapshot is current
        self._recovery_task: Task | None = None
        self._recovery_changes = -1
        self.recovery_path = _recovery_file()
        self._export_outcome: dict[str, Any] = {}  # the running export's slip (see start_export)
        # transfer profile and its referentials (see the module docstring)
        self.preset: Preset | None = None
        self.preset_path = ""
        self.store = ReferentialStore("")
        self.referentials: dict[str, Any] = {"rules": None, "agencies": None, "tree": None}
        self._loaded_refs: dict[str, tuple[tuple[str, int, int], Any]] = {}
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect()
        self._restore()
        self.setAcceptDrops(True)
        self._restore_preset()
        self.update_title()
        self.update_status()
        self._update_actions()
        self.recovery_timer = QTimer(self)
        self.recovery_timer.setInterval(workfile.RECOVERY_INTERVAL_MS)
        self.recovery_timer.timeout.connect(self.write_recovery)
        self.recovery_timer.start()
        QTimer.singleShot(0, self.offer_recovery)

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
        tree_layout.addWidget(self.search)
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
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._stats_timer = QTimer(self)
        self._stats_timer.setSingleShot(True)
        self._stats_timer.setInterval(400)
        self.stats_job = StatsJob(lambda: self.model.package, self._stats_ready, parent=self)
        self.last_stats: Any = None
        self.resize(1200, 780)

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: Any = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.act_open = self._action(
            self.tr("&Open a folder…"), self.open_folder, QKeySequence.StandardKey.Open
        )
        self.act_add_files = self._action(
            self.tr("Add &files…"), self.open_files, QKeySequence("Ctrl+Shift+O")
        )
        self.act_new = self._action(
            self.tr("&New transfer"), self.new_package, QKeySequence.StandardKey.New
        )
        self.act_save_work = self._action(
            self.tr("&Save the work"),
            lambda: self.save_work(),
            QKeySequence.StandardKey.Save,
            self.tr("Keep the description on disk to resume it later (a .verso file)"),
        )
        self.act_save_work_as = self._action(
            self.tr("Save the work &as…"),
            lambda: self.save_work_as(),
            QKeySequence.StandardKey.SaveAs,
        )
        self.act_open_work = self._action(self.tr("Open a saved &work…"), lambda: self.open_work())
        self.act_open_sip = self._action(
            self.tr("Open an existing S&IP…"),
            lambda: self.open_sip(),
            None,
            self.tr("Reopen a transfer package (made by Verso, ReSIP…) to fix and export it again"),
        )
        self.act_header = self._action(
            self.tr("Transfer &header…"), self.edit_header, QKeySequence("Ctrl+H")
        )
        self.act_export = self._action(
            self.tr("&Export the SIP…"), self.export_sip, QKeySequence("Ctrl+E")
        )
        self.act_verify = self._action(
            self.tr("&Verify the transfer"),
            self.verify_package,
            QKeySequence("F7"),
            self.tr("List what the archives service would refuse, before exporting"),
        )
        self.act_attach = self._action(
            self.tr("&Attach to the positioning tree…"),
            self.attach_to_tree,
            None,
            self.tr("Choose where the archives service files the top-level units"),
        )
        self.act_attach.setIconText(self.tr("Attach…"))
        self.act_rules = self._action(
            self.tr("&Management rules"), self.show_rules, QKeySequence("Ctrl+R")
        )
        self.act_presets = self._action(self.tr("Transfer &profiles…"), self.edit_presets)
        self.act_use_preset = self._action(
            self.tr("&Use a profile for this transfer…"), self.choose_preset
        )
        self.act_forget_preset = self._action(
            self.tr("&Stop using the profile"), self.forget_preset
        )
        self.act_import_rules = self._action(
            self.tr("Import the &rules referential…"),
            lambda: self.import_referential_dialog("rules"),
        )
        self.act_import_agencies = self._action(
            self.tr("Import the &agencies referential…"),
            lambda: self.import_referential_dialog("agencies"),
        )
        self.act_import_tree = self._action(
            self.tr("Import the positioning &tree…"),
            lambda: self.import_referential_dialog("tree"),
        )
        self.act_quit = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self._action(self.tr("&Undo"), self.undo, QKeySequence("Ctrl+Z"))
        self.act_redo = self._action(
            self.tr("&Redo"), self.redo, [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")]
        )
        self.act_rename = self._action(self.tr("&Rename"), self.rename_selected, QKeySequence("F2"))
        self.act_remove = self._action(
            self.tr("Re&move from the package"),
            self.remove_selected,
            QKeySequence.StandardKey.Delete,
            self.tr("Take the selected units out of the package (your files are not touched)"),
        )
        self.act_group = self._action(
            self.tr("&Group into a new unit…"), self.group_selected, QKeySequence("Ctrl+G")
        )
        self.act_sort = self._action(self.tr("&Sort children by title"), self.sort_children)
        self.act_move_up = self._action(
            self.tr("Move &up"), lambda: self.move_selected(-1), QKeySequence("Ctrl+Up")
        )
        self.act_move_down = self._action(
            self.tr("Move &down"), lambda: self.move_selected(1), QKeySequence("Ctrl+Down")
        )
        self.act_find = self._action(
            self.tr("&Find"), self._focus_search, QKeySequence.StandardKey.Find
        )
        self.act_expand = self._action(self.tr("E&xpand all"), self.tree.expandAll)
        self.act_collapse = self._action(self.tr("&Collapse all"), self.tree.collapseAll)
        self.act_about = self._action(self.tr("&About Verso"), self.about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for a in (self.act_open, self.act_add_files, self.act_new):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(self.act_open_work)
        self.recent_menu = file_menu.addMenu(self.tr("Recent &work"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.act_save_work)
        file_menu.addAction(self.act_save_work_as)
        file_menu.addSeparator()
        file_menu.addAction(self.act_open_sip)
        file_menu.addSeparator()
        file_menu.addAction(self.act_export)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = bar.addMenu(self.tr("&Edit"))
        for a in (self.act_undo, self.act_redo):
            edit.addAction(a)
        edit.addSeparator()
        for a in (
            self.act_rename,
            self.act_group,
            self.act_sort,
            self.act_move_up,
            self.act_move_down,
        ):
            edit.addAction(a)
        edit.addSeparator()
        edit.addAction(self.act_remove)
        edit.addSeparator()
        edit.addAction(self.act_find)
        view = bar.addMenu(self.tr("&View"))
        view.addAction(self.act_expand)
        view.addAction(self.act_collapse)
        transfer = bar.addMenu(self.tr("&Transfer"))
        for a in (self.act_header, self.act_rules, self.act_attach):
            transfer.addAction(a)
        transfer.addSeparator()
        transfer.addAction(self.act_verify)
        transfer.addAction(self.act_export)
        profiles = bar.addMenu(self.tr("Pro&files"))
        profiles.addAction(self.act_presets)
        profiles.addAction(self.act_use_preset)
        profiles.addAction(self.act_forget_preset)
        profiles.addSeparator()
        for a in (self.act_import_rules, self.act_import_agencies, self.act_import_tree):
            profiles.addAction(a)
        prefs = bar.addMenu(self.tr("&Preferences"))
        lang_menu = prefs.addMenu(self.tr("&Language"))
        self.lang_group = QActionGroup(self)
        for code, label in (("fr", "Français"), ("en", "English")):
            a = lang_menu.addAction(label)
            a.setCheckable(True)
            a.setChecked(code == self.settings.get("ui/language"))
            a.setData(code)
            self.lang_group.addAction(a)
        self.lang_group.triggered.connect(self._language_chosen)
        engine_menu = prefs.addMenu(self.tr("&Identification engine"))
        self.engine_group = QActionGroup(self)
        labels = {
            "siegfried": self.tr("Siegfried (PRONOM, recommended)"),
            "fido": self.tr("Fido (PRONOM, slower)"),
            "magic": self.tr("libmagic (MIME types only)"),
        }
        for code in ENGINES:
            a = engine_menu.addAction(labels[code])
            a.setCheckable(True)
            a.setChecked(code == self.settings.get("scan/engine"))
            a.setData(code)
            self.engine_group.addAction(a)
        self.engine_group.triggered.connect(self._engine_chosen)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)
        tools = QToolBar(self.tr("Main toolbar"), self)
        tools.setObjectName("mainToolbar")
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.setMovable(False)
        for a in (
            self.act_open,
            self.act_header,
            self.act_attach,
            self.act_verify,
            self.act_export,
        ):
            tools.addAction(a)
        tools.addSeparator()
        tools.addAction(self.act_undo)
        tools.addAction(self.act_redo)
        self.addToolBar(tools)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _connect(self) -> None:
        self.drop_hint.open_requested.connect(self.open_folder)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self._search_timer.timeout.connect(self._apply_search)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.model.structure_changed.connect(self._structure_changed)
        self.model.units_edited.connect(lambda _u: self._schedule_stats())
        self.model.dataChanged.connect(lambda *_a: self._schedule_stats())
        self.model.urls_dropped.connect(self._urls_dropped)
        self._stats_timer.timeout.connect(self.stats_job.start)
        self.findings_view.unit_requested.connect(self.reveal_uid)
        self.verification.unit_requested.connect(self.reveal_uid)
        self.verification.verify_requested.connect(self.verify_package)
        self.details.form.attach_requested.connect(self.attach_to_tree)
        self.scan.progressed.connect(self.job.show_progress)
        self.scan.findings_added.connect(self._add_findings)
        self.scan.running_changed.connect(self._scan_running)
        self.scan.scan_finished.connect(self._scan_finished)
        self.scan.scan_cancelled.connect(
            lambda: self.statusBar().showMessage(
                self.tr("Scan cancelled: nothing was added."), 8000
            )
        )
        self.scan.scan_failed.connect(self._scan_failed)
        self.job.cancel_requested.connect(self.cancel_job)
        self.stack.indexChanged.connect(lambda _i: self._update_actions())
        self.stack.indexChanged.connect(lambda _i: self.verification.mark_stale())
        self.stack.cleanChanged.connect(lambda _c: self._update_actions())
        self.stack.cleanChanged.connect(self._clean_changed)
        self.stack.indexChanged.connect(self._count_work_change)
        self.details.bulk.applied.connect(
            lambda n: self.statusBar().showMessage(self.tr("%n unit(s) changed.", "", n), 5000)
        )

    # -- settings ---------------------------------------------------------------------------
    def _restore(self) -> None:
        s = self.settings
        if not s.get("window/geometry").isEmpty():
            self.restoreGeometry(s.get("window/geometry"))
        if not s.get("window/state").isEmpty():
            self.restoreState(s.get("window/state"))
        if not s.get("window/splitter_main").isEmpty():
            self.splitter_main.restoreState(s.get("window/splitter_main"))
        else:
            self.splitter_main.setSizes([750, 530])
        if not s.get("window/splitter_side").isEmpty():
            self.splitter_side.restoreState(s.get("window/splitter_side"))
        else:
            self.splitter_side.setSizes([560, 200])
        if not s.get("window/tree_header").isEmpty():
            self.tree.header().restoreState(s.get("window/tree_header"))

    def save_settings(self) -> None:
        s = self.settings
        s.set("window/geometry", self.saveGeometry())
        s.set("window/state", self.saveState())
        s.set("window/splitter_main", self.splitter_main.saveState())
        s.set("window/splitter_side", self.splitter_side.saveState())
        s.set("window/tree_header", self.tree.header().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.work_task is not None:
            self.statusBar().showMessage(
                self.tr("Please wait for the current job to finish."), 5000
            )
            event.ignore()
            return
        if not self._close_confirmed and self.has_unsaved_changes():
            event.ignore()  # asked without blocking; the answer closes (or not) later
            self._ask_before_close()
            return
        self.recovery_timer.stop()
        self.save_settings()
        self.runner.cancel_all()
        self.runner.wait(10_000)
        self._forget_recovery()  # a clean close: nothing to recover
        super().closeEvent(event)

    def _language_chosen(self, action: QAction) -> None:
        code = action.data()
        if code == self.settings.get("ui/language"):
            return
        self.settings.set("ui/language", code)
        self.statusBar().showMessage(
            self.tr("The language will change the next time Verso starts."), 8000
        )

    def _engine_chosen(self, action: QAction) -> None:
        self.settings.set("scan/engine", action.data())
        self.update_status()

    # -- opening folders ----------------------------------------------------------------------
    def open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open a folder"), self.settings.get("folders/last_open")
        )
        if folder:
            self.add_paths([folder])

    def open_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add files"), self.settings.get("folders/last_open")
        )
        if files:
            self.add_paths(files)

    def add_paths(
        self, paths: Sequence[str], parent: ArchiveUnit | None = None, row: int = -1
    ) -> bool:
        """Scan ``paths`` into the package (in the background). False if a job is running."""
        paths = [p for p in paths if p]
        if not paths:
            return False
        if self.scan.running or self.export_task is not None:
            self.statusBar().showMessage(
                self.tr("Please wait for the current job to finish."), 5000
            )
            return False
        first = Path(paths[0])
        folder = str(first if first.is_dir() else first.parent)
        self.settings.set("folders/last_open", folder)
        self.settings.add_recent(folder)
        self.job.begin("walk")
        return self.scan.start(
            paths,
            parent=parent,
            row=row,
            engine=self.settings.get("scan/engine"),
            workers=self.workers,
            exclusions=self.preset.exclusions if self.preset is not None else None,
        )

    def _urls_dropped(self, paths: list[str], parent: ArchiveUnit | None, row: int) -> None:
        self.open_dropped(paths, parent, row)

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
        if self._local_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_paths(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_dropped(paths)

    def _scan_running(self, running: bool) -> None:
        if not running:
            self.job.end()
        self._update_actions()

    def _scan_finished(self, roots: list[ArchiveUnit]) -> None:
        self._attach_new_roots(roots)
        self._stats_timer.stop()
        self.stats_job.start()  # in slices: no stall at the end of a big scan
        self.update_title()
        if len(self.model.package.roots) == len(roots) and roots:
            self.tree.expand(self.proxy.mapFromSource(self.model.index_for(roots[0])))
        self.statusBar().showMessage(
            self.tr("Scan finished in %1 s: %2 files.")
            .replace("%1", f"{self.scan.last_duration:.1f}")
            .replace("%2", number(len(self.scan.objects_by_uid))),
            8000,
        )

    def _scan_failed(self, error: str) -> None:
        self._message(QMessageBox.Icon.Critical, self.tr("Scan failed"), error)

    def cancel_job(self) -> None:
        self.job.cancel_button.setEnabled(False)
        if self.scan.running:
            self.scan.cancel()
        if self.export_task is not None:
            self.export_task.cancel()
        if self.work_task is not None:
            self.work_task.cancel()

    def new_package(self) -> None:
        if self.scan.running or self.export_task is not None:
            return
        if self.work_task is not None or not self.maybe_save(
            self.tr("New transfer"), self.new_package
        ):
            return
        header = self.model.package.header
        package = Package(header=header, seda_version=self.model.package.seda_version)
        self.stack.clear()
        self.model.set_package(package)
        self.findings.clear()
        self.verification.show_findings(None)
        self.bottom.setTabText(self.bottom.indexOf(self.verification), self.tr("Verification"))
        self.work_path = ""
        self._forget_recovery()
        self.update_title()
        self.update_status()

    # -- saved work (.verso) and existing SIPs --------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        """Edits since the last save, the opening or "New transfer" (the undo stack's clean
        state; an empty, never saved package has nothing to lose)."""
        try:
            clean = self.stack.isClean()
        except RuntimeError:  # the stack is being destroyed with the window
            return False
        return not clean and bool(self.model.package.roots or self.work_path)

    def _clean_changed(self, _clean: bool) -> None:
        try:
            self.update_title()
        except RuntimeError:  # the stack is being destroyed with the window
            pass

    def work_name(self) -> str:
        return Path(self.work_path).stem if self.work_path else self.package_name()

    def ask_save_changes(self, title: str) -> QMessageBox.StandardButton:
        """Save / Don't save / Cancel before unsaved changes would be lost (modal)."""
        box = self._save_changes_box(title)
        box.exec()
        return _answer(box)

    def _ask_before_close(self) -> None:
        """The close question, window-modal but not blocking (``close_box``): the close
        event is refused at once and the answer closes the window (or not) later, so a
        second close request (logout, a test's teardown) never hangs on a nested loop."""
        if self.close_box is not None and self.close_box.isVisible():
            self.close_box.raise_()
            return
        box = self._save_changes_box(self.tr("Close Verso"))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r, b=box: self._close_answered(b))
        self.close_box = box
        box.open()

    def _close_answered(self, box: QMessageBox) -> None:
        self.close_box = None
        answer = _answer(box)
        box.deleteLater()
        if answer == QMessageBox.StandardButton.Discard:
            self._close_confirmed = True
            self.close()
        elif answer == QMessageBox.StandardButton.Save:
            if self.save_work(then=self.close) == "saved":
                self.close()

    def _save_changes_box(self, title: str) -> QMessageBox:
        Button = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            title,
            self.tr("The transfer “%1” has changes that are not saved.").replace(
                "%1", self.work_name()
            ),
            Button.Save | Button.Discard | Button.Cancel,
            self,
        )
        box.setObjectName("askSaveChanges")
        box.setInformativeText(
            self.tr("Save them to resume the work later? Your files on disk are never changed.")
        )
        box.button(Button.Save).setText(self.tr("Save"))
        box.button(Button.Discard).setText(self.tr("Don't save"))
        box.button(Button.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(Button.Save)
        box.setEscapeButton(Button.Cancel)
        return box

    def maybe_save(self, title: str, then: Callable[[], Any] | None = None) -> bool:
        """Before the package is replaced or the window closed: True to go on now.

        With unsaved changes, ask: Don't save -> True; Cancel -> False; Save -> True once
        saved when the save is quick, else False and ``then`` runs after the background save
        succeeded (the caller's action, e.g. ``self.close``).
        """
        if not self.has_unsaved_changes():
            return True
        answer = self.ask_save_changes(title)
        if answer == QMessageBox.StandardButton.Discard:
            return True
        if answer != QMessageBox.StandardButton.Save:
            return False
        return self.save_work(then=then) == "saved"

    def _ask_work_path(self) -> str:
        folder = self.settings.get("work/last_folder") or str(Path.home())
        name = self.work_name() or self.tr("transfer")
        safe = "".join(c if c.isalnum() or c in " -_.()" else "_" for c in name).strip(" .")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the work"),
            str(Path(folder) / f"{safe or 'verso'}{workfile.SUFFIX}"),
            self.tr("Verso saved work (*.verso)"),
        )
        return path

    def save_work(self, path: str | None = None, *, then: Callable[[], Any] | None = None) -> str:
        """Save the package to ``path`` (default: the current work file, else ask for one).

        Returns "saved" (done already), "started" (in the background; ``then`` runs once it
        succeeded) or "" (nothing saved: refused, cancelled or failed, the user was told).
        """
        target = path or self.work_path or self._ask_work_path()
        return self._save_to(workfile.with_suffix(target), then) if target else ""

    def save_work_as(self, path: str | None = None) -> str:
        target = path or self._ask_work_path()
        return self._save_to(workfile.with_suffix(target), None) if target else ""

    def _save_to(self, path: str, then: Callable[[], Any] | None) -> str:
        if self.scan.running or self.work_task is not None:
            self.statusBar().showMessage(
                self.tr("Please wait for the current job to finish."), 5000
            )
            return ""
        work = workfile.Work(self.model.package, list(self.findings.findings), self.preset_path)
        doc = workfile.encode_work(work)  # the snapshot: editing may go on meanwhile
        saved_at = self.stack.index()
        changes = self._work_changes

        def job(progress: Any) -> str:  # worker thread: plain data only
            workfile.write_document(path, doc, progress)
            return path

        def done(_result: Any, background: bool) -> None:
            self._work_saved(path, saved_at, changes)
            if background and then is not None:
                then()

        sync = len(doc["units"]) <= workfile.SYNC_UNITS
        return self._run_work_job(job, sync, "save", done, self._work_save_failed)

    def _run_work_job(
        self,
        job: Callable[[Any], Any],
        sync: bool,
        phase: str,
        done: Callable[[Any, bool], None],
        failed: Callable[[BaseException], None],
    ) -> str:
        """Run a save/open job: at once when small (no thread hop under ~50 ms), else in the
        background with progress and Cancel. Returns "saved", "started" or ""."""
        if sync:
            from seda.progress import NullProgress

            try:
                result = job(NullProgress())
            except Exception as exc:  # noqa: BLE001 - shown to the user, never lost
                failed(exc)
                return ""
            done(result, False)
            return "saved"
        self.job.begin(phase)
        task = self.runner.submit(job, name=phase)
        self.work_task = task
        task.progressed.connect(lambda d, t, m: self.job.show_progress(phase, d, t, m))
        task.finished.connect(lambda result: done(result, True))
        task.failed.connect(failed)
        task.cancelled.connect(
            lambda: self.statusBar().showMessage(self.tr("Cancelled: nothing was changed."), 8000)
        )
        task.ended.connect(self._work_job_ended)
        self._update_actions()
        return "started"

    def _work_job_ended(self) -> None:
        self.work_task = None
        self.job.end()
        self._update_actions()

    def _work_saved(self, path: str, saved_at: int, changes: int) -> None:
        self.work_path = path
        self.settings.set("work/last_folder", str(Path(path).parent))
        self.settings.add_recent(path, "work/recent")
        if self._work_changes == changes and self.stack.index() == saved_at:
            self.stack.setClean()  # else edits made meanwhile stay unsaved
        if not self.has_unsaved_changes():
            self._forget_recovery()
        self.update_title()
        self._update_actions()
        self.statusBar().showMessage(self.tr("Work saved: %1").replace("%1", path), 8000)

    def _work_error_text(self, error: BaseException) -> str:
        from ui.formatting import describe_finding

        findings = list(getattr(error, "findings", []) or [])
        if findings:
            return "\n".join(describe_finding(f, self.lang) for f in findings[:10])
        return f"{type(error).__name__}: {error}"

    def _work_save_failed(self, error: BaseException) -> None:
        self._message(
            QMessageBox.Icon.Critical,
            self.tr("The work was not saved"),
            self.tr("Nothing was changed on disk.") + "\n\n" + self._work_error_text(error),
        )

    def _can_replace_package(self) -> bool:
        if self.scan.running or self.export_task is not None or self.work_task is not None:
            self.statusBar().showMessage(
                self.tr("Please wait for the current job to finish."), 5000
            )
            return False
        return True

    def open_work(self, path: str | None = None) -> str:
        """Open a saved work (asking to save the current one first). "saved" when opened at
        once, "started" when it is read in the background, "" when not opened."""
        if not self._can_replace_package():
            return ""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Open a saved work"),
                self.settings.get("work/last_folder") or str(Path.home()),
                self.tr("Verso saved work (*.verso)"),
            )
            if not path:
                return ""
        chosen = path
        if not self.maybe_save(self.tr("Open a saved work"), lambda: self.open_work(chosen)):
            return ""
        return self._load_work(chosen)

    def _load_work(self, path: str, *, recovered: bool = False) -> str:
        try:
            small = os.path.getsize(path) <= workfile.SYNC_BYTES
        except OSError:
            small = True  # load_work says what is wrong, at once

        def job(progress: Any) -> Any:  # worker thread: builds plain model objects
            return workfile.load_work(path, progress)

        return self._run_work_job(
            job,
            small,
            "load",
            lambda work, _bg: self._work_loaded(path, work, recovered),
            lambda error: self._work_open_failed(path, error, recovered),
        )

    def _replace_package(self, package: Package, findings: list[Finding]) -> None:
        """The opened work or SIP becomes the package (no undo across it)."""
        self.stack.clear()
        self.model.set_package(package)
        self.findings.clear()
        self.bottom.setTabText(0, self.tr("Findings"))
        self._add_findings(findings)
        self.verification.show_findings(None)
        self.bottom.setTabText(self.bottom.indexOf(self.verification), self.tr("Verification"))
        roots = package.roots
        if len(roots) == 1:
            self.tree.expand(self.proxy.mapFromSource(self.model.index_for(roots[0])))

    def _work_loaded(self, path: str, work: Any, recovered: bool) -> None:
        self._replace_package(work.package, [*work.source_findings, *work.findings])
        if work.preset_path and not (
            self.preset_path and _same_file(work.preset_path, self.preset_path)
        ):
            if not self.use_preset(work.preset_path, apply=False, quiet=True):
                self.statusBar().showMessage(
                    self.tr("The transfer profile “%1” could not be read again.").replace(
                        "%1", work.preset_path
                    ),
                    10000,
                )
        if recovered:
            self.work_path = work.recovery_of
            self.stack.resetClean()  # restored, not saved yet
        else:
            self.work_path = path
            self.settings.set("work/last_folder", str(Path(path).parent))
            self.settings.add_recent(path, "work/recent")
            self._forget_recovery()
        self.update_title()
        self.update_status()
        self._update_actions()
        if work.source_findings:
            self.bottom.setCurrentIndex(0)
            self._message(
                QMessageBox.Icon.Warning,
                self.tr("Files moved or changed"),
                self.tr(
                    "%n file(s) moved or changed since the work was saved. They are listed in "
                    "the findings panel: check them before exporting.",
                    "",
                    len(work.source_findings),
                ),
            )
        else:
            self.statusBar().showMessage(
                self.tr("Work opened: %1").replace("%1", self.work_name()), 8000
            )

    def _work_open_failed(self, path: str, error: BaseException, recovered: bool = False) -> None:
        if recovered:
            self._forget_recovery()  # an unusable copy must not be offered at every start
        self._message(
            QMessageBox.Icon.Critical,
            self.tr("The work cannot be opened"),
            path + "\n\n" + self._work_error_text(error),
        )

    def open_sip(self, path: str | None = None) -> str:
        """Open an existing SIP (Verso, ReSIP or other) to fix and export it again; read in
        the background. "started" or "" (not opened)."""
        if not self._can_replace_package():
            return ""
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Open an existing SIP"),
                self.settings.get("folders/last_export") or str(Path.home()),
                self.tr("Transfer packages (*.zip)"),
            )
            if not path:
                return ""
        chosen = path
        if not self.maybe_save(self.tr("Open an existing SIP"), lambda: self.open_sip(chosen)):
            return ""
        from seda.package import read_sip

        def job(progress: Any) -> Any:  # worker thread
            from seda.progress import check

            check(progress)
            return read_sip(chosen)

        return self._run_work_job(
            job,
            False,
            "load",
            lambda result, _bg: self._sip_loaded(chosen, *result),
            lambda error: self._work_open_failed(chosen, error),
        )

    def _sip_loaded(self, path: str, package: Package, findings: list[Finding]) -> None:
        # Exported again, it is a new transfer: a new message identifier and date then.
        package.header.message_identifier = ""
        package.header.date = None
        self._replace_package(package, findings)
        self.work_path = ""
        self._forget_recovery()
        self.update_title()
        self.update_status()
        self._update_actions()
        stats = self.model.package.stats()
        self.statusBar().showMessage(
            self.tr("SIP opened: %1 units, %2 files. Fix what is needed, then export it again.")
            .replace("%1", number(stats.units))
            .replace("%2", number(stats.files)),
            10000,
        )

    def open_dropped(
        self, paths: Sequence[str], parent: ArchiveUnit | None = None, row: int = -1
    ) -> None:
        """A drop: a saved work opens, a single existing SIP opens, the rest is scanned."""
        from seda.package import looks_like_sip

        works = [p for p in paths if p.lower().endswith(workfile.SUFFIX) and os.path.isfile(p)]
        if works:
            if len(paths) > 1:
                self.statusBar().showMessage(
                    self.tr("Only the saved work was opened; drop folders once it is open."), 8000
                )
            self.open_work(works[0])
        elif len(paths) == 1 and os.path.isfile(paths[0]) and looks_like_sip(paths[0]):
            self.open_sip(paths[0])
        else:
            self.add_paths(paths, parent, row)

    def _fill_recent_menu(self) -> None:
        """The "Recent work" submenu; saved works gone since are taken out of the list."""
        menu = self.recent_menu
        menu.clear()
        recent = self.settings.get("work/recent")
        present = [p for p in recent if os.path.isfile(p)]
        if len(present) != len(recent):
            self.settings.set("work/recent", present)
            self.statusBar().showMessage(
                self.tr(
                    "%n saved work(s) no longer found were removed from the recent list.",
                    "",
                    len(recent) - len(present),
                ),
                8000,
            )
        for i, path in enumerate(present):
            action = menu.addAction(f"&{i + 1} {Path(path).stem}")
            action.setData(path)
            action.setStatusTip(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if not present:
            menu.addAction(self.tr("No recent work")).setEnabled(False)

    def open_recent(self, path: str) -> str:
        if not os.path.isfile(path):
            self.settings.set(
                "work/recent", [p for p in self.settings.get("work/recent") if p != path]
            )
            self._message(
                QMessageBox.Icon.Warning,
                self.tr("Recent work"),
                self.tr("“%1” can no longer be found; it was removed from the list.").replace(
                    "%1", path
                ),
            )
            return ""
        return self.open_work(path)

    # -- automatic recovery copy ------------------------------------------------------------------
    def _count_work_change(self, _index: int) -> None:
        self._work_changes += 1

    def write_recovery(self) -> Task | None:
        """Every few minutes with unsaved changes: a copy in the user's data folder, written
        off the GUI thread from a snapshot, offered back if Verso ends without saving."""
        if (
            not self.has_unsaved_changes()
            or self.scan.running
            or self._recovery_task is not None
            or self._work_changes == self._recovery_changes
        ):
            return None
        path = self.recovery_path
        work = workfile.Work(
            self.model.package,
            list(self.findings.findings),
            self.preset_path,
            recovery_of=self.work_path,
        )
        doc = workfile.encode_work(work)
        changes = self._work_changes

        def job(progress: Any) -> str:  # worker thread
            path.parent.mkdir(parents=True, exist_ok=True)
            workfile.write_document(path, doc, progress)
            return str(path)

        task = self.runner.submit(job, name="recovery")
        self._recovery_task = task
        task.finished.connect(lambda p: self._recovery_written(str(p), changes))
        task.failed.connect(
            lambda error: self.statusBar().showMessage(
                self.tr("The automatic recovery copy could not be written: %1").replace(
                    "%1", self._work_error_text(error)
                ),
                10000,
            )
        )
        task.ended.connect(lambda: setattr(self, "_recovery_task", None))
        return task

    def _recovery_written(self, path: str, changes: int) -> None:
        if not self.has_unsaved_changes():  # saved meanwhile: the copy is stale
            Path(path).unlink(missing_ok=True)
            return
        self._recovery_changes = changes
        self.settings.set("work/recovery", path)
        self.settings.set("work/recovery_of", self.work_path)
        self.settings.sync()

    def _forget_recovery(self) -> None:
        """No recovery copy any more (saved, or changes knowingly dropped)."""
        for path in {self.settings.get("work/recovery"), str(self.recovery_path)}:
            if path:
                try:
                    Path(path).unlink(missing_ok=True)
                except OSError:
                    pass
        self.settings.set("work/recovery", "")
        self.settings.set("work/recovery_of", "")
        self._recovery_changes = -1

    def ask_restore(self, recovery: str, work_path: str) -> bool:
        """Offer a recovery copy back (modal Yes/No)."""
        when = QDateTime.fromSecsSinceEpoch(int(os.path.getmtime(recovery)))
        name = Path(work_path).stem if work_path else self.tr("not saved yet")
        answer = QMessageBox.question(
            self,
            self.tr("Restore the work?"),
            self.tr(
                "Verso ended without saving the transfer “%1”. An automatic copy from %2 "
                "was kept. Restore it?"
            )
            .replace("%1", name)
            .replace("%2", QLocale().toString(when, QLocale.FormatType.ShortFormat)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def offer_recovery(self) -> bool:
        """At start: a recovery copy newer than the last save of its work is offered back."""
        path = self.settings.get("work/recovery")
        if not path:
            return False
        of = self.settings.get("work/recovery_of")
        try:
            stamp = os.path.getmtime(path)
        except OSError:
            self._forget_recovery()
            return False
        try:
            stale = bool(of) and os.path.getmtime(of) >= stamp
        except OSError:
            stale = False  # the work file is gone: the copy is all there is
        if stale or not self.ask_restore(path, of):
            self._forget_recovery()
            return False
        self.recovery_path = Path(path)  # keep refreshing this copy until saved
        return bool(self._load_work(path, recovered=True))

    # -- selection and details ----------------------------------------------------------------
    def selected_units(self) -> list[ArchiveUnit]:
        rows = self.tree.selectionModel().selectedRows(0)
        units = [self.proxy.mapToSource(i).data(UnitRole) for i in rows]
        return [u for u in units if u is not None]

    def current_unit(self) -> ArchiveUnit | None:
        idx = self.tree.currentIndex()
        return self.proxy.mapToSource(idx).data(UnitRole) if idx.isValid() else None

    def select_units(self, units: Sequence[ArchiveUnit]) -> None:
        sel = self.tree.selectionModel()
        sel.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for i, unit in enumerate(units):
            idx = self.proxy.mapFromSource(self.model.index_for(unit))
            if not idx.isValid():
                continue
            parent = idx.parent()
            while parent.isValid():
                self.tree.expand(parent)
                parent = parent.parent()
            if i == 0:
                sel.setCurrentIndex(idx, flags)
                self.tree.scrollTo(idx)
            else:
                sel.select(idx, flags)

    def reveal_uid(self, uid: int) -> bool:
        unit = self.model.unit_by_uid(uid)
        if unit is None:
            return False
        if not self.proxy.mapFromSource(self.model.index_for(unit)).isValid():
            self.search.clear()
            self._apply_search()
        self.select_units([unit])
        self.tree.setFocus()
        return True

    def _selection_changed(self, *_args: Any) -> None:
        self.details.show_units(self.selected_units())
        self._update_actions()

    def _update_actions(self) -> None:
        try:
            self._update_actions_now()
        except RuntimeError:  # C++ side already gone (window being destroyed)
            pass

    def _update_actions_now(self) -> None:
        units = self.selected_units()
        busy = self.scan.running
        exporting = self.export_task is not None
        has_package = bool(self.model.package.roots)
        self.act_rename.setEnabled(len(units) == 1)
        self.act_remove.setEnabled(bool(units))
        self.act_group.setEnabled(bool(units))
        self.act_sort.setEnabled(has_package)
        self.act_move_up.setEnabled(bool(units))
        self.act_move_down.setEnabled(bool(units))
        self.act_export.setEnabled(has_package and not busy and not exporting)
        self.act_verify.setEnabled(has_package and not busy)
        self.act_attach.setEnabled(has_package and not busy)
        self.act_rules.setEnabled(bool(units))
        self.act_use_preset.setEnabled(not busy and not exporting)
        self.act_forget_preset.setEnabled(self.preset is not None)
        self.act_open.setEnabled(not busy and not exporting)
        self.act_add_files.setEnabled(not busy and not exporting)
        self.act_new.setEnabled(not busy and not exporting)
        working = self.work_task is not None
        can_save = not busy and not working and bool(has_package or self.work_path)
        self.act_save_work.setEnabled(can_save)
        self.act_save_work_as.setEnabled(can_save)
        self.act_open_work.setEnabled(not busy and not exporting and not working)
        self.act_open_sip.setEnabled(not busy and not exporting and not working)
        # The scan's own undo step is pushed when the walk ends; keep undo/redo off meanwhile.
        self.act_undo.setEnabled(not busy and self.stack.canUndo())
        self.act_redo.setEnabled(not busy and self.stack.canRedo())
        undo_text, redo_text = self.stack.undoText(), self.stack.redoText()
        self.act_undo.setToolTip(self.tr("Undo: %1").replace("%1", undo_text) if undo_text else "")
        self.act_redo.setToolTip(self.tr("Redo: %1").replace("%1", redo_text) if redo_text else "")

    def undo(self) -> None:
        """Undo the last edit (not while a scan adds units: its own step comes later)."""
        if not self.scan.running and self.stack.canUndo():
            self.stack.undo()

    def redo(self) -> None:
        if not self.scan.running and self.stack.canRedo():
            self.stack.redo()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _apply_search(self) -> None:
        text = self.search.text().strip()
        # Collapsed first: Qt then remaps only the top rows instead of every expanded one
        # (2.5 s -> 0.1 s for 100,000 expanded units).
        self.tree.collapseAll()
        matches = self.proxy.set_search(text)
        self.tree.expandToDepth(2 if text else 0)
        if text:
            self.statusBar().showMessage(self.tr("%n matching unit(s).", "", matches), 4000)

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        for a in (
            self.act_rename,
            self.act_group,
            self.act_sort,
            self.act_move_up,
            self.act_move_down,
        ):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.act_rules)
        menu.addAction(self.act_attach)
        menu.addSeparator()
        menu.addAction(self.act_remove)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    # -- edits --------------------------------------------------------------------------------
    def rename_selected(self) -> None:
        idx = self.tree.currentIndex()
        if idx.isValid():
            self.tree.edit(idx.siblingAtColumn(COL_TITLE))

    def remove_selected(self) -> None:
        units = self.selected_units()
        if units:
            self.stack.push(RemoveUnitsCommand(self.model, units))

    def group_selected(self, title: str | None = None) -> ArchiveUnit | None:
        units = self.selected_units()
        if not units:
            return None
        if not title:
            title, ok = QInputDialog.getText(
                self,
                self.tr("New unit"),
                self.tr("Title of the new unit:"),
                text=self.tr("New unit"),
            )
            if not ok or not title.strip():
                return None
        command = GroupUnitsCommand(self.model, units, title.strip(), DescriptionLevel.RECORD_GRP)
        self.stack.push(command)
        self.select_units([command.group])
        return command.group

    def sort_children(self) -> None:
        unit = self.current_unit()
        parent = unit if unit is not None and unit.children else (unit.parent if unit else None)
        self.stack.push(SortChildrenCommand(self.model, parent))

    def move_selected(self, step: int) -> None:
        units = self.selected_units()
        if len(units) != 1:
            return
        unit = units[0]
        row = self.model.row_of(unit)
        target = row + step
        if target < 0 or target >= len(self.model.siblings(unit.parent)):
            return
        self.stack.push(
            MoveUnitsCommand(self.model, [unit], unit.parent, target + (1 if step > 0 else 0))
        )
        self.select_units([unit])

    def edit_header(self) -> None:
        dialog = HeaderDialog(
            self.model.package.header,
            self.model.package.seda_version,
            self,
            self.settings.get("folders/last_preset"),
            referential=self.referentials["rules"],
            roots=self.model.package.roots,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_header(dialog.header(), dialog.seda_version())
            if dialog.loaded_preset:
                self._adopt_preset_from_dialog(dialog.loaded_preset)

    def set_header(self, header: Any, seda_version: str | None = None) -> None:
        self.stack.push(SetHeaderCommand(self.model, header, self._header_changed, seda_version))

    def _header_changed(self) -> None:
        """Header replaced (edit, profile, undo): its default rules reach every unit."""
        self.update_title()
        self.details.refresh_rules()

    # -- export -------------------------------------------------------------------------------
    def export_sip(self) -> None:
        package = self.model.package
        if not package.roots or self.scan.running or self.export_task is not None:
            return
        dialog = ExportDialog(
            package,
            folder=self.settings.get("folders/last_export"),
            seda_version=package.seda_version or self.settings.get("export/seda_version"),
            verify=self.settings.get("export/verify"),
            bordereau=self.settings.get("export/bordereau"),
            preset_dir=self.settings.get("folders/last_preset"),
            parent=self,
            referential=self.referentials["rules"],
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.new_header is not None:
            self.set_header(dialog.new_header, dialog.new_version)
            if dialog.loaded_preset:
                self._adopt_preset_from_dialog(dialog.loaded_preset)
        errors = [f for f in self.verify_package() if f.severity == Severity.ERROR]
        if errors and not self.confirm_export(len(errors)):
            return
        dest = dialog.destination()
        if os.path.exists(dest):
            answer = QMessageBox.question(
                self,
                self.tr("Export the SIP"),
                self.tr("%1 already exists. Replace it?").replace("%1", dest),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.start_export(
            dest, dialog.seda_version(), dialog.verify(), bordereau=dialog.bordereau()
        )

    def start_export(
        self, dest: str, version: str, verify: bool = True, *, bordereau: bool | None = None
    ) -> Task:
        """Export a snapshot of the package in the background (editing may go on).

        ``bordereau`` (default: the ``export/bordereau`` setting): then write the transfer
        slip beside the zip, in the same task. The SIP stays when the slip fails or is
        cancelled; ``_export_outcome`` (filled by the worker, read once the task ended)
        says what happened to the slip.
        """
        from datetime import datetime

        from app.bordereau import BordereauError, default_path, sip_digest, write_bordereau
        from seda.package import export_sip

        if bordereau is None:
            bordereau = bool(self.settings.get("export/bordereau"))
        self.settings.set("folders/last_export", str(Path(dest).parent))
        self.settings.set("export/seda_version", version)
        self.settings.set("export/verify", bool(verify))
        self.settings.set("export/bordereau", bool(bordereau))
        snapshot = snapshot_package(self.model.package)
        snapshot.header.date = snapshot.header.date or datetime.now().astimezone()
        snapshot.seda_version = version
        rules, lang = self.referentials["rules"], self.lang
        slip = str(default_path(dest)) if bordereau else ""
        outcome: dict[str, Any] = {"slip": slip, "phase": "export"}
        self._export_outcome = outcome

        def job(progress: Any) -> Any:  # worker thread: works on the snapshot only
            report = export_sip(snapshot, dest, version=version, progress=progress, verify=verify)
            outcome["report"] = report
            if slip:
                outcome["phase"] = "slip"
                try:
                    write_bordereau(
                        snapshot,
                        slip,
                        lang=lang,
                        rules=rules,
                        sip_path=report.path,
                        sip_sha512=sip_digest(report.path, progress),
                        progress=progress,
                        message_identifier=report.message_identifier,
                    )
                    outcome["slip_written"] = True
                except BordereauError as exc:
                    outcome["slip_error"] = exc.findings
                except OSError as exc:  # the SIP could not be read back for its digest
                    outcome["slip_error"] = str(exc.strerror or exc)
            return report

        self.job.begin("export")
        task = self.runner.submit(job, name="export")
        self.export_task = task
        task.progressed.connect(lambda d, t, m: self.job.show_progress(outcome["phase"], d, t, m))
        task.finished.connect(self._export_done)
        task.failed.connect(self._export_error)
        task.cancelled.connect(self._export_cancelled)
        task.ended.connect(self._export_ended)
        self._update_actions()
        return task

    def _export_ended(self) -> None:
        self.export_task = None
        self.job.end()
        self._update_actions()

    def _export_done(self, report: Any) -> None:
        self.last_export = report
        self._add_findings(list(report.findings))
        path = str(report.path)
        text = self.tr("The SIP was written:\n%1\n\n%2 units, %3 files, %4.").replace("%1", path)
        text = (
            text.replace("%2", number(report.units))
            .replace("%3", number(report.files))
            .replace("%4", human_size(report.total_bytes))
        )
        if report.findings:
            text += "\n\n" + self.tr(
                "See the findings panel: %n warning(s).", "", len(report.findings)
            )
        outcome = self._export_outcome
        slip = str(outcome.get("slip") or "")
        slip_written = bool(outcome.get("slip_written"))
        if slip_written:
            text += "\n\n" + self.tr("Transfer slip to print and sign:\n%1").replace("%1", slip)
        elif slip:
            error = outcome.get("slip_error")
            if isinstance(error, list):
                from ui.formatting import describe_finding

                self._add_findings(error)
                error = "\n".join(describe_finding(f, self.lang) for f in error[:3])
            reason = str(error) if error else self.tr("cancelled before the end; nothing was left")
            text += "\n\n" + self.tr("The transfer slip was not written: %1").replace("%1", reason)
        box = self._message(QMessageBox.Icon.Information, self.tr("Export finished"), text)
        if slip_written:
            slip_button = box.addButton(self.tr("Open the slip"), QMessageBox.ButtonRole.ActionRole)
            slip_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(slip)))
        folder_button = box.addButton(self.tr("Open the folder"), QMessageBox.ButtonRole.ActionRole)
        folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        self.export_finished.emit(report)

    def _export_error(self, error: BaseException) -> None:
        findings = list(getattr(error, "findings", []) or [])
        self._add_findings(findings)
        if findings:
            from ui.formatting import describe_finding

            details = "\n".join(describe_finding(f, self.lang) for f in findings[:10])
        else:
            details = f"{type(error).__name__}: {error}"
        self._message(
            QMessageBox.Icon.Critical,
            self.tr("Export failed"),
            self.tr("The SIP was not written.") + "\n\n" + details,
        )
        self.export_failed.emit(findings)

    def _export_cancelled(self) -> None:
        outcome = self._export_outcome
        if outcome.get("report") is not None:  # cancelled during the slip: the SIP is there
            self._export_done(outcome["report"])
            return
        self.statusBar().showMessage(self.tr("Export cancelled: nothing was written."), 8000)
        self.export_cancelled.emit()

    # -- transfer profile (preset) and referentials --------------------------------------------
    def _restore_preset(self) -> None:
        """Reopen the last profile; a file gone or broken since is said, not fatal."""
        path = self.settings.get("export/preset")
        if path and not self.use_preset(path, apply=False, quiet=True):
            self.statusBar().showMessage(
                self.tr("The transfer profile “%1” could not be read again.").replace("%1", path),
                10000,
            )
        if self.preset is not None:
            apply_preset(self.preset, self.model.package)  # empty package: nothing to undo
        self.reload_referentials()
        self.update_preset_label()

    def use_preset(self, path: str | Path, *, apply: bool = True, quiet: bool = False) -> bool:
        """Make the profile at ``path`` the current one.

        Its engine and exclusions are used by the next scan, its referentials are loaded;
        with ``apply`` its header, default rules and default attachment go on the package
        (one undo step). False when the file is refused (explained unless ``quiet``).
        """
        path = str(path)
        try:
            preset = load_preset(path)
        except (PresetError, OSError) as exc:
            if not quiet:
                self._message(
                    QMessageBox.Icon.Warning,
                    self.tr("Profile refused"),
                    str(exc) if isinstance(exc, PresetError) else f"{path}\n{exc}",
                )
            return False
        self.preset = preset
        self.preset_path = path
        self.store = ReferentialStore(preset.name or Path(path).stem)
        self.settings.set("export/preset", path)
        self.settings.set("folders/last_preset", str(Path(path).parent))
        if preset.engine in ENGINES and preset.engine != self.settings.get("scan/engine"):
            self.settings.set("scan/engine", preset.engine)
            for action in self.engine_group.actions():
                action.setChecked(action.data() == preset.engine)
        self.reload_referentials()
        if apply:
            self.apply_current_preset()
        self.update_preset_label()
        self.update_status()
        self._update_actions()
        return True

    def forget_preset(self) -> None:
        """No current profile any more (the package keeps what was applied)."""
        self.preset = None
        self.preset_path = ""
        self.store = ReferentialStore("")
        self.settings.set("export/preset", "")
        self.reload_referentials()
        self.update_preset_label()
        self._update_actions()

    def apply_current_preset(self, *, header: bool = True) -> ApplyPresetCommand | None:
        """Push the current profile onto the package as one undo step (None: no change).

        Without ``header`` only the default attachment is applied (the header came from a
        dialog where the user may have changed the profile's values).
        """
        preset = self.preset
        if preset is None:
            return None
        package = self.model.package
        scratch = Package(header=copy.deepcopy(package.header), seda_version=package.seda_version)
        if header:
            apply_preset(preset, scratch)
        att = preset.default_attachment
        attachments = (
            [(r, att) for r in package.roots if not r.attachment.is_set] if att.is_set else []
        )
        if (
            scratch.header == package.header
            and scratch.seda_version == package.seda_version
            and not attachments
        ):
            return None
        command = ApplyPresetCommand(
            self.model,
            scratch.header if scratch.header != package.header else package.header,
            scratch.seda_version,
            attachments,
            preset.name or Path(self.preset_path).stem,
            self._preset_applied,
        )
        self.stack.push(command)
        return command

    def _preset_applied(self, units: list[ArchiveUnit]) -> None:
        self._header_changed()
        self._attachments_changed(units)

    def _adopt_preset_from_dialog(self, path: str) -> None:
        """A profile loaded in the header dialog: its header is in; take the rest."""
        if self.use_preset(path, apply=False):
            self.apply_current_preset(header=False)

    def choose_preset(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Use a transfer profile"),
            self.settings.get("folders/last_preset") or str(Path.home()),
            self.tr("Profiles (*.yaml *.yml)"),
        )
        if path:
            self.use_preset(path)

    def edit_presets(self) -> None:
        """The profile editor on the current profile; then use what was saved."""
        from ui.preset_editor import PresetEditorDialog

        dialog = PresetEditorDialog(self.preset_path or None, self)
        dialog.exec()
        path = dialog.path
        if path is None or not path.is_file():
            self.reload_referentials()  # referentials may have been imported anyway
            return
        if self.preset_path and _same_file(path, self.preset_path):
            self.use_preset(path)  # saved changes apply (one undo step if any)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Transfer profiles"),
            self.tr("Use the profile “%1” for this transfer?").replace(
                "%1", dialog.preset().name or path.stem
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.use_preset(path)
        else:
            self.reload_referentials()

    def update_preset_label(self) -> None:
        if self.preset is None:
            self.preset_label.setText(self.tr("No transfer profile"))
            self.preset_label.setToolTip(self.tr("Profiles › Use a profile for this transfer…"))
        else:
            name = self.preset.name or Path(self.preset_path).stem
            self.preset_label.setText(self.tr("Profile: %1").replace("%1", name))
            self.preset_label.setToolTip(self.preset_path)

    def reload_referentials(self) -> None:
        """The current profile's referentials: the files imported into its store first, else
        the paths its YAML names. Loaded files are cached (reloaded when they change)."""
        for kind in ("rules", "agencies", "tree"):
            obj = getattr(self.store, kind)()
            if obj is None and self.preset is not None:
                path = getattr(self.preset.referentials, kind)
                obj = self._load_referential_file(kind, path) if path is not None else None
            self.referentials[kind] = obj
        self.details.set_referential(self.referentials["rules"])

    def _load_referential_file(self, kind: str, path: Path) -> Any:
        try:
            st = os.stat(path)
        except OSError:
            return None
        signature = (str(path), st.st_mtime_ns, st.st_size)
        cached = self._loaded_refs.get(kind)
        if cached is not None and cached[0] == signature:
            return cached[1]
        loader = {"rules": load_rules, "agencies": load_agencies, "tree": load_tree}[kind]
        try:
            obj = loader(path)
        except (ReferentialError, OSError):
            obj = None
        self._loaded_refs[kind] = (signature, obj)
        return obj

    def import_referential(self, kind: str, path: str | Path) -> list[Finding]:
        """Check and keep a referential file for the current profile; [] when accepted."""
        result = self.store.import_file(kind, path)
        if result.ok:
            self.reload_referentials()
            self.statusBar().showMessage(
                self.tr("Referential imported: %1").replace("%1", Path(path).name), 6000
            )
        return list(result.findings)

    def import_referential_dialog(self, kind: str) -> None:
        titles = {
            "rules": self.tr("Import the rules referential"),
            "agencies": self.tr("Import the agencies referential"),
            "tree": self.tr("Import the positioning tree"),
        }
        filters = {
            "rules": self.tr("Referentials (*.csv)"),
            "agencies": self.tr("Referentials (*.csv)"),
            "tree": self.tr("Trees and filing plans (*.zip *.xml *.csv)"),
        }
        path, _ = QFileDialog.getOpenFileName(
            self, titles[kind], self.settings.get("folders/last_preset"), filters[kind]
        )
        if not path:
            return
        findings = self.import_referential(kind, path)
        if findings:
            from ui.formatting import describe_finding

            self._message(
                QMessageBox.Icon.Warning,
                titles[kind],
                self.tr("The archives service would refuse this file:")
                + "\n\n"
                + "\n".join(describe_finding(f, self.lang) for f in findings[:10]),
            )

    # -- positioning tree -----------------------------------------------------------------------
    def target_roots(self) -> tuple[list[ArchiveUnit], list[ArchiveUnit]]:
        """Roots the attachment applies to: those of the selection (all roots without one),
        and the selected units that are not roots themselves."""
        units = self.selected_units() or list(self.model.package.roots)
        roots: list[ArchiveUnit] = []
        deeper: list[ArchiveUnit] = []
        for unit in units:
            top = unit
            while top.parent is not None:
                top = top.parent
            if top is not unit:
                deeper.append(unit)
            if not any(r is top for r in roots):
                roots.append(top)
        return roots, deeper

    def attach_to_tree(self) -> bool:
        """Pick the node of the SAE's positioning tree the selected root(s) go under."""
        roots, deeper = self.target_roots()
        if not roots or self.scan.running:
            return False
        dialog = TreePickerDialog(
            self.referentials["tree"], self, store=self.store, current=roots[0].attachment
        )
        note = QLabel(self._attach_note(roots, deeper), dialog)
        note.setObjectName("attachNote")
        note.setWordWrap(True)
        note.setStyleSheet("font-weight: bold;" if deeper else "")
        dialog.layout().insertWidget(0, note)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.reload_referentials()  # the picker may have imported a tree
        attachment = dialog.chosen_attachment() if accepted else None
        if attachment is None:
            return False
        self.attach_roots(roots, attachment)
        return True

    def _attach_note(self, roots: list[ArchiveUnit], deeper: list[ArchiveUnit]) -> str:
        quoted = [self.tr("“%1”").replace("%1", r.title) for r in roots[:3]]
        names = ", ".join(quoted) + (" …" if len(roots) > 3 else "")
        text = self.tr("Units attached: %1").replace("%1", names)
        if deeper:
            text = self.tr(
                "Only top-level units are attached (the rest follows them): the choice "
                "applies to %1."
            ).replace("%1", names)
        return text

    def attach_roots(self, roots: Sequence[ArchiveUnit], attachment: Attachment) -> bool:
        """Attach ``roots`` (one undo step); False when nothing changes."""
        command = set_attachment(roots, attachment, self.stack, notify=self._attachments_changed)
        return command is not None

    def _attachments_changed(self, units: list[ArchiveUnit]) -> None:
        if not units:
            return
        self.model.refresh_units(units, COL_TITLE, COL_TITLE)
        unit = self.details.form.unit
        if unit is not None and any(u is unit for u in units):
            self.details.form.refresh()

    def _attach_new_roots(self, roots: list[ArchiveUnit]) -> None:
        """Scanned top-level units get the profile's default attachment (part of the add)."""
        att = self.preset.default_attachment if self.preset is not None else None
        if att is None or not att.is_set:
            return
        changed = []
        for root in roots:
            if root.parent is None and not root.attachment.is_set and self.model.contains(root):
                root.attachment = copy.copy(att)
                changed.append(root)
        self._attachments_changed(changed)

    # -- rules, verification ----------------------------------------------------------------------
    def show_rules(self) -> None:
        self.details.show_rules()

    def verify_package(self) -> list[Finding]:
        """What the SAE would refuse or warn about, shown in the Verification tab."""
        from seda.validate import check_package

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            findings = check_package(
                self.model.package,
                rules=self.referentials["rules"],
                agencies=self.referentials["agencies"],
            )
        finally:
            QApplication.restoreOverrideCursor()
        self.verification.show_findings(findings)
        index = self.bottom.indexOf(self.verification)
        self.bottom.setTabText(
            index, self.tr("Verification (%1)").replace("%1", number(len(findings)))
        )
        self.bottom.setCurrentIndex(index)
        errors = sum(1 for f in findings if f.severity == Severity.ERROR)
        self.statusBar().showMessage(
            self.tr("Verification: %n error(s).", "", errors)
            if errors
            else self.tr("Verification: nothing the archives service would refuse."),
            8000,
        )
        return findings

    def confirm_export(self, errors: int) -> bool:
        """Ask before writing a SIP the SAE would refuse (tests replace this)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Export the SIP"),
            self.tr(
                "The archives service would refuse this transfer: %n error(s), listed in the "
                "Verification tab. Export anyway?",
                "",
                errors,
            ),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        export = box.addButton(self.tr("Export anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Go back and fix"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is export

    # -- status, title, findings ----------------------------------------------------------------
    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A window-modal message that does not block (tests read ``last_message``)."""
        if self.last_message is not None:
            self.last_message.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.last_message = box
        QTimer.singleShot(0, box.open)
        return box

    def _add_findings(self, findings: list[Finding]) -> None:
        if not findings:
            return
        self.findings.add(findings)
        self.bottom.setTabText(
            0, self.tr("Findings (%1)").replace("%1", number(len(self.findings.findings)))
        )

    def _structure_changed(self) -> None:
        self.left.setCurrentIndex(1 if self.model.package.roots else 0)
        if self.proxy.visible is not None:
            self._search_timer.start()  # new/moved units: match again
        self._schedule_stats()
        self._update_actions()

    def _schedule_stats(self) -> None:
        if not self._stats_timer.isActive():
            self._stats_timer.start()

    def update_status(self) -> None:
        """Recompute counts, chart and title now (the scan uses the sliced ``stats_job``)."""
        self._stats_ready(compute_stats(self.model.package))

    def _stats_ready(self, result: StatsResult) -> None:
        package = self.model.package
        stats = result.stats
        self.last_stats = stats
        self.counts_label.setText(
            self.tr("%1 units · %2 files · %3 · %4 unknown formats")
            .replace("%1", number(stats.units))
            .replace("%2", number(stats.files))
            .replace("%3", human_size(stats.total_size))
            .replace("%4", number(stats.unknown_formats))
        )
        engine = self.settings.get("scan/engine")
        signatures = package.signature_version
        text = self.tr("Identification: %1").replace("%1", engine)
        short = _short_signature(signatures)
        if short:
            text += f" ({short})"  # the whole name in the tooltip: the status bar is narrow
        self.engine_label.setText(text)
        self.engine_label.setToolTip(signatures)
        self.chart.set_stats(stats, result.names)
        self.update_title()

    def package_name(self) -> str:
        roots = self.model.package.roots
        if not roots:
            return ""
        if len(roots) == 1:
            return roots[0].title
        return self.tr("%1 (+%n more)", "", len(roots) - 1).replace("%1", roots[0].title)

    def update_title(self) -> None:
        """The title: "Verso — <work or package name>", "*" while changes are unsaved."""
        modified = self.has_unsaved_changes()
        name = self.work_name()
        if name:
            self.setWindowTitle(f"Verso — {name}[*]")
        else:
            self.setWindowTitle("Verso[*]" if modified else "Verso")
        self.setWindowModified(modified)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Verso"),
            self.tr(
                "Verso prepares SEDA 2.1, 2.2 and 2.3 transfer packages (SIP) for a Vitam "
                "archiving system.\nYour files are only read, never changed."
            ),
        )


def _answer(box: QMessageBox) -> QMessageBox.StandardButton:
    """The standard button clicked in ``box`` (Cancel when closed otherwise)."""
    clicked = box.clickedButton()
    button = box.standardButton(clicked) if clicked is not None else None
    return button or QMessageBox.StandardButton.Cancel


def _recovery_file() -> Path:
    """This process's automatic recovery copy, in the user's data folder."""
    from app.referential_store import data_dir

    return data_dir() / "recovery" / f"recovery-{os.getpid()}{workfile.SUFFIX}"


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return str(a) == str(b)


def index_path(index: QModelIndex) -> list[int]:
    """Rows from the top to ``index`` (handy in tests)."""
    rows = []
    while index.isValid():
        rows.append(index.row())
        index = index.parent()
    return rows[::-1]


def app_instance() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app
