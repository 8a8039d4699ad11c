"""Rules every screen keeps, in every shipped language (see walker.py for how each is
checked): the wheel changes nothing without focus, mnemonics are unique per window, windows
fit a 1366×768 laptop, and every label shows its whole text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui.i18n import install_language
from ui.settings import LANGUAGES

from .walker import Findings, walk

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
