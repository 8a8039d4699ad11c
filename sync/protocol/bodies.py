"""Typed bodies of the three envelope types, with strict JSON (de)serialisation.

`from_json` rejects unknown and missing fields, wrong JSON types and invalid values with
MalformedEnvelope (message = JSON path + problem). Constructors enforce the same value
rules, so an invalid body cannot be signed either.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import ClassVar, Final, Literal, TypeAlias, cast

from sync.protocol import fields as f
from sync.protocol.canonical import JsonObject, JsonValue, json_copy
from sync.protocol.errors import CanonicalError, MalformedEnvelope

EnvelopeType = Literal["submission", "approval", "national_release", "receipt"]
ENVELOPE_TYPES: Final[tuple[EnvelopeType, ...]] = (
    "submission",
    "approval",
    "national_release",
    "receipt",
)
Tlp = Literal["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"]
TLP_LABELS: Final[tuple[Tlp, ...]] = ("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")
Decision = Literal["approve", "return"]
DECISIONS: Final[tuple[Decision, ...]] = ("approve", "return")
NationalDecision = Literal["release", "decline"]
NATIONAL_DECISIONS: Final[tuple[NationalDecision, ...]] = ("release", "decline")
ReceiptFor = Literal["submission", "approval", "national_release"]
RECEIPT_FOR: Final[tuple[ReceiptFor, ...]] = ("submission", "approval", "national_release")

_ERR = MalformedEnvelope


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file attached to a report, named by content: the bytes travel separately."""

    sha256: str  # 64 lower-case hex digits
    size: int  # bytes, >= 0
    media_type: str  # lower-case "type/subtype", no parameters

    def __post_init__(self) -> None:
        f.check_hash(self.sha256, "sha256", _ERR)
        f.check_int(self.size, "size", _ERR, minimum=0)
        f.check_media_type(self.media_type, "media_type", _ERR)

    def to_json(self) -> JsonObject:
        return {"sha256": self.sha256, "size": self.size, "media_type": self.media_type}

    @classmethod
    def from_json(cls, data: object, path: str) -> Attachment:
        obj = f.read_object(data, path, ("sha256", "size", "media_type"), _ERR)
        sha256 = f.read_str(obj["sha256"], f"{path}.sha256", _ERR)
        size = f.read_int(obj["size"], f"{path}.size", _ERR)
        media_type = f.read_str(obj["media_type"], f"{path}.media_type", _ERR)
        with f.prefixed(path):
            return cls(sha256=sha256, size=size, media_type=media_type)


