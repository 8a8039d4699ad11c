"""All SQL behind the dashboard's charts: counts grouped by month and kind, crossing point,
nationality, state, and the age of the oldest waiting items. Current versions only.

The counts come from report_counts and nationality_counts (kept by triggers in the
transaction of every report write, schema v4), so each figure reads a few thousand rows
whatever the number of reports; everything goes through the reader connection."""

from __future__ import annotations

from storage.database import Database


class StatsRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def by_month_and_kind(self, since_month: str) -> list[tuple[str, str, int]]:
        """(YYYY-MM, kind, count) for reports observed in `since_month` (YYYY-MM) or later."""
        rows = self._db.read(
            "SELECT month, kind, sum(n) FROM report_counts "
            "WHERE month >= ? GROUP BY month, kind ORDER BY month",
            (since_month,),
        )
        return [(str(r[0]), str(r[1]), int(r[2])) for r in rows]

    def by_crossing_point(self, since_month: str) -> list[tuple[str, int]]:
        rows = self._db.read(
            "SELECT crossing_point, sum(n) AS c FROM report_counts "
            "WHERE month >= ? AND crossing_point != '' "
            "GROUP BY crossing_point HAVING c > 0 ORDER BY c DESC, crossing_point",
            (since_month,),
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    def by_nationality(self, since_month: str, limit: int) -> list[tuple[str, int]]:
        """Reports that involve each nationality (a report with two counts for both)."""
        rows = self._db.read(
            "SELECT country, sum(n) AS c FROM nationality_counts WHERE month >= ? "
            "GROUP BY country HAVING c > 0 ORDER BY c DESC, country LIMIT ?",
            (since_month, limit),
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    def by_status(self) -> dict[str, int]:
        rows = self._db.read("SELECT status, sum(n) FROM report_counts GROUP BY status")
        return {str(r[0]): int(r[1]) for r in rows}

    def oldest_updated(self, status: str) -> str | None:
        """When the longest-waiting report of a state entered it (its last update)."""
        row = self._db.read_one(
            "SELECT min(updated_at) FROM reports WHERE current = 1 AND status = ?", (status,)
        )
        return None if row is None or row[0] is None else str(row[0])

    def outbox_by_state(self) -> dict[str, int]:
        rows = self._db.read("SELECT state, count(*) FROM outbox GROUP BY state")
        return {str(r[0]): int(r[1]) for r in rows}

    def oldest_pending_outbox(self) -> str | None:
        row = self._db.read_one("SELECT min(created_at) FROM outbox WHERE state = 'pending'")
        return None if row is None or row[0] is None else str(row[0])
