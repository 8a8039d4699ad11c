"""All SQL for attachment content: blobs stored inside the encrypted database, by SHA-256."""

from __future__ import annotations

from dataclasses import dataclass

from storage.database import Database
from storage.errors import NotFound


@dataclass(frozen=True)
class AttachmentInfo:
    sha256: str
    media_type: str
    size: int


class AttachmentRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def put(self, sha256: str, media_type: str, data: bytes, created_at: str) -> bool:
        """Stores content once; returns False when identical content was already there."""
        existing = self._db.execute_one("SELECT 1 FROM attachments WHERE sha256=?", (sha256,))
        if existing is not None:
            return False
        self._db.execute(
            "INSERT INTO attachments (sha256, media_type, size, data, created_at) "
            "VALUES (?,?,?,?,?)",
            (sha256, media_type, len(data), data, created_at),
        )
        return True

    def info(self, sha256: str) -> AttachmentInfo:
        row = self._db.execute_one(
            "SELECT sha256, media_type, size FROM attachments WHERE sha256=?", (sha256,)
        )
        if row is None:
            raise NotFound(f"No attachment with SHA-256 {sha256} in this store.")
        return AttachmentInfo(str(row[0]), str(row[1]), int(row[2]))

    def read(self, sha256: str) -> bytes:
        row = self._db.execute_one("SELECT data FROM attachments WHERE sha256=?", (sha256,))
        if row is None:
            raise NotFound(f"No attachment with SHA-256 {sha256} in this store.")
        return bytes(row[0])
