"""Strict field readers and value rules shared by certificates and envelope bodies.

Two layers: `from_json` functions check JSON types and convert (str -> datetime, UUID...)
with full paths in messages; dataclass `__post_init__` methods check value rules (patterns,
ranges, cross-field rules) so that no invalid object can be built in code either.
Every accepted JSON form is the one `to_json` writes back, so parse -> serialise is the
identity and a hash computed by anyone over the parsed object equals the sender's.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection
from datetime import UTC, datetime

from sync.protocol.canonical import MAX_SAFE_INT
from sync.protocol.errors import MalformedCertificate, MalformedEnvelope

Malformed = type[MalformedEnvelope] | type[MalformedCertificate]

# ASCII-only character classes: Python's \d would also match other scripts' digits.
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HASH = re.compile(r"[0-9a-f]{64}")
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_AGENCY = re.compile(r"[A-Z0-9][A-Z0-9_-]{1,31}")
_COUNTRY = re.compile(r"[A-Z]{3}")
_MEDIA_TOKEN = r"[a-z0-9][a-z0-9!#$&^_.+-]{0,126}"
_MEDIA_TYPE = re.compile(f"{_MEDIA_TOKEN}/{_MEDIA_TOKEN}")
_SURROGATE = re.compile("[\ud800-\udfff]")


# --- JSON layer ---------------------------------------------------------------------------


def read_object(
    data: object,
    path: str,
    fields: Collection[str],
    error: Malformed,
    optional: Collection[str] = (),
) -> dict[str, object]:
    """`data` as a dict that has exactly `fields` (no missing, no unknown ones), and may
    have any of `optional`."""
    if not isinstance(data, dict):
        raise error(f"{path}: expected a JSON object, got {_json_type(data)}")
    if not optional and not data.keys() ^ fields:  # the usual case, in one set operation
        return data
    unknown = sorted(k for k in data if k not in fields and k not in optional)
    if unknown:
        raise error(f"{path}: unknown field(s) {', '.join(map(repr, unknown))}")
    missing = [k for k in fields if k not in data]
    if missing:
        raise error(f"{path}: missing field(s) {', '.join(map(repr, missing))}")
    return data


def read_str(value: object, path: str, error: Malformed) -> str:
    if not isinstance(value, str):
        raise error(f"{path}: expected a string, got {_json_type(value)}")
    if not value.isascii() and _SURROGATE.search(value):
        raise error(f"{path}: string contains a lone UTF-16 surrogate")
    return value


def read_optional_str(value: object, path: str, error: Malformed) -> str | None:
    return None if value is None else read_str(value, path, error)


def read_int(value: object, path: str, error: Malformed) -> int:
    # bool is an int subclass in Python but not a JSON number.
    if type(value) is not int:
        raise error(f"{path}: expected an integer, got {_json_type(value)}")
    return value


def read_bool(value: object, path: str, error: Malformed) -> bool:
    if not isinstance(value, bool):
        raise error(f"{path}: expected true or false, got {_json_type(value)}")
    return value


def read_list(value: object, path: str, error: Malformed) -> list[object]:
    if not isinstance(value, list):
        raise error(f"{path}: expected an array, got {_json_type(value)}")
    return value


def read_timestamp(value: object, path: str, error: Malformed) -> datetime:
    text = read_str(value, path, error)
    if not _TIMESTAMP.fullmatch(text):
        raise error(f"{path}: expected a UTC time 'YYYY-MM-DDTHH:MM:SSZ', got {text!r}")
    try:
        # The pattern fixed the layout; fromisoformat checks the ranges, ~10x cheaper than
        # strptime.
        return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
    except ValueError:
        raise error(f"{path}: {text!r} is not a valid date and time") from None


def read_uuid(value: object, path: str, error: Malformed) -> uuid.UUID:
    text = read_str(value, path, error)
    if not _UUID.fullmatch(text):
        raise error(f"{path}: expected a lower-case hyphenated UUID, got {text!r}")
    return uuid.UUID(text)


class prefixed:  # lower case: it replaced a function of that name, used the same way
    """Prefix `path` to the messages of value-rule errors raised by constructors.

    A class rather than a generator-based context manager: it runs several times for every
    envelope verified, and this costs a tenth as much.
    """

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, _tb: object
    ) -> None:
        if isinstance(exc, MalformedEnvelope | MalformedCertificate):
            raise type(exc)(f"{self.path}.{exc.args[0]}") from None


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# --- value layer ----------------------------------------------------------------------------


def format_timestamp(moment: datetime) -> str:
    utc = moment.astimezone(UTC)
    if utc.year >= 1000:  # isoformat pads years to four digits, strftime does not
        return utc.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    return utc.strftime(_TIMESTAMP_FORMAT)


def utc_seconds(moment: datetime, name: str, error: Malformed) -> datetime:
    """`moment` in UTC, truncated to whole seconds (the precision of signed timestamps)."""
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise error(f"{name}: expected a timezone-aware datetime")
    if moment.tzinfo is UTC and not moment.microsecond:  # as every parsed timestamp is
        return moment
    moment = moment.astimezone(UTC).replace(microsecond=0)
    if not 1 <= moment.year <= 9999:
        raise error(f"{name}: year out of range")
    return moment


def check_identifier(value: str, name: str, error: Malformed) -> None:
    if not _IDENTIFIER.fullmatch(value):
        raise error(f"{name}: expected 1-128 characters A-Z a-z 0-9 . _ : - , got {value!r}")


def check_agency(value: str, name: str, error: Malformed) -> None:
    if not _AGENCY.fullmatch(value):
        raise error(f"{name}: expected 2-32 characters A-Z 0-9 _ - , got {value!r}")


def check_hash(value: str, name: str, error: Malformed) -> None:
    if not _HASH.fullmatch(value):
        raise error(f"{name}: expected 64 lower-case hex digits, got {value!r}")


def check_optional_hash(value: str | None, name: str, error: Malformed) -> None:
    if value is not None:
        check_hash(value, name, error)


def check_country(value: str, name: str, error: Malformed) -> None:
    if not _COUNTRY.fullmatch(value):
        raise error(f"{name}: expected an ISO 3166-1 alpha-3 code, got {value!r}")


def check_media_type(value: str, name: str, error: Malformed) -> None:
    if not _MEDIA_TYPE.fullmatch(value):
        raise error(f"{name}: expected a lower-case 'type/subtype', got {value!r}")


def check_int(value: int, name: str, error: Malformed, *, minimum: int) -> None:
    if type(value) is not int or not minimum <= value <= MAX_SAFE_INT:
        raise error(f"{name}: expected an integer from {minimum} to 2**53 - 1, got {value!r}")


def check_choice(value: str, name: str, error: Malformed, options: Collection[str]) -> None:
    if value not in options:
        raise error(f"{name}: expected one of {', '.join(sorted(options))}, got {value!r}")
