"""Writes a fixture installation of the CURRENT schema into tests/data/schema-vN/.

Run once per released schema version (`python tests/data/make_fixture.py`) and commit the
result; never regenerate an old one. tests/test_migrations.py opens every fixture with the
current program and checks that nothing was lost.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from support import FAST_KDF, certify, sample

from app.domain import Role
from app.paths import DataPaths
from app.reports import AttachmentInput, ReportService
from app.session import NewUser, initialise, unlock
from storage.migrations import LATEST_VERSION

PASSPHRASE = "fixture passphrase, not secret"


def main() -> None:
    target = Path(__file__).parent / f"schema-v{LATEST_VERSION}"
    if target.exists():
        sys.exit(f"{target} exists: fixtures of released schemas are never regenerated")
    work = target.with_suffix(".tmp")
    shutil.rmtree(work, ignore_errors=True)
    paths = DataPaths(work)
    session = initialise(paths, NewUser("ana", Role.OFFICER, "THA-IMM"), PASSPHRASE, kdf=FAST_KDF)
    session.add_user(NewUser("ben", Role.OFP, "THA-IMM"), PASSPHRASE)
    if LATEST_VERSION >= 6:  # roles come from certificates: ben's must be certified
        certify(session.db, session.audit)
    service = ReportService(session.db, session.user, session.audit)
    manifest: dict[str, object] = {
        "schema": LATEST_VERSION,
        "passphrase": PASSPHRASE,
        "users": ["ana", "ben"],
        "reports": {},
    }
    reports: dict[str, str] = {}
    for i in range(25):
        files = []
        if i % 5 == 0:
            files = [AttachmentInput(f"doc{i}.jpg", "image/jpeg", bytes([i]) * 5000)]
        view = service.create_draft(sample(99, i), files)
        reports[view.report_id] = hashlib.sha256(
            json.dumps(view.report, sort_keys=True).encode()
        ).hexdigest()
    manifest["reports"] = reports
    statuses: dict[str, str] = {}
    if LATEST_VERSION >= 2:  # the signed workflow exists from schema v2 on
        from app.workflow import ReleaseSettings, Workflow

        ids = list(reports)
        for report_id in ids[:10]:
            Workflow(session.db, session.user, session.audit).submit(report_id)
        session.lock()
        session = unlock(paths, "ben", PASSPHRASE)
        flow = Workflow(session.db, session.user, session.audit)
        release = ReleaseSettings("AMBER", False, "MOU-THA-MYS-2019", ("MYS",))
        for report_id in ids[:5]:
            flow.approve(report_id, release, "fixture approval")
        for report_id in ids[5:7]:
            flow.return_to_author(report_id, "fixture return")
        statuses = {i: ReportService(session.db, session.user).get(i).status for i in ids}
    manifest["statuses"] = statuses
    if LATEST_VERSION >= 3:  # pulled feed items exist from schema v3 on
        from storage.feed_repo import FeedRepository, NewFeedItem

        feed = FeedRepository(session.db)
        with session.db.transaction():
            for n in range(3):
                feed.put(
                    NewFeedItem(
                        f"fixture-item-{n}",
                        "bulletin",
                        f"[SYNTHETIC] Bulletin {n}",
                        "Fixture bulletin text.",
                        "GREEN",
                        "portal",
                        f"2026-0{n + 1}-01T00:00:00Z",
                        "2026-11-01T00:00:00Z",
                        "{}",
                    )
                )
        manifest["feed_items"] = 3
        if LATEST_VERSION >= 6:  # items meant for one user exist from schema v6 on
            with session.db.transaction():
                feed.put(
                    NewFeedItem(
                        "fixture-red",
                        "alert",
                        "[SYNTHETIC] For ben only",
                        "Fixture RED alert.",
                        "RED",
                        "portal",
                        "2026-04-01T00:00:00Z",
                        "2026-11-01T00:00:00Z",
                        "{}",
                        for_user=session.user.id,
                    )
                )
            manifest["feed_items_for"] = {"ben": 4, "ana": 3}
    manifest["audit_entries"] = session.audit.verify().entries
    session.lock()
    (work / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    work.rename(target)
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
