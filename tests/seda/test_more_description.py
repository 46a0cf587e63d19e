"""The descriptive fields archivists fill (Writer, cotes, languages, custodial history...)
and what Verso has no field for: written in the XSD's order for 2.1/2.2/2.3, valid, read
back, and every element Verso does not edit kept verbatim through SIP -> package -> SIP."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from lxml import etree

from seda import content_schema
from seda.manifest import NAMESPACES, read_manifest, write_manifest
from seda.model import SEDA_VERSIONS, Agent, ArchiveUnit, MoreDescription, Package
from seda.xsd import validate

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
XSD = SHARED / "seda-xsd"


def write(pkg: Package, version: str) -> bytes:
    buf = io.BytesIO()
    uris = {obj.uid: f"content/ID{obj.uid}.pdf" for _unit, obj in pkg.objects()}
    write_manifest(pkg, buf, version=version, uris=uris)
    return buf.getvalue()


def rich_unit() -> ArchiveUnit:
    unit = ArchiveUnit(title="Délibérations", level="File", description="Registre")
    unit.originating_ids = ["1D1"]
    unit.archival_ids = ["3 W 12"]
    unit.file_plan_position = ["1.2."]
    unit.start_date, unit.end_date = date(1990, 1, 1), date(1995, 12, 31)
    unit.more = MoreDescription(
        system_ids=["SYS-1"],
        originating_system_ids=["GED-42"],
        custodial_history=["Conservé au secrétariat", "Versé en 2024"],
        languages=["fr", "oc"],
        description_language="fr",
        tags=["conseil"],
        spatial=["Saint-Émilion"],
        temporal=["1990-1995"],
        agents=[
            Agent("Sender", full_name="Mairie"),
            Agent("Writer", first_name="Marie", birth_name="Curie", roles=["rédactrice"]),
            Agent("Addressee", corpname="Préfecture", identifiers=["PREF-33"]),
            Agent("Recipient", full_name="Conseil"),
        ],
        transacted_date=datetime(1990, 3, 4, 10, 0, tzinfo=UTC),
        acquired_date=date(2024, 5, 6),
        title_lang="fr",
    )
    return unit


def content_of(data: bytes, version: str) -> etree._Element:
    root = etree.fromstring(data)
    ns = {"s": NAMESPACES[version]}
    return root.xpath("//s:ArchiveUnit/s:Content", namespaces=ns)[0]  # type: ignore[no-any-return]


@pytest.mark.parametrize("version", SEDA_VERSIONS)
def test_new_fields_written_in_xsd_order_valid_and_read_back(version: str) -> None:
    pkg = Package(roots=[rich_unit()])
    data = write(pkg, version)
    assert validate(data, version, XSD, flavour="standard") == []
    names = [etree.QName(c).localname for c in content_of(data, version)]
    order = content_schema.content_order(version)
    assert [order[n] for n in names] == sorted(order[n] for n in names)
    assert names.index("Writer") < names.index("Addressee") < names.index("Sender")
    back = read_manifest(data).roots[0]
    assert back.more is not None
    more, want = back.more, rich_unit().more
    assert want is not None
    for name in MoreDescription.__slots__:
        if name == "agents":  # written in the XSD's order: Writer, Addressee, Recipient, Sender
            assert sorted(map(repr, more.agents)) == sorted(map(repr, want.agents))
        else:
            assert getattr(more, name) == getattr(want, name), name
    assert back.archival_ids == ["3 W 12"] and back.originating_ids == ["1D1"]


# A colleague's SIP with what Verso has no field for: it must come back unchanged.
KEPT = """<?xml version="1.0" encoding="UTF-8"?>
<ArchiveTransfer xmlns="fr:gouv:culture:archivesdefrance:seda:v2.2"
                 xmlns:ext="urn:example:ext">
  <Date>2024-01-01T00:00:00</Date>
  <MessageIdentifier>M1</MessageIdentifier>
  <ArchivalAgreement>IC-1</ArchivalAgreement>
  <CodeListVersions/>
  <DataObjectPackage>
    <DescriptiveMetadata>
      <ArchiveUnit id="AU1">
        <Management>
          <AccessRule><Rule>ACC-00001</Rule><StartDate>2020-01-01</StartDate></AccessRule>
          <NeedAuthorization>true</NeedAuthorization>
        </Management>
        <Content>
          <DescriptionLevel>File</DescriptionLevel>
          <Title xml:lang="fr">Dossier</Title>
          <Title xml:lang="en">File</Title>
          <TransferringAgencyArchiveUnitIdentifier>T-1</TransferringAgencyArchiveUnitIdentifier>
          <Description>Une description</Description>
          <CustodialHistory>
            <CustodialHistoryItem when="2001">Reçu</CustodialHistoryItem>
          </CustodialHistory>
          <Type>Courrier</Type>
          <Keyword><KeywordContent>Paris</KeywordContent><KeywordReference>R1</KeywordReference><KeywordType>geogname</KeywordType></Keyword>
          <Writer><FullName>A. Martin</FullName><BirthPlace><City>Lyon</City></BirthPlace></Writer>
          <StartDate>2020-01-01</StartDate>
          <DateLitteral>vers 2020</DateLitteral>
          <Event><EventIdentifier>E1</EventIdentifier><EventType>Création</EventType><EventDateTime>2020-01-01T10:00:00</EventDateTime></Event>
          <Signature><Signer><FullName>Maire</FullName><SigningTime>2020-01-02T00:00:00</SigningTime></Signer><Validator><FullName>V</FullName><ValidationTime>2020-01-02T00:00:00</ValidationTime></Validator></Signature>
          <Gps><GpsLatitude>44.89</GpsLatitude></Gps>
          <ext:Note ext:kind="x">keep <ext:b>me</ext:b></ext:Note>
        </Content>
      </ArchiveUnit>
    </DescriptiveMetadata>
    <ManagementMetadata>
      <OriginatingAgencyIdentifier>OA</OriginatingAgencyIdentifier>
    </ManagementMetadata>
  </DataObjectPackage>
  <ArchivalAgency><Identifier>AA</Identifier></ArchivalAgency>
  <TransferringAgency><Identifier>TA</Identifier></TransferringAgency>
