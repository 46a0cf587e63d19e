"""Write (streaming) and read SEDA 2.1/2.2/2.3 ``manifest.xml`` files.

The writer streams with ``lxml.etree.xmlfile``: a package may hold 100,000 units, so it
never builds the whole tree; it builds one small element per header field, data object or
unit description and writes it. Element order follows each version's XSD (the shared
material's ``seda-xsd``, ``../shared/seda-xsd`` beside the project), so the result validates
against the standard XSD *and* Vitam's flavour, with one exception and one omission:

- attachment stubs (``<Management><UpdateOperation>``): the standard SEDA has no
  ``UpdateOperation``, so a package with attached roots is valid for Vitam only;
- ``HoldRule`` does not exist in standard SEDA 2.1: in 2.1 it is *omitted* (2.2 and 2.3
  write it), so a 2.1 manifest stays valid for every SAE.

Writer choices, so the output stays schema-valid without inventing data:
- coded values (DescriptionLevel, KeywordType, LegalStatus, FinalAction) are written as
  given; a bad or missing one (FinalAction, ClassificationLevel/Owner are required) shows
  up as a ``VAL_SCHEMA`` finding when validating, it is never replaced silently;
- empty optional elements are omitted; ``Size`` 0 is omitted (a positiveInteger);
  ``FormatId`` only when the PUID is known (``FormatInfo.known``);
- ``PreventInheritance`` and ``RefNonRuleId`` are an XSD choice: preventing all wins;
- two objects of a group with the same ``DataObjectVersion`` get ``_2``, ``_3``...
  (Vitam refuses duplicates); HoldRule extras are written after their own rule;
- agency names are not written (``OrganizationDescriptiveMetadata`` only takes foreign
  namespaces); text loses the characters XML 1.0 forbids (``clean_text``).

The reader is the inverse (``read_manifest``). It parses with ``iterparse`` and frees each
unit once read, refuses DTDs/entities (XXE, entity bombs) and never touches the network.
What a unit's Content or Management holds that the model has no field for (Event,
Signature, Gps, extensions, an agent's BirthPlace, a second Title with its ``xml:lang``...)
is kept verbatim as XML text in ``ArchiveUnit.more`` and written back in the XSD's order,
so re-exporting a colleague's SIP drops none of it (PhysicalDataObject, object metadata
and header extensions are still not read). The model is a tree: a unit with several parents (Vitam allows it) stays under the
first, an object group several units share goes to the first, objects a stub attaches to
an existing SAE unit are dropped - each reported in ``findings``. Unit and rule dates are
read as days (times dropped; ``1990`` -> 1990-01-01, or 12-31 for an end date); of
repeated Titles/Descriptions (one per language) the first goes to the field, the others
are kept verbatim. Problems that stop reading raise ``ManifestError`` holding coded findings with line
numbers; problems it can live with (dangling references, ...) are appended to the optional
``findings`` list.
"""

from __future__ import annotations

import io
import os
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from lxml import etree

from seda import content_schema
from seda.findings import Code, Finding, Severity
from seda.model import (
    AGENT_ROLES,
    RULE_CATEGORIES,
    SEDA_VERSIONS,
    Agent,
    ArchiveUnit,
    Attachment,
    BinaryObject,
    FormatInfo,
    Keyword,
    Management,
    MoreDescription,
    Package,
    Rule,
    RuleCategory,
    TransferHeader,
)
from seda.sanitize import sanitize

NAMESPACES: dict[str, str] = {
    v: f"fr:gouv:culture:archivesdefrance:seda:v{v}" for v in SEDA_VERSIONS
}
VERSION_BY_NAMESPACE: dict[str, str] = {ns: v for v, ns in NAMESPACES.items()}

# CodeListVersions children in the XSD's order (identical in 2.1, 2.2, 2.3 standard).
# HoldRuleCodeListVersion exists only in Vitam's 2.2/2.3 flavour: not written.
CODE_LISTS = (
    "ReplyCodeListVersion",
    "MessageDigestAlgorithmCodeListVersion",
    "MimeTypeCodeListVersion",
    "EncodingCodeListVersion",
    "FileFormatCodeListVersion",
    "CompressionAlgorithmCodeListVersion",
    "DataObjectVersionCodeListVersion",
    "StorageRuleCodeListVersion",
    "AppraisalRuleCodeListVersion",
    "AccessRuleCodeListVersion",
    "DisseminationRuleCodeListVersion",
    "ReuseRuleCodeListVersion",
    "ClassificationRuleCodeListVersion",
    "AcquisitionInformationCodeListVersion",
    "AuthorizationReasonCodeListVersion",
    "RelationshipCodeListVersion",
)

# Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF).
_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_HEX = re.compile(r"[0-9A-Fa-f]+")
_INDENT = "  "
_MAX_INDENT = 24  # deep trees: stop indenting further than this (keeps lines short)


class ManifestError(Exception):
    """The manifest cannot be read; ``findings`` say why (with line numbers)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(", ".join(f.code for f in findings))
        self.findings = findings


# ---------------------------------------------------------------------------------------
# text helpers
# ---------------------------------------------------------------------------------------


def clean_text(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot carry (lxml would refuse them)."""
    return _FORBIDDEN.sub("", value)


def _token(value: str) -> str:
    """xsd:token form: cleaned, whitespace collapsed (what validators compare anyway)."""
    return " ".join(clean_text(value).split())


def _xsd_date(value: date) -> str:
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def _xsd_datetime(value: datetime) -> str:
    return value.isoformat(timespec="milliseconds" if value.microsecond else "seconds")


def _xsd_date_or_datetime(value: date) -> str:
    """For SEDA ``DateType`` (a union accepting both)."""
    if isinstance(value, datetime):
        return _xsd_datetime(value)
    return value.isoformat()


def new_message_identifier(when: datetime | None = None) -> str:
    """Unique, readable MessageIdentifier, e.g. ``VERSO-20261122-1a2b3c4d5e6f``."""
    when = when or datetime.now()
    return f"VERSO-{when:%Y%m%d}-{uuid.uuid4().hex[:12]}"


# ---------------------------------------------------------------------------------------
# writer
# ---------------------------------------------------------------------------------------


# The agencies' names in the header. ``OrganizationDescriptiveMetadata`` is an open element:
# the standard XSDs take any element of another namespace there (``##other``, lax), Vitam's
# flavour any element (the header is neither sanitized nor typed by the SAE: it feeds the
# logbook). SEDA 1.0's own ``Name`` of an organisation says exactly what it holds and is
# not in the 2.x namespace; readers (``_Reader.agency_name``) take ``Name`` in any namespace.
SEDA1_NS = "fr:gouv:culture:archivesdefrance:seda:v1.0"
ORGANIZATION_NAME = f"{{{SEDA1_NS}}}Name"


def _sub(parent: etree._Element, tag: str, text: str) -> etree._Element:
    el = etree.SubElement(parent, tag)
    el.text = text
    return el


def _sub_token(parent: etree._Element, tag: str, value: str) -> None:
    """Append ``<tag>`` only when the token is not empty (NonEmptyTokenType)."""
    token = _token(value)
    if token:
        _sub(parent, tag, token)


def _bool(value: bool) -> str:
    return "true" if value else "false"


# Management's sequence, the same in SEDA 2.1/2.2/2.3 as Vitam validates them (its flavour
# has HoldRule in 2.1 too): LogBook and NeedAuthorization come between ClassificationRule and
# HoldRule; other elements (extensions) after them all.
_MANAGEMENT_ORDER = {
    name: i
    for i, name in enumerate(
        (
            *(c for c in RULE_CATEGORIES if c != "HoldRule"),
            "LogBook",
            "NeedAuthorization",
            "HoldRule",
            "UpdateOperation",
        )
    )
}


