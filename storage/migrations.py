"""Numbered schema migrations, tracked in PRAGMA user_version.

Each migration runs in its own transaction together with the user_version bump, so a crash
leaves the database at the previous version or the next one, never in between. Released
migrations are never edited: a change is a new migration, and tests/data/ keeps a fixture
database of every released schema to prove each one still upgrades without loss.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class _Conn(Protocol):
    def execute(self, sql: str, params: tuple[object, ...] = ..., /) -> object: ...


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


V1_FOUNDATION = Migration(
    1,
    "users, reports with full-text index, attachments, hash-chained audit log",
    (
        """CREATE TABLE meta (
               key   TEXT PRIMARY KEY,
               value TEXT NOT NULL
           ) WITHOUT ROWID""",
        """CREATE TABLE users (
               id         TEXT PRIMARY KEY,
               name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
               role       TEXT NOT NULL,
               agency     TEXT NOT NULL,
               created_at TEXT NOT NULL,
               removed_at TEXT
           )""",
        """CREATE TABLE reports (
               rowid          INTEGER PRIMARY KEY,
               report_id      TEXT NOT NULL,
               version        INTEGER NOT NULL DEFAULT 1,
               status         TEXT NOT NULL,
               kind           TEXT NOT NULL,
               observed_at    TEXT,
               crossing_point TEXT,
               tlp            TEXT,
               author_id      TEXT NOT NULL REFERENCES users(id),
               created_at     TEXT NOT NULL,
               updated_at     TEXT NOT NULL,
               payload        TEXT NOT NULL,
               UNIQUE (report_id, version)
           )""",
        "CREATE INDEX reports_by_time ON reports(observed_at DESC, rowid DESC)",
        "CREATE INDEX reports_by_status ON reports(status, observed_at DESC, rowid DESC)",
        "CREATE INDEX reports_by_kind ON reports(kind, observed_at DESC, rowid DESC)",
        "CREATE INDEX reports_by_crossing ON reports(crossing_point, observed_at DESC, rowid DESC)",
        "CREATE INDEX reports_by_author ON reports(author_id, status)",
        """CREATE TABLE report_nationalities (
               country      TEXT NOT NULL,
               report_rowid INTEGER NOT NULL REFERENCES reports(rowid) ON DELETE CASCADE,
               PRIMARY KEY (country, report_rowid)
           ) WITHOUT ROWID""",
        "CREATE INDEX report_nationalities_by_report ON report_nationalities(report_rowid)",
        # Contentless: the text already lives (encrypted) in reports.payload; the index only
        # needs to map terms to rowids, so it stays small.
        """CREATE VIRTUAL TABLE reports_fts USING fts5(
               narrative, modus_operandi, source_description, places,
               content = '', contentless_delete = 1,
               tokenize = 'unicode61 remove_diacritics 2'
           )""",
        """CREATE TABLE attachments (
               sha256     TEXT PRIMARY KEY,
               media_type TEXT NOT NULL,
               size       INTEGER NOT NULL,
               data       BLOB NOT NULL,
               created_at TEXT NOT NULL
           )""",
        """CREATE TABLE report_attachments (
               report_rowid INTEGER NOT NULL REFERENCES reports(rowid) ON DELETE CASCADE,
               sha256       TEXT NOT NULL REFERENCES attachments(sha256),
               filename     TEXT NOT NULL,
               PRIMARY KEY (report_rowid, sha256)
           ) WITHOUT ROWID""",
        """CREATE TABLE audit_log (
               seq       INTEGER PRIMARY KEY,
               at        TEXT NOT NULL,
               actor     TEXT NOT NULL,
               action    TEXT NOT NULL,
               object    TEXT NOT NULL,
               details   TEXT NOT NULL,
               prev_hash TEXT NOT NULL,
               hash      TEXT NOT NULL
           )""",
        # Append-only by construction; the hash chain catches anyone who drops these triggers.
        """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    ),
)

