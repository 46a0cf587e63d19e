"""Rule inheritance, end dates and rule checks, as the SAE computes them."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from seda.findings import Code, Severity
from seda.manifest import read_manifest, write_manifest
from seda.model import ArchiveUnit, Package, Rule, RuleCategory
from seda.referentials import RuleDef, RulesReferential, load_rules
from seda.rules import check_rules, effective_rules, end_date

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.mark.parametrize(
    ("start", "duration", "unit", "expected"),
    [
        (date(2024, 2, 29), 1, "YEAR", date(2025, 2, 28)),
        (date(2024, 2, 29), 4, "year", date(2028, 2, 29)),
        (date(2023, 1, 31), 1, "MONTH", date(2023, 2, 28)),
        (date(2024, 1, 31), 1, "MONTH", date(2024, 2, 29)),
        (date(2023, 3, 31), 1, "MONTH", date(2023, 4, 30)),
        (date(2023, 11, 15), 3, "MONTH", date(2024, 2, 15)),
        (date(2020, 1, 1), 25, "YEAR", date(2045, 1, 1)),
        (date(2024, 2, 28), 1, "DAY", date(2024, 2, 29)),
        (date(2023, 12, 31), 366, "DAY", date(2024, 12, 31)),
        (date(2020, 6, 1), 0, "YEAR", date(2020, 6, 1)),
        (date(2020, 6, 1), None, "YEAR", None),
        (date(9990, 1, 1), 20, "YEAR", None),
    ],
)
def test_end_date(start: date, duration: int | None, unit: str, expected: date | None) -> None:
    assert end_date(start, duration, unit) == expected


def referential() -> RulesReferential:
    ref = RulesReferential()
    for rid, rtype, dur, unit in [
        ("APP-5", "AppraisalRule", 5, "YEAR"),
        ("APP-10", "AppraisalRule", 10, "YEAR"),
        ("ACC-25", "AccessRule", 25, "YEAR"),
        ("ACC-0", "AccessRule", 0, "YEAR"),
        ("ACC-INF", "AccessRule", None, "YEAR"),
        ("STO-6M", "StorageRule", 6, "MONTH"),
        ("HOL-1", "HoldRule", None, ""),
    ]:
        ref.rules[rid] = RuleDef(rid, rtype, f"label {rid}", duration=dur, measurement=unit)
    return ref


def block(category: str, *rules: tuple[str, date | None], **kw: object) -> RuleCategory:
    return RuleCategory(category, [Rule(r, d) for r, d in rules], **kw)  # type: ignore[arg-type]


def tree() -> tuple[Package, ArchiveUnit, ArchiveUnit, ArchiveUnit]:
    """package > root > mid > leaf."""
    root = ArchiveUnit("Racine")
    mid = root.add(ArchiveUnit("Milieu"))
    leaf = mid.add(ArchiveUnit("Feuille"))
    return Package(roots=[root]), root, mid, leaf


D0 = date(2020, 1, 1)


def ids(rules: dict[str, list], category: str) -> list[str]:  # type: ignore[type-arg]
    return [r.rule_id for r in rules.get(category, [])]


def test_multi_level_inheritance_and_end_dates() -> None:
    pkg, root, mid, leaf = tree()
    root.management.rules["AccessRule"] = block("AccessRule", ("ACC-25", D0))
    mid.management.rules["AppraisalRule"] = block(
        "AppraisalRule", ("APP-5", date(2021, 2, 28)), final_action="Destroy"
    )
    leaf.management.rules["AccessRule"] = block("AccessRule", ("ACC-0", date(2022, 5, 1)))
    got = effective_rules(leaf, pkg, referential())
    assert ids(got, "AccessRule") == ["ACC-25", "ACC-0"]
    acc25, acc0 = got["AccessRule"]
    assert (acc25.origin_unit, acc25.inherited, acc25.end_date) == (root, True, date(2045, 1, 1))
    assert (acc0.origin_unit, acc0.inherited, acc0.end_date) == (leaf, False, date(2022, 5, 1))
    (app,) = got["AppraisalRule"]
    assert (app.end_date, app.final_action, app.label, app.duration) == (
        date(2026, 2, 28),
        "Destroy",
        "label APP-5",
        "5 YEAR",
    )
    assert set(got) == {"AccessRule", "AppraisalRule"}
    # root sees only its own rule
    assert ids(effective_rules(root, pkg, referential()), "AccessRule") == ["ACC-25"]


def test_package_level_rules_apply_to_roots() -> None:
    pkg, root, mid, leaf = tree()
    pkg.header.management.rules["AppraisalRule"] = block(
        "AppraisalRule", ("APP-10", D0), final_action="Keep"
    )
    for unit in (root, mid, leaf):
        (rule,) = effective_rules(unit, pkg, referential())["AppraisalRule"]
        assert rule.origin_unit is None and rule.inherited
        assert rule.end_date == date(2030, 1, 1) and rule.final_action == "Keep"


def test_prevent_inheritance_stops_everything_in_category() -> None:
    pkg, root, mid, leaf = tree()
    pkg.header.management.rules["AccessRule"] = block("AccessRule", ("ACC-INF", D0))
    root.management.rules["AccessRule"] = block("AccessRule", ("ACC-25", D0))
    root.management.rules["AppraisalRule"] = block(
        "AppraisalRule", ("APP-5", D0), final_action="Keep"
    )
    mid.management.rules["AccessRule"] = block("AccessRule", prevent_inheritance=True)
    assert ids(effective_rules(root, pkg, None), "AccessRule") == ["ACC-INF", "ACC-25"]
    assert "AccessRule" not in effective_rules(mid, pkg, None)
    assert "AccessRule" not in effective_rules(leaf, pkg, None)
    # other categories still inherited
    assert ids(effective_rules(leaf, pkg, None), "AppraisalRule") == ["APP-5"]
    # a unit under the block can declare new ones
    leaf.management.rules["AccessRule"] = block("AccessRule", ("ACC-0", D0))
    assert ids(effective_rules(leaf, pkg, None), "AccessRule") == ["ACC-0"]


def test_prevent_inheritance_keeps_own_rules() -> None:
    pkg, root, mid, leaf = tree()
    root.management.rules["AccessRule"] = block("AccessRule", ("ACC-25", D0))
    mid.management.rules["AccessRule"] = block(
        "AccessRule", ("ACC-0", D0), prevent_inheritance=True
    )
    assert ids(effective_rules(leaf, pkg, None), "AccessRule") == ["ACC-0"]


def test_ref_non_rule_id_stops_listed_ids_only() -> None:
    pkg, root, mid, leaf = tree()
    pkg.header.management.rules["AccessRule"] = block("AccessRule", ("ACC-INF", D0))
    root.management.rules["AccessRule"] = block("AccessRule", ("ACC-25", D0), ("ACC-0", D0))
    mid.management.rules["AccessRule"] = block("AccessRule", ref_non_rule_ids=["ACC-25", "ACC-INF"])
    assert ids(effective_rules(mid, pkg, None), "AccessRule") == ["ACC-0"]
    assert ids(effective_rules(leaf, pkg, None), "AccessRule") == ["ACC-0"]


def test_ref_non_rule_id_of_own_rule_keeps_it() -> None:
    """Like the SAE's 'RefNonRuleId de son propre ID' SIP: the unit's own R2 stays."""
    pkg, root, mid, leaf = tree()
    root.management.rules["StorageRule"] = block(
        "StorageRule", ("STO-6M", D0), final_action="RestrictAccess"
    )
    mid.management.rules["StorageRule"] = block(
        "StorageRule", ("R2", D0), ref_non_rule_ids=["R2"], final_action="Copy"
    )
    got = effective_rules(leaf, pkg, referential())["StorageRule"]
    assert [r.rule_id for r in got] == ["STO-6M", "R2"]
    assert {r.final_action for r in got} == {"Copy"}  # nearest declared
    assert got[0].end_date == date(2020, 7, 1)
    assert got[1].end_date is None and got[1].label == ""  # unknown to the referential


def test_redeclared_rule_replaces_inherited_one() -> None:
    pkg, root, mid, leaf = tree()
    root.management.rules["AccessRule"] = block("AccessRule", ("ACC-25", D0))
    leaf.management.rules["AccessRule"] = block("AccessRule", ("ACC-25", date(2000, 1, 1)))
    (rule,) = effective_rules(leaf, pkg, referential())["AccessRule"]
    assert (rule.origin_unit, rule.inherited, rule.end_date) == (leaf, False, date(2025, 1, 1))


def test_no_start_date_or_unlimited_gives_no_end() -> None:
    pkg, root, _mid, _leaf = tree()
    root.management.rules["AccessRule"] = block("AccessRule", ("ACC-25", None), ("ACC-INF", D0))
    got = effective_rules(root, pkg, referential())["AccessRule"]
    assert [r.end_date for r in got] == [None, None]
    assert got[1].duration == "unlimited"


def test_hold_end_date_wins_per_rule() -> None:
    """Each hold rule ends on its own HoldEndDate; the referential's duration otherwise."""
    pkg, root, _mid, leaf = tree()
    ref = referential()
    ref.rules["HOL-5"] = RuleDef("HOL-5", "HoldRule", "gel 5 ans", duration=5, measurement="YEAR")
    root.management.rules["HoldRule"] = RuleCategory(
        "HoldRule",
        [
            Rule("HOL-1", D0, hold_end_date=date(2030, 6, 30)),
            Rule("HOL-5", D0),
            Rule("HOL-5B", None, hold_end_date=date(2001, 1, 1)),
        ],
    )
    got = effective_rules(leaf, pkg, ref)["HoldRule"]
    assert [(r.rule_id, r.end_date) for r in got] == [
        ("HOL-1", date(2030, 6, 30)),
        ("HOL-5", date(2025, 1, 1)),
        ("HOL-5B", date(2001, 1, 1)),
    ]


