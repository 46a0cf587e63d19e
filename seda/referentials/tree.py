"""Positioning trees and filing plans: where a transfer's root units go in the SAE.

Users have the tree as the SIP (or bare manifest) that created it in the SAE, as a DIP
exported from the SAE (units carry their system GUIDs), or as ReSIP's classification CSV.
We read only what placement needs (titles, levels, identifiers, parentage), with our own
small secure lxml parse so as not to depend on the full manifest reader.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from seda.findings import Code, Finding
from seda.model import Attachment
from seda.referentials.csvcheck import ReferentialError, finding, fold

# Vitam GUID: 36 chars of lower-case base32, version 1 starts with "ae".
GUID_RE = re.compile(r"^ae[a-z2-7]{34}$")
# The SAE takes the single root entry matching this as the manifest.
MANIFEST_RE = re.compile(r"^([a-zA-Z0-9_\-]{0,56}[_-])?manifest\.xml$")
MAX_MANIFEST_BYTES = 512 * 1024 * 1024
SYSTEM_ID_NAME = "SystemId"  # pseudo metadata name for resolve("SystemId=GUID")
# ArchiveUnitIdentifierKey/MetadataName values the SAE accepts, best first for attachment:
# identifiers the archives service itself gives are the most stable and unique.
IDENTIFIER_KEYS = (
    "ArchivalAgencyArchiveUnitIdentifier",
    "OriginatingAgencyArchiveUnitIdentifier",
    "TransferringAgencyArchiveUnitIdentifier",
    "FilePlanPosition",
    "OriginatingSystemId",
)
_GUID_KEY_NAMES = ("#id", "SystemId", "#unitups")
RESIP_COLUMNS = 5  # id;nom;observations;cote;série (extra columns ignored)


def is_guid(value: str) -> bool:
    """True if ``value`` looks like a Vitam GUID (a unit's system id)."""
    return bool(GUID_RE.match(value))


@dataclass(slots=True, eq=False)
class TreeNode:
    """A unit of the positioning tree / filing plan (identity equality, like ArchiveUnit)."""

    key: str  # unique in the tree: manifest id attribute, or ReSIP id
    title: str
    level: str = ""
    system_id: str = ""  # GUID in the SAE, when known (DIP, SystemId, #id key)
    archival_ids: list[str] = field(default_factory=list)
    originating_ids: list[str] = field(default_factory=list)
    transferring_ids: list[str] = field(default_factory=list)
    file_plan_position: list[str] = field(default_factory=list)
    originating_system_id: str = ""
    parent: TreeNode | None = field(default=None, repr=False)
    children: list[TreeNode] = field(default_factory=list, repr=False)

    def identifiers(self, name: str) -> list[str]:
        """Values of one ArchiveUnitIdentifierKey name on this node."""
        if name == SYSTEM_ID_NAME or name in _GUID_KEY_NAMES:
            return [self.system_id] if self.system_id else []
        values = {
            "ArchivalAgencyArchiveUnitIdentifier": self.archival_ids,
            "OriginatingAgencyArchiveUnitIdentifier": self.originating_ids,
            "TransferringAgencyArchiveUnitIdentifier": self.transferring_ids,
            "FilePlanPosition": self.file_plan_position,
            "OriginatingSystemId": [self.originating_system_id]
            if self.originating_system_id
            else [],
        }
        return list(values.get(name, []))

    def path(self) -> list[TreeNode]:
        """From the root down to this node (for breadcrumbs)."""
        out: list[TreeNode] = []
        node: TreeNode | None = self
        while node is not None:
            out.append(node)
            node = node.parent
        return out[::-1]

    def walk(self) -> list[TreeNode]:
        """This node and its descendants, depth first, without recursion."""
        out: list[TreeNode] = []
        stack = [self]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out


class AmbiguousSpec(LookupError):
    """``resolve`` matched several nodes; ``candidates`` lists them for the user to choose."""

    def __init__(self, spec: str, candidates: list[TreeNode]) -> None:
        super().__init__(spec)
        self.spec = spec
        self.candidates = candidates


@dataclass(slots=True)
class PositioningTree:
    roots: list[TreeNode] = field(default_factory=list)
    nodes_by_key: dict[str, TreeNode] = field(default_factory=dict)
    source: str = ""
    kind: str = ""  # "sip", "manifest", "dip", "resip"

    def __len__(self) -> int:
        return len(self.nodes_by_key)

    def nodes(self) -> list[TreeNode]:
        """All nodes in document (depth-first) order."""
        return [n for root in self.roots for n in root.walk()]

    def find(self, text: str) -> list[TreeNode]:
        """Nodes whose title or an identifier contains every word of ``text``.

        Accents and case are ignored; exact title or identifier matches come first.
        """
        words = fold(text).split()
        if not words:
            return []
        key = fold(text)
        scored: list[tuple[int, int, TreeNode]] = []
        for i, node in enumerate(self.nodes()):
            fields = [node.title, node.key, node.system_id, node.originating_system_id]
            fields += node.archival_ids + node.originating_ids
            fields += node.transferring_ids + node.file_plan_position
            folded = [fold(f) for f in fields if f]
            hay = " | ".join(folded)
            if all(w in hay for w in words):
                scored.append((0 if key in folded else 1, i, node))
        return [n for _, _, n in sorted(scored, key=lambda t: (t[0], t[1]))]

    def attachment_for(self, node: TreeNode) -> Attachment:
        """How a new root unit points at ``node`` in the SAE.

        The system GUID when known; else the first ArchiveUnitIdentifierKey whose value is
        unique in this tree (the SAE refuses a key matching several units), falling back to
        the first available one. Not set when the node has no usable identifier.
        """
        if node.system_id:
            return Attachment(system_id=node.system_id, title=node.title)
        first: tuple[str, str] | None = None
        for name in IDENTIFIER_KEYS:
            for value in node.identifiers(name):
                if not value:
                    continue
                first = first or (name, value)
                holders = [n for n in self.nodes_by_key.values() if value in n.identifiers(name)]
                if len(holders) == 1:
                    return Attachment(metadata_name=name, metadata_value=value, title=node.title)
        if first is not None:
            return Attachment(metadata_name=first[0], metadata_value=first[1], title=node.title)
        return Attachment(title=node.title)

    def resolve(self, spec: str) -> TreeNode | None:
        """The node meant by ``spec``: a GUID, ``Name=Value`` (identifier key), a key or a title.

        Returns None when nothing matches; raises ``AmbiguousSpec`` when several do.
        """
        spec = spec.strip()
        if not spec:
            return None
        if is_guid(spec):
            hits = [n for n in self.nodes() if n.system_id == spec]
        elif "=" in spec and spec.split("=", 1)[0].strip() in (
            *IDENTIFIER_KEYS,
            SYSTEM_ID_NAME,
            *_GUID_KEY_NAMES,
        ):
            name, value = (s.strip() for s in spec.split("=", 1))
            hits = [n for n in self.nodes() if value in n.identifiers(name)]
        elif spec in self.nodes_by_key:
            return self.nodes_by_key[spec]
        else:
            key = fold(spec)
            hits = [n for n in self.nodes() if fold(n.title) == key]
        if len(hits) > 1:
            raise AmbiguousSpec(spec, hits)
        return hits[0] if hits else None


# -- loading ------------------------------------------------------------------------------
def _error(path: Path, error: str, line: int | None = None, **params: Any) -> ReferentialError:
    return ReferentialError([finding(path, Code.REF_BAD_TREE, line, error=error, **params)])


def load_tree(path: Path | str) -> PositioningTree:
    """Load a positioning tree / filing plan from a SIP or DIP zip, a manifest or ReSIP CSV.

    Raises ``ReferentialError`` (REF_BAD_TREE, or REF_UNREADABLE) when the file is not one.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ReferentialError([finding(path, Code.REF_UNREADABLE, error=str(exc))]) from exc
    if head.startswith(b"PK"):
        data, member = _manifest_from_zip(path)
        tree = _tree_from_manifest(path, data, member)
        tree.kind = "dip" if tree.kind == "dip" else "sip"
        return tree
    if path.suffix.lower() == ".csv":
        return _tree_from_resip(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReferentialError([finding(path, Code.REF_UNREADABLE, error=str(exc))]) from exc
    tree = _tree_from_manifest(path, data, "")
    tree.kind = "dip" if tree.kind == "dip" else "manifest"
    return tree


def _manifest_from_zip(path: Path) -> tuple[bytes, str]:
    try:
        with zipfile.ZipFile(path) as zf:
            names = [
                i.filename
                for i in zf.infolist()
                if "/" not in i.filename.rstrip("/") and MANIFEST_RE.match(i.filename)
            ]
            if not names:
                raise _error(path, "no_manifest")
            if len(names) > 1:
                raise _error(path, "several_manifests", names=names)
            info = zf.getinfo(names[0])
            if info.file_size > MAX_MANIFEST_BYTES:
                raise _error(path, "manifest_too_big", size=info.file_size)
            return zf.read(info), names[0]
    except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
        raise _error(path, "bad_zip", detail=str(exc)) from exc


def _local(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""  # comment / processing instruction
    return tag.rsplit("}", 1)[-1]


def _text(el: Any) -> str:
    return " ".join("".join(el.itertext()).split())


def _tree_from_manifest(path: Path, data: bytes, member: str) -> PositioningTree:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=True,
        remove_comments=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        raise _error(path, "not_xml", line, detail=str(exc), member=member) from exc
    if root.getroottree().docinfo.doctype:
        raise _error(path, "dtd_forbidden", member=member)
    descriptive = next((e for e in root.iter() if _local(e) == "DescriptiveMetadata"), None)
    if descriptive is None:
        raise _error(path, "not_seda", member=member, root=_local(root))
    tree = PositioningTree(source=str(path))
    is_dip = _local(root) == "ArchiveDeliveryRequestReply"

    units = [e for e in descriptive.iter() if _local(e) == "ArchiveUnit"]
    refs: list[tuple[Any, str, int]] = []  # (holder element, ref id, line)
    node_of: dict[Any, TreeNode] = {}
    for el in units:
        ref = next((c for c in el if _local(c) == "ArchiveUnitRefId"), None)
        if ref is not None:
            refs.append((el, (ref.text or "").strip(), el.sourceline or 0))
            continue
        key = el.get("id") or f"#{len(node_of) + 1}"
        if key in tree.nodes_by_key:
            raise _error(path, "duplicate_id", el.sourceline, id=key, member=member)
        node = _node_from_unit(el, key)
        if is_guid(key) and not node.system_id:
            node.system_id = key
            is_dip = True
        node_of[el] = node
        tree.nodes_by_key[key] = node

    def holder(el: Any) -> TreeNode | None:
        parent = el.getparent()
        while parent is not None and parent is not descriptive:
            if parent in node_of:
                return node_of[parent]
            parent = parent.getparent()
        return None

    for el, node in node_of.items():
        parent = holder(el)
        if parent is not None:
            _link(parent, node)
    for el, ref_id, line in refs:
        target = tree.nodes_by_key.get(ref_id)
        parent = holder(el)
        if target is None:
            raise _error(path, "unknown_ref", line, id=ref_id, member=member)
        if parent is None:
            continue  # a stray reference at top level: nothing to attach
        if target.parent is None and not _is_ancestor(target, parent):
            _link(parent, target)
        elif target.parent is None:
            raise _error(path, "cycle", line, id=ref_id, member=member)
        # else: second parent of a DAG; a tree keeps the first one.
    tree.roots = [n for n in tree.nodes_by_key.values() if n.parent is None]
    if not tree.roots:
        raise _error(path, "no_units" if not node_of else "cycle", member=member)
    tree.kind = "dip" if is_dip else ""
    return tree


def _link(parent: TreeNode, child: TreeNode) -> None:
    child.parent = parent
    parent.children.append(child)


def _is_ancestor(node: TreeNode, of: TreeNode) -> bool:
    cur: TreeNode | None = of
    while cur is not None:
        if cur is node:
            return True
        cur = cur.parent
    return False


def _node_from_unit(el: Any, key: str) -> TreeNode:
    node = TreeNode(key=key, title="")
    for child in el:
        name = _local(child)
        if name == "Content":
            _read_content(child, node)
        elif name == "Management":
            _read_update_operation(child, node)
    return node


def _read_content(content: Any, node: TreeNode) -> None:
    for c in content:
        name = _local(c)
        value = _text(c)
        if not value:
            continue
        if name == "Title" and not node.title:
            node.title = value
        elif name == "DescriptionLevel":
            node.level = value
        elif name == "SystemId" and is_guid(value):
            node.system_id = value
        elif name == "OriginatingSystemId" and not node.originating_system_id:
            node.originating_system_id = value
        elif name == "ArchivalAgencyArchiveUnitIdentifier":
            node.archival_ids.append(value)
        elif name == "OriginatingAgencyArchiveUnitIdentifier":
            node.originating_ids.append(value)
        elif name == "TransferringAgencyArchiveUnitIdentifier":
            node.transferring_ids.append(value)
        elif name == "FilePlanPosition":
            node.file_plan_position.append(value)


def _read_update_operation(management: Any, node: TreeNode) -> None:
    """A stub unit standing for an existing SAE unit: its key identifies that unit."""
    for op in management:
        if _local(op) != "UpdateOperation":
            continue
        for c in op:
            if _local(c) == "SystemId" and is_guid(_text(c)):
                node.system_id = _text(c)
            elif _local(c) == "ArchiveUnitIdentifierKey":
                parts = {_local(k): _text(k) for k in c}
                name, value = parts.get("MetadataName", ""), parts.get("MetadataValue", "")
                if not value or value == "TOBECOMPLETED":
                    continue
                if name in _GUID_KEY_NAMES:
                    if is_guid(value):
                        node.system_id = value
                elif name == "OriginatingSystemId":
                    node.originating_system_id = node.originating_system_id or value
                else:
                    target = {
                        "ArchivalAgencyArchiveUnitIdentifier": node.archival_ids,
                        "OriginatingAgencyArchiveUnitIdentifier": node.originating_ids,
                        "TransferringAgencyArchiveUnitIdentifier": node.transferring_ids,
                        "FilePlanPosition": node.file_plan_position,
                    }.get(name)
                    if target is not None and value not in target:
                        target.append(value)


# -- ReSIP classification CSV -------------------------------------------------------------
def _decode_resip(path: Path, raw: bytes) -> str:
    # ReSIP lets the user choose UTF-8 or Windows-1252; Excel on Windows writes the latter.
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _tree_from_resip(path: Path) -> PositioningTree:
    """ReSIP's "arbre de classement" CSV: id;nom;observations;cote;série.

    ``cote`` is the node's own suffix and ``série`` its parent's full cotation; the node's
    full cotation (série + cote) becomes its OriginatingAgencyArchiveUnitIdentifier, as
    ReSIP does. Rows without série are Series, the others Subseries.
    """
    try:
        text = _decode_resip(path, path.read_bytes())
    except OSError as exc:
        raise ReferentialError([finding(path, Code.REF_UNREADABLE, error=str(exc))]) from exc
    first = text.split("\n", 1)[0]
    sep = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    findings: list[Finding] = []
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _error(path, "csv_syntax", start, detail=str(exc)) from exc
    if not rows:
        raise _error(path, "empty")
    tree = PositioningTree(source=str(path), kind="resip")
    by_cote: dict[str, TreeNode] = {}
    pending: list[tuple[int, TreeNode, str]] = []
    for line, row in rows[1:]:
        if not row or not any(c.strip() for c in row):
            continue  # blank line: ReSIP's reader skips them
        if len(row) < RESIP_COLUMNS:
            findings.append(
                finding(path, Code.REF_BAD_TREE, line, error="too_few_fields", found=len(row))
            )
            continue
        ident, title, obs, cote, serie = (c.strip() for c in row[:RESIP_COLUMNS])
        if not title:
            findings.append(finding(path, Code.REF_BAD_TREE, line, error="empty_title"))
        if not cote:
            findings.append(finding(path, Code.REF_BAD_TREE, line, error="empty_cote"))
        if not title or not cote:
            continue
        full = serie + cote
        if full in by_cote:
            findings.append(
                finding(path, Code.REF_BAD_TREE, line, error="duplicate_cote", cote=full)
            )
            continue
        key = ident or full
        if key in tree.nodes_by_key:
            key = full
        node = TreeNode(
            key=key,
            title=title,
            level="Subseries" if serie else "Series",
            originating_ids=[full],
        )
        by_cote[full] = node
        tree.nodes_by_key[key] = node
        pending.append((line, node, serie))
    for line, node, serie in pending:
        if not serie:
            tree.roots.append(node)
        elif serie in by_cote:
            _link(by_cote[serie], node)
        else:
            findings.append(finding(path, Code.REF_BAD_TREE, line, error="orphan", serie=serie))
    if findings:
        raise ReferentialError(findings)
    if not tree.roots:
        raise _error(path, "no_series")
    return tree
