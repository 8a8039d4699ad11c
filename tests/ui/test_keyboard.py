"""Keyboard and accessibility: every screen is reachable by a shortcut, every control has a
name a screen reader can speak, every action button has a mnemonic, and the screens fit in
1366×768."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.controller import AppController
from ui.editor import ReportEditor
from ui.main_window import MainWindow, page_shortcut

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
    for key in main.visible_pages:
        assert page_shortcut(key) in shortcuts
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
            has_shortcut = bool(QKeySequence(widget.toolTip().split("(")[-1].rstrip(")")))
            if (
                named_button
                and "&" not in widget.text()
                and id(widget) not in buddies
                and not has_shortcut
            ):
                unnamed.append(f"{key}: no mnemonic or shortcut on {widget.text()!r}")
        assert page.minimumSizeHint().width() <= 1366 - main.nav.maximumWidth()
        assert page.minimumSizeHint().height() <= 768
    assert not unnamed, unnamed


def _editor_with_rows(qtbot: QtBot, controller: AppController) -> tuple[MainWindow, ReportEditor]:
    main = first_run(qtbot, controller)
    main.resize(1366, 700)
    main.new_report()
    editor = main.editor
    assert isinstance(editor, ReportEditor)
    for group in (editor.persons, editor.documents, editor.transit):
        qtbot.mouseClick(group.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    return main, editor


def _reading_order(editor: ReportEditor) -> list[QWidget]:
    """Every control of the form a Tab may stop at, sorted as a person reads the screen:
    top to bottom, then left to right (geometry, not the editor's own list)."""
    controls = [
        w
        for w in editor.findChildren(QWidget)
        if isinstance(w, CONTROLS)
        and w.isVisibleTo(editor)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w.parent(), QComboBox | QAbstractSpinBox | QAbstractItemView)
        and not isinstance(w, QScrollBar)
    ]

    def lines(widgets: list[QWidget], within: QWidget) -> list[QWidget]:
        """Widgets whose heights overlap are on one line, read left to right."""
        boxes = sorted(
            ((w.mapTo(within, QPoint(0, 0)), w.height(), w) for w in widgets),
            key=lambda b: b[0].y(),
        )
        ordered: list[QWidget] = []
        line: list[tuple[QPoint, int, QWidget]] = []
        bottom = -1
        for top_left, height, widget in boxes:
            if line and top_left.y() >= bottom:
                ordered += [w for _p, _h, w in sorted(line, key=lambda b: b[0].x())]
                line = []
            if not line:
                bottom = top_left.y() + height
            line.append((top_left, height, widget))
        ordered += [w for _p, _h, w in sorted(line, key=lambda b: b[0].x())]
        return ordered

    inside = lines([w for w in controls if editor.body.isAncestorOf(w)], editor.body)
    return inside + lines([w for w in controls if not editor.body.isAncestorOf(w)], editor)


def test_tab_walks_every_field_in_reading_order_and_stays_in_the_form(
    qtbot: QtBot, controller: AppController
) -> None:
    main, editor = _editor_with_rows(qtbot, controller)
    expected = _reading_order(editor)
    assert len(expected) > 25
    editor.focus_first_field()
    assert editor.kind.hasFocus()
    visited: list[QWidget] = []
    for _ in range(len(expected)):
        focus = QApplication.focusWidget()
        assert focus is not None and editor.isAncestorOf(focus), f"left the form for {focus}"
        owner = next(w for w in expected if w is focus or w.isAncestorOf(focus))
        visited.append(owner)
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert [w.accessibleName() or w.objectName() or type(w).__name__ for w in visited] == [
        w.accessibleName() or w.objectName() or type(w).__name__ for w in expected
    ]
    assert visited == expected
    # After the last button the keyboard comes back to the first field, not to Settings.
    assert editor.kind.hasFocus()
    # The remove button of a row is followed by the next field, not by a widget elsewhere.
    remove = editor.persons.rows[0].remove
    remove.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(remove, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not None and editor.isAncestorOf(
        QApplication.focusWidget()
    )
    assert main.current_page() is editor


def test_observed_at_is_one_tab_stop(qtbot: QtBot, controller: AppController) -> None:
    _main, editor = _editor_with_rows(qtbot, controller)
    editor.observed.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(editor.observed, Qt.Key.Key_Tab)
    assert editor.crossing.hasFocus() or editor.crossing.isAncestorOf(QApplication.focusWidget())


def test_ctrl_n_shows_the_focus_on_kind_and_opening_a_draft_focuses_the_form(
    qtbot: QtBot, controller: AppController
) -> None:
    main = first_run(qtbot, controller)
    main.go("dashboard")
    main.nav.setFocus()
    qtbot.keyClick(main, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = main.editor
    assert editor.kind.hasFocus()
    assert main.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)  # the ring is drawn
    qtbot.keyClicks(editor.narrative, "a draft to come back to")
    editor.save_now()
    settle(qtbot)
    draft = editor.report_id
    assert draft is not None
    main.go("mine")
    settle(qtbot)
    main.nav.setFocus()
    main.open_report(draft)
    settle(qtbot)
    assert main.current_page() is editor
    focus = QApplication.focusWidget()
    assert focus is not None and editor.isAncestorOf(focus)


def test_tlp_is_picked_by_typing_its_colour(qtbot: QtBot, controller: AppController) -> None:
    _main, editor = _editor_with_rows(qtbot, controller)
    editor.tlp.combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(editor.tlp.combo, "R")
    assert editor.tlp.value() == "RED"
    qtbot.wait(1100)  # the combo's type-ahead buffer resets
    qtbot.keyClicks(editor.tlp.combo, "G")
    assert editor.tlp.value() == "GREEN"


def test_a_number_means_one_screen_for_every_role(qtbot: QtBot, controller: AppController) -> None:
    main = first_run(qtbot, controller)
    assert "review" not in main.visible_pages
    qtbot.keyClick(main, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert main.current_page() is main.pages["outbox"]
    qtbot.keyClick(main, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert main.current_page() is main.pages["outbox"]  # no review queue: nothing happens
    assert page_shortcut("review") == "Ctrl+4" and page_shortcut("outbox") == "Ctrl+5"


def test_alt_a_attaches_and_alt_h_is_help(qtbot: QtBot, controller: AppController) -> None:
    main, editor = _editor_with_rows(qtbot, controller)
    texts = {QKeySequence.mnemonic(a.text()).toString(): a.text() for a in main.menuBar().actions()}
    assert texts["Alt+H"] == "&Help"
    assert QKeySequence.mnemonic(editor.attach_button.text()).toString() == "Alt+A"
