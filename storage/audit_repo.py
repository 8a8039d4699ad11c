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


@dataclass(frozen=True)
class AuditFilter:
    """What the audit log's view and `outpost audit list` ask for; every field set is an AND.

    Times are the log's own RFC 3339 UTC text: at_from is inclusive, at_before exclusive,
    so a day range is [day 00:00, next day 00:00). text matches the details JSON without
    regard to case.
    """

    actions: tuple[str, ...] = ()
    actor: str | None = None
    object_prefix: str | None = None
    at_from: str | None = None
    at_before: str | None = None
    text: str | None = None
    limit: int = 100
    offset: int = 0


def _where(f: AuditFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if f.actions:
        clauses.append(f"action IN ({','.join('?' * len(f.actions))})")
        params.extend(f.actions)
    if f.actor:
        clauses.append("actor = ?")
        params.append(f.actor)
    if f.object_prefix:
        # A range rather than LIKE: LIKE is case-insensitive here and could not use the index.
        clauses.append("object >= ? AND object < ?")
        params.extend((f.object_prefix, f.object_prefix + "\U0010ffff"))
    if f.at_from:
        clauses.append("at >= ?")
        params.append(f.at_from)
    if f.at_before:
        clauses.append("at < ?")
        params.append(f.at_before)
    if f.text:
        clauses.append("instr(lower(details), lower(?)) > 0")
        params.append(f.text)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


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

    def search(self, f: AuditFilter) -> list[AuditRecord]:
        """The entries that match, newest first, one page of them."""
        where, params = _where(f)
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM audit_log{where} ORDER BY seq DESC LIMIT ? OFFSET ?",
            (*params, max(f.limit, 0), max(f.offset, 0)),
        )
        return [AuditRecord.from_row(r) for r in rows]

    def count(self, f: AuditFilter) -> int:
        where, params = _where(f)
        row = self._db.execute_one(f"SELECT count(*) FROM audit_log{where}", tuple(params))
        return 0 if row is None else int(row[0])

    def plan(self, f: AuditFilter) -> str:
        """SQLite's plan for search(f), for the tests that keep the filters indexed."""
        where, params = _where(f)
        rows = self._db.execute(
            f"EXPLAIN QUERY PLAN SELECT {_COLUMNS} FROM audit_log{where} "
            "ORDER BY seq DESC LIMIT ? OFFSET ?",
            (*params, f.limit, f.offset),
        )
        return "\n".join(str(r[-1]) for r in rows)
