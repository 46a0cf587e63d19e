"""A dropped zip is scanned in place as a folder tree: same package as the unzipped folder.

Zips are built in the tests, some with raw bytes (cp850 names as Windows' French Explorer
writes them, encrypted flag, truncated archive, CRC error) that ``zipfile`` cannot write.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import seda.scan as scan_mod
from seda.findings import Code, Finding, Severity
from seda.model import ArchiveUnit, DescriptionLevel, Package
from seda.package import export_sip, read_sip, split_zip_source, verify_sip
from seda.progress import Cancelled
from seda.scan import ScanResult, is_zip_archive, member_name, scan, walk
from tests.conftest import odt_bytes, pdf_bytes, png_bytes

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
XSD_22 = SHARED / "seda-xsd" / "2.2" / "seda-2.2-main.xsd"


# -- building zips ------------------------------------------------------------------------


class RawNameInfo(zipfile.ZipInfo):
    """A ZipInfo whose name is written as the given raw bytes, without the UTF-8 flag
    (``filename`` holds them decoded as cp437, as zipfile reads them back)."""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # noqa: N802 - zipfile's name
        return self.filename.encode("cp437"), self.flag_bits & ~0x800


def add_raw(zf: zipfile.ZipFile, raw: bytes, data: bytes = b"", when: tuple = ()) -> None:
    info = RawNameInfo(raw.decode("cp437"), when or (2021, 3, 4, 10, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(info, data)


def set_flag(zip_path: Path, name: bytes, bit: int) -> None:
    """Set a general-purpose flag bit of member ``name`` in both of its headers."""
    data = bytearray(zip_path.read_bytes())
    for signature, flag_at, name_len_at, name_at in (
        (b"PK\x03\x04", 6, 26, 30),
        (b"PK\x01\x02", 8, 28, 46),
    ):
        pos = data.find(signature)
        while pos >= 0:
            (length,) = struct.unpack_from("<H", data, pos + name_len_at)
            if bytes(data[pos + name_at : pos + name_at + length]) == name:
                (flags,) = struct.unpack_from("<H", data, pos + flag_at)
                struct.pack_into("<H", data, pos + flag_at, flags | bit)
            pos = data.find(signature, pos + 4)
    zip_path.write_bytes(bytes(data))


def make_folder(root: Path) -> Path:
    """A small commune folder: accents, sub-folders, real PDF/PNG/ODT/TXT, empty parts."""
    top = root / "Mairie"
    (top / "Délibérations" / "2021").mkdir(parents=True)
    (top / "Courrier").mkdir()
    (top / "Vide").mkdir()
    (top / "Délibérations" / "2021" / "délib 2.pdf").write_bytes(pdf_bytes())
    (top / "Délibérations" / "2021" / "délib 10.pdf").write_bytes(pdf_bytes() + b"\n")
    (top / "Délibérations" / "procès-verbal.odt").write_bytes(odt_bytes())
    (top / "Courrier" / "plan.png").write_bytes(png_bytes())
    (top / "Courrier" / "notes.txt").write_text("Conseil municipal\n", encoding="utf-8")
    (top / "Courrier" / "vide.txt").write_bytes(b"")
    (top / "inconnu.bin").write_bytes(bytes(range(256)) * 3)
    return top


def zip_folder(folder: Path, dest: Path, *, prefix: str = "", dirs: bool = True) -> Path:
    """Zip ``folder``'s content (as Windows' "Extract all" would give it back)."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            name = prefix + path.relative_to(folder).as_posix()
            if path.is_dir():
                if dirs:
                    zf.writestr(name + "/", b"")
            else:
                zf.write(path, name)
    return dest


def shape(result: ScanResult) -> list[tuple[Any, ...]]:
    """Everything the package keeps of a scan, but where the bytes come from."""
    out = []
    for root in result.roots:
        for unit in root.walk():
            depth = sum(1 for _ in unit.ancestors())
            objects = [
                (o.filename, o.size, o.digest, o.format.puid, o.format.mime) for o in unit.objects
            ]
            out.append((depth, unit.title, unit.level, objects))
    return out


