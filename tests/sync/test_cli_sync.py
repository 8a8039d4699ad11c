"""`outpost provision | enrol | sync | outbox` against the real portal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import ok_cli as ok
from support import run_cli as run
from support import sample
from sync_support import provisioning_doc

from tests.portal_server import PortalServer

PASS = "a long enough passphrase"


def test_connect_enrol_sync_from_the_command_line(
    tmp_path: Path,
    live_portal: PortalServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OUTPOST_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASS)
    monkeypatch.setenv("OUTPOST_NEW_PASSPHRASE", PASS)
    agency = live_portal.new_agency()
    ok(capsys, "init", "--user", "ana", "--agency", agency)
    ok(capsys, "user", "add", "ben", "--role", "ofp", "--user", "ana")

    code, _, err = run(capsys, "sync", "--user", "ana")
    assert code == 1 and "outpost provision FILE" in err  # not connected yet: says what to do

    (tmp_path / "agency.json").write_bytes(provisioning_doc(live_portal, agency))
    assert "Connected to portal" in ok(
        capsys, "provision", str(tmp_path / "agency.json"), "--user", "ana"
    )
    code, _, err = run(capsys, "enrol", "NOT-A-CODE", "--user", "ana")
    assert code == 1 and err.count("\n") == 1
    assert "enrolled as officer" in ok(
        capsys, "enrol", live_portal.code(agency, "officer"), "--user", "ana"
    )
    assert "enrolled as ofp" in ok(
        capsys, "enrol", live_portal.code(agency, "ofp"), "--user", "ben"
    )

    (tmp_path / "r.json").write_text(json.dumps(sample(71, 0)))
    report_id = ok(
        capsys, "report", "add", "--json", str(tmp_path / "r.json"), "--user", "ana"
    ).strip()
    ok(capsys, "report", "submit", report_id[:8], "--user", "ana")
    waiting = json.loads(ok(capsys, "outbox", "--json", "--user", "ana"))
    assert [(w["kind"], w["state"]) for w in waiting] == [("submission", "pending")]

    out = ok(capsys, "sync", "--no-progress", "--user", "ana")
    assert "Sync complete: pushed 1" in out
    assert "empty" in ok(capsys, "outbox", "--user", "ana")
    assert json.loads(ok(capsys, "outbox", "--all", "--json", "--user", "ana"))[0]["state"] == (
        "delivered"
    )
