"""ReSIP's spreadsheets: the metadata CSV (one row per archive unit) and the tree CSV
(a filing plan), in and out. See ``../shared/design/resip-csv.md`` for ReSIP's own rules.

Import accepts what ReSIP accepts and is kinder where ReSIP is brittle:

- encoding detected: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"),
  else windows-1252 (the usual Excel file on a French PC); ReSIP uses a preference and
  takes a BOM as part of the first column name;
- separator ``;``, ``,`` or tab detected from the header line; blank rows (also rows of
  empty cells, as Excel writes them) skipped; cells trimmed; header names compared without
  case or accents (``titre`` is not ``Title``, but ``title``/``TITLE`` are);
- every problem listed at once, each with its row (ReSIP's numbering: the header is row
  1) and its text line, and nothing half-imported (``CsvError`` holds them all);
- cells are text: nothing is evaluated; a cell ``'=1+1`` (how a spreadsheet and
  ``export_csv(neutralise=True)`` protect a formula-like cell) is read as ``=1+1``;
- a column must name a SEDA element of the chosen version (ReSIP builds any XML and the
  SAE refuses it later); values are checked against the XSD kind and Vitam's ontology
  (dates: ISO, or ``JJ/MM/AAAA`` converted to ISO; ``31/02/2021`` refused), levels,
  keyword types, final actions, and rule ids against the rules referential when given;
- files named in ``File``/``ObjectFiles`` are resolved against the CSV's folder; a missing
  one is an error (ReSIP only logs it); duplicate keys warn (the later row wins, as in
  ReSIP), cycles are refused.

Each row's metadata becomes a ``<Content>`` element read by ``seda.manifest.read_content``,
so a CSV unit and a SIP unit are the same thing (typed fields, and what Verso has no field
for kept verbatim).

Export writes ReSIP's extended format (``Id;ParentId;File;ObjectFiles`` then
``Content.``/``Management.`` columns in SEDA order, ``.0`` dropped where no unit has a
``.1``), one row per unit, parents before children, ``;``, quoted like ReSIP, UTF-8 with
BOM by default. Normalisation a round trip shows: ids renumbered ``ID1``, ``ID2``... in
row order; cells trimmed; dates in ISO form; a unit without DescriptionLevel gets one;
elements outside SEDA (extensions) and Management elements other than rules are not
written (counted in the report).
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

from lxml import etree

from seda import content_schema
from seda.atomic import atomic_file
from seda.findings import Code, Finding, Severity
from seda.manifest import NAMESPACES, content_element, read_content
from seda.model import (
    FINAL_ACTIONS,
    RULE_CATEGORIES,
    ArchiveUnit,
    BinaryObject,
    DescriptionLevel,
    Package,
    Rule,
    RuleCategory,
)
from seda.progress import Progress, check

# SEDA KeywordType (its XSD enumeration, same in 2.1, 2.2 and 2.3).
KEYWORD_TYPES = (
    "corpname",
    "famname",
    "geogname",
    "name",
    "occupation",
    "persname",
    "subject",
    "genreform",
    "function",
)
LEADING = ("id", "parentid", "file", "parentfile", "objectfiles")
# The leading blocks ReSIP accepts (plus ID;ParentID;ObjectFiles, which crashes ReSIP).
_BLOCKS = (
    frozenset({"file"}),
    frozenset({"file", "parentfile"}),
    frozenset({"id", "file", "parentfile"}),
    frozenset({"id", "parentid", "file"}),
    frozenset({"id", "parentid", "objectfiles"}),
    frozenset({"id", "parentid", "file", "objectfiles"}),
)
EXTENDED_HEADER = ("Id", "ParentId", "File", "ObjectFiles")
_SEGMENT = re.compile(r"[A-Za-z0-9_-]+")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ATTR = re.compile(r'\s*([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*"([^"]*)"\s*')
_XML_NS = "http://www.w3.org/XML/1998/namespace"
_USAGE_NAME = re.compile(r"^__([A-Za-z]+)_(\d+)__(.+)$")
_FR_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_PARTIAL = re.compile(r"^\d{4}(-\d\d)?$")
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")

# Rule block fields: per rule (paired with Rule.N) and per block, in the XSD's order.
_PER_RULE = ("Rule", "StartDate")
_HOLD_PER_RULE = (
    "HoldEndDate",
    "HoldOwner",
    "HoldReassessingDate",
    "HoldReason",
    "PreventRearrangement",
)
_BLOCK_FIELDS = ("PreventInheritance", "RefNonRuleId", "FinalAction")
# Content elements whose value names another unit or object of the package.
_IDREF_NAMES = frozenset(
    {"ArchiveUnitRefId", "DataObjectGroupReferenceId", "DataObjectReferenceId"}
)
_CLASSIFICATION_FIELDS = (
    "ClassificationAudience",
    "ClassificationLevel",
    "ClassificationOwner",
    "ClassificationReassessingDate",
    "NeedReassessingAuthorization",
)


class RulesLookup(Protocol):
    """What the import needs of a rules referential (``seda.referentials`` provides it)."""

    def get(self, identifier: str) -> Any: ...


class CsvError(Exception):
    """The CSV cannot be imported; ``findings`` lists every problem (errors and warnings)."""

    def __init__(self, findings: list[Finding]) -> None:
        findings = sorted(findings, key=lambda f: f.params.get("record") or 0)  # by row
        super().__init__(", ".join(f"{f.code}@{f.line}" for f in findings[:10]))
        self.findings = findings


@dataclass(slots=True)
class Row:
    record: int  # ReSIP's line number: the header is 1
    line: int  # text line where the row starts
    cells: list[str]


@dataclass(slots=True)
class Table:
    """A decoded CSV: header, data rows (blank ones dropped), how it was read."""

    path: str
    encoding: str
    separator: str
    header: list[str]
    rows: list[Row]


@dataclass(slots=True)
class CsvImport:
    """A whole package from a CSV, with the warnings (errors raise ``CsvError``)."""

    package: Package
    kind: str  # "metadata" or "tree"
    findings: list[Finding] = field(default_factory=list)
    rows: int = 0


@dataclass(slots=True)
class CsvExport:
    rows: int = 0
    columns: int = 0
    skipped: list[str] = field(default_factory=list)  # elements not written (extensions...)
    replaced: int = 0  # characters the chosen encoding cannot hold, written as "?"
    files_not_on_disk: int = 0  # objects read from a SIP: no path to write


# ---------------------------------------------------------------------------------------
# reading the table
# ---------------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Case- and accent-free form of a header name (``Série`` -> ``serie``)."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _unaccent(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def decode(raw: bytes) -> tuple[str, str] | None:
    """(text, encoding) of a CSV's bytes, or None when it is not text we can read."""
    if raw.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    try:
        return raw.decode(encoding), encoding
    except UnicodeDecodeError:
        if encoding != "utf-8":
            return None
    try:
        return raw.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return None


