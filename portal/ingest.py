"""Accepting a batch of signed envelopes: verify, apply the portal's rules, store, receipt.

Two phases per batch. Phase 1 (no lock) parses each envelope and verifies its signature and
certificate: the expensive, CPU-bound part. Phase 2 runs in one write transaction and
applies the rules that depend on what is stored (idempotency, conflicts, four eyes, which
agency may decide on what), then stores each accepted envelope with its signed receipt.
Every rule is checked before anything is written for an item, so a rejected item leaves
no trace and never affects the other items of the batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from portal import audit
from portal.auth import Caller
from portal.clock import as_datetime
from portal.database import Database, inserted_id
from portal.feed_items import add_item
from portal.keys import PortalKeys
from portal.problems import Problem, protocol_problem_slug
from portal.registry import agency_state
from portal.resolver import PortalKeyResolver
from portal.tables import envelopes
from sync.protocol import (
    ApprovalBody,
    Body,
    Envelope,
    ReceiptBody,
    SubmissionBody,
    VerificationError,
    VerifiedEnvelope,
    b64url_encode,
    sign_receipt,
    verify,
)
from sync.protocol.canonical import JsonObject, JsonValue, parse_json

Status = Literal["stored", "duplicate", "rejected"]


@dataclass(frozen=True, slots=True)
class ItemResult:
    index: int
    status: Status
    hash: str | None = None
    receipt: JsonObject | None = None
    problem: Problem | None = None

    def to_json(self) -> JsonObject:
        out: JsonObject = {"index": self.index, "status": self.status, "hash": self.hash}
        if self.receipt is not None:
            out["receipt"] = self.receipt
        if self.problem is not None:
            out["problem"] = self.problem.to_json()
        return out


def _rejected(index: int, problem: Problem, envelope_hash: str | None = None) -> ItemResult:
    return ItemResult(index, "rejected", envelope_hash, problem=problem)


def _receipt_json(text: str) -> JsonObject:
    value = parse_json(text)
    assert isinstance(value, dict)
    return value


def _stored(conn: Connection, envelope: Envelope[Body]) -> sa.Row[tuple[object, ...]] | None:
    return conn.execute(sa.select(envelopes).where(envelopes.c.hash == envelope.hash)).first()


def _same_envelope(row: sa.Row[tuple[object, ...]], envelope: Envelope[Body]) -> bool:
    # The hash covers everything but "sig"; a copy with another signature is not a repeat.
    stored = parse_json(str(row.envelope))
    return isinstance(stored, dict) and stored.get("sig") == b64url_encode(envelope.sig)


def ingest_batch(
    items: list[JsonValue], *, db: Database, keys: PortalKeys, caller: Caller, now: int
) -> list[ItemResult]:
    results: dict[int, ItemResult] = {}
    verified: list[tuple[int, VerifiedEnvelope[Body]]] = []
    with db.read() as conn:
        resolver = PortalKeyResolver(conn, keys)
        for index, item in enumerate(items):
            outcome = _check_item(index, item, conn, resolver, caller, now)
            if isinstance(outcome, ItemResult):
                results[index] = outcome
            else:
                verified.append((index, outcome))
    if verified:
        with db.write() as conn:
            for index, envelope in verified:
                try:
                    results[index] = _store(conn, index, envelope, keys, caller, now)
                except Problem as problem:
                    results[index] = _rejected(index, problem, envelope.hash)
    return [results[i] for i in range(len(items))]


def _check_item(
    index: int,
    item: JsonValue,
    conn: Connection,
    resolver: PortalKeyResolver,
    caller: Caller,
    now: int,
) -> ItemResult | VerifiedEnvelope[Body]:
    try:
        envelope = Envelope.from_json(item)
    except VerificationError as exc:
        return _rejected(index, Problem(protocol_problem_slug(exc.code), str(exc)))
    if isinstance(envelope.body, ReceiptBody):
        problem = Problem("unexpected-type", "receipts are issued by the portal, not accepted")
        return _rejected(index, problem, envelope.hash)
    row = _stored(conn, envelope)
    if row is not None and _same_envelope(row, envelope):
        # A repeat answers with the receipt first issued, even if the key was revoked since.
        return ItemResult(index, "duplicate", envelope.hash, _receipt_json(str(row.receipt)))
    try:
        result = verify(envelope, keys=resolver, now=as_datetime(now))
    except VerificationError as exc:
        slug = protocol_problem_slug(exc.code)
        return _rejected(index, Problem(slug, str(exc)), envelope.hash)
    if result.certificate.agency != caller.agency:
        problem = Problem(
            "wrong-agency",
            f"signer agency {result.certificate.agency} is not the caller's {caller.agency}",
        )
        return _rejected(index, problem, envelope.hash)
    return result


def _store(
    conn: Connection,
    index: int,
    env: VerifiedEnvelope[Body],
    keys: PortalKeys,
    caller: Caller,
    now: int,
) -> ItemResult:
    # Checked again under the write lock: a concurrent request may have stored it meanwhile.
    row = _stored(conn, env.envelope)
    if row is not None:
        if not _same_envelope(row, env.envelope):
            raise Problem("envelope-conflict", "the portal holds this hash with another signature")
        return ItemResult(index, "duplicate", env.hash, _receipt_json(str(row.receipt)))
    body = env.body
    values: dict[str, object]
    submission = None
    if isinstance(body, SubmissionBody):
        values = _submission_values(conn, body)
    elif isinstance(body, ApprovalBody):
        submission = _approval_checks(conn, env, body, caller)
        values = {"report_id": str(body.report_id), "decides": body.submission}
    else:  # receipts were refused in phase 1
        raise Problem("unexpected-type", "receipts are not accepted")
    envelope_text = env.envelope.to_bytes().decode("utf-8")
    seq = inserted_id(
        conn.execute(
            envelopes.insert().values(
                hash=env.hash,
                type=env.type,
                key_id=env.key_id,
                user_id=env.certificate.user_id,
                agency=env.certificate.agency,
                received_at=now,
                envelope=envelope_text,
                receipt="",
                **values,
            )
        )
    )
    receipt = sign_receipt(
        ReceiptBody(
            envelope=env.hash,
            envelope_type="submission" if env.type == "submission" else "approval",
            portal_seq=seq,
            portal_time=as_datetime(now),
            portal=keys.portal_id,
        ),
        keys.signing_key,
    )
    receipt_text = receipt.to_bytes().decode("utf-8")
    conn.execute(
        envelopes.update().where(envelopes.c.portal_seq == seq).values(receipt=receipt_text)
    )
    if submission is None:
        _submission_feed(conn, env, now)
    else:
        _decision_feed(conn, env, submission, now)
    audit.append(
        conn,
        at=now,
        actor=caller.user_id,
        action=f"{env.type}.accept",
        subject=env.hash,
        details={"portal_seq": seq, "signer": env.key_id},
    )
    return ItemResult(index, "stored", env.hash, _receipt_json(receipt_text))


def _submission_values(conn: Connection, body: SubmissionBody) -> dict[str, object]:
    version_key = f"{body.report_id}/{body.report_version}"
    clash = conn.execute(
        sa.select(envelopes.c.hash).where(envelopes.c.report_version_key == version_key)
    ).scalar_one_or_none()
    if clash is not None:
        raise Problem(
            "envelope-conflict",
            f"report {body.report_id} version {body.report_version} is already {clash}",
            existing=clash,
        )
    return {"report_id": str(body.report_id), "report_version_key": version_key}


def _approval_checks(
    conn: Connection, env: VerifiedEnvelope[Body], body: ApprovalBody, caller: Caller
) -> sa.Row[tuple[object, ...]]:
    submission = conn.execute(
        sa.select(envelopes).where(
            envelopes.c.hash == body.submission, envelopes.c.type == "submission"
        )
    ).first()
    if submission is None:
        raise Problem("unknown-submission", f"no stored submission {body.submission}")
    if submission.report_id != str(body.report_id):
        raise Problem("hash-mismatch", "approval and submission name different report ids")
    # Four eyes: the same rule as sync.protocol.check_four_eyes, on the stored columns.
    if submission.user_id == env.certificate.user_id or submission.key_id == env.key_id:
        raise Problem(
            "four-eyes-violation", f"{body.approver} may not decide on their own submission"
        )
    if not _may_decide(conn, env.certificate.role, env.certificate.agency, submission.agency):
        raise Problem(
            "wrong-agency",
            f"a {env.certificate.role} of {env.certificate.agency} may not decide on a"
            f" submission of {submission.agency}",
        )
    decided = conn.execute(
        sa.select(envelopes.c.hash).where(envelopes.c.decides == body.submission)
    ).scalar_one_or_none()
    if decided is not None:
        raise Problem(
            "envelope-conflict",
            f"submission {body.submission} is already decided by {decided}",
            existing=decided,
        )
    return submission


def _may_decide(conn: Connection, role: str, approver_agency: str, report_agency: object) -> bool:
    """An OFP decides for their own agency, an NFP for every agency of their member state."""
    if role == "ofp":
        return approver_agency == report_agency
    if role != "nfp":
        return False
    return agency_state(conn, approver_agency) == agency_state(conn, str(report_agency))


def _submission_feed(conn: Connection, env: VerifiedEnvelope[Body], now: int) -> None:
    agency = env.certificate.agency
    add_item(
        conn,
        kind="review_item",
        at=now,
        payload={"envelope": env.envelope.to_json()},
        audience="reviewers",
        agency=agency,
        state=agency_state(conn, agency),
    )


def _decision_feed(
    conn: Connection,
    env: VerifiedEnvelope[Body],
    submission: sa.Row[tuple[object, ...]],
    now: int,
) -> None:
    approval = env.envelope.to_json()
    add_item(
        conn,
        kind="decision",
        at=now,
        payload={"envelope": approval},
        audience="user",
        user=str(submission.user_id),
    )
    body = env.body
    if not isinstance(body, ApprovalBody) or body.release is None:
        return
    release = body.release
    if release.tlp != "RED" and release.releasable_to:
        # Released beyond the agency: only to the approved member states, under its label.
        add_item(
            conn,
            kind="release",
            at=now,
            payload={"submission": parse_json(str(submission.envelope)), "approval": approval},
            audience="states",
            states=list(release.releasable_to),
            tlp=release.tlp,
        )
