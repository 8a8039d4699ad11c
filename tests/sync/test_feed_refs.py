"""A focal point on the officer's own installation is not sent back what it already holds
(issue 11 finding 5: 'a focal point's sync costs ~80 % more airtime than an officer's for the
same push; review items for submissions made on the same installation come back down in
full').

The shared laptop (officer + focal point) pushes reports it wrote and approved itself; the
agency's second focal point, on another installation, must receive them in full. Both pull
the same items through their own real proxy, in the same run, and the bytes each link
carried are compared. A reference the installation cannot resolve makes it ask the page
again in full: nothing is lost for a store that no longer holds what it sent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support import FAST_KDF, PASSPHRASE
from sync_support import approved_reports, connected_post, enrol, provisioning_doc

from app.domain import Role
from app.paths import DataPaths
from app.provisioning import apply_provisioning, parse_provisioning
from app.session import NewUser, Session, initialise, unlock
from services.sync_session import sync_engine
from storage.envelopes_repo import EnvelopeRepository
from storage.reports_repo import ReportRepository
from sync.transport import Problem
from tests.linkproxy import DIRECT, LinkProxy
from tests.portal_server import PortalServer, running_portal

ProxyFactory = Callable[..., LinkProxy]
REPORTS = 30


def _other_focal_point(root: Path, portal: PortalServer, agency: str, url: str) -> DataPaths:
    paths = DataPaths(root)
    prov = parse_provisioning(provisioning_doc(portal, agency, url))
    with initialise(paths, NewUser("dee", Role.OFP, agency), PASSPHRASE, kdf=FAST_KDF) as s:
        apply_provisioning(s.db, s.audit, s.user.id, prov)
        enrol(s, portal, "ofp")
    return paths


def _sync(session: Session) -> None:
    with session:
        summary = sync_engine(session).run_pass()
        assert summary.error is None, summary.error


def _holds(session: Session, report_ids: list[str]) -> list[str]:
    with session:
        reports = ReportRepository(session.db)
        return [r for r in report_ids if reports.versions(r)]


def test_own_submissions_come_back_as_references_not_in_full(
    tmp_path: Path, link_proxy_factory: ProxyFactory
) -> None:
    # A portal of its own: on the session's portal every earlier test's certificates are in
    # both feeds too, and the comparison would depend on what ran before.
    with running_portal(tmp_path / "portal") as portal:
        _compare_downlinks(tmp_path, portal, link_proxy_factory)


def _compare_downlinks(tmp_path: Path, portal: PortalServer, proxies: ProxyFactory) -> None:
    laptop_link = proxies(portal.address, DIRECT)
    other_link = proxies(portal.address, DIRECT)
    laptop = connected_post(tmp_path / "laptop", portal, url=laptop_link.url())
    dee = _other_focal_point(tmp_path / "dee", portal, laptop.agency, other_link.url())
    ids = approved_reports(laptop, REPORTS, narrative=1000)
    _sync(laptop.officer())  # the push; the officer's own feed has nothing of this yet

    laptop_link.reset_stats()
    _sync(laptop.focal())
    laptop_down = laptop_link.stats.bytes_down
    other_link.reset_stats()
    _sync(unlock(dee, "dee", PASSPHRASE))
    other_down = other_link.stats.bytes_down

    assert _holds(unlock(dee, "dee", PASSPHRASE), ids) == ids
    assert _holds(laptop.focal(), ids) == ids
    # The other installation needs every submission (~1.3 KB each); the laptop holds them.
    assert other_down > REPORTS * 1000
    assert laptop_down * 5 < other_down, (laptop_down, other_down)


def test_a_reference_the_store_cannot_resolve_is_asked_again_in_full(
    tmp_path: Path, live_portal: PortalServer
) -> None:
    laptop = connected_post(tmp_path / "laptop", live_portal)
    ids = approved_reports(laptop, 3)
    _sync(laptop.officer())
    with laptop.focal() as s:
        kept = EnvelopeRepository(s.db).of_report(ids[0])
        assert [e.type for e in kept if e.type == "submission"] == ["submission"]
        lost = next(e.hash for e in kept if e.type == "submission")
        # A store that no longer holds what it sent (restored from an older backup, say).
        s.db.execute("DELETE FROM envelopes WHERE hash=?", (lost,))
    _sync(laptop.focal())
    with laptop.focal() as s:
        assert EnvelopeRepository(s.db).get(lost).type == "submission"
        assert ReportRepository(s.db).versions(ids[0])


@pytest.mark.parametrize(
    ("local_keys", "why"),
    [("not-a-key", "not a key id"), (",".join(f"ed25519:{n:032x}" for n in range(17)), "17")],
)
def test_bad_local_keys_are_refused(
    tmp_path: Path, live_portal: PortalServer, local_keys: str, why: str
) -> None:
    laptop = connected_post(tmp_path / "laptop", live_portal)
    with laptop.focal() as s:
        client = sync_engine(s).client
        with pytest.raises(Problem, match="local_keys") as refused:
            client.request(
                "GET", "/v1/feed", params={"limit": "10", "local_keys": local_keys}, signed=True
            )
    assert refused.value.slug == "invalid-parameter", why
