"""The steps of the UI flows, shared by the flow tests (each step as a person would do it)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.session import Session
from ui.controller import AppController
from ui.editor import ReportEditor
from ui.main_window import MainWindow
from ui.review import ReviewPage
from ui.settings_page import SettingsPage
from ui.signing import SigningDialog

from .helpers import UiThreadStatements, settle

OFFICER = ("ana", "ana's long passphrase")
FOCAL = ("ben", "ben's long passphrase")


def photo(path: Path) -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366AA"))
    assert image.save(str(path))
    return path


def watch(controller: AppController) -> UiThreadStatements:
    timings = UiThreadStatements()

    def attach(session: Session) -> None:
        session.db.observers.append(timings)

    controller.session_started.connect(attach)
    return timings


def first_run(qtbot: QtBot, controller: AppController) -> MainWindow:
    controller.start()
    window = controller.unlock_window
    assert window is not None and window.first_run
    qtbot.mouseClick(window.no_file_button, Qt.MouseButton.LeftButton)  # agency code typed
    qtbot.keyClicks(window.name, OFFICER[0])
    qtbot.keyClicks(window.passphrase, OFFICER[1])
    qtbot.keyClicks(window.repeat, OFFICER[1])
    qtbot.keyClicks(window.agency, "THA-IMM")
    qtbot.mouseClick(window.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=30_000)
    return controller.main_window


def unlock_as(qtbot: QtBot, controller: AppController, name: str, passphrase: str) -> MainWindow:
    window = controller.unlock_window
    assert window is not None and not window.first_run
    window.name.setText(name)
    qtbot.keyClicks(window.passphrase, passphrase)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=30_000)
    return controller.main_window


def lock(qtbot: QtBot, controller: AppController) -> None:
    session = controller.session
    assert session is not None
    controller.lock()
    qtbot.waitUntil(lambda: session.is_locked, timeout=30_000)
    assert controller.main_window is None


def noise_photo(path: Path, width: int, height: int) -> Path:
    """A photo that does not compress (random pixels): its PNG is about width × height × 3
    bytes, and small enough in pixels that it is stored as it is (no downscaling)."""
    image = QImage(
        os.urandom(width * height * 3), width, height, width * 3, QImage.Format.Format_RGB888
    )
    assert image.save(str(path))
    return path


def write_report(
    qtbot: QtBot, main: MainWindow, tmp_path: Path, narrative: str, attachment: Path | None = None
) -> str:
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    editor.new_report()
    editor.kind.set_value("document_fraud")
    editor.crossing.setEditText("")
    qtbot.keyClicks(editor.crossing.lineEdit(), "Sadao")  # type-ahead by name
    assert editor.crossing.value() == "THA-MYS-SADAO"
    qtbot.mouseClick(editor.persons.add_button, Qt.MouseButton.LeftButton)
    person = editor.persons.rows[0]
    person.fields["role"].set_value("migrant")  # type: ignore[attr-defined]
    person.fields["nationality"].set_value("MMR")  # type: ignore[attr-defined]
    person.fields["sex"].set_value("female")  # type: ignore[attr-defined]
    person.fields["age_band"].set_value("18-25")  # type: ignore[attr-defined]
    person.fields["count"].setValue(3)  # type: ignore[attr-defined]
    qtbot.mouseClick(editor.documents.add_button, Qt.MouseButton.LeftButton)
    document = editor.documents.rows[0]
    document.fields["type"].set_value("passport")  # type: ignore[attr-defined]
    document.fields["issuing_state"].set_value("MYS")  # type: ignore[attr-defined]
    document.fields["fraud_type"].set_value("counterfeit")  # type: ignore[attr-defined]
    document.fields["features"].set_value(["photo_substitution"])  # type: ignore[attr-defined]
    editor.narrative.setPlainText(narrative)
    editor.reliability.set_value("B")
    editor.credibility.set_value(2)
    editor.tlp.set_value("AMBER")
    editor.legal_basis.setText("MOU-THA-MYS-2019")
    editor.attach_files([attachment or photo(tmp_path / f"passport-{len(narrative)}.png")])
    settle(qtbot)
    assert editor.thumbnail_count() == 1  # rendered in memory from the bytes
    with qtbot.waitSignal(editor.submitted, timeout=30_000) as submitted:
        qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
        confirm_signing(qtbot, editor)
    report_id: str = submitted.args[0]
    settle(qtbot)
    assert "submitted" in editor.title.text()
    return report_id


def signing_dialog(qtbot: QtBot, owner: ReportEditor | ReviewPage) -> SigningDialog:
    """The signing confirmation `owner` opened (after its checks ran on the worker)."""
    qtbot.waitUntil(
        lambda: owner.confirmation is not None and owner.confirmation.isVisible(), timeout=20_000
    )
    dialog = owner.confirmation
    assert dialog is not None
    return dialog


def confirm_signing(qtbot: QtBot, owner: ReportEditor | ReviewPage) -> None:
    """Confirms the signature as a person does: with the explicit signing button."""
    dialog = signing_dialog(qtbot, owner)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)


def add_focal_point(qtbot: QtBot, main: MainWindow) -> None:
    page = main.go("settings")
    assert isinstance(page, SettingsPage)
    settle(qtbot)
    qtbot.keyClicks(page.new_name, FOCAL[0])
    page.new_role.setCurrentIndex(page.new_role.findData("ofp"))
    qtbot.keyClicks(page.new_pass, FOCAL[1])
    qtbot.keyClicks(page.new_repeat, FOCAL[1])
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "can now unlock" in page.user_message.text(), timeout=30_000)


def certify_focal_point(controller: AppController) -> None:
    """What enrolling with a focal-point code does (tested over the real portal elsewhere):
    the focal point's role becomes certified. The session must be locked."""
    from support import certify

    from app.session import unlock

    with unlock(controller.paths, *OFFICER) as s:
        certify(s.db, s.audit)


def select_in_queue(qtbot: QtBot, page: ReviewPage, report_id: str) -> None:
    qtbot.waitUntil(lambda: any(i.view.report_id == report_id for i in page.items), timeout=20_000)
    assert page.select_report(report_id)
    settle(qtbot)
    assert page.current is not None and page.current.view.report_id == report_id
    assert page.current.can_decide and page.approve_button.isEnabled()
    assert page.detail.photos.count() == 1  # the reviewer sees the attachment
