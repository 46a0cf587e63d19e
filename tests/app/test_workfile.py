"""Saved work (.verso): full round trip, atomic writes, refusals of bad files, source checks."""

from __future__ import annotations

import builtins
import dataclasses
import errno
import gzip
import json
import os
import random
import sys
import time
import zipfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from app import workfile
from app.messages import describe, has_text
from app.workfile import (
    SPECIAL_FIELDS,
    SPECS,
    Work,
    WorkError,
    check_sources,
    dump_document,
    encode_work,
    load_work,
    model_fields,
    save_work,
)
from seda.findings import Code, Finding, Severity
from seda.model import (
    SHARED_EMPTY,
    Agent,
    ArchiveUnit,
    Attachment,
    BinaryObject,
    FormatInfo,
    Keyword,
    Management,
    MoreDescription,
    Package,
    Rule,
    TransferHeader,
)
from seda.package import zip_source
from seda.progress import Cancelled, NullProgress

# -- a package where every field of every class differs from its default -----------------

TZ = timezone(timedelta(hours=2))


def full_rules(prefix: str) -> Management:
    management = Management()
    appraisal = management.category("AppraisalRule")
    appraisal.rules = [
        Rule(f"{prefix}APP-1", date(2020, 1, 31)),
        Rule(f"{prefix}APP-2"),
    ]
    appraisal.prevent_inheritance = True
    appraisal.ref_non_rule_ids = ["APP-OLD", "APP-OLDER"]
    appraisal.final_action = "Destroy"
    classification = management.category("ClassificationRule")
    classification.rules = [Rule("CLASS-1", date(2019, 5, 6))]
    classification.classification_level = "Secret Défense"
    classification.classification_owner = "Préfecture"
    classification.classification_audience = "Spécial France"
    classification.classification_reassessing_date = date(2030, 1, 1)
    classification.need_reassessing_authorization = True
    # every RuleCategory field set on one block (the checker below looks at each class)
    classification.prevent_inheritance = True
    classification.ref_non_rule_ids = ["X"]
    classification.final_action = "Keep"
    hold = management.category("HoldRule")
    hold.rules = [
        Rule(
            "HOLD-1",
            date(2021, 2, 3),
            hold_end_date=date(2025, 2, 3),
            hold_owner="Tribunal",
            hold_reassessing_date=date(2024, 1, 1),
            hold_reason="Contentieux « urbanisme »",
            prevent_rearrangement=False,  # False is not the default (None): must survive
        )
    ]
    return management


def full_object(source: str, n: int) -> BinaryObject:
    return BinaryObject(
        source=source,
        filename=f"délibération {n}.pdf",
        size=1000 + n,
        digest=f"{n:02x}" * 64,
        digest_algorithm="SHA-256",
        format=FormatInfo(
            "fmt/18", "Acrobat PDF 1.4", "1.4", "application/pdf", "byte match", "warn", "fido"
        ),
        last_modified=datetime(2023, 4, 5, 6, 7, 8, 123456, tzinfo=TZ),
        version="BinaryMaster_2",
    )


