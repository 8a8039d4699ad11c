"""The main flows over real HTTP: hello, enrolment, push, receipts, idempotency, feed."""

from __future__ import annotations

import threading
import time
from typing import Any

import requests
import sqlalchemy as sa

from portal import audit
from portal.tables import dissemination, envelopes
from sync.protocol import (
    Certificate,
    Envelope,
    MemoryKeyResolver,
    b64url_decode,
    check_receipt_matches,
    key_id,
    verify,
)
from tests.portal.conftest import RunningPortal, Team
from tests.portal.portal_client import User, enrol, wire

PROBLEM = "https://outpost.invalid/problems/"


def stored_count(portal: RunningPortal, envelope_hash: str) -> int:
    with portal.db.read() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count()).where(envelopes.c.hash == envelope_hash)
            ).scalar_one()
        )


def verify_receipt(portal: RunningPortal, receipt: dict[str, Any], envelope: Envelope[Any]) -> int:
    hello = requests.get(portal.url + "/v1/hello", timeout=10).json()
    portal_key = b64url_decode(hello["keys"]["ed25519"]["public_key"])
    resolver = MemoryKeyResolver.of(
        [Certificate.from_json(hello["certificate"])], anchors=[portal_key]
    )
    verified = verify(receipt, keys=resolver, now=verified_now(), expected_type="receipt")
    check_receipt_matches(verified, envelope)
    return verified.body.portal_seq


def verified_now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_hello_advertises_time_limits_and_keys(portal: RunningPortal) -> None:
    response = requests.get(portal.url + "/v1/hello", timeout=10)
    assert response.status_code == 200
    hello = response.json()
    assert abs(hello["server_time_unix"] - time.time()) < 5
    assert hello["protocol_version"] == 1
    assert hello["limits"]["max_batch"] == 50
    assert hello["limits"]["max_body_bytes"] == 256 * 1024
    raw = b64url_decode(hello["keys"]["ed25519"]["public_key"], size=32)
    assert hello["keys"]["ed25519"]["key_id"] == key_id(raw) == portal.keys.key_id
    assert len(b64url_decode(hello["keys"]["x25519"]["public_key"])) == 32


def test_openapi_document_is_served(portal: RunningPortal) -> None:
    document = requests.get(portal.url + "/v1/openapi.json", timeout=10).json()
    assert document["openapi"].startswith("3.")
    assert {"/v1/hello", "/v1/enrol", "/v1/envelopes", "/v1/feed"} <= set(document["paths"])


def test_enrolment_certifies_the_key_for_the_codes_agency_and_role(
    portal: RunningPortal, team: Team
) -> None:
    cert = team.ofp.certificate
    assert (cert.agency, cert.role, cert.issuer) == (team.agency, "ofp", portal.keys.key_id)
    assert cert.signed_by(portal.keys.public_key)


def test_an_enrolment_code_works_once(portal: RunningPortal) -> None:
    agency = portal.new_agency()
    code = portal.code(agency, "officer")
    enrol(portal.url, code, "first.user")
    response = requests.post(
        portal.url + "/v1/enrol",
        json={"code": code, "public_key": "A" * 43, "user_id": "second.user"},
        timeout=10,
    )
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == PROBLEM + "used-enrolment-code"


def test_expired_and_unknown_codes_are_refused(portal: RunningPortal) -> None:
    agency = portal.new_agency()
    expired = portal.code(agency, "officer", ttl=1)
    time.sleep(1.1)
    for code, problem in ((expired, "expired-enrolment-code"), ("NOPE", "invalid-enrolment-code")):
        response = requests.post(
            portal.url + "/v1/enrol",
            json={"code": code, "public_key": "A" * 43, "user_id": "some.user"},
            timeout=10,
        )
        assert response.json()["type"] == PROBLEM + problem


def test_submission_and_approval_are_stored_with_verifiable_receipts(
    portal: RunningPortal, team: Team
) -> None:
    submission = team.officer.submission()
    response = team.officer.push([submission.to_json()])
    assert response.status_code == 200, response.text
    (result,) = response.json()["results"]
    assert result["status"] == "stored"
    seq1 = verify_receipt(portal, result["receipt"], submission)

    approval = team.ofp.approval(submission)
    (result,) = team.ofp.push([approval.to_json()]).json()["results"]
    assert result["status"] == "stored", result
    assert verify_receipt(portal, result["receipt"], approval) > seq1


def test_a_repeat_returns_the_identical_receipt(portal: RunningPortal, team: Team) -> None:
    submission = team.officer.submission().to_json()
    first = team.officer.push([submission], encoding="gzip").json()["results"][0]
    again = team.officer.push([submission]).json()["results"][0]
    assert (first["status"], again["status"]) == ("stored", "duplicate")
    assert again["receipt"] == first["receipt"]
    assert stored_count(portal, first["hash"]) == 1


def test_one_batch_may_carry_a_submission_its_approval_and_a_repeat(
    portal: RunningPortal, team: Team
) -> None:
    """The OFP relays the officer's submission with the decision on it (one link, one
    request): the approval sees the submission stored just before it in the same batch."""
    submission = team.officer.submission()
    approval = team.ofp.approval(submission)
    batch = [submission.to_json(), approval.to_json(), submission.to_json()]
    results = team.ofp.push(batch).json()["results"]
    assert [r["status"] for r in results] == ["stored", "stored", "duplicate"]
    assert results[2]["receipt"] == results[0]["receipt"]
    first = verify_receipt(portal, results[0]["receipt"], submission)
    assert verify_receipt(portal, results[1]["receipt"], approval) == first + 1
    assert stored_count(portal, submission.hash) == 1
    decisions = [i for i in team.officer.feed_all() if i["kind"] == "decision"]
    assert [d["payload"]["envelope"]["body"]["submission"] for d in decisions] == [
        submission.hash
    ]
    with portal.db.read() as conn:
        assert audit.verify_chain(conn) is None


