"""Archive profiles: the SAE's transfer profile (RelaxNG) and archive-unit profiles (JSON).

A *transfer profile* (profil d'archivage, usually made with SHERPA) is a RelaxNG grammar
over the whole manifest; Vitam validates the manifest against it at ingest
(CHECK_HEADER / CHECK_ARCHIVEPROFILE) and refuses the transfer on any deviation. The verdict
here is libxml2's (``etree.RelaxNG``), as authoritative as we can be offline. libxml2's
messages ("Error validating value token", "Did not expect element X there") do not say
what the profile expects, and after a failed alternative they may point at the wrong
element, so this module also reads the grammar itself (``Grammar``: per element, fixed
values, allowed values, cardinalities, data types) and walks the manifest along it to say
*what* the profile expects and *where* (the unit's readable path). The raw libxml2 messages
are kept in ``params["raw"]`` for experts.

An *archive-unit profile* is the JSON the SAE exports (``ControlSchema`` holds a JSON Schema
draft 4 as a string). Vitam validates each unit naming it (``ArchiveUnitProfile``) at
CHECK_ARCHIVE_UNIT_PROFILE, on its JSON of the unit: the Content fields at the top level,
the unit's rules under ``#management``; ``unit_json`` builds that JSON from the manifest.

The same ``Grammar`` feeds the description guide (``guide``): what the profile fixes and
allows, as plain data for the window.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from lxml import etree

from seda.findings import Code, Finding, Severity

RNG_NS = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG_NS}}}"
SEDA_NS_PREFIX = "fr:gouv:culture:archivesdefrance:seda:v"
ANY = "*"  # an element pattern with anyName: accepts any element
UNBOUNDED = -1
_MAX_PROFILE_BYTES = 64 * 1024 * 1024


class ProfileError(Exception):
    """A profile file that cannot be used; ``findings`` say why (no sentence here)."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(", ".join(str(f.code) for f in findings))
        self.findings = findings


# ---------------------------------------------------------------------------------------
# the grammar, as plain data
# ---------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class Node:
    """One ``<element>`` pattern of the profile, where it sits in its parent's content.

    ``min``/``max``: occurrences allowed at that place (``max == UNBOUNDED`` for
    zeroOrMore/oneOrMore). ``values``: the allowed texts (one = a fixed value, several = an
    enumeration); ``datatypes``: XSD data types when the text is free. ``children``: the
    content model in order (``Node`` or ``Choice``). ``interleave``: children in any order.
    """

    name: str
    min: int = 1
    max: int = 1
    values: tuple[str, ...] = ()
    value_types: tuple[str, ...] = ()
    datatypes: tuple[str, ...] = ()
    children: list[Node | Choice] = field(default_factory=list)
    interleave: bool = False
    documentation: str = ""
    recursive: bool = False  # a ref back to an enclosing define: content not expanded
    line: int | None = None

    @property
    def fixed(self) -> str | None:
        """The one value the profile imposes, if any."""
        return self.values[0] if len(self.values) == 1 else None

    @property
    def required(self) -> bool:
        return self.min > 0

    @property
    def leaf(self) -> bool:
        return not self.children and not self.recursive

    @property
    def unknown(self) -> bool:
        """Content the grammar reading could not follow (left to libxml2)."""
        return self.name == ANY or (self.recursive and not self.children)

    def elements(self) -> Iterator[Node]:
        """Child element patterns, alternatives of choices included, in order."""
        for part in self.children:
            if isinstance(part, Node):
                yield part
            else:
                for alt in part.alternatives:
                    yield from alt

    def child(self, name: str) -> Node | None:
        return next((n for n in self.elements() if n.name == name), None)


@dataclass(slots=True, eq=False)
class Choice:
    """``<choice>`` between element groups (each alternative a list of ``Node``)."""

    alternatives: list[list[Node]]
    min: int = 1
    max: int = 1


