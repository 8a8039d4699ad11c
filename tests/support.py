"""Constants and helpers shared by the tests (importable; conftest.py holds the fixtures)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.samples import SyntheticReports
from storage.keyslots import KdfParams

# Real Argon2id with small parameters: tests exercise the same code path in milliseconds.
FAST_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8192)
PASSPHRASE = "correct horse battery staple"
AGENCY = "THA-IMM"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its exact bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def sample(seed: int, i: int) -> dict[str, Any]:
    """Synthetic report i of a seed, without attachment references (whose content a test
    would otherwise have to supply)."""
    report = SyntheticReports(seed=seed).report(i)
    report["attachments"] = []
    return report


def run_cli(capsys: Any, *argv: str) -> tuple[int, str, str]:
    """Runs `outpost ARGV` in-process, through the command's real entry point; (exit code,
    stdout, stderr)."""
    from launch.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def ok_cli(capsys: Any, *argv: str) -> str:
    """Runs `outpost ARGV`, which must succeed; its stdout."""
    code, out, err = run_cli(capsys, *argv)
    assert code == 0, err
    return str(out)


def certify(db: Any, audit: Any, *, names: tuple[str, ...] | None = None) -> None:
    """Certifies local users with the roles they asked for, as a portal would at enrolment
    (app.identity.certify_with_local_key with a key made here). For tests of local workflow
    that need certified focal points without a portal on the line; the enrolment itself is
    tested over the real portal in tests/sync and tests/portal."""
    from app.identity import certify_with_local_key
    from sync.protocol import generate_private_key

    certify_with_local_key(db, audit, generate_private_key(), "test portal", names=names)
