"""Saved work (``.verso``): a transfer being described, kept on disk to be resumed later.

A referent describes a transfer over several days; the window saves the whole package (the
header with its default rules, every unit with its rules, attachment, keywords and
identifiers, every file's source, size, date, digest and format), the findings of the scan,
the transfer profile in use and the SEDA version, and reopens it as it was.

Format: UTF-8 JSON, gzip-compressed (a plain JSON file is read too, so a support person may
look inside), ``{"format": "verso-work", "version": 1, ...}``. The tree is a flat list in
depth-first order where each unit names its parent's index (no nesting: trees may be deep
and JSON parsers recurse); objects are a separate list that units refer to by index, so an
object shared by two units stays shared. Only fields that differ from the model's defaults
are written. Same work -> same bytes (fixed key order, gzip without time stamp).

A million files must fit in memory with the model, so neither side holds the document
whole: ``pack_work`` encodes one object or unit at a time straight into the compressor, and
``load_work`` parses the text as it is inflated (``app.jsonstream``) and builds each object
and unit as it comes. Objects are written before units (their elements a hundred a line),
so a unit is built with its objects at once. This is still version 1 (JSON key order and white
space mean nothing to a JSON reader, so earlier Versos open these files): work saved by
earlier versions (one line, units before objects) opens too, its units then waiting as
dicts for the objects (``tests/app/data/work-v1-units-first.verso``).

Writing is atomic: a temporary file beside the destination, fsynced, then ``os.replace``;
a full disk, any other error or a cancel removes it and leaves a previous file untouched.
Reading never trusts the file: anything unexpected is a ``WorkError`` carrying coded
findings (``WORK_NOT_VERSO``, ``WORK_CORRUPT``, ``WORK_TOO_NEW``, ``WORK_UNREADABLE``).

After loading, ``check_sources`` tells which files moved or changed since: the export would
otherwise package other bytes than those described.

No Qt here: the window runs these functions in a ``TaskRunner`` thread.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import gzip
import io
import itertools
import json
import os
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app import jsonstream
from seda.atomic import atomic_file, is_disk_full
from seda.findings import Code, Finding, Severity
from seda.model import (
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
    RuleCategory,
    TransferHeader,
)
from seda.package import split_zip_source
from seda.progress import Progress, check
from seda.safepath import UnsafeDestination, guard_destination

FORMAT = "verso-work"
VERSION = 1
SUFFIX = ".verso"
CHUNK = 1 << 20
# A real work of 100,000 units is ~40 MB of JSON; refuse absurd sizes instead of filling
# the memory with a gzip bomb or a huge file renamed .verso.
MAX_JSON_BYTES = 2 << 30
# Modification times read again from another mount may be rounded (FAT: 2 s).
MTIME_TOLERANCE = 2.0
_REPORT_EVERY = 2000
_RECHECKED = frozenset({Code.WORK_SOURCE_MISSING, Code.WORK_SOURCE_CHANGED, Code.WORK_ZIP_MISSING})
# The window saves/opens at once below these sizes (~50 ms), in the background above.
SYNC_UNITS = 2000
SYNC_BYTES = 256 << 10
# Automatic recovery copy while there are unsaved changes.
RECOVERY_INTERVAL_MS = 2 * 60 * 1000


class WorkError(Exception):
    """The work could not be saved or read; ``findings`` say why (nothing was written)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(", ".join(str(f.code) for f in findings))
        self.findings = findings


@dataclass(slots=True)
class Work:
    """Everything saved: the package, the scan's findings, the profile in use.

    ``recovery_of`` is set in automatic recovery copies: the work file they stand for.
    ``source_findings`` is filled by ``load_work`` (files moved/changed since); not saved.
    """

    package: Package
    findings: list[Finding] = field(default_factory=list)
    preset_path: str = ""
    recovery_of: str = ""
    source_findings: list[Finding] = field(default_factory=list)

    @property
    def seda_version(self) -> str:
        return self.package.seda_version


_MISSING = object()


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects.

    Every collection walks the whole unit tree (parent <-> children cycles): building or
    encoding 100,000 units took twice as long with it on. Nothing built here is garbage
    until we return. Re-enabled only if it was on (another job may have paused it too).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Bad(Exception):
    """Malformed content (turned into ``WORK_CORRUPT``)."""


# ---------------------------------------------------------------------------------------
# field specs: one line per model field, checked against the model by a test
# ---------------------------------------------------------------------------------------
# kinds: str, int, bool, optbool (None/True/False), date, datetime, strlist, strdict

_FORMAT_FIELDS = (
    ("puid", "str"),
    ("name", "str"),
    ("version", "str"),
    ("mime", "str"),
    ("basis", "str"),
    ("warning", "str"),
    ("engine", "str"),
)
_OBJECT_FIELDS = (  # + format (nested), uid (not saved)
    ("source", "str"),
    ("filename", "str"),
    ("size", "int"),
    ("digest", "str"),
    ("digest_algorithm", "str"),
    ("last_modified", "datetime"),
    ("version", "str"),
)
_RULE_FIELDS = (
    ("rule_id", "str"),
    ("start_date", "date"),
    ("hold_end_date", "date"),
    ("hold_owner", "str"),
    ("hold_reassessing_date", "date"),
    ("hold_reason", "str"),
    ("prevent_rearrangement", "optbool"),
)
_CATEGORY_FIELDS = (  # + rules (nested)
    ("category", "str"),
    ("prevent_inheritance", "bool"),
    ("ref_non_rule_ids", "strlist"),
    ("final_action", "str"),
    ("classification_level", "str"),
    ("classification_owner", "str"),
    ("classification_audience", "str"),
    ("classification_reassessing_date", "date"),
    ("need_reassessing_authorization", "optbool"),
)
_ATTACHMENT_FIELDS = (
    ("system_id", "str"),
    ("metadata_name", "str"),
    ("metadata_value", "str"),
    ("title", "str"),
)
_UNIT_FIELDS = (  # + keywords, management, attachment, objects, parent (nested/indices)
    ("title", "str"),
    ("level", "str"),
    ("description", "str"),
    ("start_date", "date"),
    ("end_date", "date"),
    ("originating_ids", "strlist"),
    ("archival_ids", "strlist"),
    ("file_plan_position", "strlist"),
    ("source", "str"),
    ("archive_unit_profile", "str"),
)
_HEADER_FIELDS = (  # + management (nested)
    ("message_identifier", "str"),
    ("date", "datetime"),
    ("comment", "str"),
    ("archival_agreement", "str"),
    ("archival_agency", "str"),
    ("archival_agency_name", "str"),
    ("transferring_agency", "str"),
    ("transferring_agency_name", "str"),
    ("originating_agency", "str"),
    ("submission_agency", "str"),
    ("acquisition_information", "str"),
    ("legal_status", "str"),
    ("code_list_versions", "strdict"),
    ("archival_profile", "str"),
)

