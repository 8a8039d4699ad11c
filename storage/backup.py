"""The copy taken before a schema upgrade: a new program version migrates the database on its
first open, and the installation as it was stays beside it until someone deletes it.

The copy is the database file (and its WAL, which may hold the latest committed pages) byte
for byte, so it stays encrypted with the same key, plus the key-slot file of that moment, so
the same passphrases open it: `backups/schema-v2-20261101T120000Z/` is itself a complete
installation folder (docs/install.md, "Updating").
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from storage.errors import StorageError
from storage.keyslots import KEYSLOTS_FILENAME

BACKUP_FOLDER: Final = "backups"


class BackupFailed(StorageError):
    """The copy before an upgrade could not be made; the upgrade did not start."""


def backup_before_upgrade(db_path: Path, from_version: int, to_version: int) -> Path:
    """Copies the database and its key slots into a new folder under backups/ and returns it.

    Called with the database open for reading only: nothing has written to it yet, so the
    file and its WAL are consistent. The folder appears under its final name only when every
    file in it is on disk, so a half-made copy is never mistaken for a backup.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    root = db_path.parent / BACKUP_FOLDER
    final = root / f"schema-v{from_version}-{stamp}"
    partial = root / f".{final.name}.partial"
    sources = [db_path, Path(f"{db_path}-wal"), db_path.parent / KEYSLOTS_FILENAME]
    try:
        root.mkdir(mode=0o700, exist_ok=True)
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(mode=0o700)
        for source in sources:
            if source.is_file() and source.stat().st_size > 0:
                target = partial / source.name
                shutil.copyfile(source, target)
                os.chmod(target, 0o600)
                _fsync(target)
        os.replace(partial, final)
        _fsync_directory(root)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise BackupFailed(
            f"Before upgrading the database from schema v{from_version} to v{to_version}, "
            f"Outpost copies it to {root}, and that failed ({exc.strerror or exc}). Nothing "
            "was changed: free some disk space (the copy needs as much as the database) and "
            "open Outpost again."
        ) from None
    return final


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_directory(directory: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    with contextlib.suppress(OSError):
        os.fsync(fd)
    os.close(fd)