def detect_separator(text: str) -> str:
    """The most frequent of ``;``, ``,`` and tab on the header line (outside quotes)."""
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "\r\n":
            break
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda c: (counts[c], c == ";"))
    return best if counts[best] else ";"


def _error(
    path: str, code: str, line: int | None = None, record: int | None = None, **params: Any
) -> Finding:
    if record is not None:
        params["record"] = record
    return Finding(code, Severity.ERROR, path, params, line=line)


def _warning(
    path: str, code: str, line: int | None = None, record: int | None = None, **params: Any
) -> Finding:
    if record is not None:
        params["record"] = record
    return Finding(code, Severity.WARNING, path, params, line=line)


def _unprotect(cell: str) -> str:
    """Trimmed cell; ``'=...`` (a neutralised formula) back to ``=...``."""
    cell = cell.strip()
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@":
        return cell[1:]
    return cell


def read_table(path: str | os.PathLike[str]) -> Table:
    """Decode and split the CSV at ``path``; ``CsvError`` when it cannot be read."""
    shown = os.fspath(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise CsvError(
            [_error(shown, Code.REF_UNREADABLE, error=exc.strerror or str(exc))]
        ) from exc
    decoded = decode(raw)
    if decoded is None:
        raise CsvError([_error(shown, Code.CSV_ENCODING)])
    text, encoding = decoded
    separator = detect_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    header: list[str] | None = None
    rows: list[Row] = []
    record = 0
    start = 1
    try:
        for cells in reader:
            record += 1
            line, start = start, reader.line_num + 1
            if header is None:
                if not any(c.strip() for c in cells):
                    record -= 1  # blank lines before the header: not counted
                    continue
                header = [c.strip() for c in cells]
                continue
            if not any(c.strip() for c in cells):
                continue  # blank row (or a row of empty cells): skipped
            rows.append(Row(record, line, [_unprotect(c) for c in cells]))
    except csv.Error as exc:
        raise CsvError(
            [_error(shown, Code.CSV_SYNTAX, start, record + 1, detail=str(exc))]
        ) from exc
    if header is None:
        raise CsvError([_error(shown, Code.CSV_EMPTY)])
    while header and not header[-1]:
        header.pop()  # trailing empty header cells (a spreadsheet's extra separators)
    return Table(shown, encoding, separator, header, rows)


def table_kind(header: Sequence[str]) -> str:
    """ "metadata", "tree", "rules", "agencies" or "unknown", from a header row."""
    names = [fold(h) for h in header]
    found = set(names)
    if {"ruleid", "ruletype"} <= found:
        return "rules"
    if names[:2] == ["identifier", "name"]:
        return "agencies"
    if len(names) >= 5 and (
        {"nom", "cote"} <= found or ("cote" in found and any(n.startswith("serie") for n in names))
    ):
        return "tree"
    if names and names[0] in LEADING:
        return "metadata"
    return "unknown"


def sniff_kind(path: str | os.PathLike[str]) -> str:
    """The kind of CSV at ``path`` (see ``table_kind``), "unknown" when unreadable."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
    except OSError:
        return "unknown"
    decoded = decode(head) or (head.decode("utf-8", "replace"), "")
    text = decoded[0]
    try:
        first = next(csv.reader(io.StringIO(text, newline=""), delimiter=detect_separator(text)))
    except (StopIteration, csv.Error):
        return "unknown"
    return table_kind(first)


# ---------------------------------------------------------------------------------------
# header of a metadata CSV
# ---------------------------------------------------------------------------------------

Steps = tuple[tuple[str, int], ...]  # (canonical element name, rank) from Content down


@dataclass(slots=True)
class _Column:
    index: int
    name: str
    area: str  # "content", "attr" or "management"
    steps: Steps = ()
    kind: str = "text"
    category: str = ""
    field: str = ""
    rank: int = 0
    extension: bool = False  # not a SEDA element: kept as is, at the end of Content


@dataclass(slots=True)
class _Layout:
    keys: dict[str, int]  # folded leading name -> column index
    columns: list[_Column]


def _lookup(version: str, type_name: str, segment: str) -> content_schema.Child | None:
    wanted = fold(segment)
    for entry in content_schema.children(version, type_name):
        if fold(entry[0]) == wanted:
            return entry
    return None


def _content_column(
    index: int, name: str, segments: list[str], version: str, path: str
) -> _Column | Finding:
    """Resolve ``Writer.1.FullName`` (prefix removed) against the version's schema."""
    type_name = "Content"
    steps: list[tuple[str, int]] = []
    kind = "Content"
    leaf = False
    for position, segment in enumerate(segments):
        if segment.isdigit():
            if not steps:
                return _error(path, Code.CSV_UNKNOWN_COLUMN, 1, 1, column=name, version=version)
            element, _ = steps[-1]
            steps[-1] = (element, int(segment))
            parent_type = type_name if leaf else _parent_type(version, steps[:-1])
            entry = _lookup(version, parent_type, element)
            if int(segment) > 0 and entry is not None and not entry[1]:
                return _error(path, Code.CSV_NOT_REPEATABLE, 1, 1, column=name, element=element)
            continue
        if leaf:
            return _error(path, Code.CSV_UNKNOWN_COLUMN, 1, 1, column=name, version=version)
        if steps and not content_schema.children(version, type_name):
            # a group that takes any content (OrganizationDescriptiveMetadata...)
            free = _extension_column(index, name, segments[position:])
            return _Column(index, name, "content", (*steps, *free.steps), "text")
        entry = _lookup(version, type_name, segment)
        if entry is None:
            known_in = content_schema.known_anywhere(segment) if not steps else None
            suggestion = _closest(segment, content_schema.children(version, type_name))
            if known_in or suggestion or steps:
                return _error(
                    path,
                    Code.CSV_UNKNOWN_COLUMN,
                    1,
                    1,
                    column=name,
                    version=version,
                    known_in=known_in or "",
                    suggestion=suggestion,
                )
            # Not SEDA and not a near miss: an extension, kept (Vitam's schema takes any
            # element at the end of Content; ReSIP does the same).
            return _extension_column(index, name, segments)
        steps.append((entry[0], 0))
        kind = entry[2]
        if content_schema.is_complex(version, kind):
            type_name = kind
        else:
            leaf = True
    if not leaf:
        return _error(path, Code.CSV_NOT_LEAF, 1, 1, column=name)
    return _Column(index, name, "content", tuple(steps), kind)


def _extension_column(index: int, name: str, segments: list[str]) -> _Column:
    steps: list[tuple[str, int]] = []
    for segment in segments:
        if segment.isdigit() and steps:
            steps[-1] = (steps[-1][0], int(segment))
        else:
            steps.append((segment, 0))
    return _Column(index, name, "content", tuple(steps), "text", extension=True)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short names only)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _closest(segment: str, candidates: Sequence[content_schema.Child]) -> str:
    """The SEDA name ``segment`` is probably a typo of ("" when none is close): "Titre" ->
    "Title", "Descrption" -> "Description"."""
    wanted = fold(segment)
    if len(wanted) < 4:
        return ""
    best, best_distance = "", 3
    for name, _rep, _kind in candidates:
        distance = _distance(wanted, fold(name))
        if distance < best_distance:
            best, best_distance = name, distance
    return best


