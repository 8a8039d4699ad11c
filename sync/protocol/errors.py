"""Errors of the protocol layer.

Every verification failure is a `VerificationError` with a stable `code` string. The codes
are part of the protocol (docs/protocol.md, section 4): the portal returns them to clients
and clients store them, so never rename one.
"""

from __future__ import annotations

from typing import ClassVar


class CanonicalError(ValueError):
    """A value cannot be written in RFC 8785 canonical form (NaN, a set, a huge int...)."""


class InvalidJson(ValueError):
    """Bytes that are not strict JSON (see canonical.parse_json)."""


class UnresolvedRef(Exception):
    """A feed item names an envelope by its hash (docs/protocol.md 6.5) that this store does
    not hold: the page must be asked again with every envelope in full."""

    def __init__(self, envelope_hash: str) -> None:
        super().__init__(f"the feed referred to envelope {envelope_hash[:16]}…, not held here")
        self.envelope_hash = envelope_hash


class VerificationError(Exception):
    """Base of every failure to accept an envelope or certificate."""

    code: ClassVar[str] = "verification_error"


class MalformedEnvelope(VerificationError, ValueError):
    """Not valid JSON, a missing or unknown field, a wrong type or an out-of-range value.

    Also a ValueError: the body constructors raise it for invalid arguments.
    """

    code = "malformed_envelope"


class MalformedCertificate(VerificationError, ValueError):
    """A certificate that does not follow the certificate format."""

    code = "malformed_certificate"


class UnsupportedVersion(VerificationError):
    """An envelope or certificate whose "v" this implementation does not know."""

    code = "unsupported_version"


class UnexpectedType(VerificationError):
    """A well-formed envelope of another type than the caller asked for."""

    code = "unexpected_type"


class UnknownKey(VerificationError):
    """No certificate is known for the envelope's key id."""

    code = "unknown_key"


class BadSignature(VerificationError):
    """The envelope's signature does not verify with the key named by its key id."""

    code = "bad_signature"


class UntrustedCertificate(VerificationError):
    """The signer's certificate is not signed by a trusted portal key (or is self-signed
    where that is not allowed)."""

    code = "untrusted_certificate"


class RevokedKey(VerificationError):
    """The signer's key has been revoked."""

    code = "revoked_key"


class ExpiredCertificate(VerificationError):
    """The signer's certificate is expired or not yet valid at the given time."""

    code = "expired_certificate"


class WrongRole(VerificationError):
    """The signer's role may not sign this type of envelope."""

    code = "wrong_role"


class SignerMismatch(VerificationError):
    """The user id or agency named in the body differs from the signer's certificate."""

    code = "signer_mismatch"


class HashMismatch(VerificationError):
    """An envelope hash (or the report it refers to) is not the one expected."""

    code = "hash_mismatch"


class FourEyesViolation(VerificationError):
    """The approver of a submission is its author."""

    code = "four_eyes_violation"


class InclusionProofMismatch(VerificationError):
    """A batch receipt's inclusion proof does not lead from its receipt to the signed root."""

    code = "inclusion_proof_mismatch"


class BatchRootMismatch(VerificationError):
    """A batch receipt's root is not the one the portal signed (the proof leads elsewhere)."""

    code = "batch_root_mismatch"


ERROR_CODES: frozenset[str] = frozenset(
    cls.code
    for cls in (
        MalformedEnvelope,
        MalformedCertificate,
        UnsupportedVersion,
        UnexpectedType,
        UnknownKey,
        BadSignature,
        UntrustedCertificate,
        RevokedKey,
        ExpiredCertificate,
        WrongRole,
        SignerMismatch,
        HashMismatch,
        FourEyesViolation,
        InclusionProofMismatch,
        BatchRootMismatch,
    )
)
