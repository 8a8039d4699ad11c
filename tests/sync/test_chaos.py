"""Chaos: the syncing client is killed with SIGKILL at random moments. One more sync always
leaves every envelope on the portal exactly once and every local outbox row delivered."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from support import PASSPHRASE
from sync_support import FOCAL, approved_reports, connected_post

from services.sync_session import sync_engine
from storage.outbox_repo import OutboxRepository
from tests.linkproxy import LinkProfile, Shape
from tests.portal_server import PortalServer, envelopes_on_portal

TRIALS = int(os.environ.get("OUTPOST_CHAOS_TRIALS", "50"))
ROOT = Path(__file__).resolve().parents[2]
# Slow enough that a pass takes about a second, so kills land in every phase of it.
CHAOS_LINK = LinkProfile(
    "chaos", Shape(latency=0.03, bandwidth=200_000), Shape(latency=0.03, bandwidth=200_000)
)

SYNC_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.paths import DataPaths
    from app.session import unlock
    from services.sync_session import sync_engine
    session = unlock(DataPaths(Path(sys.argv[1])), sys.argv[2], sys.argv[3])
    engine = sync_engine(session, stall_timeout=20)
    print("ready", flush=True)
    summary = engine.run_pass()
    print("done", summary.error, flush=True)
    """
)


def test_sigkill_at_random_points_never_loses_or_duplicates(
    tmp_path: Path,
    live_portal: PortalServer,
    link_proxy_factory,  # type: ignore[no-untyped-def]
) -> None:
    proxy = link_proxy_factory(live_portal.address, CHAOS_LINK)
    post = connected_post(tmp_path / "post", live_portal, url=proxy.url())
    rng = random.Random(2026)
    all_ids: list[str] = []
    killed = finished = 0
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"}
    for trial in range(TRIALS):
        all_ids += approved_reports(post, 2, seed=1000 + trial, attachment=os.urandom(30_000))
        proc = subprocess.Popen(
            [sys.executable, "-c", SYNC_SCRIPT, str(post.paths.root), FOCAL, PASSPHRASE],
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.9))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        else:
            finished += 1
        proc.wait()
        proc.stdout.close()

        # Recovery: one more sync delivers the rest, exactly once.
        with post.focal() as s:
            assert s.db.execute("PRAGMA integrity_check") == [("ok",)]
            summary = sync_engine(s).run_pass()
            assert summary.error is None, f"trial {trial}: {summary.error}"
            states = {o.state for o in OutboxRepository(s.db).items()}
            assert states == {"delivered"}, f"trial {trial}: {states}"
        counts = envelopes_on_portal(live_portal, all_ids)
        assert counts == dict.fromkeys(all_ids, 2), f"trial {trial}: {counts}"
    with post.focal() as s:
        assert s.audit.verify().ok
    print(f"chaos: {TRIALS} trials, {killed} killed mid-sync, {finished} finished first")
    assert killed >= TRIALS // 2  # the kills really hit running syncs
