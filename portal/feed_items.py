"""Appending items to the feed, and who may see each one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Final, Literal

from sqlalchemy.engine import Connection, Row

from portal.database import inserted_id
from portal.tables import feed_items
from sync.protocol.canonical import JsonObject, canonical_bytes

Audience = Literal["all", "reviewers", "user", "states"]
PUBLISHED_KINDS: Final = ("alert", "bulletin", "mou_template", "fraud_notice")


@dataclass(frozen=True, slots=True)
class Reader:
    """The authenticated caller of the feed, from their certificate and agency."""

    user_id: str
    key_id: str
    agency: str
    member_state: str
    role: str


def item_row(
    *,
    kind: str,
    at: int,
    payload: JsonObject | str,
    audience: Audience,
    agency: str | None = None,
    state: str | None = None,
    user: str | None = None,
    states: list[str] | None = None,
    tlp: str | None = None,
    recipients: list[str] | None = None,
) -> dict[str, object]:
    """The values of one feed row; `payload` as an object or as its canonical JSON text."""
    return {
        "kind": kind,
        "created_at": at,
        "audience": audience,
        "audience_agency": agency,
        "audience_state": state,
        "audience_user": user,
        "audience_states": None if states is None else json.dumps(sorted(states)),
        "tlp": tlp,
        "recipients": None if recipients is None else json.dumps(sorted(recipients)),
        "payload": payload if isinstance(payload, str) else canonical_bytes(payload).decode(),
    }


def wrapped(name: str, canonical_text: str) -> str:
    """Canonical JSON of {name: X} from the canonical text of X, without re-encoding X
    (a one-member object has nothing to sort, and canonical JSON has no whitespace)."""
    return canonical_bytes({name: 0}).decode()[:-2] + canonical_text + "}"


def add_item(
    conn: Connection,
    *,
    kind: str,
    at: int,
    payload: JsonObject,
    audience: Audience,
    agency: str | None = None,
    state: str | None = None,
    user: str | None = None,
    states: list[str] | None = None,
    tlp: str | None = None,
    recipients: list[str] | None = None,
) -> int:
    row = item_row(
        kind=kind,
        at=at,
        payload=payload,
        audience=audience,
        agency=agency,
        state=state,
        user=user,
        states=states,
        tlp=tlp,
        recipients=recipients,
    )
    return inserted_id(conn.execute(feed_items.insert().values(**row)))


def visible_to(item: Row[tuple[object, ...]], reader: Reader) -> bool:
    """The release rule of one feed item for one reader. TLP:RED goes only to the users
    named in `recipients`, whatever the audience says."""
    recipients = json.loads(str(item.recipients)) if item.recipients else None
    if item.tlp == "RED" and (recipients is None or reader.user_id not in recipients):
        return False
    if recipients is not None and reader.user_id not in recipients:
        return False
    audience = item.audience
    if audience == "all":
        return True
    if audience == "user":
        return bool(item.audience_user == reader.user_id)
    if audience == "reviewers":
        if reader.role == "ofp":
            return bool(item.audience_agency == reader.agency)
        return reader.role == "nfp" and item.audience_state == reader.member_state
    if audience == "states":
        return reader.member_state in json.loads(str(item.audience_states or "[]"))
    return False
