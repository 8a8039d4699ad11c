"""National release rules: the one home of "may this state's OFPs release beyond it".

Release to other member states is, by default, a second signed decision by the national
focal point (NFP) of the originating state (docs/protocol.md §3.8). A state may let its
OFPs release directly; the operator sets that here (`admin national-rule`), the portal
enforces it at ingest, and clients (and the web console) read it through `list_rules`.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from portal import audit
from portal.database import Database
from portal.tables import national_rules
from sync.protocol.canonical import JsonObject
from sync.protocol.errors import MalformedEnvelope
from sync.protocol.fields import check_country


class RuleError(ValueError):
    """A rule that cannot be set (not a member state code)."""


@dataclass(frozen=True, slots=True)
class NationalRule:
    member_state: str
    ofp_releases: bool  # an OFP's approval releases beyond the state without the NFP
    set_by: str | None = None  # None: the default, never set
    set_at: int | None = None

    def to_json(self) -> JsonObject:
        return {"member_state": self.member_state, "ofp_releases": self.ofp_releases}


def ofp_releases_directly(conn: Connection, member_state: str) -> bool:
    """Whether an OFP of `member_state` releases beyond it by their approval alone."""
    value = conn.execute(
        sa.select(national_rules.c.ofp_releases).where(
            national_rules.c.member_state == member_state
        )
    ).scalar_one_or_none()
    return bool(value)  # no row: the NFP releases


def list_rules(conn: Connection) -> list[NationalRule]:
    """Every rule an operator set, by member state (states without one: the NFP releases)."""
    rows = conn.execute(sa.select(national_rules).order_by(national_rules.c.member_state)).all()
    return [
        NationalRule(str(r.member_state), bool(r.ofp_releases), str(r.set_by), int(r.set_at))
        for r in rows
    ]


def set_rule(
    db: Database, member_state: str, *, ofp_releases: bool, now: int, actor: str = "operator"
) -> NationalRule:
    """Set a state's rule (audited); applies to approvals ingested from now on."""
    try:
        check_country(member_state, "member_state", MalformedEnvelope)
    except MalformedEnvelope as exc:
        raise RuleError(str(exc)) from None
    with db.write() as conn:
        table = national_rules.c
        exists = conn.execute(
            sa.select(table.member_state).where(table.member_state == member_state)
        ).first()
        values = {"ofp_releases": ofp_releases, "set_by": actor, "set_at": now}
        if exists is None:
            conn.execute(national_rules.insert().values(member_state=member_state, **values))
        else:
            conn.execute(
                national_rules.update().where(table.member_state == member_state).values(**values)
            )
        audit.append(
            conn,
            at=now,
            actor=actor,
            action="national_rule.set",
            subject=member_state,
            details={"ofp_releases": ofp_releases},
        )
    return NationalRule(member_state, ofp_releases, actor, now)
