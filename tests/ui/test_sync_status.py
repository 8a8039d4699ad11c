"""Sync status from one source of truth, against the real portal over loopback (issue 12
item 7): the status bar, the dashboard tile and the outbox show what the engine's events
say, at once after unlock, the same numbers everywhere, no stale fractions after a pass,
rows that follow the pass item by item, attempts and plain errors, speed and time left."""

from __future__ import annotations

import itertools
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support import FAST_KDF, PASSPHRASE
from sync_support import FOCAL, OFFICER, Post, approved_reports, connected_post

from resources.i18n import _
from services.sync_session import sync_engine
from storage.outbox_repo import OutboxRepository
from sync.events import Phase
from tests.linkproxy import LinkProfile, LinkProxy, Shape, http_response, kbit
from tests.portal_server import PortalServer, running_portal
from tests.sync.test_engine_failures import Interposer, _pushing
from ui.controller import AppController
from ui.dashboard_page import DashboardPage
from ui.i18n import install_language
from ui.main_window import MainWindow
from ui.settings import UiSettings
from ui.sync_panel import OutboxPage, SyncControl

from .conftest import close_controller
from .flows import noise_photo, unlock_as, write_report
from .helpers import settle


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalServer]:
    with running_portal(tmp_path_factory.mktemp("status-portal")) as server:
        yield server


@pytest.fixture
def proxy(portal: PortalServer) -> Iterator[LinkProxy]:
    with LinkProxy(portal.address) as link:
        yield link


def _controller(
    tmp_path: Path, post: Post, language: str = "en", **timeouts: float
) -> AppController:
    """The real engine for the session (services/sync_session.py), with short timeouts so a
    dead link shows within a test's patience."""
    settings = UiSettings(tmp_path / "ui.ini")
    settings.language = language
    controller = AppController(
        post.paths,
        settings=settings,
        kdf=FAST_KDF,
        engine_factory=_factory(**timeouts),
    )
    controller.start()
    return controller


def _text(main: MainWindow) -> str:
    return main.sync_indicator.label.text()


def _partial_bars(page: OutboxPage) -> dict[str, str]:
    """Bars that show a fraction short of their end (what "0 / 1" after a sync was)."""
    return {
        phase.value: bar.text()
        for phase, bar in page.bars.items()
        if bar.minimum() <= bar.value() < bar.maximum()
    }


def test_status_bar_leaves_starting_at_once_and_says_when_the_portal_is_unreachable(
    qtbot: QtBot, tmp_path: Path, portal: PortalServer, proxy: LinkProxy
) -> None:
    post = connected_post(tmp_path / "post", portal, url=proxy.url())
    approved_reports(post, 1)
    proxy.set_blackhole(True)  # the portal accepts connections and then says nothing
    controller = _controller(tmp_path, post, stall_timeout=6, connect_timeout=6)
    try:
        main = unlock_as(qtbot, controller, FOCAL, PASSPHRASE)
        unlocked = time.monotonic()
        # The engine's first pass hangs on the dead link; the status bar must not wait for it.
        qtbot.waitUntil(lambda: "waiting" in _text(main), timeout=2000)
        assert time.monotonic() - unlocked < 2.0
        assert "starting" not in _text(main)
        assert "2 waiting" in _text(main) and "syncing" in _text(main)
        # When the pass gives up, the bar says the portal cannot be reached (and why).
        qtbot.waitUntil(lambda: "Offline" in _text(main), timeout=20_000)
        assert "sent nothing" in main.sync_indicator.label.toolTip()
        # A rebuilt main window (language switch) shows the state at once, not "starting…".
        controller.change_language("en")
        rebuilt = controller.main_window
        assert rebuilt is not None and rebuilt is not main
        assert "Offline" in _text(rebuilt) and "2 waiting" in _text(rebuilt)
    finally:
        proxy.set_blackhole(False)
        close_controller(controller)


def test_after_a_complete_sync_no_bar_shows_a_fraction(
    qtbot: QtBot, tmp_path: Path, portal: PortalServer
) -> None:
    post = connected_post(tmp_path / "post", portal)
    approved_reports(post, 3)
    controller = _controller(tmp_path, post)
    try:
        main = unlock_as(qtbot, controller, FOCAL, PASSPHRASE)
        page = main.go("outbox")  # the engine's first pass may have ended already
        assert isinstance(page, OutboxPage)
        summaries: list[object] = []
        main.bridge.summary.connect(summaries.append)

        def pass_over() -> bool:
            # The first pass may end before the page is built or the connect above: the page
            # then shows the summary the bridge kept.
            return bool(summaries) or bool(page.last_pass.text())

        qtbot.waitUntil(pass_over, timeout=30_000)
        settle(qtbot)
        assert "0 waiting" in _text(main)
        assert _partial_bars(page) == {}
        assert not main.sync_indicator.bar.isVisible()
        # The pass did move things: the bars were used, then reset.
        assert "6 sent" in page.last_pass.text()
        assert page.bars[Phase.PUSH].text() == ""
    finally:
        close_controller(controller)


