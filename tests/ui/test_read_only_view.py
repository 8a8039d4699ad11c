"""A report that can no longer be edited shows no placeholder text that looks like data
(issue 12, item 10)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from ui.controller import AppController
from ui.editor import ReportEditor

from .flows import first_run


def _placeholders(editor: ReportEditor) -> list[str]:
    fields = [*editor.body.findChildren(QLineEdit), *editor.body.findChildren(QPlainTextEdit)]
    return [f.placeholderText() for f in fields if f.placeholderText()]


def test_read_only_shows_no_placeholders_and_editing_brings_them_back(
    qtbot: QtBot, controller: AppController
) -> None:
    main = first_run(qtbot, controller)
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    shown = _placeholders(editor)
    assert shown  # the form for writing has its hints
    editor._set_read_only(True)
    assert _placeholders(editor) == []
    editor._set_read_only(False)
    assert _placeholders(editor) == shown