class Grammar:
    """The profile's element patterns from ``start``, refs to defines expanded."""

    def __init__(self, doc: etree._ElementTree) -> None:
        root = doc.getroot()
        self.defines: dict[str, list[etree._Element]] = {}
        self.define_nodes: dict[str, list[Node]] = {}
        for d in root.iter(f"{_R}define"):
            self.defines.setdefault(d.get("name", ""), []).append(d)
        start = root.find(f"{_R}start") if root.tag == f"{_R}grammar" else None
        if root.tag == f"{_R}element":
            starts = self._parts([root], 1, 1, (), None)
        elif start is not None:
            starts = self._parts(list(start), 1, 1, (), None)
        else:
            starts = []
        self.root: Node | None = next((n for n in starts if isinstance(n, Node)), None)

    # -- parsing -------------------------------------------------------------------------
    def _parts(
        self,
        items: Iterable[etree._Element],
        lo: int,
        hi: int,
        stack: tuple[str, ...],
        owner: Node | None,
    ) -> list[Node | Choice]:
        out: list[Node | Choice] = []
        for el in items:
            if not isinstance(el.tag, str) or not el.tag.startswith(_R):
                continue
            kind = el.tag[len(_R) :]
            if kind == "element":
                out.append(self._element(el, lo, hi, stack))
            elif kind == "optional":
                out.extend(self._parts(el, 0, hi, stack, owner))
            elif kind == "zeroOrMore":
                out.extend(self._parts(el, 0, UNBOUNDED, stack, owner))
            elif kind == "oneOrMore":
                out.extend(self._parts(el, lo, UNBOUNDED, stack, owner))
            elif kind in ("group", "mixed"):
                out.extend(self._parts(el, lo, hi, stack, owner))
            elif kind == "interleave":
                if owner is not None:
                    owner.interleave = True
                out.extend(self._parts(el, lo, hi, stack, owner))
            elif kind == "ref":
                name = el.get("name", "")
                if name in stack:
                    known = self.define_nodes.get(name)
                    if known:  # the same element again: an alias sharing its content
                        out.extend(_alias(n, lo, hi) for n in known)
                    elif owner is not None:
                        owner.recursive = True
                    continue
                for d in self.defines.get(name, []):
                    out.extend(self._parts(d, lo, hi, (*stack, name), owner))
            elif kind == "choice":
                self._choice(el, lo, hi, stack, owner, out)
            elif kind == "value" and owner is not None:
                owner.values = (*owner.values, el.text or "")
                owner.value_types = (*owner.value_types, el.get("type", "token"))
            elif kind == "data" and owner is not None:
                owner.datatypes = (*owner.datatypes, el.get("type", ""))
            elif kind == "text" and owner is not None:
                owner.datatypes = (*owner.datatypes, "string")
        return out

    def _choice(
        self,
        el: etree._Element,
        lo: int,
        hi: int,
        stack: tuple[str, ...],
        owner: Node | None,
        out: list[Node | Choice],
    ) -> None:
        alternatives: list[list[Node]] = []
        for alt in el:
            if not isinstance(alt.tag, str):
                continue
            parts = self._parts([alt], lo, hi, stack, owner)
            nodes: list[Node] = []
            for p in parts:
                if isinstance(p, Node):
                    nodes.append(p)
                else:  # nested choice: flatten (guide only; validation is libxml2's)
                    for a in p.alternatives:
                        nodes.extend(a)
            if nodes:
                alternatives.append(nodes)
        if len(alternatives) == 1:
            out.extend(alternatives[0])
        elif alternatives:
            out.append(Choice(alternatives, lo, hi))

    def _element(self, el: etree._Element, lo: int, hi: int, stack: tuple[str, ...]) -> Node:
        name = el.get("name")
        body: list[etree._Element] = [c for c in el if isinstance(c.tag, str)]
        if name is None:
            first = body[0] if body else None
            if first is not None and first.tag == f"{_R}name":
                name = (first.text or "").strip()
                body = body[1:]
            else:
                name = ANY
                body = body[1:] if first is not None else body
        node = Node(name.rpartition(":")[2], lo, hi, line=el.sourceline)
        node.documentation = " ".join(
            (d.text or "").strip()
            for d in el
            if isinstance(d.tag, str) and d.tag.endswith("}annotation")
            for d in d
            if isinstance(d.tag, str) and (d.text or "").strip()
        )
        parent = el.getparent()
        if parent is not None and parent.tag == f"{_R}define":
            self.define_nodes.setdefault(parent.get("name", ""), []).append(node)
        if name != ANY:
            node.children.extend(self._parts(body, 1, 1, stack, node))
        return node


def _alias(node: Node, lo: int, hi: int) -> Node:
    """``node`` met again through a recursive ref: same content (shared), own occurrences."""
    return Node(
        node.name,
        lo,
        hi,
        node.values,
        node.value_types,
        node.datatypes,
        node.children,
        node.interleave,
        node.documentation,
        True,
        node.line,
    )


def _root_namespace(el: etree._Element) -> str:
    """The ``ns`` in scope for an RNG element (RelaxNG inherits it from ancestors)."""
    node: etree._Element | None = el
    while node is not None:
        ns = node.get("ns")
        if ns is not None:
            return str(ns)
        node = node.getparent()
    return ""


# ---------------------------------------------------------------------------------------
# transfer profile
# ---------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class TransferProfile:
    """A loaded transfer profile: libxml2's validator and our reading of the grammar."""

    path: str
    identifier: str  # the SAE's identifier (e.g. "PR-000001"), "" when unknown
    namespace: str  # SEDA namespace the profile is written for
    grammar: Grammar
    validator: etree.RelaxNG

    @property
    def seda_version(self) -> str:
        return self.namespace[len(SEDA_NS_PREFIX) :]


