"""Agencies, enrolment codes, certificates and revocations: the portal's key registry."""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Final, cast

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from portal import audit
from portal.clock import as_datetime
from portal.database import Database, inserted_id
from portal.feed_items import PUBLISHED_KINDS, add_item
from portal.keys import PortalKeys
from portal.problems import Problem
from portal.tables import agencies, certificates, enrolment_codes, revocations
from sync.protocol import Certificate, Role, issue_certificate, key_id
from sync.protocol.canonical import JsonObject
from sync.protocol.errors import MalformedEnvelope
from sync.protocol.fields import check_agency, check_country, check_identifier

ENROLLABLE_ROLES: Final[tuple[Role, ...]] = ("officer", "ofp", "nfp")
CODE_CHARS: Final = 16  # base32: 80 bits


class AdminError(ValueError):
    """An operator command that cannot be carried out (unknown agency, bad value...)."""


def _valid(
    check: Callable[[str, str, type[MalformedEnvelope]], None], value: str, name: str
) -> None:
    """Apply one of the protocol's value rules, reporting a failure as an AdminError."""
    try:
        check(value, name, MalformedEnvelope)
    except MalformedEnvelope as exc:
        raise AdminError(str(exc)) from None


def create_agency(db: Database, *, code: str, member_state: str, name: str, now: int) -> None:
    _valid(check_agency, code, "agency")
    _valid(check_country, member_state, "member_state")
    try:
        with db.write() as conn:
            conn.execute(
                agencies.insert().values(
                    code=code, member_state=member_state, name=name, created_at=now
                )
            )
            audit.append(
                conn,
                at=now,
                actor="operator",
                action="agency.create",
                subject=code,
                details={"member_state": member_state, "name": name},
            )
    except IntegrityError:
        raise AdminError(f"agency {code} already exists") from None


def agency_state(conn: Connection, agency: str) -> str | None:
    return conn.execute(
        sa.select(agencies.c.member_state).where(agencies.c.code == agency)
    ).scalar_one_or_none()


def normalise_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()


def hash_code(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode("utf-8")).hexdigest()


def issue_code(db: Database, *, agency: str, role: str, ttl_seconds: int, now: int) -> str:
    """A new one-time enrolment code, e.g. "ABCD-EFGH-JKLM-NPQR"; only its hash is stored."""
    if role not in ENROLLABLE_ROLES:
        raise AdminError(f"role must be one of {', '.join(ENROLLABLE_ROLES)}")
    if ttl_seconds <= 0:
        raise AdminError("the code must be valid for a positive time")
    raw = base64.b32encode(secrets.token_bytes(10)).decode("ascii")[:CODE_CHARS]
    code = "-".join(raw[i : i + 4] for i in range(0, CODE_CHARS, 4))
    with db.write() as conn:
        if agency_state(conn, agency) is None:
            raise AdminError(f"unknown agency {agency}")
        conn.execute(
            enrolment_codes.insert().values(
                code_hash=hash_code(code),
                agency=agency,
                role=role,
                created_at=now,
                expires_at=now + ttl_seconds,
            )
        )
        audit.append(
            conn,
            at=now,
            actor="operator",
            action="code.issue",
            subject=agency,
            details={"role": role, "expires_at": now + ttl_seconds},
        )
    return code