def full_package() -> tuple[Package, list[Finding]]:
    header = TransferHeader(
        message_identifier="MSG-1",
        date=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC),
        comment="Versement\nsur deux lignes",
        archival_agreement="IC-000001",
        archival_agency="AD-33",
        archival_agency_name="Archives départementales",
        transferring_agency="MAIRIE",
        transferring_agency_name="Mairie de Saint-Émilion",
        originating_agency="MAIRIE-SG",
        submission_agency="MAIRIE-SUB",
        acquisition_information="Versement",
        legal_status="Public Archive",
        code_list_versions={
            "ReplyCodeListVersion": "R1",
            "MessageDigestAlgorithmCodeListVersion": "M",
        },
        management=full_rules("PKG-"),
        archival_profile="PR-000001",
    )
    package = Package(header=header, seda_version="2.3", signature_version="DROID_109")
    root = ArchiveUnit(
        title="Conseil municipal 😀",
        level="Series",
        description="Délibérations\t« 2020 »",
        start_date=date(2020, 1, 1),
        end_date=date(2020, 12, 31),
        keywords=[Keyword("urbanisme", "subject"), Keyword("Bordeaux", "geogname")],
        originating_ids=["OA-1", "OA-2"],
        archival_ids=["AA-1"],
        file_plan_position=["1.2", "3"],
        management=full_rules("U-"),
        attachment=Attachment("aeaaaaaaaa", "Cote", "1W", "Fonds de la mairie"),
        source="/srv/partage/Conseil",
        archive_unit_profile="AUP-000001",
        more=MoreDescription(
            system_ids=["SYS-1"],
            originating_system_ids=["OS-1"],
            custodial_history=["Versé en 1990", "Reclassé en 2001"],
            languages=["fr", "oc"],
            description_language="fr",
            tags=["élections"],
            spatial=["Saint-Émilion"],
            temporal=["XXe siècle"],
            juridictional=["Gironde"],
            agents=[
                Agent(
                    "Writer",
                    first_name="Marie",
                    birth_name="Skłodowska",
                    full_name="Marie Curie",
                    given_name="Curie",
                    corpname="Institut",
                    identifiers=["ID-1"],
                    functions=["Maire"],
                    activities=["Recherche"],
                    positions=["Directrice"],
                    roles=["Rédactrice"],
                ),
                Agent("Addressee", full_name="Préfet"),
            ],
            transacted_date=datetime(2020, 5, 1, 10, 30, tzinfo=UTC),
            acquired_date=date(2021, 1, 2),
            title_lang="fr",
            description_lang="fr",
            raw_content=["<Event><EventIdentifier>E1</EventIdentifier></Event>"],
            raw_management=["<NeedAuthorization>true</NeedAuthorization>"],
        ),
    )
    package.roots.append(root)
    shared = full_object("/srv/partage/Conseil/d1.pdf", 1)
    item = root.add(ArchiveUnit(title="Délibération 1", level="Item", source="/srv/x/d1.pdf"))
    item.objects.append(shared)
    twin = root.add(ArchiveUnit(title="Copie", level="Item"))
    twin.objects.append(shared)  # the same object in two units stays one object
    deep = twin
    for depth in range(300):  # deep tree: no recursion anywhere
        deep = deep.add(ArchiveUnit(title=f"niveau {depth}"))
    deep.objects.append(full_object(zip_source("/srv/ancien.zip", "content/ID1.pdf"), 2))
    second = ArchiveUnit(title="Second versement", level="OtherLevel")
    package.roots.append(second)
    findings = [
        Finding(Code.EMPTY_FOLDER, Severity.INFO, "/srv/vide", {}, second.uid, None),
        Finding(
            Code.ODD_NAME,
            Severity.WARNING,
            "/srv/a:b",
            {"reason": "windows_chars", "chars": (":",), "n": 3, "nested": {"k": [1, None]}},
            item.uid,
            7,
        ),
        Finding(Code.UNREADABLE, Severity.ERROR, "/srv/gone", {"error": "denied"}, 10**9, None),
        # made again by each load's source check: not saved
        Finding(Code.WORK_SOURCE_MISSING, Severity.ERROR, "/srv/x", {}, item.uid, None),
    ]
    return package, findings


