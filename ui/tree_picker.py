"""Choose where the transfer goes in the archives service's positioning tree / filing plan.

The SAE files each root unit of a transfer under an existing unit of its tree, found by its
system id (GUID) or by an identifier (ArchiveUnitIdentifierKey). Referents know the node by
its title or call number, so they pick it here and Verso works out the identifier
(``PositioningTree.attachment_for``).

API::

    dialog = TreePickerDialog(tree, parent, store=referential_store)   # tree may be None
    if dialog.exec():
        node, attachment = dialog.chosen_node(), dialog.chosen_attachment()
    TreePickerDialog.choose(parent, tree, store) -> tuple[TreeNode, Attachment] | None
    set_attachment(units, attachment, undo_stack, notify=None) -> SetAttachmentCommand | None

``set_attachment`` applies to ROOT units only: the SAE reads the attachment of the
transfer's top-level units, a unit deeper in the tree goes wherever its root goes. Non-root
units in ``units`` are ignored; when none is a root nothing is pushed and it returns None.
Passing ``Attachment()`` removes the attachment.

The "Importer un arbre…" button loads a SIP zip, a manifest XML, a DIP zip or a ReSIP CSV;
with a ``ReferentialStore`` the file is checked and kept in the preset's data folder,
refusals are shown in French through ``app.messages.describe``.

Translation contexts: ``TreePickerDialog``, ``PositioningTreeModel``, ``SetAttachmentCommand``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.referential_store import ReferentialStore
from seda.findings import Finding
from seda.model import ArchiveUnit, Attachment
from seda.referentials import PositioningTree, ReferentialError, TreeNode, load_tree
from seda.referentials.csvcheck import matches
from seda.referentials.tree import IDENTIFIER_KEYS
from ui.formatting import level_label
from ui.readonly_model import ReadOnlyItemModel

COL_TITLE, COL_LEVEL, COL_IDS = range(3)
COLUMN_COUNT = 3
NodeRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _id_label(name: str) -> str:
    labels = {
        "ArchivalAgencyArchiveUnitIdentifier": QCoreApplication.translate(
            "TreePickerDialog", "Cote"
        ),
        "OriginatingAgencyArchiveUnitIdentifier": QCoreApplication.translate(
            "TreePickerDialog", "Identifiant producteur"
        ),
        "TransferringAgencyArchiveUnitIdentifier": QCoreApplication.translate(
            "TreePickerDialog", "Identifiant versant"
        ),
        "FilePlanPosition": QCoreApplication.translate("TreePickerDialog", "Position dans le plan"),
        "OriginatingSystemId": QCoreApplication.translate(
            "TreePickerDialog", "Identifiant système d'origine"
        ),
    }
    return labels.get(name, name)


def describe_findings(findings: Sequence[Finding]) -> str:
    """French sentences for refusals (app.messages), one per line."""
    try:
        from app.messages import describe
    except ImportError:  # pragma: no cover - app.messages ships with the app
        return "\n".join(f"{f.code} {f.params}" for f in findings)
    return "\n".join(describe(f, "fr") for f in findings)


def attachment_text(attachment: Attachment) -> str:
    """How a root will point at its node, for the user."""
    if attachment.system_id:
        return QCoreApplication.translate("TreePickerDialog", "par identifiant système %1").replace(
            "%1", attachment.system_id
        )
    if attachment.metadata_name and attachment.metadata_value:
        return (
            QCoreApplication.translate("TreePickerDialog", "par %1 = « %2 »")
            .replace("%1", _id_label(attachment.metadata_name))
            .replace("%2", attachment.metadata_value)
        )
    return ""


class PositioningTreeModel(ReadOnlyItemModel):
    """TreeNodes as rows (title, level, identifiers); internal pointer = the TreeNode."""

    def __init__(self, tree: PositioningTree | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.tree: PositioningTree | None = None
        self._rows: dict[int, int] = {}
        self._headers = [self.tr("Intitulé"), self.tr("Niveau"), self.tr("Identifiants")]
        self.set_tree(tree)

    def set_tree(self, tree: PositioningTree | None) -> None:
        self.beginResetModel()
        self.tree = tree
        self._rows = {}
        if tree is not None:
            for i, root in enumerate(tree.roots):
                self._rows[id(root)] = i
            for node in tree.nodes():
                for i, child in enumerate(node.children):
                    self._rows[id(child)] = i
        self.endResetModel()

    def _siblings(self, node: TreeNode | None) -> list[TreeNode]:
        if node is None:
            return self.tree.roots if self.tree is not None else []
        return node.children

    def index_for(self, node: TreeNode, column: int = 0) -> QModelIndex:
        row = self._rows.get(id(node))
        if row is None:
            return QModelIndex()
        return self.createIndex(row, column, node)

    def node_at(self, index: AnyIndex) -> TreeNode | None:
        ptr = index.internalPointer() if index.isValid() else None
        return ptr if isinstance(ptr, TreeNode) else None

    def index(self, row: int, column: int, parent: AnyIndex = _ROOT) -> QModelIndex:
        if row < 0 or column < 0 or column >= COLUMN_COUNT:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        siblings = self._siblings(self.node_at(parent) if parent.isValid() else None)
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: AnyIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        node = self.node_at(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.index_for(node.parent)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._siblings(None))
        if parent.column() != 0:
            return 0
        node = self.node_at(parent)
        return len(node.children) if node is not None else 0

    @staticmethod
    def identifiers_text(node: TreeNode) -> str:
        parts = []
        if node.system_id:
            parts.append(node.system_id)
        for name in IDENTIFIER_KEYS:
            for value in node.identifiers(name):
                parts.append(f"{_id_label(name)} : {value}")
        return " ; ".join(parts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node_at(index)
        if node is None:
            return None
        if role == NodeRole:
            return node
        if role == SearchRole:
            fields = [node.title, node.key, node.system_id, node.originating_system_id]
            fields += node.archival_ids + node.originating_ids
            fields += node.transferring_ids + node.file_plan_position
            return fields
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == COL_TITLE:
                return node.title or node.key
            if column == COL_LEVEL:
                return level_label(node.level) if node.level else ""
            if column == COL_IDS:
                return self.identifiers_text(node)
        return None


class TreeFilterProxy(QSortFilterProxyModel):
    """Accent- and case-insensitive search on titles and identifiers; keeps the ancestors
    of matching nodes (recursive filtering) so the user sees where a hit is."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setRecursiveFilteringEnabled(True)

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9 (invalidateFilter is deprecated)
            self.beginFilterChange()
            self._text = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._text = text
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._text.strip():
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        fields = index.data(SearchRole) or []
        return matches(self._text, *fields)


