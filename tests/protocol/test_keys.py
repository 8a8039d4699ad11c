"""Key ids and canonical base64url."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync.protocol import (
    b64url_decode,
    b64url_encode,
    generate_private_key,
    key_id,
    key_id_of,
    load_private_key,
    load_public_key,
    private_key_raw,
    public_key_raw,
)
from sync.protocol.keys import is_key_id

# RFC 8032 §7.1, test 1: public key of the all-documented secret key 9d61b19d...
RFC8032_PUBLIC = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
RFC8032_SECRET = bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")


def test_key_id_definition() -> None:
    expected = "ed25519:" + hashlib.sha256(RFC8032_PUBLIC).hexdigest()[:32]
    assert key_id(RFC8032_PUBLIC) == expected
    assert is_key_id(expected)
    assert key_id_of(load_private_key(RFC8032_SECRET)) == expected
    assert key_id_of(load_public_key(RFC8032_PUBLIC)) == expected


def test_key_id_rejects_wrong_length() -> None:
    with pytest.raises(ValueError):
        key_id(RFC8032_PUBLIC[:31])


@pytest.mark.parametrize(
    "text",
    [
        "ed25519:" + "a" * 31,
        "ed25519:" + "A" * 32,
        "ED25519:" + "a" * 32,
        "ed25519:" + "a" * 32 + "\n",
    ],
)
def test_is_key_id_is_strict(text: str) -> None:
    assert not is_key_id(text)


def test_raw_key_round_trip() -> None:
    key = generate_private_key()
    again = load_private_key(private_key_raw(key))
    assert public_key_raw(again) == public_key_raw(key) == public_key_raw(key.public_key())


@given(st.binary(max_size=100))
def test_b64url_round_trip(data: bytes) -> None:
    text = b64url_encode(data)
    assert "=" not in text and "+" not in text and "/" not in text
    assert b64url_decode(text) == data


@pytest.mark.parametrize(
    "text",
    [
        "AA==",  # padding
        "A",  # impossible length
        "AB",  # non-zero trailing bits (canonical form of b"\x00" is "AA")
        "AAB",  # same, two bytes
        "a+b/",  # standard alphabet
        "AA AA",
        "ÀA",
    ],
)
def test_b64url_decode_rejects_non_canonical(text: str) -> None:
    with pytest.raises(ValueError):
        b64url_decode(text)


def test_b64url_decode_checks_size() -> None:
    assert b64url_decode(b64url_encode(bytes(32)), size=32) == bytes(32)
    with pytest.raises(ValueError, match="expected 64 bytes"):
        b64url_decode(b64url_encode(bytes(32)), size=64)
