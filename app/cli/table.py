"""``verso csv``: a folder, work file or SIP to a ReSIP metadata CSV."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, _err
from app.labels import count, is_plural
from app.messages import (
    describe,
)
from seda.model import Package


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
            f"  {count(len(report.skipped), 'item')} sans colonne possible, "
            f"non écrit{'s' if is_plural(len(report.skipped)) else ''} : "
            + ", ".join(names[:10])
            + (" …" if len(names) > 10 else "")
        )
    if report.replaced:
        print(
            f"  « ? » écrit à la place de {count(report.replaced, 'character')} hors de "
            "Windows-1252 (utilisez l'UTF-8 pour les garder)."
        )
    return EXIT_OK
