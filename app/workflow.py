"""Submitting, approving and returning reports: every step signed, checked and audited.

Each method checks every rule first, then writes the new status, the signed envelope, its
outbox row and its audit entry in one transaction: a refused action writes nothing.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, replace
from typing import Any, cast

from app import codelists
from app.audience import release_lines, return_lines, submission_lines
from app.audit import AuditTrail
from app.clock import now_rfc3339, to_rfc3339
from app.directory import resolve_recipients
from app.domain import ReportStatus, Role, tlp_rank
from app.envelope_store import store_envelope
from app.errors import InvalidInput, NotAllowed
from app.history import report_history
from app.identity import LocalKeyResolver, signing_key
from app.lifecycle import Action, next_status
from app.portal_clock import PortalClock, validation_time, verify_with_clock
from app.release_choices import release_choices
from app.report_diff import Change, report_changes
from app.reports import ReportService, ReportView
from app.roles import require_certified_focal_point
from app.signing import SigningSummary, author_name, signer_of, summarise
from app.validation import validate_report
from resources.i18n import _
from storage.database import Database
from storage.directory_repo import DirectoryRepository
from storage.envelopes_repo import EnvelopeRepository
from storage.outbox_repo import OutboxRepository
from storage.reports_repo import ReportFilter, ReportRecord, ReportRepository
from storage.users_repo import UserRecord
from sync.protocol import (
    ApprovalBody,
    Attachment,
    Envelope,
    Release,
    SubmissionBody,
    Tlp,
    sign_approval,
    sign_submission,
)
from sync.protocol.tlp import ReleaseRefused, release_audience

FOCAL_POINTS = frozenset({Role.OFP.value, Role.NFP.value})  # role names, for display


def member_state(agency: str) -> str:
    """Agency codes start with their member state's ISO 3166 alpha-3 code (THA-IMM -> THA)."""
    return agency.split("-", 1)[0].upper()


def may_review(role: Role, reviewer_agency: str, author_agency: str) -> bool:
    """An OFP reviews their own agency; an NFP every agency of their member state. `role`
    is the reviewer's certified role (app.roles), never the one stored with the user."""
    if role is Role.OFP:
        return reviewer_agency == author_agency
    if role is Role.NFP:
        return member_state(reviewer_agency) == member_state(author_agency)
    return False


@dataclass(frozen=True)
class ReleaseSettings:
    """What the approver decides about onward sharing."""

    tlp: str
    third_party: bool
    legal_basis: str
    releasable_to: tuple[str, ...] = ()
    tlp_reason: str | None = None
    agencies: tuple[str, ...] = ()  # named agencies (AMBER+STRICT, or with states)
    recipients: tuple[str, ...] = ()  # principal ids (TLP:RED), e.g. from the directory


