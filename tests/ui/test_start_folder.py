"""File dialogs open in the person's documents (or pictures) folder, never in the folder the
program runs from (issue 12, item 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.widgets import start_folder


def test_dialogs_open_in_the_documents_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert Path(start_folder()) == home / "Documents"
    (home / "Documents").rmdir()
    assert Path(start_folder()) == home  # no documents folder: home, still not the cwd
