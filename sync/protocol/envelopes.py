"""Signed envelopes: {"type", "v", "body", "key_id", "sig"}.

The signature covers every field but "sig":
    message = b"outpost/<type>/v1\\n" + canonical_bytes({"type", "v", "body", "key_id"})
and an envelope's identity is hash = hex(SHA-256(message)). Canonicalisation happens once,
when the Envelope object is built; verification reuses the stored message.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Final, Generic, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol import fields as f
from sync.protocol.bodies import (
    BODY_TYPES,
    ENVELOPE_TYPES,
    ApprovalBody,
    Body,
    EnvelopeType,
    NationalReleaseBody,
    ReceiptBody,
    SubmissionBody,
)
from sync.protocol.canonical import (
    JsonObject,
    canonical_bytes,
    encode_checked,
    parse_canonical_candidate,
    parse_json,
)
from sync.protocol.errors import (
    InvalidJson,
    MalformedEnvelope,
    UnsupportedVersion,
    VerificationError,
)
from sync.protocol.keys import SIGNATURE_SIZE, b64url_decode, b64url_encode, is_key_id, key_id_of

ENVELOPE_VERSION: Final = 1
_FIELDS: Final = ("type", "v", "body", "key_id", "sig")
_ERR = MalformedEnvelope

B = TypeVar("B", bound=Body, covariant=True)


def domain_prefix(envelope_type: EnvelopeType) -> bytes:
    """The domain-separation prefix: a signature for one type never verifies as another."""
    return _PREFIXES[envelope_type]


_PREFIXES: Final[dict[str, bytes]] = {
    kind: f"outpost/{kind}/v{ENVELOPE_VERSION}\n".encode("ascii") for kind in ENVELOPE_TYPES
}
_BODY_CLASSES: Final = (SubmissionBody, ApprovalBody, NationalReleaseBody, ReceiptBody)


@dataclass(frozen=True, slots=True)
class Envelope(Generic[B]):
    body: B
    key_id: str
    sig: bytes
    type: EnvelopeType = field(init=False)
    signed_message: bytes = field(init=False, repr=False, compare=False)
    hash: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.body, _BODY_CLASSES):
            raise _ERR(
                "body: expected a SubmissionBody, ApprovalBody, NationalReleaseBody or ReceiptBody"
            )
        if not isinstance(self.key_id, str) or not is_key_id(self.key_id):
            raise _ERR(f"key_id: expected 'ed25519:<32 hex>', got {self.key_id!r}")
        if not isinstance(self.sig, bytes) or len(self.sig) != SIGNATURE_SIZE:
            raise _ERR(f"sig: expected {SIGNATURE_SIZE} bytes")
        kind = self.body.TYPE
        unsigned: JsonObject = {
            "type": kind,
            "v": ENVELOPE_VERSION,
            "body": self.body.json_view(),
            "key_id": self.key_id,
        }
        if isinstance(self.body, SubmissionBody) and self.body.canonical_report:
            # The report was vouched for by the parser; every other field passed the body's
            # own checks (ASCII identifiers, hex, safe integers): no walk needed.
            message = domain_prefix(kind) + encode_checked(unsigned)
        else:
            message = domain_prefix(kind) + canonical_bytes(unsigned)
        object.__setattr__(self, "type", kind)
        object.__setattr__(self, "signed_message", message)
        object.__setattr__(self, "hash", hashlib.sha256(message).hexdigest())

    def __hash__(self) -> int:
        # The generated hash would hash the body, whose report is a dict.
        return hash((self.hash, self.sig))

    def to_json(self) -> JsonObject:
        return self._json(self.body.to_json())

    def to_bytes(self) -> bytes:
        """Canonical (compact, sorted) UTF-8 JSON: the wire form this module writes.

        The signed message already holds the canonical form of every member but "sig", and
        "sig" sorts between "key_id" and "type", the last two members (whose values are
        fixed): so the wire form is that text with the signature spliced in.
        """
        unsigned = self.signed_message[len(domain_prefix(self.type)) :]
        tail = _tail(self.type)
        sig = f',"sig":"{b64url_encode(self.sig)}"'.encode("ascii")
        return unsigned[: -len(tail)] + sig + tail

    def _json(self, body: JsonObject) -> JsonObject:
        return {
            "type": self.type,
            "v": ENVELOPE_VERSION,
            "body": body,
            "key_id": self.key_id,
            "sig": b64url_encode(self.sig),
        }

    @staticmethod
    def from_json(data: object, *, canonical: bool = False) -> Envelope[Body]:
        """Strict parse of a decoded JSON envelope.

        Raises UnsupportedVersion for a "v" other than 1 (checked first: other versions may
        have other fields) and MalformedEnvelope for anything else that is not exactly right.
        `canonical`: `data` is fresh from canonical.parse_canonical_candidate (its report is
        neither copied nor walked); only `from_bytes` passes it, and keeps the result only if
        it encodes back to the bytes it parsed.
        """
        if isinstance(data, dict) and type(data.get("v")) is int and data["v"] != 1:
            raise UnsupportedVersion(f"envelope.v: version {data['v']} is not supported")
        obj = f.read_object(data, "envelope", _FIELDS, _ERR)
        f.read_int(obj["v"], "envelope.v", _ERR)
        kind = f.read_str(obj["type"], "envelope.type", _ERR)
        f.check_choice(kind, "envelope.type", _ERR, ENVELOPE_TYPES)
        key_id = f.read_str(obj["key_id"], "envelope.key_id", _ERR)
        sig_text = f.read_str(obj["sig"], "envelope.sig", _ERR)
        try:
            sig = b64url_decode(sig_text, size=SIGNATURE_SIZE)
        except ValueError as exc:
            raise _ERR(f"envelope.sig: {exc}") from None
        body: Body
        if kind == "submission":
            body = SubmissionBody.from_json(obj["body"], "envelope.body", canonical=canonical)
        else:
            body = BODY_TYPES[kind].from_json(obj["body"], "envelope.body")
        with f.prefixed("envelope"):
            return Envelope(body=body, key_id=key_id, sig=sig)

    @staticmethod
    def from_bytes(data: bytes | str) -> Envelope[Body]:
        """Parse wire bytes (strict JSON, see canonical.parse_json) into an Envelope.

        Bytes in the canonical form this module writes (the common case) take a shorter
        path with the same answer; anything else, valid or not, takes `from_bytes_full`.
        """
        if isinstance(data, bytes):
            envelope = _from_canonical_bytes(data)
            if envelope is not None:
                return envelope
        return Envelope.from_bytes_full(data)

    @staticmethod
    def from_bytes_full(data: bytes | str) -> Envelope[Body]:
        """`from_bytes` by the full path: strict parse, report copied and walked."""
        try:
            decoded = parse_json(data)
        except InvalidJson as exc:
            raise _ERR(f"envelope: {exc}") from None
        return Envelope.from_json(decoded)


def _tail(envelope_type: EnvelopeType) -> bytes:
    return _TAILS[envelope_type]


_TAILS: Final[dict[str, bytes]] = {
    kind: f',"type":"{kind}","v":{ENVELOPE_VERSION}}}'.encode("ascii") for kind in ENVELOPE_TYPES
}


def _from_canonical_bytes(data: bytes) -> Envelope[Body] | None:
    """The envelope, if `data` is exactly its canonical encoding; else None.

    The candidate parse neither detects duplicate keys nor copies the report, and the
    report is not walked again: both are safe because the envelope built from it must
    encode back to `data` byte for byte (an encoded dict has unique keys, and equal bytes
    mean the signature covers exactly what was parsed). Any problem returns None, so the
    full path reports it in its own words.
    """
    decoded = parse_canonical_candidate(data)
    if decoded is None:
        return None
    try:
        envelope = Envelope.from_json(decoded, canonical=True)
    except (VerificationError, ValueError):
        return None
    return envelope if envelope.to_bytes() == data else None


S = TypeVar("S", bound=Body)


def sign(body: S, private_key: Ed25519PrivateKey) -> Envelope[S]:
    """Sign any body with `private_key`; the envelope's key_id names that key."""
    envelope = Envelope(body=body, key_id=key_id_of(private_key), sig=bytes(SIGNATURE_SIZE))
    # The message and hash do not depend on "sig", so fill it into the fresh object instead
    # of canonicalising the body a second time.
    object.__setattr__(envelope, "sig", private_key.sign(envelope.signed_message))
    return envelope


def sign_submission(
    body: SubmissionBody, private_key: Ed25519PrivateKey
) -> Envelope[SubmissionBody]:
    return sign(body, private_key)


def sign_approval(body: ApprovalBody, private_key: Ed25519PrivateKey) -> Envelope[ApprovalBody]:
    return sign(body, private_key)


def sign_national_release(
    body: NationalReleaseBody, private_key: Ed25519PrivateKey
) -> Envelope[NationalReleaseBody]:
    return sign(body, private_key)


def sign_receipt(body: ReceiptBody, private_key: Ed25519PrivateKey) -> Envelope[ReceiptBody]:
    return sign(body, private_key)
