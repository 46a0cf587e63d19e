"""``verso`` on the command line: export a SIP, check one, list a folder's formats, check a referential.

``export`` also writes the printable transfer slip beside the zip (``--no-bordereau`` to
skip); ``bordereau`` writes it for an existing SIP.

``verso`` without arguments opens the window. Everything the user reads is French;
progress goes to stderr, stdout carries only what was asked for (the export summary, the
scan inventory, the referential report), so ``verso scan --format json > x.json`` works.

Exit codes: 0 done, 1 the job failed (export refused, referential refused, nothing to
export, SIP the SAE would refuse), 2 bad command line or input (unknown folder, bad preset), 130 interrupted (Ctrl+C;
no partial zip is left behind: ``export_sip`` writes a temporary file and renames it).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import io
import json
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn, TextIO

from app.labels import category_label, level_label, with_code
from app.messages import describe, severity_label
from app.progress_bar import TerminalProgress, human_size
from seda.findings import Finding, Severity
from seda.model import SEDA_VERSIONS, Attachment, Package
from seda.progress import Cancelled

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

ENGINES = ("siegfried", "fido")
MAX_LINES_PER_SEVERITY = 20
TOP_FORMATS = 8


# -- French argparse ---------------------------------------------------------------------
_ARGPARSE_FR = (
    (r"the following arguments are required: (.*)", r"arguments obligatoires manquants : \1"),
    (r"unrecognized arguments: (.*)", r"arguments non reconnus : \1"),
    (
        r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)",
        r"argument \1 : choix invalide : \2 (choisir parmi \3)",
    ),
    (r"argument (.*?): expected one argument", r"argument \1 : une valeur est attendue"),
    (
        r"argument (.*?): expected at least one argument",
        r"argument \1 : au moins une valeur attendue",
    ),
    (r"argument (.*?): invalid (\w+) value: (.*)", r"argument \1 : valeur invalide : \3"),
    (r"argument (.*?): not allowed with argument (.*)", r"argument \1 : incompatible avec \2"),
    (r"ambiguous option: (.*?) could match (.*)", r"option ambiguë : \1 (possibles : \2)"),
)


def _french(message: str) -> str:
    for pattern, repl in _ARGPARSE_FR:
        new, n = re.subn(pattern, repl, message)
        if n:
            return new
    return message


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser speaking French (titles, usage, help option, error messages)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help="afficher cette aide et quitter",
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog} : erreur : {_french(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The ``verso`` command line (also used by tests and the README)."""
    parser = _Parser(
        prog="verso",
        description=(
            "Verso prépare des versements SEDA (SIP) pour un système d'archivage électronique.\n"
            "Sans argument, ouvre la fenêtre."
        ),
        epilog=(
            "exemples :\n"
            "  verso export « Conseil municipal 2023 » -o versement.zip --preset mairie.yaml\n"
            "  verso check versement.zip --xsd /chemin/seda-xsd --rules regles.csv\n"
            "  verso bordereau versement.zip --rules regles.csv\n"
            "  verso scan Documents --format csv > inventaire.csv\n"
            "  verso referential check regles.csv"
        ),
    )
    from seda import __version__

    parser.add_argument(
        "--version", action="version", version=f"verso {__version__}", help="afficher la version"
    )
    sub = parser.add_subparsers(title="commandes", dest="command", metavar="COMMANDE")

    ex = sub.add_parser(
        "export",
        help="créer le versement (fichier zip SIP) à partir de dossiers ou de fichiers",
        description=(
            "Analyse les dossiers et fichiers donnés (empreintes, formats), applique le profil de versement\n"
            "puis écrit le versement SEDA (zip) prêt à déposer."
        ),
        epilog=(
            "NOEUD (rattachement dans l'arbre de positionnement du service d'archives) :\n"
            "  un identifiant système (GUID, ex. aeaqaaaaaahgausqaaukuaml4kibf5iaaaba),\n"
            "  « Nom=Valeur » (ex. ArchivalAgencyArchiveUnitIdentifier=AN-2024-01),\n"
            "  ou, avec --tree, l'intitulé d'un nœud de l'arbre.\n\n"
            "exemple :\n"
            "  verso export Délibérations Arrêtés -o versement.zip --preset mairie.yaml --verify"
        ),
    )
    ex.add_argument("paths", nargs="+", metavar="CHEMIN", help="dossier ou fichier à verser")
    ex.add_argument(
        "-o", "--output", required=True, metavar="SORTIE.zip", help="fichier zip à créer"
    )
    ex.add_argument(
        "--preset",
        metavar="PROFIL.yaml",
        help="profil de versement (en-tête, règles, rattachement)",
    )
    ex.add_argument(
        "--seda",
        choices=SEDA_VERSIONS,
        help="version SEDA (par défaut : celle du profil de versement, sinon 2.1)",
    )
    ex.add_argument(
        "--engine",
        choices=ENGINES,
        help="outil d'identification des formats (par défaut : siegfried)",
    )
    ex.add_argument(
        "--verify", action="store_true", help="relire le zip écrit et vérifier chaque empreinte"
    )
    ex.add_argument(
        "--attach",
        metavar="NOEUD",
        help="où rattacher le versement dans l'arbre du service d'archives",
    )
    ex.add_argument(
        "--tree",
        metavar="FICHIER",
        help="arbre de positionnement ou plan de classement (zip, XML, CSV)",
    )
    ex.add_argument("--force", action="store_true", help="remplacer SORTIE.zip s'il existe déjà")
    ex.add_argument(
        "--strict",
        action="store_true",
        help="ne rien écrire si le service d'archives refuserait le versement (erreurs)",
    )
    ex.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processus d'analyse (0 : aucun ; défaut : un par cœur)",
    )
    ex.add_argument(
        "--all",
        action="store_true",
        help="afficher tous les problèmes (sinon les 20 premiers par gravité)",
    )
    slip = ex.add_mutually_exclusive_group()
    slip.add_argument(
        "--bordereau",
        metavar="FICHIER.html",
        help="où écrire le bordereau de versement (défaut : SORTIE-bordereau.html à côté du zip)",
    )
    slip.add_argument(
        "--no-bordereau",
        action="store_true",
        help="ne pas écrire le bordereau de versement (document imprimable à signer)",
    )
    ex.set_defaults(func=cmd_export)

    bd = sub.add_parser(
        "bordereau",
        help="écrire le bordereau de versement (HTML imprimable) d'un zip SIP existant",
        description=(
            "Écrit le bordereau de versement d'un versement (zip SIP) déjà créé, ici ou ailleurs :\n"
            "identification, contenu, rattachement, liste des unités d'archives avec leurs règles,\n"
            "et les cadres de signature du service versant et du service d'archives.\n"
            "Le fichier HTML s'ouvre dans un navigateur et s'imprime sur A4."
        ),
        epilog="exemple :\n  verso bordereau versement.zip --rules regles.csv -o bordereau.html",
    )
    bd.add_argument("sip", metavar="SIP.zip", help="le versement")
    bd.add_argument(
        "-o",
        "--output",
        metavar="FICHIER.html",
        help="fichier à écrire (défaut : SIP-bordereau.html à côté du zip ; remplacé s'il existe)",
    )
    bd.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue (défaut : fr)")
    bd_rules = bd.add_mutually_exclusive_group()
    bd_rules.add_argument(
        "--rules",
        metavar="RÈGLES.csv",
        help="référentiel des règles de gestion (intitulés, durées, dates de fin)",
    )
    bd_rules.add_argument(
        "--preset",
        metavar="PROFIL.yaml",
        help="profil de versement dont prendre le référentiel des règles",
    )
    bd.set_defaults(func=cmd_bordereau)

    ck = sub.add_parser(
        "check",
        help="vérifier un versement (zip SIP) comme le fera le service d'archives",
        description=(
            "Vérifie un versement (zip SIP) comme le service d'archives le fera au dépôt :\n"
            "zip et noms de fichiers, bordereau (schémas SEDA), empreintes, en-tête, règles,\n"
            "services, contrat d'entrée. Affiche les problèmes par gravité.\n"
            "Code de sortie : 0 sans erreur, 1 si le service d'archives refuserait le versement."
        ),
        epilog=(
            "Les schémas XSD du SEDA ne sont pas fournis avec Verso : indiquez leur dossier avec\n"
            "--xsd ou la variable d'environnement VERSO_XSD_DIR (sinon ils ne sont pas vérifiés).\n\n"
            "exemple :\n"
            "  verso check versement.zip --xsd seda-xsd --rules regles.csv --agencies services.csv"
        ),
    )
    ck.add_argument("sip", metavar="SIP.zip", help="le versement à vérifier")
    ck.add_argument(
        "--xsd", metavar="DOSSIER", help="dossier des schémas SEDA (défaut : $VERSO_XSD_DIR)"
    )
    ck.add_argument("--rules", metavar="RÈGLES.csv", help="référentiel des règles de gestion")
    ck.add_argument("--agencies", metavar="SERVICES.csv", help="référentiel des services")
    ck.add_argument("--contract", metavar="CONTRAT.json", help="contrat d'entrée (JSON)")
    ck.add_argument(
        "--preset",
        metavar="PROFIL.yaml",
        help="profil de versement dont prendre les référentiels (règles, services)",
    )
    ck.add_argument(
        "--classification",
        action="append",
        metavar="NIVEAU",
        help="niveau de classification admis par le service d'archives (répétable)",
    )
    ck.add_argument(
        "--identify",
        action="store_true",
        help="identifier à nouveau le format de chaque fichier (plus long)",
    )
    ck.add_argument("--engine", choices=ENGINES, default="siegfried", help="outil d'identification")
    ck.add_argument(
        "--all",
        action="store_true",
        help="afficher tous les problèmes (sinon les 20 premiers par gravité)",
    )
    ck.set_defaults(func=cmd_check)

    sc = sub.add_parser(
        "scan",
        help="inventaire des fichiers : taille, empreinte SHA-512, format identifié",
        description="Analyse les fichiers sans rien créer et écrit l'inventaire sur la sortie standard.",
        epilog="exemple :\n  verso scan Documents --format csv > inventaire.csv",
    )
    sc.add_argument("paths", nargs="+", metavar="DOSSIER", help="dossier ou fichier à analyser")
    sc.add_argument(
        "--format",
        choices=("json", "csv", "text"),
        default="text",
        help="format de sortie (défaut : text)",
    )
    sc.add_argument(
        "--engine",
        choices=ENGINES,
        default="siegfried",
        help="outil d'identification (défaut : siegfried)",
    )
    sc.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processus d'analyse (0 : aucun ; défaut : un par cœur)",
    )
    sc.set_defaults(func=cmd_scan)

    ref = sub.add_parser(
        "referential",
        help="vérifier un référentiel (règles de gestion, services, arbre de positionnement)",
        description="Outils pour les référentiels du service d'archives.",
    )
    ref_sub = ref.add_subparsers(title="commandes", dest="ref_command", metavar="COMMANDE")
    ref_sub.required = True
    chk = ref_sub.add_parser(
        "check",
        help="vérifier qu'un référentiel serait accepté et dire ce qu'il contient",
        description=(
            "Charge un référentiel des règles de gestion (CSV), des services (CSV) ou un arbre\n"
            "de positionnement / plan de classement (zip, XML, CSV ReSIP) et dit ce qu'il contient,\n"
            "ou chaque problème que le service d'archives refuserait."
        ),
        epilog="exemple :\n  verso referential check regles.csv",
    )
    chk.add_argument("file", metavar="FICHIER", help="le fichier du référentiel")
    chk.add_argument(
        "--type",
        choices=("rules", "agencies", "tree"),
        help="type de référentiel (par défaut : deviné d'après le fichier)",
    )
    chk.set_defaults(func=cmd_referential_check)
    return parser


