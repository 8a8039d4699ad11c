"""The console's defences, tried against the running portal over HTTP: security headers on
every page, CSRF tokens on every form, the sign-in throttle, the idle timeout, and no page
that gives back posted markup unescaped."""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path

import pycountry
import pytest
import requests
import sqlalchemy as sa

from portal.tables import audit_log, web_login_failures, web_sessions
from portal.web.config import ConsoleSettings
from portal.web.headers import CONTENT_SECURITY_POLICY
from tests.console.conftest import (
    CONSOLE,
    PASSPHRASE,
    activate_with_passphrase,
    console_url,
    new_operator,
    passphrase_operator,
)
from tests.console.crawl import reachable_pages
from tests.console.forms import Form, forms_of
from tests.console.http_client import ConsoleClient
from tests.portal_server import PortalServer, running_portal

ANONYMOUS_PAGES = ("/login", "/activate", "/no-such-page", "/operator/states")


def audit_rows(portal: PortalServer) -> int:
    with portal.db.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(audit_log)).scalar_one())


def assert_security_headers(response: requests.Response, *, tls: bool) -> None:
    where = f"{response.request.method} {response.url} ({response.status_code})"
    headers = response.headers
    assert headers.get("Content-Security-Policy") == CONTENT_SECURITY_POLICY, where
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"], where
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"], where
    assert headers.get("X-Content-Type-Options") == "nosniff", where
    assert headers.get("X-Frame-Options") == "DENY", where
    assert ("Strict-Transport-Security" in headers) is tls, where


@pytest.fixture(scope="module", autouse=True)
def registered_state(portal: PortalServer) -> str:
    """A member state with an agency, so that every form of the operator's pages shows."""
    client, _ = passphrase_operator(portal)
    client.get("/operator/states")
    assert client.post("/operator/states", {"code": "KEN"}).status_code == 200
    assert client.post("/operator/agencies", {"code": "KEN-IMM", "member_state": "KEN"}).ok
    return "KEN"


def test_every_page_sends_the_security_headers(portal: PortalServer) -> None:
    client, _ = passphrase_operator(portal)
    pages = reachable_pages(client)
    assert {"/", "/operator/states", "/operator/agencies", "/operator/keys"} <= set(pages)
    for path in pages:
        assert_security_headers(client.get(path, follow=False), tls=False)
    for form in (f for path in pages for f in forms_of(client.get(path).text)):
        if form.method == "post" and form.action != "/logout":
            # The refusals and error pages carry them too.
            assert_security_headers(client.post(form.action, {}, csrf=None), tls=False)
    anonymous = ConsoleClient(console_url(portal))
    for path in ANONYMOUS_PAGES:
        assert_security_headers(anonymous.get(path, follow=False), tls=False)
    css = anonymous.get("/login").text.split('rel="stylesheet" href="')[1].split('"')[0]
    assert_security_headers(anonymous.get(css), tls=False)


def test_hsts_when_the_portal_is_served_over_tls(tmp_path: Path) -> None:
    # Behind a TLS-terminating proxy the portal knows its public https URL.
    with running_portal(tmp_path, console=CONSOLE, public_url="https://localhost") as server:
        client = ConsoleClient(console_url(server))
        for path in ANONYMOUS_PAGES:
            assert_security_headers(client.get(path, follow=False), tls=True)
        # The API is for programs, not browsers: it carries none of these.
        assert "Content-Security-Policy" not in requests.get(server.url + "/v1/hello").headers


def test_plain_http_from_elsewhere_than_loopback_is_refused(portal: PortalServer) -> None:
    # The Host a browser elsewhere would send: without TLS the console refuses to serve.
    answer = requests.get(
        console_url(portal) + "/login", headers={"Host": "portal.example"}, timeout=30
    )
    assert answer.status_code == 403 and "HTTPS only" in answer.text
    assert_security_headers(answer, tls=False)


def post_forms(client: ConsoleClient, pages: list[str]) -> list[Form]:
    found = []
    for path in pages:
        for form in forms_of(client.get(path).text):
            if form.method == "post" and form.action != "/logout":
                found.append(form)
    return found


def test_a_form_without_or_with_a_wrong_csrf_token_is_refused(portal: PortalServer) -> None:
    client, _ = passphrase_operator(portal)
    other, _ = passphrase_operator(portal)
    forms = post_forms(client, reachable_pages(client))
    assert {"/operator/states", "/operator/agencies", "/operator/provisioning"} <= {
        f.action for f in forms
    }
    anonymous = ConsoleClient(console_url(portal))
    anonymous.get("/login")
    forms += post_forms(anonymous, list(ANONYMOUS_PAGES[:2]))
    assert {"/login/passphrase", "/login/key", "/activate"} <= {f.action for f in forms}
    before = audit_rows(portal)
    with portal.db.read() as conn:
        failures = conn.execute(sa.select(sa.func.count()).select_from(web_login_failures))
        failures_before = failures.scalar_one()
    for form in forms:
        who = anonymous if form.action.startswith(("/login", "/activate")) else client
        values = {name: "THA" for name in form.text} | {
            name: options[0] for name, options in form.choices.items() if options
        }
        other.get("/")
        tokens = {"missing": None, "wrong": "0" * 64, "another session's": other.csrf()}
        for what, token in tokens.items():
            answer = who.post(form.action, values, csrf=token, follow=False)
            assert answer.status_code == 403, (form.action, what, answer.status_code)
            assert "security token" in answer.text
    # Nothing was done, not even counted as a failed sign-in.
    assert audit_rows(portal) == before
    with portal.db.read() as conn:
        failures = conn.execute(sa.select(sa.func.count()).select_from(web_login_failures))
        assert failures.scalar_one() == failures_before


