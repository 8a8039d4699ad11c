"""Two lanes for background work (issue 13 item 2): a network call that stalls never holds
the store, so autosave, lists and locking go on while it hangs; and the UI thread runs no
statement at all, not even a quick one (set_metered's status count was one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support import FAST_KDF, PASSPHRASE
from sync_support import FOCAL, connected_post, provisioning_doc

from app.paths import DataPaths
from portal.clock import now_seconds
from portal.registry import create_agency
from services.portal import portal_state
from services.sync_session import sync_engine
from tests.linkproxy import LinkProxy
from tests.portal_server import running_portal
from ui.controller import AppController
from ui.editor import ReportEditor
from ui.report_list import ReportListPage
from ui.settings import UiSettings
from ui.settings_page import SettingsPage
from ui.sync_panel import OutboxPage, SyncControl

from .conftest import close_controller
from .flows import OFFICER, first_run, unlock_as, watch
from .helpers import settle


def test_a_stalled_enrolment_holds_neither_autosave_nor_lists_nor_locking(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with running_portal(tmp_path / "portal") as portal, LinkProxy(portal.address) as proxy:
        create_agency(
            portal.db, code="THA-IMM", member_state="THA", name="Immigration", now=now_seconds()
        )
        agency_file = tmp_path / "agency.json"
        agency_file.write_bytes(provisioning_doc(portal, "THA-IMM", url=proxy.url()))
        controller = AppController(
            DataPaths(tmp_path / "data"),
            settings=UiSettings(tmp_path / "ui.ini"),
            kdf=FAST_KDF,
            engine_factory=None,
        )
        try:
            main = first_run(qtbot, controller)
            settle(qtbot)
            page = main.go("settings")
            assert isinstance(page, SettingsPage)
            page.load_provisioning(str(agency_file))
            qtbot.waitUntil(lambda: "enrolment code" in page.portal_status.text(), timeout=20_000)

            # The portal's link accepts the connection and then says nothing (stall timeout
            # one minute): the enrolment hangs for the rest of this test.
            proxy.set_blackhole(True)
            qtbot.keyClicks(page.enrol_code, portal.code("THA-IMM", "officer"))
            page.enrol()
            qtbot.waitUntil(lambda: proxy.stats.active == 1, timeout=20_000)

            def enrolling() -> bool:
                return (
                    page.portal_message.text() == "Enrolling…" and not page.enrol_button.isEnabled()
                )

            # Autosave: a draft typed now is saved while the enrolment hangs.
            editor = main.go("new")
            assert isinstance(editor, ReportEditor)
            editor.new_report()
            editor.narrative.setPlainText("Saved while the portal link hangs")
            with qtbot.waitSignal(editor.saved, timeout=10_000):
                editor.save_now()
            assert enrolling()

            # A list refresh: My reports shows that draft.
            mine = main.go("mine")
            assert isinstance(mine, ReportListPage)
            mine.reload()
            qtbot.waitUntil(lambda: mine.model.rowCount() == 1, timeout=10_000)
            assert enrolling()

            # Locking: the store closes without waiting for the portal.
            session = controller.session
            assert session is not None
            with qtbot.waitSignal(controller.locked, timeout=10_000):
                controller.lock()
            assert session.is_locked
            assert proxy.blackhole and proxy.stats.active == 1  # still hanging

            # The portal's answer arrives after the lock: it must not touch the store (the
            # certificate is not installed) nor raise anywhere.
            from ui.ops import network_idle

            proxy.set_blackhole(False)
            qtbot.waitUntil(network_idle, timeout=30_000)
            settle(qtbot)
            main = unlock_as(qtbot, controller, OFFICER[0], OFFICER[1])
            assert controller.session is not None
            assert not portal_state(controller.session).enrolled
        finally:
            proxy.set_blackhole(False)
            close_controller(controller)


def _factory(session: object) -> SyncControl:
    return sync_engine(session, stall_timeout=5, connect_timeout=5)  # type: ignore[arg-type]


def test_switching_metered_runs_no_statement_on_the_ui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    with running_portal(tmp_path / "portal") as portal:
        post = connected_post(tmp_path / "post", portal)
        controller = AppController(
            post.paths,
            settings=UiSettings(tmp_path / "ui.ini"),
            kdf=FAST_KDF,
            engine_factory=_factory,
        )
        controller.start()
        timings = watch(controller)
        try:
            main = unlock_as(qtbot, controller, FOCAL, PASSPHRASE)
            bridge = main.bridge
            qtbot.waitUntil(lambda: bridge.engine is not None, timeout=20_000)
            settle(qtbot)
            page = main.go("outbox")
            assert isinstance(page, OutboxPage)
            settle(qtbot)
            before = len(timings.on_ui)
            seen: Callable[[], bool] = lambda: bridge.last_status is not None  # noqa: E731
            qtbot.waitUntil(seen, timeout=10_000)
            page.metered.setChecked(not page.metered.isChecked())
            settings = main.go("settings")
            assert isinstance(settings, SettingsPage)
            settings.metered.setChecked(not settings.metered.isChecked())
            settle(qtbot)
            assert timings.on_ui[before:] == []
            qtbot.mouseClick(page.metered, Qt.MouseButton.LeftButton)
            settle(qtbot)
            assert timings.on_ui[before:] == []
            timings.check()
        finally:
            close_controller(controller)
