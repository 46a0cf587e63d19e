"""Write a file so that readers see the old one or the finished new one, never a part.

The bytes go to a temporary file in the destination folder (same filesystem, so the final
``os.replace`` is atomic), which is flushed and fsynced, given the replaced file's
permissions (or 0644: ``mkstemp`` makes it private), then renamed over the destination; the
folder is fsynced so the rename survives a power cut. Any exception, ``Cancelled``
included, removes the temporary file and leaves a previous destination untouched. Callers
turn ``OSError`` into their own findings (disk full, write error).

Every temporary file is also listed in a process-wide registry (``new_temp`` /
``forget_temp``) so that a signal the process cannot turn into an exception in time
(SIGTERM at logout, SIGHUP, a console closed on Windows) still removes it:
``remove_live_temps`` is what the CLI's and the window's handlers call. The destination is
checked first by ``seda.safepath`` (never over an input, a folder or a special file).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from seda.safepath import PathLike, guard_destination

_LIVE: set[str] = set()
_LIVE_LOCK = threading.RLock()  # re-entrant: a signal handler may run while it is held


def new_temp(folder: PathLike, *, prefix: str, suffix: str) -> tuple[int, str]:
    """``tempfile.mkstemp`` in ``folder``, registered for ``remove_live_temps``."""
    fd, path = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=os.fspath(folder))
    with _LIVE_LOCK:
        _LIVE.add(path)
    return fd, path


def register_temp(path: PathLike) -> None:
    """List a temporary file or folder made elsewhere (removed by ``remove_live_temps``)."""
    with _LIVE_LOCK:
        _LIVE.add(os.fspath(path))


def forget_temp(path: PathLike | None) -> None:
    """The temporary file was renamed into place or removed: no longer ours to clean."""
    if path is None:
        return
    with _LIVE_LOCK:
        _LIVE.discard(os.fspath(path))


def discard_temp(path: PathLike | None) -> None:
    """Remove a temporary file (or folder) quietly and forget it."""
    if path is None:
        return
    p = os.fspath(path)
    if os.path.isdir(p) and not os.path.islink(p):
        import shutil

        shutil.rmtree(p, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            os.unlink(p)
    forget_temp(p)


def live_temps() -> list[str]:
    """The temporary files not yet renamed or removed (for tests and diagnostics)."""
    with _LIVE_LOCK:
        return sorted(_LIVE)


def remove_live_temps() -> int:
    """Remove every registered temporary file; returns how many there were.

    Safe from a signal handler (the registry's lock is re-entrant: the handler may
    interrupt the very thread holding it) or a console-control thread."""
    paths = list(_LIVE)
    for path in paths:
        discard_temp(path)
    return len(paths)


def is_disk_full(exc: OSError) -> bool:
    """The write failed for want of space (disk full, or the user's quota reached)."""
    return exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be opened."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def keep_mode(tmp: str | os.PathLike[str], dest: Path) -> None:
    """Give ``tmp`` the permissions of the file it replaces, or 0644 for a new one, so a
    file kept on a shared folder stays readable by colleagues (POSIX)."""
    try:
        mode = stat.S_IMODE(os.stat(dest).st_mode)
    except OSError:
        mode = 0o644
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


@contextlib.contextmanager
def atomic_file(
    dest: str | os.PathLike[str],
    *,
    text: bool = False,
    errors: str = "strict",
    suffix: str = ".part",
    inputs: Iterable[PathLike] = (),
    bom: bool = False,
) -> Iterator[IO[Any]]:
    """``with atomic_file(path) as out: out.write(...)``: ``path`` appears only when the block
    ends without an exception. ``text=True`` opens it as UTF-8 text with ``\\n`` newlines
    (``errors`` as for ``open``: "replace" for names that may hold undecodable bytes;
    ``bom=True`` starts it with a BOM, for files a spreadsheet opens). ``inputs``: what the
    caller reads, never to be replaced (``seda.safepath.UnsafeDestination``, an OSError)."""
    target = guard_destination(dest, inputs=inputs)
    folder = target.parent
    fd, tmp = new_temp(folder, prefix=f".{target.name[:80]}.", suffix=suffix)
    try:
        if text:
            encoding = "utf-8-sig" if bom else "utf-8"
            out: IO[Any] = os.fdopen(fd, "w", encoding=encoding, errors=errors, newline="\n")
        else:
            out = os.fdopen(fd, "wb")
        with out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        keep_mode(tmp, target)
        os.replace(tmp, target)
        forget_temp(tmp)
    except BaseException:
        discard_temp(tmp)
        raise
    fsync_dir(folder)


__all__ = [
    "atomic_file",
    "discard_temp",
    "forget_temp",
    "fsync_dir",
    "is_disk_full",
    "keep_mode",
    "live_temps",
    "new_temp",
    "register_temp",
    "remove_live_temps",
]
