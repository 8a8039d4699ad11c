"""The operator at the console, in a real browser: activates with a security key, signs in
with it, registers member states and agencies, downloads a provisioning file, reads and
verifies the audit log."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa

from portal import cli
from portal.tables import agencies, audit_log, member_states
from tests.console.browser import Browser
from tests.console.conftest import (
    activate_with_key,
    activate_with_passphrase,
    console_url,
    new_operator,
    sign_in_with_key,
)
from tests.console.http_client import ConsoleClient
from tests.portal_server import PortalServer


def test_operator_activates_signs_in_and_registers_a_state_and_agency(
    portal: PortalServer, new_browser: Callable[..., Browser]
) -> None:
    operator_id, code = new_operator(portal)
    browser = new_browser()
    browser.security_key()
    browser.open("/")
    assert browser.path == "/login"
    browser.screenshot("01-sign-in")
    activate_with_key(browser, operator_id, code)
    assert "Welcome, Operator" in browser.body()
    assert len(browser.key_credentials()) == 1

    # The activation code worked once: a second activation with it is refused.
    other = new_browser()
    other.security_key()
    other.open("/activate")
    other.fill("activate-account", operator_id)
    other.fill("activate-code", code)
    other.submit("activate-submit")
    assert "not valid for this account" in other.text("problem")

    # Sign out, sign in again with the same key.
    browser.driver.find_element("css selector", ".signout button").click()
    browser.wait_for_path("/login")
    sign_in_with_key(browser, operator_id)
    browser.screenshot("02-operator-home")

    browser.open("/operator/states")
    browser.fill("state-code", "tha")
    browser.submit("state-submit")
    browser.fill("state-code", "MYS")
    browser.fill("state-name", "Malaysia")
    browser.submit("state-submit")
    table = browser.text("states")
    assert "THA Thailand" in table and "MYS Malaysia" in table
    browser.screenshot("03-operator-states")

    browser.open("/operator/agencies")
    browser.fill("agency-code", "THA-IMX")
    browser.choose("agency-state", "THA")
    browser.fill("agency-name", "Immigration Bureau")
    browser.submit("agency-submit")
    assert "THA-IMX THA Immigration Bureau" in browser.text("agencies")
    browser.screenshot("04-operator-agencies")
    with portal.db.read() as conn:
        assert (
            conn.execute(
                sa.select(agencies.c.member_state).where(agencies.c.code == "THA-IMX")
            ).scalar_one()
            == "THA"
        )
        assert conn.execute(sa.select(sa.func.count()).select_from(member_states)).scalar_one() >= 2

    browser.open("/operator/keys")
    assert browser.text("fingerprint").replace(" ", "").lower() == portal.keys.key_id.split(":")[1]
    browser.screenshot("05-operator-keys")

    browser.open("/operator/audit")
    browser.submit("audit-verify")
    assert "verifies" in browser.text("audit-result")
    log = browser.text("audit")
    for action in ("console.activate", "console.login", "state.create", "agency.create"):
        assert action in log
    browser.screenshot("06-operator-audit")


def test_the_audit_page_names_the_first_broken_entry(
    portal: PortalServer, new_browser: Callable[..., Browser]
) -> None:
    operator_id, code = new_operator(portal)
    browser = new_browser()
    activate_with_key(browser, operator_id, code)
    with portal.db.write() as conn:
        first = conn.execute(
            sa.select(audit_log.c.seq, audit_log.c.details)
            .where(audit_log.c.action == "console.activate")
            .order_by(audit_log.c.seq.desc())
        ).first()
        assert first is not None
        conn.execute(
            audit_log.update().where(audit_log.c.seq == first.seq).values(details='{"edited":1}')
        )
    try:
        browser.open("/operator/audit?verify=1")
        assert f"broken at entry {first.seq}" in browser.text("audit-result")
    finally:
        with portal.db.write() as conn:
            conn.execute(
                audit_log.update().where(audit_log.c.seq == first.seq).values(details=first.details)
            )


def test_the_first_operator_is_created_on_the_command_line(
    portal: PortalServer, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["admin", "operator-create", "--data", str(portal.data_dir), "operator.first"]
    assert cli.main([*argv, "--name", "Ana Operator", "--method", "passphrase-totp"]) == 0
    code = capsys.readouterr().out.strip()
    client = ConsoleClient(console_url(portal))
    activate_with_passphrase(client, "operator.first", code)
    assert "Ana Operator" in client.get("/").text
    # Ids are unique portal-wide: a second account with this id is refused, and says why.
    assert cli.main([*argv, "--name", "Someone Else"]) == 2
    assert "already used on this portal" in capsys.readouterr().err