@dataclass(frozen=True, slots=True)
class SubmissionBody:
    """One version of a report, signed by its author."""

    TYPE: ClassVar[EnvelopeType] = "submission"

    report_id: uuid.UUID
    report_version: int  # 1, 2, ... ; each resubmission after a return is a new version
    supersedes: str | None  # envelope hash of the previous version; None for version 1
    report: JsonObject  # the report itself (validated by the app layer); copied on creation
    attachments: tuple[Attachment, ...]
    author: str  # user id of the signer
    agency: str  # agency code of the signer
    created_at: datetime  # UTC, whole seconds
    # True only from Envelope.from_bytes's canonical path: the report is a fresh tree from
    # canonical.parse_canonical_candidate, so it is neither copied nor walked again.
    canonical_report: bool = field(default=False, kw_only=True, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.report_id, uuid.UUID):
            raise _ERR("report_id: expected a UUID")
        f.check_int(self.report_version, "report_version", _ERR, minimum=1)
        f.check_optional_hash(self.supersedes, "supersedes", _ERR)
        if (self.report_version == 1) != (self.supersedes is None):
            raise _ERR("supersedes: must be null exactly when report_version is 1")
        if not self.canonical_report:
            object.__setattr__(self, "report", _copy_report(self.report))
        elif not isinstance(self.report, dict):
            raise _ERR("report: expected a JSON object (dict)")
        attachments = tuple(self.attachments)
        if not all(isinstance(a, Attachment) for a in attachments):
            raise _ERR("attachments: expected Attachment items")
        if len({a.sha256 for a in attachments}) != len(attachments):
            raise _ERR("attachments: the same sha256 is listed twice")
        object.__setattr__(self, "attachments", attachments)
        f.check_identifier(self.author, "author", _ERR)
        f.check_agency(self.agency, "agency", _ERR)
        object.__setattr__(self, "created_at", f.utc_seconds(self.created_at, "created_at", _ERR))

    def signer(self) -> tuple[str, str]:
        """(user id, agency) that must match the signer's certificate."""
        return self.author, self.agency

    def to_json(self) -> JsonObject:
        out = self.json_view()
        out["report"] = json_copy(self.report)
        return out

    def json_view(self) -> JsonObject:
        """Like to_json, but shares the report object: read it, never mutate it."""
        return {
            "report_id": str(self.report_id),
            "report_version": self.report_version,
            "supersedes": self.supersedes,
            "report": self.report,
            "attachments": [a.to_json() for a in self.attachments],
            "author": self.author,
            "agency": self.agency,
            "created_at": f.format_timestamp(self.created_at),
        }

    @classmethod
    def from_json(
        cls, data: object, path: str = "body", *, canonical: bool = False
    ) -> SubmissionBody:
        """`canonical`: see Envelope.from_json (the report is taken over as it is)."""
        obj = f.read_object(data, path, _SUBMISSION_FIELDS, _ERR)
        items = f.read_list(obj["attachments"], f"{path}.attachments", _ERR)
        report = obj["report"]
        if not isinstance(report, dict):
            raise _ERR(f"{path}.report: expected a JSON object")
        report_id = f.read_uuid(obj["report_id"], f"{path}.report_id", _ERR)
        version = f.read_int(obj["report_version"], f"{path}.report_version", _ERR)
        supersedes = f.read_optional_str(obj["supersedes"], f"{path}.supersedes", _ERR)
        attachments = tuple(
            Attachment.from_json(item, f"{path}.attachments[{i}]") for i, item in enumerate(items)
        )
        author = f.read_str(obj["author"], f"{path}.author", _ERR)
        agency = f.read_str(obj["agency"], f"{path}.agency", _ERR)
        created_at = f.read_timestamp(obj["created_at"], f"{path}.created_at", _ERR)
        with f.prefixed(path):
            return cls(
                report_id=report_id,
                report_version=version,
                supersedes=supersedes,
                report=cast(JsonObject, report),
                attachments=attachments,
                author=author,
                agency=agency,
                created_at=created_at,
                canonical_report=canonical,
            )


_SUBMISSION_FIELDS: Final = (
    "report_id",
    "report_version",
    "supersedes",
    "report",
    "attachments",
    "author",
    "agency",
    "created_at",
)


def _copy_report(report: object) -> JsonObject:
    if not isinstance(report, dict):
        raise _ERR("report: expected a JSON object (dict)")
    try:
        copied: JsonValue = json_copy(report, "report")
    except CanonicalError as exc:
        raise _ERR(str(exc)) from None
    return cast(JsonObject, copied)


def _sorted_unique(values: tuple[str, ...], name: str) -> None:
    # One signed form per set: require the sorted order.
    if any(a >= b for a, b in itertools.pairwise(values)):
        raise _ERR(f"{name}: must be sorted ascending without duplicates")


