"""RFC 8785 canonical JSON (JCS) and the strict JSON reader used for everything signed.

Signed objects are hashed and signed over `canonical_bytes`; the wire form may differ
(whitespace, key order) because receivers re-canonicalise what they parsed.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any, TypeAlias, cast

import orjson
import rfc8785

from sync.protocol.errors import CanonicalError, InvalidJson

JsonValue: TypeAlias = "bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None"
JsonObject: TypeAlias = "dict[str, JsonValue]"

# I-JSON (RFC 7493): integers beyond this lose precision in other JSON implementations.
MAX_SAFE_INT = 2**53 - 1
# Deep enough for any report; shallow enough that no recursive walker overflows.
MAX_DEPTH = 64

_SURROGATE = re.compile("[\ud800-\udfff]")


def canonical_bytes(obj: object) -> bytes:
    """The RFC 8785 canonical UTF-8 bytes of a JSON value.

    Accepts None, bool, int (|n| <= 2**53 - 1), finite float, str, list/tuple and dict with
    str keys; anything else raises CanonicalError naming the offending path.
    """
    if _json_dumps_is_canonical(obj, 0):
        try:
            return _FAST.encode(obj).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: let the strict path name it
            pass
    try:
        return rfc8785.dumps(cast(Any, obj))
    except (rfc8785.CanonicalizationError, RecursionError):
        # Slow path: find the culprit and name its path, or, for JSON-like types rfc8785
        # does not take (any Mapping, nested tuples), canonicalise a plain copy.
        return rfc8785.dumps(json_copy(obj))


# For most values the standard library's C encoder already writes RFC 8785 form: sorted keys
# (code-point order equals UTF-16 order for keys without astral characters), the same string
# escapes (\b \t \n \f \r short, other controls as lowercase \u00xx), and integers. Floats
# match only when Python's repr needs no exponent and is not integral ("5.0" vs "5"). The
# check below walks the value once; anything unusual takes the rfc8785 path, and a property
# test compares both on generated JSON. This makes signing and verifying about 4x cheaper.
_FAST = json.JSONEncoder(ensure_ascii=False, allow_nan=False, sort_keys=True, separators=(",", ":"))


def _json_dumps_is_canonical(value: object, depth: int) -> bool:
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:
        return -MAX_SAFE_INT <= cast(int, value) <= MAX_SAFE_INT
    if kind is float:
        text = repr(value)
        return math.isfinite(cast(float, value)) and "e" not in text and not text.endswith(".0")
    if depth >= MAX_DEPTH:
        return False
    if kind is dict:
        for key, item in cast(dict[object, object], value).items():
            if type(key) is not str or not (key.isascii() or max(key) < "\U00010000"):
                return False
            if not _json_dumps_is_canonical(item, depth + 1):
                return False
        return True
    if kind is list or kind is tuple:
        return all(_json_dumps_is_canonical(v, depth + 1) for v in cast(list[object], value))
    return False


def json_copy(value: object, path: str = "$") -> JsonValue:
    """Validate that `value` is canonicalisable JSON and return a deep copy of it.

    Tuples become lists. Used to take ownership of caller-supplied payloads, so a caller
    mutating its own dict later cannot change what was signed.
    """
    return _copy(value, path, 0)


def _copy(value: object, path: str, depth: int) -> JsonValue:
    if depth > MAX_DEPTH:
        raise CanonicalError(f"{path}: nested deeper than {MAX_DEPTH} levels")
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) > MAX_SAFE_INT:
            raise CanonicalError(f"{path}: integer {value} outside ±(2**53 - 1)")
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CanonicalError(f"{path}: {value} is not a JSON number")
        return float(value)
    if isinstance(value, str):
        _check_text(value, path)
        return str(value)
    if isinstance(value, list | tuple):
        return [_copy(item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value)]
    if isinstance(value, Mapping):
        out: JsonObject = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise CanonicalError(f"{path}: object key {key!r} is not a string")
            _check_text(key, path)
            out[key] = _copy(item, f"{path}.{key}", depth + 1)
        return out
    raise CanonicalError(f"{path}: {type(value).__name__} is not a JSON type")


def _check_text(text: str, path: str) -> None:
    if _SURROGATE.search(text):
        raise CanonicalError(f"{path}: string contains a lone UTF-16 surrogate")


def parse_json(data: bytes | str) -> JsonValue:
    """Parse JSON strictly: UTF-8 only, no duplicate keys, no NaN/Infinity, no number that
    overflows a double, no integer beyond ±(2**53 - 1), no lone UTF-16 surrogate escape
    (`"\\ud800"` is JSON syntax but no Unicode text). Raises InvalidJson."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        value = cast(JsonValue, _STRICT.decode(text))
        # UTF-8 input cannot hold a surrogate itself: only an escape makes one, so the walk
        # over every string runs only when the text has such an escape.
        if _SURROGATE_ESCAPE.search(text) or _SURROGATE_CHAR.search(text):
            _refuse_lone_surrogates(value)
        return value
    except InvalidJson:
        raise
    except RecursionError as exc:
        raise InvalidJson("JSON nested too deeply") from exc
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, int digit limits
        raise InvalidJson(f"not valid JSON: {exc}") from exc


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_CHAR = re.compile("[\ud800-\udfff]")