def _unreadable(shown: str, exc: OSError) -> Finding:
    reason = "missing" if isinstance(exc, FileNotFoundError) else ""
    reason = "folder" if isinstance(exc, IsADirectoryError) else reason
    params = {"error": exc.strerror or str(exc), "reason": reason}
    return Finding(Code.PROFILE_UNREADABLE, Severity.ERROR, shown, params)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def load_transfer_profile(path: str | os.PathLike[str], identifier: str = "") -> TransferProfile:
    """The RelaxNG transfer profile at ``path``. Raises ``ProfileError`` with one finding:
    unreadable, not XML / not valid RelaxNG (``PROFILE_NOT_RNG``), or not a SEDA profile."""
    shown = os.fspath(path)
    try:
        if os.path.getsize(path) > _MAX_PROFILE_BYTES:
            raise ProfileError(
                [Finding(Code.PROFILE_NOT_RNG, Severity.ERROR, shown, {"error": "too big"})]
            )
        doc = etree.parse(os.fspath(path), _parser())
    except OSError as exc:
        raise ProfileError([_unreadable(shown, exc)]) from exc
    except etree.XMLSyntaxError as exc:
        raise ProfileError(
            [Finding(Code.PROFILE_NOT_RNG, Severity.ERROR, shown, {"error": str(exc)})]
        ) from exc
    root = doc.getroot()
    if etree.QName(root).namespace != RNG_NS:
        raise ProfileError(
            [
                Finding(
                    Code.PROFILE_NOT_RNG,
                    Severity.ERROR,
                    shown,
                    {"error": f"root element {etree.QName(root).localname}"},
                )
            ]
        )
    try:
        validator = etree.RelaxNG(doc)
    except etree.RelaxNGParseError as exc:
        raise ProfileError(
            [Finding(Code.PROFILE_NOT_RNG, Severity.ERROR, shown, {"error": str(exc)})]
        ) from exc
    grammar = Grammar(doc)
    top = grammar.root
    start_el = next(iter(doc.getroot().iter(f"{_R}element")), None)
    namespace = _root_namespace(start_el) if start_el is not None else ""
    if top is None or top.name != "ArchiveTransfer" or not namespace.startswith(SEDA_NS_PREFIX):
        raise ProfileError(
            [
                Finding(
                    Code.PROFILE_NOT_SEDA,
                    Severity.ERROR,
                    shown,
                    {"root": top.name if top else "", "namespace": namespace},
                )
            ]
        )
    return TransferProfile(shown, identifier, namespace, grammar, validator)


# -- walking a manifest along the grammar ------------------------------------------------


def _local(el: etree._Element | None) -> str:
    tag = el.tag if el is not None else None
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _elements(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str)]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def value_ok(node: Node, text: str) -> bool:
    """``text`` is one of ``node``'s values (token values compare whitespace-collapsed)."""
    for value, kind in zip(node.values, node.value_types, strict=False):
        if kind == "string" and text == value:
            return True
        if kind != "string" and _collapse(text) == _collapse(value):
            return True
    return False


_DATATYPES = {
    "date": re.compile(r"-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?"),
    "dateTime": re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?"),
    "gYear": re.compile(r"-?\d{4,}(Z|[+-]\d{2}:\d{2})?"),
    "integer": re.compile(r"[+-]?\d+"),
    "nonNegativeInteger": re.compile(r"\+?\d+"),
    "positiveInteger": re.compile(r"\+?0*[1-9]\d*"),
    "decimal": re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)"),
    "boolean": re.compile(r"true|false|1|0"),
    "NCName": re.compile(r"[^\W\d][\w.-]*", re.UNICODE),
    "ID": re.compile(r"[^\W\d][\w.-]*", re.UNICODE),
    "language": re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*"),
    "hexBinary": re.compile(r"([0-9a-fA-F]{2})*"),
}


def datatype_ok(datatype: str, text: str) -> bool:
    """A light check of the XSD types profiles use (others are left to libxml2)."""
    pattern = _DATATYPES.get(datatype)
    return pattern is None or pattern.fullmatch(text.strip()) is not None


def _fits(el: etree._Element, node: Node, depth: int = 0) -> bool:
    """``el`` agrees with the fixed values ``node`` sets on its leaves (two levels down,
    child units aside): tells which of several sibling patterns with the same name (units,
    objects) an instance element stands for."""
    for sub in node.elements():
        found = [c for c in _elements(el) if _local(c) == sub.name]
        if not found:
            continue
        if sub.values and sub.leaf:
            if not any(value_ok(sub, c.text or "") for c in found):
                return False
        elif depth < 2 and sub.name != "ArchiveUnit" and not sub.leaf:
            if not any(_fits(c, sub, depth + 1) for c in found):
                return False
    return True


def _flatten(parts: list[Node | Choice], present: set[str]) -> list[Node]:
    """The content model as one sequence: for each choice, the alternative the instance's
    children point to (most names present), its patterns optional if the choice is."""
    out: list[Node] = []
    for part in parts:
        if isinstance(part, Node):
            out.append(part)
            continue
        best = max(part.alternatives, key=lambda alt: sum(n.name in present for n in alt))
        for n in best:
            if part.min == 0 and n.min > 0:
                n = Node(
                    n.name,
                    0,
                    n.max,
                    n.values,
                    n.value_types,
                    n.datatypes,
                    n.children,
                    n.interleave,
                    n.documentation,
                    n.recursive,
                    n.line,
                )
            out.append(n)
    return out


