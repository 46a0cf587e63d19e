"""Turn dropped folders and files into ArchiveUnits, then hash and identify their files.

Two steps so the window fills at once: ``walk`` builds the unit tree from directory entries
only (no file content read: 100,000 files in seconds), ``analyse`` hashes and identifies in
worker processes (identification is CPU-bound and pygfried holds the interpreter lock) and
yields result batches the UI applies on its own thread with ``apply_results``. ``scan`` does
both for the CLI and tests.

Anything odd (links, unreadable or special files, odd names...) becomes a ``Finding``;
nothing is silently dropped and nothing raises except ``Cancelled``.
"""

from __future__ import annotations

import atexit
import errno
import fnmatch
import hashlib
import multiprocessing
import os
import re
import shutil
import signal
import stat
import struct
import sys
import tempfile
import threading
import unicodedata
import zipfile
import zlib
from collections import deque
from collections.abc import (
    Callable,
    Collection,
    Generator,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from seda import winpath
from seda.atomic import forget_temp, register_temp
from seda.findings import Code, Finding, Severity
from seda.identify import (
    CHUNK_SIZE,
    DEFAULT_ENGINE,
    FileResult,
    Identifier,
    IdentifyCancelled,
    hash_and_identify_many,
    identify_hashed,
    is_unknown,
    make_identifier,
    resolve_engine,
)
from seda.model import ArchiveUnit, BinaryObject, DescriptionLevel, FormatInfo
from seda.progress import Cancelled, Progress, check
from seda.safepath import special_kind

DEFAULT_EXCLUSIONS: tuple[str, ...] = ("Thumbs.db", "desktop.ini", ".DS_Store", "~$*", "*.tmp")

WINDOWS_BAD_CHARS = frozenset('<>:"/\\|?*')
WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"]
    + [f"COM{i}" for i in range(1, 10)]
    + [f"LPT{i}" for i in range(1, 10)]
    + ["COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"]
)
# Windows' classic MAX_PATH is 260 including "C:\" and the final NUL: a path longer than this
# (counted from the dropped folder) will not fit once restored under any real folder.
LONG_PATH = 240


@dataclass(slots=True)
class ScanResult:
    roots: list[ArchiveUnit] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    engine: str = ""
    signature_version: str = ""


# -- names ------------------------------------------------------------------------------

_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[Any, ...]:
    """Sort key: case-insensitive, numbers by value ("2" before "10"), stable on ties."""
    parts = _DIGITS.split(unicodedata.normalize("NFC", name).casefold())
    key = [int(p) if i % 2 else p for i, p in enumerate(parts)]
    return (key, name)


def display_name(name: str) -> tuple[str, bool]:
    """(NFC title, whether the raw name had bytes that are not valid UTF-8).

    On POSIX, undecodable bytes come back from the OS as lone surrogates
    (``surrogateescape``); they cannot go into XML, so they become U+FFFD in the title.
    The filesystem path keeps the original (the file still opens).
    """
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        fixed = os.fsencode(name).decode("utf-8", "replace")
        fixed = fixed.encode("utf-8", "replace").decode("utf-8")  # e.g. on Windows: lone surrogates
        return unicodedata.normalize("NFC", fixed), True
    return unicodedata.normalize("NFC", name), False


_BAD_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def name_problems(name: str) -> list[dict[str, Any]]:
    """Reasons why ``name`` would be refused or altered on Windows (ODD_NAME params)."""
    problems: list[dict[str, Any]] = []
    if _BAD_CHARS.search(name):
        bad = sorted(set(_BAD_CHARS.findall(name)))
        problems.append({"reason": "windows_chars", "chars": "".join(bad)})
    if name.endswith((".", " ")):
        problems.append({"reason": "trailing_dot_space"})
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    if stem in WINDOWS_RESERVED:
        problems.append({"reason": "reserved_name", "name": stem})
    return problems


