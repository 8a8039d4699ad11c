"""The Debian package: sane control data, the expected files when unpacked into a temporary
root (dpkg -x), a program that runs from there, and nothing that touches a person's data."""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, check=True).stdout


def test_control_data_is_sane(deb: Path) -> None:
    assert deb.name == f"outpost_{VERSION}_{dpkg_deb('-f', str(deb), 'Architecture').strip()}.deb"
    fields = {
        name: dpkg_deb("-f", str(deb), name).strip()
        for name in ("Package", "Version", "Maintainer", "Depends", "Installed-Size")
    }
    assert fields["Package"] == "outpost" and fields["Version"] == VERSION
    assert "libc6" in fields["Depends"] and "libgl1" in fields["Depends"]
    assert 50_000 < int(fields["Installed-Size"]) < 200_000  # KiB
    info = dpkg_deb("--info", str(deb))
    # No maintainer scripts at all: removing or purging runs nothing, so nothing in anyone's
    # home folder (the encrypted data) can be touched.
    for script in ("preinst", "postinst", "prerm", "postrm", "config"):
        assert f" {script} " not in info


def test_unpacks_to_the_expected_files_and_runs(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    for path in (
        "opt/outpost/outpost",
        "opt/outpost/outpost-gui",
        "opt/outpost/_internal",
        "usr/bin/outpost",
        "usr/bin/outpost-gui",
        "usr/share/applications/outpost.desktop",
        "usr/share/icons/hicolor/256x256/apps/outpost.png",
        "usr/share/icons/hicolor/scalable/apps/outpost.svg",
        "usr/share/doc/outpost/copyright",
    ):
        assert (root / path).exists(), path
    assert os.access(root / "usr/bin/outpost", os.X_OK)
    launcher = (root / "usr/bin/outpost").read_text()
    assert launcher.startswith("#!/bin/sh") and 'exec /opt/outpost/outpost "$@"' in launcher
    entry = dict(
        line.split("=", 1)
        for line in (root / "usr/share/applications/outpost.desktop").read_text().splitlines()
        if "=" in line
    )
    assert entry["Type"] == "Application" and entry["Exec"] == "/opt/outpost/outpost-gui"
    assert entry["Icon"] == "outpost" and entry["Terminal"] == "false"
    assert not any(p.is_relative_to(root / "home") for p in root.rglob("*"))
    done = subprocess.run(
        [str(root / "opt/outpost/outpost"), "self-test"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "OUTPOST_DATA_DIR": str(tmp_path / "d")},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
