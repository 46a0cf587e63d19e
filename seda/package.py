"""SIP zip out (``export_sip``: atomic, stored, ZIP64, streamed) and in (``read_sip``: safe).

Export
    Every object is copied into ``content/ID<n>[.<ext>]`` (names the SAE accepts whatever
    the original file was called; the original name stays in ``FileInfo/Filename``), in
    1 MiB chunks, without recompression (``ZIP_STORED``: archives are mostly PDF/JPEG,
    deflate would cost CPU for nothing and Vitam hashes the stored bytes anyway), with the
    SHA-512 computed *while* copying. ``manifest.xml`` is written last, at the zip root,
    from the digests and sizes actually copied, so the zip is always self-consistent.

    Source changed since the scan (size or digest differ): the copy is kept, the manifest
    states what was really copied, and the report carries one ``SOURCE_CHANGED`` warning
    per file (the format/description the user checked may be stale: the app must show it).
    Source vanished or unreadable: nothing can be put in its place, so the export is
    aborted (``ExportError`` with ``SOURCE_MISSING`` / ``SOURCE_UNREADABLE``). Missing
    sources are looked for *before* writing anything, so the user gets the whole list at
    once.

    Atomic: the zip is written to a hidden temporary file beside ``dest`` (same filesystem),
    fsynced, optionally verified, then ``os.replace``d onto ``dest``. Cancel (``Cancelled``
    propagates), disk full (``ExportError([DISK_FULL])``) or any other failure removes the
    temporary file and leaves a previous ``dest`` untouched.

Import
    ``read_sip`` opens an existing SIP without ever extracting it: entry names are checked
    against the SAE's rules, path traversal / absolute names and zip bombs (overlapping
    entries, absurd compression ratios, inconsistent sizes) are refused, the manifest is
    found by the SAE's rule and read with ``seda.manifest.read_manifest``, and objects'
    ``source`` becomes ``"zip:<abs zip path>!<member>"`` so ``export_sip`` can copy them
    straight from the zip.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import os
import re
import shutil
import stat
import struct
import threading
import time
import zipfile
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from seda.atomic import discard_temp, forget_temp, fsync_dir, is_disk_full, keep_mode, new_temp
from seda.findings import Code, Finding, Severity
from seda.manifest import (
    ManifestError,
    clean_text,
    new_message_identifier,
    read_manifest,
    write_manifest,
)
from seda.model import SEDA_VERSIONS, SHARED_EMPTY, ArchiveUnit, BinaryObject, Package
from seda.progress import Cancelled, Progress, check
from seda.safepath import check_destination
from seda.winpath import extended

ENTRY_SEGMENT = re.compile(r"[a-zA-Z0-9\-_@]+(\.[a-zA-Z0-9\-_@]+)*")
MANIFEST_NAME = re.compile(r"([a-zA-Z0-9_\-]{0,56}[_-]){0,1}manifest.xml")
MANIFEST_ENTRY = "manifest.xml"
CONTENT_DIR = "content"
ZIP_PREFIX = "zip:"
CHUNK = 1 << 20
MAX_EXTENSION = 16  # longer "extensions" are rather parts of the name: dropped

# Zip-bomb guards (read_sip). Deflate cannot exceed ~1032:1, so a member above 1000:1 and
# big is a bomb; a whole archive declaring more than 200 times its size is refused too
# (real SIPs hold already compressed PDF/JPEG/ODT: close to 1:1).
BOMB_ENTRY_RATIO = 1000
BOMB_TOTAL_RATIO = 200
BOMB_MIN_SIZE = 64 << 20

# Python's zipfile decides ZIP64 per entry when it opens it; a file that grows while being
# copied past this margin would fail, so ZIP64 is forced well before the 2 GiB limit.
_ZIP64_MARGIN = zipfile.ZIP64_LIMIT // 2
_MANY_ENTRIES = 60_000  # above this, the manifest entry is written ZIP64 too (cheap)

HASH_NAMES = {
    "MD5": "md5",
    "SHA-1": "sha1",
    "SHA-256": "sha256",
    "SHA-384": "sha384",
    "SHA-512": "sha512",
}


class ExportError(Exception):
    """The export failed and wrote nothing under ``dest``; ``findings`` say why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(", ".join(str(f.code) for f in findings))
        self.findings = findings


class SipError(Exception):
    """The zip cannot be used as a SIP (not a zip, corrupt, unsafe, no manifest...)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(", ".join(str(f.code) for f in findings))
        self.findings = findings


@dataclass(slots=True)
class ExportReport:
    """What ``export_sip`` wrote."""

    path: Path
    message_identifier: str
    seda_version: str
    units: int = 0
    files: int = 0
    total_bytes: int = 0  # bytes of content copied (manifest excluded)
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)
    entries: dict[int, str] = field(default_factory=dict)  # BinaryObject.uid -> entry name
    digests: dict[int, str] = field(default_factory=dict)  # uid -> SHA-512 actually copied
    manifest_entry: str = MANIFEST_ENTRY
    verified: bool = False

    @property
    def entry_names(self) -> list[str]:
        """Every entry of the zip, content first, manifest last (the order written)."""
        return [*self.entries.values(), self.manifest_entry]


# ---------------------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------------------


def entry_name_ok(name: str) -> bool:
    """True when every ``/``-separated segment of the file entry ``name`` matches the
    SAE's rule ``^[a-zA-Z0-9\\-_@]+(\\.[a-zA-Z0-9\\-_@]+)*$`` (no spaces, accents, ``+``,
    ``#``, ``\\``, ``..``, empty segment). Directory entries: strip the final ``/`` first."""
    return bool(name) and all(ENTRY_SEGMENT.fullmatch(seg) for seg in name.split("/"))


def manifest_name_ok(name: str) -> bool:
    """True when ``name`` is a root entry the SAE takes as the manifest."""
    return MANIFEST_NAME.fullmatch(name) is not None


