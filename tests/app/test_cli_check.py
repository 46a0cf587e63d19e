"""``verso check`` (a SIP as the SAE will see it) and ``verso export --strict``."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.presets import load_preset, save_preset

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SIPS = SHARED / "vitam-sips"
XSD = SHARED / "seda-xsd"
EXAMPLE = ROOT / "resources" / "presets" / "example.yaml"
RULES = SHARED / "referentials" / "rules" / "R16_OK_regles_CSV.csv"
AGENCIES = SHARED / "referentials" / "agencies" / "R16_agencies_init.csv"
CONTRACTS = SHARED / "referentials" / "ingest_contracts"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture(autouse=True)
def _no_xsd_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERSO_XSD_DIR", raising=False)


def test_refused_sip_exits_1_with_french_reason(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = run(["check", str(SIPS / "KO" / "KO_REGISTRE.zip"), "--xsd", str(XSD)], capsys)
    assert rc == 1
    errors = out.split("Erreurs (", 1)[1].split("Avertissements", 1)[0]
    assert "service producteur" in errors and "OriginatingAgencyIdentifier" in errors
    assert "refuserait ce versement" in out


def test_accepted_sip_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = run(["check", str(SIPS / "OK" / "OK_SIP_Vitam.zip"), "--xsd", str(XSD)], capsys)
    assert rc == 0, out
    assert "Erreurs" not in out and "Résultat : aucun" in out
    assert "schémas SEDA" not in out  # the XSDs were used


def test_without_xsd_an_info_line_and_env_variable(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sip = str(SIPS / "OK" / "OK_SIP_Vitam.zip")
    rc, out, _err = run(["check", sip], capsys)
    assert rc == 0
    info = out.split("Pour information", 1)[1]
    assert "--xsd" in info and "VERSO_XSD_DIR" in info
    # Schema errors are found only with the XSDs: from the environment variable here.
    ko = str(SIPS / "KO" / "KO_Reference_Unexisting.zip")
    monkeypatch.setenv("VERSO_XSD_DIR", str(XSD))
    rc, out, _err = run(["check", ko], capsys)
    assert rc == 1 and "schéma SEDA" in out and "VERSO_XSD_DIR" not in out


def test_referentials_from_options_and_preset(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sip = str(SIPS / "KO" / "KO_RULES_inconnue.zip")
    rc, out, _err = run(["check", sip], capsys)
    assert rc == 0  # unknown rules cannot be seen without the referential
    rc, out, _err = run(["check", sip, "--rules", str(RULES)], capsys)
    assert rc == 1 and "n'existe pas dans le référentiel des règles" in out
    preset = load_preset(EXAMPLE)
    preset.referentials.rules = RULES
    preset.referentials.agencies = AGENCIES
    path = tmp_path / "p.yaml"
    save_preset(preset, path)
    rc, out, _err = run(["check", sip, "--preset", str(path)], capsys)
    assert rc == 1 and "ACC-0000000000000000" in out
    agencies_ko = str(SIPS / "KO" / "KO_OKSP_KOSV.zip")
    rc, out, _err = run(["check", agencies_ko, "--agencies", str(AGENCIES)], capsys)
    assert rc == 1 and "FRAN_NP_008888" in out and "référentiel des services" in out


def test_contract_picks_the_transfer_agreement(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sip = SIPS / "OK" / "OK_SIP_Vitam.zip"
    from seda.package import read_sip

    agreement = read_sip(sip)[0].header.archival_agreement
    contracts = [
        {"Identifier": "autre", "Name": "autre", "Status": "ACTIVE"},
        {"Identifier": agreement, "Name": "x", "Status": "INACTIVE"},
    ]
    path = tmp_path / "contrats.json"
    path.write_text(json.dumps(contracts), encoding="utf-8")
    rc, out, _err = run(["check", str(sip), "--contract", str(path)], capsys)
    assert rc == 1 and "inactif" in out
    broken = tmp_path / "broken.json"
    broken.write_text("[", encoding="utf-8")
    rc, _out, err = run(["check", str(sip), "--contract", str(broken)], capsys)
    assert rc == 2 and "contrat" in err


def test_usage_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rc, _out, err = run(["check", str(tmp_path / "absent.zip")], capsys)
    assert rc == 2 and "Introuvable" in err
    sip = str(SIPS / "OK" / "OK_SIP_Vitam.zip")
    rc, _out, err = run(["check", sip, "--xsd", str(tmp_path / "nope")], capsys)
    assert rc == 2 and "XSD" in err
    bad_rules = SHARED / "referentials" / "rules" / "R16_KO_regles_avec_meme_id.csv"
    rc, _out, err = run(["check", sip, "--rules", str(bad_rules)], capsys)
    assert rc == 2 and "refusé" in err


def test_not_a_zip_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fake = tmp_path / "versement.zip"
    fake.write_bytes(b"bonjour")
    rc, out, _err = run(["check", str(fake)], capsys)
    assert rc == 1 and "zip" in out


def test_freshly_exported_package_passes(
    odd_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_zip = tmp_path / "v.zip"
    rc, out, err = run(
        [
            "export",
            str(odd_tree / "Courrier"),
            "-o",
            str(out_zip),
            "--preset",
            str(EXAMPLE),
            "--workers",
            "0",
            "--strict",
        ],
        capsys,
    )
    assert rc == 0, err
    rc, out, err = run(["check", str(out_zip), "--xsd", str(XSD)], capsys)
    assert rc == 0, out
    assert "Erreurs" not in out
    # the example preset attaches by key: valid for Vitam, not for the standard XSD
    assert "schéma SEDA de Vitam mais pas au schéma SEDA standard" in out


def test_export_shows_model_problems_and_strict_refuses(
    odd_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preset = load_preset(EXAMPLE)
    preset.originating_agency = ""
    path = tmp_path / "incomplet.yaml"
    save_preset(preset, path)
    base = ["export", str(odd_tree / "Courrier"), "--preset", str(path), "--workers", "0"]
    rc, out, err = run([*base, "-o", str(tmp_path / "a.zip")], capsys)
    assert rc == 1, err  # written anyway, the SAE's refusal said last
    assert (tmp_path / "a.zip").is_file()
    last = out.splitlines()[-1]
    assert last.startswith("Le service d'archives refusera ce versement : 1 problème")
    assert "service producteur" in last
    assert "service producteur" in out.split("Erreurs", 1)[1]
    rc, out, err = run([*base, "-o", str(tmp_path / "b.zip"), "--strict"], capsys)
    assert rc == 1 and "--strict" in err and "service producteur" in err
    assert not (tmp_path / "b.zip").exists()
    with zipfile.ZipFile(tmp_path / "a.zip") as zf:
        assert b"OriginatingAgencyIdentifier" not in zf.read("manifest.xml")


def test_help_mentions_check(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = run(["check", "--help"], capsys)
    assert rc == 0 and "VERSO_XSD_DIR" in out and "--contract" in out
