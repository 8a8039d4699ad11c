"""The HTTP endpoints of API v1 (docs/protocol.md §5). Handlers parse and answer; the work
happens in registry, ingest and feed, run in a worker thread (blocking SQL and crypto)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from portal import audit, registry
from portal.auth import Caller, SignedRequest, authenticate
from portal.clock import as_datetime, now_seconds
from portal.config import Settings
from portal.database import Database
from portal.feed import MAX_LOCAL_KEYS, read_feed
from portal.ingest import batch_answer, ingest_batch
from portal.keys import PortalKeys
from portal.locks import UploadLocks
from portal.problems import Problem
from portal.request_body import check_json_content_type, decimal, decode_json, read_raw
from portal.throttle import Throttle
from portal.uploads import UploadStore
from sync.protocol import Certificate, b64url_decode, b64url_encode
from sync.protocol.canonical import JsonObject
from sync.protocol.envelopes import ENVELOPE_VERSION
from sync.protocol.fields import format_timestamp
from sync.protocol.keys import is_key_id

DEFAULT_FEED_LIMIT = 100


@dataclass(frozen=True)
class Portal:
    """Everything a handler needs; stored in app.state.portal."""

    settings: Settings
    db: Database
    keys: PortalKeys
    store: UploadStore
    upload_locks: UploadLocks = field(default_factory=UploadLocks)
    enrol_throttle: Throttle = field(default_factory=lambda: Throttle("enrol", 10, 10.0))
    signature_throttle: Throttle = field(default_factory=lambda: Throttle("signature", 30, 30.0))

    @classmethod
    def of(cls, settings: Settings, db: Database, keys: PortalKeys) -> Portal:
        limits = settings.limits
        return cls(
            settings=settings,
            db=db,
            keys=keys,
            store=UploadStore(settings.data_dir),
            upload_locks=UploadLocks(db),
            enrol_throttle=Throttle(
                "enrol", limits.enrol_failures_burst, limits.enrol_failures_per_minute
            ),
            signature_throttle=Throttle(
                "signature", limits.signature_failures_burst, limits.signature_failures_per_minute
            ),
        )


def portal_of(request: Request) -> Portal:
    portal: Portal = request.app.state.portal
    return portal


def _target_uri(request: Request, settings: Settings) -> str:
    """The URI the client signed: its path and query exactly as sent (still percent-encoded;
    Starlette's request.url has the decoded path), after our scheme://host or --public-url."""
    raw_path = request.scope.get("raw_path")
    path = raw_path.decode("latin-1") if raw_path else request.url.path
    query = request.scope.get("query_string", b"").decode("latin-1")
    base = (
        settings.public_url.rstrip("/")
        if settings.public_url
        else (f"{request.url.scheme}://{request.url.netloc}")
    )
    return base + path + (f"?{query}" if query else "")


def source_of(request: Request) -> str:
    """The address attempts are counted by (behind a proxy: what uvicorn's proxy headers
    handling made of X-Forwarded-For)."""
    return request.client.host if request.client is not None else "unknown"


async def throttled(throttle: Throttle, request: Request, portal: Portal) -> None:
    """429 while the caller's address has no attempts left; the first refusal is audited."""
    source = source_of(request)
    try:
        throttle.check(source)
    except Problem as problem:
        if getattr(problem, "first", False):
            await run_in_threadpool(_audit_throttle, portal.db, throttle, source, problem)
        raise


def _audit_throttle(db: Database, throttle: Throttle, source: str, problem: Problem) -> None:
    with db.write() as conn:
        audit.append(
            conn,
            at=now_seconds(),
            actor=source,
            action="throttle",
            subject=throttle.kind,
            details={"kind": throttle.kind, "source": source, **problem.extensions},
        )


# Authentication failures that are not a guess: the client corrects its clock and retries.
_NOT_GUESSES = frozenset({"clock-skew"})


async def authenticate_request(request: Request, portal: Portal, raw: bytes | None) -> Caller:
    """The signed caller; `raw=None` for a streamed body whose digest is checked later.
    Failed attempts count against the caller's address (portal/throttle.py)."""
    await throttled(portal.signature_throttle, request, portal)
    signed = SignedRequest(
        method=request.method,
        target_uri=_target_uri(request, portal.settings),
        headers={k.lower(): v for k, v in request.headers.items()},
        body=raw,
    )
    try:
        return await run_in_threadpool(
            authenticate,
            signed,
            db=portal.db,
            keys=portal.keys,
            now=now_seconds(),
            window=portal.settings.limits.signature_window_seconds,
        )
    except Problem as problem:
        if problem.kind.slug not in _NOT_GUESSES:
            portal.signature_throttle.failed(source_of(request))
        raise


async def hello(request: Request) -> Response:
    portal = portal_of(request)
    limits = portal.settings.limits
    now = now_seconds()
    return JSONResponse(
        {
            "protocol_version": ENVELOPE_VERSION,
            "portal_id": portal.keys.portal_id,
            "server_time": format_timestamp(as_datetime(now)),
            "server_time_unix": now,
            "limits": {
                "max_body_bytes": limits.max_body_bytes,
                "max_batch": limits.max_batch,
                "max_feed_limit": limits.max_feed_limit,
                "max_feed_bytes": limits.max_feed_bytes,
                "max_local_keys": MAX_LOCAL_KEYS,
                "signature_window_seconds": limits.signature_window_seconds,
                "max_attachment_bytes": limits.max_attachment_bytes,
            },
            "keys": {
                "ed25519": {
                    "key_id": portal.keys.key_id,
                    "public_key": b64url_encode(portal.keys.public_key),
                },
                "x25519": {"public_key": b64url_encode(portal.keys.exchange_public_key)},
            },
            "certificate": portal.keys.certificate.to_json(),
        }
    )


ENROL_FIELDS = ("code", "public_key", "user_id", "role", "agency", "display_name")


async def enrol(request: Request) -> Response:
    """POST /v1/enrol (docs/protocol.md §5.3). Unsigned, or signed by the principal's current
    key to replace it (that key is revoked in the same transaction)."""
    portal = portal_of(request)
    await throttled(portal.enrol_throttle, request, portal)
    check_json_content_type(request)
    raw = await read_raw(request, portal.settings.limits.max_body_bytes)
    replacing = None
    if "signature-input" in request.headers or "signature" in request.headers:
        replacing = (await authenticate_request(request, portal, raw)).certificate
    body = await decode_json(
        raw,
        request.headers.get("content-encoding"),
        portal.settings.limits.max_body_bytes,
        ENROL_FIELDS,
        ("code", "public_key", "user_id"),
    )
    enrolment = _enrol_request(body, replacing)
    try:
        certificate = await run_in_threadpool(
            registry.enrol,
            portal.db,
            portal.keys,
            enrolment,
            now=now_seconds(),
            certificate_days=portal.settings.limits.certificate_days,
        )
    except Problem as problem:
        if problem.kind.slug in registry.GUESSES:
            portal.enrol_throttle.failed(source_of(request))
        raise
    return JSONResponse(
        {
            "certificate": certificate.to_json(),
            "portal_certificate": portal.keys.certificate.to_json(),
        },
        status_code=201,
    )


def _enrol_request(body: JsonObject, replacing: Certificate | None) -> registry.EnrolRequest:
    texts: dict[str, str] = {}
    for name in ENROL_FIELDS:
        value = body.get(name)
        if value is None and name not in ("code", "public_key", "user_id"):
            continue
        if not isinstance(value, str):
            raise Problem("invalid-request", f"{name} must be a string")
        texts[name] = value
    role = texts.get("role")
    if role is not None and role not in registry.ENROLLABLE_ROLES:
        raise Problem(
            "invalid-request", f"role must be one of {', '.join(registry.ENROLLABLE_ROLES)}"
        )
    try:
        public_key = b64url_decode(texts["public_key"], size=32)
        registry.check_user_id(texts["user_id"])
        agency = texts.get("agency")
        if agency is not None:
            registry.check_agency_code(agency)
        shown = texts.get("display_name")
        display_name = None if shown is None else registry.check_display_name(shown)
    except ValueError as exc:
        raise Problem("invalid-request", str(exc)) from None
    return registry.EnrolRequest(
        code=texts["code"],
        public_key=public_key,
        principal=texts["user_id"],
        role=role,
        agency=agency,
        display_name=display_name,
        replacing=replacing,
    )


async def push_envelopes(request: Request) -> Response:
    portal = portal_of(request)
    limits = portal.settings.limits
    raw = await read_raw(request, limits.max_body_bytes)
    # Authenticate before inflating: only enrolled keys get to spend our CPU on it.
    caller = await authenticate_request(request, portal, raw)
    check_json_content_type(request)
    body = await decode_json(
        raw,
        request.headers.get("content-encoding"),
        limits.max_body_bytes,
        ("envelopes", "receipts"),
        ("envelopes",),
    )
    items = body["envelopes"]
    receipts = body.get("receipts", "single")
    if receipts not in ("single", "batch"):
        raise Problem("invalid-request", 'receipts must be "single" or "batch"')
    if not isinstance(items, list):
        raise Problem("invalid-request", "envelopes must be an array")
    if len(items) > limits.max_batch:
        raise Problem(
            "batch-too-large",
            f"at most {limits.max_batch} envelopes per batch",
            max_batch=limits.max_batch,
        )
    now = now_seconds()
    results = await run_in_threadpool(
        ingest_batch, items, db=portal.db, keys=portal.keys, caller=caller, now=now
    )
    if receipts == "batch":
        return JSONResponse(batch_answer(results, portal.keys.signing_key, as_datetime(now)))
    return JSONResponse(
        {
            "portal_time": format_timestamp(as_datetime(now)),
            "results": [r.to_json() for r in results],
        }
    )


async def feed(request: Request) -> Response:
    portal = portal_of(request)
    raw = await read_raw(request, portal.settings.limits.max_body_bytes)
    caller = await authenticate_request(request, portal, raw)
    limit = decimal(request.query_params.get("limit", str(DEFAULT_FEED_LIMIT)))
    max_limit = portal.settings.limits.max_feed_limit
    if limit is None or not 1 <= limit <= max_limit:
        raise Problem("invalid-parameter", f"limit must be an integer from 1 to {max_limit}")
    # A byte budget: a link that only carries a few KB at a time still pulls everything,
    # one small page after another (absent: only `limit` bounds the page).
    max_bytes: int | None = None
    if "max_bytes" in request.query_params:
        max_bytes = decimal(request.query_params["max_bytes"])
        ceiling = portal.settings.limits.max_feed_bytes
        if max_bytes is None or not 1 <= max_bytes <= ceiling:
            raise Problem(
                "invalid-parameter", f"max_bytes must be an integer from 1 to {ceiling}"
            )
    page = await run_in_threadpool(
        read_feed,
        portal.db,
        caller,
        cursor=request.query_params.get("cursor"),
        limit=limit,
        max_bytes=max_bytes,
        now=now_seconds(),
        local_keys=_local_keys(request),
    )
    return JSONResponse(page)


def _local_keys(request: Request) -> frozenset[str]:
    """The keys of the caller's installation (docs/protocol.md 6.5): envelopes they signed
    come as references. Only a hint: a wrong list costs the caller a page in full."""
    text = request.query_params.get("local_keys")
    if not text:
        return frozenset()
    keys = text.split(",")
    if len(keys) > MAX_LOCAL_KEYS or not all(is_key_id(k) for k in keys):
        raise Problem(
            "invalid-parameter",
            f"local_keys must be at most {MAX_LOCAL_KEYS} key ids (ed25519:<32 hex>), "
            "separated by commas",
        )
    return frozenset(keys)


async def directory(request: Request) -> Response:
    """GET /v1/directory: the agencies and principals the caller may address."""
    portal = portal_of(request)
    raw = await read_raw(request, portal.settings.limits.max_body_bytes)
    caller = await authenticate_request(request, portal, raw)
    answer = await run_in_threadpool(registry.directory, portal.db, caller.reader)
    return JSONResponse(answer)


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


async def register(request: Request) -> Response:
    """GET /v1/register?report_id=…: who received what of one report (its agency's FPs)."""
    portal = portal_of(request)
    raw = await read_raw(request, portal.settings.limits.max_body_bytes)
    caller = await authenticate_request(request, portal, raw)
    report_id = request.query_params.get("report_id", "")
    if not _UUID.fullmatch(report_id):
        raise Problem("invalid-parameter", "report_id must be a lower-case UUID")
    answer = await run_in_threadpool(registry.received_by, portal.db, caller.reader, report_id)
    return JSONResponse(answer)


async def bundles(request: Request) -> Response:
    """An offline bundle carried from a post without a link (docs/protocol.md §6.5)."""
    from portal.bundles import ingest_bundle

    portal = portal_of(request)
    limits = portal.settings.limits
    raw = await read_raw(request, limits.max_body_bytes)
    caller = await authenticate_request(request, portal, raw)
    check_json_content_type(request)
    now = now_seconds()
    bundle_id, results, files = await run_in_threadpool(
        ingest_bundle,
        raw,
        db=portal.db,
        keys=portal.keys,
        caller=caller,
        now=now,
        max_batch=limits.max_batch,
        store=portal.store,
        max_attachment_bytes=limits.max_attachment_bytes,
    )
    return JSONResponse(
        {
            "bundle_id": bundle_id,
            "portal_time": format_timestamp(as_datetime(now)),
            "results": [r.to_json() for r in results],
            "attachments": [f.to_json() for f in files],
        }
    )


async def bundle_parts(request: Request) -> Response:
    """One part of an offline bundle (docs/protocol.md §6.5): kept until every part is in,
    then the bundle is ingested (200, as for POST /v1/bundles); before that 202."""
    from portal.bundles import receive_part

    portal = portal_of(request)
    limits = portal.settings.limits
    raw = await read_raw(request, limits.max_body_bytes)
    caller = await authenticate_request(request, portal, raw)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/octet-stream":
        raise Problem(
            "unsupported-media-type", f"expected application/octet-stream, got {media_type!r}"
        )
    now = now_seconds()
    answer = await run_in_threadpool(
        receive_part,
        raw,
        db=portal.db,
        keys=portal.keys,
        caller=caller,
        now=now,
        max_batch=limits.max_batch,
        store=portal.store,
        max_attachment_bytes=limits.max_attachment_bytes,
        # A bundle carries its files base64 inside base64: about 1.8 x their size.
        max_bundle_bytes=2 * limits.max_attachment_bytes + limits.max_body_bytes,
        ttl=limits.upload_expiry_seconds,
    )
    body: JsonObject = {
        "bundle_sha256": answer.bundle_sha256,
        "parts": answer.parts,
        "received": list(answer.received),
        "missing": [n for n in range(1, answer.parts + 1) if n not in answer.received],
        "portal_time": format_timestamp(as_datetime(now)),
    }
    if answer.bundle is None:
        return JSONResponse(body, status_code=202)
    bundle_id, results, files = answer.bundle
    body["bundle_id"] = bundle_id
    body["results"] = [r.to_json() for r in results]
    body["attachments"] = [f.to_json() for f in files]
    return JSONResponse(body)


async def openapi(request: Request) -> Response:
    text = resources.files("portal").joinpath("openapi.json").read_bytes()
    return Response(text, media_type="application/json")
