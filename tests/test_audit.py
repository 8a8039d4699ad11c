"""The audit log's hash chain catches every edit, removal and reordering, and says where."""

from __future__ import annotations

import pytest
from support import PASSPHRASE, sample

from app import clock
from app.audit import SERIES_GAP, describe, details_of
from app.paths import DataPaths
from app.reports import ReportService
from app.session import Session, unlock
from app.workflow import Workflow


def _fill(session: Session, n: int = 6) -> None:
    service = ReportService(session.db, session.user, session.audit)
    seed = 11
    for i in range(n):
        service.create_draft(sample(seed, i))


def _drop_guards(session: Session) -> None:
    # An attacker with the key can drop the triggers; the chain must still catch the change.
    session.db.execute("DROP TRIGGER audit_log_no_update")
    session.db.execute("DROP TRIGGER audit_log_no_delete")


def test_intact_chain_verifies(session: Session) -> None:
    _fill(session)
    result = session.audit.verify()
    assert result.ok and result.entries >= 8  # installation, user, 6 reports


def test_append_only_triggers(session: Session) -> None:
    _fill(session, 1)
    with pytest.raises(Exception, match="append-only"):
        session.db.execute("UPDATE audit_log SET actor='x' WHERE seq=1")
    with pytest.raises(Exception, match="append-only"):
        session.db.execute("DELETE FROM audit_log WHERE seq=1")


def test_edited_entry_is_found(session: Session) -> None:
    _fill(session)
    _drop_guards(session)
    session.db.execute("UPDATE audit_log SET actor='someone.else' WHERE seq=4")
    result = session.audit.verify()
    assert not result.ok
    assert result.problems[0].startswith("entry 4 ") and "edited" in result.problems[0]


def test_removed_entry_is_found(session: Session) -> None:
    _fill(session)
    _drop_guards(session)
    session.db.execute("DELETE FROM audit_log WHERE seq=5")
    result = session.audit.verify()
    assert not result.ok and "entry 5 is missing" in result.problems[0]


def test_removed_last_entries_break_nothing_visible_but_renumbered_ones_do(
    session: Session,
) -> None:
    _fill(session)
    _drop_guards(session)
    # Remove entry 3 and renumber the rest to hide the gap: the chain still breaks at 3.
    session.db.execute("DELETE FROM audit_log WHERE seq=3")
    session.db.execute("UPDATE audit_log SET seq = seq - 1 WHERE seq > 3")
    result = session.audit.verify()
    assert not result.ok and result.problems[0].startswith("entry 3 ")


def test_reordered_entries_are_found(session: Session) -> None:
    _fill(session)
    _drop_guards(session)
    rows = session.db.execute(
        "SELECT seq, at, actor, action, object, details, prev_hash, hash "
        "FROM audit_log WHERE seq IN (4, 5) ORDER BY seq"
    )
    (s4, *r4), (s5, *r5) = rows
    cols = "at=?, actor=?, action=?, object=?, details=?, prev_hash=?, hash=?"
    session.db.execute(f"UPDATE audit_log SET {cols} WHERE seq=?", (*r5, s4))
    session.db.execute(f"UPDATE audit_log SET {cols} WHERE seq=?", (*r4, s5))
    result = session.audit.verify()
    assert not result.ok and result.problems[0].startswith("entry 4 ")


def _entries_of(session: Session, obj: str) -> list[tuple[str, dict[str, object]]]:
    return [(r.action, details_of(r)) for r in reversed(session.audit.recent(1000, obj))]


def test_autosaves_of_a_draft_coalesce_and_the_chain_still_verifies(
    session: Session, paths: DataPaths
) -> None:
    service = ReportService(session.db, session.user, session.audit)
    data = sample(12, 0)
    report_id = service.create_draft(data).report_id
    before = session.audit.verify().entries
    for i in range(20):  # an autosave every few seconds
        data["narrative"] = f"[SYNTHETIC] typed so far: {i}"
        service.update_draft(report_id, data)
    assert [a for a, _d in _entries_of(session, report_id)] == ["report.created", "report.edited"]
    assert session.audit.verify().entries == before + 1
    session.lock()  # the series ends: one closing entry with the count and the last time

    with unlock(paths, "officer.one", PASSPHRASE) as again:
        entries = _entries_of(again, report_id)
        assert [a for a, _d in entries] == ["report.created", "report.edited", "report.edited"]
        closing = entries[-1][1]
        assert closing["saves"] == 20 and closing["version"] == 1
        assert str(closing["first_at"]) <= str(closing["last_at"])
        result = again.audit.verify()
        assert result.ok and result.entries == before + 2
        record = again.audit.recent(1, report_id)[0]
        assert "saved 20 times" in describe(record)


