"""Batch receipts: one portal signature over a whole push, each item still provable alone.

The portal signs the root of a Merkle tree (RFC 6962/9162 hashing: a leaf is
SHA-256(0x00 || canonical receipt body), a node SHA-256(0x01 || left || right), domain
separated so a node can never pass for a leaf) whose leaves are the receipt bodies of the
envelopes it stored from one batch, in the order they were sent. The signed root travels once
per push; the items travel as their sequence numbers only, because the client already knows
every other field of each receipt body. The client rebuilds the tree, and keeps per item a
`BatchReceipt`: its receipt body, its index, its inclusion proof and the signed root. That
record re-verifies on its own, offline, with nothing but the pinned portal key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol import fields as f
from sync.protocol.bodies import ReceiptBody
from sync.protocol.canonical import JsonObject, canonical_bytes, parse_json
from sync.protocol.certificates import Certificate, Trust
from sync.protocol.errors import (
    BadSignature,
    BatchRootMismatch,
    ExpiredCertificate,
    InclusionProofMismatch,
    InvalidJson,
    MalformedEnvelope,
    RevokedKey,
    SignerMismatch,
    UnknownKey,
    WrongRole,
)
from sync.protocol.keys import b64url_decode, b64url_encode, key_id_of, load_public_key
from sync.protocol.resolver import KeyResolver

BATCH_ROOT_TYPE: Final = "receipt_batch"
BATCH_RECEIPT_TYPE: Final = "batch_receipt"
BATCH_ROOT_PREFIX: Final = b"outpost/receipt_batch/v1\n"
LEAF_PREFIX: Final = b"\x00"
NODE_PREFIX: Final = b"\x01"
SIGNATURE_SIZE: Final = 64
_ERR = MalformedEnvelope
_ROOT_FIELDS: Final = ("body", "key_id", "sig", "type", "v")
_ROOT_BODY_FIELDS: Final = ("portal", "portal_time", "root", "size")
_ITEM_FIELDS: Final = ("batch", "index", "path", "receipt", "type", "v")


# --- the tree ------------------------------------------------------------------------------


def leaf_hash(body: ReceiptBody) -> bytes:
    return hashlib.sha256(LEAF_PREFIX + canonical_bytes(body.to_json())).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n >= 2), RFC 9162 section 2.1.1."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def merkle_root(leaves: Sequence[bytes]) -> bytes:
    """Root over leaf hashes (at least one)."""
    if not leaves:
        raise ValueError("a batch receipt needs at least one leaf")
    if len(leaves) == 1:
        return leaves[0]
    k = _split(len(leaves))
    return node_hash(merkle_root(leaves[:k]), merkle_root(leaves[k:]))


def inclusion_proof(index: int, leaves: Sequence[bytes]) -> list[bytes]:
    """Audit path of leaf `index`, bottom-up (RFC 9162 section 2.1.3.1)."""
    if not 0 <= index < len(leaves):
        raise ValueError(f"leaf {index} is not in a tree of {len(leaves)}")
    if len(leaves) == 1:
        return []
    k = _split(len(leaves))
    if index < k:
        return [*inclusion_proof(index, leaves[:k]), merkle_root(leaves[k:])]
    return [*inclusion_proof(index - k, leaves[k:]), merkle_root(leaves[:k])]


def root_from_proof(leaf: bytes, index: int, size: int, path: Sequence[bytes]) -> bytes:
    """The root a proof leads to (RFC 9162 section 2.1.3.2); raises InclusionProofMismatch
    when the proof has the wrong shape for (index, size)."""
    if not 0 <= index < size:
        raise InclusionProofMismatch(f"index {index} is outside a batch of {size}")
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            raise InclusionProofMismatch("the inclusion proof is longer than the tree")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise InclusionProofMismatch("the inclusion proof is shorter than the tree")
    return r


# --- the signed root -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchRoot:
    """The portal's one signature for a push: `size` receipts under Merkle root `root`."""

    portal: str
    portal_time: datetime
    root: bytes
    size: int
    key_id: str
    sig: bytes

    def unsigned(self) -> JsonObject:
        return {
            "body": {
                "portal": self.portal,
                "portal_time": f.format_timestamp(self.portal_time),
                "root": self.root.hex(),
                "size": self.size,
            },
            "key_id": self.key_id,
            "type": BATCH_ROOT_TYPE,
            "v": 1,
        }

    def signed_message(self, root: bytes | None = None) -> bytes:
        unsigned = self.unsigned()
        if root is not None:  # the message as it would be for another root
            body = unsigned["body"]
            assert isinstance(body, dict)
            body["root"] = root.hex()
        return BATCH_ROOT_PREFIX + canonical_bytes(unsigned)

    def to_json(self) -> JsonObject:
        return {**self.unsigned(), "sig": b64url_encode(self.sig)}

    @staticmethod
    def from_json(data: object, path: str = "batch") -> BatchRoot:
        obj = f.read_object(data, path, _ROOT_FIELDS, _ERR)
        if obj["type"] != BATCH_ROOT_TYPE or obj["v"] != 1:
            raise _ERR(f"{path}: expected a {BATCH_ROOT_TYPE} v1, got {obj['type']!r}")
        body = f.read_object(obj["body"], f"{path}.body", _ROOT_BODY_FIELDS, _ERR)
        portal = f.read_str(body["portal"], f"{path}.body.portal", _ERR)
        f.check_identifier(portal, f"{path}.body.portal", _ERR)
        size = f.read_int(body["size"], f"{path}.body.size", _ERR)
        if size < 1:
            raise _ERR(f"{path}.body.size: a batch holds at least one receipt")
        return BatchRoot(
            portal=portal,
            portal_time=f.read_timestamp(body["portal_time"], f"{path}.body.portal_time", _ERR),
            root=_hash32(body["root"], f"{path}.body.root"),
            size=size,
            key_id=f.read_str(obj["key_id"], f"{path}.key_id", _ERR),
            sig=_sig(obj["sig"], f"{path}.sig"),
        )