class _Exclusions:
    """Case-insensitive globs compiled into one regex (checked for every entry)."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = tuple(patterns)
        self._any = (
            re.compile("|".join(f"(?:{fnmatch.translate(p.casefold())})" for p in self.patterns))
            if self.patterns
            else None
        )

    def match(self, name: str) -> str:
        """The first pattern ``name`` matches, or ""."""
        if self._any is None:
            return ""
        folded = name.casefold()
        if not self._any.match(folded):
            return ""
        return excluded_by(name, self.patterns)


def excluded_by(name: str, exclusions: Sequence[str]) -> str:
    """The exclusion pattern ``name`` matches (case-insensitive glob), or ""."""
    folded = name.casefold()
    for pattern in exclusions:
        if fnmatch.fnmatchcase(folded, pattern.casefold()):
            return pattern
    return ""


_LOCAL_ZONES: dict[tuple[Any, Any], Any] = {}


def _mtime(st: os.stat_result) -> datetime | None:
    """Local, timezone-aware modification time (None for absurd timestamps).

    ``astimezone()`` makes a new zone object per call (~170 bytes a file): the few distinct
    ones (summer/winter offsets) are shared, which a million files notice.
    """
    try:
        local = datetime.fromtimestamp(st.st_mtime, tz=UTC).astimezone()
    except (OverflowError, OSError, ValueError):
        return None
    return _shared_zone(local)


def _shared_zone(when: datetime) -> datetime:
    """``when`` with the one shared zone object of its offset and name."""
    zone = when.tzinfo
    if zone is None:
        return when
    shared = _LOCAL_ZONES.setdefault((when.utcoffset(), when.tzname()), zone)
    return when if shared is zone else when.replace(tzinfo=shared)


def _error_text(exc: OSError) -> str:
    return f"[Errno {exc.errno}] {exc.strerror}" if exc.errno else str(exc)


# -- zip archives -----------------------------------------------------------------------
#
# A dropped zip (e-mail attachment, export from business software) is read in place as a
# folder tree: members become units whose object ``source`` is ``zip:<abs zip>!<member>``
# (``export_sip`` copies straight from it) and ``analyse`` streams them from the zip. Only
# a zip dropped at the top level is opened: a zip inside a dropped folder is a document.

ZIP_PREFIX = "zip:"  # as seda.package.ZIP_PREFIX (not imported: keeps this module light)
_ZIP_HEADS = (b"PK\x03\x04", b"PK\x05\x06")  # first member / empty archive
# Zip-based document formats: dropped alone they are documents, never opened as folders.
_DOCUMENT_ZIPS = frozenset(
    ".docx .docm .dotx .xlsx .xlsm .xltx .pptx .pptm .potx .ppsx .vsdx .odt .ods .odp .odg"
    " .odf .odb .ott .ots .otp .epub .jar .war .ear .apk .aab .xpi .kmz .3mf .idml .ipa"
    " .nupkg .whl .xps .oxps .cbz .sketch .key .numbers .pages .asice .sce .asics".split()
)
_CONTAINER_MARKERS = frozenset(
    ["mimetype", "[content_types].xml", "meta-inf/manifest.mf", "meta-inf/container.xml"]
)
_MAC_METADATA = "__MACOSX"  # macOS "Compress" adds resource forks here: never documents
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
# Errors while reading a (possibly damaged) zip or one of its members.
_ZIP_ERRORS = (
    OSError,
    zipfile.BadZipFile,
    EOFError,
    zlib.error,
    RuntimeError,  # encrypted member
    NotImplementedError,  # unknown compression method
    ValueError,
    UnicodeDecodeError,  # member flagged UTF-8 whose name is not
    struct.error,
)


def is_zip_archive(path: str | os.PathLike[str]) -> bool:
    """Whether the dropped file ``path`` is a zip archive to open as a folder tree.

    By content, not only by name: a ``.zip`` that starts like a zip (even truncated, to
    report it), or any other file that is a readable zip from its first byte and is not a
    zip-based document (ODF, OOXML, EPUB, JAR...: by extension or by their marker member).
    Self-extracting programs (zip after an executable) stay files. Existing SIPs are not
    archives to open (``seda.package.looks_like_sip``).
    """
    path = os.fspath(path)
    ext = os.path.splitext(path)[1].casefold()
    if ext in _DOCUMENT_ZIPS:
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError:
        return False
    if head not in _ZIP_HEADS:
        return False
    if ext != ".zip":
        try:
            with zipfile.ZipFile(path) as zf:
                names = {i.orig_filename.casefold() for i in zf.infolist()[:64]}
        except _ZIP_ERRORS:
            return False
        if names & _CONTAINER_MARKERS:
            return False
    return not _looks_like_sip(path)


def _looks_like_sip(path: str) -> bool:
    """An existing SIP is opened as such elsewhere, never expanded (imported late: keeps
    ``seda.package`` and lxml out of a plain folder scan)."""
    from seda.package import looks_like_sip

    return looks_like_sip(path)


def _unicode_path_extra(info: zipfile.ZipInfo, raw: bytes) -> str:
    """The Info-ZIP Unicode Path extra field (0x7075) when it matches ``raw``, else ""."""
    extra = info.extra
    while len(extra) >= 4:
        kind, length = struct.unpack_from("<HH", extra)
        data = extra[4 : 4 + length]
        if kind == 0x7075 and len(data) >= 5 and data[0] == 1:
            (crc,) = struct.unpack_from("<I", data, 1)
            if crc == zlib.crc32(raw) & 0xFFFFFFFF:
                try:
                    return data[5:].decode("utf-8")
                except UnicodeDecodeError:
                    return ""
        extra = extra[4 + length :]
    return ""


def _cp437_bytes(name: str) -> bytes:
    """The bytes zipfile decoded as cp437 into ``name``, when they need another reading:
    b"" for plain ASCII, or for text that cp437 cannot hold (not cp437-decoded)."""
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return b""
    return b"" if raw.isascii() else raw


def _decode_oem(raw: bytes) -> str:
    """A flagless zip name's bytes: UTF-8 when valid, else Windows' French OEM page."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp850")


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author saw it (NFC).

    The zip spec says cp437 unless the UTF-8 flag is set, but Windows' Explorer writes names
    in the OEM code page (cp850 in France: "Délibérations", "À classer"); macOS, Linux and
    7-Zip often write UTF-8 without the flag. So: flag or Unicode Path field, else UTF-8 if
    the bytes are valid UTF-8, else cp850.
    """
    name = info.orig_filename
    if not info.flag_bits & _UTF8_FLAG:
        raw = _cp437_bytes(name)
        if raw:
            name = _unicode_path_extra(info, raw) or _decode_oem(raw)
    return unicodedata.normalize("NFC", name)


def readable_source(source: str) -> str:
    """``source`` for people: a ``zip:<zip>!<member>`` becomes ``<zip>/<member>`` with the
    member decoded as ``member_name`` would (from the text alone: a name zipfile decoded as
    cp437 is re-read as UTF-8 or cp850); a filesystem path is returned as is."""
    from seda.package import split_zip_source

    split = split_zip_source(source)
    if split is None:
        return source
    archive, member = split
    raw = _cp437_bytes(member)
    if raw:
        member = _decode_oem(raw)
    return f"{archive}/{unicodedata.normalize('NFC', member)}"


def member_time(info: zipfile.ZipInfo) -> datetime | None:
    """Local, aware modification time of a member: the exact UTC time of the extended
    timestamp field (0x5455) when present, else the DOS date (local time, 2 s steps)."""
    extra = info.extra
    while len(extra) >= 4:
        kind, length = struct.unpack_from("<HH", extra)
        data = extra[4 : 4 + length]
        if kind == 0x5455 and len(data) >= 5 and data[0] & 1:
            (stamp,) = struct.unpack_from("<I", data, 1)
            try:
                return datetime.fromtimestamp(stamp, tz=UTC).astimezone()
            except (OverflowError, OSError, ValueError):
                break
        extra = extra[4 + length :]
    try:
        return datetime(*info.date_time).astimezone()
    except (OverflowError, OSError, ValueError):
        return None


def _is_symlink_member(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _zip_error(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return _error_text(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


@dataclass(slots=True)
class _ZipNode:
    """A folder or file of a zip's tree while it is built (implicit folders included)."""

    name: str
    info: zipfile.ZipInfo | None = None  # None for a folder
    children: dict[str, _ZipNode] = field(default_factory=dict)

    @property
    def is_dir(self) -> bool:
        return self.info is None


# -- walk -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Dir:
    """A folder waiting to be listed (explicit stack: no recursion limit)."""

    path: str
    unit: ArchiveUnit
    rel: str  # path from the dropped folder's parent, for the long-path check


@dataclass(slots=True)
class _Link:
    """A symbolic link met during the walk, resolved once the real tree is known."""

    path: str
    name: str
    parent: ArchiveUnit
    rel: str


