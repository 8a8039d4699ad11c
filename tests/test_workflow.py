"""The signed workflow: submit, approve with release settings, return, revise; every
forbidden transition refused with a clear message and nothing written."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from support import AGENCY, FAST_KDF, PASSPHRASE, certify, sample

from app.clock import utc_now
from app.domain import Role
from app.errors import InvalidInput, NotAllowed
from app.identity import LocalKeyResolver
from app.paths import DataPaths
from app.reports import ReportService
from app.session import NewUser, Session, initialise, unlock
from app.validation import ReportValidationError
from app.workflow import ReleaseSettings, Workflow
from storage.envelopes_repo import EnvelopeRepository
from storage.outbox_repo import OutboxRepository
from sync.protocol import verify

FOCAL_PASS = "focal point passphrase"
RELEASE = ReleaseSettings(
    tlp="AMBER", third_party=False, legal_basis="MOU-THA-MYS-2019", releasable_to=("MYS", "KHM")
)


@pytest.fixture
def installation(paths: DataPaths) -> DataPaths:
    with initialise(paths, NewUser("officer", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF) as s:
        s.add_user(NewUser("focal", Role.OFP, AGENCY), FOCAL_PASS)
        s.add_user(NewUser("other.focal", Role.OFP, "MYS-IMM"), FOCAL_PASS)
        s.add_user(NewUser("national", Role.NFP, "THA-POL"), FOCAL_PASS)
        certify(s.db, s.audit)
    return paths


def _as(paths: DataPaths, name: str) -> Session:
    return unlock(paths, name, PASSPHRASE if name == "officer" else FOCAL_PASS)


@pytest.fixture
def officer(installation: DataPaths) -> Iterator[Session]:
    with _as(installation, "officer") as s:
        yield s


def _draft(s: Session, i: int = 0, tlp: str = "AMBER") -> str:
    report = sample(31, i)
    report["handling"]["tlp"] = tlp
    return ReportService(s.db, s.user, s.audit).create_draft(report).report_id


def _state(s: Session) -> tuple[object, ...]:
    """Everything a refused action must leave untouched."""
    return (
        s.db.execute("SELECT * FROM reports ORDER BY rowid"),
        s.db.execute("SELECT * FROM envelopes ORDER BY hash"),
        s.db.execute("SELECT * FROM outbox ORDER BY id"),
        s.db.execute("SELECT count(*) FROM audit_log"),
    )


def test_submit_signs_and_queues_in_one_step(officer: Session) -> None:
    report_id = _draft(officer)
    view = Workflow(officer.db, officer.user, officer.audit).submit(report_id)
    assert view.status == "queued" and view.record.submission_hash
    stored = EnvelopeRepository(officer.db).get(view.record.submission_hash)
    verified = verify(
        stored.body,
        keys=LocalKeyResolver(officer.db),
        now=utc_now(),
        expected_type="submission",
        allow_self_signed=True,
    )
    assert verified.body.report == view.report and verified.body.author == officer.user.id
    kinds = [(o.kind, o.state) for o in OutboxRepository(officer.db).items()]
    assert ("submission", "pending") in kinds
    assert [r.action for r in officer.audit.recent(2)] == ["report.submitted", "report.created"]


def test_incomplete_draft_cannot_be_submitted(officer: Session) -> None:
    service = ReportService(officer.db, officer.user, officer.audit)
    report_id = service.create_draft({"kind": "document_fraud"}).report_id
    before = _state(officer)
    with pytest.raises(ReportValidationError) as info:
        Workflow(officer.db, officer.user, officer.audit).submit(report_id)
    paths = {e.path for e in info.value.errors}
    assert {"observed_at", "crossing_point", "narrative"} <= paths
    assert _state(officer) == before


def test_approve_with_release_then_history(installation: DataPaths) -> None:
    with _as(installation, "officer") as s:
        report_id = _draft(s)
        Workflow(s.db, s.user, s.audit).submit(report_id)
    with _as(installation, "focal") as s:
        flow = Workflow(s.db, s.user, s.audit)
        queue = flow.review_queue()
        assert [v.report_id for v in queue] == [report_id]
        assert flow.can_decide(queue[0]) == (True, "")
        view = flow.approve(report_id, RELEASE, "Good grading.")
        assert view.status == "approved"
        approval = next(
            e for e in EnvelopeRepository(s.db).of_report(report_id) if e.type == "approval"
        )
        verified = verify(
            approval.body,
            keys=LocalKeyResolver(s.db),
            now=utc_now(),
            expected_type="approval",
            allow_self_signed=True,
        )
        assert verified.body.release is not None
        assert verified.body.release.releasable_to == ("KHM", "MYS")  # sorted, signed form
        assert verified.body.submission == view.record.submission_hash
        assert s.audit.verify().ok


def test_forbidden_transitions_write_nothing(installation: DataPaths) -> None:
    with _as(installation, "officer") as s:
        report_id = _draft(s)
        flow = Workflow(s.db, s.user, s.audit)
        flow.submit(report_id)
        before = _state(s)
        with pytest.raises(NotAllowed, match="Only focal points"):
            flow.approve(report_id, RELEASE)  # an officer approves
        with pytest.raises(NotAllowed, match="can no longer change"):
            ReportService(s.db, s.user, s.audit).update_draft(report_id, sample(31, 0))
        with pytest.raises(NotAllowed, match="waiting for review"):
            flow.submit(report_id)  # submit twice
        assert _state(s) == before

    with _as(installation, "focal") as s:
        own = _draft(s, 1)
        flow = Workflow(s.db, s.user, s.audit)
        flow.submit(own)
        before = _state(s)
        with pytest.raises(NotAllowed, match="four eyes"):
            flow.approve(own, RELEASE)  # approve own report
        with pytest.raises(NotAllowed, match="four eyes"):
            flow.return_to_author(own, "fix it")
        assert flow.can_decide(ReportService(s.db, s.user).get(own))[0] is False
        assert _state(s) == before

        flow.approve(report_id, RELEASE)
        before = _state(s)
        with pytest.raises(NotAllowed, match="already been approved"):
            flow.approve(report_id, RELEASE)  # approve twice
        with pytest.raises(NotAllowed, match="already been approved"):
            flow.return_to_author(report_id, "too late")
        assert _state(s) == before

    with _as(installation, "other.focal") as s:  # focal point of another agency
        before = _state(s)
        with pytest.raises(NotAllowed, match="outside your review area"):
            Workflow(s.db, s.user, s.audit).approve(own, RELEASE)
        assert _state(s) == before


def test_returned_report_cannot_be_approved(installation: DataPaths) -> None:
    with _as(installation, "officer") as s:
        report_id = _draft(s)
        Workflow(s.db, s.user, s.audit).submit(report_id)
    with _as(installation, "focal") as s:
        flow = Workflow(s.db, s.user, s.audit)
        with pytest.raises(InvalidInput, match="comment"):
            flow.return_to_author(report_id, "  ")
        flow.return_to_author(report_id, "Source grading missing detail.")
        before = _state(s)
        with pytest.raises(NotAllowed, match="returned"):
            flow.approve(report_id, RELEASE)
        assert _state(s) == before


def test_release_rules(installation: DataPaths) -> None:
    with _as(installation, "officer") as s:
        report_id = _draft(s, tlp="AMBER+STRICT")
        Workflow(s.db, s.user, s.audit).submit(report_id)
    with _as(installation, "focal") as s:
        flow = Workflow(s.db, s.user, s.audit)
        before = _state(s)
        looser = ReleaseSettings(tlp="GREEN", third_party=True, legal_basis="MOU-1")
        with pytest.raises(NotAllowed, match="loosens"):
            flow.approve(report_id, looser)
        with pytest.raises(InvalidInput, match="legal basis"):
            flow.approve(report_id, ReleaseSettings(tlp="RED", third_party=False, legal_basis=""))
        with pytest.raises(InvalidInput, match=r"TLP 2\.0"):
            flow.approve(
                report_id, ReleaseSettings(tlp="PINK", third_party=False, legal_basis="MOU-1")
            )
        with pytest.raises(InvalidInput, match="ZZZ"):
            flow.approve(
                report_id,
                ReleaseSettings(
                    tlp="RED", third_party=False, legal_basis="MOU-1", releasable_to=("ZZZ",)
                ),
            )
        assert _state(s) == before
        reasoned = ReleaseSettings(
            tlp="GREEN",
            third_party=False,
            legal_basis="MOU-1",
            tlp_reason="Already public in the press",
        )
        assert flow.approve(report_id, reasoned).status == "approved"


def test_national_focal_point_reviews_across_agencies_of_the_state(
    installation: DataPaths,
) -> None:
    with _as(installation, "officer") as s:
        report_id = _draft(s)
        Workflow(s.db, s.user, s.audit).submit(report_id)
    with _as(installation, "national") as s:  # NFP of THA-POL, report from THA-IMM
        assert Workflow(s.db, s.user, s.audit).approve(report_id, RELEASE).status == "approved"


def test_return_edit_resubmit_keeps_and_links_both_versions(installation: DataPaths) -> None:
    with _as(installation, "officer") as s:
        report_id = _draft(s)
        first = Workflow(s.db, s.user, s.audit).submit(report_id)
    with _as(installation, "focal") as s:
        Workflow(s.db, s.user, s.audit).return_to_author(report_id, "Add the route.")
    with _as(installation, "officer") as s:
        service = ReportService(s.db, s.user, s.audit)
        assert service.get(report_id).status == "returned"
        corrected = dict(first.report, narrative=first.report["narrative"] + " Route added.")
        draft = service.update_draft(report_id, corrected)
        assert (draft.status, draft.record.version) == ("draft", 2)
        assert draft.record.supersedes == first.record.submission_hash
        second = Workflow(s.db, s.user, s.audit).submit(report_id)
        versions = service.versions(report_id)
        assert [(v.record.version, v.status) for v in versions] == [(1, "returned"), (2, "queued")]
        assert versions[0].report == first.report  # the signed first version is untouched
        stored = EnvelopeRepository(s.db).get(second.record.submission_hash or "")
        body = json.loads(stored.body)["body"]
        assert body["supersedes"] == first.record.submission_hash
        assert body["report_version"] == 2
        assert [v.report_id for v in service.list_page()] == [report_id]  # newest version only
    with _as(installation, "focal") as s:
        assert Workflow(s.db, s.user, s.audit).approve(report_id, RELEASE).record.version == 2
        assert s.audit.verify().ok


def test_tampered_stored_report_cannot_be_approved(installation: DataPaths) -> None:
    with _as(installation, "officer") as s:
        report_id = _draft(s)
        Workflow(s.db, s.user, s.audit).submit(report_id)
        s.db.execute(
            "UPDATE report_payloads SET payload = replace(payload, 'SYNTHETIC', 'EDITED') "
            "WHERE report_rowid IN (SELECT rowid FROM reports WHERE report_id=?)",
            (report_id,),
        )
    with _as(installation, "focal") as s:
        before = _state(s)
        with pytest.raises(NotAllowed, match="differs from what its author signed"):
            Workflow(s.db, s.user, s.audit).approve(report_id, RELEASE)
        assert _state(s) == before


def test_a_returned_report_cannot_be_resubmitted_unchanged(installation: DataPaths) -> None:
    """Issue 12 item 10: resubmitting the returned content unchanged is refused with what
    to do, and writes nothing; any change lets it through."""
    with _as(installation, "officer") as s:
        report_id = _draft(s)
        first = Workflow(s.db, s.user, s.audit).submit(report_id)
    with _as(installation, "focal") as s:
        Workflow(s.db, s.user, s.audit).return_to_author(report_id, "Add the route.")
    with _as(installation, "officer") as s:
        service, workflow = ReportService(s.db, s.user, s.audit), Workflow(s.db, s.user, s.audit)
        draft = service.update_draft(report_id, first.report)  # saved again, same content
        assert draft.record.version == 2
        before = _state(s)
        for attempt in (workflow.prepare_submission, workflow.submit):
            with pytest.raises(InvalidInput, match="Nothing has changed since this report was"):
                attempt(report_id)
        assert _state(s) == before
        service.update_draft(report_id, dict(first.report, narrative="Route added."))
        assert workflow.submit(report_id).record.version == 2
