"""What happens when the portal acknowledges an envelope: the receipt is verified, stored and
linked to its outbox row, and the report moves on in its life cycle. An item counts as
delivered only when a receipt from a trusted portal key verifies for exactly that envelope."""

from __future__ import annotations

import json
from typing import cast

from app.audit import AuditTrail
from app.clock import now_rfc3339
from app.dissemination import DisseminationRegister, Method
from app.domain import ReportStatus
from app.envelope_store import store_envelope
from app.errors import NotAllowed
from app.lifecycle import Action, next_status
from app.portal_clock import PortalClock, verify_batch_receipt_with_clock, verify_with_clock
from storage.database import Database
from storage.envelopes_repo import EnvelopeRecord, EnvelopeRepository
from storage.outbox_repo import OutboxRecord, OutboxRepository
from storage.reports_repo import ReportRecord, ReportRepository
from sync.protocol import (
    ApprovalBody,
    Envelope,
    KeyResolver,
    NationalReleaseBody,
    ReceiptBody,
    Release,
    Trust,
    VerifiedEnvelope,
    check_receipt_matches,
)
from sync.protocol.batch_receipts import BATCH_RECEIPT_TYPE, VerifiedBatchReceipt, is_batch_receipt
from sync.protocol.canonical import parse_json
from sync.protocol.errors import HashMismatch, InvalidJson
from sync.protocol.tlp import ReleaseRefused, audience_of

DELIVERY_ACTOR = "sync"


def release_audience_text(release: Release) -> str:
    """Whom the portal releases to, as the TLP rule (sync.protocol.tlp) has it: the register
    names exactly that, never a member state a RED release does not reach."""
    try:
        audience = audience_of(release)
    except ReleaseRefused:  # accepted by a portal from before the rule: it released nothing
        return "own agency only (the release names an audience its label cannot have)"
    if audience.everyone:
        return "everyone on the portal (TLP:CLEAR)"
    parts = []
    if audience.states:
        parts.append("member states " + ", ".join(sorted(audience.states)))
    if audience.agencies:
        parts.append("agencies " + ", ".join(sorted(audience.agencies)))
    if audience.principals:
        parts.append("named recipients " + ", ".join(sorted(audience.principals)))
    return "; ".join(parts) or "own agency only"


def _json_object(data: bytes | str) -> object:
    try:
        return parse_json(data)
    except InvalidJson:
        return None  # the envelope parser says what is wrong with it