V2_SIGNED_WORKFLOW = Migration(
    2,
    "signing keys, certificates, signed envelopes, report versions, outbox, dissemination register",
    (
        # Lists show the newest version of each report; older versions stay for the history.
        "ALTER TABLE reports ADD COLUMN current INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE reports ADD COLUMN supersedes TEXT",
        "ALTER TABLE reports ADD COLUMN submission_hash TEXT",
        "CREATE INDEX reports_current ON reports(report_id, current)",
        """CREATE TABLE user_keys (
               user_id     TEXT PRIMARY KEY REFERENCES users(id),
               key_id      TEXT NOT NULL UNIQUE,
               private_key BLOB NOT NULL,
               created_at  TEXT NOT NULL
           )""",
        """CREATE TABLE certificates (
               key_id      TEXT PRIMARY KEY,
               user_id     TEXT NOT NULL,
               agency      TEXT NOT NULL,
               role        TEXT NOT NULL,
               self_signed INTEGER NOT NULL,
               not_after   TEXT NOT NULL,
               body        TEXT NOT NULL,
               revoked_at  TEXT,
               received_at TEXT NOT NULL
           )""",
        "CREATE INDEX certificates_by_user ON certificates(user_id)",
        """CREATE TABLE trust_anchors (
               key_id     TEXT PRIMARY KEY,
               public_key BLOB NOT NULL,
               label      TEXT NOT NULL,
               added_at   TEXT NOT NULL
           )""",
        """CREATE TABLE envelopes (
               hash           TEXT PRIMARY KEY,
               type           TEXT NOT NULL,
               report_id      TEXT,
               report_version INTEGER,
               key_id         TEXT NOT NULL,
               created_at     TEXT NOT NULL,
               body           TEXT NOT NULL
           )""",
        "CREATE INDEX envelopes_by_report ON envelopes(report_id, created_at)",
        """CREATE TABLE outbox (
               id              INTEGER PRIMARY KEY,
               kind            TEXT NOT NULL,
               ref             TEXT NOT NULL,
               state           TEXT NOT NULL,
               attempts        INTEGER NOT NULL DEFAULT 0,
               next_attempt_at TEXT,
               last_error      TEXT,
               bytes_sent      INTEGER NOT NULL DEFAULT 0,
               created_at      TEXT NOT NULL,
               delivered_at    TEXT,
               receipt         TEXT,
               UNIQUE (kind, ref)
           )""",
        "CREATE INDEX outbox_by_state ON outbox(state, next_attempt_at)",
        """CREATE TABLE disseminations (
               id          INTEGER PRIMARY KEY,
               at          TEXT NOT NULL,
               actor       TEXT NOT NULL,
               object      TEXT NOT NULL,
               recipient   TEXT NOT NULL,
               method      TEXT NOT NULL,
               purpose     TEXT NOT NULL,
               legal_basis TEXT,
               tlp         TEXT NOT NULL
           )""",
        "CREATE INDEX disseminations_by_object ON disseminations(object, at)",
        # A nationality filter walks this index already in list order instead of sorting
        # every report with a common nationality (40% of reports can share one).
        "ALTER TABLE report_nationalities ADD COLUMN observed_at TEXT",
        """UPDATE report_nationalities SET observed_at =
               (SELECT observed_at FROM reports WHERE reports.rowid = report_rowid)""",
        """CREATE INDEX report_nationalities_in_order
               ON report_nationalities(country, observed_at DESC, report_rowid DESC)""",
        """CREATE TABLE report_payloads (
               report_rowid INTEGER PRIMARY KEY REFERENCES reports(rowid) ON DELETE CASCADE,
               payload      TEXT NOT NULL
           )""",
        "INSERT INTO report_payloads (report_rowid, payload) SELECT rowid, payload FROM reports",
        "ALTER TABLE reports DROP COLUMN payload",
    ),
)

