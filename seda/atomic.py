"""Write a file so that readers see the old one or the finished new one, never a part.

The bytes go to a temporary file in the destination folder (same filesystem, so the final
``os.replace`` is atomic), which is flushed and fsynced, given the replaced file's
permissions (or 0644: ``mkstemp`` makes it private), then renamed over the destination; the
folder is fsynced so the rename survives a power cut. Any exception, ``Cancelled``
included, removes the temporary file and leaves a previous destination untouched. Callers
turn ``OSError`` into their own findings (disk full, write error).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


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
) -> Iterator[IO[Any]]:
    """``with atomic_file(path) as out: out.write(...)``: ``path`` appears only when the block
    ends without an exception. ``text=True`` opens it as UTF-8 text with ``\\n`` newlines
    (``errors`` as for ``open``: "replace" for names that may hold undecodable bytes)."""
    target = Path(os.path.abspath(os.fspath(dest)))
    folder = target.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:80]}.", suffix=suffix, dir=folder)
    try:
        if text:
            out: IO[Any] = os.fdopen(fd, "w", encoding="utf-8", errors=errors, newline="\n")
        else:
            out = os.fdopen(fd, "wb")
        with out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        keep_mode(tmp, target)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(folder)


__all__ = ["atomic_file", "fsync_dir", "is_disk_full", "keep_mode"]
