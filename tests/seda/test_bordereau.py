"""``seda.bordereau.collect``: what the transfer slip shows, as data (order, totals, rules)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from seda.bordereau import collect
from seda.model import (
    ArchiveUnit,
    Attachment,
    BinaryObject,
    DescriptionLevel,
    FormatInfo,
    Package,
    Rule,
)
from seda.referentials import load_rules
from seda.referentials.rules_csv import RulesReferential

PDF = FormatInfo("fmt/18", "Acrobat PDF 1.4", "1.4", "application/pdf")
PNG = FormatInfo("fmt/11", "Portable Network Graphics", "1.0", "image/png")


def obj(name: str, size: int, fmt: FormatInfo | None = None) -> BinaryObject:
    return BinaryObject(source=f"/nowhere/{name}", filename=name, size=size, format=fmt or PDF)


@pytest.fixture
def referential(tmp_path: Path) -> RulesReferential:
    path = tmp_path / "regles.csv"
    path.write_text(
        "RuleId,RuleType,RuleValue,RuleDescription,RuleDuration,RuleMeasurement\n"
        "APP-10,AppraisalRule,Délibérations,,10,YEAR\n"
        "APP-01,AppraisalRule,Pièces comptables,,1,MONTH\n"
        "ACC-25,AccessRule,Vie privée,,25,YEAR\n"
        "ACC-00,AccessRule,Libre,,0,YEAR\n"
        "STO-UN,StorageRule,Illimitée,,unlimited,YEAR\n",
        encoding="utf-8",
    )
    return load_rules(path)


def build() -> tuple[Package, dict[str, ArchiveUnit]]:
    """Two roots: Conseil (Délibérations > 2 pièces, Budget > 1 pièce) and Photos (1 pièce)."""
    pkg = Package(seda_version="2.2")
    pkg.header.message_identifier = "MSG-1"
    pkg.header.transferring_agency = "COMMUNE"
    pkg.header.transferring_agency_name = "Mairie"
    pkg.header.archival_agency = "AD"
    pkg.header.archival_agreement = "IC-1"
    u: dict[str, ArchiveUnit] = {}
    u["conseil"] = ArchiveUnit(
        "Conseil municipal",
        DescriptionLevel.SERIES,
        start_date=date(2019, 1, 10),
        end_date=date(2023, 12, 31),
        archival_ids=["3 W 1"],
        originating_ids=["CM"],
    )
    u["delib"] = u["conseil"].add(ArchiveUnit("Délibérations", DescriptionLevel.FILE))
    u["d1"] = u["delib"].add(ArchiveUnit("Délib 1", DescriptionLevel.ITEM))
    u["d1"].objects.append(obj("d1.pdf", 100))
    u["d2"] = u["delib"].add(
        ArchiveUnit("Délib 2", DescriptionLevel.ITEM, start_date=date(2018, 6, 1))
    )
    u["d2"].objects.append(obj("d2.pdf", 200))
    u["budget"] = u["conseil"].add(ArchiveUnit("Budget", DescriptionLevel.FILE))
    u["b1"] = u["budget"].add(ArchiveUnit("Budget 2023", DescriptionLevel.ITEM))
    u["b1"].objects.append(obj("b1.png", 50, PNG))
    u["photos"] = ArchiveUnit("Photos", DescriptionLevel.RECORD_GRP, end_date=date(2024, 2, 29))
    u["p1"] = u["photos"].add(ArchiveUnit("Photo", DescriptionLevel.ITEM))
    u["p1"].objects.append(obj("p.bin", 7, FormatInfo()))
    pkg.roots = [u["conseil"], u["photos"]]
    return pkg, u


def test_rows_in_tree_order_with_depth_and_subtree_totals() -> None:
    pkg, u = build()
    rows = list(collect(pkg).rows())
    assert [r.title for r in rows] == [
        "Conseil municipal",
        "Délibérations",
        "Délib 1",
        "Délib 2",
        "Budget",
        "Budget 2023",
        "Photos",
        "Photo",
    ]
    assert [r.depth for r in rows] == [0, 1, 2, 2, 1, 2, 0, 1]
    assert [r.number for r in rows] == list(range(1, 9))
    by_title = {r.title: r for r in rows}
    assert (by_title["Conseil municipal"].files, by_title["Conseil municipal"].size) == (3, 350)
    assert (by_title["Délibérations"].files, by_title["Délibérations"].size) == (2, 300)
    assert (by_title["Délib 2"].files, by_title["Délib 2"].own_files) == (1, 1)
    assert by_title["Budget"].own_files == 0 and by_title["Budget"].size == 50
    assert by_title["Conseil municipal"].cote == ["3 W 1", "CM"]
    assert by_title["Conseil municipal"].level == "Series"
    assert by_title["Photo"].uid == u["p1"].uid


def test_rows_are_reiterable_and_lazy() -> None:
    pkg, _ = build()
    doc = collect(pkg)
    rows = doc.rows()
    assert not isinstance(rows, list | tuple)  # a generator: 100,000 units are streamed
    first = [r.title for r in rows]
    assert [r.title for r in doc.rows()] == first and len(first) == 8


def test_totals_counts_bytes_dates_and_formats() -> None:
    pkg, _ = build()
    totals = collect(pkg).totals
    assert (totals.units, totals.files, totals.size) == (8, 4, 357)
    # the earliest start anywhere (Délib 2), the latest end anywhere (Photos, end only)
    assert totals.start_date == date(2018, 6, 1)
    assert totals.end_date == date(2024, 2, 29)
    assert [(f.puid, f.count, f.size) for f in totals.formats] == [
        ("fmt/18", 2, 300),
        ("fmt/11", 1, 50),
        ("", 1, 7),
    ]
    assert totals.formats[0].name == "Acrobat PDF 1.4"
    assert totals.formats[2].name == ""  # unidentified: no name invented


def test_totals_match_package_stats() -> None:
    pkg, _ = build()
    stats = pkg.stats()
    totals = collect(pkg).totals
    assert (totals.units, totals.files, totals.size) == (
        stats.units,
        stats.files,
        stats.total_size,
    )
    assert {f.puid: (f.count, f.size) for f in totals.formats} == stats.formats


def test_inherited_rules_end_dates_and_final_action(referential: RulesReferential) -> None:
    pkg, u = build()
    # package default: free access from 2020-03-01
    pkg.header.management.category("AccessRule").rules.append(Rule("ACC-00", date(2020, 3, 1)))
    appraisal = u["conseil"].management.category("AppraisalRule")
    appraisal.rules.append(Rule("APP-10", date(2024, 2, 29)))
    appraisal.final_action = "Keep"
    # Budget: its own appraisal rule is added, with another final action
    budget = u["budget"].management.category("AppraisalRule")
    budget.rules.append(Rule("APP-01", date(2024, 1, 31)))
    budget.final_action = "Destroy"
    # Délib 2: blocks the inherited access rule and sets its own
    access = u["d2"].management.category("AccessRule")
    access.prevent_inheritance = True
    access.rules.append(Rule("ACC-25", date(2018, 6, 1)))

    rows = {r.title: r for r in collect(pkg, rules=referential).rows()}
    conseil = rows["Conseil municipal"].rules["AppraisalRule"]
    assert [(r.rule_id, r.inherited, r.final_action) for r in conseil] == [
        ("APP-10", False, "Keep")
    ]
    assert conseil[0].end_date == date(2034, 2, 28)  # leap day + 10 years, clamped
    assert conseil[0].label == "Délibérations" and conseil[0].duration == "10 YEAR"

    d1 = rows["Délib 1"].rules
    assert d1["AppraisalRule"][0].inherited
    assert d1["AppraisalRule"][0].origin_title == "Conseil municipal"
    assert d1["AccessRule"][0].rule_id == "ACC-00"
    assert d1["AccessRule"][0].from_package and d1["AccessRule"][0].origin_title == ""
    assert d1["AccessRule"][0].end_date == date(2020, 3, 1)

    b1 = rows["Budget 2023"].rules["AppraisalRule"]
    assert [r.rule_id for r in b1] == ["APP-10", "APP-01"]
    assert {r.final_action for r in b1} == {"Destroy"}  # the nearest declared
    assert b1[1].end_date == date(2024, 2, 29)  # 31 January + 1 month, clamped

    d2 = rows["Délib 2"].rules["AccessRule"]
    assert [(r.rule_id, r.inherited, r.end_date) for r in d2] == [
        ("ACC-25", False, date(2043, 6, 1))
    ]
    # categories come in SEDA order
    assert list(rows["Délib 2"].rules) == ["AppraisalRule", "AccessRule"]


def test_rules_without_referential_show_ids_only() -> None:
    pkg, u = build()
    u["photos"].management.category("AppraisalRule").rules.append(Rule("APP-10", date(2020, 1, 1)))
    row = next(r for r in collect(pkg).rows() if r.title == "Photo")
    rule = row.rules["AppraisalRule"][0]
    assert (rule.rule_id, rule.label, rule.end_date, rule.inherited) == ("APP-10", "", None, True)


def test_attachments_per_root() -> None:
    pkg, u = build()
    u["conseil"].attachment = Attachment(system_id="aeaqaaaaaa", title="Fonds communal")
    u["photos"].attachment = Attachment(
        metadata_name="ArchivalAgencyArchiveUnitIdentifier", metadata_value="FI-2"
    )
    att = collect(pkg).attachments
    assert [(a.unit_title, a.system_id, a.node_title, a.is_set) for a in att] == [
        ("Conseil municipal", "aeaqaaaaaa", "Fonds communal", True),
        ("Photos", "", "", True),
    ]
    assert (att[1].metadata_name, att[1].metadata_value) == (
        "ArchivalAgencyArchiveUnitIdentifier",
        "FI-2",
    )
    pkg.roots[1].attachment = Attachment(metadata_name="X")  # no value: not usable
    assert not collect(pkg).attachments[1].is_set


def test_header_values_and_overrides() -> None:
    pkg, _ = build()
    doc = collect(pkg)
    assert doc.header.message_identifier == "MSG-1"
    assert doc.header.seda_version == "2.2"
    assert doc.header.transferring_agency_name == "Mairie"
    assert doc.header.date is None
    when = datetime(2024, 5, 2, 10, 30, tzinfo=UTC)
    pkg.header.message_identifier = ""
    doc = collect(pkg, message_identifier="VERSO-X", date=when)
    assert (doc.header.message_identifier, doc.header.date) == ("VERSO-X", when)


def test_deep_and_wide_trees_without_recursion() -> None:
    pkg = Package()
    node = ArchiveUnit("racine")
    pkg.roots.append(node)
    for i in range(3000):  # deeper than Python's recursion limit
        node = node.add(ArchiveUnit(f"niveau {i}"))
    node.objects.append(obj("x.pdf", 5))
    doc = collect(pkg)
    rows = doc.rows()
    first = next(rows)
    assert (first.files, first.size) == (1, 5)
    depths = [first.depth, *(r.depth for r in rows)]
    assert depths == list(range(3001))
    assert doc.totals.units == 3001


def test_empty_package() -> None:
    doc = collect(Package())
    assert list(doc.rows()) == []
    assert (doc.totals.units, doc.totals.files, doc.totals.formats) == (0, 0, [])
    assert doc.totals.start_date is None and doc.attachments == []


# -- described rows: what archivists count --------------------------------------------------
def test_described_rows_fold_plain_files_into_their_dossier() -> None:
    pkg, u = build()
    rows = list(collect(pkg).described_rows())
    # the pieces are plain file units: summarised on their dossier's row
    assert [r.title for r in rows] == ["Conseil municipal", "Délibérations", "Budget", "Photos"]
    assert [r.number for r in rows] == [1, 2, 3, 4]
    assert [r.depth for r in rows] == [0, 1, 1, 0]
    delib = rows[1].folded
    assert delib is not None
    assert (delib.files, delib.size, delib.kinds, delib.units) == (2, 300, [("PDF", 2)], 3)
    assert rows[0].folded is not None and rows[0].folded.files == 0  # none of its own
    assert rows[0].files == 3  # the whole subtree still counts
    photos = rows[3].folded
    assert photos is not None and photos.kinds == [("BIN", 1)]


def test_described_rows_keep_units_with_their_own_description() -> None:
    pkg, u = build()
    u["d1"].own("archival_ids").append("3 W 1/1")  # a cote of its own
    u["b1"].management.category("AccessRule").rules.append(Rule("ACC-25"))  # its own rule
    u["p1"].description = "Vue aérienne"
    titles = [r.title for r in collect(pkg).described_rows()]
    assert titles == [
        "Conseil municipal",
        "Délibérations",
        "Délib 1",
        "Budget",
        "Budget 2023",
        "Photos",
        "Photo",
    ]
    delib = next(r for r in collect(pkg).described_rows() if r.title == "Délibérations")
    assert delib.folded is not None and delib.folded.files == 1  # only d2 left to summarise


def test_described_rows_depth_limits_the_levels() -> None:
    pkg, u = build()
    u["d1"].own("archival_ids").append("X")
    rows = list(collect(pkg).described_rows(depth=0))
    assert [r.title for r in rows] == ["Conseil municipal", "Photos"]
    conseil = rows[0].folded
    assert conseil is not None and conseil.files == 3 and conseil.units == 6
    assert conseil.kinds == [("PDF", 2), ("PNG", 1)]
    assert [r.title for r in collect(pkg).described_rows(depth=1)] == [
        "Conseil municipal",
        "Délibérations",
        "Budget",
        "Photos",
    ]


def test_files_for_the_annex_name_their_row_and_path() -> None:
    pkg, u = build()
    files = list(collect(pkg).files(depth=0))
    assert [(f.row_number, f.path) for f in files] == [
        (1, "Délibérations/d1.pdf"),
        (1, "Délibérations/d2.pdf"),
        (1, "Budget/b1.png"),
        (2, "p.bin"),
    ]
    assert files[0].puid == "fmt/18" and files[3].puid == "" and files[2].size == 50
    assert [(f.row_number, f.path) for f in collect(pkg).files()] == [
        (2, "d1.pdf"),
        (2, "d2.pdf"),
        (3, "b1.png"),
        (4, "p.bin"),
    ]


def test_file_kind_is_the_extension() -> None:
    from seda.bordereau import file_kind

    assert file_kind("Rapport.final.PDF") == "PDF"
    assert file_kind("README") == "" and file_kind(".bashrc") == ""
    assert file_kind("archive.tar.gz") == "GZ"


def test_described_rows_of_a_very_deep_tree_without_recursion() -> None:
    pkg = Package()
    node = ArchiveUnit("racine")
    pkg.roots.append(node)
    for i in range(2000):
        node = node.add(ArchiveUnit(f"niveau {i}"))
    node.objects.append(obj("fond.pdf", 1))
    rows = list(collect(pkg).described_rows())
    # every level holding a child is a dossier; the last one only wraps its file
    assert len(rows) == 2000
    assert rows[-1].folded is not None and rows[-1].folded.files == 1
    shallow = list(collect(pkg).described_rows(depth=2))
    assert len(shallow) == 3 and shallow[-1].folded is not None
    assert shallow[-1].folded.files == 1 and shallow[-1].folded.units == 1999


def test_agency_names_from_the_referential_when_the_header_has_none(tmp_path: Path) -> None:
    from seda.referentials import load_agencies

    path = tmp_path / "services.csv"
    path.write_text(
        "Identifier,Name,Description\nAD,Archives départementales,\nCOMMUNE,Commune (référentiel),\n",
        encoding="utf-8",
    )
    pkg, _ = build()
    pkg.header.originating_agency = "COMMUNE"
    h = collect(pkg, agencies=load_agencies(path)).header
    assert h.archival_agency_name == "Archives départementales"
    assert h.transferring_agency_name == "Mairie"  # the header's own name wins
    assert h.originating_agency_name == "Commune (référentiel)"
    assert collect(pkg).header.archival_agency_name == ""


def test_has_cote() -> None:
    pkg, u = build()
    assert collect(pkg).has_cote  # "3 W 1" on the series
    u["conseil"].archival_ids.clear()
    u["conseil"].originating_ids.clear()
    assert not collect(pkg).has_cote
