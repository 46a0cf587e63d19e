"""Compile Qt Linguist ``.ts`` files into binary ``.qm`` files, in pure Python.

Why not ``lrelease``: the wheel is built without Qt (``pip wheel .`` must not pull 290 MB
of PySide6 into its build environment), the frozen program has no ``lrelease`` to call, and
an editable checkout compiles at first start. One small writer serves all three.

It writes what ``lrelease`` writes in its default "save everything" mode: a hash table
(ELF hash of source text + comment -> message offset), the messages (translations in
UTF-16BE, then comment, source text and context in UTF-8), the language and, for plural
forms, the numerus rules of the language. Unfinished translations are kept when not empty
(as ``lrelease`` does by default); obsolete and vanished ones are dropped.

Stdlib only: ``setup.py`` and ``packaging/build.py`` load this file directly.
"""

from __future__ import annotations

import os
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")

# section tags (qtbase QTranslator)
_CONTEXTS, _HASHES, _MESSAGES, _NUMERUS_RULES, _DEPENDENCIES, _LANGUAGE = (
    0x2F,
    0x42,
    0x69,
    0x88,
    0x96,
    0xA7,
)
# message tags
_TAG_END, _TAG_TRANSLATION, _TAG_SOURCE_TEXT, _TAG_CONTEXT, _TAG_COMMENT = 1, 3, 6, 7, 8

# Plural rules (qttools numerus.cpp): the byte code QTranslator evaluates with n.
_EQ, _LEQ = 0x01, 0x03
NUMERUS_RULES: dict[str, bytes] = {
    "fr": bytes([_LEQ, 1]),  # 0 and 1 singular
    "en": bytes([_EQ, 1]),
    "de": bytes([_EQ, 1]),
    "es": bytes([_EQ, 1]),
    "it": bytes([_EQ, 1]),
    "nl": bytes([_EQ, 1]),
}


@dataclass(slots=True)
class Message:
    context: str
    source: str
    comment: str = ""
    translations: list[str] = field(default_factory=list)


def elf_hash(data: bytes) -> int:
    """QTranslator's hash: ELF hash up to the first NUL byte, never 0."""
    h = 0
    for byte in data:
        if byte == 0:
            break
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def read_ts(path: str | os.PathLike[str]) -> tuple[str, list[Message]]:
    """(language, messages with a usable translation) of a ``.ts`` file."""
    root = ET.parse(path).getroot()
    language = root.get("language", "")
    messages: list[Message] = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("obsolete", "vanished"):
                continue
            if msg.get("numerus") == "yes":
                forms = [f.text or "" for f in tr.iter("numerusform")]
            else:
                forms = [tr.text or ""]
            if not any(forms):
                continue
            messages.append(
                Message(
                    context=name,
                    source=msg.findtext("source") or "",
                    comment=msg.findtext("comment") or "",
                    translations=forms,
                )
            )
    return language, messages


def _bytes(tag: int, data: bytes) -> bytes:
    return struct.pack(">BI", tag, len(data)) + data


def qm_bytes(language: str, messages: list[Message]) -> bytes:
    """The ``.qm`` file for these messages."""
    ordered = sorted(messages, key=lambda m: (m.context, m.source, m.comment))
    body = bytearray()
    hashes: list[tuple[int, int]] = []
    for m in ordered:
        source = m.source.encode("utf-8")
        comment = m.comment.encode("utf-8")
        hashes.append((elf_hash(source + comment), len(body)))
        for text in m.translations:
            body += _bytes(_TAG_TRANSLATION, text.encode("utf-16-be"))
        body += _bytes(_TAG_COMMENT, comment)
        body += _bytes(_TAG_SOURCE_TEXT, source)
        body += _bytes(_TAG_CONTEXT, m.context.encode("utf-8"))
        body.append(_TAG_END)
    table = b"".join(struct.pack(">II", h, off) for h, off in sorted(hashes))
    out = bytearray(MAGIC)
    lang = language.encode("ascii")
    if lang:
        out += _bytes(_LANGUAGE, lang)
    out += _bytes(_HASHES, table)
    out += _bytes(_MESSAGES, bytes(body))
    rules = NUMERUS_RULES.get(language.split("_")[0].lower())
    if rules is not None and any(len(m.translations) > 1 for m in messages):
        out += _bytes(_NUMERUS_RULES, rules)
    return bytes(out)


def compile_ts(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """Write ``target`` (.qm) from ``source`` (.ts), atomically (temporary file + rename)."""
    language, messages = read_ts(source)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(qm_bytes(language, messages))
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def compile_dir(
    folder: str | os.PathLike[str], out_dir: str | os.PathLike[str] | None = None
) -> list[Path]:
    """Compile every ``*.ts`` of ``folder`` next to it (or into ``out_dir``)."""
    folder = Path(folder)
    dest = Path(out_dir) if out_dir is not None else folder
    return [compile_ts(ts, dest / (ts.stem + ".qm")) for ts in sorted(folder.glob("*.ts"))]