def attachment_system_id(att: Attachment) -> str:
    """The SAE GUID ``att`` names: ``system_id``, or a ``SystemId`` metadata key (the SAE
    has no metadata field of that name: it must be written as UpdateOperation/SystemId)."""
    if att.system_id.strip():
        return _token(att.system_id)
    if att.metadata_name.strip().lstrip("#").lower() in ("systemid", "id"):
        return _token(att.metadata_value)
    return ""


def _attachment_key(att: Attachment) -> tuple[str, ...]:
    system_id = attachment_system_id(att)
    if system_id:
        return ("SystemId", system_id)
    return ("Key", _token(att.metadata_name), clean_text(att.metadata_value))


class _Writer:
    """Builds the small elements of one manifest. Elements are created *without*
    namespace: serialized inside the root (which declares the SEDA namespace as default)
    they land in it, and lxml does not repeat ``xmlns`` on each of them."""

    def __init__(self, version: str, uris: dict[int, str]) -> None:
        self.version = version
        self.uris = uris
        self.findings: list[Finding] = []  # EXPORT_ADAPTED: values changed for the SAE
        # the unit whose elements are being built; None for the header (not sanitized)
        self.uid: int | None = None
        self.categories = tuple(
            c for c in RULE_CATEGORIES if not (c == "HoldRule" and version == "2.1")
        )
        self._content_order: dict[str, int] | None = None

    # -- layout ----------------------------------------------------------------------
    @staticmethod
    def newline(xf: Any, depth: int) -> None:
        xf.write("\n" + _INDENT * min(depth, _MAX_INDENT))

    def put(self, xf: Any, el: etree._Element, depth: int) -> None:
        self.newline(xf, depth)
        if len(el):
            etree.indent(el, space=_INDENT, level=min(depth, _MAX_INDENT))
        xf.write(el)

    # -- values the SAE's sanitizer reads (every unit and object value) -------------------
    def safe(self, value: str, name: str, original: str | None = None) -> str:
        """``value`` (already XML-clean) as the SAE's sanitizer accepts it; a change, or
        characters XML cannot carry removed from the model's ``original``, is reported as an
        EXPORT_ADAPTED finding on the current unit. The model keeps the original."""
        fixed = value if self.uid is None else sanitize(value)
        raw = value if original is None else original
        if self.uid is not None and (fixed is not value or clean_text(raw) != raw):
            self.findings.append(
                Finding(
                    Code.EXPORT_ADAPTED,
                    Severity.INFO,
                    "",
                    {"field": name, "original": raw, "adapted": fixed},
                    self.uid,
                )
            )
        return fixed

    def text(self, parent: etree._Element, tag: str, value: str) -> etree._Element:
        """``<tag>`` with the sanitized, XML-clean ``value``."""
        return _sub(parent, tag, self.safe(clean_text(value), tag, value))

    def safe_tree(self, el: etree._Element) -> None:
        """Sanitize the text of ``el`` and of every element below it (fields Verso writes
        without a typed field, and XML kept verbatim from a SIP read)."""
        for node in el.iter():
            if isinstance(node.tag, str) and node.text and node.text.strip():
                node.text = self.safe(node.text, _local(node.tag))

    def token(self, parent: etree._Element, tag: str, value: str) -> None:
        """Like ``_sub_token`` (omitted when empty), sanitized."""
        token = _token(value)
        if token:
            _sub(parent, tag, self.safe(token, tag, value.strip()))

    # -- header ------------------------------------------------------------------------
    def code_lists(self, header: TransferHeader) -> etree._Element:
        el = etree.Element("CodeListVersions")
        for name in CODE_LISTS:
            value = header.code_list_versions.get(name, "")
            if value:
                _sub(el, name, _token(value))
        return el

    @staticmethod
    def agency(tag: str, identifier: str, name: str = "") -> etree._Element:
        """``<tag><Identifier>`` and, when ``name`` is given, the agency's name in
        ``OrganizationDescriptiveMetadata`` (see ``ORGANIZATION_NAME``)."""
        el = etree.Element(tag)
        _sub(el, "Identifier", _token(identifier))
        name = " ".join(clean_text(name).split())
        if name:
            about = etree.SubElement(el, "OrganizationDescriptiveMetadata")
            named = etree.SubElement(about, ORGANIZATION_NAME, nsmap={"seda1": SEDA1_NS})
            named.text = name
        return el

    # -- objects -----------------------------------------------------------------------
    def group(self, unit: ArchiveUnit) -> etree._Element:
        got = etree.Element("DataObjectGroup", id=f"GOT{unit.uid}")
        self.uid = unit.uid
        used: set[str] = set()
        for obj in unit.objects:
            got.append(self.binary_object(obj, self._unique_version(obj.version, used)))
        return got

    @staticmethod
    def _unique_version(version: str, used: set[str]) -> str:
        """DataObjectVersion must be unique in a group (Vitam refuses two BinaryMaster_1):
        bump the trailing number of a repeated one."""
        version = _token(version) or "BinaryMaster_1"
        if version in used:
            usage, _, number = version.rpartition("_")
            if not (usage and number.isdigit()):
                usage, number = version, "1"
            n = int(number)
            while f"{usage}_{n}" in used:
                n += 1
            version = f"{usage}_{n}"
        used.add(version)
        return version

    def binary_object(self, obj: BinaryObject, version: str) -> etree._Element:
        try:
            uri = self.uris[obj.uid]
        except KeyError:
            raise ValueError(f"no URI given for object uid {obj.uid} ({obj.filename!r})") from None
        bdo = etree.Element("BinaryDataObject", id=f"BDO{obj.uid}")
        _sub(bdo, "DataObjectVersion", version)
        _sub(bdo, "Uri", clean_text(uri))
        digest = _sub(bdo, "MessageDigest", _token(obj.digest))
        digest.set("algorithm", _token(obj.digest_algorithm) or "SHA-512")
        if obj.size > 0:  # SizeInBytesType is a positiveInteger
            _sub(bdo, "Size", str(obj.size))
        fmt = obj.format
        fid = etree.Element("FormatIdentification")
        name = clean_text(fmt.name).strip()
        if name:
            _sub(fid, "FormatLitteral", self.safe(name, "FormatLitteral"))
        self.token(fid, "MimeType", fmt.mime)
        if fmt.known:
            self.token(fid, "FormatId", fmt.puid)
        if len(fid):
            bdo.append(fid)
        info = etree.SubElement(bdo, "FileInfo")
        filename = clean_text(obj.filename) or os.path.basename(uri)
        _sub(info, "Filename", self.safe(filename, "Filename", obj.filename or filename))
        if obj.last_modified is not None:
            _sub(info, "LastModified", _xsd_datetime(obj.last_modified))
        return bdo

    # -- management --------------------------------------------------------------------
    def rule_block(self, block: RuleCategory) -> etree._Element | None:
        """One category block in the XSD's order, or None when it says nothing."""
        cat = block.category
        el = etree.Element(cat)
        hold = cat == "HoldRule"
        for rule in block.rules:
            rule_id = _token(rule.rule_id)
            if not rule_id:
                continue
            _sub(el, "Rule", self.safe(rule_id, "Rule"))
            if rule.start_date is not None:
                _sub(el, "StartDate", _xsd_date(rule.start_date))
            if hold:  # HoldRuleDefGroup: each rule's own extras, in the XSD's order
                if rule.hold_end_date is not None:
                    _sub(el, "HoldEndDate", _xsd_date(rule.hold_end_date))
                self.token(el, "HoldOwner", rule.hold_owner)
                if rule.hold_reassessing_date is not None:
                    _sub(el, "HoldReassessingDate", _xsd_date(rule.hold_reassessing_date))
                self.token(el, "HoldReason", rule.hold_reason)
                if rule.prevent_rearrangement is not None:
                    _sub(el, "PreventRearrangement", _bool(rule.prevent_rearrangement))
        if cat == "ClassificationRule":
            self.token(el, "ClassificationAudience", block.classification_audience)
        # XSD choice: PreventInheritance | RefNonRuleId+ ; preventing all wins.
        refs = [t for t in (_token(r) for r in block.ref_non_rule_ids) if t]
        if block.prevent_inheritance:
            _sub(el, "PreventInheritance", "true")
        else:
            for ref in refs:
                _sub(el, "RefNonRuleId", self.safe(ref, "RefNonRuleId"))
        if cat in ("StorageRule", "AppraisalRule"):
            # Required by the XSD; left out when unset so validation reports it
            # instead of the writer inventing a decision.
            self.token(el, "FinalAction", block.final_action)
        if cat == "ClassificationRule":
            self.token(el, "ClassificationLevel", block.classification_level)
            self.token(el, "ClassificationOwner", block.classification_owner)
            if block.classification_reassessing_date is not None:
                _sub(
                    el,
                    "ClassificationReassessingDate",
                    _xsd_date(block.classification_reassessing_date),
                )
            if block.need_reassessing_authorization is not None:
                _sub(
                    el,
                    "NeedReassessingAuthorization",
                    _bool(block.need_reassessing_authorization),
                )
        return el if len(el) else None

    def rule_blocks(self, management: Management) -> Iterator[etree._Element]:
        for cat in self.categories:
            block = management.rules.get(cat)
            if block is None:
                continue
            if block.category != cat:  # keyed by category: trust the key
                block = _copy_block(block, cat)
            el = self.rule_block(block)
            if el is not None:
                yield el

    def management(
        self,
        management: Management,
        attachment: Attachment | None = None,
        raw: list[str] | None = None,
    ) -> etree._Element | None:
        el = etree.Element("Management")
        for block in self.rule_blocks(management):
            el.append(block)
        for text in raw or ():  # kept verbatim from a SIP read (NeedAuthorization, LogBook...)
            kept = _parse_kept(text)
            if kept is not None:
                self.safe_tree(kept)
                el.append(kept)
        if raw:  # kept elements go to their place in the XSD's sequence (LogBook before HoldRule)
            last = len(_MANAGEMENT_ORDER)
            el[:] = sorted(el, key=lambda child: _MANAGEMENT_ORDER.get(_local(child.tag), last))
        if attachment is not None:
            op = etree.SubElement(el, "UpdateOperation")
            system_id = attachment_system_id(attachment)
            if system_id:
                _sub(op, "SystemId", system_id)
            else:
                key = etree.SubElement(op, "ArchiveUnitIdentifierKey")
                _sub(key, "MetadataName", _token(attachment.metadata_name))
                _sub(key, "MetadataValue", clean_text(attachment.metadata_value))
        return el if len(el) else None

    def management_metadata(self, header: TransferHeader) -> etree._Element:
        el = etree.Element("ManagementMetadata")
        self.uid = None  # the SAE does not sanitize the header: written as given
        _sub_token(el, "ArchivalProfile", header.archival_profile)
        _sub_token(el, "AcquisitionInformation", header.acquisition_information)
        _sub_token(el, "LegalStatus", header.legal_status)
        _sub_token(el, "OriginatingAgencyIdentifier", header.originating_agency)
        _sub_token(el, "SubmissionAgencyIdentifier", header.submission_agency)
        for block in self.rule_blocks(header.management):
            el.append(block)
        return el

    # -- description -------------------------------------------------------------------
    def content(self, unit: ArchiveUnit) -> etree._Element:
        """Content in the XSD sequence order of ``self.version``: typed fields, then the
        elements kept verbatim (``MoreDescription.raw_content``), sorted together. Every
        value is sanitized for the SAE (``self.safe``)."""
        self.uid = unit.uid
        el = etree.Element("Content")
        more = unit.more
        _sub_token(el, "DescriptionLevel", str(unit.level))
        title = self.text(el, "Title", unit.title)
        if more is not None and more.title_lang.strip():
            title.set(_XML_LANG, _token(more.title_lang))
        for value in unit.file_plan_position:
            self.token(el, "FilePlanPosition", value)
        for value in unit.archival_ids:
            self.token(el, "ArchivalAgencyArchiveUnitIdentifier", value)
        for value in unit.originating_ids:
            self.token(el, "OriginatingAgencyArchiveUnitIdentifier", value)
        description = clean_text(unit.description)
        if description.strip():
            desc = _sub(el, "Description", self.safe(description, "Description", unit.description))
            if more is not None and more.description_lang.strip():
                desc.set(_XML_LANG, _token(more.description_lang))
        for kw in unit.keywords:
            content = clean_text(kw.content)
            if not content.strip():
                continue
            kel = etree.SubElement(el, "Keyword")
            _sub(kel, "KeywordContent", self.safe(content, "KeywordContent", kw.content))
            self.token(kel, "KeywordType", kw.type)
        if unit.start_date is not None:
            _sub(el, "StartDate", _xsd_date_or_datetime(unit.start_date))
        if unit.end_date is not None:
            _sub(el, "EndDate", _xsd_date_or_datetime(unit.end_date))
        if more is not None:
            first = len(el)
            self.more_content(el, more)
            for child in el[first:]:
                self.safe_tree(child)
            order = self.content_order
            last = len(order)
            el[:] = sorted(el, key=lambda child: order.get(_local(child.tag), last))
        return el

    @staticmethod
    def more_content(el: etree._Element, more: MoreDescription) -> None:
        """Append the rarer fields (any order: ``content`` sorts them) and the kept XML."""
        for value in more.system_ids:
            _sub_token(el, "SystemId", value)
        for value in more.originating_system_ids:
            _sub_token(el, "OriginatingSystemId", value)
        items = [clean_text(v) for v in more.custodial_history if v.strip()]
        if items:
            history = etree.SubElement(el, "CustodialHistory")
            for item in items:
                _sub(history, "CustodialHistoryItem", item)
        for value in more.languages:
            _sub_token(el, "Language", value)
        _sub_token(el, "DescriptionLanguage", more.description_language)
        for value in more.tags:
            _sub_token(el, "Tag", value)
        coverage = etree.Element("Coverage")
        for tag, values in (
            ("Spatial", more.spatial),
            ("Temporal", more.temporal),
            ("Juridictional", more.juridictional),
        ):
            for value in values:
                if value.strip():
                    _sub(coverage, tag, clean_text(value))
        if len(coverage):
            el.append(coverage)
        for agent in more.agents:
            if not agent.is_empty():
                el.append(_agent(agent))
        if more.transacted_date is not None:
            _sub(el, "TransactedDate", _xsd_date_or_datetime(more.transacted_date))
        if more.acquired_date is not None:
            _sub(el, "AcquiredDate", _xsd_date_or_datetime(more.acquired_date))
        for raw in more.raw_content:
            kept = _parse_kept(raw)
            if kept is not None:
                el.append(kept)

    @property
    def content_order(self) -> dict[str, int]:
        order = self._content_order
        if order is None:
            order = self._content_order = content_schema.content_order(self.version)
        return order

    def open_unit(self, xf: Any, unit: ArchiveUnit, depth: int) -> Any:
        """Open ``<ArchiveUnit>`` and write everything but its child units."""
        self.newline(xf, depth)
        ctx = xf.element("ArchiveUnit", id=f"AU{unit.uid}")
        ctx.__enter__()
        self.uid = unit.uid
        if unit.archive_unit_profile.strip():
            self.put(
                xf, _element("ArchiveUnitProfile", _token(unit.archive_unit_profile)), depth + 1
            )
        mgmt = self.management(
            unit.management, raw=unit.more.raw_management if unit.more is not None else None
        )
        if mgmt is not None:
            self.put(xf, mgmt, depth + 1)
        self.put(xf, self.content(unit), depth + 1)
        if unit.objects:
            ref = etree.Element("DataObjectReference")
            _sub(ref, "DataObjectGroupReferenceId", f"GOT{unit.uid}")
            self.put(xf, ref, depth + 1)
        return ctx

    def tree(self, xf: Any, root: ArchiveUnit, depth: int) -> None:
        """Write ``root`` and its descendants, nested, without recursion (deep trees)."""
        stack = [(self.open_unit(xf, root, depth), iter(root.children), depth)]
        while stack:
            ctx, children, level = stack[-1]
            child = next(children, None)
            if child is None:
                self.newline(xf, level)
                ctx.__exit__(None, None, None)
                stack.pop()
            else:
                stack.append(
                    (self.open_unit(xf, child, level + 1), iter(child.children), level + 1)
                )

    def stub(self, number: int, attachment: Attachment, roots: list[ArchiveUnit]) -> etree._Element:
        """The existing SAE node the ``roots`` attach to, as Vitam's accepted SIPs spell it:
        Management/UpdateOperation, a Content with DescriptionLevel + Title, and one
        ``ArchiveUnitRefId`` child per attached root."""
        el = etree.Element("ArchiveUnit", id=f"ATT{number}")
        mgmt = self.management(Management(), attachment)
        assert mgmt is not None
        el.append(mgmt)
        content = etree.SubElement(el, "Content")
        _sub(content, "DescriptionLevel", "RecordGrp")
        title = next(
            (clean_text(r.attachment.title) for r in roots if r.attachment.title.strip()), ""
        )
        if not title:
            title = clean_text(attachment_system_id(attachment) or attachment.metadata_value)
        _sub(content, "Title", sanitize(title))  # display only: the SAE keeps its own
        for root in roots:
            ref = etree.SubElement(el, "ArchiveUnit", id=f"REF{root.uid}")
            _sub(ref, "ArchiveUnitRefId", f"AU{root.uid}")
        return el


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_AGENT_TEXT = (
    ("FirstName", "first_name"),
    ("BirthName", "birth_name"),
    ("FullName", "full_name"),
    ("GivenName", "given_name"),
    ("Corpname", "corpname"),
)
_AGENT_LISTS = (
    ("Identifier", "identifiers"),
    ("Function", "functions"),
    ("Activity", "activities"),
    ("Position", "positions"),
    ("Role", "roles"),
)
_AGENT_CHILDREN = frozenset(name for name, _ in _AGENT_TEXT + _AGENT_LISTS)


