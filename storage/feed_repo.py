"""All SQL for items pulled from the portal's feed (alerts, bulletins, templates, notices)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.database import Database, Row

_COLUMNS = (
    "rowid, item_id, kind, title, body, tlp, publisher, published_at, received_at, read_at, "
    "payload, for_user"
)
FEED_COLUMNS = _COLUMNS  # the column list FeedItemRecord.from_row reads (national_repo too)
# Items for every user, and those meant for this one (TLP:RED: the person named). A
# national_review item is work for the NFP (storage/national_repo.py), not something to read.
_VISIBLE = "(for_user IS NULL OR for_user = ?) AND kind <> 'national_review'"


@dataclass(frozen=True)
class FeedItemRecord:
    rowid: int
    item_id: str
    kind: str  # alert | bulletin | mou_template | fraud_notice | release | national_review
    title: str
    body: str
    tlp: str
    publisher: str
    published_at: str
    received_at: str
    read_at: str | None
    payload: str  # the item as the portal sent it (JSON)
    for_user: str | None  # the one local user it is meant for (TLP:RED), or None: everyone

    @classmethod
    def from_row(cls, row: Row) -> FeedItemRecord:
        return cls(*row)


@dataclass(frozen=True)
class NewFeedItem:
    item_id: str
    kind: str
    title: str
    body: str
    tlp: str
    publisher: str
    published_at: str
    received_at: str
    payload: str
    for_user: str | None = None

    @property
    def stored_id(self) -> str:
        """One row per person an item is meant for: two named recipients on one laptop each
        get their own copy (the portal's item id alone would let only the first store it)."""
        return self.item_id if self.for_user is None else f"{self.item_id}@{self.for_user}"


class FeedRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def put(self, item: NewFeedItem) -> bool:
        """Stores an item once; a repeat of the same item id (a re-sent page) is ignored."""
        if self._db.execute_one("SELECT 1 FROM feed_items WHERE item_id=?", (item.stored_id,)):
            return False
        rowid = self._db.insert(
            "INSERT INTO feed_items (item_id, kind, title, body, tlp, publisher, published_at, "
            "received_at, payload, for_user) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                item.stored_id,
                item.kind,
                item.title,
                item.body,
                item.tlp,
                item.publisher,
                item.published_at,
                item.received_at,
                item.payload,
                item.for_user,
            ),
        )
        self._db.execute(
            "INSERT INTO feed_fts (rowid, title, body) VALUES (?,?,?)",
            (rowid, item.title, item.body),
        )
        return True

    def page(
        self,
        viewer: str | None,
        kind: str | None = None,
        unread_only: bool = False,
        limit: int = 100,
    ) -> list[FeedItemRecord]:
        clauses, params = [_VISIBLE], [viewer]
        if kind:
            clauses.append("kind = ?")
            params.append(kind)
        if unread_only:
            clauses.append("read_at IS NULL")
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM feed_items{where} "
            "ORDER BY published_at DESC, rowid DESC LIMIT ?",
            (*params, limit),
        )
        return [FeedItemRecord.from_row(r) for r in rows]

    def search(self, viewer: str | None, fts_query: str, limit: int = 100) -> list[FeedItemRecord]:
        cols = ", ".join("f." + c.strip() for c in _COLUMNS.split(","))
        rows = self._db.execute(
            f"SELECT {cols} FROM feed_fts JOIN feed_items f ON f.rowid = feed_fts.rowid "
            "WHERE feed_fts MATCH ? AND (f.for_user IS NULL OR f.for_user = ?) "
            "AND f.kind <> 'national_review' "
            "ORDER BY feed_fts.rowid DESC LIMIT ?",
            (fts_query, viewer, limit),
        )
        return [FeedItemRecord.from_row(r) for r in rows]

    def mark_read(self, item_id: str, at: str) -> None:
        self._db.execute(
            "UPDATE feed_items SET read_at = coalesce(read_at, ?) WHERE item_id=?", (at, item_id)
        )

    def unread_count(self, viewer: str | None) -> int:
        row = self._db.execute_one(
            f"SELECT count(*) FROM feed_items WHERE read_at IS NULL AND {_VISIBLE}", (viewer,)
        )
        assert row is not None
        return int(row[0])
