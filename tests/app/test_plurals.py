"""French plurals: « 1 fichier », « 2 fichiers », never « 1 fichiers » nor « fichier(s) »."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

from app.cli import main
from app.labels import NOUNS, count, is_plural
from app.messages import more_text, text
from seda.findings import Code, Finding, Severity

ROOT = Path(__file__).resolve().parents[2]


def test_count_agrees_in_french_and_english() -> None:
    assert count(0, "file") == "0 fichier"
    assert count(1, "unit") == "1 unité"
    assert count(2, "unit") == "2 unités"
    assert count(1, "unknown_format") == "1 format inconnu"
    assert count(1234, "file", shown="1 234") == "1 234 fichiers"
    assert count(0, "file", "en") == "0 files"
    assert count(1, "file", "en") == "1 file"
    assert not is_plural(1) and not is_plural(0) and is_plural(2)


def test_scan_of_one_file_says_one_fichier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "seul"
    folder.mkdir()
    (folder / "note.txt").write_text("une note", encoding="utf-8")
    assert main(["scan", str(folder), "--workers", "0"]) == 0
    out = capsys.readouterr().out
    assert "1 fichier ;" in out and "1 fichiers" not in out


def test_no_counted_noun_is_left_unagreed_in_the_french_texts() -> None:
    """A number put in a text with .replace() cannot agree: such texts take ``count()``
    (``%1 unités`` said « 1 unités »); ``%n`` texts give both forms, without « (s) »."""
    ts = (ROOT / "resources" / "i18n" / "verso_fr.ts").read_text(encoding="utf-8")
    translations = re.findall(r"<translation>(.*?)</translation>", ts, re.S)
    nouns = r"(unités|fichiers|erreurs|avertissements|règles|résultats|formats inconnus)"
    wrong = [t for t in translations if re.search(r"%\d " + nouns + r"(?![/\w])", t)]
    assert wrong == []
    forms = re.findall(r"<numerusform>(.*?)</numerusform>", ts, re.S)
    assert [f for f in forms if "(s)" in f] == []
    cli = "".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "app" / "cli").glob("*.py"))
    )
    assert not re.search(r"\} (unité|fichier|erreur|avertissement)\(s\)", cli)


def _string_literals(path: Path) -> list[tuple[int, str]]:
    source = path.read_text(encoding="utf-8")
    kinds = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return [(t.start[0], t.string) for t in tokens if t.type in kinds]


def test_no_s_in_parentheses_in_any_text_of_app_or_seda() -> None:
    """« fichier(s) », « problème(s) bloquant(s) »: every counted word takes ``count()``
    (or ``{count:file}`` in a finding text), in the CLI, the bordereau and the messages."""
    sources = sorted((ROOT / "app").rglob("*.py")) + sorted((ROOT / "seda").rglob("*.py"))
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: {literal}"
        for path in sources
        for line, literal in _string_literals(path)
        if "(s)" in literal
    ]
    assert wrong == []


_COUNT_PARAMS = ("count", "size", "size_before", "size_after", "size_now", "max", "limit")
_FR_SINGULAR_NUMBER = re.compile(r"(?<![\d\w,.])[01] (\w+s)\b")
# words ending in s that are not plurals, after a number: « 1 mois », « 0 sans »
_FR_INVARIABLE = {"fois", "mois", "pas", "plus", "dans", "sous", "sans", "puis"}
_EN_SINGULAR_ONE = re.compile(r"(?<![\d\w,.])1 ([a-z]+s)\b")
_EN_NOUNS = "|".join(sorted({forms[1][0] for forms in NOUNS.values()}, key=len, reverse=True))
_EN_PLURAL_NUMBER = re.compile(r"(?<![\d\w,.])[02] (" + _EN_NOUNS + r")\b(?!s)")


def _rendered(n: int) -> list[tuple[str, str, str]]:
    params = dict.fromkeys(_COUNT_PARAMS, n)
    return [
        (code, lang, text(Finding(code, Severity.ERROR, params=dict(params)), lang))
        for code in Code
        for lang in ("fr", "en")
    ]


@pytest.mark.parametrize("n", [0, 1, 2])
def test_every_finding_text_agrees_with_its_count(n: int) -> None:
    """Each finding's text rendered with count 0, 1 and 2: no « (s) », no « 1 fichiers »,
    « 1 écarts » nor "1 files", "2 file"; French 0 is singular (« 0 fichier »)."""
    wrong = []
    for code, lang, said in _rendered(n):
        bad = "(s)" in said
        if lang == "fr" and n < 2:
            found = _FR_SINGULAR_NUMBER.search(said)
            bad = bad or (found is not None and found.group(1) not in _FR_INVARIABLE)
        if lang == "en":
            bad = bad or bool(n == 1 and _EN_SINGULAR_ONE.search(said))
            bad = bad or bool(n != 1 and _EN_PLURAL_NUMBER.search(said))
        if bad:
            wrong.append(f"{code} [{lang}, {n}]: {said}")
    assert wrong == []


def test_the_count_hook_of_finding_texts() -> None:
    """``{count:file}`` in a template: the noun agrees in French and English, a missing
    count still reads (« ? fichiers »)."""
    gone = Finding(Code.WORK_ZIP_MISSING, Severity.ERROR, params={"count": 1})
    assert "source de 1 fichier du versement" in text(gone)
    assert "holding 1 file of the transfer" in text(gone, "en")
    gone = Finding(Code.WORK_ZIP_MISSING, Severity.ERROR, params={"count": 3})
    assert "source de 3 fichiers du versement" in text(gone)
    assert "holding 3 files of the transfer" in text(gone, "en")
    gone = Finding(Code.WORK_ZIP_MISSING, Severity.ERROR, params={})
    assert "source de ? fichiers du versement" in text(gone)
    assert more_text(1) == "… et 1 autre" and more_text(2) == "… et 2 autres"


def _ui_texts(path: Path) -> list[tuple[int, str, bool]]:
    """(line, text, is an f-string) of every string of ``path`` but docstrings; implicit
    concatenations joined (``"… %n error(s), listed in the " "Verification tab"``)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    out: list[tuple[int, str, bool]] = []
    inside_fstrings = {
        id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                v.value
                for v in node.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
            out.append((node.lineno, text, True))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and id(node) not in inside_fstrings
        ):
            out.append((node.lineno, node.value, False))
    return out


