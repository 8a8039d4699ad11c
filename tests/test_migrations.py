"""Every released schema opens with this program and upgrades without loss."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from app.paths import DataPaths
from app.reports import ReportService
from app.session import unlock
from storage.migrations import LATEST_VERSION, MIGRATIONS

FIXTURES = sorted((Path(__file__).parent / "data").glob("schema-v*"))


def test_there_is_a_fixture_for_every_released_schema() -> None:
    versions = {int(p.name.removeprefix("schema-v")) for p in FIXTURES}
    assert versions == {m.version for m in MIGRATIONS}, (
        "add a fixture for the new schema: python tests/data/make_fixture.py"
    )


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fixture_upgrades_without_loss(fixture: Path, tmp_path: Path) -> None:
    manifest = json.loads((fixture / "manifest.json").read_text())
    work = tmp_path / fixture.name
    shutil.copytree(fixture, work)
    paths = DataPaths(work)
    for name in manifest["users"]:
        with unlock(paths, name, manifest["passphrase"]) as session:
            assert session.db.schema_version == LATEST_VERSION
            assert session.db.execute("PRAGMA integrity_check") == [("ok",)]
            service = ReportService(session.db, session.user)
            for report_id, digest in manifest["reports"].items():
                view = service.get(report_id)
                body = json.dumps(view.report, sort_keys=True).encode()
                assert hashlib.sha256(body).hexdigest() == digest
            for report_id, status in manifest.get("statuses", {}).items():
                assert service.get(report_id).status == status
            if session.db.schema_version >= 2:
                from app.history import report_history

                for report_id in manifest.get("statuses", {}):
                    assert all(e.valid for e in report_history(session.db, report_id))
            if "feed_items" in manifest:
                from app.bulletins import BulletinService

                assert len(BulletinService(session.db).items()) == manifest["feed_items"]
            audit = session.audit.verify()
            assert audit.ok and audit.entries >= manifest["audit_entries"]
