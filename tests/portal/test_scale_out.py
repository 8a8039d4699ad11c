"""Issue 16, portal side: several portal processes on one PostgreSQL database.

Each "process" here is what a `serve` process has of its own: a Database (engine, pool and
in-process write lock), an app and a server. Only the database is shared, so anything that
holds only because of an in-process lock shows up. (The test behind nginx runs real
processes: test_behind_nginx.py.)
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from portal import audit
from portal import locks as locks_module
from portal.app import create_app
from portal.clock import now_seconds
from portal.config import Settings
from portal.database import Database
from portal.feed import read_feed
from portal.feed_items import EVERYONE, Reader, add_item, new_item
from portal.keys import create_keys
from portal.locks import UploadLocks
from portal.problems import Problem
from portal.registry import create_agency, issue_code
from portal.server import BackgroundServer, start_in_thread
from portal.tables import audit_log, envelopes
from tests.portal.conftest import TEST_LIMITS
from tests.portal.portal_client import User, enrol, wire

_numbers = itertools.count(1)


@pytest.fixture
def pg_url(pg_cluster: object) -> str:
    return pg_cluster.create_database(f"scale_{next(_numbers)}")  # type: ignore[attr-defined]


class _Reader:
    """A feed reader as portal.feed sees one (read_feed wants a caller with .reader)."""

    def __init__(self, agency: str) -> None:
        self.reader = Reader("reader.1", "ed25519:" + "0" * 32, agency, "KEN", "officer")
        self.user_id, self.agency, self.key_id = "reader.1", agency, self.reader.key_id


def _publish(db: Database, n: int, hold: threading.Event | None = None) -> None:
    with db.write() as conn:
        add_item(conn, new_item("bulletin", now_seconds(), {"n": n}, [EVERYONE]))
        if hold is not None:
            hold.wait(30)


def test_writers_in_two_processes_take_turns(pg_url: str) -> None:
    first, second = Database(pg_url), Database(pg_url)
    first.upgrade()
    inside, release = threading.Event(), threading.Event()
    order: list[str] = []

    def hold() -> None:
        with first.write():
            inside.set()
            release.wait(30)
            order.append("first commits")

    def then() -> None:
        with second.write():
            order.append("second writes")

    holder = threading.Thread(target=hold)
    holder.start()
    assert inside.wait(30)
    waiter = threading.Thread(target=then)
    waiter.start()
    time.sleep(0.5)
    assert order == []  # the second process waits for the first's transaction
    release.set()
    holder.join(30)
    waiter.join(30)
    assert order == ["first commits", "second writes"]
    first.dispose()
    second.dispose()


def _feed_seqs(db: Database, agency: str, cursor: str | None) -> tuple[list[int], str]:
    page = read_feed(db, _Reader(agency), cursor=cursor, limit=100, now=now_seconds())  # type: ignore[arg-type]
    return [int(item["payload"]["n"]) for item in page["items"]], str(page["cursor"])  # type: ignore[index, call-overload]


@pytest.mark.parametrize("portal_wide_lock", [True, False], ids=["locked", "lock-off"])
def test_feed_cursor_never_skips_an_item_that_commits_late(
    pg_url: str, portal_wide_lock: bool
) -> None:
    """Process A takes a feed sequence number and commits late; process B publishes after
    it. A reader polls in between and then follows its cursor. With the portal-wide lock
    every item arrives; with it switched off (the portal before this change) the late item
    is skipped, which shows the interleaving below is the real one."""
    a, b, reader_db = Database(pg_url), Database(pg_url), Database(pg_url)
    a.upgrade()
    for db in (a, b, reader_db):
        db.multi_process = portal_wide_lock
    agency = "AG-FEED"
    create_agency(a, code=agency, member_state="KEN", name=agency, now=now_seconds())
    _publish(a, 1)
    hold = threading.Event()
    slow = threading.Thread(target=_publish, args=(a, 2, hold))
    slow.start()
    time.sleep(0.3)  # A has taken its sequence number and not committed
    quick = threading.Thread(target=_publish, args=(b, 3))
    quick.start()
    time.sleep(0.3)  # B has committed (no lock) or waits behind A (lock)
    seen, cursor = _feed_seqs(reader_db, agency, None)
    hold.set()
    slow.join(30)
    quick.join(30)
    more, _ = _feed_seqs(reader_db, agency, cursor)
    received = seen + more
    if portal_wide_lock:
        assert sorted(received) == [1, 2, 3] and len(received) == 3
    else:
        assert 2 not in received  # skipped for good: the cursor had passed its seq
    for db in (a, b, reader_db):
        db.dispose()


@pytest.fixture
def two_portals(pg_url: str, tmp_path: Path) -> Iterator[tuple[list[BackgroundServer], Database]]:
    data_dir = tmp_path / "portal"
    data_dir.mkdir()
    keys = create_keys(data_dir, portal_id="portal.test", agency="FORUM")
    settings = Settings(db_url=pg_url, data_dir=data_dir, limits=TEST_LIMITS)
    dbs = [Database(pg_url), Database(pg_url)]
    servers = [start_in_thread(create_app(settings, db=db, keys=keys)) for db in dbs]
    try:
        yield servers, dbs[0]
    finally:
        for server in servers:
            server.stop()
        for db in dbs:
            db.dispose()


def test_the_same_batch_pushed_to_two_processes_at_once(
    two_portals: tuple[list[BackgroundServer], Database],
) -> None:
    servers, db = two_portals
    create_agency(db, code="AG-DUP", member_state="KEN", name="dup", now=now_seconds())
    officers = [
        enrol(
            servers[0].url,
            issue_code(db, agency="AG-DUP", role="officer", ttl_seconds=600, now=now_seconds()),
            f"officer.{i}",
        )
        for i in range(4)
    ]
    batches = [[wire(o.submission()) for _ in range(10)] for o in officers for _ in range(3)]
    statuses: list[int] = []
    outcomes: list[str] = []

    def push(officer: User, server: BackgroundServer, batch: list[object]) -> None:
        twin = User(server.url, officer.key, officer.certificate)
        response = twin.push(batch)
        statuses.append(response.status_code)
        if response.status_code < 300:
            outcomes.extend(r["status"] for r in response.json()["results"])

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = []
        for number, batch in enumerate(batches):
            officer = officers[number // 3]
            for server in servers:  # the same batch to both processes at the same moment
                futures.append(pool.submit(push, officer, server, batch))
        for future in futures:
            future.result()
    assert all(s < 500 for s in statuses), statuses
    assert statuses.count(200) == len(statuses)
    assert outcomes.count("stored") == 10 * len(batches)
    assert outcomes.count("duplicate") == 10 * len(batches)
    with db.read() as conn:
        stored = conn.execute(sa.select(sa.func.count()).select_from(envelopes)).scalar_one()
        assert stored == 10 * len(batches)  # each envelope exactly once
        assert audit.verify_chain(conn) is None  # no fork
        heads = conn.execute(
            sa.select(audit_log.c.prev_hash, sa.func.count())
            .group_by(audit_log.c.prev_hash)
            .having(sa.func.count() > 1)
        ).all()
        assert heads == []


def test_an_upload_is_written_by_one_process_at_a_time(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    monkeypatch.setattr(locks_module, "LOCK_WAIT_SECONDS", 0.5)
    first_db, second_db = Database(pg_url), Database(pg_url)
    first, second = UploadLocks(first_db), UploadLocks(second_db)

    async def scenario() -> list[str]:
        events: list[str] = []
        async with first.hold("upload-1"):
            try:
                async with second.hold("upload-1"):
                    events.append("second wrote while the first held it")
            except Problem as problem:
                events.append(problem.kind.slug)
            async with second.hold("upload-2"):  # another upload is not held up
                events.append("other upload")
        async with second.hold("upload-1"):
            events.append("second after the first")
        return events

    assert asyncio.run(scenario()) == ["upload-locked", "other upload", "second after the first"]
    # A process that dies mid-chunk lets go: its connection closes, and the lock with it.
    conn = first_db.engine.connect()
    key = locks_module.upload_lock_key("upload-3")
    assert locks_module._try_lock(conn, key)
    conn.invalidate()

    async def after_crash() -> str:
        async with second.hold("upload-3"):
            return "taken"

    assert asyncio.run(after_crash()) == "taken"
    first_db.dispose()
    second_db.dispose()


def _plan_rows(node: dict[str, object]) -> list[float]:
    rows = [float(node.get("Actual Rows", 0)) * float(node.get("Actual Loops", 1))]  # type: ignore[arg-type]
    for child in node.get("Plans", []):  # type: ignore[attr-defined]
        rows += _plan_rows(child)
    return rows


def test_a_feed_page_costs_the_same_however_many_items_others_were_sent(pg_url: str) -> None:
    """5,000 items for another agency sit between the reader's cursor and its next items;
    the page's query touches none of them (EXPLAIN ANALYZE: rows per plan node)."""
    from portal.feed_items import Grant

    db = Database(pg_url)
    db.upgrade()
    create_agency(db, code="AG-MINE", member_state="KEN", name="mine", now=now_seconds())
    create_agency(db, code="AG-ELSE", member_state="UGA", name="else", now=now_seconds())
    with db.write() as conn:
        add_item(conn, new_item("bulletin", now_seconds(), {"n": 0}, [Grant("agency", "AG-MINE")]))
        for n in range(5_000):
            add_item(
                conn, new_item("bulletin", now_seconds(), {"n": n}, [Grant("agency", "AG-ELSE")])
            )
        for n in range(3):
            add_item(
                conn, new_item("bulletin", now_seconds(), {"n": n}, [Grant("agency", "AG-MINE")])
            )
    statements: list[tuple[str, object]] = []

    def capture(_c: object, _cur: object, sql: str, params: object, _ctx: object, _m: bool) -> None:
        if sql.lstrip().upper().startswith("SELECT") and "feed_audience" in sql:
            statements.append((sql, params))

    with db.read() as conn:
        conn.execute(sa.text("ANALYZE"))
    sa.event.listen(db.engine, "before_cursor_execute", capture)
    seen, _ = _feed_seqs(db, "AG-MINE", _cursor_after(1))
    sa.event.remove(db.engine, "before_cursor_execute", capture)
    assert len(seen) == 3 and statements
    with db.engine.connect() as conn:
        for sql, params in statements:
            plan = conn.exec_driver_sql(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params)
            rows = _plan_rows(plan.scalar_one()[0]["Plan"])
            assert max(rows) <= 10, (sql, rows)  # never near the 5,000 items of others
    db.dispose()


def _cursor_after(seq: int) -> str:
    from portal.feed import encode_cursor

    return encode_cursor(seq)
