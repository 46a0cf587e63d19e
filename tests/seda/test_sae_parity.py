"""Parity with Vitam's ingest checks (vitam-ingest-checks.md): sanitizer on SIP values,
ontology, unit schema, attachments, SAE format prediction, duplicates, extension."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from seda.findings import Code, Finding, Severity
from seda.manifest import read_manifest, write_manifest
from seda.model import Attachment, FormatInfo
from seda.package import export_sip, read_sip
from seda.sae_formats import SaePredictor, extensions_of, known_to_sae, needs_file
from seda.scan import scan
from seda.validate import check_package, check_sip, ontology_ok, vitam_guid_ok
from tests.conftest import png_bytes
from tests.seda.test_validate import good_package

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
XSD = SHARED / "seda-xsd"
TREES = SHARED / "referentials" / "holding_trees"
PLANS = SHARED / "referentials" / "filing_plans"
FORMATS = SHARED / "referentials" / "formats"
GUID = "aeaqaaaaaahgausqaaukuaml4kibf5iaaaba"


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == Severity.ERROR]


def rewrite(sip: Path, dest: Path, old: bytes, new: bytes) -> Path:
    """``sip`` with ``old`` replaced by ``new`` in its manifest (content unchanged)."""
    with zipfile.ZipFile(sip) as src, zipfile.ZipFile(dest, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "manifest.xml":
                assert old in data, old
                data = data.replace(old, new, 1)
            out.writestr(info, data)
    return dest


@pytest.fixture
def sip(tmp_path: Path) -> Path:
    pkg = good_package(tmp_path)
    pkg.roots[0].objects[0].filename = "acte.pdf"
    report = export_sip(pkg, tmp_path / "ok.zip")
    assert not errors(check_sip(report.path, xsd_root=XSD))
    return report.path


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        (b"<Filename>acte.pdf", b"<Filename>&amp;Fils;.pdf", "Filename"),  # object group
        (b"<Filename>acte.pdf", b"<Filename>acte&#127;.pdf", "Filename"),  # DEL
        (b"<Title>D", b"<Title>Avant--&gt;apr\xc3\xa8s D", "Title"),
        (b"<Title>D", b"<Title>&lt;b&gt;x&lt;/b&gt; D", "Title"),
    ],
)
def test_sanitizer_on_every_value_of_a_sip(
    sip: Path, tmp_path: Path, old: bytes, new: bytes, field: str
) -> None:
    bad = rewrite(sip, tmp_path / "bad.zip", old, new)
    found = [f for f in errors(check_sip(bad, xsd_root=XSD)) if f.code == Code.VAL_HTML]
    assert found and found[0].params["field"] == field
    if field == "Title":
        assert found[0].path == found[0].path.strip() and "D" in found[0].path  # readable path


def test_accepted_text_is_not_refused(sip: Path, tmp_path: Path) -> None:
    ok = rewrite(sip, tmp_path / "ok2.zip", b"<Title>D", b"<Title>Q&amp;A; a &lt; b &lt;b&gt; D")
    assert not errors(check_sip(ok, xsd_root=XSD))


@pytest.mark.parametrize(
    ("value", "kind", "ok"),
    [
        ("9999-99-99", "DATE", False),
        ("31/02/2021", "DATE", False),
        ("2021-02-31", "DATE", True),  # Java's SMART resolver clamps to 02-28
        ("2021/02/28", "DATE", True),
        ("2021-02-28T10:00:00.123456", "DATE", True),
        ("2021-02-28T10:00:00.1234567", "DATE", False),
        ("2021-02-28T10:00", "DATE", False),
        ("12", "LONG", True),
        ("1.5", "LONG", False),
        ("TRUE", "BOOLEAN", True),
        ("oui", "BOOLEAN", False),
    ],
)
def test_ontology_types(value: str, kind: str, ok: bool) -> None:
    assert ontology_ok(value, kind) is ok


def test_ontology_and_unit_schema_in_a_sip(sip: Path, tmp_path: Path) -> None:
    bad = rewrite(
        sip,
        tmp_path / "dates.zip",
        b"</DescriptionLevel>",
        b"</DescriptionLevel><Language>fr_FR</Language>",
    )
    found = errors(check_sip(bad))
    assert {f.params.get("rule") for f in found if f.code == Code.VAL_UNIT_SCHEMA} == {"lang"}
    bad = rewrite(sip, tmp_path / "rule.zip", b"<StartDate>2023-12-31", b"<StartDate>9500-12-31")
    found = [f.code for f in errors(check_sip(bad))]
    assert found.count(Code.VAL_RULE_START_DATE) + found.count(Code.VAL_UNIT_SCHEMA) == 1  # once


def test_vitam_guid_syntax() -> None:
    assert vitam_guid_ok(GUID) and vitam_guid_ok("0" * 44)
    for bad in ("fmt/829", "AC-000001", "IC-000001", "DIS-00001", ""):
        assert not vitam_guid_ok(bad)


def test_system_id_attachment_written_as_update_operation(tmp_path: Path) -> None:
    """``--attach SystemId=GUID`` arrives as a metadata pair: written as SystemId."""
    pkg = good_package(tmp_path)
    pkg.roots[0].attachment = Attachment(metadata_name="SystemId", metadata_value=GUID)
    buf = io.BytesIO()
    write_manifest(pkg, buf, uris={o.uid: "content/a.pdf" for _u, o in pkg.objects()})
    xml = buf.getvalue().decode()
    assert f"<UpdateOperation><SystemId>{GUID}</SystemId></UpdateOperation>" in re.sub(
        r">\s+<", "><", xml
    )
    assert "ArchiveUnitIdentifierKey" not in xml
    assert not errors(check_package(pkg))


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name
        for p in [
            *TREES.glob("R16_OK_*attachement_*.zip"),
            *PLANS.glob("R16_OK_*attachement_*.zip"),
        ]
    ),
)
def test_attachment_sips_round_trip(name: str, tmp_path: Path) -> None:
    """Vitam's attachment SIPs: read, checked without error, written back the same way."""
    path = TREES / name if (TREES / name).exists() else PLANS / name
    found = errors(check_sip(path, xsd_root=XSD))
    # the SystemId variants are templates: Vitam's test suite fills TOBECOMPLETED in
    assert all(f.params.get("system_id") == "TOBECOMPLETED" for f in found), found
    package, _ = read_sip(path)
    with zipfile.ZipFile(path) as zf:
        original = zf.read("manifest.xml").decode("utf-8")
    op_xml = original.split("<UpdateOperation>")[1][:300]
    # a "#id" key is the unit's GUID: written as the SystemId it is
    by_guid = "<SystemId>" in op_xml or "<MetadataName>#id</MetadataName>" in op_xml
    wanted = "SystemId" if by_guid else "Key"
    attached = [r for r in package.roots if r.attachment.is_set]
    assert attached
    buf = io.BytesIO()
    write_manifest(package, buf, uris={o.uid: f"content/o{o.uid}" for _u, o in package.objects()})
    written = re.sub(r">\s+<", "><", buf.getvalue().decode())
    op = written.split("<UpdateOperation>")[1].split("</UpdateOperation>")[0]
    if wanted == "SystemId":
        assert op.startswith("<SystemId>")
    else:
        name_el = re.search(r"<MetadataName>([^<]*)</MetadataName>", original)
        assert name_el and f"<MetadataName>{name_el.group(1)}</MetadataName>" in op