def _agent(agent: Agent) -> etree._Element:
    """An AgentType element, children in the XSD's order (Identifier comes after Corpname)."""
    el = etree.Element(agent.element if agent.element in AGENT_ROLES else "Writer")
    for tag, name in _AGENT_TEXT:
        value = clean_text(getattr(agent, name))
        if value.strip():
            _sub(el, tag, value)
    for tag, name in _AGENT_LISTS:
        for value in getattr(agent, name):
            if tag == "Identifier":
                _sub_token(el, tag, value)
            elif value.strip():
                _sub(el, tag, clean_text(value))
    return el


_KEPT_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_comments=False
)


def _parse_kept(text: str) -> etree._Element | None:
    """An element kept as XML text (see ``MoreDescription.raw_content``); None if damaged."""
    try:
        return etree.fromstring(text, _KEPT_PARSER)
    except etree.XMLSyntaxError:
        return None


def kept_xml(el: etree._Element, namespace: str) -> str:
    """``el`` as text to keep verbatim, its SEDA-namespace elements (``namespace``)
    unqualified, so it can be written back under any SEDA version."""
    copy = etree.fromstring(etree.tostring(el, with_tail=False), _KEPT_PARSER)
    prefix = f"{{{namespace}}}"
    for node in copy.iter():
        tag = node.tag
        if isinstance(tag, str) and tag.startswith(prefix):
            node.tag = tag[len(prefix) :]
    etree.cleanup_namespaces(copy)
    return str(etree.tostring(copy, encoding="unicode", with_tail=False))


