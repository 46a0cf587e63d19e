"""seda.scan: unit tree, findings, dates, hashing and identification in worker processes."""

from __future__ import annotations

import builtins
import hashlib
import multiprocessing
import os
import sys
import threading
import time
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from seda.findings import Code, Finding, Severity
from seda.model import SHARED_EMPTY, ArchiveUnit, BinaryObject, DescriptionLevel
from seda.progress import Cancelled
from seda.scan import (
    DEFAULT_EXCLUSIONS,
    ENGINE_GOGC,
    analyse,
    apply_results,
    binary_objects,
    mp_context,
    natural_key,
    scan,
    walk,
)
from tests.conftest import LONG_NAME, TXT_BYTES, odt_bytes, pdf_bytes, png_bytes


def by_title(unit: ArchiveUnit) -> dict[str, ArchiveUnit]:
    return {child.title: child for child in unit.children}


def find(root: ArchiveUnit, *titles: str) -> ArchiveUnit:
    unit = root
    for title in titles:
        unit = by_title(unit)[title]
    return unit


def codes(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def names(findings: list[Finding], code: str) -> set[str]:
    return {os.path.basename(f.path) for f in codes(findings, code)}


class FakeProgress:
    """Records reports; cancelled() turns True once ``cancel_when(done)`` says so."""

    def __init__(self, cancel_when: Callable[[int], bool] | None = None) -> None:
        self.reports: list[tuple[int, int, str]] = []
        self.cancel_when = cancel_when
        self.calls = 0

    def report(self, done: int, total: int, message: str = "") -> None:
        self.reports.append((done, total, message))

    def cancelled(self) -> bool:
        self.calls += 1
        done = self.reports[-1][0] if self.reports else 0
        return self.cancel_when is not None and self.cancel_when(done)


# -- walk: tree shape -------------------------------------------------------------------


def test_walk_builds_the_unit_tree(odd_tree: Path) -> None:
    result = walk([odd_tree])
    assert len(result.roots) == 1
    root = result.roots[0]
    assert root.title == "Versement été"
    assert root.level == DescriptionLevel.RECORD_GRP
    assert root.parent is None
    assert [c.title for c in root.children] == [
        "Bizarre",
        "Courrier",
        unicodedata.normalize("NFC", "Délibérations"),
        "Liens",
        "Vide",
    ]
    courrier = find(root, "Courrier")
    assert [c.title for c in courrier.children] == ["plan.png", "rapport.pdf", "Sous-dossier"]
    assert [c.title for c in find(courrier, "Sous-dossier").children] == [
        "notes.txt",
        "registre.xml",
    ]
    for unit in root.walk():
        for child in unit.children:
            assert child.parent is unit
    # Nothing left out got a unit.
    titles = {u.title for u in root.walk()}
    for absent in (
        "Thumbs.db",
        "~$lock.docx",
        "brouillon.TMP",
        "tube",
        "raccourci.lnk",
        "cassé",
        "dehors",
        "boucle",
        "interne",
    ):
        assert absent not in titles
    assert result.engine == "" and result.signature_version == ""


def test_walk_items_have_one_object_without_content(odd_tree: Path) -> None:
    root = walk([odd_tree]).roots[0]
    items = [u for u in root.walk() if u.level == DescriptionLevel.ITEM]
    assert len(items) == 12
    for item in items:
        assert not item.children
        assert len(item.objects) == 1
        obj = item.objects[0]
        assert os.path.isabs(obj.source) and os.path.isfile(obj.source)
        assert obj.filename == item.title
        assert obj.size == os.path.getsize(obj.source)
        assert obj.last_modified is not None and obj.last_modified.tzinfo is not None
        assert obj.digest == "" and obj.format.puid == ""
        assert item.source == obj.source
    folders = [u for u in root.walk() if u.level == DescriptionLevel.RECORD_GRP]
    assert all(not f.objects for f in folders)


def test_titles_are_nfc_and_keep_odd_characters(odd_tree: Path) -> None:
    root = walk([odd_tree]).roots[0]
    titles = [u.title for u in root.walk()]
    assert all(unicodedata.is_normalized("NFC", t) for t in titles)
    delib = find(root, "Délibérations")  # NFD on disk
    assert delib.source.endswith(unicodedata.normalize("NFD", "Délibérations"))
    assert "délib.odt" in by_title(delib)
    bizarre = by_title(find(root, "Bizarre"))
    assert {"photo 😀.txt", LONG_NAME, "question?.txt", "CON.txt"} <= set(bizarre)


def test_walk_does_not_read_file_contents(odd_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"walk opened {args[0]!r}")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(os, "open", refuse)
    result = walk([odd_tree])
    assert len(list(result.roots[0].walk())) > 10


def test_dates_come_from_mtimes_and_propagate_up(odd_tree: Path) -> None:
    root = walk([odd_tree]).roots[0]
    pdf = find(root, "Courrier", "rapport.pdf")
    assert (pdf.start_date, pdf.end_date) == (date(2019, 1, 10), date(2019, 1, 10))
    sub = find(root, "Courrier", "Sous-dossier")
    assert (sub.start_date, sub.end_date) == (date(2020, 6, 15), date(2021, 3, 5))
    courrier = find(root, "Courrier")
    assert (courrier.start_date, courrier.end_date) == (date(2019, 1, 10), date(2021, 3, 5))
    assert (root.start_date, root.end_date) == (date(2019, 1, 10), date(2021, 3, 5))
    vide = find(root, "Vide")
    assert vide.start_date is None and vide.end_date is None
    bizarre = find(root, "Bizarre")
    assert bizarre.start_date == bizarre.end_date == date(2020, 6, 15)


def test_natural_case_insensitive_order(tmp_path: Path) -> None:
    for name in ("10.txt", "2.txt", "b.txt", "A.txt", "a3.txt", "a20.txt", "É.txt"):
        (tmp_path / name).write_bytes(b"x")
    root = walk([tmp_path]).roots[0]
    assert [c.title for c in root.children] == [
        "2.txt",
        "10.txt",
        "a3.txt",
        "a20.txt",
        "A.txt",
        "b.txt",
        "É.txt",
    ]
    assert natural_key("file2") < natural_key("FILE10")


def test_several_paths_and_a_file_root(odd_tree: Path, tmp_path: Path) -> None:
    other = tmp_path / "Autre"
    other.mkdir()
    (other / "a.txt").write_bytes(b"a")
    loose = tmp_path / "dehors.txt"
    result = walk([odd_tree, other, loose, tmp_path / "absent"])
    assert [r.title for r in result.roots] == ["Versement été", "Autre", "dehors.txt"]
    file_root = result.roots[2]
    assert file_root.level == DescriptionLevel.ITEM and file_root.parent is None
    assert file_root.objects[0].source == str(loose)
    missing = codes(result.findings, Code.NOT_FOUND)
    assert [f.path for f in missing] == [str(tmp_path / "absent")]
    assert missing[0].severity == Severity.ERROR


# -- walk: findings ---------------------------------------------------------------------


def test_excluded_files(odd_tree: Path) -> None:
    result = walk([odd_tree])
    excluded = codes(result.findings, Code.EXCLUDED)
    assert {os.path.basename(f.path): f.params["pattern"] for f in excluded} == {
        "Thumbs.db": "Thumbs.db",
        "~$lock.docx": "~$*",
        "brouillon.TMP": "*.tmp",
    }
    assert all(f.severity == Severity.INFO for f in excluded)
    assert all(f.unit_uid == result.roots[0].uid for f in excluded)  # the folder holding them


def test_no_exclusions_keeps_everything(odd_tree: Path) -> None:
    result = walk([odd_tree], exclusions=())
    assert not codes(result.findings, Code.EXCLUDED)
    assert {"Thumbs.db", "~$lock.docx", "brouillon.TMP"} <= {
        c.title for c in result.roots[0].children
    }
    assert "Thumbs.db" in DEFAULT_EXCLUSIONS


def test_links(odd_tree: Path) -> None:
    result = walk([odd_tree])
    root = result.roots[0]
    loops = codes(result.findings, Code.LINK_LOOP)
    assert {os.path.basename(f.path) for f in loops} == {"boucle", "interne"}
    assert {f.params["target"] for f in loops} == {
        os.path.realpath(odd_tree),
        os.path.realpath(odd_tree / "Courrier" / "plan.png"),
    }
    (broken,) = codes(result.findings, Code.BROKEN_LINK)
    assert broken.path.endswith("cassé") and broken.params["target"] == "absent"
    (outside,) = codes(result.findings, Code.LINK_OUTSIDE)
    assert outside.path.endswith("dehors")
    assert outside.params["target"] == os.path.realpath(odd_tree.parent / "dehors.txt")
    assert outside.severity == Severity.WARNING
    liens = find(root, "Liens")
    assert liens.children == []
    assert broken.unit_uid == liens.uid
    # plan.png appears once: the real file, not the link.
    assert [u.title for u in root.walk()].count("plan.png") == 1


def test_link_chain_loop_and_dropped_link(tmp_path: Path) -> None:
    tree = tmp_path / "arbre"
    (tree / "dossier").mkdir(parents=True)
    (tree / "dossier" / "f.txt").write_bytes(b"f")
    (tree / "a").symlink_to("b")
    (tree / "b").symlink_to("a")
    dropped = tmp_path / "raccourci-vers-arbre"
    dropped.symlink_to(tree, target_is_directory=True)
    result = walk([dropped])
    assert names(result.findings, Code.LINK_LOOP) == {"a", "b"}
    (root,) = result.roots
    assert root.title == "raccourci-vers-arbre"  # a dropped link is followed
    assert [c.title for c in root.children] == ["dossier"]


def test_link_to_excluded_target(tmp_path: Path) -> None:
    (tmp_path / "~$verrou.docx").write_bytes(b"x")
    (tmp_path / "lien.docx").symlink_to("~$verrou.docx")
    result = walk([tmp_path])
    assert names(result.findings, Code.EXCLUDED) == {"~$verrou.docx", "lien.docx"}
    assert result.roots[0].children == []


def test_overlapping_dropped_folders(odd_tree: Path) -> None:
    result = walk([odd_tree, odd_tree / "Courrier"])
    assert len(result.roots) == 1
    (dup,) = codes(result.findings, Code.ALREADY_INCLUDED)
    assert dup.path == str(odd_tree / "Courrier")


def test_shortcut_special_empty(odd_tree: Path) -> None:
    result = walk([odd_tree])
    root = result.roots[0]
    (lnk,) = codes(result.findings, Code.SHORTCUT)
    assert lnk.path.endswith("raccourci.lnk") and lnk.severity == Severity.WARNING
    (fifo,) = codes(result.findings, Code.SPECIAL_FILE)
    assert fifo.path.endswith("tube") and fifo.params["kind"] == "fifo"
    empty_folders = codes(result.findings, Code.EMPTY_FOLDER)
    assert names(result.findings, Code.EMPTY_FOLDER) == {"Vide", "Liens"}  # Liens: all left out
    assert {f.unit_uid for f in empty_folders} == {find(root, "Vide").uid, find(root, "Liens").uid}
    assert all(f.severity == Severity.WARNING for f in empty_folders)
    (empty,) = codes(result.findings, Code.EMPTY_FILE)
    vide = find(root, "Délibérations", "vide.txt")  # kept
    assert empty.unit_uid == vide.uid and vide.objects[0].size == 0


def test_odd_names(odd_tree: Path) -> None:
    result = walk([odd_tree])
    root = result.roots[0]
    reasons = {
        (os.path.basename(f.path), f.params["reason"])
        for f in codes(result.findings, Code.ODD_NAME)
    }
    assert reasons == {
        ("question?.txt", "windows_chars"),
        ("deux:points.txt", "windows_chars"),
        ("finit-par-un-point.", "trailing_dot_space"),
        ("CON.txt", "reserved_name"),
        (LONG_NAME, "long_path"),
    }
    odd = codes(result.findings, Code.ODD_NAME)
    assert all(f.severity == Severity.INFO for f in odd)
    bizarre = by_title(find(root, "Bizarre"))
    assert {f.unit_uid for f in odd} == {
        bizarre[n].uid
        for n in ("question?.txt", "deux:points.txt", "finit-par-un-point.", "CON.txt", LONG_NAME)
    }


def test_undecodable_name(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"rapport-\xe9t\xe9.txt")  # Latin-1 bytes
    with open(raw, "wb") as handle:
        handle.write(b"contenu")
    result = walk([tmp_path])
    (item,) = result.roots[0].children
    assert item.title == "rapport-\ufffdt\ufffd.txt"
    item.title.encode("utf-8")  # XML-safe
    assert item.objects[0].filename == item.title
    with open(item.objects[0].source, "rb") as handle:  # the path still opens the file
        assert handle.read() == b"contenu"
    (odd,) = codes(result.findings, Code.ODD_NAME)
    assert odd.params["reason"] == "undecodable" and odd.unit_uid == item.uid


def test_unreadable_folder_and_file(
    odd_tree: Path, make_unreadable: Callable[[Path], None]
) -> None:
    make_unreadable(odd_tree / "Courrier" / "Sous-dossier")
    make_unreadable(odd_tree / "Courrier" / "plan.png")
    result = walk([odd_tree])
    unreadable = codes(result.findings, Code.UNREADABLE)
    assert names(result.findings, Code.UNREADABLE) == {"Sous-dossier", "plan.png"}
    assert all(f.severity == Severity.ERROR and "error" in f.params for f in unreadable)
    courrier = find(result.roots[0], "Courrier")
    assert [c.title for c in courrier.children] == ["rapport.pdf"]
    assert all(f.unit_uid == courrier.uid for f in unreadable)


def test_unreadable_root(tmp_path: Path, make_unreadable: Callable[[Path], None]) -> None:
    make_unreadable(tmp_path)
    result = walk([tmp_path])
    assert result.roots == []
    assert [f.code for f in result.findings] == [Code.UNREADABLE]


def test_very_deep_tree_is_walked_without_recursion(tmp_path: Path) -> None:
    depth = 1100  # deeper than Python's recursion limit, shorter than PATH_MAX
    folder = str(tmp_path)
    for _ in range(depth):
        folder = os.path.join(folder, "d")
        os.mkdir(folder)
    with open(os.path.join(folder, "fond.txt"), "wb") as handle:
        handle.write(b"x")
    try:
        result = walk([tmp_path / "d"])
        units = list(result.roots[0].walk())
        assert len(units) == depth + 1
        assert units[-1].title == "fond.txt"
        assert result.roots[0].end_date == units[-1].end_date is not None
    finally:
        remove_deep_tree(folder, str(tmp_path))


def remove_deep_tree(deepest: str, top: str) -> None:
    """Delete bottom-up without recursion: pytest's rmtree would hit the recursion limit."""
    for name in os.listdir(deepest):
        os.remove(os.path.join(deepest, name))
    while deepest != top:
        os.rmdir(deepest)
        deepest = os.path.dirname(deepest)


def test_walk_reports_progress_and_cancels(odd_tree: Path) -> None:
    progress = FakeProgress()
    walk([odd_tree], progress=progress)
    assert progress.reports and progress.reports[-1][0] >= 20
    assert [r[0] for r in progress.reports] == sorted(r[0] for r in progress.reports)
    with pytest.raises(Cancelled):
        walk([odd_tree], progress=FakeProgress(cancel_when=lambda done: done > 3))


def test_walk_counts_a_wide_tree(tmp_path: Path) -> None:
    for d in range(50):
        folder = tmp_path / f"dossier {d}"
        folder.mkdir()
        for i in range(100):
            (folder / f"f{i}.txt").write_bytes(b"")
    result = walk([tmp_path])  # its speed is measured in bench/, not here
    assert sum(1 for _ in result.roots[0].walk()) == 1 + 50 + 5000


# -- analyse / apply_results / scan ------------------------------------------------------


def sha512(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha512(handle.read()).hexdigest()


def test_scan_siegfried_in_processes(odd_tree: Path) -> None:
    result = scan([odd_tree], workers=2)
    root = result.roots[0]
    assert result.engine == "siegfried"
    assert "DROID_SignatureFile" in result.signature_version
    objects = binary_objects(result.roots)
    assert len(objects) == 12
    for obj in objects:
        assert obj.digest == sha512(obj.source), obj.filename
        assert obj.format.engine == "siegfried"
    fmt = {o.filename: o.format for o in objects}
    assert fmt["plan.png"].puid in ("fmt/11", "fmt/12", "fmt/13")
    assert (
        fmt["rapport.pdf"].puid.startswith("fmt/") and fmt["rapport.pdf"].mime == "application/pdf"
    )
    assert fmt["notes.txt"].puid == "x-fmt/111" or fmt["notes.txt"].mime == "text/plain"
    assert fmt["registre.xml"].puid == "fmt/101"
    assert fmt["délib.odt"].mime == "application/vnd.oasis.opendocument.text"  # not application/zip
    assert not codes(result.findings, Code.UNKNOWN_FORMAT)
    assert not codes(result.findings, Code.IDENTIFY_ERROR)
    # The walk's findings are still there.
    assert codes(result.findings, Code.LINK_LOOP) and codes(result.findings, Code.EMPTY_FILE)
    assert root.start_date == date(2019, 1, 10)


@pytest.mark.parametrize("engine", ["fido", "magic"])
def test_other_engines(odd_tree: Path, engine: str) -> None:
    result = scan([odd_tree / "Courrier"], engine=engine, workers=1)
    assert result.engine == engine and result.signature_version
    fmt = {o.filename: o.format for o in binary_objects(result.roots)}
    assert fmt["plan.png"].mime == "image/png"
    assert fmt["rapport.pdf"].mime == "application/pdf"
    if engine == "fido":
        assert fmt["plan.png"].puid == "fmt/11"
        assert "v109" in result.signature_version
    else:
        assert fmt["plan.png"].puid == ""
    assert not codes(result.findings, Code.UNKNOWN_FORMAT)


def sample_tree(tmp_path: Path) -> Path:
    folder = tmp_path / "echantillon"
    folder.mkdir()
    (folder / "image.png").write_bytes(png_bytes())
    (folder / "doc.pdf").write_bytes(pdf_bytes())
    (folder / "texte.odt").write_bytes(odt_bytes())
    (folder / "mystere").write_bytes(bytes(range(256)) * 7)
    (folder / "casse.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (folder / "notes.txt").write_bytes(TXT_BYTES)
    return folder


def objects_of(result_roots: list[ArchiveUnit]) -> tuple[dict[int, BinaryObject], dict[int, int]]:
    by_uid, unit_of = {}, {}
    for root in result_roots:
        for unit in root.walk():
            for obj in unit.objects:
                by_uid[obj.uid] = obj
                unit_of[obj.uid] = unit.uid
    return by_uid, unit_of


def test_analyse_does_not_mutate_and_apply_results_findings(tmp_path: Path) -> None:
    folder = sample_tree(tmp_path)
    walked = walk([folder])
    by_uid, unit_of = objects_of(walked.roots)
    os.remove(folder / "notes.txt")  # vanished between walk and analyse
    changed = folder / "doc.pdf"
    changed.write_bytes(pdf_bytes() + b"% appended\n")
    progress = FakeProgress()
    analysis = analyse(by_uid.values(), workers=2, progress=progress)
    batches = list(analysis)
    assert all(o.digest == "" for o in by_uid.values())  # analyse never touches the model
    results = [r for batch in batches for r in batch]
    assert sorted(r.uid for r in results) == sorted(by_uid)
    assert analysis.signature_version.startswith("DROID")
    assert progress.reports[-1][:2] == (6, 6)
    assert {r[2] for r in progress.reports} <= {"", *(o.filename for o in by_uid.values())}

    findings = apply_results(by_uid, results, unit_of=unit_of)
    got = {(f.code, os.path.basename(f.path)) for f in findings}
    assert got == {
        (Code.NOT_FOUND, "notes.txt"),
        (Code.CHANGED_DURING_SCAN, "doc.pdf"),
        (Code.UNKNOWN_FORMAT, "mystere"),
        (Code.UNKNOWN_FORMAT, "casse.zip"),
        (Code.IDENTIFY_ERROR, "casse.zip"),
    }
    for finding in findings:
        obj = next(o for o in by_uid.values() if o.source == finding.path)
        assert finding.unit_uid == unit_of[obj.uid]
    unknown = next(
        f for f in findings if f.code == Code.UNKNOWN_FORMAT and f.path.endswith("mystere")
    )
    import magic

    assert unknown.params["mime"] == magic.from_file(unknown.path, mime=True)  # filled by libmagic
    assert unknown.severity == Severity.WARNING
    pdf = next(o for o in by_uid.values() if o.filename == "doc.pdf")
    assert pdf.size == os.path.getsize(changed) and pdf.digest == sha512(str(changed))
    odt = next(o for o in by_uid.values() if o.filename == "texte.odt")
    assert odt.format.puid in ("fmt/290", "fmt/291", "fmt/1756") and odt.digest == sha512(
        odt.source
    )


def test_apply_results_unreadable_in_process(
    tmp_path: Path, make_unreadable: Callable[[Path], None]
) -> None:
    folder = sample_tree(tmp_path)
    walked = walk([folder])
    by_uid, unit_of = objects_of(walked.roots)
    make_unreadable(folder / "image.png")  # after the walk: hashing fails
    results = [r for batch in analyse(by_uid.values(), workers=0) for r in batch]
    findings = apply_results(by_uid, results, unit_of=unit_of)
    (unreadable,) = codes(findings, Code.UNREADABLE)
    assert unreadable.path.endswith("image.png") and unreadable.severity == Severity.ERROR
    assert "Permission denied" in unreadable.params["error"]
    png = next(o for o in by_uid.values() if o.filename == "image.png")
    assert png.digest == ""


def test_apply_results_ignores_removed_objects(tmp_path: Path) -> None:
    folder = sample_tree(tmp_path)
    by_uid, _ = objects_of(walk([folder]).roots)
    results = [r for batch in analyse(by_uid.values(), workers=0) for r in batch]
    kept = dict(list(by_uid.items())[:2])
    apply_results(kept, results)
    assert all(o.digest for o in kept.values())


def test_analyse_nothing() -> None:
    assert list(analyse([], workers=2)) == []
    with pytest.raises(ValueError):
        analyse([], engine="droid")


def many_files(tmp_path: Path, count: int) -> list[BinaryObject]:
    folder = tmp_path / "beaucoup"
    folder.mkdir()
    for i in range(count):
        (folder / f"f{i:05d}.txt").write_bytes(b"ligne %d\n" % i)
    return binary_objects(walk([folder]).roots)


def test_cancel_stops_workers(tmp_path: Path) -> None:
    objects = many_files(tmp_path, 3000)
    before = set(multiprocessing.active_children())
    progress = FakeProgress(cancel_when=lambda done: done > 0)
    seen = 0
    with pytest.raises(Cancelled):
        for batch in analyse(objects, workers=2, progress=progress):
            seen += len(batch)
    assert 0 < seen < len(objects)
    leftovers = [p for p in multiprocessing.active_children() if p not in before]
    assert leftovers == []


def test_cancel_interrupts_a_big_file(tmp_path: Path) -> None:
    """Cancel reaches a file being hashed: a 1 TiB sparse file (half an hour of SHA-512)
    must not be read to its end. The bound is liveness, not speed: without the
    interruption the scan would still be hashing long after it."""
    big = tmp_path / "gros.bin"
    with open(big, "wb") as handle:
        handle.truncate(1 << 40)  # sparse: nothing on disk
    obj = BinaryObject(source=str(big), filename="gros.bin", size=1 << 40)
    started = time.monotonic()
    progress = FakeProgress(cancel_when=lambda _done: time.monotonic() - started > 0.5)
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            list(analyse([obj], workers=1, progress=progress))
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(120)
    assert not thread.is_alive(), "the cancelled scan went on hashing the whole file"
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled), outcome
    assert multiprocessing.active_children() == []


def test_scan_cancelled_during_walk_leaves_no_workers(odd_tree: Path) -> None:
    with pytest.raises(Cancelled):
        scan([odd_tree], progress=FakeProgress(cancel_when=lambda done: done > 3))
    assert multiprocessing.active_children() == []


def test_analyse_from_a_non_main_thread(tmp_path: Path) -> None:
    objects = many_files(tmp_path, 300)
    out: dict[str, object] = {}

    def job() -> None:
        try:
            out["results"] = [r for batch in analyse(objects, workers=2) for r in batch]
        except BaseException as exc:  # reported to the test thread
            out["error"] = exc

    thread = threading.Thread(target=job)
    thread.start()
    thread.join(120)
    assert not thread.is_alive()
    assert "error" not in out
    results = out["results"]
    assert isinstance(results, list) and len(results) == 300
    digests = {r.uid: r.digest for r in results}
    for obj in objects:
        assert digests[obj.uid] == sha512(obj.source)


@pytest.mark.slow
def test_sparse_file_over_4_gib(tmp_path: Path) -> None:
    """A > 4 GiB file hashes right (sizes past 32 bits) in a worker process."""
    size = (4 << 30) + 12345
    big = tmp_path / "sparse.bin"
    with open(big, "wb") as handle:
        handle.truncate(size)
    expected = hashlib.sha512()
    zeros = bytes(1 << 20)
    left = size
    while left:
        n = min(left, len(zeros))
        expected.update(zeros[:n])
        left -= n
    obj = BinaryObject(source=str(big), filename="sparse.bin", size=size)
    results = [r for batch in analyse([obj], workers=1) for r in batch]
    assert results[0].size == size
    assert results[0].digest == expected.hexdigest()


CTRL_C_SCRIPT = """
import sys
from seda.scan import analyse
from seda.model import BinaryObject

if __name__ == "__main__":
    obj = BinaryObject(source=sys.argv[1], filename="gros.bin", size=int(sys.argv[2]))
    print("started", flush=True)
    try:
        for _ in analyse([obj], workers=2):
            pass
    except KeyboardInterrupt:
        print("interrupted", flush=True)
        sys.exit(3)
"""


def test_ctrl_c_in_a_terminal_does_not_hang(tmp_path: Path) -> None:
    """Ctrl+C reaches the whole process group: workers ignore it, the main process stops them."""
    import signal
    import subprocess
    import sys

    big = tmp_path / "gros.bin"
    size = 3 << 30
    with open(big, "wb") as handle:
        handle.truncate(size)
    script = tmp_path / "ctrl_c.py"
    script.write_text(CTRL_C_SCRIPT)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(big), str(size)],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "started"
        time.sleep(1.0)  # workers are hashing
        os.killpg(proc.pid, signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 3 and "interrupted" in out
    # Nothing left in the group (the fork server and resource tracker follow their parent).
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("processes left behind after Ctrl+C")


def test_a_worker_crash_loses_no_file(tmp_path: Path) -> None:
    """A worker killed mid-scan (e.g. an engine crash): its files are retried, none lost."""
    import signal

    objects = many_files(tmp_path, 1500)
    results = []
    killed = False
    for batch in analyse(objects, workers=2):
        results.extend(batch)
        if not killed:
            children = multiprocessing.active_children()
            assert children
            os.kill(children[0].pid, signal.SIGKILL)  # type: ignore[arg-type]
            killed = True
    assert killed
    assert sorted(r.uid for r in results) == sorted(o.uid for o in objects)
    digests = {r.uid: r.digest for r in results}
    assert all(digests[o.uid] == sha512(o.source) for o in objects)
    assert all(r.error == "" for r in results)
    assert multiprocessing.active_children() == []


def test_worker_pool_starts_lazily_and_is_kept_between_analyses(tmp_path: Path) -> None:
    """With keep_workers (the window), a second analysis reuses the first one's processes
    (engines already loaded); nothing starts before the analysis is iterated."""
    from seda import scan as scan_mod

    objects = many_files(tmp_path, 200)
    scan_mod.keep_workers(True)
    try:
        analysis = analyse(objects, workers=1)
        assert multiprocessing.active_children() == []  # lazy: nothing started yet
        first = [r for batch in analysis for r in batch]
        kept = scan_mod.kept_worker_pids()
        assert len(kept) == 1
        assert [p.pid for p in multiprocessing.active_children()] == kept

        seen: list[int] = []
        second = []
        for batch in analyse(objects, workers=1):
            seen.extend(p.pid for p in multiprocessing.active_children() if p.pid)
            second.extend(batch)
        assert set(seen) == set(kept)  # the same process did the second analysis
        assert scan_mod.kept_worker_pids() == kept
        assert {r.uid: r.digest for r in first} == {r.uid: r.digest for r in second}
        assert all(r.digest == sha512(o.source) for r, o in zip(second, objects, strict=False))

        # A cancelled analysis does not give back a pool (its workers were interrupted).
        progress = FakeProgress(cancel_when=lambda done: done > 0)
        (tmp_path / "b").mkdir()
        with pytest.raises(Cancelled):
            for _batch in analyse(many_files(tmp_path / "b", 2000), workers=1, progress=progress):
                pass
        assert scan_mod.kept_worker_pids() == []
    finally:
        scan_mod.keep_workers(False)
    assert scan_mod.kept_worker_pids() == []
    assert multiprocessing.active_children() == []


def test_a_million_files_share_what_they_can(tmp_path: Path) -> None:
    """Per-file memory: the time zone, the source string and the format texts are shared
    between files instead of one copy each (2.2 -> 1.7 KB a file at the scan's peak)."""
    folder = tmp_path / "lot"
    folder.mkdir()
    for i in range(4):
        (folder / f"note{i}.txt").write_bytes(b"Note %d\n" % i)
        (folder / f"acte{i}.pdf").write_bytes(pdf_bytes())
    result = scan([folder], workers=1)
    items = [u for u in result.roots[0].walk() if u.objects]
    assert len(items) == 8
    zones = {id(u.objects[0].last_modified.tzinfo) for u in items}  # type: ignore[union-attr]
    assert len(zones) == 1
    assert all(u.source is u.objects[0].source for u in items)
    pdfs = [u.objects[0].format for u in items if u.title.endswith(".pdf")]
    assert pdfs[0].puid and all(f.puid is pdfs[0].puid and f.name is pdfs[0].name for f in pdfs)
    empty = ("keywords", "originating_ids", "archival_ids", "file_plan_position", "children")
    assert all(getattr(u, name) is SHARED_EMPTY for u in items for name in empty)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_start_with_the_engine_gc_target() -> None:
    """Go reads GOGC only from the environment its process started with: a worker's (on
    Linux forked from the fork server, so the server's) must hold it."""
    from concurrent.futures import ProcessPoolExecutor

    expected = os.environ.get("GOGC", ENGINE_GOGC)
    with ProcessPoolExecutor(max_workers=1, mp_context=mp_context()) as pool:
        initial = pool.submit(Path("/proc/self/environ").read_bytes).result(timeout=120)
    assert f"GOGC={expected}".encode() in initial.split(b"\0")


def test_scanned_objects_share_format_records_and_days(tmp_path: Path) -> None:
    """A million files have a few formats and days: the model keeps one record of each
    (results come unpickled, each with its own copy)."""
    folder = tmp_path / "lot"
    folder.mkdir()
    for i in range(6):
        (folder / f"note-{i}.txt").write_bytes(TXT_BYTES)
    result = scan([folder], workers=0)
    items = [u for u in result.roots[0].walk() if u.objects]
    assert len(items) == 6 and items[0].objects[0].format.puid
    assert len({id(u.objects[0].format) for u in items}) == 1
    assert len({id(u.start_date) for u in items} | {id(u.end_date) for u in items}) == 1
