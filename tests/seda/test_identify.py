"""seda.identify: the three engines, SHA-512 streaming, errors as results."""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from seda.findings import Code
from seda.identify import (
    CHUNK_SIZE,
    ENGINES,
    FileResult,
    Identifier,
    hash_and_identify,
    hash_and_identify_many,
    is_unknown,
    make_identifier,
    sha512_file,
)
from seda.model import FormatInfo
from tests.conftest import LNK_BYTES, TXT_BYTES, XML_BYTES, odt_bytes, pdf_bytes, png_bytes


@pytest.fixture(scope="module")
def identifiers() -> dict[str, Identifier]:
    return {engine: make_identifier(engine) for engine in ENGINES}


@pytest.fixture
def samples(tmp_path: Path) -> dict[str, Path]:
    files = {
        "png": ("plan.png", png_bytes()),
        "pdf": ("rapport.pdf", pdf_bytes()),
        "txt": ("notes.txt", TXT_BYTES),
        "xml": ("registre.xml", XML_BYTES),
        "odt": ("délib.odt", odt_bytes()),
        "lnk": ("raccourci.lnk", LNK_BYTES),
        "empty": ("vide.txt", b""),
        "broken_zip": ("casse.zip", b"PK\x03\x04" + b"\x00" * 100),
        "unknown": ("mystere", b"\x13\x37" * 300),
    }
    out = {}
    for key, (name, data) in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        out[key] = path
    return out


def test_engines_report_their_signatures(identifiers: dict[str, Identifier]) -> None:
    sieg, fido, magic = identifiers["siegfried"], identifiers["fido"], identifiers["magic"]
    assert isinstance(sieg, Identifier)
    assert sieg.name == "siegfried" and "DROID_SignatureFile_V" in sieg.signature_version
    assert "container-signature" in sieg.signature_version
    assert fido.name == "fido" and fido.signature_version.startswith("formats-v")
    assert "container-signature" in fido.signature_version
    assert magic.name == "magic" and magic.signature_version.startswith("libmagic")


def test_unknown_engine() -> None:
    with pytest.raises(ValueError, match="droid"):
        make_identifier("droid")


def test_siegfried_formats(identifiers: dict[str, Identifier], samples: dict[str, Path]) -> None:
    ident = identifiers["siegfried"]
    png = ident.identify(str(samples["png"]))
    assert png.puid in ("fmt/11", "fmt/12", "fmt/13") and png.mime == "image/png"
    assert png.engine == "siegfried" and png.name and png.basis
    pdf = ident.identify(str(samples["pdf"]))
    assert pdf.puid.startswith("fmt/") and pdf.version == "1.4"
    txt = ident.identify(str(samples["txt"]))
    assert txt.puid == "x-fmt/111" or txt.mime == "text/plain"
    assert ident.identify(str(samples["xml"])).puid == "fmt/101"
    odt = ident.identify(str(samples["odt"]))
    assert odt.puid in ("fmt/290", "fmt/291", "fmt/1756")
    # PRONOM's MIME type is kept (libmagic would say application/zip for re-zipped ODF).
    assert odt.mime == "application/vnd.oasis.opendocument.text"


def test_libmagic_fills_missing_mime(
    identifiers: dict[str, Identifier], samples: dict[str, Path]
) -> None:
    import magic

    ident = identifiers["siegfried"]
    lnk = ident.identify(str(samples["lnk"]))
    assert lnk.puid == "x-fmt/428"  # PRONOM has no MIME type for shortcuts
    assert lnk.mime == magic.from_file(str(samples["lnk"]), mime=True) != ""
    unknown = ident.identify(str(samples["unknown"]))
    assert not unknown.known and unknown.puid == ""
    assert unknown.mime == magic.from_file(str(samples["unknown"]), mime=True) != ""
    assert is_unknown(unknown)


def test_fido_formats(identifiers: dict[str, Identifier], samples: dict[str, Path]) -> None:
    ident = identifiers["fido"]
    png = ident.identify(str(samples["png"]))
    assert png.puid == "fmt/11" and png.mime == "image/png" and png.engine == "fido"
    assert ident.identify(str(samples["pdf"])).puid == "fmt/18"
    assert ident.identify(str(samples["xml"])).puid == "fmt/101"
    assert ident.identify(str(samples["odt"])).puid in ("fmt/290", "fmt/291")
    txt = ident.identify(str(samples["txt"]))
    assert txt.puid == "x-fmt/111" or txt.mime == "text/plain"
    unknown = ident.identify(str(samples["unknown"]))
    assert unknown.puid == "" and unknown.mime  # libmagic's
    # Results do not leak from one file to the next.
    assert ident.identify(str(samples["png"])).puid == "fmt/11"


