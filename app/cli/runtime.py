"""The last resort around every ``verso`` command: SIGTERM/SIGHUP/Ctrl+C handlers, a guarded
standard output (undecodable names escaped, a full or closed output said), what was written.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
from collections.abc import Iterator
from types import FrameType
from typing import Any, TextIO

from app.labels import is_plural

# -- last resort: signals, standard output, unexpected errors -----------------------------
DEBUG_ENV = "VERSO_DEBUG"  # set to 1 to see the Python traceback of an unexpected error


class _Terminated(KeyboardInterrupt):
    """SIGTERM / SIGHUP (logout, task manager, closed terminal): unwinds like Ctrl+C, so
    every ``except BaseException`` on the way removes its temporary file."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _OutputLost(Exception):
    """Standard output refused a write (full disk, closed pipe, closed descriptor)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


_UNDECODABLE = re.compile("[\udc80-\udcff]")


def escape_undecodable(text: str) -> tuple[str, bool]:
    """``text`` with the bytes of a name that is not valid UTF-8 (kept by Python as lone
    surrogates) written ``\\xe9``, and whether there were any: valid text for JSON, CSV
    and any console."""
    try:
        text.encode("utf-8")
        return text, False
    except UnicodeEncodeError:
        pass
    escaped = _UNDECODABLE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text)
    return escaped.encode("utf-8", "backslashreplace").decode("utf-8"), True


class _Stdout(io.TextIOBase):
    """``sys.stdout`` while a command runs: what the console cannot display is replaced
    (and counted, to say so once), a refused write becomes ``_OutputLost``."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self.inner = inner
        self.replaced = 0

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", None) or "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        with contextlib.suppress(Exception):
            return bool(self.inner.isatty())
        return False

    def fileno(self) -> int:
        return self.inner.fileno()

    def write(self, text: str) -> int:
        try:
            try:
                self.inner.write(text)
            except UnicodeEncodeError:
                shown, _ = escape_undecodable(text)
                encoding = self.encoding
                safe = shown.encode(encoding, "replace").decode(encoding, "replace")
                self.replaced += sum(1 for a, b in zip(shown, safe, strict=False) if a != b) or 1
                self.inner.write(safe)
        except OSError as exc:
            raise _OutputLost(exc) from None
        return len(text)

    def flush(self) -> None:
        try:
            self.inner.flush()
        except OSError as exc:
            raise _OutputLost(exc) from None

    @property
    def buffer(self) -> Any:
        """The binary stream below (bytes written as they are, e.g. a UTF-8 CSV whatever
        the console's encoding), with the same refused-write handling; None if there is none."""
        inner = getattr(self.inner, "buffer", None)
        return None if inner is None else _Bytes(inner)


class _Bytes:
    """``sys.stdout.buffer`` while a command runs: a refused write becomes ``_OutputLost``."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def write(self, data: bytes) -> int:
        try:
            return int(self.inner.write(data))
        except OSError as exc:
            raise _OutputLost(exc) from None

    def flush(self) -> None:
        try:
            self.inner.flush()
        except OSError as exc:
            raise _OutputLost(exc) from None


_WRITTEN: list[str] = []  # what the running command has written (said if stdout fails)
_TERMINATED_BY: list[int] = []  # the SIGTERM/SIGHUP received, if any


def _said_written() -> str:
    if not _WRITTEN:
        return "Aucun fichier n'a été écrit."
    return (
        ("Fichiers bien écrits" if is_plural(len(_WRITTEN)) else "Fichier bien écrit")
        + " malgré tout : "
        + ", ".join(f"« {w} »" for w in _WRITTEN)
        + "."
    )


def _silence_stdout() -> None:
    """Point descriptor 1 at the null device: the interpreter's last flush cannot fail."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


@contextlib.contextmanager
def _termination_handlers() -> Iterator[None]:
    """SIGTERM and SIGHUP unwind the command (temporary files removed on the way); on
    Windows, closing the console (CTRL_CLOSE_EVENT, logoff, shutdown) removes them from
    the control handler's thread, the only chance before the process is killed."""
    installed: list[tuple[int, Any]] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        _TERMINATED_BY.append(signum)
        for sig, _previous in installed:  # a second signal must not interrupt the cleanup
            with contextlib.suppress(OSError, ValueError):
                signal.signal(sig, signal.SIG_IGN)
        raise _Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        try:
            if signal.getsignal(sig) == signal.SIG_IGN:  # `nohup verso …`: keep ignoring it
                continue
            installed.append((sig, signal.signal(sig, handler)))
        except (OSError, ValueError):  # not the main thread
            pass
    console_handler = _install_windows_console_handler()
    try:
        yield
    finally:
        for sig, previous in installed:
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(sig, previous)
        if console_handler is not None:
            with contextlib.suppress(Exception):
                import ctypes

                ctypes.windll.kernel32.SetConsoleCtrlHandler(console_handler, False)  # type: ignore[attr-defined]


def _install_windows_console_handler() -> Any:
    """Windows only (untested here): remove temporary files when the console closes."""
    if os.name != "nt":
        return None
    try:
        import ctypes
        from ctypes import wintypes

        from seda.atomic import remove_live_temps

        closing = {2, 5, 6}  # CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT

        @ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.DWORD)  # type: ignore[attr-defined]
        def on_control(event: int) -> bool:
            if event in closing:
                remove_live_temps()
            return False  # let the default handler (and Python's Ctrl+C) run

        if not ctypes.windll.kernel32.SetConsoleCtrlHandler(on_control, True):  # type: ignore[attr-defined]
            return None
        return on_control
    except Exception:
        return None
