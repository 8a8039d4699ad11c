"""Agencies, enrolment codes, certificates and revocations: the portal's key registry."""

from __future__ import annotations

import base64
import hashlib
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Final, cast

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from portal import audit
from portal.clock import as_datetime
from portal.database import Database, inserted_id
from portal.feed_items import (
    EVERYONE,
    PUBLISHED_KINDS,
    Grant,
    Reader,
    add_item,
    new_item,
    principal_agencies,
    principal_grant,
)
from portal.keys import PortalKeys
from portal.national_rules import list_rules
from portal.problems import Problem
from portal.tables import (
    agencies,
    certificates,
    dissemination,
    enrolment_codes,
    envelopes,
    feed_items,
    principals,
    revocations,
)
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


def create_agency(
    db: Database, *, code: str, member_state: str, name: str, now: int, third_party: bool = False
) -> None:
    _valid(check_agency, code, "agency")
    _valid(check_country, member_state, "member_state")
    try:
        with db.write() as conn:
            conn.execute(
                agencies.insert().values(
                    code=code,
                    member_state=member_state,
                    name=name,
                    created_at=now,
                    third_party=third_party,
                )
            )
            audit.append(
                conn,
                at=now,
                actor="operator",
                action="agency.create",
                subject=code,
                details={"member_state": member_state, "name": name, "third_party": third_party},
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


def issue_code(
    db: Database,
    *,
    agency: str,
    role: str,
    ttl_seconds: int,
    now: int,
    principal: str | None = None,
    display_name: str | None = None,
    actor: str = "operator",
) -> str:
    """A new one-time enrolment code, e.g. "ABCD-EFGH-JKLM-NPQR"; only its hash is stored.
    With `principal`, only that principal id can spend it (a code for one person, e.g. to
    give an existing principal a key on a new device, or an account made for them)."""
    if principal is not None:
        check_user_id(principal)
    if display_name is not None:
        display_name = check_display_name(display_name)
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
                principal_id=principal,
                display_name=display_name,
            )
        )
        audit.append(
            conn,
            at=now,
            actor=actor,
            action="code.issue",
            subject=agency,
            details={"role": role, "expires_at": now + ttl_seconds, "principal": principal},
        )
    return code


DISPLAY_NAME_MAX: Final = 128


def check_display_name(name: str) -> str:
    """A person's name as shown to others: one line of 1-128 printable characters."""
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > DISPLAY_NAME_MAX:
        raise AdminError(f"a display name has 1 to {DISPLAY_NAME_MAX} characters")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in cleaned):
        raise AdminError("a display name holds only printable characters")
    return cleaned


@dataclass(frozen=True)
class EnrolRequest:
    """What POST /v1/enrol asks for (docs/protocol.md §5.3)."""

    code: str
    public_key: bytes
    principal: str  # the user id the client proposes: its local user id
    role: str | None = None  # the role the client expects the code to have
    agency: str | None = None  # the agency the client expects
    display_name: str | None = None
    replacing: Certificate | None = None  # the principal's current key, which signed this


# Refusals that say something about who tries what: audited although nothing is stored.
AUDITED_REFUSALS: Final = frozenset({"principal-taken", "enrolment-code-mismatch"})
# Refusals that count as a guess for the enrolment throttle.
GUESSES: Final = frozenset(
    {
        "invalid-enrolment-code",
        "used-enrolment-code",
        "expired-enrolment-code",
        "enrolment-code-mismatch",
        "principal-taken",
    }
)


def enrol(
    db: Database, keys: PortalKeys, request: EnrolRequest, *, now: int, certificate_days: int
) -> Certificate:
    """Spend a one-time code and certify the key for its agency and role, as the principal
    the client proposed, if that principal is new or is the caller's own. Every check runs
    before the code is spent: a refused enrolment leaves the code as it was."""
    try:
        with db.write() as conn:
            return _enrol(conn, keys, request, now=now, certificate_days=certificate_days)
    except Problem as problem:
        if problem.kind.slug in AUDITED_REFUSALS:
            with db.write() as conn:
                audit.append(
                    conn,
                    at=now,
                    actor=request.principal,
                    action="enrol.refuse",
                    subject=key_id(request.public_key),
                    details={"problem": problem.kind.slug, "detail": problem.detail},
                )
        raise


