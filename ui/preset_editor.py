"""Edit a preset (YAML) in a form: header identifiers, SEDA version, engine, exclusions,
default rules, default attachment and the referential files.

Referents should not have to edit YAML by hand; but they may have, so a file with unknown
keys or wrong types shows ``PresetError``'s French message (with lines) instead of crashing,
and the form stays usable to start again. Referential files are imported through
``ReferentialStore`` (checked as the SAE does, copied into the user's data folder); a
refused file is explained in French with ``app.messages.describe``. Saving writes a temp
file, reloads it with ``load_preset`` and only then renames it over the preset, so Verso
never leaves a preset it cannot read.

API::

    dialog = PresetEditorDialog(path_or_None, parent)
    dialog.load(path) -> bool            # False: dialog.error_label shows why
    dialog.preset() -> Preset            # the form's content
    dialog.save(path=None) -> bool       # atomic; preset_saved(str) on success
    dialog.duplicate(path, name) -> bool # copy (with its stored referentials) then switch to it
    dialog.import_referential(kind, file) -> list[Finding]   # kind: rules / agencies / tree
    dialog.fields[<Preset attribute>]    # the editors (QLineEdit / QComboBox / ...)

Translation context: ``PresetEditorDialog``.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import current_language
from app.labels import legal_status_label
from app.presets import (
    ENGINES,
    LEGAL_STATUSES,
    DefaultRule,
    Preset,
    PresetError,
    load_preset,
    save_preset,
)
from app.referential_store import KINDS, ReferentialStore
from seda.atomic import discard_temp, forget_temp, new_temp
from seda.findings import Finding
from seda.model import SEDA_VERSIONS, Attachment, Package, Rule
from seda.referentials import (
    AgenciesReferential,
    PositioningTree,
    ReferentialError,
    RulesReferential,
    load_agencies,
    load_rules,
    load_tree,
)
from seda.referentials.tree import IDENTIFIER_KEYS
from seda.safepath import UnsafeDestination, guard_destination
from ui.formatting import count
from ui.profile_guide import ArchiveProfilesTab
from ui.rules_editor import PackageRulesEditor
from ui.tree_picker import TreePickerDialog, describe_findings

# The header's text fields, in form order; agency identifiers get completion.
_HEADER = (
    "archival_agreement",
    "archival_agency",
    "archival_agency_name",
    "transferring_agency",
    "transferring_agency_name",
    "originating_agency",
    "submission_agency",
    "acquisition_information",
    "comment",
)
_AGENCY_FIELDS = {
    "archival_agency": "archival_agency_name",
    "transferring_agency": "transferring_agency_name",
    "originating_agency": "",
    "submission_agency": "",
}
_SEP = " — "


class PresetEditorDialog(QDialog):
    """A form over one preset file."""

    preset_saved = Signal(str)  # the saved file's path

    def __init__(
        self,
        path: Path | str | None = None,
        parent: QWidget | None = None,
        *,
        store_base: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Profil de versement"))
        self.path: Path | None = None
        self._store_base = store_base
        self._loaded = Preset()
        self._referentials: dict[str, Any] = {}  # kind -> loaded object (or None)
        self.fields: dict[str, Any] = {}

        layout = QVBoxLayout(self)
        file_row = QHBoxLayout()
        self.path_label = QLabel()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Ouvrir…"))
        self.open_button.clicked.connect(self._open_clicked)
        self.duplicate_button = QPushButton(self.tr("Dupliquer…"))
        self.duplicate_button.clicked.connect(self._duplicate_clicked)
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.clicked.connect(lambda: self._save_clicked())
        self.save_as_button = QPushButton(self.tr("Enregistrer sous…"))
        self.save_as_button.clicked.connect(self._save_as_clicked)
        self.close_button = QPushButton(self.tr("Fermer"))
        self.close_button.clicked.connect(self.accept)
        file_row.addWidget(self.path_label, 1)
        file_row.addWidget(self.open_button)
        layout.addLayout(file_row)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._general_tab(), self.tr("Général"))
        self.tabs.addTab(self._header_tab(), self.tr("En-tête"))
        self.tabs.addTab(self._referentials_tab(), self.tr("Référentiels"))
        self.tabs.addTab(self._rules_tab(), self.tr("Règles par défaut"))
        self.tabs.addTab(self._attachment_tab(), self.tr("Rattachement"))
        self.tabs.addTab(self._exclusions_tab(), self.tr("Fichiers écartés"))
        self.profiles_tab = ArchiveProfilesTab()
        self.tabs.addTab(self.profiles_tab, self.tr("Profils d'archivage"))
        layout.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.duplicate_button)
        buttons.addStretch(1)
        for b in (self.save_as_button, self.save_button, self.close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)

        self._fill(Preset())
        if path is not None:
            self.load(path)
        else:
            self._update_path()
        self.resize(760, 620)

    # -- building the form ----------------------------------------------------------------------
    def _line(self, key: str) -> QLineEdit:
        edit = QLineEdit()
        self.fields[key] = edit
        return edit

    def _combo(
        self, key: str, values: tuple[str, ...], labels: dict[str, str] | None = None
    ) -> QComboBox:
        combo = QComboBox()
        for value in values:
            combo.addItem((labels or {}).get(value, value), value)
        self.fields[key] = combo
        return combo

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Nom :"), self._line("name"))
        form.addRow(self.tr("Description :"), self._line("description"))
        form.addRow(self.tr("Version du SEDA :"), self._combo("seda_version", SEDA_VERSIONS))
        form.addRow(
            self.tr("Reconnaissance des formats :"),
            self._combo(
                "engine",
                ENGINES,
                {"siegfried": self.tr("Siegfried (recommandé, celui de Vitam)"), "fido": "Fido"},
            ),
        )
        return page

    def _header_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        labels = {
            "archival_agreement": self.tr("Contrat d'entrée (ArchivalAgreement)"),
            "archival_agency": self.tr("Service d'archives : identifiant"),
            "archival_agency_name": self.tr("Service d'archives : nom"),
            "transferring_agency": self.tr("Service versant : identifiant"),
            "transferring_agency_name": self.tr("Service versant : nom"),
            "originating_agency": self.tr("Service producteur : identifiant"),
            "submission_agency": self.tr("Service qui soumet : identifiant"),
            "acquisition_information": self.tr("Modalité d'entrée"),
            "comment": self.tr("Commentaire"),
        }
        self.agency_model = QStringListModel(self)
        self.agency_warnings: dict[str, QLabel] = {}
        for key in _HEADER:
            edit = self._line(key)
            if key in _AGENCY_FIELDS:
                completer = QCompleter(self.agency_model, edit)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.activated.connect(
                    lambda text, k=key: QTimer.singleShot(0, lambda: self._agency_chosen(k, text))
                )
                edit.setCompleter(completer)
                warning = QLabel()
                warning.setStyleSheet("color: #a15c00;")
                warning.hide()
                self.agency_warnings[key] = warning
                edit.textChanged.connect(lambda _t, k=key: self._check_agency(k))
                box = QVBoxLayout()
                box.setContentsMargins(0, 0, 0, 0)
                box.addWidget(edit)
                box.addWidget(warning)
                form.addRow(labels[key] + " :", box)
            else:
                form.addRow(labels[key] + " :", edit)
        legal = self._combo(
            "legal_status",
            ("", *LEGAL_STATUSES),
            {
                "": self.tr("(non précisé)"),
                **{v: legal_status_label(v, current_language()) for v in LEGAL_STATUSES},
            },
        )
        form.addRow(self.tr("Statut légal :"), legal)
        return page

    def _referentials_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        titles = {
            "rules": self.tr("Référentiel des règles de gestion (CSV)"),
            "agencies": self.tr("Référentiel des services (CSV)"),
            "tree": self.tr("Arbre de positionnement ou plan de classement"),
        }
        self.ref_labels: dict[str, QLabel] = {}
        self.ref_buttons: dict[str, QPushButton] = {}
        for kind in KINDS:
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            button = QPushButton(self.tr("Importer…"))
            button.clicked.connect(lambda _=False, k=kind: self._import_clicked(k))
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(button)
            form.addRow(titles[kind] + " :", row)
            self.ref_labels[kind] = label
            self.ref_buttons[kind] = button
        note = QLabel(
            self.tr(
                "Les fichiers importés sont vérifiés comme le fait le service d'archives puis "
                "copiés dans le dossier de données de Verso : inutile de les garder ailleurs."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _rules_tab(self) -> QWidget:
        # The package-level rules editor over a scratch package, with its own undo stack.
        self._rules_package = Package()
        self._rules_stack = QUndoStack(self)
        self.rules_editor = PackageRulesEditor()
        note = QLabel(
            self.tr(
                "Ces règles sont ajoutées à chaque versement fait avec ce profil de versement "
                "(seuls l'identifiant, la date de départ et le sort final sont enregistrés)."
            )
        )
        note.setWordWrap(True)
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(note)
        box.addWidget(self.rules_editor, 1)
        return page

    def _attachment_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Identifiant système (GUID) :"), self._line("attachment.system_id"))
        name = QComboBox()
        name.setEditable(True)
        name.addItem("")
        name.addItems(list(IDENTIFIER_KEYS))
        self.fields["attachment.metadata_name"] = name
        form.addRow(self.tr("ou identifiant — nom :"), name)
        form.addRow(self.tr("identifiant — valeur :"), self._line("attachment.metadata_value"))
        form.addRow(self.tr("Intitulé (affichage) :"), self._line("attachment.title"))
        self.pick_button = QPushButton(self.tr("Choisir dans l'arbre…"))
        self.pick_button.clicked.connect(self._pick_clicked)
        self.clear_attachment_button = QPushButton(self.tr("Ne pas rattacher"))
        self.clear_attachment_button.clicked.connect(lambda: self.set_attachment(Attachment()))
        row = QHBoxLayout()
        row.addWidget(self.pick_button)
        row.addWidget(self.clear_attachment_button)
        row.addStretch(1)
        form.addRow(row)
        return page

    def _exclusions_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        note = QLabel(
            self.tr(
                "Un motif par ligne ; « * » remplace n'importe quelle suite de caractères "
                "(majuscules et minuscules indifférentes)."
            )
        )
        note.setWordWrap(True)
        edit = QPlainTextEdit()
        self.fields["exclusions"] = edit
        box.addWidget(note)
        box.addWidget(edit, 1)
        return page

    # -- form <-> Preset --------------------------------------------------------------------------
    def _fill(self, preset: Preset) -> None:
        for key in ("name", "description", *_HEADER):
            self.fields[key].setText(getattr(preset, key))
        for key in ("seda_version", "engine", "legal_status"):
            combo: QComboBox = self.fields[key]
            i = combo.findData(getattr(preset, key))
            combo.setCurrentIndex(max(i, 0))
        self.set_attachment(preset.default_attachment)
        self.fields["exclusions"].setPlainText("\n".join(preset.exclusions))
        self.profiles_tab.set_preset(preset)
        # default rules -> scratch package header
        self._rules_package = Package()
        block_of = self._rules_package.header.management.category
        for rule in preset.default_rules:
            block = block_of(rule.category)
            block.rules.append(Rule(rule.rule_id, rule.start_date))
            if rule.final_action:
                block.final_action = rule.final_action
        self._rules_stack.clear()
        self._reload_referentials(preset)

    def set_attachment(self, att: Attachment) -> None:
        self.fields["attachment.system_id"].setText(att.system_id)
        self.fields["attachment.metadata_name"].setCurrentText(att.metadata_name)
        self.fields["attachment.metadata_value"].setText(att.metadata_value)
        self.fields["attachment.title"].setText(att.title)

    def attachment(self) -> Attachment:
        return Attachment(
            self.fields["attachment.system_id"].text().strip(),
            self.fields["attachment.metadata_name"].currentText().strip(),
            self.fields["attachment.metadata_value"].text().strip(),
            self.fields["attachment.title"].text().strip(),
        )

    def preset(self) -> Preset:
        """The form's content as a Preset (keys the form does not show are kept)."""
        p = copy.deepcopy(self._loaded)
        for key in ("name", "description", *_HEADER):
            setattr(p, key, self.fields[key].text().strip())
        for key in ("seda_version", "engine", "legal_status"):
            setattr(p, key, self.fields[key].currentData())
        p.default_attachment = self.attachment()
        text = self.fields["exclusions"].toPlainText()
        p.exclusions = [line.strip() for line in text.splitlines() if line.strip()]
        self.profiles_tab.apply_to(p)
        p.default_rules = []
        for category, block in self._rules_package.header.management.rules.items():
            for rule in block.rules:
                p.default_rules.append(
                    DefaultRule(category, rule.rule_id, rule.start_date, block.final_action)
                )
        return p

    def problems(self) -> list[str]:
        """What ``load_preset`` would refuse in the form's content (checked before saving)."""
        att = self.attachment()
        out = []
        if att.system_id and (att.metadata_name or att.metadata_value):
            out.append(
                self.tr(
                    "Rattachement : donnez soit l'identifiant système, soit le nom et la valeur "
                    "d'un identifiant, pas les deux."
                )
            )
        elif bool(att.metadata_name) != bool(att.metadata_value):
            out.append(
                self.tr("Rattachement : le nom et la valeur de l'identifiant vont ensemble.")
            )
        return out

    # -- files ------------------------------------------------------------------------------------
    def load(self, path: Path | str) -> bool:
        """Load a preset file into the form; on error show its message and keep the form."""
        path = Path(path)
        try:
            preset = load_preset(path)
        except PresetError as exc:
            self._show_error(str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - a hand-edited file must never crash the app
            self._show_error(
                self.tr("Profil de versement « %1 » illisible : %2")
                .replace("%1", str(path))
                .replace("%2", str(exc))
            )
            return False
        self.path = path
        self._loaded = preset
        self._fill(preset)
        self._show_error("")
        self._update_path()
        return True

    def save(self, path: Path | str | None = None) -> bool:
        """Write the form atomically to ``path`` (default: the loaded file)."""
        target = Path(path) if path is not None else self.path
        if target is None:
            self._show_error(self.tr("Choisissez d'abord où enregistrer le profil de versement."))
            return False
        problems = self.problems()
        if problems:
            self._show_error("\n".join(problems))
            return False
        preset = self.preset()
        folder = target.resolve().parent
        tmp: str | None = None
        try:
            guard_destination(target)  # not a folder, a FIFO or a device (seda.safepath)
            fd, tmp = new_temp(folder, prefix=".verso-preset-", suffix=".yaml")
            os.close(fd)
            save_preset(preset, tmp)
            load_preset(tmp)  # never leave a preset Verso cannot read
            os.replace(tmp, target)
            forget_temp(tmp)
            tmp = None
        except PresetError as exc:
            self._show_error(str(exc))
            return False
        except UnsafeDestination as exc:
            self._show_error(describe_findings([exc.finding]))
            return False
        except OSError as exc:
            self._show_error(
                self.tr("Enregistrement impossible dans « %1 » : %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc))
            )
            return False
        finally:
            discard_temp(tmp)
        self.path = target
        self._loaded = preset
        self._show_error("")
        self._update_path()
        self.preset_saved.emit(str(target))
        return True

    def duplicate(self, path: Path | str, name: str) -> bool:
        """Save a copy named ``name`` at ``path`` (its referentials copied too), then edit it."""
        old_store = self.store()
        self.fields["name"].setText(name)
        new_store = old_store.copy_to(self._store_name())
        loaded = self._loaded
        refs = copy.copy(self._loaded.referentials)
        for kind in KINDS:
            current = getattr(refs, kind)
            stored = old_store.path(kind)
            if current is not None and stored is not None and _same(current, stored):
                setattr(refs, kind, new_store.path(kind))
        self._loaded = copy.deepcopy(self._loaded)
        self._loaded.referentials = refs
        if not self.save(path):
            self._loaded = loaded
            return False
        return True

    def store(self) -> ReferentialStore:
        return ReferentialStore(self._store_name(), base=self._store_base)

    def _store_name(self) -> str:
        name = self.fields["name"].text().strip()
        if not name and self.path is not None:
            name = self.path.stem
        return name

    # -- referentials -------------------------------------------------------------------------------
    def import_referential(self, kind: str, path: Path | str) -> list[Finding]:
        """Check and keep a referential file for this preset; returns the refusal findings."""
        result = self.store().import_file(kind, path)
        if not result.ok:
            self.ref_labels[kind].setText(
                self.tr("Fichier refusé :") + "\n" + describe_findings(result.findings)
            )
            self.ref_labels[kind].setStyleSheet("color: #b00020;")
            return result.findings
        setattr(self._loaded.referentials, kind, result.stored)
        self._referentials[kind] = result.referential
        self._show_referential(kind)
        self._after_referentials()
        return []

    def _reload_referentials(self, preset: Preset) -> None:
        loaders = {"rules": load_rules, "agencies": load_agencies, "tree": load_tree}
        self._referentials = {}
        for kind in KINDS:
            path = getattr(preset.referentials, kind)
            obj: Any = None
            if path is not None:
                try:
                    obj = loaders[kind](path)
                except ReferentialError:
                    obj = None
            self._referentials[kind] = obj
            self._show_referential(kind)
        self._after_referentials()

    def _show_referential(self, kind: str) -> None:
        label = self.ref_labels[kind]
        path = getattr(self._loaded.referentials, kind)
        obj = self._referentials.get(kind)
        label.setStyleSheet("")
        if path is None:
            label.setText(self.tr("aucun"))
            return
        if obj is None:
            label.setText(
                self.tr("%1 — illisible ou refusé, importez-le à nouveau").replace("%1", str(path))
            )
            label.setStyleSheet("color: #b00020;")
            return
        noun = {"rules": "rule", "agencies": "agency", "tree": "node"}[kind]
        label.setText(f"{count(len(obj), noun)} — {Path(path).name}")

    def _after_referentials(self) -> None:
        agencies: AgenciesReferential | None = self._referentials.get("agencies")
        items = [f"{a.identifier}{_SEP}{a.name}" for a in agencies] if agencies else []
        self.agency_model.setStringList(items)
        for key in _AGENCY_FIELDS:
            self._check_agency(key)
        rules: RulesReferential | None = self._referentials.get("rules")
        self.rules_editor.set_package(self._rules_package, rules, self._rules_stack)

    def agencies(self) -> AgenciesReferential | None:
        return self._referentials.get("agencies")

    def tree(self) -> PositioningTree | None:
        return self._referentials.get("tree")

    def _agency_chosen(self, key: str, text: str) -> None:
        """Completion shows "ID — Name"; the field keeps the identifier, the name fills in."""
        ident = text.split(_SEP, 1)[0].strip()
        self.fields[key].setText(ident)
        name_key = _AGENCY_FIELDS.get(key)
        agencies = self.agencies()
        agency = agencies.get(ident) if agencies is not None else None
        if name_key and agency is not None and not self.fields[name_key].text().strip():
            self.fields[name_key].setText(agency.name)

    def _check_agency(self, key: str) -> None:
        warning = self.agency_warnings[key]
        value = self.fields[key].text().strip()
        agencies = self.agencies()
        unknown = bool(value) and agencies is not None and value not in agencies
        warning.setText(
            self.tr("« %1 » n'est pas dans le référentiel des services.").replace("%1", value)
            if unknown
            else ""
        )
        warning.setVisible(unknown)

    # -- buttons ------------------------------------------------------------------------------------
    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _update_path(self) -> None:
        self.path_label.setText(
            str(self.path)
            if self.path is not None
            else self.tr("Nouveau profil de versement (non enregistré)")
        )
        self.duplicate_button.setEnabled(self.path is not None)

    def _open_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Ouvrir un profil de versement"),
            "",
            self.tr("Profils de versement (*.yaml *.yml)"),
        )
        if path:
            self.load(path)

    def _save_clicked(self) -> bool:
        if self.path is None:
            return self._save_as_clicked()
        return self.save()

    def _save_as_clicked(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer le profil de versement"),
            "",
            self.tr("Profils de versement (*.yaml)"),
        )
        return bool(path) and self.save(_yaml_name(path))

    def _duplicate_clicked(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Dupliquer le profil de versement"),
            self.tr("Nom de la copie :"),
            text=self.tr("%1 (copie)").replace("%1", self.fields["name"].text()),
        )
        if not ok or not name.strip():
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer la copie"), "", self.tr("Profils de versement (*.yaml)")
        )
        if path:
            self.duplicate(_yaml_name(path), name.strip())

    def _import_clicked(self, kind: str) -> None:
        filters = {
            "rules": self.tr("Référentiel des règles (*.csv)"),
            "agencies": self.tr("Référentiel des services (*.csv)"),
            "tree": self.tr("Arbres (*.zip *.xml *.csv)"),
        }
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Importer"), "", filters[kind])
        if not path:
            return
        findings = self.import_referential(kind, path)
        if findings:
            QMessageBox.warning(
                self,
                self.tr("Fichier refusé"),
                self.tr("Le service d'archives refuserait ce fichier :")
                + "\n\n"
                + describe_findings(findings),
            )

    def _pick_clicked(self) -> None:
        chosen = TreePickerDialog.choose(self, self.tree(), self.store(), self.attachment())
        if chosen is None:
            return
        _node, att = chosen
        self.set_attachment(att)
        # the picker may have imported a tree into the store
        stored = self.store().path("tree")
        current = self._loaded.referentials.tree
        if stored is not None and (current is None or not _same(current, stored)):
            self._loaded.referentials.tree = stored
            self._referentials["tree"] = self.store().tree()
            self._show_referential("tree")


def _same(a: Path | str, b: Path | str) -> bool:
    """Same file (presets store paths relative to their folder, e.g. ``../data/...``)."""
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return Path(a) == Path(b)


def _yaml_name(path: str) -> Path:
    p = Path(path)
    return p if p.suffix.lower() in (".yaml", ".yml") else p.with_suffix(".yaml")
