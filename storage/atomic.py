"""Atomic file replacement: readers see the old file or the new one, never a mix.

A crash or power cut at any moment leaves either the complete previous file or the complete new
file under the final name (plus, at worst, a stray hidden temp file if the process dies between
creating and renaming it).
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` atomically and durably, with permission bits ``mode``.

    The temp file lives in the same directory so that ``os.replace`` is a rename on one file
    system. Its mode is set before any data is written, so the content is never readable by
    others, whatever the umask. On any error the temp file is removed and ``path`` is unchanged.
    """
    directory = path.parent
    fd, tmp_name = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            _set_mode(handle.fileno(), tmp, mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # data on disk before the rename makes it visible
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_directory(directory)  # make the rename itself survive a power cut


def _set_mode(fd: int, tmp: Path, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows before Python 3.13: only the read-only flag exists anyway
        os.chmod(tmp, mode)


def _fsync_directory(directory: Path) -> None:
    if sys.platform == "win32":
        return  # directories cannot be opened there; NTFS journals the rename
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
