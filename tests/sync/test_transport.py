"""sync.transport.PortalClient against the real portal on loopback, through the shaping link
proxy, and against a scripted HTTP server for the failures a portal cannot be made to show.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import ssl
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID
from requests.adapters import HTTPAdapter

from sync.protocol import (
    Certificate,
    MemoryKeyResolver,
    SubmissionBody,
    check_receipt_matches,
    generate_private_key,
    sign_submission,
    verify,
)
from sync.transport import (
    PERMANENT_PROBLEMS,
    RETRYABLE_PROBLEMS,
    ConnectFailed,
    ConnectionCut,
    InvalidResponse,
    Offline,
    PinMismatch,
    PortalClient,
    Problem,
    ProblemDetails,
    ServerBusy,
    ServerError,
    Stalled,
)
from tests.linkproxy import (
    LinkProfile,
    LinkProxy,
    Shape,
    TinyHttpServer,
    TinyRequest,
    http_response,
)
from tests.portal_server import PortalServer

PROBLEM = "https://outpost.invalid/problems/"


# -- helpers --------------------------------------------------------------------------------


@dataclass
class Member:
    client: PortalClient
    key: Ed25519PrivateKey
    certificate: Certificate

    def submission(self, narrative: str = "seen at the gate") -> Any:
        body = SubmissionBody(
            report_id=uuid.uuid4(),
            report_version=1,
            supersedes=None,
            report={"kind": "other", "narrative": narrative},
            attachments=(),
            author=self.certificate.user_id,
            agency=self.certificate.agency,
            created_at=dt.datetime.now(dt.UTC),
        )
        return sign_submission(body, self.key)


def enrol(portal: PortalServer, agency: str, role: str, user_id: str, **options: Any) -> Member:
    key = generate_private_key()
    client = PortalClient(portal.url, **options)
    enrolment = client.enrol(portal.code(agency, role), user_id, key.public_key())
    certificate = Certificate.from_json(enrolment.certificate)
    client.set_signer((certificate.key_id, key))
    return Member(client, key, certificate)


@dataclass
class Team:
    agency: str
    officer: Member
    ofp: Member


@pytest.fixture
def team(live_portal: PortalServer) -> Iterator[Team]:
    agency = live_portal.new_agency()
    number = agency.split("-")[1]
    officer = enrol(live_portal, agency, "officer", f"officer.{number}")
    ofp = enrol(live_portal, agency, "ofp", f"ofp.{number}")
    yield Team(agency, officer, ofp)
    officer.client.close()
    ofp.client.close()


def signing_client(member: Member, url: str, **options: Any) -> PortalClient:
    """Another client (other clock, other route) signing as the same member."""
    return PortalClient(url, signer=(member.certificate.key_id, member.key), **options)


def verify_receipt(portal: PortalServer, receipt: dict[str, Any], envelope: Any) -> int:
    anchors = MemoryKeyResolver.of([portal.keys.certificate], anchors=[portal.keys.public_key])
    verified = verify(receipt, keys=anchors, now=dt.datetime.now(dt.UTC), expected_type="receipt")
    check_receipt_matches(verified, envelope)
    return verified.body.portal_seq


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def scripted() -> Iterator[Callable[[Callable[[TinyRequest], bytes]], TinyHttpServer]]:
    servers: list[TinyHttpServer] = []

    def start(respond: Callable[[TinyRequest], bytes]) -> TinyHttpServer:
        server = TinyHttpServer(respond).__enter__()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.__exit__(None, None, None)


def answer(status: int, body: bytes = b"", **headers: str) -> Callable[[TinyRequest], bytes]:
    fields = {k.replace("_", "-"): v for k, v in headers.items()}
    return lambda _request: http_response(status, body, fields)


# -- the real portal ----------------------------------------------------------------------


def test_hello_learns_limits_keys_and_clock_offset(live_portal: PortalServer) -> None:
    with PortalClient(live_portal.url) as client:
        assert client.clock_offset is None
        hello = client.hello()
    assert hello.protocol_version == 1
    assert hello.portal_id == "portal.test"
    assert hello.limits.max_batch == 500 and hello.limits.signature_window_seconds == 300
    assert hello.portal_key_id == live_portal.keys.key_id
    assert hello.portal_public_key == live_portal.keys.public_key
    assert len(hello.exchange_public_key) == 32
    assert hello.certificate["role"] == "portal"
    assert abs(hello.clock_offset) < 3  # same machine, same clock
    assert client.clock_offset == hello.clock_offset
    assert abs(hello.server_time.timestamp() - time.time()) < 5


def test_local_clock_hours_off_never_gets_requests_refused(
    live_portal: PortalServer, team: Team
) -> None:
    for skew in (-2 * 3600, 3 * 24 * 3600):  # 2 hours behind, 3 days ahead
        with signing_client(
            team.officer, live_portal.url, clock=lambda s=skew: time.time() + s
        ) as client:
            hello = client.hello()
            assert hello.clock_offset == pytest.approx(-skew, abs=3)
            envelope = team.officer.submission()
            [result] = client.push_envelopes([envelope]).results
            assert result.status == "stored"
            assert client.feed(limit=5).items is not None


def test_clock_skew_answer_corrects_the_offset_without_hello(
    live_portal: PortalServer, team: Team
) -> None:
    with signing_client(team.ofp, live_portal.url, clock=lambda: time.time() - 7200) as client:
        page = client.feed(limit=5)  # refused once as clock-skew, corrected, signed again
        assert client.clock_offset == pytest.approx(7200, abs=3)
        assert isinstance(page.cursor, str)
        assert client.traffic().requests == 2


def test_enrol_returns_a_certificate_for_the_codes_agency_and_role(
    live_portal: PortalServer,
) -> None:
    agency = live_portal.new_agency()
    code = live_portal.code(agency, "officer")
    key = generate_private_key()
    with PortalClient(live_portal.url) as client:
        enrolment = client.enrol(code, "officer.enrol", key.public_key())
        certificate = Certificate.from_json(enrolment.certificate)
        assert (certificate.agency, certificate.role) == (agency, "officer")
        assert certificate.signed_by(live_portal.keys.public_key)
        assert enrolment.portal_certificate == live_portal.keys.certificate.to_json()
        with pytest.raises(Problem) as refused:
            client.enrol(code, "officer.again", generate_private_key().public_key())
    problem = refused.value
    assert (problem.status, problem.slug, problem.permanent) == (403, "used-enrolment-code", True)
    assert problem.type == PROBLEM + "used-enrolment-code"
    assert problem.title and problem.detail
    assert not problem.retryable
    assert "new one" in str(problem)


def test_push_gets_verifiable_receipts_and_duplicates_get_the_same(
    live_portal: PortalServer, team: Team
) -> None:
    client = team.officer.client
    envelopes = [team.officer.submission(f"report {i} " + "detail " * 40) for i in range(20)]
    first = client.push_envelopes(envelopes, compress="zstd")
    assert first.encoding == "zstd" and first.body_bytes < first.json_bytes / 2
    assert [r.status for r in first.results] == ["stored"] * 20
    sequences = set()
    for envelope, result in zip(envelopes, first.results, strict=True):
        assert result.hash == envelope.hash and result.accepted and result.problem is None
        assert result.receipt is not None
        sequences.add(verify_receipt(live_portal, result.receipt, envelope))
    assert len(sequences) == 20

    # Wire bytes, Envelope objects and decoded JSON all work, with any compression.
    again = client.push_envelopes(
        [envelopes[0].to_bytes(), envelopes[1].to_json(), envelopes[2]], compress="gzip"
    )
    assert again.encoding == "gzip"
    assert [r.status for r in again.results] == ["duplicate"] * 3
    assert [r.receipt for r in again.results] == [r.receipt for r in first.results[:3]]
    plain = client.push_envelopes([envelopes[3]], compress=None)
    assert (plain.encoding, plain.results[0].status) == (None, "duplicate")


def test_push_reports_each_rejection_without_failing_the_batch(
    live_portal: PortalServer, team: Team
) -> None:
    good = team.officer.submission()
    tampered = good.to_json()
    tampered["body"]["report"]["narrative"] = "altered"  # type: ignore[index,call-overload]
    # Signed with a key the portal never enrolled.
    stranger = Member(team.officer.client, generate_private_key(), team.officer.certificate)
    unknown = stranger.submission()
    answer_ = team.officer.client.push_envelopes([tampered, good, unknown])
    bad, ok, wrong = answer_.results
    assert ok.status == "stored" and ok.receipt is not None
    assert bad.status == "rejected" and bad.receipt is None and bad.problem is not None
    assert bad.problem.slug == "bad-signature" and bad.problem.permanent
    assert wrong.problem is not None and wrong.problem.permanent
    assert wrong.problem.slug == "unknown-key" and wrong.hash == unknown.hash
    assert not bad.accepted


def test_feed_pages_through_a_review_item(live_portal: PortalServer, team: Team) -> None:
    envelope = team.officer.submission()
    team.officer.client.push_envelopes([envelope])
    items: list[Any] = []
    cursor = None
    pages = 0
    while True:
        page = team.ofp.client.feed(cursor, limit=1)
        pages += 1
        items += page.items
        cursor = page.cursor
        if not page.more:
            break
    reviews = [i for i in items if i.kind == "review_item"]
    assert [r.payload["envelope"]["body"]["report_id"] for r in reviews] == [
        str(envelope.body.report_id)
    ]
    assert pages >= len(items) and all(isinstance(i.id, str) for i in items)
    assert team.ofp.client.feed(cursor).items == []  # nothing new after the last cursor
    with pytest.raises(Problem) as refused:
        team.ofp.client.feed("bm90LWEtY3Vyc29y")
    assert (refused.value.slug, refused.value.permanent) == ("invalid-cursor", True)


def test_signed_calls_need_a_key(live_portal: PortalServer) -> None:
    with PortalClient(live_portal.url) as client, pytest.raises(ValueError, match="enrol"):
        client.feed()
    with pytest.raises(ValueError, match="key id"):
        PortalClient(live_portal.url, signer=("ed25519:" + "0" * 32, generate_private_key()))


def test_counts_bytes_as_the_link_sees_them(
    live_portal: PortalServer,
    team: Team,
    link_proxy_factory: Callable[..., LinkProxy],
) -> None:
    proxy = link_proxy_factory(live_portal.address)
    seen: list[tuple[int, int]] = []
    with signing_client(team.officer, proxy.url()) as client:
        client.hello()
        envelopes = [team.officer.submission("x" * 3000) for _ in range(10)]
        client.push_envelopes(envelopes, compress=None, progress=lambda s, t: seen.append((s, t)))
        client.feed()
        traffic = client.traffic()
    stats = proxy.stats
    assert traffic.requests == 3
    assert traffic.bytes_sent == pytest.approx(stats.bytes_up, rel=0.02)
    assert traffic.bytes_received == pytest.approx(stats.bytes_down, rel=0.02)
    assert seen[-1][0] == seen[-1][1] > 30_000
    assert [s for s, _ in seen] == sorted(s for s, _ in seen)


class _Cancelled(Exception):
    pass


def test_progress_can_cancel_an_upload_midway(
    live_portal: PortalServer,
    team: Team,
    link_proxy_factory: Callable[..., LinkProxy],
) -> None:
    proxy = link_proxy_factory(live_portal.address)
    envelopes = [team.officer.submission("z" * 4000) for _ in range(10)]

    def cancel_at_half(sent: int, total: int) -> None:
        if sent > total // 2:
            raise _Cancelled

    with signing_client(team.officer, proxy.url()) as client:
        with pytest.raises(_Cancelled):
            client.push_envelopes(envelopes, compress=None, progress=cancel_at_half)
        assert proxy.stats.bytes_up < 40_000  # the rest never left
        results = client.push_envelopes(envelopes, compress=None).results
    assert {r.status for r in results} == {"stored"}


def test_satellite_link_works_and_costs_round_trips(
    live_portal: PortalServer,
    team: Team,
    link_proxy_factory: Callable[..., LinkProxy],
) -> None:
    from tests.linkproxy import SATELLITE

    proxy = link_proxy_factory(live_portal.address, SATELLITE, seed=3)
    with signing_client(team.officer, proxy.url()) as client:
        started = time.monotonic()
        client.hello()
        [result] = client.push_envelopes([team.officer.submission()]).results
        elapsed = time.monotonic() - started
    assert result.status == "stored"
    assert elapsed > 3 * SATELLITE.rtt  # handshake + two exchanges


# -- link failures through the proxy -----------------------------------------------------


def test_blackhole_is_stalled_within_the_stall_timeout(
    live_portal: PortalServer, link_proxy_factory: Callable[..., LinkProxy]
) -> None:
    proxy = link_proxy_factory(live_portal.address)
    with PortalClient(proxy.url(), connect_timeout=5, stall_timeout=1.0) as client:
        client.hello()  # the pooled connection now goes silent
        proxy.set_blackhole(True)
        started = time.monotonic()
        with pytest.raises(Stalled) as stalled:
            client.hello()
        elapsed = time.monotonic() - started
        assert 0.9 < elapsed < 6
        assert stalled.value.retryable and "1 s" in str(stalled.value)
        proxy.set_blackhole(False)
        assert client.hello().protocol_version == 1  # and it recovers


def test_blackhole_while_sending_is_stalled(
    scripted: Any, link_proxy_factory: Callable[..., LinkProxy]
) -> None:
    server = scripted(answer(200, b"{}"))
    proxy = link_proxy_factory(server.address)
    proxy.set_blackhole(True)
    with PortalClient(proxy.url(), connect_timeout=1, stall_timeout=30) as client:
        started = time.monotonic()
        with pytest.raises(Stalled) as stalled:
            # Larger than every socket buffer on the way: the sender has to wait.
            client.request("POST", "/upload", b"u" * 16_000_000)
    # urllib3 applies the connect timeout while writing the body (see sync.transport._Upload).
    assert time.monotonic() - started < 15
    assert "took nothing" in str(stalled.value)


def test_cut_or_reset_mid_response_is_connection_cut(
    live_portal: PortalServer,
    team: Team,
    link_proxy_factory: Callable[..., LinkProxy],
) -> None:
    for shape in (Shape(cut_after=400), Shape(reset_after=400)):
        proxy = link_proxy_factory(live_portal.address, LinkProfile("cut", down=shape))
        with signing_client(team.officer, proxy.url()) as client:
            with pytest.raises(ConnectionCut) as cut:
                client.hello()  # headers are ~150 bytes, the body ~1.5 KB
            assert cut.value.retryable and "cut" in str(cut.value)
            assert not isinstance(cut.value, Offline)


def test_cut_mid_request_is_connection_cut_and_the_retry_is_harmless(
    live_portal: PortalServer,
    team: Team,
    link_proxy_factory: Callable[..., LinkProxy],
) -> None:
    profile = LinkProfile("flaky", up=Shape(cut_after=20_000), cut_scope="cumulative")
    proxy = link_proxy_factory(live_portal.address, profile)
    envelopes = [team.officer.submission("y" * 4000) for _ in range(10)]
    with signing_client(team.officer, proxy.url()) as client:
        with pytest.raises(ConnectionCut):
            client.push_envelopes(envelopes, compress=None)  # ~45 KB: cut at 20 KB
        proxy.set_profile(LinkProfile("fine"))
        results = client.push_envelopes(envelopes, compress=None).results
    assert {r.status for r in results} == {"stored"}  # the cut request never arrived whole


def test_no_listener_is_connect_failed(live_portal: PortalServer) -> None:
    with PortalClient(f"http://127.0.0.1:{free_port()}", connect_timeout=2) as client:
        started = time.monotonic()
        with pytest.raises(ConnectFailed) as failed:
            client.hello()
    assert time.monotonic() - started < 5
    assert isinstance(failed.value, Offline) and failed.value.retryable
    assert "Could not connect" in str(failed.value) and "refused" in str(failed.value).lower()


def test_target_gone_behind_the_proxy_is_not_a_success(
    link_proxy_factory: Callable[..., LinkProxy],
) -> None:
    proxy = link_proxy_factory(("127.0.0.1", free_port()))
    # Accepted by the proxy, then reset: like a dying gateway. Depending on timing the
    # reset lands during connect() or after it.
    with PortalClient(proxy.url()) as client, pytest.raises((ConnectionCut, ConnectFailed)):
        client.hello()


# -- a scripted server in place of the portal ----------------------------------------------


def test_busy_with_retry_after_seconds(scripted: Any) -> None:
    server = scripted(answer(503, b"busy", Retry_After="7"))
    with PortalClient(server.url) as client, pytest.raises(ServerBusy) as busy:
        client.hello()
    assert (busy.value.status, busy.value.retry_after) == (503, 7)
    assert "7 s" in str(busy.value)


def test_busy_with_retry_after_http_date_and_429(scripted: Any) -> None:
    date = dt.datetime(2030, 1, 1, 12, 0, tzinfo=dt.UTC)
    server = scripted(
        answer(
            429,
            Retry_After=format_datetime(date + dt.timedelta(seconds=90), usegmt=True),
            Date=format_datetime(date, usegmt=True),
        )
    )
    with PortalClient(server.url) as client, pytest.raises(ServerBusy) as busy:
        client.hello()
    # Relative to the answer's own Date header: both are the portal's clock.
    assert (busy.value.status, busy.value.retry_after) == (429, 90)
    server = scripted(answer(503))
    with PortalClient(server.url) as client, pytest.raises(ServerBusy) as busy:
        client.hello()
    assert busy.value.retry_after is None


def test_server_errors(scripted: Any) -> None:
    problem = b'{"type":"' + PROBLEM.encode() + b'internal-error","title":"Boom","status":500}'
    server = scripted(answer(500, problem, Content_Type="application/problem+json"))
    with PortalClient(server.url) as client, pytest.raises(ServerError) as failed:
        client.hello()
    assert failed.value.status == 500 and failed.value.problem is not None
    assert failed.value.problem.slug == "internal-error" and failed.value.retryable
    assert "Boom" in str(failed.value)
    server = scripted(answer(502, b"<html>bad gateway</html>", Content_Type="text/html"))
    with PortalClient(server.url) as client, pytest.raises(ServerError) as failed:
        client.hello()
    assert (failed.value.status, failed.value.problem) == (502, None)


def test_truncated_or_foreign_bodies_are_invalid_responses(scripted: Any) -> None:
    bodies = [
        (200, b'{"protocol_version": 1, "portal_id": "por', "application/json"),
        (200, b"<html>Welcome to the hotel wifi</html>", "text/html"),
        (200, b'{"protocol_version": 1}', "application/json"),  # not a hello
        (200, b'{"a": 1, "a": 2}', "application/json"),  # strict JSON only
    ]
    for status, body, media_type in bodies:
        server = scripted(answer(status, body, Content_Type=media_type))
        with PortalClient(server.url) as client, pytest.raises(InvalidResponse):
            client.hello()


def test_redirect_is_not_followed(scripted: Any) -> None:
    server = scripted(answer(302, Location="http://captive.example/login"))
    with PortalClient(server.url) as client, pytest.raises(InvalidResponse) as invalid:
        client.hello()
    assert "captive.example" in str(invalid.value) and "captive portal" in str(invalid.value)


def test_body_shorter_than_announced_is_connection_cut(scripted: Any) -> None:
    def respond(_request: TinyRequest) -> bytes:
        return http_response(200, b'{"protocol_version":', content_length=500)

    server = scripted(respond)
    with PortalClient(server.url) as client, pytest.raises(ConnectionCut):
        client.hello()


def test_plain_4xx_is_a_retryable_problem(scripted: Any) -> None:
    server = scripted(answer(404, b"<html>nope</html>", Content_Type="text/html"))
    with PortalClient(server.url) as client, pytest.raises(Problem) as refused:
        client.hello()
    assert (refused.value.status, refused.value.type, refused.value.title) == (
        404,
        "about:blank",
        "Not Found",
    )
    assert not refused.value.permanent  # unknown: keep the work, keep trying


def test_problem_permanence() -> None:
    def details(slug: str) -> ProblemDetails:
        return ProblemDetails.from_json({"type": PROBLEM + slug, "title": "t"}, 400)

    for slug in ("clock-skew", "replayed-request", "unknown-submission", "brand-new-type"):
        assert not details(slug).permanent, slug
    for slug in ("four-eyes-violation", "bad-signature", "revoked-key", "envelope-conflict"):
        assert details(slug).permanent, slug
    assert "clock-skew" not in PERMANENT_PROBLEMS


def test_every_portal_problem_type_is_classified() -> None:
    from portal.problems import PROBLEMS

    # A new portal problem type must be placed in one of the two sets on purpose.
    assert set(PROBLEMS) == PERMANENT_PROBLEMS | RETRYABLE_PROBLEMS
    assert not PERMANENT_PROBLEMS & RETRYABLE_PROBLEMS
    odd = ProblemDetails.from_json(["not", "an", "object"], 418)
    assert (odd.type, odd.status, odd.extensions) == ("about:blank", 418, {})


def test_requests_carry_a_valid_signature(scripted: Any) -> None:
    from sync.http_signatures import check_content_digest, parse_signature, verify_request
    from sync.protocol import public_key_raw

    server = scripted(answer(204))
    key = generate_private_key()
    from sync.protocol import key_id_of

    with PortalClient(server.url, signer=(key_id_of(key), key), clock_offset=100) as client:
        client.request("POST", "/v1/x?a=1", b"payload", {"Content-Type": "text/plain"})
    [request] = server.requests
    params = parse_signature(request.headers["signature-input"], request.headers["signature"])
    check_content_digest(request.headers["content-digest"], b"payload")
    verify_request(
        params,
        method="POST",
        target_uri=server.url + "/v1/x?a=1",
        digest=request.headers["content-digest"],
        public_key=public_key_raw(key),
    )
    assert params.created == pytest.approx(time.time() + 100, abs=3)
    assert request.body == b"payload" and request.headers["content-length"] == "7"


# -- TLS pinning -------------------------------------------------------------------------


def self_signed(folder: Path, name: str) -> tuple[Path, Path, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / f"{name}.pem", folder / f"{name}.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path, certificate


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[TinyHttpServer, Path, x509.Certificate]]:
    cert, key, certificate = self_signed(tmp_path, "portal")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    hello = b'{"ok": true}'
    respond = answer(200, hello, Content_Type="application/json")
    with TinyHttpServer(respond, ssl_context=context) as server:
        yield server, cert, certificate


def session_trusting(path: Path) -> Callable[[], requests.Session]:
    def make() -> requests.Session:
        session = requests.Session()
        session.verify = str(path)
        return session

    return make


def test_wrong_certificate_is_a_pin_mismatch(
    tls_server: tuple[TinyHttpServer, Path, x509.Certificate], tmp_path: Path
) -> None:
    server, pinned, _ = tls_server
    with PortalClient(server.url, session_factory=session_trusting(pinned)) as client:
        assert client.request("GET", "/v1/hello").json() == {"ok": True}
    other, _, _ = self_signed(tmp_path, "impostor")
    client = PortalClient(server.url, session_factory=session_trusting(other))
    with client, pytest.raises(PinMismatch) as mismatch:
        client.request("GET", "/v1/hello")
    assert not mismatch.value.retryable
    assert "pinned" in str(mismatch.value) and "intercepted" in str(mismatch.value)


class _FingerprintAdapter(HTTPAdapter):
    """A pinning adapter of the kind the TLS pinning module provides (hook test only)."""

    def __init__(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["assert_fingerprint"] = self.fingerprint
        super().init_poolmanager(*args, **kwargs)


class _PinError(Exception):
    pass


class _RaisingAdapter(HTTPAdapter):
    def send(self, *args: Any, **kwargs: Any) -> requests.Response:
        raise requests.exceptions.SSLError(_PinError("pin mismatch"))


def test_pinned_adapter_hook(tls_server: tuple[TinyHttpServer, Path, x509.Certificate]) -> None:
    server, _, certificate = tls_server
    good = certificate.fingerprint(hashes.SHA256()).hex()

    def unverified() -> requests.Session:
        session = requests.Session()
        session.verify = False  # the adapter's pin replaces CA verification
        return session

    for fingerprint, ok in ((good, True), ("00" * 32, False)):
        client = PortalClient(
            server.url, session_factory=unverified, adapter=_FingerprintAdapter(fingerprint)
        )
        with client:
            if ok:
                assert client.request("GET", "/v1/hello").status == 200
            else:
                with pytest.raises(PinMismatch):
                    client.request("GET", "/v1/hello")
    client = PortalClient(server.url, adapter=_RaisingAdapter(), pin_errors=(_PinError,))
    with client, pytest.raises(PinMismatch):
        client.request("GET", "/v1/hello")
