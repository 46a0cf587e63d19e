"""The archive profile as a guide: the bottom tab beside the tree, the locks on the forms.

The current transfer profile (``app.presets``) may name the SAE's archive profile (RNG);
then ``ui.profile_guide.ProfileGuidePanel`` shows its expected structure and the package's
deviations in the "Archive profile" tab (hidden when the profile names none), the form of
the selected unit and the header dialog get its constraints (fixed values locked, allowed
levels only, required fields marked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.archive_profiles import preset_profiles
from seda.model import ArchiveUnit
from ui.controllers.base import Controller
from ui.profile_guide import ProfileGuidePanel, apply_to_form, apply_to_header_dialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ProfileGuideController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.tabs = window.bottom
        self.panel = ProfileGuidePanel(self.lang, window)
        self.panel.setObjectName("profileGuide")
        self.tabs.addTab(self.panel, self.tr("Archive profile"))
        self.tabs.setTabVisible(self.tabs.indexOf(self.panel), False)
        self._form_locked = False  # the form carries a profile's constraints
        self.model.units_edited.connect(self.panel.refresh_later)
        self.model.structure_changed.connect(self.panel.refresh_later)
        self.model.modelReset.connect(self.package_replaced)
        self.panel.unit_activated.connect(window.verifier.reveal_uid)
        window.profile.preset_changed.connect(self.preset_changed)
        self.panel.set_package(self.model.package)

    @property
    def active(self) -> bool:
        """The current transfer profile names an archive profile that could be read."""
        return self.panel.guide is not None

    def preset_changed(self) -> None:
        """A preset used, restored or forgotten: its archive profile (if any) guides."""
        self.panel.set_profile(preset_profiles(self.window.profile.preset).transfer)
        self.tabs.setTabVisible(self.tabs.indexOf(self.panel), self.active)
        self.units_selected(self.window.selected_units())

    def package_replaced(self) -> None:
        """A new transfer, a saved work or a SIP opened: the guide follows that package."""
        if self.panel.package is not self.model.package:
            self.panel.set_package(self.model.package)

    def units_selected(self, units: list[ArchiveUnit]) -> None:
        """After the details show the selection: one unit gets the profile's constraints."""
        if len(units) != 1:
            return
        if not self.active and not self._form_locked:
            return  # no profile now nor before: the form stays as it is
        apply_to_form(self.window.details.form, self.panel.expected_for(units[0]))
        self._form_locked = self.active

    def apply_to_header(self, dialog: Any) -> None:
        """The transfer header dialog, just built: the profile's fixed and allowed values."""
        if self.active:
            apply_to_header_dialog(dialog, self.panel.guide)
