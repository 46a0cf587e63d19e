"""The package being prepared: transfer header, ArchiveUnit tree, data objects, rules.

Plain Python (no Qt, no XML). Every other layer reads and edits these objects:
`seda.scan` builds them, `seda.manifest` writes/reads them, `ui` edits them through
its item model and undo stack. Classes use ``slots`` because a package may hold
100,000 units.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal, Self, SupportsIndex, overload

SEDA_VERSIONS = ("2.1", "2.2", "2.3")
DEFAULT_SEDA_VERSION = "2.1"


class DescriptionLevel(StrEnum):
    """SEDA ``LevelType`` values, in the standard's order."""

    FONDS = "Fonds"
    SUBFONDS = "Subfonds"
    CLASS = "Class"
    COLLECTION = "Collection"
    SERIES = "Series"
    SUBSERIES = "Subseries"
    RECORD_GRP = "RecordGrp"
    SUBGRP = "SubGrp"
    FILE = "File"
    ITEM = "Item"
    OTHER_LEVEL = "OtherLevel"


# Rule categories in the order SEDA's ManagementGroup lists them (all versions).
RULE_CATEGORIES = (
    "StorageRule",
    "AppraisalRule",
    "AccessRule",
    "DisseminationRule",
    "ReuseRule",
    "ClassificationRule",
    "HoldRule",  # SEDA 2.2+ (and Vitam's 2.1 flavour); written only where the version allows
)

FINAL_ACTIONS = {
    "StorageRule": ("RestrictAccess", "Transfer", "Copy"),
    "AppraisalRule": ("Keep", "Destroy"),
}

_ids = itertools.count(1)


def new_uid() -> int:
    """Process-wide unique integer used as a stable handle for units and objects."""
    return next(_ids)


@dataclass(slots=True)
class FormatInfo:
    """Result of format identification for one file."""

    puid: str = ""  # PRONOM id, e.g. "fmt/18"; "" when unknown
    name: str = ""  # FormatLitteral, e.g. "Acrobat PDF 1.4 - Portable Document Format"
    version: str = ""  # format version, e.g. "1.4"
    mime: str = ""  # MimeType
    basis: str = ""  # why the engine said so (for the user)
    warning: str = ""  # engine warning, if any
    engine: str = ""  # "siegfried", "fido", "magic"

    @property
    def known(self) -> bool:
        return bool(self.puid) and self.puid.upper() != "UNKNOWN"


@dataclass(slots=True, eq=False)
class BinaryObject:
    """A file of the package (SEDA BinaryDataObject, version BinaryMaster_1).

    ``source`` is where the bytes are now: an absolute filesystem path, or for objects
    read from an existing SIP, ``"zip:" + <zip path> + "!" + <member name>``.
    """

    source: str
    filename: str  # original file name, goes to FileInfo/Filename
    size: int = 0
    digest: str = ""  # lower-case hex
    digest_algorithm: str = "SHA-512"
    # shared between objects of the same format (scan, reopened work): replace, never edit
    format: FormatInfo = field(default_factory=FormatInfo)
    last_modified: datetime | None = None
    version: str = "BinaryMaster_1"
    uid: int = field(default_factory=new_uid)


@dataclass(slots=True)
class Rule:
    """One rule reference inside a category block: RuleId with its StartDate.

    The ``hold_*`` fields and ``prevent_rearrangement`` only mean something in a HoldRule
    block: SEDA 2.2/2.3 (and Vitam's 2.1 flavour) give each hold rule its own end date,
    owner, reason..., so they live on the rule, not on the block.
    """

    rule_id: str
    start_date: date | None = None
    # HoldRule only (HoldRuleDefGroup, written in this order after StartDate)
    hold_end_date: date | None = None
    hold_owner: str = ""
    hold_reassessing_date: date | None = None
    hold_reason: str = ""
    prevent_rearrangement: bool | None = None


@dataclass(slots=True)
class RuleCategory:
    """A management rule block (e.g. AppraisalRule) on a unit or on the package."""

    category: str  # one of RULE_CATEGORIES
    rules: list[Rule] = field(default_factory=list)
    prevent_inheritance: bool = False
    ref_non_rule_ids: list[str] = field(default_factory=list)
    final_action: str = ""  # AppraisalRule / StorageRule only
    # ClassificationRule
    classification_level: str = ""
    classification_owner: str = ""
    classification_audience: str = ""
    classification_reassessing_date: date | None = None
    need_reassessing_authorization: bool | None = None
    # HoldRule extras are per rule: see ``Rule``.


