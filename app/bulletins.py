"""Alerts, bulletins, MOU templates and notices pulled from the portal, readable offline."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.clock import now_rfc3339
from app.reports import fts_query
from storage.database import Database
from storage.feed_repo import FeedItemRecord, FeedRepository

KINDS = ("alert", "bulletin", "mou_template", "fraud_notice")


@dataclass(frozen=True)
class FeedItemView:
    item_id: str
    kind: str
    title: str
    body: str
    tlp: str
    publisher: str
    published_at: str
    unread: bool
    payload: dict[str, Any]

    @classmethod
    def of(cls, r: FeedItemRecord) -> FeedItemView:
        return cls(
            r.item_id,
            r.kind,
            r.title,
            r.body,
            r.tlp,
            r.publisher,
            r.published_at,
            r.read_at is None,
            json.loads(r.payload),
        )


class BulletinService:
    """What one local user may read: every shared item, and those meant for them alone
    (TLP:RED items name people: on a shared laptop nobody else sees them)."""

    def __init__(self, db: Database, viewer: str | None) -> None:
        self._repo = FeedRepository(db)
        self._viewer = viewer

    def items(
        self, kind: str | None = None, unread_only: bool = False, limit: int = 200
    ) -> list[FeedItemView]:
        rows = self._repo.page(self._viewer, kind, unread_only, limit)
        return [FeedItemView.of(r) for r in rows]

    def search(self, text: str, limit: int = 200) -> list[FeedItemView]:
        rows = self._repo.search(self._viewer, fts_query(text), limit)
        return [FeedItemView.of(r) for r in rows]

    def mark_read(self, item_id: str) -> None:
        self._repo.mark_read(item_id, now_rfc3339())

    def unread_count(self) -> int:
        return self._repo.unread_count(self._viewer)
