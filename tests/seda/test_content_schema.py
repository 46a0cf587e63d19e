"""``seda.content_schema`` is generated from the XSDs and Vitam's ontology: check it still
matches them (the XSDs and the ontology are not shipped, so seda carries the table)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seda import content_schema
from seda.model import SEDA_VERSIONS

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ABSTRACT = {"AgentAbstract", "ObjectGroupExtenstionAbstract", "EventAbstract"}


@pytest.mark.parametrize("version", SEDA_VERSIONS)
def test_content_children_match_the_xsd(version: str) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    schema = xmlschema.XMLSchema(str(SHARED / "seda-xsd" / version / f"seda-{version}-main.xsd"))
    unit_type = schema.types["ArchiveUnitType"]
    content = next(e for e in unit_type.content.iter_elements() if e.local_name == "Content")

    def names(xsd_type: object) -> list[tuple[str, bool]]:
        return [
            (e.local_name, e.max_occurs is None or e.max_occurs > 1)
            for e in xsd_type.content.iter_elements()  # type: ignore[attr-defined]
            if e.local_name and e.local_name not in ABSTRACT
        ]

    table = content_schema.children(version, "Content")
    assert [(n, r) for n, r, _k in table] == names(content.type)
    # and one level down for the compound fields the CSV import uses most
    for name, _rep, kind in table:
        if content_schema.is_complex(version, kind) and name in ("Writer", "Keyword", "Event"):
            element = next(e for e in content.type.content.iter_elements() if e.local_name == name)
            assert [(n, r) for n, r, _k in content_schema.children(version, kind)] == names(
                element.type
            )


def test_ontology_types_match_vitam() -> None:
    data = json.loads((SHARED / "vitam-ontology" / "VitamOntology.json").read_text("utf-8"))
    expected = {
        entry["SedaField"]: entry["Type"]
        for entry in data
        if "Unit" in entry["Collections"]
        and entry.get("SedaField")
        and entry["Type"] in ("DATE", "LONG", "BOOLEAN", "DOUBLE")
    }
    assert content_schema.ONTOLOGY_TYPES == expected