def _parent_type(version: str, steps: Sequence[tuple[str, int]]) -> str:
    type_name = "Content"
    for element, _rank in steps:
        entry = _lookup(version, type_name, element)
        if entry is None or not content_schema.is_complex(version, entry[2]):
            return type_name
        type_name = entry[2]
    return type_name


def _rule_fields(category: str) -> tuple[str, ...]:
    fields: tuple[str, ...] = _PER_RULE + _BLOCK_FIELDS
    if category == "HoldRule":
        fields += _HOLD_PER_RULE
    if category == "ClassificationRule":
        fields += _CLASSIFICATION_FIELDS
    return fields


def _management_column(index: int, name: str, segments: list[str], path: str) -> _Column | Finding:
    category = next((c for c in RULE_CATEGORIES if fold(c) == fold(segments[0])), None)
    if category is None or len(segments) < 2:
        return _error(path, Code.CSV_UNKNOWN_COLUMN, 1, 1, column=name, version="")
    field_name = next((f for f in _rule_fields(category) if fold(f) == fold(segments[1])), None)
    rank = 0
    rest = segments[2:]
    if len(rest) == 1 and rest[0].isdigit():
        rank = int(rest[0])
    elif rest:
        field_name = None
    if field_name is None or (field_name == "FinalAction" and category not in FINAL_ACTIONS):
        return _error(path, Code.CSV_BAD_RULE_FIELD, 1, 1, column=name, category=category)
    return _Column(index, name, "management", category=category, field=field_name, rank=rank)


def parse_header(
    header: Sequence[str], version: str, path: str = ""
) -> tuple[_Layout, list[Finding]]:
    """The leading block and the metadata columns of a metadata CSV's header."""
    findings: list[Finding] = []
    keys: dict[str, int] = {}
    for index, cell in enumerate(header[:4]):
        name = fold(cell)
        if name not in LEADING:
            break
        if name in keys:
            findings.append(_error(path, Code.CSV_DUPLICATE_COLUMN, 1, 1, column=cell))
        keys[name] = index
    if frozenset(keys) not in _BLOCKS:
        findings.append(
            _error(path, Code.CSV_BAD_HEADER, 1, 1, columns=list(header[: max(len(keys), 1)]))
        )
        return _Layout(keys, []), findings
    meta = list(enumerate(header))[len(keys) :]
    if not meta:
        findings.append(_error(path, Code.CSV_NO_METADATA, 1, 1))
        return _Layout(keys, []), findings
    first = fold(meta[0][1].split(".", 1)[0])
    prefixed = first in ("content", "management")
    columns: list[_Column] = []
    seen: dict[tuple[Any, ...], str] = {}
    previous: _Column | None = None
    for index, cell in meta:
        segments = [_unaccent(s.strip()) for s in cell.split(".")]
        bad = next((s for s in segments if not _SEGMENT.fullmatch(s)), None)
        if bad is not None:
            findings.append(_error(path, Code.CSV_BAD_TAG, 1, 1, column=cell, segment=bad))
            previous = None
            continue
        is_attr = fold(segments[-1]) == "attr"
        if is_attr:
            segments = segments[:-1]
            if not segments:  # bare "attr": the element of the column before
                if previous is None or previous.area != "content":
                    findings.append(_error(path, Code.CSV_ORPHAN_ATTR, 1, 1, column=cell))
                    continue
                column = _Column(index, cell, "attr", previous.steps, previous.kind)
                columns.append(column)
                continue
        area = "content"
        if prefixed:
            head = fold(segments[0])
            if head not in ("content", "management"):
                findings.append(_error(path, Code.CSV_MIXED_PREFIX, 1, 1, column=cell))
                continue
            area = head
            segments = segments[1:]
            if not segments:
                findings.append(_error(path, Code.CSV_NOT_LEAF, 1, 1, column=cell))
                continue
        if area == "management":
            if is_attr:
                findings.append(_error(path, Code.CSV_ORPHAN_ATTR, 1, 1, column=cell))
                continue
            result = _management_column(index, cell, segments, path)
        else:
            result = _content_column(index, cell, segments, version, path)
            if is_attr and isinstance(result, Finding) and result.code == Code.CSV_NOT_LEAF:
                # attributes may sit on a group element (e.g. Writer.attr)
                steps = _steps_of(segments, version)
                result = _Column(index, cell, "attr", steps) if steps else result
        if isinstance(result, Finding):
            findings.append(result)
            previous = None
            continue
        if is_attr:
            result.area = "attr"
        if result.extension and not is_attr:
            findings.append(
                Finding(
                    Code.CSV_EXTENSION_COLUMN,
                    Severity.WARNING,
                    path,
                    {"column": cell, "record": 1},
                    line=1,
                )
            )
        key: tuple[Any, ...] = (
            (result.area, result.steps)
            if result.area != "management"
            else (result.category, result.field, result.rank)
        )
        if key in seen:
            findings.append(_error(path, Code.CSV_DUPLICATE_COLUMN, 1, 1, column=cell))
            continue
        seen[key] = cell
        columns.append(result)
        previous = result
    if prefixed and not any(c.area != "management" for c in columns) and not findings:
        findings.append(_error(path, Code.CSV_NO_CONTENT, 1, 1))
    return _Layout(keys, columns), findings


def _steps_of(segments: list[str], version: str) -> Steps:
    """Steps of a group element path (for ``X.attr`` on a group), () when unknown."""
    type_name = "Content"
    steps: list[tuple[str, int]] = []
    for segment in segments:
        if segment.isdigit() and steps:
            steps[-1] = (steps[-1][0], int(segment))
            continue
        entry = _lookup(version, type_name, segment)
        if entry is None:
            return ()
        steps.append((entry[0], 0))
        type_name = entry[2]
    return tuple(steps)


# ---------------------------------------------------------------------------------------
# values
# ---------------------------------------------------------------------------------------


def _as_day(value: str) -> date | None:
    match = _FR_DATE.match(value)
    try:
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
        if _ISO_DAY.match(value):
            return date.fromisoformat(value)
    except ValueError:
        return None
    return None


