"""Speed and time left of a transfer, from the bytes that actually moved.

Pure arithmetic (no clock, no I/O): the front end records (seconds, bytes done) as the sync
engine reports progress, and asks for an estimate with the time now. The rate is taken over
the last `window` seconds, so it follows a link that slows down or recovers instead of
averaging a whole pass.

The engine counts bytes as they are handed to the socket, and sockets buffer: on a slow
link a whole upload chunk (128 KB, 16 s at 64 kbit/s) "leaves" in a tenth of a second, then
nothing is reported until the portal has it. A burst of reports is therefore not the link's
speed; only its start is a moment when what went before had arrived (the next chunk starts
after the portal confirmed the last one). So a burst counts by its first report, a steady
flow by every report, and time left is counted from that moment, minus the time since.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

WINDOW_SECONDS = 20.0
MIN_SPAN_SECONDS = 0.5  # shorter than this, a rate is noise (one block in a socket buffer)
STALL_SECONDS = 0.5  # a gap this long between reports ends a burst


@dataclass(frozen=True)
class Estimate:
    rate: float | None  # bytes per second; None until enough has moved to say
    seconds_left: float | None  # None when the rate or the remaining bytes are unknown


def _settled(samples: Sequence[tuple[float, int]]) -> list[tuple[float, int]]:
    """The reports that say what had crossed the link by then: the first of each burst, and
    every report of a run that itself lasted (bytes flowing at the link's pace)."""
    runs: list[list[tuple[float, int]]] = []
    for sample in samples:
        if runs and sample[0] - runs[-1][-1][0] < STALL_SECONDS:
            runs[-1].append(sample)
        else:
            runs.append([sample])
    points: list[tuple[float, int]] = []
    for run in runs:
        flowing = run[-1][0] - run[0][0] >= MIN_SPAN_SECONDS
        points.extend(run if flowing else run[:1])
    return points


def estimate(
    samples: Sequence[tuple[float, int]],
    remaining: int | None,
    window: float = WINDOW_SECONDS,
    now: float | None = None,
) -> Estimate:
    """`samples`: (monotonic seconds, bytes done so far), oldest first, bytes not decreasing.
    `remaining`: bytes still to move after the last sample (None: unknown). `now`: the time
    of the question (default: the last sample's); a link that has gone quiet since slows the
    rate down and the time left runs down with it."""
    if len(samples) < 2:
        return Estimate(None, None)
    last_t, last_bytes = samples[-1]
    now = last_t if now is None else max(now, last_t)
    points = _settled(samples)
    # The oldest point inside the window; if only the last one is, the one before it (a long
    # gap between reports is itself the measure of a slow link).
    first = next((i for i, (t, _b) in enumerate(points) if now - t <= window), len(points) - 1)
    start_t, start_bytes = points[max(0, min(first, len(points) - 2))]
    end_t, end_bytes = points[-1]
    span = end_t - start_t
    moved = end_bytes - start_bytes
    if span < MIN_SPAN_SECONDS or moved <= 0:
        return Estimate(None, None)
    rate = moved / span
    # At most what was handed over, spread over the time until now: a link that went quiet
    # (or died) is slower than the last burst said.
    if now > end_t:
        rate = min(rate, (last_bytes - start_bytes) / (now - start_t))
    if remaining is None:
        return Estimate(rate, None)
    # From the last point, not the last report: a burst after it may still sit in a buffer.
    still = max(0, remaining) + (last_bytes - end_bytes)
    return Estimate(rate, max(0.0, still / rate - (now - end_t)))
