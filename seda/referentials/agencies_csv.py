"""The SAE's agencies referential (services agents: producers, transferring services).

Verso offers these identifiers for the transfer header (OriginatingAgency, ArchivalAgency,
TransferringAgency...) so that a typo does not make the SAE refuse the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from seda.findings import Code
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

COLUMNS = ("Identifier", "Name", "Description")


@dataclass(slots=True)
class Agency:
    identifier: str
    name: str
    description: str = ""
    line: int = 0


@dataclass(slots=True)
class AgenciesReferential(KeyedReferential[Agency]):
    agencies: dict[str, Agency] = field(default_factory=dict)
    source: str = ""

    def _table(self) -> dict[str, Agency]:
        return self.agencies

    def search(self, text: str) -> list[Agency]:
        """Agencies whose identifier or name contains every word of ``text``.

        Accents and case are ignored; the exact identifier comes first.
        """
        key = fold(text)
        found = [a for a in self.agencies.values() if matches(text, a.identifier, a.name)]
        return sorted(found, key=lambda a: 0 if fold(a.identifier) == key else 1)


def load_agencies(path: Path | str) -> AgenciesReferential:
    """Load an agencies referential CSV; raise ``ReferentialError`` with all its problems."""
    path = Path(path)
    records, findings = read_table(path, COLUMNS)
    referential = AgenciesReferential(source=str(path))
    first_seen: dict[str, Record] = {}
    for rec in records:
        v = {k: s.strip() for k, s in rec.values.items()}
        before = len(findings)
        for name in ("Identifier", "Name"):
            if not v[name]:
                findings.append(
                    row_finding(path, Code.REF_EMPTY_FIELD, rec.line, rec.record, field=name)
                )
        ident = v["Identifier"]
        if ident:
            if ident in first_seen:
                findings.append(
                    row_finding(
                        path,
                        Code.REF_DUPLICATE_ID,
                        rec.line,
                        rec.record,
                        id=ident,
                        first_line=first_seen[ident].line,
                        first_record=first_seen[ident].record,
                    )
                )
            else:
                first_seen[ident] = rec
        if len(findings) == before:
            referential.agencies[ident] = Agency(ident, v["Name"], v["Description"], rec.line)
    if not records and not findings:
        findings.append(finding(path, Code.REF_NOT_CSV, 2, reason="no_records"))
    if findings:
        findings.sort(key=lambda f: f.line or 0)
        raise ReferentialError(findings)
    return referential
