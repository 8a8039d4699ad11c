"""Appending items to the feed, and who may see each one.

Each item carries grant rows (`feed_audience`): it is visible to a reader matching any one of
them. The release rule for reports is sync.protocol.tlp's; this module turns its audience
into grants and expresses "may this reader see it" as one SQL condition over indexed
columns (`visible_clause`), so the feed filters in the database, not in Python.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from portal.tables import agencies, feed_audience, feed_items, principals
from sync.protocol.canonical import JsonObject, canonical_bytes
from sync.protocol.tlp import Audience

PUBLISHED_KINDS: Final = ("alert", "bulletin", "mou_template", "fraud_notice")


@dataclass(frozen=True, slots=True)
class Reader:
    """The authenticated caller of the feed: their principal, key, agency and its facts."""

    principal: str
    key_id: str
    agency: str
    member_state: str
    role: str
    third_party: bool = False


@dataclass(frozen=True, slots=True, order=True)
class Grant:
    scope: str  # all | state | agency | principal | ofp | nfp
    value: str = ""
    agency: str | None = None  # for "principal": the principal's agency, checked too


EVERYONE: Final = Grant("all")


def reviewers(agency: str, member_state: str) -> list[Grant]:
    """The OFPs of the agency and the NFPs of its member state."""
    return [Grant("ofp", agency), Grant("nfp", member_state)]


def national_reviewers(member_state: str) -> list[Grant]:
    """The NFPs of a member state: who decides on releasing beyond it."""
    return [Grant("nfp", member_state)]


def domestic_grants(grants: Sequence[Grant], home: str, states: dict[str, str]) -> list[Grant]:
    """The part of a release's grants inside member state `home` (the OFP's level, before
    the NFP releases beyond it); `states` maps each named agency to its member state.
    "Everyone" becomes everyone of `home`."""
    kept: set[Grant] = set()
    for g in grants:
        if g.scope == "all" or (g.scope == "state" and g.value == home):
            kept.add(Grant("state", home))
        else:
            # an agency grant names the agency in `value`, a principal's in `agency`
            owner = g.value if g.scope == "agency" else g.agency
            if g.scope in ("agency", "principal") and states.get(str(owner)) == home:
                kept.add(g)
    return sorted(kept)


def agency_states(conn: Connection, codes: Iterable[str]) -> dict[str, str]:
    """Member state of each known agency among `codes`."""
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    rows = conn.execute(
        sa.select(agencies.c.code, agencies.c.member_state).where(agencies.c.code.in_(wanted))
    ).all()
    return {str(r.code): str(r.member_state) for r in rows}


def principal_grant(principal: str, agency: str) -> Grant:
    return Grant("principal", principal, agency)


def audience_grants(audience: Audience, owners: dict[str, str]) -> list[Grant]:
    """The grants of a release audience; `owners` maps each named principal to its agency."""
    if audience.everyone:
        return [EVERYONE]
    grants = [Grant("state", s) for s in audience.states]
    grants += [Grant("agency", a) for a in audience.agencies]
    grants += [principal_grant(p, owners[p]) for p in audience.principals]
    return sorted(grants)


def principal_agencies(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """Agency of each known, unrevoked principal among `ids`."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = conn.execute(
        sa.select(principals.c.principal_id, principals.c.agency).where(
            principals.c.principal_id.in_(wanted), principals.c.revoked_at.is_(None)
        )
    ).all()
    return {str(r.principal_id): str(r.agency) for r in rows}


@dataclass(frozen=True)
class NewItem:
    kind: str
    at: int
    payload: str  # canonical JSON text
    grants: Sequence[Grant]
    tlp: str | None = None
    report_id: str | None = None
    origin_agency: str | None = None
    closed_to_third_parties: bool = False
    # Kept for the caller (e.g. the register entry it writes); not stored here.
    extra: dict[str, object] = field(default_factory=dict)


def new_item(
    kind: str, at: int, payload: JsonObject | str, grants: Sequence[Grant], **kw: object
) -> NewItem:
    text = payload if isinstance(payload, str) else canonical_bytes(payload).decode()
    return NewItem(kind, at, text, grants, **kw)  # type: ignore[arg-type]


def wrapped(name: str, canonical_text: str) -> str:
    """Canonical JSON of {name: X} from the canonical text of X, without re-encoding X
    (a one-member object has nothing to sort, and canonical JSON has no whitespace)."""
    return canonical_bytes({name: 0}).decode()[:-2] + canonical_text + "}"


def add_items(conn: Connection, items: Sequence[NewItem]) -> list[int]:
    """Insert the items and their grants; their sequence numbers, in order."""
    if not items:
        return []
    inserted = conn.execute(
        feed_items.insert().returning(feed_items.c.seq, sort_by_parameter_order=True),
        [
            {
                "kind": i.kind,
                "created_at": i.at,
                "tlp": i.tlp,
                "report_id": i.report_id,
                "origin_agency": i.origin_agency,
                "closed_to_third_parties": i.closed_to_third_parties,
                "payload": i.payload,
            }
            for i in items
        ],
    )
    seqs = [int(str(seq)) for seq in inserted.scalars().all()]
    rows = [
        {"seq": seq, "scope": g.scope, "value": g.value, "agency": g.agency}
        for item, seq in zip(items, seqs, strict=True)
        for g in sorted(set(item.grants))
    ]
    if rows:
        conn.execute(feed_audience.insert(), rows)
    return seqs


def add_item(conn: Connection, item: NewItem) -> int:
    return add_items(conn, [item])[0]


def reader_grants(reader: Reader) -> list[Grant]:
    """The grants that make an item visible to `reader` (any one of them is enough)."""
    grants = [
        EVERYONE,
        Grant("state", reader.member_state),
        Grant("agency", reader.agency),
        principal_grant(reader.principal, reader.agency),
    ]
    if reader.role == "ofp":
        grants.append(Grant("ofp", reader.agency))
    elif reader.role == "nfp":
        grants.append(Grant("nfp", reader.member_state))
    return grants


def _matches(grant: Grant) -> sa.ColumnElement[bool]:
    g = feed_audience.c
    clause = sa.and_(g.scope == grant.scope, g.value == grant.value)
    return clause if grant.agency is None else sa.and_(clause, g.agency == grant.agency)


def visible_clause(reader: Reader) -> sa.ColumnElement[bool]:
    """SQL: the feed item row (feed_items) is visible to `reader`."""
    g = feed_audience.c
    match = [_matches(grant) for grant in reader_grants(reader)]
    visible = sa.exists().where(g.seq == feed_items.c.seq, sa.or_(*match))
    if reader.third_party:
        return sa.and_(visible, feed_items.c.closed_to_third_parties.is_(sa.false()))
    return visible


def visible_seqs(reader: Reader, *, after: int, bound: int, limit: int) -> sa.Select[tuple[int]]:
    """The first `limit` sequence numbers in (after, bound] visible to `reader`, driven from
    the grant index (scope, value, seq): one range scan per grant the reader holds, each
    stopping after `limit` rows, so the cost does not depend on how many items the reader
    cannot see. (visible_clause states the same rule as a filter over feed_items rows.)"""
    g = feed_audience.c
    branches = [
        sa.select(g.seq)
        .where(_matches(grant), g.seq > after, g.seq <= bound)
        .order_by(g.seq)
        .limit(limit)
        .subquery()
        for grant in reader_grants(reader)
    ]
    union = sa.union(*(sa.select(b.c.seq) for b in branches)).subquery()
    return sa.select(union.c.seq).order_by(union.c.seq).limit(limit)