def _refuse_lone_surrogates(value: JsonValue) -> None:
    stack: list[JsonValue] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            strings: list[str] = [item]
        elif isinstance(item, dict):
            strings = list(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
            continue
        else:
            continue
        for text in strings:
            if _SURROGATE_CHAR.search(text):
                raise InvalidJson("a string holds a lone UTF-16 surrogate (not Unicode text)")


def parse_canonical_candidate(data: bytes) -> JsonValue | None:
    """A fast parse of bytes that should already be RFC 8785 canonical, or None.

    None means "use parse_json": the bytes failed to parse, or hold something for which the
    standard library's encoder would not write RFC 8785 form or `json_copy` would object (a
    float whose shortest form needs an exponent or is integral, any astral character, any
    surrogate escape, more than MAX_DEPTH containers). What it does not check is duplicate
    keys (the last one wins), so its value is only to be trusted by a caller that then shows
    the bytes equal the canonical encoding of what it built (an encoded dict has unique
    keys), as Envelope.from_bytes does. It skips the per-object hook and both recursive
    walks; a property test holds the result against the full path.
    """
    # What is left once all but container openers and astral lead bytes are deleted: its
    # length bounds the depth from above (some may sit inside strings), and it is ASCII
    # unless an astral character is present. One pass in C.
    openers = data.translate(None, _ALL_BUT_OPENERS_AND_ASTRAL_LEADS)
    if (
        len(openers) > MAX_DEPTH
        or not openers.isascii()
        or (b"\\u" in data and _SURROGATE_ESCAPE_BYTES.search(data))
    ):
        return None
    try:
        return cast(JsonValue, _CANDIDATE.decode(data.decode("utf-8")))
    except (InvalidJson, _NotCanonical, ValueError, RecursionError):
        return None


class _NotCanonical(Exception):
    """A number the standard library's encoder would not write in RFC 8785 form."""


def _canonical_float(text: str) -> float:
    value = _float(text)
    shortest = repr(value)
    if "e" in shortest or shortest[-2:] == ".0":
        raise _NotCanonical(text)
    return value


# Surrogate escapes (\uD800-\uDFFF: lone ones are not text) and UTF-8 lead bytes of astral
# characters (their keys sort differently in UTF-16): rare enough to leave to the full path.
_SURROGATE_ESCAPE_BYTES = re.compile(rb"\\u[dD][89a-fA-F]")
_ALL_BUT_OPENERS_AND_ASTRAL_LEADS = bytes(
    b for b in range(256) if not (0xF0 <= b <= 0xF4 or b in b"{[")
)


def encode_checked(value: JsonValue) -> bytes:
    """Canonical bytes of a value made only of parts from parse_canonical_candidate and of
    strings and safe integers that the protocol's own field checks admitted (ASCII
    identifiers, hex, timestamps): those need no walk."""
    # orjson writes exactly the RFC 8785 form for such values (sorted keys in code-point
    # order, the same string escapes, shortest round-trip floats without exponent), 15x
    # faster than the standard library's encoder; test_fast_verify holds the result against
    # the full path, and a float that needs an exponent never reaches here.
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def _object(pairs: list[tuple[str, JsonValue]]) -> JsonObject:
    out: JsonObject = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise InvalidJson(f"duplicate object key {key!r}")
            seen.add(key)
    return out


def _reject_constant(name: str) -> float:
    raise InvalidJson(f"{name} is not a JSON number")


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise InvalidJson(f"number {text} overflows a double")
    return value


def _int(text: str) -> int:
    value = int(text)
    if abs(value) > MAX_SAFE_INT:
        raise InvalidJson(f"integer {text} outside ±(2**53 - 1)")
    return value


# Built once: json.loads with hooks builds a new decoder (and scanner) on every call.
_STRICT = json.JSONDecoder(
    object_pairs_hook=_object, parse_constant=_reject_constant, parse_float=_float, parse_int=_int
)
_CANDIDATE = json.JSONDecoder(
    parse_constant=_reject_constant, parse_float=_canonical_float, parse_int=_int
)
