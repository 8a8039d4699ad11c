"""All SQL for the offline copy of the portal's directory (principals and agencies)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storage.database import Database, Row


@dataclass(frozen=True)
class PrincipalEntry:
    principal_id: str
    agency: str
    member_state: str
    role: str
    display_name: str | None
    third_party: bool

    @classmethod
    def from_row(cls, row: Row) -> PrincipalEntry:
        return cls(row[0], row[1], row[2], row[3], row[4], bool(row[5]))


@dataclass(frozen=True)
class AgencyEntry:
    code: str
    member_state: str
    name: str
    third_party: bool


_PRINCIPAL_COLUMNS = "principal_id, agency, member_state, role, display_name, third_party"


class DirectoryRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def replace(
        self, principals: Sequence[PrincipalEntry], agencies: Sequence[AgencyEntry], at: str
    ) -> None:
        """The directory as the portal sent it, instead of the previous copy (call inside a
        transaction: the copy is never half old, half new)."""
        self._db.execute("DELETE FROM directory_principals")
        self._db.execute("DELETE FROM directory_agencies")
        for p in principals:
            self._db.execute(
                f"INSERT INTO directory_principals ({_PRINCIPAL_COLUMNS}, fetched_at) "
                "VALUES (?,?,?,?,?,?,?)",
                (p.principal_id, p.agency, p.member_state, p.role, p.display_name,
                 int(p.third_party), at),
            )  # fmt: skip
        for a in agencies:
            self._db.execute(
                "INSERT INTO directory_agencies (code, member_state, name, third_party, "
                "fetched_at) VALUES (?,?,?,?,?)",
                (a.code, a.member_state, a.name, int(a.third_party), at),
            )

    def principals(self) -> list[PrincipalEntry]:
        rows = self._db.execute(
            f"SELECT {_PRINCIPAL_COLUMNS} FROM directory_principals "
            "ORDER BY agency, display_name, principal_id"
        )
        return [PrincipalEntry.from_row(r) for r in rows]

    def principal(self, principal_id: str) -> PrincipalEntry | None:
        row = self._db.execute_one(
            f"SELECT {_PRINCIPAL_COLUMNS} FROM directory_principals WHERE principal_id=?",
            (principal_id,),
        )
        return None if row is None else PrincipalEntry.from_row(row)

    def by_display_name(self, name: str) -> list[PrincipalEntry]:
        rows = self._db.execute(
            f"SELECT {_PRINCIPAL_COLUMNS} FROM directory_principals "
            "WHERE lower(display_name) = lower(?) ORDER BY agency, principal_id",
            (name,),
        )
        return [PrincipalEntry.from_row(r) for r in rows]

    def agencies(self) -> list[AgencyEntry]:
        rows = self._db.execute(
            "SELECT code, member_state, name, third_party FROM directory_agencies ORDER BY code"
        )
        return [AgencyEntry(r[0], r[1], r[2], bool(r[3])) for r in rows]

    def fetched_at(self) -> str | None:
        row = self._db.execute_one(
            "SELECT max(fetched_at) FROM (SELECT fetched_at FROM directory_principals "
            "UNION ALL SELECT fetched_at FROM directory_agencies)"
        )
        return None if row is None or row[0] is None else str(row[0])
