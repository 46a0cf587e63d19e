"""Run plain ``seda`` jobs off the GUI thread and hand their results back on it.

A job is a function ``job(progress) -> result`` that knows nothing about Qt. ``TaskRunner``
runs it in a ``QThreadPool`` with a ``TaskProgress`` that is thread-safe, throttles progress
to at most ``1 / interval`` signals per second and carries the Cancel flag. ``Task`` signals
are always emitted on the main thread (a queued hop through a private relay signal), so
slots may touch models and widgets. Per-item results that a job streams (e.g. analysed
files) go through a ``BatchQueue``: the worker ``put``s, a main-thread timer drains.
"""

from __future__ import annotations

import ctypes
import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)

from seda.progress import Cancelled

PROGRESS_INTERVAL = 0.05  # seconds: at most ~20 progress signals per second


# -- PySide6 6.12 workaround -----------------------------------------------------------------
# ``SignalInstance.emit`` returns ``True`` without taking a reference to it: every emit from
# Python drops one reference to ``True``. Before Python 3.12 (no immortal objects) a few
# thousand emits (a scan of 20,000 files) free ``True`` and the interpreter aborts
# ("bool_dealloc"). We detect the bug at import and give the reference back after each emit.
_emit_fixed = False


def _emit_drops_bool_reference() -> bool:
    class _Probe(QObject):
        probed = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.probed.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost >= 8


def fix_signal_emit() -> bool:
    """Patch ``SignalInstance.emit`` if this PySide6 loses references (idempotent)."""
    global _emit_fixed
    if _emit_fixed:
        return True
    if not _emit_drops_bool_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            incref(result)
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _emit_fixed = True
    return True


fix_signal_emit()


class TaskProgress:
    """``seda.progress.Progress`` for a worker thread: throttled, cancellable.

    Thread affinity: ``report`` and ``cancelled`` are called from the worker; ``cancel``
    from any thread.
    """

    def __init__(self, emit: Callable[[int, int, str], None], interval: float = PROGRESS_INTERVAL):
        self._emit = emit
        self._interval = interval
        self._last = 0.0
        self._cancel = threading.Event()
        self._lock = threading.Lock()

    def report(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        with self._lock:
            if now - self._last < self._interval:
                return
            self._last = now
        self._emit(done, total, message)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Task(QObject):
    """One background job; its public signals fire on the main thread.

    ``finished(result)`` on success, ``failed(exception)`` on error (the traceback is in
    ``exception.__verso_traceback__``), ``cancelled()`` when the job raised ``Cancelled``.
    ``ended()`` fires after any of the three.
    """

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    ended = Signal()

    # emitted from the worker thread, delivered (queued) to the relay slots below
    _progress_relay = Signal(int, int, str)
    _end_relay = Signal(str, object)

    def __init__(self, name: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.progress = TaskProgress(self._progress_relay.emit)
        self.running = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self._progress_relay.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._end_relay.connect(self._on_end, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        """Ask the job to stop (cooperative: it stops at its next ``check``)."""
        self.progress.cancel()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self.running:
            self.progressed.emit(done, total, message)

    @Slot(str, object)
    def _on_end(self, kind: str, payload: object) -> None:
        self.running = False
        if kind == "ok":
            self.result = payload
            self.finished.emit(payload)
        elif kind == "cancelled":
            self.was_cancelled = True
            self.cancelled.emit()
        else:
            assert isinstance(payload, BaseException)
            self.error = payload
            self.failed.emit(payload)
        self.ended.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task, job: Callable[[TaskProgress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._job = job

    def run(self) -> None:  # worker thread
        task = self._task
        try:
            result = self._job(task.progress)
        except Cancelled:
            task._end_relay.emit("cancelled", None)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI, never lost
            exc.__verso_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            task._end_relay.emit("error", exc)
        else:
            if task.progress.cancelled():
                task._end_relay.emit("cancelled", None)
            else:
                task._end_relay.emit("ok", result)


class TaskRunner(QObject):
    """Starts jobs in a thread pool and keeps their ``Task`` objects alive until done."""

    task_started = Signal(object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool(self)
        if self.pool.maxThreadCount() < 2:
            self.pool.setMaxThreadCount(2)
        self.tasks: list[Task] = []

    def submit(self, job: Callable[[TaskProgress], Any], *, name: str = "") -> Task:
        """Run ``job(progress)`` in the pool. Connect to the returned task's signals."""
        # No Qt parent: the task lives as long as Python references it (the runner until it
        # ends, the caller as long as it wants), so a finished task is never deleted under a
        # caller still holding it.
        task = Task(name)
        task.running = True
        self.tasks.append(task)
        task.ended.connect(lambda t=task: self._forget(t))
        self.pool.start(_Runnable(task, job))
        self.task_started.emit(task)
        return task

    def _forget(self, task: Task) -> None:
        if task in self.tasks:
            self.tasks.remove(task)

    def busy(self) -> bool:
        return bool(self.tasks)

    def cancel_all(self) -> None:
        for task in list(self.tasks):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (used at shutdown and in tests)."""
        return self.pool.waitForDone(msecs)


class BatchQueue(QObject):
    """Thread-safe inbox for streamed results, drained on the main thread in batches.

    Workers call ``put(items)``; every ``interval_ms`` the main thread takes what arrived
    (up to ``max_items`` per tick, so one tick never stalls the window) and emits
    ``batch_ready(list)``. This keeps per-file work off the worker threads' hands and
    bounds the GUI work per event-loop turn.
    """

    batch_ready = Signal(object)  # a list; "object" avoids a QVariantList round trip

    def __init__(
        self, parent: QObject | None = None, *, interval_ms: int = 50, max_items: int = 2000
    ) -> None:
        super().__init__(parent)
        self._queue: queue.SimpleQueue[list[Any]] = queue.SimpleQueue()
        self._carry: list[Any] = []
        self.max_items = max_items
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.drain)
        self.main_thread = QThread.currentThread()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def put(self, items: list[Any]) -> None:
        """Any thread."""
        if items:
            self._queue.put(items)

    def pending(self) -> bool:
        return bool(self._carry) or not self._queue.empty()

    @Slot()
    def drain(self) -> int:
        """Main thread: emit at most ``max_items`` queued items; return how many."""
        out = self._carry
        self._carry = []
        while len(out) < self.max_items:
            try:
                out.extend(self._queue.get_nowait())
            except queue.Empty:
                break
        if len(out) > self.max_items:
            self._carry = out[self.max_items :]
            out = out[: self.max_items]
        if out:
            self.batch_ready.emit(out)
        return len(out)

    def flush(self) -> None:
        """Main thread: emit everything still queued (end of a job)."""
        while self.drain():
            pass