def sign_batch(
    bodies: Sequence[ReceiptBody], private_key: Ed25519PrivateKey, portal_time: datetime
) -> BatchRoot:
    """The portal's side: one signature over the receipts of one push (same portal)."""
    leaves = [leaf_hash(b) for b in bodies]
    unsigned = BatchRoot(
        portal=bodies[0].portal,
        portal_time=f.utc_seconds(portal_time, "portal_time", _ERR),
        root=merkle_root(leaves),
        size=len(leaves),
        key_id=key_id_of(private_key),
        sig=b"\0" * SIGNATURE_SIZE,
    )
    sig = private_key.sign(unsigned.signed_message())
    return BatchRoot(
        unsigned.portal, unsigned.portal_time, unsigned.root, unsigned.size, unsigned.key_id, sig
    )


# --- one item's receipt --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchReceipt:
    """What the client keeps for one envelope: verifiable alone, offline."""

    receipt: ReceiptBody
    index: int
    path: tuple[bytes, ...]
    batch: BatchRoot

    def to_json(self) -> JsonObject:
        return {
            "batch": self.batch.to_json(),
            "index": self.index,
            "path": [p.hex() for p in self.path],
            "receipt": self.receipt.to_json(),
            "type": BATCH_RECEIPT_TYPE,
            "v": 1,
        }

    def to_bytes(self) -> bytes:
        return canonical_bytes(self.to_json())

    @property
    def hash(self) -> str:
        return hashlib.sha256(self.to_bytes()).hexdigest()

    @staticmethod
    def from_json(data: object) -> BatchReceipt:
        obj = f.read_object(data, "batch_receipt", _ITEM_FIELDS, _ERR)
        if obj["type"] != BATCH_RECEIPT_TYPE or obj["v"] != 1:
            raise _ERR(f"batch_receipt: expected a {BATCH_RECEIPT_TYPE} v1")
        raw_path = obj["path"]
        if not isinstance(raw_path, list):
            raise _ERR("batch_receipt.path: expected a list of hashes")
        return BatchReceipt(
            receipt=ReceiptBody.from_json(obj["receipt"], "batch_receipt.receipt"),
            index=f.read_int(obj["index"], "batch_receipt.index", _ERR),
            path=tuple(_hash32(p, f"batch_receipt.path[{i}]") for i, p in enumerate(raw_path)),
            batch=BatchRoot.from_json(obj["batch"], "batch_receipt.batch"),
        )

    @staticmethod
    def from_bytes(data: bytes | str) -> BatchReceipt:
        try:
            return BatchReceipt.from_json(parse_json(data))
        except InvalidJson as exc:
            raise _ERR(f"batch_receipt: {exc}") from None


