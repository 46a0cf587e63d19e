"""Turn coded ``Finding``s into sentences for people who are not archivists nor XML experts.

``seda`` only emits codes and params; this module owns the words (French by default,
English available). Texts are keyed by the ``Code`` member *name* so a code added in
``seda.findings`` without a text is caught by a test, and a text written ahead of its code
does no harm. A missing param never raises: it shows as "?".
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from app.labels import NOUNS, count, is_plural
from app.progress_bar import human_size
from seda.findings import Code, Finding, Severity

LANGS = ("fr", "en")

Text = str | Callable[[Mapping[str, Any], str], str]

# -- sub-reasons (one code, several causes) ----------------------------------------------
_ODD_NAME = {
    "windows_chars": (
        "le nom contient des caractères refusés par Windows ({chars}) ; ils seront remplacés à la restitution",
        "the name holds characters Windows refuses ({chars}); they will be replaced when restored",
    ),
    "trailing_dot_space": (
        "le nom finit par un point ou une espace, ce que Windows refuse",
        "the name ends with a dot or a space, which Windows refuses",
    ),
    "reserved_name": (
        "« {name} » est un nom réservé par Windows",
        "“{name}” is a name Windows reserves",
    ),
    "long_path": (
        "chemin très long ({length} caractères) : il risque de ne pas pouvoir être restitué sous Windows",
        "very long path ({length} characters): it may not be restorable on Windows",
    ),
    "undecodable": (
        "le nom contient des caractères illisibles (mauvais encodage) ; ils sont remplacés par « � » dans l'intitulé",
        "the name holds unreadable characters (bad encoding); they are shown as “�” in the title",
    ),
}
_SPECIAL_KIND = {
    "fifo": ("tube nommé", "named pipe"),
    "socket": ("socket", "socket"),
    "char_device": ("périphérique", "character device"),
    "block_device": ("périphérique de bloc", "block device"),
    "other": ("fichier spécial", "special file"),
}
_NOT_CSV = {
    "binary": (
        "le fichier n'est pas un texte (fichier binaire)",
        "the file is not text (binary file)",
    ),
    "extension": (
        "le fichier doit avoir l'extension .csv (ici « {extension} »)",
        "the file must have the .csv extension (here “{extension}”)",
    ),
    "empty": ("le fichier est vide", "the file is empty"),
    "no_records": ("le fichier ne contient aucune ligne de données", "the file holds no data row"),
    "syntax": ("le tableau CSV est mal formé ({detail})", "the CSV table is malformed ({detail})"),
    "separator": (
        "mauvais séparateur « {separator} » : les colonnes doivent être séparées par des virgules",
        "wrong separator “{separator}”: columns must be separated by commas",
    ),
}
_BAD_TREE = {
    "no_manifest": ("l'archive zip ne contient pas de manifeste", "the zip holds no manifest"),
    "several_manifests": (
        "l'archive zip contient plusieurs manifestes ({names})",
        "the zip holds several manifests ({names})",
    ),
    "manifest_too_big": (
        "le manifeste est trop gros ({size:byte})",
        "the manifest is too big ({size:byte})",
    ),
    "bad_zip": ("ce n'est pas une archive zip lisible ({detail})", "not a readable zip ({detail})"),
    "not_xml": (
        "le manifeste n'est pas un XML valide ({detail})",
        "the manifest is not valid XML ({detail})",
    ),
    "dtd_forbidden": (
        "le manifeste contient une DTD, refusée",
        "the manifest holds a DTD, refused",
    ),
    "not_seda": (
        "ce n'est pas un manifeste SEDA (élément racine « {root} »)",
        "not a SEDA manifest (root element “{root}”)",
    ),
    "duplicate_id": ("identifiant « {id} » en double", "identifier “{id}” used twice"),
    "unknown_ref": (
        "référence vers « {id} », qui n'existe pas",
        "reference to “{id}”, which does not exist",
    ),
    "cycle": (
        "l'unité « {id} » se contient elle-même (boucle)",
        "unit “{id}” contains itself (loop)",
    ),
    "no_units": ("aucune unité d'archives dans l'arbre", "no archive unit in the tree"),
    "csv_syntax": (
        "le tableau CSV est mal formé ({detail})",
        "the CSV table is malformed ({detail})",
    ),
    "empty": ("le fichier est vide", "the file is empty"),
    "no_series": ("aucune série trouvée", "no series found"),
    "too_few_fields": ("ligne incomplète ({found} colonnes)", "incomplete row ({found} columns)"),
    "empty_title": ("intitulé vide", "empty title"),
    "empty_cote": ("cote vide", "empty reference code"),
    "duplicate_cote": ("cote « {cote} » en double", "reference code “{cote}” used twice"),
    "orphan": (
        "la série « {serie} » n'existe pas dans le plan",
        "series “{serie}” does not exist in the plan",
    ),
}


def _disk_full(params: Mapping[str, Any], lang: str) -> str:
    if "needed" in params:
        needed, free = (
            human_size(params.get("needed") or 0),
            human_size(params.get("available") or 0),
        )
        if lang == "fr":
            return f"Pas assez de place sur le disque de destination : il faut {needed}, il reste {free}."
        return f"Not enough space on the destination disk: {needed} needed, {free} free."
    if lang == "fr":
        return "Le disque de destination est plein : libérez de la place ou choisissez un autre endroit."
    return "The destination disk is full: free some space or choose another place."


# the system's reason for a failed write, when it is a common one (``errno`` param: its
# name), so a French user does not read "Permission denied"
_WRITE_ERRNO = {
    "EACCES": (
        "accès refusé (dossier protégé en écriture ?)",
        "access denied (write-protected folder?)",
    ),
    "EPERM": ("opération non permise", "operation not permitted"),
    "EROFS": ("le disque est en lecture seule", "the disk is read-only"),
    "EIO": ("erreur d'entrée-sortie du disque", "disk input/output error"),
    "ENOENT": ("le dossier n'existe plus", "the folder no longer exists"),
    "ENAMETOOLONG": ("nom trop long", "name too long"),
}


def _slip_write_error(params: Mapping[str, Any], lang: str) -> str:
    known = _WRITE_ERRNO.get(str(params.get("errno") or ""))
    i = 0 if lang == "fr" else 1
    why = known[i] if known else "{error}"
    if lang == "fr":
        return f"Impossible d'écrire le bordereau de versement ici : {why}."
    return f"Cannot write the transfer slip here: {why}."


def _unsafe_entry(params: Mapping[str, Any], lang: str) -> str:
    reasons = {
        "absolute": ("chemin absolu", "absolute path"),
        "traversal": ("chemin qui sort du zip (« .. »)", "path leaving the zip (“..”)"),
        "duplicate": ("nom en double", "duplicate name"),
        "nul": ("caractère nul dans le nom", "NUL character in the name"),
    }
    pair = reasons.get(str(params.get("reason", "")), ("nom dangereux", "unsafe name"))
    if lang == "fr":
        return f"Entrée dangereuse dans le zip ({pair[0]}) : le zip est refusé."
    return f"Unsafe entry in the zip ({pair[1]}): the zip is refused."


def _special(params: Mapping[str, Any], lang: str) -> str:
    kind = _SPECIAL_KIND.get(str(params.get("kind", "")), _SPECIAL_KIND["other"])
    if lang == "fr":
        return f"Fichier spécial ({kind[0]}) : il ne peut pas être archivé et n'est pas repris."
    return f"Special file ({kind[1]}): it cannot be archived and is left out."


_UNSAFE_DESTINATION = {
    "empty": ("aucun nom de fichier n'est donné", "no file name is given"),
    "folder": (
        "c'est un dossier (ou un nom qui finit par « / »), pas un nom de fichier",
        "it is a folder (or a name ending with “/”), not a file name",
    ),
    "no_folder": (
        "le dossier « {parent} » n'existe pas",
        "the folder “{parent}” does not exist",
    ),
    "parent_not_folder": (
        "« {parent} » est un fichier, pas un dossier",
        "“{parent}” is a file, not a folder",
    ),
    "input": (
        "c'est un fichier lu par Verso (« {input} ») : il serait remplacé",
        "it is a file Verso reads (“{input}”): it would be replaced",
    ),
    "inside_input": (
        "il est dans le dossier versé « {input} » (directement ou par un lien)",
        "it is inside the transferred folder “{input}” (directly or through a link)",
    ),
}


def _unsafe_destination(params: Mapping[str, Any], lang: str) -> str:
    reason = str(params.get("reason", ""))
    i = LANGS.index(lang)
    if reason == "special":
        kind = _SPECIAL_KIND.get(str(params.get("kind", "")), _SPECIAL_KIND["other"])[i]
        why = (
            "c'est un fichier spécial ({kind}), pas un fichier ordinaire",
            "it is a special file ({kind}), not a regular file",
        )[i]
        why = why.replace("{kind}", kind)
    else:
        pair = _UNSAFE_DESTINATION.get(reason, ("destination refusée", "destination refused"))
        why = pair[i]
    if lang == "fr":
        return "Rien n'est écrit à cet endroit : " + why + "."
    return "Nothing is written there: " + why + "."


def _name_twins(params: Mapping[str, Any], lang: str) -> str:
    if params.get("reason") == "normalization":
        if lang == "fr":
            return (
                "Ce nom s'écrit comme « {other} » (accents codés autrement) : copiés sous macOS "
                "ou Windows, les deux fichiers se confondraient."
            )
        return (
            "This name reads like “{other}” (accents encoded differently): copied to macOS or "
            "Windows, the two files would collide."
        )
    if lang == "fr":
        return (
            "Ce nom ne diffère de « {other} » que par les majuscules : copiés sous Windows ou "
            "macOS, les deux fichiers se confondraient."
        )
    return (
        "This name differs from “{other}” only by case: copied to Windows or macOS, the two "
        "files would collide."
    )


def _odd_name(params: Mapping[str, Any], lang: str) -> str:
    pair = _ODD_NAME.get(str(params.get("reason", "")))
    if pair is None:
        return "Nom de fichier inhabituel." if lang == "fr" else "Unusual file name."
    text = pair[LANGS.index(lang)]
    return ("Nom inhabituel : " if lang == "fr" else "Unusual name: ") + text + "."


def _not_csv(params: Mapping[str, Any], lang: str) -> str:
    pair = _NOT_CSV.get(str(params.get("reason", "")))
    head = "Ce n'est pas un fichier CSV utilisable" if lang == "fr" else "Not a usable CSV file"
    if pair is None:
        return head + "."
    return f"{head} : {pair[LANGS.index(lang)]}." if lang == "fr" else f"{head}: {pair[1]}."


def _bad_tree(params: Mapping[str, Any], lang: str) -> str:
    pair = _BAD_TREE.get(str(params.get("error", "")))
    head = "Arbre de positionnement refusé" if lang == "fr" else "Positioning tree refused"
    detail = pair[LANGS.index(lang)] if pair else str(params.get("error", "?"))
    return f"{head} : {detail}." if lang == "fr" else f"{head}: {detail}."


_CSV_VALUE = {
    "date": (
        "« {value} » n'est pas une date valide dans la colonne « {column} » (attendu : AAAA-MM-JJ ou JJ/MM/AAAA, une date qui existe)",
        "“{value}” is not a valid date in column “{column}” (expected YYYY-MM-DD or DD/MM/YYYY, a date that exists)",
    ),
    "integer": (
        "« {value} » n'est pas un nombre entier (colonne « {column} »)",
        "“{value}” is not a whole number (column “{column}”)",
    ),
    "decimal": (
        "« {value} » n'est pas un nombre (colonne « {column} »)",
        "“{value}” is not a number (column “{column}”)",
    ),
    "boolean": (
        "« {value} » n'est ni oui ni non (colonne « {column} » : true/false, oui/non)",
        "“{value}” is neither yes nor no (column “{column}”: true/false, yes/no)",
    ),
    "language": (
        "« {value} » n'est pas un code de langue (colonne « {column} » : fr, en, oc, fr-FR…)",
        "“{value}” is not a language code (column “{column}”: fr, en, oc, fr-FR…)",
    ),
    "level": (
        "niveau de description « {value} » inconnu (colonne « {column} » : Fonds, Series, RecordGrp, File, Item…)",
        "unknown description level “{value}” (column “{column}”: Fonds, Series, RecordGrp, File, Item…)",
    ),
    "keyword_type": (
        "type de mot-clé « {value} » inconnu (colonne « {column} » : subject, geogname, corpname, persname…)",
        "unknown keyword type “{value}” (column “{column}”: subject, geogname, corpname…)",
    ),
    "final_action": (
        "sort final « {value} » inconnu (colonne « {column} » ; attendu : {allowed})",
        "unknown final action “{value}” (column “{column}”; expected {allowed})",
    ),
    "rule_missing": (
        "une date de début ou un détail de règle sans l'identifiant de la règle ({column})",
        "a start date or rule detail without the rule's identifier ({column})",
    ),
}


def _csv_value(params: Mapping[str, Any], lang: str) -> str:
    pair = _CSV_VALUE.get(str(params.get("kind", "")))
    if pair is None:
        return (
            "Valeur « {value} » refusée dans la colonne « {column} »."
            if lang == "fr"
            else "Value “{value}” refused in column “{column}”."
        )
    text = pair[LANGS.index(lang)]
    return text[0].upper() + text[1:] + "."


def _csv_unknown_column(params: Mapping[str, Any], lang: str) -> str:
    known_in = params.get("known_in")
    if lang == "fr":
        text = "Colonne « {column} » inconnue : ce n'est pas un élément SEDA {version} (vérifiez l'orthographe, par ex. Title, Description, Writer.FullName, StartDate)"
        if known_in:
            text += " ; cet élément existe à partir de SEDA {known_in} : choisissez cette version (--seda {known_in})"
        return text + "."
    text = "Unknown column “{column}”: not a SEDA {version} element (check the spelling, e.g. Title, Description, Writer.FullName, StartDate)"
    if known_in:
        text += (
            "; this element exists from SEDA {known_in}: choose that version (--seda {known_in})"
        )
    return text + "."


def _bad_reference(params: Mapping[str, Any], lang: str) -> str:
    if params.get("kind") == "cycle":
        if lang == "fr":
            return "Le manifeste contient une boucle : l'unité « {id} » se contient elle-même."
        return "The manifest holds a loop: unit “{id}” contains itself."
    if lang == "fr":
        return "Le manifeste fait référence à « {id} » ({kind}), qui n'existe pas."
    return "The manifest refers to “{id}” ({kind}), which does not exist."


_HEADER_FIELDS = {
    "ArchivalAgreement": (
        "le contrat d'entrée (ArchivalAgreement)",
        "the ingest contract (ArchivalAgreement)",
    ),
    "ArchivalAgency": (
        "le service d'archives (ArchivalAgency)",
        "the archival agency (ArchivalAgency)",
    ),
    "TransferringAgency": (
        "le service versant (TransferringAgency)",
        "the transferring agency (TransferringAgency)",
    ),
    "OriginatingAgencyIdentifier": (
        "le service producteur (OriginatingAgencyIdentifier)",
        "the originating agency (OriginatingAgencyIdentifier)",
    ),
    "SubmissionAgencyIdentifier": (
        "le service versant déclaré (SubmissionAgencyIdentifier)",
        "the submission agency (SubmissionAgencyIdentifier)",
    ),
}


def _field_label(params: Mapping[str, Any], lang: str) -> str:
    name = str(params.get("field", "") or "?")
    pair = _HEADER_FIELDS.get(name)
    return pair[LANGS.index(lang)] if pair else name


def _missing_header(params: Mapping[str, Any], lang: str) -> str:
    label = _field_label(params, lang).replace("{", "{{").replace("}", "}}")
    if params.get("kind") == "tree?":  # a SIP without files: maybe a holding tree
        if lang == "fr":
            return (
                f"Information manquante dans l'en-tête : {label}. Obligatoire pour un versement "
                "ou un plan de classement (refusé sans elle), pas pour un arbre de positionnement "
                "(précisez --type)."
            )
        return (
            f"Header information missing: {label}. Mandatory for a transfer or a filing plan "
            "(refused without it), not for a positioning tree (use --type)."
        )
    if lang == "fr":
        return f"Information obligatoire manquante dans l'en-tête du versement : {label}. Le service d'archives refusera le versement."
    return f"Mandatory transfer header information missing: {label}. The archives will refuse the transfer."


def _unknown_agency(params: Mapping[str, Any], lang: str) -> str:
    label = _field_label(params, lang).replace("{", "{{").replace("}", "}}")
    if lang == "fr":
        return f"« {{identifier}} » ({label}) n'existe pas dans le référentiel des services."
    return f"“{{identifier}}” ({label}) is not in the agencies referential."


def _bad_version(params: Mapping[str, Any], lang: str) -> str:
    if params.get("kind") == "physical":
        if lang == "fr":
            return (
                "Usage « {version} » impossible pour un objet physique (attendu : PhysicalMaster)."
            )
        return "Usage “{version}” is not allowed for a physical object (expected PhysicalMaster)."
    if lang == "fr":
        return "Usage « {version} » impossible pour un fichier (attendu : BinaryMaster, Dissemination, Thumbnail ou TextContent, suivi éventuellement de _1, _2…)."
    return "Usage “{version}” is not allowed for a file (expected BinaryMaster, Dissemination, Thumbnail or TextContent, optionally followed by _1, _2…)."


def _schema_vitam_only(params: Mapping[str, Any], lang: str) -> str:
    if lang == "fr":
        head = "Le bordereau est conforme au schéma SEDA de Vitam mais pas au schéma SEDA standard"
        why = (
            " (il rattache des unités à l'arbre du service d'archives, ce que seul Vitam sait faire)"
            if params.get("attachments")
            else ""
        )
        return (
            head
            + why
            + " : un autre système d'archivage pourrait le refuser ({count:difference}, le premier : {message})."
        )
    head = "The manifest follows Vitam's SEDA schema but not the standard SEDA schema"
    why = (
        " (it attaches units to the archives' tree, which only Vitam supports)"
        if params.get("attachments")
        else ""
    )
    return (
        head
        + why
        + ": another archiving system may refuse it ({count:difference}, the first: {message})."
    )


def _xsd_unavailable(params: Mapping[str, Any], lang: str) -> str:
    if params.get("reason") == "xmlschema_missing":
        if lang == "fr":
            return "Le schéma SEDA de Vitam n'a pas pu être vérifié : le module Python « xmlschema » n'est pas installé."
        return "Vitam's SEDA schema could not be checked: the Python package “xmlschema” is not installed."
    # the file is the finding's place (its path), not a parameter
    if params.get("reason") == "xsd_missing":
        if lang == "fr":
            return "Le schéma SEDA n'a pas pu être vérifié : ce fichier de schéma est absent."
        return "The SEDA schema could not be checked: this schema file is missing."
    if lang == "fr":
        return (
            "Le schéma SEDA n'a pas pu être vérifié : ce fichier de schéma est illisible "
            "ou n'est pas un schéma XSD valide."
        )
    return (
        "The SEDA schema could not be checked: this schema file is unreadable or not a valid XSD."
    )


# -- SAE parity: sanitizer, schema summaries, ontology, formats (issue 13) -------------------
_ADAPTED_FIELD = {
    "Title": ("titre", "title"),
    "Filename": ("nom de fichier", "file name"),
    "Description": ("description", "description"),
    "KeywordContent": ("mot-clé", "keyword"),
}
_SANITIZER_RULE = {
    "json": (
        "« <!-- », « --> », « ]]> », « <script » ou un séparateur de ligne Unicode",
        "“<!--”, “-->”, “]]>”, “<script” or a Unicode line separator",
    ),
    "control": (
        "un caractère de contrôle invisible (SUPPR, U+007F)",
        "an invisible control character (DEL, U+007F)",
    ),
    "markup": (
        "une déclaration XML (<![CDATA[, <!ENTITY, <script>)",
        "an XML declaration (<![CDATA[, <!ENTITY, <script>)",
    ),
    "html": ("une balise HTML (<b>…</b>, <br/>)", "an HTML tag (<b>…</b>, <br/>)"),
    "entity": ("une entité HTML (&nom;)", "an HTML entity (&name;)"),
    "length": ("plus de 2 000 000 de caractères", "more than 2,000,000 characters"),
}


def _esc(value: Any) -> str:
    return str(value).replace("{", "{{").replace("}", "}}")


_INVISIBLE = re.compile("[\x00-\x1f\x7f\u2028\u2029]")


def _visible(value: Any) -> str:
    """Control characters shown as their Unicode pictures (DEL as ␡), braces escaped."""

    def picture(m: re.Match[str]) -> str:
        ch = m.group()
        special = {"\x7f": "\u2421", "\u2028": "\u2424", "\u2029": "\u00b6"}
        return special.get(ch, chr(0x2400 + ord(ch)))

    return _esc(_INVISIBLE.sub(picture, str(value)))


def _adapted(params: Mapping[str, Any], lang: str) -> str:
    name = str(params.get("field", ""))
    pair = _ADAPTED_FIELD.get(name, (name, name))
    label = _esc(pair[LANGS.index(lang)])
    head = f"{label[:1].upper()}{label[1:]}"
    before, after = _visible(params.get("original", "")), _visible(params.get("adapted", ""))
    if lang == "fr":
        return f"{head} adapté pour le SAE : « {before} » → « {after} »"
    return f"{head} adapted for the archives: “{before}” → “{after}”"


def _html(params: Mapping[str, Any], lang: str) -> str:
    i = LANGS.index(lang)
    rules = params.get("rules") or []
    what = ", ".join(_SANITIZER_RULE[r][i] for r in rules if r in _SANITIZER_RULE)
    value = " « {value} »" if params.get("value") else ""
    if lang == "fr":
        what = what or "du code HTML ou une entité (&…;)"
        return (
            f"Le champ « {{field}} »{value} contient {_esc(what)}, que le service d'archives "
            "refuse : le versement serait rejeté. Écrivez le texte simplement "
            "(Verso l'adapte lui-même à l'export)."
        )
    what = what or "HTML code or an entity (&…;)"
    return (
        f"Field “{{field}}”{value.replace('« ', '“').replace(' »', '”')} holds {_esc(what)}, "
        "which the archives refuse: the transfer would be rejected. Write plain text "
        "(Verso adapts it itself on export)."
    )


_SCHEMA_PATTERNS: list[tuple[re.Pattern[str], tuple[str, str]]] = [
    (
        re.compile(r"^(?P<el>[\w.-]+): invalid value '(?P<v>.*)'$", re.S),
        (
            "la valeur « {v} » de « {el} » n'a pas la forme attendue{hint}",
            "value “{v}” of “{el}” is not in the expected form{hint}",
        ),
    ),
    (
        re.compile(r"^Element '(?P<el>[\w.-]+)': '(?P<v>.*)' is not a valid value", re.S),
        (
            "la valeur « {v} » de « {el} » n'a pas la forme attendue{hint}",
            "value “{v}” of “{el}” is not in the expected form{hint}",
        ),
    ),
    (
        re.compile(r"^(?P<el>[\w.-]+): value must be one of \[(?P<set>.*)\]", re.S),
        ("« {el} » n'admet que ces valeurs : {set}", "“{el}” only takes these values: {set}"),
    ),
    (
        re.compile(
            r"^Element '(?P<el>[\w.-]+)': \[facet 'enumeration'\] The value '(?P<v>.*)' is "
            r"not an element of the set \{(?P<set>.*)\}",
            re.S,
        ),
        (
            "« {el} » n'admet pas « {v} » (valeurs admises : {set})",
            "“{el}” does not take “{v}” (allowed: {set})",
        ),
    ),
    (
        re.compile(
            r"Unexpected child with tag '(?P<el>[\w.-]+)'.*?Tag (?P<set>.*?) expected", re.S
        ),
        (
            "l'élément « {el} » n'est pas à sa place (attendu ici : {set})",
            "element “{el}” is out of place (expected here: {set})",
        ),
    ),
    (
        re.compile(r"Unexpected child with tag '(?P<el>[\w.-]+)'", re.S),
        ("l'élément « {el} » n'est pas à sa place", "element “{el}” is out of place"),
    ),
    (
        re.compile(
            r"The content of element '(?P<el>[\w.-]+)' is not complete\. Tag (?P<set>.*?) "
            r"expected",
            re.S,
        ),
        (
            "il manque un élément obligatoire dans « {el} » : {set}",
            "a mandatory element is missing in “{el}”: {set}",
        ),
    ),
    (
        re.compile(
            r"^Element '(?P<el>[\w.-]+)': This element is not expected\. Expected is "
            r"(?:one of )?\( ?(?P<set>.*?) ?\)",
            re.S,
        ),
        (
            "l'élément « {el} » n'est pas à sa place (attendu ici : {set})",
            "element “{el}” is out of place (expected here: {set})",
        ),
    ),
    (
        re.compile(
            r"^Element '(?P<el>[\w.-]+)': Missing child element\(s\)\. Expected is "
            r"(?:one of )?\( ?(?P<set>.*?) ?\)",
            re.S,
        ),
        (
            "il manque un élément obligatoire dans « {el} » : {set}",
            "a mandatory element is missing in “{el}”: {set}",
        ),
    ),
    (
        re.compile(r"IDREF '(?P<v>.*?)' not found", re.S),
        (
            "une référence désigne « {v} », identifiant absent du bordereau",
            "a reference points to “{v}”, an id the manifest does not hold",
        ),
    ),
]


def schema_summary(message: str, lang: str = "fr") -> str:
    """An XSD validator's message as a sentence an archivist understands ("" if unknown)."""
    i = LANGS.index(lang) if lang in LANGS else 0
    for pattern, texts in _SCHEMA_PATTERNS:
        m = pattern.search(message)
        if m is None:
            continue
        found = {k: (v or "").strip() for k, v in m.groupdict().items()}
        if "set" in found:
            names = re.findall(r"'([^']*)'", found["set"]) or [found["set"]]
            found["set"] = ", ".join(dict.fromkeys(n for n in names if n))[:300]
        el = found.get("el", "")
        hint = ""
        if el.endswith(("Date", "Time")):
            hint = (
                " (une date s'écrit AAAA-MM-JJ, par ex. 2021-02-28)",
                " (a date is written YYYY-MM-DD, e.g. 2021-02-28)",
            )[i]
        found["hint"] = hint
        return texts[i].format(**found)
    return ""


