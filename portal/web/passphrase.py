"""Passphrase verifiers (Argon2id from `cryptography`) and TOTP codes (pyotp), the sign-in
for an agency that has no security keys.

Verifier format (JSON text in web_passphrases.verifier):
    {"v": 1, "alg": "argon2id", "t": 3, "p": 4, "m": 65536, "salt": b64url(16), "hash": b64url(32)}
The parameters are stored with each verifier, so a later change of cost applies to new
passphrases without invalidating old ones.
"""

from __future__ import annotations

import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Final

import pyotp
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from sync.protocol import b64url_decode, b64url_encode

MIN_PASSPHRASE: Final = 12
TOTP_STEP: Final = 30


@dataclass(frozen=True, slots=True)
class KdfParams:
    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024


class PassphraseRejected(ValueError):
    """A new passphrase that does not meet the rule (the message says which)."""


def check_new_passphrase(passphrase: str, repeated: str) -> None:
    if passphrase != repeated:
        raise PassphraseRejected("passphrase_mismatch")
    if len(passphrase) < MIN_PASSPHRASE:
        raise PassphraseRejected("passphrase_short")


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def make_verifier(passphrase: str, params: KdfParams) -> str:
    salt = secrets.token_bytes(16)
    digest = _derive(passphrase, salt, params)
    return json.dumps(
        {
            "v": 1,
            "alg": "argon2id",
            "t": params.iterations,
            "p": params.lanes,
            "m": params.memory_kib,
            "salt": b64url_encode(salt),
            "hash": b64url_encode(digest),
        },
        sort_keys=True,
    )


def check_passphrase(passphrase: str, verifier: str) -> bool:
    data = json.loads(verifier)
    if data.get("v") != 1 or data.get("alg") != "argon2id":
        raise ValueError("unknown passphrase verifier format")
    params = KdfParams(int(data["t"]), int(data["p"]), int(data["m"]))
    digest = _derive(passphrase, b64url_decode(data["salt"], size=16), params)
    return hmac.compare_digest(digest, b64url_decode(data["hash"], size=32))


# A verifier to spend the same time on when the account does not exist, so the answer's
# timing does not tell which account names are real.
def dummy_verifier(params: KdfParams) -> str:
    return make_verifier(secrets.token_urlsafe(16), params)


def new_totp_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, account_id: str, issuer: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account_id, issuer_name=issuer)


def totp_step(secret: str, code: str, now: int, last_step: int) -> int | None:
    """The time step `code` belongs to (this one or either neighbour, for clock drift), or
    None if it matches none or belongs to a step at or before `last_step` (a code counts
    only once, so one seen over a shoulder or in a proxy log cannot be replayed)."""
    code = "".join(code.split())
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = now // TOTP_STEP
    for step in (current - 1, current, current + 1):
        if step > last_step and hmac.compare_digest(totp.at(step * TOTP_STEP), code):
            return step
    return None
