"""A shaping TCP proxy for tests: puts a poor link between a client and a real server.

    client ──► 127.0.0.1:<proxy port> ──(shaped)──► target host:port

Each direction ("up" = client → target, "down" = target → client) has its own `Shape`:
one-way latency with jitter (order is kept, as on a TCP link), a bandwidth limit (a token
bucket shared by all connections, because they share one physical link), and "cut" or
"reset" after N bytes, counted per connection or cumulatively over the whole proxy. A new
connection waits one round trip before its first byte moves (the TCP handshake a real link
would cost; the kernel answers our loopback handshake at once). A silent blackhole can be
switched on and off at run time: connections are still accepted, but nothing moves in
either direction until it is lifted (like a link that drops every packet; TCP would resume
afterwards, and so do we).

Everything runs in one asyncio loop in a background thread; `stop()` closes every socket,
stops the loop and joins the thread. `TinyHttpServer` is a scripted HTTP server that
writes raw responses (truncated bodies, odd statuses) for the same tests.

Bandwidths are bytes per second (`kbit(64)` == 8000).
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import socketserver
import ssl
import struct
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import pytest

Direction = Literal["up", "down"]
CutScope = Literal["connection", "cumulative"]

_BUFFER = 64 * 1024  # socket receive buffers: a modem's queue, not a loopback's megabytes
_READ = 16 * 1024


def kbit(kilobits_per_second: float) -> float:
    """Bytes per second of a link of so many kbit/s."""
    return kilobits_per_second * 1000 / 8


@dataclass(frozen=True, slots=True)
class Shape:
    """How one direction of the link behaves. Defaults: a perfect wire."""

    latency: float = 0.0  # one-way seconds
    jitter: float = 0.0  # ± seconds, uniform, added to the latency of each piece
    bandwidth: float | None = None  # bytes per second; None: unlimited
    cut_after: int | None = None  # deliver this many bytes, then close both sides (FIN)
    reset_after: int | None = None  # deliver this many bytes, then RST both sides


@dataclass(frozen=True, slots=True)
class LinkProfile:
    name: str
    up: Shape = field(default_factory=Shape)
    down: Shape = field(default_factory=Shape)
    # "connection": every connection gets the full byte budget before its cut;
    # "cumulative": one budget per direction for the whole proxy, renewed after each cut
    # (so a flaky link cuts "every ~200 KB" whatever the number of connections).
    cut_scope: CutScope = "connection"

    @property
    def rtt(self) -> float:
        return self.up.latency + self.down.latency

    def shape(self, direction: Direction) -> Shape:
        return self.up if direction == "up" else self.down


DIRECT = LinkProfile("direct")
LAN = LinkProfile(
    "lan", Shape(latency=0.00025, bandwidth=kbit(100_000)), Shape(0.00025, bandwidth=kbit(100_000))
)
SATELLITE = LinkProfile(
    "satellite",
    Shape(latency=0.3, jitter=0.01, bandwidth=kbit(64)),
    Shape(latency=0.3, jitter=0.01, bandwidth=kbit(64)),
)
FLAKY_2G = LinkProfile(
    "flaky-2g",
    Shape(latency=0.15, jitter=0.03, bandwidth=kbit(100), cut_after=200_000),
    Shape(latency=0.15, jitter=0.03, bandwidth=kbit(100)),
    cut_scope="cumulative",
)


@dataclass(frozen=True, slots=True)
class LinkStats:
    bytes_up: int  # delivered to the target
    bytes_down: int  # delivered to the client
    connections: int  # accepted since start (or the last reset_stats)
    active: int
    cuts: int
    resets: int


class _TokenBucket:
    """`rate` bytes/s with bursts of at most `burst` bytes; FIFO among connections."""

    def __init__(self, rate: float, loop: asyncio.AbstractEventLoop) -> None:
        self.rate = rate
        # Small pieces keep the flow smooth; bigger ones keep fast links cheap.
        self.burst = int(max(512, min(64 * 1024, rate / 100)))
        self._loop = loop
        self._tokens = float(self.burst)
        self._stamp = loop.time()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self._loop.time()
        self._tokens = min(float(self.burst), self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    async def take(self, n: int) -> None:
        async with self._lock:
            self._refill()
            if self._tokens < n:
                await asyncio.sleep((n - self._tokens) / self.rate)
                self._refill()
            self._tokens -= n


class _End:
    """Queue markers: end of stream, or the cut/reset that follows the last piece."""

    def __init__(self, kind: Literal["eof", "cut", "reset"]) -> None:
        self.kind = kind


class _Connection:
    def __init__(self, client: asyncio.StreamWriter) -> None:
        self.client = client
        self.target: asyncio.StreamWriter | None = None
        self.budgets: dict[Direction, int] = {}
        self.tasks: set[asyncio.Task[None]] = set()
        self.done = False

    def writers(self) -> list[asyncio.StreamWriter]:
        return [w for w in (self.client, self.target) if w is not None]

    def close(self, *, reset: bool = False) -> None:
        if self.done:
            return
        self.done = True
        for writer in self.writers():
            if reset:
                sock = writer.get_extra_info("socket")
                if sock is not None:
                    with contextlib.suppress(OSError):
                        # Linger 0: close() sends RST instead of FIN.
                        sock.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )
                writer.transport.abort()
            else:
                writer.close()
        current = asyncio.current_task()
        for task in self.tasks:
            if task is not current:
                task.cancel()


class LinkProxy:
    """A shaped TCP proxy on 127.0.0.1:<random port>. Use as a context manager or
    start()/stop(). Control methods may be called from any thread."""

    def __init__(
        self,
        target: tuple[str, int],
        profile: LinkProfile = DIRECT,
        *,
        seed: int | None = None,
    ) -> None:
        self._target = target
        self._profile = profile
        self._random = random.Random(seed)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None
        self._link_up: asyncio.Event | None = None
        self._connections: set[_Connection] = set()
        self._buckets: dict[Direction, _TokenBucket] = {}
        self._budgets: dict[Direction, int] = {}
        self._handlers: set[asyncio.Task[Any]] = set()
        self.port = 0
        self._reset_counters()

    # -- life cycle ---------------------------------------------------------------------

    def start(self) -> LinkProxy:
        if self._thread is not None:
            raise RuntimeError("the proxy is already running")
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(
            target=loop.run_forever, name=f"linkproxy-{self._profile.name}", daemon=True
        )
        self._thread.start()
        self._call(self._open())
        return self

    def stop(self) -> None:
        if self._loop is None or self._thread is None:
            return
        with contextlib.suppress(Exception):
            self._call(self._close(), timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        if self._thread.is_alive():
            raise RuntimeError("the link proxy thread did not stop")
        self._loop.close()
        self._loop = None
        self._thread = None

    def __enter__(self) -> LinkProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- addresses ----------------------------------------------------------------------

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.port)

    def url(self, scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}"

    # -- run-time control ---------------------------------------------------------------

    @property
    def profile(self) -> LinkProfile:
        return self._profile

    def set_profile(self, profile: LinkProfile) -> None:
        """Switch shaping for everything that moves from now on (budgets start afresh)."""

        async def apply() -> None:
            self._profile = profile
            self._buckets = self._make_buckets()
            self._budgets = {}
            for conn in self._connections:
                conn.budgets = {}

        self._call(apply())

    def retarget(self, target: tuple[str, int]) -> None:
        """Send new connections to another server (open ones stay where they are)."""
        self._target = target

    @property
    def blackhole(self) -> bool:
        return self._link_up is not None and not self._link_up.is_set()

    def set_blackhole(self, on: bool) -> None:
        async def apply() -> None:
            assert self._link_up is not None
            if on:
                self._link_up.clear()
            else:
                self._link_up.set()

        self._call(apply())

    def cut_all(self, *, reset: bool = False) -> None:
        """Cut (or reset) every open connection now."""

        async def apply() -> None:
            for conn in list(self._connections):
                self._count_cut(reset)
                conn.close(reset=reset)

        self._call(apply())

    @property
    def stats(self) -> LinkStats:
        return LinkStats(
            bytes_up=self._delivered["up"],
            bytes_down=self._delivered["down"],
            connections=self._accepted,
            active=len(self._connections),
            cuts=self._cuts,
            resets=self._resets,
        )

    def reset_stats(self) -> None:
        self._call(self._zero())

    # -- internals (run in the loop thread) -----------------------------------------------

    def _call(self, coroutine: Any, timeout: float = 30) -> Any:
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def _reset_counters(self) -> None:
        self._delivered: dict[Direction, int] = {"up": 0, "down": 0}
        self._accepted = 0
        self._cuts = 0
        self._resets = 0

    async def _zero(self) -> None:
        self._reset_counters()

    def _count_cut(self, reset: bool) -> None:
        if reset:
            self._resets += 1
        else:
            self._cuts += 1

    def _make_buckets(self) -> dict[Direction, _TokenBucket]:
        assert self._loop is not None
        buckets: dict[Direction, _TokenBucket] = {}
        for direction in ("up", "down"):
            rate = self._profile.shape(direction).bandwidth
            if rate is not None:
                buckets[direction] = _TokenBucket(rate, self._loop)
        return buckets

    async def _open(self) -> None:
        self._link_up = asyncio.Event()
        self._link_up.set()
        self._buckets = self._make_buckets()
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Set before listen() so accepted sockets inherit it (and the window scale).
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _BUFFER)
        listener.bind(("127.0.0.1", 0))
        self.port = listener.getsockname()[1]
        self._server = await asyncio.start_server(self._accept, sock=listener, limit=_READ)

    async def _close(self) -> None:
        if self._server is not None:
            self._server.close()
        for conn in list(self._connections):
            conn.close(reset=True)
        for task in list(self._handlers):
            task.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()
        assert self._loop is not None
        await self._loop.shutdown_default_executor()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None and self._link_up is not None
        self._handlers.add(task)
        loop = asyncio.get_running_loop()
        opened = loop.time()
        conn = _Connection(writer)
        self._connections.add(conn)
        self._accepted += 1
        try:
            await self._link_up.wait()  # blackhole: accepted, then silence
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _BUFFER)
                sock.setblocking(False)
                await loop.sock_connect(sock, self._target)
                target_reader, target_writer = await asyncio.open_connection(sock=sock, limit=_READ)
            except OSError:
                sock.close()
                conn.close(reset=True)  # nothing listens behind the link
                return
            except asyncio.CancelledError:
                sock.close()
                raise
            conn.target = target_writer
            # The client's kernel completed the handshake with us at once; a real link
            # needs one round trip before the first byte can leave, so hold it that long.
            await asyncio.sleep(max(0.0, opened + self._profile.rtt - loop.time()))
            pumps = [
                asyncio.create_task(self._pump(conn, "up", reader, target_writer)),
                asyncio.create_task(self._pump(conn, "down", target_reader, writer)),
            ]
            conn.tasks.update(pumps)
            await asyncio.gather(*pumps, return_exceptions=True)
        except asyncio.CancelledError:
            # Only stop() cancels handlers. Returning normally keeps asyncio's stream
            # callback (Python 3.11) from logging the cancellation as an error.
            pass
        finally:
            conn.close()
            self._connections.discard(conn)
            self._handlers.discard(task)

    async def _pump(
        self,
        conn: _Connection,
        direction: Direction,
        source: asyncio.StreamReader,
        sink: asyncio.StreamWriter,
    ) -> None:
        queue: asyncio.Queue[tuple[float, bytes | _End]] = asyncio.Queue()
        sender = asyncio.create_task(self._deliver(conn, direction, queue, sink))
        conn.tasks.add(sender)
        try:
            await self._read(conn, direction, source, queue)
            await sender
        finally:
            sender.cancel()

    async def _read(
        self,
        conn: _Connection,
        direction: Direction,
        source: asyncio.StreamReader,
        queue: asyncio.Queue[tuple[float, bytes | _End]],
    ) -> None:
        assert self._link_up is not None
        loop = asyncio.get_running_loop()
        last_due = 0.0
        while True:
            await self._link_up.wait()
            try:
                data = await source.read(_READ)
            except OSError:
                data = b""
            if not data:
                queue.put_nowait((last_due, _End("eof")))
                return
            while data:
                bucket = self._buckets.get(direction)
                size = bucket.burst if bucket is not None else len(data)
                piece, data = data[:size], data[size:]
                await self._link_up.wait()
                if bucket is not None:
                    await bucket.take(len(piece))  # serialisation onto the link...
                piece, end = self._spend(conn, direction, piece)
                shape = self._profile.shape(direction)
                delay = max(0.0, shape.latency + self._random.uniform(-1, 1) * shape.jitter)
                last_due = max(last_due, loop.time() + delay)  # ...then propagation
                if piece:
                    queue.put_nowait((last_due, piece))
                if end is not None:
                    queue.put_nowait((last_due, end))
                    return

    def _spend(
        self, conn: _Connection, direction: Direction, piece: bytes
    ) -> tuple[bytes, _End | None]:
        """Charge `piece` to the direction's cut/reset budget; truncate it at the limit."""
        shape = self._profile.shape(direction)
        armed = [
            (n, kind)
            for n, kind in ((shape.cut_after, "cut"), (shape.reset_after, "reset"))
            if n is not None
        ]
        if not armed:
            return piece, None
        limit, kind = min(armed)
        budgets = conn.budgets if self._profile.cut_scope == "connection" else self._budgets
        remaining = budgets.get(direction, limit)
        if len(piece) < remaining:
            budgets[direction] = remaining - len(piece)
            return piece, None
        budgets[direction] = limit  # a cumulative budget renews after each cut
        return piece[:remaining], _End("reset" if kind == "reset" else "cut")

    async def _deliver(
        self,
        conn: _Connection,
        direction: Direction,
        queue: asyncio.Queue[tuple[float, bytes | _End]],
        sink: asyncio.StreamWriter,
    ) -> None:
        assert self._link_up is not None
        loop = asyncio.get_running_loop()
        while True:
            due, item = await queue.get()
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            await self._link_up.wait()
            if isinstance(item, _End):
                if item.kind == "eof":
                    with contextlib.suppress(OSError, RuntimeError):
                        if sink.can_write_eof():
                            sink.write_eof()  # half-close, as the sender did
                    return
                self._count_cut(item.kind == "reset")
                conn.close(reset=item.kind == "reset")
                return
            try:
                # Count first: the peer may read these bytes before this thread runs again.
                self._delivered[direction] += len(item)
                sink.write(item)
                await sink.drain()
            except OSError:
                conn.close()
                return


