"""Backoff: grows exponentially within full jitter, is capped, honours Retry-After, resets."""

from __future__ import annotations

import random

from sync.backoff import Backoff


def test_full_jitter_grows_and_caps() -> None:
    b = Backoff(base=1.0, cap=30.0, rng=random.Random(1))
    ceilings = [1, 2, 4, 8, 16, 30, 30, 30]
    for ceiling in ceilings:
        assert 0 <= b.next_delay() <= ceiling
    many = [Backoff(base=1.0, cap=30.0, rng=random.Random(i)) for i in range(200)]
    sixth = []
    for b in many:
        for _ in range(5):
            b.next_delay()
        sixth.append(b.next_delay())
    assert max(sixth) <= 30 and min(sixth) < 5  # spread out, not in lock step


def test_retry_after_is_a_floor_and_reset_starts_over() -> None:
    b = Backoff(base=1.0, cap=600.0, rng=random.Random(2))
    assert b.next_delay(retry_after=7) >= 7
    assert b.next_delay(retry_after=10_000) <= 600  # even a server can't park us forever
    b.reset()
    assert b.failures == 0 and b.next_delay() <= 1.0
