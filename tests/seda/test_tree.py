"""Positioning trees / filing plans from SIPs, manifests, DIPs and ReSIP CSV."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from seda.findings import Code
from seda.referentials import AmbiguousSpec, ReferentialError, is_guid, load_tree

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
REFS = SHARED / "referentials"
TREE_FILES = sorted(
    p
    for folder in ("holding_trees", "filing_plans")
    for p in (REFS / folder).iterdir()
    if p.suffix in (".zip", ".xml")
)


def manifest_bytes(path: Path) -> bytes:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            return zf.read("manifest.xml")
    return path.read_bytes()


def declared(path: Path) -> dict[str, str | None]:
    """Unit id -> parent id as the manifest declares it (nesting or ArchiveUnitRefId)."""
    doc = etree.fromstring(manifest_bytes(path), etree.XMLParser(resolve_entities=False))
    au = "*[local-name()='ArchiveUnit']"
    full = doc.xpath(f"//{au}[not(*[local-name()='ArchiveUnitRefId'])]")
    parents: dict[str, str | None] = {}
    for el in full:
        nest = el.xpath(f"ancestor::{au}[1]/@id")
        parents[el.get("id")] = nest[0] if nest else None
    for ref in doc.xpath(f"//{au}/*[local-name()='ArchiveUnitRefId']"):
        holder = ref.getparent().xpath(f"ancestor::{au}[1]/@id")
        target = (ref.text or "").strip()
        if holder and parents.get(target) is None:
            parents[target] = holder[0]
    return parents


@pytest.mark.parametrize("path", TREE_FILES, ids=[p.name for p in TREE_FILES])
def test_tree_matches_manifest(path: Path) -> None:
    tree = load_tree(path)
    expected = declared(path)
    assert len(tree) == len(expected) > 0
    got = {k: (n.parent.key if n.parent else None) for k, n in tree.nodes_by_key.items()}
    assert got == expected
    assert {r.key for r in tree.roots} == {k for k, p in expected.items() if p is None}
    for node in tree.nodes_by_key.values():
        assert all(c.parent is node for c in node.children)
    assert tree.kind == ("manifest" if path.suffix == ".xml" else "sip")


def test_find_and_resolve_on_an_tree() -> None:
    tree = load_tree(REFS / "holding_trees" / "R16_manifest.xml")
    hits = tree.find("ANTERIEURES a 1789")
    assert hits and hits[0].title == "Archives antérieures à 1789"
    node = tree.resolve("archives antérieures à 1789")
    assert node is hits[0]
    assert tree.resolve("OriginatingAgencyArchiveUnitIdentifier=AR.") is node
    assert tree.resolve(node.key) is node
    assert tree.resolve("Titre qui n'existe pas") is None
    att = tree.attachment_for(node)
    assert (att.metadata_name, att.metadata_value, att.system_id) == (
        "OriginatingAgencyArchiveUnitIdentifier",
        "AR.",
        "",
    )
    assert att.is_set and att.title == node.title


def test_find_by_identifier() -> None:
    tree = load_tree(REFS / "holding_trees" / "R16_OK_arbre_filePlanPosition.zip")
    (node,) = tree.find("fileplanposition_test")
    assert node.file_plan_position == ["FilePlanPosition_TEST"]
    att = tree.attachment_for(node)
    assert (att.metadata_name, att.metadata_value) == ("FilePlanPosition", "FilePlanPosition_TEST")


@pytest.mark.parametrize(
    "name",
    [
        "ArchivalAgencyArchiveUnitIdentifier",
        "OriginatingAgencyArchiveUnitIdentifier",
        "TransferringAgencyArchiveUnitIdentifier",
        "OriginatingSystemId",
        "filePlanPosition",
    ],
)
def test_attachment_stub_keeps_key(name: str) -> None:
    """The attachement SIPs' stub unit stands for an existing node identified by its key."""
    path = REFS / "filing_plans" / f"R16_OK_plan_attachement_{name}.zip"
    tree = load_tree(path)
    (stub,) = tree.roots
    metadata_name = name[0].upper() + name[1:]
    att = tree.attachment_for(stub)
    assert (att.metadata_name, att.metadata_value) == (metadata_name, f"{metadata_name}_TEST")
    assert tree.resolve(f"{metadata_name}={metadata_name}_TEST") is stub
    assert len(stub.children) == 1


