"""Confirmation before signing (issue 12 item 10): Submit, Approve and Return each show what
will be signed, its TLP label in colour, who receives it and whose key signs; Enter and Esc
cancel and change nothing (signatures, history rows and status counted), only the explicit
signing button signs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support import AGENCY, FAST_KDF, PASSPHRASE, certify, sample

from app.directory import store_directory
from app.domain import Role
from app.paths import DataPaths
from app.reports import ReportService
from app.session import NewUser, Session, initialise, unlock
from app.workflow import Workflow
from ui.controller import AppController
from ui.editor import ReportEditor
from ui.review import ReviewPage
from ui.settings import UiSettings
from ui.widgets import TLP_COLOURS

from .conftest import close_controller
from .flows import confirm_signing, first_run, signing_dialog
from .helpers import open_session, settle

FOCAL_PASS = "focal point passphrase"
SITI = "0b6f4c1e-7a52-4d7e-9c1a-3f0e2d9b8a71"
DIRECTORY = {
    "agencies": [{"code": "MYS-IMM", "member_state": "MYS", "name": "Imigresen Malaysia",
                  "third_party": False}],
    "principals": [{"principal_id": SITI, "agency": "MYS-IMM", "member_state": "MYS",
                    "role": "ofp", "display_name": "Siti", "third_party": False}],
}  # fmt: skip


def signed_state(session: Session, report_id: str) -> tuple[int, int, int, str]:
    """Signatures, signed-history (audit) rows, outbox rows and the report's status; the
    draft's own autosave ("report.edited") is not a signature and is left out."""
    db = session.db
    envelopes = db.execute_one("SELECT count(*) FROM envelopes")
    audit = db.execute_one("SELECT count(*) FROM audit_log WHERE action != 'report.edited'")
    outbox = db.execute_one("SELECT count(*) FROM outbox")
    assert envelopes is not None and audit is not None and outbox is not None
    status = ReportService(db, session.user).get(report_id).status
    return int(envelopes[0]), int(audit[0]), int(outbox[0]), status


def test_submit_confirms_what_is_signed_and_enter_or_esc_sign_nothing(
    qtbot: QtBot, controller: AppController
) -> None:
    main = first_run(qtbot, controller)
    session = controller.session
    assert session is not None
    report = sample(12, 0)
    report["handling"]["tlp"] = "AMBER"
    view = ReportService(session.db, session.user, session.audit).create_draft(report)
    main.edit_report(view.report_id)
    settle(qtbot)
    editor = main.editor
    assert isinstance(editor, ReportEditor) and editor.report_id == view.report_id
    before = signed_state(session, view.report_id)

    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    dialog = signing_dialog(qtbot, editor)
    assert dialog.sign_button.text() == "&Sign and submit"
    people = sum(p.get("count") or 1 for p in report["persons"])
    assert f"{people} person" in dialog.contents.text()
    assert f"{len(report['documents'])} document" in dialog.contents.text()
    assert dialog.tlp.text() == "TLP:AMBER"
    assert TLP_COLOURS["AMBER"] in dialog.tlp.styleSheet()  # the label in its colour
    assert f"focal points of your agency ({AGENCY})" in dialog.audience.text()
    assert session.user.name in dialog.signer.text()
    # Enter presses the default button, which is Cancel: nothing is signed.
    assert dialog.cancel_button.isDefault() and not dialog.sign_button.isDefault()
    assert dialog.focusWidget() is dialog.cancel_button
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle(qtbot)
    assert editor.confirmation is None  # closed
    assert signed_state(session, view.report_id) == before
    assert editor.submit_button.isEnabled()

    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    dialog = signing_dialog(qtbot, editor)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    settle(qtbot)
    assert signed_state(session, view.report_id) == before

    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(editor.submitted, timeout=30_000):
        confirm_signing(qtbot, editor)
    settle(qtbot)
    envelopes, _audit, _outbox, status = signed_state(session, view.report_id)
    assert status == "queued" and envelopes == before[0] + 1