class _Walker:
    """State of one ``walk``: findings, visited identities, deferred links.

    Symbolic links are resolved after every dropped path has been walked, so a real entry
    always wins over a link to it (no duplicates, whatever the order), and a link to an
    ancestor or to something already included is reported, never followed.
    """

    def __init__(self, exclusions: Sequence[str], progress: Progress | None) -> None:
        self.exclusions = _Exclusions(exclusions)
        self.progress = progress
        self.findings: list[Finding] = []
        self.roots: list[ArchiveUnit] = []
        self.tree_roots: list[str] = []  # real paths of dropped folders
        self.visited_dirs: dict[tuple[int, int], str] = {}
        self.visited_files: dict[tuple[int, int], str] = {}  # (dev, inode) -> first path
        self.root_files: dict[tuple[int, int], str] = {}  # files dropped as such
        self.folder_units: list[ArchiveUnit] = []
        self.links: deque[_Link] = deque()
        self.stack: list[_Dir] = []
        self.seen = 0

    # findings -------------------------------------------------------------------------
    def add(
        self,
        code: Code,
        severity: Severity,
        path: str,
        unit: ArchiveUnit | None = None,
        **params: Any,
    ) -> None:
        self.findings.append(
            Finding(code, severity, path, params, unit.uid if unit is not None else None)
        )

    def check_name(
        self, name: str, undecodable: bool, rel: str, path: str, unit: ArchiveUnit
    ) -> None:
        if undecodable:
            self.add(Code.ODD_NAME, Severity.INFO, path, unit, reason="undecodable")
        for problem in name_problems(name):
            self.add(Code.ODD_NAME, Severity.INFO, path, unit, **problem)
        if len(rel) > LONG_PATH:
            self.add(Code.ODD_NAME, Severity.INFO, path, unit, reason="long_path", length=len(rel))

    # units ----------------------------------------------------------------------------
    def folder_unit(self, path: str, title: str, parent: ArchiveUnit | None) -> ArchiveUnit:
        unit = ArchiveUnit(title=title, level=DescriptionLevel.RECORD_GRP, source=path)
        if parent is not None:
            parent.add(unit)
        self.folder_units.append(unit)
        return unit

    def file_unit(
        self, path: str, title: str, st: os.stat_result, parent: ArchiveUnit | None
    ) -> ArchiveUnit:
        modified = _mtime(st)
        source = os.path.abspath(path)
        if source == path:  # one string for the unit and its object, not two
            source = path
        obj = BinaryObject(source=source, filename=title, size=st.st_size, last_modified=modified)
        day = _shared_day(modified)
        unit = ArchiveUnit(
            title=title,
            level=DescriptionLevel.ITEM,
            start_date=day,
            end_date=day,
            objects=[obj],
            source=path,
        )
        if parent is not None:
            parent.add(unit)
        self.visited_files.setdefault((st.st_dev, st.st_ino), path)
        if st.st_size == 0:
            self.add(Code.EMPTY_FILE, Severity.WARNING, path, unit)
        return unit

    # one entry ------------------------------------------------------------------------
    def entry(
        self, path: str, name: str, st: os.stat_result, parent: ArchiveUnit | None, rel: str
    ) -> None:
        """Add a regular file, folder or special file (links are resolved before)."""
        title, undecodable = display_name(name)
        parent_uid_unit = parent
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in self.visited_dirs:  # bind mount loop, or overlapping dropped folders
                self.add(
                    Code.ALREADY_INCLUDED,
                    Severity.INFO,
                    path,
                    parent_uid_unit,
                    other=self.visited_dirs[key],
                )
                return
            self.visited_dirs[key] = path
            unit = self.folder_unit(path, title, parent)
            self.check_name(title, undecodable, rel, path, unit)
            self.stack.append(_Dir(path, unit, rel))
        elif stat.S_ISREG(st.st_mode):
            key = (st.st_dev, st.st_ino)
            # the same file given twice (`base base/a.txt`, `base/a.txt base`): packed once
            first = self.visited_files.get(key) if parent is None else self.root_files.get(key)
            if first is not None:
                self.add(Code.SAME_FILE_TWICE, Severity.WARNING, path, parent_uid_unit, other=first)
                return
            if title.casefold().endswith(".lnk"):
                self.add(Code.SHORTCUT, Severity.WARNING, path, parent_uid_unit)
                return
            if not os.access(path, os.R_OK):
                self.add(
                    Code.UNREADABLE,
                    Severity.ERROR,
                    path,
                    parent_uid_unit,
                    error=_error_text(PermissionError(errno.EACCES, os.strerror(errno.EACCES))),
                )
                return
            unit = self.file_unit(path, title, st, parent)
            self.check_name(title, undecodable, rel, path, unit)
            if parent is None:
                self.roots.append(unit)
                self.root_files[key] = path
        else:
            self.add(
                Code.SPECIAL_FILE,
                Severity.WARNING,
                path,
                parent_uid_unit,
                kind=special_kind(st.st_mode),
            )

    def check_twin(
        self, folded: dict[str, str], name: str, path: str, folder: ArchiveUnit | None
    ) -> None:
        """``A.txt`` beside ``a.txt``, or ``é`` composed beside ``é`` decomposed: distinct
        here, one file once copied to Windows or macOS (case-insensitive, normalising)."""
        key = unicodedata.normalize("NFC", name).casefold()
        other = folded.get(key)
        if other is None:
            folded[key] = name
            return
        reason = (
            "normalization"
            if unicodedata.normalize("NFC", other) == unicodedata.normalize("NFC", name)
            else "case"
        )
        shown, _ = display_name(other)
        self.add(Code.NAME_TWINS, Severity.WARNING, path, folder, other=shown, reason=reason)

    def list_dir(self, job: _Dir) -> None:
        """List one folder: sorted entries, exclusions, links deferred, sub-folders stacked."""
        try:
            listed = winpath.extended(job.path)  # \\?\ past 260 characters (Windows)
            with os.scandir(listed) as it:
                entries: list[Any] = (
                    list(it) if listed == job.path else [winpath.PlainEntry(e) for e in it]
                )
        except OSError as exc:
            self.add(
                Code.UNREADABLE, Severity.ERROR, job.path, job.unit.parent, error=_error_text(exc)
            )
            if job.unit.parent is not None:
                job.unit.detach()
            elif job.unit in self.roots:
                self.roots.remove(job.unit)
            self.folder_units.remove(job.unit)
            return
        entries.sort(key=lambda e: natural_key(e.name))
        subdirs: list[_Dir] = []
        folded: dict[str, str] = {}  # names as Windows/macOS compare them -> first seen
        for entry in entries:
            self.seen += 1
            name = entry.name
            path = entry.path
            rel = job.rel + "/" + name
            pattern = self.exclusions.match(name)
            if pattern:
                self.add(Code.EXCLUDED, Severity.INFO, path, job.unit, pattern=pattern)
                continue
            self.check_twin(folded, name, path, job.unit)
            try:
                if entry.is_symlink():
                    self.links.append(_Link(path, name, job.unit, rel))
                    continue
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                self.add(Code.UNREADABLE, Severity.ERROR, path, job.unit, error=_error_text(exc))
                continue
            before = len(self.stack)
            self.entry(path, name, st, job.unit, rel)
            subdirs.extend(self.stack[before:])
            del self.stack[before:]
        # Depth first, in name order: the first sub-folder is listed next.
        self.stack.extend(reversed(subdirs))

    def drain(self) -> None:
        while self.stack:
            job = self.stack.pop()
            check(self.progress)
            self.list_dir(job)
            if self.progress is not None:
                self.progress.report(self.seen, 0, job.path)

    # links ----------------------------------------------------------------------------
    def inside(self, real: str) -> bool:
        return any(
            real == root or real.startswith(root.rstrip(os.sep) + os.sep)
            for root in self.tree_roots
        )

    def resolve_link(self, link: _Link) -> None:
        try:
            target = os.readlink(link.path)
        except OSError:
            target = ""
        try:
            st = os.stat(link.path)
        except FileNotFoundError:
            self.add(Code.BROKEN_LINK, Severity.WARNING, link.path, link.parent, target=target)
            return
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # links pointing at each other
                self.add(Code.LINK_LOOP, Severity.INFO, link.path, link.parent, target=target)
            else:
                self.add(
                    Code.UNREADABLE, Severity.ERROR, link.path, link.parent, error=_error_text(exc)
                )
            return
        real = os.path.realpath(link.path)
        if not self.inside(real):
            self.add(Code.LINK_OUTSIDE, Severity.WARNING, link.path, link.parent, target=real)
            return
        pattern = self.exclusions.match(os.path.basename(real))
        if pattern:  # e.g. a link to an Office lock file
            self.add(Code.EXCLUDED, Severity.INFO, link.path, link.parent, pattern=pattern)
            return
        key = (st.st_dev, st.st_ino)
        if key in self.visited_files or key in self.visited_dirs:
            self.add(Code.LINK_LOOP, Severity.INFO, link.path, link.parent, target=real)
            return
        # Inside the tree but not included yet (e.g. reached only through links): follow once.
        count = len(link.parent.children)
        self.entry(link.path, link.name, st, link.parent, link.rel)
        if len(link.parent.children) != count:
            link.parent.children.sort(key=lambda u: natural_key(u.title))
        self.drain()

    # zip archives ---------------------------------------------------------------------
    def add_zip(self, path: str, name: str, st: os.stat_result) -> None:
        """A dropped zip becomes a root RecordGrp named after it, its members units."""
        from seda.package import (
            _end_record_misplaced,
            check_zip_bomb,
            unsafe_entry_reason,
            zip_source,
        )

        key = (st.st_dev, st.st_ino)
        if key in self.visited_files:  # the same zip given twice
            self.add(Code.SAME_FILE_TWICE, Severity.WARNING, path, other=self.visited_files[key])
            return
        self.visited_files[key] = path
        try:
            zf = zipfile.ZipFile(path)
        except FileNotFoundError:
            self.add(Code.NOT_FOUND, Severity.ERROR, path)
            return
        except OSError as exc:
            self.add(Code.UNREADABLE, Severity.ERROR, path, error=_error_text(exc))
            return
        except _ZIP_ERRORS as exc:
            self.add(Code.ZIP_CORRUPT, Severity.ERROR, path, error=_zip_error(exc))
            return
        with zf:
            from pathlib import Path

            if _end_record_misplaced(Path(path), st.st_size):
                self.add(Code.ZIP_CORRUPT, Severity.ERROR, path, error="truncated")
                return
            infos = zf.infolist()
            bombs = check_zip_bomb(
                zf, infos, st.st_size, bomb_code=Code.ZIP_BOMB, corrupt_code=Code.ZIP_CORRUPT
            )
            if bombs:
                for bomb in bombs:
                    params = dict(bomb.params)
                    if bomb.path:
                        params["member"] = bomb.path
                    self.findings.append(Finding(bomb.code, bomb.severity, path, params))
                return
            stem, ext = os.path.splitext(name)
            title, undecodable = display_name(stem if ext.casefold() == ".zip" and stem else name)
            root = self.folder_unit(path, title, None)
            self.roots.append(root)
            self.check_name(title, undecodable, title, path, root)
            tree = self.zip_tree(path, zf, infos, unsafe_entry_reason)
            self.zip_units(path, tree, root, title, lambda m: zip_source(path, m))

    def zip_tree(
        self,
        path: str,
        zf: zipfile.ZipFile,
        infos: list[zipfile.ZipInfo],
        unsafe_reason: Callable[[str], str],
    ) -> _ZipNode:
        """Members into a tree of names (implicit folders created); refusals as findings."""
        top = _ZipNode("")
        for info in infos:
            self.seen += 1
            if self.seen % 1000 == 0:
                check(self.progress)
                if self.progress is not None:
                    self.progress.report(self.seen, 0, path)
            raw = info.orig_filename
            shown = member_name(info)
            segments = [s for s in re.split(r"[/\\]", shown) if s not in ("", ".")]
            where = os.path.join(path, *segments) if segments else path
            reason = unsafe_reason(raw)
            if reason:
                self.add(Code.ZIP_UNSAFE_ENTRY, Severity.ERROR, where, reason=reason, member=raw)
                continue
            if not segments:
                continue
            if _is_symlink_member(info):
                target = ""
                if info.file_size <= 4096 and not info.flag_bits & _ENCRYPTED_FLAG:
                    try:
                        target = zf.read(info).decode("utf-8", "replace")
                    except _ZIP_ERRORS:
                        target = ""
                self.add(Code.ZIP_SYMLINK, Severity.WARNING, where, target=target)
                continue
            is_dir = info.is_dir() or raw.endswith("\\")
            node = top
            clash = False
            for segment in segments[:-1]:
                child = node.children.get(segment)
                if child is None:
                    child = node.children[segment] = _ZipNode(segment)
                elif not child.is_dir:
                    clash = True
                    break
                node = child
            last = segments[-1]
            existing = node.children.get(last)
            if not clash and existing is None:
                node.children[last] = _ZipNode(last) if is_dir else _ZipNode(last, info)
            elif clash or not (is_dir and existing is not None and existing.is_dir):
                self.add(Code.ZIP_DUPLICATE, Severity.WARNING, where, member=raw)
        # names that collide once extracted on Windows/macOS, folder by folder
        stack: list[tuple[_ZipNode, str]] = [(top, path)]
        while stack:
            node, place = stack.pop()
            folded: dict[str, str] = {}
            for name in sorted(node.children, key=natural_key):
                child = node.children[name]
                self.check_twin(folded, name, os.path.join(place, name), None)
                if child.is_dir:
                    stack.append((child, os.path.join(place, name)))
        return top

    def zip_units(
        self,
        path: str,
        top: _ZipNode,
        root: ArchiveUnit,
        title: str,
        source_of: Callable[[str], str],
    ) -> None:
        """Units for the tree, folder by folder in name order (as ``list_dir`` does)."""
        # "Send to > Compressed folder" on a folder X gives X.zip holding X/: dropping X.zip
        # then gives what dropping X gives, not X > X.
        mac = top.children.get(_MAC_METADATA)
        real = [n for n in top.children.values() if n is not mac or not n.is_dir]
        if len(real) == 1 and real[0].is_dir and real[0].name.casefold() == title.casefold():
            if mac is not None and mac.is_dir:
                where = os.path.join(path, mac.name)
                self.add(Code.EXCLUDED, Severity.INFO, where, root, pattern=mac.name)
            top = real[0]
            path = os.path.join(path, top.name)
        stack: list[tuple[_ZipNode, ArchiveUnit, str, str]] = [(top, root, path, title)]
        while stack:
            node, unit, where, rel = stack.pop()
            subdirs: list[tuple[_ZipNode, ArchiveUnit, str, str]] = []
            for child in sorted(node.children.values(), key=lambda n: natural_key(n.name)):
                child_where = os.path.join(where, child.name)
                child_rel = rel + "/" + child.name
                if node is top and child.name == _MAC_METADATA and child.is_dir:
                    self.add(Code.EXCLUDED, Severity.INFO, child_where, unit, pattern=child.name)
                    continue
                pattern = self.exclusions.match(child.name)
                if pattern:
                    self.add(Code.EXCLUDED, Severity.INFO, child_where, unit, pattern=pattern)
                    continue
                if child.info is None:
                    sub = self.folder_unit(child_where, child.name, unit)
                    self.check_name(child.name, False, child_rel, child_where, sub)
                    subdirs.append((child, sub, child_where, child_rel))
                    continue
                if child.name.casefold().endswith(".lnk"):
                    self.add(Code.SHORTCUT, Severity.WARNING, child_where, unit)
                    continue
                info = child.info
                modified = member_time(info)
                day = modified.date() if modified is not None else None
                obj = BinaryObject(
                    source=source_of(info.orig_filename),
                    filename=child.name,
                    size=info.file_size,
                    last_modified=modified,
                )
                item = ArchiveUnit(
                    title=child.name,
                    level=DescriptionLevel.ITEM,
                    start_date=day,
                    end_date=day,
                    objects=[obj],
                    source=child_where,
                )
                unit.add(item)
                self.check_name(child.name, False, child_rel, child_where, item)
                if info.flag_bits & _ENCRYPTED_FLAG:
                    self.add(Code.ZIP_ENCRYPTED, Severity.ERROR, child_where, item)
                elif info.file_size == 0:
                    self.add(Code.EMPTY_FILE, Severity.WARNING, child_where, item)
            stack.extend(reversed(subdirs))

    # roots ----------------------------------------------------------------------------
    def add_root(self, given: str | os.PathLike[str]) -> None:
        path = os.path.abspath(os.fspath(given))
        name = os.path.basename(path.rstrip(os.sep)) or path
        if not os.path.lexists(path):
            self.add(Code.NOT_FOUND, Severity.ERROR, path)
            return
        try:
            st = os.stat(path)
        except FileNotFoundError:
            self.add(Code.BROKEN_LINK, Severity.WARNING, path, target=_readlink(path))
            return
        except OSError as exc:
            self.add(Code.UNREADABLE, Severity.ERROR, path, error=_error_text(exc))
            return
        if stat.S_ISREG(st.st_mode):
            pattern = self.exclusions.match(name)
            if pattern:
                self.add(Code.EXCLUDED, Severity.INFO, path, pattern=pattern)
                return
            if is_zip_archive(path):
                self.seen += 1
                self.add_zip(path, name, st)
                return
        self.seen += 1
        title, _ = display_name(name)
        before = len(self.folder_units)
        self.entry(path, name, st, None, title)
        if len(self.folder_units) != before:
            self.roots.append(self.folder_units[-1])
            self.tree_roots.append(os.path.realpath(path))
        self.drain()

    def finish(self) -> None:
        while self.links:
            self.resolve_link(self.links.popleft())
        for unit in self.folder_units:
            if not unit.children:
                self.add(Code.EMPTY_FOLDER, Severity.WARNING, unit.source, unit)
        for root in self.roots:
            _propagate_dates(root)


