"""Format identification engines behind one interface, plus streamed SHA-512.

Engines (``make_identifier``): ``"siegfried"`` (pygfried, PRONOM, the SAE's own engine and
the default), ``"fido"`` (opf-fido, PRONOM, older signatures, slow) and ``"magic"``
(libmagic, MIME type only). Engine modules are imported lazily: pygfried loads a Go runtime
(threads, ~220 MB), which must stay out of the GUI process; ``seda.scan.analyse`` runs the
engines in worker processes.

libmagic only completes a PRONOM answer (MIME type when the PRONOM engine gives none or does
not know the format): it calls re-zipped ODF documents ``application/zip``. It is optional:
where ``python-magic`` cannot load libmagic (every Windows PC unless someone installs it by
hand) the PRONOM engines work alone. ``engine_notes`` tells, once per scan, which optional
part is missing and which engine really runs (``resolve_engine``): an information, never a
finding on every file.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol, runtime_checkable

from seda.findings import Code, Finding, Severity
from seda.model import FormatInfo
from seda.winpath import extended, is_locked

ENGINES = ("siegfried", "fido", "magic")
DEFAULT_ENGINE = "siegfried"
CHUNK_SIZE = 1 << 20  # 1 MiB: large enough for full disk speed, small enough for quick cancel

_OCTET_STREAM = "application/octet-stream"


class IdentifyCancelled(Exception):
    """Raised inside a worker when the job was cancelled in the middle of a file."""


@dataclass(slots=True)
class FileResult:
    """What hashing and identifying one file found; picklable, sent back by workers.

    ``error`` is "" when fine; otherwise ``error_code`` says which finding it is
    (``Code.UNREADABLE``, ``Code.LOCKED``, ``Code.NOT_FOUND`` or ``Code.IDENTIFY_ERROR``). On an identify
    error the digest and size are still valid.
    """

    uid: int
    size: int = 0
    digest: str = ""
    format: FormatInfo = field(default_factory=FormatInfo)
    last_modified: datetime | None = None
    error: str = ""
    error_code: str = ""


@runtime_checkable
class Identifier(Protocol):
    """One identification engine, created once per worker process (costly to start)."""

    name: str
    signature_version: str

    def identify(self, path: str) -> FormatInfo:
        """The file's format; never raises for an unknown format (puid stays "")."""
        ...


class _Magic:
    """libmagic MIME lookups, shared by the engines (cheap to create).

    Raises ImportError (python-magic or libmagic missing) or another exception (a libmagic
    that loads but does not work) when created: see ``_optional_magic``.
    """

    def __init__(self) -> None:
        import magic

        self._magic = magic.Magic(mime=True)
        version: Any = getattr(magic, "version", None)
        self.version = f"libmagic {version()}" if version is not None else "libmagic"

    def mime(self, path: str) -> str:
        try:
            return str(self._magic.from_file(path) or "")
        except Exception:  # libmagic reports unreadable/odd files with MagicException
            return ""


def magic_problem() -> str:
    """Empty when libmagic can be used here, else why not (technical text)."""
    try:
        _Magic()
    except Exception as exc:  # ImportError, OSError, MagicException, AttributeError...
        return f"{type(exc).__name__}: {exc}"
    return ""


def _optional_magic() -> _Magic | None:
    """libmagic when it loads and works, else None (the PRONOM engine works alone)."""
    try:
        return _Magic()
    except Exception:
        return None


def fido_problem() -> str:
    """Empty when opf-fido can be used here, else why not (technical text)."""
    try:
        import fido  # noqa: F401
        from fido import fido as _fido_mod  # noqa: F401
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return ""