# -- helpers -----------------------------------------------------------------------------
def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@contextlib.contextmanager
def _interruptible(progress: TerminalProgress) -> Iterator[None]:
    """First Ctrl+C asks the job to stop cleanly (no partial file); a second one forces it."""
    pressed = 0

    def handler(signum: int, frame: FrameType | None) -> None:
        nonlocal pressed
        pressed += 1
        if pressed > 1:
            raise KeyboardInterrupt
        progress.cancel()
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(
                "\nInterruption demandée, arrêt en cours… (Ctrl+C encore pour forcer)\n"
            )

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread (e.g. embedded use): no handler
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _missing_paths(paths: Sequence[str]) -> list[str]:
    return [p for p in paths if not os.path.lexists(p)]


def _display_path(path: str, bases: Sequence[Path]) -> str:
    """Findings carry absolute paths; show them from the dropped folder's parent."""
    for base in bases:
        with contextlib.suppress(ValueError):
            return str(Path(path).relative_to(base))
    return path


def _bases(paths: Sequence[str]) -> list[Path]:
    return [Path(os.path.abspath(p)).parent for p in paths]


def _print_findings(
    findings: Sequence[Finding],
    bases: Sequence[Path],
    out: TextIO,
    *,
    limit: int | None,
    places: dict[int, str] | None = None,
) -> None:
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        print(f"  {severity_label(severity)} ({len(group)}) :", file=out)
        shown = group if limit is None else group[:limit]
        for f in shown:
            scanned_zip = f.path.startswith("zip:") and f.params.get("unit") is None
            if (not f.path or scanned_zip) and places and f.unit_uid in places:
                f = dataclasses.replace(f, path=places[f.unit_uid])  # readable member path
            if f.path:
                f = dataclasses.replace(f, path=_display_path(f.path, bases))
            print(f"    - {describe(f)}", file=out)
        if len(shown) < len(group):
            print(f"    … et {len(group) - len(shown)} autres (--all pour tout voir)", file=out)


