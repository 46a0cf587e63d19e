"""Transfer profiles (RelaxNG) and archive-unit profiles (JSON Schema) from Vitam's tests.

Each sample profile of ``../shared/archive-profiles`` is checked with the manifest Vitam
accepts and with hand-made deviations: a wrong fixed value, a missing required element, a
value outside an enumeration, too many occurrences, a level the profile forbids there.
"""

from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.messages import describe
from seda.archive_profile import (
    ProfileError,
    check_manifest,
    check_package_profiles,
    check_unit_profiles,
    load_transfer_profile,
    load_unit_profiles,
    unit_json,
)
from seda.findings import Code, Severity
from seda.model import ArchiveUnit, Package

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ROOT.parent / "shared" / "archive-profiles"
ONTOLOGY = ROOT.parent / "shared" / "vitam-ontology"
NS = {"s": "fr:gouv:culture:archivesdefrance:seda:v2.1"}
Q = "{fr:gouv:culture:archivesdefrance:seda:v2.1}"


def profil20() -> etree._Element:
    return etree.parse(str(PROFILES / "Profil20-manifest-ok.xml")).getroot()


def sip_manifest() -> etree._Element:
    with zipfile.ZipFile(PROFILES / "SIP_ok_profil.zip") as zf:
        return etree.fromstring(zf.read("manifest.xml"))


def codes(findings: list) -> list[str]:
    return [f.code for f in findings]


def texts(findings: list) -> str:
    return "\n".join(describe(f) for f in findings)