</ArchiveTransfer>
"""


def canonical(el: etree._Element) -> list[bytes]:
    """Each child of ``el`` as canonical XML (C14N), whitespace-only text dropped."""
    out = []
    for child in el:
        copy = etree.fromstring(etree.tostring(child))
        for node in copy.iter():
            if node.text is not None and not node.text.strip():
                node.text = None
            if node.tail is not None and not node.tail.strip():
                node.tail = None
        out.append(etree.tostring(copy, method="c14n", exclusive=True))
    return out


def test_sip_round_trip_keeps_what_verso_does_not_edit() -> None:
    pkg = read_manifest(KEPT.encode())
    unit = pkg.roots[0]
    assert unit.title == "Dossier" and unit.more is not None and unit.more.title_lang == "fr"
    assert len(unit.more.raw_content) == 11  # Title en, TAAUI, CH, Type, Keyword, ...
    again = write(pkg, "2.2")
    before = content_of(KEPT.encode(), "2.2")
    after = content_of(again, "2.2")
    assert canonical(after) == canonical(before)
    ns = {"s": NAMESPACES["2.2"]}
    mgmt = etree.fromstring(again).xpath("//s:ArchiveUnit/s:Management", namespaces=ns)[0]
    assert [etree.QName(c).localname for c in mgmt] == ["AccessRule", "NeedAuthorization"]
    # and a second trip changes nothing more
    third = write(read_manifest(again), "2.2")
    assert canonical(content_of(third, "2.2")) == canonical(before)


def test_kept_elements_change_namespace_with_the_version() -> None:
    pkg = read_manifest(KEPT.encode())
    data = write(pkg, "2.3")
    root = etree.fromstring(data)
    event = root.xpath("//s:Event/s:EventIdentifier", namespaces={"s": NAMESPACES["2.3"]})
    assert [e.text for e in event] == ["E1"]
    note = root.xpath("//e:Note", namespaces={"e": "urn:example:ext"})
    assert note and note[0].get("{urn:example:ext}kind") == "x"


# Vitam's accepted SIPs richest in metadata Verso has no field for (Event, Signature,
# RelatedObjectReference, Gps, custodial history files...): re-writing them must drop no
# Content element and add no Vitam-flavour error (references inside kept XML follow).
RICH_VITAM_SIPS = [
    "OK/OK_METADATA_COMPLETE.zip",
    "OK/all-metadata.zip",
    "OK/OK_SIP_FULL_SEDA2.2.zip",
    "OK/6_SIP_RATP_eliminations.zip",
    "OK/IT_integration-ingest-internal__OK_SIP_plusieurs_usages_dans_GOT.zip",
]


def _manifest_in(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.lower().endswith("manifest.xml") and "/" not in n)
        return zf.read(name)


def _content_names(data: bytes) -> dict[str, list[str]]:
    """Content children's names per unit Title (attachment stubs left out: Verso writes
    its own)."""
    root = etree.fromstring(data)
    ns = {"s": etree.QName(root).namespace}
    out: dict[str, list[str]] = {}
    for unit in root.xpath("//s:ArchiveUnit[not(s:Management/s:UpdateOperation)]", namespaces=ns):
        for content in unit.xpath("s:Content", namespaces=ns):
            names = sorted(etree.QName(c).localname for c in content if isinstance(c.tag, str))
            title = content.xpath("string(s:Title)", namespaces=ns)
            out.setdefault(title, names)
    return out


@pytest.mark.parametrize("name", RICH_VITAM_SIPS)
def test_vitam_sips_rewritten_without_loss(name: str) -> None:
    path = SHARED / "vitam-sips" / name
    data = _manifest_in(path)
    pkg = read_manifest(data)
    buf = io.BytesIO()
    uris = {obj.uid: "content/x.pdf" for _u, obj in pkg.objects()}
    write_manifest(pkg, buf, version=pkg.seda_version, uris=uris)
    again = buf.getvalue()
    before, after = _content_names(data), _content_names(again)
    for title, names in after.items():
        assert names == before[title], title
    old = {f.params.get("message") for f in validate(data, pkg.seda_version, XSD, flavour="vitam")}
    new = validate(again, pkg.seda_version, XSD, flavour="vitam")
    assert [f.params.get("message") for f in new if f.params.get("message") not in old] == []
