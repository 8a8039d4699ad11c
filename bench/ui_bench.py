"""Issue 6 benchmark: the desktop client's response times on a store of 100,000 reports.

Cold start is measured from process start to the unlock window on screen (offscreen Qt);
the baseline is a bare PySide6 window in the same run. Interactions are measured through the
real widgets (the worker op, the signal back, the widgets filled); the baseline is the same
service call without any Qt around it.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.table import percentile, print_table

PASSPHRASE = "benchmark passphrase"
COLD_CLIENT = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from app.paths import DataPaths\n"
    "from ui.unlock_window import UnlockWindow\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = UnlockWindow(DataPaths.resolve(sys.argv[1]))\n"
    "w.show(); app.processEvents(); print('shown', flush=True)\n"
)
COLD_BARE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = QLabel('x'); w.show(); app.processEvents(); print('shown', flush=True)\n"
)


def _cold(script: str, *args: str, runs: int = 5) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, env=env
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == b"shown"
        times.append(time.perf_counter() - started)
        proc.kill()
        proc.wait()
    return statistics.median(times)


def _wait(app: object, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        app.processEvents()  # type: ignore[attr-defined]
        if time.monotonic() > deadline:
            raise TimeoutError("the UI did not answer")
        time.sleep(0.0005)


def run(n: int = 100_000, rounds: int = 30) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.domain import Role
    from app.history import report_history
    from app.paths import DataPaths
    from app.reports import ReportService
    from app.samples import SyntheticReports
    from app.session import NewUser, initialise
    from app.validation import validate_report
    from bench.store_bench import SEARCH_TERMS, _bulk_insert
    from ui.controller import AppController
    from ui.report_list import ReportListPage
    from ui.report_view import ReportDialog
    from ui.settings import UiSettings

    with tempfile.TemporaryDirectory(prefix="outpost-ui-bench-") as tmp:
        paths = DataPaths(Path(tmp) / "data")
        cold_client = _cold(COLD_CLIENT, str(Path(tmp) / "empty"))
        cold_bare = _cold(COLD_BARE)
        session = initialise(paths, NewUser("bench", Role.OFFICER, "THA-IMM"), PASSPHRASE)
        gen = SyntheticReports(seed=7)
        payloads = [validate_report({**r, "attachments": []}).to_dict() for r in gen.many(n)]
        _bulk_insert(session.db, session.user.id, payloads)
        ids = [v.report_id for v in ReportService(session.db, session.user).list_page(limit=500)]
        session.lock()

        app = QApplication.instance() or QApplication([])
        controller = AppController(
            paths, settings=UiSettings(Path(tmp) / "ui.ini"), engine_factory=None
        )
        controller.start()
        window = controller.unlock_window
        assert window is not None
        window.name.setText("bench")
        window.passphrase.setText(PASSPHRASE)
        started = time.perf_counter()
        window.submit()
        _wait(app, lambda: controller.main_window is not None)
        main = controller.main_window
        main.show()
        app.processEvents()
        unlock_to_main = time.perf_counter() - started
        ctx = controller.ctx
        assert ctx is not None

        rng = random.Random(3)
        open_ui, open_core, search_ui, search_core = [], [], [], []
        page = main.go("mine")
        assert isinstance(page, ReportListPage)
        service = ReportService(ctx.session.db, ctx.session.user)
        for _ in range(rounds):
            report_id = rng.choice(ids)
            t = time.perf_counter()
            dialog = ReportDialog(ctx, report_id, main)
            _wait(app, lambda d=dialog: getattr(d.detail, "detail", None) is not None)
            open_ui.append((time.perf_counter() - t) * 1000)
            dialog.deleteLater()
            t = time.perf_counter()
            service.get(report_id)
            report_history(ctx.session.db, report_id)
            open_core.append((time.perf_counter() - t) * 1000)

            term = rng.choice(SEARCH_TERMS)
            page.count.setText("")
            page.search.setText(term)
            t = time.perf_counter()
            page.reload()
            _wait(app, lambda: page.count.text() != "")
            search_ui.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            service.search(term, limit=200)
            search_core.append((time.perf_counter() - t) * 1000)
        controller.shutdown()

    def p95(xs: list[float]) -> float:
        return percentile(xs, 95)

    print_table(
        f"Desktop client, {n:,} reports (offscreen Qt; baseline = the same work without Qt)",
        ["measure", "client", "baseline", "ratio", "target"],
        [
            (
                "cold start to unlock window (s, median of 5)",
                cold_client,
                cold_bare,
                cold_client / cold_bare,
                "≤ 1.5 from source",
            ),
            ("unlock (Argon2id) to main window (s)", unlock_to_main, "", "", ""),
            (
                "open a report, p50 (ms)",
                percentile(open_ui, 50),
                percentile(open_core, 50),
                percentile(open_ui, 50) / percentile(open_core, 50),
                "",
            ),
            (
                "open a report, p95 (ms)",
                p95(open_ui),
                p95(open_core),
                p95(open_ui) / p95(open_core),
                "≤ 100",
            ),
            (
                "search, p50 (ms)",
                percentile(search_ui, 50),
                percentile(search_core, 50),
                percentile(search_ui, 50) / percentile(search_core, 50),
                "",
            ),
            (
                "search, p95 (ms)",
                p95(search_ui),
                p95(search_core),
                p95(search_ui) / p95(search_core),
                "≤ 100",
            ),
        ],
    )
