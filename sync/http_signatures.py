"""HTTP Message Signatures (RFC 9421, Ed25519) and Content-Digest (RFC 9530, sha-256).

Pure functions used by both the client and the portal: no network, no clock (callers pass
`created`), no storage. The profile is fixed and narrow on purpose:

    Content-Digest: sha-256=:<base64 of SHA-256 of the body as sent>:
    Signature-Input: sig1=("@method" "@target-uri" "content-digest");created=<unix s>;\
nonce="<b64url>";keyid="ed25519:<32 hex>";alg="ed25519"
    Signature: sig1=:<base64 of the 64-byte Ed25519 signature>:

Anything outside this profile (other labels, components, algorithms or parameters) is
refused with HttpSignatureError rather than guessed at. See docs/protocol.md, section 5.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlsplit, urlunsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync.protocol.keys import SIGNATURE_SIZE, is_key_id, key_id_of

LABEL: Final = "sig1"
ALGORITHM: Final = "ed25519"
COMPONENTS: Final[tuple[str, ...]] = ("@method", "@target-uri", "content-digest")
DIGEST_ALGORITHM: Final = "sha-256"
_PARAMS: Final = frozenset({"created", "nonce", "keyid", "alg"})
_DEFAULT_PORTS: Final = {"http": 80, "https": 443}

# RFC 8941 tokens we accept: a quoted string without escapes, or a decimal integer.
_KEY = r"[a-z][a-z0-9_.*-]*"
_SIGNATURE_INPUT = re.compile(rf"(?P<label>{_KEY})=\((?P<components>[^()]*)\)(?P<params>.*)")
_PARAM = re.compile(
    rf';(?P<name>{_KEY})=(?:"(?P<text>[\x20\x21\x23-\x5b\x5d-\x7e]*)"|(?P<int>-?[0-9]{{1,15}}))'
)
_BYTE_SEQUENCE = re.compile(rf"(?P<label>{_KEY})=:(?P<b64>[A-Za-z0-9+/]*={{0,2}}):")
_NONCE = re.compile(r"[A-Za-z0-9_-]{16,128}")


class HttpSignatureError(ValueError):
    """A request signature that is missing, malformed or does not verify.

    `code` is stable and maps to a problem type on the portal.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class SignatureParams:
    """The parsed Signature-Input and Signature of one request."""

    created: int
    nonce: str
    keyid: str
    signature: bytes
    params_text: str  # the serialised parameter list, exactly as it is signed


def content_digest(body: bytes) -> str:
    """The Content-Digest field value for `body` (the content as sent, after any encoding)."""
    return content_digest_of(hashlib.sha256(body).digest())


def content_digest_of(sha256: bytes) -> str:
    """The Content-Digest field value for a body whose SHA-256 is `sha256` (for bodies that
    are hashed while they stream, never held in memory whole)."""
    return f"{DIGEST_ALGORITHM}=:{base64.b64encode(sha256).decode('ascii')}:"


def check_digest_field(field_value: str | None) -> str:
    """The Content-Digest field value, stripped, once it has the form of our profile.

    Raises HttpSignatureError: "missing-digest" when absent, "malformed-signature" for
    another form. The body is compared separately (check_content_digest[_of])."""
    if field_value is None:
        raise HttpSignatureError("missing-digest", "Content-Digest header is missing")
    match = _BYTE_SEQUENCE.fullmatch(field_value.strip())
    if match is None or match["label"] != DIGEST_ALGORITHM:
        raise HttpSignatureError(
            "malformed-signature", "Content-Digest must be a single sha-256=:<base64>: member"
        )
    return field_value.strip()


def check_content_digest(field_value: str | None, body: bytes) -> None:
    """Raise HttpSignatureError("digest-mismatch") unless `field_value` is the sha-256 digest
    of `body` ("missing-digest" when absent, "malformed-signature" for another form)."""
    check_content_digest_of(field_value, hashlib.sha256(body).digest())


def check_content_digest_of(field_value: str | None, sha256: bytes) -> None:
    """check_content_digest for a body known by its SHA-256 only."""
    value = check_digest_field(field_value)
    if not hmac.compare_digest(value, content_digest_of(sha256)):
        raise HttpSignatureError("digest-mismatch", "Content-Digest does not match the body")