def resolve_engine(engine: str) -> tuple[str, list[Finding]]:
    """(engine that will really run, information findings) for the engine asked for.

    An engine that cannot run here gives way to siegfried (PRONOM, the SAE's own engine)
    rather than leaving every file unidentified; libmagic's absence only costs the MIME
    type of some formats siegfried does not know. Each is said once, as information.
    """
    notes: list[Finding] = []
    used = engine
    if engine == "fido":
        problem = fido_problem()
        if problem:
            used = DEFAULT_ENGINE
            notes.append(_note(Code.ENGINE_UNAVAILABLE, requested="fido", used=used, error=problem))
    if engine == "magic":
        problem = magic_problem()
        if problem:
            used = DEFAULT_ENGINE
            notes.append(
                _note(Code.ENGINE_UNAVAILABLE, requested="magic", used=used, error=problem)
            )
        return used, notes
    problem = magic_problem()
    if problem:
        notes.append(_note(Code.MAGIC_UNAVAILABLE, error=problem))
    return used, notes


def _note(code: Code, **params: str) -> Finding:
    return Finding(code, Severity.INFO, "", params=dict(params))


# MIME types of PRONOM formats whose PRONOM record gives none (so neither siegfried nor
# fido reports one), where the format itself fixes the type: source code and plain-text
# formats. Without this, libmagic was asked for each such file, ~1-2 ms a file (its text
# tests are its slowest; ~20 % of a scan's time on a mixed corpus of programs) and answered
# inconsistently for one format (a Perl module "text/plain", a Perl script "text/x-perl").
# Names: IANA's where registered (YAML, RFC 9512), else freedesktop.org shared-mime-info's
# (canonical or alias), else libmagic's (text/x-c++, what Verso wrote before). Formats whose
# MIME type depends on the content (ELF: shared library, executable or object; "Data File";
# "Binary File") are not listed: libmagic still decides those (it is quick on them).
PUID_MIME: dict[str, str] = {
    "fmt/938": "text/x-python",  # Python Source Code File
    "fmt/870": "text/x-perl",  # Perl Script
    "fmt/1735": "text/x-c",  # C/C++ Header File
    "fmt/1768": "text/x-c",  # C Source Code File
    "fmt/1769": "text/x-c++",  # C++ Source Code File
    "fmt/1565": "text/x-rst",  # reStructuredText
    "fmt/818": "application/yaml",  # YAML
    "x-fmt/62": "text/plain",  # Log File
}


def _complete_mime(info: FormatInfo, path: str, magic: _Magic | None) -> None:
    """Fill the MIME type the PRONOM engine did not give (never override it): from the
    format when it fixes the type (``PUID_MIME``, also without libmagic), else libmagic's."""
    if info.mime:
        return
    info.mime = PUID_MIME.get(info.puid, "")
    if not info.mime and magic is not None:
        info.mime = magic.mime(path)


class SiegfriedIdentifier:
    """Siegfried through pygfried, always in detailed mode.

    Simple mode raises on empty files and broken zips; detailed mode answers UNKNOWN and
    gives the reason in ``errors``, which ``identify_detailed`` returns.
    """

    name = "siegfried"

    def __init__(self, *, use_magic: bool = True) -> None:
        import pygfried

        self._pygfried: Any = pygfried
        self._magic = _optional_magic() if use_magic else None
        # The signature set is only reported with a result: identify this very file once.
        details = pygfried.identify(os.path.abspath(__file__), detailed=True)
        names = [i.get("details", "") for i in details.get("identifiers", [])]
        self.signature_version = "; ".join(n for n in names if n) or str(details.get("signature"))
        self.engine_version = f"siegfried {details.get('siegfried', '')}".strip()

    def identify(self, path: str) -> FormatInfo:
        return self.identify_detailed(path)[0]

    def identify_detailed(self, path: str) -> tuple[FormatInfo, str]:
        """(format, engine error) — the error is "" or siegfried's reason (e.g. bad zip)."""
        if not _utf8_ok(path):
            return self._identify_via_link(path)
        result = self._pygfried.identify(path, detailed=True)
        files = result.get("files") or [{}]
        return self._convert(files[0], path)

    def _identify_via_link(self, path: str) -> tuple[FormatInfo, str]:
        """Identify a file whose name is not valid UTF-8 (pygfried only takes clean text)
        through a temporary symbolic link with a clean name and the same extension."""
        import tempfile

        ext = os.path.splitext(os.fsencode(path))[1].decode("ascii", "ignore")
        with tempfile.TemporaryDirectory(prefix="verso-id-") as tmp:
            link = os.path.join(tmp, "file" + ext)
            os.symlink(os.fsencode(os.path.abspath(path)), os.fsencode(link))
            result = self._pygfried.identify(link, detailed=True)
            files = result.get("files") or [{}]
            return self._convert(files[0], link)

    def identify_many_detailed(self, paths: list[str]) -> list[tuple[FormatInfo, str]]:
        """``identify_detailed`` for a batch in one engine call.

        Much cheaper per file than one call each on small files (one crossing into Go, one
        JSON answer); siegfried reports per-file problems in each entry's ``errors``.
        """
        result = self._pygfried.identify_many(paths)
        files = result.get("files") or []
        if len(files) != len(paths):
            raise RuntimeError(f"siegfried answered {len(files)} files for {len(paths)}")
        return [self._convert(entry, path) for entry, path in zip(files, paths, strict=True)]

    def _convert(self, entry: dict[str, Any], path: str) -> tuple[FormatInfo, str]:
        matches = entry.get("matches") or []
        info = FormatInfo(engine=self.name)
        if matches:
            match = matches[0]
            puid = str(match.get("id", ""))
            info.puid = "" if puid.upper() == "UNKNOWN" else puid
            info.name = str(match.get("format", ""))
            info.version = str(match.get("version", ""))
            info.mime = str(match.get("mime", ""))
            info.basis = str(match.get("basis", ""))
            info.warning = str(match.get("warning", ""))
        _complete_mime(info, path, self._magic)
        return info, str(entry.get("errors") or "")


