"""TAXII 2.1, read-only: the releases a principal may read, as STIX 2.1 (docs/products.md).

One collection per audience grant the caller holds (everyone, their member state, their
agency, themselves). A collection holds the release items carrying that grant, filtered by
the feed's own rule (portal.feed_items.visible_clause: grant rows, third-party exclusion), so
TAXII cannot show what /v1/feed would not. Requests are signed like every other call
(protocol.md 5.1); each item handed out is written to the dissemination register.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

import sqlalchemy as sa
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from app.domain import Report
from app.released import ReleasedReport
from app.stix_export import objects_of
from portal.api import authenticate_request, portal_of
from portal.auth import Caller
from portal.clock import as_datetime, now_seconds
from portal.database import Database
from portal.feed_items import Grant, _matches, reader_grants, visible_clause
from portal.problems import Problem
from portal.request_body import decimal, read_raw
from portal.tables import dissemination, feed_audience, feed_items
from sync.protocol import Release
from sync.protocol.canonical import parse_json

MEDIA_TYPE: Final = "application/taxii+json;version=2.1"
STIX_MEDIA_TYPE: Final = "application/stix+json;version=2.1"
DEFAULT_LIMIT: Final = 100
MAX_LIMIT: Final = 500
_NAMESPACE: Final = uuid.UUID("b7f0d7e6-2a0b-5c34-8f21-6d1e9a3c4f10")  # collection ids
_TITLES: Final = {
    "all": "Everyone on the portal",
    "state": "Member state",
    "agency": "Agency",
    "principal": "Released to me",
}


class TaxiiResponse(JSONResponse):
    media_type = MEDIA_TYPE


@dataclass(frozen=True)
class Collection:
    id: str
    grant: Grant

    def to_json(self) -> dict[str, Any]:
        title = _TITLES[self.grant.scope] + (f" {self.grant.value}" if self.grant.value else "")
        return {
            "id": self.id,
            "title": title,
            "can_read": True,
            "can_write": False,
            "media_types": [STIX_MEDIA_TYPE],
        }


def collection_id(grant: Grant) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{grant.scope}|{grant.value}|{grant.agency or ''}"))


def collections_of(caller: Caller) -> list[Collection]:
    """The audiences a release can name the caller by (the reviewer grants carry no releases)."""
    grants = [g for g in reader_grants(caller.reader) if g.scope in _TITLES]
    return [Collection(collection_id(g), g) for g in grants]


def _collection(caller: Caller, wanted: str) -> Collection:
    for collection in collections_of(caller):
        if collection.id == wanted:
            return collection
    # Whether another audience's collection exists is not the caller's business either.
    raise Problem("not-permitted", "this collection is not one the caller may read")


def _taxii_time(seconds: int) -> str:
    return as_datetime(seconds).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _parse_added_after(text: str | None) -> int:
    if not text:
        return -1
    for form in ("%Y-%m-%dT%H:%M:%S.%fZ", "%Y-%m-%dT%H:%M:%SZ"):
        try:
            moment = datetime.strptime(text, form).replace(tzinfo=UTC)
        except ValueError:
            continue
        return int(moment.timestamp())
    raise Problem("invalid-parameter", "added_after must be a TAXII timestamp (RFC 3339, UTC)")


def _released(row: sa.Row[Any]) -> ReleasedReport:
    # The payload was verified at ingest; its shape is protocol.md 5.5's "release".
    payload: Any = parse_json(str(row.payload))
    submission, approval = payload["submission"]["body"], payload["approval"]["body"]
    return ReleasedReport(
        report_id=str(submission["report_id"]),
        report_version=int(submission["report_version"]),
        agency=str(submission["agency"]),
        member_state="",
        approved_at=as_datetime(int(row.created_at)),
        report=Report.from_dict(submission["report"]),
        release=Release.from_json(approval["release"], "release"),
    )


@dataclass(frozen=True)
class Page:
    """`limit` objects (TAXII counts objects, not reports) and where the next page starts."""

    objects: list[tuple[sa.Row[Any], dict[str, Any]]]
    next: str | None


def _stix(row: sa.Row[Any]) -> list[dict[str, Any]]:
    return [json.loads(obj.serialize()) for obj in objects_of(_released(row))]


def _page(
    db: Database,
    caller: Caller,
    collection: Collection,
    *,
    start: tuple[int, int],
    added_after: int,
    limit: int,
    now: int,
) -> Page:
    """Objects from release `start[0]` (its object `start[1]` on), in feed order."""
    g = feed_audience.c
    in_collection = sa.exists().where(g.seq == feed_items.c.seq, _matches(collection.grant))
    seq, skip = start
    query = (
        sa.select(feed_items)
        .where(
            feed_items.c.kind == "release",
            feed_items.c.seq >= seq,
            feed_items.c.created_at > added_after,
            in_collection,
            visible_clause(caller.reader),  # the feed's own rule, third parties included
        )
        .order_by(feed_items.c.seq)
        .limit(limit + 1)  # each release has at least one object
    )
    with db.read() as conn:
        rows = list(conn.execute(query).all())
    taken: list[tuple[sa.Row[Any], dict[str, Any]]] = []
    following: str | None = None
    for row in rows:
        objs = _stix(row)[skip if int(row.seq) == seq else 0 :]
        room = limit - len(taken)
        if len(objs) > room:
            done = (skip if int(row.seq) == seq else 0) + room
            following = f"{int(row.seq)}.{done}"
            taken += [(row, o) for o in objs[:room]]
            break
        taken += [(row, o) for o in objs]
    delivered = sorted({int(r.seq) for r, _ in taken})
    if delivered:
        with db.write() as conn:
            conn.execute(
                dissemination.insert(),
                [
                    {
                        "feed_seq": s,
                        "user_id": caller.user_id,
                        "agency": caller.agency,
                        "key_id": caller.key_id,
                        "delivered_at": now,
                    }
                    for s in delivered
                ],
            )
    return Page(taken, following)


async def _caller(request: Request) -> Caller:
    portal = portal_of(request)
    raw = await read_raw(request, portal.settings.limits.max_body_bytes)
    return await authenticate_request(request, portal, raw)


def _api_root_url(request: Request) -> str:
    settings = portal_of(request).settings
    base = (
        settings.public_url.rstrip("/")
        if settings.public_url
        else str(request.base_url).rstrip("/")
    )
    return base + "/taxii2/api/"


async def discovery(request: Request) -> Response:
    await _caller(request)
    root = _api_root_url(request)
    return TaxiiResponse(
        {
            "title": "Outpost portal",
            "description": "Released reports as STIX 2.1",
            "default": root,
            "api_roots": [root],
        }
    )


async def api_root(request: Request) -> Response:
    await _caller(request)
    limits = portal_of(request).settings.limits
    return TaxiiResponse(
        {
            "title": "Outpost releases",
            "versions": [MEDIA_TYPE],
            "max_content_length": limits.max_body_bytes,
        }
    )


async def collections(request: Request) -> Response:
    caller = await _caller(request)
    return TaxiiResponse({"collections": [c.to_json() for c in collections_of(caller)]})


async def collection(request: Request) -> Response:
    caller = await _caller(request)
    return TaxiiResponse(_collection(caller, request.path_params["collection_id"]).to_json())


_NEXT = re.compile(r"(0|[1-9][0-9]{0,17})\.(0|[1-9][0-9]{0,5})")


def _paging(request: Request) -> tuple[int, tuple[int, int], int]:
    params = request.query_params
    limit = decimal(params.get("limit", str(DEFAULT_LIMIT)))
    if limit is None or not 1 <= limit <= MAX_LIMIT:
        raise Problem("invalid-parameter", f"limit must be an integer from 1 to {MAX_LIMIT}")
    match = _NEXT.fullmatch(params.get("next") or "0.0")
    if match is None:
        raise Problem("invalid-parameter", "next is not one this server issued")
    return limit, (int(match[1]), int(match[2])), _parse_added_after(params.get("added_after"))


async def _read(request: Request) -> Page:
    caller = await _caller(request)
    chosen = _collection(caller, request.path_params["collection_id"])
    limit, start, added_after = _paging(request)
    portal = portal_of(request)
    return await run_in_threadpool(
        _page,
        portal.db,
        caller,
        chosen,
        start=start,
        added_after=added_after,
        limit=limit,
        now=now_seconds(),
    )


def _envelope(page: Page, values: list[dict[str, Any]]) -> Response:
    body: dict[str, Any] = {"more": page.next is not None, "objects": values}
    if page.next is not None:
        body["next"] = page.next
    headers = {}
    if page.objects:
        headers["X-TAXII-Date-Added-First"] = _taxii_time(int(page.objects[0][0].created_at))
        headers["X-TAXII-Date-Added-Last"] = _taxii_time(int(page.objects[-1][0].created_at))
    return TaxiiResponse(body, headers=headers)


async def objects(request: Request) -> Response:
    page = await _read(request)
    return _envelope(page, [obj for _, obj in page.objects])


async def manifest(request: Request) -> Response:
    page = await _read(request)
    records = [
        {
            "id": obj["id"],
            "date_added": _taxii_time(int(row.created_at)),
            "version": obj.get("modified", obj.get("created")),
            "media_type": STIX_MEDIA_TYPE,
        }
        for row, obj in page.objects
    ]
    return _envelope(page, records)
