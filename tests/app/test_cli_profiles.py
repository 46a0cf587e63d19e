"""``verso check --archive-profile / --unit-profiles`` and presets naming the profiles.

The SIP from Vitam's tests that declares PR-000001 is accepted with its own profile and
refused with the other sample profile; hand-made deviations of its manifest are refused
with a French sentence saying what the profile expects.
"""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from app.cli import main
from app.presets import Preset, UnitProfileRef, apply_preset, load_preset, save_preset
from seda.model import ArchiveUnit, Package

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ROOT.parent / "shared" / "archive-profiles"
XSD = ROOT.parent / "shared" / "seda-xsd"
SIP = PROFILES / "SIP_ok_profil.zip"
NS = {"s": "fr:gouv:culture:archivesdefrance:seda:v2.1"}
Q = "{fr:gouv:culture:archivesdefrance:seda:v2.1}"


@pytest.fixture(autouse=True)
def _no_xsd_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERSO_XSD_DIR", raising=False)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


def changed_sip(tmp_path: Path, change: Callable[[etree._Element], None]) -> Path:
    """A copy of the sample SIP whose manifest got one hand-made change (files unchanged)."""
    out = tmp_path / "versement.zip"
    with zipfile.ZipFile(SIP) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "manifest.xml":
                doc = etree.fromstring(data)
                change(doc)
                data = etree.tostring(doc, xml_declaration=True, encoding="UTF-8")
            dst.writestr(info, data)
    return out


def test_sip_with_its_own_profile_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = run(
        [
            "check",
            str(SIP),
            "--archive-profile",
            str(PROFILES / "profil_ok.rng"),
            "--xsd",
            str(XSD),
        ],
        capsys,
    )
    assert rc == 0, out
    assert "Profil d'archivage « profil_ok.rng » : respecté." in out
    assert "Erreurs" not in out


def test_sip_with_another_profile_exits_1_saying_what_it_expects(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rc, out, _err = run(
        ["check", str(SIP), "--archive-profile", str(PROFILES / "Profil20.rng"), "--all"], capsys
    )
    assert rc == 1
    assert (
        "Le profil d'archivage exige le commentaire « Transfert des enregistrements des "
        "délibérations de l'assemblée départementale » (ici « Matrice cadastrale numérique. »)"
        in out
    )
    assert "n'accepte pas le niveau de description « Série » ici ; valeurs admises : Dossier" in out
    assert "respecté" not in out and "Traceback" not in out
    assert "détail technique" not in out  # only with --details


def test_details_show_the_raw_message(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = run(
        ["check", str(SIP), "--archive-profile", str(PROFILES / "Profil20.rng"), "--details"],
        capsys,
    )
    assert rc == 1
    assert "(détail technique : " in out and "Element Comment failed to validate content" in out


def _wrong_comment(doc: etree._Element) -> None:
    doc.find("s:Comment", NS).text = "Délibérations 2024"


def _no_originating_agency(doc: etree._Element) -> None:
    content = doc.find(".//s:ArchiveUnit/s:Content", NS)
    content.remove(content.find("s:OriginatingAgency", NS))


def _two_descriptions(doc: etree._Element) -> None:
    description = doc.find(".//s:ArchiveUnit/s:Content/s:Description", NS)
    description.addnext(copy.deepcopy(description))


def _file_level(doc: etree._Element) -> None:
    doc.findall(".//s:ArchiveUnit", NS)[1].find("s:Content/s:DescriptionLevel", NS).text = "File"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            _wrong_comment,
            "exige le commentaire « Matrice cadastrale numérique. » (ici « Délibérations 2024 »)",
        ),
        (_no_originating_agency, "le profil d'archivage exige le service producteur"),
        (_two_descriptions, "le profil d'archivage en admet au plus 1 ici (il y en a 2)"),
        (
            _file_level,
            "Unité « Versement de la matrice cadastrale numérique / Fichiers sources » : le profil "
            "d'archivage n'accepte pas le niveau de description « Dossier » ici ; valeurs admises : Série",
        ),
    ],
    ids=["fixed-value", "missing", "too-many", "forbidden-level"],
)
def test_hand_made_deviations_exit_1(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: Callable[[etree._Element], None],
    expected: str,
) -> None:
    sip = changed_sip(tmp_path, change)
    profile = str(PROFILES / "profil_ok.rng")
    rc, out, _err = run(
        ["check", str(sip), "--archive-profile", profile, "--xsd", str(XSD)], capsys
    )
    assert rc == 1
    assert expected in out
    errors = out.split("Erreurs (", 1)[1].split(")", 1)[0]
    assert errors == "1", out  # one deviation, one sentence


