"""The first-run and unlock window, driven like a person would (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from support import FAST_KDF

from app.domain import Role
from app.paths import DataPaths
from app.session import NewUser, Session, initialise
from ui.unlock_window import UnlockWindow, passphrase_strength


def test_first_run_then_unlock(qtbot: QtBot, tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    window = UnlockWindow(paths)
    qtbot.addWidget(window)
    assert window.first_run
    qtbot.mouseClick(window.no_file_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.name, "ana")
    qtbot.keyClicks(window.passphrase, "a long passphrase here")
    qtbot.keyClicks(window.repeat, "a long passphrase here")
    qtbot.keyClicks(window.agency, "THA-IMM")
    assert window.strength.value() >= 2
    with qtbot.waitSignal(window.unlocked, timeout=20_000) as created:
        qtbot.mouseClick(window.button, Qt.MouseButton.LeftButton)
    session: Session = created.args[0]
    assert session.user.name == "ana"
    assert window.passphrase.text() == ""  # not left in the widget
    session.lock()

    window = UnlockWindow(paths)
    qtbot.addWidget(window)
    assert not window.first_run
    qtbot.keyClicks(window.name, "ana")
    qtbot.keyClicks(window.passphrase, "wrong passphrase!!")
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "passphrase" in window.message.text().lower(), timeout=20_000)
    qtbot.keyClicks(window.passphrase, "a long passphrase here")
    with qtbot.waitSignal(window.unlocked, timeout=20_000) as opened:
        qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    opened.args[0].lock()


def test_mismatched_passphrases_are_caught_before_work(qtbot: QtBot, tmp_path: Path) -> None:
    window = UnlockWindow(DataPaths(tmp_path / "data"))
    qtbot.addWidget(window)
    qtbot.mouseClick(window.no_file_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.passphrase, "one long passphrase")
    qtbot.keyClicks(window.repeat, "another long passphrase")
    qtbot.mouseClick(window.button, Qt.MouseButton.LeftButton)
    assert "differ" in window.message.text()
    assert not (tmp_path / "data").exists()


def test_strength_words() -> None:
    assert passphrase_strength("abc")[1] == "too short"
    assert passphrase_strength("Correct-Horse-Battery-9")[0] == 4


def test_unlock_errors_name_no_file_and_show_the_wait(qtbot: QtBot, tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    initialise(
        paths, NewUser("ana", Role.OFFICER, "THA-IMM"), "a long passphrase here", kdf=FAST_KDF
    ).lock()
    window = UnlockWindow(paths, kdf=FAST_KDF)
    qtbot.addWidget(window)
    window.name.setText("nobody")
    qtbot.keyClicks(window.passphrase, "whatever it is")
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "nobody" in window.message.text(), timeout=20_000)
    assert str(paths.root) not in window.message.text() and "/" not in window.message.text()
    window.name.setText("ana")
    for attempt in range(3):  # the third wrong passphrase in a row makes the next one wait
        qtbot.waitUntil(window.button.isEnabled, timeout=20_000)
        qtbot.keyClicks(window.passphrase, f"wrong passphrase {attempt}")
        qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Wrong passphrase" in window.message.text(), timeout=20_000)
    assert "try again in" in window.message.text()
    assert not window.button.isEnabled()
    assert "/" not in window.message.text()
    qtbot.waitUntil(window.button.isEnabled, timeout=5_000)
