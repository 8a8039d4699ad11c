"""Principals (portal-wide identities), codes issued for a person, third-party agencies, and
feed audiences as indexed grant rows instead of columns compared in Python.

Existing data: every certificate's user id becomes a principal of that certificate's agency
(the earliest certificate wins); a key whose user id another agency already held is revoked
(that is the impersonation this revision closes). Every feed item's audience columns become
grant rows with the same meaning.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

Time = sa.BigInteger
SeqId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("agencies") as batch:
        batch.add_column(
            sa.Column("third_party", sa.Boolean, nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("enrolment_codes") as batch:
        batch.add_column(sa.Column("principal_id", sa.String(128)))
        batch.add_column(sa.Column("display_name", sa.Text))
    op.create_table(
        "principals",
        sa.Column("principal_id", sa.String(128), nullable=False),
        sa.Column("agency", sa.String(32), nullable=False),
        sa.Column("member_state", sa.String(3), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("display_name", sa.Text),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("revoked_at", Time),
        sa.PrimaryKeyConstraint("principal_id", name="pk_principals"),
        sa.ForeignKeyConstraint(
            ["agency"], ["agencies.code"], name="fk_principals_agency_agencies"
        ),
    )
    op.create_table(
        "feed_audience",
        sa.Column("seq", SeqId, nullable=False),
        sa.Column("scope", sa.String(16), nullable=False),
        sa.Column("value", sa.String(128), nullable=False),
        sa.Column("agency", sa.String(32)),
        sa.PrimaryKeyConstraint("seq", "scope", "value", name="pk_feed_audience"),
        sa.ForeignKeyConstraint(
            ["seq"], ["feed_items.seq"], name="fk_feed_audience_seq_feed_items"
        ),
    )
    op.create_index("ix_feed_audience_scope", "feed_audience", ["scope", "value", "seq"])
    with op.batch_alter_table("feed_items") as batch:
        batch.add_column(sa.Column("report_id", sa.String(36)))
        batch.add_column(sa.Column("origin_agency", sa.String(32)))
        batch.add_column(
            sa.Column(
                "closed_to_third_parties", sa.Boolean, nullable=False, server_default=sa.false()
            )
        )
    conn = op.get_bind()
    owners = _principals_from_certificates(conn)
    _grants_from_audience_columns(conn, owners)
    with op.batch_alter_table("feed_items") as batch:
        for column in (
            "audience",
            "audience_agency",
            "audience_state",
            "audience_user",
            "audience_states",
            "recipients",
        ):
            batch.drop_column(column)
        batch.create_index("ix_feed_items_report_id", ["report_id"])


def _principals_from_certificates(conn: sa.Connection) -> dict[str, str]:
    rows = conn.execute(
        sa.text(
            "SELECT c.key_id, c.user_id, c.agency, c.role, c.issued_at, a.member_state "
            "FROM certificates c JOIN agencies a ON a.code = c.agency ORDER BY c.serial"
        )
    ).all()
    owners: dict[str, str] = {}
    latest_role: dict[str, tuple[str, str, int]] = {}
    for key_id, user_id, agency, role, issued_at, state in rows:
        if user_id not in owners:
            owners[user_id] = agency
            latest_role[user_id] = (state, role, int(issued_at))
        elif owners[user_id] != agency:
            conn.execute(
                sa.text(
                    "INSERT INTO revocations (key_id, revoked_at, reason) "
                    "SELECT :key, :at, :reason WHERE NOT EXISTS "
                    "(SELECT 1 FROM revocations WHERE key_id = :key)"
                ),
                {
                    "key": key_id,
                    "at": int(issued_at),
                    "reason": f"user id {user_id} is held by another agency ({owners[user_id]})",
                },
            )
        else:
            state0, _, created = latest_role[user_id]
            latest_role[user_id] = (state0, role, created)
    for user_id, agency in owners.items():
        state, role, created = latest_role[user_id]
        conn.execute(
            sa.text(
                "INSERT INTO principals (principal_id, agency, member_state, role, created_at) "
                "VALUES (:p, :a, :s, :r, :c)"
            ),
            {"p": user_id, "a": agency, "s": state, "r": role, "c": created},
        )
    return owners


def _grants_from_audience_columns(conn: sa.Connection, owners: dict[str, str]) -> None:
    rows = conn.execute(
        sa.text(
            "SELECT seq, kind, audience, audience_agency, audience_state, audience_user, "
            "audience_states, recipients, payload FROM feed_items"
        )
    ).all()
    for seq, kind, audience, agency, state, user, states, recipients, payload in rows:
        grants: set[tuple[str, str, str | None]] = set()
        named = json.loads(recipients) if recipients else None
        if named is not None:  # recipients narrowed every audience: they are the audience
            grants |= {("principal", p, owners.get(p)) for p in named}
        elif audience == "all":
            grants.add(("all", "", None))
        elif audience == "reviewers":
            grants |= {("ofp", agency or "", None), ("nfp", state or "", None)}
        elif audience == "user":
            grants.add(("principal", user or "", owners.get(user or "")))
        elif audience == "states":
            grants |= {("state", s, None) for s in json.loads(states or "[]")}
        for scope, value, owner in sorted(grants, key=lambda g: (g[0], g[1])):
            conn.execute(
                sa.text(
                    "INSERT INTO feed_audience (seq, scope, value, agency) "
                    "VALUES (:seq, :scope, :value, :agency)"
                ),
                {"seq": seq, "scope": scope, "value": value, "agency": owner},
            )
        report_id, origin = _report_of(kind, payload)
        if report_id is not None:
            conn.execute(
                sa.text("UPDATE feed_items SET report_id = :r, origin_agency = :a WHERE seq = :s"),
                {"r": report_id, "a": origin, "s": seq},
            )


def _report_of(kind: str, payload: str) -> tuple[str | None, str | None]:
    data = json.loads(payload)
    if kind in ("review_item", "decision"):
        body = data["envelope"]["body"]
    elif kind == "release":
        body = data["submission"]["body"]
    else:
        return None, None
    return str(body["report_id"]), str(body["agency"])


def downgrade() -> None:
    raise NotImplementedError("the portal schema is only ever upgraded")
