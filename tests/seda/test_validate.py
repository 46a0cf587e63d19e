"""seda.validate: the SAE's verdicts on its own test SIPs, and each check on built packages.

The Vitam SIPs come with INDEX.tsv (the SAE's real verdicts). Every KO row the index calls
detectable offline must give at least one ERROR; rows that need a referential get the
fitting one from ``../shared/referentials``; every OK and WARNING row must give no ERROR.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from seda.findings import Code, Finding, Severity
from seda.model import (
    ArchiveUnit,
    Attachment,
    BinaryObject,
    FormatInfo,
    Keyword,
    Package,
    Rule,
    RuleCategory,
    TransferHeader,
)
from seda.package import export_sip
from seda.referentials import load_agencies, load_rules
from seda.validate import (
    DEFAULT_CLASSIFICATION_LEVELS,
    KEYWORD_MAX_BYTES,
    ContractError,
    check_package,
    check_sip,
    has_errors,
    load_contract,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SIPS = SHARED / "vitam-sips"
XSD = SHARED / "seda-xsd"
REFS = SHARED / "referentials"
RULES = REFS / "rules" / "R16_OK_regles_CSV.csv"  # the R16 SIPs' referential
AGENCIES = REFS / "agencies" / "R16_agencies_init.csv"
GUID = "aeaqaaaaaahgausqaaukuaml4kibf5iaaaba"

# OK rows the checker refuses, with the honest reason.
OK_XFAIL = {
    "OK/TEST_ELIMINATION_V2.zip": (
        "INDEX.tsv's own note: Vitam 7.0.1 finds it XSD-invalid (HoldRule children out of "
        "order); we agree with 7.0.1, not with the older verdict"
    ),
}
SLOW = {"OK/SIP-Perf-1-10000.zip"}  # 10,000 units: ~11 s of Vitam-flavour XSD


def index_rows() -> list[dict[str, str]]:
    with (SIPS / "INDEX.tsv").open(encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh, delimiter="\t") if r["use"] == "yes"]


def _kwargs(detectable: str) -> dict[str, Any]:
    """The referentials/configuration a KO row needs, from its offline_detectable column."""
    kwargs: dict[str, Any] = {}
    if "rules referential" in detectable:
        kwargs["rules"] = "rules"
    if "agencies referential" in detectable:
        kwargs["agencies"] = "agencies"
    if "classificationList" in detectable:
        kwargs["classification_levels"] = DEFAULT_CLASSIFICATION_LEVELS
    return kwargs


def _params(expected: str) -> list[Any]:
    params = []
    seen: dict[str, int] = {}
    for row in index_rows():
        name = row["file"]
        if row["expected"] == expected:
            detectable = row["offline_detectable"]
            kwargs = _kwargs(detectable)
            if expected == "KO" and not (detectable.startswith("yes") or kwargs):
                continue
        elif not (expected == "OK" and row["expected"] in ("OK", "WARNING")):
            continue
        else:
            kwargs = {}
        seen[name] = seen.get(name, 0) + 1
        ident = name if seen[name] == 1 else f"{name}#{seen[name]}"  # listed twice
        marks: list[Any] = []
        if name in OK_XFAIL and expected == "OK":
            marks.append(pytest.mark.xfail(strict=True, reason=OK_XFAIL[name]))
        if name in SLOW:
            marks.append(pytest.mark.slow)
        params.append(pytest.param(name, kwargs, id=ident, marks=marks))
    return params


@pytest.fixture(scope="module")
def referentials() -> dict[str, Any]:
    return {"rules": load_rules(RULES), "agencies": load_agencies(AGENCIES)}


def _resolve(kwargs: dict[str, Any], refs: dict[str, Any]) -> dict[str, Any]:
    return {k: refs[v] if isinstance(v, str) else v for k, v in kwargs.items()}


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == Severity.ERROR]


@pytest.mark.parametrize(("name", "kwargs"), _params("KO"))
def test_refused_sips_give_an_error(
    name: str, kwargs: dict[str, Any], referentials: dict[str, Any]
) -> None:
    findings = check_sip(SIPS / name, xsd_root=XSD, **_resolve(kwargs, referentials))
    assert errors(findings), f"no error for {name}: {[f.code for f in findings]}"


@pytest.mark.parametrize(("name", "kwargs"), _params("OK"))
def test_accepted_sips_give_no_error(name: str, kwargs: dict[str, Any]) -> None:
    findings = check_sip(SIPS / name, xsd_root=XSD)
    assert not errors(findings), [(f.code, f.path, f.params) for f in errors(findings)]


def test_elimination_v2_only_fails_on_hold_rule_child_order() -> None:
    """Keeps the OK_XFAIL entry honest: its ONLY errors are the schema-order ones (HoldReason
    before HoldReassessingDate), not a hold-date error from pairing one rule's HoldEndDate
    with another rule's StartDate (HoldRule extras are per rule)."""
    findings = check_sip(SIPS / "OK" / "TEST_ELIMINATION_V2.zip", xsd_root=XSD)
    assert not [f for f in findings if f.code == Code.VAL_HOLD_END_BEFORE_START]
    errs = errors(findings)
    assert errs, "the manifest became schema-valid: revisit OK_XFAIL"
    assert all(f.code == Code.VAL_SCHEMA for f in errs)
    assert all("HoldRule" in f.params["message"] for f in errs)


