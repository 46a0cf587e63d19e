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

import errno
import fnmatch
import multiprocessing
import os
import re
import signal
import stat
import sys
import unicodedata
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from seda.findings import Code, Finding, Severity
from seda.identify import (
    DEFAULT_ENGINE,
    FileResult,
    Identifier,
    IdentifyCancelled,
    hash_and_identify_many,
    is_unknown,
    make_identifier,
)
from seda.model import ArchiveUnit, BinaryObject, DescriptionLevel, FormatInfo
from seda.progress import Cancelled, Progress, check

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


def _mtime(st: os.stat_result) -> datetime | None:
    """Local, timezone-aware modification time (None for absurd timestamps)."""
    try:
        return datetime.fromtimestamp(st.st_mtime, tz=UTC).astimezone()
    except (OverflowError, OSError, ValueError):
        return None


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "char_device"
    if stat.S_ISBLK(mode):
        return "block_device"
    return "other"


def _error_text(exc: OSError) -> str:
    return f"[Errno {exc.errno}] {exc.strerror}" if exc.errno else str(exc)


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
        self.visited_files: set[tuple[int, int]] = set()
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
        obj = BinaryObject(
            source=os.path.abspath(path), filename=title, size=st.st_size, last_modified=modified
        )
        day = modified.date() if modified is not None else None
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
        self.visited_files.add((st.st_dev, st.st_ino))
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
        else:
            self.add(
                Code.SPECIAL_FILE,
                Severity.WARNING,
                path,
                parent_uid_unit,
                kind=_special_kind(st.st_mode),
            )

    def list_dir(self, job: _Dir) -> None:
        """List one folder: sorted entries, exclusions, links deferred, sub-folders stacked."""
        try:
            with os.scandir(job.path) as it:
                entries = list(it)
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
        for entry in entries:
            self.seen += 1
            name = entry.name
            path = entry.path
            rel = job.rel + "/" + name
            pattern = self.exclusions.match(name)
            if pattern:
                self.add(Code.EXCLUDED, Severity.INFO, path, job.unit, pattern=pattern)
                continue
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


def _worker_batch(items: list[tuple[int, str]]) -> tuple[str, list[FileResult]]:
    """Hash and identify a batch in a worker; returns (signature version, results)."""
    return _run_batch(items, _worker_identifier, _worker_error, _cancel_set)


def _run_batch(
    items: list[tuple[int, str]],
    identifier: Identifier | None,
    init_error: str,
    cancelled: Callable[[], bool],
) -> tuple[str, list[FileResult]]:
    """Hash and identify one batch; on cancel return nothing (the caller discards it)."""
    try:
        if identifier is None:
            results = hash_and_identify_many(items, _NoIdentifier(), cancelled=cancelled)
            for result in results:
                if not result.error:
                    result.error, result.error_code = init_error, Code.IDENTIFY_ERROR
        else:
            results = hash_and_identify_many(items, identifier, cancelled=cancelled)
    except IdentifyCancelled:
        results = []
    version = identifier.signature_version if identifier is not None else ""
    return version, results


class _NoIdentifier:
    """Stands in when the engine failed to start, so files are still hashed."""

    name = ""
    signature_version = ""

    def identify(self, path: str) -> FormatInfo:
        return FormatInfo()


def _batches(items: Sequence[tuple[int, str, int]]) -> Iterator[list[tuple[int, str]]]:
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


def mp_context() -> multiprocessing.context.BaseContext:
    """Process start method safe from any thread.

    ``fork`` copies a threaded process (the GUI's QThreadPool, or a Go runtime if pygfried was
    ever loaded here) and can deadlock; ``forkserver`` forks from a clean single-threaded
    server instead, ``spawn`` elsewhere (Windows, macOS).
    """
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


class AnalysisError(RuntimeError):
    """The worker processes themselves cannot run (not a problem with any one file)."""


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
        self.engine = engine
        self.signature_version = ""
        self._items = [(o.uid, o.source, o.size) for o in objects]
        self._workers = (os.cpu_count() or 1) if workers is None else max(0, workers)
        self._progress = progress
        self._warm: tuple[ProcessPoolExecutor, Any, Any, int] | None = None
        self._gen = self._run()

    def prestart(self) -> None:
        """Start the worker processes (and their engines) now, e.g. while ``walk`` runs.

        Saves the ~0.3-0.5 s start-up from the critical path. Call ``close()`` if the
        analysis is then not iterated.
        """
        if self._workers == 0 or self._warm is not None:
            return
        ctx = mp_context()
        cancel = ctx.Event()
        executor = self._new_executor(self._workers, ctx, cancel)
        for _ in range(self._workers):
            executor.submit(_ping)
        self._warm = (executor, ctx, cancel, self._workers)

    def _set_objects(self, objects: Iterable[BinaryObject]) -> None:
        """Objects to analyse, when they were not known at construction (``scan``)."""
        self._items = [(o.uid, o.source, o.size) for o in objects]

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
            executor, _ctx, cancel, _n = self._warm
            self._warm = None
            cancel.set()
            executor.shutdown(wait=True, cancel_futures=True)

    def _report(self, done: int, results: list[FileResult]) -> None:
        if self._progress is not None:
            message = ""
            if results:
                path = self._path_of.get(results[-1].uid, "")
                message = os.path.basename(path)
            self._progress.report(done, len(self._items), message)

    def _run(self) -> Generator[list[FileResult], None, None]:
        self._path_of = {uid: path for uid, path, _size in self._items}
        if not self._items:
            self.close_warm()
            return
        check(self._progress)
        if self._workers == 0:
            yield from self._run_here()
        else:
            yield from self._run_pool()

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
        for batch in _batches(self._items):
            check(progress)
            version, results = _run_batch(batch, identifier, error, cancelled)
            check(progress)
            self.signature_version = version or self.signature_version
            done += len(results)
            self._report(done, results)
            yield results

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
            cancel = ctx.Event()
            executor = self._new_executor(workers, ctx, cancel)
        done = 0
        restarts = 0
        pool_ok = False  # whether the current pool has returned anything
        try:
            while True:
                check(self._progress)
                if retry:
                    if not pending:
                        suspect_batch = retry.popleft()
                        pending[executor.submit(_worker_batch, suspect_batch)] = (
                            suspect_batch,
                            True,
                        )
                elif not any(suspect for _batch, suspect in pending.values()):
                    while len(pending) < workers * 2:
                        batch = next(batches, None)
                        if batch is None:
                            break
                        pending[executor.submit(_worker_batch, batch)] = (batch, False)
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
                    self._report(done, results)
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
                        self._report(done, results)
                        yield results
                        break
                    executor = self._new_executor(workers, ctx, cancel)
        finally:
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


def apply_results(
    objects_by_uid: dict[int, BinaryObject],
    results: Iterable[FileResult],
    *,
    unit_of: dict[int, int] | None = None,
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

        if result.error_code in (Code.UNREADABLE, Code.NOT_FOUND):
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
        obj.format = result.format
        if result.last_modified is not None:
            obj.last_modified = result.last_modified
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
        objects_by_uid: dict[int, BinaryObject] = {}
        unit_of: dict[int, int] = {}
        for root in result.roots:
            for unit in root.walk():
                for obj in unit.objects:
                    objects_by_uid[obj.uid] = obj
                    unit_of[obj.uid] = unit.uid
        analysis._set_objects(objects_by_uid.values())
        for batch in analysis:
            result.findings.extend(apply_results(objects_by_uid, batch, unit_of=unit_of))
    finally:
        analysis.close()
    result.engine = engine
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
    "scan",
    "walk",
]
