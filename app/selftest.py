"""`outpost self-test`: checks that this installation's building blocks work, one line each."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.paths import DataPaths

Check = Callable[[], str]


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


def check_sqlcipher() -> str:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith("4."):
            raise RuntimeError(f"SQLCipher 4 required, found {version!r}")
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        sqlite = conn.execute("SELECT sqlite_version()").fetchone()[0]
        return f"SQLCipher {version[0]} (SQLite {sqlite}, FTS5)"
    finally:
        conn.close()


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


def standard_checks(paths: DataPaths) -> list[tuple[str, Check]]:
    return [
        ("sqlcipher", check_sqlcipher),
        ("crypto", check_crypto),
        ("resources", check_resources),
        ("data directory", check_data_dir(paths)),
    ]
