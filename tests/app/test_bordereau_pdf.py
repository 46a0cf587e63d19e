"""The bordereau as a PDF (``app.bordereau_pdf``) and ``verso bordereau`` on every source.

The PDF's text is read back with pypdf (a test dependency: QtPdf is not in
PySide6-Essentials, and Qt's PDF streams are compressed with fonts subset, so a hand-made
reader would be fragile).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import bordereau_pdf
from app.bordereau import BordereauError, Verdict
from app.bordereau_pdf import write_bordereau_pdf
from app.cli import main
from seda.model import ArchiveUnit, BinaryObject, DescriptionLevel, Package
from seda.referentials import load_agencies, load_rules
from tests.app.test_bordereau import EXAMPLE, PDF, RULES_CSV, VITAM_SIP, leftovers, package

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_RULES = ROOT / "resources" / "referentials" / "exemple-regles.csv"
EXAMPLE_AGENCIES = ROOT / "resources" / "referentials" / "exemple-services.csv"


def pages(path: Path) -> list[str]:
    """Each page's text, whitespace collapsed (pypdf gives tabs and line breaks)."""
    reader = PdfReader(path)
    return [" ".join(unicodedata.normalize("NFC", p.extract_text()).split()) for p in reader.pages]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


# -- the document -----------------------------------------------------------------------------
def test_pdf_a4_with_header_and_page_numbers_on_every_page(tmp_path: Path) -> None:
    pkg = package(units=120, per_folder=1)  # the series and 119 dossiers: several pages
    dest = write_bordereau_pdf(
        pkg, tmp_path / "b.pdf", rules=load_rules(RULES_CSV), verdict=Verdict(errors=0)
    )
    assert dest == tmp_path / "b.pdf"
    reader = PdfReader(dest)
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 2 and abs(float(box.height) - 841.9) < 2  # A4
    text = pages(dest)
    n = len(text)
    assert n > 3
    for i, page in enumerate(text, start=1):
        assert f"page {i} / {n}" in page
        assert "Bordereau de versement — MSG-2024-001" in page  # the repeated header
    first = text[0]
    assert "Conseil municipal" in first and "12/03/2024" in first
    assert "Mairie de Saint-Exemple (MAIRIE)" in first  # identifier and name
    assert "vérifié le" in first and "aucune erreur bloquante" in first
    assert "80 ans — Dossier individuel d’agent civil" in first
    assert "Sort final : Conserver" in first
    # the table's header row is repeated on every page it continues on, and the first
    # row under it shows its rules in full, never « idem » of a row on the page before
    for page in text[1:-1]:
        assert "N° Cote Intitulé" in page
        body = page.split("Communicabilité", 1)[1]
        assert "idem" in body and body.index("Sort final") < body.index("idem")
    # a row is never cut in two: each dossier's number and title share a page
    for k in range(1, 120):
        row = f" {k + 1} Dossier {k} Dossier 1 fichier"  # number, title, level, files
        assert sum(row in p for p in text) == 1, row
    # the signatures stay on one page
    last = next(p for p in text if "Le service versant" in p)
    assert "Signature :" in last and "Visa :" in last and "Le service d'archives" in last


def test_pdf_summary_per_dossier_and_annex(tmp_path: Path) -> None:
    pkg = package(units=13)  # two dossiers: 10 and 2 pieces
    pkg.roots[0].children[0].objects  # noqa: B018 - the dossier has none of its own
    for i, item in enumerate(pkg.roots[0].children[1].children):
        item.objects[0].filename = f"lettre {i}.odt"
    dest = write_bordereau_pdf(pkg, tmp_path / "b.pdf", annex=True)
    text = " ".join(pages(dest))
    assert "10 fichiers, 14,6 Ko, PDF ×10" in text
    assert "2 fichiers, 2,9 Ko, ODT ×2" in text
    assert "Annexe : liste des fichiers" in text
    assert "lettre 1.odt" in text and "9.pdf" in text


def test_pdf_english(tmp_path: Path) -> None:
    text = " ".join(pages(write_bordereau_pdf(package(), tmp_path / "b.pdf", lang="en")))
    assert "Transfer slip" in text and "page 1 / 1" in text
    assert "Bordereau de versement" not in text


