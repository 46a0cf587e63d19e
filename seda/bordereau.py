"""What the *bordereau de versement* (transfer slip) shows, as data: no prose, no markup.

The archives referent prints a slip listing what was transferred; the transferring service
signs it and the archives service countersigns. ``app.bordereau`` turns what ``collect``
returns into a document in the user's language; this module only gathers the facts:
header identifiers, totals, where each root attaches in the positioning tree, and one row
per unit in tree order with the rules that really apply to it (``seda.rules``).

A package may hold 100,000 units: ``collect`` makes one pass for the totals (subtree file
counts and sizes kept as integers per unit), and ``Bordereau.rows()`` is a generator, so the
writer streams rows to disk without building the document in memory.

Archivists count in *described* units, not files: ``Bordereau.described_rows()`` gives one
row per unit down to the dossier (the units that carry their own description: roots, units
with children, own rules, a cote or a description) and folds each plain file unit into the
row above it as a ``FileSummary`` ("12 files, 4.2 MB, PDF x10, ODT x2"); ``depth`` lists
fewer levels. ``Bordereau.files()`` streams every file for the optional annex.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from seda.model import RULE_CATEGORIES, ArchiveUnit, BinaryObject, Package
from seda.referentials.agencies_csv import AgenciesReferential
from seda.referentials.rules_csv import RulesReferential
from seda.rules import effective_rules


@dataclass(slots=True)
class HeaderInfo:
    """The transfer's identification block (identifiers and names as the header has them)."""

    message_identifier: str
    date: datetime | None
    seda_version: str
    archival_agreement: str = ""
    archival_agency: str = ""
    archival_agency_name: str = ""
    transferring_agency: str = ""
    transferring_agency_name: str = ""
    originating_agency: str = ""
    originating_agency_name: str = ""
    submission_agency: str = ""
    submission_agency_name: str = ""
    comment: str = ""
    acquisition_information: str = ""
    legal_status: str = ""
    signature_version: str = ""


@dataclass(slots=True)
class FormatTotal:
    """Files of one format (PUID "" = not identified)."""

    puid: str
    name: str
    count: int = 0
    size: int = 0


@dataclass(slots=True)
class Totals:
    units: int = 0
    files: int = 0
    size: int = 0
    start_date: date | None = None  # earliest date of any unit
    end_date: date | None = None  # latest date of any unit
    formats: list[FormatTotal] = field(default_factory=list)  # most files first


@dataclass(slots=True)
class RootAttachment:
    """Where one root unit goes in the archives service's positioning tree."""

    unit_title: str
    unit_uid: int
    system_id: str = ""
    metadata_name: str = ""
    metadata_value: str = ""
    node_title: str = ""

    @property
    def is_set(self) -> bool:
        return bool(self.system_id or (self.metadata_name and self.metadata_value))


@dataclass(slots=True)
class RuleLine:
    """One rule applying to a unit: declared on it, or inherited (``origin_title``)."""

    category: str
    rule_id: str
    label: str  # RuleValue from the referential, "" when unknown
    duration: str  # "5 YEAR", "unlimited", "" when unknown
    start_date: date | None
    end_date: date | None
    final_action: str  # "Keep", "Destroy", ... ("" when none applies)
    inherited: bool
    origin_title: str  # title of the declaring unit; "" = the whole transfer (header)
    from_package: bool = False


@dataclass(slots=True)
class FileSummary:
    """Files folded into one row: those of the unit and of its unlisted descendants."""

    files: int = 0
    size: int = 0
    units: int = 1  # the row's unit and the units folded into it
    kinds: list[tuple[str, int]] = field(default_factory=list)  # ("PDF", 10), most first
    # "" = no extension; the kind is the file name's extension, as archivists see files

    def add(self, obj: BinaryObject, counts: dict[str, int]) -> None:
        self.files += 1
        self.size += obj.size
        kind = file_kind(obj.filename)
        counts[kind] = counts.get(kind, 0) + 1


def file_kind(filename: str) -> str:
    """``rapport.PDF`` -> ``PDF``; ``README`` / ``.bashrc`` -> ``""``."""
    stem, dot, ext = filename.rpartition(".")
    return ext.upper() if dot and stem and ext and len(ext) <= 10 else ""


@dataclass(slots=True)
class FileLine:
    """One file for the annex, under the number of the row it is folded into."""

    row_number: int
    path: str  # unit titles below the row, then the file name ("Budget/b1.png")
    filename: str
    size: int
    puid: str
    format_name: str
    last_modified: datetime | None


