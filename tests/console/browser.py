"""A real headless Chromium (Debian's chromium + chromedriver) driven by Selenium, with
Chromium's virtual authenticator standing in for a person's security key."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.virtual_authenticator import VirtualAuthenticatorOptions
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
DESKTOP = (1366, 768)
PHONE = (390, 844)


def browser_missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not shutil.which(path):
            return f"{path} is not installed (apt-get install chromium chromium-driver)"
    return None


def require_browser() -> None:
    reason = browser_missing()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"the console tests need a browser in CI: {reason}")
    pytest.skip(reason)


def start_driver(language: str = "en") -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # tests run as root in CI
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
        f"--lang={language}",
        "--hide-scrollbars",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def reset(driver: webdriver.Chrome, base: str, language: str) -> None:
    """A used browser made fresh for the next person: no security keys, no cookies, the
    desktop window size, and the language they asked for (the console's own cookie)."""
    if driver.virtual_authenticator_id:
        driver.remove_virtual_authenticator()
    driver.get(base + "/login")  # cookies are per site: be on the console's
    driver.delete_all_cookies()
    driver.set_window_size(*DESKTOP)
    if language != "en":
        driver.get(f"{base}/lang/{language}?next=/login")  # as a person chooses it


@dataclass
class Browser:
    """One person at one browser: their cookies, their security key."""

    driver: webdriver.Chrome
    base: str
    shots: Path
    authenticator: str | None = field(default=None)

    def open(self, path: str) -> None:
        self.driver.get(self.base + path)

    @property
    def path(self) -> str:
        url: str = self.driver.current_url
        return url.removeprefix(self.base).split("?")[0] or "/"

    def el(self, element_id: str) -> WebElement:
        return self.driver.find_element(By.ID, element_id)

    def has(self, element_id: str) -> bool:
        try:
            self.el(element_id)
        except NoSuchElementException:
            return False
        return True

    def fill(self, element_id: str, value: str) -> None:
        element = self.el(element_id)
        element.clear()
        element.send_keys(value)

    def choose(self, element_id: str, value: str) -> None:
        Select(self.el(element_id)).select_by_value(value)

    def click(self, element_id: str) -> None:
        self.el(element_id).click()

    def submit(self, element_id: str, timeout: float = 15) -> None:
        """Click a button that loads another page, and wait until that page is there."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.el(element_id).click()
        WebDriverWait(self.driver, timeout).until(lambda _driver: _gone(old))

    def text(self, element_id: str) -> str:
        return str(self.el(element_id).text)

    def body(self) -> str:
        return str(self.driver.find_element(By.TAG_NAME, "body").text)

    def wait_for(self, element_id: str, timeout: float = 15) -> WebElement:
        return WebDriverWait(self.driver, timeout).until(
            lambda d: d.find_element(By.ID, element_id)
        )

    def wait_for_path(self, path: str, timeout: float = 15) -> None:
        WebDriverWait(self.driver, timeout).until(lambda d: self.path == path)

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def security_key(self) -> str:
        """Plug in a (virtual) security key: CTAP2 over USB, with a PIN the person knows."""
        options = VirtualAuthenticatorOptions()
        options.protocol = VirtualAuthenticatorOptions.Protocol.CTAP2
        options.transport = VirtualAuthenticatorOptions.Transport.USB
        options.has_resident_key = False
        options.has_user_verification = True
        options.is_user_verified = True
        options.is_user_consenting = True
        self.driver.add_virtual_authenticator(options)
        self.authenticator = str(self.driver.virtual_authenticator_id)
        return self.authenticator

    def key_credentials(self) -> list[Any]:
        return list(self.driver.get_credentials())

    def screenshot(self, name: str, *, phone: bool = False) -> Path:
        """A PNG of the page as a person sees it (docs/portal.md shows these)."""
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / f"{name}.png"
        if phone:
            self.driver.set_window_size(*PHONE)
        try:
            self.driver.save_screenshot(str(path))
        finally:
            if phone:
                self.driver.set_window_size(*DESKTOP)
        return path


def _gone(element: WebElement) -> bool:
    """The page that held `element` has been replaced. Chromium reports this either as a stale
    element or, when it asks while the new document is being attached, as an inspector error
    ("Node with given id does not belong to the document"), which Selenium's staleness_of
    does not catch."""
    try:
        element.is_enabled()
    except StaleElementReferenceException:
        return True
    except WebDriverException as exc:
        if "does not belong to the document" in str(exc):
            return True
        raise
    return False

