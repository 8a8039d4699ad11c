"""Offline bundles: approved work carried to the portal on removable media when there is no
link at all.

A bundle is encrypted to the portal's X25519 key (a courier cannot read it) and signed by the
sender's Ed25519 key over the ciphertext and its addressing (a courier cannot alter, re-address
or truncate it). Any installation of the agency can upload it; only the portal can open it.
The envelopes inside are ingested exactly like pushed ones, so replays and duplicates are
harmless and the sender's next sync collects the receipts.

File (UTF-8 JSON):
    {"format": "outpost-bundle", "v": 1, "portal_id": str, "recipient": b64url X25519 key,
     "ephemeral": b64url X25519 key, "nonce": b64url 12 bytes, "ciphertext": b64url,
     "sender_key_id": "ed25519:…", "sig": b64url Ed25519 signature}
sig = Ed25519(b"outpost/bundle/v1\\n" + canonical(all fields but sig)).
key = HKDF-SHA256(X25519(ephemeral, recipient), salt = ephemeral || recipient,
                  info = b"outpost/bundle-key/v1"); AES-256-GCM with AAD = the signed prefix
fields' canonical bytes without ciphertext.
Plaintext: canonical JSON {"bundle_id", "created_at", "sender", "agency", "envelopes": [...],
"certificates": [...], "attachments": [{"sha256", "media_type", "data": b64url}, ...]}: the
files the submissions name, inside the encryption like everything else (a bundle without
"attachments", as written before it existed, carries none).
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from resources.i18n import _
from sync.protocol import (
    KeyResolver,
    b64url_decode,
    b64url_encode,
    canonical_bytes,
    key_id_of,
    load_public_key,
    parse_json,
)

FORMAT = "outpost-bundle"
VERSION = 1
_SIGN_PREFIX = b"outpost/bundle/v1\n"
_KEY_INFO = b"outpost/bundle-key/v1"
_FIELDS = (
    "format",
    "v",
    "portal_id",
    "recipient",
    "ephemeral",
    "nonce",
    "ciphertext",
    "sender_key_id",
    "sig",
)


class BundleError(Exception):
    """A bundle that cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class BundleContents:
    bundle_id: str
    created_at: str
    sender: str
    agency: str
    envelopes: list[dict[str, Any]]
    certificates: list[dict[str, Any]]
    sender_key_id: str
    attachments: list[dict[str, Any]]


def _key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=_KEY_INFO
    ).derive(shared)


def _aad(header: dict[str, Any]) -> bytes:
    return canonical_bytes({k: v for k, v in header.items() if k not in ("ciphertext", "sig")})


def seal_bundle(
    *,
    portal_id: str,
    portal_x25519: bytes,
    sender_key: Ed25519PrivateKey,
    sender: str,
    agency: str,
    created_at: str,
    envelopes: list[dict[str, Any]],
    certificates: list[dict[str, Any]],
    attachments: Sequence[tuple[str, str, bytes]] = (),
) -> bytes:
    """`attachments`: (sha256, media type, bytes) of files the envelopes' submissions name."""
    recipient = X25519PublicKey.from_public_bytes(portal_x25519)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = ephemeral.public_key().public_bytes_raw()
    nonce = os.urandom(12)
    header: dict[str, Any] = {
        "format": FORMAT,
        "v": VERSION,
        "portal_id": portal_id,
        "recipient": b64url_encode(portal_x25519),
        "ephemeral": b64url_encode(ephemeral_raw),
        "nonce": b64url_encode(nonce),
        "sender_key_id": key_id_of(sender_key),
    }
    plaintext = canonical_bytes(
        {
            "bundle_id": str(uuid.uuid4()),
            "created_at": created_at,
            "sender": sender,
            "agency": agency,
            "envelopes": envelopes,
            "certificates": certificates,
            "attachments": [
                {"sha256": sha256, "media_type": media_type, "data": b64url_encode(data)}
                for sha256, media_type, data in attachments
            ],
        }
    )
    key = _key(ephemeral.exchange(recipient), ephemeral_raw, portal_x25519)
    header["ciphertext"] = b64url_encode(AESGCM(key).encrypt(nonce, plaintext, _aad(header)))
    header["sig"] = b64url_encode(sender_key.sign(_SIGN_PREFIX + canonical_bytes(header)))
    return canonical_bytes(header)


def read_header(data: bytes) -> dict[str, Any]:
    """Parses the outer layer strictly (no decryption)."""
    try:
        header = parse_json(data)
    except ValueError as exc:
        raise BundleError(f"This is not an Outpost bundle (not valid JSON: {exc}).") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BundleError("This is not an Outpost bundle.")
    if header.get("v") != VERSION:
        raise BundleError(f"Bundle format version {header.get('v')!r} is not supported.")
    if set(header) != set(_FIELDS):
        raise BundleError("The bundle's fields are not the expected ones; it was altered.")
    if not all(isinstance(header[k], str) for k in _FIELDS if k != "v"):
        raise BundleError("The bundle's fields have the wrong types; it was altered.")
    return cast(dict[str, Any], header)


