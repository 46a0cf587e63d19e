"""seda.manifest: streaming writer, reader, round trip, XSD validity in every version."""

from __future__ import annotations

import hashlib
import io
import re
import time
import tracemalloc
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import etree

from seda.findings import Code
from seda.manifest import (
    NAMESPACES,
    ManifestError,
    clean_text,
    read_manifest,
    write_manifest,
)
from seda.model import (
    RULE_CATEGORIES,
    SEDA_VERSIONS,
    ArchiveUnit,
    Attachment,
    BinaryObject,
    DescriptionLevel,
    FormatInfo,
    Keyword,
    Management,
    Package,
    Rule,
    RuleCategory,
)
from seda.sanitize import sanitize
from seda.xsd import load_schema, validate

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
XSD = SHARED / "seda-xsd"
ODD = "Délib. n°12 <&> \"quoted\" 'apos' 😀 \x01\x0b\x1f\ufffe fin"
SYSTEM_ID = "aeaqaaaaaahkmf7iabqi6aliefaqiyqaaaaq"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")


# -- building packages ------------------------------------------------------------------


def fill_rules(management: Management, seed: int) -> None:
    """Every category, with the extras each one takes."""
    day = date(2000, 1, 1) + timedelta(days=seed)
    for cat in RULE_CATEGORIES:
        block = management.category(cat)
        prefix = cat[:3].upper()
        block.rules = [Rule(f"{prefix}-{seed}", day), Rule(f"{prefix}-X{seed}")]
    management.rules["StorageRule"].final_action = "Copy"
    management.rules["AppraisalRule"].final_action = "Destroy" if seed % 2 else "Keep"
    management.rules["AccessRule"].prevent_inheritance = True
    management.rules["DisseminationRule"].ref_non_rule_ids = [f"DIS-OLD{seed}", "DIS-OLD"]
    cls = management.rules["ClassificationRule"]
    cls.classification_level = "Secret Défense"
    cls.classification_owner = "Préfecture"
    cls.classification_audience = "Interne"
    cls.classification_reassessing_date = day + timedelta(days=3650)
    cls.need_reassessing_authorization = bool(seed % 2)
    # HoldRule extras are per rule: the first rule has all of them, the second its own few
    first, second = management.rules["HoldRule"].rules
    first.hold_end_date = day + timedelta(days=365)
    first.hold_owner = "Tribunal"
    first.hold_reassessing_date = day + timedelta(days=100)
    first.hold_reason = "Contentieux <en cours>"
    first.prevent_rearrangement = True
    second.hold_end_date = day + timedelta(days=30)
    second.hold_reason = f"Autre motif {seed}"


def make_object(i: int) -> BinaryObject:
    return BinaryObject(
        source=f"/srv/partage/fichier {i}.pdf",
        filename=f"fichier {i} été 😀.pdf" if i % 7 == 0 else f"fichier-{i}.pdf",
        size=1000 + i,
        digest=hashlib.sha512(str(i).encode()).hexdigest(),
        format=FormatInfo(
            puid="fmt/18" if i % 3 else "",
            name="Acrobat PDF 1.4 - Portable Document Format" if i % 3 else "",
            version="1.4",
            mime="application/pdf" if i % 5 else "",
        ),
        last_modified=datetime(2020, 6, 15, 12, 0, i % 60),
    )


def make_package(units: int = 300, *, attachment: bool = True) -> Package:
    """A package of ``units`` units (3 roots, folders of items) with everything we write."""
    pkg = Package()
    h = pkg.header
    h.comment = "Versement de la mairie " + ODD
    h.date = datetime(2026, 11, 22, 10, 30, 0)
    h.message_identifier = "MSG-TEST-1"
    h.archival_agreement = "IC-000001"
    h.archival_agency = "FRAD084"
    h.transferring_agency = "COMMUNE-42"
    h.originating_agency = "COMMUNE-42-SG"
    h.submission_agency = "COMMUNE-42"
    h.acquisition_information = "Versement"
    h.legal_status = "Public Archive"
    h.code_list_versions = {
        "ReplyCodeListVersion": "ReplyCodeListVersion0",
        "MessageDigestAlgorithmCodeListVersion": "MessageDigestAlgorithmCodeListVersion0",
        "MimeTypeCodeListVersion": "MimeTypeCodeListVersion0",
        "FileFormatCodeListVersion": "FileFormatCodeListVersion0",
    }
    fill_rules(h.management, 0)

    roots = [ArchiveUnit(f"Racine {r} {ODD}", level=DescriptionLevel.FONDS) for r in range(3)]
    if attachment:
        # roots 0 and 1 go under the same SAE node (one stub), root 2 by identifier key
        roots[0].attachment = Attachment(system_id=SYSTEM_ID, title="Noeud du plan")
        roots[1].attachment = Attachment(system_id=SYSTEM_ID, title="Noeud du plan")
        roots[2].attachment = Attachment(
            metadata_name="ArchivalAgencyArchiveUnitIdentifier",
            metadata_value="COTE-1 é",
            title="Série W",
        )
    pkg.roots = roots
    made = 3
    i = 0
    while made < units:
        root = roots[i % 3]
        folder = ArchiveUnit(f"Dossier {i} {ODD}", level=DescriptionLevel.FILE)
        folder.description = f"Description <b>{i}</b> & co \x00\x07"
        folder.start_date = date(1990, 1, 1) + timedelta(days=i)
        folder.end_date = date(2000, 1, 1) + timedelta(days=i)
        folder.keywords = [
            Keyword(f"mot-clé {i} <&>", "subject"),
            Keyword("Vaucluse", "geogname"),
            Keyword("sans type"),
        ]
        folder.originating_ids = [f"ORIG-{i}", f"ORIG-{i}-bis"]
        folder.archival_ids = [f"ARCH-{i}"]
        folder.file_plan_position = [f"1.{i}"]
        if i % 4 == 0:
            fill_rules(folder.management, i)
        root.add(folder)
        made += 1
        for j in range(min(9, units - made)):
            item = ArchiveUnit(f"Pièce {i}.{j} 😀", level=DescriptionLevel.ITEM)
            item.objects.append(make_object(i * 10 + j))
            if j == 0:
                item.objects.append(make_object(100_000 + i))  # two objects in one group
            if j == 1:
                fill_rules(item.management, j)
            folder.add(item)
            made += 1
        i += 1
    return pkg


