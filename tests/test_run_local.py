"""`make run`'s plumbing: a local portal prepared and served, and an installation that
provisions itself to it and enrols its users on first unlock (the GUI calls the same
engine factory after unlock)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from support import FAST_KDF, sample

from app.domain import Role
from app.identity import is_enrolled
from app.paths import DataPaths
from app.reports import ReportService
from app.session import NewUser, initialise
from app.workflow import Workflow
from cli import run_local
from storage.users_repo import UserRepository

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_local_portal_and_self_provisioning_client(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    run_local.prepare_portal(url)
    assert (tmp_path / ".run" / "agency.json").exists()
    portal = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "portal.cli",
            "serve",
            "--data",
            ".run/portal",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=tmp_path,
    )
    try:
        for _ in range(100):
            try:
                requests.get(url + "/v1/hello", timeout=1).raise_for_status()
                break
            except requests.RequestException:
                time.sleep(0.2)
        paths = DataPaths(tmp_path / ".run" / "client")
        with initialise(
            paths,
            NewUser("demo.officer", Role.OFFICER, run_local.AGENCY),
            "demo officer passphrase",
            kdf=FAST_KDF,
        ) as s:
            focal = s.add_user(
                NewUser("demo.focal", Role.OFP, run_local.AGENCY), "demo focal passphrase"
            )
            report_id = ReportService(s.db, s.user, s.audit).create_draft(sample(7, 1)).report_id
            Workflow(s.db, s.user, s.audit).submit(report_id)

            from ui.sync_panel import LOCAL_PORTAL_ENV, default_engine_factory

            monkeypatch.setenv(LOCAL_PORTAL_ENV, str((tmp_path / ".run").resolve()))
            engine = default_engine_factory(s)
            assert engine is not None
            users = UserRepository(s.db)
            assert is_enrolled(s.db, users.by_name("demo.officer"))
            assert is_enrolled(s.db, users.by_id(focal.id))
            summary = engine.run_pass()  # type: ignore[attr-defined]
            assert summary.error is None and summary.pushed == 1
            assert default_engine_factory(s) is not None  # a second start changes nothing
        _demo_operator_activates(f"http://localhost:{port}", tmp_path / ".run" / "console.json")
    finally:
        portal.terminate()
        portal.wait(10)


def _demo_operator_activates(console: str, facts_file: Path) -> None:
    """The same portal serves the console, where the demo operator's code activates it."""
    import json

    from tests.console.conftest import activate_with_passphrase
    from tests.console.http_client import ConsoleClient

    facts = json.loads(facts_file.read_text())
    client = ConsoleClient(console)
    activate_with_passphrase(client, facts["operator"], facts["activation_code"])
    assert "Demo operator" in client.get("/").text
