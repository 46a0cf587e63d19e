"""The descriptive fields archivists fill beyond title, cote, dates and keywords: plan
position, writers and addressees, languages, tags, custodial history, coverage, system
ids, transaction and acquisition dates (``ArchiveUnit.more``).

Each change is one ``EditFieldsCommand`` on the window's undo stack, setting a fresh copy
of ``unit.more`` (so undo restores the previous one whole). Dates go through a date
widget, so an impossible date cannot be typed; the CSV import refuses one with a message.
Agents edited here by name keep their other details (identifiers, roles) when the name
stays.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QWidget

from seda.model import Agent, ArchiveUnit, MoreDescription
from ui.commands import push_field_edits
from ui.fields import DateField, StringListEditor
from ui.tree_model import PackageTreeModel

AGENT_ELEMENTS = ("Writer", "Addressee", "Recipient", "Sender")


def agent_name(agent: Agent) -> str:
    """What the form shows for an agent: its full name, else first + birth name, else
    the body's name."""
    if agent.full_name.strip():
        return agent.full_name.strip()
    joined = " ".join(p for p in (agent.first_name.strip(), agent.birth_name.strip()) if p)
    return joined or agent.corpname.strip()


def agents_with_names(agents: Sequence[Agent], element: str, names: Sequence[str]) -> list[Agent]:
    """``agents`` with those of ``element`` replaced by ``names`` (an agent whose name is
    kept keeps its other details; a new name is a new agent with that full name)."""
    existing = {agent_name(a): a for a in agents if a.element == element}
    kept = [a for a in agents if a.element != element]
    for name in names:
        agent = existing.get(name)
        kept.append(copy.deepcopy(agent) if agent else Agent(element, full_name=name))
    return kept


class MoreDescriptionForm(QGroupBox):
    """A group of the unit form; ``set_unit`` shows a unit, edits are commands."""

    def __init__(
        self, model: PackageTreeModel, stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("More description"), parent)
        self.model = model
        self.stack = stack
        self.unit: ArchiveUnit | None = None
        self.file_plan = StringListEditor(self.tr("Position in the filing plan"), self)
        self.agents = {
            "Writer": StringListEditor(self.tr("Writer's name, then Enter"), self),
            "Addressee": StringListEditor(self.tr("Addressee's name, then Enter"), self),
            "Recipient": StringListEditor(self.tr("Recipient's name, then Enter"), self),
            "Sender": StringListEditor(self.tr("Sender's name, then Enter"), self),
        }
        self.languages = StringListEditor(self.tr("Language code, e.g. fr"), self)
        self.description_language = QLineEdit(self)
        self.description_language.setPlaceholderText(self.tr("e.g. fr"))
        self.tags = StringListEditor(self.tr("New tag, then Enter"), self)
        self.custodial = StringListEditor(self.tr("Who kept it, when"), self)
        self.spatial = StringListEditor(self.tr("Place"), self)
        self.temporal = StringListEditor(self.tr("Period"), self)
        self.system_ids = StringListEditor(self.tr("Identifier in the archives' system"), self)
        self.originating_system_ids = StringListEditor(
            self.tr("Identifier in the producer's software"), self
        )
        self.transacted = DateField(self)
        self.acquired = DateField(self)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Filing plan position"), self.file_plan)
        form.addRow(self.tr("Writers"), self.agents["Writer"])
        form.addRow(self.tr("Addressees"), self.agents["Addressee"])
        form.addRow(self.tr("Recipients"), self.agents["Recipient"])
        form.addRow(self.tr("Senders"), self.agents["Sender"])
        form.addRow(self.tr("Languages"), self.languages)
        form.addRow(self.tr("Description language"), self.description_language)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Custodial history"), self.custodial)
        form.addRow(self.tr("Places covered"), self.spatial)
        form.addRow(self.tr("Periods covered"), self.temporal)
        form.addRow(self.tr("System identifiers"), self.system_ids)
        form.addRow(self.tr("Producer's system identifiers"), self.originating_system_ids)
        form.addRow(self.tr("Transaction date"), self.transacted)
        form.addRow(self.tr("Acquisition date"), self.acquired)

        self.file_plan.edited.connect(lambda v: self._commit({"file_plan_position": v}))
        for element, editor in self.agents.items():
            editor.edited.connect(self._agents_slot(element))
        lists: list[tuple[StringListEditor, str]] = [
            (self.languages, "languages"),
            (self.tags, "tags"),
            (self.custodial, "custodial_history"),
            (self.spatial, "spatial"),
            (self.temporal, "temporal"),
            (self.system_ids, "system_ids"),
            (self.originating_system_ids, "originating_system_ids"),
        ]
        for editor, name in lists:
            editor.edited.connect(self._more_slot(name))
        self.description_language.editingFinished.connect(
            lambda: self._commit_more(
                "description_language", self.description_language.text().strip()
            )
        )
        self.transacted.changed.connect(
            lambda: self._commit_more("transacted_date", self.transacted.value())
        )
        self.acquired.changed.connect(
            lambda: self._commit_more("acquired_date", self.acquired.value())
        )
        model.units_edited.connect(self._on_units_edited)
        self.setEnabled(False)

    # -- showing -------------------------------------------------------------------------
    def set_unit(self, unit: ArchiveUnit | None) -> None:
        self.unit = unit
        self.setEnabled(unit is not None)
        self.refresh()

    def refresh(self) -> None:
        unit = self.unit
        more = (unit.more if unit is not None else None) or MoreDescription()
        self.file_plan.set_values(unit.file_plan_position if unit else [])
        for element, editor in self.agents.items():
            editor.set_values([agent_name(a) for a in more.agents if a.element == element])
        self.languages.set_values(more.languages)
        self.tags.set_values(more.tags)
        self.custodial.set_values(more.custodial_history)
        self.spatial.set_values(more.spatial)
        self.temporal.set_values(more.temporal)
        self.system_ids.set_values(more.system_ids)
        self.originating_system_ids.set_values(more.originating_system_ids)
        blocked = self.description_language.blockSignals(True)
        self.description_language.setText(more.description_language)
        self.description_language.blockSignals(blocked)
        self.transacted.set_value(more.transacted_date)
        self.acquired.set_value(more.acquired_date)

    def _on_units_edited(self, units: list[ArchiveUnit]) -> None:
        if self.unit is not None and any(u is self.unit for u in units):
            self.refresh()

    # -- editing -------------------------------------------------------------------------
    def _commit(self, values: dict[str, Any]) -> None:
        push_field_edits(self.stack, self.model, self.unit, values)

    def _commit_more(self, name: str, value: Any) -> None:
        unit = self.unit
        if unit is None:
            return
        more = copy.deepcopy(unit.more) if unit.more is not None else MoreDescription()
        if getattr(more, name) == value:
            return
        setattr(more, name, value)
        self._commit({"more": None if more.is_empty() else more})

    def _more_slot(self, name: str) -> Callable[[list[str]], None]:
        return lambda values: self._commit_more(name, list(values))

    def _agents_slot(self, element: str) -> Callable[[list[str]], None]:
        def slot(names: list[str]) -> None:
            unit = self.unit
            if unit is None:
                return
            current = unit.more.agents if unit.more is not None else []
            self._commit_more("agents", agents_with_names(current, element, names))

        return slot


__all__ = ["AGENT_ELEMENTS", "MoreDescriptionForm", "agent_name", "agents_with_names"]
