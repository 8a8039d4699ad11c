"""The national level of a release (docs/protocol.md 3.8): what an OFP approved for readers
beyond its member state waits for a national focal point (NFP) of that state, who releases it
onward with a signed `national_release` envelope, or declines to.

Here: the NFP's queue as it arrives from the feed (`national_review` items, checked against
the signatures before anything is stored), the decision (signed, stored, queued for the
portal, audited, in one transaction), and another NFP's decision arriving from the feed
(`national_decision`), which takes the item out of every NFP's queue.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from typing import Any, cast

from app.audience import decline_lines, release_lines
from app.audit import AuditTrail
from app.clock import now_rfc3339
from app.directory import resolve_recipients
from app.domain import TLP, ReportStatus, Role, tlp_rank
from app.envelope_store import store_envelope
from app.errors import InvalidInput, NotAllowed
from app.identity import LocalKeyResolver, signing_key
from app.portal_clock import PortalClock, verify_with_clock
from app.release_choices import release_choices
from app.roles import require_certified_focal_point
from app.signing import SigningSummary, signer_of, summarise
from app.workflow import ReleaseSettings, check_release, member_state
from resources.i18n import _
from storage.database import Database
from storage.directory_repo import DirectoryRepository
from storage.envelopes_repo import EnvelopeRepository
from storage.errors import NotFound
from storage.feed_repo import FeedItemRecord, FeedRepository, NewFeedItem
from storage.national_repo import KIND, NationalQueueRepository
from storage.outbox_repo import OutboxRepository
from storage.reports_repo import ReportRepository
from storage.users_repo import UserRecord
from sync.protocol import (
    ApprovalBody,
    Envelope,
    NationalReleaseBody,
    Release,
    SubmissionBody,
    sign_national_release,
)

OUTBOX_KIND = "national_release"


@dataclass(frozen=True)
class NationalItem:
    """One OFP approval waiting for this NFP's national decision."""

    report_id: str
    version: int
    agency: str  # the originating agency
    approver: str  # the OFP who approved (user id)
    approval: str  # hash of the OFP's approval envelope
    release: Release  # what the OFP released (the NFP may keep or tighten it)
    report: dict[str, Any]  # the report as its author signed it
    received_at: str

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.report_id,
            "version": self.version,
            "agency": self.agency,
            "approved_by": self.approver,
            "kind": self.report.get("kind"),
            "crossing_point": self.report.get("crossing_point"),
            "tlp": self.release.tlp,
            "release_to": list(self.release.releasable_to),
            "release_to_agency": list(self.release.agencies),
            "third_party": self.release.third_party,
            "legal_basis": self.release.legal_basis,
            "received_at": self.received_at,
        }


def allowed_tlps(ofp_tlp: str) -> tuple[str, ...]:
    """The labels a national release may carry: the OFP's own or a stricter one (a label is
    never loosened downstream), least strict first."""
    return tuple(label.value for label in TLP if tlp_rank(label) >= tlp_rank(ofp_tlp))


def third_parties_may_stay_open(release: Release) -> bool:
    """Whether a national release may let third parties in: only when the OFP did."""
    return release.third_party


def state_of(db: Database, agency: str) -> str:
    """An agency's member state: the portal directory's word when known, else its code's
    prefix (THA-IMM -> THA)."""
    for entry in DirectoryRepository(db).agencies():
        if entry.code == agency:
            return entry.member_state
    return member_state(agency)


# -- from the feed ---------------------------------------------------------------------------


def apply_national_review(
    db: Database, audit: AuditTrail, keys: LocalKeyResolver, item: dict[str, Any]
) -> int:
    """A `national_review` item: the submission and the OFP's approval, both verified and
    stored, and a queue entry that refers to them. Raises VerificationError or ValueError
    (the caller audits and skips the item) when the chain does not hold."""
    payload = item["payload"]
    clock = PortalClock(db)
    submission = verify_with_clock(
        payload["submission"], keys=keys, clock=clock, at_signing=True,
        expected_type="submission",
    ).verified  # fmt: skip
    approval = verify_with_clock(
        payload["approval"], keys=keys, clock=clock, at_signing=True, expected_type="approval"
    ).verified
    body = cast(ApprovalBody, approval.body)
    report_body = cast(SubmissionBody, submission.body)
    if body.submission != submission.hash or body.decision != "approve" or body.release is None:
        raise ValueError("the approval does not release this submission")
    report_id, version = str(report_body.report_id), report_body.report_version
    store_envelope(db, submission.envelope, report_id, version)
    store_envelope(db, approval.envelope, report_id, version)
    _decided_by_the_ofp(db, audit, report_id, version, approval.hash, body.approver)
    refs = {"report_id": report_id, "version": version, "submission": submission.hash,
            "approval": approval.hash}  # fmt: skip
    report = report_body.report
    return int(
        FeedRepository(db).put(
            NewFeedItem(
                item_id=str(item["id"]),
                kind=KIND,
                title=f"{report.get('kind')} at {report.get('crossing_point')}",
                body=str(report.get("narrative") or ""),
                tlp=body.release.tlp,
                publisher=report_body.agency,
                published_at=str(item["published_at"]),
                received_at=now_rfc3339(),
                payload=json.dumps(refs, sort_keys=True),
            )
        )
    )


