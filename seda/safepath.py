"""One guard for every path Verso writes: never over what it reads, never over a special file.

An archivist's folder is often their only copy. Every writer (the SIP zip, the transfer
slip, the saved work and its recovery copy, referentials, presets, CSV files) calls
``guard_destination`` before creating its temporary file, with the paths it reads from
(``inputs``: dropped folders and files, the SIP being read). The destination is refused when

- it names a folder (an existing one, or a path ending with a separator: ``-o newdir/``),
  or its parent is missing or is a file;
- it exists and is not a regular file (FIFO, device, socket): replacing it would destroy it;
- it *is* one of the inputs, or lies inside an input folder, seen lexically (``..``
  normalised) and physically (symbolic links, broken ones included, resolved) — a link
  ``in/z.zip`` to nowhere would otherwise put the zip inside the folder being transferred;
- it is the same file (same device and inode: a hard link) as an input or, when it has
  several links, as one of ``files`` (the sources being packed).

``UnsafeDestination`` is an ``OSError`` (so a caller that only knows ``OSError`` still
fails cleanly) carrying a ``Finding`` (``Code.UNSAFE_DESTINATION``) the app turns into words.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from seda.findings import Code, Finding, Severity

PathLike = str | os.PathLike[str]


class UnsafeDestination(OSError):
    """The destination must not be written; ``finding`` says why (no sentence here)."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(errno.EINVAL, f"{finding.code}: {finding.params.get('reason')}")
        self.finding = finding


def special_kind(mode: int) -> str:
    """The kind of a non-regular, non-folder file (the names ``seda.scan`` uses)."""
    if stat.S_ISFIFO(mode):
        return "fifo"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode):
        return "char_device"
    if stat.S_ISBLK(mode):
        return "block_device"
    return "other"


def _source_path(source: str) -> str:
    """A ``zip:<abs zip>!<member>`` source is read from the zip file itself."""
    if source.startswith("zip:"):
        return source[4:].rsplit("!", 1)[0]
    return source


def _norm(path: str) -> str:
    return os.path.normcase(os.path.normpath(path))


def _within(candidate: str, base: str) -> bool:
    if candidate == base:
        return True
    prefix = base if base.endswith(os.sep) else base + os.sep
    return candidate.startswith(prefix)


def check_destination(
    dest: PathLike, *, inputs: Iterable[PathLike] = (), files: Iterable[PathLike] = ()
) -> Finding | None:
    """Why ``dest`` must not be written (a Finding), or None. See the module docstring.

    ``inputs``: folders and files being read (not written inside, not replaced); ``zip:``
    sources count as their zip. ``files``: more sources, only compared by inode when
    ``dest`` exists with several hard links (cheap in the common case).
    """
    raw = os.fspath(dest)
    shown = raw

    def refuse(reason: str, **params: object) -> Finding:
        return Finding(Code.UNSAFE_DESTINATION, Severity.ERROR, shown, {"reason": reason, **params})

    if not raw.strip():
        return refuse("empty")
    if raw.endswith(os.sep) or (os.altsep and raw.endswith(os.altsep)):
        return refuse("folder")
    lexical = os.path.abspath(raw)
    parent = os.path.dirname(lexical)
    try:
        pst = os.stat(parent)
    except NotADirectoryError:
        return refuse("parent_not_folder", parent=_nearest_file(parent))
    except OSError:
        return refuse("no_folder", parent=parent)
    if not stat.S_ISDIR(pst.st_mode):
        return refuse("parent_not_folder", parent=parent)

    st: os.stat_result | None = None
    try:
        lst = os.lstat(lexical)
    except OSError:
        lst = None
    if lst is not None:
        try:
            st = os.stat(lexical)
        except OSError:
            st = None  # broken or looping link: its target is checked below
        if st is not None and stat.S_ISDIR(st.st_mode):
            return refuse("folder")
        if st is not None and not stat.S_ISREG(st.st_mode):
            return refuse("special", kind=special_kind(st.st_mode))
        if st is None and not stat.S_ISLNK(lst.st_mode):
            return refuse("special", kind=special_kind(lst.st_mode))

    # where the bytes would land: the name itself, its physical folder, a link's target
    candidates = {
        _norm(lexical),
        _norm(os.path.join(os.path.realpath(parent), os.path.basename(lexical))),
        _norm(os.path.realpath(lexical)),
    }
    input_dirs: dict[tuple[int, int], str] = {}
    for given in inputs:
        source = _source_path(os.fspath(given))
        if not source:
            continue
        with contextlib.suppress(OSError):
            ist = os.stat(source)
            if stat.S_ISDIR(ist.st_mode):
                input_dirs[(ist.st_dev, ist.st_ino)] = source
        bases = {_norm(os.path.abspath(source)), _norm(os.path.realpath(source))}
        for base in bases:
            for candidate in candidates:
                if candidate == base:
                    return refuse("input", input=source)
                if _within(candidate, base):
                    return refuse("inside_input", input=source)
        if st is not None:
            try:
                if os.path.samestat(st, os.stat(source)):
                    return refuse("input", input=source)
            except OSError:
                pass
    if input_dirs:  # the same folder under another name: bind mount, case-insensitive disk
        current = os.path.realpath(parent)
        while True:
            try:
                ast = os.stat(current)
            except OSError:
                break
            inside = input_dirs.get((ast.st_dev, ast.st_ino))
            if inside is not None:
                return refuse("inside_input", input=inside)
            up = os.path.dirname(current)
            if up == current:
                break
            current = up
    if st is not None and st.st_nlink > 1:
        for given in files:
            source = _source_path(os.fspath(given))
            try:
                if os.path.samestat(st, os.stat(source)):
                    return refuse("input", input=source)
            except OSError:
                continue
    return None


def _nearest_file(path: str) -> str:
    """The first ancestor of ``path`` that exists (the file used as a folder)."""
    current = path
    while current and not os.path.lexists(current):
        up = os.path.dirname(current)
        if up == current:
            break
        current = up
    return current


def guard_destination(
    dest: PathLike, *, inputs: Iterable[PathLike] = (), files: Iterable[PathLike] = ()
) -> Path:
    """``dest`` made absolute, or ``UnsafeDestination`` (see ``check_destination``)."""
    finding = check_destination(dest, inputs=inputs, files=files)
    if finding is not None:
        raise UnsafeDestination(finding)
    return Path(os.path.abspath(os.fspath(dest)))


__all__ = ["UnsafeDestination", "check_destination", "guard_destination", "special_kind"]
