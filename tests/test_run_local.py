"""`make run`'s plumbing: a local portal prepared and served, and an installation that
provisions itself to it and enrols its users on first unlock (the GUI calls the same
engine factory after unlock)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from support import FAST_KDF, sample

from app.domain import Role
from app.identity import is_enrolled
from app.paths import DataPaths
from app.reports import ReportService
from app.session import NewUser, initialise
from app.workflow import Workflow
from launch import run_local
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
    portal = run_local.start_portal(url, port)  # what make run serves, as it serves it
    try:
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

            factory = run_local.local_engine_factory((tmp_path / ".run").resolve())
            engine = factory(s)
            assert engine is not None
            users = UserRepository(s.db)
            assert is_enrolled(s.db, users.by_name("demo.officer"))
            assert is_enrolled(s.db, users.by_id(focal.id))
            summary = engine.run_pass()  # type: ignore[attr-defined]
            assert summary.error is None and summary.pushed == 1
            assert factory(s) is not None  # a second start changes nothing
        _demo_operator_activates(f"http://localhost:{port}", tmp_path / ".run" / "console.json")
    finally:
        run_local.stop_portal(portal)


def test_a_portal_that_cannot_start_is_said_not_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No prepared data: the portal exits at once, and start_portal says so instead of
    giving up silently after its wait."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    port = _free_port()
    started = time.monotonic()
    with pytest.raises(SystemExit, match="the local portal exited with code"):
        run_local.start_portal(f"http://127.0.0.1:{port}", port, data=tmp_path / "none")
    assert time.monotonic() - started < 15


def test_the_shipped_client_has_no_make_run_hook() -> None:
    """make run's provisioning is passed in from launch/run_local.py: nothing under ui/
    reads the local portal's folder or its enrolment codes from the environment."""
    for path in (ROOT / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "codes.json" not in text and "OUTPOST_LOCAL_PORTAL" not in text, path


def _demo_operator_activates(console: str, facts_file: Path) -> None:
    """The same portal serves the console, where the demo operator's code activates it."""
    import json

    from tests.console.conftest import activate_with_passphrase
    from tests.console.http_client import ConsoleClient

    facts = json.loads(facts_file.read_text())
    client = ConsoleClient(console)
    activate_with_passphrase(client, facts["operator"], facts["activation_code"])
    assert "Demo operator" in client.get("/").text
