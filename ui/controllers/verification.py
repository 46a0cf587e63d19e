"""Findings and verification: the bottom tabs, and findings <-> selection in the tree.

The Findings tab lists what scans, openings and exports reported; the Verification tab what
the SAE would refuse (``seda.validate.check_package`` against the profile's referentials).
Double-clicking either selects the unit concerned.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from seda.findings import Finding, Severity
from seda.model import Package
from ui.controllers.base import Controller, WindowState
from ui.formatting import number, short_text

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class VerificationController(Controller):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.findings = window.findings
        self.panel = window.verification
        self.tabs = window.bottom
        window.findings_view.unit_requested.connect(self.reveal_uid)
        window.findings_view.header_requested.connect(self.open_header)
        self.panel.unit_requested.connect(self.reveal_uid)
        self.panel.header_requested.connect(self.open_header)
        self.panel.model.unit_path = self.unit_path
        self.panel.verify_requested.connect(self.verify_package)
        self.stack.indexChanged.connect(lambda _i: self.panel.mark_stale())

    def build_actions(self) -> None:
        self.act_verify = self.action(
            self.tr("&Verify the transfer"),
            self.verify_package,
            QKeySequence("F7"),
            self.tr("List what the archives service would refuse, before exporting"),
        )

    def update_actions(self, state: WindowState) -> None:
        self.act_verify.setEnabled(state.has_package and not state.scanning)

    def findings_for(self, package: Package) -> list[Finding]:
        """What the SAE the profile names would say of ``package``: its referentials, its
        contract's format rule, its PRONOM signatures, its transfer and archive-unit
        profiles (the Verification tab, the export dialog and the transfer slip share it)."""
        return self.checker()(package)

    def checker(self) -> Callable[[Package], list[Finding]]:
        """``findings_for`` with the profile of now: the function may run in a worker
        thread on a snapshot (the transfer slip's verdict), the profile being read here."""
        from seda.validate import check_package

        referentials = dict(self.window.profile.referentials)
        preset = self.window.profile.preset

        def check(package: Package) -> list[Finding]:
            findings = check_package(
                package,
                rules=referentials["rules"],
                agencies=referentials["agencies"],
                contract=preset.sae_contract() if preset is not None else None,
                sae_signatures=preset.sae_signatures if preset is not None else "V109",
            )
            if preset is not None:
                from app.archive_profiles import check_with_preset

                findings += check_with_preset(package, preset)
            return findings

        return check

    def verify_package(self) -> list[Finding]:
        """What the SAE would refuse or warn about, shown in the Verification tab."""

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            findings = self.findings_for(self.model.package)
        finally:
            QApplication.restoreOverrideCursor()
        self.panel.show_findings(findings)
        index = self.tabs.indexOf(self.panel)
        self.tabs.setTabText(
            index, self.tr("Verification (%1)").replace("%1", number(len(findings)))
        )
        self.tabs.setCurrentIndex(index)
        errors = sum(1 for f in findings if f.severity == Severity.ERROR)
        self.notify(
            self.tr("Verification: %n error(s).", "", errors)
            if errors
            else self.tr("Verification: nothing the archives service would refuse."),
            8000,
        )
        return findings

    def add_findings(self, findings: list[Finding]) -> None:
        if not findings:
            return
        self.findings.add(findings)
        self.tabs.setTabText(
            0, self.tr("Findings (%1)").replace("%1", number(len(self.findings.findings)))
        )

    def clear_findings(self) -> None:
        self.findings.clear()
        self.tabs.setTabText(0, self.tr("Findings"))

    def clear_verification(self) -> None:
        self.panel.show_findings(None)
        self.tabs.setTabText(self.tabs.indexOf(self.panel), self.tr("Verification"))

    def show_findings_tab(self) -> None:
        self.tabs.setCurrentIndex(0)

    def show_verification_tab(self) -> None:
        self.tabs.setCurrentIndex(self.tabs.indexOf(self.panel))
        self.panel.view.setFocus()

    def unit_path(self, uid: int) -> str:
        """« Dossier 1 › Sous-dossier › note »: where a unit is in the tree ("" if gone)."""
        unit = self.model.unit_by_uid(uid)
        if unit is None:
            return ""
        titles = [u.title or "…" for u in (*reversed(list(unit.ancestors())), unit)]
        return short_text(" › ".join(titles), 300)

    def open_header(self, field: str) -> None:
        """A finding about the transfer header: its dialog, at that field."""
        self.window.header.edit_header(field)

    def reveal_uid(self, uid: int) -> bool:
        """Select the unit a finding is about (the search is cleared if it hides it)."""
        unit = self.model.unit_by_uid(uid)
        if unit is None:
            return False
        tree = self.window.tree
        if not tree.view_index(unit).isValid():
            self.window.searcher.clear()
        tree.select_units([unit])
        tree.setFocus()
        return True
