"""Issue 16, client side: kept counts, filtered full-text search and the reader connection.

The counts behind the dashboard and the list label are kept by triggers in the transaction
of each report write; these tests write through every service path (draft, edit, submit,
approve, return, revise, a write that fails half-way) and compare the kept counts with a
recount of the rows. Filtered search (filter tokens inside the FTS index) is compared with
plain search filtered in Python. The reader connection is shown not to wait for the writer
and to be used for list, search and dashboard statements.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from support import AGENCY, FAST_KDF, PASSPHRASE, certify, sample
from test_migrations import _kept, _recount

from app.dashboard import DashboardService
from app.domain import Role
from app.paths import DataPaths
from app.reports import ReportService
from app.session import NewUser, Session, initialise, unlock
from app.workflow import ReleaseSettings, Workflow
from storage.reports_repo import ReportFilter

FOCAL_PASS = "focal point passphrase"
# TLP:RED goes to named people (a state is refused by the TLP rule): one principal by id.
RELEASE = ReleaseSettings(
    "RED", False, "MOU-THA-MYS-2019", recipients=("0b6f4c1e-7a52-4d7e-9c1a-3f0e2d9b8a71",)
)


@pytest.fixture
def installation(paths: DataPaths) -> DataPaths:
    with initialise(paths, NewUser("officer", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("focal", Role.OFP, AGENCY), FOCAL_PASS)
        certify(s.db, s.audit)  # roles come from certificates: the focal point's, as at enrolment
    return paths


@pytest.fixture
def officer(installation: DataPaths) -> Iterator[Session]:
    with unlock(installation, "officer", PASSPHRASE) as s:
        yield s


def test_kept_counts_follow_every_write(installation: DataPaths) -> None:
    with unlock(installation, "officer", PASSPHRASE) as s:
        service = ReportService(s.db, s.user, s.audit)
        ids = [service.create_draft(sample(41, i)).report_id for i in range(30)]
        assert _kept(s.db) == _recount(s.db)
        for i, report_id in enumerate(ids[:6]):
            edited = sample(42, i)  # other kind, place, nationalities and month
            service.update_draft(report_id, edited)
        assert _kept(s.db) == _recount(s.db)
        flow = Workflow(s.db, s.user, s.audit)
        for report_id in ids[:12]:
            flow.submit(report_id)
        assert _kept(s.db) == _recount(s.db)
        with pytest.raises(RuntimeError), s.db.transaction():
            service.create_draft(sample(43, 0))
            raise RuntimeError("fails after the write: the counts roll back with it")
        assert _kept(s.db) == _recount(s.db)
    with unlock(installation, "focal", FOCAL_PASS) as s:
        flow = Workflow(s.db, s.user, s.audit)
        for report_id in ids[:4]:
            flow.approve(report_id, RELEASE, "ok")
        for report_id in ids[4:8]:
            flow.return_to_author(report_id, "grade the source")
        assert _kept(s.db) == _recount(s.db)
    with unlock(installation, "officer", PASSPHRASE) as s:
        service = ReportService(s.db, s.user, s.audit)
        for report_id in ids[4:6]:
            service.update_draft(report_id, sample(44, 1))  # a returned report: new version
        assert s.db.execute("SELECT count(*) FROM reports WHERE current = 0") != [(0,)]
        assert _kept(s.db) == _recount(s.db)
        # Totals as the dashboard shows them equal plain counting.
        by_status = DashboardService(s.db).figures().queue.by_status
        for status, n in by_status.items():
            assert n == service.count(ReportFilter(status=status, include_superseded=False))


def test_count_if_kept_is_exact_or_says_it_does_not_know(officer: Session) -> None:
    service = ReportService(officer.db, officer.user, officer.audit)
    reports = [sample(45, i) for i in range(60)]
    for r in reports:
        service.create_draft(r)
    kind, cp = reports[0]["kind"], reports[0]["crossing_point"]
    month = reports[0]["observed_at"][:7]
    start = f"{month}-01T00:00:00Z"
    for f in [
        ReportFilter(),
        ReportFilter(kind=kind),
        ReportFilter(crossing_point=cp, author_id=officer.user.id),
        ReportFilter(statuses=("draft", "queued")),
        ReportFilter(kind=kind, observed_from=start),
        ReportFilter(observed_to=start),
    ]:
        rows = service.list_page(f, limit=1000)
        assert service.count_if_kept(f) == len(rows) == service.count(f), f
    nat = reports[0]["persons"][0]["nationality"]
    assert service.count_if_kept(ReportFilter(nationality=nat)) is None
    assert service.count_if_kept(ReportFilter(observed_from=f"{month}-15T00:00:00Z")) is None


def test_filtered_search_equals_search_then_filter(officer: Session) -> None:
    service = ReportService(officer.db, officer.user, officer.audit)
    reports = [sample(46, i) for i in range(150)]
    for r in reports:
        service.create_draft(r)
    everything = {v.report_id: v for v in service.search("the", limit=1000)}
    assert len(everything) > 20
    first = next(iter(everything.values())).report
    nat = first["persons"][0]["nationality"] if first["persons"] else "THA"
    month = first["observed_at"][:7]
    year, mon = int(month[:4]), int(month[5:])
    end = f"{year + mon // 12:04d}-{mon % 12 + 1:02d}-10T00:00:00Z"

    def persons_of(v: object) -> set[str]:
        return {p["nationality"] for p in v.report.get("persons") or []}  # type: ignore[attr-defined]

    cases = [
        (ReportFilter(kind=first["kind"]), lambda v: v.record.kind == first["kind"]),
        (
            ReportFilter(crossing_point=first["crossing_point"]),
            lambda v: v.record.crossing_point == first["crossing_point"],
        ),
        (ReportFilter(nationality=nat), lambda v: nat in persons_of(v)),
        (ReportFilter(author_id=officer.user.id), lambda v: True),
        (ReportFilter(author_id="someone-else"), lambda v: False),
        (
            ReportFilter(observed_from=f"{month}-05T00:00:00Z", observed_to=end),
            lambda v: f"{month}-05T00:00:00Z" <= (v.record.observed_at or "") < end,
        ),
        (ReportFilter(kind="no_such_kind"), lambda v: False),
    ]
    for f, keep in cases:
        found = {v.report_id for v in service.search("the", f, limit=1000)}
        assert found == {i for i, v in everything.items() if keep(v)}, f


def test_a_nationality_filter_is_left_to_the_full_text_index(officer: Session) -> None:
    """The nationality filter is a token inside the FTS5 expression; as SQL it would make
    SQLite list every report of that country before the first match (400 ms at a million)."""
    from storage.reports_repo import ReportRepository

    plan = ReportRepository(officer.db).search_plan("lorry", ReportFilter(nationality="MMR"))
    assert any("reports_fts" in step for step in plan), plan
    assert not any("report_nationalities" in step or "SUBQUERY" in step for step in plan), plan


def test_typed_words_never_match_the_filter_tokens(officer: Session) -> None:
    service = ReportService(officer.db, officer.user, officer.audit)
    view = service.create_draft(sample(47, 0))
    from storage.reports_repo import filter_token

    token = filter_token("k", view.record.kind)
    assert service.search(token) == []


def test_reads_do_not_wait_for_the_writer(officer: Session) -> None:
    service = ReportService(officer.db, officer.user, officer.audit)
    for i in range(5):
        service.create_draft(sample(48, i))
    held, release = threading.Event(), threading.Event()

    def hold_the_writer() -> None:
        with officer.db.transaction():
            service.create_draft(sample(48, 99))
            held.set()
            release.wait(30)

    writer = threading.Thread(target=hold_the_writer)
    writer.start()
    try:
        assert held.wait(30)
        # The writer is held by another thread: lists, search, counts and the dashboard
        # still answer, from the last committed state (the uncommitted draft is not seen).
        assert len(service.list_page(limit=100)) == 5
        assert len(service.search("the", limit=100)) <= 5
        assert service.count_if_kept() == 5
        assert sum(DashboardService(officer.db).figures().queue.by_status.values()) == 5
    finally:
        release.set()
        writer.join(30)
    assert service.count_if_kept() == 6


def test_a_transaction_reads_its_own_writes(officer: Session) -> None:
    service = ReportService(officer.db, officer.user, officer.audit)
    with officer.db.transaction():
        view = service.create_draft(sample(49, 0))
        assert [v.report_id for v in service.list_page(limit=10)] == [view.report_id]
        assert service.count_if_kept() == 1


def test_statement_observers_see_reader_statements_and_their_thread(officer: Session) -> None:
    service = ReportService(officer.db, officer.user, officer.audit)
    service.create_draft(sample(50, 0))
    seen: list[tuple[str, str]] = []
    officer.db.observers.append(lambda sql, _s, thread: seen.append((sql, thread)))

    worker = threading.Thread(
        target=lambda: (service.list_page(), DashboardService(officer.db).figures()),
        name="store-worker",
    )
    worker.start()
    worker.join(30)
    assert any("report_counts" in sql and t == "store-worker" for sql, t in seen)
    assert any("ORDER BY r.observed_at DESC" in sql and t == "store-worker" for sql, t in seen)


def test_dashboard_figures_from_kept_counts_match_the_rows(officer: Session) -> None:
    service = ReportService(officer.db, officer.user, officer.audit)
    reports = [sample(51, i) for i in range(80)]
    for r in reports:
        service.create_draft(r)
    now = datetime.now(UTC)
    figures = DashboardService(officer.db).figures(months=120, now=now)
    since = figures.period_start
    in_period = [r for r in reports if (r.get("observed_at") or "") >= since]
    assert sum(sum(c) for c in figures.by_month_and_kind.values()) == len(in_period)
    crossings: dict[str, int] = {}
    for r in in_period:
        crossings[r["crossing_point"]] = crossings.get(r["crossing_point"], 0) + 1
    assert dict(figures.by_crossing_point) == crossings
    nationalities: dict[str, int] = {}
    for r in in_period:
        for code in {p["nationality"] for p in r["persons"]}:
            nationalities[code] = nationalities.get(code, 0) + 1
    top = sorted(nationalities.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    assert figures.by_nationality == top
