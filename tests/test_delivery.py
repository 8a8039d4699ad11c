"""Delivery: only a receipt from the trusted portal key, for exactly that envelope, marks an
item delivered; an approved report then moves to sent and acknowledged, with audit entries
whose chain verifies and a register entry for the release."""

from __future__ import annotations

from datetime import timedelta

import pytest
from support import AGENCY, FAST_KDF, PASSPHRASE, certify, sample

from app.clock import now_rfc3339, utc_now
from app.delivery import Delivery
from app.dissemination import DisseminationRegister
from app.domain import Role
from app.identity import LocalKeyResolver, store_certificate
from app.paths import DataPaths
from app.reports import ReportService
from app.session import NewUser, Session, initialise, unlock
from app.workflow import ReleaseSettings, Workflow
from storage.identity_repo import IdentityRepository
from storage.outbox_repo import OutboxRepository
from sync.protocol import (
    ReceiptBody,
    VerificationError,
    generate_private_key,
    issue_certificate,
    public_key_raw,
    sign_receipt,
)

PORTAL_KEY = generate_private_key()


def _trust_portal(s: Session) -> None:
    now = utc_now()
    cert = issue_certificate(
        public_key=public_key_raw(PORTAL_KEY),
        user_id="test-portal",
        agency="OPERATOR",
        role="portal",
        not_before=now - timedelta(days=1),
        not_after=now + timedelta(days=30),
        serial=1,
        issuer_key=PORTAL_KEY,
    )
    with s.db.transaction():
        IdentityRepository(s.db).add_trust_anchor(
            cert.key_id, public_key_raw(PORTAL_KEY), "test portal", now_rfc3339()
        )
        store_certificate(s.db, cert)


def _receipt(envelope_hash: str, kind: str, seq: int, key=PORTAL_KEY) -> bytes:
    body = ReceiptBody(
        envelope=envelope_hash,
        envelope_type=kind,
        portal_seq=seq,  # type: ignore[arg-type]
        portal_time=utc_now(),
        portal="test-portal",
    )
    return sign_receipt(body, key).to_bytes()


@pytest.fixture
def approved(paths: DataPaths) -> tuple[DataPaths, str]:
    with initialise(paths, NewUser("officer", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("focal", Role.OFP, AGENCY), PASSPHRASE)
        _trust_portal(s)
        certify(s.db, s.audit)
        report_id = ReportService(s.db, s.user, s.audit).create_draft(sample(51, 0)).report_id
        Workflow(s.db, s.user, s.audit).submit(report_id)
    with unlock(paths, "focal", PASSPHRASE) as s:
        Workflow(s.db, s.user, s.audit).approve(
            report_id, ReleaseSettings("AMBER", False, "MOU-1", ("MYS",))
        )
    return paths, report_id


def test_receipts_move_the_report_to_acknowledged(approved: tuple[DataPaths, str]) -> None:
    paths, report_id = approved
    with unlock(paths, "focal", PASSPHRASE) as s:
        delivery = Delivery(s.db, s.audit, LocalKeyResolver(s.db))
        outbox = OutboxRepository(s.db)
        items = {o.kind: o for o in outbox.items()}
        delivery.mark_sent(items["approval"].ref)
        assert ReportService(s.db, s.user).get(report_id).status == "sent"
        delivery.accept_receipt(
            items["submission"], _receipt(items["submission"].ref, "submission", 1)
        )
        delivery.accept_receipt(items["approval"], _receipt(items["approval"].ref, "approval", 2))
        assert ReportService(s.db, s.user).get(report_id).status == "acknowledged"
        assert {o.state for o in outbox.items()} == {"delivered"}
        actions = [r.action for r in s.audit.recent(6)]
        assert "report.acknowledged" in actions and "outbox.delivered" in actions
        assert s.audit.verify().ok
        entry = DisseminationRegister(s.db, s.audit).entries(report_id)[0]
        assert (entry.method, entry.tlp, entry.legal_basis) == ("portal", "AMBER", "MOU-1")


def test_bad_receipts_change_nothing(approved: tuple[DataPaths, str]) -> None:
    paths, report_id = approved
    with unlock(paths, "focal", PASSPHRASE) as s:
        delivery = Delivery(s.db, s.audit, LocalKeyResolver(s.db))
        outbox = OutboxRepository(s.db)
        item = next(o for o in outbox.items() if o.kind == "submission")
        approval = next(o for o in outbox.items() if o.kind == "approval")
        before = (outbox.items(), s.db.execute("SELECT count(*) FROM audit_log"))
        impostor = generate_private_key()
        bad = [
            _receipt(item.ref, "submission", 1, key=impostor),  # not the portal's key
            _receipt(approval.ref, "approval", 1),  # a receipt for another envelope
            _receipt(item.ref, "submission", 1).replace(b'"portal_seq":1', b'"portal_seq":7'),
            b'{"truncated": ',
        ]
        for receipt in bad:
            with pytest.raises((VerificationError, ValueError)):
                delivery.accept_receipt(item, receipt)
        assert (outbox.items(), s.db.execute("SELECT count(*) FROM audit_log")) == before
        assert ReportService(s.db, s.user).get(report_id).status == "approved"
