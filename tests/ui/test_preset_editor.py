"""The preset editor: load, edit, save (atomic, reloadable), errors shown, referentials."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.presets import Preset, load_preset, save_preset  # noqa: E402
from app.referential_store import ReferentialStore  # noqa: E402
from seda.findings import Code  # noqa: E402
from seda.model import Attachment  # noqa: E402
from ui.preset_editor import PresetEditorDialog  # noqa: E402
from ui.rules_editor import START_FIXED, RuleChoice  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "resources" / "presets" / "example.yaml"
RULES = SHARED / "referentials" / "rules"
AGENCIES = SHARED / "referentials" / "agencies"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("VERSO_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def preset_file(tmp_path: Path) -> Path:
    path = tmp_path / "presets" / "mairie.yaml"
    path.parent.mkdir()
    if EXAMPLE.is_file():
        shutil.copyfile(EXAMPLE, path)
    else:  # the example ships with the app; keep the test meaningful without it
        save_preset(Preset(name="Mairie", archival_agreement="IC-1"), path)
    return path


def test_load_edit_save_roundtrip(qtbot, preset_file: Path) -> None:
    original = load_preset(preset_file)
    dialog = PresetEditorDialog(preset_file)
    qtbot.addWidget(dialog)
    assert dialog.error_label.isHidden()
    assert dialog.fields["archival_agreement"].text() == original.archival_agreement
    assert dialog.fields["seda_version"].currentData() == original.seda_version

    dialog.fields["archival_agreement"].setText("IC-000042")
    dialog.fields["seda_version"].setCurrentIndex(dialog.fields["seda_version"].findData("2.2"))
    dialog.fields["exclusions"].setPlainText("*.bak\n\nThumbs.db\n")
    with qtbot.waitSignal(dialog.preset_saved):
        assert dialog.save()
    saved = load_preset(preset_file)
    assert saved.archival_agreement == "IC-000042"
    assert saved.seda_version == "2.2"
    assert saved.exclusions == ["*.bak", "Thumbs.db"]
    # what the form does not change survives
    assert saved.name == original.name
    assert saved.default_attachment == original.default_attachment
    assert [(r.category, r.rule_id, r.start_date, r.final_action) for r in saved.default_rules] == [
        (r.category, r.rule_id, r.start_date, r.final_action) for r in original.default_rules
    ]
    assert not [p for p in preset_file.parent.iterdir() if p.name.startswith(".verso-preset-")]


def test_bad_yaml_shows_the_message_never_crashes(qtbot, tmp_path: Path, preset_file: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('name: "x"\nunknown_key: 1\nseda_version: [1, 2]\n', encoding="utf-8")
    dialog = PresetEditorDialog(bad)
    qtbot.addWidget(dialog)
    assert dialog.path is None  # not loaded
    assert not dialog.error_label.isHidden()
    text = dialog.error_label.text()
    assert "unknown_key" in text and "ligne 2" in text and "seda_version" in text
    # the form still works: load a good one afterwards
    assert dialog.load(preset_file)
    assert dialog.error_label.isHidden()
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert not dialog.load(binary)
    assert "UTF-8" in dialog.error_label.text()
    assert dialog.path == preset_file  # still editing the good one


def test_refuses_to_save_a_preset_it_could_not_read(qtbot, preset_file: Path) -> None:
    before = preset_file.read_bytes()
    dialog = PresetEditorDialog(preset_file)
    qtbot.addWidget(dialog)
    dialog.set_attachment(Attachment(system_id="ae" + "a" * 34, metadata_name="FilePlanPosition"))
    assert not dialog.save()
    assert "pas les deux" in dialog.error_label.text()
    assert preset_file.read_bytes() == before


def test_import_referentials_and_agency_completion(
    qtbot, preset_file: Path, data_dir: Path
) -> None:
    dialog = PresetEditorDialog(preset_file)
    qtbot.addWidget(dialog)
    refused = dialog.import_referential("rules", RULES / "R16_KO_regles_avec_meme_id.csv")
    assert refused and refused[0].code == Code.REF_DUPLICATE_ID
    label = dialog.ref_labels["rules"].text()
    assert "refusé" in label and "ref.duplicate_id" not in label  # French, not the code
    assert dialog.import_referential("rules", RULES / "R16_regles_OK-complete.csv") == []
    assert dialog.import_referential("agencies", AGENCIES / "R16_agencies_init.csv") == []
    stored = dialog.store().path("agencies")
    assert stored is not None and stored.is_relative_to(data_dir)

    agencies = dialog.agencies()
    assert agencies is not None
    first = next(iter(agencies))
    completions = dialog.agency_model.stringList()
    assert any(c.startswith(first.identifier) and first.name in c for c in completions)
    field = dialog.fields["transferring_agency"]
    dialog.fields["transferring_agency_name"].setText("")
    dialog._agency_chosen("transferring_agency", completions[0])
    assert field.text() == completions[0].split(" — ")[0]
    assert dialog.fields["transferring_agency_name"].text()
    field.setText("INCONNU-999")
    assert not dialog.agency_warnings["transferring_agency"].isHidden()

    # default rules edited through the package rules panel are saved
    dialog.rules_editor.apply_choice(
        "AccessRule", RuleChoice("ACC-00002", START_FIXED, date(2023, 12, 31))
    )
    assert dialog.save()
    saved = load_preset(preset_file)
    assert saved.referentials.rules.resolve() == dialog.store().path("rules")
    assert saved.referentials.agencies.resolve() == stored
    assert ("AccessRule", "ACC-00002", date(2023, 12, 31)) in [
        (r.category, r.rule_id, r.start_date) for r in saved.default_rules
    ]
    # reopening finds the referentials again
    again = PresetEditorDialog(preset_file)
    qtbot.addWidget(again)
    assert again.agencies() is not None and "règles" in again.ref_labels["rules"].text()


def test_duplicate(qtbot, preset_file: Path, tmp_path: Path) -> None:
    dialog = PresetEditorDialog(preset_file)
    qtbot.addWidget(dialog)
    assert dialog.import_referential("rules", RULES / "R16_OK_regles_CSV.csv") == []
    assert dialog.save()
    dialog = PresetEditorDialog(preset_file)  # paths now come back from the YAML
    qtbot.addWidget(dialog)
    copy_path = preset_file.parent / "copie.yaml"
    assert dialog.duplicate(copy_path, "Copie de test")
    assert dialog.path == copy_path
    copy_preset = load_preset(copy_path)
    assert copy_preset.name == "Copie de test"
    assert copy_preset.referentials.rules.resolve() == ReferentialStore("Copie de test").path(
        "rules"
    )
    assert load_preset(preset_file).name != "Copie de test"  # the original is untouched
