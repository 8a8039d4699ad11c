"""All SQL for stored signed envelopes (submissions, approvals, receipts)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.database import Database, Row
from storage.errors import NotFound

_COLUMNS = "hash, type, report_id, report_version, key_id, created_at, body"


@dataclass(frozen=True)
class EnvelopeRecord:
    hash: str
    type: str
    report_id: str | None
    report_version: int | None
    key_id: str
    created_at: str
    body: str  # the envelope exactly as signed and sent (JSON text)

    @classmethod
    def from_row(cls, row: Row) -> EnvelopeRecord:
        return cls(*row)


class EnvelopeRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def put(self, record: EnvelopeRecord) -> bool:
        """Stores an envelope once (its hash is its identity). False if it was already there."""
        if self._db.execute_one("SELECT 1 FROM envelopes WHERE hash=?", (record.hash,)):
            return False
        self._db.execute(
            f"INSERT INTO envelopes ({_COLUMNS}) VALUES (?,?,?,?,?,?,?)",
            (
                record.hash,
                record.type,
                record.report_id,
                record.report_version,
                record.key_id,
                record.created_at,
                record.body,
            ),
        )
        return True

    def get(self, envelope_hash: str) -> EnvelopeRecord:
        row = self._db.execute_one(
            f"SELECT {_COLUMNS} FROM envelopes WHERE hash=?", (envelope_hash,)
        )
        if row is None:
            raise NotFound(f"No envelope {envelope_hash[:16]}… in this store.")
        return EnvelopeRecord.from_row(row)

    def of_report(self, report_id: str) -> list[EnvelopeRecord]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM envelopes WHERE report_id=? ORDER BY created_at, rowid",
            (report_id,),
        )
        return [EnvelopeRecord.from_row(r) for r in rows]
