"""Envelope and body format: round trips, hash definition and strict parsing."""

from __future__ import annotations

import copy
import hashlib
import uuid
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, cast

import pytest
import rfc8785

from sync.protocol import (
    ApprovalBody,
    Attachment,
    Envelope,
    MalformedEnvelope,
    ReceiptBody,
    Release,
    SubmissionBody,
    UnsupportedVersion,
    b64url_encode,
    sign_approval,
    sign_receipt,
    sign_submission,
)
from sync.protocol.canonical import MAX_DEPTH
from tests.protocol.pki import PKI, REPORT_ID, approval_body, receipt_body, submission_body

SUBMISSION = sign_submission(submission_body(), PKI.officer_key)
APPROVAL = sign_approval(approval_body(SUBMISSION.hash), PKI.ofp_key)
RECEIPT = sign_receipt(receipt_body(SUBMISSION.hash), PKI.portal_key)


@pytest.mark.parametrize("env", [SUBMISSION, APPROVAL, RECEIPT], ids=lambda e: e.type)
def test_round_trips(env: Envelope[Any]) -> None:
    data = env.to_json()
    assert set(data) == {"type", "v", "body", "key_id", "sig"}
    assert data["v"] == 1 and data["key_id"] == env.key_id
    assert Envelope.from_json(data) == env
    wire = env.to_bytes()
    assert wire == rfc8785.dumps(data)  # compact canonical wire form
    again = Envelope.from_bytes(wire)
    assert again == env and again.hash == env.hash and again.to_bytes() == wire


def test_signed_message_and_hash_definition() -> None:
    data = SUBMISSION.to_json()
    unsigned = {k: data[k] for k in ("type", "v", "body", "key_id")}
    message = b"outpost/submission/v1\n" + rfc8785.dumps(unsigned)
    assert SUBMISSION.signed_message == message
    assert SUBMISSION.hash == hashlib.sha256(message).hexdigest()
    # The hash does not depend on the signature bytes.
    assert Envelope(SUBMISSION.body, SUBMISSION.key_id, bytes(64)).hash == SUBMISSION.hash


def test_report_is_owned_by_the_body() -> None:
    report: dict[str, Any] = {"kind": "other", "tags": ["a"]}
    body = submission_body(report)
    report["tags"].append("b")
    assert body.report == {"kind": "other", "tags": ["a"]}
    out = body.to_json()
    cast(dict[str, Any], out["report"])["tags"].append("c")
    assert body.report == {"kind": "other", "tags": ["a"]}


def test_timestamps_are_utc_whole_seconds() -> None:
    east = timezone(timedelta(hours=3))
    body = SubmissionBody(
        report_id=REPORT_ID,
        report_version=1,
        supersedes=None,
        report={},
        attachments=(),
        author="u-1001",
        agency="KEN-DIS",
        created_at=datetime(2026, 2, 28, 13, 0, 0, 999_999, tzinfo=east),
    )
    assert body.created_at == datetime(2026, 2, 28, 10, 0, 0, tzinfo=UTC)
    assert body.to_json()["created_at"] == "2026-02-28T10:00:00Z"


