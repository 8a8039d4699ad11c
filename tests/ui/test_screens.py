"""Alerts (new ones flagged, read on opening, searchable), the audit log's chain check, the
dashboard's charts, and the no-display message of `make run`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from support import FAST_KDF

from app.paths import DataPaths
from ui import app as gui_app
from ui.audit_page import AuditPage
from ui.bulletins_page import BulletinsPage
from ui.controller import AppController
from ui.dashboard_page import DashboardPage
from ui.demo import create_demo
from ui.main_window import MainWindow
from ui.settings import UiSettings

from .conftest import close_controller
from .flows import watch
from .helpers import open_session, settle


@pytest.fixture
def demo_main(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    paths = DataPaths(tmp_path / "data")
    controller = AppController(
        paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF, engine_factory=None
    )
    timings = watch(controller)
    yield open_session(qtbot, controller, create_demo(paths, reports=40, kdf=FAST_KDF))
    timings.check()
    close_controller(controller)


def test_alerts_flag_new_items_and_search(qtbot: QtBot, demo_main: MainWindow) -> None:
    page = demo_main.go("alerts")
    assert isinstance(page, BulletinsPage)
    settle(qtbot)
    unread = sum(i.unread for i in page.items)
    assert unread == 3
    assert page.model.item(0, 1).text().startswith("NEW")
    nav_text = demo_main.nav.item(demo_main.visible_pages.index("alerts")).text()
    assert nav_text.endswith("(3)")
    page.table.selectRow(0)
    settle(qtbot)
    assert page.items[0].title in page.reader.toPlainText()
    assert page.unread.text().startswith("2")
    assert not page.model.item(0, 1).text().startswith("NEW")
    page.search.setText("laminate")
    qtbot.waitUntil(lambda: len(page.items) == 1, timeout=5000)
    assert "laminate" in page.items[0].title


def test_audit_chain_check(qtbot: QtBot, demo_main: MainWindow) -> None:
    page = demo_main.go("audit")
    assert isinstance(page, AuditPage)
    settle(qtbot)
    assert page.model.rowCount() > 50
    page.verify_button.click()
    settle(qtbot)
    assert "intact" in page.result.text()


def test_dashboard_draws_every_chart(qtbot: QtBot, demo_main: MainWindow) -> None:
    page = demo_main.go("dashboard")
    assert isinstance(page, DashboardPage)
    settle(qtbot)
    assert page.figures is not None
    for chart in (page.months_chart, page.crossing_chart, page.nationality_chart, page.queue_chart):
        assert chart.series(), chart.title()
    months = page.months_chart.series()[0]
    assert len(months.barSets()) == 6  # one per kind
    assert int(page.tile_review.value.text()) == page.figures.queue.waiting_for_review > 0


def test_run_without_a_display_says_how(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(gui_app.sys, "platform", "linux")
    assert gui_app.main([]) == 1
    assert "xvfb-run make run" in capsys.readouterr().err