def derived_profile(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of a sample profile with one hand-made change (e.g. an enumeration)."""
    text = (PROFILES / name).read_text(encoding="utf-8")
    assert old in text
    out = tmp_path / f"derived-{name}"
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


# -- valid manifests -------------------------------------------------------------------


def test_each_sample_profile_accepts_its_manifest() -> None:
    assert check_manifest(load_transfer_profile(PROFILES / "Profil20.rng"), profil20()) == []
    ok = load_transfer_profile(PROFILES / "profil_ok.rng", "PR-000001")
    assert check_manifest(ok, sip_manifest()) == []
    assert ok.seda_version == "2.1"


def test_other_profile_refuses_with_what_it_expects() -> None:
    found = check_manifest(load_transfer_profile(PROFILES / "Profil20.rng"), sip_manifest())
    assert found and all(f.severity == Severity.ERROR for f in found)
    text = texts(found)
    assert (
        "Le profil d'archivage exige le commentaire « Transfert des enregistrements des "
        "délibérations de l'assemblée départementale »" in text
    )
    assert "exige le contrat d'entrée « ACCORD_SONORE »" in text
    # the units are named by their readable path
    assert "Unité « Versement de la matrice cadastrale numérique / Fichiers sources » :" in text
    # the raw libxml2 message is kept for experts
    comment = next(f for f in found if f.params.get("field") == "Comment")
    assert "Comment" in comment.params["raw"]
    assert comment.line == 9


# -- hand-made deviations: Profil20 ----------------------------------------------------


def test_profil20_wrong_fixed_value() -> None:
    doc = profil20()
    doc.find("s:Comment", NS).text = "Autre chose"
    found = check_manifest(load_transfer_profile(PROFILES / "Profil20.rng"), doc)
    assert codes(found) == [Code.PROFILE_FIXED_VALUE]
    assert found[0].params["expected"].startswith("Transfert des enregistrements")
    assert "(ici « Autre chose »)" in describe(found[0])


def test_profil20_missing_required_element() -> None:
    doc = profil20()
    content = doc.find(".//s:ArchiveUnit/s:Content", NS)
    content.remove(content.find("s:Description", NS))
    found = check_manifest(load_transfer_profile(PROFILES / "Profil20.rng"), doc)
    assert codes(found) == [Code.PROFILE_MISSING]
    f = found[0]
    assert f.params["field"] == "Description" and f.params["expected"].startswith("Ces enreg")
    assert (
        f.params["unit"]
        == "Enregistrements de l'assemblee départementale, sessions du 15/09/2016 au 16/09/2016"
    )
    assert "exige la description « Ces enregistrements" in describe(f)


def test_profil20_too_many_occurrences() -> None:
    doc = profil20()
    agreement = doc.find("s:ArchivalAgreement", NS)
    agreement.addnext(copy.deepcopy(agreement))
    found = check_manifest(load_transfer_profile(PROFILES / "Profil20.rng"), doc)
    assert codes(found) == [Code.PROFILE_TOO_MANY]
    assert found[0].params["max"] == 1 and found[0].params["count"] == 2
    assert "au plus 1" in describe(found[0])


def test_profil20_forbidden_level() -> None:
    doc = profil20()
    item = doc.findall(".//s:ArchiveUnit", NS)[-1]
    item.find("s:Content/s:DescriptionLevel", NS).text = "File"
    found = check_manifest(load_transfer_profile(PROFILES / "Profil20.rng"), doc)
    assert codes(found) == [Code.PROFILE_LEVEL]
    assert found[0].params["allowed"] == ["Item"]
    text = describe(found[0])
    assert (
        "n'accepte pas le niveau de description « Dossier » ici ; valeurs admises : Pièce" in text
    )
    assert "Pièce jointe enregistrement video" in text  # the unit's readable path


def test_profil20_value_outside_an_enumeration(tmp_path: Path) -> None:
    rng = derived_profile(
        tmp_path,
        "Profil20.rng",
        '<rng:value type="token">corpname</rng:value>',
        '<rng:choice><rng:value type="token">corpname</rng:value>'
        '<rng:value type="token">geogname</rng:value></rng:choice>',
    )
    profile = load_transfer_profile(rng)
    assert check_manifest(profile, profil20()) == []
    doc = profil20()
    doc.find(".//s:KeywordType", NS).text = "subject"
    found = check_manifest(profile, doc)
    assert codes(found) == [Code.PROFILE_VALUE_CHOICE]
    assert found[0].params["allowed"] == ["corpname", "geogname"]
    assert "valeurs admises : « corpname », « geogname »" in describe(found[0])


def test_profil20_wrong_datatype() -> None:
    doc = profil20()
    doc.find("s:Date", NS).text = "hier"
    found = check_manifest(load_transfer_profile(PROFILES / "Profil20.rng"), doc)
    assert codes(found) == [Code.PROFILE_DATATYPE]
    assert "date et heure" in describe(found[0])


def test_profil20_element_it_does_not_provide() -> None:
    doc = profil20()
    content = doc.find(".//s:ArchiveUnit/s:Content", NS)
    etree.SubElement(content, f"{Q}Status").text = "brouillon"
    found = check_manifest(load_transfer_profile(PROFILES / "Profil20.rng"), doc)
    assert Code.PROFILE_NOT_ALLOWED in codes(found) or Code.PROFILE_ORDER in codes(found)
    assert "l'état" in texts(found)


# -- hand-made deviations: profil_ok (PR-000001) ------------------------------------------


def test_profil_ok_deviations_one_by_one(tmp_path: Path) -> None:
    profile = load_transfer_profile(PROFILES / "profil_ok.rng", "PR-000001")

    doc = sip_manifest()
    doc.find("s:Comment", NS).text = "Délibérations"
    found = check_manifest(profile, doc)
    assert codes(found) == [Code.PROFILE_FIXED_VALUE]
    assert "exige le commentaire « Matrice cadastrale numérique. »" in describe(found[0])

    doc = sip_manifest()
    content = doc.find(".//s:ArchiveUnit/s:Content", NS)
    content.remove(content.find("s:OriginatingAgency", NS))
    found = check_manifest(profile, doc)
    assert codes(found) == [Code.PROFILE_MISSING]
    assert "exige le service producteur" in describe(found[0])

    doc = sip_manifest()
    description = doc.find(".//s:ArchiveUnit/s:Content/s:Description", NS)
    description.addnext(copy.deepcopy(description))
    found = check_manifest(profile, doc)
    assert codes(found) == [Code.PROFILE_TOO_MANY]

    doc = sip_manifest()
    series = doc.findall(".//s:ArchiveUnit", NS)[1]
    series.find("s:Content/s:DescriptionLevel", NS).text = "File"
    found = check_manifest(profile, doc)
    assert codes(found) == [Code.PROFILE_LEVEL]
    assert "valeurs admises : Série" in describe(found[0])
    assert "Fichiers sources" in found[0].params["unit"]

    # a declared profile other than the one checked: said, as a warning
    doc = sip_manifest()
    doc.find(".//s:ArchivalProfile", NS).text = "PR-000002"
    found = check_manifest(profile, doc)
    assert Code.PROFILE_OTHER_DECLARED in codes(found)
    assert found[0].severity == Severity.WARNING


def test_profil_ok_enumeration_of_levels(tmp_path: Path) -> None:
    rng = derived_profile(
        tmp_path,
        "profil_ok.rng",
        '<rng:value type="token">Series</rng:value>',
        '<rng:choice><rng:value type="token">File</rng:value>'
        '<rng:value type="token">SubGrp</rng:value></rng:choice>',
    )
    found = check_manifest(load_transfer_profile(rng), sip_manifest())
    assert codes(found) == [Code.PROFILE_LEVEL]
    assert (
        "n'accepte pas le niveau de description « Série » ici ; valeurs admises : "
        "Dossier, Sous-groupe de documents" in describe(found[0])
    )


# -- loading errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("pas du XML", Code.PROFILE_NOT_RNG),
        ("<a/>", Code.PROFILE_NOT_RNG),
        (
            '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
            '<element name="x"><foo/></element></start></grammar>',
            Code.PROFILE_NOT_RNG,
        ),
        (
            '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
            '<element name="facture"><text/></element></start></grammar>',
            Code.PROFILE_NOT_SEDA,
        ),
    ],
)
def test_unusable_profile_is_refused_clearly(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "profil.rng"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_transfer_profile(path)
    assert [f.code for f in info.value.findings] == [code]
    text = describe(info.value.findings[0])
    assert "profil" in text and "Traceback" not in text


def test_missing_profile_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        load_transfer_profile(tmp_path / "absent.rng")
    assert info.value.findings[0].code == Code.PROFILE_UNREADABLE


# -- the guide's data: what the grammar fixes and allows -------------------------------


def test_grammar_reading_of_profil20() -> None:
    grammar = load_transfer_profile(PROFILES / "Profil20.rng").grammar
    top = grammar.root
    assert top is not None and top.name == "ArchiveTransfer"
    comment = top.child("Comment")
    assert comment is not None and comment.required and comment.fixed is not None
    date = top.child("Date")
    assert date is not None and date.datatypes == ("dateTime",) and date.fixed is None
    package = top.child("DataObjectPackage")
    assert package is not None
    objects = [n for n in package.elements() if n.name == "BinaryDataObject"]
    assert [(n.min, n.max) for n in objects] == [(1, -1), (1, -1)]


# -- archive-unit profiles -------------------------------------------------------------


def test_unit_profiles_load_bare_and_exported() -> None:
    (level,) = load_unit_profiles(PROFILES / "aup-description-level.json")
    assert level.identifier == "aup-description-level" and level.status == "ACTIVE"
    (full,) = load_unit_profiles(PROFILES / "aup-full-management.json")
    assert full.identifier == "AUP_000001" and full.status == "INACTIVE"
    assert "properties" in full.schema


def test_unit_profile_refuses_bad_json(tmp_path: Path) -> None:
    bad = tmp_path / "aup.json"
    bad.write_text('{"Identifier": "X", "ControlSchema": "{pas du json"}', encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_unit_profiles(bad)
    assert info.value.findings[0].code == Code.UNIT_PROFILE_INVALID


def _name_profile(doc: etree._Element, index: int, identifier: str) -> etree._Element:
    unit = doc.findall(".//s:ArchiveUnit", NS)[index]
    ref = etree.Element(f"{Q}ArchiveUnitProfile")
    ref.text = identifier
    unit.insert(0, ref)
    return unit


def test_unit_profiles_against_units() -> None:
    profiles = [
        *load_unit_profiles(PROFILES / "aup-description-level.json"),
        *load_unit_profiles(PROFILES / "aup-mandatory-coverage.json"),
        *load_unit_profiles(PROFILES / "aup-full-management.json"),
    ]
    doc = sip_manifest()
    _name_profile(doc, 0, "aup-description-level")  # RecordGrp: accepted
    assert check_unit_profiles(doc, profiles) == []

    _name_profile(doc, 1, "aup-description-level")  # Series: refused
    _name_profile(doc, 2, "aup-mandatory-coverage")  # no Coverage: refused
    _name_profile(doc, 3, "AUP_000001")  # inactive: refused
    _name_profile(doc, 4, "AUP_INCONNU")  # not given: warned
    found = check_unit_profiles(doc, profiles)
    by_code = {f.code: f for f in found}
    enum = next(f for f in found if f.params.get("kind") == "enum")
    assert enum.params["allowed"] == ["RecordGrp"] and enum.params["value"] == "Series"
    assert (
        "n'accepte pas « Série » pour le niveau de description ; valeurs admises : Groupe de documents"
        in describe(enum)
    )
    required = next(f for f in found if f.params.get("kind") == "required")
    assert required.params["field"] == "Coverage"
    assert "exige la couverture spatiale ou temporelle" in describe(required)
    assert by_code[Code.UNIT_PROFILE_INACTIVE].severity == Severity.ERROR
    assert by_code[Code.UNIT_PROFILE_UNKNOWN].severity == Severity.WARNING


def test_unit_json_is_vitams_shape() -> None:
    """Our JSON of each unit passes Vitam's own internal archive-unit schema (arrays where
    Vitam has arrays), so an archive-unit profile sees what Vitam's sees."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ONTOLOGY / "archive-unit-schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    for doc in (sip_manifest(), profil20()):
        for unit in doc.iter(f"{Q}ArchiveUnit"):
            data = unit_json(unit)
            data["_mgt"] = data.pop("#management")  # Vitam renames it for the profiles
            data["_id"] = "aeaqaaaaaahccnklabtgyak7pkvypgyaaacq"
            errors = [e.message for e in validator.iter_errors(data)]
            assert errors == [], (unit.get("id"), errors)
    first = unit_json(profil20().find(".//s:ArchiveUnit", NS))
    assert first["Keyword"][0] == {"KeywordContent": "Département", "KeywordType": "corpname"}
    assert first["Language"] == ["fra"] and first["DescriptionLevel"] == "RecordGrp"


