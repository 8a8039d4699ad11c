"""Shared fixtures: real installations in temporary folders, with a cheap (but real) Argon2id."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from support import AGENCY, FAST_KDF, PASSPHRASE

from app.domain import Role
from app.paths import DataPaths
from app.session import NewUser, Session, initialise

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def paths(tmp_path: os.PathLike[str]) -> DataPaths:
    from pathlib import Path

    return DataPaths(Path(tmp_path) / "data")


@pytest.fixture
def session(paths: DataPaths) -> Iterator[Session]:
    s = initialise(paths, NewUser("officer.one", Role.OFFICER, AGENCY), PASSPHRASE, kdf=FAST_KDF)
    try:
        yield s
    finally:
        s.lock()


@pytest.fixture(autouse=True)
def _never_the_real_data_folder(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A test that forgets --data-dir must not create an installation in the user's home.
    monkeypatch.setenv("OUTPOST_DATA_DIR", str(tmp_path_factory.mktemp("default-data")))
