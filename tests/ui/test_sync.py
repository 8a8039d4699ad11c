"""The Outbox & sync panel and the status-bar indicator: engine events cross from the
engine's thread to the widgets; the buttons drive the engine; and, against the real portal
started by the test, the whole officer → focal point → portal round trip."""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support import FAST_KDF, PASSPHRASE

from app.paths import DataPaths
from sync.events import LinkState, PassSummary, Phase, Progress, Status
from ui.controller import AppController
from ui.settings import UiSettings
from ui.sync_panel import OutboxPage, SyncControl

from .conftest import close_controller
from .flows import (
    confirm_signing,
    first_run,
    lock,
    select_in_queue,
    unlock_as,
    watch,
    write_report,
)
from .helpers import settle


class FakeEngine:
    """Speaks the engine's interface; events come from another thread, as the real one's do."""

    def __init__(self) -> None:
        self.listeners: list[Callable[[Progress | Status | PassSummary], None]] = []
        self.calls: list[str] = []
        self.metered: bool | None = None

    def add_listener(self, cb: Callable[[Progress | Status | PassSummary], None]) -> None:
        self.listeners.append(cb)

    def sync_now(self) -> None:
        self.calls.append("sync_now")

    def cancel(self) -> None:
        self.calls.append("cancel")

    def set_metered(self, metered: bool) -> None:
        self.metered = metered

    def network_changed(self) -> None:
        self.calls.append("network_changed")

    def status(self) -> Status:
        return Status(LinkState.OFFLINE, 2, 0, False, None, None, 30.0)

    def emit_from_thread(self, *events: Progress | Status | PassSummary) -> None:
        def run() -> None:
            for event in events:
                for cb in self.listeners:
                    cb(event)

        worker = threading.Thread(target=run, name="fake-sync")
        worker.start()
        worker.join()


def test_panel_and_indicator_follow_the_engine(qtbot: QtBot, tmp_path: Path) -> None:
    fake = FakeEngine()
    engine: SyncControl = fake  # the fake satisfies the protocol the GUI relies on
    controller = AppController(
        DataPaths(tmp_path / "data"),
        settings=UiSettings(tmp_path / "ui.ini"),
        kdf=FAST_KDF,
        engine_factory=lambda _session: engine,
    )
    try:
        main = first_run(qtbot, controller)
        settle(qtbot)
        page = main.go("outbox")
        assert isinstance(page, OutboxPage)
        settle(qtbot)
        assert not page.engine_note.isVisible()
        assert "Offline" in page.state.text() and "2 waiting" in page.state.text()
        indicator = main.sync_indicator
        assert "Offline" in indicator.label.text()

        fake.emit_from_thread(
            Status(LinkState.ONLINE, 2, 1, True, None, None, None),
            Progress(Phase.PUSH, 1, 2, 100, 200),
            Progress(Phase.UPLOAD, 0, 1, 512, 2048),
        )
        qtbot.waitUntil(lambda: page.bars[Phase.PUSH].maximum() == 2, timeout=5000)
        assert page.bars[Phase.PUSH].value() == 1 and page.bars[Phase.PUSH].maximum() == 2
        assert "Online" in indicator.label.text() and "1 refused" in indicator.label.text()
        assert page.cancel_button.isEnabled() and indicator.bar.isVisible()

        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(indicator.sync_button, Qt.MouseButton.LeftButton)
        page.metered.setChecked(not page.metered.isChecked())
        settle(qtbot)  # applied on the store lane: the engine's status counts the outbox
        assert fake.metered == page.metered.isChecked()
        controller._network_changed()  # what QNetworkInformation's reachability change calls
        assert fake.calls == ["sync_now", "cancel", "sync_now", "network_changed"]

        fake.emit_from_thread(
            Status(
                LinkState.ONLINE, 0, 1, False, "Portal refused item 3: bad signature", None, None
            ),
            PassSummary(2, 1, 4, 1, 3000, 5000, 1.5, None),
        )
        qtbot.waitUntil(lambda: "4 received" in page.last_pass.text(), timeout=5000)
        assert "bad signature" in page.error.text()
        assert "bad signature" in indicator.label.toolTip()
    finally:
        close_controller(controller)
    # After the lock, late events from the engine reach no widget (and raise nothing).
    fake.emit_from_thread(Status(LinkState.ONLINE, 0, 0, False, None, None, None))


def test_without_an_engine_the_panel_says_so(qtbot: QtBot, controller: AppController) -> None:
    main = first_run(qtbot, controller)
    page = main.go("outbox")
    settle(qtbot)
    assert isinstance(page, OutboxPage)
    assert page.engine_note.isVisible() and "not set up" in page.engine_note.text()
    assert not page.sync_button.isEnabled()
    assert "not set up" in main.sync_indicator.label.text()


# -- against the real portal ----------------------------------------------------------------