# -- a package of the model ------------------------------------------------------------


def test_package_profiles_point_at_model_units(tmp_path: Path) -> None:
    profile = load_transfer_profile(PROFILES / "profil_ok.rng", "PR-000001")
    package = Package()
    package.header.comment = "Matrice cadastrale numérique."
    package.header.archival_profile = "PR-000001"
    unit = ArchiveUnit("Mauvais intitulé", level="File")
    package.roots.append(unit)
    found = check_package_profiles(package, profile)
    level = next(f for f in found if f.code == Code.PROFILE_LEVEL)
    assert level.unit_uid == unit.uid and level.params["allowed"] == ["RecordGrp"]


# -- the model: ArchivalProfile and ArchiveUnitProfile written and read back -----------


@pytest.mark.parametrize("version", ["2.1", "2.2", "2.3"])
def test_profiles_written_read_back_and_schema_valid(version: str) -> None:
    import io

    from seda.manifest import read_manifest, write_manifest
    from seda.xsd import validate

    package = Package(seda_version=version)
    package.header.archival_profile = "PR-000001"
    package.header.archival_agency = "AG"
    package.header.transferring_agency = "TR"
    root = ArchiveUnit("Délibérations", level="File", archive_unit_profile="AUP_000001")
    root.add(ArchiveUnit("Séance", level="Item"))
    package.roots.append(root)
    buf = io.BytesIO()
    write_manifest(package, buf, uris={})
    back = read_manifest(buf.getvalue())
    assert back.header.archival_profile == "PR-000001"
    assert back.roots[0].archive_unit_profile == "AUP_000001"
    assert back.roots[0].children[0].archive_unit_profile == ""
    xsd = ROOT.parent / "shared" / "seda-xsd"
    for flavour in ("standard", "vitam"):
        assert validate(buf.getvalue(), version, xsd, flavour=flavour) == []


