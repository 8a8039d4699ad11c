"""Accepting a batch of signed envelopes: verify, apply the portal's rules, store, receipt.

Two phases per batch. Phase 1 (no lock) parses each envelope and verifies its signature and
certificate: the expensive, CPU-bound part. Phase 2 runs in one write transaction and
applies the rules that depend on what is stored (idempotency, conflicts, four eyes, which
agency may decide on what), then stores each accepted envelope with its signed receipt.
Every rule is checked before anything is written for an item, so a rejected item leaves
no trace and never affects the other items of the batch.

Work is set-based where the rules allow: one query finds the batch's duplicates, one its
report-version conflicts, and accepted envelopes are written together (INSERT ... RETURNING
for their sequence numbers, then receipts, feed items and audit rows in bulk). An approval
may decide a submission of the same batch, so the writes so far are flushed before each
approval is checked: the rules see exactly what one-by-one storing would have shown them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.engine import Connection

from portal import audit
from portal.auth import Caller
from portal.clock import as_datetime
from portal.database import Database
from portal.feed_items import (
    Grant,
    NewItem,
    add_items,
    agency_states,
    audience_grants,
    domestic_grants,
    national_reviewers,
    new_item,
    principal_agencies,
    principal_grant,
    reviewers,
    wrapped,
)
from portal.keys import PortalKeys
from portal.national_rules import ofp_releases_directly
from portal.problems import Problem, protocol_problem_slug
from portal.registry import agency_state
from portal.resolver import PortalKeyResolver
from portal.tables import agencies, certificates, envelopes
from sync.protocol import (
    ApprovalBody,
    Body,
    Envelope,
    NationalReleaseBody,
    ReceiptBody,
    Release,
    SubmissionBody,
    VerificationError,
    VerifiedEnvelope,
    b64url_encode,
    sign_receipt,
    verify,
)
from sync.protocol.batch_receipts import sign_batch
from sync.protocol.bodies import RECEIPT_FOR, ReceiptFor
from sync.protocol.canonical import JsonObject, JsonValue, parse_json
from sync.protocol.fields import format_timestamp
from sync.protocol.tlp import Audience, ReleaseRefused, audience_of, check_not_looser

Status = Literal["stored", "duplicate", "rejected"]
StoredRow = sa.Row[*tuple[Any, ...]]


@dataclass(frozen=True, slots=True)
class ItemResult:
    index: int
    status: Status
    hash: str | None = None
    receipt: JsonObject | None = None
    problem: Problem | None = None
    receipt_body: ReceiptBody | None = None  # stored now: a leaf of a batch receipt

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


def _stored_by_hash(conn: Connection, hashes: Iterable[str]) -> dict[str, StoredRow]:
    wanted = sorted(set(hashes))
    if not wanted:
        return {}
    rows = conn.execute(
        sa.select(envelopes.c.hash, envelopes.c.envelope, envelopes.c.receipt).where(
            envelopes.c.hash.in_(wanted)
        )
    ).all()
    return {str(row.hash): row for row in rows}


def _same_signature(stored_envelope_text: str, envelope: Envelope[Body]) -> bool:
    # The hash covers everything but "sig"; a copy with another signature is not a repeat.
    stored = parse_json(stored_envelope_text)
    return isinstance(stored, dict) and stored.get("sig") == b64url_encode(envelope.sig)


def ingest_batch(
    items: list[JsonValue], *, db: Database, keys: PortalKeys, caller: Caller, now: int
) -> list[ItemResult]:
    results: dict[int, ItemResult] = {}
    parsed: list[tuple[int, Envelope[Body]]] = []
    for index, item in enumerate(items):
        try:
            envelope = Envelope.from_json(item)
        except VerificationError as exc:
            results[index] = _rejected(index, Problem(protocol_problem_slug(exc.code), str(exc)))
            continue
        if isinstance(envelope.body, ReceiptBody):
            problem = Problem("unexpected-type", "receipts are issued by the portal, not accepted")
            results[index] = _rejected(index, problem, envelope.hash)
            continue
        parsed.append((index, envelope))
    verified: list[tuple[int, VerifiedEnvelope[Body]]] = []
    with db.read() as conn:
        stored = _stored_by_hash(conn, (e.hash for _, e in parsed))
        resolver = PortalKeyResolver(conn, keys)
        for index, envelope in parsed:
            row = stored.get(envelope.hash)
            if row is not None and _same_signature(str(row.envelope), envelope):
                # A repeat answers with the first receipt, even if the key was revoked since.
                results[index] = ItemResult(
                    index, "duplicate", envelope.hash, _receipt_json(str(row.receipt))
                )
                continue
            outcome = _verify(index, envelope, resolver, caller, now)
            if isinstance(outcome, ItemResult):
                results[index] = outcome
            else:
                verified.append((index, outcome))
    if verified:
        with db.write() as conn:
            results.update(_BatchWriter(conn, keys, caller, now).run(verified))
    return [results[i] for i in range(len(items))]


def _verify(
    index: int,
    envelope: Envelope[Body],
    resolver: PortalKeyResolver,
    caller: Caller,
    now: int,
) -> ItemResult | VerifiedEnvelope[Body]:
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


@dataclass
class _Pending:
    """An accepted envelope waiting to be written with the others of its batch."""

    index: int
    env: VerifiedEnvelope[Body]
    text: str  # canonical JSON of the envelope
    values: dict[str, object]  # type-specific columns
    submission: StoredRow | None  # the decided submission, for approvals and national releases
    approval: StoredRow | None = None  # the decided approval, for national releases


@dataclass
class _BatchWriter:
    conn: Connection
    keys: PortalKeys
    caller: Caller
    now: int
    pending: list[_Pending] = field(default_factory=list)
    results: dict[int, ItemResult] = field(default_factory=dict)
    # Within the batch: first index of each hash, and which version keys are taken.
    first_index: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    repeats: dict[int, int] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    _states: dict[str, str | None] = field(default_factory=dict)

    def run(self, verified: list[tuple[int, VerifiedEnvelope[Body]]]) -> dict[int, ItemResult]:
        # Checked again under the write lock: a concurrent request may have stored some.
        stored = _stored_by_hash(self.conn, (env.hash for _, env in verified))
        self.versions = self._taken_versions(env.body for _, env in verified)
        for index, env in verified:
            row = stored.get(env.hash)
            try:
                if row is not None:
                    if not _same_signature(str(row.envelope), env.envelope):
                        raise Problem(
                            "envelope-conflict", "the portal holds this hash with another signature"
                        )
                    self.results[index] = ItemResult(
                        index, "duplicate", env.hash, _receipt_json(str(row.receipt))
                    )
                elif env.hash in self.first_index:
                    first, sig = self.first_index[env.hash]
                    if sig != env.envelope.sig:
                        raise Problem(
                            "envelope-conflict", "the batch holds this hash with another signature"
                        )
                    self.repeats[index] = first
                else:
                    self._accept(index, env)
            except Problem as problem:
                self.results[index] = _rejected(index, problem, env.hash)
        self._flush()
        for index, first in self.repeats.items():
            original = self.results[first]
            self.results[index] = ItemResult(index, "duplicate", original.hash, original.receipt)
        return self.results

    def _taken_versions(self, bodies: Iterable[Body]) -> dict[str, str]:
        keys = sorted({_version_key(b) for b in bodies if isinstance(b, SubmissionBody)})
        if not keys:
            return {}
        rows = self.conn.execute(
            sa.select(envelopes.c.report_version_key, envelopes.c.hash).where(
                envelopes.c.report_version_key.in_(keys)
            )
        ).all()
        return {str(row.report_version_key): str(row.hash) for row in rows}

    def _accept(self, index: int, env: VerifiedEnvelope[Body]) -> None:
        body = env.body
        submission = None
        if isinstance(body, SubmissionBody):
            _check_not_in_future(body, self.now)
            version_key = _version_key(body)
            clash = self.versions.get(version_key)
            if clash is not None:
                raise Problem(
                    "envelope-conflict",
                    f"report {body.report_id} version {body.report_version} is already {clash}",
                    existing=clash,
                )
            values: dict[str, object] = {
                "report_id": str(body.report_id),
                "report_version_key": version_key,
            }
            self.versions[version_key] = env.hash
        elif isinstance(body, ApprovalBody):
            self._flush()  # the checks must see the submissions stored earlier in this batch
            submission = _approval_checks(self.conn, env, body, self.caller)
            values = {"report_id": str(body.report_id), "decides": body.submission}
        elif isinstance(body, NationalReleaseBody):
            self._flush()  # likewise for an approval stored earlier in this batch
            submission, approval = _national_checks(self.conn, env, body)
            # One national decision per approval: `decides` is unique.
            values = {"report_id": str(body.report_id), "decides": body.approval}
        else:  # receipts were refused in phase 1
            raise Problem("unexpected-type", "receipts are not accepted")
        text = env.envelope.to_bytes().decode("utf-8")
        pending = _Pending(index, env, text, values, submission)
        if isinstance(body, NationalReleaseBody):
            pending.approval = approval
        self.pending.append(pending)
        self.first_index[env.hash] = (index, env.envelope.sig)

    def _flush(self) -> None:
        if not self.pending:
            return
        pending, self.pending = self.pending, []
        inserted = self.conn.execute(
            envelopes.insert().returning(envelopes.c.portal_seq, sort_by_parameter_order=True),
            [
                {
                    "hash": p.env.hash,
                    "type": p.env.type,
                    "key_id": p.env.key_id,
                    "user_id": p.env.certificate.user_id,
                    "agency": p.env.certificate.agency,
                    "received_at": self.now,
                    "envelope": p.text,
                    "receipt": "",
                    "report_id": None,
                    "report_version_key": None,
                    "decides": None,
                    **p.values,
                }
                for p in pending
            ],
        )
        seqs = [int(str(seq)) for seq in inserted.scalars().all()]
        receipts: list[dict[str, object]] = []
        feed_rows: list[NewItem] = []
        events: list[audit.Event] = []
        for p, seq in zip(pending, seqs, strict=True):
            receipt_body = ReceiptBody(
                envelope=p.env.hash,
                envelope_type=_receipt_for(p.env.type),
                portal_seq=seq,
                portal_time=as_datetime(self.now),
                portal=self.keys.portal_id,
            )
            # The single receipt is kept for repeats (a duplicate is answered with it, also to
            # a client that asked for a batch receipt the first time).
            receipt = sign_receipt(receipt_body, self.keys.signing_key)
            receipts.append({"b_seq": seq, "b_receipt": receipt.to_bytes().decode("utf-8")})
            feed_rows += self._feed_rows(p)
            events.append(
                audit.Event(
                    at=self.now,
                    actor=self.caller.user_id,
                    action=f"{p.env.type}.accept",
                    subject=p.env.hash,
                    details={"portal_seq": seq, "signer": p.env.key_id},
                )
            )
            self.results[p.index] = ItemResult(
                p.index, "stored", p.env.hash, receipt.to_json(), receipt_body=receipt_body
            )
        self.conn.execute(
            envelopes.update()
            .where(envelopes.c.portal_seq == sa.bindparam("b_seq"))
            .values(receipt=sa.bindparam("b_receipt")),
            receipts,
        )
        add_items(self.conn, feed_rows)
        audit.append_many(self.conn, events)

    def _state(self, agency: str) -> str | None:
        if agency not in self._states:
            self._states[agency] = agency_state(self.conn, agency)
        return self._states[agency]

    def _feed_rows(self, p: _Pending) -> list[NewItem]:
        if p.submission is None:
            agency = p.env.certificate.agency
            body = p.env.body
            assert isinstance(body, SubmissionBody)
            return [
                new_item(
                    "review_item",
                    self.now,
                    wrapped("envelope", p.text),
                    reviewers(agency, self._state(agency) or ""),
                    report_id=str(body.report_id),
                    origin_agency=agency,
                )
            ]
        if p.approval is not None:
            return _national_rows(self.conn, p.env, p.text, p.submission, p.approval, self.now)
        return _decision_rows(self.conn, p.env, p.text, p.submission, self.now)


def batch_answer(results: list[ItemResult], key: Ed25519PrivateKey, now: datetime) -> JsonObject:
    """One signature for everything stored now; a stored item is sent as its sequence number
    only (the client knows the rest of its receipt body). Duplicates keep their first, single
    receipt; rejections are as in the single form."""
    bodies = [r.receipt_body for r in results if r.receipt_body is not None]
    out: list[JsonValue] = []
    for r in results:
        if r.receipt_body is not None:
            out.append({"index": r.index, "status": "stored", "seq": r.receipt_body.portal_seq})
        else:
            out.append(r.to_json())
    return {
        "portal_time": format_timestamp(now),
        "receipt_batch": sign_batch(bodies, key, now).to_json() if bodies else None,
        "results": out,
    }


def _receipt_for(kind: str) -> ReceiptFor:
    for accepted in RECEIPT_FOR:
        if kind == accepted:
            return accepted
    raise Problem("unexpected-type", f"{kind} envelopes are not accepted")


def _approval_body(row: StoredRow) -> ApprovalBody:
    body = Envelope.from_bytes(str(row.envelope).encode("utf-8")).body
    assert isinstance(body, ApprovalBody)
    return body


# The client's rule (app/validation.py): an observation at most one day ahead of the clock.
# The portal judges with its own clock, so a post whose clock runs ahead is caught here.
FUTURE_TOLERANCE = 24 * 3600


def _check_not_in_future(body: SubmissionBody, now: int) -> None:
    observed = body.report.get("observed_at")
    if not isinstance(observed, str):
        return
    try:
        moment = datetime.fromisoformat(observed.replace("Z", "+00:00"))
    except ValueError:
        return  # the content rules are the client's; only the time is the portal's to judge
    if moment.tzinfo is None:
        return
    ahead = moment.timestamp() - now
    if ahead > FUTURE_TOLERANCE:
        raise Problem(
            "observed-in-future",
            f"observed_at {observed} is {ahead / 86400:.1f} days after portal time "
            f"{as_datetime(now).strftime('%Y-%m-%dT%H:%M:%SZ')}; the device clock was probably "
            "wrong: correct the time in a new version of the report",
            portal_time=now,
        )


def _version_key(body: SubmissionBody) -> str:
    return f"{body.report_id}/{body.report_version}"


def _approval_checks(
    conn: Connection, env: VerifiedEnvelope[Body], body: ApprovalBody, caller: Caller
) -> StoredRow:
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
    if body.release is not None:
        _release_audience(conn, body.release)  # refused here, before anything is written
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


def _release_audience(conn: Connection, release: Release) -> tuple[Audience, dict[str, str]]:
    """The audience of an approval's release under the TLP rule (sync.protocol.tlp), with
    the agency of each named principal; `release-refused` for anything it cannot honour."""
    try:
        audience = audience_of(release)
    except ReleaseRefused as exc:
        raise Problem("release-refused", str(exc)) from None
    owners = principal_agencies(conn, audience.principals)
    unknown = sorted(audience.principals - set(owners))
    if unknown:
        raise Problem(
            "release-refused", f"no such recipient(s) on this portal: {', '.join(unknown)}"
        )
    named_agencies = set(audience.agencies) | set(owners.values())
    rows = conn.execute(
        sa.select(agencies.c.code, agencies.c.third_party).where(
            agencies.c.code.in_(sorted(named_agencies))
        )
    ).all()
    missing = sorted(set(audience.agencies) - {str(r.code) for r in rows})
    if missing:
        raise Problem("release-refused", f"no such agency on this portal: {', '.join(missing)}")
    outside = sorted(str(r.code) for r in rows if r.third_party)
    if outside and not audience.third_parties:
        raise Problem(
            "release-refused",
            f"{', '.join(outside)} is a third-party organisation but the release does not allow"
            " third parties: allow them, or leave them out",
        )
    return audience, owners


def _decision_rows(
    conn: Connection, env: VerifiedEnvelope[Body], text: str, submission: StoredRow, now: int
) -> list[NewItem]:
    body = env.body
    assert isinstance(body, ApprovalBody)
    report_id, origin = str(submission.report_id), str(submission.agency)
    rows = [
        new_item(
            "decision",
            now,
            wrapped("envelope", text),
            [principal_grant(str(submission.user_id), origin)],
            report_id=report_id,
            origin_agency=origin,
        )
    ]
    if body.release is None:
        return rows
    audience, owners = _release_audience(conn, body.release)
    if audience.empty:  # released to no one beyond the agency, which holds the report
        return rows
    grants = audience_grants(audience, owners)
    home = agency_state(conn, origin) or ""
    payload: JsonObject = {
        "submission": parse_json(str(submission.envelope)),
        "approval": env.envelope.to_json(),
    }
    national = env.certificate.role == "nfp" or ofp_releases_directly(conn, home)
    if not national:
        # Release levels (docs/protocol.md §3.8): the OFP's approval reaches its own member
        # state's part of the audience; the rest waits for the NFP's signed decision.
        domestic = domestic_grants(grants, home, agency_states(conn, _named_agencies(grants)))
        if set(grants) - set(domestic):
            rows.append(
                new_item(
                    "national_review",
                    now,
                    payload,
                    national_reviewers(home),
                    tlp=body.release.tlp,
                    report_id=report_id,
                    origin_agency=origin,
                )
            )
        grants = domestic
    if grants:
        rows.append(_release_item(payload, grants, body.release, audience, report_id, origin, now))
    return rows


def _named_agencies(grants: list[Grant]) -> set[str]:
    return {g.value if g.scope == "agency" else str(g.agency) for g in grants
            if g.scope in ("agency", "principal")}  # fmt: skip


def _release_item(
    payload: JsonObject,
    grants: list[Grant],
    release: Release,
    audience: Audience,
    report_id: str,
    origin: str,
    now: int,
) -> NewItem:
    return new_item(
        "release",
        now,
        payload,
        grants,
        tlp=release.tlp,
        report_id=report_id,
        origin_agency=origin,
        closed_to_third_parties=not audience.third_parties,
    )


def _national_checks(
    conn: Connection, env: VerifiedEnvelope[Body], body: NationalReleaseBody
) -> tuple[StoredRow, StoredRow]:
    """The approval and submission a national release decides on, or the Problem that
    refuses it: the approval must exist, approve, come from an OFP, belong to a report of
    the signer's member state, be undecided at this level, and not be loosened."""
    approval = conn.execute(
        sa.select(envelopes).where(
            envelopes.c.hash == body.approval, envelopes.c.type == "approval"
        )
    ).first()
    if approval is None:
        raise Problem("unknown-approval", f"no stored approval {body.approval}")
    if approval.report_id != str(body.report_id):
        raise Problem("hash-mismatch", "national release and approval name different report ids")
    submission = conn.execute(
        sa.select(envelopes).where(envelopes.c.hash == approval.decides)
    ).first()
    assert submission is not None  # an approval is stored only with its submission
    approved = _approval_body(approval)
    if approved.release is None:
        raise Problem("release-refused", "the approval returned the report: nothing to release")
    home = agency_state(conn, str(submission.agency))
    if agency_state(conn, env.certificate.agency) != home:
        raise Problem(
            "wrong-agency",
            f"an NFP of {agency_state(conn, env.certificate.agency)} may not release a report"
            f" of {submission.agency} ({home})",
        )
    if _role_of(conn, str(approval.key_id)) != "ofp":
        raise Problem(
            "release-refused", "the approval was the NFP's own decision: it is released already"
        )
    decided = conn.execute(
        sa.select(envelopes.c.hash).where(envelopes.c.decides == body.approval)
    ).scalar_one_or_none()
    if decided is not None:
        raise Problem(
            "envelope-conflict",
            f"approval {body.approval} already has the national decision {decided}",
            existing=decided,
        )
    if body.release is not None:
        try:
            check_not_looser(approved.release, body.release)
        except ReleaseRefused as exc:
            raise Problem("release-refused", str(exc)) from None
        _release_audience(conn, body.release)
    return submission, approval