def _shield_workers_from_ctrl_c() -> None:
    """Start multiprocessing's fork server with SIGINT ignored, so scan workers inherit that.

    A terminal's Ctrl+C reaches the whole process group: a worker interrupted while holding
    the pool's shared cancel-event lock leaves the main process waiting forever. Workers
    need no SIGINT: the main process cancels them cooperatively. (Linux only: elsewhere
    seda.scan uses "spawn".)
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        from multiprocessing import forkserver

        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ImportError, ValueError):  # no forkserver, or not the main thread
        return
    try:
        forkserver.ensure_running()
    except OSError:
        pass  # the scan will start it (and report its own errors)
    finally:
        signal.signal(signal.SIGINT, previous)


def _scan(paths: Sequence[str], engine: str, exclusions: Sequence[str], workers: int | None) -> Any:
    from seda.scan import scan

    if workers != 0:
        _shield_workers_from_ctrl_c()
    progress = TerminalProgress("Analyse")
    try:
        with _interruptible(progress):
            return scan(
                paths, engine=engine, exclusions=exclusions, workers=workers, progress=progress
            )
    finally:
        progress.finish()


def _resolve_attachment(spec: str, tree_path: str | os.PathLike[str] | None) -> Attachment:
    """``--attach``: GUID, ``Name=Value``, or (with a tree) a node title. Raises _UsageError."""
    from seda.referentials import AmbiguousSpec, ReferentialError, is_guid, load_tree

    spec = spec.strip()
    if tree_path:
        try:
            tree = load_tree(tree_path)
        except ReferentialError as exc:
            raise _UsageError(
                f"Arbre de positionnement « {tree_path} » refusé :\n"
                + "\n".join(f"  - {describe(f)}" for f in exc.findings)
            ) from None
        try:
            node = tree.resolve(spec)
        except AmbiguousSpec as exc:
            names = "\n".join(
                f"  - {' / '.join(n.title for n in c.path())}" for c in exc.candidates[:20]
            )
            raise _UsageError(
                f"« {spec} » désigne plusieurs nœuds de l'arbre ; précisez (GUID ou Nom=Valeur) :\n{names}"
            ) from None
        if node is None:
            raise _UsageError(f"« {spec} » ne désigne aucun nœud de l'arbre « {tree_path} ».")
        att = tree.attachment_for(node)
        if not att.is_set:
            raise _UsageError(
                f"Le nœud « {node.title} » n'a pas d'identifiant utilisable pour s'y rattacher."
            )
        return att
    if is_guid(spec):
        return Attachment(system_id=spec)
    if "=" in spec:
        name, value = (s.strip() for s in spec.split("=", 1))
        if name and value:
            return Attachment(metadata_name=name, metadata_value=value)
    raise _UsageError(
        f"--attach « {spec} » : donnez un identifiant système (GUID), « Nom=Valeur », "
        "ou un intitulé avec --tree FICHIER."
    )


def _load_referential(kind: str, path: Path | str | None, origin: str = "") -> Any:
    """The rules/agencies referential at ``path`` (None when no path); _UsageError if refused."""
    from seda.referentials import ReferentialError, load_agencies, load_rules

    if path is None:
        return None
    label = {"rules": "des règles", "agencies": "des services"}[kind]
    loader = load_rules if kind == "rules" else load_agencies
    if not Path(path).exists():
        raise _UsageError(f"Référentiel {label} « {path} »{origin} introuvable.")
    try:
        return loader(path)
    except ReferentialError as exc:
        raise _UsageError(
            f"Référentiel {label} « {path} »{origin} refusé :\n"
            + "\n".join(f"  - {describe(f)}" for f in exc.findings)
        ) from None


def _check_model(package: Package, preset: Any) -> list[Finding]:
    """What the SAE would refuse in the package, with the preset's referentials if any."""
    from seda.validate import check_package

    origin = " (indiqué dans le profil de versement)"
    rules = _load_referential("rules", preset.referentials.rules, origin)
    agencies = _load_referential("agencies", preset.referentials.agencies, origin)
    return check_package(package, rules=rules, agencies=agencies)


