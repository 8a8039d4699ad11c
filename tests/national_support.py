"""A real portal with three agencies in two member states (issue 14 item 1): a Thai post
(officer and OFP), a Thai NFP in another agency of the same state, and a Malaysian officer.
Used by tests/sync/test_national_release.py and the NFP's GUI tests (tests/ui)."""

from __future__ import annotations

from pathlib import Path

from support import FAST_KDF as FAST
from support import PASSPHRASE, sample
from sync_support import connected_post, enrol, provisioning_doc

from app.bulletins import BulletinService
from app.domain import Role
from app.paths import DataPaths
from app.provisioning import apply_provisioning, parse_provisioning
from app.reports import ReportService
from app.session import NewUser, Session, initialise, unlock
from app.workflow import ReleaseSettings, Workflow
from services.sync_session import sync_engine
from tests.portal_server import PortalServer

NFP_NAME = "nok"
MYS_NAME = "aziz"
TO_MALAYSIA = ReleaseSettings("AMBER", False, "MOU-1", ("MYS",))


def device(root: Path, portal: PortalServer, agency: str, name: str, role: str) -> DataPaths:
    paths = DataPaths(root)
    prov = parse_provisioning(provisioning_doc(portal, agency))
    with initialise(paths, NewUser(name, Role(role), agency), PASSPHRASE, kdf=FAST) as s:
        apply_provisioning(s.db, s.audit, s.user.id, prov)
        enrol(s, portal, role)
    return paths


def sync_pass(s: Session) -> None:
    summary = sync_engine(s).run_pass()
    assert summary.error is None, summary.error


def received(s: Session) -> list[str]:
    return [i.kind for i in BulletinService(s.db, s.user.id).items(kind="release")]


class World:
    def __init__(self, root: Path, portal: PortalServer) -> None:
        self.post = connected_post(root / "tha-post", portal, agency=portal.new_agency("THA"))
        # The NFP sits in another agency of the same state (the national authority).
        self.nfp = device(root / "tha-nfp", portal, portal.new_agency("THA"), NFP_NAME, "nfp")
        self.mys_agency = portal.new_agency("MYS")
        self.mys = device(root / "mys", portal, self.mys_agency, MYS_NAME, "officer")

    def approved_for_malaysia(self) -> str:
        with self.post.officer() as s:
            report_id = ReportService(s.db, s.user, s.audit).create_draft(sample(14, 1)).report_id
            Workflow(s.db, s.user, s.audit).submit(report_id)
            sync_pass(s)
        with self.post.focal() as s:
            Workflow(s.db, s.user, s.audit).approve(report_id, TO_MALAYSIA)
            sync_pass(s)
        return report_id

    def nfp_session(self) -> Session:
        return unlock(self.nfp, NFP_NAME, PASSPHRASE)

    def mys_session(self) -> Session:
        return unlock(self.mys, MYS_NAME, PASSPHRASE)