@dataclass
class Queue:
    controller: AppController
    session: Session  # the focal point's
    report_id: str
    page: ReviewPage


@pytest.fixture
def queue(qtbot: QtBot, tmp_path: Path) -> Iterator[Queue]:
    """An officer's submitted report in the review queue of a certified focal point, with
    the portal directory kept on the device."""
    paths = DataPaths(tmp_path / "data")
    with initialise(paths, NewUser("ana", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("ben", Role.OFP, AGENCY), FOCAL_PASS)
        certify(s.db, s.audit)
        store_directory(s.db, DIRECTORY)
        report = sample(13, 1)
        report["handling"]["tlp"] = "AMBER"
        view = ReportService(s.db, s.user, s.audit).create_draft(report)
        Workflow(s.db, s.user, s.audit).submit(view.report_id)
    session = unlock(paths, "ben", FOCAL_PASS)
    controller = AppController(
        paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF, engine_factory=None
    )
    try:
        page = open_session(qtbot, controller, session).go("review")
        assert isinstance(page, ReviewPage)
        qtbot.waitUntil(lambda: len(page.items) == 1, timeout=10_000)
        settle(qtbot)
        assert page.current is not None and page.current.can_decide
        yield Queue(controller, session, view.report_id, page)
    finally:
        close_controller(controller)


def test_approve_confirms_tlp_recipients_legal_basis_and_esc_signs_nothing(
    qtbot: QtBot, queue: Queue
) -> None:
    page = queue.page
    before = signed_state(queue.session, queue.report_id)
    page.tlp.set_value("RED")
    page.legal_basis.setText("MOU-THA-MYS-2019")
    page.third_party.setChecked(False)
    qtbot.keyClicks(page.recipients, "Siti")
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    dialog = signing_dialog(qtbot, page)
    assert dialog.tlp.text() == "TLP:RED" and TLP_COLOURS["RED"] in dialog.tlp.styleSheet()
    assert f"Only these people: Siti ({SITI})" in dialog.audience.text()  # from the directory
    assert dialog.legal_basis is not None and dialog.legal_basis.text() == "MOU-THA-MYS-2019"
    assert dialog.third_party is not None and "not to be passed" in dialog.third_party.text()
    assert "ben" in dialog.signer.text() and AGENCY in dialog.signer.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    settle(qtbot)
    assert page.confirmation is None
    assert signed_state(queue.session, queue.report_id) == before
    assert page.approve_button.isEnabled()  # and the decision can still be made

    # Member states: every agency of them, named in the language, third parties allowed.
    page.tlp.set_value("AMBER")
    page.recipients.clear()
    page.third_party.setChecked(True)
    qtbot.keyClicks(page.release_to, "MYS")
    qtbot.keyClicks(page.release_agencies, "MYS-IMM")
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    dialog = signing_dialog(qtbot, page)
    assert "Every agency of these member states: Malaysia (MYS)" in dialog.audience.text()
    assert "These agencies: Imigresen Malaysia (MYS-IMM)" in dialog.audience.text()
    assert "may receive it" in dialog.audience.text()
    assert "may be passed" in dialog.third_party.text()  # type: ignore[union-attr]
    with qtbot.waitSignal(page.decided, timeout=30_000) as decided:
        confirm_signing(qtbot, page)
    assert decided.args == [queue.report_id, "approved"]
    settle(qtbot)
    envelopes, _audit, _outbox, status = signed_state(queue.session, queue.report_id)
    assert status == "approved" and envelopes == before[0] + 1
    details = queue.session.db.execute_one(
        "SELECT details FROM audit_log WHERE action='report.approved'"
    )
    assert details is not None and json.loads(details[0])["releasable_to"] == ["MYS"]


def test_a_refused_release_says_why_without_asking_to_sign(qtbot: QtBot, queue: Queue) -> None:
    page = queue.page
    page.tlp.set_value("RED")
    page.legal_basis.setText("MOU-THA-MYS-2019")
    qtbot.keyClicks(page.release_to, "MYS")
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "choose the recipients by name" in page.message.text(), timeout=20_000)
    assert page.confirmation is None


