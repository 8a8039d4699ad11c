"""requirements/outpost.lock is the resolution of pyproject.toml's pins, every entry hashed,
and it is what these tests run on (issue 13 item 6: agencies install exactly what was
tested). A pin bumped in pyproject.toml without `make lock` fails here. No network."""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = (ROOT / "pyproject.toml").read_text()


def _lock_script() -> Any:
    if "outpost_lock_script" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "outpost_lock_script", ROOT / "scripts" / "lock.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return sys.modules["outpost_lock_script"]


lock = _lock_script()
LOCK_TEXT = lock.LOCK.read_text()


def test_the_lock_agrees_with_pyproject() -> None:
    assert lock.disagreements(PYPROJECT, LOCK_TEXT) == []
    locked = lock.parse_lock(LOCK_TEXT)
    # Transitive packages are locked too, not only the ones pyproject.toml names.
    assert len(locked) > len(lock.pyproject_pins(tomllib.loads(PYPROJECT))) + 30
    for name in ("pyside6-essentials", "shiboken6", "cffi", "certifi", "setuptools"):
        assert name in locked, name
    header = LOCK_TEXT[: LOCK_TEXT.index("\n", LOCK_TEXT.index("make lock\n") + 1)]
    assert "CPython 3.11 on Linux x86_64" in header


def test_a_pin_bumped_without_make_lock_is_caught() -> None:
    bumped = PYPROJECT.replace('"requests==2.34.2"', '"requests==2.34.3"')
    assert bumped != PYPROJECT
    assert lock.disagreements(bumped, LOCK_TEXT) == [
        "requests: pyproject.toml pins 2.34.3, the lock has 2.34.2"
    ]
    added = PYPROJECT.replace('"pyotp==2.12.0",', '"pyotp==2.12.0",\n    "left-pad==1.0.0",')
    assert lock.disagreements(added, LOCK_TEXT) == [
        "left-pad==1.0.0 is pinned in pyproject.toml but not in the lock"
    ]
    # The build backend counts as a pin: `make .venv` builds the project with it.
    backend = PYPROJECT.replace('"setuptools==84.2.1"', '"setuptools==84.2.2"')
    assert lock.disagreements(backend, LOCK_TEXT) == [
        "setuptools: pyproject.toml pins 84.2.2, the lock has 84.2.1"
    ]
    with pytest.raises(ValueError, match=r"'babel>=2\.18\.0' is not pinned with =="):
        lock.disagreements(PYPROJECT.replace('"babel==2.18.0"', '"babel>=2.18.0"'), LOCK_TEXT)


def test_an_entry_without_a_hash_is_caught() -> None:
    unhashed = re.sub(
        r"(?m)^(orjson==3\.13\.0) \\\n(?:    --hash=sha256:[0-9a-f]{64}(?: \\)?\n)+",
        r"\1\n",
        LOCK_TEXT,
    )
    assert unhashed != LOCK_TEXT
    assert lock.parse_lock(unhashed)["orjson"] == ("3.13.0", 0)
    assert lock.disagreements(PYPROJECT, unhashed) == ["orjson has no --hash in the lock"]


def test_the_tests_run_on_the_locked_versions() -> None:
    """`make .venv` installed the lock: a stale environment (the lock changed, the stamp
    did not run) or a hand-installed other version would make a green run prove nothing."""
    assert lock.environment_mismatches(LOCK_TEXT) == []
    swapped = LOCK_TEXT.replace("\nrequests==2.34.2 \\", "\nrequests==2.0.0 \\")
    assert swapped != LOCK_TEXT
    assert lock.environment_mismatches(swapped) == [
        "requests: the lock has 2.0.0, installed is 2.34.2"
    ]
