"""The engine's events are enough to show the sync state (issue 12 item 7): the link is
reported as soon as the portal answers, each outbox item's change is an event while the pass
runs, every failed attempt is counted with its reason in plain words, and the bytes of a
push are reported as they leave. Against the real portal on loopback."""

from __future__ import annotations

from pathlib import Path

from sync_support import Post, approved_reports, connected_post

from services.sync_session import sync_engine
from storage.outbox_repo import OutboxRepository
from sync.events import ItemUpdate, LinkState, PassSummary, Phase, Progress, Status, SyncEvent
from tests.linkproxy import http_response
from tests.portal_server import PortalServer
from tests.sync.test_engine_failures import Interposer, _pushing, interposer

__all__ = ["interposer"]  # the fixture: a real portal with a scripted fault on top


def _run(post: Post, **timeouts: float) -> tuple[PassSummary, list[SyncEvent]]:
    events: list[SyncEvent] = []
    with post.focal() as s:
        engine = sync_engine(s, **timeouts)
        engine.add_listener(events.append)
        summary = engine.run_pass()
    return summary, events


def test_items_change_one_by_one_while_the_pass_runs(
    tmp_path: Path, live_portal: PortalServer
) -> None:
    post = connected_post(tmp_path / "post", live_portal)
    approved_reports(post, 2)
    summary, events = _run(post)
    assert summary.complete, summary.error
    end = events.index(summary)
    # The link is known (a status) before anything is pushed, while the pass is running.
    first_push = next(
        i for i, e in enumerate(events) if isinstance(e, Progress) and e.phase is Phase.PUSH
    )
    online = [
        i
        for i, e in enumerate(events[:first_push])
        if isinstance(e, Status) and e.link is LinkState.ONLINE and e.running
    ]
    assert online, "no status said the portal answered before the push"
    updates = [(i, e) for i, e in enumerate(events) if isinstance(e, ItemUpdate)]
    with post.focal() as s:
        items = {o.id: o for o in OutboxRepository(s.db).items()}
    assert sorted(u.item_id for _i, u in updates) == sorted(items)
    assert all(i < end and u.state == "delivered" and u.attempts == 0 for i, u in updates)
    assert all(u.kind == items[u.item_id].kind for _i, u in updates)
    # A status after the push counts what is still waiting, before the pass ends.
    assert any(isinstance(e, Status) and e.running and e.waiting == 0 for e in events[:end])
    # Bytes are reported as they leave, not only when the batch is answered.
    pushed = [e for e in events if isinstance(e, Progress) and e.phase is Phase.PUSH]
    assert any(e.items_done == 0 and e.bytes_done > 0 for e in pushed)
    assert pushed[-1].bytes_done > 0


def test_every_failed_attempt_is_counted_with_its_reason(
    tmp_path: Path, live_portal: PortalServer, interposer: Interposer
) -> None:
    post = connected_post(tmp_path / "post", live_portal, url=interposer.server.url)
    approved_reports(post, 1)
    # The portal answers hello, then fails every push (a broken gateway behind it).
    interposer.rule = lambda req, _resp: (
        http_response(502, b"bad gateway") if _pushing(req) else None
    )
    for attempt in (1, 2):
        summary, events = _run(post)
        assert summary.error is not None and "HTTP 502" in summary.error
        updates = [e for e in events if isinstance(e, ItemUpdate)]
        assert len(updates) == 2 and {u.attempts for u in updates} == {attempt}
        assert all(u.state == "pending" and u.last_error == summary.error for u in updates)
        with post.focal() as s:
            items = OutboxRepository(s.db).items()
        assert [o.attempts for o in items] == [attempt, attempt]
        assert all(o.state == "pending" and o.last_error == summary.error for o in items)
    interposer.rule = lambda _req, _resp: None  # the portal recovers
    summary, events = _run(post)
    assert summary.complete, summary.error
    with post.focal() as s:
        items = OutboxRepository(s.db).items()
    assert {(o.state, o.last_error) for o in items} == {("delivered", None)}
    assert [o.attempts for o in items] == [2, 2]  # the history of the item stays
