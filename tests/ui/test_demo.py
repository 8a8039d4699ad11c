"""The newcomer's demo installation: users, synthetic reports in every state, alerts; and
every main screen shows something."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from support import FAST_KDF

from app.bulletins import BulletinService
from app.dashboard import DashboardService
from app.paths import DataPaths
from app.samples import PREFIX
from ui.controller import AppController
from ui.demo import FOCAL_POINT, OFFICER
from ui.settings import UiSettings

from .conftest import close_controller
from .flows import lock, unlock_as
from .helpers import settle


def test_demo_installation_fills_every_screen(qtbot: QtBot, tmp_path: Path) -> None:
    controller = AppController(
        DataPaths(tmp_path / "data"),
        settings=UiSettings(tmp_path / "ui.ini"),
        kdf=FAST_KDF,
        engine_factory=None,
        demo_reports=30,
    )
    try:
        controller.start()
        window = controller.unlock_window
        assert window is not None and window.demo_button.isVisible()
        window.demo_button.click()
        qtbot.waitUntil(lambda: controller.main_window is not None, timeout=60_000)
        settle(qtbot)
        main = controller.main_window
        boxes = [b for b in main.findChildren(QMessageBox) if b.isVisible()]
        assert boxes and OFFICER.passphrase in boxes[0].text()  # credentials are shown
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
