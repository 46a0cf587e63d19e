"""Cotes (reference codes) numbered over the unit tree, as a plan: no edit of the model.

An archives referent gives each article or dossier of a transfer its *cote* (« 3 W 12 »,
« 3 W 12/1 »): SEDA's ``ArchivalAgencyArchiveUnitIdentifier`` (the archives service's cote,
``archival_ids``) or ``OriginatingAgencyArchiveUnitIdentifier`` (the producer's,
``originating_ids``). ``number_cotes`` walks the chosen units in the order the tree shows
them and says which cote each one gets; the window turns the plan into one undo step
(``cote_edits``), and the same plan feeds the dialog's preview.

Rules, chosen so that the result is predictable and never gives two units the same cote:

- *per level* (« 3 W 1 », « 3 W 1/1 », « 3 W 1/2 », « 3 W 2 »): the first units are numbered
  from ``start`` after the prefix, each unit's children from 1 after its cote and the
  separator; otherwise one continuous sequence in tree order (« 3 W 1 », « 3 W 2 »…).
- a prefix ending with a letter or a digit is followed by a space (« 3 W » gives
  « 3 W 1 »); one ending otherwise is used as typed (« 3W- » gives « 3W-1 »).
- units that are only a file (a file, no children) are left out unless ``files``.
- an existing cote is kept unless ``overwrite``; the children of a kept unit are numbered
  under that cote, and a number whose cote is already used (kept, or outside the units
  numbered: ``reserved``) is skipped.
- a unit's cote is the first value of the field; other values stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from seda.model import ArchiveUnit

COTE_FIELDS = ("archival_ids", "originating_ids")

# Sibling units in the order the user sees them (the window's sorted view); None: as stored.
Order = Callable[[Sequence[ArchiveUnit]], Sequence[ArchiveUnit]]


@dataclass(frozen=True, slots=True)
class Numbering:
    """How to number (the dialog's choices)."""

    prefix: str = ""
    separator: str = "/"
    start: int = 1
    per_level: bool = True
    padding: int = 0  # minimum digits of each number (0: none), « 001 »
    files: bool = False  # number the units that are only a file, too
    overwrite: bool = False  # replace existing cotes (else they are kept)
    field: str = "archival_ids"

    def __post_init__(self) -> None:
        if self.field not in COTE_FIELDS:
            raise ValueError(f"not a cote field: {self.field}")
        if self.start < 0 or self.padding < 0:
            raise ValueError("start and padding must not be negative")


@dataclass(frozen=True, slots=True)
class Cote:
    """One unit of the plan: its cote, and whether it is the one it already had."""

    unit: ArchiveUnit
    cote: str
    kept: bool


def is_file_unit(unit: ArchiveUnit) -> bool:
    """A unit that is only a file: it holds a file and no unit."""
    return bool(unit.objects) and not unit.children


def current_cote(unit: ArchiveUnit, field: str = "archival_ids") -> str:
    """The unit's cote in ``field`` (its first value), "" when it has none."""
    values: list[str] = getattr(unit, field)
    return values[0].strip() if values else ""


def join_prefix(prefix: str, number: str) -> str:
    """``prefix`` then ``number``, with a space after a prefix ending with a letter/digit."""
    if not prefix:
        return number
    return f"{prefix} {number}" if prefix[-1].isalnum() else prefix + number


def prefix_under(cote: str, separator: str = "/") -> str:
    """The prefix that numbers a unit's contents under its ``cote``: a series' cote
    ending with a letter (« 3 W ») gives « 3 W 1 », an article's (« 3 W 12 ») gives
    « 3 W 12/1 »."""
    cote = cote.strip()
    if not cote or not cote[-1].isdigit():
        return cote
    return cote + separator


def in_tree_order(
    roots: Sequence[ArchiveUnit], units: Iterable[ArchiveUnit], order: Order | None = None
) -> list[ArchiveUnit]:
    """``units`` without those under another of them, in tree order (one walk)."""
    wanted = {u.uid for u in units}
    arrange = order or list
    out: list[ArchiveUnit] = []
    stack = list(reversed(arrange(roots)))
    while stack:
        unit = stack.pop()
        if unit.uid in wanted:
            out.append(unit)  # what it holds is numbered with it
            continue
        stack.extend(reversed(arrange(unit.children)))
    return out


def reserved_cotes(
    roots: Sequence[ArchiveUnit], tops: Sequence[ArchiveUnit], field: str = "archival_ids"
) -> set[str]:
    """The cotes of ``field`` used outside ``tops`` and what they hold: numbering must
    not give them again."""
    inside = {u.uid for top in tops for u in top.walk()}
    return {
        cote
        for root in roots
        for unit in root.walk()
        if unit.uid not in inside and (cote := current_cote(unit, field))
    }


def number_cotes(
    tops: Sequence[ArchiveUnit],
    numbering: Numbering,
    *,
    order: Order | None = None,
    reserved: Iterable[str] = (),
) -> Iterator[Cote]:
    """The cote of every unit numbered, in tree order: ``tops`` (already in tree order)
    and the units under them. Lazy: the preview reads only the first few. No recursion
    (deep trees)."""
    n = numbering
    arrange = order or list
    taken = set(reserved)
    for top in tops:  # the cotes that stay, so that no number gives them again
        for unit in top.walk():
            cote = current_cote(unit, n.field)
            if cote and (not n.overwrite or (not n.files and is_file_unit(unit))):
                taken.add(cote)

    def fmt(k: int) -> str:
        return f"{k:0{n.padding}d}" if n.padding else str(k)

    def free(first: int, base: str | None) -> tuple[int, str]:
        """The first number from ``first`` whose cote is not taken (under ``base``, the
        parent's cote; None: after the prefix), and that cote, now taken."""
        k = first
        while True:
            number = fmt(k)
            cote = join_prefix(n.prefix, number) if base is None else base + n.separator + number
            if cote not in taken:
                taken.add(cote)
                return k, cote
            k += 1

    flat_next = n.start
    # frames: [siblings left, cote of their parent (None: the first units), next number]
    frames: list[tuple[Iterator[ArchiveUnit], str | None, list[int]]] = [
        (iter(tops), None, [n.start])
    ]
    while frames:
        siblings, base, next_number = frames[-1]
        following = next(siblings, None)
        if following is None:
            frames.pop()
            continue
        unit = following
        if not n.files and is_file_unit(unit):
            continue
        cote = current_cote(unit, n.field)
        kept = bool(cote) and not n.overwrite
        if not kept:
            if n.per_level:
                k, cote = free(next_number[0], base)
                next_number[0] = k + 1
            else:
                flat_next, cote = free(flat_next, None)
                flat_next += 1
        yield Cote(unit, cote, kept)
        if unit.children:
            frames.append((iter(arrange(unit.children)), cote, [1]))


def cote_edits(
    tops: Sequence[ArchiveUnit],
    numbering: Numbering,
    *,
    order: Order | None = None,
    reserved: Iterable[str] = (),
) -> list[tuple[ArchiveUnit, list[str]]]:
    """The new value of ``numbering.field`` for each unit whose cote changes (its first
    value replaced, the others kept), in tree order."""
    out: list[tuple[ArchiveUnit, list[str]]] = []
    for item in number_cotes(tops, numbering, order=order, reserved=reserved):
        values: list[str] = getattr(item.unit, numbering.field)
        if item.kept or (values and values[0] == item.cote):
            continue
        out.append((item.unit, [item.cote, *values[1:]]))
    return out


__all__ = [
    "COTE_FIELDS",
    "Cote",
    "Numbering",
    "Order",
    "cote_edits",
    "current_cote",
    "in_tree_order",
    "is_file_unit",
    "join_prefix",
    "number_cotes",
    "prefix_under",
    "reserved_cotes",
]
