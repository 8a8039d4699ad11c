"""Certificates: a public key bound to a user id, agency, role and validity period.

A certificate is a flat JSON object signed by its issuer over
b"outpost/certificate/v1\\n" + canonical_bytes(the object without "sig").
No personal names: certificates travel to every client of the forum.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Final, Literal, cast

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol import fields as f
from sync.protocol.canonical import JsonObject, canonical_bytes
from sync.protocol.errors import MalformedCertificate, UnsupportedVersion
from sync.protocol.keys import (
    PUBLIC_KEY_SIZE,
    SIGNATURE_SIZE,
    b64url_decode,
    b64url_encode,
    is_key_id,
    key_id,
    key_id_of,
    load_public_key,
    public_key_raw,
)

Role = Literal["officer", "ofp", "nfp", "portal"]
ROLES: Final[tuple[Role, ...]] = ("officer", "ofp", "nfp", "portal")
CERTIFICATE_VERSION: Final = 1
CERTIFICATE_DOMAIN: Final = b"outpost/certificate/v1\n"

_FIELDS: Final = (
    "v",
    "serial",
    "public_key",
    "user_id",
    "agency",
    "role",
    "not_before",
    "not_after",
    "issuer",
    "self_signed",
    "sig",
)
_ERR = MalformedCertificate


class Trust(StrEnum):
    """How far a signer's certificate is trusted."""

    PORTAL = "portal"  # issued by a trusted portal key: the signer is enrolled
    SELF_SIGNED = "self-signed"  # a device before enrolment vouching for itself


@dataclass(frozen=True, slots=True)
class Certificate:
    serial: int
    public_key: bytes  # raw 32-byte Ed25519 key
    user_id: str
    agency: str
    role: Role
    not_before: datetime
    not_after: datetime
    issuer: str  # key id of the signing key; equals key_id when self_signed
    self_signed: bool
    sig: bytes
    key_id: str = field(init=False)
    signed_message: bytes = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        f.check_int(self.serial, "serial", _ERR, minimum=0)
        if not isinstance(self.public_key, bytes) or len(self.public_key) != PUBLIC_KEY_SIZE:
            raise _ERR(f"public_key: expected {PUBLIC_KEY_SIZE} bytes")
        f.check_identifier(self.user_id, "user_id", _ERR)
        f.check_agency(self.agency, "agency", _ERR)
        f.check_choice(self.role, "role", _ERR, ROLES)
        object.__setattr__(self, "not_before", f.utc_seconds(self.not_before, "not_before", _ERR))
        object.__setattr__(self, "not_after", f.utc_seconds(self.not_after, "not_after", _ERR))
        if self.not_after <= self.not_before:
            raise _ERR("not_after: must be later than not_before")
        if not is_key_id(self.issuer):
            raise _ERR(f"issuer: expected a key id 'ed25519:<32 hex>', got {self.issuer!r}")
        if not isinstance(self.self_signed, bool):
            raise _ERR("self_signed: expected a bool")
        own_id = key_id(self.public_key)
        if self.self_signed != (self.issuer == own_id):
            raise _ERR("self_signed: must be true exactly when issuer is the certificate's key")
        if not isinstance(self.sig, bytes) or len(self.sig) != SIGNATURE_SIZE:
            raise _ERR(f"sig: expected {SIGNATURE_SIZE} bytes")
        object.__setattr__(self, "key_id", own_id)
        object.__setattr__(
            self, "signed_message", CERTIFICATE_DOMAIN + canonical_bytes(self.unsigned_json())
        )

    def unsigned_json(self) -> JsonObject:
        """Every field except "sig": what the issuer signs."""
        return {
            "v": CERTIFICATE_VERSION,
            "serial": self.serial,
            "public_key": b64url_encode(self.public_key),
            "user_id": self.user_id,
            "agency": self.agency,
            "role": self.role,
            "not_before": f.format_timestamp(self.not_before),
            "not_after": f.format_timestamp(self.not_after),
            "issuer": self.issuer,
            "self_signed": self.self_signed,
        }

    def to_json(self) -> JsonObject:
        out = self.unsigned_json()
        out["sig"] = b64url_encode(self.sig)
        return out

    def to_bytes(self) -> bytes:
        return canonical_bytes(self.to_json())

    @classmethod
    def from_json(cls, data: object, path: str = "certificate") -> Certificate:
        """Strict parse: unknown or missing fields, wrong types and bad values raise
        MalformedCertificate; a "v" other than 1 raises UnsupportedVersion."""
        if isinstance(data, dict) and type(data.get("v")) is int and data["v"] != 1:
            raise UnsupportedVersion(f"{path}.v: certificate version {data['v']} is not 1")
        obj = f.read_object(data, path, _FIELDS, _ERR)
        f.read_int(obj["v"], f"{path}.v", _ERR)
        role = f.read_str(obj["role"], f"{path}.role", _ERR)
        f.check_choice(role, f"{path}.role", _ERR, ROLES)
        serial = f.read_int(obj["serial"], f"{path}.serial", _ERR)
        public_key = _b64(obj["public_key"], f"{path}.public_key", PUBLIC_KEY_SIZE)
        user_id = f.read_str(obj["user_id"], f"{path}.user_id", _ERR)
        agency = f.read_str(obj["agency"], f"{path}.agency", _ERR)
        not_before = f.read_timestamp(obj["not_before"], f"{path}.not_before", _ERR)
        not_after = f.read_timestamp(obj["not_after"], f"{path}.not_after", _ERR)
        issuer = f.read_str(obj["issuer"], f"{path}.issuer", _ERR)
        self_signed = f.read_bool(obj["self_signed"], f"{path}.self_signed", _ERR)
        sig = _b64(obj["sig"], f"{path}.sig", SIGNATURE_SIZE)
        with f.prefixed(path):
            return cls(
                serial=serial,
                public_key=public_key,
                user_id=user_id,
                agency=agency,
                role=cast(Role, role),
                not_before=not_before,
                not_after=not_after,
                issuer=issuer,
                self_signed=self_signed,
                sig=sig,
            )

    def signed_by(self, issuer_public_key: bytes) -> bool:
        """Whether `sig` verifies with the given raw issuer key (which must match `issuer`)."""
        if len(issuer_public_key) != PUBLIC_KEY_SIZE or key_id(issuer_public_key) != self.issuer:
            return False
        return _signature_verifies(issuer_public_key, self.sig, self.signed_message)

    def valid_at(self, now: datetime) -> bool:
        """not_before <= now <= not_after (both ends inclusive)."""
        if now.tzinfo is None:
            raise ValueError("now must be timezone-aware")
        return self.not_before <= now.astimezone(UTC) <= self.not_after