def codes(findings: list) -> list[tuple[str, int | None]]:  # type: ignore[type-arg]
    return sorted((f.code, f.unit_uid) for f in findings)


def test_check_rules() -> None:
    pkg, root, mid, leaf = tree()
    pkg.header.management.rules["AppraisalRule"] = block("AppraisalRule", ("APP-5", D0))
    root.management.rules["AccessRule"] = block("AccessRule", ("APP-10", D0), ("NOPE", D0))
    mid.management.rules["StorageRule"] = block(
        "StorageRule", ("STO-6M", D0), final_action="Destroy"
    )
    leaf.management.rules["AccessRule"] = block("AccessRule", ("ACC-25", None))
    leaf.management.rules["AppraisalRule"] = block(
        "AppraisalRule", ("APP-10", date(9100, 1, 1)), final_action="Keep"
    )
    found = check_rules(pkg, referential())
    assert codes(found) == sorted(
        [
            (Code.VAL_FINAL_ACTION, None),
            (Code.VAL_RULE_CATEGORY, root.uid),
            (Code.VAL_UNKNOWN_RULE, root.uid),
            (Code.VAL_BAD_FINAL_ACTION, mid.uid),
            (Code.VAL_RULE_NO_START_DATE, leaf.uid),
            (Code.VAL_RULE_START_DATE, leaf.uid),
        ]
    )
    by_code = {f.code: f for f in found}
    assert by_code[Code.VAL_RULE_CATEGORY].params == {
        "rule_id": "APP-10",
        "category": "AccessRule",
        "actual": "AppraisalRule",
    }
    assert by_code[Code.VAL_RULE_NO_START_DATE].severity == Severity.WARNING
    assert by_code[Code.VAL_UNKNOWN_RULE].severity == Severity.ERROR