@dataclass(slots=True)
class Attachment:
    """Where a root unit goes in the SAE's positioning tree.

    Either ``system_id`` (the node's GUID in the SAE) or a metadata ``name``/``value`` pair
    (ArchiveUnitIdentifierKey). ``title`` is for display only.
    """

    system_id: str = ""
    metadata_name: str = ""
    metadata_value: str = ""
    title: str = ""

    @property
    def is_set(self) -> bool:
        return bool(self.system_id or (self.metadata_name and self.metadata_value))


NO_ATTACHMENT = Attachment()


def _no_attachment() -> Attachment:
    """Every unit without an attachment shares this one (64 bytes a unit at a million):
    give a unit a new ``Attachment``, never edit ``unit.attachment`` in place (a test
    checks after each test that it stayed empty)."""
    return NO_ATTACHMENT


class _SharedEmptyList(list[Any]):
    """The one empty list that units share for the lists they leave empty (keywords,
    identifiers, children: ~290 bytes a unit at a million units).

    Anything that would put an item in it raises ``TypeError`` (write through
    ``ArchiveUnit.own``); everything else behaves as on any empty list. Copies and pickles
    give it back, so a copied unit shares it too.
    """

    __slots__ = ()

    def _probe(self, name: str, *args: Any, **kwargs: Any) -> Any:
        # the same call on a fresh empty list: same result or error, unless it would grow
        probe: list[Any] = []
        result = getattr(probe, name)(*args, **kwargs)
        if probe:
            raise TypeError(
                "the shared empty list of seda.model cannot hold items: "
                "write through ArchiveUnit.own(name)"
            )
        return result

    def __iadd__(self, values: Iterable[Any], /) -> Self:  # type: ignore[misc]  # as list
        self._probe("__iadd__", values)
        return self

    def __imul__(self, times: SupportsIndex, /) -> Self:
        self._probe("__imul__", times)
        return self

    def __reduce__(self) -> tuple[Callable[[], list[Any]], tuple[()]]:
        return _shared_empty, ()

    def __copy__(self) -> list[Any]:
        return self

    def __deepcopy__(self, memo: Any) -> list[Any]:
        return self


def _refusing(name: str) -> Callable[..., Any]:
    def method(self: _SharedEmptyList, *args: Any, **kwargs: Any) -> Any:
        return self._probe(name, *args, **kwargs)

    method.__name__ = name
    return method


# every list method that could give it an item
for _name in (
    "__init__",
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
    "sort",
    "reverse",
    "__setitem__",
    "__delitem__",
):
    setattr(_SharedEmptyList, _name, _refusing(_name))
del _name

SHARED_EMPTY: list[Any] = _SharedEmptyList()


def _shared_empty() -> list[Any]:
    return SHARED_EMPTY


@dataclass(slots=True)
class Management:
    """Rule blocks of a unit (or of the package: ManagementMetadata), keyed by category."""

    rules: dict[str, RuleCategory] = field(default_factory=dict)

    def category(self, name: str) -> RuleCategory:
        """The block for ``name``, created empty if absent."""
        block = self.rules.get(name)
        if block is None:
            block = self.rules[name] = RuleCategory(name)
        return block

    def is_empty(self) -> bool:
        return not self.rules


@dataclass(slots=True)
class Keyword:
    content: str
    type: str = ""  # KeywordType: corpname, famname, geogname, name, occupation, subject, genreform, function, ""


# Content elements naming a person or body (SEDA AgentType), in the XSD's order.
AGENT_ROLES = ("AuthorizedAgent", "Writer", "Addressee", "Recipient", "Transmitter", "Sender")


