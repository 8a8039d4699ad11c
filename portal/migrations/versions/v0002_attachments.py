"""tus attachment uploads and the content-addressed attachment index.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

Time = sa.BigInteger
Hash = sa.String(64)
KeyId = sa.String(40)


def upgrade() -> None:
    op.create_table(
        "uploads",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("key_id", KeyId, nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("agency", sa.String(32), nullable=False),
        sa.Column("report_id", sa.String(36), nullable=False),
        sa.Column("sha256", Hash, nullable=False),
        sa.Column("media_type", sa.String(255)),
        sa.Column("length", sa.BigInteger, nullable=False),
        sa.Column("received", sa.BigInteger, nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("expires_at", Time, nullable=False),
        sa.Column("completed_at", Time),
        sa.PrimaryKeyConstraint("id", name="pk_uploads"),
    )
    op.create_index("ix_uploads_report_id", "uploads", ["report_id"])
    op.create_index("ix_uploads_expires_at", "uploads", ["expires_at"])
    op.create_table(
        "attachments",
        sa.Column("sha256", Hash, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("stored_at", Time, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_attachments"),
    )


def downgrade() -> None:
    op.drop_table("attachments")
    op.drop_index("ix_uploads_expires_at", table_name="uploads")
    op.drop_index("ix_uploads_report_id", table_name="uploads")
    op.drop_table("uploads")
