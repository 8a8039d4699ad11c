"""The audit log page: autosaves of a draft are one series in the log (not one line per
save), and the log can be filtered by action, user, text or report id, and dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.audit import audit_filter
from ui.audit_page import AuditPage
from ui.controller import AppController
from ui.editor import ReportEditor

from .flows import FOCAL, OFFICER, add_focal_point, first_run, lock, unlock_as
from .helpers import settle


def _column(page: AuditPage, column: int) -> list[str]:
    return [page.model.item(row, column).text() for row in range(page.model.rowCount())]


def test_twenty_autosaves_are_one_series_in_the_log(
    qtbot: QtBot, controller: AppController
) -> None:
    main = first_run(qtbot, controller)
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    for i in range(20):  # what the autosave timer does while the officer types
        editor.narrative.setPlainText(f"[SYNTHETIC] typed so far: {i}")
        editor.save_now()
        settle(qtbot, rounds=1)
    settle(qtbot)
    report_id = editor.report_id
    assert report_id is not None
    session = controller.session
    assert session is not None
    actions = [r.action for r in session.audit.recent(100, report_id)]
    assert actions == ["report.edited", "report.created"]  # 19 more saves only counted
    lock(qtbot, controller)

    main = unlock_as(qtbot, controller, *OFFICER)
    page = main.go("audit")
    assert isinstance(page, AuditPage)
    settle(qtbot)
    session = controller.session
    assert session is not None
    edited = [r for r in session.audit.recent(100, report_id) if r.action == "report.edited"]
    assert len(edited) == 2  # the first save, then the closing entry of the series
    assert any("saved 19 times" in text for text in _column(page, 3))
    assert session.audit.verify().ok


def _wait_loaded(qtbot: QtBot, page: AuditPage, expected_rows: int) -> None:
    qtbot.waitUntil(lambda: page.model.rowCount() == expected_rows, timeout=10_000)


def test_the_log_is_filtered_from_the_bar_and_bad_dates_say_how_to_write_them(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = first_run(qtbot, controller)
    add_focal_point(qtbot, main)
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    ids = []
    for i in range(3):
        editor.new_report()
        editor.narrative.setPlainText(f"[SYNTHETIC] audit filter {i}")
        editor.save_now()
        settle(qtbot)
        assert editor.report_id is not None
        ids.append(editor.report_id)
    session = controller.session
    assert session is not None
    everything = session.audit.search(audit_filter(limit=1000))[1]
    created = [r for r in session.audit.recent(1000) if r.action == "report.created"]
    assert len(created) == 3

    page = main.go("audit")
    assert isinstance(page, AuditPage)
    _wait_loaded(qtbot, page, everything)
    assert f"of {everything}" in page.shown.text()

    # By action, picked by typing its name (keyboard only).
    page.action.setFocus()
    page.action.setCurrentIndex(page.action.findData("report.created"))
    qtbot.keyClick(page.report, Qt.Key.Key_Return)
    _wait_loaded(qtbot, page, 3)
    assert set(_column(page, 3)) == {"report created"}

    # By report id (its start) on top of the action.
    qtbot.keyClicks(page.report, ids[1][:8])
    qtbot.keyClick(page.report, Qt.Key.Key_Return)
    _wait_loaded(qtbot, page, 1)
    assert "1–1 of 1" in page.shown.text()

    # By user: the focal point created nothing of this.
    page.user.setCurrentIndex(page.user.findText(FOCAL[0]))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    _wait_loaded(qtbot, page, 0)
    assert page.shown.text() == "No entry matches this filter."

    # A bad date is a message that says how to write it, and the rows stay as they were.
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    _wait_loaded(qtbot, page, everything)
    qtbot.keyClicks(page.day_from, "2026-13-45")
    qtbot.keyClick(page.day_from, Qt.Key.Key_Return)
    settle(qtbot)
    assert page.filter_error.isVisible()
    assert "YYYY-MM-DD" in page.filter_error.text()
    assert page.model.rowCount() == everything
    page.day_from.setText("2026-12-05")
    page.day_to.setText("2026-12-01")
    qtbot.keyClick(page.day_to, Qt.Key.Key_Return)
    settle(qtbot)
    assert "before the start date" in page.filter_error.text()

    # Dates: everything was written today (UTC); yesterday has nothing.
    today = datetime.now(UTC).date()
    page.day_from.setText(today.isoformat())
    page.day_to.setText(today.isoformat())
    qtbot.keyClick(page.day_to, Qt.Key.Key_Return)
    _wait_loaded(qtbot, page, everything)
    assert not page.filter_error.isVisible()
    yesterday = (today - timedelta(days=1)).isoformat()
    page.day_from.setText(yesterday)
    page.day_to.setText(yesterday)
    qtbot.keyClick(page.day_to, Qt.Key.Key_Return)
    _wait_loaded(qtbot, page, 0)

    # Text in the details, then pages of the whole log, newest first.
    monkeypatch.setattr("ui.audit_page.LIMIT", 2)
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    _wait_loaded(qtbot, page, 2)
    first_page = _column(page, 0)
    assert first_page == sorted(first_page, key=int, reverse=True)
    assert not page.newer_button.isEnabled() and page.older_button.isEnabled()
    qtbot.mouseClick(page.older_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _column(page, 0) != first_page, timeout=10_000)
    assert int(_column(page, 0)[0]) < int(first_page[-1])
    assert page.newer_button.isEnabled()
    assert session.audit.verify().ok  # the filter never touches the chain
