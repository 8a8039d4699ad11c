"""Figures for the dashboard: what was reported, where, about whom, and how the queue is doing.

Plain data for the GUI's charts (and any other front end); the SQL is in storage/stats_repo.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from app.clock import utc_now
from app.domain import ReportKind, format_utc
from storage.database import Database
from storage.stats_repo import StatsRepository


@dataclass(frozen=True)
class QueueHealth:
    by_status: dict[str, int]  # every report status, 0 when none
    outbox: dict[str, int]  # pending / delivered / quarantined
    oldest_queued_days: float | None  # how long the longest-waiting report waits for review
    oldest_pending_outbox_days: float | None  # how long the oldest unsent item waits

    @property
    def waiting_for_review(self) -> int:
        return self.by_status.get("queued", 0)


@dataclass(frozen=True)
class DashboardFigures:
    months: list[str]  # YYYY-MM, oldest first, every month of the period
    by_month_and_kind: dict[str, list[int]]  # kind -> count per month (aligned with months)
    by_crossing_point: list[tuple[str, int]]  # most first
    by_nationality: list[tuple[str, int]]  # most first, top N
    queue: QueueHealth
    period_start: str = ""
    notes: list[str] = field(default_factory=list)


def _month_starts(end: datetime, count: int) -> list[datetime]:
    year, month = end.year, end.month
    out = []
    for _ in range(count):
        out.append(datetime(year, month, 1, tzinfo=UTC))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(out))


def _days_since(stamp: str | None, now: datetime) -> float | None:
    if stamp is None:
        return None
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return max(0.0, (now - moment) / timedelta(days=1))


class DashboardService:
    def __init__(self, db: Database) -> None:
        self._stats = StatsRepository(db)

    def figures(
        self, months: int = 12, top_nationalities: int = 10, now: datetime | None = None
    ) -> DashboardFigures:
        now = now or utc_now()
        starts = _month_starts(now, months)
        since = format_utc(starts[0])
        labels = [s.strftime("%Y-%m") for s in starts]
        since_month = labels[0]  # the period starts on the first of a month
        position = {m: i for i, m in enumerate(labels)}
        per_kind = {k.value: [0] * len(labels) for k in ReportKind}
        for month, kind, count in self._stats.by_month_and_kind(since_month):
            if month in position and kind in per_kind:
                per_kind[kind][position[month]] += count
        statuses = self._stats.by_status()
        by_status = {
            s: statuses.get(s, 0)
            for s in ("draft", "queued", "returned", "approved", "sent", "acknowledged")
        }
        outbox = self._stats.outbox_by_state()
        queue = QueueHealth(
            by_status=by_status,
            outbox={s: outbox.get(s, 0) for s in ("pending", "delivered", "quarantined")},
            oldest_queued_days=_days_since(self._stats.oldest_updated("queued"), now),
            oldest_pending_outbox_days=_days_since(self._stats.oldest_pending_outbox(), now),
        )
        return DashboardFigures(
            months=labels,
            by_month_and_kind=per_kind,
            by_crossing_point=self._stats.by_crossing_point(since_month),
            by_nationality=self._stats.by_nationality(since_month, top_nationalities),
            queue=queue,
            period_start=since,
        )
