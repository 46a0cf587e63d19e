"""The transfer slip (``app.bordereau``) and its command line (``verso export`` / ``bordereau``)."""

from __future__ import annotations

import errno
import hashlib
import os
from datetime import date, datetime
from pathlib import Path

import lxml.html
import pytest

from app import bordereau as slip_module
from app.bordereau import BordereauError, default_path, write_bordereau
from app.cli import main
from seda.findings import Code
from seda.model import (
    ArchiveUnit,
    Attachment,
    BinaryObject,
    DescriptionLevel,
    FormatInfo,
    Package,
    Rule,
)
from seda.progress import Cancelled
from seda.referentials import load_rules

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "resources" / "presets" / "example.yaml"
RULES_CSV = SHARED / "referentials" / "rules" / "R16_regles_OK-complete.csv"
VITAM_SIP = SHARED / "vitam-sips" / "OK" / "4_SIP-Service économique.zip"
HOSTILE = '<script>alert("x")</script> & \'quotes\' "double" 😀 <b>gras</b>'
PDF = FormatInfo("fmt/18", "Acrobat PDF 1.4", "1.4", "application/pdf")


def package(units: int = 3, per_folder: int = 10) -> Package:
    """A series holding ``units - 1`` pieces (one PDF each) in dossiers of ``per_folder``."""
    pkg = Package(seda_version="2.1")
    h = pkg.header
    h.message_identifier = "MSG-2024-001"
    h.date = datetime(2024, 3, 12, 14, 5)
    h.archival_agreement = "IC-000001"
    h.archival_agency, h.archival_agency_name = "AD-01", "Archives départementales"
    h.transferring_agency, h.transferring_agency_name = "MAIRIE", "Mairie de Saint-Exemple"
    h.originating_agency = "MAIRIE"
    h.legal_status = "Public Archive"
    root = ArchiveUnit(
        "Conseil municipal",
        DescriptionLevel.SERIES,
        description="Délibérations\net arrêtés",
        start_date=date(2019, 1, 1),
        end_date=date(2023, 12, 31),
        archival_ids=["3 W 12"],
    )
    root.attachment = Attachment(system_id="aeaqaaaaaahgausqaaukuaml4kibf5iaaaba", title="Fonds")
    appraisal = root.management.category("AppraisalRule")
    appraisal.rules.append(Rule("APP-00001", date(2020, 1, 1)))
    appraisal.final_action = "Keep"
    root.management.category("AccessRule").rules.append(Rule("ACC-00003", date(2020, 1, 1)))
    folder = root
    for i in range(units - 1):
        if not folder.children or len(folder.children) == per_folder:
            folder = root.add(ArchiveUnit(f"Dossier {i // per_folder + 1}", DescriptionLevel.FILE))
        item = folder.add(ArchiveUnit(f"Pièce {i + 1}", DescriptionLevel.ITEM))
        item.objects.append(BinaryObject(f"/nowhere/{i}.pdf", f"{i}.pdf", size=1500, format=PDF))
    pkg.roots.append(root)
    return pkg


def described(pkg: Package) -> int:
    """Rows of the slip's main table: the root and its dossiers (pieces are summarised)."""
    return sum(1 for u in pkg.walk() if u.children or u.parent is None)