def test_return_confirms_the_comment_and_the_author(qtbot: QtBot, queue: Queue) -> None:
    page = queue.page
    before = signed_state(queue.session, queue.report_id)
    qtbot.keyClicks(page.comment, "Grade the source again.")
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    dialog = signing_dialog(qtbot, page)
    assert dialog.sign_button.text() == "&Sign and return"
    assert "Back to its author (ana)" in dialog.audience.text()
    assert dialog.comment is not None and dialog.comment.text() == "Grade the source again."
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter: Cancel is the default button
    settle(qtbot)
    assert signed_state(queue.session, queue.report_id) == before
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.decided, timeout=30_000) as decided:
        confirm_signing(qtbot, page)
    assert decided.args == [queue.report_id, "returned"]
    settle(qtbot)
    assert signed_state(queue.session, queue.report_id)[3] == "returned"


def test_releasable_to_is_picked_from_the_directory_and_unknown_codes_are_refused(
    qtbot: QtBot, queue: Queue
) -> None:
    """Issue 12 item 10: 'Releasable to' is picked from the portal directory kept on the
    device; a typed code it does not know is refused before anything is signed."""
    page = queue.page
    qtbot.waitUntil(lambda: page.choices.known, timeout=10_000)
    states = {str(a.data()): a for a in page.pick_states.menu().actions()}
    agencies = {str(a.data()): a for a in page.pick_agencies.menu().actions()}
    assert set(states) == {"MYS"} and set(agencies) == {"MYS-IMM"}
    assert states["MYS"].text() == "Malaysia (MYS)"
    states["MYS"].trigger()  # ticked: the code goes into the field
    assert page.release_to.text() == "MYS"
    agencies["MYS-IMM"].trigger()
    assert page.release_agencies.text() == "MYS-IMM"
    before = signed_state(queue.session, queue.report_id)
    page.tlp.set_value("AMBER")
    page.legal_basis.setText("MOU-THA-MYS-2019")
    qtbot.keyClicks(page.release_to, ", KHM")  # typed, and not in the directory
    assert "Not in the portal directory: KHM" in page.rule_warning.text()
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    refused = "Not in the portal directory: KHM"
    qtbot.waitUntil(lambda: refused in page.message.text(), timeout=20_000)
    assert page.confirmation is None
    assert signed_state(queue.session, queue.report_id) == before
    states["MYS"].trigger()  # unticked: removed from the field
    assert page.release_to.text() == "KHM"


def test_without_a_directory_typed_codes_are_taken_with_a_warning(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paths = DataPaths(tmp_path / "data")
    with initialise(paths, NewUser("ana", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("ben", Role.OFP, AGENCY), FOCAL_PASS)
        certify(s.db, s.audit)
        view = ReportService(s.db, s.user, s.audit).create_draft(sample(13, 2))
        Workflow(s.db, s.user, s.audit).submit(view.report_id)
    session = unlock(paths, "ben", FOCAL_PASS)
    controller = AppController(
        paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF, engine_factory=None
    )
    try:
        page = open_session(qtbot, controller, session).go("review")
        assert isinstance(page, ReviewPage)
        qtbot.waitUntil(lambda: len(page.items) == 1, timeout=10_000)
        settle(qtbot)
        assert not page.choices.known and page.directory_note.isVisibleTo(page)
        assert not page.pick_states.isEnabled()
        page.tlp.set_value("AMBER")
        page.tlp_reason.setText("checked")
        page.legal_basis.setText("MOU-THA-MYS-2019")
        qtbot.keyClicks(page.release_to, "KHM")
        qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
        dialog = signing_dialog(qtbot, page)
        assert "not checked against it" in dialog.warning.text()
        assert dialog.warning.isVisibleTo(dialog)
        dialog.reject()
    finally:
        close_controller(controller)
