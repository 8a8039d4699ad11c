"""Verification of envelopes and the cross-envelope checks built on it.

`verify` answers one question: is this envelope, as bytes or object, a well-formed envelope
signed by the key its key_id names, whose certificate is valid, unrevoked, trusted and of a
role that may sign this type, and whose body names the certificate's user and agency?
Workflow rules (four eyes, release rules, who may see what) are policy, not here; the
helpers below give policy code the checks that need only the envelopes themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Generic, Literal, TypeVar, overload

from cryptography.exceptions import InvalidSignature

from sync.protocol.bodies import (
    ApprovalBody,
    Body,
    EnvelopeType,
    ReceiptBody,
    SubmissionBody,
)
from sync.protocol.certificates import Certificate, Role, Trust
from sync.protocol.envelopes import Envelope
from sync.protocol.errors import (
    BadSignature,
    ExpiredCertificate,
    FourEyesViolation,
    HashMismatch,
    RevokedKey,
    SignerMismatch,
    UnexpectedType,
    UnknownKey,
    UntrustedCertificate,
    WrongRole,
)
from sync.protocol.fields import format_timestamp
from sync.protocol.keys import load_public_key
from sync.protocol.resolver import KeyResolver

SIGNER_ROLES: Final[Mapping[EnvelopeType, frozenset[Role]]] = {
    "submission": frozenset({"officer", "ofp", "nfp"}),
    "approval": frozenset({"ofp", "nfp"}),
    # The member state's decision to release beyond it is the national focal point's alone.
    "national_release": frozenset({"nfp"}),
    "receipt": frozenset({"portal"}),
}

B = TypeVar("B", bound=Body, covariant=True)
EnvelopeInput = Envelope[Body] | Mapping[str, object] | bytes | str


@dataclass(frozen=True, slots=True)
class VerifiedEnvelope(Generic[B]):
    """An envelope that passed `verify`, with the certificate that vouched for it."""

    envelope: Envelope[B]
    certificate: Certificate
    trust: Trust

    @property
    def type(self) -> EnvelopeType:
        return self.envelope.type

    @property
    def body(self) -> B:
        return self.envelope.body

    @property
    def hash(self) -> str:
        return self.envelope.hash

    @property
    def key_id(self) -> str:
        return self.envelope.key_id


@overload
def verify(
    envelope: EnvelopeInput,
    *,
    keys: KeyResolver,
    now: datetime,
    expected_type: Literal["submission"],
    expected_hash: str | None = None,
    allow_self_signed: bool = False,
) -> VerifiedEnvelope[SubmissionBody]: ...
@overload
def verify(
    envelope: EnvelopeInput,
    *,
    keys: KeyResolver,
    now: datetime,
    expected_type: Literal["approval"],
    expected_hash: str | None = None,
    allow_self_signed: bool = False,
) -> VerifiedEnvelope[ApprovalBody]: ...
@overload
def verify(
    envelope: EnvelopeInput,
    *,
    keys: KeyResolver,
    now: datetime,
    expected_type: Literal["receipt"],
    expected_hash: str | None = None,
    allow_self_signed: bool = False,
) -> VerifiedEnvelope[ReceiptBody]: ...
@overload
def verify(
    envelope: EnvelopeInput,
    *,
    keys: KeyResolver,
    now: datetime,
    expected_type: None = None,
    expected_hash: str | None = None,
    allow_self_signed: bool = False,
) -> VerifiedEnvelope[Body]: ...
def verify(
    envelope: EnvelopeInput,
    *,
    keys: KeyResolver,
    now: datetime,
    expected_type: EnvelopeType | None = None,
    expected_hash: str | None = None,
    allow_self_signed: bool = False,
) -> VerifiedEnvelope[Body]:
    """Verify an envelope (object, decoded JSON mapping or wire bytes).

    `now` (timezone-aware) is the time the certificate must be valid at; callers with an
    unreliable clock pass their portal-corrected time. Self-signed signers (devices not yet
    enrolled) are refused unless `allow_self_signed`; the result's `trust` says which it was.
    Raises a VerificationError subclass; checks run in the order listed in docs/protocol.md §4.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    env = _as_envelope(envelope)
    if expected_type is not None and env.type != expected_type:
        raise UnexpectedType(f"expected a {expected_type} envelope, got {env.type}")

    cert = keys.certificate(env.key_id)
    if cert is None:
        raise UnknownKey(f"no certificate for key {env.key_id}")
    if cert.key_id != env.key_id:
        raise UnknownKey(f"the key store returned a certificate of {cert.key_id}")
    try:
        load_public_key(cert.public_key).verify(env.sig, env.signed_message)
    except InvalidSignature:
        raise BadSignature(f"signature does not verify with key {env.key_id}") from None

    trust = certificate_trust(cert, keys)
    if trust is Trust.SELF_SIGNED and not allow_self_signed:
        raise UntrustedCertificate(f"key {cert.key_id} is self-signed (not enrolled)")
    if keys.is_revoked(cert.key_id):
        raise RevokedKey(f"key {cert.key_id} is revoked")
    if not cert.valid_at(now):
        raise ExpiredCertificate(
            f"certificate of {cert.key_id} is valid from {format_timestamp(cert.not_before)}"
            f" to {format_timestamp(cert.not_after)}, not at {format_timestamp(now)}"
        )
    if cert.role not in SIGNER_ROLES[env.type]:
        raise WrongRole(f"role {cert.role!r} may not sign a {env.type}")
    user_id, agency = env.body.signer()
    if user_id != cert.user_id or (agency is not None and agency != cert.agency):
        raise SignerMismatch(
            f"body names {user_id}/{agency}, certificate is {cert.user_id}/{cert.agency}"
        )
    if expected_hash is not None and env.hash != expected_hash:
        raise HashMismatch(f"envelope hash is {env.hash}, expected {expected_hash}")
    return VerifiedEnvelope(envelope=env, certificate=cert, trust=trust)