def canon(value: Any) -> Any:
    """A comparable dump of model objects: every dataclass field but ``uid``/``parent``
    (units and objects compare by identity; their content is what must survive). A
    package is dumped as a flat list of units with their parent's position (the test tree
    is deeper than Python's recursion limit)."""
    if isinstance(value, Package):
        return canon_package(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            {
                f.name: canon(getattr(value, f.name))
                for f in dataclasses.fields(value)
                if f.name not in ("uid", "parent", "children")
            },
        )
    if isinstance(value, list | tuple):
        return [canon(v) for v in value]
    if isinstance(value, dict):
        return {k: canon(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return ("datetime", value.isoformat())  # keeps the offset: 08:00+02 != 06:00Z here
    return value


def canon_package(package: Package) -> Any:
    units = list(package.walk())
    position = {u.uid: i for i, u in enumerate(units)}
    object_position: dict[int, int] = {}
    for _unit, obj in package.objects():
        object_position.setdefault(obj.uid, len(object_position))
    return {
        "fields": {
            f.name: canon(getattr(package, f.name))
            for f in dataclasses.fields(package)
            if f.name != "roots"
        },
        "roots": [position[r.uid] for r in package.roots],
        "units": [
            (
                position[u.parent.uid] if u.parent is not None else None,
                [position[c.uid] for c in u.children],
                [object_position[o.uid] for o in u.objects],  # sharing kept
                canon(u),
            )
            for u in units
        ],
    }


def assert_every_field_set(package: Package) -> None:
    """The sample must set every model field to a non-default value somewhere, or the
    round trip would not prove that field is saved (a new model field fails here)."""
    seen: dict[type, set[str]] = {}

    def visit(obj: Any) -> None:
        if not (dataclasses.is_dataclass(obj) and not isinstance(obj, type)):
            return
        cls = type(obj)
        defaults = workfile._DEFAULTS.get(cls)
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if f.name in ("uid", "parent"):
                continue
            if f.default is not dataclasses.MISSING:
                default = f.default
            elif f.default_factory is not dataclasses.MISSING:
                default = f.default_factory()
            else:
                default = defaults.get(f.name) if defaults else None
            if value != default and value not in ("", None, [], {}):
                seen.setdefault(cls, set()).add(f.name)
            if isinstance(value, list):
                for v in value:
                    visit(v)
            elif isinstance(value, dict):
                for v in value.values():
                    visit(v)
            else:
                visit(value)

    visit(package)
    for unit in package.walk():
        visit(unit)
    for cls in (*SPECS, Package):
        wanted = model_fields(cls) - {"uid", "parent"}
        assert wanted <= seen.get(cls, set()), f"{cls.__name__}: {wanted - seen.get(cls, set())}"


def test_specs_cover_every_model_field() -> None:
    for cls, spec in SPECS.items():
        names = {n for n, _k in spec} | SPECIAL_FIELDS.get(cls, set())
        assert names == model_fields(cls), cls.__name__
    assert model_fields(Package) == SPECIAL_FIELDS[Package]


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    package, findings = full_package()
    assert_every_field_set(package)
    work = Work(package, findings, preset_path="/profils/mairie.yaml")
    path = tmp_path / "travail.verso"
    save_work(path, work)
    back = load_work(path, check_files=False)

    assert canon(back.package) == canon(package)
    assert back.seda_version == "2.3"
    assert back.preset_path == "/profils/mairie.yaml"
    # units are new objects with new uids, and the tree links are rebuilt
    units, old_units = list(back.package.walk()), list(package.walk())
    assert len(units) == len(old_units)
    assert not {u.uid for u in units} & {u.uid for u in old_units}
    for unit in units:
        for child in unit.children:
            assert child.parent is unit
    assert all(r.parent is None for r in back.package.roots)
    # the shared object is still one object
    item, twin = back.package.roots[0].children[:2]
    assert item.objects[0] is twin.objects[0]
    # findings point to the same units (by position), params survive as JSON
    f0, f1, f2 = back.findings
    assert f0.unit_uid == back.package.roots[1].uid
    assert f1.unit_uid == item.uid and f1.line == 7
    assert f1.params == {
        "reason": "windows_chars",
        "chars": [":"],
        "n": 3,
        "nested": {"k": [1, None]},
    }
    assert f2.unit_uid is None  # its unit was not in the package
    assert [(f.code, f.severity, f.path) for f in back.findings] == [
        (f.code, f.severity, f.path) for f in findings[:3]
    ]


def test_file_is_gzip_json_deterministic_and_stable(tmp_path: Path) -> None:
    package, findings = full_package()
    a, b, c = tmp_path / "a.verso", tmp_path / "b.verso", tmp_path / "c.verso"
    save_work(a, Work(package, findings))
    time.sleep(0.01)
    save_work(b, Work(package, findings))
    assert a.read_bytes() == b.read_bytes()
    doc = json.loads(gzip.decompress(a.read_bytes()).decode("utf-8"))
    assert doc["format"] == "verso-work" and doc["version"] == 1
    assert doc["header"]["date"] == "2024-01-02T03:04:05+00:00"
    assert "é" in json.dumps(doc, ensure_ascii=False)
    assert (a.stat().st_mode & 0o777) == 0o644  # not the temporary file's private 0600
    a.chmod(0o640)
    save_work(a, Work(package, findings))
    assert (a.stat().st_mode & 0o777) == 0o640  # a replaced file keeps its permissions
    # load -> save gives the same bytes: nothing is lost or reordered
    save_work(c, load_work(a, check_files=False))
    assert c.read_bytes() == a.read_bytes()
    # a plain (uncompressed, BOM) JSON file is read too
    plain = tmp_path / "plain.verso"
    plain.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc).encode())
    assert canon(load_work(plain, check_files=False).package) == canon(package)


