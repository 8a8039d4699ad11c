"""The Qt part of `outpost self-test`: can this machine load a Qt platform plugin?"""

from __future__ import annotations

import os


def check_qt_platform() -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    # A widgets application, not a bare QGuiApplication: one per process, and anything that
    # opens a window later in the same process (the GUI, its tests) needs the widgets kind.
    app = QGuiApplication.instance() or QApplication([])
    platform = QGuiApplication.platformName()
    if not platform:
        raise RuntimeError("no Qt platform plugin could be loaded")
    del app
    requested = os.environ.get("QT_QPA_PLATFORM", "default")
    return f"PySide6 {pyside_version}, platform plugin '{platform}' (requested: {requested})"
