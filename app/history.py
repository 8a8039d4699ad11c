"""The signed history of a report: every envelope of every version, each re-verified."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.identity import LocalKeyResolver
from app.portal_clock import PortalClock, verify_batch_receipt_with_clock, verify_with_clock
from storage.database import Database
from storage.envelopes_repo import EnvelopeRecord, EnvelopeRepository
from storage.users_repo import UserRepository
from sync.protocol import (
    ApprovalBody,
    NationalReleaseBody,
    ReceiptBody,
    Release,
    SubmissionBody,
    VerificationError,
)
from sync.protocol.batch_receipts import BATCH_RECEIPT_TYPE
from sync.protocol.fields import format_timestamp


@dataclass(frozen=True)
class HistoryEntry:
    version: int | None
    type: str  # submission | approval | national_release | receipt
    action: str  # submitted, approved, returned, released nationally, kept in country,
    # acknowledged
    actor: str  # local user name when known, else the signer's user id
    at: str
    comment: str
    tlp: str | None
    envelope: str  # hash
    signature: str  # "valid (self-signed)", "valid (portal-certified)" or "INVALID: <why>"
    release: Release | None = None  # an approval's release settings (its audience)

    @property
    def valid(self) -> bool:
        return self.signature.startswith("valid")

    def as_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["release"] = self.release.to_json() if self.release else None
        return data


def report_history(db: Database, report_id: str) -> list[HistoryEntry]:
    """Every envelope of the report, re-verified, in the order things happened: per version
    the submission, its receipt, the decision, its receipt. (Signed times come from
    different clocks, the author's, the reviewer's and the portal's, so they are shown but
    do not decide the order.) A certificate counts if it was valid when it signed."""
    keys = LocalKeyResolver(db)
    clock = PortalClock(db)
    users = {u.id: u.name for u in UserRepository(db).active()}
    entries: list[tuple[tuple[int, int, int], HistoryEntry]] = []
    for position, stored in enumerate(EnvelopeRepository(db).of_report(report_id)):
        order = (stored.report_version or 0, _RANK.get(stored.type, 9), position)
        if stored.type == BATCH_RECEIPT_TYPE:
            entries.append(_batch_receipt_entry(stored, keys, clock, position))
            continue
        try:
            checked = verify_with_clock(
                stored.body, keys=keys, clock=clock, at_signing=True, allow_self_signed=True
            )
        except VerificationError as exc:
            entries.append(
                (
                    order,
                    HistoryEntry(
                        stored.report_version,
                        stored.type,
                        stored.type,
                        "?",
                        stored.created_at,
                        "",
                        None,
                        stored.hash,
                        f"INVALID: {exc.code} ({exc})",
                    ),
                )
            )
            continue
        verified = checked.verified
        release = None
        trust = "portal-certified" if verified.trust == "portal" else "self-signed"
        body = verified.body
        if isinstance(body, SubmissionBody):
            actor, at, action, comment = body.author, body.created_at, "submitted", ""
            handling = body.report.get("handling")
            proposed = handling.get("tlp") if isinstance(handling, dict) else None
            tlp = proposed if isinstance(proposed, str) else None
        elif isinstance(body, ApprovalBody):
            actor, at, comment = body.approver, body.decided_at, body.comment
            action = "approved" if body.decision == "approve" else "returned"
            tlp = body.release.tlp if body.release else None
            release = body.release
        elif isinstance(body, NationalReleaseBody):
            actor, at, comment = body.releaser, body.decided_at, body.comment
            action = "released nationally" if body.decision == "release" else "kept in country"
            tlp = body.release.tlp if body.release else None
            release = body.release
        else:
            actor, at, action, comment, tlp = "portal", body.portal_time, "acknowledged", "", None
            if isinstance(body, ReceiptBody):
                order = (order[0], _RANK[body.envelope_type] + 1, order[2])
        note = f"; {checked.note}" if checked.note else ""
        entries.append(
            (
                order,
                HistoryEntry(
                    version=stored.report_version,
                    type=stored.type,
                    action=action,
                    actor=users.get(actor, actor),
                    at=format_timestamp(at),
                    comment=comment,
                    tlp=tlp,
                    envelope=stored.hash,
                    signature=f"valid ({trust}){note}",
                    release=release,
                ),
            )
        )
    return [entry for _, entry in sorted(entries, key=lambda e: e[0])]


def _batch_receipt_entry(
    stored: EnvelopeRecord, keys: LocalKeyResolver, clock: PortalClock, position: int
) -> tuple[tuple[int, int, int], HistoryEntry]:
    """A receipt out of a batch, re-verified alone: its proof, the signed root, the key."""
    order = (stored.report_version or 0, _RANK["receipt"], position)
    try:
        checked = verify_batch_receipt_with_clock(stored.body, keys=keys, clock=clock)
    except VerificationError as exc:
        return order, HistoryEntry(
            stored.report_version,
            stored.type,
            stored.type,
            "?",
            stored.created_at,
            "",
            None,
            stored.hash,
            f"INVALID: {exc.code} ({exc})",
        )
    body = checked.verified.body
    note = f"; {checked.note}" if checked.note else ""
    return (order[0], _RANK[body.envelope_type] + 1, position), HistoryEntry(
        version=stored.report_version,
        type="receipt",
        action="acknowledged",
        actor="portal",
        at=format_timestamp(body.portal_time),
        comment="",
        tlp=None,
        envelope=stored.hash,
        signature=f"valid (portal-certified){note}",
    )


# submission, its receipt, approval, its receipt, the national decision, its receipt (a
# receipt ranks one after what it names)
_RANK = {"submission": 0, "approval": 2, "national_release": 4, "receipt": 6}
