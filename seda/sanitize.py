"""Values Vitam's ingest sanitizer accepts: the rules replayed, and a gentle repair.

At ingest Vitam runs ``SanityChecker.checkJsonAll`` on the JSON it builds for each archive
unit (every value of Content and Management) and each object group (every value of the
objects, ``FileInfo/Filename`` included); one hit makes the whole transfer KO
(``../shared/design/vitam-ingest-checks.md``, section *Sanitizer*). The rules, on a value
once parsed from XML:

1. OWASP json-sanitizer must leave the JSON unchanged: no ``<!--``, ``-->``, ``]]>``,
   ``<scr`` / ``</sc`` (any case), U+2028, U+2029, U+FFFE, U+FFFF, lone surrogates;
2. no DEL (U+007F; Jackson escapes the other ASCII controls);
3. no ``<![CDATA[``, ``&lt;![CDATA[``, ``<!ENTITY``, ``&lt;!ENTITY``, ``<script>``,
   ``&lt;script&gt;``;
4. Vitam's ``HTML_PATTERN`` on the value's JSON text: no tag pair (``<b>x</b>``), no
   self-closing tag (``<br/>``), no entity text (``&nbsp;``, ``&Fils;``, ``&amp;``);
5. at most 2,000,000 characters (AntiSamy's input limit) as JSON text.

``Q&A;``, ``a < b``, ``a->b``, ``&#233;`` and a lone ``<b>`` pass.

``problems(value)`` replays the rules (the checker); ``sanitize(value)`` returns a value
that passes them, changed as little and as visibly-harmlessly as possible: ``<`` / ``>``
that start or end a refused sequence become the typographic ``‹`` / ``›``, a narrow
no-break space goes before the ``;`` of ``&name;`` (French typography puts one there),
DEL, U+FFFE/U+FFFF, lone surrogates and the control characters XML cannot carry are
removed, U+2028/U+2029 become a space. A value that passes is returned unchanged
(the very same string). Rule 5 (length) is not repaired: such a value is reported.
"""

from __future__ import annotations

import re

# Rule 5: AntiSamy's maxInputSize (the 10,000,000 field limit is therefore never reached).
MAX_VALUE_CHARS = 2_000_000

LT = "\u2039"  # ‹ SINGLE LEFT-POINTING ANGLE QUOTATION MARK
GT = "\u203a"  # › SINGLE RIGHT-POINTING ANGLE QUOTATION MARK
ENTITY_BREAK = "\u202f"  # NARROW NO-BREAK SPACE, before ';' as in French typography

# Rule names (stable, used in findings' params).
RULE_JSON = "json"  # rule 1: json-sanitizer rewrites
RULE_CONTROL = "control"  # rule 2: DEL (and XML-forbidden controls)
RULE_MARKUP = "markup"  # rule 3: CDATA / ENTITY / script substrings
RULE_HTML = "html"  # rule 4: tag pair or self-closing tag
RULE_ENTITY = "entity"  # rule 4: entity text
RULE_LENGTH = "length"  # rule 5

# json-sanitizer lower-cases with ``c | 32``: ASCII only (Python's (?i) would fold U+017F).
_JSON_SEQ = re.compile(r"<!--|-->|\]\]>|<[sS][cC][rR]|</[sS][cC]")
_JSON_CHARS = re.compile("[\u2028\u2029\ufffe\uffff\ud800-\udfff]")
_TRIGGERS = re.compile("[<>&\x7f\u2028\u2029\ufffe\uffff\ud800-\udfff]")
_RULES = ("<![CDATA[", "&lt;![CDATA[", "<!ENTITY", "&lt;!ENTITY", "<script>", "&lt;script&gt;")
# Vitam's StringUtils.HTML_PATTERN (Java: \w and \s are ASCII), run on the JSON text.
_ATTRS = r"""((\s+\w+(\s*=\s*(?:".*?"|'.*?'|[^'">\s]+))?)+\s*|\s*)"""
_TAG = re.compile(rf"(<\w+{_ATTRS}>.*</\w+>)|(<\w+{_ATTRS}/>)", re.DOTALL | re.ASCII)
_ENTITY = re.compile(r"&[a-zA-Z][a-zA-Z0-9]+;")
# Removed outright: DEL, U+FFFE/U+FFFF, lone surrogates, C0 controls XML 1.0 cannot carry.
_REMOVED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_SPACED = re.compile("[\u2028\u2029]")
_BREAK_LT = re.compile(r"<(?=!--|[sS][cC][rR]|/[sS][cC]|!\[CDATA\[|!ENTITY)")
_BREAK_GT = re.compile(r"(?<=--)>|(?<=\]\])>")
_JSON_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r"}
_JSON_ESCAPES["\t"] = "\\t"
_TO_ESCAPE = re.compile('["\\\\\x00-\x1f]')