@dataclass(frozen=True, slots=True)
class Release:
    """Release settings chosen by the approver (TLP 2.0 and onward sharing).

    `agencies` and `recipients` came after the first signed approvals: they are omitted from
    the JSON when empty (so every earlier approval keeps its exact bytes and hash) and, when
    present, must be non-empty. Which combinations the portal honours is sync.protocol.tlp's
    rule, not a parsing rule: an approval signed before that rule still parses.
    """

    tlp: Tlp
    third_party: bool  # may be passed to third parties
    legal_basis: str  # MOU or arrangement reference
    releasable_to: tuple[str, ...]  # ISO 3166-1 alpha-3, strictly ascending (sorted, unique)
    tlp_reason: str | None
    agencies: tuple[str, ...] = ()  # agency codes, strictly ascending (AMBER+STRICT, ...)
    recipients: tuple[str, ...] = ()  # principal ids, strictly ascending (TLP:RED)

    def __post_init__(self) -> None:
        f.check_choice(self.tlp, "tlp", _ERR, TLP_LABELS)
        if not isinstance(self.third_party, bool):
            raise _ERR("third_party: expected a bool")
        if not isinstance(self.legal_basis, str):
            raise _ERR("legal_basis: expected a string")
        codes = tuple(self.releasable_to)
        for i, code in enumerate(codes):
            f.check_country(code, f"releasable_to[{i}]", _ERR)
        _sorted_unique(codes, "releasable_to")
        object.__setattr__(self, "releasable_to", codes)
        agencies = tuple(self.agencies)
        for i, agency in enumerate(agencies):
            f.check_agency(agency, f"agencies[{i}]", _ERR)
        _sorted_unique(agencies, "agencies")
        object.__setattr__(self, "agencies", agencies)
        recipients = tuple(self.recipients)
        for i, principal in enumerate(recipients):
            f.check_identifier(principal, f"recipients[{i}]", _ERR)
        _sorted_unique(recipients, "recipients")
        object.__setattr__(self, "recipients", recipients)
        if self.tlp_reason is not None and not isinstance(self.tlp_reason, str):
            raise _ERR("tlp_reason: expected a string or None")

    def to_json(self) -> JsonObject:
        out: JsonObject = {
            "tlp": self.tlp,
            "third_party": self.third_party,
            "legal_basis": self.legal_basis,
            "releasable_to": list(self.releasable_to),
            "tlp_reason": self.tlp_reason,
        }
        if self.agencies:
            out["agencies"] = list(self.agencies)
        if self.recipients:
            out["recipients"] = list(self.recipients)
        return out

    @classmethod
    def from_json(cls, data: object, path: str) -> Release:
        obj = f.read_object(
            data,
            path,
            ("tlp", "third_party", "legal_basis", "releasable_to", "tlp_reason"),
            _ERR,
            optional=("agencies", "recipients"),
        )
        tlp = f.read_str(obj["tlp"], f"{path}.tlp", _ERR)
        f.check_choice(tlp, f"{path}.tlp", _ERR, TLP_LABELS)
        third_party = f.read_bool(obj["third_party"], f"{path}.third_party", _ERR)
        legal_basis = f.read_str(obj["legal_basis"], f"{path}.legal_basis", _ERR)
        releasable_to = _strings(obj["releasable_to"], f"{path}.releasable_to")
        tlp_reason = f.read_optional_str(obj["tlp_reason"], f"{path}.tlp_reason", _ERR)
        optional: dict[str, tuple[str, ...]] = {}
        for name in ("agencies", "recipients"):
            if name in obj:
                values = _strings(obj[name], f"{path}.{name}")
                if not values:  # absent means none: an empty list would be a second spelling
                    raise _ERR(f"{path}.{name}: must not be empty (omit it instead)")
                optional[name] = values
        with f.prefixed(path):
            return cls(
                tlp=cast(Tlp, tlp),
                third_party=third_party,
                legal_basis=legal_basis,
                releasable_to=releasable_to,
                tlp_reason=tlp_reason,
                **optional,
            )


def _strings(value: object, path: str) -> tuple[str, ...]:
    items = f.read_list(value, path, _ERR)
    return tuple(f.read_str(v, f"{path}[{i}]", _ERR) for i, v in enumerate(items))


