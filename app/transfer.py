"""Speed and time left of a transfer, from the bytes that actually moved.

Pure arithmetic (no clock, no I/O): the front end records (seconds, bytes done) as the sync
engine reports progress, and asks for an estimate with the time now. The rate is taken over
the last `window` seconds of reports, so it follows a link that slows down or recovers
instead of averaging a whole pass.

Upload progress is what the portal confirmed (its tus Upload-Offset after each chunk,
docs/protocol.md 6.3), so every report is a moment when that many bytes had arrived and
counts as it is; there is no socket buffer to discount. Between confirmations one chunk is in
flight (`sending`, as the engine reports it): while it has not taken longer than the measured
rate says, the link is busy, not quiet, so the rate holds and time left runs down with the
clock. Only a chunk overdue (or nothing in flight) slows the rate down.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WINDOW_SECONDS = 20.0
MIN_SPAN_SECONDS = 0.5  # shorter than this, a rate is noise (one request's latency)


@dataclass(frozen=True)
class Estimate:
    rate: float | None  # bytes per second; None until enough has moved to say
    seconds_left: float | None  # None when the rate or the remaining bytes are unknown


def _arrivals(samples: Sequence[tuple[float, int]]) -> list[tuple[float, int]]:
    """The first report of each byte count: when those bytes were there. Later reports of the
    same count (the next chunk going out) say nothing about the rate."""
    points: list[tuple[float, int]] = []
    for t, done in samples:
        if not points or done > points[-1][1]:
            points.append((t, done))
    return points


def estimate(
    samples: Sequence[tuple[float, int]],
    remaining: int | None,
    window: float = WINDOW_SECONDS,
    now: float | None = None,
    sending: int = 0,
) -> Estimate:
    """`samples`: (monotonic seconds, bytes done so far), oldest first, bytes not decreasing.
    `remaining`: bytes still to move after the last sample (None: unknown). `now`: the time
    of the question (default: the last sample's). `sending`: bytes of the request in flight
    since the last sample (0: none known); at the measured rate they are crossing, beyond it
    the link is slower than it was and the rate comes down."""
    points = _arrivals(samples)
    if len(points) < 2:
        return Estimate(None, None)
    end_t, end_bytes = points[-1]
    now = max(samples[-1][0], end_t if now is None else now)
    # The oldest point within the window before the last one; if only the last one is, the
    # one before it (a long gap between reports is itself the measure of a slow link). The
    # window ends at the last report, not now, so the rate holds still between reports.
    first = next(i for i, (t, _b) in enumerate(points) if end_t - t <= window)
    start_t, start_bytes = points[min(first, len(points) - 2)]
    span = end_t - start_t
    moved = end_bytes - start_bytes
    if span < MIN_SPAN_SECONDS:
        return Estimate(None, None)
    rate = moved / span
    since = now - end_t
    crossed = min(sending, rate * since)  # of the chunk in flight, by now at that rate
    if rate * since > sending:
        # Overdue: even if it arrived this instant, the link was no faster than this.
        rate = (moved + sending) / (now - start_t)
    if remaining is None:
        return Estimate(rate, None)
    return Estimate(rate, max(0.0, remaining - crossed) / rate)
