"""Console sessions and CSRF tokens.

A session is a random 256-bit token in a cookie (`__Host-` prefix: Secure, Path=/, no
Domain, so no other site or subdomain can set or read it; HttpOnly; SameSite=Strict); the
database holds only its SHA-256, so a copy of the database signs nobody in. Sessions end
after `idle_seconds` without a request and `session_seconds` after sign-in, whichever
comes first, and at sign-out. They live in the database, not in a process, so any portal
process serves any request.

CSRF: every form carries a token that is an HMAC of the session token (or, before sign-in,
of a random pre-session cookie) under a key derived from the portal's signing key. Another
site can make a browser send the cookie but cannot read the page, so it cannot know the
token; SameSite=Strict already keeps the cookie off cross-site requests, and the token
covers browsers or proxies that do not honour it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import Final

import sqlalchemy as sa

from portal.database import Database
from portal.tables import web_sessions

SESSION_COOKIE: Final = "__Host-outpost-session"
PRESESSION_COOKIE: Final = "__Host-outpost-pre"
TOUCH_EVERY: Final = 30  # seconds: last_seen_at is rewritten at most this often


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


@dataclass(frozen=True, slots=True)
class Session:
    token: str
    account_id: str
    created_at: int

    @property
    def token_hash(self) -> str:
        return token_hash(self.token)


def start(db: Database, account_id: str, *, now: int, lifetime: int) -> Session:
    token = secrets.token_urlsafe(32)
    with db.write() as conn:
        conn.execute(web_sessions.delete().where(web_sessions.c.expires_at < now))
        conn.execute(
            web_sessions.insert().values(
                token_hash=token_hash(token),
                account_id=account_id,
                created_at=now,
                last_seen_at=now,
                expires_at=now + lifetime,
            )
        )
    return Session(token, account_id, now)


def resume(db: Database, token: str | None, *, now: int, idle: int) -> Session | None:
    """The live session of this cookie, or None (unknown, idle too long, or expired)."""
    if not token or len(token) > 64:
        return None
    digest = token_hash(token)
    with db.read() as conn:
        row = conn.execute(
            sa.select(web_sessions).where(web_sessions.c.token_hash == digest)
        ).one_or_none()
    if row is None:
        return None
    if row.expires_at <= now or row.last_seen_at + idle <= now:
        end(db, token)
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        with db.write() as conn:
            conn.execute(
                web_sessions.update()
                .where(web_sessions.c.token_hash == digest)
                .values(last_seen_at=now)
            )
    return Session(token, str(row.account_id), int(row.created_at))


def end(db: Database, token: str) -> None:
    with db.write() as conn:
        conn.execute(web_sessions.delete().where(web_sessions.c.token_hash == token_hash(token)))


def end_all(db: Database, account_id: str) -> None:
    """Every session of an account (disabled account, lost key)."""
    with db.write() as conn:
        conn.execute(web_sessions.delete().where(web_sessions.c.account_id == account_id))


def csrf_token(secret: bytes, bound_to: str) -> str:
    mac = hmac.new(secret, b"outpost/console-csrf/v1\n" + bound_to.encode(), hashlib.sha256)
    return mac.hexdigest()


def csrf_ok(secret: bytes, bound_to: str | None, given: str | None) -> bool:
    if not bound_to or not given:
        return False
    return hmac.compare_digest(csrf_token(secret, bound_to), given)