# Scan findings already say what these model checks repeat about the same file.
_SAID_BY_SCAN = {"val.empty_object": "scan.empty_file", "val.unknown_format": "scan.unknown_format"}


def _without_repeats(model: Sequence[Finding], scan: Sequence[Finding]) -> list[Finding]:
    said = {(f.code, f.path) for f in scan} | {(f.code, f.unit_uid) for f in scan if f.unit_uid}
    return [
        f
        for f in model
        if not (
            f.code in _SAID_BY_SCAN
            and {(_SAID_BY_SCAN[f.code], f.path), (_SAID_BY_SCAN[f.code], f.unit_uid)} & said
        )
    ]


class _UsageError(Exception):
    """A user mistake on the command line: message shown, exit 2."""


def _format_table(package: Package) -> list[tuple[str, str, int, int]]:
    """(puid, name, count, bytes) for the formats found, most frequent first."""
    names: dict[str, str] = {}
    for _unit, obj in package.objects():
        key = obj.format.puid if obj.format.known else ""
        names.setdefault(key, obj.format.name)
    stats = package.stats()
    rows = [(puid, names.get(puid, ""), n, size) for puid, (n, size) in stats.formats.items()]
    rows.sort(key=lambda r: (-r[2], r[0]))
    return rows


# -- export ------------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace) -> int:
    from app.presets import Preset, PresetError, apply_preset, load_preset

    missing = _missing_paths(args.paths)
    if missing:
        for p in missing:
            _err(f"Introuvable : « {p} » (vérifiez le chemin).")
        return EXIT_USAGE
    output = Path(args.output)
    if output.is_dir():
        _err(
            f"« {output} » est un dossier : donnez le nom du fichier zip à créer (-o versement.zip)."
        )
        return EXIT_USAGE
    if not output.parent.resolve().is_dir():
        _err(f"Le dossier de destination « {output.parent} » n'existe pas.")
        return EXIT_USAGE
    if output.exists() and not args.force:
        _err(
            f"« {output} » existe déjà : choisissez un autre nom ou ajoutez --force pour le remplacer."
        )
        return EXIT_USAGE
    out_abs = output.resolve()
    for p in args.paths:
        src = Path(p).resolve()
        if out_abs == src or src in out_abs.parents:
            _err(f"Le zip ne peut pas être écrit dans un dossier versé (« {p} »).")
            return EXIT_USAGE
    slip = _export_slip_path(args, output)
    if isinstance(slip, str):
        _err(slip)
        return EXIT_USAGE

    if args.preset:
        try:
            preset = load_preset(args.preset)
        except PresetError as exc:
            _err(str(exc))
            return EXIT_USAGE
    else:
        preset = Preset()
        _err(
            "Attention : aucun profil de versement (--preset) ; l'en-tête du versement sera incomplet."
        )
    version = args.seda or preset.seda_version
    engine = args.engine or preset.engine

    attachment: Attachment | None = None
    if args.attach:
        try:
            attachment = _resolve_attachment(args.attach, args.tree or preset.referentials.tree)
        except _UsageError as exc:
            _err(str(exc))
            return EXIT_USAGE
    elif args.tree:
        _err("--tree ne sert qu'avec --attach NOEUD : il est ignoré.")

    try:
        result = _scan(args.paths, engine, preset.exclusions, args.workers)
    except (Cancelled, KeyboardInterrupt):
        _err("Interrompu : aucun fichier écrit.")
        return EXIT_INTERRUPTED

    package = Package(roots=result.roots, signature_version=result.signature_version)
    apply_preset(preset, package)
    package.seda_version = version
    if attachment is not None:
        for root in package.roots:
            root.attachment = dataclasses.replace(attachment)
    bases = _bases(args.paths)
    stats = package.stats()
    if stats.files == 0:
        _err(
            "Rien à exporter : aucun fichier lisible dans "
            + ", ".join(f"« {p} »" for p in args.paths)
            + "."
        )
        if result.findings:
            buf = io.StringIO()
            _print_findings(
                result.findings, bases, buf, limit=None if args.all else MAX_LINES_PER_SEVERITY
            )
            _err("Problèmes trouvés :\n" + buf.getvalue().rstrip())
        return EXIT_FAILED

    try:
        model_findings = _without_repeats(_check_model(package, preset), result.findings)
    except _UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    if args.strict and any(f.severity == Severity.ERROR for f in model_findings):
        buf = io.StringIO()
        _print_findings(
            [f for f in model_findings if f.severity == Severity.ERROR],
            bases,
            buf,
            limit=None if args.all else MAX_LINES_PER_SEVERITY,
            places={u.uid: u.source or u.title for u in package.walk()},
        )
        _err(
            "Versement non écrit (--strict) : le service d'archives le refuserait.\n"
            + buf.getvalue().rstrip()
        )
        return EXIT_FAILED

    from seda.package import ExportError, export_sip

    if package.header.date is None:  # the manifest and the slip carry the same date
        package.header.date = datetime.now().astimezone()
    progress = TerminalProgress("Export", unit="bytes")
    try:
        with _interruptible(progress):
            report = export_sip(
                package, output, version=version, progress=progress, verify=args.verify
            )
    except (Cancelled, KeyboardInterrupt):
        progress.finish()
        _err("Interrompu : aucun versement écrit.")
        return EXIT_INTERRUPTED
    except ExportError as exc:
        progress.finish()
        buf = io.StringIO()
        _print_findings(exc.findings, bases, buf, limit=None)
        _err(f"Échec : le versement « {output} » n'a pas été écrit.\n" + buf.getvalue().rstrip())
        return EXIT_FAILED
    progress.finish()

    slip_failed = None
    if slip is not None:
        try:
            rules = _load_referential("rules", preset.referentials.rules)
        except _UsageError:
            rules = None  # already reported by the checks above
        slip_failed = _write_slip(
            package,
            slip,
            rules=rules,
            sip=output,
            message_identifier=report.message_identifier,
            failure="le versement est écrit, mais pas le bordereau",
        )

    findings = [*result.findings, *model_findings, *report.findings]
    places = {u.uid: u.source or u.title for u in package.walk()}
    out = sys.stdout
    size = human_size(output.stat().st_size) if output.exists() else "?"
    print(f"Versement écrit : {output} (SEDA {version}, {size})", file=out)
    print(f"  Identifiant du message : {report.message_identifier}", file=out)
    print(f"  Unités d'archives : {stats.units}", file=out)
    print(f"  Fichiers : {stats.files} ({human_size(stats.total_size)})", file=out)
    rows = _format_table(package)
    if rows:
        print("  Formats :", file=out)
        for puid, name, n, nbytes in rows[:TOP_FORMATS]:
            label = f"{puid} {name}".strip() if puid else "format non identifié"
            print(f"    {n:>6} × {label} ({human_size(nbytes)})", file=out)
        if len(rows) > TOP_FORMATS:
            rest = sum(r[2] for r in rows[TOP_FORMATS:])
            print(
                f"    {rest:>6} × autres formats ({len(rows) - TOP_FORMATS} formats différents)",
                file=out,
            )
    if args.verify:
        print("  Vérification : toutes les empreintes relues sont correctes.", file=out)
    if slip is not None and slip_failed is None:
        print(f"Bordereau de versement écrit : {slip}", file=out)
    if findings:
        print(f"Problèmes trouvés ({len(findings)}) :", file=out)
        _print_findings(
            findings,
            bases,
            out,
            limit=None if args.all else MAX_LINES_PER_SEVERITY,
            places=places,
        )
    else:
        print("Aucun problème trouvé.", file=out)
    return EXIT_OK if slip_failed is None else slip_failed


