"""Shared fixtures: a real "odd" folder tree and a way to simulate unreadable paths.

``odd_tree`` builds on disk everything a commune's shared drive may hold: accents in NFC
and NFD, emoji, a very long name, names Windows refuses, empty folder and file, small real
PDF/PNG/TXT/XML/ODT files, symbolic links (loop, broken, leaving the tree), a Windows
``.lnk`` shortcut, Office lock files, ``Thumbs.db`` and a fifo.

``make_unreadable`` simulates read errors: the machine runs as root, so ``chmod 000`` does
not stop reads. It monkeypatches ``os.scandir`` (folders), ``os.access``, ``open`` and
``os.open`` (files) *in the test process only*: use it with ``seda.scan.walk``,
``seda.identify.hash_and_identify`` or ``seda.scan.analyse(..., workers=0)`` (in-process),
not with worker processes.
"""

from __future__ import annotations

import builtins
import io
import os
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def _shared_empties_untouched() -> object:
    """Units share one empty ``Attachment`` (seda.model.NO_ATTACHMENT) and one empty list
    for the lists they leave empty (seda.model.SHARED_EMPTY): memory at a million units.
    Code must replace a unit's attachment and add to its lists through ``unit.own(name)``,
    never edit the shared ones in place (the list refuses items, but ``list.append(x, y)``
    or C code could still get past it)."""
    from seda.model import NO_ATTACHMENT, SHARED_EMPTY, Attachment

    yield
    assert NO_ATTACHMENT == Attachment(), "seda.model.NO_ATTACHMENT was edited in place"
    assert len(SHARED_EMPTY) == 0, "seda.model.SHARED_EMPTY was given items"


# -- small real sample files ------------------------------------------------------------


