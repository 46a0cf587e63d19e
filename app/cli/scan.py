"""``verso scan``: a folder's inventory (formats, digests, findings) as text, CSV or JSON."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from app.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    _bases,
    _destination_problem,
    _display_path,
    _err,
    _missing_message,
    _missing_paths,
    _print_findings,
    _scan,
)
from app.cli.runtime import _WRITTEN, escape_undecodable
from app.labels import count
from app.messages import (
    describe,
)
from app.progress_bar import human_size
from seda.atomic import is_disk_full
from seda.findings import Finding
from seda.progress import Cancelled

# -- scan --------------------------------------------------------------------------------
_SCAN_COLUMNS = ("path", "size", "sha512", "puid", "format", "version", "mime", "findings")


def _inventory(result: Any) -> tuple[list[dict[str, Any]], list[Finding]]:
    """One row per file, with its findings; and the findings tied to no listed file."""
    from seda.scan import readable_source

    by_path: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_path.setdefault(f.path, []).append(f)
    rows = []
    used: set[str] = set()
    for root in result.roots:
        for unit in root.walk():
            for obj in unit.objects:
                # a zip member's findings name it by its zip: source or its readable path
                places = {obj.source, unit.source, readable_source(obj.source)} - {""}
                own = [f for place in sorted(places) for f in by_path.get(place, [])]
                used.update(places)
                rows.append(
                    {
                        "path": readable_source(obj.source),
                        "size": obj.size,
                        "sha512": obj.digest,
                        "puid": obj.format.puid,
                        "format": obj.format.name,
                        "version": obj.format.version,
                        "mime": obj.format.mime,
                        "modified": obj.last_modified,
                        "findings": own,
                    }
                )
    others = [f for f in result.findings if f.path not in used]
    return rows, others


# (key, column header) of the spreadsheet inventory, in order
_SCAN_COLUMNS_FR = (
    ("path", "Chemin"),
    ("name", "Nom du fichier"),
    ("size", "Taille (octets)"),
    ("modified", "Modifié le"),
    ("puid", "Identifiant PRONOM"),
    ("format", "Format"),
    ("version", "Version du format"),
    ("mime", "Type MIME"),
    ("sha512", "Empreinte SHA-512"),
    ("findings", "Remarques"),
)


def _write_inventory_csv(rows: list[dict[str, Any]], bases: Sequence[Path], out: TextIO) -> None:
    """The inventory as a French spreadsheet opens it with a double click: « ; » between
    columns, UTF-8 with a BOM (else accents come out garbled), headers and remarks in
    French, dates as JJ/MM/AAAA, sizes as plain numbers of bytes (summable). Written as
    bytes whatever the console's encoding: the file is UTF-8, not the terminal's."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow([title for _key, title in _SCAN_COLUMNS_FR])
    for r in rows:
        modified = r.get("modified")
        values = {
            **r,
            "path": _display_path(r["path"], bases),
            "name": Path(r["path"]).name,
            "modified": modified.strftime("%d/%m/%Y") if modified is not None else "",
            "puid": r["puid"] or "non identifié",
            "findings": " | ".join(describe(f, with_place=False) for f in r["findings"]),
        }
        writer.writerow([values[key] for key, _title in _SCAN_COLUMNS_FR])
    text, _ = escape_undecodable(buf.getvalue())  # names that are not valid UTF-8: \xe9
    data = ("\ufeff" + text).encode("utf-8")
    binary = getattr(out, "buffer", None)
    if binary is None:  # a text-only stream (tests): the same characters
        out.write(data.decode("utf-8"))
        return
    if out.isatty():  # a person reads it: what the console can display, no BOM
        out.write(text)
        return
    out.flush()
    binary.write(data)
    binary.flush()


def _finding_json(f: Finding) -> dict[str, Any]:
    from seda.scan import readable_source

    return {
        "code": str(f.code),
        "severity": str(f.severity),
        "path": readable_source(f.path),
        "line": f.line,
        "params": {
            k: v if isinstance(v, str | int | float | bool | None) else str(v)
            for k, v in f.params.items()
        },
        "message": describe(f, with_place=False),
    }


