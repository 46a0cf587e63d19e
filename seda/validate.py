"""Check a package the way the SAE (Vitam) will, before the deposit.

Two levels, both returning coded ``Finding``s (``app.messages`` words them):

``check_package(package, ...)``
    What an archivist can fix in the app, on the model: header identifiers Vitam requires,
    unknown agencies, empty titles, dates, description levels, markup, management rules
    (``seda.rules.check_rules``), object groups (versions, digests, sizes, formats),
    attachments to the positioning tree, and what an ingest contract allows. Each finding
    about a unit carries its ``unit_uid``.

``check_sip(path, ...)``
    What the SAE checks at ingest and can be seen offline, on a SIP zip: the zip itself
    (``read_sip``: safe entries, names, one manifest), the XSDs, every digest and size
    recomputed (``verify_sip``), Uris and undeclared files, what the model does not keep
    (digest spelling, physical objects, references to objects instead of groups, orphan
    groups, value lengths, element order), optionally the formats identified again, then
    ``check_package`` on the manifest read back.

Severity: ``ERROR`` the SAE will refuse the transfer; ``WARNING`` it accepts it (maybe with
a warning) but the user should look; ``INFO`` for information.

Schema policy (decided here, see ``_check_schemas``): the SAE validates against its own
flavour of the SEDA XSD, so a Vitam-flavour error is an ERROR. Vitam's flavour adds
elements the standard lacks (``UpdateOperation`` for attachments, ``HoldRule`` in 2.1,
ontology extensions), so a manifest that fails only the standard XSD is a single WARNING
("valid for Vitam only": another SEDA SAE may refuse it), never an error. Vitam's flavour
ends several sequences with a lax wildcard that the pure-Python validator lets swallow
out-of-order elements the SAE (Java) refuses; ``_check_order`` restores that check.

Contracts are the SAE's ingest-contract JSON (``load_contract`` picks the one named by
ArchivalAgreement from a file holding a list). Vitam's defaults are applied: a contract
without ``FormatUnidentifiedAuthorized`` refuses unidentified formats.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Collection, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from lxml import etree

from seda.atomic import forget_temp, register_temp
from seda.findings import Code, Finding, Severity
from seda.model import ArchiveUnit, BinaryObject, DescriptionLevel, Management, Package
from seda.package import HASH_NAMES, SipError, manifest_name_ok, read_sip, split_zip_source
from seda.progress import Progress, check
from seda.referentials.agencies_csv import AgenciesReferential
from seda.referentials.rules_csv import RulesReferential
from seda.referentials.tree import is_guid
from seda.rules import check_rules
from seda.sanitize import is_safe, problems, sanitize
from seda.xsd import SchemaUnavailable

# Vitam's default ``classificationLevel`` allow-list (platform configuration).
DEFAULT_CLASSIFICATION_LEVELS = ("Secret Défense", "Confidentiel Défense")
# Elasticsearch keyword limit Vitam enforces on indexed values (ontology "keyword" fields).
KEYWORD_MAX_BYTES = 32766
# Vitam's default ontology (shared/vitam-ontology/VitamOntology.json, 7.0.1): the typed
# fields of units and object groups; every other field is TEXT/KEYWORD (length only).
ONTOLOGY_UNIT: dict[str, str] = {
    **dict.fromkeys(
        (
            "AcquiredDate BirthDate ClassificationReassessingDate CreatedDate DeathDate EndDate "
            "HoldEndDate HoldReassessingDate MaxEndDate ReceivedDate RegisteredDate SentDate "
            "SigningTime StartDate TimeStamp TransactedDate ValidationTime evDateTime "
            "indexationDate ud"
        ).split(),
        "DATE",
    ),
    "GpsAltitude": "LONG",
    **dict.fromkeys(
        "NeedAuthorization NeedReassessingAuthorization PreventInheritance "
        "PreventRearrangement".split(),
        "BOOLEAN",
    ),
}
ONTOLOGY_OBJECT_GROUP: dict[str, str] = {
    "DateCreatedByApplication": "DATE",
    "LastModified": "DATE",
    "DataObjectNumber": "LONG",
    "NumberOfPage": "LONG",
    "Size": "LONG",
    "dValue": "DOUBLE",
}
# OntologyValidator's DATE: u-MM-dd['T'HH:mm:ss[.S{1-6}][xxx][X]][xxx][X], or with '/'.
_OFFSET = r"(?:Z|[+-]\d{2}(?::?\d{2})?)"
_ONTOLOGY_DATE = re.compile(
    rf"[+-]?\d+(?P<s>[-/])(?P<m>\d{{2}})(?P=s)(?P<d>\d{{2}})"
    rf"(?:T(?P<H>\d{{2}}):(?P<M>\d{{2}}):(?P<S>\d{{2}})(?:\.\d{{1,6}})?{_OFFSET}?{_OFFSET}?)?"
    rf"{_OFFSET}?{_OFFSET}?"
)
# Vitam's archive-unit schema (row 26): rule dates, content dates, languages.
_RULE_DATE = re.compile(r"[0-8][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")
_LANG = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_CONTENT_DATES = frozenset(
    "CreatedDate TransactedDate AcquiredDate SentDate ReceivedDate RegisteredDate StartDate "
    "EndDate".split()
)
_NON_EMPTY = frozenset(
    "SystemId FilePlanPosition OriginatingSystemId ArchivalAgencyArchiveUnitIdentifier "
    "OriginatingAgencyArchiveUnitIdentifier TransferringAgencyArchiveUnitIdentifier "
    "Description HoldOwner HoldReason".split()
)
# GUIDImpl accepts base32 (36), hex (44), base64url (30) and ark forms.
_GUID_FORMS = re.compile(
    r"(ark:/[0-9]+/)?([a-zA-Z2-7]{36}|[0-9a-fA-F]{44}|[A-Za-z0-9_-]{30})(/.*)?"
)


def _content_date_ok(value: str) -> bool:
    """Vitam's unit schema on a content date once the ontology stored it (a local date or
    date-time, offset dropped, '/' read as '-'): a date needs a year 0000-8999, a
    date-time a 4-digit year and at most 3 decimals of seconds."""
    m = _ONTOLOGY_DATE.fullmatch(value)
    if m is None:
        return True  # the ontology check already refused it
    year = value[: m.start("s")]
    if not re.fullmatch(r"[0-9]{4}", year):
        return False
    if m["H"] is None:
        return year[0] != "9"
    fraction = re.search(r"\.([0-9]+)", value[m.end("S") :])
    return fraction is None or len(fraction.group(1)) <= 3


def vitam_guid_ok(value: str) -> bool:
    """True when ``value`` parses as a Vitam GUID (syntax only, row 28)."""
    return bool(_GUID_FORMS.fullmatch(value.strip()))


def ontology_ok(value: str, kind: str) -> bool:
    """True when Vitam's OntologyValidator accepts ``value`` for a field of type ``kind``."""
    value = value.strip()
    if kind == "DATE":
        m = _ONTOLOGY_DATE.fullmatch(value)
        if m is None or not 1 <= int(m["m"]) <= 12 or not 1 <= int(m["d"]) <= 31:
            return False  # SMART resolver: day 29-31 of a short month is clamped, not refused
        return m["H"] is None or (int(m["H"]) < 24 and int(m["M"]) < 60 and int(m["S"]) < 60)
    if kind == "LONG":
        return bool(re.fullmatch(r"[+-]?[0-9]+", value)) and -(2**63) <= int(value) < 2**63
    if kind == "DOUBLE":
        try:
            float(value)
        except ValueError:
            return False
        return bool(value)
    if kind == "BOOLEAN":
        return value.lower() in ("true", "false")
    return True


