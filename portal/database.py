"""Engine creation, schema set-up and the single-writer rule.

All writes go through `Database.write()`: one transaction at a time, portal-wide. In one
process a lock serialises them; on PostgreSQL every write transaction also takes the
transaction-scoped advisory lock WRITER_LOCK first (pg_advisory_xact_lock, released by its
COMMIT or ROLLBACK), so any number of `serve` processes on one database write one after
another. That keeps what the single-writer design promised with N processes:

- sequence numbers (portal_seq, feed seq) are taken in commit order, so a feed reader that
  stops at the newest committed seq never passes a row that commits later;
- the audit chain's head is read and extended by one writer at a time (no forks);
- a write re-checks what it read outside the lock (e.g. whether an envelope is already
  stored) and sees every earlier writer's commit (READ COMMITTED: each statement after the
  lock sees all transactions committed before it was granted).

SQLite stays single-process (its file lock would serialise writers, but the portal's
process lock is what keeps the steps above atomic there).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Final

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, CursorResult, Engine

from portal.files import private_sqlite

MIGRATIONS = "portal:migrations"  # package resource: works from a wheel, no alembic.ini


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def create_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        private_sqlite(url)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # Up to 16 concurrent requests each hold a read and a write connection for a moment.
    return sa.create_engine(url, pool_pre_ping=True, pool_size=16, max_overflow=16)


def alembic_config(connection: Connection | None = None) -> Config:
    """A programmatic Alembic configuration for the portal's revisions."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


# Any fixed 64-bit number, the same in every portal process of a deployment.
WRITER_LOCK: Final = 0x6F7574706F7374  # "outpost"


class Database:
    def __init__(self, url: str) -> None:
        self.engine = create_engine(url)
        self._write_lock = threading.Lock()
        self.multi_process = self.engine.dialect.name == "postgresql"

    def upgrade(self) -> None:
        """Bring the schema to the newest revision (a no-op when it is there already)."""
        with self.write() as conn:  # two processes starting at once migrate one by one
            if current_revision(conn) != head_revision():
                command.upgrade(alembic_config(conn), "head")

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One serialised write transaction: committed on normal exit, rolled back on error."""
        with self._write_lock, self.engine.begin() as conn:
            if self.multi_process:
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def inserted_id(result: CursorResult[Any]) -> int:
    """The generated primary key of a single-row INSERT."""
    key = result.inserted_primary_key
    if key is None:
        raise RuntimeError("the INSERT returned no primary key")
    return int(key[0])
