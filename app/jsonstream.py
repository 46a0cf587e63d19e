"""Reading a large JSON object piece by piece (the ``.verso`` saved work).

``json.loads`` of a million-unit work builds every unit as a dict before the first model
object exists (~2 KB a unit). ``events`` reads the top-level object from text chunks and
hands over each top-level value, and each element of a top-level list, as soon as it is
parsed; any layout of valid JSON is read (one line or one element per line).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

_WS = re.compile(r"[ \t\n\r]*")
_decode = json.JSONDecoder().raw_decode
_COMMA = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")
_MISSING = object()
_AFTER = frozenset(" \t\n\r,:]}")  # what may follow a complete value

VALUE = "value"  # (VALUE, key, value): a top-level member that is not a list
LIST = "list"  # (LIST, key, None): a top-level list starts
ITEM = "item"  # (ITEM, key, element): one element of that list


class _Text:
    """A window on the text: parsed text is dropped as new chunks come."""

    def __init__(self, chunks: Iterator[str]) -> None:
        self.chunks = chunks
        self.buf = ""
        self.pos = 0
        self.eof = False

    def more(self) -> bool:
        for chunk in self.chunks:
            if chunk:
                self.buf = self.buf[self.pos :] + chunk
                self.pos = 0
                return True
        self.eof = True
        return False

    def peek(self) -> str:
        """The next character that is not white space ("" at the end)."""
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return ""

    def take(self, allowed: str) -> str:
        char = self.peek()
        if not char or char not in allowed:
            raise ValueError(f"expected one of {allowed!r} at {char!r}")
        self.pos += 1
        return char

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = _decode(self.buf, self.pos)
            except json.JSONDecodeError:
                if self.more():
                    continue  # the value goes on in the next chunk
                raise
            # a number cut by the chunk's end ("-1" of "-1.5e3") goes on in the next one
            if (end < len(self.buf) and self.buf[end] in _AFTER) or self.eof or not self.more():
                self.pos = end
                return value


def _items(text: _Text, key: str) -> Iterator[tuple[str, str, Any]]:
    """The elements of a list, the first one at ``text.pos``; stops after its ``]``.

    The common case (an element and the comma after it within the text read) takes one
    ``raw_decode`` and one regular expression; the rest goes through ``_Text``'s careful
    steps (``value``, ``take``)."""
    while True:
        buf, pos = text.buf, text.pos
        try:
            value, end = _decode(buf, pos)
        except json.JSONDecodeError:
            value, end = _MISSING, 0
        if value is _MISSING or end >= len(buf) or buf[end] not in _AFTER:
            value = text.value()  # cut by the chunk's end (or broken: it raises)
            buf, end = text.buf, text.pos
        yield ITEM, key, value
        comma = _COMMA.match(buf, end)
        if comma is not None and comma.end() < len(buf):
            text.pos = comma.end()
            continue
        text.pos = end
        if text.take(",]") == "]":
            return
        text.peek()


def events(chunks: Iterator[str]) -> Iterator[tuple[str, str, Any]]:
    """``(VALUE, key, value)``, ``(LIST, key, None)`` then ``(ITEM, key, element)``... for
    the members of the JSON object spread over ``chunks``. ``ValueError`` (often a
    ``json.JSONDecodeError``) when the text is not one JSON object."""
    text = _Text(chunks)
    text.take("{")
    if text.peek() == "}":
        text.pos += 1
    else:
        while True:
            key = text.value()
            if not isinstance(key, str):
                raise ValueError("object key expected")
            text.take(":")
            if text.peek() == "[":
                text.pos += 1
                yield LIST, key, None
                if text.peek() == "]":
                    text.pos += 1
                else:
                    yield from _items(text, key)
            else:
                yield VALUE, key, text.value()
            if text.take(",}") == "}":
                break
    if text.peek():
        raise ValueError("extra data after the object")


__all__ = ["ITEM", "LIST", "VALUE", "events"]
