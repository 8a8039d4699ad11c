"""The must-hold flows, driven through the real windows (pytest-qt, offscreen):

first run → create user → new report with a person, a document and a photo → submit;
add a focal point → lock → unlock as the focal point → approve with release settings →
the officer sees the decision. The return-with-comment flow likewise. Every store statement
is timed: none may run on the UI thread for more than 50 ms.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.directory import store_directory
from app.session import unlock
from ui.controller import AppController
from ui.review import ReviewPage

from .flows import (
    FOCAL,
    OFFICER,
    add_focal_point,
    certify_focal_point,
    confirm_signing,
    first_run,
    lock,
    select_in_queue,
    unlock_as,
    watch,
    write_report,
)
from .helpers import off_ui, settle

DIRECTORY = {
    "agencies": [{"code": "MYS-IMM", "member_state": "MYS", "name": "Imigresen",
                  "third_party": False}],
    "principals": [{"principal_id": "0b6f4c1e-7a52-4d7e-9c1a-3f0e2d9b8a71", "agency": "MYS-IMM",
                    "member_state": "MYS", "role": "ofp", "display_name": "Siti",
                    "third_party": False}],
}  # fmt: skip


def test_submit_approve_and_the_officer_sees_it(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    timings = watch(controller)
    main = first_run(qtbot, controller)
    report_id = write_report(qtbot, main, tmp_path, "Forged passport at the second line.")
    add_focal_point(qtbot, main)
    lock(qtbot, controller)

    # Added by an officer, the focal point's role is only requested: no review page.
    main = unlock_as(qtbot, controller, *FOCAL)
    assert "review" not in main.visible_pages
    assert "not certified yet" in main.user_label.text()
    lock(qtbot, controller)
    certify_focal_point(controller)  # enrolled with a focal-point code
    with unlock(controller.paths, *OFFICER) as s:  # the portal directory, kept offline
        store_directory(s.db, DIRECTORY)

    main = unlock_as(qtbot, controller, *FOCAL)
    assert "review" in main.visible_pages  # focal points only
    page = main.go("review")
    assert isinstance(page, ReviewPage)
    select_in_queue(qtbot, page, report_id)
    page.tlp.set_value("RED")  # tightening needs no reason
    page.third_party.setChecked(False)
    page.legal_basis.setText("MOU-THA-MYS-2019")
    qtbot.keyClicks(page.release_to, "MYS, KHM")
    assert "named people only" in page.rule_warning.text()  # the portal's TLP rule, live
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "choose the recipients by name" in page.message.text(), timeout=20_000)
    page.release_to.clear()
    qtbot.keyClicks(page.recipients, "Siti")
    assert page.rule_warning.text() == ""
    with qtbot.waitSignal(page.decided, timeout=30_000) as decided:
        qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
        confirm_signing(qtbot, page)
    assert decided.args == [report_id, "approved"]
    settle(qtbot)
    lock(qtbot, controller)

    main = unlock_as(qtbot, controller, *OFFICER)
    assert "review" not in main.visible_pages
    listing = main.go("mine")
    settle(qtbot)
    rows = {r.report_id: r for r in listing.model.rows}  # type: ignore[attr-defined]
    assert rows[report_id].status == "approved"
    dialog = main.show_report(report_id)
    qtbot.addWidget(dialog)
    settle(qtbot)
    actions = [h.action for h in dialog.detail.detail.history]
    assert actions == ["submitted", "approved"]
    assert all(h.valid for h in dialog.detail.detail.history)
    approved = dialog.detail.detail.history[-1]
    assert approved.actor == FOCAL[0] and approved.tlp == "RED"
    dialog.reject()
    lock(qtbot, controller)
    timings.check()


def test_return_with_comment_and_the_officer_corrects(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    timings = watch(controller)
    main = first_run(qtbot, controller)
    report_id = write_report(qtbot, main, tmp_path, "Group of twelve crossed on foot.")
    add_focal_point(qtbot, main)
    lock(qtbot, controller)
    certify_focal_point(controller)

    main = unlock_as(qtbot, controller, *FOCAL)
    page = main.go("review")
    assert isinstance(page, ReviewPage)
    select_in_queue(qtbot, page, report_id)
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    assert "comment" in page.message.text()  # a return needs a comment
    qtbot.keyClicks(page.comment, "Grade the source again, please.")
    with qtbot.waitSignal(page.decided, timeout=30_000) as decided:
        qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
        confirm_signing(qtbot, page)
    assert decided.args == [report_id, "returned"]
    settle(qtbot)
    lock(qtbot, controller)

    main = unlock_as(qtbot, controller, *OFFICER)
    dialog = main.show_report(report_id)
    settle(qtbot)
    assert dialog.detail.comment.isVisible() or "Grade the source" in dialog.detail.comment.text()
    assert "Grade the source again" in dialog.detail.comment.text()
    assert dialog.edit_button.isEnabled()
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    editor = main.editor
    assert "Grade the source again" in editor.banner.text()
    assert editor.narrative.toPlainText() == "Group of twelve crossed on foot."
    editor.reliability.set_value("A")
    with qtbot.waitSignal(editor.submitted, timeout=30_000):
        qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
        confirm_signing(qtbot, editor)
    settle(qtbot)
    view = off_ui(lambda: main.ctx.reports().get(report_id))
    assert view.record.version == 2 and view.status == "queued"
    lock(qtbot, controller)
    timings.check()
