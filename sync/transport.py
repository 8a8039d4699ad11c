"""The client's HTTP transport to the portal: the only place the client touches the network.

One `PortalClient` per portal. It signs every request that needs it (RFC 9421, profile in
sync/http_signatures.py) with the portal's time (local clock + the offset learnt from
`GET /v1/hello` or from a `clock-skew` answer), so a wrong local clock never gets work
refused. It applies a connect timeout and a stall (read) timeout, never one total timeout:
a slow but moving transfer over a satellite link is fine, a silent one is not.

Every failure is one `TransportError` subclass, and what the scheduler should do follows
from the class (see each docstring). `Offline` means nothing reached the portal; after
`Stalled`, `ConnectionCut` or `InvalidResponse` the portal may or may not have acted on the
request, which is harmless because every write of the protocol is idempotent. Answers are
returned exactly as the portal gives them; receipts are verified by the caller against the
pinned portal key, not here.

Not thread-safe: one thread at a time per client (counters and the clock offset may be read
from any thread).
"""

from __future__ import annotations

import contextlib
import gzip
import logging
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Any, Final, Literal, NamedTuple, cast
from urllib.parse import urlsplit

import requests
import urllib3.exceptions as u3
import zstandard
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict
from urllib3.util.ssl_match_hostname import CertificateError as HostnameMismatch

from resources.i18n import N_, _
from sync.http_signatures import sign_request
from sync.protocol import Envelope, b64url_decode, b64url_encode, key_id_of, public_key_raw
from sync.protocol.batch_receipts import BatchRoot
from sync.protocol.batch_receipts import batch_receipts as make_batch_receipts
from sync.protocol.bodies import ReceiptBody, ReceiptFor
from sync.protocol.canonical import JsonObject, JsonValue, canonical_bytes, parse_json
from sync.protocol.errors import InvalidJson, VerificationError

PROBLEM_BASE: Final = "https://outpost.invalid/problems/"
USER_AGENT: Final = "outpost-sync/1"
UPLOAD_BLOCK: Final = 8 * 1024
ZSTD_LEVEL: Final = 10  # CPU is cheap next to a satellite link; higher levels gain little
MAX_RESPONSE_BYTES: Final = 64 * 1024 * 1024

Compression = Literal["zstd", "gzip"]

# Problem types after which the same request (or item) can never succeed: retrying is
# pointless and the item must be quarantined or the user must act. Any other type, also
# one this client does not know yet, is treated as retryable: never drop work on a guess.
PERMANENT_PROBLEMS: Final = frozenset(
    {
        "invalid-json",
        "invalid-request",
        "unknown-field",
        "body-too-large",  # as sent: the caller must split the batch
        "batch-too-large",
        "unsupported-media-type",
        "unsupported-content-encoding",
        "bad-compression",
        "invalid-cursor",
        "invalid-parameter",
        "not-found",
        "method-not-allowed",
        "not-implemented",
        "invalid-bundle",
        "missing-signature",
        "missing-digest",
        "malformed-signature",
        "bad-request-signature",
        "unknown-key",
        "revoked-key",
        "expired-certificate",
        "invalid-enrolment-code",
        "expired-enrolment-code",
        "used-enrolment-code",
        "key-already-enrolled",
        "enrolment-code-mismatch",  # the code was not spent: use the right one
        "principal-taken",
        "not-permitted",
        "malformed-envelope",
        "unsupported-version",
        "unexpected-type",
        "bad-signature",
        "untrusted-certificate",
        "wrong-role",
        "signer-mismatch",
        "hash-mismatch",
        "four-eyes-violation",
        "wrong-agency",
        "envelope-conflict",
        "observed-in-future",  # signed as it is: the author corrects it in a new version
        "release-refused",  # the approval itself names an audience its label cannot have
        # attachment uploads (tus)
        "unsupported-tus-version",
        "upload-too-large",
        "unsupported-checksum-algorithm",
        "upload-expired",  # this upload URL is gone: start a new upload
        "attachment-hash-mismatch",
    }
)
# The portal's types that are worth retrying, listed so that every type is a decision.
RETRYABLE_PROBLEMS: Final = frozenset(
    {
        "clock-skew",  # the client corrects its offset (and does so at once, see request())
        "replayed-request",  # a new nonce
        "digest-mismatch",  # bytes altered in transit
        "checksum-mismatch",
        "unknown-submission",  # the submission may reach the portal later
        "unknown-approval",  # likewise the approval a national release names
        "internal-error",
        "offset-mismatch",  # ask for the offset, resume from there
        "upload-locked",  # another request is still writing to the upload
        "too-many-attempts",  # after Retry-After
    }
)

