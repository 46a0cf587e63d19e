"""Presets: one YAML file per SAE / producer holding what every transfer repeats.

A referent fills the header identifiers, the default rules and where the units go in the
SAE once, then each transfer starts from it. Users edit these files by hand, so every
mistake is reported in French with the file, the line and the key, never as a traceback:
we parse with ``yaml.compose`` to keep the node marks (line numbers) and check each key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from seda.atomic import atomic_file
from seda.model import (
    FINAL_ACTIONS,
    RULE_CATEGORIES,
    SEDA_VERSIONS,
    Attachment,
    DescriptionLevel,
    Package,
    Rule,
)

ENGINES = ("siegfried", "fido")
LEGAL_STATUSES = ("Public Archive", "Private Archive", "Public and Private Archive")

# Used only if seda.scan cannot be imported (keeps presets loadable on their own).
_FALLBACK_EXCLUSIONS = ("Thumbs.db", "desktop.ini", ".DS_Store", "~$*", "*.tmp", ".~lock.*#")


def default_exclusions() -> list[str]:
    """The scan's default exclusion globs, as a fresh list."""
    try:
        from seda.scan import DEFAULT_EXCLUSIONS
    except ImportError:  # pragma: no cover - seda.scan is part of the project
        return list(_FALLBACK_EXCLUSIONS)
    return list(DEFAULT_EXCLUSIONS)


@dataclass(slots=True)
class PresetProblem:
    """One mistake in a preset file; ``line`` is 1-based (None when it has no place)."""

    message: str
    line: int | None = None
    key: str = ""