def test_value_outside_an_enumeration(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (PROFILES / "profil_ok.rng").read_text(encoding="utf-8")
    old = '<rng:value type="string">Majic 3</rng:value>'
    assert old in text
    rng = tmp_path / "profil-enum.rng"
    rng.write_text(
        text.replace(
            old,
            '<rng:choice><rng:value type="string">Majic 3</rng:value>'
            '<rng:value type="string">Majic 4</rng:value></rng:choice>',
        ),
        encoding="utf-8",
    )
    rc, out, _err = run(["check", str(SIP), "--archive-profile", str(rng)], capsys)
    assert rc == 0, out

    def other_application(doc: etree._Element) -> None:
        doc.find(".//s:CreatingApplicationName", NS).text = "Excel"

    sip = changed_sip(tmp_path, other_application)
    rc, out, _err = run(["check", str(sip), "--archive-profile", str(rng)], capsys)
    assert rc == 1
    assert (
        "n'accepte pas « Excel » pour le logiciel de création ; valeurs admises : « Majic 3 », « Majic 4 »"
        in out
    )


def test_profil20_manifest_in_a_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Profil20's manifest (no files: the zip itself is refused) meets its profile, and a
    hand-made wrong fixed value is named."""
    sip = tmp_path / "profil20.zip"
    manifest = (PROFILES / "Profil20-manifest-ok.xml").read_bytes()
    with zipfile.ZipFile(sip, "w") as zf:
        zf.writestr("manifest.xml", manifest)
    rng = str(PROFILES / "Profil20.rng")
    _rc, out, _err = run(["check", str(sip), "--archive-profile", rng], capsys)
    assert "Profil d'archivage « Profil20.rng » : respecté." in out
    with zipfile.ZipFile(sip, "w") as zf:
        zf.writestr("manifest.xml", manifest.replace(b"ACCORD_SONORE", b"ACCORD_VIDEO"))
    rc, out, _err = run(["check", str(sip), "--archive-profile", rng], capsys)
    assert rc == 1
    assert "exige le contrat d'entrée « ACCORD_SONORE » (ici « ACCORD_VIDEO »)" in out


def test_unit_profiles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def name_profiles(doc: etree._Element) -> None:
        for unit, ident in zip(
            doc.findall(".//s:ArchiveUnit", NS)[:2],
            ("aup-description-level", "aup-mandatory-coverage"),
            strict=True,
        ):
            ref = etree.Element(f"{Q}ArchiveUnitProfile")
            ref.text = ident
            unit.insert(0, ref)

    sip = changed_sip(tmp_path, name_profiles)
    aups = [
        str(PROFILES / "aup-description-level.json"),
        str(PROFILES / "aup-mandatory-coverage.json"),
    ]
    rc, out, _err = run(["check", str(sip), "--unit-profiles", *aups], capsys)
    assert rc == 1
    assert (
        "Unité « Versement de la matrice cadastrale numérique / Fichiers sources » : le profil "
        "d'unité archivistique « aup-mandatory-coverage » exige la couverture spatiale ou temporelle"
        in out
    )
    assert "aup-description-level" not in out  # the RecordGrp unit meets it
    # a unit profile not given: warned, not an error
    rc, out, _err = run(["check", str(sip), "--unit-profiles", aups[0]], capsys)
    assert rc == 0, out
    assert "« aup-mandatory-coverage », qui n'a pas été fourni" in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("pas du XML", "n'est pas un profil d'archivage RelaxNG valide"),
        (
            '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start>'
            '<element name="facture"><text/></element></start></grammar>',
            "ne décrit pas un bordereau SEDA",
        ),
    ],
)
def test_unusable_profile_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    rng = tmp_path / "profil.rng"
    rng.write_text(content, encoding="utf-8")
    rc, _out, err = run(["check", str(SIP), "--archive-profile", str(rng)], capsys)
    assert rc == 2
    assert expected in err and "Traceback" not in err
    rc, _out, err = run(["check", str(SIP), "--archive-profile", str(tmp_path / "x.rng")], capsys)
    assert rc == 2 and "Profil introuvable" in err


# -- presets ---------------------------------------------------------------------------


def write_preset(tmp_path: Path, rng: str) -> Path:
    preset = tmp_path / "preset.yaml"
    preset.write_text(
        f"name: test\narchive_profile: {rng}\narchive_profile_id: PR-000001\n"
        "unit_profiles:\n"
        f"  - {PROFILES / 'aup-mandatory-coverage.json'}\n"
        f"  - file: {PROFILES / 'aup-description-level.json'}\n"
        "    levels: [RecordGrp, Series]\n",
        encoding="utf-8",
    )
    return preset


def test_preset_names_the_profiles_and_round_trips(tmp_path: Path) -> None:
    preset = load_preset(write_preset(tmp_path, str(PROFILES / "profil_ok.rng")))
    assert preset.archive_profile == PROFILES / "profil_ok.rng" or preset.archive_profile.samefile(
        PROFILES / "profil_ok.rng"
    )
    assert preset.archive_profile_id == "PR-000001"
    assert [u.levels for u in preset.unit_profiles] == [[], ["RecordGrp", "Series"]]
    saved = tmp_path / "saved.yaml"
    save_preset(preset, saved)
    again = load_preset(saved)
    assert again.archive_profile_id == "PR-000001"
    assert again.archive_profile is not None and again.archive_profile.samefile(
        PROFILES / "profil_ok.rng"
    )
    assert [(u.file.name, u.levels) for u in again.unit_profiles] == [
        ("aup-mandatory-coverage.json", []),
        ("aup-description-level.json", ["RecordGrp", "Series"]),
    ]


def test_preset_refuses_unknown_level(tmp_path: Path) -> None:
    from app.presets import PresetError

    path = tmp_path / "p.yaml"
    path.write_text("unit_profiles:\n  - file: a.json\n    levels: [Dossier]\n", encoding="utf-8")
    with pytest.raises(PresetError) as info:
        load_preset(path)
    assert "niveau « Dossier » inconnu" in str(info.value) and info.value.line == 3


def test_apply_preset_writes_the_identifiers() -> None:
    preset = Preset(
        archive_profile_id="PR-000001",
        unit_profiles=[UnitProfileRef(PROFILES / "aup-description-level.json", ["Series"])],
    )
    package = Package()
    root = package.roots.append(ArchiveUnit("Série", level="Series")) or package.roots[0]
    item = root.add(ArchiveUnit("Pièce", level="Item"))
    apply_preset(preset, package)
    assert package.header.archival_profile == "PR-000001"
    assert root.archive_unit_profile == "aup-description-level"
    assert item.archive_unit_profile == ""


def test_check_takes_the_profile_from_the_preset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preset = write_preset(tmp_path, str(PROFILES / "Profil20.rng"))
    rc, out, _err = run(["check", str(SIP), "--preset", str(preset)], capsys)
    assert rc == 1 and "exige le commentaire « Transfert des enregistrements" in out
    preset = write_preset(tmp_path, str(PROFILES / "profil_ok.rng"))
    rc, out, _err = run(["check", str(SIP), "--preset", str(preset)], capsys)
    assert rc == 0, out
    assert "respecté" in out


def test_export_with_a_preset_checks_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "Délibérations"
    folder.mkdir()
    (folder / "seance.txt").write_text("séance du conseil", encoding="utf-8")
    preset = write_preset(tmp_path, str(PROFILES / "profil_ok.rng"))
    out_zip = tmp_path / "versement.zip"
    rc, out, _err = run(
        ["export", str(folder), "-o", str(out_zip), "--preset", str(preset), "--no-bordereau"],
        capsys,
    )
    assert out_zip.exists()
    assert "exige le commentaire « Matrice cadastrale numérique. »" in out
    with zipfile.ZipFile(out_zip) as zf:
        manifest = zf.read("manifest.xml").decode()
    assert "<ArchivalProfile>PR-000001</ArchivalProfile>" in manifest
    assert "<ArchiveUnitProfile>aup-description-level</ArchiveUnitProfile>" in manifest
    # --strict: nothing written when the profile is not met
    out_zip.unlink()
    rc, _out, err = run(
        ["export", str(folder), "-o", str(out_zip), "--preset", str(preset), "--strict"],
        capsys,
    )
    assert rc == 1 and not out_zip.exists()
    assert "exige le commentaire" in err


def test_window_helper_checks_with_the_preset(tmp_path: Path) -> None:
    from app.archive_profiles import check_with_preset, preset_profiles
    from seda.findings import Code, Severity

    preset = load_preset(write_preset(tmp_path, str(PROFILES / "profil_ok.rng")))
    loaded = preset_profiles(preset)
    assert loaded.transfer is not None and loaded.transfer.identifier == "PR-000001"
    assert len(loaded.units) == 2 and loaded.problems == []
    assert preset_profiles(preset) is loaded  # cached while the files do not change
    package = Package()
    unit = ArchiveUnit("Versement", level="File")
    package.roots.append(unit)
    found = check_with_preset(package, preset)
    level = next(f for f in found if f.code == Code.PROFILE_LEVEL)
    assert level.unit_uid == unit.uid
    # a profile file gone: an error finding, never an exception
    preset.archive_profile = tmp_path / "disparu.rng"
    found = check_with_preset(package, preset)
    assert found[0].code == Code.PROFILE_UNREADABLE and found[0].severity == Severity.ERROR
    assert check_with_preset(package, None) == []


def test_declared_profile_not_given_is_said(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = run(["check", str(SIP)], capsys)
    assert rc == 0
    info = out.split("Pour information", 1)[1]
    assert "déclare le profil d'archivage « PR-000001 »" in info and "--archive-profile" in info
