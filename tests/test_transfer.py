"""Speed and time left from the bytes that moved (app/transfer.py)."""

from __future__ import annotations

import itertools

import pytest

from app.transfer import Estimate, estimate


def test_rate_and_time_left_from_bytes_moved() -> None:
    # 64 kbit/s is 8,000 bytes a second: 40,000 bytes in 5 s, 80,000 still to go.
    samples = [(100.0 + t, 8000 * t) for t in range(6)]
    found = estimate(samples, remaining=80_000)
    assert found.rate == pytest.approx(8000)
    assert found.seconds_left == pytest.approx(10)


def test_only_the_recent_window_counts() -> None:
    # Fast at first (100 KB in 1 s, the socket buffers filling), then 1,000 B/s for 30 s.
    samples = [(0.0, 0), (1.0, 100_000)] + [(1.0 + t, 100_000 + 1000 * t) for t in range(1, 31)]
    found = estimate(samples, remaining=10_000, window=20)
    assert found.rate == pytest.approx(1000)
    assert found.seconds_left == pytest.approx(10)


def test_a_long_silence_is_a_slow_rate_not_none() -> None:
    found = estimate([(0.0, 0), (60.0, 6000)], remaining=6000, window=20)
    assert found.rate == pytest.approx(100)
    assert found.seconds_left == pytest.approx(60)


@pytest.mark.parametrize(
    "samples",
    [[], [(0.0, 500)], [(0.0, 0), (0.1, 5000)], [(0.0, 500), (5.0, 500)]],
    ids=["none", "one", "too-short", "nothing-moved"],
)
def test_no_estimate_without_evidence(samples: list[tuple[float, int]]) -> None:
    assert estimate(samples, remaining=1000) == Estimate(None, None)


def test_unknown_remaining_gives_a_rate_only() -> None:
    found = estimate([(0.0, 0), (2.0, 4000)], remaining=None)
    assert found == Estimate(2000, None)


def test_confirmations_close_together_are_the_link_speed() -> None:
    # Upload progress is what the portal confirmed (docs/protocol.md 6.3), never blocks in a
    # socket buffer: a link that became fast, eight 512 KiB chunks confirmed within 0.35 s
    # after 100 KB took a second, moved all of that in 1.35 s.
    samples = [(0.0, 0), (1.0, 100_000)]
    samples += [(1.0 + 0.05 * i, 100_000 + 524_288 * i) for i in range(1, 8)]
    found = estimate(samples, remaining=1_048_576)
    assert found.rate == pytest.approx((100_000 + 524_288 * 7) / 1.35)
    assert found.seconds_left == pytest.approx(1_048_576 / found.rate)


def _upload(
    chunks: list[int], link: float, overhead: float, step: float = 0.25
) -> list[tuple[float, float, float]]:
    """(time, rate, seconds left) as the status bar would show them every `step` seconds
    during an upload of `chunks` on a link of `link` bytes/s, where each PATCH costs
    `overhead` seconds more (latency, the portal's fsync): the engine reports each
    confirmation, and the chunk it then sends."""
    total = sum(chunks)
    samples: list[tuple[float, int]] = [(0.0, 0)]
    t, done, shown = 0.0, 0, []
    for chunk in chunks:
        arrives = t + chunk / link + overhead
        while t + step < arrives:
            t += step
            found = estimate(samples, total - done, now=t, sending=chunk)
            if found.rate is not None and found.seconds_left is not None:
                shown.append((t, found.rate, found.seconds_left))
        t, done = arrives, done + chunk
        samples.append((t, done))
    return shown


def test_a_chunk_in_flight_at_the_measured_rate_is_not_a_quiet_link() -> None:
    # 64 kbit/s (8,000 B/s), 0.2 s a request: 16 KiB confirmed after 2.2 s, then 32 KiB in
    # flight. While it is, the speed stays the measured one and time left runs down second by
    # second: the wait between confirmations is the chunk crossing, not a link gone quiet.
    samples = [(0.0, 0), (2.248, 16_384)]
    rate = 16_384 / 2.248
    for waited in (0.0, 1.0, 2.0, 4.0):
        found = estimate(samples, remaining=163_840, now=2.248 + waited, sending=32_768)
        assert found.rate == pytest.approx(rate)
        assert found.seconds_left == pytest.approx(163_840 / rate - waited)


def test_time_left_runs_down_smoothly_through_growing_chunks() -> None:
    # A 180 KB photo at 8,000 B/s in chunks sized to the link (16 KiB, then about 4 s
    # each): the speed shown stays near the link's, and time left never goes up by more
    # than noise (the request overhead the first chunk measured, less for bigger ones).
    shown = _upload([16_384, 32_768, 65_536, 65_536, 3_000], link=8000, overhead=0.2)
    assert len(shown) > 60
    assert all(7000 < rate < 8000 for _t, rate, _left in shown), shown
    lefts = [left for _t, _rate, left in shown]
    assert all(b <= a + 0.3 for a, b in itertools.pairwise(lefts)), lefts
    assert lefts[0] - lefts[-1] > 18


def test_a_chunk_overdue_slows_the_rate_and_the_time_left_grows() -> None:
    # 32 KiB in flight should take 4.5 s at the measured rate; 15 s later it still is not
    # confirmed: the link is slower than that (or gone), and says so.
    samples = [(0.0, 0), (2.248, 16_384)]
    due = estimate(samples, remaining=163_840, now=2.248 + 4.5, sending=32_768)
    late = estimate(samples, remaining=163_840, now=2.248 + 15.0, sending=32_768)
    assert due.rate is not None and late.rate is not None
    assert late.rate < due.rate / 2
    assert late.rate == pytest.approx((16_384 + 32_768) / (2.248 + 15.0))
    assert late.seconds_left is not None and due.seconds_left is not None
    assert late.seconds_left > due.seconds_left + 5


def test_a_link_that_goes_quiet_slows_the_rate_and_the_time_left_grows() -> None:
    samples = [(float(t), 8000 * t) for t in range(6)]
    steady = estimate(samples, remaining=80_000, now=5.0)
    quiet = estimate(samples, remaining=80_000, now=25.0)
    assert steady.rate == pytest.approx(8000)
    assert quiet.rate is not None and quiet.rate < 8000 / 2
    assert quiet.seconds_left is not None and steady.seconds_left is not None
    assert quiet.seconds_left > steady.seconds_left
