"""Batch receipts (issue 11, finding 6): one portal signature per push, each receipt
verifiable alone; golden vectors re-derived with hashlib, rfc8785 and cryptography."""

from __future__ import annotations

import base64
import copy
import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import rfc8785
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from sync.protocol import ReceiptBody
from sync.protocol.batch_receipts import (
    BatchReceipt,
    batch_receipts,
    sign_batch,
    verify_batch_receipt,
)
from sync.protocol.errors import (
    BadSignature,
    BatchRootMismatch,
    InclusionProofMismatch,
    MalformedEnvelope,
    WrongRole,
)
from tests.protocol import vectors
from tests.protocol.pki import NOW, PKI, receipt_body

DATA: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "batch_receipt_vectors.json").read_text(encoding="utf-8")
)


def _bodies(n: int) -> list[ReceiptBody]:
    return [
        dataclasses.replace(
            receipt_body(hashlib.sha256(str(i).encode()).hexdigest()), portal_seq=100 + i
        )
        for i in range(n)
    ]


def test_batch_vectors_match_the_code() -> None:
    assert vectors.build_batch() == DATA


def test_batch_vectors_by_hand() -> None:
    def leaf(body: dict[str, Any]) -> bytes:
        return hashlib.sha256(b"\x00" + rfc8785.dumps(body)).digest()

    def node(left: bytes, right: bytes) -> bytes:
        return hashlib.sha256(b"\x01" + left + right).digest()

    leaves = [leaf(r["receipt"]) for r in DATA["receipts"]]
    assert [x.hex() for x in leaves] == DATA["leaf_hashes_hex"]
    root = node(node(leaves[0], leaves[1]), leaves[2])  # RFC 9162 shape for 3 leaves
    assert root.hex() == DATA["root_hex"] == DATA["batch"]["body"]["root"]
    unsigned = {k: v for k, v in DATA["batch"].items() if k != "sig"}
    message = b"outpost/receipt_batch/v1\n" + rfc8785.dumps(unsigned)
    assert message.hex() == DATA["signed_message_hex"]
    portal = bytes.fromhex(vectors.build()["portal_public_key_hex"])
    sig = base64.urlsafe_b64decode(DATA["batch"]["sig"] + "==")
    Ed25519PublicKey.from_public_bytes(portal).verify(sig, message)  # raises if not
    assert DATA["receipts"][2]["path"] == [node(leaves[0], leaves[1]).hex()]
    assert DATA["receipts"][0]["path"] == [leaves[1].hex(), leaves[2].hex()]


@pytest.mark.parametrize("n", [1, 2, 3, 7, 8, 9, 500])
def test_every_receipt_of_a_batch_verifies_alone(n: int) -> None:
    bodies = _bodies(n)
    root = sign_batch(bodies, PKI.portal_key, bodies[0].portal_time)
    keys = PKI.resolver()
    for body, item in zip(bodies, batch_receipts(bodies, root), strict=True):
        alone = BatchReceipt.from_bytes(item.to_bytes())  # as stored, nothing else kept
        verified = verify_batch_receipt(alone, keys=keys, now=NOW)
        assert verified.body == body
        assert len(alone.path) <= (n - 1).bit_length()


def _tampered(what: str) -> dict[str, Any]:
    bodies = _bodies(5)
    root = sign_batch(bodies, PKI.portal_key, bodies[0].portal_time)
    item = copy.deepcopy(batch_receipts(bodies, root)[3].to_json())
    if what == "proof":
        path = item["path"]
        path[0] = hashlib.sha256(b"forged").hexdigest()
    elif what == "root":
        item["batch"]["body"]["root"] = hashlib.sha256(b"forged").hexdigest()
    elif what == "signature":
        sig = bytearray(base64.urlsafe_b64decode(item["batch"]["sig"] + "=="))
        sig[0] ^= 1
        item["batch"]["sig"] = base64.urlsafe_b64encode(bytes(sig)).rstrip(b"=").decode()
    elif what == "receipt":
        item["receipt"]["portal_seq"] += 1
    return item


@pytest.mark.parametrize(
    ("what", "error", "code"),
    [
        ("proof", InclusionProofMismatch, "inclusion_proof_mismatch"),
        ("receipt", InclusionProofMismatch, "inclusion_proof_mismatch"),
        ("root", BatchRootMismatch, "batch_root_mismatch"),
        ("signature", BadSignature, "bad_signature"),
    ],
)
def test_a_tampered_batch_receipt_is_refused_with_its_own_error(
    what: str, error: type[Exception], code: str
) -> None:
    with pytest.raises(error) as caught:
        verify_batch_receipt(_tampered(what), keys=PKI.resolver(), now=NOW)
    assert caught.value.code == code  # type: ignore[attr-defined]


def test_a_proof_of_the_wrong_length_is_refused() -> None:
    item = _tampered("none")
    item["path"] = item["path"][:-1]
    with pytest.raises(InclusionProofMismatch):
        verify_batch_receipt(item, keys=PKI.resolver(), now=NOW)
    item["index"] = 9
    with pytest.raises(InclusionProofMismatch):
        verify_batch_receipt(item, keys=PKI.resolver(), now=NOW)


def test_a_batch_signed_by_a_non_portal_key_is_refused() -> None:
    bodies = [dataclasses.replace(b, portal=PKI.officer_cert.user_id) for b in _bodies(2)]
    root = sign_batch(bodies, PKI.officer_key, bodies[0].portal_time)
    with pytest.raises(WrongRole):
        verify_batch_receipt(batch_receipts(bodies, root)[0], keys=PKI.resolver(), now=NOW)


def test_a_batch_receipt_with_an_unknown_field_is_malformed() -> None:
    item = _tampered("none")
    item["extra"] = 1
    with pytest.raises(MalformedEnvelope):
        verify_batch_receipt(item, keys=PKI.resolver(), now=NOW)