def codes(findings: list[Finding]) -> list[str]:
    return [str(f.code) for f in findings]


def units(result: ScanResult) -> Iterator[ArchiveUnit]:
    for root in result.roots:
        yield from root.walk()


def titled(result: ScanResult, title: str) -> ArchiveUnit:
    return next(u for u in units(result) if u.title == title)


@pytest.fixture(autouse=True)
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Temporary files of the scan go to a folder of this test, checked empty at the end."""
    spool_root = tmp_path / "system-tmp"
    spool_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool_root))
    yield spool_root
    # (pymp-*: multiprocessing's own folder, when the forkserver starts during the test)
    left = [p.name for p in spool_root.iterdir() if not p.name.startswith("pymp-")]
    assert left == [], "temporary files left behind"


# -- the zip equals its folder ------------------------------------------------------------


@pytest.mark.parametrize("workers", [0, 1])
def test_zip_gives_the_same_package_as_its_folder(tmp_path: Path, workers: int) -> None:
    folder = make_folder(tmp_path)
    archive = zip_folder(folder, tmp_path / "Mairie.zip")
    from_folder = scan([folder], workers=workers)
    from_zip = scan([archive], workers=workers)
    assert shape(from_zip) == shape(from_folder)
    assert len(shape(from_zip)) == 12
    pdf = titled(from_zip, "délib 2.pdf").objects[0]
    assert pdf.format.puid == "fmt/18" and len(pdf.digest) == 128
    assert titled(from_zip, "procès-verbal.odt").objects[0].format.puid.startswith("fmt/")
    assert split_zip_source(pdf.source) == (
        str(archive.resolve()),
        "Délibérations/2021/délib 2.pdf",
    )
    assert from_zip.roots[0].source == str(archive.resolve())

    # same findings, by code and by unit title (empty folder, empty file, unknown format)
    def summary(result: ScanResult) -> list[tuple[str, str]]:
        by_uid = {u.uid: u.title for u in units(result)}
        return sorted((str(f.code), by_uid.get(f.unit_uid or 0, "")) for f in result.findings)

    assert summary(from_zip) == summary(from_folder)
    assert (str(Code.EMPTY_FOLDER), "Vide") in summary(from_zip)
    assert (str(Code.EMPTY_FILE), "vide.txt") in summary(from_zip)
    assert from_zip.signature_version == from_folder.signature_version != ""


def test_implicit_folders_and_windows_top_folder(tmp_path: Path) -> None:
    """No directory entries at all, and the single top folder "Send to > Compressed
    folder" adds: still the folder's package."""
    folder = make_folder(tmp_path)
    archive = zip_folder(folder, tmp_path / "Mairie.zip", prefix="Mairie/", dirs=False)
    from_folder, from_zip = walk([folder]), walk([archive])
    flat = [(d, t, lvl) for d, t, lvl, _objs in shape(from_zip) if t != "Vide"]
    assert flat == [(d, t, lvl) for d, t, lvl, _o in shape(from_folder) if t != "Vide"]
    # without its directory entry, the empty folder is simply not in the zip
    assert "Vide" not in [u.title for u in units(from_zip)]


