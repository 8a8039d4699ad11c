"""Console accounts: who may sign in, how, and how an account is first activated.

An account is a principal of an agency (an NFP or OFP, the same principal id their desktop
certificates carry) or a portal operator. Nobody registers themselves: the operator creates
operators and NFP accounts, an NFP its state's OFP accounts (portal/web/people.py). A new
account gets a one-time activation code, shown once to its creator and handed over in
person or by phone; with it the account's owner registers a security key (or, where the
agency has none, sets a passphrase and an authenticator app) and is signed in.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from starlette.requests import Request

from portal import audit
from portal.database import Database
from portal.tables import (
    operators,
    web_accounts,
    web_activation_codes,
    web_passphrases,
    webauthn_credentials,
)
from portal.web import sessions
from portal.web.console import Viewer, WebError, console_of

METHODS: Final = ("security-key", "passphrase-totp")
CODE_CHARS: Final = 16  # base32, 80 bits


@dataclass(frozen=True, slots=True)
class Account:
    account_id: str
    kind: str
    method: str
    role: str
    display_name: str
    agency: str | None
    member_state: str | None
    activated: bool
    disabled: bool


def _principal_facts(conn: Connection, account_id: str) -> tuple[str, str, str, str] | None:
    """(role, display name, agency, member state) of a principal account, from the portal's
    principal registry."""
    from portal.web import people

    return people.principal_facts(conn, account_id)


def load(conn: Connection, account_id: str) -> Account | None:
    row = conn.execute(
        sa.select(web_accounts).where(web_accounts.c.account_id == account_id)
    ).one_or_none()
    if row is None:
        return None
    if row.kind == "operator":
        name = conn.execute(
            sa.select(operators.c.display_name).where(operators.c.operator_id == account_id)
        ).scalar_one_or_none()
        if name is None:
            return None
        role, display, agency, state = "operator", str(name), None, None
    else:
        facts = _principal_facts(conn, account_id)
        if facts is None:
            return None
        role, display, agency_code, state_code = facts
        agency, state = agency_code, state_code
    return Account(
        account_id=str(row.account_id),
        kind=str(row.kind),
        method=str(row.method),
        role=role,
        display_name=display,
        agency=agency,
        member_state=state,
        activated=row.activated_at is not None,
        disabled=row.disabled_at is not None,
    )


def viewer_of(request: Request, now: int) -> Viewer | None:
    console = console_of(request)
    session = sessions.resume(
        console.db,
        request.cookies.get(sessions.SESSION_COOKIE),
        now=now,
        idle=console.config.idle_seconds,
    )
    if session is None:
        return None
    with console.db.read() as conn:
        account = load(conn, session.account_id)
    if account is None or account.disabled or not account.activated:
        sessions.end(console.db, session.token)
        return None
    return Viewer(
        account_id=account.account_id,
        kind=account.kind,
        role=account.role,
        display_name=account.display_name,
        agency=account.agency,
        member_state=account.member_state,
        session=session,
    )


def new_code() -> str:
    raw = base64.b32encode(secrets.token_bytes(10)).decode("ascii")[:CODE_CHARS]
    return "-".join(raw[i : i + 4] for i in range(0, CODE_CHARS, 4))


def hash_code(code: str) -> str:
    normal = "".join(code.split()).replace("-", "").upper()
    return hashlib.sha256(b"outpost/console-activation/v1\n" + normal.encode()).hexdigest()


def add_account(
    conn: Connection, *, account_id: str, kind: str, method: str, created_by: str, now: int
) -> None:
    if method not in METHODS:
        raise WebError(400, "error_method")
    conn.execute(
        web_accounts.insert().values(
            account_id=account_id, kind=kind, method=method, created_by=created_by, created_at=now
        )
    )


def issue_activation(
    conn: Connection, *, account_id: str, created_by: str, now: int, ttl: int
) -> str:
    """A new activation code for the account (earlier unused ones stop working)."""
    conn.execute(
        web_activation_codes.delete()
        .where(web_activation_codes.c.account_id == account_id)
        .where(web_activation_codes.c.used_at.is_(None))
    )
    code = new_code()
    conn.execute(
        web_activation_codes.insert().values(
            code_hash=hash_code(code),
            account_id=account_id,
            created_by=created_by,
            created_at=now,
            expires_at=now + ttl,
        )
    )
    audit.append(
        conn,
        at=now,
        actor=created_by,
        action="console.activation.issue",
        subject=account_id,
        details={"expires_at": now + ttl},
    )
    return code


def create_operator(
    db: Database,
    *,
    operator_id: str,
    display_name: str,
    method: str,
    created_by: str,
    now: int,
    ttl: int,
) -> str:
    """A new operator account; returns its activation code (shown once)."""
    from portal.web.people import check_new_account_id

    with db.write() as conn:
        check_new_account_id(conn, operator_id)
        conn.execute(
            operators.insert().values(
                operator_id=operator_id, display_name=display_name, created_at=now
            )
        )
        add_account(
            conn,
            account_id=operator_id,
            kind="operator",
            method=method,
            created_by=created_by,
            now=now,
        )
        audit.append(
            conn,
            at=now,
            actor=created_by,
            action="console.operator.create",
            subject=operator_id,
            details={"method": method},
        )
        return issue_activation(
            conn, account_id=operator_id, created_by=created_by, now=now, ttl=ttl
        )


def pending_activation(conn: Connection, account_id: str, code: str, now: int) -> bool:
    """Whether `code` is this account's unused, unexpired activation code."""
    row = conn.execute(
        sa.select(web_activation_codes).where(web_activation_codes.c.code_hash == hash_code(code))
    ).one_or_none()
    return bool(
        row is not None
        and row.account_id == account_id
        and row.used_at is None
        and row.expires_at > now
    )


def spend_activation(conn: Connection, account_id: str, code: str, now: int) -> bool:
    spent = conn.execute(
        web_activation_codes.update()
        .where(web_activation_codes.c.code_hash == hash_code(code))
        .where(web_activation_codes.c.account_id == account_id)
        .where(web_activation_codes.c.used_at.is_(None))
        .where(web_activation_codes.c.expires_at > now)
        .values(used_at=now)
    )
    if spent.rowcount != 1:
        return False
    conn.execute(
        web_accounts.update()
        .where(web_accounts.c.account_id == account_id)
        .values(activated_at=now)
    )
    return True


def credentials_of(conn: Connection, account_id: str) -> list[sa.Row[tuple[object, ...]]]:
    return list(
        conn.execute(
            sa.select(webauthn_credentials)
            .where(webauthn_credentials.c.account_id == account_id)
            .order_by(webauthn_credentials.c.created_at)
        ).all()
    )


def passphrase_of(conn: Connection, account_id: str) -> sa.Row[tuple[object, ...]] | None:
    return conn.execute(
        sa.select(web_passphrases).where(web_passphrases.c.account_id == account_id)
    ).one_or_none()
