"""Offline bundles: only the portal reads them; nobody can alter or re-address them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from sync.bundles import BundleError, open_bundle, read_header, seal_bundle
from sync.protocol import MemoryKeyResolver, generate_private_key, self_signed_certificate

NOW = datetime.now(UTC).replace(microsecond=0)


def _setup() -> tuple[bytes, X25519PrivateKey, MemoryKeyResolver, bytes]:
    sender = generate_private_key()
    cert = self_signed_certificate(
        sender,
        user_id="ana",
        agency="THA-IMM",
        role="officer",
        not_before=NOW - timedelta(days=1),
        not_after=NOW + timedelta(days=1),
    )
    portal = X25519PrivateKey.generate()
    envelopes = [{"type": "submission", "secret": "CANARY-bundle-7d1"}]
    data = seal_bundle(
        portal_id="portal.test",
        portal_x25519=portal.public_key().public_bytes_raw(),
        sender_key=sender,
        sender="ana",
        agency="THA-IMM",
        created_at="2026-11-29T00:00:00Z",
        envelopes=envelopes,
        certificates=[cert.to_json()],
    )
    return data, portal, MemoryKeyResolver.of([cert]), sender.public_key().public_bytes_raw()


def test_round_trip_and_confidentiality() -> None:
    data, portal, keys, _ = _setup()
    assert b"CANARY-bundle-7d1" not in data  # a courier cannot read it
    contents = open_bundle(data, portal, keys, "portal.test")
    assert contents.envelopes[0]["secret"] == "CANARY-bundle-7d1"
    assert contents.sender == "ana" and contents.agency == "THA-IMM"


def test_any_flipped_byte_is_refused() -> None:
    data, portal, keys, _ = _setup()
    for i in range(0, len(data), max(1, len(data) // 97)):
        tampered = data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]
        with pytest.raises(BundleError):
            open_bundle(tampered, portal, keys, "portal.test")


def test_wrong_portal_and_wrong_key_are_refused() -> None:
    data, portal, keys, _ = _setup()
    with pytest.raises(BundleError, match=r"addressed to portal 'portal\.test'"):
        open_bundle(data, portal, keys, "another.portal")
    with pytest.raises(BundleError, match="another portal key"):
        open_bundle(data, X25519PrivateKey.generate(), keys, "portal.test")
    with pytest.raises(BundleError, match="unknown"):
        open_bundle(data, portal, MemoryKeyResolver(), "portal.test")
    assert read_header(data)["portal_id"] == "portal.test"
