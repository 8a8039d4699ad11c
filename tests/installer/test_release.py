"""`make release` output: SHA256SUMS and its Ed25519 signature, checked by
`outpost verify-release` and by the standard tools the docs give."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.errors import InvalidInput
from app.release import (
    SIGNATURE_NAME,
    SUMS_NAME,
    load_public_key,
    parse_sums,
    private_key_pem,
    public_key_pem,
    verify_release,
)
from cli.main import main


def make_release(
    script: Any, tmp_path: Path, key: Ed25519PrivateKey | None = None
) -> tuple[Path, Path]:
    files = []
    for name, content in (("outpost_1.0_amd64.deb", b"deb" * 1000), ("outpost.tar.gz", b"tgz")):
        (tmp_path / name).write_bytes(content)
        files.append(tmp_path / name)
    key_file = None
    if key is not None:
        key_file = tmp_path / "release.pem"
        key_file.write_bytes(private_key_pem(key))
    _, public, _ = script.write_release(
        files, tmp_path / "dist" / "release", str(key_file) if key_file else None
    )
    return tmp_path / "dist" / "release", public


def verify(capsys: pytest.CaptureFixture[str], folder: Path, key: Path) -> tuple[int, str]:
    code = main(["verify-release", str(folder), "--key", str(key)])
    return code, capsys.readouterr().out


def test_a_release_verifies_and_a_changed_byte_does_not(
    release_script: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, public = make_release(release_script, tmp_path)
    assert "THROWAWAY" in public.name  # no key given: a labelled throwaway one
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["outpost_1.0_amd64.deb", "outpost.tar.gz", SUMS_NAME, SIGNATURE_NAME]
    )
    code, out = verify(capsys, folder, public)
    assert code == 0 and "release verified" in out and out.count("OK  ") == 3

    package = folder / "outpost_1.0_amd64.deb"
    data = bytearray(package.read_bytes())
    data[100] ^= 1
    package.write_bytes(bytes(data))
    code, out = verify(capsys, folder, public)
    assert code == 1 and "FAIL  outpost_1.0_amd64.deb: content differs" in out


def test_sums_altered_or_signed_by_another_key_are_refused(
    release_script: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = Ed25519PrivateKey.generate()
    folder, public = make_release(release_script, tmp_path, real)
    assert "THROWAWAY" not in public.name
    assert verify(capsys, folder, public)[0] == 0

    other = tmp_path / "other.pub.pem"
    other.write_bytes(public_key_pem(Ed25519PrivateKey.generate().public_key()))
    code, out = verify(capsys, folder, other)
    assert code == 1 and "is NOT signed by release key" in out

    sums = folder / SUMS_NAME
    sums.write_bytes(sums.read_bytes().replace(b"outpost.tar.gz", b"outpost.tar.gx"))
    code, out = verify(capsys, folder, public)
    assert code == 1 and "NOT signed" in out and "missing" in out


def test_standard_tools_verify_the_same_files(release_script: Any, tmp_path: Path) -> None:
    if shutil.which("openssl") is None or shutil.which("sha256sum") is None:
        pytest.skip("openssl or sha256sum not installed")
    folder, public = make_release(release_script, tmp_path, Ed25519PrivateKey.generate())
    subprocess.run(["sha256sum", "-c", SUMS_NAME], cwd=folder, check=True, capture_output=True)
    done = subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            str(public),
            "-rawin",
            "-in",
            SUMS_NAME,
            "-sigfile",
            SIGNATURE_NAME,
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "Signature Verified Successfully" in done.stdout


def test_sums_never_point_outside_the_release() -> None:
    digest = "0" * 64
    with pytest.raises(InvalidInput, match="names a path"):
        parse_sums(f"{digest}  ../etc/passwd\n".encode())
    with pytest.raises(InvalidInput, match="lists no files"):
        parse_sums(b"\n")
    assert parse_sums(f"{digest} *a.deb\n".encode()) == [(digest, "a.deb")]


def test_a_missing_signature_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / SUMS_NAME).write_text("0" * 64 + "  a\n")
    key = load_public_key(public_key_pem(Ed25519PrivateKey.generate().public_key()))
    with pytest.raises(InvalidInput, match=r"SHA256SUMS\.sig"):
        verify_release(tmp_path, key)


def test_the_real_package_goes_into_a_verified_release(
    release_script: Any, deb: Path, tmp_path: Path
) -> None:
    _, public, _ = release_script.write_release([deb], tmp_path / "release", None)
    result = verify_release(tmp_path / "release", load_public_key(public.read_bytes()))
    assert result.ok and [f.name for f in result.files] == [deb.name]


def test_a_release_carries_the_lock_it_was_built_from(
    release_script: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make release` signs requirements/outpost.lock with the packages (issue 13 item 6),
    so the versions inside a release can be checked. A stand-in bundle: only the release
    steps are under test here (the real bundle's .deb is in test_deb.py)."""
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed (Debian's dpkg package)")
    bundle = tmp_path / "outpost"
    bundle.mkdir()
    (bundle / "outpost").write_text("#!/bin/sh\n")
    dist = tmp_path / "dist"
    code = release_script.main(
        ["release", "--bundle", str(bundle), "--dist", str(dist), "--compression", "zstd"]
    )
    assert code == 0
    folder = dist / "release"
    public = next(dist.glob("*.pub.pem"))
    result = verify_release(folder, load_public_key(public.read_bytes()))
    names = [f.name for f in result.files]
    assert result.ok and "outpost.lock" in names and len(names) == 3, names
    lock = release_script.LOCK
    assert (folder / "outpost.lock").read_bytes() == lock.read_bytes()
    capsys.readouterr()


def test_the_bundle_is_built_only_from_the_locked_environment(release_script: Any) -> None:
    release_script.check_environment()  # make .venv installed the lock
    stale = release_script.LOCK.read_text().replace("\norjson==3.13.0 \\", "\norjson==3.12.0 \\")
    with pytest.raises(
        SystemExit, match=r"orjson: the lock has 3\.12\.0, installed is 3\.13\.0.*make \.venv"
    ):
        release_script.check_environment(stale)