def is_batch_receipt(data: object) -> bool:
    return isinstance(data, dict) and data.get("type") == BATCH_RECEIPT_TYPE


def batch_receipts(bodies: Sequence[ReceiptBody], batch: BatchRoot) -> list[BatchReceipt]:
    """The client's side: each item's receipt with the proof computed from all the leaves it
    rebuilt. Not a verification: `verify_batch_receipt` is (a wrong leaf gives a wrong root)."""
    leaves = [leaf_hash(b) for b in bodies]
    return [
        BatchReceipt(body, i, tuple(inclusion_proof(i, leaves)), batch)
        for i, body in enumerate(bodies)
    ]


@dataclass(frozen=True, slots=True)
class VerifiedBatchReceipt:
    receipt: BatchReceipt
    certificate: Certificate
    trust: Trust

    @property
    def body(self) -> ReceiptBody:
        return self.receipt.receipt

    @property
    def hash(self) -> str:
        return self.receipt.hash


def verify_batch_receipt(
    data: BatchReceipt | bytes | str | dict[str, object], *, keys: KeyResolver, now: datetime
) -> VerifiedBatchReceipt:
    """Checks, in order: well-formed; the proof leads from the receipt to the stated root
    (else `inclusion_proof_mismatch`, or `batch_root_mismatch` when it leads to the root the
    portal did sign and only the stated root was changed); the signature over the root by a
    trusted, unrevoked portal certificate valid at `now` that names the receipt's portal."""
    item = (
        data
        if isinstance(data, BatchReceipt)
        else (
            BatchReceipt.from_json(data)
            if isinstance(data, dict)
            else BatchReceipt.from_bytes(data)
        )
    )
    batch = item.batch
    cert = keys.certificate(batch.key_id)
    if cert is None:
        raise UnknownKey(f"no certificate for key {batch.key_id}")
    if cert.key_id != batch.key_id:
        raise UnknownKey(f"the key store returned a certificate of {cert.key_id}")
    public = load_public_key(cert.public_key)
    computed = root_from_proof(leaf_hash(item.receipt), item.index, batch.size, item.path)
    if computed != batch.root:
        try:
            public.verify(batch.sig, batch.signed_message(computed))
        except InvalidSignature:
            raise InclusionProofMismatch(
                f"the inclusion proof of receipt {item.index} does not lead to the batch root"
            ) from None
        raise BatchRootMismatch("the batch root is not the one the portal signed")
    try:
        public.verify(batch.sig, batch.signed_message())
    except InvalidSignature:
        raise BadSignature(f"batch signature does not verify with key {batch.key_id}") from None
    from sync.protocol.verify import certificate_trust  # verify imports envelopes; no cycle

    trust = certificate_trust(cert, keys)
    if trust is not Trust.PORTAL or cert.role != "portal":
        raise WrongRole(f"role {cert.role!r} may not sign a batch of receipts")
    if keys.is_revoked(cert.key_id):
        raise RevokedKey(f"key {cert.key_id} is revoked")
    if not cert.valid_at(now):
        raise ExpiredCertificate(
            f"certificate of {cert.key_id} is valid from {f.format_timestamp(cert.not_before)}"
            f" to {f.format_timestamp(cert.not_after)}, not at {f.format_timestamp(now)}"
        )
    if item.receipt.portal != cert.user_id or batch.portal != cert.user_id:
        raise SignerMismatch(
            f"receipt names portal {item.receipt.portal}, certificate is {cert.user_id}"
        )
    return VerifiedBatchReceipt(item, cert, trust)


def _hash32(value: object, path: str) -> bytes:
    text = f.read_str(value, path, _ERR)
    f.check_hash(text, path, _ERR)
    return bytes.fromhex(text)


def _sig(value: object, path: str) -> bytes:
    text = f.read_str(value, path, _ERR)
    try:
        return b64url_decode(text, size=SIGNATURE_SIZE)
    except ValueError as exc:
        raise _ERR(f"{path}: {exc}") from None
