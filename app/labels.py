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