@dataclass(slots=True)
class Row:
    """One unit of the main table, in tree (pre-)order."""

    number: int  # 1-based position in the table
    uid: int
    depth: int  # 0 for a root
    level: str
    title: str
    description: str
    start_date: date | None
    end_date: date | None
    originating_ids: list[str]
    archival_ids: list[str]
    files: int  # files of this unit and every unit under it
    size: int  # their bytes
    own_files: int  # files of this unit only
    rules: dict[str, list[RuleLine]]  # category -> rules, in RULE_CATEGORIES order
    folded: FileSummary | None = None  # described rows only: files summarised on this row

    @property
    def cote(self) -> list[str]:
        """Identifiers to show as the *cote*: the archives service's first, then the producer's."""
        return [*self.archival_ids, *self.originating_ids]


@dataclass(slots=True)
class Bordereau:
    """Everything the slip shows; ``rows()`` streams the units (re-iterable)."""

    header: HeaderInfo
    totals: Totals
    attachments: list[RootAttachment]
    package: Package = field(repr=False)
    referential: RulesReferential | None = field(default=None, repr=False)
    _subtree: dict[int, tuple[int, int]] = field(default_factory=dict, repr=False)
    has_cote: bool = False  # some unit has a cote (else the slip needs no Cote column)

    def rows(self) -> Iterator[Row]:
        """One ``Row`` per unit, depth first, parents before children, siblings in order."""
        number = 0
        for root in self.package.roots:
            stack: list[tuple[ArchiveUnit, int]] = [(root, 0)]
            while stack:
                unit, depth = stack.pop()
                number += 1
                yield self._row(unit, depth, number)
                stack.extend((child, depth + 1) for child in reversed(unit.children))

    def described_rows(self, depth: int | None = None) -> Iterator[Row]:
        """One ``Row`` per described unit, down to ``depth`` (0 = roots only; None = all).

        Every unit not listed (plain file units, units deeper than ``depth``) is folded
        into the nearest listed ancestor: its files count in that row's ``folded``.
        """
        for number, (unit, level, folded, units) in enumerate(self._described(depth), start=1):
            row = self._row(unit, level, number)
            summary = FileSummary(units=units)
            counts: dict[str, int] = {}
            for obj, _prefix in folded:
                summary.add(obj, counts)
            summary.kinds = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == "", kv[0]))
            row.folded = summary
            yield row

    def files(self, depth: int | None = None) -> Iterator[FileLine]:
        """Every file, in tree order, under the number of the described row it is folded in."""
        for number, (_unit, _level, folded, _units) in enumerate(self._described(depth), start=1):
            for obj, prefix in folded:
                yield FileLine(
                    row_number=number,
                    path=prefix + obj.filename,
                    filename=obj.filename,
                    size=obj.size,
                    puid=obj.format.puid if obj.format.known else "",
                    format_name=obj.format.name if obj.format.known else "",
                    last_modified=obj.last_modified,
                )

    @staticmethod
    def _listed(unit: ArchiveUnit, depth: int | None, level: int) -> bool:
        if level == 0:
            return True
        if depth is not None and level > depth:
            return False
        return is_described(unit)

    def _described(
        self, depth: int | None
    ) -> Iterator[tuple[ArchiveUnit, int, list[tuple[BinaryObject, str]], int]]:
        """(listed unit, its depth, its folded files with their path prefix, the number of
        units the row stands for), in tree pre-order.

        No recursion: one stack for listed units, and for each an inner pre-order walk
        over the unlisted units below it (their files fold into its row; listed units
        met on the way are queued, in document order, as the next rows).
        """
        for root in self.package.roots:
            stack: list[tuple[ArchiveUnit, int]] = [(root, 0)]
            while stack:
                unit, level = stack.pop()
                folded = [(obj, "") for obj in unit.objects]
                units = 1
                below: list[tuple[ArchiveUnit, int]] = []
                inner = [(child, level + 1, "") for child in reversed(unit.children)]
                while inner:
                    current, d, prefix = inner.pop()
                    if self._listed(current, depth, d):
                        below.append((current, d))
                        continue
                    # a plain file unit says no more than its file: no title in the path
                    plain = not current.children
                    units += 1
                    folded.extend((obj, prefix) for obj in current.objects)
                    sub = prefix if plain else f"{prefix}{current.title}/"
                    inner.extend((c, d + 1, sub) for c in reversed(current.children))
                yield unit, level, folded, units
                stack.extend(reversed(below))

    def _row(self, unit: ArchiveUnit, depth: int, number: int) -> Row:
        files, size = self._subtree.get(unit.uid, (0, 0))
        rules: dict[str, list[RuleLine]] = {}
        for category, effective in effective_rules(unit, self.package, self.referential).items():
            rules[category] = [
                RuleLine(
                    category=category,
                    rule_id=r.rule_id,
                    label=r.label,
                    duration=r.duration,
                    start_date=r.start_date,
                    end_date=r.end_date,
                    final_action=r.final_action,
                    inherited=r.inherited,
                    origin_title=r.origin_unit.title if r.origin_unit is not None else "",
                    from_package=r.origin_unit is None,
                )
                for r in effective
            ]
        return Row(
            number=number,
            uid=unit.uid,
            depth=depth,
            level=str(unit.level),
            title=unit.title,
            description=unit.description,
            start_date=unit.start_date,
            end_date=unit.end_date,
            originating_ids=list(unit.originating_ids),
            archival_ids=list(unit.archival_ids),
            files=files,
            size=size,
            own_files=len(unit.objects),
            rules={c: rules[c] for c in RULE_CATEGORIES if c in rules},
        )


