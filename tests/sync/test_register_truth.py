"""The dissemination register tells the truth, on the device and on the portal.

Finding: an export or bundle whose file write failed still left a dissemination entry (the
entry was written before the file), and a TLP:RED approval "released to" a member state was
recorded as a release to that state although the portal released nothing.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from support import FAST_KDF as FAST
from support import PASSPHRASE, sample
from sync_support import approved_reports, connected_post, enrol, provisioning_doc

from app.dissemination import DisseminationRegister
from app.domain import Role
from app.envelope_store import store_envelope
from app.errors import InvalidInput
from app.exports import export_report
from app.identity import signing_key
from app.paths import DataPaths
from app.provisioning import apply_provisioning, parse_provisioning
from app.reports import ReportService
from app.session import NewUser, Session, initialise, unlock
from app.workflow import ReleaseSettings, Workflow
from portal.clock import now_seconds
from portal.national_rules import set_rule
from services.bundles import export_bundle
from services.directory import received_by, refresh_directory
from services.sync_session import sync_engine
from storage.outbox_repo import OutboxRepository
from storage.reports_repo import ReportRepository
from sync.protocol import ApprovalBody, Release, sign_approval
from sync.transport import Problem
from tests.portal_server import PortalServer


def _entries(s: Session) -> int:
    return len(DisseminationRegister(s.db, s.audit).entries())


def _unwritable(tmp_path: Path) -> Path:
    """A path that cannot be written whoever runs the test (root included): its parent is a
    file, not a folder."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    return blocker / "out.file"


def test_a_failed_export_write_leaves_no_register_entry(
    tmp_path: Path, live_portal: PortalServer
) -> None:
    post = connected_post(tmp_path / "post", live_portal)
    (report_id,) = approved_reports(post, 1)
    with post.focal() as s:
        before = _entries(s)
        with pytest.raises(OSError):
            export_report(s.db, s.user, s.audit, report_id, recipient="MYS-IMM liaison",
                          purpose="joint case", out=_unwritable(tmp_path))  # fmt: skip
        assert _entries(s) == before
        good = tmp_path / "r.json"
        export_report(s.db, s.user, s.audit, report_id, recipient="MYS-IMM liaison",
                      purpose="joint case", out=good)  # fmt: skip
        assert good.exists() and _entries(s) == before + 1


def test_a_failed_bundle_write_leaves_no_register_entry(
    tmp_path: Path, live_portal: PortalServer
) -> None:
    post = connected_post(tmp_path / "post", live_portal)
    approved_reports(post, 2)
    with post.focal() as s:
        before = _entries(s)
        with pytest.raises(OSError):
            export_bundle(s, _unwritable(tmp_path), "courier to the capital")
        assert _entries(s) == before
        export_bundle(s, tmp_path / "post.bundle", "courier to the capital")
        assert _entries(s) == before + 2


