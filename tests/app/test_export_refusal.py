"""verso export never claims success over a package the SAE will refuse (issue 13)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app import cli
from app.cli import main
from seda.findings import Code, Finding, Severity
from seda.validate import check_sip

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
XSD = SHARED / "seda-xsd"
EXAMPLE = ROOT / "resources" / "presets" / "example.yaml"
GUID = "aeaqaaaaaahgausqaaukuaml4kibf5iaaaba"
HOSTILE = [
    "&Fils;.txt",
    "Jardins&nbsp;publics.txt",
    "Avant-->après.txt",
    "<!--brouillon.txt",
    "note ]]> fin.txt",
    "<script>alert(1).txt",
    "del\x7f.txt",
    "Q&A;.txt",
    "a < b.txt",
]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "Noms hostiles"
    folder.mkdir()
    for i, name in enumerate(HOSTILE):
        (folder / name).write_text(f"document {i}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("version", ["2.1", "2.2", "2.3"])
def test_hostile_names_export_to_a_sip_the_sae_accepts(
    hostile: Path, tmp_path: Path, version: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out_zip = tmp_path / f"v{version}.zip"
    argv = ["export", str(hostile), "-o", str(out_zip), "--preset", str(EXAMPLE)]
    rc, out, err = run([*argv, "--seda", version, "--workers", "0", "--no-bordereau"], capsys)
    assert rc == 0, out + err
    assert "Titre adapté pour le SAE : « &Fils;.txt » → « &Fils\u202f;.txt »" in out
    assert "Nom de fichier adapté pour le SAE : « del␡.txt » → « del.txt »" in out
    assert "Q&A;.txt » →" not in out and "a < b.txt » →" not in out  # accepted as they are
    findings = check_sip(out_zip, xsd_root=XSD)
    assert not [f for f in findings if f.severity == Severity.ERROR], findings
    # the bordereau of the described folder keeps the original name (files in its annex);
    # only the manifest carries the adapted one
    slip = tmp_path / f"v{version}-bordereau.html"
    rc, _out, err = run(
        ["bordereau", str(hostile), "--preset", str(EXAMPLE), "--annexe", "-o", str(slip)],
        capsys,
    )
    assert rc == 0, err
    assert "&amp;Fils;.txt" in slip.read_text(encoding="utf-8")


def test_unidentified_file_is_a_loud_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "Dossier"
    folder.mkdir()
    (folder / "lettre.txt").write_text("Madame,\n", encoding="utf-8")
    (folder / "vide").write_bytes(b"")  # no signature knows an empty file without extension
    out_zip = tmp_path / "v.zip"
    argv = ["export", str(folder), "-o", str(out_zip), "--preset", str(EXAMPLE), "--workers", "0"]
    rc, out, _err = run(argv, capsys)
    assert rc == 1
    last = out.splitlines()[-1]
    assert last.startswith(
        "Le service d'archives refusera ce versement : 1 problème bloquant, dont"
    )
    assert "vide" in last and out_zip.is_file()
    rc, _out, err = run([*argv[:3], str(tmp_path / "s.zip"), *argv[4:], "--strict"], capsys)
    assert rc == 1 and "--strict" in err and not (tmp_path / "s.zip").exists()


ERROR_CODES = [c for c in Code if c.value.startswith(("val.", "manifest.", "sip."))]


@pytest.mark.parametrize("code", ERROR_CODES, ids=[c.value for c in ERROR_CODES])
def test_every_error_code_makes_export_exit_1(
    code: Code, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "D"
    folder.mkdir()
    (folder / "lettre.txt").write_text("Madame,\n", encoding="utf-8")
    real = cli._check_model

    def with_error(package, preset):  # type: ignore[no-untyped-def]
        return [*real(package, preset), Finding(code, Severity.ERROR, "", {})]

    monkeypatch.setattr(cli.export, "_check_model", with_error)  # looked up where it is used
    argv = ["export", str(folder), "-o", str(tmp_path / "v.zip"), "--preset", str(EXAMPLE)]
    rc, out, _err = run([*argv, "--workers", "0", "--no-bordereau"], capsys)
    assert rc == 1, out
    assert out.splitlines()[-1].startswith("Le service d'archives refusera ce versement")


def test_clean_export_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "D"
    folder.mkdir()
    (folder / "lettre.txt").write_text("Madame,\n", encoding="utf-8")
    argv = ["export", str(folder), "-o", str(tmp_path / "v.zip"), "--preset", str(EXAMPLE)]
    rc, out, _err = run([*argv, "--workers", "0"], capsys)
    assert rc == 0 and "refusera" not in out


def test_attach_system_id_pair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "D"
    folder.mkdir()
    (folder / "lettre.txt").write_text("Madame,\n", encoding="utf-8")
    out_zip = tmp_path / "v.zip"
    argv = ["export", str(folder), "-o", str(out_zip), "--preset", str(EXAMPLE), "--workers", "0"]
    rc, out, err = run([*argv, "--attach", f"SystemId={GUID}"], capsys)
    assert rc == 0, out + err
    with zipfile.ZipFile(out_zip) as zf:
        xml = zf.read("manifest.xml").decode()
    assert f"<SystemId>{GUID}</SystemId>" in xml and "ArchiveUnitIdentifierKey" not in xml


def test_check_type_option(capsys: pytest.CaptureFixture[str]) -> None:
    tree = SHARED / "referentials" / "holding_trees" / "R16_OK_arbre_sansregistre.zip"
    rc, out, _ = run(["check", str(tree), "--xsd", str(XSD), "--type", "arbre"], capsys)
    assert rc == 0, out
    plan = SHARED / "referentials" / "filing_plans" / "R16_KO_plan_sans_registre.zip"
    rc, out, _ = run(["check", str(plan), "--xsd", str(XSD), "--type", "plan"], capsys)
    assert rc == 1 and "service producteur" in out


def test_profile_contract_may_authorize_unidentified_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.presets import load_preset, save_preset

    preset = load_preset(EXAMPLE)
    assert preset.sae_signatures == "V109" and preset.format_unidentified_authorized is False
    preset.format_unidentified_authorized = True
    lenient = tmp_path / "souple.yaml"
    save_preset(preset, lenient)
    assert load_preset(lenient).format_unidentified_authorized is True
    folder = tmp_path / "Dossier"
    folder.mkdir()
    (folder / "vide").write_bytes(b"")
    argv = ["export", str(folder), "-o", str(tmp_path / "v.zip"), "--workers", "0"]
    rc, out, _err = run([*argv, "--preset", str(lenient)], capsys)
    assert rc == 0, out


KEYS = [
    "ArchivalAgencyArchiveUnitIdentifier",
    "OriginatingAgencyArchiveUnitIdentifier",
    "OriginatingSystemId",
    "TransferringAgencyArchiveUnitIdentifier",
    "filePlanPosition",
]


@pytest.mark.parametrize("kind", ["holding_trees/R16_OK_arbre", "filing_plans/R16_OK_plan"])
@pytest.mark.parametrize("key", KEYS)
def test_attach_to_a_tree_node_as_vitam_s_attachment_sips_do(
    kind: str, key: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tree SIP creates a node with one identifier; Vitam's matching attachment SIP
    (``..._attachement_<key>.zip``, accepted) says how to attach under it: Verso writes the
    same ArchiveUnitIdentifierKey."""
    import re

    from seda.referentials import load_tree

    refs = SHARED / "referentials"
    tree_zip = refs / f"{kind}_{key}.zip"
    with zipfile.ZipFile(refs / f"{kind}_attachement_{key}.zip") as zf:
        accepted = re.sub(r"\s+", "", zf.read("manifest.xml").decode("utf-8"))
    op = accepted.split("<UpdateOperation>")[1].split("</UpdateOperation>")[0]
    (node,) = load_tree(tree_zip).nodes_by_key.values()
    folder = tmp_path / "D"
    folder.mkdir()
    (folder / "lettre.txt").write_text("Madame,\n", encoding="utf-8")
    out_zip = tmp_path / "v.zip"
    argv = ["export", str(folder), "-o", str(out_zip), "--preset", str(EXAMPLE), "--workers", "0"]
    rc, out, err = run([*argv, "--tree", str(tree_zip), "--attach", node.title], capsys)
    assert rc == 0, out + err
    with zipfile.ZipFile(out_zip) as zf:
        written = re.sub(r"\s+", "", zf.read("manifest.xml").decode("utf-8"))
    assert op in written, (op, written[written.index("<UpdateOperation>") :][:300])
    assert not [f for f in check_sip(out_zip, xsd_root=XSD) if f.severity == Severity.ERROR]


def test_check_with_the_profile_s_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.presets import load_preset, save_preset

    preset = load_preset(EXAMPLE)
    preset.format_unidentified_authorized = True
    lenient = tmp_path / "souple.yaml"
    save_preset(preset, lenient)
    folder = tmp_path / "Dossier"
    folder.mkdir()
    (folder / "lettre.txt").write_text("Madame,\n", encoding="utf-8")
    (folder / "inconnu").write_bytes(bytes(range(256)) * 3)
    sip = tmp_path / "v.zip"
    argv = ["export", str(folder), "-o", str(sip), "--workers", "0", "--preset", str(lenient)]
    rc, out, _ = run(argv, capsys)
    assert rc == 0, out
    check = ["check", str(sip), "--xsd", str(XSD), "--identify"]
    rc, out, _ = run([*check, "--preset", str(lenient)], capsys)
    assert rc == 0, out
    rc, out, _ = run([*check, "--preset", str(EXAMPLE)], capsys)
    assert rc == 1 and "Format non identifié" in out
