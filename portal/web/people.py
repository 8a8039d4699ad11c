"""Principal accounts on the console: NFPs and OFPs, the principals their desktop clients
enrol as. Their facts (agency, member state, role, display name) come from the portal's
principal registry; this module never keeps a second copy of them."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from portal import audit, registry
from portal.database import Database
from portal.tables import (
    agencies,
    certificates,
    operators,
    principals,
    revocations,
    web_accounts,
)
from portal.web.accounts import add_account, issue_activation
from portal.web.console import Viewer, WebError
from sync.protocol.errors import MalformedEnvelope
from sync.protocol.fields import check_identifier


def check_new_account_id(conn: Connection, account_id: str) -> None:
    """A new operator or principal id: well-formed and not anybody's yet (ids are unique
    portal-wide, across operators, principals and every id a certificate names)."""
    try:
        check_identifier(account_id, "account_id", MalformedEnvelope)
    except MalformedEnvelope:
        raise WebError(400, "error_account_id") from None
    taken = (
        conn.execute(
            sa.select(web_accounts.c.account_id).where(web_accounts.c.account_id == account_id)
        ).first()
        or conn.execute(
            sa.select(operators.c.operator_id).where(operators.c.operator_id == account_id)
        ).first()
        or conn.execute(
            sa.select(principals.c.principal_id).where(principals.c.principal_id == account_id)
        ).first()
        or conn.execute(
            sa.select(certificates.c.user_id).where(certificates.c.user_id == account_id)
        ).first()
    )
    if taken is not None:
        raise WebError(409, "error_account_taken", account_id=account_id)


def principal_facts(conn: Connection, account_id: str) -> tuple[str, str, str, str] | None:
    """(role, display name, agency, member state) of a principal with a console account,
    from the principal registry; None once the principal is revoked."""
    row = conn.execute(
        sa.select(principals).where(principals.c.principal_id == account_id)
    ).one_or_none()
    if row is None or row.revoked_at is not None:
        return None
    return (
        str(row.role),
        str(row.display_name or row.principal_id),
        str(row.agency),
        str(row.member_state),
    )


@dataclass(frozen=True, slots=True)
class Person:
    principal_id: str
    display_name: str
    role: str
    agency: str
    member_state: str
    has_account: bool
    activated: bool


@dataclass(frozen=True, slots=True)
class Device:
    key_id: str
    principal_id: str
    role: str
    issued_at: int
    revoked_at: int | None
    reason: str | None


def agency_states(conn: Connection) -> dict[str, str]:
    return {
        str(code): str(state)
        for code, state in conn.execute(sa.select(agencies.c.code, agencies.c.member_state))
    }


def create_principal_account(
    db: Database,
    *,
    principal_id: str,
    display_name: str,
    agency: str,
    role: str,
    method: str,
    creator: Viewer,
    now: int,
    ttl: int,
) -> str:
    """A new NFP or OFP: the principal (the id their desktop clients will enrol as) and
    their console account; returns the account's activation code (shown once).

    The operator creates NFPs of any agency, an NFP creates OFPs of its own state's
    agencies; an agency outside the creator's reach is answered as if it did not exist."""
    allowed = {"operator": ("nfp",), "nfp": ("ofp",)}.get(creator.role, ())
    if role not in allowed:
        raise WebError(403, "error_forbidden")
    try:
        name = registry.check_display_name(display_name)
    except registry.AdminError as exc:
        raise WebError(400, "error_admin", detail=str(exc)) from None
    with db.write() as conn:
        state = registry.agency_state(conn, agency)
        if state is None or not (creator.is_operator or state == creator.member_state):
            raise WebError(404, "error_agency_unknown", code=agency)
        check_new_account_id(conn, principal_id)
        conn.execute(
            principals.insert().values(
                principal_id=principal_id,
                agency=agency,
                member_state=state,
                role=role,
                display_name=name,
                created_at=now,
            )
        )
        add_account(
            conn,
            account_id=principal_id,
            kind="principal",
            method=method,
            created_by=creator.account_id,
            now=now,
        )
        audit.append(
            conn,
            at=now,
            actor=creator.account_id,
            action="console.account.create",
            subject=principal_id,
            details={"agency": agency, "role": role, "method": method},
        )
        return issue_activation(
            conn, account_id=principal_id, created_by=creator.account_id, now=now, ttl=ttl
        )


def people_of(
    conn: Connection,
    *,
    role: str | None = None,
    state: str | None = None,
    agency: str | None = None,
) -> list[Person]:
    """Principals (with or without a console account), narrowed to a role, state, agency."""
    query = sa.select(principals, web_accounts.c.account_id, web_accounts.c.activated_at).outerjoin(
        web_accounts, web_accounts.c.account_id == principals.c.principal_id
    )
    if role is not None:
        query = query.where(principals.c.role == role)
    if state is not None:
        query = query.where(principals.c.member_state == state)
    if agency is not None:
        query = query.where(principals.c.agency == agency)
    rows = conn.execute(query.order_by(principals.c.agency, principals.c.principal_id)).all()
    return [
        Person(
            principal_id=str(r.principal_id),
            display_name=str(r.display_name or ""),
            role=str(r.role),
            agency=str(r.agency),
            member_state=str(r.member_state),
            has_account=r.account_id is not None,
            activated=r.activated_at is not None,
        )
        for r in rows
    ]


def devices_of(conn: Connection, agency: str) -> list[Device]:
    """Every key certified for the agency's people, newest first, with its revocation."""
    rows = conn.execute(
        sa.select(certificates, revocations.c.revoked_at, revocations.c.reason)
        .outerjoin(revocations, revocations.c.key_id == certificates.c.key_id)
        .where(certificates.c.agency == agency)
        .order_by(certificates.c.serial.desc())
    ).all()
    return [
        Device(
            key_id=str(r.key_id),
            principal_id=str(r.user_id),
            role=str(r.role),
            issued_at=int(r.issued_at),
            revoked_at=None if r.revoked_at is None else int(r.revoked_at),
            reason=None if r.reason is None else str(r.reason),
        )
        for r in rows
    ]


def device_agency(conn: Connection, key_id: str) -> str | None:
    return conn.execute(
        sa.select(certificates.c.agency).where(certificates.c.key_id == key_id)
    ).scalar_one_or_none()