def uris_for(pkg: Package) -> dict[int, str]:
    return {obj.uid: f"content/ID{obj.uid}.pdf" for _unit, obj in pkg.objects()}


def write(pkg: Package, version: str, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    write_manifest(pkg, buf, version=version, uris=uris_for(pkg), **kwargs)  # type: ignore[arg-type]
    return buf.getvalue()


def local(el: etree._Element) -> str:
    return etree.QName(el).localname


@pytest.fixture(scope="session")
def vitam_schemas() -> dict[str, object]:
    """Load Vitam's flavour once per session (xmlschema takes a while)."""
    return {v: load_schema(v, XSD, flavour="vitam") for v in SEDA_VERSIONS}


@pytest.fixture(scope="module")
def package() -> Package:
    return make_package(300)


@pytest.fixture(scope="module")
def manifests(package: Package) -> dict[str, bytes]:
    return {v: write(package, v) for v in SEDA_VERSIONS}


# -- structure ----------------------------------------------------------------------------


@pytest.mark.parametrize("version", SEDA_VERSIONS)
def test_well_formed_namespaced_and_ids(manifests: dict[str, bytes], version: str) -> None:
    data = manifests[version]
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    root = etree.fromstring(data)
    assert root.tag == f"{{{NAMESPACES[version]}}}ArchiveTransfer"
    # every element lives in the version's namespace (no stray un-namespaced element)
    for el in root.iter(etree.Element):
        assert etree.QName(el).namespace == NAMESPACES[version], el.tag
    ids = [el.get("id") for el in root.iter() if el.get("id") is not None]
    assert len(ids) == len(set(ids))
    assert all(NCNAME.match(i) for i in ids)
    assert b"\n" in data and data.count(b"\n") > 1000  # one element per line: useful line numbers


@pytest.mark.parametrize("version", SEDA_VERSIONS)
def test_valid_vitam_flavour_with_everything(
    manifests: dict[str, bytes], version: str, vitam_schemas: dict[str, object]
) -> None:
    assert validate(manifests[version], version, XSD, flavour="vitam") == []


@pytest.mark.parametrize("version", SEDA_VERSIONS)
def test_valid_standard_without_attachment(version: str) -> None:
    pkg = make_package(200, attachment=False)
    data = write(pkg, version)
    assert validate(data, version, XSD, flavour="standard") == []


@pytest.mark.parametrize("version", SEDA_VERSIONS)
def test_valid_both_flavours_without_attachment(
    version: str, vitam_schemas: dict[str, object]
) -> None:
    pkg = make_package(60, attachment=False)
    data = write(pkg, version)
    assert validate(data, version, XSD, flavour="standard") == []
    assert validate(data, version, XSD, flavour="vitam") == []


@pytest.mark.parametrize("version", SEDA_VERSIONS)
def test_attachment_stubs_are_the_only_standard_error(
    manifests: dict[str, bytes], version: str
) -> None:
    """Standard SEDA has no UpdateOperation: documented limit, nothing else may fail."""
    findings = validate(manifests[version], version, XSD, flavour="standard")
    assert findings, "standard XSD unexpectedly accepts UpdateOperation"
    assert all("UpdateOperation" in f.params["message"] for f in findings)
    assert all(f.code == Code.VAL_SCHEMA and f.line for f in findings)


@pytest.mark.parametrize("version", SEDA_VERSIONS)
def test_hold_rule_only_where_the_version_has_it(manifests: dict[str, bytes], version: str) -> None:
    root = etree.fromstring(manifests[version])
    holds = root.findall(".//{*}HoldRule")
    if version == "2.1":
        assert holds == []
    else:
        assert holds
        names = [local(c) for c in holds[0]]
        # each rule followed by its own extras (HoldRuleDefGroup order)
        assert names == [
            "Rule",
            "StartDate",
            "HoldEndDate",
            "HoldOwner",
            "HoldReassessingDate",
            "HoldReason",
            "PreventRearrangement",
            "Rule",
            "HoldEndDate",
            "HoldReason",
        ]
        assert [e.text for e in holds[0].findall("{*}HoldReason")] == [
            "Contentieux <en cours>",
            "Autre motif 0",
        ]


def two_holds_package() -> Package:
    """One unit with two HoldRules, each with its own end date and reason (the second one
    has no StartDate: its HoldEndDate must not be paired with the first one's start)."""
    unit = ArchiveUnit("Dossier gelé", level=DescriptionLevel.FILE)
    block = unit.management.category("HoldRule")
    block.rules = [
        Rule(
            "HOL-00003",
            date(2010, 1, 1),
            hold_end_date=date(2012, 6, 30),
            hold_owner="Tribunal",
            hold_reason="Contentieux A",
            prevent_rearrangement=False,
        ),
        Rule("HOL-00002", hold_end_date=date(2001, 1, 1), hold_reason="Contentieux B"),
    ]
    block.ref_non_rule_ids = ["HOL-00009"]
    return Package(roots=[unit])


@pytest.mark.parametrize("version", ["2.2", "2.3"])
def test_two_hold_rules_each_with_its_own_extras(
    version: str, vitam_schemas: dict[str, object]
) -> None:
    pkg = two_holds_package()
    data = write(pkg, version)
    assert validate(data, version, XSD, flavour="standard") == []
    assert validate(data, version, XSD, flavour="vitam") == []
    (hold,) = etree.fromstring(data).findall(".//{*}HoldRule")
    assert [(local(c), c.text) for c in hold] == [
        ("Rule", "HOL-00003"),
        ("StartDate", "2010-01-01"),
        ("HoldEndDate", "2012-06-30"),
        ("HoldOwner", "Tribunal"),
        ("HoldReason", "Contentieux A"),
        ("PreventRearrangement", "false"),
        ("Rule", "HOL-00002"),
        ("HoldEndDate", "2001-01-01"),
        ("HoldReason", "Contentieux B"),
        ("RefNonRuleId", "HOL-00009"),
    ]
    back = read_manifest(data)
    got = back.roots[0].management.rules["HoldRule"]
    assert rule_tuple(got) == rule_tuple(pkg.roots[0].management.rules["HoldRule"])
    first, second = got.rules
    assert (first.hold_end_date, first.hold_reason) == (date(2012, 6, 30), "Contentieux A")
    assert (second.start_date, second.hold_end_date) == (None, date(2001, 1, 1))
    assert (second.hold_owner, second.prevent_rearrangement) == ("", None)


def test_hold_extras_read_onto_the_rule_they_follow() -> None:
    """Vitam's own test SIP layout: extras after a rule without StartDate, a partial end
    date, and a stray extra before any Rule (schema-invalid) that must not crash."""
    ns = NAMESPACES["2.2"]
    data = f"""<?xml version="1.0" encoding="UTF-8"?>
<ArchiveTransfer xmlns="{ns}"><Date>2026-01-01T00:00:00</Date>
<MessageIdentifier>M</MessageIdentifier>
<DataObjectPackage><DescriptiveMetadata>
<ArchiveUnit id="AU1"><Management><HoldRule>
<HoldReason>orpheline</HoldReason>
<Rule>HOL-1</Rule><StartDate>2000-01-01</StartDate><HoldOwner>Owner</HoldOwner>
<PreventRearrangement>true</PreventRearrangement>
<Rule>HOL-2</Rule><HoldEndDate>2017</HoldEndDate><HoldReassessingDate>2005-01-01</HoldReassessingDate>
</HoldRule></Management>
<Content><DescriptionLevel>Item</DescriptionLevel><Title>T</Title></Content></ArchiveUnit>
</DescriptiveMetadata><ManagementMetadata/></DataObjectPackage>
<ArchivalAgency><Identifier>A</Identifier></ArchivalAgency>
<TransferringAgency><Identifier>T</Identifier></TransferringAgency></ArchiveTransfer>
""".encode()
    hold = read_manifest(data).roots[0].management.rules["HoldRule"]
    one, two = hold.rules
    assert (one.rule_id, one.start_date, one.hold_end_date) == ("HOL-1", date(2000, 1, 1), None)
    assert (one.hold_owner, one.prevent_rearrangement, one.hold_reason) == ("Owner", True, "")
    assert (two.rule_id, two.start_date, two.hold_end_date) == ("HOL-2", None, date(2017, 12, 31))
    assert (two.hold_reassessing_date, two.hold_owner) == (date(2005, 1, 1), "")


def test_attachment_stubs_group_roots(manifests: dict[str, bytes], package: Package) -> None:
    root = etree.fromstring(manifests["2.1"])
    dm = root.find(".//{*}DescriptiveMetadata")
    assert dm is not None
    stubs = [au for au in dm if au.find("{*}Management/{*}UpdateOperation") is not None]
    assert len(stubs) == 2  # roots 0 and 1 share one stub
    by_system_id, by_key = stubs
    assert by_system_id.findtext("{*}Management/{*}UpdateOperation/{*}SystemId") == SYSTEM_ID
    assert by_system_id.findtext("{*}Content/{*}Title") == "Noeud du plan"
    assert by_system_id.findtext("{*}Content/{*}DescriptionLevel") == "RecordGrp"
    refs = [r.text for r in by_system_id.findall("{*}ArchiveUnit/{*}ArchiveUnitRefId")]
    top_ids = [au.get("id") for au in dm if au not in stubs]
    assert refs == top_ids[:2]
    key = by_key.find("{*}Management/{*}UpdateOperation/{*}ArchiveUnitIdentifierKey")
    assert key is not None
    assert key.findtext("{*}MetadataName") == "ArchivalAgencyArchiveUnitIdentifier"
    assert key.findtext("{*}MetadataValue") == "COTE-1 é"
    assert [r.text for r in by_key.findall("{*}ArchiveUnit/{*}ArchiveUnitRefId")] == top_ids[2:]


def test_content_and_object_element_order(manifests: dict[str, bytes]) -> None:
    root = etree.fromstring(manifests["2.2"])
    content = next(c for c in root.iter("{*}Content") if c.find("{*}Keyword") is not None)
    names = [local(c) for c in content]
    assert names == [
        "DescriptionLevel",
        "Title",
        "FilePlanPosition",
        "ArchivalAgencyArchiveUnitIdentifier",
        "OriginatingAgencyArchiveUnitIdentifier",
        "OriginatingAgencyArchiveUnitIdentifier",
        "Description",
        "Keyword",
        "Keyword",
        "Keyword",
        "StartDate",
        "EndDate",
    ]
    bdo = next(
        b for b in root.iter("{*}BinaryDataObject") if b.find("{*}FormatIdentification") is not None
    )
    assert [local(c) for c in bdo] == [
        "DataObjectVersion",
        "Uri",
        "MessageDigest",
        "Size",
        "FormatIdentification",
        "FileInfo",
    ]
    assert bdo.find("{*}MessageDigest").get("algorithm") == "SHA-512"  # type: ignore[union-attr]


def test_forbidden_characters_are_stripped(manifests: dict[str, bytes]) -> None:
    text = manifests["2.3"].decode("utf-8")
    for bad in ("\x00", "\x01", "\x07", "\x0b", "\x1f", "\ufffe"):
        assert bad not in text
    root = etree.fromstring(manifests["2.3"])
    titles = [t.text for t in root.iter("{*}Title")]
    assert clean_text(f"Racine 0 {ODD}") in titles
    assert "<&>" in clean_text(ODD) and "😀" in clean_text(ODD)
    assert "&lt;&amp;&gt;" in text  # escaped, not raw


def test_two_objects_in_a_group_get_distinct_versions(manifests: dict[str, bytes]) -> None:
    root = etree.fromstring(manifests["2.1"])
    for got in root.iter("{*}DataObjectGroup"):
        versions = [v.text for v in got.iter("{*}DataObjectVersion")]
        assert len(versions) == len(set(versions))
    assert any(
        [v.text for v in got.iter("{*}DataObjectVersion")] == ["BinaryMaster_1", "BinaryMaster_2"]
        for got in root.iter("{*}DataObjectGroup")
    )


def test_empty_optional_elements_are_omitted() -> None:
    pkg = Package()
    unit = ArchiveUnit("Seul", level="Item")
    unit.objects.append(BinaryObject("/x/vide.txt", "vide.txt", size=0, digest="ab" * 64))
    unit.own("keywords").append(Keyword("  "))
    unit.own("originating_ids").append("   ")
    pkg.roots = [unit]
    data = write(pkg, "2.1")
    root = etree.fromstring(data)
    bdo = root.find(".//{*}BinaryDataObject")
    assert bdo is not None
    assert bdo.find("{*}Size") is None  # Size is a positiveInteger
    assert bdo.find("{*}FormatIdentification") is None
    assert root.find(".//{*}Keyword") is None
    assert root.find(".//{*}OriginatingAgencyArchiveUnitIdentifier") is None
    assert root.find(".//{*}Comment") is None
    assert validate(data, "2.1", XSD, flavour="standard") == []


def test_message_identifier_and_date() -> None:
    pkg = Package(roots=[ArchiveUnit("A")])
    root = etree.fromstring(write(pkg, "2.1", date=datetime(2026, 11, 22, 8, 0, 0)))
    ident = root.findtext("{*}MessageIdentifier")
    assert ident is not None and re.fullmatch(r"VERSO-20261122-[0-9a-f]{12}", ident)
    assert root.findtext("{*}Date") == "2026-11-22T08:00:00"
    other = etree.fromstring(write(pkg, "2.1")).findtext("{*}MessageIdentifier")
    assert other != ident  # unique
    pkg.header.message_identifier = "FROM-HEADER"
    assert etree.fromstring(write(pkg, "2.1")).findtext("{*}MessageIdentifier") == "FROM-HEADER"
    given = write(pkg, "2.1", message_identifier="GIVEN")
    assert etree.fromstring(given).findtext("{*}MessageIdentifier") == "GIVEN"


def test_version_defaults_to_package_and_is_checked() -> None:
    pkg = Package(roots=[ArchiveUnit("A")], seda_version="2.3")
    buf = io.BytesIO()
    write_manifest(pkg, buf, uris={})
    assert etree.fromstring(buf.getvalue()).tag.startswith(f"{{{NAMESPACES['2.3']}}}")
    with pytest.raises(ValueError):
        write_manifest(pkg, io.BytesIO(), version="2.0", uris={})


def test_missing_uri_is_an_error() -> None:
    unit = ArchiveUnit("A")
    unit.objects.append(BinaryObject("/x/a.pdf", "a.pdf", 3, "ab" * 64))
    with pytest.raises(ValueError, match="URI"):
        write_manifest(Package(roots=[unit]), io.BytesIO(), uris={})


def test_unset_final_action_is_left_for_validation_to_report() -> None:
    pkg = Package(roots=[ArchiveUnit("A")])
    pkg.roots[0].management.category("AppraisalRule").rules.append(Rule("APP-1"))
    data = write(pkg, "2.2")
    findings = validate(data, "2.2", XSD, flavour="standard")
    assert findings and "AppraisalRule" in findings[0].params["message"]


def test_prevent_inheritance_wins_over_ref_non_rule_id() -> None:
    pkg = Package(roots=[ArchiveUnit("A")])
    block = pkg.roots[0].management.category("AccessRule")
    block.prevent_inheritance = True
    block.ref_non_rule_ids = ["ACC-1"]
    data = write(pkg, "2.1")
    root = etree.fromstring(data)
    assert root.find(".//{*}AccessRule/{*}PreventInheritance") is not None
    assert root.find(".//{*}AccessRule/{*}RefNonRuleId") is None
    assert validate(data, "2.1", XSD, flavour="standard") == []


def test_deep_tree_and_undecodable_names() -> None:
    """500 nested levels (no recursion limit on write or read) and a file name holding a
    lone surrogate (``os.fsdecode`` of non-UTF-8 bytes), which XML cannot carry."""
    pkg = Package()
    node = ArchiveUnit("niveau 0")
    pkg.roots = [node]
    for depth in range(1, 500):
        node = node.add(ArchiveUnit(f"niveau {depth}"))
    node.objects.append(BinaryObject("/x/caf\udce9.txt", "caf\udce9.txt", 4, "ab" * 64))
    data = write(pkg, "2.3")
    assert validate(data, "2.3", XSD, flavour="standard") == []
    back = read_manifest(data)
    units = list(back.walk())
    assert len(units) == 500 and units[-1].title == "niveau 499"
    assert units[-1].objects[0].filename == "caf.txt"
    assert len(list(units[-1].ancestors())) == 499


# -- round trip -------------------------------------------------------------------------------


def rule_tuple(block: RuleCategory) -> tuple[object, ...]:
    return (
        block.category,
        [
            (
                r.rule_id,
                r.start_date,
                r.hold_end_date,
                r.hold_owner,
                r.hold_reassessing_date,
                clean_text(r.hold_reason),
                r.prevent_rearrangement,
            )
            for r in block.rules
        ],
        block.prevent_inheritance,
        [] if block.prevent_inheritance else block.ref_non_rule_ids,
        block.final_action,
        block.classification_level,
        block.classification_owner,
        block.classification_audience,
        block.classification_reassessing_date,
        block.need_reassessing_authorization,
    )


def rules_of(management: Management, version: str) -> dict[str, tuple[object, ...]]:
    return {
        cat: rule_tuple(block)
        for cat, block in management.rules.items()
        if not (cat == "HoldRule" and version == "2.1")
    }


def unit_tuple(unit: ArchiveUnit, version: str) -> tuple[object, ...]:
    return (
        sanitize(clean_text(unit.title)),
        str(unit.level),
        sanitize(clean_text(unit.description)),
        unit.start_date,
        unit.end_date,
        [(sanitize(clean_text(k.content)), k.type) for k in unit.keywords],
        unit.originating_ids,
        unit.archival_ids,
        unit.file_plan_position,
        rules_of(unit.management, version),
        (unit.attachment.system_id, unit.attachment.metadata_name, unit.attachment.metadata_value)
        if unit.parent is None
        else None,
        [
            (
                o.size,
                o.digest,
                o.digest_algorithm,
                o.format.puid,
                o.format.name,
                o.format.mime,
                sanitize(clean_text(o.filename)),
                o.last_modified,
            )
            for o in unit.objects
        ],
        len(unit.children),
    )


@pytest.mark.parametrize("version", SEDA_VERSIONS)
def test_round_trip(package: Package, manifests: dict[str, bytes], version: str) -> None:
    back = read_manifest(manifests[version])
    assert back.seda_version == version
    h, b = package.header, back.header
    assert b.comment == clean_text(h.comment)
    assert b.date == h.date
    assert b.message_identifier == h.message_identifier
    assert b.archival_agreement == h.archival_agreement
    assert b.archival_agency == h.archival_agency
    assert b.transferring_agency == h.transferring_agency
    assert b.originating_agency == h.originating_agency
    assert b.submission_agency == h.submission_agency
    assert b.acquisition_information == h.acquisition_information
    assert b.legal_status == h.legal_status
    assert b.code_list_versions == h.code_list_versions
    assert rules_of(b.management, version) == rules_of(h.management, version)

    original = list(package.walk())
    read = list(back.walk())
    assert len(read) == len(original)
    for a, c in zip(original, read, strict=True):
        assert unit_tuple(c, version) == unit_tuple(a, version)
    # attachment titles come from the stub
    assert [r.attachment.title for r in back.roots] == ["Noeud du plan", "Noeud du plan", "Série W"]
    # sources are the Uris as written
    uris = uris_for(package)
    assert [o.source for _u, o in back.objects()] == [uris[o.uid] for _u, o in package.objects()]
    # tree shape: parents are consistent
    for unit in back.walk():
        for child in unit.children:
            assert child.parent is unit


def test_round_trip_datetimes_and_rewrite(package: Package) -> None:
    """Aware datetimes survive; a read package writes again to an identical document."""
    pkg = Package(roots=[ArchiveUnit("A")])
    obj = BinaryObject("/x/a.pdf", "a.pdf", 5, "AB" * 64)
    obj.last_modified = datetime(2021, 3, 4, 5, 6, 7, 123000, tzinfo=timezone(timedelta(hours=2)))
    pkg.roots[0].objects.append(obj)
    pkg.header.date = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    back = read_manifest(write(pkg, "2.2"))
    assert back.header.date == pkg.header.date
    got = next(iter(back.objects()))[1]
    assert got.last_modified == obj.last_modified
    assert got.digest == "ab" * 64  # hex kept lower-case

    first = write(package, "2.3")
    again = read_manifest(first)
    uris = {
        o.uid: u for o, u in zip((o for _x, o in again.objects()), _uri_list(package), strict=True)
    }
    second = io.BytesIO()
    write_manifest(again, second, uris=uris)
    normalise = re.compile(rb' id="[A-Z]+\d+"|>[A-Z]+\d+</')  # ids are uid-based
    assert normalise.sub(b"", second.getvalue()) == normalise.sub(b"", first)


def _uri_list(pkg: Package) -> Iterator[str]:
    uris = uris_for(pkg)
    return (uris[o.uid] for _u, o in pkg.objects())


# -- reading ------------------------------------------------------------------------------------

HAND_WRITTEN = """<?xml version="1.0" encoding="UTF-8"?>
<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.1"
    xmlns:ext="urn:example:ext">
  <Comment>Main</Comment><Comment>second ignored</Comment>
  <Date>2018-02-02</Date>
  <MessageIdentifier> MSG </MessageIdentifier>
  <CodeListVersions/>
  <DataObjectPackage>
    <BinaryDataObject id="BDO1">
      <DataObjectGroupId>GOT1</DataObjectGroupId>
      <DataObjectVersion>BinaryMaster_1</DataObjectVersion>
      <Uri>Content/a.pdf</Uri>
      <MessageDigest algorithm="SHA-256">ABCDEF</MessageDigest>
    </BinaryDataObject>
    <BinaryDataObject id="BDO2">
      <DataObjectGroupReferenceId>GOT1</DataObjectGroupReferenceId>
      <DataObjectVersion>Dissemination_1</DataObjectVersion>
      <Uri>Content/b.pdf</Uri>
      <MessageDigest algorithm="SHA-512">00</MessageDigest>
    </BinaryDataObject>
    <BinaryDataObject id="BDO3">
      <DataObjectVersion>BinaryMaster_1</DataObjectVersion>
      <Uri>Content/sub/c.txt</Uri>
      <MessageDigest algorithm="SHA-512">11</MessageDigest>
      <Size>12</Size>
    </BinaryDataObject>
    <BinaryDataObject id="BDO4">
      <DataObjectVersion>BinaryMaster_1</DataObjectVersion>
      <Uri>Content/orphan.txt</Uri>
      <MessageDigest algorithm="SHA-512">22</MessageDigest>
    </BinaryDataObject>
    <DescriptiveMetadata>
      <ArchiveUnit id="U1">
        <Content>
          <DescriptionLevel>Series</DescriptionLevel>
          <Title xml:lang="fr">Titre</Title><Title xml:lang="en">Title</Title>
          <StartDate>1990</StartDate><EndDate>1999-02</EndDate>
          <ext:Content>not SEDA</ext:Content>
        </Content>
        <ArchiveUnit id="U1R"><ArchiveUnitRefId>U2</ArchiveUnitRefId></ArchiveUnit>
        <ArchiveUnit id="U1M"><ArchiveUnitRefId>MISSING</ArchiveUnitRefId></ArchiveUnit>
        <DataObjectReference><DataObjectGroupReferenceId>GOT1</DataObjectGroupReferenceId></DataObjectReference>
      </ArchiveUnit>
      <ArchiveUnit id="U2">
        <Content><Title>Deux</Title><StartDate>2001-05-06T07:08:09Z</StartDate><EndDate>bad</EndDate></Content>
        <DataObjectReference><DataObjectReferenceId>BDO3</DataObjectReferenceId></DataObjectReference>
        <ArchiveUnit id="U3"><ArchiveUnitRefId>U1</ArchiveUnitRefId></ArchiveUnit>
      </ArchiveUnit>
      <ArchiveUnit id="U4">
        <Content><Title>Partage</Title></Content>
        <ArchiveUnit id="U4R"><ArchiveUnitRefId>U2</ArchiveUnitRefId></ArchiveUnit>
      </ArchiveUnit>
    </DescriptiveMetadata>
    <ManagementMetadata>
      <OriginatingAgencyIdentifier>OA</OriginatingAgencyIdentifier>
      <AccessRule><Rule>ACC-1</Rule><StartDate>2000-01-01</StartDate><Rule>ACC-2</Rule></AccessRule>
    </ManagementMetadata>
  </DataObjectPackage>
  <ArchivalAgency><Identifier>AA</Identifier></ArchivalAgency>
  <TransferringAgency><Identifier>TA</Identifier></TransferringAgency>
</ArchiveTransfer>
"""


def test_read_references_loose_objects_and_partial_dates() -> None:
    findings: list = []
    pkg = read_manifest(HAND_WRITTEN.encode(), findings=findings)
    h = pkg.header
    assert (h.comment, h.message_identifier, h.archival_agency, h.transferring_agency) == (
        "Main",
        "MSG",
        "AA",
        "TA",
    )
    assert h.date == datetime(2018, 2, 2)
    assert h.originating_agency == "OA"
    access = h.management.rules["AccessRule"]
    assert [(r.rule_id, r.start_date) for r in access.rules] == [
        ("ACC-1", date(2000, 1, 1)),
        ("ACC-2", None),
    ]
    assert [u.title for u in pkg.roots] == ["Titre", "Partage"]  # U2 is U1's child
    u1, u4 = pkg.roots
    assert u1.level == "Series"
    assert (u1.start_date, u1.end_date) == (date(1990, 1, 1), date(1999, 2, 28))
    assert [c.title for c in u1.children] == ["Deux"]
    u2 = u1.children[0]
    assert u2.start_date == date(2001, 5, 6) and u2.end_date is None
    assert u2.children == [] and u4.children == []  # cycle U2->U1 and second parent refused
    assert [(o.source, o.version, o.digest_algorithm, o.digest) for o in u1.objects] == [
        ("Content/a.pdf", "BinaryMaster_1", "SHA-256", "abcdef"),
        ("Content/b.pdf", "Dissemination_1", "SHA-512", "00"),
    ]
    assert [(o.filename, o.size) for o in u2.objects] == [("c.txt", 12)]
    codes = sorted((f.code, f.params.get("id"), f.params.get("kind")) for f in findings)
    assert codes == sorted(
        [
            (Code.MANIFEST_BAD_REFERENCE, "MISSING", "ArchiveUnit"),
            (Code.MANIFEST_BAD_REFERENCE, "U1", "cycle"),
            (Code.MANIFEST_SHARED_REFERENCE, "U2", "ArchiveUnit"),
            (Code.MANIFEST_BAD_DATE, None, None),
            (Code.MANIFEST_ORPHAN_OBJECT, "BDO4", None),
        ]
    )
    assert all(f.line for f in findings if f.code != Code.MANIFEST_ORPHAN_OBJECT)


def test_read_sources(tmp_path: Path) -> None:
    data = write(make_package(20), "2.2")
    path = tmp_path / "manifest.xml"
    path.write_bytes(data)
    titles = [u.title for u in read_manifest(data).walk()]
    assert [u.title for u in read_manifest(path).walk()] == titles
    assert [u.title for u in read_manifest(str(path)).walk()] == titles
    with path.open("rb") as fh:
        assert [u.title for u in read_manifest(fh).walk()] == titles


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", Code.MANIFEST_MALFORMED),
        (b"%PDF-1.4\n%\xe2\xe3", Code.MANIFEST_MALFORMED),
        (
            b'<?xml version="1.0"?>\n<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.1">\n'
            b"<Comment>x</Commentaire>\n</ArchiveTransfer>",
            Code.MANIFEST_MALFORMED,
        ),
        (
            b'<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.1">\n<Comment>',
            Code.MANIFEST_MALFORMED,
        ),
        (
            b'<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.0"/>',
            Code.MANIFEST_NOT_SEDA,
        ),
        (b"<ArchiveTransfer/>", Code.MANIFEST_NOT_SEDA),
        (b'<foo xmlns="fr:gouv:culture:archivesdefrance:seda:v2.1"/>', Code.MANIFEST_NOT_SEDA),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n'
            b'<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.1"><Comment>&lol2;</Comment>'
            b"</ArchiveTransfer>",
            Code.MANIFEST_DTD,
        ),
    ],
)
def test_malformed_manifests_raise_manifest_error(data: bytes, code: str) -> None:
    with pytest.raises(ManifestError) as info:
        read_manifest(data)
    assert [f.code for f in info.value.findings] == [code]
    if code == Code.MANIFEST_MALFORMED and data:
        assert info.value.findings[0].line
        assert info.value.findings[0].params["message"]