def _copy_block(block: RuleCategory, category: str) -> RuleCategory:
    copy = RuleCategory(category)
    for name in RuleCategory.__slots__:
        if name != "category":
            setattr(copy, name, getattr(block, name))
    return copy


def write_manifest(
    package: Package,
    out: IO[bytes],
    *,
    version: str | None = None,
    uris: dict[int, str],
    message_identifier: str | None = None,
    date: datetime | None = None,
    agency_names: bool | None = None,
) -> list[Finding]:
    """Stream ``package``'s manifest (UTF-8, XML declaration) to the binary file ``out``.

    Returns ``EXPORT_ADAPTED`` findings: unit and object values the SAE's sanitizer would
    refuse are written made safe (``seda.sanitize``), the package keeps the original.

    ``uris`` maps ``BinaryObject.uid`` to its zip entry name (``content/…``); every object
    needs one (``ValueError`` otherwise). ``version`` defaults to ``package.seda_version``;
    ``message_identifier`` and ``date`` default to the header's, else generated / now.
    IDs: ``AU<uid>`` units, ``GOT<unit uid>`` groups, ``BDO<uid>`` objects, ``ATT<n>``
    attachment stubs, ``REF<uid>`` their references. Roots attached to the same SAE node
    are grouped under one stub (Vitam flavour only: see the module docstring).
    ``agency_names``: name the archival and transferring agencies in the header
    (``ORGANIZATION_NAME``); default, when the header names no transfer profile (SHERPA's
    profiles, Vitam's samples, allow their ``Identifier`` alone).
    """
    version = version or package.seda_version
    if version not in NAMESPACES:
        raise ValueError(f"unsupported SEDA version {version!r}")
    ns = NAMESPACES[version]
    header = package.header
    when = date or header.date or datetime.now().astimezone()
    identifier = _token(message_identifier or header.message_identifier) or new_message_identifier(
        when
    )
    w = _Writer(version, uris)

    # Attachment stubs: group roots by target node, in order of first appearance.
    stubs: dict[tuple[str, ...], list[ArchiveUnit]] = {}
    for root in package.roots:
        if root.attachment.is_set:
            stubs.setdefault(_attachment_key(root.attachment), []).append(root)

    seen: set[int] = set()
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(f"{{{ns}}}ArchiveTransfer", nsmap={None: ns}):
            comment = clean_text(header.comment)
            if comment.strip():
                w.put(xf, _element("Comment", comment), 1)
            w.put(xf, _element("Date", when.isoformat(timespec="seconds")), 1)
            w.put(xf, _element("MessageIdentifier", identifier), 1)
            agreement = _token(header.archival_agreement)
            if agreement:
                w.put(xf, _element("ArchivalAgreement", agreement), 1)
            w.put(xf, w.code_lists(header), 1)
            w.newline(xf, 1)
            with xf.element(f"{{{ns}}}DataObjectPackage"):
                for unit in package.walk():
                    if unit.uid in seen:
                        raise ValueError(f"unit uid {unit.uid} appears twice in the tree")
                    seen.add(unit.uid)
                    if unit.objects:
                        w.put(xf, w.group(unit), 2)
                seen.clear()
                w.newline(xf, 2)
                with xf.element(f"{{{ns}}}DescriptiveMetadata"):
                    for number, roots in enumerate(stubs.values(), start=1):
                        w.put(xf, w.stub(number, roots[0].attachment, roots), 3)
                    for root in package.roots:
                        w.tree(xf, root, 3)
                    w.newline(xf, 2)
                w.put(xf, w.management_metadata(header), 2)
                w.newline(xf, 1)
            # not when a transfer profile is named: SHERPA's profiles (Vitam's samples)
            # allow the Identifier alone there, and the SAE checks the profile
            named = not header.archival_profile.strip() if agency_names is None else agency_names
            for tag, ident, name in (
                ("ArchivalAgency", header.archival_agency, header.archival_agency_name),
                ("TransferringAgency", header.transferring_agency, header.transferring_agency_name),
            ):
                w.put(xf, w.agency(tag, ident, name if named else ""), 1)
            xf.write("\n")
    return w.findings


