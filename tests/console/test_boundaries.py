"""A session of one agency or state cannot see or act on another's people and devices by
editing ids in URLs or form fields, and a role cannot use another role's pages. Each
attempt is made against the running portal, and what the portal stored is counted."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

import pytest
import sqlalchemy as sa

from portal.tables import enrolment_codes, principals, revocations
from sync.protocol import generate_private_key, key_id_of
from sync.transport import PortalClient
from tests.console.conftest import activate_with_passphrase, console_url, passphrase_operator
from tests.console.http_client import ConsoleClient
from tests.portal_server import PortalServer


@dataclass
class World:
    operator: ConsoleClient
    nfp_ken: ConsoleClient
    nfp_uga: ConsoleClient
    ofp_a: ConsoleClient  # KEN-A
    ofp_b: ConsoleClient  # KEN-B
    key_b: str  # a device of KEN-B


def new_account(
    creator: ConsoleClient, page: str, agency: str, account_id: str, portal: PortalServer
) -> ConsoleClient:
    """`creator` creates a passphrase account on `page`; its owner activates it."""
    creator.get(page)
    created = creator.post(
        page,
        {
            "agency": agency,
            "principal_id": account_id,
            "display_name": account_id.title(),
            "method": "passphrase-totp",
        },
    )
    match = re.search(r'id="activation-code">([A-Z2-7-]+)<', created.text)
    assert match is not None, created.text
    person = ConsoleClient(console_url(portal))
    activate_with_passphrase(person, account_id, match.group(1))
    return person


@pytest.fixture(scope="module")
def world(portal: PortalServer) -> World:
    operator, _ = passphrase_operator(portal)
    operator.get("/operator/states")
    for state in ("KEN", "UGA"):
        operator.post("/operator/states", {"code": state})
    for agency, state in (("KEN-A", "KEN"), ("KEN-B", "KEN"), ("UGA-A", "UGA")):
        assert operator.post(
            "/operator/agencies", {"code": agency, "member_state": state, "name": agency}
        ).ok
    nfp_ken = new_account(operator, "/operator/nfps", "KEN-A", "nfp.ken", portal)
    nfp_uga = new_account(operator, "/operator/nfps", "UGA-A", "nfp.uga", portal)
    ofp_a = new_account(nfp_ken, "/people", "KEN-A", "ofp.a", portal)
    ofp_b = new_account(nfp_ken, "/people", "KEN-B", "ofp.b", portal)
    # A desktop of KEN-B enrols with a code its OFP issued at the console.
    ofp_b.get("/devices")
    page = ofp_b.post("/devices/code", {"role": "officer", "hours": "24"})
    code = re.search(r'id="enrolment-code">([A-Z2-7-]+)<', page.text)
    assert code is not None, page.text
    key = generate_private_key()
    with PortalClient(portal.url) as client:
        client.enrol(code.group(1), str(uuid.uuid4()), key)
    return World(operator, nfp_ken, nfp_uga, ofp_a, ofp_b, key_id_of(key))


def revoked(portal: PortalServer, key: str) -> bool:
    with portal.db.read() as conn:
        found = conn.execute(sa.select(revocations).where(revocations.c.key_id == key))
        return found.first() is not None


def test_an_ofp_cannot_see_or_revoke_another_agencys_device(
    world: World, portal: PortalServer
) -> None:
    assert world.key_b in world.ofp_b.get("/devices").text
    assert world.key_b not in world.ofp_a.get("/devices").text
    for intruder in (world.ofp_a, world.nfp_uga):
        intruder.get("/devices")
        answer = intruder.post(f"/devices/{world.key_b}/revoke", {"reason": "mine now"})
        assert answer.status_code == 404
    # A key id that does not exist is answered the same way: ids cannot be probed.
    world.ofp_a.get("/devices")
    unknown = world.ofp_a.post("/devices/ed25519:" + "0" * 32 + "/revoke", {"reason": "x"})
    assert unknown.status_code == 404 and unknown.text.count("not yours to see") == 1
    assert not revoked(portal, world.key_b)
    # Its own OFP can.
    world.ofp_b.get("/devices")
    assert world.ofp_b.post(f"/devices/{world.key_b}/revoke", {"reason": "lost"}).ok
    assert revoked(portal, world.key_b)


def test_an_nfp_cannot_add_people_to_another_state(world: World, portal: PortalServer) -> None:
    world.nfp_ken.get("/people")
    # The form lists only KEN's agencies; an edited field naming UGA's is refused.
    assert "UGA-A" not in world.nfp_ken.last.text  # type: ignore[union-attr]
    answer = world.nfp_ken.post(
        "/people",
        {
            "agency": "UGA-A",
            "principal_id": "ofp.smuggled",
            "display_name": "Smuggled",
            "method": "security-key",
        },
    )
    assert answer.status_code == 404
    with portal.db.read() as conn:
        row = conn.execute(sa.select(principals).where(principals.c.principal_id == "ofp.smuggled"))
        assert row.first() is None
    # Nor see them.
    listed = world.nfp_ken.get("/people").text
    assert "ofp.a" in listed and "ofp.b" in listed and "nfp.uga" not in listed
    assert "ofp.a" not in world.nfp_uga.get("/people").text


def test_an_ofp_cannot_issue_a_code_for_another_agencys_person(
    world: World, portal: PortalServer
) -> None:
    with portal.db.read() as conn:
        before = conn.execute(sa.select(sa.func.count()).select_from(enrolment_codes))
        count = before.scalar_one()
    world.ofp_a.get("/devices")
    answer = world.ofp_a.post(
        "/devices/code", {"role": "officer", "hours": "24", "principal_id": "ofp.b"}
    )
    assert answer.status_code == 404
    # Nor a role above its own, nor a validity not offered.
    for values in ({"role": "nfp", "hours": "24"}, {"role": "officer", "hours": "99999"}):
        world.ofp_a.get("/devices")
        assert world.ofp_a.post("/devices/code", values).status_code == 400
    with portal.db.read() as conn:
        after = conn.execute(sa.select(sa.func.count()).select_from(enrolment_codes))
        assert after.scalar_one() == count


@pytest.mark.parametrize(
    ("who", "method", "path"),
    [
        ("ofp_a", "GET", "/people"),
        ("ofp_a", "POST", "/people"),
        ("ofp_a", "GET", "/operator/nfps"),
        ("nfp_ken", "POST", "/operator/nfps"),
        ("nfp_ken", "GET", "/operator/audit"),
        ("nfp_ken", "GET", "/operator/keys"),
        ("operator", "GET", "/devices"),
    ],
)
def test_a_role_cannot_open_another_roles_pages(
    world: World, who: str, method: str, path: str
) -> None:
    client: ConsoleClient = getattr(world, who)
    client.get("/")
    answer = (
        client.get(path)
        if method == "GET"
        else client.post(
            path,
            {
                "agency": "KEN-A",
                "principal_id": f"x.{who}",
                "display_name": "X",
                "method": "security-key",
            },
        )
    )
    assert answer.status_code == 403
