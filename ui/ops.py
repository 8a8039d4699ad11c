"""Running service calls off the UI thread, on one of two lanes.

Every call that may touch the database, a file or the network goes through `OpRunner.run`
(or `OpRunner.chain` for work of both kinds); its result or error comes back to the UI
thread by a queued signal. The UI thread itself runs no statement at all.

- The store lane (`Lane.STORE`): one serial worker. The store has one connection behind
  one lock, so parallel workers would only queue on it, and a serial lane keeps "save, then
  submit" in order. Locking queues the store's close here, after every save.
- The network lane (`Lane.NETWORK`): a small pool for work that may stall (portal requests
  that can hang for their stall timeout, reading files the person picked) and must never
  hold the store lane. Its functions do not touch the store: a network operation that needs
  the store is a chain, e.g. store (read what the request needs), network (the request),
  store (keep the answer). A chain's later steps run only while its runner is valid, so an
  answer arriving after lock is dropped without touching the (closed) store.

A busy indicator appears only when an operation is slow (`SLOW_MS`).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)

SLOW_MS = 400  # below this a person does not notice a wait; no spinner flickers

NETWORK_THREADS = 3  # a stalled request or two leave room for the next one


class Lane(Enum):
    STORE = "store"
    NETWORK = "network"


_pools: dict[Lane, QThreadPool] = {}
_pool_lock = threading.Lock()


def _lane_pool(lane: Lane) -> QThreadPool:
    with _pool_lock:
        pool = _pools.get(lane)
        if pool is None:
            pool = QThreadPool()
            pool.setMaxThreadCount(1 if lane is Lane.STORE else NETWORK_THREADS)
            if lane is Lane.STORE:
                pool.setExpiryTimeout(-1)  # keep the worker: thread start-up costs every call
            _pools[lane] = pool
        return pool


def db_pool() -> QThreadPool:
    """The store lane: one serial worker (created on first use)."""
    return _lane_pool(Lane.STORE)


def network_pool() -> QThreadPool:
    """The network lane: a few workers for requests and file reads that may stall."""
    return _lane_pool(Lane.NETWORK)


def wait_idle(timeout_ms: int = 30_000) -> bool:
    """Blocks until queued store work is done (tests, lock, shutdown). The network lane is
    not waited for: a stalled request may take its whole stall timeout."""
    return db_pool().waitForDone(timeout_ms)


def network_idle() -> bool:
    """True when no network-lane work runs or waits."""
    return network_pool().activeThreadCount() == 0


def drop_queued_network() -> None:
    """Removes network work not started yet (on lock: nobody waits for its answer)."""
    network_pool().clear()


Step = tuple[Lane, Callable[[Any], Any]]


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
    """One step of an operation on its lane; a successful step starts the next one on its
    lane with this step's result."""

    def __init__(
        self, runner: OpRunner, op_id: int, steps: Sequence[Step], arg: Any, first: bool
    ) -> None:
        super().__init__()
        self._runner = runner
        self._op_id = op_id
        self._steps = steps
        self._arg = arg
        self._first = first

    def run(self) -> None:
        _lane, fn = self._steps[0]
        if not self._first and not self._runner._valid:
            return  # locked (or closed) since the chain began: its store may be closed
        try:
            result: Any = fn(self._arg)
            ok = True
        except BaseException as exc:  # handed to the UI, which shows the message
            result, ok = OpError(exc), False
        if ok and len(self._steps) > 1:
            if self._runner._valid:
                rest = self._steps[1:]
                _lane_pool(rest[0][0]).start(_Task(self._runner, self._op_id, rest, result, False))
            return
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
        lane: Lane = Lane.STORE,
    ) -> int:
        """Runs `fn` on `lane` (store work by default)."""
        return self.chain([(lane, lambda _none: fn())], on_done, on_error, label=label)

    def chain(
        self,
        steps: Sequence[Step],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[OpError], None] | None = None,
        *,
        label: str = "",
    ) -> int:
        """Runs the steps one after the other, each on its lane and given the previous
        step's result (the first is given None); `on_done` gets the last one's. The first
        error ends the chain. Steps after the first run only while this runner is valid."""
        assert steps, "an operation has at least one step"
        op_id = next(self._ids)
        self._pending[op_id] = (on_done, on_error, label)
        QTimer.singleShot(SLOW_MS, self, lambda: self._mark_slow(op_id))
        _lane_pool(steps[0][0]).start(_Task(self, op_id, list(steps), None, True))
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