def test_pdf_agency_names_from_the_referential(tmp_path: Path) -> None:
    pkg = package()
    pkg.header.archival_agency, pkg.header.archival_agency_name = "FRAN_NP_009913", ""
    pkg.header.originating_agency = "FRAN_NP_051235"
    dest = write_bordereau_pdf(pkg, tmp_path / "b.pdf", agencies=load_agencies(EXAMPLE_AGENCIES))
    text = pages(dest)[0]
    assert "Archives départementales de l'Exemple (FRAN_NP_009913)" in text
    assert "Mairie de Saint-Exemple — service urbanisme (FRAN_NP_051235)" in text


def test_pdf_failure_keeps_the_previous_file(tmp_path: Path, monkeypatch) -> None:
    dest = tmp_path / "b.pdf"
    dest.write_bytes(b"%PDF signed")

    def broken(*args, **kwargs):
        raise RuntimeError("Qt could not paint")

    monkeypatch.setattr(bordereau_pdf, "paint_pdf", broken)
    with pytest.raises(BordereauError) as caught:
        write_bordereau_pdf(package(), dest)
    assert "Qt could not paint" in caught.value.findings[0].params["error"]
    assert dest.read_bytes() == b"%PDF signed" and leftovers(tmp_path) == []
    with pytest.raises(BordereauError):
        write_bordereau_pdf(package(), tmp_path / "absent" / "b.pdf")


# -- the command line: a folder, a zip, a SIP, saved work --------------------------------------
@pytest.fixture
def two_hundred(tmp_path: Path) -> Path:
    """A commune's 200 files in 9 folders, two levels deep."""
    from tests.conftest import odt_bytes, pdf_bytes

    top = tmp_path / "src" / "Conseil municipal 2023"
    folders = [
        top / "Délibérations" / f"Séance {m}" for m in ("janvier", "mars", "juin", "décembre")
    ] + [top / "Arrêtés", top / "Budget" / "Primitif", top / "Budget" / "Compte", top / "Courrier"]
    for folder in folders:
        folder.mkdir(parents=True)
    for i in range(200):
        folder = folders[i % len(folders)]
        if i % 5 == 4:
            (folder / f"note {i:03d}.odt").write_bytes(odt_bytes())
        elif i % 5 == 3:
            (folder / f"note {i:03d}.txt").write_text(f"note {i}\n", encoding="utf-8")
        else:
            (folder / f"pièce {i:03d}.pdf").write_bytes(pdf_bytes())
    return top


def assert_bar(path: Path, root_title: str) -> None:
    """What the archivist signs: title, root unit, totals, rules' titles, < 5 pages."""
    text = pages(path)
    assert len(text) < 5, len(text)
    whole = " ".join(text)
    assert "Bordereau de versement" in whole
    assert root_title in whole
    assert "Nombre de fichiers 200" in whole
    assert "Volume" in whole and "Dates extrêmes" in whole
    assert "fmt/18" in whole and "Identifiant PRONOM" in whole  # the formats
    assert "10 ans — Délibérations et arrêtés" in whole  # APP-00001 in the example profile
    assert "Sort final : Conserver" in whole


