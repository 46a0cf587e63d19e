"""A private copy of the package for a background export, so editing can go on meanwhile.

Iterative (no recursion: trees may be deep) and shallow where values are immutable
(strings, dates, FormatInfo is replaced as a whole by the scan). Object uids are kept: the
export maps objects to zip entries by uid.
"""

from __future__ import annotations

import copy
from typing import TypeVar

from seda.model import SHARED_EMPTY, ArchiveUnit, BinaryObject, Keyword, Package

T = TypeVar("T")


def _copy_object(obj: BinaryObject) -> BinaryObject:
    new = copy.copy(obj)
    new.format = copy.copy(obj.format)
    return new


def _copy_list(values: list[T]) -> list[T]:
    """A copy of its own, or the shared empty list (not a million empty lists)."""
    return list(values) if values else SHARED_EMPTY


def _copy_unit(unit: ArchiveUnit) -> ArchiveUnit:
    new = copy.copy(unit)
    new.keywords = [Keyword(k.content, k.type) for k in unit.keywords] or SHARED_EMPTY
    new.originating_ids = _copy_list(unit.originating_ids)
    new.archival_ids = _copy_list(unit.archival_ids)
    new.file_plan_position = _copy_list(unit.file_plan_position)
    if unit.more is not None:
        new.more = copy.deepcopy(unit.more)
    new.management = (
        copy.deepcopy(unit.management) if unit.management.rules else type(unit.management)()
    )
    new.attachment = copy.copy(unit.attachment)
    new.objects = [_copy_object(o) for o in unit.objects]
    new.children = SHARED_EMPTY
    new.parent = None
    return new


def snapshot_package(package: Package) -> Package:
    """Copy ``package`` (header, tree, objects) so later edits do not reach the copy."""
    out = Package(
        header=copy.deepcopy(package.header),
        roots=[],
        seda_version=package.seda_version,
        signature_version=package.signature_version,
    )
    stack: list[tuple[ArchiveUnit, ArchiveUnit | None]] = [
        (root, None) for root in reversed(package.roots)
    ]
    while stack:
        unit, parent = stack.pop()
        new = _copy_unit(unit)
        if parent is None:
            out.roots.append(new)
        else:
            new.parent = parent
            parent.own("children").append(new)
        stack.extend((child, new) for child in reversed(unit.children))
    return out
