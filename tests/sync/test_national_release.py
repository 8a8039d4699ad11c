"""The national level of a release, client side (issue 14 item 1; docs/protocol.md 3.8).

A Thai report approved by its OFP for Malaysia waits for a Thai NFP: the NFP's client shows
it in the national queue, signs the national decision, and only then does the Malaysian
officer's client receive it, with the whole chain verified. Real portal, three agencies in
two member states, every client a real installation.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import PASSPHRASE, ok_cli, run_cli

from app.bulletins import BulletinService
from app.dissemination import DisseminationRegister
from app.errors import InvalidInput, NotAllowed
from app.history import report_history
from app.national import NationalReview
from app.workflow import ReleaseSettings, Workflow
from storage.errors import NotFound
from storage.outbox_repo import OutboxRepository
from tests.national_support import NFP_NAME, World, received, sync_pass
from tests.portal_server import PortalServer, running_portal


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[PortalServer]:
    with running_portal(tmp_path / "portal") as portal:  # its own: queues are per state
        yield portal


@pytest.fixture
def world(tmp_path: Path, portal: PortalServer) -> World:
    return World(tmp_path, portal)


def test_malaysia_receives_a_thai_report_only_after_the_thai_nfp_releases_it(
    world: World,
) -> None:
    report_id = world.approved_for_malaysia()
    with world.mys_session() as s:
        sync_pass(s)
        assert received(s) == []  # the OFP's approval alone does not leave Thailand
    with world.nfp_session() as s:
        sync_pass(s)
        review = NationalReview(s.db, s.user, s.audit)
        (item,) = review.queue()
        assert item.report_id == report_id and item.release.releasable_to == ("MYS",)
        assert item.release.tlp == "AMBER" and item.report["narrative"]
        # The report left the NFP's agency-level queue: its OFP has decided.
        assert Workflow(s.db, s.user, s.audit).review_queue() == []
        review.release(report_id, comment="fits the MOU")
        assert review.queue() == []
        sync_pass(s)
        assert {o.kind: o.state for o in OutboxRepository(s.db).items()} == {
            "national_release": "delivered"
        }
        entries = DisseminationRegister(s.db, s.audit).entries(report_id)
        assert [(e.method, e.tlp) for e in entries] == [("portal", "AMBER")]
        assert "MYS" in entries[0].recipient
        actions = [h.action for h in report_history(s.db, report_id)]
        assert actions[-2:] == ["released nationally", "acknowledged"]
        assert all(h.valid for h in report_history(s.db, report_id))
    with world.mys_session() as s:
        sync_pass(s)
        assert received(s) == ["release"]
    with world.post.focal() as s:  # the OFP learns the national decision
        sync_pass(s)
        actions = [h.action for h in report_history(s.db, report_id)]
        assert "released nationally" in actions


def test_a_declined_release_stays_in_the_country_and_leaves_the_queue(world: World) -> None:
    report_id = world.approved_for_malaysia()
    with world.nfp_session() as s:
        sync_pass(s)
        review = NationalReview(s.db, s.user, s.audit)
        with pytest.raises(Exception, match="Say why"):
            review.decline(report_id, "  ")
        review.decline(report_id, "the source is not cleared for sharing")
        assert review.queue() == []
        with pytest.raises(NotFound, match="No national decision waits"):
            review.release(report_id)
        sync_pass(s)
        assert DisseminationRegister(s.db, s.audit).entries(report_id) == []
    with world.mys_session() as s:
        sync_pass(s)
        assert received(s) == []
    with world.post.focal() as s:
        sync_pass(s)
        assert "kept in country" in [h.action for h in report_history(s.db, report_id)]


def test_the_nfp_may_tighten_but_never_loosen_and_an_ofp_may_not_decide(
    world: World,
) -> None:
    report_id = world.approved_for_malaysia()
    with world.nfp_session() as s:
        sync_pass(s)
        review = NationalReview(s.db, s.user, s.audit)
        looser = ReleaseSettings("GREEN", False, "MOU-1", ("MYS",), tlp_reason="why not")
        with pytest.raises(NotAllowed, match="never loosened downstream"):
            review.release(report_id, looser)
        third = ReleaseSettings("AMBER", True, "MOU-1", ("MYS",))
        with pytest.raises(NotAllowed, match="third parties out"):
            review.release(report_id, third)
        assert OutboxRepository(s.db).items() == []  # nothing was signed or queued
        stricter = ReleaseSettings("AMBER+STRICT", False, "MOU-1", agencies=(world.mys_agency,))
        review.release(report_id, stricter)
        sync_pass(s)
    with world.mys_session() as s:
        sync_pass(s)
        (received,) = BulletinService(s.db, s.user.id).items(kind="release")
        assert received.tlp == "AMBER+STRICT"  # the national decision's label, not the OFP's
    with world.post.focal() as s, pytest.raises(NotFound):  # an OFP has no national queue
        NationalReview(s.db, s.user, s.audit).release(report_id)


def test_the_nfp_decides_from_the_command_line(
    world: World, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    report_id = world.approved_for_malaysia()
    with world.nfp_session() as s:
        sync_pass(s)
    monkeypatch.setenv("OUTPOST_DATA_DIR", str(world.nfp.root))
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASSPHRASE)
    listed = json.loads(ok_cli(capsys, "review", "national", "--json"))
    assert [(r["id"], r["tlp"], r["release_to"]) for r in listed] == [(report_id, "AMBER", ["MYS"])]
    code, _out, err = run_cli(
        capsys, "review", "national-release", report_id[:8], "--tlp", "GREEN",
        "--no-third-party", "--legal-basis", "MOU-1", "--release-to", "MYS",
    )  # fmt: skip
    assert code != 0 and "never loosened" in err
    code, _out, err = run_cli(capsys, "review", "national-release", report_id[:8], "--decline")
    assert code != 0 and "--comment" in err
    out = ok_cli(capsys, "review", "national-release", report_id[:8], "--comment", "MOU holds")
    assert report_id[:8] in out and "released beyond the country" in out
    assert "No OFP approval waits" in ok_cli(capsys, "review", "national")
    with world.nfp_session() as s:
        assert [o.kind for o in OutboxRepository(s.db).items()] == ["national_release"]


def test_the_confirmation_says_what_a_national_decision_signs_before_it_is_signed(
    world: World,
) -> None:
    """What the NFP's form confirms (prepare_release / prepare_decline): the label, the
    audience in words and the signer; a looser label, third parties let in or a decline
    without a comment are refused before any confirmation, and nothing is signed."""
    report_id = world.approved_for_malaysia()
    with world.nfp_session() as s:
        sync_pass(s)
        review = NationalReview(s.db, s.user, s.audit)
        (item,) = review.queue()
        assert any("Malaysia (MYS)" in line for line in review.ofp_audience(item))
        looser = ReleaseSettings("GREEN", False, "MOU-1", ("MYS",))
        with pytest.raises(NotAllowed, match="never loosened downstream"):
            review.prepare_release(report_id, looser)
        with pytest.raises(NotAllowed, match="third parties out"):
            review.prepare_release(report_id, ReleaseSettings("AMBER", True, "MOU-1", ("MYS",)))
        with pytest.raises(InvalidInput, match="Say why"):
            review.prepare_decline(report_id, " ")
        stricter = ReleaseSettings("AMBER+STRICT", False, "MOU-2", agencies=(world.mys_agency,))
        summary, chosen = review.prepare_release(report_id, stricter, " fits ")
        assert chosen == stricter
        assert (summary.action, summary.tlp, summary.legal_basis) == (
            "national_release", "AMBER+STRICT", "MOU-2",
        )  # fmt: skip
        assert summary.third_party is False and summary.comment == "fits"
        assert any(world.mys_agency in line for line in summary.audience)
        assert summary.signer.name == NFP_NAME
        kept, _same = review.prepare_release(report_id)
        assert kept.tlp == "AMBER" and _same is None
        declined = review.prepare_decline(report_id, "source not cleared")
        assert declined.action == "national_decline" and declined.comment == "source not cleared"
        assert any("stays in the country" in line for line in declined.audience)
        assert OutboxRepository(s.db).items() == [] and len(review.queue()) == 1