def test_cli_bordereau_of_a_folder_a_zip_and_a_sip(two_hundred: Path, tmp_path: Path, capsys):
    common = ["--preset", str(EXAMPLE), "--workers", "0"]
    rc, out, err = run(
        ["bordereau", str(two_hundred), "-o", str(tmp_path / "d.pdf"), *common], capsys
    )
    assert rc == 0, err
    assert f"Bordereau de versement écrit : {tmp_path / 'd.pdf'}" in out
    assert_bar(tmp_path / "d.pdf", "Conseil municipal 2023")
    assert "vérifié le" in pages(tmp_path / "d.pdf")[0]

    plain = tmp_path / "fichiers.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        for path in sorted(two_hundred.rglob("*")):
            zf.write(path, path.relative_to(two_hundred.parent).as_posix())
    rc, out, err = run(["bordereau", str(plain), "-o", str(tmp_path / "z.pdf"), *common], capsys)
    assert rc == 0, err
    assert_bar(tmp_path / "z.pdf", "Conseil municipal 2023")

    sip = tmp_path / "versement.zip"
    rc, out, err = run(["export", str(two_hundred), "-o", str(sip), *common], capsys)
    assert rc == 0, err
    slip = tmp_path / "versement-bordereau.pdf"  # the default beside the SIP
    rc, out, err = run(["bordereau", str(sip), "--preset", str(EXAMPLE)], capsys)
    assert rc == 0, err
    assert_bar(slip, "Conseil municipal 2023")
    first = pages(slip)[0]
    # the names come from the profile for the SIP header's identifiers
    assert "Archives départementales de l'Exemple (FRAN_NP_009913)" in first
    digest = hashlib.sha512(sip.read_bytes()).hexdigest()
    assert digest in "".join(" ".join(pages(slip)).split())  # the hash may wrap
    assert "aucune erreur bloquante" in first
    # the export's HTML slip is still there, untouched
    assert (tmp_path / "versement-bordereau.html").is_file()


def test_cli_bordereau_of_saved_work_with_its_profile(tmp_path: Path, capsys) -> None:
    from app.workfile import Work, save_work

    pkg = Package()
    root = ArchiveUnit("Registres d'état civil", DescriptionLevel.SERIES)
    for year in (1990, 1991):
        folder = root.add(ArchiveUnit(f"Année {year}", DescriptionLevel.FILE))
        item = folder.add(ArchiveUnit("acte", DescriptionLevel.ITEM))
        item.objects.append(
            BinaryObject("/nowhere/acte.pdf", "acte.pdf", size=10, digest="ab" * 64, format=PDF)
        )
    pkg.roots.append(root)
    pkg.header.archival_agency = "FRAN_NP_009913"
    from app.presets import apply_preset, load_preset

    apply_preset(load_preset(EXAMPLE), pkg)
    work = tmp_path / "travail.verso"
    save_work(work, Work(package=pkg, preset_path=str(EXAMPLE)))
    rc, out, err = run(["bordereau", str(work), "-o", str(tmp_path / "w.html")], capsys)
    assert rc == 0, out + err
    html = (tmp_path / "w.html").read_text(encoding="utf-8")
    assert "Registres d&#x27;état civil" in html or "Registres d'état civil" in html
    assert "Année 1991" in html
    assert "Délibérations et arrêtés" in html  # the work's own profile gave the referential


def test_cli_bordereau_never_overwrites_and_checks_the_source(tmp_path: Path, capsys) -> None:
    out_pdf = tmp_path / "b.pdf"
    out_pdf.write_bytes(b"signed")
    rc, _, err = run(["bordereau", str(VITAM_SIP), "-o", str(out_pdf)], capsys)
    assert rc == 2 and "existe déjà" in err and out_pdf.read_bytes() == b"signed"
    other = tmp_path / "notes.txt"
    other.write_text("bonjour", encoding="utf-8")
    rc, _, err = run(["bordereau", str(other), "-o", str(tmp_path / "n.pdf")], capsys)
    assert rc == 1 and "ni un versement" in err and not (tmp_path / "n.pdf").exists()
    rc, _, err = run(
        ["bordereau", str(VITAM_SIP), "-o", str(tmp_path / "x.pdf"), "--depth", "-1"], capsys
    )
    assert rc == 2 and "--depth" in err