def _role_of(conn: Connection, key: str) -> str | None:
    return conn.execute(
        sa.select(certificates.c.role).where(certificates.c.key_id == key)
    ).scalar_one_or_none()


def _national_rows(
    conn: Connection,
    env: VerifiedEnvelope[Body],
    text: str,
    submission: StoredRow,
    approval: StoredRow,
    now: int,
) -> list[NewItem]:
    body = env.body
    assert isinstance(body, NationalReleaseBody)
    report_id, origin = str(submission.report_id), str(submission.agency)
    home = agency_state(conn, origin) or ""
    # The OFPs of the agency learn the answer; every NFP of the state sees it leave the queue.
    rows = [
        new_item(
            "national_decision",
            now,
            wrapped("envelope", text),
            [*reviewers(origin, home)],
            report_id=report_id,
            origin_agency=origin,
        )
    ]
    if body.release is None:
        return rows
    approved = _approval_body(approval)
    assert approved.release is not None
    audience, owners = _release_audience(conn, body.release)
    grants = audience_grants(audience, owners)
    # Readers the OFP's level already reached hold the report: not sent twice.
    earlier, earlier_owners = _release_audience(conn, approved.release)
    earlier_grants = audience_grants(earlier, earlier_owners)
    already = set(
        domestic_grants(earlier_grants, home, agency_states(conn, _named_agencies(earlier_grants)))
    )
    grants = [g for g in grants if g not in already]
    if not grants:
        return rows
    payload: JsonObject = {
        "submission": parse_json(str(submission.envelope)),
        "approval": parse_json(str(approval.envelope)),
        "national": env.envelope.to_json(),
    }
    rows.append(_release_item(payload, grants, body.release, audience, report_id, origin, now))
    return rows
