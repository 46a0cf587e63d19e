"""The transfer profile (``app.presets``, YAML) and its referentials.

A profile gives the header, default rules and attachment, the scan's engine and exclusions;
its referential files (rules, agencies, positioning tree) are kept per profile by
``app.referential_store``. The current profile's path is the ``export/preset`` setting.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.presets import Preset, PresetError, apply_preset, load_preset
from app.referential_store import ReferentialStore
from app.settings import ENGINES
from seda.findings import Finding
from seda.model import ArchiveUnit, Package
from seda.referentials import ReferentialError, load_agencies, load_rules, load_tree
from ui.commands import ApplyPresetCommand
from ui.controllers.base import Controller, WindowState

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ProfileController(Controller):
    engine_changed = Signal(str)  # a profile chose the identification engine
    preset_changed = Signal()  # a profile was used, restored or forgotten

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.preset: Preset | None = None
        self.preset_path = ""
        self.store = ReferentialStore("")
        self.referentials: dict[str, Any] = {"rules": None, "agencies": None, "tree": None}
        self._loaded_refs: dict[str, tuple[tuple[str, int, int], Any]] = {}
        self.label = window.preset_label

    def build_actions(self) -> None:
        self.act_presets = self.action(self.tr("Transfer &profiles…"), self.edit_presets)
        self.act_use_preset = self.action(
            self.tr("&Use a profile for this transfer…"), self.choose_preset
        )
        self.act_forget_preset = self.action(self.tr("&Stop using the profile"), self.forget_preset)
        self.act_import_rules = self.action(
            self.tr("Import the &rules referential…"),
            lambda: self.import_referential_dialog("rules"),
        )
        self.act_import_agencies = self.action(
            self.tr("Import the &agencies referential…"),
            lambda: self.import_referential_dialog("agencies"),
        )
        self.act_import_tree = self.action(
            self.tr("Import the positioning &tree…"),
            lambda: self.import_referential_dialog("tree"),
        )

    def update_actions(self, state: WindowState) -> None:
        self.act_use_preset.setEnabled(state.idle)
        self.act_forget_preset.setEnabled(self.preset is not None)

    def restore(self) -> None:
        """Reopen the last profile; a file gone or broken since is said, not fatal."""
        path = self.settings.get("export/preset")
        if path and not self.use_preset(path, apply=False, quiet=True):
            self.notify(
                self.tr("The transfer profile “%1” could not be read again.").replace("%1", path),
                10000,
            )
        if self.preset is not None:
            apply_preset(self.preset, self.model.package)  # empty package: nothing to undo
        self.reload_referentials()
        self.update_label()
        self.preset_changed.emit()

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
                self.message(
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
            self.engine_changed.emit(preset.engine)
        self.reload_referentials()
        if apply:
            self.apply_current_preset()
        self.update_label()
        self.preset_changed.emit()
        self.window.status.update_status()
        self.window.update_actions()
        return True

    def forget_preset(self) -> None:
        """No current profile any more (the package keeps what was applied)."""
        self.preset = None
        self.preset_path = ""
        self.store = ReferentialStore("")
        self.settings.set("export/preset", "")
        self.reload_referentials()
        self.update_label()
        self.preset_changed.emit()
        self.window.update_actions()

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
        self.window.header.header_changed()
        self.window.attachment.attachments_changed(units)

    def adopt_from_dialog(self, path: str) -> None:
        """A profile loaded in the header dialog: its header is in; take the rest."""
        if self.use_preset(path, apply=False):
            self.apply_current_preset(header=False)

    def choose_preset(self) -> None:
        path = self.ask_open_file(
            self.tr("Use a transfer profile"),
            "folders/last_preset",
            self.tr("Profiles (*.yaml *.yml)"),
        )
        if path:
            self.use_preset(path)

    def edit_presets(self) -> None:
        """The profile editor on the current profile; then use what was saved."""
        from ui.preset_editor import PresetEditorDialog

        dialog = PresetEditorDialog(self.preset_path or None, self.window)
        dialog.exec()
        path = dialog.path
        if path is None or not path.is_file():
            self.reload_referentials()  # referentials may have been imported anyway
            return
        if self.preset_path and same_file(path, self.preset_path):
            self.use_preset(path)  # saved changes apply (one undo step if any)
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("Transfer profiles"),
            self.tr("Use the profile “%1” for this transfer?").replace(
                "%1", dialog.preset().name or path.stem
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.use_preset(path)
        else:
            self.reload_referentials()

    def update_label(self) -> None:
        if self.preset is None:
            self.label.setText(self.tr("No transfer profile"))
            self.label.setToolTip(self.tr("Profiles › Use a profile for this transfer…"))
        else:
            name = self.preset.name or Path(self.preset_path).stem
            self.label.setText(self.tr("Profile: %1").replace("%1", name))
            self.label.setToolTip(self.preset_path)

    def reload_referentials(self) -> None:
        """The current profile's referentials: the files imported into its store first, else
        the paths its YAML names. Loaded files are cached (reloaded when they change)."""
        for kind in ("rules", "agencies", "tree"):
            obj = getattr(self.store, kind)()
            if obj is None and self.preset is not None:
                path = getattr(self.preset.referentials, kind)
                obj = self._load_referential_file(kind, path) if path is not None else None
            self.referentials[kind] = obj
        self.window.details.set_referential(self.referentials["rules"])

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
            self.notify(self.tr("Referential imported: %1").replace("%1", Path(path).name), 6000)
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
            self.window, titles[kind], self.settings.get("folders/last_preset"), filters[kind]
        )
        if not path:
            return
        findings = self.import_referential(kind, path)
        if findings:
            from ui.formatting import describe_finding

            self.message(
                QMessageBox.Icon.Warning,
                titles[kind],
                self.tr("The archives service would refuse this file:")
                + "\n\n"
                + "\n".join(describe_finding(f, self.lang) for f in findings[:10]),
            )


def same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return str(a) == str(b)