def _mutated(env: Envelope[Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(env.to_json())
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


_DELETE = object()


@pytest.mark.parametrize(
    ("env", "path", "value", "message"),
    [
        (SUBMISSION, ("extra",), 1, "envelope: unknown field(s) 'extra'"),
        (SUBMISSION, ("sig",), _DELETE, "envelope: missing field(s) 'sig'"),
        (SUBMISSION, ("type",), "report", "envelope.type: expected one of"),
        (SUBMISSION, ("v",), "1", "envelope.v: expected an integer"),
        (SUBMISSION, ("v",), True, "envelope.v: expected an integer"),
        (SUBMISSION, ("key_id",), "ed25519:ABC", "envelope.key_id: expected"),
        (SUBMISSION, ("sig",), b64url_encode(bytes(63)), "envelope.sig: expected 64 bytes"),
        (SUBMISSION, ("sig",), b64url_encode(bytes(64)) + "=", "envelope.sig: not unpadded"),
        (SUBMISSION, ("body",), [], "envelope.body: expected a JSON object, got an array"),
        (SUBMISSION, ("body", "extra"), None, "envelope.body: unknown field(s) 'extra'"),
        (SUBMISSION, ("body", "author"), _DELETE, "envelope.body: missing field(s) 'author'"),
        (SUBMISSION, ("body", "report_id"), REPORT_ID.hex, "envelope.body.report_id: expected"),
        (
            SUBMISSION,
            ("body", "report_id"),
            str(REPORT_ID).upper(),
            "envelope.body.report_id: expected a lower-case hyphenated UUID",
        ),
        (SUBMISSION, ("body", "report_version"), 0, "envelope.body.report_version: expected"),
        (SUBMISSION, ("body", "report_version"), 1.0, "envelope.body.report_version: expected"),
        (SUBMISSION, ("body", "report_version"), 2, "envelope.body.supersedes: must be null"),
        (SUBMISSION, ("body", "supersedes"), "ab" * 32, "envelope.body.supersedes: must be"),
        (SUBMISSION, ("body", "report"), [], "envelope.body.report: expected a JSON object"),
        (SUBMISSION, ("body", "report", "x"), 2**53, "envelope.body.report.x: integer"),
        (SUBMISSION, ("body", "attachments"), {}, "envelope.body.attachments: expected an array"),
        (
            SUBMISSION,
            ("body", "attachments", 0, "sha256"),
            "AB" * 32,
            "envelope.body.attachments[0].sha256: expected 64 lower-case hex",
        ),
        (
            SUBMISSION,
            ("body", "attachments", 0, "size"),
            -1,
            "envelope.body.attachments[0].size: expected an integer from 0",
        ),
        (
            SUBMISSION,
            ("body", "attachments", 0, "media_type"),
            "image/JPEG",
            "envelope.body.attachments[0].media_type",
        ),
        (SUBMISSION, ("body", "author"), "", "envelope.body.author: expected 1-128"),
        (SUBMISSION, ("body", "agency"), 7, "envelope.body.agency: expected a string"),
        (
            SUBMISSION,
            ("body", "created_at"),
            "2026-02-28T10:00:00.5Z",
            "envelope.body.created_at: expected a UTC time",
        ),
        (
            SUBMISSION,
            ("body", "created_at"),
            "2026-02-30T10:00:00Z",
            "envelope.body.created_at: '2026-02-30T10:00:00Z' is not a valid",
        ),
        (
            SUBMISSION,
            ("body", "created_at"),
            "２０２６-02-28T10:00:00Z",  # full-width digits
            "envelope.body.created_at: expected a UTC time",
        ),
        (APPROVAL, ("body", "decision"), "reject", "envelope.body.decision: expected one of"),
        (APPROVAL, ("body", "release"), None, "envelope.body.release: required for 'approve'"),
        (APPROVAL, ("body", "submission"), "00", "envelope.body.submission: expected 64"),
        (
            APPROVAL,
            ("body", "release", "tlp"),
            "AMBER+",
            "envelope.body.release.tlp: expected one of",
        ),
        (
            APPROVAL,
            ("body", "release", "third_party"),
            0,
            "envelope.body.release.third_party: expected true or false",
        ),
        (
            APPROVAL,
            ("body", "release", "releasable_to"),
            ["KEN", "ETH"],
            "envelope.body.release.releasable_to: must be sorted",
        ),
        (
            APPROVAL,
            ("body", "release", "releasable_to"),
            ["KE"],
            "envelope.body.release.releasable_to[0]: expected an ISO 3166-1 alpha-3",
        ),
        (APPROVAL, ("body", "release", "extra"), 1, "envelope.body.release: unknown field"),
        (APPROVAL, ("body", "comment"), None, "envelope.body.comment: expected a string"),
        (RECEIPT, ("body", "portal_seq"), 0, "envelope.body.portal_seq: expected an integer"),
        (
            RECEIPT,
            ("body", "envelope_type"),
            "receipt",
            "envelope.body.envelope_type: expected one of",
        ),
    ],
)
def test_strict_parsing(
    env: Envelope[Any], path: tuple[str | int, ...], value: Any, message: str
) -> None:
    with pytest.raises(MalformedEnvelope) as info:
        Envelope.from_json(_mutated(env, path, value))
    assert str(info.value).startswith(message), str(info.value)


def test_unsupported_version_is_checked_first() -> None:
    data = SUBMISSION.to_json()
    data["v"] = 2
    data["body"] = {"anything": "new"}
    with pytest.raises(UnsupportedVersion):
        Envelope.from_json(data)


@pytest.mark.parametrize(
    "wire",
    [b"", b"[]", b'{"type":"submission"}', b"\xff", b'{"v":1,"v":1}', b"null"],
)
def test_from_bytes_rejects_garbage(wire: bytes) -> None:
    with pytest.raises(MalformedEnvelope):
        Envelope.from_bytes(wire)


def test_report_nesting_limit() -> None:
    deep: Any = "x"
    for _ in range(MAX_DEPTH + 1):
        deep = [deep]
    with pytest.raises(MalformedEnvelope, match="report"):
        submission_body({"deep": deep})


def test_body_constructors_validate() -> None:
    base = submission_body()
    with pytest.raises(ValueError, match="attachments: the same sha256"):
        SubmissionBody(
            report_id=base.report_id,
            report_version=1,
            supersedes=None,
            report={},
            attachments=base.attachments * 2,
            author="u-1",
            agency="KEN-DIS",
            created_at=base.created_at,
        )
    with pytest.raises(ValueError, match="report_id"):
        SubmissionBody(
            report_id=str(base.report_id),  # type: ignore[arg-type]
            report_version=1,
            supersedes=None,
            report={},
            attachments=(),
            author="u-1",
            agency="KEN-DIS",
            created_at=base.created_at,
        )
    with pytest.raises(ValueError, match="release: required"):
        ApprovalBody(
            submission="ab" * 32,
            report_id=uuid.uuid4(),
            decision="return",
            release=Release("RED", False, "MOU", (), None),
            comment="fix the dates",
            approver="u-2001",
            agency="KEN-DIS",
            decided_at=base.created_at,
        )
    with pytest.raises(ValueError, match="releasable_to"):
        Release("RED", False, "MOU", ("KEN", "KEN"), None)
    with pytest.raises(ValueError, match="media_type"):
        Attachment(sha256="ab" * 32, size=1, media_type="image/jpeg; q=1")
    with pytest.raises(ValueError, match="portal"):
        ReceiptBody("ab" * 32, "submission", 1, base.created_at, "portal forum")


def test_return_decision_round_trips() -> None:
    body = ApprovalBody(
        submission=SUBMISSION.hash,
        report_id=REPORT_ID,
        decision="return",
        release=None,
        comment="Please add the crossing point.",
        approver="u-2001",
        agency="KEN-DIS",
        decided_at=datetime(2026, 2, 28, 11, tzinfo=UTC),
    )
    env = sign_approval(body, PKI.ofp_key)
    assert env.to_json()["body"]["release"] is None  # type: ignore[index, call-overload]
    assert Envelope.from_bytes(env.to_bytes()) == env


def test_non_ascii_and_escapes_survive() -> None:
    report = {"narrative": 'quote " backslash \\ tab \t nul \u0000 emoji \U0001f600 é'}
    env = sign_submission(submission_body(report), PKI.officer_key)
    again = Envelope.from_bytes(env.to_bytes())
    assert again.body.report == report  # type: ignore[union-attr]
    assert again.hash == env.hash