def test_index_coverage() -> None:
    """The corpus is really used: dozens of KO rows, a hundred accepted ones."""
    assert len(_params("KO")) >= 60
    assert len(_params("OK")) >= 130


@pytest.mark.parametrize(
    ("name", "kwargs", "code"),
    [
        ("KO/KO_REGISTRE.zip", {}, Code.VAL_MISSING_HEADER),
        (
            "KO/KO_2_version_BinaryDataObject_du_dataobjectpackage.zip",
            {},
            Code.VAL_DUPLICATE_VERSION,
        ),
        ("KO/KO_USAGE_VERSION_TIRET.zip", {}, Code.VAL_BAD_VERSION),
        ("KO/KO_DIGEST_VIDE.zip", {}, Code.VAL_NO_DIGEST),
        ("KO/KO_SIP_bordereau_avec_objet_contrat.zip", {}, Code.VAL_DIGEST_FORMAT),
        ("KO/KO_BORD_empreinte_KO.zip", {}, Code.VAL_DIGEST),
        ("KO/KO_OBJT_nombresup_SEDA.zip", {}, Code.SIP_UNDECLARED_MEMBER),
        ("KO/KO_OBJT_orphelins.zip", {}, Code.VAL_ORPHAN_OBJECT),
        ("KO/KO_SIP_1986_unit_declare_IDobjet_au_lieu_IDGOT.zip", {}, Code.VAL_OBJECT_REFERENCE),
        ("KO/KO_SIP-TAGlong.zip", {}, Code.VAL_TOO_LONG),
        ("KO/KO_ArchivesPhysiques_EmptyPhysicalId.zip", {}, Code.VAL_EMPTY_PHYSICAL_ID),
        ("KO/SIP_bug_2182.zip", {}, Code.VAL_HTML),
        ("KO/SIP_INCORRECT_ALGORITHM.zip", {}, Code.VAL_BAD_ALGORITHM),
        ("KO/IT_data__KO_ARBO_recursif.zip", {}, Code.MANIFEST_BAD_REFERENCE),
        ("KO/KO_SEDA_2.3_Signature.zip", {}, Code.VAL_ELEMENT_ORDER),
        ("KO/KO_SIPwithProfilRNG_matrice.zip", {}, Code.VAL_ELEMENT_ORDER),
        ("KO/KO_RULES.zip", {"rules": "rules"}, Code.VAL_UNKNOWN_RULE),
        ("KO/KO-RULES-BAD-CATEGORY.zip", {"rules": "rules"}, Code.VAL_RULE_CATEGORY),
        ("KO/KO_OKSP_KOSV.zip", {"agencies": "agencies"}, Code.VAL_UNKNOWN_AGENCY),
    ],
)
def test_refusals_name_the_sae_reason(
    name: str, kwargs: dict[str, Any], code: Code, referentials: dict[str, Any]
) -> None:
    """The error is the one the SAE gives (INDEX.tsv's fault column), not a side effect."""
    findings = check_sip(SIPS / name, xsd_root=XSD, **_resolve(kwargs, referentials))
    assert code in {f.code for f in errors(findings)}