# Marked for the catalogue; translated where the message is made (resources/i18n.py).
_HINTS: Final = {
    "clock-skew": N_("The computer's clock is far off; the request is retried with portal time."),
    "expired-certificate": N_("This user's enrolment has expired: enrol again with a new code."),
    "revoked-key": N_("This user's key has been revoked: contact the agency administrator."),
    "unknown-key": N_("This user is not enrolled at this portal: enrol with an enrolment code."),
    "invalid-enrolment-code": N_("Check the enrolment code, or ask for a new one."),
    "expired-enrolment-code": N_("The enrolment code has expired: ask for a new one."),
    "used-enrolment-code": N_("The enrolment code was already used: ask for a new one."),
    "key-already-enrolled": N_(
        "This key is already certified on the portal. If it was certified with the wrong role, "
        "ask for a code of the right role and run: outpost enrol --replace CODE."
    ),
    "enrolment-code-mismatch": N_("The code was not used: ask for a code of your role and agency."),
    "principal-taken": N_(
        "This user id belongs to someone else on the portal: ask your focal point for a code "
        "issued for you."
    ),
    "too-many-attempts": N_("Too many failed attempts from this address: wait, then try again."),
}

log = logging.getLogger(__name__)


# -- errors ---------------------------------------------------------------------------------