def _readlink(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return ""


def _propagate_dates(root: ArchiveUnit) -> None:
    """Folders get the earliest start and latest end of their content (bottom-up, no recursion)."""
    for unit in reversed(list(root.walk())):
        if not unit.children:
            continue
        starts = [c.start_date for c in unit.children if c.start_date is not None]
        ends = [c.end_date for c in unit.children if c.end_date is not None]
        unit.start_date = min(starts) if starts else None
        unit.end_date = max(ends) if ends else None


def walk(
    paths: Iterable[str | os.PathLike[str]],
    *,
    exclusions: Sequence[str] = DEFAULT_EXCLUSIONS,
    progress: Progress | None = None,
) -> ScanResult:
    """Build the unit tree for dropped folders/files; only directory entries are read.

    Each folder becomes a RecordGrp root, each file an Item with one BinaryObject (size and
    last_modified set, digest and format empty until ``analyse``). Findings carry the unit
    concerned, or for left-out entries the folder that held them.
    """
    walker = _Walker(exclusions, progress)
    for path in paths:
        check(progress)
        walker.add_root(path)
    walker.finish()
    if progress is not None:
        progress.report(walker.seen, walker.seen, "")
    return ScanResult(roots=walker.roots, findings=walker.findings)


def binary_objects(roots: Iterable[ArchiveUnit]) -> list[BinaryObject]:
    """Every BinaryObject under ``roots``, in tree order."""
    return [obj for root in roots for unit in root.walk() for obj in unit.objects]


# -- analyse (worker processes) ----------------------------------------------------------

BATCH_FILES = 64  # ~40 ms of siegfried work: fine-grained progress and quick cancel
BATCH_BYTES = 32 << 20  # a file this big or more goes alone in its batch

_worker_identifier: Identifier | None = None
_worker_error = ""
_worker_cancel: Any = None


def _worker_init(engine: str, cancel: Any) -> None:
    """Per worker process: create the (costly) identifier once.

    (Loading it in a thread while the first file is hashed was measured: no gain, the
    engine's start-up competes with hashing for the interpreter lock.)

    Workers ignore Ctrl+C (a terminal sends it to the whole process group): a worker killed
    while holding the shared cancel event's lock would hang the pool. The main process
    cancels them cooperatively instead.
    """
    global _worker_identifier, _worker_error, _worker_cancel
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):  # not the main thread of the worker: nothing to do
        pass
    _worker_cancel = cancel
    try:
        _worker_identifier = make_identifier(engine)
    except Exception as exc:  # engine missing or broken: still hash, report the error
        _worker_identifier = None
        _worker_error = f"{type(exc).__name__}: {exc}"


