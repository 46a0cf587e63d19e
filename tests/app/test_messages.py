"""Every finding code has a French and an English sentence that uses its params."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.messages import LANGS, describe, has_text, severity_label, text
from seda.findings import Code, Finding, Severity

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.mark.parametrize("code", list(Code), ids=lambda c: c.name)
@pytest.mark.parametrize("lang", LANGS)
def test_every_code_has_a_text(code: Code, lang: str) -> None:
    assert has_text(code, lang), f"no {lang} text for {code.name}: add one in app/messages.py"
    sentence = describe(Finding(code, Severity.ERROR), lang)
    assert sentence and "{" not in sentence and "}" not in sentence
    assert str(code) not in sentence  # a real sentence, not the generic fallback


def test_french_and_english_differ() -> None:
    same = [
        c.name
        for c in Code
        if text(Finding(c, Severity.ERROR), "fr") == text(Finding(c, Severity.ERROR), "en")
    ]
    assert same == []


def test_params_path_and_line_are_used() -> None:
    f = Finding(
        Code.UNREADABLE,
        Severity.ERROR,
        "/mairie/acte.pdf",
        {"error": "[Errno 13] Permission denied"},
    )
    fr = describe(f)
    assert fr.startswith("« /mairie/acte.pdf » : ")
    assert "illisible" in fr and "Permission denied" in fr
    en = describe(f, "en")
    assert "cannot be read" in en and "/mairie/acte.pdf" in en

    g = Finding(
        Code.REF_DUPLICATE_ID,
        Severity.ERROR,
        "regles.csv",
        {"id": "ACC-00001", "first_line": 2},
        line=5,
    )
    assert (
        describe(g)
        == "« regles.csv », ligne 5 : L'identifiant « ACC-00001 » est déjà utilisé ligne 2."
    )
    assert describe(g, with_place=False).startswith("L'identifiant")


def test_broken_link_wording() -> None:
    f = Finding(Code.BROKEN_LINK, Severity.WARNING, "Liens/cassé", {"target": "absent"})
    assert "Lien symbolique cassé" in describe(f) and "« absent »" in describe(f)


def test_lists_and_missing_params() -> None:
    f = Finding(Code.REF_HEADER, Severity.ERROR, params={"missing": ["RuleType"], "extra": []})
    sentence = describe(f)
    assert "RuleType" in sentence and "?" not in sentence
    assert "?" in describe(Finding(Code.REF_EMPTY_FIELD, Severity.ERROR))  # no param: no crash


@pytest.mark.parametrize(
    ("code", "key", "values"),
    [
        (
            Code.ODD_NAME,
            "reason",
            ["windows_chars", "trailing_dot_space", "reserved_name", "long_path", "undecodable"],
        ),
        (Code.SPECIAL_FILE, "kind", ["fifo", "socket", "char_device", "block_device"]),
        (
            Code.REF_NOT_CSV,
            "reason",
            ["binary", "extension", "empty", "no_records", "syntax", "separator"],
        ),
        (
            Code.REF_BAD_TREE,
            "error",
            ["no_manifest", "bad_zip", "not_seda", "cycle", "orphan", "empty"],
        ),
        (Code.SIP_UNSAFE_ENTRY, "reason", ["absolute", "traversal", "duplicate", "nul"]),
    ],
)
def test_sub_reasons_get_their_own_words(code: Code, key: str, values: list[str]) -> None:
    for lang in LANGS:
        sentences = {
            describe(Finding(code, Severity.WARNING, params={key: v}), lang) for v in values
        }
        assert len(sentences) == len(values)
        unknown = describe(Finding(code, Severity.WARNING, params={key: "jamais-vu"}), lang)
        assert "{" not in unknown


def test_unknown_code_does_not_crash() -> None:
    assert "x.y" in describe(Finding("x.y", Severity.INFO))
    assert describe(Finding(Code.NOT_FOUND, Severity.ERROR), "de") == describe(
        Finding(Code.NOT_FOUND, Severity.ERROR), "fr"
    )


def test_severity_labels() -> None:
    assert severity_label(Severity.ERROR) == "Erreurs"
    assert severity_label("warning", "en") == "Warnings"


def test_real_referential_refusals_read_well() -> None:
    from seda.referentials import ReferentialError, load_rules

    bad = SHARED / "referentials" / "rules" / "R16_KO_regles_avec_meme_id.csv"
    with pytest.raises(ReferentialError) as info:
        load_rules(bad)
    for f in info.value.findings:
        sentence = describe(f)
        assert f.line is not None and f"ligne {f.line}" in sentence
        assert "ACC-00001" in sentence and "déjà utilisé" in sentence


def test_reason_leaves_the_verdict_to_the_list_that_says_it_once() -> None:
    """The export's last line and its dialog say « Le service d'archives refusera ce
    versement : N problèmes bloquants, dont : … » once; each reason no longer repeats it."""
    from app.messages import reason

    header = Finding(Code.VAL_MISSING_HEADER, Severity.ERROR, params={"field": "ArchivalAgency"})
    inactive = Finding(Code.VAL_CONTRACT_INACTIVE, Severity.ERROR, params={"contract": "IC-1"})
    for finding in (header, inactive):
        for lang in ("fr", "en"):
            full, short = describe(finding, lang), reason(finding, lang)
            assert "refus" in full and "refus" not in short, (full, short)
            assert full.startswith(short) and not short.endswith(".")