@dataclass(frozen=True, slots=True)
class ApprovalBody:
    """A focal point's decision on one submission envelope."""

    TYPE: ClassVar[EnvelopeType] = "approval"

    submission: str  # envelope hash of the submission decided on
    report_id: uuid.UUID  # the submission's report_id (lets receivers cross-check)
    decision: Decision
    release: Release | None  # required for "approve", null for "return"
    comment: str
    approver: str  # user id of the signer
    agency: str  # agency code of the signer
    decided_at: datetime  # UTC, whole seconds

    def __post_init__(self) -> None:
        f.check_hash(self.submission, "submission", _ERR)
        if not isinstance(self.report_id, uuid.UUID):
            raise _ERR("report_id: expected a UUID")
        f.check_choice(self.decision, "decision", _ERR, DECISIONS)
        if self.release is not None and not isinstance(self.release, Release):
            raise _ERR("release: expected a Release or None")
        if (self.decision == "approve") != (self.release is not None):
            raise _ERR("release: required for 'approve' and null for 'return'")
        if not isinstance(self.comment, str):
            raise _ERR("comment: expected a string")
        f.check_identifier(self.approver, "approver", _ERR)
        f.check_agency(self.agency, "agency", _ERR)
        object.__setattr__(self, "decided_at", f.utc_seconds(self.decided_at, "decided_at", _ERR))

    def signer(self) -> tuple[str, str]:
        return self.approver, self.agency

    def to_json(self) -> JsonObject:
        return {
            "submission": self.submission,
            "report_id": str(self.report_id),
            "decision": self.decision,
            "release": None if self.release is None else self.release.to_json(),
            "comment": self.comment,
            "approver": self.approver,
            "agency": self.agency,
            "decided_at": f.format_timestamp(self.decided_at),
        }

    json_view = to_json

    @classmethod
    def from_json(cls, data: object, path: str = "body") -> ApprovalBody:
        obj = f.read_object(data, path, _APPROVAL_FIELDS, _ERR)
        decision = f.read_str(obj["decision"], f"{path}.decision", _ERR)
        f.check_choice(decision, f"{path}.decision", _ERR, DECISIONS)
        raw_release = obj["release"]
        release = None if raw_release is None else Release.from_json(raw_release, f"{path}.release")
        submission = f.read_str(obj["submission"], f"{path}.submission", _ERR)
        report_id = f.read_uuid(obj["report_id"], f"{path}.report_id", _ERR)
        comment = f.read_str(obj["comment"], f"{path}.comment", _ERR)
        approver = f.read_str(obj["approver"], f"{path}.approver", _ERR)
        agency = f.read_str(obj["agency"], f"{path}.agency", _ERR)
        decided_at = f.read_timestamp(obj["decided_at"], f"{path}.decided_at", _ERR)
        with f.prefixed(path):
            return cls(
                submission=submission,
                report_id=report_id,
                decision=cast(Decision, decision),
                release=release,
                comment=comment,
                approver=approver,
                agency=agency,
                decided_at=decided_at,
            )


_APPROVAL_FIELDS: Final = (
    "submission",
    "report_id",
    "decision",
    "release",
    "comment",
    "approver",
    "agency",
    "decided_at",
)


@dataclass(frozen=True, slots=True)
class NationalReleaseBody:
    """The national focal point's decision on an OFP's approval: release it beyond the
    member state (with the release settings that then apply) or decline to.

    The second level of the chain (docs/protocol.md §3.8): it names the approval by hash,
    and the approval names the submission, so one signed chain runs from the author to the
    member state's decision.
    """

    TYPE: ClassVar[EnvelopeType] = "national_release"

    approval: str  # envelope hash of the OFP approval decided on
    report_id: uuid.UUID  # the approval's report_id (a cross-check)
    decision: NationalDecision
    release: Release | None  # required for "release", null for "decline"
    comment: str
    releaser: str  # user id of the signer (an NFP)
    agency: str  # agency code of the signer
    decided_at: datetime  # UTC, whole seconds

    def __post_init__(self) -> None:
        f.check_hash(self.approval, "approval", _ERR)
        if not isinstance(self.report_id, uuid.UUID):
            raise _ERR("report_id: expected a UUID")
        f.check_choice(self.decision, "decision", _ERR, NATIONAL_DECISIONS)
        if self.release is not None and not isinstance(self.release, Release):
            raise _ERR("release: expected a Release or None")
        if (self.decision == "release") != (self.release is not None):
            raise _ERR("release: required for 'release' and null for 'decline'")
        if not isinstance(self.comment, str):
            raise _ERR("comment: expected a string")
        f.check_identifier(self.releaser, "releaser", _ERR)
        f.check_agency(self.agency, "agency", _ERR)
        object.__setattr__(self, "decided_at", f.utc_seconds(self.decided_at, "decided_at", _ERR))

    def signer(self) -> tuple[str, str]:
        return self.releaser, self.agency

    def to_json(self) -> JsonObject:
        return {
            "approval": self.approval,
            "report_id": str(self.report_id),
            "decision": self.decision,
            "release": None if self.release is None else self.release.to_json(),
            "comment": self.comment,
            "releaser": self.releaser,
            "agency": self.agency,
            "decided_at": f.format_timestamp(self.decided_at),
        }

    json_view = to_json

    @classmethod
    def from_json(cls, data: object, path: str = "body") -> NationalReleaseBody:
        obj = f.read_object(data, path, _NATIONAL_FIELDS, _ERR)
        decision = f.read_str(obj["decision"], f"{path}.decision", _ERR)
        f.check_choice(decision, f"{path}.decision", _ERR, NATIONAL_DECISIONS)
        raw_release = obj["release"]
        release = None if raw_release is None else Release.from_json(raw_release, f"{path}.release")
        approval = f.read_str(obj["approval"], f"{path}.approval", _ERR)
        report_id = f.read_uuid(obj["report_id"], f"{path}.report_id", _ERR)
        comment = f.read_str(obj["comment"], f"{path}.comment", _ERR)
        releaser = f.read_str(obj["releaser"], f"{path}.releaser", _ERR)
        agency = f.read_str(obj["agency"], f"{path}.agency", _ERR)
        decided_at = f.read_timestamp(obj["decided_at"], f"{path}.decided_at", _ERR)
        with f.prefixed(path):
            return cls(
                approval=approval,
                report_id=report_id,
                decision=cast(NationalDecision, decision),
                release=release,
                comment=comment,
                releaser=releaser,
                agency=agency,
                decided_at=decided_at,
            )