def cmd_scan(args: argparse.Namespace) -> int:
    from seda.scan import DEFAULT_EXCLUSIONS

    missing = _missing_paths(args.paths)
    if missing:
        for p in missing:
            _err(_missing_message(p))
        return EXIT_USAGE
    if args.output_file is not None:
        problem = _destination_problem(
            args.output_file,
            inputs=args.paths,
            force=args.force,
            name_hint="-o inventaire.csv",
            replace_hint="choisissez un autre nom ou ajoutez --force pour le remplacer.",
        )
        if problem is not None:
            _err(problem)
            return EXIT_USAGE
    try:
        result = _scan(args.paths, args.engine, DEFAULT_EXCLUSIONS, args.workers)
    except (Cancelled, KeyboardInterrupt):
        _err("Interrompu.")
        return EXIT_INTERRUPTED
    rows, others = _inventory(result)
    if args.output_file is not None:
        from seda.atomic import atomic_file
        from seda.safepath import UnsafeDestination

        try:
            with atomic_file(
                args.output_file,
                text=True,
                errors="backslashreplace",
                bom=False,  # the French CSV writes its own BOM (_write_inventory_csv)
                inputs=args.paths,
            ) as fh:
                _write_inventory(args, result, rows, others, fh, utf8=True)
        except UnsafeDestination as exc:
            _err(describe(exc.finding))
            return EXIT_USAGE
        except OSError as exc:
            reason = "disque plein" if is_disk_full(exc) else (exc.strerror or str(exc))
            _err(f"Échec : inventaire « {args.output_file} » non écrit ({reason}).")
            return EXIT_FAILED
        _WRITTEN.append(args.output_file)
        _err(f"Inventaire écrit : {args.output_file} ({count(len(rows), 'file')}).")
        return EXIT_OK
    out = sys.stdout
    utf8 = (getattr(out, "encoding", "") or "").lower().replace("-", "") in ("utf8", "utf8sig")
    _write_inventory(args, result, rows, others, out, utf8=utf8)
    return EXIT_OK


def _json_clean(value: Any) -> Any:
    """Every string made valid Unicode (undecodable name bytes escaped: ``escape_undecodable``)."""
    if isinstance(value, str):
        return escape_undecodable(value)[0]
    if isinstance(value, dict):
        return {_json_clean(k): _json_clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_clean(v) for v in value]
    return value


def _write_inventory(
    args: argparse.Namespace,
    result: Any,
    rows: list[dict[str, Any]],
    others: list[Finding],
    out: Any,
    *,
    utf8: bool,
) -> None:
    """The inventory in ``args.format`` to ``out``: always valid JSON (names that are not
    valid UTF-8 escaped ``\\xe9`` and flagged ``name_undecodable``; plain ASCII escapes
    when the output is not UTF-8), CSV with the same escaping."""
    if args.format == "json":
        files = []
        for r in rows:
            item = {
                **{k: v for k, v in r.items() if k != "modified"},
                "findings": [_finding_json(f) for f in r["findings"]],
            }
            if escape_undecodable(r["path"])[1]:
                item["name_undecodable"] = True
            files.append(item)
        doc = {
            "engine": result.engine,
            "signature_version": result.signature_version,
            "files": files,
            "other_findings": [_finding_json(f) for f in others],
        }
        # one write: json.dump's thousands of small writes cost more than the encoding
        out.write(json.dumps(_json_clean(doc), ensure_ascii=not utf8, indent=2) + "\n")
    elif args.format == "csv":
        _write_inventory_csv(rows, _bases(args.paths), out)
    elif args.format == "csv-raw":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_SCAN_COLUMNS)
        for r in rows:
            codes = ";".join(str(f.code) for f in r["findings"])
            writer.writerow(
                [
                    escape_undecodable(str(r[c]))[0] if c != "findings" else codes
                    for c in _SCAN_COLUMNS
                ]
            )
    else:
        bases = _bases(args.paths)
        for r in rows:
            name = f"{r['puid']} {r['format']}".strip() or "format non identifié"
            if r["version"]:
                name += f" {r['version']}"
            print(f"{_display_path(r['path'], bases)}", file=out)
            print(f"    {human_size(r['size'])} — {name} — {r['mime'] or '?'}", file=out)
            print(f"    SHA-512 {r['sha512'] or '?'}", file=out)
            for f in r["findings"]:
                print(f"    ! {describe(f, with_place=False)}", file=out)
        print(
            f"{count(len(rows), 'file')} ; moteur {result.engine} {result.signature_version}".rstrip(),
            file=out,
        )
        if others:
            print("Autres remarques :", file=out)
            _print_findings(others, bases, out, limit=None)
