"""The agency provisioning file (docs/security.md, "Provisioning"): what an installation
needs to trust this portal, signed with the portal key. Written by `outpost-portal admin
provisioning` and downloaded from the operator's console page alike."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from portal import registry
from portal.keys import PortalKeys
from portal.tables import agencies
from sync.protocol import b64url_encode
from sync.protocol.canonical import JsonValue
from sync.tls_pinning import PROVISIONING_FIELD, normalise_pin, spki_sha256

# Must equal app.provisioning.PROVISIONING_DOMAIN (the portal does not import the client's
# app/ package; tests/installer/test_provisioning_signature.py checks both agree).
PROVISIONING_DOMAIN = b"outpost/provisioning/v1\n"


def sign_provisioning(document: dict[str, object], keys: PortalKeys) -> dict[str, object]:
    """The document with the portal's Ed25519 signature over the domain and its RFC 8785
    canonical form. Signed with the portal key, the key the file makes the installation's
    trust anchor: docs/security.md, "Provisioning", says why no separate operator key."""
    from sync.protocol.canonical import canonical_bytes

    body = {k: v for k, v in document.items() if k != "signature"}
    value = keys.signing_key.sign(PROVISIONING_DOMAIN + canonical_bytes(body))
    signature = {"alg": "ed25519", "key_id": keys.key_id, "value": b64url_encode(value)}
    return {**body, "signature": signature}


def fingerprint(key_id: str) -> str:
    digits = key_id.removeprefix("ed25519:").upper()
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def tls_pins(tls_cert_pem: bytes | None, backup_pins: Sequence[str]) -> list[str]:
    pins = [normalise_pin(p) for p in backup_pins]
    if tls_cert_pem:
        pins.insert(0, spki_sha256(tls_cert_pem))
    return pins


def provisioning_document(
    conn: Connection,
    keys: PortalKeys,
    *,
    agency: str,
    url: str,
    pins: Sequence[str] = (),
    crossing_points: list[JsonValue] | None = None,
    recovery_public_key: str | None = None,
) -> dict[str, object]:
    """The signed provisioning file of `agency` (AdminError for an unknown agency or a bad
    recovery key: base64 of a 32-byte X25519 key)."""
    state = registry.agency_state(conn, agency)
    name = conn.execute(
        sa.select(agencies.c.name).where(agencies.c.code == agency)
    ).scalar_one_or_none()
    if state is None:
        raise registry.AdminError(f"unknown agency {agency}")
    document: dict[str, object] = {
        "v": 1,
        "portal_url": url,
        "portal_id": keys.portal_id,
        "portal_key_id": keys.key_id,
        "portal_public_key": b64url_encode(keys.public_key),
        "portal_x25519_public_key": b64url_encode(keys.exchange_public_key),
        "portal_certificate": keys.certificate.to_json(),
        "agency": agency,
        "member_state": state,
    }
    if name and name != agency:
        document["agency_name"] = name
    if pins:
        # Clients trust the portal's TLS key by these pins, not by certificate authorities.
        document[PROVISIONING_FIELD] = list(pins)
    if crossing_points is not None:
        document["crossing_points"] = crossing_points
    if recovery_public_key:
        try:
            raw = base64.b64decode(recovery_public_key.strip(), validate=True)
        except binascii.Error:
            raw = b""
        if len(raw) != 32:
            raise registry.AdminError("the recovery public key must be a 32-byte X25519 key")
        document["recovery_public_key"] = b64url_encode(raw)
    return sign_provisioning(document, keys)
