"""Upload chunks sized to the link from the first one on (sync/uploads.py), against the real
portal, through the shaping proxy where the link matters:

- on a 64 kbit/s link the first chunk is confirmed within seconds, not after 16 s (the user
  sees a speed and a time left early), and later chunks grow toward the target time;
- no chunk is larger than the portal takes in one request (hello's max_body_bytes);
- on a fast link the chunks grow large at once: a 5 MiB photo goes in a handful of PATCHes.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_support import approved_reports, connected_post

from portal.config import Limits
from services.sync_session import sync_engine
from storage.outbox_repo import OutboxRepository
from sync.engine import SyncEngine
from sync.events import Phase, Progress
from sync.uploads import MIN_CHUNK, TARGET_CHUNK_SECONDS
from tests.linkproxy import LinkProfile, LinkProxy, Shape, kbit
from tests.portal_server import PortalServer, running_portal

ProxyFactory = Callable[..., LinkProxy]

SLOW = LinkProfile(  # a post's satellite or 2G modem, as in tests/ui/test_sync_status.py
    "64kbit",
    Shape(latency=0.05, bandwidth=kbit(64)),
    Shape(latency=0.05, bandwidth=kbit(64)),
)


def _patches(engine: SyncEngine) -> list[int]:
    """The body size of every PATCH the engine's client sends from now on."""
    client = engine.client
    real = client.request
    sizes: list[int] = []

    def request(method: str, path: str, body: bytes = b"", *args: Any, **kwargs: Any) -> Any:
        if method == "PATCH":
            sizes.append(len(body))
        return real(method, path, body, *args, **kwargs)

    client.request = request  # type: ignore[method-assign]
    return sizes


def _uploads(engine: SyncEngine) -> list[Progress]:
    seen: list[Progress] = []
    engine.add_listener(
        lambda e: seen.append(e) if isinstance(e, Progress) and e.phase is Phase.UPLOAD else None
    )
    return seen


def test_on_a_64_kbit_link_the_first_chunk_is_confirmed_within_seconds(
    tmp_path: Path, live_portal: PortalServer, link_proxy_factory: ProxyFactory
) -> None:
    proxy = link_proxy_factory(live_portal.address, SLOW)
    post = connected_post(tmp_path / "post", live_portal, url=proxy.url())
    blob = os.urandom(64 * 1024)  # 8.2 s of this link: one 128 KiB chunk held all of it
    approved_reports(post, 1, attachment=blob)
    with post.officer() as s:
        engine = sync_engine(s)
        sizes = _patches(engine)
        seen = _uploads(engine)
        summary = engine.run_pass()
        assert summary.error is None, summary.error
        uploads = [o for o in OutboxRepository(s.db).items() if o.kind == "attachment"]
        assert [o.state for o in uploads] == ["delivered"]
    started = seen[0].at  # the portal created the upload (offset 0)
    first = next(p.at for p in seen if p.bytes_done > 0)
    assert first - started < 4.0, (first - started, sizes)
    assert sizes[0] == MIN_CHUNK and len(sizes) >= 2 and sizes[1] > sizes[0], sizes
    # Every chunk is confirmed within the target time (and a request's latency).
    ats = [started] + [p.at for p in seen if p.bytes_done > 0 and not p.sending]
    gaps = [b - a for a, b in itertools.pairwise(ats)]
    assert max(gaps) < TARGET_CHUNK_SECONDS + 1.5, gaps
    # Each chunk was said to be in flight before it was confirmed, and only what the portal
    # confirmed was counted.
    assert [p.sending for p in seen if p.sending] == sizes
    assert seen[-1].bytes_done == len(blob) and {p.item_id for p in seen} == {uploads[0].id}


@pytest.fixture(scope="module")
def small_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalServer]:
    """A portal that takes at most 100,000 bytes in one request (a PATCH chunk too)."""
    limits = Limits(
        max_body_bytes=100_000, enrol_failures_burst=100_000, signature_failures_burst=100_000
    )
    with running_portal(tmp_path_factory.mktemp("small-portal"), limits=limits) as portal:
        yield portal


def test_no_chunk_is_larger_than_the_portal_takes(
    tmp_path: Path, small_portal: PortalServer
) -> None:
    post = connected_post(tmp_path / "post", small_portal)
    blob = os.urandom(600_000)
    approved_reports(post, 1, attachment=blob)
    with post.officer() as s:
        engine = sync_engine(s)
        sizes = _patches(engine)
        summary = engine.run_pass()
        assert summary.error is None, summary.error
        uploads = [o for o in OutboxRepository(s.db).items() if o.kind == "attachment"]
        assert [o.state for o in uploads] == ["delivered"]
    assert max(sizes) == 100_000, sizes  # grown to the portal's ceiling, never past it
    assert sum(sizes) == len(blob)


def test_on_a_fast_link_a_5_mib_photo_goes_in_a_few_large_chunks(
    tmp_path: Path, live_portal: PortalServer
) -> None:
    post = connected_post(tmp_path / "post", live_portal)
    blob = os.urandom(5 * 1024 * 1024)
    approved_reports(post, 1, attachment=blob)
    with post.officer() as s:
        engine = sync_engine(s)
        sizes = _patches(engine)
        summary = engine.run_pass()
        assert summary.error is None, summary.error
    print(f"5 MiB on loopback: {len(sizes)} PATCHes, {sizes}")
    assert sum(sizes) == len(blob)
    assert len(sizes) <= 6, sizes
    assert max(sizes) >= 2 * 1024 * 1024, sizes
