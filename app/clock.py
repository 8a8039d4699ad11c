"""Time as the program records it: UTC, RFC 3339 with a Z, whole seconds."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

# The device's wall clock. One seam so tests can set it wrong (a post whose clock runs days
# behind) without sleeping; everything that reads the device clock goes through it.
_wall: Callable[[], float] = time.time


def wall_seconds() -> float:
    """The device clock, Unix seconds (it may be wrong: see app/portal_clock.py)."""
    return _wall()


def utc_now() -> datetime:
    """The device clock as an aware UTC datetime, whole seconds."""
    return datetime.fromtimestamp(int(_wall()), UTC)


def to_rfc3339(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; attach a timezone")
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_rfc3339() -> str:
    return to_rfc3339(utc_now())


def parse_rfc3339(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"time {text!r} has no timezone")
    return moment.astimezone(UTC)
