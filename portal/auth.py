"""Request authentication: RFC 9421 signatures checked against enrolled keys.

Order of checks (first failure wins, each with its own problem type): headers present and
well-formed, key enrolled, signature over the signature base, Content-Digest equals the body,
key not revoked, certificate valid now, `created` within the window, nonce never seen.
The nonce is recorded only once everything else has passed.

A streamed body (tus PATCH) is authenticated before it is read (`body=None`): the signature
covers the Content-Digest header, and the handler compares the digest with the bytes once
they have arrived, storing nothing until they match.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from portal.clock import as_datetime
from portal.database import Database
from portal.feed_items import Reader
from portal.keys import PortalKeys
from portal.problems import Problem
from portal.resolver import PortalKeyResolver
from portal.tables import nonces
from sync.http_signatures import (
    HttpSignatureError,
    check_content_digest,
    check_content_digest_of,
    check_digest_field,
    parse_signature,
    verify_request,
)
from sync.protocol import Certificate

_SIGNATURE_CODES = {"bad-signature": "bad-request-signature"}


@dataclass(frozen=True, slots=True)
class Caller:
    """The enrolled user behind an authenticated request."""

    certificate: Certificate
    member_state: str
    third_party: bool = False  # the agency is a third-party organisation

    @property
    def reader(self) -> Reader:
        return Reader(
            self.user_id, self.key_id, self.agency, self.member_state, self.role, self.third_party
        )

    @property
    def key_id(self) -> str:
        return self.certificate.key_id

    @property
    def user_id(self) -> str:
        return self.certificate.user_id

    @property
    def agency(self) -> str:
        return self.certificate.agency

    @property
    def role(self) -> str:
        return self.certificate.role


@dataclass(frozen=True, slots=True)
class SignedRequest:
    method: str
    target_uri: str
    headers: dict[str, str]  # lower-case names
    body: bytes | None  # as received (before any Content-Encoding); None: checked later


def authenticate(
    request: SignedRequest, *, db: Database, keys: PortalKeys, now: int, window: int
) -> Caller:
    try:
        params = parse_signature(
            request.headers.get("signature-input"), request.headers.get("signature")
        )
        digest = check_digest_field(request.headers.get("content-digest"))
        if request.body is not None:
            check_content_digest(digest, request.body)
        with db.read() as conn:
            resolver = PortalKeyResolver(conn, keys)
            certificate = resolver.certificate(params.keyid)
            if certificate is None or certificate.role == "portal":
                raise Problem("unknown-key", f"no enrolled key {params.keyid}")
            verify_request(
                params,
                method=request.method,
                target_uri=request.target_uri,
                digest=digest,
                public_key=certificate.public_key,
            )
            if resolver.is_revoked(params.keyid):
                raise Problem("revoked-key", f"key {params.keyid} is revoked")
            facts = resolver.agency(certificate.agency) or ("", False)
    except HttpSignatureError as exc:
        raise Problem(_SIGNATURE_CODES.get(exc.code, exc.code), str(exc)) from None
    if not certificate.valid_at(as_datetime(now)):
        raise Problem("expired-certificate", f"the certificate of {params.keyid} is not valid")
    if abs(params.created - now) > window:
        raise Problem(
            "clock-skew",
            f"created {params.created} is more than {window} s from portal time {now}",
            portal_time=now,
        )
    _record_nonce(db, params.keyid, params.nonce, params.created, now=now, window=window)
    return Caller(certificate, facts[0], facts[1])


def _record_nonce(
    db: Database, key_id: str, nonce: str, created: int, *, now: int, window: int
) -> None:
    try:
        with db.write() as conn:
            conn.execute(nonces.insert().values(key_id=key_id, nonce=nonce, created=created))
            # Cheap pruning: a nonce older than twice the window can no longer be replayed.
            conn.execute(nonces.delete().where(nonces.c.created < now - 2 * window))
    except IntegrityError:
        raise Problem("replayed-request", "this request nonce has been used before") from None


def check_streamed_digest(headers: dict[str, str], sha256: bytes) -> None:
    """After a streamed body has arrived: its SHA-256 must be the signed Content-Digest."""
    try:
        check_content_digest_of(headers.get("content-digest"), sha256)
    except HttpSignatureError as exc:
        raise Problem(exc.code, str(exc)) from None
