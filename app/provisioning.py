"""The agency provisioning file: which portal this installation talks to and trusts.

Produced by the portal operator (`outpost-portal admin provisioning`); read on first start or
with `outpost provision FILE`. Its portal key becomes the installation's trust anchor: every
certificate and receipt must chain to it.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import codelists
from app.audit import AuditTrail
from app.clock import now_rfc3339
from app.errors import InvalidInput
from app.identity import store_certificate
from storage.database import Database
from storage.identity_repo import IdentityRepository
from storage.users_repo import MetaRepository
from sync.protocol import Certificate, VerificationError, b64url_decode, key_id

_REQUIRED = (
    "v",
    "portal_url",
    "portal_id",
    "portal_key_id",
    "portal_public_key",
    "portal_x25519_public_key",
    "portal_certificate",
    "agency",
    "member_state",
)
_OPTIONAL = (
    "tls_spki_sha256",
    "crossing_points",
    "recovery_public_key",
    "agency_name",
    "signature",
)


@dataclass(frozen=True)
class Provisioning:
    portal_url: str
    portal_id: str
    portal_key: bytes  # raw Ed25519 public key: the trust anchor
    portal_x25519: bytes  # raw X25519 public key: offline bundles are encrypted to it
    portal_certificate: Certificate
    agency: str
    member_state: str
    # base64 SHA-256 of the portal's SubjectPublicKeyInfo (current key, then standby keys)
    tls_pins: tuple[str, ...] = ()
    crossing_points: list[dict[str, Any]] = field(default_factory=list)

    @property
    def portal_key_id(self) -> str:
        return key_id(self.portal_key)


def _is_pin(value: object) -> bool:
    try:
        return isinstance(value, str) and len(base64.b64decode(value, validate=True)) == 32
    except ValueError:
        return False


def parse_provisioning(data: bytes, source: str = "the provisioning file") -> Provisioning:
    def bad(why: str) -> InvalidInput:
        return InvalidInput(
            f"{source} cannot be used: {why}. Ask your focal point for the agency's current "
            "provisioning file."
        )

    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise bad("it is not JSON") from None
    if not isinstance(doc, dict):
        raise bad("it is not a JSON object")
    missing = [k for k in _REQUIRED if k not in doc]
    unknown = [k for k in doc if k not in _REQUIRED + _OPTIONAL]
    if missing:
        raise bad(f"fields missing: {', '.join(missing)}")
    if unknown:
        raise bad(f"unknown fields: {', '.join(unknown)}")
    if doc["v"] != 1:
        raise bad(f"format version {doc['v']!r} is not supported by this program")
    pins = doc.get("tls_spki_sha256") or []
    if not isinstance(pins, list) or not all(_is_pin(p) for p in pins):
        raise bad("tls_spki_sha256 must be a list of base64 SHA-256 pins")
    url = doc["portal_url"]
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise bad("portal_url must be an http(s) URL")
    try:
        portal_key = b64url_decode(doc["portal_public_key"], size=32)
        x25519 = b64url_decode(doc["portal_x25519_public_key"], size=32)
        certificate = Certificate.from_json(doc["portal_certificate"])
    except (ValueError, TypeError, VerificationError) as exc:
        raise bad(f"a key or the portal certificate is malformed ({exc})") from None
    if key_id(portal_key) != doc["portal_key_id"]:
        raise bad("portal_key_id does not match portal_public_key")
    if certificate.role != "portal" or not certificate.signed_by(portal_key):
        raise bad("the portal certificate is not signed by the portal key")
    return Provisioning(
        portal_url=url.rstrip("/"),
        portal_id=str(doc["portal_id"]),
        portal_key=portal_key,
        portal_x25519=x25519,
        portal_certificate=certificate,
        agency=str(doc["agency"]),
        member_state=str(doc["member_state"]),
        tls_pins=tuple(pins),
        crossing_points=list(doc.get("crossing_points") or []),
    )


def read_provisioning(path: Path) -> Provisioning:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None
    return parse_provisioning(data, str(path))


def apply_provisioning(db: Database, audit: AuditTrail, actor: str, prov: Provisioning) -> None:
    """Makes the portal of `prov` this installation's portal and trust anchor."""
    meta = MetaRepository(db)
    current = meta.get("portal_key_id")
    if current is not None and current != prov.portal_key_id:
        raise InvalidInput(
            "This installation already trusts another portal key. A different portal needs a "
            "new installation (or the agency's key-rotation procedure)."
        )
    with db.transaction():
        IdentityRepository(db).add_trust_anchor(
            prov.portal_key_id, prov.portal_key, f"portal {prov.portal_id}", now_rfc3339()
        )
        store_certificate(db, prov.portal_certificate)
        meta.set("portal_url", prov.portal_url)
        meta.set("portal_id", prov.portal_id)
        meta.set("portal_key_id", prov.portal_key_id)
        meta.set("portal_x25519", prov.portal_x25519.hex())
        meta.set("member_state", prov.member_state)
        if prov.tls_pins:
            meta.set("tls_pins", json.dumps(list(prov.tls_pins)))
        if prov.crossing_points:
            meta.set("crossing_points", json.dumps(prov.crossing_points))
        audit.record(
            actor,
            "installation.provisioned",
            prov.portal_id,
            {"portal_url": prov.portal_url, "portal_key_id": prov.portal_key_id},
        )
    if prov.crossing_points:
        codelists.set_crossing_points(prov.crossing_points)


@dataclass(frozen=True)
class PortalSettings:
    """What the sync layer needs to reach the portal (None when not provisioned)."""

    url: str
    portal_id: str
    portal_key_id: str
    x25519: bytes
    tls_pins: tuple[str, ...]


def portal_settings(db: Database) -> PortalSettings | None:
    meta = MetaRepository(db)
    url = meta.get("portal_url")
    if url is None:
        return None
    return PortalSettings(
        url=url,
        portal_id=meta.get("portal_id") or "",
        portal_key_id=meta.get("portal_key_id") or "",
        x25519=bytes.fromhex(meta.get("portal_x25519") or ""),
        tls_pins=tuple(json.loads(meta.get("tls_pins") or "[]")),
    )
