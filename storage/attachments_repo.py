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

    def read_range(self, sha256: str, offset: int, size: int) -> bytes:
        """`size` bytes from `offset`, without loading the whole attachment (resumable upload)."""
        row = self._db.execute_one(
            "SELECT substr(data, ?, ?) FROM attachments WHERE sha256=?", (offset + 1, size, sha256)
        )
        if row is None:
            raise NotFound(f"No attachment with SHA-256 {sha256} in this store.")
        return bytes(row[0])

    def report_of(self, sha256: str) -> str | None:
        """The id of a submitted report that carries this attachment."""
        row = self._db.execute_one(
            "SELECT r.report_id FROM report_attachments a JOIN reports r "
            "ON r.rowid = a.report_rowid WHERE a.sha256=? AND r.submission_hash IS NOT NULL "
            "ORDER BY r.version DESC LIMIT 1",
            (sha256,),
        )
        return None if row is None else str(row[0])

    def upload_state(self, sha256: str) -> tuple[str | None, int, int] | None:
        row = self._db.execute_one(
            "SELECT url, offset, chunk_size FROM attachment_uploads WHERE sha256=?", (sha256,)
        )
        return None if row is None else (row[0], int(row[1]), int(row[2]))

    def save_upload_state(
        self, sha256: str, url: str | None, offset: int, chunk_size: int, at: str
    ) -> None:
        self._db.execute(
            "INSERT INTO attachment_uploads (sha256, url, offset, chunk_size, updated_at) "
            "VALUES (?,?,?,?,?) ON CONFLICT(sha256) DO UPDATE SET url=excluded.url, "
            "offset=excluded.offset, chunk_size=excluded.chunk_size, "
            "updated_at=excluded.updated_at",
            (sha256, url, offset, chunk_size, at),
        )
