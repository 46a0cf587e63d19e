"""read_manifest on the manifests of the SIPs Vitam's own test suites accept.

Every ``OK`` SIP whose INDEX.tsv row says ``use == yes`` and SEDA 2.1-2.3 must read into a
Package; units and objects are counted independently with XPath. Vitam SIPs may give a
unit several parents (ArchiveUnitRefId from two units) or share one object group between
units: the model is a tree, so those are kept once and reported, and the counts still
match because each unit/object is kept exactly once.
"""

from __future__ import annotations

import csv
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from seda.findings import Code, Finding
from seda.manifest import ManifestError, read_manifest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SIPS = SHARED / "vitam-sips"
MANIFEST_NAME = re.compile(r"^([a-zA-Z0-9_\-]{0,56}[_-]){0,1}manifest.xml$")
# Objects added to a unit already in the SAE (a stub with DataObjectReference): the model
# has no place for them, the reader reports them as orphans.
OBJECTS_ON_EXISTING_UNITS = {"OK/OK_ADD_OBJECTS.zip"}


def index_rows() -> list[dict[str, str]]:
    with (SIPS / "INDEX.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def usable_ok_sips() -> list[tuple[str, str]]:
    return [
        (row["file"], row["seda_version"])
        for row in index_rows()
        if row["file"].startswith("OK/")
        and row["use"] == "yes"
        and row["seda_version"] in ("2.1", "2.2", "2.3")
    ]


def manifest_of(name: str) -> bytes:
    with zipfile.ZipFile(SIPS / name) as zf:
        found = [n for n in zf.namelist() if MANIFEST_NAME.match(n)]
        assert len(found) == 1, found
        return zf.read(found[0])


def expected_counts(data: bytes) -> tuple[int, int, int]:
    """(units, objects kept, BinaryDataObject elements), by XPath on the whole document."""
    doc = etree.fromstring(data, etree.XMLParser(huge_tree=True, resolve_entities=False))
    ns = {"s": etree.QName(doc).namespace}
    units = doc.xpath(
        "//s:ArchiveUnit[not(s:ArchiveUnitRefId)]"
        "[not(parent::s:DescriptiveMetadata and s:Management/s:UpdateOperation)]",
        namespaces=ns,
    )
    group_of: dict[str, str] = {}
    bdo_groups: list[str] = []
    for obj in doc.xpath("//s:BinaryDataObject | //s:PhysicalDataObject", namespaces=ns):
        parent = obj.getparent()
        if etree.QName(parent).localname == "DataObjectGroup":
            gid = parent.get("id")
        else:
            gid = (
                obj.findtext("s:DataObjectGroupId", namespaces=ns)
                or obj.findtext("s:DataObjectGroupReferenceId", namespaces=ns)
                or "obj:" + obj.get("id")
            ).strip()
        group_of[obj.get("id")] = gid
        if etree.QName(obj).localname == "BinaryDataObject":
            bdo_groups.append(gid)
    referenced: set[str] = set()
    for unit in units:
        for ref in unit.xpath("s:DataObjectReference/*", namespaces=ns):
            target = (ref.text or "").strip()
            if etree.QName(ref).localname == "DataObjectGroupReferenceId":
                referenced.add(target)
            else:
                referenced.add(group_of.get(target, "obj:" + target))
    kept = sum(1 for gid in bdo_groups if gid in referenced)
    return len(units), kept, len(bdo_groups)


@pytest.mark.parametrize(("name", "version"), usable_ok_sips(), ids=lambda v: str(v))
def test_accepted_sip_manifest_reads(name: str, version: str) -> None:
    data = manifest_of(name)
    findings: list[Finding] = []
    pkg = read_manifest(data, findings=findings)
    assert pkg.seda_version == version
    units, kept, bdo_elements = expected_counts(data)
    assert sum(1 for _ in pkg.walk()) == units
    objects = [obj for _unit, obj in pkg.objects()]
    assert len(objects) == kept
    if name in OBJECTS_ON_EXISTING_UNITS:
        assert kept < bdo_elements
        assert any(f.code == Code.MANIFEST_ORPHAN_OBJECT for f in findings)
    else:
        assert kept == bdo_elements
    assert all(obj.source for obj in objects)
    assert len({id(obj) for obj in objects}) == len(objects)  # each object kept once
    doc = etree.fromstring(data, etree.XMLParser(huge_tree=True))
    ns = {"s": etree.QName(doc).namespace}
    assert (
        pkg.header.message_identifier == doc.findtext("s:MessageIdentifier", namespaces=ns).strip()
    )
    assert all(f.code.startswith("manifest.") for f in findings)


def test_the_index_holds_all_versions() -> None:
    versions = {version for _name, version in usable_ok_sips()}
    assert versions == {"2.1", "2.2", "2.3"}
    assert len(usable_ok_sips()) > 100


@pytest.mark.parametrize(
    "name",
    [
        "OK/OK_Rattachement_Multiple_AU.zip",  # truncated manifest (not well-formed)
        "KO/KO_manifest_mauvais_format.zip",  # a PDF named manifest.xml
    ],
)
def test_malformed_vitam_manifests_raise(name: str) -> None:
    with pytest.raises(ManifestError) as info:
        read_manifest(manifest_of(name))
    (finding,) = info.value.findings
    assert finding.code == Code.MANIFEST_MALFORMED
    assert finding.line is not None and finding.params["message"]


def test_seda_2_0_manifest_is_not_read() -> None:
    with pytest.raises(ManifestError) as info:
        read_manifest(manifest_of("OK/sip.zip"))
    assert info.value.findings[0].code == Code.MANIFEST_NOT_SEDA
    assert info.value.findings[0].params["namespace"].endswith("v2.0")


def test_attachment_stubs_become_attachments() -> None:
    by_key = read_manifest(
        manifest_of("OK/WARNING_attachement_OriginatingAgencyArchiveUnitIdentifier.zip")
    )
    (root,) = by_key.roots
    assert root.title == "attachement_OriginatingAgencyArchiveUnitIdentifier"
    att = root.attachment
    assert (att.system_id, att.metadata_name, att.metadata_value, att.title) == (
        "",
        "OriginatingAgencyArchiveUnitIdentifier",
        "OriginatingAgencyArchiveUnitIdentifier_TEST",
        "Sénat",
    )
    # a template (placeholder GUID) is still a fair test of the SystemId spelling
    by_id = read_manifest(manifest_of("OK/OK_SIP_5racines_rattachement_2_TC.zip"))
    attached = [r for r in by_id.roots if r.attachment.is_set]
    assert [(r.title, r.attachment.system_id, r.attachment.title) for r in attached] == [
        ("Vers AU classique", "TOBECOMPLETED", "AU classique")
    ]
    assert len(by_id.roots) == 5


def test_not_seda_root_is_named() -> None:
    with pytest.raises(ManifestError) as info:
        read_manifest(b'<foo xmlns="urn:x"><ArchiveTransfer/></foo>')
    assert info.value.findings[0].params == {"root": "foo", "namespace": "urn:x"}
