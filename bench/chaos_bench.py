"""Issue 11 benchmark: SIGKILL chaos on the flaky-4KB link. Each trial the focal point queues
two reports (submitted and approved), a sync process is started and killed at a random moment,
and one more `outpost sync` run (run_until_done, its default deadline) must leave every
envelope on the portal exactly once and the outbox delivered. The kill script and the checks
are tests/sync/test_chaos.py's; the link is bench/flaky_bench.py's.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench.flaky_bench import FLAKY_4K, quiet_cut_requests  # noqa: E402
from bench.table import print_table  # noqa: E402

TRIALS = int(os.environ.get("OUTPOST_CHAOS_TRIALS", "50"))


def run(trials: int = TRIALS) -> dict[str, float]:
    from sync_support import FOCAL, PASSPHRASE, approved_reports, connected_post

    from cli.sync_commands import DEFAULT_MAX_TIME
    from services.sync_session import sync_engine
    from storage.outbox_repo import OutboxRepository
    from tests.linkproxy import DIRECT, LinkProxy
    from tests.portal_server import envelopes_on_portal, running_portal
    from tests.sync.test_chaos import SYNC_SCRIPT

    rng = random.Random(2611)
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}
    killed = finished = lost = duplicated = failed = 0
    recovery: list[float] = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="outpost-chaos-bench-") as tmp:
        root = Path(tmp)
        with running_portal(root / "portal") as portal:
            quiet_cut_requests()
            proxy = LinkProxy(portal.address, DIRECT).start()
            try:
                post = connected_post(root / "client", portal, url=proxy.url())
                all_ids: list[str] = []
                for trial in range(trials):
                    proxy.set_profile(DIRECT)  # the queue is made offline, not on the link
                    all_ids += approved_reports(post, 2, seed=3000 + trial)
                    proxy.set_profile(FLAKY_4K)
                    proc = subprocess.Popen(
                        [sys.executable, "-c", SYNC_SCRIPT, str(post.paths.root), FOCAL,
                         PASSPHRASE],
                        stdout=subprocess.PIPE,
                        cwd=ROOT,
                        env=env,
                    )  # fmt: skip
                    assert proc.stdout is not None
                    proc.stdout.readline()  # "ready"
                    time.sleep(rng.uniform(0.0, 6.0))  # a pass here takes several seconds
                    if proc.poll() is None:
                        proc.send_signal(signal.SIGKILL)
                        killed += 1
                    else:
                        finished += 1
                    proc.wait()
                    proc.stdout.close()
                    with post.focal() as s:
                        began = time.monotonic()
                        summary = sync_engine(s).run_until_done(DEFAULT_MAX_TIME)
                        recovery.append(time.monotonic() - began)
                        states = {o.state for o in OutboxRepository(s.db).items()}
                    if not summary.complete or states != {"delivered"}:
                        failed += 1
                    counts = envelopes_on_portal(portal, all_ids)
                    lost += sum(1 for i in all_ids if counts.get(i, 0) < 2)
                    duplicated += sum(1 for i in all_ids if counts.get(i, 0) > 2)
            finally:
                proxy.stop()
    print_table(
        f"SIGKILL chaos, link cut every 4 KB (40 kbit/s, 800 ms RTT ±300 ms), {trials} trials",
        ["measure", "value"],
        [
            ("trials", f"{trials}"),
            ("killed mid-sync / finished first", f"{killed} / {finished}"),
            ("recovery runs that did not complete", f"{failed}"),
            ("reports lost (fewer than 2 envelopes)", f"{lost}"),
            ("reports duplicated (more than 2 envelopes)", f"{duplicated}"),
            ("recovery run, median (s)", sorted(recovery)[len(recovery) // 2] if recovery else 0.0),
            ("recovery run, max (s)", max(recovery, default=0.0)),
            ("total (s)", time.monotonic() - started),
        ],
    )
    print("target: nothing lost or duplicated, every recovery run completes")
    return {"failed": failed, "lost": lost, "duplicated": duplicated}