def test_external_entities_are_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.1">'
        "<Comment>&xxe;</Comment></ArchiveTransfer>"
    ).encode()
    with pytest.raises(ManifestError) as info:
        read_manifest(data)
    assert info.value.findings[0].code == Code.MANIFEST_DTD
    assert "TOP SECRET" not in repr(info.value.findings)


def test_unreadable_manifest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ManifestError) as info:
        read_manifest(tmp_path / "absent.xml")
    assert info.value.findings[0].code == Code.MANIFEST_UNREADABLE

    class Failing(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, b: bytearray) -> int:  # type: ignore[override]
            raise OSError(5, "Input/output error")

    with pytest.raises(ManifestError) as info:
        read_manifest(io.BufferedReader(Failing()))
    assert info.value.findings[0].code == Code.MANIFEST_UNREADABLE


# -- streaming ----------------------------------------------------------------------------------


class CountingSink(io.RawIOBase):
    """Discards what it gets, remembers how much and in how many writes."""

    def __init__(self) -> None:
        self.size = 0
        self.writes = 0
        self.largest = 0

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        n = len(b)
        self.size += n
        self.writes += 1
        self.largest = max(self.largest, n)
        return n


def flat_package(units: int) -> tuple[Package, dict[int, str]]:
    """``units`` units: one root, folders of 99 items with one object each."""
    pkg = Package()
    root = ArchiveUnit("Racine", level=DescriptionLevel.FONDS)
    pkg.roots = [root]
    uris: dict[int, str] = {}
    digest = "ab" * 64
    fmt = FormatInfo("fmt/18", "Acrobat PDF 1.4", "1.4", "application/pdf")
    folder = root
    for i in range(units - 1):
        if i % 100 == 0:
            folder = ArchiveUnit(f"Dossier {i}", level=DescriptionLevel.FILE)
            folder.parent = root
            root.own("children").append(folder)
            continue
        unit = ArchiveUnit(f"Pièce {i}", level=DescriptionLevel.ITEM, start_date=date(2020, 1, 1))
        obj = BinaryObject(f"/x/{i}.pdf", f"{i}.pdf", 1000 + i, digest, format=fmt)
        unit.objects.append(obj)
        uris[obj.uid] = f"content/ID{obj.uid}.pdf"
        unit.parent = folder
        folder.own("children").append(unit)
    return pkg, uris