def test_empty_work_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "vide.verso"
    save_work(path, Work(Package()))
    back = load_work(path)
    assert back.package.roots == [] and back.findings == [] and back.source_findings == []
    assert canon(back.package) == canon(Package())


# -- atomic writes -------------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    path = tmp_path / "travail.verso"
    save_work(path, Work(Package(roots=[ArchiveUnit("ancien")])))
    return path


def test_disk_full_while_writing_keeps_previous_file(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = previous.read_bytes()
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, f: Any) -> None:
            self.f = f

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: Any) -> None:
            self.f.close()

        def write(self, data: Any) -> int:
            self.f.write(bytes(data[:10]))
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name: str) -> Any:
            return getattr(self.f, name)

    monkeypatch.setattr(workfile.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    package, findings = full_package()
    with pytest.raises(WorkError) as info:
        save_work(previous, Work(package, findings))
    assert [f.code for f in info.value.findings] == [Code.DISK_FULL]
    assert previous.read_bytes() == before
    assert leftovers(previous.parent) == []
    assert "disque" in describe(info.value.findings[0], "fr")


def test_fsync_error_and_missing_folder(previous: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = previous.read_bytes()

    def broken_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(workfile.os, "fsync", broken_fsync)
    with pytest.raises(WorkError) as info:
        save_work(previous, Work(Package(roots=[ArchiveUnit("nouveau")])))
    assert info.value.findings[0].code == Code.WRITE_ERROR
    assert "Input/output" in info.value.findings[0].params["error"]
    assert previous.read_bytes() == before and leftovers(previous.parent) == []
    monkeypatch.undo()
    with pytest.raises(WorkError) as info:
        save_work(previous.parent / "absent" / "x.verso", Work(Package()))
    assert info.value.findings[0].code == Code.UNSAFE_DESTINATION


def test_cancel_leaves_nothing(previous: Path) -> None:
    before = previous.read_bytes()

    class CancelLater(NullProgress):
        def __init__(self) -> None:
            super().__init__()
            self.reports = 0

        def report(self, done: int, total: int, message: str = "") -> None:
            self.reports += 1
            self.cancel()

    big = Package(roots=[ArchiveUnit(f"u{i}") for i in range(5000)])
    progress = CancelLater()
    with pytest.raises(Cancelled):
        save_work(previous, Work(big), progress)
    assert progress.reports >= 1
    assert previous.read_bytes() == before and leftovers(previous.parent) == []
    # cancel after the encoding, during the write itself
    doc = encode_work(Work(big))
    progress = CancelLater()
    with pytest.raises(Cancelled):
        workfile.write_document(previous, doc, progress)
    assert previous.read_bytes() == before and leftovers(previous.parent) == []


# -- refusals ------------------------------------------------------------------------------


def codes(exc: WorkError) -> list[str]:
    return [str(f.code) for f in exc.findings]


def refused(path: Path) -> WorkError:
    with pytest.raises(WorkError) as info:
        load_work(path)
    for finding in info.value.findings:
        assert has_text(finding.code, "fr") and has_text(finding.code, "en")
        assert "Problème" not in describe(finding, "fr")
    return info.value


def test_refuses_non_verso_corrupt_truncated_and_newer(
    tmp_path: Path, previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = {
        "pdf.verso": b"%PDF-1.4\n" + bytes(range(256)) * 10,
        "empty.verso": b"",
        "other.verso": json.dumps({"format": "autre", "version": 1}).encode(),
        "list.verso": b"[1, 2, 3]",
        "gzipother.verso": gzip.compress(b'{"hello": 1}'),
        "gzipgarbage.verso": gzip.compress(bytes(range(256)) * 4),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert codes(refused(tmp_path / name)) == [Code.WORK_NOT_VERSO], name

    data = previous.read_bytes()
    for cut in (5, len(data) // 2, len(data) - 3):
        (tmp_path / "cut.verso").write_bytes(data[:cut])
        assert codes(refused(tmp_path / "cut.verso")) == [Code.WORK_CORRUPT], cut
    flipped = bytearray(data)
    flipped[len(data) - 6] ^= 0xFF  # CRC/size trailer damaged
    (tmp_path / "flip.verso").write_bytes(bytes(flipped))
    assert codes(refused(tmp_path / "flip.verso")) == [Code.WORK_CORRUPT]
    (tmp_path / "trailing.verso").write_bytes(data + b"junk")
    assert codes(refused(tmp_path / "trailing.verso")) == [Code.WORK_CORRUPT]

    doc = json.loads(gzip.decompress(data))
    doc["version"] = 2
    (tmp_path / "new.verso").write_bytes(gzip.compress(json.dumps(doc).encode()))
    error = refused(tmp_path / "new.verso")
    assert codes(error) == [Code.WORK_TOO_NEW]
    assert error.findings[0].params == {"version": 2, "supported": 1}
    assert "plus récente" in describe(error.findings[0], "fr")
    doc["version"] = "1"
    (tmp_path / "strver.verso").write_bytes(gzip.compress(json.dumps(doc).encode()))
    assert codes(refused(tmp_path / "strver.verso")) == [Code.WORK_CORRUPT]

    assert codes(refused(tmp_path / "absent.verso")) == [Code.NOT_FOUND]
    real_open = builtins.open

    def deny(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(previous):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    assert codes(refused(previous)) == [Code.WORK_UNREADABLE]


def test_gzip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workfile, "MAX_JSON_BYTES", 1 << 20)
    bomb = tmp_path / "bomb.verso"
    bomb.write_bytes(gzip.compress(b'{"format":"verso-work","version":1,"x":"' + b"a" * (4 << 20)))
    error = refused(bomb)
    assert codes(error) == [Code.WORK_CORRUPT] and error.findings[0].params["error"] == "too big"


MUTANTS: list[Any] = [None, True, -1, 2**70, 1.5, "", "x", "2020-13-45", [], [1], {}, {"a": 1}]


def mutate(doc: Any, rng: random.Random) -> Any:
    """Replace or delete one random value deep in ``doc`` (returns the new document)."""
    if not isinstance(doc, dict | list) or not doc or rng.random() < 0.15:
        return rng.choice(MUTANTS)
    if isinstance(doc, dict):
        key = rng.choice(sorted(doc))
        if rng.random() < 0.2:
            return {k: v for k, v in doc.items() if k != key}
        return {**doc, key: mutate(doc[key], rng)}
    i = rng.randrange(len(doc))
    return [*doc[:i], mutate(doc[i], rng), *doc[i + 1 :]]


def test_fuzzed_files_never_crash(tmp_path: Path) -> None:
    package, findings = full_package()
    path = tmp_path / "ok.verso"
    save_work(path, Work(package, findings))
    data = path.read_bytes()
    doc = json.loads(gzip.decompress(data))
    rng = random.Random(20240607)
    outcomes = {"loaded": 0, "refused": 0}
    target = tmp_path / "fuzz.verso"
    for n in range(300):
        if n % 3 == 0:  # bytes of the gzip stream
            raw = bytearray(data)
            for _ in range(rng.randint(1, 4)):
                raw[rng.randrange(len(raw))] = rng.randrange(256)
            target.write_bytes(bytes(raw))
        else:  # values inside a well-formed JSON
            mutated = doc
            for _ in range(rng.randint(1, 3)):
                mutated = mutate(mutated, rng)
            target.write_bytes(gzip.compress(json.dumps(mutated).encode()))
        try:
            work = load_work(target, check_files=False)
        except WorkError as exc:
            assert exc.findings and all(isinstance(f, Finding) for f in exc.findings)
            outcomes["refused"] += 1
        else:
            assert isinstance(work.package, Package)
            for unit in work.package.walk():  # whatever loaded is a sound tree
                assert isinstance(unit.title, str)
                for child in unit.children:
                    assert child.parent is unit
            outcomes["loaded"] += 1
    assert outcomes["refused"] > 50 and outcomes["loaded"] > 10, outcomes


def test_parent_must_come_first(tmp_path: Path) -> None:
    doc = encode_work(Work(Package(roots=[ArchiveUnit("a"), ArchiveUnit("b")])))
    doc["units"][0]["parent"] = 1  # a cycle or forward reference
    path = tmp_path / "cycle.verso"
    path.write_bytes(dump_document(doc))
    assert codes(refused(path)) == [Code.WORK_CORRUPT]


# -- sources still there? ------------------------------------------------------------------


def file_object(path: Path) -> BinaryObject:
    st = path.stat()
    return BinaryObject(
        source=str(path),
        filename=path.name,
        size=st.st_size,
        last_modified=datetime.fromtimestamp(st.st_mtime, tz=UTC).astimezone(),
    )


def test_missing_and_changed_sources_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "partage"
    folder.mkdir()
    names = ["same.txt", "grown.txt", "touched.txt", "gone.txt"]
    for name in names:
        (folder / name).write_text("contenu\n", encoding="utf-8")
    old = time.time() - 3600
    for name in names:
        os.utime(folder / name, (old, old))
    member_zip = tmp_path / "ancien.zip"
    with zipfile.ZipFile(member_zip, "w") as zf:
        zf.writestr("content/ID1.pdf", b"%PDF-1.4 un")
        zf.writestr("content/ID2.pdf", b"%PDF-1.4 deux")
    gone_zip = tmp_path / "disparu.zip"

    root = ArchiveUnit("Partage")
    by_name: dict[str, ArchiveUnit] = {}
    for name in names:
        unit = root.add(ArchiveUnit(name))
        unit.objects.append(file_object(folder / name))
        by_name[name] = unit
    for member, size in (("content/ID1.pdf", 11), ("content/ID2.pdf", 99), ("content/ID9", 1)):
        unit = root.add(ArchiveUnit(member))
        unit.objects.append(BinaryObject(zip_source(member_zip, member), "x.pdf", size=size))
        by_name[member] = unit
    for i in range(3):
        unit = root.add(ArchiveUnit(f"zip {i}"))
        unit.objects.append(BinaryObject(zip_source(gone_zip, f"content/ID{i}"), "y", size=1))
    path = tmp_path / "travail.verso"
    save_work(path, Work(Package(roots=[root])))
    # before anything moves: only the zip-side problems built in above
    assert sorted(str(f.code) for f in load_work(path).source_findings) == sorted(
        [Code.WORK_SOURCE_CHANGED, Code.WORK_SOURCE_MISSING, Code.WORK_ZIP_MISSING]
    )

    (folder / "grown.txt").write_text("contenu plus long\n", encoding="utf-8")
    os.utime(folder / "grown.txt", (old, old))
    os.utime(folder / "touched.txt", (old + 600, old + 600))
    (folder / "gone.txt").unlink()

    work = load_work(path)
    titles = {u.uid: u.title for u in work.package.walk()}
    got = sorted(
        (str(f.code), titles.get(f.unit_uid or -1, ""), f.severity) for f in work.source_findings
    )
    assert got == sorted(
        [
            (Code.WORK_SOURCE_CHANGED, "grown.txt", Severity.WARNING),
            (Code.WORK_SOURCE_CHANGED, "touched.txt", Severity.WARNING),
            (Code.WORK_SOURCE_MISSING, "gone.txt", Severity.ERROR),
            (Code.WORK_SOURCE_CHANGED, "content/ID2.pdf", Severity.WARNING),
            (Code.WORK_SOURCE_MISSING, "content/ID9", Severity.ERROR),
            (Code.WORK_ZIP_MISSING, "zip 0", Severity.ERROR),
        ]
    )
    grown = next(f for f in work.source_findings if f.path.endswith("grown.txt"))
    assert grown.params["size_before"] == 8 and grown.params["size_now"] == 18
    zip_gone = next(f for f in work.source_findings if f.code == Code.WORK_ZIP_MISSING)
    assert zip_gone.params == {"count": 3} and zip_gone.path == str(gone_zip)
    for finding in work.source_findings:
        assert "Problème" not in describe(finding, "fr")
    # the check alone, on the live package, says the same
    assert len(check_sources(work.package)) == len(work.source_findings)


def test_unreadable_zip_source(tmp_path: Path) -> None:
    broken = tmp_path / "abime.zip"
    broken.write_bytes(b"PK\x03\x04 pas vraiment un zip")
    unit = ArchiveUnit("x")
    unit.objects.append(BinaryObject(zip_source(broken, "content/a"), "a", size=1))
    findings = check_sources(Package(roots=[unit]))
    assert [f.code for f in findings] == [Code.SOURCE_UNREADABLE]


# -- size ----------------------------------------------------------------------------------


def big_package(n: int) -> Package:
    rng = random.Random(1)
    package = Package()
    stamp = datetime(2024, 5, 1, tzinfo=UTC).astimezone()
    folder = None
    for i in range(n):
        if i % 100 == 0:
            folder = ArchiveUnit(f"Dossier {i // 100}")
            package.roots.append(folder)
            continue
        unit = ArchiveUnit(f"pièce {i}", level="Item")
        unit.objects.append(
            BinaryObject(
                f"/srv/partage/{i // 100}/{i}.pdf",
                f"{i}.pdf",
                size=rng.randrange(1, 10**7),
                digest=rng.randbytes(64).hex(),
                format=FormatInfo("fmt/18", "Acrobat PDF 1.4", "1.4", "application/pdf"),
                last_modified=stamp,
            )
        )
        assert folder is not None
        folder.add(unit)
    return package


@pytest.mark.slow
def test_hundred_thousand_units_timing(tmp_path: Path) -> None:
    """Prints the numbers (no timed assertion: machines differ)."""
    package = big_package(100_000)
    path = tmp_path / "gros.verso"
    t0 = time.perf_counter()
    doc = encode_work(Work(package))
    t1 = time.perf_counter()
    workfile.write_document(path, doc)
    t2 = time.perf_counter()
    back = load_work(path, check_files=False)
    t3 = time.perf_counter()
    print(
        f"\n100,000 units: encode {t1 - t0:.2f} s, write {t2 - t1:.2f} s "
        f"({path.stat().st_size / 1e6:.1f} MB), load {t3 - t2:.2f} s"
    )
    assert sum(1 for _ in back.package.walk()) == 100_000


# -- seda.package.looks_like_sip (used by the window's drop) ------------------------------

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def test_looks_like_sip(tmp_path: Path) -> None:
    from seda.package import looks_like_sip

    oks = sorted((SHARED / "vitam-sips" / "OK").glob("*.zip"))[:20]
    assert oks and all(looks_like_sip(p) for p in oks)
    plain = tmp_path / "photos.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("a.txt", "bonjour")
        zf.writestr("dossier/manifest.xml", "<ArchiveTransfer/>")  # not at the root
    other_xml = tmp_path / "autre.zip"
    with zipfile.ZipFile(other_xml, "w") as zf:
        zf.writestr("manifest.xml", "<plugin><name>pas un SIP</name></plugin>")
    text = tmp_path / "note.zip"
    text.write_text("pas un zip", encoding="utf-8")
    for path in (plain, other_xml, text, tmp_path / "absent.zip", tmp_path):
        assert looks_like_sip(path) is False, path


# -- streamed save and reopen; work saved by earlier versions ------------------------------

DATA = Path(__file__).resolve().parent / "data"


def test_work_saved_by_an_earlier_version_still_opens(tmp_path: Path) -> None:
    """``work-v1-units-first.verso`` was written by the writer before streaming (one line,
    units before objects): it opens whole, and saved again it gives the new layout."""
    package, findings = full_package()
    back = load_work(DATA / "work-v1-units-first.verso", check_files=False)
    assert canon(back.package) == canon(package)
    assert back.preset_path == "profils/mairie.yaml"
    item, twin = back.package.roots[0].children[:2]
    assert item.objects[0] is twin.objects[0]
    assert back.findings[0].unit_uid == back.package.roots[1].uid
    assert back.findings[1].unit_uid == item.uid
    again = tmp_path / "again.verso"
    save_work(again, back)
    text = gzip.decompress(again.read_bytes()).decode("utf-8")
    assert text.index('"objects":[') < text.index('"units":[')
    assert canon(load_work(again, check_files=False).package) == canon(package)


def test_streamed_save_is_the_document_layout_a_hundred_elements_a_line() -> None:
    package, findings = full_package()
    work = Work(package, findings, preset_path="p.yaml", recovery_of="w.verso")
    packed = workfile.pack_work(work)
    doc = encode_work(work)
    assert packed.data == dump_document(doc)  # two ways, the same bytes
    assert packed.units == len(doc["units"]) == sum(1 for _ in package.walk())
    text = gzip.decompress(packed.data).decode("utf-8")
    assert json.loads(text) == doc
    assert list(doc)[-3:] == ["objects", "units", "findings"]
    # the head, then the lists' elements up to LINE_ITEMS a line
    big = Work(big_package(workfile.LINE_ITEMS * 2 + 1))
    lines = gzip.decompress(workfile.pack_work(big).data).decode("utf-8").split("\n")
    assert lines[0].endswith('"objects":[')
    assert lines[3] == '],"units":['
    sizes = [len(json.loads("[" + line.rstrip(",") + "]")) for line in lines[1:3] + lines[4:7]]
    assert sizes == [100, 98, 100, 100, 1]  # 198 objects, 201 units
    assert lines[7:] == ['],"findings":[]}']
    # the sources guard_destination needs: roots' folders, every object's file
    assert packed.files == [o["source"] for o in doc["objects"]]
    assert packed.inputs == workfile._doc_sources(doc)[0]


@pytest.mark.parametrize("layout", ["one_line", "units_first", "format_last", "indented"])
def test_any_json_layout_of_a_work_opens(tmp_path: Path, layout: str) -> None:
    package, findings = full_package()
    doc = encode_work(Work(package, findings))
    if layout in ("units_first", "format_last"):
        order = ["units", "objects"] if layout == "units_first" else ["format"]
        doc = {**{k: doc[k] for k in doc if k not in order}, **{k: doc[k] for k in order}}
    text = json.dumps(doc, indent=2 if layout == "indented" else None)
    path = tmp_path / f"{layout}.verso"
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    back = load_work(path, check_files=False)
    assert canon(back.package) == canon(package)
    assert [(f.code, f.unit_uid is None) for f in back.findings] == [
        (f["code"], "unit" not in f) for f in doc["findings"]
    ]


def test_reopened_work_keeps_repeated_values_once(tmp_path: Path) -> None:
    """Saved work reopens as light as the scan made it: one FormatInfo per format, one
    date object per day, a file unit's source and title are its object's strings, its empty
    lists the one shared empty list."""
    package = big_package(300)
    for unit in package.walk():
        if unit.objects:
            unit.source, unit.title = unit.objects[0].source, unit.objects[0].filename
            unit.start_date = unit.end_date = date(2020, 5, 17)
    path = tmp_path / "w.verso"
    save_work(path, Work(package))
    back = load_work(path, check_files=False)
    assert canon(back.package) == canon(package)
    items = [u for u in back.package.walk() if u.objects]
    assert len({id(u.objects[0].format) for u in items}) == 1
    assert len({id(u.start_date) for u in items} | {id(u.end_date) for u in items}) == 1
    assert all(u.source is u.objects[0].source for u in items)
    assert all(u.title is u.objects[0].filename for u in items)
    assert len({id(u.level) for u in items}) == 1
    empty = ("keywords", "originating_ids", "archival_ids", "file_plan_position", "children")
    assert all(getattr(u, name) is SHARED_EMPTY for u in items for name in empty)
    exact = sys.getsizeof([items[0].objects[0]])  # a list with no spare room
    assert all(sys.getsizeof(u.objects) == exact for u in items)
