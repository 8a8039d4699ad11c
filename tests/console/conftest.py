"""A real portal with its console on loopback, and real browsers to use it.

The console is opened as http://localhost:PORT: browsers treat loopback as a secure
context (Secure cookies, WebAuthn), and WebAuthn needs a host name, not an IP address.
Screenshots go to $OUTPOST_CONSOLE_SCREENSHOTS when set (`make screenshots` sets it to
docs/screenshots/console), else to a temporary folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyotp
import pytest
from selenium import webdriver

from portal.clock import now_seconds
from portal.web import accounts
from portal.web.config import ConsoleSettings
from portal.web.passphrase import KdfParams
from tests.console.browser import Browser, require_browser, reset, start_driver
from tests.console.http_client import ConsoleClient
from tests.portal_server import PortalServer, running_portal

FAST = KdfParams(iterations=1, lanes=1, memory_kib=8 * 1024)
CONSOLE = ConsoleSettings(kdf=FAST, failures_per_account=5, failures_per_source=40)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PortalServer]:
    with running_portal(tmp_path_factory.mktemp("console-portal"), console=CONSOLE) as server:
        yield server


def console_url(portal: PortalServer) -> str:
    return f"http://localhost:{portal.server.port}"


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("OUTPOST_CONSOLE_SCREENSHOTS")
    return Path(chosen) if chosen else tmp_path_factory.mktemp("console-shots")


@pytest.fixture(scope="module")
def browser_pool() -> Iterator[list[webdriver.Chrome]]:
    """Chromium processes started once per module (starting one costs about a second and
    a hundred megabytes); each test gets them back reset."""
    require_browser()
    pool: list[webdriver.Chrome] = []
    yield pool
    for driver in pool:
        driver.quit()


@pytest.fixture
def new_browser(
    portal: PortalServer, shots: Path, browser_pool: list[webdriver.Chrome]
) -> Callable[..., Browser]:
    """Each call: another person at a browser of their own, with no cookies and no
    security key plugged in (the module's Chromium processes, reset between uses)."""
    handed_out = 0

    def make(language: str = "en") -> Browser:
        nonlocal handed_out
        if handed_out == len(browser_pool):
            browser_pool.append(start_driver())
        driver = browser_pool[handed_out]
        handed_out += 1
        reset(driver, console_url(portal), language)
        return Browser(driver, console_url(portal), shots)

    return make


@pytest.fixture
def client(portal: PortalServer) -> ConsoleClient:
    return ConsoleClient(console_url(portal))


_ids = iter(range(1, 10**6))


def fresh_id(prefix: str) -> str:
    return f"{prefix}.{next(_ids):04d}"


def new_operator(portal: PortalServer, *, method: str = "security-key") -> tuple[str, str]:
    """(operator id, activation code): the bootstrap that `admin operator-create` does."""
    operator_id = fresh_id("operator")
    code = accounts.create_operator(
        portal.db,
        operator_id=operator_id,
        display_name=f"Operator {operator_id}",
        method=method,
        created_by="test-setup",
        now=now_seconds(),
        ttl=3600,
    )
    return operator_id, code


@dataclass
class PassphraseAccount:
    account_id: str
    secret: str
    last_step: int = -1

    def code(self) -> str:
        """The authenticator app's code; a later time step than any used before (the
        portal counts a code once, and accepts the next step for clock drift)."""
        step = max(now_seconds() // 30, self.last_step + 1)
        self.last_step = step
        return str(pyotp.TOTP(self.secret).at(step * 30))


def sign_in_with_passphrase(client: ConsoleClient, account: PassphraseAccount) -> None:
    client.get("/login")
    page = client.post(
        "/login/passphrase",
        {"account_id": account.account_id, "passphrase": PASSPHRASE, "totp": account.code()},
    )
    assert page.status_code == 200 and "/logout" in page.text, page.text


def activate_with_key(browser: Browser, account_id: str, code: str) -> None:
    """A person activates their account in the browser with their security key."""
    if browser.authenticator is None:
        browser.security_key()
    browser.open("/activate")
    browser.fill("activate-account", account_id)
    browser.fill("activate-code", code)
    browser.submit("activate-submit")
    browser.wait_for("webauthn-go").click()
    browser.wait_for_path("/")


def sign_in_with_key(browser: Browser, account_id: str) -> None:
    browser.open("/login")
    browser.fill("key-account", account_id)
    browser.submit("key-start")
    browser.wait_for("webauthn-go").click()
    browser.wait_for_path("/")


def activate_with_passphrase(
    client: ConsoleClient, account_id: str, code: str
) -> PassphraseAccount:
    client.get("/activate")
    page = client.post("/activate", {"account_id": account_id, "code": code})
    match = re.search(r'id="totp-secret">([A-Z2-7]+)<', page.text)
    assert match is not None, page.text
    secret = match.group(1)
    done = client.post(
        "/activate/passphrase",
        {
            "account_id": account_id,
            "code": code,
            "secret": secret,
            "passphrase": PASSPHRASE,
            "repeat": PASSPHRASE,
            "totp": pyotp.TOTP(secret).now(),
        },
    )
    assert done.status_code == 200 and "/logout" in done.text, done.text
    return PassphraseAccount(account_id, secret, now_seconds() // 30)


def passphrase_operator(portal: PortalServer) -> tuple[ConsoleClient, PassphraseAccount]:
    """A signed-in operator at a plain HTTP client (no browser needed)."""
    operator_id, code = new_operator(portal, method="passphrase-totp")
    client = ConsoleClient(console_url(portal))
    return client, activate_with_passphrase(client, operator_id, code)
