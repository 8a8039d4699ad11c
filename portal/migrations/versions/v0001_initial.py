"""The portal core: agencies, enrolment, certificates, revocations, nonces, envelopes, feed,
dissemination register and audit log.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# Frozen copies of the column types of portal/tables.py as of this revision.
SeqId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Time = sa.BigInteger
Hash = sa.String(64)
KeyId = sa.String(40)


def upgrade() -> None:
    op.create_table(
        "agencies",
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("member_state", sa.String(3), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_agencies"),
    )
    op.create_table(
        "enrolment_codes",
        sa.Column("code_hash", Hash, nullable=False),
        sa.Column("agency", sa.String(32), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("expires_at", Time, nullable=False),
        sa.Column("used_at", Time),
        sa.Column("used_by_key", KeyId),
        sa.PrimaryKeyConstraint("code_hash", name="pk_enrolment_codes"),
        sa.ForeignKeyConstraint(
            ["agency"], ["agencies.code"], name="fk_enrolment_codes_agency_agencies"
        ),
    )
    op.create_table(
        "certificates",
        sa.Column("serial", SeqId, autoincrement=True, nullable=False),
        sa.Column("key_id", KeyId, nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("agency", sa.String(32), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("issued_at", Time, nullable=False),
        sa.Column("certificate", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("serial", name="pk_certificates"),
        sa.UniqueConstraint("key_id", name="uq_certificates_key_id"),
        sa.ForeignKeyConstraint(
            ["agency"], ["agencies.code"], name="fk_certificates_agency_agencies"
        ),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "revocations",
        sa.Column("key_id", KeyId, nullable=False),
        sa.Column("revoked_at", Time, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("key_id", name="pk_revocations"),
    )
    op.create_table(
        "nonces",
        sa.Column("key_id", KeyId, nullable=False),
        sa.Column("nonce", sa.String(128), nullable=False),
        sa.Column("created", Time, nullable=False),
        sa.PrimaryKeyConstraint("key_id", "nonce", name="pk_nonces"),
    )
    op.create_index("ix_nonces_created", "nonces", ["created"])
    op.create_table(
        "envelopes",
        sa.Column("portal_seq", SeqId, autoincrement=True, nullable=False),
        sa.Column("hash", Hash, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("key_id", KeyId, nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("agency", sa.String(32), nullable=False),
        sa.Column("report_id", sa.String(36), nullable=False),
        sa.Column("report_version_key", sa.String(64)),
        sa.Column("decides", Hash),
        sa.Column("received_at", Time, nullable=False),
        sa.Column("envelope", sa.Text, nullable=False),
        sa.Column("receipt", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("portal_seq", name="pk_envelopes"),
        sa.UniqueConstraint("hash", name="uq_envelopes_hash"),
        sa.UniqueConstraint("report_version_key", name="uq_envelopes_report_version_key"),
        sa.UniqueConstraint("decides", name="uq_envelopes_decides"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_envelopes_report_id", "envelopes", ["report_id"])
    op.create_table(
        "feed_items",
        sa.Column("seq", SeqId, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("audience", sa.String(16), nullable=False),
        sa.Column("audience_agency", sa.String(32)),
        sa.Column("audience_state", sa.String(3)),
        sa.Column("audience_user", sa.String(128)),
        sa.Column("audience_states", sa.Text),
        sa.Column("tlp", sa.String(16)),
        sa.Column("recipients", sa.Text),
        sa.Column("payload", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_feed_items"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "dissemination",
        sa.Column("id", SeqId, autoincrement=True, nullable=False),
        sa.Column("feed_seq", SeqId, nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("agency", sa.String(32), nullable=False),
        sa.Column("key_id", KeyId, nullable=False),
        sa.Column("delivered_at", Time, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_dissemination"),
        sa.ForeignKeyConstraint(
            ["feed_seq"], ["feed_items.seq"], name="fk_dissemination_feed_seq_feed_items"
        ),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", SeqId, autoincrement=True, nullable=False),
        sa.Column("at", Time, nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("prev_hash", Hash, nullable=False),
        sa.Column("hash", Hash, nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_audit_log"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    for table in (
        "audit_log",
        "dissemination",
        "feed_items",
        "envelopes",
        "nonces",
        "revocations",
        "certificates",
        "enrolment_codes",
        "agencies",
    ):
        op.drop_table(table)