def test_check_rules_without_referential_and_hold_dates() -> None:
    pkg, root, _mid, _leaf = tree()
    root.management.rules["AccessRule"] = block("AccessRule", ("WHATEVER", D0))
    root.management.rules["HoldRule"] = RuleCategory(
        "HoldRule", [Rule("HOL-1", D0, hold_end_date=date(2019, 1, 1))]
    )
    assert codes(check_rules(pkg, None)) == [(Code.VAL_HOLD_END_BEFORE_START, root.uid)]


def two_holds() -> RuleCategory:
    """TEST_ELIMINATION_V2's layout: a hold with a start, then one with only an end that
    is earlier than the first one's start (fine: each hold is checked against its own)."""
    return RuleCategory(
        "HoldRule",
        [
            Rule("HOL-3", date(2010, 1, 1), hold_reason="A"),
            Rule("HOL-2", None, hold_end_date=date(2001, 1, 1), hold_reason="B"),
        ],
    )


@pytest.mark.parametrize("version", ["2.2", "2.3"])
def test_check_rules_pairs_each_hold_end_with_its_own_start(version: str) -> None:
    pkg, root, _mid, leaf = tree()
    root.management.rules["HoldRule"] = two_holds()
    assert check_rules(pkg, None) == []
    back = _round_trip(pkg, version)
    back_root = back.roots[0]
    assert [r.hold_end_date for r in back_root.management.rules["HoldRule"].rules] == [
        None,
        date(2001, 1, 1),
    ]
    assert check_rules(back, None) == []
    # a hold whose end precedes its OWN start is still flagged, with its own dates
    bad = two_holds()
    bad.rules[0].hold_end_date = date(2009, 12, 31)
    root.management.rules["HoldRule"] = bad
    back = _round_trip(pkg, version)
    (f,) = check_rules(back, None)
    assert f.code == Code.VAL_HOLD_END_BEFORE_START
    assert f.unit_uid == back.roots[0].uid
    assert f.params == {"rule_id": "HOL-3", "start": "2010-01-01", "end": "2009-12-31"}


def _round_trip(pkg: Package, version: str) -> Package:
    buf = io.BytesIO()
    write_manifest(pkg, buf, version=version, uris={})
    return read_manifest(buf.getvalue())


def test_check_rules_against_shared_referential() -> None:
    ref = load_rules(SHARED / "referentials" / "rules" / "R16_OK_regles_CSV.csv")
    app = next(r for r in ref if r.rule_type == "AppraisalRule")
    acc = next(r for r in ref if r.rule_type == "AccessRule")
    pkg, root, _mid, leaf = tree()
    root.management.rules["AppraisalRule"] = block(
        "AppraisalRule", (app.rule_id, D0), final_action="Keep"
    )
    root.management.rules["AccessRule"] = block("AccessRule", (acc.rule_id, D0))
    assert check_rules(pkg, ref) == []
    leaf.management.rules["AccessRule"] = block("AccessRule", (app.rule_id, D0))
    (f,) = check_rules(pkg, ref)
    assert (f.code, f.unit_uid) == (Code.VAL_RULE_CATEGORY, leaf.uid)
