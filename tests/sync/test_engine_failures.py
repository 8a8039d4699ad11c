"""A portal that fails in every way a real one can: the client keeps the work, backs off,
says why, and never marks anything delivered without a receipt that verifies."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from sync_support import Post, approved_reports, connected_post

from app.reports import ReportService
from services.sync_session import sync_engine
from storage.outbox_repo import OutboxRepository
from sync.events import PassSummary
from tests.linkproxy import TinyHttpServer, TinyRequest, http_response
from tests.portal_server import PortalServer

Rule = Callable[[TinyRequest, requests.Response | None], bytes | None]


class Interposer:
    """Forwards every request to the real portal, unless `rule` answers it (before or after
    forwarding): a portal with a scripted fault on top."""

    def __init__(self, portal: PortalServer) -> None:
        self.portal = portal
        self.rule: Rule = lambda _req, _resp: None
        self.server = TinyHttpServer(self._respond)

    def _respond(self, request: TinyRequest) -> bytes:
        early = self.rule(request, None)
        if early is not None:
            return early
        forwarded = requests.request(
            request.method,
            self.portal.url + request.path,
            data=request.body,
            headers=request.headers,
            timeout=30,
        )
        late = self.rule(request, forwarded)
        if late is not None:
            return late
        keep = {"content-type", "retry-after", "location", "upload-offset", "tus-resumable"}
        headers = {k: v for k, v in forwarded.headers.items() if k.lower() in keep}
        return http_response(forwarded.status_code, forwarded.content, headers)


@pytest.fixture
def interposer(live_portal: PortalServer) -> Iterator[Interposer]:
    box = Interposer(live_portal)
    with box.server:
        yield box


@pytest.fixture
def post(tmp_path: Path, live_portal: PortalServer, interposer: Interposer) -> Post:
    post = connected_post(tmp_path / "post", live_portal, url=interposer.server.url)
    approved_reports(post, 3)
    return post


def _pushing(request: TinyRequest) -> bool:
    return request.method == "POST" and request.path.startswith("/v1/envelopes")


def _nothing_delivered(post: Post) -> None:
    with post.focal() as s:
        assert {o.state for o in OutboxRepository(s.db).items()} == {"pending"}
        statuses = {v.status for v in ReportService(s.db, s.user).list_page()}
        assert statuses <= {"approved", "sent"}  # never acknowledged without a receipt


def _then_all_delivered(post: Post, interposer: Interposer) -> None:
    interposer.rule = lambda _req, _resp: None  # the portal recovers
    with post.focal() as s:
        summary = sync_engine(s).run_pass()
        assert summary.error is None, summary.error
        assert {o.state for o in OutboxRepository(s.db).items()} == {"delivered"}


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (http_response(500, b"oops"), "500"),
        (http_response(502, b"<html>bad gateway</html>", {"Content-Type": "text/html"}), "502"),
        (http_response(200, b'{"portal_time": "2026', content_length=400), "cut"),
        (http_response(200, b'{"portal_time": "2026'), "JSON"),
    ],
    ids=["500", "502-html", "truncated", "bad-json"],
)
def test_broken_answers_keep_the_work(
    post: Post, interposer: Interposer, answer: bytes, says: str
) -> None:
    interposer.rule = lambda req, _resp: answer if _pushing(req) else None
    with post.focal() as s:
        summary = sync_engine(s, stall_timeout=5).run_pass()
    assert summary.error is not None and says.lower() in summary.error.lower(), summary.error
    _nothing_delivered(post)
    _then_all_delivered(post, interposer)


def test_invalid_receipts_never_count(post: Post, interposer: Interposer) -> None:
    def forge(request: TinyRequest, response: requests.Response | None) -> bytes | None:
        if response is None or not _pushing(request):
            return None
        answer = response.json()
        for result in answer["results"]:
            result["receipt"]["body"]["portal_seq"] += 1000  # the signature no longer holds
        return http_response(200, json.dumps(answer).encode(), {"Content-Type": "application/json"})

    interposer.rule = forge
    with post.focal() as s:
        sync_engine(s).run_pass()
        items = OutboxRepository(s.db).items()
        assert {o.state for o in items} == {"pending"}
        assert all("receipt did not verify" in (o.last_error or "") for o in items)
    # The portal did store them; the next honest answer repeats the original receipts.
    _then_all_delivered(post, interposer)


def test_503_retry_after_is_honoured(post: Post, interposer: Interposer) -> None:
    interposer.rule = lambda req, _resp: (
        http_response(503, b"", {"Retry-After": "7"}) if _pushing(req) else None
    )
    with post.focal() as s:
        engine = sync_engine(s)
        done = threading.Event()
        engine.add_listener(lambda e: done.set() if isinstance(e, PassSummary) else None)
        engine.start()
        try:
            assert done.wait(30)
            for _ in range(50):
                status = engine.status()
                if status.next_attempt_in is not None:
                    break
                done.wait(0.1)
            assert status.next_attempt_in is not None and status.next_attempt_in >= 7
            assert status.last_error and "503" in status.last_error
        finally:
            engine.stop()
    _nothing_delivered(post)
    _then_all_delivered(post, interposer)


def test_wrong_tls_pin_is_a_hard_error(post: Post, tmp_path: Path) -> None:
    """A server whose certificate is not the pinned one gets nothing, the work stays, the
    user is told, and the worker does not poll it again on its own."""
    import ssl
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    from storage.users_repo import MetaRepository
    from sync.tls_pinning import spki_sha256

    def certificate() -> tuple[bytes, bytes]:
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
        now = datetime.now(UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=1))
            .sign(key, hashes.SHA256())
        )
        pem_key = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return cert.public_bytes(serialization.Encoding.PEM), pem_key

    served_cert, served_key = certificate()
    pinned_cert, _ = certificate()  # what the provisioning file pins: a different key
    (tmp_path / "c.pem").write_bytes(served_cert)
    (tmp_path / "k.pem").write_bytes(served_key)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "c.pem", tmp_path / "k.pem")
    seen: list[TinyRequest] = []

    def answer(request: TinyRequest) -> bytes:
        seen.append(request)
        return http_response(200, b"{}")

    with TinyHttpServer(answer, ssl_context=context) as impostor, post.focal() as s:
        meta = MetaRepository(s.db)
        meta.set("portal_url", impostor.url)
        meta.set("tls_pins", json.dumps([spki_sha256(pinned_cert)]))
        engine = sync_engine(s)
        done = threading.Event()
        engine.add_listener(lambda e: done.set() if isinstance(e, PassSummary) else None)
        engine.start()
        try:
            assert done.wait(30)
            time.sleep(1.0)  # let the worker decide when to try next
            status = engine.status()
            alive = engine._thread is not None and engine._thread.is_alive()
        finally:
            engine.stop()
    assert alive  # waiting for a person, not crashed
    assert seen == []  # not one request reached the impostor
    assert status.last_error is not None and "pinned" in status.last_error
    assert status.next_attempt_in is None  # no silent retry loop
    _nothing_delivered(post)


def test_network_change_wakes_the_worker_at_once(post: Post, interposer: Interposer) -> None:
    """After a failure the worker waits out its backoff; the system's network-change event
    (or Sync now) makes it try again at once."""
    interposer.rule = lambda req, _resp: (
        http_response(503, b"", {"Retry-After": "600"}) if (_pushing(req)) else None
    )
    with post.focal() as s:
        engine = sync_engine(s)
        passes: list[PassSummary] = []
        arrived = threading.Event()

        def on_event(event: object) -> None:
            if isinstance(event, PassSummary):
                passes.append(event)
                arrived.set()

        engine.add_listener(on_event)
        engine.start()
        try:
            assert arrived.wait(30) and passes[0].error is not None
            arrived.clear()
            interposer.rule = lambda _req, _resp: None  # the link is back
            engine.network_changed()
            assert arrived.wait(30), "the worker slept through the network change"
            assert passes[-1].error is None and passes[-1].pushed == 6
        finally:
            engine.stop()


def test_a_failing_portal_does_not_shrink_the_push_so_every_item_is_tried(
    post: Post, interposer: Interposer
) -> None:
    """A 502 is an answer, not a cut: the link carried the whole request. Each pass tries
    every waiting item again and counts that attempt (an outbox showing 4 attempts on one
    row and 1 on the others would say the others were not tried, and they would wait behind
    one item at a time once the portal recovers)."""
    interposer.rule = lambda req, _resp: (
        http_response(502, b"bad gateway") if _pushing(req) else None
    )
    passes = 4
    with post.focal() as s:
        engine = sync_engine(s)
        for _ in range(passes):
            summary = engine.run_pass()
            assert summary.error is not None and "502" in summary.error, summary.error
        items = OutboxRepository(s.db).items()
    assert len(items) == 6
    assert [o.attempts for o in items] == [passes] * len(items)
    assert all("502" in (o.last_error or "") for o in items)
    _then_all_delivered(post, interposer)


def test_a_store_locked_under_a_running_pass_ends_the_worker_quietly(
    post: Post, interposer: Interposer
) -> None:
    """Locking closes the store while the worker may still be in a pass (stop() waits only so
    long for a slow upload). The worker then ends without a traceback; the work stays queued."""
    died: list[BaseException | None] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: died.append(args.exc_value)
    try:
        s = post.focal()
        engine = sync_engine(s)
        pushing = threading.Event()

        def lock_mid_pass(request: TinyRequest, _resp: requests.Response | None) -> None:
            if _pushing(request) and not pushing.is_set():
                pushing.set()
                engine.stop(timeout=0)  # as the GUI's lock does when the pass is slow
                s.lock()  # the store is closed under the pass
            return None

        interposer.rule = lock_mid_pass
        engine.start()
        assert pushing.wait(30)
        assert engine.stop(timeout=30)  # the worker has ended
    finally:
        threading.excepthook = previous
    assert died == []
    interposer.rule = lambda _req, _resp: None
    with post.focal() as s2:  # nothing was lost: the next pass delivers all
        assert sync_engine(s2).run_pass().error is None
        assert {o.state for o in OutboxRepository(s2.db).items()} == {"delivered"}
