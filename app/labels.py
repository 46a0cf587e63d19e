"""One table of the words archivists read for SEDA codes, in French and English.

Description levels, rule categories, final actions and legal statuses are shown by the
window (tree, forms, rules editor, header and profile dialogs), the CLI and the printed
bordereau: they all read this table, so a word changes in one place. Pure Python (no Qt):
the window passes its language (``app.i18n.current_language()``), the bordereau its own.
Unknown codes are shown as they are.
"""

from __future__ import annotations

LANGS = ("fr", "en")

LEVELS: dict[str, tuple[str, str]] = {
    "Fonds": ("Fonds", "Fonds"),
    "Subfonds": ("Sous-fonds", "Subfonds"),
    "Class": ("Classe", "Class"),
    "Collection": ("Collection", "Collection"),
    "Series": ("Série", "Series"),
    "Subseries": ("Sous-série", "Subseries"),
    "RecordGrp": ("Groupe de documents", "Record group"),
    "SubGrp": ("Sous-groupe de documents", "Subgroup"),
    "File": ("Dossier", "File"),
    "Item": ("Pièce", "Item"),
    "OtherLevel": ("Autre niveau", "Other level"),
}

RULE_CATEGORIES: dict[str, tuple[str, str]] = {
    "AppraisalRule": ("Durée d'utilité administrative (DUA)", "Appraisal (retention period)"),
    "AccessRule": ("Communicabilité", "Access"),
    "StorageRule": ("Durée d'utilité courante", "Storage (current use period)"),
    "DisseminationRule": ("Diffusion", "Dissemination"),
    "ReuseRule": ("Réutilisation", "Reuse"),
    "ClassificationRule": ("Classification", "Classification"),
    "HoldRule": ("Gel", "Hold"),
}

FINAL_ACTIONS: dict[str, tuple[str, str]] = {
    "Keep": ("Conserver", "Keep"),
    "Destroy": ("Détruire", "Destroy"),
    "RestrictAccess": ("Restreindre l'accès", "Restrict access"),
    "Transfer": ("Transférer", "Transfer"),
    "Copy": ("Copier", "Copy"),
}

LEGAL_STATUSES: dict[str, tuple[str, str]] = {
    "Public Archive": ("Archives publiques", "Public archives"),
    "Private Archive": ("Archives privées", "Private archives"),
    "Public and Private Archive": ("Archives publiques et privées", "Public and private archives"),
}


def _pick(table: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    pair = table.get(code)
    if pair is None:
        return code
    return pair[LANGS.index(lang) if lang in LANGS else 0]


def level_label(level: str, lang: str = "fr") -> str:
    """A SEDA DescriptionLevel in words (the code itself when unknown)."""
    return _pick(LEVELS, level, lang)


def category_label(category: str, lang: str = "fr") -> str:
    """A rule category as archivists say it ("Communicabilité" for AccessRule)."""
    return _pick(RULE_CATEGORIES, category, lang)


def final_action_label(action: str, lang: str = "fr") -> str:
    return _pick(FINAL_ACTIONS, action, lang)


def legal_status_label(status: str, lang: str = "fr") -> str:
    return _pick(LEGAL_STATUSES, status, lang)


def with_code(label: str, code: str) -> str:
    """ "Série [Series]" for a reader who may need the SEDA code too; the label alone
    when it is the code."""
    return label if label == code else f"{label} [{code}]"


# -- counted nouns: « 1 unité », « 2 unités », « 0 fichier » (one helper for window and CLI) --
NOUNS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    # key: ((French singular, plural), (English singular, plural))
    "unit": (("unité", "unités"), ("unit", "units")),
    "archive_unit": (
        ("unité d'archives", "unités d'archives"),
        ("archival unit", "archival units"),
    ),
    "file": (("fichier", "fichiers"), ("file", "files")),
    "item": (("élément", "éléments"), ("item", "items")),
    "rule": (("règle", "règles"), ("rule", "rules")),
    "agency": (("service", "services"), ("agency", "agencies")),
    "node": (("nœud", "nœuds"), ("node", "nodes")),
    "result": (("résultat", "résultats"), ("result", "results")),
    "error": (("erreur", "erreurs"), ("error", "errors")),
    "warning": (("avertissement", "avertissements"), ("warning", "warnings")),
    "unknown_format": (
        ("format inconnu", "formats inconnus"),
        ("unknown format", "unknown formats"),
    ),
    "selected_unit": (
        ("unité sélectionnée", "unités sélectionnées"),
        ("unit selected", "units selected"),
    ),
    # finding texts (app.messages: ``{count:file}``) and the CLI
    "difference": (("écart", "écarts"), ("difference", "differences")),
    "file_or_folder": (
        ("fichier ou dossier", "fichiers ou dossiers"),
        ("file or folder", "files or folders"),
    ),
    "identical_file": (
        ("fichier identique", "fichiers identiques"),
        ("identical file", "identical files"),
    ),
    "byte": (("octet", "octets"), ("byte", "bytes")),
    "root_unit": (("unité racine", "unités racine"), ("root unit", "root units")),
    "problem": (("problème", "problèmes"), ("problem", "problems")),
    "blocking_problem": (
        ("problème bloquant", "problèmes bloquants"),
        ("blocking problem", "blocking problems"),
    ),
    "character": (("caractère", "caractères"), ("character", "characters")),
}


def is_plural(n: int, lang: str = "fr") -> bool:
    """French: 0 and 1 take the singular (« 0 fichier », « 1 fichier »); English: only 1."""
    return abs(n) >= 2 if lang == "fr" else abs(n) != 1


def count(n: int, noun: str, lang: str = "fr", shown: str | None = None) -> str:
    """« 1 unité », « 12 fichiers », « 1 result »: ``n`` (or its ``shown`` form, e.g. with
    the locale's thousands separator) and the noun in the right number."""
    forms = NOUNS[noun][1 if lang == "en" else 0]
    return f"{n if shown is None else shown} {forms[1] if is_plural(n, lang) else forms[0]}"
