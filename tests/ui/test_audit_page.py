"""The audit log page: autosaves of a draft are one series in the log (not one line per
save), and the log can be filtered by action, user, text or report id, and dates."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ui.audit_page import AuditPage
from ui.controller import AppController
from ui.editor import ReportEditor

from .flows import OFFICER, first_run, lock, unlock_as
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
