"""Findings: problems and remarks as coded objects, never sentences.

`seda` emits ``Finding(code, severity, path, params)``; the CLI and the UI turn codes into
French (or English) text with ``app.messages``. Codes are stable strings, listed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    INFO = "info"  # worth knowing, nothing to do
    WARNING = "warning"  # the SAE accepts it, but the user should look
    ERROR = "error"  # the SAE would refuse the package / the file is not in it


class Code(StrEnum):
    # scan
    UNREADABLE = "scan.unreadable"  # params: error
    BROKEN_LINK = "scan.broken_link"  # params: target
    LINK_OUTSIDE = "scan.link_outside"  # params: target
    LINK_LOOP = "scan.link_loop"  # params: target
    SHORTCUT = "scan.windows_shortcut"
    SPECIAL_FILE = "scan.special_file"  # params: kind
    EMPTY_FOLDER = "scan.empty_folder"
    EMPTY_FILE = "scan.empty_file"
    EXCLUDED = "scan.excluded"  # params: pattern
    ODD_NAME = "scan.odd_name"  # params: reason
    UNKNOWN_FORMAT = "scan.unknown_format"  # params: mime
    IDENTIFY_ERROR = "scan.identify_error"  # params: error
    CHANGED_DURING_SCAN = "scan.changed"
    NOT_FOUND = "scan.not_found"
    # export
    SOURCE_CHANGED = "export.source_changed"  # params: expected, actual
    SOURCE_MISSING = "export.source_missing"
    DISK_FULL = "export.disk_full"
    # referentials
    REF_NOT_CSV = "ref.not_csv"
    REF_ENCODING = "ref.encoding"
    REF_HEADER = "ref.header"  # params: missing, extra
    REF_FIELD_COUNT = "ref.field_count"  # params: expected, found
    REF_EMPTY_LINE = "ref.empty_line"
    REF_EMPTY_FIELD = "ref.empty_field"  # params: field
    REF_DUPLICATE_ID = "ref.duplicate_id"  # params: id, first_line
    REF_BAD_RULE_TYPE = "ref.bad_rule_type"  # params: value
    REF_BAD_DURATION = "ref.bad_duration"  # params: value
    REF_BAD_MEASUREMENT = "ref.bad_measurement"  # params: value
    REF_DURATION_LIMIT = "ref.duration_limit"  # params: value, measurement, limit
    REF_HOLD_INCOMPLETE = "ref.hold_incomplete"  # params: missing
    REF_HTML = "ref.html"  # params: field
    REF_BAD_TREE = "ref.bad_tree"  # params: error
    # validation before deposit
    VAL_SCHEMA = "val.schema"  # params: message, line
    VAL_MISSING_HEADER = "val.missing_header"  # params: field
    VAL_NO_TITLE = "val.no_title"
    VAL_DATES_ORDER = "val.dates_order"  # params: start, end
    VAL_UNKNOWN_RULE = "val.unknown_rule"  # params: rule_id, category
    VAL_RULE_CATEGORY = "val.rule_category"  # params: rule_id, category, actual
    VAL_FINAL_ACTION = "val.final_action"  # params: category
    VAL_EMPTY_PACKAGE = "val.empty_package"
    VAL_DIGEST = "val.digest"  # params: expected, actual


@dataclass(slots=True)
class Finding:
    code: str
    severity: Severity
    path: str = ""  # file/folder path, zip member, or CSV file concerned
    params: dict[str, Any] = field(default_factory=dict)
    unit_uid: int | None = None  # the ArchiveUnit concerned, when there is one
    line: int | None = None  # 1-based line in a CSV/XML file, when it applies
