"""A local user's role is what the portal certified, nothing else.

The role stored with a local user (`users.role`) is only the role they *asked for*: anyone
who can unlock the installation can write it, and so can anyone holding the database key.
The role that counts, for every decision in the GUI, the CLI and the workflow, is the one
in the user's current certificate, and only if that certificate is signed by the portal key
this installation trusts, names this user's id, agency and key, is valid now and not
revoked. Before enrolment (a self-signed certificate) every user is an officer at most.

The certificate is re-verified each time (one Ed25519 verification): editing the role in the
database or copying a certificate from elsewhere does not make anyone a focal point.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

from app.domain import Role
from app.errors import NotAllowed
from app.portal_clock import PortalClock
from storage.database import Database
from storage.identity_repo import IdentityRepository
from storage.users_repo import MetaRepository, UserRecord
from sync.protocol import Certificate, Trust, VerificationError, certificate_trust

FOCAL_POINT_ROLES = frozenset({Role.OFP, Role.NFP})
CLOCK_TOLERANCE = timedelta(seconds=300)


@dataclass(frozen=True)
class RoleState:
    requested: Role  # what the user was created as
    certified: Role  # what the portal certified (officer until then)

    @property
    def pending(self) -> bool:
        """A focal-point role asked for but not (yet) certified by the portal."""
        return self.requested != self.certified


def certified_role(db: Database, user: UserRecord) -> Role:
    """The role the portal certified for this user's current key; officer otherwise."""
    from app.identity import LocalKeyResolver

    repo = IdentityRepository(db)
    stored = repo.private_key(user.id)
    if stored is None:
        return Role.OFFICER
    record = repo.certificate(stored[0])
    if record is None or record.self_signed or record.revoked_at is not None:
        return Role.OFFICER
    try:
        cert = Certificate.from_json(json.loads(record.body))
        pinned = MetaRepository(db).get("portal_key_id")
        if pinned is not None and cert.issuer != pinned:
            return Role.OFFICER  # once a portal is provisioned, only its key certifies roles
        trusted = certificate_trust(cert, LocalKeyResolver(db)) is Trust.PORTAL
    except (VerificationError, ValueError, TypeError, KeyError):
        return Role.OFFICER
    if not trusted:
        return Role.OFFICER
    # Validity by portal-corrected time; with no offset learnt yet the device clock cannot be
    # trusted either way, so the dates are left to the portal to judge (app.portal_clock).
    # A learnt offset is an estimate (half a round trip): a certificate issued this second
    # must not look "not yet valid", so the start gets the portal's own signature window.
    now = PortalClock(db).trusted_now()
    if now is not None and not (cert.not_before - CLOCK_TOLERANCE <= now <= cert.not_after):
        return Role.OFFICER
    if (cert.key_id, cert.user_id, cert.agency) != (stored[0], user.id, user.agency):
        return Role.OFFICER
    try:
        return Role(cert.role)
    except ValueError:
        return Role.OFFICER


def role_state(db: Database, user: UserRecord) -> RoleState:
    try:
        requested = Role(user.role)
    except ValueError:
        requested = Role.OFFICER
    return RoleState(requested, certified_role(db, user))


def require_certified_focal_point(db: Database, user: UserRecord) -> Role:
    """The user's certified focal-point role, or NotAllowed saying how to get one."""
    state = role_state(db, user)
    if state.certified in FOCAL_POINT_ROLES:
        return state.certified
    if state.requested in FOCAL_POINT_ROLES:
        raise NotAllowed(
            f"{user.name} is to be a focal point ({state.requested.value}), but the portal has "
            "not certified that yet: enrol with a focal-point code (outpost enrol CODE, or "
            "Settings → Portal). Until then you can only do what an officer does."
        )
    raise NotAllowed("Only focal points (OFP, NFP) can review reports; officers submit them.")
