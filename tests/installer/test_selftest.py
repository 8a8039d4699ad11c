"""`outpost self-test` from the source tree: one PASS/FAIL line per building block, the
provisioning file included when one is given or placed, and the exit code to match."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.provisioning import fingerprint
from launch.cli import main
from portal.keys import PortalKeys

LINES = (
    "program",
    "sqlcipher",
    "crypto",
    "resources",
    "translations",
    "data directory",
    "provisioning",
    "qt platform",
)


def self_test(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, str]]:
    code = main(["self-test", *argv])
    out = capsys.readouterr().out
    lines = {}
    for line in out.splitlines():
        if line.startswith(("PASS", "FAIL")):
            status, rest = line.split(maxsplit=1)
            name = next(n for n in LINES if rest.startswith(n))
            lines[name] = status
    return code, lines


def test_every_check_passes_without_a_provisioning_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, lines = self_test(capsys, "--data-dir", str(tmp_path / "d"))
    assert code == 0 and set(lines) == set(LINES) and set(lines.values()) == {"PASS"}


def test_a_given_provisioning_file_is_checked(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    good_file: Path,
    portal_keys: PortalKeys,
    other_keys: PortalKeys,
) -> None:
    data = ["--data-dir", str(tmp_path / "d")]
    genuine = fingerprint(portal_keys.key_id)
    code, lines = self_test(
        capsys, *data, "--provision", str(good_file), "--expect-fingerprint", genuine
    )
    assert code == 0 and lines["provisioning"] == "PASS"
    code, lines = self_test(
        capsys,
        *data,
        "--provision",
        str(good_file),
        "--expect-fingerprint",
        fingerprint(other_keys.key_id),
    )
    assert code == 1 and lines["provisioning"] == "FAIL"
    assert [n for n, s in lines.items() if s == "FAIL"] == ["provisioning"]
    altered = tmp_path / "altered.json"
    altered.write_bytes(good_file.read_bytes().replace(b"KEN", b"KEM"))
    code, lines = self_test(capsys, *data, "--provision", str(altered))
    assert code == 1 and lines["provisioning"] == "FAIL"


def test_a_placed_provisioning_file_is_found(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    good_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OUTPOST_PROVISIONING", str(good_file))
    code = main(["self-test", "--data-dir", str(tmp_path / "d")])
    out = capsys.readouterr().out
    assert code == 0 and f"PASS  provisioning    {good_file}: signed, agency KE-DIS" in out
