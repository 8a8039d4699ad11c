"""Rules every screen keeps, in every shipped language (see walker.py for how each is
checked): the wheel changes nothing without focus, mnemonics are unique per window, windows
fit a 1366×768 laptop, and every label shows its whole text."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from support import FAST_KDF, PASSPHRASE
from sync_support import FOCAL, approved_reports, connected_post

from services.sync_session import sync_engine
from tests.linkproxy import LinkProfile, LinkProxy, Shape, kbit
from tests.portal_server import running_portal
from ui.controller import AppController
from ui.i18n import install_language
from ui.settings import LANGUAGES, UiSettings

from .conftest import close_controller
from .flows import unlock_as
from .walker import Findings, check_fits, check_text_fits, settle, walk

SLOW = LinkProfile("64kbit", Shape(bandwidth=kbit(64)), Shape(bandwidth=kbit(64)))

SHIPPED = [code for code, _name in LANGUAGES]


@pytest.fixture(scope="module", params=SHIPPED)
def walked(
    request: pytest.FixtureRequest, qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Findings]]:
    language = str(request.param)
    try:
        found = walk(tmp_path_factory.mktemp(f"walk-{language}"), language)
    finally:
        install_language("en")
    yield language, found


def test_the_walk_sees_every_screen(walked: tuple[str, Findings]) -> None:
    _language, found = walked
    for screen in (
        "first run",
        "first run (user)",
        "unlock",
        "officer/dashboard",
        "officer/new",
        "officer/mine",
        "officer/outbox",
        "officer/alerts",
        "officer/audit",
        "officer/settings",
        "officer/report (returned)",
        "officer/report (approved)",
        "officer/period summary",
        "focal point/review",
    ):
        assert screen in found.screens


def test_the_wheel_changes_nothing_without_focus(walked: tuple[str, Findings]) -> None:
    assert walked[1].of("wheel") == []


def test_no_mnemonic_twice_in_a_window(walked: tuple[str, Findings]) -> None:
    assert walked[1].of("mnemonic") == []


def test_every_window_fits_a_1366x768_laptop(walked: tuple[str, Findings]) -> None:
    assert walked[1].of("fits") == []


def test_every_label_shows_its_whole_text(walked: tuple[str, Findings]) -> None:
    assert walked[1].of("text") == []


def test_status_bar_and_dashboard_labels_fit_while_a_sync_runs(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The walk above is idle; these labels grow while a sync runs (speed, time left,
    "measuring the speed…"), so they are checked during an upload over a 64 kbit/s link,
    in every shipped language."""
    with running_portal(tmp_path / "portal") as portal, LinkProxy(portal.address) as proxy:
        post = connected_post(tmp_path / "post", portal, url=proxy.url())
        approved_reports(post, 1, attachment=os.urandom(300_000))  # three chunks: ~40 s
        proxy.set_profile(SLOW)
        settings = UiSettings(tmp_path / "ui.ini")
        controller = AppController(
            post.paths,
            settings=settings,
            kdf=FAST_KDF,
            engine_factory=lambda session: sync_engine(session),  # type: ignore[arg-type]
        )
        controller.start()
        found = Findings()
        checked: list[tuple[str, str]] = []
        try:
            main = unlock_as(qtbot, controller, FOCAL, PASSPHRASE)
            qtbot.waitUntil(lambda: main.bridge.uploading() is not None, timeout=30_000)
            for state in ("measuring", "speed"):
                if state == "speed":
                    qtbot.waitUntil(lambda: _speed_known(controller), timeout=30_000)
                for language in SHIPPED:
                    controller.change_language(language)
                    main = controller.main_window
                    assert main is not None
                    for page in ("dashboard", "outbox"):
                        main.go(page)
                        settle()
                        if main.bridge.uploading() is None:
                            continue  # the upload ended first: not a check during a sync
                        name = f"{language}/{page} during a sync ({state})"
                        check_text_fits(name, main, found)
                        check_fits(name, main, found)
                        checked.append((language, main.sync_indicator.label.text()))
        finally:
            install_language("en")
            close_controller(controller)
    assert found.of("text") == [] and found.of("fits") == []
    assert {language for language, _text in checked} == set(SHIPPED), checked


def _speed_known(controller: AppController) -> bool:
    main = controller.main_window
    found = None if main is None else main.bridge.transfer()
    return found is not None and found[1].rate is not None