# -- bordereau (transfer slip) -------------------------------------------------------------
def _export_slip_path(args: argparse.Namespace, output: Path) -> Path | None | str:
    """Where ``export`` writes the slip (None: not asked), or why it cannot (a message)."""
    from app.bordereau import default_path

    if args.no_bordereau:
        return None
    slip = Path(args.bordereau) if args.bordereau else default_path(output)
    if slip.is_dir():
        return f"« {slip} » est un dossier : donnez le nom du bordereau à créer (--bordereau FICHIER.html)."
    if not slip.parent.resolve().is_dir():
        return f"Le dossier du bordereau « {slip.parent} » n'existe pas."
    if slip.resolve() == output.resolve():
        return "Le bordereau et le zip ne peuvent pas porter le même nom."
    if slip.exists() and not args.force:
        return (
            f"« {slip} » existe déjà : choisissez un autre nom (--bordereau), ajoutez --force pour "
            "le remplacer ou --no-bordereau."
        )
    return slip


def _write_slip(
    package: Package,
    slip: Path,
    *,
    rules: Any,
    sip: Path,
    message_identifier: str = "",
    lang: str = "fr",
    failure: str = "bordereau non écrit",
) -> int | None:
    """Write the slip (SIP digest first, then one progress step per unit); None when done,
    else the exit code after saying why (nothing partial is left: ``write_bordereau``)."""
    from app.bordereau import BordereauError, sip_digest, write_bordereau

    progress = TerminalProgress("Empreinte du versement", unit="bytes")
    try:
        with _interruptible(progress):
            digest = sip_digest(sip, progress)
        progress.finish()
        progress = TerminalProgress("Bordereau")
        with _interruptible(progress):
            write_bordereau(
                package,
                slip,
                lang=lang,
                rules=rules,
                sip_path=sip,
                sip_sha512=digest,
                progress=progress,
                message_identifier=message_identifier,
            )
    except (Cancelled, KeyboardInterrupt):
        progress.finish()
        _err(f"Interrompu : {failure}.")
        return EXIT_INTERRUPTED
    except OSError as exc:  # reading the zip back for its digest
        progress.finish()
        _err(f"Échec : {failure} (relecture de « {sip} » impossible : {exc.strerror or exc}).")
        return EXIT_FAILED
    except BordereauError as exc:
        progress.finish()
        _err(f"Échec : {failure}.\n" + "\n".join(f"  - {describe(f)}" for f in exc.findings))
        return EXIT_FAILED
    progress.finish()
    return None


