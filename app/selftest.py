"""`outpost self-test`: checks that this installation's building blocks work, one line each.

Run by the agency's IT contact after installing (docs/install.md) and by CI on the built
bundle, so every check exercises the real thing (an encrypted file written and read back, a
real signature) rather than asking a library for its version.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.paths import DataPaths
from storage.selftest import check_sqlcipher

Check = Callable[[], str]

# Every compiled Qt Linguist file starts with these bytes.
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


def check_program() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("outpost")
    except PackageNotFoundError:
        ours = "(version unknown)"
    kind = "bundle" if getattr(sys, "frozen", False) else "from source"
    return f"Outpost {ours} ({kind}), Python {platform.python_version()}, {sys.platform}"


def check_crypto() -> str:
    import cryptography
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    Argon2id(salt=b"s" * 16, length=32, iterations=1, lanes=1, memory_cost=8).derive(b"x")
    key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)
    if AESGCM(key).decrypt(nonce, AESGCM(key).encrypt(nonce, b"x", b"a"), b"a") != b"x":
        raise RuntimeError("AES-GCM round trip failed")
    signer = Ed25519PrivateKey.generate()
    signer.public_key().verify(signer.sign(b"m"), b"m")
    a, b = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    if a.exchange(b.public_key()) != b.exchange(a.public_key()):
        raise RuntimeError("X25519 agreement failed")
    return f"cryptography {cryptography.__version__}: Argon2id, AES-256-GCM, Ed25519, X25519"


def check_resources() -> str:
    from app import codelists

    counts = {
        "countries": len(codelists.countries()),
        "document types": len(codelists.document_types()),
        "crossing points": len(codelists.crossing_points()),
    }
    if min(counts.values()) == 0:
        raise RuntimeError(f"empty code list: {counts}")
    return ", ".join(f"{v} {k}" for k, v in counts.items())


def check_translations() -> str:
    from resources import resource_path

    folder = resource_path("translations")
    files = sorted(folder.glob("outpost_*.qm"))
    if not files:
        raise RuntimeError(f"no translation files in {folder}")
    bad = [f.name for f in files if f.read_bytes()[:16] != QM_MAGIC]
    if bad:
        raise RuntimeError(f"not compiled Qt translations: {', '.join(bad)}")
    languages = [f.stem.split("_", 1)[1] for f in files]
    return f"English and {', '.join(languages)} ({len(files)} translation files)"


def check_data_dir(paths: DataPaths) -> Check:
    def run() -> str:
        target = paths.root if paths.root.exists() else paths.root.parent
        target.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target, prefix=".selftest-") as handle:
            handle.write(b"ok")
            handle.flush()
            os.fsync(handle.fileno())
        state = "installed" if paths.is_installed() else "not set up yet"
        return f"{paths.root} is writable ({state})"

    return run


def check_provisioning(path: Path | None, expected_fingerprint: str | None = None) -> Check:
    def run() -> str:
        from app.provisioning import read_provisioning

        if path is None:
            return "no provisioning file given or placed (skipped; see docs/install.md)"
        prov = read_provisioning(path, expected_fingerprint)
        trust = {
            "pinned": "a key this release trusts",
            "fingerprint": "matches the fingerprint given",
            "unconfirmed": "compare the fingerprint with your agency's",
        }[prov.trust]
        return (
            f"{path}: signed, agency {prov.agency}, portal {prov.portal_url}, "
            f"key {prov.fingerprint} ({trust})"
        )

    return run


def run_checks(checks: list[tuple[str, Check]]) -> list[CheckResult]:
    results: list[CheckResult] = []
    for name, check in checks:
        started = time.perf_counter()
        try:
            detail, ok = check(), True
        except Exception as exc:  # each check reports its own failure and the rest still run
            detail, ok = f"{type(exc).__name__}: {exc}", False
        results.append(CheckResult(name, ok, detail, time.perf_counter() - started))
    return results


def standard_checks(
    paths: DataPaths,
    provisioning: Path | None = None,
    expected_fingerprint: str | None = None,
) -> list[tuple[str, Check]]:
    """Every check but Qt's (the front end adds that one, so app/ never imports Qt).

    `provisioning` None: the file placed where find_provisioning_file looks, if any."""
    from app.provisioning import EXPECT_FINGERPRINT_ENV, find_provisioning_file

    file = provisioning or find_provisioning_file()
    expected = expected_fingerprint or os.environ.get(EXPECT_FINGERPRINT_ENV) or None
    return [
        ("program", check_program),
        ("sqlcipher", check_sqlcipher),
        ("crypto", check_crypto),
        ("resources", check_resources),
        ("translations", check_translations),
        ("data directory", check_data_dir(paths)),
        ("provisioning", check_provisioning(file, expected)),
    ]
