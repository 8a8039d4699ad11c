"""Reading the feed: an opaque, monotonic cursor over the items visible to the caller.

The cursor encodes the last feed sequence number examined (visible or not), so a page that
filters out many items still moves forward. Every item handed out is recorded in the
dissemination register (who received which item, when).
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Final

import sqlalchemy as sa

from portal.auth import Caller
from portal.clock import as_datetime
from portal.database import Database
from portal.feed_items import Reader, visible_to
from portal.problems import Problem
from portal.tables import dissemination, feed_items
from sync.protocol.canonical import JsonObject, JsonValue, parse_json

_CURSOR = re.compile(r"f1:(0|[1-9][0-9]{0,17})")
SCAN_STEP: Final = 500
MAX_SCAN: Final = 5000  # rows examined per request, so one call stays cheap


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
    db: Database, caller: Caller, *, cursor: str | None, limit: int, now: int
) -> JsonObject:
    after = decode_cursor(cursor)
    reader = Reader(caller.user_id, caller.key_id, caller.agency, caller.member_state, caller.role)
    delivered: list[JsonValue] = []
    delivered_seqs: list[int] = []
    last = after
    exhausted = False
    scanned = 0
    with db.read() as conn:
        while len(delivered) < limit and scanned < MAX_SCAN:
            rows = conn.execute(
                sa.select(feed_items)
                .where(feed_items.c.seq > last)
                .order_by(feed_items.c.seq)
                .limit(SCAN_STEP)
            ).all()
            if not rows:
                exhausted = True
                break
            scanned += len(rows)
            for row in rows:
                last = int(row.seq)
                if visible_to(row, reader):
                    delivered.append(_item_json(row))
                    delivered_seqs.append(last)
                    if len(delivered) == limit:
                        break
            if len(rows) < SCAN_STEP and len(delivered) < limit:
                exhausted = True
                break
    if delivered_seqs:
        with db.write() as conn:
            conn.execute(
                dissemination.insert(),
                [
                    {
                        "feed_seq": seq,
                        "user_id": caller.user_id,
                        "agency": caller.agency,
                        "key_id": caller.key_id,
                        "delivered_at": now,
                    }
                    for seq in delivered_seqs
                ],
            )
    return {"items": delivered, "cursor": encode_cursor(last), "more": not exhausted}


def _item_json(row: sa.Row[tuple[object, ...]]) -> JsonObject:
    return {
        "id": encode_cursor(int(str(row.seq))),
        "kind": str(row.kind),
        "published_at": as_datetime(int(str(row.created_at))).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tlp": None if row.tlp is None else str(row.tlp),
        "payload": parse_json(str(row.payload)),
    }
