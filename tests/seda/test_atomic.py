"""seda.atomic: the destination is the old file or the finished new one, never a part."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from seda.atomic import atomic_file
from seda.progress import Cancelled


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_is_readable_by_others_and_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    dest = tmp_path / "a.txt"
    with atomic_file(dest, text=True) as out:
        out.write("été\n")
    assert dest.read_bytes() == "été\n".encode()
    if os.name == "posix":
        assert mode(dest) == 0o644  # not mkstemp's private 0600
        dest.chmod(0o640)
        with atomic_file(dest) as out:
            out.write(b"new")
        assert dest.read_bytes() == b"new" and mode(dest) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), Cancelled()])
def test_error_or_cancel_keeps_the_old_file_and_leaves_nothing(
    tmp_path: Path, error: BaseException
) -> None:
    dest = tmp_path / "a.bin"
    dest.write_bytes(b"old")
    with pytest.raises(type(error)), atomic_file(dest) as out:
        out.write(b"partial")
        raise error
    assert dest.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin"]


def test_undecodable_names_with_errors_replace(tmp_path: Path) -> None:
    dest = tmp_path / "b.html"
    with atomic_file(dest, text=True, errors="replace") as out:
        out.write("caf\udce9")  # a surrogate from an undecodable file name
    assert dest.read_text(encoding="utf-8") == "caf?"
