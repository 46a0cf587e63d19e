"""Presets: the example loads, every mistake names its line, save/load round-trips, apply."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from app.presets import (
    DefaultRule,
    Preset,
    PresetError,
    apply_preset,
    load_preset,
    save_preset,
)
from seda.model import ArchiveUnit, Attachment, Package

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "presets" / "example.yaml"


def write(tmp_path: Path, text: str, name: str = "p.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_example_loads_with_realistic_values() -> None:
    preset = load_preset(EXAMPLE)
    assert preset.seda_version in ("2.1", "2.2", "2.3")
    assert preset.engine == "siegfried"
    assert preset.archival_agreement and preset.archival_agency and preset.originating_agency
    assert preset.legal_status == "Public Archive"
    assert any(r.category == "AppraisalRule" and r.final_action for r in preset.default_rules)
    assert all(isinstance(r.start_date, date | None) for r in preset.default_rules)
    assert preset.default_attachment.is_set
    assert preset.exclusions  # the example lists them explicitly


def test_example_referentials_are_accepted_and_cover_its_rules() -> None:
    """The sample referentials shipped in resources/ load as the SAE would accept them,
    and every default rule and agency of the example exists in them."""
    from seda.referentials import load_agencies, load_rules

    preset = load_preset(EXAMPLE)
    rules = load_rules(preset.referentials.rules)
    agencies = load_agencies(preset.referentials.agencies)
    for rule in preset.default_rules:
        found = rules.get(rule.rule_id)
        assert found is not None and found.rule_type == rule.category
    for agency in (preset.archival_agency, preset.transferring_agency, preset.originating_agency):
        assert agency in agencies


def test_example_is_commented_in_french() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) > 30
    assert "service d'archives" in text and "contrat d'entrée" in text.lower()


def test_empty_file_is_refused(tmp_path: Path) -> None:
    """An empty preset is almost always the wrong file: said, not silently all defaults."""
    for content in ("", "# rien\n", "\n\n  \n"):
        with pytest.raises(PresetError) as info:
            load_preset(write(tmp_path, content))
        assert "vide" in str(info.value)


def test_deeply_nested_preset_is_refused(tmp_path: Path) -> None:
    for content in (
        "a: " + "[" * 5000 + "]" * 5000,
        "name: x\nheader:\n" + "".join("  " * i + "- \n" for i in range(1, 3000)),
    ):
        with pytest.raises(PresetError) as info:
            load_preset(write(tmp_path, content))
        assert "imbriqué" in str(info.value) or "attendu" in str(info.value)


def test_empty_values_mean_not_set(tmp_path: Path) -> None:
    text = 'legal_status: ""\nseda_version: ""\nengine:\n'
    assert load_preset(write(tmp_path, text)) == Preset()


def test_numbers_and_versions_as_written(tmp_path: Path) -> None:
    preset = load_preset(write(tmp_path, "seda_version: 2.3\narchival_agency: 0042\n"))
    assert preset.seda_version == "2.3"  # unquoted float accepted
    assert preset.archival_agency == "0042"  # leading zero kept (raw text)


def test_referential_paths_relative_to_preset(tmp_path: Path) -> None:
    sub = tmp_path / "conf"
    sub.mkdir()
    path = write(sub, "referentials:\n  rules: ref/regles.csv\n  tree: /abs/arbre.zip\n")
    preset = load_preset(path)
    assert preset.referentials.rules == sub.resolve() / "ref" / "regles.csv"
    assert preset.referentials.tree == Path("/abs/arbre.zip")
    assert preset.referentials.agencies is None


# Each case: YAML text, expected line of the (first) problem, expected key fragment.
ERROR_CASES = {
    "syntax": ("name: a\n  engine: b\n", 2, ""),
    "unclosed": ("name: a\nexclusions: [\n", 3, ""),
    "tab": ("name: a\n\tengine: fido\n", 2, ""),
    "unknown key": ("name: a\n\nfoo: 1\n", 3, "foo"),
    "nested unknown key": (
        "referentials:\n  rules: a.csv\n  regles: b.csv\n",
        3,
        "referentials.regles",
    ),
    "wrong type list for text": ("name: x\narchival_agency:\n  - a\n  - b\n", 3, "archival_agency"),
    "wrong type bool": ("comment: yes\n", 1, "comment"),
    "wrong type mapping for list": ("exclusions:\n  a: b\n", 2, "exclusions"),
    "bad engine": ("name: a\nengine: droid\n", 2, "engine"),
    "bad version": ("seda_version: '2.4'\n", 1, "seda_version"),
    "bad legal status": ("legal_status: Public\n", 1, "legal_status"),
    "duplicate key": ("name: a\nengine: fido\nname: b\n", 3, "name"),
    "rules not a list": ("default_rules: APP-00001\n", 1, "default_rules"),
    "rule bad category": ("default_rules:\n  - category: Nope\n    rule_id: X\n", 2, "category"),
    "rule missing id": ("default_rules:\n  - category: AccessRule\n", 2, "rule_id"),
    "rule bad date": (
        "default_rules:\n  - category: AccessRule\n    rule_id: ACC-1\n    start_date: 31/01/2024\n",
        4,
        "start_date",
    ),
    "rule bad final action": (
        "default_rules:\n  - category: AppraisalRule\n    rule_id: A\n    final_action: Garder\n",
        4,
        "final_action",
    ),
    "final action where none": (
        "default_rules:\n  - category: AccessRule\n    rule_id: A\n    final_action: Keep\n",
        4,
        "final_action",
    ),
    "attachment both": (
        "name: a\ndefault_attachment:\n  system_id: x\n  metadata_name: n\n  metadata_value: v\n",
        3,
        "default_attachment",
    ),
    "attachment half": ("default_attachment:\n  metadata_name: n\n", 2, "default_attachment"),
    "root is a list": ("- a\n- b\n", 1, ""),
}


@pytest.mark.parametrize("case", sorted(ERROR_CASES))
def test_every_error_names_file_line_and_key(tmp_path: Path, case: str) -> None:
    text, line, key = ERROR_CASES[case]
    path = write(tmp_path, text)
    with pytest.raises(PresetError) as info:
        load_preset(path)
    err = info.value
    assert err.line == line, str(err)
    message = str(err)
    assert str(path) in message
    assert f"ligne {line}" in message
    if key:
        assert key in err.problems[0].key
        assert key.split(".")[-1] in message
    assert "Traceback" not in message


def test_all_problems_reported_sorted_by_line(tmp_path: Path) -> None:
    path = write(tmp_path, "engine: droid\nfoo: 1\nseda_version: '9'\n")
    with pytest.raises(PresetError) as info:
        load_preset(path)
    assert [p.line for p in info.value.problems] == [1, 2, 3]


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: a\ncomment: été\n".encode("latin-1"))
    with pytest.raises(PresetError) as info:
        load_preset(path)
    assert info.value.line == 2
    assert "UTF-8" in str(info.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(PresetError, match="introuvable"):
        load_preset(tmp_path / "absent.yaml")
    with pytest.raises(PresetError, match="dossier"):
        load_preset(tmp_path)


def test_unreadable_file_is_a_preset_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "name: a\n")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(PresetError, match="lecture impossible"):
        load_preset(path)


def test_save_then_load_round_trips(tmp_path: Path) -> None:
    (tmp_path / "ref").mkdir()
    preset = load_preset(EXAMPLE)
    preset.referentials.rules = tmp_path / "ref" / "regles.csv"
    preset.code_list_versions = {"ReplyCodeListVersion": "v1"}
    preset.exclusions = ["*.bak", "~$*"]
    target = tmp_path / "copie.yaml"
    save_preset(preset, target)
    again = load_preset(target)
    assert again == preset
    assert "ref/regles.csv" in target.read_text(encoding="utf-8")  # stored relative
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".verso-preset")] == []


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = write(tmp_path, "name: ancien\n", "garde.yaml")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_preset(Preset(name="nouveau"), target)
    assert target.read_text(encoding="utf-8") == "name: ancien\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["garde.yaml"]


def test_apply_preset_fills_header_rules_and_attachment() -> None:
    preset = Preset(
        seda_version="2.2",
        archival_agreement="IC-000001",
        archival_agency="FRAN_NP_009913",
        transferring_agency="FRAN_NP_051234",
        legal_status="Public Archive",
        code_list_versions={"ReplyCodeListVersion": "R1"},
        default_rules=[
            DefaultRule("AppraisalRule", "APP-00001", date(2024, 1, 1), "Keep"),
            DefaultRule("AccessRule", "ACC-00001"),
        ],
        default_attachment=Attachment(system_id="aeaqaaaaaahgausqaaukuaml4kibf5iaaaba", title="X"),
    )
    free, attached = ArchiveUnit("libre"), ArchiveUnit("déjà")
    attached.attachment = Attachment(metadata_name="FilePlanPosition", metadata_value="1.2")
    package = Package(roots=[free, attached])
    package.header.comment = "gardé"
    apply_preset(preset, package)
    apply_preset(preset, package)  # twice: no duplicate rules

    h = package.header
    assert package.seda_version == "2.2"
    assert (h.archival_agreement, h.archival_agency, h.transferring_agency) == (
        "IC-000001",
        "FRAN_NP_009913",
        "FRAN_NP_051234",
    )
    assert h.comment == "gardé"  # empty in the preset: left alone
    assert h.code_list_versions == {"ReplyCodeListVersion": "R1"}
    appraisal = h.management.rules["AppraisalRule"]
    assert [(r.rule_id, r.start_date) for r in appraisal.rules] == [("APP-00001", date(2024, 1, 1))]
    assert appraisal.final_action == "Keep"
    assert [r.rule_id for r in h.management.rules["AccessRule"].rules] == ["ACC-00001"]
    assert free.attachment.system_id == "aeaqaaaaaahgausqaaukuaml4kibf5iaaaba"
    assert free.attachment is not preset.default_attachment
    assert attached.attachment.metadata_value == "1.2"


def test_bare_name_is_the_shipped_preset(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """``--preset example`` on an installed Verso (its resources folder is out of sight)."""
    from app.presets import load_preset, shipped_preset

    monkeypatch.chdir(tmp_path)
    assert shipped_preset("example") == EXAMPLE.resolve() or shipped_preset("example").samefile(
        EXAMPLE
    )
    assert shipped_preset("exemple").samefile(EXAMPLE)
    assert load_preset("example").archival_agency == "FRAN_NP_009913"
    (tmp_path / "example").write_text("name: local\n", encoding="utf-8")
    assert shipped_preset("example") == Path("example")  # a real file wins
    assert shipped_preset("absent") == Path("absent")
    assert shipped_preset("sub/example") == Path("sub/example")


def test_rule_missing_from_the_profiles_referential_is_said_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "regles.csv").write_text(
        "RuleId,RuleType,RuleValue,RuleDescription,RuleDuration,RuleMeasurement\n"
        "APP-1,AppraisalRule,Délibérations,,10,YEAR\n"
        "ACC-1,AccessRule,Libre,,0,YEAR\n",
        encoding="utf-8",
    )
    text = (
        "referentials:\n"  # 1
        "  rules: regles.csv\n"  # 2
        "default_rules:\n"  # 3
        "  - category: AppraisalRule\n"  # 4
        "    rule_id: APP-1\n"  # 5
        "    final_action: Keep\n"  # 6
        "  - category: AccessRule\n"  # 7
        "    rule_id: ACC-99\n"  # 8
        "  - category: AccessRule\n"  # 9
        "    rule_id: APP-1\n"  # 10
    )
    with pytest.raises(PresetError) as caught:
        load_preset(write(tmp_path, text))
    problems = caught.value.problems
    assert [(p.line, p.key) for p in problems] == [
        (8, "default_rules[2].rule_id"),
        (10, "default_rules[3].rule_id"),
    ]
    assert "« ACC-99 » n'existe pas" in problems[0].message and "regles.csv" in problems[0].message
    assert "AppraisalRule" in problems[1].message
    assert "ligne 8" in str(caught.value)
    # the same rules with a referential that has them: accepted
    fixed = text.replace("ACC-99", "ACC-1").replace("rule_id: APP-1\n", "rule_id: ACC-1\n", 2)
    fixed = fixed.replace(
        "  - category: AppraisalRule\n    rule_id: ACC-1",
        "  - category: AppraisalRule\n    rule_id: APP-1",
    )
    assert [r.rule_id for r in load_preset(write(tmp_path, fixed)).default_rules] == [
        "APP-1",
        "ACC-1",
        "ACC-1",
    ]
    # no referential, or one that cannot be read: nothing to compare with here
    assert load_preset(write(tmp_path, text.replace("regles.csv", "absent.csv"))).default_rules
