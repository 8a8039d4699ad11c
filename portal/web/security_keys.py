"""WebAuthn ceremonies with py_webauthn: registering a security key, signing in with one.

The challenge of each ceremony is stored in the database (any portal process can finish a
ceremony another one started), lives `ceremony_seconds`, and is deleted when its answer
arrives, so an answer can be used once. The origin and relying-party id come from the
console's configured origin, never from the request; the browser writes the origin it was
really on into the signed client data, so a key registered here cannot sign in on a
look-alike site.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.base64url_to_bytes import base64url_to_bytes
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AttestationConveyancePreference,
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from portal.tables import web_challenges, webauthn_credentials
from portal.web.console import WebError

RP_NAME = "Outpost portal"


@dataclass(frozen=True, slots=True)
class Ceremony:
    ceremony_id: str
    options_json: str  # PublicKeyCredential{Creation,Request}Options, JSON for the browser


def _store_challenge(
    conn: Connection, *, purpose: str, account_id: str, challenge: bytes, expires_at: int
) -> str:
    conn.execute(web_challenges.delete().where(web_challenges.c.expires_at < expires_at - 3600))
    ceremony_id = secrets.token_urlsafe(18)
    conn.execute(
        web_challenges.insert().values(
            id=ceremony_id,
            purpose=purpose,
            account_id=account_id,
            challenge=bytes_to_base64url(challenge),
            expires_at=expires_at,
        )
    )
    return ceremony_id


def take_challenge(
    conn: Connection, ceremony_id: str, *, purpose: str, now: int
) -> tuple[str, bytes]:
    """(account id, challenge) of a live ceremony, which is used up by this call."""
    row = conn.execute(
        sa.select(web_challenges).where(web_challenges.c.id == ceremony_id[:32])
    ).one_or_none()
    if row is None or row.purpose != purpose:
        raise WebError(400, "error_ceremony")
    conn.execute(web_challenges.delete().where(web_challenges.c.id == row.id))
    if row.expires_at <= now:
        raise WebError(400, "error_ceremony")
    return str(row.account_id), base64url_to_bytes(str(row.challenge))


def _descriptors(conn: Connection, account_id: str) -> list[PublicKeyCredentialDescriptor]:
    ids = conn.execute(
        sa.select(webauthn_credentials.c.credential_id).where(
            webauthn_credentials.c.account_id == account_id
        )
    ).scalars()
    return [PublicKeyCredentialDescriptor(id=base64url_to_bytes(str(i))) for i in ids]


def begin_registration(
    conn: Connection,
    *,
    account_id: str,
    display_name: str,
    rp_id: str,
    purpose: str,
    expires_at: int,
) -> Ceremony:
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=RP_NAME,
        user_name=account_id,
        user_id=account_id.encode("utf-8"),
        user_display_name=display_name,
        attestation=AttestationConveyancePreference.NONE,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.DISCOURAGED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
        exclude_credentials=_descriptors(conn, account_id),
    )
    ceremony_id = _store_challenge(
        conn,
        purpose=purpose,
        account_id=account_id,
        challenge=options.challenge,
        expires_at=expires_at,
    )
    return Ceremony(ceremony_id, options_to_json(options))


def finish_registration(
    conn: Connection,
    *,
    account_id: str,
    challenge: bytes,
    credential_json: str,
    rp_id: str,
    origin: str,
    label: str,
    now: int,
) -> str:
    """Verify the browser's answer and store the key; returns its credential id."""
    try:
        verified = verify_registration_response(
            credential=credential_json,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (WebAuthnException, ValueError, KeyError, TypeError):
        raise WebError(400, "error_key_not_registered") from None
    credential_id = bytes_to_base64url(verified.credential_id)
    known = conn.execute(
        sa.select(webauthn_credentials.c.account_id).where(
            webauthn_credentials.c.credential_id == credential_id
        )
    ).first()
    if known is not None:
        raise WebError(409, "error_key_known")
    conn.execute(
        webauthn_credentials.insert().values(
            credential_id=credential_id,
            account_id=account_id,
            public_key=bytes_to_base64url(verified.credential_public_key),
            sign_count=verified.sign_count,
            label=label or "security key",
            created_at=now,
        )
    )
    return credential_id


def begin_login(conn: Connection, *, account_id: str, rp_id: str, expires_at: int) -> Ceremony:
    options = generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=_descriptors(conn, account_id),
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    ceremony_id = _store_challenge(
        conn,
        purpose="login",
        account_id=account_id,
        challenge=options.challenge,
        expires_at=expires_at,
    )
    return Ceremony(ceremony_id, options_to_json(options))


def finish_login(
    conn: Connection,
    *,
    account_id: str,
    challenge: bytes,
    credential_json: str,
    rp_id: str,
    origin: str,
    now: int,
) -> bool:
    """Whether the answer is a valid signature by one of the account's keys (the key's
    signature counter is advanced; a counter that went backwards means a cloned key)."""
    try:
        credential_id = str(json.loads(credential_json)["id"])
    except (ValueError, KeyError, TypeError):
        return False
    row = conn.execute(
        sa.select(webauthn_credentials)
        .where(webauthn_credentials.c.credential_id == credential_id[:1400])
        .where(webauthn_credentials.c.account_id == account_id)
    ).one_or_none()
    if row is None:
        return False
    try:
        verified = verify_authentication_response(
            credential=credential_json,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=base64url_to_bytes(str(row.public_key)),
            credential_current_sign_count=int(row.sign_count),
        )
    except (WebAuthnException, ValueError, KeyError, TypeError):
        return False
    conn.execute(
        webauthn_credentials.update()
        .where(webauthn_credentials.c.credential_id == row.credential_id)
        .values(sign_count=verified.new_sign_count, last_used_at=now)
    )
    return True
