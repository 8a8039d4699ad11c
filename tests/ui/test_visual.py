"""The visual pass (issue 12): icons in the navigation and TLP labels in their TLP 2.0 colours
wherever a table shows one (report list, alerts and bulletins, signed history)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot
from support import FAST_KDF

from app.paths import DataPaths
from ui.bulletins_page import BulletinsPage
from ui.controller import AppController
from ui.demo import create_demo
from ui.main_window import MainWindow
from ui.report_list import ReportListPage
from ui.settings import UiSettings
from ui.widgets import TLP_COLOURS

from .conftest import close_controller
from .helpers import open_session, settle

BLACK = QColor("#000000")


@pytest.fixture
def demo_main(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    paths = DataPaths(tmp_path / "data")
    controller = AppController(
        paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF, engine_factory=None
    )
    yield open_session(qtbot, controller, create_demo(paths, reports=12, kdf=FAST_KDF))
    close_controller(controller)


def test_every_navigation_entry_has_an_icon(demo_main: MainWindow) -> None:
    icons = [demo_main.nav.item(i).icon() for i in range(demo_main.nav.count())]
    assert icons and all(not icon.isNull() for icon in icons)
    # One icon per screen: two screens never look the same in the list.
    keys = {icon.cacheKey() for icon in icons}
    assert len(keys) == len(icons)


def _colours(background: object, foreground: object) -> tuple[QColor, QColor]:
    assert background is not None and foreground is not None
    return background.color(), foreground.color()  # type: ignore[attr-defined]


def test_report_list_draws_tlp_in_its_colour(qtbot: QtBot, demo_main: MainWindow) -> None:
    page = demo_main.go("mine")
    assert isinstance(page, ReportListPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    column = page.model.COLUMNS.index("tlp")
    labelled = [r for r in range(page.model.rowCount()) if page.model.rows[r].tlp]
    assert labelled
    for r in labelled:
        index = page.model.index(r, column)
        background, text = _colours(
            page.model.data(index, Qt.ItemDataRole.BackgroundRole),
            page.model.data(index, Qt.ItemDataRole.ForegroundRole),
        )
        assert background == BLACK
        assert text == QColor(TLP_COLOURS[page.model.rows[r].tlp])
    # The longest label is shown whole, not "AMBER+STRI…".
    # (a cell's text sits inside the style's focus-frame margin plus one pixel on each side)
    margin = page.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    needed = QFontMetrics(page.table.font()).horizontalAdvance("AMBER+STRICT") + 2 * margin
    assert page.table.columnWidth(column) >= needed


def test_bulletins_and_history_draw_tlp_in_its_colour(
    qtbot: QtBot, demo_main: MainWindow
) -> None:
    page = demo_main.go("alerts")
    assert isinstance(page, BulletinsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    for r, item in enumerate(page.items):
        cell = page.model.item(r, 3)
        background, text = _colours(cell.background(), cell.foreground())
        assert (background, text) == (BLACK, QColor(TLP_COLOURS[item.tlp]))

    mine = demo_main.go("mine")
    assert isinstance(mine, ReportListPage)
    qtbot.waitUntil(lambda: mine.model.rowCount() > 0, timeout=10_000)
    submitted = next(r for r in mine.model.rows if r.status != "draft" and r.tlp)
    dialog = demo_main.show_report(submitted.report_id)
    qtbot.waitUntil(lambda: dialog.detail.history.rowCount() > 0, timeout=10_000)
    settle(qtbot)
    cells = [dialog.detail.history.item(i, 4) for i in range(dialog.detail.history.rowCount())]
    coloured = [c for c in cells if c is not None and c.text()]
    assert coloured
    for cell in coloured:
        background, text = _colours(cell.background(), cell.foreground())
        assert (background, text) == (BLACK, QColor(TLP_COLOURS[cell.text()]))
    dialog.close()