def test_holding_tree_and_filing_plan_judged_as_such() -> None:
    no_agency = TREES / "R16_OK_arbre_sansregistre.zip"
    assert not errors(check_sip(no_agency, xsd_root=XSD))  # unknown kind, no file: warning
    assert not errors(check_sip(no_agency, xsd_root=XSD, kind="holding"))
    plan = PLANS / "R16_KO_plan_sans_registre.zip"
    assert Code.VAL_MISSING_HEADER in {f.code for f in errors(check_sip(plan, kind="filing"))}
    with_file = TREES / "R16_KO_arbre_avec_fichier.zip"
    assert Code.VAL_TREE_WITH_FILES in {
        f.code for f in errors(check_sip(with_file, xsd_root=XSD, kind="holding"))
    }


# -- formats -------------------------------------------------------------------------------


def test_fido_ships_the_sae_signatures() -> None:
    """The prediction's premise: fido's V109 formats are the SAE's DROID V109 PUIDs."""
    sae = set(re.findall(r'PUID="([^"]+)"', (FORMATS / "DROID_SignatureFile_V109.xml").read_text()))
    assert sae and all(known_to_sae(p) for p in sae)
    assert "pdf" in extensions_of("fmt/18")


def test_format_only_newer_signatures_know_is_refused(tmp_path: Path) -> None:
    avif = tmp_path / "photo.avif"
    avif.write_bytes(b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 64)
    result = scan([str(avif)], workers=0)
    (obj,) = [o for _u, o in (u_o for r in result.roots for u_o in _objects(r))]
    assert obj.format.known and not known_to_sae(obj.format.puid)  # V125 only
    assert needs_file(obj.format) and SaePredictor().predict(str(avif), obj.format) == ""
    pkg = good_package(tmp_path)
    pkg.roots[0].objects = [obj]
    obj.digest = "ab" * 64
    found = [f for f in check_package(pkg) if f.code == Code.VAL_SAE_UNKNOWN_FORMAT]
    assert found and found[0].severity == Severity.ERROR
    allowed = {"Identifier": "IC-000001", "FormatUnidentifiedAuthorized": True}
    assert not errors([f for f in check_package(pkg, contract=allowed) if f.code == found[0].code])