# Model fields handled by hand (nested objects, tree links) or deliberately not saved.
SPECIAL_FIELDS: dict[type, set[str]] = {
    BinaryObject: {"format", "uid"},
    RuleCategory: {"rules"},
    ArchiveUnit: {
        "keywords",
        "more",
        "management",
        "attachment",
        "objects",
        "children",
        "parent",
        "uid",
    },
    TransferHeader: {"management"},
    Package: {"header", "roots", "seda_version", "signature_version"},
}
SPECS: dict[type, tuple[tuple[str, str], ...]] = {
    FormatInfo: _FORMAT_FIELDS,
    BinaryObject: _OBJECT_FIELDS,
    Rule: _RULE_FIELDS,
    RuleCategory: _CATEGORY_FIELDS,
    Attachment: _ATTACHMENT_FIELDS,
    ArchiveUnit: _UNIT_FIELDS,
    TransferHeader: _HEADER_FIELDS,
}


def _defaults(cls: type) -> dict[str, Any]:
    """Default value of each spec'd field (an instance built with required args only)."""
    required = {
        BinaryObject: {"source": "", "filename": ""},
        Rule: {"rule_id": ""},
        RuleCategory: {"category": ""},
        ArchiveUnit: {"title": ""},
    }.get(cls, {})
    sample = cls(**required)
    return {name: getattr(sample, name) for name, _kind in SPECS[cls]}


_DEFAULTS: dict[type, dict[str, Any]] = {cls: _defaults(cls) for cls in SPECS}
_REQUIRED: dict[type, tuple[str, ...]] = {
    BinaryObject: ("source", "filename"),
    Rule: ("rule_id",),
    RuleCategory: ("category",),
    ArchiveUnit: ("title",),
}


# ---------------------------------------------------------------------------------------
# encoding
# ---------------------------------------------------------------------------------------


def _check_kind_default(cls: type, name: str, kind: str, default: Any) -> None:
    """The generated code relies on these defaults; a model change must be seen at once."""
    expected: dict[str, Any] = {
        "date": None,
        "datetime": None,
        "optbool": None,
        "strlist": [],
        "strdict": {},
    }
    if kind in expected and default != expected[kind]:
        raise TypeError(f"{cls.__name__}.{name}: unexpected default {default!r}")


def _make_encoder(cls: type) -> Callable[[Any], dict[str, Any]]:
    """A straight-line function writing the fields of a ``cls`` that differ from defaults.

    Generated once per class (as ``dataclasses`` does): a generic loop over the specs took
    ~1 s for 100,000 units on the GUI thread, this takes a third of it.
    """
    defaults = _DEFAULTS[cls]
    required = _REQUIRED.get(cls, ())
    lines = ["def encode(o):", "    d = {}"]
    for name, kind in SPECS[cls]:
        _check_kind_default(cls, name, kind, defaults[name])
        lines.append(f"    v = o.{name}")
        if name in required:
            lines.append(f"    d[{name!r}] = v")
        elif kind in ("date", "datetime"):
            lines.append(f"    if v is not None: d[{name!r}] = v.isoformat()")
        elif kind == "optbool":
            lines.append(f"    if v is not None: d[{name!r}] = v")
        elif kind == "strlist":
            lines.append(f"    if v: d[{name!r}] = list(v)")
        elif kind == "strdict":
            lines.append(f"    if v: d[{name!r}] = {{str(k): str(x) for k, x in v.items()}}")
        else:
            lines.append(f"    if v != D[{name!r}]: d[{name!r}] = v")
    lines.append("    return d")
    namespace: dict[str, Any] = {"D": defaults}
    exec("\n".join(lines), namespace)  # noqa: S102 - our own code, built from SPECS
    return namespace["encode"]  # type: ignore[no-any-return]


_ENCODERS: dict[type, Callable[[Any], dict[str, Any]]] = {cls: _make_encoder(cls) for cls in SPECS}


def _encode(obj: Any, cls: type) -> dict[str, Any]:
    """The fields of ``obj`` that differ from the defaults (required ones always)."""
    return _ENCODERS[cls](obj)


def _enc_management(management: Management) -> list[dict[str, Any]]:
    blocks = []
    for block in management.rules.values():
        data = _encode(block, RuleCategory)
        if block.rules:
            data["rules"] = [_encode(r, Rule) for r in block.rules]
        blocks.append(data)
    return blocks