_LEVELS = frozenset(str(level) for level in DescriptionLevel)
_BINARY_VERSION = re.compile(
    r"(BinaryMaster|Dissemination|Thumbnail|TextContent)(_[0-9]+)?"
)  # row 12: N >= 0
_PHYSICAL_VERSION = re.compile(r"PhysicalMaster(_[0-9]+)?")
_LOWER_HEX = re.compile(r"[0-9a-f]+")
_CHECK_PARENT_VALUES = ("AUTHORIZED", "REQUIRED", "UNAUTHORIZED", "ACTIVE", "INACTIVE")
# Parents whose Vitam content model ends with a lax wildcard (see _check_order).
_ORDERED_PARENTS = ("Content", "ManagementMetadata", "Management")


def _err(code: str, path: str = "", unit: ArchiveUnit | None = None, **params: Any) -> Finding:
    return Finding(code, Severity.ERROR, path, params, unit.uid if unit is not None else None)


def _warn(code: str, path: str = "", unit: ArchiveUnit | None = None, **params: Any) -> Finding:
    return Finding(code, Severity.WARNING, path, params, unit.uid if unit is not None else None)


def _info(code: str, path: str = "", unit: ArchiveUnit | None = None, **params: Any) -> Finding:
    return Finding(code, Severity.INFO, path, params, unit.uid if unit is not None else None)


def unit_path(unit: ArchiveUnit) -> str:
    """The unit as the referent finds it: its titles from the root, "Fonds / Série / Dossier"."""
    titles: list[str] = []
    node: ArchiveUnit | None = unit
    while node is not None:
        titles.append(node.title.strip() or "?")
        node = node.parent
    return " / ".join(reversed(titles))


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when one finding is an ERROR (the SAE would refuse the transfer)."""
    return any(f.severity == Severity.ERROR for f in findings)


# ---------------------------------------------------------------------------------------
# ingest contracts
# ---------------------------------------------------------------------------------------


class ContractError(Exception):
    """The contract file cannot be used; ``findings`` say why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(", ".join(str(f.code) for f in findings))
        self.findings = findings


