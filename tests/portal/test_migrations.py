"""The portal schema comes from the Alembic revisions, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from portal.database import Database, current_revision, head_revision
from portal.tables import metadata
from tests.portal.conftest import BACKENDS, new_database_url


@pytest.fixture(params=BACKENDS)
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    db = Database(new_database_url(request, request.param, tmp_path))
    request.addfinalizer(db.dispose)
    return db


def _ddl_statements(db: Database) -> list[str]:
    """Records every schema-changing statement the engine sends from now on."""
    seen: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() in ("CREATE", "ALTER", "DROP"):
            seen.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", record)
    return seen


def test_upgrading_an_empty_database_creates_every_table(empty_db: Database) -> None:
    with empty_db.read() as conn:
        assert current_revision(conn) is None
    empty_db.upgrade()
    tables = set(sa.inspect(empty_db.engine).get_table_names())
    assert set(metadata.tables) | {"alembic_version"} == tables
    with empty_db.read() as conn:
        assert current_revision(conn) == head_revision() is not None
        # The revisions build exactly the schema the code declares (types, keys, indexes).
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), metadata
        )
    assert diff == []


def test_a_second_upgrade_changes_nothing(empty_db: Database) -> None:
    empty_db.upgrade()
    ddl = _ddl_statements(empty_db)
    empty_db.upgrade()
    assert ddl == []
    with empty_db.read() as conn:
        assert current_revision(conn) == head_revision()


def test_revisions_upgrade_step_by_step(tmp_path: Path) -> None:
    """An installation at the first revision upgrades to head and keeps its rows."""
    from alembic import command

    from portal.database import alembic_config

    db = Database(f"sqlite:///{tmp_path / 'old.db'}")
    with db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(
            sa.text("INSERT INTO agencies VALUES ('KE-DIS', 'KEN', 'Immigration', 1)")
        )
    assert "uploads" not in sa.inspect(db.engine).get_table_names()
    db.upgrade()
    with db.read() as conn:
        assert conn.execute(sa.text("SELECT code FROM agencies")).scalar_one() == "KE-DIS"
    assert "uploads" in sa.inspect(db.engine).get_table_names()
    db.dispose()


def test_admin_commands_upgrade_or_refuse_an_old_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command

    from portal.cli import main
    from portal.database import alembic_config
    from portal.keys import create_keys

    data = tmp_path / "portal"
    create_keys(data, portal_id="portal.old", agency="FORUM")
    db = Database(f"sqlite:///{(data / 'portal.db').resolve()}")
    with db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")  # as an older portal version left it
    db.dispose()
    create = ["admin", "agency-create", "--data", str(data), "KE-DIS", "--member-state", "KEN"]
    assert main(create) == 2
    assert "admin db-upgrade" in capsys.readouterr().err
    assert main(["admin", "db-upgrade", "--data", str(data)]) == 0
    assert f"revision {head_revision()}" in capsys.readouterr().out
    assert main(create) == 0
