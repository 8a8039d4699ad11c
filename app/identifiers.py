"""Identifiers worth matching (issue 18 item 1): one normalising function per type.

A report keeps each identifier as the officer typed it; the normalised key is what search
(and, later, correlation) compares, so "AB 123-456", "ab123456" and "AB-123456" are one
number. Keys are computed, never stored in the signed payload: the rules can improve
without changing a signed report (a rule change re-indexes, see storage/migrations.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

import phonenumbers
import pycountry

# Kinds of identifier, each with the one-letter code its search token carries.
DOCUMENT = "d"
VEHICLE = "v"  # vehicle registration plate
VESSEL = "s"  # ship or boat name
PHONE = "p"  # phone number, E.164
HANDLE = "h"  # messaging or social-media handle, with its platform
TRANSFER = "m"  # money-transfer reference
ALIAS = "a"  # name a facilitator goes by
KINDS = (DOCUMENT, VEHICLE, VESSEL, PHONE, HANDLE, TRANSFER, ALIAS)


def _fold(text: str) -> str:
    """NFKC (full-width digits and letters become ASCII ones), then upper case."""
    return unicodedata.normalize("NFKC", text).upper()


def _ascii_digit(c: str) -> str:
    """Any decimal digit (Thai ๑, Arabic-Indic ١ ...) as its ASCII digit: NFKC leaves those
    scripts' digits alone, but a plate or receipt number is the same whichever was typed."""
    return str(unicodedata.decimal(c)) if c.isdecimal() else c


def _letters_and_digits(text: str) -> str:
    return "".join(_ascii_digit(c) for c in _fold(text) if c.isalnum())


def normalise_document_number(text: str) -> str | None:
    """A travel-document number as one key: letters and digits only (spaces, dashes, dots,
    slashes and the MRZ filler '<' dropped), upper case, and the letter O read as the digit
    0. In an MRZ-style number the two are confused both ways; ICAO 9303 numbers are
    alphanumeric, so folding O to 0 makes both readings one key. None when nothing is left."""
    key = "".join(c for c in _fold(text) if c.isalnum()).replace("O", "0")
    return key or None


def normalise_vehicle_registration(text: str) -> str | None:
    """A registration plate as one key: letters and digits only (spaces, dashes, dots
    dropped), upper case, any script's digits as ASCII ones. Unlike document numbers, O and
    0 stay apart: plates are read by eye, not by an MRZ font, and several states' plates
    put letters and digits in fixed groups where both readings are real plates."""
    return _letters_and_digits(text) or None


# Type prefixes written before a vessel's name, or not, for the same vessel: Motor Vessel,
# Motor Tanker, Motor Ship, Steam Ship, Fishing Vessel, Fishing Boat, Motor Boat (also with
# slashes or dots: M/V, M.V.), and Indonesian and Malaysian Kapal Motor, Kapal Motor
# Penyeberangan (ferry) and Kapal Layar Motor (motor sailer). They say what kind of vessel
# it is, not which one, so a match on the name must not depend on them.
_VESSEL_PREFIX = re.compile(
    r"^\s*(?:mv|mt|ms|ss|fv|fb|mb|km|kmp|klm|m/v|m/t|m/s|s/s|f/v|f/b|m/b|k/m"
    r"|m\.v|m\.t|m\.s|s\.s|f\.v|f\.b|m\.b|k\.m|k\.m\.p|k\.l\.m)\.?(?=[\s\W_])"
)