def load_contract(path: str | os.PathLike[str], identifier: str = "") -> dict[str, Any]:
    """The ingest contract in the JSON file ``path`` (the SAE's import format: a list of
    contracts, or one). With several, the one whose ``Identifier`` (or ``Name``) is
    ``identifier`` (the package's ArchivalAgreement). Raises ``ContractError``."""
    shown = os.fspath(path)
    try:
        with open(path, "rb") as fh:
            doc = json.loads(fh.read().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ContractError([_err(Code.VAL_CONTRACT_INVALID, shown, error=str(exc))]) from exc
    except RecursionError as exc:  # a crafted file nested thousands of levels deep
        raise ContractError(
            [_err(Code.VAL_CONTRACT_INVALID, shown, error="nested too deeply")]
        ) from exc
    items = doc if isinstance(doc, list) else [doc]
    contracts = [c for c in items if isinstance(c, dict)]
    if not contracts or len(contracts) != len(items):
        raise ContractError(
            [_err(Code.VAL_CONTRACT_INVALID, shown, error="not an ingest contract (JSON object)")]
        )
    if len(contracts) == 1:
        return contracts[0]
    for key in ("Identifier", "Name"):
        for contract in contracts:
            if identifier and str(contract.get(key, "")) == identifier:
                return contract
    available = [str(c.get("Identifier") or c.get("Name") or "?") for c in contracts]
    raise ContractError(
        [_err(Code.VAL_CONTRACT_NOT_FOUND, shown, identifier=identifier, available=available)]
    )


def _contract_name(contract: Mapping[str, Any]) -> str:
    return str(contract.get("Identifier") or contract.get("Name") or "")


def _flag(contract: Mapping[str, Any], name: str, default: bool) -> bool:
    value = contract.get(name, default)
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


# ---------------------------------------------------------------------------------------
# check_package
# ---------------------------------------------------------------------------------------


def _utf8_size(value: str) -> int:
    return len(value.encode("utf-8", "surrogatepass"))


def _check_header(
    package: Package,
    agencies: AgenciesReferential | None,
    contract: Mapping[str, Any] | None,
    out: list[Finding],
    kind: str = "ingest",
) -> None:
    h = package.header
    # Vitam refuses a transfer without an ingest contract (CHECK_CONTRACT_INGEST), without
    # its two agencies (XSD) and without an originating agency (CHECK_AGENT: the accession
    # register needs it). A missing SubmissionAgencyIdentifier is filled in by the SAE.
    required = (
        ("ArchivalAgreement", h.archival_agreement),
        ("ArchivalAgency", h.archival_agency),
        ("TransferringAgency", h.transferring_agency),
        ("OriginatingAgencyIdentifier", h.originating_agency),
    )
    for name, value in required:
        if not value.strip():
            # A holding tree is ingested without accession register nor ingest contract
            # check; when the kind is unknown (a SIP without objects may be one), warn.
            optional = ("OriginatingAgencyIdentifier", "ArchivalAgreement")
            if name in optional and kind == "holding":
                continue
            make = _warn if name in optional and kind == "tree?" else _err
            out.append(make(Code.VAL_MISSING_HEADER, field=name, kind=kind))
    if agencies is not None:
        for name, value in (
            ("OriginatingAgencyIdentifier", h.originating_agency),
            ("SubmissionAgencyIdentifier", h.submission_agency),
        ):
            value = value.strip()
            if value and value not in agencies:
                out.append(_err(Code.VAL_UNKNOWN_AGENCY, field=name, identifier=value))
    if contract is not None:
        name = _contract_name(contract)
        agreement = h.archival_agreement.strip()
        if contract.get("Identifier") and agreement and agreement != name:
            out.append(_warn(Code.VAL_CONTRACT_MISMATCH, contract=name, agreement=agreement))
        if str(contract.get("Status", "ACTIVE")).upper() == "INACTIVE":
            out.append(_err(Code.VAL_CONTRACT_INACTIVE, contract=name))


def _adapted(unit: ArchiveUnit, name: str, value: str, out: list[Finding]) -> None:
    """What the export will write instead of a value the SAE's sanitizer refuses (INFO:
    ``seda.manifest`` makes it safe; the SAE then accepts it)."""
    if value and not is_safe(value):
        fixed = sanitize(value)
        if fixed != value:
            out.append(
                _info(Code.EXPORT_ADAPTED, unit=unit, field=name, original=value, adapted=fixed)
            )


def _check_text(unit: ArchiveUnit, out: list[Finding]) -> None:
    fields: list[tuple[str, str]] = [("Title", unit.title), ("Description", unit.description)]
    fields += [("KeywordContent", kw.content) for kw in unit.keywords]
    fields += [("FilePlanPosition", v) for v in unit.file_plan_position]
    fields += [("ArchivalAgencyArchiveUnitIdentifier", v) for v in unit.archival_ids]
    fields += [("OriginatingAgencyArchiveUnitIdentifier", v) for v in unit.originating_ids]
    fields += [("Filename", obj.filename) for obj in unit.objects]
    for name, value in fields:
        _adapted(unit, name, value, out)
    limited: list[tuple[str, str]] = [("Keyword", kw.content) for kw in unit.keywords]
    limited += [("OriginatingAgencyArchiveUnitIdentifier", v) for v in unit.originating_ids]
    limited += [("ArchivalAgencyArchiveUnitIdentifier", v) for v in unit.archival_ids]
    limited += [("FilePlanPosition", v) for v in unit.file_plan_position]
    for name, value in limited:
        size = _utf8_size(value)
        if size > KEYWORD_MAX_BYTES:
            out.append(
                _err(Code.VAL_TOO_LONG, unit=unit, field=name, size=size, limit=KEYWORD_MAX_BYTES)
            )


def _check_classification(
    management: Management,
    unit: ArchiveUnit | None,
    allowed: Collection[str] | None,
    out: list[Finding],
) -> None:
    block = management.rules.get("ClassificationRule")
    if block is None or not block.classification_level:
        return
    levels = DEFAULT_CLASSIFICATION_LEVELS if allowed is None else tuple(allowed)
    if block.classification_level not in levels:
        # The allow-list is the platform's configuration: only sure when the caller gave it.
        make = _warn if allowed is None else _err
        out.append(
            make(
                Code.VAL_CLASSIFICATION_LEVEL,
                unit=unit,
                value=block.classification_level,
                allowed=list(levels),
            )
        )


def _check_unit(
    unit: ArchiveUnit, allowed_levels: Collection[str] | None, out: list[Finding]
) -> None:
    if not unit.title.strip():
        out.append(_err(Code.VAL_NO_TITLE, unit=unit))
    if str(unit.level) not in _LEVELS:
        out.append(_err(Code.VAL_BAD_LEVEL, unit=unit, value=str(unit.level)))
    if unit.start_date and unit.end_date and unit.start_date > unit.end_date:
        out.append(
            _err(
                Code.VAL_DATES_ORDER,
                unit=unit,
                start=unit.start_date.isoformat(),
                end=unit.end_date.isoformat(),
            )
        )
    _check_text(unit, out)
    _check_classification(unit.management, unit, allowed_levels, out)


def _version_key(version: str) -> str:
    """``BinaryMaster`` and ``BinaryMaster_1`` are the same version for the SAE."""
    usage, _, number = version.rpartition("_")
    return version if usage and number.isdigit() else f"{version}_1"


def _object_path(obj: BinaryObject) -> str:
    """Where the user finds the object: its file, or its member in a SIP zip."""
    split = split_zip_source(obj.source)
    return split[1] if split is not None else obj.source or obj.filename


def _check_object(
    unit: ArchiveUnit,
    obj: BinaryObject,
    contract: Mapping[str, Any] | None,
    out: list[Finding],
) -> None:
    path = _object_path(obj)
    if not _BINARY_VERSION.fullmatch(obj.version):
        out.append(_err(Code.VAL_BAD_VERSION, path, unit, version=obj.version, kind="binary"))
    digest = obj.digest.strip()
    if not digest:
        out.append(_err(Code.VAL_NO_DIGEST, path, unit))
    elif not _LOWER_HEX.fullmatch(digest):
        out.append(_err(Code.VAL_DIGEST_FORMAT, path, unit, value=digest[:16]))
    _check_extension(unit, obj, path, out)
    if obj.digest_algorithm not in HASH_NAMES:
        out.append(_err(Code.VAL_BAD_ALGORITHM, path, unit, algorithm=obj.digest_algorithm))
    if obj.size <= 0:
        out.append(_warn(Code.VAL_EMPTY_OBJECT, path, unit))
    fmt = obj.format
    if not fmt.known:
        # Vitam identifies formats itself (Siegfried) and, by default (no contract given:
        # Vitam's default contract), refuses what it cannot identify unless the contract
        # says FormatUnidentifiedAuthorized.
        refused = contract is None or not _flag(contract, "FormatUnidentifiedAuthorized", False)
        make = _err if refused else _warn
        out.append(make(Code.VAL_UNKNOWN_FORMAT, path, unit, filename=obj.filename))
    elif contract is not None and not _flag(contract, "EveryFormatType", True):
        allowed = [str(p) for p in contract.get("FormatType") or []]
        if allowed and fmt.puid not in allowed:
            out.append(
                _err(Code.VAL_FORMAT_NOT_ALLOWED, path, unit, puid=fmt.puid, allowed=allowed)
            )


def _check_extension(unit: ArchiveUnit, obj: BinaryObject, path: str, out: list[Finding]) -> None:
    """A file whose extension contradicts the format its bytes show (siegfried's
    "extension mismatch" on a signature match): "this .pdf is in fact a JPEG image"."""
    fmt = obj.format
    ext = os.path.splitext(obj.filename)[1].lstrip(".")
    if not (fmt.known and ext and "extension mismatch" in fmt.warning):
        return
    if fmt.basis.startswith(("text match", "extension match")):
        return  # no byte signature: nothing contradicts the name
    from seda.sae_formats import extensions_of

    expected = extensions_of(fmt.puid)
    if ext.lower() in expected:
        return
    name = fmt.name + (f" {fmt.version}" if fmt.version else "")
    out.append(
        _warn(
            Code.VAL_EXTENSION_MISMATCH,
            path,
            unit,
            extension=ext,
            puid=fmt.puid,
            format=name or fmt.puid,
            expected=expected[0] if expected else "?",
        )
    )


def _sae_format_finding(
    unit: ArchiveUnit,
    obj: BinaryObject,
    path: str,
    sae_puid: str,
    contract: Mapping[str, Any] | None,
    signatures: str,
) -> Finding | None:
    """The finding for an object the SAE identifies as ``sae_puid`` ("" = not at all)."""
    ours = obj.format.puid
    if not sae_puid:
        refused = contract is None or not _flag(contract, "FormatUnidentifiedAuthorized", False)
        make = _err if refused else _warn
        return make(
            Code.VAL_SAE_UNKNOWN_FORMAT,
            path,
            unit,
            filename=obj.filename,
            puid=ours,
            signatures=signatures,
        )
    if sae_puid != ours:
        return _info(
            Code.VAL_SAE_OTHER_FORMAT,
            path,
            unit,
            filename=obj.filename,
            puid=ours,
            sae_puid=sae_puid,
            signatures=signatures,
        )
    return None


def _check_sae_formats(
    units: list[ArchiveUnit], contract: Mapping[str, Any] | None, out: list[Finding]
) -> None:
    """Files Verso identified that the SAE's older signatures may not (row 20): only those
    are read again (``seda.sae_formats``); objects not on disk are left to ``check_sip``."""
    from seda.sae_formats import SaePredictor, needs_file

    predictor: SaePredictor | None = None
    for unit in units:
        for obj in unit.objects:
            if not needs_file(obj.format) or not os.path.isfile(obj.source):
                continue
            predictor = predictor or SaePredictor()
            try:
                sae = predictor.predict(obj.source, obj.format)
            except Exception:  # noqa: BLE001 - fido failing must not stop the checks
                continue
            found = _sae_format_finding(
                unit, obj, _object_path(obj), sae, contract, predictor.signatures
            )
            if found is not None:
                out.append(found)


def _check_duplicates(units: list[ArchiveUnit], out: list[Finding]) -> None:
    """The same bytes (SHA-512) in several places: one WARNING per group (the SAE stores
    every copy; the referent may keep one and reference it)."""
    groups: dict[str, list[tuple[ArchiveUnit, BinaryObject]]] = {}
    for unit in units:
        for obj in unit.objects:
            digest = obj.digest.strip().lower()
            if digest and obj.size > 0:
                groups.setdefault(f"{obj.digest_algorithm}:{digest}", []).append((unit, obj))
    for key, items in groups.items():
        if len({u.uid for u, _o in items}) < 2:
            continue  # versions of one document (master, dissemination) may share bytes
        paths = [_object_path(o) for _u, o in items]
        second_unit, second = items[1]
        out.append(
            _warn(
                Code.VAL_DUPLICATE_FILE,
                _object_path(second),
                second_unit,
                count=len(items),
                paths=paths,
                digest=key.partition(":")[2][:16],
                units=[u.uid for u, _o in items],
            )
        )


def _check_first_version(unit: ArchiveUnit, out: list[Finding]) -> None:
    """Row 14: a group with ``BinaryMaster_N`` needs ``BinaryMaster_1`` (a plain
    ``BinaryMaster`` counts as ``_1``)."""
    keys = {_version_key(o.version) for o in unit.objects}
    numbered = sorted(k for k in keys if k.startswith("BinaryMaster_"))
    if numbered and "BinaryMaster_1" not in keys:
        path = _object_path(unit.objects[0])
        out.append(
            _err(Code.VAL_FIRST_VERSION, path, unit, usage="BinaryMaster", versions=numbered)
        )


def _check_objects(
    unit: ArchiveUnit, contract: Mapping[str, Any] | None, out: list[Finding]
) -> None:
    if unit.objects:
        _check_first_version(unit, out)
    seen: set[str] = set()
    for obj in unit.objects:
        key = _version_key(obj.version)
        if key in seen:
            out.append(
                _err(Code.VAL_DUPLICATE_VERSION, _object_path(obj), unit, version=obj.version)
            )
        seen.add(key)
        _check_object(unit, obj, contract, out)


def _check_attachment(
    root: ArchiveUnit, contract: Mapping[str, Any] | None, out: list[Finding]
) -> None:
    att = root.attachment
    from seda.manifest import attachment_system_id

    system_id = attachment_system_id(att)
    if not att.is_set:
        if att.metadata_name.strip() or att.metadata_value.strip():
            out.append(
                _err(
                    Code.VAL_ATTACHMENT_INCOMPLETE,
                    unit=root,
                    name=att.metadata_name,
                    value=att.metadata_value,
                )
            )
    elif system_id and not vitam_guid_ok(system_id):
        # Vitam: CHECK_MANIFEST.INVALID_GUID_ATTACHMENT (a rule, contract or format id...)
        out.append(_err(Code.VAL_ATTACHMENT_GUID, unit=root, system_id=system_id))
    if contract is None:
        return
    name = _contract_name(contract)
    check_parent = str(contract.get("CheckParentLink") or "AUTHORIZED").strip().upper()
    link = str(contract.get("LinkParentId") or "").strip()
    link = link if is_guid(link) else ""
    if att.is_set and check_parent == "UNAUTHORIZED":
        out.append(_err(Code.VAL_ATTACHMENT_FORBIDDEN, unit=root, contract=name))
    elif not att.is_set and check_parent == "REQUIRED" and not link:
        out.append(_err(Code.VAL_ATTACHMENT_REQUIRED, unit=root, contract=name))
    elif att.is_set and link and check_parent in ("REQUIRED", "ACTIVE") and system_id != link:
        # The SAE checks the node is below LinkParentId; only the SAE's tree can tell.
        out.append(_warn(Code.VAL_ATTACHMENT_PARENT, unit=root, link_parent_id=link, contract=name))
    elif not att.is_set and link:
        out.append(_info(Code.VAL_AUTO_ATTACHMENT, unit=root, link_parent_id=link, contract=name))


def check_package(
    package: Package,
    *,
    rules: RulesReferential | None = None,
    agencies: AgenciesReferential | None = None,
    contract: Mapping[str, Any] | None = None,
    classification_levels: Collection[str] | None = None,
    kind: str = "ingest",
    sae_signatures: str = "V109",
) -> list[Finding]:
    """Problems the SAE would refuse (ERROR) or warn about (WARNING) in ``package``.

    ``sae_signatures``: the PRONOM signatures the SAE identifies with (Vitam 6/7: V109,
    predicted with ``seda.sae_formats``; ``""``: no prediction).

    ``kind``: ``"ingest"`` (a transfer), ``"holding"`` (a positioning tree: no originating
    agency nor contract needed, no file allowed), ``"filing"`` (a filing plan: no file
    allowed), ``"tree?"`` (unknown, the SIP has no file: a missing originating agency or
    contract is a warning). Values the export will adapt for the SAE's sanitizer give
    ``EXPORT_ADAPTED`` INFO findings.

    ``rules``/``agencies``: the SAE's referentials, to check ids exist; ``contract``: the
    ingest contract (a dict, see ``load_contract``); ``classification_levels``: the
    platform's allow-list (without it, Vitam's default list gives warnings only).
    """
    out: list[Finding] = []
    units = list(package.walk())
    if not units:
        out.append(_err(Code.VAL_EMPTY_PACKAGE))
    elif not any(unit.objects for unit in units) and kind in ("ingest",):
        out.append(_warn(Code.VAL_NO_OBJECTS))
    _check_header(package, agencies, contract, out, kind)
    if contract is not None:
        value = contract.get("CheckParentLink")
        if value not in (None, "") and str(value).strip().upper() not in _CHECK_PARENT_VALUES:
            out.append(_warn(Code.VAL_CONTRACT_FIELD, field="CheckParentLink", value=str(value)))
    _check_classification(package.header.management, None, classification_levels, out)
    for unit in units:
        _check_unit(unit, classification_levels, out)
        _check_objects(unit, contract, out)
    _check_duplicates(units, out)
    if sae_signatures == "V109":
        _check_sae_formats(units, contract, out)
    if kind in ("holding", "filing"):
        for unit in units:
            if unit.objects:
                out.append(_err(Code.VAL_TREE_WITH_FILES, unit=unit, kind=kind))
                break
    for root in package.roots:
        _check_attachment(root, contract, out)
    out.extend(check_rules(package, rules))
    return out


# ---------------------------------------------------------------------------------------
# check_sip: the manifest's XML, beyond the model
# ---------------------------------------------------------------------------------------


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


class _ManifestFacts:
    """What the model does not keep but the SAE checks, read from the manifest XML."""

    def __init__(self, doc: etree._Element, name: str) -> None:
        self.doc = doc
        self.name = name
        self.ns = etree.QName(doc).namespace or ""
        self.prefix = f"{{{self.ns}}}"
        self.uris: set[str] = set()
        self.findings: list[Finding] = []
        self.orphans: set[str] = set()

    def q(self, name: str) -> str:
        return self.prefix + name

    def text(self, el: Any, name: str) -> str:
        child = el.find(self.q(name))
        return (child.text or "").strip() if child is not None else ""

    def err(self, code: str, el: Any, **params: Any) -> None:
        line = el.sourceline if el is not None else None
        self.findings.append(Finding(code, Severity.ERROR, self.name, params, line=line))

    def unit_err(self, code: str, au: Any, el: Any, **params: Any) -> None:
        """An error about the unit ``au``, named by its readable path of titles."""
        line = el.sourceline if el is not None else None
        self.findings.append(Finding(code, Severity.ERROR, self.unit_path(au), params, line=line))

    def unit_path(self, au: Any) -> str:
        titles: list[str] = []
        el = au
        while el is not None and _local(el) == "ArchiveUnit":
            title = self.text_of(el, "Content", "Title") or el.get("id") or "?"
            titles.append(title)
            el = el.getparent()
        return " / ".join(reversed(titles))

    def text_of(self, el: Any, *names: str) -> str:
        node = el.find("/".join(self.q(n) for n in names))
        return (node.text or "").strip() if node is not None else ""

    @staticmethod
    def _leaves(el: Any) -> Any:
        for node in el.iter():
            if isinstance(node.tag, str) and not len(node):
                yield node

    def _sanitizer(self, au: Any, node: Any, value: str, shown_at: str) -> None:
        found = problems(value)
        if found:
            self.findings.append(
                Finding(
                    Code.VAL_HTML,
                    Severity.ERROR,
                    shown_at,
                    {"field": _local(node), "value": value[:80], "rules": found},
                    line=node.sourceline,
                )
            )

    def check_values(self, now: datetime) -> None:
        """What Vitam checks on the JSON of each unit and object group (rows 16, 21-26)."""
        q = self.q
        for obj in self.doc.iter(q("BinaryDataObject"), q("PhysicalDataObject")):
            shown = self.text(obj, "Uri") or obj.get("id") or self.name
            for node in self._leaves(obj):
                parent = node.getparent()
                if _local(node) == "Size" or (
                    parent is not None and _local(parent) == "FormatIdentification"
                ):
                    continue  # replaced by the SAE (real size, its own identification) first
                value = node.text or ""
                self._sanitizer(None, node, value, shown)
                kind = ONTOLOGY_OBJECT_GROUP.get(_local(node))
                if kind and value.strip() and not ontology_ok(value, kind):
                    self.findings.append(
                        Finding(
                            Code.VAL_ONTOLOGY,
                            Severity.ERROR,
                            shown,
                            {"field": _local(node), "value": value[:80], "type": kind},
                            line=node.sourceline,
                        )
                    )
                algorithm = node.get("algorithm")
                if algorithm is not None:
                    self._sanitizer(None, node, algorithm, shown)
        for au in self.doc.iter(q("ArchiveUnit")):
            management = au.find(q("Management"))
            if management is not None and management.find(q("UpdateOperation")) is not None:
                self._check_attachment_op(au, management.find(q("UpdateOperation")))
                continue  # stands for a unit already in the SAE: not created, not checked
            content = au.find(q("Content"))
            if content is None:
                continue  # an ArchiveUnitRefId
            path = self.unit_path(au)
            has_title = False
            for part in (management, content):
                if part is None:
                    continue
                in_rule = part is management
                for node in self._leaves(part):
                    name = _local(node)
                    value = node.text or ""
                    has_title = has_title or (name == "Title" and bool(value))
                    self._sanitizer(au, node, value, path)
                    self._typed(au, node, name, value, in_rule, now)
            if not has_title:
                self.unit_err(Code.VAL_UNIT_SCHEMA, au, content, field="Title", rule="required")
            if content.find(q("DescriptionLevel")) is None:
                self.unit_err(
                    Code.VAL_UNIT_SCHEMA, au, content, field="DescriptionLevel", rule="required"
                )

    def _typed(
        self, au: Any, node: Any, name: str, value: str, in_rule: bool, now: datetime
    ) -> None:
        kind = ONTOLOGY_UNIT.get(name)
        stripped = value.strip()
        if kind is not None and stripped and not ontology_ok(value, kind):
            self.unit_err(Code.VAL_ONTOLOGY, au, node, field=name, value=value[:80], type=kind)
            return
        if kind is None and _utf8_size(value) > KEYWORD_MAX_BYTES:
            self.unit_err(
                Code.VAL_TOO_LONG,
                au,
                node,
                field=name,
                size=_utf8_size(value),
                limit=KEYWORD_MAX_BYTES,
            )
        if name in _NON_EMPTY and not stripped:
            self.unit_err(Code.VAL_UNIT_SCHEMA, au, node, field=name, value="", rule="empty")
        elif name in ("Language", "DescriptionLanguage") and not _LANG.fullmatch(stripped):
            self.unit_err(Code.VAL_UNIT_SCHEMA, au, node, field=name, value=value, rule="lang")
        elif in_rule and name in ("StartDate", "EndDate", "HoldEndDate") and stripped:
            if not _RULE_DATE.fullmatch(stripped):
                self.unit_err(
                    Code.VAL_UNIT_SCHEMA, au, node, field=name, value=value, rule="rule_date"
                )
        elif not in_rule and name in _CONTENT_DATES and stripped:
            if not _content_date_ok(stripped):
                self.unit_err(
                    Code.VAL_UNIT_SCHEMA, au, node, field=name, value=value, rule="content_date"
                )
        elif name == "EventDateTime" and stripped:
            try:
                when = datetime.fromisoformat(stripped.replace("Z", "+00:00"))
            except ValueError:
                return
            if when.tzinfo is None:
                when = when.replace(tzinfo=now.tzinfo)
            if when > now:
                self.unit_err(Code.VAL_FUTURE_EVENT, au, node, value=stripped)

    def _check_attachment_op(self, au: Any, op: Any) -> None:
        """Row 28: SystemId must parse as a GUID; key name and value must not be empty."""
        system_id = op.find(self.q("SystemId"))
        if system_id is not None:
            value = (system_id.text or "").strip()
            if not vitam_guid_ok(value):
                self.err(Code.VAL_ATTACHMENT_GUID, system_id, system_id=value)
        for key in op.iterfind(self.q("ArchiveUnitIdentifierKey")):
            name = self.text(key, "MetadataName")
            value = self.text(key, "MetadataValue")
            if not name or not value:
                self.err(Code.VAL_ATTACHMENT_INCOMPLETE, key, name=name, value=value)

    def run(self) -> None:
        doc, q = self.doc, self.q
        group_of: dict[str, str] = {}  # object id -> group key
        in_group: set[str] = set()
        groups: dict[str, Any] = {}
        for obj in doc.iter(q("BinaryDataObject"), q("PhysicalDataObject")):
            oid = obj.get("id") or ""
            parent = obj.getparent()
            holder = obj
            if parent is not None and _local(parent) == "DataObjectGroup":
                key = parent.get("id") or f"#{id(parent)}"
                in_group.add(oid)
                holder = parent
            else:
                key = self.text(obj, "DataObjectGroupId") or self.text(
                    obj, "DataObjectGroupReferenceId"
                )
                if key:
                    in_group.add(oid)
                key = key or f"obj:{oid}"
            group_of[oid] = key
            groups.setdefault(key, holder)
            physical = _local(obj) == "PhysicalDataObject"
            if physical:
                if not self.text(obj, "PhysicalId"):
                    self.err(Code.VAL_EMPTY_PHYSICAL_ID, obj)
                version = self.text(obj, "DataObjectVersion")
                if version and not _PHYSICAL_VERSION.fullmatch(version):
                    self.err(Code.VAL_BAD_VERSION, obj, version=version, kind="physical")
                continue
            uri = self.text(obj, "Uri")
            if uri:
                self.uris.add(uri)
            digest = obj.find(q("MessageDigest"))
            value = (digest.text or "").strip() if digest is not None else ""
            if value and not _LOWER_HEX.fullmatch(value):
                # Vitam 7 compares the lower-case hex it computes with the text as written.
                self.err(Code.VAL_DIGEST_FORMAT, digest, value=value[:16])
        referenced: set[str] = set()
        for unit in doc.iter(q("ArchiveUnit")):
            own: set[str] = set()  # the groups this unit refers to (Vitam: at most one)
            for ref in unit.iterfind(q("DataObjectReference")):
                for child in ref:
                    target = (child.text or "").strip()
                    name = _local(child)
                    if name == "DataObjectGroupReferenceId":
                        referenced.add(target)
                        own.add(target)
                    elif name == "DataObjectReferenceId":
                        referenced.add(group_of.get(target, f"obj:{target}"))
                        own.add(group_of.get(target, f"obj:{target}"))
                        if target in in_group:
                            # Vitam: EXISTING_OG_NOT_DECLARED (point to the group instead)
                            self.err(Code.VAL_OBJECT_REFERENCE, child, id=target)
            if len(own) > 1:  # Vitam: AU_REFRENCES_MULTIPLE_GOT
                groups_named = sorted(k.removeprefix("obj:") for k in own)
                self.err(Code.VAL_MANY_GROUPS, unit, ids=groups_named)
        for key, holder in groups.items():
            if key not in referenced:
                shown = key.removeprefix("obj:")
                self.orphans.add(shown)
                self.err(Code.VAL_ORPHAN_OBJECT, holder, id=shown)


# -- XSDs --------------------------------------------------------------------------------

_order_cache: dict[tuple[str, str], dict[str, dict[str, int]]] = {}


def _vitam_orders(version: str, xsd_root: Path) -> dict[str, dict[str, int]]:
    """For each of ``_ORDERED_PARENTS``: child element name -> position in Vitam's flavour."""
    key = (version, str(Path(xsd_root).resolve()))
    cached = _order_cache.get(key)
    if cached is not None:
        return cached
    from xmlschema.validators import XsdElement  # present whenever the Vitam schema loads

    from seda.xsd import load_schema

    schema = load_schema(version, xsd_root, flavour="vitam")
    orders: dict[str, dict[str, int]] = {}
    seen: set[int] = set()
    stack = list(schema.elements.values())
    while stack:
        decl = stack.pop()
        if id(decl) in seen:
            continue
        seen.add(id(decl))
        kind = decl.type
        content = getattr(kind, "content", None) if kind is not None and kind.is_complex() else None
        if content is None or not hasattr(content, "iter_elements"):
            continue
        children = [c for c in content.iter_elements() if isinstance(c, XsdElement)]
        if decl.local_name in _ORDERED_PARENTS and decl.local_name not in orders:
            positions: dict[str, int] = {}
            for i, child in enumerate(children):
                positions.setdefault(child.local_name, i)
            orders[decl.local_name] = positions
        stack.extend(children)
    _order_cache[key] = orders
    return orders


def _check_order(facts: _ManifestFacts, orders: Mapping[str, Mapping[str, int]]) -> None:
    """Vitam's flavour ends Content/ManagementMetadata/Management with a lax wildcard for
    extensions; the SAE still refuses a known element out of its place or placed after an
    extension (xmlschema lets the wildcard swallow them, so we check the order here)."""
    for parent_name in _ORDERED_PARENTS:
        positions = orders.get(parent_name)
        if not positions:
            continue
        for parent in facts.doc.iter(facts.q(parent_name)):
            last = -1
            extension = ""
            for child in parent:
                if not isinstance(child.tag, str):
                    continue
                qname = etree.QName(child)
                pos = positions.get(qname.localname) if qname.namespace == facts.ns else None
                if pos is None:
                    extension = extension or qname.localname
                    continue
                if extension or pos < last:
                    facts.err(
                        Code.VAL_ELEMENT_ORDER,
                        child,
                        element=qname.localname,
                        parent=parent_name,
                        before=extension,
                    )
                    break
                last = pos


_NAMESPACE = re.compile(r"\{[^{}]*\}")


def _readable(findings: list[Finding]) -> list[Finding]:
    """Schema messages without ``{namespace}`` before every element name (for people)."""
    for f in findings:
        message = f.params.get("message")
        if isinstance(message, str):
            f.params["message"] = _NAMESPACE.sub("", message)
    return findings


def _check_schemas(
    data: bytes, version: str, xsd_root: Path, name: str, attachments: bool
) -> list[Finding]:
    from seda.xsd import validate

    out: list[Finding] = []
    try:
        vitam = _readable(validate(data, version, xsd_root, flavour="vitam"))
    except SchemaUnavailable as exc:
        out.append(_warn(Code.VAL_XSD_UNAVAILABLE, reason=exc.reason, path=str(exc.path)))
        vitam = None
    for f in vitam or []:
        f.path = name
        f.params["flavour"] = "vitam"
    if vitam:
        return out + vitam  # the standard's verdict adds nothing: the SAE refuses already
    try:
        standard = _readable(validate(data, version, xsd_root, flavour="standard"))
    except SchemaUnavailable as exc:
        out.append(_warn(Code.VAL_XSD_UNAVAILABLE, reason=exc.reason, path=str(exc.path)))
        return out
    if standard:
        first = standard[0]
        if vitam is None:
            # No Vitam verdict (xmlschema missing): the SAE never uses the standard XSD, and
            # an attachment (UpdateOperation) cannot be valid against it: warnings only.
            for f in standard:
                f.path = name
                f.severity = Severity.WARNING
            return out + standard
        out.append(
            Finding(
                Code.VAL_SCHEMA_VITAM_ONLY,
                Severity.WARNING,
                name,
                {
                    "count": len(standard),
                    "message": first.params.get("message", ""),
                    "line": first.line,
                    "attachments": attachments,
                },
                line=first.line,
            )
        )
    return out


# -- formats -----------------------------------------------------------------------------


def _identify_members(
    path: Path,
    package: Package,
    engine: str,
    progress: Progress | None,
    contract: Mapping[str, Any] | None = None,
) -> list[Finding]:
    """Identify each object's bytes as the SAE will; the model then holds what was found.

    Vitam identifies every object itself and warns when the declared format differs.
    """
    from seda.identify import make_identifier
    from seda.sae_formats import SaePredictor, needs_file

    predictor = SaePredictor()
    out: list[Finding] = []
    try:
        identifier = make_identifier(engine)
    except Exception as exc:  # noqa: BLE001 - engine missing/broken: say so, check the rest
        return [_warn(Code.IDENTIFY_ERROR, error=f"{engine}: {exc}")]
    objects = [(u, o) for u, o in package.objects()]
    with zipfile.ZipFile(path) as zf, tempfile.TemporaryDirectory(prefix="verso-check-") as tmp:
        register_temp(tmp)  # removed on SIGTERM/SIGHUP too (seda.atomic's registry)
        members = {i.orig_filename: i for i in zf.infolist()}
        for n, (unit, obj) in enumerate(objects):
            check(progress)
            split = split_zip_source(obj.source)
            member = split[1] if split else obj.source
            info = members.get(member)
            if info is None:
                continue
            target = os.path.join(tmp, f"object{n}")
            try:
                with zf.open(info) as src, open(target, "wb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                found = identifier.identify(target)
                sae_puid = predictor.predict(target, found) if needs_file(found) else None
            except (OSError, zipfile.BadZipFile, RuntimeError, ValueError):
                continue  # verify_sip reports unreadable members
            finally:
                if os.path.exists(target):
                    os.unlink(target)
            declared = obj.format.puid
            if declared and found.known and declared != found.puid:
                out.append(
                    _warn(
                        Code.VAL_FORMAT_MISMATCH,
                        member,
                        unit,
                        declared=declared,
                        identified=found.puid,
                    )
                )
            if found.known or not obj.format.known:
                obj.format = found
            if sae_puid is not None:
                sae = _sae_format_finding(
                    unit, obj, member, sae_puid, contract, predictor.signatures
                )
                if sae is not None:
                    out.append(sae)
            if progress is not None:
                progress.report(n + 1, len(objects), member)
    forget_temp(tmp)
    return out


# -- check_sip ---------------------------------------------------------------------------


def _root_entries(path: Path, manifest: str) -> list[Finding]:
    """Rows 5 and 6: the zip's root holds the manifest and folders named "content" only."""
    out: list[Finding] = []
    seen: set[str] = set()
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            parts = [p for p in info.orig_filename.split("/") if p not in ("", ".")]
            if not parts:
                continue
            first = parts[0]
            is_folder = len(parts) > 1 or info.orig_filename.endswith("/")
            if first in seen or (not is_folder and first == manifest):
                continue
            seen.add(first)
            if is_folder and first.lower() == "content":
                continue
            kind = "folder" if is_folder else "file"
            out.append(_err(Code.VAL_ROOT_ENTRY, first, name=first, kind=kind))
    return out


def _manifest_bytes(path: Path) -> tuple[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if manifest_name_ok(info.orig_filename):
                return info.orig_filename, zf.read(info)
    raise SipError([_err(Code.SIP_NO_MANIFEST, str(path))])  # read_sip said otherwise


def check_sip(
    path: str | os.PathLike[str],
    *,
    xsd_root: str | os.PathLike[str] | None = None,
    rules: RulesReferential | None = None,
    agencies: AgenciesReferential | None = None,
    contract: Mapping[str, Any] | None = None,
    classification_levels: Collection[str] | None = None,
    identify: bool = False,
    engine: str = "siegfried",
    progress: Progress | None = None,
    kind: str | None = None,
) -> list[Finding]:
    """Everything the SAE checks at ingest that can be seen offline, for the SIP at ``path``.

    Never raises for a bad SIP: a zip that cannot be used gives its ERROR findings.
    Findings about a unit carry its title in ``params["unit"]`` (the package read here is
    not returned).
    ``xsd_root``: folder of the SEDA XSDs (``<v>/seda-<v>-main.xsd`` and Vitam's flavour);
    without it the schema is not checked (one INFO finding says so). ``identify``: run the
    format identification engine on every object (slower).
    """
    zpath = Path(path)
    try:
        package, read_findings = read_sip(zpath)
    except SipError as exc:
        return list(exc.findings)
    try:
        verified = _verified(zpath, progress)
        name, data = _manifest_bytes(zpath)
    except SipError as exc:
        return list(exc.findings)

    out: list[Finding] = []
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    doc = etree.fromstring(data, parser)
    facts = _ManifestFacts(doc, name)
    facts.run()
    facts.check_values(datetime.now().astimezone())
    out.extend(_root_entries(zpath, name))
    if kind is None:  # no file at all: maybe a holding tree or a filing plan
        has_objects = next(
            doc.iter(facts.q("BinaryDataObject"), facts.q("PhysicalDataObject")), None
        )
        kind = "ingest" if has_objects is not None else "tree?"

    # read_sip's remarks, adjusted to what the SAE does with them
    for f in read_findings:
        if f.code == Code.SIP_UNDECLARED_MEMBER:
            if f.path in facts.uris:
                continue  # declared, on objects added to a unit already in the SAE
            f = Finding(f.code, Severity.ERROR, f.path, f.params, f.unit_uid, f.line)
        elif f.code == Code.MANIFEST_BAD_REFERENCE:
            f = Finding(f.code, Severity.ERROR, name, f.params, f.unit_uid, f.line)
        elif f.code == Code.MANIFEST_ORPHAN_OBJECT and f.params.get("id") in facts.orphans:
            continue  # reported as an error below
        out.append(f)

    # digests recomputed: an empty or unusable digest is said once, by check_package
    unusable = {
        _object_path(o)
        for _u, o in package.objects()
        if not o.digest.strip() or o.digest_algorithm not in HASH_NAMES
    }
    out.extend(f for f in verified if not (f.code == Code.VAL_DIGEST and f.path in unusable))

    attachments = any(r.attachment.is_set for r in package.roots)
    if xsd_root is None:
        out.append(_info(Code.VAL_XSD_SKIPPED))
    else:
        out.extend(_check_schemas(data, package.seda_version, Path(xsd_root), name, attachments))
        try:
            orders = _vitam_orders(package.seda_version, Path(xsd_root))
        except (ImportError, SchemaUnavailable):
            orders = {}  # no Vitam schema: already reported by _check_schemas
        _check_order(facts, orders)
    out.extend(facts.findings)

    if identify:
        out.extend(_identify_members(zpath, package, engine, progress, contract))
    model = check_package(
        package,
        rules=rules,
        agencies=agencies,
        contract=contract,
        classification_levels=classification_levels,
        kind=kind,
    )
    # The SAE checks the values as written (facts.check_values): the export's adaptation
    # does not apply to an existing SIP, its FormatId is not judged unless identified again.
    model = [f for f in model if f.code != Code.EXPORT_ADAPTED]
    # a rule date the model reads as impossible is said once (with the rule's id)
    bad_dates = {str(f.params.get("date")) for f in model if f.code == Code.VAL_RULE_START_DATE}
    out = [
        f
        for f in out
        if not (
            f.code == Code.VAL_UNIT_SCHEMA
            and f.params.get("rule") == "rule_date"
            and str(f.params.get("value", "")).strip() in bad_dates
        )
    ]
    said = {f.params.get("system_id") for f in model if f.code == Code.VAL_ATTACHMENT_GUID}
    out = [
        f
        for f in out
        if not (
            f.code == Code.VAL_ATTACHMENT_GUID
            and f.unit_uid is None
            and f.params.get("system_id") in said
        )
    ]
    if not identify:
        model = [
            dataclasses.replace(f, severity=Severity.WARNING)
            if f.code == Code.VAL_UNKNOWN_FORMAT
            else f
            for f in model
        ]
    if not package.roots and facts.uris:
        # only objects added to units already in the SAE (stubs): not an empty transfer
        model = [f for f in model if f.code != Code.VAL_EMPTY_PACKAGE]
    out.extend(model)
    # The caller never sees this package: name the unit so the user can find it.
    titles = {u.uid: unit_path(u) for u in package.walk()}
    for f in out:
        if f.unit_uid in titles and "unit" not in f.params:
            f.params["unit"] = titles[f.unit_uid]
    return out


def _verified(path: Path, progress: Progress | None) -> list[Finding]:
    """``verify_sip``'s own findings (digests, sizes), without read_sip's again."""
    from seda.package import verify_sip

    kept = (Code.VAL_DIGEST, Code.SIP_SIZE_MISMATCH, Code.SIP_CORRUPT)
    return [f for f in verify_sip(path, progress=progress) if f.code in kept]


__all__ = [
    "DEFAULT_CLASSIFICATION_LEVELS",
    "KEYWORD_MAX_BYTES",
    "ContractError",
    "check_package",
    "check_sip",
    "has_errors",
    "load_contract",
]
