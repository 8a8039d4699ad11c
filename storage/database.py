"""The encrypted SQLCipher database: create, open with health checks, migrate, close.

The database is opened with a random 256-bit raw key (no passphrase KDF inside SQLCipher: the
key-slot file does the slow derivation once per user). Opening never writes to the file until
every check has passed, so a wrong key, a truncated file or a newer schema leaves the bytes on
disk exactly as they were.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3

from storage.backup import backup_before_upgrade
from storage.errors import (
    DatabaseCorrupt,
    DatabaseMissing,
    DatabaseTooNew,
    InstallationExists,
    StoreClosed,
)
from storage.migrations import LATEST_VERSION, apply_migrations

PAGE_SIZE = 4096  # SQLCipher 4 default cipher_page_size
KEY_BYTES = 32

Row = tuple[Any, ...]
Params = Sequence[Any] | dict[str, Any]
# (sql, seconds, thread name): lets tests and diagnostics see how long each statement took and
# on which thread (the GUI must never wait on the database for long).
QueryObserver = Callable[[str, float, str], None]


def new_database_key() -> bytes:
    return os.urandom(KEY_BYTES)


class Database:
    """The open SQLCipher store of one session: a writer connection and a reader.

    The writer is guarded by a lock: SQLite serialises writers anyway, and worker threads
    (sync, UI ops) go through the same lock, so nothing interleaves inside a transaction.
    Long read-only queries (lists, search, counts, the dashboard) go through `read` /
    `read_one` to a second connection on the same WAL file, which sees the last committed
    state and never holds the writer: opening a report or saving one does not wait behind
    them. Inside a transaction, on the thread that holds it, `read` uses the writer, so a
    transaction reads its own changes. Observers see the statements of both connections.
    """

    def __init__(
        self,
        path: Path,
        connection: sqlcipher3.Connection,
        reader: sqlcipher3.Connection | None = None,
    ) -> None:
        self.path = path
        self._conn: sqlcipher3.Connection | None = connection
        self._reader: sqlcipher3.Connection | None = reader
        self._lock = threading.RLock()
        self._reader_lock = threading.Lock()
        self._in_transaction = False
        self._transaction_thread: int | None = None
        self.observers: list[QueryObserver] = []

    # -- connection access -------------------------------------------------------------------

    def _connection(self) -> sqlcipher3.Connection:
        if self._conn is None:
            raise StoreClosed("The store is locked. Unlock it with your passphrase to continue.")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @contextlib.contextmanager
    def _timed(self, sql: str, lock: Any = None) -> Iterator[None]:
        """Holds the lock for one statement and reports its duration (lock wait included)."""
        started = time.perf_counter()
        with lock or self._lock:
            yield
        if self.observers:
            elapsed = time.perf_counter() - started
            thread = threading.current_thread().name
            for observer in self.observers:
                observer(sql, elapsed, thread)

    def execute(self, sql: str, params: Params = ()) -> list[Row]:
        with self._timed(sql):
            cur = self._connection().execute(sql, params)
            rows: list[Row] = cur.fetchall()
            return rows

    def execute_one(self, sql: str, params: Params = ()) -> Row | None:
        with self._timed(sql):
            cur = self._connection().execute(sql, params)
            row: Row | None = cur.fetchone()
            return row

    def read(self, sql: str, params: Params = ()) -> list[Row]:
        """A read-only query on the reader connection (see the class docstring)."""
        reader = self._reader_for_this_thread()
        if reader is None:
            return self.execute(sql, params)
        with self._timed(sql, self._reader_lock):
            rows: list[Row] = reader.execute(sql, params).fetchall()
            return rows

    def read_one(self, sql: str, params: Params = ()) -> Row | None:
        reader = self._reader_for_this_thread()
        if reader is None:
            return self.execute_one(sql, params)
        with self._timed(sql, self._reader_lock):
            row: Row | None = reader.execute(sql, params).fetchone()
            return row

    def _reader_for_this_thread(self) -> sqlcipher3.Connection | None:
        if self._in_transaction and self._transaction_thread == threading.get_ident():
            return None  # the transaction's own uncommitted changes are on the writer
        if self._conn is None:
            raise StoreClosed("The store is locked. Unlock it with your passphrase to continue.")
        return self._reader

    def executemany(self, sql: str, seq: Sequence[Params]) -> None:
        with self._timed(sql):
            self._connection().executemany(sql, seq)

    def insert(self, sql: str, params: Params = ()) -> int:
        """Runs an INSERT and returns the new rowid."""
        with self._timed(sql):
            cur = self._connection().execute(sql, params)
            rowid = cur.lastrowid
            assert rowid is not None
            return int(rowid)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception; nested calls join the outer."""
        with self._lock:
            if self._in_transaction:
                yield self
                return
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            self._in_transaction = True
            self._transaction_thread = threading.get_ident()
            try:
                yield self
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")
            finally:
                self._in_transaction = False
                self._transaction_thread = None

    @property
    def schema_version(self) -> int:
        row = self.execute_one("PRAGMA user_version")
        assert row is not None
        return int(row[0])

    def close(self) -> None:
        """Checkpoints the WAL into the main file and closes; the key leaves memory with it."""
        with self._lock:
            if self._conn is None:
                return
            conn, self._conn = self._conn, None
            with self._reader_lock:
                reader, self._reader = self._reader, None
                if reader is not None:
                    reader.close()  # first: a reader's snapshot would hold the checkpoint back
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()