def _element(tag: str, text: str) -> etree._Element:
    el = etree.Element(tag)
    el.text = text
    return el


# ---------------------------------------------------------------------------------------
# reader
# ---------------------------------------------------------------------------------------

_WATCHED = (
    "ArchiveTransfer",
    "Comment",
    "Date",
    "MessageIdentifier",
    "ArchivalAgreement",
    "CodeListVersions",
    "ArchivalAgency",
    "TransferringAgency",
    "DataObjectGroup",
    "BinaryDataObject",
    "PhysicalDataObject",
    "ArchiveUnit",
    "ArchiveUnitRefId",
    "ArchiveUnitProfile",
    "Management",
    "Content",
    "DataObjectReference",
    "ManagementMetadata",
)
_HEADER_FIELDS = frozenset(
    {
        "Comment",
        "Date",
        "MessageIdentifier",
        "ArchivalAgreement",
        "CodeListVersions",
        "ArchivalAgency",
        "TransferringAgency",
    }
)

# HoldRuleDefGroup: what may follow a HoldRule's Rule/StartDate (SEDA 2.2/2.3, Vitam 2.1).
_HOLD_FIELDS = frozenset(
    {"HoldEndDate", "HoldOwner", "HoldReassessingDate", "HoldReason", "PreventRearrangement"}
)


@dataclass(slots=True, eq=False)
class _UnitRecord:
    """One ``<ArchiveUnit>`` element while reading: the unit, or a reference to one."""

    index: int
    xml_id: str
    line: int | None
    unit: ArchiveUnit
    top: bool
    ref_id: str | None = None
    attachment: Attachment | None = None  # set on stubs (Management/UpdateOperation)
    children: list[_UnitRecord] = field(default_factory=list)
    group_refs: list[tuple[str, int | None]] = field(default_factory=list)
    object_refs: list[tuple[str, int | None]] = field(default_factory=list)
    linked: bool = False


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _text(el: etree._Element) -> str:
    return el.text or ""


def _parse_bool(value: str) -> bool | None:
    value = value.strip()
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    return None


_TZ_SUFFIX = re.compile(r"(Z|[+-]\d\d:\d\d)$")

# Content children read into lists (the rest: see _Reader.content_field).
_ID_LISTS = {
    "FilePlanPosition": "file_plan_position",
    "ArchivalAgencyArchiveUnitIdentifier": "archival_ids",
    "OriginatingAgencyArchiveUnitIdentifier": "originating_ids",
}
_MORE_LISTS = {
    "SystemId": "system_ids",
    "OriginatingSystemId": "originating_system_ids",
    "Language": "languages",
    "Tag": "tags",
}
_MANAGED = frozenset({*RULE_CATEGORIES, "UpdateOperation"})
_KEYWORD_PARTS = ["KeywordContent", "KeywordType"]
_COMPOUND = frozenset({"Keyword", "CustodialHistory", "Coverage", *AGENT_ROLES})


def _parse_date_type(text: str) -> date | None:
    """SEDA DateType (xsd:date or xsd:dateTime) as ``date`` / ``datetime``, time and zone
    kept; None when it is neither."""
    text = text.strip()
    try:
        if "T" in text:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
            return date.fromisoformat(text)
    except ValueError:
        return None
    return None