def _unit_title(unit: etree._Element) -> str:
    ns = etree.QName(unit).namespace
    q = f"{{{ns}}}" if ns else ""
    title = unit.find(f"{q}Content/{q}Title")
    text = _collapse(title.text or "") if title is not None else ""
    return text or unit.get("id", "") or "?"


def unit_path(el: etree._Element, cache: dict[Any, str] | None = None) -> str:
    """The readable path of the unit holding ``el``: ancestors' titles, " / "-separated.
    ``cache`` (unit element -> path) makes many calls over one manifest linear."""
    chain: list[etree._Element] = []
    node: etree._Element | None = el
    known = ""
    while node is not None:
        if _local(node) == "ArchiveUnit":
            if cache is not None and node in cache:
                known = cache[node]
                break
            chain.append(node)
        node = node.getparent()
    path = known
    for unit in reversed(chain):
        path = f"{path} / {_unit_title(unit)}" if path else _unit_title(unit)
        if cache is not None:
            cache[unit] = path
    return path


def _unit_of(el: etree._Element) -> etree._Element | None:
    node: etree._Element | None = el
    while node is not None:
        if _local(node) == "ArchiveUnit":
            return node
        node = node.getparent()
    return None


class _Walker:
    """Walks the manifest along the grammar; each deviation becomes one finding."""

    def __init__(
        self, name: str, raw: Mapping[Any, list[str]], unit_uids: Mapping[str, int]
    ) -> None:
        self.name = name
        self.raw = raw
        self.unit_uids = unit_uids
        self.findings: list[Finding] = []
        self.paths: dict[Any, str] = {}
        self.unchecked: list[etree._Element] = []  # subtrees the grammar reading skipped
        self.counts: dict[int, dict[str, int]] = {}  # id(children list) -> name -> count

    def add(self, code: str, el: etree._Element, **params: Any) -> None:
        unit = _unit_of(el)
        raw = self.raw.get(el) or (
            self.raw.get(el.getparent()) if el.getparent() is not None else None
        )
        if raw:
            params.setdefault("raw", "; ".join(dict.fromkeys(raw)))
        uid = None
        if unit is not None:
            params["unit"] = unit_path(el, self.paths)
            uid = self.unit_uids.get(unit.get("id", ""))
        params.setdefault("context", _local(el.getparent()))
        self.findings.append(Finding(code, Severity.ERROR, self.name, params, uid, el.sourceline))

    def text(self, el: etree._Element, node: Node, siblings: list[Node]) -> None:
        if _elements(el) and node.leaf:
            return
        text = el.text or ""
        if node.values and node.leaf:
            if value_ok(node, text):
                return
            if node.name == "DescriptionLevel" and _local(el.getparent()) == "Content":
                allowed = _levels(siblings) or list(node.values)
                if _collapse(text) in allowed:
                    return
                self.add(Code.PROFILE_LEVEL, el, value=_collapse(text), allowed=allowed)
            elif len(node.values) == 1:
                self.add(
                    Code.PROFILE_FIXED_VALUE,
                    el,
                    field=node.name,
                    expected=node.values[0],
                    value=_collapse(text),
                )
            else:
                self.add(
                    Code.PROFILE_VALUE_CHOICE,
                    el,
                    field=node.name,
                    allowed=list(node.values),
                    value=_collapse(text),
                )
        elif node.datatypes and node.leaf and not node.values:
            if not any(datatype_ok(t, text) for t in node.datatypes):
                self.add(
                    Code.PROFILE_DATATYPE,
                    el,
                    field=node.name,
                    value=_collapse(text),
                    datatype=node.datatypes[0],
                )

    def walk(self, el: etree._Element, node: Node, siblings: list[Node]) -> None:
        stack = [(el, node, siblings)]
        while stack:
            el, node, siblings = stack.pop()
            self.text(el, node, siblings)
            if node.unknown:
                self.unchecked.append(el)
                continue
            if node.leaf:
                continue
            kids = _elements(el)
            pattern = _flatten(node.children, {_local(k) for k in kids})
            pairs = self.match(el, kids, pattern, node.interleave)
            self.counts.pop(id(kids), None)  # the list dies here: its id may be reused
            for kid, sub in reversed(pairs):
                stack.append((kid, sub, [p for p in pattern if p.name == sub.name]))

    def match(
        self, parent: etree._Element, kids: list[etree._Element], pattern: list[Node], free: bool
    ) -> list[tuple[etree._Element, Node]]:
        """Pairs (instance child, pattern) in document order; reports what does not fit."""
        if free:
            return self.match_free(parent, kids, pattern)
        pairs: list[tuple[etree._Element, Node]] = []
        i = 0
        for p_index, node in enumerate(pattern):
            count = 0
            while i < len(kids):
                kid = kids[i]
                name = _local(kid)
                if node.name not in (ANY, name):
                    later = pattern[p_index + 1 :]
                    if any(n.name in (ANY, name) for n in later):
                        break  # belongs to a later pattern: this one is done
                    self.stray(kid, pattern, pairs, kids)
                    i += 1
                    continue
                if node.max != UNBOUNDED and count >= node.max:
                    break
                if count >= node.min and not _fits(kid, node):
                    later_fit = any(
                        n.name == name and _fits(kid, n) for n in pattern[p_index + 1 :]
                    )
                    if later_fit:
                        break
                pairs.append((kid, node))
                count += 1
                i += 1
            if count < node.min:
                self.missing(parent, node, kids[i] if i < len(kids) else None)
        for kid in kids[i:]:
            self.stray(kid, pattern, pairs, kids)
        return pairs

    def match_free(
        self, parent: etree._Element, kids: list[etree._Element], pattern: list[Node]
    ) -> list[tuple[etree._Element, Node]]:
        pairs: list[tuple[etree._Element, Node]] = []
        counts: dict[int, int] = {}
        for kid in kids:
            name = _local(kid)
            node = next(
                (
                    n
                    for n in pattern
                    if n.name in (ANY, name)
                    and (n.max == UNBOUNDED or counts.get(id(n), 0) < n.max)
                ),
                None,
            )
            if node is None:
                self.stray(kid, pattern, pairs, kids)
                continue
            counts[id(node)] = counts.get(id(node), 0) + 1
            pairs.append((kid, node))
        for node in pattern:
            if counts.get(id(node), 0) < node.min:
                self.missing(parent, node, None)
        return pairs

    def missing(self, parent: etree._Element, node: Node, before: etree._Element | None) -> None:
        params: dict[str, Any] = {"field": node.name}
        if node.fixed is not None and node.leaf:
            params["expected"] = node.fixed
        if node.name == "ArchiveUnit":
            levels = _levels([node])
            title = _fixed_title(node)
            params["level"] = levels[0] if levels else ""
            params["title"] = title or node.documentation
        if before is not None:
            params["before"] = _local(before)
        self.add(Code.PROFILE_MISSING, parent, **params)
        self.findings[-1].params["context"] = _local(parent)

    def stray(
        self,
        kid: etree._Element,
        pattern: list[Node],
        pairs: list[tuple[etree._Element, Node]],
        kids: list[etree._Element],
    ) -> None:
        name = _local(kid)
        same = [n for n in pattern if n.name == name]
        if not same:
            self.add(Code.PROFILE_NOT_ALLOWED, kid, field=name)
            return
        limit = 0 if any(n.max == UNBOUNDED for n in same) else sum(n.max for n in same)
        counts = self.counts.get(id(kids))
        if counts is None:
            counts = self.counts[id(kids)] = {}
            for k in kids:
                counts[_local(k)] = counts.get(_local(k), 0) + 1
        count = counts.get(name, 0)
        if limit and count > limit:
            if counts.get(f"said:{name}"):
                return  # said once per parent, on the first extra element
            counts[f"said:{name}"] = 1
            self.add(Code.PROFILE_TOO_MANY, kid, field=name, max=limit, count=count)
        else:
            self.add(Code.PROFILE_ORDER, kid, field=name)