def test_sizes_and_dates_come_from_the_central_directory(tmp_path: Path) -> None:
    archive = tmp_path / "dates.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(zipfile.ZipInfo("a/old.txt", (2020, 1, 2, 8, 0, 0)), b"x" * 10)
        zf.writestr(zipfile.ZipInfo("a/new.txt", (2021, 5, 6, 18, 30, 0)), b"y" * 20)
    result = walk([archive])
    old, new = titled(result, "old.txt"), titled(result, "new.txt")
    assert old.objects[0].size == 10 and new.objects[0].size == 20
    assert old.objects[0].last_modified == datetime(2020, 1, 2, 8, 0, 0).astimezone()
    assert (old.start_date, new.end_date) == (date(2020, 1, 2), date(2021, 5, 6))
    folder = titled(result, "a")
    assert (folder.start_date, folder.end_date) == (date(2020, 1, 2), date(2021, 5, 6))
    assert (result.roots[0].start_date, result.roots[0].end_date) == (
        date(2020, 1, 2),
        date(2021, 5, 6),
    )
    assert result.roots[0].title == "dates" and result.roots[0].level == DescriptionLevel.RECORD_GRP
    assert all(o.digest == "" for u in units(result) for o in u.objects)  # walk reads no content


# -- names --------------------------------------------------------------------------------


def test_cp850_names_from_windows_explorer(tmp_path: Path) -> None:
    archive = tmp_path / "Conseil.zip"
    names = ["Délibérations/Procès-verbal.txt", "À classer/Élus.txt"]
    with zipfile.ZipFile(archive, "w") as zf:
        for name in names:
            add_raw(zf, name.encode("cp850"), name.encode("utf-8"))
    with zipfile.ZipFile(archive) as zf:  # really written without the UTF-8 flag
        assert all(not i.flag_bits & 0x800 for i in zf.infolist())
        assert "À classer/Élus.txt" not in zf.namelist()  # cp437 would garble "À"
    result = scan([archive], workers=0)
    titles = [u.title for u in units(result)]
    assert titles == ["Conseil", "Délibérations", "Procès-verbal.txt", "À classer", "Élus.txt"]
    item = titled(result, "Élus.txt")
    assert item.objects[0].filename == "Élus.txt"
    assert hashlib.sha512("À classer/Élus.txt".encode()).hexdigest() == item.objects[0].digest
    assert not [f for f in result.findings if f.severity != Severity.INFO]


def test_utf8_names_with_and_without_the_flag(tmp_path: Path) -> None:
    archive = tmp_path / "u.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("Réunion 😀/ordre du jour.txt", b"a")  # zipfile sets the UTF-8 flag
        add_raw(zf, "Compte-rendu été.txt".encode(), b"b")  # macOS/Linux: UTF-8, no flag
        add_raw(zf, "Cafe\u0301.txt".encode(), b"c")  # decomposed accent (macOS)
    with zipfile.ZipFile(archive) as zf:
        infos = zf.infolist()
        assert [bool(i.flag_bits & 0x800) for i in infos] == [True, False, False]
        assert [member_name(i) for i in infos] == [
            "Réunion 😀/ordre du jour.txt",
            "Compte-rendu été.txt",
            "Café.txt",
        ]
    titles = {u.title for u in units(walk([archive]))}
    assert {"Réunion 😀", "ordre du jour.txt", "Compte-rendu été.txt", "Café.txt"} <= titles


def test_odd_names_and_exclusions_as_for_a_folder(tmp_path: Path) -> None:
    archive = tmp_path / "odd.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name in [
            "Thumbs.db",
            "docs/~$lettre.docx",
            "docs/lettre.docx",
            "docs/a:b.txt",
            "desktop.ini",
            "raccourci.lnk",
            "__MACOSX/docs/._lettre.docx",
        ]:
            zf.writestr(name, b"data")
    result = walk([archive])
    titles = [u.title for u in units(result)]
    assert titles == ["odd", "docs", "a:b.txt", "lettre.docx"]
    excluded = {Path(f.path).name for f in result.findings if f.code == Code.EXCLUDED}
    assert excluded == {"Thumbs.db", "~$lettre.docx", "desktop.ini", "__MACOSX"}
    assert Code.SHORTCUT in codes(result.findings)
    odd = [f for f in result.findings if f.code == Code.ODD_NAME]
    assert [f.params["reason"] for f in odd] == ["windows_chars"]
    assert odd[0].unit_uid == titled(result, "a:b.txt").uid
    # custom exclusions apply to members too
    assert "lettre.docx" not in [u.title for u in units(walk([archive], exclusions=["*.docx"]))]


