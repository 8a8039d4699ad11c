"""Offline bundles: what an installation with no link writes for a courier, and what a
connected installation of the agency delivers for it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import NotAllowed
from app.identity import signing_key
from app.session import Session
from app.sync_store import LocalSyncStore
from services.portal import portal_client, require_portal
from storage.attachments_repo import AttachmentRepository
from storage.outbox_repo import OutboxRepository


@dataclass(frozen=True)
class BundleExport:
    envelopes: int
    reports: int
    attachments: int = 0
    attachment_bytes: int = 0


@dataclass(frozen=True)
class BundleImport:
    stored: int
    duplicates: int
    refused: list[str]
    attachments_stored: int = 0
    attachments_duplicate: int = 0


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
    store = LocalSyncStore(session.db, session.audit, session.user)
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
    files = _undelivered_attachments(
        envelopes, AttachmentRepository(session.db), OutboxRepository(session.db)
    )
    data = seal_bundle(
        portal_id=portal.portal_id,
        portal_x25519=portal.x25519,
        sender_key=signing_key(session.db, session.user),
        sender=session.user.id,
        agency=session.user.agency,
        created_at=now_rfc3339(),
        envelopes=envelopes,
        certificates=certificates,
        attachments=files,
    )
    register = DisseminationRegister(session.db, session.audit)
    recipient = f"portal {portal.portal_id} (offline bundle)"
    register.check(recipient=recipient, purpose=purpose)
    # The file first, then its entries, in one transaction: a bundle that could not be
    # written is recorded nowhere, and entries that cannot be committed take it away again.
    with session.db.transaction():
        atomic_write_bytes(path, data)
        try:
            for submission, (basis, tlp) in released.items():
                register.record(
                    actor=session.user.id,
                    obj=stored.get(submission).report_id or submission,
                    recipient=recipient,
                    method=Method.OFFLINE_BUNDLE,
                    purpose=purpose,
                    legal_basis=basis,
                    tlp=tlp,
                )
        except BaseException:
            path.unlink(missing_ok=True)
            raise
    return BundleExport(
        envelopes=len(envelopes),
        reports=len(released),
        attachments=len(files),
        attachment_bytes=sum(len(f[2]) for f in files),
    )


def _undelivered_attachments(
    envelopes: list[dict[str, Any]], files: AttachmentRepository, outbox: OutboxRepository
) -> list[tuple[str, str, bytes]]:
    """(sha256, media type, bytes) of each file the bundled submissions name that has not
    reached the portal yet, once each: without them a post with no link could never deliver
    a photo. They leave the encrypted store only inside the bundle's encryption."""
    chosen: dict[str, str] = {}
    for envelope in envelopes:
        if envelope["type"] != "submission":
            continue
        for item in envelope["body"]["attachments"]:
            sha256 = str(item["sha256"])
            delivered = any(o.state == "delivered" for o in outbox.of_ref(sha256))
            if sha256 not in chosen and not delivered:
                chosen[sha256] = str(item["media_type"])
    return [(sha256, media, files.read(sha256)) for sha256, media in chosen.items()]


def import_bundle(session: Session, path: Path) -> BundleImport:
    """Checks a bundle's addressing and sender and delivers it to the portal over this
    installation's link (it cannot read it: only the portal can)."""
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
    files: list[dict[str, Any]] = answer.get("attachments", []) if isinstance(answer, dict) else []
    refused += [
        f"attachment {r.get('sha256')}: {(r.get('problem') or {}).get('title')}: "
        f"{(r.get('problem') or {}).get('detail')}"
        for r in files
        if r.get("status") == "rejected"
    ]
    return BundleImport(
        stored=sum(1 for r in results if r.get("status") == "stored"),
        duplicates=sum(1 for r in results if r.get("status") == "duplicate"),
        refused=refused,
        attachments_stored=sum(1 for r in files if r.get("status") == "stored"),
        attachments_duplicate=sum(1 for r in files if r.get("status") == "duplicate"),
    )