def test_attachment_to_a_non_guid_is_refused() -> None:
    name = next(
        r["file"] for r in index_rows() if "GUID_de_format" in r["file"] and r["expected"] == "KO"
    )
    findings = check_sip(SIPS / name)
    bad = [f for f in findings if f.code == Code.VAL_ATTACHMENT_GUID]
    assert bad and "fmt/829" in {f.params["system_id"] for f in bad}  # a PUID, not a GUID
    assert all(f.severity == Severity.ERROR and f.unit_uid is not None for f in bad)
    assert all(f.params["unit"] for f in bad)  # the unit is named for the user


def test_standard_only_failure_is_a_warning_with_attachments() -> None:
    findings = check_sip(SIPS / "OK/WARNING_attachement_filePlanPosition.zip", xsd_root=XSD)
    (vitam_only,) = [f for f in findings if f.code == Code.VAL_SCHEMA_VITAM_ONLY]
    assert vitam_only.severity == Severity.WARNING
    assert vitam_only.params["attachments"] is True
    assert "UpdateOperation" in vitam_only.params["message"]
    assert not errors(findings)


def test_unknown_agencies_with_referential_only(referentials: dict[str, Any]) -> None:
    name = SIPS / "KO/KO_ORIGINATINGAGENCY_ET_SUBMISSIONAGENCY_PAS_REFERENTIEL_AGENTS.zip"
    assert not errors(check_sip(name))
    found = check_sip(name, agencies=referentials["agencies"])
    fields = {f.params["field"] for f in found if f.code == Code.VAL_UNKNOWN_AGENCY}
    assert fields == {"OriginatingAgencyIdentifier", "SubmissionAgencyIdentifier"}


def test_classification_level_is_a_warning_without_the_platform_list() -> None:
    name = SIPS / "KO/KO_SIP_Classification_level.zip"
    default = [f for f in check_sip(name) if f.code == Code.VAL_CLASSIFICATION_LEVEL]
    assert default and all(f.severity == Severity.WARNING for f in default)
    strict = check_sip(name, classification_levels=["Secret Défense"])
    values = {f.params["value"] for f in errors(strict)}
    assert {"Très Secret Défense", "SECRET DEFENSE"} <= values


def test_no_xsd_gives_an_info_and_bad_folder_a_warning(tmp_path: Path) -> None:
    name = SIPS / "OK/OK_SIP_Vitam.zip"
    skipped = [f for f in check_sip(name) if f.code == Code.VAL_XSD_SKIPPED]
    assert [f.severity for f in skipped] == [Severity.INFO]
    missing = check_sip(name, xsd_root=tmp_path)
    unavailable = [f for f in missing if f.code == Code.VAL_XSD_UNAVAILABLE]
    assert unavailable and all(f.severity == Severity.WARNING for f in unavailable)
    assert not errors(missing)


def test_unusable_zip_gives_errors_not_exceptions(tmp_path: Path) -> None:
    not_zip = tmp_path / "x.zip"
    not_zip.write_bytes(b"not a zip at all")
    assert [f.code for f in check_sip(not_zip)] == [Code.SIP_NOT_ZIP]
    assert has_errors(check_sip(tmp_path / "absent.zip"))


# ---------------------------------------------------------------------------------------
# check_package on built packages
# ---------------------------------------------------------------------------------------


def good_package(tmp_path: Path) -> Package:
    """A package the SAE accepts: full header, one unit with one identified PDF."""
    pdf = tmp_path / "acte.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    obj = BinaryObject(
        source=str(pdf),
        filename="acte.pdf",
        size=pdf.stat().st_size,
        digest="ab" * 64,
        format=FormatInfo(puid="fmt/18", name="PDF 1.4", mime="application/pdf"),
    )
    unit = ArchiveUnit(title="Délibérations 2023", level="File", objects=[obj])
    unit.start_date, unit.end_date = date(2023, 1, 1), date(2023, 12, 31)
    unit.management.category("AppraisalRule").rules.append(Rule("APP-00001", date(2023, 12, 31)))
    unit.management.category("AppraisalRule").final_action = "Keep"
    header = TransferHeader(
        archival_agreement="IC-000001",
        archival_agency="FRAN_NP_009913",
        transferring_agency="FRAN_NP_051234",
        originating_agency="FRAN_NP_009913",
    )
    return Package(header=header, roots=[unit])