def test_sign_in_is_throttled_per_account(portal: PortalServer) -> None:
    operator_id, code = new_operator(portal, method="passphrase-totp")
    setup = ConsoleClient(console_url(portal))
    account = activate_with_passphrase(setup, operator_id, code)
    attacker = ConsoleClient(console_url(portal))
    for _ in range(CONSOLE.failures_per_account):
        attacker.get("/login")
        wrong = attacker.post(
            "/login/passphrase",
            {"account_id": operator_id, "passphrase": "wrong guess number", "totp": "123456"},
        )
        assert wrong.status_code == 401
    # Now even the right passphrase and code are refused, from anywhere, until the window
    # passes; the refusal says when to try again.
    person = ConsoleClient(console_url(portal))
    person.get("/login")
    refused = person.post(
        "/login/passphrase",
        {"account_id": operator_id, "passphrase": PASSPHRASE, "totp": account.code()},
    )
    assert refused.status_code == 429
    assert re.search(r"Try again in 1[56] minutes", refused.text)
    assert "__Host-outpost-session" not in person.cookies
    with portal.db.read() as conn:
        actions = (
            conn.execute(sa.select(audit_log.c.action).where(audit_log.c.subject == operator_id))
            .scalars()
            .all()
        )
    assert actions.count("console.login.failed") == CONSOLE.failures_per_account
    assert actions.count("console.login.throttled") == 1  # once, not per refused attempt
    assert actions.count("console.login") == 1  # the activation's sign-in only


def test_sign_in_is_throttled_per_source_address(tmp_path: Path) -> None:
    config = ConsoleSettings(kdf=CONSOLE.kdf, failures_per_account=100, failures_per_source=4)
    with running_portal(tmp_path, console=config) as server:
        client = ConsoleClient(console_url(server))
        statuses = []
        for number in range(6):  # a different account each time: only the address repeats
            client.get("/login")
            answer = client.post(
                "/login/passphrase",
                {"account_id": f"guess.{number}", "passphrase": "x" * 12, "totp": "000000"},
            )
            statuses.append(answer.status_code)
        assert statuses == [401, 401, 401, 401, 429, 429]


def test_an_idle_session_ends(tmp_path: Path) -> None:
    config = ConsoleSettings(kdf=CONSOLE.kdf, idle_seconds=2)
    with running_portal(tmp_path, console=config) as server:
        operator_id, code = new_operator(server, method="passphrase-totp")
        client = ConsoleClient(console_url(server))
        activate_with_passphrase(client, operator_id, code)
        home = client.get("/")
        assert home.status_code == 200 and "/logout" in home.text
        time.sleep(3)
        assert client.get("/", follow=False).headers["location"] == "/login"
        with server.db.read() as conn:
            live = conn.execute(
                sa.select(sa.func.count())
                .select_from(web_sessions)
                .where(web_sessions.c.account_id == operator_id)
            )
            assert live.scalar_one() == 0


PAYLOAD = '<script>alert("outpost-{n}")</script>'
_numbers = itertools.count(1)
_state_codes = iter(sorted(c.alpha_3 for c in pycountry.countries)[::-1])


def _plausible(form: Form, name: str) -> str:
    """A value the form accepts for `name`, so the posted markup gets stored and shown."""
    if form.action == "/operator/states" and name == "code":
        return next(_state_codes)
    if form.action == "/operator/agencies" and name == "code":
        return f"XSS-{next(_numbers):04d}"
    if name == "url":
        return "https://portal.example"
    return "plain value"


def test_no_page_reflects_posted_markup_unescaped(portal: PortalServer) -> None:
    client, _ = passphrase_operator(portal)
    pages = reachable_pages(client)
    posted = 0
    for path in pages:
        for form in forms_of(client.get(path).text):
            if form.action == "/logout":
                continue
            for target in form.text:
                values = {name: _plausible(form, name) for name in form.text}
                values |= {n: opts[0] for n, opts in form.choices.items() if opts}
                values[target] = PAYLOAD.format(n=next(_numbers))
                client.get(path)
                if form.method == "post":
                    answer = client.post(form.action, values)
                else:
                    answer = client.get(form.action + "?" + _query(values))
                posted += 1
                assert "<script>alert" not in answer.text, (form.action, target)
    assert posted >= 6
    # And where it was stored, every page shows it escaped, never as markup.
    shown = 0
    for path in reachable_pages(client):
        text = client.get(path).text
        assert "<script>alert" not in text, path
        shown += text.count("&lt;script&gt;alert(")
    assert shown >= 2  # the state's and the agency's names at least


def _query(values: dict[str, str]) -> str:
    from urllib.parse import urlencode

    return urlencode(values)


@pytest.mark.parametrize("field", ["account_id", "code"])
def test_sign_in_forms_do_not_reflect_markup(portal: PortalServer, field: str) -> None:
    client = ConsoleClient(console_url(portal))
    for form_path, action in (("/activate", "/activate"), ("/login", "/login/key")):
        client.get(form_path)
        values = {"account_id": "someone", "code": "AAAA-BBBB"}
        values[field] = PAYLOAD.format(n=next(_numbers))
        answer = client.post(action, values)
        assert "<script>alert" not in answer.text


def test_a_refusal_names_what_was_refused(portal: PortalServer, registered_state: str) -> None:
    client, _ = passphrase_operator(portal)
    client.get("/operator/states")
    again = client.post("/operator/states", {"code": registered_state})
    assert again.status_code == 409
    assert f"The member state {registered_state} is already registered" in again.text