def entry_extension(filename: str) -> str:
    """The lower-case extension of ``filename`` when it is clean enough for an entry name
    (``""`` otherwise: ``"a.tar.gz"`` -> ``"gz"``, ``"photo.jpé"`` -> ``""``)."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = base.rpartition(".")
    if not dot or not stem.strip(".") or len(ext) > MAX_EXTENSION:
        return ""
    ext = ext.lower()
    return ext if ENTRY_SEGMENT.fullmatch(ext) else ""


def zip_source(zip_path: str | os.PathLike[str], member: str) -> str:
    """``BinaryObject.source`` for ``member`` of the zip ``zip_path`` (made absolute)."""
    return f"{ZIP_PREFIX}{os.path.abspath(os.fspath(zip_path))}!{member}"


def split_zip_source(source: str) -> tuple[str, str] | None:
    """``(zip path, member)`` of a ``zip:`` source, ``None`` for a filesystem path.

    Both a folder and a member may contain ``!``: the first ``!`` whose prefix is an
    existing file wins, else the first ``!``.
    """
    if not source.startswith(ZIP_PREFIX):
        return None
    body = source[len(ZIP_PREFIX) :]
    first = body.find("!")
    if first < 0:
        return body, ""
    i = first
    while i >= 0:
        if os.path.isfile(body[:i]):
            return body[:i], body[i + 1 :]
        i = body.find("!", i + 1)
    return body[:first], body[first + 1 :]


# ---------------------------------------------------------------------------------------
# sources
# ---------------------------------------------------------------------------------------


class _SourceProblem(Exception):
    def __init__(self, code: str, error: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.error = error


class _Sources:
    """Opens objects' sources; keeps ``zip:`` archives open (10,000 members, one parse).

    Members are looked up by their raw name (``orig_filename``): on Windows zipfile turns
    ``\\`` into ``/`` in ``filename``, and read_sip's Uris are the raw names.
    """

    def __init__(self) -> None:
        self._zips: dict[str, tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo]]] = {}

    def _split(self, source: str) -> tuple[str, str] | None:
        if not source.startswith(ZIP_PREFIX):
            return None
        for known in self._zips:
            if source.startswith(f"{ZIP_PREFIX}{known}!"):
                return known, source[len(ZIP_PREFIX) + len(known) + 1 :]
        return split_zip_source(source)

    def _member(self, path: str, member: str) -> tuple[zipfile.ZipFile, zipfile.ZipInfo]:
        entry = self._zips.get(path)
        if entry is None:
            if not os.path.exists(path):
                raise _SourceProblem(Code.SOURCE_MISSING)
            try:
                zf = zipfile.ZipFile(path)
            except (OSError, zipfile.BadZipFile, ValueError, EOFError) as exc:
                raise _SourceProblem(Code.SOURCE_UNREADABLE, str(exc)) from exc
            entry = self._zips[path] = (zf, {i.orig_filename: i for i in zf.infolist()})
        info = entry[1].get(member)
        if info is None:
            raise _SourceProblem(Code.SOURCE_MISSING)
        return entry[0], info

    def size(self, source: str) -> int:
        """Current size; raises ``_SourceProblem`` when missing/unusable."""
        split = self._split(source)
        if split is not None:
            return self._member(*split)[1].file_size
        try:
            st = os.stat(extended(source))  # \\?\ past 260 characters (Windows)
        except FileNotFoundError:
            raise _SourceProblem(Code.SOURCE_MISSING) from None
        except OSError as exc:
            raise _SourceProblem(Code.SOURCE_UNREADABLE, str(exc)) from exc
        if not stat.S_ISREG(st.st_mode):  # a fifo would block, a folder cannot be copied
            raise _SourceProblem(Code.SOURCE_UNREADABLE, "not a regular file")
        return st.st_size

    def open(self, source: str) -> IO[bytes]:
        split = self._split(source)
        try:
            if split is not None:
                zf, info = self._member(*split)
                return zf.open(info)
            return open(extended(source), "rb")
        except FileNotFoundError:
            raise _SourceProblem(Code.SOURCE_MISSING) from None
        except (OSError, zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
            # RuntimeError: encrypted member; NotImplementedError: unknown compression
            raise _SourceProblem(Code.SOURCE_UNREADABLE, str(exc)) from exc

    def close(self) -> None:
        for zf, _members in self._zips.values():
            zf.close()
        self._zips.clear()


# Errors reading a member of a (possibly damaged) zip: CRC mismatch, truncated stream...
_ZIP_READ_ERRORS = (
    OSError,
    zipfile.BadZipFile,
    EOFError,
    zlib.error,
    RuntimeError,
    NotImplementedError,
)


# ---------------------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------------------


def _update(hashes: list[Any], chunk: bytes | memoryview) -> None:
    for h in hashes:
        h.update(chunk)


def _readinto(src: IO[bytes], buf: bytearray) -> int:
    """Fill ``buf`` as far as the source allows (short only at its end)."""
    view = memoryview(buf)
    got = 0
    try:
        while got < len(buf):
            n = src.readinto(view[got:])  # type: ignore[attr-defined]
            if not n:
                break
            got += n
    except _ZIP_READ_ERRORS as exc:
        raise _SourceProblem(Code.SOURCE_UNREADABLE, str(exc)) from exc
    return got


class _Crc:
    """Running CRC-32 of one entry (updated on the CRC thread, in chunk order)."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = 0

    def update(self, chunk: memoryview) -> None:
        self.value = zlib.crc32(chunk, self.value)


def _raw_target(dst: IO[bytes]) -> IO[bytes] | None:
    """The zip's own file under a stored ``zipfile`` entry, to write chunks without
    ``zipfile`` computing their CRC-32 inline (``_Pipeline`` computes it on its own thread
    and hands it over at the end with ``_finish_raw``). ``None`` when this Python's
    ``_ZipWriteFile`` does not look as expected: then plain ``dst.write``."""
    if (
        getattr(dst, "_compressor", True) is None
        and isinstance(getattr(dst, "_file_size", None), int)
        and isinstance(getattr(dst, "_crc", None), int)
    ):
        fp = getattr(dst, "_fileobj", None)
        if fp is not None and hasattr(fp, "write"):
            return fp  # type: ignore[no-any-return]
    return None


