"""ReSIP's spreadsheets in and out (``seda.resip_csv``), on CSV files written the way
ReSIP, Archifiltre, Excel and LibreOffice write them (see ../shared/design/resip-csv.md)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from seda.findings import Code, Severity
from seda.manifest import read_manifest, write_manifest
from seda.model import SEDA_VERSIONS, Package
from seda.referentials import load_rules
from seda.resip_csv import (
    CsvError,
    decode,
    detect_separator,
    export_csv,
    import_csv,
    package_table,
    read_table,
    sniff_kind,
)
from seda.xsd import validate
from tests.conftest import pdf_bytes, png_bytes

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
XSD = SHARED / "seda-xsd"
RULES = SHARED / "referentials" / "rules" / "R16_OK_regles_CSV.csv"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "dossier").mkdir()
    (tmp_path / "dossier" / "note.pdf").write_bytes(pdf_bytes())
    (tmp_path / "dossier" / "plan.png").write_bytes(png_bytes())
    (tmp_path / "marches").mkdir()
    (tmp_path / "marches" / "lot1.pdf").write_bytes(pdf_bytes())
    return tmp_path


def write_csv(
    folder: Path, text: str, name: str = "description.csv", encoding: str = "utf-8"
) -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def refused(path: Path, **kwargs: object) -> list[tuple[str, int | None]]:
    with pytest.raises(CsvError) as info:
        import_csv(path, **kwargs)  # type: ignore[arg-type]
    return [
        (f.code, f.params.get("record"))
        for f in info.value.findings
        if f.severity == Severity.ERROR
    ]


EXAMPLE_1 = '''ID;ParentID;File;DescriptionLevel;Title;Description;attr;Writer.0.FullName;Writer.1.FullName;StartDate
d1;;dossier;RecordGrp;Dossier 2024;"Voir la note ""A"" & annexes";"xml:lang=""fr""";Marie Curie;Paul Langevin;2024-01-01T00:00:00
f1;d1;dossier/note.pdf;Item;Note de synthèse;;;;;
u1;d1;;Item;Courrier papier (sans fichier);;;;;
'''

EXAMPLE_2 = """Id;ParentId;File;ObjectFiles;Content.DescriptionLevel;Content.Title;Management.AppraisalRule.Rule.0;Management.AppraisalRule.StartDate.0;Management.AppraisalRule.FinalAction
a;;;;RecordGrp;Marchés 2023;APP-00001;2023-12-31;Destroy
b;a;marches/lot1.pdf;marches/lot1.pdf;Item;Lot 1;;;
"""

TREE = """Id;nom;observations;cote;serie
1;Administration générale;;1.;
2;Conseil municipal;Délibérations;1.;1.
3;Personnel;;2.;1.
4;Carrières;;1.;1.2.
"""


# -- accepted ------------------------------------------------------------------------------


def test_id_parentid_file_example(folder: Path) -> None:
    result = import_csv(write_csv(folder, EXAMPLE_1))
    assert result.kind == "metadata" and result.rows == 3 and result.findings == []
    (root,) = result.package.roots
    assert root.title == "Dossier 2024" and root.level == "RecordGrp"
    assert root.description == 'Voir la note "A" & annexes'
    assert root.more is not None and root.more.description_lang == "fr"
    assert [a.full_name for a in root.more.agents] == ["Marie Curie", "Paul Langevin"]
    assert root.start_date == date(2024, 1, 1)
    assert root.objects == []  # File names a folder: a unit without object, as in ReSIP
    note, paper = root.children
    assert [o.filename for o in note.objects] == ["note.pdf"]
    assert note.objects[0].size == len(pdf_bytes())
    assert Path(note.objects[0].source) == folder / "dossier" / "note.pdf"
    assert paper.objects == [] and paper.title == "Courrier papier (sans fichier)"


def test_extended_prefixed_with_rules(folder: Path) -> None:
    result = import_csv(write_csv(folder, EXAMPLE_2))
    (root,) = result.package.roots
    block = root.management.rules["AppraisalRule"]
    assert [r.rule_id for r in block.rules] == ["APP-00001"]
    assert block.rules[0].start_date == date(2023, 12, 31) and block.final_action == "Destroy"
    assert [o.filename for o in root.children[0].objects] == ["lot1.pdf"]


def test_file_only_block_links_by_folder(folder: Path) -> None:
    text = "File;Title\ndossier;Le dossier\ndossier/note.pdf;La note\ndossier/plan.png;Le plan\nmarches/lot1.pdf;Lot\n"
    result = import_csv(write_csv(folder, text))
    titles = {u.title: u for u in result.package.walk()}
    assert [c.title for c in titles["Le dossier"].children] == ["La note", "Le plan"]
    assert titles["Lot"].parent is None  # its folder has no row: a root
    assert len(result.package.roots) == 2


def test_id_file_parentfile_and_file_parentfile(folder: Path) -> None:
    text = "ID;File;ParentFile;Title\nA;dossier;;Dossier\nB;dossier/note.pdf;A;Note\n"
    result = import_csv(write_csv(folder, text))
    assert [c.title for c in result.package.roots[0].children] == ["Note"]
    # ReSIP compares ParentFile with absolute paths only; relative ones work here
    text = "File;ParentFile;Title\ndossier;;Dossier\ndossier/plan.png;dossier;Plan\n"
    result = import_csv(write_csv(folder, text, "b.csv"))
    assert [c.title for c in result.package.roots[0].children] == ["Plan"]


def test_object_files_with_usage_names(folder: Path) -> None:
    (folder / "dossier" / "__TextContent_1__note.txt").write_text("texte", "utf-8")
    text = (
        "Id;ParentId;File;ObjectFiles;Content.Title\n"
        "1;;dossier/note.pdf;dossier/note.pdf|dossier/__TextContent_1__note.txt;Note\n"
    )
    unit = import_csv(write_csv(folder, text)).package.roots[0]
    assert [(o.filename, o.version) for o in unit.objects] == [
        ("note.pdf", "BinaryMaster_1"),
        ("note.txt", "TextContent_1"),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_encodings(folder: Path, encoding: str) -> None:
    text = "ID;ParentID;File;Title;Description\n1;;;Délibérations;Œuvre « été » – 2€\n"
    result = import_csv(write_csv(folder, text, encoding=encoding))
    unit = result.package.roots[0]
    assert unit.title == "Délibérations" and unit.description == "Œuvre « été » – 2€"


def test_bom_is_not_part_of_the_first_column(folder: Path) -> None:
    table = read_table(write_csv(folder, "File;Title\n;x\n", encoding="utf-8-sig"))
    assert table.header == ["File", "Title"] and table.encoding == "utf-8-sig"


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_separators(folder: Path, sep: str) -> None:
    rows = [
        ["ID", "ParentID", "File", "Title", "Description"],
        ["1", "", "", "Un; deux, trois", "x"],
    ]
    text = "\n".join(
        sep.join(f'"{c}"' if any(s in c for s in ";,\t") else c for c in r) for r in rows
    )
    unit = import_csv(write_csv(folder, text + "\n")).package.roots[0]
    assert unit.title == "Un; deux, trois" and unit.description == "x"


def test_detect_separator_ignores_quoted_text() -> None:
    assert detect_separator('"a;b;c;d",x,y\n1;2;3;4;5;6\n') == ","
    assert detect_separator("Title\nx\n") == ";"


def test_blank_rows_skipped_trimmed_and_header_names_folded(folder: Path) -> None:
    text = (
        "\n ID ; parentid ;FILE; title ; Déscription \n\n"
        "1;;; Titre avec espaces ;  d  \n"
        ";;;;\n"  # a row of empty cells, as Excel writes them
        "\n"
        "2;1;;Enfant;\n"
    )
    result = import_csv(write_csv(folder, text))
    (root,) = result.package.roots
    assert root.title == "Titre avec espaces" and root.description == "d"
    assert [c.title for c in root.children] == ["Enfant"]


def test_formula_like_cells_are_text(folder: Path) -> None:
    text = (
        'ID;ParentID;File;Title;Description\n1;;;=SUM(A1:A3);"\'=1+1"\n2;;;+33 5 56;@moi\n3;;;-;\n'
    )
    roots = import_csv(write_csv(folder, text)).package.roots
    assert [(u.title, u.description) for u in roots] == [
        ("=SUM(A1:A3)", "=1+1"),
        ("+33 5 56", "@moi"),
        ("-", ""),
    ]


def test_french_dates_become_iso_and_partial_dates_are_periods(folder: Path) -> None:
    text = "ID;ParentID;File;Title;StartDate;EndDate;TransactedDate\n1;;;T;03/02/2021;1995;2021-02-03T10:00:00\n"
    unit = import_csv(write_csv(folder, text)).package.roots[0]
    assert unit.start_date == date(2021, 2, 3) and unit.end_date == date(1995, 12, 31)
    assert unit.more is not None and unit.more.transacted_date is not None
    assert unit.more.transacted_date.hour == 10


def test_descriptive_fields_archivists_fill(folder: Path) -> None:
    text = (
        "ID;ParentID;File;Title;OriginatingAgencyArchiveUnitIdentifier;ArchivalAgencyArchiveUnitIdentifier;"
        "FilePlanPosition;SystemId;OriginatingSystemId;CustodialHistory.CustodialHistoryItem.0;"
        "CustodialHistory.CustodialHistoryItem.1;Language.0;Language.1;DescriptionLanguage;Tag;"
        "Keyword.0.KeywordContent;Keyword.0.KeywordType;Keyword.1.KeywordContent;Keyword.1.KeywordType;"
        "Coverage.Spatial;Coverage.Temporal;Writer.FullName;Writer.Role;Addressee.Corpname;"
        "Recipient.FirstName;Recipient.BirthName;Sender.Identifier;AcquiredDate\n"
        "1;;;Registre;1D1;3 W 12;1.2.;S1;GED-1;Mairie;Archives;fr;oc;fr;conseil;Bordeaux;GEOGNAME;"
        "urbanisme;subject;Gironde;XXe;M. le Maire;rédacteur;Préfecture;Jeanne;Martin;SIRET-1;2024-05-06\n"
    )
    unit = import_csv(write_csv(folder, text)).package.roots[0]
    more = unit.more
    assert more is not None
    assert unit.originating_ids == ["1D1"] and unit.archival_ids == ["3 W 12"]
    assert unit.file_plan_position == ["1.2."]
    assert more.system_ids == ["S1"] and more.originating_system_ids == ["GED-1"]
    assert more.custodial_history == ["Mairie", "Archives"]
    assert more.languages == ["fr", "oc"] and more.description_language == "fr"
    assert more.tags == ["conseil"]
    assert [(k.content, k.type) for k in unit.keywords] == [
        ("Bordeaux", "geogname"),
        ("urbanisme", "subject"),
    ]
    assert more.spatial == ["Gironde"] and more.temporal == ["XXe"]
    assert [(a.element, a.full_name, a.roles) for a in more.agents][0] == (
        "Writer",
        "M. le Maire",
        ["rédacteur"],
    )
    assert {a.element for a in more.agents} == {"Writer", "Addressee", "Recipient", "Sender"}
    assert more.acquired_date == date(2024, 5, 6)


def test_duplicate_key_warns_and_the_later_row_wins(folder: Path) -> None:
    text = "ID;ParentID;File;Title\n1;;;Premier\n1;;;Second\n2;inconnu;;Orphelin\n3;3;;Lui-même\n"
    result = import_csv(write_csv(folder, text))
    assert [u.title for u in result.package.roots] == ["Second", "Orphelin", "Lui-même"]
    assert [(f.code, f.params["record"]) for f in result.findings] == [
        (Code.CSV_DUPLICATE_KEY, 3),
        (Code.CSV_UNKNOWN_PARENT, 4),
    ]
    assert all(f.severity == Severity.WARNING for f in result.findings)


def test_children_listed_before_parents(folder: Path) -> None:
    text = 'Id;ParentId;File;ObjectFiles;Content.Title\n"ID3";"ID2";"";"";"Enfant"\n"ID2";"";"";"";"Parent"\n'
    (root,) = import_csv(write_csv(folder, text)).package.roots
    assert root.title == "Parent" and [c.title for c in root.children] == ["Enfant"]


def test_tree_csv_gives_units_without_objects(folder: Path) -> None:
    result = import_csv(write_csv(folder, TREE))
    assert result.kind == "tree"
    units = {u.originating_ids[0]: u for u in result.package.walk()}
    assert sorted(units) == ["1.", "1.1.", "1.2.", "1.2.1."]
    assert units["1."].level == "Series" and units["1.2.1."].level == "Subseries"
    assert units["1.2.1."].parent is units["1.2."]
    assert units["1.1."].description == "Délibérations"
    assert not any(u.objects for u in units.values())


def test_sniff_kind(folder: Path) -> None:
    assert sniff_kind(write_csv(folder, TREE, "t.csv")) == "tree"
    assert sniff_kind(write_csv(folder, EXAMPLE_2, "m.csv")) == "metadata"
    assert sniff_kind(RULES) == "rules"
    agencies = SHARED / "referentials" / "agencies" / "R16_agencies_init.csv"
    assert sniff_kind(agencies) == "agencies"


# -- refused: every problem, with ReSIP's line numbers ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title;File\nx;\n", [(Code.CSV_BAD_HEADER, 1)]),
        ("ID;File\n1;\n", [(Code.CSV_BAD_HEADER, 1)]),
        ("ID;ParentID;File\n1;;\n", [(Code.CSV_NO_METADATA, 1)]),
        ("ID;ParentID;File;Titre\n1;;;x\n", [(Code.CSV_UNKNOWN_COLUMN, 1)]),
        ("ID;ParentID;File;Description Level\n1;;;x\n", [(Code.CSV_BAD_TAG, 1)]),
        ("ID;ParentID;File;Content.Title;Description\n1;;;x;y\n", [(Code.CSV_MIXED_PREFIX, 1)]),
        ("ID;ParentID;File;Management.AccessRule.Rule\n1;;;ACC\n", [(Code.CSV_NO_CONTENT, 1)]),
        ("ID;ParentID;File;Writer\n1;;;x\n", [(Code.CSV_NOT_LEAF, 1)]),
        ("ID;ParentID;File;Title;Title\n1;;;x;y\n", [(Code.CSV_DUPLICATE_COLUMN, 1)]),
        ("ID;ParentID;File;DescriptionLevel.1\n1;;;x\n", [(Code.CSV_NOT_REPEATABLE, 1)]),
        (
            "ID;ParentID;File;Content.Title;Management.AccessRule.HoldOwner\n1;;;x;y\n",
            [(Code.CSV_BAD_RULE_FIELD, 1)],
        ),
        ("ID;ParentID;File;DateLitteral\n1;;;vers 1900\n", [(Code.CSV_UNKNOWN_COLUMN, 1)]),
    ],
)
def test_refused_headers(folder: Path, text: str, expected: list[tuple[str, int]]) -> None:
    assert refused(write_csv(folder, text)) == expected


def test_column_of_a_later_version_says_which(folder: Path) -> None:
    path = write_csv(folder, "ID;ParentID;File;DateLitteral\n1;;;vers 1900\n")
    with pytest.raises(CsvError) as info:
        import_csv(path, version="2.1")
    assert info.value.findings[0].params["known_in"] == "2.2"
    assert import_csv(path, version="2.2").rows == 1


def test_every_row_problem_listed_at_once_with_its_line(folder: Path) -> None:
    text = (
        "ID;ParentID;File;Title;StartDate;DescriptionLevel;Keyword.KeywordType\n"  # 1
        "1;;;Bon;2021-01-01;File;\n"  # 2
        "2;1;;Trop;de;cellules;;x;\n"  # 3: too many cells (empty trailing ones are let go)
        "\n"  # 4: blank, skipped but counted
        "3;1;;Date;31/02/2021;Item;\n"  # 5
        "4;1;absent.pdf;Fichier;;Item;\n"  # 6 (other files are there: an error)
        "5;1;;Niveau;;Dossier;\n"  # 7
        "6;1;;Mot;;;matière\n"  # 8
        "7;1;;Court\n"  # 9
        "8;1;dossier/note.pdf;Présent;;Item;\n"  # 10
    )
    assert refused(write_csv(folder, text)) == [
        (Code.CSV_FIELD_COUNT, 3),
        (Code.CSV_BAD_VALUE, 5),
        (Code.CSV_FILE_MISSING, 6),
        (Code.CSV_BAD_VALUE, 7),
        (Code.CSV_BAD_VALUE, 8),
        (Code.CSV_FIELD_COUNT, 9),
    ]


def test_a_quoted_cell_over_two_lines_counts_as_one_row(folder: Path) -> None:
    text = 'ID;ParentID;File;Title;StartDate\n1;;;"sur\ndeux lignes";\n2;;;x;2021-13-01\n'
    with pytest.raises(CsvError) as info:
        import_csv(write_csv(folder, text))
    (finding,) = info.value.findings
    assert finding.params["record"] == 3 and finding.line == 4


def test_rules_checked_against_the_referential(folder: Path) -> None:
    rules = load_rules(RULES)
    some_access = next(r.rule_id for r in rules if r.rule_type == "AccessRule")
    text = (
        "ID;ParentID;File;Content.Title;Management.AccessRule.Rule;Management.AppraisalRule.Rule;"
        "Management.AppraisalRule.FinalAction\n"
        f"1;;;x;{some_access};;\n"
        "2;;;y;NOPE-00001;;\n"
        f"3;;;z;;{some_access};Keep\n"
        "4;;;w;;;Garder\n"
    )
    assert refused(write_csv(folder, text), rules=rules) == [
        (Code.CSV_UNKNOWN_RULE, 3),
        (Code.CSV_RULE_CATEGORY, 4),
        (Code.CSV_BAD_VALUE, 5),
    ]


def test_cycle_refused(folder: Path) -> None:
    text = "ID;ParentID;File;Title\n1;2;;a\n2;1;;b\n3;;;c\n"
    codes = refused(write_csv(folder, text))
    assert codes and all(code == Code.CSV_CYCLE for code, _ in codes)


def test_object_files_naming_a_folder(folder: Path) -> None:
    text = "Id;ParentId;File;ObjectFiles;Content.Title\n1;;;dossier;x\n"
    assert refused(write_csv(folder, text)) == [(Code.CSV_NOT_A_FILE, 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Id;nom;observations;cote;serie\n1;A;;1.;\n2;B;;\n", [(Code.CSV_TREE_FIELDS, 3)]),
        ("Id;nom;observations;cote;serie\n1;;;1.;\n", [(Code.CSV_TREE_EMPTY_TITLE, 2)]),
        ("Id;nom;observations;cote;serie\n1;A;;;\n", [(Code.CSV_TREE_EMPTY_SUFFIX, 2)]),
        ("Id;nom;observations;cote;serie\n1;A;;1.;9.\n", [(Code.CSV_TREE_NO_SERIES, None)]),
        (
            "Id;nom;observations;cote;serie\n1;A;;1.;\n2b;B;;1.;7.\n",
            [(Code.CSV_TREE_ORPHAN, 3)],
        ),
    ],
)
def test_refused_tree_csv(folder: Path, text: str, expected: list[tuple[str, int | None]]) -> None:
    assert refused(write_csv(folder, text)) == expected


def test_undecodable_and_malformed_files(folder: Path) -> None:
    path = folder / "bad.csv"
    path.write_bytes(b"File;Title\n;\x81\x8d\x8f\n")
    assert refused(path) == [(Code.CSV_ENCODING, None)]
    assert decode(b"\xff\xfeT\x00") == ("T", "utf-16")
    assert refused(write_csv(folder, 'File;Title\n;"pas fermé\n')) == [(Code.CSV_SYNTAX, 2)]
    assert refused(write_csv(folder, "")) == [(Code.CSV_EMPTY, None)]
    assert refused(write_csv(folder, "File;Title\n")) == [(Code.CSV_EMPTY, None)]


def test_table_without_any_of_its_files_warns(folder: Path) -> None:
    """ReSIP's own sample tables travel without their files: units without objects."""
    text = "ID;ParentID;File;Title\n1;;loin/a.pdf;A\n2;1;loin/b.pdf;B\n"
    result = import_csv(write_csv(folder, text))
    assert result.rows == 2 and not any(u.objects for u in result.package.walk())
    assert [(f.code, f.severity, f.params["count"]) for f in result.findings] == [
        (Code.CSV_FILES_ABSENT, Severity.WARNING, 2)
    ]


def test_extension_columns_kept_typos_refused(folder: Path) -> None:
    text = "ID;ParentID;File;Title;Requirer.Identifier;Requirer.BirthName;Event.OutCome\n1;;;T;R-1;Afina;OK\n"
    result = import_csv(write_csv(folder, text))
    unit = result.package.roots[0]
    assert unit.more is not None
    assert unit.more.raw_content == [
        "<Event><Outcome>OK</Outcome></Event>",
        "<Requirer><Identifier>R-1</Identifier><BirthName>Afina</BirthName></Requirer>",
    ]
    assert [(f.code, f.params["column"]) for f in result.findings] == [
        (Code.CSV_EXTENSION_COLUMN, "Requirer.Identifier"),
        (Code.CSV_EXTENSION_COLUMN, "Requirer.BirthName"),
    ]
    with pytest.raises(CsvError) as info:
        import_csv(write_csv(folder, "ID;ParentID;File;Titre;Writer.Nom\n1;;;x;y\n", "b.csv"))
    assert [(f.code, f.params.get("suggestion")) for f in info.value.findings] == [
        (Code.CSV_UNKNOWN_COLUMN, "Title"),
        (Code.CSV_UNKNOWN_COLUMN, ""),
    ]
    # extension columns go back out and in unchanged
    out = folder / "ext.csv"
    export_csv(result.package, out)
    assert "Content.Requirer.Identifier" in read_table(out).header
    again = import_csv(out).package.roots[0]
    assert again.more is not None and again.more.raw_content == unit.more.raw_content


def test_nothing_half_imported(folder: Path) -> None:
    """A refused table raises: there is no partial package to pick up."""
    text = "ID;ParentID;File;Title\n1;;dossier/note.pdf;Bon\n2;;absent.pdf;Mauvais\n"
    with pytest.raises(CsvError):
        import_csv(write_csv(folder, text))


# -- the package it gives is a valid SIP -----------------------------------------------------


@pytest.mark.parametrize("version", SEDA_VERSIONS)
def test_csv_units_make_a_valid_manifest(folder: Path, version: str) -> None:
    text = (
        "Id;ParentId;File;ObjectFiles;Content.DescriptionLevel;Content.Title;Content.Title.attr;"
        "Content.Writer.FullName;Content.Addressee.0.Corpname;Content.Addressee.1.Corpname;"
        "Content.Event.EventType;Content.Event.EventDateTime;Content.Gps.GpsLatitude;"
        "Content.CustodialHistory.CustodialHistoryItem;Content.StartDate;Content.EndDate;"
        "Management.AccessRule.Rule;Management.AccessRule.StartDate;"
        "Management.ClassificationRule.Rule;Management.ClassificationRule.ClassificationLevel;"
        "Management.ClassificationRule.ClassificationOwner\n"
        '1;;;;File;Dossier;"xml:lang=""fr""";A;B;C;Création;2020-01-01T10:00:00;44.8;Mairie;'
        "2020-01-01;2020-12-31;ACC-00001;2020-01-01;CLASS-1;Secret Défense;Mairie\n"
        "2;1;dossier/note.pdf;dossier/note.pdf;Item;Note;;;;;;;;;;;;;;;\n"
    )
    package = import_csv(write_csv(folder, text), version=version).package
    buf = io.BytesIO()
    uris = {o.uid: f"content/ID{o.uid}.pdf" for _u, o in package.objects()}
    for _u, obj in package.objects():
        obj.digest = "ab" * 64
    package.header.archival_agreement = "IC-1"
    package.header.archival_agency = package.header.transferring_agency = "A"
    write_manifest(package, buf, version=version, uris=uris)
    assert validate(buf.getvalue(), version, XSD, flavour="standard") == []
    back = read_manifest(buf.getvalue())
    assert [u.title for u in back.walk()] == ["Dossier", "Note"]


# -- export ----------------------------------------------------------------------------------


def cells(path: Path) -> list[list[str]]:
    table = read_table(path)
    return [table.header] + [r.cells for r in table.rows]


def test_export_extended_format_like_resip(folder: Path) -> None:
    package = import_csv(write_csv(folder, EXAMPLE_1)).package
    out = folder / "sortie.csv"
    report = export_csv(package, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfId;ParentId;File;ObjectFiles;Content.DescriptionLevel;")
    assert report.rows == 3
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[0].split(";")[4:] == [
        "Content.DescriptionLevel",
        "Content.Title",
        "Content.Description",
        "Content.Description.attr",
        "Content.Writer.0.FullName",
        "Content.Writer.1.FullName",
        "Content.StartDate",
    ]
    assert lines[1] == (
        '"ID1";"";"dossier";"";"RecordGrp";"Dossier 2024";"Voir la note ""A"" & annexes";'
        '"xml:lang=""fr""";"Marie Curie";"Paul Langevin";"2024-01-01"'
    )
    assert lines[2].startswith('"ID2";"ID1";"dossier/note.pdf";"dossier/note.pdf";"Item";')
    assert lines[2].endswith(";;;;;")


def test_csv_round_trip_same_cells(folder: Path) -> None:
    first = folder / "un.csv"
    export_csv(import_csv(write_csv(folder, EXAMPLE_1)).package, first)
    second = folder / "deux.csv"
    export_csv(import_csv(first).package, second)
    assert second.read_bytes() == first.read_bytes()
    # and ReSIP's own layout keeps every value (modulo ids and ISO dates)
    assert cells(first)[1][5:] == [
        "Dossier 2024",
        'Voir la note "A" & annexes',
        'xml:lang="fr"',
        "Marie Curie",
        "Paul Langevin",
        "2024-01-01",
    ]


def test_export_rules_and_dot_zero_dropped(folder: Path) -> None:
    package = import_csv(write_csv(folder, EXAMPLE_2)).package
    header, rows, _report = package_table(package, folder)
    assert header[4:] == [
        "Content.DescriptionLevel",
        "Content.Title",
        "Management.AppraisalRule.Rule",
        "Management.AppraisalRule.StartDate",
        "Management.AppraisalRule.FinalAction",
    ]
    assert rows[0][4:] == ["RecordGrp", "Marchés 2023", "APP-00001", "2023-12-31", "Destroy"]
    assert rows[1][2:4] == ["marches/lot1.pdf", "marches/lot1.pdf"]


def test_export_formulas_kept_unless_neutralised(folder: Path) -> None:
    text = "ID;ParentID;File;Title;Description\n1;;;=SUM(A1);@x\n"
    package = import_csv(write_csv(folder, text)).package
    plain, safe = folder / "plain.csv", folder / "safe.csv"
    export_csv(package, plain)
    export_csv(package, safe, neutralise=True)
    assert '"=SUM(A1)";"@x"' in plain.read_text("utf-8-sig")
    assert '"\'=SUM(A1)";"\'@x"' in safe.read_text("utf-8-sig")
    # both read back to the same text
    for path in (plain, safe):
        unit = import_csv(path).package.roots[0]
        assert (unit.title, unit.description) == ("=SUM(A1)", "@x")


def test_export_windows_1252(folder: Path) -> None:
    text = "ID;ParentID;File;Title\n1;;;Été 😀\n"
    package = import_csv(write_csv(folder, text)).package
    out = folder / "w.csv"
    report = export_csv(package, out, encoding="cp1252")
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and "Été ?".encode("cp1252") in raw
    assert report.replaced == 1
    assert import_csv(out).package.roots[0].title == "Été ?"


def test_export_of_an_empty_package_is_a_header(folder: Path) -> None:
    out = folder / "vide.csv"
    export_csv(Package(), out)
    assert out.read_bytes() == b"\xef\xbb\xbfId;ParentId;File;ObjectFiles\r\n"


def test_export_is_atomic(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = folder / "garde.csv"
    out.write_text("ancien", "utf-8")
    package = import_csv(write_csv(folder, EXAMPLE_1)).package

    def boom(*_a: object, **_k: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        export_csv(package, out)
    assert out.read_text("utf-8") == "ancien"
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".garde")) == []


@pytest.mark.parametrize(
    ("column", "value", "kind"),
    [
        ("StartDate", "31/02/2021", "date"),
        ("TransactedDate", "2021-02-30", "date"),
        ("EndDate", "hier", "date"),
        ("Gps.GpsAltitude", "haut", "integer"),
        ("Language", "français", "language"),
        ("DescriptionLevel", "Dossier", "level"),
        ("Keyword.KeywordType", "matière", "keyword_type"),
        ("Writer.BirthDate", "2021-01-01T10:00:00", "date"),  # xsd:date: no time
    ],
)
def test_values_checked_against_the_ontology(
    folder: Path, column: str, value: str, kind: str
) -> None:
    path = write_csv(folder, f"ID;ParentID;File;Title;{column}\n1;;;T;{value}\n")
    with pytest.raises(CsvError) as info:
        import_csv(path)
    (finding,) = info.value.findings
    assert finding.code == Code.CSV_BAD_VALUE and finding.params["kind"] == kind
    assert finding.params["record"] == 2 and finding.params["value"] == value


def test_references_between_rows_follow_the_units(folder: Path) -> None:
    text = (
        "ID;ParentID;File;Title;RelatedObjectReference.References.ArchiveUnitRefId;"
        "OriginatingAgency.Identifier;OriginatingAgency.OrganizationDescriptiveMetadata.Nom\n"
        "a;;;A;b;MAIRIE;Mairie de Saint-Émilion\n"
        "b;;;B;;;\n"
    )
    package = import_csv(write_csv(folder, text), version="2.2").package
    a, b = package.roots
    assert a.more is not None
    related = next(x for x in a.more.raw_content if x.startswith("<RelatedObjectReference"))
    assert f"<ArchiveUnitRefId>AU{b.uid}</ArchiveUnitRefId>" in related
    assert any("<Nom>Mairie de Saint-Émilion</Nom>" in x for x in a.more.raw_content)
    buf = io.BytesIO()
    write_manifest(package, buf, version="2.2", uris={})
    errors = validate(buf.getvalue(), "2.2", XSD, flavour="standard")
    assert not [f for f in errors if "IDREF" in str(f.params.get("message"))]
    # out and in again: the reference is written as the row's id, and read back
    out = folder / "refs.csv"
    export_csv(package, out)
    table = read_table(out)
    column = table.header.index("Content.RelatedObjectReference.References.ArchiveUnitRefId")
    assert table.rows[0].cells[column] == "ID2"
    again = import_csv(out, version="2.2").package
    assert f"AU{again.roots[1].uid}" in "".join(again.roots[0].more.raw_content)  # type: ignore[union-attr]
    bad = write_csv(folder, text.replace(";b;MAIRIE", ";zz;MAIRIE"), "bad.csv")
    assert refused(bad, version="2.2") == [(Code.CSV_BAD_REFERENCE, 2)]


def test_untitled_rows_take_their_file_name(folder: Path) -> None:
    text = "File;Description\ndossier;Un dossier\ndossier\\note.pdf;Une note\n"
    result = import_csv(write_csv(folder, text))
    (root,) = result.package.roots
    assert (root.title, root.level) == ("dossier", "RecordGrp")
    assert [(c.title, c.level) for c in root.children] == [("note.pdf", "Item")]
