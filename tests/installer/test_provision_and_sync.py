"""From the operator's signed file to a first sync: `outpost-portal admin provisioning` signs,
`outpost --provision FILE init` refuses what it must and connects a fresh installation that
then enrols and delivers to the portal started here."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from support import ok_cli as ok
from support import run_cli as run
from support import sample

from portal import cli as portal_cli
from portal.keys import PortalKeys
from tests.portal_server import envelopes_on_portal, running_portal

PASS = "a long enough passphrase"


def test_signed_file_provisions_a_fresh_installation_that_syncs(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    sign_document: Callable[..., dict[str, object]],
    other_keys: PortalKeys,
) -> None:
    monkeypatch.setenv("OUTPOST_PASSPHRASE", PASS)
    monkeypatch.setenv("OUTPOST_NEW_PASSPHRASE", PASS)
    with running_portal(tmp_path / "portal") as portal:
        agency = portal.new_agency()
        admin = ["admin", "provisioning", "--data", str(portal.data_dir)]
        assert portal_cli.main([*admin, "--agency", agency, "--url", portal.url]) == 0
        printed = capsys.readouterr()
        fingerprint = printed.err.split("portal key fingerprint:")[1].strip()
        good = tmp_path / "agency.json"
        good.write_text(printed.out)
        assert json.loads(printed.out)["signature"]["key_id"] == portal.keys.key_id

        # One byte changed: refused before anything is created.
        tampered = tmp_path / "tampered.json"
        tampered.write_bytes(good.read_bytes().replace(b'"KEN"', b'"KEM"'))
        data = tmp_path / "data"
        init = ["init", "--user", "ana", "--agency", agency, "--data-dir", str(data)]
        code, _, err = run(capsys, "--provision", str(tampered), *init)
        assert code == 1 and "changed after the portal operator signed it" in err
        assert not data.exists()

        # A complete file from another portal key: refused against the fingerprint.
        forged = tmp_path / "forged.json"
        forged.write_text(json.dumps(sign_document(other_keys, agency=agency, url=portal.url)))
        code, _, err = run(
            capsys, "--provision", str(forged), "--expect-fingerprint", fingerprint, *init
        )
        assert code == 1 and "not by the one you expected" in err
        assert not data.exists()

        # The genuine file: a fresh installation, connected in the same step.
        out = ok(capsys, "--provision", str(good), "--expect-fingerprint", fingerprint, *init)
        assert f"Connected to portal {portal.keys.portal_id}" in out
        assert "matches the fingerprint you gave" in out

        user = ["--user", "ana", "--data-dir", str(data)]
        code_text = portal.code(agency, "officer")
        assert "enrolled as officer" in ok(capsys, "enrol", code_text, *user)
        (tmp_path / "r.json").write_text(json.dumps(sample(73, 0)))
        report_id = ok(capsys, "report", "add", "--json", str(tmp_path / "r.json"), *user)
        ok(capsys, "report", "submit", report_id.strip()[:8], *user)
        assert "Sync complete: pushed 1" in ok(capsys, "sync", "--no-progress", *user)
        assert envelopes_on_portal(portal, [report_id.strip()]) == {report_id.strip(): 1}

        # --provision again on the connected installation: same portal, nothing to do.
        assert "empty" in ok(capsys, "--provision", str(good), "outbox", *user)
