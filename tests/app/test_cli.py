"""``verso`` command line: export, scan, referential check, window, progress bar."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import types
import zipfile
from pathlib import Path

import pytest

from app import cli
from app.cli import main
from app.presets import load_preset, save_preset
from app.progress_bar import TerminalProgress, human_size
from seda.model import Attachment
from tests.conftest import LONG_NAME

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
XSD = SHARED / "seda-xsd"
EXAMPLE = ROOT / "resources" / "presets" / "example.yaml"
RULES = SHARED / "referentials" / "rules"
GUID = "aeaqaaaaaahgausqaaukuaml4kibf5iaaaba"

# Files of the conftest ``odd_tree`` that must end up in the package / inventory.
EXPECTED_FILES = {
    "rapport.pdf",
    "plan.png",
    "notes.txt",
    "registre.xml",
    "délib.odt",
    "vide.txt",
    "question?.txt",
    "deux:points.txt",
    "finit-par-un-point.",
    "CON.txt",
    "photo 😀.txt",
    LONG_NAME,
}
LEFT_OUT = {"Thumbs.db", "~$lock.docx", "brouillon.TMP", "tube", "raccourci.lnk", "cassé", "dehors"}


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


def manifest_of(zip_path: Path) -> bytes:
    with zipfile.ZipFile(zip_path) as zf:
        return zf.read("manifest.xml")


def schema_errors(manifest: bytes, version: str, flavour: str) -> list[str]:
    from seda.xsd import validate

    return [str(f.params.get("message")) for f in validate(manifest, version, XSD, flavour=flavour)]


@pytest.fixture
def plain_preset(tmp_path: Path) -> Path:
    """The example preset without attachment (UpdateOperation is a Vitam-only element)."""
    preset = load_preset(EXAMPLE)
    preset.default_attachment = Attachment()
    path = tmp_path / "sans-rattachement.yaml"
    save_preset(preset, path)
    return path


# -- export ------------------------------------------------------------------------------
@pytest.mark.parametrize("version", ["2.1", "2.2", "2.3"])
def test_export_odd_tree_each_version(
    odd_tree: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    plain_preset: Path,
    version: str,
) -> None:
    # With the example preset (attachment by identifier key): Vitam's flavour.
    out_zip = tmp_path / f"versement-{version}.zip"
    rc, out, err = run(
        [
            "export",
            str(odd_tree),
            "-o",
            str(out_zip),
            "--preset",
            str(EXAMPLE),
            "--seda",
            version,
            "--workers",
            "0",
        ],
        capsys,
    )
    assert rc == 0, err
    assert out_zip.is_file()
    manifest = manifest_of(out_zip)
    assert f"seda:v{version}".encode() in manifest
    assert b"IC-000001" in manifest and b"SAINT-EXEMPLE-ADMIN" in manifest
    assert schema_errors(manifest, version, "vitam") == []
    assert f"SEDA {version}" in out and f"Fichiers : {len(EXPECTED_FILES)}" in out
    assert "Lien symbolique cassé" in out  # problems listed with French words

    # Without attachment: the standard XSD too.
    plain_zip = tmp_path / f"standard-{version}.zip"
    rc, out, err = run(
        [
            "export",
            str(odd_tree),
            "-o",
            str(plain_zip),
            "--preset",
            str(plain_preset),
            "--seda",
            version,
            "--workers",
            "0",
        ],
        capsys,
    )
    assert rc == 0, err
    manifest = manifest_of(plain_zip)
    assert schema_errors(manifest, version, "standard") == []
    assert schema_errors(manifest, version, "vitam") == []


def test_export_summary_and_contents(
    odd_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_zip = tmp_path / "v.zip"
    rc, out, err = run(
        [
            "export",
            str(odd_tree),
            "-o",
            str(out_zip),
            "--preset",
            str(EXAMPLE),
            "--workers",
            "0",
            "--verify",
        ],
        capsys,
    )
    assert rc == 0, err
    with zipfile.ZipFile(out_zip) as zf:
        contents = [n for n in zf.namelist() if n.startswith("content/")]
        pdf = next(n for n in contents if n.endswith(".pdf"))
        assert zf.read(pdf) == (odd_tree / "Courrier" / "rapport.pdf").read_bytes()
    assert len(contents) == len(EXPECTED_FILES)
    assert "Unités d'archives :" in out and "fmt/18" in out  # PDF 1.4 among the formats
    assert "Erreurs" not in out  # nothing unreadable in the odd tree
    assert "Avertissements" in out and "Pour information" in out
    assert "Vérification" in out


def test_zip_member_problem_said_once_with_a_readable_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "Courriers reçus.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Courriers reçus/lettre.txt", "Madame, Monsieur,\n" * 20)
        zf.writestr("Courriers reçus/bizarre.qzx", bytes(range(256)) * 4)
    rc, out, err = run(
        ["export", str(archive), "-o", str(tmp_path / "v.zip"), "--workers", "0"], capsys
    )
    assert rc == 1, err  # no preset, and a format the SAE cannot identify: refused
    *lines, last = out.splitlines()
    assert last.startswith("Le service d'archives refusera ce versement")
    said = [line for line in lines if "bizarre.qzx" in line]
    assert len(said) == 1, out  # the scan and the model check do not both say it
    assert "Courriers reçus/bizarre.qzx" in said[0]
    assert "zip:" not in out


def test_export_subprocess_entry_point(odd_tree: Path, tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "verso"
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "app.cli"]
    out_zip = tmp_path / "sub.zip"
    proc = subprocess.run(
        [
            *cmd,
            "export",
            str(odd_tree),
            "-o",
            str(out_zip),
            "--preset",
            str(EXAMPLE),
            "--seda",
            "2.2",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    assert out_zip.is_file()
    assert schema_errors(manifest_of(out_zip), "2.2", "vitam") == []
    assert "Versement écrit" in proc.stdout
    assert "Versement écrit" not in proc.stderr


def test_bad_preset_names_the_line(
    odd_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "mauvais.yaml"
    bad.write_text("name: test\nengine: droid\n", encoding="utf-8")
    out_zip = tmp_path / "v.zip"
    rc, out, err = run(["export", str(odd_tree), "-o", str(out_zip), "--preset", str(bad)], capsys)
    assert rc == 2
    assert "ligne 2" in err and "engine" in err and "Traceback" not in err
    assert out == ""
    assert not out_zip.exists()


def test_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_zip = tmp_path / "v.zip"
    rc, out, err = run(["export", str(tmp_path / "nulle-part"), "-o", str(out_zip)], capsys)
    assert rc != 0
    assert "Introuvable" in err and "nulle-part" in err
    assert not out_zip.exists()


def test_nothing_to_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "vide"
    empty.mkdir()
    (empty / "Thumbs.db").write_bytes(b"x")
    rc, _out, err = run(
        ["export", str(empty), "-o", str(tmp_path / "v.zip"), "--preset", str(EXAMPLE)], capsys
    )
    assert rc == 1
    assert "Rien à verser" in err and "ne contient aucun fichier" in err
    assert not (tmp_path / "v.zip").exists()


def test_existing_output_needs_force(
    odd_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_zip = tmp_path / "v.zip"
    out_zip.write_bytes(b"ancien")
    argv = [
        "export",
        str(odd_tree / "Courrier"),
        "-o",
        str(out_zip),
        "--preset",
        str(EXAMPLE),
        "--workers",
        "0",
    ]
    rc, _out, err = run(argv, capsys)
    assert rc == 2 and "--force" in err
    assert out_zip.read_bytes() == b"ancien"
    rc, _out, err = run([*argv, "--force"], capsys)
    assert rc == 0, err
    assert zipfile.is_zipfile(out_zip)


def test_export_error_is_reported(
    odd_tree: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from seda import package as package_mod
    from seda.findings import Code, Finding, Severity

    def failing(*args: object, **kwargs: object) -> None:
        raise package_mod.ExportError([Finding(Code.DISK_FULL, Severity.ERROR, "/dest/v.zip", {})])

    monkeypatch.setattr(package_mod, "export_sip", failing)
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
        ],
        capsys,
    )
    assert rc == 1
    assert "n'a pas été écrit" in err and "disque de destination est plein" in err
    assert "Versement écrit" not in out


def test_ctrl_c_during_export_leaves_nothing(
    odd_tree: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A real SIGINT while copying: clean stop, exit 130, no zip and no temporary file."""

    class Interrupting(TerminalProgress):
        def report(self, done: int, total: int, message: str = "") -> None:
            if self.unit == "bytes" and done > 0 and not self.cancelled():
                os.kill(os.getpid(), signal.SIGINT)
            super().report(done, total, message)

    monkeypatch.setattr(cli.export, "TerminalProgress", Interrupting)
    dest = tmp_path / "sortie"
    dest.mkdir()
    rc, out, err = run(
        [
            "export",
            str(odd_tree),
            "-o",
            str(dest / "v.zip"),
            "--preset",
            str(EXAMPLE),
            "--workers",
            "0",
        ],
        capsys,
    )
    assert rc == 130
    assert "Interrompu" in err
    assert list(dest.iterdir()) == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handler restored


