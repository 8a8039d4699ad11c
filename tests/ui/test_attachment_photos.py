"""A large photo is stored at the agency's size, unless the officer keeps the original
(issue 12, item 6)."""

from __future__ import annotations

import random

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.attachments import MB, AttachmentPolicy
from app.reports import AttachmentInput
from ui.widgets import downscaled


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
