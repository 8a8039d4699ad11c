"""Attachment uploads over tus 1.0.0: core, creation, checksum and expiration extensions.

OPTIONS /v1/attachments            discovery (unauthenticated)
POST    /v1/attachments            create: Upload-Length + Upload-Metadata (sha256, report_id)
HEAD    /v1/attachments/{id}       current offset
PATCH   /v1/attachments/{id}       append a chunk at Upload-Offset

Every request but OPTIONS is signed like the rest of the API (RFC 9421). A PATCH body is
streamed to disk while it is hashed, never held whole in memory; it counts only once its
SHA-256 matches the signed Content-Digest (and Upload-Checksum when given), so a chunk cut
off mid-way leaves the offset where it was and the client resumes from there. When the last
byte is in, the whole file must have the SHA-256 declared at creation. docs/protocol.md §5.8.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import os
import re
from collections.abc import Awaitable, Callable
from email.utils import formatdate
from typing import BinaryIO, Final

from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from portal import uploads
from portal.api import authenticate_request, portal_of
from portal.auth import check_streamed_digest
from portal.clock import now_seconds
from portal.problems import Problem
from portal.request_body import decimal, read_raw
from portal.uploads import Upload
from sync.protocol.canonical import JsonValue
from sync.protocol.errors import MalformedEnvelope
from sync.protocol.fields import check_media_type

log = logging.getLogger("portal.tus")

TUS_VERSION: Final = "1.0.0"
TUS_EXTENSIONS: Final = "creation,checksum,expiration"
CHECKSUM_ALGORITHMS: Final = "sha256"
OFFSET_MEDIA_TYPE: Final = "application/offset+octet-stream"
METADATA_KEYS: Final = ("sha256", "report_id", "media_type")
NO_STORE: Final = {"Cache-Control": "no-store"}  # an offset is stale as soon as it is sent

_HASH = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_UPLOAD_ID = re.compile(r"[0-9a-f]{32}")
_METADATA_KEY = re.compile(r"[A-Za-z0-9_.-]{1,64}")

Handler = Callable[[Request], Awaitable[Response]]


def _http_date(seconds: int) -> str:
    return formatdate(seconds, usegmt=True)


def _headers(upload: Upload | None = None, **extra: str) -> dict[str, str]:
    headers = {"Tus-Resumable": TUS_VERSION, **extra}
    if upload is not None:
        headers["Upload-Offset"] = str(upload.received)
        if not upload.complete:
            headers["Upload-Expires"] = _http_date(upload.expires_at)
    return headers


def tus_endpoint(handler: Handler) -> Handler:
    """Checks Tus-Resumable and puts it on every answer, errors included."""

    async def wrapped(request: Request) -> Response:
        try:
            if request.headers.get("tus-resumable") != TUS_VERSION:
                problem = Problem("unsupported-tus-version", f"send Tus-Resumable: {TUS_VERSION}")
                problem.headers["Tus-Version"] = TUS_VERSION
                raise problem
            return await handler(request)
        except Problem as problem:
            problem.headers["Tus-Resumable"] = TUS_VERSION
            raise

    return wrapped


def _length(text: str | None, name: str) -> int:
    value = decimal(text)
    if value is None:
        raise Problem("invalid-request", f"{name} must be a non-negative decimal integer")
    return value


def parse_metadata(text: str | None) -> dict[str, str]:
    """Upload-Metadata: comma-separated `key base64(value)` pairs (tus creation)."""
    if not text or not text.strip():
        raise Problem("invalid-request", "Upload-Metadata with sha256 and report_id is required")
    values: dict[str, str] = {}
    for pair in text.split(","):
        parts = pair.strip().split(" ")
        key = parts[0]
        if len(parts) > 2 or not _METADATA_KEY.fullmatch(key) or key in values:
            raise Problem("invalid-request", f"Upload-Metadata: bad pair {pair.strip()!r}")
        try:
            raw = base64.b64decode(parts[1], validate=True) if len(parts) == 2 else b""
            values[key] = raw.decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise Problem(
                "invalid-request", f"Upload-Metadata: {key} is not base64 of UTF-8 text"
            ) from None
    unknown = sorted(set(values) - set(METADATA_KEYS))
    if unknown:
        raise Problem(
            "unknown-field",
            f"unknown Upload-Metadata key(s): {', '.join(unknown)}",
            fields=list[JsonValue](unknown),
        )
    if not _HASH.fullmatch(values.get("sha256", "")):
        raise Problem("invalid-request", "Upload-Metadata sha256: 64 lower-case hex digits")
    if not _UUID.fullmatch(values.get("report_id", "")):
        raise Problem("invalid-request", "Upload-Metadata report_id: a lower-case UUID")
    if "media_type" in values:
        try:
            check_media_type(values["media_type"], "media_type", MalformedEnvelope)
        except MalformedEnvelope as exc:
            raise Problem("invalid-request", f"Upload-Metadata {exc}") from None
    return values


def parse_checksum(text: str | None) -> bytes | None:
    """Upload-Checksum: `sha256 <base64 digest>` (tus checksum extension)."""
    if text is None:
        return None
    parts = text.strip().split(" ")
    if len(parts) != 2:
        raise Problem("invalid-request", "Upload-Checksum: '<algorithm> <base64 digest>'")
    if parts[0] != "sha256":
        raise Problem("unsupported-checksum-algorithm", f"algorithm {parts[0]!r}: use sha256")
    try:
        digest = base64.b64decode(parts[1], validate=True)
    except binascii.Error:
        digest = b""
    if len(digest) != hashlib.sha256().digest_size:
        raise Problem("invalid-request", "Upload-Checksum: not a base64 SHA-256 digest")
    return digest


def _upload_id(request: Request) -> str:
    upload_id = str(request.path_params["upload_id"])
    if not _UPLOAD_ID.fullmatch(upload_id):
        raise Problem("not-found", "no such upload")
    return upload_id


async def options(request: Request) -> Response:
    limits = portal_of(request).settings.limits
    return Response(
        status_code=204,
        headers={
            "Tus-Resumable": TUS_VERSION,
            "Tus-Version": TUS_VERSION,
            "Tus-Extension": TUS_EXTENSIONS,
            "Tus-Max-Size": str(limits.max_attachment_bytes),
            "Tus-Checksum-Algorithm": CHECKSUM_ALGORITHMS,
        },
    )


@tus_endpoint
async def create(request: Request) -> Response:
    portal = portal_of(request)
    limits = portal.settings.limits
    raw = await read_raw(request, limits.max_body_bytes)
    caller = await authenticate_request(request, portal, raw)
    if request.headers.get("upload-defer-length") is not None:
        raise Problem("invalid-request", "Upload-Defer-Length is not supported")
    length = _length(request.headers.get("upload-length"), "Upload-Length")
    if length > limits.max_attachment_bytes:
        raise Problem(
            "upload-too-large",
            f"an attachment may have at most {limits.max_attachment_bytes} bytes",
            limit=limits.max_attachment_bytes,
        )
    if raw:
        raise Problem("invalid-request", "send the bytes with PATCH (no creation-with-upload)")
    metadata = parse_metadata(request.headers.get("upload-metadata"))
    upload = await run_in_threadpool(
        uploads.create,
        portal.db,
        portal.store,
        caller,
        length=length,
        sha256=metadata["sha256"],
        report_id=metadata["report_id"],
        media_type=metadata.get("media_type"),
        now=now_seconds(),
        ttl=limits.upload_expiry_seconds,
    )
    location = _public_url(request, portal.settings.public_url, f"/v1/attachments/{upload.id}")
    return Response(status_code=201, headers=_headers(upload, Location=location))


@tus_endpoint
async def head(request: Request) -> Response:
    portal = portal_of(request)
    raw = await read_raw(request, portal.settings.limits.max_body_bytes)
    caller = await authenticate_request(request, portal, raw)
    upload_id = _upload_id(request)
    upload = await run_in_threadpool(uploads.load, portal.db, upload_id, caller, now_seconds())
    return Response(
        status_code=200,
        headers=_headers(upload, **{"Upload-Length": str(upload.length)}, **NO_STORE),
    )


@tus_endpoint
async def patch(request: Request) -> Response:
    portal = portal_of(request)
    # The body is not read yet: the signature covers its Content-Digest, checked below.
    caller = await authenticate_request(request, portal, None)
    upload_id = _upload_id(request)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != OFFSET_MEDIA_TYPE:
        raise Problem("unsupported-media-type", f"a PATCH body is {OFFSET_MEDIA_TYPE}")
    if request.headers.get("content-encoding", "identity").strip().lower() != "identity":
        raise Problem("unsupported-content-encoding", "a PATCH body is sent as is")
    offset = _length(request.headers.get("upload-offset"), "Upload-Offset")
    checksum = parse_checksum(request.headers.get("upload-checksum"))
    ttl = portal.settings.limits.upload_expiry_seconds
    async with portal.upload_locks.hold(upload_id):
        upload = await run_in_threadpool(uploads.load, portal.db, upload_id, caller, now_seconds())
        if offset != upload.received:
            raise Problem(
                "offset-mismatch",
                f"Upload-Offset {offset} is not the upload's offset {upload.received}",
                offset=upload.received,
            )
        declared = decimal(request.headers.get("content-length"))
        remaining = upload.length - upload.received
        # A chunk is one request body like any other (hello's max_body_bytes): the client
        # sizes its chunks below it.
        most = portal.settings.limits.max_body_bytes
        if declared is not None and declared > most:
            raise Problem("body-too-large", f"a chunk may have at most {most} bytes", limit=most)
        if declared is not None and declared > remaining:
            raise Problem("upload-too-large", f"only {remaining} more bytes were declared")
        if upload.complete:  # nothing left to send: a repeat of the last PATCH, say
            if declared:
                raise Problem("upload-too-large", "the upload is complete")
            return Response(status_code=204, headers=_headers(upload))
        try:
            file = portal.store.part_path(upload.id).open("r+b")
        except FileNotFoundError:  # swept away as expired a moment ago
            raise Problem("upload-expired", "the upload expired; create a new one") from None
        with file:
            try:
                received = await _receive_chunk(request, file, upload, remaining, most)
                if received is None:  # the client went away mid-chunk: nothing counts
                    return Response(status_code=400)
                size, sha256 = received
                if checksum is not None and sha256 != checksum:
                    raise Problem("checksum-mismatch", "the chunk does not match Upload-Checksum")
                check_streamed_digest(_lower_headers(request), sha256)
                await run_in_threadpool(os.fsync, file.fileno())
            except BaseException:
                file.truncate(upload.received)
                raise
        now = now_seconds()
        if upload.received + size == upload.length:
            # The last chunk and the completion commit together: no state in between.
            upload = await run_in_threadpool(
                uploads.finish, portal.db, portal.store, upload, caller, now
            )
        else:
            upload = await run_in_threadpool(
                uploads.record_chunk, portal.db, upload, upload.received + size, now=now, ttl=ttl
            )
    return Response(status_code=204, headers=_headers(upload))


async def _receive_chunk(
    request: Request, file: BinaryIO, upload: Upload, remaining: int, most: int
) -> tuple[int, bytes] | None:
    """Append the body at the upload's offset; (size, SHA-256), or None when cut off."""
    file.seek(upload.received)
    file.truncate()
    digest = hashlib.sha256()
    size = 0
    try:
        async for piece in request.stream():
            size += len(piece)
            if size > remaining:
                raise Problem("upload-too-large", f"only {remaining} more bytes were declared")
            if size > most:  # sent without a Content-Length
                raise Problem(
                    "body-too-large", f"a chunk may have at most {most} bytes", limit=most
                )
            file.write(piece)
            digest.update(piece)
    except ClientDisconnect:
        file.truncate(upload.received)
        log.info("upload %s: cut off after %d bytes of a chunk; they do not count", upload.id, size)
        return None
    file.flush()
    return size, digest.digest()


def _lower_headers(request: Request) -> dict[str, str]:
    return {k.lower(): v for k, v in request.headers.items()}


def _public_url(request: Request, public_url: str | None, path: str) -> str:
    base = public_url.rstrip("/") if public_url else str(request.base_url).rstrip("/")
    return base + path
