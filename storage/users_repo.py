"""All SQL for local users."""

from __future__ import annotations

from dataclasses import dataclass

from storage.database import Database, Row
from storage.errors import NotFound

_COLUMNS = "id, name, role, agency, created_at, removed_at"


@dataclass(frozen=True)
class UserRecord:
    id: str
    name: str
    role: str
    agency: str
    created_at: str
    removed_at: str | None

    @classmethod
    def from_row(cls, row: Row) -> UserRecord:
        return cls(*row)


class UserRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def insert(self, user: UserRecord) -> None:
        self._db.execute(
            f"INSERT INTO users ({_COLUMNS}) VALUES (?,?,?,?,?,?)",
            (user.id, user.name, user.role, user.agency, user.created_at, user.removed_at),
        )

    def by_name(self, name: str) -> UserRecord:
        row = self._db.execute_one(
            f"SELECT {_COLUMNS} FROM users WHERE name=? AND removed_at IS NULL AND remote = 0",
            (name,),
        )
        if row is None:
            raise NotFound(f"No local user named '{name}'. See 'outpost user list'.")
        return UserRecord.from_row(row)

    def by_id(self, user_id: str) -> UserRecord:
        row = self._db.execute_one(f"SELECT {_COLUMNS} FROM users WHERE id=?", (user_id,))
        if row is None:
            raise NotFound(f"No local user with id {user_id}.")
        return UserRecord.from_row(row)

    def exists(self, name: str) -> bool:
        row = self._db.execute_one(
            "SELECT 1 FROM users WHERE name=? AND removed_at IS NULL", (name,)
        )
        return row is not None

    def active(self) -> list[UserRecord]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM users WHERE removed_at IS NULL AND remote = 0 ORDER BY name"
        )
        return [UserRecord.from_row(r) for r in rows]

    def ensure_remote(self, user_id: str, agency: str, role: str, at: str) -> None:
        """Records the author of a report pulled from another device (never a local login)."""
        self._db.execute(
            "INSERT OR IGNORE INTO users (id, name, role, agency, created_at, remote) "
            "VALUES (?,?,?,?,?,1)",
            (user_id, f"remote:{user_id}", role, agency, at),
        )

    def mark_removed(self, user_id: str, at: str) -> None:
        self._db.execute("UPDATE users SET removed_at=? WHERE id=?", (at, user_id))


class MetaRepository:
    """Small key/value facts about the installation (agency, installation id)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str) -> str | None:
        row = self._db.execute_one("SELECT value FROM meta WHERE key=?", (key,))
        return None if row is None else str(row[0])

    def set(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?,?) "
            "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (key, value),
        )