def test_empty_zip_and_empty_member(tmp_path: Path) -> None:
    empty = tmp_path / "rien.zip"
    zipfile.ZipFile(empty, "w").close()
    archive = tmp_path / "z.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("vide/", b"")
        zf.writestr("zero.txt", b"")
    result = scan([empty, archive], workers=0)
    assert [r.title for r in result.roots] == ["rien", "z"]
    found = {(str(f.code), Path(f.path).name) for f in result.findings}
    assert (Code.EMPTY_FOLDER, "rien.zip") in found
    assert (Code.EMPTY_FOLDER, "vide") in found
    assert (Code.EMPTY_FILE, "zero.txt") in found
    zero = titled(result, "zero.txt").objects[0]
    assert zero.size == 0 and zero.digest == hashlib.sha512(b"").hexdigest()


# -- safety -------------------------------------------------------------------------------


def test_traversal_and_absolute_names_are_refused(tmp_path: Path) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("../../etc/evil.txt", b"x")
        zf.writestr("ok/../../evil2.txt", b"x")
        add_raw(zf, b"/abs.txt", b"x")
        add_raw(zf, b"C:\\windows\\evil.txt", b"x")
        zf.writestr("ok/good.txt", b"fine")
    result = scan([archive], workers=0)
    assert [u.title for u in units(result)] == ["evil", "ok", "good.txt"]
    unsafe = [f for f in result.findings if f.code == Code.ZIP_UNSAFE_ENTRY]
    assert sorted(f.params["reason"] for f in unsafe) == [
        "absolute",
        "absolute",
        "traversal",
        "traversal",
    ]
    assert all(f.severity == Severity.ERROR for f in unsafe)


def test_duplicate_names_keep_the_first(tmp_path: Path) -> None:
    archive = tmp_path / "dup.zip"
    with zipfile.ZipFile(archive, "w") as zf, pytest.warns(UserWarning):
        zf.writestr("a.txt", b"first")
        zf.writestr("a.txt", b"second!")
        zf.writestr("b", b"a file")
        zf.writestr("b/c.txt", b"a file under a file")
    result = walk([archive])
    assert [u.title for u in units(result)] == ["dup", "a.txt", "b"]
    assert titled(result, "a.txt").objects[0].size == 5
    assert codes(result.findings).count(Code.ZIP_DUPLICATE) == 2


def test_encrypted_member_is_listed_but_not_readable(tmp_path: Path) -> None:
    archive = tmp_path / "secret.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("secret.txt", b"password protected")
        zf.writestr("public.txt", b"hello")
    set_flag(archive, b"secret.txt", 0x1)
    result = scan([archive], workers=0)
    secret = titled(result, "secret.txt")
    assert secret.objects[0].digest == ""
    mine = {str(f.code) for f in result.findings if f.unit_uid == secret.uid}
    assert {Code.ZIP_ENCRYPTED, Code.UNREADABLE} <= mine
    assert titled(result, "public.txt").objects[0].digest == hashlib.sha512(b"hello").hexdigest()


def test_symlink_member_is_left_out(tmp_path: Path) -> None:
    archive = tmp_path / "links.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        info = zipfile.ZipInfo("lien")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, b"/etc/passwd")
        zf.writestr("vrai.txt", b"x")
    result = walk([archive])
    assert [u.title for u in units(result)] == ["links", "vrai.txt"]
    link = next(f for f in result.findings if f.code == Code.ZIP_SYMLINK)
    assert link.params["target"] == "/etc/passwd"