HAVE_ENGINE = all(
    importlib.util.find_spec(m) is not None
    for m in ("sync.engine", "services.sync_session", "sync_support")
)


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from tests.portal_server import running_portal

    with running_portal(tmp_path_factory.mktemp("ui-portal")) as server:
        yield server


def _outbox_states(page: OutboxPage) -> dict[str, set[str]]:
    states: dict[str, set[str]] = {}
    for row in page.model.rows:
        states.setdefault(row.kind, set()).add(row.state)
    return states


def _sync_until_delivered(qtbot: QtBot, page: OutboxPage, kinds: set[str]) -> None:
    def delivered() -> bool:
        page.refresh()
        settle(qtbot, 1)
        states = _outbox_states(page)
        return all(states.get(k) == {"delivered"} for k in kinds)

    qtbot.waitUntil(lambda: page.sync_button.isEnabled(), timeout=30_000)
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(delivered, timeout=60_000)


@pytest.mark.skipif(not HAVE_ENGINE, reason="needs sync.engine")
def test_sync_against_the_portal_and_the_officer_sees_the_decision(
    qtbot: QtBot, tmp_path: Path, portal: object
) -> None:
    from sync_support import FOCAL, OFFICER, connected_post

    post = connected_post(tmp_path / "post", portal)  # type: ignore[arg-type]
    controller = AppController(post.paths, settings=UiSettings(tmp_path / "ui.ini"), kdf=FAST_KDF)
    timings = watch(controller)
    try:
        controller.start()
        main = unlock_as(qtbot, controller, OFFICER, PASSPHRASE)
        report_id = write_report(qtbot, main, tmp_path, "Counterfeit passport, synced.")
        page = main.go("outbox")
        assert isinstance(page, OutboxPage)
        _sync_until_delivered(qtbot, page, {"submission", "attachment"})
        lock(qtbot, controller)

        main = unlock_as(qtbot, controller, FOCAL, PASSPHRASE)
        review = main.go("review")
        select_in_queue(qtbot, review, report_id)  # type: ignore[arg-type]
        review.legal_basis.setText("MOU-TEST-1")  # type: ignore[attr-defined]
        review.release_to.setText("KEN")  # type: ignore[attr-defined]  # in the directory
        with qtbot.waitSignal(review.decided, timeout=30_000):  # type: ignore[attr-defined]
            qtbot.mouseClick(review.approve_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
            confirm_signing(qtbot, review)  # type: ignore[arg-type]
        page = main.go("outbox")
        assert isinstance(page, OutboxPage)
        _sync_until_delivered(qtbot, page, {"submission", "attachment", "approval"})
        lock(qtbot, controller)

        main = unlock_as(qtbot, controller, OFFICER, PASSPHRASE)
        listing = main.go("mine")
        settle(qtbot)
        rows = {r.report_id: r for r in listing.model.rows}  # type: ignore[attr-defined]
        assert rows[report_id].status == "acknowledged"
        dialog = main.show_report(report_id)
        settle(qtbot)
        actions = [h.action for h in dialog.detail.detail.history]
        assert actions[0] == "submitted"
        assert {"approved", "acknowledged"} <= set(actions)
        assert all(h.valid for h in dialog.detail.detail.history)
        dialog.reject()
        timings.check()
    finally:
        close_controller(controller)


@pytest.mark.skipif(not HAVE_ENGINE, reason="needs sync.engine")
def test_offline_bundle_export_from_the_outbox(
    qtbot: QtBot, tmp_path: Path, portal: object
) -> None:
    from sync_support import FOCAL, approved_reports, connected_post

    from services.sync_session import sync_engine

    post = connected_post(tmp_path / "post", portal)  # type: ignore[arg-type]
    approved_reports(post, 2)

    class NotStarted:
        """The real engine, never started: this post has no link, as when bundles are used."""

        def __init__(self, engine: object) -> None:
            self._engine = engine

        def __getattr__(self, name: str) -> object:
            if name in ("start", "stop"):
                raise AttributeError(name)
            return getattr(self._engine, name)

    controller = AppController(
        post.paths,
        settings=UiSettings(tmp_path / "ui.ini"),
        kdf=FAST_KDF,
        engine_factory=lambda session: NotStarted(sync_engine(session)),  # type: ignore[arg-type,return-value]
    )
    try:
        controller.start()
        main = unlock_as(qtbot, controller, FOCAL, PASSPHRASE)
        page = main.go("outbox")
        assert isinstance(page, OutboxPage)
        qtbot.waitUntil(page.export_button.isEnabled, timeout=30_000)
        out = tmp_path / "usb" / "post.outpost-bundle"
        out.parent.mkdir()
        page.export_bundle(out)
        qtbot.waitUntil(lambda: "Bundle written" in page.last_pass.text(), timeout=30_000)
        assert out.stat().st_size > 0
    finally:
        close_controller(controller)
