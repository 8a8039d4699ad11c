"""verify(): every outcome, and the cross-envelope helpers."""

from __future__ import annotations

import copy
import uuid
from datetime import datetime, timedelta
from typing import Any, cast

import pytest

from sync.protocol import (
    ERROR_CODES,
    BadSignature,
    Body,
    Certificate,
    Envelope,
    ExpiredCertificate,
    FourEyesViolation,
    HashMismatch,
    MalformedEnvelope,
    MemoryKeyResolver,
    ReceiptBody,
    RevokedKey,
    SignerMismatch,
    SubmissionBody,
    Trust,
    UnexpectedType,
    UnknownKey,
    UnsupportedVersion,
    UntrustedCertificate,
    VerificationError,
    WrongRole,
    check_approval_matches,
    check_four_eyes,
    check_receipt_matches,
    sign,
    sign_approval,
    sign_receipt,
    sign_submission,
    verify,
)
from tests.protocol.pki import (
    NOT_AFTER,
    NOT_BEFORE,
    NOW,
    PKI,
    approval_body,
    certify,
    receipt_body,
    submission_body,
)

SUBMISSION = sign_submission(submission_body(), PKI.officer_key)
APPROVAL = sign_approval(approval_body(SUBMISSION.hash), PKI.ofp_key)
RECEIPT = sign_receipt(receipt_body(SUBMISSION.hash), PKI.portal_key)


@pytest.mark.parametrize("form", ["object", "json", "bytes"])
def test_verifies_every_type_in_every_form(form: str) -> None:
    keys = PKI.resolver()
    cases: list[tuple[Envelope[Body], Certificate]] = [
        (SUBMISSION, PKI.officer_cert),
        (APPROVAL, PKI.ofp_cert),
        (RECEIPT, PKI.portal_cert),
    ]
    for env, cert in cases:
        given: Any = {"object": env, "json": env.to_json(), "bytes": env.to_bytes()}[form]
        result = verify(given, keys=keys, now=NOW, expected_hash=env.hash)
        assert result.type == env.type and result.hash == env.hash
        assert result.body == env.body and result.envelope == env
        assert result.certificate == cert and result.trust is Trust.PORTAL


def test_typed_results() -> None:
    keys = PKI.resolver()
    sub = verify(SUBMISSION.to_bytes(), keys=keys, now=NOW, expected_type="submission")
    assert sub.body.author == "u-1001"  # typed as SubmissionBody
    app = verify(APPROVAL, keys=keys, now=NOW, expected_type="approval")
    assert app.body.decision == "approve"
    rec = verify(RECEIPT, keys=keys, now=NOW, expected_type="receipt")
    assert rec.body.portal_seq == 42
    with pytest.raises(UnexpectedType):
        verify(APPROVAL, keys=keys, now=NOW, expected_type="submission")


def test_nfp_may_approve_and_submit() -> None:
    keys = PKI.resolver()
    approval = sign_approval(
        approval_body(SUBMISSION.hash, approver="u-3001", agency="KEN-NFP"), PKI.nfp_key
    )
    assert verify(approval, keys=keys, now=NOW).certificate.role == "nfp"
    sub = sign_submission(submission_body(author="u-3001", agency="KEN-NFP"), PKI.nfp_key)
    assert verify(sub, keys=keys, now=NOW).trust is Trust.PORTAL


def test_unknown_key() -> None:
    keys = MemoryKeyResolver.of([PKI.ofp_cert], anchors=[PKI.portal_cert.public_key])
    with pytest.raises(UnknownKey):
        verify(SUBMISSION, keys=keys, now=NOW)


def test_resolver_returning_another_keys_certificate() -> None:
    keys = PKI.resolver()
    keys.certificates[SUBMISSION.key_id] = PKI.officer2_cert
    with pytest.raises(UnknownKey, match="certificate of"):
        verify(SUBMISSION, keys=keys, now=NOW)


