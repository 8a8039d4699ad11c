"""TAXII 2.1 on the portal (issue 17, item 4), read with the unmodified taxii2-client.

The client signs its requests through requests' ordinary auth hook (protocol.md 5.1); the
portal answers per principal with the feed's own release rule.
"""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest
import requests
from requests.exceptions import HTTPError
from stix2validator import ValidationOptions, validate_instance
from taxii2client.v21 import Collection, Server, as_pages

from portal.clock import now_seconds
from portal.feed_items import Grant
from portal.registry import create_agency
from portal.taxii import collection_id
from sync.http_signatures import sign_request
from tests.portal.conftest import RunningPortal
from tests.portal.portal_client import User

DATA = Path(__file__).parent.parent / "data" / "products" / "released.json"


class Signed(requests.auth.AuthBase):
    """RFC 9421 signature of one enrolled user, added to each request taxii2-client sends."""

    def __init__(self, user: User) -> None:
        self.user = user

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        body = request.body if isinstance(request.body, bytes) else b""
        request.headers.update(
            sign_request(
                method=str(request.method),
                url=str(request.url),
                body=body,
                private_key=self.user.key,
                created=int(time.time()),
            )
        )
        return request


def _report(n: int) -> dict[str, object]:
    report: dict[str, object] = json.loads(DATA.read_text())["released"][n]["report"]
    return report


def _release(portal: RunningPortal, officer: User, ofp: User, n: int, **release: object) -> str:
    submission = officer.submission(_report(n))
    assert officer.push([submission.to_json()]).json()["results"][0]["status"] == "stored"
    approval = ofp.approval(submission, **release)  # type: ignore[arg-type]
    (result,) = ofp.push([approval.to_json()]).json()["results"]
    assert result["status"] == "stored", result
    return str(submission.body.report_id)


def _report_ids(objects: list[dict[str, object]]) -> list[str]:
    return [str(o["outpost_report_id"]) for o in objects if o["type"] == "report"]


@pytest.fixture
def world(portal: RunningPortal) -> dict[str, object]:
    origin, reader_agency, other = (
        portal.new_agency("THA"),
        portal.new_agency("THA"),
        portal.new_agency("MYS"),
    )
    officer = portal.enrol(origin, "officer", str(uuid.uuid4()))
    ofp = portal.enrol(origin, "ofp", str(uuid.uuid4()))
    reader = portal.enrol(reader_agency, "officer", str(uuid.uuid4()))
    ids = {
        "state": _release(portal, officer, ofp, 0, tlp="GREEN", releasable_to=("THA",)),
        "agency": _release(
            portal, officer, ofp, 1, tlp="AMBER+STRICT", releasable_to=(), agencies=(reader_agency,)
        ),
        "elsewhere": _release(portal, officer, ofp, 2, tlp="AMBER", releasable_to=("MYS",)),
        "other-agency": _release(
            portal, officer, ofp, 3, tlp="AMBER+STRICT", releasable_to=(), agencies=(other,)
        ),
    }
    return {"reader": reader, "ids": ids, "officer": officer, "ofp": ofp}


def test_collections_are_the_callers_audiences_and_hold_exactly_their_releases(
    portal: RunningPortal, world: dict[str, object]
) -> None:
    reader: User = world["reader"]  # type: ignore[assignment]
    ids: dict[str, str] = world["ids"]  # type: ignore[assignment]
    server = Server(portal.url + "/taxii2/", auth=Signed(reader))
    (root,) = server.api_roots
    titles = {c.title: c for c in root.collections}
    assert sorted(titles) == sorted(
        [
            "Everyone on the portal",
            "Member state THA",
            f"Agency {reader.agency}",
            f"Released to me {reader.user_id}",
        ]
    )
    state = _report_ids(titles["Member state THA"].get_objects()["objects"])
    agency = _report_ids(titles[f"Agency {reader.agency}"].get_objects()["objects"])
    assert ids["state"] in state and ids["agency"] == agency[-1]
    seen = set(state) | set(agency)
    for collection in titles.values():
        seen |= set(_report_ids(collection.get_objects().get("objects", [])))
    assert ids["elsewhere"] not in seen and ids["other-agency"] not in seen
    for obj in titles[f"Agency {reader.agency}"].get_objects()["objects"]:
        result = validate_instance(obj, ValidationOptions(version="2.1"))
        assert result.is_valid, [str(e) for e in result.errors]


def test_403_for_a_collection_the_caller_may_not_read(
    portal: RunningPortal, world: dict[str, object]
) -> None:
    reader: User = world["reader"]  # type: ignore[assignment]
    root = portal.url + "/taxii2/api/collections/"
    for grant in (Grant("state", "MYS"), Grant("agency", "AG-9999"), Grant("ofp", reader.agency)):
        with pytest.raises(HTTPError) as refused:
            Collection(root + collection_id(grant) + "/", auth=Signed(reader)).get_objects()
        assert refused.value.response.status_code == 403


def test_unsigned_requests_are_refused(portal: RunningPortal) -> None:
    response = requests.get(portal.url + "/taxii2/api/collections/", timeout=10)
    assert response.status_code == 401


def test_pages_through_objects_with_added_after(
    portal: RunningPortal, world: dict[str, object]
) -> None:
    reader: User = world["reader"]  # type: ignore[assignment]
    officer: User = world["officer"]  # type: ignore[assignment]
    ofp: User = world["ofp"]  # type: ignore[assignment]
    (root,) = Server(portal.url + "/taxii2/", auth=Signed(reader)).api_roots
    state = next(c for c in root.collections if c.title == "Member state THA")
    before = state.get_manifest()
    last_added = max(o["date_added"] for o in before["objects"])
    time.sleep(1.1)  # date_added has whole seconds
    later = [_release(portal, officer, ofp, n, tlp="GREEN", releasable_to=("THA",)) for n in (0, 3)]
    pages = list(as_pages(state.get_objects, per_request=4, added_after=last_added))
    assert len(pages) > 2 and all(len(p["objects"]) <= 4 for p in pages)
    assert [p["more"] for p in pages] == [True] * (len(pages) - 1) + [False]
    objects = [o for p in pages for o in p["objects"]]
    assert _report_ids(objects) == later
    whole = state.get_objects(added_after=last_added)["objects"]
    assert objects == whole


def test_a_third_party_organisation_sees_only_releases_open_to_third_parties(
    portal: RunningPortal, world: dict[str, object]
) -> None:
    officer: User = world["officer"]  # type: ignore[assignment]
    ofp: User = world["ofp"]  # type: ignore[assignment]
    ids: dict[str, str] = world["ids"]  # type: ignore[assignment]
    partner = f"TP-{uuid.uuid4().hex[:6].upper()}"
    create_agency(
        portal.db,
        code=partner,
        member_state="THA",
        name=partner,
        now=now_seconds(),
        third_party=True,
    )
    reader = portal.enrol(partner, "officer", str(uuid.uuid4()))
    open_one = _release(
        portal, officer, ofp, 0, tlp="GREEN", releasable_to=("THA",), third_party=True
    )
    (root,) = Server(portal.url + "/taxii2/", auth=Signed(reader)).api_roots
    state = next(c for c in root.collections if c.title == "Member state THA")
    seen = _report_ids(
        [o for p in as_pages(state.get_objects, per_request=500) for o in p["objects"]]
    )
    assert open_one in seen
    assert ids["state"] not in seen  # GREEN to THA, closed to third parties
