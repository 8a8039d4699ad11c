"""Keyboard and accessibility: every screen is reachable by a shortcut, every control has a
name a screen reader can speak, every action button has a mnemonic, and the screens fit in
1366×768."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.controller import AppController

from .flows import first_run
from .helpers import settle

CONTROLS = (
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QAbstractButton,
)


def spoken_name(widget: QWidget, buddies: set[int]) -> str:
    if widget.accessibleName():
        return widget.accessibleName()
    if id(widget) in buddies:
        return "labelled"
    if isinstance(widget, QAbstractButton):
        return widget.text() or widget.toolTip()
    return ""


def test_every_screen_by_keyboard_and_every_control_named(
    qtbot: QtBot, controller: AppController
) -> None:
    main = first_run(qtbot, controller)
    shortcuts = {a.shortcut().toString(): a.text() for a in main.actions()}
    for number in range(1, len(main.visible_pages) + 1):
        assert f"Ctrl+{number}" in shortcuts
    for key in ("Ctrl+L", "Ctrl+N", "F5"):
        assert key in shortcuts, key
    assert QKeySequence("Ctrl+Q").toString() in shortcuts

    unnamed: list[str] = []
    for key in main.visible_pages:
        page = main.go(key)
        settle(qtbot)
        buddies = {id(label.buddy()) for label in page.findChildren(QLabel) if label.buddy()}
        for widget in page.findChildren(QWidget):
            if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(page):
                continue
            if isinstance(widget.parent(), QComboBox | QAbstractSpinBox | QAbstractItemView):
                continue  # inner parts (line edit, list, header) are named by their owner
            if not spoken_name(widget, buddies):
                unnamed.append(f"{key}: {type(widget).__name__} {widget.objectName()}")
            named_button = isinstance(widget, QPushButton | QCheckBox) and widget.text()
            if named_button and "&" not in widget.text() and id(widget) not in buddies:
                unnamed.append(f"{key}: no mnemonic on {widget.text()!r}")
        assert page.minimumSizeHint().width() <= 1366 - main.nav.maximumWidth()
        assert page.minimumSizeHint().height() <= 768
    assert not unnamed, unnamed