def _numerus_forms(lang: str) -> dict[str, list[str]]:
    from lxml import etree

    ts = etree.parse(str(ROOT / "resources" / "i18n" / f"verso_{lang}.ts"))
    return {
        m.findtext("source"): [f.text or "" for f in m.iter("numerusform")]
        for m in ts.iter("message")
        if m.get("numerus") == "yes"
    }


def test_no_s_in_parentheses_reaches_the_user_from_the_window() -> None:
    """In ui/, « (s) » is allowed only in a ``%n`` source text (Qt's numerus form) that both
    translations give in a singular and a plural form without « (s) »: a number put in a
    text by hand (« %1 blocking problem(s) », an f-string « {n} problème(s) ») is never
    agreed. Docstrings do not reach the user."""
    forms = {lang: _numerus_forms(lang) for lang in ("fr", "en")}
    wrong = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for line, literal, fstring in _ui_texts(path):
            if "(s)" not in literal:
                continue
            where = f"{path.relative_to(ROOT)}:{line}: {literal!r}"
            if fstring or "%n" not in literal:
                wrong.append(where)
                continue
            for lang in ("fr", "en"):
                given = forms[lang].get(literal)
                if not given or len(given) < 2 or any("(s)" in f or not f for f in given):
                    wrong.append(f"{where} [{lang}: {given}]")
    assert wrong == []