def test_corrupt_zip_is_reported_and_the_rest_scanned(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    good = zip_folder(folder, tmp_path / "good.zip")
    truncated = tmp_path / "coupé.zip"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    garbage = tmp_path / "abîmé.zip"
    garbage.write_bytes(b"PK\x03\x04" + os.urandom(300))
    result = scan([truncated, folder, garbage], workers=0)
    assert [r.title for r in result.roots] == ["Mairie"]
    corrupt = [f for f in result.findings if f.code == Code.ZIP_CORRUPT]
    assert sorted(Path(f.path).name for f in corrupt) == ["abîmé.zip", "coupé.zip"]
    assert all(f.severity == Severity.ERROR for f in corrupt)


def test_zip_truncated_after_an_inner_zip_is_corrupt(tmp_path: Path) -> None:
    """Cut right after a stored inner zip: zipfile would read the inner one instead."""
    inner = zip_folder(make_folder(tmp_path), tmp_path / "inner.zip")
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_STORED) as zf:
        zf.write(inner, "inner.zip")
    data = outer.read_bytes()
    cut = data.index(b"PK\x01\x02", len(inner.read_bytes()) - 200)  # outer central directory
    outer.write_bytes(data[:cut])
    result = walk([outer])
    assert result.roots == [] and codes(result.findings) == [Code.ZIP_CORRUPT]


def test_zip_bomb_is_not_expanded(tmp_path: Path) -> None:
    archive = tmp_path / "bombe.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("zeros.bin", "w") as out:
            block = bytes(1 << 20)
            for _ in range(65):
                out.write(block)
    result = walk([archive])
    assert result.roots == []
    assert Code.ZIP_BOMB in codes(result.findings)
    assert all(f.path == str(archive) for f in result.findings)


def test_crc_error_is_a_finding_of_that_file(tmp_path: Path) -> None:
    archive = tmp_path / "crc.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("bad.txt", b"A" * 5000)
        zf.writestr("good.txt", b"B" * 5000)
    data = bytearray(archive.read_bytes())
    data[data.index(b"A" * 100) + 50] = ord("Z")
    archive.write_bytes(bytes(data))
    result = scan([archive], workers=0)
    bad, good = titled(result, "bad.txt"), titled(result, "good.txt")
    problem = next(f for f in result.findings if f.unit_uid == bad.uid)
    assert problem.code == Code.UNREADABLE and "CRC" in problem.params["error"]
    assert bad.objects[0].digest == ""
    assert good.objects[0].digest == hashlib.sha512(b"B" * 5000).hexdigest()


def test_member_gone_since_the_walk(tmp_path: Path) -> None:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("one.txt", b"1")
        zf.writestr("two.txt", b"2")
    walked = walk([archive])
    with zipfile.ZipFile(archive, "w") as zf:  # replaced: one member left
        zf.writestr("two.txt", b"2")
    objects = [o for u in units(walked) for o in u.objects]
    results = {r.uid: r for batch in scan_mod.analyse(objects, workers=0) for r in batch}
    one, two = (titled(walked, n).objects[0] for n in ("one.txt", "two.txt"))
    assert results[one.uid].error_code == Code.NOT_FOUND
    assert results[two.uid].digest == hashlib.sha512(b"2").hexdigest()


# -- what is (not) opened -----------------------------------------------------------------


def test_zip_inside_a_folder_stays_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "Dossier"
    folder.mkdir()
    zip_folder(make_folder(tmp_path / "src"), folder / "pièces.zip")
    result = scan([folder], workers=0)
    assert [u.title for u in units(result)] == ["Dossier", "pièces.zip"]
    inner = titled(result, "pièces.zip").objects[0]
    assert inner.source == str(folder / "pièces.zip")
    assert inner.format.puid == "x-fmt/263"  # ZIP format