def _schema(params: Mapping[str, Any], lang: str) -> str:
    raw = str(params.get("message", ""))
    summary = _esc(schema_summary(raw, lang))
    unit = params.get("unit")
    if unit:
        where = (" (unité « {unit} »)", " (unit “{unit}”)")[LANGS.index(lang)]
        summary = summary + where if summary else summary
    if lang == "fr":
        if summary:
            return (
                f"Le bordereau ne respecte pas le schéma SEDA du service d'archives : {summary}. "
                "(Détail technique : {message})"
            )
        return "Le bordereau (manifeste) n'est pas conforme au schéma SEDA : {message}."
    if summary:
        return (
            f"The manifest does not follow the archives' SEDA schema: {summary}. "
            "(Technical detail: {message})"
        )
    return "The manifest does not follow the SEDA schema: {message}."


def _ontology(params: Mapping[str, Any], lang: str) -> str:
    kind = str(params.get("type", ""))
    fr = {
        "DATE": "une date valide (AAAA-MM-JJ, ou AAAA-MM-JJThh:mm:ss)",
        "LONG": "un nombre entier",
        "DOUBLE": "un nombre",
        "BOOLEAN": "true ou false",
        "TEXT": "un texte de moins de 32 766 octets",
        "KEYWORD": "un texte de moins de 32 766 octets",
    }
    en = {
        "DATE": "a valid date (YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss)",
        "LONG": "a whole number",
        "DOUBLE": "a number",
        "BOOLEAN": "true or false",
        "TEXT": "a text under 32,766 bytes",
        "KEYWORD": "a text under 32,766 bytes",
    }
    if lang == "fr":
        return (
            "« {field} » vaut « {value} » : le service d'archives attend "
            + _esc(fr.get(kind, kind))
            + " et refusera le versement."
        )
    return (
        "“{field}” is “{value}”: the archives expect "
        + _esc(en.get(kind, kind))
        + " and will refuse the transfer."
    )


