"""Helpers for the UI tests: waiting for store work, and the rule that the UI thread runs no
statement at all (store work runs on the store lane of ui/ops.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.ops import wait_idle

T = TypeVar("T")


def settle(qtbot: QtBot, rounds: int = 3) -> None:
    """Lets queued store work finish and its results reach the widgets."""
    for _ in range(rounds):
        assert wait_idle(60_000)
        QApplication.processEvents()
        qtbot.wait(5)
    QApplication.processEvents()


def open_session(qtbot: QtBot, controller: Any, session: Any) -> Any:
    """Hands an unlocked session to the controller and waits for its main window (built
    once the role is read on the store lane)."""
    controller.on_unlocked(session)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=30_000)
    return controller.main_window


def off_ui(fn: Callable[[], T]) -> T:
    """Runs a test's own store read off the UI thread, so the observer's rule holds for
    the test's checks too."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(fn).result(60)


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
        """No statement on the UI thread, however quick (a quick one today is a slow one on
        a bigger store or behind a busy lock), and store work was seen at all."""
        on_ui = [(sql[:60], round(s * 1000, 1)) for sql, s in self.on_ui]
        assert not on_ui, f"statements on the UI thread (sql, ms): {on_ui}"
        assert self.off_ui > 0, "the observer saw no store work at all"
