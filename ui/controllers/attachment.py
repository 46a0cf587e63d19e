"""Attachment of the top-level units to the SAE's positioning tree (or filing plan)."""

from __future__ import annotations

import copy
from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QLabel

from seda.model import ArchiveUnit, Attachment
from ui.controllers.base import Controller, WindowState
from ui.tree_model import COL_TITLE
from ui.tree_picker import TreePickerDialog, set_attachment


class AttachmentController(Controller):
    def build_actions(self) -> None:
        self.act_attach = self.action(
            self.tr("&Attach to the positioning tree…"),
            self.attach_to_tree,
            None,
            self.tr("Choose where the archives service files the top-level units"),
        )
        self.act_attach.setIconText(self.tr("Attach…"))
        self.window.details.form.attach_requested.connect(self.attach_to_tree)

    def update_actions(self, state: WindowState) -> None:
        self.act_attach.setEnabled(state.has_package and not state.scanning)

    def target_roots(self) -> tuple[list[ArchiveUnit], list[ArchiveUnit]]:
        """Roots the attachment applies to: those of the selection (all roots without one),
        and the selected units that are not roots themselves."""
        units = self.window.tree.selected_units() or list(self.model.package.roots)
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
        if not roots or self.scanning():
            return False
        profile = self.window.profile
        dialog = TreePickerDialog(
            profile.referentials["tree"],
            self.window,
            store=profile.store,
            current=roots[0].attachment,
        )
        note = QLabel(self._note(roots, deeper), dialog)
        note.setObjectName("attachNote")
        note.setWordWrap(True)
        note.setStyleSheet("font-weight: bold;" if deeper else "")
        dialog.layout().insertWidget(0, note)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        profile.reload_referentials()  # the picker may have imported a tree
        attachment = dialog.chosen_attachment() if accepted else None
        if attachment is None:
            return False
        self.attach_roots(roots, attachment)
        return True

    def _note(self, roots: list[ArchiveUnit], deeper: list[ArchiveUnit]) -> str:
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
        command = set_attachment(roots, attachment, self.stack, notify=self.attachments_changed)
        return command is not None

    def attachments_changed(self, units: list[ArchiveUnit]) -> None:
        if not units:
            return
        self.model.refresh_units(units, COL_TITLE, COL_TITLE)
        form = self.window.details.form
        if form.unit is not None and any(u is form.unit for u in units):
            form.refresh()

    def attach_new_roots(self, roots: list[ArchiveUnit]) -> None:
        """Scanned top-level units get the profile's default attachment (part of the add)."""
        preset = self.window.profile.preset
        att = preset.default_attachment if preset is not None else None
        if att is None or not att.is_set:
            return
        changed = []
        for root in roots:
            if root.parent is None and not root.attachment.is_set and self.model.contains(root):
                root.attachment = copy.copy(att)
                changed.append(root)
        self.attachments_changed(changed)