def test_rules_checked_against_preset_referential(
    odd_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.presets import DefaultRule

    preset = load_preset(EXAMPLE)
    preset.referentials.rules = RULES / "R16_OK_regles_CSV.csv"
    preset.default_rules.append(DefaultRule("AppraisalRule", "APP-99999", None, "Keep"))
    good = tmp_path / "avec-regles.yaml"
    save_preset(preset, good)
    argv = ["export", str(odd_tree / "Courrier"), "--workers", "0"]
    rc, out, err = run([*argv, "-o", str(tmp_path / "a.zip"), "--preset", str(good)], capsys)
    # said when the profile is loaded, with its line, not after a refused export
    assert rc == 2 and "ligne" in err and "APP-99999" in err
    assert "n'existe pas dans le référentiel" in err and "APP-00001" not in err
    assert not (tmp_path / "a.zip").exists()

    preset.referentials.rules = RULES / "R16_KO_regles_avec_meme_id.csv"
    bad = tmp_path / "mauvais-ref.yaml"
    save_preset(preset, bad)
    rc, out, err = run([*argv, "-o", str(tmp_path / "b.zip"), "--preset", str(bad)], capsys)
    assert rc == 2 and "refusé" in err and "ACC-00001" in err
    assert not (tmp_path / "b.zip").exists()


def test_attach_guid_and_key(
    odd_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["export", str(odd_tree / "Courrier"), "--preset", str(EXAMPLE), "--workers", "0"]
    rc, _out, err = run([*base, "-o", str(tmp_path / "a.zip"), "--attach", GUID], capsys)
    assert rc == 0, err
    manifest = manifest_of(tmp_path / "a.zip")
    assert f"<SystemId>{GUID}</SystemId>".encode() in manifest
    assert b"SAINT-EXEMPLE-ADMIN" not in manifest  # --attach overrides the preset

    rc, _out, err = run(
        [*base, "-o", str(tmp_path / "b.zip"), "--attach", "FilePlanPosition=CL-1.2"], capsys
    )
    assert rc == 0, err
    manifest = manifest_of(tmp_path / "b.zip")
    assert b"<MetadataName>FilePlanPosition</MetadataName>" in manifest and b"CL-1.2" in manifest

    rc, _out, err = run(
        [*base, "-o", str(tmp_path / "c.zip"), "--attach", "Administration"], capsys
    )
    assert rc == 2 and "--tree" in err
    assert not (tmp_path / "c.zip").exists()


def test_attach_by_title_in_tree(
    odd_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = SHARED / "referentials" / "holding_trees" / "HEAD_arbre_simple.zip"
    base = [
        "export",
        str(odd_tree / "Courrier"),
        "--preset",
        str(EXAMPLE),
        "--workers",
        "0",
        "--tree",
        str(tree),
    ]
    rc, _out, err = run([*base, "-o", str(tmp_path / "a.zip"), "--attach", "arbre SIMPLE"], capsys)
    assert rc == 0, err
    manifest = manifest_of(tmp_path / "a.zip")
    assert b"<MetadataValue>AR.</MetadataValue>" in manifest
    assert schema_errors(manifest, "2.1", "vitam") == []

    rc, _out, err = run(
        [*base, "-o", str(tmp_path / "b.zip"), "--attach", "Nœud inexistant"], capsys
    )
    assert rc == 2 and "aucun nœud" in err


# -- scan --------------------------------------------------------------------------------
def test_scan_json_of_a_windows_zip_has_readable_paths_and_findings_on_their_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "Reçus.zip"
    from tests.seda.test_scan_zip import add_raw

    with zipfile.ZipFile(archive, "w") as zf:  # Explorer's way: OEM code page, no UTF-8 flag
        for name, data in (("Délibérations/vide.txt", b""), ("Délibérations/pv.txt", b"PV\n")):
            add_raw(zf, name.encode("cp850"), data)
    with zipfile.ZipFile(archive) as zf:
        assert all(not i.flag_bits & 0x800 for i in zf.infolist())
    rc, out, err = run(["scan", str(archive), "--format", "json", "--workers", "0"], capsys)
    assert rc == 0, err
    doc = json.loads(out)
    paths = sorted(f["path"] for f in doc["files"])
    assert paths == [str(archive / "Délibérations" / n) for n in ("pv.txt", "vide.txt")]
    empty = next(f for f in doc["files"] if f["path"].endswith("vide.txt"))
    assert [g["code"] for g in empty["findings"]] == ["scan.empty_file"]
    assert "zip:" not in out


def test_scan_json_lists_every_file(odd_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = run(["scan", str(odd_tree), "--format", "json", "--workers", "0"], capsys)
    assert rc == 0, err
    doc = json.loads(out)
    files = doc["files"]
    names = [Path(f["path"]).name for f in files]
    for name in EXPECTED_FILES:
        assert name in names, name
    assert not LEFT_OUT & set(names)
    pdf = next(f for f in files if f["path"].endswith("rapport.pdf"))
    data = (odd_tree / "Courrier" / "rapport.pdf").read_bytes()
    assert pdf["sha512"] == hashlib.sha512(data).hexdigest()
    assert pdf["size"] == len(data)
    assert pdf["puid"] == "fmt/18" and pdf["mime"] == "application/pdf"
    empty = next(f for f in files if f["path"].endswith("vide.txt"))
    assert [x["code"] for x in empty["findings"]] == ["scan.empty_file"]
    assert empty["findings"][0]["message"].startswith("Fichier vide")
    other_codes = {x["code"] for x in doc["other_findings"]}
    assert {"scan.broken_link", "scan.special_file", "scan.excluded"} <= other_codes
    assert doc["engine"] == "siegfried" and doc["signature_version"]


def test_scan_csv_for_a_french_spreadsheet(odd_tree: Path, capsysbinary) -> None:
    """``--format csv`` opens right in a French spreadsheet: « ; », UTF-8 with BOM, French
    headers and remarks, dates JJ/MM/AAAA, sizes in bytes."""
    rc = main(["scan", str(odd_tree), "--format", "csv", "--workers", "0"])
    raw = capsysbinary.readouterr().out
    assert rc == 0
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: accents are read as UTF-8
    text = raw[3:].decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert list(rows[0]) == [
        "Chemin",
        "Nom du fichier",
        "Taille (octets)",
        "Modifié le",
        "Identifiant PRONOM",
        "Format",
        "Version du format",
        "Type MIME",
        "Empreinte SHA-512",
        "Remarques",
    ]
    assert {r["Nom du fichier"] for r in rows} >= EXPECTED_FILES
    pdf = next(r for r in rows if r["Nom du fichier"] == "rapport.pdf")
    assert pdf["Chemin"] == str(Path("Versement été") / "Courrier" / "rapport.pdf")
    assert pdf["Modifié le"] == "10/01/2019"
    assert pdf["Taille (octets)"] == str((odd_tree / "Courrier" / "rapport.pdf").stat().st_size)
    assert pdf["Identifiant PRONOM"] == "fmt/18" and len(pdf["Empreinte SHA-512"]) == 128
    empty = next(r for r in rows if r["Nom du fichier"] == "vide.txt")
    assert empty["Remarques"].startswith("Fichier vide")  # words, not scan.empty_file
    assert "\r\n" in text  # what spreadsheets expect


def test_scan_csv_raw_and_text(odd_tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = run(["scan", str(odd_tree), "--format", "csv-raw", "--workers", "0"], capsys)
    assert rc == 0
    assert out.startswith("path,size,sha512,puid,format,version,mime,findings\n")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert "scan.empty_file" in next(r for r in rows if r["path"].endswith("vide.txt"))["findings"]
    assert {Path(r["path"]).name for r in rows} >= EXPECTED_FILES
    assert all(len(r["sha512"]) == 128 for r in rows)
    rc, out, _err = run(["scan", str(odd_tree / "Courrier"), "--workers", "0"], capsys)
    assert rc == 0
    assert "rapport.pdf" in out and "fmt/18" in out and "4 fichiers" in out


def test_scan_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, err = run(["scan", str(tmp_path / "absent"), "--format", "json"], capsys)
    assert rc == 2 and out == "" and "Introuvable" in err


# -- referential check -------------------------------------------------------------------
def test_referential_check_good_rules(capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _err = run(["referential", "check", str(RULES / "R16_OK_regles_CSV.csv")], capsys)
    assert rc == 0
    assert "accepté" in out and "AppraisalRule" in out and "AccessRule" in out


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("R16_KO_regles_avec_meme_id.csv", ["ACC-00001", "déjà utilisé"]),
        ("R16_KO_regles_colonne_absente.csv", ["RuleType"]),
        ("R16_KO_regles_RuleDuration_incorrecte.csv", ["Quatre-vingt"]),
    ],
)
def test_referential_check_bad_rules(
    name: str, words: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out, _err = run(["referential", "check", str(RULES / name)], capsys)
    assert rc == 1
    assert "refusé" in out and "ligne" in out
    for word in words:
        assert word in out


def test_referential_check_agencies_and_tree(capsys: pytest.CaptureFixture[str]) -> None:
    agencies = SHARED / "referentials" / "agencies"
    rc, out, _err = run(["referential", "check", str(agencies / "R16_agencies_init.csv")], capsys)
    assert rc == 0 and "services" in out
    rc, out, _err = run(
        ["referential", "check", str(agencies / "R16_KO_agencies_empty_line.csv")], capsys
    )
    assert rc == 1 and "Ligne vide" in out
    tree = SHARED / "referentials" / "holding_trees" / "R16_OK_arbre.zip"
    rc, out, _err = run(["referential", "check", str(tree)], capsys)
    assert rc == 0 and "nœuds" in out


# -- window, help ------------------------------------------------------------------------
def test_no_argument_opens_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    fake = types.ModuleType("app.main")
    fake.main = lambda: calls.append(True) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "app.main", fake)
    assert main([]) == 0
    assert calls == [True]


def test_no_pyside_gives_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6", None)  # import fails
    assert main([]) == 1
    assert "PySide6" in capsys.readouterr().err


def test_help_is_french(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (
        ["--help"],
        ["export", "--help"],
        ["scan", "--help"],
        ["referential", "check", "--help"],
    ):
        rc, out, _err = run(argv, capsys)
        assert rc == 0
        assert out.startswith("utilisation : verso")
        assert "afficher cette aide" in out
    rc, _out, err = run(["export", str(ROOT)], capsys)
    assert rc == 2 and "erreur" in err and "obligatoires" in err


# -- progress bar ------------------------------------------------------------------------
class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_log_mode_writes_a_line_every_interval() -> None:
    stream, clock = io.StringIO(), Clock()
    bar = TerminalProgress("Analyse", stream, tty=False, interval=5.0, clock=clock)
    for i in range(1, 101):
        clock.now = i * 0.1  # 10 s in total
        bar.report(i, 100, f"fichier{i}.pdf")
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2  # at 5 s and 10 s, not 100 lines
    assert "\r" not in stream.getvalue()
    assert lines[0].startswith("Analyse — 50/100 (50 %)") and "fichier50.pdf" in lines[0]


def test_progress_tty_mode_redraws_in_place_throttled() -> None:
    stream, clock = io.StringIO(), Clock()
    bar = TerminalProgress("Export", stream, unit="bytes", tty=True, clock=clock)
    for i in range(1, 1001):
        clock.now = i * 0.001  # 1 s, 1000 reports
        bar.report(i * 1024, 1000 * 1024, "a.pdf")
    text = stream.getvalue()
    assert "\n" not in text
    assert 5 <= text.count("\r") <= 12  # ~10 redraws a second
    assert "Ko" in text and "/s" in text
    bar.finish("fini")
    assert stream.getvalue().endswith("\rfini\n")


def test_human_size() -> None:
    assert human_size(0) == "0 o"
    assert human_size(1536) == "1,5 Ko"
    assert human_size(5 * 1024**3) == "5,0 Go"