def codes(findings: list[Finding], severity: Severity | None = None) -> set[str]:
    return {f.code for f in findings if severity is None or f.severity == severity}


def test_good_package_has_no_problem(tmp_path: Path) -> None:
    assert check_package(good_package(tmp_path), rules=load_rules(RULES)) == []


def test_empty_package_and_package_without_files() -> None:
    assert Code.VAL_EMPTY_PACKAGE in codes(check_package(Package()), Severity.ERROR)
    only_units = Package(roots=[ArchiveUnit(title="Dossier")])
    found = check_package(only_units)
    assert Code.VAL_NO_OBJECTS in codes(found, Severity.WARNING)
    assert Code.VAL_EMPTY_PACKAGE not in codes(found)


@pytest.mark.parametrize(
    "field_name",
    ["archival_agreement", "archival_agency", "transferring_agency", "originating_agency"],
)
def test_missing_header_identifier(tmp_path: Path, field_name: str) -> None:
    pkg = good_package(tmp_path)
    setattr(pkg.header, field_name, "  ")
    (finding,) = check_package(pkg)
    assert finding.code == Code.VAL_MISSING_HEADER and finding.severity == Severity.ERROR
    assert finding.unit_uid is None and finding.params["field"]


def test_submission_agency_may_be_absent_but_must_be_known(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    agencies = load_agencies(AGENCIES)
    assert check_package(pkg, agencies=agencies) == []  # FRAN_NP_009913 is known
    pkg.header.submission_agency = "FRAN_NP_999999"
    (finding,) = check_package(pkg, agencies=agencies)
    assert finding.code == Code.VAL_UNKNOWN_AGENCY
    assert finding.params == {"field": "SubmissionAgencyIdentifier", "identifier": "FRAN_NP_999999"}


def test_unit_checks_carry_the_unit(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    unit = pkg.roots[0]
    child = unit.add(ArchiveUnit(title="", level="Dossier"))
    child.start_date, child.end_date = date(2020, 5, 1), date(2019, 1, 1)
    found = check_package(pkg)
    assert {f.code for f in found} == {Code.VAL_NO_TITLE, Code.VAL_BAD_LEVEL, Code.VAL_DATES_ORDER}
    assert all(f.unit_uid == child.uid and f.severity == Severity.ERROR for f in found)
    dates = next(f for f in found if f.code == Code.VAL_DATES_ORDER)
    assert dates.params == {"start": "2020-05-01", "end": "2019-01-01"}


@pytest.mark.parametrize(
    ("title", "description", "bad"),
    [
        ("Toto&apos;Titi", "", True),
        ("Compte rendu", "voir <script>alert(1)</script>", True),
        ("Conseil <b>municipal</b>", "", True),
        ("Écoles & cantines", "a < b et c > d ; mail <jean.dupont@mairie.fr>", False),
    ],
)
def test_markup_in_text(tmp_path: Path, title: str, description: str, bad: bool) -> None:
    """Markup the SAE's sanitizer refuses is adapted at export: an INFO, never an error."""
    pkg = good_package(tmp_path)
    pkg.roots[0].title, pkg.roots[0].description = title, description
    found = check_package(pkg)
    assert not has_errors(found)
    assert (Code.EXPORT_ADAPTED in codes(found, Severity.INFO)) is bad


def test_too_long_keyword(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    pkg.roots[0].own("keywords").append(Keyword("é" * (KEYWORD_MAX_BYTES // 2 + 1)))
    (finding,) = check_package(pkg)
    assert finding.code == Code.VAL_TOO_LONG and finding.params["size"] > KEYWORD_MAX_BYTES
    pkg.roots[0].keywords[0] = Keyword("é" * (KEYWORD_MAX_BYTES // 2))
    assert check_package(pkg) == []


def test_classification_level(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    block = pkg.roots[0].management.category("ClassificationRule")
    block.rules.append(Rule("CLASS-00001", date(2023, 1, 1)))
    block.classification_owner = "Préfet"
    block.classification_level = "Secret Défense"
    assert check_package(pkg) == []
    block.classification_level = "Très Secret"
    (warning,) = check_package(pkg)
    assert warning.code == Code.VAL_CLASSIFICATION_LEVEL and warning.severity == Severity.WARNING
    assert check_package(pkg, classification_levels=["Secret", "Très Secret"]) == []
    (error,) = check_package(pkg, classification_levels=["Secret"])
    assert error.code == Code.VAL_CLASSIFICATION_LEVEL and error.severity == Severity.ERROR
    assert error.params["allowed"] == ["Secret"]


def test_rules_via_check_rules(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    appraisal = pkg.roots[0].management.rules["AppraisalRule"]
    appraisal.final_action = ""
    appraisal.rules[0] = Rule("ACC-00001", date(2023, 1, 1))  # an AccessRule id
    found = check_package(pkg, rules=load_rules(RULES))
    assert {Code.VAL_FINAL_ACTION, Code.VAL_RULE_CATEGORY} <= codes(found, Severity.ERROR)
    appraisal.rules[0] = Rule("APP-99999", date(2023, 1, 1))
    assert Code.VAL_UNKNOWN_RULE in codes(check_package(pkg, rules=load_rules(RULES)))
    assert Code.VAL_UNKNOWN_RULE not in codes(check_package(pkg))  # no referential


def test_object_checks(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    unit = pkg.roots[0]
    first = unit.objects[0]
    second = dataclasses.replace(first, uid=first.uid + 10**9, version="BinaryMaster_1")
    unit.objects.append(second)
    found = check_package(pkg)
    (dup,) = found
    assert dup.code == Code.VAL_DUPLICATE_VERSION and dup.path == first.source
    assert dup.unit_uid == unit.uid
    second.version = "PhysicalMaster"
    assert codes(check_package(pkg)) == {Code.VAL_BAD_VERSION}
    second.version = "Dissemination_1"
    second.digest = ""
    assert codes(check_package(pkg)) == {Code.VAL_NO_DIGEST}
    second.digest = "AB" * 64
    assert codes(check_package(pkg)) == {Code.VAL_DIGEST_FORMAT}
    second.digest, second.digest_algorithm = "ab" * 64, "SHA-3"
    assert codes(check_package(pkg)) == {Code.VAL_BAD_ALGORITHM}
    second.digest_algorithm, second.size = "SHA-256", 0
    assert codes(check_package(pkg), Severity.WARNING) == {Code.VAL_EMPTY_OBJECT}
    assert not has_errors(check_package(pkg))


def test_unknown_format_and_contract(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    obj = pkg.roots[0].objects[0]
    obj.format = FormatInfo(puid="UNKNOWN", mime="application/octet-stream")
    (default,) = check_package(pkg)  # no contract given: Vitam's default contract refuses
    assert default.code == Code.VAL_UNKNOWN_FORMAT and default.severity == Severity.ERROR
    allowed = {"Identifier": "IC-000001", "FormatUnidentifiedAuthorized": True}
    assert not has_errors(check_package(pkg, contract=allowed))
    for refusing in (
        {"Identifier": "IC-000001", "FormatUnidentifiedAuthorized": False},
        {"Identifier": "IC-000001"},  # Vitam's default: false
    ):
        (error,) = check_package(pkg, contract=refusing)
        assert error.code == Code.VAL_UNKNOWN_FORMAT and error.severity == Severity.ERROR


def test_contract_format_allow_list(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    contract: dict[str, Any] = {
        "Identifier": "IC-000001",
        "EveryFormatType": False,
        "FormatType": ["fmt/17", "x-fmt/279"],
    }
    (error,) = check_package(pkg, contract=contract)
    assert error.code == Code.VAL_FORMAT_NOT_ALLOWED and error.params["puid"] == "fmt/18"
    contract["FormatType"].append("fmt/18")
    assert check_package(pkg, contract=contract) == []
    assert check_package(pkg, contract={"EveryFormatType": True, "FormatType": ["x"]}) == []


def test_contract_identity_and_status(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    (mismatch,) = check_package(pkg, contract={"Identifier": "IC-000002"})
    assert mismatch.code == Code.VAL_CONTRACT_MISMATCH and mismatch.severity == Severity.WARNING
    found = check_package(pkg, contract={"Identifier": "IC-000001", "Status": "INACTIVE"})
    assert codes(found, Severity.ERROR) == {Code.VAL_CONTRACT_INACTIVE}
    odd = check_package(pkg, contract={"Identifier": "IC-000001", "CheckParentLink": "WRONG_TEST"})
    assert codes(odd) == {Code.VAL_CONTRACT_FIELD}


def test_attachments(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    root = pkg.roots[0]
    root.attachment = Attachment(metadata_name="ArchivalAgencyArchiveUnitIdentifier")
    (incomplete,) = check_package(pkg)
    assert incomplete.code == Code.VAL_ATTACHMENT_INCOMPLETE and incomplete.unit_uid == root.uid
    root.attachment = Attachment(system_id="DIS-00001")
    (bad_guid,) = check_package(pkg)
    assert bad_guid.code == Code.VAL_ATTACHMENT_GUID and bad_guid.severity == Severity.ERROR
    root.attachment = Attachment(system_id=GUID)
    assert check_package(pkg) == []
    root.attachment = Attachment(metadata_name="FilePlanPosition", metadata_value="CL-1")
    assert check_package(pkg) == []


def test_contract_attachment_rules(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    root = pkg.roots[0]
    base = {"Identifier": "IC-000001", "FormatUnidentifiedAuthorized": True}
    root.attachment = Attachment(system_id=GUID)
    forbidden = check_package(pkg, contract={**base, "CheckParentLink": "UNAUTHORIZED"})
    assert codes(forbidden, Severity.ERROR) == {Code.VAL_ATTACHMENT_FORBIDDEN}
    other = "aeaqaaaaaagbcaacabht2ak4x66x2baaaaaq"
    under = check_package(
        pkg, contract={**base, "CheckParentLink": "REQUIRED", "LinkParentId": other}
    )
    assert codes(under) == {Code.VAL_ATTACHMENT_PARENT} and not has_errors(under)
    root.attachment = Attachment()
    required = check_package(pkg, contract={**base, "CheckParentLink": "REQUIRED"})
    assert codes(required, Severity.ERROR) == {Code.VAL_ATTACHMENT_REQUIRED}
    auto = check_package(pkg, contract={**base, "LinkParentId": other})
    assert [(f.code, f.severity) for f in auto] == [(Code.VAL_AUTO_ATTACHMENT, Severity.INFO)]
    assert auto[0].params["link_parent_id"] == other
    template = check_package(pkg, contract={**base, "LinkParentId": "TOBECOMPLETED"})
    assert template == []


def test_rules_at_package_level_have_no_unit(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    pkg.header.management.rules["StorageRule"] = RuleCategory(
        "StorageRule", [Rule("STO-00001", date(2023, 1, 1))]
    )
    (finding,) = check_package(pkg)
    assert finding.code == Code.VAL_FINAL_ACTION and finding.unit_uid is None


# ---------------------------------------------------------------------------------------
# contracts
# ---------------------------------------------------------------------------------------


def test_load_contract_from_vitam_files(tmp_path: Path) -> None:
    contracts = REFS / "ingest_contracts"
    one = load_contract(
        contracts / "R16_OK_contract_FormatUnidentified_EveryFormatType_Mixe_ok.json"
    )
    assert one["FormatType"] == ["fmt/17", "x-fmt/279"]
    two = contracts / "R16_OK_contracts_FormatUnidentifiedAuthorized_ok.json"
    picked = load_contract(two, "Rejette_les_formats_non_identifies")
    assert picked["FormatUnidentifiedAuthorized"] is False
    with pytest.raises(ContractError) as info:
        load_contract(two, "IC-000001")
    (finding,) = info.value.findings
    assert finding.code == Code.VAL_CONTRACT_NOT_FOUND
    assert "Accepte_les_formats_non_identifies" in finding.params["available"]
    broken = tmp_path / "c.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ContractError) as info:
        load_contract(broken)
    assert info.value.findings[0].code == Code.VAL_CONTRACT_INVALID
    broken.write_text(json.dumps([1, 2]), encoding="utf-8")
    with pytest.raises(ContractError):
        load_contract(broken)
    with pytest.raises(ContractError):
        load_contract(tmp_path / "absent.json")


# ---------------------------------------------------------------------------------------
# check_sip on SIPs we write (then damage)
# ---------------------------------------------------------------------------------------


def _rewrite(src: Path, dest: Path, *, drop: str = "", add: dict[str, bytes] | None = None) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for info in zin.infolist():
            if info.filename != drop:
                zout.writestr(info, zin.read(info))
        for name, data in (add or {}).items():
            zout.writestr(name, data)


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    pkg = good_package(tmp_path)
    pkg.roots[0].objects[0].digest = ""  # export computes it
    dest = tmp_path / "sip.zip"
    export_sip(pkg, dest)
    return dest


def test_exported_sip_passes_both_schemas(exported: Path) -> None:
    found = check_sip(exported, xsd_root=XSD, rules=load_rules(RULES))
    assert not has_errors(found), [(f.code, f.params) for f in found]
    assert Code.VAL_SCHEMA_VITAM_ONLY not in codes(found)  # no attachment: standard too


def test_attached_export_is_valid_for_vitam_only(tmp_path: Path) -> None:
    pkg = good_package(tmp_path)
    pkg.roots[0].objects[0].digest = ""
    pkg.roots[0].attachment = Attachment(system_id=GUID)
    dest = tmp_path / "attached.zip"
    export_sip(pkg, dest)
    found = check_sip(dest, xsd_root=XSD)
    assert not has_errors(found)
    (warning,) = [f for f in found if f.code == Code.VAL_SCHEMA_VITAM_ONLY]
    assert warning.params["attachments"] is True and warning.severity == Severity.WARNING


def test_damaged_sips(exported: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(exported) as zf:
        member = next(n for n in zf.namelist() if n.startswith("content/"))
        original = zf.read(member)
    extra = tmp_path / "extra.zip"
    _rewrite(exported, extra, add={"content/oubli.txt": b"hello"})
    (undeclared,) = [f for f in check_sip(extra) if f.code == Code.SIP_UNDECLARED_MEMBER]
    assert undeclared.severity == Severity.ERROR and undeclared.path == "content/oubli.txt"

    missing = tmp_path / "missing.zip"
    _rewrite(exported, missing, drop=member)
    assert Code.SIP_MISSING_MEMBER in codes(check_sip(missing), Severity.ERROR)

    changed = tmp_path / "changed.zip"
    _rewrite(exported, changed, drop=member, add={member: original[:-1] + b"X"})
    found = check_sip(changed)
    (digest,) = [f for f in found if f.code == Code.VAL_DIGEST]
    assert digest.severity == Severity.ERROR and digest.path == member


def test_manifest_level_checks_on_a_written_manifest(exported: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(exported) as zf:
        manifest = zf.read("manifest.xml").decode("utf-8")
    digest = manifest.split("<MessageDigest", 1)[1].split(">", 1)[1].split("<", 1)[0]
    upper = manifest.replace(digest, digest.upper())
    bad = tmp_path / "upper.zip"
    _rewrite(exported, bad, drop="manifest.xml", add={"manifest.xml": upper.encode("utf-8")})
    found = check_sip(bad)
    assert Code.VAL_DIGEST_FORMAT in codes(found, Severity.ERROR)
    # Out-of-order elements inside Content: Vitam's wildcard would hide it from xmlschema.
    swapped = manifest.replace("<DescriptionLevel>File</DescriptionLevel>", "").replace(
        "</Title>", "</Title>\n<DescriptionLevel>File</DescriptionLevel>", 1
    )
    disordered = tmp_path / "order.zip"
    _rewrite(exported, disordered, drop="manifest.xml", add={"manifest.xml": swapped.encode()})
    order = [f for f in check_sip(disordered, xsd_root=XSD) if f.code == Code.VAL_ELEMENT_ORDER]
    assert order and order[0].params["element"] == "DescriptionLevel" and order[0].line


def test_identify_compares_declared_and_found_formats(exported: Path, tmp_path: Path) -> None:
    pytest.importorskip("pygfried")
    with zipfile.ZipFile(exported) as zf:
        manifest = zf.read("manifest.xml").decode("utf-8")
    lied = manifest.replace("<FormatId>fmt/18</FormatId>", "<FormatId>fmt/43</FormatId>")
    assert lied != manifest
    wrong = tmp_path / "wrong-format.zip"
    _rewrite(exported, wrong, drop="manifest.xml", add={"manifest.xml": lied.encode()})
    assert Code.VAL_FORMAT_MISMATCH not in codes(check_sip(wrong))  # not asked
    found = check_sip(wrong, identify=True)
    (mismatch,) = [f for f in found if f.code == Code.VAL_FORMAT_MISMATCH]
    assert mismatch.params["declared"] == "fmt/43" and mismatch.params["identified"].startswith(
        "fmt/"
    )
