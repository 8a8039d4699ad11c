"""Storing, listing, filtering and searching reports through the app service."""

from __future__ import annotations

import pytest
from support import sample

from app.errors import InvalidInput, NotAllowed
from app.reports import ReportService, fts_query
from app.session import Session
from app.validation import ReportValidationError
from storage.reports_repo import PageCursor, ReportFilter


@pytest.fixture
def service(session: Session) -> ReportService:
    return ReportService(session.db, session.user, session.audit)


def _fill(service: ReportService, n: int) -> list[dict]:
    seed = 21
    reports = [sample(seed, i) for i in range(n)]
    for r in reports:
        service.create_draft(r)
    return reports


def test_round_trip_keeps_every_field(service: ReportService) -> None:
    report = sample(1, 3)
    view = service.create_draft(report)
    assert view.report == report
    assert view.status == "draft" and view.record.version == 1


def test_invalid_report_is_refused_and_nothing_stored(service: ReportService) -> None:
    bad = sample(1, 0)
    bad["persons"] = [
        {"role": "migrant", "nationality": "ZZZ", "sex": "female", "age_band": "18-25", "count": 1}
    ]
    with pytest.raises(ReportValidationError) as info:
        service.create_draft(bad)
    assert any(e.path == "persons[0].nationality" for e in info.value.errors)
    assert service.count() == 0


def test_filters(service: ReportService) -> None:
    reports = _fill(service, 120)
    kind = reports[0]["kind"]
    expected = sum(1 for r in reports if r["kind"] == kind)
    assert service.count(ReportFilter(kind=kind)) == expected
    listed = service.list_page(ReportFilter(kind=kind), limit=500)
    assert len(listed) == expected and all(v.record.kind == kind for v in listed)

    nat = next(r["persons"][0]["nationality"] for r in reports if r["persons"])
    with_nat = [r for r in reports if any(p["nationality"] == nat for p in r["persons"])]
    assert service.count(ReportFilter(nationality=nat)) == len(with_nat)

    cp = reports[0]["crossing_point"]
    assert service.count(ReportFilter(crossing_point=cp)) == sum(
        1 for r in reports if r["crossing_point"] == cp
    )

    times = sorted(r["observed_at"] for r in reports)
    lo, hi = times[30], times[90]
    in_range = service.list_page(ReportFilter(observed_from=lo, observed_to=hi), limit=500)
    assert len(in_range) == sum(1 for t in times if lo <= t < hi)


def test_keyset_pages_cover_everything_once(service: ReportService) -> None:
    _fill(service, 75)
    seen: list[str] = []
    cursor = None
    while True:
        page = service.list_page(limit=20, after=cursor)
        if not page:
            break
        seen += [v.report_id for v in page]
        last = page[-1].record
        cursor = PageCursor(last.observed_at or "", last.rowid)
    assert len(seen) == 75 == len(set(seen))
    observed = [service.get(i).record.observed_at for i in seen]
    assert observed == sorted(observed, reverse=True)


def test_full_text_search(service: ReportService) -> None:
    seed = 4
    target = sample(seed, 0)
    target["narrative"] += " The driver used a refrigerated lorry marked Zanzibarfreight."
    target["source"]["description"] = "Liaison officer at Sadao checkpoint"
    others = [sample(seed, i) for i in range(1, 40)]
    for r in others:
        service.create_draft(r)
    wanted = service.create_draft(target).report_id
    assert [v.report_id for v in service.search("zanzibarfreight")] == [wanted]
    assert [v.report_id for v in service.search("Zanzibarfr")] == [wanted]  # prefix while typing
    assert wanted in [v.report_id for v in service.search("liaison officer")]
    assert service.search("zanzibarfreight", ReportFilter(kind="no_such_kind")) == []


def test_search_input_cannot_break_the_query(service: ReportService) -> None:
    _fill(service, 5)
    for text in ["AND OR NOT", "x*", "a:b", "(x", "NEAR(a b)", "'; DROP TABLE reports;--"]:
        service.search(text)  # no FTS5 syntax error for anything a person types
    with pytest.raises(InvalidInput):
        fts_query("  ** ")
    with pytest.raises(InvalidInput):
        service.search('"')


def test_only_the_author_edits_and_only_drafts(service: ReportService, session: Session) -> None:
    view = service.create_draft(sample(9, 0))
    changed = dict(view.report, narrative="[SYNTHETIC] corrected narrative")
    assert service.update_draft(view.report_id, changed).report["narrative"].endswith("narrative")
    session.db.execute("UPDATE reports SET status='queued' WHERE report_id=?", (view.report_id,))
    with pytest.raises(NotAllowed, match="queued"):
        service.update_draft(view.report_id, changed)


def test_resolve_id_prefix(service: ReportService) -> None:
    view = service.create_draft(sample(9, 0))
    assert service.resolve_id(view.report_id[:8]) == view.report_id
    with pytest.raises(InvalidInput):
        service.resolve_id("zzzzzzzz")