V3_SYNC = Migration(
    3,
    "pulled feed items (alerts, bulletins, MOU templates, notices) with full-text search",
    (
        """CREATE TABLE feed_items (
               rowid        INTEGER PRIMARY KEY,
               item_id      TEXT NOT NULL UNIQUE,
               kind         TEXT NOT NULL,
               title        TEXT NOT NULL,
               body         TEXT NOT NULL,
               tlp          TEXT NOT NULL,
               publisher    TEXT NOT NULL,
               published_at TEXT NOT NULL,
               received_at  TEXT NOT NULL,
               read_at      TEXT,
               payload      TEXT NOT NULL
           )""",
        "CREATE INDEX feed_items_by_time ON feed_items(published_at DESC, rowid DESC)",
        "CREATE INDEX feed_items_by_kind ON feed_items(kind, published_at DESC, rowid DESC)",
        """CREATE VIRTUAL TABLE feed_fts USING fts5(
               title, body,
               content = '', contentless_delete = 1,
               tokenize = 'unicode61 remove_diacritics 2'
           )""",
        # Authors of review items pulled from other devices: known by id, never unlock here.
        "ALTER TABLE users ADD COLUMN remote INTEGER NOT NULL DEFAULT 0",
        # "My reports": the author's reports, newest first, without sorting them all.
        "CREATE INDEX reports_by_author_time ON reports(author_id, observed_at DESC, rowid DESC)",
        """CREATE TABLE attachment_uploads (
               sha256     TEXT PRIMARY KEY,
               url        TEXT,
               offset     INTEGER NOT NULL DEFAULT 0,
               chunk_size INTEGER NOT NULL,
               updated_at TEXT NOT NULL
           )""",
    ),
)


def _count_change(table: str, key: tuple[tuple[str, str], ...], delta: str) -> str:
    """One upsert that adds `delta` to the count of `key` ((column, expression)...)."""
    columns = ", ".join(column for column, _ in key)
    values = ", ".join(expression for _, expression in key)
    return (
        f"INSERT INTO {table} ({columns}, n) VALUES ({values}, {delta}) "
        "ON CONFLICT DO UPDATE SET n = n + excluded.n"
    )


def _report_key(row: str) -> tuple[tuple[str, str], ...]:
    """The key of a report in report_counts, for the NEW or OLD row of a trigger."""
    return (
        ("month", f"coalesce(substr({row}.observed_at, 1, 7), '')"),
        ("kind", f"{row}.kind"),
        ("status", f"{row}.status"),
        ("crossing_point", f"coalesce({row}.crossing_point, '')"),
        ("author_id", f"{row}.author_id"),
    )


def _nationality_key(row: str) -> tuple[tuple[str, str], ...]:
    return (
        ("month", f"coalesce(substr({row}.observed_at, 1, 7), '')"),
        ("country", f"{row}.country"),
    )


