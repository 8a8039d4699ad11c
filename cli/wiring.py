"""Composition of the sync engine for an unlocked session, shared by the CLI and the GUI.

Front ends own the wiring: app/ never touches the network and sync/ never imports app/, so
the one place that knows both is here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from app.errors import NotAllowed
from app.identity import signing_key
from app.provisioning import PortalSettings, portal_settings
from app.session import Session
from app.sync_store import LocalSyncStore
from sync.engine import EngineSettings, SyncEngine
from sync.protocol import key_id_of
from sync.transport import PortalClient

CLOCK_OFFSET_KEY = "clock_offset"
log = logging.getLogger(__name__)


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
    )


def sync_engine(
    session: Session,
    settings: EngineSettings | None = None,
    *,
    connect_timeout: float = 15.0,
    stall_timeout: float = 60.0,
) -> SyncEngine:
    store = LocalSyncStore(session.db, session.audit)
    client = portal_client(session, connect_timeout=connect_timeout, stall_timeout=stall_timeout)
    from sync.uploads import TusUploader  # attachments: resumable uploads

    uploader = TusUploader(client, store)
    return SyncEngine(store, client, uploader=uploader, settings=settings)


def provision_and_enrol(session: Session, provisioning: Path, codes: Mapping[str, str]) -> None:
    """Connects an installation to a portal and enrols its local users with one-time codes
    (user name -> code). Used by `make run`'s local portal; a user already enrolled, or one
    whose code was already spent, is left as is."""
    from app.identity import install_portal_certificate, is_enrolled
    from app.provisioning import apply_provisioning, read_provisioning
    from storage.users_repo import UserRepository
    from sync.protocol import public_key_raw
    from sync.transport import Problem

    if portal_settings(session.db) is None:
        prov = read_provisioning(provisioning)
        apply_provisioning(session.db, session.audit, session.user.id, prov)
    with portal_client(session, signed=False) as client:
        for user in UserRepository(session.db).active():
            code = codes.get(user.name)
            if code is None or is_enrolled(session.db, user):
                continue
            key = signing_key(session.db, user)
            try:
                answer = client.enrol(code, user.id, public_key_raw(key))
            except Problem as exc:
                log.warning("enrolment of a local user failed: %s", exc.slug)
                continue
            install_portal_certificate(session.db, user, session.audit, answer.certificate)
