"""Throttles on guessing: enrolment codes and request signatures.

A token bucket per source address and kind: each failed attempt takes a token, tokens come
back at a steady rate, and while the bucket is empty every attempt from that source (a good
one too) is answered 429 with Retry-After before any work is done. Only failures count, so a
post enrolling its officers one after another is never slowed down.

Kept in the portal process's memory: a restart forgets it (which costs an attacker a
restart, not the throttle), and several portal processes each keep their own.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from portal.problems import Problem

_MAX_SOURCES = 10_000  # beyond this, full buckets are forgotten first


@dataclass
class _Bucket:
    tokens: float
    at: float
    engaged: bool = False  # refused since it last allowed an attempt (audited once)


@dataclass
class Throttle:
    kind: str  # "enrol" or "signature": named in problems and audit rows
    burst: int  # failures allowed in a row
    per_minute: float  # failures allowed per minute after the burst
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, _Bucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _bucket(self, source: str, now: float) -> _Bucket:
        bucket = self._buckets.get(source)
        if bucket is None:
            if len(self._buckets) >= _MAX_SOURCES:
                self._forget_full(now)
            bucket = self._buckets[source] = _Bucket(float(self.burst), now)
        rate = self.per_minute / 60.0
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.at) * rate)
        bucket.at = now
        return bucket

    def _forget_full(self, now: float) -> None:
        rate = self.per_minute / 60.0
        for source, bucket in list(self._buckets.items()):
            if bucket.tokens + (now - bucket.at) * rate >= self.burst:
                del self._buckets[source]

    def check(self, source: str) -> bool:
        """Raise 429 `too-many-attempts` while `source` has no attempts left. Returns True
        when this refusal is the first since the source was last allowed (to audit once)."""
        with self._lock:
            now = self.clock()
            bucket = self._bucket(source, now)
            if bucket.tokens >= 1.0:
                bucket.engaged = False
                return False
            first = not bucket.engaged
            bucket.engaged = True
            wait = max(1, math.ceil((1.0 - bucket.tokens) / (self.per_minute / 60.0)))
        problem = Problem(
            "too-many-attempts",
            f"too many failed {self.kind} attempts from this address; try again in {wait} s",
            retry_after=wait,
        )
        problem.headers["Retry-After"] = str(wait)
        problem.first = first  # type: ignore[attr-defined]
        raise problem

    def failed(self, source: str) -> None:
        with self._lock:
            bucket = self._bucket(source, self.clock())
            bucket.tokens = max(0.0, bucket.tokens - 1.0)
