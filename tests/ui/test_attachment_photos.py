"""A large photo is stored at the agency's size, unless the officer keeps the original
(issue 12, item 6)."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.attachments import MB, AttachmentPolicy, format_size
from app.reports import AttachmentInput
from ui.controller import AppController
from ui.editor import ReportEditor
from ui.widgets import downscaled

from .flows import first_run


def _noisy_jpeg(width: int, height: int) -> bytes:
    """A JPEG that compresses badly, like a real camera photo."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    rng = random.Random(7)
    for y in range(0, height, 4):
        for x in range(0, width, 4):
            colour = QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256))
            for dy in range(4):
                image.setPixelColor(x, y + dy, colour)
                image.setPixelColor(x + 1, y + dy, colour)
                image.setPixelColor(x + 2, y + dy, colour)
                image.setPixelColor(x + 3, y + dy, colour)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 100)  # type: ignore[call-overload]  # str at run time
    return bytes(buffer.data().data())


def test_a_large_photo_is_stored_downscaled(qtbot: QtBot) -> None:
    data = _noisy_jpeg(2400, 1600)
    policy = AttachmentPolicy(photo_max_px=800)
    item = AttachmentInput("camera.jpeg", policy.check("camera.jpeg", data), data)
    small = downscaled(item, policy.photo_size)
    stored = QImage()
    assert stored.loadFromData(small.data)
    assert (stored.width(), stored.height()) == (800, 533)
    assert small.media_type == "image/jpeg" and small.filename == "camera.jpg"
    assert len(small.data) < len(data) / 4


def test_a_small_photo_is_kept_as_it_is(qtbot: QtBot) -> None:
    data = _noisy_jpeg(400, 300)
    item = AttachmentInput("small.jpg", "image/jpeg", data)
    assert downscaled(item, AttachmentPolicy(photo_max_px=800).photo_size) is item
    assert len(data) < MB


def test_the_editor_refuses_a_program_and_shows_sizes_and_the_metered_time(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    main = first_run(qtbot, controller)
    main.ctx.settings.metered = True
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    exe = tmp_path / "tool.jpg"
    exe.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200)
    photo = tmp_path / "camera.jpg"
    photo.write_bytes(_noisy_jpeg(2400, 1600))
    editor.keep_original.setChecked(False)
    editor.attach_files([exe, photo])
    qtbot.waitUntil(lambda: bool(editor.attachment_note.text()), timeout=20_000)
    assert "tool.jpg is not a photo or document" in editor.attachment_error.text()
    assert editor.thumbs.count() == 1
    stored = editor._pending[0]
    assert len(stored.data) < photo.stat().st_size  # downscaled before it is kept
    assert format_size(len(stored.data)) in editor.thumbs.item(0).text()
    note = editor.attachment_note.text()
    assert "Attached: " + format_size(len(stored.data)) in note
    assert "On a metered link these files take about" in note


def test_the_editor_keeps_the_original_when_asked(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    main = first_run(qtbot, controller)
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    photo = tmp_path / "camera.jpg"
    photo.write_bytes(_noisy_jpeg(2400, 1600))
    editor.keep_original.setChecked(True)
    editor.attach_files([photo])
    qtbot.waitUntil(lambda: editor.thumbs.count() == 1, timeout=20_000)
    assert editor._pending[0].data == photo.read_bytes()


def test_a_20_mb_photo_is_stored_downscaled_within_the_limit(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    main = first_run(qtbot, controller)
    editor = main.go("new")
    assert isinstance(editor, ReportEditor)
    photo = (
        tmp_path / "camera.jpg"
    )  # a decodable photo carrying 20 MB (as camera EXIF/maker data can)
    photo.write_bytes(_noisy_jpeg(2400, 1600) + random.Random(3).randbytes(20 * MB))
    policy = main.ctx.reports().attachment_policy()
    assert photo.stat().st_size > policy.max_file_bytes
    editor.keep_original.setChecked(False)
    editor.attach_files([photo])
    qtbot.waitUntil(lambda: bool(editor.attachment_note.text()), timeout=30_000)
    assert not editor.attachment_error.text()
    assert len(editor._pending[0].data) <= policy.max_file_bytes
    stored = QImage()
    assert stored.loadFromData(editor._pending[0].data)
    assert max(stored.width(), stored.height()) == policy.photo_max_px
