"""Fixtures for the sync tests: a real portal on loopback and the shaping link proxy."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.linkproxy import link_proxy_factory
from tests.portal_server import PortalServer, running_portal

__all__ = ["link_proxy_factory"]  # re-exported as a fixture for tests/sync


@pytest.fixture(scope="session")
def live_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalServer]:
    with running_portal(tmp_path_factory.mktemp("sync-portal")) as portal:
        yield portal