def _dashboard(main: MainWindow) -> DashboardPage:
    page = main.page("dashboard")
    assert isinstance(page, DashboardPage)
    return page


def _waiting(text: str) -> str:
    found = re.search(r"(\d+) waiting", text)  # "Online · 6 waiting · …", "6 waiting, 0 …"
    return found.group(1) if found else f"none in {text!r}"


def _three_counts(main: MainWindow, outbox: OutboxPage) -> tuple[str, str, str]:
    tile = _dashboard(main).tile_outbox.value.text()
    return _waiting(_text(main)), tile, _waiting(outbox.counts.text())


def _wait_equal(qtbot: QtBot, read: Callable[[], tuple[str, str, str]], n: int) -> None:
    try:
        qtbot.waitUntil(lambda: read() == (str(n),) * 3, timeout=30_000)
    except AssertionError:
        raise AssertionError(f"status bar, dashboard, outbox: {read()}, expected {n}") from None


def test_status_bar_dashboard_and_outbox_count_the_same(
    qtbot: QtBot, tmp_path: Path, portal: PortalServer, proxy: LinkProxy
) -> None:
    post = connected_post(tmp_path / "post", portal, url=proxy.url())
    approved_reports(post, 3)  # three submissions and three decisions: 6 items
    proxy.set_blackhole(True)
    controller = _controller(tmp_path, post, stall_timeout=4, connect_timeout=4)
    try:
        main = unlock_as(qtbot, controller, FOCAL, PASSPHRASE)
        settle(qtbot)
        _dashboard(main)  # shown first, then left for the outbox
        outbox = main.go("outbox")
        assert isinstance(outbox, OutboxPage)
        _wait_equal(qtbot, lambda: _three_counts(main, outbox), 6)
        proxy.set_blackhole(False)
        main.bridge.sync_now()
        _wait_equal(qtbot, lambda: _three_counts(main, outbox), 0)
        assert "6 delivered" in outbox.counts.text()
    finally:
        proxy.set_blackhole(False)
        close_controller(controller)


def _states(page: OutboxPage) -> list[str]:
    return [row.state for row in page.model.rows]


def test_outbox_rows_follow_the_pass_and_waiting_items_come_first(
    qtbot: QtBot, tmp_path: Path, portal: PortalServer, proxy: LinkProxy
) -> None:
    post = connected_post(tmp_path / "post", portal, url=proxy.url())
    approved_reports(post, 2, attachment=os.urandom(20_000))  # one photo in both: 5 items
    proxy.set_blackhole(True)  # the first pass (at unlock) fails: the rows are read first
    settings = UiSettings(tmp_path / "ui.ini")
    settings.metered = True  # the attachment waits for an unmetered link: it stays pending
    controller = AppController(
        post.paths,
        settings=settings,
        kdf=FAST_KDF,
        engine_factory=_factory(stall_timeout=3, connect_timeout=3),
    )
    controller.start()
    try:
        main = unlock_as(qtbot, controller, FOCAL, PASSPHRASE)
        page = main.go("outbox")
        assert isinstance(page, OutboxPage)
        qtbot.waitUntil(lambda: "Offline" in _text(main), timeout=30_000)
        settle(qtbot)
        assert len(page.model.rows) == 5
        seen: list[tuple[bool, list[str]]] = []  # at each item event: pass running?, rows
        main.bridge.item.connect(
            lambda _u: seen.append((bool(main.bridge.last_status.running), _states(page)))
        )
        summaries: list[object] = []
        main.bridge.summary.connect(summaries.append)
        proxy.set_blackhole(False)
        main.bridge.sync_now()
        qtbot.waitUntil(lambda: bool(summaries), timeout=30_000)
        settle(qtbot)
        # While the pass ran, the rows changed one by one (no refresh in between).
        delivered = [s.count("delivered") for running, s in seen if running]
        assert delivered == [1, 2, 3, 4]
        # Waiting items sit above delivered ones, not in the order they were queued.
        assert _states(page) == ["pending"] + ["delivered"] * 4
        assert page.model.rows[0].kind == "attachment"
    finally:
        proxy.set_blackhole(False)
        close_controller(controller)