def test_bad_signature_every_bit() -> None:
    keys = PKI.resolver()
    for bit in range(len(SUBMISSION.sig) * 8):
        sig = bytearray(SUBMISSION.sig)
        sig[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(BadSignature):
            verify(Envelope(SUBMISSION.body, SUBMISSION.key_id, bytes(sig)), keys=keys, now=NOW)


def test_non_canonical_signature_scalar_is_rejected() -> None:
    # S + L encodes the same scalar mod L; accepting it would make signatures malleable.
    order = 2**252 + 27742317777372353535851937790883648493
    scalar = int.from_bytes(SUBMISSION.sig[32:], "little")
    assert scalar + order < 2**256  # holds for this fixed test signature
    sig = SUBMISSION.sig[:32] + (scalar + order).to_bytes(32, "little")
    with pytest.raises(BadSignature):
        verify(Envelope(SUBMISSION.body, SUBMISSION.key_id, sig), keys=PKI.resolver(), now=NOW)


def test_key_id_swapped_for_another_known_key() -> None:
    keys = PKI.resolver()
    for cert in (PKI.officer2_cert, PKI.ofp_cert, PKI.portal_cert, PKI.device_cert):
        swapped = SUBMISSION.to_json()
        swapped["key_id"] = cert.key_id
        with pytest.raises(BadSignature):
            verify(swapped, keys=keys, now=NOW, allow_self_signed=True)


def test_signature_from_another_type_does_not_transfer() -> None:
    # Domain separation: re-labelling a signed body as another type breaks the signature.
    data = SUBMISSION.to_json()
    data["type"] = "approval"
    with pytest.raises(VerificationError) as info:
        verify(data, keys=PKI.resolver(), now=NOW)
    assert isinstance(info.value, MalformedEnvelope | BadSignature)


def test_expired_and_not_yet_valid() -> None:
    keys = PKI.resolver()
    for now in (NOT_AFTER + timedelta(seconds=1), NOT_BEFORE - timedelta(days=1)):
        with pytest.raises(ExpiredCertificate):
            verify(SUBMISSION, keys=keys, now=now)
    assert verify(SUBMISSION, keys=keys, now=NOT_AFTER).hash == SUBMISSION.hash


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        verify(SUBMISSION, keys=PKI.resolver(), now=datetime(2026, 3, 1))


def test_revoked() -> None:
    keys = PKI.resolver()
    keys.revoke(PKI.officer_cert.key_id)
    with pytest.raises(RevokedKey):
        verify(SUBMISSION, keys=keys, now=NOW)


@pytest.mark.parametrize(
    ("env", "key", "message"),
    [
        # An officer may not approve; an ofp may not sign receipts; the portal may not submit.
        ("approval", "officer", "role 'officer' may not sign a approval"),
        ("receipt", "ofp", "role 'ofp' may not sign a receipt"),
        ("submission", "portal", "role 'portal' may not sign a submission"),
    ],
)
def test_wrong_role(env: str, key: str, message: str) -> None:
    keys = PKI.resolver()
    private = getattr(PKI, f"{key}_key")
    cert: Certificate = getattr(PKI, f"{key}_cert")
    if env == "approval":
        body: Any = approval_body(SUBMISSION.hash, approver=cert.user_id, agency=cert.agency)
    elif env == "receipt":
        body = receipt_body(SUBMISSION.hash)
    else:
        body = submission_body(author=cert.user_id, agency=cert.agency)
    with pytest.raises(WrongRole, match=message):
        verify(sign(body, private), keys=keys, now=NOW)


def test_signer_mismatch() -> None:
    keys = PKI.resolver()
    # Officer 1 signs a body naming officer 2 as author.
    other_author = sign_submission(submission_body(author="u-1002"), PKI.officer_key)
    with pytest.raises(SignerMismatch):
        verify(other_author, keys=keys, now=NOW)
    other_agency = sign_submission(submission_body(agency="UGA-DCIC"), PKI.officer_key)
    with pytest.raises(SignerMismatch):
        verify(other_agency, keys=keys, now=NOW)
    approval = sign_approval(approval_body(SUBMISSION.hash, approver="u-3001"), PKI.ofp_key)
    with pytest.raises(SignerMismatch):
        verify(approval, keys=keys, now=NOW)
    receipt = sign_receipt(
        ReceiptBody(SUBMISSION.hash, "submission", 1, NOW, "other.portal"), PKI.portal_key
    )
    with pytest.raises(SignerMismatch):
        verify(receipt, keys=keys, now=NOW)


def test_expected_hash() -> None:
    with pytest.raises(HashMismatch):
        verify(SUBMISSION, keys=PKI.resolver(), now=NOW, expected_hash=APPROVAL.hash)


def test_unsupported_version_and_malformed() -> None:
    keys = PKI.resolver()
    data = SUBMISSION.to_json()
    data["v"] = 2
    with pytest.raises(UnsupportedVersion):
        verify(data, keys=keys, now=NOW)
    with pytest.raises(MalformedEnvelope):
        verify(b"{not json", keys=keys, now=NOW)
    extra = SUBMISSION.to_json()
    cast(dict[str, Any], extra["body"])["note"] = "unknown field"
    with pytest.raises(MalformedEnvelope):
        verify(extra, keys=keys, now=NOW)


def test_self_signed_signers() -> None:
    keys = PKI.resolver()
    env = sign_submission(submission_body(author="u-1003"), PKI.device_key)
    with pytest.raises(UntrustedCertificate, match="self-signed"):
        verify(env, keys=keys, now=NOW)
    result = verify(env, keys=keys, now=NOW, allow_self_signed=True)
    assert result.trust is Trust.SELF_SIGNED


def test_certificate_from_untrusted_issuer() -> None:
    keys = PKI.resolver()
    rogue_cert = certify(PKI.officer_key, PKI.device_key, user_id="u-1001", role="officer")
    keys.add_certificate(rogue_cert)
    with pytest.raises(UntrustedCertificate):
        verify(SUBMISSION, keys=keys, now=NOW, allow_self_signed=True)


def test_four_eyes() -> None:
    keys = PKI.resolver()
    sub = verify(SUBMISSION, keys=keys, now=NOW, expected_type="submission")
    app = verify(APPROVAL, keys=keys, now=NOW, expected_type="approval")
    check_four_eyes(sub, app)
    # An OFP submitting and then approving their own report.
    own = sign_submission(submission_body(author="u-2001"), PKI.ofp_key)
    own_sub = verify(own, keys=keys, now=NOW, expected_type="submission")
    own_app = verify(
        sign_approval(approval_body(own.hash), PKI.ofp_key),
        keys=keys,
        now=NOW,
        expected_type="approval",
    )
    with pytest.raises(FourEyesViolation) as info:
        check_four_eyes(own_sub, own_app)
    assert info.value.code == "four_eyes_violation"


def test_approval_and_receipt_references() -> None:
    check_approval_matches(SUBMISSION, APPROVAL)
    other = sign_submission(submission_body({"kind": "other"}), PKI.officer_key)
    with pytest.raises(HashMismatch):
        check_approval_matches(other, APPROVAL)
    body = SUBMISSION.body
    moved = SubmissionBody(
        report_id=uuid.UUID(int=1),
        report_version=body.report_version,
        supersedes=body.supersedes,
        report=body.report,
        attachments=body.attachments,
        author=body.author,
        agency=body.agency,
        created_at=body.created_at,
    )
    wrong_report = sign_approval(
        approval_body(sign_submission(moved, PKI.officer_key).hash), PKI.ofp_key
    )
    with pytest.raises(HashMismatch, match="report ids"):
        check_approval_matches(sign_submission(moved, PKI.officer_key), wrong_report)
    check_receipt_matches(RECEIPT, SUBMISSION)
    with pytest.raises(HashMismatch):
        check_receipt_matches(RECEIPT, APPROVAL)


def test_error_codes_are_stable() -> None:
    assert {
        "malformed_envelope",
        "malformed_certificate",
        "unsupported_version",
        "unexpected_type",
        "unknown_key",
        "bad_signature",
        "untrusted_certificate",
        "revoked_key",
        "expired_certificate",
        "wrong_role",
        "signer_mismatch",
        "hash_mismatch",
        "four_eyes_violation",
        "inclusion_proof_mismatch",  # batch receipts (sync.protocol.batch_receipts)
        "batch_root_mismatch",
    } == ERROR_CODES


def test_verify_does_not_mutate_its_input() -> None:
    data = SUBMISSION.to_json()
    before = copy.deepcopy(data)
    verify(data, keys=PKI.resolver(), now=NOW)
    assert data == before
