"""A shared laptop: an officer and the agency's focal point on one installation, syncing in
any order against the real portal; nobody misses an item meant for them.

Finding: one installation kept one feed cursor for all its users while the portal filters
the feed per signer. The officer synced first, the cursor moved past a review item the
officer may not see, and the focal point's sync never received it (the same for decisions
and TLP:RED items meant for one user).

Three installations of one agency: the shared laptop (officer `ana` + focal point `ben`), a
second post (officer `cai`) and the focal point `dee` on a third. Fifty random interleavings
of submissions, decisions, RED alerts and syncs; after each, every review item has reached
its focal point, every decision its author, every RED item exactly its recipient.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support import FAST_KDF, PASSPHRASE, sample
from sync_support import RELEASE, Post, connected_post, enrol, provisioning_doc

from app.bulletins import BulletinService
from app.domain import Role
from app.paths import DataPaths
from app.provisioning import apply_provisioning, parse_provisioning
from app.reports import ReportService
from app.session import NewUser, Session, initialise, unlock
from app.workflow import Workflow
from portal.clock import now_seconds
from portal.registry import publish
from services.sync_session import sync_engine
from storage.errors import NotFound
from storage.reports_repo import ReportRepository
from tests.portal_server import PortalServer, running_portal

INTERLEAVINGS = 50


def single_user_post(
    root: Path, portal: PortalServer, agency: str, name: str, role: str
) -> DataPaths:
    paths = DataPaths(root)
    prov = parse_provisioning(provisioning_doc(portal, agency))
    with initialise(paths, NewUser(name, Role(role), agency), PASSPHRASE, kdf=FAST_KDF) as s:
        apply_provisioning(s.db, s.audit, s.user.id, prov)
        enrol(s, portal, role)
    return paths


@dataclass
class Expected:
    review: set[str] = field(default_factory=set)  # report ids ben must have received
    decided_for_ana: dict[str, str] = field(default_factory=dict)  # report id -> status
    red_for: dict[str, set[str]] = field(default_factory=lambda: {"ana": set(), "ben": set()})


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[PortalServer, Post, DataPaths, DataPaths]]:
    root = tmp_path_factory.mktemp("shared")
    with running_portal(root / "portal") as portal:
        agency = portal.new_agency("KEN")
        laptop = connected_post(root / "laptop", portal, agency=agency)
        cai = single_user_post(root / "cai", portal, agency, "cai", "officer")
        dee = single_user_post(root / "dee", portal, agency, "dee", "ofp")
        yield portal, laptop, cai, dee


def _sync(session: Session) -> None:
    with session:
        summary = sync_engine(session).run_pass()
        assert summary.error is None, summary.error


def _submit(session: Session, seed: int) -> str:
    with session:
        report = ReportService(session.db, session.user, session.audit).create_draft(
            sample(seed, 0)
        )
        Workflow(session.db, session.user, session.audit).submit(report.report_id)
        return report.report_id


def test_officer_and_focal_point_on_one_laptop_never_miss_an_item(
    world: tuple[PortalServer, Post, DataPaths, DataPaths],
) -> None:
    portal, laptop, cai, dee = world
    rng = random.Random(20261202)
    expected = Expected()
    with laptop.officer() as s:
        ana_id = s.user.id
    with laptop.focal() as s:
        ben_id = s.user.id
    pending_cai: list[str] = []  # submitted at cai's post, synced or not
    pending_ana: list[str] = []  # submitted on the laptop by ana
    seed = 0
    for round_number in range(INTERLEAVINGS):
        steps = ["ana", "ben", "ana", "ben", "cai submits", "ana submits", "red ana", "red ben",
                 "dee decides"]  # fmt: skip
        rng.shuffle(steps)
        for step in steps:
            seed += 1
            if step == "ana":
                _sync(laptop.officer())
            elif step == "ben":
                _sync(laptop.focal())
            elif step == "cai submits":
                pending_cai.append(_submit(unlock(cai, "cai", PASSPHRASE), seed))
                _sync(unlock(cai, "cai", PASSPHRASE))
                expected.review.add(pending_cai[-1])
            elif step == "ana submits":
                pending_ana.append(_submit(laptop.officer(), seed))
            elif step in ("red ana", "red ben"):
                who = step.split()[1]
                title = f"for {who} {uuid.uuid4().hex[:8]}"
                publish(
                    portal.db,
                    {"kind": "alert", "title": title, "body": "red", "tlp": "RED",
                     "recipients": [ana_id if who == "ana" else ben_id]},
                    now=now_seconds(),
                )  # fmt: skip
                expected.red_for[who].add(title)
            elif step == "dee decides":
                # dee, on another device, decides whatever of ana's reports reached her.
                with unlock(dee, "dee", PASSPHRASE) as s:
                    sync_engine(s).run_pass()
                    flow = Workflow(s.db, s.user, s.audit)
                    for report_id in list(pending_ana):
                        try:
                            view = ReportService(s.db, s.user, s.audit).get(report_id)
                        except NotFound:  # not arrived yet: the laptop has not synced
                            continue
                        if view.status != "queued":
                            continue
                        if rng.random() < 0.5:
                            flow.approve(report_id, RELEASE)
                            expected.decided_for_ana[report_id] = "approved"
                        else:
                            flow.return_to_author(report_id, "add the source grading")
                            expected.decided_for_ana[report_id] = "returned"
                        pending_ana.remove(report_id)
                    sync_engine(s).run_pass()
        # Settle: each of the two laptop users syncs once more, in a random order.
        for who in rng.sample(["ana", "ben"], 2):
            _sync(laptop.officer() if who == "ana" else laptop.focal())
        _check(laptop, expected, round_number)


def _check(laptop: Post, expected: Expected, round_number: int) -> None:
    with laptop.focal() as s:
        repo = ReportRepository(s.db)
        have = {rid for rid in expected.review if _exists(repo, rid)}
        assert have == expected.review, f"round {round_number}: review items missing for ben"
        ben_red = {i.title for i in BulletinService(s.db, s.user.id).items() if i.tlp == "RED"}
    with laptop.officer() as s:
        service = ReportService(s.db, s.user, s.audit)
        statuses = {rid: str(service.get(rid).status) for rid in expected.decided_for_ana}
        ana_red = {i.title for i in BulletinService(s.db, s.user.id).items() if i.tlp == "RED"}
    acted = {rid: st for rid, st in statuses.items() if st in ("approved", "returned", "sent",
                                                               "acknowledged")}  # fmt: skip
    assert set(acted) == set(expected.decided_for_ana), f"round {round_number}: decisions missing"
    assert all(
        (st == "returned") == (expected.decided_for_ana[rid] == "returned")
        for rid, st in acted.items()
    )
    assert ana_red == expected.red_for["ana"], f"round {round_number}"
    assert ben_red == expected.red_for["ben"], f"round {round_number}"


def _exists(repo: ReportRepository, report_id: str) -> bool:
    try:
        repo.get(report_id)
    except NotFound:
        return False
    return True
