"""A minimal signing HTTP client for the portal tests (the real client lives in sync/)."""

from __future__ import annotations

import gzip
import json
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.http_signatures import sign_request
from sync.protocol import (
    ApprovalBody,
    Certificate,
    Envelope,
    NationalReleaseBody,
    Release,
    SubmissionBody,
    b64url_encode,
    generate_private_key,
    public_key_raw,
    sign_approval,
    sign_national_release,
    sign_submission,
)


@dataclass
class User:
    base_url: str
    key: Ed25519PrivateKey
    certificate: Certificate
    session: requests.Session = field(default_factory=requests.Session)

    @property
    def user_id(self) -> str:
        return self.certificate.user_id

    @property
    def agency(self) -> str:
        return self.certificate.agency

    def prepare(
        self,
        method: str,
        path: str,
        *,
        body: bytes = b"",
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        created: int | None = None,
        nonce: str | None = None,
        sign: bool = True,
    ) -> requests.PreparedRequest:
        prepared = requests.Request(
            method, self.base_url + path, params=params, data=body, headers=headers or {}
        ).prepare()
        if sign:
            prepared.headers.update(
                sign_request(
                    method=method,
                    url=str(prepared.url),
                    body=body,
                    private_key=self.key,
                    created=int(time.time()) if created is None else created,
                    nonce=nonce,
                )
            )
        return prepared

    def send(self, prepared: requests.PreparedRequest) -> requests.Response:
        return self.session.send(prepared, timeout=30)

    def push(
        self, envelopes: list[Any], *, encoding: str | None = None, **kwargs: Any
    ) -> requests.Response:
        body = json.dumps({"envelopes": envelopes}).encode()
        headers = {"Content-Type": "application/json"}
        if encoding == "gzip":
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return self.send(
            self.prepare("POST", "/v1/envelopes", body=body, headers=headers, **kwargs)
        )

    def feed(
        self,
        cursor: str | None = None,
        limit: int | str = 100,
        max_bytes: int | str | None = None,
    ) -> requests.Response:
        params: dict[str, Any] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        if max_bytes is not None:
            params["max_bytes"] = max_bytes
        return self.send(self.prepare("GET", "/v1/feed", params=params))

    def feed_all(self) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        cursor = None
        while True:
            page = self.feed(cursor).json()
            items += page["items"]
            cursor = page["cursor"]
            if not page["more"]:
                return items

    def submission(
        self,
        report: dict[str, Any] | None = None,
        *,
        version: int = 1,
        report_id: uuid.UUID | None = None,
    ) -> Envelope[SubmissionBody]:
        body = SubmissionBody(
            report_id=report_id or uuid.uuid4(),
            report_version=version,
            supersedes=None if version == 1 else "0" * 64,
            report=report or {"kind": "other", "narrative": "seen at the gate"},
            attachments=(),
            author=self.user_id,
            agency=self.agency,
            created_at=datetime.now(UTC),
        )
        return sign_submission(body, self.key)

    def approval(
        self,
        submission: Envelope[SubmissionBody],
        *,
        tlp: str = "AMBER",
        releasable_to: tuple[str, ...] = ("KEN",),
        agencies: tuple[str, ...] = (),
        recipients: tuple[str, ...] = (),
        third_party: bool = False,
    ) -> Envelope[ApprovalBody]:
        body = ApprovalBody(
            submission=submission.hash,
            report_id=submission.body.report_id,
            decision="approve",
            release=Release(
                tlp=tlp,  # type: ignore[arg-type]
                third_party=third_party,
                legal_basis="MOU-2024-01",
                releasable_to=releasable_to,
                tlp_reason=None,
                agencies=agencies,
                recipients=recipients,
            ),
            comment="ok",
            approver=self.user_id,
            agency=self.agency,
            decided_at=datetime.now(UTC),
        )
        return sign_approval(body, self.key)

    def national_release(
        self,
        approval: Envelope[ApprovalBody],
        *,
        tlp: str = "AMBER",
        releasable_to: tuple[str, ...] = ("KEN",),
        agencies: tuple[str, ...] = (),
        recipients: tuple[str, ...] = (),
        third_party: bool = False,
        decline: bool = False,
    ) -> Envelope[NationalReleaseBody]:
        """An NFP's decision on an OFP's approval: release beyond the state, or decline."""
        body = NationalReleaseBody(
            approval=approval.hash,
            report_id=approval.body.report_id,
            decision="decline" if decline else "release",
            release=None
            if decline
            else Release(
                tlp=tlp,  # type: ignore[arg-type]
                third_party=third_party,
                legal_basis="MOU-2024-01",
                releasable_to=releasable_to,
                tlp_reason=None,
                agencies=agencies,
                recipients=recipients,
            ),
            comment="national decision",
            releaser=self.user_id,
            agency=self.agency,
            decided_at=datetime.now(UTC),
        )
        return sign_national_release(body, self.key)


def wire(envelope: Envelope[Any]) -> dict[str, Any]:
    """An envelope as a plain, freely editable JSON object (to tamper with in tests)."""
    value: dict[str, Any] = json.loads(envelope.to_bytes())
    return value


def enrol_request(
    base_url: str,
    code: str,
    user_id: str,
    key: Ed25519PrivateKey,
    *,
    session: requests.Session | None = None,
    signed_by: User | None = None,
    **fields: str,
) -> requests.Response:
    """POST /v1/enrol as sent; `fields`: role, agency, display_name; `signed_by`: the
    principal's current key, to replace it."""
    public_key = b64url_encode(public_key_raw(key))
    body = json.dumps({"code": code, "public_key": public_key, "user_id": user_id, **fields})
    body = body.encode()
    headers = {"Content-Type": "application/json"}
    if signed_by is not None:
        return signed_by.send(signed_by.prepare("POST", "/v1/enrol", body=body, headers=headers))
    return (session or requests.Session()).post(
        base_url + "/v1/enrol", data=body, headers=headers, timeout=30
    )


def enrol(
    base_url: str,
    code: str,
    user_id: str,
    *,
    session: requests.Session | None = None,
    signed_by: User | None = None,
    **fields: str,
) -> User:
    """Enrol a new key; the User sends through `session` (e.g. a pinned TLS session)."""
    key = generate_private_key()
    session = session or requests.Session()
    response = enrol_request(
        base_url, code, user_id, key, session=session, signed_by=signed_by, **fields
    )
    assert response.status_code == 201, response.text
    return User(base_url, key, Certificate.from_json(response.json()["certificate"]), session)