@functools.lru_cache(maxsize=4096)
def _signature_verifies(public_key: bytes, sig: bytes, message: bytes) -> bool:
    """Ed25519 verification, remembered: the same few certificates are checked for every
    envelope they vouch for. A pure function of its arguments, so caching cannot change an
    answer, only skip recomputing it."""
    try:
        load_public_key(public_key).verify(sig, message)
    except InvalidSignature:
        return False
    return True


def _b64(value: object, path: str, size: int) -> bytes:
    text = f.read_str(value, path, _ERR)
    try:
        return b64url_decode(text, size=size)
    except ValueError as exc:
        raise _ERR(f"{path}: {exc}") from None


def issue_certificate(
    *,
    public_key: bytes,
    user_id: str,
    agency: str,
    role: Role,
    not_before: datetime,
    not_after: datetime,
    serial: int,
    issuer_key: Ed25519PrivateKey,
) -> Certificate:
    """Certify `public_key` (raw) with `issuer_key`. If the issuer key is the subject key
    itself the result is a self-signed certificate."""
    issuer = key_id_of(issuer_key)

    def build(sig: bytes) -> Certificate:
        return Certificate(
            serial=serial,
            public_key=public_key,
            user_id=user_id,
            agency=agency,
            role=role,
            not_before=not_before,
            not_after=not_after,
            issuer=issuer,
            self_signed=issuer == key_id(public_key),
            sig=sig,
        )

    # A draft with a placeholder signature yields the exact bytes to sign.
    draft = build(bytes(SIGNATURE_SIZE))
    return build(issuer_key.sign(draft.signed_message))


def self_signed_certificate(
    private_key: Ed25519PrivateKey,
    *,
    user_id: str,
    agency: str,
    role: Role,
    not_before: datetime,
    not_after: datetime,
    serial: int = 0,
) -> Certificate:
    """The certificate a device holds before enrolment (verifies as Trust.SELF_SIGNED)."""
    return issue_certificate(
        public_key=public_key_raw(private_key),
        user_id=user_id,
        agency=agency,
        role=role,
        not_before=not_before,
        not_after=not_after,
        serial=serial,
        issuer_key=private_key,
    )
