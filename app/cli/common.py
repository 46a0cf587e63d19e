"""Shared by the ``verso`` commands: exit codes, messages on stderr, Ctrl+C around progress,
given-file and destination checks, findings printing, the scan and the model checks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from app.messages import (
    MAX_LISTED,
    describe,
    more_text,
    severity_label,
)
from app.progress_bar import TerminalProgress
from seda.findings import Finding, Severity
from seda.model import Attachment, Package

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

ENGINES = ("siegfried", "fido")
MAX_LINES_PER_SEVERITY = 20
TOP_FORMATS = 8


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


def _load_preset_arg(path: str) -> Any:
    """The preset named by ``--preset``, or None once its mistakes are said on stderr
    (each with its line; the caller returns ``EXIT_USAGE``)."""
    from app.presets import PresetError, load_preset

    try:
        return load_preset(path)
    except PresetError as exc:
        _err(str(exc))
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


# -- check -------------------------------------------------------------------------------
XSD_ENV = "VERSO_XSD_DIR"


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
