"""Release levels over the running portal: an OFP's approval reaches its own member state's
part of the audience and the state's NFPs; other member states receive the report only
after the NFP of the originating state signs a national release, unless the state's
national rule (set with `outpost-portal admin national-rule`) lets its OFPs release directly.

Two member states (THA, MYS), three agencies (two Thai, one Malaysian), and what each
principal's feed holds about the report is counted after every step.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pytest

from portal import cli
from portal.national_rules import list_rules
from tests.portal.conftest import RunningPortal
from tests.portal.portal_client import User


@dataclass
class World:
    author: User  # THA origin agency
    ofp: User  # THA origin agency
    tha_colleague: User  # officer of the other Thai agency
    tha_nfp: User  # NFP of THA (in the other Thai agency)
    mys_officer: User
    mys_ofp: User
    mys_nfp: User
    mys_agency: str


@pytest.fixture
def world(portal: RunningPortal) -> World:
    origin, tha_other, mys = (
        portal.new_agency("THA"),
        portal.new_agency("THA"),
        portal.new_agency("MYS"),
    )

    def person(agency: str, role: str) -> User:
        return portal.enrol(agency, role, str(uuid.uuid4()))

    return World(
        author=person(origin, "officer"),
        ofp=person(origin, "ofp"),
        tha_colleague=person(tha_other, "officer"),
        tha_nfp=person(tha_other, "nfp"),
        mys_officer=person(mys, "officer"),
        mys_ofp=person(mys, "ofp"),
        mys_nfp=person(mys, "nfp"),
        mys_agency=mys,
    )


def _set_rule(portal: RunningPortal, state: str, who: str) -> None:
    args = [
        "admin",
        "national-rule",
        "--data",
        str(portal.data_dir),
        "--db",
        portal.db.engine.url.render_as_string(hide_password=False),
    ]
    assert cli.main([*args, state, "--releases-beyond", who]) == 0


def _holds(user: User, report_id: str) -> Counter[str]:
    """Feed item kinds about `report_id` this principal's feed holds."""
    kinds: Counter[str] = Counter()
    for item in user.feed_all():
        if _report_of(item) == report_id:
            kinds[item["kind"]] += 1
    return kinds


def _report_of(item: dict[str, Any]) -> str | None:
    payload = item["payload"]
    if "submission" in payload:
        return str(payload["submission"]["body"]["report_id"])
    envelope = payload.get("envelope")
    if isinstance(envelope, dict) and "report_id" in envelope.get("body", {}):
        return str(envelope["body"]["report_id"])
    return None


def _everyone(world: World) -> dict[str, User]:
    return {
        "author": world.author,
        "ofp": world.ofp,
        "tha colleague": world.tha_colleague,
        "tha nfp": world.tha_nfp,
        "mys officer": world.mys_officer,
        "mys ofp": world.mys_ofp,
        "mys nfp": world.mys_nfp,
    }


def _counts(world: World, report_id: str) -> dict[str, dict[str, int]]:
    return {name: dict(_holds(u, report_id)) for name, u in _everyone(world).items()}


def _push_one(user: User, envelope: Any) -> dict[str, Any]:
    (result,) = user.push([envelope.to_json()]).json()["results"]
    return dict(result)


def _slug(result: dict[str, Any]) -> str:
    return str(result["problem"]["type"]).rsplit("/", 1)[-1]


