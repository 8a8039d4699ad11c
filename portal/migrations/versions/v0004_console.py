"""The web console: member states, operators, console accounts and their sign-in means,
activation codes, sessions, WebAuthn challenges and login failures.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

Time = sa.BigInteger
Hash = sa.String(64)
SeqId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "member_states",
        sa.Column("code", sa.String(3), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.PrimaryKeyConstraint("code", name="pk_member_states"),
    )
    op.create_table(
        "operators",
        sa.Column("operator_id", sa.String(128), nullable=False),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.PrimaryKeyConstraint("operator_id", name="pk_operators"),
    )
    op.create_table(
        "web_accounts",
        sa.Column("account_id", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("activated_at", Time),
        sa.Column("disabled_at", Time),
        sa.PrimaryKeyConstraint("account_id", name="pk_web_accounts"),
    )
    op.create_table(
        "web_activation_codes",
        sa.Column("code_hash", Hash, nullable=False),
        sa.Column("account_id", sa.String(128), nullable=False),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("expires_at", Time, nullable=False),
        sa.Column("used_at", Time),
        sa.PrimaryKeyConstraint("code_hash", name="pk_web_activation_codes"),
    )
    op.create_index(
        "ix_web_activation_codes_account_id", "web_activation_codes", ["account_id"]
    )
    op.create_table(
        "webauthn_credentials",
        sa.Column("credential_id", sa.String(1400), nullable=False),
        sa.Column("account_id", sa.String(128), nullable=False),
        sa.Column("public_key", sa.Text, nullable=False),
        sa.Column("sign_count", sa.BigInteger, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("last_used_at", Time),
        sa.PrimaryKeyConstraint("credential_id", name="pk_webauthn_credentials"),
    )
    op.create_index(
        "ix_webauthn_credentials_account_id", "webauthn_credentials", ["account_id"]
    )
    op.create_table(
        "web_passphrases",
        sa.Column("account_id", sa.String(128), nullable=False),
        sa.Column("verifier", sa.Text, nullable=False),
        sa.Column("totp_secret", sa.String(64), nullable=False),
        sa.Column("totp_last_step", sa.BigInteger, nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.PrimaryKeyConstraint("account_id", name="pk_web_passphrases"),
    )
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", Hash, nullable=False),
        sa.Column("account_id", sa.String(128), nullable=False),
        sa.Column("created_at", Time, nullable=False),
        sa.Column("last_seen_at", Time, nullable=False),
        sa.Column("expires_at", Time, nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_web_sessions"),
    )
    op.create_index("ix_web_sessions_account_id", "web_sessions", ["account_id"])
    op.create_index("ix_web_sessions_expires_at", "web_sessions", ["expires_at"])
    op.create_table(
        "web_challenges",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("purpose", sa.String(16), nullable=False),
        sa.Column("account_id", sa.String(128), nullable=False),
        sa.Column("challenge", sa.String(128), nullable=False),
        sa.Column("expires_at", Time, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_web_challenges"),
    )
    op.create_index("ix_web_challenges_expires_at", "web_challenges", ["expires_at"])
    op.create_table(
        "web_login_failures",
        sa.Column("id", SeqId, nullable=False, autoincrement=True),
        sa.Column("account_id", sa.String(128), nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("at", Time, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_web_login_failures"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_web_login_failures_at", "web_login_failures", ["at"])
    op.create_index(
        "ix_web_login_failures_account", "web_login_failures", ["account_id", "at"]
    )


def downgrade() -> None:
    for table in (
        "web_login_failures",
        "web_challenges",
        "web_sessions",
        "web_passphrases",
        "webauthn_credentials",
        "web_activation_codes",
        "web_accounts",
        "operators",
        "member_states",
    ):
        op.drop_table(table)
