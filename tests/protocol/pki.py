"""Deterministic test keys, certificates and bodies (fixed seeds: reproducible vectors)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol import (
    ApprovalBody,
    Attachment,
    Certificate,
    MemoryKeyResolver,
    ReceiptBody,
    Release,
    Role,
    SubmissionBody,
    issue_certificate,
    load_private_key,
    public_key_raw,
    self_signed_certificate,
)

NOW = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)
NOT_BEFORE = datetime(2026, 1, 1, tzinfo=UTC)
NOT_AFTER = datetime(2027, 1, 1, tzinfo=UTC)
REPORT_ID = uuid.UUID("0b6f4c1e-7a52-4d7e-9c1a-3f0e2d9b8a71")


def seeded_key(label: str) -> Ed25519PrivateKey:
    return load_private_key(hashlib.sha256(b"outpost-test/" + label.encode()).digest())


@dataclass(frozen=True)
class Pki:
    portal_key: Ed25519PrivateKey
    portal_cert: Certificate
    officer_key: Ed25519PrivateKey
    officer_cert: Certificate
    officer2_key: Ed25519PrivateKey
    officer2_cert: Certificate
    ofp_key: Ed25519PrivateKey
    ofp_cert: Certificate
    nfp_key: Ed25519PrivateKey
    nfp_cert: Certificate
    device_key: Ed25519PrivateKey  # not enrolled: self-signed certificate only
    device_cert: Certificate

    def resolver(self) -> MemoryKeyResolver:
        """A fresh store knowing every certificate and trusting the portal key."""
        return MemoryKeyResolver.of(
            [
                self.portal_cert,
                self.officer_cert,
                self.officer2_cert,
                self.ofp_cert,
                self.nfp_cert,
                self.device_cert,
            ],
            anchors=[public_key_raw(self.portal_key)],
        )


def certify(
    key: Ed25519PrivateKey,
    issuer: Ed25519PrivateKey,
    *,
    user_id: str,
    role: Role,
    agency: str = "KEN-DIS",
    serial: int = 1,
) -> Certificate:
    return issue_certificate(
        public_key=public_key_raw(key),
        user_id=user_id,
        agency=agency,
        role=role,
        not_before=NOT_BEFORE,
        not_after=NOT_AFTER,
        serial=serial,
        issuer_key=issuer,
    )


def make_pki() -> Pki:
    portal = seeded_key("portal")
    officer = seeded_key("officer")
    officer2 = seeded_key("officer2")
    ofp = seeded_key("ofp")
    nfp = seeded_key("nfp")
    device = seeded_key("device")
    return Pki(
        portal_key=portal,
        portal_cert=certify(
            portal, portal, user_id="portal.forum", role="portal", agency="FORUM", serial=0
        ),
        officer_key=officer,
        officer_cert=certify(officer, portal, user_id="u-1001", role="officer", serial=2),
        officer2_key=officer2,
        officer2_cert=certify(officer2, portal, user_id="u-1002", role="officer", serial=3),
        ofp_key=ofp,
        ofp_cert=certify(ofp, portal, user_id="u-2001", role="ofp", serial=4),
        nfp_key=nfp,
        nfp_cert=certify(nfp, portal, user_id="u-3001", role="nfp", agency="KEN-NFP", serial=5),
        device_key=device,
        device_cert=self_signed_certificate(
            device,
            user_id="u-1003",
            agency="KEN-DIS",
            role="officer",
            not_before=NOT_BEFORE,
            not_after=NOT_AFTER,
        ),
    )


PKI = make_pki()


def submission_body(
    report: dict[str, Any] | None = None, *, author: str = "u-1001", agency: str = "KEN-DIS"
) -> SubmissionBody:
    return SubmissionBody(
        report_id=REPORT_ID,
        report_version=1,
        supersedes=None,
        report=report
        if report is not None
        else {
            "kind": "document_fraud",
            "observed_at": "2026-02-28T09:30:00Z",
            "persons": [{"role": "migrant", "nationality": "SOM", "count": 2}],
            "handling": {"tlp": "AMBER", "third_party": False},
            "narrative": "Forged entry stamp; the holder said «transit» — Ωmega 😀.",
        },
        attachments=(Attachment(sha256="ab" * 32, size=123456, media_type="image/jpeg"),),
        author=author,
        agency=agency,
        created_at=datetime(2026, 2, 28, 10, 0, 0, tzinfo=UTC),
    )


def approval_body(
    submission_hash: str, *, approver: str = "u-2001", agency: str = "KEN-DIS"
) -> ApprovalBody:
    return ApprovalBody(
        submission=submission_hash,
        report_id=REPORT_ID,
        decision="approve",
        release=Release(
            tlp="AMBER",
            third_party=False,
            legal_basis="MOU-2025-07",
            releasable_to=("ETH", "KEN", "UGA"),
            tlp_reason=None,
        ),
        comment="Consistent with the alert of last week.",
        approver=approver,
        agency=agency,
        decided_at=datetime(2026, 2, 28, 11, 0, 0, tzinfo=UTC),
    )


def receipt_body(envelope_hash: str, envelope_type: str = "submission") -> ReceiptBody:
    return ReceiptBody(
        envelope=envelope_hash,
        envelope_type=envelope_type,  # type: ignore[arg-type]
        portal_seq=42,
        portal_time=datetime(2026, 2, 28, 12, 0, 0, tzinfo=UTC),
        portal="portal.forum",
    )