def _as_datetime(value: str) -> datetime | None:
    if "T" not in value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def normalise_value(value: str, kind: str, element: str) -> tuple[str, str]:
    """(text to write, "") for a valid cell; ("", why) when it does not fit the element's
    XSD kind or Vitam's ontology type (why: "date", "integer", "level"...)."""
    ontology = content_schema.ONTOLOGY_TYPES.get(element, "")
    if kind in ("date", "day", "datetime") or ontology == "DATE":
        day = _as_day(value)
        if day is not None:
            if kind == "datetime":
                return datetime(day.year, day.month, day.day).isoformat(), ""
            return day.isoformat(), ""
        moment = _as_datetime(value)
        if moment is not None and kind != "day":
            return value, ""
        if element in ("StartDate", "EndDate") and _PARTIAL.match(value):
            return value, ""  # a year or a month: the reader takes the period's bound
        return "", "date"
    if kind == "int" or ontology == "LONG":
        return (value, "") if re.fullmatch(r"[+-]?\d+", value) else ("", "integer")
    if ontology == "DOUBLE":
        try:
            float(value)
        except ValueError:
            return "", "decimal"
        return value, ""
    if kind == "bool" or ontology == "BOOLEAN":
        parsed = _as_bool(value)
        return ("", "boolean") if parsed is None else ("true" if parsed else "false", "")
    if element in ("Language", "DescriptionLanguage"):  # xsd:language
        return (value, "") if _LANGUAGE.fullmatch(value) else ("", "language")
    if element == "DescriptionLevel":
        level = _LEVELS.get(value) or _LEVELS.get(fold(value))
        return ("", "level") if level is None else (level, "")
    if element == "KeywordType":
        kw = value if value in KEYWORD_TYPES else _KEYWORD_TYPES.get(fold(value))
        return ("", "keyword_type") if kw is None else (kw, "")
    return value, ""


_LEVELS = {lv.value: lv.value for lv in DescriptionLevel} | {
    fold(lv.value): lv.value for lv in DescriptionLevel
}
_KEYWORD_TYPES = {fold(k): k for k in KEYWORD_TYPES}


def _as_bool(value: str) -> bool | None:
    folded = fold(value)
    if folded in ("true", "1", "oui", "vrai", "yes"):
        return True
    if folded in ("false", "0", "non", "faux", "no"):
        return False
    return None


# ---------------------------------------------------------------------------------------
# metadata CSV import
# ---------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Node:
    """One element of a row's Content while it is built (children by (name, rank))."""

    text: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    children: dict[tuple[str, int], _Node] = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class _Pending:
    row: Row
    unit: ArchiveUnit
    key: str
    parent: str


def _build(
    node: _Node,
    tag: str,
    ns: str,
    version: str,
    type_name: str,
    parent: etree._Element | None = None,
) -> etree._Element:
    """The element for ``node`` (children in the XSD's order, then by rank), made as a
    sub-element of ``parent`` when given (one lxml document per row: much faster)."""
    qname = f"{{{ns}}}{tag}"
    el = etree.Element(qname) if parent is None else etree.SubElement(parent, qname)
    for name, value in node.attrs.items():
        el.set(name, value)
    if node.text is not None:
        el.text = node.text
    if not node.children:
        return el
    order, kinds = _type_table(version, type_name)
    last = len(order)
    items = sorted(
        node.children.items(), key=lambda item: (order.get(item[0][0], last), item[0][1])
    )
    for (name, _rank), child in items:
        _build(child, name, ns, version, kinds.get(name, ""), el)
    return el


@functools.lru_cache(maxsize=256)
def _type_table(version: str, type_name: str) -> tuple[dict[str, int], dict[str, str]]:
    """(position, kind) of each child of ``type_name`` in ``version`` (cached)."""
    children = content_schema.children(version, type_name)
    return (
        {name: i for i, (name, _r, _k) in enumerate(children)},
        {name: kind for name, _r, kind in children},
    )


def _parse_attrs(value: str) -> dict[str, str] | None:
    """``xml:lang="fr" a="b"`` -> {"{xml}lang": "fr", "a": "b"}; None when malformed."""
    out: dict[str, str] = {}
    pos = 0
    while pos < len(value):
        match = _ATTR.match(value, pos)
        if match is None or match.end() == pos:
            return None
        name = match[1]
        if name == "lang":  # ReSIP's samples write lang="fr" for xml:lang="fr"
            name = "xml:lang"
        if ":" in name:
            prefix, local = name.split(":", 1)
            if prefix != "xml":
                return None
            name = f"{{{_XML_NS}}}{local}"
        out[name] = match[2]
        pos = match.end()
    return out


def _resolve_file(folder: Path, cell: str) -> Path:
    text = cell.replace("\\", "/") if os.sep == "/" else cell
    candidate = Path(text)
    return candidate if candidate.is_absolute() else folder / candidate


def _object_for(path: Path, st: os.stat_result) -> BinaryObject:
    name = path.name
    version = "BinaryMaster_1"
    match = _USAGE_NAME.match(name)
    if match:  # ReSIP's disk convention: __Usage_Version__name
        version, name = f"{match[1]}_{match[2]}", match[3]
    return BinaryObject(
        source=os.path.abspath(path),
        filename=name,
        size=st.st_size,
        last_modified=datetime.fromtimestamp(st.st_mtime, tz=UTC).astimezone(),
        version=version,
    )


