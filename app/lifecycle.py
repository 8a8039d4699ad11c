"""The report life cycle, in one place:

    draft ──submit──> queued ──approve──> approved ──send──> sent ──acknowledge──> acknowledged
                        └──return──> returned

A version's content is frozen from `queued` on. A correction is a new version (a new draft
that supersedes the old one's signed submission); editing a returned report does this
automatically, so the author gets a draft back with the reviewer's comment beside it.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain import ReportStatus
from app.errors import NotAllowed


class Action(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    SEND = "send"
    ACKNOWLEDGE = "acknowledge"
    # The portal refused the decision for good (e.g. a release its TLP rule cannot honour):
    # the report waits for review again instead of showing a decision that never counted.
    DECISION_REFUSED = "decision_refused"


TRANSITIONS: dict[tuple[ReportStatus, Action], ReportStatus] = {
    (ReportStatus.DRAFT, Action.SUBMIT): ReportStatus.QUEUED,
    (ReportStatus.QUEUED, Action.APPROVE): ReportStatus.APPROVED,
    (ReportStatus.QUEUED, Action.RETURN): ReportStatus.RETURNED,
    (ReportStatus.APPROVED, Action.SEND): ReportStatus.SENT,
    (ReportStatus.SENT, Action.ACKNOWLEDGE): ReportStatus.ACKNOWLEDGED,
    (ReportStatus.APPROVED, Action.DECISION_REFUSED): ReportStatus.QUEUED,
    (ReportStatus.SENT, Action.DECISION_REFUSED): ReportStatus.QUEUED,
    (ReportStatus.RETURNED, Action.DECISION_REFUSED): ReportStatus.QUEUED,
}

EDITABLE = frozenset({ReportStatus.DRAFT})
# Statuses from which the author may start a corrected version.
REVISABLE = frozenset(
    {
        ReportStatus.QUEUED,
        ReportStatus.RETURNED,
        ReportStatus.APPROVED,
        ReportStatus.SENT,
        ReportStatus.ACKNOWLEDGED,
    }
)

_WHY = {
    ReportStatus.DRAFT: "it is still a draft (submit it first)",
    ReportStatus.QUEUED: "it is waiting for review",
    ReportStatus.APPROVED: "it has already been approved",
    ReportStatus.RETURNED: "it was returned to its author (a corrected version must be submitted)",
    ReportStatus.SENT: "it has already been sent",
    ReportStatus.ACKNOWLEDGED: "the portal has already acknowledged it",
}


def next_status(current: str, action: Action) -> ReportStatus:
    """The status after `action`, or NotAllowed saying why the action does not apply."""
    status = ReportStatus(current)
    target = TRANSITIONS.get((status, action))
    if target is None:
        raise NotAllowed(f"Cannot {action.value} this report: {_WHY[status]}.")
    return target
