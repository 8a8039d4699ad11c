"""Locks the session after a period without keyboard or mouse input."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    """Watches the application's input events; `idle` fires once per idle period.

    The event filter only records a time stamp (input events are frequent); a coarse timer
    compares it with the timeout.
    """

    idle = Signal()

    def __init__(self, seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seconds = seconds
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._running = False

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._last = time.monotonic()
        self._running = True
        self._timer.start(self._interval_ms())

    def stop(self) -> None:
        self._running = False
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def set_seconds(self, seconds: int) -> None:
        self._seconds = seconds
        self._last = time.monotonic()
        if self._running:
            self._timer.start(self._interval_ms())

    def _interval_ms(self) -> int:
        return max(100, min(5000, self._seconds * 250))

    def touch(self) -> None:
        self._last = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if self._running and time.monotonic() - self._last >= self._seconds:
            self.stop()
            self.idle.emit()
