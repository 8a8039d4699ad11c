"""All SQL for the outbox: what waits to be sent, how often it was tried, and why it failed."""

from __future__ import annotations

from dataclasses import dataclass

from storage.database import Database, Row

_COLUMNS = (
    "id, kind, ref, state, attempts, next_attempt_at, last_error, bytes_sent, created_at, "
    "delivered_at, receipt"
)


@dataclass(frozen=True)
class OutboxRecord:
    id: int
    kind: str  # submission | approval | attachment
    ref: str  # envelope hash or attachment sha256
    state: str  # pending | delivered | quarantined
    attempts: int
    next_attempt_at: str | None
    last_error: str | None
    bytes_sent: int
    created_at: str
    delivered_at: str | None
    receipt: str | None

    @classmethod
    def from_row(cls, row: Row) -> OutboxRecord:
        return cls(*row)


class OutboxRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def enqueue(self, kind: str, ref: str, at: str) -> None:
        """Adds an item once; queuing the same thing twice is harmless."""
        self._db.execute(
            "INSERT OR IGNORE INTO outbox (kind, ref, state, created_at) VALUES (?,?,?,?)",
            (kind, ref, "pending", at),
        )

    def items(self, state: str | None = None) -> list[OutboxRecord]:
        if state is None:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM outbox ORDER BY id")
        else:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM outbox WHERE state=? ORDER BY id", (state,)
            )
        return [OutboxRecord.from_row(r) for r in rows]

    def of_ref(self, ref: str) -> list[OutboxRecord]:
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM outbox WHERE ref=?", (ref,))
        return [OutboxRecord.from_row(r) for r in rows]
