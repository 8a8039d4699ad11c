"""The four-eyes rule is visible: a focal point's own report is listed with the reason it
cannot be decided by them, and the decision controls are disabled."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from support import AGENCY, FAST_KDF, PASSPHRASE, certify, sample

from app.domain import Role
from app.paths import DataPaths
from app.reports import ReportService
from app.session import NewUser, initialise
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