def _factory(**timeouts: float) -> Callable[[object], SyncControl]:
    def factory(session: object) -> SyncControl:
        return sync_engine(session, **timeouts)  # type: ignore[arg-type]

    return factory


def _cell(page: OutboxPage, row: int, column: int) -> str:
    if row >= len(page.model.rows):
        return "(not listed yet)"
    return str(page.model.data(page.model.index(row, column), Qt.ItemDataRole.DisplayRole))


@pytest.mark.parametrize("language", ["en", "id"])
def test_attempts_count_up_and_the_error_is_in_plain_words(
    qtbot: QtBot, tmp_path: Path, portal: PortalServer, language: str
) -> None:
    box = Interposer(portal)
    box.rule = lambda req, _resp: http_response(502, b"bad gateway") if _pushing(req) else None
    with box.server:
        post = connected_post(tmp_path / "post", portal, url=box.server.url)
        approved_reports(post, 1)
        controller = _controller(tmp_path, post, language)  # the officer's language
        try:
            main = unlock_as(qtbot, controller, FOCAL, PASSPHRASE)
            page = main.go("outbox")
            assert isinstance(page, OutboxPage)
            attempts = page.model.headers.index(page.model.tr("Attempts"))
            errors = attempts + 1
            expected = _(  # in the language the controller installed
                "The portal failed (HTTP {status}{what}). The work stays queued and is "
                "retried later; if this persists, tell the portal operator."
            ).format(status=502, what="")
            if language != "en":
                assert "retried later" not in expected and "HTTP 502" in expected

            def counts() -> list[int]:
                shown = [_cell(page, r, attempts) for r in (0, 1)]
                return [int(n) if n.isdigit() else 0 for n in shown]

            # The pass at unlock fails (and the backoff's retry may too): counted, shown.
            qtbot.waitUntil(lambda: min(counts()) >= 1, timeout=30_000)
            before = max(counts())
            assert _cell(page, 0, errors) == expected and _cell(page, 1, errors) == expected
            assert _cell(page, 0, 2) == page.model.tr("Failed, retried")
            main.bridge.sync_now()  # one more attempt, failing too: counted again
            qtbot.waitUntil(lambda: min(counts()) > before, timeout=30_000)
        finally:
            close_controller(controller)
            install_language("en")  # the next tests start in English


# -- a slow link: speed, time left and one state everywhere while the upload runs -------------

SLOW = LinkProfile(  # a 64 kbit/s link each way (a post's satellite or 2G modem)
    "64kbit",
    Shape(latency=0.05, bandwidth=kbit(64)),
    Shape(latency=0.05, bandwidth=kbit(64)),
)


def _rate(text: str) -> tuple[float, float] | None:
    """(bytes per second, seconds left) from "… · 7.8 KB/s, about 25 s left"."""
    found = re.search(r"([\d.]+) (B|KB|MB)/s, about (\d+) (s|min) left", text)
    if found is None:
        return None
    scale = {"B": 1, "KB": 1024, "MB": 2**20}[found.group(2)]
    left = int(found.group(3)) * (60 if found.group(4) == "min" else 1)
    return float(found.group(1)) * scale, float(left)


@dataclass
class Seen:
    """One look at the three places that show the sync, at one moment of the upload."""

    at: float  # monotonic seconds
    status_bar: str
    rate: tuple[float, float] | None
    tile: str
    tile_detail: str
    outbox_counts: str
    states: list[str]  # the outbox rows' State column, as shown


def _look(main: MainWindow, outbox: OutboxPage) -> Seen:
    text = _text(main)
    states = [_cell(outbox, r, 2) for r in range(len(outbox.model.rows))]
    tile = _dashboard(main).tile_outbox
    return Seen(
        time.monotonic(),
        text,
        _rate(text),
        tile.value.text(),
        tile.detail.text(),
        outbox.counts.text(),
        states,
    )


