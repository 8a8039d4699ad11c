"""A MISP feed of released reports: manifest.json plus one <uuid>.json event per report, the
layout MISP's "feeds" fetch (a member's MISP adds the directory, or a web server serving it,
as a feed of format "MISP Feed"). docs/products.md has the mapping.

Built from ReleasedReport values only, so the caller decides the reader first
(app.released.readable_by): an item outside the reader's release is never in the feed.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from typing import Any, Final

from app import codelists
from app.released import ReleasedReport

# MISP distribution levels: 0 your organisation, 1 this community, 2 connected communities,
# 3 all communities. A feed cannot enforce TLP; the level tells the importing MISP how far
# its events may go on, never further than the label allows.
DISTRIBUTION: Final = {"CLEAR": 3, "GREEN": 1, "AMBER": 0, "AMBER+STRICT": 0, "RED": 0}
ANALYSIS_COMPLETE: Final = 2
THREAT_LEVEL_UNDEFINED: Final = 4
_SALT: Final = "outpost-misp-v1"


def _uuid(*parts: str) -> str:
    digest = hashlib.sha256("/".join((_SALT, *parts)).encode()).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def tags_of(item: ReleasedReport) -> list[str]:
    """MISP taxonomy tags: tlp (TLP 2.0 names), admiralty-scale, and Outpost's handling."""
    tags = [f"tlp:{item.release.tlp.lower()}"]
    source = item.report.source
    if source.reliability is not None:
        tags.append(f'admiralty-scale:source-reliability="{source.reliability.value.lower()}"')
    if source.credibility is not None:
        tags.append(f'admiralty-scale:information-credibility="{source.credibility}"')
    if not item.release.third_party:
        tags.append('outpost:third-party="not-releasable"')
    return tags


def _attribute(
    item: ReleasedReport,
    key: str,
    type_: str,
    category: str,
    value: str,
    comment: str,
    timestamp: str,
) -> dict[str, Any]:
    return {
        "uuid": _uuid(item.report_id, str(item.report_version), key),
        "type": type_,
        "category": category,
        "value": value,
        "comment": comment,
        "to_ids": False,
        "distribution": 5,  # inherit the event's
        "timestamp": timestamp,
    }


def event_of(item: ReleasedReport) -> dict[str, Any]:
    report, release = item.report, item.release
    stamp = str(int(item.approved_at.timestamp()))
    attrs: list[dict[str, Any]] = []

    def add(key: str, type_: str, category: str, value: str | None, comment: str) -> None:
        if value:
            attrs.append(_attribute(item, key, type_, category, value, comment, stamp))

    add("narrative", "text", "Other", report.narrative, "narrative")
    add("kind", "text", "Other", codelists.label("report_kinds", report.kind.value), "report kind")
    if report.crossing_point is not None:
        add(
            "crossing",
            "text",
            "Other",
            codelists.label("crossing_points", report.crossing_point),
            "crossing point",
        )
    route = report.route
    add("origin", "text", "Other", route.origin, "route origin (ISO 3166-1 alpha-3)")
    for n, code in enumerate(route.transit):
        add(f"transit-{n}", "text", "Other", code, "route transit (ISO 3166-1 alpha-3)")
    add("destination", "text", "Other", route.destination, "route destination (ISO 3166-1 alpha-3)")
    add(
        "persons",
        "counter",
        "Other",
        str(report.person_count) if report.persons else None,
        "persons counted",
    )
    add("legal-basis", "text", "Other", release.legal_basis, "legal basis of the release")
    org = {"name": item.agency, "uuid": _uuid("org", item.agency)}
    observed = report.observed_at or item.approved_at
    return {
        "Event": {
            "uuid": _uuid(item.report_id, str(item.report_version)),
            "info": f"{codelists.label('report_kinds', report.kind.value)}, "
            f"{observed:%Y-%m-%d} ({item.agency}, report {item.report_id} v{item.report_version})",
            "date": f"{observed:%Y-%m-%d}",
            "timestamp": stamp,
            "publish_timestamp": stamp,
            "published": True,
            "analysis": ANALYSIS_COMPLETE,
            "threat_level_id": THREAT_LEVEL_UNDEFINED,
            "distribution": DISTRIBUTION[release.tlp],
            "Orgc": org,
            "Tag": [{"name": name} for name in tags_of(item)],
            "Attribute": attrs,
        }
    }


def manifest_entry(event: dict[str, Any]) -> dict[str, Any]:
    e = event["Event"]
    keys = (
        "info",
        "date",
        "timestamp",
        "publish_timestamp",
        "analysis",
        "threat_level_id",
        "Orgc",
        "Tag",
    )
    return {k: e[k] for k in keys}


def feed_of(items: Iterable[ReleasedReport]) -> dict[str, dict[str, Any]]:
    """{file name: JSON object}: manifest.json and one <event uuid>.json per item. Where
    they are served or written decides who reads them: no file is written here."""
    events = [event_of(item) for item in items]
    files = {f"{e['Event']['uuid']}.json": e for e in events}
    files["manifest.json"] = {e["Event"]["uuid"]: manifest_entry(e) for e in events}
    return files
