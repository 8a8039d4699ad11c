"""Builds what agencies receive: the PyInstaller bundle, the Debian package, and a signed release.

    python scripts/release.py installer          # dist/outpost/ and dist/outpost_<v>_<arch>.deb
    python scripts/release.py release [--key K]  # + dist/release/: .deb, .tar.gz, SHA256SUMS(.sig)
    python scripts/release.py keygen --out DIR   # a new release key pair (keep the private half
                                                 # offline; publish the public half)

`make installer` and `make release` run the first two. The release key comes from --key or
$OUTPOST_RELEASE_KEY (an unencrypted PEM Ed25519 private key); without one a THROWAWAY key is
made and named as such, so a test release can be produced anywhere but is never mistaken for
a real one. Builds are reproducible where the tools allow: SOURCE_DATE_EPOCH (the last
commit's time unless set) for every timestamp and PYTHONHASHSEED=0 for PyInstaller.

The bundle is frozen from the running environment, which `make .venv` installs from
requirements/outpost.lock with its hashes: the build refuses an environment that differs from
the lock, and a release carries the lock itself, listed in the signed SHA256SUMS, so what is
inside can be checked against what was tested.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.release import (  # noqa: E402  (after the path set-up: runs as a script)
    SIGNATURE_NAME,
    SUMS_NAME,
    key_fingerprint,
    load_private_key,
    private_key_pem,
    public_key_pem,
    sign_sums,
    sums_text,
)

PACKAGING = ROOT / "packaging"
RELEASE_KEY_ENV = "OUTPOST_RELEASE_KEY"
THROWAWAY = "THROWAWAY-TEST-KEY"
# Libraries a Qt desktop program takes from the system (PyInstaller never bundles them), by
# the Debian package that provides them: used when the build machine lacks one of them.
SYSTEM_LIBRARIES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libxcb.so.1": "libxcb1",
    "libGLdispatch.so.0": "libglvnd0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libc.so.6": "libc6",
    "libm.so.6": "libc6",
}
# Never bundled (the system's own), plus fontconfig and xkbcommon: bundled, but their
# Debian packages bring the font configuration and keyboard data they read at run time.
BASE_DEPENDS = {"libc6", "libgl1", "libegl1", "libxcb1", "libfontconfig1", "libxkbcommon0"}


def _lock_script() -> Any:
    """scripts/lock.py, loaded by path (a `scripts` package from elsewhere could shadow it)."""
    spec = importlib.util.spec_from_file_location("outpost_lock_script", ROOT / "scripts/lock.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_LOCK_SCRIPT = _lock_script()
LOCK: Path = _LOCK_SCRIPT.LOCK


def check_environment(lock_text: str | None = None) -> None:
    """Refuses to freeze an environment that is not the lock (stale, or changed by hand)."""
    problems = _LOCK_SCRIPT.environment_mismatches(lock_text or LOCK.read_text())
    if problems:
        raise SystemExit(
            f"release: this environment is not {LOCK.relative_to(ROOT)} "
            f"({'; '.join(problems)}); rebuild it with make .venv"
        )


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


def source_date_epoch() -> int:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 1767225600  # 2026-01-01: outside a git checkout, still the same every time


def deb_architecture() -> str:
    try:
        return subprocess.run(
            ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def clamp_mtimes(folder: Path, epoch: int) -> None:
    """Every file no newer than SOURCE_DATE_EPOCH, so archives of equal content are equal."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_symlink():
            os.utime(path, (epoch, epoch), follow_symlinks=False)
        elif path.stat().st_mtime > epoch:
            os.utime(path, (epoch, epoch))
    os.utime(folder, (epoch, epoch))


# -- the bundle ------------------------------------------------------------------------------


def build_bundle(dist: Path, work: Path | None = None) -> Path:
    """Runs PyInstaller on build.spec; returns the one-folder bundle (dist/outpost)."""
    check_environment()
    epoch = source_date_epoch()
    env = {**os.environ, "PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": str(epoch)}
    work = work or ROOT / "build"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    bundle = dist / "outpost"
    clamp_mtimes(bundle, epoch)
    return bundle


# -- the Debian package ----------------------------------------------------------------------


def _bundle_libraries(bundle: Path) -> tuple[set[str], list[Path]]:
    names, elves = set(), []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    elves.append(path)
        if path.name.startswith("lib") and ".so" in path.name:
            names.add(path.name)
    return names, elves


def _is_root(bundle: Path, elf: Path) -> bool:
    """The executables and what Python loads (extension modules, libpython): ldd lists their
    needs transitively, so what only plugins and the plugins' libraries need is the rest."""
    inner = elf.relative_to(bundle).parts
    if len(inner) == 1 or elf.name.startswith("libpython"):
        return True
    inner = inner[1:]  # below _internal/
    return len(inner) > 1 and "plugins" not in inner and inner[:3] != ("PySide6", "Qt", "lib")