def _finish_raw(dst: IO[bytes], size: int, crc: int) -> None:
    dst._file_size = size  # type: ignore[attr-defined]
    dst._compress_size = size  # type: ignore[attr-defined]
    dst._crc = crc  # type: ignore[attr-defined]


_INLINE = 256 << 10  # chunks below this are digested on the copying thread itself
_PARALLEL_MIN = 16 << 20  # files this big, two or more in a row, are copied side by side


class _Pipeline:
    """Copy with the digests and the CRC-32 computed beside the writes, each read once.

    The main thread reads a chunk into one of ``DEPTH`` reused buffers and writes it to the
    zip; one thread digests it (SHA-512 + the declared algorithm), another computes the
    zip's CRC-32. hashlib, zlib and file writes release the interpreter lock on large
    buffers, so on two cores the export runs at about the speed of its slowest stage
    (SHA-512) instead of the sum of all three, and no chunk is allocated per read. Each
    stage has a single thread, so chunks are digested in order; a buffer is reused only
    once both threads are done with it. One pipeline per export (closed at its end).
    """

    DEPTH = 4

    def __init__(self) -> None:
        self.buffers = [bytearray(CHUNK) for _ in range(self.DEPTH)]
        self.digest = ThreadPoolExecutor(max_workers=1, thread_name_prefix="verso-digest")
        self.crc = ThreadPoolExecutor(max_workers=1, thread_name_prefix="verso-crc")
        self.parallel = ThreadPoolExecutor(
            max_workers=max(1, min(4, os.cpu_count() or 1)), thread_name_prefix="verso-copy"
        )

    def close(self) -> None:
        self.digest.shutdown(wait=True)
        self.crc.shutdown(wait=True)
        self.parallel.shutdown(wait=True)


@dataclass(slots=True)
class _Copied:
    size: int
    sha512: str


def _zip_time(when: datetime | None, fallback: datetime) -> tuple[int, int, int, int, int, int]:
    value = when if when is not None and 1980 <= when.year <= 2107 else fallback
    if not 1980 <= value.year <= 2107:
        value = datetime(1980, 1, 1)
    return (value.year, value.month, value.day, value.hour, value.minute, value.second)


def _quietly(action: Any) -> None:
    """Run a cleanup step whose own failure must not hide the original error."""
    try:
        action()
    except Exception:  # noqa: BLE001 - cleanup of a file about to be deleted
        pass


def _unique_objects(package: Package) -> Iterator[tuple[ArchiveUnit, BinaryObject]]:
    seen: set[int] = set()
    for unit, obj in package.objects():
        if obj.uid not in seen:
            seen.add(obj.uid)
            yield unit, obj


def _manifest_view(package: Package, copied: dict[int, _Copied]) -> Package:
    """``package`` as the manifest must describe it: sizes/digests actually copied.

    Returns ``package`` itself when nothing differs; otherwise a copy of the unit tree
    (uids kept, so ``uris`` still apply) with corrected objects: the caller's model is
    never mutated (the UI may still be showing it).
    """

    def differs(obj: BinaryObject) -> bool:
        got = copied.get(obj.uid)
        return got is not None and (
            got.size != obj.size or got.sha512 != obj.digest or obj.digest_algorithm != "SHA-512"
        )

    if not any(differs(obj) for _unit, obj in package.objects()):
        return package

    def fixed(obj: BinaryObject) -> BinaryObject:
        got = copied.get(obj.uid)
        if got is None:
            return obj
        return replace(obj, size=got.size, digest=got.sha512, digest_algorithm="SHA-512")

    def clone(unit: ArchiveUnit, parent: ArchiveUnit | None) -> ArchiveUnit:
        return replace(
            unit, children=SHARED_EMPTY, objects=[fixed(o) for o in unit.objects], parent=parent
        )

    roots: list[ArchiveUnit] = []
    stack: list[tuple[ArchiveUnit, ArchiveUnit | None]] = [(r, None) for r in package.roots]
    stack.reverse()
    while stack:
        unit, parent = stack.pop()
        copy = clone(unit, parent)
        if parent is None:
            roots.append(copy)
        else:
            parent.own("children").append(copy)
        stack.extend((child, copy) for child in reversed(unit.children))
    return replace(package, roots=roots)