def _cancel_set() -> bool:
    return bool(_worker_cancel is not None and _worker_cancel.is_set())


def _worker_batch(
    items: list[tuple[int, str]], spool_dir: str | None = None
) -> tuple[str, list[FileResult]]:
    """Hash and identify a batch in a worker; returns (signature version, results)."""
    return _run_batch(
        items, _worker_identifier, _worker_error, _cancel_set, spool_dir, _worker_zips
    )


def _run_batch(
    items: list[tuple[int, str]],
    identifier: Identifier | None,
    init_error: str,
    cancelled: Callable[[], bool],
    spool_dir: str | None = None,
    zips: _ZipReader | None = None,
) -> tuple[str, list[FileResult]]:
    """Hash and identify one batch; on cancel return nothing (the caller discards it).

    Files on disk and zip members (``zip:`` sources) go their own ways; results come back
    in input order.
    """
    engine: Identifier = identifier if identifier is not None else _NoIdentifier()
    files = [(uid, path) for uid, path in items if not path.startswith(ZIP_PREFIX)]
    members = [(uid, path) for uid, path in items if path.startswith(ZIP_PREFIX)]
    try:
        results = hash_and_identify_many(files, engine, cancelled=cancelled)
        if members:
            if spool_dir is None or zips is None:
                raise ValueError("zip members need a spool folder and a zip reader")
            results += _hash_and_identify_members(members, engine, zips, spool_dir, cancelled)
            order = {uid: n for n, (uid, _path) in enumerate(items)}
            results.sort(key=lambda r: order[r.uid])
        if identifier is None:
            for result in results:
                if not result.error:
                    result.error, result.error_code = init_error, Code.IDENTIFY_ERROR
    except IdentifyCancelled:
        results = []
    version = identifier.signature_version if identifier is not None else ""
    return version, results


# Zip members are identified from a temporary copy (siegfried only takes paths). Small
# members, and zip-based containers (ODF, OOXML: their signatures need the whole zip) are
# copied whole; for a big plain member, its first and last bytes suffice (signatures sit at
# the start and the end): the copy stays small and the member is read once.
SPOOL_WHOLE = 64 << 20
SPOOL_HEAD = 8 << 20
SPOOL_TAIL = 8 << 20
_ZIPS_OPEN = 8  # zips a worker keeps open at once


class _ZipReader:
    """Zip archives kept open by one process (a worker reads many members of one zip).

    A zip replaced on disk since it was opened (size or mtime changed) is opened again.
    """

    def __init__(self) -> None:
        self._open: dict[str, tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo], Any]] = {}

    def member(self, source: str) -> tuple[zipfile.ZipFile, zipfile.ZipInfo]:
        """Raises FileNotFoundError (zip or member gone) or one of ``_ZIP_ERRORS``."""
        from seda.package import split_zip_source

        split = split_zip_source(source)
        if split is None:
            raise ValueError(f"not a zip member: {source}")
        path, name = split
        st = os.stat(path)
        key = (st.st_size, st.st_mtime_ns)
        entry = self._open.pop(path, None)
        if entry is not None and entry[2] != key:
            entry[0].close()
            entry = None
        if entry is None:
            zf = zipfile.ZipFile(path)
            entry = (zf, {i.orig_filename: i for i in zf.infolist()}, key)
        self._open[path] = entry  # most recently used last
        while len(self._open) > _ZIPS_OPEN:
            oldest = next(iter(self._open))
            self._open.pop(oldest)[0].close()
        info = entry[1].get(name)
        if info is None:
            raise FileNotFoundError(errno.ENOENT, "not in the zip any more", name)
        return entry[0], info

    def close(self) -> None:
        for zf, _infos, _key in self._open.values():
            zf.close()
        self._open.clear()


_worker_zips = _ZipReader()


def _spool_name(spool_dir: str, uid: int, member: str) -> str:
    """A clean temporary name keeping the member's extension (engines weigh it)."""
    ext = os.path.splitext(member.replace("\\", "/").rsplit("/", 1)[-1])[1]
    ext = ext if re.fullmatch(r"\.[A-Za-z0-9_-]{1,16}", ext) else ""
    return os.path.join(spool_dir, f"{uid}{ext}")


def _hash_member(
    result: FileResult,
    zf: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    spool: str,
    cancelled: Callable[[], bool],
) -> None:
    """SHA-512 of the member in 1 MiB chunks, copying what identification needs to ``spool``.

    Raises one of ``_ZIP_ERRORS`` (CRC error, truncated, encrypted...) or IdentifyCancelled.
    """
    digest = hashlib.sha512()
    size = 0
    whole = info.file_size <= SPOOL_WHOLE
    tail: deque[bytes] = deque()
    tail_bytes = 0
    with zf.open(info) as src, open(spool, "wb") as out:
        while True:
            chunk = src.read(CHUNK_SIZE)
            if not chunk:
                break
            if size == 0 and chunk.startswith(b"PK\x03\x04"):
                whole = True  # a zip-based document: container signatures need it all
            digest.update(chunk)
            if whole:
                out.write(chunk)
            else:
                head = max(0, min(len(chunk), SPOOL_HEAD - size))
                if head:
                    out.write(chunk[:head])
                if head < len(chunk):
                    tail.append(chunk[head:])
                    tail_bytes += len(chunk) - head
                    while tail and tail_bytes - len(tail[0]) >= SPOOL_TAIL:
                        tail_bytes -= len(tail.popleft())
            size += len(chunk)
            if len(chunk) == CHUNK_SIZE and cancelled():
                raise IdentifyCancelled()
        if tail:
            out.write(b"".join(tail)[-SPOOL_TAIL:])
    result.digest = digest.hexdigest()
    result.size = size
    result.last_modified = member_time(info)