def cmd_bordereau(args: argparse.Namespace) -> int:
    from app.bordereau import default_path
    from seda.package import SipError, read_sip

    sip = Path(args.sip)
    if not sip.is_file():
        _err(f"Introuvable : « {sip} » (vérifiez le chemin).")
        return EXIT_USAGE
    slip = Path(args.output) if args.output else default_path(sip)
    if slip.is_dir():
        _err(f"« {slip} » est un dossier : donnez le nom du bordereau à créer (-o FICHIER.html).")
        return EXIT_USAGE
    if not slip.parent.resolve().is_dir():
        _err(f"Le dossier « {slip.parent} » n'existe pas.")
        return EXIT_USAGE
    if slip.resolve() == sip.resolve():
        _err("Le bordereau ne peut pas remplacer le versement lui-même : choisissez un autre nom.")
        return EXIT_USAGE
    rules_path: Path | str | None = args.rules
    origin = ""
    if args.preset:
        from app.presets import PresetError, load_preset

        try:
            preset = load_preset(args.preset)
        except PresetError as exc:
            _err(str(exc))
            return EXIT_USAGE
        rules_path = preset.referentials.rules
        origin = " (indiqué dans le profil de versement)"
        if rules_path is None:
            _err("Le profil de versement n'indique pas de référentiel des règles de gestion.")
    try:
        rules = _load_referential("rules", rules_path, origin)
    except _UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    try:
        package, findings = read_sip(sip)
    except SipError as exc:
        _err(
            f"« {sip} » n'est pas un versement lisible :\n"
            + "\n".join(f"  - {describe(f)}" for f in exc.findings)
        )
        return EXIT_FAILED
    if findings:
        _err(
            f"Remarque : {len(findings)} problème(s) dans ce versement "
            f"(« verso check {sip} » pour le détail)."
        )
    failed = _write_slip(package, slip, rules=rules, sip=sip, lang=args.lang)
    if failed is not None:
        return failed
    stats = package.stats()
    print(f"Bordereau de versement écrit : {slip}")
    print(f"  Versement : {sip} (SEDA {package.seda_version})")
    print(f"  Identifiant du message : {package.header.message_identifier or '?'}")
    print(f"  Unités d'archives : {stats.units}")
    print(f"  Fichiers : {stats.files} ({human_size(stats.total_size)})")
    return EXIT_OK


# -- check -------------------------------------------------------------------------------
XSD_ENV = "VERSO_XSD_DIR"


