"""POST /v1/bundles: offline bundles carried on removable media (docs/protocol.md §6.5).

The uploader is any enrolled user of the sender's agency; the bundle itself proves who made
it (the sender's signature over the ciphertext) and only the portal's X25519 key opens it.
The envelopes inside go through exactly the same ingest as a push, under the sender's
identity, so a replayed or twice-imported bundle only produces `duplicate` answers. The
attachments inside are kept like finished tus uploads (content-addressed, one row per
SHA-256), each only if a submission of the bundle that the portal accepted names it with that
SHA-256 and size; one the portal holds already is a `duplicate`.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal.auth import Caller
from portal.database import Database
from portal.files import private_dir
from portal.ingest import ItemResult, ingest_batch
from portal.keys import PortalKeys
from portal.problems import Problem
from portal.resolver import PortalKeyResolver
from portal.uploads import UploadStore, store_whole
from sync.bundles import BundleError, check_part, join_parts, open_bundle, read_part
from sync.protocol import b64url_decode
from sync.protocol.canonical import JsonObject, JsonValue

_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class AttachmentResult:
    sha256: str
    status: str  # stored | duplicate | rejected
    problem: Problem | None = None

    def to_json(self) -> JsonObject:
        out: JsonObject = {"sha256": self.sha256, "status": self.status}
        if self.problem is not None:
            out["problem"] = self.problem.to_json()
        return out


def ingest_bundle(
    data: bytes,
    *,
    db: Database,
    keys: PortalKeys,
    caller: Caller,
    now: int,
    max_batch: int,
    store: UploadStore,
    max_attachment_bytes: int,
) -> tuple[str, list[ItemResult], list[AttachmentResult]]:
    with db.read() as conn:
        resolver = PortalKeyResolver(conn, keys)
        try:
            contents = open_bundle(data, keys.exchange_key, resolver, keys.portal_id)
        except BundleError as exc:
            raise Problem("invalid-bundle", str(exc)) from None
        sender = resolver.certificate(contents.sender_key_id)
    if sender is None or sender.self_signed:
        raise Problem("invalid-bundle", "the bundle's sender is not enrolled with this portal")
    if sender.agency != caller.certificate.agency:
        raise Problem(
            "wrong-agency",
            f"a bundle of agency {sender.agency} must be uploaded by a user of that agency",
        )
    if len(contents.envelopes) > max_batch * 20:
        raise Problem("batch-too-large", "the bundle holds too many envelopes")
    as_sender = Caller(certificate=sender, member_state=caller.member_state)
    items: list[JsonValue] = list(contents.envelopes)
    results = ingest_batch(items, db=db, keys=keys, caller=as_sender, now=now)
    # What the accepted submissions name: sha256 -> (report id, size).
    named: dict[str, tuple[str, int]] = {}
    for result in results:
        envelope = contents.envelopes[result.index]
        if result.status != "rejected" and envelope.get("type") == "submission":
            for item in envelope["body"]["attachments"]:
                named[str(item["sha256"])] = (str(envelope["body"]["report_id"]), int(item["size"]))
    files = [
        _attachment(
            entry,
            named,
            db=db,
            store=store,
            actor=sender.user_id,
            bundle_id=contents.bundle_id,
            now=now,
            max_bytes=max_attachment_bytes,
        )
        for entry in contents.attachments
    ]
    return contents.bundle_id, results, files


def _attachment(
    entry: Any,
    named: dict[str, tuple[str, int]],
    *,
    db: Database,
    store: UploadStore,
    actor: str,
    bundle_id: str,
    now: int,
    max_bytes: int,
) -> AttachmentResult:
    """One file of a bundle: kept only as the signed submission names it (hash and size)."""
    if (
        not isinstance(entry, dict)
        or set(entry) != {"sha256", "media_type", "data"}
        or not all(isinstance(entry[k], str) for k in entry)
        or not _SHA256.fullmatch(entry["sha256"])
    ):
        return AttachmentResult("", "rejected", Problem("invalid-bundle", "malformed attachment"))
    sha256 = str(entry["sha256"])
    if sha256 not in named:
        problem = Problem(
            "invalid-bundle", "no submission of the bundle that the portal accepted names it"
        )
        return AttachmentResult(sha256, "rejected", problem)
    report_id, size = named[sha256]
    if size > max_bytes:
        problem = Problem("upload-too-large", f"larger than the portal's {max_bytes} bytes")
        return AttachmentResult(sha256, "rejected", problem)
    try:
        data = b64url_decode(entry["data"])
    except ValueError:
        return AttachmentResult(sha256, "rejected", Problem("invalid-bundle", "not base64url"))
    actual = hashlib.sha256(data).hexdigest()
    if actual != sha256 or len(data) != size:
        problem = Problem(
            "attachment-hash-mismatch",
            f"the file has SHA-256 {actual} and {len(data)} bytes, not those the submission "
            "names",
        )
        return AttachmentResult(sha256, "rejected", problem)
    via = f"bundle {bundle_id}"
    stored = store_whole(
        db, store, sha256, data, actor=actor, report_id=report_id, via=via, now=now
    )
    return AttachmentResult(sha256, "stored" if stored else "duplicate")


# -- POST /v1/bundles/parts: a bundle uploaded part by part ----------------------------------
#
# The importing installation uploads the signed part files as the courier brought them, so a
# bundle larger than one request (max_body_bytes) still arrives, and a cut link costs one part.
# Each part is checked alone (sender's signature, addressing, payload hash, sender of the
# caller's agency) before it is kept under DATA/bundle-parts/<bundle sha256>/; nothing is
# ingested until every part is there; then the parts are joined, the whole is checked against
# its hash and opened like a bundle uploaded whole, and the parts are removed. Parts of a
# bundle that never completes are swept away `upload_expiry_seconds` after their last part.

PARTS_DIR = "bundle-parts"
_MAX_PARTS = 100_000
_joining = threading.Lock()  # one join at a time in this process (all are idempotent anyway)


@dataclass(frozen=True)
class PartAnswer:
    bundle_sha256: str
    parts: int
    received: list[int]
    # Set once the last part arrived and the bundle was ingested:
    bundle: tuple[str, list[ItemResult], list[AttachmentResult]] | None = None


def _part_dir(store: UploadStore, bundle_sha256: str) -> Path:
    return store.data_dir / PARTS_DIR / bundle_sha256


def _received(folder: Path) -> list[int]:
    if not folder.is_dir():
        return []
    return sorted(int(p.name) for p in folder.iterdir() if p.name.isdigit())


def sweep_parts(store: UploadStore, now: int, ttl: int) -> None:
    """Forget the parts of bundles whose last part arrived more than `ttl` seconds ago."""
    root = store.data_dir / PARTS_DIR
    if not root.is_dir():
        return
    for folder in root.iterdir():
        try:
            if folder.stat().st_mtime + ttl <= now:
                shutil.rmtree(folder, ignore_errors=True)
        except FileNotFoundError:
            continue


def receive_part(
    data: bytes,
    *,
    db: Database,
    keys: PortalKeys,
    caller: Caller,
    now: int,
    max_batch: int,
    store: UploadStore,
    max_attachment_bytes: int,
    max_bundle_bytes: int,
    ttl: int,
) -> PartAnswer:
    sweep_parts(store, now, ttl)
    try:
        part = read_part(data)
    except BundleError as exc:
        raise Problem("invalid-bundle", str(exc)) from None
    header = part.header
    if not _SHA256.fullmatch(str(header["bundle_sha256"])) or part.parts > _MAX_PARTS:
        raise Problem("invalid-bundle", "the part's header is not the expected one")
    if int(header["bundle_size"]) > max_bundle_bytes:
        raise Problem("body-too-large", f"the bundle is larger than {max_bundle_bytes} bytes")
    with db.read() as conn:
        resolver = PortalKeyResolver(conn, keys)
        try:
            check_part(part, resolver, keys.portal_id)
        except BundleError as exc:
            raise Problem("invalid-bundle", str(exc)) from None
        sender = resolver.certificate(str(header["sender_key_id"]))
    if sender is None or sender.self_signed:
        raise Problem("invalid-bundle", "the bundle's sender is not enrolled with this portal")
    if sender.agency != caller.certificate.agency:
        raise Problem(
            "wrong-agency",
            f"a bundle of agency {sender.agency} must be uploaded by a user of that agency",
        )
    bundle_sha256 = str(header["bundle_sha256"])
    folder = private_dir(_part_dir(store, bundle_sha256))
    target = folder / str(part.number)
    temp = folder / f".{part.number}.{secrets.token_hex(8)}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temp, target)  # a part sent twice replaces itself with the same bytes
    os.utime(folder)  # the folder's time is its last part's (the sweep reads it)
    received = _received(folder)
    if len(received) < part.parts:
        return PartAnswer(bundle_sha256, part.parts, received)
    with _joining:
        try:
            files = [read_part((folder / str(n)).read_bytes()) for n in received]
        except FileNotFoundError:  # another request joined them meanwhile
            return PartAnswer(bundle_sha256, part.parts, received)
        try:
            whole = join_parts(files)
        except BundleError as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise Problem("invalid-bundle", str(exc)) from None
        result = ingest_bundle(
            whole,
            db=db,
            keys=keys,
            caller=caller,
            now=now,
            max_batch=max_batch,
            store=store,
            max_attachment_bytes=max_attachment_bytes,
        )
        shutil.rmtree(folder, ignore_errors=True)
    return PartAnswer(bundle_sha256, part.parts, received, result)
