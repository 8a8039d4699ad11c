"""The outbox as people see it: each item with what it belongs to, its state and its trouble.

Reads only; the sync engine changes the outbox. Used by the GUI's "Outbox & sync" screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.attachments_repo import AttachmentRepository
from storage.database import Database
from storage.envelopes_repo import EnvelopeRepository
from storage.errors import NotFound
from storage.outbox_repo import OutboxRecord, OutboxRepository

STATES = ("pending", "delivered", "quarantined")


@dataclass(frozen=True)
class OutboxRow:
    id: int
    kind: str  # submission | approval | attachment
    ref: str
    report_id: str | None  # the report an envelope belongs to (None for attachments)
    state: str  # pending | delivered | quarantined
    attempts: int
    bytes_sent: int
    size: int | None  # bytes to send, when known (attachments)
    last_error: str | None  # for quarantined items: the portal's reason
    next_attempt_at: str | None
    created_at: str
    delivered_at: str | None

    @property
    def quarantined(self) -> bool:
        return self.state == "quarantined"


class OutboxView:
    def __init__(self, db: Database) -> None:
        self._outbox = OutboxRepository(db)
        self._envelopes = EnvelopeRepository(db)
        self._attachments = AttachmentRepository(db)

    def rows(self, state: str | None = None) -> list[OutboxRow]:
        """Every item (or those in one state), oldest first."""
        return [self._row(r) for r in self._outbox.items(state)]

    def counts(self) -> dict[str, int]:
        """Items per state; every state present (0 when none)."""
        found = self._outbox.counts()
        return {state: found.get(state, 0) for state in STATES}

    def _row(self, r: OutboxRecord) -> OutboxRow:
        report_id: str | None = None
        size: int | None = None
        try:
            if r.kind == "attachment":
                size = self._attachments.info(r.ref).size
            else:
                envelope = self._envelopes.get(r.ref)
                report_id = envelope.report_id
                size = len(envelope.body.encode("utf-8"))
        except NotFound:
            pass  # shown without it; the engine reports the missing piece as an error
        return OutboxRow(
            id=r.id,
            kind=r.kind,
            ref=r.ref,
            report_id=report_id,
            state=r.state,
            attempts=r.attempts,
            bytes_sent=r.bytes_sent,
            size=size,
            last_error=r.last_error,
            next_attempt_at=r.next_attempt_at,
            created_at=r.created_at,
            delivered_at=r.delivered_at,
        )
