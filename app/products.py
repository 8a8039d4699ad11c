"""Products made on this device from what it holds: its agency's approved reports and the
releases other agencies sent it, as ReleasedReport values; and the VRS-MSRC tables written to
a file with their dissemination-register entry (docs/products.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from app.audit import AuditTrail
from app.dissemination import DisseminationRegister, Method
from app.domain import Report, tlp_rank
from app.errors import InvalidInput
from app.released import ReleasedReport
from app.vrs_tables import VrsInputError, VrsTables, aggregate, encode, in_scope, parse_period
from app.workflow import member_state
from storage.atomic import atomic_write_bytes
from storage.database import Database
from storage.envelopes_repo import EnvelopeRepository
from storage.feed_repo import FeedRepository
from storage.reports_repo import PageCursor, ReportFilter, ReportRepository
from storage.users_repo import UserRecord
from sync.protocol import ApprovalBody, Envelope, Release, SubmissionBody

_RELEASED = ("approved", "sent", "acknowledged")
_PAGE = 500
VRS_RECIPIENT = "UNODC VRS-MSRC"
VRS_PURPOSE = "Voluntary Reporting System on Migrant Smuggling and Related Conduct"


def _own_approved(db: Database) -> list[ReleasedReport]:
    reports, envelopes = ReportRepository(db), EnvelopeRepository(db)
    found: list[ReleasedReport] = []
    after: PageCursor | None = None
    while True:
        page = reports.list_page(ReportFilter(statuses=_RELEASED), limit=_PAGE, after=after)
        for record in page:
            decisions = [
                cast(ApprovalBody, Envelope.from_bytes(e.body).body)
                for e in envelopes.of_report(record.report_id)
                if e.type == "approval" and e.report_version == record.version
            ]
            body = next((d for d in decisions if d.decision == "approve"), None)
            if body is None or body.release is None or record.submission_hash is None:
                continue
            submission = cast(
                SubmissionBody, Envelope.from_bytes(envelopes.get(record.submission_hash).body).body
            )
            found.append(
                ReleasedReport(
                    report_id=record.report_id,
                    report_version=record.version,
                    agency=submission.agency,
                    member_state=member_state(submission.agency),
                    approved_at=body.decided_at,
                    report=Report.from_dict(json.loads(record.payload)),
                    release=body.release,
                )
            )
        if len(page) < _PAGE:
            return found
        last = page[-1]
        after = PageCursor(last.observed_at or "", last.rowid)


def _received(db: Database, user: UserRecord) -> list[ReleasedReport]:
    """Releases pulled from the portal's feed: it sent only what this user's release reaches,
    and the envelopes were verified when they were stored (app.sync_store)."""
    found = []
    for item in FeedRepository(db).page(user.id, kind="release", limit=1_000_000):
        payload: Any = json.loads(item.payload)
        submission = Envelope.from_json(payload["submission"])
        approval = Envelope.from_json(payload["approval"])
        sub, app_body = cast(SubmissionBody, submission.body), cast(ApprovalBody, approval.body)
        release: Release | None = app_body.release
        if release is None:
            continue
        found.append(
            ReleasedReport(
                report_id=str(sub.report_id),
                report_version=int(sub.report_version),
                agency=sub.agency,
                member_state=member_state(sub.agency),
                approved_at=app_body.decided_at,
                report=Report.from_dict(dict(sub.report)),
                release=release,
            )
        )
    return found


def local_released(db: Database, user: UserRecord) -> list[ReleasedReport]:
    """The agency's own approved reports and the releases received, on this device."""
    return _own_approved(db) + _received(db, user)


def export_vrs(
    db: Database,
    user: UserRecord,
    audit: AuditTrail,
    *,
    start: str | None,
    end: str | None,
    fmt: str,
    out: Path,
    recipient: str = VRS_RECIPIENT,
    purpose: str = VRS_PURPOSE,
) -> VrsTables:
    """Writes the VRS-MSRC tables of the period to `out` (csv: a zip of one CSV per table;
    xlsx: one sheet per table) and records the export in the dissemination register under
    the strictest TLP of the reports counted, as app.exports does for a report."""
    try:
        period = parse_period(start, end)
        with db.transaction():
            items = local_released(db, user)
            result = aggregate(items, period)
            data = encode(result, fmt)
            counted = in_scope(items, period)
            label = max((i.release.tlp for i in counted), key=tlp_rank, default="CLEAR")
            register = DisseminationRegister(db, audit)
            register.check(recipient=recipient, purpose=purpose)
            atomic_write_bytes(out, data)
            try:
                register.record(
                    actor=user.id,
                    obj=f"vrs-msrc:{period.start.isoformat()}..{period.end.isoformat()}",
                    recipient=recipient,
                    method=Method.EXPORT_FILE,
                    purpose=purpose,
                    legal_basis=None,
                    tlp=label,
                )
            except BaseException:
                out.unlink(missing_ok=True)
                raise
    except VrsInputError as exc:
        raise InvalidInput(str(exc)) from None
    return result
