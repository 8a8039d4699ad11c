"""Updating to a new version: an installation made by an older build (the schema fixtures in
tests/data) is copied, encrypted as it was, before its first open migrates it, and the copy
opens with the same passphrase at the old schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlcipher3

from app.paths import DataPaths
from app.session import unlock
from storage.backup import BackupFailed, backup_before_upgrade
from storage.keyslots import KeySlotFile
from storage.migrations import LATEST_VERSION

DATA = Path(__file__).resolve().parents[1] / "data"
OLDER = [p for p in sorted(DATA.glob("schema-v*")) if int(p.name[8:]) < LATEST_VERSION]


def schema_version(database: Path, key: bytes) -> int:
    conn = sqlcipher3.connect(str(database))
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", OLDER, ids=lambda p: p.name)
def test_first_open_of_an_older_schema_keeps_an_encrypted_copy(
    fixture: Path, tmp_path: Path
) -> None:
    manifest = json.loads((fixture / "manifest.json").read_text())
    work = tmp_path / fixture.name
    shutil.copytree(fixture, work)
    before = (work / "outpost.db").read_bytes()
    user = manifest["users"][0]
    with unlock(DataPaths(work), user, manifest["passphrase"]) as session:
        assert session.db.schema_version == LATEST_VERSION
    copies = list((work / "backups").iterdir())
    assert len(copies) == 1 and copies[0].name.startswith(f"schema-v{manifest['schema']}-")
    copy = copies[0]
    assert (copy / "outpost.db").read_bytes() == before  # the file as it was: still encrypted
    assert not (copy / "outpost.db").read_bytes().startswith(b"SQLite format 3")
    # The same passphrase opens the copy (its own key-slot file came with it) ...
    key = KeySlotFile.load(copy / "keyslots.json").unwrap(user, manifest["passphrase"])
    assert schema_version(copy / "outpost.db", key) == manifest["schema"]
    # ... and the copy is a complete installation: unlocking it upgrades it without loss.
    with unlock(DataPaths(copy), user, manifest["passphrase"]) as session:
        assert len(session.db.execute("SELECT 1 FROM reports")) >= len(manifest["reports"])
    # A second open of the upgraded installation takes no further copy.
    with unlock(DataPaths(work), user, manifest["passphrase"]):
        pass
    assert len(list((work / "backups").iterdir())) == 1


def test_the_current_schema_takes_no_copy(tmp_path: Path) -> None:
    fixture = DATA / f"schema-v{LATEST_VERSION}"
    manifest = json.loads((fixture / "manifest.json").read_text())
    shutil.copytree(fixture, tmp_path / "d")
    with unlock(DataPaths(tmp_path / "d"), manifest["users"][0], manifest["passphrase"]):
        pass
    assert not (tmp_path / "d" / "backups").exists()


def test_no_copy_no_upgrade(tmp_path: Path) -> None:
    """When the copy cannot be made (here: backups/ is a file), the upgrade does not start and
    the database stays exactly as it was."""
    fixture = OLDER[0]
    manifest = json.loads((fixture / "manifest.json").read_text())
    work = tmp_path / "d"
    shutil.copytree(fixture, work)
    (work / "backups").write_text("in the way")
    before = (work / "outpost.db").read_bytes()
    with pytest.raises(BackupFailed, match="Nothing was changed"):
        unlock(DataPaths(work), manifest["users"][0], manifest["passphrase"])
    assert (work / "outpost.db").read_bytes() == before
    assert not list(work.glob(".schema-v*"))


def test_backup_folder_appears_only_complete(tmp_path: Path) -> None:
    database = tmp_path / "outpost.db"
    database.write_bytes(b"\0" * 4096)
    folder = backup_before_upgrade(database, 1, 2)
    assert folder.parent == tmp_path / "backups" and (folder / "outpost.db").is_file()
    assert not list((tmp_path / "backups").glob(".*partial"))
