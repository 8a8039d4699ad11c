"""The sync engine against the real portal over loopback: everything delivered exactly once,
receipts verified, decisions and bulletins pulled; and through shaped, failing links."""

from __future__ import annotations

import os
from pathlib import Path

from sync_support import approved_reports, connected_post

from app.bulletins import BulletinService
from app.reports import ReportService
from cli.wiring import sync_engine
from storage.outbox_repo import OutboxRepository
from tests.linkproxy import FLAKY_2G, LinkProfile, Shape
from tests.portal_server import PortalServer, envelopes_on_portal


def test_push_pull_exactly_once(tmp_path: Path, live_portal: PortalServer) -> None:
    post = connected_post(tmp_path / "post", live_portal)
    ids = approved_reports(post, 5)
    with post.focal() as s:
        summary = sync_engine(s).run_pass()
        assert summary.error is None, summary.error
        assert summary.pushed == 10  # 5 submissions + 5 approvals
        service = ReportService(s.db, s.user)
        assert {service.get(i).status for i in ids} == {"acknowledged"}
        assert {o.state for o in OutboxRepository(s.db).items()} == {"delivered"}
        again = sync_engine(s).run_pass()
        assert again.error is None and again.pushed == 0
    # One submission and one approval per report on the portal, no more, no less.
    assert envelopes_on_portal(live_portal, ids) == dict.fromkeys(ids, 2)
    with post.focal() as s:
        assert s.audit.verify().ok


def test_bulletins_come_down_for_offline_reading(tmp_path: Path, live_portal: PortalServer) -> None:
    from portal.clock import now_seconds
    from portal.registry import publish

    post = connected_post(tmp_path / "post", live_portal)
    publish(
        live_portal.db,
        {
            "kind": "bulletin",
            "title": "Forged visa stickers, series Q",
            "body": "Watch for series Q stickers with blurred microprint.",
            "tlp": "GREEN",
        },
        now=now_seconds(),
    )
    with post.officer() as s:
        assert sync_engine(s).run_pass().error is None
        found = BulletinService(s.db).search("microprint")
        assert [b.title for b in found] == ["Forged visa stickers, series Q"]


def test_flaky_link_attachment_resumes(
    tmp_path: Path, live_portal: PortalServer, link_proxy_factory
) -> None:  # type: ignore[no-untyped-def]
    """A 1 MB attachment over a link cut every ~200 KB: completes, and re-sends at most about
    one chunk per cut."""
    proxy = link_proxy_factory(live_portal.address, FLAKY_2G_FAST)
    post = connected_post(tmp_path / "post", live_portal, url=proxy.url())
    blob = os.urandom(1024 * 1024)
    approved_reports(post, 1, attachment=blob)
    with post.officer() as s:
        engine = sync_engine(s, stall_timeout=10)
        for _ in range(40):
            summary = engine.run_pass()
            if summary.error is None:
                break
        assert summary.error is None, summary.error
        uploads = [o for o in OutboxRepository(s.db).items() if o.kind == "attachment"]
        assert [o.state for o in uploads] == ["delivered"]
        # Each cut costs at most the chunk in flight (chunks start at 128 KiB and halve
        # after a failure); the link cuts every 200 KB, so about 6 cuts for 1 MB + text.
        assert uploads[0].bytes_sent <= len(blob) + 8 * 256 * 1024


FLAKY_2G_FAST = LinkProfile(
    "flaky-fast",
    Shape(latency=0.01, bandwidth=4_000_000, cut_after=200_000),
    Shape(latency=0.01, bandwidth=4_000_000),
    cut_scope="cumulative",
)
_ = FLAKY_2G