def _enrol(
    conn: Connection,
    keys: PortalKeys,
    request: EnrolRequest,
    *,
    now: int,
    certificate_days: int,
) -> Certificate:
    subject = key_id(request.public_key)
    row = conn.execute(
        sa.select(enrolment_codes).where(enrolment_codes.c.code_hash == hash_code(request.code))
    ).one_or_none()
    if row is None:
        raise Problem("invalid-enrolment-code", "no such enrolment code")
    if row.used_at is not None:
        raise Problem("used-enrolment-code", "this enrolment code has been used")
    if row.expires_at <= now:
        raise Problem("expired-enrolment-code", "this enrolment code has expired")
    _check_code_fits(row, request)
    known = conn.execute(
        sa.select(certificates.c.serial).where(certificates.c.key_id == subject)
    ).first()
    if known is not None:
        raise Problem("key-already-enrolled", f"key {subject} already has a certificate")
    principal = conn.execute(
        sa.select(principals).where(principals.c.principal_id == request.principal)
    ).first()
    _check_principal(principal, row, request)
    member_state = agency_state(conn, row.agency) or ""
    # Guarded update: even without the write lock a code could be spent only once.
    spent = conn.execute(
        enrolment_codes.update()
        .where(enrolment_codes.c.code_hash == row.code_hash)
        .where(enrolment_codes.c.used_at.is_(None))
        .values(used_at=now, used_by_key=subject)
    )
    if spent.rowcount != 1:
        raise Problem("used-enrolment-code", "this enrolment code has been used")
    display_name = request.display_name or row.display_name
    if principal is None:
        conn.execute(
            principals.insert().values(
                principal_id=request.principal,
                agency=row.agency,
                member_state=member_state,
                role=row.role,
                display_name=display_name,
                created_at=now,
            )
        )
    else:
        conn.execute(
            principals.update()
            .where(principals.c.principal_id == request.principal)
            .values(
                role=row.role,
                display_name=display_name or principal.display_name,
                revoked_at=None,
            )
        )
    serial = inserted_id(
        conn.execute(
            certificates.insert().values(
                key_id=subject,
                user_id=request.principal,
                agency=row.agency,
                role=row.role,
                issued_at=now,
                certificate="",
            )
        )
    )
    start = as_datetime(now)
    certificate = issue_certificate(
        public_key=request.public_key,
        user_id=request.principal,
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
    add_item(conn, new_item("certificate", now, certificate.to_json(), [EVERYONE]))
    audit.append(
        conn,
        at=now,
        actor=request.principal,
        action="enrol",
        subject=subject,
        details={"agency": row.agency, "role": row.role, "serial": serial},
    )
    if request.replacing is not None:
        _revoke(
            conn,
            key=request.replacing.key_id,
            reason=f"replaced by {subject} (self-revocation signed by the key)",
            now=now,
            actor=request.principal,
        )
    return certificate


def _check_code_fits(row: sa.Row[tuple[object, ...]], request: EnrolRequest) -> None:
    """The client says which role and agency it expects and the code may name its person:
    a mismatch is refused before the code is spent, so the right person can still use it."""
    code_role, code_agency = str(row.role), str(row.agency)
    wrong = []
    if request.role is not None and request.role != code_role:
        wrong.append(f"role {code_role}, not {request.role}")
    if request.agency is not None and request.agency != code_agency:
        wrong.append(f"agency {code_agency}, not {request.agency}")
    if row.principal_id is not None and row.principal_id != request.principal:
        wrong.append("another person")
    if wrong:
        raise Problem(
            "enrolment-code-mismatch",
            f"this code is for {' and '.join(wrong)}; it was not used: ask for a code of your"
            " role and agency",
            code_role=code_role,
            code_agency=code_agency,
        )


def _check_principal(
    principal: sa.Row[tuple[object, ...]] | None,
    code: sa.Row[tuple[object, ...]],
    request: EnrolRequest,
) -> None:
    """A new principal id is the caller's to take. An existing one only gains a key when
    the request is signed by one of its current keys (replacing it), or when the code was
    issued for exactly that principal; and never in another agency."""
    replacing = request.replacing
    if replacing is not None and replacing.user_id != request.principal:
        raise Problem(
            "principal-taken",
            f"the signing key belongs to {replacing.user_id}, not to {request.principal}",
        )
    if principal is None:
        return
    if principal.agency != code.agency:
        raise Problem(
            "principal-taken",
            f"user id {request.principal} belongs to a principal of another agency; a new"
            " installation proposes a new random id",
        )
    if replacing is None and code.principal_id != request.principal:
        raise Problem(
            "principal-taken",
            f"user id {request.principal} is already enrolled; to replace its key, sign the"
            " enrolment with the current key (outpost enrol --replace), or ask for a code"
            " issued for this user",
        )


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
        _revoke(conn, key=key, reason=reason, now=now, actor=actor)


def _revoke(conn: Connection, *, key: str, reason: str, now: int, actor: str) -> None:
    conn.execute(revocations.insert().values(key_id=key, revoked_at=now, reason=reason))
    payload: JsonObject = {
        "key_id": key,
        "revoked_at": as_datetime(now).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "reason": reason,
    }
    add_item(conn, new_item("revocation", now, payload, [EVERYONE]))
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
        grants: list[Grant]
        if recipients is not None:  # named principals are the whole audience
            owners = principal_agencies(conn, [str(r) for r in recipients])
            unknown = sorted(set(map(str, recipients)) - set(owners))
            if unknown:
                raise AdminError(f"no such principal(s): {', '.join(unknown)}")
            grants = [principal_grant(p, a) for p, a in sorted(owners.items())]
        elif states is not None:
            grants = [Grant("state", str(s)) for s in states]
        else:
            grants = [EVERYONE]
        seq = add_item(conn, new_item(str(kind), now, document, grants, tlp=str(tlp)))
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


def check_agency_code(code: str) -> None:
    _valid(check_agency, code, "agency")


FOCAL_POINT_ROLES: Final = ("ofp", "nfp")


def directory(db: Database, reader: Reader) -> JsonObject:
    """Whom the caller may address (GET /v1/directory): every agency (for AMBER+STRICT), and
    the principals a focal point may name as TLP:RED recipients: all active principals of
    the portal. An officer decides no releases, so sees only the principals of their own
    agency (display names are personal data)."""
    with db.read() as conn:
        agency_rows = conn.execute(
            sa.select(
                agencies.c.code, agencies.c.member_state, agencies.c.name, agencies.c.third_party
            ).order_by(agencies.c.code)
        ).all()
        query = (
            sa.select(
                principals.c.principal_id,
                principals.c.agency,
                principals.c.member_state,
                principals.c.role,
                principals.c.display_name,
                agencies.c.third_party,
            )
            .join(agencies, agencies.c.code == principals.c.agency)
            .where(principals.c.revoked_at.is_(None))
            .order_by(principals.c.agency, principals.c.display_name, principals.c.principal_id)
        )
        if reader.role not in FOCAL_POINT_ROLES:
            query = query.where(principals.c.agency == reader.agency)
        principal_rows = conn.execute(query).all()
        rules = list_rules(conn)
    return {
        "agencies": [
            {
                "code": str(r.code),
                "member_state": str(r.member_state),
                "name": str(r.name),
                "third_party": bool(r.third_party),
            }
            for r in agency_rows
        ],
        "principals": [
            {
                "principal_id": str(r.principal_id),
                "agency": str(r.agency),
                "member_state": str(r.member_state),
                "role": str(r.role),
                "display_name": None if r.display_name is None else str(r.display_name),
                "third_party": bool(r.third_party),
            }
            for r in principal_rows
        ],
        # Shown on the review page: who releases each state's reports beyond it.
        "national_rules": [rule.to_json() for rule in rules],
    }


def received_by(db: Database, reader: Reader, report_id: str) -> JsonObject:
    """The portal's dissemination register for one report (GET /v1/register): which
    principal received which feed item about it, with which key, when. Readable by the
    focal points of the agency the report came from (OFPs of it, NFPs of its state)."""
    with db.read() as conn:
        origin = conn.execute(
            sa.select(envelopes.c.agency)
            .where(envelopes.c.report_id == report_id, envelopes.c.type == "submission")
            .limit(1)
        ).scalar_one_or_none()
        allowed = origin is not None and (
            (reader.role == "ofp" and reader.agency == origin)
            or (reader.role == "nfp" and agency_state(conn, str(origin)) == reader.member_state)
        )
        if not allowed:
            raise Problem(
                "not-permitted",
                "only the focal points of the agency a report came from read who received it",
            )
        rows = conn.execute(
            sa.select(
                feed_items.c.seq,
                feed_items.c.kind,
                feed_items.c.tlp,
                dissemination.c.user_id,
                dissemination.c.agency,
                dissemination.c.key_id,
                dissemination.c.delivered_at,
                principals.c.display_name,
            )
            .join(dissemination, dissemination.c.feed_seq == feed_items.c.seq)
            .join(principals, principals.c.principal_id == dissemination.c.user_id, isouter=True)
            .where(feed_items.c.report_id == report_id)
            .order_by(dissemination.c.delivered_at, dissemination.c.id)
        ).all()
    return {
        "report_id": report_id,
        "agency": str(origin),
        "deliveries": [
            {
                "kind": str(r.kind),
                "tlp": None if r.tlp is None else str(r.tlp),
                "principal_id": str(r.user_id),
                "display_name": None if r.display_name is None else str(r.display_name),
                "agency": str(r.agency),
                "key_id": str(r.key_id),
                "delivered_at": as_datetime(int(r.delivered_at)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
            for r in rows
        ],
    }
