"""A client installation connected to a real portal: provisioned, both users enrolled."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from support import FAST_KDF, PASSPHRASE, sample

from app.domain import Role
from app.identity import install_portal_certificate, signing_key
from app.paths import DataPaths
from app.portal_clock import PortalClock
from app.provisioning import apply_provisioning, parse_provisioning
from app.reports import AttachmentInput, ReportService
from app.session import NewUser, Session, initialise, unlock
from app.workflow import ReleaseSettings, Workflow
from services.portal import portal_client
from sync.protocol import b64url_encode, public_key_raw
from tests.portal_server import PortalServer

FOCAL = "ben"
OFFICER = "ana"
RELEASE = ReleaseSettings("AMBER", False, "MOU-TEST-1", ("MYS",), tlp_reason="test fixture")


def provisioning_doc(portal: PortalServer, agency: str, url: str | None = None) -> bytes:
    """The agency's provisioning file as `outpost-portal admin provisioning` writes it:
    signed with the portal key."""
    from portal.provisioning import sign_provisioning

    keys = portal.keys
    document: dict[str, object] = {
        "v": 1,
        "portal_url": url or portal.url,
        "portal_id": keys.portal_id,
        "portal_key_id": keys.key_id,
        "portal_public_key": b64url_encode(keys.public_key),
        "portal_x25519_public_key": b64url_encode(keys.exchange_public_key),
        "portal_certificate": keys.certificate.to_json(),
        "agency": agency,
        "member_state": "KEN",
    }
    return json.dumps(sign_provisioning(document, keys)).encode()


def enrol(session: Session, portal: PortalServer, role: str) -> None:
    code = portal.code(session.user.agency, role)
    with portal_client(session, signed=False) as client:
        PortalClock(session.db).learn(client.hello().clock_offset, "enrolment")
        answer = client.enrol(
            code,
            session.user.id,
            public_key_raw(signing_key(session.db, session.user)),
            role=session.user.role,
            agency=session.user.agency,
            display_name=session.user.name,
        )
    install_portal_certificate(session.db, session.user, session.audit, answer.certificate)


@dataclass
class Post:
    """One border post's installation, connected to the portal."""

    paths: DataPaths
    agency: str

    def officer(self) -> Session:
        return unlock(self.paths, OFFICER, PASSPHRASE)

    def focal(self) -> Session:
        return unlock(self.paths, FOCAL, PASSPHRASE)


def connected_post(
    root: Path, portal: PortalServer, url: str | None = None, agency: str | None = None
) -> Post:
    agency = agency or portal.new_agency()
    paths = DataPaths(root)
    prov = parse_provisioning(provisioning_doc(portal, agency, url))
    with initialise(paths, NewUser(OFFICER, Role.OFFICER, agency), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser(FOCAL, Role.OFP, agency), PASSPHRASE)
        apply_provisioning(s.db, s.audit, s.user.id, prov)
        enrol(s, portal, "officer")
    with unlock(paths, FOCAL, PASSPHRASE) as s:
        enrol(s, portal, "ofp")
    return Post(paths, agency)


def approved_reports(
    post: Post, n: int, seed: int = 61, attachment: bytes | None = None, narrative: int = 0
) -> list[str]:
    """n reports written and submitted by the officer and approved by the focal point; with
    `narrative`, each narrative gains that many characters no compressor can shrink."""
    ids = []
    with post.officer() as s:
        service = ReportService(s.db, s.user, s.audit)
        flow = Workflow(s.db, s.user, s.audit)
        for i in range(n):
            files = [AttachmentInput(f"doc{i}.jpg", "image/jpeg", attachment)] if attachment else []
            report = sample(seed, i)
            if narrative:
                report["narrative"] += " " + os.urandom(narrative // 2).hex()
            report_id = service.create_draft(report, files).report_id
            flow.submit(report_id)
            ids.append(report_id)
    with post.focal() as s:
        flow = Workflow(s.db, s.user, s.audit)
        for report_id in ids:
            flow.approve(report_id, RELEASE)
    return ids
