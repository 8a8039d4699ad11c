"""The portal schema in SQLAlchemy Core, portable between SQLite and PostgreSQL.

Times are Unix seconds (BigInteger): no time-zone handling differences between engines.
Documents that are signed (certificates, envelopes, receipts) are stored as their canonical
JSON text, so the bytes handed back to clients are exactly the bytes first produced.

This module is the schema the code expects; the database gets it only through the Alembic
revisions in portal/migrations (a test checks that both agree).
"""

from __future__ import annotations

import sqlalchemy as sa

# Named constraints: the same names on SQLite and PostgreSQL, so later migrations (SQLite
# batch mode rebuilds tables) can refer to them.
metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# A 64-bit key on PostgreSQL; on SQLite only INTEGER PRIMARY KEY aliases the rowid.
SeqId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Time = sa.BigInteger
Hash = sa.String(64)
KeyId = sa.String(40)

agencies = sa.Table(
    "agencies",
    metadata,
    sa.Column("code", sa.String(32), primary_key=True),
    sa.Column("member_state", sa.String(3), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("created_at", Time, nullable=False),
    # A partner organisation on the portal that is not a member-state agency: it receives a
    # release only when the approver allowed third parties (or the release is TLP:CLEAR).
    sa.Column("third_party", sa.Boolean, nullable=False, server_default=sa.false()),
)

# Every person (and device user) the portal knows, by the id their certificates carry. The
# id is unique portal-wide and bound to one agency for good: audiences, recipient lists and
# decisions name principals, and certificates travel to everyone, so an id taken by one
# person can never be claimed by another. Their keys are the rows of `certificates` whose
# user_id is the principal id.
principals = sa.Table(
    "principals",
    metadata,
    sa.Column("principal_id", sa.String(128), primary_key=True),
    sa.Column("agency", sa.String(32), sa.ForeignKey("agencies.code"), nullable=False),
    sa.Column("member_state", sa.String(3), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),  # as certified by the latest enrolment
    sa.Column("display_name", sa.Text),  # personal data: never in a certificate
    sa.Column("created_at", Time, nullable=False),
    sa.Column("revoked_at", Time),
)

enrolment_codes = sa.Table(
    "enrolment_codes",
    metadata,
    # SHA-256 of the code: the database never holds a usable code.
    sa.Column("code_hash", Hash, primary_key=True),
    sa.Column("agency", sa.String(32), sa.ForeignKey("agencies.code"), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("created_at", Time, nullable=False),
    sa.Column("expires_at", Time, nullable=False),
    sa.Column("used_at", Time),
    sa.Column("used_by_key", KeyId),
    # A code may be issued for one person: then only that principal id can spend it.
    sa.Column("principal_id", sa.String(128)),
    sa.Column("display_name", sa.Text),
)

certificates = sa.Table(
    "certificates",
    metadata,
    sa.Column("serial", SeqId, primary_key=True, autoincrement=True),
    sa.Column("key_id", KeyId, nullable=False, unique=True),
    sa.Column("user_id", sa.String(128), nullable=False),
    sa.Column("agency", sa.String(32), sa.ForeignKey("agencies.code"), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("issued_at", Time, nullable=False),
    sa.Column("certificate", sa.Text, nullable=False),
    sqlite_autoincrement=True,
)

revocations = sa.Table(
    "revocations",
    metadata,
    sa.Column("key_id", KeyId, primary_key=True),
    sa.Column("revoked_at", Time, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)

# Nonces of accepted request signatures; rows older than twice the window are pruned
# (a replay that old already fails the created-time check).
nonces = sa.Table(
    "nonces",
    metadata,
    sa.Column("key_id", KeyId, primary_key=True),
    sa.Column("nonce", sa.String(128), primary_key=True),
    sa.Column("created", Time, nullable=False, index=True),
)

envelopes = sa.Table(
    "envelopes",
    metadata,
    # The portal sequence number named in the receipt.
    sa.Column("portal_seq", SeqId, primary_key=True, autoincrement=True),
    sa.Column("hash", Hash, nullable=False, unique=True),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("key_id", KeyId, nullable=False),
    sa.Column("user_id", sa.String(128), nullable=False),
    sa.Column("agency", sa.String(32), nullable=False),
    sa.Column("report_id", sa.String(36), nullable=False, index=True),
    # "<report_id>/<version>" for submissions: one envelope per report version.
    sa.Column("report_version_key", sa.String(64), unique=True),
    # For approvals, the decided submission's hash: one decision per submission.
    sa.Column("decides", Hash, unique=True),
    sa.Column("received_at", Time, nullable=False),
    sa.Column("envelope", sa.Text, nullable=False),
    sa.Column("receipt", sa.Text, nullable=False),
    sqlite_autoincrement=True,
)

feed_items = sa.Table(
    "feed_items",
    metadata,
    sa.Column("seq", SeqId, primary_key=True, autoincrement=True),
    # alert, bulletin, mou_template, fraud_notice, review_item, decision, release,
    # certificate, revocation
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("created_at", Time, nullable=False),
    sa.Column("tlp", sa.String(16)),
    # For items about a report (review_item, decision, release): the report and the agency it
    # came from, so that agency's focal points can read who received it (GET /v1/register).
    sa.Column("report_id", sa.String(36), index=True),
    sa.Column("origin_agency", sa.String(32)),
    # TLP rule (sync.protocol.tlp): principals of third-party organisations are kept out.
    sa.Column("closed_to_third_parties", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("payload", sa.Text, nullable=False),
    sqlite_autoincrement=True,
)

# Who may read each feed item: one row per grant, an item is visible to a reader matching
# any of its rows. scope/value: "all"/"" (everyone), "state"/ISO alpha-3, "agency"/code,
# "principal"/principal id (with that principal's agency, checked too), "ofp"/agency code
# and "nfp"/member state (the reviewers). Indexed by (scope, value, seq), so the feed's
# visibility rule is an indexed SQL filter.
feed_audience = sa.Table(
    "feed_audience",
    metadata,
    sa.Column("seq", SeqId, sa.ForeignKey("feed_items.seq"), primary_key=True),
    sa.Column("scope", sa.String(16), primary_key=True),
    sa.Column("value", sa.String(128), primary_key=True),
    sa.Column("agency", sa.String(32)),
    sa.Index("ix_feed_audience_scope", "scope", "value", "seq"),
)

dissemination = sa.Table(
    "dissemination",
    metadata,
    sa.Column("id", SeqId, primary_key=True, autoincrement=True),
    sa.Column("feed_seq", SeqId, sa.ForeignKey("feed_items.seq"), nullable=False),
    sa.Column("user_id", sa.String(128), nullable=False),
    sa.Column("agency", sa.String(32), nullable=False),
    sa.Column("key_id", KeyId, nullable=False),
    sa.Column("delivered_at", Time, nullable=False),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("seq", SeqId, primary_key=True, autoincrement=True),
    sa.Column("at", Time, nullable=False),
    sa.Column("actor", sa.String(128), nullable=False),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("details", sa.Text, nullable=False),  # canonical JSON
    sa.Column("prev_hash", Hash, nullable=False),
    sa.Column("hash", Hash, nullable=False),
    sqlite_autoincrement=True,
)

# tus uploads in progress and done (docs/protocol.md §5.8). The bytes live in files under
# the data directory; the row is the truth about how many of them count (`received`).
uploads = sa.Table(
    "uploads",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),  # random, unguessable
    sa.Column("key_id", KeyId, nullable=False),
    sa.Column("user_id", sa.String(128), nullable=False),
    sa.Column("agency", sa.String(32), nullable=False),
    sa.Column("report_id", sa.String(36), nullable=False, index=True),
    sa.Column("sha256", Hash, nullable=False),  # declared hash of the whole file
    sa.Column("media_type", sa.String(255)),
    sa.Column("length", sa.BigInteger, nullable=False),
    sa.Column("received", sa.BigInteger, nullable=False),
    sa.Column("created_at", Time, nullable=False),
    sa.Column("expires_at", Time, nullable=False, index=True),
    sa.Column("completed_at", Time),
)

# Completed files, content-addressed: one copy per SHA-256 however many uploads carried it.
attachments = sa.Table(
    "attachments",
    metadata,
    sa.Column("sha256", Hash, primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("stored_at", Time, nullable=False),
)

# A member state's national rule for releases (portal/national_rules.py): whether an OFP's
# approval may release beyond the state by itself, or the state's NFP must release it in a
# second signed decision (the default when a state has no row).
national_rules = sa.Table(
    "national_rules",
    metadata,
    sa.Column("member_state", sa.String(3), primary_key=True),  # ISO 3166-1 alpha-3
    sa.Column("ofp_releases", sa.Boolean, nullable=False),
    sa.Column("set_by", sa.String(128), nullable=False),
    sa.Column("set_at", Time, nullable=False),
)

# -- The web console (portal/web/) -----------------------------------------------------------
# People sign in to the console; devices never do. A console account is a principal (or a
# portal operator) with a way to sign in; sessions, challenges and login failures live in the
# database so that several portal processes share them.

member_states = sa.Table(
    "member_states",
    metadata,
    sa.Column("code", sa.String(3), primary_key=True),  # ISO 3166-1 alpha-3
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("created_at", Time, nullable=False),
)

# Portal operators: people who run the portal. Not principals of any agency (they hold no
# device certificate); their ids share the console's namespace with principal ids.
operators = sa.Table(
    "operators",
    metadata,
    sa.Column("operator_id", sa.String(128), primary_key=True),
    sa.Column("display_name", sa.Text, nullable=False),
    sa.Column("created_at", Time, nullable=False),
)

web_accounts = sa.Table(
    "web_accounts",
    metadata,
    sa.Column("account_id", sa.String(128), primary_key=True),  # principal or operator id
    sa.Column("kind", sa.String(16), nullable=False),  # "operator" or "principal"
    # "security-key" (WebAuthn only) or "passphrase-totp" (for an agency without keys)
    sa.Column("method", sa.String(16), nullable=False),
    sa.Column("created_by", sa.String(128), nullable=False),
    sa.Column("created_at", Time, nullable=False),
    sa.Column("activated_at", Time),
    sa.Column("disabled_at", Time),
)

# One-time codes with which a new account sets up its first security key or passphrase.
web_activation_codes = sa.Table(
    "web_activation_codes",
    metadata,
    sa.Column("code_hash", Hash, primary_key=True),  # SHA-256: no usable code is stored
    sa.Column("account_id", sa.String(128), nullable=False, index=True),
    sa.Column("created_by", sa.String(128), nullable=False),
    sa.Column("created_at", Time, nullable=False),
    sa.Column("expires_at", Time, nullable=False),
    sa.Column("used_at", Time),
)

webauthn_credentials = sa.Table(
    "webauthn_credentials",
    metadata,
    sa.Column("credential_id", sa.String(1400), primary_key=True),  # base64url
    sa.Column("account_id", sa.String(128), nullable=False, index=True),
    sa.Column("public_key", sa.Text, nullable=False),  # COSE key, base64url
    sa.Column("sign_count", sa.BigInteger, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("created_at", Time, nullable=False),
    sa.Column("last_used_at", Time),
)

web_passphrases = sa.Table(
    "web_passphrases",
    metadata,
    sa.Column("account_id", sa.String(128), primary_key=True),
    sa.Column("verifier", sa.Text, nullable=False),  # Argon2id parameters, salt and digest
    sa.Column("totp_secret", sa.String(64), nullable=False),
    sa.Column("totp_last_step", sa.BigInteger, nullable=False),  # a code counts once
    sa.Column("created_at", Time, nullable=False),
)

web_sessions = sa.Table(
    "web_sessions",
    metadata,
    sa.Column("token_hash", Hash, primary_key=True),  # SHA-256 of the cookie's token
    sa.Column("account_id", sa.String(128), nullable=False, index=True),
    sa.Column("created_at", Time, nullable=False),
    sa.Column("last_seen_at", Time, nullable=False),
    sa.Column("expires_at", Time, nullable=False, index=True),
)

# A WebAuthn ceremony's challenge between the options and the browser's answer.
web_challenges = sa.Table(
    "web_challenges",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("purpose", sa.String(16), nullable=False),  # "register" or "login"
    sa.Column("account_id", sa.String(128), nullable=False),
    sa.Column("challenge", sa.String(128), nullable=False),
    sa.Column("expires_at", Time, nullable=False, index=True),
)

web_login_failures = sa.Table(
    "web_login_failures",
    metadata,
    sa.Column("id", SeqId, primary_key=True, autoincrement=True),
    sa.Column("account_id", sa.String(128), nullable=False),
    sa.Column("source", sa.String(64), nullable=False),
    sa.Column("at", Time, nullable=False, index=True),
    sa.Index("ix_web_login_failures_account", "account_id", "at"),
    sqlite_autoincrement=True,
)