class _MetadataImport:
    def __init__(
        self,
        table: Table,
        layout: _Layout,
        version: str,
        rules: RulesLookup | None,
    ) -> None:
        self.table = table
        self.path = table.path
        self.layout = layout
        self.version = version
        self.ns = NAMESPACES[version]
        self.rules = rules
        self.folder = Path(table.path).resolve().parent
        self.findings: list[Finding] = []
        self.missing: list[tuple[Row, str, str]] = []  # (row, column, file as written)
        self.found_any = False  # some File/ObjectFiles path exists

    def err(self, row: Row, code: str, **params: Any) -> None:
        self.findings.append(_error(self.path, code, row.line, row.record, **params))

    def warn(self, row: Row, code: str, **params: Any) -> None:
        self.findings.append(_warning(self.path, code, row.line, row.record, **params))

    def cell(self, row: Row, key: str) -> str:
        index = self.layout.keys.get(key)
        return row.cells[index] if index is not None else ""

    # -- one row ------------------------------------------------------------------------
    def objects(self, row: Row) -> list[BinaryObject]:
        keys = self.layout.keys
        column = "objectfiles" if "objectfiles" in keys else "file"
        value = self.cell(row, column)
        if not value:
            return []
        names = [v.strip() for v in value.split("|")] if column == "objectfiles" else [value]
        objects = []
        for name in names:
            if not name:
                continue
            path = _resolve_file(self.folder, name)
            try:
                st = path.stat()
            except OSError:
                self.missing.append((row, self.table.header[keys[column]], name))
                continue
            self.found_any = True
            if path.is_dir():
                if column == "objectfiles":
                    self.err(row, Code.CSV_NOT_A_FILE, column="ObjectFiles", file=name)
                continue  # File naming a folder: a unit without object, as in ReSIP
            objects.append(_object_for(path, st))
        return objects

    def row_unit(self, row: Row) -> ArchiveUnit | None:
        before = len(self.findings)
        content = _Node()
        blocks: dict[str, dict[tuple[str, int], str]] = {}
        for column in self.layout.columns:
            value = row.cells[column.index]
            if not value:
                continue
            if column.area == "management":
                checked = self.rule_value(row, column, value)
                if checked is not None:
                    blocks.setdefault(column.category, {})[(column.field, column.rank)] = checked
                continue
            node = content
            for step in column.steps:
                node = node.children.setdefault(step, _Node())
            if column.area == "attr":
                attrs = _parse_attrs(value)
                if attrs is None:
                    self.err(row, Code.CSV_BAD_ATTR, column=column.name, value=value)
                else:
                    node.attrs.update(attrs)
                continue
            element = column.steps[-1][0]
            text, refused = normalise_value(value, column.kind, element)
            if refused:
                self.err(row, Code.CSV_BAD_VALUE, column=column.name, value=value, kind=refused)
                continue
            node.text = text
        objects = self.objects(row)
        if len(self.findings) > before and any(
            f.severity == Severity.ERROR for f in self.findings[before:]
        ):
            return None
        _prune(content)
        unit = ArchiveUnit(title="")
        built = _build(content, "Content", self.ns, self.version, "Content")
        read_content(built, unit)
        if not any(step[0] == "DescriptionLevel" for step in content.children):
            unit.level = DescriptionLevel.ITEM if objects else DescriptionLevel.RECORD_GRP
        if not unit.title.strip() and self.cell(row, "file"):
            # no Title: the file or folder's name, as a scan would title it
            unit.title = self.cell(row, "file").replace("\\", "/").rstrip("/").rpartition("/")[2]
        unit.objects = objects
        for category, values in blocks.items():
            unit.management.rules[category] = self.rule_block(row, category, values)
        return unit

    def rule_value(self, row: Row, column: _Column, value: str) -> str | None:
        name = column.field
        if name in (
            "StartDate",
            "HoldEndDate",
            "HoldReassessingDate",
            "ClassificationReassessingDate",
        ):
            day = _as_day(value)
            if day is None:
                self.err(row, Code.CSV_BAD_VALUE, column=column.name, value=value, kind="date")
                return None
            return day.isoformat()
        if name in ("PreventInheritance", "PreventRearrangement", "NeedReassessingAuthorization"):
            parsed = _as_bool(value)
            if parsed is None:
                self.err(row, Code.CSV_BAD_VALUE, column=column.name, value=value, kind="boolean")
                return None
            return "true" if parsed else "false"
        if name == "FinalAction":
            allowed = FINAL_ACTIONS.get(column.category, ())
            action = next((a for a in allowed if fold(a) == fold(value)), None)
            if action is None:
                self.err(
                    row,
                    Code.CSV_BAD_VALUE,
                    column=column.name,
                    value=value,
                    kind="final_action",
                    allowed=list(allowed),
                )
            return action
        if name == "Rule" and self.rules is not None:
            known = self.rules.get(value)
            if known is None:
                self.err(row, Code.CSV_UNKNOWN_RULE, column=column.name, rule_id=value)
                return None
            actual = getattr(known, "rule_type", column.category)
            if actual and actual != column.category:
                self.err(
                    row,
                    Code.CSV_RULE_CATEGORY,
                    column=column.name,
                    rule_id=value,
                    category=column.category,
                    actual=actual,
                )
                return None
        return value

    def rule_block(
        self, row: Row, category: str, values: dict[tuple[str, int], str]
    ) -> RuleCategory:
        block = RuleCategory(category)
        ranks = sorted({rank for (name, rank) in values if name in _PER_RULE + _HOLD_PER_RULE})
        for rank in ranks:
            rule_id = values.get(("Rule", rank), "")
            if not rule_id:
                self.err(
                    row,
                    Code.CSV_BAD_VALUE,
                    column=f"{category}.Rule.{rank}",
                    value="",
                    kind="rule_missing",
                )
                continue
            rule = Rule(rule_id)
            start = values.get(("StartDate", rank))
            rule.start_date = date.fromisoformat(start) if start else None
            if category == "HoldRule":
                end = values.get(("HoldEndDate", rank))
                rule.hold_end_date = date.fromisoformat(end) if end else None
                reassess = values.get(("HoldReassessingDate", rank))
                rule.hold_reassessing_date = date.fromisoformat(reassess) if reassess else None
                rule.hold_owner = values.get(("HoldOwner", rank), "")
                rule.hold_reason = values.get(("HoldReason", rank), "")
                prevent = values.get(("PreventRearrangement", rank))
                rule.prevent_rearrangement = None if prevent is None else prevent == "true"
            block.rules.append(rule)
        block.prevent_inheritance = values.get(("PreventInheritance", 0)) == "true"
        block.ref_non_rule_ids = [
            v
            for (name, _rank), v in sorted(values.items(), key=lambda kv: kv[0][1])
            if name == "RefNonRuleId"
        ]
        block.final_action = values.get(("FinalAction", 0), "")
        block.classification_audience = values.get(("ClassificationAudience", 0), "")
        block.classification_level = values.get(("ClassificationLevel", 0), "")
        block.classification_owner = values.get(("ClassificationOwner", 0), "")
        when = values.get(("ClassificationReassessingDate", 0))
        block.classification_reassessing_date = date.fromisoformat(when) if when else None
        need = values.get(("NeedReassessingAuthorization", 0))
        block.need_reassessing_authorization = None if need is None else need == "true"
        return block

    # -- the whole table ----------------------------------------------------------------
    def run(self, progress: Progress | None) -> CsvImport:
        keys = self.layout.keys
        width = len(self.table.header)
        pending: list[_Pending] = []
        total = len(self.table.rows)
        for n, row in enumerate(self.table.rows):
            if progress is not None and n % 500 == 0:
                check(progress)
                progress.report(n, total, "")
            cells = row.cells
            while len(cells) > width and not cells[-1]:
                cells.pop()  # separators after the last column, as spreadsheets add
            if len(cells) != width:
                self.err(row, Code.CSV_FIELD_COUNT, expected=width, found=len(cells))
                continue
            unit = self.row_unit(row)
            if unit is None:
                continue
            if "id" in keys:
                key = self.cell(row, "id")
                parent = self.cell(row, "parentid" if "parentid" in keys else "parentfile")
            else:
                file_cell = self.cell(row, "file")
                key = (
                    os.path.normpath(_resolve_file(self.folder, file_cell))
                    if file_cell
                    else f"#row{row.record}"
                )
                if "parentfile" in keys:
                    parent_cell = self.cell(row, "parentfile")
                    parent = (
                        os.path.normpath(_resolve_file(self.folder, parent_cell))
                        if parent_cell
                        else ""
                    )
                else:
                    parent = os.path.dirname(key) if file_cell else ""
            file_cell = self.cell(row, "file")
            unit.source = (
                os.path.abspath(_resolve_file(self.folder, file_cell)) if file_cell else ""
            )
            pending.append(_Pending(row, unit, key, parent))
        self.missing_files()
        if any(f.severity == Severity.ERROR for f in self.findings):
            raise CsvError(self.findings)
        roots = self.link(pending, explicit="parentid" in keys or "parentfile" in keys)
        self.resolve_references(pending)
        if any(f.severity == Severity.ERROR for f in self.findings):
            raise CsvError(self.findings)
        package = Package(roots=roots, seda_version=self.version)
        return CsvImport(package, "metadata", self.findings, len(pending))

    def missing_files(self) -> None:
        """Files named but not found: each is an error when the table came with its
        files (some were found); when none of them is there, the table describes without
        its files (ReSIP's own samples travel so): one warning, units without objects."""
        if not self.missing:
            return
        if self.found_any:
            for row, column, name in self.missing:
                self.err(row, Code.CSV_FILE_MISSING, column=column, file=name)
            return
        row, _column, name = self.missing[0]
        self.findings.append(
            _warning(self.path, Code.CSV_FILES_ABSENT, count=len(self.missing), file=name)
        )

    def resolve_references(self, pending: list[_Pending]) -> None:
        """A cell naming another unit (ArchiveUnitRefId, DataObjectGroupReferenceId,
        DataObjectReferenceId...) holds that row's key: turn it into the id the manifest
        will give; a key no row has is refused (the SAE would refuse the dangling id)."""
        by_key = {p.key: p.unit for p in pending}
        for item in pending:
            more = item.unit.more
            if more is None:
                continue
            for i, text in enumerate(more.raw_content):
                if not any(name in text for name in _IDREF_NAMES):
                    continue
                el = etree.fromstring(text)
                for node in el.iter():
                    name = etree.QName(node).localname if isinstance(node.tag, str) else ""
                    if name not in _IDREF_NAMES:
                        continue
                    value = (node.text or "").strip()
                    target = by_key.get(value)
                    new = None
                    if target is not None:
                        if name == "ArchiveUnitRefId":
                            new = f"AU{target.uid}"
                        elif target.objects and name == "DataObjectGroupReferenceId":
                            new = f"GOT{target.uid}"
                        elif target.objects:
                            new = f"BDO{target.objects[0].uid}"
                    if new is None:
                        self.err(item.row, Code.CSV_BAD_REFERENCE, element=name, value=value)
                    else:
                        node.text = new
                more.raw_content[i] = str(etree.tostring(el, encoding="unicode"))

    def link(self, pending: list[_Pending], *, explicit: bool) -> list[ArchiveUnit]:
        by_key: dict[str, _Pending] = {}
        for item in pending:
            if not item.key:
                item.key = f"#row{item.row.record}"
            first = by_key.get(item.key)
            if first is not None:
                self.warn(
                    item.row, Code.CSV_DUPLICATE_KEY, key=item.key, first_line=first.row.record
                )
            by_key[item.key] = item  # the later row wins, as in ReSIP
        kept = [p for p in pending if by_key.get(p.key) is p]
        parent_of: dict[str, str] = {}
        for item in kept:
            parent = item.parent
            if not parent or parent == item.key:
                continue
            if parent not in by_key:
                if explicit:
                    self.warn(item.row, Code.CSV_UNKNOWN_PARENT, parent=parent)
                continue
            parent_of[item.key] = parent
        # cycles: follow each chain; a unit meeting itself is refused
        state: dict[str, int] = {}
        for start in parent_of:
            chain = []
            key: str | None = start
            while key is not None and state.get(key, 0) == 0:
                state[key] = 1
                chain.append(key)
                key = parent_of.get(key)
            if key is not None and state.get(key) == 1:
                self.err(by_key[key].row, Code.CSV_CYCLE, key=key)
            for k in chain:
                state[k] = 2
        roots: list[ArchiveUnit] = []
        for item in kept:
            parent_key = parent_of.get(item.key)
            if parent_key is None:
                roots.append(item.unit)
            else:
                by_key[parent_key].unit.add(item.unit)
        return roots


