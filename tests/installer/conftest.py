"""Fixtures for the distribution tests: one PyInstaller bundle per test session (built from
this checkout into a temporary folder, ~1 min on two cores), its .deb, and signed
provisioning files."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from portal.keys import PortalKeys, create_keys
from sync.protocol import b64url_encode

ROOT = Path(__file__).resolve().parents[2]


def _release_script() -> Any:
    """scripts/release.py as a module (it is a script, not a package member)."""
    if "outpost_release_script" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "outpost_release_script", ROOT / "scripts" / "release.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return sys.modules["outpost_release_script"]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed in this environment (pip install -e '.[dev]')")
    out = tmp_path_factory.mktemp("bundle")
    script = _release_script()
    return script.build_bundle(out / "dist", out / "work")


@pytest.fixture(scope="session")
def deb(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed (Debian's dpkg package)")
    out = tmp_path_factory.mktemp("deb")
    # zstd: the same package as the release's xz one, built in a second instead of forty.
    return _release_script().build_deb(bundle, out, "zstd")


def _signed_document(
    keys: PortalKeys,
    agency: str = "KE-DIS",
    url: str = "http://127.0.0.1:9",
    crossing_points: list[dict[str, str]] | None = None,
) -> dict[str, object]:
    """A provisioning document signed as `outpost-portal admin provisioning` signs it.
    (Crossing points only where nothing applies the file: applying replaces the process's
    crossing-point list, which other tests rely on.)"""
    from portal.provisioning import sign_provisioning

    document: dict[str, object] = {
        "v": 1,
        "portal_url": url,
        "portal_id": keys.portal_id,
        "portal_key_id": keys.key_id,
        "portal_public_key": b64url_encode(keys.public_key),
        "portal_x25519_public_key": b64url_encode(keys.exchange_public_key),
        "portal_certificate": keys.certificate.to_json(),
        "agency": agency,
        "member_state": "KEN",
    }
    if crossing_points:
        document["crossing_points"] = crossing_points
    return sign_provisioning(document, keys)


SignDocument = Callable[..., dict[str, object]]


@pytest.fixture(scope="session")
def sign_document() -> SignDocument:
    """signed_document(keys, agency=..., url=..., crossing_points=...) -> the signed dict."""
    return _signed_document


@pytest.fixture(scope="session")
def release_script() -> Any:
    return _release_script()


@pytest.fixture(scope="session")
def portal_keys(tmp_path_factory: pytest.TempPathFactory) -> PortalKeys:
    return create_keys(tmp_path_factory.mktemp("portal"), portal_id="portal.test", agency="FORUM")


@pytest.fixture(scope="session")
def other_keys(tmp_path_factory: pytest.TempPathFactory) -> PortalKeys:
    return create_keys(tmp_path_factory.mktemp("other"), portal_id="portal.test", agency="FORUM")


@pytest.fixture
def good_file(tmp_path: Path, portal_keys: PortalKeys) -> Iterator[Path]:
    path = tmp_path / "agency.json"
    path.write_text(json.dumps(_signed_document(portal_keys), indent=2))
    yield path