def test_same_report_version_with_another_hash_is_a_conflict(
    portal: RunningPortal, team: Team
) -> None:
    first = team.officer.submission()
    other = team.officer.submission(
        {"kind": "other", "narrative": "changed"}, report_id=first.body.report_id
    )
    results = team.officer.push([first.to_json(), other.to_json()]).json()["results"]
    assert [r["status"] for r in results] == ["stored", "rejected"]
    assert results[1]["problem"]["type"] == PROBLEM + "envelope-conflict"
    assert stored_count(portal, other.hash) == 0


def test_one_bad_item_does_not_fail_the_batch(portal: RunningPortal, team: Team) -> None:
    good = team.officer.submission()
    tampered = wire(team.officer.submission())
    tampered["body"]["report"]["narrative"] = "edited after signing"
    results = team.officer.push([tampered, good.to_json()]).json()["results"]
    assert results[0]["status"] == "rejected"
    assert results[0]["problem"]["type"] == PROBLEM + "bad-signature"
    assert stored_count(portal, results[0]["hash"]) == 0
    assert results[1]["status"] == "stored"


def test_self_approval_is_refused(portal: RunningPortal, team: Team) -> None:
    own = team.ofp.submission()
    approval = team.ofp.approval(own)
    results = team.ofp.push([own.to_json(), approval.to_json()]).json()["results"]
    assert results[0]["status"] == "stored"
    assert results[1]["problem"]["type"] == PROBLEM + "four-eyes-violation"
    assert stored_count(portal, approval.hash) == 0


def test_approval_of_an_unknown_submission_is_refused(portal: RunningPortal, team: Team) -> None:
    never_sent = team.officer.submission()
    (result,) = team.ofp.push([team.ofp.approval(never_sent).to_json()]).json()["results"]
    assert result["problem"]["type"] == PROBLEM + "unknown-submission"


def test_another_agencys_ofp_cannot_decide(portal: RunningPortal, team: Team) -> None:
    other_agency = portal.new_agency()
    outsider = portal.enrol(other_agency, "ofp", "ofp.outsider." + other_agency.lower())
    submission = team.officer.submission()
    team.officer.push([submission.to_json()])
    (result,) = outsider.push([outsider.approval(submission).to_json()]).json()["results"]
    assert result["problem"]["type"] == PROBLEM + "wrong-agency"


def test_envelopes_of_another_agency_are_refused(portal: RunningPortal, team: Team) -> None:
    other_agency = portal.new_agency()
    stranger = portal.enrol(other_agency, "officer", "officer.x." + other_agency.lower())
    envelope = stranger.submission()
    (result,) = team.officer.push([envelope.to_json()]).json()["results"]
    assert result["problem"]["type"] == PROBLEM + "wrong-agency"
    assert stored_count(portal, envelope.hash) == 0


def test_concurrent_pushes_of_one_envelope_store_it_once(portal: RunningPortal, team: Team) -> None:
    envelope = team.officer.submission().to_json()
    second_device = User(portal.url, team.officer.key, team.officer.certificate)
    barrier = threading.Barrier(2)
    results: list[dict[str, Any]] = []

    def push(user: User) -> None:
        barrier.wait()
        results.append(user.push([envelope]).json()["results"][0])

    threads = [threading.Thread(target=push, args=(u,)) for u in (team.officer, second_device)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r["status"] for r in results) == ["duplicate", "stored"]
    assert results[0]["receipt"] == results[1]["receipt"]
    assert stored_count(portal, results[0]["hash"]) == 1


def test_feeds_show_review_items_to_the_ofp_and_decisions_to_the_author(
    portal: RunningPortal, team: Team
) -> None:
    submission = team.officer.submission()
    team.officer.push([submission.to_json()])
    review = [i for i in team.ofp.feed_all() if i["kind"] == "review_item"]
    assert [i["payload"]["envelope"]["sig"] for i in review] == [submission.to_json()["sig"]]
    assert not [i for i in team.officer.feed_all() if i["kind"] == "review_item"]

    team.ofp.push([team.ofp.approval(submission).to_json()])
    decisions = [i for i in team.officer.feed_all() if i["kind"] == "decision"]
    assert len(decisions) == 1
    assert decisions[0]["payload"]["envelope"]["body"]["submission"] == submission.hash
    with portal.db.read() as conn:
        delivered = conn.execute(
            sa.select(dissemination.c.user_id).where(
                dissemination.c.user_id == team.officer.user_id
            )
        ).all()
    assert delivered


def test_the_feed_cursor_moves_forward(portal: RunningPortal, team: Team) -> None:
    for _ in range(3):
        team.officer.push([team.officer.submission().to_json()])
    first = team.ofp.feed(limit=2).json()
    assert len(first["items"]) == 2 and first["more"]
    seen = [i["id"] for i in first["items"]]
    cursor = first["cursor"]
    # Every enrolment of the session adds a certificate item for everyone: walk to the end.
    while True:
        page = team.ofp.feed(cursor, limit=50).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["cursor"]
        if not page["more"]:
            break
    assert len(seen) == len(set(seen))
    final = team.ofp.feed(cursor).json()
    assert final["items"] == [] and final["more"] is False


def test_audit_chain_verifies(portal: RunningPortal, team: Team) -> None:
    team.officer.push([team.officer.submission().to_json()])
    with portal.db.read() as conn:
        assert audit.verify_chain(conn) is None
