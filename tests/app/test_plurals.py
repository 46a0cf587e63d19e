"""French plurals: « 1 fichier », « 2 fichiers », never « 1 fichiers » nor « fichier(s) »."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.cli import main
from app.labels import count, is_plural

ROOT = Path(__file__).resolve().parents[2]


def test_count_agrees_in_french_and_english() -> None:
    assert count(0, "file") == "0 fichier"
    assert count(1, "unit") == "1 unité"
    assert count(2, "unit") == "2 unités"
    assert count(1, "unknown_format") == "1 format inconnu"
    assert count(1234, "file", shown="1 234") == "1 234 fichiers"
    assert count(0, "file", "en") == "0 files"
    assert count(1, "file", "en") == "1 file"
    assert not is_plural(1) and not is_plural(0) and is_plural(2)


def test_scan_of_one_file_says_one_fichier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "seul"
    folder.mkdir()
    (folder / "note.txt").write_text("une note", encoding="utf-8")
    assert main(["scan", str(folder), "--workers", "0"]) == 0
    out = capsys.readouterr().out
    assert "1 fichier ;" in out and "1 fichiers" not in out


def test_no_counted_noun_is_left_unagreed_in_the_french_texts() -> None:
    """A number put in a text with .replace() cannot agree: such texts take ``count()``
    (``%1 unités`` said « 1 unités »); ``%n`` texts give both forms, without « (s) »."""
    ts = (ROOT / "resources" / "i18n" / "verso_fr.ts").read_text(encoding="utf-8")
    translations = re.findall(r"<translation>(.*?)</translation>", ts, re.S)
    nouns = r"(unités|fichiers|erreurs|avertissements|règles|résultats|formats inconnus)"
    wrong = [t for t in translations if re.search(r"%\d " + nouns + r"(?![/\w])", t)]
    assert wrong == []
    forms = re.findall(r"<numerusform>(.*?)</numerusform>", ts, re.S)
    assert [f for f in forms if "(s)" in f] == []
    cli = "".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "app" / "cli").glob("*.py"))
    )
    assert not re.search(r"\} (unité|fichier|erreur|avertissement)\(s\)", cli)
