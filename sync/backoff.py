"""Retry timing: exponential backoff with full jitter, capped, honouring Retry-After."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """delay(n) = uniform(0, min(cap, base * 2**n)): full jitter spreads the posts of a region
    out after an outage instead of having them all retry in lock step."""

    base: float = 2.0
    cap: float = 600.0
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self, retry_after: float | None = None) -> float:
        ceiling = min(self.cap, self.base * (2**self.failures))
        self.failures += 1
        delay = self.rng.uniform(0, ceiling)
        if retry_after is not None:
            # The server knows when it will be ready; never come back sooner than it asked.
            delay = max(delay, min(retry_after, self.cap))
        return delay

    def reset(self) -> None:
        self.failures = 0
