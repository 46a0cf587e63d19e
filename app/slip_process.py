"""The PDF transfer slip made in a child process, for the window.

PySide6 keeps the GIL during ``QTextDocument.setHtml`` and the document's layout: for a long
slip (10,000 files in the annex) each call holds it for seconds, so even from a worker
thread the window's own thread would stop for as long (measured: 3.5 s still, 2 cores).
The window's job (a pool thread) therefore hands the package, encoded as a saved work's
JSON (``app.workfile``: flat and plain, whatever the tree's depth), to a child process
started like the scan's workers (``seda.scan.mp_context``: forkserver on Linux, spawn
elsewhere), which decodes it and runs ``app.bordereau_pdf.write_bordereau_pdf`` on its own
offscreen Qt application. Progress and the result come back through a pipe; a cancel is
an event the child's progress reads (at each row and page: ``Cancelled`` there leaves no
file). Same guarantees as ``write_bordereau_pdf``: atomic, ``Cancelled`` or
``BordereauError``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from app.bordereau import BordereauError, slip_destination, slip_error
from seda.findings import Code
from seda.model import Package
from seda.progress import Cancelled, Progress

_POLL = 0.05  # seconds between two looks at the pipe and the cancel flag
_GRACE = 10.0  # seconds the child has to stop after a cancel before it is ended


class _PipeProgress:
    """The child's ``Progress``: reports go up the pipe, the cancel comes down as an event."""

    def __init__(self, conn: Any, cancel: Any) -> None:
        self.conn, self.cancel = conn, cancel

    def report(self, done: int, total: int, message: str = "") -> None:
        self.conn.send(("progress", done, total, message))

    def cancelled(self) -> bool:
        return bool(self.cancel.is_set())


def _child(text: str, dest: str, options: dict[str, Any], conn: Any, cancel: Any) -> None:
    """Child process: decode the package, write the PDF, say how it went."""
    try:
        if sys.platform != "win32":  # no display needed (Windows' platform needs none)
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        progress = _PipeProgress(conn, cancel)
        if progress.cancelled():
            raise Cancelled()
        from app.bordereau_pdf import write_bordereau_pdf
        from app.workfile import decode_document

        package = decode_document(json.loads(text)).package
        write_bordereau_pdf(package, dest, progress=progress, **options)
        conn.send(("done", os.getpid()))
    except Cancelled:
        conn.send(("cancelled",))
    except BordereauError as exc:
        conn.send(("refused", exc.findings))
    except BaseException as exc:  # noqa: BLE001 - said to the window, never lost
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def write_pdf_in_child(
    package: Package,
    dest: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    **options: Any,
) -> int:
    """Write the PDF slip of ``package`` at ``dest`` in a child process; ``options`` are
    ``write_bordereau_pdf``'s (lang, rules, agencies, sip_path, sip_sha512, verdict, depth,
    annex, message_identifier, date: all picklable). Returns the child's process id.
    Thread-affinity: any thread but the GUI's (it waits for the child)."""
    from app.workfile import Work, encode_work
    from seda.scan import mp_context

    slip_destination(dest, package, options.get("sip_path"))  # refused before any process
    doc = encode_work(Work(package, [], ""))
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    ctx = mp_context()
    receive, send = ctx.Pipe(duplex=False)
    cancel = ctx.Event()
    child = ctx.Process(
        target=_child, args=(text, os.fspath(dest), options, send, cancel), daemon=True
    )
    child.start()
    send.close()  # the child holds its end: EOF here once it is gone
    cancelled_at: float | None = None
    try:
        while True:
            if progress is not None and progress.cancelled() and not cancel.is_set():
                cancel.set()
            if receive.poll(_POLL):
                try:
                    message = receive.recv()
                except EOFError:
                    message = ("failed", "the PDF process ended without a word")
                kind = message[0]
                if kind == "progress":
                    if progress is not None:
                        progress.report(*message[1:])
                    continue
                if kind == "done":
                    return int(message[1])
                if kind == "cancelled":
                    raise Cancelled()
                if kind == "refused":
                    raise BordereauError(list(message[1]))
                raise slip_error(Code.BORDEREAU_WRITE_ERROR, Path(dest), str(message[1]))
            if cancel.is_set():
                cancelled_at = cancelled_at or time.monotonic()
                if time.monotonic() - cancelled_at > _GRACE:
                    raise Cancelled()
            if not child.is_alive() and not receive.poll(0):
                raise slip_error(
                    Code.BORDEREAU_WRITE_ERROR,
                    Path(dest),
                    f"the PDF process ended unexpectedly (code {child.exitcode})",
                )
    finally:
        receive.close()
        child.join(_GRACE)
        if child.is_alive():
            child.terminate()
            child.join(1.0)


__all__ = ["write_pdf_in_child"]
