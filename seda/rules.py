"""Management rules as the SAE computes them: inheritance down the tree and end dates.

Users set a rule once on a folder (or on the whole transfer) and need to see what each
document really gets, and when it ends, before the SAE computes it after the deposit.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from seda.findings import Code, Finding, Severity
from seda.model import (
    FINAL_ACTIONS,
    RULE_CATEGORIES,
    ArchiveUnit,
    Management,
    Package,
    Rule,
    RuleCategory,
)
from seda.referentials.rules_csv import RulesReferential

# The SAE refuses rule start dates from year 9000 on (CHECK_UNIT_SCHEMA).
MAX_START_YEAR = 8999


def _add_months(start: date, months: int) -> date:
    """Calendar month arithmetic clamped to the month's end (Java LocalDate.plusMonths)."""
    total = start.year * 12 + (start.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def end_date(start: date, duration: int | None, measurement: str) -> date | None:
    """End of a rule starting on ``start``; None when the duration is unlimited.

    Years and months use calendar arithmetic clamped to the month end (2024-02-29 + 1 year
    = 2025-02-28), days are plain days, as the SAE (Java ``LocalDate``) does.
    """
    if duration is None:
        return None
    unit = measurement.upper()
    try:
        if unit == "YEAR":
            return _add_months(start, 12 * duration)
        if unit == "MONTH":
            return _add_months(start, duration)
        if unit == "DAY":
            return date.fromordinal(start.toordinal() + duration)
    except (ValueError, OverflowError):
        return None  # beyond year 9999: no representable end
    return None


@dataclass(slots=True, eq=False)
class EffectiveRule:
    """A rule that applies to a unit, declared on it or inherited."""

    rule_id: str
    category: str
    start_date: date | None
    end_date: date | None
    origin_unit: ArchiveUnit | None  # None: the package's ManagementMetadata
    inherited: bool
    final_action: str = ""
    label: str = ""  # RuleValue from the referential, "" when unknown
    duration: str = ""  # as the referential states it: "5 YEAR", "unlimited", ""


@dataclass(slots=True)
class _Item:
    rule: Rule
    origin: ArchiveUnit | None
    block: RuleCategory


def _chain(unit: ArchiveUnit, package: Package) -> list[tuple[ArchiveUnit | None, Management]]:
    """Management blocks from the package down to ``unit`` (origin None = package)."""
    units = [unit, *unit.ancestors()][::-1]
    return [(None, package.header.management)] + [(u, u.management) for u in units]


def effective_rules(
    unit: ArchiveUnit, package: Package, referential: RulesReferential | None
) -> dict[str, list[EffectiveRule]]:
    """Rules that apply to ``unit``, by category (only categories with at least one rule).

    Package-level rules apply to every root; each unit inherits its ancestors' rules unless a
    block on the way has PreventInheritance (drops everything inherited in that category) or
    RefNonRuleId (drops those ids); a unit's own rules add to the inherited ones (its own
    declaration of an inherited id replaces it). FinalAction: the nearest one declared.
    """
    chain = _chain(unit, package)
    out: dict[str, list[EffectiveRule]] = {}
    for category in RULE_CATEGORIES:
        items: list[_Item] = []
        final_action = ""
        for origin, management in chain:
            block = management.rules.get(category)
            if block is None:
                continue
            if block.prevent_inheritance:
                items, final_action = [], ""
            if block.ref_non_rule_ids:
                blocked = set(block.ref_non_rule_ids)
                items = [i for i in items if i.rule.rule_id not in blocked]
            own = {r.rule_id for r in block.rules}
            items = [i for i in items if i.rule.rule_id not in own]
            items.extend(_Item(r, origin, block) for r in block.rules)
            if block.final_action:
                final_action = block.final_action
        if not items:
            continue
        result: list[EffectiveRule] = []
        for item in items:
            rule = item.rule
            ref = referential.get(rule.rule_id) if referential is not None else None
            end: date | None = None
            if rule.start_date is not None and ref is not None:
                end = end_date(rule.start_date, ref.duration, ref.measurement)
            if category == "HoldRule" and rule.hold_end_date is not None:
                end = rule.hold_end_date  # the rule's own explicit hold end wins
            result.append(
                EffectiveRule(
                    rule_id=rule.rule_id,
                    category=category,
                    start_date=rule.start_date,
                    end_date=end,
                    origin_unit=item.origin,
                    inherited=item.origin is not unit,
                    final_action=final_action,
                    label=ref.value if ref is not None else "",
                    duration=ref.duration_text if ref is not None else "",
                )
            )
        out[category] = result
    return out


def _check_management(
    management: Management,
    unit: ArchiveUnit | None,
    referential: RulesReferential | None,
    out: list[Finding],
) -> None:
    uid = unit.uid if unit is not None else None
    for category, block in management.rules.items():
        for rule in block.rules:
            params = {"rule_id": rule.rule_id, "category": category}
            ref = referential.get(rule.rule_id) if referential is not None else None
            if referential is not None and ref is None:
                out.append(
                    Finding(Code.VAL_UNKNOWN_RULE, Severity.ERROR, params=params, unit_uid=uid)
                )
            elif ref is not None and ref.rule_type != category:
                out.append(
                    Finding(
                        Code.VAL_RULE_CATEGORY,
                        Severity.ERROR,
                        params={**params, "actual": ref.rule_type},
                        unit_uid=uid,
                    )
                )
            if rule.start_date is None:
                # Without StartDate the SAE computes no end date; only worth saying when
                # the rule has a finite duration (or we cannot tell).
                if category != "HoldRule" and (ref is None or ref.duration is not None):
                    out.append(
                        Finding(
                            Code.VAL_RULE_NO_START_DATE,
                            Severity.WARNING,
                            params=params,
                            unit_uid=uid,
                        )
                    )
            elif rule.start_date.year > MAX_START_YEAR:
                out.append(
                    Finding(
                        Code.VAL_RULE_START_DATE,
                        Severity.ERROR,
                        params={**params, "date": rule.start_date.isoformat()},
                        unit_uid=uid,
                    )
                )
            if (
                category == "HoldRule"
                and rule.start_date is not None
                and rule.hold_end_date is not None
                and rule.hold_end_date < rule.start_date  # each hold against its own start
            ):
                out.append(
                    Finding(
                        Code.VAL_HOLD_END_BEFORE_START,
                        Severity.ERROR,
                        params={
                            "rule_id": rule.rule_id,
                            "start": rule.start_date.isoformat(),
                            "end": rule.hold_end_date.isoformat(),
                        },
                        unit_uid=uid,
                    )
                )
        allowed = FINAL_ACTIONS.get(category)
        if allowed is None:
            continue
        # SEDA makes FinalAction mandatory in these blocks; the SAE needs it once a rule is set.
        written = bool(block.rules or block.prevent_inheritance or block.ref_non_rule_ids)
        if written and not block.final_action:
            out.append(
                Finding(
                    Code.VAL_FINAL_ACTION,
                    Severity.ERROR,
                    params={"category": category},
                    unit_uid=uid,
                )
            )
        elif block.final_action and block.final_action not in allowed:
            out.append(
                Finding(
                    Code.VAL_BAD_FINAL_ACTION,
                    Severity.ERROR,
                    params={"category": category, "value": block.final_action},
                    unit_uid=uid,
                )
            )


def check_rules(package: Package, referential: RulesReferential | None) -> list[Finding]:
    """Rule problems the SAE would refuse (or compute nothing for), package level first.

    Without a referential only the structural checks run (FinalAction, dates).
    """
    out: list[Finding] = []
    _check_management(package.header.management, None, referential, out)
    for unit in package.walk():
        _check_management(unit.management, unit, referential, out)
    return out