@dataclass(slots=True)
class Agent:
    """A person or body named in a unit's description (SEDA ``AgentType``).

    ``element`` is the Content element it is written as (one of ``AGENT_ROLES``). An agent
    read from a SIP with children Verso does not edit (BirthPlace, Mandate...) is kept whole
    in ``MoreDescription.raw_content`` instead, so nothing is lost.
    """

    element: str = "Writer"
    first_name: str = ""
    birth_name: str = ""
    full_name: str = ""
    given_name: str = ""
    corpname: str = ""
    identifiers: list[str] = field(default_factory=list)
    functions: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # SEDA Role: what the agent did

    def is_empty(self) -> bool:
        return not (
            self.first_name.strip()
            or self.birth_name.strip()
            or self.full_name.strip()
            or self.given_name.strip()
            or self.corpname.strip()
            or any(v.strip() for v in self.identifiers)
            or any(v.strip() for v in self.functions)
            or any(v.strip() for v in self.activities)
            or any(v.strip() for v in self.positions)
            or any(v.strip() for v in self.roles)
        )


@dataclass(slots=True)
class MoreDescription:
    """The descriptive fields most units leave empty, kept apart so that 100,000 scanned
    units do not each carry a dozen empty lists (``ArchiveUnit.more`` is None until one
    is set: use ``unit.more_description()`` to write).

    ``raw_content`` / ``raw_management`` hold, as XML text, every element of the unit's
    Content / Management that Verso has no field for (Event, Signature, Gps, extensions,
    a second Title with its ``xml:lang``...), in document order, SEDA elements without
    namespace prefix: the writer puts them back in the XSD's order, so re-exporting a
    colleague's SIP drops nothing. Dates are ``date`` or ``datetime`` (SEDA DateType).
    """

    system_ids: list[str] = field(default_factory=list)
    originating_system_ids: list[str] = field(default_factory=list)
    custodial_history: list[str] = field(default_factory=list)  # CustodialHistoryItem
    languages: list[str] = field(default_factory=list)
    description_language: str = ""
    tags: list[str] = field(default_factory=list)
    spatial: list[str] = field(default_factory=list)  # Coverage/Spatial
    temporal: list[str] = field(default_factory=list)  # Coverage/Temporal
    juridictional: list[str] = field(default_factory=list)  # Coverage/Juridictional
    agents: list[Agent] = field(default_factory=list)
    transacted_date: date | None = None
    acquired_date: date | None = None
    title_lang: str = ""  # xml:lang of the (first) Title
    description_lang: str = ""  # xml:lang of the (first) Description
    raw_content: list[str] = field(default_factory=list)
    raw_management: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return all(not getattr(self, name) for name in MoreDescription.__slots__)