def test_a_refused_release_leaves_no_register_entry(
    tmp_path: Path, live_portal: PortalServer
) -> None:
    post = connected_post(tmp_path / "post", live_portal)
    with post.officer() as s:
        report_id = ReportService(s.db, s.user, s.audit).create_draft(sample(5, 1)).report_id
        Workflow(s.db, s.user, s.audit).submit(report_id)
    with post.focal() as s:
        flow = Workflow(s.db, s.user, s.audit)
        red_to_state = ReleaseSettings("RED", False, "MOU-1", ("MYS",))
        with pytest.raises(InvalidInput, match="choose the recipients by name"):
            flow.approve(report_id, red_to_state)
        strict_to_state = ReleaseSettings("AMBER+STRICT", False, "MOU-1", ("MYS",))
        with pytest.raises(InvalidInput, match="name the agencies instead"):
            flow.approve(report_id, strict_to_state)
        assert ReportService(s.db, s.user, s.audit).get(report_id).status == "queued"
        # An approval that breaks the rule all the same (signed by an older client, say)
        # is refused by the portal: quarantined, and the register records no release.
        record = ReportRepository(s.db).get(report_id)
        assert record.submission_hash is not None
        approval = sign_approval(
            ApprovalBody(
                submission=record.submission_hash,
                report_id=uuid.UUID(report_id),
                decision="approve",
                release=Release("RED", False, "MOU-1", ("MYS",), None),
                comment="",
                approver=s.user.id,
                agency=s.user.agency,
                decided_at=datetime.now(UTC),
            ),
            signing_key(s.db, s.user),
        )
        with s.db.transaction():
            store_envelope(s.db, approval, report_id, record.version)
            OutboxRepository(s.db).enqueue("approval", approval.hash, "2026-01-01T00:00:00Z")
            ReportRepository(s.db).set_status(record.rowid, "approved", "2026-01-01T00:00:00Z")
        assert ReportService(s.db, s.user, s.audit).get(report_id).status == "approved"
        sync_engine(s).run_pass()
        quarantined = list(OutboxRepository(s.db).of_ref(approval.hash))
        assert [o.state for o in quarantined] == ["quarantined"]
        assert "release" in str(quarantined[0].last_error).lower()
        assert _entries(s) == 0
        # ... and the report does not show a decision that never counted.
        assert ReportService(s.db, s.user, s.audit).get(report_id).status == "queued"


def _post_of(root: Path, portal: PortalServer, agency: str, name: str, role: str) -> DataPaths:
    paths = DataPaths(root)
    prov = parse_provisioning(provisioning_doc(portal, agency))
    with initialise(paths, NewUser(name, Role(role), agency), PASSPHRASE, kdf=FAST) as s:
        apply_provisioning(s.db, s.audit, s.user.id, prov)
        enrol(s, portal, role)
    return paths


def test_a_red_release_by_name_and_who_has_my_report(
    tmp_path: Path, live_portal: PortalServer
) -> None:
    # The register, not the national level: Kenya's OFPs release beyond the state themselves
    # (where the NFP must release: tests/portal/test_release_levels.py).
    set_rule(live_portal.db, "KEN", ofp_releases=True, now=now_seconds())
    post = connected_post(tmp_path / "post", live_portal)
    elsewhere = live_portal.new_agency("MYS")
    # Two people called "ana" elsewhere: one in MYS, and the officer of the post itself.
    mys_ana = _post_of(tmp_path / "mys", live_portal, elsewhere, "ana", "officer")
    with unlock(mys_ana, "ana", PASSPHRASE) as s:
        mys_ana_id = s.user.id
    with post.officer() as s:
        report_id = ReportService(s.db, s.user, s.audit).create_draft(sample(8, 2)).report_id
        Workflow(s.db, s.user, s.audit).submit(report_id)
        sync_engine(s).run_pass()
    with post.focal() as s:
        refresh_directory(s)
        flow = Workflow(s.db, s.user, s.audit)
        from app.directory import resolve_recipients

        with pytest.raises(InvalidInput, match="Several people are called 'ana'"):
            resolve_recipients(s.db, ["ana"])
        (recipient,) = resolve_recipients(s.db, [mys_ana_id])
        flow.approve(report_id, ReleaseSettings("RED", False, "MOU-1", recipients=(recipient,)))
        assert sync_engine(s).run_pass().error is None
    with unlock(mys_ana, "ana", PASSPHRASE) as s:
        sync_engine(s).run_pass()
    with post.focal() as s:
        deliveries = received_by(s, report_id)
        releases = [d for d in deliveries if d["kind"] == "release"]
        assert [(d["principal_id"], d["display_name"], d["tlp"]) for d in releases] == [
            (mys_ana_id, "ana", "RED")
        ]
        entries = DisseminationRegister(s.db, s.audit).entries(report_id)
        assert [e.method for e in entries] == ["portal"]
        assert mys_ana_id in entries[0].recipient and "MYS" not in entries[0].recipient.split()
    with post.officer() as s, pytest.raises(Problem) as refused:
        received_by(s, report_id)
    assert refused.value.slug == "not-permitted"