def test_cli_pdf_without_a_display(tmp_path: Path) -> None:
    """``verso bordereau … -o x.pdf`` on a machine with no display and no Qt platform set."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONPATH"] = str(ROOT)
    dest = tmp_path / "sans-ecran.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "bordereau",
            str(VITAM_SIP),
            "-o",
            str(dest),
            "--rules",
            str(RULES_CSV),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode in (0, 1), done.stderr  # 1: what the SAE would say of that SIP
    assert "Traceback" not in done.stderr
    assert dest.read_bytes().startswith(b"%PDF")
    assert "Bordereau de versement" in " ".join(pages(dest))


def test_cli_export_slip_says_the_verdict_and_can_be_a_pdf(tmp_path: Path, capsys) -> None:
    from tests.conftest import pdf_bytes

    top = tmp_path / "src" / "Courrier"
    top.mkdir(parents=True)
    (top / "lettre.pdf").write_bytes(pdf_bytes())
    common = ["--preset", str(EXAMPLE), "--workers", "0"]
    rc, out, err = run(["export", str(top), "-o", str(tmp_path / "a.zip"), *common], capsys)
    assert rc == 0, err
    html = (tmp_path / "a-bordereau.html").read_text(encoding="utf-8")
    assert "aucune erreur bloquante" in html
    assert "Délibérations et arrêtés" in html  # the profile's rules referential
    slip = tmp_path / "a.pdf"
    argv = ["export", str(top), "-o", str(tmp_path / "b.zip"), "--bordereau", str(slip)]
    rc, out, err = run([*argv, *common], capsys)
    assert rc == 0, err
    text = " ".join(pages(slip))
    assert "vérifié le" in text and "Courrier" in text
    rc, out, err = run(
        ["export", str(top), "-o", str(tmp_path / "c.zip"), "--bordereau", "x.doc", *common],
        capsys,
    )
    assert rc == 2 and ".pdf" in err and not (tmp_path / "c.zip").exists()


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_painting_many_pages_does_not_use_up_none(tmp_path: Path) -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None at each void Qt call: without
    the shield a few hundred pages abort the interpreter ("deallocating None")."""
    from seda.bordereau import collect

    bordereau_pdf.paint_pdf(bordereau_pdf.html_for_qt(collect(package())), header="", lang="fr")
    html = bordereau_pdf.html_for_qt(collect(package(units=1001, per_folder=1)))
    before = sys.getrefcount(None)
    _data, count = bordereau_pdf.paint_pdf(html, header="", lang="fr")
    assert count > 30
    assert sys.getrefcount(None) > before - 100  # ~600 lost without the shield


def test_cli_depth_and_annex(tmp_path: Path, capsys) -> None:
    import lxml.html

    from seda.package import read_sip

    pkg, _ = read_sip(VITAM_SIP)
    dest = tmp_path / "b.html"
    argv = ["bordereau", str(VITAM_SIP), "-o", str(dest), "--rules", str(RULES_CSV)]
    rc, out, err = run([*argv, "--depth", "0", "--annexe"], capsys)
    assert rc in (0, 1), err
    doc = lxml.html.fromstring(dest.read_bytes())
    rows = doc.xpath('//table[contains(@class, "units")]/tbody/tr')
    assert len(rows) == len(pkg.roots)  # roots only, everything else summarised
    files = doc.xpath('//table[contains(@class, "files")]/tbody/tr')
    assert len(files) == sum(1 for _ in pkg.objects())  # the annex lists every file
    assert "Annexe : liste des fichiers" in doc.text_content()


def test_cli_slip_of_a_sip_names_the_agencies_without_the_profile(tmp_path: Path, capsys) -> None:
    """``verso export`` writes the agencies' names in the SIP's header, so ``verso
    bordereau SIP.zip`` says them with no ``--preset`` (it needed one before); the SIP
    still passes ``verso check`` with both XSD flavours."""
    from tests.conftest import pdf_bytes

    top = tmp_path / "src" / "Courrier"
    top.mkdir(parents=True)
    (top / "lettre.pdf").write_bytes(pdf_bytes())
    sip = tmp_path / "a.zip"
    argv = ["export", str(top), "-o", str(sip), "--preset", str(EXAMPLE), "--workers", "0"]
    rc, _out, err = run([*argv, "--no-bordereau"], capsys)
    assert rc == 0, err
    slip = tmp_path / "slip.pdf"
    rc, _out, err = run(["bordereau", str(sip), "-o", str(slip)], capsys)
    assert rc == 0, err
    text = " ".join(pages(slip))
    assert "Archives départementales de l'Exemple" in text
    assert "Mairie de Saint-Exemple — secrétariat général" in text
    xsd = ROOT.parent / "shared" / "seda-xsd"
    if xsd.is_dir():
        rc, out, err = run(["check", str(sip), "--xsd", str(xsd)], capsys)
        assert rc == 0, out + err