def _levels(nodes: Iterable[Node]) -> list[str]:
    """The description levels the unit patterns ``nodes`` fix (in order, once each)."""
    out: list[str] = []
    for n in nodes:
        content = n.child("Content")
        level = content.child("DescriptionLevel") if content is not None else None
        if level is not None:
            out.extend(v for v in level.values if v not in out)
    return out


def _fixed_title(node: Node) -> str:
    content = node.child("Content")
    title = content.child("Title") if content is not None else None
    return (title.fixed or "") if title is not None else ""


def _raw_by_element(validator: etree.RelaxNG, doc: etree._Element) -> dict[Any, list[str]]:
    tree = doc.getroottree()
    out: dict[Any, list[str]] = {}
    for entry in validator.error_log:
        try:
            found = tree.xpath(entry.path) if entry.path else []
        except etree.XPathError:
            found = []
        target = found[0] if isinstance(found, list) and found else None
        out.setdefault(target, []).append(entry.message)
    return out


def _doc(manifest: bytes | etree._Element | IO[bytes]) -> etree._Element:
    if isinstance(manifest, etree._Element):
        return manifest
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True
    )
    if isinstance(manifest, bytes):
        return etree.fromstring(manifest, parser)
    return etree.parse(manifest, parser).getroot()


def check_manifest(
    profile: TransferProfile,
    manifest: bytes | etree._Element | IO[bytes],
    *,
    name: str = "manifest.xml",
    unit_uids: Mapping[str, int] | None = None,
) -> list[Finding]:
    """The manifest against ``profile``, as the SAE will check it: no finding when libxml2
    accepts it; otherwise one finding per deviation, saying what the profile expects.

    ``unit_uids`` maps the manifest's ArchiveUnit ``id`` to the model's unit uid (a package
    Verso wrote: ``AU<uid>``) so findings point at the unit in the window. Raises
    ``etree.XMLSyntaxError`` on a manifest that is not XML (the caller reports it).
    """
    doc = _doc(manifest)
    findings: list[Finding] = []
    declared = _declared_profile(doc)
    if profile.identifier and declared and declared != profile.identifier:
        findings.append(
            Finding(
                Code.PROFILE_OTHER_DECLARED,
                Severity.WARNING,
                name,
                {"declared": declared, "profile": profile.identifier},
            )
        )
    if profile.validator.validate(doc):
        return findings
    raw = _raw_by_element(profile.validator, doc)
    walker = _Walker(name, raw, unit_uids or {})
    top = profile.grammar.root
    if top is not None:
        if _local(doc) != top.name:
            walker.add(Code.PROFILE_NOT_ALLOWED, doc, field=_local(doc))
        else:
            walker.walk(doc, top, [top])
    _unexplained(walker, raw)
    found = walker.findings
    if not found:  # our reading missed it: libxml2's words, with the place
        entries = list(profile.validator.error_log)
        by_el = [(el, msgs) for el, msgs in raw.items() if el is not None]
        if by_el:
            el, msgs = by_el[0]
            walker.add(Code.PROFILE_INVALID, el, field=_local(el), raw="; ".join(msgs))
        else:
            message = entries[0].message if entries else ""
            walker.findings.append(
                Finding(
                    Code.PROFILE_INVALID,
                    Severity.ERROR,
                    name,
                    {"raw": message, "field": ""},
                    line=entries[0].line if entries else None,
                )
            )
        found = walker.findings
    found.sort(key=lambda f: f.line or 0)
    return findings + found


