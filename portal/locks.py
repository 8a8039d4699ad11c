"""Per-upload locks: one writer per upload at a time, across every portal process.

tus requires that two PATCHes of one upload never interleave (both would write the same
part file at the same offset). On PostgreSQL the lock is a session-level advisory lock on
a connection held for the PATCH (pg_try_advisory_lock with the upload's key in its own key
space), so a PATCH in another `serve` process waits for it, and a process that dies
mid-chunk releases it with its connection. The offset itself is committed with a
compare-and-set (uploads.record_chunk), so even a lost lock cannot move it twice. On SQLite
(one process) an asyncio lock does the same within the event loop.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from starlette.concurrency import run_in_threadpool

from portal.database import Database
from portal.problems import Problem

LOCK_WAIT_SECONDS: Final = 10.0
_POLL_SECONDS: Final = 0.05
# The first key of the two-key form: upload locks never meet the writer lock (one-key form).
UPLOAD_LOCK_SPACE: Final = 0x7570  # "up"


def upload_lock_key(upload_id: str) -> int:
    """The second key: 32 bits of the upload id's hash, as a signed int4."""
    return int.from_bytes(hashlib.sha256(upload_id.encode()).digest()[:4], "big", signed=True)


@dataclass
class UploadLocks:
    """One writer per upload: a second PATCH waits for the first, at most LOCK_WAIT_SECONDS."""

    db: Database | None = None
    _locks: dict[str, tuple[asyncio.Lock, int]] = field(default_factory=dict)

    @asynccontextmanager
    async def hold(self, upload_id: str) -> AsyncIterator[None]:
        async with self._in_process(upload_id):
            if self.db is None or not self.db.multi_process:
                yield
                return
            conn = await run_in_threadpool(self.db.engine.connect)
            key = upload_lock_key(upload_id)
            try:
                await self._acquire(conn, key)
                try:
                    yield
                finally:
                    await run_in_threadpool(_unlock, conn, key)
            finally:
                await run_in_threadpool(conn.close)

    async def _acquire(self, conn: Connection, key: int) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + LOCK_WAIT_SECONDS
        while not await run_in_threadpool(_try_lock, conn, key):
            if loop.time() > deadline:
                raise Problem("upload-locked", "another request is writing this upload")
            await asyncio.sleep(_POLL_SECONDS)

    @asynccontextmanager
    async def _in_process(self, upload_id: str) -> AsyncIterator[None]:
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


def _try_lock(conn: Connection, key: int) -> bool:
    granted = conn.execute(
        sa.text("SELECT pg_try_advisory_lock(:space, :key)"),
        {"space": UPLOAD_LOCK_SPACE, "key": key},
    ).scalar_one()
    conn.commit()  # a session lock outlives the transaction; do not keep one open
    return bool(granted)


def _unlock(conn: Connection, key: int) -> None:
    try:
        conn.execute(
            sa.text("SELECT pg_advisory_unlock(:space, :key)"),
            {"space": UPLOAD_LOCK_SPACE, "key": key},
        )
        conn.commit()
    except Exception:
        # A connection that may still hold the lock must not go back to the pool.
        conn.invalidate()
        raise
