"""The PyInstaller bundle built from this checkout: its own self-test passes, it starts to the
unlock window, and it carries one Qt binding, the trimmed Qt and none of the portal."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from app.provisioning import fingerprint
from portal.keys import PortalKeys

ROOT = Path(__file__).resolve().parents[2]


def bundled(
    bundle: Path,
    program: str,
    *args: str,
    env: dict[str, str] | None = None,
    data: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "OUTPOST_DATA_DIR": str(data) if data else "",
        **(env or {}),
    }
    for key in ("OUTPOST_PROVISIONING", "OUTPOST_EXPECT_FINGERPRINT", "PYTHONPATH"):
        if key not in (env or {}):
            environment.pop(key, None)
    return subprocess.run(
        [str(bundle / program), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def test_the_bundle_self_test_passes_every_line(
    bundle: Path, good_file: Path, portal_keys: PortalKeys, tmp_path: Path
) -> None:
    expected = fingerprint(portal_keys.key_id)
    done = bundled(
        bundle,
        "outpost",
        "--provision",
        str(good_file),
        "--expect-fingerprint",
        expected,
        "self-test",
        data=tmp_path / "data",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    checks = [line for line in lines if line.startswith(("PASS", "FAIL"))]
    assert all(line.startswith("PASS") for line in checks), done.stdout
    names = {line.split()[1] for line in checks}
    assert {
        "program",
        "sqlcipher",
        "crypto",
        "resources",
        "translations",
        "data",
        "provisioning",
        "qt",
    } <= names
    assert "(bundle)" in done.stdout and "platform plugin 'offscreen'" in done.stdout
    assert "matches the fingerprint given" in done.stdout
    assert lines[-1] == f"{len(checks)} passed, 0 failed"


def test_the_bundle_refuses_an_altered_provisioning_file(
    bundle: Path, good_file: Path, tmp_path: Path
) -> None:
    altered = tmp_path / "altered.json"
    altered.write_bytes(good_file.read_bytes().replace(b"KE-DIS", b"KE-DIT"))
    done = bundled(
        bundle, "outpost", "--provision", str(altered), "self-test", data=tmp_path / "data"
    )
    assert done.returncode == 1
    assert "FAIL  provisioning" in done.stdout and "changed after" in done.stdout


def test_the_bundled_client_starts_to_the_unlock_window(bundle: Path, tmp_path: Path) -> None:
    started = time.perf_counter()
    done = bundled(
        bundle, "outpost-gui", env={"OUTPOST_STARTUP_PROBE": "screens"}, data=tmp_path / "data"
    )
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("startup ")
    # Every screen's module is in the bundle and loads; Qt Charts draws.
    ui_modules = [p for p in (ROOT / "ui").glob("*.py") if p.name != "__init__.py"]
    assert f"screens loaded: {len(ui_modules)} ui modules, chart drawn" in done.stdout
    # The benchmark reports the real figure (target 1 s); this only catches a hang.
    assert elapsed < 20


def test_the_bundle_is_one_folder_with_one_qt_binding_and_trimmed_qt(bundle: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    internal = bundle / "_internal"
    assert (bundle / "outpost").is_file() and (bundle / "outpost-gui").is_file()
    for absent in ("PyQt5", "PyQt6", "PySide2", "portal", "sqlalchemy", "uvicorn"):
        assert not (internal / absent).exists(), absent
    for program in ("outpost", "outpost-gui"):
        modules = CArchiveReader(str(bundle / program)).open_embedded_archive("PYZ.pyz").toc
        tops = {name.split(".")[0] for name in modules}
        assert {"app", "storage", "sync", "ui", "cli"} <= tops
        assert not tops & {
            "portal",
            "sqlalchemy",
            "starlette",
            "uvicorn",
            "alembic",
            "PyQt5",
            "PyQt6",
            "PySide2",
            "tests",
            "pytest",
        }
    qt = internal / "PySide6" / "Qt"
    plugins = {p.relative_to(qt / "plugins").as_posix() for p in (qt / "plugins").rglob("*.so")}
    assert {
        "platforms/libqoffscreen.so",
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
    } <= plugins
    assert not any(
        p.startswith(
            (
                "platforms/libqeglfs",
                "platforms/libqvnc",
                "qml",
                "sqldrivers",
                "multimedia",
                "platformthemes/libqgtk3",
            )
        )
        for p in plugins
    )
    assert not (qt / "qml").exists()
    libraries = {p.name for p in internal.rglob("libQt6*")}
    assert "libQt6Charts.so.6" in libraries
    assert not any(
        name.startswith(("libQt6Quick", "libQt6Qml", "libQt6Pdf", "libQt6VirtualKeyboard"))
        for name in libraries
    )
    translations = list(qt.glob("translations/*.qm"))
    assert all(p.name.startswith("qtbase_") for p in translations)
    assert (internal / "resources" / "translations" / "outpost_id.qm").is_file()
    assert (internal / "resources" / "codelists" / "tlp.json").is_file()
    assert not list(internal.rglob("*.ts"))
    assert not [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]


def test_bundle_size_is_within_the_target(bundle: Path) -> None:
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= 160 * 1000**2, f"{size / 1e6:.1f} MB"  # bench/installer_bench.py reports it
