"""The canonical-bytes path of Envelope.from_bytes gives the full path's answer.

Envelope.from_bytes parses bytes that are already canonical without the duplicate-key hook,
without copying the report and without re-walking it for canonical form (issue 16: verify
speed). These tests hold it against Envelope.from_bytes_full (strict parse, copy, walk) on
canonical wire bytes and on every kind of bytes the short path must hand over: duplicate
keys, whitespace, non-canonical numbers, astral keys, surrogate escapes, deep nesting.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.protocol import Envelope, VerificationError, sign_submission
from sync.protocol.canonical import MAX_DEPTH, canonical_bytes, parse_canonical_candidate
from tests.protocol.pki import PKI, submission_body

_leaf = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)
_report = st.dictionaries(
    st.text(max_size=8),
    st.recursive(
        _leaf,
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=6), children, max_size=4)
        ),
        max_leaves=20,
    ),
    max_size=6,
)


def _outcome(parse: Any, data: bytes) -> tuple[str, object]:
    try:
        env = parse(data)
    except VerificationError as exc:
        return ("error", (type(exc).__name__, str(exc)))
    return ("ok", (env.type, env.hash, env.sig, env.signed_message, env.body, env.to_bytes()))


def _agree(data: bytes) -> tuple[str, object]:
    fast = _outcome(Envelope.from_bytes, data)
    assert fast == _outcome(Envelope.from_bytes_full, data)
    return fast


def _wire(report: dict[str, Any]) -> bytes:
    return sign_submission(submission_body(report), PKI.officer_key).to_bytes()


@settings(max_examples=300, deadline=None)
@given(_report)
def test_canonical_wire_bytes_get_the_same_answer(report: dict[str, Any]) -> None:
    # Not always "ok": a float such as 1e16 is written as a 17-digit integer, which the
    # strict reader refuses (beyond 2**53): both paths must refuse it alike.
    _agree(_wire(report))


@settings(max_examples=300, deadline=None)
@given(_report, st.sampled_from(["spaces", "unsorted", "duplicate", "escaped"]))
def test_non_canonical_bytes_get_the_full_paths_answer(report: dict[str, Any], how: str) -> None:
    data = _wire(report)
    value = json.loads(data)
    if how == "spaces":
        mutated = json.dumps(value, ensure_ascii=False, sort_keys=True).encode()
    elif how == "unsorted":
        mutated = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    elif how == "duplicate":
        # A second "author" member: the strict parser refuses it, the short path must too.
        mutated = data.replace(b'"author":', b'"author":"mallory","author":', 1)
    else:
        mutated = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
        mutated = mutated.encode()
    _agree(mutated)


def _nested(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    "report",
    [
        {"n": 5.0},  # integral float: RFC 8785 writes 5
        {"n": 1e21},  # needs an exponent
        {"n": 1e-7},
        {"n": -0.0},
        {"\U0001f600": 1, "\ufb33": 2},  # astral key: UTF-16 order differs
        {"text": "\U0001f600 astral in a value"},
        {"deep": _nested(MAX_DEPTH - 4)},
        {"deep": _nested(MAX_DEPTH + 1)},
        {"big": 2**53 - 1},
    ],
    ids=lambda r: repr(r)[:30],
)
def test_values_near_the_edges_agree(report: dict[str, Any]) -> None:
    try:
        data = _wire(report)
    except VerificationError:
        # Too deep to sign at all: the same nesting on the wire must be refused alike.
        deep = json.dumps(report["deep"], separators=(",", ":")).encode()
        data = _wire({"deep": 1}).replace(b'"deep":1', b'"deep":' + deep)
    _agree(data)


@pytest.mark.parametrize(
    "patch",
    [
        (b'"kind"', b'"kind\\ud800"'),  # lone surrogate escape in a key
        (b'"v":1}', b'"v":1.0}'),
        (b'"v":1}', b'"v":9007199254740993}'),
        (b'"report_version":1', b'"report_version":NaN'),
        (b'"report_version":1', b'"report_version":1e400'),
    ],
)
def test_hostile_bytes_are_refused_in_the_full_paths_words(patch: tuple[bytes, bytes]) -> None:
    data = _wire({"kind": "other"})
    old, new = patch
    assert old in data
    kind, _ = _agree(data.replace(old, new, 1))
    assert kind == "error"


def test_the_short_path_is_taken_for_what_this_module_writes() -> None:
    data = _wire({"kind": "other", "persons": [{"name": "Ana"}], "n": 2.5})
    assert parse_canonical_candidate(data) is not None
    envelope = Envelope.from_bytes(data)
    assert envelope.body.canonical_report  # not copied, not walked
    assert envelope.to_bytes() == data


def test_to_bytes_splices_the_signature_into_the_signed_message() -> None:
    envelope = sign_submission(submission_body({"kind": "other"}), PKI.officer_key)
    full = canonical_bytes({**envelope.to_json()})
    assert envelope.to_bytes() == full
    assert re.search(rb',"sig":"[A-Za-z0-9_-]{86}","type":"submission","v":1}$', full)