class FidoIdentifier:
    """opf-fido, built the way fido's command line builds it.

    ``Fido()`` with default arguments looks for ``formats-v104.xml``, which 1.6.1 does not
    ship; the command line reads ``conf/versions.xml`` and passes the files it names.
    Fido reports matches through a callback and prints I/O errors instead of raising, so
    the file is opened here first to surface read errors.
    """

    name = "fido"

    def __init__(self, *, use_magic: bool = True) -> None:
        import fido as fido_pkg
        from fido import fido as fido_mod
        from fido.versions import get_local_versions

        versions = get_local_versions(fido_pkg.CONFIG_DIR)
        self._matches: list[tuple[Any, str, str]] = []
        self._fido: Any = fido_mod.Fido(
            quiet=True,
            handle_matches=self._collect,
            conf_dir=fido_pkg.CONFIG_DIR,
            format_files=[versions.pronom_signature, versions.fido_extension_signature],
        )
        # Fido.__init__ ignores its containersignature_file argument (reads a global).
        self._fido.containersignature_file = versions.pronom_container_signature
        self._magic = _optional_magic() if use_magic else None
        self.signature_version = (
            f"{versions.pronom_signature}; {versions.pronom_container_signature}"
        )
        self.engine_version = f"fido {fido_pkg.__version__}"

    def _collect(
        self, filename: str, matches: list[Any], delta_t: float, matchtype: str = ""
    ) -> None:
        for fmt, sig_name in matches:
            self._matches.append((fmt, str(sig_name), matchtype))

    def identify(self, path: str) -> FormatInfo:
        return self.identify_detailed(path)[0]

    def identify_detailed(self, path: str) -> tuple[FormatInfo, str]:
        with open(path, "rb"):  # fido swallows I/O errors: surface them as OSError
            pass
        self._matches.clear()
        import contextlib
        import io

        # Fido writes remarks (e.g. "Zero byte file") to stderr: keep the console clean.
        with contextlib.redirect_stderr(io.StringIO()):
            self._fido.identify_file(path)
        info = FormatInfo(engine=self.name)
        if self._matches:
            fmt, sig_name, matchtype = self._matches[0]

            def text(tag: str) -> str:
                node = fmt.find(tag)
                return str(node.text) if node is not None and node.text else ""

            info.puid = str(self._fido.get_puid(fmt) or "")
            info.name = text("name")
            info.version = text("version")
            info.mime = text("mime")
            info.basis = f"{matchtype}: {sig_name}" if sig_name else matchtype
            warnings = []
            if matchtype == "extension":
                warnings.append("match on extension only")
            if len(self._matches) > 1:
                others = ", ".join(str(self._fido.get_puid(m[0])) for m in self._matches[1:])
                warnings.append(f"other possible formats: {others}")
            info.warning = "; ".join(warnings)
        self._matches.clear()
        _complete_mime(info, path, self._magic)
        return info, ""


