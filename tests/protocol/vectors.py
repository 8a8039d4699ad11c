"""Writes data/envelope_vectors.json, the golden vectors for other implementations.

Run `python -m tests.protocol.vectors` only when the protocol changes on purpose (which
needs a new version number); test_vectors.py checks the file against the code.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from sync.protocol import (
    JsonObject,
    Release,
    private_key_raw,
    public_key_raw,
    sign_approval,
    sign_receipt,
    sign_submission,
)
from sync.protocol.batch_receipts import batch_receipts, leaf_hash, sign_batch
from tests.protocol.pki import NOW, PKI, approval_body, receipt_body, submission_body

PATH = Path(__file__).parent / "data" / "envelope_vectors.json"
BATCH_PATH = Path(__file__).parent / "data" / "batch_receipt_vectors.json"


def build() -> JsonObject:
    submission = sign_submission(submission_body(), PKI.officer_key)
    approval = sign_approval(approval_body(submission.hash), PKI.ofp_key)
    receipt = sign_receipt(receipt_body(submission.hash), PKI.portal_key)
    # After the release gained its optional members: a RED approval to named principals
    # and an AMBER+STRICT one to named agencies (the three above are unchanged by it).
    red = dataclasses.replace(
        approval.body,
        release=Release("RED", False, "MOU-2025-07", (), None, recipients=("u-3001", "u-3002")),
    )
    strict = dataclasses.replace(
        approval.body,
        release=Release(
            "AMBER+STRICT",
            True,
            "MOU-2025-07",
            (),
            "named desks",
            agencies=("ETH-NISS", "UGA-DCIC"),
        ),
    )
    extra = [sign_approval(red, PKI.ofp_key), sign_approval(strict, PKI.ofp_key)]
    return {
        "comment": "Test keys only. Verify at 'now' with the portal key as the trust anchor.",
        "now": "2026-03-01T12:00:00Z",
        "portal_public_key_hex": public_key_raw(PKI.portal_key).hex(),
        "keys": {
            name: {
                "private_seed_hex": private_key_raw(key).hex(),
                "public_key_hex": public_key_raw(key).hex(),
                "certificate": cert.to_json(),
            }
            for name, key, cert in [
                ("portal", PKI.portal_key, PKI.portal_cert),
                ("officer", PKI.officer_key, PKI.officer_cert),
                ("ofp", PKI.ofp_key, PKI.ofp_cert),
            ]
        },
        "envelopes": [
            {
                "envelope": env.to_json(),
                "signed_message_hex": env.signed_message.hex(),
                "hash": env.hash,
            }
            for env in (submission, approval, receipt, *extra)
        ],
    }


def build_batch() -> JsonObject:
    """A batch of three receipts (an unbalanced tree: the third leaf pairs with the root of
    the first two), signed once by the portal key of the envelope vectors."""
    submission = sign_submission(submission_body(), PKI.officer_key)
    approval = sign_approval(approval_body(submission.hash), PKI.ofp_key)
    third = hashlib.sha256(b"a third envelope").hexdigest()
    bodies = [
        receipt_body(submission.hash),
        dataclasses.replace(receipt_body(approval.hash, "approval"), portal_seq=43),
        dataclasses.replace(receipt_body(third), portal_seq=44),
    ]
    root = sign_batch(bodies, PKI.portal_key, bodies[0].portal_time)
    return {
        "comment": (
            "Batch receipts (docs/protocol.md 3.9). Leaf = SHA-256(0x00 || canonical receipt "
            "body), node = SHA-256(0x01 || left || right), RFC 9162 tree shape; the root is "
            "signed with the prefix 'outpost/receipt_batch/v1\\n'. Keys: envelope_vectors.json."
        ),
        "now": "2026-03-01T12:00:00Z",
        "leaf_hashes_hex": [leaf_hash(b).hex() for b in bodies],
        "root_hex": root.root.hex(),
        "signed_message_hex": root.signed_message().hex(),
        "batch": root.to_json(),
        "receipts": [r.to_json() for r in batch_receipts(bodies, root)],
    }


def main() -> None:
    assert NOW.isoformat() == "2026-03-01T12:00:00+00:00"
    PATH.write_text(json.dumps(build(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    BATCH_PATH.write_text(
        json.dumps(build_batch(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
