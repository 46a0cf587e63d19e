"""One table of words for SEDA codes (``app.labels``): the bordereau, the CLI and the window
read it, and no other module keeps its own copy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import labels
from app.cli import main
from tests.app.test_bordereau import package, parse, table_rows
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[2]


def test_labels_in_both_languages_and_unknown_codes_kept() -> None:
    assert labels.level_label("Item") == "Pièce"
    assert labels.level_label("Item", "en") == "Item"
    assert labels.category_label("AccessRule") == "Communicabilité"
    assert labels.category_label("StorageRule", "en") == "Storage (current use period)"
    assert labels.final_action_label("Destroy") == "Détruire"
    assert labels.legal_status_label("Private Archive", "en") == "Private archives"
    assert labels.level_label("Bizarre") == "Bizarre"
    assert labels.level_label("Series", "de") == "Série"  # unknown language: French
    assert labels.with_code("Série", "Series") == "Série [Series]"
    assert labels.with_code("Fonds", "Fonds") == "Fonds"
    for table in (labels.LEVELS, labels.RULE_CATEGORIES, labels.FINAL_ACTIONS):
        assert all(len(pair) == 2 and all(pair) for pair in table.values())


def test_one_change_reaches_the_bordereau_and_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(labels.LEVELS, "Series", ("Série-témoin", "Series-probe"))
    monkeypatch.setitem(labels.FINAL_ACTIONS, "Keep", ("Garder-témoin", "Keep-probe"))
    monkeypatch.setitem(labels.RULE_CATEGORIES, "AccessRule", ("Accès-témoin", "Access-probe"))
    from app.bordereau import write_bordereau

    first = table_rows(parse(write_bordereau(package(), tmp_path / "b.html")))[0].text_content()
    assert "Série-témoin" in first and "Garder-témoin" in first
    rules = SHARED / "referentials" / "rules" / "R16_OK_regles_CSV.csv"
    assert main(["referential", "check", str(rules)]) == 0
    out = capsys.readouterr().out
    assert "Accès-témoin [AccessRule]" in out


def test_no_second_copy_of_the_words() -> None:
    """The French words of the table appear in no other module of app/ or ui/."""
    words = [
        pair[0]
        for table in (labels.LEVELS, labels.RULE_CATEGORIES, labels.FINAL_ACTIONS)
        for pair in table.values()
        if " " in pair[0] or "-" in pair[0]  # distinctive enough to grep
    ]
    assert "Sous-groupe de documents" in words
    found = []
    for path in [*(ROOT / "app").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]:
        if path.name == "labels.py":
            continue
        text = path.read_text(encoding="utf-8")
        found += [(path.name, w) for w in words if re.search(re.escape(f'"{w}"'), text)]
    assert found == []