def _as_envelope(envelope: EnvelopeInput) -> Envelope[Body]:
    if isinstance(envelope, Envelope):
        return envelope
    if isinstance(envelope, bytes | str):
        return Envelope.from_bytes(envelope)
    return Envelope.from_json(envelope if isinstance(envelope, dict) else dict(envelope))


def certificate_trust(cert: Certificate, keys: KeyResolver) -> Trust:
    """Trust.PORTAL if a trusted portal key signed `cert`, Trust.SELF_SIGNED if it is a
    valid self-signed certificate; otherwise raises UntrustedCertificate (or RevokedKey
    for a revoked issuer). Does not check validity dates or revocation of the subject."""
    anchor = keys.trust_anchor(cert.issuer)
    if anchor is not None:
        if keys.is_revoked(cert.issuer):
            raise RevokedKey(f"issuer {cert.issuer} of {cert.key_id} is revoked")
        if not cert.signed_by(anchor):
            raise UntrustedCertificate(f"certificate of {cert.key_id}: bad issuer signature")
        return Trust.PORTAL
    if not cert.self_signed:
        raise UntrustedCertificate(f"issuer {cert.issuer} is not a trusted portal key")
    if cert.role == "portal":
        # A receipt is worth something only because a trusted portal signed it.
        raise UntrustedCertificate("a portal certificate must come from a trusted portal key")
    if not cert.signed_by(cert.public_key):
        raise UntrustedCertificate(f"self-signed certificate of {cert.key_id}: bad signature")
    return Trust.SELF_SIGNED


def check_four_eyes(
    submission: VerifiedEnvelope[SubmissionBody], approval: VerifiedEnvelope[ApprovalBody]
) -> None:
    """Raise FourEyesViolation if the approval's signer is the submission's author."""
    if (
        approval.certificate.user_id == submission.certificate.user_id
        or approval.body.approver == submission.body.author
        or approval.key_id == submission.key_id
    ):
        raise FourEyesViolation(
            f"{approval.body.approver} may not decide on their own submission {submission.hash}"
        )


def check_approval_matches(
    submission: VerifiedEnvelope[SubmissionBody] | Envelope[SubmissionBody],
    approval: VerifiedEnvelope[ApprovalBody] | Envelope[ApprovalBody],
) -> None:
    """Raise HashMismatch unless the approval decides on exactly this submission."""
    if approval.body.submission != submission.hash:
        raise HashMismatch(
            f"approval refers to {approval.body.submission}, submission is {submission.hash}"
        )
    if approval.body.report_id != submission.body.report_id:
        raise HashMismatch("approval and submission name different report ids")


def check_receipt_matches(
    receipt: VerifiedEnvelope[ReceiptBody] | Envelope[ReceiptBody],
    envelope: VerifiedEnvelope[Body] | Envelope[Body],
) -> None:
    """Raise HashMismatch unless the receipt acknowledges exactly this envelope."""
    if receipt.body.envelope != envelope.hash or receipt.body.envelope_type != envelope.type:
        raise HashMismatch(
            f"receipt acknowledges {receipt.body.envelope_type} {receipt.body.envelope},"
            f" not {envelope.type} {envelope.hash}"
        )
