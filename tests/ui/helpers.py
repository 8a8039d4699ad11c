"""Helpers for the UI tests: waiting for store work, and the 50 ms UI-thread rule."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.ops import wait_idle

UI_THREAD_LIMIT_S = 0.050


def settle(qtbot: QtBot, rounds: int = 3) -> None:
    """Lets queued store work finish and its results reach the widgets."""
    for _ in range(rounds):
        assert wait_idle(60_000)
        QApplication.processEvents()
        qtbot.wait(5)
    QApplication.processEvents()


@dataclass
class UiThreadStatements:
    """A Database observer: every statement run on the UI thread, with its duration."""

    ui_thread: str = field(default_factory=lambda: threading.main_thread().name)
    on_ui: list[tuple[str, float]] = field(default_factory=list)
    off_ui: int = 0

    def __call__(self, sql: str, seconds: float, thread: str) -> None:
        if thread == self.ui_thread:
            self.on_ui.append((sql, seconds))
        else:
            self.off_ui += 1

    def slowest(self) -> float:
        return max((s for _sql, s in self.on_ui), default=0.0)

    def check(self) -> None:
        slow = [(sql[:60], round(s * 1000, 1)) for sql, s in self.on_ui if s > UI_THREAD_LIMIT_S]
        assert not slow, f"statements over 50 ms on the UI thread: {slow}"
        assert self.off_ui > 0, "the observer saw no store work at all"
