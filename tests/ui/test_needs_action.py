"""Needs my action (issue 12 item 10, Build: 'A "Needs my action" view for returned reports
with the reviewer's comment'): the officer's returned reports with the comment, who returned
it and when; opening one goes to the editor with the comment banner; once resubmitted it
leaves the list. Its place in the navigation is last, so Ctrl+1 … Ctrl+8 keep their screens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support import AGENCY, FAST_KDF, PASSPHRASE, certify, sample

from app.domain import Role
from app.i18n import format_moment
from app.paths import DataPaths
from app.reports import ReportService
from app.session import NewUser, initialise, unlock
from app.workflow import ReleaseSettings, Workflow
from ui.action_page import NeedsActionPage
from ui.controller import AppController
from ui.main_window import PAGES, page_shortcut
from ui.settings import UiSettings

from .conftest import close_controller
from .flows import confirm_signing
from .helpers import open_session, settle

FOCAL_PASS = "focal point passphrase"


def test_returned_reports_with_comment_open_in_the_editor(qtbot: QtBot, tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    with initialise(paths, NewUser("ana", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("ben", Role.OFP, AGENCY), FOCAL_PASS)
        certify(s.db, s.audit)
        service, workflow = ReportService(s.db, s.user, s.audit), Workflow(s.db, s.user, s.audit)
        ids = [service.create_draft(sample(8, i)).report_id for i in range(3)]
        for report_id in ids:
            workflow.submit(report_id)
        service.create_draft(sample(8, 5))  # a plain draft: nothing to act on
    with unlock(paths, "ben", FOCAL_PASS) as s:
        focal = Workflow(s.db, s.user, s.audit)
        focal.return_to_author(ids[0], "Check the nationality of the second person.")
        focal.approve(ids[1], ReleaseSettings("AMBER", False, "MOU-THA-MYS-2019"))
    session = unlock(paths, "ana", PASSPHRASE)
    controller = AppController(
        paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF, engine_factory=None
    )
    try:
        main = open_session(qtbot, controller, session)
        assert main.visible_pages[-1] == "action"  # added at the end
        assert page_shortcut("action") == f"Ctrl+{len(PAGES)}" and page_shortcut("mine") == "Ctrl+3"
        page = main.go("action")
        assert isinstance(page, NeedsActionPage)
        qtbot.waitUntil(lambda: len(page.items) == 1, timeout=10_000)
        settle(qtbot)
        (item,) = page.items
        assert item.report_id == ids[0]
        cells = [page.table.item(0, c).text() for c in range(4)]
        assert cells[1] == "ben"
        assert cells[2] == format_moment(item.returned_at)
        assert cells[3] == "Check the nationality of the second person."
        assert "(1)" in main.nav.item(main.visible_pages.index("action")).text()

        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        settle(qtbot)
        editor = main.editor
        assert editor.report_id == ids[0]
        assert editor.banner.isVisibleTo(editor)
        assert "Check the nationality of the second person." in editor.banner.text()
        assert "ben" in editor.banner.text()

        # A correction started is still waiting for the officer; resubmitted, it is done.
        editor.narrative.setPlainText(editor.narrative.toPlainText() + " Nationality checked.")
        editor.save_now()
        settle(qtbot)
        main.go("action")
        qtbot.waitUntil(lambda: page.items and page.items[0].correcting, timeout=10_000)
        main.edit_report(ids[0])
        settle(qtbot)
        with qtbot.waitSignal(editor.submitted, timeout=30_000):
            qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
            confirm_signing(qtbot, editor)
        settle(qtbot)
        main.go("action")
        qtbot.waitUntil(lambda: not page.items, timeout=10_000)
        settle(qtbot)
        assert page.table.rowCount() == 0 and not page.open_button.isEnabled()
        assert main.nav.item(main.visible_pages.index("action")).text() == "Needs my action"
    finally:
        close_controller(controller)


def test_resubmitting_a_returned_report_unchanged_says_what_to_do(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = DataPaths(tmp_path / "data")
    with initialise(paths, NewUser("ana", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("ben", Role.OFP, AGENCY), FOCAL_PASS)
        certify(s.db, s.audit)
        report = sample(9, 0)
        report["observed_at"] = "2026-11-28T14:05:00Z"  # whole minutes, as the editor keeps it
        report_id = ReportService(s.db, s.user, s.audit).create_draft(report).report_id
        Workflow(s.db, s.user, s.audit).submit(report_id)
    with unlock(paths, "ben", FOCAL_PASS) as s:
        Workflow(s.db, s.user, s.audit).return_to_author(report_id, "Grade the source again.")
    session = unlock(paths, "ana", PASSPHRASE)
    controller = AppController(
        paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF, engine_factory=None
    )
    try:
        main = open_session(qtbot, controller, session)
        main.edit_report(report_id)
        settle(qtbot)
        editor = main.editor
        assert "Grade the source again." in editor.banner.text()
        envelopes = session.db.execute_one("SELECT count(*) FROM envelopes")
        qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)  # nothing changed
        settle(qtbot)
        assert editor.confirmation is None  # nothing to confirm: it is refused first
        assert "Nothing has changed since this report was returned" in editor.summary.text()
        assert editor.summary.isVisibleTo(editor)
        assert session.db.execute_one("SELECT count(*) FROM envelopes") == envelopes
        assert editor.submit_button.isEnabled()

        editor.narrative.setPlainText(editor.narrative.toPlainText() + " Source graded again.")
        with qtbot.waitSignal(editor.submitted, timeout=30_000):
            qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
            confirm_signing(qtbot, editor)
        settle(qtbot)
        assert main.ctx.reports().get(report_id).record.version == 2
    finally:
        close_controller(controller)


def test_the_count_is_shown_at_unlock_without_visiting_the_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The navigation entry says how many reports wait for the officer as soon as the desk
    opens: the screen itself need not have been opened (it was counted only on its first
    showing, so a returned report waited unseen)."""
    paths = DataPaths(tmp_path / "data")
    with initialise(paths, NewUser("ana", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("ben", Role.OFP, AGENCY), FOCAL_PASS)
        certify(s.db, s.audit)
        report_id = ReportService(s.db, s.user, s.audit).create_draft(sample(10, 0)).report_id
        Workflow(s.db, s.user, s.audit).submit(report_id)
    with unlock(paths, "ben", FOCAL_PASS) as s:
        Workflow(s.db, s.user, s.audit).return_to_author(report_id, "Add the document number.")
    session = unlock(paths, "ana", PASSPHRASE)
    controller = AppController(
        paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF, engine_factory=None
    )
    try:
        main = open_session(qtbot, controller, session)
        entry = main.nav.item(main.visible_pages.index("action"))
        qtbot.waitUntil(lambda: entry.text() == "Needs my action (1)", timeout=10_000)
        assert "action" not in main.pages  # counted without building the screen
        dashboard = main.pages["dashboard"]
        qtbot.waitUntil(lambda: dashboard.tile_returned.value.text() == "1", timeout=10_000)
    finally:
        close_controller(controller)