def test_attachment_prefers_unique_identifier(tmp_path: Path) -> None:
    units = """
      <ArchiveUnit id="A"><Content><Title>Un</Title>
        <ArchivalAgencyArchiveUnitIdentifier>DUP</ArchivalAgencyArchiveUnitIdentifier>
        <OriginatingAgencyArchiveUnitIdentifier>O-1</OriginatingAgencyArchiveUnitIdentifier>
      </Content></ArchiveUnit>
      <ArchiveUnit id="B"><Content><Title>Deux</Title>
        <ArchivalAgencyArchiveUnitIdentifier>DUP</ArchivalAgencyArchiveUnitIdentifier>
      </Content></ArchiveUnit>
      <ArchiveUnit id="C"><Content><Title>Deux</Title></Content></ArchiveUnit>"""
    tree = load_tree(write_manifest(tmp_path, units))
    a, b, c = (tree.nodes_by_key[k] for k in "ABC")
    att = tree.attachment_for(a)
    assert (att.metadata_name, att.metadata_value) == (
        "OriginatingAgencyArchiveUnitIdentifier",
        "O-1",
    )
    att = tree.attachment_for(b)  # only a shared id: still offered (the user must choose)
    assert (att.metadata_name, att.metadata_value) == ("ArchivalAgencyArchiveUnitIdentifier", "DUP")
    assert not tree.attachment_for(c).is_set
    with pytest.raises(AmbiguousSpec) as info:
        tree.resolve("deux")
    assert set(info.value.candidates) == {b, c}


def write_manifest(tmp_path: Path, units: str, root: str = "ArchiveTransfer") -> Path:
    path = tmp_path / "manifest.xml"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<{root} xmlns="fr:gouv:culture:archivesdefrance:seda:v2.1">'
        f"<DataObjectPackage><DescriptiveMetadata>{units}</DescriptiveMetadata>"
        f"</DataObjectPackage></{root}>",
        encoding="utf-8",
    )
    return path


GUID_A = "aeaqaaaaaahbl62nabduoak3jc2zqciaadiq"
GUID_B = "aeaqaaaaaahbl62nabduoak3jc2zqciaadja"


def test_dip_export_system_ids(tmp_path: Path) -> None:
    units = f"""
      <ArchiveUnit id="{GUID_A}"><Content><DescriptionLevel>Series</DescriptionLevel>
        <Title>Urbanisme</Title></Content>
        <ArchiveUnit id="ref1"><ArchiveUnitRefId>{GUID_B}</ArchiveUnitRefId></ArchiveUnit>
      </ArchiveUnit>
      <ArchiveUnit id="{GUID_B}"><Content><Title>Permis de construire</Title></Content>
      </ArchiveUnit>"""
    manifest = write_manifest(tmp_path, units, root="ArchiveDeliveryRequestReply")
    dip = tmp_path / "export.zip"
    with zipfile.ZipFile(dip, "w") as zf:
        zf.write(manifest, "manifest.xml")
        zf.writestr("Content/", "")
    tree = load_tree(dip)
    assert tree.kind == "dip" and is_guid(GUID_A)
    node = tree.resolve(GUID_B)
    assert node is not None and node.title == "Permis de construire"
    assert node.parent is tree.resolve(GUID_A)
    assert tree.attachment_for(node).system_id == GUID_B
    assert tree.resolve(f"SystemId={GUID_B}") is node
    assert tree.find("permis")[0] is node


def test_system_id_element(tmp_path: Path) -> None:
    units = f"""<ArchiveUnit id="ID1"><Content><Title>Registres</Title>
        <SystemId>{GUID_A}</SystemId></Content></ArchiveUnit>"""
    tree = load_tree(write_manifest(tmp_path, units))
    assert tree.attachment_for(tree.roots[0]).system_id == GUID_A


RESIP_CSV = """id;nom;observations;cote;série
1;Administration générale;Conseil, délibérations;1;
2;Délibérations;;D;1
3;Arrêtés du maire;"Registre ; double";A;1
4;Arrêtés 2020;;-2020;1A
5;Urbanisme;;2;
"""


