"""Auto-lock: after the idle timeout the store is closed and no widget shows report content."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.controller import AppController
from ui.editor import ReportEditor
from ui.unlock_window import UnlockWindow

from .flows import OFFICER, first_run, unlock_as
from .helpers import settle

CANARY = "CANARY-7f3e narrative that must not stay on screen"


def visible_text() -> str:
    """Everything a person could read on screen right now."""
    parts: list[str] = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            parts.append(widget.currentText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root = QModelIndex()
            try:
                columns = model.columnCount(root)
            except TypeError:  # list models keep columnCount private: one column
                columns = 1
            for row in range(min(model.rowCount(root), 200)):
                for column in range(columns):
                    parts.append(str(model.index(row, column).data() or ""))
        parts.append(widget.windowTitle())
    return "\n".join(parts)


def test_idle_timeout_locks_and_clears_every_screen(
    qtbot: QtBot, controller: AppController
) -> None:
    controller.settings.idle_seconds = 1
    main = first_run(qtbot, controller)
    session = controller.session
    assert session is not None
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    editor.narrative.setPlainText(CANARY)
    editor.save_now()
    settle(qtbot)
    report_id = editor.report_id
    assert report_id is not None
    dialog = main.show_report(report_id)  # a second window with the content
    settle(qtbot)
    assert CANARY in visible_text()

    qtbot.waitUntil(lambda: session.is_locked, timeout=10_000)
    settle(qtbot)
    assert controller.session is None and controller.main_window is None
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed and deleted
    assert CANARY not in visible_text()
    shown: list[QWidget] = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert shown == [controller.unlock_window]
    assert isinstance(controller.unlock_window, UnlockWindow)
    assert not session.db.is_open

    # Unlocking again brings the work back (it was saved before the store closed).
    controller.settings.idle_seconds = 600
    main = unlock_as(qtbot, controller, *OFFICER)
    assert main.ctx.reports().get(report_id).report["narrative"] == CANARY