def test_known_format_is_not_read_again() -> None:
    pdf = FormatInfo(puid="fmt/18", basis="byte match at 0, 8")
    assert not needs_file(pdf)
    assert not needs_file(FormatInfo(puid="x-fmt/111", basis="text match ASCII"))


def _objects(unit):  # type: ignore[no-untyped-def]
    for u in [unit, *unit.children]:
        for o in u.objects:
            yield u, o
        for c in u.children:
            yield from _objects(c)


def test_duplicates_and_extension_mismatch(tmp_path: Path) -> None:
    folder = tmp_path / "Mairie"
    (folder / "A").mkdir(parents=True)
    (folder / "B").mkdir()
    (folder / "A" / "plan.png").write_bytes(png_bytes())
    (folder / "B" / "plan-copie.png").write_bytes(png_bytes())
    (folder / "photo.pdf").write_bytes(png_bytes())
    result = scan([str(folder)], workers=0)
    from seda.model import Package

    found = check_package(Package(roots=result.roots))
    (dup,) = [f for f in found if f.code == Code.VAL_DUPLICATE_FILE]
    assert dup.params["count"] == 3 and dup.severity == Severity.WARNING and dup.unit_uid
    (ext,) = [f for f in found if f.code == Code.VAL_EXTENSION_MISMATCH]
    assert ext.params["extension"] == "pdf" and ext.params["puid"] == "fmt/11"
    assert ext.params["expected"] == "png"
    from app.messages import describe

    assert "Ce fichier .pdf est en réalité Portable Network Graphics" in describe(ext)


