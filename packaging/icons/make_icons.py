"""Renders outpost.svg into the icon files the packages need (run after editing the SVG):
outpost.png (256 px: Linux desktop entry), outpost.ico (Windows), outpost.icns (macOS).

ICO and ICNS are written as containers of PNG images, which every supported Windows and macOS
version reads, so no image library beyond Qt is needed.
"""

from __future__ import annotations

import struct
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent


def render(size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(HERE / "outpost.svg")).render(painter)
    painter.end()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "icon.png"
        if not image.save(str(target)):
            raise RuntimeError("Qt could not write the PNG image")
        return target.read_bytes()


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        blobs += png
    return header + entries + blobs


def icns(images: dict[str, bytes]) -> bytes:
    chunks = b"".join(
        kind.encode() + struct.pack(">I", 8 + len(png)) + png for kind, png in images.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    (HERE / "outpost.png").write_bytes(render(256))
    (HERE / "outpost.ico").write_bytes(ico({s: render(s) for s in (16, 32, 48, 256)}))
    sizes = {"ic07": 128, "ic08": 256, "ic09": 512}  # ICNS types of PNG images by size
    (HERE / "outpost.icns").write_bytes(icns({k: render(v) for k, v in sizes.items()}))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
