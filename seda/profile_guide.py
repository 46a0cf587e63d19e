"""What a transfer profile fixes and allows, as plain data, to guide the description.

``guide(profile)`` reads the profile's grammar (``seda.archive_profile.Grammar``) into:
the header fields it fixes or requires, the package-level rules, and the unit structure it
expects (which units, at which levels, in which order, how many, with which fields fixed,
restricted to a list, or required). ``compare(guide, package)`` matches the package's unit
tree against that structure as the user works (no manifest written): each unit gets its
expected pattern, and the deviations (level not allowed, fixed title differing, unit
missing, unit the profile does not provide, too many, required field empty) come back as
coded ``Finding``s with the unit's uid, the same codes the manifest check uses.

The guide is a help, not the verdict: the export's check against the RelaxNG (libxml2)
stays the authority. What the guide does not understand (attributes, interleave, nested
choices inside a unit, data types beyond dates) is left to that check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from seda.archive_profile import ANY, UNBOUNDED, Choice, Node, TransferProfile
from seda.findings import Code, Finding, Severity
from seda.model import ArchiveUnit, Package, TransferHeader

# SEDA Content elements -> the model's ArchiveUnit attribute that holds them
UNIT_FIELDS = {
    "Title": "title",
    "Description": "description",
    "StartDate": "start_date",
    "EndDate": "end_date",
    "Keyword": "keywords",
    "OriginatingAgencyArchiveUnitIdentifier": "originating_ids",
    "ArchivalAgencyArchiveUnitIdentifier": "archival_ids",
    "FilePlanPosition": "file_plan_position",
}
# header elements (ArchiveTransfer's and ManagementMetadata's) -> TransferHeader attribute
HEADER_FIELDS = {
    "Comment": "comment",
    "ArchivalAgreement": "archival_agreement",
    "ArchivalAgency": "archival_agency",
    "TransferringAgency": "transferring_agency",
    "ArchivalProfile": "archival_profile",
    "AcquisitionInformation": "acquisition_information",
    "LegalStatus": "legal_status",
    "OriginatingAgencyIdentifier": "originating_agency",
    "SubmissionAgencyIdentifier": "submission_agency",
}
# elements Verso writes itself (no need to ask the user)
_AUTOMATIC = frozenset({"Date", "MessageIdentifier", "CodeListVersions", "DataObjectPackage"})


@dataclass(slots=True)
class FieldRule:
    """What the profile says of one field: required, how many, fixed, allowed values."""

    name: str
    required: bool = False
    max: int = 1  # UNBOUNDED for lists
    fixed: str | None = None
    allowed: tuple[str, ...] = ()  # an enumeration (two values or more)
    datatypes: tuple[str, ...] = ()
    editable: bool = True  # Verso has a form field for it

    @property
    def locked(self) -> bool:
        """A value the user cannot choose (the form shows it read-only)."""
        return self.fixed is not None


@dataclass(slots=True, eq=False)
class ExpectedUnit:
    """A unit pattern of the profile, where it sits among its siblings."""

    levels: tuple[str, ...] = ()  # allowed DescriptionLevel values (empty: any)
    title: str | None = None  # fixed title
    documentation: str = ""  # the profile designer's note (SHERPA annotation)
    min: int = 1
    max: int = 1
    fields: dict[str, FieldRule] = field(default_factory=dict)
    children: list[ExpectedUnit] = field(default_factory=list)
    objects: bool = False  # the profile expects a link to files (DataObjectReference)
    unit_profile: str | None = None  # fixed ArchiveUnitProfile
    open: bool = False  # children not described (any element): not compared
    recursive: bool = False  # the same pattern as an enclosing one (shares its children)

    @property
    def label(self) -> str:
        return self.title or self.documentation

    def walk(self) -> Iterator[ExpectedUnit]:
        """This pattern and those below, each once (recursive patterns are not re-entered)."""
        stack = [self]
        while stack:
            unit = stack.pop()
            yield unit
            if not unit.recursive:
                stack.extend(reversed(unit.children))


@dataclass(slots=True)
class ProfileGuide:
    header: dict[str, FieldRule] = field(default_factory=dict)
    rules: dict[str, dict[str, FieldRule]] = field(default_factory=dict)  # category -> Rule...
    units: list[ExpectedUnit] = field(default_factory=list)
    open: bool = False  # DescriptiveMetadata not described


# -- reading the grammar ---------------------------------------------------------------


def _rule(node: Node, editable: bool = True, required: bool | None = None) -> FieldRule:
    values = tuple(node.values)
    return FieldRule(
        node.name,
        node.min > 0 if required is None else required,
        node.max,
        values[0] if len(values) == 1 else None,
        values if len(values) > 1 else (),
        tuple(node.datatypes),
        editable,
    )


def _sequence(node: Node) -> Iterator[tuple[Node, bool]]:
    """Child element patterns with whether they are required (a choice's are not)."""
    for part in node.children:
        if isinstance(part, Choice):
            for alt in part.alternatives:
                for n in alt:
                    yield n, False
        else:
            yield part, part.min > 0


def _unit(node: Node, memo: dict[int, ExpectedUnit]) -> ExpectedUnit:
    """``memo``: patterns already read, by their (shared) content list, so a recursive
    profile (a unit define referring to itself) gives a finite, cyclic structure."""
    known = memo.get(id(node.children))
    if known is not None:  # the same unit pattern again (recursion): same content
        return ExpectedUnit(
            known.levels,
            known.title,
            known.documentation,
            node.min,
            node.max,
            known.fields,
            known.children,
            known.objects,
            known.unit_profile,
            known.open,
            recursive=True,
        )
    out = ExpectedUnit(
        documentation=node.documentation, min=node.min, max=node.max, open=node.unknown
    )
    memo[id(node.children)] = out
    for child, required in _sequence(node):
        if child.name == "Content":
            for sub, sub_required in _sequence(child):
                if sub.name == "DescriptionLevel":
                    out.levels = tuple(sub.values)
                elif sub.name == "Title" and sub.fixed is not None:
                    out.title = sub.fixed
                rule = _rule(sub, sub.name in UNIT_FIELDS, required and sub_required)
                previous = out.fields.get(sub.name)
                if previous is not None:  # repeated pattern (two Keyword elements...)
                    previous.required = previous.required or rule.required
                    previous.max = (
                        UNBOUNDED
                        if UNBOUNDED in (previous.max, rule.max)
                        else previous.max + rule.max
                    )
                    previous.allowed = tuple(
                        dict.fromkeys((*previous.allowed, *(rule.allowed or (rule.fixed or "",))))
                    )
                    previous.fixed = None if previous.allowed else previous.fixed
                else:
                    out.fields[sub.name] = rule
        elif child.name == "ArchiveUnit":
            out.children.append(_unit(child, memo))
        elif child.name == "DataObjectReference":
            out.objects = True
        elif child.name == "ArchiveUnitProfile":
            out.unit_profile = child.fixed or None
        elif child.name == ANY:
            out.open = True
    return out


def guide(profile: TransferProfile) -> ProfileGuide:
    """What ``profile`` fixes, restricts and requires, as plain data."""
    out = ProfileGuide()
    top = profile.grammar.root
    if top is None:
        return out
    for node, required in _sequence(top):
        if node.name in ("ArchivalAgency", "TransferringAgency"):
            ident = node.child("Identifier")
            if ident is not None:
                out.header[node.name] = _rule(ident, True, required)
                out.header[node.name].name = node.name
        elif node.name == "DataObjectPackage":
            for part, part_required in _sequence(node):
                if part.name == "DescriptiveMetadata":
                    units = [n for n, _r in _sequence(part) if n.name == "ArchiveUnit"]
                    memo: dict[int, ExpectedUnit] = {}
                    out.units = [_unit(n, memo) for n in units]
                    out.open = part.recursive or any(n.name == ANY for n in part.elements())
                elif part.name == "ManagementMetadata":
                    _management(out, part, part_required)
        elif node.name not in _AUTOMATIC:
            out.header[node.name] = _rule(node, node.name in HEADER_FIELDS, required)
    return out


def _management(out: ProfileGuide, node: Node, required: bool) -> None:
    for sub, sub_required in _sequence(node):
        if sub.leaf or sub.name in HEADER_FIELDS:
            out.header[sub.name] = _rule(sub, sub.name in HEADER_FIELDS, required and sub_required)
        else:
            rules: dict[str, FieldRule] = {}
            for part, part_required in _sequence(sub):
                rules[part.name] = _rule(part, True, required and sub_required and part_required)
            out.rules[sub.name] = rules


# -- comparing the package with the guide ---------------------------------------------


def _fits(unit: ArchiveUnit, expected: ExpectedUnit) -> bool:
    if expected.levels and str(unit.level) not in expected.levels:
        return False
    return expected.title is None or unit.title.strip() == expected.title.strip()


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


@dataclass(slots=True)
class Comparison:
    """The package against the guide: each unit's expected pattern and the deviations."""

    expected: dict[int, ExpectedUnit] = field(default_factory=dict)  # unit uid -> pattern
    findings: list[Finding] = field(default_factory=list)
    missing_required: int = 0  # required fields still empty (header + units)
    missing_units: list[tuple[int | None, ExpectedUnit]] = field(default_factory=list)
    unsupported: set[tuple[int, str]] = field(default_factory=set)  # (pattern fields, name)

    def for_unit(self, unit: ArchiveUnit) -> ExpectedUnit | None:
        return self.expected.get(unit.uid)


def _path(unit: ArchiveUnit) -> str:
    return " / ".join([*(a.title for a in reversed(list(unit.ancestors()))), unit.title])


def _err(code: str, unit: ArchiveUnit | None, **params: Any) -> Finding:
    if unit is not None:
        params.setdefault("unit", _path(unit))
    return Finding(code, Severity.ERROR, "", params, unit.uid if unit is not None else None)


def compare(g: ProfileGuide, package: Package) -> Comparison:
    """Match the package's units with the profile's structure; deviations as findings
    (codes of ``seda.findings``: PROFILE_LEVEL, PROFILE_FIXED_VALUE, PROFILE_MISSING,
    PROFILE_NOT_ALLOWED, PROFILE_TOO_MANY) carrying the unit's uid."""
    out = Comparison()
    _compare_header(g, package.header, out)
    if not g.open:
        _compare_children(g.units, package.roots, None, out)
    return out


def _compare_header(g: ProfileGuide, header: TransferHeader, out: Comparison) -> None:
    for name, rule in g.header.items():
        attr = HEADER_FIELDS.get(name)
        if attr is None:
            continue
        value = getattr(header, attr)
        if _is_empty(value):
            if rule.required:
                out.missing_required += 1
                out.findings.append(
                    _err(
                        Code.PROFILE_MISSING,
                        None,
                        field=name,
                        context="ArchiveTransfer",
                        **({"expected": rule.fixed} if rule.fixed else {}),
                    )
                )
        elif rule.fixed is not None and " ".join(str(value).split()) != " ".join(
            rule.fixed.split()
        ):
            out.findings.append(
                _err(Code.PROFILE_FIXED_VALUE, None, field=name, expected=rule.fixed, value=value)
            )
        elif rule.allowed and value not in rule.allowed:
            out.findings.append(
                _err(
                    Code.PROFILE_VALUE_CHOICE,
                    None,
                    field=name,
                    allowed=list(rule.allowed),
                    value=value,
                )
            )


def _compare_children(
    expected: list[ExpectedUnit],
    units: list[ArchiveUnit],
    parent: ArchiveUnit | None,
    out: Comparison,
) -> None:
    pairs: list[tuple[ArchiveUnit, ExpectedUnit]] = []
    i = 0
    for index, pattern in enumerate(expected):
        count = 0
        while i < len(units) and (pattern.max == UNBOUNDED or count < pattern.max):
            unit = units[i]
            if not _fits(unit, pattern) and any(_fits(unit, p) for p in expected[index + 1 :]):
                break  # a later pattern stands for it
            pairs.append((unit, pattern))
            count += 1
            i += 1
        if count < pattern.min:
            out.missing_units.append((parent.uid if parent is not None else None, pattern))
            level = pattern.levels[0] if pattern.levels else ""
            out.findings.append(
                _err(
                    Code.PROFILE_MISSING,
                    parent,
                    field="ArchiveUnit",
                    level=level,
                    title=pattern.label,
                    context="ArchiveUnit" if parent is not None else "DescriptiveMetadata",
                )
            )
    said: set[tuple[int, ...]] = set()  # too many of one kind: said once, on the first extra
    for unit in units[i:]:
        same = [p for p in expected if _fits(unit, p)]
        limit = sum(p.max for p in same) if same and UNBOUNDED not in (p.max for p in same) else 0
        if same and limit:
            key = tuple(id(p) for p in same)
            if key not in said:
                said.add(key)
                count = sum(1 for u in units if any(_fits(u, p) for p in same))
                out.findings.append(
                    _err(Code.PROFILE_TOO_MANY, unit, field="ArchiveUnit", max=limit, count=count)
                )
        else:
            out.findings.append(_err(Code.PROFILE_NOT_ALLOWED, unit, field="ArchiveUnit"))
    for unit, pattern in pairs:
        out.expected[unit.uid] = pattern
        _compare_unit(unit, pattern, [p for p in expected], out)
        if not pattern.open:
            _compare_children(pattern.children, unit.children, unit, out)


def _compare_unit(
    unit: ArchiveUnit, pattern: ExpectedUnit, siblings: Iterable[ExpectedUnit], out: Comparison
) -> None:
    if pattern.levels and str(unit.level) not in pattern.levels:
        allowed = list(dict.fromkeys(level for p in siblings for level in p.levels))
        if str(unit.level) not in allowed:
            out.findings.append(
                _err(
                    Code.PROFILE_LEVEL,
                    unit,
                    value=str(unit.level),
                    allowed=allowed,
                    field="DescriptionLevel",
                )
            )
    for name, rule in pattern.fields.items():
        attr = UNIT_FIELDS.get(name)
        if attr is None:
            key = (id(pattern.fields), name)
            if rule.required and name != "DescriptionLevel" and key not in out.unsupported:
                out.unsupported.add(key)  # said once per pattern, not per unit
                out.findings.append(
                    Finding(
                        Code.PROFILE_UNSUPPORTED,
                        Severity.WARNING,
                        "",
                        {"field": name, "context": "Content", "unit": _path(unit)},
                        unit.uid,
                    )
                )
            continue
        value = getattr(unit, attr)
        if _is_empty(value):
            if rule.required:
                out.missing_required += 1
                params: dict[str, Any] = {"field": name, "context": "Content"}
                if rule.fixed:
                    params["expected"] = rule.fixed
                out.findings.append(_err(Code.PROFILE_MISSING, unit, **params))
            continue
        if isinstance(value, list):
            count = len(value)
            if rule.max != UNBOUNDED and count > rule.max:
                out.findings.append(
                    _err(Code.PROFILE_TOO_MANY, unit, field=name, max=rule.max, count=count)
                )
            continue
        text = " ".join(str(value).split())
        if rule.fixed is not None and text != " ".join(rule.fixed.split()):
            out.findings.append(
                _err(Code.PROFILE_FIXED_VALUE, unit, field=name, expected=rule.fixed, value=text)
            )
        elif rule.allowed and text not in rule.allowed:
            out.findings.append(
                _err(
                    Code.PROFILE_VALUE_CHOICE,
                    unit,
                    field=name,
                    allowed=list(rule.allowed),
                    value=text,
                )
            )


def fill_fixed(g: ProfileGuide, package: Package) -> list[tuple[Any, str, Any]]:
    """The edits that put the profile's fixed values in place: ``(target, attribute,
    value)`` with target the header or a unit (the UI applies them as one undo step)."""
    edits: list[tuple[Any, str, Any]] = []
    for name, rule in g.header.items():
        attr = HEADER_FIELDS.get(name)
        if attr and rule.fixed is not None and getattr(package.header, attr) != rule.fixed:
            edits.append((package.header, attr, rule.fixed))
    comparison = compare(g, package)
    for unit in package.walk():
        pattern = comparison.for_unit(unit)
        if pattern is None:
            continue
        if len(pattern.levels) == 1 and str(unit.level) != pattern.levels[0]:
            edits.append((unit, "level", pattern.levels[0]))
        for name, rule in pattern.fields.items():
            attr = UNIT_FIELDS.get(name)
            if attr in ("title", "description") and rule.fixed is not None:
                if getattr(unit, attr) != rule.fixed:
                    edits.append((unit, attr, rule.fixed))
        if pattern.unit_profile and unit.archive_unit_profile != pattern.unit_profile:
            edits.append((unit, "archive_unit_profile", pattern.unit_profile))
    return edits


__all__ = [
    "HEADER_FIELDS",
    "UNIT_FIELDS",
    "Comparison",
    "ExpectedUnit",
    "FieldRule",
    "ProfileGuide",
    "compare",
    "fill_fixed",
    "guide",
]
