"""The agency provisioning file: which portal this installation talks to and trusts.

Produced and signed by the portal operator (`outpost-portal admin provisioning`); read on first
start, with `outpost provision FILE` or with `--provision FILE`. Its portal key becomes the
installation's trust anchor: every certificate and receipt must chain to it.

The file is signed with that same portal key over
    b"outpost/provisioning/v1\n" + RFC 8785 canonical bytes of the file without "signature",
so any change to what it says breaks the signature. Because the key that checks the signature
travels in the file, the signature alone cannot tell the agency's file from a forged one: the
key itself must be trusted first, by one of the portal keys this release ships
(packaging/trusted-portals.json) or by the fingerprint the agency received from the operator
by a second channel. docs/security.md, "Provisioning", explains the choice.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import re
import sys
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from cryptography.exceptions import InvalidSignature

from app import codelists
from app.attachments import META_KEY as ATTACHMENT_POLICY_KEY
from app.attachments import AttachmentPolicy
from app.audit import AuditTrail
from app.clock import now_rfc3339
from app.errors import InvalidInput
from app.identity import store_certificate
from storage.database import Database
from storage.identity_repo import IdentityRepository
from storage.users_repo import MetaRepository
from sync.protocol import (
    Certificate,
    VerificationError,
    b64url_decode,
    canonical_bytes,
    key_id,
    load_public_key,
    parse_json,
)
from sync.protocol.errors import InvalidJson

PROVISIONING_DOMAIN: Final = b"outpost/provisioning/v1\n"
SIGNATURE_FIELD: Final = "signature"
PROVISIONING_ENV: Final = "OUTPOST_PROVISIONING"
EXPECT_FINGERPRINT_ENV: Final = "OUTPOST_EXPECT_FINGERPRINT"
FILE_NAME: Final = "provisioning.json"
# Shipped beside the code; build.spec copies it into the bundle at the same relative place.
_ROOT = Path(__file__).resolve().parent.parent
TRUSTED_PORTALS_FILE: Final = _ROOT / "packaging" / "trusted-portals.json"

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
    "attachments",
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
    agency_name: str = ""
    recovery_public_key: bytes | None = None  # raw X25519 key of the agency's recovery pair
    attachments: AttachmentPolicy | None = None  # the agency's limits (defaults when None)
    # How the portal key came to be trusted: "pinned", "fingerprint" or "unconfirmed"
    # (set by read_provisioning; parse_provisioning only proves the file is intact).
    trust: str = "unconfirmed"

    @property
    def portal_key_id(self) -> str:
        return key_id(self.portal_key)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.portal_key_id)


def fingerprint(portal_key_id: str) -> str:
    """The form a person compares: the key id's 32 hex digits in groups of four."""
    digits = portal_key_id.removeprefix("ed25519:").upper()
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (any case, spaces, colons or dashes, with or without the
    "ed25519:" prefix) as a key id. Raises InvalidInput."""
    digits = re.sub(r"[\s:-]", "", text.strip().lower().removeprefix("ed25519:"))
    if not re.fullmatch(r"[0-9a-f]{32}", digits):
        raise InvalidInput(
            f"{text!r} is not a portal key fingerprint: it has 32 hexadecimal digits, "
            "e.g. 3F2A 9C1B 7D40 E8A2 5B11 0C9D 4E77 A0F3."
        )
    return "ed25519:" + digits


def _is_pin(value: object) -> bool:
    try:
        return isinstance(value, str) and len(base64.b64decode(value, validate=True)) == 32
    except ValueError:
        return False


def signed_message(document: dict[str, Any]) -> bytes:
    """What the operator signs: the domain, then the canonical form without the signature."""
    body = {k: v for k, v in document.items() if k != SIGNATURE_FIELD}
    return PROVISIONING_DOMAIN + canonical_bytes(body)


def _check_signature(doc: dict[str, Any], portal_key: bytes) -> str | None:
    """None when the file is signed by `portal_key`, otherwise why not."""
    signature = doc.get(SIGNATURE_FIELD)
    if signature is None:
        return (
            "it is not signed. Only a file signed by the portal operator "
            "(outpost-portal admin provisioning) can be used"
        )
    if not isinstance(signature, dict) or set(signature) != {"alg", "key_id", "value"}:
        return "its signature is malformed"
    if signature["alg"] != "ed25519":
        return f"its signature algorithm {signature['alg']!r} is not supported"
    if signature["key_id"] != key_id(portal_key):
        return (
            f"it is signed by another key ({signature['key_id']}), not by the portal key it "
            "names. It was altered or put together from two files"
        )
    try:
        value = b64url_decode(str(signature["value"]), size=64)
        load_public_key(portal_key).verify(value, signed_message(doc))
    except (ValueError, InvalidSignature):
        return (
            "its signature does not match its content: the file was changed after the "
            "portal operator signed it"
        )
    return None


def parse_provisioning(data: bytes, source: str = "the provisioning file") -> Provisioning:
    """Parses a provisioning file and proves it intact: signed by the portal key it names.
    Whether that key is the agency's portal is decided by `check_trust` (read_provisioning)."""

    def bad(why: str) -> InvalidInput:
        return InvalidInput(
            f"{source} cannot be used: {why}. Ask your focal point for the agency's current "
            "provisioning file."
        )

    try:
        # Strict JSON: a duplicated key must not let the signature cover another value than
        # the one this program would use.
        doc = parse_json(data)
    except InvalidJson:
        raise bad("it is not JSON (or not strict JSON)") from None
    if not isinstance(doc, dict):
        raise bad("it is not a JSON object")
    missing = [k for k in _REQUIRED if k not in doc]
    unknown = [k for k in doc if k not in (*_REQUIRED, *_OPTIONAL, SIGNATURE_FIELD)]
    if missing:
        raise bad(f"fields missing: {', '.join(missing)}")
    if unknown:
        raise bad(f"unknown fields: {', '.join(unknown)}")
    if doc["v"] != 1:
        raise bad(f"format version {doc['v']!r} is not supported by this program")
    try:
        portal_key = b64url_decode(str(doc["portal_public_key"]), size=32)
    except ValueError as exc:
        raise bad(f"the portal key is malformed ({exc})") from None
    why = _check_signature(doc, portal_key)
    if why is not None:
        raise bad(why)
    # From here on the content is what the holder of portal_key signed.
    pins = doc.get("tls_spki_sha256") or []
    if not isinstance(pins, list) or not all(_is_pin(p) for p in pins):
        raise bad("tls_spki_sha256 must be a list of base64 SHA-256 pins")
    url = doc["portal_url"]
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise bad("portal_url must be an http(s) URL")
    recovery = doc.get("recovery_public_key")
    try:
        x25519 = b64url_decode(str(doc["portal_x25519_public_key"]), size=32)
        certificate = Certificate.from_json(doc["portal_certificate"])
        recovery_key = b64url_decode(str(recovery), size=32) if recovery else None
    except (ValueError, TypeError, VerificationError) as exc:
        raise bad(f"a key or the portal certificate is malformed ({exc})") from None
    if key_id(portal_key) != doc["portal_key_id"]:
        raise bad("portal_key_id does not match portal_public_key")
    if certificate.role != "portal" or not certificate.signed_by(portal_key):
        raise bad("the portal certificate is not signed by the portal key")
    crossing_points = doc.get("crossing_points") or []
    if not isinstance(crossing_points, list):
        raise bad("crossing_points must be a list")
    policy = doc.get("attachments")
    try:
        attachments = AttachmentPolicy.from_dict(policy) if isinstance(policy, dict) else None
    except ValueError as exc:
        raise bad(str(exc)) from None
    if policy is not None and attachments is None:
        raise bad("attachments must be an object")
    return Provisioning(
        attachments=attachments,
        portal_url=url.rstrip("/"),
        portal_id=str(doc["portal_id"]),
        portal_key=portal_key,
        portal_x25519=x25519,
        portal_certificate=certificate,
        agency=str(doc["agency"]),
        member_state=str(doc["member_state"]),
        tls_pins=tuple(str(p) for p in pins),
        crossing_points=[dict(c) for c in crossing_points if isinstance(c, dict)],
        agency_name=str(doc.get("agency_name") or ""),
        recovery_public_key=recovery_key,
    )


