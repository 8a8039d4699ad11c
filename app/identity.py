"""Each local user's signing identity: an Ed25519 key created on this device, kept only inside
the encrypted database, and the certificates this installation trusts for verification."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import timedelta
from typing import cast

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.audit import AuditTrail
from app.clock import now_rfc3339, to_rfc3339, utc_now
from app.errors import NotAllowed
from storage.database import Database
from storage.identity_repo import CertificateRecord, IdentityRepository
from storage.users_repo import UserRecord, UserRepository
from sync.protocol import (
    Certificate,
    Role,
    generate_private_key,
    key_id_of,
    load_private_key,
    private_key_raw,
    self_signed_certificate,
)
from sync.protocol import public_key_raw as public_key_raw_of

# A device's own certificate stands in until enrolment replaces it with a portal-issued one.
SELF_SIGNED_VALIDITY = timedelta(days=2 * 365)


def ensure_identity(db: Database, user: UserRecord, audit: AuditTrail) -> str:
    """Creates the user's key pair and self-signed certificate if they have none yet (new
    users, and users of installations from before signing existed). Returns the key id."""
    repo = IdentityRepository(db)
    existing = repo.private_key(user.id)
    if existing is not None:
        return existing[0]
    private = generate_private_key()
    now = utc_now()
    cert = self_signed_certificate(
        private,
        user_id=user.id,
        agency=user.agency,
        # A device vouches for nothing: before the portal certifies a role, a user is an
        # officer at most (app.roles), whatever role they asked for.
        role="officer",
        not_before=now - timedelta(minutes=5),
        not_after=now + SELF_SIGNED_VALIDITY,
    )
    with db.transaction():
        repo.store_private_key(user.id, cert.key_id, private_key_raw(private), now_rfc3339())
        store_certificate(db, cert)
        audit.record(user.id, "user.key_created", user.id, {"key_id": cert.key_id})
    return cert.key_id


def store_certificate(db: Database, cert: Certificate) -> None:
    IdentityRepository(db).put_certificate(
        CertificateRecord(
            key_id=cert.key_id,
            user_id=cert.user_id,
            agency=cert.agency,
            role=cert.role,
            self_signed=cert.self_signed,
            not_after=to_rfc3339(cert.not_after),
            body=cert.to_bytes().decode("utf-8"),
            revoked_at=None,
            received_at=now_rfc3339(),
        )
    )


def signing_key(db: Database, user: UserRecord) -> Ed25519PrivateKey:
    """The user's private key, refused once their certificate has been revoked."""
    repo = IdentityRepository(db)
    stored = repo.private_key(user.id)
    if stored is None:
        raise NotAllowed(f"User {user.name} has no signing key yet; unlock again to create it.")
    key_id, raw = stored
    cert = repo.certificate(key_id)
    if cert is not None and cert.revoked_at is not None:
        raise NotAllowed(
            f"Your signing key was revoked on {cert.revoked_at[:10]}; you can no longer sign. "
            "Ask your focal point to enrol this device again."
        )
    private = load_private_key(raw)
    if key_id_of(private) != key_id:
        raise NotAllowed("The stored signing key does not match its key id; contact support.")
    return private


class LocalKeyResolver:
    """The sync.protocol KeyResolver over this installation's certificate tables."""

    def __init__(self, db: Database) -> None:
        self._repo = IdentityRepository(db)

    def certificate(self, key_id: str) -> Certificate | None:
        record = self._repo.certificate(key_id)
        if record is None:
            return None
        return Certificate.from_json(json.loads(record.body))

    def is_revoked(self, key_id: str) -> bool:
        record = self._repo.certificate(key_id)
        return record is not None and record.revoked_at is not None

    def trust_anchor(self, key_id: str) -> bytes | None:
        return self._repo.trust_anchor(key_id)


def install_portal_certificate(
    db: Database, user: UserRecord, audit: AuditTrail, certificate_json: object
) -> Certificate:
    """Stores the certificate the portal issued for this user's key at enrolment, after
    checking that it certifies exactly this user's key, id, agency and role and chains to the
    portal this installation trusts."""
    from sync.protocol import certificate_trust

    try:
        cert = Certificate.from_json(certificate_json)
        trust = certificate_trust(cert, LocalKeyResolver(db))
    except Exception as exc:
        raise NotAllowed(f"The portal's certificate for you cannot be used: {exc}.") from None
    stored = IdentityRepository(db).private_key(user.id)
    if stored is None or cert.key_id != stored[0]:
        raise NotAllowed("The portal certified a different key than this user's signing key.")
    if trust != "portal":
        raise NotAllowed("The certificate is not signed by the portal this installation trusts.")
    if (cert.user_id, cert.agency, cert.role) != (user.id, user.agency, user.role):
        raise NotAllowed(
            f"The portal enrolled you as {cert.role} of {cert.agency}, but this user is "
            f"{user.role} of {user.agency}. Ask your focal point for the right enrolment code."
        )
    with db.transaction():
        store_certificate(db, cert)
        audit.record(user.id, "user.enrolled", user.id, {"key_id": cert.key_id})
    return cert


def certify_with_local_key(
    db: Database,
    audit: AuditTrail,
    issuer: Ed25519PrivateKey,
    label: str,
    *,
    names: Collection[str] | None = None,
) -> None:
    """Makes `issuer` a trust anchor and certifies local users with the roles they asked
    for, through the same checks as an enrolment. Only for installations that are not
    connected to a real portal: the demo (synthetic data) and tests. Once a portal is
    provisioned, only its key certifies roles (app.roles), so such certificates then no
    longer make anyone a focal point."""
    from datetime import timedelta as _days

    from sync.protocol import issue_certificate

    repo = IdentityRepository(db)
    repo.add_trust_anchor(key_id_of(issuer), public_key_raw_of(issuer), label, now_rfc3339())
    now = utc_now()
    for user in UserRepository(db).active():
        if names is not None and user.name not in names:
            continue
        stored = repo.private_key(user.id)
        if stored is None:
            continue
        public = load_private_key(stored[1]).public_key().public_bytes_raw()
        cert = issue_certificate(
            public_key=public,
            user_id=user.id,
            agency=user.agency,
            role=cast(Role, user.role),
            not_before=now - _days(minutes=5),
            not_after=now + _days(days=365),
            serial=0,
            issuer_key=issuer,
        )
        install_portal_certificate(db, user, audit, cert.to_json())


def adopt_replacement_key(
    db: Database, user: UserRecord, audit: AuditTrail, *, old_key_id: str, new: Ed25519PrivateKey
) -> None:
    """The portal certified `new` for this user and revoked the old key: sign with `new` from
    now on (the old key's earlier signatures stay valid history)."""
    repo = IdentityRepository(db)
    with db.transaction():
        repo.replace_private_key(user.id, key_id_of(new), private_key_raw(new), now_rfc3339())
        repo.revoke(old_key_id, now_rfc3339())
        audit.record(
            user.id, "user.key_replaced", user.id, {"old": old_key_id, "new": key_id_of(new)}
        )


def is_enrolled(db: Database, user: UserRecord) -> bool:
    stored = IdentityRepository(db).private_key(user.id)
    if stored is None:
        return False
    record = IdentityRepository(db).certificate(stored[0])
    return record is not None and not record.self_signed and record.revoked_at is None