def _json_safe(value: Any) -> Any:
    """Finding params as JSON (tuples -> lists, anything odd -> its text)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [_json_safe(v) for v in items]
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    return str(value)


def encode_work(work: Work, progress: Progress | None = None) -> dict[str, Any]:
    """``work`` as plain JSON-ready data (tests, small works; ``pack_work`` streams).

    Thread affinity: reads the model, so call it where the model lives (the GUI thread).
    """
    with _no_gc():
        encoder = _Encoder(work, progress)
        doc = encoder.head()
        doc["objects"] = list(encoder.objects())
        doc["units"] = list(encoder.units())
        doc["findings"] = list(encoder.findings())
        return doc


class _Encoder:
    """Encodes a work piece by piece, so a million units never exist as dicts at once.

    Objects come before units (a reader builds each unit with its objects at once); their
    index is their order of first appearance in the depth-first walk, so an object shared
    by two units stays shared. Two walks of the tree: one for the objects, one for units.
    """

    def __init__(self, work: Work, progress: Progress | None) -> None:
        self.work = work
        self.progress = progress
        # object uid -> index, only for objects held by several units: the others get the
        # next number when met again in the same order (a million-entry dict less)
        self.shared: dict[int, int] = {}
        # only the units findings name need their index
        self.named = {f.unit_uid for f in work.findings if f.unit_uid is not None}
        self.unit_index: dict[int, int] = {}
        self.count = 0  # units encoded

    def head(self) -> dict[str, Any]:
        work, package = self.work, self.work.package
        header = _encode(package.header, TransferHeader)
        if package.header.management.rules:
            header["management"] = _enc_management(package.header.management)
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "generator": "Verso",
            "seda_version": package.seda_version,
            "signature_version": package.signature_version,
            "preset": work.preset_path,
        }
        if work.recovery_of:
            doc["recovery_of"] = work.recovery_of
        doc["header"] = header
        return doc

    def _walk(self) -> Iterator[tuple[ArchiveUnit, int]]:
        """(unit, parent index) depth first, without recursion."""
        stack: list[tuple[ArchiveUnit, int]] = [
            (root, -1) for root in reversed(self.work.package.roots)
        ]
        index = 0
        while stack:
            unit, parent = stack.pop()
            yield unit, parent
            if unit.children:
                stack.extend((child, index) for child in reversed(unit.children))
            index += 1

    def objects(self) -> Iterator[dict[str, Any]]:
        encode_object, encode_format = _ENCODERS[BinaryObject], _ENCODERS[FormatInfo]
        no_format = FormatInfo()
        seen: set[int] = set()
        shared = self.shared
        for unit, _parent in self._walk():
            for obj in unit.objects:
                if obj.uid in seen:
                    shared.setdefault(obj.uid, -1)  # numbered by ``units``
                    continue
                seen.add(obj.uid)
                data = encode_object(obj)
                if obj.format != no_format:
                    data["format"] = encode_format(obj.format)
                yield data

    def units(self) -> Iterator[dict[str, Any]]:
        """Call after ``objects`` (it numbers them)."""
        encode_unit = _ENCODERS[ArchiveUnit]
        no_attachment = Attachment()
        shared, named, progress = self.shared, self.named, self.progress
        numbered = 0  # objects met so far, in the order ``objects`` wrote them
        for index, (unit, parent) in enumerate(self._walk()):
            data = encode_unit(unit)
            if parent >= 0:
                data["parent"] = parent
            if unit.keywords:
                data["keywords"] = [[k.content, k.type] for k in unit.keywords]
            if unit.management.rules:
                data["management"] = _enc_management(unit.management)
            if unit.more is not None and not unit.more.is_empty():
                data["more"] = _enc_more(unit.more)
            if unit.attachment != no_attachment:
                data["attachment"] = _encode(unit.attachment, Attachment)
            if unit.objects:
                refs = []
                for obj in unit.objects:
                    ref = shared.get(obj.uid, -1) if shared else -1
                    if ref < 0:
                        ref, numbered = numbered, numbered + 1
                        if obj.uid in shared:
                            shared[obj.uid] = ref
                    refs.append(ref)
                data["objects"] = refs
            if unit.uid in named:
                self.unit_index[unit.uid] = index
            self.count = index + 1
            yield data
            if index % _REPORT_EVERY == 0:
                check(progress)
                if progress is not None:
                    progress.report(index, 0, "")

    def findings(self) -> Iterator[dict[str, Any]]:
        """Call after ``units`` (findings name units by index)."""
        for f in self.work.findings:
            if f.code in _RECHECKED:
                continue  # computed again at each load: saving them would show them twice
            fdata: dict[str, Any] = {"code": str(f.code), "severity": str(f.severity)}
            if f.path:
                fdata["path"] = f.path
            if f.params:
                fdata["params"] = _json_safe(f.params)
            if f.unit_uid is not None and f.unit_uid in self.unit_index:
                fdata["unit"] = self.unit_index[f.unit_uid]
            if f.line is not None:
                fdata["line"] = f.line
            yield fdata


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
_LISTS = ("objects", "units", "findings")  # written LINE_ITEMS elements a line
LINE_ITEMS = 100
_END = object()


def _json_lines(head: dict[str, Any], lists: Iterable[tuple[str, Iterable[Any]]]) -> Iterator[str]:
    """The document's JSON text in pieces: ``head``'s keys, then each list, ``LINE_ITEMS``
    elements a line (serialised together: one ``json`` call per element cost a third of the
    save). JSON all the same: any reader takes it; ``load_work`` reads it piece by piece."""
    text = _dumps(head)
    yield text[:-1] if head else "{"
    first_key = not head
    for name, items in lists:
        yield ("" if first_key else ",") + _dumps(name) + ":["
        first_key = False
        sep = "\n"
        batch: list[Any] = []
        for item in itertools.chain(items, (_END,)):
            if item is not _END:
                batch.append(item)
                if len(batch) < LINE_ITEMS:
                    continue
            if batch:
                yield sep + _dumps(batch)[1:-1]
                sep = ",\n"
                batch.clear()
        yield "]" if sep == "\n" else "\n]"
    yield "}"


def _later(make: Callable[[], Iterator[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    yield from make()  # called when the writer gets there (findings need the unit indices)


class _Gzip:
    """Compresses text pieces as they come (gzip without name nor time: same work, same
    bytes); the result is a few bytes a unit, not the whole JSON text."""

    def __init__(self) -> None:
        self.buffer = io.BytesIO()
        self.gz = gzip.GzipFile(
            filename="", mode="wb", fileobj=self.buffer, compresslevel=3, mtime=0
        )
        self.pending: list[str] = []
        self.size = 0

    def write(self, text: str) -> None:
        self.pending.append(text)
        self.size += len(text)
        if self.size >= CHUNK:
            self.flush()

    def flush(self) -> None:
        self.gz.write("".join(self.pending).encode("utf-8"))
        self.pending.clear()
        self.size = 0

    def close(self) -> bytes:
        self.flush()
        self.gz.close()
        return self.buffer.getvalue()


def _gzip_json(head: dict[str, Any], lists: Iterable[tuple[str, Iterable[Any]]]) -> bytes:
    out = _Gzip()
    for piece in _json_lines(head, lists):
        out.write(piece)
    return out.close()


def dump_document(doc: dict[str, Any]) -> bytes:
    """The ``.verso`` bytes of ``doc``: compact UTF-8 JSON (list elements a hundred a line),
    gzip without name nor time; the same bytes ``pack_work`` gives for the same work."""
    head = {k: v for k, v in doc.items() if not (k in _LISTS and isinstance(v, list))}
    lists = [(k, v) for k, v in doc.items() if k in _LISTS and isinstance(v, list)]
    return _gzip_json(head, lists)


@dataclass(slots=True)
class Packed:
    """A work encoded and compressed, ready to be written anywhere (a snapshot: later
    edits do not reach it). ``inputs``/``files``: its sources, for ``guard_destination``."""

    data: bytes
    units: int
    inputs: list[str]
    files: list[str]


def pack_work(work: Work, progress: Progress | None = None) -> Packed:
    """``work`` as ``.verso`` bytes, streamed: never the whole document in memory as dicts
    or text (a million units: ~2 GB less than ``dump_document(encode_work(...))``).

    Thread affinity: reads the model, so call it where the model lives (the GUI thread),
    then hand the result to ``write_document`` anywhere.
    """
    with _no_gc():
        encoder = _Encoder(work, progress)
        files: list[str] = []
        zips: set[str] = set()

        def objects() -> Iterator[dict[str, Any]]:
            for data in encoder.objects():
                source = data.get("source")
                if source:
                    files.append(source)
                    if source.startswith("zip:"):
                        zips.add(source[4:].rsplit("!", 1)[0])
                yield data

        roots = [u.source for u in work.package.roots if u.source]
        data = _gzip_json(
            encoder.head(),
            [
                ("objects", objects()),
                ("units", encoder.units()),
                ("findings", _later(encoder.findings)),
            ],
        )
        return Packed(data, encoder.count, [*roots, *sorted(zips)], files)


# ---------------------------------------------------------------------------------------
# writing (atomic)
# ---------------------------------------------------------------------------------------


def _write_failure(exc: OSError, dest: Path) -> WorkError:
    if is_disk_full(exc):
        return WorkError([Finding(Code.DISK_FULL, Severity.ERROR, str(dest))])
    return WorkError(
        [Finding(Code.WRITE_ERROR, Severity.ERROR, str(dest), {"error": exc.strerror or str(exc)})]
    )


def write_bytes_atomic(
    path: str | os.PathLike[str],
    data: bytes,
    progress: Progress | None = None,
    *,
    inputs: Iterable[str] = (),
    files: Iterable[str] = (),
) -> None:
    """Write ``data`` to ``path`` atomically (temp file beside it, fsync, ``os.replace``).

    ``Cancelled`` propagates; ``WorkError([DISK_FULL | WRITE_ERROR])`` on an OS error,
    ``WorkError([UNSAFE_DESTINATION])`` when ``path`` is one of the work's files or inside
    one of its folders (``inputs``, ``files``: see ``seda.safepath``), a folder or a special
    file. Either way the temporary file is removed and a previous ``path`` is left untouched.
    """
    dest = Path(os.path.abspath(os.fspath(path)))
    try:
        guard_destination(path, inputs=inputs, files=files)
        with atomic_file(dest, suffix=".tmp") as out:
            total = len(data)
            view = memoryview(data)
            for start in range(0, total, CHUNK):
                check(progress)
                out.write(view[start : start + CHUNK])
                if progress is not None:
                    progress.report(min(start + CHUNK, total), total, str(dest))
            check(progress)
    except UnsafeDestination as exc:
        raise WorkError([exc.finding]) from exc
    except OSError as exc:
        raise _write_failure(exc, dest) from exc


def _doc_sources(doc: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(root folders/files and source zips, every object's source) of an encoded work."""
    roots = [
        str(u.get("source"))
        for u in doc.get("units", [])
        if isinstance(u, dict) and "parent" not in u and u.get("source")
    ]
    files = [
        str(o.get("source"))
        for o in doc.get("objects", [])
        if isinstance(o, dict) and o.get("source")
    ]
    zips = {f[4:].rsplit("!", 1)[0] for f in files if f.startswith("zip:")}
    return [*roots, *sorted(zips)], files


