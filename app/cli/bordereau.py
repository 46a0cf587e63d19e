"""``verso bordereau``: the printable transfer slip of a SIP (and the slip helpers of ``export``)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    XSD_ENV,
    _destination_problem,
    _err,
    _finding_lines,
    _given_files_problem,
    _interruptible,
    _load_preset_arg,
    _load_referential,
    _not_a_file,
    _preset_files,
    _scan,
    _UsageError,
)
from app.cli.runtime import _WRITTEN
from app.labels import count
from app.messages import (
    describe,
)
from app.progress_bar import TerminalProgress, human_size
from seda.findings import Finding
from seda.model import Package
from seda.progress import Cancelled


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
    preset = _load_preset_arg(args.preset) if args.preset else Preset()
    if preset is None:
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
            f"Attention : le service d'archives refuserait ce versement ({count(verdict.errors, 'error')}"
            " ; « verso check » ou la fenêtre pour le détail) ; le bordereau le dit.",
        )
        return EXIT_FAILED
    return EXIT_OK