class _Export:
    """One run of ``export_sip`` (keeps the bookkeeping out of the function body)."""

    def __init__(
        self, package: Package, dest: Path, version: str, progress: Progress | None
    ) -> None:
        self.package = package
        self.dest = dest
        self.version = version
        self.progress = progress
        self.sources = _Sources()
        self._pipeline: _Pipeline | None = None
        self.findings: list[Finding] = []
        self.copied: dict[int, _Copied] = {}
        self.done = 0
        self.total = 0

    @property
    def pipeline(self) -> _Pipeline:
        if self._pipeline is None:
            self._pipeline = _Pipeline()
        return self._pipeline

    def close(self) -> None:
        """Close the sources and stop the copy threads (the export is over)."""
        self.sources.close()
        if self._pipeline is not None:
            self._pipeline.close()
            self._pipeline = None

    def report(self, message: str) -> None:
        if self.progress is not None:
            self.progress.report(self.done, max(self.total, self.done), message)

    def plan(self) -> tuple[list[tuple[ArchiveUnit, BinaryObject, str]], dict[int, str]]:
        """Entry names for every object, after checking every source still exists."""
        items: list[tuple[ArchiveUnit, BinaryObject, str]] = []
        uris: dict[int, str] = {}
        problems: list[Finding] = []
        for n, (unit, obj) in enumerate(_unique_objects(self.package), start=1):
            check(self.progress)
            try:
                self.total += self.sources.size(obj.source)
            except _SourceProblem as exc:
                params = {"error": exc.error} if exc.error else {}
                problems.append(
                    Finding(exc.code, Severity.ERROR, obj.source, params, unit_uid=unit.uid)
                )
                continue
            hint = obj.filename or (self.sources._split(obj.source) or ("", obj.source))[1]
            ext = entry_extension(hint)
            name = f"{CONTENT_DIR}/ID{n}" + (f".{ext}" if ext else "")
            items.append((unit, obj, name))
            uris[obj.uid] = name
        if problems:
            raise ExportError(problems)
        return items, uris

    def copy(self, unit: ArchiveUnit, obj: BinaryObject, dst: IO[bytes], src: IO[bytes]) -> None:
        hashes = self.hashes_for(obj)
        pipe = self.pipeline
        raw = _raw_target(dst)
        crc = _Crc()
        size = 0
        in_flight: deque[tuple[Future[None], Future[None] | None]] = deque()
        try:
            for n_chunk in itertools.count():
                check(self.progress)
                if len(in_flight) == pipe.DEPTH:  # the oldest buffer is about to be reused
                    for future in in_flight.popleft():
                        if future is not None:
                            future.result()
                buf = pipe.buffers[n_chunk % pipe.DEPTH]
                n = _readinto(src, buf)
                if not n:
                    break
                view = memoryview(buf)[:n]
                if n < _INLINE and not in_flight:  # a small file: handing over costs more
                    _update(hashes, view)
                    if raw is not None:
                        crc.update(view)
                        raw.write(view)
                    else:
                        dst.write(view)
                    size += n
                    self.done += n
                    self.report(obj.filename)
                    continue
                digested = pipe.digest.submit(_update, hashes, view)
                if raw is not None:
                    checked: Future[None] | None = pipe.crc.submit(crc.update, view)
                    raw.write(view)
                else:
                    checked = None
                    dst.write(view)
                in_flight.append((digested, checked))
                size += n
                self.done += n
                self.report(obj.filename)
            while in_flight:
                for future in in_flight.popleft():
                    if future is not None:
                        future.result()
        finally:
            # An error while reading or writing: let the threads finish with the buffers.
            for futures in in_flight:
                for future in futures:
                    if future is not None:
                        future.exception()
        if raw is not None:
            _finish_raw(dst, size, crc.value)
        self.finish_copy(unit, obj, size, hashes)

    @staticmethod
    def hashes_for(obj: BinaryObject) -> list[Any]:
        """SHA-512 (the manifest's) plus the declared algorithm when it is another one."""
        hashes = [hashlib.sha512()]
        if obj.digest and obj.digest_algorithm != "SHA-512" and obj.digest_algorithm in HASH_NAMES:
            hashes.append(hashlib.new(HASH_NAMES[obj.digest_algorithm]))
        return hashes

    def finish_copy(
        self, unit: ArchiveUnit, obj: BinaryObject, size: int, hashes: list[Any]
    ) -> None:
        """Record what was copied; SOURCE_CHANGED when it is not what the scan saw."""
        digest = hashes[0].hexdigest()
        other = hashes[1] if len(hashes) > 1 else None
        self.copied[obj.uid] = _Copied(size, digest)
        if other is not None:
            expected, actual = obj.digest.lower(), other.hexdigest()
        else:
            expected, actual = obj.digest.lower(), digest
        # With a digest, it alone decides (a wrong declared Size, as in some SIPs, is just
        # corrected in the manifest); without one (not analysed yet), the size decides.
        if (expected != actual) if expected else (size != obj.size):
            self.findings.append(
                Finding(
                    Code.SOURCE_CHANGED,
                    Severity.WARNING,
                    obj.source,
                    {
                        "expected": expected,
                        "actual": actual,
                        "expected_size": obj.size,
                        "actual_size": size,
                    },
                    unit_uid=unit.uid,
                )
            )

    def write(
        self,
        zf: zipfile.ZipFile,
        items: list[tuple[ArchiveUnit, BinaryObject, str]],
        uris: dict[int, str],
        message_identifier: str,
        when: datetime,
    ) -> None:
        position = 0
        while position < len(items):
            run = self.parallel_run(items, position)
            if run and self.write_parallel(zf, items[position : position + run], when):
                position += run
                continue
            for unit, obj, name in items[position : position + max(run, 1)]:
                self.write_one(zf, unit, obj, name, when)
            position += max(run, 1)
        self.write_manifest(zf, items, uris, message_identifier, when)

    def parallel_run(self, items: list[tuple[ArchiveUnit, BinaryObject, str]], start: int) -> int:
        """How many big plain files follow from ``start`` (0 if fewer than two)."""
        if not hasattr(os, "pwrite"):  # Windows: one file after the other
            return 0
        n = 0
        for _unit, obj, _name in items[start:]:
            if obj.source.startswith(ZIP_PREFIX) or obj.size < _PARALLEL_MIN:
                break
            n += 1
        return n if n >= 2 else 0

    def write_parallel(
        self,
        zf: zipfile.ZipFile,
        run: list[tuple[ArchiveUnit, BinaryObject, str]],
        when: datetime,
    ) -> bool:
        """Copy big files side by side, each into its own place in the zip.

        SHA-512 runs at ~0.8 GB/s on one core, slower than a copy on a fast disk: one file
        per core doubles the export's speed. Every entry's place is known from the sizes
        (the local header has a fixed length with ZIP64 extras), so each thread reads its
        file once, digests it and writes it with ``pwrite`` at its offset; the headers get
        their CRC-32 at the end. Returns False (nothing kept, the zip as before) when a
        file's size changed since ``plan``: the caller then copies them one by one.
        """
        fp = zf.fp
        assert fp is not None
        fp.flush()
        start = fp.tell()
        fd = fp.fileno()
        slots: list[tuple[ArchiveUnit, BinaryObject, zipfile.ZipInfo, int, int]] = []
        position = start
        for unit, obj, name in run:
            try:
                size = self.sources.size(obj.source)
            except _SourceProblem as exc:
                raise self.source_error(exc, unit, obj) from exc
            info = zipfile.ZipInfo(name, _zip_time(obj.last_modified, when))
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.file_size = info.compress_size = size
            info.CRC = 0  # the real one once copied
            info.header_offset = position
            header = len(info.FileHeader(True))
            slots.append((unit, obj, info, position + header, size))
            position = position + header + size
        stop = threading.Event()
        copied = [0] * len(slots)

        def put(crc: _Crc, chunk: memoryview, offset: int) -> None:
            crc.update(chunk)
            written = 0
            while written < len(chunk):
                written += os.pwrite(fd, chunk[written:], offset + written)

        def job(k: int) -> tuple[int, int, list[Any]]:
            """Read and digest here; CRC-32 and write on a second thread, chunk by chunk
            in order (zlib's CRC-32 runs at only about twice SHA-512's speed: done in
            turn, the last big file, copied alone, went at 2/3 of SHA-512's speed)."""
            _unit, obj, _info, at, size = slots[k]
            hashes = self.hashes_for(obj)
            crc = _Crc()
            done = 0
            buffers = [bytearray(CHUNK) for _ in range(_Pipeline.DEPTH)]
            in_flight: deque[Future[None]] = deque()
            try:
                src = open(obj.source, "rb", buffering=0)  # noqa: SIM115 - closed below
            except FileNotFoundError:
                raise _SourceProblem(Code.SOURCE_MISSING) from None
            except OSError as exc:
                raise _SourceProblem(Code.SOURCE_UNREADABLE, str(exc)) from exc
            writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="verso-write")
            try:
                with src:
                    for n_chunk in itertools.count():
                        if stop.is_set():
                            break
                        if len(in_flight) == len(buffers):  # its buffer comes round again
                            in_flight.popleft().result()
                        buf = buffers[n_chunk % len(buffers)]
                        try:
                            n = src.readinto(buf)
                        except OSError as exc:
                            raise _SourceProblem(Code.SOURCE_UNREADABLE, str(exc)) from exc
                        if not n or done + n > size:
                            done += n or 0
                            break
                        chunk = memoryview(buf)[:n]
                        in_flight.append(writer.submit(put, crc, chunk, at + done))
                        _update(hashes, chunk)  # meanwhile, on this thread
                        done += n
                        copied[k] = done
                    while in_flight:  # every write done (or its error raised) before return
                        in_flight.popleft().result()
            finally:
                writer.shutdown(wait=True)  # never a write after the caller undid the run
            return done, crc.value, hashes

        base = self.done
        futures = [self.pipeline.parallel.submit(job, k) for k in range(len(slots))]
        try:
            while True:
                finished, waiting = wait(futures, timeout=0.1, return_when=FIRST_EXCEPTION)
                self.done = base + sum(copied)
                self.report(slots[min(len(finished), len(slots) - 1)][1].filename)
                check(self.progress)
                if not waiting or any(f.exception() is not None for f in finished):
                    break
        except BaseException:
            stop.set()
            wait(futures)
            raise
        stop.set()
        wait(futures)
        for (unit, obj, _info, _at, _size), future in zip(slots, futures, strict=True):
            error = future.exception()
            if isinstance(error, _SourceProblem):
                raise self.source_error(error, unit, obj) from error
            if error is not None:
                raise error
        results = [f.result() for f in futures]
        if any(done != slot[4] for (done, _crc, _h), slot in zip(results, slots, strict=True)):
            os.ftruncate(fd, start)  # a size changed: undo, the caller copies one by one
            fp.seek(start)
            self.done = base
            return False
        for (unit, obj, info, _at, size), (_done, crc, hashes) in zip(slots, results, strict=True):
            info.CRC = crc
            os.pwrite(fd, info.FileHeader(True), info.header_offset)
            zf.filelist.append(info)
            zf.NameToInfo[info.filename] = info
            self.finish_copy(unit, obj, size, hashes)
        fp.seek(position)
        zf.start_dir = position
        zf._didModify = True  # type: ignore[attr-defined]
        self.done = base + sum(slot[4] for slot in slots)
        return True

    def write_one(
        self,
        zf: zipfile.ZipFile,
        unit: ArchiveUnit,
        obj: BinaryObject,
        name: str,
        when: datetime,
    ) -> None:
        check(self.progress)
        self.report(obj.filename)
        try:
            current = self.sources.size(obj.source)
            src = self.sources.open(obj.source)
        except _SourceProblem as exc:
            raise self.source_error(exc, unit, obj) from exc
        try:
            info = zipfile.ZipInfo(name, _zip_time(obj.last_modified, when))
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.file_size = current  # lets zipfile pick ZIP64 for big files
            dst = zf.open(info, "w", force_zip64=current >= _ZIP64_MARGIN)
            try:
                self.copy(unit, obj, dst, src)
            except _SourceProblem as exc:
                _quietly(dst.close)
                raise self.source_error(exc, unit, obj) from exc
            except BaseException:
                _quietly(dst.close)
                raise
            dst.close()
        finally:
            src.close()

    def write_manifest(
        self,
        zf: zipfile.ZipFile,
        items: list[tuple[ArchiveUnit, BinaryObject, str]],
        uris: dict[int, str],
        message_identifier: str,
        when: datetime,
    ) -> None:
        check(self.progress)
        self.report(MANIFEST_ENTRY)
        info = zipfile.ZipInfo(MANIFEST_ENTRY, _zip_time(when, when))
        info.compress_type = zipfile.ZIP_STORED
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        out = zf.open(info, "w", force_zip64=len(items) > _MANY_ENTRIES)
        try:
            adapted = write_manifest(
                _manifest_view(self.package, self.copied),
                out,
                version=self.version,
                uris=uris,
                message_identifier=message_identifier,
                date=when,
            )
        except BaseException:
            _quietly(out.close)
            raise
        out.close()
        self.findings.extend(adapted)  # values made safe for the SAE's sanitizer

    @staticmethod
    def source_error(exc: _SourceProblem, unit: ArchiveUnit, obj: BinaryObject) -> ExportError:
        params = {"error": exc.error} if exc.error else {}
        return ExportError(
            [Finding(exc.code, Severity.ERROR, obj.source, params, unit_uid=unit.uid)]
        )


