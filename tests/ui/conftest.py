"""Fixtures of the UI tests."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# The screen every UI test runs on: a 1366×768 laptop (Qt's offscreen default is 800×800).
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    _screen = Path(tempfile.mkdtemp(prefix="outpost-screen-")) / "screen.json"
    _screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support import FAST_KDF

from app.paths import DataPaths
from ui.controller import AppController
from ui.ops import wait_idle
from ui.settings import UiSettings


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path) -> Iterator[AppController]:
    c = AppController(
        DataPaths(tmp_path / "data"),
        settings=UiSettings(tmp_path / "ui.ini"),
        kdf=FAST_KDF,
        engine_factory=None,
    )
    yield c
    close_controller(c)


def close_controller(c: AppController) -> None:
    """Locks what a test left open and closes the windows, so nothing leaks into the next."""
    if c.session is not None:
        c.lock()
    assert wait_idle(60_000)
    QApplication.processEvents()
    if c.unlock_window is not None:
        c.unlock_window.close()
        c.unlock_window = None
    QApplication.processEvents()
