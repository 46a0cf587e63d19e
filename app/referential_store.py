"""Referential files (rules, agencies, positioning tree) kept in the user's data folder.

The referent imports the files the archives service gave them once, per preset; Verso then
finds them again at every start, even if the original (often in Downloads or on a USB key)
has gone. A file is checked exactly as the SAE would before it is stored: a refused file is
not stored and the import returns the ``ReferentialError`` findings (with the user's own
path in them, not our temporary copy's).

API::

    store = ReferentialStore("Mairie → AD")          # folder <data>/presets/mairie-ad/
    result = store.import_rules(path)                  # ImportResult(stored, findings, referential)
    if not result.ok: show(result.findings)
    store.rules() -> RulesReferential | None           # cached, reloaded when the file changes
    store.agencies() / store.tree()                    # same for agencies.csv / tree.<ext>
    store.path("rules") -> Path | None ; store.list() -> list[StoredReferential]
    store.remove("tree") ; store.copy_to("Autre profil de versement") -> ReferentialStore
    store.problems("rules") -> findings of a stored file that no longer loads

Layout: ``<data>/presets/<preset-slug>/rules.csv``, ``agencies.csv``, ``tree.<zip|xml|csv>``
and ``imported.json`` (original file name and import time, for display). ``data_dir()``:
``$VERSO_DATA_DIR`` (tests), else ``%APPDATA%\\Verso`` on Windows,
``~/Library/Application Support/Verso`` on macOS, ``$XDG_DATA_HOME/verso`` or
``~/.local/share/verso`` elsewhere. Two presets with the same name share a folder.

Thread-affinity: none (plain Python); use from one thread at a time.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from seda.atomic import atomic_file, discard_temp, new_temp
from seda.findings import Code, Finding, Severity
from seda.referentials import (
    AgenciesReferential,
    PositioningTree,
    ReferentialError,
    RulesReferential,
    load_agencies,
    load_rules,
    load_tree,
)
from seda.referentials.csvcheck import fold

KINDS = ("rules", "agencies", "tree")
TREE_SUFFIXES = (".zip", ".xml", ".csv")
_META = "imported.json"

_LOADERS: dict[str, Callable[[Path], Any]] = {
    "rules": load_rules,
    "agencies": load_agencies,
    "tree": load_tree,
}


def data_dir() -> Path:
    """The user's data folder for Verso (``VERSO_DATA_DIR`` overrides, e.g. in tests)."""
    override = os.environ.get("VERSO_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        base = Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
        return base / "Verso"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Verso"
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "verso"


def slugify(name: str) -> str:
    """A folder name safe on every OS from a preset name (accents dropped, lower case)."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    return slug[:60].strip("-") or "defaut"


@dataclass(slots=True)
class ImportResult:
    """Outcome of an import: ``stored`` is the copy in the data folder, None when refused."""

    stored: Path | None
    findings: list[Finding] = field(default_factory=list)
    referential: Any = None  # RulesReferential / AgenciesReferential / PositioningTree

    @property
    def ok(self) -> bool:
        return self.stored is not None


@dataclass(slots=True)
class StoredReferential:
    """One stored file, for display (``original``: the file name the user imported)."""

    kind: str
    path: Path
    size: int
    modified: datetime
    original: str = ""
    imported: str = ""  # ISO time of the import, "" when unknown


class ReferentialStore:
    """The referential files of one preset in the user's data folder."""

    def __init__(self, preset_name: str, *, base: Path | None = None) -> None:
        self.preset_name = preset_name
        self.folder = (base if base is not None else data_dir()) / "presets" / slugify(preset_name)
        # kind -> ((path, mtime_ns, size), loaded object or None, findings)
        self._cache: dict[str, tuple[tuple[str, int, int], Any, list[Finding]]] = {}

    # -- where -----------------------------------------------------------------------------
    def path(self, kind: str) -> Path | None:
        """The stored file of ``kind``, None when nothing was imported."""
        _check_kind(kind)
        if kind != "tree":
            p = self.folder / f"{kind}.csv"
            return p if p.is_file() else None
        for suffix in TREE_SUFFIXES:
            p = self.folder / f"tree{suffix}"
            if p.is_file():
                return p
        return None

    def list(self) -> list[StoredReferential]:
        """Stored files in KINDS order."""
        meta = self._read_meta()
        out: list[StoredReferential] = []
        for kind in KINDS:
            p = self.path(kind)
            if p is None:
                continue
            try:
                st = p.stat()
            except OSError:
                continue
            info = meta.get(kind, {})
            out.append(
                StoredReferential(
                    kind,
                    p,
                    st.st_size,
                    datetime.fromtimestamp(st.st_mtime),
                    str(info.get("original", "")),
                    str(info.get("imported", "")),
                )
            )
        return out

    # -- import ----------------------------------------------------------------------------
    def import_rules(self, path: Path | str) -> ImportResult:
        return self._import("rules", Path(path))

    def import_agencies(self, path: Path | str) -> ImportResult:
        return self._import("agencies", Path(path))

    def import_tree(self, path: Path | str) -> ImportResult:
        return self._import("tree", Path(path))

    def import_file(self, kind: str, path: Path | str) -> ImportResult:
        """Import by kind name (``"rules"``, ``"agencies"``, ``"tree"``)."""
        _check_kind(kind)
        return self._import(kind, Path(path))

    def _target(self, kind: str, source: Path) -> Path:
        if kind != "tree":
            return self.folder / f"{kind}.csv"
        suffix = source.suffix.lower()
        if suffix not in TREE_SUFFIXES:
            suffix = ".zip" if _is_zip(source) else ".xml"
        return self.folder / f"tree{suffix}"

    def _import(self, kind: str, source: Path) -> ImportResult:
        """Copy to a temp file next to the target, check the copy, then rename over it.

        Checking the copy (not the original) guarantees that what is stored is what was
        checked; the temp keeps the original suffix because the loaders look at it.
        """
        target = self._target(kind, source)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = new_temp(
                self.folder, prefix=f".{kind}-import-", suffix=source.suffix.lower()
            )
            os.close(fd)
        except OSError as exc:
            return ImportResult(None, [_write_error(target, exc)])
        tmp = Path(tmp_name)
        try:
            try:
                shutil.copyfile(source, tmp)
            except OSError as exc:
                return ImportResult(None, [_unreadable(source, exc)])
            try:
                loaded = _LOADERS[kind](tmp)
            except ReferentialError as exc:
                return ImportResult(None, [_repath(f, tmp, source) for f in exc.findings])
            try:
                with open(tmp, "rb+") as fh:
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
            except OSError as exc:
                return ImportResult(None, [_write_error(target, exc)])
        finally:
            discard_temp(tmp)
        if kind == "tree":  # a tree imported before under another suffix goes away
            for suffix in TREE_SUFFIXES:
                other = self.folder / f"tree{suffix}"
                if other != target:
                    with contextlib.suppress(OSError):
                        other.unlink()
        if hasattr(loaded, "source"):
            loaded.source = str(target)
        try:
            st = target.stat()
            self._cache[kind] = ((str(target), st.st_mtime_ns, st.st_size), loaded, [])
        except OSError:
            self._cache.pop(kind, None)
        meta = self._read_meta()
        meta[kind] = {
            "original": str(source),
            "imported": datetime.now().isoformat(timespec="seconds"),
        }
        self._write_meta(meta)
        return ImportResult(target, [], loaded)

    # -- loaded referentials -----------------------------------------------------------------
    def rules(self) -> RulesReferential | None:
        return self._load("rules")  # type: ignore[no-any-return]

    def agencies(self) -> AgenciesReferential | None:
        return self._load("agencies")  # type: ignore[no-any-return]

    def tree(self) -> PositioningTree | None:
        return self._load("tree")  # type: ignore[no-any-return]

    def problems(self, kind: str) -> list[Finding]:
        """Why the stored file of ``kind`` does not load any more (edited by hand...)."""
        self._load(kind)
        entry = self._cache.get(kind)
        return list(entry[2]) if entry else []

    def _load(self, kind: str) -> Any:
        p = self.path(kind)
        if p is None:
            self._cache.pop(kind, None)
            return None
        try:
            st = p.stat()
        except OSError as exc:
            self._cache[kind] = (("", 0, 0), None, [_unreadable(p, exc)])
            return None
        signature = (str(p), st.st_mtime_ns, st.st_size)
        entry = self._cache.get(kind)
        if entry is not None and entry[0] == signature:
            return entry[1]
        try:
            loaded = _LOADERS[kind](p)
            findings: list[Finding] = []
        except ReferentialError as exc:
            loaded, findings = None, list(exc.findings)
        self._cache[kind] = (signature, loaded, findings)
        return loaded

    # -- housekeeping ------------------------------------------------------------------------
    def remove(self, kind: str) -> None:
        """Forget the stored file of ``kind`` (nothing happens when there is none)."""
        p = self.path(kind)
        if p is not None:
            p.unlink(missing_ok=True)
        self._cache.pop(kind, None)
        meta = self._read_meta()
        if meta.pop(kind, None) is not None:
            self._write_meta(meta)

    def copy_to(self, preset_name: str) -> ReferentialStore:
        """The store of another preset holding copies of these files (duplicating a preset)."""
        other = ReferentialStore(preset_name, base=self.folder.parent.parent)
        if other.folder == self.folder:
            return other
        for kind in KINDS:
            p = self.path(kind)
            if p is not None:
                other._import(kind, p)
        meta = self._read_meta()
        if meta:
            other._write_meta(meta)
        return other

    def _read_meta(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads((self.folder / _META).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_meta(self, meta: dict[str, dict[str, Any]]) -> None:
        """Atomic too; losing it only loses the display of the original name."""
        with contextlib.suppress(OSError), atomic_file(self.folder / _META, text=True) as fh:
            json.dump(meta, fh, ensure_ascii=False, indent=1)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown referential kind {kind!r}; expected one of {KINDS}")


def _is_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == b"PK"
    except OSError:
        return False


def _repath(f: Finding, tmp: Path, source: Path) -> Finding:
    """Findings name the user's file, not our temporary copy."""
    if f.path and Path(f.path) == tmp:
        f.path = str(source)
    for key, value in list(f.params.items()):
        if isinstance(value, str) and str(tmp) in value:
            f.params[key] = value.replace(str(tmp), str(source))
    return f


def _unreadable(path: Path, exc: OSError) -> Finding:
    return Finding(
        Code.REF_UNREADABLE, Severity.ERROR, str(path), {"error": exc.strerror or str(exc)}
    )


def _write_error(path: Path, exc: OSError) -> Finding:
    return Finding(Code.WRITE_ERROR, Severity.ERROR, str(path), {"error": exc.strerror or str(exc)})