def _prune(node: _Node) -> bool:
    """Drop empty subtrees (ReSIP leaves out an element with nothing in it); True if
    ``node`` holds something."""
    for key in list(node.children):
        if not _prune(node.children[key]):
            del node.children[key]
    return node.text is not None or bool(node.children) or bool(node.attrs)


# ---------------------------------------------------------------------------------------
# tree CSV import
# ---------------------------------------------------------------------------------------


def _import_tree(table: Table) -> CsvImport:
    """ReSIP's tree CSV by position (id, nom, observations, cote, série): a filing plan."""
    path = table.path
    findings: list[Finding] = []
    nodes: list[tuple[Row, ArchiveUnit, str, str]] = []  # row, unit, full cotation, serie
    for row in table.rows:
        cells = row.cells
        if len(cells) < 5:
            findings.append(
                _error(path, Code.CSV_TREE_FIELDS, row.line, row.record, found=len(cells))
            )
            continue
        ident, title, note, suffix, serie = cells[:5]
        if not title:
            findings.append(_error(path, Code.CSV_TREE_EMPTY_TITLE, row.line, row.record, id=ident))
        if not suffix:
            findings.append(
                _error(path, Code.CSV_TREE_EMPTY_SUFFIX, row.line, row.record, id=ident)
            )
        if not title or not suffix:
            continue
        full = serie + suffix
        unit = ArchiveUnit(
            title=title,
            level=DescriptionLevel.SUBSERIES if serie else DescriptionLevel.SERIES,
            description=note,
            originating_ids=[full],
        )
        nodes.append((row, unit, full, serie))
    if not findings and nodes and not any(not serie for _r, _u, _f, serie in nodes):
        raise CsvError([_error(path, Code.CSV_TREE_NO_SERIES)])
    by_full: dict[str, ArchiveUnit] = {}
    for _row, unit, full, _serie in nodes:
        by_full.setdefault(full, unit)
    roots: list[ArchiveUnit] = []
    for row, unit, _full, serie in nodes:
        if not serie:
            roots.append(unit)
            continue
        parent = by_full.get(serie)
        if parent is None or parent is unit or any(a is unit for a in parent.ancestors()):
            findings.append(
                _error(
                    path, Code.CSV_TREE_ORPHAN, row.line, row.record, id=row.cells[0], serie=serie
                )
            )
            continue
        parent.add(unit)
    if not table.rows:
        findings.append(_error(path, Code.CSV_EMPTY))
    if any(f.severity == Severity.ERROR for f in findings):
        raise CsvError(findings)
    return CsvImport(Package(roots=roots), "tree", findings, len(nodes))