def _hash_and_identify_members(
    items: list[tuple[int, str]],
    identifier: Identifier,
    zips: _ZipReader,
    spool_dir: str,
    cancelled: Callable[[], bool],
) -> list[FileResult]:
    """``hash_and_identify_many`` for zip members: stream, hash, spool, identify, clean up.

    The temporary copies live in ``spool_dir`` (a private folder the caller removes, even
    after a crash); each is deleted as soon as the batch is identified, also on error or
    cancel. Read errors (CRC, truncated, encrypted) are findings of the file, never raised.
    """
    results: list[FileResult] = []
    spooled: list[tuple[FileResult, str]] = []
    spool = ""
    try:
        for uid, source in items:
            if cancelled():
                raise IdentifyCancelled()
            result = FileResult(uid=uid)
            results.append(result)
            try:
                zf, info = zips.member(source)
                spool = _spool_name(spool_dir, uid, info.orig_filename)
                _hash_member(result, zf, info, spool, cancelled)
            except FileNotFoundError as exc:
                result.error, result.error_code = _zip_error(exc), Code.NOT_FOUND
            except _ZIP_ERRORS as exc:
                result.error, result.error_code = _zip_error(exc), Code.UNREADABLE
            if result.error:
                result.digest, result.size = "", 0
                if spool:
                    _remove(spool)
            else:
                spooled.append((result, spool))
            spool = ""
        identify_hashed(spooled, identifier)
    finally:
        if spool:  # cancelled in the middle of a member
            _remove(spool)
        for _result, done in spooled:
            _remove(done)
    return results


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class _NoIdentifier:
    """Stands in when the engine failed to start, so files are still hashed."""

    name = ""
    signature_version = ""

    def identify(self, path: str) -> FormatInfo:
        return FormatInfo()


class _ObjectItems(Collection[tuple[int, str, int]]):
    """``(uid, source, size)`` of objects, read when needed: a list of a million such
    tuples costs ~70 MB (``scan``)."""

    __slots__ = ("objects",)

    def __init__(self, objects: list[BinaryObject]) -> None:
        self.objects = objects

    def __len__(self) -> int:
        return len(self.objects)

    def __iter__(self) -> Iterator[tuple[int, str, int]]:
        for o in self.objects:
            yield o.uid, o.source, o.size

    def __contains__(self, item: object) -> bool:
        return any(item == entry for entry in self)


def _batches(items: Iterable[tuple[int, str, int]]) -> Iterator[list[tuple[int, str]]]:
    """Group (uid, path, size) into batches of small files; big files alone."""
    batch: list[tuple[int, str]] = []
    volume = 0
    for uid, path, size in items:
        if size >= BATCH_BYTES:
            yield [(uid, path)]
            continue
        batch.append((uid, path))
        volume += size
        if len(batch) >= BATCH_FILES or volume >= BATCH_BYTES:
            yield batch
            batch, volume = [], 0
    if batch:
        yield batch


# Go's garbage collector target (GOGC) for the engine in worker processes (siegfried, via
# pygfried). At Go's default, 100, the heap grows to twice the ~72 MB the engine keeps
# live: ~190 MB of RSS a worker. At 50, ~150 MB for twice the collections (~25 ms each,
# 21 instead of 11 per 20,000 files): a 100,000-file scan took the same time, within noise.
# Go reads only the environment a process starts with: it must be there at the start of
# the fork server (whose forks are the workers) or of a spawned worker.
ENGINE_GOGC = "50"


def mp_context() -> multiprocessing.context.BaseContext:
    """Process start method safe from any thread.

    ``fork`` copies a threaded process (the GUI's QThreadPool, or a Go runtime if pygfried was
    ever loaded here) and can deadlock; ``forkserver`` forks from a clean single-threaded
    server instead, ``spawn`` elsewhere (Windows, macOS). ``VERSO_MP_START=spawn`` forces
    Windows' method on Linux (the test suite runs with it too).

    Also puts ``GOGC`` (``ENGINE_GOGC``) in this process's environment unless it is set, for
    the processes started from here to inherit: the workers' engine.
    """
    os.environ.setdefault("GOGC", ENGINE_GOGC)
    forced = os.environ.get("VERSO_MP_START", "").strip()
    if forced == "spawn":
        return multiprocessing.get_context(forced)
    if forced == "forkserver" or sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        # Workers fork from the server with this module already imported (0.1 s of CPU
        # each otherwise, measured); never an engine: pygfried starts a Go runtime
        # (threads), which a fork must not copy. "__main__" is the default preload.
        ctx.set_forkserver_preload(["__main__", "seda.scan"])
        return ctx
    return multiprocessing.get_context("spawn")


# Worker pools kept between analyses. Off by default (the CLI runs one scan per process and
# tests expect no process left); the window turns it on (``keep_workers``) so its second
# scan finds the engines already loaded. Pools start lazily: at ``prestart`` or at the first
# batch, never at import. Keyed by (engine, processes, start method); an analysis takes its
# pool out of the cache while it runs, so two analyses never share one (nor its cancel flag).
_PoolKey = tuple[str, int, str]
_KEEP_WORKERS = False
_KEPT: dict[_PoolKey, tuple[ProcessPoolExecutor, Any, Any]] = {}
_KEPT_LOCK = threading.Lock()


def keep_workers(enabled: bool = True) -> None:
    """Keep the worker processes (engines loaded) after an analysis, for the next one.

    ``keep_workers(False)`` stops keeping them and shuts down the kept ones.
    """
    global _KEEP_WORKERS
    _KEEP_WORKERS = enabled
    if not enabled:
        shutdown_workers()


def shutdown_workers() -> None:
    """Stop the kept worker processes (also run at exit)."""
    with _KEPT_LOCK:
        pools = list(_KEPT.values())
        _KEPT.clear()
    for executor, _ctx, cancel in pools:
        cancel.set()
        executor.shutdown(wait=True, cancel_futures=True)


def kept_worker_pids() -> list[int]:
    """Process ids of the kept (idle) workers: for tests and the benchmark."""
    with _KEPT_LOCK:
        pools = list(_KEPT.values())
    pids: list[int] = []
    for executor, _ctx, _cancel in pools:
        pids.extend(getattr(executor, "_processes", None) or {})
    return sorted(pids)


def _pool_key(engine: str, workers: int, ctx: Any) -> _PoolKey:
    return (engine, workers, str(ctx.get_start_method()))


def _take_pool(key: _PoolKey) -> tuple[ProcessPoolExecutor, Any, Any] | None:
    with _KEPT_LOCK:
        return _KEPT.pop(key, None)


def _keep_pool(key: _PoolKey, executor: ProcessPoolExecutor, ctx: Any, cancel: Any) -> bool:
    """Keep a pool whose work is all done for the next analysis; False when not kept."""
    if not _KEEP_WORKERS or cancel.is_set() or getattr(executor, "_broken", False):
        return False
    with _KEPT_LOCK:  # one pool at most (each worker holds an engine: ~200 MB)
        old = list(_KEPT.values())
        _KEPT.clear()
        _KEPT[key] = (executor, ctx, cancel)
    for other, _ctx, other_cancel in old:
        other_cancel.set()
        other.shutdown(wait=True, cancel_futures=True)
    return True


atexit.register(shutdown_workers)


class AnalysisError(RuntimeError):
    """The worker processes themselves cannot run (not a problem with any one file)."""