class _Reader:
    def __init__(self, path: str, findings: list[Finding]) -> None:
        self.path = path
        self.findings = findings
        self.ns = ""
        self.prefix = ""
        self.root: etree._Element | None = None
        self.header = TransferHeader()
        self.records: list[_UnitRecord] = []
        self.stack: list[_UnitRecord] = []
        self.groups: dict[str, list[BinaryObject]] = {}
        self.object_group: dict[
            str, str
        ] = {}  # BinaryDataObject/PhysicalDataObject id -> group key
        self.strings: dict[str, str] = {}
        self.new_ids: dict[str, str] = {}  # xml id read -> the id the writer will give it

    def shared(self, value: str) -> str:
        """One string object per distinct value of fields that repeat on every object
        (level, format, version...): saves tens of MB on 100,000 units."""
        if len(self.strings) < 10_000:
            return self.strings.setdefault(value, value)
        return self.strings.get(value, value)

    def warn(self, code: str, line: int | None, **params: Any) -> None:
        self.findings.append(Finding(code, Severity.WARNING, self.path, params, line=line))

    # -- dates -------------------------------------------------------------------------
    def date(self, el: etree._Element, end: bool = False) -> date | None:
        """xsd:date / dateTime / gYear / gYearMonth -> date (times dropped: the model's
        unit and rule dates are days). Partial dates give the period's first day, or its
        last for an end date."""
        raw = _text(el).strip()
        if not raw:
            return None
        value = _TZ_SUFFIX.sub("", raw) if "T" not in raw else raw
        try:
            if "T" in value:
                return datetime.fromisoformat(value).date()
            parts = value.split("-")
            if len(parts) == 3:
                return date.fromisoformat(value)
            if len(parts) == 2:
                year, month = int(parts[0]), int(parts[1])
                if not end:
                    return date(year, month, 1)
                nxt = date(year + month // 12, month % 12 + 1, 1)
                return date.fromordinal(nxt.toordinal() - 1)
            if len(parts) == 1 and value.isdigit():
                return date(int(value), 12, 31) if end else date(int(value), 1, 1)
        except ValueError:
            pass
        self.warn(Code.MANIFEST_BAD_DATE, el.sourceline, field=_local(el.tag), value=raw)
        return None

    def datetime(self, el: etree._Element) -> datetime | None:
        raw = _text(el).strip()
        if not raw:
            return None
        try:
            if "T" in raw:
                return datetime.fromisoformat(raw)
            day = self.date(el)
            return datetime(day.year, day.month, day.day) if day else None
        except ValueError:
            self.warn(Code.MANIFEST_BAD_DATE, el.sourceline, field=_local(el.tag), value=raw)
            return None

    # -- element helpers ---------------------------------------------------------------
    def children(self, el: etree._Element) -> Iterator[tuple[str, etree._Element]]:
        """(local name, child) for the SEDA-namespace element children of ``el``."""
        prefix = self.prefix
        for child in el:
            tag = child.tag
            if isinstance(tag, str) and tag.startswith(prefix):
                yield tag[len(prefix) :], child

    def child_text(self, el: etree._Element, name: str) -> str:
        for local, child in self.children(el):
            if local == name:
                return _text(child).strip()
        return ""

    # -- parts -------------------------------------------------------------------------
    def header_field(self, name: str, el: etree._Element) -> None:
        h = self.header
        if name == "Comment":
            if not h.comment:
                h.comment = _text(el)
        elif name == "Date":
            h.date = self.datetime(el)
        elif name == "MessageIdentifier":
            h.message_identifier = _text(el).strip()
        elif name == "ArchivalAgreement":
            h.archival_agreement = _text(el).strip()
        elif name == "CodeListVersions":
            for local, child in self.children(el):
                h.code_list_versions[local] = _text(child).strip()
        elif name == "ArchivalAgency":
            h.archival_agency = self.child_text(el, "Identifier")
            h.archival_agency_name = h.archival_agency_name or self.agency_name(el)
        elif name == "TransferringAgency":
            h.transferring_agency = self.child_text(el, "Identifier")
            h.transferring_agency_name = h.transferring_agency_name or self.agency_name(el)

    def agency_name(self, el: etree._Element) -> str:
        """The name Verso (``ORGANIZATION_NAME``) and some tools put in
        ``OrganizationDescriptiveMetadata`` (an open element: ``Name``, ``OrganizationName``
        or ``Nom``, any namespace); "" when none."""
        for local, child in self.children(el):
            if local == "OrganizationDescriptiveMetadata":
                for value in child:
                    if isinstance(value.tag, str) and etree.QName(value).localname in (
                        "Name",
                        "OrganizationName",
                        "Nom",
                    ):
                        return _text(value).strip()
        return ""

    def rule_block(self, category: str, el: etree._Element) -> RuleCategory:
        block = RuleCategory(category)
        for name, child in self.children(el):
            if name == "Rule":
                block.rules.append(Rule(_text(child).strip()))
            elif name == "StartDate":
                if block.rules:
                    block.rules[-1].start_date = self.date(child)
            elif name == "PreventInheritance":
                block.prevent_inheritance = bool(_parse_bool(_text(child)))
            elif name == "RefNonRuleId":
                block.ref_non_rule_ids.append(_text(child).strip())
            elif name == "FinalAction":
                block.final_action = _text(child).strip()
            elif name == "ClassificationAudience":
                block.classification_audience = _text(child).strip()
            elif name == "ClassificationLevel":
                block.classification_level = _text(child).strip()
            elif name == "ClassificationOwner":
                block.classification_owner = _text(child).strip()
            elif name == "ClassificationReassessingDate":
                block.classification_reassessing_date = self.date(child)
            elif name == "NeedReassessingAuthorization":
                block.need_reassessing_authorization = _parse_bool(_text(child))
            # HoldRule extras (HoldRuleDefGroup) belong to the Rule they follow
            elif name in _HOLD_FIELDS:
                if block.rules:
                    self.hold_field(block.rules[-1], name, child)
        return block

    def hold_field(self, rule: Rule, name: str, el: etree._Element) -> None:
        """Set one HoldRuleDefGroup extra on the rule it follows."""
        if name == "HoldEndDate":
            rule.hold_end_date = self.date(el, end=True)
        elif name == "HoldOwner":
            rule.hold_owner = _text(el).strip()
        elif name == "HoldReassessingDate":
            rule.hold_reassessing_date = self.date(el)
        elif name == "HoldReason":
            rule.hold_reason = _text(el).strip()
        elif name == "PreventRearrangement":
            rule.prevent_rearrangement = _parse_bool(_text(el))

    def management(
        self, el: etree._Element, management: Management, raw: list[str] | None = None
    ) -> Attachment | None:
        """Rule blocks into ``management``; the UpdateOperation, if any, returned; other
        children kept as XML in ``raw`` when given (a unit's Management)."""
        attachment = None
        if raw is not None:
            for child in el:
                tag = child.tag
                if not isinstance(tag, str):
                    continue
                if not tag.startswith(self.prefix) or _local(tag) not in _MANAGED:
                    raw.append(kept_xml(child, self.ns))
        for name, child in self.children(el):
            if name in RULE_CATEGORIES:
                management.rules[name] = self.rule_block(name, child)
            elif name == "UpdateOperation":
                attachment = Attachment()
                for op_name, op in self.children(child):
                    if op_name == "SystemId":
                        attachment.system_id = _text(op).strip()
                    elif op_name == "ArchiveUnitIdentifierKey":
                        attachment.metadata_name = self.child_text(op, "MetadataName")
                        for key_name, key_el in self.children(op):
                            if key_name == "MetadataValue":
                                attachment.metadata_value = _text(key_el)
        return attachment

    def content(self, el: etree._Element, unit: ArchiveUnit) -> None:
        """Fill ``unit`` from ``<Content>``; what has no field (or carries attributes the
        field cannot hold) is kept verbatim in ``unit.more.raw_content``."""
        titled = described = False
        more = unit.more or MoreDescription()  # Management may have come first
        prefix = self.prefix
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue  # comments, processing instructions
            if not tag.startswith(prefix):
                more.raw_content.append(kept_xml(child, self.ns))  # extension element
                continue
            name = tag[len(prefix) :]
            if not self.content_field(name, child, unit, more, titled, described):
                more.raw_content.append(kept_xml(child, self.ns))
            elif name == "Title":
                titled = True
            elif name == "Description":
                described = True
        if not more.is_empty():
            unit.more = more

    def content_field(
        self,
        name: str,
        child: etree._Element,
        unit: ArchiveUnit,
        more: MoreDescription,
        titled: bool,
        described: bool,
    ) -> bool:
        """Read one Content child into a field; False when it must be kept as XML."""
        attrs = child.attrib
        if name in ("Title", "Description"):
            if titled if name == "Title" else described:
                return False  # the second one (another language...): kept as is
            lang = (attrs.get(_XML_LANG) or "").strip()
            if name == "Title":
                unit.title, more.title_lang = _text(child), lang
            else:
                unit.description, more.description_lang = _text(child), lang
            return True
        text = _text(child).strip()
        if name == "DescriptionLevel":  # a plain token: the XSD allows no attribute
            unit.level = self.shared(text)
            return True
        if attrs or len(child) and name not in _COMPOUND:
            return False
        if name in _ID_LISTS:
            unit.own(_ID_LISTS[name]).append(text)
        elif name in _MORE_LISTS:
            getattr(more, _MORE_LISTS[name]).append(text)
        elif name == "DescriptionLanguage":
            more.description_language = text
        elif name == "Keyword":
            pairs = self.plain_pairs(child)
            names = [local for local, _ in pairs or ()]
            if pairs is None or sorted(names) not in (["KeywordContent"], _KEYWORD_PARTS):
                return False
            parts = dict(pairs)
            unit.own("keywords").append(
                Keyword(parts["KeywordContent"], self.shared(parts.get("KeywordType", "").strip()))
            )
        elif name == "CustodialHistory":
            pairs = self.plain_pairs(child)
            if pairs is None or any(local != "CustodialHistoryItem" for local, _ in pairs):
                return False
            more.custodial_history.extend(value for _, value in pairs)
        elif name == "Coverage":
            pairs = self.plain_pairs(child)
            if pairs is None:
                return False
            for local, value in pairs:
                getattr(more, local.lower()).append(value)
        elif name in AGENT_ROLES:
            agent = self.agent(name, child)
            if agent is None:
                return False
            more.agents.append(agent)
        elif name in ("TransactedDate", "AcquiredDate"):
            when = _parse_date_type(text)
            if when is None:
                return False
            setattr(more, "transacted_date" if name == "TransactedDate" else "acquired_date", when)
        elif name == "StartDate":
            unit.start_date = self.date(child)
        elif name == "EndDate":
            unit.end_date = self.date(child, end=True)
        else:
            return False
        return True

    def plain_pairs(self, el: etree._Element) -> list[tuple[str, str]] | None:
        """(name, text) of ``el``'s children when all are plain SEDA text elements
        (no attributes, no children, no foreign element); None otherwise."""
        pairs: list[tuple[str, str]] = []
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if not tag.startswith(self.prefix) or child.attrib or len(child):
                return None
            pairs.append((tag[len(self.prefix) :], _text(child)))
        return pairs

    def agent(self, name: str, el: etree._Element) -> Agent | None:
        pairs = self.plain_pairs(el)
        if pairs is None or any(local not in _AGENT_CHILDREN for local, _ in pairs):
            return None
        agent = Agent(name)
        seen: set[str] = set()
        for local, value in pairs:
            for tag, attr in _AGENT_TEXT:
                if local == tag:
                    if tag in seen:
                        return None
                    seen.add(tag)
                    setattr(agent, attr, value)
            for tag, attr in _AGENT_LISTS:
                if local == tag:
                    getattr(agent, attr).append(value.strip() if tag == "Identifier" else value)
        return agent

    def child_text_raw(self, el: etree._Element, name: str) -> str:
        for local, child in self.children(el):
            if local == name:
                return _text(child)
        return ""

    def binary_object(self, el: etree._Element) -> BinaryObject:
        obj = BinaryObject(source="", filename="")
        fmt = FormatInfo()
        for name, child in self.children(el):
            if name == "DataObjectVersion":
                obj.version = self.shared(_text(child).strip())
            elif name == "Uri":
                obj.source = _text(child).strip()
            elif name == "MessageDigest":
                digest = _text(child).strip()
                obj.digest = digest.lower() if _HEX.fullmatch(digest) else digest
                obj.digest_algorithm = self.shared((child.get("algorithm") or "").strip())
            elif name == "Size":
                try:
                    obj.size = int(_text(child).strip())
                except ValueError:
                    obj.size = 0
            elif name == "FormatIdentification":
                fmt.name = self.shared(self.child_text(child, "FormatLitteral"))
                fmt.mime = self.shared(self.child_text(child, "MimeType"))
                fmt.puid = self.shared(self.child_text(child, "FormatId"))
            elif name == "FileInfo":
                obj.filename = self.child_text_raw(child, "Filename")
                for info_name, info in self.children(child):
                    if info_name == "LastModified":
                        obj.last_modified = self.datetime(info)
        obj.format = fmt
        if not obj.filename and obj.source:
            obj.filename = obj.source.replace("\\", "/").rpartition("/")[2]
        return obj

    def data_object(self, name: str, el: etree._Element, parent: etree._Element) -> None:
        """A Binary/PhysicalDataObject, inside a DataObjectGroup or (2.1) loose."""
        oid = el.get("id") or ""
        if _local(parent.tag) == "DataObjectGroup":
            key = parent.get("id") or f"#{id(parent)}"
        else:
            key = self.child_text(el, "DataObjectGroupId") or self.child_text(
                el, "DataObjectGroupReferenceId"
            )
            key = key or f"obj:{oid}"
        group = self.groups.setdefault(key, [])
        if oid:
            self.object_group[oid] = key
        if name == "BinaryDataObject":
            obj = self.binary_object(el)
            group.append(obj)
            if oid:
                self.new_ids[oid] = f"BDO{obj.uid}"

    # -- main loop ---------------------------------------------------------------------
    def start(self, name: str, el: etree._Element) -> None:
        if name != "ArchiveUnit":
            return
        parent = self.stack[-1] if self.stack else None
        rec = _UnitRecord(
            index=len(self.records),
            xml_id=el.get("id") or "",
            line=el.sourceline,
            unit=ArchiveUnit(title=""),
            top=parent is None,
        )
        self.records.append(rec)
        if parent is not None:
            parent.children.append(rec)
        self.stack.append(rec)

    def end(self, name: str, el: etree._Element) -> None:
        parent = el.getparent()
        if parent is None:
            return
        if parent is self.root:
            if name in _HEADER_FIELDS:
                self.header_field(name, el)
            return
        pname = _local(parent.tag)
        if name == "ArchiveUnit":
            if self.stack:
                self.stack.pop()
            _free(el)
        elif pname == "ArchiveUnit" and self.stack:
            rec = self.stack[-1]
            if name == "Content":
                self.content(el, rec.unit)
            elif name == "Management":
                raw: list[str] = []
                rec.attachment = self.management(el, rec.unit.management, raw)
                if raw:
                    rec.unit.more_description().raw_management.extend(raw)
            elif name == "ArchiveUnitRefId":
                rec.ref_id = _text(el).strip()
            elif name == "ArchiveUnitProfile":
                rec.unit.archive_unit_profile = _text(el).strip()
            elif name == "DataObjectReference":
                for ref_name, ref in self.children(el):
                    target = (_text(ref).strip(), ref.sourceline)
                    if ref_name == "DataObjectGroupReferenceId":
                        rec.group_refs.append(target)
                    elif ref_name == "DataObjectReferenceId":
                        rec.object_refs.append(target)
        elif name in ("BinaryDataObject", "PhysicalDataObject"):
            if pname in ("DataObjectGroup", "DataObjectPackage"):
                self.data_object(name, el, parent)
                _free(el)
        elif name == "DataObjectGroup" and pname == "DataObjectPackage":
            self.groups.setdefault(el.get("id") or f"#{id(el)}", [])
            _free(el)
        elif name == "ManagementMetadata" and pname == "DataObjectPackage":
            h = self.header
            for field_name, child in self.children(el):
                if field_name == "ArchivalProfile":
                    h.archival_profile = _text(child).strip()
                elif field_name == "AcquisitionInformation":
                    h.acquisition_information = _text(child).strip()
                elif field_name == "LegalStatus":
                    h.legal_status = _text(child).strip()
                elif field_name == "OriginatingAgencyIdentifier":
                    h.originating_agency = _text(child).strip()
                elif field_name == "SubmissionAgencyIdentifier":
                    h.submission_agency = _text(child).strip()
            self.management(el, h.management)

    def parse(self, stream: IO[bytes]) -> None:
        events = etree.iterparse(
            stream,
            events=("start", "end"),
            tag=[f"{{*}}{name}" for name in _WATCHED],
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=True,
            remove_comments=True,
            remove_pis=True,
        )
        for event, el in events:
            tag: str = el.tag  # type: ignore[assignment]  # no comments/PIs: tag=... filter
            if self.root is None:
                if event != "start":
                    continue
                self.check_root(el)
                continue
            if not tag.startswith(self.prefix):
                continue
            name = tag[len(self.prefix) :]
            if event == "start":
                self.start(name, el)
            else:
                self.end(name, el)
        if self.root is None:
            raise ManifestError(
                [
                    Finding(
                        Code.MANIFEST_NOT_SEDA,
                        Severity.ERROR,
                        self.path,
                        {
                            "root": _local(getattr(events.root, "tag", "")),
                            "namespace": etree.QName(events.root).namespace or ""
                            if events.root is not None
                            else "",
                        },
                    )
                ]
            )

    def check_root(self, el: etree._Element) -> None:
        tree = el.getroottree()
        docinfo = tree.docinfo
        if docinfo.doctype or docinfo.internalDTD is not None:
            raise ManifestError([Finding(Code.MANIFEST_DTD, Severity.ERROR, self.path, {}, line=1)])
        ns = etree.QName(el).namespace or ""
        if (
            tree.getroot() is not el
            or _local(el.tag) != "ArchiveTransfer"
            or ns not in VERSION_BY_NAMESPACE
        ):
            raise ManifestError(
                [
                    Finding(
                        Code.MANIFEST_NOT_SEDA,
                        Severity.ERROR,
                        self.path,
                        {"root": _local(tree.getroot().tag), "namespace": ns},
                        line=el.sourceline,
                    )
                ]
            )
        self.root = el
        self.ns = ns
        self.prefix = f"{{{ns}}}"

    # -- assembling ----------------------------------------------------------------------
    def package(self) -> Package:
        by_id: dict[str, _UnitRecord] = {}
        for rec in self.records:
            if rec.xml_id and rec.xml_id not in by_id:
                by_id[rec.xml_id] = rec

        attached: list[_UnitRecord] = []
        for rec in self.records:
            if rec.ref_id is not None:
                continue
            stub = rec.attachment is not None and rec.top
            for child in rec.children:
                target = child
                if child.ref_id is not None:
                    found = _resolve(by_id, child.ref_id)
                    if found is None:
                        self.warn(
                            Code.MANIFEST_BAD_REFERENCE,
                            child.line,
                            id=child.ref_id,
                            kind="ArchiveUnit",
                        )
                        continue
                    target = found
                if target.attachment is not None and target.top:
                    continue  # a stub below something: meaningless, ignored
                if target.linked:
                    self.warn(
                        Code.MANIFEST_SHARED_REFERENCE,
                        child.line,
                        id=target.xml_id,
                        kind="ArchiveUnit",
                    )
                    continue
                if stub:
                    assert rec.attachment is not None
                    att = rec.attachment
                    target.unit.attachment = Attachment(
                        att.system_id, att.metadata_name, att.metadata_value, rec.unit.title
                    )
                    target.linked = True
                    attached.append(target)
                    continue
                if child is not target and (
                    target is rec or any(a is target.unit for a in rec.unit.ancestors())
                ):
                    self.warn(
                        Code.MANIFEST_BAD_REFERENCE, child.line, id=target.xml_id, kind="cycle"
                    )
                    continue
                target.linked = True
                target.unit.parent = rec.unit
                rec.unit.own("children").append(target.unit)

        roots = [
            rec
            for rec in self.records
            if rec.top and rec.ref_id is None and rec.attachment is None and not rec.linked
        ]
        roots.extend(attached)
        roots.sort(key=lambda r: r.index)
        self.attach_objects()
        self.renumber_kept([r.unit for r in self.records if r.ref_id is None])
        seda_version = VERSION_BY_NAMESPACE[self.ns]
        return Package(header=self.header, roots=[r.unit for r in roots], seda_version=seda_version)

    def attach_objects(self) -> None:
        used: set[str] = set()
        for rec in self.records:
            if rec.ref_id is not None or (rec.attachment is not None and rec.top):
                continue
            keys = [(gid, line, "DataObjectGroup") for gid, line in rec.group_refs]
            keys += [
                (self.object_group.get(oid, ""), line, "DataObject")
                if oid in self.object_group
                else (oid, line, "DataObject")
                for oid, line in rec.object_refs
            ]
            for key, line, kind in keys:
                if key not in self.groups:
                    self.warn(Code.MANIFEST_BAD_REFERENCE, line, id=key, kind=kind)
                elif key in used:
                    if self.groups[key]:
                        self.warn(Code.MANIFEST_SHARED_REFERENCE, line, id=key, kind=kind)
                else:
                    used.add(key)
                    if self.groups[key] and not key.startswith(("#", "obj:")):
                        self.new_ids[key] = f"GOT{rec.unit.uid}"
                    rec.unit.objects.extend(self.groups[key])
        for key, objects in self.groups.items():
            if key not in used and objects:
                self.warn(Code.MANIFEST_ORPHAN_OBJECT, None, id=key.removeprefix("obj:"))

    def renumber_kept(self, units: list[ArchiveUnit]) -> None:
        """References inside kept XML (RelatedObjectReference, CustodialHistoryFile...)
        follow the units and objects they name to the ids the writer gives them."""
        for rec in self.records:
            if rec.xml_id and rec.ref_id is None and rec.xml_id not in self.new_ids:
                self.new_ids[rec.xml_id] = f"AU{rec.unit.uid}"
        for unit in units:
            more = unit.more
            if more is None or not more.raw_content:
                continue
            for i, text in enumerate(more.raw_content):
                if not any(name in text for name in _IDREF_ELEMENTS):
                    continue
                el = _parse_kept(text)
                if el is None:
                    continue
                changed = False
                for node in el.iter():
                    if _local(node.tag) in _IDREF_ELEMENTS:
                        target = self.new_ids.get((node.text or "").strip())
                        if target is not None:
                            node.text, changed = target, True
                if changed:
                    more.raw_content[i] = str(etree.tostring(el, encoding="unicode"))


# Elements whose text names another element of the manifest by its xml id.
_IDREF_ELEMENTS = (
    "ArchiveUnitRefId",
    "DataObjectReferenceId",
    "DataObjectGroupReferenceId",
    "SignedDocumentReferenceId",
    "SignedObjectId",
)


def _resolve(by_id: dict[str, _UnitRecord], ref_id: str) -> _UnitRecord | None:
    """The unit ``ref_id`` names, following references to references (Vitam's SIPs have
    them); None when dangling or looping."""
    seen: set[str] = set()
    rec = by_id.get(ref_id)
    while rec is not None and rec.ref_id is not None:
        if rec.ref_id in seen:
            return None
        seen.add(rec.ref_id)
        rec = by_id.get(rec.ref_id)
    return rec


def _free(el: etree._Element) -> None:
    """Drop an element already read, and its read siblings (keeps memory flat)."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def content_element(unit: ArchiveUnit, version: str) -> etree._Element:
    """``unit``'s ``<Content>`` as the writer makes it (unqualified names, XSD order):
    the CSV export flattens it into columns."""
    return _Writer(version, {}).content(unit)


def management_element(unit: ArchiveUnit, version: str) -> etree._Element | None:
    """``unit``'s ``<Management>`` as the writer makes it (rules, kept elements)."""
    raw = unit.more.raw_management if unit.more is not None else None
    return _Writer(version, {}).management(unit.management, raw=raw)


def read_content(
    content: etree._Element, unit: ArchiveUnit, findings: list[Finding] | None = None
) -> None:
    """Fill ``unit`` from a ``<Content>`` element in a SEDA namespace, as ``read_manifest``
    does (the CSV import builds one per row and reads it the same way)."""
    ns = etree.QName(content).namespace or ""
    reader = _Reader("", [] if findings is None else findings)
    reader.ns, reader.prefix = ns, f"{{{ns}}}"
    reader.content(content, unit)


def read_manifest(
    source: str | os.PathLike[str] | bytes | IO[bytes],
    *,
    findings: list[Finding] | None = None,
) -> Package:
    """Read a SEDA 2.1/2.2/2.3 manifest (a path, its bytes or a binary file object).

    Objects' ``source`` is the Uri as written. Attachment stubs become ``Attachment``s on
    the units below them (``title`` = the stub's Title). Raises ``ManifestError`` when the
    file cannot be read, is not well-formed XML, has a DTD, or is not a SEDA 2.1-2.3
    ArchiveTransfer; non-fatal problems go to ``findings`` when given.
    """
    collected: list[Finding] = [] if findings is None else findings
    stream: IO[bytes]
    if isinstance(source, bytes):
        path, opened, stream = "", False, io.BytesIO(source)
    elif isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        try:
            stream = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise ManifestError(
                [Finding(Code.MANIFEST_UNREADABLE, Severity.ERROR, path, {"error": str(exc)})]
            ) from exc
        opened = True
    else:
        path, opened, stream = str(getattr(source, "name", "") or ""), False, source
    reader = _Reader(path, collected)
    try:
        reader.parse(stream)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) and exc.lineno > 0 else None
        raise ManifestError(
            [
                Finding(
                    Code.MANIFEST_MALFORMED,
                    Severity.ERROR,
                    path,
                    {"message": exc.msg or str(exc), "line": line},
                    line=line,
                )
            ]
        ) from None
    except OSError as exc:
        raise ManifestError(
            [Finding(Code.MANIFEST_UNREADABLE, Severity.ERROR, path, {"error": str(exc)})]
        ) from exc
    finally:
        if opened:
            stream.close()
    return reader.package()


__all__ = [
    "CODE_LISTS",
    "NAMESPACES",
    "VERSION_BY_NAMESPACE",
    "ManifestError",
    "clean_text",
    "content_element",
    "kept_xml",
    "management_element",
    "new_message_identifier",
    "read_content",
    "read_manifest",
    "attachment_system_id",
    "write_manifest",
]