def _contract_for(path: str, sip: Path) -> dict[str, Any]:
    """``--contract``: the file's contract, or the one the SIP's ArchivalAgreement names."""
    from seda.package import SipError, read_sip
    from seda.validate import ContractError, load_contract

    try:
        return load_contract(path)
    except ContractError as exc:
        if exc.findings[0].code != "val.contract_not_found":
            raise _UsageError(describe(exc.findings[0])) from None
    try:
        agreement = read_sip(sip)[0].header.archival_agreement
    except SipError:
        agreement = ""
    try:
        return load_contract(path, agreement)
    except ContractError as exc:
        raise _UsageError(describe(exc.findings[0])) from None


def cmd_check(args: argparse.Namespace) -> int:
    from seda.validate import check_sip

    sip = Path(args.sip)
    if not sip.is_file():
        _err(f"Introuvable : « {sip} » (vérifiez le chemin).")
        return EXIT_USAGE
    xsd = args.xsd or os.environ.get(XSD_ENV) or None
    if xsd and not Path(xsd).is_dir():
        _err(f"Le dossier des schémas XSD « {xsd} » n'existe pas.")
        return EXIT_USAGE
    rules_path: Path | str | None = args.rules
    agencies_path: Path | str | None = args.agencies
    if args.preset:
        from app.presets import PresetError, load_preset

        try:
            preset = load_preset(args.preset)
        except PresetError as exc:
            _err(str(exc))
            return EXIT_USAGE
        rules_path = rules_path or preset.referentials.rules
        agencies_path = agencies_path or preset.referentials.agencies
    try:
        rules = _load_referential("rules", rules_path)
        agencies = _load_referential("agencies", agencies_path)
        contract = _contract_for(args.contract, sip) if args.contract else None
    except _UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE

    progress = TerminalProgress("Vérification", unit="bytes")
    try:
        with _interruptible(progress):
            findings = check_sip(
                sip,
                xsd_root=xsd,
                rules=rules,
                agencies=agencies,
                contract=contract,
                classification_levels=args.classification,
                identify=args.identify,
                engine=args.engine,
                progress=progress,
            )
    except (Cancelled, KeyboardInterrupt):
        progress.finish()
        _err("Interrompu.")
        return EXIT_INTERRUPTED
    progress.finish()

    out = sys.stdout
    errors = sum(1 for f in findings if f.severity == Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity == Severity.WARNING)
    print(f"Vérification de « {sip} » :", file=out)
    shown = [
        dataclasses.replace(f, path="") if f.path == str(sip.resolve()) else f for f in findings
    ]
    places = {f.unit_uid: str(f.params["unit"]) for f in shown if f.params.get("unit")}
    _print_findings(
        shown, [], out, limit=None if args.all else MAX_LINES_PER_SEVERITY, places=places
    )
    if errors:
        print(
            f"Résultat : le service d'archives refuserait ce versement ({errors} erreur(s), "
            f"{warnings} avertissement(s)).",
            file=out,
        )
        return EXIT_FAILED
    if warnings:
        print(
            f"Résultat : aucune erreur ; {warnings} avertissement(s) à regarder avant le dépôt.",
            file=out,
        )
    else:
        print("Résultat : aucun problème trouvé.", file=out)
    return EXIT_OK


# -- scan --------------------------------------------------------------------------------
_SCAN_COLUMNS = ("path", "size", "sha512", "puid", "format", "version", "mime", "findings")


def _inventory(result: Any) -> tuple[list[dict[str, Any]], list[Finding]]:
    """One row per file, with its findings; and the findings tied to no listed file."""
    from seda.scan import readable_source

    by_path: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_path.setdefault(f.path, []).append(f)
    rows = []
    used: set[str] = set()
    for root in result.roots:
        for unit in root.walk():
            for obj in unit.objects:
                # a zip member's findings name it by its zip: source or its readable path
                places = {obj.source, unit.source, readable_source(obj.source)} - {""}
                own = [f for place in sorted(places) for f in by_path.get(place, [])]
                used.update(places)
                rows.append(
                    {
                        "path": readable_source(obj.source),
                        "size": obj.size,
                        "sha512": obj.digest,
                        "puid": obj.format.puid,
                        "format": obj.format.name,
                        "version": obj.format.version,
                        "mime": obj.format.mime,
                        "findings": own,
                    }
                )
    others = [f for f in result.findings if f.path not in used]
    return rows, others


def _finding_json(f: Finding) -> dict[str, Any]:
    from seda.scan import readable_source

    return {
        "code": str(f.code),
        "severity": str(f.severity),
        "path": readable_source(f.path),
        "line": f.line,
        "params": {
            k: v if isinstance(v, str | int | float | bool | None) else str(v)
            for k, v in f.params.items()
        },
        "message": describe(f, with_place=False),
    }