# ---------------------------------------------------------------------------------------
# entry points
# ---------------------------------------------------------------------------------------


def import_csv(
    path: str | os.PathLike[str],
    *,
    version: str = "2.1",
    rules: RulesLookup | None = None,
    progress: Progress | None = None,
) -> CsvImport:
    """Read a ReSIP metadata CSV or tree CSV into a package (objects not yet hashed nor
    identified: see ``identify``). ``CsvError`` lists every problem when it is refused."""
    table = read_table(path)
    kind = table_kind(table.header)
    if kind == "tree":
        result = _import_tree(table)
        result.package.seda_version = version
        return result
    if kind in ("rules", "agencies"):
        raise CsvError(
            [_error(table.path, Code.CSV_BAD_HEADER, 1, 1, columns=table.header[:3], kind=kind)]
        )
    layout, findings = parse_header(table.header, version, table.path)
    if any(f.severity == Severity.ERROR for f in findings):
        raise CsvError(findings)
    if not table.rows:
        raise CsvError([_error(table.path, Code.CSV_EMPTY)])
    importer = _MetadataImport(table, layout, version, rules)
    importer.findings.extend(findings)  # warnings (extension columns)
    return importer.run(progress)


def identify(
    package: Package,
    *,
    engine: str = "siegfried",
    workers: int | None = None,
    progress: Progress | None = None,
) -> tuple[str, list[Finding]]:
    """Hash and identify the package's files as a scan does (``seda.scan.analyse``);
    returns (signature version, findings)."""
    from seda.scan import analyse, apply_results

    objects_by_uid: dict[int, BinaryObject] = {}
    unit_of: dict[int, int] = {}
    for unit, obj in package.objects():
        objects_by_uid[obj.uid] = obj
        unit_of[obj.uid] = unit.uid
    findings: list[Finding] = []
    analysis = analyse(
        list(objects_by_uid.values()), engine=engine, workers=workers, progress=progress
    )
    try:
        for batch in analysis:
            findings.extend(apply_results(objects_by_uid, batch, unit_of=unit_of))
    finally:
        analysis.close()
    return analysis.signature_version, findings


# ---------------------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------------------


def _flatten(
    el: etree._Element,
    version: str,
    type_name: str,
    prefix: tuple[tuple[str, int], ...],
    out: dict[tuple[tuple[str, int], ...], str],
    attrs: dict[tuple[tuple[str, int], ...], str],
    skipped: list[str],
) -> None:
    counts: dict[str, int] = {}
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        qname = etree.QName(child)
        name = qname.localname
        entry = content_schema.child(version, type_name, name)
        if qname.namespace not in (None, NAMESPACES[version]):
            skipped.append(name)  # another namespace: no column can name it
            continue
        rank = counts.get(name, 0)
        counts[name] = rank + 1
        steps = (*prefix, (name, rank))
        if child.attrib:
            attrs[steps] = " ".join(f'{_attr_name(k)}="{v}"' for k, v in child.attrib.items())
        kind = entry[2] if entry is not None else ""
        if content_schema.is_complex(version, kind) or (entry is None and len(child)):
            # a SEDA group, or an extension element with children (kept as columns)
            _flatten(child, version, kind, steps, out, attrs, skipped)
        elif child.text and child.text.strip():
            out[steps] = child.text


def _attr_name(name: str) -> str:
    return "xml:" + name.split("}", 1)[1] if name.startswith(f"{{{_XML_NS}}}") else name


def _step_key(version: str, steps: Steps) -> tuple[Any, ...]:
    key: list[Any] = []
    type_name = "Content"
    for name, rank in steps:
        order = [n for n, _r, _k in content_schema.children(version, type_name)]
        key += [order.index(name) if name in order else len(order), rank]
        entry = content_schema.child(version, type_name, name)
        type_name = entry[2] if entry is not None else ""
    return tuple(key)


def _rule_cells(unit: ArchiveUnit, version: str) -> dict[tuple[str, str, int], str]:
    cells: dict[tuple[str, str, int], str] = {}
    for category in RULE_CATEGORIES:
        block = unit.management.rules.get(category)
        if block is None:
            continue
        for rank, rule in enumerate(block.rules):
            cells[(category, "Rule", rank)] = rule.rule_id
            if rule.start_date is not None:
                cells[(category, "StartDate", rank)] = rule.start_date.isoformat()
            if category == "HoldRule":
                for name, value in (
                    ("HoldEndDate", rule.hold_end_date),
                    ("HoldOwner", rule.hold_owner),
                    ("HoldReassessingDate", rule.hold_reassessing_date),
                    ("HoldReason", rule.hold_reason),
                    ("PreventRearrangement", rule.prevent_rearrangement),
                ):
                    text = _cell_text(value)
                    if text:
                        cells[(category, name, rank)] = text
        if block.prevent_inheritance:
            cells[(category, "PreventInheritance", 0)] = "true"
        for rank, ref in enumerate(block.ref_non_rule_ids):
            cells[(category, "RefNonRuleId", rank)] = ref
        for name, value in (
            ("FinalAction", block.final_action),
            ("ClassificationAudience", block.classification_audience),
            ("ClassificationLevel", block.classification_level),
            ("ClassificationOwner", block.classification_owner),
            ("ClassificationReassessingDate", block.classification_reassessing_date),
            ("NeedReassessingAuthorization", block.need_reassessing_authorization),
        ):
            text = _cell_text(value)
            if text:
                cells[(category, name, 0)] = text
    return cells


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _rule_key(key: tuple[str, str, int]) -> tuple[Any, ...]:
    category, name, rank = key
    per_rule = _PER_RULE + _HOLD_PER_RULE
    if name in per_rule:
        return (RULE_CATEGORIES.index(category), 0, rank, per_rule.index(name))
    others = _BLOCK_FIELDS + _CLASSIFICATION_FIELDS
    return (RULE_CATEGORIES.index(category), 1, others.index(name), rank)


