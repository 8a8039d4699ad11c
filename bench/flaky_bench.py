"""Issue 11 benchmark, the worst link: cut every 4 KB each way, 40 kbit/s, 800 ms RTT with
±300 ms jitter. A focal point's installation holds 60 reports its officer submitted and it
approved, the portal has a feed of 200 bulletins for it, and one `outpost sync` run (the
engine's `run_until_done`, as `cmd_sync` calls it, with its default deadline) must deliver all
of it: every envelope on the portal exactly once, the outbox empty, the feed received.

Physical limit = bytes on the wire ÷ bandwidth (each direction) + one RTT per request and per
new connection: what a perfect client needs for the bytes and connections this run used (on a
link cut every 4 KB most connections are forced by the cuts).
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench.table import print_table  # noqa: E402
from tests.linkproxy import LinkProfile, Shape, kbit  # noqa: E402

# Jitter is per direction: ±150 ms each way is ±300 ms on the round trip.
FLAKY_4K = LinkProfile(
    "flaky-4k",
    Shape(latency=0.4, jitter=0.15, bandwidth=kbit(40), cut_after=4096),
    Shape(latency=0.4, jitter=0.15, bandwidth=kbit(40), cut_after=4096),
    cut_scope="cumulative",
)
BULLETIN_BODY = (
    "Counterfeit entry stamps of the northern crossing, series {n}: the microprint under the "
    "date is blurred and the ink fluoresces green under UV. Check every stamp dated this month "
    "against the reference sheet and report any match with a photo of the page."
)


def quiet_cut_requests() -> None:
    """A request cut mid-body is logged by the portal with a traceback, dozens a run: the
    table is the result. Call after the portal starts (uvicorn sets its loggers then)."""
    for name in ("portal", "uvicorn.error"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def publish_feed(portal: object, items: int) -> None:
    """`items` bulletins for every focal point of the portal (TLP:GREEN)."""
    from portal.clock import now_seconds
    from portal.registry import publish

    for n in range(items):
        publish(
            portal.db,  # type: ignore[attr-defined]
            {
                "kind": "bulletin",
                "title": f"Stamp series {n}",
                "body": BULLETIN_BODY.format(n=n),
                "tlp": "GREEN",
            },
            now=now_seconds(),
        )


def run(n: int = 60, feed: int = 200) -> dict[str, float]:
    from sync_support import approved_reports, connected_post

    from cli.sync_commands import DEFAULT_MAX_TIME
    from services.sync_session import sync_engine
    from storage.outbox_repo import OutboxRepository
    from tests.linkproxy import DIRECT, LinkProxy
    from tests.portal_server import envelopes_on_portal, running_portal

    with tempfile.TemporaryDirectory(prefix="outpost-flaky-bench-") as tmp:
        root = Path(tmp)
        with running_portal(root / "portal") as portal:
            quiet_cut_requests()
            # Enrolment and the queue are made over a clean link; only the sync is measured.
            proxy = LinkProxy(portal.address, DIRECT).start()
            try:
                post = connected_post(root / "client", portal, url=proxy.url())
                ids = approved_reports(post, n, seed=700)
                publish_feed(portal, feed)
                proxy.set_profile(FLAKY_4K)
                proxy.reset_stats()
                with post.focal() as s:
                    engine = sync_engine(s)
                    started = time.monotonic()
                    summary = engine.run_until_done(DEFAULT_MAX_TIME)
                    seconds = time.monotonic() - started
                    requests_made = engine.client.traffic().requests
                    stats = proxy.stats
                    states = {o.state for o in OutboxRepository(s.db).items()}
                    row = s.db.execute_one("SELECT count(*) FROM feed_items WHERE kind='bulletin'")
                    bulletins = int(row[0]) if row is not None else 0
            finally:
                proxy.stop()
            on_portal = envelopes_on_portal(portal, ids)
    exactly_once = on_portal == dict.fromkeys(ids, 2)
    complete = summary.complete and states == {"delivered"} and exactly_once and bulletins >= feed
    limit = (
        stats.bytes_up / FLAKY_4K.up.bandwidth  # type: ignore[operator]
        + stats.bytes_down / FLAKY_4K.down.bandwidth  # type: ignore[operator]
        + (requests_made + stats.connections) * FLAKY_4K.rtt
    )
    print_table(
        f"Link cut every 4 KB (40 kbit/s, 800 ms RTT ±300 ms): {n} reports submitted and "
        f"approved, a feed of {feed} bulletins, one `outpost sync` run",
        ["measure", "value"],
        [
            ("completed", "yes" if complete else f"NO ({summary.error or states})"),
            ("envelopes on the portal exactly once", f"{sum(on_portal.values())} / {2 * n}"),
            ("bulletins received", f"{bulletins} / {feed}"),
            ("feed items pulled (bulletins, review items, decisions)", f"{summary.pulled}"),
            ("passes (one per cut it went on after)", f"{summary.passes}"),
            ("cuts", f"{stats.cuts}"),
            ("wall time (s)", seconds),
            ("bytes up", f"{stats.bytes_up:,}"),
            ("bytes down", f"{stats.bytes_down:,}"),
            ("requests", f"{requests_made}"),
            ("connections", f"{stats.connections}"),
            ("physical limit for these bytes (s)", limit),
            ("time / physical limit", seconds / limit),
        ],
    )
    print(f"target: completes within one run (deadline {DEFAULT_MAX_TIME:.0f} s)")
    return {"complete": float(complete), "seconds": seconds, "over_limit": seconds / limit}
