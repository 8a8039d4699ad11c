"""The shaping link proxy (tests/linkproxy.py): every behaviour over real loopback sockets.

Timing assertions are one-sided or generous: the machine is shared with other test runs.
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator

import pytest
import requests

from tests.linkproxy import (
    DIRECT,
    FLAKY_2G,
    LAN,
    SATELLITE,
    LinkProfile,
    LinkProxy,
    Shape,
    TinyHttpServer,
    TinyRequest,
    http_response,
    kbit,
    link_proxy,
    link_proxy_factory,
)

__all__ = ["link_proxy_factory"]  # the fixture, imported for the tests below

BLOB = bytes(range(256)) * 800  # 200 KiB


class _Echo(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        while data := self.request.recv(65536):
            self.request.sendall(data)


class _Sink(socketserver.BaseRequestHandler):
    """Counts what it receives; answers the count when the client half-closes."""

    def handle(self) -> None:
        total = 0
        while data := self.request.recv(65536):
            total += len(data)
        self.request.sendall(str(total).encode())


def _serve(handler: type[socketserver.BaseRequestHandler]) -> Iterator[tuple[str, int]]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield ("127.0.0.1", server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.fixture
def echo() -> Iterator[tuple[str, int]]:
    yield from _serve(_Echo)


@pytest.fixture
def sink() -> Iterator[tuple[str, int]]:
    yield from _serve(_Sink)


@pytest.fixture
def blob_server() -> Iterator[TinyHttpServer]:
    def respond(request: TinyRequest) -> bytes:
        if request.path == "/blob":
            return http_response(200, BLOB, {"Content-Type": "application/octet-stream"})
        return http_response(200, str(len(request.body)).encode())

    with TinyHttpServer(respond) as server:
        yield server


def connect(proxy: LinkProxy, timeout: float = 10) -> socket.socket:
    return socket.create_connection(proxy.address, timeout=timeout)


def receive_all(sock: socket.socket) -> bytes:
    chunks = []
    while data := sock.recv(65536):
        chunks.append(data)
    return b"".join(chunks)


def exchange(sock: socket.socket, payload: bytes) -> bytes:
    sock.sendall(payload)
    received = b""
    while len(received) < len(payload):
        data = sock.recv(65536)
        assert data, "connection closed early"
        received += data
    return received


def test_forwards_both_ways_and_counts(echo: tuple[str, int]) -> None:
    with link_proxy(echo, LAN) as proxy, connect(proxy) as sock:
        assert exchange(sock, BLOB) == BLOB
        assert exchange(sock, b"again") == b"again"
        stats = proxy.stats
    assert (stats.bytes_up, stats.bytes_down) == (len(BLOB) + 5, len(BLOB) + 5)
    assert stats.connections == 1 and (stats.cuts, stats.resets) == (0, 0)


def test_latency_costs_a_round_trip_per_exchange_plus_the_handshake(
    echo: tuple[str, int],
) -> None:
    profile = LinkProfile("slow", Shape(latency=0.15), Shape(latency=0.15))
    with link_proxy(echo, profile) as proxy, connect(proxy) as sock:
        started = time.monotonic()
        exchange(sock, b"ping")  # handshake round trip + one round trip
        first = time.monotonic() - started
        started = time.monotonic()
        exchange(sock, b"ping")
        second = time.monotonic() - started
    assert first >= 0.58
    assert 0.29 <= second < 5


def test_jitter_never_reorders_bytes(echo: tuple[str, int]) -> None:
    profile = LinkProfile("jittery", Shape(latency=0.03, jitter=0.03), Shape(0.03, jitter=0.03))
    with link_proxy(echo, profile, seed=7) as proxy, connect(proxy) as sock:
        sent = b"".join(f"<{i}>".encode() for i in range(300))
        for i in range(0, len(sent), 37):
            sock.sendall(sent[i : i + 37])
            time.sleep(0.001)
        received = b""
        while len(received) < len(sent):
            received += sock.recv(65536)
    assert received == sent


def test_bandwidth_limits_a_download_through_requests(
    link_proxy_factory: Callable[..., LinkProxy], blob_server: TinyHttpServer
) -> None:
    # 200 KiB at 1 Mbit/s is ~1.6 s; unshaped it takes milliseconds.
    proxy = link_proxy_factory(
        blob_server.address, LinkProfile("1M", down=Shape(bandwidth=kbit(1000)))
    )
    started = time.monotonic()
    response = requests.get(proxy.url() + "/blob", timeout=30)
    elapsed = time.monotonic() - started
    assert response.content == BLOB
    assert 1.3 < elapsed < 8
    assert proxy.stats.bytes_down > len(BLOB)


def test_bandwidth_limits_an_upload(sink: tuple[str, int]) -> None:
    profile = LinkProfile("1M up", up=Shape(bandwidth=kbit(1000)))
    with link_proxy(sink, profile) as proxy, connect(proxy) as sock:
        started = time.monotonic()
        sock.sendall(BLOB)
        sock.shutdown(socket.SHUT_WR)
        assert receive_all(sock) == str(len(BLOB)).encode()
        elapsed = time.monotonic() - started
    assert 1.3 < elapsed < 8


def test_cut_after_n_bytes_per_connection(echo: tuple[str, int]) -> None:
    profile = LinkProfile("cut", down=Shape(cut_after=1000))
    with link_proxy(echo, profile) as proxy:
        for _ in range(2):  # each connection gets its own budget
            with connect(proxy) as sock:
                sock.sendall(b"x" * 5000)
                assert receive_all(sock) == b"x" * 1000  # then FIN
        assert proxy.stats.cuts == 2
        assert proxy.stats.bytes_down == 2000


def test_cumulative_cut_budget_spans_connections_and_renews(sink: tuple[str, int]) -> None:
    profile = LinkProfile("flaky", up=Shape(cut_after=3000), cut_scope="cumulative")
    with link_proxy(sink, profile) as proxy:
        with connect(proxy) as sock:
            sock.sendall(b"a" * 2000)
            sock.shutdown(socket.SHUT_WR)
            assert receive_all(sock) == b"2000"  # 1000 left in the link's budget
        with connect(proxy) as sock:
            sock.sendall(b"b" * 2000)
            assert receive_all(sock) == b""  # cut after 1000 more bytes
        assert (proxy.stats.cuts, proxy.stats.bytes_up) == (1, 3000)
        with connect(proxy) as sock:  # a fresh 3000-byte budget after the cut
            sock.sendall(b"c" * 2500)
            sock.shutdown(socket.SHUT_WR)
            assert receive_all(sock) == b"2500"


def test_reset_after_n_bytes_sends_rst(echo: tuple[str, int]) -> None:
    profile = LinkProfile("rst", down=Shape(reset_after=1000))
    with link_proxy(echo, profile) as proxy, connect(proxy) as sock:
        sock.sendall(b"y" * 5000)
        received = b""
        with pytest.raises(ConnectionResetError):
            while data := sock.recv(65536):
                received += data
        assert received == b"y" * 1000
        assert proxy.stats.resets == 1


def test_cut_mid_response_breaks_a_requests_download(
    link_proxy_factory: Callable[..., LinkProxy], blob_server: TinyHttpServer
) -> None:
    for shape, error in (
        (Shape(cut_after=50_000), requests.exceptions.ChunkedEncodingError),
        (Shape(reset_after=50_000), requests.exceptions.ChunkedEncodingError),
    ):
        proxy = link_proxy_factory(blob_server.address, LinkProfile("cut", down=shape))
        with pytest.raises(error):
            requests.get(proxy.url() + "/blob", timeout=10)


def test_blackhole_accepts_then_silences_and_can_be_lifted(echo: tuple[str, int]) -> None:
    with link_proxy(echo) as proxy, connect(proxy, timeout=0.5) as live:
        assert exchange(live, b"before") == b"before"
        proxy.set_blackhole(True)
        assert proxy.blackhole
        live.sendall(b"during")
        with pytest.raises(TimeoutError):
            live.recv(100)
        with connect(proxy, timeout=0.5) as fresh:  # accepted, never answered
            fresh.sendall(b"hello?")
            with pytest.raises(TimeoutError):
                fresh.recv(100)
            proxy.set_blackhole(False)
            fresh.settimeout(10)
            assert fresh.recv(100) == b"hello?"  # held, not lost: TCP would resend
        live.settimeout(10)
        assert live.recv(100) == b"during"


def test_blackhole_makes_requests_time_out(
    link_proxy_factory: Callable[..., LinkProxy], blob_server: TinyHttpServer
) -> None:
    proxy = link_proxy_factory(blob_server.address)
    proxy.set_blackhole(True)
    started = time.monotonic()
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(proxy.url() + "/x", timeout=(5, 0.5))
    assert time.monotonic() - started < 5
    proxy.set_blackhole(False)
    assert requests.post(proxy.url() + "/x", data=b"12345", timeout=10).text == "5"


def test_cut_all_and_retarget(echo: tuple[str, int], sink: tuple[str, int]) -> None:
    with link_proxy(echo) as proxy, connect(proxy) as sock:
        assert exchange(sock, b"a") == b"a"
        proxy.cut_all()
        assert receive_all(sock) == b""
        proxy.retarget(sink)
        with connect(proxy) as other:
            other.sendall(b"abc")
            other.shutdown(socket.SHUT_WR)
            assert receive_all(other) == b"3"


def test_profile_can_change_at_run_time(echo: tuple[str, int]) -> None:
    with link_proxy(echo, DIRECT) as proxy, connect(proxy) as sock:
        proxy.set_profile(LinkProfile("cut", down=Shape(cut_after=10)))
        sock.sendall(b"z" * 100)
        assert receive_all(sock) == b"z" * 10


def test_profiles() -> None:
    assert SATELLITE.up.bandwidth == SATELLITE.down.bandwidth == 8000  # 64 kbit/s
    assert SATELLITE.rtt == pytest.approx(0.6)
    assert FLAKY_2G.up.bandwidth == 12_500 and FLAKY_2G.rtt == pytest.approx(0.3)
    assert (FLAKY_2G.up.cut_after, FLAKY_2G.cut_scope) == (200_000, "cumulative")
    assert LAN.rtt < 0.001


def test_satellite_profile_end_to_end(
    link_proxy_factory: Callable[..., LinkProxy], blob_server: TinyHttpServer
) -> None:
    proxy = link_proxy_factory(blob_server.address, SATELLITE, seed=1)
    started = time.monotonic()
    # New connection: handshake RTT + request RTT + 4 KB at 8 KB/s.
    assert requests.post(proxy.url() + "/x", data=b"x" * 4000, timeout=30).text == "4000"
    assert time.monotonic() - started > 1.2


def test_stop_closes_connections_and_leaves_no_threads(echo: tuple[str, int]) -> None:
    proxy = LinkProxy(echo, LAN).start()
    sock = connect(proxy)
    assert exchange(sock, b"x") == b"x"
    proxy.stop()
    with sock:
        try:
            data = sock.recv(10)
        except ConnectionResetError:
            data = b""
        assert data == b""  # closed by the proxy, not left hanging
    # The proxy's loop thread and any asyncio executor thread are gone (the echo server's
    # own handler threads are not the proxy's business).
    assert not [t for t in threading.enumerate() if t.name.startswith(("linkproxy", "asyncio"))]
    proxy.stop()  # idempotent
