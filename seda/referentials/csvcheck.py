"""CSV checks shared by the rules and agencies referentials.

The SAE refuses a referential file as a whole, so we read it the same way (UTF-8, comma,
RFC 4180 quoting, exact header) and collect every problem with its physical line number,
so that the user can fix the whole file in one go instead of one error per upload.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from seda.findings import Code, Finding, Severity

T = TypeVar("T")

# First bytes of files users pick by mistake (a PDF, an ODS/XLSX zip, an old .xls).
_BINARY_MAGICS = (
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0", "ole"),
)
_HTML_RE = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?/?\s*>|<!--")
_OTHER_SEPARATORS = (";", "\t", "|")
# Typographic apostrophes/quotes folded for search ("d’agent" finds "d'agent").
_FOLD_TABLE = str.maketrans({"’": "'", "‘": "'", "`": "'", "«": '"', "»": '"'})


class KeyedReferential(Generic[T]):
    """Dict-like reading of a referential keyed by identifier (rules, agencies).

    Subclasses are dataclasses whose ``_table()`` returns their ``{identifier: entry}``.
    """

    __slots__ = ()

    def _table(self) -> dict[str, T]:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._table())

    def __contains__(self, identifier: object) -> bool:
        return identifier in self._table()

    def __iter__(self) -> Iterator[T]:
        return iter(self._table().values())

    def get(self, identifier: str) -> T | None:
        return self._table().get(identifier)


class ReferentialError(Exception):
    """A referential file the SAE would refuse; ``findings`` says every reason and line."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(", ".join(f"{f.code}@{f.line}" for f in findings[:10]))
        self.findings = findings


@dataclass(slots=True)
class Record:
    """One CSV record and where it is.

    ``line`` is the physical line where the record starts (what a text editor shows);
    ``record`` counts CSV rows with the header as 1 (what a spreadsheet and the SAE's own
    report show). They differ once a description spans several lines.
    """

    line: int
    record: int
    values: dict[str, str]


_MARKS = re.compile(r"[\u0300-\u036f]+")  # combining diacritics left by NFKD


def fold(text: str) -> str:
    """Accent- and case-insensitive form of ``text`` for searching ("delib" finds
    "Délibérations", "oeuvre" finds "Œuvre"; NFC and NFD input fold alike).

    Fast enough to run over 100,000 units per keystroke: ASCII text only pays casefold,
    other text one NFKD pass and one regex, all in C.
    """
    text = text.casefold()
    if not text.isascii():
        text = _MARKS.sub("", unicodedata.normalize("NFKD", text.translate(_FOLD_TABLE)))
        text = text.replace("œ", "oe").replace("æ", "ae")
    return " ".join(text.split())


def matches(query: str, *fields: str) -> bool:
    """True when every word of ``query`` appears (folded) in one of ``fields``."""
    words = fold(query).split()
    haystack = " | ".join(fold(f) for f in fields if f)
    return all(w in haystack for w in words)


def finding(path: Path | str, code: Code, line: int | None = None, **params: Any) -> Finding:
    """An ERROR finding about a referential file (refusals are always errors)."""
    return Finding(code=code, severity=Severity.ERROR, path=str(path), params=params, line=line)


def row_finding(path: Path | str, code: Code, line: int, record: int, **params: Any) -> Finding:
    """A finding about one CSV row: physical ``line`` plus the SAE's row number in params."""
    return finding(path, code, line, record=record, **params)


def has_html(value: str) -> bool:
    """True if ``value`` holds markup (the SAE refuses HTML in referentials)."""
    return bool(_HTML_RE.search(value))


def _decode(path: Path, raw: bytes) -> str:
    if b"\x00" in raw[:4096]:
        raise ReferentialError([finding(path, Code.REF_NOT_CSV, reason="binary")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        line = raw.count(b"\n", 0, offset) + 1
        raise ReferentialError([finding(path, Code.REF_ENCODING, line, byte=offset)]) from exc


def read_table(path: Path | str, columns: Sequence[str]) -> tuple[list[Record], list[Finding]]:
    """Read a referential CSV the way the SAE does.

    Returns the well-formed records and the findings about the others (empty lines,
    wrong field count, HTML). File-level problems (unreadable, not a CSV, not UTF-8,
    wrong header) raise ``ReferentialError`` at once: nothing else can be checked then.
    """
    path = Path(path)
    if path.suffix.lower() != ".csv":
        raise ReferentialError(
            [finding(path, Code.REF_NOT_CSV, reason="extension", extension=path.suffix)]
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReferentialError([finding(path, Code.REF_UNREADABLE, error=str(exc))]) from exc
    for magic, kind in _BINARY_MAGICS:
        if raw.startswith(magic):
            raise ReferentialError([finding(path, Code.REF_NOT_CSV, reason=kind)])
    text = _decode(path, raw)
    if not text.strip():
        raise ReferentialError([finding(path, Code.REF_NOT_CSV, 1, reason="empty")])

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    findings: list[Finding] = []
    records: list[Record] = []
    try:
        header = next(reader)
    except csv.Error as exc:
        raise ReferentialError(
            [finding(path, Code.REF_NOT_CSV, 1, reason="syntax", detail=str(exc))]
        ) from exc
    if len(header) == 1:
        sep = next((s for s in _OTHER_SEPARATORS if s in header[0]), "")
        if sep:
            raise ReferentialError(
                [finding(path, Code.REF_NOT_CSV, 1, reason="separator", separator=sep)]
            )
    missing = [c for c in columns if c not in header]
    extra = [h for h in header if h not in columns]
    seen: set[str] = set()
    repeated: set[str] = set()
    for h in header:  # linear: list.count() per column was quadratic (100k columns: 110 s)
        (repeated if h in seen else seen).add(h)
    duplicated = sorted(repeated)
    if missing or extra or duplicated:
        raise ReferentialError(
            [finding(path, Code.REF_HEADER, 1, missing=missing, extra=extra + duplicated)]
        )

    start = reader.line_num + 1
    number = 1  # the header is row 1, as the SAE counts
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            # Broken quoting: the reader cannot resynchronise, the rest is unreliable.
            findings.append(
                row_finding(
                    path, Code.REF_NOT_CSV, start, number + 1, reason="syntax", detail=str(exc)
                )
            )
            break
        line, start = start, reader.line_num + 1
        number += 1
        if not row:
            findings.append(row_finding(path, Code.REF_EMPTY_LINE, line, number))
            continue
        if len(row) != len(header):
            findings.append(
                row_finding(
                    path, Code.REF_FIELD_COUNT, line, number, expected=len(header), found=len(row)
                )
            )
            continue
        values = dict(zip(header, row, strict=True))
        for name in columns:
            if has_html(values[name]):
                findings.append(row_finding(path, Code.REF_HTML, line, number, field=name))
        records.append(Record(line, number, values))
    return records, findings
