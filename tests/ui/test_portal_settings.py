"""Settings → Portal: load the agency provisioning file and enrol with a one-time code,
against a real portal started by the test; the work runs off the UI thread."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from support import FAST_KDF
from sync_support import provisioning_doc

from app.paths import DataPaths
from portal.clock import now_seconds
from portal.registry import create_agency
from tests.portal_server import running_portal
from ui.controller import AppController
from ui.settings import UiSettings
from ui.settings_page import SettingsPage

from .conftest import close_controller
from .flows import first_run
from .helpers import settle


def test_provision_and_enrol_from_settings(qtbot: QtBot, tmp_path: Path) -> None:
    with running_portal(tmp_path / "portal") as portal:
        create_agency(
            portal.db, code="THA-IMM", member_state="THA", name="Immigration", now=now_seconds()
        )
        agency_file = tmp_path / "agency.json"
        agency_file.write_bytes(provisioning_doc(portal, "THA-IMM"))
        controller = AppController(
            DataPaths(tmp_path / "data"), settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF
        )
        try:
            main = first_run(qtbot, controller)
            settle(qtbot)
            page = main.go("settings")
            assert isinstance(page, SettingsPage)
            qtbot.waitUntil(lambda: "Not connected" in page.portal_status.text(), timeout=20_000)
            assert not page.enrol_button.isEnabled()

            page.load_provisioning(str(tmp_path / "missing.json"))
            qtbot.waitUntil(lambda: "Cannot read" in page.portal_message.text(), timeout=20_000)

            page.load_provisioning(str(agency_file))
            qtbot.waitUntil(lambda: "enrolment code" in page.portal_status.text(), timeout=20_000)
            assert page.enrol_button.isEnabled()

            qtbot.keyClicks(page.enrol_code, "WRONG-CODE")
            page.enrol()
            qtbot.waitUntil(lambda: page.enrol_button.isEnabled(), timeout=20_000)
            assert "enrolled" not in page.portal_status.text()

            qtbot.keyClicks(page.enrol_code, portal.code("THA-IMM", "officer"))
            page.enrol()
            qtbot.waitUntil(lambda: "you are enrolled" in page.portal_status.text(), timeout=20_000)
            assert not page.enrol_button.isEnabled()
        finally:
            close_controller(controller)


def test_first_run_with_provisioning_file_and_code(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from services.portal import portal_state

    with running_portal(tmp_path / "portal") as portal:
        create_agency(
            portal.db, code="MYS-IMI", member_state="MYS", name="Imigresen", now=now_seconds()
        )
        agency_file = tmp_path / "agency.json"
        agency_file.write_bytes(provisioning_doc(portal, "MYS-IMI"))
        controller = AppController(
            DataPaths(tmp_path / "data"),
            settings=UiSettings(tmp_path / "ui.ini"),
            kdf=FAST_KDF,
            engine_factory=None,
        )
        try:
            controller.start()
            window = controller.unlock_window
            assert window is not None and window.first_run
            qtbot.keyClicks(window.name, "siti")
            qtbot.keyClicks(window.passphrase, "a long passphrase here")
            qtbot.keyClicks(window.repeat, "a long passphrase here")
            window.use_provisioning(agency_file)
            assert window.agency.text() == "MYS-IMI" and window.agency.isReadOnly()
            assert "portal.test" in window.provision_label.text()
            qtbot.keyClicks(window.enrol_code, portal.code("MYS-IMI", "officer"))
            qtbot.mouseClick(window.button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: controller.main_window is not None, timeout=30_000)
            session = controller.session
            assert session is not None
            state = portal_state(session)
            assert state.connected is not None and state.enrolled
        finally:
            close_controller(controller)