class TransportError(Exception):
    """A request to the portal failed. `retryable`: whether trying again later can help."""

    retryable: bool = True

    def __init__(self, message: str, *, method: str = "", url: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.method = method
        self.url = url


class Offline(TransportError):
    """No link to the portal: nothing was delivered. Wait for the network and retry."""


class ConnectFailed(Offline):
    """The connection could not be opened (refused, unreachable, name unknown, connect
    timeout)."""


class Stalled(TransportError):
    """Nothing moved for the stall timeout in the middle of an exchange."""


class ConnectionCut(TransportError):
    """The connection was closed or reset mid-exchange, the body was shorter than announced,
    or TLS broke off (other than a certificate failure). The portal may have acted on the
    request; resending is harmless. `answered`: bytes of the answer's body that had crossed
    the wire when it broke off (None: no answer had begun), what the link carried of it."""

    def __init__(
        self, message: str, *, method: str = "", url: str = "", answered: int | None = None
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.answered = answered


class PinMismatch(TransportError):
    """The portal's TLS certificate is not the pinned one. Never retried silently: the
    connection may be intercepted, and the user or an administrator must look at it."""

    retryable = False


class InvalidResponse(TransportError):
    """The answer could not be understood: not the portal's JSON, truncated JSON, a
    redirect or an HTML page (a captive portal or an intercepting proxy, typically)."""


class ServerBusy(TransportError):
    """503 or 429. `retry_after`: seconds the portal asked us to wait (None if not said)."""

    def __init__(
        self, message: str, *, status: int, retry_after: float | None, method: str, url: str
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class ProblemDetails:
    """An RFC 9457 problem as the portal sent it (also used for per-item rejections)."""

    type: str
    title: str
    status: int
    detail: str
    extensions: JsonObject

    @property
    def slug(self) -> str:
        """The stable name after the problem base URI ('clock-skew'), or the type itself."""
        return self.type.removeprefix(PROBLEM_BASE)

    @property
    def permanent(self) -> bool:
        return self.slug in PERMANENT_PROBLEMS

    @classmethod
    def from_json(cls, value: JsonValue, status: int) -> ProblemDetails:
        """Lenient on purpose: a problem must always be reportable, even a malformed one."""
        data = value if isinstance(value, dict) else {}
        problem_type = data.get("type")
        title = data.get("title")
        detail = data.get("detail")
        status_member = data.get("status")
        reserved = {"type", "title", "status", "detail"}
        return cls(
            type=problem_type if isinstance(problem_type, str) else "about:blank",
            title=title if isinstance(title, str) else "",
            status=status_member if type(status_member) is int else status,
            detail=detail if isinstance(detail, str) else "",
            extensions={k: v for k, v in data.items() if k not in reserved},
        )


class ServerError(TransportError):
    """A 5xx other than 503: a portal or gateway failure. Retry later."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        problem: ProblemDetails | None,
        method: str,
        url: str,
    ) -> None:
        super().__init__(message, method=method, url=url)
        self.status = status
        self.problem = problem


class Problem(TransportError):
    """A 4xx answer (problem+json, or a synthesised `about:blank` problem otherwise)."""

    def __init__(self, message: str, *, problem: ProblemDetails, method: str, url: str) -> None:
        super().__init__(message, method=method, url=url)
        self.problem = problem
        self.retryable = not problem.permanent

    @property
    def type(self) -> str:
        return self.problem.type

    @property
    def slug(self) -> str:
        return self.problem.slug

    @property
    def title(self) -> str:
        return self.problem.title

    @property
    def detail(self) -> str:
        return self.problem.detail

    @property
    def status(self) -> int:
        return self.problem.status

    @property
    def permanent(self) -> bool:
        return self.problem.permanent


# -- results --------------------------------------------------------------------------------


class Signer(NamedTuple):
    """The enrolled user's key; a plain `(key_id, private_key)` tuple works too."""

    key_id: str
    private_key: Ed25519PrivateKey


@dataclass(frozen=True, slots=True)
class Traffic:
    """Bytes on the wire (HTTP framing included, TLS overhead not) and requests made."""

    bytes_sent: int
    bytes_received: int
    requests: int


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: CaseInsensitiveDict[str]
    body: bytes

    def json(self) -> JsonValue:
        """The body as strict JSON (sync.protocol.canonical.parse_json)."""
        try:
            return parse_json(self.body)
        except InvalidJson as exc:
            raise InvalidResponse(f"The portal's answer is not valid JSON ({exc}).") from exc


@dataclass(frozen=True, slots=True)
class Limits:
    max_body_bytes: int
    max_batch: int
    max_feed_limit: int
    signature_window_seconds: int
    # The largest feed page byte budget (max_bytes); None: a portal older than budgets.
    max_feed_bytes: int | None = None
    # How many of its installation's keys a feed request may name (local_keys); None: a
    # portal that sends every envelope in full.
    max_local_keys: int | None = None


@dataclass(frozen=True, slots=True)
class Hello:
    protocol_version: int
    portal_id: str
    server_time: datetime
    server_time_unix: int
    limits: Limits
    portal_key_id: str
    portal_public_key: bytes  # raw Ed25519; the trust anchor is the pinned one, not this
    exchange_public_key: bytes  # raw X25519, for offline bundles
    certificate: JsonObject  # the portal's self-issued certificate
    clock_offset: float  # portal time − local time, seconds
    round_trip: float  # seconds


@dataclass(frozen=True, slots=True)
class Enrolment:
    certificate: JsonObject
    portal_certificate: JsonObject


ItemStatus = Literal["stored", "duplicate", "rejected"]


@dataclass(frozen=True, slots=True)
class PushItemResult:
    index: int
    status: ItemStatus
    hash: str | None
    receipt: JsonObject | None  # stored and duplicate: the (first) signed receipt
    problem: ProblemDetails | None  # rejected

    @property
    def accepted(self) -> bool:
        """Stored now or before. Still verify the receipt before calling it delivered."""
        return self.status != "rejected"


@dataclass(frozen=True, slots=True)
class PushResult:
    portal_time: str
    results: list[PushItemResult]  # one per envelope sent, in the order sent
    body_bytes: int  # request body as sent (after compression)
    json_bytes: int  # request body before compression
    encoding: Compression | None  # None when compression did not make it smaller


@dataclass(frozen=True, slots=True)
class FeedItem:
    id: str
    kind: str
    published_at: str
    tlp: str | None
    payload: JsonValue


@dataclass(frozen=True, slots=True)
class FeedPage:
    items: list[FeedItem]
    cursor: str  # pass back to continue
    more: bool


EnvelopeInput = bytes | str | Mapping[str, Any] | Envelope[Any]


# -- the client -----------------------------------------------------------------------------


class _Upload:
    """A request body handed to urllib3 in small blocks. urllib3 writes the body with the
    connect timeout as socket timeout, and since Python 3.5 a socket timeout bounds a whole
    sendall(): small blocks keep a slow but moving upload from timing out, and let us count
    bytes as they go. It has a length, so the request keeps its Content-Length."""

    def __init__(
        self, body: bytes, on_block: Callable[[int], None], progress: Callable[[int, int], None]
    ) -> None:
        self._body = body
        self._on_block = on_block
        self._progress = progress

    def __len__(self) -> int:
        return len(self._body)

    def __iter__(self) -> Iterator[bytes]:
        view = memoryview(self._body)
        total = len(view)
        for start in range(0, total, UPLOAD_BLOCK):
            block = view[start : start + UPLOAD_BLOCK]
            yield block.tobytes()
            self._on_block(len(block))
            self._progress(min(start + UPLOAD_BLOCK, total), total)


@dataclass(frozen=True, slots=True)
class _Exchange:
    response: Response
    local_sent: float  # local clock when the request started
    round_trip: float  # seconds until the answer's headers arrived

    @property
    def local_midpoint(self) -> float:
        return self.local_sent + self.round_trip / 2

    @property
    def local_answered(self) -> float:
        return self.local_sent + self.round_trip


def _no_progress(sent: int, total: int) -> None:
    pass


class PortalClient:
    """HTTP client for the portal API (docs/protocol.md §5).

    `session_factory` builds the requests.Session (e.g. with `verify` set to the pinned
    certificate); `adapter`, if given, is mounted for `base_url` (the pinned-TLS adapter);
    exceptions of the types in `pin_errors` raised by it are reported as PinMismatch, as
    are TLS certificate verification failures. `clock` is the local wall clock (injectable
    for tests); `clock_offset` an offset remembered from an earlier run.
    """

    def __init__(
        self,
        base_url: str,
        *,
        signer: Signer | tuple[str, Ed25519PrivateKey] | None = None,
        session_factory: Callable[[], requests.Session] = requests.Session,
        adapter: BaseAdapter | None = None,
        pin_errors: tuple[type[BaseException], ...] = (),
        connect_timeout: float = 15.0,
        stall_timeout: float = 60.0,
        clock: Callable[[], float] = time.time,
        clock_offset: float | None = None,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"portal URL must be http(s)://host[:port], not {base_url!r}")
        if connect_timeout <= 0 or stall_timeout <= 0:
            raise ValueError("timeouts must be positive")
        self._base = base_url.rstrip("/")
        self._session = session_factory()
        if adapter is not None:
            self._session.mount(self._base + "/", adapter)
        self._pin_errors = pin_errors
        self.connect_timeout = connect_timeout
        self.stall_timeout = stall_timeout
        self._clock = clock
        self._offset = clock_offset
        self._signer: Signer | None = None
        self.set_signer(signer)
        self._lock = threading.Lock()
        self._sent = 0
        self._received = 0
        self._requests = 0
        self.last_hello: Hello | None = None

    # -- state ------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self._base

    @property
    def clock_offset(self) -> float | None:
        """Portal time − local time in seconds, once learnt (None before)."""
        return self._offset

    def portal_time(self) -> float:
        """Best estimate of the portal's clock now (Unix seconds)."""
        return self._clock() + (self._offset or 0.0)

    def set_signer(self, signer: Signer | tuple[str, Ed25519PrivateKey] | None) -> None:
        if signer is None:
            self._signer = None
            return
        key_id, private_key = signer
        if key_id_of(private_key) != key_id:
            raise ValueError(f"signer: {key_id} is not the key id of the private key")
        self._signer = Signer(key_id, private_key)

    def traffic(self) -> Traffic:
        """Totals since the client was made; subtract two snapshots for one pass."""
        with self._lock:
            return Traffic(self._sent, self._received, self._requests)

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> PortalClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- API ----------------------------------------------------------------------------

    def hello(self) -> Hello:
        """GET /v1/hello; learns the clock offset from the round trip's midpoint."""
        exchange = self._request_checked("GET", "/v1/hello", b"", {}, None, False, _no_progress)
        data = _object(exchange.response.json(), "hello")
        server_time_unix = _int(data, "server_time_unix")
        # The portal truncates to whole seconds: its true time is half a second later on
        # average.
        offset = server_time_unix + 0.5 - exchange.local_midpoint
        limits = _object(data.get("limits"), "hello.limits")
        keys = _object(data.get("keys"), "hello.keys")
        ed25519 = _object(keys.get("ed25519"), "hello.keys.ed25519")
        x25519 = _object(keys.get("x25519"), "hello.keys.x25519")
        try:
            server_time = datetime.fromisoformat(_str(data, "server_time"))
            portal_public_key = b64url_decode(_str(ed25519, "public_key"), size=32)
            exchange_public_key = b64url_decode(_str(x25519, "public_key"), size=32)
        except ValueError as exc:
            raise InvalidResponse(f"The portal's hello is malformed ({exc}).") from exc
        hello = Hello(
            protocol_version=_int(data, "protocol_version"),
            portal_id=_str(data, "portal_id"),
            server_time=server_time,
            server_time_unix=server_time_unix,
            limits=Limits(
                max_body_bytes=_int(limits, "max_body_bytes"),
                max_batch=_int(limits, "max_batch"),
                max_feed_limit=_int(limits, "max_feed_limit"),
                signature_window_seconds=_int(limits, "signature_window_seconds"),
                max_feed_bytes=_optional_int(limits, "max_feed_bytes"),
                max_local_keys=_optional_int(limits, "max_local_keys"),
            ),
            portal_key_id=_str(ed25519, "key_id"),
            portal_public_key=portal_public_key,
            exchange_public_key=exchange_public_key,
            certificate=_object(data.get("certificate"), "hello.certificate"),
            clock_offset=offset,
            round_trip=exchange.round_trip,
        )
        self._offset = offset
        self.last_hello = hello
        return hello

    def enrol(
        self,
        code: str,
        user_id: str,
        public_key: bytes | Ed25519PublicKey | Ed25519PrivateKey,
        *,
        role: str | None = None,
        agency: str | None = None,
        display_name: str | None = None,
        replace: bool = False,
    ) -> Enrolment:
        """POST /v1/enrol. Unsigned; with `replace`, signed by this client's signer (the
        principal's current key), which the portal then revokes in the same transaction.
        `role` and `agency` are what the code is expected to be for: a mismatch is refused
        without spending the code. A cut answer is not resendable as is (the code is
        spent); the certificate then arrives through the feed."""
        raw = public_key if isinstance(public_key, bytes) else public_key_raw(public_key)
        fields = {"code": code, "public_key": b64url_encode(raw), "user_id": user_id}
        for name, value in (("role", role), ("agency", agency), ("display_name", display_name)):
            if value is not None:
                fields[name] = value
        body = canonical_bytes(fields)
        response = self.request("POST", "/v1/enrol", body, _JSON_HEADERS, signed=replace)
        data = _object(response.json(), "enrolment")
        return Enrolment(
            certificate=_object(data.get("certificate"), "enrolment.certificate"),
            portal_certificate=_object(
                data.get("portal_certificate"), "enrolment.portal_certificate"
            ),
        )

    def push_envelopes(
        self,
        envelopes: Sequence[EnvelopeInput],
        *,
        compress: Compression | None = "zstd",
        progress: Callable[[int, int], None] | None = None,
        batch_receipts: bool = False,
    ) -> PushResult:
        """POST /v1/envelopes: one batch; one result per envelope, in order.

        Envelopes may be wire bytes/str (sent byte for byte), decoded JSON objects or
        Envelope objects. Raises ValueError for an item that is not a JSON object.
        `batch_receipts`: ask for one signature over the batch; each stored item's receipt is
        then a batch receipt (sync.protocol.batch_receipts) rebuilt here, not yet verified.
        """
        if not envelopes:
            raise ValueError("push_envelopes: the batch is empty")
        items = [_envelope_bytes(item, i) for i, item in enumerate(envelopes)]
        document = b'{"envelopes":[' + b",".join(items) + b"]"
        document += b',"receipts":"batch"}' if batch_receipts else b"}"
        body, encoding = _compress(document, compress)
        headers = dict(_JSON_HEADERS)
        if encoding is not None:
            headers["Content-Encoding"] = encoding
        response = self.request(
            "POST", "/v1/envelopes", body, headers, signed=True, progress=progress
        )
        data = _object(response.json(), "push answer")
        if batch_receipts:
            results = _batch_results(data, items)
        else:
            results = _push_results(data.get("results"), len(items))
        return PushResult(
            portal_time=_str(data, "portal_time"),
            results=results,
            body_bytes=len(body),
            json_bytes=len(document),
            encoding=encoding,
        )

    def feed(
        self,
        cursor: str | None = None,
        limit: int = 100,
        max_bytes: int | None = None,
        local_keys: Sequence[str] = (),
    ) -> FeedPage:
        """GET /v1/feed: one page from `cursor` (None: from the beginning), of at most `limit`
        items and, with `max_bytes`, at most that many bytes of items (at least one item).
        Envelopes signed by `local_keys` come as {"envelope_ref": hash} (protocol 6.5)."""
        params = {"limit": str(limit)}
        if cursor is not None:
            params["cursor"] = cursor
        if max_bytes is not None:
            params["max_bytes"] = str(max_bytes)
        if local_keys:
            params["local_keys"] = ",".join(local_keys)
        response = self.request("GET", "/v1/feed", params=params, signed=True)
        data = _object(response.json(), "feed page")
        raw_items = data.get("items")
        more = data.get("more")
        if not isinstance(raw_items, list) or not isinstance(more, bool):
            raise InvalidResponse("The feed page has no items list or no 'more' flag.")
        items: list[FeedItem] = []
        for i, raw in enumerate(raw_items):
            item = _object(raw, f"feed item {i}")
            tlp = item.get("tlp")
            if tlp is not None and not isinstance(tlp, str):
                raise InvalidResponse(f"feed item {i}: tlp must be a string or null")
            items.append(
                FeedItem(
                    id=_str(item, "id"),
                    kind=_str(item, "kind"),
                    published_at=_str(item, "published_at"),
                    tlp=tlp,
                    payload=item.get("payload"),
                )
            )
        return FeedPage(items=items, cursor=_str(data, "cursor"), more=more)

    def request(
        self,
        method: str,
        path: str,
        body: bytes = b"",
        headers: Mapping[str, str] | None = None,
        *,
        params: Mapping[str, str] | None = None,
        signed: bool | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Response:
        """One request to `path` (below the base URL); returns any 2xx answer, raises a
        TransportError for everything else. `signed` defaults to "if a signer is set".
        `progress(sent, total)` is called as the body goes out; an exception it raises
        aborts the request (the connection is dropped) and propagates: a way to cancel."""
        sign = self._signer is not None if signed is None else signed
        if sign and self._signer is None:
            raise ValueError(f"{method} {path} must be signed, but no user key is set: enrol first")
        return self._request_checked(
            method, path, body, dict(headers or {}), params, sign, progress or _no_progress
        ).response

    # -- internals --------------------------------------------------------------------------

    def _request_checked(
        self,
        method: str,
        path: str,
        body: bytes,
        headers: dict[str, str],
        params: Mapping[str, str] | None,
        sign: bool,
        progress: Callable[[int, int], None],
    ) -> _Exchange:
        url = self._base + path
        exchange = self._exchange(method, url, body, headers, params, sign, progress)
        problem = _problem_of(exchange.response)
        if sign and problem is not None and problem.slug == "clock-skew":
            portal_time = problem.extensions.get("portal_time")
            if type(portal_time) is int:
                # Our idea of portal time was wrong (clock changed since hello, or no hello
                # yet): correct it from this answer and sign again, once. The portal judged
                # the request after reading all of its body, so compare with the time the
                # answer came (not the midpoint, which a long upload would drag back).
                self._offset = portal_time + 0.5 - exchange.local_answered
                exchange = self._exchange(method, url, body, headers, params, sign, progress)
        self._check(method, url, exchange.response)
        return exchange

    def _exchange(
        self,
        method: str,
        url: str,
        body: bytes,
        headers: dict[str, str],
        params: Mapping[str, str] | None,
        sign: bool,
        progress: Callable[[int, int], None],
    ) -> _Exchange:
        fields = {"User-Agent": USER_AGENT, "Accept": "application/json, application/problem+json"}
        fields.update(headers)
        prepared = self._session.prepare_request(
            requests.Request(method, url, params=dict(params or {}), data=body, headers=fields)
        )
        if sign:
            assert self._signer is not None
            prepared.headers.update(
                sign_request(
                    method=method,
                    url=str(prepared.url),
                    body=body,
                    private_key=self._signer.private_key,
                    created=int(self.portal_time()),
                )
            )
        if body:
            prepared.body = _Upload(body, self._count_sent, progress)  # type: ignore[assignment]
        self._count_sent(_request_head_size(prepared), request=True)
        started_local = self._clock()
        started = time.monotonic()
        try:
            answer = self._session.send(
                prepared,
                timeout=(self.connect_timeout, self.stall_timeout),
                stream=True,
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            raise self._failure(exc, method, url) from exc
        round_trip = time.monotonic() - started
        try:
            self._count_received(_response_head_size(answer))
            content = self._read_body(answer, method, url)
        finally:
            answer.close()
        return _Exchange(
            Response(answer.status_code, answer.headers, content), started_local, round_trip
        )

    def _read_body(self, answer: requests.Response, method: str, url: str) -> bytes:
        raw = answer.raw
        chunks: list[bytes] = []
        size = 0
        counted = 0
        try:
            for chunk in raw.stream(64 * 1024, decode_content=True):
                size += len(chunk)
                if size > MAX_RESPONSE_BYTES:
                    raise InvalidResponse(
                        f"The portal's answer to {method} {_path(url)} is larger than "
                        f"{MAX_RESPONSE_BYTES} bytes.",
                        method=method,
                        url=url,
                    )
                chunks.append(chunk)
                wire = int(raw.tell())
                self._count_received(wire - counted)
                counted = wire
        except u3.ReadTimeoutError as exc:
            raise self._stalled(method, url) from exc
        except u3.DecodeError as exc:
            raise InvalidResponse(
                f"The portal's answer to {method} {_path(url)} cannot be decoded ({exc}).",
                method=method,
                url=url,
            ) from exc
        except (u3.HTTPError, OSError) as exc:
            raise self._cut(method, url, exc, answered=counted + _partial(exc)) from exc
        return b"".join(chunks)

    def _check(self, method: str, url: str, response: Response) -> None:
        status = response.status
        where = f"{method} {_path(url)}"
        if 200 <= status < 300:
            return
        if 300 <= status < 400:
            location = response.headers.get("Location", "?")
            raise InvalidResponse(
                _(
                    "The portal answered with a redirect (HTTP {status}) to {location}. A "
                    "captive portal or proxy may be in the way: sign in to the network in a "
                    "browser, or use another network."
                ).format(status=status, location=location),
                method=method,
                url=url,
            )
        problem = _problem_of(response)
        if status in (429, 503):
            retry_after = _retry_after(response.headers, self.portal_time())
            wait = (
                _(" and asks to retry in {seconds} s").format(seconds=f"{retry_after:g}")
                if retry_after is not None
                else ""
            )
            raise ServerBusy(
                _("The portal is busy (HTTP {status}){wait}. The work stays queued.").format(
                    status=status, wait=wait
                ),
                status=status,
                retry_after=retry_after,
                method=method,
                url=url,
            )
        if status >= 500:
            what = f": {problem.title}" if problem is not None and problem.title else ""
            raise ServerError(
                _(
                    "The portal failed (HTTP {status}{what}). The work stays queued and is "
                    "retried later; if this persists, tell the portal operator."
                ).format(status=status, what=what),
                status=status,
                problem=problem,
                method=method,
                url=url,
            )
        if problem is None:
            problem = ProblemDetails("about:blank", _reason(status), status, "", {})
        hint = _(
            _HINTS.get(problem.slug)
            or (
                N_("The request will not succeed as it is.")
                if problem.permanent
                else N_("Retried later.")
            )
        )
        detail = f" ({problem.detail})" if problem.detail else ""
        log.info("%s refused: %s [HTTP %s]", where, problem.slug, status)
        raise Problem(
            _(
                "The portal refused the request: {title}{detail} [HTTP {status}, {code}]. {hint}"
            ).format(
                title=problem.title or problem.slug,
                detail=detail,
                status=status,
                code=problem.slug,
                hint=hint,
            ),
            problem=problem,
            method=method,
            url=url,
        )

    # -- failure classification -------------------------------------------------------------

    def _failure(self, exc: requests.RequestException, method: str, url: str) -> TransportError:
        causes = list(_causes(exc))
        if any(self._is_pin_failure(c) for c in causes):
            return PinMismatch(
                _(
                    "The portal at {host} presented a TLS certificate that does not match the "
                    "one pinned in the provisioning file. The connection may be intercepted: "
                    "nothing was sent. Do not retry on this network; contact the agency "
                    "administrator."
                ).format(host=_host(url)),
                method=method,
                url=url,
            )
        connect_failure = isinstance(exc, requests.ConnectTimeout) or any(
            isinstance(c, (u3.NewConnectionError, u3.ConnectTimeoutError, ConnectionRefusedError))
            for c in causes
        )
        if connect_failure:
            reason = _innermost(causes)
            return ConnectFailed(
                _(
                    "Could not connect to the portal at {host} ({reason}). Check the network "
                    "connection; the work stays queued and is sent when the link is back."
                ).format(host=_host(url), reason=reason),
                method=method,
                url=url,
            )
        if isinstance(exc, requests.ReadTimeout) or any(
            isinstance(c, u3.ReadTimeoutError) for c in causes
        ):
            return self._stalled(method, url)
        if any(isinstance(c, TimeoutError) for c in causes):
            # While the body is written urllib3 applies the connect timeout (see _Upload).
            return self._stalled(method, url, self.connect_timeout, "took nothing from us")
        if isinstance(exc, requests.ConnectionError):
            return self._cut(method, url, exc)
        return TransportError(
            f"{method} {_path(url)} failed: {exc}", method=method, url=url
        )  # e.g. an invalid header: a bug on our side, not the link's

    def _is_pin_failure(self, exc: BaseException) -> bool:
        if isinstance(exc, self._pin_errors):
            return True
        if isinstance(exc, ssl.SSLCertVerificationError | HostnameMismatch):
            return True
        # urllib3's assert_fingerprint pinning raises a plain SSLError with this text.
        return isinstance(exc, u3.SSLError) and "fingerprints did not match" in str(exc).lower()

    def _stalled(
        self, method: str, url: str, seconds: float | None = None, what: str = "sent nothing"
    ) -> Stalled:
        seconds = self.stall_timeout if seconds is None else seconds
        message = (
            _(
                "The portal sent nothing for {seconds} s; the link may be down or overloaded. "
                "The work stays queued and is retried."
            )
            if what == "sent nothing"
            else _(
                "The portal took nothing from us for {seconds} s; the link may be down or "
                "overloaded. The work stays queued and is retried."
            )
        )
        return Stalled(
            message.format(seconds=f"{seconds:g}"),
            method=method,
            url=url,
        )

    def _cut(
        self, method: str, url: str, exc: BaseException, answered: int | None = None
    ) -> ConnectionCut:
        return ConnectionCut(
            _(
                "The connection was cut mid-exchange ({reason}). The portal may or may not "
                "have received the request; it is resent later, which is harmless."
            ).format(reason=_innermost(list(_causes(exc)))),
            method=method,
            url=url,
            answered=answered,
        )

    # -- counters ---------------------------------------------------------------------------

    def _count_sent(self, n: int, *, request: bool = False) -> None:
        with self._lock:
            self._sent += n
            self._requests += int(request)

    def _count_received(self, n: int) -> None:
        with self._lock:
            self._received += n


# -- helpers --------------------------------------------------------------------------------

_JSON_HEADERS: Final = {"Content-Type": "application/json"}
_ACCEPTED: Final[dict[str, ItemStatus]] = {"stored": "stored", "duplicate": "duplicate"}


def _compress(document: bytes, compress: Compression | None) -> tuple[bytes, Compression | None]:
    if compress is None:
        return document, None
    if compress == "zstd":
        packed = zstandard.ZstdCompressor(level=ZSTD_LEVEL).compress(document)
    elif compress == "gzip":
        packed = gzip.compress(document, compresslevel=9, mtime=0)
    else:
        raise ValueError(f"compress must be 'zstd', 'gzip' or None, not {compress!r}")
    # Tiny bodies can grow when compressed; identity is then cheaper on the wire.
    return (packed, compress) if len(packed) < len(document) else (document, None)


def _envelope_bytes(item: EnvelopeInput, index: int) -> bytes:
    if isinstance(item, Envelope):
        return item.to_bytes()
    if isinstance(item, Mapping):
        try:
            return canonical_bytes(dict(item))
        except ValueError as exc:
            raise ValueError(f"envelopes[{index}]: not JSON-serialisable: {exc}") from exc
    data = item.encode("utf-8") if isinstance(item, str) else bytes(item)
    try:
        value = parse_json(data)  # so one bad item cannot turn the batch into invalid JSON
    except InvalidJson as exc:
        raise ValueError(f"envelopes[{index}]: not valid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise ValueError(f"envelopes[{index}]: an envelope is a JSON object")
    return data.strip()


def _batch_results(data: JsonObject, items: list[bytes]) -> list[PushItemResult]:
    """The batch form: stored items come as {"index", "status": "stored", "seq"}; their
    receipt bodies are rebuilt from what was sent and the signed root, in order."""
    raw = data.get("results")
    if not isinstance(raw, list) or len(raw) != len(items):
        raise InvalidResponse(f"The push answer must have {len(items)} results.")
    results: list[PushItemResult | None] = []
    stored: list[tuple[int, JsonValue]] = []
    for position, value in enumerate(raw):
        item = _object(value, f"push result {position}")
        if item.get("status") == "stored":
            if item.get("index") != position:
                raise InvalidResponse(f"push result {position}: index is out of order")
            stored.append((position, item.get("seq")))
            results.append(None)
        else:
            results.append(_push_result(position, item))
    if stored:
        try:
            root = BatchRoot.from_json(data.get("receipt_batch"), "receipt_batch")
            bodies: list[ReceiptBody] = []
            for position, seq in stored:
                envelope = Envelope.from_bytes(items[position])
                bodies.append(
                    ReceiptBody(
                        envelope=envelope.hash,
                        envelope_type=cast(ReceiptFor, envelope.type),
                        portal_seq=seq if type(seq) is int else 0,
                        portal_time=root.portal_time,
                        portal=root.portal,
                    )
                )
        except VerificationError as exc:
            raise InvalidResponse(f"The push answer's batch receipt is not usable: {exc}") from exc
        if root.size != len(bodies):
            raise InvalidResponse(
                f"The batch receipt covers {root.size} receipts, the answer stored {len(bodies)}."
            )
        for (position, _seq), receipt in zip(
            stored, make_batch_receipts(bodies, root), strict=True
        ):
            results[position] = PushItemResult(
                position, "stored", receipt.receipt.envelope, receipt.to_json(), None
            )
    return [r for r in results if r is not None]


def _push_results(value: JsonValue | None, count: int) -> list[PushItemResult]:
    if not isinstance(value, list) or len(value) != count:
        raise InvalidResponse(f"The push answer must have {count} results.")
    return [_push_result(position, raw) for position, raw in enumerate(value)]


def _push_result(position: int, raw: JsonValue) -> PushItemResult:
    item = _object(raw, f"push result {position}")
    index = item.get("index")
    status = item.get("status")
    item_hash = item.get("hash")
    receipt = item.get("receipt")
    problem = item.get("problem")
    if index != position or type(index) is not int:
        raise InvalidResponse(f"push result {position}: index {index!r} is out of order")
    if item_hash is not None and not isinstance(item_hash, str):
        raise InvalidResponse(f"push result {position}: hash must be a string")
    accepted = _ACCEPTED.get(status) if isinstance(status, str) else None
    if accepted is not None:
        if not isinstance(receipt, dict):
            raise InvalidResponse(f"push result {position}: {status} without a receipt")
        return PushItemResult(index, accepted, item_hash, receipt, None)
    if status == "rejected":
        if not isinstance(problem, dict):
            raise InvalidResponse(f"push result {position}: rejected without a problem")
        details = ProblemDetails.from_json(problem, 422)
        return PushItemResult(index, "rejected", item_hash, None, details)
    raise InvalidResponse(f"push result {position}: unknown status {status!r}")


def _problem_of(response: Response) -> ProblemDetails | None:
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if response.status < 400 or media_type != "application/problem+json":
        return None
    try:
        value = parse_json(response.body)
    except InvalidJson:
        return None
    return ProblemDetails.from_json(value, response.status)


def _retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """Retry-After as seconds: delta-seconds, or an HTTP-date taken relative to the
    answer's own Date header when there is one (both are portal clock), else to `now`."""
    value = headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    reference = now
    date = headers.get("Date")
    if date:
        with contextlib.suppress(TypeError, ValueError):
            reference = parsedate_to_datetime(date).timestamp()
    return max(0.0, moment.timestamp() - reference)


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """`exc` and everything it wraps (requests and urllib3 nest errors in args/reason)."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        nested: list[object] = [current.__cause__, current.__context__, *current.args]
        nested.append(getattr(current, "reason", None))
        stack.extend(e for e in nested if isinstance(e, BaseException))


def _partial(exc: BaseException) -> int:
    """Body bytes read in the read that broke off (urllib3's IncompleteRead says), else 0."""
    for cause in _causes(exc):
        partial = getattr(cause, "partial", None)
        if isinstance(partial, int):
            return partial
        if isinstance(partial, bytes):  # http.client's IncompleteRead holds the bytes
            return len(partial)
    return 0


def _innermost(causes: list[BaseException]) -> str:
    """The most telling cause for a message: the operating system's error if any."""
    for exc in causes:
        if isinstance(exc, OSError) and exc.errno is not None:
            return exc.strerror or str(exc)
    last = causes[-1] if causes else None
    return (str(last) or type(last).__name__) if last is not None else "unknown error"


def _object(value: JsonValue | None, what: str) -> JsonObject:
    if not isinstance(value, dict):
        raise InvalidResponse(f"The portal's {what} is not a JSON object.")
    return value


def _str(data: JsonObject, name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise InvalidResponse(f"The portal's answer lacks the text field {name!r}.")
    return value


def _int(data: JsonObject, name: str) -> int:
    value = data.get(name)
    if type(value) is not int:
        raise InvalidResponse(f"The portal's answer lacks the integer field {name!r}.")
    assert isinstance(value, int)
    return value


def _optional_int(data: JsonObject, name: str) -> int | None:
    """A field newer portals send: absent is None, present it must be a positive integer."""
    if name not in data:
        return None
    value = _int(data, name)
    if value < 1:
        raise InvalidResponse(f"The portal's answer has {name!r} below 1.")
    return value


def _request_head_size(prepared: requests.PreparedRequest) -> int:
    host = urlsplit(str(prepared.url)).netloc
    lines = [f"{prepared.method} {prepared.path_url} HTTP/1.1", f"Host: {host}"]
    lines += [f"{name}: {value}" for name, value in prepared.headers.items()]
    return sum(len(line.encode("latin-1", "replace")) + 2 for line in lines) + 2


def _response_head_size(answer: requests.Response) -> int:
    status_line = f"HTTP/1.1 {answer.status_code} {answer.reason or ''}"
    lines = [status_line, *(f"{k}: {v}" for k, v in answer.raw.headers.items())]
    return sum(len(line.encode("latin-1", "replace")) + 2 for line in lines) + 2


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP {status}"


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _host(url: str) -> str:
    return urlsplit(url).netloc
