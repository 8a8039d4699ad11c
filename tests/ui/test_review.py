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
from .helpers import open_session, settle


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
        page = open_session(qtbot, controller, session).go("review")
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
        page = open_session(qtbot, controller, session).go("review")
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


def test_a_corrected_version_shows_what_changed_since_it_was_returned(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 12 item 10: the review detail of a resubmitted report lists, field by field,
    what changed since the returned version (label, before, now)."""
    paths = DataPaths(tmp_path / "data")
    with initialise(paths, NewUser("ana", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("ben", Role.OFP, AGENCY), PASSPHRASE)
        certify(s.db, s.audit)
        first = sample(6, 0)
        first["persons"][0]["nationality"] = "MMR"
        report_id = ReportService(s.db, s.user, s.audit).create_draft(first).report_id
        Workflow(s.db, s.user, s.audit).submit(report_id)
    with unlock(paths, "ben", PASSPHRASE) as s:
        Workflow(s.db, s.user, s.audit).return_to_author(report_id, "Nationality is wrong.")
    with unlock(paths, "ana", PASSPHRASE) as s:
        service = ReportService(s.db, s.user, s.audit)
        corrected = service.get(report_id).report
        corrected["persons"][0]["nationality"] = "KHM"
        corrected["narrative"] = "Corrected after review."
        service.update_draft(report_id, corrected)
        Workflow(s.db, s.user, s.audit).submit(report_id)
    session = unlock(paths, "ben", PASSPHRASE)
    controller = AppController(
        paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF, engine_factory=None
    )
    try:
        page = open_session(qtbot, controller, session).go("review")
        assert isinstance(page, ReviewPage)
        qtbot.waitUntil(lambda: len(page.items) == 1, timeout=10_000)
        settle(qtbot)
        assert page.changes_box.isVisibleTo(page)
        assert "version 1, which was returned" in page.changes_box.title()
        rows = {
            page.changes.item(r, 0).text(): (
                page.changes.item(r, 1).text(),
                page.changes.item(r, 2).text(),
            )
            for r in range(page.changes.rowCount())
        }
        assert rows == {
            "Person 1: Nationality": ("Myanmar", "Cambodia"),
            "Narrative": (first["narrative"], "Corrected after review."),
        }
    finally:
        close_controller(controller)


def test_a_first_version_shows_no_changes_panel(qtbot: QtBot, tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    with initialise(paths, NewUser("ana", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("ben", Role.OFP, AGENCY), PASSPHRASE)
        certify(s.db, s.audit)
        report_id = ReportService(s.db, s.user, s.audit).create_draft(sample(6, 1)).report_id
        Workflow(s.db, s.user, s.audit).submit(report_id)
    session = unlock(paths, "ben", PASSPHRASE)
    controller = AppController(
        paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF, engine_factory=None
    )
    try:
        page = open_session(qtbot, controller, session).go("review")
        assert isinstance(page, ReviewPage)
        qtbot.waitUntil(lambda: len(page.items) == 1, timeout=10_000)
        settle(qtbot)
        assert page.detail.detail is not None  # the detail has arrived
        assert not page.changes_box.isVisibleTo(page)
    finally:
        close_controller(controller)
