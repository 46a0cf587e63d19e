"""A private copy of the package for a background export, so editing can go on meanwhile.

Iterative (no recursion: trees may be deep) and shallow where values are immutable
(strings, dates, FormatInfo is replaced as a whole by the scan). Object uids are kept: the
export maps objects to zip entries by uid.
"""

from __future__ import annotations

import copy

from seda.model import ArchiveUnit, BinaryObject, Keyword, Package


def _copy_object(obj: BinaryObject) -> BinaryObject:
    new = copy.copy(obj)
    new.format = copy.copy(obj.format)
    return new


def _copy_unit(unit: ArchiveUnit) -> ArchiveUnit:
    new = copy.copy(unit)
    new.keywords = [Keyword(k.content, k.type) for k in unit.keywords]
    new.originating_ids = list(unit.originating_ids)
    new.archival_ids = list(unit.archival_ids)
    new.file_plan_position = list(unit.file_plan_position)
    if unit.more is not None:
        new.more = copy.deepcopy(unit.more)
    new.management = (
        copy.deepcopy(unit.management) if unit.management.rules else type(unit.management)()
    )
    new.attachment = copy.copy(unit.attachment)
    new.objects = [_copy_object(o) for o in unit.objects]
    new.children = []
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
            parent.children.append(new)
        stack.extend((child, new) for child in reversed(unit.children))
    return out