def test_detection_by_content(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    no_ext = zip_folder(folder, tmp_path / "export")  # a zip without extension: opened
    upper = zip_folder(folder, tmp_path / "EXPORT.ZIP")
    odt = tmp_path / "doc.odt"
    odt.write_bytes(odt_bytes())
    odt_renamed = tmp_path / "doc"  # an ODF document, whatever its name: a file
    odt_renamed.write_bytes(odt_bytes())
    fake = tmp_path / "pas-un-zip.zip"
    fake.write_text("juste du texte", encoding="utf-8")
    sfx = tmp_path / "installe.exe"  # self-extracting: a program before the zip
    sfx.write_bytes(b"MZ" + bytes(500) + zip_folder(folder, tmp_path / "x.zip").read_bytes())
    assert is_zip_archive(no_ext) and is_zip_archive(upper)
    for path in (odt, odt_renamed, fake, sfx):
        assert not is_zip_archive(path), path
    result = walk([no_ext, odt, fake])
    assert [(r.title, r.level) for r in result.roots] == [
        ("export", DescriptionLevel.RECORD_GRP),
        ("doc.odt", DescriptionLevel.ITEM),
        ("pas-un-zip.zip", DescriptionLevel.ITEM),
    ]


def test_existing_sip_is_not_expanded(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    sip = tmp_path / "versement.zip"
    package = Package(roots=scan([folder], workers=0).roots)
    export_sip(package, sip)
    assert not is_zip_archive(sip)
    result = walk([sip])
    assert [(r.title, r.level) for r in result.roots] == [("versement.zip", DescriptionLevel.ITEM)]


# -- export, CLI ------------------------------------------------------------------------


def test_export_from_zip_verifies_and_validates(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    archive = zip_folder(folder, tmp_path / "Mairie.zip")
    result = scan([archive], workers=1)
    package = Package(roots=result.roots, seda_version="2.2")
    package.header.archival_agency = "AG"
    package.header.transferring_agency = "TA"
    package.header.archival_agreement = "IC-000001"
    sip = tmp_path / "sip.zip"
    report = export_sip(package, sip, verify=True)
    assert report.verified and report.findings == []
    assert [f for f in verify_sip(sip) if f.severity == Severity.ERROR] == []
    read, _findings = read_sip(sip)
    by_title = {u.title: o for u, o in read.objects()}
    for name in ("délib 2.pdf", "procès-verbal.odt", "plan.png"):
        original = next(folder.rglob(name)).read_bytes()
        assert by_title[name].digest == hashlib.sha512(original).hexdigest()
    with zipfile.ZipFile(sip) as zf:
        manifest = etree.fromstring(zf.read("manifest.xml"))
    schema = etree.XMLSchema(etree.parse(str(XSD_22)))
    assert schema.validate(manifest), schema.error_log


def test_cli_scan_and_export_a_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    folder = make_folder(tmp_path)
    archive = zip_folder(folder, tmp_path / "Mairie.zip")
    assert main(["scan", str(archive), "--format", "json", "--workers", "0"]) == 0
    doc = json.loads(capsys.readouterr().out)
    prefix = f"{archive}/"  # readable paths: the zip, then the member
    assert all(f["path"].startswith(prefix) for f in doc["files"])
    files = {f["path"].removeprefix(prefix): f for f in doc["files"]}
    pdf = files["Délibérations/2021/délib 2.pdf"]
    assert pdf["sha512"] == hashlib.sha512(pdf_bytes()).hexdigest() and pdf["puid"] == "fmt/18"
    assert len(files) == 7

    sip = tmp_path / "sip.zip"
    # no preset: the header lacks what the SAE requires -> written, exit 1 (refused)
    assert main(["export", str(archive), "-o", str(sip), "--workers", "0", "--verify"]) == 1
    capsys.readouterr()
    read, _findings = read_sip(sip)
    with zipfile.ZipFile(sip) as zf:
        for _unit, obj in read.objects():
            member = split_zip_source(obj.source)
            assert member is not None
            assert hashlib.sha512(zf.read(member[1])).hexdigest() == obj.digest
    assert [u.title for u in read.roots] == ["Mairie"]


# -- temporary files ----------------------------------------------------------------------


def test_temporary_copies_are_removed_even_on_cancel(tmp_path: Path, private_tmp: Path) -> None:
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for n in range(150):
            zf.writestr(f"f{n:03}.txt", f"file {n}\n".encode())
    seen: list[list[str]] = []

    class CancelAfterFirstBatch:
        calls = 0

        def report(self, done: int, total: int, message: str = "") -> None:
            self.calls += 1 if total else 0
            seen.append([p.name for p in private_tmp.rglob("*")])

        def cancelled(self) -> bool:
            return self.calls >= 1

    objects = [o for u in units(walk([archive])) for o in u.objects]
    analysis = scan_mod.analyse(objects, workers=0, progress=CancelAfterFirstBatch())
    with pytest.raises(Cancelled):
        list(analysis)
    analysis.close()
    # while it ran, only the private folder existed (copies are deleted batch by batch)
    assert any(
        names == [n for n in names if n.startswith("verso-zip-")] and names for names in seen
    )
    # the autouse fixture checks nothing is left


def test_big_member_spools_head_and_tail_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above SPOOL_WHOLE, only the start and end are copied for identification."""
    monkeypatch.setattr(scan_mod, "SPOOL_WHOLE", 1 << 20)
    monkeypatch.setattr(scan_mod, "SPOOL_HEAD", 1 << 20)
    monkeypatch.setattr(scan_mod, "SPOOL_TAIL", 1 << 20)
    body = pdf_bytes()
    pdf = body[:-6] + os.urandom(5 << 20) + body[-6:]  # %PDF- at the start, %%EOF at the end
    archive = tmp_path / "big.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("gros.pdf", pdf)
    sizes: list[int] = []
    real = scan_mod.identify_hashed

    def spy(hashed: list[Any], identifier: Any) -> None:
        sizes.extend(os.path.getsize(path) for _result, path in hashed)
        real(hashed, identifier)

    monkeypatch.setattr(scan_mod, "identify_hashed", spy)
    result = scan([archive], workers=0)
    obj = titled(result, "gros.pdf").objects[0]
    assert obj.digest == hashlib.sha512(pdf).hexdigest() and obj.size == len(pdf)
    assert sizes == [2 << 20]
    assert obj.format.puid.startswith("fmt/") and obj.format.mime == "application/pdf"


@pytest.mark.slow
def test_member_over_4_gib_zip64(tmp_path: Path) -> None:
    """A > 4 GiB member (ZIP64) is hashed in constant memory (a repeated random block keeps
    the zip small, about 80:1, below the zip-bomb ratio)."""
    block = os.urandom(16 << 10) * 64  # 1 MiB
    count = 4 * 1024 + 16
    archive = tmp_path / "huge.zip"
    digest = hashlib.sha512()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open("huge.bin", "w", force_zip64=True) as out:
            for _ in range(count):
                out.write(block)
                digest.update(block)
    result = scan([archive], workers=1)
    obj = titled(result, "huge.bin").objects[0]
    assert obj.size == count << 20 > 1 << 32
    assert obj.digest == digest.hexdigest()
    assert not [f for f in result.findings if f.severity == Severity.ERROR]


def test_readable_source_for_people() -> None:
    from seda.scan import readable_source

    # zipfile decodes a flagless name as cp437; Windows wrote it in cp850
    shown = "Délibérations/À classer.pdf".encode("cp850").decode("cp437")
    assert readable_source(f"zip:/a/b.zip!{shown}") == "/a/b.zip/Délibérations/À classer.pdf"
    assert readable_source("zip:/a/b.zip!Œuvre/été.txt") == "/a/b.zip/Œuvre/été.txt"  # UTF-8
    assert readable_source("/a/Délibérations/x.pdf") == "/a/Délibérations/x.pdf"