def _stream(units: int) -> tuple[CountingSink, int, float]:
    pkg, uris = flat_package(units)
    sink = CountingSink()
    tracemalloc.start()
    try:
        start = time.perf_counter()
        write_manifest(pkg, sink, uris=uris)  # type: ignore[arg-type]
        elapsed = time.perf_counter() - start
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return sink, peak, elapsed


def test_streaming_writer_memory_is_flat() -> None:
    """20,000 units: the writer's Python memory stays far below the document's size and
    the output reaches the file in many small writes (lxml does not buffer it all)."""
    sink, peak, _elapsed = _stream(20_000)
    assert sink.size > 20_000_000
    assert peak < 20 * 1024 * 1024, peak
    assert sink.writes > 100 and sink.largest < 1024 * 1024


@pytest.mark.slow
def test_streaming_writer_100k_units() -> None:
    """100,000 units under tracemalloc (~25 s): peak stays < 200 MB."""
    sink, peak, _elapsed = _stream(100_000)
    assert sink.size > 100_000_000
    assert peak < 200 * 1024 * 1024, peak


def test_100k_units_written_complete(tmp_path: Path) -> None:
    """Without tracemalloc: 100,000 units stream to disk, all of them (speed: bench/)."""
    pkg, uris = flat_package(100_000)
    path = tmp_path / "manifest.xml"
    with path.open("wb") as out:
        write_manifest(pkg, out, uris=uris)
    data = path.read_bytes()
    assert data.count(b"<ArchiveUnit ") == 100_000
    assert data.count(b"<BinaryDataObject ") == len(uris)
    assert data.rstrip().endswith(b"</ArchiveTransfer>")


