"""The signed history of a report: every envelope of every version, each re-verified."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.clock import utc_now
from app.identity import LocalKeyResolver
from storage.database import Database
from storage.envelopes_repo import EnvelopeRepository
from storage.users_repo import UserRepository
from sync.protocol import ApprovalBody, SubmissionBody, VerificationError, verify
from sync.protocol.fields import format_timestamp


@dataclass(frozen=True)
class HistoryEntry:
    version: int | None
    type: str  # submission | approval | receipt
    action: str  # submitted | approved | returned | acknowledged
    actor: str  # local user name when known, else the signer's user id
    at: str
    comment: str
    tlp: str | None
    envelope: str  # hash
    signature: str  # "valid (self-signed)", "valid (portal-certified)" or "INVALID: <why>"

    @property
    def valid(self) -> bool:
        return self.signature.startswith("valid")

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def report_history(db: Database, report_id: str) -> list[HistoryEntry]:
    keys = LocalKeyResolver(db)
    users = {u.id: u.name for u in UserRepository(db).active()}
    entries: list[HistoryEntry] = []
    for stored in EnvelopeRepository(db).of_report(report_id):
        try:
            verified = verify(stored.body, keys=keys, now=utc_now(), allow_self_signed=True)
        except VerificationError as exc:
            entries.append(
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
                )
            )
            continue
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
        else:
            actor, at, action, comment, tlp = "portal", body.portal_time, "acknowledged", "", None
        entries.append(
            HistoryEntry(
                version=stored.report_version,
                type=stored.type,
                action=action,
                actor=users.get(actor, actor),
                at=format_timestamp(at),
                comment=comment,
                tlp=tlp,
                envelope=stored.hash,
                signature=f"valid ({trust})",
            )
        )
    return entries
