"""Offline bundles: what an installation with no link writes for a courier, and what a
connected installation of the agency delivers for it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import InvalidInput, NotAllowed
from app.identity import signing_key
from app.session import Session
from app.sync_store import LocalSyncStore
from resources.i18n import _
from services.portal import portal_client, require_portal
from storage.attachments_repo import AttachmentRepository
from storage.outbox_repo import OutboxRepository
from sync.bundles import BundlePart
from sync.transport import PortalClient


@dataclass(frozen=True)
class BundleExport:
    envelopes: int
    reports: int
    attachments: int = 0
    attachment_bytes: int = 0
    files: tuple[Path, ...] = ()  # what was written: the bundle, or its parts in order


@dataclass(frozen=True)
class BundleImport:
    stored: int
    duplicates: int
    refused: list[str]
    attachments_stored: int = 0
    attachments_duplicate: int = 0


def part_paths(path: Path, parts: int) -> list[Path]:
    """`post.bundle` in 12 parts: post.bundle.part-01-of-12 … post.bundle.part-12-of-12."""
    width = max(2, len(str(parts)))
    return [
        path.with_name(f"{path.name}.part-{n:0{width}d}-of-{parts:0{width}d}")
        for n in range(1, parts + 1)
    ]


def export_bundle(
    session: Session, path: Path, purpose: str, max_part_size: int | None = None
) -> BundleExport:
    """Writes the approved, undelivered envelopes and their files into an offline bundle at
    `path` (encrypted to the portal, signed by the user) and records the dissemination. With
    `max_part_size`, the bundle is written as part files of at most that many bytes each
    (`part_paths`), for a medium smaller than the bundle."""
    import json

    from app.clock import now_rfc3339
    from app.dissemination import DisseminationRegister, Method
    from app.identity import LocalKeyResolver
    from storage.atomic import atomic_write_bytes
    from storage.envelopes_repo import EnvelopeRepository
    from sync.bundles import BundleError, seal_bundle, split_bundle

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
    writes = [(path, data)]
    if max_part_size is not None:
        try:
            pieces = split_bundle(data, signing_key(session.db, session.user), max_part_size)
        except BundleError as exc:
            raise InvalidInput(str(exc)) from None
        writes = list(zip(part_paths(path, len(pieces)), pieces, strict=True))
    register = DisseminationRegister(session.db, session.audit)
    recipient = f"portal {portal.portal_id} (offline bundle)"
    register.check(recipient=recipient, purpose=purpose)
    # The files first, then their entries, in one transaction: a bundle that could not be
    # written is recorded nowhere, and entries that cannot be committed take it away again.
    with session.db.transaction():
        try:
            for target, content in writes:
                atomic_write_bytes(target, content)
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
            for target, _content in writes:
                target.unlink(missing_ok=True)
            raise
    return BundleExport(
        envelopes=len(envelopes),
        reports=len(released),
        attachments=len(files),
        attachment_bytes=sum(len(f[2]) for f in files),
        files=tuple(target for target, _content in writes),
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


def import_bundle(session: Session, paths: Path | Sequence[Path]) -> BundleImport:
    """Checks bundles' addressing and sender and delivers them to the portal over this
    installation's link (it cannot read them: only the portal can). `paths` are whole bundles
    and/or part files in any order; each part is checked alone (its sender's signature and its
    payload), then the parts of each bundle are joined. Anything wrong with any file (named
    in the error) or a missing part refuses the whole import before anything is sent.

    Three steps the UI runs on different lanes: reading the files and delivering touch no
    store (they may stall), only the checks do."""
    return deliver_bundles(check_bundles(session, read_bundles(paths)))


def read_bundles(paths: Path | Sequence[Path]) -> list[tuple[Path, bytes]]:
    """The files' bytes (no store)."""
    files = []
    for path in [paths] if isinstance(paths, Path) else paths:
        try:
            files.append((path, path.read_bytes()))
        except OSError as exc:
            raise InvalidInput(f"Cannot read {path}: {exc.strerror}.") from None
    return files


@dataclass(frozen=True)
class CheckedBundles:
    """Bundles checked against the store's keys, and the client to deliver them with."""

    client: PortalClient
    bundles: list[bytes]
    joined: list[tuple[bytes, list[BundlePart]]]