# -- a hand-written profile with define/ref recursion, interleave, choice and anyName ---

RECURSIVE_RNG = """<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
  ns="fr:gouv:culture:archivesdefrance:seda:v2.2"
  datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start>
    <element name="ArchiveTransfer">
      <optional><element name="Comment"><text/></element></optional>
      <element name="Date"><data type="dateTime"/></element>
      <element name="MessageIdentifier"><data type="token"/></element>
      <element name="ArchivalAgreement"><choice><value>IC-1</value><value>IC-2</value></choice></element>
      <element name="CodeListVersions"><ref name="OpenType"/></element>
      <element name="DataObjectPackage">
        <zeroOrMore><element name="DataObjectGroup"><attribute name="id"/><ref name="OpenType"/></element></zeroOrMore>
        <element name="DescriptiveMetadata"><oneOrMore><ref name="Unit"/></oneOrMore></element>
        <element name="ManagementMetadata"><ref name="OpenType"/></element>
      </element>
      <element name="ArchivalAgency"><element name="Identifier"><text/></element></element>
      <element name="TransferringAgency"><element name="Identifier"><text/></element></element>
    </element>
  </start>
  <define name="Unit">
    <element name="ArchiveUnit">
      <attribute name="id"><data type="ID"/></attribute>
      <element name="Content">
        <interleave>
          <element name="DescriptionLevel"><choice><value>File</value><value>Item</value></choice></element>
          <element name="Title"><text/></element>
          <optional><element name="Description"><text/></element></optional>
        </interleave>
      </element>
      <optional><element name="DataObjectReference"><ref name="OpenType"/></element></optional>
      <zeroOrMore><ref name="Unit"/></zeroOrMore>
    </element>
  </define>
  <define name="OpenType">
    <zeroOrMore>
      <element><anyName/><zeroOrMore><attribute><anyName/></attribute></zeroOrMore><ref name="OpenType"/></element>
    </zeroOrMore>
    <optional><text/></optional>
  </define>
</grammar>
"""


