"""Cotes numbered with ``seda.cotes`` reach everything downstream: the bordereau's Cote
column (HTML and PDF), the exported SIP (XSD-valid, read back), the saved work (.verso)."""

from __future__ import annotations

from pathlib import Path

from app.bordereau import write_bordereau
from app.bordereau_pdf import write_bordereau_pdf
from app.workfile import Work, load_work, save_work
from seda.cotes import Numbering, cote_edits, prefix_under
from seda.findings import Code, Severity
from seda.model import ArchiveUnit, BinaryObject, Package
from seda.package import export_sip, read_sip
from seda.validate import check_sip
from tests.app.test_bordereau import package, parse, table_rows
from tests.app.test_bordereau_pdf import pages

XSD = Path(__file__).resolve().parents[2].parent / "shared" / "seda-xsd"


def numbered() -> Package:
    """The series « 3 W 12 » (kept) and its dossiers numbered under it; pieces left out."""
    pkg = package(units=7, per_folder=3)  # the series, dossiers 1 (3 pieces), 2 (3 pieces)
    root = pkg.roots[0]
    numbering = Numbering(prefix=prefix_under(root.archival_ids[0]))
    for unit, values in cote_edits(root.children, numbering):
        unit.archival_ids = values
    return pkg


def test_numbering_under_the_series_cote() -> None:
    root = numbered().roots[0]
    assert [u.archival_ids for u in root.children] == [["3 W 12/1"], ["3 W 12/2"]]
    assert all(not p.archival_ids for d in root.children for p in d.children)


def test_bordereau_html_and_pdf_show_the_cotes(tmp_path: Path) -> None:
    pkg = numbered()
    doc = parse(write_bordereau(pkg, tmp_path / "b.html"))
    heads = [th.text_content().strip() for th in doc.xpath("//table[contains(@class,'units')]//th")]
    assert "Cote" in heads
    cotes = [
        td.text_content().strip()
        for row in table_rows(doc)
        for td in row.xpath("td[contains(@class,'cote')]")
    ]
    assert [c for c in cotes if c] == ["3 W 12", "3 W 12/1", "3 W 12/2"]
    text = " ".join(pages(write_bordereau_pdf(pkg, tmp_path / "b.pdf")))
    assert "Cote" in text and "3 W 12/1" in text and "3 W 12/2" in text


def test_cotes_survive_the_sip_and_the_saved_work(tmp_path: Path) -> None:
    pkg = numbered()
    for n, (_unit, obj) in enumerate(pkg.objects()):
        path = tmp_path / f"{n}.pdf"
        path.write_bytes(b"%PDF-1.4\n%% piece " + str(n).encode() + b"\n%%EOF\n")
        obj.source, obj.size = str(path), path.stat().st_size
    pkg.roots[0].children[0].originating_ids = ["URB-1"]
    sip = tmp_path / "sip.zip"
    export_sip(pkg, sip)
    findings = check_sip(sip, xsd_root=XSD)
    assert not [f for f in findings if f.severity == Severity.ERROR], findings
    codes = {f.code for f in findings}  # the XSDs were read, and the manifest passes them
    assert not codes & {Code.VAL_SCHEMA, Code.VAL_XSD_SKIPPED, Code.VAL_XSD_UNAVAILABLE}
    back, _ = read_sip(sip)
    want = [(u.title, u.archival_ids, u.originating_ids) for u in pkg.walk()]
    assert [(u.title, u.archival_ids, u.originating_ids) for u in back.walk()] == want
    save_work(tmp_path / "w.verso", Work(back))
    again = load_work(tmp_path / "w.verso", check_files=False).package
    assert [(u.title, u.archival_ids, u.originating_ids) for u in again.walk()] == want


def test_a_file_only_cote_makes_its_own_bordereau_row(tmp_path: Path) -> None:
    """Numbering the files too: each piece then has a row of its own with its cote."""
    pkg = Package(roots=[ArchiveUnit("Voirie")])
    pkg.roots[0].add(ArchiveUnit("plan.pdf")).objects.append(BinaryObject("/x/p.pdf", "p.pdf"))
    for unit, values in cote_edits(pkg.roots, Numbering(prefix="4 W", files=True)):
        unit.archival_ids = values
    doc = parse(write_bordereau(pkg, tmp_path / "b.html"))
    rows = [r.text_content() for r in table_rows(doc)]
    assert len(rows) == 2 and "4 W 1/1" in rows[1] and "plan.pdf" in rows[1]
