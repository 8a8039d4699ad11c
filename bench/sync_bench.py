"""Issue 5 and 11 benchmark: 500 queued reports over a satellite link (64 kbit/s each way,
600 ms RTT): (a) an officer's push with the sync engine, (b) a focal point's push of the same
installation's submissions and approvals with its feed (the review items and decisions those
bring down), and (c) a baseline that sends one request per report, as ODK Collect does. Same
run, same shaped link, a fresh portal for each.

Physical limit = bytes on the wire ÷ bandwidth (each direction) + one RTT per request and per
new connection: what a perfect client needs for the bytes the engine sent.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import zstandard

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench.table import print_table  # noqa: E402


def _queued_post(portal: object, root: Path, url: str, n: int) -> object:
    from support import sample
    from sync_support import connected_post

    from app.reports import ReportService
    from app.workflow import Workflow

    post = connected_post(root, portal, url=url)  # type: ignore[arg-type]
    with post.officer() as s:
        service, flow = ReportService(s.db, s.user, s.audit), Workflow(s.db, s.user, s.audit)
        for i in range(n):
            flow.submit(service.create_draft(sample(500, i)).report_id)
    return post


def _approved_post(portal: object, root: Path, url: str, n: int) -> object:
    from sync_support import approved_reports, connected_post

    post = connected_post(root, portal, url=url)  # type: ignore[arg-type]
    approved_reports(post, n, seed=500)
    return post


def run(n: int = 500) -> dict[str, float]:
    from app.sync_store import LocalSyncStore
    from services.portal import portal_client
    from services.sync_session import sync_engine
    from sync.engine import EngineSettings
    from tests.linkproxy import SATELLITE, LinkProxy
    from tests.portal_server import envelopes_on_portal, running_portal

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="outpost-sync-bench-") as tmp:
        for mode in ("engine", "focal", "single", "baseline"):
            root = Path(tmp) / mode
            root.mkdir()
            with running_portal(root / "portal") as portal:
                proxy = LinkProxy(portal.address, SATELLITE).start()
                try:
                    focal = mode == "focal"
                    make = _approved_post if focal else _queued_post
                    post = make(portal, root / "client", proxy.url(), n)
                    who = post.focal if focal else post.officer  # type: ignore[attr-defined]
                    with who() as s:
                        store = LocalSyncStore(s.db, s.audit, s.user)
                        envelopes = [store.envelope(i) for i in store.due(("submission",), n)]
                        ids = [str(e["body"]["report_id"]) for e in envelopes]
                        single = [
                            len(zstandard.ZstdCompressor().compress(_bytes(e))) for e in envelopes
                        ]
                        proxy.reset_stats()
                        started = time.monotonic()
                        pulled = 0
                        if mode in ("engine", "focal", "single"):
                            # "single": the same engine asking for one signed receipt per
                            # envelope (the form old clients get), the baseline for receipts.
                            settings = EngineSettings(batch_receipts=mode == "engine")
                            engine = sync_engine(s, settings)
                            summary = engine.run_pass()
                            assert summary.error is None, summary.error
                            pulled = summary.pulled
                            requests_made = engine.client.traffic().requests
                        else:
                            with portal_client(s) as client:
                                client.hello()
                                for e in envelopes:
                                    client.push_envelopes([e], compress=None)
                                requests_made = client.traffic().requests
                        seconds = time.monotonic() - started
                        stats = proxy.stats
                    on_portal = envelopes_on_portal(portal, ids)
                    copies = 2 if focal else 1  # the submission, and the approval in (b)
                    assert on_portal == dict.fromkeys(ids, copies), "not every report arrived once"
                    limit = (
                        stats.bytes_up / SATELLITE.up.bandwidth  # type: ignore[operator]
                        + stats.bytes_down / SATELLITE.down.bandwidth  # type: ignore[operator]
                        + (requests_made + stats.connections) * SATELLITE.rtt
                    )
                    results[mode] = {
                        "seconds": seconds,
                        "up": stats.bytes_up,
                        "down": stats.bytes_down,
                        "requests": requests_made,
                        "limit": limit,
                        "per_report": (stats.bytes_up + stats.bytes_down) / n,
                        "down_per_report": stats.bytes_down / n,
                        "compressed_envelope": sum(single) / len(single),
                        "pulled": pulled,
                    }
                finally:
                    proxy.stop()
    e, b, one, f = results["engine"], results["baseline"], results["single"], results["focal"]
    print_table(
        f"{n} queued reports over a satellite link (64 kbit/s, 600 ms RTT)",
        ["measure", "engine", "baseline (1 request/report)", "ratio baseline/engine"],
        [
            ("wall time (s)", e["seconds"], b["seconds"], b["seconds"] / e["seconds"]),
            ("bytes up", f"{e['up']:,.0f}", f"{b['up']:,.0f}", b["up"] / e["up"]),
            ("bytes down", f"{e['down']:,.0f}", f"{b['down']:,.0f}", b["down"] / e["down"]),
            ("requests", f"{e['requests']:.0f}", f"{b['requests']:.0f}", ""),
            ("physical limit for these bytes (s)", e["limit"], b["limit"], ""),
            ("time / physical limit", e["seconds"] / e["limit"], b["seconds"] / b["limit"], ""),
            ("wire bytes per report", e["per_report"], b["per_report"], ""),
            ("its compressed envelope (bytes)", e["compressed_envelope"], "", ""),
            ("wire / compressed envelope", e["per_report"] / e["compressed_envelope"], "", ""),
        ],
    )
    print(
        "targets: engine time ≤ 1.25 × physical limit; baseline/engine ≥ 10×; "
        "wire bytes per report ≤ 1.2 × its compressed envelope"
    )
    print_table(
        f"Receipts: downlink per report, {n} reports, same run (issue 11, finding 6)",
        ["measure", "batch receipts", "single receipts", "ratio single/batch"],
        [
            ("bytes down", f"{e['down']:,.0f}", f"{one['down']:,.0f}", one["down"] / e["down"]),
            (
                "downlink per report (bytes)",
                e["down_per_report"],
                one["down_per_report"],
                one["down_per_report"] / e["down_per_report"],
            ),
            ("wall time (s)", e["seconds"], one["seconds"], one["seconds"] / e["seconds"]),
            ("time / physical limit", e["seconds"] / e["limit"], one["seconds"] / one["limit"], ""),
        ],
    )
    print("target: downlink per report ≤ 40 B with batch receipts")
    print_table(
        f"Officer and focal point, {n} reports each, same run (issue 11, finding 5)",
        ["measure", "(a) officer push", "(b) focal point push + feed", "ratio (b)/(a)"],
        [
            ("envelopes pushed", f"{n}", f"{2 * n} (submissions + approvals)", ""),
            ("feed items pulled", f"{e['pulled']:.0f}", f"{f['pulled']:.0f}", ""),
            ("wall time (s)", e["seconds"], f["seconds"], f["seconds"] / e["seconds"]),
            ("bytes up", f"{e['up']:,.0f}", f"{f['up']:,.0f}", f["up"] / e["up"]),
            ("bytes down", f"{e['down']:,.0f}", f"{f['down']:,.0f}", f["down"] / e["down"]),
            ("requests", f"{e['requests']:.0f}", f"{f['requests']:.0f}", ""),
            ("physical limit for these bytes (s)", e["limit"], f["limit"], ""),
            ("time / physical limit", e["seconds"] / e["limit"], f["seconds"] / f["limit"], ""),
            (
                "downlink per report (bytes)",
                e["down_per_report"],
                f["down_per_report"],
                f["down_per_report"] / e["down_per_report"],
            ),
        ],
    )
    print("targets: (a) and (b) ≤ 1.15 × their physical limit; receipts ≤ 40 B per report")
    return {
        "ratio": b["seconds"] / e["seconds"],
        "down_per_report": e["down_per_report"],
        "single_down_per_report": one["down_per_report"],
        "officer_over_limit": e["seconds"] / e["limit"],
        "focal_over_limit": f["seconds"] / f["limit"],
        "focal_down_per_report": f["down_per_report"],
    }


def _bytes(envelope: dict[str, object]) -> bytes:
    from sync.protocol import canonical_bytes

    return canonical_bytes(envelope)
