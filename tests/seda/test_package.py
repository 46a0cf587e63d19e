"""SIP zip writer/reader (seda.package): names, digests, atomicity, safety, Vitam's SIPs."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import struct
import zipfile
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import seda.package as package_mod
from seda.findings import Code, Severity
from seda.model import ArchiveUnit, BinaryObject, DescriptionLevel, Package
from seda.package import (
    ExportError,
    SipError,
    entry_extension,
    entry_name_ok,
    export_sip,
    manifest_name_ok,
    read_sip,
    split_zip_source,
    verify_sip,
    zip_source,
)
from seda.progress import Cancelled
from seda.scan import scan

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
XSD_ROOT = SHARED / "seda-xsd"
SIPS = SHARED / "vitam-sips"
VERSIONS = ("2.1", "2.2", "2.3")


# -- helpers ----------------------------------------------------------------------------


class FakeProgress:
    """Records reports; cancels (or runs ``hook``) at the ``at``-th report."""

    def __init__(self, at: int | None = None, hook: Callable[[], None] | None = None) -> None:
        self.reports: list[tuple[int, int, str]] = []
        self.at = at
        self.hook = hook
        self.cancel = False

    def report(self, done: int, total: int, message: str = "") -> None:
        self.reports.append((done, total, message))
        if self.at is not None and len(self.reports) == self.at:
            if self.hook is not None:
                self.hook()
            else:
                self.cancel = True

    def cancelled(self) -> bool:
        return self.cancel


def manifest_objects(data: bytes) -> list[dict[str, Any]]:
    """Uri, digest, algorithm, size, filename of every BinaryDataObject of a manifest."""
    root = etree.fromstring(data)
    out = []
    for bdo in root.iter("{*}BinaryDataObject"):
        digest = bdo.find("{*}MessageDigest")
        size = bdo.find("{*}Size")
        filename = bdo.find("{*}FileInfo/{*}Filename")
        out.append(
            {
                "uri": bdo.findtext("{*}Uri"),
                "digest": digest.text,
                "algorithm": digest.get("algorithm"),
                "size": int(size.text) if size is not None else None,
                "filename": filename.text if filename is not None else None,
            }
        )
    return out


def sha512_of(zf: zipfile.ZipFile, name: str) -> str:
    h = hashlib.sha512()
    with zf.open(name) as f:
        for chunk in iter(lambda: f.read(1 << 16), b""):
            h.update(chunk)
    return h.hexdigest()


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(n for n in os.listdir(folder) if n not in keep)


@pytest.fixture(scope="session")
def schemas() -> Callable[[str, str], Any]:
    """Loaded XSDs, cached for the session: ("2.1", "standard"|"vitam") -> schema."""
    cache: dict[tuple[str, str], Any] = {}

    def get(version: str, flavour: str) -> Any:
        key = (version, flavour)
        if key not in cache:
            if flavour == "standard":
                path = XSD_ROOT / version / f"seda-{version}-main.xsd"
                cache[key] = etree.XMLSchema(etree.parse(str(path)))
            else:
                xmlschema = pytest.importorskip("xmlschema")
                path = XSD_ROOT / version / "vitam" / "seda-vitam-main.xsd"
                cache[key] = xmlschema.XMLSchema(str(path), validation="lax")
        return cache[key]

    return get


@pytest.fixture
def scanned(odd_tree: Path) -> Package:
    result = scan([odd_tree], workers=0)
    pkg = Package(roots=result.roots, signature_version=result.signature_version)
    pkg.header.archival_agency = "FRAD000"
    pkg.header.transferring_agency = "COMMUNE-X"
    pkg.header.originating_agency = "COMMUNE-X"
    pkg.header.archival_agreement = "IC-000001"
    return pkg


def small_package(folder: Path, files: dict[str, bytes]) -> Package:
    """A package with one root and one Item per file, digests computed here."""
    folder.mkdir(parents=True, exist_ok=True)
    root = ArchiveUnit("Versement", level=DescriptionLevel.RECORD_GRP)
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        obj = BinaryObject(
            source=str(path),
            filename=name,
            size=len(data),
            digest=hashlib.sha512(data).hexdigest(),
        )
        item = ArchiveUnit(name, level=DescriptionLevel.ITEM, objects=[obj])
        root.add(item)
    return Package(roots=[root])


# -- names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["content/ID1.pdf", "Content/a-b_c@d.tar.gz", "manifest.xml", "content/ID12", "x"],
)
def test_entry_name_ok_accepts(name: str) -> None:
    assert entry_name_ok(name)


@pytest.mark.parametrize(
    "name",
    [
        "",
        "content/ID 1.pdf",
        "content/délib.odt",
        "content/ID+13.txt",
        "content/ID19.txt#",
        "content\\ID13.txt",
        "../x.txt",
        "content/../x",
        "/content/x",
        "content//x",
        "content/",
        "content/x.",
        "content/.hidden",
        "content/x.txt\n",
    ],
)
def test_entry_name_ok_refuses(name: str) -> None:
    assert not entry_name_ok(name)


def test_manifest_name_rule() -> None:
    assert manifest_name_ok("manifest.xml")
    assert manifest_name_ok("SIP_2024-manifest.xml")
    assert manifest_name_ok("a" * 56 + "_manifest.xml")
    assert not manifest_name_ok("a" * 57 + "_manifest.xml")
    assert not manifest_name_ok("$_manifest.xml")
    assert not manifest_name_ok("état_manifest.xml")
    assert not manifest_name_ok("content/manifest.xml")
    assert not manifest_name_ok("Manifest.xml")


@pytest.mark.parametrize(
    ("filename", "ext"),
    [
        ("rapport.PDF", "pdf"),
        ("archive.tar.gz", "gz"),
        ("sans-extension", ""),
        (".bashrc", ""),
        ("photo.jpé", ""),
        ("x.a b", ""),
        ("finit-par-un-point.", ""),
        ("x." + "a" * 17, ""),
        ("ID19.txt#", ""),
    ],
)
def test_entry_extension(filename: str, ext: str) -> None:
    assert entry_extension(filename) == ext


def test_split_zip_source_with_bang_in_folder(tmp_path: Path) -> None:
    folder = tmp_path / "a!b"
    folder.mkdir()
    zpath = folder / "x.zip"
    zpath.write_bytes(b"")
    source = zip_source(zpath, "content/ID1!odd.txt")
    assert split_zip_source(source) == (str(zpath), "content/ID1!odd.txt")
    assert split_zip_source("/plain/path.txt") is None


# -- export -----------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_export_odd_tree(
    scanned: Package, tmp_path: Path, version: str, schemas: Callable[[str, str], Any]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dest = out / f"sip-{version}.zip"
    progress = FakeProgress()
    report = export_sip(scanned, dest, version=version, progress=progress)

    objects = [obj for _unit, obj in scanned.objects()]
    assert report.path == dest and dest.is_file()
    assert report.files == len(objects) >= 10
    assert report.total_bytes == sum(o.size for o in objects)
    assert report.seda_version == version
    assert report.units == sum(1 for _ in scanned.walk())
    assert report.findings == []
    assert leftovers(out, {dest.name}) == []

    with zipfile.ZipFile(dest) as zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        assert sorted(names) == sorted(report.entry_names)
        assert all(entry_name_ok(n) for n in names), names
        assert all(i.compress_type == zipfile.ZIP_STORED for i in infos)
        roots = [n for n in names if "/" not in n]
        assert roots == ["manifest.xml"]
        assert all(n.startswith("content/") for n in names if n != "manifest.xml")
        data = zf.read("manifest.xml")
        declared = manifest_objects(data)
        assert sorted(d["uri"] for d in declared) == sorted(n for n in names if n != "manifest.xml")
        for d in declared:
            assert d["algorithm"] == "SHA-512"
            assert d["digest"] == sha512_of(zf, d["uri"])
            # Size is a positiveInteger: absent for an empty file
            assert (d["size"] or 0) == zf.getinfo(d["uri"]).file_size
        # original names are kept in the manifest, not in the zip
        assert Counter(d["filename"] for d in declared) == Counter(o.filename for o in objects)

    root = etree.fromstring(data)
    assert etree.QName(root).namespace == f"fr:gouv:culture:archivesdefrance:seda:v{version}"
    standard = schemas(version, "standard")
    assert standard.validate(root.getroottree()), standard.error_log
    vitam = schemas(version, "vitam")
    errors = list(vitam.iter_errors(root.getroottree()))
    assert errors == [], errors[:3]

    # progress: bytes, monotonic, ends complete, message = file being copied
    dones = [d for d, _t, _m in progress.reports]
    assert dones == sorted(dones)
    assert progress.reports[-1][0] == progress.reports[-1][1] == report.total_bytes
    messages = {m for _d, _t, m in progress.reports}
    assert {o.filename for o in objects if o.size} <= messages


def test_export_verify_and_message_identifier(scanned: Package, tmp_path: Path) -> None:
    dest = tmp_path / "sip.zip"
    progress = FakeProgress()
    report = export_sip(
        scanned, dest, verify=True, message_identifier="  MSG  42 ", progress=progress
    )
    assert report.verified
    # verification counts in the same bar: copy then re-read, total = twice the bytes
    done, total, _message = progress.reports[-1]
    assert done == total == 2 * report.total_bytes
    assert [d for d, _t, _m in progress.reports] == sorted(d for d, _t, _m in progress.reports)
    assert report.message_identifier == "MSG 42"
    assert b"<MessageIdentifier>MSG 42</MessageIdentifier>" in zipfile.ZipFile(dest).read(
        "manifest.xml"
    )
    assert verify_sip(dest) == []
    # the model is not modified by the export
    assert all(o.source.startswith(str(tmp_path)) for _u, o in scanned.objects())


def test_export_does_not_recompress_or_rename_badly(tmp_path: Path) -> None:
    files = {"Compte rendu été.PDF": b"%PDF-1.4\n" + b"A" * 5000, "sans extension": b"x" * 10}
    pkg = small_package(tmp_path / "src", files)
    dest = tmp_path / "sip.zip"
    report = export_sip(pkg, dest)
    names = sorted(report.entries.values())
    assert names[0].endswith(".pdf") and entry_name_ok(names[0])
    assert "." not in names[1].split("/")[1]
    with zipfile.ZipFile(dest) as zf:
        for info in zf.infolist():
            assert info.compress_size == info.file_size  # stored


def test_cancel_mid_export_leaves_nothing(tmp_path: Path) -> None:
    pkg = small_package(
        tmp_path / "src", {"gros.bin": os.urandom(3 * package_mod.CHUNK + 7), "b.txt": b"b"}
    )
    out = tmp_path / "out"
    out.mkdir()
    dest = out / "sip.zip"
    progress = FakeProgress(at=3)  # start report, then 2 chunks of gros.bin
    with pytest.raises(Cancelled):
        export_sip(pkg, dest, progress=progress)
    assert progress.reports[-1][0] > 0  # it had started copying
    assert leftovers(out, set()) == []


def test_cancel_keeps_previous_file(scanned: Package, tmp_path: Path) -> None:
    dest = tmp_path / "sip.zip"
    dest.write_bytes(b"previous export")
    with pytest.raises(Cancelled):
        export_sip(scanned, dest, progress=FakeProgress(at=4))
    assert dest.read_bytes() == b"previous export"
    assert leftovers(tmp_path, {dest.name, "Versement été", "dehors.txt"}) == []


@pytest.mark.parametrize("phase", ["content", "manifest"])
def test_disk_full_leaves_previous_file(
    scanned: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, phase: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dest = out / "sip.zip"
    dest.write_bytes(b"previous export")
    real_write = zipfile._ZipWriteFile.write  # type: ignore[attr-defined]
    seen: list[bytes] = []

    def full(self: Any, data: Any) -> int:
        chunk = bytes(data)
        seen.append(chunk)
        manifest = b"ArchiveTransfer" in chunk or b"<?xml" in chunk
        if phase == "content" or manifest:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(zipfile._ZipWriteFile, "write", full)  # type: ignore[attr-defined]
    # Content chunks bypass _ZipWriteFile.write (their CRC is computed on the side): make
    # them go through it as well, so a full disk is seen wherever it happens.
    monkeypatch.setattr(package_mod, "_raw_target", lambda dst: None)
    with pytest.raises(ExportError) as info:
        export_sip(scanned, dest)
    assert [f.code for f in info.value.findings] == [Code.DISK_FULL]
    assert info.value.findings[0].severity == Severity.ERROR
    assert dest.read_bytes() == b"previous export"
    assert leftovers(out, {"sip.zip"}) == []
    if phase == "manifest":
        assert len(seen) > 1  # content went through, the manifest failed


def test_disk_full_while_streaming_content(
    scanned: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast path (chunks written straight to the zip's file) fails cleanly too."""
    out = tmp_path / "out"
    out.mkdir()
    dest = out / "sip.zip"
    dest.write_bytes(b"previous export")
    real_target = package_mod._raw_target
    used: list[int] = []

    class Full:
        def __init__(self, fp: Any) -> None:
            self.fp = fp

        def write(self, data: Any) -> int:
            used.append(len(data))
            raise OSError(errno.ENOSPC, "No space left on device")

    def target(dst: Any) -> Any:
        fp = real_target(dst)
        assert fp is not None  # this Python's zipfile takes the fast path
        return Full(fp)

    monkeypatch.setattr(package_mod, "_raw_target", target)
    with pytest.raises(ExportError) as info:
        export_sip(scanned, dest)
    assert [f.code for f in info.value.findings] == [Code.DISK_FULL]
    assert used
    assert dest.read_bytes() == b"previous export"
    assert leftovers(out, {"sip.zip"}) == []