def test_other_states_receive_only_after_the_nfp_releases(
    portal: RunningPortal, world: World
) -> None:
    _set_rule(portal, "THA", "nfp")
    submission = world.author.submission()
    report_id = str(submission.body.report_id)
    assert _push_one(world.author, submission)["status"] == "stored"
    approval = world.ofp.approval(submission, tlp="GREEN", releasable_to=("MYS", "THA"))
    assert _push_one(world.ofp, approval)["status"] == "stored"

    # The OFP's level: Thailand's part of the audience, and the Thai NFP's review queue.
    assert _counts(world, report_id) == {
        "author": {"decision": 1, "release": 1},
        "ofp": {"review_item": 1, "release": 1},
        "tha colleague": {"release": 1},
        "tha nfp": {"review_item": 1, "release": 1, "national_review": 1},
        "mys officer": {},
        "mys ofp": {},
        "mys nfp": {},
    }

    # Who may not take the second decision, and what it may not do.
    wrong_state = world.mys_nfp.national_release(approval, tlp="GREEN", releasable_to=("MYS",))
    assert _slug(_push_one(world.mys_nfp, wrong_state)) == "wrong-agency"
    by_ofp = world.ofp.national_release(approval, tlp="GREEN", releasable_to=("MYS",))
    assert _slug(_push_one(world.ofp, by_ofp)) == "wrong-role"
    looser = world.tha_nfp.national_release(approval, tlp="CLEAR", releasable_to=())
    assert _slug(_push_one(world.tha_nfp, looser)) == "release-refused"
    third = world.tha_nfp.national_release(
        approval, tlp="GREEN", releasable_to=("MYS",), third_party=True
    )
    assert _slug(_push_one(world.tha_nfp, third)) == "release-refused"
    assert _counts(world, report_id)["mys officer"] == {}

    # The NFP releases (tightening GREEN to AMBER): now Malaysia receives it, once.
    national = world.tha_nfp.national_release(approval, tlp="AMBER", releasable_to=("MYS", "THA"))
    result = _push_one(world.tha_nfp, national)
    assert result["status"] == "stored", result
    assert result["receipt"]["body"]["envelope_type"] == "national_release"
    assert _counts(world, report_id) == {
        "author": {"decision": 1, "release": 1},
        "ofp": {"review_item": 1, "release": 1, "national_decision": 1},
        "tha colleague": {"release": 1},  # reached at the OFP's level: not sent twice
        "tha nfp": {"review_item": 1, "release": 1, "national_review": 1, "national_decision": 1},
        "mys officer": {"release": 1},
        "mys ofp": {"release": 1},
        "mys nfp": {"release": 1},
    }
    (received,) = [i for i in world.mys_officer.feed_all() if i["kind"] == "release"]
    assert received["tlp"] == "AMBER"
    chain = received["payload"]
    assert chain["approval"]["sig"] == approval.to_json()["sig"]
    assert chain["national"]["body"]["approval"] == approval.hash
    assert chain["submission"]["body"]["report_id"] == report_id

    # One national decision per approval.
    again = world.tha_nfp.national_release(
        approval, tlp="RED", releasable_to=(), recipients=(world.mys_ofp.user_id,)
    )
    assert _slug(_push_one(world.tha_nfp, again)) == "envelope-conflict"


def test_a_declined_release_stays_in_the_state(portal: RunningPortal, world: World) -> None:
    _set_rule(portal, "THA", "nfp")
    submission = world.author.submission()
    report_id = str(submission.body.report_id)
    _push_one(world.author, submission)
    approval = world.ofp.approval(submission, tlp="AMBER", releasable_to=("MYS",))
    assert _push_one(world.ofp, approval)["status"] == "stored"
    decline = world.tha_nfp.national_release(approval, decline=True)
    assert _push_one(world.tha_nfp, decline)["status"] == "stored"
    counts = _counts(world, report_id)
    assert counts["mys officer"] == counts["mys nfp"] == {}
    assert counts["tha nfp"] == {"review_item": 1, "national_review": 1, "national_decision": 1}
    assert counts["ofp"] == {"review_item": 1, "national_decision": 1}


def test_a_state_whose_rule_lets_the_ofp_release_reaches_others_at_once(
    portal: RunningPortal, world: World
) -> None:
    _set_rule(portal, "THA", "ofp")
    try:
        with portal.db.read() as conn:
            assert {r.member_state: r.ofp_releases for r in list_rules(conn)}["THA"] is True
        rules = world.mys_officer.send(world.mys_officer.prepare("GET", "/v1/directory"))
        assert {"member_state": "THA", "ofp_releases": True} in rules.json()["national_rules"]
        submission = world.author.submission()
        report_id = str(submission.body.report_id)
        _push_one(world.author, submission)
        approval = world.ofp.approval(submission, tlp="AMBER", releasable_to=("MYS",))
        assert _push_one(world.ofp, approval)["status"] == "stored"
        counts = _counts(world, report_id)
        assert counts["mys officer"] == {"release": 1}
        assert counts["tha colleague"] == {}  # AMBER to MYS only
        assert "national_review" not in counts["tha nfp"]
    finally:
        _set_rule(portal, "THA", "nfp")


def test_an_nfp_approval_is_the_national_decision(portal: RunningPortal, world: World) -> None:
    _set_rule(portal, "THA", "nfp")
    submission = world.author.submission()
    report_id = str(submission.body.report_id)
    _push_one(world.author, submission)
    approval = world.tha_nfp.approval(submission, tlp="AMBER", releasable_to=("MYS",))
    assert _push_one(world.tha_nfp, approval)["status"] == "stored"
    assert _counts(world, report_id)["mys officer"] == {"release": 1}
    # ... and there is nothing left for a national release to decide.
    national = world.tha_nfp.national_release(approval, tlp="AMBER", releasable_to=("MYS",))
    assert _slug(_push_one(world.tha_nfp, national)) == "release-refused"
