"""Running service calls off the UI thread.

Every call that may touch the database, a file or the network goes through `OpRunner.run`:
the function runs on a worker of one serial pool (the store has one connection behind one
lock, so parallel workers would only queue on it, and a serial pool keeps "save, then
submit" in order), and its result or error comes back to the UI thread by a queued signal.
A busy indicator appears only when an operation is slow (`SLOW_MS`).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)

SLOW_MS = 400  # below this a person does not notice a wait; no spinner flickers

_pool: QThreadPool | None = None
_pool_lock = threading.Lock()


def db_pool() -> QThreadPool:
    """The one serial pool for store work (created on first use)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = QThreadPool()
            _pool.setMaxThreadCount(1)
            _pool.setExpiryTimeout(-1)  # keep the worker: thread start-up costs every call
        return _pool


def wait_idle(timeout_ms: int = 30_000) -> bool:
    """Blocks until queued store work is done (tests, shutdown)."""
    return db_pool().waitForDone(timeout_ms)


@dataclass
class OpError:
    """What an operation raised, carried to the UI thread."""

    exception: BaseException

    @property
    def message(self) -> str:
        return " ".join(str(self.exception).split()) or type(self.exception).__name__


class _Results:
    """Finished operations' outcomes, handed from worker threads to the UI thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[int, tuple[bool, Any]] = {}

    def put(self, op_id: int, ok: bool, result: Any) -> None:
        with self._lock:
            self._items[op_id] = (ok, result)

    def take(self, op_id: int) -> tuple[bool, Any]:
        with self._lock:
            return self._items.pop(op_id, (False, None))


class _Task(QRunnable):
    def __init__(self, runner: OpRunner, op_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        self._op_id = op_id
        self._fn = fn

    def run(self) -> None:
        try:
            result: Any = self._fn()
            ok = True
        except BaseException as exc:  # handed to the UI, which shows the message
            result, ok = OpError(exc), False
        # The result stays on the Python side; only the op id crosses the thread boundary.
        # (Passing arbitrary objects, None included, through a Qt signal of type `object`
        # trips a reference-count bug in this PySide6 release after many emissions.)
        self._runner._results.put(self._op_id, ok, result)
        # RuntimeError: the runner was destroyed (window closed, session locked); nobody waits.
        with contextlib.suppress(RuntimeError):
            self._runner._finished.emit(self._op_id)


class OpRunner(QObject):
    """Starts operations and calls back on the UI thread; callbacks of a cancelled runner
    (`invalidate`, e.g. on lock) are dropped so no result reaches a cleared screen."""

    busy = Signal(bool, str)  # slow work started / everything finished; a label to show
    failed = Signal(str)  # an operation without its own error handler failed
    _finished = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[Callable[[Any], None] | None, Any, str]] = {}
        self._slow: set[int] = set()
        self._results = _Results()
        self._finished.connect(self._on_finished)
        self._valid = True

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[OpError], None] | None = None,
        *,
        label: str = "",
    ) -> int:
        op_id = next(self._ids)
        self._pending[op_id] = (on_done, on_error, label)
        QTimer.singleShot(SLOW_MS, self, lambda: self._mark_slow(op_id))
        db_pool().start(_Task(self, op_id, fn))
        return op_id

    @property
    def pending(self) -> int:
        return len(self._pending)

    def invalidate(self) -> None:
        self._valid = False
        self._pending.clear()
        if self._slow:
            self._slow.clear()
            self.busy.emit(False, "")

    def _mark_slow(self, op_id: int) -> None:
        if op_id in self._pending and self._valid:
            self._slow.add(op_id)
            self.busy.emit(True, self._pending[op_id][2])

    def _on_finished(self, op_id: int) -> None:
        ok, result = self._results.take(op_id)
        entry = self._pending.pop(op_id, None)
        if op_id in self._slow:
            self._slow.discard(op_id)
            if not self._slow:
                self.busy.emit(False, "")
        if entry is None or not self._valid:
            return
        on_done, on_error, _label = entry
        try:
            if ok:
                if on_done is not None:
                    on_done(result)
                return
            if on_error is not None:
                on_error(result)
                return
        except RuntimeError as exc:
            if "already deleted" not in str(exc):
                raise
            return  # the screen that asked was closed meanwhile (language switch, dialog)
        if not ok:
            log.warning("operation failed: %s", type(result.exception).__name__)
            self.failed.emit(result.message)
