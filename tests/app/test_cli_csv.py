"""``verso export --csv``, ``verso csv`` and ``verso referential check`` on ReSIP's tables,
driven as a user would: real files in a folder, the CLI's ``main``, the zip opened."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.cli import main
from seda.resip_csv import read_table
from tests.conftest import pdf_bytes, png_bytes

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "resources" / "presets" / "example.yaml"

METADATA = """ID;ParentID;File;DescriptionLevel;Title;Description;Writer.0.FullName;Writer.1.FullName;StartDate;EndDate
d1;;dossier;RecordGrp;Dossier 2024;Voir la note;Marie Curie;Paul Langevin;2024-01-01;2024-12-31
f1;d1;dossier/note.pdf;Item;Note de synthèse;;;;;
f2;d1;dossier/plan.png;Item;Plan;;;;;
u1;d1;;Item;Courrier papier (sans fichier);;;;;
"""
TREE = """Id;nom;observations;cote;serie
1;Administration générale;;1.;
2;Conseil municipal;Délibérations;1.;1.
3;Personnel;;2.;1.
4;Carrières;;1.;1.2.
"""


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "dossier").mkdir()
    (tmp_path / "dossier" / "note.pdf").write_bytes(pdf_bytes())
    (tmp_path / "dossier" / "plan.png").write_bytes(png_bytes())
    (tmp_path / "description.csv").write_text(METADATA, "cp1252")  # as Excel saves it
    (tmp_path / "plan.csv").write_text(TREE, "utf-8-sig")
    return tmp_path


def units_in(zip_path: Path) -> list[str]:
    with zipfile.ZipFile(zip_path) as zf:
        root = etree.fromstring(zf.read("manifest.xml"))
    ns = {"s": etree.QName(root).namespace}
    return [
        t.text or ""
        for t in root.xpath(
            "//s:ArchiveUnit[starts-with(@id, 'AU')]/s:Content/s:Title", namespaces=ns
        )
    ]


def test_export_csv_then_csv_back(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sip = folder / "versement.zip"
    argv = ["export", "--csv", str(folder / "description.csv"), "-o", str(sip)]
    argv += ["--seda", "2.2", "--force", "--workers", "0", "--preset", str(EXAMPLE)]
    rc, out, err = run(argv, capsys)
    assert rc == 0, err
    assert "Unités d'archives : 4" in out and "Fichiers : 2" in out
    assert units_in(sip) == [
        "Dossier 2024",
        "Note de synthèse",
        "Plan",
        "Courrier papier (sans fichier)",
    ]
    with zipfile.ZipFile(sip) as zf:
        assert len([n for n in zf.namelist() if n.startswith("content/")]) == 2
    rt = folder / "rt.csv"
    rc, out, err = run(["csv", str(sip), "-o", str(rt), "--force"], capsys)
    assert rc == 0, err
    table = read_table(rt)
    assert len(table.rows) == 4 and table.encoding == "utf-8-sig" and table.separator == ";"
    assert table.header[:4] == ["Id", "ParentId", "File", "ObjectFiles"]
    titles = [r.cells[table.header.index("Content.Title")] for r in table.rows]
    assert titles == ["Dossier 2024", "Note de synthèse", "Plan", "Courrier papier (sans fichier)"]
    writers = table.header.index("Content.Writer.1.FullName")
    assert table.rows[0].cells[writers] == "Paul Langevin"
    assert "2 fichiers restent dans le zip" in out


def test_tree_csv_exports_units_without_objects(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sip = folder / "plan.zip"
    rc, out, err = run(
        ["export", "--csv", str(folder / "plan.csv"), "-o", str(sip), "--seda", "2.2", "--force"],
        capsys,
    )
    # no profile, so no header: the SIP is written, and said to be refused by the SAE
    assert rc == 1, err
    assert "Le service d'archives refusera ce versement" in out.splitlines()[-1]
    assert "Unités d'archives : 4" in out and "Fichiers : 0" in out
    assert len(units_in(sip)) == 4


def test_refused_csv_names_the_line_and_writes_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = folder / "mauvais.csv"
    bad.write_text(
        "ID;ParentID;File;Title;StartDate\n1;;;Bon;2021-01-01\n2;1;absent.pdf;Fichier;\n"
        "3;1;;Date;31/02/2021\n4;1;dossier/note.pdf;Présent;\n",
        "utf-8",
    )
    sip = folder / "non.zip"
    rc, out, err = run(["export", "--csv", str(bad), "-o", str(sip), "--workers", "0"], capsys)
    assert rc == 1
    assert "refusé" in err and "ligne 3" in err and "ligne 4" in err
    assert "absent.pdf" in err and "31/02/2021" in err and "n'est pas une date valide" in err
    assert not sip.exists() and not any(p.name.endswith(".part") for p in folder.iterdir())


def test_export_needs_paths_or_csv(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, _out, err = run(["export", "-o", str(folder / "x.zip")], capsys)
    assert rc == 2 and "--csv" in err
    rc, _out, err = run(
        ["export", str(folder / "dossier"), "--csv", str(folder / "plan.csv"), "-o", "x.zip"],
        capsys,
    )
    assert rc == 2 and "pas les deux" in err
    rc, _out, err = run(["export", "--csv", str(folder / "absent.csv"), "-o", "x.zip"], capsys)
    assert rc == 2 and "Introuvable" in err


def test_csv_of_a_folder_options(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "dossier" / "=formule.txt").write_text("x", "utf-8")
    out_csv = folder / "dossier.csv"
    rc, out, err = run(
        ["csv", str(folder / "dossier"), "-o", str(out_csv), "--encoding", "cp1252"], capsys
    )
    assert rc == 0, err
    raw = out_csv.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and "Windows-1252" in out
    table = read_table(out_csv)
    assert len(table.rows) == 4  # the folder and its three files
    assert any(r.cells[2] == "dossier/note.pdf" for r in table.rows)
    # exists: refused without --force
    rc, _out, err = run(["csv", str(folder / "dossier"), "-o", str(out_csv)], capsys)
    assert rc == 2 and "--force" in err
    rc, _out, _err = run(
        ["csv", str(folder / "dossier"), "-o", str(out_csv), "--force", "--neutralise-formulas"],
        capsys,
    )
    assert rc == 0 and '"\'=formule.txt"' in out_csv.read_text("utf-8-sig")


def test_csv_of_a_saved_work_and_of_bad_sources(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.workfile import Work, save_work
    from seda.resip_csv import import_csv

    package = import_csv(folder / "description.csv").package
    work = folder / "travail.verso"
    save_work(work, Work(package, []))
    out_csv = folder / "travail.csv"
    rc, _out, err = run(["csv", str(work), "-o", str(out_csv)], capsys)
    assert rc == 0, err
    assert len(read_table(out_csv).rows) == 4
    junk = folder / "x.bin"
    junk.write_bytes(b"\x00\x01")
    rc, _out, err = run(["csv", str(junk), "-o", str(folder / "y.csv")], capsys)
    assert rc == 1 and "ni un versement" in err and not (folder / "y.csv").exists()
    rc, _out, err = run(["csv", str(work), "-o", str(work)], capsys)
    assert rc == 2


def test_referential_check_says_what_the_file_is(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out, _err = run(["referential", "check", str(folder / "description.csv")], capsys)
    assert rc == 0
    assert "Tableau de description" in out and "verso export --csv" in out
    assert "4 unités d'archives, 2 fichiers" in out
    rc, out, _err = run(["referential", "check", str(folder / "plan.csv")], capsys)
    assert rc == 0 and "Plan de classement" in out and "4 nœuds" in out
    bad = folder / "mauvais.csv"
    bad.write_text("ID;ParentID;File;Titre\n1;;;x\n", "utf-8")
    rc, out, _err = run(["referential", "check", str(bad)], capsys)
    assert rc == 1 and "Tableau refusé" in out and "Titre" in out and "ligne 1" in out
    rules = SHARED / "referentials" / "rules" / "R16_OK_regles_CSV.csv"
    rc, out, _err = run(["referential", "check", str(rules)], capsys)
    assert rc == 0 and "règles de gestion" in out
