"""Units share one empty list for the lists they leave empty (seda.model.SHARED_EMPTY).

It must read as any empty list, refuse items (a shared list that took one would give it to
every unit) and be left behind by ``own`` when a unit gets items of its own.
"""

from __future__ import annotations

import copy
import pickle

import pytest

from seda.model import SHARED_EMPTY, ArchiveUnit, Keyword, Package

LISTS = ("keywords", "originating_ids", "archival_ids", "file_plan_position", "children")


def test_new_units_share_the_empty_list() -> None:
    a, b = ArchiveUnit("a"), ArchiveUnit("b")
    for name in LISTS:
        assert getattr(a, name) is SHARED_EMPTY and getattr(b, name) is SHARED_EMPTY
    assert a.objects is not b.objects  # a file unit's one object: not shared


@pytest.mark.parametrize(
    "grow",
    [
        lambda v: v.append(1),
        lambda v: v.extend([1]),
        lambda v: v.extend(iter([1])),
        lambda v: v.insert(0, 1),
        lambda v: v.__setitem__(slice(0, 0), [1]),
        lambda v: v.__iadd__([1]),
        lambda v: v.__init__([1]),
        lambda v: type(v)([1]),
    ],
)
def test_it_refuses_items(grow) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match="own"):
        grow(SHARED_EMPTY)
    assert len(SHARED_EMPTY) == 0


def test_augmented_assignment_refuses_items_and_keeps_the_field() -> None:
    unit = ArchiveUnit("a")
    with pytest.raises(TypeError):
        unit.keywords += [Keyword("x")]
    assert unit.keywords is SHARED_EMPTY and len(SHARED_EMPTY) == 0


def test_everything_else_behaves_as_on_an_empty_list() -> None:
    unit = ArchiveUnit("a")
    kw = unit.keywords
    kw.clear()
    kw.sort()
    kw.reverse()
    kw.extend([])
    kw += []
    kw *= 3
    del kw[:]
    kw[:] = []
    unit.keywords += []
    assert unit.keywords is SHARED_EMPTY
    for action, error in (
        (lambda: kw.pop(), IndexError),
        (lambda: kw.remove(1), ValueError),
        (lambda: kw.index(1), ValueError),
        (lambda: kw[0], IndexError),
        (lambda: kw.__delitem__(0), IndexError),
    ):
        with pytest.raises(error):
            action()
    assert kw == [] and not kw and len(kw) == 0 and list(kw) == []
    assert type(kw[:]) is list and type(kw.copy()) is list and type(kw + [1]) is list
    assert kw + [1] == [1] and [1] + kw == [1]


def test_own_gives_the_unit_a_list_of_its_own() -> None:
    a, b = ArchiveUnit("a"), ArchiveUnit("b")
    a.own("keywords").append(Keyword("état civil"))
    a.own("archival_ids").append("3 W 12")
    assert a.keywords == [Keyword("état civil")] and a.archival_ids == ["3 W 12"]
    assert a.keywords is not SHARED_EMPTY
    assert b.keywords is SHARED_EMPTY and b.archival_ids is SHARED_EMPTY
    assert a.own("keywords") is a.keywords  # once its own, the same list
    assert a.originating_ids is SHARED_EMPTY  # the other fields stay shared


def test_a_leaf_takes_children_through_add() -> None:
    leaf, first, second = ArchiveUnit("leaf"), ArchiveUnit("1"), ArchiveUnit("2")
    leaf.add(second)
    leaf.add(first, 0)
    assert leaf.children == [first, second] and first.parent is leaf
    leaf2 = ArchiveUnit("leaf2")
    leaf2.add(first)  # moved: taken from leaf
    assert leaf.children == [second] and leaf2.children == [first]
    first.detach()
    assert leaf2.children == [] and first.parent is None


def test_copies_and_pickles_keep_sharing() -> None:
    root = ArchiveUnit("root")
    root.add(ArchiveUnit("leaf"))
    package = Package(roots=[root])
    for clone in (copy.deepcopy(package), pickle.loads(pickle.dumps(package))):
        leaf = clone.roots[0].children[0]
        assert leaf.children is SHARED_EMPTY and leaf.keywords is SHARED_EMPTY
        assert clone.roots[0].children is not root.children
    assert copy.copy(SHARED_EMPTY) is SHARED_EMPTY
