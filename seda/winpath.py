"""Windows realities in one place: paths past 260 characters, files locked by a program.

- **Long paths.** Without the (admin-only, off by default) ``LongPathsEnabled`` setting,
  Windows refuses paths of 260 characters or more — common under a commune's shared drive
  (``\\\\serveur\\partage\\Secrétariat\\Conseil municipal\\2023\\Séance du …``). The
  ``\\\\?\\`` prefix lifts the limit for one call: ``extended`` adds it where Verso reads
  (listing folders, hashing, copying into the SIP); ``plain`` takes it off again for what
  the person sees. Siegfried (Go) handles long paths by itself.
- **Locked files.** A document open in Word or Excel, or a mailbox held by Outlook, is
  refused with a *sharing violation* (``winerror`` 32 or 33): ``is_locked`` tells it from
  other read errors, so the finding can say "close the program and scan again".

Names Windows refuses (``CON``, ``NUL``…, trailing dot or space, ``<>:"|?*``) are reported
by ``seda.scan`` (``ODD_NAME``). Everything here works with ``ntpath`` when asked
(``windows=True``), so it is tested on Linux.
"""

from __future__ import annotations

import ntpath
import os

# A folder path must leave room for an 8.3 file name (248); the whole path, 260 with the NUL.
LONG_PATH = 248
_PREFIX = "\\\\?\\"
_UNC_PREFIX = "\\\\?\\UNC\\"
# winerror values of a file held by another program
ERROR_SHARING_VIOLATION = 32
ERROR_LOCK_VIOLATION = 33


def extended(path: str, *, windows: bool | None = None) -> str:
    """``path`` with the ``\\\\?\\`` prefix when Windows needs it (absolute and long).

    Unchanged elsewhere (Linux, macOS), when short, relative, or already prefixed. The
    prefix turns off Windows' own clean-up of the path, so it is normalised here first.
    """
    if windows is None:
        windows = os.name == "nt"
    if not windows or len(path) < LONG_PATH or path.startswith(_PREFIX):
        return path
    if not ntpath.isabs(path) or path.startswith("\\\\.\\"):
        return path
    clean = ntpath.normpath(path)
    if clean.startswith("\\\\"):  # \\server\share\... -> \\?\UNC\server\share\...
        return _UNC_PREFIX + clean[2:]
    return _PREFIX + clean


def plain(path: str) -> str:
    """``path`` without the ``\\\\?\\`` prefix (for showing it, or comparing paths)."""
    if path.startswith(_UNC_PREFIX):
        return "\\\\" + path[len(_UNC_PREFIX) :]
    if path.startswith(_PREFIX):
        return path[len(_PREFIX) :]
    return path


def is_locked(exc: BaseException) -> bool:
    """Whether a read error is a file held by another program (Windows sharing violation)."""
    return isinstance(exc, OSError) and getattr(exc, "winerror", None) in (
        ERROR_SHARING_VIOLATION,
        ERROR_LOCK_VIOLATION,
    )


class PlainEntry:
    """A folder entry listed through an ``extended`` path, whose ``path`` is ``plain``."""

    __slots__ = ("_entry", "name", "path")

    def __init__(self, entry: os.DirEntry[str]) -> None:
        self._entry = entry
        self.name = entry.name
        self.path = plain(entry.path)

    def is_symlink(self) -> bool:
        return self._entry.is_symlink()

    def is_dir(self, *, follow_symlinks: bool = True) -> bool:
        return self._entry.is_dir(follow_symlinks=follow_symlinks)

    def stat(self, *, follow_symlinks: bool = True) -> os.stat_result:
        return self._entry.stat(follow_symlinks=follow_symlinks)
