"""The sync engine against the real portal over loopback: everything delivered exactly once,
receipts verified, decisions and bulletins pulled; and through shaped, failing links."""

from __future__ import annotations

import os
from pathlib import Path

from sync_support import approved_reports, connected_post

from app.bulletins import BulletinService
from app.reports import ReportService
from services.sync_session import sync_engine
from storage.outbox_repo import OutboxRepository
from tests.linkproxy import LinkProfile, Shape
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
    # The portal is shared by the session's tests, and others publish bulletins about
    # microprint too: a batch number of this test's own narrows the search to its bulletin.
    batch = "b" + os.urandom(6).hex()
    publish(
        live_portal.db,
        {
            "kind": "bulletin",
            "title": "Forged visa stickers, series Q",
            "body": f"Watch for series Q stickers with blurred microprint, batch {batch}.",
            "tlp": "GREEN",
        },
        now=now_seconds(),
    )
    with post.officer() as s:
        assert sync_engine(s).run_pass().error is None
        found = BulletinService(s.db, s.user.id).search(f"microprint {batch}")
        assert [b.title for b in found] == ["Forged visa stickers, series Q"]


def test_flaky_link_5_mb_attachment_resumes(
    tmp_path: Path,
    live_portal: PortalServer,
    link_proxy_factory,  # type: ignore[no-untyped-def]
) -> None:
    """A 5 MB attachment over the flaky profile's cuts (every ~200 KB upstream; bandwidth
    raised so the test takes seconds, not minutes): completes, and the bytes up the link are at
    most the file plus one chunk per cut."""
    proxy = link_proxy_factory(live_portal.address, FLAKY_2G_FAST)
    post = connected_post(tmp_path / "post", live_portal, url=proxy.url())
    blob = os.urandom(5 * 1024 * 1024)
    approved_reports(post, 1, attachment=blob)
    with post.officer() as s:
        engine = sync_engine(s, stall_timeout=10)
        for _ in range(200):
            summary = engine.run_pass()
            if summary.error is None:
                break
        assert summary.error is None, summary.error
        uploads = [o for o in OutboxRepository(s.db).items() if o.kind == "attachment"]
        assert [o.state for o in uploads] == ["delivered"]
        cuts = proxy.stats.cuts
        assert cuts >= 10  # the link really did cut, many times
        # Chunks start at 128 KiB and grow only after four quick ones in a row, which a link
        # cut every 200 KB never allows: a cut loses at most one 128 KiB chunk.
        wire = proxy.stats.bytes_up  # the attachment plus the two envelopes and every header
        print(f"5 MB: {cuts} cuts, {wire:,} bytes up the link for {len(blob):,}")
        assert wire <= len(blob) + cuts * 128 * 1024 + 256 * 1024, (cuts, wire)
        # The outbox counts what the portal holds, not what was lost on the cuts.
        assert uploads[0].bytes_sent == len(blob), uploads[0]


FLAKY_2G_FAST = LinkProfile(
    "flaky-fast",
    Shape(latency=0.01, bandwidth=4_000_000, cut_after=200_000),
    Shape(latency=0.01, bandwidth=4_000_000),
    cut_scope="cumulative",
)
