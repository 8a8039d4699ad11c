"""Attachment uploads: the storage behind the tus endpoints (portal/tus.py).

The bytes live in files under the data directory, the bookkeeping in the database:

- DATA/uploads/<id>.part holds an upload in progress; DATA/attachments/<ab>/<sha256> holds
  each completed file once (content-addressed: the signed submission names its attachments
  by SHA-256, so that is also the name to fetch them by).
- Why files and not BLOBs: a chunk is appended with one write + fsync of that chunk, not a
  rewrite of a growing BLOB; large files never pass through the SQLite WAL or PostgreSQL
  TOAST, so the envelope path stays fast and the database small; and a finished file can be
  streamed back without loading it into memory.
- The row's `received` is the commit point. Bytes past it (a chunk that was cut off, failed
  its checksum or was written just before a crash) do not count: the next PATCH truncates
  the file back to `received` before writing.

Functions here are blocking (SQL, file I/O): the handlers call them in a worker thread.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Final

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from portal import audit
from portal.auth import Caller
from portal.database import Database
from portal.files import private_dir
from portal.problems import Problem
from portal.tables import attachments, envelopes, uploads

PART_SUFFIX: Final = ".part"
_READ_BLOCK: Final = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Upload:
    id: str
    user_id: str
    agency: str
    report_id: str
    sha256: str
    media_type: str | None
    length: int
    received: int
    expires_at: int
    completed_at: int | None

    @property
    def complete(self) -> bool:
        return self.completed_at is not None


def _upload(row: sa.Row[tuple[object, ...]]) -> Upload:
    m = row._mapping
    return Upload(
        id=str(m["id"]),
        user_id=str(m["user_id"]),
        agency=str(m["agency"]),
        report_id=str(m["report_id"]),
        sha256=str(m["sha256"]),
        media_type=None if m["media_type"] is None else str(m["media_type"]),
        length=int(str(m["length"])),
        received=int(str(m["received"])),
        expires_at=int(str(m["expires_at"])),
        completed_at=None if m["completed_at"] is None else int(str(m["completed_at"])),
    )


@dataclass(frozen=True, slots=True)
class UploadStore:
    """Where upload bytes live on disk."""

    data_dir: Path

    def part_path(self, upload_id: str) -> Path:
        return self.data_dir / "uploads" / f"{upload_id}{PART_SUFFIX}"

    def attachment_path(self, sha256: str) -> Path:
        return self.data_dir / "attachments" / sha256[:2] / sha256


def _fsync_dir(path: Path) -> None:
    # The rename or creation of a file is durable only once its directory is synced.
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    path.unlink(missing_ok=True)


def _insert(conn: sa.Connection, upload: Upload, caller: Caller, now: int) -> None:
    """The upload's row: its fields as the dataclass holds them, the caller's key and when."""
    conn.execute(uploads.insert().values(**asdict(upload), key_id=caller.key_id, created_at=now))


def create(
    db: Database,
    store: UploadStore,
    caller: Caller,
    *,
    length: int,
    sha256: str,
    report_id: str,
    media_type: str | None,
    now: int,
    ttl: int,
) -> Upload:
    purge_expired(db, store, now)
    with db.read() as conn:
        owner = conn.execute(
            sa.select(envelopes.c.agency).where(envelopes.c.report_id == report_id).limit(1)
        ).scalar_one_or_none()
    if owner is not None and owner != caller.agency:
        raise Problem("wrong-agency", f"report {report_id} belongs to another agency")
    if length > 0 and _held_for(db, sha256, length, report_id, caller.agency):
        return _known(
            db,
            caller,
            length=length,
            sha256=sha256,
            report_id=report_id,
            media_type=media_type,
            now=now,
        )
    upload = Upload(
        id=secrets.token_hex(16),
        user_id=caller.user_id,
        agency=caller.agency,
        report_id=report_id,
        sha256=sha256,
        media_type=media_type,
        length=length,
        received=0,
        expires_at=now + ttl,
        completed_at=None,
    )
    part = store.part_path(upload.id)
    private_dir(part.parent)
    part.touch(mode=0o600, exist_ok=False)
    os.chmod(part, 0o600)
    try:
        with db.write() as conn:
            _insert(conn, upload, caller, now)
    except BaseException:
        _unlink(part)
        raise
    if length == 0:
        return finish(db, store, upload, caller, now)
    return upload


def _held_for(db: Database, sha256: str, length: int, report_id: str, agency: str) -> bool:
    """Whether the portal keeps this file already and a submission of this report by the
    caller's own agency names it with this size (it came in an offline bundle, say). Only
    then is an upload complete at once: nobody learns from it that the portal holds a file
    they could not have sent themselves."""
    with db.read() as conn:
        size = conn.execute(
            sa.select(attachments.c.size).where(attachments.c.sha256 == sha256)
        ).scalar_one_or_none()
        if size is None or int(size) != length:
            return False
        texts = conn.execute(
            sa.select(envelopes.c.envelope).where(
                envelopes.c.report_id == report_id,
                envelopes.c.agency == agency,
                envelopes.c.type == "submission",
            )
        ).scalars()
        for text in texts:
            named = json.loads(str(text))["body"]["attachments"]
            if any(a["sha256"] == sha256 and a["size"] == length for a in named):
                return True
    return False


def _known(
    db: Database,
    caller: Caller,
    *,
    length: int,
    sha256: str,
    report_id: str,
    media_type: str | None,
    now: int,
) -> Upload:
    """An upload of a file the portal keeps already: complete on creation (Upload-Offset =
    Upload-Length), so its bytes do not cross the link a second time."""
    upload = Upload(
        id=secrets.token_hex(16),
        user_id=caller.user_id,
        agency=caller.agency,
        report_id=report_id,
        sha256=sha256,
        media_type=media_type,
        length=length,
        received=length,
        expires_at=now,
        completed_at=now,
    )
    with db.write() as conn:
        _insert(conn, upload, caller, now)
        audit.append(
            conn,
            at=now,
            actor=caller.user_id,
            action="attachment.known",
            subject=sha256,
            details={"upload": upload.id, "report_id": report_id, "size": length},
        )
    return upload


def load(db: Database, upload_id: str, caller: Caller, now: int) -> Upload:
    """The caller's upload; someone else's is as unknown as one that never existed."""
    with db.read() as conn:
        row = conn.execute(sa.select(uploads).where(uploads.c.id == upload_id)).first()
    if row is None:
        raise Problem("not-found", "no such upload")
    upload = _upload(row)
    if (upload.user_id, upload.agency) != (caller.user_id, caller.agency):
        raise Problem("not-found", "no such upload")
    if not upload.complete and upload.expires_at <= now:
        raise Problem("upload-expired", "the upload expired; create a new one")
    return upload


def record_chunk(db: Database, upload: Upload, received: int, *, now: int, ttl: int) -> Upload:
    """Commit the bytes up to `received` (already written and synced to the part file)."""
    with db.write() as conn:
        updated = conn.execute(
            uploads.update()
            .where(uploads.c.id == upload.id, uploads.c.received == upload.received)
            .values(received=received, expires_at=now + ttl)
        )
    if updated.rowcount != 1:  # the per-upload lock makes this unreachable; belt and braces
        raise Problem("offset-mismatch", "the upload moved on meanwhile")
    return replace(upload, received=received, expires_at=now + ttl)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(_READ_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def finish(db: Database, store: UploadStore, upload: Upload, caller: Caller, now: int) -> Upload:
    """All bytes are in: keep the file if it has the declared SHA-256, else discard it."""
    part = store.part_path(upload.id)
    actual = file_sha256(part)
    if actual != upload.sha256:
        discard(db, store, upload.id)
        with db.write() as conn:
            audit.append(
                conn,
                at=now,
                actor=caller.user_id,
                action="attachment.refuse",
                subject=upload.sha256,
                details={"upload": upload.id, "actual_sha256": actual, "size": upload.length},
            )
        raise Problem(
            "attachment-hash-mismatch",
            f"the file has SHA-256 {actual}, not the declared {upload.sha256}; it was discarded",
            actual=actual,
        )
    target = store.attachment_path(upload.sha256)
    private_dir(target.parent)
    if target.exists():
        _unlink(part)  # the same content arrived before (another upload or report)
    else:
        os.replace(part, target)
        _fsync_dir(target.parent)
    with db.write() as conn:
        conn.execute(
            uploads.update()
            .where(uploads.c.id == upload.id)
            .values(received=upload.length, completed_at=now)
        )
        known = conn.execute(
            sa.select(attachments.c.sha256).where(attachments.c.sha256 == upload.sha256)
        ).first()
        if known is None:
            conn.execute(
                attachments.insert().values(sha256=upload.sha256, size=upload.length, stored_at=now)
            )
        audit.append(
            conn,
            at=now,
            actor=caller.user_id,
            action="attachment.store",
            subject=upload.sha256,
            details={"upload": upload.id, "report_id": upload.report_id, "size": upload.length},
        )
    return replace(upload, received=upload.length, completed_at=now)


def discard(db: Database, store: UploadStore, upload_id: str) -> None:
    with db.write() as conn:
        conn.execute(uploads.delete().where(uploads.c.id == upload_id))
    _unlink(store.part_path(upload_id))


def purge_expired(db: Database, store: UploadStore, now: int) -> int:
    """Forget unfinished uploads whose time is up; returns how many."""
    with db.read() as conn:
        expired = conn.execute(
            sa.select(uploads.c.id).where(
                uploads.c.completed_at.is_(None), uploads.c.expires_at <= now
            )
        ).scalars().all()
    for upload_id in expired:
        discard(db, store, str(upload_id))
    return len(expired)


def store_whole(
    db: Database,
    store: UploadStore,
    sha256: str,
    data: bytes,
    *,
    actor: str,
    report_id: str,
    via: str,
    now: int,
) -> bool:
    """Keep a whole file that arrived in one piece (an offline bundle, docs/protocol.md §6.5)
    exactly as a finished upload is kept: content-addressed, one row per SHA-256. Returns
    False when the portal already held it (nothing is written then). The caller has checked
    that `data` has this SHA-256."""
    with db.read() as conn:
        if conn.execute(
            sa.select(attachments.c.sha256).where(attachments.c.sha256 == sha256)
        ).first():
            return False
    target = store.attachment_path(sha256)
    private_dir(target.parent)
    if not target.exists():
        # Written beside the target and renamed: a crash leaves no half file under its name.
        temp = target.with_name(f"{sha256}.{secrets.token_hex(8)}{PART_SUFFIX}")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temp, target)
        finally:
            _unlink(temp)
        _fsync_dir(target.parent)
    try:
        with db.write() as conn:
            conn.execute(
                attachments.insert().values(sha256=sha256, size=len(data), stored_at=now)
            )
            audit.append(
                conn,
                at=now,
                actor=actor,
                action="attachment.store",
                subject=sha256,
                details={"via": via, "report_id": report_id, "size": len(data)},
            )
    except IntegrityError:
        return False  # the same file arrived by another way meanwhile: one row, one copy
    return True
