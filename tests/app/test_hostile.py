"""Verso under hostile input (issue 14): nothing overwritten, nothing left behind, no traceback.

Each case runs the real command line (in this process through ``main(argv)``, or in a
subprocess when signals, standard output or encodings are the point) on folders built under
``tmp_path``, and checks what a user must be able to rely on:

- no Python traceback on stderr, a French message, the documented exit code
  (0 done, 1 refused / failed, 2 usage error, 128+N killed by signal N);
- every file that existed before (inputs, a previous output, FIFOs, devices, links) is
  byte-identical afterwards — ``Snapshot`` compares the whole tree;
- no temporary file remains (``.part``/``.tmp`` beside the destination, or registered).

The machine runs as root: ``chmod 000`` does not make a file unreadable, so read errors are
simulated with the conftest's ``make_unreadable`` (in-process, ``--workers 0``).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest

from app.cli import escape_undecodable, main
from app.messages import capped, describe
from app.presets import load_preset, save_preset
from seda import atomic
from seda.findings import Code, Finding, Severity
from seda.model import Attachment
from seda.safepath import UnsafeDestination, check_destination, guard_destination

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "presets" / "example.yaml"
FRENCH = ("«", "é", "è", "à", "ç", "ê")


# -- helpers -----------------------------------------------------------------------------
class Snapshot:
    """Every entry under ``root``: bytes digest for files, target for links, kind else."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.entries = self.take()

    def take(self) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for folder, dirs, files in os.walk(self.root):
            for name in dirs + files:
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, self.root)
                st = os.lstat(path)
                if stat.S_ISLNK(st.st_mode):
                    out[rel] = ("link", os.readlink(path))
                elif stat.S_ISREG(st.st_mode):
                    with open(path, "rb") as fh:
                        out[rel] = ("file", hashlib.sha256(fh.read()).hexdigest())
                elif stat.S_ISDIR(st.st_mode):
                    out[rel] = ("dir", "")
                else:
                    out[rel] = ("special", oct(stat.S_IFMT(st.st_mode)))
        return out

    def check(self, *, created: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        """Nothing changed or vanished; only ``created`` (relative paths) may be new."""
        now = self.take()
        changed = {k: (v, now.get(k)) for k, v in self.entries.items() if now.get(k) != v}
        assert not changed, f"pre-existing entries changed: {changed}"
        new = set(now) - set(self.entries)
        temps = [n for n in new if n.endswith((".part", ".tmp")) or "/." in "/" + n]
        assert not temps, f"temporary files left: {temps}"
        assert new <= set(created), f"unexpected new files: {sorted(new - set(created))}"
        assert atomic.live_temps() == []


def no_traceback(err: str) -> None:
    assert "Traceback" not in err and 'File "' not in err, err


def french(text: str) -> None:
    assert any(c in text for c in FRENCH), text


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    no_traceback(err)
    return rc, out, err


def verso(
    args: list[str], *, cwd: Path, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "app.cli", *args],
        cwd=cwd,
        env=full_env,
        stderr=subprocess.PIPE,
        timeout=300,
        **kwargs,
    )


@pytest.fixture
def preset(tmp_path: Path) -> Path:
    """The example preset without attachment: a complete header the SAE accepts."""
    p = load_preset(EXAMPLE)
    p.default_attachment = Attachment()
    path = tmp_path / "profils" / "profil.yaml"
    path.parent.mkdir()
    save_preset(p, path)
    return path


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """``tmp_path/in`` with two small files and a sub-folder; cwd is ``tmp_path``."""
    base = tmp_path / "in"
    (base / "sub").mkdir(parents=True)
    (base / "a.txt").write_text("le document original\n", encoding="utf-8")
    (base / "b.txt").write_text("un autre document\n", encoding="utf-8")
    (base / "sub" / "c.txt").write_text("troisième\n", encoding="utf-8")
    return base


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def export(*extra: str) -> list[str]:
    return ["export", "in", "--workers", "0", *extra]


