"""app.jsonstream: a JSON object read piece by piece, whatever the chunks' boundaries."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from app.jsonstream import ITEM, LIST, VALUE, events

DOC = {
    "format": "x",
    "version": 12345,
    "n": -1.5e3,
    "t": True,
    "z": None,
    "h": {"a": [1, 2], "b": {"c": "}]"}},
    "units": [{"a": i, "s": 'é"\\\n' * i, "l": [i, -i * 1.25]} for i in range(40)],
    "empty": [],
    "last": 123456,
}


def pieces(text: str, size: int) -> Iterator[str]:
    return iter([text[i : i + size] for i in range(0, len(text), size)])


def rebuild(chunks: Iterator[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind, key, value in events(chunks):
        if kind == LIST:
            out[key] = []
        elif kind == ITEM:
            out[key].append(value)
        else:
            assert kind == VALUE
            out[key] = value
    return out


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64, 10**6])
@pytest.mark.parametrize("indent", [None, 0, 2])
def test_any_layout_any_chunks(size: int, indent: int | None) -> None:
    text = json.dumps(DOC, indent=indent, ensure_ascii=indent is None)
    assert rebuild(pieces(text, size)) == DOC
    assert rebuild(pieces('{"a":1}', size)) == {"a": 1}
    assert rebuild(pieces(" {} ", size)) == {}


def test_list_elements_come_one_by_one() -> None:
    seen = []

    def chunks() -> Iterator[str]:
        yield '{"units":[{"a":0},'
        seen.append("first chunk read")
        yield '{"a":1}]}'

    for kind, _key, value in events(chunks()):
        if kind == ITEM and value == {"a": 0}:
            assert seen == []  # handed over before the rest was read
    assert seen == ["first chunk read"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[1]",
        '{"a":1',
        '{"a":1}x',
        '{"a" 1}',
        "{1:2}",
        '{"a":[1,2}',
        '{"a":1.}',
        '{"a":tru}',
        '{"a":[1 2]}',
        '{"a":1,}',
    ],
)
@pytest.mark.parametrize("size", [1, 100])
def test_not_one_json_object_is_refused(text: str, size: int) -> None:
    with pytest.raises(ValueError):
        list(events(pieces(text, size)))
