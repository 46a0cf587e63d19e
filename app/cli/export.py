"""``verso export``: a folder (or a ReSIP CSV) to a SIP zip, with its transfer slip."""

from __future__ import annotations

import argparse
import dataclasses
import io
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from app.cli.bordereau import _export_slip_path, _write_slip
from app.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    MAX_LINES_PER_SEVERITY,
    TOP_FORMATS,
    _bases,
    _check_model,
    _check_preset_profiles,
    _destination_problem,
    _display_path,
    _err,
    _finding_lines,
    _given_files_problem,
    _interruptible,
    _load_preset_arg,
    _load_referential,
    _missing_message,
    _missing_paths,
    _preset_files,
    _print_findings,
    _resolve_attachment,
    _scan,
    _scan_without_refused,
    _shield_workers_from_ctrl_c,
    _UsageError,
    _without_repeats,
)
from app.cli.runtime import _WRITTEN
from app.labels import count, is_plural
from app.messages import (
    nothing_to_transfer,
    nothing_to_transfer_text,
    reason,
)
from app.progress_bar import TerminalProgress, human_size
from seda.findings import Code, Finding, Severity
from seda.model import Attachment, Package
from seda.progress import Cancelled


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
    from app.presets import Preset, apply_preset

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
        preset = _load_preset_arg(args.preset)
        if preset is None:
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
        shown.append(reason(f))
    more = len(refusals) - len(shown)
    tail = f" (et {more} {'autres' if is_plural(more) else 'autre'})" if more > 0 else ""
    return (
        f"Le service d'archives refusera ce versement : {count(len(refusals), 'blocking_problem')}"
        ", dont : " + " ; ".join(shown) + tail + "."
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
            f"Tableau « {path} » refusé ({count(len(errors), 'problem')} à corriger) ; "
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