def test_not_enough_space_is_refused_before_writing(
    scanned: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(package_mod, "_disk_free", lambda folder: 10)
    with pytest.raises(ExportError) as info:
        export_sip(scanned, tmp_path / "sip.zip")
    finding = info.value.findings[0]
    assert finding.code == Code.DISK_FULL and finding.params["available"] == 10
    assert finding.params["needed"] == sum(o.size for _u, o in scanned.objects())
    assert not (tmp_path / "sip.zip").exists()


def test_exception_in_manifest_leaves_nothing(
    scanned: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "out" / "sip.zip"
    dest.parent.mkdir()
    dest.write_bytes(b"old")

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(package_mod, "write_manifest", boom)
    with pytest.raises(ExportError) as info:
        export_sip(scanned, dest)
    assert info.value.findings[0].code == Code.EXPORT_FAILED
    assert "boom" in info.value.findings[0].params["error"]
    assert isinstance(info.value.__cause__, RuntimeError)
    assert dest.read_bytes() == b"old"
    assert leftovers(dest.parent, {"sip.zip"}) == []


def test_exception_while_copying_leaves_nothing(
    scanned: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "out" / "sip.zip"
    dest.parent.mkdir()
    calls = 0
    real_read = package_mod._readinto

    def flaky(src: Any, buf: bytearray) -> int:
        nonlocal calls
        calls += 1
        if calls == 5:
            raise KeyError("unexpected")
        return real_read(src, buf)

    monkeypatch.setattr(package_mod, "_readinto", flaky)
    with pytest.raises(ExportError) as info:
        export_sip(scanned, dest)
    assert info.value.findings[0].code == Code.EXPORT_FAILED
    assert leftovers(dest.parent, set()) == []


def test_source_changed_is_reported_and_manifest_matches_copy(
    scanned: Package, odd_tree: Path, tmp_path: Path
) -> None:
    same_size = odd_tree / "Courrier" / "Sous-dossier" / "notes.txt"
    grown = odd_tree / "Courrier" / "Sous-dossier" / "registre.xml"
    same_size.write_bytes(same_size.read_bytes().upper())
    with open(grown, "ab") as f:
        f.write(b"<!-- ajout -->\n")
    before = {o.uid: (o.size, o.digest) for _u, o in scanned.objects()}

    dest = tmp_path / "sip.zip"
    report = export_sip(scanned, dest, verify=True)
    changed = [f for f in report.findings if f.code == Code.SOURCE_CHANGED]
    assert sorted(f.path for f in changed) == sorted([str(same_size), str(grown)])
    assert all(f.severity == Severity.WARNING and f.unit_uid for f in changed)
    grown_finding = next(f for f in changed if f.path == str(grown))
    assert grown_finding.params["actual_size"] == grown.stat().st_size
    assert grown_finding.params["expected_size"] == grown.stat().st_size - 15
    with zipfile.ZipFile(dest) as zf:
        for d in manifest_objects(zf.read("manifest.xml")):
            assert d["digest"] == sha512_of(zf, d["uri"])
            assert (d["size"] or 0) == zf.getinfo(d["uri"]).file_size
    # the caller's model is left as it was
    assert {o.uid: (o.size, o.digest) for _u, o in scanned.objects()} == before


def test_missing_sources_are_all_reported(scanned: Package, odd_tree: Path, tmp_path: Path) -> None:
    gone = [odd_tree / "Courrier" / "rapport.pdf", odd_tree / "Courrier" / "plan.png"]
    for path in gone:
        path.unlink()
    dest = tmp_path / "sip.zip"
    with pytest.raises(ExportError) as info:
        export_sip(scanned, dest)
    findings = info.value.findings
    assert {f.code for f in findings} == {Code.SOURCE_MISSING}
    assert sorted(f.path for f in findings) == sorted(map(str, gone))
    assert not dest.exists()


def test_source_vanishing_during_export(tmp_path: Path) -> None:
    pkg = small_package(tmp_path / "src", {"a.txt": b"a" * 100, "b.txt": b"b" * 100})
    victim = tmp_path / "src" / "b.txt"
    out = tmp_path / "out"
    out.mkdir()
    progress = FakeProgress(at=2, hook=victim.unlink)  # after the first chunk of a.txt
    with pytest.raises(ExportError) as info:
        export_sip(pkg, out / "sip.zip", progress=progress)
    assert [f.code for f in info.value.findings] == [Code.SOURCE_MISSING]
    assert info.value.findings[0].path == str(victim)
    assert leftovers(out, set()) == []


def test_unreadable_source(
    scanned: Package, odd_tree: Path, tmp_path: Path, make_unreadable: Callable[[Path], None]
) -> None:
    target = odd_tree / "Courrier" / "plan.png"
    out = tmp_path / "out"
    out.mkdir()
    make_unreadable(target)
    with pytest.raises(ExportError) as info:
        export_sip(scanned, out / "sip.zip")
    assert [f.code for f in info.value.findings] == [Code.SOURCE_UNREADABLE]
    assert info.value.findings[0].path == str(target)
    assert leftovers(out, set()) == []


def test_destination_problems(scanned: Package, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as info:
        export_sip(scanned, tmp_path / "absent" / "sip.zip")
    assert info.value.findings[0].code == Code.UNSAFE_DESTINATION
    assert info.value.findings[0].params["reason"] == "no_folder"
    with pytest.raises(ExportError) as info:
        export_sip(scanned, tmp_path)
    assert info.value.findings[0].code == Code.UNSAFE_DESTINATION
    assert info.value.findings[0].params["reason"] == "folder"
    with pytest.raises(ValueError):
        export_sip(scanned, tmp_path / "x.zip", version="2.0")


def test_verify_failure_refuses_the_zip(
    scanned: Package, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "out" / "sip.zip"
    dest.parent.mkdir()
    dest.write_bytes(b"old")

    def bad_hash(zf: Any, member: Any, algorithm: str, tick: Any) -> tuple[int, str]:
        return member.file_size, "0" * 128

    monkeypatch.setattr(package_mod, "_hash_member", bad_hash)
    with pytest.raises(ExportError) as info:
        export_sip(scanned, dest, verify=True)
    assert info.value.findings and {f.code for f in info.value.findings} == {Code.VAL_DIGEST}
    assert dest.read_bytes() == b"old"
    assert leftovers(dest.parent, {"sip.zip"}) == []


def test_verify_sip_detects_tampering(scanned: Package, tmp_path: Path) -> None:
    dest = tmp_path / "sip.zip"
    export_sip(scanned, dest)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(dest) as src, zipfile.ZipFile(tampered, "w") as out:
        victim = next(n for n in src.namelist() if n.endswith(".pdf"))
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info, data + b"%" if info.filename == victim else data)
    findings = verify_sip(tampered)
    digest = [f for f in findings if f.code == Code.VAL_DIGEST]
    assert [f.path for f in digest] == [victim]
    assert digest[0].params["expected"] != digest[0].params["actual"]


# -- read_sip + re-export -----------------------------------------------------------------


def test_reexport_of_read_sip_gives_identical_digests(scanned: Package, tmp_path: Path) -> None:
    first = tmp_path / "first.zip"
    export_sip(scanned, first)
    pkg, findings = read_sip(first)
    assert findings == []
    assert all(o.source.startswith(f"zip:{first}!content/") for _u, o in pkg.objects())
    second = tmp_path / "second.zip"
    report = export_sip(pkg, second, verify=True)
    assert report.findings == []
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(second) as b:
        one = manifest_objects(a.read("manifest.xml"))
        two = manifest_objects(b.read("manifest.xml"))
        assert Counter((d["filename"], d["digest"]) for d in one) == Counter(
            (d["filename"], d["digest"]) for d in two
        )
        by_name = {d["filename"]: d["uri"] for d in two}
        for d in one:
            assert a.read(d["uri"]) == b.read(by_name[d["filename"]])

    # never over the very zip it reads from (the SIP being read is the user's copy)
    before = first.read_bytes()
    with pytest.raises(ExportError) as info:
        export_sip(pkg, first)
    assert info.value.findings[0].code == Code.UNSAFE_DESTINATION
    assert first.read_bytes() == before and verify_sip(first) == []


def test_reexport_fixes_entry_names_the_sae_refuses(tmp_path: Path) -> None:
    pkg, findings = read_sip(SIPS / "KO" / "SIP_KO_PlusSignInFileName.zip")
    bad = [f for f in findings if f.code == Code.SIP_BAD_ENTRY_NAME]
    assert [f.path for f in bad] == ["Content/ID+13.txt"]
    report = export_sip(pkg, tmp_path / "fixed.zip", verify=True)
    assert all(entry_name_ok(n) for n in report.entry_names)
    pkg2, findings2 = read_sip(tmp_path / "fixed.zip")
    assert not [f for f in findings2 if f.code.startswith("sip.")]


def test_reexport_keeps_other_algorithms_checked(tmp_path: Path) -> None:
    """A SIP with SHA-256 digests: checked with SHA-256 while copying, written SHA-512."""
    pkg, _ = read_sip(SIPS / "OK" / "OK_EMPRT_SHA256_2.zip")
    algorithms = {o.digest_algorithm for _u, o in pkg.objects()}
    assert algorithms - {"SHA-512"}
    report = export_sip(pkg, tmp_path / "re.zip", verify=True)
    assert not [f for f in report.findings if f.code == Code.SOURCE_CHANGED]
    with zipfile.ZipFile(tmp_path / "re.zip") as zf:
        assert {d["algorithm"] for d in manifest_objects(zf.read("manifest.xml"))} == {"SHA-512"}


def _index_rows() -> list[tuple[str, str]]:
    rows = []
    lines = (SIPS / "INDEX.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        if (
            row["file"].startswith("OK/")
            and row.get("use") == "yes"
            and row.get("seda_version") in VERSIONS
        ):
            rows.append((row["file"], row["seda_version"]))
    return rows


VITAM_OK = _index_rows()


def test_vitam_ok_list_is_not_empty() -> None:
    assert len(VITAM_OK) > 100
    assert {v for _f, v in VITAM_OK} == set(VERSIONS)


@pytest.mark.parametrize(("name", "version"), VITAM_OK, ids=[f for f, _v in VITAM_OK])
def test_read_sip_on_vitam_ok(name: str, version: str) -> None:
    path = SIPS / name
    pkg, findings = read_sip(path)
    assert pkg.seda_version == version
    errors = [f for f in findings if f.severity == Severity.ERROR]
    assert errors == []
    with zipfile.ZipFile(path) as zf:
        members = set(zf.namelist())
    objects = [o for _u, o in pkg.objects()]
    for obj in objects:
        split = split_zip_source(obj.source)
        assert split is not None and Path(split[0]).resolve() == path.resolve()
        assert split[1] in members


def test_read_sip_missing_member_then_export_refuses(tmp_path: Path) -> None:
    pkg, findings = read_sip(SIPS / "KO" / "IT_integration-processing__KO_MANIFESTE-URI.zip")
    missing = [f for f in findings if f.code == Code.SIP_MISSING_MEMBER]
    assert [f.params["uri"] for f in missing] == ["Toto/ID5.pdf"]
    assert missing[0].unit_uid is not None
    assert [f.path for f in findings if f.code == Code.SIP_UNDECLARED_MEMBER] == ["Content/ID5.pdf"]
    with pytest.raises(ExportError) as info:
        export_sip(pkg, tmp_path / "x.zip")
    assert [f.code for f in info.value.findings] == [Code.SOURCE_MISSING]
    assert leftovers(tmp_path, set()) == []


def _codes(exc: pytest.ExceptionInfo[SipError]) -> set[str]:
    return {str(f.code) for f in exc.value.findings}


def test_read_sip_not_a_zip(tmp_path: Path) -> None:
    text = tmp_path / "notes.zip"
    text.write_text("pas un zip")
    with pytest.raises(SipError) as info:
        read_sip(text)
    assert _codes(info) == {Code.SIP_NOT_ZIP}
    with pytest.raises(SipError) as info:
        read_sip(tmp_path)
    assert _codes(info) == {Code.SIP_NOT_ZIP}
    with pytest.raises(SipError) as info:
        read_sip(tmp_path / "absent.zip")
    assert _codes(info) == {Code.NOT_FOUND}


def test_read_sip_corrupt_zip(scanned: Package, tmp_path: Path) -> None:
    good = tmp_path / "good.zip"
    export_sip(scanned, good)
    data = good.read_bytes()
    truncated = tmp_path / "truncated.zip"
    # half: the odd tree's stored ODT (itself a zip) ends the file there; the last bytes:
    # the end record is cut
    for cut in (len(data) // 2, len(data) - 10, 200):
        truncated.write_bytes(data[:cut])
        with pytest.raises(SipError) as info:
            read_sip(truncated)
        assert _codes(info) == {Code.SIP_CORRUPT}, cut

    # manifest bytes damaged: CRC error while reading it
    garbled = bytearray(data)
    with zipfile.ZipFile(good) as zf:
        info_m = zf.getinfo("manifest.xml")
        start = info_m.header_offset + 30 + len("manifest.xml") + len(info_m.extra) + 60
    garbled[start] ^= 0xFF
    bad = tmp_path / "garbled.zip"
    bad.write_bytes(bytes(garbled))
    with pytest.raises(SipError) as info:
        read_sip(bad)
    assert Code.SIP_CORRUPT in _codes(info) or Code.SIP_BAD_MANIFEST in _codes(info)


def test_read_sip_path_traversal(tmp_path: Path) -> None:
    with pytest.raises(SipError) as info:
        read_sip(SIPS / "KO" / "SIP_KO_PathTraversalInFileName.zip")
    assert Code.SIP_UNSAFE_ENTRY in _codes(info)
    assert any(f.params.get("reason") == "traversal" for f in info.value.findings)

    crafted = tmp_path / "abs.zip"
    with zipfile.ZipFile(crafted, "w") as zf:
        zf.writestr("manifest.xml", b"<x/>")
        info_abs = zipfile.ZipInfo("content/x")
        zf.writestr(info_abs, b"x")
    raw = crafted.read_bytes().replace(b"content/x", b"/tmp/evil")  # same length, both headers
    crafted.write_bytes(raw)
    with pytest.raises(SipError) as info:
        read_sip(crafted)
    assert any(f.params.get("reason") == "absolute" for f in info.value.findings)
    assert not Path("/tmp/evil").exists()


@pytest.mark.parametrize(
    ("name", "candidates"),
    [
        ("KO_BORD_absent.zip", []),
        ("$_manifest.xml_KO.zip", ["$_manifest.xml"]),
        ("KO_SIP_accent_manifest.zip", ["état_même_manifest.xml"]),
    ],
)
def test_read_sip_no_manifest(name: str, candidates: list[str]) -> None:
    with pytest.raises(SipError) as info:
        read_sip(SIPS / "KO" / name)
    first = info.value.findings[0]
    assert first.code == Code.SIP_NO_MANIFEST
    assert first.params["candidates"] == candidates


def test_read_sip_two_manifests_and_bad_xml(tmp_path: Path) -> None:
    two = tmp_path / "two.zip"
    with zipfile.ZipFile(two, "w") as zf:
        zf.writestr("manifest.xml", b"<a/>")
        zf.writestr("SIP_manifest.xml", b"<a/>")
    with pytest.raises(SipError) as info:
        read_sip(two)
    assert _codes(info) == {Code.SIP_MANY_MANIFESTS}

    with pytest.raises(SipError) as info:
        read_sip(SIPS / "KO" / "KO_manifest_mauvais_format.zip")
    assert Code.SIP_BAD_MANIFEST in _codes(info)
    assert Code.MANIFEST_MALFORMED in _codes(info)


def test_read_sip_overlapping_entries_bomb(tmp_path: Path) -> None:
    path = tmp_path / "overlap.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.xml", b"<a/>" * 100)
        zf.writestr("content/ID1", b"z" * 100)
    data = bytearray(path.read_bytes())
    # point the second central-directory record at the first local header
    first_cd = data.find(b"PK\x01\x02")
    second_cd = data.find(b"PK\x01\x02", first_cd + 4)
    struct.pack_into("<I", data, second_cd + 42, 0)
    path.write_bytes(bytes(data))
    with pytest.raises(SipError) as info:
        read_sip(path)
    assert Code.SIP_ZIP_BOMB in _codes(info)
    assert any(f.params.get("reason") == "overlap" for f in info.value.findings)


def test_read_sip_ratio_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_mod, "BOMB_MIN_SIZE", 1000)
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.xml", b"<a/>")
        zf.writestr("content/zeros", b"\0" * (2 << 20))
    with pytest.raises(SipError) as info:
        read_sip(path)
    assert Code.SIP_ZIP_BOMB in _codes(info)


def test_read_sip_bad_names_are_findings(tmp_path: Path) -> None:
    pkg, findings = read_sip(SIPS / "KO" / "KO_FORMT_ext_caractere_special.zip")
    assert [f.path for f in findings if f.code == Code.SIP_BAD_ENTRY_NAME] == ["Content/ID19.txt#"]
    pkg, findings = read_sip(SIPS / "KO" / "SIP_KO_BackSlashInFileName.zip")
    assert [f.path for f in findings if f.code == Code.SIP_BAD_ENTRY_NAME] == ["Content/ID\\13.txt"]


# -- big ones -----------------------------------------------------------------------------


@pytest.mark.slow
def test_zip64_sparse_file_over_4gib(tmp_path: Path) -> None:
    size = (4 << 30) + 12345
    big = tmp_path / "énorme.bin"
    with open(big, "wb") as f:
        f.truncate(size)  # sparse: costs no disk
    obj = BinaryObject(source=str(big), filename=big.name, size=size)
    root = ArchiveUnit("Gros", level=DescriptionLevel.ITEM, objects=[obj])
    dest = tmp_path / "big.zip"
    try:
        report = export_sip(Package(roots=[root]), dest, verify=True)
        assert report.verified and report.total_bytes == size
        with zipfile.ZipFile(dest) as zf:
            info = zf.getinfo(report.entries[obj.uid])
            assert info.file_size == size and info.compress_type == zipfile.ZIP_STORED
            assert size > zipfile.ZIP64_LIMIT
            (declared,) = manifest_objects(zf.read("manifest.xml"))
        assert declared["size"] == size
        assert declared["digest"] == report.digests[obj.uid]
    finally:
        dest.unlink(missing_ok=True)


@pytest.mark.slow
def test_more_than_65535_entries(tmp_path: Path) -> None:
    """ZIP64 end of central directory: objects copied from one member of a source zip."""
    source = tmp_path / "source.zip"
    with zipfile.ZipFile(source, "w") as zf:
        zf.writestr("content/one.txt", b"un")
    digest = hashlib.sha512(b"un").hexdigest()
    root = ArchiveUnit("Beaucoup")
    count = 66_000
    for n in range(count):
        obj = BinaryObject(
            source=zip_source(source, "content/one.txt"),
            filename=f"f{n}.txt",
            size=2,
            digest=digest,
        )
        root.add(ArchiveUnit(f"f{n}", level=DescriptionLevel.ITEM, objects=[obj]))
    dest = tmp_path / "many.zip"
    started = datetime.now()
    report = export_sip(Package(roots=[root]), dest)
    assert report.files == count
    with zipfile.ZipFile(dest) as zf:
        assert len(zf.infolist()) == count + 1
    print("66,000 entries in", datetime.now() - started)
    shutil.rmtree(tmp_path, ignore_errors=True)


def big_files_package(folder: Path, sizes: list[int]) -> Package:
    folder.mkdir()
    for i, size in enumerate(sizes):
        (folder / f"gros{i}.bin").write_bytes(os.urandom(size))
    (folder / "petit.txt").write_bytes(b"entre deux gros\n")
    return Package(roots=list(scan([folder], workers=0).roots))


def test_big_files_are_copied_side_by_side(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two or more big files in a row go through write_parallel: each entry in its own
    place, CRC-32 and SHA-512 right, the zip readable and verified."""
    monkeypatch.setattr(package_mod, "_PARALLEL_MIN", 1 << 20)
    runs: list[int] = []
    real = package_mod._Export.write_parallel

    def spy(self: Any, zf: Any, run: Any, when: Any) -> bool:
        ok = real(self, zf, run, when)
        runs.append(len(run) if ok else -len(run))
        return bool(ok)

    monkeypatch.setattr(package_mod._Export, "write_parallel", spy)
    pkg = big_files_package(tmp_path / "src", [(3 << 20) + 17, (2 << 20) + 5, 1 << 20])
    report = export_sip(pkg, tmp_path / "sip.zip", verify=True)
    assert report.verified and report.findings == []
    assert runs == [3]
    with zipfile.ZipFile(tmp_path / "sip.zip") as zf:
        assert zf.testzip() is None
        names = [i.filename for i in zf.infolist()]
        assert len(names) == 5 and names[-1] == "manifest.xml"
    for _unit, obj in pkg.objects():
        assert report.digests[obj.uid] == hashlib.sha512(Path(obj.source).read_bytes()).hexdigest()


def test_big_file_changed_size_falls_back_to_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big file that grew since the scan: the side-by-side copy is undone, the files are
    copied one by one, the manifest says what was copied and the user is warned."""
    monkeypatch.setattr(package_mod, "_PARALLEL_MIN", 1 << 20)
    pkg = big_files_package(tmp_path / "src", [2 << 20, 2 << 20])
    grown = tmp_path / "src" / "gros1.bin"
    real_size = package_mod._Sources.size
    calls: list[str] = []

    def size(self: Any, source: str) -> int:
        calls.append(source)
        if source == str(grown) and len([c for c in calls if c == source]) == 2:
            with open(grown, "ab") as f:  # grows between write_parallel's plan and its copy
                f.write(b"ajout")
            return real_size(self, source) - 5
        return int(real_size(self, source))

    monkeypatch.setattr(package_mod._Sources, "size", size)
    report = export_sip(pkg, tmp_path / "sip.zip", verify=True)
    assert report.verified
    assert [f.code for f in report.findings] == [Code.SOURCE_CHANGED]
    with zipfile.ZipFile(tmp_path / "sip.zip") as zf:
        assert zf.testzip() is None
        sizes = sorted(i.file_size for i in zf.infolist() if i.filename.startswith("content/"))
    assert sizes == sorted([2 << 20, (2 << 20) + 5, 16])


@pytest.mark.parametrize("version", VERSIONS)
def test_agency_names_written_in_the_header_valid_and_read_back(
    scanned: Package, tmp_path: Path, schemas: Callable[[str, str], Any], version: str
) -> None:
    """The header names its agencies (``OrganizationDescriptiveMetadata``, a name in SEDA
    1.0's namespace): valid against both XSD flavours, read back, so the slip of a SIP says
    « Mairie de X (COMMUNE-X) » without the profile. Not when a transfer profile is named:
    SHERPA's profiles (Vitam's samples) allow only ``Identifier`` there."""
    from seda.manifest import SEDA1_NS

    scanned.header.archival_agency_name = "Archives départementales & co <AD>"
    scanned.header.transferring_agency_name = "Mairie de Saint-Exemple"
    dest = tmp_path / f"v{version}.zip"
    export_sip(scanned, dest, version=version)
    with zipfile.ZipFile(dest) as zf:
        data = zf.read("manifest.xml")
    root = etree.fromstring(data)
    names = {
        etree.QName(agency).localname: agency.findtext(
            f"{{*}}OrganizationDescriptiveMetadata/{{{SEDA1_NS}}}Name"
        )
        for agency in root
        if etree.QName(agency).localname.endswith("Agency")
    }
    assert names == {
        "ArchivalAgency": "Archives départementales & co <AD>",
        "TransferringAgency": "Mairie de Saint-Exemple",
    }
    standard = schemas(version, "standard")
    assert standard.validate(root.getroottree()), standard.error_log
    assert list(schemas(version, "vitam").iter_errors(root.getroottree())) == []
    read, _findings = read_sip(dest)
    assert read.header.archival_agency == "FRAD000"
    assert read.header.archival_agency_name == "Archives départementales & co <AD>"
    assert read.header.transferring_agency_name == "Mairie de Saint-Exemple"

    scanned.header.archival_profile = "PR-000001"
    export_sip(scanned, tmp_path / "profil.zip", version=version)
    with zipfile.ZipFile(tmp_path / "profil.zip") as zf:
        assert b"OrganizationDescriptiveMetadata" not in zf.read("manifest.xml")


def test_export_reads_each_source_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan's digests are verified while copying, never by a read of its own: every
    source byte is read once, by the copy (big files side by side and small ones alike),
    and a file changed since the scan still says so (SOURCE_CHANGED)."""
    monkeypatch.setattr(package_mod, "_PARALLEL_MIN", 1 << 20)
    pkg = big_files_package(tmp_path / "src", [(2 << 20) + 3, (1 << 20) + 9, 5000])
    small = tmp_path / "src" / "gros2.bin"
    small.write_bytes(bytes(5000))  # same size, other bytes than at the scan
    read: dict[str, int] = {}
    real_open = open

    class Counting:
        def __init__(self, raw: Any, name: str) -> None:
            self.raw, self.name = raw, name

        def readinto(self, buf: Any) -> int:
            n = self.raw.readinto(buf)
            read[self.name] = read.get(self.name, 0) + (n or 0)
            return n  # type: ignore[no-any-return]

        def read(self, size: int = -1) -> bytes:
            data = self.raw.read(size)
            read[self.name] = read.get(self.name, 0) + len(data)
            return data  # type: ignore[no-any-return]

        def __getattr__(self, attr: str) -> Any:
            return getattr(self.raw, attr)

        def __enter__(self) -> Counting:
            return self

        def __exit__(self, *exc: object) -> None:
            self.raw.close()

    def counting_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        if "r" in mode and str(file).startswith(str(tmp_path / "src")):
            return Counting(handle, os.fspath(file))
        return handle

    monkeypatch.setattr(package_mod, "open", counting_open, raising=False)
    report = export_sip(pkg, tmp_path / "sip.zip")
    sizes = {str(p): p.stat().st_size for p in (tmp_path / "src").iterdir()}
    assert read == sizes  # each source read exactly once, whole
    assert [(f.code, f.path) for f in report.findings] == [(Code.SOURCE_CHANGED, str(small))]
    with zipfile.ZipFile(tmp_path / "sip.zip") as zf:
        assert zf.testzip() is None
        for d in manifest_objects(zf.read("manifest.xml")):
            assert d["digest"] == sha512_of(zf, d["uri"])


def test_disk_full_while_big_files_are_copied_side_by_side(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write failing on the writing thread of write_parallel reaches the caller as
    DISK_FULL, and nothing is left beside the destination."""
    monkeypatch.setattr(package_mod, "_PARALLEL_MIN", 1 << 20)
    pkg = big_files_package(tmp_path / "src", [(3 << 20) + 1, (2 << 20) + 7])
    out = tmp_path / "out"
    out.mkdir()
    real = os.pwrite
    writes = 0

    def pwrite(fd: int, data: Any, offset: int) -> int:
        nonlocal writes
        writes += 1
        if writes == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data, offset)

    monkeypatch.setattr(package_mod.os, "pwrite", pwrite)
    with pytest.raises(ExportError) as info:
        export_sip(pkg, out / "sip.zip")
    assert [f.code for f in info.value.findings] == [Code.DISK_FULL]
    assert writes >= 3
    assert leftovers(out, set()) == []
