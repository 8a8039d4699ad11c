"""Golden vectors (data/envelope_vectors.json): the byte-exact protocol, re-derived here
with hashlib, rfc8785 and cryptography directly rather than through sync.protocol."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from sync.protocol import Certificate, Envelope, MemoryKeyResolver, verify
from tests.protocol import vectors

DATA: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "envelope_vectors.json").read_text(encoding="utf-8")
)


def test_vectors_match_the_code() -> None:
    # Ed25519 is deterministic, so signing the same bodies with the same keys reproduces
    # the file exactly; a diff here is a protocol change.
    assert vectors.build() == DATA


def test_envelope_vectors_by_hand() -> None:
    certs = {name: entry["certificate"] for name, entry in DATA["keys"].items()}
    public = {
        "ed25519:" + hashlib.sha256(bytes.fromhex(k["public_key_hex"])).hexdigest()[:32]: k
        for k in DATA["keys"].values()
    }
    for item in DATA["envelopes"]:
        env = item["envelope"]
        unsigned = {k: v for k, v in env.items() if k != "sig"}
        message = f"outpost/{env['type']}/v1\n".encode() + rfc8785.dumps(unsigned)
        assert message.hex() == item["signed_message_hex"]
        assert hashlib.sha256(message).hexdigest() == item["hash"]
        signer = public[env["key_id"]]
        sig = _b64url(env["sig"])
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(signer["public_key_hex"])).verify(
            sig, message
        )
    for cert in certs.values():
        unsigned = {k: v for k, v in cert.items() if k != "sig"}
        issuer = public[cert["issuer"]]
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(issuer["public_key_hex"])).verify(
            _b64url(cert["sig"]), b"outpost/certificate/v1\n" + rfc8785.dumps(unsigned)
        )


def test_envelope_vectors_verify() -> None:
    keys = MemoryKeyResolver.of(
        [Certificate.from_json(k["certificate"]) for k in DATA["keys"].values()],
        anchors=[bytes.fromhex(DATA["portal_public_key_hex"])],
    )
    now = datetime.strptime(DATA["now"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    for item in DATA["envelopes"]:
        result = verify(item["envelope"], keys=keys, now=now)
        assert result.hash == item["hash"]
        assert Envelope.from_json(item["envelope"]).to_json() == item["envelope"]


def _b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
