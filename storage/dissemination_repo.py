"""All SQL for the dissemination register: what left this device, to whom, how and why."""

from __future__ import annotations

from dataclasses import dataclass

from storage.database import Database, Row

_COLUMNS = "id, at, actor, object, recipient, method, purpose, legal_basis, tlp"


@dataclass(frozen=True)
class DisseminationRecord:
    id: int
    at: str
    actor: str
    object: str
    recipient: str
    method: str
    purpose: str
    legal_basis: str | None
    tlp: str

    @classmethod
    def from_row(cls, row: Row) -> DisseminationRecord:
        return cls(*row)


class DisseminationRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self,
        *,
        at: str,
        actor: str,
        obj: str,
        recipient: str,
        method: str,
        purpose: str,
        legal_basis: str | None,
        tlp: str,
    ) -> int:
        return self._db.insert(
            "INSERT INTO disseminations (at, actor, object, recipient, method, purpose, "
            "legal_basis, tlp) VALUES (?,?,?,?,?,?,?,?)",
            (at, actor, obj, recipient, method, purpose, legal_basis, tlp),
        )

    def entries(self, obj: str | None = None, limit: int = 500) -> list[DisseminationRecord]:
        if obj is None:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM disseminations ORDER BY id DESC LIMIT ?", (limit,)
            )
        else:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM disseminations WHERE object=? ORDER BY id DESC LIMIT ?",
                (obj, limit),
            )
        return [DisseminationRecord.from_row(r) for r in rows]
