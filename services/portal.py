"""Connecting an unlocked installation to its portal: the pinned client, provisioning,
enrolment and what the front ends show about it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.clock import wall_seconds
from app.errors import NotAllowed
from app.identity import signing_key
from app.portal_clock import PortalClock
from app.provisioning import PortalSettings, Provisioning, portal_settings
from app.session import Session
from storage.users_repo import UserRecord
from sync.protocol import key_id_of
from sync.protocol.canonical import JsonObject
from sync.transport import PortalClient


def require_portal(session: Session) -> PortalSettings:
    settings = portal_settings(session.db)
    if settings is None:
        raise NotAllowed(
            "This installation is not connected to a portal yet. Load the agency's "
            "provisioning file first: outpost provision FILE."
        )
    return settings


def portal_client(
    session: Session,
    *,
    signed: bool = True,
    connect_timeout: float = 15.0,
    stall_timeout: float = 60.0,
) -> PortalClient:
    """A client for the provisioned portal, TLS-pinned when the provisioning file has a pin,
    signing as the unlocked user."""
    settings = require_portal(session)
    adapter = None
    pin_errors: tuple[type[BaseException], ...] = ()
    if settings.url.startswith("https://") and settings.tls_pins:
        from sync.tls_pinning import CertificatePinError, PinnedAdapter

        adapter = PinnedAdapter(settings.tls_pins)
        pin_errors = (CertificatePinError,)
    signer = None
    if signed:
        key = signing_key(session.db, session.user)
        signer = (key_id_of(key), key)
    return PortalClient(
        settings.url,
        signer=signer,
        adapter=adapter,
        pin_errors=pin_errors,
        connect_timeout=connect_timeout,
        stall_timeout=stall_timeout,
        clock=wall_seconds,
        clock_offset=PortalClock(session.db).offset,  # the last run's: sign right at once
    )


def connect_portal(session: Session, provisioning: Path) -> str:
    """Makes the portal named in an agency provisioning file this installation's portal.
    Returns a one-line description for the person."""
    from app.provisioning import read_provisioning

    return apply_portal(session, read_provisioning(provisioning))


def apply_portal(session: Session, prov: Provisioning) -> str:
    """The store half of `connect_portal`, for a provisioning file already read and checked
    (the UI reads it off the store's worker: a file may sit on a slow share)."""
    from app.provisioning import apply_provisioning, trust_note

    apply_provisioning(session.db, session.audit, session.user.id, prov)
    return f"portal {prov.portal_id} at {prov.portal_url}, agency {prov.agency}. {trust_note(prov)}"


@dataclass(frozen=True)
class EnrolmentRequest:
    """What an enrolment request needs from the store, read before the request so the
    request itself (which may stall for its whole timeout) touches no store."""

    client: PortalClient
    user: UserRecord
    public_key: bytes


@dataclass(frozen=True)
class EnrolAnswer:
    clock_offset: float
    certificate: JsonObject


def prepare_enrolment(session: Session) -> EnrolmentRequest:
    """Store step: the unsigned client and the key to certify."""
    from sync.protocol import public_key_raw

    key = signing_key(session.db, session.user)
    return EnrolmentRequest(portal_client(session, signed=False), session.user, public_key_raw(key))


def send_enrolment(enrolment: EnrolmentRequest, code: str) -> EnrolAnswer:
    """Network step: hello (the portal's clock), then the enrolment; no store."""
    user = enrolment.user
    with enrolment.client as client:
        # The certificate's validity starts at portal time: learn it before anything is signed.
        offset = client.hello().clock_offset
        answer = client.enrol(
            code.strip(),
            user.id,
            enrolment.public_key,
            role=user.role,
            agency=user.agency,
            display_name=user.name,
        )
    return EnrolAnswer(offset, answer.certificate)


def keep_enrolment(session: Session, answer: EnrolAnswer) -> str:
    """Store step: the portal's clock and the certificate it issued; a description."""
    from app.identity import install_portal_certificate

    PortalClock(session.db).learn(answer.clock_offset, "enrolment")
    user = session.user
    cert = install_portal_certificate(session.db, user, session.audit, answer.certificate)
    return f"{user.name} is enrolled as {cert.role} of {cert.agency} ({cert.key_id})"


def enrol_user(session: Session, code: str) -> str:
    """Enrols the unlocked user with a one-time code; returns a description of the result.
    The portal is told the role and agency this user expects, so a code of another role is
    refused before it is spent (and nothing is certified)."""
    return keep_enrolment(session, send_enrolment(prepare_enrolment(session), code))


def replace_key(session: Session, code: str) -> str:
    """A new signing key for the unlocked user, certified with `code` (e.g. of the role the
    user should have had), in one request signed by the current key, which the portal
    revokes at the same moment. Returns what was done, for the person."""
    from app.identity import adopt_replacement_key, install_portal_certificate
    from sync.protocol import generate_private_key, public_key_raw

    user = session.user
    old = signing_key(session.db, user)
    new = generate_private_key()
    with portal_client(session) as client:  # signed with the current key
        PortalClock(session.db).learn(client.hello().clock_offset, "enrolment")
        answer = client.enrol(
            code.strip(),
            user.id,
            public_key_raw(new),
            role=user.role,
            agency=user.agency,
            display_name=user.name,
            replace=True,
        )
    adopt_replacement_key(session.db, user, session.audit, old_key_id=key_id_of(old), new=new)
    cert = install_portal_certificate(session.db, user, session.audit, answer.certificate)
    return (
        f"{user.name} has a new key {cert.key_id}, certified as {cert.role} of {cert.agency}; "
        f"the old key {key_id_of(old)} is revoked on the portal and can no longer sign"
    )


@dataclass(frozen=True)
class PortalState:
    connected: str | None  # "portal X at URL", or None when not provisioned
    enrolled: bool


def portal_state(session: Session) -> PortalState:
    from app.identity import is_enrolled

    settings = portal_settings(session.db)
    if settings is None:
        return PortalState(None, False)
    return PortalState(
        f"portal {settings.portal_id} at {settings.url}", is_enrolled(session.db, session.user)
    )