def write_document(
    path: str | os.PathLike[str], doc: dict[str, Any] | Packed, progress: Progress | None = None
) -> None:
    """Write ``doc`` (from ``pack_work``, or ``encode_work``) atomically. Any thread."""
    check(progress)
    if isinstance(doc, Packed):
        inputs, files, data = doc.inputs, doc.files, doc.data
    else:
        (inputs, files), data = _doc_sources(doc), dump_document(doc)
    write_bytes_atomic(path, data, progress, inputs=inputs, files=files)


def save_work(path: str | os.PathLike[str], work: Work, progress: Progress | None = None) -> None:
    """Save ``work`` to ``path`` (``.verso``), atomically. Raises ``WorkError``/``Cancelled``."""
    write_document(path, pack_work(work, progress), progress)


# ---------------------------------------------------------------------------------------
# reading
# ---------------------------------------------------------------------------------------


def _corrupt(path: str, error: str) -> WorkError:
    return WorkError([Finding(Code.WORK_CORRUPT, Severity.ERROR, path, {"error": error})])


def _not_verso(path: str) -> WorkError:
    return WorkError([Finding(Code.WORK_NOT_VERSO, Severity.ERROR, path)])


def _json_bytes(path: Path, shown: str, progress: Progress | None) -> Iterator[bytes]:
    """The JSON text of the file in chunks, gunzipped (size-capped; the CRC is checked at
    the end, so a damaged file still fails as a whole)."""
    try:
        size = path.stat().st_size
        f = open(path, "rb")  # noqa: SIM115 - closed below, the generator may stop early
    except FileNotFoundError as exc:
        raise WorkError([Finding(Code.NOT_FOUND, Severity.ERROR, shown)]) from exc
    except OSError as exc:
        raise _unreadable(shown, exc) from exc
    with f:
        try:
            head = f.read(2)
            if head == b"\x1f\x8b":
                f.seek(0)
                yield from _gunzip(f, size, shown, progress)
                return
            rest = head + f.read(min(size, 4096))
            if not rest.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
                raise _not_verso(shown)
            if size > MAX_JSON_BYTES:
                raise _corrupt(shown, "too big")
            read = len(rest)
            while rest:
                yield rest
                check(progress)
                rest = f.read(CHUNK)
                read += len(rest)
                if progress is not None:
                    progress.report(read, size, "")
        except OSError as exc:
            raise _unreadable(shown, exc) from exc


