"""The newcomer's demo installation: users, synthetic reports in every state, alerts; once
created it is locked and offered for unlocking as a demo user (issue 12 item 11); every main
screen shows something."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support import FAST_KDF

import ui.demo
from app.bulletins import BulletinService
from app.dashboard import DashboardService
from app.paths import DataPaths
from app.samples import PREFIX
from app.session import Session
from ui.controller import AppController
from ui.demo import FOCAL_POINT, OFFICER
from ui.demo import create_demo as real_create_demo
from ui.settings import UiSettings

from .conftest import close_controller
from .flows import lock, unlock_as
from .helpers import settle


def test_demo_installation_fills_every_screen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller = AppController(
        DataPaths(tmp_path / "data"),
        settings=UiSettings(tmp_path / "ui.ini"),
        kdf=FAST_KDF,
        engine_factory=None,
        demo_reports=30,
    )
    try:
        created: list[Session] = []

        def recording(*args: Any, **kwargs: Any) -> Session:
            session = real_create_demo(*args, **kwargs)
            created.append(session)
            return session

        monkeypatch.setattr(ui.demo, "create_demo", recording)
        controller.start()
        window = controller.unlock_window
        assert window is not None and window.demo_button.isVisible()
        window.demo_button.click()
        qtbot.waitUntil(
            lambda: (
                controller.unlock_window not in (None, window)
                and not controller.unlock_window.first_run
            ),
            timeout=60_000,
        )
        settle(qtbot)
        # Created, then locked: the officer unlocks like on any other day, as a demo user.
        unlock = controller.unlock_window
        assert unlock is not None and unlock.isVisible()
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert shown == [unlock]  # the first-run window is gone; no main window, no box
        assert controller.main_window is None and controller.session is None
        assert created and created[0].is_locked  # the store is closed
        for user in (OFFICER, FOCAL_POINT):  # offered, with their passphrases
            assert user.name in unlock.notice.text() and user.passphrase in unlock.notice.text()
        assert unlock.notice.isVisible()
        assert unlock.name.text() == OFFICER.name
        assert unlock.focusWidget() is unlock.passphrase
        completer = unlock.name.completer()
        assert completer is not None
        offered = completer.model()
        names = {offered.index(r, 0).data() for r in range(offered.rowCount())}
        assert names == {OFFICER.name, FOCAL_POINT.name}
        qtbot.keyClicks(unlock.passphrase, OFFICER.passphrase)
        qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: controller.main_window is not None, timeout=30_000)
        settle(qtbot)
        main = controller.main_window
        session = controller.session
        assert session is not None and session.user.name == OFFICER.name

        figures = DashboardService(session.db).figures()
        states = {s for s, n in figures.queue.by_status.items() if n}
        assert {"draft", "queued", "approved", "returned"} <= states
        assert BulletinService(session.db, session.user.id).unread_count() > 0

        for key in main.visible_pages:
            main.go(key)
            settle(qtbot)
        listing = main.pages["mine"]
        assert listing.model.rows  # type: ignore[attr-defined]
        assert all(r.summary.startswith(PREFIX) for r in listing.model.rows)  # type: ignore[attr-defined]
        assert main.pages["alerts"].items  # type: ignore[attr-defined]
        assert main.pages["audit"].model.rowCount() > 0  # type: ignore[attr-defined]
        lock(qtbot, controller)
        main = unlock_as(qtbot, controller, FOCAL_POINT.name, FOCAL_POINT.passphrase)
        review = main.go("review")
        qtbot.waitUntil(lambda: bool(review.items), timeout=10_000)  # type: ignore[attr-defined]
    finally:
        close_controller(controller)