def test_a_slow_upload_shows_its_speed_and_time_left_and_one_state_everywhere(
    qtbot: QtBot, tmp_path: Path, portal: PortalServer, proxy: LinkProxy
) -> None:
    post = connected_post(tmp_path / "post", portal, url=proxy.url())
    controller = _controller(tmp_path, post)
    try:
        main = unlock_as(qtbot, controller, OFFICER, PASSPHRASE)
        qtbot.waitUntil(lambda: "Online" in _text(main), timeout=20_000)  # the first pass
        picture = noise_photo(tmp_path / "passport-page.png", 300, 200)  # ~180 KB
        assert 150_000 < picture.stat().st_size < 250_000
        write_report(qtbot, main, tmp_path, "Counterfeit passport, slow link.", picture)
        outbox = main.go("outbox")
        assert isinstance(outbox, OutboxPage)
        settle(qtbot)
        proxy.set_profile(SLOW)
        summaries: list[object] = []
        main.bridge.summary.connect(summaries.append)
        qtbot.mouseClick(main.sync_indicator.sync_button, Qt.MouseButton.LeftButton)
        looks: list[Seen] = []
        while not summaries:
            looks.append(_look(main, outbox))
            qtbot.wait(250)
        settle(qtbot)
        sending = outbox.model.tr("Sending")
        uploading = [seen for seen in looks if sending in seen.states]
        measured = [seen for seen in uploading if seen.rate is not None]
        assert len(measured) >= 10, [seen.status_bar for seen in looks]
        # Plausible speed: within a factor of 2 of the link's 8,000 bytes/s, every time.
        speeds = [seen.rate[0] for seen in measured if seen.rate is not None]
        assert all(kbit(64) / 2 <= s <= kbit(64) * 2 for s in speeds), speeds
        # Time left runs down as the upload goes on (never up by more than a rounding).
        lefts = [seen.rate[1] for seen in measured if seen.rate is not None]
        shown = [(round(seen.at, 1), seen.status_bar) for seen in looks]
        assert lefts[0] - lefts[-1] >= 4, shown
        assert all(b <= a + 1 for a, b in itertools.pairwise(lefts)), lefts
        for seen in uploading:
            # Before the first chunk is through, a speed would be the socket's buffer: none.
            assert seen.rate is not None or "measuring the speed…" in seen.status_bar, seen
            # The three places say the same: one waiting (the photo; the report's text went
            # first), the tile with the status bar's speed, that one row being sent.
            waiting = (_waiting(seen.status_bar), seen.tile, _waiting(seen.outbox_counts))
            assert waiting == ("1", "1", "1"), seen
            assert seen.tile_detail and seen.status_bar.endswith(seen.tile_detail), seen
            assert seen.states[0] == sending and seen.states.count(sending) == 1, seen
        # Afterwards: nothing waits anywhere, no bar stops part way, no speed is left shown.
        after = _look(main, outbox)
        waiting = (_waiting(after.status_bar), after.tile, _waiting(after.outbox_counts))
        assert waiting == ("0", "0", "0"), after
        assert "/s" not in after.status_bar and after.tile_detail == "", after
        assert outbox.rate.text() == "" and sending not in after.states, after
        assert _partial_bars(outbox) == {}
        bar = main.sync_indicator.bar
        assert not bar.isVisible() and not (bar.minimum() < bar.value() < bar.maximum())
    finally:
        close_controller(controller)


def test_the_row_marked_sending_is_the_attachment_being_uploaded(
    qtbot: QtBot, tmp_path: Path, portal: PortalServer, proxy: LinkProxy
) -> None:
    # Two photos of the same size; the older one waits for its retry (not due), so the engine
    # uploads the newer one. Guessing by size would mark the older row.
    post = connected_post(tmp_path / "post", portal, url=proxy.url())
    approved_reports(post, 1, seed=61, attachment=os.urandom(40_000))
    approved_reports(post, 1, seed=62, attachment=os.urandom(40_000))
    with post.officer() as s:
        outbox = OutboxRepository(s.db)
        older, newer = [o.id for o in outbox.items() if o.kind == "attachment"]
        outbox.record_failure(older, "cut", "2999-01-01T00:00:00Z")  # retried much later
    proxy.set_profile(SLOW)  # 40 KB take 5 s: long enough to look
    controller = _controller(tmp_path, post)
    try:
        main = unlock_as(qtbot, controller, FOCAL, PASSPHRASE)
        page = main.go("outbox")
        assert isinstance(page, OutboxPage)
        sending = page.model.tr("Sending")
        looks: list[tuple[int | None, dict[int, str]]] = []  # (item sent, state per item)

        def look() -> bool:
            marked = page.model.sending
            states = {row.id: _cell(page, i, 2) for i, row in enumerate(page.model.rows)}
            looks.append((None if marked is None else marked[0], states))
            return page.model.count("delivered") == 5  # 4 envelopes and the newer photo

        qtbot.waitUntil(look, timeout=60_000)
        assert all(states.get(older) != sending for _item, states in looks), looks
        assert {item for item, _states in looks} - {None} == {newer}, (older, newer, looks)
        shown = [states for _item, states in looks if states.get(newer) == sending]
        assert len(shown) >= 3, looks
    finally:
        close_controller(controller)