class MagicIdentifier:
    """libmagic only: a MIME type, no PRONOM id (for machines without the other engines)."""

    name = "magic"

    def __init__(self) -> None:
        self._magic = _Magic()
        self.signature_version = self._magic.version
        self.engine_version = self._magic.version

    def identify(self, path: str) -> FormatInfo:
        with open(path, "rb"):  # libmagic turns read errors into text: surface them
            pass
        return FormatInfo(mime=self._magic.mime(path), engine=self.name, basis="libmagic")


def make_identifier(engine: str = DEFAULT_ENGINE) -> Identifier:
    """Create the identifier for ``engine`` ("siegfried", "fido" or "magic").

    Costly (loads signatures): create one per worker process and reuse it.
    """
    factories: dict[str, Callable[[], Identifier]] = {
        "siegfried": SiegfriedIdentifier,
        "fido": FidoIdentifier,
        "magic": MagicIdentifier,
    }
    try:
        factory = factories[engine]
    except KeyError:
        raise ValueError(
            f"unknown identification engine {engine!r}; expected one of {ENGINES}"
        ) from None
    return factory()


def engine_versions(engine: str = DEFAULT_ENGINE) -> tuple[str, str]:
    """(signature file version, engine version) of ``engine``, e.g. for an About box.

    Loads the engine: call it in a worker process, never in the window's process.
    """
    identifier: Any = make_identifier(engine)
    return identifier.signature_version, str(getattr(identifier, "engine_version", ""))


def is_unknown(info: FormatInfo) -> bool:
    """Whether ``info`` should be reported as an unknown format for its engine."""
    if info.engine == "magic":
        return info.mime in ("", _OCTET_STREAM)
    return not info.known


# -- hashing -----------------------------------------------------------------------------

_local = threading.local()


def _buffer() -> memoryview:
    """A 1 MiB buffer reused by every file of this thread (no allocation per file)."""
    view: memoryview | None = getattr(_local, "view", None)
    if view is None:
        view = _local.view = memoryview(bytearray(CHUNK_SIZE))
    return view


def sha512_file(
    path: str, cancelled: Callable[[], bool] | None = None
) -> tuple[str, int, datetime | None]:
    """(hex SHA-512, size, mtime) of ``path``, streamed in constant memory.

    ``cancelled`` is polled between chunks so a cancel interrupts a multi-GiB file quickly.
    Raises ``OSError`` on read errors and ``IdentifyCancelled`` on cancel.
    """
    view = _buffer()
    digest = hashlib.sha512()
    size = 0
    with open(extended(path), "rb", buffering=0) as handle:  # \\?\ past 260 characters
        st = os.fstat(handle.fileno())
        readinto = handle.readinto
        update = digest.update
        while True:
            n = readinto(view)
            if not n:
                break
            size += n
            update(view[:n])
            if cancelled is not None and n == CHUNK_SIZE and cancelled():
                raise IdentifyCancelled()
    modified = datetime.fromtimestamp(st.st_mtime, tz=UTC).astimezone()
    return digest.hexdigest(), size, modified