def cpu_count() -> int:
    """The processors this process may use (its affinity mask where known)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(workers: int | None) -> int:
    """Analysis processes for a request: None -> one per CPU, 0 -> none (in this process),
    never more than the CPUs (more only costs memory: each holds an engine) nor fewer than 0."""
    if workers is None:
        return cpu_count()
    return max(0, min(workers, cpu_count()))


class Analysis(Iterator[list[FileResult]]):
    """Iterator returned by ``analyse``; also tells which signature set the workers used.

    Nothing runs until the first ``next()``. Closing it (or leaving a ``for`` loop early)
    stops and joins the worker processes.
    """

    def __init__(
        self,
        objects: Iterable[BinaryObject],
        engine: str,
        workers: int | None,
        progress: Progress | None,
    ) -> None:
        # an engine that cannot run here gives way to siegfried; ``notes`` say so, once
        self.requested_engine = engine
        self.engine, self.notes = resolve_engine(engine)
        self.signature_version = ""
        self._items: Collection[tuple[int, str, int]] = [(o.uid, o.source, o.size) for o in objects]
        self._workers = worker_count(workers)
        self._progress = progress
        self._warm: tuple[ProcessPoolExecutor, Any, Any, int] | None = None
        self._pool_size = self._workers  # processes of the pool (the key it is kept by)
        self._spool: str | None = None  # temporary copies of zip members (see _run)
        self._gen = self._run()

    def prestart(self) -> None:
        """Start the worker processes (and their engines) now, e.g. while ``walk`` runs.

        Saves the ~0.3-0.5 s start-up from the critical path. Call ``close()`` if the
        analysis is then not iterated.
        """
        if self._workers == 0 or self._warm is not None:
            return
        ctx = mp_context()
        kept = _take_pool(_pool_key(self.engine, self._workers, ctx))
        if kept is not None:
            self._warm = (kept[0], ctx, kept[2], self._workers)
            return
        cancel = ctx.Event()
        executor = self._new_executor(self._workers, ctx, cancel)
        for _ in range(self._workers):
            executor.submit(_ping)
        self._warm = (executor, ctx, cancel, self._workers)

    def _set_objects(self, objects: Iterable[BinaryObject]) -> None:
        """Objects to analyse, when they were not known at construction (``scan``: its
        tree is not edited meanwhile, so their fields are read as batches are made)."""
        self._items = _ObjectItems(list(objects))

    def __iter__(self) -> Analysis:
        return self

    def __next__(self) -> list[FileResult]:
        return next(self._gen)

    def close(self) -> None:
        """Stop the work and join the worker processes (also when never iterated)."""
        self._gen.close()
        self.close_warm()

    def close_warm(self) -> None:
        if self._warm is not None:
            executor, ctx, cancel, _n = self._warm
            self._warm = None
            if _keep_pool(_pool_key(self.engine, self._pool_size, ctx), executor, ctx, cancel):
                return
            cancel.set()
            executor.shutdown(wait=True, cancel_futures=True)

    def _report(
        self, done: int, results: list[FileResult], batch: Sequence[tuple[int, str]]
    ) -> None:
        """Progress, naming the last file of ``results`` (looked up in its own ``batch``:
        a uid -> path map of every file would cost ~100 MB at a million files)."""
        if self._progress is not None:
            message = ""
            if results:
                uid = results[-1].uid
                path = next((p for u, p in reversed(batch) if u == uid), "")
                message = os.path.basename(path)
            self._progress.report(done, len(self._items), message)

    def _run(self) -> Generator[list[FileResult], None, None]:
        if not self._items:
            self.close_warm()
            return
        check(self._progress)
        # Zip members are identified from temporary copies in a private folder (0700) that
        # this process removes at the end, whatever happened to the workers.
        if any(path.startswith(ZIP_PREFIX) for _uid, path, _size in self._items):
            self._spool = tempfile.mkdtemp(prefix="verso-zip-")
            register_temp(self._spool)  # removed even on SIGTERM (seda.atomic)
        try:
            if self._workers == 0:
                yield from self._run_here()
            else:
                yield from self._run_pool()
        finally:
            if self._spool is not None:
                shutil.rmtree(self._spool, ignore_errors=True)
                forget_temp(self._spool)
                self._spool = None

    def _run_here(self) -> Generator[list[FileResult], None, None]:
        """In this process (workers=0): for tests and tiny jobs; blocks the GIL."""
        try:
            identifier: Identifier | None = make_identifier(self.engine)
            error = ""
        except Exception as exc:
            identifier, error = None, f"{type(exc).__name__}: {exc}"
        progress = self._progress
        cancelled = progress.cancelled if progress is not None else (lambda: False)
        done = 0
        zips = _ZipReader()
        try:
            for batch in _batches(self._items):
                check(progress)
                version, results = _run_batch(
                    batch, identifier, error, cancelled, self._spool, zips
                )
                check(progress)
                self.signature_version = version or self.signature_version
                done += len(results)
                self._report(done, results, batch)
                yield results
        finally:
            zips.close()

    def _run_pool(self) -> Generator[list[FileResult], None, None]:
        """Feed a process pool a few batches ahead; survive a crashing worker.

        If a worker dies (e.g. an engine crash on one odd file), the files of the batches
        lost with the pool are retried one at a time, alone in flight, so a second crash
        names the culprit (IDENTIFY_ERROR) and the scan goes on.
        """
        batches = _batches(self._items)
        retry: deque[list[tuple[int, str]]] = deque()
        pending: dict[Future[tuple[str, list[FileResult]]], tuple[list[tuple[int, str]], bool]] = {}
        if self._warm is not None:
            executor, ctx, cancel, workers = self._warm
            self._warm = None
        else:
            big = sum(1 for _uid, _path, size in self._items if size >= BATCH_BYTES)
            workers = max(1, min(self._workers, -(-len(self._items) // BATCH_FILES) + big))
            ctx = mp_context()
            kept = _take_pool(_pool_key(self.engine, self._workers, ctx))
            if kept is not None:  # engines already loaded by a previous analysis
                executor, _ctx, cancel = kept
            else:
                cancel = ctx.Event()
                # Kept pools keep their full size (processes start only when work waits).
                size = self._workers if _KEEP_WORKERS else workers
                executor = self._new_executor(size, ctx, cancel)
                self._pool_size = size
        done = 0
        restarts = 0
        clean = False  # every batch done: the pool may be kept for the next analysis
        pool_ok = False  # whether the current pool has returned anything
        try:
            while True:
                check(self._progress)
                if retry:
                    if not pending:
                        suspect_batch = retry.popleft()
                        pending[executor.submit(_worker_batch, suspect_batch, self._spool)] = (
                            suspect_batch,
                            True,
                        )
                elif not any(suspect for _batch, suspect in pending.values()):
                    while len(pending) < workers * 2:
                        batch = next(batches, None)
                        if batch is None:
                            break
                        pending[executor.submit(_worker_batch, batch, self._spool)] = (batch, False)
                if not pending:
                    break
                finished, _ = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
                check(self._progress)
                if any(_is_broken(f) for f in finished):
                    # The whole pool is gone: collect every pending batch (some may have
                    # finished just before), blame a lone suspect, retry the others alone.
                    wait(pending)
                    finished = set(pending)
                lost = False
                for future in finished:
                    batch, suspect = pending.pop(future)
                    if _is_broken(future):
                        lost = True
                        if suspect:
                            results = [_crashed(uid) for uid, _path in batch]
                        else:
                            retry.extend([item] for item in batch)
                            continue
                    else:
                        version, results = future.result()
                        self.signature_version = version or self.signature_version
                        pool_ok = True
                    done += len(results)
                    self._report(done, results, batch)
                    yield results
                if lost:
                    executor.shutdown(wait=True, cancel_futures=True)
                    if not pool_ok and not _pool_starts(ctx):
                        raise AnalysisError("worker processes cannot start")
                    pool_ok = False
                    restarts += 1
                    if restarts > 50:  # something is deeply wrong: report the rest, stop
                        rest = [i for b in retry for i in b] + [i for b in batches for i in b]
                        retry.clear()
                        results = [_crashed(uid) for uid, _path in rest]
                        done += len(results)
                        self._report(done, results, rest)
                        yield results
                        break
                    executor = self._new_executor(workers, ctx, cancel)
                    self._pool_size = workers
            clean = True
        finally:
            key = _pool_key(self.engine, self._pool_size, ctx)
            if not (clean and not pending and _keep_pool(key, executor, ctx, cancel)):
                cancel.set()
                for future in pending:
                    future.cancel()
                executor.shutdown(wait=True, cancel_futures=True)

    def _new_executor(self, workers: int, ctx: Any, cancel: Any) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=_worker_init,
            initargs=(self.engine, cancel),
        )


def _ping() -> bool:
    return True


def _pool_starts(ctx: Any) -> bool:
    """Whether a worker process can start at all (e.g. a main module without the
    ``if __name__ == "__main__"`` guard breaks every spawned worker)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as probe:
        try:
            return bool(probe.submit(_ping).result(timeout=120))
        except Exception:
            return False


