"""One GUI run for `make bench-scale`: unlock a store, wait for the main window's dashboard.

Run as `python -m bench.scale_gui DATA_DIR USER PASSPHRASE` in its own process (offscreen
Qt), so its peak memory is its own. Prints one JSON line: seconds from the unlock button to
the main window with its dashboard drawn, the longest the UI thread went without running its
event loop (a 5 ms timer's largest gap), the statements that ran on the UI thread (must be
none) and the process's peak RSS.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from pathlib import Path


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.paths import DataPaths
    from ui.controller import AppController
    from ui.settings import UiSettings

    data, user, passphrase = sys.argv[1:4]
    app = QApplication.instance() or QApplication([])
    controller = AppController(
        DataPaths(Path(data)), settings=UiSettings(Path(data) / "bench-ui.ini"), engine_factory=None
    )
    controller.start()
    window = controller.unlock_window
    assert window is not None
    window.name.setText(user)
    window.passphrase.setText(passphrase)

    gaps: list[tuple[float, float]] = []  # (when it ended, how long)
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now, now - last[0]))
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    ui_thread = threading.current_thread().name
    on_ui: list[str] = []
    started = time.perf_counter()
    window.submit()
    deadline = time.monotonic() + 600
    observed = False
    dashboard_at = None
    built_at = 0.0
    while time.monotonic() < deadline:
        app.processEvents()
        main_window = controller.main_window
        if main_window is not None and not observed:
            built_at = time.perf_counter()
            db = controller.ctx.session.db
            db.observers.append(lambda sql, _s, t: on_ui.append(sql) if t == ui_thread else None)
            observed = True
        if main_window is not None:
            page = main_window.go("dashboard")
            if getattr(page, "figures", None) is not None:
                dashboard_at = time.perf_counter()
                break
        time.sleep(0.001)
    if dashboard_at is None:
        print(json.dumps({"error": "the dashboard did not appear within 600 s"}))
        return 1
    # Keep the loop running a little: stalls right after the first paint count too.
    settle = time.perf_counter() + 1.0
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    controller.shutdown()
    # The gap in which the main window was built (widgets and charts on the UI thread,
    # no statements) is told apart from the others (waiting while the store works).
    measured = gaps[1:]
    build = next((g for g in measured if g[0] >= built_at), (0.0, 0.0))
    others = [length for end, length in measured if (end, length) != build]
    result = {
        "unlock_to_main_s": dashboard_at - started,
        "max_ui_stall_ms": max([length for _, length in measured] or [0.0]) * 1000,
        "window_build_ms": build[1] * 1000,
        "max_other_stall_ms": max(others or [0.0]) * 1000,
        "ui_thread_statements": len(on_ui),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
