"""National release rules: per member state, may an OFP release beyond it directly.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "national_rules",
        sa.Column("member_state", sa.String(3), nullable=False),
        sa.Column("ofp_releases", sa.Boolean, nullable=False),
        sa.Column("set_by", sa.String(128), nullable=False),
        sa.Column("set_at", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("member_state", name="pk_national_rules"),
    )


def downgrade() -> None:
    op.drop_table("national_rules")