def _is_broken(future: Future[Any]) -> bool:
    return (
        future.done()
        and not future.cancelled()
        and isinstance(future.exception(), BrokenProcessPool)
    )


def _crashed(uid: int) -> FileResult:
    return FileResult(uid=uid, error="worker process stopped", error_code=Code.IDENTIFY_ERROR)


def analyse(
    objects: Iterable[BinaryObject],
    *,
    engine: str = DEFAULT_ENGINE,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Hash and identify ``objects``' files in worker processes; yield result batches.

    ``workers`` defaults to the number of CPUs; 0 runs in this process. Batches come as they
    complete (not in input order). Reports files done / total with the last file's name.
    On cancel, stops submitting, cancels pending work, interrupts running files, joins the
    workers and raises ``Cancelled``. Safe to call from a non-main thread. Never mutates
    the model: apply batches with ``apply_results`` on the thread that owns the model.
    """
    if engine not in ("siegfried", "fido", "magic"):
        raise ValueError(f"unknown identification engine {engine!r}")
    return Analysis(objects, engine, workers, progress)


_SHARED_FORMATS: dict[tuple[str, ...], FormatInfo] = {}


def _shared_format(fmt: FormatInfo) -> FormatInfo:
    """The one shared ``FormatInfo`` equal to ``fmt``: results arrive unpickled, each with
    its own record and strings, though a million files have a few dozen formats (~90 bytes
    a file for the record, ~300 for its texts). Model code replaces an object's format,
    never edits it in place (see ``BinaryObject.format``)."""
    key = (fmt.puid, fmt.name, fmt.version, fmt.mime, fmt.basis, fmt.warning, fmt.engine)
    shared = _SHARED_FORMATS.get(key)
    if shared is None:
        if len(_SHARED_FORMATS) >= 10_000:  # odd engine warnings per file: do not hoard
            _SHARED_FORMATS.clear()
        shared = _SHARED_FORMATS[key] = FormatInfo(*(sys.intern(v) for v in key))
    return shared


_SHARED_DAYS: dict[date, date] = {}


def _shared_day(when: datetime | None) -> date | None:
    """The day of ``when``, one ``date`` object per distinct day (a unit's start and end)."""
    if when is None:
        return None
    day = when.date()
    return _SHARED_DAYS.setdefault(day, day)


def apply_results(
    objects_by_uid: Mapping[int, BinaryObject],
    results: Iterable[FileResult],
    *,
    unit_of: Mapping[int, int] | None = None,
) -> list[Finding]:
    """Copy size, digest and format into the objects; findings for what went wrong.

    ``unit_of`` (object uid -> unit uid) lets findings name their unit. Results for
    objects no longer in ``objects_by_uid`` (removed meanwhile) are ignored.
    """
    findings: list[Finding] = []
    units = unit_of or {}
    for result in results:
        obj = objects_by_uid.get(result.uid)
        if obj is None:
            continue
        unit_uid = units.get(result.uid)

        def add(
            code: str,
            severity: Severity,
            obj: BinaryObject = obj,
            uid: int | None = unit_uid,
            **params: Any,
        ) -> None:
            findings.append(Finding(code, severity, obj.source, params, uid))

        if result.error_code in (Code.UNREADABLE, Code.NOT_FOUND, Code.LOCKED):
            add(result.error_code, Severity.ERROR, error=result.error)
            continue
        if obj.size != result.size or (
            obj.last_modified is not None
            and result.last_modified is not None
            and obj.last_modified != result.last_modified
        ):
            add(
                Code.CHANGED_DURING_SCAN,
                Severity.WARNING,
                size_before=obj.size,
                size_after=result.size,
            )
        obj.size = result.size
        obj.digest = result.digest
        obj.format = _shared_format(result.format)
        if result.last_modified is not None:
            obj.last_modified = _shared_zone(result.last_modified)
        if result.error:
            add(Code.IDENTIFY_ERROR, Severity.WARNING, error=result.error)
        if is_unknown(result.format):
            add(
                Code.UNKNOWN_FORMAT,
                Severity.WARNING,
                mime=result.format.mime,
                warning=result.format.warning,
            )
    return findings


class _ObjectsHeld(Mapping[int, BinaryObject]):
    """Object uid -> object, found in the unit that holds it (``scan``: a million-entry
    dict less)."""

    def __init__(self, holder: dict[int, ArchiveUnit]) -> None:
        self.holder = holder

    def __getitem__(self, uid: int) -> BinaryObject:
        for obj in self.holder[uid].objects:
            if obj.uid == uid:
                return obj
        raise KeyError(uid)

    def __len__(self) -> int:
        return len(self.holder)

    def __iter__(self) -> Iterator[int]:
        return iter(self.holder)


class _UnitHolding(Mapping[int, int]):
    """Object uid -> uid of the unit that holds it."""

    def __init__(self, holder: dict[int, ArchiveUnit]) -> None:
        self.holder = holder

    def __getitem__(self, uid: int) -> int:
        return self.holder[uid].uid

    def __len__(self) -> int:
        return len(self.holder)

    def __iter__(self) -> Iterator[int]:
        return iter(self.holder)


def scan(
    paths: Iterable[str | os.PathLike[str]],
    *,
    engine: str = DEFAULT_ENGINE,
    exclusions: Sequence[str] = DEFAULT_EXCLUSIONS,
    workers: int | None = None,
    progress: Progress | None = None,
) -> ScanResult:
    """``walk`` then ``analyse`` and ``apply_results``: the whole scan, for the CLI and tests."""
    analysis = analyse([], engine=engine, workers=workers, progress=progress)
    analysis.prestart()  # engines load in the workers while the folders are listed
    try:
        result = walk(paths, exclusions=exclusions, progress=progress)
        holder: dict[int, ArchiveUnit] = {}  # object uid -> its unit: one dict, not two
        objects: list[BinaryObject] = []
        for root in result.roots:
            for unit in root.walk():
                for obj in unit.objects:
                    holder[obj.uid] = unit
                    objects.append(obj)
        analysis._set_objects(objects)
        del objects
        objects_by_uid, unit_of = _ObjectsHeld(holder), _UnitHolding(holder)
        for batch in analysis:
            result.findings.extend(apply_results(objects_by_uid, batch, unit_of=unit_of))
    finally:
        analysis.close()
    result.findings.extend(analysis.notes)  # optional engine parts missing, said once
    result.engine = analysis.engine
    result.signature_version = analysis.signature_version
    return result


__all__ = [
    "DEFAULT_EXCLUSIONS",
    "Analysis",
    "AnalysisError",
    "Cancelled",
    "ScanResult",
    "analyse",
    "apply_results",
    "binary_objects",
    "is_zip_archive",
    "keep_workers",
    "kept_worker_pids",
    "member_name",
    "member_time",
    "scan",
    "shutdown_workers",
    "walk",
]
