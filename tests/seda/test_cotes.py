"""Numbering cotes over the unit tree (seda.cotes): per level or continuous, prefix,
separator, start, padding, files left out or not, existing cotes kept or replaced, the
order the tree shows, and the numbered package written (valid) and read back."""

from __future__ import annotations

import io
from itertools import islice
from pathlib import Path

import pytest

from seda.cotes import (
    Numbering,
    cote_edits,
    in_tree_order,
    join_prefix,
    number_cotes,
    prefix_under,
    reserved_cotes,
)
from seda.manifest import read_manifest, write_manifest
from seda.model import ArchiveUnit, BinaryObject, Package
from seda.xsd import validate

XSD = Path(__file__).resolve().parents[2] / ".." / "shared" / "seda-xsd"


def unit(title: str, *children: ArchiveUnit, file: bool = False) -> ArchiveUnit:
    u = ArchiveUnit(title=title)
    for c in children:
        u.add(c)
    if file:
        u.objects.append(BinaryObject(source=f"/x/{title}", filename=title, size=1))
    return u


def sample() -> Package:
    """Urbanisme (PC 2020 (a.pdf, Plans (p.pdf)), PC 2021 (b.pdf)), Voirie (c.pdf), Vide."""
    return Package(
        roots=[
            unit(
                "Urbanisme",
                unit("PC 2020", unit("a.pdf", file=True), unit("Plans", unit("p.pdf", file=True))),
                unit("PC 2021", unit("b.pdf", file=True)),
            ),
            unit("Voirie", unit("c.pdf", file=True)),
            unit("Vide"),
        ]
    )


def plan(package: Package, numbering: Numbering, **kw: object) -> list[tuple[str, str]]:
    return [(c.unit.title, c.cote) for c in number_cotes(package.roots, numbering, **kw)]  # type: ignore[arg-type]


def test_per_level_numbers_each_level_under_its_parent_and_skips_files() -> None:
    assert plan(sample(), Numbering(prefix="3 W")) == [
        ("Urbanisme", "3 W 1"),
        ("PC 2020", "3 W 1/1"),
        ("Plans", "3 W 1/1/1"),
        ("PC 2021", "3 W 1/2"),
        ("Voirie", "3 W 2"),
        ("Vide", "3 W 3"),
    ]


def test_files_numbered_when_asked() -> None:
    got = plan(sample(), Numbering(prefix="3 W", files=True, separator="-"))
    assert got[:5] == [
        ("Urbanisme", "3 W 1"),
        ("PC 2020", "3 W 1-1"),
        ("a.pdf", "3 W 1-1-1"),
        ("Plans", "3 W 1-1-2"),
        ("p.pdf", "3 W 1-1-2-1"),
    ]
    assert ("c.pdf", "3 W 2-1") in got


def test_continuous_numbering_in_tree_order_with_start_and_padding() -> None:
    got = plan(sample(), Numbering(prefix="3W-", per_level=False, start=7, padding=3))
    assert got == [
        ("Urbanisme", "3W-007"),
        ("PC 2020", "3W-008"),
        ("Plans", "3W-009"),
        ("PC 2021", "3W-010"),
        ("Voirie", "3W-011"),
        ("Vide", "3W-012"),
    ]


def test_start_is_for_the_first_level_padding_for_every_level() -> None:
    got = plan(sample(), Numbering(start=12, padding=2))
    assert got[:3] == [("Urbanisme", "12"), ("PC 2020", "12/01"), ("Plans", "12/01/01")]
    assert got[4:] == [("Voirie", "13"), ("Vide", "14")]


def test_prefix_joined_with_a_space_only_after_a_letter_or_digit() -> None:
    assert join_prefix("3 W", "1") == "3 W 1"
    assert join_prefix("3W12", "1") == "3W12 1"
    assert join_prefix("3 W 12/", "1") == "3 W 12/1"
    assert join_prefix("FRAD033_", "1") == "FRAD033_1"
    assert join_prefix("", "1") == "1"


def test_prefix_under_a_series_or_an_article() -> None:
    assert join_prefix(prefix_under("3 W"), "1") == "3 W 1"
    assert join_prefix(prefix_under("3 W 12", "-"), "1") == "3 W 12-1"
    assert prefix_under("") == ""


def test_existing_cotes_kept_their_children_numbered_under_them_no_duplicate() -> None:
    pkg = sample()
    urbanisme, voirie = pkg.roots[0], pkg.roots[1]
    urbanisme.archival_ids = ["3 W 2", "ancienne 45"]  # kept, and 2 is not given again
    got = plan(pkg, Numbering(prefix="3 W"))
    assert got == [
        ("Urbanisme", "3 W 2"),
        ("PC 2020", "3 W 2/1"),
        ("Plans", "3 W 2/1/1"),
        ("PC 2021", "3 W 2/2"),
        ("Voirie", "3 W 1"),
        ("Vide", "3 W 3"),
    ]
    edits = dict((u.title, v) for u, v in cote_edits(pkg.roots, Numbering(prefix="3 W")))
    assert "Urbanisme" not in edits and edits["Voirie"] == ["3 W 1"]
    assert voirie.archival_ids == []  # a plan: nothing changed yet