def check_bundles(session: Session, files: Sequence[tuple[Path, bytes]]) -> CheckedBundles:
    """Store step: each file's addressing and sender checked, parts joined."""
    from app.identity import LocalKeyResolver
    from sync.bundles import (
        BundleError,
        check_part,
        check_sender,
        is_part,
        join_parts,
        read_header,
        read_part,
    )

    portal = require_portal(session)
    keys = LocalKeyResolver(session.db)
    bundles: list[bytes] = []
    groups: dict[str, list[BundlePart]] = {}
    for path, data in files:
        try:
            if is_part(data):
                part = read_part(data)
                check_part(part, keys, portal.portal_id)
                groups.setdefault(str(part.header["bundle_sha256"]), []).append(part)
            else:
                check_sender(read_header(data), keys, portal.portal_id)
                bundles.append(data)
        except BundleError as exc:
            raise NotAllowed(f"{path.name}: {exc}") from None
    joined: list[tuple[bytes, list[BundlePart]]] = []
    for parts in groups.values():
        try:
            whole = join_parts(parts)
            check_sender(read_header(whole), keys, portal.portal_id)
        except BundleError as exc:
            raise NotAllowed(str(exc)) from None
        once = {p.number: p for p in parts}
        joined.append((whole, [once[n] for n in sorted(once)]))
    return CheckedBundles(portal_client(session), bundles, joined)


def deliver_bundles(checked: CheckedBundles) -> BundleImport:
    """Network step: the checked bundles posted to the portal (no store)."""
    total = BundleImport(stored=0, duplicates=0, refused=[])
    with checked.client as client:
        for data in checked.bundles:
            total = _add(total, _post_whole(client, data))
        for whole, parts in checked.joined:
            total = _add(total, _post_parts(client, whole, parts))
    return total


def _post_whole(client: PortalClient, data: bytes) -> dict[str, Any]:
    answer: Any = client.request(
        "POST", "/v1/bundles", data, {"Content-Type": "application/json"}
    ).json()
    return answer if isinstance(answer, dict) else {}


def _post_parts(client: PortalClient, whole: bytes, parts: list[BundlePart]) -> dict[str, Any]:
    """Uploads the signed parts one by one (a bundle larger than one request still arrives, a
    cut costs one part); the portal answers with the bundle's results after the last one. A
    portal without /v1/bundles/parts gets the joined bundle whole."""
    from sync.bundles import part_bytes
    from sync.transport import Problem

    answer: Any = None
    for part in parts:
        try:
            answer = client.request(
                "POST",
                "/v1/bundles/parts",
                part_bytes(part),
                {"Content-Type": "application/octet-stream"},
            ).json()
        except Problem as exc:
            if exc.slug in ("not-found", "method-not-allowed") and answer is None:
                return _post_whole(client, whole)
            raise
        if isinstance(answer, dict) and "results" in answer:
            break  # complete: the portal held the others from an earlier, cut import
    if not isinstance(answer, dict) or "results" not in answer:
        raise InvalidInput(
            _("The portal has not received every part yet; run the import again.")
        )
    return answer


def _add(total: BundleImport, answer: dict[str, Any]) -> BundleImport:
    """`total` plus the portal's answer for one bundle."""
    results: list[dict[str, Any]] = answer.get("results", [])
    files: list[dict[str, Any]] = answer.get("attachments", [])

    def problem(r: dict[str, Any]) -> str:
        details = r.get("problem") or {}
        return f"{details.get('title')}: {details.get('detail')}"

    refused = [f"item {r.get('index')}: {problem(r)}" for r in results if _refused(r)]
    refused += [f"attachment {r.get('sha256')}: {problem(r)}" for r in files if _refused(r)]

    def count(rows: list[dict[str, Any]], status: str) -> int:
        return sum(1 for r in rows if r.get("status") == status)

    return BundleImport(
        stored=total.stored + count(results, "stored"),
        duplicates=total.duplicates + count(results, "duplicate"),
        refused=total.refused + refused,
        attachments_stored=total.attachments_stored + count(files, "stored"),
        attachments_duplicate=total.attachments_duplicate + count(files, "duplicate"),
    )


def _refused(result: dict[str, Any]) -> bool:
    return result.get("status") == "rejected"
