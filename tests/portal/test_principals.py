"""Who is who on the portal: a principal id belongs to one person of one agency, for good.

Certificates travel to every client, so every principal id is public: each test here is an
attempt to take someone's id (and with it their decisions and TLP:RED items), performed
against the running portal, with a count of what the portal stored or handed out.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa

from portal.clock import now_seconds
from portal.registry import issue_code, publish
from portal.tables import audit_log, certificates, enrolment_codes, principals, revocations
from sync.protocol import generate_private_key
from tests.portal.conftest import RunningPortal
from tests.portal.portal_client import User, enrol, enrol_request

PROBLEM = "https://outpost.invalid/problems/"


def slug(response: object) -> str:
    body = response.json()  # type: ignore[attr-defined]
    return str(body["type"]).removeprefix(PROBLEM)


def certificate_count(portal: RunningPortal) -> int:
    with portal.db.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(certificates)).scalar_one())


def code_spent(portal: RunningPortal, code: str) -> bool:
    from portal.registry import hash_code

    with portal.db.read() as conn:
        used = conn.execute(
            sa.select(enrolment_codes.c.used_at).where(
                enrolment_codes.c.code_hash == hash_code(code)
            )
        ).scalar_one()
    return used is not None


def audited(portal: RunningPortal, action: str, actor: str) -> int:
    with portal.db.read() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count()).where(
                    audit_log.c.action == action, audit_log.c.actor == actor
                )
            ).scalar_one()
        )


def kinds_for(user: User) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    for item in user.feed_all():
        out.setdefault(str(item["kind"]), []).append(item)
    return out


def test_an_id_held_in_another_member_state_cannot_be_claimed(portal: RunningPortal) -> None:
    tha, mys = portal.new_agency("THA"), portal.new_agency("MYS")
    ana = portal.enrol(tha, "officer", f"ana-{uuid.uuid4().hex[:8]}")
    code = portal.code(mys, "officer")
    before = certificate_count(portal)
    claim = enrol_request(portal.url, code, ana.user_id, generate_private_key())
    assert (claim.status_code, slug(claim)) == (409, "principal-taken")
    assert certificate_count(portal) == before
    assert not code_spent(portal, code)  # the attacker's own code still works for a new id
    assert audited(portal, "enrol.refuse", ana.user_id) == 1
    with portal.db.read() as conn:
        owner = conn.execute(
            sa.select(principals.c.agency).where(principals.c.principal_id == ana.user_id)
        ).scalar_one()
    assert owner == tha


def test_a_colleague_cannot_take_an_existing_id_with_a_fresh_code(portal: RunningPortal) -> None:
    agency = portal.new_agency()
    ana = portal.enrol(agency, "officer", f"ana-{uuid.uuid4().hex[:8]}")
    code = portal.code(agency, "ofp")
    claim = enrol_request(portal.url, code, ana.user_id, generate_private_key())
    assert (claim.status_code, slug(claim)) == (409, "principal-taken")
    assert not code_spent(portal, code)
    # A code the operator issued for exactly this principal gives them a key on a new device.
    for_ana = issue_code(
        portal.db, agency=agency, role="officer", ttl_seconds=600, now=now_seconds(),
        principal=ana.user_id,
    )
    second = enrol(portal.url, for_ana, ana.user_id)
    assert second.user_id == ana.user_id and second.certificate.key_id != ana.certificate.key_id
    # ... and nobody else can spend it.
    other = issue_code(
        portal.db, agency=agency, role="officer", ttl_seconds=600, now=now_seconds(),
        principal=ana.user_id,
    )
    stolen = enrol_request(portal.url, other, str(uuid.uuid4()), generate_private_key())
    assert (stolen.status_code, slug(stolen)) == (409, "enrolment-code-mismatch")
    assert not code_spent(portal, other)


def test_two_people_named_ana_each_see_only_their_own_items(portal: RunningPortal) -> None:
    tha, mys = portal.new_agency("THA"), portal.new_agency("MYS")
    ana_tha = enrol(portal.url, portal.code(tha, "officer"), str(uuid.uuid4()), display_name="ana")
    ana_mys = enrol(portal.url, portal.code(mys, "officer"), str(uuid.uuid4()), display_name="ana")
    ofp_tha = portal.enrol(tha, "ofp", str(uuid.uuid4()))
    ofp_mys = portal.enrol(mys, "ofp", str(uuid.uuid4()))
    decided: dict[str, str] = {}
    decided_submissions: dict[str, set[str]] = {}
    for author, ofp in ((ana_tha, ofp_tha), (ana_mys, ofp_mys)):
        submission = author.submission()
        approval = ofp.approval(submission, tlp="AMBER+STRICT", releasable_to=(), agencies=())
        results = author.push([submission.to_json()]).json()["results"]
        assert results[0]["status"] == "stored"
        assert ofp.push([approval.to_json()]).json()["results"][0]["status"] == "stored"
        decided[author.user_id] = approval.hash
        decided_submissions[author.user_id] = {submission.hash}
    # A RED alert for THA's ana only, and a report released as RED to her only.
    publish(
        portal.db,
        {"kind": "alert", "title": "for ana", "body": "x", "tlp": "RED",
         "recipients": [ana_tha.user_id]},
        now=now_seconds(),
    )  # fmt: skip
    ben = portal.enrol(tha, "officer", str(uuid.uuid4()))
    red = ben.submission()
    assert ben.push([red.to_json()]).json()["results"][0]["status"] == "stored"
    red_approval = ofp_tha.approval(red, tlp="RED", releasable_to=(), recipients=(ana_tha.user_id,))
    assert ofp_tha.push([red_approval.to_json()]).json()["results"][0]["status"] == "stored"
    for who in (ana_tha, ana_mys, ofp_mys, ben):
        seen = kinds_for(who)
        decisions = [d["payload"]["envelope"]["sig"] for d in seen.get("decision", [])]
        # Each author receives the decision on their own report; a reviewer of another
        # member state receives none.
        assert len(decisions) == (0 if who is ofp_mys else 1), who.user_id
        alerts = [a for a in seen.get("alert", []) if a["payload"]["title"] == "for ana"]
        releases = [
            r for r in seen.get("release", [])
            if r["payload"]["submission"]["body"]["report_id"] == str(red.body.report_id)
        ]  # fmt: skip
        expected = 1 if who is ana_tha else 0
        assert (len(alerts), len(releases)) == (expected, expected), who.user_id
    for author in (ana_tha, ana_mys):
        (decision,) = kinds_for(author)["decision"]
        assert decision["payload"]["envelope"]["body"]["submission"] in (
            decided_submissions[author.user_id]
        )


def test_the_principal_replaces_its_own_key_with_one_signed_request(
    portal: RunningPortal,
) -> None:
    agency = portal.new_agency()
    ana = portal.enrol(agency, "officer", str(uuid.uuid4()))
    # Unsigned, the same id is refused (anyone can read it off a certificate) ...
    assert slug(enrol_request(portal.url, portal.code(agency, "ofp"), ana.user_id,
                              generate_private_key())) == "principal-taken"  # fmt: skip
    # ... signed by the principal's current key, the new key is certified and the old one
    # revoked in the same transaction.
    replaced = enrol(portal.url, portal.code(agency, "ofp"), ana.user_id, signed_by=ana, role="ofp")
    assert (replaced.user_id, replaced.certificate.role) == (ana.user_id, "ofp")
    with portal.db.read() as conn:
        revoked = conn.execute(
            sa.select(revocations.c.reason).where(
                revocations.c.key_id == ana.certificate.key_id
            )
        ).scalar_one()
        role = conn.execute(
            sa.select(principals.c.role).where(principals.c.principal_id == ana.user_id)
        ).scalar_one()
    assert replaced.certificate.key_id in revoked and role == "ofp"
    assert ana.feed().status_code == 401  # the old key is done
    assert replaced.feed().status_code == 200
    # Another principal's key cannot sign a replacement for ana.
    eve = portal.enrol(agency, "officer", str(uuid.uuid4()))
    theft = enrol_request(portal.url, portal.code(agency, "officer"), ana.user_id,
                          generate_private_key(), signed_by=eve)  # fmt: skip
    assert (theft.status_code, slug(theft)) == (409, "principal-taken")


def test_a_code_of_another_role_is_refused_before_it_is_spent(portal: RunningPortal) -> None:
    agency = portal.new_agency()
    code = portal.code(agency, "officer")
    user_id = str(uuid.uuid4())
    before = certificate_count(portal)
    wrong = enrol_request(portal.url, code, user_id, generate_private_key(), role="ofp",
                          agency=agency)  # fmt: skip
    assert (wrong.status_code, slug(wrong)) == (409, "enrolment-code-mismatch")
    assert wrong.json()["code_role"] == "officer"
    other_agency = enrol_request(portal.url, code, user_id, generate_private_key(),
                                 role="officer", agency="ZZ-OTHER")  # fmt: skip
    assert slug(other_agency) == "enrolment-code-mismatch"
    assert certificate_count(portal) == before and not code_spent(portal, code)
    # The same code still enrols the person it was meant for.
    assert enrol(portal.url, code, user_id, role="officer", agency=agency).user_id == user_id