def check_sender(header: dict[str, Any], keys: KeyResolver, portal_id: str) -> None:
    """Verifies addressing and the sender's signature: enough for any installation of the
    agency to accept the bundle for upload without being able to read it."""
    if header["portal_id"] != portal_id:
        raise BundleError(
            f"This bundle is addressed to portal '{header['portal_id']}', not to this "
            f"installation's portal '{portal_id}'. It cannot be delivered from here."
        )
    cert = keys.certificate(header["sender_key_id"])
    if cert is None:
        raise BundleError(
            "The bundle's sender is unknown to this installation (sync once to learn the "
            "agency's certificates, then try again)."
        )
    signed = {k: v for k, v in header.items() if k != "sig"}
    try:
        load_public_key(cert.public_key).verify(
            b64url_decode(header["sig"], size=64), _SIGN_PREFIX + canonical_bytes(signed)
        )
    except (InvalidSignature, ValueError):
        raise BundleError("The bundle's signature does not verify: it was altered.") from None
    if keys.is_revoked(cert.key_id):
        raise BundleError("The bundle was signed with a key that has since been revoked.")


def open_bundle(
    data: bytes, portal_private: X25519PrivateKey, keys: KeyResolver, portal_id: str
) -> BundleContents:
    """The portal's side: verify, decrypt and parse."""
    header = read_header(data)
    check_sender(header, keys, portal_id)
    recipient = portal_private.public_key().public_bytes_raw()
    if b64url_decode(header["recipient"], size=32) != recipient:
        raise BundleError("The bundle was encrypted to another portal key.")
    ephemeral = b64url_decode(header["ephemeral"], size=32)
    shared = portal_private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    try:
        plaintext = AESGCM(_key(shared, ephemeral, recipient)).decrypt(
            b64url_decode(header["nonce"], size=12),
            b64url_decode(header["ciphertext"]),
            _aad(header),
        )
    except InvalidTag:
        raise BundleError("The bundle does not decrypt: it was altered.") from None
    inner = parse_json(plaintext)
    if not isinstance(inner, dict):
        raise BundleError("The bundle's contents are malformed.")
    return BundleContents(
        bundle_id=str(inner["bundle_id"]),
        created_at=str(inner["created_at"]),
        sender=str(inner["sender"]),
        agency=str(inner["agency"]),
        envelopes=cast(list[dict[str, Any]], inner["envelopes"]),
        certificates=cast(list[dict[str, Any]], inner["certificates"]),
        sender_key_id=header["sender_key_id"],
        attachments=cast(list[dict[str, Any]], inner.get("attachments", [])),
    )


# -- Parts: one sealed bundle split across several files (a small medium) ----------------------
#
# Part file: canonical JSON header, b"\n", then a slice of the sealed bundle's bytes (which are
# ciphertext already: a part reveals nothing either).
#     {"format": "outpost-bundle-part", "v": 1, "portal_id", "bundle_sha256", "bundle_size",
#      "part": n (1-based), "parts": m, "payload_sha256", "sender_key_id", "sig"}
# sig = Ed25519(b"outpost/bundle-part/v1\n" + canonical(header without sig)) by the bundle's
# sender, so each part is verifiable alone (who made it, for which portal, which slice of which
# bundle) and one altered or swapped part is named before anything is delivered; the joined
# bytes must then have `bundle_sha256` and pass the whole bundle's own checks.

PART_FORMAT = "outpost-bundle-part"
_PART_PREFIX = b"outpost/bundle-part/v1\n"
_PART_FIELDS = (
    "format",
    "v",
    "portal_id",
    "bundle_sha256",
    "bundle_size",
    "part",
    "parts",
    "payload_sha256",
    "sender_key_id",
    "sig",
)
MIN_PART_SIZE = 4096
_PART_HEADER_RESERVE = 640  # the header's bytes, but for the portal id (measured, rounded up)


@dataclass(frozen=True)
class BundlePart:
    header: dict[str, Any]
    payload: bytes

    @property
    def number(self) -> int:
        return int(self.header["part"])

    @property
    def parts(self) -> int:
        return int(self.header["parts"])

    @property
    def label(self) -> str:
        return _("part {n} of {m}").format(n=self.number, m=self.parts)