class PresetError(Exception):
    """A preset file could not be read; ``str()`` is a French message for the user."""

    def __init__(self, path: str | os.PathLike[str], problems: list[PresetProblem]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__(self._text())

    @property
    def line(self) -> int | None:
        """Line of the first problem (convenient for callers that show one)."""
        return self.problems[0].line if self.problems else None

    def _text(self) -> str:
        head = f"Profil de versement « {self.path} » refusé :"
        lines = [head]
        for p in self.problems:
            where = []
            if p.line is not None:
                where.append(f"ligne {p.line}")
            if p.key:
                where.append(f"clé « {p.key} »")
            prefix = (", ".join(where) + " : ") if where else ""
            lines.append(f"  - {prefix}{p.message}")
        return "\n".join(lines)


@dataclass(slots=True)
class DefaultRule:
    """A rule every transfer made with this preset carries (ManagementMetadata)."""

    category: str
    rule_id: str
    start_date: date | None = None
    final_action: str = ""


@dataclass(slots=True)
class Referentials:
    """Referential files, stored as absolute paths (relative to the preset in the YAML)."""

    rules: Path | None = None
    agencies: Path | None = None
    tree: Path | None = None


@dataclass(slots=True)
class UnitProfileRef:
    """An archive-unit profile (the SAE's JSON export) the preset uses; ``levels``: the
    description levels whose units name it at export (empty: only checked/offered)."""

    file: Path
    levels: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Preset:
    """What a transfer to one SAE, for one producer, always repeats."""

    name: str = ""
    description: str = ""
    seda_version: str = "2.1"
    engine: str = "siegfried"
    # transfer header
    archival_agreement: str = ""
    archival_agency: str = ""
    archival_agency_name: str = ""
    transferring_agency: str = ""
    transferring_agency_name: str = ""
    originating_agency: str = ""
    submission_agency: str = ""
    comment: str = ""
    legal_status: str = ""
    acquisition_information: str = ""
    code_list_versions: dict[str, str] = field(default_factory=dict)
    # rules, attachment, referentials, scan
    default_rules: list[DefaultRule] = field(default_factory=list)
    default_attachment: Attachment = field(default_factory=Attachment)
    referentials: Referentials = field(default_factory=Referentials)
    exclusions: list[str] = field(default_factory=default_exclusions)
    # the SAE (Vitam 6/7 identifies with PRONOM DROID V109; "" = do not predict)
    sae_signatures: str = "V109"
    format_unidentified_authorized: bool = False  # the ingest contract's flag (Vitam: false)

    # archive profiles: the SAE's transfer profile (RelaxNG) and its identifier in the
    # SAE's profiles referential (written as ManagementMetadata/ArchivalProfile)
    archive_profile: Path | None = None
    archive_profile_id: str = ""
    unit_profiles: list[UnitProfileRef] = field(default_factory=list)

    def sae_contract(self) -> dict[str, object]:
        """What the checks need of the ingest contract, as Vitam's contract JSON spells it."""
        return {"FormatUnidentifiedAuthorized": self.format_unidentified_authorized}


SAE_SIGNATURES = ("V109", "")
_YES = ("true", "oui", "yes", "vrai")
_NO = ("false", "non", "no", "faux")


_HEADER_FIELDS = (
    "archival_agreement",
    "archival_agency",
    "archival_agency_name",
    "transferring_agency",
    "transferring_agency_name",
    "originating_agency",
    "submission_agency",
    "comment",
    "legal_status",
    "acquisition_information",
)
_STR_FIELDS = ("name", "description", *_HEADER_FIELDS)
_ATTACHMENT_KEYS = ("system_id", "metadata_name", "metadata_value", "title")
_REFERENTIAL_KEYS = ("rules", "agencies", "tree")
_RULE_KEYS = ("category", "rule_id", "start_date", "final_action")


# -- reading -----------------------------------------------------------------------------
def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _type_name(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "une liste de clés (« clé: valeur »)"
    if isinstance(node, SequenceNode):
        return "une liste (« - … »)"
    tag = node.tag.rsplit(":", 1)[-1]
    return {
        "str": "un texte",
        "int": "un nombre",
        "float": "un nombre",
        "bool": "oui/non (true/false)",
        "null": "une valeur vide",
        "timestamp": "une date",
    }.get(tag, "une valeur")


class _Reader:
    """Walks the composed YAML tree, collecting every problem with its line."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.problems: list[PresetProblem] = []
        self._constructor = SafeConstructor()

    def problem(self, node: Node | None, key: str, message: str) -> None:
        self.problems.append(PresetProblem(message, _line(node) if node else None, key))

    def scalar(self, node: Node) -> Any:
        # construct_document resets the constructor's state, so each call stands alone.
        return self._constructor.construct_document(node)

    def mapping(self, node: Node, where: str, allowed: tuple[str, ...]) -> dict[str, Node]:
        """Keys of a mapping node, checked against ``allowed`` (unknown/duplicate -> problem)."""
        if not isinstance(node, MappingNode):
            self.problem(
                node,
                where,
                f"attendu : {_type_name(MappingNode('', []))}, trouvé : {_type_name(node)}.",
            )
            return {}
        out: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            full = f"{where}.{key}" if where and key is not None else (key or where)
            if not isinstance(key, str) or key not in allowed:
                shown = key if key is not None else "?"
                self.problem(
                    key_node,
                    full or shown,
                    f"clé inconnue « {shown} ». Clés possibles : {', '.join(allowed)}.",
                )
                continue
            if key in out:
                self.problem(
                    key_node,
                    full,
                    f"clé « {key} » donnée deux fois (déjà ligne {_line(out[key])}).",
                )
                continue
            out[key] = value_node
        return out

    def text(self, node: Node, key: str, *, choices: tuple[str, ...] = ()) -> str | None:
        """A text value; numbers are accepted as text (an identifier like 0042 stays text)."""
        if not isinstance(node, ScalarNode):
            self.problem(node, key, f"attendu : un texte, trouvé : {_type_name(node)}.")
            return None
        if node.tag.endswith(":null"):
            return ""
        if node.tag.endswith(":bool") or node.tag.endswith(":timestamp"):
            self.problem(
                node,
                key,
                f"attendu : un texte, trouvé : {_type_name(node)} ; mettez la valeur entre guillemets.",
            )
            return None
        value = str(node.value)  # raw text keeps "2.10" or "0042" as written
        if choices and value and value not in choices:  # empty means "not set"
            self.problem(
                node,
                key,
                f"valeur « {value} » non reconnue ; valeurs possibles : {', '.join(choices)}.",
            )
            return None
        return value

    def date(self, node: Node, key: str) -> date | None:
        if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
            return None
        if isinstance(node, ScalarNode):
            try:
                value = self.scalar(node)
            except (ConstructorError, ValueError):
                value = node.value
            if isinstance(value, datetime):
                return value.date()
            if isinstance(value, date):
                return value
            if isinstance(value, str):
                try:
                    return date.fromisoformat(value.strip())
                except ValueError:
                    pass
        self.problem(node, key, "date attendue au format AAAA-MM-JJ (par exemple 2024-01-31).")
        return None

    def text_list(self, node: Node, key: str) -> list[str] | None:
        if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
            return []
        if not isinstance(node, SequenceNode):
            self.problem(
                node,
                key,
                f"attendu : {_type_name(SequenceNode('', []))}, trouvé : {_type_name(node)}.",
            )
            return None
        out = []
        for item in node.value:
            value = self.text(item, key)
            if value is not None:
                out.append(value)
        return out

    def path(self, node: Node, key: str) -> Path | None:
        value = self.text(node, key)
        if not value:
            return None
        p = Path(value).expanduser()
        # normalised ("a/../b" -> "b") so a preset saved elsewhere reads back equal
        return Path(os.path.normpath(p if p.is_absolute() else (self.base / p)))


def _read_document(path: Path) -> Node | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PresetError(path, [PresetProblem("fichier introuvable.")]) from None
    except IsADirectoryError:
        raise PresetError(path, [PresetProblem("c'est un dossier, pas un fichier.")]) from None
    except OSError as exc:
        raise PresetError(
            path, [PresetProblem(f"lecture impossible ({exc.strerror or exc}).")]
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PresetError(
            path,
            [
                PresetProblem(
                    "le fichier n'est pas encodé en UTF-8 ; enregistrez-le en UTF-8.", line
                )
            ],
        ) from None
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        detail = exc.problem or exc.context or "syntaxe invalide"
        raise PresetError(
            path,
            [
                PresetProblem(
                    f"syntaxe YAML invalide ({detail}) ; vérifiez l'indentation, les « : » et les guillemets.",
                    line,
                )
            ],
        ) from None
    except yaml.YAMLError as exc:
        raise PresetError(path, [PresetProblem(f"syntaxe YAML invalide ({exc}).")]) from None


def shipped_preset(path: str | os.PathLike[str]) -> Path:
    """``path``, or the preset shipped with Verso of that name when there is no such file.

    ``--preset example`` (or ``exemple``) then works on an installed Verso, whose
    ``resources`` folder the person never sees. A path with a folder is taken as it is.
    """
    given = Path(path)
    if given.exists() or given.parent != Path("."):
        return given
    import resources

    stem = given.stem if given.suffix.lower() in (".yaml", ".yml") else given.name
    stem = {"exemple": "example"}.get(stem.lower(), stem)
    shipped = resources.path("presets", f"{stem}.yaml")
    return shipped if shipped.is_file() else given


def load_preset(path: str | os.PathLike[str]) -> Preset:
    """Read and check a preset; raises ``PresetError`` listing every problem with its line.

    An empty file (or only comments) is refused: it is almost always the wrong file, and
    a preset saved by Verso always lists its fields. A structure nested absurdly deep (a
    crafted file) is refused too, never a ``RecursionError``.
    A bare name with no such file (``example``) is a preset shipped with Verso.
    """
    path = shipped_preset(path)
    try:
        return _load_preset(Path(path))
    except RecursionError:
        raise PresetError(
            path,
            [
                PresetProblem(
                    "structure imbriquée bien trop profondément : ce n'est pas un profil "
                    "de versement (fichier abîmé ou malveillant)."
                )
            ],
        ) from None


def _load_preset(path: Path) -> Preset:
    root = _read_document(path)
    preset = Preset()
    if root is None:
        raise PresetError(
            path,
            [
                PresetProblem(
                    "le fichier est vide : ce n'est pas un profil de versement "
                    "(il doit au moins contenir « name: … »)."
                )
            ],
        )
    r = _Reader(path.resolve().parent)
    allowed = tuple(f.name for f in fields(Preset))
    keys = r.mapping(root, "", allowed)

    for key in _STR_FIELDS:
        if key in keys:
            choices = LEGAL_STATUSES if key == "legal_status" else ()
            value = r.text(keys[key], key, choices=choices)
            if value is not None:
                setattr(preset, key, value)
    if "seda_version" in keys:
        value = r.text(keys["seda_version"], "seda_version", choices=SEDA_VERSIONS)
        if value:  # empty keeps the default
            preset.seda_version = value
    if "engine" in keys:
        value = r.text(keys["engine"], "engine", choices=ENGINES)
        if value:  # empty keeps the default
            preset.engine = value
    if "code_list_versions" in keys:
        node = keys["code_list_versions"]
        if isinstance(node, MappingNode):
            for k_node, v_node in node.value:
                k = r.text(k_node, "code_list_versions")
                v = r.text(v_node, f"code_list_versions.{k}")
                if k and v is not None:
                    preset.code_list_versions[k] = v
        elif not (isinstance(node, ScalarNode) and node.tag.endswith(":null")):
            r.problem(node, "code_list_versions", "attendu : des lignes « NomDeListe: version ».")
    if "exclusions" in keys:
        values = r.text_list(keys["exclusions"], "exclusions")
        if values is not None:
            preset.exclusions = values
    if "referentials" in keys:
        sub = r.mapping(keys["referentials"], "referentials", _REFERENTIAL_KEYS)
        for k, node in sub.items():
            setattr(preset.referentials, k, r.path(node, f"referentials.{k}"))
    if "default_attachment" in keys:
        node = keys["default_attachment"]
        sub = r.mapping(node, "default_attachment", _ATTACHMENT_KEYS)
        att = preset.default_attachment
        for k, v_node in sub.items():
            value = r.text(v_node, f"default_attachment.{k}")
            if value is not None:
                setattr(att, k, value)
        if att.system_id and (att.metadata_name or att.metadata_value):
            r.problem(
                node,
                "default_attachment",
                "donnez soit system_id, soit metadata_name et metadata_value, pas les deux.",
            )
        elif bool(att.metadata_name) != bool(att.metadata_value):
            r.problem(node, "default_attachment", "metadata_name et metadata_value vont ensemble.")
    if "default_rules" in keys:
        preset.default_rules = _read_rules(r, keys["default_rules"])
        _check_rules_known(r, keys["default_rules"], preset.referentials.rules)
    if "sae_signatures" in keys:
        value = r.text(keys["sae_signatures"], "sae_signatures", choices=SAE_SIGNATURES)
        if value is not None:
            preset.sae_signatures = value
    if "format_unidentified_authorized" in keys:
        node = keys["format_unidentified_authorized"]
        value = str(node.value) if isinstance(node, ScalarNode) else None  # YAML bool or text
        if value is not None and value.lower() in (*_YES, *_NO):
            preset.format_unidentified_authorized = value.lower() in _YES
        else:
            r.problem(node, "format_unidentified_authorized", "attendu : true ou false.")
    if "archive_profile" in keys:
        preset.archive_profile = r.path(keys["archive_profile"], "archive_profile")
    if "archive_profile_id" in keys:
        preset.archive_profile_id = r.text(keys["archive_profile_id"], "archive_profile_id") or ""
    if "unit_profiles" in keys:
        preset.unit_profiles = _read_unit_profiles(r, keys["unit_profiles"])

    if r.problems:
        r.problems.sort(key=lambda p: p.line or 0)
        raise PresetError(path, r.problems)
    return preset


def _read_unit_profiles(r: _Reader, node: Node) -> list[UnitProfileRef]:
    """``unit_profiles``: a list of JSON paths, or of ``{file: …, levels: [Item, …]}``."""
    if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
        return []
    if not isinstance(node, SequenceNode):
        r.problem(
            node, "unit_profiles", "attendu : une liste de fichiers JSON (« - profil.json »)."
        )
        return []
    out: list[UnitProfileRef] = []
    for i, item in enumerate(node.value, 1):
        where = f"unit_profiles[{i}]"
        if isinstance(item, MappingNode):
            sub = r.mapping(item, where, ("file", "levels"))
            path = r.path(sub["file"], f"{where}.file") if "file" in sub else None
            if "file" not in sub:
                r.problem(item, f"{where}.file", "file manquant (le fichier JSON du profil).")
            levels = r.text_list(sub["levels"], f"{where}.levels") if "levels" in sub else []
            for level in levels or []:
                if level not in _LEVELS:
                    r.problem(
                        sub["levels"],
                        f"{where}.levels",
                        f"niveau « {level} » inconnu ; valeurs possibles : {', '.join(_LEVELS)}.",
                    )
            if path is not None:
                out.append(UnitProfileRef(path, list(levels or [])))
        else:
            path = r.path(item, where)
            if path is not None:
                out.append(UnitProfileRef(path))
    return out


_LEVELS = tuple(str(level) for level in DescriptionLevel)


def _read_rules(r: _Reader, node: Node) -> list[DefaultRule]:
    if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
        return []
    if not isinstance(node, SequenceNode):
        r.problem(node, "default_rules", "attendu : une liste de règles (« - category: … »).")
        return []
    rules = []
    for i, item in enumerate(node.value, 1):
        where = f"default_rules[{i}]"
        sub = r.mapping(item, where, _RULE_KEYS)
        if not sub and isinstance(item, MappingNode):
            r.problem(item, where, "règle vide : il faut au moins category et rule_id.")
            continue
        category = (
            r.text(sub["category"], f"{where}.category", choices=RULE_CATEGORIES)
            if "category" in sub
            else None
        )
        rule_id = r.text(sub["rule_id"], f"{where}.rule_id") if "rule_id" in sub else None
        if isinstance(item, MappingNode):
            for needed, value in (("category", category), ("rule_id", rule_id)):
                if needed not in sub:
                    r.problem(item, f"{where}.{needed}", f"{needed} manquant dans la règle.")
                elif value == "":
                    r.problem(sub[needed], f"{where}.{needed}", f"{needed} est vide.")
        start = r.date(sub["start_date"], f"{where}.start_date") if "start_date" in sub else None
        final = ""
        if "final_action" in sub:
            value = r.text(sub["final_action"], f"{where}.final_action")
            if value and category:
                allowed = FINAL_ACTIONS.get(category, ())
                if not allowed:
                    r.problem(
                        sub["final_action"],
                        f"{where}.final_action",
                        f"{category} n'a pas de final_action.",
                    )
                elif value not in allowed:
                    r.problem(
                        sub["final_action"],
                        f"{where}.final_action",
                        f"« {value} » non reconnu pour {category} ; valeurs possibles : {', '.join(allowed)}.",
                    )
                else:
                    final = value
        if category and rule_id:
            rules.append(DefaultRule(category, rule_id, start, final))
    return rules


def _check_rules_known(r: _Reader, node: Node, referential: Path | None) -> None:
    """Each default rule must be in the profile's own rules referential, with its category:
    said now, on the rule's line, rather than as a refusal at export. A referential that
    cannot be read is said where it is used (export, check), not here."""
    if referential is None or not isinstance(node, SequenceNode) or not referential.is_file():
        return
    from seda.referentials import ReferentialError, load_rules

    try:
        rules = load_rules(referential)
    except (ReferentialError, OSError):
        return
    for i, item in enumerate(node.value, 1):
        if not isinstance(item, MappingNode):
            continue
        values = {
            k.value: v
            for k, v in item.value
            if isinstance(k, ScalarNode) and isinstance(v, ScalarNode)
        }
        id_node = values.get("rule_id")
        category = values["category"].value if "category" in values else ""
        if id_node is None or not isinstance(id_node.value, str) or not id_node.value.strip():
            continue
        rule_id = id_node.value.strip()
        found = rules.get(rule_id)
        where = f"default_rules[{i}].rule_id"
        if found is None:
            r.problem(
                id_node,
                where,
                f"la règle « {rule_id} » n'existe pas dans le référentiel des règles du profil "
                f"(« {referential.name} ») : le service d'archives refuserait le versement.",
            )
        elif category in RULE_CATEGORIES and found.rule_type != category:
            r.problem(
                id_node,
                where,
                f"la règle « {rule_id} » est de type {found.rule_type} dans le référentiel "
                f"des règles du profil, pas {category}.",
            )


# -- writing -----------------------------------------------------------------------------
def _relative(p: Path | None, base: Path) -> str | None:
    if p is None:
        return None
    try:
        return os.path.relpath(Path(p).resolve(), base)
    except ValueError:  # other drive on Windows
        return str(p)


def preset_to_dict(preset: Preset, base: Path) -> dict[str, Any]:
    """Plain data for YAML; paths relative to ``base`` (the preset's folder)."""
    out: dict[str, Any] = {
        "name": preset.name,
        "description": preset.description,
        "seda_version": preset.seda_version,
        "engine": preset.engine,
    }
    for key in _HEADER_FIELDS:
        out[key] = getattr(preset, key)
    out["code_list_versions"] = dict(preset.code_list_versions)
    out["referentials"] = {
        k: _relative(getattr(preset.referentials, k), base) for k in _REFERENTIAL_KEYS
    }
    out["default_rules"] = []
    for rule in preset.default_rules:
        item: dict[str, Any] = {"category": rule.category, "rule_id": rule.rule_id}
        if rule.start_date is not None:
            item["start_date"] = rule.start_date
        if rule.final_action:
            item["final_action"] = rule.final_action
        out["default_rules"].append(item)
    out["default_attachment"] = {
        k: getattr(preset.default_attachment, k)
        for k in _ATTACHMENT_KEYS
        if getattr(preset.default_attachment, k)
    }
    out["exclusions"] = list(preset.exclusions)
    out["sae_signatures"] = preset.sae_signatures
    out["format_unidentified_authorized"] = preset.format_unidentified_authorized
    if preset.archive_profile is not None or preset.archive_profile_id:
        out["archive_profile"] = _relative(preset.archive_profile, base)
        out["archive_profile_id"] = preset.archive_profile_id
    if preset.unit_profiles:
        out["unit_profiles"] = [
            {"file": _relative(u.file, base), "levels": list(u.levels)}
            if u.levels
            else _relative(u.file, base)
            for u in preset.unit_profiles
        ]
    return out


def save_preset(preset: Preset, path: str | os.PathLike[str]) -> None:
    """Write ``preset`` as YAML atomically (temp file in the same folder, then rename)."""
    path = Path(path)
    folder = path.resolve().parent
    text = "# Profil de versement Verso (voir resources/presets/example.yaml pour l'explication des champs)\n"
    text += yaml.safe_dump(
        preset_to_dict(preset, folder),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
    )
    with atomic_file(path, text=True, suffix=".tmp") as out:
        out.write(text)


# -- applying ----------------------------------------------------------------------------
def apply_preset(preset: Preset, package: Package) -> None:
    """Fill the package's header, default rules, SEDA version and root attachments.

    Header fields left empty in the preset keep the package's value; default rules are
    added once (applying twice does not duplicate them); roots already attached keep
    their attachment.
    """
    header = package.header
    for key in _HEADER_FIELDS:
        value = getattr(preset, key)
        if value:
            setattr(header, key, value)
    header.code_list_versions.update(preset.code_list_versions)
    package.seda_version = preset.seda_version
    for rule in preset.default_rules:
        block = header.management.category(rule.category)
        if not any(r.rule_id == rule.rule_id for r in block.rules):
            block.rules.append(Rule(rule.rule_id, rule.start_date))
        if rule.final_action:
            block.final_action = rule.final_action
    if preset.archive_profile_id:
        header.archival_profile = preset.archive_profile_id
    _apply_unit_profiles(preset, package)
    att = preset.default_attachment
    if att.is_set:
        for root in package.roots:
            if not root.attachment.is_set:
                root.attachment = Attachment(
                    att.system_id, att.metadata_name, att.metadata_value, att.title
                )


def _apply_unit_profiles(preset: Preset, package: Package) -> None:
    """Units of the levels a unit profile names get its identifier (ArchiveUnitProfile),
    unless they already name one. A profile file that cannot be read is skipped here: the
    check that follows export reports it."""
    from seda.archive_profile import ProfileError, load_unit_profiles

    by_level: dict[str, str] = {}
    for ref in preset.unit_profiles:
        if not ref.levels:
            continue
        try:
            loaded = load_unit_profiles(ref.file)
        except ProfileError:
            continue
        if loaded:
            for level in ref.levels:
                by_level.setdefault(level, loaded[0].identifier)
    if not by_level:
        return
    for unit in package.walk():
        if not unit.archive_unit_profile and str(unit.level) in by_level:
            unit.archive_unit_profile = by_level[str(unit.level)]