_NATIONAL_FIELDS: Final = (
    "approval",
    "report_id",
    "decision",
    "release",
    "comment",
    "releaser",
    "agency",
    "decided_at",
)


@dataclass(frozen=True, slots=True)
class ReceiptBody:
    """The portal's acknowledgement of one accepted envelope."""

    TYPE: ClassVar[EnvelopeType] = "receipt"

    envelope: str  # hash of the acknowledged envelope
    envelope_type: ReceiptFor
    portal_seq: int  # the portal's sequence number, >= 1
    portal_time: datetime  # UTC, whole seconds
    portal: str  # portal id; equals the user_id of the portal's certificate

    def __post_init__(self) -> None:
        f.check_hash(self.envelope, "envelope", _ERR)
        f.check_choice(self.envelope_type, "envelope_type", _ERR, RECEIPT_FOR)
        f.check_int(self.portal_seq, "portal_seq", _ERR, minimum=1)
        object.__setattr__(
            self, "portal_time", f.utc_seconds(self.portal_time, "portal_time", _ERR)
        )
        f.check_identifier(self.portal, "portal", _ERR)

    def signer(self) -> tuple[str, None]:
        # A portal certificate's agency is the operator's; the receipt does not repeat it.
        return self.portal, None

    def to_json(self) -> JsonObject:
        return {
            "envelope": self.envelope,
            "envelope_type": self.envelope_type,
            "portal_seq": self.portal_seq,
            "portal_time": f.format_timestamp(self.portal_time),
            "portal": self.portal,
        }

    json_view = to_json

    @classmethod
    def from_json(cls, data: object, path: str = "body") -> ReceiptBody:
        obj = f.read_object(
            data, path, ("envelope", "envelope_type", "portal_seq", "portal_time", "portal"), _ERR
        )
        kind = f.read_str(obj["envelope_type"], f"{path}.envelope_type", _ERR)
        f.check_choice(kind, f"{path}.envelope_type", _ERR, RECEIPT_FOR)
        envelope = f.read_str(obj["envelope"], f"{path}.envelope", _ERR)
        portal_seq = f.read_int(obj["portal_seq"], f"{path}.portal_seq", _ERR)
        portal_time = f.read_timestamp(obj["portal_time"], f"{path}.portal_time", _ERR)
        portal = f.read_str(obj["portal"], f"{path}.portal", _ERR)
        with f.prefixed(path):
            return cls(
                envelope=envelope,
                envelope_type=cast(ReceiptFor, kind),
                portal_seq=portal_seq,
                portal_time=portal_time,
                portal=portal,
            )


Body: TypeAlias = SubmissionBody | ApprovalBody | NationalReleaseBody | ReceiptBody
BODY_TYPES: Final[dict[str, type[Body]]] = {
    "submission": SubmissionBody,
    "approval": ApprovalBody,
    "national_release": NationalReleaseBody,
    "receipt": ReceiptBody,
}
