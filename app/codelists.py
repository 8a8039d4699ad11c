"""Code lists: what the officer picks from, with labels for display.

Static lists are JSON files in resources/codelists/ ({"code", "label", "description"?}).
Countries (ISO 3166-1 alpha-3) and currencies (ISO 4217) come from pycountry at run time so
nobody types them by hand. Crossing points start as a demo list and are replaced from the
agency provisioning file through `set_crossing_points`.

Everything is loaded once and cached; lookups are dict hits (validation calls them a lot).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import pycountry

from resources import resource_path

# ICAO Doc 9303 code for an unspecified nationality; we also use it for unknown / stateless.
UNKNOWN_NATIONALITY = "XXX"

# ISO 4217 codes that are not money anyone pays a smuggler: metals, bond-market units,
# testing and "no currency".
_NON_MONEY = frozenset(
    {"XAG", "XAU", "XPD", "XPT"}  # precious metals
    | {"XAD", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA"}  # units of account
    | {"XTS", "XXX"}  # testing, no currency
)

# Names of the JSON-backed lists (file resources/codelists/<name>.json).
STATIC_LISTS = (
    "report_kinds",
    "person_roles",
    "sexes",
    "age_bands",
    "document_types",
    "fraud_types",
    "document_features",
    "transport_modes",
    "modus_operandi_tags",
    "tlp",
    "reliability",
    "credibility",
)
# Lists built at run time, plus the replaceable crossing points.
DYNAMIC_LISTS = ("countries", "nationalities", "currencies", "crossing_points")
LIST_NAMES = STATIC_LISTS + DYNAMIC_LISTS

_CROSSING_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,63}")


@dataclass(frozen=True, slots=True)
class CodeEntry:
    code: str
    label: str
    description: str | None = None


@dataclass(frozen=True, slots=True)
class CrossingPoint(CodeEntry):
    countries: tuple[str, ...] = ()  # the two states the crossing connects (alpha-3)


def _entry(raw: Mapping[str, Any]) -> CodeEntry:
    return CodeEntry(str(raw["code"]), str(raw["label"]), raw.get("description"))


@cache
def _load(name: str) -> dict[str, Any]:
    with resource_path(f"codelists/{name}.json").open(encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@cache
def _static(name: str) -> dict[str, CodeEntry]:
    return {e.code: e for e in map(_entry, _load(name)["entries"])}


@cache
def _countries() -> dict[str, CodeEntry]:
    entries = (
        CodeEntry(c.alpha_3, getattr(c, "common_name", c.name), getattr(c, "official_name", None))
        for c in pycountry.countries
    )
    return {e.code: e for e in sorted(entries, key=lambda e: e.label)}


@cache
def _nationalities() -> dict[str, CodeEntry]:
    unknown = CodeEntry(UNKNOWN_NATIONALITY, "Unknown / stateless", "ICAO Doc 9303 code XXX")
    return {UNKNOWN_NATIONALITY: unknown, **_countries()}


@cache
def _currencies() -> dict[str, CodeEntry]:
    entries = (
        CodeEntry(c.alpha_3, c.name) for c in pycountry.currencies if c.alpha_3 not in _NON_MONEY
    )
    return {e.code: e for e in sorted(entries, key=lambda e: e.code)}


# Crossing points can be swapped at run time (provisioning), so they live outside the caches.
_crossing_lock = threading.Lock()
_crossing: dict[str, CodeEntry] | None = None
_crossing_demo = True


def _demo_crossing_points() -> dict[str, CodeEntry]:
    raw = _load("crossing_points")["entries"]
    return {e.code: e for e in map(_crossing_point, raw)}


def _crossing_point(raw: CodeEntry | Mapping[str, Any]) -> CodeEntry:
    if isinstance(raw, CodeEntry):
        entry = raw
    else:
        entry = CrossingPoint(
            code=str(raw["code"]),
            label=str(raw["label"]),
            description=raw.get("description"),
            countries=tuple(raw.get("countries") or ()),
        )
    if not _CROSSING_CODE.fullmatch(entry.code):
        raise ValueError(f"crossing-point code {entry.code!r} must be A-Z, 0-9, '-' or '_'")
    if not entry.label.strip():
        raise ValueError(f"crossing point {entry.code!r} has no label")
    return entry


def _crossing_points() -> dict[str, CodeEntry]:
    global _crossing
    current = _crossing
    if current is None:
        with _crossing_lock:
            if _crossing is None:
                _crossing = _demo_crossing_points()
            current = _crossing
    return current


def set_crossing_points(entries: Iterable[CodeEntry | Mapping[str, Any]]) -> None:
    """Replace the crossing-point list (from the agency provisioning file).

    Accepts CodeEntry/CrossingPoint objects or {"code", "label", "description"?,
    "countries"?} mappings. Raises ValueError on an empty list, a bad code or a duplicate;
    the old list stays in force then.
    """
    global _crossing, _crossing_demo
    new: dict[str, CodeEntry] = {}
    for raw in entries:
        entry = _crossing_point(raw)
        if entry.code in new:
            raise ValueError(f"duplicate crossing-point code {entry.code!r}")
        new[entry.code] = entry
    if not new:
        raise ValueError("the crossing-point list must not be empty")
    with _crossing_lock:
        _crossing = new
        _crossing_demo = False


def reset_crossing_points() -> None:
    """Go back to the bundled demo list (tests, or an installation not provisioned yet)."""
    global _crossing, _crossing_demo
    with _crossing_lock:
        _crossing = None
        _crossing_demo = True


def crossing_points_are_demo() -> bool:
    """True while the bundled demo list is in use (the UI should say so)."""
    return _crossing_demo


def _index(list_name: str) -> dict[str, CodeEntry]:
    if list_name == "crossing_points":
        return _crossing_points()
    if list_name == "countries":
        return _countries()
    if list_name == "nationalities":
        return _nationalities()
    if list_name == "currencies":
        return _currencies()
    if list_name in STATIC_LISTS:
        return _static(list_name)
    raise KeyError(f"unknown code list {list_name!r}")


def entries(list_name: str) -> list[CodeEntry]:
    """All entries of a list, in display order. KeyError for an unknown list name."""
    return list(_index(list_name).values())


def is_code(list_name: str, code: str) -> bool:
    return code in _index(list_name)


def label(list_name: str, code: str | int) -> str:
    """Display label of a code; the code itself if the list does not know it."""
    entry = _index(list_name).get(str(code))
    return str(code) if entry is None else entry.label


def countries() -> list[CodeEntry]:
    """ISO 3166-1 countries by alpha-3 code, sorted by common name."""
    return entries("countries")


def nationalities() -> list[CodeEntry]:
    """Countries plus XXX (unknown / stateless) first."""
    return entries("nationalities")


def is_country(code: str) -> bool:
    return code in _countries()


def is_nationality(code: str) -> bool:
    return code in _nationalities()


def currencies() -> list[CodeEntry]:
    """ISO 4217 currencies (without metals, units of account and test codes)."""
    return entries("currencies")


def is_currency(code: str) -> bool:
    return code in _currencies()


def crossing_points() -> list[CodeEntry]:
    return entries("crossing_points")


def report_kinds() -> list[CodeEntry]:
    return entries("report_kinds")


def person_roles() -> list[CodeEntry]:
    return entries("person_roles")


def sexes() -> list[CodeEntry]:
    return entries("sexes")


def age_bands() -> list[CodeEntry]:
    return entries("age_bands")


def document_types() -> list[CodeEntry]:
    return entries("document_types")


def fraud_types() -> list[CodeEntry]:
    return entries("fraud_types")


def document_features() -> list[CodeEntry]:
    return entries("document_features")


def transport_modes() -> list[CodeEntry]:
    return entries("transport_modes")


def modus_operandi_tags() -> list[CodeEntry]:
    return entries("modus_operandi_tags")


def tlp_labels() -> list[CodeEntry]:
    """TLP 2.0 labels with their meaning, least restrictive first."""
    return entries("tlp")


def reliabilities() -> list[CodeEntry]:
    """Admiralty source reliability A–F with the standard wording."""
    return entries("reliability")


def credibilities() -> list[CodeEntry]:
    """Admiralty information credibility 1–6 (codes are the digits as text)."""
    return entries("credibility")
