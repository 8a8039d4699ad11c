"""Issue 4 benchmark: signed envelopes verified and stored per second by the reference portal.

Real HTTP on 127.0.0.1: the portal runs as `outpost-portal serve` in its own process (its own
GIL, as in production), the clients are threads of this process, each an enrolled officer
with its own key and keep-alive connection, pushing realistic synthetic submissions.
Measured with 1, 4 and 16 concurrent clients, on SQLite (WAL, synchronous=FULL) and, when the
server binaries are installed, on a durable throwaway PostgreSQL cluster (fsync on).

Batched: POST /v1/envelopes with 100 envelopes per request. Baseline, in the same run: one
envelope per request (what a client without batching would do). Envelopes are signed before
the clock starts: the figure is the portal's ingest (parse, verify signature and certificate,
rules, store, sign receipt, feed, audit), not the client's signing.

`python -m bench.portal_bench` (or `run()`).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.samples import SyntheticReports
from bench.table import percentile, print_table
from portal import throwaway_pg
from portal.clock import now_seconds
from portal.config import default_db_url
from portal.database import Database
from portal.keys import create_keys
from portal.registry import create_agency, issue_code
from sync.http_signatures import sign_request
from sync.protocol import (
    Attachment,
    Certificate,
    SubmissionBody,
    b64url_encode,
    generate_private_key,
    public_key_raw,
    sign_submission,
)

CLIENTS = (1, 4, 16)
BATCH = 100
BATCHED_ENVELOPES = 4_000  # per measurement, split between the clients
SINGLE_PER_CLIENT = 40  # baseline requests per client (one envelope each)
AGENCY = "KE-BENCH"
_report_ids = itertools.count()


@dataclass
class Client:
    key: Ed25519PrivateKey
    user_id: str
    session: requests.Session


@dataclass
class Result:
    envelopes: int
    seconds: float
    latencies: list[float]

    @property
    def per_second(self) -> float:
        return self.envelopes / self.seconds

    @property
    def p95_ms(self) -> float:
        return percentile(self.latencies, 95) * 1000


@contextlib.contextmanager
def portal_process(db_url: str, data_dir: Path, workers: int = 1) -> Iterator[str]:
    """`outpost-portal serve [--workers N]` on a free port; yields its base URL."""
    command = [sys.executable, "-m", "portal.cli", "serve", "--data", str(data_dir)]
    process = subprocess.Popen(
        [*command, "--db", db_url, "--port", "0", "--workers", str(workers)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        deadline = time.monotonic() + 60
        port = None
        while port is None and time.monotonic() < deadline:
            line = process.stderr.readline()
            if "running on" in line.lower():
                port = int(line.rsplit(":", 1)[1].split()[0])
            elif not line and process.poll() is not None:
                break
        if port is None:
            raise RuntimeError("the portal did not start")
        # Keep draining its log so a full pipe never blocks the server.
        threading.Thread(target=process.stderr.read, daemon=True).start()
        url = f"http://127.0.0.1:{port}"
        # With --workers the supervisor names the address when it binds the socket, before
        # any worker listens on it: wait until one answers.
        while True:
            try:
                if requests.get(f"{url}/v1/hello", timeout=5).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the portal did not answer")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def prepare(data_dir: Path, db_url: str, users: int) -> list[str]:
    """Portal keys, schema, the agency and one enrolment code per client."""
    create_keys(data_dir, portal_id="portal.bench", agency="FORUM")
    db = Database(db_url)
    db.upgrade()
    create_agency(db, code=AGENCY, member_state="KEN", name="bench", now=now_seconds())
    codes = [
        issue_code(db, agency=AGENCY, role="officer", ttl_seconds=3600, now=now_seconds())
        for _ in range(users)
    ]
    db.dispose()
    return codes


def enrol(url: str, code: str, number: int) -> Client:
    key = generate_private_key()
    session = requests.Session()
    user_id = f"bench.officer.{number}"
    response = session.post(
        url + "/v1/enrol",
        json={"code": code, "public_key": b64url_encode(public_key_raw(key)), "user_id": user_id},
        timeout=30,
    )
    response.raise_for_status()
    Certificate.from_json(response.json()["certificate"])
    return Client(key, user_id, session)


def batches(client: Client, reports: SyntheticReports, count: int, size: int) -> list[bytes]:
    """`count` request bodies of `size` fresh, signed submissions each."""
    now = datetime.now(UTC).replace(microsecond=0)
    bodies = []
    for _ in range(count):
        envelopes = []
        for _ in range(size):
            i = next(_report_ids)
            report = reports.report(i % 5_000)
            body = SubmissionBody(
                report_id=uuid.uuid4(),
                report_version=1,
                supersedes=None,
                report=report,
                attachments=tuple(
                    Attachment(a["sha256"], a["size"], a["media_type"])
                    for a in report["attachments"]
                ),
                author=client.user_id,
                agency=AGENCY,
                created_at=now,
            )
            envelopes.append(sign_submission(body, client.key).to_json())
        bodies.append(json.dumps({"envelopes": envelopes}).encode())
    return bodies


def push_all(url: str, client: Client, bodies: list[bytes], out: list[float]) -> int:
    stored = 0
    for body in bodies:
        headers = {"Content-Type": "application/json"}
        headers.update(
            sign_request(
                method="POST",
                url=url + "/v1/envelopes",
                body=body,
                private_key=client.key,
                created=int(time.time()),
            )
        )
        started = time.perf_counter()
        response = client.session.post(url + "/v1/envelopes", data=body, headers=headers)
        out.append(time.perf_counter() - started)
        response.raise_for_status()
        results = response.json()["results"]
        stored += sum(1 for r in results if r["status"] == "stored")
    return stored


def measure(url: str, clients: list[Client], work: list[list[bytes]], per_body: int) -> Result:
    latencies: list[list[float]] = [[] for _ in clients]
    stored = [0] * len(clients)
    barrier = threading.Barrier(len(clients) + 1)

    def worker(n: int) -> None:
        barrier.wait()
        stored[n] = push_all(url, clients[n], work[n], latencies[n])

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(len(clients))]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    expected = sum(len(w) for w in work) * per_body
    if sum(stored) != expected:
        raise RuntimeError(f"stored {sum(stored)} of {expected} envelopes")
    return Result(expected, elapsed, [x for lat in latencies for x in lat])


def bench_backend(name: str, db_url: str, data_dir: Path) -> list[tuple[object, ...]]:
    reports = SyntheticReports(seed=4)
    codes = prepare(data_dir, db_url, max(CLIENTS))
    rows: list[tuple[object, ...]] = []
    with portal_process(db_url, data_dir) as url:
        everyone = [enrol(url, code, n) for n, code in enumerate(codes)]
        try:
            for count in CLIENTS:
                clients = everyone[:count]
                per_client = BATCHED_ENVELOPES // BATCH // count
                batched_work = [batches(c, reports, per_client, BATCH) for c in clients]
                single_work = [batches(c, reports, SINGLE_PER_CLIENT, 1) for c in clients]
                batched = measure(url, clients, batched_work, BATCH)
                single = measure(url, clients, single_work, 1)
                rows.append(
                    (
                        name,
                        count,
                        batched.per_second,
                        batched.p95_ms,
                        single.per_second,
                        single.p95_ms,
                        batched.per_second / single.per_second,
                    )
                )
                print(f"  {name}, {count} client(s): {batched.per_second:,.0f} envelopes/s")
        finally:
            for client in everyone:
                client.session.close()
    return rows


SCALE_OUT_CLIENTS = 16
SCALE_OUT_ENVELOPES = 8_000


def scale_out(cluster: throwaway_pg.Cluster, tmp: Path) -> list[tuple[object, ...]]:
    """16 clients against 1 and 2 portal processes on one PostgreSQL (issue 16): envelopes/s,
    and afterwards the audit chain checked and every envelope counted once."""
    import sqlalchemy as sa

    from portal import audit
    from portal.tables import envelopes as envelope_table

    reports = SyntheticReports(seed=16)
    results: dict[int, Result] = {}
    rows: list[tuple[object, ...]] = []
    for workers in (1, 2):
        data_dir = tmp / f"scale-{workers}"
        db_url = cluster.create_database(f"scale_{workers}")
        codes = prepare(data_dir, db_url, SCALE_OUT_CLIENTS)
        with portal_process(db_url, data_dir, workers) as url:
            clients = [enrol(url, code, n) for n, code in enumerate(codes)]
            per_client = SCALE_OUT_ENVELOPES // BATCH // SCALE_OUT_CLIENTS
            work = [batches(c, reports, per_client, BATCH) for c in clients]
            results[workers] = measure(url, clients, work, BATCH)
            for client in clients:
                client.session.close()
        db = Database(db_url)
        with db.read() as conn:
            intact = audit.verify_chain(conn) is None
            stored = conn.execute(
                sa.select(sa.func.count()).select_from(envelope_table)
            ).scalar_one()
        db.dispose()
        result = results[workers]
        rows.append(
            (
                workers,
                result.per_second,
                result.p95_ms,
                result.per_second / results[1].per_second,
                "intact" if intact else "BROKEN",
                f"{stored:,} of {result.envelopes:,}",
            )
        )
        print(f"  PostgreSQL, {workers} process(es): {result.per_second:,.0f} envelopes/s")
    return rows


def run() -> None:
    rows: list[tuple[object, ...]] = []
    scale_rows: list[tuple[object, ...]] = []
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        sqlite_dir = Path(tmp) / "sqlite"
        rows += bench_backend("SQLite", default_db_url(sqlite_dir), sqlite_dir)
        reason = throwaway_pg.unavailable_reason()
        if reason is None:
            cluster = throwaway_pg.start(durable=True)
            try:
                pg_dir = Path(tmp) / "postgresql"
                rows += bench_backend("PostgreSQL", cluster.create_database("bench"), pg_dir)
                scale_rows = scale_out(cluster, Path(tmp))
            finally:
                cluster.stop()
        else:
            print(f"PostgreSQL skipped: {reason}")
    print_table(
        "Portal ingest over HTTP (batched: 100 envelopes per request; baseline: 1 per request)",
        [
            "database",
            "clients",
            "batched env/s",
            "p95 100-env batch (ms)",
            "unbatched env/s",
            "p95 1-env request (ms)",
            "ratio batched/unbatched",
        ],
        rows,
    )
    print("target: ≥ 1,000 envelopes/s on SQLite with batching")
    if scale_rows:
        print_table(
            f"Scale-out: {SCALE_OUT_CLIENTS} clients, one PostgreSQL, `serve --workers N`"
            " (ratio = N processes / 1 process)",
            ["processes", "env/s", "p95 batch (ms)", "ratio", "audit chain", "stored once"],
            scale_rows,
        )
        print("target: 2 processes ≥ 1.5 × one process, chain intact, every envelope once")


if __name__ == "__main__":
    run()