def _write_error(exc: OSError, dest: Path) -> ExportError:
    name = errno.errorcode.get(exc.errno or 0, "")
    code = Code.DISK_FULL if is_disk_full(exc) else Code.WRITE_ERROR
    return ExportError(
        [Finding(code, Severity.ERROR, str(dest), {"error": str(exc), "errno": name})]
    )


def export_sip(
    package: Package,
    dest: str | os.PathLike[str],
    *,
    version: str | None = None,
    progress: Progress | None = None,
    verify: bool = False,
    message_identifier: str | None = None,
) -> ExportReport:
    """Write ``package`` as a SIP zip at ``dest`` (see the module docstring for the rules).

    ``version`` defaults to ``package.seda_version``; ``message_identifier`` to the
    header's, else a new one. Progress is in bytes (``message`` = the file being copied);
    ``verify`` re-reads the finished zip before it replaces ``dest`` and refuses it when an
    entry's SHA-512 differs from the manifest (``ExportError`` with ``VAL_DIGEST``).
    Raises ``Cancelled`` or ``ExportError``; either way nothing is left behind.
    Thread-affinity: none (pure function on a package the caller does not mutate meanwhile).
    """
    started = time.monotonic()
    version = version or package.seda_version
    if version not in SEDA_VERSIONS:
        raise ValueError(f"unsupported SEDA version {version!r}")
    dest = Path(os.path.abspath(os.fspath(dest)))
    when = package.header.date or datetime.now().astimezone()
    identifier = " ".join(
        clean_text(message_identifier or package.header.message_identifier).split()
    ) or new_message_identifier(when)

    # never over what is packed: dropped folders and files, the zips (SIPs) read from
    sources = [obj.source for _unit, obj in package.objects()]
    zips = {s[4:].rsplit("!", 1)[0] for s in sources if s.startswith("zip:")}
    unsafe = check_destination(
        dest, inputs=[*(u.source for u in package.roots if u.source), *zips], files=sources
    )
    if unsafe is not None:
        raise ExportError([unsafe])

    job = _Export(package, dest, version, progress)
    tmp: str | None = None
    raw: IO[bytes] | None = None
    try:
        items, uris = job.plan()
        content_bytes = job.total
        if verify:
            job.total *= 2
        job.report("")
        try:
            free = _disk_free(dest.parent)
        except OSError:
            free = None
        if free is not None and free < content_bytes:
            raise ExportError(
                [
                    Finding(
                        Code.DISK_FULL,
                        Severity.ERROR,
                        str(dest),
                        {"needed": content_bytes, "available": free},
                    )
                ]
            )
        fd, tmp = new_temp(dest.parent, prefix=f".{dest.name[:80]}.", suffix=".part")
        raw = os.fdopen(fd, "w+b")
        zf = zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED, allowZip64=True)
        try:
            job.write(zf, items, uris, identifier, when)
        except BaseException:
            _quietly(zf.close)
            raise
        zf.close()
        raw.flush()
        os.fsync(raw.fileno())
        raw.close()
        raw = None
        job.close()  # before os.replace: dest may be one of the source zips

        verified = False
        if verify:
            try:
                problems = _verify(Path(tmp), progress, job)
            except SipError as exc:  # our own zip unreadable: say why, keep dest
                raise ExportError(exc.findings) from exc
            errors = [f for f in problems if f.severity == Severity.ERROR]
            if errors:
                raise ExportError(errors)
            job.findings.extend(problems)
            verified = True

        keep_mode(tmp, dest)
        os.replace(tmp, dest)
        forget_temp(tmp)
        tmp = None
        fsync_dir(dest.parent)
    except BaseException as exc:
        if raw is not None:
            _quietly(raw.close)
        job.close()
        discard_temp(tmp)
        if isinstance(exc, Cancelled | ExportError) or not isinstance(exc, Exception):
            raise
        if isinstance(exc, OSError):
            raise _write_error(exc, dest) from exc
        raise ExportError(
            [
                Finding(
                    Code.EXPORT_FAILED,
                    Severity.ERROR,
                    str(dest),
                    {"error": f"{type(exc).__name__}: {exc}"},
                )
            ]
        ) from exc

    units = sum(1 for _ in package.walk())
    return ExportReport(
        path=dest,
        message_identifier=identifier,
        seda_version=version,
        units=units,
        files=len(job.copied),
        total_bytes=sum(c.size for c in job.copied.values()),
        seconds=time.monotonic() - started,
        findings=job.findings,
        entries=dict(uris),
        digests={uid: c.sha512 for uid, c in job.copied.items()},
        verified=verified,
    )


