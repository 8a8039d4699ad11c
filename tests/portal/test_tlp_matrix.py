"""The TLP 2.0 release rule over the running portal: every label × audience × third-party
flag is approved by a focal point, and a reader from each kind of agency pulls the feed.

Readers: another agency of the originating member state, two agencies of a named member
state, an agency of a member state nobody named, a named principal there, a colleague of
that principal, and a third-party organisation. What each one receives must be exactly what
sync.protocol.tlp says; the hand-written table below pins the rule itself.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field

import pytest
import sqlalchemy as sa

from portal.clock import now_seconds
from portal.national_rules import set_rule
from portal.registry import create_agency
from portal.tables import feed_items
from sync.protocol.tlp import ReaderFacts, ReleaseRefused, may_receive, release_audience
from tests.portal.conftest import RunningPortal
from tests.portal.portal_client import User

LABELS = ("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")


@dataclass
class Reader:
    kind: str
    user: User
    state: str
    third_party: bool = False
    cursor: str | None = None
    releases: set[str] = field(default_factory=set)  # report ids received as releases

    def pull(self) -> None:
        while True:
            page = self.user.feed(self.cursor).json()
            self.cursor = page["cursor"]
            for item in page["items"]:
                if item["kind"] == "release":
                    self.releases.add(item["payload"]["submission"]["body"]["report_id"])
            if not page["more"]:
                return

    @property
    def facts(self) -> ReaderFacts:
        return ReaderFacts(self.user.user_id, self.user.agency, self.state, self.third_party)


@dataclass
class World:
    officer: User
    ofp: User
    readers: dict[str, Reader]
    agencies: dict[str, str]  # role in the test -> agency code


def _agency(portal: RunningPortal, state: str, *, third_party: bool = False) -> str:
    code = f"{state}-{uuid.uuid4().hex[:6].upper()}"
    create_agency(
        portal.db, code=code, member_state=state, name=code, now=now_seconds(),
        third_party=third_party,
    )  # fmt: skip
    return code


@pytest.fixture
def world(portal: RunningPortal) -> World:
    # The TLP rule alone: Thailand's OFPs release beyond the state themselves (the national
    # level, where the NFP releases, is tests/portal/test_release_levels.py).
    set_rule(portal.db, "THA", ofp_releases=True, now=now_seconds())
    origin = _agency(portal, "THA")
    agencies = {
        "same state": _agency(portal, "THA"),
        "named state A": _agency(portal, "MYS"),
        "named state B": _agency(portal, "MYS"),
        "unnamed state": _agency(portal, "KHM"),
        "third party": _agency(portal, "CHE", third_party=True),
    }
    states = {"same state": "THA", "named state A": "MYS", "named state B": "MYS",
              "unnamed state": "KHM", "third party": "CHE"}  # fmt: skip
    readers = {
        kind: Reader(kind, portal.enrol(code, "officer", str(uuid.uuid4())), states[kind],
                     third_party=kind == "third party")
        for kind, code in agencies.items()
    }  # fmt: skip
    readers["named principal"] = Reader(
        "named principal",
        portal.enrol(agencies["unnamed state"], "officer", str(uuid.uuid4())),
        "KHM",
    )
    readers["third-party principal"] = Reader(
        "third-party principal",
        portal.enrol(agencies["third party"], "ofp", str(uuid.uuid4())),
        "CHE",
        third_party=True,
    )
    for reader in readers.values():
        reader.pull()  # start after everything older
    return World(
        portal.enrol(origin, "officer", str(uuid.uuid4())),
        portal.enrol(origin, "ofp", str(uuid.uuid4())),
        readers,
        agencies,
    )


# Audiences an approver can name: (member states, agencies by test role, principals).
AUDIENCES = {
    "nobody": ((), (), ()),
    "a state": (("MYS",), (), ()),
    "an agency": ((), ("named state A",), ()),
    "a state and an agency": (("MYS",), ("unnamed state",), ()),
    "a principal": ((), (), ("named principal",)),
    "a third-party agency": ((), ("third party",), ()),
    "a third-party principal": ((), (), ("third-party principal",)),
}


def _push_case(world: World, tlp: str, audience: str, third_party: bool) -> tuple[str, dict]:
    states, agency_roles, principal_roles = AUDIENCES[audience]
    agencies = tuple(sorted(world.agencies[a] for a in agency_roles))
    recipients = tuple(sorted(world.readers[p].user.user_id for p in principal_roles))
    submission = world.officer.submission()
    assert world.officer.push([submission.to_json()]).json()["results"][0]["status"] == "stored"
    approval = world.ofp.approval(
        submission, tlp=tlp, releasable_to=states, agencies=agencies, recipients=recipients,
        third_party=third_party,
    )  # fmt: skip
    (result,) = world.ofp.push([approval.to_json()]).json()["results"]
    return str(submission.body.report_id), result


def _expected(world: World, tlp: str, audience: str, third_party: bool) -> set[str] | None:
    """Reader kinds that receive it, or None if the portal must refuse the approval."""
    states, agency_roles, principal_roles = AUDIENCES[audience]
    try:
        rule = release_audience(
            tlp,
            states=states,
            agencies=[world.agencies[a] for a in agency_roles],
            recipients=[world.readers[p].user.user_id for p in principal_roles],
            third_party=third_party,
        )
    except ReleaseRefused:
        return None
    names_third_party = "third party" in agency_roles or "third-party principal" in principal_roles
    if names_third_party and not rule.third_parties:
        return None  # naming a third party while forbidding third parties: refused too
    return {kind for kind, r in world.readers.items() if may_receive(rule, r.facts)}


CASES = list(itertools.product(LABELS, AUDIENCES, (False, True)))


def test_every_label_audience_and_third_party_flag_reaches_exactly_its_readers(
    portal: RunningPortal, world: World
) -> None:
    outcomes: dict[tuple[str, str, bool], set[str] | None] = {}
    for tlp, audience, third_party in CASES:
        before = _release_rows(portal)
        report_id, result = _push_case(world, tlp, audience, third_party)
        expected = _expected(world, tlp, audience, third_party)
        for reader in world.readers.values():
            reader.pull()
        received = {k for k, r in world.readers.items() if report_id in r.releases}
        if expected is None:
            assert result["status"] == "rejected", (tlp, audience, third_party, result)
            assert result["problem"]["type"].endswith("/release-refused")
            assert _release_rows(portal) == before  # a refused release stores nothing
            outcomes[(tlp, audience, third_party)] = None
        else:
            assert result["status"] == "stored", (tlp, audience, third_party, result)
            assert received == expected, (tlp, audience, third_party)
            outcomes[(tlp, audience, third_party)] = received
    _check_the_rule_itself(outcomes)


def _release_rows(portal: RunningPortal) -> int:
    with portal.db.read() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count()).where(feed_items.c.kind == "release")
            ).scalar_one()
        )


ALL = {"same state", "named state A", "named state B", "unnamed state", "third party",
       "named principal", "third-party principal"}  # fmt: skip

# The rule as a person reads it in docs/protocol.md §3.7, for the cases that matter most.
PINNED: dict[tuple[str, str, bool], set[str] | None] = {
    ("CLEAR", "nobody", False): ALL,  # public, third parties included
    ("CLEAR", "a state", False): None,  # CLEAR names no one: choose GREEN or AMBER
    ("GREEN", "nobody", False): set(),  # stays in the agency
    ("GREEN", "a state", False): {"named state A", "named state B"},
    ("GREEN", "a state and an agency", True): {
        "named state A", "named state B", "unnamed state", "named principal"
    },
    ("AMBER", "a state", False): {"named state A", "named state B"},
    ("AMBER", "a principal", False): None,  # people are named only with RED
    ("AMBER", "a third-party agency", False): None,  # third parties forbidden but named
    ("AMBER", "a third-party agency", True): {"third party", "third-party principal"},
    ("AMBER+STRICT", "a state", False): None,  # never a whole state: name the agencies
    ("AMBER+STRICT", "an agency", False): {"named state A"},
    ("AMBER+STRICT", "a state and an agency", False): None,
    ("RED", "nobody", False): None,  # RED needs named recipients
    ("RED", "a state", False): None,
    ("RED", "an agency", False): None,
    ("RED", "a principal", False): {"named principal"},  # not their colleague
    ("RED", "a principal", True): {"named principal"},
    ("RED", "a third-party principal", True): {"third-party principal"},
}


def _check_the_rule_itself(outcomes: dict[tuple[str, str, bool], set[str] | None]) -> None:
    wrong = {case: outcomes[case] for case, want in PINNED.items() if outcomes[case] != want}
    assert wrong == {}
    # Whatever the label, a member state nobody named never receives it unless CLEAR.
    for (tlp, audience, _), got in outcomes.items():
        if got is not None and tlp != "CLEAR" and audience in ("a state", "an agency"):
            assert "unnamed state" not in got and "named principal" not in got
