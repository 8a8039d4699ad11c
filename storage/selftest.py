"""The SQLCipher part of `outpost self-test` (SQL lives in storage/): the bundled library is
SQLCipher 4 with FTS5, and an encrypted file really is encrypted, refuses a wrong key and reads
back with the right one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import sqlcipher3

from storage.database import _connect


def check_sqlcipher() -> str:
    conn = sqlcipher3.connect(":memory:")
    try:
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith("4."):
            raise RuntimeError(f"SQLCipher 4 required, found {version!r}")
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
    finally:
        conn.close()
    provider = _encrypted_round_trip()
    return f"SQLCipher {version[0]} ({provider}; SQLite {sqlite}, FTS5), encrypted file round trip"


def _encrypted_round_trip() -> str:
    """Writes an encrypted file, checks no plaintext reached the disk, that a wrong key is
    refused and the right one reads the row back: what opening an installation relies on."""
    key, wrong = os.urandom(32), os.urandom(32)
    marker = "outpost-self-test-plaintext"
    with tempfile.TemporaryDirectory(prefix="outpost-selftest-") as folder:
        path = Path(folder) / "check.db"
        conn = _connect(path, key)
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("INSERT INTO t VALUES (?)", (marker,))
        conn.commit()
        conn.close()
        data = path.read_bytes()
        if data.startswith(b"SQLite format 3") or marker.encode() in data:
            raise RuntimeError("the database file was written unencrypted")
        conn = _connect(path, wrong)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            raise RuntimeError("a wrong key opened the encrypted file")
        except sqlcipher3.DatabaseError:
            pass
        finally:
            conn.close()
        conn = _connect(path, key)
        try:
            if conn.execute("SELECT x FROM t").fetchone() != (marker,):
                raise RuntimeError("the encrypted file did not read back")
            provider = conn.execute("PRAGMA cipher_provider").fetchone()
        finally:
            conn.close()
    return f"crypto provider {provider[0]}" if provider else "crypto provider unknown"
