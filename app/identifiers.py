"""Identifiers worth matching (issue 18 item 1): one normalising function per type.

A report keeps each identifier as the officer typed it; the normalised key is what search
(and, later, correlation) compares, so "AB 123-456", "ab123456" and "AB-123456" are one
number. Keys are computed, never stored in the signed payload: the rules can improve
without changing a signed report (a rule change re-indexes, see storage/migrations.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

# Kinds of identifier, each with the one-letter code its search token carries.
DOCUMENT = "d"


def _fold(text: str) -> str:
    """NFKC (full-width digits and letters become ASCII ones), then upper case."""
    return unicodedata.normalize("NFKC", text).upper()


def normalise_document_number(text: str) -> str | None:
    """A travel-document number as one key: letters and digits only (spaces, dashes, dots,
    slashes and the MRZ filler '<' dropped), upper case, and the letter O read as the digit
    0. In an MRZ-style number the two are confused both ways; ICAO 9303 numbers are
    alphanumeric, so folding O to 0 makes both readings one key. None when nothing is left."""
    key = "".join(c for c in _fold(text) if c.isalnum()).replace("O", "0")
    return key or None


def report_identifiers(report: Mapping[str, Any]) -> set[tuple[str, str]]:
    """(kind, key) of every identifier in a report payload."""
    found: set[tuple[str, str]] = set()
    for document in report.get("documents") or []:
        number = document.get("number") if isinstance(document, Mapping) else None
        if isinstance(number, str) and (key := normalise_document_number(number)):
            found.add((DOCUMENT, key))
    return found


def query_identifiers(text: str) -> set[tuple[str, str]]:
    """(kind, key) of what a person typed into the search box read as each kind of
    identifier: the whole input, so a number typed with spaces or dashes is still one."""
    found: set[tuple[str, str]] = set()
    if any(c.isdigit() for c in text) and (key := normalise_document_number(text)):
        found.add((DOCUMENT, key))
    return found


def identifier_tokens(pairs: Iterable[tuple[str, str]]) -> frozenset[str]:
    """Tokens for the full-text index's filters column: 'x', the kind's letter, then the key
    in hex, so no key can split into words or collide with a filter token or a word."""
    return frozenset(f"x{kind}{key.encode('utf-8').hex()}" for kind, key in pairs)