V4_SCALE = Migration(
    4,
    "counts kept beside the reports for the dashboard and lists; filter tokens in the FTS index",
    (
        # Current versions only, by month observed ('' when undated) and every list filter
        # but nationality: a few thousand rows however many reports there are. Triggers keep
        # them in the transaction that writes the report, whoever writes it.
        """CREATE TABLE report_counts (
               month          TEXT NOT NULL,
               kind           TEXT NOT NULL,
               status         TEXT NOT NULL,
               crossing_point TEXT NOT NULL,
               author_id      TEXT NOT NULL,
               n              INTEGER NOT NULL,
               PRIMARY KEY (month, kind, status, crossing_point, author_id)
           ) WITHOUT ROWID""",
        """CREATE TABLE nationality_counts (
               month   TEXT NOT NULL,
               country TEXT NOT NULL,
               n       INTEGER NOT NULL,
               PRIMARY KEY (month, country)
           ) WITHOUT ROWID""",
        """INSERT INTO report_counts
               SELECT coalesce(substr(observed_at, 1, 7), ''), kind, status,
                      coalesce(crossing_point, ''), author_id, count(*)
               FROM reports WHERE current = 1 GROUP BY 1, 2, 3, 4, 5""",
        """INSERT INTO nationality_counts
               SELECT coalesce(substr(n.observed_at, 1, 7), ''), n.country, count(*)
               FROM report_nationalities n JOIN reports r ON r.rowid = n.report_rowid
               WHERE r.current = 1 GROUP BY 1, 2""",
        f"""CREATE TRIGGER report_counts_insert AFTER INSERT ON reports WHEN NEW.current = 1
           BEGIN {_count_change("report_counts", _report_key("NEW"), "1")}; END""",
        f"""CREATE TRIGGER report_counts_update_old AFTER UPDATE
               OF kind, status, observed_at, crossing_point, author_id, current ON reports
           WHEN OLD.current = 1
           BEGIN
               {_count_change("report_counts", _report_key("OLD"), "-1")};
               DELETE FROM report_counts WHERE n = 0;
           END""",
        f"""CREATE TRIGGER report_counts_update_new AFTER UPDATE
               OF kind, status, observed_at, crossing_point, author_id, current ON reports
           WHEN NEW.current = 1
           BEGIN {_count_change("report_counts", _report_key("NEW"), "1")}; END""",
        """CREATE TRIGGER nationality_counts_current AFTER UPDATE OF current ON reports
           WHEN NEW.current != OLD.current
           BEGIN
               INSERT INTO nationality_counts (month, country, n)
                   SELECT coalesce(substr(observed_at, 1, 7), ''), country,
                          NEW.current - OLD.current
                   FROM report_nationalities WHERE report_rowid = NEW.rowid
                   ON CONFLICT DO UPDATE SET n = n + excluded.n;
           END""",
        """CREATE TRIGGER report_counts_no_delete BEFORE DELETE ON reports
           BEGIN SELECT RAISE(ABORT, 'report versions are kept, not deleted'); END""",
        f"""CREATE TRIGGER nationality_counts_insert AFTER INSERT ON report_nationalities
           WHEN (SELECT current FROM reports WHERE rowid = NEW.report_rowid) = 1
           BEGIN {_count_change("nationality_counts", _nationality_key("NEW"), "1")}; END""",
        f"""CREATE TRIGGER nationality_counts_delete AFTER DELETE ON report_nationalities
           WHEN (SELECT current FROM reports WHERE rowid = OLD.report_rowid) = 1
           BEGIN {_count_change("nationality_counts", _nationality_key("OLD"), "-1")}; END""",
        # The oldest report waiting in a state, without reading every report in it.
        "CREATE INDEX reports_waiting ON reports(status, updated_at) WHERE current = 1",
        # The full-text index gains a column of filter tokens (kind, crossing point,
        # nationalities, author, month), so a filtered search is one intersection inside
        # FTS5 that starts from the rarer side. Its text cannot be copied from the old
        # contentless index: the app re-indexes every report from its payload on the first
        # unlock after this migration (meta search_index = 'rebuild'; see
        # ReportService.rebuild_search_index).
        "DROP TABLE reports_fts",
        """CREATE VIRTUAL TABLE reports_fts USING fts5(
               narrative, modus_operandi, source_description, places, filters,
               content = '', contentless_delete = 1,
               tokenize = 'unicode61 remove_diacritics 2'
           )""",
        """INSERT INTO meta (key, value) VALUES ('search_index', 'rebuild')
           ON CONFLICT (key) DO UPDATE SET value = excluded.value""",
    ),
)

V5_PREFIX_INDEX = Migration(
    5,
    "full-text index with prefix indexes (3-6 characters) and column-level detail",
    (
        # The last word a person types is a prefix; without a prefix index FTS5 merges the
        # doclists of every term that starts with it before returning a row, which at a
        # million reports took 20+ ms for a common word. Prefix indexes of 3 to 6 characters
        # serve the word while it is typed; a longer prefix matches few terms anyway.
        # Queries are ANDs of single words (no phrases), so positions are not needed:
        # detail=column keeps what column filters use and drops the rest.
        "DROP TABLE reports_fts",
        """CREATE VIRTUAL TABLE reports_fts USING fts5(
               narrative, modus_operandi, source_description, places, filters,
               content = '', contentless_delete = 1, detail = column,
               prefix = '3 4 5 6',
               tokenize = 'unicode61 remove_diacritics 2'
           )""",
        """INSERT INTO meta (key, value) VALUES ('search_index', 'rebuild')
           ON CONFLICT (key) DO UPDATE SET value = excluded.value""",
    ),
)

