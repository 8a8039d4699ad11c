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