def enrol(
    db: Database,
    keys: PortalKeys,
    *,
    code: str,
    public_key: bytes,
    user_id: str,
    now: int,
    certificate_days: int,
) -> Certificate:
    """Spend a one-time code and certify `public_key` for its agency and role."""
    subject = key_id(public_key)
    with db.write() as conn:
        row = conn.execute(
            sa.select(enrolment_codes).where(enrolment_codes.c.code_hash == hash_code(code))
        ).one_or_none()
        if row is None:
            raise Problem("invalid-enrolment-code", "no such enrolment code")
        if row.used_at is not None:
            raise Problem("used-enrolment-code", "this enrolment code has been used")
        if row.expires_at <= now:
            raise Problem("expired-enrolment-code", "this enrolment code has expired")
        known = conn.execute(
            sa.select(certificates.c.serial).where(certificates.c.key_id == subject)
        ).first()
        if known is not None:
            raise Problem("key-already-enrolled", f"key {subject} already has a certificate")
        # Guarded update: even without the write lock a code could be spent only once.
        spent = conn.execute(
            enrolment_codes.update()
            .where(enrolment_codes.c.code_hash == row.code_hash)
            .where(enrolment_codes.c.used_at.is_(None))
            .values(used_at=now, used_by_key=subject)
        )
        if spent.rowcount != 1:
            raise Problem("used-enrolment-code", "this enrolment code has been used")
        serial = inserted_id(
            conn.execute(
                certificates.insert().values(
                    key_id=subject,
                    user_id=user_id,
                    agency=row.agency,
                    role=row.role,
                    issued_at=now,
                    certificate="",
                )
            )
        )
        start = as_datetime(now)
        certificate = issue_certificate(
            public_key=public_key,
            user_id=user_id,
            agency=row.agency,
            role=cast(Role, row.role),
            not_before=start,
            not_after=start + timedelta(days=certificate_days),
            serial=serial,
            issuer_key=keys.signing_key,
        )
        conn.execute(
            certificates.update()
            .where(certificates.c.serial == serial)
            .values(certificate=certificate.to_bytes().decode("utf-8"))
        )
        add_item(conn, kind="certificate", at=now, payload=certificate.to_json(), audience="all")
        audit.append(
            conn,
            at=now,
            actor=user_id,
            action="enrol",
            subject=subject,
            details={"agency": row.agency, "role": row.role, "serial": serial},
        )
    return certificate


def revoke(db: Database, *, key: str, reason: str, now: int, actor: str = "operator") -> None:
    with db.write() as conn:
        known = conn.execute(
            sa.select(certificates.c.serial).where(certificates.c.key_id == key)
        ).first()
        if known is None:
            raise AdminError(f"no certificate for key {key}")
        already = conn.execute(
            sa.select(revocations.c.key_id).where(revocations.c.key_id == key)
        ).first()
        if already is not None:
            raise AdminError(f"key {key} is already revoked")
        conn.execute(revocations.insert().values(key_id=key, revoked_at=now, reason=reason))
        payload: JsonObject = {
            "key_id": key,
            "revoked_at": as_datetime(now).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "reason": reason,
        }
        add_item(conn, kind="revocation", at=now, payload=payload, audience="all")
        audit.append(conn, at=now, actor=actor, action="revoke", subject=key, details=payload)


def publish(db: Database, document: JsonObject, *, now: int) -> int:
    """Publish an alert, bulletin, MOU template or fraud notice (see docs §5.5)."""
    kind = document.get("kind")
    if kind not in PUBLISHED_KINDS:
        raise AdminError(f"kind must be one of {', '.join(PUBLISHED_KINDS)}")
    tlp = document.get("tlp", "CLEAR")
    if tlp not in ("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"):
        raise AdminError("tlp must be a TLP 2.0 label")
    recipients = document.get("recipients")
    if recipients is not None and not (
        isinstance(recipients, list) and all(isinstance(r, str) for r in recipients)
    ):
        raise AdminError("recipients must be a list of user ids")
    if tlp == "RED" and not recipients:
        raise AdminError("a TLP:RED item needs named recipients")
    states = document.get("member_states")
    if states is not None:
        if not isinstance(states, list):
            raise AdminError("member_states must be a list of ISO alpha-3 codes")
        for state in states:
            _valid(check_country, str(state), "member_states")
    for field in ("title", "body"):
        if not isinstance(document.get(field), str):
            raise AdminError(f"{field} must be a string")
    with db.write() as conn:
        seq = add_item(
            conn,
            kind=str(kind),
            at=now,
            payload=document,
            audience="all" if states is None else "states",
            states=None if states is None else [str(s) for s in states],
            tlp=str(tlp),
            recipients=None if recipients is None else [str(r) for r in recipients],
        )
        audit.append(
            conn,
            at=now,
            actor="operator",
            action="publish",
            subject=f"feed:{seq}",
            details={"kind": str(kind), "tlp": str(tlp), "title": str(document["title"])},
        )
    return seq


def check_user_id(user_id: str) -> None:
    _valid(check_identifier, user_id, "user_id")
