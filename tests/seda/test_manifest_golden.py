"""The streamed manifest writer gives, byte for byte, the manifests it gave when these
files were recorded (``data/manifest-*.xml``): a change to how the writer streams (or
to the model's memory layout) must not change one byte of what the SAE receives.

Identifiers made from process-wide uids (``AU12``, ``BDO34``, ``content/ID34.pdf``) are
renumbered in order of first appearance before comparing. To record again after a
*wanted* change of output: ``VERSO_RECORD_GOLDEN=1 pytest tests/seda/test_manifest_golden.py``.
"""

from __future__ import annotations

import io
import os
import re
from datetime import datetime
from pathlib import Path

import pytest

from seda.manifest import write_manifest
from seda.model import SEDA_VERSIONS, Package
from tests.seda.test_manifest import flat_package, make_package, uris_for

DATA = Path(__file__).resolve().parent / "data"
_IDS = re.compile(rb"\b(AU|GOT|BDO|REF|content/ID)(\d+)")


def renumbered(data: bytes) -> bytes:
    numbers: dict[tuple[bytes, bytes], int] = {}

    def one(m: re.Match[bytes]) -> bytes:
        key = (m.group(1), m.group(2))
        n = numbers.setdefault(key, sum(1 for k in numbers if k[0] == key[0]) + 1)
        return m.group(1) + str(n).encode()

    return _IDS.sub(one, data)


def packages() -> dict[str, tuple[Package, dict[int, str]]]:
    full = make_package(30)
    flat, flat_uris = flat_package(30)
    return {"full": (full, uris_for(full)), "flat": (flat, flat_uris)}


@pytest.mark.parametrize("version", SEDA_VERSIONS)
@pytest.mark.parametrize("name", ["full", "flat"])
def test_manifest_bytes_unchanged(name: str, version: str) -> None:
    package, uris = packages()[name]
    out = io.BytesIO()
    write_manifest(
        package,
        out,
        version=version,
        uris=uris,
        message_identifier="MSG-GOLDEN",
        date=datetime(2026, 1, 2, 3, 4, 5),
    )
    got = renumbered(out.getvalue())
    golden = DATA / f"manifest-{name}-{version}.xml"
    if os.environ.get("VERSO_RECORD_GOLDEN"):
        golden.write_bytes(got)
    assert got == golden.read_bytes()
