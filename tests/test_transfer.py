"""Speed and time left from the bytes that moved (app/transfer.py)."""

from __future__ import annotations

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


def test_a_chunk_the_socket_swallowed_is_not_the_link_speed() -> None:
    # A 180 KB photo on a 64 kbit/s link: the first 128 KB chunk is handed to the socket in
    # 0.1 s, then nothing is reported for 16 s until the portal has it; then the last 50 KB.
    blocks = [(0.0 + i * 0.006, 8192 * (i + 1)) for i in range(16)]  # to 131,072 by 0.09 s
    assert estimate(blocks, remaining=49_531).rate is None  # a burst alone says nothing
    assert estimate(blocks, remaining=49_531, now=8.0).rate is None
    last = [(16.8, 131_072)] + [(16.8 + i * 0.004, 131_072 + 8192 * i) for i in range(1, 7)]
    done = [*blocks, *last, (16.83, 180_603)]
    found = estimate(done, remaining=0, now=17.8)
    assert found.rate == pytest.approx(122_880 / 16.8, rel=0.01)  # 7.3 KB/s, not 1 MB/s
    assert found.seconds_left == pytest.approx(49_531 / found.rate - 1.0, rel=0.01)
    later = estimate(done, remaining=0, now=20.8)
    assert later.seconds_left is not None and later.seconds_left < found.seconds_left - 2.5


def test_a_link_that_goes_quiet_slows_the_rate_and_the_time_left_grows() -> None:
    samples = [(float(t), 8000 * t) for t in range(6)]
    steady = estimate(samples, remaining=80_000, now=5.0)
    quiet = estimate(samples, remaining=80_000, now=25.0)
    assert steady.rate == pytest.approx(8000)
    assert quiet.rate is not None and quiet.rate < 8000 / 2
    assert quiet.seconds_left is not None and steady.seconds_left is not None
    assert quiet.seconds_left > steady.seconds_left