def test_exported_manifest_reads_back_with_the_adapted_names(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    pkg.roots[0].title = "Avant-->après"
    pkg.roots[0].objects[0].filename = "&Fils;.pdf"
    buf = io.BytesIO()
    adapted = write_manifest(pkg, buf, uris={o.uid: "content/a.pdf" for _u, o in pkg.objects()})
    assert {f.params["field"] for f in adapted} == {"Title", "Filename"}
    assert all(f.code == Code.EXPORT_ADAPTED and f.unit_uid == pkg.roots[0].uid for f in adapted)
    assert pkg.roots[0].title == "Avant-->après"  # the model keeps the original
    back = read_manifest(buf.getvalue())
    assert back.roots[0].title == "Avant--›après"


def test_root_of_the_zip_holds_the_manifest_and_content_only(sip: Path, tmp_path: Path) -> None:
    """Rows 5 and 6: another root file counts as a second manifest; other root folders."""
    bad = tmp_path / "extra.zip"
    with zipfile.ZipFile(sip) as src, zipfile.ZipFile(bad, "w") as out:
        for info in src.infolist():
            out.writestr(info, src.read(info))
        out.writestr("LISEZMOI.txt", "bonjour")
        out.writestr("Annexes/x.txt", "x")
    found = {(f.code, f.params.get("name")) for f in errors(check_sip(bad, xsd_root=XSD))}
    assert {(Code.VAL_ROOT_ENTRY, "LISEZMOI.txt"), (Code.VAL_ROOT_ENTRY, "Annexes")} <= found


def test_numbered_master_needs_version_1(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    pkg.roots[0].objects[0].version = "BinaryMaster_2"
    assert Code.VAL_FIRST_VERSION in {f.code for f in errors(check_package(pkg))}
    pkg.roots[0].objects[0].version = "BinaryMaster"
    assert not errors(check_package(pkg))


def test_check_sip_names_units_by_their_path(tmp_path: Path) -> None:
    from seda.model import ArchiveUnit

    pkg = good_package(tmp_path)
    child = pkg.roots[0]
    parent = ArchiveUnit(title="Mairie", level="Fonds", children=[child])
    child.parent = parent
    pkg.roots = [parent]
    child.end_date, child.start_date = child.start_date, child.end_date  # EndDate < StartDate
    sip = export_sip(pkg, tmp_path / "p.zip").path
    (dates,) = [f for f in check_sip(sip) if f.code == Code.VAL_DATES_ORDER]
    assert dates.params["unit"] == "Mairie / Délibérations 2023"


def test_schema_error_is_summarised_with_its_unit(sip: Path, tmp_path: Path) -> None:
    from app.messages import describe

    bad = rewrite(sip, tmp_path / "d.zip", b"<StartDate>2023-01-01", b"<StartDate>31/02/2021")
    (schema,) = [f for f in check_sip(bad, xsd_root=XSD) if f.code == Code.VAL_SCHEMA]
    text = describe(schema)
    assert "la valeur « 31/02/2021 » de « StartDate » n'a pas la forme attendue" in text
    assert "Délibérations 2023" in text and "Détail technique" in text


def test_characters_xml_cannot_carry_are_reported(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    pkg.roots[0].objects[0].filename = "a\x01b.pdf"
    buf = io.BytesIO()
    (adapted,) = write_manifest(pkg, buf, uris={o.uid: "content/a.pdf" for _u, o in pkg.objects()})
    assert adapted.params == {"field": "Filename", "original": "a\x01b.pdf", "adapted": "ab.pdf"}


def test_unit_referring_to_two_groups(tmp_path: Path) -> None:
    import dataclasses

    from seda.model import ArchiveUnit

    pkg = good_package(tmp_path)
    first = pkg.roots[0]
    obj = dataclasses.replace(first.objects[0], uid=first.objects[0].uid + 10**9)
    second = ArchiveUnit(title="Arrêtés", level="File", objects=[obj])
    pkg.roots.append(second)
    sip = export_sip(pkg, tmp_path / "two.zip").path
    ref = f"<DataObjectGroupReferenceId>GOT{first.uid}</DataObjectGroupReferenceId>".encode()
    extra = f"<DataObjectGroupReferenceId>GOT{second.uid}</DataObjectGroupReferenceId>".encode()
    bad = rewrite(
        sip, tmp_path / "bad.zip", ref, ref + b"</DataObjectReference><DataObjectReference>" + extra
    )
    assert Code.VAL_MANY_GROUPS in {f.code for f in errors(check_sip(bad))}
    assert Code.VAL_MANY_GROUPS not in {f.code for f in check_sip(sip)}


def test_version_number_zero_is_allowed_but_master_needs_1(tmp_path: Path) -> None:
    """Row 12: ``_N`` with N >= 0; row 14: a numbered BinaryMaster needs ``_1``."""
    pkg = good_package(tmp_path)
    pkg.roots[0].objects[0].version = "Dissemination_0"
    assert not errors(check_package(pkg))
    pkg.roots[0].objects[0].version = "BinaryMaster_0"
    assert {f.code for f in errors(check_package(pkg))} == {Code.VAL_FIRST_VERSION}


def test_check_sip_identify_predicts_the_sae_formats(tmp_path: Path) -> None:
    folder = tmp_path / "Photos"
    folder.mkdir()
    (folder / "photo.avif").write_bytes(
        b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 64
    )
    (folder / "plan.png").write_bytes(png_bytes())
    from seda.model import Package

    result = scan([str(folder)], workers=0)
    pkg = Package(roots=result.roots)
    pkg.header = good_package(tmp_path).header
    sip = export_sip(pkg, tmp_path / "photos.zip").path
    found = check_sip(sip, xsd_root=XSD, identify=True)
    (sae,) = [f for f in found if f.code == Code.VAL_SAE_UNKNOWN_FORMAT]
    assert sae.severity == Severity.ERROR and sae.params["puid"] == "fmt/2062"
    lenient = {"Identifier": "IC-000001", "FormatUnidentifiedAuthorized": True}
    found = check_sip(sip, xsd_root=XSD, identify=True, contract=lenient)
    assert [f.severity for f in found if f.code == Code.VAL_SAE_UNKNOWN_FORMAT] == [
        Severity.WARNING
    ]


def test_identify_spool_folder_is_a_registered_temp(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``check_sip(identify=True)`` spools members into a temporary folder: listed in
    seda.atomic's registry while it exists (a SIGTERM removes it), forgotten after."""
    import seda.identify
    from seda import atomic
    from seda.model import Package

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "plan.png").write_bytes(png_bytes())
    result = scan([str(folder)], workers=0)
    pkg = Package(roots=result.roots)
    pkg.header = good_package(tmp_path).header
    sip = export_sip(pkg, tmp_path / "docs.zip").path
    real = seda.identify.make_identifier
    seen: list[list[str]] = []

    def spying(engine: str):  # type: ignore[no-untyped-def]
        identifier = real(engine)
        original = identifier.identify

        def identify(path: str):  # type: ignore[no-untyped-def]
            seen.append([p for p in atomic.live_temps() if Path(path).parent == Path(p)])
            return original(path)

        identifier.identify = identify
        return identifier

    monkeypatch.setattr(seda.identify, "make_identifier", spying)
    check_sip(sip, xsd_root=XSD, identify=True)
    assert seen and all(len(found) == 1 for found in seen)  # the spool folder, registered
    assert not [p for p in atomic.live_temps() if "verso-check-" in p]