def check_release(settings: ReleaseSettings, proposed_tlp: str | None) -> Release:
    """The release rules: a known TLP label that stays or tightens relative to the author's
    proposal (loosening needs a stated reason), a legal basis, and real member-state codes."""
    label = settings.tlp.strip().upper()
    try:
        rank = tlp_rank(label)
    except ValueError:
        raise InvalidInput(
            _(
                "'{label}' is not a TLP 2.0 label; use CLEAR, GREEN, AMBER, AMBER+STRICT or RED."
            ).format(label=settings.tlp)
        ) from None
    reason = (settings.tlp_reason or "").strip() or None
    if proposed_tlp and rank < tlp_rank(proposed_tlp) and reason is None:
        raise NotAllowed(
            _(
                "The author proposed TLP:{proposed}; releasing it as TLP:{label} loosens the "
                "handling. Give the reason for loosening (--tlp-reason) or keep it at least as "
                "strict."
            ).format(proposed=proposed_tlp, label=label)
        )
    basis = settings.legal_basis.strip()
    if not basis:
        raise InvalidInput(
            _("Approving needs a legal basis for sharing (the MOU or arrangement reference).")
        )
    codes = sorted({c.strip().upper() for c in settings.releasable_to if c.strip()})
    unknown = [c for c in codes if not codelists.is_country(c)]
    if unknown:
        raise InvalidInput(
            _("Not ISO 3166 alpha-3 country codes: {codes} (e.g. THA, MYS, IDN).").format(
                codes=", ".join(unknown)
            )
        )
    agencies = sorted({a.strip().upper() for a in settings.agencies if a.strip()})
    bad_agencies = [a for a in agencies if not _AGENCY_CODE.fullmatch(a)]
    if bad_agencies:
        raise InvalidInput(
            _("Not agency codes: {codes} (e.g. MYS-IMM).").format(codes=", ".join(bad_agencies))
        )
    recipients = sorted({r.strip() for r in settings.recipients if r.strip()})
    bad_recipients = [r for r in recipients if not _PRINCIPAL_ID.fullmatch(r)]
    if bad_recipients:
        raise InvalidInput(
            _(
                "Not principal ids: {ids}: choose recipients from the portal directory "
                "(outpost directory list)."
            ).format(ids=", ".join(bad_recipients))
        )
    try:  # the portal's own rule (sync.protocol.tlp): what it would refuse is refused here
        release_audience(
            label,
            states=codes,
            agencies=agencies,
            recipients=recipients,
            third_party=settings.third_party,
        )
    except ReleaseRefused as exc:  # the portal's English sentence, in the user's language
        raise InvalidInput(_(exc.template).format(**exc.params)) from None
    return Release(
        tlp=cast(Tlp, label),
        third_party=settings.third_party,
        legal_basis=basis,
        releasable_to=tuple(codes),
        tlp_reason=reason,
        agencies=tuple(agencies),
        recipients=tuple(recipients),
    )


def release_warning(settings: ReleaseSettings) -> str | None:
    """What the portal's TLP rule says about these settings while they are being chosen
    (None when they can be honoured); the same rule refuses them at approval."""
    if not settings.tlp:
        return None
    try:
        release_audience(
            settings.tlp.strip().upper(),
            states=[c for c in settings.releasable_to if c],
            agencies=[a for a in settings.agencies if a],
            recipients=[r for r in settings.recipients if r],
            third_party=settings.third_party,
        )
    except ReleaseRefused as exc:
        return str(exc)
    return None


_AGENCY_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{1,31}")
_PRINCIPAL_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")


@dataclass(frozen=True)
class QueueFacts:
    """What the review queue shows beside a report: its author and how long it waits."""

    author: str
    waiting_since: str | None  # RFC 3339, when the author signed the submission


@dataclass(frozen=True)
class ReturnedChanges:
    """What a corrected version changes in the version that was returned."""

    returned_version: int
    changes: list[Change]


@dataclass(frozen=True)
class ActionItem:
    """A report of this user's that a reviewer returned, waiting for them to correct it."""

    report_id: str
    version: int  # the version on the officer's desk (the returned one, or its correction)
    kind: str
    observed_at: str | None
    crossing_point: str | None
    returned_by: str
    returned_at: str
    comment: str
    correcting: bool  # a corrected draft has been started