def parse(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def table_rows(doc: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return doc.xpath('//table[contains(@class, "units")]/tbody/tr')


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# -- document -----------------------------------------------------------------------------
def test_french_document_sections_and_values(tmp_path: Path) -> None:
    rules = load_rules(RULES_CSV)
    pkg = package(units=17)  # the series, two dossiers (10 + 6 pieces)
    pkg.roots[0].children[1].own("archival_ids").append("3 W 12/2")
    # a third dossier with a rule of its own, then one inheriting again
    own = pkg.roots[0].children[1].children[0]
    own.add(ArchiveUnit("annexe", DescriptionLevel.ITEM)).objects.append(
        BinaryObject("/nowhere/a.pdf", "a.pdf", size=10, format=PDF)
    )
    own.management.category("AccessRule").rules.append(Rule("ACC-00001", date(2020, 1, 1)))
    pkg.roots[0].children[1].children[1].add(ArchiveUnit("sous-dossier")).objects.append(
        BinaryObject("/nowhere/b.pdf", "b.pdf", size=10, format=PDF)
    )
    dest = write_bordereau(pkg, tmp_path / "b.html", rules=rules)
    assert dest == tmp_path / "b.html"
    doc = parse(dest)
    text = doc.text_content()
    assert doc.get("lang") == "fr"
    assert doc.findtext(".//h1") == "Bordereau de versement"
    for label in (
        "Service versant",
        "Service d'archives",
        "Service producteur",
        "Contrat d'entrée",
        "Identifiant du message",
        "Dates extrêmes",
        "Le service versant",
        "Le service d'archives",
        "Signature",
        "Visa",
    ):
        assert label in text, label
    assert "MSG-2024-001" in text and "IC-000001" in text and "12/03/2024" in text
    assert "Archives publiques" in text
    assert "01/01/2019\u00a0– 31/12/2023" in text
    # one row per described unit: the series and its two dossiers, not one per file
    rows = table_rows(doc)
    assert len(rows) == 5
    first = rows[0].text_content()
    assert "3 W 12" in first and "Série" in first and "Conserver" in first
    assert "jusqu'au 01/01/2100" in first  # APP-00001: 80 years from 2020-01-01
    # the rule's title and duration from the referential, not its code alone
    assert "80 ans — Dossier individuel d’agent civil" in first
    dossier = rows[1].text_content()
    # what it inherits is exactly what the row above shows: « idem », as written by hand
    assert "Dossier 1" in dossier and "Pièce" not in dossier and "idem" in dossier
    assert "APP-00001" not in dossier
    assert "10 fichiers, 14,6 Ko, PDF ×10" in dossier
    assert "3 W 12/2" in rows[2].text_content()  # the cote
    assert "4 fichiers, 5,9 Ko, PDF ×4" in rows[2].text_content()
    assert "en tout : 18 fichiers" in first
    # Pièce 11 declares its own access rule: in full, code and all
    assert "Pièce 11" in rows[3].text_content() and "ACC-00001" in rows[3].text_content()
    # Pièce 12 inherits again, but not what the row above shows: in full, said inherited
    assert "Pièce 12" in rows[4].text_content()
    access = rows[4].xpath("td")[-1].text_content()
    assert "idem" not in access and "héritée" in access and "25 ans" in access
    assert rows[4].xpath("td")[-2].text_content() == "idem"  # its appraisal is the same
    # indentation grows with depth; the root is not indented
    assert "margin-left" in lxml.html.tostring(rows[1]).decode()
    assert "margin-left" not in lxml.html.tostring(rows[0]).decode()
    assert "aeaqaaaaaahgausqaaukuaml4kibf5iaaaba" in text and "Fonds" in text
    assert "fmt/18" in text


def test_english_labels(tmp_path: Path) -> None:
    pkg = package()
    pkg.roots[0].management.rules["AppraisalRule"].final_action = "Destroy"
    doc = parse(write_bordereau(pkg, tmp_path / "b.html", lang="en"))
    text = doc.text_content()
    assert doc.get("lang") == "en"
    assert doc.findtext(".//h1") == "Transfer slip"
    assert "Transferring agency" in text and "Archival agency" in text
    assert "Final action: Destroy" in text and "Series" in text
    assert "2019-01-01\u00a0– 2023-12-31" in text
    assert "Bordereau de versement" not in text and "Service versant" not in text


def test_hostile_title_is_escaped(tmp_path: Path) -> None:
    pkg = package(units=3, per_folder=1)
    pkg.roots[0].title = HOSTILE
    pkg.roots[0].description = "a\x00b\x1fc </td></tr></table> fin"
    pkg.header.transferring_agency_name = HOSTILE
    dest = write_bordereau(pkg, tmp_path / "b.html")
    raw = dest.read_text(encoding="utf-8")
    assert "<script>" not in raw and "<b>gras" not in raw
    doc = parse(dest)
    assert not doc.xpath("//script") and not doc.xpath("//b")
    assert doc.xpath("//*[@class='t']")[0].text_content() == HOSTILE
    assert "abc </td></tr></table> fin" in doc.text_content()
    assert len(table_rows(doc)) == 3  # the description did not break the table


def test_print_stylesheet_and_self_contained(tmp_path: Path) -> None:
    doc = parse(write_bordereau(package(), tmp_path / "b.html"))
    css = "".join(doc.xpath("//style/text()"))
    assert "@page" in css and "A4" in css
    assert "table-header-group" in css  # the header row repeats on each page
    assert "page-break-inside: avoid" in css or "break-inside: avoid" in css
    assert doc.xpath('//table[contains(@class, "units")]/thead/tr/th')
    # nothing fetched from elsewhere: no script, no link, no external image
    assert not doc.xpath("//script | //link | //img | //iframe")


def test_sip_name_size_and_digest(tmp_path: Path) -> None:
    sip = tmp_path / "versement.zip"
    sip.write_bytes(os.urandom(3 * (1 << 20) + 17))  # several 1 MiB chunks
    dest = write_bordereau(package(), default_path(sip), sip_path=sip)
    assert dest == tmp_path / "versement-bordereau.html"
    text = parse(dest).text_content()
    assert hashlib.sha512(sip.read_bytes()).hexdigest() in text
    assert "versement.zip" in text and "3\u202f145\u202f745 octets" in text
    # a digest given is used as is (no second read)
    dest = write_bordereau(package(), tmp_path / "b2.html", sip_path=sip, sip_sha512="ab" * 64)
    assert "ab" * 64 in parse(dest).text_content()


def test_empty_package(tmp_path: Path) -> None:
    doc = parse(write_bordereau(Package(), tmp_path / "b.html"))
    assert "aucune unité" in doc.text_content()


def test_progress_reaches_every_row(tmp_path: Path) -> None:
    class Recorder:
        def __init__(self) -> None:
            self.calls: list[tuple[int, int]] = []

        def report(self, done: int, total: int, message: str = "") -> None:
            self.calls.append((done, total))

        def cancelled(self) -> bool:
            return False

    progress = Recorder()
    write_bordereau(package(units=450), tmp_path / "b.html", progress=progress)
    assert progress.calls[-1] == (450 + 45, 450 + 45)  # pieces and their 45 dossiers
    done = [d for d, _ in progress.calls]
    assert done == sorted(done) and len(done) >= 5


# -- atomic write ---------------------------------------------------------------------------
class _FailingFile:
    """Wraps the temporary file; the disk is "full" after ``limit`` characters."""

    def __init__(self, real, limit: int) -> None:
        self._real, self._left = real, limit

    def write(self, text: str) -> int:
        self._left -= len(text)
        if self._left < 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        return self._real.write(text)

    def __getattr__(self, name: str):
        return getattr(self._real, name)

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


def test_write_error_mid_document_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    dest = tmp_path / "b.html"
    dest.write_text("ancien bordereau", encoding="utf-8")
    real_fdopen = os.fdopen

    def failing_fdopen(fd, *args, **kwargs):
        return _FailingFile(real_fdopen(fd, *args, **kwargs), limit=20_000)

    monkeypatch.setattr(slip_module.os, "fdopen", failing_fdopen)
    with pytest.raises(BordereauError) as caught:
        write_bordereau(package(units=500, per_folder=1), dest)
    # a full disk is said as the export says it (« Le disque de destination est plein »)
    assert caught.value.findings[0].code == Code.DISK_FULL
    assert dest.read_text(encoding="utf-8") == "ancien bordereau"  # the previous one is kept
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.html"]


def test_cancel_leaves_nothing(tmp_path: Path) -> None:
    class CancelAfter:
        def __init__(self, rows: int) -> None:
            self.rows, self.asked = rows, 0

        def report(self, done: int, total: int, message: str = "") -> None:
            pass

        def cancelled(self) -> bool:
            self.asked += 1
            return self.asked > self.rows

    progress = CancelAfter(rows=250)
    with pytest.raises(Cancelled):
        write_bordereau(package(units=1000, per_folder=2), tmp_path / "b.html", progress=progress)
    assert progress.asked > 250  # it did stop in the middle of the rows
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_and_unreadable_sip(tmp_path: Path) -> None:
    with pytest.raises(BordereauError) as caught:
        write_bordereau(package(), tmp_path / "nope" / "b.html")
    assert caught.value.findings[0].code == Code.UNSAFE_DESTINATION
    with pytest.raises(BordereauError) as caught:
        write_bordereau(package(), tmp_path / "b.html", sip_path=tmp_path / "absent.zip")
    assert caught.value.findings[0].code == Code.BORDEREAU_SIP_UNREADABLE
    assert list(tmp_path.iterdir()) == []


def test_twenty_thousand_units_stream(tmp_path: Path) -> None:
    """Not a benchmark: checks the rows are all there and it stays well under a minute."""
    pkg = package(units=2)
    root = pkg.roots[0]
    for g in range(200):
        folder = root.add(ArchiveUnit(f"Dossier {g}", DescriptionLevel.FILE))
        for i in range(100):
            item = folder.add(ArchiveUnit(f"pièce {g}.{i}", DescriptionLevel.ITEM))
            item.objects.append(BinaryObject("/nowhere", "x.pdf", size=10, format=PDF))
    units = sum(1 for _ in pkg.walk())
    dest = write_bordereau(pkg, tmp_path / "b.html", rules=load_rules(RULES_CSV))
    assert units == 20_203
    assert dest.read_bytes().count(b'<tr class="l') == described(pkg) == 202


# -- command line ---------------------------------------------------------------------------
@pytest.fixture
def folder(tmp_path: Path) -> Path:
    from tests.conftest import pdf_bytes

    top = tmp_path / "src" / "Conseil <municipal> & co"
    (top / "Délibérations").mkdir(parents=True)
    (top / "Délibérations" / "délib 1.pdf").write_bytes(pdf_bytes())
    (top / "notes.txt").write_text("ordre du jour\n", encoding="utf-8")
    return top


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


def test_cli_export_writes_sip_and_slip(folder: Path, tmp_path: Path, capsys) -> None:
    out_zip = tmp_path / "versement.zip"
    argv = ["export", str(folder), "-o", str(out_zip), "--preset", str(EXAMPLE)]
    rc, out, err = run([*argv, "--workers", "0"], capsys)
    assert rc == 0, err
    slip = tmp_path / "versement-bordereau.html"
    assert out_zip.is_file() and slip.is_file()
    assert f"Bordereau de versement écrit : {slip}" in out
    doc = parse(slip)
    text = doc.text_content()
    assert hashlib.sha512(out_zip.read_bytes()).hexdigest() in text
    assert "Mairie de Saint-Exemple" in text and "IC-000001" in text
    # the slip and the manifest carry the same message identifier
    from seda.package import read_sip

    sip_package, _ = read_sip(out_zip)
    assert sip_package.header.message_identifier in text
    titles = [t.text_content() for t in doc.xpath("//*[@class='t']")]
    assert titles[0] == "Conseil <municipal> & co"
    assert len(table_rows(doc)) == 2  # the folder and its sub-folder; files summarised
    # a second export does not silently replace the slip, --force does
    (tmp_path / "autre.zip").write_bytes(b"")
    argv[3] = str(tmp_path / "autre.zip")
    rc, _, err = run([*argv, "--workers", "0", "--bordereau", str(slip), "--force"], capsys)
    assert rc == 0, err
    assert hashlib.sha512((tmp_path / "autre.zip").read_bytes()).hexdigest() in slip.read_text(
        encoding="utf-8"
    )
    slip.write_text("signé", encoding="utf-8")
    argv[3] = str(tmp_path / "troisième.zip")
    rc, _, err = run([*argv, "--workers", "0", "--bordereau", str(slip)], capsys)
    assert rc == 2 and "existe déjà" in err
    assert slip.read_text(encoding="utf-8") == "signé"
    assert not (tmp_path / "troisième.zip").exists()


def test_cli_export_no_bordereau_and_custom_path(folder: Path, tmp_path: Path, capsys) -> None:
    rc, out, err = run(
        ["export", str(folder), "-o", str(tmp_path / "a.zip"), "--workers", "0", "--no-bordereau"],
        capsys,
    )
    # no preset: the header lacks what the SAE requires -> written, but rc 1 (refused)
    assert rc == 1, err
    assert out.splitlines()[-1].startswith("Le service d'archives refusera ce versement")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.zip", "src"]
    assert "Bordereau" not in out
    custom = tmp_path / "papiers" / "slip.html"
    custom.parent.mkdir()
    rc, out, err = run(
        [
            "export",
            str(folder),
            "-o",
            str(tmp_path / "b.zip"),
            "--workers",
            "0",
            "--bordereau",
            str(custom),
        ],
        capsys,
    )
    assert rc == 1, err  # still no preset
    assert custom.is_file() and not (tmp_path / "b-bordereau.html").exists()
    rc, _, err = run(
        [
            "export",
            str(folder),
            "-o",
            str(tmp_path / "c.zip"),
            "--no-bordereau",
            "--bordereau",
            "x",
        ],
        capsys,
    )
    assert rc == 2 and "incompatible" in err


def test_cli_bordereau_on_vitam_sip(tmp_path: Path, capsys) -> None:
    dest = tmp_path / "rh.html"
    rc, out, err = run(
        ["bordereau", str(VITAM_SIP), "-o", str(dest), "--rules", str(RULES_CSV), "--lang", "en"],
        capsys,
    )
    assert rc == 0, err
    assert str(dest) in out
    from seda.package import read_sip

    pkg, _ = read_sip(VITAM_SIP)
    doc = parse(dest)
    assert doc.get("lang") == "en"
    assert len(table_rows(doc)) == sum(1 for _ in pkg.walk())
    text = doc.text_content()
    assert hashlib.sha512(VITAM_SIP.read_bytes()).hexdigest() in text
    att = pkg.roots[0].attachment
    assert att.metadata_value and att.metadata_value in text


def test_cli_bordereau_default_path_and_errors(tmp_path: Path, capsys) -> None:
    sip = tmp_path / "copie.zip"
    sip.write_bytes(VITAM_SIP.read_bytes())
    rc, out, err = run(["bordereau", str(sip)], capsys)
    assert rc == 0, err
    made = tmp_path / "copie-bordereau.pdf"  # the PDF to sign, by default
    assert made.read_bytes().startswith(b"%PDF")
    # never replaced without --force (it may be the signed one)
    made.write_bytes(b"%PDF signed")
    rc, _, err = run(["bordereau", str(sip), "--preset", str(EXAMPLE)], capsys)
    assert rc == 2 and "existe déjà" in err and "--force" in err
    assert made.read_bytes() == b"%PDF signed"
    rc, out, err = run(["bordereau", str(sip), "--preset", str(EXAMPLE), "--force"], capsys)
    assert "référentiel des règles" not in err  # the example preset's sample one is used
    assert made.read_bytes() != b"%PDF signed"
    # its rules are not in that referential: the slip is written, and says so, exit 1
    assert rc == 1 and "refuserait" in out
    bare = tmp_path / "sans-referentiel.yaml"
    bare.write_text("name: Sans référentiel\n", encoding="utf-8")
    rc, _, err = run(
        ["bordereau", str(sip), "--preset", str(bare), "-o", str(tmp_path / "b.html")], capsys
    )
    assert rc == 0, err  # no rules referential: said, not fatal
    assert "référentiel des règles" in err
    assert (tmp_path / "b.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    rc, _, err = run(["bordereau", str(sip), "-o", str(tmp_path / "b.docx")], capsys)
    assert rc == 2 and ".pdf" in err and not (tmp_path / "b.docx").exists()
    rc, _, err = run(["bordereau", str(tmp_path / "absent.zip")], capsys)
    assert rc == 2 and "Introuvable" in err
    not_zip = tmp_path / "pas-un-zip.zip"
    not_zip.write_text("bonjour")
    rc, _, err = run(["bordereau", str(not_zip)], capsys)
    assert rc == 1 and not (tmp_path / "pas-un-zip-bordereau.pdf").exists()