def normalise_target_uri(url: str) -> str:
    """The form of a URL that is signed: lower-case scheme and host, no default port, no
    fragment, path "/" when empty. Both sides normalise, so small spelling differences in
    how a client and the server write the same URL do not break signatures."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def new_nonce() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(16)).rstrip(b"=").decode("ascii")


def _params_text(created: int, nonce: str, keyid: str) -> str:
    components = " ".join(f'"{c}"' for c in COMPONENTS)
    return f'({components});created={created};nonce="{nonce}";keyid="{keyid}";alg="{ALGORITHM}"'


def signature_base(method: str, target_uri: str, digest: str, params_text: str) -> bytes:
    """The RFC 9421 signature base for our fixed list of covered components.

    Raises HttpSignatureError("malformed-signature") for a non-ASCII method or URI."""
    lines = [
        f'"@method": {method.upper()}',
        f'"@target-uri": {normalise_target_uri(target_uri)}',
        f'"content-digest": {digest}',
        f'"@signature-params": {params_text}',
    ]
    try:
        return "\n".join(lines).encode("ascii")
    except UnicodeEncodeError:
        # A request line is ASCII on the wire (RFC 9112): anything else is percent-encoded.
        raise HttpSignatureError(
            "malformed-signature", "method and target URI must be ASCII (percent-encoded)"
        ) from None


def sign_request(
    *,
    method: str,
    url: str,
    body: bytes,
    private_key: Ed25519PrivateKey,
    created: int,
    nonce: str | None = None,
) -> dict[str, str]:
    """The three headers that authenticate a request: Content-Digest, Signature-Input and
    Signature. `created` is Unix seconds in the portal's time (client clock + learned offset);
    `url` must be the URL exactly as it will be sent (after any query encoding)."""
    nonce = nonce if nonce is not None else new_nonce()
    if not _NONCE.fullmatch(nonce):
        raise ValueError("nonce: 16-128 base64url characters")
    digest = content_digest(body)
    params = _params_text(created, nonce, key_id_of(private_key))
    signature = private_key.sign(signature_base(method, url, digest, params))
    return {
        "Content-Digest": digest,
        "Signature-Input": f"{LABEL}={params}",
        "Signature": f"{LABEL}=:{base64.b64encode(signature).decode('ascii')}:",
    }


def parse_signature(signature_input: str | None, signature: str | None) -> SignatureParams:
    """Parse the Signature-Input and Signature fields of our profile.

    Raises HttpSignatureError: "missing-signature" when either is absent, otherwise
    "malformed-signature" for anything that is not exactly the profile above.
    """
    if not signature_input or not signature:
        raise HttpSignatureError("missing-signature", "Signature and Signature-Input required")
    match = _SIGNATURE_INPUT.fullmatch(signature_input.strip())
    if match is None or match["label"] != LABEL:
        raise HttpSignatureError("malformed-signature", f"Signature-Input must be one {LABEL}")
    if match["components"].split(" ") != [f'"{c}"' for c in COMPONENTS]:
        raise HttpSignatureError(
            "malformed-signature", f"the signature must cover exactly {', '.join(COMPONENTS)}"
        )
    params = _parse_params(match["params"])
    sig_match = _BYTE_SEQUENCE.fullmatch(signature.strip())
    if sig_match is None or sig_match["label"] != LABEL:
        raise HttpSignatureError("malformed-signature", f"Signature must be one {LABEL}=:…:")
    try:
        raw = base64.b64decode(sig_match["b64"], validate=True)
    except binascii.Error:
        raise HttpSignatureError("malformed-signature", "Signature is not base64") from None
    if len(raw) != SIGNATURE_SIZE:
        raise HttpSignatureError("malformed-signature", "an Ed25519 signature has 64 bytes")
    created, nonce, keyid = params["created"], params["nonce"], params["keyid"]
    if not isinstance(created, int) or not isinstance(nonce, str) or not isinstance(keyid, str):
        raise HttpSignatureError("malformed-signature", "created must be an integer")
    if not _NONCE.fullmatch(nonce):
        raise HttpSignatureError("malformed-signature", "nonce: 16-128 base64url characters")
    if not is_key_id(keyid):
        raise HttpSignatureError("malformed-signature", "keyid: expected 'ed25519:<32 hex>'")
    if params.get("alg", ALGORITHM) != ALGORITHM:
        raise HttpSignatureError("malformed-signature", f"alg must be {ALGORITHM}")
    # What is signed is the serialised list as the client sent it, not our re-serialisation.
    params_text = signature_input.strip()[len(LABEL) + 1 :]
    return SignatureParams(created, nonce, keyid, raw, params_text)


def _parse_params(text: str) -> dict[str, str | int]:
    params: dict[str, str | int] = {}
    position = 0
    while position < len(text):
        match = _PARAM.match(text, position)
        if match is None:
            raise HttpSignatureError("malformed-signature", "bad Signature-Input parameters")
        name = match["name"]
        if name not in _PARAMS or name in params:
            raise HttpSignatureError("malformed-signature", f"unexpected parameter {name!r}")
        params[name] = int(match["int"]) if match["int"] is not None else match["text"]
        position = match.end()
    missing = sorted({"created", "nonce", "keyid"} - params.keys())
    if missing:
        raise HttpSignatureError("malformed-signature", f"missing parameter(s) {missing}")
    return params


def verify_request(
    params: SignatureParams, *, method: str, target_uri: str, digest: str, public_key: bytes
) -> None:
    """Raise HttpSignatureError("bad-signature") unless the signature verifies with the raw
    Ed25519 `public_key`. Check the digest against the body separately (check_content_digest)."""
    base = signature_base(method, target_uri, digest, params.params_text)
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(params.signature, base)
    except InvalidSignature:
        raise HttpSignatureError("bad-signature", "the request signature does not verify") from None
