"""Sign-in throttling, kept in the database so that every portal process counts the same
failures.

Each failed sign-in is a row (account id, source address, time). An account with
`failures_per_account` failures inside the window, or a source address with
`failures_per_source`, is refused before any credential is looked at until the oldest of
those failures leaves the window; a good passphrase or key is refused too meanwhile, so
guessing gains nothing from the refusal's timing. The moment a limit is reached is written
to the portal audit log once (not every refused attempt, which an attacker could use to
flood the log).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from portal import audit
from portal.database import Database
from portal.tables import web_login_failures
from portal.web.config import ConsoleSettings


def wait_seconds(
    conn: Connection, config: ConsoleSettings, *, account_id: str, source: str, now: int
) -> int:
    """0 when a sign-in may be tried now, else how many seconds until it may."""
    since = now - config.failure_window
    waits = [0]
    for column, value, limit in (
        (web_login_failures.c.account_id, account_id, config.failures_per_account),
        (web_login_failures.c.source, source, config.failures_per_source),
    ):
        times = (
            conn.execute(
                sa.select(web_login_failures.c.at)
                .where(column == value)
                .where(web_login_failures.c.at > since)
                .order_by(web_login_failures.c.at.desc())
                .limit(limit)
            )
            .scalars()
            .all()
        )
        if len(times) >= limit:
            waits.append(int(times[-1]) + config.failure_window - now + 1)
    return max(waits)


def record_failure(
    db: Database,
    config: ConsoleSettings,
    *,
    account_id: str,
    source: str,
    reason: str,
    now: int,
) -> None:
    with db.write() as conn:
        conn.execute(web_login_failures.delete().where(web_login_failures.c.at < now - 86400))
        conn.execute(
            web_login_failures.insert().values(account_id=account_id, source=source, at=now)
        )
        audit.append(
            conn,
            at=now,
            actor=account_id,
            action="console.login.failed",
            subject=account_id,
            details={"reason": reason, "source": source},
        )
        if wait_seconds(conn, config, account_id=account_id, source=source, now=now):
            # Only the failure that reached the limit gets here: later attempts are refused
            # before any failure is recorded.
            audit.append(
                conn,
                at=now,
                actor=account_id,
                action="console.login.throttled",
                subject=account_id,
                details={"source": source, "window_seconds": config.failure_window},
            )
