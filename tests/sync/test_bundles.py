"""Offline bundles: only the portal reads them; nobody can alter or re-address them."""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from sync.bundles import (
    BundleError,
    check_part,
    join_parts,
    open_bundle,
    read_header,
    read_part,
    seal_bundle,
    split_bundle,
)
from sync.protocol import (
    MemoryKeyResolver,
    b64url_decode,
    b64url_encode,
    generate_private_key,
    self_signed_certificate,
)

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


def _sealed(size: int) -> tuple[bytes, X25519PrivateKey, MemoryKeyResolver, Ed25519PrivateKey]:
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
    photo = random.Random(size).randbytes(size)
    data = seal_bundle(
        portal_id="portal.test",
        portal_x25519=portal.public_key().public_bytes_raw(),
        sender_key=sender,
        sender="ana",
        agency="THA-IMM",
        created_at="2026-11-29T00:00:00Z",
        envelopes=[{"type": "submission"}],
        certificates=[cert.to_json()],
        attachments=[(hashlib.sha256(photo).hexdigest(), "image/jpeg", photo)],
    )
    return data, portal, MemoryKeyResolver.of([cert]), sender


def test_attachments_are_sealed_with_the_rest() -> None:
    data, portal, keys, _ = _sealed(20_000)
    photo = random.Random(20_000).randbytes(20_000)
    assert photo[100:132] not in data and b64url_encode(photo[102:150]).encode() not in data
    (entry,) = open_bundle(data, portal, keys, "portal.test").attachments
    assert b64url_decode(entry["data"]) == photo
    assert entry["sha256"] == hashlib.sha256(photo).hexdigest()


def test_parts_each_verify_alone_and_join_in_any_order() -> None:
    data, portal, keys, sender = _sealed(100_000)
    files = split_bundle(data, sender, 16 * 1024)
    assert len(files) >= 9 and all(len(f) <= 16 * 1024 for f in files)
    parts = [read_part(f) for f in random.Random(1).sample(files, len(files))]
    for part in parts:
        check_part(part, keys, "portal.test")
    assert join_parts(parts + parts[:2]) == data  # any order; a part twice counts once
    assert open_bundle(join_parts(parts), portal, keys, "portal.test").attachments


def test_an_altered_part_is_named_and_a_missing_one_too() -> None:
    data, _, keys, sender = _sealed(30_000)
    files = split_bundle(data, sender, 8 * 1024)
    m = len(files)
    for n, file in enumerate(files, start=1):
        for i in range(0, len(file), max(1, len(file) // 37)):
            tampered = file[:i] + bytes([file[i] ^ 0x01]) + file[i + 1 :]
            with pytest.raises(BundleError, match=r"altered|not a part|another portal|unknown"):
                part = read_part(tampered)
                check_part(part, keys, "portal.test")
                join_parts([part if k == n else read_part(f) for k, f in enumerate(files, 1)])
    parts = [read_part(f) for f in files]
    with pytest.raises(BundleError, match=f"^part 2 of {m} is missing"):
        join_parts(parts[:1] + parts[2:])
    with pytest.raises(BundleError, match=f"part 1 of {m}, part {m} of {m} are missing"):
        join_parts(parts[1:-1])
    other = read_part(split_bundle(_sealed(30_001)[0], sender, 8 * 1024)[1])
    with pytest.raises(BundleError, match="another bundle"):
        join_parts([*parts, other])
    with pytest.raises(BundleError, match="at least 4096 bytes"):
        split_bundle(data, sender, 1000)