def test_fido_surfaces_read_errors(identifiers: dict[str, Identifier], tmp_path: Path) -> None:
    with pytest.raises(OSError):
        identifiers["fido"].identify(str(tmp_path / "absent.pdf"))


def test_magic_formats(identifiers: dict[str, Identifier], samples: dict[str, Path]) -> None:
    ident = identifiers["magic"]
    png = ident.identify(str(samples["png"]))
    assert png == FormatInfo(mime="image/png", engine="magic", basis="libmagic")
    assert not is_unknown(png)
    assert ident.identify(str(samples["pdf"])).mime == "application/pdf"
    assert ident.identify(str(samples["txt"])).mime == "text/plain"


@pytest.mark.parametrize("engine", ENGINES)
def test_hash_and_identify_each_engine(
    identifiers: dict[str, Identifier], samples: dict[str, Path], engine: str
) -> None:
    for key, path in samples.items():
        result = hash_and_identify(str(path), identifiers[engine], uid=7)
        assert result.uid == 7
        assert result.digest == hashlib.sha512(path.read_bytes()).hexdigest(), key
        assert result.size == path.stat().st_size
        assert result.last_modified is not None and result.last_modified.tzinfo is not None
        assert result.format.engine == engine
        if key != "broken_zip":
            assert result.error == "", (key, result.error)


def test_empty_file_does_not_raise(
    identifiers: dict[str, Identifier], samples: dict[str, Path]
) -> None:
    result = hash_and_identify(str(samples["empty"]), identifiers["siegfried"])
    assert result.error == "" and result.size == 0
    assert result.digest == hashlib.sha512(b"").hexdigest()


def test_broken_zip_is_an_identify_error(
    identifiers: dict[str, Identifier], samples: dict[str, Path]
) -> None:
    result = hash_and_identify(str(samples["broken_zip"]), identifiers["siegfried"])
    assert result.error_code == Code.IDENTIFY_ERROR and "zip" in result.error
    assert result.digest == hashlib.sha512(samples["broken_zip"].read_bytes()).hexdigest()
    assert not result.format.known


def test_read_errors_become_results(
    identifiers: dict[str, Identifier],
    samples: dict[str, Path],
    tmp_path: Path,
    make_unreadable: Callable[[Path], None],
) -> None:
    ident = identifiers["siegfried"]
    missing = hash_and_identify(str(tmp_path / "absent.pdf"), ident, uid=1)
    assert missing.error_code == Code.NOT_FOUND and missing.error and missing.digest == ""
    folder = hash_and_identify(str(tmp_path), ident, uid=2)
    assert folder.error_code == Code.UNREADABLE and "directory" in folder.error.lower()
    make_unreadable(samples["pdf"])
    denied = hash_and_identify(str(samples["pdf"]), ident, uid=3)
    assert denied.error_code == Code.UNREADABLE and "Permission denied" in denied.error
    assert denied.digest == ""