def _unexplained(walker: _Walker, raw: Mapping[Any, list[str]]) -> None:
    """libxml2 errors our reading of the grammar cannot have seen: inside content it does
    not follow (any element, unresolved recursion) and on attributes (not read). Said in
    libxml2's words so no refusal goes unreported."""
    skipped = set(walker.unchecked)
    for el, messages in raw.items():
        if el is None:
            continue
        inside = any(a in skipped for a in (el, *el.iterancestors()))
        about_attributes = [m for m in messages if "attribute" in m.lower()]
        if inside or about_attributes:
            walker.add(
                Code.PROFILE_INVALID,
                el,
                field=_local(el),
                raw="; ".join(about_attributes or messages),
            )


def _declared_profile(doc: etree._Element) -> str:
    for el in doc.iter():
        if isinstance(el.tag, str) and _local(el) == "ArchivalProfile":
            parent = el.getparent()
            if parent is not None and _local(parent) == "ManagementMetadata":
                return _collapse(el.text or "")
    return ""


# ---------------------------------------------------------------------------------------
# archive-unit profiles (JSON Schema draft 4)
# ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class UnitProfile:
    """One archive-unit profile as the SAE exports it."""

    identifier: str
    name: str = ""
    status: str = "ACTIVE"
    schema: dict[str, Any] = field(default_factory=dict)
    path: str = ""


def _schema_of(entry: Mapping[str, Any]) -> dict[str, Any] | None:
    if "ControlSchema" in entry:
        control = entry["ControlSchema"]
        if isinstance(control, str):
            control = json.loads(control) if control.strip() else {}
        return control if isinstance(control, dict) else None
    if "$schema" in entry or "properties" in entry or "required" in entry:
        return dict(entry)  # a bare JSON schema
    return None


def load_unit_profiles(path: str | os.PathLike[str]) -> list[UnitProfile]:
    """The archive-unit profiles in the JSON file ``path``: the SAE's export (one object or
    a list, ``ControlSchema`` a JSON string) or a bare JSON schema (then identified by the
    file name without extension). Raises ``ProfileError``."""
    import jsonschema

    shown = os.fspath(path)

    def bad(error: str) -> ProfileError:
        return ProfileError(
            [Finding(Code.UNIT_PROFILE_INVALID, Severity.ERROR, shown, {"error": error})]
        )

    try:
        with open(path, "rb") as fh:
            doc = json.loads(fh.read().decode("utf-8-sig"))
    except OSError as exc:
        raise ProfileError([_unreadable(shown, exc)]) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise bad(str(exc)) from exc
    items = doc if isinstance(doc, list) else [doc]
    out: list[UnitProfile] = []
    for item in items:
        if not isinstance(item, dict):
            raise bad("not an object")
        try:
            schema = _schema_of(item)
        except ValueError as exc:
            raise bad(f"ControlSchema: {exc}") from exc
        if schema is None:
            raise bad("no ControlSchema")
        try:
            jsonschema.Draft4Validator.check_schema(schema)
        except jsonschema.SchemaError as exc:
            raise bad(f"ControlSchema: {exc.message}") from exc
        ident = str(item.get("Identifier") or "") if "ControlSchema" in item else ""
        out.append(
            UnitProfile(
                ident or Path(shown).stem,
                str(item.get("Name") or ""),
                str(item.get("Status") or "ACTIVE"),
                schema,
                shown,
            )
        )
    return out