# -- opening ---------------------------------------------------------------------------------


def _connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    if len(key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, so nothing is implicitly open.
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    # SQLCipher would print decryption failures to stderr; we raise our own clear errors.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _open_reader(path: Path, key: bytes) -> sqlcipher3.Connection:
    """The second connection: read-only by pragma, same cache and temp-store rules."""
    conn = _connect(path, key)
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA cache_size = -32768")
    return conn


def _apply_runtime_pragmas(conn: sqlcipher3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")  # a returned write survives power loss
    conn.execute("PRAGMA secure_delete = ON")  # deleted content is overwritten, not left in pages
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files for sorts or FTS merges
    conn.execute("PRAGMA foreign_keys = ON")
    # 32 MiB of decrypted pages: SQLCipher pays for decryption on every cache miss.
    conn.execute("PRAGMA cache_size = -32768")


def create_database(path: Path, key: bytes) -> Database:
    """Creates a new encrypted database at the latest schema. Refuses to touch an existing one."""
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if p.exists():
            raise InstallationExists(
                f"A database already exists at {p}. Outpost never overwrites one; "
                "choose another data directory or unlock the existing installation."
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = _connect(path, key)
    _apply_runtime_pragmas(conn)
    apply_migrations(conn)
    return Database(path, conn, _open_reader(path, key))


def _fail_corrupt(path: Path, why: str) -> DatabaseCorrupt:
    return DatabaseCorrupt(
        f"The database {path} cannot be read: {why}. Nothing was changed. "
        "Restore it from a backup (and keep the damaged copy for your agency's IT contact)."
    )


def open_database(path: Path, key: bytes) -> Database:
    """Opens an existing database after read-only checks, then migrates it to the latest schema."""
    if not path.is_file():
        raise DatabaseMissing(
            f"No database at {path}. The key-slot file is there but its database is not: "
            "restore the database file from a backup. Nothing was created or changed."
        )
    size = path.stat().st_size
    if size == 0 or size % PAGE_SIZE != 0:
        raise _fail_corrupt(path, f"its size ({size} bytes) is not a whole number of pages")
    wal = Path(f"{path}-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    conn = _connect(path, key)
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            page_count = int(conn.execute("PRAGMA page_count").fetchone()[0])
        except sqlcipher3.DatabaseError as exc:
            raise _fail_corrupt(path, f"it does not decrypt to a valid database ({exc})") from None
        # Without a WAL the header's page count must match the file; a shorter file was truncated.
        if not has_wal and page_count * PAGE_SIZE != size:
            raise _fail_corrupt(
                path, f"it is {size} bytes but its header expects {page_count * PAGE_SIZE}"
            )
        if version > LATEST_VERSION:
            raise DatabaseTooNew(
                f"The database {path} was written by a newer version of Outpost (schema "
                f"v{version}; this program knows up to v{LATEST_VERSION}). Install the newer "
                "version of Outpost to open it. Nothing was changed."
            )
        if 0 < version < LATEST_VERSION:
            # An older installation: keep it as it was (same key) before migrating it.
            backup_before_upgrade(path, version, LATEST_VERSION)
        _apply_runtime_pragmas(conn)
        apply_migrations(conn)
        reader = _open_reader(path, key)
    except BaseException:
        conn.close()
        raise
    return Database(path, conn, reader)
