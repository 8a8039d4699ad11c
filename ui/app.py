"""Starts the desktop client."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from app.paths import DataPaths

if TYPE_CHECKING:
    from ui.sync_panel import EngineFactory


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc")):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def main(argv: list[str] | None = None, *, engine_factory: EngineFactory | None = None) -> int:
    """Starts the client. `engine_factory` replaces how the sync engine is composed after
    unlock (`make run` passes one that first provisions to its local portal)."""
    parser = argparse.ArgumentParser(prog="outpost-gui")
    parser.add_argument("--data-dir")
    parser.add_argument("--provision", metavar="FILE", help="the agency provisioning file")
    args = parser.parse_args(argv)
    if args.provision:
        from app.provisioning import PROVISIONING_ENV

        os.environ[PROVISIONING_ENV] = args.provision
    if not has_display():
        print(
            "outpost-gui: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). "
            "Run it from a desktop session, or under a virtual screen: "
            "'xvfb-run make run'. The command line works without a display: 'outpost --help'.",
            file=sys.stderr,
        )
        return 1
    from PySide6.QtWidgets import QApplication

    from ui.controller import AppController
    from ui.sync_panel import default_engine_factory

    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName("Outpost")
    controller = AppController(
        DataPaths.resolve(args.data_dir), engine_factory=engine_factory or default_engine_factory
    )
    qt_app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    return qt_app.exec()


if __name__ == "__main__":
    sys.exit(main())
