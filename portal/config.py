"""Limits and settings of one portal instance."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Limits:
    """Advertised in GET /v1/hello so clients size their batches to fit."""

    max_body_bytes: int = 8 * 1024 * 1024  # both as sent and after decompression
    max_batch: int = 500  # envelopes per POST /v1/envelopes
    max_feed_limit: int = 500  # items per feed page
    # The largest byte budget a client may ask a feed page to fit in (max_bytes, 5.5).
    max_feed_bytes: int = 1024 * 1024
    signature_window_seconds: int = 300  # allowed |created - portal time|
    certificate_days: int = 365  # validity of certificates issued at enrolment
    max_attachment_bytes: int = 64 * 1024 * 1024  # one attachment (tus Tus-Max-Size)
    # An unfinished upload is discarded this long after its last chunk (tus Upload-Expires).
    upload_expiry_seconds: int = 24 * 3600
    # Guessing brakes (portal/throttle.py): failures allowed in a row per source address,
    # then per minute. Enrolment codes carry 80 bits, so this is about noise and logs, not
    # about the odds; failed signatures cost the portal an Ed25519 verification each.
    enrol_failures_burst: int = 10
    enrol_failures_per_minute: float = 10.0
    signature_failures_burst: int = 30
    signature_failures_per_minute: float = 30.0


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    data_dir: Path
    limits: Limits = field(default_factory=Limits)
    # Base URL clients use (scheme://host[:port]) when a proxy sits in front; the
    # @target-uri of request signatures is rebuilt from it instead of the Host header.
    public_url: str | None = None


def default_db_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / 'portal.db').resolve()}"
