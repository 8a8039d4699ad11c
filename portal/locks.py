"""Per-upload locks: one writer per upload at a time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Final

from portal.problems import Problem

LOCK_WAIT_SECONDS: Final = 10.0


@dataclass
class UploadLocks:
    """One writer per upload: a second PATCH waits for the first (tus requires that two
    PATCHes never interleave). asyncio locks: the portal runs one event loop."""

    _locks: dict[str, tuple[asyncio.Lock, int]] = field(default_factory=dict)

    @asynccontextmanager
    async def hold(self, upload_id: str) -> AsyncIterator[None]:
        lock, users = self._locks.get(upload_id, (asyncio.Lock(), 0))
        self._locks[upload_id] = (lock, users + 1)
        try:
            try:
                await asyncio.wait_for(lock.acquire(), LOCK_WAIT_SECONDS)
            except TimeoutError:
                raise Problem("upload-locked", "another request is writing this upload") from None
            try:
                yield
            finally:
                lock.release()
        finally:
            lock, users = self._locks[upload_id]
            if users == 1:
                del self._locks[upload_id]
            else:
                self._locks[upload_id] = (lock, users - 1)
