"""``verso``'s command line: the argparse parser (French help and errors)."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from app.cli.bordereau import cmd_bordereau
from app.cli.check import CHECK_KINDS, cmd_check
from app.cli.common import ENGINES, EXIT_USAGE, _workers_arg
from app.cli.export import cmd_export
from app.cli.referential import cmd_referential_check
from app.cli.scan import cmd_scan
from app.cli.table import cmd_csv
from seda.model import SEDA_VERSIONS

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