# -- 1. writing over what must not be written -------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        # the example: the slip over a source document (with --force!)
        export("-o", "x.zip", "--bordereau", "in/a.txt", "--force"),
        export("-o", "in/a.txt", "--force"),  # the zip over an input file
        export("-o", "in/new.zip"),  # inside the folder being transferred
        export("-o", "in/sub/../new.zip"),  # `..`
        export("-o", "lien/new.zip"),  # through a symbolic link to the folder
        export("-o", "in/cassé.zip"),  # a broken symbolic link inside the folder
        export("-o", "x.zip", "--bordereau", "lien/a.html"),
        ["export", "in/a.txt", "--workers", "0", "-o", "lien-a.zip", "--force"],  # link to input
        ["scan", "in", "--workers", "0", "--format", "csv", "-o", "in/inventaire.csv"],
    ],
)
def test_never_writes_over_or_inside_an_input(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    (tmp_path / "lien").symlink_to(work, target_is_directory=True)
    (tmp_path / "lien-a.zip").symlink_to(work / "a.txt")
    (work / "cassé.zip").symlink_to(tmp_path / "nulle-part.zip")
    snap = Snapshot(tmp_path)
    rc, out, err = run(argv, capsys)
    assert rc == 2, err
    assert "Rien n'est écrit à cet endroit" in err
    assert "versé" in err or "lu par Verso" in err
    snap.check()


def test_hard_link_to_a_source_is_refused(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], preset: Path
) -> None:
    os.link(work / "sub" / "c.txt", tmp_path / "lien-dur.zip")
    snap = Snapshot(tmp_path)
    rc, _out, err = run(export("-o", "lien-dur.zip", "--force", "--preset", str(preset)), capsys)
    assert rc == 1 and "lu par Verso" in err and "n'a pas été écrit" in err
    snap.check()
    assert (work / "sub" / "c.txt").read_text(encoding="utf-8") == "troisième\n"


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_special_files_are_never_replaced(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    special = tmp_path / "spécial"
    if kind == "fifo":
        os.mkfifo(special)
    else:
        try:
            os.mknod(special, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null
        except (PermissionError, OSError):
            pytest.skip("cannot create a device node here")
    rc, _, _ = run(export("-o", "x.zip", "--no-bordereau"), capsys)
    assert rc in (0, 1)
    snap = Snapshot(tmp_path)
    # the example: a device as -o of `verso bordereau`, without --force
    for argv in (
        ["bordereau", "x.zip", "-o", "spécial"],
        export("-o", "spécial", "--force"),
        export("-o", "y.zip", "--bordereau", "spécial", "--force"),
        ["scan", "in", "--workers", "0", "-o", "spécial", "--force"],
    ):
        rc, _out, err = run(argv, capsys)
        assert rc == 2, (argv, err)
        assert "fichier spécial" in err, err
    snap.check()
    mode = os.lstat(special).st_mode
    assert stat.S_ISFIFO(mode) if kind == "fifo" else stat.S_ISCHR(mode)


def test_the_sip_being_read_is_never_replaced(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, _, err = run(export("-o", "x.zip", "--no-bordereau"), capsys)
    assert rc in (0, 1), err
    snap = Snapshot(tmp_path)
    rc, _, err = run(["bordereau", "x.zip", "-o", "x.zip"], capsys)
    assert rc == 2 and "remplacer le versement" in err
    rc, _, err = run(["export", "x.zip", "-o", "x.zip", "--force", "--workers", "0"], capsys)
    assert rc == 2 and "lu par Verso" in err
    snap.check()


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("nouveau/", "c'est un dossier"),  # trailing separator, folder missing
        ("existant/", "c'est un dossier"),  # trailing separator, folder there
        ("existant", "c'est un dossier"),
        ("absent/x.zip", "n'existe pas"),
        ("in/a.txt/x.zip", "est un fichier, pas un dossier"),  # not « n'existe pas »
        ("", "aucun nom de fichier"),
    ],
)
def test_output_that_is_not_a_file_name(
    work: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    output: str,
    expected: str,
) -> None:
    (tmp_path / "existant").mkdir()
    snap = Snapshot(tmp_path)
    rc, _, err = run(export("-o", output), capsys)
    assert rc == 2 and expected in err, err
    if output.endswith("/") or output == "existant":
        assert "-o versement.zip" in err
    snap.check()
    assert not (tmp_path / "nouveau").exists()


def test_guard_reasons_in_seda(work: Path, tmp_path: Path) -> None:
    """The one guard, used by every writer (zip, slip, saved work, presets, inventories)."""
    os.mkfifo(tmp_path / "tube")
    (tmp_path / "boucle").symlink_to(tmp_path / "boucle")
    cases = [
        ("in/a.txt", ["in/a.txt"], "input"),
        ("in/../in/a.txt", ["in/a.txt"], "input"),
        ("in/a.txt", ["in"], "inside_input"),
        ("in/zz.txt", ["in"], "inside_input"),
        ("in/../in/sub/x", ["in"], "inside_input"),
        ("x", [f"zip:{tmp_path / 'x'}!content/a"], "input"),  # the SIP being read
        ("tube", ["in"], "special"),
        ("in", ["in"], "folder"),
        ("in/", [], "folder"),
        ("absent/x", [], "no_folder"),
        ("in/a.txt/x", [], "parent_not_folder"),
        ("  ", [], "empty"),
    ]
    for dest, inputs, reason in cases:
        finding = check_destination(dest, inputs=inputs)
        assert finding is not None and finding.params["reason"] == reason, dest
        assert finding.code == Code.UNSAFE_DESTINATION
        assert "Rien n'est écrit" in describe(finding)
    assert check_destination("ailleurs.zip", inputs=["in"]) is None
    assert check_destination("boucle", inputs=["in"]) is None  # a looping link is replaced
    with pytest.raises(UnsafeDestination):
        guard_destination("in/x", inputs=[f"zip:{tmp_path / 'in'}!content/a"])
    # atomic_file (every other writer) refuses before creating anything
    with pytest.raises(OSError), atomic.atomic_file(tmp_path / "tube") as out:
        out.write(b"x")
    with pytest.raises(UnsafeDestination), atomic.atomic_file("in/x", inputs=["in"]) as out:
        out.write(b"x")
    assert sorted(os.listdir(tmp_path)) == ["boucle", "in", "tube"]


def test_saved_work_never_over_its_own_files(work: Path, tmp_path: Path) -> None:
    from app.workfile import Work, WorkError, save_work
    from seda.model import Package
    from seda.scan import walk

    package = Package(roots=walk([work]).roots)
    snap = Snapshot(tmp_path)
    for dest in (work / "a.txt", work / "travail.verso", tmp_path / "in" / "sub" / ".." / "t"):
        with pytest.raises(WorkError) as info:
            save_work(dest, Work(package))
        assert info.value.findings[0].code == Code.UNSAFE_DESTINATION
    snap.check()
    save_work(tmp_path / "travail.verso", Work(package))
    snap.check(created={"travail.verso"})


# -- 2. leaving partial files ------------------------------------------------------------
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_mid_export_leaves_nothing(tmp_path: Path, signum: int) -> None:
    """A real ``verso export`` killed while it writes a big (sparse) file's copy."""
    base = tmp_path / "gros"
    base.mkdir()
    with open(base / "creux.bin", "wb") as fh:
        fh.truncate(768 << 20)  # 768 MiB of holes: seconds to copy, no disk used
    (base / "petit.txt").write_text("x", encoding="utf-8")
    previous = tmp_path / "v.zip"
    previous.write_bytes(b"le versement d'avant")
    snap = Snapshot(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "export", "gros", "-o", "v.zip", "--force"]
        + ["--workers", "0", "--no-bordereau"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # as from a terminal, even if the tests run under nohup (SIGHUP ignored is inherited)
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 240
        while not any(n.endswith(".part") for n in os.listdir(tmp_path)):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the export never started writing"
            time.sleep(0.02)
        time.sleep(0.05)  # inside the copy
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    text = err.decode("utf-8")
    no_traceback(text)
    assert "aucun versement écrit" in text, text
    assert proc.returncode == 128 + signum
    snap.check()
    assert previous.read_bytes() == b"le versement d'avant"


def test_registry_removes_what_a_signal_would_leave(tmp_path: Path) -> None:
    fd, path = atomic.new_temp(tmp_path, prefix=".x.", suffix=".part")
    os.close(fd)
    folder = tmp_path / "spool"
    folder.mkdir()
    (folder / "membre").write_text("x", encoding="utf-8")
    atomic.register_temp(folder)
    assert atomic.live_temps() == sorted([path, str(folder)])
    assert atomic.remove_live_temps() == 2
    assert os.listdir(tmp_path) == [] and atomic.live_temps() == []
    with pytest.raises(ZeroDivisionError), atomic.atomic_file(tmp_path / "f") as out:
        out.write(b"abc")
        assert atomic.live_temps()
        _ = 1 / 0
    assert os.listdir(tmp_path) == [] and atomic.live_temps() == []


# -- 3. tracebacks instead of messages --------------------------------------------------
def test_deeply_nested_inputs_give_a_message(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, _, _ = run(export("-o", "x.zip", "--no-bordereau"), capsys)
    deep_yaml = tmp_path / "profond.yaml"
    deep_yaml.write_text("name: " + "[" * 900 + "]" * 900 + "\n", encoding="utf-8")
    deep_yaml2 = tmp_path / "profond2.yaml"
    deep_yaml2.write_text(
        "name: x\nheader:\n" + "".join("  " * i + "-\n" for i in range(1, 2000)), encoding="utf-8"
    )
    deep_json = tmp_path / "contrat.json"
    deep_json.write_text('{"a":' * 100_000 + "1" + "}" * 100_000, encoding="utf-8")
    snap = Snapshot(tmp_path)
    for argv in (
        export("-o", "y.zip", "--preset", str(deep_yaml)),
        export("-o", "y.zip", "--preset", str(deep_yaml2)),
        ["bordereau", "x.zip", "--preset", str(deep_yaml), "-o", "b.html"],
        ["check", "x.zip", "--contract", str(deep_json)],
        ["check", "x.zip", "--preset", str(deep_yaml2)],
    ):
        rc, out, err = run(argv, capsys)
        assert rc == 2, (argv, err)
        french(err)
    snap.check()


def test_deeply_nested_saved_work_is_refused(tmp_path: Path) -> None:
    import gzip

    from app.workfile import WorkError, load_work

    path = tmp_path / "profond.verso"
    body = '{"format": "verso-work", "version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path.write_bytes(gzip.compress(body.encode()))
    with pytest.raises(WorkError):
        load_work(path)


def test_full_standard_output(work: Path, tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        scan = verso(["scan", "in", "--workers", "0"], cwd=tmp_path, stdout=full)
    err = scan.stderr.decode()
    no_traceback(err)
    assert scan.returncode == 1 and "sortie standard" in err and "disque plein" in err
    snap = Snapshot(tmp_path)
    with open("/dev/full", "wb") as full:
        exp = verso(
            ["export", "in", "-o", "x.zip", "--workers", "0", "--no-bordereau"],
            cwd=tmp_path,
            stdout=full,
        )
    err = exp.stderr.decode()
    no_traceback(err)
    # the zip is fine: the message says so, so nobody exports twice
    assert exp.returncode == 1 and "sortie standard" in err and "« x.zip »" in err
    assert zipfile.ZipFile(tmp_path / "x.zip").testzip() is None
    snap.check(created={"x.zip"})


def test_closed_standard_output(work: Path, tmp_path: Path) -> None:
    snap = Snapshot(tmp_path)
    for args in (
        ["scan", "in", "--workers", "0"],
        ["export", "in", "-o", "x.zip", "--workers", "0"],
    ):
        res = subprocess.run(
            ["sh", "-c", 'exec "$@" >&-', "sh", sys.executable, "-m", "app.cli", *args],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=False,
            stderr=subprocess.PIPE,
            timeout=300,
        )
        err = res.stderr.decode()
        no_traceback(err)
        assert res.returncode == 1 and "sortie standard est fermée" in err
        assert "aucun fichier écrit" in err
    snap.check()


def test_reader_leaving_the_pipe(tmp_path: Path) -> None:
    base = tmp_path / "in"
    base.mkdir()
    for i in range(400):
        (base / f"fichier-{i:04}-{'x' * 120}.txt").write_text(str(i), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "scan", "in", "--workers", "0"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    no_traceback(err)
    assert proc.returncode == 0


def test_last_resort_handler(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.cli as cli

    def broken(args: object) -> int:
        raise ValueError("quelque chose d'imprévu")

    parser = cli.build_parser

    def patched() -> object:
        p = parser()
        for action in p._subparsers._group_actions:  # type: ignore[union-attr]
            action.choices["scan"].set_defaults(func=broken)  # type: ignore[index]
        return p

    monkeypatch.setattr(cli, "build_parser", patched)
    rc, _out, err = run(["scan", "in"], capsys)
    assert rc == 1 and "Erreur inattendue" in err and "VERSO_DEBUG" in err
    monkeypatch.setenv("VERSO_DEBUG", "1")
    rc = main(["scan", "in"])
    assert rc == 1 and "Traceback" in capsys.readouterr().err


# -- 4. output encodings -----------------------------------------------------------------
@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    base = tmp_path / "noms"
    base.mkdir()
    (base / "отчёт.txt").write_text("rapport", encoding="utf-8")
    (base / unicodedata.normalize("NFD", "décision.txt")).write_text("d", encoding="utf-8")
    (base / "emoji 😀.txt").write_text("e", encoding="utf-8")
    os.close(os.open(os.fsencode(base) + b"/pas-utf8-\xe9.txt", os.O_CREAT | os.O_WRONLY))
    return base


def test_cp1252_console_gets_what_it_can_display(odd_names: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "text", "json"):
        res = verso(
            ["scan", "noms", "--workers", "0", "--format", fmt],
            cwd=tmp_path,
            env={"PYTHONIOENCODING": "cp1252"},
        )
        err = res.stderr.decode("cp1252")
        no_traceback(err)
        assert res.returncode == 0, err
        # a redirected CSV is a file for a spreadsheet: UTF-8 with BOM, whatever the console
        out = res.stdout.decode("utf-8-sig" if fmt == "csv" else "cp1252")
        if fmt == "json":  # ASCII escapes: lossless and valid whatever the console
            doc = json.loads(out)
            names = {Path(f["path"]).name for f in doc["files"]}
            assert "отчёт.txt" in names and "pas-utf8-\\xe9.txt" in names
        elif fmt == "csv":
            assert len(out.strip().splitlines()) == 5
            assert "отчёт.txt" in out and "pas-utf8-\\xe9.txt" in out


def test_json_is_always_valid_and_flags_undecodable_names(odd_names: Path, tmp_path: Path) -> None:
    res = verso(["scan", "noms", "--workers", "0", "--format", "json"], cwd=tmp_path)
    no_traceback(res.stderr.decode())
    doc = json.loads(res.stdout.decode("utf-8"))
    flagged = [f for f in doc["files"] if f.get("name_undecodable")]
    assert [Path(f["path"]).name for f in flagged] == ["pas-utf8-\\xe9.txt"]
    assert all("name_undecodable" not in f for f in doc["files"] if f not in flagged)


def test_inventory_file_is_utf8_with_bom_for_spreadsheets(
    odd_names: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snap = Snapshot(tmp_path)
    rc, out, err = run(
        ["scan", "noms", "--workers", "0", "--format", "csv", "-o", "inv.csv"], capsys
    )
    assert rc == 0 and out == "" and "Inventaire écrit" in err
    raw = (tmp_path / "inv.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "отчёт.txt" in text and "pas-utf8-\\xe9.txt" in text and "😀" in text
    rc, _, err = run(["scan", "noms", "--workers", "0", "-o", "inv.csv"], capsys)
    assert rc == 2 and "existe déjà" in err
    snap.check(created={"inv.csv"})


def test_escape_undecodable() -> None:
    assert escape_undecodable("a\udce9b") == ("a\\xe9b", True)
    assert escape_undecodable("déjà") == ("déjà", False)
    assert escape_undecodable("x\ud800")[1] is True  # a lone surrogate (Windows names)


# -- 5. resource limits ------------------------------------------------------------------
def test_workers_capped_at_the_cpu_count(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import seda.scan

    asked: list[int | None] = []
    real = seda.scan.scan

    def spy(paths: object, **kwargs: object) -> object:
        asked.append(kwargs["workers"])  # type: ignore[arg-type]
        return real(paths, **{**kwargs, "workers": 0})  # type: ignore[arg-type]

    monkeypatch.setattr(seda.scan, "scan", spy)
    rc, _, err = run(["scan", "in", "--workers", "100000"], capsys)
    assert rc == 0 and asked == [seda.scan.cpu_count()]
    assert f"ramené à {seda.scan.cpu_count()}" in err
    assert seda.scan.worker_count(100000) == seda.scan.cpu_count()
    assert seda.scan.worker_count(-5) == 0
    rc, _, err = run(["scan", "in", "--workers", "-3"], capsys)
    assert rc == 2 and "valeur invalide" in err


def test_wide_header_and_duplicate_ids_are_capped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    columns = ["RuleId", "RuleType", "RuleValue", "RuleDescription", "RuleDuration"]
    columns += ["RuleMeasurement"] + [f"Colonne{i}" for i in range(100_000)]
    wide = tmp_path / "large.csv"
    wide.write_text(",".join(columns) + "\n", encoding="utf-8")
    dups = tmp_path / "doublons.csv"
    dups.write_text(
        ",".join(columns[:6]) + "\n" + "APP-00001,AppraisalRule,v,d,1,YEAR\n" * 200_000,
        encoding="utf-8",
    )
    snap = Snapshot(tmp_path)
    rc, out, err = run(["referential", "check", str(wide)], capsys)
    assert rc == 1 and len(out) < 5_000 and "… et 99 980 autres" in out
    rc, out, err = run(["referential", "check", str(dups)], capsys)
    assert rc == 1 and len(out.splitlines()) < 30 and "… et 199 979 autres" in out
    snap.check()


def test_one_capping_helper() -> None:
    assert capped(list(range(3))) == ["0", "1", "2"]
    assert capped(list(range(1_000_000)), 10)[-1] == "… et 999 990 autres"
    f = Finding(Code.REF_HEADER, Severity.ERROR, "", {"missing": [], "extra": list(range(10**5))})
    assert len(describe(f)) < 500 and "99 980 autres" in describe(f)


# -- 6. verdicts that lie ----------------------------------------------------------------
def test_export_exits_1_when_an_unreadable_file_was_left_out(
    work: Path,
    tmp_path: Path,
    preset: Path,
    capsys: pytest.CaptureFixture[str],
    make_unreadable: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    snap = Snapshot(tmp_path)
    make_unreadable(work / "b.txt")  # type: ignore[operator]
    make_unreadable(work / "sub")  # type: ignore[operator]
    rc, out, err = run(export("-o", "x.zip", "--no-bordereau", "--preset", str(preset)), capsys)
    assert rc == 1 and "illisible" in err and "--skip-unreadable" in err
    assert "Versement écrit" in out  # written, and said, but the script knows
    with zipfile.ZipFile(tmp_path / "x.zip") as zf:
        assert len([n for n in zf.namelist() if n.startswith("content/")]) == 1
    rc, out, err = run(
        export("-o", "y.zip", "--no-bordereau", "--skip-unreadable", "--preset", str(preset)),
        capsys,
    )
    assert rc == 0, err
    monkeypatch.undo()  # the files are readable again: compare them
    snap.check(created={"x.zip", "y.zip"})


# -- 7. silent surprises -----------------------------------------------------------------
@pytest.mark.parametrize("order", [["in", "in/a.txt"], ["in/a.txt", "in"], ["in", "in"]])
def test_same_file_given_twice_is_packed_once(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], order: list[str]
) -> None:
    rc, out, err = run(
        ["export", *order, "-o", "x.zip", "--no-bordereau", "--workers", "0"], capsys
    )
    assert rc in (0, 1), err
    assert "qu'une fois" in out or "pas compté deux fois" in out
    with zipfile.ZipFile(tmp_path / "x.zip") as zf:
        contents = [zf.read(n) for n in zf.namelist() if n.startswith("content/")]
    assert len(contents) == 3 and len(set(contents)) == 3


def test_names_that_collide_on_windows_and_macos_are_warned(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = tmp_path / "in"
    base.mkdir()
    (base / "Rapport.txt").write_text("1", encoding="utf-8")
    (base / "rapport.txt").write_text("2", encoding="utf-8")
    (base / unicodedata.normalize("NFC", "été.txt")).write_text("3", encoding="utf-8")
    (base / unicodedata.normalize("NFD", "été.txt")).write_text("4", encoding="utf-8")
    rc, out, err = run(["scan", "in", "--workers", "0"], capsys)
    assert rc == 0
    assert "que par les majuscules" in out and "accents codés autrement" in out
    with zipfile.ZipFile(tmp_path / "jumeaux.zip", "w") as zf:  # the same inside a zip
        zf.writestr("dossier/Rapport.txt", "1")
        zf.writestr("dossier/rapport.txt", "2")
    rc, out, err = run(["scan", "jumeaux.zip", "--workers", "0"], capsys)
    assert rc == 0 and "que par les majuscules" in out


def test_usage_mistakes_are_said(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "vide.yaml"
    empty.write_text("# rien\n", encoding="utf-8")
    os.mkfifo(tmp_path / "tube.zip")
    (tmp_path / "dossier.zip").mkdir()
    (tmp_path / "cassé").symlink_to(tmp_path / "nulle-part.csv")
    snap = Snapshot(tmp_path)
    cases = [
        (export("-o", "x.zip", "--attach", ""), "--attach est vide"),
        (export("-o", "x.zip", "--attach", "   "), "--attach est vide"),
        (export("-o", "x.zip", "--bordereau", ""), "--bordereau est vide"),
        (["scan", "in", "-o", ""], "aucun nom de fichier"),
        (["referential", "check", "cassé"], "lien symbolique cassé"),
        (export("-o", "x.zip", "--preset", str(empty)), "vide"),
        (["check", "dossier.zip"], "est un dossier"),  # not « Introuvable »
        (["check", "tube.zip"], "tube nommé"),
        (["bordereau", "tube.zip"], "tube nommé"),  # a folder is a source since issue 11
        (["check", "in/a.txt/x.zip"], "est un fichier, pas un dossier"),
        (["check", "in/a.txt", "--xsd", "in/b.txt"], "n'est pas un dossier"),
        (["referential", "check", "in"], "est un dossier"),
        (["export", "in/a.txt/b", "-o", "x.zip"], "est un fichier, pas un dossier"),
    ]
    for argv, expected in cases:
        rc, _out, err = run(argv, capsys)
        assert rc == 2 and expected in err, (argv, err)
        assert "Introuvable" not in err or expected == "Introuvable"
    snap.check()


def test_unusable_xsd_has_no_placeholder(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, _, _ = run(export("-o", "x.zip", "--no-bordereau"), capsys)
    xsd = tmp_path / "xsd" / "2.1"
    (xsd / "vitam").mkdir(parents=True)
    (xsd / "seda-2.1-main.xsd").write_text("pas du XML", encoding="utf-8")
    rc, out, err = run(["check", "x.zip", "--xsd", str(tmp_path / "xsd")], capsys)
    assert "schéma SEDA n'a pas pu être vérifié" in out
    assert "« ? »" not in out


def test_files_read_besides_the_folders_are_inputs_too(
    work: Path, tmp_path: Path, preset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The preset, the tree, the referentials a preset names: read, so never written over."""
    rules = tmp_path / "regles.csv"
    rules.write_text("RuleId,RuleType,RuleValue,RuleDescription,RuleDuration,RuleMeasurement\n")
    p = load_preset(preset)
    p.referentials.rules = rules
    save_preset(p, preset)
    run(export("-o", "x.zip", "--no-bordereau"), capsys)
    snap = Snapshot(tmp_path)
    for argv in (
        export("-o", str(preset), "--preset", str(preset), "--force"),
        export("-o", "x.zip", "--force", "--preset", str(preset), "--bordereau", str(rules)),
        export("-o", str(rules), "--force", "--preset", str(preset)),
        ["bordereau", "x.zip", "--rules", str(rules), "-o", str(rules)],
        ["bordereau", "x.zip", "--preset", str(preset), "-o", str(rules)],
    ):
        rc, _out, err = run(argv, capsys)
        assert rc == 2 and "lu par Verso" in err, (argv, err)
    snap.check()


def test_a_fifo_given_as_an_input_file_never_blocks(
    work: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(export("-o", "x.zip", "--no-bordereau"), capsys)
    os.mkfifo(tmp_path / "tube")
    snap = Snapshot(tmp_path)
    for argv in (
        export("-o", "y.zip", "--preset", "tube"),
        export("-o", "y.zip", "--attach", "Nœud", "--tree", "tube"),
        ["check", "x.zip", "--rules", "tube"],
        ["check", "x.zip", "--contract", "tube"],
        ["bordereau", "x.zip", "--rules", "tube"],
        ["referential", "check", "tube"],
    ):
        rc, _out, err = run(argv, capsys)
        assert rc == 2 and "tube nommé" in err, (argv, err)
    snap.check()


def test_closed_standard_error(work: Path, tmp_path: Path) -> None:
    res = subprocess.run(
        ["sh", "-c", 'exec "$@" 2>&-', "sh", sys.executable, "-m", "app.cli"]
        + ["scan", "in", "--workers", "0", "--format", "json"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        timeout=300,
    )
    assert res.returncode == 0
    assert len(json.loads(res.stdout)["files"]) == 3