class Delivery:
    def __init__(self, db: Database, audit: AuditTrail, keys: KeyResolver) -> None:
        self._db = db
        self._audit = audit
        self._keys = keys
        self._outbox = OutboxRepository(db)
        self._envelopes = EnvelopeRepository(db)
        self._reports = ReportRepository(db)

    def mark_sent(self, envelope_hash: str) -> None:
        """An approved report's envelopes have left the device (no receipt yet)."""
        with self._db.transaction():
            report = self._approved_report_of(envelope_hash)
            if report is not None and report.status == ReportStatus.APPROVED:
                self._advance(report, Action.SEND, {})

    def accept_receipt(
        self, item: OutboxRecord, receipt: bytes | str
    ) -> VerifiedEnvelope[ReceiptBody] | VerifiedBatchReceipt:
        """Verifies the portal's receipt for `item` and records the delivery. Raises a
        VerificationError (and changes nothing) for any receipt that does not verify."""
        clock = PortalClock(self._db)
        if is_batch_receipt(_json_object(receipt)):
            return self._accept_batch_receipt(item, receipt, clock)
        # A receipt is the portal's own statement of when it accepted: its certificate must
        # have been valid then, whatever this device's clock says now.
        verified = verify_with_clock(
            receipt, keys=self._keys, clock=clock, at_signing=True, expected_type="receipt"
        ).verified
        if verified.trust is not Trust.PORTAL:
            raise NotAllowed("A receipt must be signed by the portal's key.")
        stored = self._envelopes.get(item.ref)
        target = Envelope.from_bytes(stored.body)
        check_receipt_matches(verified.envelope, target)
        with self._db.transaction():
            clock.learn_from_portal_time(verified.body.portal_time, "receipt")
            store_envelope(self._db, verified.envelope, stored.report_id, stored.report_version)
            self._outbox.mark_delivered(item.id, verified.hash, now_rfc3339())
            self._audit.record(
                DELIVERY_ACTOR,
                "outbox.delivered",
                item.ref,
                {"kind": item.kind, "receipt": verified.hash, "seq": verified.body.portal_seq},
            )
            if target.type == "approval":
                self._after_approval_delivered(cast(Envelope[ApprovalBody], target), verified)
            elif target.type == "national_release":
                self._after_national_delivered(
                    cast(Envelope[NationalReleaseBody], target), verified
                )
        return verified

    def _accept_batch_receipt(
        self, item: OutboxRecord, receipt: bytes | str, clock: PortalClock
    ) -> VerifiedBatchReceipt:
        """A receipt out of a batch: the proof leads to a root the portal signed. Stored whole
        (receipt body, proof, signed root), so history re-verifies it alone, offline."""
        verified = verify_batch_receipt_with_clock(receipt, keys=self._keys, clock=clock).verified
        stored = self._envelopes.get(item.ref)
        target = Envelope.from_bytes(stored.body)
        body = verified.body
        if body.envelope != target.hash or body.envelope_type != target.type:
            raise HashMismatch(
                f"receipt acknowledges {body.envelope_type} {body.envelope},"
                f" not {target.type} {target.hash}"
            )
        with self._db.transaction():
            clock.learn_from_portal_time(body.portal_time, "receipt")
            self._envelopes.put(
                EnvelopeRecord(
                    hash=verified.hash,
                    type=BATCH_RECEIPT_TYPE,
                    report_id=stored.report_id,
                    report_version=stored.report_version,
                    key_id=verified.receipt.batch.key_id,
                    created_at=now_rfc3339(),
                    body=verified.receipt.to_bytes().decode("utf-8"),
                )
            )
            self._outbox.mark_delivered(item.id, verified.hash, now_rfc3339())
            self._audit.record(
                DELIVERY_ACTOR,
                "outbox.delivered",
                item.ref,
                {"kind": item.kind, "receipt": verified.hash, "seq": body.portal_seq},
            )
            if target.type == "approval":
                self._after_approval_delivered(cast(Envelope[ApprovalBody], target), verified)
            elif target.type == "national_release":
                self._after_national_delivered(
                    cast(Envelope[NationalReleaseBody], target), verified
                )
        return verified

    def _after_approval_delivered(
        self,
        approval: Envelope[ApprovalBody],
        receipt: VerifiedEnvelope[ReceiptBody] | VerifiedBatchReceipt,
    ) -> None:
        body = approval.body
        if body.decision != "approve" or body.release is None:
            return
        report = self._reports.by_submission(body.submission)
        submission_delivered = any(
            o.state == "delivered" for o in self._outbox.of_ref(body.submission)
        )
        if report.status == ReportStatus.APPROVED:
            report = self._advance(report, Action.SEND, {})
        if submission_delivered and report.status == ReportStatus.SENT:
            seq = receipt.body.portal_seq
            report = self._advance(
                report, Action.ACKNOWLEDGE, {"receipt": receipt.hash, "seq": seq}
            )
        release = body.release
        DisseminationRegister(self._db, self._audit).record(
            actor=body.approver,
            obj=report.report_id,
            recipient=f"portal {receipt.body.portal} for {release_audience_text(release)}",
            method=Method.PORTAL,
            purpose="release approved by the focal point",
            legal_basis=release.legal_basis,
            tlp=release.tlp,
        )

    def _after_national_delivered(
        self,
        national: Envelope[NationalReleaseBody],
        receipt: VerifiedEnvelope[ReceiptBody] | VerifiedBatchReceipt,
    ) -> None:
        """The register records a national release once the portal holds it; a decline
        released nothing."""
        body = national.body
        if body.decision != "release" or body.release is None:
            return
        release = body.release
        DisseminationRegister(self._db, self._audit).record(
            actor=body.releaser,
            obj=str(body.report_id),
            recipient=f"portal {receipt.body.portal} for {release_audience_text(release)}",
            method=Method.PORTAL,
            purpose="released beyond the member state by the national focal point",
            legal_basis=release.legal_basis,
            tlp=release.tlp,
        )

    def _advance(
        self, report: ReportRecord, action: Action, details: dict[str, object]
    ) -> ReportRecord:
        status = next_status(report.status, action)
        self._reports.set_status(report.rowid, status.value, now_rfc3339())
        self._audit.record(DELIVERY_ACTOR, f"report.{status.value}", report.report_id, details)
        return self._reports.get(report.report_id, report.version)

    def _approved_report_of(self, envelope_hash: str) -> ReportRecord | None:
        stored = self._envelopes.get(envelope_hash)
        if stored.type != "approval":
            return None
        body = json.loads(stored.body)["body"]
        if body["decision"] != "approve":
            return None
        return self._reports.by_submission(body["submission"])
