"""The dependency lock: requirements/outpost.lock, every package pinned with its hashes.

    python scripts/lock.py --uv PATH [--upgrade]   # `make lock` (`make lock UPGRADE=1`)

One lock, not a runtime and a dev one: what is tested is the development environment
(`make .venv` installs runtime + dev + the build backend from it), and the bundle agencies
receive is frozen by PyInstaller from that same environment, so a second, runtime-only
resolution would be a set of versions nothing ever ran. The lock is resolved by uv (only
`make lock` needs it; `make .venv` and `make test` install with plain pip) for CPython 3.11
on Linux x86_64 (glibc 2.34 or newer, as pyside6 6.11's wheels need). Hashes are those of
every file of each pinned version, so pip may pick any of them on that platform.

Without --upgrade, uv keeps the transitive versions already in the lock that still fit
pyproject.toml, so bumping one pin moves only what it must. The same module checks the lock
against pyproject.toml (tests/test_lock.py) and the running environment against the lock
(scripts/release.py, before it freezes the bundle).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements" / "outpost.lock"
PYTHON_VERSION = "3.11"
# uv's name for the target: the oldest glibc pyside6-essentials 6.11.3 has wheels for.
PLATFORM = "x86_64-manylinux_2_34"
EXTRAS = ["dev", "postgresql"]
HEADER = f"""\
# The locked dependencies of Outpost: every package, transitive ones too, with the sha256 of
# each of its files. `make .venv` installs exactly these (pip --require-hashes); `make lock`
# refreshes the file from pyproject.toml (scripts/lock.py says how). Do not edit by hand.
# Resolved for CPython {PYTHON_VERSION} on Linux x86_64 (uv --python-platform {PLATFORM}):
# runtime, extras {" and ".join(EXTRAS)}, and the build backend (build-system.requires).
"""

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")
_HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}\b")


def normalise(name: str) -> str:
    """PEP 503: `PySide6_Essentials` and `pyside6-essentials` are one project."""
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_lock(text: str) -> dict[str, tuple[str, int]]:
    """{normalised name: (version, number of hashes)} of a `uv pip compile` output. An entry
    spans its `name==version \\` line and the `--hash` lines continuing it."""
    entries: dict[str, tuple[str, int]] = {}
    current: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            current = None if not line.startswith(" ") else current
            continue
        match = _PIN.match(line)
        if match:
            current = normalise(match.group(1))
            if current in entries:
                raise ValueError(f"{current} is pinned twice in the lock")
            entries[current] = (match.group(2), len(_HASH.findall(line)))
        elif line.startswith(" ") and current is not None:
            version, hashes = entries[current]
            entries[current] = (version, hashes + len(_HASH.findall(line)))
        else:
            raise ValueError(f"not a pinned requirement: {line!r}")
    return entries


def pyproject_pins(pyproject: dict[str, object]) -> dict[str, str]:
    """{normalised name: version} of every `name==version` in pyproject.toml: dependencies,
    every optional-dependencies extra, build-system.requires. Anything else is an error: the
    project pins what it names."""
    project = pyproject["project"]
    build = pyproject["build-system"]
    assert isinstance(project, dict) and isinstance(build, dict)
    requirements: list[str] = [*project["dependencies"], *build["requires"]]
    for extra in project.get("optional-dependencies", {}).values():
        requirements.extend(extra)
    pins: dict[str, str] = {}
    for requirement in requirements:
        match = _PIN.match(requirement.strip())
        if match is None:
            raise ValueError(f"pyproject.toml: {requirement!r} is not pinned with ==")
        name, version = normalise(match.group(1)), match.group(2)
        if pins.setdefault(name, version) != version:
            raise ValueError(f"pyproject.toml pins {name} at {pins[name]} and at {version}")
    return pins


def disagreements(pyproject_text: str, lock_text: str) -> list[str]:
    """What makes the lock not the resolution of pyproject.toml: a pin missing from the lock
    or at another version, a locked package without a hash. Empty when they agree."""
    pins = pyproject_pins(tomllib.loads(pyproject_text))
    locked = parse_lock(lock_text)
    problems = []
    for name, version in sorted(pins.items()):
        if name not in locked:
            problems.append(f"{name}=={version} is pinned in pyproject.toml but not in the lock")
        elif locked[name][0] != version:
            problems.append(
                f"{name}: pyproject.toml pins {version}, the lock has {locked[name][0]}"
            )
    problems += [f"{name} has no --hash in the lock" for name, (_, n) in locked.items() if not n]
    return problems


def environment_mismatches(lock_text: str) -> list[str]:
    """Locked packages that the running Python lacks or has at another version."""
    problems = []
    for name, (version, _) in sorted(parse_lock(lock_text).items()):
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            problems.append(f"{name}=={version} is locked but not installed")
            continue
        if installed != version:
            problems.append(f"{name}: the lock has {version}, installed is {installed}")
    return problems


def compile_lock(uv: str, upgrade: bool) -> None:
    build_requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]
    command = [
        uv,
        "pip",
        "compile",
        "pyproject.toml",
        "-",  # stdin: the build backend's pins
        *(f"--extra={extra}" for extra in EXTRAS),
        "--generate-hashes",
        f"--python-version={PYTHON_VERSION}",
        f"--python-platform={PLATFORM}",
        "--custom-compile-command=make lock",
        f"--output-file={LOCK.relative_to(ROOT)}",
        "--quiet",
    ]
    if upgrade:
        command.append("--upgrade")
    subprocess.run(
        command, cwd=ROOT, check=True, text=True, input="\n".join(build_requires["requires"])
    )
    LOCK.write_text(HEADER + LOCK.read_text())  # uv rewrites the whole file, header and all
    problems = disagreements((ROOT / "pyproject.toml").read_text(), LOCK.read_text())
    if problems:
        raise SystemExit("lock: " + "; ".join(problems))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="lock", description=__doc__.split("\n")[0])
    parser.add_argument("--uv", required=True, help="the uv executable")
    parser.add_argument("--upgrade", action="store_true", help="newest versions that fit")
    args = parser.parse_args(argv)
    compile_lock(args.uv, args.upgrade)
    print(f"lock: {LOCK.relative_to(ROOT)} ({len(parse_lock(LOCK.read_text()))} packages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
