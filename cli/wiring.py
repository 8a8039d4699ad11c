"""Composition of the sync engine for an unlocked session, shared by the CLI and the GUI.

Front ends own the wiring: app/ never touches the network and sync/ never imports app/, so
the one place that knows both is here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.errors import NotAllowed
from app.identity import signing_key
from app.provisioning import PortalSettings, portal_settings
from app.session import Session
from app.sync_store import LocalSyncStore
from sync.engine import EngineSettings, SyncEngine
from sync.protocol import key_id_of
from sync.transport import PortalClient

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


@dataclass(frozen=True)
class BundleExport:
    envelopes: int
    reports: int


@dataclass(frozen=True)
class BundleImport:
    stored: int
    duplicates: int
    refused: list[str]


def export_bundle(session: Session, path: Path, purpose: str) -> BundleExport:
    """Writes the approved, undelivered envelopes into an offline bundle at `path` (encrypted
    to the portal, signed by the user) and records the dissemination."""
    import json

    from app.clock import now_rfc3339
    from app.dissemination import DisseminationRegister, Method
    from app.errors import InvalidInput
    from app.identity import LocalKeyResolver
    from storage.atomic import atomic_write_bytes
    from storage.envelopes_repo import EnvelopeRepository
    from sync.bundles import seal_bundle

    portal = require_portal(session)
    store = LocalSyncStore(session.db, session.audit)
    stored = EnvelopeRepository(session.db)
    keys = LocalKeyResolver(session.db)
    items = list(store.due(("submission", "approval"), 100_000))
    bodies = {o.ref: json.loads(stored.get(o.ref).body)["body"] for o in items}
    released = {  # submission hash -> (legal basis, TLP) of its approval
        b["submission"]: (b["release"]["legal_basis"], b["release"]["tlp"])
        for o in items
        if o.kind == "approval" and (b := bodies[o.ref])["decision"] == "approve"
    }
    chosen = [
        o
        for o in items
        if (o.kind == "submission" and o.ref in released)
        or (o.kind == "approval" and bodies[o.ref]["submission"] in released)
    ]
    if not chosen:
        raise InvalidInput("Nothing approved waits for delivery; there is nothing to bundle.")
    envelopes = [store.envelope(o) for o in chosen]
    certificates = [
        cert.to_json()
        for e in envelopes
        if (cert := keys.certificate(str(e["key_id"]))) is not None
    ]
    data = seal_bundle(
        portal_id=portal.portal_id,
        portal_x25519=portal.x25519,
        sender_key=signing_key(session.db, session.user),
        sender=session.user.id,
        agency=session.user.agency,
        created_at=now_rfc3339(),
        envelopes=envelopes,
        certificates=certificates,
    )
    register = DisseminationRegister(session.db, session.audit)
    for submission, (basis, tlp) in released.items():
        register.record(
            actor=session.user.id,
            obj=stored.get(submission).report_id or submission,
            recipient=f"portal {portal.portal_id} (offline bundle)",
            method=Method.OFFLINE_BUNDLE,
            purpose=purpose,
            legal_basis=basis,
            tlp=tlp,
        )
    atomic_write_bytes(path, data)
    return BundleExport(envelopes=len(envelopes), reports=len(released))


def import_bundle(session: Session, path: Path) -> BundleImport:
    """Checks a bundle's addressing and sender and delivers it to the portal over this
    installation's link (it cannot read it: only the portal can)."""
    from typing import Any

    from app.errors import InvalidInput
    from app.identity import LocalKeyResolver
    from sync.bundles import BundleError, check_sender, read_header

    portal = require_portal(session)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None
    try:
        check_sender(read_header(data), LocalKeyResolver(session.db), portal.portal_id)
    except BundleError as exc:
        raise NotAllowed(str(exc)) from None
    with portal_client(session) as client:
        answer: Any = client.request(
            "POST", "/v1/bundles", data, {"Content-Type": "application/json"}
        ).json()
    results: list[dict[str, Any]] = answer.get("results", []) if isinstance(answer, dict) else []
    refused = [
        f"item {r.get('index')}: {(r.get('problem') or {}).get('title')}: "
        f"{(r.get('problem') or {}).get('detail')}"
        for r in results
        if r.get("status") == "rejected"
    ]
    return BundleImport(
        stored=sum(1 for r in results if r.get("status") == "stored"),
        duplicates=sum(1 for r in results if r.get("status") == "duplicate"),
        refused=refused,
    )


def connect_portal(session: Session, provisioning: Path) -> str:
    """Makes the portal named in an agency provisioning file this installation's portal.
    Returns a one-line description for the person."""
    from app.provisioning import apply_provisioning, read_provisioning, trust_note

    prov = read_provisioning(provisioning)
    apply_provisioning(session.db, session.audit, session.user.id, prov)
    return f"portal {prov.portal_id} at {prov.portal_url}, agency {prov.agency}. {trust_note(prov)}"


def enrol_user(session: Session, code: str) -> str:
    """Enrols the unlocked user with a one-time code; returns a description of the result."""
    from app.identity import install_portal_certificate
    from sync.protocol import public_key_raw

    key = signing_key(session.db, session.user)
    with portal_client(session, signed=False) as client:
        answer = client.enrol(code.strip(), session.user.id, public_key_raw(key))
    cert = install_portal_certificate(session.db, session.user, session.audit, answer.certificate)
    return f"{session.user.name} is enrolled as {cert.role} of {cert.agency} ({cert.key_id})"


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