# Content fields Vitam stores as arrays (its archive-unit schema: string-array, token
# arrays, agent arrays...). Everything else is a string or an object.
_ARRAY_FIELDS = frozenset(
    {
        "FilePlanPosition",
        "SystemId",
        "OriginatingSystemId",
        "ArchivalAgencyArchiveUnitIdentifier",
        "OriginatingAgencyArchiveUnitIdentifier",
        "TransferringAgencyArchiveUnitIdentifier",
        "Language",
        "Tag",
        "Keyword",
        "AuthorizedAgent",
        "Agent",
        "Writer",
        "Addressee",
        "Recipient",
        "Transmitter",
        "Sender",
        "Event",
        "Signature",
        "TextContent",
        "PersistentIdentifier",
        "CustodialHistoryItem",
        "Spatial",
        "Temporal",
        "Juridictional",
        "Rules",
        "IsVersionOf",
        "Replaces",
        "Requires",
        "IsPartOf",
        "References",
        "FirstName",
        "BirthName",
        "GivenName",
        "Nationality",
        "Identifier",
        "Function",
        "Activity",
        "Position",
        "Role",
        "Mandate",
        "RefNonRuleId",
    }
)
_RULE_CATEGORIES = (
    "StorageRule",
    "AppraisalRule",
    "AccessRule",
    "DisseminationRule",
    "ReuseRule",
    "ClassificationRule",
    "HoldRule",
)
_RULE_ITEM_FIELDS = frozenset(
    {
        "Rule",
        "StartDate",
        "HoldEndDate",
        "HoldOwner",
        "HoldReassessingDate",
        "HoldReason",
        "PreventRearrangement",
    }
)


def _json_value(el: etree._Element, name: str = "") -> Any:
    kids = _elements(el)
    if not kids:
        return _collapse(el.text or "")
    obj: dict[str, Any] = {}
    for kid in kids:
        key = _local(kid)
        value = _json_value(kid, key)
        if key in _ARRAY_FIELDS and not (name == "OriginatingAgency" and key == "Identifier"):
            obj.setdefault(key, []).append(value)
        else:
            obj[key] = value
    return obj


def _rules_json(block: etree._Element) -> dict[str, Any]:
    out: dict[str, Any] = {}
    rules: list[dict[str, Any]] = []
    for kid in _elements(block):
        key = _local(kid)
        if key == "Rule":
            rules.append({"Rule": _collapse(kid.text or "")})
        elif key in _RULE_ITEM_FIELDS and rules:
            rules[-1][key] = _collapse(kid.text or "")
        elif key in ("PreventInheritance", "RefNonRuleId"):
            inh = out.setdefault("Inheritance", {})
            if key == "PreventInheritance":
                inh["PreventInheritance"] = _collapse(kid.text or "") in ("true", "1")
            else:
                inh.setdefault("PreventRulesId", []).append(_collapse(kid.text or ""))
        else:
            out[key] = _json_value(kid, key)
    out["Rules"] = rules
    return out


def unit_json(unit: etree._Element) -> dict[str, Any]:
    """A manifest ArchiveUnit as Vitam's archive-unit profile check sees it: the Content
    fields at the top level, ``ArchiveUnitProfile``, the rules under ``#management``."""
    out: dict[str, Any] = {}
    for kid in _elements(unit):
        key = _local(kid)
        if key == "Content":
            content = _json_value(kid)
            if isinstance(content, dict):
                out.update(content)
        elif key == "ArchiveUnitProfile":
            out["ArchiveUnitProfile"] = _collapse(kid.text or "")
        elif key == "Management":
            mgt: dict[str, Any] = {}
            for block in _elements(kid):
                name = _local(block)
                if name in _RULE_CATEGORIES:
                    mgt[name] = _rules_json(block)
                elif name != "UpdateOperation":
                    mgt[name] = _json_value(block, name)
            out["#management"] = mgt
    out.setdefault("#management", {})
    return out


def _schema_error_params(error: Any) -> dict[str, Any]:
    """What the JSON schema expects, in words the messages can use."""
    path = [p for p in error.absolute_path if isinstance(p, str)]
    fieldname = path[-1] if path else ""
    kind = str(error.validator)
    params: dict[str, Any] = {"kind": kind, "field": fieldname, "raw": error.message}
    if kind == "required":
        match = re.match(r"'([^']+)'", error.message)
        params["field"] = match.group(1) if match else fieldname
    elif kind == "enum":
        params["allowed"] = [str(v) for v in error.validator_value]
        params["value"] = str(error.instance)
    elif kind in ("maxItems", "minItems", "maxLength", "minLength"):
        params["limit"] = error.validator_value
    elif kind == "additionalProperties":
        match = re.search(r"'([^']+)' (was|were) unexpected", error.message)
        params["field"] = match.group(1) if match else fieldname
    elif kind == "pattern":
        params["value"] = str(error.instance)
    elif kind == "type":
        params["expected"] = str(error.validator_value)
    return params


