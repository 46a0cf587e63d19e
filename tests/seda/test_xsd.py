"""seda.xsd: validation against the standard XSD (lxml) and Vitam's flavour (xmlschema)."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

from seda import xsd
from seda.findings import Code, Severity
from seda.manifest import write_manifest
from seda.model import SEDA_VERSIONS, ArchiveUnit, BinaryObject, FormatInfo, Package, Rule
from seda.xsd import SchemaUnavailable, load_schema, schema_path, validate

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
XSD = SHARED / "seda-xsd"
SIPS = SHARED / "vitam-sips"


@pytest.fixture(scope="session")
def vitam_schemas() -> dict[str, object]:
    """Load Vitam's flavour once per session (xmlschema takes a while)."""
    return {v: load_schema(v, XSD, flavour="vitam") for v in SEDA_VERSIONS}


def small_manifest(version: str, *, legal_status: str = "Public Archive") -> bytes:
    pkg = Package(seda_version=version)
    pkg.header.archival_agency = "AA"
    pkg.header.transferring_agency = "TA"
    pkg.header.legal_status = legal_status
    unit = ArchiveUnit("Délibérations", level="File")
    unit.management.category("AppraisalRule").rules.append(Rule("APP-1"))
    unit.management.rules["AppraisalRule"].final_action = "Keep"
    item = ArchiveUnit("Pièce", level="Item")
    item.objects.append(
        BinaryObject(
            "/x/a.pdf",
            "a.pdf",
            10,
            "ab" * 64,
            format=FormatInfo("fmt/18", "PDF", "", "application/pdf"),
        )
    )
    unit.add(item)
    pkg.roots = [unit]
    buf = io.BytesIO()
    write_manifest(pkg, buf, uris={o.uid: "content/a.pdf" for _u, o in pkg.objects()})
    return buf.getvalue()


def sip_manifest(name: str) -> bytes:
    with zipfile.ZipFile(SIPS / name) as zf:
        return zf.read("manifest.xml")


@pytest.mark.parametrize("version", SEDA_VERSIONS)
@pytest.mark.parametrize("flavour", xsd.FLAVOURS)
def test_valid_manifest_has_no_findings(
    version: str, flavour: xsd.Flavour, vitam_schemas: dict[str, object]
) -> None:
    assert validate(small_manifest(version), version, XSD, flavour=flavour) == []


@pytest.mark.parametrize("version", SEDA_VERSIONS)
@pytest.mark.parametrize("flavour", xsd.FLAVOURS)
def test_invalid_value_is_reported_with_line(
    version: str, flavour: xsd.Flavour, vitam_schemas: dict[str, object]
) -> None:
    data = small_manifest(version, legal_status="Archives communales")
    findings = validate(data, version, XSD, flavour=flavour)
    assert len(findings) == 1
    f = findings[0]
    assert f.code == Code.VAL_SCHEMA and f.severity == Severity.ERROR
    lines = data.decode().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "<LegalStatus>" in text)
    assert f.line == line and f.params["line"] == line
    assert "LegalStatus" in f.params["message"] or "Archives communales" in f.params["message"]


def test_wrong_version_schema_is_reported(vitam_schemas: dict[str, object]) -> None:
    findings = validate(small_manifest("2.2"), "2.1", XSD, flavour="standard")
    assert findings and findings[0].line == 2  # the root element, in another namespace


def test_path_input_and_not_well_formed(tmp_path: Path) -> None:
    path = tmp_path / "manifest.xml"
    path.write_bytes(small_manifest("2.3"))
    assert validate(path, "2.3", XSD) == []
    broken = b'<?xml version="1.0"?>\n<ArchiveTransfer>\n<Comment>\n</ArchiveTransfer>'
    findings = validate(broken, "2.3", XSD)
    assert len(findings) == 1 and findings[0].code == Code.VAL_SCHEMA and findings[0].line


def test_max_errors_caps_findings() -> None:
    data = small_manifest("2.1").replace(b"<Title>", b"<Titre>").replace(b"</Title>", b"</Titre>")
    data = data.replace(b"<Content>", b"<Content><Bad/>")
    assert len(validate(data, "2.1", XSD)) >= 2
    assert len(validate(data, "2.1", XSD, max_errors=1)) == 1


def test_schemas_are_cached() -> None:
    assert load_schema("2.2", XSD) is load_schema("2.2", XSD)
    assert load_schema("2.2", XSD, flavour="vitam") is load_schema("2.2", XSD, flavour="vitam")
    assert schema_path("2.3", XSD, "vitam") == XSD / "2.3" / "vitam" / "seda-vitam-main.xsd"
    with pytest.raises(ValueError):
        schema_path("2.0", XSD)


def test_missing_xsd(tmp_path: Path) -> None:
    with pytest.raises(SchemaUnavailable) as info:
        validate(small_manifest("2.1"), "2.1", tmp_path)
    assert info.value.reason == "xsd_missing"


def test_xmlschema_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xsd, "_cache", {})
    monkeypatch.setitem(sys.modules, "xmlschema", None)  # makes `import xmlschema` fail
    with pytest.raises(SchemaUnavailable) as info:
        validate(small_manifest("2.1"), "2.1", XSD, flavour="vitam")
    assert info.value.reason == "xmlschema_missing"
    # the standard flavour does not need it
    assert validate(small_manifest("2.1"), "2.1", XSD, flavour="standard") == []


@pytest.mark.parametrize(
    ("name", "version", "flavour", "valid"),
    [
        ("OK/OK_SIP_FULL_SEDA2.2.zip", "2.2", "vitam", True),
        ("OK/OK_SEDA_2.3_SigningInformation.zip", "2.3", "vitam", True),
        ("OK/OK_RULE_Classification_level.zip", "2.1", "vitam", True),
        ("KO/KO_Reference_Unexisting.zip", "2.1", "vitam", False),
        ("KO/KO_SEDA_2.3_Signature.zip", "2.3", "standard", False),
        ("KO/KO_SEDA_2.1_SigningInformationAsExtensionWithGps.zip", "2.1", "standard", False),
    ],
)
def test_agrees_with_vitam_verdicts(
    name: str, version: str, flavour: xsd.Flavour, valid: bool, vitam_schemas: dict[str, object]
) -> None:
    findings = validate(sip_manifest(name), version, XSD, flavour=flavour)
    assert (findings == []) is valid, findings[:3]
    assert all(f.line for f in findings)


def test_unreadable_manifest_file(tmp_path: Path) -> None:
    findings = validate(tmp_path / "absent.xml", "2.1", XSD)
    assert [f.code for f in findings] == [Code.MANIFEST_UNREADABLE]
