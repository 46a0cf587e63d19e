"""What the SAE's own format identification will make of a file.

Vitam identifies every object again at ingest with its own siegfried and its own PRONOM
signatures (Vitam 6/7: DROID V109 + containers 20221102, see
``../shared/referentials/formats/``) and, under its default ingest contract
(``FormatUnidentifiedAuthorized`` false), refuses a transfer holding a file it cannot
identify (``vitam-ingest-checks.md`` row 20). Verso identifies with newer signatures
(pygfried embeds PRONOM V125 and cannot load another set), so a file only the newer
signatures know passes Verso and is refused by the SAE.

What the engines allow: pygfried only embeds its own signatures; fido 1.6.1 *ships* PRONOM
V109 (``fido/conf/formats-v109.xml``, built from the same ``DROID_SignatureFile_V109.xml``
- same date, same PUIDs - as the SAE's) and its ``-loadformats`` takes such a file; its
containers are older (20200121). So the prediction is:

- Verso's format found by a byte/container signature and the PUID has a signature in V109:
  the SAE finds it too (no file read);
- a text match (siegfried's text identifier, x-fmt/111) or an extension match on a PUID that
  V109 knows with that extension: found too;
- otherwise (a PUID V109 does not have, or has without signature) fido runs on the file with
  the V109 signatures only (no fido extras): a signature match gives the SAE's PUID; else,
  like siegfried, the extension names a V109 format without signature, or nothing:
  unidentified.

A file Verso itself cannot identify is not predicted here (``seda.validate`` reports it).
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from lxml import etree

from seda.model import FormatInfo

SAE_SIGNATURES = "DROID V109"  # Vitam 6/7 (deployment vitam_vars.yml)
TEXT_PUID = "x-fmt/111"


@dataclass(frozen=True, slots=True)
class _V109:
    extensions: dict[str, tuple[str, ...]]  # puid -> extensions (lower-case, no dot)
    signed: frozenset[str]  # puids with at least one byte signature
    by_extension: dict[str, tuple[str, ...]]  # extension -> puids


def _formats_file() -> str:
    import fido

    return os.path.join(fido.CONFIG_DIR, "formats-v109.xml")


@cache
def _v109() -> _V109:
    extensions: dict[str, tuple[str, ...]] = {}
    signed: set[str] = set()
    by_extension: dict[str, list[str]] = {}
    try:
        path = _formats_file()
        root = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True))
    except (ImportError, OSError, etree.XMLSyntaxError):
        return _V109({}, frozenset(), {})
    for fmt in root.getroot().iterfind("format"):
        puid = (fmt.findtext("puid") or "").strip()
        if not puid:
            continue
        exts = tuple((e.text or "").strip().lower() for e in fmt.iterfind("extension") if e.text)
        extensions[puid] = exts
        for ext in exts:
            by_extension.setdefault(ext, []).append(puid)
        if fmt.find("signature") is not None:
            signed.add(puid)
    return _V109(extensions, frozenset(signed), {k: tuple(v) for k, v in by_extension.items()})


def extensions_of(puid: str) -> tuple[str, ...]:
    """The extensions PRONOM (V109) gives the format ``puid`` (may be empty)."""
    return _v109().extensions.get(puid, ())


def known_to_sae(puid: str) -> bool:
    """True when the SAE's signatures have the format ``puid``."""
    return puid in _v109().extensions


def needs_file(ours: FormatInfo) -> bool:
    """True when the prediction for a file Verso identified as ``ours`` must read it."""
    if not ours.known:
        return False
    v = _v109()
    if not v.extensions:
        return False  # no V109 data (fido missing): nothing to predict with
    basis = ours.basis
    if basis.startswith("text match"):
        return False
    if basis.startswith("extension match") and ";" not in basis:
        return ours.puid not in v.extensions
    return ours.puid not in v.signed


class SaePredictor:
    """Predicts the PUID the SAE's identification gives a file (``""``: none)."""

    def __init__(self) -> None:
        self._fido: Any = None
        self._matches: list[tuple[Any, str]] = []
        self._lock = threading.Lock()
        self.signatures = SAE_SIGNATURES

    def _engine(self) -> Any:
        if self._fido is None:
            import fido as fido_pkg
            from fido import fido as fido_mod
            from fido.versions import get_local_versions

            versions = get_local_versions(fido_pkg.CONFIG_DIR)
            engine = fido_mod.Fido(
                quiet=True,
                handle_matches=self._collect,
                conf_dir=fido_pkg.CONFIG_DIR,
                format_files=["formats-v109.xml"],  # PRONOM V109 only, no fido extras
            )
            engine.containersignature_file = versions.pronom_container_signature
            self._fido = engine
        return self._fido

    def _collect(self, filename: str, matches: list[Any], delta_t: float, kind: str = "") -> None:
        for fmt, _name in matches:
            self._matches.append((fmt, kind))

    def predict(self, path: str, ours: FormatInfo) -> str:
        """The SAE's PUID for the file at ``path`` that Verso identified as ``ours``."""
        if not needs_file(ours):
            return ours.puid
        v = _v109()
        ext = os.path.splitext(path)[1].lower().lstrip(".")
        found = ""
        if os.path.getsize(path) > 0:
            with self._lock:
                engine = self._engine()
                self._matches.clear()
                with contextlib.redirect_stderr(io.StringIO()):
                    engine.identify_file(path, extension=False)
                signature = [(f, k) for f, k in self._matches if k in ("signature", "container")]
                if signature:
                    found = str(engine.get_puid(signature[0][0]) or "")
                self._matches.clear()
        if found:
            return found
        # siegfried's extension match: only a format without byte signature is named so
        unsigned = [p for p in v.by_extension.get(ext, ()) if p not in v.signed]
        return unsigned[0] if unsigned else ""


__all__ = [
    "SAE_SIGNATURES",
    "SaePredictor",
    "extensions_of",
    "known_to_sae",
    "needs_file",
]
