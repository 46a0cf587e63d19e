"""``verso`` on the command line: export a SIP, check one, list a folder's formats, check a referential.

``export`` also writes the printable transfer slip beside the zip (``--no-bordereau`` to
skip); ``bordereau`` writes it for an existing SIP.

``verso`` without arguments opens the window. Everything the user reads is French;
progress goes to stderr, stdout carries only what was asked for (the export summary, the
scan inventory, the referential report), so ``verso scan --format json > x.json`` works.

Exit codes: 0 done, 1 the job failed (export refused, referential refused, nothing to
export, SIP the SAE would refuse, an unreadable file left out of an export without
``--skip-unreadable``, standard output full or closed, an unexpected error), 2 bad command
line or input (unknown folder, bad preset, a destination that is an input, a folder or a
special file: ``seda.safepath``), 130 interrupted (Ctrl+C), 128+N stopped by signal N
(SIGTERM, SIGHUP). No partial file is left behind: every writer uses a temporary file
renamed at the end, registered in ``seda.atomic`` so the signal handlers remove it too.
Never a traceback: ``main`` turns anything unexpected into a French message
(``VERSO_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import errno
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

from app.labels import category_label, count, is_plural, level_label, with_code
from app.messages import (
    MAX_LISTED,
    describe,
    more_text,
    nothing_to_transfer,
    nothing_to_transfer_text,
    severity_label,
)
from app.progress_bar import TerminalProgress, human_size
from seda.atomic import is_disk_full
from seda.findings import Code, Finding, Severity
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
            "exemples :\n"
            "  verso export Délibérations Arrêtés -o versement.zip --preset mairie.yaml --verify\n"
            "  verso export --csv description.csv -o versement.zip --preset mairie.yaml"
        ),
    )
    ex.add_argument("paths", nargs="*", metavar="CHEMIN", help="dossier ou fichier à verser")
    ex.add_argument(
        "--csv",
        metavar="DESCRIPTION.csv",
        help="verser ce que décrit un tableau (CSV de ReSIP : une ligne par unité d'archives,\n"
        "fichiers cherchés à côté du tableau ; ou plan de classement id;nom;observations;cote;serie)",
    )
    ex.add_argument(
        "-o", "--output", required=True, metavar="SORTIE.zip", help="fichier zip à créer"
    )
    ex.add_argument(
        "--preset",
        metavar="PROFIL.yaml",
        help="profil de versement (en-tête, règles, rattachement) ; « example » : l'exemple fourni",
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
        "--skip-unreadable",
        action="store_true",
        help="accepter de laisser hors du versement les fichiers illisibles (sinon code de sortie 1)",
    )
    ex.add_argument(
        "--workers",
        type=_workers_arg,
        metavar="N",
        help="processus d'analyse (0 : aucun ; défaut et maximum : un par cœur)",
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
        help="où écrire le bordereau de versement, .html ou .pdf "
        "(défaut : SORTIE-bordereau.html à côté du zip)",
    )
    slip.add_argument(
        "--no-bordereau",
        action="store_true",
        help="ne pas écrire le bordereau de versement (document imprimable à signer)",
    )
    ex.set_defaults(func=cmd_export)

    bd = sub.add_parser(
        "bordereau",
        help="écrire le bordereau de versement (PDF ou HTML) d'un versement, d'un dossier ou d'un travail",
        description=(
            "Écrit le bordereau de versement à signer par le service versant et le service\n"
            "d'archives : identification (services avec identifiant et nom), contenu (unités,\n"
            "fichiers, volume, dates extrêmes, formats), rattachement, une ligne par unité\n"
            "d'archives jusqu'au dossier avec ses règles (intitulé, durée, sort final, date de fin)\n"
            "et les cadres de signature. SOURCE : un versement (zip SIP), un dossier, un zip de\n"
            "fichiers ou un travail enregistré (.verso). Le format suit l'extension de -o :\n"
            ".pdf (A4, numéroté) ou .html (s'ouvre dans un navigateur)."
        ),
        epilog=(
            "exemples :\n"
            "  verso bordereau versement.zip --preset mairie.yaml -o bordereau.pdf\n"
            "  verso bordereau « Conseil municipal 2023 » --preset mairie.yaml --annexe"
        ),
    )
    bd.add_argument(
        "sip",
        metavar="SOURCE",
        help="versement (SIP.zip), dossier, zip de fichiers ou travail enregistré (.verso)",
    )
    bd.add_argument(
        "-o",
        "--output",
        metavar="FICHIER.pdf",
        help="fichier à écrire, .pdf ou .html (défaut : SOURCE-bordereau.pdf à côté de SOURCE)",
    )
    bd.add_argument("--force", action="store_true", help="remplacer FICHIER s'il existe déjà")
    bd.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue (défaut : fr)")
    bd.add_argument(
        "--preset",
        metavar="PROFIL.yaml",
        help="profil de versement : ses référentiels (règles, services) ; pour un dossier, son en-tête",
    )
    bd.add_argument(
        "--rules",
        metavar="RÈGLES.csv",
        help="référentiel des règles de gestion (intitulés, durées, dates de fin)",
    )
    bd.add_argument(
        "--agencies",
        metavar="SERVICES.csv",
        help="référentiel des services (noms des services absents de l'en-tête)",
    )
    bd.add_argument(
        "--depth",
        type=int,
        metavar="N",
        help="décrire les unités jusqu'au niveau N (0 : racines) ; défaut : toutes les unités "
        "décrites, les fichiers étant résumés par dossier",
    )
    bd.add_argument(
        "--annex",
        "--annexe",
        action="store_true",
        help="ajouter en annexe la liste de tous les fichiers",
    )
    bd.add_argument(
        "--engine", choices=ENGINES, help="pour un dossier : outil d'identification des formats"
    )
    bd.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="pour un dossier : processus d'analyse (0 : aucun ; défaut : un par cœur)",
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
        "--archive-profile",
        metavar="PROFIL.rng",
        help="profil d'archivage (RelaxNG) du service d'archives à respecter",
    )
    ck.add_argument(
        "--unit-profiles",
        nargs="+",
        action="extend",
        metavar="AUP.json",
        help="profils d'unité archivistique (JSON exporté par le service d'archives)",
    )
    ck.add_argument(
        "--details",
        action="store_true",
        help="ajouter le message technique d'origine sous chaque écart au profil",
    )
    ck.add_argument(
        "--identify",
        action="store_true",
        help="identifier à nouveau le format de chaque fichier (plus long)",
    )
    ck.add_argument("--engine", choices=ENGINES, default="siegfried", help="outil d'identification")
    ck.add_argument(
        "--type",
        choices=tuple(CHECK_KINDS),
        help="nature du versement : versement (défaut s'il contient des fichiers), "
        "arbre (arbre de positionnement) ou plan (plan de classement)",
    )
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
        choices=("json", "csv", "csv-raw", "text"),
        default="text",
        help="format de sortie (défaut : text) ; csv : pour un tableur (« ; », UTF-8 avec BOM, "
        "en-têtes en français, dates JJ/MM/AAAA) ; csv-raw : pour un programme (« , », codes)",
    )
    sc.add_argument(
        "--engine",
        choices=ENGINES,
        default="siegfried",
        help="outil d'identification (défaut : siegfried)",
    )
    sc.add_argument(
        "--workers",
        type=_workers_arg,
        metavar="N",
        help="processus d'analyse (0 : aucun ; défaut et maximum : un par cœur)",
    )
    sc.add_argument(
        "-o",
        "--output",
        dest="output_file",
        metavar="FICHIER",
        help="écrire l'inventaire dans ce fichier (UTF-8 ; avec BOM en CSV pour les tableurs)",
    )
    sc.add_argument("--force", action="store_true", help="remplacer FICHIER s'il existe déjà")
    sc.set_defaults(func=cmd_scan)

    cv = sub.add_parser(
        "csv",
        help="écrire le tableau (CSV de ReSIP) d'un versement, d'un dossier ou d'un travail",
        description=(
            "Écrit un tableau CSV au format étendu de ReSIP (Id;ParentId;File;ObjectFiles puis une\n"
            "colonne par champ SEDA), une ligne par unité d'archives, pour le relire dans un tableur,\n"
            "dans ReSIP ou Archifiltre, ou le corriger et le reverser avec « verso export --csv »."
        ),
        epilog=(
            "exemples :\n"
            "  verso csv versement.zip -o description.csv\n"
            "  verso csv Documents -o description.csv --encoding cp1252"
        ),
    )
    cv.add_argument(
        "source", metavar="SIP.zip|DOSSIER|TRAVAIL.verso", help="le versement, dossier ou travail"
    )
    cv.add_argument(
        "-o", "--output", required=True, metavar="DESCRIPTION.csv", help="tableau à écrire"
    )
    cv.add_argument(
        "--encoding",
        choices=("utf-8", "cp1252"),
        default="utf-8",
        help="encodage : utf-8 (avec BOM, défaut) ou cp1252 (Windows-1252)",
    )
    cv.add_argument(
        "--neutralise-formulas",
        action="store_true",
        help="préfixer d'une apostrophe les cellules qui commencent par = + - @ (tableurs)",
    )
    cv.add_argument("--force", action="store_true", help="remplacer le tableau s'il existe déjà")
    cv.set_defaults(func=cmd_csv)

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
        choices=("rules", "agencies", "tree", "metadata"),
        help="type de référentiel (par défaut : deviné d'après le fichier)",
    )
    chk.set_defaults(func=cmd_referential_check)
    return parser


# -- helpers -----------------------------------------------------------------------------
def _err(text: str) -> None:
    """A message on stderr; a closed or full stderr cannot turn it into a traceback (and
    ``print(file=None)`` would write it on stdout, into the user's JSON)."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
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


def _missing_message(path: str) -> str:
    """Why ``path`` cannot be found: not there, or a file used as a folder on the way."""
    up = os.path.dirname(os.path.abspath(path))
    while up and not os.path.lexists(up):
        parent = os.path.dirname(up)
        if parent == up:
            break
        up = parent
    if up and os.path.lexists(up) and not os.path.isdir(up):
        return f"« {path} » : « {up} » est un fichier, pas un dossier (vérifiez le chemin)."
    return f"Introuvable : « {path} » (vérifiez le chemin)."


_KIND_FR = {
    "fifo": "un tube nommé",
    "socket": "une socket",
    "char_device": "un périphérique",
    "block_device": "un périphérique",
}


def _not_a_file(path: str | Path, what: str) -> str | None:
    """Why ``path`` is not a readable regular file (one French sentence), or None.

    ``what`` names what was expected (« le versement (zip) »): a folder or a FIFO is not
    « introuvable », a file used as a folder does not « n'existe pas »."""
    import stat as stat_module

    from seda.safepath import special_kind

    shown = os.fspath(path)
    if not os.path.lexists(shown):
        return _missing_message(shown)
    try:
        st = os.stat(shown)
    except OSError as exc:
        if os.path.islink(shown) and exc.errno == errno.ENOENT:
            target = os.readlink(shown)
            return f"« {shown} » est un lien symbolique cassé (vers « {target} ») : {what} est attendu."
        if exc.errno == errno.ELOOP:
            return f"« {shown} » est un lien symbolique qui tourne en boucle : {what} est attendu."
        return f"« {shown} » est illisible ({_os_error_fr(exc)}) : {what} est attendu."
    if stat_module.S_ISDIR(st.st_mode):
        return f"« {shown} » est un dossier : {what} est attendu."
    if not stat_module.S_ISREG(st.st_mode):
        kind = _KIND_FR.get(special_kind(st.st_mode), "un fichier spécial")
        return f"« {shown} » est {kind}, pas un fichier ordinaire : {what} est attendu."
    return None


_ERRNO_FR = {
    errno.EACCES: "accès refusé",
    errno.EPERM: "opération non permise",
    errno.EIO: "erreur de lecture du disque",
    errno.ENOENT: "introuvable",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.ENAMETOOLONG: "nom trop long",
}


def _os_error_fr(exc: OSError) -> str:
    """The reason of an OS error in French when it is a common one (else the system's)."""
    return _ERRNO_FR.get(exc.errno or 0, exc.strerror or str(exc))


def _not_a_folder(path: str | Path, what: str) -> str | None:
    """Why ``path`` is not a folder (one French sentence), or None."""
    shown = os.fspath(path)
    if not os.path.lexists(shown):
        return _missing_message(shown).replace("Introuvable", f"Introuvable ({what})", 1)
    if not os.path.isdir(shown):
        return f"« {shown} » n'est pas un dossier : {what} est attendu."
    return None


def _given_files_problem(*given: tuple[str | None, str]) -> str | None:
    """The first optional input file (``--preset``, ``--rules``…) that is not a regular
    file: a FIFO would block the read for ever, a folder is not « introuvable »."""
    for path, what in given:
        if path is not None:
            problem = _not_a_file(path, what)
            if problem is not None:
                return problem
    return None


def _preset_files(preset: Any) -> list[str]:
    refs = preset.referentials
    return [str(p) for p in (refs.rules, refs.agencies, refs.tree) if p is not None]


def _destination_problem(
    path: str | Path,
    *,
    inputs: Sequence[str | Path],
    force: bool,
    name_hint: str,
    replace_hint: str,
) -> str | None:
    """Why ``path`` must not be written (one message), or None.

    The one guard every writer uses (``seda.safepath``: not a folder nor a special file,
    not an input nor inside an input folder, through links, hard links and ``..``), plus
    the command line's rule that an existing file is replaced only with ``--force``."""
    from seda.safepath import check_destination

    finding = check_destination(path, inputs=inputs)
    if finding is not None:
        message = describe(finding)
        if finding.params.get("reason") in ("folder", "empty"):
            message += f"\nDonnez le nom du fichier à créer ({name_hint})."
        return message
    if not force and os.path.lexists(path):
        return f"« {path} » existe déjà : {replace_hint}"
    return None


def _display_path(path: str, bases: Sequence[Path]) -> str:
    """Findings carry absolute paths; show them from the dropped folder's parent."""
    for base in bases:
        with contextlib.suppress(ValueError):
            return str(Path(path).relative_to(base))
    return path


def _bases(paths: Sequence[str]) -> list[Path]:
    return [Path(os.path.abspath(p)).parent for p in paths]


def _finding_lines(findings: Sequence[Finding], prefix: str = "  - ") -> str:
    """One line per finding, at most ``MAX_LISTED`` then « … et N autres » (a referential
    with a million duplicate identifiers must not print a million lines)."""
    shown = [prefix + describe(f) for f in findings[:MAX_LISTED]]
    if len(findings) > MAX_LISTED:
        shown.append(prefix + more_text(len(findings) - MAX_LISTED))
    return "\n".join(shown)


def _print_findings(
    findings: Sequence[Finding],
    bases: Sequence[Path],
    out: TextIO,
    *,
    limit: int | None,
    places: dict[int, str] | None = None,
    details: bool = False,
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
            if details and f.params.get("raw"):
                print(f"        (détail technique : {f.params['raw']})", file=out)
        if len(shown) < len(group):
            print(f"    {more_text(len(group) - len(shown))} (--all pour tout voir)", file=out)


def _shield_workers_from_ctrl_c() -> None:
    """Start multiprocessing's fork server with SIGINT ignored, so scan workers inherit that.

    A terminal's Ctrl+C reaches the whole process group: a worker interrupted while holding
    the pool's shared cancel-event lock leaves the main process waiting forever. Workers
    need no SIGINT: the main process cancels them cooperatively. (Linux only: elsewhere
    seda.scan uses "spawn".)
    """
    from seda.scan import mp_context

    if mp_context().get_start_method() != "forkserver":
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


def _workers_arg(value: str) -> int:
    """``--workers N``: a whole number, 0 or more (argparse turns ValueError into a usage error)."""
    n = int(value.strip())
    if n < 0:
        raise ValueError(value)
    return n


def _scan(paths: Sequence[str], engine: str, exclusions: Sequence[str], workers: int | None) -> Any:
    from seda.scan import cpu_count, scan

    if workers is not None and workers > cpu_count():
        _err(
            f"Remarque : --workers {workers} ramené à {cpu_count()} "
            "(le nombre de processeurs : davantage ne va pas plus vite et coûte de la mémoire)."
        )
        workers = cpu_count()

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
        problem = _not_a_file(tree_path, "l'arbre de positionnement")
        if problem is not None:
            raise _UsageError(problem)
        try:
            tree = load_tree(tree_path)
        except ReferentialError as exc:
            raise _UsageError(
                f"Arbre de positionnement « {tree_path} » refusé :\n" + _finding_lines(exc.findings)
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
        if name.lstrip("#").lower() == "systemid" and value:
            # the SAE has no metadata field "SystemId": UpdateOperation/SystemId
            return Attachment(system_id=value)
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
    problem = _not_a_file(path, f"le fichier du référentiel {label}")
    if problem is not None:
        raise _UsageError(problem)
    try:
        return loader(path)
    except ReferentialError as exc:
        raise _UsageError(
            f"Référentiel {label} « {path} »{origin} refusé :\n" + _finding_lines(exc.findings)
        ) from None


def _check_model(package: Package, preset: Any) -> list[Finding]:
    """What the SAE would refuse in the package, with the preset's referentials if any."""
    from seda.validate import check_package

    origin = " (indiqué dans le profil de versement)"
    rules = _load_referential("rules", preset.referentials.rules, origin)
    agencies = _load_referential("agencies", preset.referentials.agencies, origin)
    return check_package(
        package,
        rules=rules,
        agencies=agencies,
        contract=preset.sae_contract(),
        sae_signatures=preset.sae_signatures,
    )


def _check_preset_profiles(package: Package, preset: Any) -> list[Finding]:
    """The package against the preset's transfer profile and archive-unit profiles."""
    units = [u.file for u in preset.unit_profiles]
    if preset.archive_profile is None and not units:
        return []
    from seda.archive_profile import check_package_profiles

    origin = " (indiqué dans le profil de versement)"
    profile, unit_profiles = _load_profiles(
        preset.archive_profile, units, preset.archive_profile_id, origin
    )
    return check_package_profiles(package, profile, unit_profiles)


# Scan findings already say what these model checks repeat about the same file.
_SAID_BY_SCAN = {"val.empty_object": "scan.empty_file", "val.unknown_format": "scan.unknown_format"}


def _without_repeats(model: Sequence[Finding], scan: Sequence[Finding]) -> list[Finding]:
    """``model`` without what ``scan`` already says; a model ERROR (the SAE refuses) is
    kept: ``_scan_without_refused`` then drops the scan's milder word on it."""
    said = {(f.code, f.path) for f in scan} | {(f.code, f.unit_uid) for f in scan if f.unit_uid}
    return [
        f
        for f in model
        if f.severity == Severity.ERROR
        or not (
            f.code in _SAID_BY_SCAN
            and {(_SAID_BY_SCAN[f.code], f.path), (_SAID_BY_SCAN[f.code], f.unit_uid)} & said
        )
    ]


def _scan_without_refused(scan: Sequence[Finding], model: Sequence[Finding]) -> list[Finding]:
    """Scan findings, without those a model ERROR says again about the same file."""
    refused = {
        (_SAID_BY_SCAN[f.code], key)
        for f in model
        if f.severity == Severity.ERROR and f.code in _SAID_BY_SCAN
        for key in (f.path, f.unit_uid)
    }
    return [
        f for f in scan if (f.code, f.path) not in refused and (f.code, f.unit_uid) not in refused
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

    if bool(args.csv) == bool(args.paths):
        _err(
            "Donnez soit les dossiers ou fichiers à verser, soit un tableau avec --csv DESCRIPTION.csv"
            + (" (pas les deux)." if args.csv else ".")
        )
        return EXIT_USAGE
    missing = _missing_paths(args.paths or [args.csv])
    if missing:
        for p in missing:
            _err(_missing_message(p))
        return EXIT_USAGE
    problem = _given_files_problem(
        (args.preset, "le profil de versement (YAML)"),
        (args.tree, "l'arbre de positionnement"),
    )
    if problem is not None:
        _err(problem)
        return EXIT_USAGE
    output = Path(args.output)
    read = [*args.paths, *(p for p in (args.preset, args.tree) if p)]
    problem = _destination_problem(
        args.output,
        inputs=read,
        force=args.force,
        name_hint="-o versement.zip",
        replace_hint="choisissez un autre nom ou ajoutez --force pour le remplacer.",
    )
    if problem is not None:
        _err(problem)
        return EXIT_USAGE
    if args.preset:
        try:
            preset = load_preset(args.preset)
        except PresetError as exc:
            _err(str(exc))
            return EXIT_USAGE
        # the referentials the preset names are read too: never written over
        problem = _destination_problem(
            output, inputs=_preset_files(preset), force=True, name_hint="", replace_hint=""
        )
        if problem:
            _err(problem)
            return EXIT_USAGE
    else:
        preset = Preset()
    slip = _export_slip_path(args, output, [*read, *_preset_files(preset)])
    if isinstance(slip, str):
        _err(slip)
        return EXIT_USAGE
    if not args.preset:
        _err(
            "Attention : aucun profil de versement (--preset) ; l'en-tête du versement sera incomplet."
        )

    version = args.seda or preset.seda_version
    engine = args.engine or preset.engine

    attachment: Attachment | None = None
    if args.attach is not None and not args.attach.strip():
        _err(
            "--attach est vide : donnez un identifiant système (GUID), « Nom=Valeur » ou un "
            "intitulé avec --tree FICHIER, ou retirez --attach."
        )
        return EXIT_USAGE
    if args.attach:
        try:
            attachment = _resolve_attachment(args.attach, args.tree or preset.referentials.tree)
        except _UsageError as exc:
            _err(str(exc))
            return EXIT_USAGE
    elif args.tree:
        _err("--tree ne sert qu'avec --attach NOEUD : il est ignoré.")

    try:
        if args.csv:
            imported = _import_csv(args.csv, version, engine, preset, args.workers)
            if isinstance(imported, int):
                return imported
            result = imported
        else:
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
    bases = _bases(args.paths or [args.csv])
    stats = package.stats()
    if not args.csv and nothing_to_transfer(package.roots, stats.files):
        # the window's Export says the same (app.messages.nothing_to_transfer)
        _err(nothing_to_transfer_text([str(p) for p in args.paths]))
        others = [f for f in result.findings if f.code != Code.EMPTY_FOLDER]
        if others:  # « Dossier vide : il sera versé… » would contradict the refusal
            buf = io.StringIO()
            _print_findings(others, bases, buf, limit=None if args.all else MAX_LINES_PER_SEVERITY)
            _err("Problèmes trouvés :\n" + buf.getvalue().rstrip())
        return EXIT_FAILED

    try:
        model_findings = _without_repeats(_check_model(package, preset), result.findings)
        # the export itself reports each adapted value (report.findings)
        model_findings = [f for f in model_findings if f.code != Code.EXPORT_ADAPTED]
        model_findings.extend(_check_preset_profiles(package, preset))
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
        _print_findings(
            exc.findings, bases, buf, limit=None if args.all else MAX_LINES_PER_SEVERITY
        )
        _err(f"Échec : le versement « {output} » n'a pas été écrit.\n" + buf.getvalue().rstrip())
        return EXIT_FAILED
    progress.finish()
    _WRITTEN.append(str(output))

    slip_failed = None
    if slip is not None:
        from app.bordereau import Verdict

        try:
            rules = _load_referential("rules", preset.referentials.rules)
        except _UsageError:
            rules = None  # already reported by the checks above
        try:
            agencies = _load_referential("agencies", preset.referentials.agencies)
        except _UsageError:
            agencies = None
        slip_failed = _write_slip(
            package,
            slip,
            rules=rules,
            agencies=agencies,
            sip=output,
            message_identifier=report.message_identifier,
            verdict=Verdict.of([*result.findings, *model_findings, *report.findings]),
            failure="le versement est écrit, mais pas le bordereau",
        )

    findings = [
        *_scan_without_refused(result.findings, model_findings),
        *model_findings,
        *report.findings,
    ]
    places = {u.uid: u.source or u.title for u in package.walk()}
    refusals = sae_refusals([*model_findings, *report.findings])
    out = sys.stdout
    size = human_size(output.stat().st_size) if output.exists() else "?"
    if refusals:
        print(
            f"Versement écrit, mais le service d'archives le refusera : {output} "
            f"(SEDA {version}, {size})",
            file=out,
        )
    else:
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
    if slip_failed is None and not args.skip_unreadable:
        left_out = _unreadable_left_out(result.findings, package)
        if left_out:
            _err(
                f"Attention : {len(left_out)} "
                + (
                    "fichiers ou dossiers illisibles laissés "
                    if is_plural(len(left_out))
                    else "fichier ou dossier illisible laissé "
                )
                + "hors du versement (code de sortie 1 ; --skip-unreadable pour l'accepter) :\n"
                + _finding_lines(
                    [dataclasses.replace(f, path=_display_path(f.path, bases)) for f in left_out]
                )
            )
            if refusals:
                print(refusal_line(refusals, places), file=out)
            return EXIT_FAILED
    if refusals:
        print(refusal_line(refusals, places), file=out)
        return EXIT_FAILED
    return EXIT_OK if slip_failed is None else slip_failed


def _unreadable_left_out(findings: Sequence[Finding], package: Package) -> list[Finding]:
    """The unreadable files and folders the package does not hold (a script must be able
    to tell that something was dropped: ``export`` exits 1 unless ``--skip-unreadable``)."""
    from seda.findings import Code

    packed = {obj.source for _unit, obj in package.objects()}
    return [f for f in findings if f.code == Code.UNREADABLE and f.path not in packed]


def sae_refusals(findings: Sequence[Finding]) -> list[Finding]:
    """The findings for which the SAE will refuse the transfer (its errors)."""
    return [f for f in findings if f.severity == Severity.ERROR]


def refusal_line(refusals: Sequence[Finding], places: dict[int, str] | None = None) -> str:
    """The last line of an export the SAE will refuse: how many reasons, the first ones."""
    shown = []
    for f in refusals[:REFUSAL_REASONS]:
        if not f.path and places and f.unit_uid in places:
            f = dataclasses.replace(f, path=places[f.unit_uid])
        shown.append(describe(f).rstrip("."))
    more = len(refusals) - len(shown)
    tail = f" (et {more} autre(s))" if more > 0 else ""
    return (
        f"Le service d'archives refusera ce versement : {len(refusals)} problème(s) "
        f"bloquant(s), dont : " + " ; ".join(shown) + tail + "."
    )


REFUSAL_REASONS = 3


def _import_csv(path: str, version: str, engine: str, preset: Any, workers: int | None) -> Any:
    """A ReSIP CSV as a scan result (files hashed and identified), or the exit code after
    listing every problem of a refused table."""
    from seda.resip_csv import CsvError, identify, import_csv
    from seda.scan import ScanResult

    try:
        rules = _load_referential("rules", preset.referentials.rules)
    except _UsageError:
        rules = None  # reported again by the checks after the import
    try:
        imported = import_csv(path, version=version, rules=rules)
    except CsvError as exc:
        errors = [f for f in exc.findings if f.severity == Severity.ERROR]
        buf = io.StringIO()
        _print_findings(exc.findings, [], buf, limit=None)
        _err(
            f"Tableau « {path} » refusé ({len(errors)} problème(s) à corriger) ; "
            "aucun versement écrit.\n" + buf.getvalue().rstrip()
        )
        return EXIT_FAILED
    if workers != 0:
        _shield_workers_from_ctrl_c()
    progress = TerminalProgress("Analyse")
    try:
        with _interruptible(progress):
            signature, findings = identify(
                imported.package, engine=engine, workers=workers, progress=progress
            )
    finally:
        progress.finish()
    return ScanResult(
        roots=imported.package.roots,
        findings=[*imported.findings, *findings],
        engine=engine,
        signature_version=signature,
    )


# -- CSV (ReSIP's metadata table) ----------------------------------------------------------
def _package_from(source: Path) -> Package | str:
    """The package a ``verso csv`` source holds (SIP zip, folder, saved work, CSV), or the
    French reason it cannot be read."""
    from seda.resip_csv import CsvError, import_csv

    if source.is_dir():
        from seda.scan import walk

        return Package(roots=walk([str(source)]).roots)
    try:
        with source.open("rb") as fh:
            head = fh.read(4)
    except OSError as exc:
        return f"« {source} » est illisible : {exc.strerror or exc}."
    if head.startswith(b"\x1f\x8b") or source.suffix.lower() == ".verso":
        from app.workfile import WorkError, load_work

        try:
            return load_work(source, check_files=False).package
        except WorkError as exc:
            return "\n".join(describe(f) for f in exc.findings)
    if head.startswith(b"PK"):
        from seda.package import SipError, read_sip

        try:
            return read_sip(source)[0]
        except SipError as exc:
            return "\n".join(describe(f) for f in exc.findings)
    if source.suffix.lower() in (".csv", ".tsv", ".txt"):
        try:
            return import_csv(source).package
        except CsvError as exc:
            return "\n".join(describe(f) for f in exc.findings)
    return f"« {source} » n'est ni un versement (zip), ni un dossier, ni un travail Verso (.verso)."


def cmd_csv(args: argparse.Namespace) -> int:
    from seda.resip_csv import export_csv

    source, output = Path(args.source), Path(args.output)
    if not source.exists():
        _err(f"Introuvable : « {source} » (vérifiez le chemin).")
        return EXIT_USAGE
    if output.is_dir():
        _err(
            f"« {output} » est un dossier : donnez le nom du tableau à écrire (-o description.csv)."
        )
        return EXIT_USAGE
    if not output.parent.resolve().is_dir():
        _err(f"Le dossier de destination « {output.parent} » n'existe pas.")
        return EXIT_USAGE
    if output.exists() and output.resolve() == source.resolve():
        _err(f"« {output} » est le fichier lu : choisissez un autre nom pour le tableau.")
        return EXIT_USAGE
    if output.exists() and not args.force:
        _err(
            f"« {output} » existe déjà : choisissez un autre nom ou ajoutez --force pour le remplacer."
        )
        return EXIT_USAGE
    package = _package_from(source)
    if isinstance(package, str):
        _err(f"Impossible de lire « {source} » :\n{package}")
        return EXIT_FAILED
    encoding = "cp1252" if args.encoding == "cp1252" else "utf-8-sig"
    try:
        report = export_csv(package, output, encoding=encoding, neutralise=args.neutralise_formulas)
    except OSError as exc:
        _err(f"Échec : le tableau « {output} » n'a pas été écrit ({exc.strerror or exc}).")
        return EXIT_FAILED
    print(
        f"Tableau écrit : {output} ({count(report.rows, 'archive_unit')}, "
        f"{report.columns} colonnes, {'Windows-1252' if encoding == 'cp1252' else 'UTF-8'})"
    )
    if report.files_not_on_disk:
        print(
            f"  {count(report.files_not_on_disk, 'file')} "
            + ("restent" if is_plural(report.files_not_on_disk) else "reste")
            + " dans le zip : leurs colonnes File/ObjectFiles sont vides."
        )
    if report.skipped:
        names = sorted(set(report.skipped))
        print(
            f"  {len(report.skipped)} élément(s) sans colonne possible non écrits : "
            + ", ".join(names[:10])
            + (" …" if len(names) > 10 else "")
        )
    if report.replaced:
        print(
            f"  {report.replaced} caractère(s) impossibles en Windows-1252 écrits « ? » "
            "(utilisez l'UTF-8 pour les garder)."
        )
    return EXIT_OK


# -- bordereau (transfer slip) -------------------------------------------------------------
def _export_slip_path(
    args: argparse.Namespace, output: Path, read: Sequence[str] = ()
) -> Path | None | str:
    """Where ``export`` writes the slip (None: not asked), or why it cannot (a message)."""
    from app.bordereau import default_path

    if args.no_bordereau:
        return None
    if args.bordereau is not None and not args.bordereau.strip():
        return "--bordereau est vide : donnez le nom du bordereau à créer, ou --no-bordereau."
    slip = Path(args.bordereau) if args.bordereau else default_path(output)
    problem = _slip_problem(
        slip,
        sip=output,
        inputs=read or args.paths,
        force=args.force,
        name_hint="--bordereau FICHIER.html",
        replace_hint=(
            "choisissez un autre nom (--bordereau), ajoutez --force pour le remplacer "
            "ou --no-bordereau."
        ),
    )
    problem = problem or _slip_format_error(slip)  # the guard speaks first
    return slip if problem is None else problem


def _slip_problem(
    slip: Path,
    *,
    sip: Path,
    inputs: Sequence[str | Path],
    force: bool,
    name_hint: str,
    replace_hint: str,
) -> str | None:
    """Why the slip cannot go to ``slip`` (``export --bordereau`` and ``bordereau -o``)."""
    if os.path.normcase(os.path.abspath(slip)) == os.path.normcase(os.path.abspath(sip)):
        return "Le bordereau ne peut pas remplacer le versement (zip) : choisissez un autre nom."
    return _destination_problem(
        slip,
        inputs=[*inputs, sip],
        force=force,
        name_hint=name_hint,
        replace_hint=replace_hint,
    )


SLIP_FORMATS = (".pdf", ".html", ".htm")


def _slip_format_error(slip: Path) -> str | None:
    """Why ``slip``'s extension names no format the slip is written in (None: it does)."""
    if slip.suffix.lower() in SLIP_FORMATS:
        return None
    return (
        f"« {slip.name} » : le format du bordereau se choisit par l'extension, "
        ".pdf (à imprimer et signer) ou .html (à ouvrir dans un navigateur)."
    )


def _write_slip(
    package: Package,
    slip: Path,
    *,
    rules: Any,
    sip: Path | None,
    agencies: Any = None,
    message_identifier: str = "",
    lang: str = "fr",
    verdict: Any = None,
    depth: int | None = None,
    annex: bool = False,
    failure: str = "bordereau non écrit",
) -> int | None:
    """Write the slip, PDF or HTML after ``slip``'s extension (SIP digest first, then one
    progress step per unit); None when done, else the exit code after saying why (nothing
    partial is left: ``write_bordereau`` / ``write_bordereau_pdf``)."""
    from app.bordereau import BordereauError, sip_digest, write_bordereau

    writer: Any = write_bordereau
    if slip.suffix.lower() == ".pdf":
        from app.bordereau_pdf import write_bordereau_pdf

        # a command line has no window: Qt lays the PDF out offscreen (never an X server
        # it might fail to reach); Windows' own platform needs no display and has the fonts
        if sys.platform != "win32":
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        writer = write_bordereau_pdf
    progress = TerminalProgress("Empreinte du versement", unit="bytes")
    try:
        digest = None
        if sip is not None:
            with _interruptible(progress):
                digest = sip_digest(sip, progress)
            progress.finish()
        progress = TerminalProgress("Bordereau")
        with _interruptible(progress):
            writer(
                package,
                slip,
                lang=lang,
                rules=rules,
                agencies=agencies,
                sip_path=sip,
                sip_sha512=digest,
                progress=progress,
                message_identifier=message_identifier,
                verdict=verdict,
                depth=depth,
                annex=annex,
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
        _err(f"Échec : {failure}.\n" + _finding_lines(exc.findings))
        return EXIT_FAILED
    progress.finish()
    _WRITTEN.append(str(slip))
    return None


def _default_slip(source: Path) -> Path:
    """``versement.zip`` / ``Conseil`` / ``travail.verso`` -> ``…-bordereau.pdf`` beside it."""
    from app.bordereau_pdf import default_pdf_path

    if source.is_dir():
        resolved = source.resolve()
        return resolved.parent / f"{resolved.name}-bordereau.pdf"
    return default_pdf_path(source)


def _bordereau_package(
    args: argparse.Namespace, source: Path, preset: Any
) -> tuple[Package, Path | None, list[Finding], str]:
    """The package the slip describes, the SIP it was read from (None for a folder, a plain
    zip or saved work), what was found on the way, and the saved work's own preset path
    ("" if none). Raises _UsageError (exit 2), _SourceError (exit 1), Cancelled."""
    from app.presets import apply_preset

    if source.suffix.lower() == ".verso" and source.is_file():
        from app.workfile import WorkError, load_work

        try:
            work = load_work(source, check_files=False)
        except WorkError as exc:
            raise _SourceError(
                f"« {source} » n'est pas un travail enregistré lisible :\n"
                + "\n".join(f"  - {describe(f)}" for f in exc.findings)
            ) from None
        return work.package, None, list(work.findings), work.preset_path
    if source.is_file():
        from seda.package import SipError, looks_like_sip, read_sip
        from seda.scan import is_zip_archive

        if looks_like_sip(source):
            try:
                package, findings = read_sip(source)
            except SipError as exc:
                raise _SourceError(
                    f"« {source} » n'est pas un versement lisible :\n"
                    + "\n".join(f"  - {describe(f)}" for f in exc.findings)
                ) from None
            return package, source, findings, ""
        if not is_zip_archive(source):
            raise _SourceError(
                f"« {source} » n'est ni un versement (zip SIP), ni un zip de fichiers, "
                "ni un dossier, ni un travail enregistré (.verso)."
            )
    result = _scan([str(source)], args.engine or preset.engine, preset.exclusions, args.workers)
    package = Package(roots=result.roots, signature_version=result.signature_version)
    apply_preset(preset, package)
    package.seda_version = preset.seda_version  # what an export with this profile writes
    return package, None, list(result.findings), ""


class _SourceError(Exception):
    """The SOURCE of ``verso bordereau`` cannot be used: message shown, exit 1."""


def cmd_bordereau(args: argparse.Namespace) -> int:
    from app.bordereau import Verdict
    from app.presets import Preset, PresetError, load_preset

    source = Path(args.sip)
    problem = (
        None
        if source.is_dir()
        else _not_a_file(
            source, "la source du bordereau (versement, dossier, zip ou travail .verso)"
        )
    ) or _given_files_problem(
        (args.rules, "le référentiel des règles (CSV)"),
        (args.agencies, "le référentiel des services (CSV)"),
        (args.preset, "le profil de versement (YAML)"),
    )
    if problem is None and args.depth is not None and args.depth < 0:
        problem = "--depth : donnez un niveau positif ou nul (0 : les racines seulement)."
    if problem is not None:
        _err(problem)
        return EXIT_USAGE
    preset = Preset()
    if args.preset:
        try:
            preset = load_preset(args.preset)
        except PresetError as exc:
            _err(str(exc))
            return EXIT_USAGE
    # what is read (the source, the referentials, the profile and what it names) is never
    # written over; the guard speaks first, then the format
    read = [p for p in (args.rules, args.agencies, args.preset) if p]
    slip = Path(args.output) if args.output else _default_slip(source)
    problem = _slip_problem(
        slip,
        sip=source,
        inputs=[source, *read, *_preset_files(preset)],
        force=args.force,
        name_hint="-o FICHIER.pdf",
        replace_hint=(
            "il est peut-être déjà signé : choisissez un autre nom (-o) ou ajoutez --force "
            "pour le remplacer."
        ),
    ) or _slip_format_error(slip)
    if problem is not None:
        _err(problem)
        return EXIT_USAGE
    try:
        package, sip, findings, work_preset = _bordereau_package(args, source, preset)
    except _UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except _SourceError as exc:
        _err(str(exc))
        return EXIT_FAILED
    except (Cancelled, KeyboardInterrupt):
        _err("Interrompu : bordereau non écrit.")
        return EXIT_INTERRUPTED
    if work_preset and not args.preset:  # saved work: the profile it was made with
        with contextlib.suppress(PresetError):
            preset = load_preset(work_preset)
    # names the SIP's header does not carry: the profile's, for the same identifiers
    h = package.header
    for ident, name in (
        ("archival_agency", "archival_agency_name"),
        ("transferring_agency", "transferring_agency_name"),
    ):
        if (
            not getattr(h, name)
            and getattr(h, ident)
            and getattr(h, ident) == getattr(preset, ident)
        ):
            setattr(h, name, getattr(preset, name))
    origin = " (indiqué dans le profil de versement)"
    try:
        rules = _load_referential(
            "rules", args.rules or preset.referentials.rules, "" if args.rules else origin
        )
        agencies = _load_referential(
            "agencies",
            args.agencies or preset.referentials.agencies,
            "" if args.agencies else origin,
        )
    except _UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    if rules is None:
        _err(
            "Remarque : sans référentiel des règles de gestion (--rules ou --preset), les "
            "règles ne sont données que par leur identifiant, sans intitulé ni date de fin."
        )
    if not package.roots:
        _err(f"Rien à décrire : « {source} » ne contient aucune unité d'archives.")
        return EXIT_FAILED

    # the verdict: what the SAE would say (the SIP itself when there is one)
    if sip is not None:
        from seda.validate import check_sip

        progress = TerminalProgress("Vérification", unit="bytes")
        try:
            with _interruptible(progress):
                checked = check_sip(
                    sip,
                    xsd_root=os.environ.get(XSD_ENV) or None,
                    rules=rules,
                    agencies=agencies,
                    progress=progress,
                )
        except (Cancelled, KeyboardInterrupt):
            progress.finish()
            _err("Interrompu : bordereau non écrit.")
            return EXIT_INTERRUPTED
        progress.finish()
    else:
        from seda.validate import check_package

        checked = [*findings, *check_package(package, rules=rules, agencies=agencies)]
    verdict = Verdict.of(checked)

    failed = _write_slip(
        package,
        slip,
        rules=rules,
        agencies=agencies,
        sip=sip,
        lang=args.lang,
        verdict=verdict,
        depth=args.depth,
        annex=args.annex,
    )
    if failed is not None:
        return failed
    stats = package.stats()
    print(f"Bordereau de versement écrit : {slip}")
    if sip is not None:
        print(f"  Versement : {sip} (SEDA {package.seda_version})")
        print(f"  Identifiant du message : {package.header.message_identifier or '?'}")
    else:
        print(f"  Source : {source}")
    print(f"  Unités d'archives : {stats.units}")
    print(f"  Fichiers : {stats.files} ({human_size(stats.total_size)})")
    if verdict.errors:
        print(
            f"Attention : le service d'archives refuserait ce versement ({verdict.errors} "
            f"erreur(s) ; « verso check » ou la fenêtre pour le détail) ; le bordereau le dit.",
        )
        return EXIT_FAILED
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


def _load_profiles(
    archive_profile: str | os.PathLike[str] | None,
    unit_profiles: Sequence[str | os.PathLike[str]],
    identifier: str = "",
    origin: str = "",
) -> tuple[Any, list[Any]]:
    """The transfer profile and archive-unit profiles named on the command line or in the
    preset; a file that cannot be used is a usage error naming it."""
    from seda.archive_profile import ProfileError, load_transfer_profile, load_unit_profiles

    profile = None
    units: list[Any] = []
    try:
        if archive_profile:
            profile = load_transfer_profile(archive_profile, identifier)
        for path in unit_profiles:
            units.extend(load_unit_profiles(path))
    except ProfileError as exc:
        raise _UsageError(
            f"Profil refusé{origin} :\n" + "\n".join(f"  - {describe(f)}" for f in exc.findings)
        ) from None
    return profile, units


CHECK_KINDS = {"versement": "ingest", "arbre": "holding", "plan": "filing"}


def cmd_check(args: argparse.Namespace) -> int:
    from seda.validate import check_sip

    sip = Path(args.sip)
    problem = _not_a_file(sip, "le fichier zip du versement")
    xsd = args.xsd or os.environ.get(XSD_ENV) or None
    if problem is None and xsd:
        problem = _not_a_folder(xsd, "le dossier des schémas XSD")
    problem = problem or _given_files_problem(
        (args.rules, "le référentiel des règles (CSV)"),
        (args.agencies, "le référentiel des services (CSV)"),
        (args.contract, "le contrat d'entrée (JSON)"),
        (args.preset, "le profil de versement (YAML)"),
    )
    if problem is not None:
        _err(problem)
        return EXIT_USAGE
    rules_path: Path | str | None = args.rules
    agencies_path: Path | str | None = args.agencies
    profile_path: Path | str | None = args.archive_profile
    profile_id = ""
    unit_paths: list[Path | str] = list(args.unit_profiles or [])
    profile_contract: dict[str, Any] | None = None
    if args.preset:
        from app.presets import PresetError, load_preset

        try:
            preset = load_preset(args.preset)
        except PresetError as exc:
            _err(str(exc))
            return EXIT_USAGE
        rules_path = rules_path or preset.referentials.rules
        agencies_path = agencies_path or preset.referentials.agencies
        if not profile_path:
            profile_path, profile_id = preset.archive_profile, preset.archive_profile_id
        unit_paths = unit_paths or [u.file for u in preset.unit_profiles]
        profile_contract = dict(preset.sae_contract())  # what the profile says of the contract
    try:
        rules = _load_referential("rules", rules_path)
        agencies = _load_referential("agencies", agencies_path)
        contract = _contract_for(args.contract, sip) if args.contract else profile_contract
        profile, unit_profiles = _load_profiles(profile_path, unit_paths, profile_id)
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
                kind=CHECK_KINDS.get(args.type or ""),
            )
    except (Cancelled, KeyboardInterrupt):
        progress.finish()
        _err("Interrompu.")
        return EXIT_INTERRUPTED
    progress.finish()
    from seda.archive_profile import check_sip_profiles

    findings.extend(check_sip_profiles(sip, profile, unit_profiles))

    out = sys.stdout
    errors = sum(1 for f in findings if f.severity == Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity == Severity.WARNING)
    print(f"Vérification de « {sip} » :", file=out)
    shown = [
        dataclasses.replace(f, path="") if f.path == str(sip.resolve()) else f for f in findings
    ]
    places = {
        f.unit_uid: str(f.params["unit"])
        for f in shown
        if f.params.get("unit") and f.unit_uid is not None
    }
    _print_findings(
        shown,
        [],
        out,
        limit=None if args.all else MAX_LINES_PER_SEVERITY,
        places=places,
        details=args.details,
    )
    if profile is not None and not any(f.code.startswith("profile.") for f in findings):
        print(f"  Profil d'archivage « {Path(profile.path).name} » : respecté.", file=out)
    if errors:
        print(
            f"Résultat : le service d'archives refuserait ce versement ({count(errors, 'error')}, "
            f"{count(warnings, 'warning')}).",
            file=out,
        )
        return EXIT_FAILED
    if warnings:
        print(
            f"Résultat : aucune erreur ; {count(warnings, 'warning')} à regarder avant le dépôt.",
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
                        "modified": obj.last_modified,
                        "findings": own,
                    }
                )
    others = [f for f in result.findings if f.path not in used]
    return rows, others


# (key, column header) of the spreadsheet inventory, in order
_SCAN_COLUMNS_FR = (
    ("path", "Chemin"),
    ("name", "Nom du fichier"),
    ("size", "Taille (octets)"),
    ("modified", "Modifié le"),
    ("puid", "Identifiant PRONOM"),
    ("format", "Format"),
    ("version", "Version du format"),
    ("mime", "Type MIME"),
    ("sha512", "Empreinte SHA-512"),
    ("findings", "Remarques"),
)


def _write_inventory_csv(rows: list[dict[str, Any]], bases: Sequence[Path], out: TextIO) -> None:
    """The inventory as a French spreadsheet opens it with a double click: « ; » between
    columns, UTF-8 with a BOM (else accents come out garbled), headers and remarks in
    French, dates as JJ/MM/AAAA, sizes as plain numbers of bytes (summable). Written as
    bytes whatever the console's encoding: the file is UTF-8, not the terminal's."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([title for _key, title in _SCAN_COLUMNS_FR])
    for r in rows:
        modified = r.get("modified")
        values = {
            **r,
            "path": _display_path(r["path"], bases),
            "name": Path(r["path"]).name,
            "modified": modified.strftime("%d/%m/%Y") if modified is not None else "",
            "puid": r["puid"] or "non identifié",
            "findings": " | ".join(describe(f, with_place=False) for f in r["findings"]),
        }
        writer.writerow([values[key] for key, _title in _SCAN_COLUMNS_FR])
    text, _ = escape_undecodable(buf.getvalue())  # names that are not valid UTF-8: \xe9
    data = ("\ufeff" + text).encode("utf-8")
    binary = getattr(out, "buffer", None)
    if binary is None:  # a text-only stream (tests): the same characters
        out.write(data.decode("utf-8"))
        return
    if out.isatty():  # a person reads it: what the console can display, no BOM
        out.write(text)
        return
    out.flush()
    binary.write(data)
    binary.flush()


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
            _err(_missing_message(p))
        return EXIT_USAGE
    if args.output_file is not None:
        problem = _destination_problem(
            args.output_file,
            inputs=args.paths,
            force=args.force,
            name_hint="-o inventaire.csv",
            replace_hint="choisissez un autre nom ou ajoutez --force pour le remplacer.",
        )
        if problem is not None:
            _err(problem)
            return EXIT_USAGE
    try:
        result = _scan(args.paths, args.engine, DEFAULT_EXCLUSIONS, args.workers)
    except (Cancelled, KeyboardInterrupt):
        _err("Interrompu.")
        return EXIT_INTERRUPTED
    rows, others = _inventory(result)
    if args.output_file is not None:
        from seda.atomic import atomic_file
        from seda.safepath import UnsafeDestination

        try:
            with atomic_file(
                args.output_file,
                text=True,
                errors="backslashreplace",
                bom=False,  # the French CSV writes its own BOM (_write_inventory_csv)
                inputs=args.paths,
            ) as fh:
                _write_inventory(args, result, rows, others, fh, utf8=True)
        except UnsafeDestination as exc:
            _err(describe(exc.finding))
            return EXIT_USAGE
        except OSError as exc:
            reason = "disque plein" if is_disk_full(exc) else (exc.strerror or str(exc))
            _err(f"Échec : inventaire « {args.output_file} » non écrit ({reason}).")
            return EXIT_FAILED
        _WRITTEN.append(args.output_file)
        _err(f"Inventaire écrit : {args.output_file} ({count(len(rows), 'file')}).")
        return EXIT_OK
    out = sys.stdout
    utf8 = (getattr(out, "encoding", "") or "").lower().replace("-", "") in ("utf8", "utf8sig")
    _write_inventory(args, result, rows, others, out, utf8=utf8)
    return EXIT_OK


def _json_clean(value: Any) -> Any:
    """Every string made valid Unicode (undecodable name bytes escaped: ``escape_undecodable``)."""
    if isinstance(value, str):
        return escape_undecodable(value)[0]
    if isinstance(value, dict):
        return {_json_clean(k): _json_clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_clean(v) for v in value]
    return value


def _write_inventory(
    args: argparse.Namespace,
    result: Any,
    rows: list[dict[str, Any]],
    others: list[Finding],
    out: Any,
    *,
    utf8: bool,
) -> None:
    """The inventory in ``args.format`` to ``out``: always valid JSON (names that are not
    valid UTF-8 escaped ``\\xe9`` and flagged ``name_undecodable``; plain ASCII escapes
    when the output is not UTF-8), CSV with the same escaping."""
    if args.format == "json":
        files = []
        for r in rows:
            item = {
                **{k: v for k, v in r.items() if k != "modified"},
                "findings": [_finding_json(f) for f in r["findings"]],
            }
            if escape_undecodable(r["path"])[1]:
                item["name_undecodable"] = True
            files.append(item)
        doc = {
            "engine": result.engine,
            "signature_version": result.signature_version,
            "files": files,
            "other_findings": [_finding_json(f) for f in others],
        }
        json.dump(_json_clean(doc), out, ensure_ascii=not utf8, indent=2)
        out.write("\n")
    elif args.format == "csv":
        _write_inventory_csv(rows, _bases(args.paths), out)
    elif args.format == "csv-raw":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_SCAN_COLUMNS)
        for r in rows:
            codes = ";".join(str(f.code) for f in r["findings"])
            writer.writerow(
                [
                    escape_undecodable(str(r[c]))[0] if c != "findings" else codes
                    for c in _SCAN_COLUMNS
                ]
            )
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
            f"{count(len(rows), 'file')} ; moteur {result.engine} {result.signature_version}".rstrip(),
            file=out,
        )
        if others:
            print("Autres remarques :", file=out)
            _print_findings(others, bases, out, limit=None)


# -- referential check -------------------------------------------------------------------
def guess_referential_kind(path: Path) -> str:
    """ "rules", "agencies", "tree" or "metadata" (ReSIP's table describing units): the
    CSV's header says which when it is readable, else the extension and the name."""
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
    from seda.resip_csv import sniff_kind

    sniffed = sniff_kind(path)
    if sniffed != "unknown":
        return sniffed
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
    problem = _not_a_file(path, "le fichier du référentiel")
    if problem is not None:
        _err(problem)
        return EXIT_USAGE
    kind = args.type or guess_referential_kind(path)
    if kind == "metadata":
        return _check_metadata_csv(path)
    label = {
        "rules": "Référentiel des règles de gestion",
        "agencies": "Référentiel des services",
        "tree": "Arbre de positionnement / plan de classement",
    }[kind]
    if kind == "tree" and path.suffix.lower() != ".zip" and not args.type:
        label = "Plan de classement (CSV de ReSIP : id;nom;observations;cote;serie)"
    loader = {"rules": load_rules, "agencies": load_agencies, "tree": load_tree}[kind]
    try:
        loaded: Any = loader(path)
    except ReferentialError as exc:
        print(f"{label} « {path} » refusé ({len(exc.findings)} problème(s)) :")
        print(
            _finding_lines(
                [dataclasses.replace(f, path="") for f in exc.findings[:MAX_LISTED]]
                + exc.findings[MAX_LISTED:]
            )
        )
        return EXIT_FAILED
    print(f"{label} « {path} » accepté.")
    if kind == "rules":
        print(f"  {count(len(loaded), 'rule')} :")
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


def _check_metadata_csv(path: Path) -> int:
    """``referential check`` on ReSIP's metadata table: it is not a referential, say so,
    and check it as ``export --csv`` would (without reading the files' contents)."""
    from seda.resip_csv import CsvError, import_csv

    label = "Tableau de description (CSV de ReSIP : une ligne par unité d'archives)"
    print(f"« {path} » : {label}. Ce n'est pas un référentiel : il se verse avec")
    print(f"  verso export --csv {path} -o versement.zip")
    try:
        imported = import_csv(path)
    except CsvError as exc:
        errors = [f for f in exc.findings if f.severity == Severity.ERROR]
        print(f"Tableau refusé ({len(errors)} problème(s)) :")
        for f in exc.findings:
            print(f"  - {describe(dataclasses.replace(f, path=''))}")
        return EXIT_FAILED
    stats = imported.package.stats()
    print(f"Tableau accepté : {count(stats.units, 'archive_unit')}, {count(stats.files, 'file')}.")
    for f in imported.findings:
        print(f"  - {describe(dataclasses.replace(f, path=''))}")
    return EXIT_OK


# -- window ------------------------------------------------------------------------------
def _window_paths(argv: Sequence[str]) -> bool:
    """``verso DOSSIER|ZIP|SIP|TRAVAIL.verso``: paths dropped on the program's icon."""
    commands = {
        name
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    return (
        bool(argv)
        and argv[0] not in commands
        and all(not a.startswith("-") and os.path.exists(a) for a in argv)
    )


def open_window(paths: Sequence[str] = ()) -> int:
    """``verso`` alone (or with paths to open): the window (PySide6 is optional)."""
    try:
        import PySide6  # noqa: F401
    except ImportError:
        _err(
            "La fenêtre de Verso a besoin de PySide6, qui n'est pas installé.\n"
            "Installez-le avec :  pip install 'verso[gui]'\n"
            "ou utilisez la ligne de commande :  verso --help"
        )
        return EXIT_FAILED
    from app.display import window_problem

    problem = window_problem()  # before any Qt library loads: Qt would abort the process
    if problem:
        _err(problem)
        return EXIT_USAGE
    try:
        from app.main import main as gui_main
    except ImportError as exc:
        _err(
            f"Impossible d'ouvrir la fenêtre : {exc}\nLa ligne de commande reste disponible : verso --help"
        )
        return EXIT_FAILED
    return int((gui_main(list(paths)) if paths else gui_main()) or 0)


# -- last resort: signals, standard output, unexpected errors -----------------------------
DEBUG_ENV = "VERSO_DEBUG"  # set to 1 to see the Python traceback of an unexpected error


class _Terminated(KeyboardInterrupt):
    """SIGTERM / SIGHUP (logout, task manager, closed terminal): unwinds like Ctrl+C, so
    every ``except BaseException`` on the way removes its temporary file."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _OutputLost(Exception):
    """Standard output refused a write (full disk, closed pipe, closed descriptor)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


_UNDECODABLE = re.compile("[\udc80-\udcff]")


def escape_undecodable(text: str) -> tuple[str, bool]:
    """``text`` with the bytes of a name that is not valid UTF-8 (kept by Python as lone
    surrogates) written ``\\xe9``, and whether there were any: valid text for JSON, CSV
    and any console."""
    try:
        text.encode("utf-8")
        return text, False
    except UnicodeEncodeError:
        pass
    escaped = _UNDECODABLE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
    return escaped.encode("utf-8", "backslashreplace").decode("utf-8"), True


class _Stdout(io.TextIOBase):
    """``sys.stdout`` while a command runs: what the console cannot display is replaced
    (and counted, to say so once), a refused write becomes ``_OutputLost``."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self.inner = inner
        self.replaced = 0

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", None) or "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        with contextlib.suppress(Exception):
            return bool(self.inner.isatty())
        return False

    def fileno(self) -> int:
        return self.inner.fileno()

    def write(self, text: str) -> int:
        try:
            try:
                self.inner.write(text)
            except UnicodeEncodeError:
                shown, _ = escape_undecodable(text)
                encoding = self.encoding
                safe = shown.encode(encoding, "replace").decode(encoding, "replace")
                self.replaced += sum(1 for a, b in zip(shown, safe, strict=False) if a != b) or 1
                self.inner.write(safe)
        except OSError as exc:
            raise _OutputLost(exc) from None
        return len(text)

    def flush(self) -> None:
        try:
            self.inner.flush()
        except OSError as exc:
            raise _OutputLost(exc) from None

    @property
    def buffer(self) -> Any:
        """The binary stream below (bytes written as they are, e.g. a UTF-8 CSV whatever
        the console's encoding), with the same refused-write handling; None if there is none."""
        inner = getattr(self.inner, "buffer", None)
        return None if inner is None else _Bytes(inner)


class _Bytes:
    """``sys.stdout.buffer`` while a command runs: a refused write becomes ``_OutputLost``."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def write(self, data: bytes) -> int:
        try:
            return int(self.inner.write(data))
        except OSError as exc:
            raise _OutputLost(exc) from None

    def flush(self) -> None:
        try:
            self.inner.flush()
        except OSError as exc:
            raise _OutputLost(exc) from None


_WRITTEN: list[str] = []  # what the running command has written (said if stdout fails)
_TERMINATED_BY: list[int] = []  # the SIGTERM/SIGHUP received, if any


def _said_written() -> str:
    if not _WRITTEN:
        return "Aucun fichier n'a été écrit."
    return "Fichier(s) bien écrit(s) malgré tout : " + ", ".join(f"« {w} »" for w in _WRITTEN) + "."


def _silence_stdout() -> None:
    """Point descriptor 1 at the null device: the interpreter's last flush cannot fail."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


@contextlib.contextmanager
def _termination_handlers() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind the command (temporary files removed on the way); on
    Windows, closing the console (CTRL_CLOSE_EVENT, logoff, shutdown) removes them from
    the control handler's thread, the only chance before the process is killed."""
    installed: list[tuple[int, Any]] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        _TERMINATED_BY.append(signum)
        for sig, _previous in installed:  # a second signal must not interrupt the cleanup
            with contextlib.suppress(OSError, ValueError):
                signal.signal(sig, signal.SIG_IGN)
        raise _Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        try:
            if signal.getsignal(sig) == signal.SIG_IGN:  # `nohup verso …`: keep ignoring it
                continue
            installed.append((sig, signal.signal(sig, handler)))
        except (OSError, ValueError):  # not the main thread
            pass
    console_handler = _install_windows_console_handler()
    try:
        yield
    finally:
        for sig, previous in installed:
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(sig, previous)
        if console_handler is not None:
            with contextlib.suppress(Exception):
                import ctypes

                ctypes.windll.kernel32.SetConsoleCtrlHandler(console_handler, False)  # type: ignore[attr-defined]


def _install_windows_console_handler() -> Any:
    """Windows only (untested here): remove temporary files when the console closes."""
    if os.name != "nt":
        return None
    try:
        import ctypes
        from ctypes import wintypes

        from seda.atomic import remove_live_temps

        closing = {2, 5, 6}  # CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT

        @ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)  # type: ignore[attr-defined]
        def on_control(event: int) -> bool:
            if event in closing:
                remove_live_temps()
            return False  # let the default handler (and Python's Ctrl+C) run

        if not ctypes.windll.kernel32.SetConsoleCtrlHandler(on_control, True):  # type: ignore[attr-defined]
            return None
        return on_control
    except Exception:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``verso``; returns the exit code (see the module docstring).

    Never a traceback: SIGTERM/SIGHUP/Ctrl+C remove every temporary file, a full or closed
    standard output and any unexpected error end in a French message and exit 1
    (``VERSO_DEBUG=1`` shows the traceback)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or _window_paths(argv):
        return open_window(argv)
    from seda.atomic import remove_live_temps

    _WRITTEN.clear()
    _TERMINATED_BY.clear()
    if sys.stderr is None:  # `2>&-`: messages and progress go nowhere, but nothing breaks
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process
    stdout = sys.stdout
    guarded = _Stdout(stdout) if stdout is not None else None
    if guarded is not None:
        sys.stdout = guarded  # type: ignore[assignment]
    try:
        with _termination_handlers():
            code = _main(argv, stdout_closed=stdout is None)
            if guarded is not None:
                guarded.flush()
        if _TERMINATED_BY:  # the command unwound and said so ("Interrompu : …")
            remove_live_temps()
            return 128 + _TERMINATED_BY[0]
        if guarded is not None and guarded.replaced:
            _err(
                f"Remarque : {guarded.replaced} caractère(s) que la sortie standard "
                f"({guarded.encoding}) ne sait pas afficher ont été remplacés "
                "(« -o FICHIER » écrit un fichier UTF-8 complet)."
            )
        return code
    except _Terminated as exc:
        remove_live_temps()
        _err(f"Arrêté (signal {exc.signum}) : {_said_written()}")
        return 128 + exc.signum
    except _OutputLost as exc:
        remove_live_temps()
        if guarded is not None:
            sys.stdout = stdout
        _silence_stdout()
        if exc.error.errno == errno.EPIPE:  # `verso scan | head`: the reader left
            return EXIT_OK
        reason = "disque plein" if is_disk_full(exc.error) else (exc.error.strerror or str(exc))
        _err(f"Erreur : impossible d'écrire sur la sortie standard ({reason}). {_said_written()}")
        return EXIT_FAILED
    except RecursionError:
        remove_live_temps()
        _err(
            "Erreur : un fichier donné est imbriqué trop profondément pour être lu "
            f"(structure anormale ou fichier malveillant). {_said_written()}"
        )
        return EXIT_FAILED
    except MemoryError:
        remove_live_temps()
        _err(f"Erreur : mémoire insuffisante pour traiter ces fichiers. {_said_written()}")
        return EXIT_FAILED
    except Exception as exc:  # the last resort: never a traceback for a user
        remove_live_temps()
        if os.environ.get(DEBUG_ENV):
            import traceback

            traceback.print_exc()
        _err(
            f"Erreur inattendue : {type(exc).__name__}: {exc}\n{_said_written()}\n"
            f"(Pour le détail technique, relancez avec la variable d'environnement {DEBUG_ENV}=1.)"
        )
        return EXIT_FAILED
    finally:
        remove_live_temps()
        if guarded is not None and sys.stdout is guarded:
            sys.stdout = stdout


def _main(argv: list[str], *, stdout_closed: bool) -> int:
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
    if getattr(args, "preset", None):  # `--preset example`: the profile shipped with Verso
        from app.presets import shipped_preset

        args.preset = str(shipped_preset(args.preset))
    if stdout_closed and not getattr(args, "output_file", None):
        _err(
            "Erreur : la sortie standard est fermée, Verso ne pourrait rien y écrire ; "
            "rien n'a été fait (aucun fichier écrit)."
        )
        return EXIT_FAILED
    try:
        return int(args.func(args))
    except _Terminated:
        raise
    except KeyboardInterrupt:
        _err("Interrompu.")
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