def _owning_package(path: str) -> str | None:
    """The Debian package that ships a library file. With merged /usr, ldd reports
    /lib/x86_64-linux-gnu/... while dpkg recorded /usr/lib/... (or the other way round)."""
    real = os.path.realpath(path)
    candidates = [path, real]
    for p in (path, real):
        if p.startswith("/usr/"):
            candidates.append(p.removeprefix("/usr"))
        else:
            candidates.append("/usr" + p)
    for candidate in dict.fromkeys(candidates):
        done = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0].strip()
    return None


def system_depends(bundle: Path) -> tuple[list[str], list[str]]:
    """(Depends, Recommends): Debian packages of the shared libraries the bundle needs but does
    not carry. Those only a Qt plugin needs (Wayland's, say) are recommended, not required:
    without them that plugin stays unused and the program still runs on X11."""
    bundled, elves = _bundle_libraries(bundle)
    core: dict[str, str | None] = {}
    plugin_only: dict[str, str | None] = {}
    for elf in elves:
        done = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, check=False)
        target = core if _is_root(bundle, elf) else plugin_only
        for line in done.stdout.splitlines():
            match = re.match(r"\s*(\S+) => (not found|\S+)", line)
            if match is None or match.group(1) in bundled:
                continue
            where = None if match.group(2) == "not found" else match.group(2)
            if where is None or str(bundle) not in where:
                target[match.group(1)] = where or target.get(match.group(1))

    def packages(libraries: dict[str, str | None]) -> set[str]:
        found = set()
        for name, where in sorted(libraries.items()):
            package = SYSTEM_LIBRARIES.get(name)
            if package is None and where:
                package = _owning_package(where)
            if package:
                found.add(package)
            else:
                print(f"release: no Debian package known for {name}", file=sys.stderr)
        return found

    depends = BASE_DEPENDS | packages(core)
    recommends = packages({k: v for k, v in plugin_only.items() if k not in core}) - depends
    return sorted(depends), sorted(recommends)


def _installed_size_kib(folder: Path) -> int:
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return (total + 1023) // 1024


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def build_deb(bundle: Path, out_dir: Path, compression: str = "xz") -> Path:
    """A .deb: the bundle under /opt/outpost, launchers in /usr/bin, a desktop entry and
    icons. No maintainer scripts: removing or purging the package deletes only these files,
    never anything in a person's home folder (the encrypted data stays)."""
    ver, arch, epoch = version(), deb_architecture(), source_date_epoch()
    stage = out_dir / f".deb-stage-{arch}"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(bundle, stage / "opt" / "outpost", symlinks=True)
    for path in (stage / "opt").rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    launcher = (PACKAGING / "linux" / "outpost.sh").read_text(encoding="utf-8")
    _write(stage / "usr/bin/outpost", launcher.replace("@PROGRAM@", "outpost"), 0o755)
    _write(stage / "usr/bin/outpost-gui", launcher.replace("@PROGRAM@", "outpost-gui"), 0o755)
    desktop = (PACKAGING / "linux" / "outpost.desktop").read_text(encoding="utf-8")
    _write(stage / "usr/share/applications/outpost.desktop", desktop.replace("@VERSION@", ver))
    icons = stage / "usr/share/icons/hicolor"
    (icons / "256x256/apps").mkdir(parents=True)
    (icons / "scalable/apps").mkdir(parents=True)
    shutil.copyfile(PACKAGING / "icons/outpost.png", icons / "256x256/apps/outpost.png")
    shutil.copyfile(PACKAGING / "icons/outpost.svg", icons / "scalable/apps/outpost.svg")
    _write(
        stage / "usr/share/doc/outpost/copyright",
        (PACKAGING / "linux" / "copyright").read_text(encoding="utf-8"),
    )
    control = (PACKAGING / "linux" / "control").read_text(encoding="utf-8")
    depends, recommends = system_depends(bundle)
    control = (
        control.replace("@VERSION@", ver)
        .replace("@ARCH@", arch)
        .replace("@DEPENDS@", ", ".join(depends))
        .replace("@RECOMMENDS@", ", ".join(recommends) or "libwayland-client0")
        .replace("@SIZE@", str(_installed_size_kib(stage)))
    )
    _write(stage / "DEBIAN/control", control)
    for path in stage.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    clamp_mtimes(stage, epoch)
    target = out_dir / f"outpost_{ver}_{arch}.deb"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build", str(stage), str(target)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(stage)
    return target


# -- the portable archive --------------------------------------------------------------------