class TreePickerDialog(QDialog):
    """Pick a node of a positioning tree; the attachment it gives is shown before OK."""

    def __init__(
        self,
        tree: PositioningTree | None = None,
        parent: QWidget | None = None,
        *,
        store: ReferentialStore | None = None,
        current: Attachment | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tree = tree
        self.setWindowTitle(self.tr("Rattachement dans l'arbre du service d'archives"))
        self.model = PositioningTreeModel(tree, self)
        self.proxy = TreeFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Importer un arbre…"))
        self.import_button.setToolTip(
            self.tr(
                "Arbre de positionnement ou plan de classement : bordereau (zip) qui l'a créé, "
                "manifeste XML, export DIP (zip) ou tableau CSV de ReSIP."
            )
        )
        self.import_button.clicked.connect(self._import_clicked)
        top.addWidget(self.source_label, 1)
        top.addWidget(self.import_button)
        layout.addLayout(top)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Rechercher un intitulé, une cote, un identifiant…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        layout.addWidget(self.search)

        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.view.doubleClicked.connect(lambda _i: self._accept_if_ok())
        layout.addWidget(self.view, 1)

        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.path_label)
        layout.addWidget(self.result_label)
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        if current is not None and current.is_set:
            self.current_label.setText(
                self.tr("Rattachement actuel : « %1 » %2")
                .replace("%1", current.title or "?")
                .replace("%2", attachment_text(current))
            )
        layout.addWidget(self.current_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_ok)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.last_findings: list[Finding] = []
        self._after_tree_change()
        self.resize(720, 560)

    # -- API -------------------------------------------------------------------------------------
    @classmethod
    def choose(
        cls,
        parent: QWidget | None,
        tree: PositioningTree | None,
        store: ReferentialStore | None = None,
        current: Attachment | None = None,
    ) -> tuple[TreeNode, Attachment] | None:
        dialog = cls(tree, parent, store=store, current=current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        node, att = dialog.chosen_node(), dialog.chosen_attachment()
        return (node, att) if node is not None and att is not None else None

    def set_tree(self, tree: PositioningTree | None) -> None:
        self.tree = tree
        self.model.set_tree(tree)
        self._after_tree_change()

    def load_file(self, path: Path | str) -> list[Finding]:
        """Load (and with a store, keep) a tree file; returns the refusal findings."""
        if self.store is not None:
            result = self.store.import_tree(path)
            if not result.ok:
                self.last_findings = result.findings
                return result.findings
            tree = result.referential
        else:
            try:
                tree = load_tree(path)
            except ReferentialError as exc:
                self.last_findings = list(exc.findings)
                return self.last_findings
        self.last_findings = []
        self.set_tree(tree)
        return []

    def set_search(self, text: str) -> None:
        self.search.setText(text)

    def select_node(self, node: TreeNode) -> bool:
        source = self.model.index_for(node)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def chosen_node(self) -> TreeNode | None:
        index = self.proxy.mapToSource(self.view.currentIndex())
        return self.model.node_at(index)

    def chosen_attachment(self) -> Attachment | None:
        """The attachment for the chosen node; None without a node or a usable identifier."""
        node = self.chosen_node()
        if node is None or self.tree is None:
            return None
        att = self.tree.attachment_for(node)
        return att if att.is_set else None

    # -- internals ---------------------------------------------------------------------------------
    def _after_tree_change(self) -> None:
        if self.tree is None:
            self.source_label.setText(
                self.tr(
                    "Aucun arbre chargé : importez l'arbre ou le plan fourni par le service d'archives."
                )
            )
        else:
            self.source_label.setText(
                self.tr("%1 nœuds — %2")
                .replace("%1", str(len(self.tree)))
                .replace("%2", Path(self.tree.source).name if self.tree.source else "")
            )
        self.view.expandToDepth(1)
        self.view.resizeColumnToContents(COL_TITLE)
        self.view.setColumnWidth(COL_TITLE, min(self.view.columnWidth(COL_TITLE), 420))
        self._update()

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if text.strip():
            self.view.expandAll()
            if not self.view.currentIndex().isValid() and self.proxy.rowCount() > 0:
                first = _first_match(self.proxy, text)
                if first.isValid():
                    self.view.setCurrentIndex(first)
        self._update()

    def _update(self) -> None:
        node = self.chosen_node()
        ok = False
        if node is None:
            self.path_label.setText(self.tr("Choisissez le nœud sous lequel ranger le versement."))
            self.result_label.setText("")
        else:
            self.path_label.setText(" › ".join(n.title or n.key for n in node.path()))
            att = self.chosen_attachment()
            if att is None:
                self.result_label.setText(
                    self.tr(
                        "Ce nœud n'a ni identifiant système ni identifiant utilisable : "
                        "le service d'archives ne pourra pas le retrouver. Choisissez un autre "
                        "nœud ou demandez un export DIP de l'arbre."
                    )
                )
                self.result_label.setStyleSheet("color: #b00020;")
            else:
                ok = True
                self.result_label.setText(
                    self.tr("Les unités de premier niveau seront rattachées %1.").replace(
                        "%1", attachment_text(att)
                    )
                )
                self.result_label.setStyleSheet("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _accept_if_ok(self) -> None:
        if self.chosen_attachment() is not None:
            self.accept()

    def _import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Importer un arbre de positionnement ou un plan de classement"),
            "",
            self.tr("Arbres (*.zip *.xml *.csv);;Tous les fichiers (*)"),
        )
        if not path:
            return
        findings = self.load_file(path)
        if findings:
            QMessageBox.warning(
                self,
                self.tr("Arbre refusé"),
                self.tr("Ce fichier ne peut pas servir d'arbre :")
                + "\n\n"
                + describe_findings(findings),
            )


def _first_match(proxy: TreeFilterProxy, text: str) -> QModelIndex:
    """The first row that matches itself (not merely an ancestor of a match)."""
    stack = [proxy.index(r, 0) for r in range(proxy.rowCount() - 1, -1, -1)]
    while stack:
        index = stack.pop()
        if matches(text, *(index.data(SearchRole) or [])):
            return index
        stack.extend(proxy.index(r, 0, index) for r in range(proxy.rowCount(index) - 1, -1, -1))
    return QModelIndex()


# -- the undoable command ------------------------------------------------------------------------
class SetAttachmentCommand(QUndoCommand):
    """Set the attachment of root units (copies kept before/after for undo)."""

    def __init__(
        self,
        units: Sequence[ArchiveUnit],
        attachment: Attachment,
        text: str = "",
        notify: Callable[[list[ArchiveUnit]], None] | None = None,
    ) -> None:
        super().__init__(
            text
            or QCoreApplication.translate("SetAttachmentCommand", "Rattacher à « %1 »").replace(
                "%1", attachment.title or attachment.metadata_value or attachment.system_id
            )
        )
        self.units = list(units)
        self.before = [copy.copy(u.attachment) for u in self.units]
        self.after = copy.copy(attachment)
        self.notify = notify

    def _done(self) -> None:
        if self.notify is not None:
            try:
                self.notify(list(self.units))
            except RuntimeError:
                self.notify = None

    def redo(self) -> None:
        for unit in self.units:
            unit.attachment = copy.copy(self.after)
        self._done()

    def undo(self) -> None:
        for unit, before in zip(self.units, self.before, strict=True):
            unit.attachment = copy.copy(before)
        self._done()


def set_attachment(
    units: Sequence[ArchiveUnit],
    attachment: Attachment,
    undo_stack: QUndoStack,
    notify: Callable[[list[ArchiveUnit]], None] | None = None,
) -> SetAttachmentCommand | None:
    """Attach the ROOT units among ``units`` (non-roots ignored, see module doc); one undo step.

    Returns the pushed command, or None when no root unit would change.
    """
    roots = [u for u in units if u.parent is None and u.attachment != attachment]
    if not roots:
        return None
    command = SetAttachmentCommand(roots, attachment, notify=notify)
    undo_stack.push(command)
    return command
