"""All SQL for a national focal point's queue (docs/protocol.md 3.8): approvals that OFPs of
the member state released beyond it, each waiting for the NFP's national decision.

A queue entry is the portal's `national_review` feed item, stored in `feed_items` with a
payload of references, `{"report_id", "version", "submission", "approval"}` (hashes of the
signed envelopes, which are kept in `envelopes`). It leaves the queue once a
`national_release` envelope naming its approval is stored: one signed here, or one another
NFP of the state signed (a `national_decision` item). No schema of its own: what is stored
is what the portal sent, and the decision is an envelope like every other.
"""

from __future__ import annotations

from storage.database import Database
from storage.feed_repo import FEED_COLUMNS, FeedItemRecord

KIND = "national_review"

_PENDING = (
    "kind = 'national_review' AND NOT EXISTS (SELECT 1 FROM envelopes e "
    "WHERE e.type = 'national_release' AND e.report_id = json_extract(f.payload, '$.report_id') "
    "AND json_extract(e.body, '$.body.approval') = json_extract(f.payload, '$.approval'))"
)
_F_COLUMNS = ", ".join("f." + c.strip() for c in FEED_COLUMNS.split(","))


class NationalQueueRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def pending(self, limit: int = 10_000) -> list[FeedItemRecord]:
        """Oldest first: the NFP answers for the order in which the state's OFPs asked."""
        rows = self._db.execute(
            f"SELECT {_F_COLUMNS} FROM feed_items f WHERE {_PENDING} "
            "ORDER BY f.published_at, f.rowid LIMIT ?",
            (limit,),
        )
        return [FeedItemRecord.from_row(r) for r in rows]

    def pending_for(self, report_id: str) -> FeedItemRecord | None:
        """The newest entry of the report still waiting, or None."""
        row = self._db.execute_one(
            f"SELECT {_F_COLUMNS} FROM feed_items f WHERE {_PENDING} "
            "AND json_extract(f.payload, '$.report_id') = ? "
            "ORDER BY json_extract(f.payload, '$.version') DESC, f.rowid DESC LIMIT 1",
            (report_id,),
        )
        return None if row is None else FeedItemRecord.from_row(row)

    def count(self) -> int:
        row = self._db.execute_one(f"SELECT count(*) FROM feed_items f WHERE {_PENDING}")
        assert row is not None
        return int(row[0])