def _unreadable(shown: str, exc: OSError) -> WorkError:
    return WorkError(
        [Finding(Code.WORK_UNREADABLE, Severity.ERROR, shown, {"error": exc.strerror or str(exc)})]
    )


def _gunzip(f: Any, size: int, shown: str, progress: Progress | None) -> Iterator[bytes]:
    inflater = zlib.decompressobj(wbits=31)  # gzip header and CRC32/ISIZE trailer checked
    produced = 0
    read = 0
    while not inflater.eof:
        check(progress)
        try:
            chunk = inflater.unconsumed_tail or f.read(CHUNK)
            if not chunk:
                raise _corrupt(shown, "truncated")
            if not inflater.unconsumed_tail:
                read += len(chunk)
            out = inflater.decompress(chunk, CHUNK)
        except zlib.error as exc:
            raise _corrupt(shown, str(exc)) from exc
        produced += len(out)
        if produced > MAX_JSON_BYTES:
            raise _corrupt(shown, "too big")
        if progress is not None:
            progress.report(read, size, "")
        if out:
            yield out
    if inflater.unused_data.strip(b"\0") or f.read(1).strip(b"\0"):
        raise _corrupt(shown, "trailing data")


def _text(chunks: Iterator[bytes], first: bytearray) -> Iterator[str]:
    """UTF-8 text (a BOM is skipped) of ``chunks``; ``first`` keeps its first bytes."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    for chunk in chunks:
        if len(first) < 4096:
            first += chunk[: 4096 - len(first)]
        yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)


def _get(data: dict[str, Any], name: str, kind: str, default: Any) -> Any:
    value = data.get(name, _MISSING)
    if value is _MISSING:
        return default
    if kind == "str":
        if isinstance(value, str):
            return value
    elif kind == "int":
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
    elif kind == "bool":
        if isinstance(value, bool):
            return value
    elif kind == "optbool":
        if value is None or isinstance(value, bool):
            return value
    elif kind == "date":
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
    elif kind == "datetime":
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
    elif kind == "strlist":
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
    elif kind == "strdict":
        if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            return dict(value)
    raise _Bad(f"{name}: expected {kind}")


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Bad(f"{what}: expected an object")
    return value


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise _Bad(f"{what}: expected a list")
    return value


def _as_date(value: Any, name: str, what: str) -> date:
    if type(value) is str:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _Bad(f"{what}: {name}")


def _as_datetime(value: Any, name: str, what: str) -> datetime:
    if type(value) is str:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    raise _Bad(f"{what}: {name}")


def _as_strlist(value: Any, name: str, what: str) -> list[str]:
    if type(value) is list and all(type(v) is str for v in value):
        return list(value)
    raise _Bad(f"{what}: {name}")


def _as_strdict(value: Any, name: str, what: str) -> dict[str, str]:
    if type(value) is dict and all(type(v) is str for v in value.values()):
        return dict(value)
    raise _Bad(f"{what}: {name}")


_CHECKS = {
    "str": "type(v) is str",
    "int": "type(v) is int and v >= 0",
    "bool": "type(v) is bool",
    "optbool": "v is None or type(v) is bool",
}
_CONVERTERS = {
    "date": "_as_date",
    "datetime": "_as_datetime",
    "strlist": "_as_strlist",
    "strdict": "_as_strdict",
}


def _make_decoder(cls: type) -> Callable[[Any, str], Any]:
    """A straight-line function building a ``cls`` from its JSON object, type-checking every
    field (``_Bad`` on anything unexpected); generated like ``_make_encoder``."""
    required = _REQUIRED.get(cls, ())
    lines = [
        "def decode(d, what):",
        "    if type(d) is not dict: raise Bad(what + ': expected an object')",
    ]
    for name in required:
        lines.append(f"    if {name!r} not in d: raise Bad(what + ': ' + {name!r} + ' missing')")
    args = ", ".join(f"{name}=''" for name in required)
    lines.append(f"    o = CLS({args})")
    for name, kind in SPECS[cls]:
        lines.append(f"    v = d.get({name!r}, M)")
        lines.append("    if v is not M:")
        if kind in _CHECKS:
            lines.append(f"        if not ({_CHECKS[kind]}): raise Bad(what + ': ' + {name!r})")
            lines.append(f"        o.{name} = v")
        else:
            lines.append(f"        o.{name} = {_CONVERTERS[kind]}(v, {name!r}, what)")
    lines.append("    return o")
    namespace: dict[str, Any] = {
        "CLS": cls,
        "M": _MISSING,
        "Bad": _Bad,
        "_as_date": _as_date,
        "_as_datetime": _as_datetime,
        "_as_strlist": _as_strlist,
        "_as_strdict": _as_strdict,
    }
    exec("\n".join(lines), namespace)  # noqa: S102 - our own code, built from SPECS
    return namespace["decode"]  # type: ignore[no-any-return]


_DECODERS: dict[type, Callable[[Any, str], Any]] = {cls: _make_decoder(cls) for cls in SPECS}


def _decode(data: Any, cls: type, what: str) -> Any:
    return _DECODERS[cls](data, what)


def _dec_management(value: Any, what: str) -> Management:
    management = Management()
    for raw in _list(value, what):
        block: RuleCategory = _decode(raw, RuleCategory, what)
        block.rules = [_decode(r, Rule, what) for r in _list(raw.get("rules", []), what)]
        management.rules[block.category] = block
    return management


def _enc_more(more: MoreDescription) -> dict[str, Any]:
    """The rarer descriptive fields: plain values, dates as ISO text (a date-time keeps
    its ``T``), agents as dicts of their non-empty fields."""
    data: dict[str, Any] = {}
    for name in MoreDescription.__slots__:
        value = getattr(more, name)
        if not value:
            continue
        if name == "agents":
            data[name] = [
                {k: getattr(a, k) for k in Agent.__slots__ if getattr(a, k)} for a in value
            ]
        elif isinstance(value, date):
            data[name] = value.isoformat()
        elif isinstance(value, list):
            data[name] = list(value)
        else:
            data[name] = value
    return data


def _dec_more(value: Any, what: str) -> MoreDescription:
    more = MoreDescription()
    for name, item in _dict(value, what).items():
        if name not in MoreDescription.__slots__:
            continue  # a newer Verso's field: ignored rather than refusing the work
        if name == "agents":
            for raw in _list(item, what):
                agent = Agent()
                for key, part in _dict(raw, what).items():
                    if key in Agent.__slots__:
                        if not isinstance(part, type(getattr(agent, key))):
                            raise _Bad(f"{what}: agent {key}")
                        setattr(agent, key, list(part) if isinstance(part, list) else part)
                more.agents.append(agent)
        elif name in ("transacted_date", "acquired_date"):
            if not isinstance(item, str):
                raise _Bad(f"{what}: {name}")
            setattr(
                more,
                name,
                datetime.fromisoformat(item) if "T" in item else date.fromisoformat(item),
            )
        elif isinstance(getattr(more, name), list):
            if not isinstance(item, list) or not all(isinstance(v, str) for v in item):
                raise _Bad(f"{what}: {name}")
            setattr(more, name, list(item))
        else:
            if not isinstance(item, str):
                raise _Bad(f"{what}: {name}")
            setattr(more, name, item)
    return more


def decode_document(doc: Any, shown: str = "", progress: Progress | None = None) -> Work:
    """Build the ``Work`` from parsed JSON; ``WorkError`` when it is not a usable work."""
    if not isinstance(doc, dict):
        raise _not_verso(shown)
    try:
        with _no_gc():
            builder = _Builder(doc, shown, progress)
            builder.add_objects(doc.get("objects", []))
            builder.add_units(doc.get("units", []))
            return builder.finish(doc.get("findings", []))
    except (_Bad, KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        raise _corrupt(shown, str(exc) or type(exc).__name__) from exc


def _check_head(doc: dict[str, Any], shown: str) -> None:
    if doc.get("format") != FORMAT:
        raise _not_verso(shown)
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _corrupt(shown, "version")
    if version > VERSION:
        raise WorkError(
            [
                Finding(
                    Code.WORK_TOO_NEW,
                    Severity.ERROR,
                    shown,
                    {"version": version, "supported": VERSION},
                )
            ]
        )


class _Builder:
    """Builds the work from its parts as they are read: the head (format, version, header…),
    then each object, each unit, the findings. Equal values met again (format records,
    dates, a unit's source and title beside its object's) are kept once: a reopened work
    weighs what the scanned one did."""

    def __init__(self, head: dict[str, Any], shown: str, progress: Progress | None) -> None:
        _check_head(head, shown)
        self.head = head  # read again by ``finish``: members may follow the lists
        self.progress = progress
        self.package = Package()
        self.objects: list[BinaryObject] = []
        self.units: list[ArchiveUnit] = []
        self.formats: dict[tuple[tuple[str, Any], ...], FormatInfo] = {}
        self.shared: dict[Any, Any] = {}  # levels, dates and time zones

    def add_objects(self, raw_objects: Any) -> None:
        for raw in _list(raw_objects, "objects"):
            self.add_object(raw)

    def add_object(self, raw: Any) -> None:
        what = f"object {len(self.objects)}"
        obj: BinaryObject = _decode(raw, BinaryObject, what)
        raw_format = raw.get("format")
        if raw_format is not None:
            key = tuple(_dict(raw_format, what).items())
            fmt = self.formats.get(key)
            if fmt is None:
                fmt = self.formats[key] = _decode(raw_format, FormatInfo, what)
            obj.format = fmt
        when = obj.last_modified
        if when is not None and when.tzinfo is not None:
            zone = self.shared.setdefault(when.tzinfo, when.tzinfo)
            if zone is not when.tzinfo:
                obj.last_modified = when.replace(tzinfo=zone)
        self.objects.append(obj)

    def add_units(self, raw_units: Any) -> None:
        raw_units = _list(raw_units, "units")
        for raw in raw_units:
            self.add_unit(raw, len(raw_units))

    def add_unit(self, raw: Any, total: int = 0) -> None:
        i = len(self.units)
        what = f"unit {i}"
        unit: ArchiveUnit = _decode(raw, ArchiveUnit, what)
        shared = self.shared
        unit.level = shared.setdefault(unit.level, unit.level)  # "Item" once, not per unit
        if unit.start_date is not None:
            unit.start_date = shared.setdefault(unit.start_date, unit.start_date)
        if unit.end_date is not None:
            unit.end_date = shared.setdefault(unit.end_date, unit.end_date)
        if "keywords" in raw:
            for pair in _list(raw["keywords"], what):
                if (
                    not isinstance(pair, list)
                    or len(pair) != 2
                    or not all(isinstance(p, str) for p in pair)
                ):
                    raise _Bad(f"{what}: keyword")
                unit.own("keywords").append(Keyword(pair[0], pair[1]))
        if "management" in raw:
            unit.management = _dec_management(raw["management"], what)
        if "attachment" in raw:
            unit.attachment = _decode(raw["attachment"], Attachment, what)
        if "more" in raw:
            unit.more = _dec_more(raw["more"], what)
        objects = self.objects
        for ref in _list(raw.get("objects", []), what):
            if not isinstance(ref, int) or isinstance(ref, bool) or not 0 <= ref < len(objects):
                raise _Bad(f"{what}: object reference")
            obj = objects[ref]
            if unit.source == obj.source:  # one string for both (as the scan made them)
                unit.source = obj.source
            if unit.title == obj.filename:
                unit.title = obj.filename
            unit.objects.append(obj)
        if unit.objects:  # exact size, as the scan's: appending left room for 3 more
            unit.objects = unit.objects[:]
        parent = raw.get("parent", -1)
        if not isinstance(parent, int) or isinstance(parent, bool) or not -1 <= parent < i:
            raise _Bad(f"{what}: parent")  # parents come first: no cycle possible
        if parent < 0:
            self.package.roots.append(unit)
        else:
            owner = self.units[parent]
            unit.parent = owner
            owner.own("children").append(unit)
        self.units.append(unit)
        if i % _REPORT_EVERY == 0:
            check(self.progress)
            if self.progress is not None and total:  # streamed: the bytes read are reported
                self.progress.report(i, total, "")

    def finish(self, raw_findings: Any) -> Work:
        head, package = self.head, self.package
        package.seda_version = _get(head, "seda_version", "str", package.seda_version)
        package.signature_version = _get(head, "signature_version", "str", "")
        raw_header = _dict(head.get("header", {}), "header")
        package.header = _decode(raw_header, TransferHeader, "header")
        if "management" in raw_header:
            package.header.management = _dec_management(raw_header["management"], "header")
        units = self.units
        findings = []
        for i, raw in enumerate(_list(raw_findings, "findings")):
            raw = _dict(raw, f"finding {i}")
            code = _get(raw, "code", "str", "")
            if not code:
                raise _Bad(f"finding {i}: code")
            unit_ref = raw.get("unit")
            unit_uid = None
            if unit_ref is not None:
                if not isinstance(unit_ref, int) or isinstance(unit_ref, bool):
                    raise _Bad(f"finding {i}: unit")
                if 0 <= unit_ref < len(units):
                    unit_uid = units[unit_ref].uid
            line = raw.get("line")
            if line is not None and (not isinstance(line, int) or isinstance(line, bool)):
                raise _Bad(f"finding {i}: line")
            findings.append(
                Finding(
                    code,
                    Severity(_get(raw, "severity", "str", "")),
                    _get(raw, "path", "str", ""),
                    dict(_dict(raw.get("params", {}), f"finding {i}")),
                    unit_uid,
                    line,
                )
            )
        return Work(
            package=package,
            findings=findings,
            preset_path=_get(head, "preset", "str", ""),
            recovery_of=_get(head, "recovery_of", "str", ""),
        )


def _stream_build(chunks: Iterator[str], shown: str, progress: Progress | None) -> Work:
    """Build the work while its text is read: the objects (written first since objects
    went before units) and units become model objects one by one, never a million dicts
    at once. Work saved by earlier versions (units before objects) is read too: its units
    wait, as dicts, for the objects. A document whose format comes after its lists (edited
    by hand) is read whole, then built."""
    head: dict[str, Any] = {}
    rest: dict[str, Any] = {}  # findings; everything when not built as read
    builder: _Builder | None = None
    whole = False
    objects_seen = False
    pending: list[Any] | None = None  # units met before the objects
    for kind, key, value in jsonstream.events(chunks):
        if kind == jsonstream.VALUE:
            (rest if key in _LISTS else head)[key] = value
        elif kind == jsonstream.LIST:
            if key in ("objects", "units") and builder is None and not whole:
                if "format" in head:
                    builder = _Builder(head, shown, progress)
                else:
                    whole = True
            if whole or key not in ("objects", "units"):
                rest[key] = []
            elif key == "objects":
                objects_seen = True
            elif not objects_seen:
                pending = []
        elif whole or key not in ("objects", "units"):
            rest[key].append(value)
        elif key == "objects":
            builder.add_object(value)  # type: ignore[union-attr]
        elif pending is not None:
            pending.append(value)
        else:
            builder.add_unit(value)  # type: ignore[union-attr]
    if builder is None or "objects" in rest or "units" in rest:
        return decode_document({**head, **rest}, shown, progress)
    if pending is not None:
        builder.add_units(pending)
    return builder.finish(rest.get("findings", []))


def load_work(
    path: str | os.PathLike[str],
    progress: Progress | None = None,
    *,
    check_files: bool = True,
) -> Work:
    """Read the ``.verso`` at ``path``; with ``check_files``, ``source_findings`` says which
    files moved or changed since. ``WorkError`` (never anything else but ``Cancelled``)
    when the file cannot be used."""
    shown = os.path.abspath(os.fspath(path))
    first = bytearray()
    try:
        with _no_gc():
            work = _stream_build(
                _text(_json_bytes(Path(shown), shown, progress), first), shown, progress
            )
    except (
        _Bad,
        KeyError,
        TypeError,
        ValueError,
        AttributeError,
        IndexError,
        RecursionError,
    ) as exc:
        # not JSON at all, or JSON that is not a work (UnicodeDecodeError is a ValueError)
        if f'"{FORMAT}"'.encode() not in first:
            raise _not_verso(shown) from exc
        raise _corrupt(shown, str(exc) or type(exc).__name__) from exc
    if check_files:
        work.source_findings = check_sources(work.package, progress)
    return work


# ---------------------------------------------------------------------------------------
# sources still there?
# ---------------------------------------------------------------------------------------


def _unique(package: Package) -> Iterator[tuple[ArchiveUnit, BinaryObject]]:
    seen: set[int] = set()
    for unit, obj in package.objects():
        if obj.uid not in seen:
            seen.add(obj.uid)
            yield unit, obj


def _when(value: datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value is not None else ""


def check_sources(package: Package, progress: Progress | None = None) -> list[Finding]:
    """Files gone (``WORK_SOURCE_MISSING``, error: the export would fail) or changed
    (``WORK_SOURCE_CHANGED``: size or modification time differ, so the format/digest shown
    may be stale) since they were described. For objects read from a SIP the zip must still
    be there (one ``WORK_ZIP_MISSING`` per zip) and hold the member with the same size."""
    findings: list[Finding] = []
    zips: dict[str, list[tuple[ArchiveUnit, BinaryObject, str]]] = {}
    total = sum(len(unit.objects) for unit in package.walk())  # not a list of a million pairs
    for i, (unit, obj) in enumerate(_unique(package)):
        if i % 500 == 0:
            check(progress)
            if progress is not None:
                progress.report(i, total, obj.source)
        split = split_zip_source(obj.source)
        if split is not None:
            zips.setdefault(split[0], []).append((unit, obj, split[1]))
            continue
        try:
            st = os.stat(obj.source)
        except (FileNotFoundError, NotADirectoryError):
            findings.append(
                Finding(Code.WORK_SOURCE_MISSING, Severity.ERROR, obj.source, unit_uid=unit.uid)
            )
            continue
        except (OSError, ValueError) as exc:  # ValueError: NUL in a hand-edited path
            findings.append(
                Finding(
                    Code.SOURCE_UNREADABLE,
                    Severity.ERROR,
                    obj.source,
                    {"error": getattr(exc, "strerror", None) or str(exc)},
                    unit_uid=unit.uid,
                )
            )
            continue
        findings.extend(_changed(unit, obj, obj.source, st.st_size, st.st_mtime))
    for zip_path, members in zips.items():
        findings.extend(_check_zip(zip_path, members))
    return findings


def _changed(
    unit: ArchiveUnit, obj: BinaryObject, shown: str, size: int, mtime: float | None
) -> list[Finding]:
    moved_time = (
        mtime is not None
        and obj.last_modified is not None
        and abs(mtime - obj.last_modified.timestamp()) > MTIME_TOLERANCE
    )
    if size == obj.size and not moved_time:
        return []
    now = datetime.fromtimestamp(mtime).astimezone() if mtime is not None else None
    return [
        Finding(
            Code.WORK_SOURCE_CHANGED,
            Severity.WARNING,
            shown,
            {
                "size_before": obj.size,
                "size_now": size,
                "modified_before": _when(obj.last_modified),
                "modified_now": _when(now) if moved_time else _when(obj.last_modified),
            },
            unit_uid=unit.uid,
        )
    ]


def _check_zip(
    zip_path: str, members: list[tuple[ArchiveUnit, BinaryObject, str]]
) -> list[Finding]:
    first = members[0][0]
    if not os.path.isfile(zip_path):
        return [
            Finding(
                Code.WORK_ZIP_MISSING,
                Severity.ERROR,
                zip_path,
                {"count": len(members)},
                unit_uid=first.uid,
            )
        ]
    try:
        with zipfile.ZipFile(zip_path) as zf:
            infos = {i.orig_filename: i for i in zf.infolist()}
    except (OSError, zipfile.BadZipFile, ValueError, EOFError) as exc:
        return [
            Finding(
                Code.SOURCE_UNREADABLE,
                Severity.ERROR,
                zip_path,
                {"error": str(exc)},
                unit_uid=first.uid,
            )
        ]
    findings: list[Finding] = []
    for unit, obj, member in members:
        shown = f"{zip_path}!{member}"
        info = infos.get(member)
        if info is None:
            findings.append(
                Finding(Code.WORK_SOURCE_MISSING, Severity.ERROR, shown, unit_uid=unit.uid)
            )
        else:
            findings.extend(_changed(unit, obj, shown, info.file_size, None))
    return findings


# ---------------------------------------------------------------------------------------
# helpers for callers
# ---------------------------------------------------------------------------------------


def with_suffix(path: str) -> str:
    """``path`` ending in ``.verso`` (added when the user typed a bare name)."""
    return path if path.lower().endswith(SUFFIX) else path + SUFFIX


def model_fields(cls: type) -> set[str]:
    """Names of the dataclass fields of ``cls`` (a test compares them with ``SPECS``)."""
    return {f.name for f in fields(cls)}


__all__ = [
    "FORMAT",
    "SUFFIX",
    "VERSION",
    "Work",
    "WorkError",
    "check_sources",
    "decode_document",
    "dump_document",
    "encode_work",
    "load_work",
    "pack_work",
    "Packed",
    "save_work",
    "with_suffix",
    "write_bytes_atomic",
    "write_document",
]
