"""The audit log's hash chain catches every edit, removal and reordering, and says where."""

from __future__ import annotations

import pytest
from support import sample

from app.reports import ReportService
from app.session import Session


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