def test_resip_csv(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(RESIP_CSV, encoding="utf-8")
    tree = load_tree(path)
    assert tree.kind == "resip" and len(tree) == 5
    assert [r.title for r in tree.roots] == ["Administration générale", "Urbanisme"]
    node = tree.resolve("arretes 2020")
    assert node is not None
    assert [n.title for n in node.path()] == [
        "Administration générale",
        "Arrêtés du maire",
        "Arrêtés 2020",
    ]
    assert node.originating_ids == ["1A-2020"] and node.level == "Subseries"
    assert tree.roots[0].level == "Series"
    att = tree.attachment_for(node)
    assert (att.metadata_name, att.metadata_value) == (
        "OriginatingAgencyArchiveUnitIdentifier",
        "1A-2020",
    )


def test_resip_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_bytes(RESIP_CSV.encode("cp1252"))
    assert load_tree(path).resolve("Délibérations") is not None


@pytest.mark.parametrize(
    ("row", "error", "line"),
    [
        ("6;Orphelin;;X;99", "orphan", 7),
        ("6;;;X;1", "empty_title", 7),
        ("6;Sans cote;;;1", "empty_cote", 7),
        ("6;Court;;", "too_few_fields", 7),
        ("6;Double;;D;1", "duplicate_cote", 7),
    ],
)
def test_resip_errors(tmp_path: Path, row: str, error: str, line: int) -> None:
    path = tmp_path / "plan.csv"
    path.write_text(RESIP_CSV + row + "\n", encoding="utf-8")
    with pytest.raises(ReferentialError) as info:
        load_tree(path)
    (f,) = info.value.findings
    assert (f.code, f.params["error"], f.line) == (Code.REF_BAD_TREE, error, line)


@pytest.mark.parametrize(
    ("units", "error"),
    [
        ("<ArchiveUnit id='A'><Content><Title>x</Title>", "not_xml"),
        (
            "<ArchiveUnit id='A'><Content><Title>a</Title></Content>"
            "<ArchiveUnit id='r'><ArchiveUnitRefId>NOPE</ArchiveUnitRefId></ArchiveUnit>"
            "</ArchiveUnit>",
            "unknown_ref",
        ),
        (
            "<ArchiveUnit id='A'><Content><Title>a</Title></Content>"
            "<ArchiveUnit id='r1'><ArchiveUnitRefId>B</ArchiveUnitRefId></ArchiveUnit></ArchiveUnit>"
            "<ArchiveUnit id='B'><Content><Title>b</Title></Content>"
            "<ArchiveUnit id='r2'><ArchiveUnitRefId>A</ArchiveUnitRefId></ArchiveUnit></ArchiveUnit>",
            "cycle",
        ),
        (
            "<ArchiveUnit id='A'><Content><Title>a</Title></Content></ArchiveUnit>"
            "<ArchiveUnit id='A'><Content><Title>b</Title></Content></ArchiveUnit>",
            "duplicate_id",
        ),
        ("", "no_units"),
    ],
)
def test_malformed_manifest(tmp_path: Path, units: str, error: str) -> None:
    with pytest.raises(ReferentialError) as info:
        load_tree(write_manifest(tmp_path, units))
    (f,) = info.value.findings
    assert (f.code, f.params["error"]) == (Code.REF_BAD_TREE, error)


def test_entities_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "evil.xml"
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.1"><DataObjectPackage>'
        "<DescriptiveMetadata><ArchiveUnit id='A'><Content><Title>&x;</Title></Content>"
        "</ArchiveUnit></DescriptiveMetadata></DataObjectPackage></ArchiveTransfer>",
        encoding="utf-8",
    )
    with pytest.raises(ReferentialError) as info:
        load_tree(path)
    assert info.value.findings[0].params["error"] == "dtd_forbidden"


def test_zip_without_manifest(tmp_path: Path) -> None:
    path = tmp_path / "sip.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("content/a.txt", "x")
        zf.writestr("sub/manifest.xml", "<a/>")  # not at the root: the SAE ignores it
    with pytest.raises(ReferentialError) as info:
        load_tree(path)
    assert info.value.findings[0].params["error"] == "no_manifest"


def test_broken_zip(tmp_path: Path) -> None:
    path = tmp_path / "sip.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 50)
    with pytest.raises(ReferentialError) as info:
        load_tree(path)
    assert info.value.findings[0].params["error"] == "bad_zip"


def test_unreadable_tree(tmp_path: Path, make_unreadable) -> None:  # type: ignore[no-untyped-def]
    path = write_manifest(
        tmp_path, "<ArchiveUnit id='A'><Content><Title>a</Title></Content></ArchiveUnit>"
    )
    make_unreadable(path)
    with pytest.raises(ReferentialError) as info:
        load_tree(path)
    assert info.value.findings[0].code == Code.REF_UNREADABLE