def trusted_portal_keys(path: Path = TRUSTED_PORTALS_FILE) -> frozenset[str]:
    """The portal key ids this release was built to trust (none in a development build)."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return frozenset()
    except (OSError, ValueError) as exc:
        # A damaged list must not silently turn into "trust whatever the file says".
        raise InvalidInput(
            f"The list of trusted portals shipped with Outpost ({path}) cannot be read ({exc}); "
            "reinstall Outpost."
        ) from None
    return frozenset(str(k) for k in document.get("portal_key_ids", []))


def check_trust(
    prov: Provisioning,
    expected_fingerprint: str | None = None,
    pinned: Collection[str] | None = None,
) -> Provisioning:
    """Decides whether the portal key of an intact file is the agency's portal.

    A release that ships portal keys accepts only those; a fingerprint the person was given
    must match. With neither, the file is accepted as "unconfirmed" and its fingerprint is
    shown so the person can compare it (docs/install.md, step 3)."""
    pinned = trusted_portal_keys() if pinned is None else pinned
    shown = prov.fingerprint
    if pinned and prov.portal_key_id not in pinned:
        raise InvalidInput(
            f"The provisioning file is signed by portal key {shown}, which this release of "
            "Outpost does not trust. It is not from the forum's portal operator: do not use "
            "it, and ask your focal point for the agency's provisioning file."
        )
    if expected_fingerprint is not None:
        if normalise_fingerprint(expected_fingerprint) != prov.portal_key_id:
            raise InvalidInput(
                f"The provisioning file is signed by portal key {shown}, not by the one you "
                f"expected ({fingerprint(normalise_fingerprint(expected_fingerprint))}). Do "
                "not use it; ask your focal point for the agency's provisioning file."
            )
        return dataclasses.replace(prov, trust="fingerprint")
    return dataclasses.replace(prov, trust="pinned" if pinned else "unconfirmed")


def read_provisioning(
    path: Path, expected_fingerprint: str | None = None, pinned: Collection[str] | None = None
) -> Provisioning:
    """Reads a provisioning file, proves it intact and decides whether to trust its key."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None
    return check_trust(parse_provisioning(data, str(path)), expected_fingerprint, pinned)


