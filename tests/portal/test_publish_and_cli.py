"""Operator commands (outpost-portal admin ...) and the release rule for published items."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from portal.cli import main
from portal.clock import now_seconds
from portal.registry import publish
from tests.portal.conftest import RunningPortal, Team


def test_tlp_red_items_reach_only_named_recipients(portal: RunningPortal, team: Team) -> None:
    title = f"red-{team.agency}"
    document = {
        "kind": "alert",
        "title": title,
        "body": "eyes only",
        "tlp": "RED",
        "recipients": [team.ofp.user_id],
    }
    publish(portal.db, document, now=now_seconds())  # type: ignore[arg-type]
    seen_by_ofp = [i for i in team.ofp.feed_all() if i["payload"].get("title") == title]
    seen_by_officer = [i for i in team.officer.feed_all() if i["payload"].get("title") == title]
    assert len(seen_by_ofp) == 1 and seen_by_ofp[0]["tlp"] == "RED"
    assert seen_by_officer == []


def test_bulletins_can_target_member_states(portal: RunningPortal, team: Team) -> None:
    title = f"state-{team.agency}"
    for state in ("KEN", "UGA"):
        publish(
            portal.db,
            {
                "kind": "bulletin",
                "title": title + state,
                "body": "b",
                "tlp": "GREEN",
                "member_states": [state],
            },
            now=now_seconds(),
        )
    titles = {i["payload"].get("title") for i in team.officer.feed_all()}
    assert title + "KEN" in titles and title + "UGA" not in titles


def test_admin_commands_and_serve(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "portal")
    assert main(["admin", "init", "--data", data]) == 0
    assert main(["admin", "init", "--data", data]) == 1  # keys are never replaced
    assert main(["admin", "agency-create", "--data", data, "KE-DIS", "--member-state", "KEN"]) == 0
    capsys.readouterr()
    assert (
        main(["admin", "code-issue", "--data", data, "--agency", "KE-DIS", "--role", "officer"])
        == 0
    )
    code = capsys.readouterr().out.strip()
    assert len(code) == 19
    assert (
        main(["admin", "code-issue", "--data", data, "--agency", "NOPE", "--role", "officer"]) == 2
    )
    bulletin = tmp_path / "bulletin.json"
    bulletin.write_text(json.dumps({"kind": "bulletin", "title": "t", "body": "b"}))
    assert main(["admin", "publish", "--data", data, str(bulletin)]) == 0
    assert main(["admin", "audit-verify", "--data", data]) == 0
    capsys.readouterr()
    assert (
        main(
            [
                "admin",
                "provisioning",
                "--data",
                data,
                "--agency",
                "KE-DIS",
                "--url",
                "https://portal.example",
            ]
        )
        == 0
    )
    provisioning = json.loads(capsys.readouterr().out)
    assert provisioning["member_state"] == "KEN"

    process = subprocess.Popen(
        [sys.executable, "-m", "portal.cli", "serve", "--data", data, "--port", "0"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = _port_from_log(process)
        hello = requests.get(f"http://127.0.0.1:{port}/v1/hello", timeout=10).json()
        assert hello["keys"]["ed25519"]["key_id"] == provisioning["portal_key_id"]
    finally:
        process.terminate()
        process.wait(timeout=10)


def _port_from_log(process: subprocess.Popen[str]) -> int:
    assert process.stderr is not None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if "running on" in line.lower() or "listening" in line.lower():
            return int(line.rsplit(":", 1)[1].split()[0])
        if not line and process.poll() is not None:
            break
    raise AssertionError("the portal did not report its port")


def test_revoking_twice_is_an_operator_error(portal: RunningPortal, team: Team) -> None:
    from portal.registry import AdminError, revoke

    key = team.ofp.certificate.key_id
    revoke(portal.db, key=key, reason="left", now=now_seconds())
    with pytest.raises(AdminError):
        revoke(portal.db, key=key, reason="again", now=now_seconds())
