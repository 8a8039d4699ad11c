"""The local side of sync: the engine's view of the outbox, receipts and the feed.

Implements sync.engine.SyncStore over the encrypted store. Receipts go through
app.delivery (verified against the portal key before anything is marked delivered); feed
pages are applied with their cursor in one transaction, so a crash re-pulls a page at most.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any, cast

from app.audit import AuditTrail
from app.clock import now_rfc3339, to_rfc3339, utc_now
from app.delivery import Delivery
from app.domain import ReportStatus
from app.envelope_store import store_envelope
from app.errors import NotAllowed
from app.identity import LocalKeyResolver, store_certificate
from app.lifecycle import Action, next_status
from app.national import apply_national_decision, apply_national_review
from app.portal_clock import PortalClock, verify_with_clock
from app.reports import search_index
from storage.attachments_repo import AttachmentRepository
from storage.database import Database
from storage.envelopes_repo import EnvelopeRepository
from storage.errors import NotFound
from storage.feed_repo import FeedRepository, NewFeedItem
from storage.identity_repo import IdentityRepository
from storage.outbox_repo import OutboxRecord, OutboxRepository
from storage.reports_repo import NewReport, ReportRepository
from storage.users_repo import MetaRepository, UserRecord, UserRepository
from sync.protocol import (
    ApprovalBody,
    Certificate,
    NationalReleaseBody,
    SubmissionBody,
    Trust,
    VerificationError,
    canonical_bytes,
    certificate_trust,
)
from sync.protocol.errors import UnresolvedRef

CURSOR_PREFIX = "feed_cursor"
PUBLISHED_KINDS = frozenset({"alert", "bulletin", "mou_template", "fraud_notice"})


# meta: JSON {"batch": n, "feed_page": n, "feed_bytes": n}, see SyncStore.link_memory
LINK_KEY = "sync_link"


def cursor_key(portal_key_id: str | None, user_id: str) -> str:
    """The meta key of one local user's feed cursor at one portal: the portal filters the
    feed per signer, so a cursor shared by two users would skip what one may not see."""
    return f"{CURSOR_PREFIX}/{portal_key_id or 'none'}/{user_id}"


class LocalSyncStore:
    """The store as the sync engine of one unlocked user sees it: the outbox is the
    installation's, the feed cursor and the items meant for one person are that user's."""

    def __init__(self, db: Database, audit: AuditTrail, user: UserRecord) -> None:
        self._db = db
        self._audit = audit
        self._user = user
        self._outbox = OutboxRepository(db)
        self._envelopes = EnvelopeRepository(db)
        self._keys = LocalKeyResolver(db)
        self._delivery = Delivery(db, audit, self._keys)

    # -- outbox ----------------------------------------------------------------------------------

    def due(self, kinds: tuple[str, ...], limit: int) -> list[OutboxRecord]:
        return self._outbox.due(now_rfc3339(), kinds, limit)

    def envelope(self, item: OutboxRecord) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self._envelopes.get(item.ref).body)
        return data

    def accept_receipt(self, item: OutboxRecord, receipt: dict[str, Any]) -> None:
        self._delivery.accept_receipt(item, canonical_bytes(receipt))

    def mark_sent(self, item: OutboxRecord) -> None:
        self._delivery.mark_sent(item.ref)

    def retry_later(self, item: OutboxRecord, error: str, delay: float | None) -> None:
        at = to_rfc3339(utc_now() + timedelta(seconds=delay)) if delay else None
        self._outbox.record_failure(item.id, error, at)

    def quarantine(self, item: OutboxRecord, reason: str) -> None:
        with self._db.transaction():
            self._outbox.quarantine(item.id, reason)
            self._audit.record("sync", "outbox.quarantined", item.ref, {"reason": reason})
            if item.kind == "approval":
                self._decision_refused(item.ref, reason)

    def _decision_refused(self, approval_hash: str, reason: str) -> None:
        """Never show Approved (or Returned) for a decision the portal refused for good: the
        report goes back to the review queue, with the portal's reason in the audit log."""
        body = json.loads(self._envelopes.get(approval_hash).body)["body"]
        reports = ReportRepository(self._db)
        try:
            record = reports.by_submission(str(body["submission"]))
        except NotFound:
            return
        try:
            status = next_status(record.status, Action.DECISION_REFUSED)
        except NotAllowed:
            return  # a later version moved on meanwhile
        reports.set_status(record.rowid, status.value, now_rfc3339())
        self._audit.record(
            "sync",
            "report.decision_refused",
            record.report_id,
            {"approval": approval_hash, "reason": reason[:300]},
        )

    def counts(self) -> tuple[int, int]:
        counts = self._outbox.counts()
        return counts.get("pending", 0), counts.get("quarantined", 0)

    # -- attachments (sync.uploads.UploadStore) -----------------------------------------------

    def attachment_size(self, sha256: str) -> int:
        return AttachmentRepository(self._db).info(sha256).size

    def attachment_range(self, sha256: str, offset: int, size: int) -> bytes:
        return AttachmentRepository(self._db).read_range(sha256, offset, size)

    def attachment_meta(self, sha256: str) -> tuple[str, str] | None:
        repo = AttachmentRepository(self._db)
        report_id = repo.report_of(sha256)
        return None if report_id is None else (report_id, repo.info(sha256).media_type)

    def upload_state(self, sha256: str) -> tuple[str | None, int, int] | None:
        return AttachmentRepository(self._db).upload_state(sha256)

    def save_upload_state(self, sha256: str, url: str | None, offset: int, chunk: int) -> None:
        AttachmentRepository(self._db).save_upload_state(sha256, url, offset, chunk, now_rfc3339())

    def upload_finished(self, item: OutboxRecord) -> None:
        """The portal holds every byte and checked the whole file's SHA-256 against the digest
        the signed submission names, so the attachment is delivered."""
        with self._db.transaction():
            self._outbox.mark_delivered(item.id, None, now_rfc3339())
            self._audit.record("sync", "outbox.delivered", item.ref, {"kind": "attachment"})

    def set_bytes(self, item: OutboxRecord, confirmed: int) -> None:
        self._outbox.set_bytes(item.id, confirmed)

    # -- feed ------------------------------------------------------------------------------------

    def _cursor_key(self) -> str:
        meta = MetaRepository(self._db)
        return cursor_key(meta.get("portal_key_id"), self._user.id)

    def feed_cursor(self) -> str | None:
        return MetaRepository(self._db).get(self._cursor_key())

    def apply_feed_page(self, items: list[dict[str, Any]], cursor: str) -> int:
        """Applies one page and saves its cursor in the same transaction. Items that fail
        verification are skipped (and audited), never stored."""
        applied = 0
        with self._db.transaction():
            # Certificates first: later items on the page may be signed by new keys.
            ordered = sorted(items, key=lambda i: i.get("kind") != "certificate")
            for item in ordered:
                try:
                    applied += self._apply(item)
                except (VerificationError, ValueError, KeyError, TypeError) as exc:
                    self._audit.record(
                        "sync",
                        "feed.item_rejected",
                        str(item.get("id")),
                        {"kind": str(item.get("kind")), "reason": str(exc)[:300]},
                    )
            MetaRepository(self._db).set(self._cursor_key(), cursor)
        return applied

    def _apply(self, item: dict[str, Any]) -> int:
        kind = item["kind"]
        payload = item["payload"]
        if kind in PUBLISHED_KINDS:
            tlp = str(item.get("tlp") or "CLEAR")
            return int(
                FeedRepository(self._db).put(
                    NewFeedItem(
                        item_id=str(item["id"]),
                        for_user=self._user.id if tlp == "RED" else None,
                        kind=kind,
                        title=str(payload.get("title") or kind),
                        body=str(payload.get("body") or ""),
                        tlp=str(item.get("tlp") or "CLEAR"),
                        publisher=str(payload.get("publisher") or "portal"),
                        published_at=str(item["published_at"]),
                        received_at=now_rfc3339(),
                        payload=json.dumps(payload, ensure_ascii=False),
                    )
                )
            )
        if kind == "certificate":
            cert = Certificate.from_json(payload)
            if certificate_trust(cert, self._keys) is not Trust.PORTAL:
                raise ValueError("certificate not issued by the trusted portal")
            store_certificate(self._db, cert)
            return 1
        if kind == "revocation":
            IdentityRepository(self._db).revoke(str(payload["key_id"]), str(payload["revoked_at"]))
            return 1
        if kind in ("decision", "review_item") and "envelope_ref" in payload:
            return self._resolve_ref(str(payload["envelope_ref"]))
        if kind == "decision":
            return self._apply_decision(payload["envelope"])
        if kind == "review_item":
            return self._apply_review_item(payload["envelope"])
        if kind == "release":
            return self._apply_release(item)
        if kind == "national_review":
            return apply_national_review(self._db, self._audit, self._keys, item)
        if kind == "national_decision":
            return apply_national_decision(self._db, self._audit, self._keys, item)
        raise ValueError(f"unknown feed item kind {kind!r}")

    def _verified(self, envelope: object, expected: str) -> Any:
        return verify_with_clock(
            cast(dict[str, Any], envelope),
            keys=self._keys,
            clock=PortalClock(self._db),
            at_signing=True,
            expected_type=expected,
        ).verified

    # -- clock -----------------------------------------------------------------------------------

    def link_memory(self) -> tuple[int, int, int | None] | None:
        """What the last process learned about the link: (batch, feed page, feed page byte
        budget; None when kept by a version without budgets); a damaged value is
        forgotten."""
        raw = MetaRepository(self._db).get(LINK_KEY)
        if raw is None:
            return None
        try:
            value = json.loads(raw)
            budget = value.get("feed_bytes")
            return (
                int(value["batch"]),
                int(value["feed_page"]),
                None if budget is None else int(budget),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def remember_link(self, batch: int, feed_page: int, feed_bytes: int) -> None:
        value = {"batch": batch, "feed_page": feed_page, "feed_bytes": feed_bytes}
        MetaRepository(self._db).set(LINK_KEY, json.dumps(value, sort_keys=True))

    def learn_clock(self, offset: float) -> None:
        """The offset measured by this pass's hello (app/portal_clock.py)."""
        PortalClock(self._db).learn(offset, "hello")

    def local_keys(self) -> list[str]:
        """The keys of this installation's users: what they signed is held here, so the feed
        may send it as a reference (docs/protocol.md 6.5)."""
        return IdentityRepository(self._db).local_key_ids()

    def _resolve_ref(self, envelope_hash: str) -> int:
        """An envelope this installation signed, named by its hash. Held: applying it in full
        would change nothing (its handler stops at the stored envelope), so nothing is done.
        Not held: the whole page is asked again in full (UnresolvedRef rolls it back)."""
        try:
            EnvelopeRepository(self._db).get(envelope_hash)
        except NotFound:
            raise UnresolvedRef(envelope_hash) from None
        return 0

    def _apply_decision(self, envelope: object) -> int:
        """A focal point's decision on one of our submissions, made on another device."""
        verified = self._verified(envelope, "approval")
        body = cast(ApprovalBody, verified.body)
        reports = ReportRepository(self._db)
        record = reports.by_submission(body.submission)
        if not store_envelope(self._db, verified.envelope, record.report_id, record.version):
            return 0  # decided on this device, or already pulled
        if record.status == ReportStatus.QUEUED:
            status = ReportStatus.APPROVED if body.decision == "approve" else ReportStatus.RETURNED
            reports.set_status(record.rowid, status.value, now_rfc3339())
            self._audit.record(
                body.approver,
                f"report.{status.value}",
                record.report_id,
                {"version": record.version, "envelope": verified.hash, "via": "portal"},
            )
        return 1

    def _apply_review_item(self, envelope: object) -> int:
        """A colleague's submission from another device, for this focal point to review."""
        verified = self._verified(envelope, "submission")
        body = cast(SubmissionBody, verified.body)
        report_id = str(body.report_id)
        if not store_envelope(self._db, verified.envelope, report_id, body.report_version):
            return 0
        reports = ReportRepository(self._db)
        try:
            reports.get(report_id, body.report_version)
            return 1  # our own submission, already here
        except Exception:
            pass
        cert = verified.certificate
        UserRepository(self._db).ensure_remote(cert.user_id, cert.agency, cert.role, now_rfc3339())
        payload = dict(body.report)
        for older in reports.versions(report_id):
            reports.mark_superseded(older.rowid)
        rowid = reports.insert(
            NewReport(
                report_id=report_id,
                version=body.report_version,
                status=ReportStatus.QUEUED.value,
                kind=str(payload["kind"]),
                observed_at=cast(str | None, payload.get("observed_at")),
                crossing_point=cast(str | None, payload.get("crossing_point")),
                tlp=cast(dict[str, Any], payload.get("handling") or {}).get("tlp"),
                author_id=cert.user_id,
                created_at=now_rfc3339(),
                payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
                supersedes=body.supersedes,
            ),
            search_index(payload),
        )
        reports.set_submitted(rowid, ReportStatus.QUEUED.value, verified.hash, now_rfc3339())
        self._audit.record(
            "sync", "report.received_for_review", report_id, {"envelope": verified.hash}
        )
        return 1

    def _apply_release(self, item: dict[str, Any]) -> int:
        """A report another member state released to us: kept searchable with the bulletins."""
        payload = item["payload"]
        submission = self._verified(payload["submission"], "submission")
        approval = self._verified(payload["approval"], "approval")
        report = cast(SubmissionBody, submission.body).report
        release = cast(ApprovalBody, approval.body).release
        if "national" in payload:  # released beyond its state by the state's NFP (3.8)
            national = self._verified(payload["national"], "national_release")
            decision = cast(NationalReleaseBody, national.body)
            if decision.approval != approval.hash or decision.release is None:
                raise ValueError("the national release does not release this approval")
            release = decision.release
        title = f"Released report: {report.get('kind')} at {report.get('crossing_point')}"
        tlp = release.tlp if release else str(item.get("tlp") or "AMBER")
        return int(
            FeedRepository(self._db).put(
                NewFeedItem(
                    item_id=str(item["id"]),
                    for_user=self._user.id if tlp == "RED" else None,
                    kind="release",
                    title=title,
                    body=str(report.get("narrative") or ""),
                    tlp=tlp,
                    publisher=cast(SubmissionBody, submission.body).agency,
                    published_at=str(item["published_at"]),
                    received_at=now_rfc3339(),
                    payload=json.dumps(payload, ensure_ascii=False),
                )
            )
        )
