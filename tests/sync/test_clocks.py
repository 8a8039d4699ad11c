"""Wrong device clocks against a real portal (issue: the worst links and the wrong clocks).

The device clock is set wrong through app.clock's one seam (no sleeping, no waiting for
time to pass): 400 days behind and 3 days ahead of the portal, which runs on the true time.
Create, submit, approve, sync and history must all succeed and verify; the portal refuses an
observation in its own future; `outpost sync` says when something it tried was not
delivered.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from support import PASSPHRASE, run_cli, sample
from sync_support import RELEASE, Post, connected_post

import app.clock
from app.history import report_history
from app.portal_clock import CLOCK_KEY, PortalClock
from app.reports import ReportService
from app.validation import ReportValidationError
from app.workflow import Workflow
from services.sync_session import sync_engine
from storage.outbox_repo import OutboxRepository
from tests.portal_server import PortalServer, envelopes_on_portal

DAY = 86400.0


@pytest.fixture
def device_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """The device clock = true time + shift[0] seconds (the portal keeps the true time)."""
    shift = [0.0]
    monkeypatch.setattr(app.clock, "_wall", lambda: time.time() + shift[0])
    yield shift


def _observed_today() -> str:
    """An observation an hour ago, in true (portal) time: what the officer saw today."""
    moment = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _forget_offset(post: Post) -> None:
    with post.officer() as s:
        s.db.execute("DELETE FROM meta WHERE key=?", (CLOCK_KEY,))


def _create_and_submit(post: Post, seed: int, observed_at: str) -> str:
    with post.officer() as s:
        report = sample(seed, 0) | {"observed_at": observed_at}
        report_id = ReportService(s.db, s.user, s.audit).create_draft(report).report_id
        Workflow(s.db, s.user, s.audit).submit(report_id)
    return report_id


def _cli(capsys: pytest.CaptureFixture[str], post: Post, *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, *argv)


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASSPHRASE)


@pytest.mark.parametrize("shift_days", [-400.0, 3.0])
@pytest.mark.parametrize("offset_known", [True, False], ids=["offset-known", "no-offset-yet"])
def test_wrong_device_clock_never_blocks_the_work(
    tmp_path: Path,
    live_portal: PortalServer,
    device_clock: list[float],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cli_env: None,
    shift_days: float,
    offset_known: bool,
) -> None:
    device_clock[0] = shift_days * DAY
    post = connected_post(tmp_path / "post", live_portal)
    monkeypatch.setenv("OUTPOST_DATA_DIR", str(post.paths.root))
    if not offset_known:
        _forget_offset(post)
    report_id = _create_and_submit(post, 3, _observed_today())
    with post.focal() as s:  # the focal point decides before any sync
        Workflow(s.db, s.user, s.audit).approve(report_id, RELEASE)

    code, out, err = _cli(capsys, post, "sync", "--no-progress", "--user", "ben")
    assert code == 0, err
    assert "Sync complete: pushed 2" in out
    assert envelopes_on_portal(live_portal, [report_id]) == {report_id: 2}
    with post.focal() as s:
        assert {o.state for o in OutboxRepository(s.db).items()} == {"delivered"}
        assert PortalClock(s.db).known
        assert abs(PortalClock(s.db).offset + shift_days * DAY) < 5  # type: ignore[operator]
        history = report_history(s.db, report_id)
    assert [e.action for e in history] == ["submitted", "acknowledged", "approved", "acknowledged"]
    assert all(e.valid for e in history), [e.signature for e in history]
    code, out, err = _cli(capsys, post, "report", "history", report_id[:8], "--user", "ana")
    assert code == 0, err
    assert "INVALID" not in out


def test_signed_times_follow_the_portal_clock(
    tmp_path: Path, live_portal: PortalServer, device_clock: list[float]
) -> None:
    """Device 3 days ahead: the submission is signed with portal time, so history shows it
    before its receipt, with times in the same order."""
    device_clock[0] = 3 * DAY
    post = connected_post(tmp_path / "post", live_portal)
    report_id = _create_and_submit(post, 5, _observed_today())
    with post.officer() as s:
        assert sync_engine(s).run_pass().error is None
        history = report_history(s.db, report_id)
    assert [e.action for e in history] == ["submitted", "acknowledged"]
    submitted, acknowledged = (datetime.fromisoformat(e.at.replace("Z", "+00:00")) for e in history)
    assert submitted <= acknowledged
    assert abs((acknowledged - datetime.now(UTC)).total_seconds()) < 60


def test_known_offset_refuses_an_observation_in_the_portal_future(
    tmp_path: Path, live_portal: PortalServer, device_clock: list[float]
) -> None:
    device_clock[0] = 3 * DAY
    post = connected_post(tmp_path / "post", live_portal)
    device_now = app.clock.utc_now().strftime("%Y-%m-%dT%H:%M:%SZ")
    with post.officer() as s, pytest.raises(ReportValidationError, match="in the future"):
        report = sample(7, 0) | {"observed_at": device_now}
        ReportService(s.db, s.user, s.audit).create_draft(report)


def test_portal_refuses_an_observation_in_its_own_future(
    tmp_path: Path,
    live_portal: PortalServer,
    device_clock: list[float],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    cli_env: None,
) -> None:
    """Device 3 days ahead, no offset known yet: the client lets the portal judge, and the
    portal refuses an observation 2.4 days in its future; sync says so and exits 1."""
    device_clock[0] = 3 * DAY
    post = connected_post(tmp_path / "post", live_portal)
    monkeypatch.setenv("OUTPOST_DATA_DIR", str(post.paths.root))
    _forget_offset(post)
    ahead = (datetime.now(UTC) + timedelta(days=2.4)).strftime("%Y-%m-%dT%H:%M:%SZ")
    report_id = _create_and_submit(post, 9, ahead)
    code, _, err = _cli(capsys, post, "sync", "--no-progress", "--user", "ana")
    assert code == 1
    assert "not delivered" in err and "wait in the outbox" in err
    assert envelopes_on_portal(live_portal, [report_id]) == {}
    with post.officer() as s:
        (item,) = [o for o in OutboxRepository(s.db).items() if o.kind == "submission"]
    assert item.state == "quarantined"
    assert "portal's future" in (item.last_error or "")
