"""Export files: an approved report's signed chain, self-contained for offline verification.

An export carries the submission, the focal point's approval and the signers' certificates,
so anyone holding the portal's public key can check it without a database. Exporting is a
dissemination: it needs an approved report and is recorded in the register.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from app.audit import AuditTrail
from app.clock import now_rfc3339
from app.dissemination import DisseminationRegister, Method
from app.domain import ReportStatus
from app.errors import InvalidInput, NotAllowed
from app.identity import LocalKeyResolver
from storage.atomic import atomic_write_bytes
from storage.database import Database
from storage.envelopes_repo import EnvelopeRepository
from storage.reports_repo import ReportRepository
from storage.users_repo import UserRecord
from sync.protocol import (
    ApprovalBody,
    Certificate,
    Envelope,
    KeyResolver,
    MemoryKeyResolver,
    SubmissionBody,
    VerificationError,
    VerifiedEnvelope,
    canonical_bytes,
    check_approval_matches,
    check_four_eyes,
    parse_json,
    verify,
)

EXPORT_FORMAT = "outpost-export"
EXPORT_VERSION = 1
RELEASED = frozenset({ReportStatus.APPROVED, ReportStatus.SENT, ReportStatus.ACKNOWLEDGED})


def export_report(
    db: Database,
    user: UserRecord,
    audit: AuditTrail,
    report_id: str,
    *,
    recipient: str,
    purpose: str,
    out: Path,
) -> bytes:
    """Writes the export file of the latest version of an approved report to `out` and
    records it in the dissemination register. The file is written first, inside the
    transaction that then adds the entry: a write that fails leaves no entry, and an entry
    that cannot be committed takes the file away again. Returns the file's bytes."""
    with db.transaction():
        record = ReportRepository(db).get(report_id)
        if ReportStatus(record.status) not in RELEASED or record.submission_hash is None:
            raise NotAllowed(
                f"Report {report_id[:8]} is {record.status}: only approved reports can be "
                "exported (a focal point must approve it first)."
            )
        envelopes = EnvelopeRepository(db)
        submission = Envelope.from_bytes(envelopes.get(record.submission_hash).body)
        approvals = [
            Envelope.from_bytes(e.body)
            for e in envelopes.of_report(report_id)
            if e.type == "approval" and e.report_version == record.version
        ]
        approval = next(a for a in approvals if cast(ApprovalBody, a.body).decision == "approve")
        release = cast(ApprovalBody, approval.body).release
        assert release is not None
        keys = LocalKeyResolver(db)
        certificates = [keys.certificate(e.key_id) for e in (submission, approval)]
        document = {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_at": now_rfc3339(),
            "handling": f"TLP:{release.tlp}",
            "envelopes": [submission.to_json(), approval.to_json()],
            "certificates": [c.to_json() for c in certificates if c is not None],
        }
        data = canonical_bytes(document)
        register = DisseminationRegister(db, audit)
        register.check(recipient=recipient, purpose=purpose)  # before the file exists
        atomic_write_bytes(out, data)
        try:
            register.record(
                actor=user.id,
                obj=report_id,
                recipient=recipient,
                method=Method.EXPORT_FILE,
                purpose=purpose,
                legal_basis=release.legal_basis,
                tlp=release.tlp,
            )
        except BaseException:
            out.unlink(missing_ok=True)
            raise
    return data


@dataclass
class FileVerification:
    kind: str  # "envelope" or "export"
    lines: list[tuple[bool, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.lines) and all(ok for ok, _ in self.lines)

    def add(self, ok: bool, text: str) -> None:
        self.lines.append((ok, text))


def _describe(v: VerifiedEnvelope[Any]) -> str:
    trust = "portal-certified" if v.trust == "portal" else "self-signed, not enrolled"
    cert = v.certificate
    return f"{v.type} {v.hash[:16]}… signed by {cert.user_id} ({cert.role}, {cert.agency}; {trust})"


def verify_file(
    data: bytes, *, now: datetime, local_keys: KeyResolver | None = None
) -> FileVerification:
    """Verifies a single envelope or an export file offline and says, line by line, what holds."""
    try:
        document = parse_json(data)
    except ValueError as exc:
        raise InvalidInput(f"The file is not valid JSON ({exc}).") from None
    if not isinstance(document, dict):
        raise InvalidInput("The file holds no Outpost envelope or export.")
    if document.get("format") == EXPORT_FORMAT:
        return _verify_export(document, now, local_keys)
    if "type" in document and "sig" in document:
        result = FileVerification("envelope")
        if local_keys is None:
            raise InvalidInput(
                "A single envelope is checked against this installation's certificates: "
                "unlock it (--user, passphrase), or verify an export file, which carries them."
            )
        try:
            verified = verify(document, keys=local_keys, now=now, allow_self_signed=True)
            result.add(True, _describe(verified))
        except VerificationError as exc:
            result.add(False, f"{exc.code}: {exc}")
        return result
    raise InvalidInput("The file holds no Outpost envelope or export.")


def _verify_export(
    document: dict[str, Any], now: datetime, local_keys: KeyResolver | None
) -> FileVerification:
    result = FileVerification("export")
    if document.get("version") != EXPORT_VERSION:
        result.add(False, f"unsupported export version {document.get('version')!r}")
        return result
    keys = MemoryKeyResolver()
    for raw in document.get("certificates") or []:
        try:
            keys.add_certificate(Certificate.from_json(raw))
        except VerificationError as exc:
            result.add(False, f"{exc.code}: a certificate in the file is damaged ({exc})")
            return result
    if local_keys is not None:  # portal keys the installation trusts upgrade self-signed ones
        for cert in list(keys.certificates.values()):
            anchor = local_keys.trust_anchor(cert.issuer)
            if anchor is not None:
                keys.add_anchor(anchor)
    verified: list[VerifiedEnvelope[Any]] = []
    for raw in document.get("envelopes") or []:
        try:
            v = verify(raw, keys=keys, now=now, allow_self_signed=True)
        except VerificationError as exc:
            result.add(False, f"{exc.code}: {exc}")
            continue
        verified.append(v)
        result.add(True, _describe(v))
    submissions = [v for v in verified if isinstance(v.body, SubmissionBody)]
    approvals = [v for v in verified if isinstance(v.body, ApprovalBody)]
    if len(submissions) != 1 or len(approvals) != 1:
        result.add(False, "an export must hold one submission and its approval")
        return result
    try:
        check_approval_matches(submissions[0], approvals[0])
        check_four_eyes(submissions[0], approvals[0])
        result.add(True, "the approval decides on exactly this submission, by another person")
    except VerificationError as exc:
        result.add(False, f"{exc.code}: {exc}")
    release = cast(ApprovalBody, approvals[0].body).release
    label = f"TLP:{release.tlp}" if release else None
    if document.get("handling") != label:
        result.add(
            False,
            f"the file's handling label {document.get('handling')!r} is not the "
            f"approved one ({label})",
        )
    return result
