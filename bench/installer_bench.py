"""Issue 7 benchmark: what agencies install and how fast it starts.

Builds the PyInstaller bundle from this checkout into a temporary folder, then measures:
- size on disk (bytes of every file; and allocated blocks, which is what `du` shows),
- compressed size: the release's .deb (xz) and the portable .tar.gz,
- cold start of the bundled client to the unlock window (offscreen), the first run after
  dropping the page cache where the machine allows it, then warm runs,
- `outpost self-test` from the bundle.
Baseline: the same start and self-test from the source tree (.venv's Python), measured in the
same run, so the ratio shows what bundling costs or saves. Targets: <= 150 MB on disk,
<= 1.0 s cold start.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.table import median, print_table

ROOT = Path(__file__).resolve().parents[1]
TARGET_DISK_MB = 150.0
TARGET_START_S = 1.0


def _release_script() -> Any:
    spec = importlib.util.spec_from_file_location("outpost_release", ROOT / "scripts/release.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _env(data: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OUTPOST_DATA_DIR": str(data), **extra}
    env.pop("OUTPOST_PROVISIONING", None)
    return env


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - started


def _drop_page_cache() -> bool:
    """True when the kernel's page cache could be emptied (root on a machine that allows it):
    only then is the first start really cold."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def _sizes(bundle: Path) -> tuple[int, int]:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), sum(p.stat().st_blocks * 512 for p in files)


def run(warm_runs: int = 5) -> dict[str, float]:
    script = _release_script()
    with tempfile.TemporaryDirectory(prefix="outpost-installer-bench-") as folder:
        tmp = Path(folder)
        started = time.perf_counter()
        bundle = script.build_bundle(tmp / "dist", tmp / "work")
        build_s = time.perf_counter() - started
        apparent, allocated = _sizes(bundle)
        deb = script.build_deb(bundle, tmp, "xz")
        tarball = script.build_tarball(bundle, tmp)

        data = tmp / "data"
        probe = {"OUTPOST_STARTUP_PROBE": "1"}
        gui = [str(bundle / "outpost-gui")]
        source_gui = [sys.executable, str(ROOT / "packaging/launchers/outpost_gui.py")]
        cold = _drop_page_cache()
        first = _timed(gui, _env(data, **probe))
        warm = [_timed(gui, _env(data, **probe)) for _ in range(warm_runs)]
        source_env = _env(data, PYTHONPATH=str(ROOT), **probe)
        _drop_page_cache()
        source_first = _timed(source_gui, source_env)
        source_warm = [_timed(source_gui, source_env) for _ in range(warm_runs)]

        selftest = [_timed([str(bundle / "outpost"), "self-test"], _env(data)) for _ in range(3)]
        source_selftest = [
            _timed([sys.executable, "-m", "launch.cli", "self-test"], _env(data)) for _ in range(3)
        ]

        mb = 1000**2
        results = {
            "bundle_bytes": float(apparent),
            "bundle_allocated_bytes": float(allocated),
            "deb_xz_bytes": float(deb.stat().st_size),
            "tar_gz_bytes": float(tarball.stat().st_size),
            "start_first_s": first,
            "start_warm_s": median(warm),
            "selftest_s": median(selftest),
            "build_s": build_s,
        }
        first_label = "first start (page cache dropped)" if cold else "first start (cache warm)"
        print_table(
            "Installer: size (target <= 150 MB on disk)",
            ["what", "MB", "MiB", "vs target"],
            [
                [
                    "bundle on disk (file bytes)",
                    apparent / mb,
                    apparent / 2**20,
                    f"{apparent / mb / TARGET_DISK_MB:.2f}x",
                ],
                [
                    "bundle on disk (allocated, du)",
                    allocated / mb,
                    allocated / 2**20,
                    f"{allocated / mb / TARGET_DISK_MB:.2f}x",
                ],
                [f"{deb.name} (xz)", deb.stat().st_size / mb, deb.stat().st_size / 2**20, ""],
                [tarball.name, tarball.stat().st_size / mb, tarball.stat().st_size / 2**20, ""],
            ],
        )
        print_table(
            "Installer: start to the unlock window and self-test (target start <= 1.0 s)",
            ["what", "bundle s", "source s (baseline)", "bundle/source"],
            [
                [first_label, first, source_first, f"{first / source_first:.2f}"],
                [
                    f"warm start (median of {warm_runs})",
                    median(warm),
                    median(source_warm),
                    f"{median(warm) / median(source_warm):.2f}",
                ],
                [
                    "outpost self-test (median of 3)",
                    median(selftest),
                    median(source_selftest),
                    f"{median(selftest) / median(source_selftest):.2f}",
                ],
                ["bundle build (PyInstaller)", build_s, "", ""],
            ],
        )
        return results


if __name__ == "__main__":
    run()