def png_bytes() -> bytes:
    """A valid 1x1 RGB PNG (signature, IHDR, IDAT, IEND with correct CRCs)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def pdf_bytes() -> bytes:
    """A minimal one-page PDF 1.4 with a correct xref table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def odt_bytes() -> bytes:
    """An OpenDocument text: stored ``mimetype`` first, manifest, content."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(
            zipfile.ZipInfo("mimetype"),
            "application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        zf.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
            ' manifest:version="1.2">\n'
            ' <manifest:file-entry manifest:full-path="/" manifest:version="1.2"'
            ' manifest:media-type="application/vnd.oasis.opendocument.text"/>\n'
            ' <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>\n'
            "</manifest:manifest>\n",
            compress_type=zipfile.ZIP_DEFLATED,
        )
        zf.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            "<office:body><office:text><text:p>Délibération</text:p></office:text></office:body>"
            "</office:document-content>\n",
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return buf.getvalue()


XML_BYTES = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<registre><acte n="1">Mariage</acte></registre>\n'
)
TXT_BYTES = "Compte rendu du conseil municipal.\nSéance du 3 mars.\n".encode()
# Shell link header: size 0x4C then the LinkCLSID {00021401-0000-0000-C000-000000000046}.
LNK_BYTES = (
    b"L\x00\x00\x00\x01\x14\x02\x00\x00\x00\x00\x00\xc0\x00\x00\x00\x00\x00\x00F" + b"\x00" * 56
)

NFD_FOLDER = unicodedata.normalize("NFD", "Délibérations")  # decomposed accents (macOS)
LONG_NAME = "compte-rendu-" + "tres-long-" * 23 + ".txt"  # 247 chars: fits ext4, not Windows paths
WINDOWS_BAD_NAMES = ("question?.txt", "deux:points.txt", "finit-par-un-point.", "CON.txt")


@pytest.fixture
def odd_tree(tmp_path: Path) -> Path:
    """Build the odd tree under ``tmp_path / "Versement été"`` and return that folder.

    Layout (names as created; ``*`` = not expected in the package)::

        Versement été/
          Courrier/                      2 files + Sous-dossier/ (txt, xml)
            rapport.pdf  plan.png
            Sous-dossier/  notes.txt  registre.xml  boucle -> ../.. (*, loop)
          Délibérations/ (NFD name)      délib.odt, vide.txt (0 byte)
          Vide/                          empty folder
          Bizarre/                       question?.txt deux:points.txt finit-par-un-point.
                                         CON.txt <LONG_NAME> photo 😀.txt
          Liens/  cassé -> absent (*)  dehors -> ../../dehors.txt (*)
                  raccourci.lnk (*)  interne -> ../Courrier/plan.png (followed once)
          Thumbs.db (*)  ~$lock.docx (*)  brouillon.TMP (*)  tube (fifo, *)

    Timestamps are fixed so date tests can rely on them: every file has mtime 2020-06-15
    noon local time, except ``Courrier/rapport.pdf`` (2019-01-10) and
    ``Courrier/Sous-dossier/notes.txt`` (2021-03-05).
    """
    root = tmp_path / "Versement été"
    courrier = root / "Courrier"
    sub = courrier / "Sous-dossier"
    delib = root / NFD_FOLDER
    vide = root / "Vide"
    bizarre = root / "Bizarre"
    liens = root / "Liens"
    for folder in (sub, delib, vide, bizarre, liens):
        folder.mkdir(parents=True)

    (courrier / "rapport.pdf").write_bytes(pdf_bytes())
    (courrier / "plan.png").write_bytes(png_bytes())
    (sub / "notes.txt").write_bytes(TXT_BYTES)
    (sub / "registre.xml").write_bytes(XML_BYTES)
    (delib / unicodedata.normalize("NFC", "délib.odt")).write_bytes(odt_bytes())
    (delib / "vide.txt").write_bytes(b"")
    for name in WINDOWS_BAD_NAMES:
        (bizarre / name).write_bytes(TXT_BYTES)
    (bizarre / LONG_NAME).write_bytes(TXT_BYTES)
    (bizarre / "photo 😀.txt").write_bytes(TXT_BYTES)
    (liens / "raccourci.lnk").write_bytes(LNK_BYTES)
    (root / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 60)
    (root / "~$lock.docx").write_bytes(b"\x00" * 162)
    (root / "brouillon.TMP").write_bytes(b"temp")
    os.mkfifo(root / "tube")
    (tmp_path / "dehors.txt").write_bytes(TXT_BYTES)

    (sub / "boucle").symlink_to(Path("..") / "..", target_is_directory=True)
    (liens / "cassé").symlink_to("absent")
    (liens / "dehors").symlink_to(Path("..") / ".." / "dehors.txt")
    (liens / "interne").symlink_to(Path("..") / "Courrier" / "plan.png")

    import datetime as _dt

    def stamp(path: Path, when: _dt.datetime) -> None:
        ts = when.timestamp()
        os.utime(path, (ts, ts), follow_symlinks=False)

    default = _dt.datetime(2020, 6, 15, 12, 0, 0)
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = Path(dirpath) / name
            if not path.is_symlink():
                stamp(path, default)
    stamp(courrier / "rapport.pdf", _dt.datetime(2019, 1, 10, 12, 0, 0))
    stamp(sub / "notes.txt", _dt.datetime(2021, 3, 5, 12, 0, 0))
    return root


@pytest.fixture
def make_unreadable(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Return ``mark(path)``: afterwards reading ``path`` raises ``PermissionError``.

    Only affects this process (see module docstring). Folders fail in ``os.scandir``, files
    in ``os.access(..., R_OK)``, ``open`` and ``os.open``.
    """
    marked: set[str] = set()
    real_scandir = os.scandir
    real_access = os.access
    real_open = builtins.open
    real_os_open = os.open

    def is_marked(path: object) -> bool:
        if isinstance(path, int):
            return False
        try:
            return os.path.abspath(os.fsdecode(path)) in marked  # type: ignore[arg-type]
        except TypeError:
            return False

    def denied(path: object) -> PermissionError:
        return PermissionError(13, "Permission denied", os.fsdecode(path))  # type: ignore[arg-type]

    def scandir(path: object = ".") -> object:
        if is_marked(path):
            raise denied(path)
        return real_scandir(path)  # type: ignore[arg-type]

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if is_marked(path) and mode & os.R_OK:
            return False
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    def fake_open(file: object, *args: object, **kwargs: object) -> object:
        if is_marked(file):
            raise denied(file)
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    def os_open(path: object, *args: object, **kwargs: object) -> int:
        if is_marked(path):
            raise denied(path)
        return real_os_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", os_open)

    def mark(path: Path) -> None:
        marked.add(os.path.abspath(os.fspath(path)))

    return mark
