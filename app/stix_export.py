"""STIX 2.1 bundles of released reports (docs/products.md has the mapping).

One Report per incident, with a Note for the narrative, Locations for the crossing point and
the route, an Identity per agency, the TLP 2.0 marking definition FIRST published for STIX
(fixed ids below) and a statement marking for the handling (third parties, legal basis).
Ids are UUIDv5 from the report id and version, so exporting twice gives the same objects and a
receiving platform updates rather than duplicates them.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Final

import pycountry
import stix2

from app import codelists
from app.codelists import CodeEntry
from app.domain import format_utc
from app.released import ReleasedReport

# FIRST TLP 2.0 as STIX 2.1 marking definitions, by the ids OASIS published
# (extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d, created 2022-10-01).
TLP2_EXTENSION: Final = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
TLP2_CREATOR: Final = "identity--e50ab59c-5c4f-4d40-bf6a-d58418d89bcd"
TLP2_IDS: Final = {
    "CLEAR": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "GREEN": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "AMBER": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "AMBER+STRICT": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "RED": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}

# Admiralty credibility (1-6) -> STIX confidence, STIX 2.1 Appendix A's "Admiralty
# Credibility" scale (the middle of each band); 6 "cannot be judged" means no confidence.
CONFIDENCE: Final = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}

_NAMESPACE: Final = uuid.UUID("3a1f5f1e-6c0d-5b8e-9a55-0f1e2d3c4b5a")  # salts Outpost's ids


def tlp_marking(label: str) -> stix2.MarkingDefinition:
    """The FIRST TLP 2.0 marking definition for `label`, exactly as published."""
    return stix2.MarkingDefinition(
        id=TLP2_IDS[label],
        created="2022-10-01T00:00:00.000Z",
        created_by_ref=TLP2_CREATOR,
        name=f"TLP:{label}",
        extensions={
            TLP2_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": label.lower()}
        },
        allow_custom=True,
    )


def _id(kind: str, *parts: str) -> str:
    """A stable id of UUIDv4 form (STIX 2.1 asks v4 of domain objects): the first 16 bytes
    of SHA-256 over the parts, with the version and variant bits set."""
    digest = hashlib.sha256("/".join((str(_NAMESPACE), kind, *parts)).encode()).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


def _alpha2(alpha3: str) -> str | None:
    country = pycountry.countries.get(alpha_3=alpha3)
    return None if country is None else str(country.alpha_2)


def _country_location(alpha3: str, at: datetime) -> stix2.Location | None:
    alpha2 = _alpha2(alpha3)
    if alpha2 is None:  # "XXX" (unknown) has no place to point at
        return None
    return stix2.Location(
        id=_id("location", "country", alpha3),
        created=at,
        modified=at,
        country=alpha2,
        name=codelists.label("countries", alpha3),
    )


def _crossing_entry(code: str) -> CodeEntry | None:
    return next((e for e in codelists.crossing_points() if e.code == code), None)


def _crossing_location(item: ReleasedReport, at: datetime) -> stix2.Location | None:
    report = item.report
    code = report.crossing_point
    if code is None and report.coordinates is None:
        return None
    name = code if code is None else codelists.label("crossing_points", code)
    place: dict[str, Any] = {}
    if report.coordinates is not None:
        place = {"latitude": report.coordinates.lat, "longitude": report.coordinates.lon}
    else:
        entry = _crossing_entry(code or "")
        countries = getattr(entry, "countries", ())
        alpha2 = _alpha2(countries[0]) if countries else None
        if alpha2 is None:
            return None
        place = {"country": alpha2}
    key = code or f"{report.coordinates.lat},{report.coordinates.lon}"  # type: ignore[union-attr]
    return stix2.Location(
        id=_id("location", "crossing", item.report_id, str(item.report_version), key),
        created=at,
        modified=at,
        name=name or "observed position",
        **place,
    )


_FIXED: Final = "2020-01-01T00:00:00Z"  # created of shared objects (agencies, countries, handling)
OUTPOST_CREATOR: Final = _id("identity", "outpost")
# Outpost's own report properties (report id, Admiralty code, handling) travel as a top-level
# property extension, defined in every bundle, rather than as deprecated x_ custom properties.
OUTPOST_EXTENSION: Final = _id("extension-definition", "outpost-report", "1")
OUTPOST_PROPERTIES: Final = (
    "outpost_report_id",
    "outpost_report_version",
    "outpost_kind",
    "outpost_observed_at",
    "outpost_persons",
    "outpost_admiralty",
    "outpost_third_party",
    "outpost_legal_basis",
)


def _outpost_extension() -> list[Any]:
    creator = stix2.Identity(
        id=OUTPOST_CREATOR,
        created=_FIXED,
        modified=_FIXED,
        name="Outpost",
        identity_class="system",
    )
    definition = stix2.ExtensionDefinition(
        id=OUTPOST_EXTENSION,
        created=_FIXED,
        modified=_FIXED,
        created_by_ref=creator.id,
        name="Outpost report properties",
        version="1.0",
        description="Report id and version, report kind, observation time, persons counted, "
        "Admiralty grading (reliability letter + credibility digit) and release handling "
        "(third_party, legal_basis) of an Outpost report; see docs/products.md.",
        schema="docs/products.md#stix-21-mapping",
        extension_types=["toplevel-property-extension"],
        extension_properties=list(OUTPOST_PROPERTIES),
    )
    return [creator, definition]


def _identity(agency: str) -> stix2.Identity:
    return stix2.Identity(
        id=_id("identity", agency),
        created=_FIXED,
        modified=_FIXED,
        name=agency,
        identity_class="organization",
        sectors=["government-national"],
    )


def handling_statement(item: ReleasedReport) -> str:
    release = item.release
    third = (
        "may be passed on to third parties"
        if release.third_party
        else "not releasable to third parties (third-party rule)"
    )
    basis = release.legal_basis or "none given"
    return f"Outpost handling: {third}; legal basis: {basis}."


def _statement(text: str) -> stix2.MarkingDefinition:
    return stix2.MarkingDefinition(
        id=_id("marking-definition", text),
        created=_FIXED,
        definition_type="statement",
        definition=stix2.StatementMarking(statement=text),
    )


def _country(code: str | None) -> stix2.Location | None:
    return None if code is None else _country_location(code, _FIXED)  # type: ignore[arg-type]


def confidence_of(credibility: int | None) -> int | None:
    return None if credibility is None else CONFIDENCE.get(credibility)


def objects_of(item: ReleasedReport) -> list[Any]:
    """The STIX objects of one released report (shared ones included: markings, agency)."""
    report, at = item.report, item.approved_at
    author = _identity(item.agency)
    markings = [tlp_marking(item.release.tlp), _statement(handling_statement(item))]
    marking_refs = [m.id for m in markings]
    route = report.route
    places = [_crossing_location(item, at), _country(route.origin)]
    places += [_country(code) for code in route.transit] + [_country(route.destination)]
    locations = list({p.id: p for p in places if p is not None}.values())
    report_id = _id("report", item.report_id, str(item.report_version))
    observed = report.observed_at or at
    kind = codelists.label("report_kinds", report.kind.value)
    where = (
        ""
        if report.crossing_point is None
        else " at " + codelists.label("crossing_points", report.crossing_point)
    )
    source = report.source
    admiralty = f"{source.reliability or ''}{source.credibility or ''}" or None
    common: dict[str, Any] = {
        "created": at,
        "modified": at,
        "created_by_ref": author.id,
        "object_marking_refs": marking_refs,
        "allow_custom": True,
    }
    confidence = confidence_of(source.credibility)
    if confidence is not None:
        common["confidence"] = confidence
    note = stix2.Note(
        id=_id("note", item.report_id, str(item.report_version)),
        abstract=f"Narrative of {kind}",
        content=report.narrative or "(no narrative)",
        object_refs=[report_id],
        **common,
    )
    extra: dict[str, Any] = {
        "extensions": {OUTPOST_EXTENSION: {"extension_type": "toplevel-property-extension"}},
        "outpost_report_id": item.report_id,
        "outpost_report_version": item.report_version,
        "outpost_kind": report.kind.value,
        "outpost_observed_at": format_utc(observed),
        "outpost_persons": report.person_count,
        "outpost_third_party": item.release.third_party,
        "outpost_legal_basis": item.release.legal_basis,
    }
    if admiralty is not None:
        extra["outpost_admiralty"] = admiralty
    stix_report = stix2.Report(
        id=report_id,
        name=f"{kind}{where}, {observed:%Y-%m-%d}",
        published=at,
        report_types=["threat-report"],
        labels=[report.kind.value],
        description=report.narrative or None,
        object_refs=[author.id, note.id, *(p.id for p in locations)],
        **extra,
        **common,
    )
    return [*markings, author, *locations, note, stix_report]


def bundle_of(items: Iterable[ReleasedReport]) -> stix2.Bundle:
    """One bundle of the items, each shared object once (agencies, countries, markings)."""
    seen: dict[str, Any] = {obj.id: obj for obj in _outpost_extension()}
    for item in items:
        for obj in objects_of(item):
            seen.setdefault(obj.id, obj)
    bundle_id = _id("bundle", *sorted(seen))
    return stix2.Bundle(objects=list(seen.values()), id=bundle_id, allow_custom=True)


def bundle_json(items: Sequence[ReleasedReport]) -> str:
    return str(json.dumps(json.loads(bundle_of(items).serialize()), indent=1, sort_keys=True))
