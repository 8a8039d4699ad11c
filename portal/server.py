"""Running the portal under uvicorn: in the foreground (CLI) or in a thread (tests, demo)."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

import uvicorn
from starlette.applications import Starlette


def uvicorn_config(
    app: Starlette | str,
    *,
    host: str,
    port: int,
    tls_cert: str | None = None,
    tls_key: str | None = None,
    log_level: str = "warning",
    workers: int = 1,
) -> uvicorn.Config:
    """`app` is the app, or with workers > 1 the import path of a factory that builds one
    in each worker process."""
    return uvicorn.Config(
        app,
        factory=isinstance(app, str),
        workers=workers,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        ssl_certfile=tls_cert,
        ssl_keyfile=tls_key,
        # The portal answers malformed input itself; uvicorn must not rewrite it.
        server_header=False,
        # On a satellite link the last answer can still be arriving seconds after the portal
        # wrote it; a short keep-alive would close the connection under the client's feet.
        timeout_keep_alive=75,
        # With --workers the supervisor kills a worker that misses a ping for this long, and
        # with it every request in flight; verifying a large batch on a busy machine can hold
        # a worker past uvicorn's 5 s default (seen under load in the nginx test).
        timeout_worker_healthcheck=30,
    )


@dataclass
class BackgroundServer:
    """A portal listening on a free loopback port in a daemon thread."""

    server: uvicorn.Server
    thread: threading.Thread
    port: int
    scheme: str = "http"

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_in_thread(
    app: Starlette, *, tls_cert: str | None = None, tls_key: str | None = None
) -> BackgroundServer:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn_config(app, host="127.0.0.1", port=port, tls_cert=tls_cert, tls_key=tls_key)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the portal did not start")
        time.sleep(0.01)
    return BackgroundServer(server, thread, port, "https" if tls_cert else "http")
