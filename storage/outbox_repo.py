"""All SQL for the outbox: what waits to be sent, how often it was tried, and why it failed."""

from __future__ import annotations

from dataclasses import dataclass

from storage.database import Database, Row
from storage.errors import NotFound

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

    def get(self, item_id: int) -> OutboxRecord:
        row = self._db.execute_one(f"SELECT {_COLUMNS} FROM outbox WHERE id=?", (item_id,))
        if row is None:
            raise NotFound(f"No outbox item {item_id}.")
        return OutboxRecord.from_row(row)

    def due(self, now: str, kinds: tuple[str, ...], limit: int) -> list[OutboxRecord]:
        """Pending items of these kinds whose next attempt time has come, oldest first."""
        marks = ",".join("?" * len(kinds))
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE state='pending' AND kind IN ({marks}) "
            "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?",
            (*kinds, now, limit),
        )
        return [OutboxRecord.from_row(r) for r in rows]

    def mark_delivered(self, item_id: int, receipt: str | None, at: str) -> None:
        self._db.execute(
            "UPDATE outbox SET state='delivered', delivered_at=?, receipt=?, last_error=NULL, "
            "next_attempt_at=NULL WHERE id=?",
            (at, receipt, item_id),
        )

    def record_failure(self, item_id: int, error: str, next_attempt_at: str | None) -> None:
        self._db.execute(
            "UPDATE outbox SET attempts=attempts+1, last_error=?, next_attempt_at=? WHERE id=?",
            (error, next_attempt_at, item_id),
        )

    def quarantine(self, item_id: int, reason: str) -> None:
        """The portal refused the item for good: kept, shown with the reason, never retried."""
        self._db.execute(
            "UPDATE outbox SET state='quarantined', attempts=attempts+1, last_error=? WHERE id=?",
            (reason, item_id),
        )

    def set_bytes(self, item_id: int, confirmed: int) -> None:
        """An attachment's bytes the portal holds (its tus offset): what the outbox shows as
        sent, not what was attempted and lost on a cut."""
        self._db.execute("UPDATE outbox SET bytes_sent=? WHERE id=?", (confirmed, item_id))

    def counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT state, count(*) FROM outbox GROUP BY state")
        return {str(r[0]): int(r[1]) for r in rows}
