"""The portal's own keys: Ed25519 (certificates, receipts) and X25519 (offline bundles).

Kept in one JSON key file in the data directory, readable by the portal's user only.
The portal's self-issued certificate is written at creation so it never changes.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Final

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from portal.files import private_dir
from sync.protocol import (
    Certificate,
    b64url_decode,
    b64url_encode,
    generate_private_key,
    issue_certificate,
    key_id_of,
    load_private_key,
    private_key_raw,
    public_key_raw,
)

KEY_FILE_NAME: Final = "portal-keys.json"
KEY_FILE_VERSION: Final = 1
PORTAL_CERTIFICATE_YEARS: Final = 10


@dataclass(frozen=True)
class PortalKeys:
    portal_id: str  # user_id of the portal certificate; named in every receipt
    signing_key: Ed25519PrivateKey
    exchange_key: X25519PrivateKey
    certificate: Certificate  # self-issued, role "portal"

    @property
    def key_id(self) -> str:
        return key_id_of(self.signing_key)

    @property
    def public_key(self) -> bytes:
        return public_key_raw(self.signing_key)

    @property
    def exchange_public_key(self) -> bytes:
        return self.exchange_key.public_key().public_bytes_raw()


def key_file(data_dir: Path) -> Path:
    return data_dir / KEY_FILE_NAME


def create_keys(data_dir: Path, *, portal_id: str, agency: str) -> PortalKeys:
    """Generate the portal's keys and write the key file; refuses to overwrite one."""
    path = key_file(data_dir)
    signing = generate_private_key()
    exchange = X25519PrivateKey.generate()
    now = datetime.now(UTC).replace(microsecond=0)
    certificate = issue_certificate(
        public_key=public_key_raw(signing),
        user_id=portal_id,
        agency=agency,
        role="portal",
        not_before=now - timedelta(days=1),
        not_after=now + timedelta(days=365 * PORTAL_CERTIFICATE_YEARS),
        serial=0,
        issuer_key=signing,
    )
    document = {
        "v": KEY_FILE_VERSION,
        "portal_id": portal_id,
        "ed25519": b64url_encode(private_key_raw(signing)),
        "x25519": b64url_encode(exchange.private_bytes_raw()),
        "certificate": certificate.to_json(),
    }
    private_dir(data_dir)
    # O_EXCL: never replace existing keys (every issued certificate depends on them).
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=2)
    return PortalKeys(portal_id, signing, exchange, certificate)


def load_keys(data_dir: Path) -> PortalKeys:
    path = key_file(data_dir)
    document = json.loads(path.read_text(encoding="utf-8"))
    if document.get("v") != KEY_FILE_VERSION:
        raise ValueError(f"{path}: unsupported key file version {document.get('v')!r}")
    signing = load_private_key(b64url_decode(document["ed25519"], size=32))
    exchange = X25519PrivateKey.from_private_bytes(b64url_decode(document["x25519"], size=32))
    certificate = Certificate.from_json(document["certificate"])
    if certificate.public_key != public_key_raw(signing):
        raise ValueError(f"{path}: the certificate is not the signing key's")
    return PortalKeys(document["portal_id"], signing, exchange, certificate)
