"""RFC 8785 vectors, UTF-16 key ordering and the strict JSON reader."""

from __future__ import annotations

import csv
import json
import math
import struct
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.protocol import CanonicalError, InvalidJson, canonical_bytes, parse_json
from sync.protocol.canonical import MAX_DEPTH, json_copy

DATA = Path(__file__).parent / "data" / "rfc8785"


def _expected(name: str) -> bytes:
    return (DATA / name).read_bytes().rstrip(b"\n")


@pytest.mark.parametrize("name", ["primitives", "sorting"])
def test_rfc8785_examples(name: str) -> None:
    value = parse_json((DATA / f"{name}.input.json").read_bytes())
    assert canonical_bytes(value) == _expected(f"{name}.expected.json")


def test_rfc8785_utf8_generation_keeps_unnormalised_text() -> None:
    value = parse_json((DATA / "utf8.input.json").read_bytes())
    expected = bytes.fromhex((DATA / "utf8.expected.hex").read_text().strip())
    assert canonical_bytes(value) == expected


def _number_rows() -> list[tuple[str, str]]:
    with (DATA / "numbers.csv").open(newline="") as fh:
        return [(row["ieee754_hex"], row["expected"]) for row in csv.DictReader(fh)]


@pytest.mark.parametrize(("bits", "expected"), _number_rows())
def test_rfc8785_appendix_b_numbers(bits: str, expected: str) -> None:
    (value,) = struct.unpack(">d", bytes.fromhex(bits))
    if expected == "error":
        with pytest.raises(CanonicalError):
            canonical_bytes(value)
        with pytest.raises(CanonicalError):
            canonical_bytes({"a": [value]})
    else:
        assert canonical_bytes(value) == expected.encode()
        # The canonical text reads back as the same double.
        assert float(expected) == value or (value == 0 and float(expected) == 0)


def test_keys_sorted_by_utf16_code_units_not_code_points() -> None:
    # U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB33 in UTF-16 even
    # though its code point is larger.
    obj = {"\ufb33": 1, "\U0001f600": 2, "a": 3, "\u00e9": 4}
    expected = '{"a":3,"\u00e9":4,"\U0001f600":2,"\ufb33":1}'
    assert canonical_bytes(obj) == expected.encode("utf-8")
    assert sorted(obj) != ["a", "\u00e9", "\U0001f600", "\ufb33"]  # code point order differs


@given(st.dictionaries(st.text(max_size=4), st.integers(-5, 5), max_size=8))
def test_key_order_property(obj: dict[str, int]) -> None:
    text = canonical_bytes(obj).decode("utf-8")
    keys = list(json.loads(text, object_pairs_hook=lambda pairs: [k for k, _ in pairs]))
    units = [k.encode("utf-16-be") for k in keys]
    assert units == sorted(units)
    assert parse_json(text) == obj


@pytest.mark.parametrize(
    ("value", "where"),
    [
        ({"a": [1, math.nan]}, "$.a[1]"),
        ({"a": math.inf}, "$.a"),
        ({"b": {1, 2}}, "$.b"),
        ({"c": b"bytes"}, "$.c"),
        ({1: "x"}, "$"),
        ({"d": 2**53}, "$.d"),
        ({"e": -(2**53)}, "$.e"),
        ({"f": "\ud800"}, "$.f"),
        ({"g": object()}, "$.g"),
    ],
)
def test_rejects_non_json_with_path(value: object, where: str) -> None:
    with pytest.raises(CanonicalError) as info:
        canonical_bytes(value)
    assert str(info.value).startswith(f"{where}:")


def test_accepts_safe_integer_bounds_and_tuples() -> None:
    assert canonical_bytes([2**53 - 1, -(2**53 - 1)]) == b"[9007199254740991,-9007199254740991]"
    assert canonical_bytes(("a", ("b",))) == b'["a",["b"]]'
    assert canonical_bytes(-0.0) == b"0"


def test_json_copy_limits_nesting_and_copies() -> None:
    deep: object = 1
    for _ in range(MAX_DEPTH + 1):
        deep = [deep]
    with pytest.raises(CanonicalError, match="nested deeper"):
        json_copy({"x": deep})
    original = {"a": [1, {"b": "c"}], "t": ("x",)}
    copied = json_copy(original)
    assert copied == {"a": [1, {"b": "c"}], "t": ["x"]}
    original["a"][1]["b"] = "changed"  # type: ignore[index]
    assert copied == {"a": [1, {"b": "c"}], "t": ["x"]}


def test_non_dict_mapping_is_canonicalised() -> None:
    assert canonical_bytes(MappingProxyType({"b": 1, "a": (2,)})) == b'{"a":[2],"b":1}'


@pytest.mark.parametrize(
    "text",
    [
        b'{"a":1,"a":2}',  # duplicate key
        b'{"a":NaN}',
        b'{"a":-Infinity}',
        b'{"a":1e400}',  # overflows a double
        b'{"a":9007199254740992}',  # beyond 2**53 - 1
        b'{"a":"\xff"}',  # invalid UTF-8
        b'\xef\xbb\xbf{"a":1}',  # BOM
        b'{"a":1',
        b"[" * 100_000 + b"]" * 100_000,
        b"",
    ],
)
def test_parse_json_is_strict(text: bytes) -> None:
    with pytest.raises(InvalidJson):
        parse_json(text)


def test_parse_json_accepts_whitespace_and_round_trips() -> None:
    assert parse_json(b' { "b" : [ 1 , 2.5 ] , "a" : null } ') == {"b": [1, 2.5], "a": None}


# The fast path (the standard library's encoder, when it provably writes RFC 8785 form) must
# agree byte for byte with the rfc8785 package on any JSON value.
_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=8), children, max_size=5),
    max_leaves=30,
)


@settings(max_examples=500)
@given(_json_values)
def test_fast_path_agrees_with_rfc8785(value: object) -> None:
    import rfc8785

    try:
        expected = rfc8785.dumps(value)  # type: ignore[arg-type]
    except Exception:
        with pytest.raises(CanonicalError):
            canonical_bytes(value)
        return
    assert canonical_bytes(value) == expected
