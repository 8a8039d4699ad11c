"""The four-eyes rule is visible: a focal point's own report is listed with the reason it
cannot be decided by them, and the decision controls are disabled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support import AGENCY, FAST_KDF, PASSPHRASE, certify, sample

from app.clock import to_rfc3339
from app.domain import Role
from app.i18n import format_moment
from app.paths import DataPaths
from app.portal_clock import PortalClock
from app.reports import ReportService
from app.session import NewUser, initialise, unlock
from app.workflow import Workflow
from ui.controller import AppController
from ui.review import ReviewPage
from ui.settings import UiSettings

from .conftest import close_controller
from .helpers import settle


def test_own_report_shows_why_it_cannot_be_decided(qtbot: QtBot, tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    session = initialise(paths, NewUser("fp", Role.OFP, AGENCY), PASSPHRASE, kdf=FAST_KDF)
    certify(session.db, session.audit)
    view = ReportService(session.db, session.user, session.audit).create_draft(sample(4, 0))
    Workflow(session.db, session.user, session.audit).submit(view.report_id)
    controller = AppController(
        paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF, engine_factory=None
    )
    try:
        controller.on_unlocked(session)
        page = controller.main_window.go("review")
        assert isinstance(page, ReviewPage)
        qtbot.waitUntil(lambda: len(page.items) == 1, timeout=10_000)
        settle(qtbot)
        assert page.current is not None and not page.current.can_decide
        assert "four eyes" in page.four_eyes.text()
        assert page.four_eyes.isVisibleTo(page)
        assert not page.approve_button.isEnabled() and not page.return_button.isEnabled()
        page.approve()  # even if triggered anyway, nothing is decided
        settle(qtbot)
        assert ReportService(session.db, session.user).get(view.report_id).status == "queued"
    finally:
        close_controller(controller)


def test_queue_shows_author_and_waiting_since_sortable(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12 item 10: the queue has Author and Waiting since (how long ago the author
    signed, in the user's language), oldest first, and both columns sort."""
    paths = DataPaths(tmp_path / "data")
    now = datetime.now(UTC).replace(microsecond=0)
    with initialise(paths, NewUser("zed", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("ana", Role.OFFICER, AGENCY), PASSPHRASE)
        s.add_user(NewUser("ben", Role.OFP, AGENCY), PASSPHRASE)
        certify(s.db, s.audit)
    signed_at = {"zed": now - timedelta(days=3), "ana": now - timedelta(hours=2)}
    ids = {}
    for name, seed in (("ana", 1), ("zed", 2)):  # ana submits first, yet waits less
        monkeypatch.setattr(PortalClock, "now", lambda _self, at=signed_at[name]: at)
        with unlock(paths, name, PASSPHRASE) as s:
            view = ReportService(s.db, s.user, s.audit).create_draft(sample(5, seed))
            ids[name] = Workflow(s.db, s.user, s.audit).submit(view.report_id).report_id
    monkeypatch.undo()
    session = unlock(paths, "ben", PASSPHRASE)
    controller = AppController(
        paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF, engine_factory=None
    )
    try:
        controller.on_unlocked(session)
        page = controller.main_window.go("review")
        assert isinstance(page, ReviewPage)
        qtbot.waitUntil(lambda: len(page.items) == 2, timeout=10_000)
        settle(qtbot)
        headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
        assert headers[3:] == ["Author", "Waiting since"]

        def column(c: int) -> list[str]:
            return [page.model.item(r, c).text() for r in range(page.model.rowCount())]

        # Oldest first, and the first row is the one opened.
        assert column(3) == ["zed", "ana"]
        assert column(4) == ["3 days ago", "2 hours ago"]
        assert page.current is not None and page.current.view.report_id == ids["zed"]
        tip = page.model.item(0, 4).toolTip()
        assert tip == format_moment(to_rfc3339(signed_at["zed"]))  # the date, locale form
        page.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        assert column(3) == ["ana", "zed"]
        assert page.item_at(0) is not None and page.item_at(0).view.report_id == ids["ana"]
        page.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        assert column(3) == ["ana", "zed"]
        page.table.selectRow(1)
        settle(qtbot)
        assert page.current is not None and page.current.view.report_id == ids["zed"]
    finally:
        close_controller(controller)