class Workflow:
    """The signed workflow for one unlocked user."""

    def __init__(self, db: Database, user: UserRecord, audit: AuditTrail) -> None:
        self._db = db
        self._user = user
        self._audit = audit
        self._reports = ReportRepository(db)
        self._envelopes = EnvelopeRepository(db)
        self._outbox = OutboxRepository(db)
        self._service = ReportService(db, user, audit)

    # -- the author's side ----------------------------------------------------------------------

    def prepare_submission(self, report_id: str) -> SigningSummary:
        """What submitting would sign and to whom, checked as submit checks it (a refusal is
        raised here, before anything is confirmed); writes nothing."""
        record = self._reports.get(report_id)
        if record.author_id != self._user.id:
            raise NotAllowed(_("Only the author can submit a report."))
        next_status(record.status, Action.SUBMIT)
        self._require_change_since_returned(record)
        report = validate_report(
            json.loads(record.payload), for_submit=True, **validation_time(self._db)
        ).to_dict()
        return summarise(
            "submit",
            report,
            signer_of(self._db, self._user),
            submission_lines(self._user.agency),
            version=record.version,
        )

    def submit(self, report_id: str) -> ReportView:
        """Validates the draft completely, signs it, and queues it for review and sending."""
        with self._db.transaction():
            record = self._reports.get(report_id)
            if record.author_id != self._user.id:
                raise NotAllowed(_("Only the author can submit a report."))
            status = next_status(record.status, Action.SUBMIT)
            self._require_change_since_returned(record)
            report = validate_report(
                json.loads(record.payload), for_submit=True, **validation_time(self._db)
            )
            payload = report.to_dict()
            body = SubmissionBody(
                report_id=uuid.UUID(report_id),
                report_version=record.version,
                supersedes=record.supersedes,
                report=payload,
                attachments=tuple(
                    Attachment(sha256=a["sha256"], size=a["size"], media_type=a["media_type"])
                    for a in payload["attachments"]
                ),
                author=self._user.id,
                agency=self._user.agency,
                created_at=PortalClock(self._db).now(),
            )
            envelope = sign_submission(body, signing_key(self._db, self._user))
            now = now_rfc3339()
            store_envelope(self._db, envelope, report_id, record.version)
            self._reports.set_submitted(record.rowid, status.value, envelope.hash, now)
            self._outbox.enqueue("submission", envelope.hash, now)
            for attachment in payload["attachments"]:
                self._outbox.enqueue("attachment", attachment["sha256"], now)
            self._audit.record(
                self._user.id,
                "report.submitted",
                report_id,
                {"version": record.version, "envelope": envelope.hash},
            )
        return self._service.get(report_id)

    def needs_my_action(self) -> list[ActionItem]:
        """This user's returned reports (and corrections of them not yet resubmitted), with
        the reviewer's comment, who returned it and when; longest waiting first."""
        mine = self._service.list_page(
            ReportFilter(statuses=("returned", "draft"), author_id=self._user.id), 500
        )
        items = []
        for view in mine:
            record = view.record
            if record.status == ReportStatus.DRAFT and not self._corrects_returned(record):
                continue
            returns = [
                h for h in report_history(self._db, record.report_id) if h.action == "returned"
            ]
            if not returns:
                continue
            last = returns[-1]
            items.append(
                ActionItem(
                    record.report_id,
                    record.version,
                    record.kind,
                    record.observed_at,
                    record.crossing_point,
                    last.actor,
                    last.at,
                    last.comment,
                    correcting=record.status == ReportStatus.DRAFT,
                )
            )
        return sorted(items, key=lambda i: i.returned_at)

    def _require_change_since_returned(self, record: ReportRecord) -> None:
        """A correction of a returned report must correct something: resubmitting the
        returned content unchanged would only send the reviewer the same report again."""
        if record.supersedes is None:
            return
        previous = next(
            (
                v
                for v in self._service.versions(record.report_id)
                if v.record.submission_hash == record.supersedes
            ),
            None,
        )
        if previous is None or previous.status != ReportStatus.RETURNED:
            return
        if not report_changes(previous.report, json.loads(record.payload)):
            raise InvalidInput(
                _(
                    "Nothing has changed since this report was returned. Correct what the "
                    "reviewer's comment asks for, then sign and submit it again."
                )
            )

    def _corrects_returned(self, record: ReportRecord) -> bool:
        if record.supersedes is None:
            return False
        return any(
            v.record.submission_hash == record.supersedes and v.status == ReportStatus.RETURNED
            for v in self._service.versions(record.report_id)
        )

    # -- the focal point's side -------------------------------------------------------------------

    def review_queue(self) -> list[ReportView]:
        """Queued reports this user may decide on (their own are listed, but flagged)."""
        self._require_focal_point()
        views = self._service.list_page(ReportFilter(status=ReportStatus.QUEUED.value), 500)
        return [v for v in views if self._agency_of_author(v.record) is not None]

    def queue_facts(self, view: ReportView) -> QueueFacts:
        """Who wrote a queued report and since when it waits: the time its author signed
        the submission (portal time), not when it reached this device."""
        body = self._submission_body(view.record)
        return QueueFacts(
            author=author_name(self._db, view.record.author_id),
            waiting_since=None if body is None else to_rfc3339(body.created_at),
        )

    def changes_since_returned(self, report_id: str) -> ReturnedChanges | None:
        """For a corrected version, what changed since the version that was returned (None
        for a first version, or one that corrects an approved report)."""
        versions = self._service.versions(report_id)
        current = versions[-1]
        if current.record.supersedes is None:
            return None
        previous = next(
            (v for v in versions if v.record.submission_hash == current.record.supersedes), None
        )
        if previous is None or previous.status != ReportStatus.RETURNED:
            return None
        return ReturnedChanges(
            previous.record.version, report_changes(previous.report, current.report)
        )

    def can_decide(self, view: ReportView) -> tuple[bool, str]:
        """Whether this user may approve or return `view`, and if not, why (for the UI)."""
        try:
            role = require_certified_focal_point(self._db, self._user)
        except NotAllowed as exc:
            return False, str(exc)
        if view.record.author_id == self._user.id:
            return False, _(
                "You wrote this report: another focal point must review it (four eyes)."
            )
        agency = self._agency_of_author(view.record)
        if agency is None or not may_review(role, self._user.agency, agency):
            return False, _("This report belongs to an agency outside your review area.")
        if view.status != ReportStatus.QUEUED:
            return False, _("It is {status}, not waiting for review.").format(status=view.status)
        return True, ""

    def prepare_approval(
        self, report_id: str, settings: ReleaseSettings, comment: str = ""
    ) -> tuple[SigningSummary, ReleaseSettings]:
        """What approving would sign and who would receive it, checked as approve checks it;
        recipients typed by name become principal ids (returned in the settings to sign)."""
        record = self._reports.get(report_id)
        self._check_reviewer(record)
        next_status(record.status, Action.APPROVE)
        chosen = replace(settings, recipients=resolve_recipients(self._db, settings.recipients))
        report = json.loads(record.payload)
        release = check_release(chosen, (report.get("handling") or {}).get("tlp"))
        # Picked from the portal directory: a code it does not know reaches no one.
        warnings = release_choices(self._db).check(release.releasable_to, release.agencies)
        directory = DirectoryRepository(self._db)
        names = {p.principal_id: p.display_name or p.principal_id for p in directory.principals()}
        names.update({a.code: a.name for a in directory.agencies()})
        audience = release_lines(
            release.tlp,
            states=release.releasable_to,
            agencies=release.agencies,
            recipients=release.recipients,
            third_party=release.third_party,
            own_agency=self._agency_of_author(record) or self._user.agency,
            names=names,
        )
        summary = summarise(
            "approve",
            report,
            signer_of(self._db, self._user),
            audience,
            version=record.version,
            tlp=release.tlp,
            legal_basis=release.legal_basis,
            third_party=release.third_party,
            comment=comment.strip(),
            warnings=warnings,
        )
        return summary, chosen

    def prepare_return(self, report_id: str, comment: str) -> SigningSummary:
        """What returning would sign: the decision and the comment, to the author only."""
        if not comment.strip():
            raise InvalidInput(_("Say what the author should correct (--comment)."))
        record = self._reports.get(report_id)
        self._check_reviewer(record)
        next_status(record.status, Action.RETURN)
        return summarise(
            "return",
            json.loads(record.payload),
            signer_of(self._db, self._user),
            return_lines(author_name(self._db, record.author_id)),
            version=record.version,
            comment=comment.strip(),
        )

    def approve(self, report_id: str, settings: ReleaseSettings, comment: str = "") -> ReportView:
        return self._decide(report_id, Action.APPROVE, comment, settings)

    def return_to_author(self, report_id: str, comment: str) -> ReportView:
        if not comment.strip():
            raise InvalidInput(_("Say what the author should correct (--comment)."))
        return self._decide(report_id, Action.RETURN, comment, None)

    def _decide(
        self, report_id: str, action: Action, comment: str, settings: ReleaseSettings | None
    ) -> ReportView:
        with self._db.transaction():
            record = self._reports.get(report_id)
            self._check_reviewer(record)
            status = next_status(record.status, action)
            submission = self._verified_submission(record)
            release = None
            if settings is not None:
                proposed = (json.loads(record.payload).get("handling") or {}).get("tlp")
                release = check_release(settings, proposed)
            body = ApprovalBody(
                submission=submission.hash,
                report_id=uuid.UUID(report_id),
                decision="approve" if action is Action.APPROVE else "return",
                release=release,
                comment=comment.strip(),
                approver=self._user.id,
                agency=self._user.agency,
                decided_at=PortalClock(self._db).now(),
            )
            envelope = sign_approval(body, signing_key(self._db, self._user))
            now = now_rfc3339()
            store_envelope(self._db, envelope, report_id, record.version)
            self._reports.set_status(record.rowid, status.value, now)
            self._outbox.enqueue("approval", envelope.hash, now)
            details: dict[str, Any] = {"version": record.version, "envelope": envelope.hash}
            if release is not None:
                details["tlp"] = release.tlp
                details["releasable_to"] = list(release.releasable_to)
                details["agencies"] = list(release.agencies)
                details["recipients"] = list(release.recipients)
            self._audit.record(self._user.id, f"report.{status.value}", report_id, details)
        return self._service.get(report_id)

    # -- checks --------------------------------------------------------------------------------

    def _require_focal_point(self) -> Role:
        """The certified focal-point role (app.roles), verified from the certificate now."""
        return require_certified_focal_point(self._db, self._user)

    def _check_reviewer(self, record: ReportRecord) -> None:
        role = self._require_focal_point()
        if record.author_id == self._user.id:
            raise NotAllowed(
                _(
                    "You wrote this report, so you cannot approve or return it: another focal "
                    "point must review it (four eyes)."
                )
            )
        agency = self._agency_of_author(record)
        if agency is None or not may_review(role, self._user.agency, agency):
            raise NotAllowed(_("This report belongs to an agency outside your review area."))

    def _agency_of_author(self, record: ReportRecord) -> str | None:
        body = self._submission_body(record)
        return None if body is None else body.agency

    def _submission_body(self, record: ReportRecord) -> SubmissionBody | None:
        if record.submission_hash is None:
            return None
        envelope = Envelope.from_bytes(self._envelopes.get(record.submission_hash).body)
        return cast(SubmissionBody, envelope.body)

    def _verified_submission(self, record: ReportRecord) -> Envelope[SubmissionBody]:
        """The reviewer checks the author's signature before putting theirs beside it."""
        if record.submission_hash is None:
            raise NotAllowed(_("This report has no signed submission to decide on."))
        stored = self._envelopes.get(record.submission_hash)
        # Signed at submission time with a certificate valid then: that is what counts.
        verified = verify_with_clock(
            stored.body,
            keys=LocalKeyResolver(self._db),
            clock=PortalClock(self._db),
            at_signing=True,
            expected_type="submission",
            expected_hash=record.submission_hash,
            allow_self_signed=True,
        ).verified
        if json.loads(record.payload) != verified.body.report:
            raise NotAllowed(
                _("The stored report differs from what its author signed; it cannot be approved.")
            )
        return verified.envelope
