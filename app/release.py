"""Release integrity: SHA256SUMS and its Ed25519 signature, as `make release` writes them and
`outpost verify-release DIR --key KEY` checks them.

The signature is plain Ed25519 over the exact bytes of SHA256SUMS (no domain prefix) so that
standard tools verify it too:
    sha256sum -c SHA256SUMS && openssl pkeyutl -verify -pubin -inkey outpost-release.pub.pem \\
        -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig
The release key signs nothing else, so the missing prefix cannot be confused with another
Outpost signature. Pure: files in, verdicts out; no network.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.errors import InvalidInput

SUMS_NAME: Final = "SHA256SUMS"
SIGNATURE_NAME: Final = "SHA256SUMS.sig"
SIGNATURE_SIZE: Final = 64
# "<64 hex>  name" (text mode) or "<64 hex> *name" (binary mode), as sha256sum writes them.
_LINE = re.compile(r"([0-9a-f]{64}) [ *](.+)")


@dataclass(frozen=True)
class FileCheck:
    name: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class ReleaseCheck:
    key_fingerprint: str
    signature_ok: bool
    signature_detail: str
    files: list[FileCheck] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)  # present but not covered by the sums

    @property
    def ok(self) -> bool:
        return self.signature_ok and bool(self.files) and all(f.ok for f in self.files)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sums_text(directory: Path, names: Iterable[str]) -> bytes:
    """SHA256SUMS content for these files of `directory`, sorted by name, sha256sum format."""
    lines = [f"{sha256_file(directory / name)}  {name}\n" for name in sorted(names)]
    return "".join(lines).encode("utf-8")


def parse_sums(data: bytes) -> list[tuple[str, str]]:
    """(hex digest, file name) pairs. Raises InvalidInput on anything but plain file names:
    a name with a folder in it could make a checker hash a file outside the release."""
    entries: list[tuple[str, str]] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"{SUMS_NAME} is not UTF-8 text.") from None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            raise InvalidInput(f"{SUMS_NAME} line {number} is not '<sha256>  <file name>'.")
        digest, name = match.groups()
        if "/" in name or "\\" in name or name in (".", ".."):
            raise InvalidInput(f"{SUMS_NAME} line {number} names a path, not a file: {name!r}.")
        entries.append((digest, name))
    if not entries:
        raise InvalidInput(f"{SUMS_NAME} lists no files.")
    return entries


def key_fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key, first 128 bits, in groups of four hex digits."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digits = hashlib.sha256(raw).hexdigest()[:32].upper()
    return " ".join(digits[i : i + 4] for i in range(0, 32, 4))


def load_public_key(data: bytes, source: str = "the release key") -> Ed25519PublicKey:
    """An Ed25519 public key from PEM (what openssl and `make release` write)."""
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        raise InvalidInput(f"{source} is not a PEM public key.") from None
    if not isinstance(key, Ed25519PublicKey):
        raise InvalidInput(f"{source} is not an Ed25519 key.")
    return key


def load_private_key(data: bytes, source: str = "the release signing key") -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise InvalidInput(f"{source} is not an unencrypted PEM private key.") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise InvalidInput(f"{source} is not an Ed25519 key.")
    return key


def private_key_pem(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def public_key_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def sign_sums(sums: bytes, key: Ed25519PrivateKey) -> bytes:
    return key.sign(sums)


def verify_release(directory: Path, key: Ed25519PublicKey) -> ReleaseCheck:
    """Checks the signature of SHA256SUMS, then every file it lists."""
    fingerprint = key_fingerprint(key)
    try:
        sums = (directory / SUMS_NAME).read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {directory / SUMS_NAME}: {exc.strerror}.") from None
    try:
        signature = (directory / SIGNATURE_NAME).read_bytes()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {directory / SIGNATURE_NAME}: {exc.strerror}.") from None
    if len(signature) != SIGNATURE_SIZE:
        signature_ok, detail = False, f"{SIGNATURE_NAME} is not a {SIGNATURE_SIZE}-byte signature"
    else:
        try:
            key.verify(signature, sums)
            signature_ok, detail = True, f"{SUMS_NAME} signed by release key {fingerprint}"
        except InvalidSignature:
            signature_ok, detail = (
                False,
                f"{SUMS_NAME} is NOT signed by release key {fingerprint}: it was changed, or "
                "signed with another key",
            )
    files: list[FileCheck] = []
    for digest, name in parse_sums(sums):
        path = directory / name
        if not path.is_file():
            files.append(FileCheck(name, False, "missing"))
        elif sha256_file(path) != digest:
            files.append(FileCheck(name, False, "content differs from SHA256SUMS"))
        else:
            files.append(FileCheck(name, True, "sha256 matches"))
    listed = {f.name for f in files} | {SUMS_NAME, SIGNATURE_NAME}
    unlisted = sorted(p.name for p in directory.iterdir() if p.is_file() and p.name not in listed)
    return ReleaseCheck(fingerprint, signature_ok, detail, files, unlisted)