def build_tarball(bundle: Path, out_dir: Path) -> Path:
    """outpost-<v>-linux-<arch>.tar.gz of the bundle, byte-identical for identical input:
    sorted entries, one owner, clamped times, no gzip timestamp."""
    epoch = source_date_epoch()
    target = out_dir / f"outpost-{version()}-linux-{platform.machine()}.tar.gz"

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = min(int(info.mtime), epoch)
        return info

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in [bundle, *sorted(bundle.rglob("*"))]:
            arcname = Path("outpost") / path.relative_to(bundle)
            tar.add(path, arcname=str(arcname), recursive=False, filter=normalise)
    with target.open("wb") as raw, gzip.GzipFile(
        filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6
    ) as out:
        out.write(buffer.getvalue())
    return target


# -- signing ---------------------------------------------------------------------------------


def release_key(path: str | None) -> tuple[bytes, bool]:
    """(PEM private key, throwaway?)."""
    chosen = path or os.environ.get(RELEASE_KEY_ENV)
    if chosen:
        return Path(chosen).read_bytes(), False
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return private_key_pem(Ed25519PrivateKey.generate()), True


def write_release(
    files: list[Path], out_dir: Path, key_file: str | None = None
) -> tuple[Path, Path, bool]:
    """Copies `files` into out_dir, writes SHA256SUMS and SHA256SUMS.sig; returns (sums,
    public key file, throwaway?). The public key file lands beside out_dir, not in it: the
    key that checks a release must reach people another way than the release itself."""
    out_dir.mkdir(parents=True, exist_ok=True)
    names = {p.name for p in files}
    for stale in out_dir.iterdir():  # a release folder holds exactly one release
        if stale.is_file() and stale.name not in names:
            stale.unlink()
    for path in files:
        if path.parent.resolve() != out_dir.resolve():
            shutil.copyfile(path, out_dir / path.name)
    pem, throwaway = release_key(key_file)
    private = load_private_key(pem)
    sums = sums_text(out_dir, [p.name for p in files])
    (out_dir / SUMS_NAME).write_bytes(sums)
    (out_dir / SIGNATURE_NAME).write_bytes(sign_sums(sums, private))
    label = f"outpost-release.{THROWAWAY}" if throwaway else "outpost-release"
    public = out_dir.parent / f"{label}.pub.pem"
    public.write_bytes(public_key_pem(private.public_key()))
    if throwaway:
        # Kept only so the same throwaway key can sign again in this folder; never published.
        secret = out_dir.parent / f"{label}.private.pem"
        secret.write_bytes(pem)
        secret.chmod(0o600)
    return out_dir / SUMS_NAME, public, throwaway


# -- commands --------------------------------------------------------------------------------


def cmd_installer(args: argparse.Namespace) -> int:
    dist = Path(args.dist)
    bundle = Path(args.bundle) if args.bundle else build_bundle(dist)
    deb = build_deb(bundle, dist, args.compression)
    print(f"bundle: {bundle}\npackage: {deb}")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    dist = Path(args.dist)
    bundle = Path(args.bundle) if args.bundle else build_bundle(dist)
    files = [build_deb(bundle, dist, args.compression)]
    if not args.no_tarball:
        files.append(build_tarball(bundle, dist))
    files.append(LOCK)  # what the bundle was built from, signed with it
    out = dist / "release"
    _, public, throwaway = write_release(files, out, args.key)
    from app.release import load_public_key

    fingerprint = key_fingerprint(load_public_key(public.read_bytes()))
    print(f"release: {out} ({', '.join(p.name for p in files)}, {SUMS_NAME}, {SIGNATURE_NAME})")
    print(f"public key: {public} (fingerprint {fingerprint})")
    if throwaway:
        print(
            f"WARNING: signed with a {THROWAWAY} made for this build. It proves nothing to "
            f"anyone: sign real releases with --key or ${RELEASE_KEY_ENV}.",
            file=sys.stderr,
        )
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    private = Ed25519PrivateKey.generate()
    secret = out / "outpost-release.private.pem"
    fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never overwrite a key
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_key_pem(private))
    (out / "outpost-release.pub.pem").write_bytes(public_key_pem(private.public_key()))
    print(f"release key pair in {out}; fingerprint {key_fingerprint(private.public_key())}")
    print("Keep the private key offline; publish the public key and its fingerprint.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="release", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, handler in (("installer", cmd_installer), ("release", cmd_release)):
        p = sub.add_parser(name)
        p.add_argument("--dist", default=str(ROOT / "dist"))
        p.add_argument("--bundle", help="use this built bundle instead of building one")
        p.add_argument(
            "--compression",
            default="xz",
            choices=["xz", "gzip", "zstd"],
            help="of the .deb (xz: installs on every supported Debian and Ubuntu)",
        )
        p.set_defaults(handler=handler)
    sub.choices["release"].add_argument("--key", help=f"PEM private key (or ${RELEASE_KEY_ENV})")
    sub.choices["release"].add_argument("--no-tarball", action="store_true")
    p = sub.add_parser("keygen")
    p.add_argument("--out", required=True)
    p.set_defaults(handler=cmd_keygen)
    args = parser.parse_args(argv)
    result: int = args.handler(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