@contextlib.contextmanager
def link_proxy(
    target: tuple[str, int], profile: LinkProfile = DIRECT, *, seed: int | None = None
) -> Iterator[LinkProxy]:
    with LinkProxy(target, profile, seed=seed) as proxy:
        yield proxy


@pytest.fixture
def link_proxy_factory() -> Iterator[Callable[..., LinkProxy]]:
    """make(target, profile=DIRECT, seed=None) -> a started LinkProxy, stopped at teardown."""
    proxies: list[LinkProxy] = []

    def make(
        target: tuple[str, int], profile: LinkProfile = DIRECT, *, seed: int | None = None
    ) -> LinkProxy:
        proxy = LinkProxy(target, profile, seed=seed).start()
        proxies.append(proxy)
        return proxy

    yield make
    for proxy in proxies:
        proxy.stop()


# -- a scripted HTTP server ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TinyRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes


def http_response(
    status: int,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
    *,
    reason: str = "X",
    content_length: int | None = None,
) -> bytes:
    """Raw HTTP/1.1 response bytes. `content_length` may lie, to fake a truncated body."""
    fields = {"Content-Length": str(len(body) if content_length is None else content_length)}
    fields.update(headers or {})
    fields.setdefault("Connection", "close")
    head = f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields.items())
    return head.encode("latin-1") + b"\r\n" + body


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        while True:
            line = self.rfile.readline(65537)
            if not line:
                return
            method, path, _ = line.decode("latin-1").split(" ", 2)
            headers: dict[str, str] = {}
            while (header := self.rfile.readline(65537)) not in (b"\r\n", b"\n", b""):
                name, _, value = header.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = self.rfile.read(int(headers.get("content-length", "0")))
            request = TinyRequest(method, path, headers, body)
            self.server.requests.append(request)
            answer = self.server.respond(request)
            self.wfile.write(answer)
            self.wfile.flush()
            if b"connection: close" in answer.split(b"\r\n\r\n", 1)[0].lower():
                return


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = True
    allow_reuse_address = True

    def __init__(
        self, respond: Callable[[TinyRequest], bytes], context: ssl.SSLContext | None
    ) -> None:
        self.respond = respond
        self.context = context
        self.requests: list[TinyRequest] = []
        super().__init__(("127.0.0.1", 0), _Handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = super().get_request()
        if self.context is not None:
            sock = self.context.wrap_socket(sock, server_side=True)
        return sock, address

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up early are the point of these tests


class TinyHttpServer:
    """An HTTP(S) server on 127.0.0.1:<random> that answers each request with the raw bytes
    `respond(request)` returns (build them with http_response). Context manager."""

    def __init__(
        self, respond: Callable[[TinyRequest], bytes], *, ssl_context: ssl.SSLContext | None = None
    ) -> None:
        self._server = _Server(respond, ssl_context)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.scheme = "https" if ssl_context is not None else "http"

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.address[1]}"

    @property
    def requests(self) -> list[TinyRequest]:
        return self._server.requests

    def __enter__(self) -> TinyHttpServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
