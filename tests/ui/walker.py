"""Walks every screen of the client as an officer and as a focal point, and checks the rules
every window must keep:

- the mouse wheel changes no value of a widget without the keyboard focus;
- no two controls of one window share a mnemonic (Alt+letter), menu bar included;
- a window fits the available area of a 1366×768 laptop (panel and title bar included);
- every visible label, button, tab and column heading shows its whole text;
- (other languages) no visible text is still the English source.

`walk()` opens the screens one after the other and calls a check on each while it is shown,
so each check sees real widgets at their real sizes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSlider,
    QTabBar,
    QWidget,
)
from support import FAST_KDF

from app.paths import DataPaths
from ui.controller import AppController
from ui.demo import FOCAL_POINT, OFFICER, create_demo
from ui.main_window import MainWindow
from ui.ops import wait_idle
from ui.review import ReviewPage
from ui.settings import UiSettings

# A 1366×768 laptop: a desktop panel (28 px) and a window title bar with borders.
LAPTOP_ROOM = QSize(1366 - 8, 768 - 28 - 40)


@dataclass
class Findings:
    """What the rules found, per rule, as readable lines."""

    by_rule: dict[str, list[str]] = field(default_factory=dict)
    texts: dict[str, set[str]] = field(default_factory=dict)  # screen -> visible texts
    screens: list[str] = field(default_factory=list)

    def add(self, rule: str, line: str) -> None:
        self.by_rule.setdefault(rule, []).append(line)

    def of(self, rule: str) -> list[str]:
        return sorted(set(self.by_rule.get(rule, [])))


def settle(rounds: int = 4) -> None:
    for _ in range(rounds):
        assert wait_idle(60_000)
        QApplication.processEvents()
    QApplication.processEvents()


def visible(window: QWidget, kind: type | tuple[type, ...]) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, kind) and w.isVisible() and w.window() is window
    ]


# -- the rules ----------------------------------------------------------------------------------


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QSlider):
        return widget.value()
    return None


def check_wheel(name: str, window: QWidget, found: Findings) -> None:
    focus = QApplication.focusWidget()
    if focus is not None:
        focus.clearFocus()  # the rule is about widgets without the focus
    for widget in visible(window, (QComboBox, QAbstractSpinBox, QSlider)):
        if widget.hasFocus() or not widget.isEnabled():
            continue
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue
        before = _value(widget)
        for delta in (-120, 120, -120):
            point = QPointF(4, 4)
            event = QWheelEvent(
                point,
                QPointF(widget.mapToGlobal(QPoint(4, 4))),
                QPoint(0, 0),
                QPoint(0, delta),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
            )
            QApplication.sendEvent(widget, event)
        after = _value(widget)
        if after != before:
            label = widget.accessibleName() or type(widget).__name__
            found.add("wheel", f"{name}: the wheel changed {label!r} from {before} to {after}")


def mnemonic(text: str) -> str | None:
    key = QKeySequence.mnemonic(text)
    return key.toString().removeprefix("Alt+").upper() if not key.isEmpty() else None


def _mnemonic_owners(window: QWidget) -> list[tuple[str, str]]:
    owners: list[tuple[str, str]] = []
    for label in visible(window, QLabel):
        buddy = label.buddy()
        if buddy is not None and buddy.isVisible() and (key := mnemonic(label.text())):
            owners.append((key, label.text()))
    for button in visible(window, QAbstractButton):
        if key := mnemonic(button.text()):
            owners.append((key, button.text()))
    for box in visible(window, QGroupBox):
        if key := mnemonic(box.title()):
            owners.append((key, box.title()))
    for bar in visible(window, QTabBar):
        for i in range(bar.count()):
            if key := mnemonic(bar.tabText(i)):
                owners.append((key, bar.tabText(i)))
    if isinstance(window, QMainWindow) and window.menuBar().isVisible():
        for action in window.menuBar().actions():
            if key := mnemonic(action.text()):
                owners.append((key, action.text()))
    return owners


def check_mnemonics(name: str, window: QWidget, found: Findings) -> None:
    seen: dict[str, str] = {}
    for key, text in _mnemonic_owners(window):
        if key in seen and seen[key] != text:
            found.add("mnemonic", f"{name}: Alt+{key} is both {seen[key]!r} and {text!r}")
        seen.setdefault(key, text)
    if isinstance(window, QMainWindow):
        for menu_action in window.menuBar().actions():
            menu = menu_action.menu()
            inside: dict[str, str] = {}
            for action in menu.actions() if menu is not None else []:
                key = mnemonic(action.text())
                if key and key in inside:
                    found.add("mnemonic", f"{name}: menu {menu_action.text()!r}: Alt+{key} twice")
                if key:
                    inside[key] = action.text()


def check_fits(name: str, window: QWidget, found: Findings) -> None:
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    if hint.width() > LAPTOP_ROOM.width() or hint.height() > LAPTOP_ROOM.height():
        found.add(
            "fits",
            f"{name}: needs at least {hint.width()}×{hint.height()}, a 1366×768 laptop "
            f"has {LAPTOP_ROOM.width()}×{LAPTOP_ROOM.height()}",
        )
    screen = window.screen().availableGeometry()
    if not screen.contains(window.frameGeometry()):
        found.add("fits", f"{name}: {window.frameGeometry()} is not inside {screen}")


def _plain(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


def check_text_fits(name: str, window: QWidget, found: Findings) -> None:
    for label in visible(window, QLabel):
        text = label.text()
        if not text or label.textFormat() == Qt.TextFormat.RichText or "<" in text:
            continue
        if not label.pixmap().isNull():
            continue
        room = label.contentsRect()
        metrics = QFontMetrics(label.font())
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                found.add(
                    "text", f"{name}: label {text[:50]!r} needs {needed} px, has {label.height()}"
                )
        else:
            lines = _plain(text).split("\n")
            width = max(metrics.horizontalAdvance(line) for line in lines)
            if width > room.width() + 1:
                found.add(
                    "text", f"{name}: label {text[:50]!r} needs {width} px, has {room.width()}"
                )
    for button in visible(window, (QPushButton, QCheckBox, QRadioButton)):
        if button.text() and button.width() + 1 < button.sizeHint().width():
            found.add(
                "text",
                f"{name}: button {button.text()!r} needs {button.sizeHint().width()} px, "
                f"has {button.width()}",
            )
    for box in visible(window, QGroupBox):
        metrics = QFontMetrics(box.font())
        if box.title() and metrics.horizontalAdvance(_plain(box.title())) + 16 > box.width():
            found.add("text", f"{name}: group title {box.title()!r} wider than its box")
    for bar in visible(window, QTabBar):
        for i in range(bar.count()):
            metrics = QFontMetrics(bar.font())
            needed = metrics.horizontalAdvance(_plain(bar.tabText(i)))
            if needed > bar.tabRect(i).width() - 8:
                found.add("text", f"{name}: tab {bar.tabText(i)!r} is cut")
    for header in visible(window, QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal:
            continue
        model = header.model()
        metrics = QFontMetrics(header.font())
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
            needed = metrics.horizontalAdvance(text) + 12
            if text and header.sectionSize(section) < needed:
                found.add(
                    "text",
                    f"{name}: column {text!r} is {header.sectionSize(section)} px, needs {needed}",
                )
    if isinstance(window, QDialog) and window.windowTitle():
        metrics = QFontMetrics(window.font())
        if metrics.horizontalAdvance(window.windowTitle()) + 120 > window.width():
            found.add("text", f"{name}: title {window.windowTitle()!r} is clipped")


def collect_texts(name: str, window: QWidget, found: Findings) -> None:
    texts: set[str] = set()
    if window.windowTitle():
        texts.add(window.windowTitle())
    for label in visible(window, QLabel):
        texts.add(label.text())
    for button in visible(window, QAbstractButton):
        texts.add(button.text())
        texts.add(button.toolTip())
    for box in visible(window, QGroupBox):
        texts.add(box.title())
    for bar in visible(window, QTabBar):
        texts.update(bar.tabText(i) for i in range(bar.count()))
    for header in visible(window, QHeaderView):
        model = header.model()
        texts.update(
            str(model.headerData(s, header.orientation()) or "") for s in range(header.count())
        )
    for combo in visible(window, QComboBox):
        texts.update(combo.itemText(i) for i in range(combo.count()))
        if combo.lineEdit() is not None:
            texts.add(combo.lineEdit().placeholderText())
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextBrowser

    for edit in visible(window, QLineEdit):
        texts.add(edit.placeholderText())
    for plain in visible(window, QPlainTextEdit):
        texts.add(plain.placeholderText())
    for browser in visible(window, QTextBrowser):  # a report as read: headings, field names
        for line in browser.toPlainText().splitlines():
            texts.update(part.strip() for part in line.split("\t"))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            texts.add(action.text())
            menu = action.menu()
            texts.update(a.text() for a in (menu.actions() if menu else []))
    found.texts[name] = {t for t in texts if t and t.strip()}


RULES: tuple[Callable[[str, QWidget, Findings], None], ...] = (
    check_wheel,
    check_mnemonics,
    check_fits,
    check_text_fits,
    collect_texts,
)


def _check(name: str, window: QWidget, found: Findings) -> None:
    settle()
    found.screens.append(name)
    for rule in RULES:
        rule(name, window, found)


# -- the walk -----------------------------------------------------------------------------------


def _controller(root: Path, language: str) -> AppController:
    settings = UiSettings(root / "ui.ini")
    settings.language = language
    return AppController(
        DataPaths(root / "data"), settings=settings, kdf=FAST_KDF, engine_factory=None
    )


def _main_pages(prefix: str, main: MainWindow, found: Findings) -> Iterator[str]:
    for key in main.visible_pages:
        main.go(key)
        settle()
        if key == "new":
            editor = main.editor
            editor.submit()  # every message of an empty form shows, as after a refused submit
            settle()
        _check(f"{prefix}/{key}", main, found)
        yield key


def _signing_dialogs(review: ReviewPage, found: Findings) -> None:
    """The confirmations before signing an approval (every row shown) and a return."""
    assert review.current is not None and review.current.can_decide  # the demo's queue
    review.tlp.set_value("AMBER")  # whatever the demo's author proposed, with a reason
    review.tlp_reason.setText("[SYNTHETIC] Reviewed.")
    review.legal_basis.setText("MOU-THA-MYS-2019")
    review.release_to.setText("MYS")
    review.comment.setPlainText("[SYNTHETIC] Checked.")
    for name, press in (("approve", review.approve), ("return", review.return_to_author)):
        press()
        settle()
        dialog = review.confirmation
        assert dialog is not None, f"no signing confirmation for {name}: {review.message.text()}"
        _check(f"focal point/confirm {name}", dialog, found)
        dialog.reject()
        settle()


def walk(root: Path, language: str) -> Findings:
    """Every screen, in `language`, on a fresh demo installation under `root`."""
    found = Findings()
    first = _controller(root / "fresh", language)
    first.start()
    window = first.unlock_window
    assert window is not None
    window.show()
    _check("first run", window, found)
    window.show_form()  # the first user's form, after the welcome page
    _check("first run (user)", window, found)
    window.close()
    first.unlock_window = None

    controller = _controller(root / "demo", language)
    session = create_demo(controller.paths, reports=30, kdf=FAST_KDF)
    try:
        controller.on_unlocked(session)
        settle()  # the main window is built once the role is read on the store lane
        main = controller.main_window
        assert main is not None
        settle()
        for _key in _main_pages("officer", main, found):
            pass
        listing = main.go("mine")
        settle()
        rows = listing.model.rows  # type: ignore[attr-defined]
        for status in ("returned", "approved"):
            row = next((r for r in rows if r.status == status), None)
            if row is not None:
                dialog = main.show_report(row.report_id)
                settle()
                _check(f"officer/report ({status})", dialog, found)
                dialog.reject()
        period = main.summary_pdf()
        settle()
        _check("officer/period summary", period, found)
        period.reject()
        controller.lock()
        settle()
        unlock = controller.unlock_window
        assert unlock is not None
        _check("unlock", unlock, found)
        unlock.name.setText(FOCAL_POINT.name)
        unlock.passphrase.setText(FOCAL_POINT.passphrase)
        unlock.submit()
        for _ in range(200):
            settle(1)
            if controller.main_window is not None:
                break
        focal = controller.main_window
        assert focal is not None
        settle()
        review = focal.go("review")
        settle()
        _check("focal point/review", focal, found)
        _signing_dialogs(review, found)
        for box in focal.findChildren(QMessageBox):
            box.close()
    finally:
        controller.shutdown()
        for widget in QApplication.topLevelWidgets():
            widget.close()
        settle()
    assert OFFICER.name  # the demo's officer was the first to unlock
    return found
