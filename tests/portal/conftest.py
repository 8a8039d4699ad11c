"""A real portal on a free loopback port (uvicorn in a thread), once over a temporary SQLite
file and once over a throwaway PostgreSQL cluster (skipped, with the reason, when the
PostgreSQL server binaries are not installed)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from portal import throwaway_pg
from portal.app import create_app
from portal.clock import now_seconds
from portal.config import Limits, Settings, default_db_url
from portal.database import Database
from portal.keys import PortalKeys, create_keys
from portal.registry import create_agency, issue_code
from portal.server import BackgroundServer, start_in_thread
from tests.portal.portal_client import User, enrol

# Small limits keep the oversized-body tests cheap.
# The throttles are tested on portals of their own (test_hardening.py); on the shared one every
# test comes from 127.0.0.1, and refusals some tests provoke on purpose must not add up.
TEST_LIMITS = Limits(
    max_body_bytes=256 * 1024,
    max_batch=50,
    max_attachment_bytes=1024 * 1024,
    enrol_failures_burst=100_000,
    signature_failures_burst=100_000,
)
_agency_numbers = itertools.count(1)


@dataclass
class RunningPortal:
    url: str
    db: Database
    keys: PortalKeys
    data_dir: Path
    server: BackgroundServer

    def new_agency(self, member_state: str = "KEN") -> str:
        code = f"AG-{next(_agency_numbers):04d}"
        create_agency(self.db, code=code, member_state=member_state, name=code, now=now_seconds())
        return code

    def code(self, agency: str, role: str, ttl: int = 3600) -> str:
        return issue_code(self.db, agency=agency, role=role, ttl_seconds=ttl, now=now_seconds())

    def enrol(self, agency: str, role: str, user_id: str) -> User:
        return enrol(self.url, self.code(agency, role), user_id)


BACKENDS = ["sqlite", "postgresql"]
_database_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[throwaway_pg.Cluster]:
    reason = throwaway_pg.unavailable_reason()
    if reason is not None:
        pytest.skip(f"PostgreSQL backend not tested: {reason}")
    cluster = throwaway_pg.start()
    try:
        yield cluster
    finally:
        cluster.stop()


def new_database_url(request: pytest.FixtureRequest, backend: str, data_dir: Path) -> str:
    """An empty database of `backend` (a file in data_dir, or a new PostgreSQL database)."""
    if backend == "sqlite":
        return default_db_url(data_dir)
    cluster: throwaway_pg.Cluster = request.getfixturevalue("pg_cluster")
    return cluster.create_database(f"portal_{next(_database_numbers)}")


@pytest.fixture(scope="session", params=BACKENDS)
def portal(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningPortal]:
    data_dir = tmp_path_factory.mktemp("portal")
    db_url = new_database_url(request, request.param, data_dir)
    keys = create_keys(data_dir, portal_id="portal.test", agency="FORUM")
    settings = Settings(db_url=db_url, data_dir=data_dir, limits=TEST_LIMITS)
    db = Database(settings.db_url)
    server = start_in_thread(create_app(settings, db=db, keys=keys))
    try:
        yield RunningPortal(server.url, db, keys, data_dir, server)
    finally:
        server.stop()
        db.dispose()


@dataclass
class Team:
    agency: str
    officer: User
    ofp: User


@pytest.fixture
def team(portal: RunningPortal) -> Team:
    """A fresh agency with an enrolled officer and OFP (fresh: tests do not see each other)."""
    agency = portal.new_agency()
    number = agency.split("-")[1]
    return Team(
        agency,
        portal.enrol(agency, "officer", f"officer.{number}"),
        portal.enrol(agency, "ofp", f"ofp.{number}"),
    )
