"""``verso`` on the command line: export a SIP, check one, list a folder's formats, check a referential.

``export`` also writes the printable transfer slip beside the zip (``--no-bordereau`` to
skip); ``bordereau`` writes it for an existing SIP.

``verso`` without arguments opens the window. Everything the user reads is French;
progress goes to stderr, stdout carries only what was asked for (the export summary, the
scan inventory, the referential report), so ``verso scan --format json > x.json`` works.

Exit codes: 0 done, 1 the job failed (export refused, referential refused, nothing to
export, SIP the SAE would refuse, an unreadable file left out of an export without
``--skip-unreadable``, standard output full or closed, an unexpected error), 2 bad command
line or input (unknown folder, bad preset, a destination that is an input, a folder or a
special file: ``seda.safepath``), 130 interrupted (Ctrl+C), 128+N stopped by signal N
(SIGTERM, SIGHUP). No partial file is left behind: every writer uses a temporary file
renamed at the end, registered in ``seda.atomic`` so the signal handlers remove it too.
Never a traceback: ``main`` turns anything unexpected into a French message
(``VERSO_DEBUG=1`` shows the traceback).

One module per concern: ``parser`` (the command line), ``common`` (exit codes, checks of the
given files, findings printing), ``runtime`` (signals, the guarded standard output), then one
per command: ``export``, ``bordereau``, ``check``, ``scan``, ``table`` (``verso csv``),
``referential``, ``window`` (no command: the window). This module keeps ``main``.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Sequence

from app.cli.bordereau import cmd_bordereau
from app.cli.check import cmd_check
from app.cli.common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, _check_model, _err
from app.cli.export import cmd_export, refusal_line, sae_refusals
from app.cli.parser import build_parser
from app.cli.referential import cmd_referential_check, guess_referential_kind
from app.cli.runtime import (
    _TERMINATED_BY,
    _WRITTEN,
    DEBUG_ENV,
    _OutputLost,
    _said_written,
    _silence_stdout,
    _Stdout,
    _Terminated,
    _termination_handlers,
    escape_undecodable,
)
from app.cli.scan import cmd_scan
from app.cli.table import cmd_csv
from app.cli.window import _window_paths, open_window
from app.labels import count, is_plural
from seda.atomic import is_disk_full

__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "_check_model",
    "_window_paths",
    "build_parser",
    "cmd_bordereau",
    "cmd_check",
    "cmd_csv",
    "cmd_export",
    "cmd_referential_check",
    "cmd_scan",
    "escape_undecodable",
    "guess_referential_kind",
    "main",
    "open_window",
    "refusal_line",
    "sae_refusals",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``verso``; returns the exit code (see the module docstring).

    Never a traceback: SIGTERM/SIGHUP/Ctrl+C remove every temporary file, a full or closed
    standard output and any unexpected error end in a French message and exit 1
    (``VERSO_DEBUG=1`` shows the traceback)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or _window_paths(argv):
        return open_window(argv)
    from seda.atomic import remove_live_temps

    _WRITTEN.clear()
    _TERMINATED_BY.clear()
    if sys.stderr is None:  # `2>&-`: messages and progress go nowhere, but nothing breaks
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process
    stdout = sys.stdout
    guarded = _Stdout(stdout) if stdout is not None else None
    if guarded is not None:
        sys.stdout = guarded  # type: ignore[assignment]
    try:
        with _termination_handlers():
            code = _main(argv, stdout_closed=stdout is None)
            if guarded is not None:
                guarded.flush()
        if _TERMINATED_BY:  # the command unwound and said so ("Interrompu : …")
            remove_live_temps()
            return 128 + _TERMINATED_BY[0]
        if guarded is not None and guarded.replaced:
            _err(
                f"Remarque : {count(guarded.replaced, 'character')} que la sortie standard "
                f"({guarded.encoding}) ne sait pas afficher "
                f"{'ont été remplacés' if is_plural(guarded.replaced) else 'a été remplacé'} "
                "(« -o FICHIER » écrit un fichier UTF-8 complet)."
            )
        return code
    except _Terminated as exc:
        remove_live_temps()
        _err(f"Arrêté (signal {exc.signum}) : {_said_written()}")
        return 128 + exc.signum
    except _OutputLost as exc:
        remove_live_temps()
        if guarded is not None:
            sys.stdout = stdout
        _silence_stdout()
        if exc.error.errno == errno.EPIPE:  # `verso scan | head`: the reader left
            return EXIT_OK
        reason = "disque plein" if is_disk_full(exc.error) else (exc.error.strerror or str(exc))
        _err(f"Erreur : impossible d'écrire sur la sortie standard ({reason}). {_said_written()}")
        return EXIT_FAILED
    except RecursionError:
        remove_live_temps()
        _err(
            "Erreur : un fichier donné est imbriqué trop profondément pour être lu "
            f"(structure anormale ou fichier malveillant). {_said_written()}"
        )
        return EXIT_FAILED
    except MemoryError:
        remove_live_temps()
        _err(f"Erreur : mémoire insuffisante pour traiter ces fichiers. {_said_written()}")
        return EXIT_FAILED
    except Exception as exc:  # the last resort: never a traceback for a user
        remove_live_temps()
        if os.environ.get(DEBUG_ENV):
            import traceback

            traceback.print_exc()
        _err(
            f"Erreur inattendue : {type(exc).__name__}: {exc}\n{_said_written()}\n"
            f"(Pour le détail technique, relancez avec la variable d'environnement {DEBUG_ENV}=1.)"
        )
        return EXIT_FAILED
    finally:
        remove_live_temps()
        if guarded is not None and sys.stdout is guarded:
            sys.stdout = stdout


def _main(argv: list[str], *, stdout_closed: bool) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors
        return (
            exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_USAGE)
        )
    if getattr(args, "func", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if getattr(args, "preset", None):  # `--preset example`: the profile shipped with Verso
        from app.presets import shipped_preset

        args.preset = str(shipped_preset(args.preset))
    if stdout_closed and not getattr(args, "output_file", None):
        _err(
            "Erreur : la sortie standard est fermée, Verso ne pourrait rien y écrire ; "
            "rien n'a été fait (aucun fichier écrit)."
        )
        return EXIT_FAILED
    try:
        return int(args.func(args))
    except _Terminated:
        raise
    except KeyboardInterrupt:
        _err("Interrompu.")
        return EXIT_INTERRUPTED
