"""Speed and time left of a transfer, from the bytes that actually moved.

Pure arithmetic (no clock, no I/O): the front end records (seconds, bytes done) as the sync
engine reports progress, and asks for an estimate. The rate is taken over the last `window`
seconds, so it follows a link that slows down or recovers instead of averaging a whole pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WINDOW_SECONDS = 20.0
MIN_SPAN_SECONDS = 0.5  # shorter than this, a rate is noise (one block in a socket buffer)


@dataclass(frozen=True)
class Estimate:
    rate: float | None  # bytes per second; None until enough has moved to say
    seconds_left: float | None  # None when the rate or the remaining bytes are unknown


def estimate(
    samples: Sequence[tuple[float, int]], remaining: int | None, window: float = WINDOW_SECONDS
) -> Estimate:
    """`samples`: (monotonic seconds, bytes done so far), oldest first, bytes not decreasing.
    `remaining`: bytes still to move (None: unknown)."""
    if len(samples) < 2:
        return Estimate(None, None)
    end_t, end_bytes = samples[-1]
    # The oldest sample inside the window; if only the last one is, the one before it (a long
    # gap between reports is itself the measure of a slow link).
    first = next(i for i, (t, _done) in enumerate(samples) if end_t - t <= window)
    start_t, start_bytes = samples[min(first, len(samples) - 2)]
    span = end_t - start_t
    moved = end_bytes - start_bytes
    if span < MIN_SPAN_SECONDS or moved <= 0:
        return Estimate(None, None)
    rate = moved / span
    left = None if remaining is None else max(0, remaining) / rate
    return Estimate(rate, left)
