"""The SAE's management rules referential (CSV), loaded and checked as the SAE does.

Users pick the very file they imported into the SAE; Verso uses it to offer rule codes, show
labels and durations, and compute end dates. A file the SAE would refuse is refused here too,
with every problem and its line, so the user learns it before uploading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from seda.findings import Code, Finding
from seda.model import RULE_CATEGORIES
from seda.referentials.csvcheck import (
    KeyedReferential,
    Record,
    ReferentialError,
    finding,
    fold,
    matches,
    read_table,
    row_finding,
)

COLUMNS = ("RuleId", "RuleType", "RuleValue", "RuleDescription", "RuleDuration", "RuleMeasurement")
RULE_TYPES = RULE_CATEGORIES  # what the SAE accepts in the RuleType column
MEASUREMENTS = ("YEAR", "MONTH", "DAY")
# The SAE caps durations at 999 years whatever the unit.
DURATION_LIMITS = {"YEAR": 999, "MONTH": 999 * 12, "DAY": 999 * 360}
UNLIMITED = "UNLIMITED"
_INT_RE = re.compile(r"^[+-]?\d+$")


@dataclass(slots=True)
class RuleDef:
    """One rule of the referential. ``duration`` None means unlimited (or no duration)."""

    rule_id: str
    rule_type: str
    value: str  # RuleValue: the label shown to users
    description: str = ""
    duration: int | None = None
    measurement: str = ""  # "YEAR", "MONTH", "DAY" or "" (HoldRule without duration)
    line: int = 0

    @property
    def duration_text(self) -> str:
        """Duration as the referential states it ("5 YEAR", "unlimited", "")."""
        if self.duration is not None:
            return f"{self.duration} {self.measurement}".strip()
        return "unlimited" if self.measurement else ""


@dataclass(slots=True)
class RulesReferential(KeyedReferential[RuleDef]):
    rules: dict[str, RuleDef] = field(default_factory=dict)
    source: str = ""

    def _table(self) -> dict[str, RuleDef]:
        return self.rules

    def by_type(self) -> dict[str, list[RuleDef]]:
        """Rules grouped by category, in file order (for per-category pickers)."""
        out: dict[str, list[RuleDef]] = {}
        for rule in self.rules.values():
            out.setdefault(rule.rule_type, []).append(rule)
        return out

    def search(self, text: str, category: str | None = None) -> list[RuleDef]:
        """Rules whose code or label contains every word of ``text`` (accents/case ignored).

        Exact code first, then codes starting with the text, then the rest in file order.
        """
        key = fold(text)
        found = [
            r
            for r in self.rules.values()
            if (category is None or r.rule_type == category) and matches(text, r.rule_id, r.value)
        ]

        def rank(rule: RuleDef) -> int:
            code = fold(rule.rule_id)
            return 0 if code == key else 1 if code.startswith(key) else 2

        return sorted(found, key=rank)  # stable: file order within a rank


def _check_duration(
    path: Path, rec: Record, duration: str, measurement: str, out: list[Finding]
) -> int | None:
    """Validate RuleDuration/RuleMeasurement (both non-empty); return the duration."""
    unit = measurement.upper()
    if unit not in MEASUREMENTS:
        out.append(
            row_finding(path, Code.REF_BAD_MEASUREMENT, rec.line, rec.record, value=measurement)
        )
    if duration.upper() == UNLIMITED:
        return None
    if not _INT_RE.match(duration) or int(duration) < 0:
        out.append(row_finding(path, Code.REF_BAD_DURATION, rec.line, rec.record, value=duration))
        return None
    value = int(duration)
    limit = DURATION_LIMITS.get(unit)
    if limit is not None and value > limit:
        out.append(
            row_finding(
                path,
                Code.REF_DURATION_LIMIT,
                rec.line,
                rec.record,
                value=value,
                measurement=unit,
                limit=limit,
            )
        )
    return value


def load_rules(path: Path | str) -> RulesReferential:
    """Load a rules referential CSV; raise ``ReferentialError`` with all its problems."""
    path = Path(path)
    records, findings = read_table(path, COLUMNS)
    referential = RulesReferential(source=str(path))
    first_seen: dict[str, Record] = {}
    for rec in records:
        v = {k: s.strip() for k, s in rec.values.items()}
        line = rec.line
        before = len(findings)
        for name in ("RuleId", "RuleType", "RuleValue"):
            if not v[name]:
                findings.append(
                    row_finding(path, Code.REF_EMPTY_FIELD, line, rec.record, field=name)
                )
        rule_id, rule_type = v["RuleId"], v["RuleType"]
        if rule_type and rule_type not in RULE_TYPES:
            findings.append(
                row_finding(path, Code.REF_BAD_RULE_TYPE, line, rec.record, value=rule_type)
            )
        if rule_id:
            if rule_id in first_seen:
                findings.append(
                    row_finding(
                        path,
                        Code.REF_DUPLICATE_ID,
                        line,
                        rec.record,
                        id=rule_id,
                        first_line=first_seen[rule_id].line,
                        first_record=first_seen[rule_id].record,
                    )
                )
            else:
                first_seen[rule_id] = rec
        duration_s, measurement_s = v["RuleDuration"], v["RuleMeasurement"]
        duration: int | None = None
        if rule_type == "HoldRule" and not duration_s and not measurement_s:
            pass  # a hold without duration: lasts until lifted
        elif rule_type == "HoldRule" and not (duration_s and measurement_s):
            missing = "RuleDuration" if not duration_s else "RuleMeasurement"
            findings.append(
                row_finding(path, Code.REF_HOLD_INCOMPLETE, line, rec.record, missing=missing)
            )
        else:
            if not duration_s:
                findings.append(
                    row_finding(path, Code.REF_EMPTY_FIELD, line, rec.record, field="RuleDuration")
                )
            if not measurement_s:
                findings.append(
                    row_finding(
                        path, Code.REF_EMPTY_FIELD, line, rec.record, field="RuleMeasurement"
                    )
                )
            if duration_s and measurement_s:
                duration = _check_duration(path, rec, duration_s, measurement_s, findings)
        if len(findings) == before and rule_id not in referential.rules:
            referential.rules[rule_id] = RuleDef(
                rule_id=rule_id,
                rule_type=rule_type,
                value=v["RuleValue"],
                description=rec.values["RuleDescription"].strip(),
                duration=duration,
                measurement=measurement_s.upper(),
                line=line,
            )
    if not records and not findings:
        findings.append(finding(path, Code.REF_NOT_CSV, 2, reason="no_records"))
    if findings:
        findings.sort(key=lambda f: f.line or 0)
        raise ReferentialError(findings)
    return referential
