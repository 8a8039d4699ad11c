"""Portal time. One function so tests and the signature window agree on "now"."""

from __future__ import annotations

import time
from datetime import UTC, datetime


def now_seconds() -> int:
    return int(time.time())


def as_datetime(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)
