"""Rules and agencies referentials: every shared sample file gets the SAE's verdict."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from seda.findings import Code, Severity
from seda.referentials import (
    ReferentialError,
    load_agencies,
    load_rules,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
REFS = SHARED / "referentials"


def expected_rows(kind: str) -> list[tuple[str, str, str]]:
    with (REFS / kind / "EXPECTED.tsv").open(encoding="utf-8") as fh:
        return [(r["file"], r["expected"], r["reason"]) for r in csv.DictReader(fh, delimiter="\t")]


# Words of EXPECTED.tsv's reason column -> the codes that express them (first match wins).
REASON_CODES: list[tuple[str, set[str]]] = [
    (r"header", {Code.REF_HEADER}),
    (r"latin-1|not utf-8", {Code.REF_ENCODING}),
    (r"not a \.?csv|spreadsheet", {Code.REF_NOT_CSV}),
    (r"wrong separator|fields\)", {Code.REF_FIELD_COUNT, Code.REF_NOT_CSV}),
    (r"html", {Code.REF_HTML}),
    (r"exceeds|over the limit", {Code.REF_DURATION_LIMIT}),
    (r"holdrule with", {Code.REF_HOLD_INCOMPLETE}),
    (r"measurement \S+ is not", {Code.REF_BAD_MEASUREMENT}),
    (r"not a number|negative duration", {Code.REF_BAD_DURATION}),
    (r"already used", {Code.REF_DUPLICATE_ID}),
    (r"ruletype \S+ unknown", {Code.REF_BAD_RULE_TYPE}),
    (r"empty line", {Code.REF_EMPTY_LINE}),
    (r"empty|missing duration", {Code.REF_EMPTY_FIELD}),
]


def reason_codes(reason: str) -> set[str]:
    low = reason.lower()
    for pattern, codes in REASON_CODES:
        if re.search(pattern, low):
            return codes
    raise AssertionError(f"no code mapped for reason {reason!r}")


def reason_lines(reason: str) -> list[int]:
    """'line 5: …' -> [5]; '(lines 2-4)' -> [2, 4]; no line -> []."""
    m = re.search(r"lines (\d+)-(\d+)", reason)
    if m:
        return [int(m.group(1)), int(m.group(2))]
    return [int(n) for n in re.findall(r"line (\d+)", reason)]


LOADERS = {"rules": load_rules, "agencies": load_agencies}
CASES = [(kind, *row) for kind in LOADERS for row in expected_rows(kind)]


@pytest.mark.parametrize(
    ("kind", "name", "expected", "reason"), CASES, ids=[f"{c[0]}/{c[1]}" for c in CASES]
)
def test_sample_file_verdict(kind: str, name: str, expected: str, reason: str) -> None:
    path = REFS / kind / name
    if expected == "accept":
        referential = LOADERS[kind](path)
        assert len(referential) > 0
        return
    with pytest.raises(ReferentialError) as info:
        LOADERS[kind](path)
    findings = info.value.findings
    assert findings and all(f.severity == Severity.ERROR for f in findings)
    assert all(f.path == str(path) for f in findings)
    codes = reason_codes(reason)
    relevant = [f for f in findings if f.code in codes]
    assert relevant, f"expected {codes}, got {[f.code for f in findings]}"
    # EXPECTED.tsv numbers rows as the SAE and a spreadsheet do (header = 1): params["record"].
    # ``line`` is the physical line where that row starts, never before it.
    for n in reason_lines(reason):
        at = [f for f in relevant if f.params.get("record", f.line) == n]
        assert at, (
            f"no {codes} finding on row {n}: {[(f.code, f.line, f.params) for f in findings]}"
        )
        assert all(f.line is not None and f.line >= n for f in at)


def test_all_problems_are_collected() -> None:
    path = REFS / "rules" / "R16_KO_RuleValue_vide.csv"
    with pytest.raises(ReferentialError) as info:
        load_rules(path)
    empty = [f for f in info.value.findings if f.code == Code.REF_EMPTY_FIELD]
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(empty) == sum(1 for r in rows if not r["RuleValue"].strip())
    assert len(empty) > 10


def write(tmp_path: Path, text: str, name: str = "r.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


HEADER = "RuleId,RuleType,RuleValue,RuleDescription,RuleDuration,RuleMeasurement\n"


def test_physical_line_and_record_of_multiline_rows(tmp_path: Path) -> None:
    text = (
        HEADER
        + 'APP-1,AppraisalRule,Un,"première ligne\nseconde ligne\ntroisième",5,YEAR\n'
        + "APP-2,AppraisalRule,,desc,5,YEAR\n"
    )
    with pytest.raises(ReferentialError) as info:
        load_rules(write(tmp_path, text))
    (f,) = info.value.findings
    assert (f.code, f.line, f.params["record"], f.params["field"]) == (
        Code.REF_EMPTY_FIELD,
        5,
        3,
        "RuleValue",
    )


def test_valid_rules_parsed(tmp_path: Path) -> None:
    text = (
        "\ufeff"
        + HEADER
        + 'APP-1,AppraisalRule,Délibérations du conseil,"Durée, avec virgule",10,year\r\n'
        + "ACC-1,AccessRule,Libre communicabilité,,unLimited,YEAR\r\n"
        + "HOL-1,HoldRule,Gel judiciaire,,,\r\n"
        + "STO-1,StorageRule,Conservation,,30,Day\r\n"
    )
    ref = load_rules(write(tmp_path, text))
    app = ref.get("APP-1")
    assert app is not None
    assert (app.duration, app.measurement, app.description, app.line) == (
        10,
        "YEAR",
        "Durée, avec virgule",
        2,
    )
    assert ref.get("ACC-1").duration is None  # type: ignore[union-attr]
    assert ref.get("ACC-1").duration_text == "unlimited"  # type: ignore[union-attr]
    hold = ref.get("HOL-1")
    assert hold is not None and hold.duration is None and hold.measurement == ""
    assert {k: [r.rule_id for r in v] for k, v in ref.by_type().items()} == {
        "AppraisalRule": ["APP-1"],
        "AccessRule": ["ACC-1"],
        "HoldRule": ["HOL-1"],
        "StorageRule": ["STO-1"],
    }


def test_duration_limits(tmp_path: Path) -> None:
    text = (
        HEADER
        + "A,AppraisalRule,a,,999,YEAR\n"
        + "B,AppraisalRule,b,,1000,YEAR\n"
        + "C,AppraisalRule,c,,11988,MONTH\n"
        + "D,AppraisalRule,d,,11989,month\n"
        + "E,AppraisalRule,e,,359640,DAY\n"
        + "F,AppraisalRule,f,,359641,DAY\n"
    )
    with pytest.raises(ReferentialError) as info:
        load_rules(write(tmp_path, text))
    over = {(f.line, f.params["limit"]) for f in info.value.findings}
    assert over == {(3, 999), (5, 11988), (7, 359640)}
    assert {f.code for f in info.value.findings} == {Code.REF_DURATION_LIMIT}


def test_search_rules_accents_and_case() -> None:
    ref = load_rules(REFS / "rules" / "R16_OK_regles_CSV.csv")
    hits = ref.search("COMMUNICABILITE")
    assert hits and all("communicabilit" in r.value.lower() for r in hits)
    assert ref.search("acc-00001")[0].rule_id == "ACC-00001"
    only_access = ref.search("a", category="AccessRule")
    assert only_access and {r.rule_type for r in only_access} == {"AccessRule"}
    assert ref.search("zzzz-introuvable") == []


def test_search_agencies() -> None:
    ref = load_agencies(REFS / "agencies" / "R16_agencies_init.csv")
    any_agency = next(iter(ref))
    assert ref.search(any_agency.identifier.lower())[0] is any_agency
    assert [a.identifier for a in ref.search("ratp")][0] == "RATP"


def test_search_agencies_accents(tmp_path: Path) -> None:
    text = "Identifier,Name,Description\nAG-1,Mairie de Saint-Étienne,\nAG-2,École Jules Ferry,\n"
    ref = load_agencies(write(tmp_path, text))
    assert [a.identifier for a in ref.search("saint etienne")] == ["AG-1"]
    assert [a.identifier for a in ref.search("ECOLE")] == ["AG-2"]
    assert [a.identifier for a in ref.search("ag-2")] == ["AG-2"]


def test_agency_duplicate_identifier(tmp_path: Path) -> None:
    text = "Identifier,Name,Description\nAG-1,Mairie,\nAG-2,École,\nAG-1,Autre,\n"
    with pytest.raises(ReferentialError) as info:
        load_agencies(write(tmp_path, text))
    (f,) = info.value.findings
    assert (f.code, f.line, f.params["first_line"]) == (Code.REF_DUPLICATE_ID, 4, 2)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Identifier;Name;Description\nA;B;C\n", Code.REF_NOT_CSV),
        ("", Code.REF_NOT_CSV),
        ("Identifier,Name\nA,B\n", Code.REF_HEADER),
        ('Identifier,Name,Description\nA,"B,C\n', Code.REF_NOT_CSV),
        ("Identifier,Name,Description\nA,B,<script>x</script>\n", Code.REF_HTML),
    ],
)
def test_agencies_malformed(tmp_path: Path, text: str, code: str) -> None:
    with pytest.raises(ReferentialError) as info:
        load_agencies(write(tmp_path, text))
    assert code in {f.code for f in info.value.findings}


def test_not_utf8_line(tmp_path: Path) -> None:
    path = write(tmp_path, "Identifier,Name,Description\nA,B,C\nD,Écoles,F\n", encoding="cp1252")
    with pytest.raises(ReferentialError) as info:
        load_agencies(path)
    (f,) = info.value.findings
    assert (f.code, f.line) == (Code.REF_ENCODING, 3)


def test_pdf_renamed_csv_refused(tmp_path: Path) -> None:
    path = tmp_path / "agencies.csv"
    path.write_bytes((REFS / "agencies" / "R16_KO_agencies.pdf").read_bytes())
    with pytest.raises(ReferentialError) as info:
        load_agencies(path)
    assert info.value.findings[0].code == Code.REF_NOT_CSV


def test_unreadable_file(tmp_path: Path, make_unreadable) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "Identifier,Name,Description\nA,B,C\n")
    make_unreadable(path)
    with pytest.raises(ReferentialError) as info:
        load_agencies(path)
    assert info.value.findings[0].code == Code.REF_UNREADABLE
