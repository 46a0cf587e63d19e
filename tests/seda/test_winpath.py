"""Windows realities, tested on Linux: long paths (``\\\\?\\``), locked files, CSV encodings.

Reserved names and trailing dots/spaces are covered by tests/seda/test_scan.py (ODD_NAME).
"""

from __future__ import annotations

import builtins
import os
from pathlib import Path

import pytest

import resources
from app import messages
from seda import identify, winpath
from seda.findings import Code, Severity
from seda.referentials import ReferentialError
from seda.referentials.rules_csv import load_rules
from seda.scan import scan
from tests.conftest import XML_BYTES, pdf_bytes

LONG = "C:\\Users\\mairie\\Documents\\" + "\\".join(["Conseil municipal 2023 séance"] * 10)


# -- long paths ---------------------------------------------------------------------------
def test_extended_prefixes_long_absolute_windows_paths() -> None:
    assert len(LONG) > 260
    assert winpath.extended(LONG, windows=True) == "\\\\?\\" + LONG
    assert winpath.plain(winpath.extended(LONG, windows=True)) == LONG
    # the prefix turns off Windows' clean-up: the path is normalised first
    messy = "C:/Users/mairie/./Documents/../Documents/" + "x" * 260
    assert winpath.extended(messy, windows=True) == (
        "\\\\?\\C:\\Users\\mairie\\Documents\\" + "x" * 260
    )


def test_extended_unc_share() -> None:
    share = "\\\\serveur\\partage\\" + "d" * 300
    prefixed = winpath.extended(share, windows=True)
    assert prefixed == "\\\\?\\UNC\\serveur\\partage\\" + "d" * 300
    assert winpath.plain(prefixed) == share


@pytest.mark.parametrize(
    "path",
    [
        "C:\\court\\chemin.pdf",  # short
        "relatif\\" + "r" * 300,  # relative: cannot be prefixed
        "\\\\?\\C:\\" + "p" * 300,  # already prefixed
        "\\\\.\\COM1",  # device path
    ],
)
def test_extended_leaves_other_paths(path: str) -> None:
    assert winpath.extended(path, windows=True) == path


def test_extended_is_a_no_op_off_windows() -> None:
    assert winpath.extended("/" + "a" * 400, windows=False) == "/" + "a" * 400
    if os.name != "nt":
        assert winpath.extended(LONG) == LONG


def test_scan_lists_long_folders_through_the_prefix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The listing goes through the extended path, the units keep the plain one."""
    deep = tmp_path
    while len(str(deep)) < winpath.LONG_PATH + 20:
        deep = deep / ("sous-dossier-" + "é" * 10)
    deep.mkdir(parents=True)
    (deep / "lettre.pdf").write_bytes(pdf_bytes())
    listed: list[str] = []

    def extended(path: str, *, windows: bool | None = None) -> str:  # "//" stands for \\?\
        if len(path) < winpath.LONG_PATH:
            return path
        listed.append(path)
        return "/" + path

    monkeypatch.setattr(winpath, "extended", extended)
    monkeypatch.setattr(winpath, "plain", lambda p: p[1:] if p.startswith("//") else p)
    result = scan([tmp_path], workers=0)
    assert listed, "no folder was listed through the long-path form"
    sources = [o.source for r in result.roots for u in r.walk() for o in u.objects]
    assert sources == [str(deep / "lettre.pdf")]
    (obj,) = [o for r in result.roots for u in r.walk() for o in u.objects]
    assert obj.digest and obj.format.puid.startswith("fmt/")


# -- locked files -------------------------------------------------------------------------
class SharingViolation(PermissionError):
    """What Windows raises for a file another program holds open."""

    winerror = 32


def test_is_locked() -> None:
    assert winpath.is_locked(SharingViolation(13, "The process cannot access the file"))
    assert not winpath.is_locked(PermissionError(13, "Permission denied"))
    assert not winpath.is_locked(ValueError("x"))


def test_locked_file_is_a_clear_finding_and_nothing_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    locked = docs / "budget.xlsx"
    locked.write_bytes(b"PK\x03\x04 held by Excel")
    (docs / "registre.xml").write_bytes(XML_BYTES)
    real_open = builtins.open

    def open_(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(locked):
            raise SharingViolation(13, "The process cannot access the file", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(identify, "open", open_, raising=False)
    result = scan([docs], workers=0)
    (finding,) = [f for f in result.findings if f.path == str(locked)]
    assert finding.code == Code.LOCKED and finding.severity is Severity.ERROR
    text = messages.describe(finding, "fr")
    assert "ouvert par un autre programme" in text and "relancez l'analyse" in text
    assert "budget.xlsx" in text
    others = {Path(o.source).name: o for r in result.roots for u in r.walk() for o in u.objects}
    assert others["registre.xml"].format.puid == "fmt/101"  # the rest of the scan goes on
    assert locked.read_bytes() == b"PK\x03\x04 held by Excel"  # nothing touched


# -- CSV referentials saved by Excel on Windows -------------------------------------------
def _rules_text() -> str:
    return resources.path("referentials", "exemple-regles.csv").read_text(encoding="utf-8")


def test_rules_referential_with_utf8_bom_loads(tmp_path: Path) -> None:
    """Excel's "CSV UTF-8" puts a byte-order mark first: accepted."""
    path = tmp_path / "regles.csv"
    path.write_bytes(b"\xef\xbb\xbf" + _rules_text().replace("\n", "\r\n").encode("utf-8"))
    rules = load_rules(path)
    assert rules.get("APP-00001") is not None


def test_rules_referential_in_cp1252_is_refused_clearly(tmp_path: Path) -> None:
    """Excel's plain "CSV" is Windows-1252: the SAE wants UTF-8, so it is a clear finding
    naming the line, never a traceback or silently wrong accents."""
    path = tmp_path / "regles.csv"
    path.write_bytes(_rules_text().replace("\n", "\r\n").encode("cp1252"))
    with pytest.raises(ReferentialError) as caught:
        load_rules(path)
    (finding,) = caught.value.findings
    assert finding.code == Code.REF_ENCODING and finding.line == 2  # first accent: line 2
    assert "UTF-8" in messages.describe(finding, "fr")
