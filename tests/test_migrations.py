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
from storage.reports_repo import ReportFilter

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

                visible = len(BulletinService(session.db, session.user.id).items())
                per_user = manifest.get("feed_items_for", {})
                assert visible == per_user.get(name, manifest["feed_items"])
            audit = session.audit.verify()
            assert audit.ok and audit.entries >= manifest["audit_entries"]


def _recount(db: object) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    execute = db.execute  # type: ignore[attr-defined]
    reports = execute(
        "SELECT coalesce(substr(observed_at, 1, 7), ''), kind, status, "
        "coalesce(crossing_point, ''), author_id, count(*) FROM reports WHERE current = 1 "
        "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"
    )
    nationalities = execute(
        "SELECT coalesce(substr(n.observed_at, 1, 7), ''), n.country, count(*) "
        "FROM report_nationalities n JOIN reports r ON r.rowid = n.report_rowid "
        "WHERE r.current = 1 GROUP BY 1, 2 ORDER BY 1, 2"
    )
    return reports, nationalities


def _kept(db: object) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    execute = db.execute  # type: ignore[attr-defined]
    return (
        execute("SELECT * FROM report_counts WHERE n != 0 ORDER BY 1, 2, 3, 4, 5"),
        execute("SELECT * FROM nationality_counts WHERE n != 0 ORDER BY 1, 2"),
    )


@pytest.mark.parametrize(
    "fixture",
    [f for f in FIXTURES if int(f.name.removeprefix("schema-v")) < LATEST_VERSION],
    ids=lambda p: p.name,
)
def test_upgrade_keeps_counts_and_rebuilds_the_search_index(fixture: Path, tmp_path: Path) -> None:
    manifest = json.loads((fixture / "manifest.json").read_text())
    work = tmp_path / fixture.name
    shutil.copytree(fixture, work)
    paths = DataPaths(work)
    with unlock(paths, manifest["users"][0], manifest["passphrase"]) as session:
        assert _kept(session.db) == _recount(session.db)
        assert session.db.execute("SELECT value FROM meta WHERE key = 'search_index'") == []
        service = ReportService(session.db, session.user)
        views = [service.get(report_id) for report_id in manifest["reports"]]
        # Every current report is found again by a word of its narrative, with and without
        # its kind as a filter (the filter tokens were written by the rebuild).
        for view in views:
            words = [w for w in view.report.get("narrative", "").split() if w.isalpha()]
            if not words:
                continue
            word = max(words, key=len)
            assert view.report_id in {v.report_id for v in service.search(word, limit=500)}
            kind = ReportFilter(kind=view.record.kind)
            assert view.report_id in {v.report_id for v in service.search(word, kind, 500)}
            other = ReportFilter(kind="no_such_kind")
            assert service.search(word, other, 500) == []


def test_the_v6_fixture_gains_the_audit_filter_indexes(tmp_path: Path) -> None:
    from storage.audit_repo import AuditFilter, AuditRepository

    fixture = Path(__file__).parent / "data" / "schema-v6"
    manifest = json.loads((fixture / "manifest.json").read_text())
    work = tmp_path / "v6"
    shutil.copytree(fixture, work)
    with unlock(DataPaths(work), manifest["users"][0], manifest["passphrase"]) as session:
        names = {
            r[0]
            for r in session.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'"
            )
        }
        assert {
            "audit_log_by_action",
            "audit_log_by_actor",
            "audit_log_by_object",
            "audit_log_by_at",
        } <= names
        repo = AuditRepository(session.db)
        created = repo.search(AuditFilter(actions=("report.created",), limit=1000))
        assert len(created) == len(manifest["reports"])
        assert session.audit.verify().ok


def test_the_v7_fixture_finds_its_document_numbers_after_the_upgrade(tmp_path: Path) -> None:
    # Issue 18 item 1: reports stored before document numbers were indexed are re-indexed
    # on the first unlock after migration v8, so an old passport number is found too.
    fixture = Path(__file__).parent / "data" / "schema-v7"
    manifest = json.loads((fixture / "manifest.json").read_text())
    work = tmp_path / "v7"
    shutil.copytree(fixture, work)
    with unlock(DataPaths(work), manifest["users"][0], manifest["passphrase"]) as session:
        service = ReportService(session.db, session.user)
        checked = 0
        for report_id in manifest["reports"]:
            for document in service.get(report_id).report.get("documents") or []:
                number = document.get("number")
                if not number:
                    continue
                typed = f"{number[:3].lower()}-{number[3:]}"  # another spelling of it
                found = {v.report_id for v in service.search(typed, limit=500)}
                assert report_id in found, typed
                checked += 1
        assert checked >= 5
