"""Modes of everything the portal writes: folders 0700, files 0600, whatever the umask.

The umask can only take permission bits away, so files are created with mode 0600 and
folders with 0700 and then set explicitly (a folder or file made by an earlier version, or
under a permissive umask, is tightened on start). SQLite creates its -wal and -shm files
with the mode of the database file, so a database created 0600 keeps them 0600 too.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Final

FOLDER_MODE: Final = 0o700
FILE_MODE: Final = 0o600


def private_dir(path: Path) -> Path:
    """`path` and any missing parents under it, as folders only the portal's user can use."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another thread made it meanwhile
            folder.mkdir(mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)
    os.chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Create `path` empty if missing; either way leave it readable by the portal only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)
    return path


def tighten(path: Path) -> None:
    """Set an existing file's mode to 0600 (missing: nothing to do)."""
    if path.exists():
        os.chmod(path, FILE_MODE)


def private_sqlite(url: str) -> None:
    """For a SQLite URL: the database file (created now, so SQLite gives its -wal and -shm
    the same mode) and its sidecars are 0600, its folder 0700."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == prefix or ":memory:" in url:
        return
    database = Path(url.removeprefix(prefix))
    private_dir(database.parent)
    private_file(database)
    for suffix in ("-wal", "-shm", "-journal"):
        tighten(Path(f"{database}{suffix}"))
