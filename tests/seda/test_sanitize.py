"""seda.sanitize: Vitam's sanitizer rules replayed, and the repair that keeps the meaning."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from seda.sanitize import (
    ENTITY_BREAK,
    GT,
    LT,
    MAX_VALUE_CHARS,
    RULE_CONTROL,
    RULE_ENTITY,
    RULE_HTML,
    RULE_JSON,
    RULE_LENGTH,
    RULE_MARKUP,
    is_safe,
    json_text,
    problems,
    sanitize,
)

# The design note's examples (value once parsed from XML) and the hostile names.
REFUSED = {
    "a-->b": RULE_JSON,
    "<!--x": RULE_JSON,
    "x]]>y": RULE_JSON,
    "<script>": RULE_JSON,
    "<SCRIPT>alert(1).pdf": RULE_JSON,
    "<scribe": RULE_JSON,
    "<scratch": RULE_JSON,
    "a</Sc": RULE_JSON,
    "line\u2028sep": RULE_JSON,
    "para\u2029sep": RULE_JSON,
    "lone\ud800": RULE_JSON,
    "<b>bold</b>": RULE_HTML,
    "<br/>": RULE_HTML,
    "<a href=x>y</a>": RULE_HTML,
    "&Fils;.pdf": RULE_ENTITY,
    "Jardins&nbsp;publics.pdf": RULE_ENTITY,
    "Q&amp;A": RULE_ENTITY,
    "&eacute;": RULE_ENTITY,
    "del\x7f.pdf": RULE_CONTROL,
    "<![CDATA[x": RULE_MARKUP,
    "<!ENTITY x": RULE_MARKUP,
    "Avant-->après.pdf": RULE_JSON,
    "<!--brouillon.pdf": RULE_JSON,
    "note ]]> fin.pdf": RULE_JSON,
}
ACCEPTED = [
    "Q&A",
    "Q&A;",
    "&#233;",
    "a < b",
    "a > b",
    "a->b",
    "lone <b> tag",
    '<a href="x">y</a>',  # the pattern runs on JSON text, where '"' is '\"'
    "Délibérations du conseil municipal 1995-2001",
    "emoji 📁 ok",
    "tab\tand\nnewline",
    "\u017fcr <\u017fcr",  # json-sanitizer lower-cases ASCII only
]


@pytest.mark.parametrize(("value", "rule"), REFUSED.items())
def test_refused_values(value: str, rule: str) -> None:
    assert rule in problems(value)
    fixed = sanitize(value)
    assert is_safe(fixed), (fixed, problems(fixed))
    assert fixed != value


@pytest.mark.parametrize("value", ACCEPTED)
def test_accepted_values_untouched(value: str) -> None:
    assert problems(value) == []
    assert sanitize(value) is value


def test_repairs_read_naturally() -> None:
    assert sanitize("&Fils;.pdf") == f"&Fils{ENTITY_BREAK};.pdf"
    assert sanitize("Avant-->après.pdf") == f"Avant--{GT}après.pdf"
    assert sanitize("<!--brouillon.pdf") == f"{LT}!--brouillon.pdf"
    assert sanitize("note ]]> fin.pdf") == f"note ]]{GT} fin.pdf"
    assert sanitize("<script>alert(1).pdf") == f"{LT}script>alert(1).pdf"
    assert sanitize("del\x7f.pdf") == "del.pdf"
    assert sanitize("a\u2028b") == "a b"
    assert sanitize("<b><i>x</i></b>") == f"{LT}b>{LT}i>x</i></b>"


def test_removal_cannot_create_a_new_problem() -> None:
    """DEL removed first: '-\x7f->' must not become an unbroken '-->'."""
    assert is_safe(sanitize("-\x7f->"))
    assert is_safe(sanitize("<a\u2028b=c/>"))  # U+2028 -> space makes a tag: broken too


def test_json_text_matches_jackson() -> None:
    assert json_text('a"b\\c\n\x01\x7f\u2028') == '"a\\"b\\\\c\\n\\u0001\x7f\u2028"'


def test_length_is_reported_not_repaired() -> None:
    value = "x" * MAX_VALUE_CHARS
    assert problems(value) == [RULE_LENGTH]
    assert sanitize(value) is value


# Random Unicode, with the characters the rules are about over-represented.
_HOSTILE = st.sampled_from(
    [
        "<",
        ">",
        "-",
        "!",
        "]",
        "&",
        ";",
        "/",
        "s",
        "S",
        "c",
        "C",
        "r",
        "[",
        "=",
        '"',
        "'",
        " ",
        "\x7f",
        "\u2028",
        "\u2029",
        "\ufffe",
        "\uffff",
        "\ud800",
        "\udfff",
        "\t",
        "\n",
        "\\",
        "script",
        "amp",
        "nbsp",
        "CDATA",
        "ENTITY",
        "b",
        "<!--",
        "-->",
        "]]>",
        "</",
        "/>",
    ]
)
_TEXT = st.lists(st.one_of(st.characters(), _HOSTILE), max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
@example("<b><i>x</i></b>")
@example("&a&b;c;")
@example("<!-->")
@example("<a b='<c>'>x</d>")
def test_sanitized_output_always_passes(value: str) -> None:
    fixed = sanitize(value)
    assert is_safe(fixed), (value, fixed, problems(fixed))
    assert sanitize(fixed) == fixed  # idempotent


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_values_that_pass_stay_byte_identical(value: str) -> None:
    if is_safe(value):
        assert sanitize(value) is value


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_repair_keeps_every_letter(value: str) -> None:
    """Only brackets change, spaces are added, and controls go: the words stay."""
    fixed = sanitize(value)
    keep = lambda s: [c for c in s if c.isalnum()]  # noqa: E731
    assert keep(fixed) == keep(value)
