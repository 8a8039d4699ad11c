"""People and devices, end to end in real browsers and a real desktop client: the operator
creates a state and its NFP; the NFP activates and signs in with a security key and creates
an OFP; the OFP issues an enrolment code, a desktop installation enrols with it and syncs,
the OFP revokes that device, and the installation's next sync is refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from support import FAST_KDF, PASSPHRASE

from app.domain import Role
from app.identity import install_portal_certificate, signing_key
from app.paths import DataPaths
from app.portal_clock import PortalClock
from app.provisioning import apply_provisioning, parse_provisioning
from app.session import NewUser, initialise, unlock
from portal.tables import audit_log, principals, revocations
from services.portal import portal_client
from services.sync_session import sync_engine
from sync.protocol import key_id_of, public_key_raw
from tests.console.browser import Browser
from tests.console.conftest import activate_with_key, new_operator, sign_in_with_key
from tests.portal_server import PortalServer


def register_state_and_agency(browser: Browser, state: str, agency: str) -> None:
    browser.open("/operator/states")
    browser.fill("state-code", state)
    browser.submit("state-submit")
    browser.open("/operator/agencies")
    browser.fill("agency-code", agency)
    browser.choose("agency-state", state)
    browser.fill("agency-name", "Immigration Department")
    browser.submit("agency-submit")


def create_account(
    browser: Browser, page: str, agency: str, account_id: str, name: str, shot: str = ""
) -> str:
    """Fill the new-account form of `page`; returns the activation code shown once."""
    browser.open(page)
    browser.choose("person-agency", agency)
    browser.fill("person-id", account_id)
    browser.fill("person-name", name)
    browser.choose("person-method", "security-key")
    if shot:
        browser.screenshot(shot)
    browser.submit("person-submit")
    assert browser.text("created-account") == account_id
    return browser.text("activation-code")


def test_operator_nfp_ofp_desktop_enrolment_and_revocation(
    portal: PortalServer, new_browser: Callable[..., Browser], tmp_path: Path
) -> None:
    # The operator registers the state and its agency, and creates the state's NFP.
    operator = new_browser()
    operator_id, code = new_operator(portal)
    activate_with_key(operator, operator_id, code)
    register_state_and_agency(operator, "KEN", "KEN-IMM")
    nfp_code = create_account(
        operator, "/operator/nfps", "KEN-IMM", "nfp.wanjiru", "Wanjiru Kamau", "07-operator-nfps"
    )
    operator.open("/operator/nfps")
    assert "nfp.wanjiru Wanjiru Kamau" in operator.text("people")
    assert "waiting for activation" in operator.text("people")

    # The NFP activates with a security key, signs out, and signs in with it again.
    nfp = new_browser()
    activate_with_key(nfp, "nfp.wanjiru", nfp_code)
    nfp.driver.find_element("css selector", ".signout button").click()
    nfp.wait_for_path("/login")
    sign_in_with_key(nfp, "nfp.wanjiru")
    assert "national focal point · KEN-IMM" in nfp.body()
    nfp.screenshot("08-nfp-home")
    with portal.db.read() as conn:
        row = conn.execute(
            sa.select(principals).where(principals.c.principal_id == "nfp.wanjiru")
        ).one()
    assert (row.agency, row.member_state, row.role) == ("KEN-IMM", "KEN", "nfp")

    # The NFP creates an OFP of the agency.
    ofp_code = create_account(nfp, "/people", "KEN-IMM", "ofp.otieno", "Otieno Odhiambo")
    nfp.open("/people")
    nfp.screenshot("09-nfp-people")

    # The OFP activates and issues an officer enrolment code (shown once, and as QR).
    ofp = new_browser()
    activate_with_key(ofp, "ofp.otieno", ofp_code)
    ofp.open("/devices")
    ofp.choose("code-role", "officer")
    ofp.submit("code-submit")
    enrolment_code = ofp.text("enrolment-code")
    assert ofp.js(
        "const i = document.getElementById('enrolment-qr'); return i.complete && i.naturalWidth"
    )
    ofp.screenshot("10-ofp-enrolment-code")

    # The desktop installation of the border post enrols with that code and syncs.
    paths = DataPaths(tmp_path / "post")
    provisioning = operator_provisioning(operator, "KEN-IMM")
    with initialise(
        paths, NewUser("kip", Role.OFFICER, "KEN-IMM"), PASSPHRASE, kdf=FAST_KDF
    ) as session:
        apply_provisioning(session.db, session.audit, session.user.id, provisioning)
        with portal_client(session, signed=False) as client:
            PortalClock(session.db).learn(client.hello().clock_offset, "enrolment")
            answer = client.enrol(
                enrolment_code,
                session.user.id,
                public_key_raw(signing_key(session.db, session.user)),
            )
        install_portal_certificate(session.db, session.user, session.audit, answer.certificate)
        user_id = session.user.id
        device_key = key_id_of(signing_key(session.db, session.user))
        first = sync_engine(session).run_pass()
        assert first.error is None, first.error

    # The laptop is lost: the OFP finds it among the agency's devices and revokes it.
    ofp.open("/devices")
    rows = ofp.text("devices")
    assert user_id in rows and "active" in rows
    key = ofp.el("device-1").get_attribute("data-key")
    assert key == device_key
    ofp.screenshot("11-ofp-devices")
    ofp.el("device-1").find_element("name", "reason").send_keys("laptop lost on the road")
    ofp.submit("revoke-1")
    assert "revoked" in ofp.text("devices") and not ofp.has("revoke-1")
    with portal.db.read() as conn:
        revoked = conn.execute(
            sa.select(revocations.c.reason).where(revocations.c.key_id == key)
        ).scalar_one()
        actor = conn.execute(
            sa.select(audit_log.c.actor)
            .where(audit_log.c.action == "revoke")
            .where(audit_log.c.subject == key)
        ).scalar_one()
    assert (revoked, actor) == ("laptop lost on the road", "ofp.otieno")

    # Its next sync is refused, and says why.
    with unlock(paths, "kip", PASSPHRASE) as session:
        refused = sync_engine(session).run_pass()
    assert refused.error is not None and "revoked" in refused.error


def operator_provisioning(operator: Browser, agency: str) -> object:
    """The agency's provisioning file, as the operator downloads it from the keys page
    (fetched by the page's own form, with its CSRF token, in the operator's browser)."""
    operator.open("/operator/keys")
    text = operator.js(
        "const f = document.querySelector('form[action=\"/operator/provisioning\"]');"
        "const data = new FormData(f); data.set('agency', arguments[0]);"
        "return fetch(f.action, {method: 'POST', body: new URLSearchParams(data)})"
        ".then(r => r.text());",
        agency,
    )
    return parse_provisioning(json.dumps(json.loads(text)).encode())