def _disk_free(folder: Path) -> int:
    """Free bytes where ``folder`` lives (a function so tests can pretend a full disk)."""
    return shutil.disk_usage(folder).free


# ---------------------------------------------------------------------------------------
# verify
# ---------------------------------------------------------------------------------------


def _hash_member(
    zf: zipfile.ZipFile, member: zipfile.ZipInfo, algorithm: str, tick: Any
) -> tuple[int, str]:
    h = hashlib.new(HASH_NAMES.get(algorithm, "sha512"))
    size = 0
    with zf.open(member) as src:
        while True:
            chunk = src.read(CHUNK)
            if not chunk:
                break
            h.update(chunk)
            size += len(chunk)
            tick(len(chunk), member.orig_filename)
    return size, h.hexdigest()


def _verify(path: Path, progress: Progress | None, job: _Export | None = None) -> list[Finding]:
    """Entries' digests against the manifest of the SIP at ``path``: findings."""
    package, findings = read_sip(path)
    done = job.done if job is not None else 0
    total = job.total if job is not None else sum(o.size for _u, o in package.objects())

    def tick(n: int, message: str) -> None:
        nonlocal done
        check(progress)
        done += n
        if progress is not None:
            progress.report(done, max(total, done), message)

    with zipfile.ZipFile(path) as zf:
        members = {i.orig_filename: i for i in zf.infolist()}
        for unit, obj in package.objects():
            check(progress)
            split = split_zip_source(obj.source)
            member = split[1] if split else obj.source
            if member not in members:
                continue  # read_sip already reported SIP_MISSING_MEMBER
            try:
                size, actual = _hash_member(zf, members[member], obj.digest_algorithm, tick)
            except _ZIP_READ_ERRORS as exc:
                findings.append(
                    Finding(Code.SIP_CORRUPT, Severity.ERROR, member, {"error": str(exc)})
                )
                continue
            expected = obj.digest.lower()
            if expected != actual or obj.digest_algorithm not in HASH_NAMES:
                findings.append(
                    Finding(
                        Code.VAL_DIGEST,
                        Severity.ERROR,
                        member,
                        {"expected": expected, "actual": actual},
                        unit_uid=unit.uid,
                    )
                )
            if obj.size and obj.size != size:
                findings.append(
                    Finding(
                        Code.SIP_SIZE_MISMATCH,
                        Severity.WARNING,
                        member,
                        {"expected": obj.size, "actual": size},
                        unit_uid=unit.uid,
                    )
                )
    if job is not None:
        job.done = done
    return findings