@pytest.mark.slow
def test_100k_units_read_back(tmp_path: Path) -> None:
    """100,000 units read back complete (speed: bench/)."""
    pkg, uris = flat_package(100_000)
    path = tmp_path / "manifest.xml"
    with path.open("wb") as out:
        write_manifest(pkg, out, uris=uris)
    back = read_manifest(path)
    assert sum(1 for _ in back.walk()) == 100_000
    assert [o.size for _u, o in back.objects()] == [o.size for _u, o in pkg.objects()]


def test_agency_names_read_from_organization_descriptive_metadata() -> None:
    """Some tools name the agencies in the header's open ``OrganizationDescriptiveMetadata``
    (any namespace): the slip of such a SIP shows them without a referential."""
    pkg = Package(roots=[ArchiveUnit("A")])
    pkg.header.archival_agency = "AD-01"
    pkg.header.transferring_agency = "MAIRIE"
    root = etree.fromstring(write(pkg, "2.1"))
    seda_ns = NAMESPACES["2.1"]
    for tag, name, ns in (
        ("ArchivalAgency", "Archives départementales", "urn:example:org"),
        ("TransferringAgency", "Mairie de Saint-Exemple", seda_ns),
    ):
        agency = root.find(f"{{*}}{tag}")
        assert agency is not None
        odm = etree.SubElement(agency, f"{{{seda_ns}}}OrganizationDescriptiveMetadata")
        etree.SubElement(odm, f"{{{ns}}}Name").text = f" {name} "
    header = read_manifest(etree.tostring(root)).header
    assert header.archival_agency == "AD-01"
    assert header.archival_agency_name == "Archives départementales"
    assert header.transferring_agency_name == "Mairie de Saint-Exemple"
    plain = read_manifest(write(pkg, "2.1")).header
    assert plain.archival_agency_name == plain.transferring_agency_name == ""
