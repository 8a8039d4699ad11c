"""Translations: Indonesian is complete for every string the UI marks, the language switch in
Settings rebuilds the screens in it, and the code-list wording is marked for translators."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from resources import resource_path
from ui import labels
from ui.controller import AppController
from ui.editor import ReportEditor
from ui.i18n import install_language
from ui.settings_page import SettingsPage

from .flows import first_run
from .helpers import settle

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = resource_path("translations/outpost_id.ts")


def sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or "")
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


def test_indonesian_covers_every_marked_string(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed in this environment")
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *files, "-ts", str(fresh)], check=True, capture_output=True)
    missing = sources(fresh) - sources(SHIPPED)
    assert not missing, f"strings without an Indonesian translation: {sorted(missing)[:10]}"
    root = ET.parse(SHIPPED).getroot()
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if (m.find("translation") is not None and m.find("translation").get("type"))
    ]
    assert not unfinished
    assert resource_path("translations/outpost_id.qm").stat().st_size > 10_000


def test_code_list_wording_is_marked() -> None:
    marked = set(labels.MARKED)
    for path in sorted(resource_path("codelists").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["list"] == "crossing_points":
            continue  # place names come with the provisioning file, untranslated
        for entry in data["entries"]:
            assert entry["label"] in marked, entry["label"]
            if entry.get("description"):
                assert entry["description"] in marked, entry["description"]


def test_switching_to_indonesian_rebuilds_the_screens(
    qtbot: QtBot, controller: AppController
) -> None:
    try:
        main = first_run(qtbot, controller)
        page = main.go("settings")
        assert isinstance(page, SettingsPage)
        page.language.setCurrentIndex(page.language.findData("id"))
        settle(qtbot)
        main = controller.main_window
        assert controller.settings.language == "id"
        assert main.nav.item(0).text() == "Dasbor"
        assert main.current_page() is main.pages["settings"]
        editor = main.go("new")
        assert isinstance(editor, ReportEditor)
        assert editor.kind.currentText() == "Penyeberangan tidak resmi"
        assert editor.submit_button.text() == "Tandatangani dan ajukan untuk ditinjau…"
        editor.tlp.set_value("RED")
        assert "tidak boleh diungkapkan" in editor.tlp.meaning.text()
        # Longer Indonesian strings still fit at 1366×768.
        main.resize(1366, 768)
        assert main.minimumSizeHint().width() <= 1366
    finally:
        install_language("en")
