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
    # optional identification parts missing on this PC (once per scan, severity info)
    MAGIC_UNAVAILABLE = "scan.magic_unavailable"  # params: error (no MIME complement)
    ENGINE_UNAVAILABLE = "scan.engine_unavailable"  # params: requested, used, error
    LOCKED = "scan.locked"  # params: error (held by another program, Windows: not in the SIP)
    CHANGED_DURING_SCAN = "scan.changed"
    NOT_FOUND = "scan.not_found"
    ALREADY_INCLUDED = "scan.already_included"  # params: other (a dropped path seen twice)
    SAME_FILE_TWICE = "scan.same_file_twice"  # params: other (packed once, as ``other``)
    NAME_TWINS = "scan.name_twins"  # params: other, reason ("case", "normalization")
    # dropped zip archives (seda.scan: a zip becomes a folder tree, never extracted)
    ZIP_CORRUPT = "zip.corrupt"  # params: error (the zip is not expanded)
    ZIP_BOMB = "zip.bomb"  # params: reason, declared, actual (the zip is not expanded)
    ZIP_UNSAFE_ENTRY = "zip.unsafe_entry"  # params: reason ("absolute", "traversal", "nul")
    ZIP_DUPLICATE = "zip.duplicate"  # a second member with the same path: left out
    ZIP_ENCRYPTED = "zip.encrypted"  # member listed but cannot be read (password)
    ZIP_SYMLINK = "zip.symlink"  # params: target (symbolic link member: left out)
    # export
    SOURCE_CHANGED = "export.source_changed"  # params: expected, actual
    SOURCE_MISSING = "export.source_missing"
    DISK_FULL = "export.disk_full"
    SOURCE_UNREADABLE = "export.source_unreadable"  # params: error
    WRITE_ERROR = "export.write_error"  # params: error (destination not writable, ...)
    EXPORT_FAILED = "export.failed"  # params: error (unexpected failure; nothing written)
    # any file Verso writes (seda.safepath): refused before anything is written
    UNSAFE_DESTINATION = "write.unsafe_destination"  # params: reason, input, kind, parent
    # reading an existing SIP zip (seda.package.read_sip / verify_sip)
    SIP_NOT_ZIP = "sip.not_zip"  # params: error
    SIP_CORRUPT = "sip.corrupt"  # params: error
    SIP_UNSAFE_ENTRY = "sip.unsafe_entry"  # params: reason ("traversal", "absolute", "nul")
    SIP_BAD_ENTRY_NAME = "sip.bad_entry_name"  # refused by the SAE; reason="duplicate" if so
    SIP_NO_MANIFEST = "sip.no_manifest"  # params: candidates (root files ending in manifest.xml)
    SIP_MANY_MANIFESTS = "sip.many_manifests"  # params: names
    SIP_BAD_MANIFEST = "sip.bad_manifest"  # params: codes (ManifestError findings follow)
    SIP_ZIP_BOMB = "sip.zip_bomb"  # params: reason, declared, actual
    SIP_SIZE_MISMATCH = "sip.size_mismatch"  # params: expected, actual
    SIP_MISSING_MEMBER = "sip.missing_member"  # params: uri (declared in manifest, not in zip)
    SIP_UNDECLARED_MEMBER = "sip.undeclared_member"  # file in the zip no object refers to
    SIP_ENCRYPTED = "sip.encrypted"  # entry is encrypted: cannot be read
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
    REF_UNREADABLE = "ref.unreadable"  # params: error
    # ReSIP's metadata and tree CSV (seda.resip_csv): line = text line of the row,
    # params "record" = the row as ReSIP and a spreadsheet count it (header = 1)
    CSV_ENCODING = "csv.encoding"  # neither UTF-8 nor windows-1252
    CSV_SYNTAX = "csv.syntax"  # params: detail (unbalanced quote...)
    CSV_EMPTY = "csv.empty"  # no header, or no row after it
    CSV_BAD_HEADER = "csv.bad_header"  # params: columns (leading block ReSIP refuses)
    CSV_DUPLICATE_COLUMN = "csv.duplicate_column"  # params: column
    CSV_NO_METADATA = "csv.no_metadata"  # nothing after the leading block
    CSV_NO_CONTENT = "csv.no_content"  # Content./Management. header without Content.
    CSV_BAD_TAG = "csv.bad_tag"  # params: column, segment (not [a-zA-Z0-9_-]+)
    CSV_MIXED_PREFIX = "csv.mixed_prefix"  # params: column (prefix all-or-nothing)
    CSV_UNKNOWN_COLUMN = "csv.unknown_column"  # params: column, version, known_in, suggestion
    CSV_EXTENSION_COLUMN = "csv.extension_column"  # warning: params column (not SEDA: kept)
    CSV_FILES_ABSENT = "csv.files_absent"  # warning: params count, file (none beside the CSV)
    CSV_NOT_REPEATABLE = "csv.not_repeatable"  # params: column, element
    CSV_NOT_LEAF = "csv.not_leaf"  # params: column (names a group, not a value)
    CSV_BAD_RULE_FIELD = "csv.bad_rule_field"  # params: column, category
    CSV_ORPHAN_ATTR = "csv.orphan_attr"  # params: column (attr with no element before it)
    CSV_FIELD_COUNT = "csv.field_count"  # params: expected, found
    CSV_BAD_VALUE = "csv.bad_value"  # params: column, value, kind (date, integer, level...)
    CSV_BAD_ATTR = "csv.bad_attr"  # params: column, value (not name="value")
    CSV_FILE_MISSING = "csv.file_missing"  # params: column, file
    CSV_NOT_A_FILE = "csv.not_a_file"  # params: column, file (a folder in ObjectFiles)
    CSV_UNKNOWN_RULE = "csv.unknown_rule"  # params: column, rule_id
    CSV_RULE_CATEGORY = "csv.rule_category"  # params: column, rule_id, category, actual
    CSV_DUPLICATE_KEY = "csv.duplicate_key"  # warning: params key, first_line (later row wins)
    CSV_UNKNOWN_PARENT = "csv.unknown_parent"  # warning: params parent (the unit is a root)
    CSV_CYCLE = "csv.cycle"  # params: key
    CSV_BAD_REFERENCE = "csv.bad_reference"  # params: element, value (names no row/object)
    CSV_TREE_FIELDS = "csv.tree_fields"  # params: found (tree CSV rows need 5 fields)
    CSV_TREE_EMPTY_TITLE = "csv.tree_empty_title"  # tree CSV: empty "nom"
    CSV_TREE_EMPTY_SUFFIX = "csv.tree_empty_suffix"  # tree CSV: empty "cote"
    CSV_TREE_NO_SERIES = "csv.tree_no_series"  # tree CSV: no row with an empty "série"
    CSV_TREE_ORPHAN = "csv.tree_orphan"  # params: id, serie (no row has that full cotation)
    # rules in a package (seda.rules.check_rules)
    VAL_BAD_FINAL_ACTION = "val.bad_final_action"  # params: category, value
    VAL_RULE_NO_START_DATE = "val.rule_no_start_date"  # params: rule_id, category
    VAL_RULE_START_DATE = "val.rule_start_date"  # params: rule_id, category, date
    VAL_HOLD_END_BEFORE_START = "val.hold_end_before_start"  # params: rule_id, start, end
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
    # validation before deposit (seda.validate)
    VAL_NO_OBJECTS = "val.no_objects"  # units but not a single file
    VAL_UNKNOWN_AGENCY = "val.unknown_agency"  # params: field, identifier
    VAL_BAD_LEVEL = "val.bad_level"  # params: value
    VAL_HTML = "val.html"  # params: field (markup / HTML entity the SAE refuses)
    VAL_TOO_LONG = "val.too_long"  # params: field, size, limit (bytes)
    VAL_CLASSIFICATION_LEVEL = "val.classification_level"  # params: value, allowed
    VAL_DUPLICATE_VERSION = "val.duplicate_version"  # params: version
    VAL_BAD_VERSION = "val.bad_version"  # params: version, kind ("binary"/"physical")
    VAL_NO_DIGEST = "val.no_digest"
    VAL_DIGEST_FORMAT = "val.digest_format"  # params: value (not lower-case hex)
    VAL_BAD_ALGORITHM = "val.bad_algorithm"  # params: algorithm
    VAL_EMPTY_OBJECT = "val.empty_object"  # size 0 or unknown
    VAL_UNKNOWN_FORMAT = "val.unknown_format"  # params: filename
    VAL_FORMAT_NOT_ALLOWED = "val.format_not_allowed"  # params: puid, allowed
    VAL_FORMAT_MISMATCH = "val.format_mismatch"  # params: declared, identified
    VAL_ATTACHMENT_INCOMPLETE = "val.attachment_incomplete"  # params: name, value
    VAL_ATTACHMENT_GUID = "val.attachment_guid"  # params: system_id
    VAL_ATTACHMENT_FORBIDDEN = "val.attachment_forbidden"  # params: contract
    VAL_ATTACHMENT_REQUIRED = "val.attachment_required"  # params: contract
    VAL_ATTACHMENT_PARENT = "val.attachment_parent"  # params: link_parent_id, contract
    VAL_AUTO_ATTACHMENT = "val.auto_attachment"  # params: link_parent_id, contract
    VAL_CONTRACT_MISMATCH = "val.contract_mismatch"  # params: contract, agreement
    VAL_CONTRACT_INACTIVE = "val.contract_inactive"  # params: contract
    VAL_CONTRACT_FIELD = "val.contract_field"  # params: field, value (ignored)
    VAL_CONTRACT_INVALID = "val.contract_invalid"  # params: error
    VAL_CONTRACT_NOT_FOUND = "val.contract_not_found"  # params: identifier, available
    VAL_SCHEMA_VITAM_ONLY = "val.schema_vitam_only"  # params: count, message, line, attachments
    VAL_XSD_UNAVAILABLE = "val.xsd_unavailable"  # params: reason, path
    VAL_XSD_SKIPPED = "val.xsd_skipped"  # no XSD folder given: schema not checked
    VAL_ELEMENT_ORDER = "val.element_order"  # params: element, parent, before
    VAL_EMPTY_PHYSICAL_ID = "val.empty_physical_id"
    VAL_OBJECT_REFERENCE = "val.object_reference"  # params: id (an object, not its group)
    VAL_ORPHAN_OBJECT = "val.orphan_object"  # params: id (group no unit refers to)
    # parity with the SAE's ingest checks (seda.sanitize, seda.sae_formats, seda.validate)
    EXPORT_ADAPTED = "export.adapted"  # params: field, original, adapted (INFO: written safe)
    VAL_ONTOLOGY = "val.ontology"  # params: field, value, type (DATE, LONG, ...)
    VAL_UNIT_SCHEMA = "val.unit_schema"  # params: field, value, rule (Vitam's unit schema)
    VAL_FUTURE_EVENT = "val.future_event"  # params: value (logbook EventDateTime)
    VAL_SAE_UNKNOWN_FORMAT = "val.sae_unknown_format"  # params: filename, puid, signatures
    VAL_SAE_OTHER_FORMAT = "val.sae_other_format"  # params: filename, puid, sae_puid, signatures
    VAL_DUPLICATE_FILE = "val.duplicate_file"  # params: count, paths, digest (same SHA-512)
    VAL_EXTENSION_MISMATCH = "val.extension_mismatch"  # params: extension, puid, format, expected
    VAL_TREE_WITH_FILES = "val.tree_with_files"  # params: kind (holding tree/filing plan + file)
    VAL_ROOT_ENTRY = "val.root_entry"  # params: name, kind ("file"/"folder"): zip root
    VAL_FIRST_VERSION = "val.first_version"  # params: usage, versions (_N without _1)
    VAL_MANY_GROUPS = "val.many_groups"  # params: ids (a unit refers to several object groups)
    # archive profiles (seda.archive_profile): transfer profile (RelaxNG), unit profiles (JSON)
    PROFILE_UNREADABLE = "profile.unreadable"  # params: error
    PROFILE_NOT_RNG = "profile.not_rng"  # params: error (not XML / not a valid RelaxNG grammar)
    PROFILE_NOT_SEDA = "profile.not_seda"  # params: root, namespace
    PROFILE_FIXED_VALUE = "profile.fixed_value"  # params: field, expected, value, unit, raw
    PROFILE_VALUE_CHOICE = "profile.value_choice"  # params: field, allowed, value, unit, raw
    PROFILE_LEVEL = "profile.level"  # params: value, allowed, unit, raw
    PROFILE_MISSING = "profile.missing"  # params: field, context, expected?, level?, title?
    PROFILE_TOO_MANY = "profile.too_many"  # params: field, max, count, unit, raw
    PROFILE_NOT_ALLOWED = "profile.not_allowed"  # params: field, context, unit, raw
    PROFILE_ORDER = "profile.order"  # params: field, context, unit, raw
    PROFILE_DATATYPE = "profile.datatype"  # params: field, value, datatype, unit, raw
    PROFILE_INVALID = "profile.invalid"  # params: field, raw (libxml2's words only)
    PROFILE_OTHER_DECLARED = "profile.other_declared"  # params: declared, profile
    PROFILE_NOT_CHECKED = "profile.not_checked"  # params: declared, units (profiles not given)
    PROFILE_UNSUPPORTED = "profile.unsupported"  # params: field, context (required, Verso lacks it)
    UNIT_PROFILE_INVALID = "unit_profile.invalid"  # params: error (file or ControlSchema)
    UNIT_PROFILE_UNKNOWN = "unit_profile.unknown"  # params: profile, unit (not given: unchecked)
    UNIT_PROFILE_INACTIVE = "unit_profile.inactive"  # params: profile, unit
    UNIT_PROFILE_VIOLATION = "unit_profile.violation"  # params: profile, unit, kind, field, raw…
    # reading a manifest (seda.manifest.read_manifest); line set when known
    MANIFEST_UNREADABLE = "manifest.unreadable"  # params: error
    MANIFEST_MALFORMED = "manifest.malformed"  # params: message
    MANIFEST_DTD = "manifest.dtd"  # DOCTYPE/entities refused (XXE, entity bombs)
    MANIFEST_NOT_SEDA = "manifest.not_seda"  # params: root, namespace
    MANIFEST_BAD_REFERENCE = "manifest.bad_reference"  # params: id, kind
    MANIFEST_SHARED_REFERENCE = "manifest.shared_reference"  # params: id, kind (kept once)
    MANIFEST_ORPHAN_OBJECT = "manifest.orphan_object"  # params: id (no unit refers to it)
    MANIFEST_BAD_DATE = "manifest.bad_date"  # params: field, value
    # saved work (app.workfile: .verso files)
    WORK_NOT_VERSO = "work.not_verso"  # the file is not a Verso saved work
    WORK_CORRUPT = "work.corrupt"  # params: error (damaged or truncated)
    WORK_TOO_NEW = "work.too_new"  # params: version, supported (made by a newer Verso)
    WORK_UNREADABLE = "work.unreadable"  # params: error
    WORK_SOURCE_MISSING = "work.source_missing"  # file gone since the work was saved
    WORK_SOURCE_CHANGED = (
        "work.source_changed"  # params: size_before, size_now, modified_before, modified_now
    )
    WORK_ZIP_MISSING = "work.zip_missing"  # params: count (the SIP the files came from is gone)
    # transfer slip (app.bordereau)
    BORDEREAU_WRITE_ERROR = "bordereau.write_error"  # params: error (nothing left behind)
    BORDEREAU_SIP_UNREADABLE = "bordereau.sip_unreadable"  # params: error (SHA-512 not computed)


@dataclass(slots=True)
class Finding:
    code: str
    severity: Severity
    path: str = ""  # file/folder path, zip member, or CSV file concerned
    params: dict[str, Any] = field(default_factory=dict)
    unit_uid: int | None = None  # the ArchiveUnit concerned, when there is one
    line: int | None = None  # 1-based line in a CSV/XML file, when it applies