def test_a_series_ends_before_the_next_act_and_after_a_pause(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = ReportService(session.db, session.user, session.audit)
    data = sample(12, 1)
    report_id = service.create_draft(data).report_id
    for _ in range(3):
        service.update_draft(report_id, data)
    now = clock.wall_seconds()
    monkeypatch.setattr(clock, "_wall", lambda: now + SERIES_GAP.total_seconds() + 60)
    for _ in range(2):  # after a long pause: a new series
        service.update_draft(report_id, data)
    Workflow(session.db, session.user, session.audit).submit(report_id)
    actions = [(a, d.get("saves")) for a, d in _entries_of(session, report_id)]
    assert actions[:5] == [
        ("report.created", None),
        ("report.edited", None),
        ("report.edited", 3),  # closed by the pause
        ("report.edited", None),
        ("report.edited", 2),  # closed by the submission, which comes after it
    ]
    assert actions[5][0] == "report.submitted"
    assert session.audit.verify().ok


def _search_fill(session: Session) -> tuple[list[str], str]:
    service = ReportService(session.db, session.user, session.audit)
    ids = [service.create_draft(sample(23, i)).report_id for i in range(5)]
    session.audit.flush()
    return ids, session.user.id


def test_search_filters_by_action_user_report_and_text(session: Session) -> None:
    from storage.audit_repo import AuditFilter, AuditRepository

    ids, me = _search_fill(session)
    repo = AuditRepository(session.db)
    everything = repo.search(AuditFilter(limit=1000))
    assert [r.seq for r in everything] == sorted((r.seq for r in everything), reverse=True)
    assert repo.count(AuditFilter()) == len(everything)
    created = repo.search(AuditFilter(actions=("report.created",)))
    assert {r.object for r in created} == set(ids) and len(created) == 5
    both = repo.search(AuditFilter(actions=("report.created", "user.added")))
    assert {r.action for r in both} == {"report.created", "user.added"}
    assert all(r.actor == me for r in repo.search(AuditFilter(actor=me)))
    assert repo.search(AuditFilter(actor="nobody")) == []
    one = repo.search(AuditFilter(object_prefix=ids[2][:8]))
    assert one and {r.object for r in one} == {ids[2]}
    # Combined filters are an AND: the right report but another action finds nothing.
    assert repo.search(AuditFilter(actions=("user.added",), object_prefix=ids[2][:8])) == []
    assert repo.count(AuditFilter(actions=("report.created",), actor=me)) == 5
    probe = created[0]
    word = next(iter(details_of(probe)), "")
    if word:
        assert probe in repo.search(AuditFilter(text=word.upper()))
    assert repo.search(AuditFilter(text="no such text anywhere")) == []


def test_search_by_dates_and_pages(session: Session) -> None:
    from storage.audit_repo import AuditFilter, AuditRepository

    _search_fill(session)
    repo = AuditRepository(session.db)
    first = repo.search(AuditFilter(limit=1000))[-1].at
    day = first[:10]
    assert repo.count(AuditFilter(at_from=f"{day}T00:00:00Z")) == repo.count(AuditFilter())
    assert repo.count(AuditFilter(at_before=f"{day}T00:00:00Z")) == 0
    total = repo.count(AuditFilter())
    pages = [repo.search(AuditFilter(limit=3, offset=o)) for o in range(0, total, 3)]
    seqs = [r.seq for page in pages for r in page]
    assert seqs == [r.seq for r in repo.search(AuditFilter(limit=1000))]
    assert all(len(p) <= 3 for p in pages)


@pytest.mark.parametrize(
    ("kwargs", "index"),
    [
        ({"actions": ("report.created",)}, "audit_log_by_action"),
        ({"actor": "x"}, "audit_log_by_actor"),
        ({"object_prefix": "ab12"}, "audit_log_by_object"),
        (
            {"at_from": "2026-01-01T00:00:00Z", "at_before": "2026-01-02T00:00:00Z"},
            "audit_log_by_at",
        ),
    ],
)
def test_filtered_search_uses_an_index(
    session: Session, kwargs: dict[str, object], index: str
) -> None:
    from storage.audit_repo import AuditFilter, AuditRepository

    plan = AuditRepository(session.db).plan(AuditFilter(**kwargs))  # type: ignore[arg-type]
    assert index in plan, plan