def verify_sip(path: str | os.PathLike[str], *, progress: Progress | None = None) -> list[Finding]:
    """Re-read the SIP at ``path``: ``read_sip`` findings plus one ``VAL_DIGEST`` per entry
    whose digest differs from the manifest (computed with the manifest's algorithm).
    Raises ``SipError`` when the zip cannot be read at all."""
    return _verify(Path(path), progress)


# ---------------------------------------------------------------------------------------
# import
# ---------------------------------------------------------------------------------------


def _looks_like_zip(path: Path) -> bool:
    """A local header or end-of-central-directory signature at the start: a (broken) zip."""
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError:
        return False
    return head in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def _end_record_misplaced(path: Path, size: int) -> bool:
    """True when the end-of-central-directory record found does not end the file.

    zipfile takes the last EOCD signature of the final 64 KiB even when it sits inside a
    member: a truncated SIP holding a stored ODT/DOCX would be read as that inner zip.
    """
    tail_size = min(size, (1 << 16) + 22)
    try:
        with open(path, "rb") as f:
            f.seek(size - tail_size)
            tail = f.read(tail_size)
    except OSError:
        return False  # zipfile already read it; let its own verdict stand
    pos = tail.rfind(b"PK\x05\x06")
    if pos < 0 or pos + 22 > len(tail):
        return True
    comment_length: int = struct.unpack_from("<H", tail, pos + 20)[0]
    return pos + 22 + comment_length != len(tail)


def _raw_name_length(info: zipfile.ZipInfo) -> int:
    encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
    try:
        return len(info.orig_filename.encode(encoding))
    except UnicodeEncodeError:
        return len(info.orig_filename.encode("utf-8"))


def unsafe_entry_reason(raw: str) -> str:
    """Why the zip entry name ``raw`` must never be used as a path: "absolute" (``/x``,
    ``\\x``, ``C:x``), "traversal" (a ``..`` segment, ``/`` or ``\\`` separated), "nul";
    "" when safe. Shared by ``read_sip`` and the scan of dropped zips."""
    if raw.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", raw):
        return "absolute"
    if ".." in re.split(r"[/\\]", raw.rstrip("/")):
        return "traversal"
    if "\x00" in raw:
        return "nul"
    return ""


def _check_names(infos: Iterable[zipfile.ZipInfo]) -> tuple[list[Finding], list[Finding]]:
    """(fatal, other) findings about entry names."""
    fatal: list[Finding] = []
    other: list[Finding] = []
    seen: set[str] = set()
    for info in infos:
        raw = info.orig_filename
        is_dir = raw.endswith("/")
        unsafe = unsafe_entry_reason(raw)
        if unsafe:
            fatal.append(Finding(Code.SIP_UNSAFE_ENTRY, Severity.ERROR, raw, {"reason": unsafe}))
            continue
        if raw in seen:
            other.append(
                Finding(Code.SIP_BAD_ENTRY_NAME, Severity.ERROR, raw, {"reason": "duplicate"})
            )
        seen.add(raw)
        name = raw.rstrip("/")
        if is_dir:  # "./" directory entries are harmless (the SAE accepts them)
            name = "/".join(s for s in name.split("/") if s != ".")
            if not name:
                continue
        if not entry_name_ok(name):
            other.append(Finding(Code.SIP_BAD_ENTRY_NAME, Severity.ERROR, raw))
        if info.flag_bits & 0x1:
            other.append(Finding(Code.SIP_ENCRYPTED, Severity.ERROR, raw))
    return fatal, other


def check_zip_bomb(
    zf: zipfile.ZipFile,
    infos: list[zipfile.ZipInfo],
    size: int,
    *,
    bomb_code: str = Code.SIP_ZIP_BOMB,
    corrupt_code: str = Code.SIP_CORRUPT,
) -> list[Finding]:
    """Zip-bomb findings for the archive ``zf`` of ``size`` bytes (empty when safe):
    absurd ratios (per entry, whole archive), overlapping entries, stored entries whose
    sizes differ. The codes default to ``read_sip``'s; the scan of dropped zips passes its own.
    """
    fatal: list[Finding] = []
    declared = 0
    for info in infos:
        declared += info.file_size
        if info.compress_type == zipfile.ZIP_STORED and info.file_size != info.compress_size:
            fatal.append(
                Finding(
                    corrupt_code,
                    Severity.ERROR,
                    info.orig_filename,
                    {
                        "error": "stored entry with different sizes",
                        "declared": info.file_size,
                        "actual": info.compress_size,
                    },
                )
            )
        elif info.file_size > BOMB_MIN_SIZE and info.file_size > BOMB_ENTRY_RATIO * max(
            info.compress_size, 1
        ):
            fatal.append(
                Finding(
                    bomb_code,
                    Severity.ERROR,
                    info.orig_filename,
                    {"reason": "ratio", "declared": info.file_size, "actual": info.compress_size},
                )
            )
    if declared > BOMB_MIN_SIZE and declared > BOMB_TOTAL_RATIO * max(size, 1):
        fatal.append(
            Finding(
                bomb_code,
                Severity.ERROR,
                "",
                {"reason": "total", "declared": declared, "actual": size},
            )
        )
    # Overlapping entries (one compressed stream shared by many names: the classic
    # "non-recursive" bomb). The local header is at least 30 bytes + the name.
    end_of_data = getattr(zf, "start_dir", size)
    ordered = sorted(infos, key=lambda i: i.header_offset)
    following_ones = [*ordered[1:], None] if ordered else []  # an empty zip has none
    for current, following in zip(ordered, following_ones, strict=True):
        end = current.header_offset + 30 + _raw_name_length(current) + current.compress_size
        limit = following.header_offset if following is not None else end_of_data
        if end > limit:
            fatal.append(
                Finding(
                    bomb_code,
                    Severity.ERROR,
                    current.orig_filename,
                    {"reason": "overlap", "declared": end, "actual": limit},
                )
            )
            break
    return fatal


