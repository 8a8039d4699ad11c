"""Principal accounts on the console: NFPs and OFPs, the principals their desktop clients
enrol as. Their facts (agency, member state, role, display name) come from the portal's
principal registry; this module never keeps a second copy of them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from portal.tables import certificates, operators, principals, web_accounts
from portal.web.console import WebError
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