def test_overwrite_replaces_the_first_value_and_keeps_the_others() -> None:
    pkg = sample()
    pkg.roots[0].archival_ids = ["9 Z 9", "ancienne 45"]
    edits = dict((u.title, v) for u, v in cote_edits(pkg.roots, Numbering(overwrite=True)))
    assert edits["Urbanisme"] == ["1", "ancienne 45"]
    assert edits["PC 2020"] == ["1/1"]


def test_unchanged_units_are_not_edits() -> None:
    pkg = sample()
    numbering = Numbering(prefix="3 W", overwrite=True)
    for u, values in cote_edits(pkg.roots, numbering):
        u.archival_ids = values
    assert cote_edits(pkg.roots, numbering) == []


def test_originating_field_and_cotes_used_elsewhere_are_skipped() -> None:
    pkg = sample()
    pkg.roots[2].originating_ids = ["3 W 1"]  # "Vide", outside the units numbered
    tops = in_tree_order(pkg.roots, [pkg.roots[1], pkg.roots[0].children[1]])
    assert [t.title for t in tops] == ["PC 2021", "Voirie"]  # tree order, not selection's
    numbering = Numbering(prefix="3 W", field="originating_ids")
    reserved = reserved_cotes(pkg.roots, tops, "originating_ids")
    assert reserved == {"3 W 1"}
    edits = cote_edits(tops, numbering, reserved=reserved)
    assert [(u.title, v) for u, v in edits] == [("PC 2021", ["3 W 2"]), ("Voirie", ["3 W 3"])]
    assert all(u.archival_ids == [] for u, _v in edits)


def test_selection_inside_a_selected_unit_is_numbered_with_it() -> None:
    pkg = sample()
    urbanisme = pkg.roots[0]
    tops = in_tree_order(pkg.roots, [urbanisme.children[0], urbanisme])
    assert tops == [urbanisme]


def test_order_follows_the_tree_as_shown() -> None:
    pkg = sample()

    def by_title_desc(units: object) -> list[ArchiveUnit]:
        return sorted(units, key=lambda u: u.title, reverse=True)  # type: ignore[attr-defined]

    tops = in_tree_order(pkg.roots, pkg.roots, by_title_desc)
    assert [t.title for t in tops] == ["Voirie", "Vide", "Urbanisme"]
    assert plan_with(tops, by_title_desc) == [
        ("Voirie", "1"),
        ("Vide", "2"),
        ("Urbanisme", "3"),
        ("PC 2021", "3/1"),
        ("PC 2020", "3/2"),
        ("Plans", "3/2/1"),
    ]


def plan_with(tops: list[ArchiveUnit], order: object) -> list[tuple[str, str]]:
    return [(c.unit.title, c.cote) for c in number_cotes(tops, Numbering(), order=order)]  # type: ignore[arg-type]


def test_lazy_and_deep() -> None:
    """A 5,000-deep chain: no recursion; the preview reads only the first few."""
    top = node = ArchiveUnit(title="0")
    for i in range(1, 5000):
        node = node.add(ArchiveUnit(title=str(i)))
    first = [c.cote for c in islice(number_cotes([top], Numbering(separator=".")), 3)]
    assert first == ["1", "1.1", "1.1.1"]
    last = list(number_cotes([top], Numbering(per_level=False)))[-1]
    assert last.cote == "5000" and last.unit is node


def test_bad_numbering_refused() -> None:
    with pytest.raises(ValueError):
        Numbering(field="title")
    with pytest.raises(ValueError):
        Numbering(start=-1)


@pytest.mark.parametrize("version", ["2.1", "2.2", "2.3"])
def test_numbered_package_written_valid_and_read_back(version: str) -> None:
    pkg = sample()
    pkg.roots[0].file_plan_position = ["1.2"]
    for u, values in cote_edits(pkg.roots, Numbering(prefix="3 W", files=True)):
        u.archival_ids = values
    pkg.roots[0].originating_ids = ["URB"]
    buf = io.BytesIO()
    uris = {obj.uid: f"content/ID{obj.uid}.pdf" for _u, obj in pkg.objects()}
    write_manifest(pkg, buf, version=version, uris=uris)
    data = buf.getvalue()
    assert validate(data, version, XSD, flavour="standard") == []
    back = read_manifest(data)
    assert [u.archival_ids for u in back.walk()] == [u.archival_ids for u in pkg.walk()]
    assert back.roots[0].archival_ids == ["3 W 1"] and back.roots[0].originating_ids == ["URB"]
