"""``verso check``: a SIP against the XSD, a transfer contract and archive profiles."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path
from typing import Any

from app.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    MAX_LINES_PER_SEVERITY,
    XSD_ENV,
    _err,
    _given_files_problem,
    _interruptible,
    _load_preset_arg,
    _load_profiles,
    _load_referential,
    _not_a_file,
    _not_a_folder,
    _print_findings,
    _UsageError,
)
from app.labels import count
from app.messages import (
    describe,
)
from app.progress_bar import TerminalProgress
from seda.findings import Severity
from seda.progress import Cancelled


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
        preset = _load_preset_arg(args.preset)
        if preset is None:
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
