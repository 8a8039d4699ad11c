"""Entry point of the bundled desktop client `outpost-gui`.

With OUTPOST_STARTUP_PROBE=1 it exits as soon as the unlock window has been shown (its first
paint done), printing `startup <seconds>`: the installer tests and benchmark measure cold start
with it. Everything up to that point is what ui.app.main does. With OUTPOST_STARTUP_PROBE=screens
it then also loads every screen's module and draws a chart, so a module or Qt library missing
from a bundle shows up in the tests rather than after someone unlocks.
"""

import os
import sys
import time

_STARTED = time.perf_counter()


def _load_every_screen() -> None:
    import importlib
    import pkgutil

    from PySide6.QtCharts import QChart, QChartView, QPieSeries

    import ui

    for module in pkgutil.iter_modules(ui.__path__):
        importlib.import_module(f"ui.{module.name}")
    chart = QChart()
    series = QPieSeries()
    series.append("probe", 1.0)
    chart.addSeries(series)
    view = QChartView(chart)
    view.resize(200, 150)
    view.grab()  # renders it
    print(f"screens loaded: {len(list(pkgutil.iter_modules(ui.__path__)))} ui modules, chart drawn")


def _probe() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.paths import DataPaths
    from ui.controller import AppController

    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName("Outpost")
    controller = AppController(DataPaths.resolve(None))
    qt_app.aboutToQuit.connect(controller.shutdown)
    controller.start()

    def check() -> None:
        window = controller.unlock_window
        if window is not None and window.isVisible():
            window.repaint()  # the first paint is part of "on screen"
            print(f"startup {time.perf_counter() - _STARTED:.3f} s (since the interpreter ran)")
            if os.environ.get("OUTPOST_STARTUP_PROBE") == "screens":
                _load_every_screen()
            qt_app.quit()
        else:
            QTimer.singleShot(5, check)

    QTimer.singleShot(0, check)
    return qt_app.exec()


if __name__ == "__main__":
    if os.environ.get("OUTPOST_STARTUP_PROBE"):
        sys.exit(_probe())
    from ui.app import main

    sys.exit(main())