_UNIT_SCHEMA = {
    "empty": (
        "« {field} » est vide : le service d'archives exige une valeur.",
        "“{field}” is empty: the archives require a value.",
    ),
    "required": (
        "il manque « {field} », obligatoire pour le service d'archives.",
        "“{field}” is missing, the archives require it.",
    ),
    "lang": (
        "langue « {value} » mal écrite (attendu : un code comme fr ou fr-FR).",
        "language “{value}” badly written (expected a code such as fr or fr-FR).",
    ),
    "rule_date": (
        "date de règle « {value} » refusée : elle doit s'écrire AAAA-MM-JJ avec une année avant 9000.",
        "rule date “{value}” refused: it must be YYYY-MM-DD with a year before 9000.",
    ),
    "content_date": (
        "date « {value} » de « {field} » refusée : année sur 4 chiffres, au plus 3 décimales de secondes.",
        "date “{value}” of “{field}” refused: 4-digit year, at most 3 decimals of seconds.",
    ),
}


def _unit_schema(params: Mapping[str, Any], lang: str) -> str:
    pair = _UNIT_SCHEMA.get(str(params.get("rule", "")), _UNIT_SCHEMA["empty"])
    return pair[LANGS.index(lang)]


def _extension_mismatch(params: Mapping[str, Any], lang: str) -> str:
    known = params.get("expected") not in (None, "", "?")
    if lang == "fr":
        rename = ", ou renommez-le en .{expected}" if known else ""
        return (
            "Ce fichier .{extension} est en réalité {format} ({puid}) : vérifiez qu'il s'agit "
            "du bon fichier" + rename + "."
        )
    rename = ", or rename it to .{expected}" if known else ""
    return (
        "This .{extension} file is in fact {format} ({puid}): check it is the right file"
        + rename
        + "."
    )


def _sae_unknown_format(params: Mapping[str, Any], lang: str) -> str:
    ours = (
        " (Verso le reconnaît comme {puid}, avec des signatures plus récentes)"
        if params.get("puid")
        else ""
    )
    if lang == "fr":
        return (
            "Le service d'archives ne saura pas identifier le format de ce fichier avec ses "
            "signatures PRONOM ({signatures})" + ours + " : son contrat d'entrée refuse les "
            "formats non identifiés, il refusera le versement. Convertissez le fichier dans un "
            "format courant (PDF, ODT…) ou retirez-le."
        )
    ours = " (Verso recognises it as {puid}, with newer signatures)" if params.get("puid") else ""
    return (
        "The archives will not identify this file's format with their PRONOM signatures "
        "({signatures})" + ours + ": their ingest contract refuses unidentified formats, so "
        "they will refuse the transfer. Convert the file to a common format (PDF, ODT…) or "
        "remove it."
    )


# -- one (fr, en) text per Code member name ----------------------------------------------
# -- archive profiles (seda.archive_profile) ---------------------------------------------
# SEDA elements a profile may fix, with the article French needs ("le profil exige le ...").
_PROFILE_FIELDS = {
    "ArchiveTransfer": ("le bordereau", "the manifest"),
    "Comment": ("le commentaire", "the comment"),
    "Date": ("la date du bordereau", "the manifest date"),
    "MessageIdentifier": ("l'identifiant du message", "the message identifier"),
    "ArchivalAgreement": ("le contrat d'entrée", "the ingest contract"),
    "CodeListVersions": ("les versions des listes de codes", "the code list versions"),
    "DataObjectPackage": ("le paquet d'objets", "the data object package"),
    "BinaryDataObject": ("un fichier", "a file"),
    "DataObjectGroup": ("un groupe d'objets", "an object group"),
    "DataObjectVersion": ("l'usage du fichier", "the object version"),
    "DataObjectGroupId": ("le groupe d'objets", "the object group"),
    "Uri": ("l'emplacement du fichier", "the file location"),
    "MessageDigest": ("l'empreinte", "the digest"),
    "Size": ("la taille", "the size"),
    "FormatIdentification": ("l'identification du format", "the format identification"),
    "FormatLitteral": ("le nom du format", "the format name"),
    "MimeType": ("le type MIME", "the MIME type"),
    "FormatId": ("le format (PRONOM)", "the format (PRONOM)"),
    "FileInfo": ("les informations sur le fichier", "the file information"),
    "Filename": ("le nom du fichier", "the file name"),
    "CreatingApplicationName": ("le logiciel de création", "the creating application"),
    "DescriptiveMetadata": ("la description", "the description"),
    "ArchiveUnit": ("une unité d'archives", "an archive unit"),
    "ArchiveUnitProfile": ("le profil d'unité archivistique", "the archive-unit profile"),
    "Management": ("les règles de gestion de l'unité", "the unit's management rules"),
    "Content": ("la description de l'unité", "the unit's description"),
    "DescriptionLevel": ("le niveau de description", "the description level"),
    "Title": ("l'intitulé", "the title"),
    "Description": ("la description", "the description"),
    "FilePlanPosition": ("la position dans le plan de classement", "the file plan position"),
    "OriginatingAgencyArchiveUnitIdentifier": (
        "l'identifiant attribué par le producteur",
        "the originating agency's identifier",
    ),
    "ArchivalAgencyArchiveUnitIdentifier": (
        "la cote",
        "the archival agency's identifier",
    ),
    "CustodialHistory": ("l'historique de conservation", "the custodial history"),
    "CustodialHistoryItem": ("l'historique de conservation", "the custodial history"),
    "Type": ("le type d'information", "the type"),
    "DocumentType": ("le type de document", "the document type"),
    "Language": ("la langue des documents", "the language"),
    "DescriptionLanguage": ("la langue de la description", "the description language"),
    "Status": ("l'état", "the status"),
    "Version": ("la version", "the version"),
    "Keyword": ("un mot-clé", "a keyword"),
    "KeywordContent": ("le mot-clé", "the keyword"),
    "KeywordType": ("le type de mot-clé", "the keyword type"),
    "Coverage": ("la couverture spatiale ou temporelle", "the coverage"),
    "OriginatingAgency": ("le service producteur", "the originating agency"),
    "SubmissionAgency": ("le service versant", "the submission agency"),
    "Writer": ("un rédacteur", "a writer"),
    "StartDate": ("la date de début", "the start date"),
    "EndDate": ("la date de fin", "the end date"),
    "DataObjectReference": ("le lien vers le fichier", "the link to the file"),
    "DataObjectGroupReferenceId": ("le lien vers le fichier", "the link to the file"),
    "ManagementMetadata": ("les métadonnées de gestion", "the management metadata"),
    "ArchivalProfile": ("l'identifiant du profil d'archivage", "the archival profile identifier"),
    "ServiceLevel": ("le niveau de service", "the service level"),
    "AcquisitionInformation": ("les modalités d'entrée", "the acquisition information"),
    "LegalStatus": ("le statut légal", "the legal status"),
    "OriginatingAgencyIdentifier": ("le service producteur", "the originating agency"),
    "SubmissionAgencyIdentifier": ("le service versant déclaré", "the submission agency"),
    "StorageRule": ("la durée d'utilité courante", "the storage rule"),
    "AppraisalRule": ("la durée d'utilité administrative", "the appraisal rule"),
    "AccessRule": ("la règle de communicabilité", "the access rule"),
    "DisseminationRule": ("la règle de diffusion", "the dissemination rule"),
    "ReuseRule": ("la règle de réutilisation", "the reuse rule"),
    "ClassificationRule": ("la règle de classification", "the classification rule"),
    "Rule": ("la règle", "the rule"),
    "FinalAction": ("le sort final", "the final action"),
    "ArchivalAgency": ("le service d'archives", "the archival agency"),
    "TransferringAgency": ("le service versant", "the transferring agency"),
    "Identifier": ("l'identifiant", "the identifier"),
    "#management": ("les règles de gestion", "the management rules"),
}
_DATATYPE_WORDS = {
    "date": ("une date AAAA-MM-JJ", "a date YYYY-MM-DD"),
    "dateTime": ("une date et heure AAAA-MM-JJThh:mm:ss", "a date-time YYYY-MM-DDThh:mm:ss"),
    "positiveInteger": ("un nombre entier positif", "a positive whole number"),
    "nonNegativeInteger": ("un nombre entier", "a whole number"),
    "integer": ("un nombre entier", "a whole number"),
    "decimal": ("un nombre", "a number"),
    "boolean": ("vrai ou faux (true/false)", "true or false"),
    "language": ("un code de langue (fra, eng…)", "a language code (fra, eng…)"),
    "NCName": ("un identifiant sans espace", "an identifier without spaces"),
    "ID": ("un identifiant sans espace", "an identifier without spaces"),
    "array": ("une liste", "a list"),
    "string": ("un texte", "a text"),
    "object": ("un groupe de champs", "a group of fields"),
}