def read_sip(path: str | os.PathLike[str]) -> tuple[Package, list[Finding]]:
    """Open the SIP zip at ``path`` without extracting anything.

    Returns the package (objects' ``source`` = ``zip:<abs path>!<member>``) and the
    non-fatal findings: entry names the SAE refuses, members declared but absent
    (``SIP_MISSING_MEMBER``), members no object refers to, manifest remarks. Raises
    ``SipError`` when it cannot be used: not a zip, corrupt, unsafe names (traversal,
    absolute), zip bomb, no or several manifests, unreadable manifest.
    """
    zpath = Path(os.path.abspath(os.fspath(path)))
    shown = str(zpath)
    try:
        size = zpath.stat().st_size
        if not zpath.is_file():
            raise SipError(
                [Finding(Code.SIP_NOT_ZIP, Severity.ERROR, shown, {"error": "not a file"})]
            )
        zf = zipfile.ZipFile(zpath)
    except SipError:
        raise
    except zipfile.BadZipFile as exc:
        code = Code.SIP_CORRUPT if _looks_like_zip(zpath) else Code.SIP_NOT_ZIP
        raise SipError([Finding(code, Severity.ERROR, shown, {"error": str(exc)})]) from exc
    except (OSError, ValueError, EOFError) as exc:  # ValueError/EOFError: broken central dir
        code = Code.SIP_CORRUPT if _looks_like_zip(zpath) else Code.UNREADABLE
        if isinstance(exc, FileNotFoundError):
            code = Code.NOT_FOUND
        raise SipError([Finding(code, Severity.ERROR, shown, {"error": str(exc)})]) from exc

    with zf:
        if _end_record_misplaced(zpath, size):
            raise SipError(
                [Finding(Code.SIP_CORRUPT, Severity.ERROR, shown, {"error": "truncated"})]
            )
        infos = zf.infolist()
        fatal, findings = _check_names(infos)
        fatal += check_zip_bomb(zf, infos, size)
        files = [i for i in infos if not i.orig_filename.endswith("/")]
        manifests = [i for i in files if manifest_name_ok(i.orig_filename)]
        if not fatal and not manifests:
            candidates = [
                i.orig_filename
                for i in files
                if "/" not in i.orig_filename and i.orig_filename.lower().endswith("manifest.xml")
            ]
            fatal.append(
                Finding(Code.SIP_NO_MANIFEST, Severity.ERROR, shown, {"candidates": candidates})
            )
        elif not fatal and len(manifests) > 1:
            fatal.append(
                Finding(
                    Code.SIP_MANY_MANIFESTS,
                    Severity.ERROR,
                    shown,
                    {"names": [i.orig_filename for i in manifests]},
                )
            )
        if fatal:
            raise SipError(fatal + findings)
        manifest = manifests[0]
        remarks: list[Finding] = []
        try:
            with zf.open(manifest) as stream:
                package = read_manifest(stream, findings=remarks)
        except ManifestError as exc:
            raise SipError(
                [
                    Finding(
                        Code.SIP_BAD_MANIFEST,
                        Severity.ERROR,
                        manifest.orig_filename,
                        {"codes": [str(f.code) for f in exc.findings]},
                    ),
                    *exc.findings,
                ]
            ) from exc
        except _ZIP_READ_ERRORS as exc:
            raise SipError(
                [
                    Finding(
                        Code.SIP_CORRUPT,
                        Severity.ERROR,
                        manifest.orig_filename,
                        {"error": str(exc)},
                    )
                ]
            ) from exc
        findings.extend(remarks)

        members = {i.orig_filename for i in files}
        referenced: set[str] = set()
        for unit, obj in package.objects():
            uri = obj.source
            referenced.add(uri)
            if uri not in members:
                findings.append(
                    Finding(
                        Code.SIP_MISSING_MEMBER,
                        Severity.ERROR,
                        uri,
                        {"uri": uri},
                        unit_uid=unit.uid,
                    )
                )
            obj.source = zip_source(zpath, uri)
        for name in sorted(members - referenced - {manifest.orig_filename}):
            findings.append(Finding(Code.SIP_UNDECLARED_MEMBER, Severity.WARNING, name))
    return package, findings


def looks_like_sip(path: str | os.PathLike[str]) -> bool:
    """Cheap guess (central directory and 64 KiB at most): is ``path`` an existing SIP to
    open as such, rather than a plain zip to scan? A readable zip with a root member the SAE
    takes as the manifest, whose start mentions ``ArchiveTransfer`` (a damaged or
    encrypted manifest still counts: ``read_sip`` then says what is wrong). Never raises."""
    try:
        with zipfile.ZipFile(os.fspath(path)) as zf:
            manifests = [
                i
                for i in zf.infolist()
                if "/" not in i.orig_filename and manifest_name_ok(i.orig_filename)
            ]
            if not manifests:
                return False
            try:
                with zf.open(manifests[0]) as stream:
                    head = stream.read(1 << 16)
            except Exception:  # noqa: BLE001 - encrypted, damaged...: read_sip will say
                return True
            return b"ArchiveTransfer" in head
    except Exception:  # noqa: BLE001 - not a zip, unreadable, odd path: not a SIP
        return False


__all__ = [
    "CONTENT_DIR",
    "ENTRY_SEGMENT",
    "MANIFEST_ENTRY",
    "MANIFEST_NAME",
    "ExportError",
    "ExportReport",
    "SipError",
    "check_zip_bomb",
    "entry_extension",
    "entry_name_ok",
    "export_sip",
    "looks_like_sip",
    "manifest_name_ok",
    "read_sip",
    "split_zip_source",
    "unsafe_entry_reason",
    "verify_sip",
    "zip_source",
]