def json_text(value: str) -> str:
    """``value`` as Jackson writes it in the unit's JSON (quotes and escapes included)."""

    def escape(m: re.Match[str]) -> str:
        ch = m.group()
        return _JSON_ESCAPES.get(ch) or f"\\u{ord(ch):04x}"

    return '"' + _TO_ESCAPE.sub(escape, value) + '"'


def _html_match(text: str) -> re.Match[str] | None:
    if "<" not in text:
        return None
    return _TAG.search(text)


def problems(value: str) -> list[str]:
    """The sanitizer rules ``value`` breaks (empty list: the SAE accepts it)."""
    if len(value) < MAX_VALUE_CHARS // 6 and not _TRIGGERS.search(value):
        return []  # fast path: no character any rule is about (JSON text <= 6x + 2)
    found: list[str] = []
    if _JSON_SEQ.search(value) or _JSON_CHARS.search(value):
        found.append(RULE_JSON)
    if "\x7f" in value:
        found.append(RULE_CONTROL)
    if any(rule in value for rule in _RULES):
        found.append(RULE_MARKUP)
    text = json_text(value)
    if _html_match(text):
        found.append(RULE_HTML)
    if "&" in text and _ENTITY.search(text):
        found.append(RULE_ENTITY)
    if len(text) > MAX_VALUE_CHARS:
        found.append(RULE_LENGTH)
    return found


def is_safe(value: str) -> bool:
    """True when Vitam's sanitizer accepts ``value``."""
    return not problems(value)


def _nth_lt(value: str, n: int) -> int:
    """Index in ``value`` of its ``n``-th ``<`` (0-based); JSON escaping never touches ``<``."""
    pos = -1
    for _ in range(n + 1):
        pos = value.index("<", pos + 1)
    return pos


def sanitize(value: str) -> str:
    """``value`` made acceptable to Vitam's sanitizer (rules 1-4), or ``value`` itself
    when it already is. Meaning and look are kept: see the module docstring."""
    if problems(value) in ([], [RULE_LENGTH]):
        return value
    out = _REMOVED.sub("", value)
    out = _SPACED.sub(" ", out)
    # rule 1 and 3: break each refused sequence at its angle bracket
    out = _BREAK_LT.sub(LT, out)
    out = _BREAK_GT.sub(GT, out)
    # rule 4, tags: the '<' opening each match, one at a time (a match may hide another)
    while (m := _html_match(json_text(out))) is not None:
        i = _nth_lt(out, json_text(out)[: m.start()].count("<"))
        out = out[:i] + LT + out[i + 1 :]
    # rule 4, entities (and "&lt;script&gt;"-like rule 3 text): a thin space before ';'
    out = _ENTITY.sub(lambda m: m.group()[:-1] + ENTITY_BREAK + ";", out)
    return out


__all__ = [
    "ENTITY_BREAK",
    "GT",
    "LT",
    "MAX_VALUE_CHARS",
    "RULE_CONTROL",
    "RULE_ENTITY",
    "RULE_HTML",
    "RULE_JSON",
    "RULE_LENGTH",
    "RULE_MARKUP",
    "is_safe",
    "json_text",
    "problems",
    "sanitize",
]
