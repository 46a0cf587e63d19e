"""``verso referential check``: a rules, agencies, tree or metadata CSV file, checked."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, _err, _finding_lines, _not_a_file
from app.labels import category_label, count, level_label, with_code
from app.messages import (
    MAX_LISTED,
    describe,
)
from seda.findings import Severity


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
        print(f"{label} « {path} » refusé ({count(len(exc.findings), 'problem')}) :")
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
        print(f"Tableau refusé ({count(len(errors), 'problem')}) :")
        for f in exc.findings:
            print(f"  - {describe(dataclasses.replace(f, path=''))}")
        return EXIT_FAILED
    stats = imported.package.stats()
    print(f"Tableau accepté : {count(stats.units, 'archive_unit')}, {count(stats.files, 'file')}.")
    for f in imported.findings:
        print(f"  - {describe(dataclasses.replace(f, path=''))}")
    return EXIT_OK