def test_recursive_profile_deep_deviation_is_explained(tmp_path: Path) -> None:
    import io

    from seda.manifest import write_manifest
    from seda.profile_guide import compare, guide

    rng = tmp_path / "recursif.rng"
    rng.write_text(RECURSIVE_RNG, encoding="utf-8")
    profile = load_transfer_profile(rng)
    assert profile.seda_version == "2.2"
    package = Package(seda_version="2.2")
    package.header.archival_agreement = "IC-1"
    package.header.archival_agency = "AD"
    package.header.transferring_agency = "MAIRIE"
    root = ArchiveUnit("Dossier", level="File")
    package.roots.append(root)
    deep = root.add(ArchiveUnit("Pièce", level="Item")).add(ArchiveUnit("Annexe", level="Item"))

    def manifest() -> bytes:
        buf = io.BytesIO()
        write_manifest(package, buf, uris={})
        return buf.getvalue()

    assert check_manifest(profile, manifest()) == []
    g = guide(profile)
    assert compare(g, package).findings == []
    assert g.units[0].levels == ("File", "Item") and g.units[0].children[0].recursive

    deep.level = "Series"  # three levels down, through the recursive define
    package.header.archival_agreement = "IC-9"
    found = check_manifest(profile, manifest())
    assert codes(found) == [Code.PROFILE_VALUE_CHOICE, Code.PROFILE_LEVEL]
    assert found[1].params["unit"] == "Dossier / Pièce / Annexe"
    assert "valeurs admises : Dossier, Pièce" in describe(found[1])
    live = compare(g, package).findings
    assert [f.code for f in live] == [Code.PROFILE_VALUE_CHOICE, Code.PROFILE_LEVEL]
    assert live[1].unit_uid == deep.uid


def test_attribute_errors_are_not_lost(tmp_path: Path) -> None:
    """Attributes are left to libxml2: its words are kept when ours say nothing of them."""
    doc = profil20()
    doc.find("s:Comment", NS).text = "Autre chose"
    doc.find("s:Date", NS).set("inconnu", "x")
    found = check_manifest(load_transfer_profile(PROFILES / "Profil20.rng"), doc)
    assert codes(found) == [Code.PROFILE_FIXED_VALUE, Code.PROFILE_INVALID]
    assert "Invalid attribute inconnu" in found[1].params["raw"]
    assert "L'attribut « inconnu » n'est pas prévu par le profil d'archivage" in describe(found[1])