def _decided_by_the_ofp(
    db: Database, audit: AuditTrail, report_id: str, version: int, approval: str, ofp: str
) -> None:
    """The NFP holds the report from its agency-level review item: the OFP has decided, so
    it leaves the NFP's agency-level queue (the portal sends the decision to its author
    only)."""
    reports = ReportRepository(db)
    try:
        record = reports.get(report_id, version)
    except NotFound:
        return
    if record.status == ReportStatus.QUEUED:
        reports.set_status(record.rowid, ReportStatus.APPROVED.value, now_rfc3339())
        audit.record(ofp, "report.approved", report_id,
                     {"version": version, "envelope": approval, "via": "portal"})  # fmt: skip


def apply_national_decision(
    db: Database, audit: AuditTrail, keys: LocalKeyResolver, item: dict[str, Any]
) -> int:
    """A `national_decision` item: an NFP's decision (perhaps this user's, from another
    device), verified and stored; the approval leaves every NFP's queue."""
    verified = verify_with_clock(
        item["payload"]["envelope"], keys=keys, clock=PortalClock(db), at_signing=True,
        expected_type="national_release",
    ).verified  # fmt: skip
    body = cast(NationalReleaseBody, verified.body)
    report_id = str(body.report_id)
    try:
        version = EnvelopeRepository(db).get(body.approval).report_version
    except NotFound:
        version = None  # an OFP's device that no longer holds the approval: kept all the same
    if not store_envelope(db, verified.envelope, report_id, version):
        return 0  # decided on this device, or already pulled
    details = {"envelope": verified.hash, "approval": body.approval, "via": "portal"}
    audit.record(body.releaser, f"report.national_{body.decision}", report_id, details)
    return 1


# -- the NFP's queue and decision ------------------------------------------------------------