def part_bytes(part: BundlePart) -> bytes:
    """The part file again, as `split_bundle` wrote it."""
    return canonical_bytes(part.header) + b"\n" + part.payload


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def split_bundle(data: bytes, sender_key: Ed25519PrivateKey, max_part_size: int) -> list[bytes]:
    """A sealed bundle as part files of at most `max_part_size` bytes each."""
    header = read_header(data)
    reserve = _PART_HEADER_RESERVE + len(canonical_bytes(header["portal_id"]))
    if max_part_size < MIN_PART_SIZE:
        raise BundleError(
            _("A part must be allowed at least {size} bytes.").format(size=MIN_PART_SIZE)
        )
    step = max_part_size - reserve
    slices = [data[i : i + step] for i in range(0, len(data), step)]
    files = []
    for n, payload in enumerate(slices, start=1):
        part: dict[str, Any] = {
            "format": PART_FORMAT,
            "v": VERSION,
            "portal_id": header["portal_id"],
            "bundle_sha256": _sha256(data),
            "bundle_size": len(data),
            "part": n,
            "parts": len(slices),
            "payload_sha256": _sha256(payload),
            "sender_key_id": header["sender_key_id"],
        }
        part["sig"] = b64url_encode(sender_key.sign(_PART_PREFIX + canonical_bytes(part)))
        file = canonical_bytes(part) + b"\n" + payload
        assert len(file) <= max_part_size, "the header reserve is too small"
        files.append(file)
    return files


def is_part(data: bytes) -> bool:
    """Whether a file looks like a bundle part rather than a whole bundle (not yet checked)."""
    first = data.split(b"\n", 1)[0]
    return b'"format":"' + PART_FORMAT.encode() + b'"' in first


def read_part(data: bytes) -> BundlePart:
    """Parses one part strictly and checks its payload against its header (no signature)."""
    first, sep, payload = data.partition(b"\n")
    try:
        parsed = parse_json(first)
    except ValueError:
        parsed = None
    if not sep or not isinstance(parsed, dict) or parsed.get("format") != PART_FORMAT:
        raise BundleError(_("This is not a part of an Outpost bundle."))
    header = cast(dict[str, Any], parsed)
    if header.get("v") != VERSION or set(header) != set(_PART_FIELDS):
        raise BundleError(_("The part's header is not the expected one; it was altered."))
    numbers = ("v", "bundle_size", "part", "parts")
    if not all(
        type(header[k]) is (int if k in numbers else str) for k in _PART_FIELDS
    ) or not 1 <= header["part"] <= header["parts"]:
        raise BundleError(_("The part's header is not the expected one; it was altered."))
    part = BundlePart(header, payload)
    if _sha256(payload) != header["payload_sha256"]:
        raise BundleError(
            _("{part}: its contents do not match its header; it was altered.").format(
                part=part.label
            )
        )
    return part


def check_part(part: BundlePart, keys: KeyResolver, portal_id: str) -> None:
    """Addressing and the sender's signature of one part (as check_sender for a bundle)."""
    header = part.header
    if header["portal_id"] != portal_id:
        raise BundleError(
            _(
                "{part} is addressed to portal '{bundle}', not to this installation's "
                "portal '{here}'."
            ).format(part=part.label, bundle=header["portal_id"], here=portal_id)
        )
    cert = keys.certificate(header["sender_key_id"])
    if cert is None:
        raise BundleError(
            _(
                "The sender of {part} is unknown to this installation (sync once to learn the "
                "agency's certificates, then try again)."
            ).format(part=part.label)
        )
    signed = {k: v for k, v in header.items() if k != "sig"}
    try:
        load_public_key(cert.public_key).verify(
            b64url_decode(header["sig"], size=64), _PART_PREFIX + canonical_bytes(signed)
        )
    except (InvalidSignature, ValueError):
        raise BundleError(
            _("The signature of {part} does not verify: it was altered.").format(part=part.label)
        ) from None
    if keys.is_revoked(cert.key_id):
        raise BundleError(
            _("{part} was signed with a key that has since been revoked.").format(
                part=part.label
            )
        )


def join_parts(parts: Sequence[BundlePart]) -> bytes:
    """The sealed bundle from its checked parts, given in any order (a part given twice counts
    once). Every part must belong to the same bundle and none may be missing."""
    first = parts[0].header
    same = ("bundle_sha256", "bundle_size", "parts", "portal_id", "sender_key_id")
    for part in parts:
        if any(part.header[k] != first[k] for k in same):
            raise BundleError(
                _("{part} belongs to another bundle; import each bundle's parts apart.").format(
                    part=part.label
                )
            )
    by_number = {p.number: p for p in parts}
    missing = [n for n in range(1, int(first["parts"]) + 1) if n not in by_number]
    if missing:
        labels = [_("part {n} of {m}").format(n=n, m=first["parts"]) for n in missing]
        text = (
            _("{part} is missing: bring every part of the bundle.")
            if len(labels) == 1
            else _("{part} are missing: bring every part of the bundle.")
        )
        raise BundleError(text.format(part=", ".join(labels)))
    data = b"".join(by_number[n].payload for n in sorted(by_number))
    if len(data) != first["bundle_size"] or _sha256(data) != first["bundle_sha256"]:
        raise BundleError(_("The parts do not join into the bundle they name; one was altered."))
    return data