def test_io_error_in_the_middle_of_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "disque-abime.bin"
    path.write_bytes(b"x" * (3 * CHUNK_SIZE))
    import io

    real_readinto = io.FileIO.readinto
    calls = {"n": 0}

    class FailingFileIO(io.FileIO):
        def readinto(self, buffer):  # type: ignore[no-untyped-def, override]
            calls["n"] += 1
            if calls["n"] == 2:
                raise OSError(5, "Input/output error")
            return real_readinto(self, buffer)

    import builtins

    real_open = builtins.open

    def fake_open(file, mode="r", buffering=-1, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(path):
            return FailingFileIO(file, "rb")
        return real_open(file, mode, buffering, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    result = hash_and_identify(str(path), make_identifier("magic"))
    assert result.error_code == Code.UNREADABLE and "Input/output error" in result.error


def test_engine_exception_is_an_identify_error(tmp_path: Path) -> None:
    class Exploding:
        name = "siegfried"
        signature_version = "test"

        def identify(self, path: str) -> FormatInfo:
            raise RuntimeError("engine bug")

    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    result = hash_and_identify(str(path), Exploding())
    assert result.error_code == Code.IDENTIFY_ERROR and "engine bug" in result.error
    assert result.digest == hashlib.sha512(b"abc").hexdigest() and result.size == 3


def test_hash_streams_in_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "gros.bin"
    chunk = bytes(range(256)) * 4096  # 1 MiB
    with open(path, "wb") as handle:
        for _ in range(24):
            handle.write(chunk)
    sha512_file(str(path))  # allocate the per-thread buffer first
    tracemalloc.start()
    try:
        digest, size, _ = sha512_file(str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size == 24 * len(chunk)
    assert digest == hashlib.sha512(chunk * 24).hexdigest()
    assert peak < 256 * 1024  # the 24 MiB file never sits in memory


def test_file_result_pickles() -> None:
    result = FileResult(uid=3, size=1, digest="ab", format=FormatInfo(puid="fmt/11"), error="")
    assert pickle.loads(pickle.dumps(result)) == result


def test_engines_are_imported_lazily() -> None:
    """Importing seda.identify/scan must not load pygfried's Go runtime into the GUI process."""
    code = (
        "import sys, seda.identify, seda.scan\n"
        "heavy = [m for m in ('pygfried', 'fido', 'magic') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_batch_matches_one_by_one(
    identifiers: dict[str, Identifier], samples: dict[str, Path]
) -> None:
    items = [(i, str(p)) for i, p in enumerate(samples.values())]
    items.append((99, str(samples["png"].parent / "absent.pdf")))
    for engine in ENGINES:
        batch = hash_and_identify_many(items, identifiers[engine])
        single = [hash_and_identify(path, identifiers[engine], uid) for uid, path in items]
        assert [r.uid for r in batch] == [uid for uid, _ in items]
        for a, b in zip(batch, single, strict=True):
            assert (a.digest, a.size, a.format, a.error_code) == (
                b.digest,
                b.size,
                b.format,
                b.error_code,
            )
    assert batch[-1].error_code == Code.NOT_FOUND


def test_batch_falls_back_when_the_engine_call_fails(
    identifiers: dict[str, Identifier], samples: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    ident = identifiers["siegfried"]

    def boom(paths: list[str]) -> None:
        raise RuntimeError("batch refused")

    monkeypatch.setattr(ident, "identify_many_detailed", boom)
    results = hash_and_identify_many([(1, str(samples["png"])), (2, str(samples["pdf"]))], ident)
    assert [r.format.puid for r in results] == ["fmt/11", "fmt/18"]
    assert all(r.error == "" for r in results)


def test_undecodable_file_name_is_identified(
    identifiers: dict[str, Identifier], tmp_path: Path
) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"plan-\xe9t\xe9.png")
    with open(raw, "wb") as handle:
        handle.write(png_bytes())
    path = os.fsdecode(raw)  # carries lone surrogates
    for engine in ("siegfried", "fido"):
        (result,) = hash_and_identify_many([(1, path), (2, path)], identifiers[engine])[:1]
        assert result.error == "" and result.format.puid == "fmt/11", engine
    assert hash_and_identify(path, identifiers["siegfried"]).format.puid == "fmt/11"
    assert os.listdir(tmp_path) == [os.fsdecode(b"plan-\xe9t\xe9.png")]  # no link left behind


PY_MODULE = (
    b'"""A module without a shebang."""\n\nimport os\n\n\ndef f(x):\n    return os.sep + x\n'
)
PERL_MODULE = b"package Verso::Essai;\nuse strict;\nuse warnings;\n\nsub f { return 1; }\n\n1;\n"


def test_mime_from_the_format_when_pronom_gives_none(
    identifiers: dict[str, Identifier], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Formats whose PRONOM record has no MIME type but whose type the format fixes get it
    from ``PUID_MIME``, without asking libmagic (slow on text, and inconsistent: it calls a
    Perl module text/plain and a Perl script text/x-perl)."""
    from seda import identify

    (tmp_path / "outil.py").write_bytes(PY_MODULE)
    (tmp_path / "essai.pl").write_bytes(PERL_MODULE)
    sieg = identifiers["siegfried"]
    asked: list[str] = []
    magic = getattr(sieg, "_magic", None)
    if magic is not None:
        real = magic.mime
        monkeypatch.setattr(magic, "mime", lambda path: asked.append(path) or real(path))
    py = sieg.identify(str(tmp_path / "outil.py"))
    assert py.puid == "fmt/938" and py.mime == identify.PUID_MIME["fmt/938"] == "text/x-python"
    pm = sieg.identify(str(tmp_path / "essai.pl"))
    assert pm.puid == "fmt/870" and pm.mime == "text/x-perl"
    assert asked == []  # libmagic was not needed
    # A PRONOM MIME type is never replaced, and a format the table does not fix
    # (a shortcut: x-fmt/428) still gets libmagic's answer.
    assert not set(identify.PUID_MIME) & {"fmt/11", "fmt/12", "fmt/13", "x-fmt/428"}


def test_mime_from_the_format_without_libmagic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where libmagic is missing (Windows), the table still gives these formats a type."""
    import sys as _sys

    monkeypatch.setitem(_sys.modules, "magic", None)
    (tmp_path / "outil.py").write_bytes(PY_MODULE)
    sieg = make_identifier("siegfried")
    assert getattr(sieg, "_magic", "absent") is None
    info = sieg.identify(str(tmp_path / "outil.py"))
    assert info.puid == "fmt/938" and info.mime == "text/x-python"
    many = hash_and_identify_many([(1, str(tmp_path / "outil.py"))] * 2, sieg)
    assert [r.format.mime for r in many] == ["text/x-python"] * 2
