"""The portal's hash-chained audit log.

Each row's hash = SHA-256(prev_hash || canonical JSON of the row's fields), so editing or
deleting a row breaks every later hash. Rows are appended inside the transaction of the
change they record (under the database's write lock), so the chain has no forks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from portal.tables import audit_log
from sync.protocol.canonical import JsonObject, canonical_bytes

GENESIS: Final = "0" * 64


def _row_hash(prev_hash: str, at: int, actor: str, action: str, subject: str, details: str) -> str:
    record = {"at": at, "actor": actor, "action": action, "subject": subject, "details": details}
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_bytes(record)).hexdigest()


@dataclass(frozen=True, slots=True)
class Event:
    at: int
    actor: str
    action: str
    subject: str
    details: JsonObject


def append(
    conn: Connection, *, at: int, actor: str, action: str, subject: str, details: JsonObject
) -> str:
    """Append one event; returns its hash. Call inside Database.write()."""
    return append_many(conn, [Event(at, actor, action, subject, details)])


def append_many(conn: Connection, events: list[Event]) -> str:
    """Append events in order with one read of the chain's head and one INSERT; returns the
    new head hash. Call inside Database.write()."""
    last = conn.execute(
        sa.select(audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
    ).scalar_one_or_none()
    prev_hash: str = last or GENESIS
    rows = []
    for event in events:
        text = canonical_bytes(event.details).decode("utf-8")
        row_hash = _row_hash(prev_hash, event.at, event.actor, event.action, event.subject, text)
        rows.append(
            {
                "at": event.at,
                "actor": event.actor,
                "action": event.action,
                "subject": event.subject,
                "details": text,
                "prev_hash": prev_hash,
                "hash": row_hash,
            }
        )
        prev_hash = row_hash
    if rows:
        conn.execute(audit_log.insert(), rows)
    return prev_hash


def verify_chain(conn: Connection) -> int | None:
    """The seq of the first broken row, or None when the whole chain verifies."""
    prev_hash = GENESIS
    rows = conn.execute(sa.select(audit_log).order_by(audit_log.c.seq))
    for row in rows:
        expected = _row_hash(prev_hash, row.at, row.actor, row.action, row.subject, row.details)
        if row.prev_hash != prev_hash or row.hash != expected:
            return int(row.seq)
        prev_hash = row.hash
    return None
