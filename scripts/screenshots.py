"""Renders the main screens at 1366×768 in every shipped language: English into
docs/screenshots/*.png, the others into docs/screenshots/<language>/*.png.

Builds a throw-away demo installation (synthetic reports only) in a temporary folder, opens
each screen as a person would, and saves what the window shows. Runs under Xvfb
(`xvfb-run -a -s "-screen 0 1366x768x24" python scripts/screenshots.py`) or, without any
display, on Qt's offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SIZE = (1366, 768)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--language", action="append", help="only these (default: all shipped)")
    args = parser.parse_args(argv)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication, QWidget

    from app.paths import DataPaths
    from storage.keyslots import KdfParams
    from ui.controller import AppController
    from ui.demo import FOCAL_POINT, create_demo
    from ui.editor import ReportEditor
    from ui.i18n import install_language
    from ui.ops import wait_idle
    from ui.settings import LANGUAGES, UiSettings

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Outpost")
    root = Path(args.out)
    # A throw-away installation: a cheap key derivation is fine for pictures.
    kdf = KdfParams(iterations=1, lanes=1, memory_kib=8192)

    def settle() -> None:
        for _ in range(6):
            wait_idle(120_000)
            app.processEvents()
            time.sleep(0.02)
        app.processEvents()

    def render(language: str, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)

        def shoot(widget: QWidget, name: str) -> None:
            settle()
            widget.grab().save(str(out / f"{name}.png"))
            print(f"wrote {out / name}.png")

        with tempfile.TemporaryDirectory(prefix="outpost-shots-") as tmp:
            paths = DataPaths(Path(tmp) / "data")
            settings = UiSettings(Path(tmp) / "ui.ini")
            settings.language = language  # the first screen already in the language
            controller = AppController(paths, settings=settings, kdf=kdf, engine_factory=None)
            controller.start()
            window = controller.unlock_window
            assert window is not None
            window.resize(520, 420)
            shoot(window, "01-first-run")

            session = create_demo(paths, reports=args.reports, kdf=kdf)
            controller.on_unlocked(session)
            main = controller.main_window
            main.resize(*SIZE)

            def page(key: str, name: str, prepare: Callable[[QWidget], None] | None = None) -> None:
                widget = main.go(key)
                settle()
                if prepare is not None:
                    prepare(widget)
                shoot(main, name)

            page("dashboard", "02-dashboard")

            def half_filled(editor: QWidget) -> None:
                assert isinstance(editor, ReportEditor)
                editor.kind.set_value("document_fraud")
                editor.crossing.set_value("THA-MYS-SADAO")
                editor.persons.add_row(
                    {
                        "role": "migrant",
                        "nationality": "MMR",
                        "sex": "female",
                        "age_band": "18-25",
                        "count": 3,
                    }
                )
                editor.documents.add_row(
                    {
                        "type": "passport",
                        "issuing_state": "MYS",
                        "fraud_type": "counterfeit",
                        "features": ["photo_substitution"],
                    }
                )
                editor.narrative.setPlainText("[SYNTHETIC] Screenshot example.")
                editor.fee_amount.setText("1,500")  # shows a message as you type
                editor.tlp.set_value("AMBER")
                editor.submit()  # shows what is still missing

            page("new", "03-report-editor", half_filled)
            page("mine", "04-my-reports")
            listing = main.pages["mine"]
            rows = listing.model.rows  # type: ignore[attr-defined]
            approved = next(r for r in rows if r.status == "approved")
            dialog = main.show_report(approved.report_id)
            dialog.resize(1000, 700)
            settle()
            dialog.detail.tabs.setCurrentIndex(2)
            shoot(dialog, "05-report-history")
            dialog.reject()
            page("outbox", "06-outbox-and-sync")
            page("alerts", "07-alerts-and-bulletins")
            page("audit", "08-audit-log")
            page("settings", "09-settings")

            controller.lock()
            settle()
            shoot(controller.unlock_window, "10-locked")
            window = controller.unlock_window
            window.name.setText(FOCAL_POINT.name)
            window.passphrase.setText(FOCAL_POINT.passphrase)
            window.submit()
            for _ in range(100):
                settle()
                if controller.main_window is not None:
                    break
            main = controller.main_window
            main.resize(*SIZE)
            page("review", "11-review-queue")
            install_language("en")
            controller.shutdown()

    for language in args.language or [code for code, _name in LANGUAGES]:
        render(language, root if language == "en" else root / language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