V6_PRINCIPALS = Migration(
    6,
    "feed items meant for one local user; the portal's directory of principals, kept offline",
    (
        # A TLP:RED item (or anything else addressed to one principal) is shown only to the
        # local user who pulled it: on a shared laptop the others must not see it. NULL: for
        # every user of the installation.
        "ALTER TABLE feed_items ADD COLUMN for_user TEXT REFERENCES users(id)",
        "CREATE INDEX feed_items_for_user ON feed_items(for_user, published_at DESC, rowid DESC)",
        # Feed cursors were one per installation, which lost items on a shared laptop (the
        # portal filters per signer): cursors are now per local user and portal, in meta.
        # The old one is dropped, so every user pulls once from the start (items are
        # idempotent: stored by id).
        "DELETE FROM meta WHERE key = 'feed_cursor'",
        """CREATE TABLE directory_principals (
               principal_id TEXT PRIMARY KEY,
               agency       TEXT NOT NULL,
               member_state TEXT NOT NULL,
               role         TEXT NOT NULL,
               display_name TEXT,
               third_party  INTEGER NOT NULL DEFAULT 0,
               fetched_at   TEXT NOT NULL
           )""",
        "CREATE INDEX directory_principals_by_name ON directory_principals(display_name)",
        """CREATE TABLE directory_agencies (
               code         TEXT PRIMARY KEY,
               member_state TEXT NOT NULL,
               name         TEXT NOT NULL,
               third_party  INTEGER NOT NULL DEFAULT 0,
               fetched_at   TEXT NOT NULL
           )""",
    ),
)

V7_AUDIT_FILTERS = Migration(
    7,
    "indexes for the audit log's filters (action, user, object, time)",
    (
        # The audit view filters by these; each index ends in seq so the newest-first page
        # is read in index order without a sort.
        "CREATE INDEX audit_log_by_action ON audit_log(action, seq)",
        "CREATE INDEX audit_log_by_actor ON audit_log(actor, seq)",
        "CREATE INDEX audit_log_by_object ON audit_log(object, seq)",
        "CREATE INDEX audit_log_by_at ON audit_log(at)",
    ),
)

V8_IDENTIFIERS = Migration(
    8,
    "normalised identifiers (document numbers) in the full-text index's filters column",
    (
        # The index's shape is unchanged, but reports stored before hold no identifier
        # tokens: the app re-indexes every version from its payload on the next unlock.
        """INSERT INTO meta (key, value) VALUES ('search_index', 'rebuild')
           ON CONFLICT (key) DO UPDATE SET value = excluded.value""",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (
    V1_FOUNDATION,
    V2_SIGNED_WORKFLOW,
    V3_SYNC,
    V4_SCALE,
    V5_PREFIX_INDEX,
    V6_PRINCIPALS,
    V7_AUDIT_FILTERS,
    V8_IDENTIFIERS,
)
LATEST_VERSION = MIGRATIONS[-1].version


def apply_migrations(conn: _Conn, target: int = LATEST_VERSION) -> int:
    """Brings the database up to `target`, one transaction per migration. Returns the version."""
    row = conn.execute("PRAGMA user_version").fetchone()  # type: ignore[attr-defined]
    current = int(row[0])
    for migration in MIGRATIONS:
        if migration.version <= current or migration.version > target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in migration.statements:
                conn.execute(statement)
            # PRAGMA user_version is part of the same transaction: both land or neither does.
            conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        current = migration.version
    return current