def _relative(source: str, base: Path) -> str:
    if not source or source.startswith("zip:"):
        return ""
    try:
        rel = os.path.relpath(source, base)
    except ValueError:  # another Windows drive
        return source
    return rel.replace(os.sep, "/")


def package_table(
    package: Package,
    base: Path,
    *,
    version: str | None = None,
    progress: Progress | None = None,
) -> tuple[list[str], list[list[str]], CsvExport]:
    """The extended-format header and rows for ``package`` (paths relative to ``base``).

    Reports units done / total to ``progress`` and honours its cancel (``Cancelled``)."""
    version = version or package.seda_version
    report = CsvExport()
    units = list(package.walk())
    ids = {unit.uid: f"ID{n}" for n, unit in enumerate(units, start=1)}
    # references between units/objects (RelatedObjectReference...) become the rows' ids
    refs: dict[str, str] = {}
    for unit in units:
        refs[f"AU{unit.uid}"] = refs[f"GOT{unit.uid}"] = ids[unit.uid]
        if unit.objects:
            refs[f"BDO{unit.objects[0].uid}"] = ids[unit.uid]
    content_cells: list[dict[Steps, str]] = []
    attr_cells: list[dict[Steps, str]] = []
    rule_cells: list[dict[tuple[str, str, int], str]] = []
    max_rank: dict[Steps, int] = {}  # step path without rank -> highest rank seen
    for done, unit in enumerate(units):
        if progress is not None and done % 500 == 0:
            check(progress)
            progress.report(done, len(units))
        values: dict[Steps, str] = {}
        attrs: dict[Steps, str] = {}
        _flatten(
            content_element(unit, version), version, "Content", (), values, attrs, report.skipped
        )
        for steps, value in values.items():
            if steps[-1][0] in _IDREF_NAMES:
                values[steps] = refs.get(value.strip(), value)
        if unit.more is not None:
            report.skipped.extend(
                etree.QName(etree.fromstring(raw)).localname for raw in unit.more.raw_management
            )
        content_cells.append(values)
        attr_cells.append(attrs)
        rules = _rule_cells(unit, version)
        rule_cells.append(rules)
        for steps in (*values, *attrs):
            for depth in range(len(steps)):
                path = tuple((n, 0) for n, _r in steps[: depth + 1])
                max_rank[path] = max(max_rank.get(path, 0), steps[depth][1])
        for category, name, rank in rules:
            path = ((category, 0), (name, 0))
            max_rank[path] = max(max_rank.get(path, 0), rank)
    # first-seen order (dicts, not sets): columns the schema does not order (extensions)
    # keep the order they were met in, the same on every run
    keys: dict[tuple[str, Steps], None] = dict.fromkeys(
        [("v", s) for cells in content_cells for s in cells]
        + [("a", s) for cells in attr_cells for s in cells]
    )
    content_keys = sorted(
        keys,
        key=lambda k: (_step_key(version, k[1]), k[0] == "a"),
    )
    rule_keys = sorted(dict.fromkeys(k for cells in rule_cells for k in cells), key=_rule_key)

    def column_name(steps: Steps) -> str:
        parts = []
        for depth, (name, rank) in enumerate(steps):
            parts.append(name)
            path = tuple((n, 0) for n, _r in steps[: depth + 1])
            if max_rank.get(path, 0) > 0:
                parts.append(str(rank))
        return ".".join(parts)

    header = list(EXTENDED_HEADER)
    header += [
        "Content." + column_name(steps) + (".attr" if kind == "a" else "")
        for kind, steps in content_keys
    ]
    for category, name, rank in rule_keys:
        suffix = f".{rank}" if max_rank.get(((category, 0), (name, 0)), 0) > 0 else ""
        header.append(f"Management.{category}.{name}{suffix}")
    rows: list[list[str]] = []
    for unit, values, attrs, rules in zip(
        units, content_cells, attr_cells, rule_cells, strict=True
    ):
        files = [_relative(obj.source, base) for obj in unit.objects]
        report.files_not_on_disk += sum(1 for f in files if not f)
        files = [f for f in files if f]
        if len(files) == 1 and len(unit.objects) == 1:
            file_cell = files[0]
        else:
            file_cell = (
                _relative(unit.source, base) if unit.source and os.path.isdir(unit.source) else ""
            )
        row = [
            ids[unit.uid],
            ids[unit.parent.uid] if unit.parent is not None else "",
            file_cell,
            "|".join(files),
        ]
        row += [(attrs if kind == "a" else values).get(steps, "") for kind, steps in content_keys]
        row += [rules.get(key, "") for key in rule_keys]
        rows.append(row)
    report.rows, report.columns = len(rows), len(header)
    return header, rows, report


def _quote(cell: str, neutralise: bool) -> str:
    if neutralise and cell.startswith(_FORMULA_START):
        cell = "'" + cell
    return '"' + cell.replace('"', '""') + '"'


def export_csv(
    package: Package,
    dest: str | os.PathLike[str],
    *,
    encoding: str = "utf-8-sig",
    neutralise: bool = False,
    version: str | None = None,
    base: Path | None = None,
    progress: Progress | None = None,
) -> CsvExport:
    """Write ``package`` as ReSIP's extended metadata CSV at ``dest`` (atomic).

    ``encoding``: "utf-8-sig" (UTF-8 with BOM, what Excel needs to see accents) or
    "cp1252"; characters it cannot hold are written "?" and counted. ``neutralise``
    prefixes cells starting with ``= + - @`` with ``'`` so a spreadsheet shows them as
    text (off by default: the data stays faithful). Paths are relative to ``base``
    (default: ``dest``'s folder). Raises ``OSError`` when it cannot be written, and
    ``Cancelled`` (nothing written) when ``progress`` is cancelled.
    """
    target = Path(dest)
    header, rows, report = package_table(
        package, base or target.resolve().parent, version=version, progress=progress
    )
    lines = [";".join(header)]
    for row in rows:
        lines.append(
            ";".join(
                _quote(cell, neutralise) if (cell or i < 4) else "" for i, cell in enumerate(row)
            )
        )
    text = "\r\n".join(lines) + "\r\n"
    data = text.encode(encoding, errors="replace")
    if encoding.replace("-", "").lower() not in ("utf8sig", "utf8"):
        report.replaced = sum(1 for c in text if not _encodable(c, encoding))
    with atomic_file(target) as out:
        out.write(data)
    return report


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


__all__ = [
    "CsvError",
    "CsvExport",
    "CsvImport",
    "KEYWORD_TYPES",
    "Table",
    "decode",
    "detect_separator",
    "export_csv",
    "fold",
    "identify",
    "import_csv",
    "normalise_value",
    "package_table",
    "parse_header",
    "read_table",
    "sniff_kind",
    "table_kind",
]