def is_described(unit: ArchiveUnit) -> bool:
    """A unit archivists count as a line of its own, not just one file's wrapper.

    True for units with children, without files, or with something of their own beyond the
    file: declared rules, a cote, a description.
    """
    if unit.children or not unit.objects:
        return True
    return bool(
        unit.management.rules or unit.archival_ids or unit.originating_ids or unit.description
    )


def _subtree_totals(package: Package) -> tuple[dict[int, tuple[int, int]], Totals]:
    """Files/bytes under each unit (post-order, no recursion) and the package totals."""
    subtree: dict[int, tuple[int, int]] = {}
    totals = Totals()
    formats: dict[str, FormatTotal] = {}
    for root in package.roots:
        # iterative post-order: a unit is summed once all its children are
        stack: list[tuple[ArchiveUnit, bool]] = [(root, False)]
        while stack:
            unit, done = stack.pop()
            if not done:
                stack.append((unit, True))
                stack.extend((child, False) for child in reversed(unit.children))
                continue
            totals.units += 1
            files = len(unit.objects)
            size = 0
            for obj in unit.objects:
                size += obj.size
                key = obj.format.puid if obj.format.known else ""
                entry = formats.get(key)
                if entry is None:
                    entry = formats[key] = FormatTotal(key, obj.format.name if key else "")
                entry.count += 1
                entry.size += obj.size
            totals.files += files
            totals.size += size
            for child in unit.children:
                f, s = subtree[child.uid]
                files += f
                size += s
            subtree[unit.uid] = (files, size)
            first = unit.start_date or unit.end_date
            last = unit.end_date or unit.start_date
            if first is not None and (totals.start_date is None or first < totals.start_date):
                totals.start_date = first
            if last is not None and (totals.end_date is None or last > totals.end_date):
                totals.end_date = last
    totals.formats = sorted(formats.values(), key=lambda f: (-f.count, f.puid == "", f.puid))
    return subtree, totals


def collect(
    package: Package,
    *,
    rules: RulesReferential | None = None,
    agencies: AgenciesReferential | None = None,
    message_identifier: str = "",
    date: datetime | None = None,
) -> Bordereau:
    """Gather what the slip shows for ``package``.

    ``message_identifier`` / ``date``: what the exported manifest really carries when the
    header left them empty (``export_sip`` generates them); default to the header's.
    ``rules`` gives rule labels, durations and end dates; without it rules show by id only.
    ``agencies`` names the agencies whose name the header does not give.
    """
    h = package.header

    def name(identifier: str, given: str = "") -> str:
        if given or not identifier or agencies is None:
            return given
        agency = agencies.get(identifier)
        return agency.name if agency is not None else ""

    header = HeaderInfo(
        message_identifier=message_identifier or h.message_identifier,
        date=date or h.date,
        seda_version=package.seda_version,
        archival_agreement=h.archival_agreement,
        archival_agency=h.archival_agency,
        archival_agency_name=name(h.archival_agency, h.archival_agency_name),
        transferring_agency=h.transferring_agency,
        transferring_agency_name=name(h.transferring_agency, h.transferring_agency_name),
        originating_agency=h.originating_agency,
        originating_agency_name=name(h.originating_agency),
        submission_agency=h.submission_agency,
        submission_agency_name=name(h.submission_agency),
        comment=h.comment,
        acquisition_information=h.acquisition_information,
        legal_status=h.legal_status,
        signature_version=package.signature_version,
    )
    subtree, totals = _subtree_totals(package)
    attachments = [
        RootAttachment(
            unit_title=root.title,
            unit_uid=root.uid,
            system_id=root.attachment.system_id,
            metadata_name=root.attachment.metadata_name,
            metadata_value=root.attachment.metadata_value,
            node_title=root.attachment.title,
        )
        for root in package.roots
    ]
    return Bordereau(
        header=header,
        totals=totals,
        attachments=attachments,
        package=package,
        referential=rules,
        _subtree=subtree,
        has_cote=any(u.archival_ids or u.originating_ids for u in package.walk()),
    )
