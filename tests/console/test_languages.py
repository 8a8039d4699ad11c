"""The console speaks the client's languages, completely, and fits a phone and 1366x768."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from portal.web import i18n
from portal.web.accounts import METHODS
from portal.web.console import ROLES
from portal.web.focal import CODE_ROLES
from tests.console.browser import DESKTOP, PHONE, Browser
from tests.console.conftest import activate_with_key, new_operator
from tests.portal_server import PortalServer

WEB = Path(resources.files("portal.web"))  # type: ignore[arg-type]
_LITERAL = re.compile(r"""\bt\(\s*["']([a-z0-9_\-]+)["']""")
_REFUSAL = re.compile(r"""WebError\(\s*\d+,\s*["']([a-z0-9_]+)["']""")


def used_keys() -> set[str]:
    keys: set[str] = set()
    for template in (WEB / "templates").rglob("*.html"):
        keys |= set(_LITERAL.findall(template.read_text("utf-8")))
    for module in WEB.glob("*.py"):
        keys |= set(_REFUSAL.findall(module.read_text("utf-8")))
    # Keys built from a prefix and a value in the templates.
    keys |= {f"role_{r}" for r in ROLES} | {f"home_role_{r}" for r in ROLES}
    keys |= {f"method_{m}" for m in METHODS} | {"account_add_nfp", "account_add_ofp"}
    keys |= {f"code_role_{r}" for roles in CODE_ROLES.values() for r in roles}
    keys |= {"error_passphrase_mismatch", "error_passphrase_short", "error_totp_wrong"}
    keys |= {"nfps_title", "people_title"}
    return {key for key in keys if not key.endswith("_")}  # prefixes: covered above


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w+)\}", text))


def test_every_message_has_english_text() -> None:
    english = i18n.catalogue("en")
    missing = sorted(used_keys() - set(english))
    assert not missing
    assert len(used_keys()) > 150  # the scan found the templates


@pytest.mark.parametrize("code", [lang.code for lang in i18n.languages() if lang.code != "en"])
def test_every_language_is_complete(code: str) -> None:
    english = i18n.catalogue("en")
    other = json.loads((WEB / "locales" / f"{code}.json").read_text("utf-8"))
    assert set(other) == set(english)
    for key, text in english.items():
        assert placeholders(other[key]) == placeholders(text), key
        assert other[key] != text or key in {"error_admin"} or "{" in text or len(text) < 12, key


def fits(browser: Browser) -> bool:
    """No sideways scrolling: the page is no wider than the window."""
    return bool(browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize(("language", "heading"), [("th", "เข้าสู่ระบบ"), ("id", "Masuk")])
def test_the_sign_in_page_in_each_language_fits_a_phone(
    new_browser: Callable[..., Browser], language: str, heading: str
) -> None:
    browser = new_browser(language)
    browser.open("/login")
    assert browser.js("return document.documentElement.lang") == language
    assert browser.driver.find_element("tag name", "h1").text == heading
    browser.driver.set_window_size(*PHONE)
    assert fits(browser)
    browser.screenshot(f"12-sign-in-{language}-phone", phone=True)


def test_the_operator_pages_fit_1366x768_and_a_phone(
    portal: PortalServer, new_browser: Callable[..., Browser]
) -> None:
    browser = new_browser()
    operator_id, code = new_operator(portal)
    activate_with_key(browser, operator_id, code)
    for path in (
        "/",
        "/operator/states",
        "/operator/agencies",
        "/operator/keys",
        "/operator/audit",
        "/operator/nfps",
    ):
        for size in (DESKTOP, PHONE):
            browser.driver.set_window_size(*size)
            browser.open(path)
            assert fits(browser), (path, size)
    browser.driver.set_window_size(*DESKTOP)
    browser.open("/lang/th?next=/operator/keys")
    assert "กุญแจพอร์ทัลและไฟล์ตั้งค่า" in browser.body()
    browser.screenshot("13-operator-keys-thai")
