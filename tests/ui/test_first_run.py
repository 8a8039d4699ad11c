"""The first run as a new officer meets it (issue 12 item 11): the language before anything
else, a word on what Outpost is and what it will ask for, the agency's provisioning file as
the obvious next step (the demo a secondary one), the passphrase strength as a meter, and a
first run that works by keyboard alone."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QProgressBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.paths import DataPaths
from ui.controller import AppController
from ui.i18n import install_language
from ui.unlock_window import UnlockWindow

from .helpers import settle
from .test_languages import untranslated
from .walker import Findings, collect_texts


def tab_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits in `window`, in order (visible, enabled, tab-focusable)."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window and widget not in chain:
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.window() is window
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def visible_unlock_windows() -> list[QWidget]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, UnlockWindow) and w.isVisible()
    ]


def controls(window: QWidget) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit | QComboBox) and w.isVisible()
    ]


def test_the_language_comes_first_and_the_screen_follows_it_at_once(
    qtbot: QtBot, controller: AppController
) -> None:
    controller.start()
    window = controller.unlock_window
    assert window is not None and window.first_run
    qtbot.waitExposed(window)
    buttons = window.language_buttons
    # Each language named in its own language, so a person who reads no English finds theirs.
    assert [b.text() for b in buttons] == ["English", "Bahasa Indonesia", "ภาษาไทย"]
    assert buttons[0].isChecked()
    # Before anything else: above every other control, and first in the Tab order.
    top = min(controls(window), key=lambda w: w.mapTo(window, QPoint(0, 0)).y())
    assert top in buttons
    assert tab_chain(window)[0] in buttons

    buttons[1].click()
    settle(qtbot)
    shown = controller.unlock_window
    assert shown is not None and shown.first_run
    assert visible_unlock_windows() == [shown]  # drawn anew in its place, not a second one
    assert shown.language_buttons[1].isChecked()
    assert shown.focusWidget() is shown.language_buttons[1]  # the keyboard stays in place
    assert controller.settings.language == "id"  # kept for the next start and for the session
    found = Findings()
    collect_texts("first run", shown, found)
    assert untranslated(found.texts["first run"], "id") == []
    assert "Outpost" in shown.welcome.text()

    shown.language_buttons[0].click()
    settle(qtbot)
    back = controller.unlock_window
    assert back is not None and "offline" in back.welcome.text()
    assert back.language_buttons[0].isChecked() and controller.settings.language == "en"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_the_language_is_kept_in_an_owner_only_preferences_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.settings import UiSettings

    file = tmp_path / "prefs" / "ui-settings.ini"
    controller = AppController(
        DataPaths(tmp_path / "data"), settings=UiSettings(file), engine_factory=None
    )
    try:
        controller.start()
        window = controller.unlock_window
        assert window is not None
        window.language_buttons[2].click()
        settle(qtbot)
        assert "language=th" in file.read_text(encoding="utf-8")
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        assert not DataPaths(tmp_path / "data").is_installed()  # nothing else was written
    finally:
        from .conftest import close_controller

        close_controller(controller)
        install_language("en")


def test_it_says_what_outpost_is_and_the_provisioning_file_comes_next(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = UnlockWindow(DataPaths(tmp_path / "data"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    words = window.welcome.text().lower()
    for asked in ("provisioning file", "demo", "user name", "passphrase", "offline"):
        assert asked in words, asked
    # The form comes after the choice; the obvious next step is the agency's file.
    assert not window.name.isVisible()
    assert window.provision_next.isDefault()
    assert window.focusWidget() is window.provision_next
    assert not window.demo_button.isDefault() and window.demo_button.isVisible()
    y = {w: w.mapTo(window, QPoint(0, 0)).y() for w in (window.provision_next, window.demo_button)}
    assert y[window.provision_next] < y[window.demo_button]

    # A file that is not a provisioning file: said on the same screen, which stays.
    bad = tmp_path / "agency.json"
    bad.write_text("{}", encoding="utf-8")
    window.use_provisioning(bad)
    assert window.welcome_message.isVisible() and window.welcome_message.text()
    assert not window.name.isVisible()

    # Without a file (agency code typed): the form, the user name first.
    qtbot.mouseClick(window.no_file_button, Qt.MouseButton.LeftButton)
    assert window.name.isVisible() and window.focusWidget() is window.name
    assert window.button.isDefault() and not window.provision_next.isVisible()
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.provision_next.isVisible() and not window.name.isVisible()


def test_the_strength_is_a_meter_that_moves_with_the_passphrase(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = UnlockWindow(DataPaths(tmp_path / "data"))
    qtbot.addWidget(window)
    window.show()
    window.show_form()
    meter = window.strength
    assert isinstance(meter, QProgressBar) and meter.isVisible()
    # Drawn as an empty meter with its level in words, not as a blank box like a field.
    assert meter.value() == meter.minimum()
    assert window.strength_level.isVisible() and window.strength_level.text()
    assert meter.height() < window.passphrase.height() // 2
    assert meter.focusPolicy() == Qt.FocusPolicy.NoFocus
    seen: list[tuple[int, str]] = []
    for text in ("abc", "abcdefgh", "abcdefghijkl", "Correct-Horse-Battery-9"):
        window.passphrase.setText(text)
        seen.append((meter.value(), window.strength_level.text()))
        assert meter.accessibleDescription() == window.strength_level.text()
    values = [v for v, _ in seen]
    assert values == sorted(values) and len(set(values)) == 4
    assert values[-1] == meter.maximum()
    assert len({word for _, word in seen}) == 4
    window.passphrase.clear()
    assert meter.value() == meter.minimum()


def test_the_first_run_by_keyboard_alone(qtbot: QtBot, tmp_path: Path) -> None:
    window = UnlockWindow(DataPaths(tmp_path / "data"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    chain = tab_chain(window)
    assert chain[:3] == window.language_buttons
    assert chain[3:] == [window.provision_next, window.demo_button, window.no_file_button]
    qtbot.keyClick(window.provision_next, Qt.Key.Key_Return)  # it has the focus: Enter opens
    dialogs = [d for d in window.findChildren(QFileDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()
    window.no_file_button.setFocus()
    qtbot.keyClick(window.no_file_button, Qt.Key.Key_Space)
    assert window.name.isVisible() and window.focusWidget() is window.name
    assert tab_chain(window) == [
        window.name,
        window.passphrase,
        window.repeat,
        window.role,
        window.agency,
        window.provision_button,
        window.enrol_code,
        window.button,
        window.back_button,
    ]


def test_a_provisioning_file_found_at_start_waits_for_the_language(
    qtbot: QtBot, controller: AppController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    from sync_support import provisioning_doc

    from app.provisioning import PROVISIONING_ENV
    from portal.keys import create_keys

    keys = create_keys(tmp_path / "portal", portal_id="portal-test", agency="FORUM")
    found = tmp_path / "provisioning.json"
    portal = SimpleNamespace(keys=keys, url="https://portal.test")  # only its keys are read
    found.write_bytes(provisioning_doc(portal, "MYS-IMI"))  # type: ignore[arg-type]
    monkeypatch.setenv(PROVISIONING_ENV, str(found))
    controller.start()
    window = controller.unlock_window
    assert window is not None
    window.language_buttons[2].click()  # still first, and the file survives the redraw
    settle(qtbot)
    window = controller.unlock_window
    assert window is not None and not window.name.isVisible()
    assert "MYS-IMI" in window.welcome_message.text() and window.welcome_message.isVisible()
    assert window.provision_next.isDefault()
    found_texts = Findings()
    collect_texts("first run", window, found_texts)
    assert untranslated(found_texts.texts["first run"], "th") == []
    qtbot.mouseClick(window.provision_next, Qt.MouseButton.LeftButton)
    assert window.name.isVisible() and window.focusWidget() is window.name
    assert window.agency.text() == "MYS-IMI" and window.agency.isReadOnly()
    assert "portal.test" in window.provision_label.text()
    install_language("en")


@pytest.mark.parametrize("language", ["id", "th"])
def test_the_unlock_after_the_demo_keeps_the_rules_in_the_language(
    qtbot: QtBot, tmp_path: Path, language: str
) -> None:
    from support import FAST_KDF

    from ui.settings import UiSettings

    from .conftest import close_controller
    from .walker import check_fits, check_mnemonics, check_text_fits

    settings = UiSettings(tmp_path / "ui.ini")
    settings.language = language
    controller = AppController(
        DataPaths(tmp_path / "data"),
        settings=settings,
        kdf=FAST_KDF,
        engine_factory=None,
        demo_reports=3,
    )
    try:
        controller.start()
        first = controller.unlock_window
        assert first is not None
        first.demo_button.click()
        qtbot.waitUntil(
            lambda: (
                controller.unlock_window not in (None, first)
                and not controller.unlock_window.first_run
            ),
            timeout=60_000,
        )
        settle(qtbot)
        unlock = controller.unlock_window
        assert unlock is not None
        found = Findings()
        for rule in (check_mnemonics, check_fits, check_text_fits, collect_texts):
            rule("unlock (after the demo)", unlock, found)
        assert found.of("mnemonic") == found.of("fits") == found.of("text") == []
        assert untranslated(found.texts["unlock (after the demo)"], language) == []
    finally:
        close_controller(controller)
        install_language("en")


def test_settings_shows_the_same_meter_when_a_user_is_added(
    qtbot: QtBot, controller: AppController
) -> None:
    from ui.settings_page import SettingsPage
    from ui.unlock_window import StrengthMeter

    from .flows import first_run

    main = first_run(qtbot, controller)
    page = main.go("settings")
    assert isinstance(page, SettingsPage)
    settle(qtbot)
    meter = page.strength
    assert isinstance(meter, StrengthMeter) and meter.bar.isVisible()
    assert meter.bar.value() == 0 and meter.level.text()
    qtbot.keyClicks(page.new_pass, "abcdefgh")
    weak = meter.bar.value()
    qtbot.keyClicks(page.new_pass, "-Correct-Horse-9")
    assert 0 < weak < meter.bar.value() == meter.bar.maximum()
    assert meter.level.text() == "strong"
