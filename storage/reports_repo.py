"""All SQL for reports: rows, their nationality index, the full-text index and attachments links."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from storage.database import Database, Row
from storage.errors import NotFound

_FIELDS = (
    "r.rowid, r.report_id, r.version, r.status, r.kind, r.observed_at, r.crossing_point, r.tlp, "
    "r.author_id, r.created_at, r.updated_at, p.payload, r.current, r.supersedes, "
    "r.submission_hash"
)
# The payload lives in its own table: filters and sorts read small rows (many per page, so
# few pages to decrypt), and only the rows of the page shown fetch their JSON.
_FROM = "reports r JOIN report_payloads p ON p.report_rowid = r.rowid"
_SELECT = f"SELECT {_FIELDS} FROM {_FROM}"


@dataclass(frozen=True)
class ReportRecord:
    rowid: int
    report_id: str
    version: int
    status: str
    kind: str
    observed_at: str | None
    crossing_point: str | None
    tlp: str | None
    author_id: str
    created_at: str
    updated_at: str
    payload: str  # the report as JSON text
    current: int = 1  # 0 once a newer version exists
    supersedes: str | None = None  # submission hash of the version this one corrects
    submission_hash: str | None = None  # hash of this version's signed submission

    @classmethod
    def from_row(cls, row: Row) -> ReportRecord:
        return cls(*row)


@dataclass(frozen=True)
class NewReport:
    """What the repository needs to store one version of a report."""

    report_id: str
    version: int
    status: str
    kind: str
    observed_at: str | None
    crossing_point: str | None
    tlp: str | None
    author_id: str
    created_at: str
    payload: str
    supersedes: str | None = None


@dataclass(frozen=True)
class SearchIndex:
    """Derived, searchable values of one report (computed by the app layer)."""

    nationalities: frozenset[str] = frozenset()
    narrative: str = ""
    modus_operandi: str = ""
    source_description: str = ""
    places: str = ""
    # Normalised identifiers (document numbers...) as tokens of the filters column, written
    # by app.identifiers.identifier_tokens: searched as a whole, never as words.
    identifiers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ReportFilter:
    kind: str | None = None
    status: str | None = None
    statuses: tuple[str, ...] = ()
    observed_from: str | None = None  # inclusive, RFC 3339 UTC
    observed_to: str | None = None  # exclusive
    crossing_point: str | None = None
    nationality: str | None = None
    author_id: str | None = None
    include_superseded: bool = False


@dataclass(frozen=True)
class PageCursor:
    """Keyset position: rows strictly after (observed_at, rowid) in newest-first order."""

    observed_at: str
    rowid: int


@dataclass
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def add(self, clause: str, *params: object) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _filter_where(f: ReportFilter, alias: str = "r") -> _Where:
    w = _Where()
    if not f.include_superseded:
        w.add(f"{alias}.current = 1")
    if f.kind:
        w.add(f"{alias}.kind = ?", f.kind)
    if f.status:
        w.add(f"{alias}.status = ?", f.status)
    if f.statuses:
        w.add(f"{alias}.status IN ({','.join('?' * len(f.statuses))})", *f.statuses)
    if f.observed_from:
        w.add(f"{alias}.observed_at >= ?", f.observed_from)
    if f.observed_to:
        w.add(f"{alias}.observed_at < ?", f.observed_to)
    if f.crossing_point:
        w.add(f"{alias}.crossing_point = ?", f.crossing_point)
    if f.author_id:
        w.add(f"{alias}.author_id = ?", f.author_id)
    if f.nationality:
        w.add(
            f"{alias}.rowid IN (SELECT n.report_rowid FROM report_nationalities n "
            "WHERE n.country = ?)",
            f.nationality,
        )
    return w


def _list_sql(f: ReportFilter, after: PageCursor | None) -> tuple[str, list[object]]:
    """Newest first. Plain columns in ORDER BY, so the index of the filter (column,
    observed_at, rowid) delivers rows already sorted and LIMIT stops the scan early. A
    nationality filter is driven from its own ordered index instead."""
    if f.nationality:
        w = _filter_where(ReportFilter(**{**f.__dict__, "nationality": None}))
        w.clauses.insert(0, "n.country = ?")
        w.params.insert(0, f.nationality)
        key_time, key_row = "n.observed_at", "n.report_rowid"
        source = (
            "report_nationalities n JOIN reports r ON r.rowid = n.report_rowid "
            "JOIN report_payloads p ON p.report_rowid = r.rowid"
        )
    else:
        w = _filter_where(f)
        key_time, key_row = "r.observed_at", "r.rowid"
        source = _FROM
    if after is not None and after.observed_at:
        # Undated drafts (NULL) sort last in DESC order, so they follow every dated row.
        w.add(
            f"({key_time} < ? OR ({key_time} = ? AND {key_row} < ?) OR {key_time} IS NULL)",
            after.observed_at,
            after.observed_at,
            after.rowid,
        )
    elif after is not None:
        w.add(f"({key_time} IS NULL AND {key_row} < ?)", after.rowid)
    sql = (
        f"SELECT {_FIELDS} FROM {source}{w.sql()} ORDER BY {key_time} DESC, {key_row} DESC LIMIT ?"
    )
    return sql, w.params


def filter_token(prefix: str, value: str) -> str:
    """A token for the FTS `filters` column: a letter for the filter, then the value in hex
    (unicode61 keeps letters and digits together, so no value can split or collide)."""
    return prefix + value.encode("utf-8").hex()


def _filter_tokens(
    kind: str,
    crossing_point: str | None,
    author_id: str,
    observed_at: str | None,
    nationalities: frozenset[str],
    identifiers: frozenset[str] = frozenset(),
) -> str:
    tokens = [filter_token("k", kind), filter_token("a", author_id)]
    if crossing_point:
        tokens.append(filter_token("c", crossing_point))
    if observed_at:
        tokens.append(filter_token("m", observed_at[:7]))
    tokens += [filter_token("n", c) for c in sorted(nationalities)]
    tokens += sorted(identifiers)
    return " ".join(tokens)


_TEXT_COLUMNS = "{narrative modus_operandi source_description places}"
# A date filter becomes an OR of month tokens up to this many months; longer ranges are
# left to the SQL filter alone.
MAX_MONTH_TOKENS = 36


def _months_between(start: str | None, end: str | None) -> list[str] | None:
    """YYYY-MM of every month that [start, end) touches, or None if unbounded or too many."""
    if not start or not end or end <= start:
        return None
    year, month = int(start[:4]), int(start[5:7])
    months: list[str] = []
    while f"{year:04d}-{month:02d}" < end[:7] or (
        f"{year:04d}-{month:02d}" == end[:7] and end[7:] > "-01T00:00:00Z"
    ):
        months.append(f"{year:04d}-{month:02d}")
        if len(months) > MAX_MONTH_TOKENS:
            return None
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def fts_filter_expression(
    text_query: str, f: ReportFilter, identifiers: frozenset[str] = frozenset()
) -> str:
    """The FTS5 query: the typed words in the text columns (or what was typed read as an
    identifier, its tokens in the `filters` column), AND the filter tokens of the filter in
    the `filters` column, so FTS5 intersects both doclists itself (skipping through the
    longer one) instead of handing every text match to SQL to be filtered."""
    text = f"{_TEXT_COLUMNS} : ({text_query})"
    if identifiers:
        alternatives = " OR ".join(f'"{t}"' for t in sorted(identifiers))
        text = f"({text} OR filters : ({alternatives}))"
    parts = [text]
    if f.kind:
        parts.append(f'filters : "{filter_token("k", f.kind)}"')
    if f.crossing_point:
        parts.append(f'filters : "{filter_token("c", f.crossing_point)}"')
    if f.nationality:
        parts.append(f'filters : "{filter_token("n", f.nationality)}"')
    if f.author_id:
        parts.append(f'filters : "{filter_token("a", f.author_id)}"')
    months = _months_between(f.observed_from, f.observed_to)
    if months:
        alternatives = " OR ".join(f'"{filter_token("m", m)}"' for m in months)
        parts.append(f"filters : ({alternatives})")
    return " AND ".join(parts)


def _search_sql(
    fts_query: str, f: ReportFilter, identifiers: frozenset[str] = frozenset()
) -> tuple[str, list[object]]:
    """The full-text page's SQL. The nationality filter is left to its token in the FTS
    expression: as SQL (`rowid IN (SELECT ... WHERE country = ?)`) SQLite builds the whole
    list of that country's reports first, ~400,000 rows and 400 ms at a million."""
    w = _filter_where(replace(f, nationality=None))
    w.clauses.insert(0, "reports_fts MATCH ?")
    w.params.insert(0, fts_filter_expression(fts_query, f, identifiers))
    sql = (
        f"SELECT {_FIELDS} FROM reports_fts JOIN reports r ON r.rowid = reports_fts.rowid "
        "JOIN report_payloads p ON p.report_rowid = r.rowid"
        f"{w.sql()} ORDER BY reports_fts.rowid DESC LIMIT ? OFFSET ?"
    )
    return sql, w.params


class ReportRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- writes (callers wrap these in db.transaction() with their audit entry) -------------------

    def insert(self, report: NewReport, index: SearchIndex) -> int:
        rowid = self._db.insert(
            "INSERT INTO reports (report_id, version, status, kind, observed_at, crossing_point, "
            "tlp, author_id, created_at, updated_at, supersedes) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                report.report_id,
                report.version,
                report.status,
                report.kind,
                report.observed_at,
                report.crossing_point,
                report.tlp,
                report.author_id,
                report.created_at,
                report.created_at,
                report.supersedes,
            ),
        )
        self._db.execute(
            "INSERT INTO report_payloads (report_rowid, payload) VALUES (?,?)",
            (rowid, report.payload),
        )
        self._write_index(
            rowid, index, report.observed_at, report.kind, report.crossing_point, report.author_id
        )
        return rowid

    def update_content(
        self,
        rowid: int,
        *,
        kind: str,
        observed_at: str | None,
        crossing_point: str | None,
        tlp: str | None,
        updated_at: str,
        payload: str,
        index: SearchIndex,
    ) -> None:
        self._db.execute(
            "UPDATE reports SET kind=?, observed_at=?, crossing_point=?, tlp=?, updated_at=? "
            "WHERE rowid=?",
            (kind, observed_at, crossing_point, tlp, updated_at, rowid),
        )
        self._db.execute(
            "UPDATE report_payloads SET payload=? WHERE report_rowid=?", (payload, rowid)
        )
        self._db.execute("DELETE FROM report_nationalities WHERE report_rowid=?", (rowid,))
        self._db.execute("DELETE FROM reports_fts WHERE rowid=?", (rowid,))
        author = self._db.execute_one("SELECT author_id FROM reports WHERE rowid=?", (rowid,))
        assert author is not None
        self._write_index(rowid, index, observed_at, kind, crossing_point, str(author[0]))

    def set_status(self, rowid: int, status: str, updated_at: str) -> None:
        self._db.execute(
            "UPDATE reports SET status=?, updated_at=? WHERE rowid=?", (status, updated_at, rowid)
        )

    def set_submitted(self, rowid: int, status: str, submission_hash: str, at: str) -> None:
        self._db.execute(
            "UPDATE reports SET status=?, submission_hash=?, updated_at=? WHERE rowid=?",
            (status, submission_hash, at, rowid),
        )

    def mark_superseded(self, rowid: int) -> None:
        self._db.execute("UPDATE reports SET current=0 WHERE rowid=?", (rowid,))

    def by_submission(self, submission_hash: str) -> ReportRecord:
        row = self._db.execute_one(f"{_SELECT} WHERE r.submission_hash=?", (submission_hash,))
        if row is None:
            raise NotFound(f"No report version was submitted as {submission_hash[:16]}….")
        return ReportRecord.from_row(row)

    def _write_index(
        self,
        rowid: int,
        index: SearchIndex,
        observed_at: str | None,
        kind: str,
        crossing_point: str | None,
        author_id: str,
    ) -> None:
        if index.nationalities:
            self._db.executemany(
                "INSERT OR IGNORE INTO report_nationalities (country, report_rowid, observed_at) "
                "VALUES (?,?,?)",
                [(c, rowid, observed_at) for c in sorted(index.nationalities)],
            )
        self._write_text_index(rowid, index, observed_at, kind, crossing_point, author_id)

    def _write_text_index(
        self,
        rowid: int,
        index: SearchIndex,
        observed_at: str | None,
        kind: str,
        crossing_point: str | None,
        author_id: str,
    ) -> None:
        self._db.execute(
            "INSERT INTO reports_fts (rowid, narrative, modus_operandi, source_description, "
            "places, filters) VALUES (?,?,?,?,?,?)",
            (
                rowid,
                index.narrative,
                index.modus_operandi,
                index.source_description,
                index.places,
                _filter_tokens(
                    kind,
                    crossing_point,
                    author_id,
                    observed_at,
                    index.nationalities,
                    index.identifiers,
                ),
            ),
        )

    # -- the full-text index after an upgrade (schema v4) -----------------------------------------

    def search_index_needs_rebuild(self) -> bool:
        row = self._db.execute_one("SELECT value FROM meta WHERE key = 'search_index'")
        return row is not None and row[0] == "rebuild"

    def payloads_after(self, rowid: int, limit: int) -> list[tuple[int, str]]:
        """(rowid, payload) of every version in rowid order, a batch at a time."""
        rows = self._db.execute(
            "SELECT report_rowid, payload FROM report_payloads WHERE report_rowid > ? "
            "ORDER BY report_rowid LIMIT ?",
            (rowid, limit),
        )
        return [(int(r[0]), str(r[1])) for r in rows]

    def reindex_text(self, rowid: int, index: SearchIndex) -> None:
        """Writes the full-text row of one stored version again (its filters from its row)."""
        row = self._db.execute_one(
            "SELECT observed_at, kind, crossing_point, author_id FROM reports WHERE rowid = ?",
            (rowid,),
        )
        if row is None:
            raise NotFound(f"No report version {rowid} to index.")
        self._db.execute("DELETE FROM reports_fts WHERE rowid = ?", (rowid,))
        self._write_text_index(rowid, index, row[0], str(row[1]), row[2], str(row[3]))

    def search_index_rebuilt(self) -> None:
        self._db.execute("DELETE FROM meta WHERE key = 'search_index'")

    def link_attachment(self, rowid: int, sha256: str, filename: str) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO report_attachments (report_rowid, sha256, filename) "
            "VALUES (?,?,?)",
            (rowid, sha256, filename),
        )

    # -- reads ------------------------------------------------------------------------------------

    def get(self, report_id: str, version: int | None = None) -> ReportRecord:
        if version is None:
            row = self._db.execute_one(
                f"{_SELECT} WHERE r.report_id=? ORDER BY r.version DESC LIMIT 1",
                (report_id,),
            )
        else:
            row = self._db.execute_one(
                f"{_SELECT} WHERE r.report_id=? AND r.version=?",
                (report_id, version),
            )
        if row is None:
            raise NotFound(
                f"No report with id {report_id}. Check the id with 'outpost report list'."
            )
        return ReportRecord.from_row(row)

    def find_ids(self, prefix: str, limit: int = 2) -> list[str]:
        """Report ids starting with `prefix` (people type the first few characters)."""
        rows = self._db.execute(
            "SELECT DISTINCT report_id FROM reports WHERE report_id >= ? AND report_id < ? LIMIT ?",
            (prefix, prefix + "\uffff", limit),
        )
        return [str(r[0]) for r in rows]

    def versions(self, report_id: str) -> list[ReportRecord]:
        rows = self._db.execute(f"{_SELECT} WHERE r.report_id=? ORDER BY r.version", (report_id,))
        return [ReportRecord.from_row(r) for r in rows]

    def attachments_of(self, rowid: int) -> list[tuple[str, str]]:
        rows = self._db.execute(
            "SELECT sha256, filename FROM report_attachments WHERE report_rowid=? "
            "ORDER BY filename",
            (rowid,),
        )
        return [(str(r[0]), str(r[1])) for r in rows]

    def list_page(
        self, f: ReportFilter, limit: int = 50, after: PageCursor | None = None
    ) -> list[ReportRecord]:
        """Newest-observed first, keyset-paginated so deep pages cost the same as the first."""
        sql, params = _list_sql(f, after)
        rows = self._db.read(sql, (*params, limit))
        return [ReportRecord.from_row(r) for r in rows]

    def search(
        self,
        fts_query: str,
        f: ReportFilter,
        limit: int = 50,
        offset: int = 0,
        identifiers: frozenset[str] = frozenset(),
    ) -> list[ReportRecord]:
        """Full-text match (or a match of one of the identifier tokens), most recently stored
        first; FTS5 walks its doclist backwards, so a common term still costs only as many
        rows as the page needs."""
        sql, params = _search_sql(fts_query, f, identifiers)
        rows = self._db.read(sql, (*params, limit, offset))
        return [ReportRecord.from_row(r) for r in rows]

    def search_plan(self, fts_query: str, f: ReportFilter) -> list[str]:
        """SQLite's plan for `search` (EXPLAIN QUERY PLAN details), for tests of its shape."""
        sql, params = _search_sql(fts_query, f)
        rows = self._db.read(f"EXPLAIN QUERY PLAN {sql}", (*params, 50, 0))
        return [str(r[3]) for r in rows]

    def count(self, f: ReportFilter) -> int:
        """Exact; from the kept counts when the filter allows it (see `counted`), else by
        counting rows (which at a million reports takes seconds: lists do not call this)."""
        kept = self.counted(f)
        if kept is not None:
            return kept
        w = _filter_where(f)
        row = self._db.read_one(f"SELECT count(*) FROM reports r{w.sql()}", w.params)
        assert row is not None
        return int(row[0])

    def counted(self, f: ReportFilter) -> int | None:
        """The exact number of matching reports from report_counts, or None when the filter
        has a part those counts do not keep (nationality, superseded versions, a date that
        is not the first instant of a month)."""
        if f.nationality or f.include_superseded:
            return None
        clauses: list[str] = []
        params: list[object] = []
        for column, value in (
            ("kind", f.kind),
            ("status", f.status),
            ("crossing_point", f.crossing_point),
            ("author_id", f.author_id),
        ):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if f.statuses:
            clauses.append(f"status IN ({','.join('?' * len(f.statuses))})")
            params.extend(f.statuses)
        for bound, op in ((f.observed_from, ">="), (f.observed_to, "<")):
            if bound:
                if bound[7:] != "-01T00:00:00Z":
                    return None
                clauses.append(f"month {op} ? AND month != ''")
                params.append(bound[:7])
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        row = self._db.read_one(f"SELECT coalesce(sum(n), 0) FROM report_counts{where}", params)
        assert row is not None
        return int(row[0])
