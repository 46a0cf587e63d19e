"""The referential store: import once (checked, atomic copy), reload from the data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.referential_store import ReferentialStore, data_dir, slugify
from seda.findings import Code

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
RULES = SHARED / "referentials" / "rules"
AGENCIES = SHARED / "referentials" / "agencies"
TREES = SHARED / "referentials" / "holding_trees"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("VERSO_DATA_DIR", str(folder))
    return folder


def test_data_dir_env_and_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERSO_DATA_DIR", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "verso"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert data_dir() == Path.home() / ".local" / "share" / "verso"
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "roaming"))
    assert data_dir() == tmp_path / "roaming" / "Verso"
    monkeypatch.setenv("VERSO_DATA_DIR", str(tmp_path / "over"))
    assert data_dir() == tmp_path / "over"


def test_slugify() -> None:
    assert slugify("Mairie de Saint-Étienne → AD 42") == "mairie-de-saint-etienne-ad-42"
    assert slugify("../..") == "defaut"
    assert slugify("") == "defaut"


def test_import_rules_once_then_reload_from_data_folder(data: Path, tmp_path: Path) -> None:
    # Import from a copy that we then delete: the store must not depend on the original.
    original = tmp_path / "regles.csv"
    original.write_bytes((RULES / "R16_regles_OK-complete.csv").read_bytes())
    store = ReferentialStore("Mairie d'Exemple")
    assert store.rules() is None
    result = store.import_rules(original)
    assert result.ok and result.findings == []
    stored = data / "presets" / "mairie-d-exemple" / "rules.csv"
    assert result.stored == stored
    assert stored.read_bytes() == original.read_bytes()
    assert store.rules() is result.referential  # cached, no reload
    original.unlink()

    again = ReferentialStore("Mairie d'Exemple")
    rules = again.rules()
    assert rules is not None and "APP-00001" in rules
    assert rules.source == str(stored)
    assert again.rules() is rules  # cached while the file is unchanged
    [entry] = again.list()
    assert entry.kind == "rules" and entry.path == stored
    assert entry.original == str(original)
    # no temp file left behind
    assert sorted(p.name for p in stored.parent.iterdir()) == ["imported.json", "rules.csv"]


def test_refused_file_is_not_stored_and_keeps_the_previous_one(data: Path) -> None:
    store = ReferentialStore("p")
    ko = RULES / "R16_KO_regles_avec_meme_id.csv"
    result = store.import_rules(ko)
    assert not result.ok and result.stored is None
    assert [f.code for f in result.findings] == [Code.REF_DUPLICATE_ID]
    assert result.findings[0].path == str(ko)  # the user's path, not our temp copy
    assert store.path("rules") is None
    assert not any(p.suffix == ".csv" for p in store.folder.iterdir())

    assert store.import_rules(RULES / "R16_OK_regles_CSV.csv").ok
    before = store.path("rules").read_bytes()  # type: ignore[union-attr]
    refused = store.import_rules(RULES / "R16_KO_regles_ruleType_non_autorise.csv")
    assert not refused.ok
    assert refused.findings[0].code == Code.REF_BAD_RULE_TYPE
    assert store.path("rules").read_bytes() == before  # type: ignore[union-attr]
    assert store.rules() is not None


def test_reloaded_when_the_stored_file_changes(data: Path) -> None:
    store = ReferentialStore("p")
    assert store.import_rules(RULES / "R16_OK_regles_CSV.csv").ok
    first = store.rules()
    assert first is not None
    path = store.path("rules")
    assert path is not None
    path.write_bytes((RULES / "R16_regles_OK-complete.csv").read_bytes())
    os.utime(path, ns=(1, 1))  # make sure the signature differs even on coarse clocks
    second = store.rules()
    assert second is not None and second is not first
    assert len(second) != len(first)
    path.write_text("pas,un,referentiel\n", encoding="utf-8")
    assert store.rules() is None
    assert store.problems("rules")[0].code == Code.REF_HEADER


def test_unreadable_source(data: Path, tmp_path: Path, make_unreadable) -> None:
    src = tmp_path / "r.csv"
    src.write_bytes((RULES / "R16_OK_regles_CSV.csv").read_bytes())
    make_unreadable(src)
    result = ReferentialStore("p").import_rules(src)
    assert not result.ok and result.findings[0].code == Code.REF_UNREADABLE


def test_agencies_and_tree_and_remove(data: Path) -> None:
    store = ReferentialStore("p")
    assert store.import_agencies(AGENCIES / "R16_agencies_init.csv").ok
    bad = store.import_agencies(AGENCIES / "R16_KO_agencies_empty_line.csv")
    assert not bad.ok and bad.findings
    agencies = store.agencies()
    assert agencies is not None and len(agencies) > 0

    assert store.import_tree(TREES / "HEAD_holding_manifest.xml").ok
    assert store.path("tree") == store.folder / "tree.xml"
    assert store.import_tree(TREES / "R16_AN_arbre_positionnement.zip").ok
    assert store.path("tree") == store.folder / "tree.zip"
    assert not (store.folder / "tree.xml").exists()  # the older tree is replaced
    tree = ReferentialStore("p").tree()
    assert tree is not None and len(tree) == 51
    assert not store.import_tree(
        SHARED / "referentials" / "formats" / "DROID_SignatureFile_V109.xml"
    ).ok
    assert store.path("tree") == store.folder / "tree.zip"

    copy = store.copy_to("autre")
    assert copy.folder != store.folder
    assert [s.kind for s in copy.list()] == ["agencies", "tree"]
    store.remove("tree")
    assert store.tree() is None and store.path("tree") is None
    assert copy.tree() is not None
