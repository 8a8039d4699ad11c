"""Composition of the sync engine for an unlocked session, shared by the CLI and the GUI.

Front ends own the wiring: app/ never touches the network and sync/ never imports app/, so
the one place that knows both is here.
"""

from __future__ import annotations

from app.errors import NotAllowed
from app.identity import signing_key
from app.provisioning import PortalSettings, portal_settings
from app.session import Session
from app.sync_store import LocalSyncStore
from sync.engine import EngineSettings, SyncEngine
from sync.protocol import key_id_of
from sync.transport import PortalClient

CLOCK_OFFSET_KEY = "clock_offset"


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
    if settings.tls_pin and settings.url.startswith("https://"):
        from sync.tls_pinning import CertificatePinError, PinnedAdapter

        adapter = PinnedAdapter(settings.tls_pin)
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
