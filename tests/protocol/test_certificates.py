"""Certificate format, issuing and trust."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from sync.protocol import (
    Certificate,
    MalformedCertificate,
    MemoryKeyResolver,
    RevokedKey,
    Trust,
    UnsupportedVersion,
    UntrustedCertificate,
    certificate_trust,
    issue_certificate,
    public_key_raw,
    self_signed_certificate,
)
from tests.protocol.pki import NOT_AFTER, NOT_BEFORE, NOW, PKI, certify, seeded_key


def test_round_trip_and_wire_form() -> None:
    cert = PKI.officer_cert
    data = cert.to_json()
    assert set(data) == {
        "v",
        "serial",
        "public_key",
        "user_id",
        "agency",
        "role",
        "not_before",
        "not_after",
        "issuer",
        "self_signed",
        "sig",
    }
    assert data["not_before"] == "2026-01-01T00:00:00Z"
    assert Certificate.from_json(data) == cert
    assert cert.signed_message.startswith(b"outpost/certificate/v1\n{")


def test_trust_levels() -> None:
    keys = PKI.resolver()
    assert certificate_trust(PKI.officer_cert, keys) is Trust.PORTAL
    assert certificate_trust(PKI.portal_cert, keys) is Trust.PORTAL
    assert certificate_trust(PKI.device_cert, keys) is Trust.SELF_SIGNED
    assert PKI.device_cert.self_signed and PKI.device_cert.issuer == PKI.device_cert.key_id


def test_untrusted_issuer() -> None:
    rogue = seeded_key("rogue-portal")
    cert = certify(PKI.officer2_key, rogue, user_id="u-1002", role="ofp")
    with pytest.raises(UntrustedCertificate, match="not a trusted portal key"):
        certificate_trust(cert, PKI.resolver())


def test_forged_certificate_signature() -> None:
    # Same fields, role raised to ofp, original signature kept.
    forged = replace(PKI.officer_cert, role="ofp")
    with pytest.raises(UntrustedCertificate, match="bad issuer signature"):
        certificate_trust(forged, PKI.resolver())
    forged_self = replace(PKI.device_cert, role="ofp")
    with pytest.raises(UntrustedCertificate, match="bad signature"):
        certificate_trust(forged_self, PKI.resolver())


def test_self_signed_portal_certificate_is_never_trusted() -> None:
    rogue = seeded_key("rogue-portal")
    cert = self_signed_certificate(
        rogue,
        user_id="portal.forum",
        agency="FORUM",
        role="portal",
        not_before=NOT_BEFORE,
        not_after=NOT_AFTER,
    )
    with pytest.raises(UntrustedCertificate, match="portal certificate"):
        certificate_trust(cert, MemoryKeyResolver.of([cert]))


def test_revoked_issuer() -> None:
    keys = PKI.resolver()
    keys.revoke(PKI.portal_cert.key_id)
    with pytest.raises(RevokedKey):
        certificate_trust(PKI.officer_cert, keys)


def test_valid_at_is_inclusive() -> None:
    cert = PKI.officer_cert
    assert cert.valid_at(NOT_BEFORE) and cert.valid_at(NOT_AFTER) and cert.valid_at(NOW)
    assert not cert.valid_at(NOT_BEFORE - timedelta(seconds=1))
    assert not cert.valid_at(NOT_AFTER + timedelta(seconds=1))


def _data(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = dict(PKI.officer_cert.to_json())
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"extra": 1}, "unknown field(s) 'extra'"),
        ({"serial": True}, "certificate.serial: expected an integer"),
        ({"serial": -1}, "certificate.serial: expected an integer from 0"),
        ({"role": "admin"}, "certificate.role: expected one of"),
        ({"public_key": "AAAA"}, "certificate.public_key: expected 32 bytes"),
        ({"not_before": "2026-01-01T00:00:00+00:00"}, "certificate.not_before: expected a UTC"),
        ({"not_after": "2025-01-01T00:00:00Z"}, "certificate.not_after: must be later"),
        ({"self_signed": True}, "certificate.self_signed: must be true exactly when"),
        ({"issuer": "ed25519:XYZ"}, "certificate.issuer: expected a key id"),
        ({"user_id": "Jane Doe"}, "certificate.user_id: expected 1-128"),
        ({"agency": "ke-dis"}, "certificate.agency: expected 2-32"),
        ({"sig": "AA"}, "certificate.sig: expected 64 bytes"),
    ],
)
def test_strict_parsing(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(MalformedCertificate) as info:
        Certificate.from_json(_data(**changes))
    assert message in str(info.value)


def test_missing_field_and_version() -> None:
    data = _data()
    del data["agency"]
    with pytest.raises(MalformedCertificate, match="missing field"):
        Certificate.from_json(data)
    with pytest.raises(UnsupportedVersion):
        Certificate.from_json(_data(v=2))
    with pytest.raises(MalformedCertificate):
        Certificate.from_json(_data(v="1"))
    with pytest.raises(MalformedCertificate):
        Certificate.from_json([])


def test_issue_rejects_bad_values() -> None:
    with pytest.raises(ValueError, match="not_after"):
        issue_certificate(
            public_key=public_key_raw(PKI.officer_key),
            user_id="u-1",
            agency="KEN-DIS",
            role="officer",
            not_before=NOT_AFTER,
            not_after=NOT_BEFORE,
            serial=1,
            issuer_key=PKI.portal_key,
        )
    with pytest.raises(ValueError, match="timezone-aware"):
        issue_certificate(
            public_key=public_key_raw(PKI.officer_key),
            user_id="u-1",
            agency="KEN-DIS",
            role="officer",
            not_before=NOT_BEFORE.replace(tzinfo=None),
            not_after=NOT_AFTER,
            serial=1,
            issuer_key=PKI.portal_key,
        )