def trust_note(prov: Provisioning) -> str:
    """One line for the person about how the portal key is trusted."""
    if prov.trust == "pinned":
        return f"Portal key {prov.fingerprint}: one this release of Outpost trusts."
    if prov.trust == "fingerprint":
        return f"Portal key {prov.fingerprint}: matches the fingerprint you gave."
    return (
        f"Portal key fingerprint {prov.fingerprint}: compare it with the one your agency "
        "received from the portal operator; if they differ, do not use this installation."
    )


def find_provisioning_file(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """Where a provisioning file was given or placed: --provision, $OUTPOST_PROVISIONING,
    beside the installed program (the installers copy it there), or the system-wide place."""
    if explicit:
        return Path(explicit)
    if os.environ.get(PROVISIONING_ENV):
        return Path(os.environ[PROVISIONING_ENV])
    candidates = []
    if getattr(sys, "frozen", False):
        candidates.append(Path(sys.executable).resolve().parent / FILE_NAME)
    if sys.platform.startswith("linux"):
        candidates.append(Path("/etc/outpost") / FILE_NAME)
    elif sys.platform == "darwin":
        candidates.append(Path("/Library/Application Support/Outpost") / FILE_NAME)
    return next((c for c in candidates if c.is_file()), None)


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
        if prov.attachments is not None:
            meta.set(ATTACHMENT_POLICY_KEY, prov.attachments.to_json())
        audit.record(
            actor,
            "installation.provisioned",
            prov.portal_id,
            # How the key was trusted stays on record: "unconfirmed" means nobody compared it.
            {
                "portal_url": prov.portal_url,
                "portal_key_id": prov.portal_key_id,
                "trust": prov.trust,
            },
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
