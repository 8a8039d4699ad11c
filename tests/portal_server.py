"""A real reference portal on a free loopback port, for tests outside tests/portal.

tests/portal/conftest.py has the same for the portal's own tests, but its fixtures are only
visible there; this is the shared, importable form (sync tests, and later the benchmark).
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from portal.app import create_app
from portal.clock import now_seconds
from portal.config import Limits, Settings, default_db_url
from portal.database import Database
from portal.keys import PortalKeys, create_keys
from portal.registry import create_agency, issue_code
from portal.server import BackgroundServer, start_in_thread
from portal.web.config import ConsoleSettings

_agency_numbers = itertools.count(1)


@dataclass
class PortalServer:
    url: str
    db: Database
    keys: PortalKeys
    data_dir: Path
    server: BackgroundServer

    @property
    def address(self) -> tuple[str, int]:
        return ("127.0.0.1", self.server.port)

    def new_agency(self, member_state: str = "KEN") -> str:
        """A fresh agency, so tests do not see each other's feed items."""
        code = f"SY-{next(_agency_numbers):04d}"
        create_agency(self.db, code=code, member_state=member_state, name=code, now=now_seconds())
        return code

    def code(self, agency: str, role: str, ttl: int = 3600) -> str:
        return issue_code(self.db, agency=agency, role=role, ttl_seconds=ttl, now=now_seconds())


@contextlib.contextmanager
def running_portal(
    data_dir: Path,
    *,
    limits: Limits | None = None,
    portal_id: str = "portal.test",
    console: ConsoleSettings | None = None,
    public_url: str | None = None,
) -> Iterator[PortalServer]:
    """A portal over a SQLite file in `data_dir`, served by uvicorn in a thread."""
    keys = create_keys(data_dir, portal_id=portal_id, agency="FORUM")
    # Every test client is 127.0.0.1: refusals provoked on purpose must not add up to a
    # throttle (the throttles are tested in tests/portal/test_hardening.py).
    quiet = Limits(enrol_failures_burst=100_000, signature_failures_burst=100_000)
    settings = Settings(
        db_url=default_db_url(data_dir),
        data_dir=data_dir,
        limits=limits or quiet,
        public_url=public_url,
    )
    db = Database(settings.db_url)
    server = start_in_thread(create_app(settings, db=db, keys=keys, console=console))
    try:
        yield PortalServer(server.url, db, keys, data_dir, server)
    finally:
        server.stop()
        db.dispose()


def envelopes_on_portal(portal: PortalServer, report_ids: list[str]) -> dict[str, int]:
    """How many envelopes the portal holds per report id (to prove exactly-once delivery)."""
    import sqlalchemy as sa

    from portal.tables import envelopes

    with portal.db.read() as conn:
        rows = conn.execute(
            sa.select(envelopes.c.report_id, sa.func.count())
            .where(envelopes.c.report_id.in_(report_ids))
            .group_by(envelopes.c.report_id)
        ).all()
    return {str(r[0]): int(r[1]) for r in rows}