def check_unit_profiles(
    manifest: bytes | etree._Element | IO[bytes],
    profiles: Iterable[UnitProfile],
    *,
    name: str = "manifest.xml",
    unit_uids: Mapping[str, int] | None = None,
) -> list[Finding]:
    """Each unit naming an archive-unit profile, checked against it as Vitam does.

    A unit naming a profile not among ``profiles`` gets a WARNING (not checked here; the SAE
    refuses it if its referential lacks it); an inactive profile is an ERROR (Vitam refuses).
    """
    import jsonschema

    doc = _doc(manifest)
    by_id = {p.identifier: p for p in profiles}
    validators: dict[str, Any] = {}
    uids = unit_uids or {}
    out: list[Finding] = []
    paths: dict[Any, str] = {}
    for unit in doc.iter():
        if not isinstance(unit.tag, str) or _local(unit) != "ArchiveUnit":
            continue
        ref = next((c for c in _elements(unit) if _local(c) == "ArchiveUnitProfile"), None)
        if ref is None:
            continue
        ident = _collapse(ref.text or "")
        base = {"unit": unit_path(unit, paths), "profile": ident}
        uid = uids.get(unit.get("id", ""))
        profile = by_id.get(ident)
        if profile is None:
            out.append(
                Finding(
                    Code.UNIT_PROFILE_UNKNOWN,
                    Severity.WARNING,
                    name,
                    dict(base),
                    uid,
                    ref.sourceline,
                )
            )
            continue
        if profile.status.upper() != "ACTIVE":
            out.append(
                Finding(
                    Code.UNIT_PROFILE_INACTIVE,
                    Severity.ERROR,
                    name,
                    dict(base),
                    uid,
                    ref.sourceline,
                )
            )
            continue
        validator = validators.get(ident)
        if validator is None:
            validator = validators[ident] = jsonschema.Draft4Validator(profile.schema)
        errors = sorted(validator.iter_errors(unit_json(unit)), key=lambda e: list(e.path))
        for error in errors:
            params = {**base, **_schema_error_params(error)}
            out.append(
                Finding(
                    Code.UNIT_PROFILE_VIOLATION, Severity.ERROR, name, params, uid, unit.sourceline
                )
            )
    return out


# ---------------------------------------------------------------------------------------
# a SIP zip, a package of the model
# ---------------------------------------------------------------------------------------


def check_sip_profiles(
    path: str | os.PathLike[str],
    profile: TransferProfile | None,
    unit_profiles: Iterable[UnitProfile] = (),
) -> list[Finding]:
    """The SIP's manifest against the transfer profile and the archive-unit profiles.

    A zip or manifest that cannot be read gives no finding here: ``check_sip`` says why.
    """
    import zipfile

    from seda.package import manifest_name_ok

    try:
        with zipfile.ZipFile(path) as zf:
            names = [i for i in zf.infolist() if manifest_name_ok(i.orig_filename)]
            if len(names) != 1:
                return []
            name, data = names[0].orig_filename, zf.read(names[0])
        doc = _doc(data)
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError, etree.XMLSyntaxError):
        return []
    out: list[Finding] = []
    if profile is not None:
        out.extend(check_manifest(profile, doc, name=name))
    units = list(unit_profiles)
    if units:
        out.extend(check_unit_profiles(doc, units, name=name))
    declared = _declared_profile(doc) if profile is None else ""
    named = (
        sorted(
            {
                _collapse(el.text or "")
                for el in doc.iter()
                if isinstance(el.tag, str) and _local(el) == "ArchiveUnitProfile"
            }
        )
        if not units
        else []
    )
    if declared or named:
        params: dict[str, Any] = {"declared": declared, "units": named}
        out.append(Finding(Code.PROFILE_NOT_CHECKED, Severity.INFO, name, params))
    return out


def check_package_profiles(
    package: Any,
    profile: TransferProfile | None,
    unit_profiles: Iterable[UnitProfile] = (),
) -> list[Finding]:
    """The manifest Verso would write for ``package`` (a ``seda.model.Package``), against
    the profiles; findings carry the model's ``unit_uid``. Objects' Uris are placeholders
    (the export names them the same way), the date and message identifier are generated
    when the header has none, as the export does. Checked against a transfer profile, the
    manifest is the one written when the header names it: without the agencies' names
    (``write_manifest(agency_names=...)``), which such profiles do not allow."""
    import io

    from seda.manifest import write_manifest

    uris = {obj.uid: f"content/ID{obj.uid}" for _u, obj in package.objects()}
    buf = io.BytesIO()
    write_manifest(package, buf, uris=uris, agency_names=False if profile is not None else None)
    doc = _doc(buf.getvalue())
    uids = {f"AU{u.uid}": u.uid for u in package.walk()}
    out: list[Finding] = []
    if profile is not None:
        out.extend(check_manifest(profile, doc, unit_uids=uids))
    units = list(unit_profiles)
    if units:
        out.extend(check_unit_profiles(doc, units, unit_uids=uids))
    return out


__all__ = [
    "ANY",
    "UNBOUNDED",
    "Choice",
    "Grammar",
    "Node",
    "ProfileError",
    "TransferProfile",
    "UnitProfile",
    "check_manifest",
    "check_package_profiles",
    "check_sip_profiles",
    "check_unit_profiles",
    "datatype_ok",
    "load_transfer_profile",
    "load_unit_profiles",
    "unit_json",
    "unit_path",
    "value_ok",
]