def hash_and_identify(
    path: str,
    identifier: Identifier,
    uid: int = 0,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> FileResult:
    """Hash then identify one file. Never raises for file problems: they go in ``error``.

    Read errors give ``error_code`` UNREADABLE (NOT_FOUND when the file vanished); an engine
    failure gives IDENTIFY_ERROR with digest and size kept. Only ``IdentifyCancelled``
    propagates.
    """
    result = FileResult(uid=uid)
    if _hash_into(result, path, cancelled):
        _identify_into(result, path, identifier)
    return result


def hash_and_identify_many(
    items: list[tuple[int, str]],
    identifier: Identifier,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> list[FileResult]:
    """``hash_and_identify`` for a batch of (uid, path), in input order.

    Engines with ``identify_many_detailed`` (siegfried) identify the whole batch in one call;
    if that call fails, each file is identified on its own so one odd file cannot spoil the
    others. Raises ``IdentifyCancelled`` on cancel.
    """
    results: list[FileResult] = []
    hashed: list[tuple[FileResult, str]] = []
    for uid, path in items:
        if cancelled is not None and cancelled():
            raise IdentifyCancelled()
        result = FileResult(uid=uid)
        results.append(result)
        if _hash_into(result, path, cancelled):
            hashed.append((result, path))
    identify_hashed(hashed, identifier)
    return results


def identify_hashed(hashed: list[tuple[FileResult, str]], identifier: Identifier) -> None:
    """Fill the format of already hashed results from their file at ``path``.

    One engine call for the batch when the engine can (siegfried); each file on its own
    otherwise, or if that call fails. Used for files on disk and for zip members spooled to
    temporary files (``seda.scan``).
    """
    many = getattr(identifier, "identify_many_detailed", None)
    answers: list[tuple[FormatInfo, str]] | None = None
    if many is not None:  # names the engine cannot take are identified one by one
        alone = [(r, p) for r, p in hashed if not _utf8_ok(p)]
        for result, path in alone:
            _identify_into(result, path, identifier)
        if alone:
            hashed = [(r, p) for r, p in hashed if _utf8_ok(p)]
    if many is not None and len(hashed) > 1:
        try:
            answers = many([path for _result, path in hashed])
        except Exception:  # e.g. a name the engine cannot take: fall back to one by one
            answers = None
    if answers is None:
        for result, path in hashed:
            _identify_into(result, path, identifier)
    else:
        for (result, _path), (info, engine_error) in zip(hashed, answers, strict=True):
            result.format = info
            _engine_error(result, engine_error)


def _utf8_ok(path: str) -> bool:
    """False for paths carrying undecodable bytes (lone surrogates from ``os.fsdecode``)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _hash_into(result: FileResult, path: str, cancelled: Callable[[], bool] | None) -> bool:
    """Fill digest, size and mtime; on a read error fill ``error`` and return False."""
    try:
        result.digest, result.size, result.last_modified = sha512_file(path, cancelled)
    except FileNotFoundError as exc:
        result.error, result.error_code = _describe(exc), Code.NOT_FOUND
        return False
    except OSError as exc:  # a file held open by another program says so (Windows)
        result.error = _describe(exc)
        result.error_code = Code.LOCKED if is_locked(exc) else Code.UNREADABLE
        return False
    return True


def _engine_error(result: FileResult, engine_error: str) -> None:
    if engine_error and result.size > 0:  # siegfried says "empty source" on empty files
        result.error, result.error_code = engine_error, Code.IDENTIFY_ERROR


def _identify_into(result: FileResult, path: str, identifier: Identifier) -> None:
    """Fill ``format``; engine failures become IDENTIFY_ERROR (digest and size kept)."""
    try:
        detailed = getattr(identifier, "identify_detailed", None)
        if detailed is not None:
            result.format, engine_error = detailed(path)
        else:
            result.format, engine_error = identifier.identify(path), ""
        _engine_error(result, engine_error)
    except FileNotFoundError as exc:
        result.error, result.error_code = _describe(exc), Code.NOT_FOUND
    except OSError as exc:
        result.error = _describe(exc)
        result.error_code = Code.LOCKED if is_locked(exc) else Code.UNREADABLE
    except Exception as exc:  # an engine bug on one odd file must not stop the scan
        result.format = FormatInfo(engine=getattr(identifier, "name", ""))
        result.error, result.error_code = _describe(exc), Code.IDENTIFY_ERROR


def _describe(exc: BaseException) -> str:
    """Short technical text for a finding's params (the UI words the finding itself)."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"[Errno {exc.errno}] {exc.strerror}" if exc.errno else exc.strerror
    return f"{type(exc).__name__}: {exc}"