def _esc(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


_AGENCY_IDENTIFIERS = {
    "ArchivalAgency": ("l'identifiant du service d'archives", "the archival agency's identifier"),
    "TransferringAgency": (
        "l'identifiant du service versant",
        "the transferring agency's identifier",
    ),
    "OriginatingAgency": (
        "l'identifiant du service producteur",
        "the originating agency's identifier",
    ),
    "SubmissionAgency": ("l'identifiant du service versant", "the submission agency's identifier"),
}


def _profile_field(name: Any, lang: str, context: Any = "") -> str:
    name, context = str(name or ""), str(context or "")
    index = LANGS.index(lang)
    if name == "Identifier" and context in _AGENCY_IDENTIFIERS:
        return _AGENCY_IDENTIFIERS[context][index]
    if name == "Rule" and context.endswith("Rule") and context in _PROFILE_FIELDS:
        category = _bare(_PROFILE_FIELDS[context][index])
        return f"la règle de {category}" if lang == "fr" else f"the {category}"
    if name.endswith("CodeListVersion") and name not in _PROFILE_FIELDS:
        return (
            f"la version de liste de codes « {name} »"
            if lang == "fr"
            else f"the code list version “{name}”"
        )
    pair = _PROFILE_FIELDS.get(name)
    if pair:
        return pair[index]
    return (f"l'élément « {name} »" if lang == "fr" else f"element “{name}”") if name else "?"


def _bare(label: str) -> str:
    """ "le commentaire" -> "commentaire" (after "de" / in lists)."""
    for article in ("le ", "la ", "les ", "l'", "un ", "une "):
        if label.startswith(article):
            return label[len(article) :]
    return label


def _elide(text: str) -> str:
    """ "la unité" -> "l'unité", "de un" -> "d'un" (French elision before a vowel)."""
    for word in ("le ", "la ", "de "):
        rest = text[len(word) :]
        if text.startswith(word) and rest[:1].lower() in "aeiouéèêh":
            return word[0] + "'" + rest
    return text


def _negative(label: str) -> str:
    """ "un fichier" -> "de fichier" after "ne … pas" (other articles kept)."""
    for article in ("un ", "une "):
        if label.startswith(article):
            return _elide("de " + label[len(article) :])
    return label


def _unit_prefix(params: Mapping[str, Any], lang: str) -> str:
    unit = params.get("unit")
    if not unit:
        return ""
    return _esc(f"Unité « {unit} » : " if lang == "fr" else f"Unit “{unit}”: ")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _levels_text(values: Any, lang: str) -> str:
    from app.bordereau import level_label

    items = values if isinstance(values, list | tuple) else [values]
    return ", ".join(level_label(str(v), lang) for v in items) or "—"


def _allowed_text(params: Mapping[str, Any], lang: str) -> str:
    allowed = params.get("allowed") or []
    if params.get("field") == "DescriptionLevel":
        return _esc(_levels_text(allowed, lang))
    return _esc(", ".join(f"« {v} »" if lang == "fr" else f"“{v}”" for v in allowed) or "—")


def _profile_text(params: Mapping[str, Any], lang: str, fr: str, en: str) -> str:
    """``fr``/``en`` with {label} (field with article), {bare}, {ctx} filled in."""
    label = _esc(_profile_field(params.get("field"), lang, params.get("context")))
    ctx = _profile_field(params.get("context"), lang)
    for article, definite in (("un ", "le "), ("une ", "la "), ("a ", "the "), ("an ", "the ")):
        if ctx.startswith(article):
            ctx = _elide(definite + ctx[len(article) :])
    ctx = _esc(ctx)
    body = (fr if lang == "fr" else en).replace("{label}", label).replace("{bare}", _bare(label))
    body = body.replace("{neg}", _negative(label) if lang == "fr" else label)
    body = body.replace("{ctx}", ctx)
    prefix = _unit_prefix(params, lang)
    return prefix + (body if prefix else _cap(body))


def _profile_unreadable(params: Mapping[str, Any], lang: str) -> str:
    reason = params.get("reason")
    if reason == "missing":
        return (
            "Profil introuvable (vérifiez le chemin)."
            if lang == "fr"
            else "Profile not found (check the path)."
        )
    if reason == "folder":
        return (
            "C'est un dossier, pas un fichier de profil."
            if lang == "fr"
            else "This is a folder, not a profile file."
        )
    return (
        "Le profil ne peut pas être lu : {error}."
        if lang == "fr"
        else "The profile cannot be read: {error}."
    )


def _profile_fixed(params: Mapping[str, Any], lang: str) -> str:
    if params.get("expected") == "":
        return _profile_text(
            params,
            lang,
            "le profil d'archivage veut {label} vide (ici « {value} »).",
            "the archival profile wants {label} empty (here “{value}”).",
        )
    return _profile_text(
        params,
        lang,
        "le profil d'archivage exige {label} « {expected} » (ici « {value} »).",
        "the archival profile requires {label} “{expected}” (here “{value}”).",
    )


def _profile_choice(params: Mapping[str, Any], lang: str) -> str:
    allowed = _allowed_text(params, lang)
    return _profile_text(
        params,
        lang,
        "le profil d'archivage n'accepte pas « {value} » pour {label} ; valeurs admises : "
        + allowed
        + ".",
        "the archival profile does not accept “{value}” for {label}; allowed: " + allowed + ".",
    )


def _profile_level(params: Mapping[str, Any], lang: str) -> str:
    value = _esc(_levels_text(params.get("value", "?"), lang))
    allowed = _esc(_levels_text(params.get("allowed") or [], lang))
    return _profile_text(
        params,
        lang,
        f"le profil d'archivage n'accepte pas le niveau de description « {value} » ici ; "
        f"valeurs admises : {allowed}.",
        f"the archival profile does not accept description level “{value}” here; "
        f"allowed: {allowed}.",
    )


def _profile_missing(params: Mapping[str, Any], lang: str) -> str:
    if params.get("field") == "ArchiveUnit":
        level = _esc(_levels_text(params.get("level") or "", lang)) if params.get("level") else ""
        title = _esc(str(params.get("title") or ""))
        fr = "le profil d'archivage attend ici une unité d'archives"
        en = "the archival profile expects an archive unit here"
        if level:
            fr += f" de niveau « {level} »"
            en += f" of level “{level}”"
        if title:
            fr += f" (« {title} »)"
            en += f" (“{title}”)"
        return _profile_text(params, lang, fr + ".", en + ".")
    if params.get("expected"):
        return _profile_text(
            params,
            lang,
            "le profil d'archivage exige {label} « {expected} » (à ajouter dans {ctx}).",
            "the archival profile requires {label} “{expected}” (to add in {ctx}).",
        )
    return _profile_text(
        params,
        lang,
        "le profil d'archivage exige {label} (à ajouter dans {ctx}).",
        "the archival profile requires {label} (to add in {ctx}).",
    )


def _profile_too_many(params: Mapping[str, Any], lang: str) -> str:
    return _profile_text(
        params,
        lang,
        "trop d'éléments « {bare} » : le profil d'archivage en admet au plus {max} ici "
        "(il y en a {count}).",
        "too many “{bare}”: the archival profile allows at most {max} here (there are {count}).",
    )


def _profile_not_allowed(params: Mapping[str, Any], lang: str) -> str:
    if params.get("field") == "ArchiveUnit":
        return _profile_text(
            params,
            lang,
            "le profil d'archivage ne prévoit pas d'unité d'archives ici.",
            "the archival profile has no archive unit here.",
        )
    return _profile_text(
        params,
        lang,
        "le profil d'archivage ne prévoit pas {neg} dans {ctx} : à retirer.",
        "the archival profile has no place for {label} in {ctx}: remove it.",
    )


def _profile_order(params: Mapping[str, Any], lang: str) -> str:
    return _profile_text(
        params,
        lang,
        "{label} n'est pas à la place que le profil d'archivage lui donne dans {ctx} (l'ordre des éléments compte).",
        "{label} is not where the archival profile puts it in {ctx} (element order matters).",
    )


def _profile_datatype(params: Mapping[str, Any], lang: str) -> str:
    words = _DATATYPE_WORDS.get(str(params.get("datatype", "")))
    kind = _esc(words[LANGS.index(lang)] if words else str(params.get("datatype", "?")))
    return _profile_text(
        params,
        lang,
        f"{{label}} « {{value}} » n'a pas la forme que le profil d'archivage attend ({kind}).",
        f"{{label}} “{{value}}” does not have the form the archival profile expects ({kind}).",
    )


def _profile_not_checked(params: Mapping[str, Any], lang: str) -> str:
    parts = []
    declared = _esc(str(params.get("declared") or ""))
    units = _esc(", ".join(str(u) for u in params.get("units") or []))
    if lang == "fr":
        if declared:
            parts.append(
                f"Le versement déclare le profil d'archivage « {declared} » : donnez son fichier "
                "RNG (--archive-profile) pour le vérifier comme le fera le service d'archives."
            )
        if units:
            parts.append(
                f"Des unités se réclament des profils d'unité archivistique {units} : donnez "
                "leurs fichiers JSON (--unit-profiles) pour les vérifier."
            )
    else:
        if declared:
            parts.append(
                f"The transfer declares archival profile “{declared}”: give its RNG file "
                "(--archive-profile) to check it as the archives will."
            )
        if units:
            parts.append(
                f"Units name archive-unit profiles {units}: give their JSON files "
                "(--unit-profiles) to check them."
            )
    if not parts:
        return (
            "Le versement se réclame de profils qui n'ont pas été donnés : ils ne sont pas vérifiés."
            if lang == "fr"
            else "The transfer names profiles that were not given: they are not checked."
        )
    return " ".join(parts)


def _profile_unsupported(params: Mapping[str, Any], lang: str) -> str:
    return _profile_text(
        params,
        lang,
        "le profil d'archivage exige {label}, que Verso ne sait pas encore écrire : le service "
        "d'archives refusera le versement exporté.",
        "the archival profile requires {label}, which Verso cannot write yet: the archives "
        "will refuse the exported transfer.",
    )


def _profile_invalid(params: Mapping[str, Any], lang: str) -> str:
    import re

    attribute = re.match(r"Invalid attribute (\S+) for element", str(params.get("raw", "")))
    if attribute:
        name = _esc(attribute.group(1))
        return _profile_text(
            params,
            lang,
            f"l'attribut « {name} » n'est pas prévu par le profil d'archivage sur {{label}}.",
            f"attribute “{name}” is not provided for by the archival profile on {{label}}.",
        )
    return _profile_text(
        params,
        lang,
        "le bordereau ne respecte pas le profil d'archivage ({label}) ; détail technique : {raw}.",
        "the manifest does not follow the archival profile ({label}); technical detail: {raw}.",
    )


def _unit_profile_violation(params: Mapping[str, Any], lang: str) -> str:
    kind = params.get("kind")
    fr_of = "le profil d'unité archivistique « {profile} »"
    en_of = "archive-unit profile “{profile}”"
    if kind == "required":
        fr, en = f"{fr_of} exige {{label}}.", f"{en_of} requires {{label}}."
    elif kind == "enum":
        allowed = _allowed_text(params, lang)
        value = params.get("value", "?")
        if params.get("field") == "DescriptionLevel":
            value = _esc(_levels_text(value, lang))
        fr = f"{fr_of} n'accepte pas « {value} » pour {{label}} ; valeurs admises : {allowed}."
        en = f"{en_of} does not accept “{value}” for {{label}}; allowed: {allowed}."
    elif kind == "additionalProperties":
        fr, en = f"{fr_of} ne prévoit pas {{label}}.", f"{en_of} has no place for {{label}}."
    elif kind in ("maxItems", "maxLength"):
        fr = f"{fr_of} admet au plus {{limit}} pour {{label}}."
        en = f"{en_of} allows at most {{limit}} for {{label}}."
    elif kind in ("minItems", "minLength"):
        fr = f"{fr_of} exige au moins {{limit}} pour {{label}}."
        en = f"{en_of} requires at least {{limit}} for {{label}}."
    elif kind == "type":
        words = _DATATYPE_WORDS.get(str(params.get("expected", "")))
        expected = _esc(words[LANGS.index(lang)] if words else str(params.get("expected", "?")))
        fr = f"{{label}} n'a pas la forme qu'exige {fr_of} ({expected})."
        en = f"{{label}} does not have the form {en_of} requires ({expected})."
    elif kind == "pattern":
        fr = f"{{label}} « {{value}} » n'a pas la forme qu'exige {fr_of}."
        en = f"{{label}} “{{value}}” does not have the form {en_of} requires."
    else:
        fr = f"{{label}} ne respecte pas {fr_of} ({{raw}})."
        en = f"{{label}} does not follow {en_of} ({{raw}})."
    if not params.get("field"):
        fr = fr.replace("{label}", "l'unité")
        en = en.replace("{label}", "the unit")
    return _profile_text(params, lang, fr, en)


_TEXTS: dict[str, tuple[Text, Text]] = {
    # scan
    "UNREADABLE": (
        "Le fichier est illisible : {error}. Il ne sera pas dans le versement.",
        "The file cannot be read: {error}. It will not be in the transfer.",
    ),
    "BROKEN_LINK": (
        "Lien symbolique cassé : il pointe vers « {target} », qui n'existe pas. Il n'est pas repris.",
        "Broken symbolic link: it points to “{target}”, which does not exist. It is left out.",
    ),
    "LINK_OUTSIDE": (
        "Lien vers « {target} », en dehors du dossier versé : il n'est pas suivi.",
        "Link to “{target}”, outside the transferred folder: not followed.",
    ),
    "LINK_LOOP": (
        "Lien vers « {target} », qui est déjà dans le versement : il n'est pas suivi (ni doublon ni boucle).",
        "Link to “{target}”, which is already in the transfer: not followed (no duplicate, no loop).",
    ),
    "SHORTCUT": (
        "Raccourci Windows (.lnk) : c'est un lien, pas un document ; il n'est pas repris.",
        "Windows shortcut (.lnk): a link, not a document; it is left out.",
    ),
    "SPECIAL_FILE": (_special, _special),
    "EMPTY_FOLDER": (
        "Dossier vide : il sera versé sans aucun fichier.",
        "Empty folder: it will be transferred without any file.",
    ),
    "EMPTY_FILE": (
        "Fichier vide (0 octet) : vérifiez qu'il doit bien être archivé.",
        "Empty file (0 bytes): check that it should be archived.",
    ),
    "EXCLUDED": (
        "Fichier écarté automatiquement (règle d'exclusion « {pattern} »).",
        "File left out automatically (exclusion rule “{pattern}”).",
    ),
    "ODD_NAME": (_odd_name, _odd_name),
    "UNKNOWN_FORMAT": (
        "Format de fichier non reconnu (type détecté : {mime}) : le service d'archives pourrait le refuser.",
        "File format not recognised (detected type: {mime}): the archives may refuse it.",
    ),
    "IDENTIFY_ERROR": (
        "L'identification du format a échoué : {error}.",
        "Format identification failed: {error}.",
    ),
    "LOCKED": (
        "Le fichier est ouvert par un autre programme, qui empêche de le lire : fermez-le puis relancez l'analyse. D'ici là, il ne sera pas dans le versement.",
        "The file is open in another program, which stops it being read: close it, then scan again. Until then it will not be in the transfer.",
    ),
    "MAGIC_UNAVAILABLE": (
        "libmagic n'est pas installé sur cet ordinateur. Les formats sont reconnus par siegfried (identifiants PRONOM) ; seul le type MIME de quelques formats qu'il ne connaît pas restera vide.",
        "libmagic is not installed on this computer. Formats are identified by siegfried (PRONOM ids); only the MIME type of a few formats it does not know stays empty.",
    ),
    "ENGINE_UNAVAILABLE": (
        "L'outil d'identification « {requested} » n'est pas disponible sur cet ordinateur ; les formats ont été reconnus par « {used} ».",
        "The identification tool “{requested}” is not available on this computer; formats were identified by “{used}”.",
    ),
    "CHANGED_DURING_SCAN": (
        "Le fichier a changé pendant l'analyse ({size_before:byte} puis {size_after:byte}) : relancez l'analyse quand personne ne l'utilise.",
        "The file changed during the scan ({size_before:byte} then {size_after:byte}): scan again when nobody is using it.",
    ),
    "NOT_FOUND": (
        "Fichier ou dossier introuvable (déplacé ou supprimé ?).",
        "File or folder not found (moved or deleted?).",
    ),
    "ALREADY_INCLUDED": (
        "Ce dossier est déjà repris (par « {other} ») : il n'est pas compté deux fois.",
        "This folder is already included (as “{other}”): it is not counted twice.",
    ),
    "SAME_FILE_TWICE": (
        "Ce fichier est déjà dans le versement (« {other} ») : il n'y est mis qu'une fois.",
        "This file is already in the transfer (“{other}”): it is put in only once.",
    ),
    "NAME_TWINS": (_name_twins, _name_twins),
    # dropped zip archives
    "ZIP_CORRUPT": (
        "L'archive zip est abîmée ou incomplète ({error}) : son contenu n'est pas repris. Demandez un nouvel envoi ou décompressez-la vous-même.",
        "The zip archive is damaged or incomplete ({error}): its content is left out. Ask for it again or unzip it yourself.",
    ),
    "ZIP_BOMB": (
        "L'archive zip est suspecte (taille décompressée démesurée) : son contenu n'est pas repris.",
        "The zip archive is suspicious (absurd uncompressed size): its content is left out.",
    ),
    "ZIP_UNSAFE_ENTRY": (
        "Nom dangereux dans l'archive zip (chemin absolu ou qui sort du zip) : ce fichier n'est pas repris.",
        "Unsafe name in the zip archive (absolute path or leaving the zip): this file is left out.",
    ),
    "ZIP_DUPLICATE": (
        "Ce nom apparaît deux fois dans l'archive zip : seul le premier est repris.",
        "This name appears twice in the zip archive: only the first one is included.",
    ),
    "ZIP_ENCRYPTED": (
        "Fichier protégé par un mot de passe dans l'archive zip : il ne peut pas être lu ni versé. Demandez-le sans mot de passe.",
        "Password-protected file in the zip archive: it cannot be read nor transferred. Ask for it without a password.",
    ),
    "ZIP_SYMLINK": (
        "Lien symbolique dans l'archive zip (vers « {target} ») : ce n'est pas un document ; il n'est pas repris.",
        "Symbolic link in the zip archive (to “{target}”): not a document; it is left out.",
    ),
    # export
    "SOURCE_CHANGED": (
        "Le fichier a été modifié depuis l'analyse (empreinte attendue {expected}, trouvée {actual}) : relancez l'analyse.",
        "The file was modified since the scan (expected digest {expected}, found {actual}): scan again.",
    ),
    "SOURCE_MISSING": (
        "Le fichier a disparu depuis l'analyse (déplacé ou supprimé ?).",
        "The file disappeared since the scan (moved or deleted?).",
    ),
    "DISK_FULL": (_disk_full, _disk_full),
    "SOURCE_UNREADABLE": (
        "Le fichier ne peut plus être lu : {error}.",
        "The file can no longer be read: {error}.",
    ),
    "WRITE_ERROR": (
        "Impossible d'écrire le versement ici : {error}.",
        "Cannot write the transfer here: {error}.",
    ),
    "UNSAFE_DESTINATION": (_unsafe_destination, _unsafe_destination),
    "EXPORT_FAILED": (
        "L'export a échoué de façon inattendue : {error}.",
        "The export failed unexpectedly: {error}.",
    ),
    # reading an existing SIP
    "SIP_NOT_ZIP": (
        "Ce n'est pas une archive zip lisible : {error}.",
        "Not a readable zip archive: {error}.",
    ),
    "SIP_CORRUPT": (
        "L'archive zip est abîmée : {error}.",
        "The zip archive is damaged: {error}.",
    ),
    "SIP_SIZE_MISMATCH": (
        "La taille du fichier dans le zip ({actual} octets) ne correspond pas au manifeste ({expected} octets).",
        "The file's size in the zip ({actual} bytes) does not match the manifest ({expected} bytes).",
    ),
    "SIP_UNSAFE_ENTRY": (_unsafe_entry, _unsafe_entry),
    "SIP_BAD_ENTRY_NAME": (
        "Nom de fichier refusé par le service d'archives dans le zip (caractères interdits ou doublon).",
        "File name in the zip refused by the archives (forbidden characters or duplicate).",
    ),
    "SIP_ENCRYPTED": (
        "Fichier chiffré (protégé par mot de passe) dans le zip : il ne peut pas être lu.",
        "Encrypted (password-protected) file in the zip: it cannot be read.",
    ),
    "SIP_ZIP_BOMB": (
        "L'archive zip est suspecte (taille décompressée démesurée) : elle n'est pas ouverte.",
        "The zip archive is suspicious (absurd uncompressed size): it is not opened.",
    ),
    "SIP_NO_MANIFEST": (
        "Le zip ne contient pas de manifeste (manifest.xml à la racine).",
        "The zip holds no manifest (manifest.xml at its root).",
    ),
    "SIP_MANY_MANIFESTS": (
        "Le zip contient plusieurs manifestes ({names}) : un seul est permis.",
        "The zip holds several manifests ({names}): only one is allowed.",
    ),
    "SIP_BAD_MANIFEST": (
        "Le manifeste du zip est illisible ou n'est pas du SEDA.",
        "The zip's manifest is unreadable or not SEDA.",
    ),
    "SIP_MISSING_MEMBER": (
        "Le manifeste cite le fichier « {uri} », absent du zip.",
        "The manifest names file “{uri}”, which is not in the zip.",
    ),
    "SIP_UNDECLARED_MEMBER": (
        "Fichier présent dans le zip mais absent du manifeste : il sera ignoré.",
        "File in the zip but not in the manifest: it will be ignored.",
    ),
    # referentials
    "REF_NOT_CSV": (_not_csv, _not_csv),
    "REF_ENCODING": (
        "Le fichier n'est pas encodé en UTF-8 (caractère illisible à l'octet {byte}) : enregistrez-le en « CSV UTF-8 ».",
        "The file is not UTF-8 encoded (unreadable character at byte {byte}): save it as “CSV UTF-8”.",
    ),
    "REF_HEADER": (
        "Ligne d'en-tête incorrecte : colonnes manquantes {missing} ; colonnes en trop {extra}.",
        "Wrong header row: missing columns {missing}; extra columns {extra}.",
    ),
    "REF_FIELD_COUNT": (
        "Nombre de colonnes incorrect : {found} au lieu de {expected}.",
        "Wrong number of columns: {found} instead of {expected}.",
    ),
    "REF_EMPTY_LINE": (
        "Ligne vide, refusée par le service d'archives.",
        "Empty line, refused by the archives.",
    ),
    "REF_EMPTY_FIELD": ("La colonne « {field} » est vide.", "Column “{field}” is empty."),
    "REF_DUPLICATE_ID": (
        "L'identifiant « {id} » est déjà utilisé ligne {first_line}.",
        "Identifier “{id}” is already used on line {first_line}.",
    ),
    "REF_BAD_RULE_TYPE": (
        "Type de règle « {value} » inconnu (attendu : AppraisalRule, AccessRule, StorageRule, DisseminationRule, ReuseRule, ClassificationRule ou HoldRule).",
        "Unknown rule type “{value}” (expected AppraisalRule, AccessRule, StorageRule, DisseminationRule, ReuseRule, ClassificationRule or HoldRule).",
    ),
    "REF_BAD_DURATION": (
        "Durée « {value} » incorrecte : un nombre entier positif est attendu.",
        "Wrong duration “{value}”: a positive whole number is expected.",
    ),
    "REF_BAD_MEASUREMENT": (
        "Unité de durée « {value} » inconnue (attendu : YEAR, MONTH ou DAY).",
        "Unknown duration unit “{value}” (expected YEAR, MONTH or DAY).",
    ),
    "REF_DURATION_LIMIT": (
        "Durée trop longue : {value} {measurement} (maximum {limit}).",
        "Duration too long: {value} {measurement} (maximum {limit}).",
    ),
    "REF_HOLD_INCOMPLETE": (
        "Règle de gel incomplète : « {missing} » manque (durée et unité vont ensemble).",
        "Incomplete hold rule: “{missing}” is missing (duration and unit go together).",
    ),
    "REF_HTML": (
        "La colonne « {field} » contient du code HTML, refusé par le service d'archives.",
        "Column “{field}” holds HTML code, refused by the archives.",
    ),
    "REF_BAD_TREE": (_bad_tree, _bad_tree),
    "REF_UNREADABLE": ("Le fichier est illisible : {error}.", "The file cannot be read: {error}."),
    # ReSIP spreadsheets (metadata and tree CSV)
    "CSV_ENCODING": (
        "Le tableau n'est ni en UTF-8 ni en Windows-1252 : enregistrez-le en « CSV UTF-8 ».",
        "The table is neither UTF-8 nor Windows-1252: save it as “CSV UTF-8”.",
    ),
    "CSV_SYNTAX": (
        "Le tableau est mal formé ({detail}) : un guillemet n'est sans doute pas refermé.",
        "The table is malformed ({detail}): a quote is probably not closed.",
    ),
    "CSV_EMPTY": (
        "Le tableau est vide : il faut une ligne d'en-tête puis une ligne par unité d'archives.",
        "The table is empty: it needs a header row then one row per archive unit.",
    ),
    "CSV_BAD_HEADER": (
        "En-tête refusé ({columns}) : le tableau doit commencer par les colonnes « ID;ParentID;File », « File » ou « Id;ParentId;File;ObjectFiles » (format de ReSIP), ou être un plan de classement « Id;nom;observations;cote;serie ».",
        "Header refused ({columns}): the table must start with the columns “ID;ParentID;File”, “File” or “Id;ParentId;File;ObjectFiles” (ReSIP's format), or be a filing plan “Id;nom;observations;cote;serie”.",
    ),
    "CSV_DUPLICATE_COLUMN": (
        "La colonne « {column} » apparaît deux fois.",
        "Column “{column}” appears twice.",
    ),
    "CSV_NO_METADATA": (
        "Pas de colonne de métadonnées : ajoutez au moins une colonne (par ex. Title) après « File ».",
        "No metadata column: add at least one column (e.g. Title) after “File”.",
    ),
    "CSV_NO_CONTENT": (
        "Pas de colonne « Content. » : il en faut au moins une (par ex. Content.Title).",
        "No “Content.” column: at least one is needed (e.g. Content.Title).",
    ),
    "CSV_BAD_TAG": (
        "Caractère interdit dans le nom de colonne « {column} » (« {segment} ») : lettres, chiffres, « _ » et « - » seulement, niveaux séparés par des points.",
        "Forbidden character in column name “{column}” (“{segment}”): letters, digits, “_” and “-” only, levels separated by dots.",
    ),
    "CSV_MIXED_PREFIX": (
        "La colonne « {column} » n'a pas le préfixe « Content. » ou « Management. » : dès que la première colonne en a un, toutes doivent en avoir un.",
        "Column “{column}” lacks the “Content.” or “Management.” prefix: once the first column has one, all must.",
    ),
    "CSV_UNKNOWN_COLUMN": (_csv_unknown_column, _csv_unknown_column),
    "CSV_EXTENSION_COLUMN": (
        "La colonne « {column} » n'est pas un élément SEDA : elle est gardée comme extension (acceptée par Vitam, pas par tous les systèmes d'archivage) ; vérifiez qu'il ne s'agit pas d'une faute de frappe.",
        "Column “{column}” is not a SEDA element: it is kept as an extension (Vitam accepts it, not every archiving system does); check it is not a typo.",
    ),
    "CSV_FILES_ABSENT": (
        "Aucun des fichiers ou dossiers nommés dans le tableau ({count:file_or_folder}, par ex. « {file} ») n'est à côté de lui : les unités sont versées sans leurs fichiers. Placez le tableau dans le dossier des fichiers pour les verser.",
        "None of the files or folders the table names ({count:file_or_folder}, e.g. “{file}”) is beside it: the units are transferred without their files. Put the table in the files' folder to include them.",
    ),
    "CSV_NOT_REPEATABLE": (
        "La colonne « {column} » numérote « {element} », qui ne peut pas être répété en SEDA.",
        "Column “{column}” numbers “{element}”, which cannot repeat in SEDA.",
    ),
    "CSV_NOT_LEAF": (
        "La colonne « {column} » désigne un groupe, pas une valeur : précisez le champ (par ex. Writer.FullName, Keyword.KeywordContent).",
        "Column “{column}” names a group, not a value: give the field (e.g. Writer.FullName, Keyword.KeywordContent).",
    ),
    "CSV_BAD_RULE_FIELD": (
        "La colonne « {column} » ne correspond à aucun champ de la règle {category} (Rule.N, StartDate.N, PreventInheritance, RefNonRuleId.N, FinalAction…).",
        "Column “{column}” matches no field of the {category} rule (Rule.N, StartDate.N, PreventInheritance, RefNonRuleId.N, FinalAction…).",
    ),
    "CSV_ORPHAN_ATTR": (
        "La colonne d'attributs « {column} » ne suit aucune colonne de métadonnées.",
        "Attribute column “{column}” follows no metadata column.",
    ),
    "CSV_FIELD_COUNT": (
        "Il n'y a pas le bon nombre de cellules sur la ligne : {found} au lieu de {expected}.",
        "Wrong number of cells on the row: {found} instead of {expected}.",
    ),
    "CSV_BAD_VALUE": (_csv_value, _csv_value),
    "CSV_BAD_ATTR": (
        'Attribut « {value} » mal écrit (colonne « {column} ») : attendu par ex. xml:lang="fr".',
        'Malformed attribute “{value}” (column “{column}”): expected e.g. xml:lang="fr".',
    ),
    "CSV_FILE_MISSING": (
        "Le fichier « {file} » (colonne {column}) est introuvable à côté du tableau.",
        "File “{file}” (column {column}) cannot be found next to the table.",
    ),
    "CSV_NOT_A_FILE": (
        "« {file} » (colonne {column}) est un dossier, pas un fichier.",
        "“{file}” (column {column}) is a folder, not a file.",
    ),
    "CSV_UNKNOWN_RULE": (
        "La règle « {rule_id} » (colonne « {column} ») n'existe pas dans le référentiel des règles.",
        "Rule “{rule_id}” (column “{column}”) is not in the rules referential.",
    ),
    "CSV_RULE_CATEGORY": (
        "La règle « {rule_id} » est une {actual}, pas une {category} (colonne « {column} »).",
        "Rule “{rule_id}” is a {actual}, not a {category} (column “{column}”).",
    ),
    "CSV_DUPLICATE_KEY": (
        "L'identifiant « {key} » est déjà utilisé ligne {first_line} : cette ligne-ci la remplace (comme ReSIP).",
        "Identifier “{key}” is already used on row {first_line}: this row replaces it (as ReSIP does).",
    ),
    "CSV_UNKNOWN_PARENT": (
        "Le parent « {parent} » n'existe pas dans le tableau : l'unité est mise à la racine.",
        "Parent “{parent}” is not in the table: the unit is put at the top.",
    ),
    "CSV_CYCLE": (
        "Boucle dans la hiérarchie : l'unité « {key} » est sa propre ascendante.",
        "Loop in the hierarchy: unit “{key}” is its own ancestor.",
    ),
    "CSV_BAD_REFERENCE": (
        "« {value} » (dans {element}) ne désigne aucune ligne du tableau (ou une ligne sans fichier) : mettez l'identifiant (colonne Id) d'une autre ligne, ou videz la cellule.",
        "“{value}” (in {element}) names no row of the table (or a row without file): write the identifier (Id column) of another row, or empty the cell.",
    ),
    "CSV_TREE_FIELDS": (
        "La ligne ne contient pas le nombre minimum de champs attendus (5 : id, nom, observations, cote, série) ; elle en a {found}.",
        "The row has fewer fields than needed (5: id, nom, observations, cote, série); it has {found}.",
    ),
    "CSV_TREE_EMPTY_TITLE": (
        "Le titre (colonne « nom ») ne doit pas être vide.",
        "The title (column “nom”) must not be empty.",
    ),
    "CSV_TREE_EMPTY_SUFFIX": (
        "Le suffixe (colonne « cote ») ne doit pas être vide.",
        "The suffix (column “cote”) must not be empty.",
    ),
    "CSV_TREE_NO_SERIES": (
        "Le plan de classement ne contient pas de ligne décrivant de série (une ligne dont la colonne « série » est vide).",
        "The filing plan has no row describing a series (a row whose “série” column is empty).",
    ),
    "CSV_TREE_ORPHAN": (
        "La ligne « {id} » n'appartient à aucune série : aucune ligne n'a la cote « {serie} ».",
        "Row “{id}” belongs to no series: no row has the cotation “{serie}”.",
    ),
    # validation
    "VAL_SCHEMA": (_schema, _schema),
    "VAL_MISSING_HEADER": (_missing_header, _missing_header),
    "VAL_NO_TITLE": ("Une unité d'archives n'a pas d'intitulé.", "An archive unit has no title."),
    "VAL_DATES_ORDER": (
        "La date de fin ({end}) est avant la date de début ({start}).",
        "The end date ({end}) is before the start date ({start}).",
    ),
    "VAL_UNKNOWN_RULE": (
        "La règle « {rule_id} » ({category}) n'existe pas dans le référentiel des règles.",
        "Rule “{rule_id}” ({category}) is not in the rules referential.",
    ),
    "VAL_RULE_CATEGORY": (
        "La règle « {rule_id} » est une {actual}, pas une {category}.",
        "Rule “{rule_id}” is a {actual}, not a {category}.",
    ),
    "VAL_FINAL_ACTION": (
        "Le sort final de la règle {category} n'est pas indiqué.",
        "The final action of the {category} rule is not set.",
    ),
    "VAL_EMPTY_PACKAGE": ("Le versement ne contient rien.", "The transfer is empty."),
    "VAL_DIGEST": (
        "L'empreinte du fichier ne correspond pas (attendue {expected}, calculée {actual}) : le fichier est abîmé ou a changé.",
        "The file's digest does not match (expected {expected}, computed {actual}): the file is damaged or changed.",
    ),
    "VAL_RULE_NO_START_DATE": (
        "La règle « {rule_id} » ({category}) n'a pas de date de départ : le service d'archives ne pourra pas calculer son échéance.",
        "Rule “{rule_id}” ({category}) has no start date: the archives cannot compute when it ends.",
    ),
    "VAL_RULE_START_DATE": (
        "Date de départ invalide pour la règle « {rule_id} » : {date}.",
        "Invalid start date for rule “{rule_id}”: {date}.",
    ),
    "VAL_HOLD_END_BEFORE_START": (
        "Le gel « {rule_id} » finit ({end}) avant de commencer ({start}).",
        "Hold “{rule_id}” ends ({end}) before it starts ({start}).",
    ),
    "VAL_BAD_FINAL_ACTION": (
        "Sort final « {value} » impossible pour la règle {category}.",
        "Final action “{value}” is not allowed for the {category} rule.",
    ),
    "VAL_NO_OBJECTS": (
        "Le versement ne contient aucun fichier, seulement des descriptions.",
        "The transfer holds no file, only descriptions.",
    ),
    "VAL_UNKNOWN_AGENCY": (_unknown_agency, _unknown_agency),
    "VAL_BAD_LEVEL": (
        "Niveau de description « {value} » inconnu (attendu : Fonds, Subfonds, Class, Collection, Series, Subseries, RecordGrp, SubGrp, File, Item ou OtherLevel).",
        "Unknown description level “{value}” (expected Fonds, Subfonds, Class, Collection, Series, Subseries, RecordGrp, SubGrp, File, Item or OtherLevel).",
    ),
    "VAL_HTML": (_html, _html),
    "VAL_TOO_LONG": (
        "Le champ « {field} » est trop long ({size:byte}, maximum {limit}) : le service d'archives le refusera.",
        "Field “{field}” is too long ({size:byte}, at most {limit}): the archives will refuse it.",
    ),
    "VAL_CLASSIFICATION_LEVEL": (
        "Niveau de classification « {value} » non accepté par le service d'archives (valeurs admises : {allowed}).",
        "Classification level “{value}” is not accepted by the archives (allowed: {allowed}).",
    ),
    "VAL_DUPLICATE_VERSION": (
        "Deux fichiers d'un même groupe ont le même usage « {version} » : chaque version doit être unique.",
        "Two files of one group have the same usage “{version}”: each version must be unique.",
    ),
    "VAL_BAD_VERSION": (_bad_version, _bad_version),
    "VAL_NO_DIGEST": (
        "Le fichier n'a pas d'empreinte (MessageDigest) : relancez l'analyse.",
        "The file has no digest (MessageDigest): scan again.",
    ),
    "VAL_DIGEST_FORMAT": (
        "L'empreinte « {value}… » doit être écrite en hexadécimal minuscule : le service d'archives la comparera telle quelle et la trouvera fausse.",
        "Digest “{value}…” must be written in lower-case hexadecimal: the archives compare it as written and will find it wrong.",
    ),
    "VAL_BAD_ALGORITHM": (
        "Algorithme d'empreinte « {algorithm} » refusé (admis : MD5, SHA-1, SHA-256, SHA-384, SHA-512).",
        "Digest algorithm “{algorithm}” refused (allowed: MD5, SHA-1, SHA-256, SHA-384, SHA-512).",
    ),
    "VAL_EMPTY_OBJECT": (
        "Fichier de taille nulle ou inconnue : vérifiez qu'il doit bien être versé.",
        "File of zero or unknown size: check that it should be transferred.",
    ),
    "VAL_UNKNOWN_FORMAT": (
        "Format non identifié : le service d'archives refusera ce fichier, sauf si son contrat d'entrée autorise les formats non identifiés.",
        "Unidentified format: the archives accept it only if the ingest contract allows unidentified formats.",
    ),
    "VAL_FORMAT_NOT_ALLOWED": (
        "Le format {puid} n'est pas autorisé par le contrat d'entrée (formats admis : {allowed}).",
        "Format {puid} is not allowed by the ingest contract (allowed formats: {allowed}).",
    ),
    "VAL_FORMAT_MISMATCH": (
        "Le format déclaré ({declared}) diffère du format identifié ({identified}) : le service d'archives retiendra le sien et signalera l'écart.",
        "The declared format ({declared}) differs from the identified one ({identified}): the archives keep their own and report the difference.",
    ),
    "VAL_ATTACHMENT_INCOMPLETE": (
        "Rattachement incomplet : il faut un identifiant système (GUID) ou un couple nom/valeur complet (ici « {name} » = « {value} »).",
        "Incomplete attachment: a system id (GUID) or a complete name/value pair is needed (here “{name}” = “{value}”).",
    ),
    "VAL_ATTACHMENT_GUID": (
        "Rattachement à « {system_id} » : ce n'est pas l'identifiant système (GUID) d'une unité d'archives ; choisissez le nœud dans l'arbre de positionnement.",
        "Attachment to “{system_id}”: not the system id (GUID) of an archive unit; pick the node in the positioning tree.",
    ),
    "VAL_ATTACHMENT_FORBIDDEN": (
        "Le contrat d'entrée « {contract} » interdit de rattacher le versement à un nœud de l'arbre : retirez le rattachement.",
        "Ingest contract “{contract}” forbids attaching the transfer to a tree node: remove the attachment.",
    ),
    "VAL_ATTACHMENT_REQUIRED": (
        "Le contrat d'entrée « {contract} » impose de rattacher le versement à un nœud de l'arbre de positionnement.",
        "Ingest contract “{contract}” requires attaching the transfer to a node of the positioning tree.",
    ),
    "VAL_ATTACHMENT_PARENT": (
        "Le contrat d'entrée « {contract} » impose que le nœud de rattachement soit sous le nœud {link_parent_id} : le service d'archives le vérifiera.",
        "Ingest contract “{contract}” requires the attachment node to be below node {link_parent_id}: the archives will check it.",
    ),
    "VAL_AUTO_ATTACHMENT": (
        "Sans rattachement, le contrat d'entrée « {contract} » placera ces archives sous le nœud {link_parent_id}.",
        "Without an attachment, ingest contract “{contract}” will place these archives below node {link_parent_id}.",
    ),
    "VAL_CONTRACT_MISMATCH": (
        "Le contrat d'entrée fourni (« {contract} ») n'est pas celui du versement (« {agreement} »).",
        "The ingest contract given (“{contract}”) is not the transfer's (“{agreement}”).",
    ),
    "VAL_CONTRACT_INACTIVE": (
        "Le contrat d'entrée « {contract} » est inactif : le service d'archives refusera le versement.",
        "Ingest contract “{contract}” is inactive: the archives will refuse the transfer.",
    ),
    "VAL_CONTRACT_FIELD": (
        "Valeur « {value} » inconnue pour « {field} » dans le contrat d'entrée : elle est ignorée.",
        "Unknown value “{value}” for “{field}” in the ingest contract: ignored.",
    ),
    "VAL_CONTRACT_INVALID": (
        "Le fichier du contrat d'entrée est illisible ou n'est pas un contrat (JSON) : {error}.",
        "The ingest contract file is unreadable or not a contract (JSON): {error}.",
    ),
    "VAL_CONTRACT_NOT_FOUND": (
        "Le fichier ne contient pas le contrat « {identifier} » (contrats présents : {available}).",
        "The file does not hold contract “{identifier}” (contracts present: {available}).",
    ),
    "VAL_SCHEMA_VITAM_ONLY": (_schema_vitam_only, _schema_vitam_only),
    "VAL_XSD_UNAVAILABLE": (_xsd_unavailable, _xsd_unavailable),
    "VAL_XSD_SKIPPED": (
        "Le bordereau n'a pas été vérifié avec les schémas SEDA (indiquez le dossier des XSD avec --xsd ou la variable VERSO_XSD_DIR).",
        "The manifest was not checked against the SEDA schemas (give the XSD folder with --xsd or the VERSO_XSD_DIR variable).",
    ),
    "VAL_ELEMENT_ORDER": (
        "Dans le bordereau, « {element} » est mal placé dans « {parent} » (après « {before} » ou hors de l'ordre du schéma) : le service d'archives refusera le bordereau.",
        "In the manifest, “{element}” is misplaced in “{parent}” (after “{before}” or out of the schema's order): the archives will refuse the manifest.",
    ),
    "VAL_EMPTY_PHYSICAL_ID": (
        "Un objet physique n'a pas d'identifiant (PhysicalId vide).",
        "A physical object has no identifier (empty PhysicalId).",
    ),
    "VAL_OBJECT_REFERENCE": (
        "Une unité d'archives désigne directement l'objet « {id} » au lieu de son groupe d'objets : le service d'archives le refusera.",
        "An archive unit points to object “{id}” instead of its object group: the archives will refuse it.",
    ),
    "VAL_ORPHAN_OBJECT": (
        "Le groupe d'objets « {id} » n'est rattaché à aucune unité d'archives : le service d'archives refusera le versement.",
        "Object group “{id}” is linked to no archive unit: the archives will refuse the transfer.",
    ),
    # reading manifests / SIPs
    "MANIFEST_UNREADABLE": (
        "Le manifeste est illisible : {error}.",
        "The manifest cannot be read: {error}.",
    ),
    "MANIFEST_MALFORMED": (
        "Le manifeste n'est pas un XML valide : {message}.",
        "The manifest is not valid XML: {message}.",
    ),
    "MANIFEST_NOT_SEDA": (
        "Ce n'est pas un manifeste SEDA 2.1, 2.2 ou 2.3 (élément racine « {root} », espace de noms « {namespace} »).",
        "Not a SEDA 2.1, 2.2 or 2.3 manifest (root element “{root}”, namespace “{namespace}”).",
    ),
    "MANIFEST_DTD": (
        "Le manifeste contient une DTD : refusé par sécurité.",
        "The manifest holds a DTD: refused for safety.",
    ),
    "MANIFEST_BAD_DATE": (
        "Date illisible dans « {field} » : « {value} » (ignorée).",
        "Unreadable date in “{field}”: “{value}” (ignored).",
    ),
    "MANIFEST_BAD_REFERENCE": (_bad_reference, _bad_reference),
    "MANIFEST_SHARED_REFERENCE": (
        "« {id} » ({kind}) est rattaché à plusieurs endroits du manifeste ; seul le premier est gardé.",
        "“{id}” ({kind}) is linked from several places in the manifest; only the first is kept.",
    ),
    "MANIFEST_ORPHAN_OBJECT": (
        "Le fichier « {id} » du manifeste n'est rattaché à aucune unité d'archives.",
        "File “{id}” of the manifest is not linked to any archive unit.",
    ),
    # archive profiles: transfer profile (RelaxNG) and archive-unit profiles (JSON)
    "PROFILE_UNREADABLE": (_profile_unreadable, _profile_unreadable),
    "PROFILE_NOT_RNG": (
        "Ce fichier n'est pas un profil d'archivage RelaxNG valide ({error}).",
        "This file is not a valid RelaxNG archival profile ({error}).",
    ),
    "PROFILE_NOT_SEDA": (
        "Ce profil RelaxNG ne décrit pas un bordereau SEDA (élément racine « {root} », espace de noms « {namespace} ») : ce n'est pas un profil d'archivage.",
        "This RelaxNG profile does not describe a SEDA manifest (root element “{root}”, namespace “{namespace}”): not an archival profile.",
    ),
    "PROFILE_FIXED_VALUE": (_profile_fixed, _profile_fixed),
    "PROFILE_VALUE_CHOICE": (_profile_choice, _profile_choice),
    "PROFILE_LEVEL": (_profile_level, _profile_level),
    "PROFILE_MISSING": (_profile_missing, _profile_missing),
    "PROFILE_TOO_MANY": (_profile_too_many, _profile_too_many),
    "PROFILE_NOT_ALLOWED": (_profile_not_allowed, _profile_not_allowed),
    "PROFILE_ORDER": (_profile_order, _profile_order),
    "PROFILE_DATATYPE": (_profile_datatype, _profile_datatype),
    "PROFILE_INVALID": (_profile_invalid, _profile_invalid),
    "PROFILE_UNSUPPORTED": (_profile_unsupported, _profile_unsupported),
    "PROFILE_NOT_CHECKED": (_profile_not_checked, _profile_not_checked),
    "PROFILE_OTHER_DECLARED": (
        "Le versement déclare le profil d'archivage « {declared} », pas « {profile} » : le service d'archives le vérifiera avec « {declared} ».",
        "The transfer declares archival profile “{declared}”, not “{profile}”: the archives will check it against “{declared}”.",
    ),
    "UNIT_PROFILE_INVALID": (
        "Ce fichier n'est pas un profil d'unité archivistique utilisable (JSON exporté par le service d'archives, avec son schéma de contrôle) : {error}.",
        "This file is not a usable archive-unit profile (JSON exported by the archives, with its control schema): {error}.",
    ),
    "UNIT_PROFILE_UNKNOWN": (
        "Unité « {unit} » : elle se réclame du profil d'unité archivistique « {profile} », qui n'a pas été fourni : elle n'est pas vérifiée ici (le service d'archives la refusera s'il ne connaît pas ce profil).",
        "Unit “{unit}”: it names archive-unit profile “{profile}”, which was not given: not checked here (the archives will refuse it if they do not know this profile).",
    ),
    "UNIT_PROFILE_INACTIVE": (
        "Unité « {unit} » : le profil d'unité archivistique « {profile} » est inactif ; le service d'archives refusera l'unité.",
        "Unit “{unit}”: archive-unit profile “{profile}” is inactive; the archives will refuse the unit.",
    ),
    "UNIT_PROFILE_VIOLATION": (_unit_profile_violation, _unit_profile_violation),
    # saved work (.verso)
    "WORK_NOT_VERSO": (
        "Ce fichier n'est pas un travail enregistré par Verso.",
        "This file is not a work saved by Verso.",
    ),
    "WORK_CORRUPT": (
        "Le travail enregistré est abîmé ou incomplet ({error}) : il ne peut pas être ouvert. Une copie de secours ou une sauvegarde plus ancienne peut servir.",
        "The saved work is damaged or incomplete ({error}): it cannot be opened. A recovery copy or an older backup may help.",
    ),
    "WORK_TOO_NEW": (
        "Ce travail a été enregistré par une version plus récente de Verso (format {version}, celle-ci lit jusqu'au format {supported}) : mettez Verso à jour pour l'ouvrir.",
        "This work was saved by a newer Verso (format {version}; this one reads up to format {supported}): update Verso to open it.",
    ),
    "WORK_UNREADABLE": (
        "Le travail enregistré ne peut pas être lu : {error}.",
        "The saved work cannot be read: {error}.",
    ),
    "WORK_SOURCE_MISSING": (
        "Le fichier a disparu depuis l'enregistrement du travail (déplacé, renommé ou supprimé ?) : remettez-le en place ou retirez-le du versement, sinon l'export échouera.",
        "The file disappeared since the work was saved (moved, renamed or deleted?): put it back or remove it from the transfer, otherwise the export will fail.",
    ),
    "WORK_SOURCE_CHANGED": (
        "Le fichier a été modifié depuis l'enregistrement du travail (taille {size_before:byte} → {size_now:byte}, modifié le {modified_now}) : son format et son empreinte affichés peuvent ne plus être justes ; ajoutez-le à nouveau pour le faire analyser.",
        "The file was modified since the work was saved (size {size_before:byte} → {size_now:byte}, modified {modified_now}): its format and digest shown may be stale; add it again to have it analysed.",
    ),
    "WORK_ZIP_MISSING": (
        "L'archive zip source de {count:file} du versement a disparu (déplacée ou supprimée ?) : remettez-la en place, sinon l'export échouera.",
        "The zip archive holding {count:file} of the transfer has disappeared (moved or deleted?): put it back, otherwise the export will fail.",
    ),
    # SAE parity (issue 13)
    "EXPORT_ADAPTED": (_adapted, _adapted),
    "VAL_ONTOLOGY": (_ontology, _ontology),
    "VAL_UNIT_SCHEMA": (_unit_schema, _unit_schema),
    "VAL_FUTURE_EVENT": (
        "Un événement du journal est daté dans le futur ({value}) : le service d'archives refusera le versement.",
        "A logbook event is dated in the future ({value}): the archives will refuse the transfer.",
    ),
    "VAL_SAE_UNKNOWN_FORMAT": (_sae_unknown_format, _sae_unknown_format),
    "VAL_ROOT_ENTRY": (
        "À la racine du zip, le service d'archives n'admet que le bordereau (manifest.xml) et le dossier « content » : « {name} » fera refuser le versement.",
        "At the root of the zip the archives only allow the manifest (manifest.xml) and the “content” folder: “{name}” will make them refuse the transfer.",
    ),
    "VAL_MANY_GROUPS": (
        "Une unité d'archives désigne plusieurs groupes d'objets ({ids}) : le service d'archives n'en admet qu'un par unité et refusera le versement.",
        "An archive unit points to several object groups ({ids}): the archives allow one per unit and will refuse the transfer.",
    ),
    "VAL_FIRST_VERSION": (
        "Le groupe d'objets a des versions {versions} de « {usage} » mais pas la version {usage}_1, obligatoire : le service d'archives refusera le versement.",
        "The object group has versions {versions} of “{usage}” but not {usage}_1, which is mandatory: the archives will refuse the transfer.",
    ),
    "VAL_TREE_WITH_FILES": (
        "Un arbre de positionnement ou un plan de classement ne peut pas contenir de fichiers : le service d'archives le refusera.",
        "A positioning tree or a filing plan cannot hold files: the archives will refuse it.",
    ),
    "VAL_SAE_OTHER_FORMAT": (
        "Le service d'archives identifiera ce fichier comme {sae_puid} et non {puid} (ses signatures PRONOM {signatures} sont plus anciennes) : il l'acceptera en signalant l'écart.",
        "The archives will identify this file as {sae_puid}, not {puid} (their PRONOM signatures {signatures} are older): accepted with a warning.",
    ),
    "VAL_DUPLICATE_FILE": (
        "{count:identical_file} (même empreinte SHA-512) : {paths}. Gardez-en un seul si ce sont des copies.",
        "{count:identical_file} (same SHA-512 digest): {paths}. Keep only one if they are copies.",
    ),
    "VAL_EXTENSION_MISMATCH": (_extension_mismatch, _extension_mismatch),
    "BORDEREAU_WRITE_ERROR": (_slip_write_error, _slip_write_error),
    "BORDEREAU_SIP_UNREADABLE": (
        "Le versement n'a pas pu être relu pour calculer son empreinte : {error}.",
        "The SIP could not be read back to compute its digest: {error}.",
    ),
}

_SEVERITY = {
    Severity.ERROR: ("Erreurs", "Errors"),
    Severity.WARNING: ("Avertissements", "Warnings"),
    Severity.INFO: ("Pour information", "For information"),
}


class _Params(dict[str, Any]):
    """Format mapping: missing params show as "?", lists as comma-separated text."""

    def __missing__(self, key: str) -> str:
        return "?"


MAX_LISTED = 20  # names listed in one message; the rest counted (« … et 99 980 autres »)


def more_text(count: int, lang: str = "fr") -> str:
    """« … et 999 990 autres » / "… and 999,990 more"."""
    if lang == "en":
        return f"… and {count:,} more"
    word = "autres" if is_plural(count) else "autre"
    return f"… et {count:,} {word}".replace(",", " ")


def capped(items: Sequence[Any], limit: int = MAX_LISTED, lang: str = "fr") -> list[str]:
    """At most ``limit`` items as text, then one « … et N autres » line: no message lists
    a million names (duplicate identifiers, header columns, findings). The one helper for
    capping, in messages and on the command line."""
    shown = [str(v) for v in items[:limit]]
    if len(items) > limit:
        shown.append(more_text(len(items) - limit, lang))
    return shown


def _clean(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ", ".join(capped(value)) or "—"
    if isinstance(value, set | frozenset):
        return ", ".join(capped(list(value))) or "—"
    if value is None or value == "":
        return "?"
    return value


class _Counting(string.Formatter):
    """``{count:file}`` is « 1 fichier » / « 2 fichiers » (``app.labels.count``): a
    template names the noun, the number agrees in ``lang``."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec in NOUNS:
            try:
                return count(int(value), format_spec, self.lang)
            except (TypeError, ValueError):  # a missing count ("?"): the plural
                return f"{value} {NOUNS[format_spec][1 if self.lang == 'en' else 0][1]}"
        return super().format_field(value, format_spec)


def _format(template: str, params: Mapping[str, Any], lang: str = "fr") -> str:
    safe = _Params({k: _clean(v) for k, v in params.items()})
    try:
        return _Counting(lang).vformat(template, (), safe)
    except (ValueError, IndexError, KeyError, AttributeError):
        return template


def has_text(code: str, lang: str = "fr") -> bool:
    """True when ``code`` (a ``Code`` value or member name) has its own text in ``lang``."""
    name = _member_name(code)
    return lang in LANGS and name in _TEXTS


def _member_name(code: str) -> str:
    try:
        return Code(code).name
    except ValueError:
        return code if code in Code.__members__ else ""


def text(finding: Finding, lang: str = "fr") -> str:
    """The sentence for ``finding`` without where it happened."""
    if lang not in LANGS:
        lang = "fr"
    entry = _TEXTS.get(_member_name(finding.code))
    if entry is None:
        generic = ("Problème « {code} »", "Problem “{code}”")[LANGS.index(lang)]
        return _format(generic, {"code": finding.code}) + "."
    chosen = entry[LANGS.index(lang)]
    template = chosen(finding.params, lang) if callable(chosen) else chosen
    return _format(template, finding.params, lang)


def where(finding: Finding, lang: str = "fr") -> str:
    """ "« path », ligne N" (or "" when the finding has no place)."""
    line = finding.line
    # CSV findings carry the row as a spreadsheet (and the SAE's report) counts it; it differs
    # from the text line when a description spans several lines: show both then.
    record = finding.params.get("record")
    parts = []
    if finding.path:
        parts.append(f"« {finding.path} »" if lang == "fr" else f"“{finding.path}”")
    if record is not None and line is not None and record != line:
        parts.append(
            f"ligne {record} du tableau (ligne {line} du fichier texte)"
            if lang == "fr"
            else f"row {record} (text line {line})"
        )
    elif line is not None:
        parts.append(f"ligne {line}" if lang == "fr" else f"line {line}")
    return ", ".join(parts)


def describe(finding: Finding, lang: str = "fr", *, with_place: bool = True) -> str:
    """A full sentence for the user: where (path, line) then what, in ``lang`` ("fr"/"en")."""
    body = text(finding, lang)
    place = where(finding, lang) if with_place else ""
    if not place:
        return body
    sep = " : " if lang == "fr" else ": "
    return place + sep + body


_VERDICT_TAIL = re.compile(
    r"(?:\s+Le|\s*: le) service d'archives refusera le versement(?: exporté)?\.$"
    r"|(?:\s+The|\s*: the) archives will refuse the transfer\.$"
)


def reason(finding: Finding, lang: str = "fr", *, with_place: bool = True) -> str:
    """``describe`` without its closing « Le service d'archives refusera le versement. »
    nor its final stop: one reason in a list that already says so once (the export's last
    line, the export dialog)."""
    return _VERDICT_TAIL.sub("", describe(finding, lang, with_place=with_place)).rstrip(".")


def severity_label(severity: Severity | str, lang: str = "fr") -> str:
    """Heading for a group of findings of one severity."""
    try:
        pair = _SEVERITY[Severity(severity)]
    except ValueError:
        return str(severity)
    return pair[LANGS.index(lang) if lang in LANGS else 0]


# -- folders holding no file: one rule for the CLI and the window ------------------------------
def nothing_to_transfer(roots: Sequence[Any], files: int) -> bool:
    """True when a transfer made from folders holds no file at all: it is refused (by
    ``verso export`` and by the window's Export). An empty sub-folder beside files is kept
    (a warning says it has no file); a filing plan described in a CSV table or read from a
    SIP (units without a source folder) may hold no file."""
    return files == 0 and all(getattr(r, "source", "") for r in roots)


def nothing_to_transfer_text(names: Sequence[str], lang: str = "fr") -> str:
    """The refusal's sentence, naming the folders."""
    if lang == "en":
        shown = ", ".join(f"“{n}”" for n in names)
        return (
            f"Nothing to transfer: {shown} holds no file. A transfer made from folders needs "
            "at least one file: add files, or choose another folder."
        )
    shown = ", ".join(f"« {n} »" for n in names)
    verb = "contiennent" if len(names) > 1 else "contient"
    return (
        f"Rien à verser : {shown} ne {verb} aucun fichier. Un versement fait de dossiers doit "
        "contenir au moins un fichier : ajoutez des fichiers ou choisissez un autre dossier."
    )


__all__ = [
    "LANGS",
    "MAX_LISTED",
    "capped",
    "describe",
    "has_text",
    "more_text",
    "nothing_to_transfer",
    "nothing_to_transfer_text",
    "schema_summary",
    "severity_label",
    "text",
    "where",
]
