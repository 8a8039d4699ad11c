"""Issue 16: the documented deployment, run for real. nginx (Debian's) terminates TLS and
forwards to two portal processes on one PostgreSQL database: one `serve`, one
`serve --workers 2`, so three processes share the writes. Clients push concurrently through
nginx (the same batches twice, to different processes), an OFP approves, a reader follows
the feed with a small page size. Counted afterwards: no 5xx, every envelope stored once,
the audit chain intact, every released item in the feed exactly once, and each portal
process having taken part.

Skipped, with the reason, only when the nginx binary or the PostgreSQL server binaries are
absent (CI installs both: .ci/run).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from portal import audit
from portal.clock import now_seconds
from portal.database import Database
from portal.feed_items import Reader, visible_clause
from portal.registry import create_agency, issue_code
from portal.tables import envelopes, feed_items
from tests.portal.portal_client import User, enrol, wire

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
_LISTENING = re.compile(r"Uvicorn running on http://127\.0\.0\.1:(\d+)")

pytestmark = pytest.mark.skipif(
    NGINX is None, reason="nginx is not installed (Debian: apt-get install nginx)"
)


def _free_port() -> int:
    # nginx takes its port from its configuration: ask the kernel for a free one.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _certificate(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "portal.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "tls.crt", folder / "tls.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@dataclass
class _Served:
    process: subprocess.Popen[str]
    port: int
    log: list[str]

    def pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        found = [int(p) for p in children.read_text().split()] if children.exists() else []
        return [self.process.pid, *found]


def _serve(data: Path, db_url: str, public_url: str, *extra: str) -> _Served:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "portal.cli",
            "serve",
            "--data",
            str(data),
            "--db",
            db_url,
            "--port",
            "0",
            "--public-url",
            public_url,
            *extra,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    log: list[str] = []
    deadline = time.monotonic() + 60
    while True:
        line = process.stderr.readline()
        log.append(line)
        match = _LISTENING.search(line)
        if match:
            break
        if (not line and process.poll() is not None) or time.monotonic() > deadline:
            raise RuntimeError("the portal did not start: " + "".join(log))
    threading.Thread(target=lambda: log.extend(process.stderr), daemon=True).start()  # type: ignore[arg-type]
    return _Served(process, int(match[1]), log)


NGINX_CONF = """
daemon off;
master_process on;
worker_processes 2;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    client_max_body_size 64m;
    upstream portal {{
        server 127.0.0.1:{first};
        server 127.0.0.1:{second};
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {cert};
        ssl_certificate_key {key};
        location / {{
            proxy_pass http://portal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_request_buffering off;
            proxy_buffering off;
            proxy_read_timeout 300s;
        }}
    }}
}}
"""


@dataclass
class Deployment:
    url: str
    db: Database
    cert: Path
    portals: list[_Served]

    def session(self) -> requests.Session:
        session = requests.Session()
        # An environment CA bundle (REQUESTS_CA_BUNDLE) would override session.verify.
        session.trust_env = False
        session.verify = str(self.cert)
        return session


@pytest.fixture
def deployment(pg_cluster: object, tmp_path: Path) -> Iterator[Deployment]:
    db_url = pg_cluster.create_database("behind_nginx")  # type: ignore[attr-defined]
    data = tmp_path / "portal"
    init = subprocess.run(
        [sys.executable, "-m", "portal.cli", "admin", "init", "--data", str(data), "--db", db_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert init.returncode == 0, init.stderr
    root = tmp_path / "nginx"
    root.mkdir()
    cert, key = _certificate(root)
    port = _free_port()
    url = f"https://127.0.0.1:{port}"
    portals = [_serve(data, db_url, url), _serve(data, db_url, url, "--workers", "2")]
    conf = root / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(
            root=root, port=port, cert=cert, key=key, first=portals[0].port, second=portals[1].port
        )
    )
    assert NGINX is not None
    nginx = subprocess.Popen(
        [NGINX, "-p", str(root), "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    db = Database(db_url)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(url + "/v1/hello", verify=str(cert), timeout=5)
                break
            except requests.ConnectionError:
                if nginx.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((root / "error.log").read_text()) from None
                time.sleep(0.1)
        yield Deployment(url, db, cert, portals)
    finally:
        nginx.terminate()
        nginx.wait(timeout=15)
        for served in portals:
            served.process.terminate()
            try:
                served.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                served.process.kill()
                served.process.wait()
        db.dispose()


def _cpu_ticks(pid: int) -> int:
    """User + system CPU time of a process so far (clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def test_two_portal_processes_behind_nginx(deployment: Deployment) -> None:
    d = deployment
    create_agency(d.db, code="AG-EDGE", member_state="KEN", name="edge", now=now_seconds())

    def code(role: str) -> str:
        return issue_code(d.db, agency="AG-EDGE", role=role, ttl_seconds=600, now=now_seconds())

    officers = [
        enrol(d.url, code("officer"), f"officer.{i}", session=d.session()) for i in range(4)
    ]
    ofp = enrol(d.url, code("ofp"), "ofp.1", session=d.session())
    reader = enrol(d.url, code("officer"), "reader.1", session=d.session())
    spawned = [
        pid
        for pid in d.portals[1].pids()[1:]
        if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    ]
    assert len(spawned) == 2  # serve --workers 2: two worker processes under its supervisor
    workers = [d.portals[0].process.pid, *spawned]
    before = {pid: _cpu_ticks(pid) for pid in workers}

    submissions = [o.submission() for o in officers for _ in range(40)]
    batches = [[wire(s) for s in submissions[i : i + 10]] for i in range(0, len(submissions), 10)]
    statuses: list[int] = []
    outcomes: list[str] = []
    lock = threading.Lock()

    def push(user: User, batch: list[object]) -> None:
        twin = User(user.base_url, user.key, user.certificate, d.session())
        response = twin.push(batch)
        with lock:
            statuses.append(response.status_code)
            if response.status_code == 200:
                outcomes.extend(r["status"] for r in response.json()["results"])

    with ThreadPoolExecutor(max_workers=12) as pool:
        jobs = []
        for number, batch in enumerate(batches):
            officer = officers[number * 10 // 40]
            jobs += [pool.submit(push, officer, batch), pool.submit(push, officer, batch)]
        for job in jobs:
            job.result()
    assert statuses and all(s == 200 for s in statuses), sorted(set(statuses))
    assert outcomes.count("stored") == len(submissions)
    assert outcomes.count("duplicate") == len(submissions)

    approvals = [wire(ofp.approval(s, releasable_to=("KEN",))) for s in submissions[:60]]
    with ThreadPoolExecutor(max_workers=6) as pool:
        for job in [pool.submit(push, ofp, approvals[i : i + 10]) for i in range(0, 60, 10)]:
            job.result()
    assert all(s == 200 for s in statuses)

    seen: list[str] = []
    cursor = None
    reader_client = User(reader.base_url, reader.key, reader.certificate, d.session())
    while True:
        page = reader_client.feed(cursor, limit=7).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["cursor"]
        if not page["more"]:
            break
    with d.db.read() as conn:
        stored = conn.execute(sa.select(sa.func.count()).select_from(envelopes)).scalar_one()
        visible = visible_clause(
            Reader(reader.user_id, reader.certificate.key_id, "AG-EDGE", "KEN", "officer")
        )
        released = conn.execute(
            sa.select(sa.func.count()).select_from(feed_items).where(visible)
        ).scalar_one()
        assert audit.verify_chain(conn) is None
    assert stored == len(submissions) + len(approvals)  # each exactly once
    assert len(seen) == len(set(seen)) == released >= 60  # every visible item, once
    # Each process spent CPU time on requests (a tenth of a second at least).
    busy = {pid: _cpu_ticks(pid) - before[pid] for pid in workers}
    grew = [pid for pid, ticks in busy.items() if ticks >= os.sysconf("SC_CLK_TCK") // 10]
    assert len(grew) == len(workers), f"every portal process takes part: {busy}"
    assert os.path.exists(d.cert)
