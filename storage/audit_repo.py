"""All SQL for the append-only audit log. The hash chain itself is computed in app/audit.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from storage.database import Database, Row

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str
    actor: str
    action: str
    object: str
    details: str  # canonical JSON text
    prev_hash: str
    hash: str

    @classmethod
    def from_row(cls, row: Row) -> AuditRecord:
        return cls(*row)


_COLUMNS = "seq, at, actor, action, object, details, prev_hash, hash"


class AuditRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def last(self) -> AuditRecord | None:
        row = self._db.execute_one(f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1")
        return None if row is None else AuditRecord.from_row(row)

    def append(self, record: AuditRecord) -> None:
        self._db.execute(
            f"INSERT INTO audit_log ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
            (
                record.seq,
                record.at,
                record.actor,
                record.action,
                record.object,
                record.details,
                record.prev_hash,
                record.hash,
            ),
        )

    def iterate(self, batch: int = 1000) -> Iterator[AuditRecord]:
        """Every entry in stored order (rowid order, which is how a reorder would show)."""
        last_rowid = -1
        while True:
            rows = self._db.execute(
                f"SELECT rowid, {_COLUMNS} FROM audit_log WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (last_rowid, batch),
            )
            if not rows:
                return
            for row in rows:
                last_rowid = int(row[0])
                yield AuditRecord.from_row(row[1:])

    def recent(self, limit: int = 100, object_id: str | None = None) -> list[AuditRecord]:
        if object_id is None:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT ?", (limit,)
            )
        else:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM audit_log WHERE object=? ORDER BY seq DESC LIMIT ?",
                (object_id, limit),
            )
        return [AuditRecord.from_row(r) for r in rows]
