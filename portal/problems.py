"""RFC 9457 problem details: one stable `type` URI per failure.

Every failure the portal reports is a `Problem` naming one entry of PROBLEMS. The slugs are
part of the API (docs/protocol.md §5.6): clients branch on them, so never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from sync.protocol.canonical import JsonObject, JsonValue

PROBLEM_BASE: Final = "https://outpost.invalid/problems/"
MEDIA_TYPE: Final = "application/problem+json"


@dataclass(frozen=True, slots=True)
class ProblemType:
    slug: str
    status: int
    title: str

    @property
    def uri(self) -> str:
        return PROBLEM_BASE + self.slug


def _types(*items: tuple[str, int, str]) -> dict[str, ProblemType]:
    return {slug: ProblemType(slug, status, title) for slug, status, title in items}


PROBLEMS: Final[dict[str, ProblemType]] = _types(
    # request framing
    ("invalid-json", 400, "The body is not valid JSON"),
    ("invalid-request", 400, "The request body does not have the required shape"),
    ("unknown-field", 400, "The request body has a field this API does not know"),
    ("body-too-large", 413, "The request body is larger than the portal accepts"),
    ("batch-too-large", 413, "The batch has more envelopes than the portal accepts"),
    ("unsupported-media-type", 415, "The body's media type is not the one this endpoint takes"),
    ("unsupported-content-encoding", 415, "Content-Encoding must be identity, gzip or zstd"),
    ("bad-compression", 400, "The compressed body cannot be decompressed"),
    ("invalid-cursor", 400, "The feed cursor is not one this portal issued"),
    ("invalid-parameter", 400, "A query parameter is missing or out of range"),
    ("not-found", 404, "No such resource"),
    ("method-not-allowed", 405, "The resource does not support this method"),
    ("not-implemented", 501, "Reserved endpoint, not implemented yet"),
    ("invalid-bundle", 400, "The offline bundle cannot be opened or was altered"),
    ("internal-error", 500, "The portal failed to process the request"),
    # request authentication (RFC 9421 / RFC 9530)
    ("missing-signature", 401, "The request is not signed"),
    ("missing-digest", 401, "The request has no Content-Digest"),
    ("malformed-signature", 401, "The request signature headers are malformed"),
    ("digest-mismatch", 401, "Content-Digest does not match the body"),
    ("bad-request-signature", 401, "The request signature does not verify"),
    ("unknown-key", 401, "No certificate is known for the key"),
    ("revoked-key", 401, "The key has been revoked"),
    ("expired-certificate", 401, "The key's certificate is not valid now"),
    ("clock-skew", 401, "The signature's created time is outside the portal's window"),
    ("replayed-request", 401, "The request nonce has been used before"),
    # enrolment
    ("invalid-enrolment-code", 403, "The enrolment code is not known"),
    ("expired-enrolment-code", 403, "The enrolment code has expired"),
    ("used-enrolment-code", 403, "The enrolment code has already been used"),
    ("key-already-enrolled", 409, "The public key already has a certificate"),
    ("enrolment-code-mismatch", 409, "The enrolment code is for another role, agency or person"),
    ("principal-taken", 409, "The user id belongs to another principal"),
    ("too-many-attempts", 429, "Too many failed attempts from this address"),
    ("not-permitted", 403, "The caller's role or agency may not read this"),
    # envelopes (per item); the first group mirrors sync.protocol.errors codes
    ("malformed-envelope", 422, "The envelope is malformed"),
    ("unsupported-version", 422, "The envelope version is not supported"),
    ("unexpected-type", 422, "This endpoint does not accept this envelope type"),
    ("bad-signature", 422, "The envelope signature does not verify"),
    ("untrusted-certificate", 422, "The signer's certificate was not issued by this portal"),
    ("wrong-role", 422, "The signer's role may not sign this envelope type"),
    ("signer-mismatch", 422, "The body names another user or agency than the certificate"),
    ("hash-mismatch", 422, "The approval does not match the submission it names"),
    ("four-eyes-violation", 422, "An approver may not decide on their own submission"),
    ("wrong-agency", 403, "The signer's agency does not match the caller's or the report's"),
    ("unknown-submission", 422, "The approval names a submission the portal has not stored"),
    ("unknown-approval", 422, "The national release names an approval the portal has not stored"),
    ("envelope-conflict", 409, "Another envelope holds this report version or decision"),
    ("observed-in-future", 422, "The report's observation time is in the portal's future"),
    ("release-refused", 422, "The release names an audience its TLP label cannot honour"),
    # attachment uploads (tus 1.0)
    ("unsupported-tus-version", 412, "The request does not speak tus 1.0.0"),
    ("upload-too-large", 413, "The upload is longer than declared or than the portal accepts"),
    ("offset-mismatch", 409, "Upload-Offset is not the upload's current offset"),
    ("unsupported-checksum-algorithm", 400, "Upload-Checksum must use sha256"),
    ("checksum-mismatch", 460, "The chunk does not match its Upload-Checksum"),
    ("upload-expired", 410, "The upload expired before it was completed"),
    ("upload-locked", 423, "Another request is writing to this upload"),
    ("attachment-hash-mismatch", 422, "The completed file does not have the declared SHA-256"),
)


class Problem(Exception):
    """Raise anywhere in request handling; the app turns it into problem+json."""

    def __init__(self, slug: str, detail: str, **extensions: JsonValue) -> None:
        if slug not in PROBLEMS:
            raise KeyError(f"unknown problem type {slug!r}")
        super().__init__(detail)
        self.kind = PROBLEMS[slug]
        self.detail = detail
        self.extensions = extensions
        # Response headers some protocols require on errors too (tus: Tus-Resumable).
        self.headers: dict[str, str] = {}

    @property
    def status(self) -> int:
        return self.kind.status

    def to_json(self) -> JsonObject:
        body: JsonObject = {
            "type": self.kind.uri,
            "title": self.kind.title,
            "status": self.kind.status,
            "detail": self.detail,
        }
        body.update(self.extensions)
        return body


def protocol_problem_slug(code: str) -> str:
    """The problem slug of a sync.protocol VerificationError code (snake → kebab case)."""
    slug = code.replace("_", "-")
    return slug if slug in PROBLEMS else "malformed-envelope"