def normalise_vessel_name(text: str) -> str | None:
    """A vessel's name as one key: NFKC, case folded, a leading type prefix ("MV", "M/V",
    "KM", ...: see _VESSEL_PREFIX) dropped, then letters and digits only, so spacing and
    punctuation ("Sea-Star", "Sea Star", "SeaStar") do not matter. A name that is nothing
    but a prefix keeps it."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    stripped = _VESSEL_PREFIX.sub("", folded, count=1)

    def key(name: str) -> str:
        return "".join(_ascii_digit(c) for c in name if c.isalnum())

    return key(stripped) or key(folded) or None


def _phone_region(region: str | None) -> str | None:
    """ISO 3166 alpha-2, as libphonenumber wants it, from alpha-2 or alpha-3 (reports code
    countries in alpha-3)."""
    if region is None:
        return None
    code = region.strip().upper()
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if country is not None:
        code = country.alpha_2
    if code not in phonenumbers.SUPPORTED_REGIONS:
        # A programming or configuration error (the region comes from the agency's
        # settings, not from the officer), so it is raised rather than read as "no region".
        raise ValueError(f"{region!r} is not a country code libphonenumber knows")
    return code


def normalise_phone_number(text: str, region: str | None = None) -> str | None:
    """A phone number as its E.164 key (+6281234567890), by libphonenumber. `region` (ISO
    3166 alpha-2 or alpha-3) is where a number typed without its country code was written
    down: "(0812) 3456 7890" in ID, "0062 812 ..." with ID's international prefix. None when
    the number cannot be read or is not possible (wrong length for its country, no such
    country code). Possible rather than valid: validity follows number ranges that change
    with every metadata release, and a new range is still the same number to match."""
    number = _parse_phone(text, _phone_region(region))
    digits = "".join(c for c in unicodedata.normalize("NFKC", text) if c.isdigit())
    read_as_national = number is None or (
        number.country_code_source == phonenumbers.CountryCodeSource.FROM_DEFAULT_COUNTRY
    )
    if read_as_national and digits.startswith("00"):
        # "00" and a country code, written where 00 is not the dialling prefix (Indonesia
        # dials out with 001, 007, ...): 00 is ITU-T's recommended prefix, used by most of
        # the world, and people write numbers that way wherever they are. The national
        # reading is kept when the international one is not a possible number.
        abroad = _parse_phone("+" + digits[2:], None)
        if abroad is not None and phonenumbers.is_possible_number(abroad):
            number = abroad
    if number is None or not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _parse_phone(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return None


# Platforms known under two names: one key for both.
_PLATFORM_ALIASES = {"twitter": "x", "fb": "facebook", "ig": "instagram", "tg": "telegram"}
_URL_START = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?[^/@]*\.[a-z]{2,}/")


def normalise_handle(platform: str, handle: str) -> str | None:
    """A messaging or social-media handle as "platform:handle": both NFKC and case folded
    (handles on the common platforms are case-insensitive), surrounding space and a leading
    '@' dropped, and a profile link ("https://t.me/joe", "instagram.com/joe/?hl=en") read as
    its handle. A handle is only the same person on the same platform, so one without a
    platform has no key."""
    name = unicodedata.normalize("NFKC", platform).casefold().strip()
    name = _PLATFORM_ALIASES.get(name, name)
    value = unicodedata.normalize("NFKC", handle).casefold().strip()
    if _URL_START.match(value):
        value = _URL_START.sub("", value).split("?", 1)[0].split("#", 1)[0].strip("/")
        value = value.rsplit("/", 1)[-1]
    value = value.lstrip("@").strip()
    if not name or not value:
        return None
    return f"{name}:{value}"


def normalise_transfer_reference(text: str) -> str | None:
    """A money-transfer reference (MTCN, transaction id) as one key: letters and digits
    only, upper case, any script's digits as ASCII ones. Receipts group the digits with
    dashes or spaces; the grouping is not part of the reference."""
    return _letters_and_digits(text) or None


def normalise_alias(text: str) -> str | None:
    """A facilitator's alias as one key: NFKC, case folded (casefold, so "Straße" and
    "STRASSE" are one), runs of whitespace of any kind as one space. Letters are otherwise
    kept: an alias is a name, and "Ông Tư" is not "Ong Tu". None when only punctuation or
    space was typed."""
    key = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return key if any(c.isalnum() for c in key) else None


def report_identifiers(report: Mapping[str, Any]) -> set[tuple[str, str]]:
    """(kind, key) of every identifier in a report payload: its documents' numbers and its
    identifiers group. One that has no key (an impossible phone number, a handle without a
    platform) is left out: it stays in the report as typed but matches nothing."""
    found: set[tuple[str, str]] = set()
    for document in report.get("documents") or []:
        number = document.get("number") if isinstance(document, Mapping) else None
        if isinstance(number, str) and (key := normalise_document_number(number)):
            found.add((DOCUMENT, key))
    group = report.get("identifiers")
    if not isinstance(group, Mapping):
        return found
    plain = (
        (VEHICLE, "vehicles", normalise_vehicle_registration),
        (VESSEL, "vessels", normalise_vessel_name),
        (TRANSFER, "transfers", normalise_transfer_reference),
        (ALIAS, "aliases", normalise_alias),
    )
    for kind, field, normalise in plain:
        for text in group.get(field) or []:
            if isinstance(text, str) and (key := normalise(text)):
                found.add((kind, key))
    for phone in group.get("phones") or []:
        number = phone.get("number") if isinstance(phone, Mapping) else None
        if isinstance(number, str) and (key := _report_phone(number, phone.get("country"))):
            found.add((PHONE, key))
    for entry in group.get("handles") or []:
        if not isinstance(entry, Mapping):
            continue
        platform, handle = entry.get("platform"), entry.get("handle")
        if (
            isinstance(platform, str)
            and isinstance(handle, str)
            and (key := normalise_handle(platform, handle))
        ):
            found.add((HANDLE, key))
    return found


def _report_phone(number: str, country: Any) -> str | None:
    region = country if isinstance(country, str) else None
    try:
        return normalise_phone_number(number, region)
    except ValueError:
        # A country libphonenumber has no numbering plan for (Antarctica): the number can
        # still be found when it was written with its country code.
        return normalise_phone_number(number)


# "telegram:@joe", "Telegram @joe": a handle typed into the search box with its platform.
_QUERY_HANDLE = re.compile(r"^\s*([^\s:@]+)\s*(?::\s*|\s+(?=@))(\S+)\s*$")


def query_identifiers(text: str) -> set[tuple[str, str]]:
    """(kind, key) of what a person typed into the search box read as each kind of
    identifier: the whole input, so a number typed with spaces or dashes is still one.
    Phone numbers are read with their country code only (+62..., 0062...): the search box
    does not know where a national number was written."""
    found: set[tuple[str, str]] = set()
    if any(c.isdigit() for c in text):
        readings = (
            (DOCUMENT, normalise_document_number(text)),
            (VEHICLE, normalise_vehicle_registration(text)),
            (TRANSFER, normalise_transfer_reference(text)),
            (PHONE, normalise_phone_number(text)),
        )
        found |= {(kind, key) for kind, key in readings if key}
    for kind, key in ((VESSEL, normalise_vessel_name(text)), (ALIAS, normalise_alias(text))):
        if key:
            found.add((kind, key))
    if (handle := _QUERY_HANDLE.match(text)) and (
        key := normalise_handle(handle.group(1), handle.group(2))
    ):
        found.add((HANDLE, key))
    return found


def identifier_tokens(pairs: Iterable[tuple[str, str]]) -> frozenset[str]:
    """Tokens for the full-text index's filters column: 'x', the kind's letter, then the key
    in hex, so no key can split into words or collide with a filter token or a word."""
    return frozenset(f"x{kind}{key.encode('utf-8').hex()}" for kind, key in pairs)