class NationalReview:
    """What an NFP of this installation sees and decides at the national level."""

    def __init__(self, db: Database, user: UserRecord, audit: AuditTrail) -> None:
        self._db = db
        self._user = user
        self._audit = audit
        self._queue = NationalQueueRepository(db)
        self._envelopes = EnvelopeRepository(db)

    def queue(self) -> list[NationalItem]:
        return [self._item(record) for record in self._queue.pending()]

    def count(self) -> int:
        return self._queue.count()

    def resolve(self, prefix: str) -> str:
        """The full report id of a waiting item from its first characters (as listed)."""
        wanted = prefix.strip().lower()
        found = {i.report_id for i in self.queue() if i.report_id.startswith(wanted)}
        if len(found) == 1:
            return found.pop()
        if not found:
            return self.item(wanted).report_id  # says that nothing waits for it
        raise InvalidInput(
            _("'{prefix}' fits several waiting reports; type more of its id.").format(prefix=prefix)
        )

    def item(self, report_id: str) -> NationalItem:
        record = self._queue.pending_for(report_id)
        if record is None:
            raise NotFound(
                _(
                    "No national decision waits for report {id}: it was decided already, or "
                    "it never went beyond its member state (outpost review national)."
                ).format(id=report_id[:8])
            )
        return self._item(record)

    def ofp_audience(self, item: NationalItem) -> list[str]:
        """Who the OFP's release reaches, in words (what the NFP keeps or tightens)."""
        r = item.release
        return release_lines(
            r.tlp, states=r.releasable_to, agencies=r.agencies, recipients=r.recipients,
            third_party=r.third_party, own_agency=item.agency, names=self._names(),
            origin=True,
        )  # fmt: skip

    def prepare_release(
        self, report_id: str, settings: ReleaseSettings | None = None, comment: str = ""
    ) -> tuple[SigningSummary, ReleaseSettings | None]:
        """What releasing nationally would sign and who would receive it, checked as
        `release` checks it (a looser label or third parties let in are refused here, before
        any confirmation); recipients typed by name become principal ids."""
        item = self.item(report_id)
        self._check_decider(item)
        chosen = settings
        if settings is None:
            release = item.release
        else:
            chosen = replace(settings, recipients=resolve_recipients(self._db, settings.recipients))
            release = self._tightened(item, chosen)
        audience = release_lines(
            release.tlp, states=release.releasable_to, agencies=release.agencies,
            recipients=release.recipients, third_party=release.third_party,
            own_agency=item.agency, names=self._names(), origin=True,
        )  # fmt: skip
        warnings = release_choices(self._db).check(release.releasable_to, release.agencies)
        summary = summarise(
            "national_release", item.report, signer_of(self._db, self._user), audience,
            version=item.version, tlp=release.tlp, legal_basis=release.legal_basis,
            third_party=release.third_party, comment=comment.strip(), warnings=warnings,
        )  # fmt: skip
        return summary, chosen

    def prepare_decline(self, report_id: str, comment: str) -> SigningSummary:
        """What keeping the report in the country would sign: the decision and the comment."""
        if not comment.strip():
            raise InvalidInput(_("Say why the report stays in the country (--comment)."))
        item = self.item(report_id)
        self._check_decider(item)
        return summarise(
            "national_decline", item.report, signer_of(self._db, self._user),
            decline_lines(state_of(self._db, item.agency), item.agency),
            version=item.version, tlp=item.release.tlp, comment=comment.strip(),
        )  # fmt: skip

    def _names(self) -> dict[str, str]:
        directory = DirectoryRepository(self._db)
        names = {p.principal_id: p.display_name or p.principal_id for p in directory.principals()}
        names.update({a.code: a.name for a in directory.agencies()})
        return names

    def release(
        self, report_id: str, settings: ReleaseSettings | None = None, comment: str = ""
    ) -> NationalItem:
        """Releases beyond the member state: with the OFP's release as it stands, or with
        `settings`, which may tighten it but never loosen it."""
        return self._decide(report_id, "release", settings, comment)

    def decline(self, report_id: str, comment: str) -> NationalItem:
        """Keeps the report inside the member state; the OFP's agency-level release holds."""
        if not comment.strip():
            raise InvalidInput(_("Say why the report stays in the country (--comment)."))
        return self._decide(report_id, "decline", None, comment)

    def _decide(
        self, report_id: str, decision: str, settings: ReleaseSettings | None, comment: str
    ) -> NationalItem:
        with self._db.transaction():
            item = self.item(report_id)
            self._check_decider(item)
            release = None
            if decision == "release":
                release = item.release if settings is None else self._tightened(item, settings)
            body = NationalReleaseBody(
                approval=item.approval,
                report_id=uuid.UUID(item.report_id),
                decision=cast(Any, decision),
                release=release,
                comment=comment.strip(),
                releaser=self._user.id,
                agency=self._user.agency,
                decided_at=PortalClock(self._db).now(),
            )
            envelope = sign_national_release(body, signing_key(self._db, self._user))
            store_envelope(self._db, envelope, item.report_id, item.version)
            OutboxRepository(self._db).enqueue(OUTBOX_KIND, envelope.hash, now_rfc3339())
            details: dict[str, Any] = {"version": item.version, "envelope": envelope.hash,
                                       "approval": item.approval}  # fmt: skip
            if release is not None:
                details["tlp"] = release.tlp
                details["releasable_to"] = list(release.releasable_to)
                details["agencies"] = list(release.agencies)
            self._audit.record(self._user.id, f"report.national_{decision}", item.report_id,
                               details)  # fmt: skip
        return item

    def _check_decider(self, item: NationalItem) -> None:
        role = require_certified_focal_point(self._db, self._user)
        if role is not Role.NFP:
            raise NotAllowed(
                _("Only a national focal point (NFP) releases a report beyond its country.")
            )
        if state_of(self._db, item.agency) != state_of(self._db, self._user.agency):
            raise NotAllowed(
                _("Report {id} comes from another member state: its own NFP decides.").format(
                    id=item.report_id[:8]
                )
            )

    def _tightened(self, item: NationalItem, settings: ReleaseSettings) -> Release:
        # Against the OFP's label, not the author's proposal: loosening it is refused
        # outright, never argued with a reason.
        release = check_release(settings, None)
        if tlp_rank(release.tlp) < tlp_rank(item.release.tlp):
            raise NotAllowed(
                _(
                    "TLP:{label} is looser than TLP:{ofp}, which the OFP chose: a label is "
                    "never loosened downstream. Keep it or choose a stricter one."
                ).format(label=release.tlp, ofp=item.release.tlp)
            )
        if release.third_party and not item.release.third_party:
            raise NotAllowed(
                _("The OFP kept third parties out; a national release may not let them in.")
            )
        return release

    def _item(self, record: FeedItemRecord) -> NationalItem:
        refs = json.loads(record.payload)
        approval = Envelope.from_bytes(self._envelopes.get(refs["approval"]).body)
        submission = Envelope.from_bytes(self._envelopes.get(refs["submission"]).body)
        body = cast(ApprovalBody, approval.body)
        assert body.release is not None  # only releasing approvals are queued (above)
        report_body = cast(SubmissionBody, submission.body)
        return NationalItem(
            report_id=str(refs["report_id"]),
            version=int(refs["version"]),
            agency=report_body.agency,
            approver=body.approver,
            approval=approval.hash,
            release=body.release,
            report=dict(report_body.report),
            received_at=record.received_at,
        )
