"""Reading the feed: an opaque, monotonic cursor over the items visible to the caller.

The cursor encodes the last feed sequence number examined (visible or not), so a page that
filters out many items still moves forward. Visibility is decided in SQL from the grant
rows, driven from their index (portal.feed_items.visible_seqs), so a reader's page costs the
same however many items others were sent. Every item handed out is recorded in the
dissemination register (which principal received which item, with which key, when).
"""

from __future__ import annotations

import base64
import binascii
import json
import re

import sqlalchemy as sa

from portal.auth import Caller
from portal.clock import as_datetime
from portal.database import Database
from portal.feed_items import visible_seqs
from portal.problems import Problem
from portal.tables import dissemination, feed_items
from sync.protocol.canonical import JsonObject, JsonValue, parse_json
from sync.protocol.envelopes import Envelope

# A shared installation has a handful of users; more keys than this is no installation.
MAX_LOCAL_KEYS = 16
# Items that carry one envelope ({"envelope": ...}) an installation may already hold: its
# own submissions (review items for its focal point) and its own decisions.
_REF_KINDS = frozenset({"review_item", "decision"})

_CURSOR = re.compile(r"f1:(0|[1-9][0-9]{0,17})")


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"f1:{seq}".encode("ascii")).rstrip(b"=").decode("ascii")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise Problem("invalid-cursor", "the cursor is not one this portal issued") from None
    match = _CURSOR.fullmatch(text)
    if match is None:
        raise Problem("invalid-cursor", "the cursor is not one this portal issued")
    return int(match[1])


def read_feed(
    db: Database,
    caller: Caller,
    *,
    cursor: str | None,
    limit: int,
    now: int,
    max_bytes: int | None = None,
    local_keys: frozenset[str] = frozenset(),
) -> JsonObject:
    """One page after `cursor`: at most `limit` items and, with `max_bytes`, at most that many
    bytes of items (item_size), except that a page always holds at least one item when one
    is there, so each request moves the cursor. An envelope signed by one of `local_keys`
    (the caller's installation) is sent as its hash only (docs/protocol.md 6.5)."""
    after = decode_cursor(cursor)
    reader = caller.reader
    with db.read() as conn:
        # The newest sequence first: rows committed after it wait for the next page, so the
        # cursor can jump over invisible rows without ever passing one not yet seen.
        newest = conn.execute(sa.select(sa.func.max(feed_items.c.seq))).scalar_one_or_none()
        bound = after if newest is None else max(after, int(newest))
        # Driven from the reader's grants (visible_seqs), so a page costs the same however
        # many items the reader cannot see. Items closed to third parties are visible by
        # grant but not to a third-party reader: a page of those is filtered here.
        rows = []
        start = after
        while True:
            seqs = visible_seqs(reader, after=start, bound=bound, limit=limit + 1).subquery()
            query = sa.select(feed_items).join(seqs, seqs.c.seq == feed_items.c.seq)
            candidates = conn.execute(query.order_by(feed_items.c.seq)).all()
            rows += [
                r for r in candidates if not (reader.third_party and r.closed_to_third_parties)
            ]
            if len(rows) > limit or len(candidates) <= limit:
                break
            start = int(candidates[-1].seq)
        rows = rows[: limit + 1]
    more = len(rows) > limit
    rows = rows[:limit]
    items: list[JsonValue] = [_item_json(r, local_keys) for r in rows]
    if max_bytes is not None:
        kept = _within(items, max_bytes)
        if kept < len(items):
            more = True  # stopped by the budget: the rest comes with the next page
            rows, items = rows[:kept], items[:kept]
    last = int(rows[-1].seq) if more else bound
    if rows:
        with db.write() as conn:
            conn.execute(
                dissemination.insert(),
                [
                    {
                        "feed_seq": int(row.seq),
                        "user_id": caller.user_id,
                        "agency": caller.agency,
                        "key_id": caller.key_id,
                        "delivered_at": now,
                    }
                    for row in rows
                ],
            )
    return {"items": items, "cursor": encode_cursor(last), "more": more}


def item_size(item: JsonValue) -> int:
    """The bytes an item takes in the page: its JSON as the response encodes it (UTF-8, no
    spaces; Starlette's JSONResponse), before any compression."""
    text = json.dumps(item, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return len(text.encode("utf-8"))


def _within(items: list[JsonValue], max_bytes: int) -> int:
    """How many of `items`, from the first, fit in `max_bytes` (the first always counts)."""
    used = 0
    for n, item in enumerate(items):
        used += item_size(item)
        if used > max_bytes and n > 0:
            return n
    return len(items)


def _item_json(row: sa.Row[tuple[object, ...]], local_keys: frozenset[str]) -> JsonObject:
    payload = parse_json(str(row.payload))
    if local_keys and str(row.kind) in _REF_KINDS:
        payload = _as_ref(payload, local_keys)
    return {
        "id": encode_cursor(int(str(row.seq))),
        "kind": str(row.kind),
        "published_at": as_datetime(int(str(row.created_at))).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tlp": None if row.tlp is None else str(row.tlp),
        "payload": payload,
    }


def _as_ref(payload: JsonValue, local_keys: frozenset[str]) -> JsonValue:
    """{"envelope_ref": hash} for an envelope one of `local_keys` signed. The caller may see
    the item anyway, so its hash tells it nothing new; only the bytes differ."""
    envelope = payload.get("envelope") if isinstance(payload, dict) else None
    if not isinstance(envelope, dict) or envelope.get("key_id") not in local_keys:
        return payload
    # Verified when it was stored: parsing it again only recomputes its hash.
    return {"envelope_ref": Envelope.from_json(envelope).hash}