def cmd_scan(args: argparse.Namespace) -> int:
    from seda.scan import DEFAULT_EXCLUSIONS

    missing = _missing_paths(args.paths)
    if missing:
        for p in missing:
            _err(f"Introuvable : « {p} » (vérifiez le chemin).")
        return EXIT_USAGE
    try:
        result = _scan(args.paths, args.engine, DEFAULT_EXCLUSIONS, args.workers)
    except (Cancelled, KeyboardInterrupt):
        _err("Interrompu.")
        return EXIT_INTERRUPTED
    rows, others = _inventory(result)
    out = sys.stdout
    if args.format == "json":
        doc = {
            "engine": result.engine,
            "signature_version": result.signature_version,
            "files": [{**r, "findings": [_finding_json(f) for f in r["findings"]]} for r in rows],
            "other_findings": [_finding_json(f) for f in others],
        }
        json.dump(doc, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_SCAN_COLUMNS)
        for r in rows:
            codes = ";".join(str(f.code) for f in r["findings"])
            writer.writerow([r[c] if c != "findings" else codes for c in _SCAN_COLUMNS])
    else:
        bases = _bases(args.paths)
        for r in rows:
            name = f"{r['puid']} {r['format']}".strip() or "format non identifié"
            if r["version"]:
                name += f" {r['version']}"
            print(f"{_display_path(r['path'], bases)}", file=out)
            print(f"    {human_size(r['size'])} — {name} — {r['mime'] or '?'}", file=out)
            print(f"    SHA-512 {r['sha512'] or '?'}", file=out)
            for f in r["findings"]:
                print(f"    ! {describe(f, with_place=False)}", file=out)
        print(
            f"{len(rows)} fichiers ; moteur {result.engine} {result.signature_version}".rstrip(),
            file=out,
        )
        if others:
            print("Autres remarques :", file=out)
            _print_findings(others, bases, out, limit=None)
    return EXIT_OK


# -- referential check -------------------------------------------------------------------
def guess_referential_kind(path: Path) -> str:
    """ "rules", "agencies" or "tree", from the extension and the CSV header."""
    suffix = path.suffix.lower()
    if suffix in (".zip", ".xml"):
        return "tree"
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        head = b""
    if head.startswith(b"PK") or head.lstrip().startswith(b"<"):
        return "tree"
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").casefold()
    if "ruleid" in first or "ruletype" in first:
        return "rules"
    if "identifier" in first and "name" in first:
        return "agencies"
    name = path.name.casefold()
    if "agenc" in name or "service" in name:
        return "agencies"
    if suffix == ".csv" and (";" in first) and not ("regle" in name or "rule" in name):
        return "tree"  # ReSIP's classification CSV is semicolon-separated
    return "rules"


def cmd_referential_check(args: argparse.Namespace) -> int:
    from seda.referentials import ReferentialError, load_agencies, load_rules, load_tree

    path = Path(args.file)
    if not path.exists():
        _err(f"Introuvable : « {path} » (vérifiez le chemin).")
        return EXIT_USAGE
    kind = args.type or guess_referential_kind(path)
    label = {
        "rules": "Référentiel des règles de gestion",
        "agencies": "Référentiel des services",
        "tree": "Arbre de positionnement / plan de classement",
    }[kind]
    loader = {"rules": load_rules, "agencies": load_agencies, "tree": load_tree}[kind]
    try:
        loaded: Any = loader(path)
    except ReferentialError as exc:
        print(f"{label} « {path} » refusé ({len(exc.findings)} problème(s)) :")
        for f in exc.findings:
            print(f"  - {describe(dataclasses.replace(f, path=''))}")
        return EXIT_FAILED
    print(f"{label} « {path} » accepté.")
    if kind == "rules":
        print(f"  {len(loaded)} règles :")
        for category, rules in sorted(loaded.by_type().items()):
            print(f"    {with_code(category_label(category), category)} : {len(rules)}")
    elif kind == "agencies":
        print(f"  {len(loaded.agencies)} services.")
    else:
        nodes = loaded.nodes()
        levels: dict[str, int] = {}
        for n in nodes:
            levels[n.level or "?"] = levels.get(n.level or "?", 0) + 1
        print(f"  {len(nodes)} nœuds, {len(loaded.roots)} à la racine :")
        for level, n in sorted(levels.items()):
            print(f"    {with_code(level_label(level), level)} : {n}")
    return EXIT_OK


# -- window ------------------------------------------------------------------------------
def open_window() -> int:
    """``verso`` alone: the window (PySide6 is an optional dependency)."""
    try:
        import PySide6  # noqa: F401
    except ImportError:
        _err(
            "La fenêtre de Verso a besoin de PySide6, qui n'est pas installé.\n"
            "Installez-le avec :  pip install 'verso[gui]'\n"
            "ou utilisez la ligne de commande :  verso --help"
        )
        return EXIT_FAILED
    try:
        from app.main import main as gui_main
    except ImportError as exc:
        _err(
            f"Impossible d'ouvrir la fenêtre : {exc}\nLa ligne de commande reste disponible : verso --help"
        )
        return EXIT_FAILED
    return int(gui_main() or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``verso``; returns the exit code (see the module docstring)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        return open_window()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return (
            exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_USAGE)
        )
    if getattr(args, "func", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        _err("Interrompu.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `verso scan | head`: the reader left, not an error of ours
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
