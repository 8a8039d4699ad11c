"""Properties: whatever single change an attacker or a bad link makes, verification fails
(unless the change does not alter the JSON value at all, in which case nothing changed)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.protocol import (
    BadSignature,
    Envelope,
    InvalidJson,
    MalformedEnvelope,
    VerificationError,
    canonical_bytes,
    parse_json,
    sign_submission,
    verify,
)
from sync.protocol.canonical import MAX_SAFE_INT
from tests.protocol.pki import NOW, PKI, submission_body

KEYS = PKI.resolver()

_scalars = st.none() | st.booleans() | st.integers(-MAX_SAFE_INT, MAX_SAFE_INT) | st.text()
_json = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
reports = st.dictionaries(st.text(max_size=8), _json, max_size=6)

_settings = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(report=reports)
def test_round_trip(report: dict[str, Any]) -> None:
    env = sign_submission(submission_body(report), PKI.officer_key)
    wire = env.to_bytes()
    again = Envelope.from_bytes(wire)
    assert again == env and again.hash == env.hash and again.to_bytes() == wire
    assert verify(wire, keys=KEYS, now=NOW).hash == env.hash


@_settings
@given(report=reports, data=st.data())
def test_any_single_byte_change_is_detected(report: dict[str, Any], data: st.DataObject) -> None:
    env = sign_submission(submission_body(report), PKI.officer_key)
    wire = env.to_bytes()
    # Uniform positions plus extra weight on the signature text and its last character
    # (whose low bits are padding: the spot where a lax base64 decoder is malleable).
    sig_start = wire.index(b'"sig":"') + len(b'"sig":"')
    sig_end = wire.index(b'"', sig_start)
    index = data.draw(
        st.integers(0, len(wire) - 1) | st.integers(sig_start, sig_end - 1) | st.just(sig_end - 1),
        label="index",
    )
    original = wire[index]
    byte = data.draw(
        st.integers(0, 255).filter(lambda b: b != original)
        | st.integers(0, 7).map(lambda k: original ^ (1 << k)),
        label="byte",
    )
    tampered = wire[:index] + bytes([byte]) + wire[index + 1 :]

    try:
        same_value = canonical_bytes(parse_json(tampered)) == wire
        is_json = True
    except (InvalidJson, ValueError):
        same_value, is_json = False, False

    if same_value:
        # e.g. "\u001f" -> "\u001F": another spelling of the same JSON value.
        assert verify(tampered, keys=KEYS, now=NOW).hash == env.hash
        return
    with pytest.raises(VerificationError) as info:
        verify(tampered, keys=KEYS, now=NOW)
    if not is_json:
        assert isinstance(info.value, MalformedEnvelope)


@_settings
@given(report=reports, bit=st.integers(0, 511))
def test_any_signature_bit_flip_is_bad_signature(report: dict[str, Any], bit: int) -> None:
    env = sign_submission(submission_body(report), PKI.officer_key)
    sig = bytearray(env.sig)
    sig[bit // 8] ^= 1 << (bit % 8)
    data = env.to_json()
    data["sig"] = Envelope(env.body, env.key_id, bytes(sig)).to_json()["sig"]
    with pytest.raises(BadSignature):
        verify(data, keys=KEYS, now=NOW)
