"""All SQL behind the dashboard's charts: counts grouped by month and kind, crossing point,
nationality, state, and the age of the oldest waiting items. Current versions only."""

from __future__ import annotations

from storage.database import Database


class StatsRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def by_month_and_kind(self, since: str) -> list[tuple[str, str, int]]:
        """(YYYY-MM, kind, count) for reports observed at or after `since` (RFC 3339)."""
        rows = self._db.execute(
            "SELECT substr(observed_at, 1, 7) AS month, kind, count(*) FROM reports "
            "WHERE current = 1 AND observed_at >= ? GROUP BY month, kind ORDER BY month",
            (since,),
        )
        return [(str(r[0]), str(r[1]), int(r[2])) for r in rows]

    def by_crossing_point(self, since: str) -> list[tuple[str, int]]:
        rows = self._db.execute(
            "SELECT crossing_point, count(*) AS n FROM reports "
            "WHERE current = 1 AND observed_at >= ? AND crossing_point IS NOT NULL "
            "GROUP BY crossing_point ORDER BY n DESC",
            (since,),
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    def by_nationality(self, since: str, limit: int) -> list[tuple[str, int]]:
        """Reports that involve each nationality (a report with two counts for both)."""
        rows = self._db.execute(
            "SELECT n.country, count(*) AS c FROM report_nationalities n "
            "JOIN reports r ON r.rowid = n.report_rowid "
            "WHERE r.current = 1 AND n.observed_at >= ? "
            "GROUP BY n.country ORDER BY c DESC LIMIT ?",
            (since, limit),
        )
        return [(str(r[0]), int(r[1])) for r in rows]

    def by_status(self) -> dict[str, int]:
        rows = self._db.execute(
            "SELECT status, count(*) FROM reports WHERE current = 1 GROUP BY status"
        )
        return {str(r[0]): int(r[1]) for r in rows}

    def oldest_updated(self, status: str) -> str | None:
        """When the longest-waiting report of a state entered it (its last update)."""
        row = self._db.execute_one(
            "SELECT min(updated_at) FROM reports WHERE current = 1 AND status = ?", (status,)
        )
        return None if row is None or row[0] is None else str(row[0])

    def outbox_by_state(self) -> dict[str, int]:
        rows = self._db.execute("SELECT state, count(*) FROM outbox GROUP BY state")
        return {str(r[0]): int(r[1]) for r in rows}

    def oldest_pending_outbox(self) -> str | None:
        row = self._db.execute_one("SELECT min(created_at) FROM outbox WHERE state = 'pending'")
        return None if row is None or row[0] is None else str(row[0])
