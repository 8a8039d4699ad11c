"""Keeping a signed envelope with its report: one place for the record it becomes."""

from __future__ import annotations

from typing import Any

from app.clock import now_rfc3339
from storage.database import Database
from storage.envelopes_repo import EnvelopeRecord, EnvelopeRepository
from sync.protocol import Envelope


def store_envelope(
    db: Database, envelope: Envelope[Any], report_id: str | None, version: int | None
) -> bool:
    """Stores the envelope exactly as signed; False when it was already there (its hash is
    its identity, so a repeat from the feed or a second device is harmless)."""
    return EnvelopeRepository(db).put(
        EnvelopeRecord(
            hash=envelope.hash,
            type=envelope.type,
            report_id=report_id,
            report_version=version,
            key_id=envelope.key_id,
            created_at=now_rfc3339(),
            body=envelope.to_bytes().decode("utf-8"),
        )
    )
