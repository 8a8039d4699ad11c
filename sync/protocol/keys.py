"""Ed25519 keys, key ids and the base64url encoding used for keys and signatures."""

from __future__ import annotations

import binascii
import functools
import hashlib
import re

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

KEY_ID_PREFIX = "ed25519:"
PUBLIC_KEY_SIZE = 32
PRIVATE_KEY_SIZE = 32
SIGNATURE_SIZE = 64

_KEY_ID = re.compile(r"ed25519:[0-9a-f]{32}")
_B64URL = re.compile(r"[A-Za-z0-9_-]*")
_TO_URL = bytes.maketrans(b"+/", b"-_")
_FROM_URL = str.maketrans("-_", "+/")


def b64url_encode(data: bytes) -> str:
    """base64url (RFC 4648 §5) without padding."""
    # binascii directly: base64's wrappers cost more than the encoding of a signature.
    return binascii.b2a_base64(data, newline=False).translate(_TO_URL).rstrip(b"=").decode()


def b64url_decode(text: str, *, size: int | None = None) -> bytes:
    """Decode unpadded base64url, accepting only the canonical encoding.

    Rejects padding, other alphabets and non-zero trailing bits, so each byte string has
    exactly one accepted text form (no silent malleability of signatures or keys).
    Raises ValueError.
    """
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        raise ValueError("not unpadded base64url")
    data = binascii.a2b_base64(text.translate(_FROM_URL) + "=" * (-len(text) % 4))
    if b64url_encode(data) != text:
        raise ValueError("non-canonical base64url (trailing bits set)")
    if size is not None and len(data) != size:
        raise ValueError(f"expected {size} bytes, got {len(data)}")
    return data


def key_id(public_key_raw: bytes) -> str:
    """The key id: 'ed25519:' + first 32 hex digits (128 bits) of SHA-256(raw 32-byte key)."""
    if len(public_key_raw) != PUBLIC_KEY_SIZE:
        raise ValueError(f"an Ed25519 public key has {PUBLIC_KEY_SIZE} bytes")
    return KEY_ID_PREFIX + hashlib.sha256(public_key_raw).hexdigest()[:32]


def is_key_id(text: str) -> bool:
    return _KEY_ID.fullmatch(text) is not None


def public_key_raw(key: Ed25519PublicKey | Ed25519PrivateKey) -> bytes:
    """The raw 32-byte public key (of a private key: its public half)."""
    if isinstance(key, Ed25519PrivateKey):
        key = key.public_key()
    return key.public_bytes_raw()


def key_id_of(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    return key_id(public_key_raw(key))


@functools.lru_cache(maxsize=1024)  # keys are immutable; a portal verifies many envelopes per key
def load_public_key(raw: bytes) -> Ed25519PublicKey:
    if len(raw) != PUBLIC_KEY_SIZE:
        raise ValueError(f"an Ed25519 public key has {PUBLIC_KEY_SIZE} bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def private_key_raw(key: Ed25519PrivateKey) -> bytes:
    """The raw 32-byte seed; store it only encrypted."""
    return key.private_bytes_raw()


def load_private_key(raw: bytes) -> Ed25519PrivateKey:
    if len(raw) != PRIVATE_KEY_SIZE:
        raise ValueError(f"an Ed25519 private key has {PRIVATE_KEY_SIZE} bytes")
    return Ed25519PrivateKey.from_private_bytes(raw)


def generate_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()