@dataclass(slots=True, eq=False)
class ArchiveUnit:
    """An ArchiveUnit with its description, rules, objects and children.

    Identity matters (the UI keeps pointers), so equality is identity (``eq=False``).
    ``objects`` is the unit's DataObjectGroup (usually zero or one BinaryObject).
    """

    title: str
    level: str = DescriptionLevel.RECORD_GRP
    description: str = ""
    start_date: date | None = None
    end_date: date | None = None
    # these four and ``children`` are SHARED_EMPTY while empty: add items through own()
    keywords: list[Keyword] = field(default_factory=_shared_empty)
    originating_ids: list[str] = field(
        default_factory=_shared_empty
    )  # OriginatingAgencyArchiveUnitIdentifier
    archival_ids: list[str] = field(
        default_factory=_shared_empty
    )  # ArchivalAgencyArchiveUnitIdentifier
    file_plan_position: list[str] = field(default_factory=_shared_empty)
    more: MoreDescription | None = None  # the rarer fields; see more_description()
    management: Management = field(default_factory=Management)
    # roots only; shared while empty (NO_ATTACHMENT): replace it, never edit it in place
    attachment: Attachment = field(default_factory=_no_attachment)
    objects: list[BinaryObject] = field(default_factory=list)
    children: list[ArchiveUnit] = field(default_factory=_shared_empty)
    parent: ArchiveUnit | None = field(default=None, repr=False)
    source: str = ""  # folder/file path it was made from, for the user
    archive_unit_profile: str = ""  # ArchiveUnitProfile: the SAE's archive-unit profile id
    uid: int = field(default_factory=new_uid)

    def more_description(self) -> MoreDescription:
        """``self.more``, created empty when absent (for writing)."""
        if self.more is None:
            self.more = MoreDescription()
        return self.more

    @overload
    def own(self, name: Literal["keywords"]) -> list[Keyword]: ...
    @overload
    def own(self, name: Literal["children"]) -> list[ArchiveUnit]: ...
    @overload
    def own(
        self, name: Literal["originating_ids", "archival_ids", "file_plan_position"]
    ) -> list[str]: ...
    @overload
    def own(self, name: str) -> list[Any]: ...
    def own(self, name: str) -> list[Any]:
        """The list field ``name``, made the unit's own first if it was ``SHARED_EMPTY``:
        take it to add items (``unit.own("keywords").append(kw)``)."""
        value: list[Any] = getattr(self, name)
        if isinstance(value, _SharedEmptyList):
            value = []
            setattr(self, name, value)
        return value

    # -- tree helpers -------------------------------------------------------------------
    def add(self, child: ArchiveUnit, index: int | None = None) -> ArchiveUnit:
        """Attach ``child`` (detaching it from a previous parent first)."""
        if child.parent is not None:
            child.parent.children.remove(child)
        child.parent = self
        if index is None:
            self.own("children").append(child)
        else:
            self.own("children").insert(index, child)
        return child

    def detach(self) -> None:
        if self.parent is not None:
            self.parent.children.remove(self)
            self.parent = None

    def walk(self) -> Iterator[ArchiveUnit]:
        """This unit and all descendants, depth first, without recursion (deep trees)."""
        stack = [self]
        while stack:
            unit = stack.pop()
            yield unit
            stack.extend(reversed(unit.children))

    def ancestors(self) -> Iterator[ArchiveUnit]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def row(self) -> int:
        """Index among siblings (0 for a root without parent)."""
        return self.parent.children.index(self) if self.parent is not None else 0


@dataclass(slots=True)
class TransferHeader:
    """ArchiveTransfer header fields, filled from a preset and the transfer dialog."""

    message_identifier: str = ""  # generated at export when empty
    date: datetime | None = None  # export time when None
    comment: str = ""
    archival_agreement: str = ""  # contrat d'entrée
    archival_agency: str = ""  # service d'archives (identifier)
    archival_agency_name: str = ""
    transferring_agency: str = ""  # service versant (identifier)
    transferring_agency_name: str = ""
    originating_agency: str = (
        ""  # service producteur -> ManagementMetadata/OriginatingAgencyIdentifier
    )
    submission_agency: str = ""  # -> ManagementMetadata/SubmissionAgencyIdentifier
    acquisition_information: str = ""
    legal_status: str = ""  # "Public Archive", "Private Archive", "Public and Private Archive"
    code_list_versions: dict[str, str] = field(
        default_factory=dict
    )  # e.g. {"ReplyCodeListVersion": "..."}
    management: Management = field(default_factory=Management)  # package-level default rules
    archival_profile: str = ""  # ManagementMetadata/ArchivalProfile: the transfer profile id


@dataclass(slots=True)
class Package:
    """Everything one SIP holds."""

    header: TransferHeader = field(default_factory=TransferHeader)
    roots: list[ArchiveUnit] = field(default_factory=list)
    seda_version: str = DEFAULT_SEDA_VERSION
    signature_version: str = ""  # PRONOM signature set used for identification

    def walk(self) -> Iterator[ArchiveUnit]:
        for root in self.roots:
            yield from root.walk()

    def objects(self) -> Iterator[tuple[ArchiveUnit, BinaryObject]]:
        for unit in self.walk():
            for obj in unit.objects:
                yield unit, obj

    def stats(self) -> PackageStats:
        st = PackageStats()
        for unit in self.walk():
            st.units += 1
            for obj in unit.objects:
                st.files += 1
                st.total_size += obj.size
                key = obj.format.puid if obj.format.known else ""
                if not key:
                    st.unknown_formats += 1
                n, s = st.formats.get(key, (0, 0))
                st.formats[key] = (n + 1, s + obj.size)
        return st


@dataclass(slots=True)
class PackageStats:
    units: int = 0
    files: int = 0
    total_size: int = 0
    unknown_formats: int = 0
    formats: dict[str, tuple[int, int]] = field(default_factory=dict)  # puid -> (count, bytes)
