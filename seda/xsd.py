"""Validate a manifest against the SEDA XSDs: the standard, or Vitam's ingest flavour.

The XSDs are not shipped with Verso: the caller passes ``xsd_root``, the folder holding
``<v>/seda-<v>-main.xsd`` (standard, loaded by lxml/libxml2) and
``<v>/vitam/seda-vitam-main.xsd`` (Vitam's flavour, XSD 1.1 as Vitam validates it:
libxml2 refuses it as non deterministic, so it is loaded by the pure-Python ``xmlschema``
package as ``XMLSchema11`` in ``lax`` mode,
imported lazily because it may not be installed). Loaded schemas are cached per
(path, flavour) for the life of the process.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Literal

from lxml import etree

from seda.findings import Code, Finding, Severity
from seda.model import SEDA_VERSIONS

Flavour = Literal["standard", "vitam"]
FLAVOURS: tuple[Flavour, ...] = ("standard", "vitam")
DEFAULT_MAX_ERRORS = 200

_cache: dict[tuple[Path, str], Any] = {}
_locks: dict[tuple[Path, str], threading.Lock] = {}
_cache_lock = threading.Lock()


class SchemaUnavailable(RuntimeError):
    """The schema cannot be used. ``reason``: ``"xmlschema_missing"`` (package not
    installed), ``"xsd_missing"`` (no such file) or ``"xsd_invalid"`` (does not load)."""

    def __init__(self, reason: str, path: Path, detail: str = "") -> None:
        super().__init__(f"{reason}: {path}" + (f" ({detail})" if detail else ""))
        self.reason = reason
        self.path = path
        self.detail = detail


def schema_path(version: str, xsd_root: Path, flavour: Flavour = "standard") -> Path:
    """Where the main XSD of ``version``/``flavour`` lives under ``xsd_root``."""
    if version not in SEDA_VERSIONS:
        raise ValueError(f"unsupported SEDA version {version!r}")
    if flavour == "standard":
        return Path(xsd_root) / version / f"seda-{version}-main.xsd"
    if flavour == "vitam":
        return Path(xsd_root) / version / "vitam" / "seda-vitam-main.xsd"
    raise ValueError(f"unknown flavour {flavour!r}")


def load_schema(version: str, xsd_root: Path, *, flavour: Flavour = "standard") -> Any:
    """The loaded schema (``etree.XMLSchema`` or ``xmlschema.XMLSchema``), cached."""
    path = schema_path(version, xsd_root, flavour).resolve()
    key = (path, flavour)
    with _cache_lock:
        schema = _cache.get(key)
        if schema is not None:
            return schema
        lock = _locks.setdefault(key, threading.Lock())
    with lock:  # one load per key, other keys load in parallel
        schema = _cache.get(key)
        if schema is None:
            schema = _load(path, flavour)
            _cache[key] = schema
    return schema


def _load(path: Path, flavour: str) -> Any:
    if not path.is_file():
        raise SchemaUnavailable("xsd_missing", path)
    if flavour == "standard":
        try:
            parser = etree.XMLParser(no_network=True, resolve_entities=False)
            return etree.XMLSchema(etree.parse(str(path), parser))
        except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
            raise SchemaUnavailable("xsd_invalid", path, str(exc)) from exc
    try:
        import xmlschema  # lazily: a test/optional dependency
    except ImportError as exc:
        raise SchemaUnavailable("xmlschema_missing", path, str(exc)) from exc
    try:
        # Vitam validates in XSD 1.1 mode (ValidationXsdUtils: Xerces xsd11); as XSD 1.0
        # its flavour breaks the Unique Particle Attribution rule.
        return xmlschema.XMLSchema11(str(path), validation="lax")
    except (xmlschema.XMLSchemaException, OSError, etree.LxmlError) as exc:
        raise SchemaUnavailable("xsd_invalid", path, str(exc)) from exc


def unit_of(elem: Any) -> str:
    """The path of titles of the archive unit holding ``elem`` ("" outside units)."""
    titles: list[str] = []
    node = elem
    while node is not None:
        tag = getattr(node, "tag", None)
        if isinstance(tag, str) and etree.QName(tag).localname == "ArchiveUnit":
            ns = etree.QName(tag).namespace
            title = node.findtext(f"{{{ns}}}Content/{{{ns}}}Title") if ns else None
            titles.append((title or "").strip() or node.get("id") or "?")
        node = node.getparent() if hasattr(node, "getparent") else None
    return " / ".join(reversed(titles))


def _finding(
    message: str, line: int | None, xpath: str = "", file: str = "", unit: str = ""
) -> Finding:
    params: dict[str, Any] = {"message": message, "line": line}
    if xpath:
        params["xpath"] = xpath
    if unit:
        params["unit"] = unit
    return Finding(Code.VAL_SCHEMA, Severity.ERROR, file or "manifest.xml", params, line=line)


def validate(
    manifest: bytes | Path,
    version: str,
    xsd_root: Path,
    *,
    flavour: Flavour = "standard",
    max_errors: int = DEFAULT_MAX_ERRORS,
) -> list[Finding]:
    """Schema errors of ``manifest`` (its bytes or its path) as ``VAL_SCHEMA`` findings
    (params ``message``, ``line``, and ``xpath`` for the Vitam flavour); empty when valid.

    At most ``max_errors`` findings (a broken writer can produce one per unit). A manifest
    that is not well-formed gives one finding, an unreadable file one ``MANIFEST_UNREADABLE``
    finding. Raises ``SchemaUnavailable`` when the XSD
    cannot be used (missing file, ``xmlschema`` not installed for the Vitam flavour).
    """
    schema = load_schema(version, xsd_root, flavour=flavour)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    file = "" if isinstance(manifest, bytes) else Path(manifest).name
    try:
        if isinstance(manifest, bytes):
            doc = etree.fromstring(manifest, parser).getroottree()
        else:
            doc = etree.parse(str(manifest), parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) and exc.lineno > 0 else None
        return [_finding(exc.msg or str(exc), line, file=file)]
    except OSError as exc:
        return [
            Finding(Code.MANIFEST_UNREADABLE, Severity.ERROR, str(manifest), {"error": str(exc)})
        ]
    key = (schema_path(version, xsd_root, flavour).resolve(), flavour)
    with _locks.setdefault(key, threading.Lock()):  # validators are not thread-safe
        if flavour == "standard":
            schema.validate(doc)
            errors = schema.error_log
            return [_finding(e.message, e.line or None, file=file) for e in errors][:max_errors]
        try:
            return _vitam_errors(schema, doc, file, max_errors)
        except RecursionError:  # xmlschema walks the tree recursively: a crafted depth
            return [
                _finding(
                    "document nested too deeply to be checked against the schema", None, file=file
                )
            ]


def _vitam_errors(schema: Any, doc: Any, file: str, max_errors: int) -> list[Finding]:
    findings: list[Finding] = []
    for error in schema.iter_errors(doc):
        line = getattr(error, "sourceline", None)
        reason = str(error.reason or error.message)
        elem = getattr(error, "elem", None)
        if elem is not None and isinstance(getattr(elem, "tag", None), str):
            reason = f"{etree.QName(elem).localname}: {reason}"  # xmlschema omits it
        unit = unit_of(elem) if elem is not None and hasattr(elem, "getparent") else ""
        findings.append(
            _finding(reason, line if isinstance(line, int) else None, error.path or "", file, unit)
        )
        if len(findings) >= max_errors:
            break
    return findings


__all__ = ["FLAVOURS", "SchemaUnavailable", "load_schema", "schema_path", "validate"]
